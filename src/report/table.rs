//! The comparison tables (comfy-table): systems as rows, metrics as columns, one table per
//! section, the best value of each column marked with `*`, the signature underneath.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment};

use super::{Render, Report, fmt_cell, fmt_value};
use crate::evaluate::Section;

/// Comparison tables for the terminal.
pub struct Table;

fn right(s: impl ToString) -> Cell {
    Cell::new(s.to_string()).set_alignment(CellAlignment::Right)
}

fn new_table() -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t
}

/// The per-section tables of system means (all sections, or all but ROUGE); whether a best
/// value was marked.
fn section_tables(report: &Report, out: &mut dyn Write, skip_rouge: bool) -> io::Result<bool> {
    let best = report.best();
    let mut marked = false;
    for (section, cols) in report.visible_sections() {
        if skip_rouge && section == Section::Rouge {
            continue;
        }
        let mut t = new_table();
        let mut header = vec![Cell::new("system"), Cell::new("n")];
        header.extend(cols.iter().map(|&k| Cell::new(&report.columns[k].label)));
        t.set_header(header);
        for (i, s) in report.systems.iter().enumerate() {
            let n = cols.iter().map(|&k| s.defined[k]).max().unwrap_or(0);
            let mut row = vec![Cell::new(&s.name), right(n)];
            for &k in &cols {
                let mut text = fmt_cell(s, k);
                if best[k][i] {
                    text.push('*');
                    marked = true;
                }
                row.push(right(text));
            }
            t.add_row(row);
        }
        writeln!(out, "{section}")?;
        writeln!(out, "{t}")?;
    }
    Ok(marked)
}

/// The notes and the signature under the tables.
fn footer(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for note in &report.notes {
        writeln!(out, "note: {note}")?;
    }
    writeln!(out, "signature: {}", report.signature)
}

impl Render for Table {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let marked = section_tables(report, out, false)?;
        if report.per_example {
            let mut t = new_table();
            let mut header = vec![Cell::new("id"), Cell::new("system")];
            header.extend(report.columns.iter().map(|c| Cell::new(&c.label)));
            t.set_header(header);
            for e in &report.examples {
                for s in &e.systems {
                    let mut row = vec![Cell::new(&e.id), Cell::new(&s.system)];
                    row.extend(
                        s.values(&report.config)
                            .into_iter()
                            .map(|v| right(fmt_value(v))),
                    );
                    t.add_row(row);
                }
            }
            writeln!(out, "per example")?;
            writeln!(out, "{t}")?;
        }
        if marked {
            writeln!(out, "* best value in its column")?;
        }
        if !report.comparisons.is_empty() {
            super::comparison::render_systems(&report.comparison(), super::Format::Table, out)?;
        }
        footer(report, out)
    }
}

impl Table {
    /// The tables of one scored pair: one row per ROUGE type with P, R and F, then the other
    /// sections (with a source), the notes and the signature.
    pub fn render_pair(report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut t = new_table();
        t.set_header(vec!["metric", "precision", "recall", "fmeasure"]);
        if let Some(s) = report.systems.first() {
            for (ty, sc) in &s.scores {
                t.add_row(vec![
                    Cell::new(ty),
                    right(format!("{:.4}", sc.precision)),
                    right(format!("{:.4}", sc.recall)),
                    right(format!("{:.4}", sc.fmeasure)),
                ]);
            }
        }
        if !report.config.rouge_types.is_empty() {
            writeln!(out, "{t}")?;
        }
        section_tables(report, out, true)?;
        footer(report, out)
    }
}

//! The comparison table (comfy-table): systems as rows, metrics as columns.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement};

use super::{Render, Report};

/// Systems as rows, mean P/R/F of each metric as columns, the signature underneath.
pub struct Table;

fn num(x: f64) -> Cell {
    Cell::new(format!("{x:.4}")).set_alignment(CellAlignment::Right)
}

impl Render for Table {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut t = comfy_table::Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec![Cell::new("system"), Cell::new("n")];
        for m in &report.metrics {
            for k in ["P", "R", "F"] {
                header.push(Cell::new(format!("{m} {k}")));
            }
        }
        t.set_header(header);
        for s in &report.systems {
            let mut row = vec![Cell::new(&s.name), num_int(s.examples)];
            for (_, sc) in &s.scores {
                row.extend([num(sc.precision), num(sc.recall), num(sc.fmeasure)]);
            }
            t.add_row(row);
        }
        writeln!(out, "{t}")?;
        for note in &report.notes {
            writeln!(out, "note: {note}")?;
        }
        writeln!(out, "signature: {}", report.signature)
    }
}

fn num_int(x: u64) -> Cell {
    Cell::new(x).set_alignment(CellAlignment::Right)
}

impl Table {
    /// The table of one scored pair: one row per ROUGE type with P, R and F.
    pub fn render_pair(report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut t = comfy_table::Table::new();
        t.load_style(UTF8_FULL_CONDENSED);
        t.set_header(vec!["metric", "precision", "recall", "fmeasure"]);
        if let Some(s) = report.systems.first() {
            for (ty, sc) in &s.scores {
                t.add_row(vec![
                    Cell::new(ty),
                    num(sc.precision),
                    num(sc.recall),
                    num(sc.fmeasure),
                ]);
            }
        }
        writeln!(out, "{t}")?;
        writeln!(out, "signature: {}", report.signature)
    }
}

//! Markdown tables, for pull-request comments: the same content as the terminal tables, the
//! best value of each column in bold.

use std::io::{self, Write};

use super::{Render, Report, fmt_cell, fmt_value};

/// GitHub-flavoured Markdown tables.
pub struct Markdown;

/// Escapes the characters that would break a table cell.
pub(super) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub(super) fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

pub(super) fn header(out: &mut dyn Write, cells: &[String], numeric_from: usize) -> io::Result<()> {
    row(out, cells)?;
    let rule: Vec<String> = (0..cells.len())
        .map(|i| {
            if i >= numeric_from {
                "---:".to_owned()
            } else {
                "---".to_owned()
            }
        })
        .collect();
    row(out, &rule)
}

impl Render for Markdown {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let best = report.best();
        for (section, cols) in report.visible_sections() {
            writeln!(out, "### {section}\n")?;
            let mut h = vec!["system".to_owned(), "n".to_owned()];
            h.extend(cols.iter().map(|&k| cell(&report.columns[k].label)));
            header(out, &h, 1)?;
            for (i, s) in report.systems.iter().enumerate() {
                let n = cols.iter().map(|&k| s.defined[k]).max().unwrap_or(0);
                let mut r = vec![cell(&s.name), n.to_string()];
                for &k in &cols {
                    let v = fmt_cell(s, k);
                    r.push(if best[k][i] { format!("**{v}**") } else { v });
                }
                row(out, &r)?;
            }
            writeln!(out)?;
        }
        if report.per_example {
            writeln!(out, "### per example\n")?;
            let mut h = vec!["id".to_owned(), "system".to_owned()];
            h.extend(report.columns.iter().map(|c| cell(&c.label)));
            header(out, &h, 2)?;
            for e in &report.examples {
                for s in &e.systems {
                    let mut r = vec![cell(&e.id), cell(&s.system)];
                    r.extend(s.values(&report.config).into_iter().map(fmt_value));
                    row(out, &r)?;
                }
            }
            writeln!(out)?;
        }
        if !report.comparisons.is_empty() {
            super::comparison::render_systems(&report.comparison(), super::Format::Markdown, out)?;
        }
        for note in &report.notes {
            writeln!(out, "> {}\n", cell(note))?;
        }
        writeln!(out, "`{}`", report.signature)
    }
}

//! The fact-check renderer of `sumbench explain`: every fact of a source and a candidate with
//! its status (kept, missing, supported, unsupported, verbatim, altered, vague) and where it
//! occurs in both texts (1-based line:column).

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use super::Format;
use super::markdown::{cell, header, row};
use crate::metrics::facts::{CategoryCounts, FactReport};

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn place(text: &str, span: Option<(usize, usize)>) -> String {
    span.map_or_else(String::new, |(s, _)| {
        let (l, c) = line_col(text, s);
        format!("{l}:{c}")
    })
}

fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

fn counts_row(name: &str, c: &CategoryCounts) -> Vec<String> {
    vec![
        name.to_owned(),
        format!("{}/{}", c.kept, c.source_distinct),
        share(c.retention()),
        format!("{}/{}", c.supported, c.candidate_distinct),
        share(c.support()),
    ]
}

/// Writes one candidate's fact checks against its source (or its references): in
/// [`Format::Json`] as one JSON document, in [`Format::Table`] or [`Format::Markdown`] as a
/// table of counts and a table of every fact with its status and positions. `source` is the
/// text checked against (its positions are the "source at" column).
pub fn render_facts(
    out: &mut dyn Write,
    title: &str,
    source: &str,
    candidate: &str,
    report: &FactReport,
    format: Format,
) -> io::Result<()> {
    if format == Format::Json {
        let checks: Vec<_> = report
            .checks
            .iter()
            .map(|c| {
                let mut v = json!(c);
                v["source_at"] = json!(place(source, c.source_span));
                v["candidate_at"] = json!(place(candidate, c.candidate_span));
                v
            })
            .collect();
        let mut v = json!({"example": title, "report": report});
        v["report"]["checks"] = json!(checks);
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    let counts: Vec<Vec<String>> = [
        ("numbers", &report.numbers),
        ("names", &report.names),
        ("quotes", &report.quotes),
        ("all", &report.overall),
    ]
    .into_iter()
    .map(|(name, c)| counts_row(name, c))
    .collect();
    let mut checks = Vec::new();
    for c in &report.checks {
        let status = serde_json::to_value(c.status)?;
        let kind = serde_json::to_value(c.kind)?;
        let detail = match (&c.diff, c.similarity) {
            (Some(d), Some(sim)) => format!(
                "similarity {sim:.2}; removed: {}; added: {}",
                d.removed.join(" "),
                d.added.join(" ")
            ),
            _ if c.approximate => "approximate".to_owned(),
            _ => String::new(),
        };
        checks.push(vec![
            status.as_str().unwrap_or("").to_owned(),
            kind.as_str().unwrap_or("").to_owned(),
            c.text.clone(),
            place(source, c.source_span),
            place(candidate, c.candidate_span),
            detail,
        ]);
    }
    let names_note = (!report.names_assessable).then_some(
        "the candidate has no capital letters, so its names cannot be found; name support is not assessed",
    );
    const COUNTS: [&str; 5] = ["facts", "kept", "retention", "supported", "support"];
    const CHECKS: [&str; 6] = [
        "status",
        "kind",
        "fact",
        "source at",
        "candidate at",
        "detail",
    ];
    if format == Format::Markdown {
        writeln!(out, "### {}\n", cell(title))?;
        markdown_table(out, &COUNTS, &counts, 1)?;
        if let Some(n) = names_note {
            writeln!(out, "> note: {n}\n")?;
        }
        return markdown_table(out, &CHECKS, &checks, 6);
    }
    writeln!(out, "{title}")?;
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(COUNTS.to_vec());
    for row in counts {
        t.add_row(row);
    }
    writeln!(out, "{t}")?;
    if let Some(n) = names_note {
        writeln!(out, "note: {n}")?;
    }
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120);
    t.set_header(CHECKS.to_vec());
    for row in checks {
        t.add_row(row.into_iter().map(Cell::new).collect::<Vec<_>>());
    }
    writeln!(out, "{t}")?;
    Ok(())
}

/// A GitHub-flavoured Markdown table; columns from `numeric_from` on are right-aligned.
fn markdown_table(
    out: &mut dyn Write,
    head: &[&str],
    rows: &[Vec<String>],
    numeric_from: usize,
) -> io::Result<()> {
    let head: Vec<String> = head.iter().map(|h| (*h).to_owned()).collect();
    header(out, &head, numeric_from)?;
    for r in rows {
        row(out, &r.iter().map(|c| cell(c)).collect::<Vec<_>>())?;
    }
    writeln!(out)
}

//! The fact-check renderer of `sumbench explain`: every fact of a source and a candidate with
//! its status (kept, missing, supported, unsupported, verbatim, altered, vague) and where it
//! occurs in both texts (1-based line:column).

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

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

/// Writes one candidate's fact checks against its source: as a JSON document (`json`), or as
/// a table of counts and a table of every fact with its status and positions.
pub fn render_facts(
    out: &mut dyn Write,
    title: &str,
    source: &str,
    candidate: &str,
    report: &FactReport,
    json: bool,
) -> io::Result<()> {
    if json {
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
    writeln!(out, "{title}")?;
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(vec!["facts", "kept", "retention", "supported", "support"]);
    for (name, c) in [
        ("numbers", &report.numbers),
        ("names", &report.names),
        ("quotes", &report.quotes),
        ("all", &report.overall),
    ] {
        t.add_row(counts_row(name, c));
    }
    writeln!(out, "{t}")?;
    if !report.names_assessable {
        writeln!(
            out,
            "note: the candidate has no capital letters, so its names cannot be found; name support is not assessed"
        )?;
    }
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120);
    t.set_header(vec![
        "status",
        "kind",
        "fact",
        "source at",
        "candidate at",
        "detail",
    ]);
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
        t.add_row(vec![
            Cell::new(status.as_str().unwrap_or("")),
            Cell::new(kind.as_str().unwrap_or("")),
            Cell::new(&c.text),
            Cell::new(place(source, c.source_span)),
            Cell::new(place(candidate, c.candidate_span)),
            Cell::new(detail),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

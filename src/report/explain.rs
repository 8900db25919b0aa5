//! The fact-check renderer of `sumbench explain`: every fact of a source and a candidate with
//! its status (kept, missing, supported, unsupported, verbatim, altered, vague) and where it
//! occurs in both texts (1-based line:column).

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use super::Format;
use super::markdown::{cell, header, row};
use crate::metrics::facts::{self, CategoryCounts, FactReport};

/// Finds the 1-based line and column (in characters) of byte offsets in one text, each in
/// time independent of the text's length: the newlines are indexed once, and the characters
/// before every [`Lines::BLOCK`]-th byte counted once (a 10 MB text without newlines with
/// thousands of facts took seconds per fact with a scan from the start).
struct Lines<'a> {
    text: &'a [u8],
    newlines: Vec<usize>,
    /// characters (bytes that do not continue a UTF-8 sequence) before byte `k * BLOCK`
    chars: Vec<usize>,
}

impl<'a> Lines<'a> {
    const BLOCK: usize = 4096;

    fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        let newlines = text
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        let mut chars = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut n = 0;
        chars.push(0);
        for block in text.chunks(Self::BLOCK) {
            n += count_chars(block);
            chars.push(n);
        }
        Lines {
            text,
            newlines,
            chars,
        }
    }

    fn chars_before(&self, at: usize) -> usize {
        let k = at / Self::BLOCK;
        self.chars[k] + count_chars(&self.text[k * Self::BLOCK..at])
    }

    /// 1-based line and column (in characters) of byte offset `at` (a character boundary).
    fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let line = self.newlines.partition_point(|&p| p < at);
        let start = if line == 0 {
            0
        } else {
            self.newlines[line - 1] + 1
        };
        (
            line + 1,
            self.chars_before(at) - self.chars_before(start) + 1,
        )
    }

    fn place(&self, span: Option<(usize, usize)>) -> String {
        span.map_or_else(String::new, |(s, _)| {
            let (l, c) = self.line_col(s);
            format!("{l}:{c}")
        })
    }
}

/// Characters of UTF-8 `bytes`: the bytes that do not continue a multi-byte sequence.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
    let (source_lines, candidate_lines) = (Lines::new(source), Lines::new(candidate));
    if format == Format::Json {
        let checks: Vec<_> = report
            .checks
            .iter()
            .map(|c| {
                let mut v = json!(c);
                v["source_at"] = json!(source_lines.place(c.source_span));
                v["candidate_at"] = json!(candidate_lines.place(c.candidate_span));
                v
            })
            .collect();
        let mut v = json!({"example": title, "report": report});
        v["report"]["checks"] = json!(checks);
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    use crate::metrics::facts::FactKind;
    let counts: Vec<Vec<String>> = [
        ("numbers", &report.numbers, Some(FactKind::Number)),
        ("names", &report.names, Some(FactKind::Name)),
        ("quotes", &report.quotes, Some(FactKind::Quote)),
        ("all", &report.overall, None),
    ]
    .into_iter()
    .map(|(name, c, kind)| match kind {
        Some(k) if report.unmeasured.contains(&k) => {
            let mut row = vec![name.to_owned()];
            row.extend(std::iter::repeat_n("not measured".to_owned(), 4));
            row
        }
        _ => counts_row(name, c),
    })
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
            source_lines.place(c.source_span),
            candidate_lines.place(c.candidate_span),
            detail,
        ]);
    }
    let names_note = match (report.names_caseless, report.names_assessable) {
        _ if report.unmeasured.contains(&FactKind::Name) => None,
        (true, true) => Some(
            "the candidate has no capital letters but at sentence starts: its names are the source's names found in any case and runs of words that are not common English words (SCOWL)",
        ),
        (true, false) => Some(
            "the candidate has no capital letters but at sentence starts: the source's names are looked for in it in any case, but its own names are not assessed (no common-word list for this language)",
        ),
        (false, _) => None,
    };
    const COUNTS: [&str; 5] = ["facts", "kept", "retention", "supported", "support"];
    const CHECKS: [&str; 6] = [
        "status",
        "kind",
        "fact",
        "source at",
        "candidate at",
        "detail",
    ];
    let consistency = facts::consistency(&report.lexical, &report.overall)
        .map_or_else(|| "nothing to check".to_owned(), |v| format!("{v:.3}"));
    let lexical = format!(
        "consistency {consistency}; {}",
        lexical_line(&report.lexical, &candidate_lines)
    );
    if format == Format::Markdown {
        writeln!(out, "### {}\n", cell(title))?;
        markdown_table(out, &COUNTS, &counts, 1)?;
        if let Some(n) = names_note {
            writeln!(out, "> note: {n}\n")?;
        }
        markdown_table(out, &CHECKS, &checks, 6)?;
        return writeln!(out, "{}\n", cell(&lexical));
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
    writeln!(out, "{lexical}")?;
    Ok(())
}

/// One line on the candidate's lexical support: the share at each n-gram order and every
/// content word the source does not have, with its position in the candidate.
fn lexical_line(l: &facts::support::Support, candidate: &Lines<'_>) -> String {
    let orders: Vec<String> = l
        .counts
        .iter()
        .enumerate()
        .map(|(k, (s, t))| format!("{}-grams {s}/{t}", k + 1))
        .collect();
    let score = l
        .score()
        .map_or_else(|| "nothing to check".to_owned(), |v| format!("{v:.3}"));
    let words: Vec<String> = l
        .unsupported
        .iter()
        .map(|(w, span)| format!("{w} ({})", candidate.place(Some(*span))))
        .collect();
    let words = if words.is_empty() {
        "none".to_owned()
    } else {
        words.join(", ")
    };
    format!(
        "lexical support {score} ({}); content words not in the source: {words}",
        orders.join(", ")
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column by scanning from the start (the definition).
    fn scan(text: &str, at: usize) -> (usize, usize) {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    proptest::proptest! {
        /// The indexed positions are the scanned ones, at every character boundary, across
        /// block boundaries and multi-byte characters.
        #[test]
        fn indexed_line_col_equals_scan(
            parts in proptest::collection::vec(
                proptest::prop_oneof!["a", "\n", "é", "€", "𝔸", "ab cd"], 0..3000),
        ) {
            let text: String = parts.concat();
            let lines = Lines::new(&text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)).step_by(7) {
                proptest::prop_assert_eq!(lines.line_col(at), scan(&text, at));
            }
            proptest::prop_assert_eq!(lines.line_col(text.len()), scan(&text, text.len()));
        }
    }
}

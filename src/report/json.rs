//! JSON and JSONL renderers.
//!
//! Numbers are written with serde_json's shortest round-trip representation, which is also
//! Python's `repr(float)`: a value equal to rouge-score's prints identically.

use std::io::{self, Write};

use super::schema::{Head, SCHEMA, SystemRecord};
use super::{Render, Report};
use crate::evaluate::{Column, EvalConfig, ExampleResult, Section, SystemResult, Target};
use crate::metrics::rouge::RougeResult;

/// The whole report as one JSON document (schema [`SCHEMA`]).
pub struct Json;

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let head = Head {
            schema: SCHEMA,
            signature: report.signature.to_string(),
            metrics: report.config.rouge_types.iter().map(|t| t.name()).collect(),
            columns: &report.columns,
            counts: &report.counts,
            notes: &report.notes,
            systems: report
                .systems
                .iter()
                .map(|s| SystemRecord::of(s, &report.columns))
                .collect(),
            comparisons: &report.comparisons,
        };
        let mut buf = serde_json::to_vec_pretty(&head)?;
        // the pretty header ends with "\n}": the per-example section goes before that brace
        buf.truncate(buf.len() - 2);
        buf.extend_from_slice(b",\n  \"examples\": ");
        let mut w = io::BufWriter::with_capacity(1 << 16, &mut *out);
        w.write_all(&buf)?;
        write_columns(report, &mut w)?;
        w.write_all(b"\n}\n")?;
        w.flush()
    }
}

/// One count of a ROUGE result.
type CountField = fn(&RougeResult) -> u64;

/// The per-example section of a `sumbench.report/2` document: one row per example and
/// system (input order), one compact array per field, each on its own line.
fn write_columns(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<(&ExampleResult, &SystemResult)> = report
        .examples
        .iter()
        .flat_map(|e| e.systems.iter().map(move |s| (e, s)))
        .collect();
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    let mut float = zmij::Buffer::new();
    let flush = |buf: &mut Vec<u8>, w: &mut dyn Write| -> io::Result<()> {
        w.write_all(buf)?;
        buf.clear();
        Ok(())
    };
    // writes `"name": [v, v, ...]` with `item` writing each value
    let array = |buf: &mut Vec<u8>,
                 w: &mut dyn Write,
                 indent: &str,
                 name: &str,
                 last: bool,
                 item: &mut dyn FnMut(&mut Vec<u8>, usize)|
     -> io::Result<()> {
        buf.extend_from_slice(indent.as_bytes());
        json_string(buf, name);
        buf.extend_from_slice(b": [");
        for i in 0..rows.len() {
            if i > 0 {
                buf.push(b',');
            }
            item(buf, i);
            if buf.len() > 1 << 16 {
                flush(buf, w)?;
            }
        }
        buf.extend_from_slice(if last { b"]\n" } else { b"],\n" });
        Ok(())
    };
    let int = |buf: &mut Vec<u8>, v: u64| {
        let mut b = itoa::Buffer::new();
        buf.extend_from_slice(b.format(v).as_bytes());
    };
    buf.extend_from_slice(b"{\n    \"rows\": ");
    int(&mut buf, rows.len() as u64);
    buf.extend_from_slice(b",\n");
    let i4 = "    ";
    array(&mut buf, w, i4, "id", false, &mut |b, i| {
        json_string(b, &rows[i].0.id)
    })?;
    array(&mut buf, w, i4, "system", false, &mut |b, i| {
        json_string(b, &rows[i].1.system)
    })?;
    array(&mut buf, w, i4, "target", false, &mut |b, i| {
        b.extend_from_slice(match rows[i].0.target {
            Target::References => b"\"references\"",
            Target::Source => b"\"source\"",
        })
    })?;
    array(&mut buf, w, i4, "n_refs", false, &mut |b, i| {
        int(b, rows[i].0.n_refs as u64)
    })?;
    array(&mut buf, w, i4, "removed_lines", false, &mut |b, i| {
        int(b, rows[i].0.removed_lines as u64)
    })?;
    if matches!(
        report.config.tokenization,
        crate::text::Tokenization::Auto { .. }
    ) {
        array(&mut buf, w, i4, "lang", false, &mut |b, i| {
            json_string(b, rows[i].0.lang.unwrap_or("und"))
        })?;
    }
    // ROUGE counts, per type, with the chosen reference
    let types = &report.config.rouge_types;
    buf.extend_from_slice(b"    \"counts\": {");
    for (t, rouge_type) in types.iter().enumerate() {
        buf.extend_from_slice(if t == 0 { b"\n      " } else { b",\n      " });
        json_string(&mut buf, rouge_type.as_str());
        buf.extend_from_slice(b": {\n");
        let fields: [(&str, CountField); 4] = [
            ("hits", |r| r.counts.hits),
            ("candidate_total", |r| r.counts.candidate_total),
            ("reference_total", |r| r.counts.reference_total),
            ("reference", |r| r.reference as u64),
        ];
        for (f, (name, get)) in fields.iter().enumerate() {
            array(
                &mut buf,
                w,
                "        ",
                name,
                f == 3,
                &mut |b, i| match rows[i].1.rouge.get(t) {
                    Some(r) => int(b, get(r)),
                    None => b.extend_from_slice(b"null"),
                },
            )?;
        }
        buf.extend_from_slice(b"      }");
    }
    buf.extend_from_slice(if types.is_empty() {
        b"},\n"
    } else {
        b"\n    },\n"
    });
    // every column's values, by key: transposed once (NaN for undefined)
    let ncols = report.columns.len();
    let mut matrix = vec![f64::NAN; rows.len() * ncols];
    let mut values = Vec::new();
    for (i, (_, s)) in rows.iter().enumerate() {
        s.values_into(&report.config, &mut values);
        for (k, v) in values.iter().enumerate().take(ncols) {
            matrix[k * rows.len() + i] = v.unwrap_or(f64::NAN);
        }
    }
    buf.extend_from_slice(b"    \"values\": {");
    for (k, c) in report.columns.iter().enumerate() {
        buf.extend_from_slice(if k == 0 { b"\n" } else { b",\n" });
        buf.extend_from_slice(b"      ");
        json_string(&mut buf, &c.key);
        buf.extend_from_slice(b": [");
        for (i, v) in matrix[k * rows.len()..(k + 1) * rows.len()]
            .iter()
            .enumerate()
        {
            if i > 0 {
                buf.push(b',');
            }
            if v.is_finite() {
                buf.extend_from_slice(float.format_finite(*v).as_bytes());
            } else {
                buf.extend_from_slice(b"null");
            }
            if buf.len() > 1 << 16 {
                flush(&mut buf, w)?;
            }
        }
        buf.push(b']');
    }
    buf.extend_from_slice(if ncols == 0 { b"},\n" } else { b"\n    },\n" });
    drop(matrix);
    array(
        &mut buf,
        w,
        i4,
        "facts",
        true,
        &mut |b, i| match fact_lists(rows[i].1) {
            // Writing to a Vec cannot fail.
            Some(f) => {
                let _ = serde_json::to_writer(&mut *b, f);
            }
            None => b.extend_from_slice(b"null"),
        },
    )?;
    buf.extend_from_slice(b"  }");
    flush(&mut buf, w)
}

/// The facts worth a look of one system's result, when facts were checked against a source.
fn fact_lists(s: &SystemResult) -> Option<&crate::evaluate::FactLists> {
    s.facts.as_ref().and_then(|f| f.lists.as_ref())
}

/// Column values of one example and system, by key: every column, or (`skip_rouge`) those
/// outside the ROUGE section.
struct ValuesMap<'a> {
    columns: &'a [Column],
    values: &'a [Option<f64>],
    skip_rouge: bool,
}

impl serde::Serialize for ValuesMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pairs = self.columns.iter().zip(self.values);
        s.collect_map(
            pairs
                .filter(|(c, _)| !(self.skip_rouge && c.section == Section::Rouge))
                .map(|(c, v)| (&c.key, v)),
        )
    }
}

/// One line per example and system: `{"id", "system", "scores": {type: {P, R, F}}}`, plus
/// `"metrics": {key: value}` for the columns other than ROUGE, when there are any.
pub struct Jsonl;

/// ROUGE scores of one example and system, serialised as `{type: {P, R, F}}` without building
/// an intermediate JSON value.
struct ScoresMap<'a>(&'a [RougeResult]);

impl serde::Serialize for ScoresMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(
            self.0
                .iter()
                .map(|c| (c.rouge_type.as_str(), c.counts.score())),
        )
    }
}

/// One JSONL line.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    system: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    scores: ScoresMap<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<ValuesMap<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<&'a crate::evaluate::FactLists>,
}

/// A ROUGE-only JSONL line written directly: the same bytes as serialising [`Line`] with
/// serde_json (same key order, the same shortest-round-trip float formatter, strings escaped
/// by serde_json whenever they hold a character that needs it), without its generic
/// machinery. The snapshot tests pin the output.
fn rouge_line(buf: &mut Vec<u8>, id: &str, system: &str, rouge: &[RougeResult]) {
    let mut float = zmij::Buffer::new();
    let mut number = |buf: &mut Vec<u8>, v: f64| {
        if v.is_finite() {
            buf.extend_from_slice(float.format_finite(v).as_bytes());
        } else {
            buf.extend_from_slice(b"null");
        }
    };
    buf.extend_from_slice(b"{\"id\":");
    json_string(buf, id);
    buf.extend_from_slice(b",\"system\":");
    json_string(buf, system);
    buf.extend_from_slice(b",\"scores\":{");
    for (k, c) in rouge.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        json_string(buf, c.rouge_type.as_str());
        let s = c.counts.score();
        buf.extend_from_slice(b":{\"precision\":");
        number(buf, s.precision);
        buf.extend_from_slice(b",\"recall\":");
        number(buf, s.recall);
        buf.extend_from_slice(b",\"fmeasure\":");
        number(buf, s.fmeasure);
        buf.push(b'}');
    }
    buf.extend_from_slice(b"}}\n");
}

/// `s` as a JSON string: copied between quotes when nothing in it needs escaping, else through
/// serde_json.
fn json_string(buf: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *buf, s);
    }
}

impl Jsonl {
    /// Writes the lines of `examples`: used to stream the output batch by batch.
    pub fn write_lines(
        config: &EvalConfig,
        columns: &[Column],
        examples: &[ExampleResult],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let other_columns = columns.iter().any(|c| c.section != Section::Rouge);
        let mut values = Vec::new();
        // Serialise into memory first: many small writes through `dyn Write` cost more than
        // the JSON itself.
        let mut buf: Vec<u8> = Vec::with_capacity(examples.len() * 400);
        for e in examples {
            for s in &e.systems {
                let facts = fact_lists(s);
                if !other_columns && facts.is_none() && e.lang.is_none() {
                    rouge_line(&mut buf, &e.id, &s.system, &s.rouge);
                    continue;
                }
                if other_columns {
                    s.values_into(config, &mut values);
                }
                let line = Line {
                    id: &e.id,
                    system: &s.system,
                    lang: e.lang,
                    scores: ScoresMap(&s.rouge),
                    metrics: other_columns.then_some(ValuesMap {
                        columns,
                        values: &values,
                        skip_rouge: true,
                    }),
                    facts,
                };
                serde_json::to_writer(&mut buf, &line)?;
                buf.push(b'\n');
            }
        }
        out.write_all(&buf)
    }
}

impl Render for Jsonl {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        Jsonl::write_lines(&report.config, &report.columns, &report.examples, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::rouge::{Counts, RougeType};

    #[test]
    fn direct_rouge_line_equals_serde() {
        let rouge: Vec<RougeResult> = [(RougeType::N(1), 3, 7, 9), (RougeType::Lsum, 0, 0, 4)]
            .into_iter()
            .map(|(rouge_type, hits, c, r)| RougeResult {
                rouge_type,
                reference: 0,
                counts: Counts {
                    hits,
                    candidate_total: c,
                    reference_total: r,
                },
            })
            .collect();
        for (id, system) in [
            ("plain", "candidate"),
            ("q\"uote\\back", "tab\there"),
            ("\u{1}ctl é 日本", "\u{7f}del"),
        ] {
            let mut direct = Vec::new();
            rouge_line(&mut direct, id, system, &rouge);
            let mut serde = serde_json::to_vec(&Line {
                id,
                system,
                lang: None,
                scores: ScoresMap(&rouge),
                metrics: None,
                facts: None,
            })
            .unwrap();
            serde.push(b'\n');
            assert_eq!(
                String::from_utf8(direct).unwrap(),
                String::from_utf8(serde).unwrap()
            );
        }
    }
}

//! JSON and JSONL renderers.
//!
//! Numbers are written with serde_json's shortest round-trip representation, which is also
//! Python's `repr(float)`: a value equal to rouge-score's prints identically.

use std::borrow::Cow;
use std::io::{self, Write};

use super::schema::{CountsRecord, Document, ExampleRecord, SCHEMA, SystemRecord};
use super::{Render, Report};
use crate::evaluate::{Column, EvalConfig, ExampleResult, Section, SystemResult};
use crate::metrics::rouge::RougeResult;

/// The whole report as one JSON document (schema [`SCHEMA`]).
pub struct Json;

/// Per-example records, serialised one by one as the document is written (never as one
/// in-memory tree: a report of a million examples would need gigabytes).
struct ExamplesView<'a>(&'a Report);

/// The per-type counts of one example, with the index of the chosen reference.
struct CountsMap<'a>(&'a [RougeResult]);

impl serde::Serialize for CountsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|c| {
            let record = CountsRecord {
                hits: c.counts.hits,
                candidate_total: c.counts.candidate_total,
                reference_total: c.counts.reference_total,
                reference: c.reference,
            };
            (c.rouge_type.as_str(), record)
        }))
    }
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

impl serde::Serialize for ExamplesView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let report = self.0;
        let mut seq = s.serialize_seq(None)?;
        let mut values = Vec::new();
        for e in &report.examples {
            for sys in &e.systems {
                sys.values_into(&report.config, &mut values);
                seq.serialize_element(&ExampleRecord {
                    id: Cow::Borrowed(e.id.as_str()),
                    system: Cow::Borrowed(sys.system.as_str()),
                    target: e.target,
                    n_refs: e.n_refs,
                    removed_lines: e.removed_lines,
                    scores: ScoresMap(&sys.rouge),
                    counts: CountsMap(&sys.rouge),
                    values: ValuesMap {
                        columns: &report.columns,
                        values: &values,
                        skip_rouge: false,
                    },
                    facts: fact_lists(sys).map(Cow::Borrowed),
                })?;
            }
        }
        seq.end()
    }
}

/// The facts worth a look of one system's result, when facts were checked against a source.
fn fact_lists(s: &SystemResult) -> Option<&crate::evaluate::FactLists> {
    s.facts.as_ref().and_then(|f| f.lists.as_ref())
}

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let doc = Document {
            schema: SCHEMA.to_owned(),
            signature: report.signature.to_string(),
            metrics: report.config.rouge_types.iter().map(|t| t.name()).collect(),
            columns: report.columns.clone(),
            counts: report.counts.clone(),
            notes: report.notes.clone(),
            systems: report
                .systems
                .iter()
                .map(|s| SystemRecord::of(s, &report.columns))
                .collect(),
            comparisons: report.comparisons.clone(),
            examples: ExamplesView(report),
        };
        let mut w = io::BufWriter::new(&mut *out);
        serde_json::to_writer_pretty(&mut w, &doc)?;
        w.flush()?;
        drop(w);
        writeln!(out)
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
                if !other_columns && facts.is_none() {
                    rouge_line(&mut buf, &e.id, &s.system, &s.rouge);
                    continue;
                }
                if other_columns {
                    s.values_into(config, &mut values);
                }
                let line = Line {
                    id: &e.id,
                    system: &s.system,
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

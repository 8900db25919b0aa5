//! JSON and JSONL renderers.
//!
//! Numbers are written with serde_json's shortest round-trip representation, which is also
//! Python's `repr(float)`: a value equal to rouge-score's prints identically.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{Render, Report, SCHEMA};
use crate::metrics::rouge::{Chosen, Counts, Score};

fn score_value(s: &Score) -> Value {
    json!({"precision": s.precision, "recall": s.recall, "fmeasure": s.fmeasure})
}

fn counts_value(c: &Counts) -> Value {
    json!({"hits": c.hits, "candidate_total": c.candidate_total, "reference_total": c.reference_total})
}

/// The whole report as one JSON document (schema [`SCHEMA`]).
pub struct Json;

impl Json {
    /// The report's header (everything but the per-example records) as a JSON value.
    pub fn value(report: &Report) -> Value {
        let systems: Vec<Value> = report
            .systems
            .iter()
            .map(|s| {
                let mut scores = Map::new();
                for (t, sc) in &s.scores {
                    scores.insert(t.name(), score_value(sc));
                }
                let mut micro = Map::new();
                for (t, c, sc) in &s.micro {
                    let mut v = score_value(sc);
                    v["counts"] = counts_value(c);
                    micro.insert(t.name(), v);
                }
                let mut means = Map::new();
                for (k, c) in report.columns.iter().enumerate() {
                    means.insert(c.key.clone(), json!({"mean": s.means[k], "defined": s.defined[k]}));
                }
                for (k, c) in report.columns.iter().enumerate() {
                    if let Some(b) = s.bands.get(k).copied().flatten() {
                        means[&c.key]["band"] = json!(b);
                    }
                }
                json!({"name": s.name, "examples": s.examples, "scores": scores, "micro": micro, "metrics": means})
            })
            .collect();
        json!({
            "schema": SCHEMA,
            "signature": report.signature.to_string(),
            "metrics": report.metrics.iter().map(|t| t.name()).collect::<Vec<_>>(),
            "columns": report.columns,
            "counts": report.counts,
            "notes": report.notes,
            "systems": systems,
            "comparisons": report.comparisons,
        })
    }
}

/// Per-example records, serialised one by one as the document is written (never as one
/// in-memory tree: a report of a million examples would need gigabytes).
struct ExamplesView<'a>(&'a Report);

/// The per-type counts of one example, with the index of the chosen reference.
struct CountsMap<'a>(&'a [Chosen]);

impl serde::Serialize for CountsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        #[derive(serde::Serialize)]
        struct Entry {
            hits: u64,
            candidate_total: u64,
            reference_total: u64,
            reference: usize,
        }
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for c in self.0 {
            m.serialize_entry(
                c.rouge_type.as_str(),
                &Entry {
                    hits: c.counts.hits,
                    candidate_total: c.counts.candidate_total,
                    reference_total: c.counts.reference_total,
                    reference: c.reference,
                },
            )?;
        }
        m.end()
    }
}

/// Every column's value of one example, by key.
struct ValuesMap<'a> {
    columns: &'a [crate::evaluate::Column],
    values: &'a [Option<f64>],
}

impl serde::Serialize for ValuesMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.columns.len()))?;
        for (c, v) in self.columns.iter().zip(self.values) {
            m.serialize_entry(&c.key, v)?;
        }
        m.end()
    }
}

#[derive(serde::Serialize)]
struct ExampleView<'a> {
    id: &'a str,
    system: &'a str,
    target: crate::evaluate::Target,
    n_refs: usize,
    removed_lines: usize,
    scores: ScoresMap<'a>,
    counts: CountsMap<'a>,
    values: ValuesMap<'a>,
    facts: &'a Option<crate::evaluate::FactLists>,
}

impl serde::Serialize for ExamplesView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let report = self.0;
        let mut seq = s.serialize_seq(None)?;
        for e in &report.examples {
            for sys in &e.systems {
                seq.serialize_element(&ExampleView {
                    id: &e.id,
                    system: &sys.system,
                    target: e.target,
                    n_refs: e.n_refs,
                    removed_lines: e.removed_lines,
                    scores: ScoresMap(&sys.rouge),
                    counts: CountsMap(&sys.rouge),
                    values: ValuesMap {
                        columns: &report.columns,
                        values: &sys.values,
                    },
                    facts: &sys.facts,
                })?;
            }
        }
        seq.end()
    }
}

/// The document: the small header as a JSON value, then the examples streamed.
struct Document<'a> {
    head: Value,
    examples: ExamplesView<'a>,
}

impl serde::Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let head = self.head.as_object();
        let mut m = s.serialize_map(None)?;
        for (k, v) in head.into_iter().flatten() {
            m.serialize_entry(k, v)?;
        }
        m.serialize_entry("examples", &self.examples)?;
        m.end()
    }
}

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let doc = Document {
            head: Json::value(report),
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
struct ScoresMap<'a>(&'a [Chosen]);

impl serde::Serialize for ScoresMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for c in self.0 {
            m.serialize_entry(c.rouge_type.as_str(), &c.counts.score())?;
        }
        m.end()
    }
}

/// The non-ROUGE columns of one example and system, by key.
struct MetricsMap<'a> {
    columns: &'a [crate::evaluate::Column],
    values: &'a [Option<f64>],
}

impl serde::Serialize for MetricsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        for (c, v) in self.columns.iter().zip(self.values) {
            if c.section != "ROUGE" {
                m.serialize_entry(&c.key, v)?;
            }
        }
        m.end()
    }
}

/// One JSONL line.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    system: &'a str,
    scores: ScoresMap<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metrics: Option<MetricsMap<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<&'a crate::evaluate::FactLists>,
}

/// A ROUGE-only JSONL line written directly: the same bytes as serialising [`Line`] with
/// serde_json (same key order, the same shortest-round-trip float formatter, strings escaped
/// by serde_json whenever they hold a character that needs it), without its generic
/// machinery. The snapshot tests pin the output.
fn rouge_line(buf: &mut Vec<u8>, id: &str, system: &str, rouge: &[Chosen]) {
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
        columns: &[crate::evaluate::Column],
        examples: &[crate::evaluate::ExampleResult],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let other_columns = columns.iter().any(|c| c.section != "ROUGE");
        // Serialise into memory first: many small writes through `dyn Write` cost more than
        // the JSON itself.
        let mut buf: Vec<u8> = Vec::with_capacity(examples.len() * 400);
        for e in examples {
            for s in &e.systems {
                if !other_columns && s.facts.is_none() {
                    rouge_line(&mut buf, &e.id, &s.system, &s.rouge);
                    continue;
                }
                let line = Line {
                    id: &e.id,
                    system: &s.system,
                    scores: ScoresMap(&s.rouge),
                    metrics: other_columns.then_some(MetricsMap {
                        columns,
                        values: &s.values,
                    }),
                    facts: s.facts.as_ref(),
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
        Jsonl::write_lines(&report.columns, &report.examples, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::rouge::RougeType;

    #[test]
    fn direct_rouge_line_equals_serde() {
        let rouge: Vec<Chosen> = [(RougeType::N(1), 3, 7, 9), (RougeType::Lsum, 0, 0, 4)]
            .into_iter()
            .map(|(rouge_type, hits, c, r)| Chosen {
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

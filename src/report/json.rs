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

fn scores_object(rouge: &[Chosen]) -> Value {
    let mut m = Map::new();
    for c in rouge {
        m.insert(c.rouge_type.name(), score_value(&c.counts.score()));
    }
    Value::Object(m)
}

/// The whole report as one JSON document (schema [`SCHEMA`]).
pub struct Json;

impl Json {
    /// The report as a JSON value.
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
        let examples: Vec<Value> = report
            .examples
            .iter()
            .flat_map(|e| {
                e.systems.iter().map(move |s| {
                    let mut counts = Map::new();
                    for c in &s.rouge {
                        let mut v = counts_value(&c.counts);
                        v["reference"] = json!(c.reference);
                        counts.insert(c.rouge_type.name(), v);
                    }
                    let mut values = Map::new();
                    for (c, v) in report.columns.iter().zip(&s.values) {
                        values.insert(c.key.clone(), json!(v));
                    }
                    json!({
                        "id": e.id,
                        "system": s.system,
                        "target": e.target,
                        "n_refs": e.n_refs,
                        "removed_lines": e.removed_lines,
                        "scores": scores_object(&s.rouge),
                        "counts": counts,
                        "values": values,
                        "facts": s.facts,
                    })
                })
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
            "examples": examples,
        })
    }
}

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &Json::value(report))?;
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

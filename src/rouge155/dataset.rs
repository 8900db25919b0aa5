//! ROUGE-1.5.5 on sumbench's own inputs (`eval --rouge155 OPTIONS`, `score --rouge155`): each
//! example is one evaluation (its id the `EVAL ID`), each system a peer, each reference a
//! model, every text read as the SPL file it would be written to (one sentence per line); and
//! the per-example values and corpus figures written as JSON, JSONL or CSV with a signature
//! that names the mode and its options.

use std::fmt::Write as _;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value, json};

use super::options::Options;
use super::{Block, LoadedEval, spl_sentences};
use crate::dataset::Example;

/// The evaluations of a dataset, with the systems (peers) in first-seen order.
#[derive(Debug, Default)]
pub struct DatasetEvals {
    /// One evaluation per example with references.
    pub evals: Vec<LoadedEval>,
    /// The system names, sorted (the script's `-a` order).
    pub systems: Vec<String>,
    /// Examples left out (no reference: ROUGE-1.5.5 needs a model), with the reason.
    pub skipped: Vec<String>,
}

impl DatasetEvals {
    /// Adds an example (an error for a repeated id).
    pub fn add(&mut self, e: &Example, seen: &mut FxHashSet<String>) -> Result<(), String> {
        if !seen.insert(e.id.clone()) {
            return Err(format!(
                "line {}: example id '{}' is repeated (ROUGE-1.5.5 evaluation IDs must be unique)",
                e.line, e.id
            ));
        }
        if e.references.is_empty() {
            self.skipped.push(format!(
                "example '{}' (line {}): no reference",
                e.id, e.line
            ));
            return Ok(());
        }
        let mut peers = FxHashMap::default();
        for c in &e.candidates {
            peers.insert(c.system.clone(), spl_sentences(&c.text));
            if !self.systems.contains(&c.system) {
                self.systems.push(c.system.clone());
            }
        }
        let models: Vec<Arc<Vec<Vec<u8>>>> =
            e.references.iter().map(|r| spl_sentences(r)).collect();
        self.evals.push(LoadedEval {
            id: e.id.clone(),
            peers,
            models,
        });
        Ok(())
    }

    /// Sorts the systems as the script sorts peer IDs.
    pub fn finish(&mut self) {
        self.systems.sort();
    }
}

/// The report signature of the mode: `rouge155:<options>|version:<crate version>`.
pub fn signature(o: &Options) -> String {
    format!(
        "rouge155:{}|version:{}",
        o.describe(),
        env!("CARGO_PKG_VERSION")
    )
}

fn number(s: &str) -> Value {
    s.trim()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// A measure's tag and its rounded recall, precision and F.
type Values<'b> = Vec<(&'b str, [f64; 3])>;

/// Per (example, system), in input order: the values of each measure.
fn rows<'b>(
    evals: &[LoadedEval],
    systems: &[String],
    blocks: &'b [Block],
) -> Vec<(String, String, Values<'b>)> {
    let mut by: FxHashMap<(&str, &str), Values<'b>> = FxHashMap::default();
    for b in blocks {
        for (id, o) in &b.per_eval {
            // per_eval ids are `evalID.peerID`
            let eval = &id[..id.len() - b.peer.len() - 1];
            by.entry((eval, b.peer.as_str()))
                .or_default()
                .push((b.tag.as_str(), [o.recall, o.precision, o.fmeasure]));
        }
    }
    let mut out = Vec::new();
    for e in evals {
        for s in systems {
            if let Some(v) = by.remove(&(e.id.as_str(), s.as_str())) {
                out.push((e.id.clone(), s.clone(), v));
            }
        }
    }
    out
}

fn measures_object(values: &[(&str, [f64; 3])]) -> Value {
    let mut m = Map::new();
    for (tag, v) in values {
        m.insert(
            (*tag).to_owned(),
            json!({"recall": v[0], "precision": v[1], "fmeasure": v[2]}),
        );
    }
    Value::Object(m)
}

/// One JSON object per (example, system): `{"id", "system", "rouge155": {measure: {recall,
/// precision, fmeasure}}}` (the script's rounded per-evaluation values).
pub fn jsonl(evals: &[LoadedEval], systems: &[String], blocks: &[Block]) -> String {
    let mut s = String::new();
    for (id, system, values) in rows(evals, systems, blocks) {
        let line = json!({"id": id, "system": system, "rouge155": measures_object(&values)});
        let _ = writeln!(s, "{line}");
    }
    s
}

/// The whole report as one JSON document: signature, corpus figures per system and measure
/// (average and interval, as the script prints them), skipped examples and per-example rows.
pub fn json(
    o: &Options,
    evals: &[LoadedEval],
    systems: &[String],
    blocks: &[Block],
    skipped: &[String],
) -> String {
    let mut per_system: Vec<Value> = Vec::new();
    for s in systems {
        let mut measures = Vec::new();
        for b in blocks.iter().filter(|b| &b.peer == s) {
            let a = &b.averages;
            let tri = |v: &[String; 3]| json!({"recall": number(&v[0]), "precision": number(&v[1]), "fmeasure": number(&v[2])});
            measures.push(json!({
                "measure": b.tag,
                "evaluations": b.per_eval.len(),
                "average": tri(&a.average),
                "low": tri(&a.low),
                "high": tri(&a.high),
            }));
        }
        per_system.push(json!({"system": s, "measures": measures}));
    }
    let examples: Vec<Value> = rows(evals, systems, blocks)
        .into_iter()
        .map(|(id, system, values)| json!({"id": id, "system": system, "rouge155": measures_object(&values)}))
        .collect();
    let doc = json!({
        "schema": "sumbench.rouge155/1",
        "signature": signature(o),
        "confidence": number(&o.confidence),
        "resamples": o.resamples,
        "systems": per_system,
        "skipped": skipped,
        "examples": examples,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// One CSV row per (example, system): `id,system,<measure>.recall,...`.
pub fn csv(
    evals: &[LoadedEval],
    systems: &[String],
    blocks: &[Block],
) -> Result<String, csv::Error> {
    let rows = rows(evals, systems, blocks);
    let mut tags: Vec<&str> = Vec::new();
    for b in blocks {
        if !tags.contains(&b.tag.as_str()) {
            tags.push(&b.tag);
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id".to_owned(), "system".to_owned()];
    for t in &tags {
        for f in ["recall", "precision", "fmeasure"] {
            header.push(format!("{t}.{f}"));
        }
    }
    w.write_record(&header)?;
    for (id, system, values) in rows {
        let mut rec = vec![id, system];
        for t in &tags {
            match values.iter().find(|(tag, _)| tag == t) {
                Some((_, v)) => rec.extend(v.iter().map(|x| format!("{x:.5}"))),
                None => rec.extend(std::iter::repeat_n(String::new(), 3)),
            }
        }
        w.write_record(&rec)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

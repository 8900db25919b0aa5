//! The JSON report's schema (`sumbench.report/1`) as serde types, used both to write a
//! report and to read one back (`sumbench compare`).
//!
//! [`Document`] is generic over its per-example records: the writer streams them from the
//! run's results (a report of a million examples is never one tree in memory), the reader
//! collects them as [`ExampleRecord`]s with plain maps. Both go through the same field list.

use std::borrow::Cow;
use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::evaluate::{Column, FactLists, Target};
use crate::metrics::rouge::{Counts, Score};
use crate::signature::Signature;
use crate::stats::compare::{LoadedReport, SystemComparison};
use crate::stats::corpus::{Band, SystemSummary};

/// The version tag of the JSON report schema (see the README, "JSON report").
pub const SCHEMA: &str = "sumbench.report/1";

/// Counts that describe the run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunCounts {
    /// Examples scored.
    pub examples: u64,
    /// Examples scored against their source because they had no reference.
    pub against_source: u64,
    /// Examples skipped as invalid (only with `--skip-invalid`).
    pub skipped: u64,
    /// Systems seen.
    pub systems: u64,
    /// Lines removed by boilerplate cleaning.
    pub removed_lines: u64,
    /// Examples with a text that is not blank but has no token (written only when some are).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub no_tokens: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The whole JSON report; `E` is the per-example section.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document<E> {
    /// [`SCHEMA`].
    pub schema: String,
    /// The run's signature.
    pub signature: String,
    /// The ROUGE types, in order.
    pub metrics: Vec<String>,
    /// The value columns, in order.
    pub columns: Vec<Column>,
    /// Run counts.
    pub counts: RunCounts,
    /// Remarks.
    pub notes: Vec<String>,
    /// Per-system corpus scores.
    pub systems: Vec<SystemRecord>,
    /// `--baseline-system` comparisons.
    pub comparisons: Vec<SystemComparison>,
    /// One record per example and system, in input order.
    pub examples: E,
}

/// Precision, recall and F-measure of pooled counts, with the counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MicroRecord {
    /// Pooled precision.
    pub precision: f64,
    /// Pooled recall.
    pub recall: f64,
    /// Pooled F-measure.
    pub fmeasure: f64,
    /// The pooled counts.
    pub counts: Counts,
}

/// One column's corpus mean for one system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeanRecord {
    /// The mean over the examples where the value is defined.
    pub mean: Option<f64>,
    /// The number of those examples.
    pub defined: u64,
    /// The bootstrap band, with `--confidence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
}

/// One system's corpus scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemRecord {
    /// The system.
    pub name: String,
    /// Examples it was scored on.
    pub examples: u64,
    /// Per ROUGE type, the macro means.
    pub scores: IndexMap<String, Score>,
    /// Per ROUGE type, the pooled (micro) scores and counts.
    pub micro: IndexMap<String, MicroRecord>,
    /// Per column key, the mean.
    pub metrics: IndexMap<String, MeanRecord>,
}

impl SystemRecord {
    /// The record of `s`, whose means are in the order of `columns`.
    pub fn of(s: &SystemSummary, columns: &[Column]) -> Self {
        SystemRecord {
            name: s.name.clone(),
            examples: s.examples,
            scores: s.scores.iter().map(|(t, sc)| (t.name(), *sc)).collect(),
            micro: s
                .micro
                .iter()
                .map(|(t, c, sc)| {
                    let record = MicroRecord {
                        precision: sc.precision,
                        recall: sc.recall,
                        fmeasure: sc.fmeasure,
                        counts: *c,
                    };
                    (t.name(), record)
                })
                .collect(),
            metrics: columns
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let record = MeanRecord {
                        mean: s.means[k],
                        defined: s.defined[k],
                        band: s.bands.get(k).copied().flatten(),
                    };
                    (c.key.clone(), record)
                })
                .collect(),
        }
    }
}

/// One type's counts in an example record, with the chosen reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsRecord {
    /// Clipped hits.
    pub hits: u64,
    /// Candidate total.
    pub candidate_total: u64,
    /// Reference total.
    pub reference_total: u64,
    /// Index of the reference that gave the best F.
    pub reference: usize,
}

/// One example and system. `S`, `C` and `V` are the maps of ROUGE scores, ROUGE counts and
/// column values: views of the results when writing, [`IndexMap`]s when reading.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExampleRecord<'a, S, C, V> {
    /// The example's id.
    pub id: Cow<'a, str>,
    /// The system.
    pub system: Cow<'a, str>,
    /// What ROUGE compared the candidate with.
    pub target: Target,
    /// Number of references.
    pub n_refs: usize,
    /// Lines removed by boilerplate cleaning.
    pub removed_lines: usize,
    /// ROUGE scores by type.
    pub scores: S,
    /// ROUGE counts by type.
    pub counts: C,
    /// Every column's value by key.
    pub values: V,
    /// Facts against the source worth a look.
    pub facts: Option<Cow<'a, FactLists>>,
}

/// An example record as read back.
pub type ReadRecord = ExampleRecord<
    'static,
    IndexMap<String, Score>,
    IndexMap<String, CountsRecord>,
    IndexMap<String, Option<f64>>,
>;

/// Reads a `sumbench.report/1` JSON document into the per-example values that
/// [`crate::stats::compare`] compares. `name` is used in messages.
pub fn read_report(text: &str, name: &str) -> Result<LoadedReport, String> {
    let doc: Document<Vec<ReadRecord>> = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(e) => return Err(why_unreadable(text, name, e)),
    };
    if doc.schema != SCHEMA {
        return Err(wrong_schema(name, &doc.schema));
    }
    let signature: Signature = doc.signature.parse().map_err(|e| format!("{name}: {e}"))?;
    let mut values = BTreeMap::new();
    let mut systems: Vec<String> = Vec::new();
    for e in doc.examples {
        let (id, system) = (e.id.into_owned(), e.system.into_owned());
        if !systems.contains(&system) {
            systems.push(system.clone());
        }
        let row = doc
            .columns
            .iter()
            .map(|c| e.values.get(&c.key).copied().flatten())
            .collect();
        let key = (system, id);
        if values.contains_key(&key) {
            let (system, id) = key;
            return Err(format!(
                "{name}: example '{id}' of system '{system}' appears twice"
            ));
        }
        values.insert(key, row);
    }
    Ok(LoadedReport {
        signature,
        columns: doc.columns,
        values,
        systems,
    })
}

fn wrong_schema(name: &str, schema: &str) -> String {
    format!(
        "{name}: not a sumbench JSON report (schema '{schema}', expected '{SCHEMA}'); write one with `sumbench eval --format json`"
    )
}

/// The message for a document that did not parse: a wrong schema when it has one, else the
/// parser's error.
fn why_unreadable(text: &str, name: &str, e: serde_json::Error) -> String {
    #[derive(Deserialize)]
    struct Probe {
        schema: Option<String>,
    }
    match serde_json::from_str::<Probe>(text) {
        Err(_) if e.is_syntax() || e.is_eof() => format!("{name}: not JSON: {e}"),
        Ok(Probe { schema }) if schema.as_deref() != Some(SCHEMA) => {
            wrong_schema(name, schema.as_deref().unwrap_or(""))
        }
        _ => format!("{name}: not a valid {SCHEMA} report: {e}"),
    }
}

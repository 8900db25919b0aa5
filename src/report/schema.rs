//! The JSON report's schema (`sumbench.report/2`) as serde types, used both to write a
//! report and to read one back (`sumbench compare`).
//!
//! The writer ([`crate::report::Json`]) serialises the header ([`Head`]) and appends the
//! per-example section, which version 2 stores by column: one array per field and per metric,
//! a row per example and system (README, "JSON report"). Version 1 (`sumbench.report/1`)
//! wrote one record per example and system; both are read back. The reader streams the
//! document and keeps only the value columns asked for ([`read_report_columns`]): comparing
//! two reports of 200,000 examples reads a few hundred megabytes of JSON once, without
//! building a tree.

use std::borrow::Cow;
use std::fmt;

use indexmap::IndexMap;
use rustc_hash::FxHashMap;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::evaluate::Column;
use crate::metrics::rouge::{Counts, Score};
use crate::signature::Signature;
use crate::stats::compare::{LoadedReport, SystemComparison};
use crate::stats::corpus::{Band, SystemSummary};

/// The version tag of the JSON report schema (see the README, "JSON report").
pub const SCHEMA: &str = "sumbench.report/2";

/// The previous version: one record per example and system. Still read by `compare`.
pub const SCHEMA_V1: &str = "sumbench.report/1";

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

/// The header of a report, in the order written: every field but the per-example section
/// (`examples`), which the writer appends after it.
#[derive(Serialize)]
pub struct Head<'a> {
    /// [`SCHEMA`].
    pub schema: &'a str,
    /// The run's signature.
    pub signature: String,
    /// The ROUGE types, in order.
    pub metrics: Vec<String>,
    /// The value columns, in order.
    pub columns: &'a [Column],
    /// Run counts.
    pub counts: &'a RunCounts,
    /// Remarks.
    pub notes: &'a [String],
    /// Per-system corpus scores.
    pub systems: Vec<SystemRecord>,
    /// `--baseline-system` comparisons.
    pub comparisons: &'a [SystemComparison],
}

/// Reads a `sumbench.report/2` (or `/1`) JSON document into the per-example values that
/// [`crate::stats::compare`] compares, every column. `name` is used in messages.
pub fn read_report(text: &str, name: &str) -> Result<LoadedReport, String> {
    read_report_columns(text, name, &|_| true)
}

/// [`read_report`] keeping only the value columns `wanted` selects: the others are skipped
/// while parsing and left empty in [`LoadedReport::values`] (memory in proportion to the
/// columns compared).
pub fn read_report_columns(
    text: &str,
    name: &str,
    wanted: &dyn Fn(&Column) -> bool,
) -> Result<LoadedReport, String> {
    // every message on one line, whatever the document holds (ids, system names, keys)
    read_columns(text, name, wanted).map_err(|e| crate::wording::one_line(&e).into_owned())
}

fn read_columns(
    text: &str,
    name: &str,
    wanted: &dyn Fn(&Column) -> bool,
) -> Result<LoadedReport, String> {
    // One pass: the header fields come before `examples` in every report sumbench writes,
    // so the examples are read as they are met; a document ordered otherwise has its
    // examples kept as a raw value and read at the end.
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = DocumentSeed { wanted }
        .deserialize(&mut de)
        .and_then(|doc| de.end().map(|()| doc))
        .map_err(|e| why_unreadable(text, name, e))?;
    let schema = doc.schema.unwrap_or_default();
    if schema != SCHEMA && schema != SCHEMA_V1 {
        return Err(wrong_schema(name, &schema));
    }
    let signature: Signature = doc
        .signature
        .unwrap_or_default()
        .parse()
        .map_err(|e| format!("{name}: {e}"))?;
    let columns = doc.columns.unwrap_or_default();
    let mut report = match (doc.report, doc.raw) {
        (Some(report), _) => report,
        (None, Some(raw)) => {
            let mut de = serde_json::Deserializer::from_str(raw.get());
            read_examples(&schema, &columns, wanted, &mut de)
                .map_err(|e| format!("{name}: not a valid {schema} report: examples: {e}"))?
        }
        (None, None) => return Err(format!("{name}: not a valid {schema} report: no examples")),
    };
    report.signature = signature;
    report.check_unique().map_err(|e| format!("{name}: {e}"))?;
    Ok(report)
}

/// The per-example section of a report of `schema` with these `columns`, read into a
/// [`LoadedReport`] (its signature left empty).
fn read_examples<'de, D: serde::Deserializer<'de>>(
    schema: &str,
    columns: &[Column],
    wanted: &dyn Fn(&Column) -> bool,
    d: D,
) -> Result<LoadedReport, D::Error> {
    let index: FxHashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| wanted(c))
        .map(|(k, c)| (c.key.as_str(), k))
        .collect();
    let mut report = LoadedReport {
        signature: Signature::default(),
        values: vec![Vec::new(); columns.len()],
        columns: columns.to_vec(),
        systems: Vec::new(),
        ids: Vec::new(),
        system_of: Vec::new(),
        langs: Vec::new(),
    };
    if schema == SCHEMA_V1 {
        V1Rows {
            index: &index,
            report: &mut report,
        }
        .deserialize(d)?;
    } else {
        ColumnarRows {
            index: &index,
            report: &mut report,
        }
        .deserialize(d)?;
    }
    Ok(report)
}

/// What the reader takes from a report document.
struct ReadDocument<'de> {
    schema: Option<String>,
    signature: Option<String>,
    columns: Option<Vec<Column>>,
    /// The examples, when they came after the schema and the columns.
    report: Option<LoadedReport>,
    /// The examples, when they came before.
    raw: Option<&'de RawValue>,
}

struct DocumentSeed<'w> {
    wanted: &'w dyn Fn(&Column) -> bool,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = ReadDocument<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = ReadDocument<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sumbench report")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut doc = ReadDocument {
            schema: None,
            signature: None,
            columns: None,
            report: None,
            raw: None,
        };
        while let Some(key) = map.next_key::<Cow<'_, str>>()? {
            match key.as_ref() {
                "schema" => doc.schema = Some(map.next_value()?),
                "signature" => doc.signature = Some(map.next_value()?),
                "columns" => doc.columns = Some(map.next_value()?),
                "examples" => match (&doc.schema, &doc.columns) {
                    (Some(schema), Some(columns)) if schema == SCHEMA || schema == SCHEMA_V1 => {
                        doc.report = Some(map.next_value_seed(ExamplesSeed {
                            schema,
                            columns,
                            wanted: self.wanted,
                        })?);
                    }
                    (Some(_), Some(_)) => {
                        map.next_value::<IgnoredAny>()?;
                    }
                    _ => doc.raw = Some(map.next_value()?),
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(doc)
    }
}

/// [`read_examples`] as a seed.
struct ExamplesSeed<'a> {
    schema: &'a str,
    columns: &'a [Column],
    wanted: &'a dyn Fn(&Column) -> bool,
}

impl<'de> DeserializeSeed<'de> for ExamplesSeed<'_> {
    type Value = LoadedReport;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<LoadedReport, D::Error> {
        read_examples(self.schema, self.columns, self.wanted, d)
    }
}

/// A map key resolved to the index of a wanted column, without allocating.
struct ColumnKey<'c>(&'c FxHashMap<&'c str, usize>);

impl<'de> DeserializeSeed<'de> for ColumnKey<'_> {
    type Value = Option<usize>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for ColumnKey<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a column key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        Ok(self.0.get(v).copied())
    }
}

/// A version-1 `examples` array: one record per row.
struct V1Rows<'r, 'c> {
    index: &'c FxHashMap<&'c str, usize>,
    report: &'r mut LoadedReport,
}

impl<'de> DeserializeSeed<'de> for V1Rows<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for V1Rows<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of example records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut row = vec![f64::NAN; self.report.columns.len()];
        while let Some((system, id)) = seq.next_element_seed(V1Record {
            index: self.index,
            row: &mut row,
        })? {
            let s = self.report.system_index(&system);
            self.report.ids.push(id);
            self.report.system_of.push(s);
            for &k in self.index.values() {
                self.report.values[k].push(row[k]);
            }
        }
        Ok(())
    }
}

/// One version-1 record: its (system, id), its wanted values into `row`.
struct V1Record<'r, 'c> {
    index: &'c FxHashMap<&'c str, usize>,
    row: &'r mut [f64],
}

impl<'de> DeserializeSeed<'de> for V1Record<'_, '_> {
    type Value = (String, String);
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(String, String), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for V1Record<'_, '_> {
    type Value = (String, String);
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an example record")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(String, String), A::Error> {
        use serde::de::Error;
        self.row.fill(f64::NAN);
        let (mut id, mut system) = (None, None);
        while let Some(key) = map.next_key::<Cow<'_, str>>()? {
            match key.as_ref() {
                "id" => id = Some(map.next_value::<String>()?),
                "system" => system = Some(map.next_value::<String>()?),
                "values" => map.next_value_seed(ValueMap {
                    index: self.index,
                    row: &mut *self.row,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let id = id.ok_or_else(|| A::Error::missing_field("id"))?;
        let system = system.ok_or_else(|| A::Error::missing_field("system"))?;
        Ok((system, id))
    }
}

/// A record's `values` map: the wanted ones into `row` (null: NaN).
struct ValueMap<'r, 'c> {
    index: &'c FxHashMap<&'c str, usize>,
    row: &'r mut [f64],
}

impl<'de> DeserializeSeed<'de> for ValueMap<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ValueMap<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of values")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(k) = map.next_key_seed(ColumnKey(self.index))? {
            match k {
                Some(k) => self.row[k] = map.next_value::<Option<f64>>()?.unwrap_or(f64::NAN),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A version-2 `examples` object: one array per field.
struct ColumnarRows<'r, 'c> {
    index: &'c FxHashMap<&'c str, usize>,
    report: &'r mut LoadedReport,
}

impl<'de> DeserializeSeed<'de> for ColumnarRows<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ColumnarRows<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the per-example columns")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let (mut rows, mut ids, mut systems) = (None, None, None);
        while let Some(key) = map.next_key::<Cow<'_, str>>()? {
            match key.as_ref() {
                "rows" => rows = Some(map.next_value::<usize>()?),
                "id" => ids = Some(map.next_value::<Vec<String>>()?),
                "system" => systems = Some(map.next_value::<Vec<String>>()?),
                "lang" => self.report.langs = map.next_value::<Vec<String>>()?,
                "values" => map.next_value_seed(ValueColumns {
                    index: self.index,
                    values: &mut self.report.values,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let rows = rows.ok_or_else(|| A::Error::missing_field("rows"))?;
        let ids = ids.ok_or_else(|| A::Error::missing_field("id"))?;
        let systems = systems.ok_or_else(|| A::Error::missing_field("system"))?;
        if ids.len() != rows || systems.len() != rows {
            return Err(A::Error::custom(format!(
                "{rows} rows, but {} ids and {} systems",
                ids.len(),
                systems.len()
            )));
        }
        for (key, &k) in self.index {
            let n = self.report.values[k].len();
            if n != rows {
                return Err(A::Error::custom(format!(
                    "{rows} rows, but {n} values of column '{key}'"
                )));
            }
        }
        if !self.report.langs.is_empty() && self.report.langs.len() != rows {
            return Err(A::Error::custom(format!(
                "{rows} rows, but {} languages",
                self.report.langs.len()
            )));
        }
        for s in &systems {
            let k = self.report.system_index(s);
            self.report.system_of.push(k);
        }
        self.report.ids = ids;
        Ok(())
    }
}

/// The `values` object of version 2: the wanted columns (null: NaN), the others skipped.
struct ValueColumns<'r, 'c> {
    index: &'c FxHashMap<&'c str, usize>,
    values: &'r mut [Vec<f64>],
}

impl<'de> DeserializeSeed<'de> for ValueColumns<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ValueColumns<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of value columns")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(k) = map.next_key_seed(ColumnKey(self.index))? {
            match k {
                Some(k) => map.next_value_seed(FloatColumn(&mut self.values[k]))?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// An array of numbers or nulls, appended to a column (null: NaN).
struct FloatColumn<'r>(&'r mut Vec<f64>);

impl<'de> DeserializeSeed<'de> for FloatColumn<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for FloatColumn<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of numbers or nulls")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.clear();
        if let Some(n) = seq.size_hint() {
            self.0.reserve(n);
        }
        while let Some(v) = seq.next_element::<Option<f64>>()? {
            self.0.push(v.unwrap_or(f64::NAN));
        }
        Ok(())
    }
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
        Ok(Probe { schema }) if !matches!(schema.as_deref(), Some(SCHEMA | SCHEMA_V1)) => {
            wrong_schema(name, schema.as_deref().unwrap_or(""))
        }
        Ok(Probe { schema }) => format!(
            "{name}: not a valid {} report: {e}",
            schema.as_deref().unwrap_or(SCHEMA)
        ),
        Err(_) => format!("{name}: not a valid {SCHEMA} report: {e}"),
    }
}

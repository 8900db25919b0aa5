//! The JSONL loader: one example per line, Hugging Face style.
//!
//! Field names are looked up through a [`FieldMap`]: by default `references` (array) or
//! `reference`/`target`/`summary` (string or array) for the references; `candidate` or
//! `prediction` (string) or `candidates` (object: system name to text) for the candidates;
//! `source`, `document` or `article` for the source; `id` for the id. Any of them can be
//! replaced by a dotted path into nested objects (`meta.article`).

use std::path::Path;

use serde_json::Value;

use super::{Candidate, Example, LineReader};
use crate::error::{Error, Result};

/// Where to find each field in a JSON record: lists of alternative dotted paths, tried in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// Paths of the id.
    pub id: Vec<String>,
    /// Paths of the source document.
    pub source: Vec<String>,
    /// Paths of the reference(s): a string or an array of strings.
    pub references: Vec<String>,
    /// Paths of the candidate: a string (one system) or an object of system name to string.
    pub candidates: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            id: strings(&["id"]),
            source: strings(&["source", "document", "article"]),
            references: strings(&["references", "reference", "target", "summary"]),
            candidates: strings(&["candidates", "candidate", "prediction"]),
        }
    }
}

impl FieldMap {
    /// Replaces the given fields' paths by a single user-chosen path each.
    pub fn with_overrides(
        mut self,
        source: Option<&str>,
        reference: Option<&str>,
        candidate: Option<&str>,
    ) -> Self {
        if let Some(s) = source {
            self.source = vec![s.to_owned()];
        }
        if let Some(s) = reference {
            self.references = vec![s.to_owned()];
        }
        if let Some(s) = candidate {
            self.candidates = vec![s.to_owned()];
        }
        self
    }
}

/// Follows a dotted path into a JSON value.
fn lookup<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    if let Some(v) = record.get(path) {
        return Some(v);
    }
    let mut cur = record;
    for part in path.split('.') {
        cur = match cur {
            Value::Object(m) => m.get(part)?,
            Value::Array(a) => a.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// The first of `paths` present (and not null) in `record`, with the path that matched.
fn first<'a, 'p>(record: &'a Value, paths: &'p [String]) -> Option<(&'p str, &'a Value)> {
    paths.iter().find_map(|p| {
        lookup(record, p)
            .filter(|v| !v.is_null())
            .map(|v| (p.as_str(), v))
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Turns one parsed JSON record into an [`Example`]. `line` is used for the default id and
/// in messages; `path` only in messages.
pub fn example_from_value(
    record: &Value,
    fields: &FieldMap,
    path: &Path,
    line: usize,
) -> Result<Example> {
    let err = |m: String| Error::record(path, line, m);
    if !record.is_object() {
        return Err(err(format!(
            "expected a JSON object, found {}",
            kind(record)
        )));
    }
    let id = match first(record, &fields.id) {
        None => line.to_string(),
        Some((_, Value::String(s))) => s.clone(),
        Some((_, Value::Number(n))) => n.to_string(),
        Some((p, v)) => {
            return Err(err(format!(
                "field '{p}' must be a string or a number, found {}",
                kind(v)
            )));
        }
    };
    let source = match first(record, &fields.source) {
        None => None,
        Some((_, Value::String(s))) => Some(s.clone()),
        Some((p, v)) => {
            return Err(err(format!(
                "field '{p}' must be a string, found {}",
                kind(v)
            )));
        }
    };
    let references = match first(record, &fields.references) {
        None => Vec::new(),
        Some((_, Value::String(s))) => vec![s.clone()],
        Some((p, Value::Array(items))) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(err(format!(
                    "field '{p}' item {i} must be a string, found {}",
                    kind(other)
                ))),
            })
            .collect::<Result<_>>()?,
        Some((p, v)) => {
            return Err(err(format!(
                "field '{p}' must be a string or an array of strings, found {}",
                kind(v)
            )));
        }
    };
    let candidates = match first(record, &fields.candidates) {
        None => {
            return Err(err(format!(
                "no candidate: expected one of the fields {}",
                fields.candidates.join(", ")
            )));
        }
        // A single candidate is one system called "candidate", whatever its field is called.
        Some((_, Value::String(s))) => vec![Candidate {
            system: "candidate".to_owned(),
            text: s.clone(),
        }],
        Some((p, Value::Object(m))) => {
            if m.is_empty() {
                return Err(err(format!("field '{p}' has no system")));
            }
            m.iter()
                .map(|(name, v)| match v {
                    Value::String(s) => Ok(Candidate {
                        system: name.clone(),
                        text: s.clone(),
                    }),
                    other => Err(err(format!(
                        "field '{p}.{name}' must be a string, found {}",
                        kind(other)
                    ))),
                })
                .collect::<Result<_>>()?
        }
        Some((p, v)) => {
            return Err(err(format!(
                "field '{p}' must be a string or an object of system name to string, found {}",
                kind(v)
            )));
        }
    };
    Ok(Example {
        id,
        line,
        source,
        references,
        candidates,
        removed_lines: 0,
    })
}

/// Streams examples from a JSONL file. Blank lines are not records and are passed over.
pub struct JsonlReader {
    lines: LineReader,
    fields: FieldMap,
}

impl JsonlReader {
    /// Opens `path` (`-` for standard input).
    pub fn open(path: &Path, fields: FieldMap) -> Result<Self> {
        Ok(JsonlReader {
            lines: LineReader::open(path)?,
            fields,
        })
    }

    /// Reads from an existing line reader.
    pub fn from_lines(lines: LineReader, fields: FieldMap) -> Self {
        JsonlReader { lines, fields }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Example>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.lines.path().to_owned();
        loop {
            let (line, text) = match self.lines.next_line() {
                Ok(Some(x)) => x,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            if text.trim().is_empty() {
                continue;
            }
            let value: Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(Error::record(path, line, format!("invalid JSON: {e}"))));
                }
            };
            return Some(example_from_value(&value, &self.fields, &path, line));
        }
    }
}

//! The JSONL loader: one example per line, Hugging Face style.
//!
//! Field names are looked up through a [`FieldMap`]: by default `references` (array) or
//! `reference`/`target`/`summary` (string or array) for the references; `candidate` or
//! `prediction` (string) or `candidates` (object: system name to text) for the candidates;
//! `source`, `document` or `article` for the source; `id` for the id. Any of them can be
//! replaced by a dotted path into nested objects (`meta.article`).

use std::path::Path;

use serde_json::Value;

use super::{Candidate, Example};
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
    /// Paths of the example's declared language (a string), read by `--lang auto`.
    pub lang: Vec<String>,
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
            lang: strings(&["lang", "language"]),
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

impl FieldMap {
    /// A note naming the `names` (JSON fields or table columns, `what`) that no field of this
    /// map reads, each with the closest known name when one is close; `None` when all are
    /// used. `extra` are names used besides the map's (such as a table's `system` column).
    pub fn unused_note<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
        what: &str,
        extra: &[&str],
    ) -> Option<String> {
        let known: Vec<&str> = [
            &self.id,
            &self.source,
            &self.references,
            &self.candidates,
            &self.lang,
        ]
        .into_iter()
        .flatten()
        .map(|p| p.split('.').next().unwrap_or(p))
        .chain(extra.iter().copied())
        .collect();
        let unused: Vec<String> = names
            .into_iter()
            .map(str::trim)
            .filter(|n| !known.contains(n))
            .map(|n| {
                let close = known
                    .iter()
                    .map(|k| (strsim::levenshtein(n, k), *k))
                    .filter(|&(d, k)| d <= 2.max(k.len() / 4) && d < n.len())
                    .min();
                let n = crate::wording::input_name(n);
                match close {
                    Some((_, k)) => format!("'{n}' (did you mean '{k}'?)"),
                    None => format!("'{n}'"),
                }
            })
            .collect();
        (!unused.is_empty()).then(|| {
            format!(
                "{} not read: {}",
                crate::wording::count(unused.len() as u64, what, &format!("{what}s")),
                unused.join(", ")
            )
        })
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
        None => {
            if let Some(p) = fields.id.iter().find(|p| lookup(record, p).is_some()) {
                return Err(err(format!(
                    "field '{p}' is null: give the example an id (a string or a number), or leave the field out to number examples by line"
                )));
            }
            line.to_string()
        }
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
    let lang = match first(record, &fields.lang) {
        None => None,
        Some((_, Value::String(s))) => Some(s.clone()),
        Some((p, v)) => {
            return Err(err(format!(
                "field '{p}' must be a string (the example's language: an ISO 639-1 code or an English name), found {}",
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
        lang,
    })
}

/// The fast path for records with the default field names: a typed, single-pass
/// deserialisation with no intermediate JSON tree. It returns `None` whenever the record needs
/// anything else (a syntax error, an unexpected type, a missing field), and the general path
/// ([`example_from_value`]) then produces the exact result or error message.
pub mod fast {
    use std::fmt;

    use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

    use crate::dataset::{Candidate, Example};

    /// Field names in priority order (the defaults of [`super::FieldMap`]).
    const ID: &[&str] = &["id"];
    const SOURCE: &[&str] = &["source", "document", "article"];
    const REFERENCES: &[&str] = &["references", "reference", "target", "summary"];
    const CANDIDATES: &[&str] = &["candidates", "candidate", "prediction"];
    const LANG: &[&str] = &["lang", "language"];

    enum Refs {
        One(String),
        Many(Vec<String>),
    }

    enum Cands {
        One(String),
        Systems(Vec<(String, String)>),
    }

    /// A value that may be null (then it counts as absent).
    struct Nullable<T>(Option<T>);

    struct RefsVisitor;
    impl<'de> Visitor<'de> for RefsVisitor {
        type Value = Nullable<Refs>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or an array of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Nullable(Some(Refs::One(v.to_owned()))))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Nullable(Some(Refs::One(v))))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Nullable(None))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                v.push(s);
            }
            Ok(Nullable(Some(Refs::Many(v))))
        }
    }
    impl<'de> de::Deserialize<'de> for Nullable<Refs> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(RefsVisitor)
        }
    }

    struct CandsVisitor;
    impl<'de> Visitor<'de> for CandsVisitor {
        type Value = Nullable<Cands>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or an object of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Nullable(Some(Cands::One(v.to_owned()))))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Nullable(Some(Cands::One(v))))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Nullable(None))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut v: Vec<(String, String)> = Vec::new();
            while let Some((k, t)) = map.next_entry::<String, String>()? {
                // A repeated system name keeps its last text, as a JSON object does.
                match v.iter_mut().find(|(name, _)| *name == k) {
                    Some(e) => e.1 = t,
                    None => v.push((k, t)),
                }
            }
            Ok(Nullable(Some(Cands::Systems(v))))
        }
    }
    impl<'de> de::Deserialize<'de> for Nullable<Cands> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(CandsVisitor)
        }
    }

    struct TextVisitor;
    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Nullable<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Nullable(Some(v.to_owned())))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Nullable(Some(v)))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Nullable(None))
        }
        // Integer ids print as they are written; other numbers take the general path.
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Nullable(Some(v.to_string())))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Nullable(Some(v.to_string())))
        }
    }
    impl<'de> de::Deserialize<'de> for Nullable<String> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(TextVisitor)
        }
    }

    /// The best (earliest in priority) non-null value seen for one field group.
    struct Slot<T> {
        rank: usize,
        value: Option<T>,
    }

    impl<T> Slot<T> {
        fn new() -> Self {
            Slot {
                rank: usize::MAX,
                value: None,
            }
        }
        fn offer(&mut self, rank: usize, v: Nullable<T>) {
            if let Some(v) = v.0
                && rank < self.rank
            {
                self.rank = rank;
                self.value = Some(v);
            }
        }
    }

    #[derive(Default)]
    struct Parts {
        id: Option<String>,
        source: Option<String>,
        references: Option<Refs>,
        candidates: Option<Cands>,
        lang: Option<String>,
    }

    /// A field name of a record: `(group, rank)` for a known name (group 0 to 4: id, source,
    /// references, candidates, lang; rank: its place in the group's priority list), `None` for any
    /// other. Read without allocating.
    struct FieldKey(Option<(usize, usize)>);

    struct FieldKeyVisitor;
    impl Visitor<'_> for FieldKeyVisitor {
        type Value = FieldKey;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a field name")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldKey, E> {
            Ok(FieldKey(
                [ID, SOURCE, REFERENCES, CANDIDATES, LANG]
                    .iter()
                    .enumerate()
                    .find_map(|(g, names)| names.iter().position(|n| *n == v).map(|r| (g, r))),
            ))
        }
    }
    impl<'de> de::Deserialize<'de> for FieldKey {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(FieldKeyVisitor)
        }
    }

    struct RecordVisitor;
    impl<'de> Visitor<'de> for RecordVisitor {
        type Value = Parts;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parts, A::Error> {
            let (mut id, mut source) = (Slot::new(), Slot::new());
            let (mut refs, mut cands) = (Slot::new(), Slot::new());
            let mut lang = Slot::new();
            // A repeated field name takes the general path, which resolves it as serde_json does.
            let mut seen = 0u64;
            while let Some(FieldKey(field)) = map.next_key::<FieldKey>()? {
                let Some((group, rank)) = field else {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                };
                let bit = 1u64 << (group * 8 + rank);
                if seen & bit != 0 {
                    return Err(de::Error::custom("repeated field"));
                }
                seen |= bit;
                match group {
                    // A null id is an error, which the general path words.
                    0 => match map.next_value::<Nullable<String>>()? {
                        Nullable(None) => return Err(de::Error::custom("null id")),
                        v => id.offer(rank, v),
                    },
                    1 => source.offer(rank, map.next_value()?),
                    2 => refs.offer(rank, map.next_value()?),
                    3 => cands.offer(rank, map.next_value()?),
                    // a string or null only (a number takes the general path, an error there)
                    _ => lang.offer(rank, Nullable(map.next_value::<Option<String>>()?)),
                }
            }
            Ok(Parts {
                id: id.value,
                source: source.value,
                references: refs.value,
                candidates: cands.value,
                lang: lang.value,
            })
        }
    }

    /// The example of a JSONL line with the default field names, or `None` to take the
    /// general path.
    pub fn example(text: &str, line: usize) -> Option<Example> {
        let mut de = serde_json::Deserializer::from_str(text);
        let parts = de.deserialize_map(RecordVisitor).ok()?;
        de.end().ok()?;
        let candidates = match parts.candidates? {
            Cands::One(text) => vec![Candidate {
                system: "candidate".to_owned(),
                text,
            }],
            Cands::Systems(v) if !v.is_empty() => v
                .into_iter()
                .map(|(system, text)| Candidate { system, text })
                .collect(),
            Cands::Systems(_) => return None,
        };
        Some(Example {
            id: parts.id.unwrap_or_else(|| line.to_string()),
            line,
            source: parts.source,
            references: match parts.references {
                None => Vec::new(),
                Some(Refs::One(s)) => vec![s],
                Some(Refs::Many(v)) => v,
            },
            candidates,
            removed_lines: 0,
            lang: parts.lang,
        })
    }
}

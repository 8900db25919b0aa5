//! The CSV/TSV loader: a header row, then one row per example, or one row per example and
//! system when a `system` column is present ("long" format; consecutive rows with the same id
//! form one example).
//!
//! Columns are found with the same [`FieldMap`] as JSONL (column names instead of paths).
//! Several reference columns are allowed: every column named like a reference field, or, if
//! none is, every column whose name starts with `reference` (`reference1`, `reference_2`).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Candidate, Example, FieldMap};
use crate::error::{Error, Result};

/// Column positions resolved from the header.
#[derive(Debug, Clone)]
struct Columns {
    id: Option<usize>,
    source: Option<usize>,
    references: Vec<usize>,
    candidate: usize,
    system: Option<usize>,
    lang: Option<usize>,
}

/// Streams examples from a CSV or TSV file with a header.
pub struct TableReader {
    path: PathBuf,
    records: csv::StringRecordsIntoIter<Box<dyn Read + Send>>,
    columns: Columns,
    pending: Option<(usize, csv::StringRecord)>,
    row: usize,
    unused: Option<String>,
}

fn find(headers: &csv::StringRecord, names: &[String]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| headers.iter().position(|h| h.trim() == n))
}

impl TableReader {
    /// Opens `path` with the given delimiter (`b','` or `b'\t'`).
    pub fn open(path: &Path, delimiter: u8, fields: &FieldMap) -> Result<Self> {
        let file = super::lines::open_input(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(false)
            .from_reader(file);
        let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
        let candidate = find(&headers, &fields.candidates).ok_or_else(|| Error::Dataset {
            path: path.to_owned(),
            message: format!(
                "no candidate column: expected one of {} in the header ({})",
                fields.candidates.join(", "),
                headers
                    .iter()
                    .map(crate::wording::input_name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        let mut references: Vec<usize> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| fields.references.iter().any(|n| n == h.trim()))
            .map(|(i, _)| i)
            .collect();
        if references.is_empty() {
            references = headers
                .iter()
                .enumerate()
                .filter(|(_, h)| h.trim().starts_with("reference"))
                .map(|(i, _)| i)
                .collect();
        }
        let unused = fields.unused_note(
            headers
                .iter()
                .enumerate()
                .filter(|(i, _)| !references.contains(i))
                .map(|(_, h)| h),
            "column",
            &["system"],
        );
        let columns = Columns {
            id: find(&headers, &fields.id),
            source: find(&headers, &fields.source),
            references,
            candidate,
            system: headers.iter().position(|h| h.trim() == "system"),
            lang: find(&headers, &fields.lang),
        };
        Ok(TableReader {
            unused,
            path: path.to_owned(),
            records: reader.into_records(),
            columns,
            pending: None,
            row: 1,
        })
    }

    /// A note on the header's columns that no field reads, if any.
    pub fn unused_note(&self) -> Option<String> {
        self.unused.clone()
    }

    fn next_record(&mut self) -> Option<Result<(usize, csv::StringRecord)>> {
        if let Some(p) = self.pending.take() {
            return Some(Ok(p));
        }
        let rec = self.records.next()?;
        self.row += 1;
        Some(
            rec.map(|r| (r.position().map_or(self.row, |p| p.line() as usize), r))
                .map_err(|e| csv_error(&self.path, e)),
        )
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not valid UTF-8 (field {})", err.field() + 1),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("row has {len} fields, the header has {expected_len}"),
        _ => e.to_string(),
    };
    Error::record(path, line, message)
}

impl Iterator for TableReader {
    type Item = Result<Example>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, first) = match self.next_record()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        };
        let c = self.columns.clone();
        let get = |r: &csv::StringRecord, i: usize| r.get(i).unwrap_or("").to_owned();
        let id = c.id.map_or_else(|| line.to_string(), |i| get(&first, i));
        let system_of = |r: &csv::StringRecord| {
            c.system
                .map_or_else(|| "candidate".to_owned(), |i| get(r, i))
        };
        let mut example = Example {
            id: id.clone(),
            line,
            source: c.source.map(|i| get(&first, i)),
            references: c.references.iter().map(|&i| get(&first, i)).collect(),
            candidates: vec![Candidate {
                system: system_of(&first),
                text: get(&first, c.candidate),
            }],
            removed_lines: 0,
            lang: c
                .lang
                .map(|i| get(&first, i))
                .filter(|l| !l.trim().is_empty()),
        };
        if c.system.is_some() && c.id.is_some() {
            // Long format: gather the following rows of the same example.
            loop {
                match self.next_record() {
                    None => break,
                    Some(Err(e)) => return Some(Err(e)),
                    Some(Ok((l, r))) => {
                        if c.id.map(|i| get(&r, i)).as_deref() != Some(id.as_str()) {
                            self.pending = Some((l, r));
                            break;
                        }
                        let same_refs = c.references.iter().all(|&i| get(&r, i) == get(&first, i));
                        let same_source = c.source.is_none_or(|i| get(&r, i) == get(&first, i));
                        if !same_refs || !same_source {
                            return Some(Err(Error::record(
                                &self.path,
                                l,
                                format!(
                                    "example '{id}': this row's source or references differ from its first row (line {line})"
                                ),
                            )));
                        }
                        example.candidates.push(Candidate {
                            system: system_of(&r),
                            text: get(&r, c.candidate),
                        });
                    }
                }
            }
        }
        Some(Ok(example))
    }
}

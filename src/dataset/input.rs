//! Choosing and opening a loader: one entry point for every input layout.

use std::path::{Path, PathBuf};

use super::aligned::{AlignedReader, SystemFile};
use super::table::TableReader;
use super::{ChunkedLines, Example, FieldMap, SharedLine};
use crate::error::{Error, Result};

/// The layout of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Decide from the path: a directory, `.csv`, `.tsv`, otherwise JSONL.
    #[default]
    Auto,
    /// JSONL, one example per line.
    Jsonl,
    /// CSV with a header.
    Csv,
    /// TSV with a header.
    Tsv,
    /// A directory of `.txt` files.
    Dir,
}

impl std::str::FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "auto" => Layout::Auto,
            "jsonl" => Layout::Jsonl,
            "csv" => Layout::Csv,
            "tsv" => Layout::Tsv,
            "dir" => Layout::Dir,
            o => {
                return Err(format!(
                    "unknown input format '{o}' (expected auto, jsonl, csv, tsv or dir)"
                ));
            }
        })
    }
}

/// Everything needed to open an input. The default reads nothing yet: set `path` (or
/// `candidates` and `references`); the rest defaults as on the command line (layout from the
/// path, default field names, the layout's cleaning, no sentence marker).
#[derive(Debug, Clone, Default)]
pub struct InputSpec {
    /// The input path (file, directory or `-`), unless line-aligned files are given.
    pub path: Option<PathBuf>,
    /// Its layout.
    pub layout: Layout,
    /// Field names for JSONL and CSV.
    pub fields: FieldMap,
    /// Line-aligned candidate files.
    pub candidates: Vec<SystemFile>,
    /// Line-aligned reference files.
    pub references: Vec<PathBuf>,
    /// Line-aligned source file.
    pub sources: Option<PathBuf>,
    /// Clean boilerplate: `None` means the layout's default (on for directories only).
    pub clean: Option<bool>,
    /// In-line sentence marker to turn into newlines (`<n>`, `<q>`, `\n`).
    pub sentence_marker: Option<String>,
}

/// One record of the input: an example, or a JSONL line whose parsing is left to
/// [`Finisher::finish`] so that it can run on many threads.
#[derive(Debug, Clone)]
pub enum Record {
    /// A loaded example.
    Ready(Example),
    /// A JSONL line, not parsed yet (nor checked to be UTF-8: that is done by
    /// [`Finisher::finish`], on the worker threads).
    Json {
        /// 1-based line number.
        line: usize,
        /// The line, a slice of a block of the file shared with the lines around it.
        bytes: SharedLine,
    },
}

/// Turns records into finished examples: parses JSONL lines, then applies the sentence marker
/// and boilerplate cleaning. Shared by reference across worker threads.
#[derive(Debug, Clone)]
pub struct Finisher {
    path: PathBuf,
    fields: FieldMap,
    clean: bool,
    marker: Option<String>,
    /// True when `fields` are the defaults, so the typed JSONL fast path applies.
    default_fields: bool,
}

impl Finisher {
    /// The finished example of `record`.
    pub fn finish(&self, record: Record) -> Result<Example> {
        let e = match record {
            Record::Ready(e) => e,
            Record::Json { line, bytes } => {
                let text = std::str::from_utf8(bytes.as_bytes())
                    .map_err(|e| super::lines::not_utf8(&self.path, line, e))?;
                if self.default_fields
                    && let Some(e) = super::jsonl::fast::example(text, line)
                {
                    return Ok(self.transform(e));
                }
                let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
                    // A line that does not even start like JSON: most likely a plain text file.
                    let hint = if text.trim_start().starts_with(['{', '[', '"']) {
                        ""
                    } else {
                        "; INPUT is read as JSONL (one JSON object per line): to score a plain text file use `sumbench score -c CANDIDATE -r REFERENCE`, for one text per line use --candidates/--references"
                    };
                    Error::record(&self.path, line, format!("invalid JSON: {e}{hint}"))
                })?;
                super::jsonl::example_from_value(&value, &self.fields, &self.path, line)?
            }
        };
        Ok(self.transform(e))
    }

    fn transform(&self, mut e: Example) -> Example {
        if let Some(m) = &self.marker {
            e.split_sentences_at(m);
        }
        if self.clean {
            e.clean();
        }
        e
    }
}

/// An opened input: a stream of records, how to finish them, and remarks about the input.
pub struct Loaded {
    /// The records, in input order.
    pub records: Box<dyn Iterator<Item = Result<Record>> + Send>,
    /// Finishes records into examples.
    pub finisher: Finisher,
    /// Remarks for the report.
    pub notes: Vec<String>,
    /// A name for the input, for messages.
    pub name: String,
    /// Whether boilerplate cleaning is applied.
    pub cleaned: bool,
    /// The input's fields or columns that no field of the map reads (also among `notes`).
    pub unused_fields: Option<String>,
    /// Whether the input is a directory of documents.
    pub directory: bool,
}

/// The top-level field names of the first record of a JSONL file, or `None` (standard input,
/// which can be read only once, or a first record that is not a JSON object: its line's error
/// comes from the loader).
fn first_record_fields(path: &Path) -> Option<Vec<String>> {
    use std::io::BufRead;
    if path.as_os_str() == "-" {
        return None;
    }
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).ok()?);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if !line.trim().is_empty() {
            break;
        }
    }
    let text = line.trim_start_matches('\u{feff}');
    let map: indexmap::IndexMap<String, serde::de::IgnoredAny> = serde_json::from_str(text).ok()?;
    Some(map.into_keys().collect())
}

fn resolve(path: &Path, layout: Layout) -> Layout {
    if layout != Layout::Auto {
        return layout;
    }
    if path.is_dir() {
        return Layout::Dir;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("csv") => Layout::Csv,
        Some(e) if e.eq_ignore_ascii_case("tsv") => Layout::Tsv,
        _ => Layout::Jsonl,
    }
}

/// The number of examples of a JSONL file or of line-aligned files, from their newlines (a
/// blank line counts too, so this is an upper bound), for a progress bar; `None` for other
/// inputs (standard input, CSV, directories).
pub fn estimated_examples(spec: &InputSpec) -> Option<u64> {
    let path = match (&spec.path, spec.candidates.first()) {
        (Some(p), _) if p.is_file() && p.extension().is_some_and(|e| e == "jsonl") => p.clone(),
        (None, Some(c)) => c.path.clone(),
        _ => return None,
    };
    let mut file = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 20];
    let (mut lines, mut last) = (0u64, b'\n');
    loop {
        let n = std::io::Read::read(&mut file, &mut buf).ok()?;
        if n == 0 {
            break;
        }
        lines += memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
        last = buf[n - 1];
    }
    Some(lines + u64::from(last != b'\n'))
}

/// Opens the input described by `spec`.
pub fn open(spec: &InputSpec, pair_config: &super::pair::PairConfig) -> Result<Loaded> {
    let mut unused_fields = None;
    let (records, notes, name, directory): (
        Box<dyn Iterator<Item = Result<Record>> + Send>,
        Vec<String>,
        String,
        bool,
    ) = if !spec.candidates.is_empty() {
        if spec.path.is_some() {
            return Err(Error::Usage(
                "give either an INPUT or --candidates/--references files, not both".into(),
            ));
        }
        let r = AlignedReader::open(&spec.candidates, &spec.references, spec.sources.as_deref())?;
        (
            Box::new(r.map(|x| x.map(Record::Ready))),
            Vec::new(),
            "line-aligned files".into(),
            false,
        )
    } else {
        let path = spec.path.as_deref().ok_or_else(|| {
            Error::Usage("no input: give a dataset path or --candidates/--references files".into())
        })?;
        if !spec.references.is_empty() || spec.sources.is_some() {
            return Err(Error::Usage(
                "--references and --sources go with --candidates (line-aligned input)".into(),
            ));
        }
        let name = path.display().to_string();
        match resolve(path, spec.layout) {
            Layout::Dir => {
                let ds = super::directory::load(path, pair_config)?;
                (
                    Box::new(ds.examples.into_iter().map(|e| Ok(Record::Ready(e)))),
                    ds.notes,
                    name,
                    true,
                )
            }
            Layout::Csv | Layout::Tsv => {
                let delimiter = if resolve(path, spec.layout) == Layout::Csv {
                    b','
                } else {
                    b'\t'
                };
                let table = TableReader::open(path, delimiter, &spec.fields)?;
                unused_fields = table.unused_note();
                let notes = unused_fields.iter().cloned().collect();
                (
                    Box::new(table.map(|x| x.map(Record::Ready))),
                    notes,
                    name,
                    false,
                )
            }
            Layout::Jsonl | Layout::Auto => {
                if path.is_dir() {
                    return Err(Error::Usage(format!(
                        "{name} is a directory; use --input-format dir"
                    )));
                }
                let lines = ChunkedLines::open(path)?;
                unused_fields = first_record_fields(path).and_then(|keys| {
                    spec.fields
                        .unused_note(keys.iter().map(String::as_str), "field", &[])
                });
                let notes = unused_fields.iter().cloned().collect();
                (Box::new(RawJsonl { lines }), notes, name, false)
            }
        }
    };
    // Directories (web pages saved as text) are cleaned by default, other inputs are not.
    let cleaned = spec.clean.unwrap_or(directory);
    let finisher = Finisher {
        path: spec.path.clone().unwrap_or_default(),
        fields: spec.fields.clone(),
        clean: cleaned,
        marker: spec.sentence_marker.clone().filter(|m| !m.is_empty()),
        default_fields: spec.fields == FieldMap::default(),
    };
    Ok(Loaded {
        records,
        finisher,
        notes,
        name,
        cleaned,
        unused_fields,
        directory,
    })
}

/// JSONL lines as unparsed records (blank lines are not records).
struct RawJsonl {
    lines: ChunkedLines,
}

impl Iterator for RawJsonl {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.lines.next_line() {
                Err(e) => return Some(Err(e)),
                Ok(None) => return None,
                Ok(Some((line, shared))) => {
                    let bytes = shared.as_bytes();
                    // Blank lines are skipped. A line that starts (after ASCII spaces) with a
                    // non-ASCII byte may be blank in Unicode terms (U+00A0, U+3000, …): check.
                    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
                        None => continue,
                        Some(&b) if b >= 0x80 => {
                            if std::str::from_utf8(bytes).is_ok_and(|t| t.trim().is_empty()) {
                                continue;
                            }
                        }
                        Some(_) => {}
                    }
                    return Some(Ok(Record::Json {
                        line,
                        bytes: shared,
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_estimated_from_newlines_with_or_without_a_final_one() {
        let d = tempfile::tempdir().unwrap();
        for (text, n) in [("{}\n{}\n", 2), ("{}\n{}", 2), ("", 0), ("{}\n\n{}\n", 3)] {
            let p = d.path().join("x.jsonl");
            std::fs::write(&p, text).unwrap();
            let spec = InputSpec {
                path: Some(p),
                ..InputSpec::default()
            };
            assert_eq!(estimated_examples(&spec), Some(n), "{text:?}");
        }
    }
}

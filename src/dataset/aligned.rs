//! The line-aligned loader (files2rouge style): one text per line, line `i` of every file
//! belongs to example `i`.
//!
//! `--candidates FILE` may be repeated (one system per file, named after the file stem or
//! `NAME=FILE`), `--references FILE` may be repeated (several references per example), and
//! `--sources FILE` is optional. All files are read in lockstep, so memory does not grow with
//! file size; files of different lengths are an error that names both counts.

use std::path::{Path, PathBuf};

use super::{Candidate, Example, LineReader};
use crate::error::{Error, Result};

/// One candidate file and the system it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemFile {
    /// The system's name.
    pub system: String,
    /// The file.
    pub path: PathBuf,
}

impl SystemFile {
    /// Parses `NAME=FILE`, or `FILE` (the system is then the file stem).
    pub fn parse(arg: &str) -> SystemFile {
        if let Some((name, path)) = arg.split_once('=')
            && !name.is_empty()
            && !name.contains('/')
        {
            return SystemFile {
                system: name.to_owned(),
                path: PathBuf::from(path),
            };
        }
        let path = PathBuf::from(arg);
        let system = path
            .file_stem()
            .map_or_else(|| arg.to_owned(), |s| s.to_string_lossy().into_owned());
        SystemFile { system, path }
    }
}

/// Streams examples from line-aligned files.
pub struct AlignedReader {
    systems: Vec<(String, LineReader)>,
    references: Vec<LineReader>,
    sources: Option<LineReader>,
    done: bool,
}

impl AlignedReader {
    /// Opens every file. At least one candidate file and one reference or source file are
    /// required.
    pub fn open(
        candidates: &[SystemFile],
        references: &[PathBuf],
        sources: Option<&Path>,
    ) -> Result<Self> {
        if candidates.is_empty() {
            return Err(Error::Usage(
                "line-aligned input needs at least one --candidates FILE".into(),
            ));
        }
        if references.is_empty() && sources.is_none() {
            return Err(Error::Usage(
                "line-aligned input needs --references FILE or --sources FILE".into(),
            ));
        }
        let mut seen = Vec::new();
        for c in candidates {
            if seen.contains(&&c.system) {
                return Err(Error::Usage(format!(
                    "two candidate files are named '{}': name them with NAME=FILE",
                    c.system
                )));
            }
            seen.push(&c.system);
        }
        Ok(AlignedReader {
            systems: candidates
                .iter()
                .map(|c| Ok((c.system.clone(), LineReader::open(&c.path)?)))
                .collect::<Result<_>>()?,
            references: references
                .iter()
                .map(|p| LineReader::open(p))
                .collect::<Result<_>>()?,
            sources: sources.map(LineReader::open).transpose()?,
            done: false,
        })
    }

    fn all_readers(&mut self) -> impl Iterator<Item = &mut LineReader> {
        self.systems
            .iter_mut()
            .map(|(_, r)| r)
            .chain(self.references.iter_mut())
            .chain(self.sources.iter_mut())
    }

    /// Counts the remaining lines of every reader (for the mismatch message).
    fn mismatch(&mut self, at: usize) -> Error {
        let mut counts = Vec::new();
        for r in self.all_readers() {
            let mut n = r.lines_read();
            let ended_here = r.at_eof();
            if !ended_here {
                while let Ok(Some(_)) = r.next_line() {
                    n = r.lines_read();
                }
            }
            counts.push(format!(
                "{} has {}",
                r.path().display(),
                crate::wording::count(n as u64, "line", "lines")
            ));
        }
        Error::Dataset {
            path: PathBuf::from("line-aligned input"),
            message: format!(
                "files have different numbers of lines (they diverge at line {at}): {}",
                counts.join(", ")
            ),
        }
    }
}

impl Iterator for AlignedReader {
    type Item = Result<Example>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut texts: Vec<Option<(usize, String)>> = Vec::new();
        let mut failure = None;
        for r in self.all_readers() {
            match r.next_line() {
                Ok(x) => texts.push(x.map(|(n, t)| (n, t.to_owned()))),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = failure {
            self.done = true;
            return Some(Err(e));
        }
        let present = texts.iter().filter(|t| t.is_some()).count();
        if present == 0 {
            self.done = true;
            return None;
        }
        let line = texts.iter().flatten().map(|(n, _)| *n).max().unwrap_or(0);
        if present < texts.len() {
            self.done = true;
            return Some(Err(self.mismatch(line)));
        }
        let mut texts = texts.into_iter().flatten().map(|(_, t)| t);
        let candidates = self
            .systems
            .iter()
            .map(|(system, _)| Candidate {
                system: system.clone(),
                text: texts.next().unwrap_or_default(),
            })
            .collect();
        let references = (0..self.references.len())
            .map(|_| texts.next().unwrap_or_default())
            .collect();
        let source = self
            .sources
            .as_ref()
            .map(|_| texts.next().unwrap_or_default());
        Some(Ok(Example {
            id: line.to_string(),
            line,
            source,
            references,
            candidates,
            removed_lines: 0,
            lang: None,
        }))
    }
}

//! Sharded runs: score a dataset in N parts (on N machines, or one after the other), then
//! merge the parts into the report one run over all the data gives, byte for byte.
//!
//! [`evaluate_shard`] scores shard K of N, the records whose 0-based position `p` in the
//! input (every record read counts, invalid ones too) has `p % N == K − 1`; it reads the other
//! records without parsing them. It writes a *shard file*: the per-example results with their
//! sufficient statistics (the counts every mean, interval and test is computed from), not
//! averages. [`merge_shards`] reads the N files of a run, checks that they belong together, and
//! feeds their examples in input order through the same ordered checks (duplicate ids across
//! shards included) and the same [`build_report`](crate::run::build_report) as
//! [`evaluate_dataset`](crate::run::evaluate_dataset): the report, its notes, intervals and
//! paired tests are those of the single run.
//!
//! # The shard file (`sumbench.shard/1`)
//!
//! JSON Lines, written as the run goes:
//!
//! 1. a header: `{"schema": "sumbench.shard/1", "version", "shard": {"index": K, "count": N},
//!    "settings": {"eval", "report", "skip_invalid"}, "input": {"name", "notes",
//!    "unused_fields", "cleaned", "directory"}}`: everything that changes a number or the
//!    report ([`ShardSettings`], [`InputInfo`]);
//! 2. one line per record of the shard, in input order: `{"position", "line", "empty":
//!    [candidates, references], "result": {...}}` for an example (its
//!    [`ExampleResult`], with every count; floats are written shortest-round-trip and read back
//!    exactly), or `{"position", "skipped": "message"}` for a record skipped as invalid
//!    (`--skip-invalid`);
//! 3. an end line: `{"end": {"records", "examples", "skipped", "fingerprint"}}`: the number
//!    of records the run read (all shards read them all), the lines above, and a hash of every
//!    record read, so that shards of different data do not merge. A file without it is
//!    a run that did not finish.
//!
//! Merging holds no more in memory than the single run would: the shards are read side by
//! side, one entry at a time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::io::{BufRead, Write};
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::dataset::input::{InputSpec, Record, open};
use crate::dataset::pair::PairConfig;
use crate::error::{Error, Result};
use crate::evaluate::{EvalConfig, Evaluator, ExampleResult};
use crate::report::Jsonl;
use crate::run::{
    Collector, IdSet, InputInfo, Outcome, ReportOptions, RunOptions, Scored, pipeline, retains,
    thread_pool,
};

/// The version tag of the shard file format.
pub const SHARD_SCHEMA: &str = "sumbench.shard/1";

/// One shard of N (`K/N` on the command line): the records whose 0-based input position `p`
/// has `p % count == index − 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ShardSpec {
    /// K, from 1 to `count`.
    pub index: u64,
    /// N, at least 1.
    pub count: u64,
}

impl ShardSpec {
    /// Shard `index` of `count`, when `1 ≤ index ≤ count`.
    pub fn new(index: u64, count: u64) -> std::result::Result<Self, String> {
        if count == 0 {
            return Err(format!(
                "{index}/{count}: N must be at least 1 (K/N is shard K of N, 1 ≤ K ≤ N)"
            ));
        }
        if index == 0 {
            return Err(format!(
                "{index}/{count}: K counts from 1 (K/N is shard K of N, 1 ≤ K ≤ N)"
            ));
        }
        if index > count {
            return Err(format!(
                "{index}/{count}: K is more than N (K/N is shard K of N, 1 ≤ K ≤ N)"
            ));
        }
        Ok(ShardSpec { index, count })
    }

    /// Whether the record at 0-based `position` belongs to this shard.
    pub fn contains(&self, position: u64) -> bool {
        position % self.count == self.index - 1
    }
}

impl fmt::Display for ShardSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for ShardSpec {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let parsed = s
            .split_once('/')
            .and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)));
        match parsed {
            Some((k, n)) => ShardSpec::new(k, n),
            None => Err(format!(
                "'{s}': expected K/N, shard K of N (1/4 is the first of four shards)"
            )),
        }
    }
}

/// Everything of a run's options that changes a number or the report: what every shard of a
/// run must share. (The number of threads changes nothing; the output format is chosen when
/// merging.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardSettings {
    /// The metrics and their tokenization.
    pub eval: EvalConfig,
    /// Aggregation, intervals and tests.
    pub report: ReportOptions,
    /// Invalid records skipped (`--skip-invalid`) rather than fatal.
    pub skip_invalid: bool,
}

impl ShardSettings {
    /// The settings of `options`.
    pub fn of(options: &RunOptions) -> Self {
        ShardSettings {
            eval: options.eval.clone(),
            report: options.report.clone(),
            skip_invalid: options.skip_invalid,
        }
    }
}

/// The first line of a shard file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardHeader {
    /// [`SHARD_SCHEMA`].
    pub schema: String,
    /// The sumbench version that wrote the file (shards merge only with the same version).
    pub version: String,
    /// Which shard.
    pub shard: ShardSpec,
    /// The run's settings.
    pub settings: ShardSettings,
    /// What the run knows of its input.
    pub input: InputInfo,
}

/// The last line of a shard file: what the run read and wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardEnd {
    /// Records read (the whole input's: every shard reads them all).
    pub records: u64,
    /// Example lines written.
    pub examples: u64,
    /// Skipped-record lines written.
    pub skipped: u64,
    /// A hash of every record read (16 hex digits), the same on every platform: shards of
    /// different data have different fingerprints.
    pub fingerprint: String,
}

/// One record of a shard, as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A valid example.
    Example {
        /// 0-based position in the input.
        position: u64,
        /// 1-based line or record number, for messages.
        line: usize,
        /// Empty candidates and empty references.
        empty: (u64, u64),
        /// Its results.
        result: ExampleResult,
    },
    /// A record skipped as invalid.
    Skipped {
        /// 0-based position in the input.
        position: u64,
        /// Why (the message the run gives).
        message: String,
    },
}

impl Entry {
    /// The record's 0-based position in the input.
    pub fn position(&self) -> u64 {
        match self {
            Entry::Example { position, .. } | Entry::Skipped { position, .. } => *position,
        }
    }
}

/// What [`evaluate_shard`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardSummary {
    /// The file's end line.
    pub end: ShardEnd,
    /// One message per record of the shard skipped as invalid.
    pub skipped: Vec<String>,
}

/// A portable 64-bit hash of the records a run reads (not for security: it tells shards of
/// different data apart).
struct Fingerprint(u64);

impl Fingerprint {
    fn new() -> Self {
        Fingerprint(0x6a09_e667_f3bc_c908)
    }

    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.word(b.len() as u64);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
    }

    fn text(&mut self, t: Option<&str>) {
        match t {
            Some(t) => {
                self.word(1);
                self.bytes(t.as_bytes());
            }
            None => self.word(0),
        }
    }

    fn record(&mut self, r: &Result<Record>) {
        match r {
            Ok(Record::Json { line, bytes }) => {
                self.word(1);
                self.word(*line as u64);
                self.bytes(bytes.as_bytes());
            }
            Ok(Record::Ready(e)) => {
                self.word(2);
                self.text(Some(&e.id));
                self.word(e.line as u64);
                self.text(e.source.as_deref());
                self.word(e.references.len() as u64);
                for r in &e.references {
                    self.text(Some(r));
                }
                self.word(e.candidates.len() as u64);
                for c in &e.candidates {
                    self.text(Some(&c.system));
                    self.text(Some(&c.text));
                }
                self.word(e.removed_lines as u64);
                self.text(e.lang.as_deref());
            }
            Err(e) => {
                self.word(3);
                self.text(Some(&e.to_string()));
            }
        }
    }

    /// The hash, as 16 hex digits (SplitMix64's finaliser over the state).
    fn hex(&self) -> String {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        format!("{:016x}", z ^ (z >> 31))
    }
}

/// The records of one shard with their positions, out of all the records (each one counted
/// and fingerprinted).
struct Selected {
    records: Box<dyn Iterator<Item = Result<Record>> + Send>,
    shard: ShardSpec,
    read: u64,
    fingerprint: Fingerprint,
}

impl Iterator for Selected {
    type Item = (u64, Result<Record>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = self.records.next()?;
            let position = self.read;
            self.read += 1;
            self.fingerprint.record(&record);
            if self.shard.contains(position) {
                return Some((position, record));
            }
        }
    }
}

/// Writes `s` as a JSON string.
fn json_string(buf: &mut Vec<u8>, s: &str) {
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

/// Scores shard `shard` of `input` and writes its shard file to `out` (see the
/// [module](self)). Invalid records of the shard fail the run or, with
/// [`RunOptions::skip_invalid`], are skipped and written as such; duplicate ids are checked
/// within the shard here and across shards by [`merge_shards`]. A shard may hold no example
/// (more shards than records). `progress` is called with the number of examples each finished
/// batch added.
pub fn evaluate_shard(
    input: &InputSpec,
    options: &RunOptions,
    shard: ShardSpec,
    out: &mut (dyn Write + Send),
    progress: &(dyn Fn(u64) + Sync),
) -> Result<ShardSummary> {
    let evaluator = Evaluator::new(options.eval.clone());
    let pool = thread_pool(options.jobs)?;
    let loaded = open(input, &PairConfig::default())?;
    let info = InputInfo::of(&loaded);
    let header = ShardHeader {
        schema: SHARD_SCHEMA.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        shard,
        settings: ShardSettings::of(options),
        input: info.clone(),
    };
    let mut line = serde_json::to_vec(&header).map_err(std::io::Error::from)?;
    line.push(b'\n');
    out.write_all(&line)?;
    let mut collector = Collector::new(&evaluator, &info, options.skip_invalid, false);
    let mut selected = Selected {
        records: loaded.records,
        shard,
        read: 0,
        fingerprint: Fingerprint::new(),
    };
    let (mut examples, mut skipped) = (0u64, 0u64);
    let serialise = |result: &ExampleResult, buf: &mut Vec<u8>| {
        // Serialising into a Vec cannot fail: the results hold no map with non-string keys.
        let _ = serde_json::to_writer(&mut *buf, result);
    };
    pipeline(
        &pool,
        &evaluator,
        &loaded.finisher,
        &mut selected,
        Some(&serialise),
        0,
        &mut |scored: Scored| {
            let Scored {
                position,
                example,
                result,
                bytes,
                ..
            } = scored;
            let mut line = Vec::with_capacity(bytes.len() + 64);
            line.extend_from_slice(b"{\"position\":");
            line.extend_from_slice(itoa::Buffer::new().format(position).as_bytes());
            let kept = match example {
                Err(e) => {
                    collector.invalid(e)?;
                    None
                }
                Ok((id, hash, number, local)) => {
                    let empty = local.as_ref().ok().copied();
                    let has_result = result.is_some();
                    match collector.example(&id, hash, number, local, result)? {
                        true if has_result => Some((number, empty.unwrap_or_default())),
                        true => {
                            return Err(Error::record(
                                info.name.as_str(),
                                number,
                                format!("example '{id}' was not scored"),
                            ));
                        }
                        false => None,
                    }
                }
            };
            match kept {
                Some((number, (candidates, references))) => {
                    examples += 1;
                    line.extend_from_slice(b",\"line\":");
                    line.extend_from_slice(itoa::Buffer::new().format(number).as_bytes());
                    line.extend_from_slice(b",\"empty\":[");
                    line.extend_from_slice(itoa::Buffer::new().format(candidates).as_bytes());
                    line.push(b',');
                    line.extend_from_slice(itoa::Buffer::new().format(references).as_bytes());
                    line.extend_from_slice(b"],\"result\":");
                    line.extend_from_slice(&bytes);
                }
                None => {
                    skipped += 1;
                    line.extend_from_slice(b",\"skipped\":");
                    json_string(
                        &mut line,
                        collector.skipped.last().map_or("", String::as_str),
                    );
                }
            }
            line.extend_from_slice(b"}\n");
            out.write_all(&line)?;
            Ok(kept.is_some())
        },
        progress,
    )?;
    let end = ShardEnd {
        records: selected.read,
        examples,
        skipped,
        fingerprint: selected.fingerprint.hex(),
    };
    let mut line = b"{\"end\":".to_vec();
    serde_json::to_writer(&mut line, &end).map_err(std::io::Error::from)?;
    line.extend_from_slice(b"}\n");
    out.write_all(&line)?;
    out.flush()?;
    Ok(ShardSummary {
        end,
        skipped: collector.skipped,
    })
}

/// A line of a shard file after the header, as parsed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryLine {
    position: Option<u64>,
    line: Option<usize>,
    empty: Option<(u64, u64)>,
    result: Option<ExampleResult>,
    skipped: Option<String>,
    end: Option<ShardEnd>,
}

/// A shard file, read one entry at a time: its header at once, then [`ShardReader::next_entry`]
/// until the end line, checking as it goes that the file is whole and its entries are the
/// shard's, in order.
pub struct ShardReader {
    name: String,
    header: ShardHeader,
    lines: Box<dyn BufRead + Send>,
    /// Lines read so far.
    line: usize,
    /// The position the next entry must have (the shard's records are all there, in order).
    next: u64,
    examples: u64,
    skipped: u64,
    end: Option<ShardEnd>,
}

impl fmt::Debug for ShardReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ShardReader")
            .field("name", &self.name)
            .field("header", &self.header)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl ShardReader {
    /// Opens the shard file at `path` and reads its header.
    pub fn open(path: &Path) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
        ShardReader::new(
            path.display().to_string(),
            std::io::BufReader::with_capacity(1 << 16, file),
        )
    }

    /// Reads the header of the shard file `lines` (`name` names it in messages).
    pub fn new(name: String, lines: impl BufRead + Send + 'static) -> Result<Self> {
        let error = |message: String| Error::Dataset {
            path: name.clone().into(),
            message,
        };
        let not_a_shard = || {
            error(format!(
                "not a sumbench shard file (its first line is no {SHARD_SCHEMA} header; `sumbench eval --shard K/N -o FILE` writes one)"
            ))
        };
        let mut lines: Box<dyn BufRead + Send> = Box::new(lines);
        let mut first = Vec::new();
        lines
            .read_until(b'\n', &mut first)
            .map_err(|source| Error::Io {
                path: name.clone().into(),
                source,
            })?;
        let value: serde_json::Value = serde_json::from_slice(&first).map_err(|_| not_a_shard())?;
        match value.get("schema").and_then(|s| s.as_str()) {
            Some(SHARD_SCHEMA) => {}
            Some(s) if s.starts_with("sumbench.shard/") => {
                return Err(error(format!(
                    "shard format {s}; this sumbench reads {SHARD_SCHEMA}"
                )));
            }
            _ => return Err(not_a_shard()),
        }
        let header: ShardHeader = serde_json::from_value(value)
            .map_err(|e| error(format!("line 1: corrupt shard header: {e}")))?;
        let ShardSpec { index, count } = header.shard;
        ShardSpec::new(index, count).map_err(|e| error(format!("line 1: shard {e}")))?;
        Ok(ShardReader {
            header,
            name,
            lines,
            line: 1,
            next: index - 1,
            examples: 0,
            skipped: 0,
            end: None,
        })
    }

    /// The file's name, as messages give it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The header.
    pub fn header(&self) -> &ShardHeader {
        &self.header
    }

    /// The end line, once [`ShardReader::next_entry`] has returned `None`.
    pub fn end(&self) -> Option<&ShardEnd> {
        self.end.as_ref()
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::Dataset {
            path: self.name.clone().into(),
            message: message.into(),
        }
    }

    fn read_line(&mut self) -> Result<Option<Vec<u8>>> {
        let mut buf = Vec::new();
        let n = self
            .lines
            .read_until(b'\n', &mut buf)
            .map_err(|source| Error::Io {
                path: self.name.clone().into(),
                source,
            })?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        Ok(Some(buf))
    }

    /// The next entry, or `None` after the end line (which is then [`ShardReader::end`]).
    pub fn next_entry(&mut self) -> Result<Option<Entry>> {
        if self.end.is_some() {
            return Ok(None);
        }
        let Some(bytes) = self.read_line()? else {
            return Err(self.error(format!(
                "truncated after line {}: no end line, so its run did not finish; run the shard again",
                self.line
            )));
        };
        let corrupt = |r: &ShardReader, what: String| {
            r.error(format!("line {}: corrupt shard entry: {what}", r.line))
        };
        let parsed: EntryLine =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(self, e.to_string()))?;
        if let Some(end) = parsed.end {
            if parsed.position.is_some() {
                return Err(corrupt(self, "an end line with a position".into()));
            }
            return self.finish(end).map(|()| None);
        }
        let Some(position) = parsed.position else {
            return Err(corrupt(self, "no position".into()));
        };
        if position != self.next {
            let shard = self.header.shard;
            return Err(self.error(format!(
                "line {}: position {position} where shard {shard} has its record {}: the file was edited or damaged",
                self.line, self.next
            )));
        }
        self.next += self.header.shard.count;
        let entry = match (parsed.skipped, parsed.result, parsed.line, parsed.empty) {
            (Some(message), None, None, None) => {
                if !self.header.settings.skip_invalid {
                    return Err(corrupt(
                        self,
                        "a skipped record in a run without --skip-invalid".into(),
                    ));
                }
                self.skipped += 1;
                Entry::Skipped { position, message }
            }
            (None, Some(result), Some(line), Some(empty)) => {
                self.examples += 1;
                Entry::Example {
                    position,
                    line,
                    empty,
                    result,
                }
            }
            _ => {
                return Err(corrupt(
                    self,
                    "expected either a result (with line and empty) or skipped".into(),
                ));
            }
        };
        Ok(Some(entry))
    }

    /// Checks the end line against what was read.
    fn finish(&mut self, end: ShardEnd) -> Result<()> {
        if end.examples != self.examples || end.skipped != self.skipped {
            return Err(self.error(format!(
                "the end line counts {} examples and {} skipped records, the file has {} and {}",
                end.examples, end.skipped, self.examples, self.skipped
            )));
        }
        // Every record of the shard has its line: the next position is past the last record.
        if self.next < end.records || self.next - end.records >= self.header.shard.count {
            return Err(self.error(format!(
                "the end line says {} records were read, which does not match the file's entries",
                end.records
            )));
        }
        while let Some(l) = self.read_line()? {
            if !l.iter().all(u8::is_ascii_whitespace) {
                return Err(self.error(format!("line {}: data after the end line", self.line)));
            }
        }
        self.end = Some(end);
        Ok(())
    }
}

/// The first place where two JSON values differ, as a dotted path with both values.
fn difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    if let (Value::Object(x), Value::Object(y)) = (a, b) {
        for (k, v) in x {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            match y.get(k) {
                Some(w) => {
                    if let Some(d) = difference(v, w, &p) {
                        return Some(d);
                    }
                }
                None => return Some(format!("{p}: {v} here, nothing there")),
            }
        }
        return y
            .iter()
            .find(|(k, _)| !x.contains_key(*k))
            .map(|(k, w)| format!("{path}.{k}: nothing here, {w} there"));
    }
    (a != b).then(|| format!("{path}: {a} here, {b} there"))
}

/// Checks that `shards` are the N shards of one run, each once: same format version, same
/// settings and input, same N, every K. Returns them ordered by K.
fn check_set(mut shards: Vec<ShardReader>) -> Result<Vec<ShardReader>> {
    let Some(first) = shards.first() else {
        return Err(Error::Usage("no shard to merge".into()));
    };
    let (h0, name0) = (first.header.clone(), first.name.clone());
    let ours = env!("CARGO_PKG_VERSION");
    for s in &shards {
        let h = &s.header;
        if h.version != ours {
            return Err(s.error(format!(
                "written by sumbench {}, this is sumbench {ours}: merge shards with the version that scored them",
                h.version
            )));
        }
        if h.shard.count != h0.shard.count {
            return Err(s.error(format!(
                "shard {}, but {name0} is shard {}: the shards of one run have the same N",
                h.shard, h0.shard
            )));
        }
        if h.settings != h0.settings {
            let (a, b) = (
                serde_json::to_value(&h.settings).unwrap_or_default(),
                serde_json::to_value(&h0.settings).unwrap_or_default(),
            );
            let what = difference(&a, &b, "").unwrap_or_else(|| "settings".into());
            return Err(s.error(format!(
                "scored with other options than {name0} ({what}): the shards of one run have the same options"
            )));
        }
        if h.input != h0.input {
            let (a, b) = (
                serde_json::to_value(&h.input).unwrap_or_default(),
                serde_json::to_value(&h0.input).unwrap_or_default(),
            );
            let what = difference(&a, &b, "input").unwrap_or_else(|| "input".into());
            return Err(s.error(format!(
                "read another input than {name0} ({what}): the shards of one run read the same input"
            )));
        }
    }
    shards.sort_by_key(|s| s.header.shard.index);
    for w in shards.windows(2) {
        if w[0].header.shard == w[1].header.shard {
            return Err(w[1].error(format!(
                "shard {} again ({} is shard {} too)",
                w[1].header.shard, w[0].name, w[0].header.shard
            )));
        }
    }
    let count = h0.shard.count;
    if let Some(missing) = (1..=count).find(|&k| {
        shards
            .get(k as usize - 1)
            .is_none_or(|s| s.header.shard.index != k)
    }) {
        return Err(Error::Usage(format!(
            "shard {missing}/{count} is missing: {} of the run's {count} shards given",
            shards.len()
        )));
    }
    Ok(shards)
}

/// Merges the N shard files of one run into the outcome of the run over all the data: the same
/// report (notes, intervals and tests included), skipped records and warnings, as if
/// [`evaluate_dataset`](crate::run::evaluate_dataset) had run with the shards' options. The
/// shards may come in any order; they are checked to be the N shards of one run (same options,
/// input, data and version; each K once), and duplicate ids are checked across them.
/// `keep_examples` and `jsonl` are [`RunOptions::keep_examples`] and `evaluate_dataset`'s
/// `jsonl`: with `jsonl`, each example's JSONL lines are written there in input order.
pub fn merge_shards(
    shards: Vec<ShardReader>,
    keep_examples: bool,
    mut jsonl: Option<&mut (dyn Write + Send)>,
) -> Result<Outcome> {
    let mut shards = check_set(shards)?;
    let header = shards[0].header.clone();
    let evaluator = Evaluator::new(header.settings.eval.clone());
    let columns = evaluator.columns();
    let mut collector = Collector::new(
        &evaluator,
        &header.input,
        header.settings.skip_invalid,
        retains(keep_examples, &header.settings.report),
    );
    // The next entry of every shard, by position: positions are distinct across shards (each
    // is its own residue modulo N) and increase within one.
    let mut heads = BinaryHeap::new();
    let mut pending: Vec<Option<Entry>> = Vec::with_capacity(shards.len());
    for (k, s) in shards.iter_mut().enumerate() {
        let entry = s.next_entry()?;
        if let Some(e) = &entry {
            heads.push(Reverse((e.position(), k)));
        }
        pending.push(entry);
    }
    let mut line = Vec::new();
    while let Some(Reverse((_, k))) = heads.pop() {
        let entry = pending[k].take();
        match entry {
            Some(Entry::Skipped { message, .. }) => collector.skipped.push(message),
            Some(Entry::Example {
                line: number,
                empty,
                result,
                ..
            }) => {
                line.clear();
                if jsonl.is_some() {
                    Jsonl::write_lines(
                        evaluator.config(),
                        &columns,
                        std::slice::from_ref(&result),
                        &mut line,
                    )?;
                }
                let id = result.id.clone();
                let hash = IdSet::hash(&id);
                if collector.example(&id, hash, number, Ok(empty), Some(result))?
                    && let Some(out) = jsonl.as_deref_mut()
                {
                    out.write_all(&line)?;
                }
            }
            None => {}
        }
        let next = shards[k].next_entry()?;
        if let Some(e) = &next {
            heads.push(Reverse((e.position(), k)));
        }
        pending[k] = next;
    }
    // Every shard ended (its end line checked against its entries); they read the same data.
    let ends: Vec<(&ShardReader, &ShardEnd)> = shards
        .iter()
        .filter_map(|s| s.end.as_ref().map(|e| (s, e)))
        .collect();
    let (first, end0) = ends[0];
    for &(s, end) in &ends[1..] {
        if end.records != end0.records {
            return Err(s.error(format!(
                "read {} records, {} read {}: the shards of one run read the same data",
                end.records, first.name, end0.records
            )));
        }
        if end.fingerprint != end0.fingerprint {
            return Err(s.error(format!(
                "read other data than {} (the records' fingerprints differ): the shards of one run read the same data",
                first.name
            )));
        }
    }
    collector.finish(&evaluator, &header.settings.report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_specs_parse_and_select_their_positions() {
        let s: ShardSpec = "2/3".parse().unwrap();
        assert_eq!(s, ShardSpec { index: 2, count: 3 });
        assert_eq!(s.to_string(), "2/3");
        let mine: Vec<u64> = (0..10).filter(|&p| s.contains(p)).collect();
        assert_eq!(mine, [1, 4, 7]);
        assert!((0..5).all(|p| "1/1".parse::<ShardSpec>().unwrap().contains(p)));
        for (bad, why) in [
            ("0/2", "K counts from 1"),
            ("3/2", "K is more than N"),
            ("1/0", "N must be at least 1"),
            ("x", "expected K/N"),
            ("1/", "expected K/N"),
            ("-1/2", "expected K/N"),
        ] {
            let e = bad.parse::<ShardSpec>().unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn floats_written_are_the_floats_read() {
        // serde_json with float_roundtrip: 17-digit values (most ROUGE scores) come back to
        // the last bit, as the merged report needs.
        let mut x: u64 = 0x1234_5678_9abc_def1;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x >> 2) % 1.0 + (x % 7) as f64;
            let v = if v.is_finite() { v } else { 0.5 };
            let back: f64 = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "{v}");
        }
    }

    #[test]
    fn configurations_round_trip() {
        use crate::text::Tokenization;
        use crate::text::multilingual::LangStemmer;
        use crate::text::segment::Segmenter;
        for tokenization in [
            Tokenization::RougeScore,
            Tokenization::Auto { stem: true },
            Tokenization::Unicode {
                lang: "fr",
                stem: LangStemmer::for_lang("fr"),
                seg: None,
            },
            Tokenization::Unicode {
                lang: "zh",
                stem: None,
                seg: Some(Segmenter::Jieba),
            },
            Tokenization::Unicode {
                lang: "tr",
                stem: Some(LangStemmer::Turkish),
                seg: None,
            },
        ] {
            let eval = EvalConfig {
                tokenization,
                ..EvalConfig::default()
            };
            let settings = ShardSettings {
                eval,
                report: ReportOptions {
                    micro: true,
                    confidence: Some((
                        crate::stats::BootstrapConfig::default(),
                        crate::stats::corpus::IntervalMethod::RougeScore,
                    )),
                    baseline: Some(("b".into(), Default::default())),
                },
                skip_invalid: true,
            };
            let text = serde_json::to_string(&settings).unwrap();
            let back: ShardSettings = serde_json::from_str(&text).unwrap();
            assert_eq!(back, settings, "{text}");
        }
    }

    #[test]
    fn fingerprints_tell_records_apart() {
        let hex = |records: &[Result<Record>]| {
            let mut f = Fingerprint::new();
            records.iter().for_each(|r| f.record(r));
            f.hex()
        };
        let example = |id: &str, text: &str| {
            Ok(Record::Ready(crate::dataset::Example {
                id: id.into(),
                line: 1,
                source: None,
                references: vec![text.into()],
                candidates: Vec::new(),
                removed_lines: 0,
                lang: None,
            }))
        };
        let a = hex(&[example("a", "x y"), example("b", "z")]);
        assert_eq!(a, hex(&[example("a", "x y"), example("b", "z")]));
        assert_ne!(a, hex(&[example("a", "x"), example("b", "y z")]));
        assert_ne!(a, hex(&[example("b", "z"), example("a", "x y")]));
        assert_ne!(a, hex(&[example("a", "x y")]));
        assert_eq!(a.len(), 16);
    }
}

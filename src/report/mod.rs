//! Reports: one renderer per output format behind the [`Render`] trait, all reading the same
//! [`Report`]. A renderer formats numbers; it never computes one.

mod json;
mod table;

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::SystemSummary;
use crate::evaluate::ExampleResult;
use crate::metrics::rouge::RougeType;
use crate::signature::Signature;

pub use json::{Json, Jsonl};
pub use table::Table;

/// The version tag of the JSON report schema (see the README, "JSON report").
pub const SCHEMA: &str = "sumbench.report/1";

/// Counts that describe the run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RunCounts {
    /// Examples scored.
    pub examples: u64,
    /// Examples scored against their source because they had no reference.
    pub against_source: u64,
    /// Examples skipped as invalid (only with `--skip-invalid`).
    pub skipped: u64,
    /// Systems seen.
    pub systems: u64,
}

/// Everything a renderer may show.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The signature of the run.
    pub signature: Signature,
    /// The ROUGE types, in column order.
    pub metrics: Vec<RougeType>,
    /// Run counts.
    pub counts: RunCounts,
    /// Per-system corpus scores, in order of first appearance.
    pub systems: Vec<SystemSummary>,
    /// Per-example results, in input order.
    pub examples: Vec<ExampleResult>,
    /// Human-readable remarks (what was scored against the source, what was skipped).
    pub notes: Vec<String>,
}

/// An output format.
pub trait Render {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// Output formats known to the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A comfy-table comparison table.
    Table,
    /// The whole report as one JSON document.
    Json,
    /// One JSON object per example and system.
    Jsonl,
}

impl Format {
    /// The renderer of this format.
    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Table => Box::new(Table),
            Format::Json => Box::new(Json),
            Format::Jsonl => Box::new(Jsonl),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            other => Err(format!(
                "unknown format '{other}' (expected table, json or jsonl)"
            )),
        }
    }
}

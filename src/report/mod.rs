//! Reports: one renderer per output format behind the [`Render`] trait, all reading the same
//! [`Report`]. A renderer formats numbers; it never computes one.

mod comparison;
mod csv;
mod explain;
mod html;
mod json;
mod markdown;
mod meta;
mod pairing;
pub mod schema;
mod table;

use std::io::{self, Write};

use crate::evaluate::texts::ExampleTexts;
use crate::evaluate::{Better, Column, EvalConfig, ExampleResult, Section};
use crate::signature::Signature;
use crate::stats::compare::{CompareReport, SystemComparison};
use crate::stats::corpus::SystemSummary;

pub use self::csv::Csv;
pub use comparison::render_comparison;
pub use explain::render_facts;
pub use html::{HTML_EXAMPLES, Html, render_compare_html};
pub use json::{Json, Jsonl};
pub use markdown::Markdown;
pub use meta::{Meta, meta_path};
pub use pairing::render_pairing;
pub use schema::{RunCounts, SCHEMA, SCHEMA_V1, read_report, read_report_columns};
pub use table::Table;

/// Everything a renderer may show.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The signature of the run.
    pub signature: Signature,
    /// What was computed (the ROUGE types and metric families): it lays out the columns.
    pub config: EvalConfig,
    /// The value columns of `config`, in order.
    pub columns: Vec<Column>,
    /// Run counts.
    pub counts: RunCounts,
    /// Per-system corpus scores, in order of first appearance.
    pub systems: Vec<SystemSummary>,
    /// Per-example results, in input order.
    pub examples: Vec<ExampleResult>,
    /// Human-readable remarks (what was scored against the source, what was skipped).
    pub notes: Vec<String>,
    /// Whether renderers that can should add per-example rows.
    pub per_example: bool,
    /// Comparisons of each system with a baseline system (`--baseline-system`).
    pub comparisons: Vec<SystemComparison>,
    /// The texts and fact checks of the first examples, when the run kept them
    /// ([`crate::run::RunOptions::texts`]; the HTML report shows them), in input order.
    pub texts: Vec<ExampleTexts>,
}

impl Report {
    /// Column sections in order of first appearance, with the indices of their columns.
    pub fn sections(&self) -> Vec<(Section, Vec<usize>)> {
        let mut out: Vec<(Section, Vec<usize>)> = Vec::new();
        for (i, c) in self.columns.iter().enumerate() {
            match out.iter_mut().find(|(s, _)| *s == c.section) {
                Some((_, v)) => v.push(i),
                None => out.push((c.section, vec![i])),
            }
        }
        out
    }

    /// The `--baseline-system` comparisons as a [`CompareReport`], for the comparison
    /// renderers.
    pub fn comparison(&self) -> CompareReport {
        CompareReport {
            signature: self.signature.to_string(),
            baseline_signature: self.signature.to_string(),
            alpha: 0.05,
            gates: Vec::new(),
            systems: self.comparisons.clone(),
            notes: Vec::new(),
        }
    }

    /// Sections as the tables show them: detail columns left out, and columns without a value
    /// for any system dropped (an all-empty section disappears).
    pub fn visible_sections(&self) -> Vec<(Section, Vec<usize>)> {
        self.sections()
            .into_iter()
            .map(|(s, cols)| {
                let cols: Vec<usize> = cols
                    .into_iter()
                    .filter(|&k| {
                        !self.columns[k].detail && self.systems.iter().any(|s| s.means[k].is_some())
                    })
                    .collect();
                (s, cols)
            })
            .filter(|(_, cols)| !cols.is_empty())
            .collect()
    }

    /// For each column, whether each system holds the best mean (ties all marked). Nothing is
    /// marked when the column has no direction, fewer than two systems have a value, or all
    /// values are equal.
    pub fn best(&self) -> Vec<Vec<bool>> {
        self.columns
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let vals: Vec<Option<f64>> = self.systems.iter().map(|s| s.means[k]).collect();
                let defined: Vec<f64> = vals.iter().flatten().copied().collect();
                let none = vec![false; vals.len()];
                if defined.len() < 2 {
                    return none;
                }
                let top = match c.better {
                    Better::Higher => defined.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                    Better::Lower => defined.iter().copied().fold(f64::INFINITY, f64::min),
                    Better::Neither => return none,
                };
                if defined.iter().all(|&v| v == top) {
                    return none;
                }
                vals.iter().map(|v| *v == Some(top)).collect()
            })
            .collect()
    }
}

/// An output format.
pub trait Render {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// The renderer of [`Format::Rouge155`] for a report of sumbench's own metrics: an error, since
/// that format is the ROUGE-1.5.5 mode's ([`crate::rouge155`]).
struct NeedsRouge155;

impl Render for NeedsRouge155 {
    fn render(&self, _: &Report, _: &mut dyn Write) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--format rouge155 is the ROUGE-1.5.5 mode's report: add --rouge155 \"OPTIONS\"",
        ))
    }
}

/// Output formats known to the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comparison tables (comfy-table).
    Table,
    /// The whole report as one JSON document.
    Json,
    /// One JSON object per example and system.
    Jsonl,
    /// Comma-separated values: one row per system (or per example and system).
    Csv,
    /// Markdown tables, for pull-request comments.
    Markdown,
    /// The ROUGE-1.5.5 script's report (`eval --rouge155 OPTIONS` and `score --rouge155` only).
    Rouge155,
    /// One self-contained HTML page with tables, plots and the per-example facts.
    Html,
}

impl Format {
    /// The renderer of this format.
    pub fn renderer(self) -> Box<dyn Render> {
        match self {
            Format::Table => Box::new(Table),
            Format::Json => Box::new(Json),
            Format::Jsonl => Box::new(Jsonl),
            Format::Csv => Box::new(Csv),
            Format::Markdown => Box::new(Markdown),
            Format::Rouge155 => Box::new(NeedsRouge155),
            Format::Html => Box::new(Html),
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
            "csv" => Ok(Format::Csv),
            "markdown" | "md" => Ok(Format::Markdown),
            "rouge155" => Ok(Format::Rouge155),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown format '{other}' (expected table, json, jsonl, csv, markdown, html or rouge155)"
            )),
        }
    }
}

/// A value as the tables print it: four decimals, or `–` when undefined.
pub(crate) fn fmt_value(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |x| format!("{x:.4}"))
}

/// A system's column cell: its mean, or its band's point and interval when there is one.
pub(crate) fn fmt_cell(s: &SystemSummary, k: usize) -> String {
    match s.bands.get(k).copied().flatten() {
        Some(b) => format!("{:.4} [{:.4}, {:.4}]", b.mid, b.low, b.high),
        None => fmt_value(s.means[k]),
    }
}

//! Value columns: the named numbers every system gets per example (`rouge1.fmeasure`,
//! `facts.support`, ...), their sections and directions, and the [`Sink`] through which each
//! metric family declares its columns together with their values.
//!
//! A family writes one function that names each column next to the value that fills it
//! ([`Sink::put`]); collecting the columns and collecting one example's values are two sinks
//! over that same function, so the two can never get out of step.

use serde::{Deserialize, Serialize};

/// The table a column is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    /// ROUGE precision, recall and F-measure.
    #[serde(rename = "ROUGE")]
    Rouge,
    /// Compression ratios of the source to the candidate.
    #[serde(rename = "Compression (source / candidate)")]
    Compression,
    /// Coverage, density, novel n-grams and repetition.
    #[serde(rename = "Extractiveness (against the source)")]
    Extractiveness,
    /// Fact retention and support against the source.
    #[serde(rename = "Facts (against the source)")]
    FactsSource,
    /// Fact retention and support against the references.
    #[serde(rename = "Facts (against the references)")]
    FactsReferences,
}

impl Section {
    /// The section's title, as the tables print it (and the JSON report stores it).
    pub fn title(self) -> &'static str {
        match self {
            Section::Rouge => "ROUGE",
            Section::Compression => "Compression (source / candidate)",
            Section::Extractiveness => "Extractiveness (against the source)",
            Section::FactsSource => "Facts (against the source)",
            Section::FactsReferences => "Facts (against the references)",
        }
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.title())
    }
}

/// Which way a column is better, for marking the best system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Higher is better (ROUGE, fact retention and support).
    Higher,
    /// Lower is better (for example an unsupported-fact share).
    Lower,
    /// Neither: a descriptive quantity (compression ratio, density).
    Neither,
}

/// One named number that every system gets per example, and its mean per system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Stable machine key, such as `rouge1.fmeasure` (used in JSON, CSV and `compare`).
    pub key: String,
    /// Short human label, such as `rouge1 F`.
    pub label: String,
    /// The table this column is shown in.
    pub section: Section,
    /// Which way is better.
    pub better: Better,
    /// A detail column: in JSON and CSV, not in the terminal and Markdown tables.
    pub detail: bool,
}

impl Column {
    /// A column shown in the tables.
    pub fn new(
        key: impl Into<String>,
        label: impl Into<String>,
        section: Section,
        better: Better,
    ) -> Self {
        Column {
            key: key.into(),
            label: label.into(),
            section,
            better,
            detail: false,
        }
    }

    /// The same column, marked as a detail (JSON and CSV only).
    pub fn detail(mut self) -> Self {
        self.detail = true;
        self
    }
}

/// Receives a metric family's columns, each with its value for one system on one example
/// (`None` where the value is undefined there).
///
/// The column is passed as a closure so that a sink that only wants the values never builds
/// the column's strings.
pub trait Sink {
    /// The next column and its value.
    fn put(&mut self, column: impl FnOnce() -> Column, value: Option<f64>);
}

/// Collects the columns, ignoring the values.
#[derive(Debug, Default)]
pub struct ColumnSink(pub Vec<Column>);

impl Sink for ColumnSink {
    fn put(&mut self, column: impl FnOnce() -> Column, _: Option<f64>) {
        self.0.push(column());
    }
}

/// Collects the values, in column order, without building any column.
#[derive(Debug)]
pub struct ValueSink<'a>(pub &'a mut Vec<Option<f64>>);

impl Sink for ValueSink<'_> {
    fn put(&mut self, _: impl FnOnce() -> Column, value: Option<f64>) {
        self.0.push(value);
    }
}

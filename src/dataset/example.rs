//! The example: what every loader produces and every later stage reads.

use serde::Serialize;

/// One system's text for an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The system's name (a column of `candidates`, a file name, or `candidate`).
    pub system: String,
    /// The candidate summary.
    pub text: String,
}

/// One evaluation unit: a source, its references, and candidates from one or more systems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    /// The example's id (from the data, or its 1-based line or record number).
    pub id: String,
    /// 1-based line or record number in the input, for error messages.
    pub line: usize,
    /// The source document, when known.
    pub source: Option<String>,
    /// Reference summaries (possibly none: ROUGE then runs against the source).
    pub references: Vec<String>,
    /// Candidates, one per system, in the order the input gives them.
    pub candidates: Vec<Candidate>,
}

impl Example {
    /// The texts ROUGE compares candidates with: the references, or the source when there is
    /// no reference. `None` when there is neither.
    pub fn rouge_targets(&self) -> Option<(Vec<&str>, bool)> {
        if !self.references.is_empty() {
            Some((self.references.iter().map(String::as_str).collect(), false))
        } else {
            self.source.as_deref().map(|s| (vec![s], true))
        }
    }
}

//! The side file of a CSV or JSONL output (`OUT.meta.json`): what those formats have no
//! room for.

use serde::{Deserialize, Serialize};

use super::{Report, RunCounts};

/// What a CSV or JSONL output has no room for, written beside it (`OUT.meta.json`): the
/// signature, the run counts and the notes.
#[derive(Debug, Serialize, Deserialize)]
pub struct Meta {
    /// `sumbench.meta/1`.
    pub schema: String,
    /// The run's signature.
    pub signature: String,
    /// Run counts.
    pub counts: RunCounts,
    /// Remarks (skipped records, files not evaluated, empty texts, ...).
    pub notes: Vec<String>,
}

impl Meta {
    /// The side record of `report`.
    pub fn of(report: &Report) -> Self {
        Meta {
            schema: "sumbench.meta/1".to_owned(),
            signature: report.signature.to_string(),
            counts: report.counts.clone(),
            notes: report.notes.clone(),
        }
    }
}

/// The side file of an output written to `path`: `path` with `.meta.json` appended.
pub fn meta_path(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".meta.json");
    name.into()
}

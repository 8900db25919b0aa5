//! Datasets: the [`Example`] type every loader produces, and the loaders themselves.
//!
//! A loader turns files into a stream of examples (id, optional source, references, and one
//! candidate per system). It validates as it goes and reports the file and line of anything it
//! cannot use. It never analyses text or computes a score.

mod example;
pub mod jsonl;
mod lines;

pub use lines::read_to_string;

pub use example::{Candidate, Example};
pub use jsonl::{FieldMap, JsonlReader};
pub use lines::LineReader;

//! Datasets: the [`Example`] type every loader produces, and the loaders themselves.
//!
//! A loader turns files into a stream of examples (id, optional source, references, and one
//! candidate per system). It validates as it goes and reports the file and line of anything it
//! cannot use. Cleaning of scraped articles ([`clean`]) and pairing of documents by story
//! ([`pair`]) live here too. Nothing here analyses text for a metric or computes a score.

pub mod aligned;
pub mod clean;
pub mod directory;
mod example;
pub mod input;
pub mod jsonl;
mod lines;
pub mod pair;
pub mod table;

pub use example::{Candidate, Example};
pub use jsonl::FieldMap;
pub use lines::{ChunkedLines, LineReader, SharedLine, read_to_string};

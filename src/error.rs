//! The library's error type: every error names the file and, where there is one, the line or
//! record, and says what was wrong.

use std::path::PathBuf;

use crate::wording::one_line;

/// Errors from loading and validating input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be opened or read.
    #[error("{}: cannot read: {source}", one_line(&.path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line or text is not valid UTF-8.
    #[error(
        "{}:{line}: not valid UTF-8 (byte {offset} of the line); convert the file to UTF-8",
        one_line(&.path.display().to_string())
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line number (or record number).
        line: usize,
        /// Byte offset of the first invalid byte within the line.
        offset: usize,
    },
    /// A record could not be parsed or lacks what it needs.
    #[error("{}:{line}: {}", one_line(&.path.display().to_string()), one_line(.message))]
    Record {
        /// The file.
        path: PathBuf,
        /// 1-based line (or record) number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// The input as a whole is inconsistent (for example duplicate ids or mismatched files).
    #[error("{}: {}", one_line(&.path.display().to_string()), one_line(.message))]
    Dataset {
        /// The file or directory.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// An option or argument is invalid.
    #[error("{}", one_line(.0))]
    Usage(String),
    /// The output could not be written.
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
}

impl From<std::io::Error> for Error {
    /// A write to the output failed (reading errors name their file: [`Error::Io`]).
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

impl Error {
    /// A record error at `path:line`.
    pub fn record(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Error::Record {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

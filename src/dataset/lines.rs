//! Line-by-line reading with UTF-8 validation and line numbers, without loading the whole file.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Reads a file (or standard input for `-`) line by line, checking UTF-8 and counting lines.
pub struct LineReader {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    eof: bool,
}

impl LineReader {
    /// Opens `path`; `-` means standard input.
    pub fn open(path: &Path) -> Result<Self> {
        let reader: Box<dyn BufRead + Send> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            let f = File::open(path).map_err(|source| Error::Io {
                path: path.to_owned(),
                source,
            })?;
            Box::new(BufReader::with_capacity(1 << 16, f))
        };
        Ok(Self::from_reader(path, reader))
    }

    /// Wraps any reader; `path` is used in error messages.
    pub fn from_reader(path: &Path, reader: Box<dyn BufRead + Send>) -> Self {
        LineReader {
            path: path.to_owned(),
            reader,
            line: 0,
            buf: Vec::new(),
            eof: false,
        }
    }

    /// The file name used in messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lines read so far.
    pub fn lines_read(&self) -> usize {
        self.line
    }

    /// True once the end of the file was reached.
    pub fn at_eof(&self) -> bool {
        self.eof
    }

    /// The next line without its `\n` (and without a `\r` before it), with its 1-based number;
    /// `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<(usize, &str)>> {
        self.buf.clear();
        let n = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })?;
        if n == 0 {
            self.eof = true;
            return Ok(None);
        }
        self.line += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        match std::str::from_utf8(&self.buf) {
            Ok(s) => Ok(Some((self.line, s))),
            Err(e) => Err(Error::NotUtf8 {
                path: self.path.clone(),
                line: self.line,
                offset: e.valid_up_to(),
            }),
        }
    }
}

/// Reads a whole file (or standard input for `-`) as UTF-8, naming the line of a bad byte.
pub fn read_to_string(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(io)?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..valid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error::NotUtf8 {
            path: path.to_owned(),
            line,
            offset: valid - line_start,
        }
    })
}

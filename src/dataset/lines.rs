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
        if !self.read_line()? {
            return Ok(None);
        }
        match std::str::from_utf8(&self.buf) {
            Ok(s) => Ok(Some((self.line, s))),
            Err(e) => Err(self.not_utf8(e)),
        }
    }

    /// The next line's bytes, unchecked (not yet known to be UTF-8), read straight into their
    /// own buffer, with the line number; `None` at the end of the file. For readers that
    /// validate the text elsewhere (on a worker thread) with [`not_utf8`].
    pub fn next_line_bytes(&mut self) -> Result<Option<(usize, Vec<u8>)>> {
        if !self.read_line()? {
            return Ok(None);
        }
        // The next line likely has about this length: reserve for it up front.
        let next = Vec::with_capacity(self.buf.len() + 64);
        Ok(Some((self.line, std::mem::replace(&mut self.buf, next))))
    }

    fn not_utf8(&self, e: std::str::Utf8Error) -> Error {
        not_utf8(&self.path, self.line, e)
    }

    /// Reads the next line into `buf` without its line ending; false at the end.
    fn read_line(&mut self) -> Result<bool> {
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
            return Ok(false);
        }
        self.line += 1;
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        Ok(true)
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

/// The error for line `line` of `path` that is not valid UTF-8.
pub fn not_utf8(path: &Path, line: usize, e: std::str::Utf8Error) -> Error {
    Error::NotUtf8 {
        path: path.to_owned(),
        line,
        offset: e.valid_up_to(),
    }
}

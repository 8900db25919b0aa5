//! Line-by-line reading with UTF-8 validation and line numbers, without loading the whole file.

use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};

/// Opens `path` for reading; `-` means standard input.
pub fn open_input(path: &Path) -> Result<Box<dyn Read + Send>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(Box::new(file))
}

/// Reads a file (or standard input for `-`) line by line, checking UTF-8 and counting lines.
/// The lines come from a [`ChunkedLines`] reader (so they end as it says).
pub struct LineReader {
    lines: ChunkedLines,
    current: Option<SharedLine>,
    eof: bool,
}

impl LineReader {
    /// Opens `path`; `-` means standard input.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self::from_reader(path, open_input(path)?))
    }

    /// Wraps any reader; `path` is used in error messages.
    pub fn from_reader(path: &Path, reader: Box<dyn Read + Send>) -> Self {
        LineReader {
            lines: ChunkedLines::from_reader(path, reader),
            current: None,
            eof: false,
        }
    }

    /// The file name used in messages.
    pub fn path(&self) -> &Path {
        &self.lines.path
    }

    /// Lines read so far.
    pub fn lines_read(&self) -> usize {
        self.lines.line
    }

    /// True once the end of the file was reached.
    pub fn at_eof(&self) -> bool {
        self.eof
    }

    /// The next line without its `\n` (and without a `\r` before it), with its 1-based number;
    /// `None` at the end of the file.
    pub fn next_line(&mut self) -> Result<Option<(usize, &str)>> {
        let Some((n, line)) = self.lines.next_line()? else {
            self.eof = true;
            return Ok(None);
        };
        let line = self.current.insert(line);
        match std::str::from_utf8(line.as_bytes()) {
            Ok(s) => Ok(Some((n, s))),
            Err(e) => Err(not_utf8(&self.lines.path, n, e)),
        }
    }
}

/// One line of a [`ChunkedLines`] reader: a range of a shared block of the file, so that a
/// line costs neither an allocation nor a copy. The block is freed with its last line.
#[derive(Clone)]
pub struct SharedLine {
    block: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl SharedLine {
    /// The line's bytes, without its line ending (not yet known to be UTF-8).
    pub fn as_bytes(&self) -> &[u8] {
        &self.block[self.range.clone()]
    }
}

impl std::fmt::Debug for SharedLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("SharedLine")
            .field(&String::from_utf8_lossy(self.as_bytes()))
            .finish()
    }
}

/// Reads a file (or standard input for `-`) in large blocks and hands out its lines as
/// [`SharedLine`]s with their 1-based numbers; UTF-8 is left to the consumer (see
/// `not_utf8`). Lines end at `\n`, and a `\r` just before the `\n` is dropped.
///
/// Made for the JSONL reader of `eval`: one `read` per block instead of a copy and an
/// allocation per line, and the lines are handed to other threads without copying.
pub struct ChunkedLines {
    path: PathBuf,
    reader: Box<dyn Read + Send>,
    line: usize,
    block: Arc<Vec<u8>>,
    /// Start of the next line in `block`.
    pos: usize,
    /// End of the last complete line in `block` (just past its `\n`).
    complete: usize,
    eof: bool,
}

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The size of a block; a longer line makes its block as long as needed.
const BLOCK: usize = 256 * 1024;

impl ChunkedLines {
    /// Opens `path`; `-` means standard input.
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self::from_reader(path, open_input(path)?))
    }

    /// Wraps any reader; `path` is used in error messages.
    pub fn from_reader(path: &Path, reader: Box<dyn Read + Send>) -> Self {
        ChunkedLines {
            path: path.to_owned(),
            reader,
            line: 0,
            block: Arc::new(Vec::new()),
            pos: 0,
            complete: 0,
            eof: false,
        }
    }

    /// The next line with its 1-based number; `None` at the end of the input.
    pub fn next_line(&mut self) -> Result<Option<(usize, SharedLine)>> {
        if self.pos == self.complete && !self.refill()? {
            // The last block is not needed any more: its lines own a share of it, so a long last
            // line is freed as soon as it is parsed, not when the reader goes.
            self.block = Arc::new(Vec::new());
            self.pos = 0;
            self.complete = 0;
            return Ok(None);
        }
        let mut start = self.pos;
        // A UTF-8 byte-order mark at the start of the input is not part of the first line
        // (editors on Windows write one; CSV readers skip it too).
        if self.line == 0 && self.block[start..self.complete].starts_with(BOM) {
            start += BOM.len();
        }
        let rest = &self.block[start..self.complete];
        let end = match memchr::memchr(b'\n', rest) {
            Some(len) => {
                self.pos = start + len + 1;
                let cr = len > 0 && rest[len - 1] == b'\r';
                start + len - usize::from(cr)
            }
            // The last line of an input that does not end with a newline.
            None => {
                self.pos = self.complete;
                self.complete
            }
        };
        self.line += 1;
        Ok(Some((
            self.line,
            SharedLine {
                block: Arc::clone(&self.block),
                range: start..end,
            },
        )))
    }

    /// Starts a new block with the unfinished last line of the old one and reads until the
    /// block is full and holds a complete line, or the input ends; false when nothing is left.
    fn refill(&mut self) -> Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let tail = &self.block[self.complete..];
        let mut next = Vec::with_capacity(BLOCK.max(2 * tail.len()));
        next.extend_from_slice(tail);
        let mut searched = 0;
        loop {
            if next.len() == next.capacity() {
                next.reserve(next.len());
            }
            let before = next.len();
            let spare = (next.capacity() - before) as u64;
            // `read_to_end` on a `take` fills the spare capacity (retrying interrupted reads)
            // and stops early only at the end of the input.
            self.reader
                .by_ref()
                .take(spare)
                .read_to_end(&mut next)
                .map_err(|source| Error::Io {
                    path: self.path.clone(),
                    source,
                })?;
            if ((next.len() - before) as u64) < spare {
                self.eof = true;
                let complete = next.len();
                self.install(next, complete);
                return Ok(complete > 0);
            }
            if let Some(last) = memchr::memrchr(b'\n', &next[searched..]) {
                let complete = searched + last + 1;
                self.install(next, complete);
                return Ok(true);
            }
            // A line longer than the block: read on into a bigger one.
            searched = next.len();
        }
    }

    fn install(&mut self, block: Vec<u8>, complete: usize) {
        self.block = Arc::new(block);
        self.pos = 0;
        self.complete = complete;
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
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader that hands out its bytes in pieces of the given sizes (cycling), as pipes do.
    struct Pieces {
        data: Vec<u8>,
        at: usize,
        sizes: Vec<usize>,
        turn: usize,
    }

    impl Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let size = self.sizes[self.turn % self.sizes.len()].max(1);
            self.turn += 1;
            let n = size.min(buf.len()).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn chunked(data: &[u8], sizes: Vec<usize>) -> Vec<(usize, Vec<u8>)> {
        let reader = Pieces {
            data: data.to_vec(),
            at: 0,
            sizes,
            turn: 0,
        };
        let mut lines = ChunkedLines::from_reader(Path::new("t"), Box::new(reader));
        let mut out = Vec::new();
        while let Some((n, line)) = lines.next_line().unwrap() {
            out.push((n, line.as_bytes().to_vec()));
        }
        out
    }

    /// The oracle: `std`'s `read_until`, then the `\n` and a `\r` before it removed.
    fn by_read_until(data: &[u8]) -> Vec<(usize, Vec<u8>)> {
        use std::io::BufRead;
        let mut reader = std::io::Cursor::new(data);
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            if reader.read_until(b'\n', &mut buf).unwrap() == 0 {
                return out;
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            out.push((out.len() + 1, buf));
        }
    }

    #[test]
    fn line_endings_and_the_last_line() {
        let got = chunked(b"a\r\nb\n\n\rc\r", vec![3]);
        let want: Vec<(usize, Vec<u8>)> = vec![
            (1, b"a".to_vec()),
            (2, b"b".to_vec()),
            (3, b"".to_vec()),
            (4, b"\rc\r".to_vec()),
        ];
        assert_eq!(got, want);
        assert_eq!(got, by_read_until(b"a\r\nb\n\n\rc\r"));
        assert!(chunked(b"", vec![1]).is_empty());
        assert_eq!(chunked(b"\n", vec![1]), vec![(1, Vec::new())]);
    }

    #[test]
    fn lines_longer_than_a_block() {
        let long = vec![b'x'; 3 * BLOCK + 17];
        let mut data = b"short\n".to_vec();
        data.extend_from_slice(&long);
        data.extend_from_slice(b"\r\nend");
        let got = chunked(&data, vec![BLOCK / 3, 5]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (2, long));
        assert_eq!(got, by_read_until(&data));
    }

    proptest! {
        #[test]
        fn chunked_lines_equal_read_until(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(b"\n".to_vec()),
                    Just(b"\r".to_vec()),
                    Just(b"\r\n".to_vec()),
                    proptest::collection::vec(any::<u8>(), 0..40),
                ],
                0..60,
            ),
            sizes in proptest::collection::vec(1usize..50, 1..5),
        ) {
            let data: Vec<u8> = parts.concat();
            prop_assert_eq!(chunked(&data, sizes), by_read_until(&data));
        }
    }
}

//! Interning of (stemmed) tokens to dense integer ids.

use rustc_hash::FxHashMap;

use super::Stemmer;
use super::tokenize::{Scan, short_key};

/// Multiplier of the table hashes (the 64-bit golden ratio).
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hash of a token longer than 8 bytes: 8-byte words folded by multiply-xorshift.
fn long_hash(token: &[u8]) -> u64 {
    let mut h = token.len() as u64;
    for chunk in token.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(GOLDEN);
        h ^= h >> 29;
    }
    h
}

/// An open-addressing table from tokens of at most 8 bytes, as [`short_key`]s, to global ids:
/// one multiply to hash, one integer compare to match.
#[derive(Debug, Default, Clone)]
struct ShortTable {
    /// (key, global id); key 0 marks an empty slot (no token has key 0). Length is a power of
    /// two, at most half full.
    slots: Vec<(u64, u32)>,
    len: usize,
    shift: u32,
}

impl ShortTable {
    fn clear(&mut self) {
        self.slots.clear();
        self.len = 0;
    }

    #[inline]
    fn get(&self, key: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(GOLDEN) >> self.shift) as usize;
        loop {
            let (k, g) = self.slots[i];
            if k == key {
                return Some(g);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: u64, global: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            let size = (old.len() * 2).max(1024);
            self.slots = vec![(0, 0); size];
            self.shift = 64 - size.trailing_zeros();
            for (k, g) in old {
                if k != 0 {
                    self.place(k, g);
                }
            }
        }
        self.place(key, global);
        self.len += 1;
    }

    fn place(&mut self, key: u64, global: u32) {
        let mask = self.slots.len() - 1;
        let mut i = (key.wrapping_mul(GOLDEN) >> self.shift) as usize;
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, global);
    }
}

/// An open-addressing table from the bytes of tokens longer than 8 bytes to global ids.
#[derive(Debug, Default, Clone)]
struct RawTable {
    /// Slot to entry index + 1 (0 = empty). Length is a power of two, at most half full.
    slots: Vec<u32>,
    /// Entries: hash, byte range in `arena`, global id.
    entries: Vec<(u64, u32, u32, u32)>,
    arena: Vec<u8>,
}

impl RawTable {
    fn len(&self) -> usize {
        self.entries.len()
    }

    fn clear(&mut self) {
        self.slots.clear();
        self.entries.clear();
        self.arena.clear();
    }

    #[inline]
    fn get(&self, token: &[u8], hash: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let e = self.slots[i];
            if e == 0 {
                return None;
            }
            let (h, start, len, global) = self.entries[e as usize - 1];
            if h == hash && &self.arena[start as usize..(start + len) as usize] == token {
                return Some(global);
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, token: &[u8], hash: u64, global: u32) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(token);
        self.entries.push((hash, start, token.len() as u32, global));
        self.place(self.entries.len() as u32, hash);
    }

    fn place(&mut self, entry: u32, hash: u64) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = entry;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![0; size];
        for k in 0..self.entries.len() {
            let hash = self.entries[k].0;
            self.place(k as u32 + 1, hash);
        }
    }
}

/// Above this many distinct strings the persistent tables are dropped at the next
/// [`Vocab::clear`], bounding memory on endless vocabularies.
const PERSISTENT_LIMIT: usize = 1 << 22;

/// The token of at most 8 bytes whose [`short_key`] is `key`, as a string.
fn key_str(key: u64, buf: &mut [u8; 8]) -> &str {
    *buf = key.to_le_bytes();
    let len = buf.iter().position(|&b| b == 0).unwrap_or(8);
    // Keys come from tokens, which are ASCII.
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

/// Maps token strings to dense `u32` ids, shared by all texts of one example so that equal
/// (stemmed) tokens get equal ids.
///
/// Ids are dense per example (0, 1, 2, … in order of first appearance since the last
/// [`clear`](Vocab::clear)), so metrics can index arrays by them. Behind them, a persistent
/// table maps each raw token to a stable "global" id of its final (stemmed) form; it survives
/// `clear`, so a token seen in an earlier example costs one hash lookup and no allocation, and
/// its stem is computed once per vocabulary (and cached per thread across vocabularies).
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    /// Raw token of at most 8 bytes to global id of its final form.
    short: ShortTable,
    /// Longer raw token to global id of its final form.
    raw: RawTable,
    /// The fast scanner's buffers.
    scan: Scan,
    /// Final (stemmed) form to global id (only used with a stemmer).
    finals: FxHashMap<Box<str>, u32>,
    /// Stemmer the persistent tables were built with.
    stemmer: Option<Stemmer>,
    /// Number of global ids.
    globals: u32,
    /// Global id to local id, valid when `stamp` equals `generation`.
    local: Vec<u32>,
    stamp: Vec<u32>,
    generation: u32,
    len: u32,
}

impl Vocab {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of distinct ids handed out since the last [`clear`](Vocab::clear).
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when no id was handed out since the last clear.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Starts a new example: ids restart from 0. Cheap (no table is emptied).
    pub fn clear(&mut self) {
        self.len = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 || self.raw.len() + self.short.len > PERSISTENT_LIMIT {
            self.reset();
        }
    }

    fn reset(&mut self) {
        self.short.clear();
        self.raw.clear();
        self.finals.clear();
        self.globals = 0;
        self.local.clear();
        self.stamp.clear();
        self.generation = 1;
        self.len = 0;
    }

    /// The id of `token` (a raw rouge-score token) after stemming with `stemmer`.
    ///
    /// Use one stemmer per vocabulary; a different stemmer resets the persistent tables.
    pub fn intern(&mut self, token: &str, stemmer: Stemmer) -> u32 {
        self.set_stemmer(stemmer);
        let global = match short_key(token.as_bytes()) {
            Some(key) => self.short_global(key, stemmer),
            None => self.long_global(token.as_bytes(), stemmer),
        };
        self.local_id(global)
    }

    /// Scans `text` with the fast scanner into this vocabulary's buffers and calls `f` with the
    /// id of each token and whether a newline precedes it since the previous token (or since
    /// the start). Returns false, calling nothing, when the fast scanner declines the text (it
    /// holds `İ` or the Kelvin sign); use [`for_each_token`](super::for_each_token) and
    /// [`intern`](Vocab::intern) then.
    #[inline]
    pub fn intern_text(
        &mut self,
        text: &str,
        stemmer: Stemmer,
        mut f: impl FnMut(u32, bool),
    ) -> bool {
        self.set_stemmer(stemmer);
        let mut scan = std::mem::take(&mut self.scan);
        let ok = scan.scan(text);
        if ok {
            let newlines = scan.newlines();
            let mut next_newline = 0;
            for k in 0..scan.len() {
                let (start, _) = scan.range(k);
                let mut broke = false;
                while next_newline < newlines.len() && (newlines[next_newline] as usize) < start {
                    next_newline += 1;
                    broke = true;
                }
                let global = match scan.short_key(k) {
                    Some(key) => self.short_global(key, stemmer),
                    None => self.long_global(scan.token(k), stemmer),
                };
                f(self.local_id(global), broke);
            }
        }
        self.scan = scan;
        ok
    }

    fn set_stemmer(&mut self, stemmer: Stemmer) {
        if self.stemmer != Some(stemmer) {
            let len = self.len;
            self.reset();
            self.len = len;
            self.stemmer = Some(stemmer);
        }
    }

    #[inline]
    fn short_global(&mut self, key: u64, stemmer: Stemmer) -> u32 {
        if let Some(g) = self.short.get(key) {
            return g;
        }
        let mut buf = [0u8; 8];
        let g = self.new_global(key_str(key, &mut buf), stemmer);
        self.short.insert(key, g);
        g
    }

    fn long_global(&mut self, token: &[u8], stemmer: Stemmer) -> u32 {
        let hash = long_hash(token);
        if let Some(g) = self.raw.get(token, hash) {
            return g;
        }
        // Tokens are ASCII.
        let g = self.new_global(std::str::from_utf8(token).unwrap_or_default(), stemmer);
        self.raw.insert(token, hash, g);
        g
    }

    /// The global id of a raw token not seen before.
    fn new_global(&mut self, token: &str, stemmer: Stemmer) -> u32 {
        match stemmer.stem_if_long(token) {
            None if stemmer == Stemmer::None => self.fresh_global(),
            None => self.final_id(token),
            Some(stem) => self.final_id(&stem),
        }
    }

    #[inline]
    fn local_id(&mut self, global: u32) -> u32 {
        let global = global as usize;
        if self.stamp[global] == self.generation {
            return self.local[global];
        }
        let id = self.len;
        self.len += 1;
        self.stamp[global] = self.generation;
        self.local[global] = id;
        id
    }

    /// The global id of a final (stemmed) form, shared by every raw token that stems to it.
    fn final_id(&mut self, form: &str) -> u32 {
        if let Some(&g) = self.finals.get(form) {
            return g;
        }
        let g = self.fresh_global();
        self.finals.insert(form.into(), g);
        g
    }

    fn fresh_global(&mut self) -> u32 {
        let g = self.globals;
        self.globals += 1;
        self.local.push(0);
        self.stamp.push(0);
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_per_example_and_stems_share_ids() {
        let mut v = Vocab::new();
        let s = Stemmer::Porter;
        assert_eq!(v.intern("run", s), 0);
        assert_eq!(v.intern("running", s), 0);
        assert_eq!(v.intern("cat", s), 1);
        v.clear();
        assert_eq!(v.intern("cat", s), 0);
        assert_eq!(v.intern("runs", s), 1);
        assert_eq!(v.intern("run", s), 1);
        assert_eq!(v.len(), 2);
        let mut w = Vocab::new();
        assert_eq!(w.intern("running", Stemmer::None), 0);
        assert_eq!(w.intern("run", Stemmer::None), 1);
    }
}

//! Interning of (stemmed) tokens to dense integer ids.

use rustc_hash::FxHashMap;

use super::{Stemmer, token_hash};

/// An open-addressing table from raw token bytes to global ids, probed with the hash the
/// tokenizer computes while scanning (so a token's bytes are read once to find it, and once
/// more to compare on a hash match).
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
    /// Raw token to global id of its final form.
    raw: RawTable,
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
        if self.generation == 0 || self.raw.len() > PERSISTENT_LIMIT {
            self.reset();
        }
    }

    fn reset(&mut self) {
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
        self.intern_hashed(token, token_hash(token.as_bytes()), stemmer)
    }

    /// [`intern`](Vocab::intern) with the token's [`token_hash`] already computed.
    #[inline]
    pub fn intern_hashed(&mut self, token: &str, hash: u64, stemmer: Stemmer) -> u32 {
        if self.stemmer != Some(stemmer) {
            let len = self.len;
            self.reset();
            self.len = len;
            self.stemmer = Some(stemmer);
        }
        let global = match self.raw.get(token.as_bytes(), hash) {
            Some(g) => g,
            None => {
                let g = match stemmer.stem_if_long(token) {
                    None if stemmer == Stemmer::None => self.fresh_global(),
                    None => self.final_id(token),
                    Some(stem) => self.final_id(&stem),
                };
                self.raw.insert(token.as_bytes(), hash, g);
                g
            }
        } as usize;
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

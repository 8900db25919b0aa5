//! Interning of (stemmed) tokens to dense integer ids.

use rustc_hash::FxHashMap;

use super::Stemmer;
use super::tokenize::{Scan, key16};

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

/// A per-example table from 128-bit keys to dense ids: an entry is live only when its stamp
/// equals the current generation, so starting a new example empties it without touching
/// memory. It holds one example's distinct keys, so it stays small (in L1 cache for summaries).
#[derive(Debug, Default, Clone)]
struct Stamped {
    /// (key low, key high, stamp, id); length a power of two, live entries at most a quarter
    /// (few collisions, so the first probe is nearly always the answer).
    slots: Vec<(u64, u64, u32, u32)>,
    /// Live entries in the current generation.
    live: usize,
    shift: u32,
}

impl Stamped {
    #[inline]
    fn start(&self, key: (u64, u64)) -> usize {
        let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(GOLDEN);
        (h >> self.shift) as usize
    }

    /// The slot holding `key` in generation `stamp`, or the dead slot where it would go.
    /// The table must not be empty.
    #[inline(always)]
    fn slot(&self, key: (u64, u64), stamp: u32) -> usize {
        let i = self.start(key);
        let (lo, hi, st, _) = self.slots[i];
        // Whether the first slot is the answer (dead, or live with this key), computed with
        // integer operations: live-or-dead is unpredictable (a token is new or repeated at
        // random), but "the first slot is the answer" almost always holds, so the one branch
        // below predicts well.
        let done = u8::from(st != stamp) | u8::from(((lo ^ key.0) | (hi ^ key.1)) == 0);
        if done != 0 {
            i
        } else {
            self.probe(key, stamp, i)
        }
    }

    /// The rest of [`slot`](Stamped::slot)'s linear probe, after slot `i`.
    #[cold]
    fn probe(&self, key: (u64, u64), stamp: u32, mut i: usize) -> usize {
        let mask = self.slots.len() - 1;
        loop {
            i = (i + 1) & mask;
            let (lo, hi, st, _) = self.slots[i];
            if st != stamp || (lo == key.0 && hi == key.1) {
                return i;
            }
        }
    }

    /// The id of `key` in generation `stamp`, inserting it with `next` when absent; returns
    /// the id and whether it was inserted. The probe ends on a match or a dead slot, and the
    /// hit-or-miss outcome is applied without a branch (it is unpredictable: a token is new or
    /// repeated at random), so a lookup costs no misprediction in the common case.
    #[inline(always)]
    fn get_or_insert(&mut self, key: (u64, u64), stamp: u32, next: u32) -> (u32, bool) {
        if (self.live + 1) * 4 > self.slots.len() {
            self.grow(stamp);
        }
        let i = self.slot(key, stamp);
        let slot = &mut self.slots[i];
        let hit = slot.2 == stamp;
        let id = if hit { slot.3 } else { next };
        *slot = (key.0, key.1, stamp, id);
        self.live += usize::from(!hit);
        (id, !hit)
    }

    /// Sets the id of `key`, live in generation `stamp`.
    fn set(&mut self, key: (u64, u64), stamp: u32, id: u32) {
        let i = self.slot(key, stamp);
        self.slots[i].3 = id;
    }

    fn grow(&mut self, stamp: u32) {
        let old = std::mem::take(&mut self.slots);
        let size = (old.len() * 2).max(1024);
        self.slots = vec![(0, 0, 0, 0); size];
        self.shift = 64 - size.trailing_zeros();
        for e in old.into_iter().filter(|e| e.2 == stamp) {
            let i = self.slot((e.0, e.1), stamp);
            self.slots[i] = e;
        }
    }

    /// Empties the table for a new generation (the previous ones' entries are dead).
    fn restart(&mut self) {
        self.live = 0;
    }

    /// Drops every entry (when the generation counter wraps).
    fn reset(&mut self) {
        self.slots.iter_mut().for_each(|e| e.2 = 0);
        self.live = 0;
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
    /// This example's raw tokens of at most 16 bytes to their ids.
    locals: Stamped,
    /// This example's token bigrams to dense bigram ids.
    pairs: Stamped,
    /// Number of bigram ids handed out since the last clear.
    pair_len: u32,
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
        self.pair_len = 0;
        self.locals.restart();
        self.pairs.restart();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 || self.raw.len() + self.short.len > PERSISTENT_LIMIT {
            self.reset();
        }
    }

    fn reset(&mut self) {
        self.locals.reset();
        self.pairs.reset();
        self.pair_len = 0;
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
        self.token_id(key16(token.as_bytes()), token.as_bytes(), stemmer)
    }

    /// Scans `text` with the fast scanner into this vocabulary's buffers and appends the id of
    /// each token to `tokens` and the token range of each newline-separated line that has a
    /// token to `sentences`. Returns false, appending nothing, when the fast scanner declines
    /// the text (it holds `İ` or the Kelvin sign); use [`for_each_token`](super::for_each_token)
    /// and [`intern`](Vocab::intern) then.
    pub fn intern_text(
        &mut self,
        text: &str,
        stemmer: Stemmer,
        tokens: &mut Vec<u32>,
        sentences: &mut Vec<(u32, u32)>,
    ) -> bool {
        self.set_stemmer(stemmer);
        let mut scan = std::mem::take(&mut self.scan);
        let ok = scan.scan(text);
        if ok {
            tokens.reserve(scan.len());
            let newlines = scan.newlines();
            let mut next_newline = 0;
            let mut sentence_start = tokens.len() as u32;
            for k in 0..scan.len() {
                let (start, _) = scan.range(k);
                if next_newline < newlines.len() && (newlines[next_newline] as usize) < start {
                    while next_newline < newlines.len() && (newlines[next_newline] as usize) < start
                    {
                        next_newline += 1;
                    }
                    let end = tokens.len() as u32;
                    if end > sentence_start {
                        sentences.push((sentence_start, end));
                        sentence_start = end;
                    }
                }
                let id = match scan.key16(k) {
                    Some(key) if stemmer == Stemmer::None => self.plain_id(key),
                    key => self.token_id(key, scan.token(k), stemmer),
                };
                tokens.push(id);
            }
            let end = tokens.len() as u32;
            if end > sentence_start {
                sentences.push((sentence_start, end));
            }
        }
        self.scan = scan;
        ok
    }

    /// The id of a token of at most 16 bytes without stemming: this example's table only.
    #[inline(always)]
    fn plain_id(&mut self, key: (u64, u64)) -> u32 {
        let (id, new) = self.locals.get_or_insert(key, self.generation, self.len);
        self.len += u32::from(new);
        id
    }

    /// The dense id, in this example, of the token bigram `(a, b)` (token ids of this
    /// example): 0, 1, 2, … in order of first appearance since the last
    /// [`clear`](Vocab::clear), so bigram counts can be arrays too.
    #[inline]
    pub fn pair_id(&mut self, a: u32, b: u32) -> u32 {
        if self.generation == 0 {
            // A fresh vocabulary: every table is empty, generation 0 is never live.
            self.generation = 1;
        }
        let key = ((u64::from(a) << 32) | u64::from(b), 0);
        let (id, new) = self
            .pairs
            .get_or_insert(key, self.generation, self.pair_len);
        self.pair_len += u32::from(new);
        id
    }

    /// Number of distinct bigram ids handed out since the last clear.
    pub fn pairs_len(&self) -> usize {
        self.pair_len as usize
    }

    /// The id of a raw token: through this example's table for tokens of at most 16 bytes
    /// (`key`, see [`key16`]); on a miss, or for longer tokens, through the persistent tables
    /// (which stem), except that without a stemmer a new short token simply takes the next id.
    #[inline(always)]
    fn token_id(&mut self, key: Option<(u64, u64)>, token: &[u8], stemmer: Stemmer) -> u32 {
        let Some(key) = key else {
            let g = self.long_global(token, stemmer);
            return self.local_id(g);
        };
        if stemmer == Stemmer::None {
            return self.plain_id(key);
        }
        let stamp = self.generation;
        let (id, new) = self.locals.get_or_insert(key, stamp, self.len);
        self.len += u32::from(new);
        if new {
            // The raw token is new in this example, but its stem may not be: take the id of
            // its final form.
            self.len -= 1;
            let g = if key.1 == 0 {
                self.short_global(key.0, stemmer)
            } else {
                self.long_global(token, stemmer)
            };
            let id = self.local_id(g);
            self.locals.set(key, stamp, id);
            return id;
        }
        id
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

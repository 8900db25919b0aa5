//! Longest common subsequence: bit-parallel length and index recovery, plus the plain dynamic
//! programme kept as the test oracle.
//!
//! The bit-parallel kernel is Hyyrö's (2004) formulation of Allison–Dix: one bit per position
//! of a "pattern" sequence `a`, one word-parallel step per element of the other sequence `b`.
//! After processing `b[..j]`, the zero bits of the state vector `V_j` below position `i` count
//! `T[i][j]`, the DP table entry `LCS(a[..i], b[..j])`. The states are therefore enough to
//! answer any `T[i][j]` with a popcount, which is how [`lcs_indices`] replays rouge-score's
//! backtracking (including its tie-break) without building the table. The backtrack visits
//! the states from `V_|b|` down to `V_0`; for long patterns they are not all kept but
//! recomputed block by block from checkpoints (see [`lcs_indices`] for the memory bound).

/// Match masks of a pattern sequence: for each distinct element, the positions where it occurs.
/// Build once per pattern, reuse for every sequence compared with it.
///
/// Elements are dense per-example token ids, so the element-to-mask index is mostly a plain
/// array (no hashing): `slot[id]` is the mask's entry, `u32::MAX` when `id` is absent; ids
/// beyond the array (tokens first seen after the pattern was built) are absent too. The array
/// covers the ids below a bound that follows the pattern's length ([`IdMap`]); the few larger
/// ids of the pattern (rare words of a long text, whose ids grow with the text) are hashed, so
/// that the masks of each sentence of a long reference do not cost the whole vocabulary.
///
/// Patterns of at most 64 elements keep one 64-bit mask per id. Longer patterns (`n` elements,
/// `w = ⌈n/64⌉` words per mask) keep a `w`-word bit mask per distinct element while that takes
/// at most `16n` words (at most 1,024 distinct elements); beyond, which one bit mask per
/// distinct element would make `distinct × n/64` words (gigabytes for a megabyte-long
/// sentence), they keep a bit mask only for the elements occurring at least `⌈w/4⌉` times and
/// a sorted list of positions for the others: at most `4n/w` elements are dense then, so the
/// masks take at most `4n` words plus `n` positions. Either way `O(n)` words.
#[derive(Debug, Clone, Default)]
pub struct MatchMasks {
    len: usize,
    words: usize,
    /// Patterns of at most 64 elements: the mask itself, by id (0 when absent).
    dense: IdMap<u64>,
    /// Longer patterns: id to entry (`u32::MAX` when absent). An entry `e < dense_count` is
    /// the bit mask `bits[e * words..][..words]`; an entry `e >= dense_count` is the sorted
    /// position list `u32::MAX - 1 - e` of `sparse`.
    slot: IdMap<u32>,
    dense_count: usize,
    bits: Vec<u64>,
    /// The position lists; `None` when every element has a bit mask (boxed: most masks have
    /// none, and masks are moved around in `Vec`s of one per sentence).
    sparse: Option<Box<PositionLists>>,
}

/// Sorted position lists: list `s` is `positions[starts[s]..starts[s + 1]]`.
#[derive(Debug, Clone, Default)]
struct PositionLists {
    starts: Vec<u32>,
    positions: Vec<u32>,
}

/// Bit masks for every element of a pattern of `n > 64` elements while they take at most
/// `DENSE_WORDS_PER_ELEMENT * n` words (128 bytes per element; the masks of up to
/// `DENSE_WORDS_PER_ELEMENT * 64` distinct elements).
const DENSE_WORDS_PER_ELEMENT: usize = 16;

/// All-dense masks of at most this many words are zeroed in one allocation before they are
/// filled (one `calloc` instead of one `resize` per distinct element); larger ones whose
/// number of distinct elements is unknown (only bounded) grow as elements come.
const ZEROED_UP_FRONT: usize = 1 << 14;

/// The positions of one element in a pattern of more than 64 elements.
#[derive(Debug, Clone, Copy)]
enum Entry<'a> {
    /// A bit mask, one bit per pattern position.
    Dense(&'a [u64]),
    /// The positions, increasing (none at or beyond the pattern's length).
    Sparse(&'a [u32]),
}

impl Entry<'_> {
    /// True when the element occurs at position `p`.
    #[inline]
    fn contains(self, p: usize) -> bool {
        match self {
            Entry::Dense(m) => m[p / 64] >> (p % 64) & 1 == 1,
            Entry::Sparse(ps) => ps.binary_search(&(p as u32)).is_ok(),
        }
    }
}

impl MatchMasks {
    /// Masks of `pattern`, looked up by id in a plain array over every id up to the pattern's
    /// largest (the fastest look-up; its size follows the vocabulary).
    pub fn new(pattern: &[u32]) -> Self {
        Self::with_id_bound(pattern, usize::MAX)
    }

    /// Masks of `pattern` whose size follows its length, not the vocabulary's: the ids below
    /// `max(128, 4n)` in an array, the others hashed ([`IdMap`]). For the many sentences of a
    /// long text, where one array of the vocabulary per sentence would be quadratic.
    pub fn compact(pattern: &[u32]) -> Self {
        Self::with_id_bound(
            pattern,
            DENSE_IDS.max(DENSE_IDS_PER_ELEMENT * pattern.len()),
        )
    }

    /// The masks of each sentence of a text: [`MatchMasks::new`] for a text of at most
    /// [`SENTENCE_ARRAYS_MAX_TOKENS`] tokens whose sentences' arrays take at most
    /// [`SENTENCE_ARRAY_BUDGET`] entries per token together (summary-length texts), else
    /// [`MatchMasks::compact`]. Same results.
    /// `sentences` are ranges of `tokens`.
    pub fn of_sentences(tokens: &[u32], sentences: &[(u32, u32)]) -> Vec<MatchMasks> {
        let top = tokens.iter().copied().max().map_or(0, |m| m as usize + 1);
        let arrays = sentences.len().saturating_mul(top);
        let build = if tokens.len() <= SENTENCE_ARRAYS_MAX_TOKENS
            && arrays <= SENTENCE_ARRAY_BUDGET.saturating_mul(tokens.len())
        {
            MatchMasks::new
        } else {
            MatchMasks::compact
        };
        sentences
            .iter()
            .map(|&(s, e)| build(&tokens[s as usize..e as usize]))
            .collect()
    }

    fn with_id_bound(pattern: &[u32], id_bound: usize) -> Self {
        let words = pattern.len().div_ceil(64);
        Self::build(
            pattern,
            words.div_ceil(4),
            DENSE_WORDS_PER_ELEMENT * pattern.len(),
            id_bound,
        )
    }

    /// Masks of `pattern` (more than 64 elements) that keep a bit mask for the elements
    /// occurring at least `dense_min` times and a position list for the others (for every
    /// element when `dense_min <= 1`). Any `dense_min` gives the same results; the tests force
    /// both forms with it.
    #[cfg(test)]
    fn with_dense_min(pattern: &[u32], dense_min: usize) -> Self {
        Self::build(
            pattern,
            dense_min,
            if dense_min <= 1 { usize::MAX } else { 0 },
            DENSE_IDS.max(DENSE_IDS_PER_ELEMENT * pattern.len()),
        )
    }

    /// Masks of `pattern`: a bit mask for every element while they take at most `dense_limit`
    /// words, else a bit mask for the elements occurring at least `dense_min` times and a
    /// position list for the others.
    fn build(pattern: &[u32], dense_min: usize, dense_limit: usize, id_bound: usize) -> Self {
        let words = pattern.len().div_ceil(64);
        let top = pattern.iter().copied().max().map_or(0, |m| m as usize + 1);
        if words == 1 {
            let mut dense = IdMap::new(pattern, top, id_bound, 0u64);
            for (i, &t) in pattern.iter().enumerate() {
                *dense.get_mut(t) |= 1u64 << i;
            }
            return MatchMasks {
                len: pattern.len(),
                words,
                dense,
                ..MatchMasks::default()
            };
        }
        if words == 0 {
            return MatchMasks::default();
        }
        // Positions are u32 (as ids are); a longer pattern (which could not be held in
        // memory anyway) keeps bit masks only.
        let mut capacity = pattern.len().min(top) * words;
        let mut all_dense =
            dense_min <= 1 || capacity <= dense_limit || pattern.len() >= (u32::MAX / 2) as usize;
        let mut count = IdMap::default();
        let counted = !all_dense;
        if counted {
            // Count the distinct elements: `min(n, top)` overestimates them.
            count = IdMap::new(pattern, top, id_bound, 0u32);
            let mut distinct = 0usize;
            for &t in pattern {
                let c = count.get_mut(t);
                distinct += usize::from(*c == 0);
                *c += 1;
            }
            capacity = distinct.saturating_mul(words);
            all_dense = capacity <= dense_limit;
        }
        let mut slot = IdMap::new(pattern, top, id_bound, u32::MAX);
        if all_dense {
            // One pass, in order of first occurrence.
            let bits = if counted || capacity <= ZEROED_UP_FRONT {
                // Zeroed up front: exactly the masks, or few words.
                let mut bits = vec![0u64; capacity];
                let mut next = 0u32;
                for (i, &t) in pattern.iter().enumerate() {
                    let s = slot.get_mut(t);
                    if *s == u32::MAX {
                        *s = next;
                        next += 1;
                    }
                    bits[*s as usize * words + i / 64] |= 1u64 << (i % 64);
                }
                bits.truncate(next as usize * words);
                bits
            } else {
                // `capacity` may be well above the masks' size: zeroed as they come.
                let mut bits: Vec<u64> = Vec::with_capacity(capacity);
                for (i, &t) in pattern.iter().enumerate() {
                    let s = slot.get_mut(t);
                    if *s == u32::MAX {
                        *s = (bits.len() / words) as u32;
                        bits.resize(bits.len() + words, 0);
                    }
                    bits[*s as usize * words + i / 64] |= 1u64 << (i % 64);
                }
                bits
            };
            return MatchMasks {
                len: pattern.len(),
                words,
                slot,
                dense_count: bits.len() / words,
                bits,
                ..MatchMasks::default()
            };
        }
        // Entries in order of first occurrence; `count` becomes each sparse list's cursor.
        let (mut dense_count, mut sparse_count) = (0u32, 0u32);
        let mut starts = Vec::new();
        let mut offset = 0u32;
        for &t in pattern {
            let s = slot.get_mut(t);
            if *s != u32::MAX {
                continue;
            }
            let c = count.get(t);
            if c as usize >= dense_min {
                *s = dense_count;
                dense_count += 1;
            } else {
                *s = u32::MAX - 1 - sparse_count;
                sparse_count += 1;
                starts.push(offset);
                *count.get_mut(t) = offset;
                offset += c;
            }
        }
        starts.push(offset);
        let dense_count = dense_count as usize;
        let mut bits = vec![0u64; dense_count * words];
        let mut positions = vec![0u32; offset as usize];
        for (i, &t) in pattern.iter().enumerate() {
            let s = slot.get(t) as usize;
            if s < dense_count {
                bits[s * words + i / 64] |= 1u64 << (i % 64);
            } else {
                let cursor = count.get_mut(t);
                positions[*cursor as usize] = i as u32;
                *cursor += 1;
            }
        }
        MatchMasks {
            len: pattern.len(),
            words,
            slot,
            dense_count,
            bits,
            sparse: Some(Box::new(PositionLists { starts, positions })),
            ..MatchMasks::default()
        }
    }

    /// Length of the pattern.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for an empty pattern.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of 64-bit words per mask.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The positions of `token` in a pattern of more than 64 elements, or `None` when it
    /// does not occur there.
    #[inline(always)]
    fn entry(&self, token: u32) -> Option<Entry<'_>> {
        if self.slot.is_empty() {
            return None; // a pattern of at most 64 elements
        }
        let s = self.slot.get(token) as usize;
        if s < self.dense_count {
            Some(Entry::Dense(
                &self.bits[s * self.words..(s + 1) * self.words],
            ))
        } else if s == u32::MAX as usize {
            None
        } else {
            let lists = self
                .sparse
                .as_deref()
                .expect("position lists behind sparse entries");
            let e = u32::MAX as usize - 1 - s;
            let (from, to) = (lists.starts[e] as usize, lists.starts[e + 1] as usize);
            Some(Entry::Sparse(&lists.positions[from..to]))
        }
    }

    /// The single-word mask of `token` (0 when absent); for patterns of at most 64 elements.
    #[inline]
    pub fn mask1(&self, token: u32) -> u64 {
        self.dense.get(token)
    }
}

/// In [`MatchMasks::compact`], ids below this bound, or below [`DENSE_IDS_PER_ELEMENT`] times
/// the pattern's length, are looked up in a plain array by an [`IdMap`]; the larger ones are
/// hashed.
const DENSE_IDS: usize = 128;

/// [`MatchMasks::of_sentences`] gives every sentence an array over all ids while they take at
/// most this many entries per token of the text together (8 bytes each at most): a
/// 1,000-word reference of 50 sentences and 700 distinct words takes 35.
const SENTENCE_ARRAY_BUDGET: usize = 64;

/// The longest text whose sentences [`MatchMasks::of_sentences`] gives arrays over all ids:
/// within the budget their size still grows with the vocabulary, so longer texts (whose
/// costs must stay linear, `tests/large_docs.rs`) always get compact masks.
const SENTENCE_ARRAYS_MAX_TOKENS: usize = 16_384;

/// See [`DENSE_IDS`].
const DENSE_IDS_PER_ELEMENT: usize = 4;

/// A map from the token ids of one pattern to `V` (every other id maps to `absent`): a plain
/// array for the ids below a bound and an open-addressing table (linear probing, at most half
/// full) for the pattern's larger ids; with the bound of [`MatchMasks::compact`] its size
/// follows the pattern's length, not the vocabulary's. Ids are given in order of first
/// occurrence, so the array holds the frequent words and the table the rare ones. A plain
/// array over all ids (the vocabulary of the whole example) made every sentence of a long
/// reference cost the vocabulary so far: quadratic memory and time in the text's length.
#[derive(Debug, Clone, Default)]
struct IdMap<V> {
    dense: Vec<V>,
    /// `id + 1` of each occupied slot of the table, 0 for an empty one.
    keys: Vec<u64>,
    values: Vec<V>,
    /// 64 minus the table's bits (Fibonacci hashing takes the product's top bits).
    shift: u32,
    absent: V,
}

impl<V: Copy> IdMap<V> {
    /// A map for the ids of `pattern` (all below `top`), every value `absent`; the ids below
    /// `bound` in the array.
    fn new(pattern: &[u32], top: usize, bound: usize, absent: V) -> Self {
        let bound = top.min(bound);
        let large = if top > bound {
            pattern.iter().filter(|&&t| t as usize >= bound).count()
        } else {
            0
        };
        let (keys, values, shift) = if large == 0 {
            (Vec::new(), Vec::new(), 64)
        } else {
            let size = (2 * large).next_power_of_two();
            (
                vec![0; size],
                vec![absent; size],
                64 - size.trailing_zeros(),
            )
        };
        IdMap {
            dense: vec![absent; bound],
            keys,
            values,
            shift,
            absent,
        }
    }

    /// True for the map of no pattern (the default).
    fn is_empty(&self) -> bool {
        self.dense.is_empty() && self.keys.is_empty()
    }

    /// The table slot where `id` is or would go.
    #[inline]
    fn probe(&self, id: u32) -> usize {
        let key = u64::from(id) + 1;
        let mask = self.keys.len() - 1;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while self.keys[i] != key && self.keys[i] != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    /// The value of `id`.
    #[inline(always)]
    fn get(&self, id: u32) -> V {
        if let Some(&v) = self.dense.get(id as usize) {
            return v;
        }
        if self.keys.is_empty() {
            return self.absent;
        }
        self.values[self.probe(id)]
    }

    /// The value of `id`, to change; `id` must be one of the pattern's.
    #[inline]
    fn get_mut(&mut self, id: u32) -> &mut V {
        if (id as usize) < self.dense.len() {
            return &mut self.dense[id as usize];
        }
        let i = self.probe(id);
        self.keys[i] = u64::from(id) + 1;
        &mut self.values[i]
    }
}

/// One bit-parallel step: `v = (v + u) | (v & !u)` with `u = v & mask`, carried across words.
#[inline]
fn step(v: &mut [u64], mask: &[u64]) {
    let mut carry = false;
    for (vw, &m) in v.iter_mut().zip(mask) {
        let u = *vw & m;
        let (s1, c1) = vw.overflowing_add(u);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        carry = c1 | c2;
        *vw = s2 | (*vw & !u);
    }
}

/// [`step`] with the mask given by its positions (increasing, at least one). `buf` is all
/// zeros, as long as `v`, and is left so.
///
/// Below the word of the first position `u` is 0 and nothing carries in, so those words do
/// not change; above the word of the last one `u` is 0 too, and a word changes only while a
/// carry comes in (`v + 1 | v`).
#[inline]
fn step_sparse(v: &mut [u64], positions: &[u32], buf: &mut [u64]) {
    let (lo, hi) = (
        positions[0] as usize / 64,
        positions[positions.len() - 1] as usize / 64,
    );
    for &p in positions {
        buf[p as usize / 64] |= 1u64 << (p % 64);
    }
    let mut carry = false;
    for (vw, m) in v[lo..=hi].iter_mut().zip(&mut buf[lo..=hi]) {
        let u = *vw & *m;
        let (s1, c1) = vw.overflowing_add(u);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        carry = c1 | c2;
        *vw = s2 | (*vw & !u);
        *m = 0;
    }
    for vw in &mut v[hi + 1..] {
        if !carry {
            break;
        }
        let (s, c) = vw.overflowing_add(1);
        carry = c;
        *vw |= s;
    }
}

/// One step over `token` (none when it does not occur in the pattern); `buf` as for
/// [`step_sparse`]. For patterns of more than 64 elements.
#[inline]
fn step_token(masks: &MatchMasks, v: &mut [u64], token: u32, buf: &mut [u64]) {
    match masks.entry(token) {
        Some(Entry::Dense(m)) => step(v, m),
        Some(Entry::Sparse(ps)) => step_sparse(v, ps, buf),
        None => {}
    }
}

/// LCS length of the pattern behind `masks` and `other`.
pub fn lcs_length(masks: &MatchMasks, other: &[u32]) -> usize {
    if masks.len == 0 || other.is_empty() {
        return 0;
    }
    if masks.words == 1 {
        let mut v = !0u64;
        for &t in other {
            let u = v & masks.mask1(t);
            v = v.wrapping_add(u) | (v & !u);
        }
        return count_zeros_below(&[v], masks.len);
    }
    let mut v = vec![!0u64; masks.words];
    // The mask buffer of sparse steps, when there are any.
    let mut buf = vec![
        0u64;
        if masks.sparse.is_none() {
            0
        } else {
            masks.words
        }
    ];
    for &t in other {
        step_token(masks, &mut v, t, &mut buf);
    }
    count_zeros_below(&v, masks.len)
}

/// Number of zero bits of `v` at positions `< n`.
#[inline]
fn count_zeros_below(v: &[u64], n: usize) -> usize {
    let full = n / 64;
    let mut zeros: usize = v[..full].iter().map(|w| w.count_zeros() as usize).sum();
    let rem = n % 64;
    if rem > 0 {
        let mask = (1u64 << rem) - 1;
        zeros += (!v[full] & mask).count_ones() as usize;
    }
    zeros
}

/// Reusable buffers for [`lcs_indices`], so that repeated calls do not allocate.
#[derive(Debug, Default, Clone)]
pub struct LcsScratch {
    rows: Vec<u64>,
    reach: Vec<u64>,
    /// Patterns of more than 64 elements: the checkpoints of each level, the state the walk
    /// starts from, and the zeroed mask buffer of [`step_sparse`].
    levels: Vec<Vec<u64>>,
    start: Vec<u64>,
    buf: Vec<u64>,
}

/// States (of `w` words each) that [`lcs_indices`] keeps at once for a pattern of more than 64
/// elements, unless even two-row blocks need more (see [`block_rows`]): 32 MiB.
const ROW_BUDGET_WORDS: usize = 1 << 22;

/// Calls `hit(i)` for each position `i` of the pattern that rouge-score's `_backtrack_norec`
/// puts in the LCS of `a` (the pattern behind `masks`, rouge-score's reference sentence) and
/// `b` (the candidate sentence), in decreasing order of `i`.
///
/// rouge-score backtracks from `(|a|, |b|)`: on equal elements it goes diagonal; otherwise it
/// moves along `b` (`j - 1`) only when `T[i][j-1] > T[i-1][j]`, and along `a` otherwise.
///
/// Memory, for `n = |a|`, `m = |b|` and `w = ⌈n/64⌉` words per state: a pattern of at most
/// 64 elements keeps the `m + 1` one-word states (`O(m)`). A longer one keeps all `m + 1`
/// states only when they fit in [`ROW_BUDGET_WORDS`]; otherwise it stores every `k`-th state
/// ("checkpoints"), `L` levels deep, and recomputes each block of `k` states from its
/// checkpoint when the backtrack reaches it, block by block from the end (see
/// [`block_rows`] for `k` and `L`). That keeps at most
/// `max(ROW_BUDGET_WORDS, (2⌈log2 m⌉ + 1) · w)` words of states, i.e. `O(n/64 · log m)` words
/// in the worst case, for at most `L + 1` forward passes (`O((L + 1) · m · w)` word
/// operations) plus an `O(m · w + n/64)` backtrack. The states are recomputed by the same
/// deterministic steps, so they are the same states and the walk is the same walk.
pub fn lcs_indices(
    a: &[u32],
    masks: &MatchMasks,
    b: &[u32],
    scratch: &mut LcsScratch,
    hit: impl FnMut(usize),
) {
    let n = a.len();
    if n == 0 || b.is_empty() {
        return;
    }
    debug_assert_eq!(n, masks.len);
    if masks.words > 1 {
        let k = block_rows(b.len(), masks.words, ROW_BUDGET_WORDS);
        lcs_indices_blocked(masks, b, scratch, k, hit);
        return;
    }
    // One word per row: the common case (sentences of at most 64 tokens). Branch-free: a
    // token absent from the pattern has mask 0, which leaves `v` unchanged.
    let rows = &mut scratch.rows;
    rows.clear();
    rows.resize(b.len() + 1, !0u64);
    let mut v = !0u64;
    for (row, &t) in rows[1..].iter_mut().zip(b) {
        let u = v & masks.mask1(t);
        v = v.wrapping_add(u) | (v & !u);
        *row = v;
    }
    // Some bit below |a| cleared iff some element matched.
    if v != !0u64 {
        backtrack_word(masks, b, rows, n, hit);
    }
}

/// The block length `k` (states per block, and checkpoints per level) for `m` steps of `w`
/// words under `budget` words.
///
/// `k = m` (one block, no checkpoints) when the `m + 1` states fit. Otherwise the fewest
/// checkpoint levels `L >= 1` whose `k = ⌈m^(1/(L+1))⌉` (so that `k^(L+1) >= m`) fits:
/// `L` levels of at most `k` checkpoints plus one block of `k + 1` states,
/// `(L·k + k + 1) · w <= budget` words. When none does, `k = 2`, `L = ⌈log2 m⌉ - 1`, at most
/// `(2⌈log2 m⌉ + 1) · w` words.
fn block_rows(m: usize, w: usize, budget: usize) -> usize {
    if (m + 1).saturating_mul(w) <= budget {
        return m.max(2);
    }
    let mut levels = 1;
    loop {
        let k = root_ceil(m, levels + 1).max(2);
        if k == 2 || (levels * k + k + 1).saturating_mul(w) <= budget {
            return k;
        }
        levels += 1;
    }
}

/// The smallest `k >= 1` with `k^e >= m`.
fn root_ceil(m: usize, e: usize) -> usize {
    let reaches = |k: usize| {
        let mut p = 1usize;
        for _ in 0..e {
            p = p.saturating_mul(k);
        }
        p >= m
    };
    // The float root is within one or two of the answer; step to it exactly.
    let mut k = ((m as f64).powf(1.0 / e as f64) as usize).max(1);
    while k > 1 && reaches(k - 1) {
        k -= 1;
    }
    while !reaches(k) {
        k += 1;
    }
    k
}

/// Where rouge-score's backtrack stands: at `(i, j)`, with `t = T[i][j]` once known.
struct Walk {
    i: usize,
    j: usize,
    t: Option<usize>,
}

/// [`lcs_indices`] for a pattern of more than 64 elements, with blocks of `k >= 2` states.
/// Not inlined: the long path, kept out of the callers' hot loops.
#[inline(never)]
fn lcs_indices_blocked(
    masks: &MatchMasks,
    b: &[u32],
    scratch: &mut LcsScratch,
    k: usize,
    mut hit: impl FnMut(usize),
) {
    let (n, w) = (masks.len, masks.words);
    debug_assert!(w > 1 && !b.is_empty());
    // No element in common: no position, and no pass to make.
    if !b.iter().any(|&t| masks.entry(t).is_some()) {
        return;
    }
    let k = k.max(2);
    let mut depth = 0;
    let mut len = b.len();
    while len > k {
        len = len.div_ceil(k);
        depth += 1;
    }
    let LcsScratch {
        rows,
        levels,
        start,
        buf,
        ..
    } = scratch;
    if levels.len() < depth {
        levels.resize_with(depth, Vec::new);
    }
    start.clear();
    start.resize(w, !0u64);
    buf.clear();
    buf.resize(w, 0);
    let mut blocks = Blocks {
        masks,
        b,
        k,
        rows,
        buf,
        walk: Walk {
            i: n,
            j: b.len(),
            t: None,
        },
        hit: &mut hit,
    };
    blocks.walk_range(0, b.len(), start, &mut levels[..depth]);
}

/// The backtrack of [`lcs_indices_blocked`] over blocks of at most `k` states.
struct Blocks<'a, F> {
    masks: &'a MatchMasks,
    b: &'a [u32],
    k: usize,
    /// The states of the current block.
    rows: &'a mut Vec<u64>,
    /// The zeroed mask buffer of [`step_sparse`].
    buf: &'a mut [u64],
    walk: Walk,
    hit: &'a mut F,
}

impl<F: FnMut(usize)> Blocks<'_, F> {
    /// Continues the walk, which stands at column `j1`, through columns `j0..j1` given the
    /// state `v0 = V_{j0}`: the states of a block of at most `k` steps are computed and
    /// walked; a longer range is cut into at most `k` blocks of `⌈len/k⌉` steps whose first
    /// states are kept in `levels[0]`, and each block is walked in turn from the last
    /// (recursively, with the levels below).
    fn walk_range(&mut self, j0: usize, j1: usize, v0: &[u64], levels: &mut [Vec<u64>]) {
        let (masks, b, w) = (self.masks, self.b, self.masks.words);
        debug_assert_eq!(self.walk.j, j1);
        let len = j1 - j0;
        if len <= self.k {
            // rows[r * w..] holds V_{j0 + r}.
            let rows = &mut *self.rows;
            rows.clear();
            rows.reserve((len + 1) * w);
            rows.extend_from_slice(v0);
            for &t in &b[j0..j1] {
                let at = rows.len();
                rows.extend_from_within(at - w..);
                step_token(masks, &mut rows[at..], t, self.buf);
            }
            walk_block(masks, b, rows, j0, &mut self.walk, &mut *self.hit);
            return;
        }
        let stride = len.div_ceil(self.k);
        let blocks = len.div_ceil(stride);
        let (checkpoints, deeper) = levels
            .split_first_mut()
            .expect("one level of checkpoints per cut");
        // checkpoints[q * w..] holds V_{j0 + q * stride}.
        checkpoints.clear();
        checkpoints.reserve(blocks * w);
        checkpoints.extend_from_slice(v0);
        for q in 1..blocks {
            let at = checkpoints.len();
            checkpoints.extend_from_within(at - w..);
            for &t in &b[j0 + (q - 1) * stride..j0 + q * stride] {
                step_token(masks, &mut checkpoints[at..], t, self.buf);
            }
        }
        for q in (0..blocks).rev() {
            if self.walk.i == 0 {
                return;
            }
            let from = j0 + q * stride;
            let to = (from + stride).min(j1);
            self.walk_range(from, to, &checkpoints[q * w..(q + 1) * w], deeper);
        }
    }
}

/// rouge-score's `_backtrack_norec` for a pattern of more than 64 elements, through the
/// columns of one block: `rows[r * w..]` holds `V_{j0 + r}`, for the walk's column `j` down
/// to `j0`. Stops at column `j0` (the block before continues) or when the walk is over
/// (`i = 0`).
///
/// The same jumps as [`backtrack_word`], over words. With `Z_j = !V_j`, `T[i][j] - T[i-1][j]`
/// is bit `i-1` of `Z_j`. At `(i, j)` with no match, rouge-score goes left only when
/// `T[i][j-1] > T[i-1][j]`, which needs bit `i-1` of `Z_j` set (else `T[i-1][j] = T[i][j]`);
/// so it goes up through every position where neither `b[j-1]` matches nor `Z_j` has a bit,
/// and the walk jumps to the highest position `p < i` where one of them holds. Those up steps
/// keep `T` unchanged, so `t = T[i][j]` is known without counting: it starts as the LCS
/// length and drops by one on each diagonal and on each up step across a bit of `Z_j`. At
/// `p`: a match goes diagonal; otherwise (bit `p` of `Z_j`, so `T[p][j] = t - 1`) the walk
/// goes left iff `T[p+1][j-1] = t` (then `T[p+1][j-1] > T[p][j]`), else up. Each stop is a
/// diagonal or left step (at most `m`) or an up step across a bit (at most the LCS length);
/// a stop that is not a match counts `Z_{j-1}` below `p + 1` (at most `w` words), and the
/// jumps scan `O(n/64 + m)` words in all (`i` only decreases).
fn walk_block(
    masks: &MatchMasks,
    b: &[u32],
    rows: &[u64],
    j0: usize,
    walk: &mut Walk,
    mut hit: impl FnMut(usize),
) {
    let w = masks.words;
    let row = |j: usize| &rows[(j - j0) * w..(j - j0 + 1) * w];
    let (mut i, mut j) = (walk.i, walk.j);
    let mut t = walk.t.unwrap_or_else(|| count_zeros_below(row(j), i));
    while i > 0 && j > j0 {
        debug_assert_eq!(t, count_zeros_below(row(j), i));
        let Some((p, matched)) = highest_stop(row(j), masks.entry(b[j - 1]), i) else {
            // T[i][j] = 0 and no match above: the walk only goes up from here.
            i = 0;
            break;
        };
        if matched {
            hit(p);
            i = p;
            j -= 1;
            t -= 1;
        } else if count_zeros_below(row(j - 1), p + 1) == t {
            i = p + 1;
            j -= 1;
        } else {
            i = p;
            t -= 1;
        }
    }
    *walk = Walk { i, j, t: Some(t) };
}

/// The highest position `p < i` (`i >= 1`) where the state `v` has a zero bit or the element
/// behind `entry` occurs, and whether it occurs there; `None` when there is no such position.
#[inline]
fn highest_stop(v: &[u64], entry: Option<Entry<'_>>, i: usize) -> Option<(usize, bool)> {
    let (dense, sparse) = match entry {
        Some(Entry::Dense(m)) => (Some(m), None),
        Some(Entry::Sparse(ps)) => {
            // The highest occurrence below i.
            let below = ps.partition_point(|&q| (q as usize) < i);
            (None, below.checked_sub(1).map(|x| ps[x] as usize))
        }
        None => (None, None),
    };
    let mut k = (i - 1) / 64;
    let mut keep = u64::MAX >> (63 - (i - 1) % 64);
    loop {
        let m = dense.map_or(0, |m| m[k]);
        let q = sparse
            .filter(|&q| q / 64 == k)
            .map_or(0, |q| 1u64 << (q % 64));
        let stops = (!v[k] | m | q) & keep;
        if stops != 0 {
            let bit = 63 - stops.leading_zeros() as usize;
            return Some((k * 64 + bit, (m | q) >> bit & 1 == 1));
        }
        if k == 0 {
            return None;
        }
        k -= 1;
        keep = u64::MAX;
    }
}

/// ROUGE-2 hits, Σ over bigrams g of min(count in the pattern, count in `text`), from the
/// pattern's match masks: no bigram table on either side.
///
/// Each pattern position `i ≥ 1` ends exactly one pattern bigram, `(a[i-1], a[i])`; a bigram
/// `(x, y)` of `text` occurs in the pattern at the bits of `(mask(x) << 1) & mask(y)`. Each
/// bigram of `text`, in turn, takes the lowest such position not taken yet: every bigram `g`
/// then takes `min(count in text, count in pattern)` positions, which is the clipped count.
/// Costs one mask lookup and a few word operations per token of `text` (per word of the
/// masks: meant for short patterns).
pub fn bigram_hits(masks: &MatchMasks, text: &[u32]) -> u64 {
    let mut hits = 0u64;
    if masks.words == 1 {
        let (mut used, mut prev) = (0u64, 0u64);
        for &t in text {
            let m = masks.mask1(t);
            let free = (prev << 1) & m & !used;
            let pick = free & free.wrapping_neg();
            used |= pick;
            hits += u64::from(pick != 0);
            prev = m;
        }
        return hits;
    }
    let mut used = vec![0u64; masks.words];
    let mut prev = None;
    for &t in text {
        let cur = masks.entry(t);
        if let (Some(p), Some(c)) = (prev, cur)
            && let Some(at) = lowest_free_bigram(p, c, &used, masks.len)
        {
            used[at / 64] |= 1u64 << (at % 64);
            hits += 1;
        }
        prev = cur;
    }
    hits
}

/// The lowest position `p` of a pattern of `len` elements where `cur` occurs, `prev` occurs
/// at `p - 1` and `used` has no bit: the end of the first free occurrence of the bigram.
#[inline]
fn lowest_free_bigram(prev: Entry<'_>, cur: Entry<'_>, used: &[u64], len: usize) -> Option<usize> {
    let free = |p: usize| used[p / 64] >> (p % 64) & 1 == 0;
    match (prev, cur) {
        (Entry::Dense(pm), Entry::Dense(m)) => {
            let mut carry = 0u64;
            for k in 0..m.len() {
                let f = ((pm[k] << 1) | carry) & m[k] & !used[k];
                carry = pm[k] >> 63;
                if f != 0 {
                    return Some(k * 64 + f.trailing_zeros() as usize);
                }
            }
            None
        }
        (_, Entry::Sparse(ps)) => ps
            .iter()
            .map(|&p| p as usize)
            .find(|&p| p >= 1 && prev.contains(p - 1) && free(p)),
        (Entry::Sparse(qs), Entry::Dense(_)) => qs
            .iter()
            .map(|&q| q as usize + 1)
            .find(|&p| p < len && cur.contains(p) && free(p)),
    }
}

/// ROUGE-Lsum's union for one reference sentence of at most 64 tokens (the pattern behind
/// `masks`, `masks.words() == 1`): sets in `union` bit `i` for each position `i` that
/// rouge-score's `_backtrack_norec` puts in the LCS of the pattern and some sentence of the
/// candidate (`sentences`, ranges into `tokens`).
///
/// Equal to [`lcs_indices`] on each candidate sentence in turn, but the bit-parallel rows of all
/// candidate sentences are computed in one pass over `tokens`, together with each sentence's
/// `reach` (the pattern positions its tokens match). A sentence whose reach lies inside the
/// union so far is skipped: its LCS can only take positions it reaches, all already in the
/// union (a set), so it cannot change it; that also skips sentences with no match at all.
pub fn lcs_union_word(
    masks: &MatchMasks,
    tokens: &[u32],
    sentences: &[(u32, u32)],
    scratch: &mut LcsScratch,
    union: &mut u64,
) {
    debug_assert_eq!(masks.words, 1);
    let LcsScratch { rows, reach, .. } = scratch;
    // Sentence k's rows V_0..V_len start at offset start_k + k.
    rows.clear();
    rows.resize(tokens.len() + sentences.len(), !0u64);
    reach.clear();
    let mut at = 0;
    for &(start, end) in sentences {
        let mut v = !0u64;
        let mut r = 0u64;
        rows[at] = v;
        for (row, &t) in rows[at + 1..]
            .iter_mut()
            .zip(&tokens[start as usize..end as usize])
        {
            let m = masks.mask1(t);
            r |= m;
            let u = v & m;
            v = v.wrapping_add(u) | (v & !u);
            *row = v;
        }
        reach.push(r);
        at += (end - start) as usize + 1;
    }
    let mut at = 0;
    for (&(start, end), &r) in sentences.iter().zip(reach.iter()) {
        let len = (end - start) as usize;
        if r & !*union != 0 {
            backtrack_word(
                masks,
                &tokens[start as usize..end as usize],
                &rows[at..at + len + 1],
                masks.len,
                |i| *union |= 1u64 << i,
            );
        }
        at += len + 1;
    }
}

/// rouge-score's `_backtrack_norec` for a pattern of at most 64 elements, moving up the column
/// in jumps.
///
/// With `Z_j = !V_j`, `T[i][j] - T[i-1][j]` is bit `i-1` of `Z_j`. At `(i, j)` with no match,
/// rouge-score goes left only when `T[i][j-1] > T[i-1][j]`, which needs bit `i-1` of `Z_j`
/// set; so every position below `i` where neither `b[j-1]` matches nor `Z_j` has a bit is an
/// "up" step, and the walk can jump to the highest position where one of them holds. There it
/// takes the diagonal on a match, else goes left iff `T[i][j-1] = T[i][j]` (the two rows have
/// equal popcounts below `i`), else up. The result is the same walk, step for step.
fn backtrack_word(
    masks: &MatchMasks,
    b: &[u32],
    rows: &[u64],
    n: usize,
    mut hit: impl FnMut(usize),
) {
    // Bits below position i, for 1 <= i <= 64.
    let below = |i: usize| u64::MAX >> (64 - i);
    let (mut i, mut j) = (n, b.len());
    while i > 0 && j > 0 {
        let z = !rows[j] & below(i);
        let m = masks.mask1(b[j - 1]) & below(i);
        let stops = z | m;
        if stops == 0 {
            // T[i][j] = 0 and no match above: the walk only goes up from here.
            return;
        }
        let p = 63 - stops.leading_zeros() as usize;
        if m >> p & 1 == 1 {
            hit(p);
            i = p;
            j -= 1;
            continue;
        }
        i = p + 1;
        let zl = !rows[j - 1] & below(i);
        if zl.count_ones() == z.count_ones() {
            j -= 1;
        } else {
            i = p;
        }
    }
}

/// The full LCS table `T[i][j] = LCS(a[..i], b[..j])`, as rouge-score's `_lcs_table` builds it.
/// Quadratic: a test oracle only.
pub fn lcs_table(a: &[u32], b: &[u32]) -> Vec<Vec<u32>> {
    let mut t = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            t[i][j] = if a[i - 1] == b[j - 1] {
                t[i - 1][j - 1] + 1
            } else {
                t[i - 1][j].max(t[i][j - 1])
            };
        }
    }
    t
}

/// rouge-score's `lcs_ind`: the DP table and its backtracking, literally. A test oracle.
pub fn lcs_indices_dp(a: &[u32], b: &[u32]) -> Vec<usize> {
    let t = lcs_table(a, b);
    let mut out = Vec::new();
    let (mut i, mut j) = (a.len(), b.len());
    // Written out rather than through `backtrack`, so the oracle stays independent of it.
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i][j - 1] > t[i - 1][j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indices(a: &[u32], b: &[u32]) -> Vec<usize> {
        let masks = MatchMasks::new(a);
        let mut out = Vec::new();
        lcs_indices(a, &masks, b, &mut LcsScratch::default(), |i| out.push(i));
        out.reverse();
        out
    }

    #[test]
    fn small_cases_match_the_dp() {
        let cases: &[(&[u32], &[u32])] = &[
            (&[1, 2, 3, 4], &[1, 3, 4]),
            (&[1, 2, 1, 2], &[2, 1, 2, 1]),
            (&[], &[1]),
            (&[1], &[]),
            (&[5, 5, 5], &[5, 5]),
            (&[1, 2, 3], &[4, 5, 6]),
        ];
        for (a, b) in cases {
            let dp = lcs_table(a, b)[a.len()][b.len()] as usize;
            assert_eq!(lcs_length(&MatchMasks::new(a), b), dp);
            assert_eq!(indices(a, b), lcs_indices_dp(a, b));
        }
    }

    #[test]
    fn long_sequences_cross_word_boundaries() {
        // Deterministic pseudo-random sequences longer than 64 to exercise carries.
        let mut x = 12345u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 7) as u32
        };
        for (la, lb) in [(65, 70), (130, 40), (200, 201), (64, 64), (128, 3)] {
            let a: Vec<u32> = (0..la).map(|_| next()).collect();
            let b: Vec<u32> = (0..lb).map(|_| next()).collect();
            let dp = lcs_table(&a, &b)[la][lb] as usize;
            assert_eq!(lcs_length(&MatchMasks::new(&a), &b), dp);
            assert_eq!(indices(&a, &b), lcs_indices_dp(&a, &b));
        }
    }

    /// `lcs_indices` for a pattern of more than 64 elements with blocks of `k` states and
    /// masks dense from `dense_min` occurrences, in increasing order.
    fn blocked(a: &[u32], b: &[u32], k: usize, dense_min: usize) -> Vec<usize> {
        let masks = MatchMasks::with_dense_min(a, dense_min);
        let mut out = Vec::new();
        if !a.is_empty() && !b.is_empty() {
            lcs_indices_blocked(&masks, b, &mut LcsScratch::default(), k, |i| out.push(i));
        }
        out.reverse();
        out
    }

    /// Ids from an alphabet of `sigma` (a few: long LCS, many ties; many: sparse matches).
    fn seqs(
        a_len: std::ops::Range<usize>,
        b_len: std::ops::Range<usize>,
    ) -> impl proptest::strategy::Strategy<Value = (Vec<u32>, Vec<u32>)> {
        use proptest::prelude::*;
        prop::sample::select(vec![2u32, 3, 5, 40]).prop_flat_map(move |sigma| {
            (
                prop::collection::vec(0..sigma, a_len.clone()),
                prop::collection::vec(0..sigma, b_len.clone()),
            )
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        #[test]
        fn checkpointed_blocks_equal_the_dp(
            (a, b) in seqs(65..260, 0..160),
            k in 2usize..7,
            dense_min in proptest::sample::select(vec![1usize, 2, 3, usize::MAX]),
        ) {
            // Blocks of 2..6 states: up to five levels of checkpoints on these lengths.
            proptest::prop_assert_eq!(blocked(&a, &b, k, dense_min), lcs_indices_dp(&a, &b));
        }

        #[test]
        fn one_block_and_the_default_plan_equal_the_dp((a, b) in seqs(65..200, 0..200)) {
            let want = lcs_indices_dp(&a, &b);
            proptest::prop_assert_eq!(blocked(&a, &b, b.len(), 1), want.clone());
            proptest::prop_assert_eq!(indices(&a, &b), want);
        }

        #[test]
        fn hashed_ids_equal_the_dp(
            (a, b) in seqs(1..300, 0..200),
            dense_min in proptest::sample::select(vec![1usize, 2, usize::MAX]),
        ) {
            // Odd ids far beyond any pattern's array bound (a long text's rare words): the
            // masks keep them in their hash tables, for short and long patterns, dense and
            // sparse ones.
            let spread = |x: &[u32]| -> Vec<u32> {
                x.iter().map(|&t| if t % 2 == 0 { t } else { 1_000_000 + 7_919 * t }).collect()
            };
            let (a, b) = (spread(&a), spread(&b));
            let want = lcs_indices_dp(&a, &b);
            let masks = MatchMasks::compact(&a);
            proptest::prop_assert_eq!(
                masks.dense.keys.is_empty() && masks.slot.keys.is_empty(),
                a.iter().all(|t| t % 2 == 0)
            );
            proptest::prop_assert_eq!(indices(&a, &b), want.clone());
            proptest::prop_assert_eq!(lcs_length(&masks, &b), want.len());
            let mut got = Vec::new();
            if !b.is_empty() {
                lcs_indices(&a, &masks, &b, &mut LcsScratch::default(), |i| got.push(i));
            }
            got.reverse();
            proptest::prop_assert_eq!(got, want.clone());
            if a.len() > 64 {
                proptest::prop_assert_eq!(blocked(&a, &b, 3, dense_min), want.clone());
                let other = MatchMasks::with_dense_min(&a, dense_min);
                proptest::prop_assert_eq!(bigram_hits(&other, &b), bigram_hits(&masks, &b));
            } else if !b.is_empty() {
                // the union path of ROUGE-Lsum: one candidate sentence
                let mut union = 0u64;
                let sentences = [(0u32, b.len() as u32)];
                lcs_union_word(&masks, &b, &sentences, &mut LcsScratch::default(), &mut union);
                let got: Vec<usize> = (0..64).filter(|i| union >> i & 1 == 1).collect();
                proptest::prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn sparse_masks_give_the_same_length_and_bigrams(
            (a, b) in seqs(65..300, 0..300),
            dense_min in proptest::sample::select(vec![2usize, 3, usize::MAX]),
        ) {
            let dense = MatchMasks::with_dense_min(&a, 1);
            let sparse = MatchMasks::with_dense_min(&a, dense_min);
            let dp = lcs_table(&a, &b)[a.len()][b.len()] as usize;
            proptest::prop_assert_eq!(lcs_length(&dense, &b), dp);
            proptest::prop_assert_eq!(lcs_length(&sparse, &b), dp);
            proptest::prop_assert_eq!(bigram_hits(&sparse, &b), bigram_hits(&dense, &b));
        }
    }

    #[test]
    fn sparse_step_equals_the_dense_step() {
        // Carries across many words, out of the last occurrence's word and off the top.
        let mut x = 99u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for round in 0..200 {
            let w = 1 + round % 9;
            let mut v: Vec<u64> = (0..w)
                .map(|_| if next() % 3 == 0 { !0 } else { next() | next() })
                .collect();
            let mut positions: Vec<u32> = (0..1 + next() % 5)
                .map(|_| (next() % (64 * w as u64)) as u32)
                .collect();
            positions.sort_unstable();
            positions.dedup();
            let mut mask = vec![0u64; w];
            for &p in &positions {
                mask[p as usize / 64] |= 1 << (p % 64);
            }
            let mut want = v.clone();
            step(&mut want, &mask);
            let mut buf = vec![0u64; w];
            step_sparse(&mut v, &positions, &mut buf);
            assert_eq!(v, want);
            assert!(buf.iter().all(|&b| b == 0));
        }
    }

    #[test]
    fn block_plans_fit_the_budget_and_cover_every_step() {
        for m in [
            1usize,
            2,
            3,
            7,
            64,
            65,
            1000,
            4097,
            35_000,
            1 << 20,
            10_000_000,
        ] {
            for w in [2usize, 17, 13_300, 1 << 20] {
                for budget in [4usize, 1 << 12, ROW_BUDGET_WORDS] {
                    let k = block_rows(m, w, budget);
                    assert!(k >= 2);
                    let (mut len, mut levels) = (m, 0);
                    while len > k {
                        len = len.div_ceil(k);
                        levels += 1;
                    }
                    // Words of states held at once: the checkpoints of each level and one
                    // block.
                    let held = (levels * k + len.min(k) + 1) * w;
                    let log2 = usize::BITS - (m - 1).max(1).leading_zeros();
                    assert!(
                        held <= budget.max((2 * log2 as usize + 1) * w),
                        "m {m} w {w} budget {budget}: k {k}, {levels} levels, {held} words"
                    );
                }
            }
        }
    }

    #[test]
    fn checkpoints_are_used_past_the_budget() {
        // 3,000 steps of 1,563 words exceed the budget, and 2,000 distinct ids make mixed
        // masks: the default plan and masks must walk exactly as one block over dense masks.
        let mut x = 7u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (if x.is_multiple_of(2) {
                x / 2 % 10
            } else {
                10 + x / 2 % 1990
            }) as u32
        };
        let a: Vec<u32> = (0..100_000).map(|_| next()).collect();
        let b: Vec<u32> = (0..3_000).map(|_| next()).collect();
        let masks = MatchMasks::new(&a);
        assert!(masks.dense_count > 0 && masks.sparse.is_some());
        assert!(block_rows(b.len(), masks.words(), ROW_BUDGET_WORDS) < b.len());
        let mut got = Vec::new();
        lcs_indices(&a, &masks, &b, &mut LcsScratch::default(), |i| got.push(i));
        let dense = MatchMasks::with_dense_min(&a, 1);
        assert!(dense.sparse.is_none());
        let mut want = Vec::new();
        lcs_indices_blocked(&dense, &b, &mut LcsScratch::default(), b.len(), |i| {
            want.push(i)
        });
        assert_eq!(got.len(), lcs_length(&masks, &b));
        assert_eq!(got, want);
    }

    #[test]
    fn masks_are_dense_up_to_the_limit() {
        // 300 elements, 5 words: all dense while distinct x 5 <= 16 x 300.
        let few: Vec<u32> = (0..300).map(|i| i % 200).collect();
        assert!(MatchMasks::new(&few).sparse.is_none());
        // 2,000 elements, 32 words, 1,500 distinct: 48,000 words > 32,000, so mixed.
        let many: Vec<u32> = (0..2_000)
            .map(|i| if i % 4 == 0 { 0 } else { i % 1_500 })
            .collect();
        let m = MatchMasks::new(&many);
        assert_eq!(m.dense_count, 1);
        assert_eq!(
            m.sparse.unwrap().positions.len(),
            many.iter().filter(|&&t| t != 0).count()
        );
    }

    #[test]
    fn every_way_of_building_masks_equals_the_dp() {
        // 2,000 elements (32 words) over: 600 ids (all dense, grown as they come: 600 x 32
        // words is above the up-front limit), 500 ids spread up to 3,493 (counted first, then
        // all dense, zeroed up front), and over 1,000 ids (counted, then mixed).
        let mut x = 3u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let shapes: [(&dyn Fn(u64) -> u32, bool); 3] = [
            (&|r| (r % 600) as u32, false),
            (&|r| (r % 500) as u32 * 7, false),
            (
                &|r| (if r % 3 == 0 { r / 3 % 4 } else { r % 5_000 }) as u32,
                true,
            ),
        ];
        for (id, mixed) in shapes {
            let a: Vec<u32> = (0..2_000).map(|_| id(next())).collect();
            let b: Vec<u32> = (0..150).map(|_| id(next())).collect();
            let masks = MatchMasks::new(&a);
            assert_eq!(masks.sparse.is_some(), mixed);
            assert_eq!(
                lcs_length(&masks, &b),
                lcs_table(&a, &b)[a.len()][b.len()] as usize
            );
            let mut got = Vec::new();
            lcs_indices(&a, &masks, &b, &mut LcsScratch::default(), |i| got.push(i));
            got.reverse();
            assert_eq!(got, lcs_indices_dp(&a, &b));
        }
    }
}

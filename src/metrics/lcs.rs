//! Longest common subsequence: bit-parallel length and index recovery, plus the plain dynamic
//! programme kept as the test oracle.
//!
//! The bit-parallel kernel is Hyyrö's (2004) formulation of Allison–Dix: one bit per position
//! of a "pattern" sequence `a`, one word-parallel step per element of the other sequence `b`.
//! After processing `b[..j]`, the zero bits of the state vector `V_j` below position `i` count
//! `T[i][j]`, the DP table entry `LCS(a[..i], b[..j])`. Keeping the state after each step is
//! therefore enough to answer any `T[i][j]` with a popcount, which is how [`lcs_indices`]
//! replays rouge-score's backtracking (including its tie-break) without building the table.

/// Match masks of a pattern sequence: for each distinct element, the bit set of the positions
/// where it occurs. Build once per pattern, reuse for every sequence compared with it.
///
/// Elements are dense per-example token ids, so the element-to-mask index is a plain array
/// (no hashing): `slot[id]` is the mask's position, `u32::MAX` when `id` is absent; ids beyond
/// the array (tokens first seen after the pattern was built) are absent too.
#[derive(Debug, Clone, Default)]
pub struct MatchMasks {
    len: usize,
    words: usize,
    /// Patterns of at most 64 elements: the mask itself, indexed by id (0 when absent).
    dense: Vec<u64>,
    /// Longer patterns: id to mask index (`u32::MAX` when absent), and the masks.
    slot: Vec<u32>,
    bits: Vec<u64>,
}

impl MatchMasks {
    /// Masks of `pattern`.
    pub fn new(pattern: &[u32]) -> Self {
        let words = pattern.len().div_ceil(64);
        let top = pattern.iter().copied().max().map_or(0, |m| m as usize + 1);
        if words == 1 {
            let mut dense = vec![0u64; top];
            for (i, &t) in pattern.iter().enumerate() {
                dense[t as usize] |= 1u64 << i;
            }
            return MatchMasks {
                len: pattern.len(),
                words,
                dense,
                slot: Vec::new(),
                bits: Vec::new(),
            };
        }
        let mut slot = vec![u32::MAX; top];
        let mut bits: Vec<u64> = Vec::with_capacity(pattern.len().min(top) * words);
        for (i, &t) in pattern.iter().enumerate() {
            let s = &mut slot[t as usize];
            if *s == u32::MAX {
                *s = (bits.len() / words) as u32;
                bits.resize(bits.len() + words, 0);
            }
            bits[*s as usize * words + i / 64] |= 1u64 << (i % 64);
        }
        MatchMasks {
            len: pattern.len(),
            words,
            dense: Vec::new(),
            slot,
            bits,
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

    /// The mask of `token`, or `None` when it does not occur in the pattern.
    #[inline]
    pub fn mask(&self, token: u32) -> Option<&[u64]> {
        if self.words == 1 {
            return self
                .dense
                .get(token as usize)
                .filter(|m| **m != 0)
                .map(std::slice::from_ref);
        }
        match self.slot.get(token as usize) {
            Some(&s) if s != u32::MAX => {
                let s = s as usize * self.words;
                Some(&self.bits[s..s + self.words])
            }
            _ => None,
        }
    }

    /// The single-word mask of `token` (0 when absent); for patterns of at most 64 elements.
    #[inline]
    pub fn mask1(&self, token: u32) -> u64 {
        self.dense.get(token as usize).copied().unwrap_or(0)
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
    for &t in other {
        if let Some(m) = masks.mask(t) {
            step(&mut v, m);
        }
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
}

/// Calls `hit(i)` for each position `i` of the pattern that rouge-score's `_backtrack_norec`
/// puts in the LCS of `a` (the pattern behind `masks`, rouge-score's reference sentence) and
/// `b` (the candidate sentence), in decreasing order of `i`.
///
/// rouge-score backtracks from `(|a|, |b|)`: on equal elements it goes diagonal; otherwise it
/// moves along `b` (`j - 1`) only when `T[i][j-1] > T[i-1][j]`, and along `a` otherwise.
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
    let w = masks.words;
    // rows[j * w ..] holds V_j, the state after b[..j]; V_0 is all ones.
    let rows = &mut scratch.rows;
    rows.clear();
    let mut any = false;
    if w == 1 {
        // One word per row: the common case (sentences of at most 64 tokens). Branch-free: a
        // token absent from the pattern has mask 0, which leaves `v` unchanged.
        rows.resize(b.len() + 1, !0u64);
        let mut v = !0u64;
        for (row, &t) in rows[1..].iter_mut().zip(b) {
            let u = v & masks.mask1(t);
            v = v.wrapping_add(u) | (v & !u);
            *row = v;
        }
        // Some bit below |a| cleared iff some element matched.
        any = v != !0u64;
    } else {
        rows.resize((b.len() + 1) * w, !0u64);
        for (j, &t) in b.iter().enumerate() {
            let (prev, next) = rows.split_at_mut((j + 1) * w);
            let cur = &mut next[..w];
            cur.copy_from_slice(&prev[j * w..]);
            if let Some(m) = masks.mask(t) {
                any = true;
                step(cur, m);
            }
        }
    }
    if !any {
        return;
    }
    if w == 1 {
        backtrack_word(masks, b, rows, n, hit);
    } else {
        backtrack(
            a,
            b,
            |i, j| count_zeros_below(&rows[j * w..(j + 1) * w], i),
            hit,
        );
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
    let w = masks.words;
    let none = vec![0u64; w];
    let mut used = vec![0u64; w];
    let mut prev: &[u64] = &none;
    for &t in text {
        let m = masks.mask(t).unwrap_or(&none);
        let mut carry = 0u64;
        for k in 0..w {
            let free = ((prev[k] << 1) | carry) & m[k] & !used[k];
            carry = prev[k] >> 63;
            if free != 0 {
                used[k] |= free & free.wrapping_neg();
                hits += 1;
                break;
            }
        }
        prev = m;
    }
    hits
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
    let LcsScratch { rows, reach } = scratch;
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

/// rouge-score's `_backtrack_norec` over a table given by `t_at(i, j)`.
#[inline]
fn backtrack(
    a: &[u32],
    b: &[u32],
    t_at: impl Fn(usize, usize) -> usize,
    mut hit: impl FnMut(usize),
) {
    let (mut i, mut j) = (a.len(), b.len());
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            hit(i - 1);
            i -= 1;
            j -= 1;
        } else if t_at(i, j - 1) > t_at(i - 1, j) {
            j -= 1;
        } else {
            i -= 1;
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
}

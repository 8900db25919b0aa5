//! Clipped n-gram counting for ROUGE-N.
//!
//! An n-gram table holds the n-gram counts of one text, built once per text; the overlap of
//! two tables (Σ min of counts) is linear. Unigrams are dense counts indexed by token id (ids
//! are dense per example). Bigrams, in the scorer's fast path, are dense counts indexed by the
//! example's bigram ids ([`Vocab::pair_id`]). Otherwise an n-gram table is a sorted list of
//! (n-gram, count) pairs merged in linear time; its keys are exact (no hashing, so no
//! collisions): token ids are `u32`, so up to four of them pack into an integer; longer n-grams
//! use a padded array.

use crate::text::Vocab;

/// The n-gram counts of one text, for one `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NgramTable {
    n: usize,
    total: u64,
    keys: Keys,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Keys {
    /// Unigrams: dense counts indexed by token id (ids are dense per example).
    One(Vec<u32>),
    /// Bigrams: dense counts indexed by the example's bigram id ([`Vocab::pair_id`]).
    Pairs(Vec<u32>),
    Two(Vec<(u64, u32)>),
    Four(Vec<(u128, u32)>),
    Wide(Vec<([u32; MAX_N], u32)>),
}

/// The largest `n` supported (rouge-score accepts `rouge1` to `rouge9`).
pub const MAX_N: usize = 9;

fn run_length<K: Ord + Copy>(mut keys: Vec<K>) -> Vec<(K, u32)> {
    keys.sort_unstable();
    counted(keys)
}

/// Run-length counts of sorted keys.
fn counted<K: Ord + Copy>(keys: Vec<K>) -> Vec<(K, u32)> {
    let mut out: Vec<(K, u32)> = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, c)) if *last == k => *c += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

fn merge<K: Ord + Copy>(a: &[(K, u32)], b: &[(K, u32)]) -> u64 {
    let (mut i, mut j, mut hits) = (0, 0, 0u64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                hits += u64::from(a[i].1.min(b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    hits
}

/// The bigram counts of `tokens`, sorted by key (first id in the high half).
///
/// Ids are dense per example, so the bigrams are bucketed by their first id with a counting
/// sort (linear, no comparison) and only each bucket, usually of one or two bigrams, is sorted
/// by its second id. Sparse ids (above four per token) fall back to a comparison sort.
fn sorted_bigrams(tokens: &[u32]) -> Vec<(u64, u32)> {
    let key = |w: &[u32]| (u64::from(w[0]) << 32) | u64::from(w[1]);
    let top = tokens.iter().copied().max().map_or(0, |m| m as usize + 1);
    if tokens.len() < 2 || top > 4 * tokens.len() + 64 {
        return run_length(tokens.windows(2).map(key).collect());
    }
    let firsts = &tokens[..tokens.len() - 1];
    let mut start = vec![0u32; top + 1];
    for &a in firsts {
        start[a as usize + 1] += 1;
    }
    for i in 1..=top {
        start[i] += start[i - 1];
    }
    let mut keys = vec![0u64; firsts.len()];
    let mut next = start.clone();
    for w in tokens.windows(2) {
        let slot = &mut next[w[0] as usize];
        keys[*slot as usize] = key(w);
        *slot += 1;
    }
    for bucket in start.windows(2) {
        if bucket[1] - bucket[0] > 1 {
            keys[bucket[0] as usize..bucket[1] as usize].sort_unstable();
        }
    }
    counted(keys)
}

impl NgramTable {
    /// The n-gram counts of `tokens`, like [`new`](NgramTable::new), but for bigrams counted
    /// by the dense bigram ids of `vocab` (the vocabulary that gave `tokens` their ids): one
    /// small-table lookup per bigram, no sort, and an overlap that is a pass over two arrays.
    /// Tables made this way only overlap with tables made this way from the same example.
    pub fn with_vocab(tokens: &[u32], n: usize, vocab: &mut Vocab) -> Self {
        if n != 2 {
            return Self::new(tokens, n);
        }
        // Ids handed out here are below this bound: one allocation, no growth.
        let bound = vocab.pairs_len() + tokens.len();
        let mut counts: Vec<u32> = vec![0; bound];
        let mut top = 0;
        for w in tokens.windows(2) {
            let id = vocab.pair_id(w[0], w[1]) as usize;
            top = top.max(id + 1);
            if let Some(c) = counts.get_mut(id) {
                *c += 1;
            }
        }
        counts.truncate(top);
        NgramTable {
            n: 2,
            total: tokens.len().saturating_sub(1) as u64,
            keys: Keys::Pairs(counts),
        }
    }

    /// The n-gram counts of `tokens` (n in `1..=MAX_N`; other values are clamped into it).
    pub fn new(tokens: &[u32], n: usize) -> Self {
        let n = n.clamp(1, MAX_N);
        let total = (tokens.len() + 1).saturating_sub(n) as u64;
        let windows = tokens.windows(n);
        let keys = match n {
            1 => {
                let top = tokens.iter().copied().max().map_or(0, |m| m as usize + 1);
                let mut counts = vec![0u32; top];
                for &t in tokens {
                    counts[t as usize] += 1;
                }
                Keys::One(counts)
            }
            2 => Keys::Two(sorted_bigrams(tokens)),
            3 | 4 => Keys::Four(run_length(
                windows
                    .map(|w| w.iter().fold(0u128, |k, &t| (k << 32) | u128::from(t)))
                    .collect(),
            )),
            _ => Keys::Wide(run_length(
                windows
                    .map(|w| {
                        let mut k = [u32::MAX; MAX_N];
                        k[..n].copy_from_slice(w);
                        k
                    })
                    .collect(),
            )),
        };
        NgramTable { n, total, keys }
    }

    /// The `n` of this table.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of n-gram occurrences (`max(len - n + 1, 0)`).
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Number of distinct n-grams.
    pub fn distinct(&self) -> usize {
        match &self.keys {
            Keys::One(k) | Keys::Pairs(k) => k.iter().filter(|&&c| c > 0).count(),
            Keys::Two(k) => k.len(),
            Keys::Four(k) => k.len(),
            Keys::Wide(k) => k.len(),
        }
    }

    /// Σ over n-grams g of min(count_self(g), count_other(g)); `None` when the tables cannot
    /// be compared (different `n`, or one counted by bigram ids and the other not).
    pub fn overlap(&self, other: &NgramTable) -> Option<u64> {
        if self.n != other.n {
            return None;
        }
        let dense =
            |a: &[u32], b: &[u32]| a.iter().zip(b).map(|(&x, &y)| u64::from(x.min(y))).sum();
        match (&self.keys, &other.keys) {
            (Keys::One(a), Keys::One(b)) | (Keys::Pairs(a), Keys::Pairs(b)) => Some(dense(a, b)),
            (Keys::Two(a), Keys::Two(b)) => Some(merge(a, b)),
            (Keys::Four(a), Keys::Four(b)) => Some(merge(a, b)),
            (Keys::Wide(a), Keys::Wide(b)) => Some(merge(a, b)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(a: &[u32], b: &[u32], n: usize) -> u64 {
        use std::collections::HashMap;
        let count = |t: &[u32]| {
            let mut m: HashMap<Vec<u32>, u64> = HashMap::new();
            for w in t.windows(n) {
                *m.entry(w.to_vec()).or_default() += 1;
            }
            m
        };
        let (ca, cb) = (count(a), count(b));
        ca.iter()
            .map(|(g, c)| (*c).min(*cb.get(g).unwrap_or(&0)))
            .sum()
    }

    #[test]
    fn overlap_equals_naive_count_for_every_n() {
        let a = [1, 2, 3, 1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2];
        let b = [2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 1, 2, 3];
        for n in 1..=MAX_N {
            let (ta, tb) = (NgramTable::new(&a, n), NgramTable::new(&b, n));
            assert_eq!(ta.overlap(&tb), Some(naive(&a, &b, n)), "n = {n}");
            assert_eq!(tb.overlap(&ta), Some(naive(&a, &b, n)), "n = {n}");
            assert_eq!(ta.total(), (a.len() + 1 - n) as u64);
        }
        assert_eq!(NgramTable::new(&[1], 2).total(), 0);
        assert_eq!(NgramTable::new(&[], 1).total(), 0);
    }

    proptest::proptest! {
        #[test]
        fn overlap_equals_naive(
            a in proptest::collection::vec(0u32..12, 0..120),
            b in proptest::collection::vec(0u32..12, 0..120),
            n in 1usize..=MAX_N,
        ) {
            let (ta, tb) = (NgramTable::new(&a, n), NgramTable::new(&b, n));
            proptest::prop_assert_eq!(ta.overlap(&tb), Some(naive(&a, &b, n)));
            proptest::prop_assert_eq!(tb.overlap(&ta), Some(naive(&a, &b, n)));
            let mut vocab = Vocab::new();
            let (va, vb) = (NgramTable::with_vocab(&a, n, &mut vocab), NgramTable::with_vocab(&b, n, &mut vocab));
            proptest::prop_assert_eq!(va.overlap(&vb), Some(naive(&a, &b, n)));
            proptest::prop_assert_eq!(va.distinct(), ta.distinct());
            proptest::prop_assert_eq!(va.total(), ta.total());
            let distinct: std::collections::HashSet<&[u32]> = a.windows(n).collect();
            proptest::prop_assert_eq!(ta.distinct(), distinct.len());
        }

        #[test]
        fn bucketed_bigrams_equal_sorted(a in proptest::collection::vec(0u32..40, 0..200)) {
            let sorted = run_length(a.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect());
            proptest::prop_assert_eq!(sorted_bigrams(&a), sorted);
        }
    }

    #[test]
    fn large_ids_do_not_collide() {
        let a = [u32::MAX - 1, 0, 7];
        let b = [0, u32::MAX - 1, 7];
        for n in 1..=3 {
            assert_eq!(
                NgramTable::new(&a, n).overlap(&NgramTable::new(&b, n)),
                Some(naive(&a, &b, n))
            );
        }
    }
}

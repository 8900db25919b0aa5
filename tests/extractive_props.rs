//! Property tests of `metrics::extractive` against brute-force oracles: fast `Compat` fragments
//! equal the literal NEWSROOM loop, `Exact` fragments equal a longest-match-at-each-position
//! oracle, a reused `ArticleIndex` equals fresh calls, and novel n-grams and REGS-n equal
//! set/counting oracles. Small alphabets force many repeats (and so the skip quirk).

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use sumbench::metrics::extractive::*;

/// Greedy parse taking, at each position, the longest match of `S[i..]` at any article position.
fn exact_oracle(a: &[u32], s: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let best = (0..a.len())
            .map(|p| {
                s[i..]
                    .iter()
                    .zip(&a[p..])
                    .take_while(|(x, y)| x == y)
                    .count()
            })
            .max()
            .unwrap_or(0);
        if best > 0 {
            out.push(best as u32);
            i += best;
        } else {
            i += 1;
        }
    }
    out
}

fn tokens(alphabet: u32, max_len: usize) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0..alphabet, 0..max_len)
}

/// Sparse ids including the extremes of `u32`.
fn sparse_tokens(max_len: usize) -> impl Strategy<Value = Vec<u32>> {
    let ids = prop::sample::select(vec![0u32, 1, 1 << 31, u32::MAX - 1, u32::MAX]);
    prop::collection::vec(ids, 0..max_len)
}

/// A summary built from article spans (possibly overlapping the quirk) and novel tokens.
fn article_and_copy() -> impl Strategy<Value = (Vec<u32>, Vec<u32>)> {
    tokens(3, 80)
        .prop_flat_map(|a| {
            let n = a.len();
            let piece = (0..=n, 0..12usize, prop::option::weighted(0.2, 100u32..103));
            (Just(a), prop::collection::vec(piece, 0..8))
        })
        .prop_map(|(a, pieces)| {
            let mut s = Vec::new();
            for (start, len, novel) in pieces {
                s.extend_from_slice(&a[start..(start + len).min(a.len())]);
                s.extend(novel);
            }
            (a, s)
        })
}

fn check_fragments(a: &[u32], s: &[u32]) -> Result<(), TestCaseError> {
    let compat = fragments(a, s, FragmentMode::Compat);
    prop_assert_eq!(&compat, &fragments_naive(a, s));
    let exact = fragments(a, s, FragmentMode::Exact);
    prop_assert_eq!(&exact, &exact_oracle(a, s));
    for f in [&compat, &exact] {
        let e = Extractive::from_fragments(f, s.len());
        prop_assert!(e.copied_tokens <= s.len() as u64);
        prop_assert!((0.0..=1.0).contains(&e.coverage));
        prop_assert!(f.iter().all(|&x| x >= 1));
        prop_assert_eq!(e.fragments, f.len());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn fragments_tiny_alphabet(a in tokens(2, 60), s in tokens(2, 60)) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn fragments_small_alphabet(a in tokens(4, 60), s in tokens(4, 60)) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn fragments_copied_spans((a, s) in article_and_copy()) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn fragments_sparse_ids(a in sparse_tokens(40), s in sparse_tokens(40)) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn novel_ngrams_match_sets(a in tokens(4, 60), s in tokens(4, 60), n in 0usize..7) {
        let g = novel_ngrams(&a, &s, n);
        prop_assert_eq!(g.n, n);
        if n == 0 {
            prop_assert_eq!((g.distinct, g.total), (0, 0));
            return Ok(());
        }
        let in_a: HashSet<&[u32]> = a.windows(n).collect();
        let in_s: HashSet<&[u32]> = s.windows(n).collect();
        prop_assert_eq!(g.distinct, in_s.len() as u64);
        prop_assert_eq!(g.distinct_novel, in_s.difference(&in_a).count() as u64);
        prop_assert_eq!(g.total, s.windows(n).count() as u64);
        prop_assert_eq!(g.total_novel, s.windows(n).filter(|w| !in_a.contains(w)).count() as u64);
        prop_assert!((0.0..=1.0).contains(&g.ratio()));
        prop_assert!((0.0..=1.0).contains(&g.token_weighted_ratio()));
    }

    #[test]
    fn repetition_matches_counts(s in tokens(4, 60), n in 0usize..7) {
        let r = repetition(&s, n);
        prop_assert_eq!(r.n, n);
        if n == 0 {
            prop_assert_eq!((r.repeated, r.total), (0, 0));
            return Ok(());
        }
        let mut counts: HashMap<&[u32], u64> = HashMap::new();
        for w in s.windows(n) {
            *counts.entry(w).or_default() += 1;
        }
        prop_assert_eq!(r.total, s.windows(n).count() as u64);
        prop_assert_eq!(r.repeated, counts.values().filter(|&&c| c > 1).sum::<u64>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fragments_larger(a in tokens(30, 600), s in tokens(30, 200)) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn fragments_larger_repetitive(a in tokens(3, 1500), s in tokens(3, 300)) {
        check_fragments(&a, &s)?;
    }

    #[test]
    fn index_reuse_matches_fresh_calls(
        a in tokens(4, 100),
        ss in prop::collection::vec(tokens(4, 40), 0..6),
    ) {
        // One index is first used in Compat mode, the other in Exact mode, so both orders of
        // building the lazy structures are exercised.
        let compat_first = ArticleIndex::new(&a);
        let exact_first = ArticleIndex::new(&a);
        prop_assert_eq!(compat_first.len(), a.len());
        for s in &ss {
            let want_c = fragments(&a, s, FragmentMode::Compat);
            let want_e = fragments(&a, s, FragmentMode::Exact);
            prop_assert_eq!(&compat_first.fragments(s, FragmentMode::Compat), &want_c);
            prop_assert_eq!(&compat_first.fragments(s, FragmentMode::Exact), &want_e);
            prop_assert_eq!(&exact_first.fragments(s, FragmentMode::Exact), &want_e);
            prop_assert_eq!(&exact_first.fragments(s, FragmentMode::Compat), &want_c);
        }
    }
}

//! Property tests: sumbench against an independent implementation (the `rougers` crate) on
//! random texts, and the bit-parallel LCS against the plain dynamic programme.

use proptest::prelude::*;
use sumbench::dataset::{Candidate, Example};
use sumbench::evaluate::{EvalConfig, Evaluator, Workspace};
use sumbench::metrics::lcs::{
    LcsScratch, MatchMasks, bigram_hits, lcs_indices, lcs_indices_dp, lcs_length, lcs_table,
    lcs_union_word,
};
use sumbench::metrics::rouge::RougeType;
use sumbench::text::Stemmer;

/// Random text over a small vocabulary with punctuation, case, newlines and stemmable words.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "The",
        "cat",
        "cats",
        "running",
        "runs",
        "ran",
        "a",
        "A.",
        "sky",
        "skies",
        "said",
        "says",
        "7,000",
        "3.5%",
        "Kim's",
        "\n",
        "\n\n",
        " \n",
        ",",
        "-",
        "İstanbul",
        "agreement",
        "agreed",
        "generalization",
        "Zürich",
        "東京",
        "happy",
        "day",
    ]);
    prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn equals_rougers(reference in text(), candidate in text(), stem in any::<bool>()) {
        let types = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum"];
        let theirs = rougers::RougeScorer::new(types, stem).unwrap().score(&reference, &candidate);
        let evaluator = Evaluator::new(EvalConfig::rouge_only(
            types.iter().map(|t| t.parse::<RougeType>().unwrap()).collect(),
            if stem { Stemmer::Porter } else { Stemmer::None },
        ));
        let example = Example {
            id: "p".into(),
            line: 1,
            source: None,
            references: vec![reference.clone()],
            candidates: vec![Candidate { system: "c".into(), text: candidate.clone() }],
            removed_lines: 0,
            lang: None,
        };
        let ours = evaluator.evaluate(&example, &mut Workspace::default()).unwrap();
        prop_assert_eq!(ours.systems[0].rouge.len(), theirs.iter().count());
        for (chosen, (name, s)) in ours.systems[0].rouge.iter().zip(theirs.iter()) {
            prop_assert_eq!(chosen.rouge_type.as_str(), name.to_string());
            let o = chosen.counts.score();
            prop_assert_eq!(o.precision, s.precision, "{} precision", chosen.rouge_type);
            prop_assert_eq!(o.recall, s.recall, "{} recall", chosen.rouge_type);
            prop_assert_eq!(o.fmeasure, s.fmeasure, "{} fmeasure", chosen.rouge_type);
        }
    }

    #[test]
    fn bit_parallel_lcs_equals_dp(a in prop::collection::vec(0u32..6, 0..150), b in prop::collection::vec(0u32..6, 0..150)) {
        let masks = MatchMasks::new(&a);
        prop_assert_eq!(lcs_length(&masks, &b), lcs_table(&a, &b)[a.len()][b.len()] as usize);
        let mut got = Vec::new();
        lcs_indices(&a, &masks, &b, &mut LcsScratch::default(), |i| got.push(i));
        got.reverse();
        prop_assert_eq!(got, lcs_indices_dp(&a, &b));
    }

    #[test]
    fn one_word_backtracking_equals_dp(a in prop::collection::vec(0u32..4, 0..=64), b in prop::collection::vec(0u32..4, 0..80)) {
        // Patterns of at most 64 elements take the jumping backtrack.
        let masks = MatchMasks::new(&a);
        let mut got = Vec::new();
        lcs_indices(&a, &masks, &b, &mut LcsScratch::default(), |i| got.push(i));
        got.reverse();
        prop_assert_eq!(got, lcs_indices_dp(&a, &b));
    }

    #[test]
    fn bigram_hits_from_masks_equal_clipped_counts(
        a in prop::collection::vec(0u32..6, 0..200),
        b in prop::collection::vec(0u32..7, 0..200),
    ) {
        use std::collections::HashMap;
        let count = |t: &[u32]| {
            let mut m: HashMap<(u32, u32), u64> = HashMap::new();
            for w in t.windows(2) {
                *m.entry((w[0], w[1])).or_default() += 1;
            }
            m
        };
        let (ca, cb) = (count(&a), count(&b));
        let want: u64 = ca.iter().map(|(g, &c)| c.min(*cb.get(g).unwrap_or(&0))).sum();
        prop_assert_eq!(bigram_hits(&MatchMasks::new(&a), &b), want);
    }

    #[test]
    fn one_pass_sentence_union_equals_the_dp_per_sentence(
        a in prop::collection::vec(0u32..5, 1..=64),
        c in prop::collection::vec(prop::collection::vec(0u32..6, 0..20), 0..8),
    ) {
        // The union over candidate sentences of the DP's LCS positions.
        let mut want = 0u64;
        for s in &c {
            for i in lcs_indices_dp(&a, s) {
                want |= 1u64 << i;
            }
        }
        let tokens: Vec<u32> = c.concat();
        let mut sentences = Vec::new();
        let mut at = 0u32;
        for s in &c {
            sentences.push((at, at + s.len() as u32));
            at += s.len() as u32;
        }
        let mut got = 0u64;
        lcs_union_word(&MatchMasks::new(&a), &tokens, &sentences, &mut LcsScratch::default(), &mut got);
        prop_assert_eq!(got, want);
    }

    #[test]
    fn lsum_equals_a_transcription_of_rouge_score(
        r in prop::collection::vec(prop::collection::vec(0u32..5, 0..12), 1..8),
        c in prop::collection::vec(prop::collection::vec(0u32..5, 0..12), 1..8),
    ) {
        // Sentences of ids joined as words "w0".."w4", one sentence per line.
        let text = |ss: &Vec<Vec<u32>>| ss.iter()
            .map(|s| s.iter().map(|t| format!("w{t}")).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        let (rt, ct) = (text(&r), text(&c));
        let evaluator = Evaluator::new(EvalConfig::rouge_only(vec![RougeType::Lsum], Stemmer::None));
        let example = Example {
            id: "p".into(),
            line: 1,
            source: None,
            references: vec![rt],
            candidates: vec![Candidate { system: "c".into(), text: ct }],
            removed_lines: 0,
            lang: None,
        };
        let ours = evaluator.evaluate(&example, &mut Workspace::default()).unwrap().systems[0].rouge[0].counts;
        // rouge-score's _summary_level_lcs, with the DP oracle for lcs_ind.
        let (m, n): (usize, usize) = (r.iter().map(Vec::len).sum(), c.iter().map(Vec::len).sum());
        let mut hits = 0u64;
        if m > 0 && n > 0 {
            let mut rc = std::collections::HashMap::<u32, i64>::new();
            let mut cc = std::collections::HashMap::<u32, i64>::new();
            for t in r.iter().flatten() { *rc.entry(*t).or_default() += 1; }
            for t in c.iter().flatten() { *cc.entry(*t).or_default() += 1; }
            for rs in &r {
                let mut union = std::collections::BTreeSet::new();
                for cs in &c {
                    union.extend(lcs_indices_dp(rs, cs));
                }
                for i in union {
                    let t = rs[i];
                    if cc[&t] > 0 && rc[&t] > 0 {
                        hits += 1;
                        *cc.get_mut(&t).unwrap() -= 1;
                        *rc.get_mut(&t).unwrap() -= 1;
                    }
                }
            }
        }
        prop_assert_eq!(ours.hits, hits);
        prop_assert_eq!(ours.reference_total, m as u64);
        prop_assert_eq!(ours.candidate_total, n as u64);
    }
}

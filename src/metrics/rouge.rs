//! ROUGE-N, ROUGE-L and ROUGE-Lsum, numerically identical to Google's `rouge-score`.
//!
//! Scores are computed from counts ([`Counts`]: hits, candidate total, reference total), which
//! are kept so that corpus-level micro averages, bootstrap intervals and significance tests can
//! be derived later. A reference is [`prepare_reference`](RougeScorer::prepare_reference)d once (n-gram tables, LCS
//! match masks) and reused for every candidate scored against it.
//!
//! The formulas, from rouge-score 0.1.2:
//! - ROUGE-N: hits = Σ_g min(count_ref(g), count_cand(g)); P = hits / max(#cand n-grams, 1),
//!   R = hits / max(#ref n-grams, 1).
//! - ROUGE-L: hits = LCS of the whole token lists; P = hits / |cand|, R = hits / |ref|.
//! - ROUGE-Lsum: for each reference sentence, the union of the LCS positions against every
//!   candidate sentence (rouge-score's backtracking tie-break), then clipped by the token counts
//!   of the whole texts; P = hits / |cand|, R = hits / |ref|.
//! - F = 2PR / (P + R), 0 when P + R = 0 (no alpha).
//!
//! This module does no I/O and holds no global state.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::lcs::{LcsScratch, MatchMasks, bigram_hits, lcs_indices, lcs_length, lcs_union_word};
use super::ngram::{MAX_N, NgramTable};
use crate::text::{Analysed, Vocab};

/// A ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RougeType {
    /// ROUGE-N for n in 1..=9 (`rouge1` … `rouge9`).
    N(u8),
    /// Sentence-level ROUGE-L over the whole texts (`rougeL`).
    L,
    /// Summary-level ROUGE-L over newline-separated sentences (`rougeLsum`).
    Lsum,
}

impl RougeType {
    /// rouge-score's name of the type (`rouge1`, `rougeL`, `rougeLsum`).
    pub fn name(self) -> String {
        self.as_str().to_owned()
    }

    /// rouge-score's name of the type, without allocating.
    pub fn as_str(self) -> &'static str {
        const N: [&str; 10] = [
            "rouge0", "rouge1", "rouge2", "rouge3", "rouge4", "rouge5", "rouge6", "rouge7",
            "rouge8", "rouge9",
        ];
        match self {
            RougeType::N(n) => N.get(n as usize).copied().unwrap_or("rouge?"),
            RougeType::L => "rougeL",
            RougeType::Lsum => "rougeLsum",
        }
    }

    /// The default set: rouge1, rouge2, rougeL, rougeLsum.
    pub fn default_set() -> Vec<RougeType> {
        vec![
            RougeType::N(1),
            RougeType::N(2),
            RougeType::L,
            RougeType::Lsum,
        ]
    }
}

impl fmt::Display for RougeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl FromStr for RougeType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "rougeL" => Ok(RougeType::L),
            "rougeLsum" => Ok(RougeType::Lsum),
            _ => {
                let n = s
                    .strip_prefix("rouge")
                    .and_then(|d| d.parse::<u8>().ok())
                    .filter(|n| (1..=MAX_N as u8).contains(n) && s.len() == 6);
                n.map(RougeType::N).ok_or_else(|| {
                    format!(
                        "unknown ROUGE type '{s}' (expected rouge1..rouge9, rougeL or rougeLsum)"
                    )
                })
            }
        }
    }
}

impl Serialize for RougeType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for RougeType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Precision, recall and F-measure.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F-measure (harmonic mean of precision and recall).
    pub fmeasure: f64,
}

/// rouge-score's `fmeasure`: `2 * p * r / (p + r)`, evaluated in that order, or 0.
pub fn fmeasure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// The sufficient statistics of one ROUGE score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Matched units: clipped n-gram overlap, LCS length, or Lsum hits.
    pub hits: u64,
    /// Units in the candidate (n-grams or tokens).
    pub candidate_total: u64,
    /// Units in the reference.
    pub reference_total: u64,
}

impl Counts {
    /// Precision, recall and F exactly as rouge-score computes them from these counts.
    pub fn score(&self) -> Score {
        let ratio = |total: u64| {
            if total > 0 {
                self.hits as f64 / total as f64
            } else {
                0.0
            }
        };
        let (precision, recall) = (ratio(self.candidate_total), ratio(self.reference_total));
        Score {
            precision,
            recall,
            fmeasure: fmeasure(precision, recall),
        }
    }

    /// Adds `other`'s counts to these (pooling, for micro averages).
    pub fn add(&mut self, other: &Counts) {
        self.hits += other.hits;
        self.candidate_total += other.candidate_total;
        self.reference_total += other.reference_total;
    }
}

/// A text prepared for ROUGE: its analysis plus the tables the configured types need.
#[derive(Debug, Clone)]
pub struct Prepared {
    analysed: Analysed,
    ngrams: Vec<NgramTable>,
    whole_masks: Option<MatchMasks>,
    sentence_masks: Vec<MatchMasks>,
}

impl Prepared {
    /// The underlying analysis.
    pub fn analysed(&self) -> &Analysed {
        &self.analysed
    }

    fn table(&self, n: usize) -> Option<&NgramTable> {
        self.ngrams.iter().find(|t| t.n() == n)
    }

    /// The whole-text match masks when they are short enough to count bigrams with
    /// ([`bigram_hits`]): references of at most [`MASKED_BIGRAMS`] tokens.
    fn bigram_masks(&self) -> Option<&MatchMasks> {
        self.whole_masks
            .as_ref()
            .filter(|m| m.len() <= MASKED_BIGRAMS)
    }
}

/// References of at most this many tokens count ROUGE-2 hits from their match masks (four
/// 64-bit words per mask at most); longer ones use bigram tables.
const MASKED_BIGRAMS: usize = 256;

/// Per-thread buffers for scoring, so that the hot loops do not allocate.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    lcs: LcsScratch,
    union: Vec<u64>,
    ref_count: Vec<u32>,
    cand_count: Vec<u32>,
}

/// One type's result against several references: the chosen reference and its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RougeResult {
    /// The type.
    pub rouge_type: RougeType,
    /// Index of the reference that gave the best F (the first one on ties).
    pub reference: usize,
    /// Counts against that reference.
    pub counts: Counts,
}

/// Scores candidates against references for a fixed list of ROUGE types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RougeScorer {
    types: Vec<RougeType>,
}

impl RougeScorer {
    /// A scorer for `types` (duplicates removed, order kept).
    pub fn new(types: &[RougeType]) -> Self {
        let mut uniq = Vec::new();
        for &t in types {
            if !uniq.contains(&t) {
                uniq.push(t);
            }
        }
        RougeScorer { types: uniq }
    }

    /// The types, in output order.
    pub fn types(&self) -> &[RougeType] {
        &self.types
    }

    /// Prepares a reference (or a source scored as one) for scoring: its n-gram tables and
    /// the LCS match masks the configured types need.
    ///
    /// With `vocab`, the vocabulary that analysed the text, bigrams are counted by the
    /// example's dense bigram ids ([`NgramTable::with_vocab`]): faster, and the same counts.
    /// Texts prepared with a vocabulary must be scored against texts prepared with the same
    /// vocabulary in the same example.
    pub fn prepare_reference(&self, analysed: Analysed, vocab: Option<&mut Vocab>) -> Prepared {
        self.prepare_side(analysed, true, vocab, false)
    }

    /// Prepares a candidate for scoring against `references` (prepared by
    /// [`prepare_reference`](RougeScorer::prepare_reference) with the same `vocab`): only what
    /// the candidate side needs. Its bigram table is left out when every reference counts
    /// bigrams from its masks; pass no references to build every table.
    pub fn prepare_candidate(
        &self,
        analysed: Analysed,
        vocab: Option<&mut Vocab>,
        references: &[Prepared],
    ) -> Prepared {
        let skip_bigrams =
            !references.is_empty() && references.iter().all(|r| r.bigram_masks().is_some());
        self.prepare_side(analysed, false, vocab, skip_bigrams)
    }

    fn prepare_side(
        &self,
        analysed: Analysed,
        reference: bool,
        mut vocab: Option<&mut Vocab>,
        skip_bigrams: bool,
    ) -> Prepared {
        let mut ngrams: Vec<NgramTable> = Vec::new();
        let mut whole_masks = None;
        let mut sentence_masks = Vec::new();
        let short = analysed.tokens.len() <= MASKED_BIGRAMS;
        let needs_masks = reference
            && (self.types.contains(&RougeType::L)
                || (short && self.types.contains(&RougeType::N(2))));
        if needs_masks {
            whole_masks = Some(MatchMasks::new(&analysed.tokens));
        }
        for &t in &self.types {
            match t {
                // A short reference counts bigrams from its masks; the candidate's table is
                // then only built if asked for (see `prepare_candidate_for`).
                RougeType::N(2) if (reference && short) || skip_bigrams => {}
                RougeType::N(n) => {
                    let n = n as usize;
                    if !ngrams.iter().any(|x| x.n() == n) {
                        ngrams.push(match vocab.as_deref_mut() {
                            Some(v) => NgramTable::with_vocab(&analysed.tokens, n, v),
                            None => NgramTable::new(&analysed.tokens, n),
                        });
                    }
                }
                RougeType::Lsum if reference => {
                    sentence_masks =
                        MatchMasks::of_sentences(&analysed.tokens, &analysed.sentences);
                }
                RougeType::L | RougeType::Lsum => {}
            }
        }
        Prepared {
            analysed,
            ngrams,
            whole_masks,
            sentence_masks,
        }
    }

    /// Counts of every configured type for one reference/candidate pair, in type order.
    ///
    /// Both must have been prepared by this scorer with ids from the same [`crate::text::Vocab`].
    pub fn score_prepared(
        &self,
        reference: &Prepared,
        candidate: &Prepared,
        scratch: &mut Scratch,
    ) -> Vec<Counts> {
        self.types
            .iter()
            .map(|&t| self.score_type(t, reference, candidate, scratch))
            .collect()
    }

    fn score_type(
        &self,
        t: RougeType,
        reference: &Prepared,
        candidate: &Prepared,
        scratch: &mut Scratch,
    ) -> Counts {
        let (r, c) = (&reference.analysed, &candidate.analysed);
        match t {
            RougeType::N(n) => {
                let n = n as usize;
                let hits = match (reference.table(n), candidate.table(n)) {
                    _ if n == 2 && reference.bigram_masks().is_some() => {
                        reference.bigram_masks().map(|m| bigram_hits(m, &c.tokens))
                    }
                    (Some(rt), Some(ct)) => rt.overlap(ct),
                    _ => None,
                };
                // Tables missing or not comparable (prepared differently): count afresh.
                let hits = hits.unwrap_or_else(|| {
                    let (rt, ct) = (NgramTable::new(&r.tokens, n), NgramTable::new(&c.tokens, n));
                    rt.overlap(&ct).unwrap_or(0)
                });
                let total = |len: usize| (len + 1).saturating_sub(n) as u64;
                Counts {
                    hits,
                    candidate_total: total(c.len()),
                    reference_total: total(r.len()),
                }
            }
            RougeType::L => {
                let hits = match &reference.whole_masks {
                    Some(m) => lcs_length(m, &c.tokens),
                    None => lcs_length(&MatchMasks::new(&r.tokens), &c.tokens),
                };
                Counts {
                    hits: hits as u64,
                    candidate_total: c.len() as u64,
                    reference_total: r.len() as u64,
                }
            }
            RougeType::Lsum => Counts {
                hits: lsum_hits(reference, candidate, scratch),
                candidate_total: c.sentence_tokens() as u64,
                reference_total: r.sentence_tokens() as u64,
            },
        }
    }

    /// rouge-score's `score_multi`: for each type, the counts of the reference with the best
    /// F-measure (the first reference wins ties). Empty when there is no reference.
    pub fn score_multi(
        &self,
        references: &[Prepared],
        candidate: &Prepared,
        scratch: &mut Scratch,
    ) -> Vec<RougeResult> {
        if references.is_empty() {
            return Vec::new();
        }
        let per_ref: Vec<Vec<Counts>> = references
            .iter()
            .map(|r| self.score_prepared(r, candidate, scratch))
            .collect();
        self.types
            .iter()
            .enumerate()
            .map(|(k, &rouge_type)| {
                let mut best = 0;
                let mut best_f = per_ref[0][k].score().fmeasure;
                for (i, counts) in per_ref.iter().enumerate().skip(1) {
                    let f = counts[k].score().fmeasure;
                    if f > best_f {
                        best = i;
                        best_f = f;
                    }
                }
                RougeResult {
                    rouge_type,
                    reference: best,
                    counts: per_ref[best][k],
                }
            })
            .collect()
    }
}

/// ROUGE-Lsum hits: union LCS per reference sentence, clipped by whole-text token counts.
fn lsum_hits(reference: &Prepared, candidate: &Prepared, scratch: &mut Scratch) -> u64 {
    let (r, c) = (&reference.analysed, &candidate.analysed);
    if r.is_empty() || c.is_empty() {
        return 0;
    }
    let own_masks;
    let masks: &[MatchMasks] = if reference.sentence_masks.len() == r.sentences.len() {
        &reference.sentence_masks
    } else {
        own_masks = MatchMasks::of_sentences(&r.tokens, &r.sentences);
        &own_masks
    };
    let vocab = r
        .tokens
        .iter()
        .chain(&c.tokens)
        .copied()
        .max()
        .map_or(0, |m| m as usize + 1);
    let Scratch {
        lcs,
        union,
        ref_count,
        cand_count,
    } = scratch;
    ref_count.clear();
    ref_count.resize(vocab, 0);
    cand_count.clear();
    cand_count.resize(vocab, 0);
    // Slices, so that the loops keep their pointers and lengths in registers (through the
    // `Vec`s behind `scratch` the compiler may reload them after every store).
    let (ref_count, cand_count) = (&mut ref_count[..], &mut cand_count[..]);
    // the sentences' tokens (the text's, but for the space tokens a segmenter leaves between
    // lines, which belong to no sentence)
    for &t in r.sentence_slices().flatten() {
        ref_count[t as usize] += 1;
    }
    for &t in c.sentence_slices().flatten() {
        cand_count[t as usize] += 1;
    }
    let mut hits = 0u64;
    for (si, rs) in r.sentence_slices().enumerate() {
        let m = &masks[si];
        union.clear();
        union.resize(rs.len().div_ceil(64), 0);
        if m.words() == 1 {
            // The common case: the rows of every candidate sentence in one pass.
            lcs_union_word(m, &c.tokens, &c.sentences, lcs, &mut union[0]);
        } else {
            long_sentence_union(rs, m, c, lcs, union);
        }
        for (w, &word) in union.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let t = rs[i] as usize;
                if cand_count[t] > 0 && ref_count[t] > 0 {
                    hits += 1;
                    cand_count[t] -= 1;
                    ref_count[t] -= 1;
                }
            }
        }
    }
    hits
}

/// ROUGE-Lsum's union for a reference sentence of more than 64 tokens: the LCS with each
/// candidate sentence in turn, skipping the sentences that share no token with it (a 64-bit
/// signature of each sentence's ids, bit `id % 64`, rules most of them out cheaply). Not
/// inlined: the rare path, kept out of `lsum_hits`'s loop.
#[inline(never)]
fn long_sentence_union(
    rs: &[u32],
    masks: &MatchMasks,
    c: &Analysed,
    lcs: &mut LcsScratch,
    union: &mut [u64],
) {
    let signature = |s: &[u32]| s.iter().fold(0u64, |acc, &t| acc | 1u64 << (t % 64));
    let rsig = signature(rs);
    for cs in c.sentence_slices() {
        if rsig & signature(cs) != 0 {
            lcs_indices(rs, masks, cs, lcs, |i| union[i / 64] |= 1u64 << (i % 64));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Analyzer, Stemmer, Vocab};

    fn score(reference: &str, candidate: &str, t: RougeType) -> Score {
        let scorer = RougeScorer::new(&[t]);
        let analyzer = Analyzer::new(Stemmer::None);
        let mut vocab = Vocab::new();
        let r = scorer.prepare_reference(analyzer.analyse(reference, &mut vocab), None);
        let c = scorer.prepare_candidate(analyzer.analyse(candidate, &mut vocab), None, &[]);
        scorer.score_prepared(&r, &c, &mut Scratch::default())[0].score()
    }

    #[test]
    fn lsum_tie_break_gives_three_quarters() {
        // rouge-spec.md: both tools give F 0.75, not 1.0.
        let s = score(
            "first line second line",
            "first line\nsecond line",
            RougeType::Lsum,
        );
        assert_eq!(s.fmeasure, 0.75);
    }

    #[test]
    fn rouge_types_parse_and_print() {
        for name in ["rouge1", "rouge9", "rougeL", "rougeLsum"] {
            assert_eq!(name.parse::<RougeType>().unwrap().name(), name);
        }
        for bad in ["rouge0", "rouge10", "rougel", "rouge", "rouge1x"] {
            assert!(bad.parse::<RougeType>().is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_texts_score_zero() {
        for t in RougeType::default_set() {
            assert_eq!(score("", "a b", t), Score::default());
            assert_eq!(score("a b", "", t), Score::default());
            assert_eq!(score(" ... ", "!!", t), Score::default());
        }
    }
}

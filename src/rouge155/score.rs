//! ROUGE-1.5.5's scores of one peer against its models: ROUGE-N, ROUGE-L (summary level, the
//! union LCS of each model sentence against every peer sentence, hits clipped by unigram
//! counts), ROUGE-W (weighted LCS) and ROUGE-S / ROUGE-SU (skip bigrams), with the `-f A`
//! (pooled over models) and `-f B` (best model) formulas and the script's rounding: R and P
//! rounded to five decimals, F computed from the rounded R and P (`computeNGramScore`,
//! `computeLCSScore`, `computeWLCSScore`, `computeSkipBigramScore`).

use rustc_hash::FxHashMap;

use super::text::{Limit, Tokenizer, read_text, read_text_lcs};

/// A ROUGE-1.5.5 measure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// ROUGE-N.
    N(usize),
    /// ROUGE-L.
    L,
    /// ROUGE-W with this weight (`-w`).
    W(f64),
    /// ROUGE-S (`unigrams` false) or ROUGE-SU with this skip distance (`-2`; negative: no
    /// limit).
    S {
        /// The maximum number of words between the two words of a skip bigram.
        distance: f64,
        /// Count unigrams too (`-u`, ROUGE-SU).
        unigrams: bool,
    },
}

/// How the models' counts combine (`-f`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Formula {
    /// `-f A` (and any other value but `B`): counts pooled over the models.
    #[default]
    Average,
    /// `-f B`: the counts of the model with the best recall.
    Best,
}

/// How a text is read and tokenised.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading {
    /// `-l` / `-b`.
    pub limit: Limit,
    /// `-m`: stem peers and models.
    pub stem: bool,
    /// `-M`: stem the models only, where the script does (skip bigrams, ROUGE-L; for ROUGE-W
    /// only the unigram counts that clip its hits).
    pub stem_models: bool,
}

/// The script's result vector for one evaluation: model count, hits, R, peer count, P, F
/// (counts are weighted for ROUGE-W).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Total model count (n-grams, LCS base, weighted base).
    pub model_count: f64,
    /// Total hits.
    pub hits: f64,
    /// Total peer count.
    pub peer_count: f64,
    /// Recall, rounded to five decimals.
    pub recall: f64,
    /// Precision, rounded to five decimals.
    pub precision: f64,
    /// F from the rounded recall and precision, rounded to five decimals.
    pub fmeasure: f64,
}

/// `sprintf("%7.5f", x)` read back as a number.
pub fn round5(x: f64) -> f64 {
    format!("{x:7.5}").trim().parse().unwrap_or(0.0)
}

/// One summary: its sentences, extracted from its file and ASCII-lowercased.
pub type Sentences = [Vec<u8>];

/// A tokenised peer or model in both of the script's readings.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// The `readText` tokens (n-grams, skip bigrams, unigram clipping counts).
    pub tokens: Vec<u32>,
    /// The `readText_LCS` tokens, by sentence.
    pub sentences: Vec<Vec<u32>>,
}

/// Tokenise a summary in both readings (the script re-reads its files for every measure; the
/// readings are the same each time, so they are made once).
pub fn prepare(tok: &mut Tokenizer<'_>, text: &Sentences, limit: Limit, stem: bool) -> Side {
    let tokens = read_text(text, limit).map_or_else(Vec::new, |t| tok.tokens(&t, stem));
    let sentences = read_text_lcs(text, limit)
        .iter()
        .map(|s| tok.tokens(s, stem))
        .collect();
    Side { tokens, sentences }
}

fn ngrams(tokens: &[u32], n: usize) -> (FxHashMap<&[u32], u32>, u32) {
    let mut m: FxHashMap<&[u32], u32> = FxHashMap::default();
    if n == 0 || tokens.len() < n {
        return (m, 0);
    }
    for w in tokens.windows(n) {
        *m.entry(w).or_insert(0) += 1;
    }
    (m, (tokens.len() + 1 - n) as u32)
}

/// `createSkipBigram`: pairs (i, j), i < j ≤ i + distance + 1, and with `unigrams` the unigram
/// of every position but the last, as sorted keys (`a << 32 | b`; a unigram has `b` =
/// `u32::MAX`). Sorted keys make the clipped count a merge (a skip-bigram table has up to
/// n²/2 entries: hashing them was half of the run time).
fn skip_bigrams(tokens: &[u32], distance: f64, unigrams: bool) -> Vec<u64> {
    let n = tokens.len();
    let mut keys: Vec<u64> = Vec::new();
    for i in 0..n.saturating_sub(1) {
        let a = u64::from(tokens[i]) << 32;
        if unigrams {
            keys.push(a | u64::from(u32::MAX));
        }
        let mut j = i + 1;
        while j < n && (distance < 0.0 || (j as f64) <= i as f64 + distance + 1.0) {
            keys.push(a | u64::from(tokens[j]));
            j += 1;
        }
    }
    keys.sort_unstable();
    keys
}

/// Σ over the distinct keys of `model` of min(count in model, count in peer), both sorted.
fn clipped_hits_sorted(model: &[u64], peer: &[u64]) -> u32 {
    let (mut i, mut j, mut hits) = (0usize, 0usize, 0u32);
    while i < model.len() && j < peer.len() {
        match model[i].cmp(&peer[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let k = model[i];
                let (i0, j0) = (i, j);
                while i < model.len() && model[i] == k {
                    i += 1;
                }
                while j < peer.len() && peer[j] == k {
                    j += 1;
                }
                hits += u32::try_from((i - i0).min(j - j0)).unwrap_or(u32::MAX);
            }
        }
    }
    hits
}

fn clipped_hits<K: Eq + std::hash::Hash>(
    model: &FxHashMap<K, u32>,
    peer: &FxHashMap<K, u32>,
) -> u32 {
    model
        .iter()
        .map(|(g, &c)| peer.get(g).map_or(0, |&p| p.min(c)))
        .sum()
}

/// The rounded score of one model (`ngramScore`: `sprintf("%07.5f")`, 0 without model grams).
fn model_score(hits: u32, count: u32) -> f64 {
    if count == 0 {
        0.0
    } else {
        round5(f64::from(hits) / f64::from(count))
    }
}

/// Pools or picks the per-model (hits, model count, peer count, score) into totals.
fn combine(
    per_model: impl Iterator<Item = (f64, f64, f64, f64)>,
    formula: Formula,
) -> (f64, f64, f64) {
    let (mut hits, mut model, mut peer) = (0.0, 0.0, 0.0);
    let mut best = -1.0;
    for (h, m, p, score) in per_model {
        match formula {
            Formula::Average => {
                hits += h;
                model += m;
                peer += p;
            }
            Formula::Best => {
                if score > best {
                    best = score;
                    hits = h;
                    model = m;
                    peer = p;
                }
            }
        }
    }
    (hits, model, peer)
}

/// R, P (rounded), F from them (`(P·R) / ((1 − α)P + αR)`, rounded), as the script ends every
/// score; `invert` maps a ratio first (ROUGE-W's `^(1/W)`).
fn finish(hits: f64, model: f64, peer: f64, alpha: f64, invert: impl Fn(f64) -> f64) -> Outcome {
    let recall = if model != 0.0 {
        round5(invert(hits / model))
    } else {
        0.0
    };
    let precision = if peer != 0.0 {
        round5(invert(hits / peer))
    } else {
        0.0
    };
    let d = (1.0 - alpha) * precision + alpha * recall;
    let fmeasure = if d > 0.0 {
        round5(precision * recall / d)
    } else {
        0.0
    };
    Outcome {
        model_count: model,
        hits,
        peer_count: peer,
        recall,
        precision,
        fmeasure,
    }
}

/// Unigram counts (the clipping table of the LCS scores).
fn unigram_counts(tokens: &[u32]) -> FxHashMap<u32, i64> {
    let mut m: FxHashMap<u32, i64> = FxHashMap::default();
    for &t in tokens {
        *m.entry(t).or_insert(0) += 1;
    }
    m
}

/// Marks in `mask` the model positions of one LCS of `model` and `peer` (`lcs_inner` /
/// `wlcs_inner` and `markLCS`: a match goes diagonal; otherwise up when the cell above is at
/// least the cell to the left, else left).
fn mark_lcs(model: &[u32], peer: &[u32], mask: &mut [bool], weight: Option<f64>) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 {
        return;
    }
    let w = n + 1;
    // the directions of the whole table (1 byte a cell: 0 none, 1 diagonal, 2 up, 3 left);
    // the scores and run lengths of two rows only
    let mut dir = vec![0u8; (m + 1) * w];
    let (mut prev, mut cur) = (vec![0.0f64; w], vec![0.0f64; w]);
    let (mut prev_run, mut cur_run) = (vec![0u32; w], vec![0u32; w]);
    for i in 1..=m {
        cur[0] = 0.0;
        cur_run[0] = 0;
        for j in 1..=n {
            let at = i * w + j;
            if model[i - 1] == peer[j - 1] {
                match weight {
                    None => cur[j] = prev[j - 1] + 1.0,
                    Some(f) => {
                        let k = prev_run[j - 1];
                        cur[j] = prev[j - 1] + f64::from(k + 1).powf(f) - f64::from(k).powf(f);
                        cur_run[j] = k + 1;
                    }
                }
                dir[at] = 1;
            } else if prev[j] >= cur[j - 1] {
                cur[j] = prev[j];
                cur_run[j] = 0;
                dir[at] = 2;
            } else {
                cur[j] = cur[j - 1];
                cur_run[j] = 0;
                dir[at] = 3;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_run, &mut cur_run);
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match dir[i * w + j] {
            1 => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
}

/// The clipped union-LCS hits of one model against the peer, and the model's base: plain
/// (`lcs`) or weighted (`wlcs`, hits and base as sums of `len^W`).
fn lcs_hits(
    model: &[Vec<u32>],
    peer: &[Vec<u32>],
    model_counts: &mut FxHashMap<u32, i64>,
    peer_counts: &mut FxHashMap<u32, i64>,
    weight: Option<f64>,
) -> (f64, f64) {
    let f = |k: f64| weight.map_or(k, |w| k.powf(w));
    let (mut hits, mut base) = (0.0, 0.0);
    for sent in model {
        let mut mask = vec![false; sent.len()];
        base += f(sent.len() as f64);
        for p in peer {
            mark_lcs(sent, p, &mut mask, weight);
        }
        let mut run = 0u32;
        for (j, &t) in sent.iter().enumerate() {
            if !mask[j] {
                continue;
            }
            let ok = model_counts.get(&t).is_some_and(|&c| c > 0)
                && peer_counts.get(&t).is_some_and(|&c| c > 0);
            if !ok {
                continue;
            }
            match weight {
                None => hits += 1.0,
                Some(w) => {
                    // a run of consecutive hits scores len^W when it ends
                    run += 1;
                    if (j + 1 < sent.len() && !mask[j + 1]) || j + 1 == sent.len() {
                        hits += f64::from(run).powf(w);
                        run = 0;
                    }
                }
            }
            if let Some(c) = model_counts.get_mut(&t) {
                *c -= 1;
            }
            if let Some(c) = peer_counts.get_mut(&t) {
                *c -= 1;
            }
        }
    }
    (hits, base)
}

fn count_of(keys: &[u64]) -> u32 {
    u32::try_from(keys.len()).unwrap_or(u32::MAX)
}

/// The outcome of an n-gram or skip-bigram score from each model's (hits, gram count) and the
/// peer's gram count (`computeNGramScore`, `computeSkipBigramScore`).
fn gram_outcome(
    per_model: impl Iterator<Item = (u32, u32)>,
    peer: u32,
    formula: Formula,
    alpha: f64,
) -> Outcome {
    let per = per_model.map(|(h, mc)| {
        (
            f64::from(h),
            f64::from(mc),
            f64::from(peer),
            model_score(h, mc),
        )
    });
    let (h, m, p) = combine(per, formula);
    finish(h, m, p, alpha, |x| x)
}

/// The score of `measure` for one peer against its models (tokenising them with `tok`).
pub fn score(
    tok: &mut Tokenizer<'_>,
    measure: Measure,
    peer: &Sentences,
    models: &[&Sentences],
    reading: Reading,
    formula: Formula,
    alpha: f64,
) -> Outcome {
    let limit = reading.limit;
    let p = prepare(tok, peer, limit, reading.stem);
    let plain: Vec<Side> = models
        .iter()
        .map(|m| prepare(tok, m, limit, reading.stem))
        .collect();
    let stemmed: Vec<Side> = if reading.stem_models && !reading.stem {
        models
            .iter()
            .map(|m| prepare(tok, m, limit, true))
            .collect()
    } else {
        plain.clone()
    };
    let plain: Vec<&Side> = plain.iter().collect();
    let stemmed: Vec<&Side> = stemmed.iter().collect();
    score_prepared(measure, &p, &plain, &stemmed, formula, alpha)
}

/// The score of `measure` for one prepared peer against its prepared models: `models` read
/// with `-m`'s stemming, `models_m` with `-m` or `-M`'s (the same when `-M` is not given; the
/// script applies `-M` to skip bigrams and ROUGE-L, and for ROUGE-W only to the unigram counts
/// that clip its hits).
pub fn score_prepared(
    measure: Measure,
    peer: &Side,
    models: &[&Side],
    models_m: &[&Side],
    formula: Formula,
    alpha: f64,
) -> Outcome {
    match measure {
        Measure::N(n) => {
            let (pg, pc) = ngrams(&peer.tokens, n);
            let per = models.iter().map(|ms| {
                let (mg, mc) = ngrams(&ms.tokens, n);
                (clipped_hits(&mg, &pg), mc)
            });
            gram_outcome(per, pc, formula, alpha)
        }
        Measure::S { distance, unigrams } => {
            let pg = skip_bigrams(&peer.tokens, distance, unigrams);
            let per = models_m.iter().map(|ms| {
                let mg = skip_bigrams(&ms.tokens, distance, unigrams);
                (clipped_hits_sorted(&mg, &pg), count_of(&mg))
            });
            gram_outcome(per, count_of(&pg), formula, alpha)
        }
        Measure::L | Measure::W(_) => {
            let weight = match measure {
                Measure::W(w) => Some(w),
                _ => None,
            };
            let peer_total = peer.tokens.len() as f64;
            let peer_counts = unigram_counts(&peer.tokens);
            let per = models.iter().zip(models_m).map(|(plain, with_m)| {
                let units = if weight.is_none() {
                    &with_m.sentences
                } else {
                    &plain.sentences
                };
                let mut model_counts = unigram_counts(&with_m.tokens);
                let mut pc = peer_counts.clone();
                let (h, base) =
                    lcs_hits(units, &peer.sentences, &mut model_counts, &mut pc, weight);
                match weight {
                    None => {
                        let s = if base > 0.0 { h / base } else { 0.0 };
                        (h, base, peer_total, s)
                    }
                    Some(w) => {
                        let s = if base > 0.0 {
                            (h / base).powf(1.0 / w)
                        } else {
                            0.0
                        };
                        (h, base.powf(w), peer_total.powf(w), s)
                    }
                }
            });
            let (h, m, pcount) = combine(per, formula);
            match weight {
                None => finish(h, m, pcount, alpha, |x| x),
                Some(w) => finish(h, m, pcount, alpha, |x| x.powf(1.0 / w)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Formula, Measure, Reading, round5, score};
    use crate::rouge155::text::Tokenizer;

    fn lines(t: &str) -> Vec<Vec<u8>> {
        t.lines()
            .map(|l| l.to_ascii_lowercase().into_bytes())
            .collect()
    }

    #[test]
    fn rounding_is_printf() {
        assert_eq!(round5(0.015625), 0.01562);
        assert_eq!(round5(2.0 / 3.0), 0.66667);
    }

    /// The reference page's examples: SU4 never counts the last token's unigram; ROUGE-L is
    /// summary level with rouge-score's tie-break (F 0.75).
    #[test]
    fn reference_page_examples() {
        let mut t = Tokenizer::new(None);
        let su4 = Measure::S {
            distance: 4.0,
            unigrams: true,
        };
        let r = score(
            &mut t,
            su4,
            &lines("b a"),
            &[&lines("a b")],
            Reading::default(),
            Formula::Average,
            0.5,
        );
        assert_eq!((r.recall, r.precision, r.fmeasure), (0.0, 0.0, 0.0));
        let r = score(
            &mut t,
            Measure::L,
            &lines("first line\nsecond line"),
            &[&lines("first line second line")],
            Reading::default(),
            Formula::Average,
            0.5,
        );
        assert_eq!((r.recall, r.precision, r.fmeasure), (0.75, 0.75, 0.75));
    }
}

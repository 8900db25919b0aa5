//! Lexical support: which of a candidate's content words and word n-grams occur in the source.
//!
//! A summary that invents content has words and word sequences the article does not have;
//! a faithful one, even an abstractive one, mostly reuses the article's words. This module
//! measures that for every candidate that has a word, whatever its casing or tokenisation:
//!
//! * **units**: the words of the facts word stream (letters and digits, split at hyphens),
//!   lowercased, without possessives, with the English clitics of tokenised text undone so
//!   that `does n't` matches `doesn't` and `obama 's` matches `Obama's` (the clitic tokens
//!   `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` are dropped, and the same suffixes are
//!   stripped from untokenised words);
//! * **content n-grams** (n = 1, 2, 3): n consecutive candidate units of which at least one is
//!   not a stop word (the English list of the `stop-words` crate);
//! * an n-gram is **supported** when the same units occur consecutively in the source.
//!
//! [`Support::share`] is the share of supported content n-grams for each n, and
//! [`Support::score`] their mean over the orders the candidate has. The content words the
//! source does not have are listed with their spans, adjacent ones together (`john smith`),
//! so that `explain` can show each of them.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::tokens::WordStream;

/// The longest n-gram order measured.
pub const MAX_ORDER: usize = 3;

/// The English stop words (the `stop-words` crate's list), lowercased.
fn stop_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| stop_words::get("en").iter().copied().collect())
}

/// Is `unit` (a lowercased unit) an English stop word?
pub(crate) fn is_stop_word(unit: &str) -> bool {
    stop_words().contains(unit)
}

/// The clitics that tokenised text writes as their own tokens.
const CLITICS: [&str; 7] = ["n't", "s", "re", "ve", "ll", "d", "m"];

/// The units of one text, indexed for n-gram look-ups.
#[derive(Debug, Default)]
pub(crate) struct Units<'a> {
    /// Unit ids in text order.
    seq: Vec<u32>,
    /// The word (of the word stream) each unit comes from.
    word: Vec<u32>,
    /// Does a sentence start at this unit (the text's first unit, or a line break or one of
    /// `.`, `!`, `?` since the previous unit)?
    sentence_start: Vec<bool>,
    /// Unit strings by id.
    strings: Vec<Cow<'a, str>>,
    ids: FxHashMap<Cow<'a, str>, u32>,
    /// Is unit id `k` a stop word?
    stop: Vec<bool>,
    /// Positions (in `seq`) of id `k`: `positions[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl<'a> Units<'a> {
    /// The units of `text`'s word stream `ws`.
    pub(crate) fn new(text: &'a str, ws: &WordStream<'a>) -> Self {
        let mut u = Units::default();
        let mut prev_end = 0usize;
        for i in 0..ws.words.len() {
            let w = &ws.words[i];
            let stored = ws.base_cow(i);
            let base: &str = stored;
            // a clitic token: `n't`, or `s`/`re`/... right after an apostrophe
            let after_apostrophe = text[..w.start]
                .chars()
                .next_back()
                .is_some_and(super::tokens::is_apostrophe);
            if base == "n't" || (after_apostrophe && CLITICS.contains(&base)) {
                continue;
            }
            let gap = text.get(prev_end..w.start).unwrap_or("");
            let mut starts_sentence = u.seq.is_empty() || gap.contains(['\n', '.', '!', '?']);
            prev_end = w.end;
            if base.starts_with(|c: char| c.is_ascii_digit()) {
                // numbers by digit group, whatever the separators (`235,000` = `235, 000`,
                // `122.5` = `122. 5`), as rouge-score's tokens have them
                let surface = text.get(w.start..w.end).unwrap_or("");
                for group in surface.split(|c: char| !c.is_ascii_digit()) {
                    if !group.is_empty() {
                        u.push(Cow::Borrowed(group), i, starts_sentence);
                        starts_sentence = false;
                    }
                }
                continue;
            }
            let key = strip_clitic(base);
            if key.is_empty() {
                continue;
            }
            let key: Cow<'a, str> = if key.len() == base.len() {
                stored.clone()
            } else {
                Cow::Owned(key.to_owned())
            };
            u.push(key, i, starts_sentence);
        }
        let (starts, positions) =
            super::tokens::positions_by_id(u.seq.iter().copied(), u.strings.len());
        u.starts = starts;
        u.positions = positions;
        u
    }

    /// Append the unit `key` of word `word`.
    fn push(&mut self, key: Cow<'a, str>, word: usize, sentence_start: bool) {
        let id = match self.ids.get(key.as_ref()) {
            Some(&id) => id,
            None => {
                let id = self.strings.len() as u32;
                self.stop.push(is_stop_word(&key));
                self.strings.push(key.clone());
                self.ids.insert(key, id);
                id
            }
        };
        self.sentence_start.push(sentence_start);
        self.seq.push(id);
        self.word.push(word as u32);
    }

    fn positions_of(&self, id: u32) -> &[u32] {
        let k = id as usize;
        &self.positions[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// Does the unit sequence `keys` occur consecutively here?
    fn contains(&self, keys: &[&str]) -> bool {
        let mut ids = [0u32; MAX_ORDER];
        for (slot, k) in ids.iter_mut().zip(keys) {
            match self.ids.get(*k) {
                Some(&id) => *slot = id,
                None => return false,
            }
        }
        let ids = &ids[..keys.len()];
        // anchor on the rarest unit
        let (anchor, _) = ids
            .iter()
            .enumerate()
            .min_by_key(|(_, id)| self.positions_of(**id).len())
            .expect("at least one unit");
        self.positions_of(ids[anchor]).iter().any(|&p| {
            let p = p as usize;
            p >= anchor
                && p - anchor + ids.len() <= self.seq.len()
                && self.seq[p - anchor..p - anchor + ids.len()] == *ids
        })
    }
}

/// `word` without a clitic suffix (`doesn't` → `does`, `they're` → `they`).
fn strip_clitic(word: &str) -> &str {
    if let Some(s) = word.strip_suffix("n't") {
        return s;
    }
    for c in ["'re", "'ve", "'ll", "'d", "'m"] {
        if let Some(s) = word.strip_suffix(c) {
            return s;
        }
    }
    word
}

/// Lexical support of one candidate against one source.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Support {
    /// Per order n = 1..=3: (supported, total) content n-grams of the candidate.
    pub counts: [(u64, u64); MAX_ORDER],
    /// Units of the candidate (all words, stop words included).
    pub units: u64,
    /// The candidate's content words the source does not have, as distinct runs of adjacent
    /// such words within a sentence (`john smith`), in text order, with the byte
    /// span of their first mention.
    pub unsupported: Vec<(String, (usize, usize))>,
    /// Sum over the candidate's sentences with a content word of their sentence support
    /// (see [`Support::sentence_score`]), and the number of those sentences.
    pub sentences: (f64, u64),
}

impl Support {
    /// Share of the candidate's content n-grams of order `n` (1..=3) that the source has;
    /// `None` when the candidate has none of that order.
    pub fn share(&self, n: usize) -> Option<f64> {
        let (s, t) = *self.counts.get(n.checked_sub(1)?)?;
        (t > 0).then(|| s as f64 / t as f64)
    }

    /// The mean over the candidate's sentences of their sentence support: the share of the
    /// sentence's content words found in the source times the share of its content 3-grams
    /// (within the sentence) found in the source (a sentence of fewer than three units uses
    /// its word share for both). `None` when no sentence has a content word.
    pub fn sentence_score(&self) -> Option<f64> {
        let (sum, n) = self.sentences;
        (n > 0).then(|| sum / n as f64)
    }

    /// The mean of the shares over the orders the candidate has (`None` when it has no
    /// content word).
    pub fn score(&self) -> Option<f64> {
        let shares: Vec<f64> = (1..=MAX_ORDER).filter_map(|n| self.share(n)).collect();
        (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    }
}

/// Lexical support of the candidate units `cand` (over `cand_ws`) against the source units.
pub(crate) fn support(source: &Units<'_>, cand: &Units<'_>, cand_ws: &WordStream<'_>) -> Support {
    let mut out = Support {
        units: cand.seq.len() as u64,
        ..Support::default()
    };
    let keys: Vec<&str> = cand
        .seq
        .iter()
        .map(|&id| &*cand.strings[id as usize])
        .collect();
    // per order and window start: `None` for a window of stop words only, else whether the
    // source has it (the sentence scores below reuse these look-ups)
    let mut hits: [Vec<Option<bool>>; MAX_ORDER] = Default::default();
    for n in 1..=MAX_ORDER {
        for p in 0..(keys.len() + 1).saturating_sub(n) {
            let hit = (!cand.seq[p..p + n].iter().all(|&id| cand.stop[id as usize]))
                .then(|| source.contains(&keys[p..p + n]));
            if let Some(hit) = hit {
                let c = &mut out.counts[n - 1];
                c.1 += 1;
                c.0 += u64::from(hit);
            }
            hits[n - 1].push(hit);
        }
    }
    let missing: Vec<bool> = hits[0].iter().map(|h| *h == Some(false)).collect();
    // runs of adjacent unsupported content words within a sentence, distinct, in text order
    let mut listed: FxHashSet<String> = FxHashSet::default();
    let mut p = 0;
    while p < keys.len() {
        if !missing[p] {
            p += 1;
            continue;
        }
        let mut e = p + 1;
        while e < keys.len() && missing[e] && !cand.sentence_start[e] {
            e += 1;
        }
        let run = keys[p..e].join(" ");
        if listed.insert(run.clone()) {
            let first = &cand_ws.words[cand.word[p] as usize];
            let last = &cand_ws.words[cand.word[e - 1] as usize];
            out.unsupported.push((run, (first.start, last.end)));
        }
        p = e;
    }
    out.sentences = sentence_support(cand, &hits);
    out
}

/// The sum of the candidate's sentence supports and the number of sentences that have one,
/// from the look-ups of [`support`] (`hits[n - 1][p]`: the window of order `n` at `p`).
fn sentence_support(cand: &Units<'_>, hits: &[Vec<Option<bool>>; MAX_ORDER]) -> (f64, u64) {
    let len = cand.seq.len();
    let mut sum = 0.0;
    let mut n = 0u64;
    let mut start = 0usize;
    while start < len {
        let end = (start + 1..len)
            .find(|&p| cand.sentence_start[p])
            .unwrap_or(len);
        // the share of supported content windows of order `k` inside the sentence
        let share = |k: usize| -> Option<f64> {
            let inside = hits[k - 1].get(start..(end + 1).saturating_sub(k))?;
            let (hit, total) = inside
                .iter()
                .flatten()
                .fold((0u64, 0u64), |(h, t), &x| (h + u64::from(x), t + 1));
            (total > 0).then(|| hit as f64 / total as f64)
        };
        let words = share(1);
        let grams = if end - start >= MAX_ORDER {
            share(MAX_ORDER)
        } else {
            None
        };
        if let Some(v) = match (words, grams) {
            (Some(w), Some(g)) => Some(w * g),
            (Some(w), None) => Some(w * w),
            (None, Some(g)) => Some(g * g),
            (None, None) => None,
        } {
            sum += v;
            n += 1;
        }
        start = end;
    }
    (sum, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::facts::tokens::tokenize;

    fn run(source: &str, cand: &str) -> Support {
        let (st, ct) = (tokenize(source), tokenize(cand));
        let (sw, cw) = (WordStream::new(&st), WordStream::new(&ct));
        let (su, cu) = (Units::new(source, &sw), Units::new(cand, &cw));
        support(&su, &cu, &cw)
    }

    #[test]
    fn worked_example() {
        // candidate units: kim met putin in paris (`in` is a stop word)
        // unigrams kim, met, putin, paris: 3 of 4 in the source (not `paris`)
        // bigrams kim met, met putin, putin in, in paris: 3 of 4 (not `in paris`)
        // trigrams kim met putin, met putin in, putin in paris: 2 of 3
        let s = run(
            "Kim met Putin in Moscow on Tuesday.",
            "kim met putin in paris",
        );
        assert_eq!(s.counts, [(3, 4), (3, 4), (2, 3)]);
        assert_eq!(s.score(), Some((0.75 + 0.75 + 2.0 / 3.0) / 3.0));
        assert_eq!(s.unsupported, vec![("paris".to_owned(), (17, 22))]);
    }

    #[test]
    fn sentence_support_worked_example() {
        // sentence 1 `kim met putin in paris`: words 3/4, content 3-grams 2/3 -> 0.5
        // sentence 2 `putin smiled`: words 1/2 (`smiled` is not in the source), under three
        // units -> 0.5 * 0.5 = 0.25
        let s = run(
            "Kim met Putin in Moscow on Tuesday.",
            "kim met putin in paris. putin smiled",
        );
        assert_eq!(s.sentences, (0.5 + 0.25, 2));
        assert_eq!(s.sentence_score(), Some(0.375));
        // a line break starts a sentence too; stop words only: no sentence support
        let s = run("Kim met Putin.", "kim met putin\nit is");
        assert_eq!(s.sentences, (1.0, 1));
    }

    #[test]
    fn tokenised_clitics_match_their_written_forms() {
        let s = run(
            "Obama's plan doesn't work, they're sure.",
            "obama 's plan does n't work , they 're sure .",
        );
        assert_eq!(s.counts[0].0, s.counts[0].1, "{s:?}");
        assert_eq!(s.counts[2].0, s.counts[2].1, "{s:?}");
        assert!(s.unsupported.is_empty());
    }

    #[test]
    fn unsupported_words_are_listed_as_runs() {
        let s = run(
            "Kim met Putin in Moscow. Putin smiled.",
            "john smith met putin. smith met 9,000 troops in moscow",
        );
        let runs: Vec<&str> = s.unsupported.iter().map(|(w, _)| w.as_str()).collect();
        // the second sentence's `smith` is a run of its own; a number's digit groups and the next
        // unsupported word make one run
        assert_eq!(runs, ["john smith", "smith", "9 000 troops"]);
        assert_eq!(s.unsupported[0].1, (0, 10));
    }

    #[test]
    fn numbers_match_by_digit_group() {
        let s = run(
            "It was viewed 235, 000 times by age 122. 5 here.",
            "viewed 235,000 times by age 122.5",
        );
        // units viewed 235 000 times by age 122 5 (`by` a stop word): every n-gram supported
        assert_eq!(s.counts, [(7, 7), (7, 7), (6, 6)], "{s:?}");
        assert_eq!(s.units, 8);
    }

    #[test]
    fn nothing_to_check() {
        let s = run("Some source text.", "");
        assert_eq!(s.score(), None);
        assert_eq!(s.units, 0);
        // stop words only: units but no content n-gram
        let s = run("Some source text.", "it is what it is");
        assert_eq!(s.units, 5);
        assert_eq!(s.score(), None);
    }
}

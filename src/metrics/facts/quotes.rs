//! Quote facts: spans between quotation marks, compared word by word.
//!
//! # Marks
//! `"…"`, `“…”`, `‘…’`, `«…»`, `„…“`, and PTB `` `` … '' ``. A `‘` must open a single-quoted
//! span; apostrophes inside words (`Russia’s`) never close it. Quotes nested in a double-quoted
//! span are part of it. Doubled openers (`““the visit…`) count once. A double-quoted span left
//! open at the end of a paragraph runs to the paragraph end (the multi-paragraph quotation
//! convention); an unclosed single-quoted span is dropped. A quote needs at least
//! [`MIN_QUOTE_WORDS`] words.
//!
//! Outside English ([`FactDoc::with_lang`](super::FactDoc::with_lang)) every style is read:
//! `« »` and `«\u{a0}…\u{a0}»`, `‹ ›`, `„ “`, `„ ”`, `‚ ‘`, `‚ ’`, `“ ”`, `‘ ’`, `「 」`, `『 』`,
//! `﹁ ﹂`, `” ”` and `» »` (Swedish, Finnish), `» «` (German, Danish), `"` and PTB
//! `` `` … '' ``; the language's own pairs ([`Profile::quotes`]) decide which closing marks
//! a mark that opens in several pairs takes. Each character of a script written without
//! spaces (Chinese, Japanese, Thai …) is a word of its own there, so such quotes are compared
//! character by character, and count as long enough from six characters (a character is half
//! a word: `「一带一路」` is a term, not a quote).
//!
//! # Comparison
//! Words are lowercased, apostrophes unified, hyphenated words split, punctuation ignored.
//! * **verbatim**: the candidate quote's words occur contiguously in the source (inside a
//!   source quote or in its running text);
//! * **altered**: otherwise, the best approximate-substring alignment (word-level edit distance
//!   with free ends in the source quote) against one source quote gives a similarity
//!   `1 − edits / max(|candidate|, |aligned source window|)` of at least
//!   [`ALTERED_THRESHOLD`] with at least two words in common; the words removed from the
//!   source window and added by the candidate are reported;
//! * **unsupported** otherwise.

use super::lang::Profile;
use super::tokens::{Tok, TokKind, Toks, WordStream, is_unspaced};
use super::{Detail, Fact, FactKind};
use rustc_hash::FxHashMap;

/// Minimum number of words for a quoted span to count as a quote.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Minimum word-level similarity for a non-verbatim candidate quote to be `altered`.
pub const ALTERED_THRESHOLD: f64 = 0.6;

/// Alignment matrices larger than this (cells) are not computed (the quote is then
/// `unsupported` unless verbatim).
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Double,
    Straight,
    Single,
}

enum Mark {
    Open(Family),
    Close(Family),
    Straight,
    None,
}

fn mark(t: &str) -> Mark {
    match t {
        "“" | "``" | "«" | "„" => Mark::Open(Family::Double),
        "”" | "''" | "»" => Mark::Close(Family::Double),
        "\"" => Mark::Straight,
        "‘" | "`" => Mark::Open(Family::Single),
        "’" | "'" => Mark::Close(Family::Single),
        _ => Mark::None,
    }
}

/// Extract quotes of at least [`MIN_QUOTE_WORDS`] words (outside English, a character of a
/// script without spaces counts as half a word: six characters of Chinese), with the marks of the text's language ([`extract_multi`] outside
/// English).
pub(crate) fn extract(text: &str, toks: &Toks<'_>, ws: &WordStream, tokenised: bool) -> Vec<Fact> {
    if toks.profile.is_english() {
        extract_english(text, toks, ws, tokenised)
    } else {
        extract_multi(text, toks, ws, tokenised, toks.profile)
    }
}

/// The fact of the quote whose content is `text[start..end]` with [`MIN_QUOTE_WORDS`] words
/// or more (the ends trimmed of spaces and of `,;:.` and their full-width forms); `weighted`:
/// a character of a script without spaces counts as half a word.
fn quote_fact(
    text: &str,
    ws: &WordStream,
    start: usize,
    end: usize,
    weighted: bool,
) -> Option<Fact> {
    let raw = text.get(start..end)?;
    let lead = raw.len() - raw.trim_start().len();
    let s = start + lead;
    let e = start
        + raw
            .trim_end_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, ',' | ';' | ':' | '.' | '。' | '，' | '、' | '：' | '；')
            })
            .len();
    if e <= s {
        return None;
    }
    let range = ws.range_in(s, e);
    if weighted {
        // a character of a script without spaces is half a word
        let halves: usize = range
            .clone()
            .map(|i| {
                let w = &ws.words[i];
                let unspaced = text[w.start..w.end].chars().next().is_some_and(is_unspaced);
                if unspaced { 1 } else { 2 }
            })
            .sum();
        if halves < 2 * MIN_QUOTE_WORDS {
            return None;
        }
    }
    let words: Vec<String> = range.map(|i| ws.norm(i).to_string()).collect();
    if words.len() < MIN_QUOTE_WORDS {
        return None;
    }
    Some(Fact {
        kind: FactKind::Quote,
        key: words.join(" "),
        text: text[s..e].to_string(),
        span: (s, e),
        approximate: false,
        detail: Detail::Quote(words),
    })
}

/// Quotation mark pairs known in every language but English, after the language's own
/// ([`Profile::quotes`]).
const UNIVERSAL_QUOTES: &[(char, char)] = &[
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('„', '”'),
    ('‚', '‘'),
    ('‚', '’'),
    ('‹', '›'),
    ('「', '」'),
    ('『', '』'),
    ('﹁', '﹂'),
    ('﹃', '﹄'),
    ('‘', '’'),
];

/// Quotes outside English: any pair of the language's marks or of [`UNIVERSAL_QUOTES`]; a
/// mark opens a quote when one of the pairs opens with it (the language's pairs settle
/// which marks close it: `„` → `“` or `”`, German `»` → `«`), a mark that opens and closes
/// (`"`, Swedish `”`, `»`) opens only with space before it and a word glued after it; the
/// same opener inside a quote nests. Quotes in other marks inside a quote are part of it.
/// An unclosed quote runs to the end of its paragraph, except one opened by a single mark
/// (`‘`, `‚`, `‹`), which is dropped. PTB `` `` … '' `` as in English.
fn extract_multi(
    text: &str,
    toks: &[Tok<'_>],
    ws: &WordStream,
    tokenised: bool,
    p: &Profile,
) -> Vec<Fact> {
    struct Open {
        opener: char,
        /// Opened by a mark that also closes (`"`, `”` in Swedish).
        symmetric: bool,
        single: bool,
        content_start: usize,
        words: usize,
        depth: usize,
    }
    let pairs = || p.quotes.iter().chain(UNIVERSAL_QUOTES).copied();
    let opens = |c: char| pairs().any(|(o, _)| o == c);
    let closes = |opener: char, c: char| pairs().any(|(o, cl)| o == opener && cl == c);
    let symmetric = |c: char| c == '"' || pairs().any(|(o, cl)| o == c && cl == c);
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut prev_end = 0usize;
    let finish = |out: &mut Vec<Fact>, o: &Open, end: usize| {
        if o.words >= MIN_QUOTE_WORDS
            && let Some(f) = quote_fact(text, ws, o.content_start, end, true)
        {
            out.push(f);
        }
    };
    for (i, t) in toks.iter().enumerate() {
        if t.line_start
            && let Some(o) = open.take()
            && !o.single
        {
            finish(&mut out, &o, prev_end);
        }
        if matches!(t.kind, TokKind::Word | TokKind::Num) {
            if let Some(o) = open.as_mut() {
                o.words += 1;
            }
            prev_end = t.end;
            continue;
        }
        // PTB quotes are two characters; every other mark one
        let c = match t.text {
            "``" => '\u{1}',
            "''" => '\u{2}',
            _ => {
                let mut cs = t.text.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => {
                        prev_end = t.end;
                        continue;
                    }
                }
            }
        };
        let opens_c = c == '\u{1}' || c == '"' || opens(c);
        let glued_word_after = toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && !n.line_start);
        match open.as_mut() {
            Some(o) => {
                let is_close = if o.opener == '\u{1}' {
                    c == '\u{2}'
                } else if o.opener == '"' {
                    c == '"'
                } else {
                    closes(o.opener, c)
                };
                if is_close && !(o.symmetric && o.words == 0 && t.space_before) {
                    if o.depth > 0 && !o.symmetric {
                        o.depth -= 1;
                    } else if let Some(o) = open.take() {
                        finish(&mut out, &o, t.start);
                    }
                } else if c == o.opener && !o.symmetric {
                    if o.words == 0 {
                        // a doubled opener counts once
                        o.content_start = t.end;
                    } else {
                        o.depth += 1;
                    }
                }
            }
            None if opens_c => {
                let sym = symmetric(c);
                let opener_ok =
                    !sym || tokenised || ((t.space_before || t.line_start) && glued_word_after);
                if opener_ok {
                    open = Some(Open {
                        opener: c,
                        symmetric: sym,
                        single: matches!(c, '‘' | '‚' | '‹' | '’'),
                        content_start: t.end,
                        words: 0,
                        depth: 0,
                    });
                }
            }
            None => {}
        }
        prev_end = t.end;
    }
    if let Some(o) = open.take()
        && !o.single
    {
        finish(&mut out, &o, prev_end);
    }
    out
}

/// English quotes ([module docs](self)).
fn extract_english(text: &str, toks: &[Tok<'_>], ws: &WordStream, tokenised: bool) -> Vec<Fact> {
    struct Open {
        family: Family,
        content_start: usize,
        words: usize,
    }
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut prev_end = 0usize;
    let emit = |out: &mut Vec<Fact>, o: &Open, end: usize| {
        if o.words < MIN_QUOTE_WORDS || end <= o.content_start {
            return;
        }
        let Some(raw) = text.get(o.content_start..end) else {
            return;
        };
        let lead = raw.len() - raw.trim_start().len();
        let s = o.content_start + lead;
        let e = o.content_start
            + raw
                .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.'))
                .len();
        if e <= s {
            return;
        }
        let words: Vec<String> = ws.range_in(s, e).map(|i| ws.norm(i).to_string()).collect();
        if words.len() < MIN_QUOTE_WORDS {
            return;
        }
        out.push(Fact {
            kind: FactKind::Quote,
            key: words.join(" "),
            text: text[s..e].to_string(),
            span: (s, e),
            approximate: false,
            detail: Detail::Quote(words),
        });
    };
    for (i, t) in toks.iter().enumerate() {
        if t.line_start
            && let Some(o) = open.take()
            && o.family != Family::Single
        {
            emit(&mut out, &o, prev_end);
        }
        match (t.kind, mark(t.text)) {
            (TokKind::Word | TokKind::Num, _) => {
                if let Some(o) = open.as_mut() {
                    o.words += 1;
                }
            }
            (_, Mark::Open(f)) => match open.as_mut() {
                None => {
                    open = Some(Open {
                        family: f,
                        content_start: t.end,
                        words: 0,
                    })
                }
                Some(o) if o.words == 0 && o.family == f => o.content_start = t.end,
                _ => {}
            },
            (_, Mark::Close(f)) => {
                if let Some(o) = open.as_ref() {
                    let closes = match f {
                        Family::Double => matches!(o.family, Family::Double | Family::Straight),
                        _ => o.family == Family::Single,
                    };
                    if closes && let Some(o) = open.take() {
                        emit(&mut out, &o, t.start);
                    }
                }
            }
            (_, Mark::Straight) => match open.as_ref() {
                // An opening straight quote has space (or a line start) before it and a word
                // glued after it, so that `a 27" screen` opens nothing; tokenised text spaces
                // its quotes and is exempt.
                None => {
                    let opener = tokenised
                        || ((t.space_before || t.line_start)
                            && toks
                                .get(i + 1)
                                .is_some_and(|n| !n.space_before && !n.line_start));
                    if opener {
                        open = Some(Open {
                            family: Family::Straight,
                            content_start: t.end,
                            words: 0,
                        });
                    }
                }
                Some(o) if o.family == Family::Single => {}
                Some(o) if o.words == 0 && o.family == Family::Straight && t.space_before => {}
                Some(_) => {
                    if let Some(o) = open.take() {
                        emit(&mut out, &o, t.start);
                    }
                }
            },
            _ => {}
        }
        prev_end = t.end;
    }
    if let Some(o) = open.take()
        && o.family != Family::Single
    {
        emit(&mut out, &o, prev_end);
    }
    out
}

/// Word-level difference of an altered quote.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct QuoteDiff {
    /// Source words (of the aligned window) missing from the candidate quote, in order.
    pub removed: Vec<String>,
    /// Candidate words not in the source quote, in order.
    pub added: Vec<String>,
}

/// Result of aligning a candidate quote against one source quote.
#[derive(Debug, PartialEq)]
pub(crate) struct Alignment {
    pub similarity: f64,
    pub common: usize,
    /// Source word window `[a, b)` (indices into the source quote's words).
    pub window: (usize, usize),
    pub diff: QuoteDiff,
}

/// Semi-global word alignment of `c` inside `s` (free leading/trailing source words).
///
/// The reference form of [`align_bits`] and [`SourceQuotes::best`], kept as it was before
/// them: one pair, strings compared directly, its own table.
#[cfg(test)]
pub(crate) fn align(c: &[String], s: &[String]) -> Option<Alignment> {
    let (m, n) = (c.len(), s.len());
    if m == 0 || n == 0 || (m + 1).saturating_mul(n + 1) > MAX_CELLS {
        return None;
    }
    let w = n + 1;
    let mut d = vec![0u32; (m + 1) * w];
    for i in 1..=m {
        d[i * w] = i as u32;
        for j in 1..=n {
            let sub = d[(i - 1) * w + j - 1] + u32::from(c[i - 1] != s[j - 1]);
            let ins = d[(i - 1) * w + j] + 1;
            let del = d[i * w + j - 1] + 1;
            d[i * w + j] = sub.min(ins).min(del);
        }
    }
    let (mut j, _) = (0..=n)
        .map(|j| (j, d[m * w + j]))
        .min_by_key(|&(j, v)| (v, j))?;
    let end = j;
    let dist = d[m * w + j];
    let mut i = m;
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let mut common = 0usize;
    while i > 0 {
        let cur = d[i * w + j];
        if j > 0 && cur == d[(i - 1) * w + j - 1] + u32::from(c[i - 1] != s[j - 1]) {
            if c[i - 1] == s[j - 1] {
                common += 1;
            } else {
                removed.push(s[j - 1].clone());
                added.push(c[i - 1].clone());
            }
            i -= 1;
            j -= 1;
        } else if cur == d[(i - 1) * w + j] + 1 {
            added.push(c[i - 1].clone());
            i -= 1;
        } else if j > 0 {
            removed.push(s[j - 1].clone());
            j -= 1;
        } else {
            break;
        }
    }
    removed.reverse();
    added.reverse();
    let window_len = end - j;
    let denom = m.max(window_len).max(1) as f64;
    Some(Alignment {
        similarity: 1.0 - f64::from(dist) / denom,
        common,
        window: (j, end),
        diff: QuoteDiff { removed, added },
    })
}

fn intern<'a>(ids: &mut FxHashMap<&'a str, u32>, w: &'a str) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(w).or_insert(next)
}

/// [`align`] on interned words, bit-parallel: `blocks` holds the candidate quote `c` (loaded
/// from its ids), `s_ids[j]` names `s[j]`. The forward pass keeps Myers' vertical difference
/// vectors of every column (`cols`, reused across calls), from which any cell of [`align`]'s
/// table is a few popcounts; the traceback then follows exactly [`align`]'s path. Time and
/// memory are one machine word per 64 candidate words and source word, not one cell per pair.
fn align_bits(
    blocks: &mut Blocks,
    s_ids: &[u32],
    c: &[String],
    s: &[String],
    cols: &mut Vec<u64>,
) -> Option<Alignment> {
    let (m, n) = (blocks.m, s_ids.len());
    if m == 0 || n == 0 || (m + 1).saturating_mul(n + 1) > MAX_CELLS {
        return None;
    }
    let nb = blocks.blocks;
    cols.clear();
    cols.reserve(2 * nb * n);
    blocks.start();
    let mut score = m as i64;
    let (mut end, mut dist) = (0usize, score);
    for (j, &t) in s_ids.iter().enumerate() {
        score += blocks.step(t);
        cols.extend_from_slice(&blocks.pv);
        cols.extend_from_slice(&blocks.mv);
        if score < dist {
            (end, dist) = (j + 1, score);
        }
    }
    // D(i, j): row 0 is zero, column 0 is i; column j >= 1 sums its vertical differences
    let cell = |i: usize, j: usize| -> i64 {
        if j == 0 {
            return i as i64;
        }
        let col = &cols[(j - 1) * 2 * nb..j * 2 * nb];
        let (pv, mv) = col.split_at(nb);
        let (full, rest) = (i / 64, i % 64);
        let mut v = 0i64;
        for b in 0..full {
            v += i64::from(pv[b].count_ones()) - i64::from(mv[b].count_ones());
        }
        if rest > 0 {
            let mask = (1u64 << rest) - 1;
            v += i64::from((pv[full] & mask).count_ones())
                - i64::from((mv[full] & mask).count_ones());
        }
        v
    };
    let c_ids = &blocks.pattern;
    let (mut i, mut j) = (m, end);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let mut common = 0usize;
    while i > 0 {
        let cur = cell(i, j);
        let differ = j > 0 && c_ids[i - 1] != s_ids[j - 1];
        if j > 0 && cur == cell(i - 1, j - 1) + i64::from(differ) {
            if differ {
                removed.push(s[j - 1].clone());
                added.push(c[i - 1].clone());
            } else {
                common += 1;
            }
            i -= 1;
            j -= 1;
        } else if cur == cell(i - 1, j) + 1 {
            added.push(c[i - 1].clone());
            i -= 1;
        } else if j > 0 {
            removed.push(s[j - 1].clone());
            j -= 1;
        } else {
            break;
        }
    }
    removed.reverse();
    added.reverse();
    let window_len = end - j;
    let denom = m.max(window_len).max(1) as f64;
    Some(Alignment {
        similarity: 1.0 - dist as f64 / denom,
        common,
        window: (j, end),
        diff: QuoteDiff { removed, added },
    })
}

/// The distinct quotes of a source, indexed for finding the best alignment of a candidate
/// quote among thousands of them.
///
/// [`SourceQuotes::best`] returns exactly what aligning the candidate quote against every
/// source quote and keeping the most similar (the last of equals, in source order) returns,
/// without aligning most pairs:
/// * a source quote sharing no word with the candidate quote aligns with similarity exactly 0
///   (every candidate word inserted, an empty window), so it is never aligned: it matters
///   only when no quote sharing a word can be aligned, and then the answer is similarity 0;
/// * an alignment with `c` common words scores at most `c / |candidate|`
///   (`edits ≥ max(|candidate|, |window|) − common`), and `c` is at most the multiset
///   intersection of the two quotes' words, counted from an inverted index; quotes are
///   aligned in decreasing order of that bound, and the search stops when the bound falls
///   below the best similarity found.
///
/// On a 10 MB source with seven thousand distinct quotes this turns a minutes-long search
/// (one table of up to four million cells allocated per pair) into seconds (BENCHMARKS.md,
/// "one long line").
pub(crate) struct SourceQuotes<'a> {
    words: Vec<&'a [String]>,
    ids: Vec<Vec<u32>>,
    vocab: FxHashMap<&'a str, u32>,
    /// word id -> (quote, occurrences of the word in the quote), quotes in increasing order
    postings: Vec<Vec<(u32, u32)>>,
    /// Is any quote alignable with a candidate quote of `m` words? The smallest quote length.
    shortest: Option<usize>,
    /// the column vectors of [`align_bits`]
    cols: Vec<u64>,
    /// Myers' pattern bit masks, one per vocabulary word (reset per candidate quote).
    peq: Vec<u64>,
    /// The same in 64-word blocks, for candidate quotes of more than 64 words.
    blocks: Blocks,
}

impl<'a> SourceQuotes<'a> {
    /// Index `quotes` (the words of each distinct source quote, in source order).
    pub(crate) fn new(quotes: Vec<&'a [String]>) -> Self {
        let mut vocab: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut ids = Vec::with_capacity(quotes.len());
        for (k, q) in quotes.iter().enumerate() {
            let q_ids: Vec<u32> = q.iter().map(|w| intern(&mut vocab, w)).collect();
            let mut sorted = q_ids.clone();
            sorted.sort_unstable();
            for run in sorted.chunk_by(|a, b| a == b) {
                let id = run[0] as usize;
                if postings.len() <= id {
                    postings.resize_with(id + 1, Vec::new);
                }
                postings[id].push((k as u32, run.len() as u32));
            }
            ids.push(q_ids);
        }
        let shortest = quotes.iter().map(|q| q.len()).filter(|&n| n > 0).min();
        let peq = vec![0; vocab.len()];
        SourceQuotes {
            words: quotes,
            ids,
            vocab,
            postings,
            shortest,
            cols: Vec::new(),
            blocks: Blocks::new(peq.len()),
            peq,
        }
    }

    /// Align `c` against quote `k` and keep it in `best` if it is more similar (or as similar
    /// and later in the source: the exhaustive search keeps the last of equals).
    fn consider(&mut self, k: usize, c: &[String], best: &mut Option<(usize, Alignment)>) {
        let Some(a) = align_bits(
            &mut self.blocks,
            &self.ids[k],
            c,
            self.words[k],
            &mut self.cols,
        ) else {
            return;
        };
        let better = match best {
            None => true,
            Some((bk, b)) => {
                a.similarity > b.similarity || (a.similarity == b.similarity && k > *bk)
            }
        };
        if better {
            *best = Some((k, a));
        }
    }

    /// The best alignment of the candidate quote `c` against the source quotes: the quote's
    /// index and its alignment, as described on [`SourceQuotes`].
    pub(crate) fn best(&mut self, c: &[String]) -> Option<(usize, Alignment)> {
        let m = c.len();
        if m == 0 {
            return None;
        }
        let c_ids: Vec<u32> = c
            .iter()
            .map(|w| self.vocab.get(w.as_str()).copied().unwrap_or(u32::MAX))
            .collect();
        // multiset intersection size with every quote sharing a word
        let mut counts: Vec<u32> = c_ids.iter().copied().filter(|&i| i != u32::MAX).collect();
        counts.sort_unstable();
        let mut shared: FxHashMap<u32, u32> = FxHashMap::default();
        for run in counts.chunk_by(|a, b| a == b) {
            let here = run.len() as u32;
            for &(k, there) in &self.postings[run[0] as usize] {
                *shared.entry(k).or_insert(0) += here.min(there);
            }
        }
        let mut order: Vec<(u32, u32)> = shared.into_iter().collect();
        // highest bound first; among equals the later quote first (it wins ties)
        order.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let alignable = |n: usize| n > 0 && (m + 1).saturating_mul(n + 1) <= MAX_CELLS;
        let mut best: Option<(usize, Alignment)> = None;
        // pass 1: the exact distance of every promising quote, bit-parallel, and from it
        // bounds on the similarity; pass 2: full alignments in decreasing upper bound
        let one_word = m <= 64;
        if one_word {
            for &w in &c_ids {
                if w != u32::MAX {
                    self.peq[w as usize] = 0;
                }
            }
            for (i, &w) in c_ids.iter().enumerate() {
                if w != u32::MAX {
                    self.peq[w as usize] |= 1u64 << i;
                }
            }
        }
        self.blocks.load(&c_ids);
        let mut floor = f64::NEG_INFINITY;
        let mut bounded: Vec<(f64, u32)> = Vec::new();
        for &(k, common_max) in &order {
            if f64::from(common_max) / m as f64 + 1e-9 < floor {
                break;
            }
            let q = &self.ids[k as usize];
            if !alignable(q.len()) {
                continue;
            }
            let dist = if one_word {
                myers_distance(&self.peq, m, q)
            } else {
                self.blocks.distance(q)
            } as f64;
            let lower = 1.0 - dist / m as f64;
            let widest = m.max(q.len().min(m + dist as usize)) as f64;
            let upper = (1.0 - dist / widest).min(f64::from(common_max) / m as f64);
            floor = floor.max(lower);
            if upper + 1e-9 >= floor {
                bounded.push((upper, k));
            }
        }
        bounded.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        for (upper, k) in bounded {
            if best
                .as_ref()
                .is_some_and(|(_, a)| upper + 1e-9 < a.similarity)
            {
                break;
            }
            self.consider(k as usize, c, &mut best);
        }
        self.blocks.clear();
        if best.is_some() {
            return best;
        }
        // no quote sharing a word aligns: any other alignable quote scores exactly 0
        let zero = self.shortest.is_some_and(alignable).then(|| {
            (0..self.words.len())
                .rev()
                .find(|&k| alignable(self.words[k].len()))
        });
        let k = zero.flatten()?;
        Some((
            k,
            Alignment {
                similarity: 0.0,
                common: 0,
                window: (0, 0),
                diff: QuoteDiff {
                    removed: Vec::new(),
                    added: c.to_vec(),
                },
            },
        ))
    }
}

/// The smallest edit distance between the pattern whose word bit masks are `peq` (bit `i` of
/// `peq[w]` set when pattern word `i` is `w`; `m <= 64` words) and any window of `text`, or
/// the pattern's length when no window does better: the minimum of the last row of
/// [`align`]'s table, computed with Myers' bit-vector algorithm (J. ACM 46(3), 1999) in
/// one machine word per text word.
fn myers_distance(peq: &[u64], m: usize, text: &[u32]) -> u32 {
    debug_assert!((1..=64).contains(&m));
    let mask = if m == 64 { u64::MAX } else { (1u64 << m) - 1 };
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv) = (mask, 0u64);
    let mut score = m as u32;
    let mut least = score;
    for &t in text {
        let eq = peq[t as usize];
        let xv = eq | mv;
        let xh = (((eq & pv).wrapping_add(pv)) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score -= 1;
        }
        ph <<= 1;
        mh <<= 1;
        pv = (mh | !(xv | ph)) & mask;
        mv = ph & xv & mask;
        least = least.min(score);
    }
    least
}

/// Myers' bit-vector distance for patterns of any length, in 64-word blocks with the
/// horizontal difference carried from block to block (Myers 1999, section 4.2; Hyyrö 2003):
/// [`myers_distance`] for candidate quotes of more than 64 words, one machine word per block
/// and text word instead of one table cell per pattern word and text word.
struct Blocks {
    /// vocabulary word -> its row of `eq`, `u32::MAX` for words not in the pattern
    slot: Vec<u32>,
    /// the pattern's distinct words, in `slot` order (to reset `slot`)
    used: Vec<u32>,
    /// `blocks` masks per distinct pattern word: bit `i` of block `b` is pattern word `64b + i`
    eq: Vec<u64>,
    pv: Vec<u64>,
    mv: Vec<u64>,
    /// the loaded pattern's word ids
    pattern: Vec<u32>,
    blocks: usize,
    m: usize,
}

impl Blocks {
    fn new(vocabulary: usize) -> Self {
        Blocks {
            slot: vec![u32::MAX; vocabulary],
            used: Vec::new(),
            eq: Vec::new(),
            pv: Vec::new(),
            mv: Vec::new(),
            pattern: Vec::new(),
            blocks: 0,
            m: 0,
        }
    }

    /// Take the pattern `c_ids` (`u32::MAX` for words outside the vocabulary, which match
    /// nothing).
    fn load(&mut self, c_ids: &[u32]) {
        self.m = c_ids.len();
        self.blocks = self.m.div_ceil(64);
        self.pattern.clear();
        self.pattern.extend_from_slice(c_ids);
        self.eq.clear();
        for (i, &w) in c_ids.iter().enumerate() {
            if w == u32::MAX {
                continue;
            }
            let mut s = self.slot[w as usize];
            if s == u32::MAX {
                s = self.used.len() as u32;
                self.slot[w as usize] = s;
                self.used.push(w);
                self.eq.resize(self.eq.len() + self.blocks, 0);
            }
            self.eq[s as usize * self.blocks + i / 64] |= 1u64 << (i % 64);
        }
    }

    /// Forget the pattern (the vocabulary table is kept for the next one).
    fn clear(&mut self) {
        for &w in &self.used {
            self.slot[w as usize] = u32::MAX;
        }
        self.used.clear();
    }

    /// Reset the column to the table's column 0 (`D(i, 0) = i`: every vertical difference +1).
    fn start(&mut self) {
        self.pv.clear();
        self.pv.resize(self.blocks, u64::MAX);
        self.mv.clear();
        self.mv.resize(self.blocks, 0);
    }

    /// Advance the column by the text word `t`; the change of the last row's value.
    #[inline]
    fn step(&mut self, t: u32) -> i64 {
        let nb = self.blocks;
        let s = self.slot[t as usize];
        let row = (s != u32::MAX).then(|| &self.eq[s as usize * nb..(s as usize + 1) * nb]);
        let last_high = 1u64 << ((self.m - 1) % 64);
        // the top row is all zeros (free leading text words): no carry into block 0
        let mut carry = 0i64;
        for b in 0..nb {
            let eq = row.map_or(0, |r| r[b]);
            let (pv, mv) = (self.pv[b], self.mv[b]);
            let xv = eq | mv;
            let eq = if carry < 0 { eq | 1 } else { eq };
            let xh = (((eq & pv).wrapping_add(pv)) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            let high = if b + 1 == nb { last_high } else { 1u64 << 63 };
            let out = if ph & high != 0 {
                1
            } else if mh & high != 0 {
                -1
            } else {
                0
            };
            ph <<= 1;
            mh <<= 1;
            if carry < 0 {
                mh |= 1;
            } else if carry > 0 {
                ph |= 1;
            }
            self.pv[b] = mh | !(xv | ph);
            self.mv[b] = ph & xv;
            carry = out;
        }
        carry
    }

    /// The smallest edit distance between the loaded pattern and any window of `text` (see
    /// [`myers_distance`]).
    fn distance(&mut self, text: &[u32]) -> u32 {
        debug_assert!(self.blocks >= 1);
        self.start();
        let mut score = self.m as i64;
        let mut least = score;
        for &t in text {
            score += self.step(t);
            least = least.min(score);
        }
        least as u32
    }
}

/// Do the words `c` occur contiguously inside `s`?
pub(crate) fn contains_seq(s: &[String], c: &[String]) -> bool {
    !c.is_empty() && c.len() <= s.len() && s.windows(c.len()).any(|w| w == c)
}

#[cfg(test)]
mod tests {
    use super::super::extract as extract_all;
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        extract_all(text)
            .quotes
            .iter()
            .map(|q| q.text.clone())
            .collect()
    }

    #[test]
    fn marks() {
        assert_eq!(
            quotes("He said “we will win this” today."),
            vec!["we will win this"]
        );
        assert_eq!(
            quotes("He said \"we will win this\" today."),
            vec!["we will win this"]
        );
        assert_eq!(
            quotes("He said ‘we will win this’ in Russia’s capital."),
            vec!["we will win this"]
        );
        assert_eq!(
            quotes("In Russia’s view, ‘we will win’ and the country’s army."),
            vec!["we will win"]
        );
        assert_eq!(
            quotes("Il a dit «nous allons gagner» hier."),
            vec!["nous allons gagner"]
        );
        assert_eq!(
            quotes("obama says he is `` absolutely committed to it '' . -lrb- cnn -rrb-"),
            vec!["absolutely committed to it"]
        );
        assert_eq!(
            quotes("told a briefing that ““the visit is in the pipeline,” said"),
            vec!["the visit is in the pipeline"]
        );
        assert!(quotes("a ‘Unbreakable’ bond and “two words” here").is_empty());
        assert!(quotes("the ‘80s were fun and Russia’s army was big").is_empty());
        assert!(quotes("a 27\" screen and then some more words here").is_empty());
        assert_eq!(
            quotes("he said \" we will win \" , ok , fine"),
            vec!["we will win"]
        );
    }

    #[test]
    fn alignment() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let a = align(
            &w("we will make an announcement soon"),
            &w("the visit is in the pipeline and we will make an announcement in due time"),
        )
        .unwrap();
        // a partial quote: trailing source words are not "removed"; "soon" is added
        assert_eq!(a.diff.added, w("soon"));
        assert!(a.diff.removed.len() <= 1);
        assert!(a.similarity >= ALTERED_THRESHOLD, "{}", a.similarity);
        let b = align(&w("a b c"), &w("x y z")).unwrap();
        assert!(b.similarity < ALTERED_THRESHOLD);
    }

    fn words(ids: &[u8]) -> Vec<String> {
        ids.iter().map(|&i| format!("w{i}")).collect()
    }

    fn check_best(
        c: &[String],
        qs: &[Vec<u8>],
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let qs: Vec<Vec<String>> = qs.iter().map(|q| words(q)).collect();
        let exhaustive = qs
            .iter()
            .enumerate()
            .filter_map(|(k, q)| align(c, q).map(|a| (k, a)))
            .max_by(|a, b| a.1.similarity.total_cmp(&b.1.similarity));
        let mut index = SourceQuotes::new(qs.iter().map(Vec::as_slice).collect());
        proptest::prop_assert_eq!(index.best(c), exhaustive);
        // the reused table and masks give the same answer on a second query
        proptest::prop_assert_eq!(index.best(c), index.best(c));
        Ok(())
    }

    /// The minimum of the last row of the plain semi-global edit-distance table.
    fn table_distance(c: &[u32], t: &[u32]) -> u32 {
        let mut prev: Vec<u32> = vec![0; t.len() + 1];
        for (i, &cw) in c.iter().enumerate() {
            let mut cur = vec![i as u32 + 1; t.len() + 1];
            for j in 1..=t.len() {
                cur[j] = (prev[j - 1] + u32::from(cw != t[j - 1]))
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev.iter().copied().min().unwrap()
    }

    proptest::proptest! {
        /// The interned table and the indexed, pruned search return exactly what aligning the
        /// candidate against every source quote (strings, one table per pair) and keeping the
        /// last most similar returns: index, similarity, common words, window and diff.
        #[test]
        fn indexed_best_equals_exhaustive(
            c in proptest::collection::vec(0u8..6, 0..8),
            qs in proptest::collection::vec(proptest::collection::vec(0u8..8, 0..9), 0..10),
        ) {
            check_best(&words(&c), &qs)?;
        }

        /// The same beyond one machine word (candidate quotes of more than 64 words).
        #[test]
        fn indexed_best_equals_exhaustive_long(
            c in proptest::collection::vec(0u8..12, 60..140),
            qs in proptest::collection::vec(proptest::collection::vec(0u8..14, 0..160), 0..6),
        ) {
            check_best(&words(&c), &qs)?;
        }

        /// The bit-parallel alignment (any number of blocks) is exactly [`align`]'s: the
        /// same similarity, window, common words and diff.
        #[test]
        fn bit_alignment_equals_table_alignment(
            c in proptest::collection::vec(0u8..6, 1..=150),
            q in proptest::collection::vec(0u8..7, 1..=200),
        ) {
            let (c, q) = (words(&c), words(&q));
            let mut vocab = FxHashMap::default();
            let q_ids: Vec<u32> = q.iter().map(|w| intern(&mut vocab, w)).collect();
            let c_ids: Vec<u32> = c.iter().map(|w| vocab.get(w.as_str()).copied().unwrap_or(u32::MAX)).collect();
            let mut blocks = Blocks::new(vocab.len());
            blocks.load(&c_ids);
            let mut cols = Vec::new();
            proptest::prop_assert_eq!(align_bits(&mut blocks, &q_ids, &c, &q, &mut cols), align(&c, &q));
        }

        /// The blocked distance equals the minimum of the last row of the plain table, for
        /// patterns of one to four blocks.
        #[test]
        fn blocked_myers_equals_table(
            c in proptest::collection::vec(0u32..4, 1..=200),
            t in proptest::collection::vec(0u32..5, 0..260),
        ) {
            let mut blocks = Blocks::new(5);
            // word 4 is outside the pattern's vocabulary in half the cases
            let c_ids: Vec<u32> = c.iter().map(|&w| if w == 3 && c.len() % 2 == 0 { u32::MAX } else { w }).collect();
            blocks.load(&c_ids);
            let d = blocks.distance(&t);
            blocks.clear();
            proptest::prop_assert!(blocks.slot.iter().all(|&s| s == u32::MAX));
            proptest::prop_assert_eq!(d, table_distance(&c_ids, &t));
        }

        /// Myers' bit-vector distance equals the minimum of the last row of the plain table.
        #[test]
        fn myers_equals_table(
            c in proptest::collection::vec(0u32..5, 1..=64),
            t in proptest::collection::vec(0u32..5, 0..80),
        ) {
            let mut peq = vec![0u64; 5];
            for (i, &w) in c.iter().enumerate() {
                peq[w as usize] |= 1 << i;
            }
            proptest::prop_assert_eq!(myers_distance(&peq, c.len(), &t), table_distance(&c, &t));
        }
    }
}

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

use super::tokens::{Tok, TokKind, WordStream};
use super::{Detail, Fact, FactKind};

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

/// Extract quotes of at least [`MIN_QUOTE_WORDS`] words.
pub(crate) fn extract(text: &str, toks: &[Tok<'_>], ws: &WordStream, tokenised: bool) -> Vec<Fact> {
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
        let words: Vec<String> = ws.words[ws.range_in(s, e)]
            .iter()
            .map(|w| w.norm.to_string())
            .collect();
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
pub(crate) struct Alignment {
    pub similarity: f64,
    pub common: usize,
    /// Source word window `[a, b)` (indices into the source quote's words).
    pub window: (usize, usize),
    pub diff: QuoteDiff,
}

/// Semi-global word alignment of `c` inside `s` (free leading/trailing source words).
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
}

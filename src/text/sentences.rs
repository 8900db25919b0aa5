//! Sentence counting for compression ratios.
//!
//! ROUGE-Lsum's sentences are lines; a cleaned article's lines are paragraphs, so counting
//! them would understate its sentences. This counter splits each line at `.`, `!` or `?`
//! (optionally followed by closing quotes or brackets) when whitespace and then an uppercase
//! letter, a digit or an opening quote follow, except after common abbreviations and single
//! initials (`Mr.`, `U.S.`, `J.`); in a script without case, a letter after the space starts
//! a sentence too. A script's own full stop (`。`, `！`, `？`, `।`, `؟`, `။`, …) ends a sentence
//! whenever more of the line follows, with or without a space. Every line with a letter or
//! digit counts at least one sentence. A heuristic, named `sent:punct-lines` in the signature.

use super::words;

/// Abbreviations after which a period does not end a sentence, besides the shared ones
/// ([`words::is_period_abbreviation`]: titles, `vs`/`etc`/`inc`…, month abbreviations):
/// `Hon.`, `Pres.` and dotted forms whose last dot is the one looked at (`U.S.`, `e.g.`,
/// `p.m.`). Lowercase, without the final dot.
const EXTRA_ABBREVIATIONS: &[&str] = &[
    "hon", "pres", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // A single letter is an initial (J. K. Rowling); dotted acronyms end in a letter.
    w.chars().count() == 1 && w.chars().all(char::is_alphabetic) || is_listed_abbreviation(&w)
}

/// Is lowercase `w` one of this counter's abbreviations (shared ones and its extras)?
fn is_listed_abbreviation(w: &str) -> bool {
    words::is_period_abbreviation(w) || EXTRA_ABBREVIATIONS.contains(&w)
}

/// A script's own sentence end: the ideographic and full-width full stop, exclamation and
/// question marks, the Devanagari danda and double danda, the Arabic question mark and full
/// stop, and the Burmese, Khmer, Ethiopic and Armenian full stops.
fn is_full_stop(c: char) -> bool {
    matches!(
        c,
        '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF0E}'
            | '\u{0964}'
            | '\u{0965}'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{104B}'
            | '\u{17D4}'
            | '\u{1362}'
            | '\u{0589}'
    )
}

/// A closing quote or bracket after a full stop (ASCII, typographic, guillemets, CJK corner
/// brackets and full-width parentheses).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）' | '】' | '〉' | '》'
    )
}

/// A letter of a script without case (Arabic, Devanagari, Hebrew, CJK…): after `. ` it starts a
/// sentence as a capital does in a cased script.
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// Number of sentences in `text` (see the module documentation for the rule).
pub fn count_sentences(text: &str) -> usize {
    text.lines().map(count_line).sum()
}

fn count_line(line: &str) -> usize {
    if !line.chars().any(char::is_alphanumeric) {
        return 0;
    }
    let chars: Vec<char> = line.chars().collect();
    // More of the line has a letter or digit after position `j` iff `j <= last_alnum`: one
    // look-up per full stop instead of a scan of the rest of the line (quadratic on a long
    // line of full stops).
    let last_alnum = chars.iter().rposition(|c| c.is_alphanumeric());
    let mut count = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_full_stop(c) {
            // a script's own full stop ends a sentence whenever more of the line follows
            // (CJK texts put no space after it)
            let mut j = i + 1;
            while j < chars.len() && (is_closing(chars[j]) || chars[j].is_whitespace()) {
                j += 1;
            }
            if last_alnum.is_some_and(|last| j <= last) {
                count += 1;
            }
            i = j;
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | '\'' | '”' | '’' | ')' | ']' | '»')
            {
                j += 1;
            }
            let ws = j < chars.len() && chars[j].is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len()
                && (chars[k].is_uppercase()
                    || chars[k].is_ascii_digit()
                    || is_caseless_letter(chars[k])
                    || matches!(chars[k], '"' | '“' | '‘' | '\'' | '(' | '«'));
            if ws && next_starts {
                let word: String = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if c != '.' || !is_abbreviation(&word) {
                    count += 1;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::{count_sentences, is_listed_abbreviation};

    /// The abbreviation list as it was written here before the shared lists of
    /// [`super::words`]: the effective set must stay exactly this.
    const OLD_ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt",
        "gov", "sen", "rep", "rev", "hon", "pres", "vs", "etc", "inc", "ltd", "co", "corp", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s",
        "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    ];

    #[test]
    fn abbreviations_are_the_old_set() {
        // Every word either set can hold: the shared lists, the extras and the old list.
        let universe = crate::text::words::listed_words()
            .into_iter()
            .chain(super::EXTRA_ABBREVIATIONS.iter().copied())
            .chain(OLD_ABBREVIATIONS.iter().copied());
        for w in universe {
            assert_eq!(
                is_listed_abbreviation(w),
                OLD_ABBREVIATIONS.contains(&w),
                "{w}"
            );
        }
    }

    #[test]
    fn counts_sentences_not_abbreviations() {
        assert_eq!(count_sentences("One. Two! Three? four"), 3);
        assert_eq!(
            count_sentences("Mr. Kim met U.S. officials. They talked."),
            2
        );
        assert_eq!(
            count_sentences("He said \"never.\" Then he left.\nA new line"),
            3
        );
        assert_eq!(
            count_sentences("J. K. Rowling wrote it. 7,000 copies sold."),
            2
        );
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences("___\n\n"), 0);
        assert_eq!(count_sentences("it costs 3.5 dollars. ok"), 1);
    }

    #[test]
    fn other_scripts_full_stops() {
        assert_eq!(count_sentences("市议会批准了。工程耗资250万欧元。"), 2);
        assert_eq!(count_sentences("「行く」と言った。彼は行った！本当？"), 3);
        assert_eq!(count_sentences("परिषद ने मंजूरी दी। काम दो साल चलेगा।"), 2);
        assert_eq!(count_sentences("وافق المجلس. ستكلف الأعمال مليون يورو"), 2);
        assert_eq!(count_sentences("Le conseil a voté. « Enfin », dit-il."), 2);
    }
}

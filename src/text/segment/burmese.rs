//! multilingual-rouge's Burmese segmenter: syllables, not words.
//!
//! Its `BurmeseTokenizer` follows Maung and Mikami's rule-based syllable breaking (the
//! implementation cited there, <https://dl.acm.org/doi/fullHtml/10.1145/3325885>). On the text
//! it receives (lowercased, punctuation removed, words joined by single spaces):
//!
//! 1. a zero-width non-joiner becomes a space, and every dot below followed by an asat
//!    (U+1037 U+103A) is written asat first;
//! 2. all whitespace is removed, leaving a list of characters;
//! 3. every dependent sign (vowel signs U+102B-U+1032, U+1036-U+1038, medials U+103B-U+103E
//!    and the asat U+103A) is appended to the unit before it, walking from the end, so a
//!    syllable's signs gather on its consonant;
//! 4. a unit that holds an asat and has fewer than four characters is appended to the unit
//!    before it (a killed final consonant closes the previous syllable); when that unit was
//!    itself emptied by the same step, it takes the unit's place instead, as the original's
//!    list operations do;
//! 5. a virama (U+1039, a stacked consonant) standing alone between two units glues them,
//!    leftmost first and never twice in a row, as Python's `str.replace(" ္ ", "္")` does.
//!
//! The units left are the tokens. Their text is not always a substring of the input (step 2
//! removes the spaces between them), so tokens come as strings with the byte offset of their
//! first character in the input.

const ZWNJ: char = '\u{200C}';
const DOT_BELOW: char = '\u{1037}';
const ASAT: char = '\u{103A}';
const VIRAMA: char = '\u{1039}';

/// A dependent sign that joins the unit before it (step 3).
fn is_dependent(c: char) -> bool {
    matches!(c, '\u{102B}'..='\u{1032}' | '\u{1036}'..='\u{1038}' | '\u{103B}'..='\u{103E}')
        || c == ASAT
}

/// Python's `str.split()` whitespace.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// Calls `f(start, token)` for each syllable of `text` in order, `start` the byte offset in
/// `text` of the token's first character.
pub fn segment(text: &str, mut f: impl FnMut(usize, &str)) {
    // step 1, keeping each character's offset
    let mut chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, if c == ZWNJ { ' ' } else { c }))
        .collect();
    let mut i = 0;
    while i + 1 < chars.len() {
        if chars[i].1 == DOT_BELOW && chars[i + 1].1 == ASAT {
            chars[i].1 = ASAT;
            chars[i + 1].1 = DOT_BELOW;
            i += 2;
        } else {
            i += 1;
        }
    }
    // step 2
    let mut units: Vec<(usize, String)> = chars
        .into_iter()
        .filter(|&(_, c)| !is_space(c))
        .map(|(i, c)| (i, c.to_string()))
        .collect();
    // step 3: from the end, a unit starting with a dependent sign joins the one before it
    // (the first unit never moves)
    for k in (1..units.len()).rev() {
        let starts_dependent = units[k].1.chars().next().is_some_and(is_dependent);
        if starts_dependent {
            let moved = std::mem::take(&mut units[k].1);
            units[k - 1].1.push_str(&moved);
        }
    }
    units.retain(|(_, u)| !u.is_empty());
    // step 4
    for k in 1..units.len() {
        let u = &units[k].1;
        if u.contains(ASAT) && u.chars().count() < 4 {
            let (start, moved) = std::mem::take(&mut units[k]);
            let prev = &mut units[k - 1];
            if prev.1.is_empty() {
                prev.0 = start;
            }
            prev.1.push_str(&moved);
        }
    }
    units.retain(|(_, u)| !u.is_empty());
    // step 5
    let mut k = 0;
    while k < units.len() {
        let (start, mut token) = (units[k].0, std::mem::take(&mut units[k].1));
        k += 1;
        // a lone virama next, with a unit after it: glue (the space before a glued virama is
        // the one after the previous glue's virama, so glues chain but a virama right after
        // a glued virama does not glue again)
        while k + 1 < units.len() && units[k].1 == VIRAMA.to_string() {
            token.push(VIRAMA);
            token.push_str(&units[k + 1].1);
            k += 2;
        }
        f(start, &token);
    }
}

#[cfg(test)]
mod tests {
    use super::segment;

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        segment(text, |_, t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn signs_gather_on_their_consonant() {
        // မြန်မာ (Myanmar): မ + ြ (medial) + န + ် (asat) | မ + ာ (vowel sign)
        assert_eq!(tokens("မြန်မာ"), ["မြန်", "မာ"]);
    }

    #[test]
    fn spaces_vanish_and_offsets_point_at_first_characters() {
        let mut got = Vec::new();
        segment("မာ မာ", |s, t| got.push((s, t.to_owned())));
        assert_eq!(got, [(0, "မာ".to_owned()), (7, "မာ".to_owned())]);
    }

    #[test]
    fn a_lone_virama_glues_its_neighbours() {
        // မ ္ ဘ: the virama stands alone between two units
        assert_eq!(tokens("မ္ဘ"), ["မ္ဘ"]);
        // two viramas in a row: the second is not glued
        assert_eq!(tokens("မ္္ဘ"), ["မ္္", "ဘ"]);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(tokens("").is_empty());
        assert_eq!(tokens("ာ"), ["ာ"]);
        assert_eq!(tokens("abc"), ["a", "b", "c"]);
    }
}

//! ROUGE-1.5.5's stemmer (`-m`): the WordNet 2.0 exception table, then the Perl Porter stemmer
//! the script carries (Porter 1980 with C.-Y. Lin's 2004 change to step 4), rule for rule.
//!
//! The script's rules are Perl regular expressions over the word; they are the same patterns
//! here (the `regex` crate agrees with Perl on them: no back-references but one, written out
//! by hand). Where this differs from nltk's Porter ([`crate::text::porter`]): step 1c turns
//! any final `y` after a vowel-bearing stem into `i` (`day` → `dai`), there are no irregular
//! forms, and step 4 tries `-ement`, then `-ment`, then `-ent` one after another
//! (`agreement` → `agreem`).

use std::sync::OnceLock;

use regex::Regex;
use rustc_hash::FxHashMap;

const EXCEPTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/rouge155/wordnet-2.0-exceptions.tsv"
));

/// The exception table (`data/rouge155/wordnet-2.0-exceptions.tsv`: `went` → `go`).
fn exceptions() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EXCEPTIONS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The script's `MorphStem`: the exception table's base form, else [`stem`]. The word is a
/// lowercase token of ASCII letters and digits (the caller stems only tokens of 4+ bytes).
pub fn morph_stem(word: &str) -> String {
    match exceptions().get(word) {
        Some(base) => (*base).to_owned(),
        None => stem(word),
    }
}

/// The compiled patterns of the script's `initialise`.
struct Patterns {
    mgr0: Regex,
    meq1: Regex,
    mgr1: Regex,
    vowel_in_stem: Regex,
    cvc: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cs = format!("{c}[^aeiouy]*");
        let vs = format!("{v}[aeiou]*");
        let re = |p: String| Regex::new(&p).expect("a valid pattern");
        Patterns {
            mgr0: re(format!("^({cs})?{vs}{cs}")),
            meq1: re(format!("^({cs})?{vs}{cs}({vs})?$")),
            mgr1: re(format!("^({cs})?{vs}{cs}{vs}{cs}")),
            vowel_in_stem: re(format!("^({cs})?{v}")),
            cvc: re(format!("^{cs}{v}[^aeiouwxy]$")),
        }
    })
}

const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: [&str; 16] = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The longest suffix of `w` in `list` (what Perl's `/(a|b|...)$/` matches: the leftmost
/// start wins), with its index.
fn longest_suffix<'l, T>(w: &str, list: &'l [T], key: impl Fn(&'l T) -> &'l str) -> Option<usize> {
    list.iter()
        .enumerate()
        .filter(|(_, s)| w.ends_with(key(s)))
        .max_by_key(|(i, s)| (key(s).len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The script's `stem`: Porter's algorithm as its Perl code writes it.
pub fn stem(word: &str) -> String {
    if word.len() < 3 {
        return word.to_owned();
    }
    let p = patterns();
    let first_y = word.starts_with('y');
    let mut w = if first_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_owned()
    };
    // Step 1a
    if w.ends_with("sses") || w.ends_with("ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with('s') && w.as_bytes()[w.len() - 2] != b's' {
        w.truncate(w.len() - 1);
    }
    // Step 1b
    if let Some(stem) = w.strip_suffix("eed") {
        if p.mgr0.is_match(stem) {
            w.truncate(w.len() - 1);
        }
    } else if let Some(stem) = w.strip_suffix("ed").or_else(|| w.strip_suffix("ing"))
        && p.vowel_in_stem.is_match(stem)
    {
        w = stem.to_owned();
        let b = w.as_bytes();
        let n = b.len();
        if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
            w.push('e');
        } else if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
            w.truncate(n - 1);
        } else if p.cvc.is_match(&w) {
            w.push('e');
        }
    }
    // Step 1c
    if let Some(stem) = w.strip_suffix('y')
        && p.vowel_in_stem.is_match(stem)
    {
        w = format!("{stem}i");
    }
    // Step 2
    if let Some(i) = longest_suffix(&w, &STEP2, |s| s.0) {
        let (suffix, to) = STEP2[i];
        let stem = &w[..w.len() - suffix.len()];
        if p.mgr0.is_match(stem) {
            w = format!("{stem}{to}");
        }
    }
    // Step 3
    if let Some(i) = longest_suffix(&w, &STEP3, |s| s.0) {
        let (suffix, to) = STEP3[i];
        let stem = &w[..w.len() - suffix.len()];
        if p.mgr0.is_match(stem) {
            w = format!("{stem}{to}");
        }
    }
    // Step 4 (CYL 2004: -ement, then -ment, then -ent, each tried on the result)
    if let Some(i) = longest_suffix(&w, &STEP4, |s| s) {
        let stem = &w[..w.len() - STEP4[i].len()];
        if p.mgr1.is_match(stem) {
            w = stem.to_owned();
        }
    }
    if let Some(stem) = w.strip_suffix("ment")
        && p.mgr1.is_match(stem)
    {
        w = stem.to_owned();
    }
    if let Some(stem) = w.strip_suffix("ent") {
        if p.mgr1.is_match(stem) {
            w = stem.to_owned();
        }
    } else if w.ends_with("sion") || w.ends_with("tion") {
        let stem = &w[..w.len() - 3];
        if p.mgr1.is_match(stem) {
            w = stem.to_owned();
        }
    }
    // Step 5
    if let Some(stem) = w.strip_suffix('e')
        && (p.mgr1.is_match(stem) || (p.meq1.is_match(stem) && !p.cvc.is_match(stem)))
    {
        w = stem.to_owned();
    }
    if w.ends_with("ll") && p.mgr1.is_match(&w) {
        w.truncate(w.len() - 1);
    }
    if first_y {
        w.replace_range(0..1, "y");
    }
    w
}

#[cfg(test)]
mod tests {
    use super::{morph_stem, stem};

    /// Words whose stems the issue and the reference page name, and Porter's own examples
    /// (Porter 1980, in the original algorithm that the script follows).
    #[test]
    fn published_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("day", "dai"),
            ("says", "sai"),
            ("relational", "relat"),
            ("agreement", "agreem"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("generalizations", "gener"),
            ("yelling", "yell"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
        for (w, s) in [("went", "go"), ("children", "child"), ("better", "well")] {
            assert_eq!(morph_stem(w), s, "{w}");
        }
    }
}

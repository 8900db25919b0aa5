//! A common-word lexicon for finding names in text without case information.
//!
//! In a lowercased, tokenised system output (`barack obama met angela merkel in paris`)
//! capitalisation cannot tell names from other words. What can is a list of the common
//! lowercase words of English: SCOWL size 50 (Kevin Atkinson's Spell Checker Oriented Word
//! Lists, the "common words" level, American and British spellings; `data/scowl/`, built by
//! `scripts/wordlist/build.py`). A word is
//!
//! * [`WordClass::Common`] when SCOWL lists it in lowercase only (`talks`, `failed`);
//! * [`WordClass::AlsoName`] when SCOWL lists it both lowercase and capitalised (`john`,
//!   `smith`, `china`, `bill`): a common word that is also a name;
//! * [`WordClass::NotCommon`] otherwise (`paris`, `merkel`, `obama`, and rare words).
//!
//! The name rule built on it is in [`names::extract_caseless`](super::names::extract_caseless).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// How a lowercase ASCII word stands in the lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// A common word, never a name in SCOWL.
    Common,
    /// A common word that SCOWL also lists capitalised (a name as well).
    AlsoName,
    /// Not a common lowercase word.
    NotCommon,
}

const LOWERCASE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/scowl/lowercase.txt"
));
const CAPITALISED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/scowl/capitalised.txt"
));

/// The class of every word of the lexicon, built once (65,407 entries, about 2 ms).
fn table() -> &'static FxHashMap<&'static str, WordClass> {
    static TABLE: OnceLock<FxHashMap<&'static str, WordClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FxHashMap<&'static str, WordClass> =
            LOWERCASE.lines().map(|w| (w, WordClass::Common)).collect();
        for w in CAPITALISED.lines() {
            t.insert(w, WordClass::AlsoName);
        }
        t
    })
}

/// The class of `word`, a lowercase word (anything but ASCII letters is [`WordClass::NotCommon`]).
pub(crate) fn class(word: &str) -> WordClass {
    table().get(word).copied().unwrap_or(WordClass::NotCommon)
}

#[cfg(test)]
mod tests {
    use super::{CAPITALISED, LOWERCASE, WordClass, class};

    #[test]
    fn lists_are_sorted_lowercase_ascii_and_nested() {
        for list in [LOWERCASE, CAPITALISED] {
            let words: Vec<&str> = list.lines().collect();
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
            assert!(
                words
                    .iter()
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert_eq!(LOWERCASE.lines().count(), 65_407);
        assert_eq!(CAPITALISED.lines().count(), 1_090);
        assert!(CAPITALISED.lines().all(|w| class(w) == WordClass::AlsoName));
    }

    #[test]
    fn classes_of_names_and_common_words() {
        for w in [
            "talks",
            "failed",
            "said",
            "containers",
            "organisation",
            "organization",
        ] {
            assert_eq!(class(w), WordClass::Common, "{w}");
        }
        for w in ["john", "smith", "china", "bill", "white"] {
            assert_eq!(class(w), WordClass::AlsoName, "{w}");
        }
        for w in [
            "paris", "merkel", "obama", "putin", "korea", "Talks", "talks2", "",
        ] {
            assert_eq!(class(w), WordClass::NotCommon, "{w}");
        }
    }
}

//! Shared English word lists: month and weekday names and the abbreviations written with a
//! period.
//!
//! Several heuristics need the same small vocabularies: the sentence counter
//! ([`count_sentences`](super::count_sentences)) must not end a sentence at `Mr.` or `Sept.`,
//! the fact extractor reads month names as dates and must not take them (or weekdays) for
//! proper names, and the article cleaner recognises date and byline lines by their month and
//! weekday words. Each list is written here once; a caller that needs a slightly different set
//! keeps its own documented extra (or exception) next to its use.
//!
//! Every entry is lowercase and written without its period (`mr` for `Mr.`; dotted forms keep
//! their inner dots: `u.s` for `U.S.` is a caller's extra). The lists are plain English news
//! usage collected for these heuristics (no external source); matching is exact on the
//! lowercased word.

/// Full month names, January first: the month's number is its index plus one.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations (as in `Jan. 5`, `Sept 2019`) with their month numbers. May has none:
/// its name is already short. `sept` is as common as `sep` in news text.
pub const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Full weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekday abbreviations (as in timestamps: `Tue 12 Mar`, `Thurs.`).
pub const WEEKDAY_ABBREVIATIONS: [&str; 10] = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Titles abbreviated with a period before a name (`Mr. Kim`, `Gen. Milley`, `Sgt.`): a period
/// after them does not end a sentence.
pub const TITLE_ABBREVIATIONS: [&str; 17] = [
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev",
];

/// Other common abbreviations written with a period inside a sentence (`vs.`, `etc.`,
/// `Acme Inc.`, `No. 1`).
pub const OTHER_ABBREVIATIONS: [&str; 7] = ["vs", "etc", "inc", "ltd", "co", "corp", "no"];

/// The month that lowercase `word` names, and whether `word` is an abbreviation
/// ([`MONTHS`], [`MONTH_ABBREVIATIONS`]): `september` → `(9, false)`, `sept` → `(9, true)`.
pub fn month(word: &str) -> Option<(u8, bool)> {
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|&m| m == word) {
        return Some((i as u8 + 1, false));
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|&&(a, _)| a == word)
        .map(|&(_, m)| (m, true))
}

/// Is lowercase `word` a month name or a month abbreviation?
pub fn is_month(word: &str) -> bool {
    month(word).is_some()
}

/// Is lowercase `word` a month abbreviation ([`MONTH_ABBREVIATIONS`])?
pub fn is_month_abbreviation(word: &str) -> bool {
    MONTH_ABBREVIATIONS.iter().any(|&(a, _)| a == word)
}

/// Is lowercase `word` a full weekday name ([`WEEKDAYS`])?
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// Is lowercase `word` a weekday name or a weekday abbreviation?
pub fn is_weekday_or_abbreviation(word: &str) -> bool {
    is_weekday(word) || WEEKDAY_ABBREVIATIONS.contains(&word)
}

/// Is lowercase `word` (without its period) an abbreviation after which a period does not end
/// a sentence: a title ([`TITLE_ABBREVIATIONS`]), another common abbreviation
/// ([`OTHER_ABBREVIATIONS`]) or a month abbreviation ([`MONTH_ABBREVIATIONS`])?
pub fn is_period_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&word)
        || OTHER_ABBREVIATIONS.contains(&word)
        || is_month_abbreviation(word)
}

/// Every word of every list here (for tests that compare a caller's effective set with an
/// older one: a set built from these lists and the caller's extras can only hold these words).
#[cfg(test)]
pub(crate) fn listed_words() -> Vec<&'static str> {
    MONTHS
        .iter()
        .copied()
        .chain(MONTH_ABBREVIATIONS.iter().map(|&(a, _)| a))
        .chain(WEEKDAYS)
        .chain(WEEKDAY_ABBREVIATIONS)
        .chain(TITLE_ABBREVIATIONS)
        .chain(OTHER_ABBREVIATIONS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("january"), Some((1, false)));
        assert_eq!(month("may"), Some((5, false)));
        assert_eq!(month("december"), Some((12, false)));
        assert_eq!(month("sept"), Some((9, true)));
        assert_eq!(month("sep"), Some((9, true)));
        assert_eq!(month("mar"), Some((3, true)));
        assert_eq!(month("March"), None); // lowercase only
        assert_eq!(month("ma"), None);
        assert_eq!(month("septembers"), None);
        for (a, m) in MONTH_ABBREVIATIONS {
            // every abbreviation is a prefix of its month's name
            assert!(MONTHS[m as usize - 1].starts_with(a), "{a}");
        }
    }

    #[test]
    fn lists_are_lowercase_and_distinct() {
        let mut all = listed_words();
        for w in &all {
            assert_eq!(*w, w.to_lowercase(), "{w}");
        }
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a word in two lists");
    }
}

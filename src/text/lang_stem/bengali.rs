//! multilingual-rouge's Bengali stemmer: Rafi Kamal's rule-based suffix stripper as ported to
//! Python by BanglaKit's bengali-stemmer (`RafiStemmer`, MIT), which multilingual-rouge 0.0.1
//! bundles as `multilingual_rouge.bengali_stemmer`, reimplemented from its source: [`stem`]
//! gives its `RafiStemmer().stem_word(word)` for every word of
//! `tests/fixtures/multilingual/stems-bn.tsv`.
//!
//! The rules are the stemmer's `common.rules` (`data/bengali/`, with its license), which the
//! PyPI package of multilingual-rouge leaves out (there, stemming Bengali fails with
//! FileNotFoundError). They are read as the package's parser reads them: a line's whitespace
//! is removed, then its `#` comment; `{` ... `}` make a group of suffixes, in order; `suffix
//! -> replacement` is a replacement rule.
//!
//! The stemmer takes the groups in order and, in each, the first suffix the word ends with:
//! with a replacement rule, the suffix's first characters are overwritten by the
//! replacement's (a `.` keeps the character) and the word is cut after them, whatever is left
//! before the suffix (`েয়ে -> া`: `গেয়ে` becomes `গা`, with য় as U+09DF as the rules write
//! it); otherwise the suffix comes off when what is left has at least one character that is
//! not one of the vowel signs `া ি ী ে ু ূ ো` (`এটাই` → `এটা`, `েই` stays). Either way the
//! rest of that group is skipped and the next group sees the new word.
//!
//! Quirks kept: a `.` in a rule's suffix (`ে.েছিলেন`, `ে.ে`) is matched literally, so those two
//! rules only apply to words with a full stop in them (Rafi Kamal's rules format meant it as any
//! one character; the Python port's `str.endswith` takes it as it is); suffixes are compared code
//! point by code point, so `য়` written as U+09DF (as the rules write it) and as য + nukta (U+09AF
//! U+09BC, its canonical decomposition) are different letters.

use std::sync::OnceLock;

const RULES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/bengali/common.rules"
));

/// What a matched suffix does.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    /// The suffix comes off when the rest has a character that is not a listed vowel sign.
    Strip,
    /// The suffix is replaced by this (the rule's replacement with its `.` filled in from the
    /// suffix), unconditionally.
    Replace(String),
}

/// One suffix of a group.
#[derive(Debug, Clone)]
struct Rule {
    suffix: String,
    action: Action,
}

/// Python's `str.isspace` (what the parser's `\s` removes).
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// Python's `str.splitlines` line ends (empty lines are dropped by the parser anyway, so
/// `\r\n` may count as two).
fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The rules' groups, parsed as `RafiStemmerRuleParser` parses them.
fn parse(content: &str) -> Vec<Vec<Rule>> {
    let mut lines: Vec<String> = Vec::new();
    let mut replace: Vec<(String, String)> = Vec::new();
    for raw in content.split(is_line_end) {
        let line: String = raw.chars().filter(|&c| !is_python_space(c)).collect();
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => &line[..],
        };
        if line.is_empty() {
            continue;
        }
        let (key, rule) = match line.find("->") {
            Some(i) => {
                let rule = &line[i + 2..];
                // `_, suf = line.split("->")`: a second arrow is a ValueError, the line is
                // skipped
                if rule.contains("->") {
                    continue;
                }
                (&line[..i], Some(rule))
            }
            None => (line, None),
        };
        if !key.is_empty() {
            lines.push(key.to_owned());
        }
        if let Some(rule) = rule.filter(|r| !r.is_empty()) {
            match replace.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = rule.to_owned(),
                None => replace.push((key.to_owned(), rule.to_owned())),
            }
        }
    }
    let mut groups = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i] == "{" {
            let mut group = Vec::new();
            i += 1;
            while i < lines.len() && lines[i] != "}" {
                let suffix = lines[i].clone();
                let action = match replace.iter().find(|(k, _)| *k == suffix) {
                    Some((_, r)) => Action::Replace(
                        r.chars()
                            .zip(suffix.chars().chain(std::iter::repeat('.')))
                            .map(|(r, s)| if r == '.' { s } else { r })
                            .collect(),
                    ),
                    None => Action::Strip,
                };
                group.push(Rule { suffix, action });
                i += 1;
            }
            groups.push(group);
        }
        i += 1;
    }
    groups
}

fn groups() -> &'static [Vec<Rule>] {
    static GROUPS: OnceLock<Vec<Vec<Rule>>> = OnceLock::new();
    GROUPS.get_or_init(|| parse(RULES))
}

/// The stemmer's `check`: at least one character that is not one of its seven vowel signs.
fn has_base(s: &str) -> bool {
    s.chars().any(|c| {
        !matches!(
            c,
            '\u{9BE}' | '\u{9BF}' | '\u{9C0}' | '\u{9C7}' | '\u{9C1}' | '\u{9C2}' | '\u{9CB}'
        )
    })
}

/// The stem of `word` as multilingual-rouge's bundled `RafiStemmer().stem_word(word)` gives
/// it, with the bengali-stemmer's rules (see the module documentation).
pub fn stem(word: &str) -> String {
    let mut word = word.to_owned();
    for group in groups() {
        let Some(rule) = group.iter().find(|r| word.ends_with(&r.suffix)) else {
            continue;
        };
        let index = word.len() - rule.suffix.len();
        match &rule.action {
            Action::Replace(with) => {
                word.truncate(index);
                word.push_str(with);
            }
            Action::Strip => {
                if has_base(&word[..index]) {
                    word.truncate(index);
                }
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::{Action, RULES, groups, parse, stem};

    const FIXTURE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/multilingual/stems-bn.tsv"
    ));

    #[test]
    fn stems_as_rafi_stemmer_does() {
        super::super::check_fixture(FIXTURE, 3000, |_, word| stem(word));
    }

    #[test]
    fn rules_parse_as_the_package_parses_them() {
        let g = groups();
        let sizes: Vec<usize> = g.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 3, 39, 10]);
        let replaced: Vec<(&str, &str)> = g
            .iter()
            .flatten()
            .filter_map(|r| match &r.action {
                Action::Replace(w) => Some((r.suffix.as_str(), w.as_str())),
                Action::Strip => None,
            })
            .collect();
        assert_eq!(
            replaced,
            [
                ("রছ", "র"),
                ("রব", "র"),
                ("ে\u{9df}ে", "া"),
                ("ে\u{9df}েছিল", "া"),
                ("ে\u{9df}েছিলেন", "া"),
                ("ে.েছিলেন", "া."),
                ("ে.ে", "া.")
            ]
        );
        // no replacement is longer than its suffix (the package would fail on one)
        for r in g.iter().flatten() {
            if let Action::Replace(w) = &r.action {
                assert!(w.chars().count() <= r.suffix.chars().count());
            }
        }
        // the package's own parser test
        let dummy = "{\n\tই\t\t\t# এটাই, সেটাই\n\tও\t\t\t# এটাও, সেটাও\n\tতো\t\t\t# হয়তো, করলতো\n}\n\n{\n\tকে\t\t\t# এটাকে, আমাকে\n\tতে\t\t\t# হাসতে, গাইতে\n\tরা\t\t\t# রহিমরা, করিমরা\n}";
        let parsed = parse(dummy);
        let names: Vec<Vec<&str>> = parsed
            .iter()
            .map(|g| g.iter().map(|r| r.suffix.as_str()).collect())
            .collect();
        assert_eq!(names, [["ই", "ও", "তো"], ["কে", "তে", "রা"]]);
        assert!(RULES.starts_with('{'));
    }

    #[test]
    fn examples_of_the_package() {
        // bengali-stemmer's own test
        for (word, want) in [
            ("আমি", "আমি"),
            ("বাংলা\u{9df}", "বাংলা"),
            ("বাংলা\u{9af}\u{9bc}", "বাংলা\u{9af}\u{9bc}"),
            ("গে\u{9df}ে", "গা"),
            ("হে.েছিলেন", "হা."),
            ("হেসে", "হেস"),
            ("েই", "েই"),
            ("গান", "গান"),
            ("গাই", "গা"),
            ("ভাতের", "ভাত"),
            ("", ""),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(word in "([\u{980}-\u{9FF}a.\u{200c}]|ে.ে|েয়ে|টি|গুলো|ছিলেন|দের){0,16}") {
            let s = stem(&word);
            proptest::prop_assert!(s.chars().count() <= word.chars().count());
        }

        #[test]
        fn never_panics_on_any_text(word in "\\PC{0,12}") {
            let _ = stem(&word);
        }
    }
}

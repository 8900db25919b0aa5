//! multilingual-rouge's Turkish stemmer: the `TurkishStemmer` package 1.3 (PyPI; Osman
//! Tunçelli's Python stemmer after the Java one of elasticsearch-analysis-turkishstemmer,
//! Apache License 2.0), reimplemented from its source: [`stem`] gives its
//! `TurkishStemmer().stem(word)` for every word of `tests/fixtures/multilingual/stems-tr.tsv`.
//!
//! It is not Snowball Turkish (`rust_stemmers::Algorithm::Turkish`), although both follow
//! Eryiğit and Adalı's affix-stripping analyser: on 102,165 word forms generated as
//! `scripts/multilingual/stem_fixtures.py` generates them (`tr_words(100000)`) the two give
//! the same stem for 63 % (`meclisi`: `meç` here, `meclis` in Snowball; `onayladı`: `ona`,
//! `onayladı`).
//!
//! The algorithm, as the package runs it:
//!
//! 1. A word is stemmed only when it is made of the 29 lowercase letters of the Turkish
//!    alphabet (no `q`, `w`, `x`, no circumflex, no uppercase), is not a protected word and has
//!    at least two vowels; any other word is returned as it is.
//! 2. Three state machines strip suffixes from the end: the nominal verb suffixes (`-(y)Um`,
//!    `-DUr`, `-(y)mUş`, ...) on the word; the noun suffixes (`-lAr`, `-(U)mUz`, `-DAn`, `-ki`,
//!    ...) on the word and on each stem found so far; the derivational suffix `-lU` on the word
//!    and on each stem. A machine works through a queue of transitions (a state, the suffix
//!    that matched, the word it matched); a transition whose suffix comes off gives a stem when
//!    it leads to a final state (and then drops the queued transitions between the same two
//!    states, and the marked ones), or marks the queued transitions between the same two
//!    states when it does not. A suffix comes off only when the word is not protected and its
//!    last two vowels agree in frontness and roundness (or the word is a listed exception, or
//!    the suffix is `-ki`); a merging letter (the `y` of `-(y)Um`, ...) then comes off too when
//!    the letter before it is of the other kind (a consonant before a merging vowel, a vowel
//!    before a merging consonant), and when it is not, the suffix stays on.
//! 3. Of the stems with at least one vowel, a final `b`, `c`, `d`, `ğ` becomes `p`, `ç`, `t`,
//!    `k` (but in `ad`, `at`, `ked`), and the stem listed as an exception to the average size
//!    wins, else the one whose length is nearest to four characters, the shorter on ties; the
//!    word itself when there is no stem.
//!
//! Quirks kept: the package's `Transition` ignores the `marked` flag it is built with, so a
//! transition is marked only when another one between the same two states has come off first; the
//! noun state after `-(n)cA` lists `-(s)U` twice; a merging letter is also looked for when the
//! suffix itself did not come off (a word ending in `-(n)Un` that fails vowel harmony still loses
//! the final `n`). The word lists are the package's `resources` (`data/turkish/`, with its
//! license). With them the package's choice of the final stem is deterministic: its comparison is
//! not a total order when two stems are size exceptions, but no word can have two such stems (each
//! stem is a prefix of the word, and no listed exception begins another one, even with its last
//! consonant softened).

use std::collections::VecDeque;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

const PROTECTED_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/turkish/protected_words.txt"
));
const VOWEL_HARMONY_EXCEPTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/turkish/vowel_harmony_exceptions.txt"
));
const LAST_CONSONANT_EXCEPTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/turkish/last_consonant_exceptions.txt"
));
const AVERAGE_STEM_SIZE_EXCEPTIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/turkish/average_stem_size_exceptions.txt"
));

/// The length (in characters) of a typical Turkish stem, by which the final stem is chosen.
const AVERAGE_STEMMED_SIZE: usize = 4;

/// The package's four word lists.
struct Lists {
    protected: FxHashSet<&'static str>,
    vowel_harmony: FxHashSet<&'static str>,
    last_consonant: FxHashSet<&'static str>,
    average_size: FxHashSet<&'static str>,
}

/// A list as the package loads it: each line, stripped of surrounding whitespace.
fn word_set(text: &'static str) -> FxHashSet<&'static str> {
    text.lines().map(str::trim).collect()
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        protected: word_set(PROTECTED_WORDS),
        vowel_harmony: word_set(VOWEL_HARMONY_EXCEPTIONS),
        last_consonant: word_set(LAST_CONSONANT_EXCEPTIONS),
        average_size: word_set(AVERAGE_STEM_SIZE_EXCEPTIONS),
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'ı' | 'i' | 'o' | 'ö' | 'u' | 'ü')
}

fn is_consonant(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'ç'
            | 'd'
            | 'f'
            | 'g'
            | 'ğ'
            | 'h'
            | 'j'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'r'
            | 's'
            | 'ş'
            | 't'
            | 'v'
            | 'y'
            | 'z'
    )
}

fn count_syllables(word: &str) -> usize {
    word.chars().filter(|&c| is_vowel(c)).count()
}

/// The last two vowels agree in frontness and roundness (true with fewer than two vowels).
fn has_vowel_harmony(word: &str) -> bool {
    let mut vowels = word.chars().rev().filter(|&c| is_vowel(c));
    let (Some(candidate), Some(vowel)) = (vowels.next(), vowels.next()) else {
        return true;
    };
    let front = |c| matches!(c, 'e' | 'i' | 'ö' | 'ü');
    let back = |c| matches!(c, 'ı' | 'u' | 'a' | 'o');
    let unrounded = |c| matches!(c, 'i' | 'ı' | 'e' | 'a');
    let roundness = (unrounded(vowel) && unrounded(candidate))
        || (matches!(vowel, 'o' | 'ö' | 'u' | 'ü') && matches!(candidate, 'a' | 'e' | 'u' | 'ü'));
    let frontness = (front(vowel) && front(candidate)) || (back(vowel) && back(candidate));
    roundness && frontness
}

/// A suffix: its forms (all of one length in characters), the merging letters that may stand
/// before it, and whether it needs vowel harmony.
struct Suffix {
    forms: &'static [&'static str],
    optional: &'static [char],
    harmony: bool,
}

impl Suffix {
    /// The byte length of the form `word` ends with.
    fn matched(&self, word: &str) -> Option<usize> {
        self.forms
            .iter()
            .find(|f| word.ends_with(*f))
            .map(|f| f.len())
    }
}

const fn suffix(
    forms: &'static [&'static str],
    optional: &'static [char],
    harmony: bool,
) -> Suffix {
    Suffix {
        forms,
        optional,
        harmony,
    }
}

const HIGH: &[char] = &['ı', 'i', 'u', 'ü'];

/// Nominal verb suffixes, S1 to S15 at indices 0 to 14.
const NOMINAL_VERB: [Suffix; 15] = [
    // S1: -(y)Um
    suffix(&["ım", "im", "um", "üm"], &['y'], true),
    // S2: -sUn
    suffix(&["sın", "sin", "sun", "sün"], &[], true),
    // S3: -(y)Uz
    suffix(&["ız", "iz", "uz", "üz"], &['y'], true),
    // S4: -sUnUz
    suffix(&["sınız", "siniz", "sunuz", "sünüz"], &[], true),
    // S5: -lAr
    suffix(&["lar", "ler"], &[], true),
    // S6: -m
    suffix(&["m"], &[], true),
    // S7: -n
    suffix(&["n"], &[], true),
    // S8: -k
    suffix(&["k"], &[], true),
    // S9: -nUz
    suffix(&["nız", "niz", "nuz", "nüz"], &[], true),
    // S10: -DUr
    suffix(
        &["tır", "tir", "tur", "tür", "dır", "dir", "dur", "dür"],
        &[],
        true,
    ),
    // S11: -cAsInA
    suffix(&["casına", "çasına", "cesine", "çesine"], &[], true),
    // S12: -(y)DU
    suffix(
        &["dı", "di", "du", "dü", "tı", "ti", "tu", "tü"],
        &['y'],
        true,
    ),
    // S13: -(y)sA
    suffix(&["sa", "se"], &['y'], true),
    // S14: -(y)mUş
    suffix(&["muş", "miş", "müş", "mış"], &['y'], true),
    // S15: -(y)ken
    suffix(&["ken"], &['y'], true),
];

/// Noun suffixes, S1 to S19 at indices 0 to 18.
const NOUN: [Suffix; 19] = [
    // S1: -lAr
    suffix(&["lar", "ler"], &[], true),
    // S2: -(U)m
    suffix(&["m"], HIGH, true),
    // S3: -(U)mUz
    suffix(&["mız", "miz", "muz", "müz"], HIGH, true),
    // S4: -Un
    suffix(&["ın", "in", "un", "ün"], &[], true),
    // S5: -(U)nUz
    suffix(&["nız", "niz", "nuz", "nüz"], HIGH, true),
    // S6: -(s)U
    suffix(&["ı", "i", "u", "ü"], &['s'], true),
    // S7: -lArI
    suffix(&["ları", "leri"], &[], true),
    // S8: -(y)U
    suffix(&["ı", "i", "u", "ü"], &['y'], true),
    // S9: -nU
    suffix(&["nı", "ni", "nu", "nü"], &[], true),
    // S10: -(n)Un
    suffix(&["ın", "in", "un", "ün"], &['n'], true),
    // S11: -(y)A
    suffix(&["a", "e"], &['y'], true),
    // S12: -nA
    suffix(&["na", "ne"], &[], true),
    // S13: -DA
    suffix(&["da", "de", "ta", "te"], &[], true),
    // S14: -nDA
    suffix(&["nta", "nte", "nda", "nde"], &[], true),
    // S15: -DAn
    suffix(&["dan", "tan", "den", "ten"], &[], true),
    // S16: -nDAn
    suffix(&["ndan", "ntan", "nden", "nten"], &[], true),
    // S17: -(y)lA
    suffix(&["la", "le"], &['y'], true),
    // S18: -ki
    suffix(&["ki"], &[], false),
    // S19: -(n)cA
    suffix(&["ca", "ce"], &['n'], true),
];

/// The derivational suffix -lU.
const DERIVATIONAL: [Suffix; 1] = [suffix(&["lı", "li", "lu", "lü"], &[], true)];

/// A state: final or not, and its suffixes in the package's order, each with the state it
/// leads to (`(suffix index, next state index)`).
struct State {
    is_final: bool,
    moves: &'static [(u8, u8)],
}

struct Machine {
    suffixes: &'static [Suffix],
    states: &'static [State],
}

/// Suffix numbers as the package names them (S1 is index 0).
macro_rules! moves {
    ($(($s:literal, $n:expr)),* $(,)?) => { &[$(($s - 1, $n)),*] };
}

const NOMINAL_VERB_MACHINE: Machine = {
    const B: u8 = 1;
    const C: u8 = 2;
    const D: u8 = 3;
    const E: u8 = 4;
    const F: u8 = 5;
    const G: u8 = 6;
    const H: u8 = 7;
    Machine {
        suffixes: &NOMINAL_VERB,
        states: &[
            // A, the initial state: every suffix, in priority order
            State {
                is_final: false,
                moves: moves![
                    (11, H),
                    (4, B),
                    (14, F),
                    (15, F),
                    (2, B),
                    (5, C),
                    (9, D),
                    (10, E),
                    (3, B),
                    (1, B),
                    (12, F),
                    (13, F),
                    (6, D),
                    (7, D),
                    (8, D)
                ],
            },
            // B
            State {
                is_final: true,
                moves: moves![(14, F)],
            },
            // C
            State {
                is_final: true,
                moves: moves![(10, F), (12, F), (13, F), (14, F)],
            },
            // D
            State {
                is_final: false,
                moves: moves![(12, F), (13, F)],
            },
            // E
            State {
                is_final: true,
                moves: moves![(1, G), (2, G), (3, G), (4, G), (5, G), (14, F)],
            },
            // F
            State {
                is_final: true,
                moves: &[],
            },
            // G
            State {
                is_final: false,
                moves: moves![(14, F)],
            },
            // H
            State {
                is_final: false,
                moves: moves![(1, G), (2, G), (3, G), (4, G), (5, G), (14, F)],
            },
        ],
    }
};

const NOUN_MACHINE: Machine = {
    const B: u8 = 1;
    const C: u8 = 2;
    const D: u8 = 3;
    const E: u8 = 4;
    const F: u8 = 5;
    const G: u8 = 6;
    const H: u8 = 7;
    const K: u8 = 8;
    const L: u8 = 9;
    const M: u8 = 10;
    Machine {
        suffixes: &NOUN,
        states: &[
            // A, the initial state: every suffix, in priority order
            State {
                is_final: true,
                moves: moves![
                    (16, C),
                    (7, K),
                    (3, H),
                    (5, H),
                    (1, L),
                    (14, F),
                    (15, G),
                    (17, E),
                    (10, E),
                    (19, M),
                    (4, H),
                    (9, C),
                    (12, F),
                    (13, B),
                    (18, D),
                    (2, H),
                    (6, H),
                    (8, B),
                    (11, B)
                ],
            },
            // B
            State {
                is_final: true,
                moves: moves![(1, L), (2, H), (3, H), (4, H), (5, H)],
            },
            // C
            State {
                is_final: false,
                moves: moves![(6, H), (7, K)],
            },
            // D
            State {
                is_final: false,
                moves: moves![(10, E), (13, B), (14, F)],
            },
            // E
            State {
                is_final: true,
                moves: moves![
                    (1, L),
                    (2, H),
                    (3, H),
                    (4, H),
                    (5, H),
                    (6, H),
                    (7, K),
                    (18, D)
                ],
            },
            // F
            State {
                is_final: false,
                moves: moves![(6, H), (7, K), (18, D)],
            },
            // G
            State {
                is_final: true,
                moves: moves![(1, L), (2, H), (3, H), (4, H), (5, H), (18, D)],
            },
            // H
            State {
                is_final: true,
                moves: moves![(1, L)],
            },
            // K
            State {
                is_final: true,
                moves: &[],
            },
            // L
            State {
                is_final: true,
                moves: moves![(18, D)],
            },
            // M: the package lists -(s)U twice
            State {
                is_final: true,
                moves: moves![
                    (1, L),
                    (2, H),
                    (3, H),
                    (4, H),
                    (5, H),
                    (6, H),
                    (6, H),
                    (7, K)
                ],
            },
        ],
    }
};

const DERIVATIONAL_MACHINE: Machine = Machine {
    suffixes: &DERIVATIONAL,
    states: &[
        State {
            is_final: false,
            moves: moves![(1, 1)],
        },
        State {
            is_final: true,
            moves: &[],
        },
    ],
};

/// A queued transition: from state `start` to `next` by `suffix`, on the word's prefix of
/// `len` bytes.
#[derive(Clone, Copy)]
struct Transition {
    start: u8,
    next: u8,
    suffix: u8,
    len: usize,
    marked: bool,
}

/// Queues the transitions of `state` whose suffix `word` ends with.
fn add_transitions(machine: &Machine, state: u8, word: &str, queue: &mut VecDeque<Transition>) {
    for &(suffix, next) in machine.states[usize::from(state)].moves {
        if machine.suffixes[usize::from(suffix)]
            .matched(word)
            .is_some()
        {
            queue.push_back(Transition {
                start: state,
                next,
                suffix,
                len: word.len(),
                // the package's Transition drops the flag it is given
                marked: false,
            });
        }
    }
}

/// The byte length of `word` after removing `suffix` (the package's `stemWord`): `word.len()`
/// when nothing comes off.
fn stem_word(lists: &Lists, word: &str, suffix: &Suffix) -> usize {
    // the package's `(harmony and has_vowel_harmony or exception) or not harmony`
    let marked = !lists.protected.contains(word)
        && (!suffix.harmony || has_vowel_harmony(word) || lists.vowel_harmony.contains(word));
    let mut stemmed = word.len();
    if marked && let Some(n) = suffix.matched(word) {
        stemmed -= n;
    }
    let mut rest = word[..stemmed].chars().rev();
    if let Some(last) = rest.next()
        && suffix.optional.contains(&last)
    {
        let valid = match rest.next() {
            None => false,
            Some(previous) if is_vowel(last) => is_consonant(previous),
            Some(previous) => is_vowel(previous),
        };
        stemmed = if valid {
            stemmed - last.len_utf8()
        } else {
            word.len()
        };
    }
    stemmed
}

/// Runs one state machine on `word[..len]`, adding the byte lengths of its stems to `stems`.
fn strip(lists: &Lists, machine: &Machine, word: &str, len: usize, stems: &mut Vec<usize>) {
    let mut queue = VecDeque::new();
    add_transitions(machine, 0, &word[..len], &mut queue);
    while let Some(t) = queue.pop_front() {
        let suffix = &machine.suffixes[usize::from(t.suffix)];
        let stem = stem_word(lists, &word[..t.len], suffix);
        if stem == t.len {
            continue;
        }
        if machine.states[usize::from(t.next)].is_final {
            queue.retain(|q| !((q.start == t.start && q.next == t.next) || q.marked));
            if !stems.contains(&stem) {
                stems.push(stem);
            }
        } else {
            for q in queue.iter_mut() {
                if q.start == t.start && q.next == t.next {
                    q.marked = true;
                }
            }
        }
        add_transitions(machine, t.next, &word[..stem], &mut queue);
    }
}

/// The stem with the last consonant rule applied: a final `b`, `c`, `d`, `ğ` becomes `p`,
/// `ç`, `t`, `k`, except in the listed words.
fn last_consonant(lists: &Lists, stem: &str) -> String {
    if lists.last_consonant.contains(stem) {
        return stem.to_owned();
    }
    let mut out = stem.to_owned();
    let replace = match stem.chars().next_back() {
        Some('b') => 'p',
        Some('c') => 'ç',
        Some('d') => 't',
        Some('ğ') => 'k',
        _ => return out,
    };
    out.pop();
    out.push(replace);
    out
}

/// The stem of `word` as the `TurkishStemmer` package's `TurkishStemmer().stem(word)` gives
/// it; the word itself when it is not stemmed (see the module documentation: only lowercase
/// Turkish words of two or more syllables that are not protected are stemmed).
pub fn stem(word: &str) -> String {
    let lists = lists();
    if word.is_empty()
        || !word.chars().all(|c| is_vowel(c) || is_consonant(c))
        || lists.protected.contains(word)
        || count_syllables(word) < 2
    {
        return word.to_owned();
    }
    let mut stems = Vec::new();
    strip(lists, &NOMINAL_VERB_MACHINE, word, word.len(), &mut stems);
    let mut words = stems.clone();
    words.push(word.len());
    for &len in &words {
        strip(lists, &NOUN_MACHINE, word, len, &mut stems);
    }
    let mut words = stems.clone();
    if !words.contains(&word.len()) {
        words.push(word.len());
    }
    for &len in &words {
        strip(lists, &DERIVATIONAL_MACHINE, word, len, &mut stems);
    }
    // every stem is a proper prefix of the word, so the stems (and their final forms) differ
    // in length, and the order below is total
    let mut best: Option<(bool, usize, usize, String)> = None;
    for &len in &stems {
        let prefix = &word[..len];
        if len == word.len() || count_syllables(prefix) == 0 {
            continue;
        }
        let candidate = last_consonant(lists, prefix);
        let chars = candidate.chars().count();
        let key = (
            !lists.average_size.contains(candidate.as_str()),
            chars.abs_diff(AVERAGE_STEMMED_SIZE),
            chars,
        );
        if best.as_ref().is_none_or(|b| key < (b.0, b.1, b.2)) {
            best = Some((key.0, key.1, key.2, candidate));
        }
    }
    match best {
        Some((_, _, _, s)) => s,
        None => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    const FIXTURE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/multilingual/stems-tr.tsv"
    ));

    #[test]
    fn stems_as_turkish_stemmer_does() {
        super::super::check_fixture(FIXTURE, 5000, |_, word| stem(word));
    }

    #[test]
    fn examples_of_the_package() {
        for (word, want) in [
            ("okuldakilerden", "okul"),
            ("kalelerimizdekilerden", "kale"),
            ("çocuğuymuşumcasına", "çocuk"),
            ("kedileriyle", "kedi"),
            ("çocuklarımmış", "çocuk"),
            ("kitabımızdı", "kitap"),
            ("meclisi", "meç"),
            ("Evler", "Evler"),
            ("", ""),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(word in "([a-zçğıöşüâîûwxqİI0-9'’\u{307} -]|lar|ler|ları|leri|ki|dan|den|ymış|casına|sınız|nın){0,24}") {
            let s = stem(&word);
            proptest::prop_assert!(s.len() <= word.len() + 1);
        }

        #[test]
        fn never_panics_on_any_text(word in "\\PC{0,12}") {
            let _ = stem(&word);
        }
    }
}

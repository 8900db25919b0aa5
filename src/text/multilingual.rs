//! multilingual-rouge's tokenisation (XL-Sum's fork of rouge-score, PyPI `multilingual-rouge`
//! 0.0.1), its stemmers, and language detection for `--lang auto` ([`detect_language`]). The
//! word segmenters of the scripts written without spaces are in
//! [`segment`](super::segment).
//!
//! Its pipeline, read from its source and checked token for token against its output on
//! `datasets/multilingual` (`tests/fixtures/multilingual/pairs.mrouge.jsonl`):
//!
//! 1. the text is lowercased (Python's `str.lower`, the full Unicode mapping);
//! 2. BERT's `BasicTokenizer` (no accent stripping): NUL, U+FFFD and control characters (any
//!    category `C*` but tab, newline, carriage return) are dropped, whitespace (category `Zs`,
//!    tab, newline, carriage return) becomes a space, the text is split on whitespace and every
//!    punctuation character (category `P*`, or ASCII `!`-`/`, `:`-`@`, `[`-`` ` ``, `{`-`~`)
//!    splits its word and is dropped ([`basic_tokens`]);
//! 3. for ROUGE-1/2/L, the words go through OpenNMT's tokenizer in its "aggressive" mode:
//!    letters and numbers part, marks stay with what they follow, any other character (a
//!    symbol, an emoji) is a token of its own; then CJK ideographs are spaced
//!    out ([`tokens`]);
//! 4. ROUGE-Lsum's sentences (the lines) get step 2 only ([`sentence_tokens`]).
//!
//! Stemming ([`stem`]): tokens longer than three characters; nltk's Snowball stemmers (the
//! `rust-stemmers` algorithms, the same Snowball programs) leaving NLTK's stop words of the
//! language unstemmed, as multilingual-rouge asks them to (`ignore_stopwords=True`), and its
//! own Hindi suffix stripper, its Turkish stemmer (the TurkishStemmer package), its Bengali
//! one, and nltk's Arabic stemmer, which is not Snowball's program
//! ([`lang_stem`](super::lang_stem)). Greek and Tamil, which nltk's Snowball lacks (so
//! multilingual-rouge does not stem them), get rust-stemmers' Snowball programs.

use rust_stemmers::Algorithm;
use unicode_general_category::{GeneralCategory as G, get_general_category};

fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    matches!(
        get_general_category(c),
        G::Control | G::Format | G::PrivateUse | G::Surrogate | G::Unassigned
    )
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r') || get_general_category(c) == G::SpaceSeparator
}

fn is_punctuation(c: char) -> bool {
    let cp = c as u32;
    if (33..=47).contains(&cp)
        || (58..=64).contains(&cp)
        || (91..=96).contains(&cp)
        || (123..=126).contains(&cp)
    {
        return true;
    }
    matches!(
        get_general_category(c),
        G::ClosePunctuation
            | G::ConnectorPunctuation
            | G::DashPunctuation
            | G::FinalPunctuation
            | G::InitialPunctuation
            | G::OpenPunctuation
            | G::OtherPunctuation
    )
}

/// Python's `str.split()` whitespace (what `whitespace_tokenize` splits on).
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// Steps 1 and 2: the lowercased text's words, punctuation removed (`tokenize` with the
/// default `BasicTokenizer`).
pub fn basic_tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in lower.chars() {
        if c == '\0' || c == '\u{FFFD}' || is_control(c) {
            continue;
        }
        if is_space(c) || is_python_space(c) || is_punctuation(c) {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Number,
    Mark,
}

/// A character's class in the aggressive mode (`None`: a symbol, a token of its own).
fn class_of(c: char) -> Option<Class> {
    match get_general_category(c) {
        G::NonspacingMark | G::SpacingMark | G::EnclosingMark => Some(Class::Mark),
        G::LowercaseLetter
        | G::UppercaseLetter
        | G::TitlecaseLetter
        | G::ModifierLetter
        | G::OtherLetter => Some(Class::Letter),
        G::DecimalNumber | G::LetterNumber | G::OtherNumber => Some(Class::Number),
        _ => None,
    }
}

/// BERT's "Chinese character" ranges (CJK ideographs), which are spaced out.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Calls `f` with each ROUGE-1/2/L token of a text in a language without a segmenter: steps
/// 1-3 in one pass over the lowercased text, one reusable buffer for the token. The aggressive
/// mode's state (`active`, `class`: inside a token of letters, numbers or marks) is kept apart
/// from the output buffer, because the CJK spacing then splits its tokens at ideographs only.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let lower = text.to_lowercase();
    let mut cur = String::new();
    let mut class = Class::Letter;
    let mut active = false;
    let flush = |cur: &mut String, f: &mut dyn FnMut(&str)| {
        if !cur.is_empty() {
            f(cur);
            cur.clear();
        }
    };
    for c in lower.chars() {
        // ASCII without the category table: letters and digits extend or start a token,
        // controls vanish, everything else (spaces, punctuation) separates
        let this = if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                Class::Letter
            } else if c.is_ascii_digit() {
                Class::Number
            } else {
                if !c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r') {
                    flush(&mut cur, &mut f);
                    active = false;
                }
                continue;
            }
        } else {
            if c == '\u{FFFD}' || is_control(c) {
                continue;
            }
            if is_space(c) || is_python_space(c) || is_punctuation(c) {
                flush(&mut cur, &mut f);
                active = false;
                continue;
            }
            match class_of(c) {
                Some(class) => class,
                // symbols stand alone
                None => {
                    flush(&mut cur, &mut f);
                    active = false;
                    let mut b = [0u8; 4];
                    f(c.encode_utf8(&mut b));
                    continue;
                }
            }
        };
        // the aggressive mode: a mark continues any token; a letter or number continues a
        // token of its class, else ends it and starts one
        let continues = active && (this == Class::Mark || this == class);
        if !continues {
            flush(&mut cur, &mut f);
            active = true;
            class = this;
        }
        // the CJK spacing: an ideograph is a token of its own
        if is_cjk(c) {
            flush(&mut cur, &mut f);
            let mut b = [0u8; 4];
            f(c.encode_utf8(&mut b));
        } else {
            cur.push(c);
        }
    }
    flush(&mut cur, &mut f);
}

/// The ROUGE-1/2/L tokens of a text in a language without a segmenter.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.to_owned()));
    out
}

/// The ROUGE-Lsum tokens of one sentence (line): steps 1 and 2 only, as multilingual-rouge
/// tokenises its Lsum sentences.
pub fn sentence_tokens(sentence: &str) -> Vec<String> {
    basic_tokens(sentence)
}

/// A language's stemmer in multilingual-rouge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangStemmer {
    /// nltk's Snowball stemmer of the language (by its ISO 639-1 code), stop words left alone.
    Snowball(&'static str),
    /// multilingual-rouge's Hindi suffix stripper.
    Hindi,
    /// The TurkishStemmer package's ([`lang_stem::turkish`](super::lang_stem::turkish)).
    Turkish,
    /// multilingual-rouge's bundled Bengali stemmer
    /// ([`lang_stem::bengali`](super::lang_stem::bengali)).
    Bengali,
    /// nltk's own Arabic stemmer ([`lang_stem::arabic`](super::lang_stem::arabic)), NLTK's
    /// stop words left alone as nltk checks them, in the state an nltk stemmer object is in
    /// after its first verb pronoun suffix (see [`stem`]).
    Arabic,
}

impl LangStemmer {
    /// The signature name: `snowball-fr`, `hindi-mrouge`.
    pub fn signature_name(self) -> String {
        match self {
            LangStemmer::Snowball(code) => format!("snowball-{code}"),
            LangStemmer::Hindi => "hindi-mrouge".to_owned(),
            LangStemmer::Turkish => "turkishstemmer-1.3".to_owned(),
            LangStemmer::Bengali => "bengali-rafi-mrouge".to_owned(),
            LangStemmer::Arabic => "nltk-arabic-3.10".to_owned(),
        }
    }

    /// The stemmer of a [signature name](LangStemmer::signature_name), `None` for an unknown
    /// one.
    pub fn from_signature_name(name: &str) -> Option<LangStemmer> {
        Some(match name {
            "hindi-mrouge" => LangStemmer::Hindi,
            "turkishstemmer-1.3" => LangStemmer::Turkish,
            "bengali-rafi-mrouge" => LangStemmer::Bengali,
            "nltk-arabic-3.10" => LangStemmer::Arabic,
            _ => {
                let code = name.strip_prefix("snowball-")?;
                algorithm(code)?;
                LangStemmer::Snowball(language_code(code).filter(|c| *c == code)?)
            }
        })
    }

    /// The stemmer multilingual-rouge uses for `lang` (ISO 639-1), when reproduced here.
    pub fn for_lang(lang: &str) -> Option<LangStemmer> {
        match lang {
            "hi" => Some(LangStemmer::Hindi),
            "tr" => Some(LangStemmer::Turkish),
            "bn" => Some(LangStemmer::Bengali),
            "ar" => Some(LangStemmer::Arabic),
            _ => algorithm(lang)
                .and(language_code(lang))
                .map(LangStemmer::Snowball),
        }
    }
}

/// Written as its [signature name](LangStemmer::signature_name).
impl serde::Serialize for LangStemmer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.signature_name())
    }
}

impl<'de> serde::Deserialize<'de> for LangStemmer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <String as serde::Deserialize>::deserialize(d)?;
        LangStemmer::from_signature_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown stemmer '{name}'")))
    }
}

fn algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "el" => Algorithm::Greek,
        "ta" => Algorithm::Tamil,
        _ => return None,
    })
}

const HINDI_SUFFIXES: [&[&str]; 5] = [
    &["ो", "े", "ू", "ु", "ी", "ि", "ा"],
    &[
        "कर", "ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ाँ", "ां", "ों", "ें",
    ],
    &[
        "ाकर",
        "ाइए",
        "ाईं",
        "ाया",
        "ेगी",
        "ेगा",
        "ोगी",
        "ोगे",
        "ाने",
        "ाना",
        "ाते",
        "ाती",
        "ाता",
        "तीं",
        "ाओं",
        "ाएं",
        "ुओं",
        "ुएं",
        "ुआं",
    ],
    &[
        "ाएगी",
        "ाएगा",
        "ाओगी",
        "ाओगे",
        "एंगी",
        "ेंगी",
        "एंगे",
        "ेंगे",
        "ूंगी",
        "ूंगा",
        "ातीं",
        "नाओं",
        "नाएं",
        "ताओं",
        "ताएं",
        "ियाँ",
        "ियों",
        "ियां",
    ],
    &["ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयाँ", "ाइयों", "ाइयां"],
];

/// multilingual-rouge's `HindiStemmer` (Ramanathan and Rao 2003): the longest listed suffix
/// of L characters (L = 5 down to 1) is removed when the word has more than L + 1 characters.
/// (Its code removes L characters, the suffix's length in code points.)
fn hindi_stem(token: &str) -> String {
    let n = token.chars().count();
    for l in (1..=5usize).rev() {
        if n > l + 1 {
            for suf in HINDI_SUFFIXES[l - 1] {
                if token.ends_with(suf) {
                    return token.chars().take(n - l).collect();
                }
            }
        }
    }
    token.to_owned()
}

/// Stems by language, then by token.
type StemCache = rustc_hash::FxHashMap<&'static str, rustc_hash::FxHashMap<Box<str>, Box<str>>>;

thread_local! {
    /// Stems by language and token, per thread (a language's table is reset when it grows past
    /// a million entries).
    static SNOWBALL_CACHE: std::cell::RefCell<StemCache> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// NLTK's stop words of a language (the `stop-words` crate's lists), as a set, built once.
fn stop_set(code: &'static str) -> &'static rustc_hash::FxHashSet<&'static str> {
    use std::sync::{Mutex, OnceLock};
    static SETS: OnceLock<
        Mutex<rustc_hash::FxHashMap<&'static str, &'static rustc_hash::FxHashSet<&'static str>>>,
    > = OnceLock::new();
    let sets = SETS.get_or_init(|| Mutex::new(rustc_hash::FxHashMap::default()));
    let mut sets = sets
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    sets.entry(code).or_insert_with(|| {
        let set: rustc_hash::FxHashSet<&'static str> = stop_words::lookup(code)
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        Box::leak(Box::new(set))
    })
}

/// The stem of `token` as multilingual-rouge's `MultiStemmer` gives it: unchanged when it has
/// three characters or fewer.
///
/// Arabic: nltk's `ArabicStemmer` answers differently for the same word once its object has
/// removed a verb pronoun suffix from any earlier word (a flag it never resets: `كتبوا` stems to
/// `كتب` before, `كتبو` after). A multilingual-rouge scorer keeps one object for all its calls,
/// so past the first such word of a run (a very common ending) it is always in that state;
/// sumbench always is, so that a word's stem does not depend on the words before it.
pub fn stem(stemmer: LangStemmer, token: &str) -> String {
    if token.chars().count() <= 3 {
        return token.to_owned();
    }
    let key = match stemmer {
        LangStemmer::Hindi => return hindi_stem(token),
        LangStemmer::Snowball(code) => code,
        LangStemmer::Turkish => "tr-mrouge",
        LangStemmer::Bengali => "bn-mrouge",
        LangStemmer::Arabic => "ar-nltk",
    };
    SNOWBALL_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let cache = cache.entry(key).or_default();
        if let Some(s) = cache.get(token) {
            return s.to_string();
        }
        let stemmed = match stemmer {
            LangStemmer::Turkish => super::lang_stem::turkish::stem(token),
            LangStemmer::Bengali => super::lang_stem::bengali::stem(token),
            // nltk's stemmer object keeps one flag across words, set by the first word that
            // loses a verb pronoun suffix and never reset: every multilingual-rouge run is in
            // that state after its first such word, and so is this one always
            LangStemmer::Arabic => super::lang_stem::arabic::Stemmer {
                verb_step1_succeeded: true,
            }
            .stem_unless(token, |bare| stop_set("ar").contains(bare)),
            LangStemmer::Snowball(code) if !stop_set(code).contains(token) => {
                match algorithm(code) {
                    Some(a) => rust_stemmers::Stemmer::create(a).stem(token).into_owned(),
                    None => token.to_owned(),
                }
            }
            _ => token.to_owned(),
        };
        if cache.len() >= 1 << 20 {
            cache.clear();
        }
        cache.insert(token.into(), stemmed.clone().into());
        stemmed
    })
}

/// whatlang's languages (ISO 639-3) by ISO 639-1 code.
const WHATLANG: [(whatlang::Lang, &str); 70] = {
    use whatlang::Lang as L;
    [
        (L::Epo, "eo"),
        (L::Eng, "en"),
        (L::Rus, "ru"),
        (L::Cmn, "zh"),
        (L::Spa, "es"),
        (L::Por, "pt"),
        (L::Ita, "it"),
        (L::Ben, "bn"),
        (L::Fra, "fr"),
        (L::Deu, "de"),
        (L::Ukr, "uk"),
        (L::Kat, "ka"),
        (L::Ara, "ar"),
        (L::Hin, "hi"),
        (L::Jpn, "ja"),
        (L::Heb, "he"),
        (L::Yid, "yi"),
        (L::Pol, "pl"),
        (L::Amh, "am"),
        (L::Jav, "jv"),
        (L::Kor, "ko"),
        (L::Nob, "no"),
        (L::Dan, "da"),
        (L::Swe, "sv"),
        (L::Fin, "fi"),
        (L::Tur, "tr"),
        (L::Nld, "nl"),
        (L::Hun, "hu"),
        (L::Ces, "cs"),
        (L::Ell, "el"),
        (L::Bul, "bg"),
        (L::Bel, "be"),
        (L::Mar, "mr"),
        (L::Kan, "kn"),
        (L::Ron, "ro"),
        (L::Slv, "sl"),
        (L::Hrv, "hr"),
        (L::Srp, "sr"),
        (L::Mkd, "mk"),
        (L::Lit, "lt"),
        (L::Lav, "lv"),
        (L::Est, "et"),
        (L::Tam, "ta"),
        (L::Vie, "vi"),
        (L::Urd, "ur"),
        (L::Tha, "th"),
        (L::Guj, "gu"),
        (L::Uzb, "uz"),
        (L::Pan, "pa"),
        (L::Aze, "az"),
        (L::Ind, "id"),
        (L::Tel, "te"),
        (L::Pes, "fa"),
        (L::Mal, "ml"),
        (L::Ori, "or"),
        (L::Mya, "my"),
        (L::Nep, "ne"),
        (L::Sin, "si"),
        (L::Khm, "km"),
        (L::Tuk, "tk"),
        (L::Aka, "ak"),
        (L::Zul, "zu"),
        (L::Sna, "sn"),
        (L::Afr, "af"),
        (L::Lat, "la"),
        (L::Slk, "sk"),
        (L::Cat, "ca"),
        (L::Tgl, "tl"),
        (L::Hye, "hy"),
        (L::Cym, "cy"),
    ]
};

/// The language of `text` (ISO 639-1) as whatlang detects it from the text's first 4 KB
/// (`--lang auto`); `None` when it finds none. Lao has no whatlang model and is never found.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lang = whatlang::detect_lang(&text[..end])?;
    WHATLANG.iter().find(|(l, _)| *l == lang).map(|(_, c)| *c)
}

/// The static string of a language code a run can record for an example: a code of
/// [`language_code`] or [`detect_language`], or `und`; `None` for any other string.
pub fn static_code(code: &str) -> Option<&'static str> {
    if code == "und" {
        return Some("und");
    }
    language_code(code)
        .filter(|c| *c == code)
        .or_else(|| WHATLANG.iter().map(|(_, c)| *c).find(|c| *c == code))
}

/// The ISO 639-1 code of a language given by code or English name (`fr`, `french`), as a
/// static string; `None` for an unknown one.
pub fn language_code(name: &str) -> Option<&'static str> {
    const NAMES: [(&str, &str); 40] = [
        ("ar", "arabic"),
        ("bn", "bengali"),
        ("da", "danish"),
        ("de", "german"),
        ("el", "greek"),
        ("en", "english"),
        ("es", "spanish"),
        ("fa", "persian"),
        ("fi", "finnish"),
        ("fr", "french"),
        ("gu", "gujarati"),
        ("ha", "hausa"),
        ("hi", "hindi"),
        ("hu", "hungarian"),
        ("id", "indonesian"),
        ("it", "italian"),
        ("ja", "japanese"),
        ("km", "khmer"),
        ("ko", "korean"),
        ("lo", "lao"),
        ("mr", "marathi"),
        ("my", "burmese"),
        ("ne", "nepali"),
        ("nl", "dutch"),
        ("no", "norwegian"),
        ("pa", "punjabi"),
        ("pl", "polish"),
        ("ps", "pashto"),
        ("pt", "portuguese"),
        ("ro", "romanian"),
        ("ru", "russian"),
        ("so", "somali"),
        ("sv", "swedish"),
        ("sw", "swahili"),
        ("ta", "tamil"),
        ("te", "telugu"),
        ("th", "thai"),
        ("tr", "turkish"),
        ("uk", "ukrainian"),
        ("zh", "chinese"),
    ];
    let n = name.trim().to_ascii_lowercase().replace('-', "_");
    // XL-Sum's names that multilingual-rouge maps to its own
    let n = match n.as_str() {
        "bangla" => "bengali".to_owned(),
        "turkce" => "turkish".to_owned(),
        "chinese_simplified" | "chinese_traditional" | "zh_cn" | "zh_tw" => "chinese".to_owned(),
        "mundo" => "spanish".to_owned(),
        _ => n,
    };
    NAMES
        .iter()
        .find(|(code, full)| *code == n || *full == n)
        .map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::{Class, basic_tokens, class_of, is_cjk, is_python_space, tokens};

    /// Step 3 alone: OpenNMT's aggressive mode on already cleaned words (the reference the
    /// one-pass tokenizer is checked against).
    fn aggressive(words: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in words {
            let mut cur = String::new();
            let mut class = Class::Letter;
            for c in w.chars() {
                if is_python_space(c) {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    continue;
                }
                let this = match class_of(c) {
                    Some(class) => class,
                    None => {
                        if !cur.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                        out.push(c.to_string());
                        continue;
                    }
                };
                if this == Class::Mark && !cur.is_empty() {
                    cur.push(c);
                    continue;
                }
                if !cur.is_empty() && this != class {
                    out.push(std::mem::take(&mut cur));
                }
                class = this;
                cur.push(c);
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
        out
    }

    /// Steps 2, 3 and the CJK spacing one after the other, as multilingual-rouge runs them.
    fn reference(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for t in aggressive(&basic_tokens(text)) {
            let mut cur = String::new();
            for c in t.chars() {
                if is_cjk(c) {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    out.push(c.to_string());
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
        out
    }

    proptest::proptest! {
        /// The one-pass tokenizer equals the steps run one after the other.
        #[test]
        fn one_pass_equals_the_steps(text in "(\\PC|[ \t\n\r\u{200b}\u{0301}\u{0903}²©😀日本abcé1٣,.«»-]){0,40}") {
            proptest::prop_assert_eq!(tokens(&text), reference(&text));
        }
    }

    /// The behaviours of OpenNMT's aggressive mode seen with pyonmttok (scripts/multilingual).
    #[test]
    fn aggressive_mode_cases() {
        let split = |s: &str| aggressive(&[s.to_owned()]);
        assert_eq!(split("abc123def"), ["abc", "123", "def"]);
        assert_eq!(split("x²³"), ["x", "²³"]);
        assert_eq!(split("12²"), ["12²"]);
        assert_eq!(split("a😀b"), ["a", "😀", "b"]);
        assert_eq!(split("ab\u{0660}\u{0661}"), ["ab", "\u{0660}\u{0661}"]);
        assert_eq!(split("a\u{0301}"), ["a\u{0301}"]);
        assert_eq!(split("\u{0301}a"), ["\u{0301}", "a"]);
        assert_eq!(split("12\u{0301}"), ["12\u{0301}"]);
        assert_eq!(split("©©"), ["©", "©"]);
        assert_eq!(split("アー1"), ["アー", "1"]);
        assert_eq!(split("aʼb"), ["aʼb"]);
    }

    #[test]
    fn basic_tokenizer_removes_punctuation_and_controls() {
        assert_eq!(
            basic_tokens("« Nous ouvrirons », a-t-il dit."),
            ["nous", "ouvrirons", "a", "t", "il", "dit"]
        );
        assert_eq!(basic_tokens("A\u{200b}B\tc\u{3000}d"), ["ab", "c", "d"]);
        assert_eq!(tokens("日本語abc 2,5"), ["日", "本", "語", "abc", "2", "5"]);
    }
}

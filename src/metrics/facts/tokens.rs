//! Shared tokenisation for fact extraction: byte-span tokens over the original text and a
//! normalised word stream used for case-aware, token-boundary searches (names, quotes).

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use unicode_general_category::{GeneralCategory as G, get_general_category};

#[cfg(test)]
use super::lang::ENGLISH;
use super::lang::Profile;

/// Coarse token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Starts with a letter; may hold digits, internal apostrophes and hyphens
    /// (`Russia’s`, `Jong-un`, `COVID-19`) or be a dotted acronym (`U.S.`).
    Word,
    /// Digits with internal `,` / `.` separators (`7,000`, `3.5`).
    Num,
    /// Any other single character, plus the multi-character PTB tokens
    /// `` `` ``, `''` and `-lrb-`-style brackets.
    Punct,
}

/// One token with its byte span in the original text.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub kind: TokKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
    /// First token of its line.
    pub line_start: bool,
    /// Words: lowercased, apostrophes unified; other tokens: the text ([`Toks::norm`]).
    norm: u32,
    /// Words: `norm` without possessive and dots; other tokens: the text ([`Toks::base`]).
    base: u32,
}

/// The tokens of a text, with their `norm` and `base` strings interned (a token is 48 bytes
/// instead of 88, one copy of each distinct string: a 10 MB source has almost two million
/// tokens). Dereferences to the slice of tokens.
#[derive(Debug)]
pub(crate) struct Toks<'a> {
    toks: Vec<Tok<'a>>,
    strings: Vec<Cow<'a, str>>,
    /// The language the text was tokenised for.
    pub profile: &'static Profile,
}

impl<'a> std::ops::Deref for Toks<'a> {
    type Target = [Tok<'a>];
    fn deref(&self) -> &[Tok<'a>] {
        &self.toks
    }
}

impl<'a> Toks<'a> {
    /// The `norm` of token `t` (one of these tokens).
    pub fn norm(&self, t: &Tok<'a>) -> &Cow<'a, str> {
        &self.strings[t.norm as usize]
    }

    /// The `base` of token `t` (one of these tokens).
    pub fn base(&self, t: &Tok<'a>) -> &Cow<'a, str> {
        &self.strings[t.base as usize]
    }

    /// The id of the `norm` of token `t`: equal ids, equal strings (below
    /// [`Toks::distinct`]).
    pub fn norm_id(&self, t: &Tok<'a>) -> usize {
        t.norm as usize
    }

    /// The number of distinct `norm` and `base` strings.
    pub fn distinct(&self) -> usize {
        self.strings.len()
    }
}

impl Tok<'_> {
    /// `true` if the first character is uppercase.
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

const PTB_BRACKETS: [&str; 6] = ["-lrb-", "-rrb-", "-lsb-", "-rsb-", "-lcb-", "-rcb-"];

/// Returns the PTB bracket token (`-lrb-` …) starting at `s`, if any (case-insensitive).
fn ptb_bracket(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 5 {
        return None;
    }
    let head = &b[..5];
    PTB_BRACKETS
        .iter()
        .any(|p| head.eq_ignore_ascii_case(p.as_bytes()))
        .then_some(5)
}

/// Is this punctuation token a PTB bracket (`-lrb-`, `-RRB-` …)?
pub(crate) fn is_ptb_bracket(t: &str) -> bool {
    t.len() == 5 && ptb_bracket(t).is_some()
}

/// Tokenise `text` into words, numbers and punctuation, with byte spans (English).
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Toks<'_> {
    tokenize_impl::<false>(text, &ENGLISH)
}

/// Tokenise `text` for the language of profile `p`: English as [`tokenize`]; any other
/// language also reads digits of every script as numbers (their `norm` the ASCII digits with
/// `.` as the decimal point and `,` between groups), keeps combining marks and joiners inside
/// words (`हज़ार`, `क्या`), and makes each character of a script written without spaces (Han,
/// kana, Thai, Lao, Khmer, Myanmar) a word of its own, with its marks.
pub(crate) fn tokenize_lang<'a>(text: &'a str, p: &'static Profile) -> Toks<'a> {
    if p.is_english() {
        tokenize_impl::<false>(text, p)
    } else {
        tokenize_impl::<true>(text, p)
    }
}

fn tokenize_impl<'a, const MULTI: bool>(text: &'a str, p: &'static Profile) -> Toks<'a> {
    let mut out = Vec::new();
    let mut strings = Interner {
        strings: Vec::new(),
        ids: FxHashMap::default(),
    };
    // 4 bytes a character (not 16 with the offsets: a 10 MB source is ten million of them);
    // `pos` is the byte offset of character `i`
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let at = |k: usize| -> Option<char> { chars.get(k).copied() };
    let mut i = 0;
    let mut pos = 0usize;
    let mut space_before = true;
    let mut line_start = true;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            if c == '\n' || c == '\u{2029}' {
                line_start = true;
            }
            space_before = true;
            i += 1;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let (kind, j) = if MULTI && is_unspaced(c) {
            (TokKind::Word, scan_marks(&chars, i + 1))
        } else if c.is_alphabetic() {
            if MULTI {
                (TokKind::Word, scan_word_multi(&chars, i))
            } else {
                (TokKind::Word, scan_word(&chars, i))
            }
        } else if c.is_ascii_digit() {
            if MULTI {
                (TokKind::Num, scan_num_multi(&chars, i, p))
            } else {
                (TokKind::Num, scan_num(&chars, i))
            }
        } else if MULTI && digit_value(c).is_some() {
            (TokKind::Num, scan_num_multi(&chars, i, p))
        } else if c == '-' && ptb_bracket(&text[start..]).is_some() {
            (TokKind::Punct, i + 5)
        } else if (c == '`' && at(i + 1) == Some('`')) || (c == '\'' && at(i + 1) == Some('\'')) {
            (TokKind::Punct, i + 2)
        } else {
            (TokKind::Punct, i + 1)
        };
        let j = j.min(n).max(i + 1);
        let end = start + chars[i..j].iter().map(|c| c.len_utf8()).sum::<usize>();
        let t = &text[start..end];
        let (norm, base) = if MULTI && kind == TokKind::Word && !is_ptb_bracket(t) {
            let norm = norm_word_lang(t, p);
            let base = if p.apostrophe_suffixes {
                apostrophe_base(&norm)
            } else {
                base_cow(&norm)
            };
            (norm, base)
        } else if MULTI && kind == TokKind::Num {
            let norm = norm_num(t, p);
            (norm.clone(), norm)
        } else if kind == TokKind::Word && !is_ptb_bracket(t) {
            let norm = norm_word(t);
            let base = base_cow(&norm);
            (norm, base)
        } else {
            (Cow::Borrowed(t), Cow::Borrowed(t))
        };
        out.push(Tok {
            kind,
            text: t,
            start,
            end,
            space_before,
            line_start,
            norm: strings.id(norm),
            base: strings.id(base),
        });
        space_before = false;
        line_start = false;
        i = j;
        pos = end;
    }
    out.shrink_to_fit();
    Toks {
        toks: out,
        strings: strings.strings,
        profile: p,
    }
}

/// The end of a dotted acronym `(L.){2,}` starting at `i` (`U.S.`), when there is one.
fn dotted_acronym_end(chars: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    let mut reps = 0;
    while k + 1 < chars.len() && chars[k].is_alphabetic() && chars[k + 1] == '.' {
        reps += 1;
        k += 2;
    }
    (reps >= 2 && !chars.get(k).is_some_and(|c| c.is_alphanumeric())).then_some(k)
}

/// Scan a word starting at `i` (a letter); returns the index after it.
fn scan_word(chars: &[char], i: usize) -> usize {
    let n = chars.len();
    if let Some(k) = dotted_acronym_end(chars, i) {
        return k;
    }
    let mut j = i;
    loop {
        while j < n && chars[j].is_alphanumeric() {
            j += 1;
        }
        if j + 1 < n
            && (is_apostrophe(chars[j]) || is_hyphen(chars[j]))
            && chars[j + 1].is_alphanumeric()
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// Scan a number starting at `i` (an ASCII digit); returns the index after it.
fn scan_num(chars: &[char], i: usize) -> usize {
    let n = chars.len();
    let mut j = i;
    loop {
        while j < n && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < n && matches!(chars[j], ',' | '.') && chars[j + 1].is_ascii_digit() {
            j += 1;
            continue;
        }
        // SI thousands separators (no-break spaces) followed by exactly three digits.
        if j + 3 < n
            && matches!(chars[j], '\u{a0}' | '\u{202f}' | '\u{2009}')
            && chars[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
            && !chars.get(j + 4).is_some_and(|c| c.is_ascii_digit())
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// The value of a decimal digit of any script (Unicode category Nd: `٣`, `۳`, `३`, `৩`, `๓`,
/// `၃`, `３` …): digits come in runs of ten consecutive code points from zero.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || get_general_category(c) != G::DecimalNumber {
        return None;
    }
    // the run's zero: walk back over the preceding digits (at most 59, the longest run is
    // the mathematical digits' 50)
    let mut k = c as u32;
    let mut steps = 0;
    while steps < 60
        && let Some(prev) = k.checked_sub(1).and_then(char::from_u32)
        && get_general_category(prev) == G::DecimalNumber
    {
        k -= 1;
        steps += 1;
    }
    Some((c as u32 - k) % 10)
}

/// A combining mark (categories Mn, Mc, Me) or a zero-width (non-)joiner: part of the word
/// it follows.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
        || (!c.is_ascii()
            && matches!(
                get_general_category(c),
                G::NonspacingMark | G::SpacingMark | G::EnclosingMark
            ))
}

/// A character of a script written without spaces between words (Han, kana, Thai, Lao,
/// Khmer, Myanmar letters): a word of its own (with its marks) outside English.
pub(crate) fn is_unspaced(c: char) -> bool {
    let u = c as u32;
    if u < 0x0E00 {
        return false;
    }
    let letterish = c.is_alphabetic() || is_mark(c);
    match u {
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => {
            letterish && get_general_category(c) != G::DecimalNumber
        }
        0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 | 0x303B | 0x303C => true,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => letterish,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF => true,
        _ => false,
    }
}

/// The index after the marks starting at `i`.
fn scan_marks(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_mark(chars[i]) {
        i += 1;
    }
    i
}

/// [`scan_word`] outside English: combining marks and joiners continue the word, and a
/// character of a script written without spaces ends it.
fn scan_word_multi(chars: &[char], i: usize) -> usize {
    let n = chars.len();
    if let Some(k) = dotted_acronym_end(chars, i) {
        return k;
    }
    let inside = |c: char| (c.is_alphanumeric() || is_mark(c)) && !is_unspaced(c);
    let mut j = i;
    loop {
        while j < n && inside(chars[j]) {
            j += 1;
        }
        if j + 1 < n
            && (is_apostrophe(chars[j]) || is_hyphen(chars[j]))
            && inside(chars[j + 1])
            && chars[j + 1].is_alphanumeric()
        {
            j += 1;
            continue;
        }
        break;
    }
    j.max(i + 1)
}

/// The no-break and thin spaces written between groups of three digits.
fn is_space_group(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// [`scan_num`] outside English: digits of any script; `,` `.` and the Arabic separators
/// `٫` `٬` between digits; the profile's apostrophe group separator and the no-break and
/// thin spaces before exactly three digits, and a plain space where the language groups with
/// spaces (`1 500` in French or Russian).
fn scan_num_multi(chars: &[char], i: usize, p: &Profile) -> usize {
    let n = chars.len();
    let digit = |k: usize| chars.get(k).is_some_and(|&c| digit_value(c).is_some());
    let three_then_end = |k: usize| (k..k + 3).all(digit) && !digit(k + 3);
    let plain_space = p.groups.contains(&' ');
    // a plain space separates groups only after a first group of one to three digits and
    // between groups of three (`1 500`, `12 345 678`; not `2019 300`)
    let mut spaced_only = true;
    let mut spaced_groups = false;
    let mut j = i;
    loop {
        while j < n && digit_value(chars[j]).is_some() {
            j += 1;
        }
        if j + 1 < n && matches!(chars[j], ',' | '.' | '٫' | '٬') && digit(j + 1) {
            spaced_only = false;
            j += 1;
            continue;
        }
        if plain_space
            && spaced_only
            && j + 3 < n
            && chars[j] == ' '
            && (spaced_groups || j - i <= 3)
            && three_then_end(j + 1)
        {
            spaced_groups = true;
            j += 1;
            continue;
        }
        if j + 3 < n
            && (is_space_group(chars[j])
                || (matches!(chars[j], '\'' | '’') && p.groups.contains(&'\'')))
            && three_then_end(j + 1)
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// The `norm` of a number outside English: ASCII digits, `.` for the decimal separator of
/// the language (and `٫`), `,` for its group separators (and `٬`, `'`); the Indian grouping
/// `25,00,000` without its commas; no-break spaces kept (the parser drops them).
fn norm_num<'a>(t: &'a str, p: &Profile) -> Cow<'a, str> {
    let comma_decimal = p.decimal == ',';
    let plain = t
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
    if plain && !comma_decimal && !p.indian_grouping {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for ch in t.chars() {
        let mapped = match ch {
            '.' if comma_decimal => ',',
            ',' if comma_decimal => '.',
            '٫' => '.',
            '٬' | '\'' | '’' => ',',
            ' ' => continue,
            _ => match digit_value(ch) {
                Some(v) => char::from_digit(v, 10).unwrap_or('0'),
                None => ch,
            },
        };
        out.push(mapped);
    }
    if p.indian_grouping && is_indian_grouping(&out) {
        out.retain(|c| c != ',');
    }
    if out == t {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(out)
    }
}

/// `1,00,000`, `25,00,000`, `1,23,45,678.5`: groups of two digits before the last three.
fn is_indian_grouping(s: &str) -> bool {
    let int = s.split('.').next().unwrap_or(s);
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() >= 3
        && (1..=2).contains(&groups[0].len())
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2)
        && groups.last().is_some_and(|g| g.len() == 3)
}

/// Decompose the precomposed nukta letters of the Indic scripts (`ज़` U+095B = `ज` + `़`) so
/// that both spellings of a word are one.
pub(crate) fn fold_nukta(c: char, out: &mut String) {
    let (base, nukta) = match c {
        '\u{0958}'..='\u{095F}' => {
            const BASES: [char; 8] = [
                '\u{0915}', '\u{0916}', '\u{0917}', '\u{091C}', '\u{0921}', '\u{0922}', '\u{092B}',
                '\u{092F}',
            ];
            (BASES[(c as u32 - 0x0958) as usize], '\u{093C}')
        }
        '\u{09DC}' => ('\u{09A1}', '\u{09BC}'),
        '\u{09DD}' => ('\u{09A2}', '\u{09BC}'),
        '\u{09DF}' => ('\u{09AF}', '\u{09BC}'),
        '\u{0A33}' => ('\u{0A32}', '\u{0A3C}'),
        '\u{0A36}' => ('\u{0A38}', '\u{0A3C}'),
        '\u{0A59}' => ('\u{0A16}', '\u{0A3C}'),
        '\u{0A5A}' => ('\u{0A17}', '\u{0A3C}'),
        '\u{0A5B}' => ('\u{0A1C}', '\u{0A3C}'),
        '\u{0A5E}' => ('\u{0A2B}', '\u{0A3C}'),
        '\u{0B5C}' => ('\u{0B21}', '\u{0B3C}'),
        '\u{0B5D}' => ('\u{0B22}', '\u{0B3C}'),
        _ => {
            out.push(c);
            return;
        }
    };
    out.push(base);
    out.push(nukta);
}

/// The lowercase, nukta-decomposed form of `s` (list words are compared in this form).
pub(crate) fn fold_word(s: &str) -> Cow<'_, str> {
    let precomposed = |c: char| {
        matches!(
            c,
            '\u{0958}'..='\u{095F}'
                | '\u{09DC}'
                | '\u{09DD}'
                | '\u{09DF}'
                | '\u{0A33}'
                | '\u{0A36}'
                | '\u{0A59}'..='\u{0A5B}'
                | '\u{0A5E}'
                | '\u{0B5C}'
                | '\u{0B5D}'
        )
    };
    if !s.chars().any(|c| c.is_uppercase() || precomposed(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars().flat_map(char::to_lowercase) {
        fold_nukta(c, &mut out);
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// [`norm_word`] outside English: also Turkish and Azerbaijani `İ` → `i`, `I` → `ı`, Greek
/// final `ς` → `σ`, and precomposed nukta letters decomposed ([`fold_nukta`]).
fn norm_word_lang<'a>(s: &'a str, p: &Profile) -> Cow<'a, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    let turkic = matches!(p.code, "tr" | "az");
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            c if is_apostrophe(c) => out.push('\''),
            'İ' if turkic => out.push('i'),
            'I' if turkic => out.push('ı'),
            'ς' => out.push('σ'),
            c => {
                for l in c.to_lowercase() {
                    if l == 'ς' {
                        out.push('σ');
                    } else {
                        fold_nukta(l, &mut out);
                    }
                }
            }
        }
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// The base of a Turkish or Azerbaijani word: the part before its first apostrophe
/// (`ankara'da` → `ankara`), dots dropped.
fn apostrophe_base<'a>(norm: &Cow<'a, str>) -> Cow<'a, str> {
    match norm.find('\'') {
        Some(k) if k > 0 => {
            let head = &norm[..k];
            match norm {
                Cow::Borrowed(b) => base_cow(&Cow::Borrowed(&b[..k])),
                Cow::Owned(_) => base_cow(&Cow::Owned(head.to_string())),
            }
        }
        _ => base_cow(norm),
    }
}

/// Does the text carry case information (any uppercase letter outside PTB bracket tokens)?
pub(crate) fn has_case(toks: &[Tok<'_>]) -> bool {
    toks.iter().any(|t| {
        t.kind != TokKind::Punct
            && !is_ptb_bracket(t.text)
            && t.text.chars().any(char::is_uppercase)
    })
}

/// Heuristic: is this PTB-style tokenised text (`-lrb-`, `` `` ``, spaced commas)?
pub(crate) fn is_tokenised(text: &str) -> bool {
    if text.contains(" `` ") || text.contains(" '' ") {
        return true;
    }
    let lower_has = |p: &str| text.contains(p) || text.contains(&p.to_uppercase());
    if lower_has("-lrb-") || lower_has("-rrb-") {
        return true;
    }
    let commas = text.matches(',').count();
    let spaced = text.matches(" , ").count();
    commas >= 2 && spaced * 10 >= commas * 8
}

/// One normalised word of the word stream. Its `norm` and `base` strings are interned in the
/// stream ([`WordStream::norm`], [`WordStream::base`]): 32 bytes a word instead of 72, and
/// one copy of each distinct lowercased word (a 10 MB source has a million and a half words).
#[derive(Clone, Copy, Debug)]
pub(crate) struct W {
    /// Lowercased, apostrophes unified to `'` (numbers: separators removed).
    norm: u32,
    /// `norm` without possessive `'s` / trailing `'` and without dots (`u.s.` → `us`).
    base: u32,
    /// The whole source word starts with an uppercase letter.
    pub cap: bool,
    /// The source word is an acronym: all letters uppercase (≥2 letters) or dotted (`u.s.`).
    pub acro: bool,
    /// Punctuation or a line break separates this word from the previous one.
    pub brk: bool,
    pub start: usize,
    pub end: usize,
}

/// Normalise a word: lowercase and unify apostrophes (borrowed when already normal).
pub(crate) fn norm_word(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Strip a possessive and dots from a normalised word.
pub(crate) fn base_of(norm: &str) -> String {
    base_cow(&Cow::Borrowed(norm)).into_owned()
}

fn base_cow<'a>(norm: &Cow<'a, str>) -> Cow<'a, str> {
    let s: &str = norm;
    let t = s.strip_suffix("'s").unwrap_or(s);
    let t = t.strip_suffix('\'').unwrap_or(t);
    if t.contains('.') {
        return Cow::Owned(t.chars().filter(|&c| c != '.').collect());
    }
    if t.len() == s.len() {
        return norm.clone();
    }
    match norm {
        Cow::Borrowed(b) => Cow::Borrowed(&b[..t.len()]),
        Cow::Owned(_) => Cow::Owned(t.to_string()),
    }
}

fn is_acronym_surface(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if s.contains('.') && letters >= 2 {
        return true;
    }
    // All caps (an optional plural / possessive tail aside): NHK, KCNA, ICBMs.
    let core = s.trim_end_matches(['s', '\'', '’']);
    let core_letters = core.chars().filter(|c| c.is_alphabetic()).count();
    core_letters >= 2
        && core
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// The normalised word stream of a text, with an index from `base` to positions.
#[derive(Debug)]
pub(crate) struct WordStream<'a> {
    pub words: Vec<W>,
    /// The distinct `norm` and `base` strings, by id.
    strings: Vec<Cow<'a, str>>,
    ids: FxHashMap<Cow<'a, str>, u32>,
    /// Positions of the words by `base` id: those of id `k` are
    /// `positions[starts[k]..starts[k + 1]]`, in text order.
    starts: Vec<u32>,
    positions: Vec<u32>,
    /// Bases end at a word's first apostrophe ([`Profile::apostrophe_suffixes`]).
    apostrophe: bool,
}

/// An index of the positions of `ids` (in `0..distinct`) by id, by counting sort: the
/// positions of id `k` are `positions[starts[k]..starts[k + 1]]`, in increasing order.
pub(crate) fn positions_by_id(
    ids: impl Iterator<Item = u32> + Clone,
    distinct: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; distinct + 1];
    let mut n = 0usize;
    for id in ids.clone() {
        starts[id as usize + 1] += 1;
        n += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut next = starts.clone();
    let mut positions = vec![0u32; n];
    for (p, id) in ids.enumerate() {
        let slot = &mut next[id as usize];
        positions[*slot as usize] = p as u32;
        *slot += 1;
    }
    (starts, positions)
}

/// Interns strings for a [`WordStream`].
struct Interner<'a> {
    strings: Vec<Cow<'a, str>>,
    ids: FxHashMap<Cow<'a, str>, u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: Cow<'a, str>) -> u32 {
        if let Some(&k) = self.ids.get(s.as_ref()) {
            return k;
        }
        let k = self.strings.len() as u32;
        self.strings.push(s.clone());
        self.ids.insert(s, k);
        k
    }
}

impl<'a> WordStream<'a> {
    /// Build the stream from tokens: words split at hyphens, numbers without separators,
    /// punctuation and line breaks recorded as breaks.
    pub fn new(toks: &Toks<'a>) -> Self {
        let mut words: Vec<W> = Vec::new();
        let mut strings = Interner {
            strings: Vec::new(),
            ids: FxHashMap::default(),
        };
        let mut brk = true;
        let english = toks.profile.is_english();
        let apostrophe = toks.profile.apostrophe_suffixes;
        for t in toks.iter() {
            if t.line_start {
                brk = true;
            }
            match t.kind {
                TokKind::Punct => {
                    brk = true;
                }
                TokKind::Num => {
                    // the token's `norm` is its text in English, its ASCII digits elsewhere
                    let digits: &Cow<'a, str> = toks.norm(t);
                    let norm: Cow<'a, str> =
                        if digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                            digits.clone()
                        } else {
                            Cow::Owned(
                                digits
                                    .chars()
                                    .filter(|c| c.is_ascii_digit() || *c == '.')
                                    .collect(),
                            )
                        };
                    let norm = strings.id(norm);
                    words.push(W {
                        base: norm,
                        norm,
                        cap: false,
                        acro: false,
                        brk,
                        start: t.start,
                        end: t.end,
                    });
                    brk = false;
                }
                TokKind::Word => {
                    let cap = t.is_cap();
                    let acro = cap && is_acronym_surface(t.text);
                    if !t.text.contains(is_hyphen) {
                        let mut base = toks.base(t).clone();
                        if acro && !t.text.contains('.') && base.len() > 2 && base.ends_with('s') {
                            // ICBMs -> icbm
                            base = Cow::Owned(base[..base.len() - 1].to_string());
                        }
                        words.push(W {
                            norm: strings.id(toks.norm(t).clone()),
                            base: strings.id(base),
                            cap,
                            acro,
                            brk,
                            start: t.start,
                            end: t.end,
                        });
                        brk = false;
                        continue;
                    }
                    let mut part_start = t.start;
                    let mut first = true;
                    for part in t.text.split(is_hyphen) {
                        let part_end = part_start + part.len();
                        if !part.is_empty() {
                            let (norm, base) = if english {
                                let norm = norm_word(part);
                                let base = base_cow(&norm);
                                (norm, base)
                            } else {
                                let norm = norm_word_lang(part, toks.profile);
                                let base = if apostrophe {
                                    apostrophe_base(&norm)
                                } else {
                                    base_cow(&norm)
                                };
                                (norm, base)
                            };
                            words.push(W {
                                norm: strings.id(norm),
                                base: strings.id(base),
                                cap,
                                acro,
                                brk: brk && first,
                                start: part_start,
                                end: part_end,
                            });
                        }
                        first = false;
                        let hy_len = t.text[part_end - t.start..]
                            .chars()
                            .next()
                            .map_or(1, char::len_utf8);
                        part_start = part_end + hy_len;
                    }
                    brk = false;
                }
            }
        }
        words.shrink_to_fit();
        let (starts, positions) =
            positions_by_id(words.iter().map(|w| w.base), strings.strings.len());
        WordStream {
            words,
            strings: strings.strings,
            ids: strings.ids,
            starts,
            positions,
            apostrophe,
        }
    }

    /// The `norm` of word `i`.
    pub fn norm(&self, i: usize) -> &str {
        &self.strings[self.words[i].norm as usize]
    }

    /// The `base` of word `i`.
    pub fn base(&self, i: usize) -> &str {
        &self.strings[self.words[i].base as usize]
    }

    /// The id of the `base` of word `i`: equal ids, equal strings (ids are below
    /// [`WordStream::distinct`]).
    pub fn base_id(&self, i: usize) -> usize {
        self.words[i].base as usize
    }

    /// The number of distinct `norm` and `base` strings (a bound on [`WordStream::base_id`]).
    pub fn distinct(&self) -> usize {
        self.strings.len()
    }

    /// The `base` of word `i`, as stored (borrowed from the text where it can be).
    pub fn base_cow(&self, i: usize) -> &Cow<'a, str> {
        &self.strings[self.words[i].base as usize]
    }

    /// Positions of words whose `base` equals `b` (in text order).
    pub fn positions<'s>(&'s self, b: &'s str) -> impl Iterator<Item = usize> + 's {
        let list = match self.ids.get(b) {
            Some(&k) => {
                let k = k as usize;
                &self.positions[self.starts[k] as usize..self.starts[k + 1] as usize]
            }
            None => &[],
        };
        list.iter().map(|&p| p as usize)
    }

    /// Find `form` (a sequence of `base` words) contiguously, without punctuation between.
    /// `need_cap`: every non-connector matched word must be capitalised in the text;
    /// `acronym`: the matched word(s) must be written as acronyms (`U.N.`, `UN`).
    /// Returns the byte span of the first match.
    pub fn find_form(
        &self,
        form: &[String],
        need_cap: bool,
        acronym: bool,
    ) -> Option<(usize, usize)> {
        let first = form.first()?;
        'outer: for p in self.positions(first) {
            if p + form.len() > self.words.len() {
                continue;
            }
            for (k, f) in form.iter().enumerate() {
                let w = &self.words[p + k];
                if self.base(p + k) != f.as_str() || (k > 0 && w.brk) {
                    continue 'outer;
                }
                if need_cap && !w.cap && !is_connector(f) {
                    continue 'outer;
                }
                if acronym && !w.acro {
                    continue 'outer;
                }
            }
            return Some((self.words[p].start, self.words[p + form.len() - 1].end));
        }
        None
    }

    /// Find a sequence of `norm` words contiguously (punctuation ignored). Returns the
    /// index of the first word of the first match.
    pub fn find_norm_seq(&self, seq: &[String]) -> Option<usize> {
        let first = seq.first()?;
        // numbers keep their decimal point in `base`
        let first_base = if first.starts_with(|c: char| c.is_ascii_digit()) {
            first.clone()
        } else if self.apostrophe {
            apostrophe_base(&Cow::Borrowed(first.as_str())).into_owned()
        } else {
            base_of(first)
        };
        'outer: for p in self.positions(&first_base) {
            if p + seq.len() > self.words.len() {
                continue;
            }
            for (k, s) in seq.iter().enumerate() {
                if self.norm(p + k) != s.as_str() {
                    continue 'outer;
                }
            }
            return Some(p);
        }
        None
    }

    /// Byte span from the first to the last word of the word range `words` (`None` when the
    /// range is empty or reaches past the stream).
    pub fn span(&self, words: std::ops::Range<usize>) -> Option<(usize, usize)> {
        if words.is_empty() {
            return None;
        }
        let first = self.words.get(words.start)?;
        let last = self.words.get(words.end - 1)?;
        Some((first.start, last.end))
    }

    /// Indices of the words lying inside the byte range `[start, end)`.
    pub fn range_in(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let a = self.words.partition_point(|w| w.start < start);
        let b = self.words.partition_point(|w| w.end <= end);
        a..b.max(a)
    }
}

/// Lowercase connectors allowed inside multi-word names (`Republic of Korea`).
pub(crate) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "da"
            | "del"
            | "der"
            | "di"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "the"
            | "and"
            | "y"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokenizer_basics() {
        assert_eq!(
            texts("Russia’s U.S. 7,000 Jong-un 3rd"),
            vec!["Russia’s", "U.S.", "7,000", "Jong-un", "3", "rd"]
        );
        assert_eq!(
            texts("-lrb- cnn -rrb- `` hi ''"),
            vec!["-lrb-", "cnn", "-rrb-", "``", "hi", "''"]
        );
        assert_eq!(texts("60–75 $5bn"), vec!["60", "–", "75", "$", "5", "bn"]);
        assert_eq!(
            texts("end of the U.S. Then"),
            vec!["end", "of", "the", "U.S.", "Then"]
        );
        assert_eq!(texts("a.b"), vec!["a", ".", "b"]);
    }

    #[test]
    fn stream_and_search() {
        let toks = tokenize("Kim Jong-un met U.N. staff, Kim. Jong");
        let ws = WordStream::new(&toks);
        let f = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(ws.find_form(&f("kim jong un"), true, false).is_some());
        assert!(ws.find_form(&f("un"), false, true).is_some());
        assert!(ws.find_form(&f("kim jong"), true, false).is_some());
        assert!(ws.find_form(&f("staff kim"), false, false).is_none());
    }
}

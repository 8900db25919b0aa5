//! ROUGE-1.5.5's text handling, byte for byte: the summary's sentences (already extracted from
//! its SEE/SPL/ISI file and ASCII-lowercased), the length limits of `-l`/`-b`, the
//! normalisation (`-` spaced out, every byte outside `[A-Za-z0-9-]` a space), stop-word removal
//! (`-s`) and stemming (`-m`), as the script's `readText`, `readText_LCS`, `createNGram` and
//! `tokenizeText_LCS` do them.
//!
//! Two readings exist because the script has two: n-gram and skip-bigram scores read the
//! summary as one text (`readText`), LCS scores as a list of sentences (`readText_LCS`). They
//! differ under `-b`: `readText_LCS` never adds up the bytes it has taken, so it keeps every
//! sentence shorter than the limit and cuts the first one that is not (a quirk of the script,
//! kept so that ROUGE-L and ROUGE-W equal its numbers).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::porter;

const STOP_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/rouge155/smart_common_words.txt"
));

/// The built-in `-s` stop list (`data/rouge155/smart_common_words.txt`).
pub fn builtin_stop_words() -> &'static FxHashSet<Vec<u8>> {
    static SET: OnceLock<FxHashSet<Vec<u8>>> = OnceLock::new();
    SET.get_or_init(|| parse_stop_words(STOP_WORDS.as_bytes()))
}

/// A stop list file as the script reads it: one word per line, the line ending removed.
pub fn parse_stop_words(bytes: &[u8]) -> FxHashSet<Vec<u8>> {
    perl_lines(bytes)
        .map(|l| l.strip_suffix(b"\n").unwrap_or(l).to_vec())
        .collect()
}

/// The lines of a file as Perl's `<FH>` reads them (each with its `\n`, the last maybe without).
pub(crate) fn perl_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes.split_inclusive(|&b| b == b'\n')
}

/// The length limit of `-l` (words) or `-b` (bytes), applied to peers and models alike.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Limit {
    /// No limit.
    #[default]
    None,
    /// The first N words (`-l N`, words as whitespace-separated runs of the raw text).
    Words(usize),
    /// The first N bytes (`-b N`).
    Bytes(usize),
}

/// Perl's whitespace class `\s` on bytes (no Unicode rules apply to the script's byte strings).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Perl's `split(/\s+/, $s)`: a leading empty field when `s` starts with whitespace, trailing
/// empty fields removed.
pub fn perl_split(s: &[u8]) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let n = s.len();
    let mut start = 0;
    while i < n {
        if is_space(s[i]) {
            out.push(&s[start..i]);
            while i < n && is_space(s[i]) {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&s[start..]);
    while out.last().is_some_and(|f| f.is_empty()) {
        out.pop();
    }
    out
}

/// The script's normalisation of a text: `-` spaced out, every byte outside `[A-Za-z0-9-]` a
/// space (runs collapsed, ends trimmed: splitting it gives the same words either way).
fn normalise(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 8);
    for &b in text {
        if b == b'-' {
            out.extend_from_slice(b" - ");
        } else if b.is_ascii_alphanumeric() {
            out.push(b);
        } else {
            out.push(b' ');
        }
    }
    out
}

/// `readText`: the sentences as one text within the limit (`None`: the script's undefined text,
/// when the limit leaves nothing).
pub fn read_text(sentences: &[Vec<u8>], limit: Limit) -> Option<Vec<u8>> {
    let joined = match limit {
        Limit::None => sentences.join(&b' '),
        Limit::Words(max) => {
            let mut text: Vec<u8> = Vec::new();
            let mut len = 0usize;
            for s in sentences {
                let tokens = perl_split(s);
                if len + tokens.len() < max {
                    if len != 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(s);
                    len += tokens.len();
                } else {
                    if len > 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(&tokens[..max - len].join(&b' '));
                    break;
                }
            }
            if text.is_empty() {
                return None;
            }
            text
        }
        Limit::Bytes(max) => {
            let mut text: Vec<u8> = Vec::new();
            let mut len = 0usize;
            for s in sentences {
                if len + s.len() < max {
                    if len != 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(s);
                    len += s.len();
                } else {
                    if len > 0 {
                        text.push(b' ');
                    }
                    text.extend_from_slice(&s[..max - len]);
                    break;
                }
            }
            if text.is_empty() {
                return None;
            }
            text
        }
    };
    Some(normalise(&joined))
}

/// `readText_LCS`: the sentences within the limit, each normalised (see the module notes for
/// the byte limit).
pub fn read_text_lcs(sentences: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    match limit {
        Limit::None => out.extend(sentences.iter().cloned()),
        Limit::Words(max) => {
            let mut len = 0usize;
            for s in sentences {
                let tokens = perl_split(s);
                if len + tokens.len() < max {
                    len += tokens.len();
                    out.push(s.clone());
                } else {
                    out.push(tokens[..max - len].join(&b' '));
                    break;
                }
            }
        }
        Limit::Bytes(max) => {
            for s in sentences {
                if s.len() < max {
                    out.push(s.clone());
                } else {
                    out.push(s[..max].to_vec());
                    break;
                }
            }
        }
    }
    out.iter().map(|s| normalise(s)).collect()
}

/// Token ids shared by the texts of one run: equal ids, equal (stemmed) tokens.
#[derive(Debug)]
pub struct Tokenizer<'s> {
    stop: Option<&'s FxHashSet<Vec<u8>>>,
    ids: FxHashMap<Vec<u8>, u32>,
    /// The token of each id.
    words: Vec<Vec<u8>>,
    /// The id of each raw token's stem (`u32::MAX` until computed).
    stems: Vec<u32>,
}

impl<'s> Tokenizer<'s> {
    /// A tokenizer removing the words of `stop` when given (`-s`).
    pub fn new(stop: Option<&'s FxHashSet<Vec<u8>>>) -> Self {
        Tokenizer {
            stop,
            ids: FxHashMap::default(),
            words: Vec::new(),
            stems: Vec::new(),
        }
    }

    /// The token of `id` (empty for an id this tokenizer did not give).
    pub fn word(&self, id: u32) -> &[u8] {
        self.words.get(id as usize).map_or(&[], Vec::as_slice)
    }

    fn id(&mut self, token: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX - 1);
        self.ids.insert(token.to_vec(), id);
        self.words.push(token.to_vec());
        self.stems.push(u32::MAX);
        id
    }

    /// The tokens of a normalised text (`createNGram`'s and `tokenizeText_LCS`'s loop): its
    /// words, stop words dropped (`-s`), those starting with `[a-z0-9$]` kept, stemmed when
    /// `stem` and longer than three bytes.
    pub fn tokens(&mut self, text: &[u8], stem: bool) -> Vec<u32> {
        let mut out = Vec::new();
        for w in text.split(|&b| is_space(b)).filter(|w| !w.is_empty()) {
            if self.stop.is_some_and(|s| s.contains(w)) {
                continue;
            }
            if !matches!(w[0], b'a'..=b'z' | b'0'..=b'9' | b'$') {
                continue;
            }
            let id = self.id(w);
            if stem && w.len() > 3 {
                out.push(self.stem_of(id, w));
            } else {
                out.push(id);
            }
        }
        out
    }

    fn stem_of(&mut self, id: u32, w: &[u8]) -> u32 {
        let known = self.stems[id as usize];
        if known != u32::MAX {
            return known;
        }
        // tokens here are ASCII letters and digits
        let s = porter::morph_stem(std::str::from_utf8(w).unwrap_or_default());
        let sid = self.id(s.as_bytes());
        self.stems[id as usize] = sid;
        sid
    }
}

#[cfg(test)]
mod tests {
    use super::{Limit, Tokenizer, builtin_stop_words, perl_split, read_text, read_text_lcs};

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_split(b" a  b "), vec![&b""[..], b"a", b"b"]);
        assert_eq!(perl_split(b"a b"), vec![&b"a"[..], b"b"]);
        assert!(perl_split(b"").is_empty());
        assert!(perl_split(b"   ").is_empty());
    }

    #[test]
    fn stop_list_has_598_words() {
        // 598 lines, two of them repeated
        assert_eq!(super::STOP_WORDS.lines().count(), 598);
        assert_eq!(builtin_stop_words().len(), 596);
        assert!(builtin_stop_words().contains(&b"the"[..].to_vec()));
    }

    #[test]
    fn limits_as_the_script_applies_them() {
        let s = |t: &str| t.as_bytes().to_vec();
        let doc = vec![s("one two three"), s("four five six")];
        assert_eq!(
            read_text(&doc, Limit::Words(4)).unwrap(),
            b"one two three four".to_vec()
        );
        assert_eq!(
            // the joining space is not counted: 13 bytes taken, then 3 more
            read_text(&doc, Limit::Bytes(16)).unwrap(),
            b"one two three fou".to_vec()
        );
        // readText_LCS: words counted; bytes never added up
        assert_eq!(
            read_text_lcs(&doc, Limit::Words(4)),
            vec![s("one two three"), s("four")]
        );
        assert_eq!(
            read_text_lcs(&doc, Limit::Bytes(14)),
            vec![s("one two three"), s("four five six")]
        );
        assert_eq!(
            read_text_lcs(&doc, Limit::Bytes(13)),
            vec![s("one two three")]
        );
    }

    #[test]
    fn tokens_normalised_stopped_and_stemmed() {
        let text = read_text(
            &[b"state-of-the-art ran, children's $5 -x".to_vec()],
            Limit::None,
        )
        .unwrap();
        assert_eq!(
            text,
            b"state - of - the - art ran  children s  5  - x".to_vec()
        );
        let mut t = Tokenizer::new(None);
        let plain = t.tokens(&text, false);
        assert_eq!(plain.len(), 9);
        let stop = builtin_stop_words();
        let mut t = Tokenizer::new(Some(stop));
        let stemmed = t.tokens(b"the children went home running geese", true);
        let words: Vec<&[u8]> = stemmed.iter().map(|&id| t.word(id)).collect();
        // `the` and `went` are stop words (removed before stemming); `children` and `geese`
        // are WordNet exceptions; `running` goes through Porter
        assert_eq!(words, [&b"child"[..], b"home", b"run", b"goose"]);
    }
}

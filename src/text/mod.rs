//! Text analysis: everything that turns a raw string into the integer token ids that every
//! metric reads.
//!
//! A text is analysed exactly once ([`Analyzer::analyse`]): tokenised with rouge-score's
//! tokenizer ([`tokenize`]), optionally stemmed ([`Stemmer`], with a per-thread stem cache),
//! interned into a per-example [`Vocab`], and split into the newline-delimited sentences that
//! ROUGE-Lsum needs. This module never reads files and never computes a score.

pub mod lang_stem;
pub mod multilingual;
pub mod porter;
pub mod segment;
mod sentences;
mod stem;
mod tokenize;
mod vocab;
pub mod words;

pub use sentences::count_sentences;
pub use stem::Stemmer;
pub use tokenize::{Scan, for_each_token, key16, short_key, tokenize};
pub use vocab::Vocab;

/// A text after analysis: its token ids and the token ranges of its sentences.
///
/// Invariant: `sentences` are non-overlapping, ordered, non-empty ranges into `tokens`, one per
/// newline-separated line that has at least one token; their concatenation is `tokens`, but
/// for the space tokens a word segmenter returns where two lines meet
/// ([`segment::Segmenter::keeps_spaces`]), which belong to no sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysed {
    /// Token ids, in text order (the whole text: n-grams and ROUGE-L cross newlines).
    pub tokens: Vec<u32>,
    /// `(start, end)` token ranges of the lines that hold at least one token (ROUGE-Lsum).
    pub sentences: Vec<(u32, u32)>,
}

impl Analysed {
    /// The tokens of sentence `index`.
    pub fn sentence(&self, index: usize) -> &[u32] {
        let (start, end) = self.sentences[index];
        &self.tokens[start as usize..end as usize]
    }

    /// Iterates over the sentences' token slices.
    pub fn sentence_slices(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.sentences
            .iter()
            .map(|&(s, e)| &self.tokens[s as usize..e as usize])
    }

    /// Number of tokens in sentences (ROUGE-Lsum's length): [`Analysed::len`] but for the
    /// space tokens a segmenter leaves between lines.
    pub fn sentence_tokens(&self) -> usize {
        self.sentences.iter().map(|&(s, e)| (e - s) as usize).sum()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// How ROUGE tokens are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tokenization {
    /// rouge-score's tokenizer (ASCII letters and digits; the default).
    #[default]
    RougeScore,
    /// multilingual-rouge's ([`multilingual`]), for a language written with spaces between
    /// words: `lang` its ISO 639-1 code, `stem` the language's stemmer when stemming.
    Unicode {
        /// The language (ISO 639-1).
        lang: &'static str,
        /// The stemmer, when stemming.
        stem: Option<multilingual::LangStemmer>,
        /// The word segmenter, for a script written without spaces between words.
        seg: Option<segment::Segmenter>,
    },
    /// multilingual-rouge's, in the language detected per example (`--lang auto`,
    /// [`multilingual::detect_language`]) with that language's segmenter and, when `stem`,
    /// its stemmer (examples in a language without one are not stemmed).
    Auto {
        /// Stem with the detected language's stemmer.
        stem: bool,
    },
}

impl Tokenization {
    /// multilingual-rouge's tokenization for `lang` (ISO 639-1) with its default segmenter and,
    /// when `stem`, its stemmer (none when the language has none).
    pub fn unicode(lang: &'static str, stem: bool) -> Tokenization {
        Tokenization::Unicode {
            lang,
            stem: stem
                .then(|| multilingual::LangStemmer::for_lang(lang))
                .flatten(),
            seg: segment::Segmenter::for_lang(lang),
        }
    }
}

/// Turns raw text into [`Analysed`] token ids under one configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analyzer {
    stemmer: Stemmer,
    tokenization: Tokenization,
    /// Keep the space tokens a segmenter returns (multilingual-rouge's ROUGE tokens do).
    space_tokens: bool,
}

impl Analyzer {
    /// An analyzer that stems with `stemmer` (rouge-score's rule: only tokens longer than three
    /// characters are stemmed).
    pub fn new(stemmer: Stemmer) -> Self {
        Analyzer {
            stemmer,
            tokenization: Tokenization::RougeScore,
            space_tokens: true,
        }
    }

    /// An analyzer with another tokenization ([`Tokenization::Unicode`] stems with its own
    /// stemmer, `stemmer` then only says whether the run stems).
    pub fn with_tokenization(stemmer: Stemmer, tokenization: Tokenization) -> Self {
        Analyzer {
            stemmer,
            tokenization,
            space_tokens: true,
        }
    }

    /// This analyzer for a text in `lang` (ISO 639-1, `und` for an undetermined one):
    /// [`Tokenization::unicode`], keeping this analyzer's other settings.
    pub fn in_language(self, lang: &'static str, stem: bool) -> Self {
        Analyzer {
            tokenization: Tokenization::unicode(lang, stem),
            ..self
        }
    }

    /// The tokenization in use.
    pub fn tokenization(&self) -> Tokenization {
        self.tokenization
    }

    /// This analyzer, dropping the space tokens a segmenter returns (for extractiveness, where
    /// a space is not a word the summary copied).
    pub fn without_space_tokens(self) -> Self {
        Analyzer {
            space_tokens: false,
            ..self
        }
    }

    /// The stemmer in use.
    pub fn stemmer(&self) -> Stemmer {
        self.stemmer
    }

    /// Tokenises, stems and interns `text` into `vocab`, recording newline sentences.
    ///
    /// Sentences follow rouge-score's `rougeLsum` rule: the text is split on `\n` only (a `\r`
    /// is an ordinary separator character) and each line is tokenised on its own.
    pub fn analyse(&self, text: &str, vocab: &mut Vocab) -> Analysed {
        if let Tokenization::Auto { stem } = self.tokenization {
            // on its own, a text is analysed in its own language
            return self
                .in_language(multilingual::detect_language(text).unwrap_or("und"), stem)
                .analyse(text, vocab);
        }
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        if let Tokenization::Unicode {
            stem,
            seg: Some(seg),
            ..
        } = self.tokenization
        {
            return self.analyse_segmented(text, seg, stem, vocab);
        }
        if let Tokenization::Unicode { stem, .. } = self.tokenization {
            // line by line: a newline is whitespace to the tokenizer, so the lines' tokens
            // are the whole text's
            for line in text.split('\n') {
                let start = tokens.len() as u32;
                multilingual::for_each_token(line, |tok| match stem {
                    Some(s) => {
                        let stemmed = multilingual::stem(s, tok);
                        if !stemmed.is_empty() {
                            tokens.push(vocab.intern(&stemmed, Stemmer::None));
                        }
                    }
                    None => tokens.push(vocab.intern(tok, Stemmer::None)),
                });
                let end = tokens.len() as u32;
                if end > start {
                    sentences.push((start, end));
                }
            }
            return Analysed { tokens, sentences };
        }
        if !vocab.intern_text(text, self.stemmer, &mut tokens, &mut sentences) {
            // A text with `İ` or the Kelvin sign: the reference scanner, line by line.
            for line in text.split('\n') {
                let start = tokens.len() as u32;
                for_each_token(line, |tok| tokens.push(vocab.intern(tok, self.stemmer)));
                let end = tokens.len() as u32;
                if end > start {
                    sentences.push((start, end));
                }
            }
        }
        Analysed { tokens, sentences }
    }

    /// The analysis of a text in a script without spaces, as multilingual-rouge's
    /// `MultiTokenizer` does it: the lowercased text's words, punctuation removed, joined by
    /// single spaces (a line break is a space too), segmented as one string; then stemmed.
    ///
    /// The sentences are the tokens that start inside each line; a space token where two lines
    /// meet is a ROUGE-1/2/L token (multilingual-rouge's) but belongs to neither sentence.
    fn analyse_segmented(
        &self,
        text: &str,
        seg: segment::Segmenter,
        stem: Option<multilingual::LangStemmer>,
        vocab: &mut Vocab,
    ) -> Analysed {
        let mut joined = String::with_capacity(text.len());
        // the byte offset in `joined` where each line with a word ends
        let mut line_ends = Vec::new();
        for line in text.split('\n') {
            let words = multilingual::basic_tokens(line);
            if words.is_empty() {
                continue;
            }
            for w in &words {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            line_ends.push(joined.len());
        }
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        let (mut line, mut first) = (0usize, 0u32);
        seg.segment(&joined, |start, tok| {
            let space = tok.chars().all(char::is_whitespace);
            if space && !self.space_tokens {
                return;
            }
            // the token starts past the current line: close it
            let mut junction = false;
            while line < line_ends.len() && start >= line_ends[line] {
                if tokens.len() as u32 > first {
                    sentences.push((first, tokens.len() as u32));
                }
                junction = start == line_ends[line];
                line += 1;
                first = tokens.len() as u32;
            }
            match stem {
                Some(s) => {
                    let stemmed = multilingual::stem(s, tok);
                    if stemmed.is_empty() {
                        return;
                    }
                    tokens.push(vocab.intern(&stemmed, Stemmer::None));
                }
                None => tokens.push(vocab.intern(tok, Stemmer::None)),
            }
            if junction && space {
                first = tokens.len() as u32;
            }
        });
        if tokens.len() as u32 > first {
            sentences.push((first, tokens.len() as u32));
        }
        Analysed { tokens, sentences }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of a token already interned (`None` when it is not).
    fn vocab_id(vocab: &mut Vocab, token: &str) -> Option<u32> {
        let before = vocab.len();
        let id = vocab.intern(token, Stemmer::None);
        (vocab.len() == before).then_some(id)
    }

    /// The analysis through the reference scanner, line by line, and plain interning.
    fn reference(text: &str, stemmer: Stemmer, vocab: &mut Vocab) -> Analysed {
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for line in text.split('\n') {
            let start = tokens.len() as u32;
            for_each_token(line, |tok| tokens.push(vocab.intern(tok, stemmer)));
            if tokens.len() as u32 > start {
                sentences.push((start, tokens.len() as u32));
            }
        }
        Analysed { tokens, sentences }
    }

    proptest::proptest! {
        /// A segmented analysis: ordered, non-empty sentences, only space tokens between them,
        /// and each sentence the tokens of its line segmented alone (for the segmenters whose
        /// words do not reach across a space).
        #[test]
        fn segmented_sentences_are_their_lines(
            text in "([a-z0-9 .,\n]|我们|来到|北京|。|ไทย|ภาษา|မြန်|မာ|\u{1039}){0,40}",
        ) {
            use segment::Segmenter;
            for seg in [Segmenter::Jieba, Segmenter::Newmm, Segmenter::Icu, Segmenter::Burmese] {
                let analyzer = Analyzer::with_tokenization(
                    Stemmer::None,
                    Tokenization::Unicode { lang: "zh", stem: None, seg: Some(seg) },
                );
                let mut vocab = Vocab::new();
                let a = analyzer.analyse(&text, &mut vocab);
                let mut end = 0;
                for &(s, e) in &a.sentences {
                    proptest::prop_assert!(s >= end && e > s);
                    for &t in &a.tokens[end as usize..s as usize] {
                        // between two sentences: a space token only
                        proptest::prop_assert_eq!(Some(t), vocab_id(&mut vocab, " "));
                    }
                    end = e;
                }
                proptest::prop_assert!(end as usize <= a.tokens.len());
                if seg != Segmenter::Burmese {
                    let lines: Vec<Vec<u32>> = text
                        .split('\n')
                        .map(|l| analyzer.analyse(l, &mut vocab).tokens)
                        .filter(|t| !t.is_empty())
                        .collect();
                    let sentences: Vec<Vec<u32>> =
                        a.sentence_slices().map(<[u32]>::to_vec).collect();
                    proptest::prop_assert_eq!(sentences, lines, "{:?}", seg);
                }
            }
        }

        #[test]
        fn analyse_equals_reference_analysis(
            texts in proptest::collection::vec("([a-zA-Z0-9 \n.,'-]|Running|RUNS|é|“|İ|\u{212A}|abcdefghijk|ABCDEFGHIJKLMNOPQ){0,40}", 1..4),
            porter in proptest::bool::ANY,
        ) {
            let stemmer = if porter { Stemmer::Porter } else { Stemmer::None };
            let analyzer = Analyzer::new(stemmer);
            let (mut a, mut b) = (Vocab::new(), Vocab::new());
            for round in 0..2 {
                for text in &texts {
                    let fast = analyzer.analyse(text, &mut a);
                    let slow = reference(text, stemmer, &mut b);
                    proptest::prop_assert_eq!(&fast, &slow, "round {} text {:?}", round, text);
                }
                a.clear();
                b.clear();
            }
        }
    }
}

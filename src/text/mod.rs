//! Text analysis: everything that turns a raw string into the integer token ids that every
//! metric reads.
//!
//! A text is analysed exactly once ([`Analyzer::analyse`]): tokenised with rouge-score's
//! tokenizer ([`tokenize`]), optionally stemmed ([`Stemmer`], with a per-thread stem cache),
//! interned into a per-example [`Vocab`], and split into the newline-delimited sentences that
//! ROUGE-Lsum needs. This module never reads files and never computes a score.

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
/// newline-separated line that has at least one token; their concatenation is `tokens`.
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
    },
}

/// Turns raw text into [`Analysed`] token ids under one configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analyzer {
    stemmer: Stemmer,
    tokenization: Tokenization,
}

impl Analyzer {
    /// An analyzer that stems with `stemmer` (rouge-score's rule: only tokens longer than three
    /// characters are stemmed).
    pub fn new(stemmer: Stemmer) -> Self {
        Analyzer {
            stemmer,
            tokenization: Tokenization::RougeScore,
        }
    }

    /// An analyzer with another tokenization ([`Tokenization::Unicode`] stems with its own
    /// stemmer, `stemmer` then only says whether the run stems).
    pub fn with_tokenization(stemmer: Stemmer, tokenization: Tokenization) -> Self {
        Analyzer {
            stemmer,
            tokenization,
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
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
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
}

#[cfg(test)]
mod tests {
    use super::*;

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

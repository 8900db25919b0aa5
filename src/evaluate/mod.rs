//! Scoring of examples: analyse each text once, prepare each reference and source once, score
//! every system against them. Pure: no I/O, deterministic, safe to run on many threads.
//!
//! [`Evaluator::evaluate`] returns typed results per metric family ([`results`]); their
//! columns are declared in one place with their values ([`columns`]).

pub mod columns;
pub mod results;
pub mod texts;

use crate::dataset::Example;
use crate::metrics::extractive::{
    ArticleIndex, Compression, Extractive, FragmentMode, novel_ngrams, repetition,
};
use crate::metrics::facts::{self, FactDoc};
use crate::metrics::rouge::{Prepared, RougeScorer, RougeType, Scratch};
use crate::signature::Signature;
use crate::text::multilingual::language_code;
use crate::text::{Analysed, Analyzer, Stemmer, Tokenization, Vocab, count_sentences};

pub use columns::{Better, Column, Section};
pub use results::{
    ExampleResult, ExtractiveResult, FactLists, FactTally, FactsResult, SystemResult, Target,
};

/// A metric family that `--metrics` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricName {
    /// One ROUGE type.
    Rouge(RougeType),
    /// Compression ratios against the source.
    Compression,
    /// Coverage, density, novel n-grams and repetition against the source.
    Extractive,
    /// Fact retention and support (numbers, names, quotes) against the source and references.
    Facts,
}

impl std::str::FromStr for MetricName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "compression" => Ok(MetricName::Compression),
            "extractive" => Ok(MetricName::Extractive),
            "facts" => Ok(MetricName::Facts),
            _ => s.parse().map(MetricName::Rouge).map_err(|_| {
                format!(
                    "unknown metric '{s}' (expected rouge1..rouge9, rougeL, rougeLsum, compression, extractive or facts)"
                )
            }),
        }
    }
}

impl std::fmt::Display for MetricName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MetricName::Rouge(t) => write!(f, "{t}"),
            MetricName::Compression => f.write_str("compression"),
            MetricName::Extractive => f.write_str("extractive"),
            MetricName::Facts => f.write_str("facts"),
        }
    }
}

/// Everything that changes a number. Serialised as data (a shard file records it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EvalConfig {
    /// ROUGE types to compute, in output order.
    pub rouge_types: Vec<RougeType>,
    /// Stemmer for ROUGE tokens.
    pub stemmer: Stemmer,
    /// Compute compression ratios (examples with a source only).
    pub compression: bool,
    /// Compute coverage, density, novel n-grams and repetition (examples with a source only).
    pub extractive: bool,
    /// Compute fact retention and support against the source and the references.
    pub facts: bool,
    /// How ROUGE (and extractiveness) tokens are made: rouge-score's, or multilingual-rouge's
    /// for another language.
    pub tokenization: Tokenization,
}

impl Default for EvalConfig {
    fn default() -> Self {
        EvalConfig {
            rouge_types: RougeType::default_set(),
            stemmer: Stemmer::None,
            compression: true,
            extractive: true,
            facts: true,
            tokenization: Tokenization::RougeScore,
        }
    }
}

impl EvalConfig {
    /// A configuration computing exactly the metrics named.
    pub fn from_metrics(metrics: &[MetricName], stemmer: Stemmer) -> Self {
        EvalConfig {
            rouge_types: metrics
                .iter()
                .filter_map(|m| match m {
                    MetricName::Rouge(t) => Some(*t),
                    _ => None,
                })
                .collect(),
            stemmer,
            compression: metrics.contains(&MetricName::Compression),
            extractive: metrics.contains(&MetricName::Extractive),
            facts: metrics.contains(&MetricName::Facts),
            tokenization: Tokenization::RougeScore,
        }
    }

    /// Only ROUGE, of the given types.
    pub fn rouge_only(rouge_types: Vec<RougeType>, stemmer: Stemmer) -> Self {
        EvalConfig {
            rouge_types,
            stemmer,
            compression: false,
            extractive: false,
            facts: false,
            tokenization: Tokenization::RougeScore,
        }
    }
}

impl EvalConfig {
    /// The signature of this configuration (without dataset-dependent keys such as `nrefs`).
    pub fn signature(&self) -> Signature {
        let mut s = Signature::new();
        let (tok, lang, seg, stem, ext_tok) = match self.tokenization {
            Tokenization::RougeScore => (
                "rouge-score",
                None,
                None,
                self.stemmer.signature_name().to_owned(),
                "rouge-score-nostem",
            ),
            Tokenization::Unicode { lang, stem, seg } => (
                "unicode-mrouge",
                Some(lang),
                seg.map(|s| s.signature_name()),
                stem.map_or_else(|| "none".to_owned(), |s| s.signature_name()),
                "unicode-mrouge-nostem",
            ),
            Tokenization::Auto { stem } => (
                "unicode-mrouge",
                Some("auto"),
                Some("auto"),
                if stem { "snowball-auto" } else { "none" }.to_owned(),
                "unicode-mrouge-nostem",
            ),
        };
        s.set("case", "lc").set("tok", tok);
        if let Some(lang) = lang {
            s.set("lang", lang);
        }
        if let Some(seg) = seg {
            s.set("seg", seg);
        }
        s.set("stem", stem)
            .set("lsum", "newline")
            .set("multi", "best-f")
            .set("agg", "macro");
        if self.extractive {
            s.set("frag", "newsroom-compat");
        }
        if self.extractive || self.compression {
            s.set("ext-tok", ext_tok);
        }
        if self.compression {
            s.set("sent", "punct-lines");
        }
        if self.facts {
            s.set("facts", "sumbench-v1");
        }
        s
    }
}

/// Scores examples under one configuration. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Evaluator {
    config: EvalConfig,
    analyzer: Analyzer,
    /// The unstemmed analyser for extractiveness (defined on plain tokens).
    plain: Analyzer,
    scorer: RougeScorer,
}

/// Texts of an example, in bytes, beyond which [`Evaluator::evaluate`] frees its workspace
/// before the facts (a 15 MB example leaves tens of megabytes of tables in it).
const LARGE_EXAMPLE_BYTES: usize = 4 << 20;

/// All texts of `example`, in bytes.
fn example_bytes(example: &Example) -> usize {
    example.source.as_ref().map_or(0, String::len)
        + example.references.iter().map(String::len).sum::<usize>()
        + example
            .candidates
            .iter()
            .map(|c| c.text.len())
            .sum::<usize>()
}

/// Per-thread working memory for [`Evaluator::evaluate`].
#[derive(Debug, Default)]
pub struct Workspace {
    vocab: Vocab,
    plain_vocab: Vocab,
    scratch: Scratch,
}

impl Evaluator {
    /// An evaluator for `config`.
    pub fn new(config: EvalConfig) -> Self {
        let scorer = RougeScorer::new(&config.rouge_types);
        let analyzer = Analyzer::with_tokenization(config.stemmer, config.tokenization);
        let plain_tokens = match config.tokenization {
            Tokenization::Unicode { lang, seg, .. } => Tokenization::Unicode {
                lang,
                stem: None,
                seg,
            },
            t => t,
        };
        Evaluator {
            config,
            analyzer,
            plain: Analyzer::with_tokenization(Stemmer::None, plain_tokens).without_space_tokens(),
            scorer,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &EvalConfig {
        &self.config
    }

    /// The value columns every [`SystemResult`] carries, in order.
    pub fn columns(&self) -> Vec<Column> {
        results::columns(&self.config)
    }

    /// Scores every candidate of `example` against its references (or its source when it has
    /// none). `None` when the example has neither.
    ///
    /// Each text is analysed once: the references and the source once per example for all
    /// systems, each candidate once for every metric family.
    pub fn evaluate(&self, example: &Example, ws: &mut Workspace) -> Option<ExampleResult> {
        let (targets, against_source) = example.rouge_targets()?;
        let (lang, analyzers);
        let this = match self.config.tokenization {
            Tokenization::Auto { stem } => {
                // one language per example, read off its source (else its first reference,
                // else its first candidate), so that all its texts are tokenised alike
                let declared = example.lang.as_deref().and_then(language_code);
                let detected = declared.unwrap_or_else(|| {
                    let text = example
                        .source
                        .as_deref()
                        .or(example.references.first().map(String::as_str))
                        .or(example.candidates.first().map(|c| c.text.as_str()))
                        .unwrap_or("");
                    crate::text::multilingual::detect_language(text).unwrap_or("und")
                });
                lang = Some((detected, declared.is_some()));
                analyzers = Evaluator {
                    analyzer: self.analyzer.in_language(detected, stem),
                    plain: self.plain.in_language(detected, false),
                    config: self.config.clone(),
                    scorer: self.scorer.clone(),
                };
                &analyzers
            }
            _ => {
                lang = None;
                self
            }
        };
        let mut result = this.evaluate_in(example, targets, against_source, ws)?;
        result.lang = lang.map(|(l, _)| l);
        result.lang_declared = lang.is_some_and(|(_, declared)| declared);
        if lang.is_none() {
            let run = match self.config.tokenization {
                Tokenization::Unicode { lang, .. } => lang,
                _ => "en",
            };
            result.other_lang = example
                .lang
                .as_deref()
                .is_some_and(|l| language_code(l).is_none_or(|l| l != run));
        }
        Some(result)
    }

    /// [`Evaluator::evaluate`] once the language is known.
    fn evaluate_in(
        &self,
        example: &Example,
        targets: Vec<&str>,
        against_source: bool,
        ws: &mut Workspace,
    ) -> Option<ExampleResult> {
        ws.vocab.clear();
        ws.plain_vocab.clear();
        let refs: Vec<Prepared> = targets
            .iter()
            .map(|t| {
                let a = self.analyzer.analyse(t, &mut ws.vocab);
                self.scorer.prepare_reference(a, Some(&mut ws.vocab))
            })
            .collect();
        // A text that is not blank but leaves no token scores 0 without being empty: counted,
        // so that the report can say so (rouge-score's tokenizer keeps only a-z and 0-9).
        let tokenless =
            |text: &str, p: &Prepared| p.analysed().is_empty() && !text.trim().is_empty();
        let mut no_tokens = targets
            .iter()
            .zip(&refs)
            .filter(|(t, p)| tokenless(t, p))
            .count() as u32;
        let source = example
            .source
            .as_deref()
            .map(|text| self.prepare_source(text, against_source, &refs, ws));
        let mut systems: Vec<SystemResult> = example
            .candidates
            .iter()
            .map(|c| {
                let a = self.analyzer.analyse(&c.text, &mut ws.vocab);
                let cand = self.scorer.prepare_candidate(a, Some(&mut ws.vocab), &refs);
                let rouge = self.scorer.score_multi(&refs, &cand, &mut ws.scratch);
                no_tokens += u32::from(tokenless(&c.text, &cand));
                let mut result = SystemResult {
                    system: c.system.clone(),
                    rouge,
                    compression: None,
                    extractive: None,
                    facts: None,
                };
                if let Some(PreparedSource {
                    plain: Some(plain), ..
                }) = &source
                {
                    let own;
                    let words = if self.shares_analyses() {
                        cand.analysed()
                    } else {
                        own = self.plain.analyse(&c.text, &mut ws.plain_vocab);
                        &own
                    };
                    self.extractive_results(plain, &c.text, words, &mut result);
                }
                result
            })
            .collect();
        // Facts last, once the ROUGE and extractiveness structures are freed: on a long
        // source the two would otherwise add up (BENCHMARKS.md, "One 15 MB JSONL line").
        let n_refs = refs.len();
        drop(source);
        drop(refs);
        if self.config.facts {
            // After a long example the workspace's tables are sized for it: give them back
            // before the facts are prepared (they are rebuilt, small, for the next example).
            if example_bytes(example) > LARGE_EXAMPLE_BYTES {
                *ws = Workspace::default();
            }
            // One long document at a time: every candidate against the source, then the
            // source is freed before the joined references are prepared.
            // the facts of the language the texts are tokenised in (English's own rules for
            // rouge-score's tokenizer)
            let lang = self.facts_language();
            let doc = |text| FactDoc::with_lang(text, lang);
            let candidates: Vec<FactDoc<'_>> =
                example.candidates.iter().map(|c| doc(&c.text)).collect();
            let mut facts: Vec<FactsResult> = {
                let source = example.source.as_deref().map(doc);
                candidates
                    .iter()
                    .map(|c| {
                        let report = source.as_ref().map(|s| facts::compare(s, c));
                        FactsResult {
                            source: report.as_ref().map(FactTally::of),
                            references: None,
                            lists: report.as_ref().map(FactLists::of),
                        }
                    })
                    .collect()
            };
            if !example.references.is_empty() {
                let joined = example.references.join("\n");
                let refs = doc(&joined);
                for (c, f) in candidates.iter().zip(&mut facts) {
                    f.references = Some(FactTally::of(&facts::compare(&refs, c)));
                }
            }
            for (result, f) in systems.iter_mut().zip(facts) {
                result.facts = Some(f);
            }
        }
        Some(ExampleResult {
            id: example.id.clone(),
            target: if against_source {
                Target::Source
            } else {
                Target::References
            },
            n_refs,
            removed_lines: example.removed_lines,
            no_tokens,
            lang: None,
            lang_declared: false,
            other_lang: false,
            systems,
        })
    }

    /// The language whose fact rules apply (ISO 639-1): the tokenization's, English for
    /// rouge-score's.
    pub fn facts_language(&self) -> &'static str {
        match self.analyzer.tokenization() {
            Tokenization::Unicode { lang, .. } => lang,
            _ => "en",
        }
    }

    /// Extractiveness needs unstemmed tokens: without a stemmer the ROUGE analyses are
    /// exactly that (and share one id space), so they are reused instead of redone.
    fn shares_analyses(&self) -> bool {
        let spaces = matches!(
            self.analyzer.tokenization(),
            Tokenization::Unicode { seg: Some(s), .. } if s.keeps_spaces()
        );
        self.config.stemmer == Stemmer::None && !spaces
    }

    /// The source, prepared once for every system of the example (for compression and
    /// extractiveness; its facts are prepared after them).
    fn prepare_source(
        &self,
        text: &str,
        against_source: bool,
        refs: &[Prepared],
        ws: &mut Workspace,
    ) -> PreparedSource {
        let plain = (self.config.compression || self.config.extractive).then(|| {
            let words = match (self.shares_analyses(), against_source) {
                (true, true) => refs[0].analysed().clone(),
                (true, false) => self.analyzer.analyse(text, &mut ws.vocab),
                (false, _) => self.plain.analyse(text, &mut ws.plain_vocab),
            };
            PlainSource {
                index: ArticleIndex::new(&words.tokens),
                chars: nonspace_chars(text),
                sentences: count_sentences(text) as u64,
                words,
            }
        });
        PreparedSource { plain }
    }

    /// Compression and extractiveness of one candidate (`words`: its unstemmed analysis)
    /// against the source.
    fn extractive_results(
        &self,
        src: &PlainSource,
        text: &str,
        words: &Analysed,
        result: &mut SystemResult,
    ) {
        if self.config.compression {
            result.compression = Some(Compression {
                source_words: src.words.len() as u64,
                candidate_words: words.len() as u64,
                source_chars: src.chars,
                candidate_chars: nonspace_chars(text),
                source_sentences: src.sentences,
                candidate_sentences: count_sentences(text) as u64,
            });
        }
        if self.config.extractive {
            let fragments = |mode| {
                Extractive::from_fragments(&src.index.fragments(&words.tokens, mode), words.len())
            };
            result.extractive = Some(ExtractiveResult {
                compat: fragments(FragmentMode::Compat),
                exact: fragments(FragmentMode::Exact),
                novel: [1, 2, 3, 4].map(|n| novel_ngrams(&src.words.tokens, &words.tokens, n)),
                repetition: [1, 2, 3].map(|n| repetition(&words.tokens, n)),
            });
        }
    }
}

/// Characters that are not white space.
fn nonspace_chars(text: &str) -> u64 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u64
}

/// What compression and extractiveness need of the source: its unstemmed tokens, their index
/// for fragment search, and its character and sentence counts.
struct PlainSource {
    words: Analysed,
    index: ArticleIndex,
    chars: u64,
    sentences: u64,
}

/// A source document prepared once per example, for every system.
struct PreparedSource {
    /// For compression and extractiveness (when either is computed).
    plain: Option<PlainSource>,
}

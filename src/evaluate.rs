//! Scoring of examples: analyse each text once, prepare each reference once, score every
//! system against it. Pure: no I/O, deterministic, safe to run on many threads.

use serde::Serialize;

use crate::dataset::Example;
use crate::metrics::extractive::{
    ArticleIndex, Compression, Extractive, FragmentMode, novel_ngrams, repetition,
};
use crate::metrics::facts::{self, FactDoc, FactReport, FactStatus};
use crate::metrics::rouge::{Chosen, RougeScorer, RougeType, Scratch};
use crate::signature::Signature;
use crate::text::{Analysed, Analyzer, Stemmer, Vocab, count_sentences};

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

/// Everything that changes a number.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

impl Default for EvalConfig {
    fn default() -> Self {
        EvalConfig {
            rouge_types: RougeType::default_set(),
            stemmer: Stemmer::None,
            compression: true,
            extractive: true,
            facts: true,
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
        }
    }
}

impl EvalConfig {
    /// The signature of this configuration (without dataset-dependent keys such as `nrefs`).
    pub fn signature(&self) -> Signature {
        let mut s = Signature::new();
        s.set("case", "lc")
            .set("tok", "rouge-score")
            .set("stem", self.stemmer.signature_name())
            .set("lsum", "newline")
            .set("multi", "best-f")
            .set("agg", "macro");
        if self.extractive {
            s.set("frag", "newsroom-compat");
        }
        if self.extractive || self.compression {
            s.set("ext-tok", "rouge-score-nostem");
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

/// What ROUGE compared the candidates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// The example's references.
    References,
    /// The source document (the example has no reference).
    Source,
}

/// Which way a column is better, for marking the best system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// Higher is better (ROUGE, fact retention and support).
    Higher,
    /// Lower is better (for example an unsupported-fact share).
    Lower,
    /// Neither: a descriptive quantity (compression ratio, density).
    Neither,
}

/// One named number that every system gets per example, and its mean per system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Stable machine key, such as `rouge1.fmeasure` (used in JSON, CSV and `compare`).
    pub key: String,
    /// Short human label, such as `rouge1 F`.
    pub label: String,
    /// The table this column is shown in.
    pub section: &'static str,
    /// Which way is better.
    pub better: Better,
    /// A detail column: in JSON and CSV, not in the terminal and Markdown tables.
    pub detail: bool,
}

impl Column {
    fn new(key: String, label: String, section: &'static str, better: Better) -> Self {
        Column {
            key,
            label,
            section,
            better,
            detail: false,
        }
    }

    fn detail(mut self) -> Self {
        self.detail = true;
        self
    }
}

/// The facts of one candidate that a reader should look at, by their text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct FactLists {
    /// Source facts the candidate does not keep.
    pub missing: Vec<String>,
    /// Candidate facts (numbers, names, quotes) the source does not support.
    pub unsupported: Vec<String>,
    /// Candidate quotes close to a source quote but changed, with the word difference.
    pub altered: Vec<String>,
}

impl FactLists {
    fn from_report(r: &FactReport) -> Self {
        let mut l = FactLists::default();
        for c in &r.checks {
            let kind = match c.kind {
                facts::FactKind::Number => "number",
                facts::FactKind::Name => "name",
                facts::FactKind::Quote => "quote",
            };
            let item = format!("{kind}: {}", c.text);
            match c.status {
                FactStatus::Missing => l.missing.push(item),
                FactStatus::Unsupported => l.unsupported.push(item),
                FactStatus::Altered => {
                    let diff = c.diff.as_ref().map_or_else(String::new, |d| {
                        format!(
                            " (removed: {}; added: {})",
                            d.removed.join(" "),
                            d.added.join(" ")
                        )
                    });
                    l.altered.push(format!("{item}{diff}"));
                }
                _ => {}
            }
        }
        l
    }
}

/// One system's scores on one example.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemResult {
    /// The system.
    pub system: String,
    /// Per ROUGE type: the chosen reference and its counts, in the configured type order.
    pub rouge: Vec<Chosen>,
    /// One value per [`Evaluator::columns`] entry; `None` where undefined for this example.
    pub values: Vec<Option<f64>>,
    /// Facts against the source worth a look (with the `facts` metric and a source).
    pub facts: Option<FactLists>,
}

/// All systems' scores on one example.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExampleResult {
    /// The example's id.
    pub id: String,
    /// What ROUGE compared the candidates with.
    pub target: Target,
    /// Number of references (1 when scored against the source).
    pub n_refs: usize,
    /// Lines removed from the example's texts by boilerplate cleaning.
    pub removed_lines: usize,
    /// Per system, in the example's order.
    pub systems: Vec<SystemResult>,
}

/// Scores examples under one configuration. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Evaluator {
    config: EvalConfig,
    analyzer: Analyzer,
    scorer: RougeScorer,
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
        let analyzer = Analyzer::new(config.stemmer);
        Evaluator {
            config,
            analyzer,
            scorer,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &EvalConfig {
        &self.config
    }

    /// The value columns every [`SystemResult`] carries, in order.
    pub fn columns(&self) -> Vec<Column> {
        let mut cols = Vec::new();
        for t in &self.config.rouge_types {
            for (field, short) in [("precision", "P"), ("recall", "R"), ("fmeasure", "F")] {
                cols.push(Column::new(
                    format!("{t}.{field}"),
                    format!("{t} {short}"),
                    "ROUGE",
                    Better::Higher,
                ));
            }
        }
        if self.config.compression {
            const S: &str = "Compression (source / candidate)";
            for (key, label) in [
                ("compression.words", "ratio words"),
                ("compression.chars", "ratio chars"),
                ("compression.sentences", "ratio sents"),
                ("compression.length_share", "length share"),
                ("compression.expansion", "expansion"),
            ] {
                cols.push(Column::new(key.into(), label.into(), S, Better::Neither));
            }
        }
        if self.config.extractive {
            const S: &str = "Extractiveness (against the source)";
            cols.push(Column::new(
                "extractive.coverage".into(),
                "coverage".into(),
                S,
                Better::Neither,
            ));
            cols.push(Column::new(
                "extractive.density".into(),
                "density".into(),
                S,
                Better::Neither,
            ));
            cols.push(
                Column::new(
                    "extractive.coverage_exact".into(),
                    "coverage exact".into(),
                    S,
                    Better::Neither,
                )
                .detail(),
            );
            cols.push(
                Column::new(
                    "extractive.density_exact".into(),
                    "density exact".into(),
                    S,
                    Better::Neither,
                )
                .detail(),
            );
            cols.push(
                Column::new(
                    "extractive.normalized_density".into(),
                    "norm. density".into(),
                    S,
                    Better::Neither,
                )
                .detail(),
            );
            for n in 1..=4 {
                cols.push(Column::new(
                    format!("novel.{n}"),
                    format!("novel {n}g"),
                    S,
                    Better::Neither,
                ));
            }
            for n in 1..=4 {
                cols.push(
                    Column::new(
                        format!("novel.{n}.tokens"),
                        format!("novel {n}g tok"),
                        S,
                        Better::Neither,
                    )
                    .detail(),
                );
            }
            for n in 1..=3 {
                cols.push(Column::new(
                    format!("repetition.{n}"),
                    format!("REGS-{n}"),
                    S,
                    Better::Lower,
                ));
            }
        }
        if self.config.facts {
            const S: &str = "Facts (against the source)";
            const R: &str = "Facts (against the references)";
            for (section, prefix) in [(S, "facts"), (R, "facts_ref")] {
                for (cat, label) in [
                    ("", "all"),
                    ("numbers.", "numbers"),
                    ("names.", "names"),
                    ("quotes.", "quotes"),
                ] {
                    for (what, short) in [("retention", "kept"), ("support", "supported")] {
                        cols.push(Column::new(
                            format!("{prefix}.{cat}{what}"),
                            format!("{label} {short}"),
                            section,
                            Better::Higher,
                        ));
                    }
                }
            }
        }
        cols
    }

    /// The fact columns' values of one candidate against the source and the references.
    fn fact_values(
        &self,
        source: Option<&FactDoc<'_>>,
        references: Option<&FactDoc<'_>>,
        candidate: &str,
        values: &mut Vec<Option<f64>>,
    ) -> Option<FactLists> {
        let cand = FactDoc::new(candidate);
        let mut lists = None;
        for (i, side) in [source, references].into_iter().enumerate() {
            match side {
                None => values.extend(std::iter::repeat_n(None, 8)),
                Some(doc) => {
                    let r = facts::compare(doc, &cand);
                    for c in [&r.overall, &r.numbers, &r.names, &r.quotes] {
                        values.extend([c.retention(), c.support()]);
                    }
                    if i == 0 {
                        lists = Some(FactLists::from_report(&r));
                    }
                }
            }
        }
        lists
    }

    /// Compression and extractiveness values of one candidate against the source.
    fn extractive_values(
        &self,
        source: Option<(&str, &Analysed, &ArticleIndex)>,
        candidate: &str,
        cand: Option<&Analysed>,
        values: &mut Vec<Option<f64>>,
    ) {
        let (Some((src_text, src, index)), Some(cand)) = (source, cand) else {
            let n = 5 * self.config.compression as usize + 16 * self.config.extractive as usize;
            values.extend(std::iter::repeat_n(None, n));
            return;
        };
        if self.config.compression {
            let nonspace = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count() as u64;
            let c = Compression {
                source_words: src.len() as u64,
                candidate_words: cand.len() as u64,
                source_chars: nonspace(src_text),
                candidate_chars: nonspace(candidate),
                source_sentences: count_sentences(src_text) as u64,
                candidate_sentences: count_sentences(candidate) as u64,
            };
            let expansion = c.is_expansion();
            let ratio = |r: Option<f64>| if expansion { None } else { r };
            values.extend([
                ratio(c.word_ratio()),
                ratio(c.char_ratio()),
                ratio(c.sentence_ratio()),
                c.length_share(),
                Some(if expansion { 1.0 } else { 0.0 }),
            ]);
        }
        if self.config.extractive {
            let compat = Extractive::from_fragments(
                &index.fragments(&cand.tokens, FragmentMode::Compat),
                cand.len(),
            );
            let exact = Extractive::from_fragments(
                &index.fragments(&cand.tokens, FragmentMode::Exact),
                cand.len(),
            );
            let defined = !cand.is_empty();
            let v = |x: f64| defined.then_some(x);
            values.extend([
                v(compat.coverage),
                v(compat.density),
                v(exact.coverage),
                v(exact.density),
                v(compat.normalized_density),
            ]);
            let novel: Vec<_> = (1..=4)
                .map(|n| novel_ngrams(&src.tokens, &cand.tokens, n))
                .collect();
            values.extend(novel.iter().map(|x| (x.distinct > 0).then(|| x.ratio())));
            values.extend(
                novel
                    .iter()
                    .map(|x| (x.total > 0).then(|| x.token_weighted_ratio())),
            );
            for n in 1..=3 {
                let r = repetition(&cand.tokens, n);
                values.push((r.total > 0).then(|| r.ratio()));
            }
        }
    }

    /// Scores every candidate of `example` against its references (or its source when it has
    /// none). `None` when the example has neither.
    pub fn evaluate(&self, example: &Example, ws: &mut Workspace) -> Option<ExampleResult> {
        let (targets, against_source) = example.rouge_targets()?;
        ws.vocab.clear();
        let refs: Vec<_> = targets
            .iter()
            .map(|t| {
                let a = self.analyzer.analyse(t, &mut ws.vocab);
                self.scorer.prepare_with(a, &mut ws.vocab)
            })
            .collect();
        let needs_source = self.config.compression || self.config.extractive;
        let plain = Analyzer::new(Stemmer::None);
        ws.plain_vocab.clear();
        // Extractiveness needs unstemmed tokens: without a stemmer the ROUGE analyses are
        // exactly that (and share one id space), so they are reused instead of redone.
        let shared = self.config.stemmer == Stemmer::None;
        let source = match (&example.source, needs_source) {
            (Some(text), true) => {
                let a = match (shared, against_source) {
                    (true, true) => refs[0].analysed().clone(),
                    (true, false) => self.analyzer.analyse(text, &mut ws.vocab),
                    (false, _) => plain.analyse(text, &mut ws.plain_vocab),
                };
                let index = ArticleIndex::new(&a.tokens);
                Some((text.as_str(), a, index))
            }
            _ => None,
        };
        let fact_source = match (&example.source, self.config.facts) {
            (Some(text), true) => Some(FactDoc::new(text)),
            _ => None,
        };
        let joined_refs;
        let fact_refs = if self.config.facts && !example.references.is_empty() {
            joined_refs = example.references.join("\n");
            Some(FactDoc::new(&joined_refs))
        } else {
            None
        };
        let systems = example
            .candidates
            .iter()
            .map(|c| {
                let a = self.analyzer.analyse(&c.text, &mut ws.vocab);
                let cand = self.scorer.prepare_candidate_for(a, &mut ws.vocab, &refs);
                let rouge = self.scorer.score_multi(&refs, &cand, &mut ws.scratch);
                let mut values = Vec::new();
                for chosen in &rouge {
                    let s = chosen.counts.score();
                    values.extend([Some(s.precision), Some(s.recall), Some(s.fmeasure)]);
                }
                if needs_source {
                    let own;
                    let plain_cand = match (&source, shared) {
                        (None, _) => None,
                        (Some(_), true) => Some(cand.analysed()),
                        (Some(_), false) => {
                            own = plain.analyse(&c.text, &mut ws.plain_vocab);
                            Some(&own)
                        }
                    };
                    self.extractive_values(
                        source.as_ref().map(|(t, a, i)| (*t, a, i)),
                        &c.text,
                        plain_cand,
                        &mut values,
                    );
                }
                let facts = if self.config.facts {
                    self.fact_values(
                        fact_source.as_ref(),
                        fact_refs.as_ref(),
                        &c.text,
                        &mut values,
                    )
                } else {
                    None
                };
                SystemResult {
                    system: c.system.clone(),
                    rouge,
                    values,
                    facts,
                }
            })
            .collect();
        Some(ExampleResult {
            id: example.id.clone(),
            target: if against_source {
                Target::Source
            } else {
                Target::References
            },
            n_refs: refs.len(),
            removed_lines: example.removed_lines,
            systems,
        })
    }
}

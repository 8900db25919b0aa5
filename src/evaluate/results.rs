//! Typed per-example results: one struct per metric family, each keeping its counts
//! (sufficient statistics), and the one place per family that declares its columns with the
//! values they hold ([`SystemResult::emit`]).

use serde::{Deserialize, Serialize};

use super::EvalConfig;
use super::columns::{Better, Column, ColumnSink, Section, Sink, ValueSink};
use crate::metrics::extractive::{Compression, Extractive, NovelNgrams, Repetition};
use crate::metrics::facts::{self, CategoryCounts, FactReport, FactStatus};
use crate::metrics::rouge::{Counts, RougeResult};

/// What ROUGE compared the candidates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// The example's references.
    References,
    /// The source document (the example has no reference).
    Source,
}

/// Coverage, density, novel n-grams and repetition of one candidate against the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractiveResult {
    /// Fragments as the official Newsroom code finds them.
    pub compat: Extractive,
    /// Fragments by exact greedy longest match.
    pub exact: Extractive,
    /// Novel n-grams for n = 1..=4.
    pub novel: [NovelNgrams; 4],
    /// Repeated n-grams within the candidate for n = 1..=3 (REGS).
    pub repetition: [Repetition; 3],
}

/// Fact tallies of one candidate against one side (the source, or the joined references):
/// every category's counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct FactTally {
    /// All categories together.
    pub overall: CategoryCounts,
    /// Numbers.
    pub numbers: CategoryCounts,
    /// Names.
    pub names: CategoryCounts,
    /// Quotes.
    pub quotes: CategoryCounts,
    /// Lexical support: per order n = 1..=3, (supported, total) content n-grams.
    pub lexical: [(u64, u64); facts::support::MAX_ORDER],
    /// Sentence support: the sum over sentences and the number of sentences.
    pub sentences: (f64, u64),
}

impl FactTally {
    /// The tallies of a fact report.
    pub fn of(r: &FactReport) -> Self {
        FactTally {
            overall: r.overall,
            numbers: r.numbers,
            names: r.names,
            quotes: r.quotes,
            lexical: r.lexical.counts,
            sentences: r.lexical.sentences,
        }
    }

    /// The overall factual consistency (see [`facts::consistency`]).
    pub fn consistency(&self) -> Option<f64> {
        facts::consistency(&self.support(), &self.overall)
    }

    /// The lexical support (see [`facts::support::Support::score`]).
    pub fn lexical(&self) -> Option<f64> {
        self.support().score()
    }

    /// The lexical support's share at order `n` (1..=3).
    pub fn lexical_share(&self, n: usize) -> Option<f64> {
        self.support().share(n)
    }

    fn support(&self) -> facts::support::Support {
        facts::support::Support {
            counts: self.lexical,
            sentences: self.sentences,
            ..Default::default()
        }
    }
}

/// The facts of one candidate that a reader should look at, by their text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FactLists {
    /// Source facts the candidate does not keep.
    pub missing: Vec<String>,
    /// Candidate facts (numbers, names, quotes) the source does not support.
    pub unsupported: Vec<String>,
    /// Candidate quotes close to a source quote but changed, with the word difference.
    pub altered: Vec<String>,
    /// Content words of the candidate that the source does not have (lexical support), in
    /// text order. Written only when there are some.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsupported_words: Vec<String>,
    /// The candidate has nothing to check (no content word: `facts.consistency` is
    /// undefined). Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nothing_to_check: bool,
}

impl FactLists {
    /// The missing, unsupported and altered facts of a report, as `kind: text` lines.
    pub fn of(r: &FactReport) -> Self {
        let mut l = FactLists {
            nothing_to_check: facts::consistency(&r.lexical, &r.overall).is_none(),
            unsupported_words: r
                .lexical
                .unsupported
                .iter()
                .map(|(w, _)| w.clone())
                .collect(),
            ..FactLists::default()
        };
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

/// Facts of one candidate against the source and against the references.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FactsResult {
    /// Against the source (`None` when the example has none).
    pub source: Option<FactTally>,
    /// Against the joined references (`None` when the example has none).
    pub references: Option<FactTally>,
    /// Facts against the source worth a look (`None` without a source).
    pub lists: Option<FactLists>,
}

/// One system's scores on one example, by metric family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemResult {
    /// The system.
    pub system: String,
    /// Per ROUGE type: the chosen reference and its counts, in the configured type order.
    pub rouge: Vec<RougeResult>,
    /// Compression counts (with the `compression` metric and a source).
    pub compression: Option<Compression>,
    /// Extractiveness (with the `extractive` metric and a source).
    pub extractive: Option<ExtractiveResult>,
    /// Facts (with the `facts` metric).
    pub facts: Option<FactsResult>,
}

/// A language code (ISO 639-1, or `und`) as a static string. (A named type also keeps serde's
/// derive from taking `Option<&'static str>` for a string borrowed from the input, which would
/// restrict reading results to `'static` input.)
pub type LangCode = &'static str;

/// All systems' scores on one example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExampleResult {
    /// The example's id.
    pub id: String,
    /// What ROUGE compared the candidates with.
    pub target: Target,
    /// Number of references (1 when scored against the source).
    pub n_refs: usize,
    /// Lines removed from the example's texts by boilerplate cleaning.
    pub removed_lines: usize,
    /// Texts (references or candidates) that are not blank but have no token: their ROUGE
    /// is 0 (text in a script the tokenizer does not keep, such as Cyrillic or Chinese).
    pub no_tokens: u32,
    /// The language detected for the example (ISO 639-1, `und` when none was), with
    /// `--lang auto` only.
    #[serde(deserialize_with = "static_lang")]
    pub lang: Option<LangCode>,
    /// With `--lang auto`: the language is the one the data declares (its `lang` field), not
    /// a detection.
    pub lang_declared: bool,
    /// Without `--lang auto`: the data declares a language other than the run's (the example
    /// is tokenised in the run's language all the same).
    pub other_lang: bool,
    /// Per system, in the example's order.
    pub systems: Vec<SystemResult>,
}

/// Reads [`ExampleResult::lang`] back: a language code as the run recorded it (one that
/// [`crate::text::multilingual::static_code`] knows).
fn static_lang<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<LangCode>, D::Error> {
    let code: Option<String> = Option::deserialize(d)?;
    code.map(|c| {
        crate::text::multilingual::static_code(&c)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language code '{c}'")))
    })
    .transpose()
}

impl SystemResult {
    /// A result with no score, for declaring the columns of `config`.
    fn placeholder(config: &EvalConfig) -> Self {
        SystemResult {
            system: String::new(),
            rouge: config
                .rouge_types
                .iter()
                .map(|&rouge_type| RougeResult {
                    rouge_type,
                    reference: 0,
                    counts: Counts::default(),
                })
                .collect(),
            compression: None,
            extractive: None,
            facts: None,
        }
    }

    /// Declares every column of `config` with this result's value, in order.
    pub fn emit<S: Sink>(&self, config: &EvalConfig, sink: &mut S) {
        emit_rouge(&self.rouge, sink);
        if config.compression {
            emit_compression(self.compression.as_ref(), sink);
        }
        if config.extractive {
            emit_extractive(self.extractive.as_ref(), sink);
        }
        if config.facts {
            let f = self.facts.as_ref();
            emit_facts(
                f.and_then(|f| f.source.as_ref()),
                Section::FactsSource,
                "facts",
                sink,
            );
            emit_facts(
                f.and_then(|f| f.references.as_ref()),
                Section::FactsReferences,
                "facts_ref",
                sink,
            );
            emit_entities(
                f.and_then(|f| f.source.as_ref()),
                f.and_then(|f| f.references.as_ref()),
                sink,
            );
        }
    }

    /// This result's values in column order, written into `out` (cleared first).
    pub fn values_into(&self, config: &EvalConfig, out: &mut Vec<Option<f64>>) {
        out.clear();
        self.emit(config, &mut ValueSink(out));
    }

    /// This result's values in column order.
    pub fn values(&self, config: &EvalConfig) -> Vec<Option<f64>> {
        let mut v = Vec::new();
        self.values_into(config, &mut v);
        v
    }
}

/// The value columns of `config`, in order.
pub fn columns(config: &EvalConfig) -> Vec<Column> {
    let mut sink = ColumnSink::default();
    SystemResult::placeholder(config).emit(config, &mut sink);
    sink.0
}

fn emit_rouge<S: Sink>(rouge: &[RougeResult], sink: &mut S) {
    for r in rouge {
        let t = r.rouge_type;
        let s = r.counts.score();
        for (field, short, v) in [
            ("precision", "P", s.precision),
            ("recall", "R", s.recall),
            ("fmeasure", "F", s.fmeasure),
        ] {
            sink.put(
                || {
                    Column::new(
                        format!("{t}.{field}"),
                        format!("{t} {short}"),
                        Section::Rouge,
                        Better::Higher,
                    )
                },
                Some(v),
            );
        }
    }
}

fn emit_compression<S: Sink>(c: Option<&Compression>, sink: &mut S) {
    let expansion = c.map(Compression::is_expansion);
    // An expansion has no compression ratio (the candidate is longer than the source).
    let ratio = |f: fn(&Compression) -> Option<f64>| match (c, expansion) {
        (Some(c), Some(false)) => f(c),
        _ => None,
    };
    let values = [
        (
            "compression.words",
            "ratio words",
            ratio(Compression::word_ratio),
        ),
        (
            "compression.chars",
            "ratio chars",
            ratio(Compression::char_ratio),
        ),
        (
            "compression.sentences",
            "ratio sents",
            ratio(Compression::sentence_ratio),
        ),
        (
            "compression.length_share",
            "length share",
            c.and_then(Compression::length_share),
        ),
        (
            "compression.expansion",
            "expansion",
            expansion.map(|e| if e { 1.0 } else { 0.0 }),
        ),
    ];
    for (key, label, v) in values {
        sink.put(
            || Column::new(key, label, Section::Compression, Better::Neither),
            v,
        );
    }
}

/// Novel n-gram keys and labels for n = 1..=4 (types, then token-weighted).
const NOVEL: [(&str, &str, &str, &str); 4] = [
    ("novel.1", "novel 1g", "novel.1.tokens", "novel 1g tok"),
    ("novel.2", "novel 2g", "novel.2.tokens", "novel 2g tok"),
    ("novel.3", "novel 3g", "novel.3.tokens", "novel 3g tok"),
    ("novel.4", "novel 4g", "novel.4.tokens", "novel 4g tok"),
];

/// Repetition keys and labels for n = 1..=3.
const REPETITION: [(&str, &str); 3] = [
    ("repetition.1", "REGS-1"),
    ("repetition.2", "REGS-2"),
    ("repetition.3", "REGS-3"),
];

fn emit_extractive<S: Sink>(e: Option<&ExtractiveResult>, sink: &mut S) {
    const X: Section = Section::Extractiveness;
    let col = |key: &'static str, label: &'static str, detail: bool| {
        move || {
            let c = Column::new(key, label, X, Better::Neither);
            if detail { c.detail() } else { c }
        }
    };
    // Fragments are defined for a candidate with at least one token.
    let fragments = e.filter(|e| e.compat.summary_tokens > 0);
    let frag = |f: fn(&ExtractiveResult) -> f64| fragments.map(f);
    sink.put(
        col("extractive.coverage", "coverage", false),
        frag(|e| e.compat.coverage),
    );
    sink.put(
        col("extractive.density", "density", false),
        frag(|e| e.compat.density),
    );
    sink.put(
        col("extractive.coverage_exact", "coverage exact", true),
        frag(|e| e.exact.coverage),
    );
    sink.put(
        col("extractive.density_exact", "density exact", true),
        frag(|e| e.exact.density),
    );
    sink.put(
        col("extractive.normalized_density", "norm. density", true),
        frag(|e| e.compat.normalized_density),
    );
    for (n, &(key, label, _, _)) in NOVEL.iter().enumerate() {
        let v = e.map(|e| &e.novel[n]).filter(|x| x.distinct > 0);
        sink.put(col(key, label, false), v.map(NovelNgrams::ratio));
    }
    for (n, &(_, _, key, label)) in NOVEL.iter().enumerate() {
        let v = e.map(|e| &e.novel[n]).filter(|x| x.total > 0);
        sink.put(
            col(key, label, true),
            v.map(NovelNgrams::token_weighted_ratio),
        );
    }
    for (n, &(key, label)) in REPETITION.iter().enumerate() {
        let v = e.map(|e| &e.repetition[n]).filter(|x| x.total > 0);
        sink.put(
            || Column::new(key, label, X, Better::Lower),
            v.map(Repetition::ratio),
        );
    }
}

/// Entity-level scores as Nan et al. (2021, "Entity-level Factual Consistency of Abstractive
/// Text Summarization") define them, with sumbench's name and number facts as the entities
/// (distinct keys; the names of caseless text are found as [`facts::names::extract_caseless`]
/// describes): `precision_source` = |N(h) ∩ N(s)| / |N(h)|,
/// `precision_target` = |N(h) ∩ N(t)| / |N(h)|, `recall_target` = |N(h) ∩ N(t)| / |N(t)| and
/// `f1_target` their harmonic mean, with h the candidate, s the source and t the references.
fn emit_entities<S: Sink>(source: Option<&FactTally>, refs: Option<&FactTally>, sink: &mut S) {
    let e = |t: &FactTally| EntityCounts::of(t);
    let ps = source.map(e).and_then(|c| c.precision());
    let (pt, rt) = refs
        .map(e)
        .map_or((None, None), |c| (c.precision(), c.recall()));
    let f1 = match (pt, rt) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    for (key, label, section, v) in [
        (
            "entity.precision_source",
            "entity P source",
            Section::FactsSource,
            ps,
        ),
        (
            "entity.precision_target",
            "entity P target",
            Section::FactsReferences,
            pt,
        ),
        (
            "entity.recall_target",
            "entity R target",
            Section::FactsReferences,
            rt,
        ),
        (
            "entity.f1_target",
            "entity F1 target",
            Section::FactsReferences,
            f1,
        ),
    ] {
        sink.put(
            || Column::new(key.to_owned(), label.to_owned(), section, Better::Higher).detail(),
            v,
        );
    }
}

/// Distinct name and number facts of one candidate against one side.
struct EntityCounts {
    /// Candidate entities (names only when assessable) and, of those, supported.
    candidate: u64,
    supported: u64,
    /// The side's entities and, of those, kept by the candidate.
    side: u64,
    kept: u64,
}

impl EntityCounts {
    fn of(t: &FactTally) -> Self {
        let mut c = EntityCounts {
            candidate: 0,
            supported: 0,
            side: 0,
            kept: 0,
        };
        for k in [&t.names, &t.numbers] {
            c.side += k.source_distinct;
            c.kept += k.kept;
            if k.candidate_assessable {
                c.candidate += k.candidate_distinct;
                c.supported += k.supported;
            }
        }
        c
    }

    fn precision(&self) -> Option<f64> {
        (self.candidate > 0).then(|| self.supported as f64 / self.candidate as f64)
    }

    fn recall(&self) -> Option<f64> {
        (self.side > 0).then(|| self.kept as f64 / self.side as f64)
    }
}

fn emit_facts<S: Sink>(
    tally: Option<&FactTally>,
    section: Section,
    prefix: &'static str,
    sink: &mut S,
) {
    type Category = (
        &'static str,
        &'static str,
        fn(&FactTally) -> &CategoryCounts,
    );
    let categories: [Category; 4] = [
        ("", "all", |t| &t.overall),
        ("numbers.", "numbers", |t| &t.numbers),
        ("names.", "names", |t| &t.names),
        ("quotes.", "quotes", |t| &t.quotes),
    ];
    let t = tally;
    sink.put(
        || {
            Column::new(
                format!("{prefix}.consistency"),
                "consistency".to_owned(),
                section,
                Better::Higher,
            )
            .detail()
        },
        t.and_then(FactTally::consistency),
    );
    sink.put(
        || {
            Column::new(
                format!("{prefix}.lexical"),
                "lexical support".to_owned(),
                section,
                Better::Higher,
            )
            .detail()
        },
        t.and_then(FactTally::lexical),
    );
    for n in 1..=facts::support::MAX_ORDER {
        sink.put(
            || {
                Column::new(
                    format!("{prefix}.lexical.{n}"),
                    format!("lexical {n}-grams"),
                    section,
                    Better::Higher,
                )
                .detail()
            },
            t.and_then(|t| t.lexical_share(n)),
        );
    }
    for (cat, label, counts) in categories {
        let c = tally.map(counts);
        let measures: [(&str, &str, Option<f64>); 2] = [
            ("retention", "kept", c.and_then(CategoryCounts::retention)),
            ("support", "supported", c.and_then(CategoryCounts::support)),
        ];
        for (what, short, v) in measures {
            sink.put(
                || {
                    Column::new(
                        format!("{prefix}.{cat}{what}"),
                        format!("{label} {short}"),
                        section,
                        Better::Higher,
                    )
                },
                v,
            );
        }
    }
}

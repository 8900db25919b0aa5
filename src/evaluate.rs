//! Scoring of examples: analyse each text once, prepare each reference once, score every
//! system against it. Pure: no I/O, deterministic, safe to run on many threads.

use serde::Serialize;

use crate::dataset::Example;
use crate::metrics::rouge::{Chosen, RougeScorer, RougeType, Scratch};
use crate::signature::Signature;
use crate::text::{Analyzer, Stemmer, Vocab};

/// Everything that changes a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalConfig {
    /// ROUGE types to compute, in output order.
    pub rouge_types: Vec<RougeType>,
    /// Stemmer for ROUGE tokens.
    pub stemmer: Stemmer,
}

impl Default for EvalConfig {
    fn default() -> Self {
        EvalConfig {
            rouge_types: RougeType::default_set(),
            stemmer: Stemmer::None,
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

/// One system's scores on one example.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemResult {
    /// The system.
    pub system: String,
    /// Per ROUGE type: the chosen reference and its counts, in the configured type order.
    pub rouge: Vec<Chosen>,
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

    /// Scores every candidate of `example` against its references (or its source when it has
    /// none). `None` when the example has neither.
    pub fn evaluate(&self, example: &Example, ws: &mut Workspace) -> Option<ExampleResult> {
        let (targets, against_source) = example.rouge_targets()?;
        ws.vocab.clear();
        let refs: Vec<_> = targets
            .iter()
            .map(|t| self.scorer.prepare(self.analyzer.analyse(t, &mut ws.vocab)))
            .collect();
        let systems = example
            .candidates
            .iter()
            .map(|c| {
                let cand = self
                    .scorer
                    .prepare_candidate(self.analyzer.analyse(&c.text, &mut ws.vocab));
                SystemResult {
                    system: c.system.clone(),
                    rouge: self.scorer.score_multi(&refs, &cand, &mut ws.scratch),
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
            systems,
        })
    }
}

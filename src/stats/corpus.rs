//! Corpus-level accumulation of per-example results: per system and column, the plain mean
//! over examples (macro, the default) and, for ROUGE, the pooled counts (micro).
//!
//! Sums run in example order, so the result does not depend on how many threads scored.
//! Every column is reached through [`SystemResult::values_into`], the one place where the
//! metric families declare their columns: nothing here knows a column's position.

use serde::Serialize;

use crate::evaluate::{Column, EvalConfig, ExampleResult, Section, SystemResult, Target};
use crate::metrics::rouge::{Counts, RougeResult, RougeType, Score};

/// One system's corpus-level scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemSummary {
    /// The system.
    pub name: String,
    /// Examples this system was scored on.
    pub examples: u64,
    /// Per column (in the report's column order): the mean over the examples where the value
    /// is defined, or `None` when it is defined for none.
    pub means: Vec<Option<f64>>,
    /// Per column: the number of examples where the value is defined.
    pub defined: Vec<u64>,
    /// Per ROUGE type, the mean of the per-example scores (macro average).
    pub scores: Vec<(RougeType, Score)>,
    /// Per ROUGE type, the pooled counts over examples and the scores they give (micro).
    pub micro: Vec<(RougeType, Counts, Score)>,
    /// Per column, the bootstrap band (empty unless intervals were asked for).
    pub bands: Vec<Option<Band>>,
}

impl SystemSummary {
    /// The mean of the column with key `key`.
    pub fn mean(&self, columns: &[Column], key: &str) -> Option<f64> {
        columns
            .iter()
            .position(|c| c.key == key)
            .and_then(|i| self.means[i])
    }
}

#[derive(Debug, Clone, Default)]
struct SystemTotals {
    name: String,
    examples: u64,
    sums: Vec<f64>,
    defined: Vec<u64>,
    rouge: Vec<(Score, Counts)>,
}

/// Accumulates [`ExampleResult`]s in order.
#[derive(Debug, Clone, Default)]
pub struct Accumulator {
    config: EvalConfig,
    columns: usize,
    types: Vec<RougeType>,
    /// One system's values on one example (reused).
    row: Vec<Option<f64>>,
    systems: Vec<SystemTotals>,
    examples: u64,
    against_source: u64,
    no_tokens: u64,
    /// Summaries whose facts against the source were checked, and of those, with nothing to
    /// check (no content word: `facts.consistency` undefined).
    fact_checked: u64,
    nothing_to_check: u64,
    removed_lines: u64,
    max_refs: usize,
    min_refs: usize,
    /// Examples per detected language (`--lang auto`).
    langs: std::collections::BTreeMap<&'static str, u64>,
    /// Examples whose language the data declared (`--lang auto`), and examples declaring
    /// another language than the run's (without it).
    lang_declared: u64,
    other_lang: u64,
}

impl Accumulator {
    /// An empty accumulator for the columns of `config`.
    pub fn new(config: &EvalConfig) -> Self {
        Accumulator {
            columns: crate::evaluate::results::columns(config).len(),
            types: config.rouge_types.clone(),
            config: config.clone(),
            min_refs: usize::MAX,
            ..Default::default()
        }
    }

    /// Adds one example's results.
    pub fn add(&mut self, result: &ExampleResult) {
        self.examples += 1;
        if result.target == Target::Source {
            self.against_source += 1;
        }
        if result.no_tokens > 0 {
            self.no_tokens += 1;
        }
        self.removed_lines += result.removed_lines as u64;
        if let Some(lang) = result.lang {
            *self.langs.entry(lang).or_default() += 1;
        }
        self.lang_declared += u64::from(result.lang_declared);
        self.other_lang += u64::from(result.other_lang);
        self.max_refs = self.max_refs.max(result.n_refs);
        self.min_refs = self.min_refs.min(result.n_refs);
        for sys in &result.systems {
            let idx = match self.systems.iter().position(|t| t.name == sys.system) {
                Some(i) => i,
                None => {
                    self.systems.push(SystemTotals {
                        name: sys.system.clone(),
                        examples: 0,
                        sums: vec![0.0; self.columns],
                        defined: vec![0; self.columns],
                        rouge: vec![(Score::default(), Counts::default()); self.types.len()],
                    });
                    self.systems.len() - 1
                }
            };
            if let Some(src) = sys.facts.as_ref().and_then(|f| f.source.as_ref()) {
                self.fact_checked += 1;
                self.nothing_to_check += u64::from(src.consistency().is_none());
            }
            let t = &mut self.systems[idx];
            t.examples += 1;
            sys.values_into(&self.config, &mut self.row);
            for (k, v) in self.row.iter().enumerate() {
                if let Some(v) = v {
                    t.sums[k] += v;
                    t.defined[k] += 1;
                }
            }
            for (k, chosen) in sys.rouge.iter().enumerate().take(self.types.len()) {
                let s = chosen.counts.score();
                let (sum, pooled) = &mut t.rouge[k];
                sum.precision += s.precision;
                sum.recall += s.recall;
                sum.fmeasure += s.fmeasure;
                pooled.add(&chosen.counts);
            }
        }
    }

    /// Number of examples added.
    pub fn examples(&self) -> u64 {
        self.examples
    }

    /// Examples per detected language (`--lang auto`), by code.
    pub fn languages(&self) -> &std::collections::BTreeMap<&'static str, u64> {
        &self.langs
    }

    /// Examples whose language the data declared (`--lang auto`), and examples that declare
    /// a language other than the run's.
    pub fn declared_languages(&self) -> (u64, u64) {
        (self.lang_declared, self.other_lang)
    }

    /// Number of examples with a text that is not blank but has no token.
    pub fn no_tokens(&self) -> u64 {
        self.no_tokens
    }

    /// Summaries checked against their source for facts, and of those, the number with
    /// nothing to check (no content word).
    pub fn nothing_to_check(&self) -> (u64, u64) {
        (self.nothing_to_check, self.fact_checked)
    }

    /// Number of examples scored against their source for lack of a reference.
    pub fn against_source(&self) -> u64 {
        self.against_source
    }

    /// Lines removed by boilerplate cleaning, over all examples.
    pub fn removed_lines(&self) -> u64 {
        self.removed_lines
    }

    /// The number of references per example: `Some(k)` when every example had `k`.
    pub fn constant_refs(&self) -> Option<usize> {
        (self.examples > 0 && self.min_refs == self.max_refs).then_some(self.max_refs)
    }

    /// System names in order of first appearance.
    pub fn system_names(&self) -> Vec<&str> {
        self.systems.iter().map(|s| s.name.as_str()).collect()
    }

    /// Per-system summaries, in order of first appearance. With `micro`, the means of the
    /// ROUGE columns are the scores of the pooled counts instead of the per-example means.
    pub fn summaries(&self, micro: bool) -> Vec<SystemSummary> {
        let columns = crate::evaluate::results::columns(&self.config);
        self.systems
            .iter()
            .map(|t| {
                let n = t.examples;
                let mean = |x: f64| if n > 0 { x / n as f64 } else { 0.0 };
                let mut means: Vec<Option<f64>> = t
                    .sums
                    .iter()
                    .zip(&t.defined)
                    .map(|(&s, &d)| (d > 0).then(|| s / d as f64))
                    .collect();
                if micro {
                    let pooled = pooled_result(&self.types, t.rouge.iter().map(|(_, c)| *c))
                        .values(&self.config);
                    for (k, c) in columns.iter().enumerate() {
                        if c.section == Section::Rouge {
                            means[k] = pooled[k];
                        }
                    }
                }
                SystemSummary {
                    name: t.name.clone(),
                    examples: n,
                    means,
                    defined: t.defined.clone(),
                    scores: self
                        .types
                        .iter()
                        .zip(&t.rouge)
                        .map(|(&ty, (s, _))| {
                            (
                                ty,
                                Score {
                                    precision: mean(s.precision),
                                    recall: mean(s.recall),
                                    fmeasure: mean(s.fmeasure),
                                },
                            )
                        })
                        .collect(),
                    micro: self
                        .types
                        .iter()
                        .zip(&t.rouge)
                        .map(|(&ty, (_, c))| (ty, *c, c.score()))
                        .collect(),
                    bands: Vec::new(),
                }
            })
            .collect()
    }
}

/// How a confidence interval is computed (serialised as `percentile` or `rouge-score`, the
/// names of `--bootstrap-method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntervalMethod {
    /// The plain mean with a percentile bootstrap interval (sumbench's default).
    Percentile,
    /// rouge-score's BootstrapAggregator: the median of the bootstrap means with the 2.5 and
    /// 97.5 percentiles (numpy's linear interpolation).
    RougeScore,
}

impl IntervalMethod {
    /// The signature value.
    pub fn name(self) -> &'static str {
        match self {
            IntervalMethod::Percentile => "percentile",
            IntervalMethod::RougeScore => "rouge-score-median",
        }
    }
}

/// A confidence interval with the point it surrounds (the mean, or rouge-score's median of
/// bootstrap means).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Band {
    /// Lower bound.
    pub low: f64,
    /// The point estimate reported with the interval.
    pub mid: f64,
    /// Upper bound.
    pub high: f64,
}

/// A result holding only ROUGE counts (one per type, in order): its ROUGE column values are
/// the scores of those counts.
fn pooled_result(types: &[RougeType], counts: impl Iterator<Item = Counts>) -> SystemResult {
    SystemResult {
        system: String::new(),
        rouge: types
            .iter()
            .zip(counts)
            .map(|(&rouge_type, counts)| RougeResult {
                rouge_type,
                reference: 0,
                counts,
            })
            .collect(),
        compression: None,
        extractive: None,
        facts: None,
    }
}

/// The results of `system`, in example order.
fn results_of<'r>(
    results: &'r [ExampleResult],
    system: &'r str,
) -> impl Iterator<Item = &'r SystemResult> + 'r {
    results
        .iter()
        .flat_map(move |e| e.systems.iter().filter(move |s| s.system == system))
}

/// Per column, the values of `system` over the examples where the column is defined, in
/// order.
pub fn column_values(
    results: &[ExampleResult],
    system: &str,
    config: &EvalConfig,
) -> Vec<Vec<f64>> {
    let mut out: Vec<Vec<f64>> = Vec::new();
    let mut row = Vec::new();
    for s in results_of(results, system) {
        s.values_into(config, &mut row);
        out.resize_with(row.len(), Vec::new);
        for (col, v) in out.iter_mut().zip(&row) {
            col.extend(*v);
        }
    }
    out.resize_with(crate::evaluate::results::columns(config).len(), Vec::new);
    out
}

/// Bootstrap bands of every column for `system` (`None` where a column has no value). With
/// `micro`, the ROUGE columns' bands pool the counts of the drawn examples.
pub fn bands(
    results: &[ExampleResult],
    system: &str,
    config: &EvalConfig,
    bootstrap: &crate::stats::BootstrapConfig,
    method: IntervalMethod,
    micro: bool,
) -> Vec<Option<Band>> {
    let columns = crate::evaluate::results::columns(config);
    let counts: Vec<Vec<Counts>> = if micro {
        results_of(results, system)
            .map(|s| s.rouge.iter().map(|r| r.counts).collect())
            .collect()
    } else {
        Vec::new()
    };
    column_values(results, system, config)
        .into_iter()
        .zip(&columns)
        .enumerate()
        .map(|(k, (v, column))| {
            if micro && column.section == Section::Rouge {
                return micro_band(&counts, &config.rouge_types, config, k, bootstrap);
            }
            match method {
                IntervalMethod::Percentile => {
                    let mid = crate::stats::mean(&v)?;
                    let i = crate::stats::bootstrap_interval(v.len(), bootstrap, |idx| {
                        crate::stats::mean_at(&v, idx).unwrap_or(f64::NAN)
                    })?;
                    Some(Band {
                        low: i.low,
                        mid,
                        high: i.high,
                    })
                }
                IntervalMethod::RougeScore => crate::stats::rouge_score_bootstrap(&v, bootstrap)
                    .map(|b| Band {
                        low: b.low,
                        mid: b.mid,
                        high: b.high,
                    }),
            }
        })
        .collect()
}

/// The micro-averaged band of ROUGE column `k`: each resample pools the counts of the drawn
/// examples (`counts`: per example, one per type).
fn micro_band(
    counts: &[Vec<Counts>],
    types: &[RougeType],
    config: &EvalConfig,
    k: usize,
    bootstrap: &crate::stats::BootstrapConfig,
) -> Option<Band> {
    let value = |idx: &mut dyn Iterator<Item = usize>| {
        let mut pooled = vec![Counts::default(); types.len()];
        for i in idx {
            for (p, c) in pooled.iter_mut().zip(&counts[i]) {
                p.add(c);
            }
        }
        pooled_result(types, pooled.into_iter()).values(config)[k]
    };
    let point = value(&mut (0..counts.len()))?;
    let i = crate::stats::bootstrap_interval(counts.len(), bootstrap, |idx| {
        value(&mut idx.iter().copied()).unwrap_or(f64::NAN)
    })?;
    Some(Band {
        low: i.low,
        mid: point,
        high: i.high,
    })
}

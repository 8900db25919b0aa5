//! Corpus-level accumulation of per-example results: per system and column, the plain mean
//! over examples (macro, the default) and, for ROUGE, the pooled counts (micro).
//!
//! Sums run in example order, so the result does not depend on how many threads scored.

use serde::Serialize;

use crate::evaluate::{Column, ExampleResult, Target};
use crate::metrics::rouge::{Counts, RougeType, Score};

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
    columns: usize,
    types: Vec<RougeType>,
    systems: Vec<SystemTotals>,
    examples: u64,
    against_source: u64,
    removed_lines: u64,
    max_refs: usize,
    min_refs: usize,
}

impl Accumulator {
    /// An empty accumulator for `columns` value columns and ROUGE `types`.
    pub fn new(columns: usize, types: &[RougeType]) -> Self {
        Accumulator {
            columns,
            types: types.to_vec(),
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
        self.removed_lines += result.removed_lines as u64;
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
            let t = &mut self.systems[idx];
            t.examples += 1;
            for (k, v) in sys.values.iter().enumerate().take(self.columns) {
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

    /// Per-system summaries, in order of first appearance.
    pub fn summaries(&self) -> Vec<SystemSummary> {
        self.systems
            .iter()
            .map(|t| {
                let n = t.examples;
                let mean = |x: f64| if n > 0 { x / n as f64 } else { 0.0 };
                SystemSummary {
                    name: t.name.clone(),
                    examples: n,
                    means: t
                        .sums
                        .iter()
                        .zip(&t.defined)
                        .map(|(&s, &d)| (d > 0).then(|| s / d as f64))
                        .collect(),
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

/// How a confidence interval is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Band {
    /// Lower bound.
    pub low: f64,
    /// The point estimate reported with the interval.
    pub mid: f64,
    /// Upper bound.
    pub high: f64,
}

/// The values of column `k` for `system`, over the examples where it is defined, in order.
pub fn column_values(results: &[ExampleResult], system: &str, k: usize) -> Vec<f64> {
    results
        .iter()
        .flat_map(|e| e.systems.iter().filter(|s| s.system == system))
        .filter_map(|s| s.values.get(k).copied().flatten())
        .collect()
}

/// Bootstrap bands of every column for `system` (`None` where a column has no value).
pub fn bands(
    results: &[ExampleResult],
    system: &str,
    columns: usize,
    config: &crate::stats::BootstrapConfig,
    method: IntervalMethod,
) -> Vec<Option<Band>> {
    (0..columns)
        .map(|k| {
            let v = column_values(results, system, k);
            match method {
                IntervalMethod::Percentile => {
                    let mid = crate::stats::mean(&v)?;
                    let i = crate::stats::bootstrap_interval(v.len(), config, |idx| {
                        crate::stats::mean_at(&v, idx).unwrap_or(f64::NAN)
                    })?;
                    Some(Band {
                        low: i.low,
                        mid,
                        high: i.high,
                    })
                }
                IntervalMethod::RougeScore => {
                    crate::stats::rouge_score_bootstrap(&v, config).map(|b| Band {
                        low: b.low,
                        mid: b.mid,
                        high: b.high,
                    })
                }
            }
        })
        .collect()
}

/// Micro-averaged ROUGE bands: each resample pools the counts of the drawn examples.
pub fn micro_bands(
    results: &[ExampleResult],
    system: &str,
    types: usize,
    config: &crate::stats::BootstrapConfig,
) -> Vec<[Option<Band>; 3]> {
    (0..types)
        .map(|k| {
            let counts: Vec<Counts> = results
                .iter()
                .flat_map(|e| e.systems.iter().filter(|s| s.system == system))
                .filter_map(|s| s.rouge.get(k).map(|c| c.counts))
                .collect();
            let pooled = |idx: &[usize]| {
                let mut c = Counts::default();
                for &i in idx {
                    c.add(&counts[i]);
                }
                c.score()
            };
            let all: Vec<usize> = (0..counts.len()).collect();
            let point = pooled(&all);
            let field = |f: fn(&Score) -> f64| {
                let i =
                    crate::stats::bootstrap_interval(counts.len(), config, |idx| f(&pooled(idx)))?;
                Some(Band {
                    low: i.low,
                    mid: f(&point),
                    high: i.high,
                })
            };
            [
                field(|s| s.precision),
                field(|s| s.recall),
                field(|s| s.fmeasure),
            ]
        })
        .collect()
}

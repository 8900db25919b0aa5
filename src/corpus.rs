//! Corpus-level accumulation of per-example results: per system and metric, the plain mean of
//! P/R/F over examples (macro, the default) and the pooled counts (micro).
//!
//! Sums run in example order, so the result does not depend on how many threads scored.

use serde::Serialize;

use crate::evaluate::{ExampleResult, Target};
use crate::metrics::rouge::{Counts, RougeType, Score};

/// Running totals for one system and one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Totals {
    precision: f64,
    recall: f64,
    fmeasure: f64,
    pooled: Counts,
    n: u64,
}

/// One system's corpus-level scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemSummary {
    /// The system.
    pub name: String,
    /// Examples this system was scored on.
    pub examples: u64,
    /// Per metric, the mean of the per-example scores (macro average).
    pub scores: Vec<(RougeType, Score)>,
    /// Per metric, the pooled counts over examples and the scores they give (micro average).
    pub micro: Vec<(RougeType, Counts, Score)>,
}

/// Accumulates [`ExampleResult`]s in order.
#[derive(Debug, Clone, Default)]
pub struct Accumulator {
    types: Vec<RougeType>,
    systems: Vec<(String, Vec<Totals>)>,
    examples: u64,
    against_source: u64,
    max_refs: usize,
    min_refs: usize,
}

impl Accumulator {
    /// An empty accumulator for `types`.
    pub fn new(types: &[RougeType]) -> Self {
        Accumulator {
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
        self.max_refs = self.max_refs.max(result.n_refs);
        self.min_refs = self.min_refs.min(result.n_refs);
        for sys in &result.systems {
            let idx = match self.systems.iter().position(|(n, _)| *n == sys.system) {
                Some(i) => i,
                None => {
                    self.systems.push((
                        sys.system.clone(),
                        vec![Totals::default(); self.types.len()],
                    ));
                    self.systems.len() - 1
                }
            };
            let totals = &mut self.systems[idx].1;
            for (k, chosen) in sys.rouge.iter().enumerate() {
                let s = chosen.counts.score();
                let t = &mut totals[k];
                t.precision += s.precision;
                t.recall += s.recall;
                t.fmeasure += s.fmeasure;
                t.pooled.add(&chosen.counts);
                t.n += 1;
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

    /// The number of references per example: `Some(k)` when every example had `k`.
    pub fn constant_refs(&self) -> Option<usize> {
        (self.examples > 0 && self.min_refs == self.max_refs).then_some(self.max_refs)
    }

    /// Per-system summaries, in order of first appearance.
    pub fn summaries(&self) -> Vec<SystemSummary> {
        self.systems
            .iter()
            .map(|(name, totals)| {
                let n = totals.first().map_or(0, |t| t.n);
                let mean = |x: f64, n: u64| if n > 0 { x / n as f64 } else { 0.0 };
                SystemSummary {
                    name: name.clone(),
                    examples: n,
                    scores: self
                        .types
                        .iter()
                        .zip(totals)
                        .map(|(&ty, t)| {
                            (
                                ty,
                                Score {
                                    precision: mean(t.precision, t.n),
                                    recall: mean(t.recall, t.n),
                                    fmeasure: mean(t.fmeasure, t.n),
                                },
                            )
                        })
                        .collect(),
                    micro: self
                        .types
                        .iter()
                        .zip(totals)
                        .map(|(&ty, t)| (ty, t.pooled, t.pooled.score()))
                        .collect(),
                }
            })
            .collect()
    }
}

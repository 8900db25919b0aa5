//! Comparing two sets of per-example scores: the difference of the means, its paired bootstrap
//! interval, a paired approximate-randomisation p-value, Holm's correction across the metrics
//! tested together, and the regression gate used by `sumbench compare`.
//!
//! The inputs are per-example values aligned by (example id, system), taken from two reports
//! (read back by [`crate::report::read_report`]) or from two systems of one run. This module
//! only computes; rendering is in `report`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::evaluate::{Better, Column, EvalConfig, ExampleResult};
use crate::signature::Signature;
use crate::stats::{
    Alternative, BootstrapConfig, DEFAULT_AR_TRIALS, Interval, approximate_randomization, holm,
    mean, paired_bootstrap,
};

/// A metric to gate on, with its tolerance (the drop allowed before the gate may fail).
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    /// A column key, or `all` for every column with a direction.
    pub key: String,
    /// Allowed drop, in the metric's units.
    pub tolerance: f64,
}

impl std::str::FromStr for Gate {
    type Err = String;
    /// `METRIC[:TOLERANCE]`; a bare ROUGE type means its F-measure (`rouge1` = `rouge1.fmeasure`).
    fn from_str(s: &str) -> Result<Self, String> {
        let (key, tol) = match s.rsplit_once(':') {
            Some((k, t)) => (
                k,
                t.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x >= 0.0)
                    .ok_or_else(|| {
                        format!("tolerance '{t}' in '{s}' is not a non-negative number")
                    })?,
            ),
            None => (s, 0.0),
        };
        let key = if key.starts_with("rouge") && !key.contains('.') {
            format!("{key}.fmeasure")
        } else {
            key.to_owned()
        };
        Ok(Gate {
            key,
            tolerance: tol,
        })
    }
}

/// How comparisons are tested.
#[derive(Debug, Clone, PartialEq)]
pub struct TestConfig {
    /// Bootstrap settings for the interval of the difference.
    pub bootstrap: BootstrapConfig,
    /// Approximate-randomisation trials for the p-value.
    pub trials: usize,
    /// Significance level for the gate (after Holm's correction).
    pub alpha: f64,
}

impl Default for TestConfig {
    fn default() -> Self {
        TestConfig {
            bootstrap: BootstrapConfig::default(),
            trials: DEFAULT_AR_TRIALS,
            alpha: 0.05,
        }
    }
}

impl TestConfig {
    /// Signature entries of the test settings.
    pub fn signature_entries(&self) -> Vec<(&'static str, String)> {
        let mut v: Vec<(&'static str, String)> = self.bootstrap.signature_entries().into();
        v.push(("test", format!("paired-ar:{}", self.trials)));
        v
    }
}

/// A metric's direction of change, judged by significance (Holm-corrected p < alpha).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Significantly better than the baseline.
    Better,
    /// Significantly worse than the baseline.
    Worse,
    /// No significant change (or a metric without a direction).
    Same,
}

/// One metric of one system, baseline against current.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricComparison {
    /// The column key (`rouge1.fmeasure`).
    pub key: String,
    /// The column label (`rouge1 F`).
    pub label: String,
    /// Which way is better.
    pub better: Better,
    /// Examples where both sides have a value.
    pub examples: usize,
    /// Baseline mean over those examples.
    pub baseline: f64,
    /// Current mean over those examples.
    pub current: f64,
    /// Mean of the per-example differences, current − baseline.
    pub difference: f64,
    /// Paired bootstrap interval of the difference.
    pub interval: Option<Interval>,
    /// Two-sided paired approximate-randomisation p-value.
    pub p_value: f64,
    /// The p-value after Holm's correction over the metrics tested together.
    pub p_holm: f64,
    /// Significant change, and which way.
    pub change: Change,
    /// The gate's tolerance when this metric is gated.
    pub tolerance: Option<f64>,
    /// True when gated and worse by more than the tolerance and significantly so.
    pub regression: bool,
}

/// All compared metrics of one system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemComparison {
    /// The system (current side).
    pub system: String,
    /// The baseline system (the same name when comparing two reports).
    pub baseline_system: String,
    /// Metrics, in column order.
    pub metrics: Vec<MetricComparison>,
}

/// Values of both sides for one metric, aligned by example.
pub struct Paired<'a> {
    /// The column.
    pub column: &'a Column,
    /// Baseline values.
    pub baseline: Vec<f64>,
    /// Current values.
    pub current: Vec<f64>,
}

/// Tests one metric: the mean difference (current − baseline), its paired bootstrap interval
/// and the two-sided approximate-randomisation p-value. Holm's correction, the change and the
/// gate are applied afterwards by [`classify_changes`].
pub fn test_metric(
    pair: &Paired<'_>,
    config: &TestConfig,
    tolerance: Option<f64>,
) -> MetricComparison {
    let (a, b) = (&pair.baseline, &pair.current);
    let ar = approximate_randomization(
        a,
        b,
        config.trials,
        config.bootstrap.seed,
        Alternative::TwoSided,
    );
    let bs = paired_bootstrap(a, b, &config.bootstrap, Alternative::TwoSided);
    MetricComparison {
        key: pair.column.key.clone(),
        label: pair.column.label.clone(),
        better: pair.column.better,
        examples: a.len(),
        baseline: mean(a).unwrap_or(0.0),
        current: mean(b).unwrap_or(0.0),
        difference: ar.map_or(0.0, |r| r.difference),
        interval: bs.and_then(|r| r.interval),
        p_value: ar.map_or(1.0, |r| r.p_value),
        p_holm: ar.map_or(1.0, |r| r.p_value),
        change: Change::Same,
        tolerance,
        regression: false,
    }
}

/// Applies Holm's correction over `metrics` (the family judged together), then sets each
/// one's change (significantly better or worse at `alpha`) and, for gated metrics, whether it
/// is a regression: worse by more than its tolerance, significantly.
pub fn classify_changes(metrics: &mut [&mut MetricComparison], alpha: f64) {
    let raw: Vec<f64> = metrics.iter().map(|m| m.p_value).collect();
    let adjusted = holm(&raw).unwrap_or(raw);
    for (m, p) in metrics.iter_mut().zip(adjusted) {
        m.p_holm = p;
        let improved = match m.better {
            Better::Higher => m.difference > 0.0,
            Better::Lower => m.difference < 0.0,
            Better::Neither => false,
        };
        m.change = if p >= alpha || m.difference == 0.0 || m.better == Better::Neither {
            Change::Same
        } else if improved {
            Change::Better
        } else {
            Change::Worse
        };
        m.regression = match m.tolerance {
            Some(tol) => {
                let drop = match m.better {
                    Better::Higher => -m.difference,
                    Better::Lower => m.difference,
                    Better::Neither => 0.0,
                };
                m.change == Change::Worse && drop > tol
            }
            None => false,
        };
    }
}

/// One example's values, in column order.
pub type Row<'a> = &'a [Option<f64>];

/// Per-example values of one run: what two runs are compared on (read back from a JSON
/// report by [`crate::report::read_report`]).
#[derive(Debug, Clone)]
pub struct LoadedReport {
    /// The signature.
    pub signature: Signature,
    /// The value columns.
    pub columns: Vec<Column>,
    /// Per (system, example id): the values, in column order.
    pub values: BTreeMap<(String, String), Vec<Option<f64>>>,
    /// Systems in report order.
    pub systems: Vec<String>,
}

/// Aligned values of `column` for the examples both sides define.
pub fn align<'a>(
    column: &'a Column,
    k_base: usize,
    k_cur: usize,
    pairs: &[(Row<'_>, Row<'_>)],
) -> Paired<'a> {
    let mut baseline = Vec::new();
    let mut current = Vec::new();
    for (a, b) in pairs {
        if let (Some(Some(x)), Some(Some(y))) = (a.get(k_base), b.get(k_cur)) {
            baseline.push(*x);
            current.push(*y);
        }
    }
    Paired {
        column,
        baseline,
        current,
    }
}

/// The outcome of comparing two reports (or a report's systems with its baseline system).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// The current report's signature, extended with the test settings.
    pub signature: String,
    /// The baseline's signature.
    pub baseline_signature: String,
    /// Significance level.
    pub alpha: f64,
    /// The gated metrics.
    pub gates: Vec<Gate>,
    /// Per system.
    pub systems: Vec<SystemComparison>,
    /// Remarks (accepted mismatches, examples compared).
    pub notes: Vec<String>,
}

impl serde::Serialize for Gate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}:{}", self.key, self.tolerance))
    }
}

impl CompareReport {
    /// The gated metrics that regressed, as `system metric` strings.
    pub fn regressions(&self) -> Vec<String> {
        self.systems
            .iter()
            .flat_map(|s| {
                s.metrics.iter().filter(|m| m.regression).map(move |m| {
                    format!(
                        "{} {}: {:.4} -> {:.4} ({:+.4}, p = {:.4} after Holm)",
                        s.system, m.key, m.baseline, m.current, m.difference, m.p_holm
                    )
                })
            })
            .collect()
    }
}

/// Compares every system of `current` with the same system of `baseline` on the examples both
/// contain. `gates` select the gated metrics; Holm's correction runs over the gated metrics
/// of all systems when there are gates, otherwise over each system's metrics with a direction.
pub fn compare_reports(
    baseline: &LoadedReport,
    current: &LoadedReport,
    gates: &[Gate],
    config: &TestConfig,
) -> Result<Vec<SystemComparison>, String> {
    let tolerance_of = |key: &str, col: &Column| -> Option<f64> {
        gates
            .iter()
            .filter(|g| {
                g.key == key || (g.key == "all" && col.better != Better::Neither && !col.detail)
            })
            .map(|g| g.tolerance)
            .reduce(f64::min)
    };
    for g in gates {
        if g.key != "all" {
            match current.columns.iter().find(|c| c.key == g.key) {
                None => {
                    return Err(format!(
                        "--fail-on {}: no such metric in the report (metrics: {})",
                        g.key,
                        current
                            .columns
                            .iter()
                            .filter(|c| c.better != Better::Neither)
                            .map(|c| c.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                Some(c) if c.better == Better::Neither => {
                    return Err(format!(
                        "--fail-on {}: this metric has no better direction and cannot gate",
                        g.key
                    ));
                }
                _ => {}
            }
        }
    }
    let mut systems = Vec::new();
    for system in &current.systems {
        if !baseline.systems.contains(system) {
            continue;
        }
        let rows: Vec<(Row<'_>, Row<'_>)> = current
            .values
            .range((system.clone(), String::new())..)
            .take_while(|((s, _), _)| s == system)
            .filter_map(|((s, id), cur)| {
                baseline
                    .values
                    .get(&(s.clone(), id.clone()))
                    .map(|base| (base.as_slice(), cur.as_slice()))
            })
            .collect();
        let mut metrics = Vec::new();
        for (k_cur, col) in current.columns.iter().enumerate() {
            let Some(k_base) = baseline.columns.iter().position(|c| c.key == col.key) else {
                continue;
            };
            let tol = tolerance_of(&col.key, col);
            if col.detail && tol.is_none() {
                continue;
            }
            let pair = align(col, k_base, k_cur, &rows);
            if pair.baseline.is_empty() {
                continue;
            }
            metrics.push(test_metric(&pair, config, tol));
        }
        systems.push(SystemComparison {
            system: system.clone(),
            baseline_system: system.clone(),
            metrics,
        });
    }
    // A gate that tested nothing would pass silently: it is an error, with the reason.
    for g in gates.iter().filter(|g| g.key != "all") {
        if systems
            .iter()
            .any(|s| s.metrics.iter().any(|m| m.key == g.key))
        {
            continue;
        }
        let why = if baseline.columns.iter().all(|c| c.key != g.key) {
            "the baseline report has no such metric"
        } else {
            "no example has a value for it in both reports (undefined everywhere, e.g. no fact of that kind)"
        };
        return Err(format!("--fail-on {}: nothing to gate: {why}", g.key));
    }
    if gates.is_empty() {
        for s in &mut systems {
            let mut family: Vec<&mut MetricComparison> = s
                .metrics
                .iter_mut()
                .filter(|m| m.better != Better::Neither)
                .collect();
            classify_changes(&mut family, config.alpha);
        }
    } else {
        let mut family: Vec<&mut MetricComparison> = systems
            .iter_mut()
            .flat_map(|s| s.metrics.iter_mut())
            .filter(|m| m.tolerance.is_some())
            .collect();
        classify_changes(&mut family, config.alpha);
        // The other metrics are judged on their own system's family, for display.
        for s in &mut systems {
            let mut rest: Vec<&mut MetricComparison> = s
                .metrics
                .iter_mut()
                .filter(|m| m.tolerance.is_none() && m.better != Better::Neither)
                .collect();
            classify_changes(&mut rest, config.alpha);
        }
    }
    Ok(systems)
}

/// The (system, id) keys present in one report only: (only in baseline, only in current).
pub fn unmatched(baseline: &LoadedReport, current: &LoadedReport) -> (Vec<String>, Vec<String>) {
    let only = |a: &LoadedReport, b: &LoadedReport| -> Vec<String> {
        a.values
            .keys()
            .filter(|k| !b.values.contains_key(*k))
            .map(|(s, id)| format!("{s}/{id}"))
            .collect()
    };
    (only(baseline, current), only(current, baseline))
}

/// Every system of `results` other than `base` against `base`, on the examples where both
/// have a value (`--baseline-system`); Holm's correction over each system's metrics with a
/// direction (detail columns left out).
pub fn compare_with_baseline(
    results: &[ExampleResult],
    config: &EvalConfig,
    base: &str,
    test: &TestConfig,
) -> Vec<SystemComparison> {
    let columns = crate::evaluate::results::columns(config);
    let mut names: Vec<&str> = Vec::new();
    for e in results {
        for s in &e.systems {
            if s.system != base && !names.contains(&s.system.as_str()) {
                names.push(&s.system);
            }
        }
    }
    names
        .into_iter()
        .map(|name| {
            // Per example both systems have: (baseline values, current values).
            type Values = Vec<Option<f64>>;
            let values: Vec<(Values, Values)> = results
                .iter()
                .filter_map(|e| {
                    let b = e.systems.iter().find(|s| s.system == base)?;
                    let c = e.systems.iter().find(|s| s.system == name)?;
                    Some((b.values(config), c.values(config)))
                })
                .collect();
            let rows: Vec<(Row<'_>, Row<'_>)> = values
                .iter()
                .map(|(b, c)| (b.as_slice(), c.as_slice()))
                .collect();
            let mut metrics: Vec<MetricComparison> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.detail && c.better != Better::Neither)
                .filter_map(|(k, c)| {
                    let pair = align(c, k, k, &rows);
                    (!pair.baseline.is_empty()).then(|| test_metric(&pair, test, None))
                })
                .collect();
            classify_changes(&mut metrics.iter_mut().collect::<Vec<_>>(), test.alpha);
            SystemComparison {
                system: name.to_owned(),
                baseline_system: base.to_owned(),
                metrics,
            }
        })
        .collect()
}

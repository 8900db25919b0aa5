//! Comparing two sets of per-example scores: the difference of the means, its paired bootstrap
//! interval, a paired approximate-randomisation p-value, Holm's correction across the metrics
//! tested together, and the regression gate used by `sumbench compare`.
//!
//! The inputs are per-example values aligned by (example id, system), taken from two reports
//! (read back by [`crate::report::read_report`]) or from two systems of one run. This module
//! only computes; rendering is in `report`.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::evaluate::{Better, Column, EvalConfig, ExampleResult};
use crate::signature::Signature;
use crate::stats::batch::{
    Defined, Differences, approximate_randomization_many, paired_bootstrap_many,
};
use crate::stats::{
    Alternative, BootstrapConfig, DEFAULT_AR_TRIALS, Interval, PairedResult,
    approximate_randomization, holm, mean, paired_bootstrap,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Which of the aligned examples these are (increasing positions in the list given to
    /// [`align`]).
    pub rows: Vec<u32>,
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
    comparison(pair, ar, bs, tolerance)
}

fn comparison(
    pair: &Paired<'_>,
    ar: Option<PairedResult>,
    bs: Option<PairedResult>,
    tolerance: Option<f64>,
) -> MetricComparison {
    let (a, b) = (&pair.baseline, &pair.current);
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

/// Reports how far a long computation has got (`sumbench compare` draws a progress bar).
pub trait Progress: Sync {
    /// The total amount of work, in the units of [`Progress::advance`].
    fn start(&self, _total: u64) {}
    /// `done` more units are finished.
    fn advance(&self, _done: u64) {}
}

/// No progress reporting.
impl Progress for () {}

/// The work [`test_metrics`] reports to its [`Progress`].
pub fn test_work(config: &TestConfig) -> u64 {
    (config.trials + config.bootstrap.resamples) as u64
}

/// [`test_metric`] for every pair (with its gate tolerance), in order, on `n` aligned
/// examples (the pairs' `rows` are positions among them). All the metrics are tested
/// together ([`crate::stats::batch`]): one set of random draws for all of them; a metric
/// defined on every example gets the same p-value as [`test_metric`] and bootstrap bounds
/// equal up to the last bits.
pub fn test_metrics(
    pairs: &[(Paired<'_>, Option<f64>)],
    n: usize,
    config: &TestConfig,
    progress: &dyn Progress,
) -> Vec<MetricComparison> {
    let advance = |k: u64| progress.advance(k);
    let metrics: Vec<Defined<'_>> = pairs
        .iter()
        .map(|(p, _)| {
            (
                p.rows.as_slice(),
                p.baseline.as_slice(),
                p.current.as_slice(),
            )
        })
        .collect();
    let Some(d) = Differences::new(n, &metrics) else {
        // no metric, or a non-finite value somewhere: each metric on its own (its tests
        // say None where a value is not finite)
        progress.advance(test_work(config));
        return pairs
            .iter()
            .map(|(pair, tol)| test_metric(pair, config, *tol))
            .collect();
    };
    let seed = config.bootstrap.seed;
    let ar = approximate_randomization_many(
        &d,
        &metrics,
        config.trials,
        seed,
        Alternative::TwoSided,
        &advance,
    );
    let bs = paired_bootstrap_many(
        &d,
        &metrics,
        &config.bootstrap,
        Alternative::TwoSided,
        &advance,
    );
    pairs
        .iter()
        .zip(ar.into_iter().zip(bs))
        .map(|((pair, tol), (ar, bs))| comparison(pair, ar, bs, *tol))
        .collect()
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
/// report by [`crate::report::read_report`]). One row per (system, example), in report
/// order; values are stored by column (undefined values as NaN, which JSON cannot hold).
#[derive(Debug, Clone)]
pub struct LoadedReport {
    /// The signature.
    pub signature: Signature,
    /// The value columns.
    pub columns: Vec<Column>,
    /// Systems in report order.
    pub systems: Vec<String>,
    /// Per row: the example id.
    pub ids: Vec<String>,
    /// Per row: the system, an index into `systems`.
    pub system_of: Vec<u32>,
    /// Per row: the language detected for the example (`--lang auto` reports; empty
    /// otherwise).
    pub langs: Vec<String>,
    /// Per column (in `columns` order): the value of every row, NaN where undefined. A
    /// column that was not loaded (see [`crate::report::read_report_columns`]) is empty.
    pub values: Vec<Vec<f64>>,
}

impl LoadedReport {
    /// A report from rows of `(system, example id, values in column order)`. Errors on a
    /// (system, id) pair given twice or a row of the wrong length.
    pub fn from_rows(
        signature: Signature,
        columns: Vec<Column>,
        rows: impl IntoIterator<Item = (String, String, Vec<Option<f64>>)>,
    ) -> Result<Self, String> {
        let mut report = LoadedReport {
            signature,
            values: vec![Vec::new(); columns.len()],
            columns,
            systems: Vec::new(),
            ids: Vec::new(),
            system_of: Vec::new(),
            langs: Vec::new(),
        };
        for (system, id, values) in rows {
            if values.len() != report.columns.len() {
                return Err(format!(
                    "example '{id}' of system '{system}' has {} values for {} columns",
                    values.len(),
                    report.columns.len()
                ));
            }
            let s = report.system_index(&system);
            report.ids.push(id);
            report.system_of.push(s);
            for (column, v) in report.values.iter_mut().zip(values) {
                column.push(v.unwrap_or(f64::NAN));
            }
        }
        report.check_unique()?;
        Ok(report)
    }

    /// The index of `system` in `systems`, added when new.
    pub(crate) fn system_index(&mut self, system: &str) -> u32 {
        match self.systems.iter().position(|s| s == system) {
            Some(k) => k as u32,
            None => {
                self.systems.push(system.to_owned());
                (self.systems.len() - 1) as u32
            }
        }
    }

    /// Keeps the rows of examples in `lang` (ISO 639-1): those detected in it in a `--lang
    /// auto` report, or all of them when the report's signature says `lang:LANG` (a report of
    /// one language). Returns the rows kept; errors when the report knows no language.
    pub fn retain_lang(&mut self, lang: &str) -> Result<usize, String> {
        if self.langs.is_empty() {
            let own = self.signature.get("lang").map(str::to_owned);
            return match own.as_deref() {
                Some(l) if l == lang => Ok(self.ids.len()),
                Some(l) => Err(format!("the report is in {l}, not {lang}")),
                None => {
                    Err("the report records no language (it was made without --lang)".to_owned())
                }
            };
        }
        let keep: Vec<bool> = self.langs.iter().map(|l| l == lang).collect();
        fn retain_by<T>(v: &mut Vec<T>, keep: &[bool]) {
            let mut k = keep.iter();
            v.retain(|_| k.next().copied().unwrap_or(false));
        }
        retain_by(&mut self.ids, &keep);
        retain_by(&mut self.system_of, &keep);
        for col in self.values.iter_mut().filter(|c| !c.is_empty()) {
            retain_by(col, &keep);
        }
        self.langs.retain(|l| l == lang);
        Ok(self.ids.len())
    }

    /// Errors on a (system, id) pair that appears twice.
    pub(crate) fn check_unique(&self) -> Result<(), String> {
        let mut seen: FxHashMap<(u32, &str), ()> = FxHashMap::default();
        seen.reserve(self.ids.len());
        for (id, &s) in self.ids.iter().zip(&self.system_of) {
            if seen.insert((s, id.as_str()), ()).is_some() {
                return Err(format!(
                    "example '{id}' of system '{}' appears twice",
                    self.systems[s as usize]
                ));
            }
        }
        Ok(())
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// No row at all.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The value of column `k` on `row` (`None` where undefined or not loaded).
    pub fn value(&self, k: usize, row: usize) -> Option<f64> {
        self.values
            .get(k)
            .and_then(|c| c.get(row))
            .copied()
            .filter(|v| !v.is_nan())
    }

    /// The rows of `system`, by example id.
    fn rows_of(&self, system: &str) -> FxHashMap<&str, usize> {
        let Some(s) = self.systems.iter().position(|x| x == system) else {
            return FxHashMap::default();
        };
        self.system_of
            .iter()
            .enumerate()
            .filter(|&(_, &x)| x as usize == s)
            .map(|(row, _)| (self.ids[row].as_str(), row))
            .collect()
    }
}

/// Aligned values of `column` for the examples both sides define: `pairs` are the
/// (baseline, current) value rows of the aligned examples.
pub fn align<'a>(
    column: &'a Column,
    k_base: usize,
    k_cur: usize,
    pairs: &[(Row<'_>, Row<'_>)],
) -> Paired<'a> {
    align_by(column, pairs.len(), |i| {
        let (a, b) = pairs[i];
        (
            a.get(k_base).copied().flatten(),
            b.get(k_cur).copied().flatten(),
        )
    })
}

/// [`align`] over `n` aligned examples whose values `value(i)` gives.
fn align_by<'a>(
    column: &'a Column,
    n: usize,
    value: impl Fn(usize) -> (Option<f64>, Option<f64>),
) -> Paired<'a> {
    let mut baseline = Vec::new();
    let mut current = Vec::new();
    let mut rows = Vec::new();
    for i in 0..n {
        if let (Some(x), Some(y)) = value(i) {
            baseline.push(x);
            current.push(y);
            rows.push(i as u32);
        }
    }
    Paired {
        column,
        rows,
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
    compare_reports_with(baseline, current, gates, config, &())
}

/// [`compare_reports`], reporting the progress of the tests to `progress`.
pub fn compare_reports_with(
    baseline: &LoadedReport,
    current: &LoadedReport,
    gates: &[Gate],
    config: &TestConfig,
    progress: &dyn Progress,
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
    // Per system: the pairs to test, with their tolerances.
    // (system, aligned examples, pairs to test with their tolerances)
    type Plan<'r> = (&'r String, usize, Vec<(Paired<'r>, Option<f64>)>);
    let mut planned: Vec<Plan<'_>> = Vec::new();
    for system in &current.systems {
        if !baseline.systems.contains(system) {
            continue;
        }
        let base_rows = baseline.rows_of(system);
        // (current row, baseline row) of the examples both have, by id (the order of the
        // resampled lists: it decides which example each random draw picks)
        let mut rows: Vec<(usize, usize)> = current
            .rows_of(system)
            .into_iter()
            .filter_map(|(id, cur)| base_rows.get(id).map(|&base| (cur, base)))
            .collect();
        rows.sort_unstable_by(|x, y| current.ids[x.0].cmp(&current.ids[y.0]));
        let mut pairs = Vec::new();
        for (k_cur, col) in current.columns.iter().enumerate() {
            let Some(k_base) = baseline.columns.iter().position(|c| c.key == col.key) else {
                continue;
            };
            let tol = tolerance_of(&col.key, col);
            if col.detail && tol.is_none() {
                continue;
            }
            let pair = align_by(col, rows.len(), |i| {
                let (cur, base) = rows[i];
                (baseline.value(k_base, base), current.value(k_cur, cur))
            });
            if pair.baseline.is_empty() {
                continue;
            }
            pairs.push((pair, tol));
        }
        planned.push((system, rows.len(), pairs));
    }
    progress.start(planned.len() as u64 * test_work(config));
    let mut systems: Vec<SystemComparison> = planned
        .iter()
        .map(|(system, n, pairs)| SystemComparison {
            system: (*system).clone(),
            baseline_system: (*system).clone(),
            metrics: test_metrics(pairs, *n, config, progress),
        })
        .collect();
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

/// The (system, id) keys present in one report only: (only in baseline, only in current),
/// as `system/id`, sorted by system then id.
pub fn unmatched(baseline: &LoadedReport, current: &LoadedReport) -> (Vec<String>, Vec<String>) {
    let only = |a: &LoadedReport, b: &LoadedReport| -> Vec<String> {
        let mut keys: Vec<(&str, &str)> = Vec::new();
        for (s, system) in a.systems.iter().enumerate() {
            let there = b.rows_of(system);
            keys.extend(
                a.ids
                    .iter()
                    .zip(&a.system_of)
                    .filter(|&(id, &x)| x as usize == s && !there.contains_key(id.as_str()))
                    .map(|(id, _)| (system.as_str(), id.as_str())),
            );
        }
        keys.sort_unstable();
        keys.into_iter()
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
            let pairs: Vec<(Paired<'_>, Option<f64>)> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.detail && c.better != Better::Neither)
                .map(|(k, c)| (align(c, k, k, &rows), None))
                .filter(|(pair, _)| !pair.baseline.is_empty())
                .collect();
            let mut metrics = test_metrics(&pairs, rows.len(), test, &());
            classify_changes(&mut metrics.iter_mut().collect::<Vec<_>>(), test.alpha);
            SystemComparison {
                system: name.to_owned(),
                baseline_system: base.to_owned(),
                metrics,
            }
        })
        .collect()
}

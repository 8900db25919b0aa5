//! Paired tests of many metrics on the same examples at once: the engine behind
//! `sumbench compare`.
//!
//! [`paired_bootstrap`](super::paired_bootstrap) and
//! [`approximate_randomization`](super::approximate_randomization) test one metric: each
//! resample or trial draws its random numbers and sums `n` values. Comparing 40 metrics of
//! 200,000 examples that way draws the same random numbers 40 times and costs
//! `40 × 11,000 × 200,000` scattered additions (minutes). Here all the metrics of the
//! compared examples share each resample's and trial's draws, and the sums are reorganised
//! for the cache:
//!
//! * **randomisation**: trial `t` flips the same coins as
//!   [`approximate_randomization`](super::approximate_randomization) (ChaCha20 stream
//!   `2^63 + t`, one bit per example, LSB first) for every metric. Examples are taken eight
//!   at a time: for those eight, a table of the 256 signed sums (one per pattern of swaps)
//!   is built once per block of trials, and each trial adds one table row (all metrics) per
//!   eight examples;
//! * **bootstrap**: resample `r` draws the same example indices as
//!   [`paired_bootstrap`](super::paired_bootstrap) (stream `r`), counted per example; its
//!   statistic is `Σ count[i] · d[i] / Σ count[i]` for all metrics in one pass.
//!
//! A metric defined on every example gets exactly the one-metric tests' draws: the same
//! p-values, and bootstrap bounds equal up to the last bits (the same sums, added in
//! another order; randomisation counts ties within
//! [`TIE_RELATIVE_TOLERANCE`](super::TIE_RELATIVE_TOLERANCE) for this reason). A metric
//! defined on some examples only (a fact rate where the source has no fact of that kind)
//! takes part in the same draws: in a trial its undefined examples are not swapped, in a
//! resample they are drawn but not counted (its statistic is the mean over the drawn
//! examples where it is defined; a resample that draws none of them is left out of its
//! interval and p-value). Work is split into fixed blocks of trials and resamples, so the
//! results do not depend on the number of threads.

use rayon::prelude::*;

use super::aggregate::mean_of;
use super::bootstrap::{BootstrapConfig, allocatable};
use super::paired::{Alternative, PairedResult, bootstrap_result, randomization_result};
use super::rng::Rng;

/// Trials per block of the randomisation engine (the accumulators of a block stay in cache).
const TRIAL_BLOCK: usize = 512;
/// Resamples per block of the bootstrap engine.
const RESAMPLE_BLOCK: usize = 16;

/// Per-example differences of several metrics on the same `n` examples: `d[i * m + k]` is
/// the difference (current − baseline) of metric `k` on example `i`, 0 where the metric is
/// undefined on that example.
#[derive(Debug, Clone)]
pub struct Differences {
    n: usize,
    m: usize,
    d: Vec<f64>,
    /// Per metric: the number of examples where it is defined.
    defined: Vec<usize>,
    /// The metrics defined on some examples only, and `w[i * partial.len() + j]`: 1 where
    /// metric `partial[j]` is defined on example `i`, else 0.
    partial: Vec<usize>,
    w: Vec<f64>,
}

/// One metric's values on the examples where both sides define it: the examples' positions
/// (increasing, below `n`), the baseline values and the current values.
pub type Defined<'a> = (&'a [u32], &'a [f64], &'a [f64]);

impl Differences {
    /// The differences `b[i] - a[i]` of each metric on the `n` examples. `None` if there is
    /// no metric or no example, a metric's lists differ in length, a position is out of
    /// range or not increasing, or a value or a difference is not finite.
    pub fn new(n: usize, metrics: &[Defined<'_>]) -> Option<Self> {
        let m = metrics.len();
        if n == 0 || m == 0 {
            return None;
        }
        let mut d = vec![0.0; n.checked_mul(m)?];
        let mut defined = Vec::with_capacity(m);
        let mut partial = Vec::new();
        for (k, (rows, a, b)) in metrics.iter().enumerate() {
            if a.len() != rows.len() || b.len() != rows.len() {
                return None;
            }
            if rows.windows(2).any(|w| w[0] >= w[1])
                || rows.last().is_some_and(|&r| r as usize >= n)
            {
                return None;
            }
            for ((&i, x), y) in rows.iter().zip(a.iter()).zip(b.iter()) {
                let v = y - x;
                if !(x.is_finite() && y.is_finite() && v.is_finite()) {
                    return None;
                }
                d[i as usize * m + k] = v;
            }
            defined.push(rows.len());
            if rows.len() < n {
                partial.push(k);
            }
        }
        let p = partial.len();
        let mut w = vec![0.0; n.checked_mul(p)?];
        for (j, &k) in partial.iter().enumerate() {
            for &i in metrics[k].0 {
                w[i as usize * p + j] = 1.0;
            }
        }
        Some(Differences {
            n,
            m,
            d,
            defined,
            partial,
            w,
        })
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Always `false` (a `Differences` has at least one example).
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Number of metrics.
    pub fn metrics(&self) -> usize {
        self.m
    }

    /// The observed mean difference of each metric over the examples where it is defined,
    /// computed as the one-metric tests do (`None` where it is defined nowhere).
    fn observed(&self, metrics: &[Defined<'_>]) -> Vec<f64> {
        metrics
            .iter()
            .map(|(_, a, b)| {
                mean_of(a.iter().zip(b.iter()).map(|(x, y)| y - x)).unwrap_or(f64::NAN)
            })
            .collect()
    }
}

/// Approximate randomisation of every metric of `d` with shared trials: for each metric
/// the result of [`approximate_randomization`](super::approximate_randomization) on its
/// differences (same coins, same counting rule), up to the order of the additions.
/// `progress` is called with the number of trials done, as blocks finish.
pub fn approximate_randomization_many(
    d: &Differences,
    metrics: &[Defined<'_>],
    trials: usize,
    seed: u64,
    alternative: Alternative,
    progress: &(dyn Fn(u64) + Sync),
) -> Vec<Option<PairedResult>> {
    let (n, m) = (d.n, d.m);
    if trials == 0 || !allocatable::<f64>(trials.saturating_mul(m)) {
        return vec![None; m];
    }
    let observed = d.observed(metrics);
    let groups = n.div_ceil(8);
    let words = n.div_ceil(32);
    let blocks: Vec<Vec<f64>> = (0..trials.div_ceil(TRIAL_BLOCK))
        .into_par_iter()
        .map_init(
            || (Vec::new(), vec![0.0f64; 2 * 256 * m]),
            |(bytes, table): &mut (Vec<u8>, Vec<f64>), b| {
                let first = b * TRIAL_BLOCK;
                let count = TRIAL_BLOCK.min(trials - first);
                // coin bytes, trial-major: bytes[t * stride + g] = swaps of examples 8g..8g+8
                // (the group loop below reads one byte of every trial: `count` streams)
                let stride = 4 * words;
                bytes.resize(count * stride, 0);
                for (t, trial) in bytes.chunks_exact_mut(stride).enumerate() {
                    let mut rng = Rng::with_stream(seed, (1u64 << 63) | (first + t) as u64);
                    for word in trial.chunks_exact_mut(4) {
                        word.copy_from_slice(&rng.next_u32().to_le_bytes());
                    }
                }
                let mut acc = vec![0.0f64; count * m];
                let (first_table, second_table) = table.split_at_mut(256 * m);
                // two groups per pass over the accumulators (half the memory traffic)
                for g in (0..groups).step_by(2) {
                    swap_table(&d.d, n, m, g, first_table);
                    let pair = g + 1 < groups;
                    if pair {
                        swap_table(&d.d, n, m, g + 1, second_table);
                    }
                    for (a, trial) in acc.chunks_exact_mut(m).zip(bytes.chunks_exact(stride)) {
                        let x = &first_table[trial[g] as usize * m..][..m];
                        if pair {
                            let y = &second_table[trial[g + 1] as usize * m..][..m];
                            for ((a, x), y) in a.iter_mut().zip(x).zip(y) {
                                *a += x + y;
                            }
                        } else {
                            for (a, x) in a.iter_mut().zip(x) {
                                *a += x;
                            }
                        }
                    }
                }
                progress(count as u64);
                acc
            },
        )
        .collect();
    (0..m)
        .map(|k| {
            let obs = observed[k];
            if !obs.is_finite() {
                return None;
            }
            let count = d.defined[k] as f64;
            let stats = blocks
                .iter()
                .flat_map(|acc| acc.iter().skip(k).step_by(m))
                .map(|s| s / count);
            if stats.clone().any(|s| !s.is_finite()) {
                return None;
            }
            Some(randomization_result(obs, stats, alternative))
        })
        .collect()
}

/// Fills `table` (256 rows of `m`) with the signed sums of the examples `8g..8g+8` of the
/// differences `d` (`n` rows of `m`): row `p` is `Σ_j ±d_j`, minus where bit `j` of `p` is
/// set (example `8g + j` swapped).
fn swap_table(d: &[f64], n: usize, m: usize, g: usize, table: &mut [f64]) {
    let rows = &d[8 * g * m..(8 * g + 8).min(n) * m];
    let none_swapped = &mut table[..m];
    none_swapped.fill(0.0);
    for row in rows.chunks_exact(m) {
        for (t, v) in none_swapped.iter_mut().zip(row) {
            *t += v;
        }
    }
    for p in 1..256usize {
        let j = p.trailing_zeros() as usize;
        let (done, next) = table.split_at_mut(p * m);
        let from = &done[(p & (p - 1)) * m..][..m];
        let to = &mut next[..m];
        match rows.get(j * m..(j + 1) * m) {
            Some(row) => {
                for ((t, f), v) in to.iter_mut().zip(from).zip(row) {
                    *t = f - 2.0 * v;
                }
            }
            None => to.copy_from_slice(from),
        }
    }
}

/// Paired bootstrap of every metric of `d` with shared resamples: for each metric the
/// result of [`paired_bootstrap`](super::paired_bootstrap) on its differences (same drawn
/// indices, same interval and p-value rules), up to the order of the additions.
/// `progress` is called with the number of resamples done, as blocks finish.
pub fn paired_bootstrap_many(
    d: &Differences,
    metrics: &[Defined<'_>],
    config: &BootstrapConfig,
    alternative: Alternative,
    progress: &(dyn Fn(u64) + Sync),
) -> Vec<Option<PairedResult>> {
    let (n, m) = (d.n, d.m);
    let resamples = config.resamples;
    if n < 2 || !config.is_valid() || !allocatable::<f64>(resamples.saturating_mul(m)) {
        return vec![None; m];
    }
    let observed = d.observed(metrics);
    let p = d.partial.len();
    let blocks: Vec<(Vec<f64>, Vec<f64>)> = (0..resamples.div_ceil(RESAMPLE_BLOCK))
        .into_par_iter()
        .map_init(Vec::new, |counts: &mut Vec<u32>, b| {
            let first = b * RESAMPLE_BLOCK;
            let count = RESAMPLE_BLOCK.min(resamples - first);
            // counts[r * n + i]: how often resample r drew example i (one resample's
            // counts stay in cache while it draws)
            counts.clear();
            counts.resize(count * n, 0);
            for (r, c) in counts.chunks_exact_mut(n).enumerate() {
                let mut rng = Rng::with_stream(config.seed, (first + r) as u64);
                for _ in 0..n {
                    c[rng.index(n)] += 1;
                }
            }
            // acc[r * m + k]: Σ count · d; drawn[r * p + j]: Σ count where partial[j] is defined
            let mut acc = vec![0.0f64; count * m];
            let mut drawn = vec![0.0f64; count * p];
            for (i, row) in d.d.chunks_exact(m).enumerate() {
                let w = &d.w[i * p..(i + 1) * p];
                for r in 0..count {
                    let times = counts[r * n + i];
                    if times == 0 {
                        continue;
                    }
                    let times = f64::from(times);
                    for (a, v) in acc[r * m..(r + 1) * m].iter_mut().zip(row) {
                        *a += times * v;
                    }
                    for (a, v) in drawn[r * p..(r + 1) * p].iter_mut().zip(w) {
                        *a += times * v;
                    }
                }
            }
            progress(count as u64);
            (acc, drawn)
        })
        .collect();
    (0..m)
        .map(|k| {
            let obs = observed[k];
            if !obs.is_finite() || d.defined[k] < 2 {
                return None;
            }
            let j = d.partial.iter().position(|&x| x == k);
            let mut diffs: Vec<f64> = Vec::with_capacity(resamples);
            for (acc, drawn) in &blocks {
                let count = acc.len() / m;
                for r in 0..count {
                    let total = match j {
                        Some(j) => drawn[r * p + j],
                        None => n as f64,
                    };
                    // a resample that drew no example where the metric is defined says
                    // nothing about it
                    if total > 0.0 {
                        diffs.push(acc[r * m + k] / total);
                    }
                }
            }
            if diffs.is_empty() {
                return None;
            }
            if diffs.iter().any(|s| !s.is_finite()) {
                return None;
            }
            Some(bootstrap_result(obs, diffs, config, alternative))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::aggregate::percentile_sorted;
    use crate::stats::{TIE_RELATIVE_TOLERANCE, approximate_randomization, paired_bootstrap};

    fn data(n: usize, seed: u64) -> Vec<(Vec<f64>, Vec<f64>)> {
        let mut rng = Rng::new(seed);
        (0..4)
            .map(|k| {
                let a: Vec<f64> = (0..n).map(|_| rng.uniform()).collect();
                let b: Vec<f64> = match k {
                    // identical systems
                    0 => a.clone(),
                    // a few examples differ
                    1 => a
                        .iter()
                        .enumerate()
                        .map(|(i, x)| if i % 97 == 3 { x + 0.25 } else { *x })
                        .collect(),
                    // a shift plus noise
                    2 => a.iter().map(|x| x + 0.01 + 0.1 * rng.uniform()).collect(),
                    // unrelated values
                    _ => (0..n).map(|_| rng.uniform() * 3.0).collect(),
                };
                (a, b)
            })
            .collect()
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1e-300)
    }

    const ALTERNATIVES: [Alternative; 3] = [
        Alternative::TwoSided,
        Alternative::Greater,
        Alternative::Less,
    ];

    /// Metrics defined everywhere get what the one-metric tests give them: the same p-value
    /// (same coins, counts), the same observed difference, and bootstrap bounds equal to
    /// the last bits. Lengths cover partial coin words and partial blocks.
    #[test]
    fn many_equals_one_at_a_time() {
        for (n, trials, resamples) in [(1, 7, 5), (2, 600, 17), (37, 1030, 40), (300, 513, 33)] {
            let pairs = data(n, n as u64);
            let all: Vec<u32> = (0..n as u32).collect();
            let metrics: Vec<Defined<'_>> = pairs
                .iter()
                .map(|(a, b)| (all.as_slice(), a.as_slice(), b.as_slice()))
                .collect();
            let d = Differences::new(n, &metrics).unwrap();
            let config = BootstrapConfig {
                resamples,
                seed: 9,
                confidence: 0.95,
            };
            for alt in ALTERNATIVES {
                let ar = approximate_randomization_many(&d, &metrics, trials, 5, alt, &|_| {});
                let bs = paired_bootstrap_many(&d, &metrics, &config, alt, &|_| {});
                for (k, (a, b)) in pairs.iter().enumerate() {
                    let one = approximate_randomization(a, b, trials, 5, alt);
                    assert_eq!(ar[k], one, "AR n={n} metric {k} {alt:?}");
                    let one = paired_bootstrap(a, b, &config, alt);
                    match (bs[k], one) {
                        (None, None) => {}
                        (Some(x), Some(y)) => {
                            assert_eq!(x.difference, y.difference);
                            assert_eq!(x.p_value, y.p_value, "BS n={n} metric {k} {alt:?}");
                            let (ix, iy) = (x.interval.unwrap(), y.interval.unwrap());
                            assert!(close(ix.low, iy.low) && close(ix.high, iy.high));
                        }
                        other => panic!("n={n} metric {k}: {other:?}"),
                    }
                }
            }
        }
    }

    /// A metric defined on some examples only, against a plain implementation of the
    /// definition in the module documentation (one trial, one resample at a time).
    #[test]
    fn partially_defined_metric_follows_the_definition() {
        let n = 150;
        let pairs = data(n, 77);
        let all: Vec<u32> = (0..n as u32).collect();
        // metric 1 on every third example, metric 2 on two examples only, metric 3 on one
        let rows: Vec<Vec<u32>> = vec![
            all.clone(),
            all.iter().copied().filter(|i| i % 3 == 1).collect(),
            vec![5, 140],
            vec![17],
        ];
        let picked: Vec<(Vec<f64>, Vec<f64>)> = rows
            .iter()
            .zip(&pairs)
            .map(|(r, (a, b))| {
                (
                    r.iter().map(|&i| a[i as usize]).collect(),
                    r.iter().map(|&i| b[i as usize]).collect(),
                )
            })
            .collect();
        let metrics: Vec<Defined<'_>> = rows
            .iter()
            .zip(&picked)
            .map(|(r, (a, b))| (r.as_slice(), a.as_slice(), b.as_slice()))
            .collect();
        let d = Differences::new(n, &metrics).unwrap();
        let (trials, seed) = (700, 3);
        let config = BootstrapConfig {
            resamples: 90,
            seed: 4,
            confidence: 0.9,
        };
        for alt in ALTERNATIVES {
            let ar = approximate_randomization_many(&d, &metrics, trials, seed, alt, &|_| {});
            let bs = paired_bootstrap_many(&d, &metrics, &config, alt, &|_| {});
            for (k, (r, (a, b))) in rows.iter().zip(&picked).enumerate() {
                let diff: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
                let obs = mean_of(diff.iter().copied()).unwrap();
                // randomisation: coins of all n examples, those of r applied
                let stats: Vec<f64> = (0..trials)
                    .map(|t| {
                        let mut rng = Rng::with_stream(seed, (1u64 << 63) | t as u64);
                        let coins: Vec<bool> = (0..n).map(|_| rng.coin()).collect();
                        let s: f64 = r
                            .iter()
                            .zip(&diff)
                            .map(|(&i, &x)| if coins[i as usize] { -x } else { x })
                            .sum();
                        s / r.len() as f64
                    })
                    .collect();
                let tol = TIE_RELATIVE_TOLERANCE * obs.abs();
                let c = match alt {
                    Alternative::TwoSided => {
                        stats.iter().filter(|s| s.abs() >= obs.abs() - tol).count()
                    }
                    Alternative::Greater => stats.iter().filter(|&&s| s >= obs - tol).count(),
                    Alternative::Less => stats.iter().filter(|&&s| s <= obs + tol).count(),
                };
                let got = ar[k].unwrap();
                assert_eq!(got.difference, obs);
                assert_eq!(
                    got.p_value,
                    (c as f64 + 1.0) / (trials as f64 + 1.0),
                    "AR {k}"
                );
                // bootstrap: n draws over all examples, the mean over those in r
                let mut diffs: Vec<f64> = (0..config.resamples)
                    .filter_map(|res| {
                        let mut rng = Rng::with_stream(config.seed, res as u64);
                        let (mut s, mut c) = (0.0, 0usize);
                        for _ in 0..n {
                            let i = rng.index(n) as u32;
                            if let Ok(p) = r.binary_search(&i) {
                                s += diff[p];
                                c += 1;
                            }
                        }
                        (c > 0).then(|| s / c as f64)
                    })
                    .collect();
                if r.len() < 2 {
                    assert_eq!(bs[k], None, "metric {k}");
                    continue;
                }
                let got = bs[k].unwrap();
                assert_eq!(got.trials, diffs.len());
                diffs.sort_by(f64::total_cmp);
                let (lo, hi) = config.percentiles();
                let interval = got.interval.unwrap();
                assert!(close(interval.low, percentile_sorted(&diffs, lo)), "{k}");
                assert!(close(interval.high, percentile_sorted(&diffs, hi)), "{k}");
            }
        }
    }

    #[test]
    fn invalid_input() {
        let none: &[Defined<'_>] = &[];
        assert!(Differences::new(3, none).is_none());
        assert!(Differences::new(0, &[(&[], &[], &[])]).is_none());
        assert!(Differences::new(2, &[(&[0], &[1.0], &[1.0, 2.0])]).is_none());
        assert!(Differences::new(2, &[(&[0], &[1.0], &[f64::NAN])]).is_none());
        assert!(Differences::new(2, &[(&[2], &[1.0], &[1.0])]).is_none());
        assert!(Differences::new(2, &[(&[1, 0], &[1.0, 1.0], &[1.0, 1.0])]).is_none());
        let metrics: [Defined<'_>; 1] = [(&[0, 1], &[1.0, 2.0], &[2.0, 2.0])];
        let d = Differences::new(2, &metrics).unwrap();
        assert_eq!(
            approximate_randomization_many(&d, &metrics, 0, 1, Alternative::TwoSided, &|_| {}),
            vec![None]
        );
        let bad = BootstrapConfig {
            resamples: 0,
            seed: 1,
            confidence: 0.95,
        };
        assert_eq!(
            paired_bootstrap_many(&d, &metrics, &bad, Alternative::TwoSided, &|_| {}),
            vec![None]
        );
    }
}

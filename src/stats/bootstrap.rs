//! Bootstrap confidence intervals over examples, plus exact re-implementations of the
//! corpus aggregates of rouge-score (`BootstrapAggregator`) and ROUGE-1.5.5.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::aggregate::{mean_of, percentile_sorted};
use super::rng::{Drand48, RNG_ID, Rng};

/// A two-sided confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Nominal coverage in `(0, 1)`, e.g. `0.95`.
    pub confidence: f64,
}

impl Interval {
    /// Whether `x` lies in `[low, high]`.
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }

    /// `high - low`.
    pub fn width(&self) -> f64 {
        self.high - self.low
    }
}

/// Settings of a bootstrap.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapConfig {
    /// Number of resamples (default 1000). Must be at least 1.
    pub resamples: usize,
    /// Seed of the ChaCha20 generator (default 12345, sacreBLEU's default).
    pub seed: u64,
    /// Coverage of the percentile interval, strictly between 0 and 1 (default 0.95).
    pub confidence: f64,
}

impl Default for BootstrapConfig {
    fn default() -> Self {
        Self {
            resamples: 1000,
            seed: 12345,
            confidence: 0.95,
        }
    }
}

impl BootstrapConfig {
    /// The signature entries of this configuration, in order: `bs:<resamples>`,
    /// `seed:<seed>`, `rng:chacha20` (for `Signature::set`).
    pub fn signature_entries(&self) -> [(&'static str, String); 3] {
        [
            ("bs", self.resamples.to_string()),
            ("seed", self.seed.to_string()),
            ("rng", RNG_ID.to_owned()),
        ]
    }

    /// Whether the configuration can be used: `resamples >= 1` and
    /// `0 < confidence < 1`.
    pub fn is_valid(&self) -> bool {
        self.resamples >= 1 && self.confidence > 0.0 && self.confidence < 1.0
    }

    /// The lower and upper percentiles (in percent) of the interval, computed the way
    /// rouge-score does: `d = (1 - confidence) / 2`, `q = 100 * [d, 1 - d]`.
    pub(crate) fn percentiles(&self) -> (f64, f64) {
        let delta = (1.0 - self.confidence) / 2.0;
        (100.0 * delta, 100.0 * (1.0 - delta))
    }
}

/// Whether a buffer of `n` values of `T` can be allocated at all (no capacity overflow),
/// so that absurd sizes give `None` instead of a panic.
pub(crate) fn allocatable<T>(n: usize) -> bool {
    n.checked_mul(size_of::<T>().max(1))
        .is_some_and(|bytes| bytes <= isize::MAX as usize)
}

/// The values of `statistic` on `resamples` bootstrap resamples of `0..n`, in resample
/// order. Resample `r` draws its `n` indices with [`Rng::index`] from stream `r` of
/// `seed`, so the output does not depend on how rayon schedules the resamples.
/// `None` if `n == 0`, `resamples == 0`, or any value is not finite.
pub(crate) fn resample<F>(n: usize, resamples: usize, seed: u64, statistic: F) -> Option<Vec<f64>>
where
    F: Fn(&[usize]) -> f64 + Sync,
{
    if n == 0 || resamples == 0 || !allocatable::<usize>(n) || !allocatable::<f64>(resamples) {
        return None;
    }
    let values: Vec<f64> = (0..resamples)
        .into_par_iter()
        .map_init(
            || Vec::with_capacity(n),
            |indices: &mut Vec<usize>, r| {
                let mut rng = Rng::with_stream(seed, r as u64);
                indices.clear();
                indices.extend((0..n).map(|_| rng.index(n)));
                statistic(indices)
            },
        )
        .collect();
    if values.iter().all(|v| v.is_finite()) {
        Some(values)
    } else {
        None
    }
}

/// Percentile bootstrap interval of a statistic over `n` examples.
///
/// Each of `config.resamples` resamples draws `n` example indices uniformly with
/// replacement; `statistic` maps the drawn indices to a value, so the caller decides
/// what is resampled: a macro mean of per-example scores
/// (`|idx| mean of scores[i]`), a micro score from pooled sufficient statistics
/// (`|idx| micro(idx.iter().map(|&i| &counts[i])).2`), a ratio, etc. The interval is the
/// `100·d` and `100·(1 − d)` percentiles (`d = (1 − confidence)/2`, numpy's linear
/// interpolation, see [`percentile`](super::percentile)) of the resampled values.
///
/// Reproducibility: resample `r` uses ChaCha20 stream `r` of `config.seed`, so the same
/// configuration always draws the same index sets, whatever the thread count, and two
/// calls with the same `n` and configuration (e.g. for two systems) see identical
/// resamples. Resamples run in parallel on the current rayon pool; `statistic` must be
/// `Sync`.
///
/// Returns `None` if `n == 0`, the configuration is invalid (see
/// [`BootstrapConfig::is_valid`]) or `statistic` returns a non-finite value. With
/// `n == 1` every resample is the single example and the interval has zero width.
pub fn bootstrap_interval<F>(n: usize, config: &BootstrapConfig, statistic: F) -> Option<Interval>
where
    F: Fn(&[usize]) -> f64 + Sync,
{
    if !config.is_valid() {
        return None;
    }
    let mut values = resample(n, config.resamples, config.seed, statistic)?;
    values.sort_by(f64::total_cmp);
    let (q_low, q_high) = config.percentiles();
    Some(Interval {
        low: percentile_sorted(&values, q_low),
        high: percentile_sorted(&values, q_high),
        confidence: config.confidence,
    })
}

/// A corpus aggregate in the low / mid / high form of rouge-score and ROUGE-1.5.5.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapSummary {
    /// Lower confidence bound.
    pub low: f64,
    /// The central value (its definition depends on the method that produced it).
    pub mid: f64,
    /// Upper confidence bound.
    pub high: f64,
}

/// rouge-score's `BootstrapAggregator` method for one score column (P, R or F).
///
/// `config.resamples` resamples of the rows, each summarised by its mean (see
/// [`mean`](super::mean)); `low`, `mid`, `high` are the numpy linear-interpolation
/// percentiles `100·d`, `50`, `100·(1 − d)` of those means with `d = (1 − confidence)/2`,
/// computed in rouge-score's floating-point order. `mid` is therefore the median of
/// bootstrap means, not the plain mean. rouge-score uses numpy's unseeded global RNG; here
/// the resamples are those of [`bootstrap_interval`] with the same configuration (so
/// `low`/`high` equal its interval of the mean, and the P, R and F columns called with one
/// configuration share their resamples, as in rouge-score). The method matches; the
/// random stream cannot.
///
/// `config.confidence` may be anywhere in `[0, 1]`, the range rouge-score accepts (0 gives
/// `low = mid = high`, the median; 1 the smallest and largest resample means), not only the
/// open interval of [`BootstrapConfig::is_valid`].
///
/// Returns `None` for empty input, a non-finite value, no resample or a confidence outside
/// `[0, 1]`.
pub fn rouge_score_bootstrap(values: &[f64], config: &BootstrapConfig) -> Option<BootstrapSummary> {
    let valid = config.resamples >= 1 && (0.0..=1.0).contains(&config.confidence);
    if !valid || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut means = resample(values.len(), config.resamples, config.seed, |idx| {
        // Non-empty by construction; NaN would be rejected by `resample`.
        mean_of(idx.iter().map(|&i| values[i])).unwrap_or(f64::NAN)
    })?;
    means.sort_by(f64::total_cmp);
    let (q_low, q_high) = config.percentiles();
    Some(BootstrapSummary {
        low: percentile_sorted(&means, q_low),
        mid: percentile_sorted(&means, 100.0 * 0.5),
        high: percentile_sorted(&means, q_high),
    })
}

/// ROUGE-1.5.5's corpus "Average" and confidence interval (`-c confidence_percent
/// -r resamples`), reproduced exactly, including its random numbers.
///
/// `values` must be the per-instance scores as ROUGE-1.5.5 holds them (already rounded to
/// 5 decimals, as printed with `-d`) in its instance order: the `evalID.peerID` strings
/// sorted as strings (Perl `sort keys`). For resample `i` in `0..resamples` the script
/// calls `srand(i)` and draws `N` indices `int(rand(N))` ([`Drand48::perl_index`]); the
/// resample mean is a plain left-to-right sum divided by `N`. Then:
///
/// * `mid` = the mean of the sorted bootstrap means (plain sum, ascending order), which
///   ROUGE-1.5.5 prints as `Average` (not the plain mean of `values`);
/// * with `δ = resamples · ((100 − c) / 2) / 100`, `ratio = resamples − δ − 1 − ⌊resamples − δ − 1⌋`,
///   `low = s[⌊δ⌋] + (s[⌊δ⌋+1] − s[⌊δ⌋]) · ratio` and
///   `high = s[u] + (s[u+1] − s[u]) · ratio` with `u = ⌊resamples − δ − 1⌋`; a missing
///   `s[k]` counts as 0 like Perl's `undef`. The same `ratio` serves both bounds (a quirk
///   of the script). For `-r 1000 -c 95` that is `s[25]` and `s[974]`.
///
/// The script prints each number with `%7.5f`; this function returns them unrounded.
/// Returns `None` for empty input, non-finite values, `resamples == 0`, a confidence
/// outside `[0, 100]`, or more than `u32::MAX` resamples.
pub fn rouge155_bootstrap(
    values: &[f64],
    resamples: usize,
    confidence_percent: f64,
) -> Option<BootstrapSummary> {
    let n = values.len();
    if n == 0
        || resamples == 0
        || u32::try_from(resamples).is_err()
        || values.iter().any(|v| !v.is_finite())
        || !(0.0..=100.0).contains(&confidence_percent)
    {
        return None;
    }
    let means: Vec<f64> = (0..resamples)
        .map(|i| {
            // `i < resamples <= u32::MAX`, checked above.
            let mut rng = Drand48::new(i as u32);
            let mut sum = 0.0;
            for _ in 0..n {
                sum += values[rng.perl_index(n)];
            }
            sum / n as f64
        })
        .collect();
    Some(rouge155_summary(means, resamples, confidence_percent))
}

/// ROUGE-1.5.5's figures from its bootstrap means (in any order): `mid`, the mean of the
/// sorted means, and the interval read off them with the script's indices and interpolation
/// (see [`rouge155_bootstrap`]). `resamples` is `means.len()`, at least 1.
pub(crate) fn rouge155_summary(
    mut means: Vec<f64>,
    resamples: usize,
    confidence_percent: f64,
) -> BootstrapSummary {
    means.sort_by(f64::total_cmp);
    let mut total = 0.0;
    for m in &means {
        total += m;
    }
    let r = resamples as f64;
    let delta = r * ((100.0 - confidence_percent) / 2.0) / 100.0;
    let upper = (r - delta - 1.0).trunc();
    let lower = delta.trunc();
    let ratio = r - delta - 1.0 - upper;
    let at = |k: f64| -> f64 {
        if k < 0.0 {
            return 0.0;
        }
        // `k` is a small non-negative integer (at most `resamples`).
        means.get(k as usize).copied().unwrap_or(0.0)
    };
    let interpolate = |k: f64| at(k) + (at(k + 1.0) - at(k)) * ratio;
    BootstrapSummary {
        low: interpolate(lower),
        mid: total / r,
        high: interpolate(upper),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::aggregate::{mean, percentile};

    fn sample_scores(n: usize, seed: u64) -> Vec<f64> {
        let mut rng = Rng::new(seed);
        (0..n).map(|_| rng.uniform() * rng.uniform()).collect()
    }

    fn mean_at(values: &[f64]) -> impl Fn(&[usize]) -> f64 + Sync + '_ {
        move |idx: &[usize]| mean_of(idx.iter().map(|&i| values[i])).unwrap()
    }

    #[test]
    fn config_defaults_and_signature() {
        let c = BootstrapConfig::default();
        assert_eq!((c.resamples, c.seed, c.confidence), (1000, 12345, 0.95));
        let entries = c
            .signature_entries()
            .map(|(k, v)| format!("{k}:{v}"))
            .join("|");
        assert_eq!(entries, "bs:1000|seed:12345|rng:chacha20");
        assert!(c.is_valid());
        assert!(!BootstrapConfig { resamples: 0, ..c }.is_valid());
        assert!(
            !BootstrapConfig {
                confidence: 1.0,
                ..c
            }
            .is_valid()
        );
        assert!(
            !BootstrapConfig {
                confidence: 0.0,
                ..c
            }
            .is_valid()
        );
        assert!(
            !BootstrapConfig {
                confidence: f64::NAN,
                ..c
            }
            .is_valid()
        );
    }

    #[test]
    fn interval_contains_mean_for_typical_data() {
        let v = sample_scores(300, 1);
        let m = mean(&v).unwrap();
        let ci = bootstrap_interval(v.len(), &BootstrapConfig::default(), mean_at(&v)).unwrap();
        assert!(ci.contains(m), "{ci:?} {m}");
        assert!(ci.width() > 0.0 && ci.width() < 0.1);
        assert_eq!(ci.confidence, 0.95);
        // Standard error of the mean ~ sd / sqrt(n); a 95% interval is ~ 3.92 se wide.
        let sd = (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / v.len() as f64).sqrt();
        let expected = 3.92 * sd / (v.len() as f64).sqrt();
        assert!(
            (ci.width() / expected - 1.0).abs() < 0.15,
            "{} vs {expected}",
            ci.width()
        );
    }

    #[test]
    fn interval_edge_cases() {
        let c = BootstrapConfig::default();
        assert_eq!(bootstrap_interval(0, &c, |_| 0.0), None);
        let one = bootstrap_interval(1, &c, |idx| idx.len() as f64 + idx[0] as f64).unwrap();
        assert_eq!((one.low, one.high), (1.0, 1.0));
        assert_eq!(bootstrap_interval(5, &c, |_| f64::NAN), None);
        assert_eq!(bootstrap_interval(5, &c, |_| f64::INFINITY), None);
        let bad = BootstrapConfig { resamples: 0, ..c };
        assert_eq!(bootstrap_interval(5, &bad, |_| 0.0), None);
        let constant = bootstrap_interval(50, &c, |_| 0.25).unwrap();
        assert_eq!((constant.low, constant.high), (0.25, 0.25));
    }

    #[test]
    fn same_seed_same_bits_different_seed_different_interval() {
        let v = sample_scores(100, 2);
        let c = BootstrapConfig::default();
        let a = bootstrap_interval(v.len(), &c, mean_at(&v)).unwrap();
        let b = bootstrap_interval(v.len(), &c, mean_at(&v)).unwrap();
        assert_eq!(a.low.to_bits(), b.low.to_bits());
        assert_eq!(a.high.to_bits(), b.high.to_bits());
        let d =
            bootstrap_interval(v.len(), &BootstrapConfig { seed: 1, ..c }, mean_at(&v)).unwrap();
        assert_ne!((a.low, a.high), (d.low, d.high));
    }

    #[test]
    fn resamples_are_uniform_over_examples() {
        // Each example should be drawn about once per resample on average.
        let n = 7;
        let counts: Vec<usize> = resample(n, 2000, 9, |idx| {
            idx.iter().filter(|&&i| i == 3).count() as f64
        })
        .unwrap()
        .iter()
        .map(|&c| c as usize)
        .collect();
        let avg = counts.iter().sum::<usize>() as f64 / counts.len() as f64;
        assert!((avg - 1.0).abs() < 0.05, "{avg}");
    }

    #[test]
    fn huge_sizes_return_none() {
        let c = BootstrapConfig::default();
        assert_eq!(bootstrap_interval(usize::MAX, &c, |_| 0.0), None);
        let many = BootstrapConfig {
            resamples: usize::MAX,
            ..c
        };
        assert_eq!(bootstrap_interval(3, &many, |_| 0.0), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn mean_interval_is_ordered_and_within_data_range(
            v in proptest::collection::vec(-1e3f64..1e3, 1..50),
            seed in 0u64..1000,
            confidence in 0.5f64..0.99,
        ) {
            let c = BootstrapConfig { resamples: 50, seed, confidence };
            let ci = bootstrap_interval(v.len(), &c, mean_at(&v)).unwrap();
            let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            proptest::prop_assert!(lo <= ci.low && ci.low <= ci.high && ci.high <= hi);
            let s = rouge_score_bootstrap(&v, &c).unwrap();
            proptest::prop_assert!(s.low <= s.mid && s.mid <= s.high);
        }
    }

    #[test]
    fn rouge_score_bootstrap_constant_and_edges() {
        let c = BootstrapConfig::default();
        let s = rouge_score_bootstrap(&[0.37; 40], &c).unwrap();
        assert_eq!((s.low, s.mid, s.high), (0.37, 0.37, 0.37));
        assert_eq!(rouge_score_bootstrap(&[], &c), None);
        assert_eq!(rouge_score_bootstrap(&[0.1, f64::NAN], &c), None);
        let s1 = rouge_score_bootstrap(&[0.5], &c).unwrap();
        assert_eq!((s1.low, s1.mid, s1.high), (0.5, 0.5, 0.5));
        // rouge-score's range is [0, 1], both ends included
        let v = sample_scores(50, 5);
        let at = |confidence| BootstrapConfig {
            confidence,
            ..BootstrapConfig::default()
        };
        let means = resample(v.len(), 1000, 12345, mean_at(&v)).unwrap();
        let (lo, hi) = means
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &m| {
                (a.min(m), b.max(m))
            });
        let full = rouge_score_bootstrap(&v, &at(1.0)).unwrap();
        assert_eq!((full.low, full.high), (lo, hi));
        let none = rouge_score_bootstrap(&v, &at(0.0)).unwrap();
        assert_eq!((none.low, none.high), (none.mid, none.mid));
        assert_eq!(none.mid, full.mid);
        assert_eq!(rouge_score_bootstrap(&v, &at(1.5)), None);
        assert_eq!(rouge_score_bootstrap(&v, &at(f64::NAN)), None);
    }

    #[test]
    fn rouge_score_bootstrap_agrees_with_interval_and_median() {
        let v = sample_scores(200, 3);
        let c = BootstrapConfig {
            resamples: 500,
            seed: 77,
            confidence: 0.9,
        };
        let s = rouge_score_bootstrap(&v, &c).unwrap();
        let ci = bootstrap_interval(v.len(), &c, mean_at(&v)).unwrap();
        assert_eq!((s.low, s.high), (ci.low, ci.high));
        let means = resample(v.len(), c.resamples, c.seed, mean_at(&v)).unwrap();
        assert_eq!(Some(s.mid), percentile(&means, 50.0));
        assert!(s.low <= s.mid && s.mid <= s.high);
        assert!((s.mid - mean(&v).unwrap()).abs() < 0.01);
    }

    #[test]
    fn rouge155_bootstrap_matches_perl() {
        // Reference: ROUGE-1.5.5's `bootstrapResampling` + `computeAverages` arithmetic run
        // by perl 5.36 on these 37 values (bounds printed with %.17g, average with %7.5f).
        // tests/stats_props.rs checks the real ROUGE-1.5.5 output on the parity fixture.
        let values: Vec<f64> = (0..37).map(|i| ((i * 7919) % 100) as f64 / 100.0).collect();
        let s = rouge155_bootstrap(&values, 1000, 95.0).unwrap();
        assert_eq!(format!("{:.5}", s.mid), "0.50113");
        assert_eq!(s.low, 0.408_108_108_108_108_05);
        assert_eq!(s.high, 0.592_432_432_432_432_2);
        // -r 101 -c 95: delta = 2.525, interpolation ratio 0.475
        let s = rouge155_bootstrap(&values, 101, 95.0).unwrap();
        assert_eq!(format!("{:.5}", s.mid), "0.49654");
        assert_eq!(s.low, 0.421_364_864_864_864_74);
        assert_eq!(s.high, 0.592_371_621_621_621_5);
    }

    #[test]
    fn rouge155_bootstrap_edges() {
        assert_eq!(rouge155_bootstrap(&[], 1000, 95.0), None);
        assert_eq!(rouge155_bootstrap(&[0.1], 0, 95.0), None);
        assert_eq!(rouge155_bootstrap(&[0.1], 10, 101.0), None);
        assert_eq!(rouge155_bootstrap(&[f64::NAN], 10, 95.0), None);
        let s = rouge155_bootstrap(&[0.25; 10], 1000, 95.0).unwrap();
        assert_eq!((s.low, s.mid, s.high), (0.25, 0.25, 0.25));
        // c = 100: delta = 0, upper index r - 1 with ratio 0 (s[r] is Perl's undef).
        let s = rouge155_bootstrap(&[0.0, 1.0], 10, 100.0).unwrap();
        assert!(s.low <= s.high);
        // c = 0: both bounds near the median
        assert!(rouge155_bootstrap(&[0.0, 1.0, 0.5], 11, 0.0).is_some());
    }
}

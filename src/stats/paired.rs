//! Paired significance tests of system B against system A on the same examples:
//! paired bootstrap (Koehn 2004) and paired approximate randomisation (Noreen 1989;
//! Riezler & Maxwell 2005), as used by sacreBLEU.
//!
//! Conventions shared by both tests:
//!
//! * the statistic is a **difference B − A** (for the slice versions: the mean of the
//!   per-example differences `b[i] - a[i]`);
//! * [`Alternative::Greater`] tests "B is better than A" (large differences are evidence),
//!   [`Alternative::Less`] "B is worse than A", [`Alternative::TwoSided`] "B differs from A";
//! * p-values are `(c + 1) / (N + 1)` for `N` resamples or trials, never 0, at most 1;
//! * identical systems give `p = 1` for every alternative.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::aggregate::{mean_of, percentile_sorted};
use super::bootstrap::{BootstrapConfig, Interval, allocatable, resample};
use super::rng::Rng;

/// Default number of approximate-randomisation trials (sacreBLEU's default).
pub const DEFAULT_AR_TRIALS: usize = 10_000;

/// Relative tolerance used by approximate randomisation to recognise trial statistics
/// equal to the observed one: a trial counts as "at least as extreme" if it is within
/// `1e-12 · |observed|` of the threshold. Rearranged sums that are mathematically equal
/// can differ in the last bits; without this they could be lost, making the test
/// anti-conservative. The tolerance can only increase p-values.
pub const TIE_RELATIVE_TOLERANCE: f64 = 1e-12;

/// Which departure from "no difference" a test looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alternative {
    /// B differs from A, in either direction.
    TwoSided,
    /// B is better than A (difference B − A > 0).
    Greater,
    /// B is worse than A (difference B − A < 0).
    Less,
}

/// The outcome of a paired test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairedResult {
    /// Observed difference of the statistic, B − A, on all examples.
    pub difference: f64,
    /// Percentile bootstrap interval of the difference (paired bootstrap only; `None` for
    /// approximate randomisation, which does not produce one: run [`paired_bootstrap`] on
    /// the same data if an interval is wanted).
    pub interval: Option<Interval>,
    /// The p-value, in `(0, 1]`.
    pub p_value: f64,
    /// Number of bootstrap resamples or randomisation trials.
    pub trials: usize,
    /// The alternative hypothesis the p-value refers to.
    pub alternative: Alternative,
}

/// Per-example differences `b[i] - a[i]`, or `None` if the lengths differ, a slice is
/// empty, or any input or difference is not finite.
fn differences(a: &[f64], b: &[f64]) -> Option<Vec<f64>> {
    if a.len() != b.len() || a.is_empty() {
        return None;
    }
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| y - x).collect();
    if a.iter().chain(b).chain(&d).all(|v| v.is_finite()) {
        Some(d)
    } else {
        None
    }
}

/// Paired bootstrap of the mean difference: [`paired_bootstrap_by`] with the statistic
/// "mean of `b[i] - a[i]` over the drawn indices" (see [`mean`](super::mean) for the
/// arithmetic; `difference` is the mean of the per-example differences, which can differ
/// from `mean(b) - mean(a)` in the last bits).
///
/// Returns `None` if the slices differ in length, have fewer than 2 examples, contain a
/// non-finite value, or the configuration is invalid.
pub fn paired_bootstrap(
    a: &[f64],
    b: &[f64],
    config: &BootstrapConfig,
    alternative: Alternative,
) -> Option<PairedResult> {
    let d = differences(a, b)?;
    paired_bootstrap_by(d.len(), config, alternative, |idx| {
        mean_of(idx.iter().map(|&i| d[i])).unwrap_or(f64::NAN)
    })
}

/// Paired bootstrap (Koehn 2004, sacreBLEU's `--paired-bs`) for any statistic.
///
/// `difference(indices)` must return statistic(B) − statistic(A) computed on the given
/// example indices (both systems on the **same** indices), e.g. a difference of micro
/// F-scores from pooled [`Counts`](crate::metrics::rouge::Counts) (see [`micro`](super::micro)). The observed difference is
/// `difference(&[0, 1, .., n-1])`. Resamples are drawn exactly as in
/// [`bootstrap_interval`](super::bootstrap_interval) (same seed ⇒ same index sets), giving
/// bootstrap differences `d*_1..d*_N`.
///
/// * `interval`: percentile interval of the `d*` at `config.confidence`.
/// * p-value (percentile / Koehn form), with `c≤ = #{d* ≤ 0}` and `c≥ = #{d* ≥ 0}`:
///   - `Greater`: `(c≤ + 1) / (N + 1)`: the share of resamples in which B is **not**
///     better than A;
///   - `Less`: `(c≥ + 1) / (N + 1)`;
///   - `TwoSided`: `min(1, 2 · (min(c≤, c≥) + 1) / (N + 1))`.
///
///   Resamples with `d* = 0` count against the alternative (conservative), so identical
///   systems get `p = 1`. A two-sided p below `1 − confidence` corresponds (up to the +1
///   and interpolation) to an interval that excludes 0. This differs from sacreBLEU, whose
///   p-value compares `|d*| − mean|d*|` with `|d|`.
///
/// The bootstrap is an asymptotic method: with few examples (say under 30) its p-values
/// are too small; prefer [`approximate_randomization`] there.
///
/// Returns `None` if `n < 2` (one example carries no information about variability),
/// the configuration is invalid, `difference` returns a non-finite value, or `n` or the
/// resample count is too large to allocate.
pub fn paired_bootstrap_by<F>(
    n: usize,
    config: &BootstrapConfig,
    alternative: Alternative,
    difference: F,
) -> Option<PairedResult>
where
    F: Fn(&[usize]) -> f64 + Sync,
{
    if n < 2 || !config.is_valid() || !allocatable::<usize>(n) {
        return None;
    }
    let all: Vec<usize> = (0..n).collect();
    let observed = difference(&all);
    if !observed.is_finite() {
        return None;
    }
    let diffs = resample(n, config.resamples, config.seed, difference)?;
    Some(bootstrap_result(observed, diffs, config, alternative))
}

/// The paired-bootstrap result of the `observed` difference and its resampled values
/// `diffs` (p-value and interval as in [`paired_bootstrap_by`]).
pub(crate) fn bootstrap_result(
    observed: f64,
    mut diffs: Vec<f64>,
    config: &BootstrapConfig,
    alternative: Alternative,
) -> PairedResult {
    let at_most_zero = diffs.iter().filter(|&&d| d <= 0.0).count();
    let at_least_zero = diffs.iter().filter(|&&d| d >= 0.0).count();
    let trials = diffs.len();
    let p = |c: usize| (c as f64 + 1.0) / (trials as f64 + 1.0);
    let p_value = match alternative {
        Alternative::Greater => p(at_most_zero),
        Alternative::Less => p(at_least_zero),
        Alternative::TwoSided => (2.0 * p(at_most_zero.min(at_least_zero))).min(1.0),
    };
    diffs.sort_by(f64::total_cmp);
    let (q_low, q_high) = config.percentiles();
    PairedResult {
        difference: observed,
        interval: Some(Interval {
            low: percentile_sorted(&diffs, q_low),
            high: percentile_sorted(&diffs, q_high),
            confidence: config.confidence,
        }),
        p_value,
        trials,
        alternative,
    }
}

/// Paired approximate randomisation of the mean difference:
/// [`approximate_randomization_by`] where swapping example `i` flips the sign of
/// `b[i] - a[i]` and the statistic is the mean of the (signed) differences.
///
/// Returns `None` if the slices differ in length, are empty, contain a non-finite value,
/// or `trials == 0`.
pub fn approximate_randomization(
    a: &[f64],
    b: &[f64],
    trials: usize,
    seed: u64,
    alternative: Alternative,
) -> Option<PairedResult> {
    let d = differences(a, b)?;
    approximate_randomization_by(d.len(), trials, seed, alternative, |swapped| {
        mean_of(d.iter().zip(swapped).map(|(&x, &s)| if s { -x } else { x })).unwrap_or(f64::NAN)
    })
}

/// Paired approximate randomisation (sacreBLEU's `--paired-ar`) for any statistic.
///
/// `difference(swapped)` must return statistic(B′) − statistic(A′) for the pseudo-systems
/// obtained by exchanging the two systems' outputs (or sufficient statistics) on every
/// example `i` with `swapped[i] == true`; the observed difference is
/// `difference(&[false; n])`. Each of the `trials` trials swaps every example
/// independently with probability ½ (trial `t` uses coins from ChaCha20 stream `2^63 + t`
/// of `seed`; trials run in parallel, results do not depend on the thread count). With
/// `tol = TIE_RELATIVE_TOLERANCE · |observed|` and trial statistics `t_k`:
///
/// * `TwoSided`: `c = #{|t_k| ≥ |observed| − tol}` (sacreBLEU's test, with `≥` so that a
///   system compared with itself gets `p = 1`);
/// * `Greater`: `c = #{t_k ≥ observed − tol}`;
/// * `Less`: `c = #{t_k ≤ observed + tol}`;
///
/// and `p = (c + 1) / (trials + 1)`. The interval is `None`.
///
/// Returns `None` if `n == 0`, `trials == 0`, `difference` returns a non-finite value, or
/// `n` or `trials` is too large to allocate.
pub fn approximate_randomization_by<F>(
    n: usize,
    trials: usize,
    seed: u64,
    alternative: Alternative,
    difference: F,
) -> Option<PairedResult>
where
    F: Fn(&[bool]) -> f64 + Sync,
{
    if n == 0 || trials == 0 || !allocatable::<bool>(n) || !allocatable::<f64>(trials) {
        return None;
    }
    let observed = difference(&vec![false; n]);
    if !observed.is_finite() {
        return None;
    }
    let stats: Vec<f64> = (0..trials)
        .into_par_iter()
        .map_init(
            || Vec::with_capacity(n),
            |swapped: &mut Vec<bool>, t| {
                let mut rng = Rng::with_stream(seed, (1u64 << 63) | t as u64);
                swapped.clear();
                swapped.extend((0..n).map(|_| rng.coin()));
                difference(swapped)
            },
        )
        .collect();
    if stats.iter().any(|s| !s.is_finite()) {
        return None;
    }
    Some(randomization_result(
        observed,
        stats.iter().copied(),
        alternative,
    ))
}

/// The approximate-randomisation result of the `observed` statistic and the trial
/// statistics `stats` (counting rule and p-value as in [`approximate_randomization_by`]).
pub(crate) fn randomization_result(
    observed: f64,
    stats: impl Iterator<Item = f64> + Clone,
    alternative: Alternative,
) -> PairedResult {
    let tol = TIE_RELATIVE_TOLERANCE * observed.abs();
    let trials = stats.clone().count();
    let count = match alternative {
        Alternative::TwoSided => stats.filter(|s| s.abs() >= observed.abs() - tol).count(),
        Alternative::Greater => stats.filter(|&s| s >= observed - tol).count(),
        Alternative::Less => stats.filter(|&s| s <= observed + tol).count(),
    };
    PairedResult {
        difference: observed,
        interval: None,
        p_value: (count as f64 + 1.0) / (trials as f64 + 1.0),
        trials,
        alternative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::aggregate::mean;

    fn noisy_pair(n: usize, shift: f64, seed: u64) -> (Vec<f64>, Vec<f64>) {
        let mut rng = Rng::new(seed);
        let mut normal = || {
            // Box-Muller
            let u1 = 1.0 - rng.uniform();
            let u2 = rng.uniform();
            (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
        };
        let mut a = Vec::with_capacity(n);
        let mut b = Vec::with_capacity(n);
        for _ in 0..n {
            let base = 0.4 + 0.1 * normal();
            a.push(base + 0.1 * normal());
            b.push(base + shift + 0.1 * normal());
        }
        (a, b)
    }

    const ALL: [Alternative; 3] = [
        Alternative::TwoSided,
        Alternative::Greater,
        Alternative::Less,
    ];

    #[test]
    fn identical_systems_give_p_one() {
        let (a, _) = noisy_pair(50, 0.0, 1);
        for alt in ALL {
            let bs = paired_bootstrap(&a, &a, &BootstrapConfig::default(), alt).unwrap();
            assert_eq!(bs.p_value, 1.0, "{alt:?}");
            assert_eq!(bs.difference, 0.0);
            let ar = approximate_randomization(&a, &a, 1000, 1, alt).unwrap();
            assert_eq!(ar.p_value, 1.0, "{alt:?}");
            assert_eq!(ar.interval, None);
        }
    }

    #[test]
    fn clear_shift_is_detected_in_the_right_direction() {
        let (a, b) = noisy_pair(200, 0.05, 2);
        let c = BootstrapConfig::default();
        let greater = paired_bootstrap(&a, &b, &c, Alternative::Greater).unwrap();
        assert_eq!(greater.p_value, 1.0 / 1001.0);
        assert!(greater.interval.unwrap().low > 0.0);
        let less = paired_bootstrap(&a, &b, &c, Alternative::Less).unwrap();
        assert_eq!(less.p_value, 1.0);
        let two = paired_bootstrap(&a, &b, &c, Alternative::TwoSided).unwrap();
        assert_eq!(two.p_value, 2.0 / 1001.0);
        let ar = approximate_randomization(&a, &b, 2000, 3, Alternative::TwoSided).unwrap();
        assert_eq!(ar.p_value, 1.0 / 2001.0);
        let ar_less = approximate_randomization(&a, &b, 2000, 3, Alternative::Less).unwrap();
        assert!(ar_less.p_value > 0.99);
        // swapping the systems mirrors the result
        let swapped = paired_bootstrap(&b, &a, &c, Alternative::Less).unwrap();
        assert_eq!(swapped.p_value, greater.p_value);
        assert_eq!(swapped.difference, -greater.difference);
    }

    #[test]
    fn observed_difference_is_mean_of_differences() {
        let a = [0.1, 0.5, 0.3];
        let b = [0.2, 0.4, 0.6];
        let r =
            paired_bootstrap(&a, &b, &BootstrapConfig::default(), Alternative::TwoSided).unwrap();
        let d: Vec<f64> = a.iter().zip(&b).map(|(x, y)| y - x).collect();
        assert_eq!(r.difference, mean(&d).unwrap());
        let ar = approximate_randomization(&a, &b, 100, 1, Alternative::TwoSided).unwrap();
        assert_eq!(ar.difference, r.difference);
        assert_eq!(ar.trials, 100);
        assert_eq!(r.trials, 1000);
    }

    #[test]
    fn ar_matches_exact_permutation_distribution() {
        // n = 6: all 64 sign patterns are equally likely, so with many trials the AR
        // p-value converges to the exact permutation p-value.
        let a = [0.0; 6];
        let b = [0.3, 0.1, 0.2, -0.05, 0.25, 0.15];
        let obs: f64 = b.iter().sum();
        let mut extreme = 0;
        for mask in 0u32..64 {
            let s: f64 = b
                .iter()
                .enumerate()
                .map(|(i, &x)| if mask >> i & 1 == 1 { -x } else { x })
                .sum();
            if s.abs() >= obs.abs() - 1e-12 {
                extreme += 1;
            }
        }
        let exact = extreme as f64 / 64.0;
        let r = approximate_randomization(&a, &b, 20_000, 5, Alternative::TwoSided).unwrap();
        assert!((r.p_value - exact).abs() < 0.01, "{} vs {exact}", r.p_value);
        // The identity and its mirror image always count.
        assert!(exact >= 2.0 / 64.0);
    }

    #[test]
    fn edge_cases_return_none() {
        let c = BootstrapConfig::default();
        for alt in ALL {
            assert_eq!(paired_bootstrap(&[], &[], &c, alt), None);
            assert_eq!(paired_bootstrap(&[0.1], &[0.2], &c, alt), None);
            assert_eq!(paired_bootstrap(&[0.1, 0.2], &[0.2], &c, alt), None);
            assert_eq!(
                paired_bootstrap(&[0.1, f64::NAN], &[0.2, 0.3], &c, alt),
                None
            );
            assert_eq!(
                paired_bootstrap(&[0.1, 0.2], &[f64::INFINITY, 0.3], &c, alt),
                None
            );
            assert_eq!(
                paired_bootstrap(&[f64::MAX, 0.0], &[-f64::MAX, 0.0], &c, alt),
                None
            );
            let bad = BootstrapConfig {
                confidence: 2.0,
                ..c
            };
            assert_eq!(paired_bootstrap(&[0.1, 0.2], &[0.2, 0.3], &bad, alt), None);
            assert_eq!(approximate_randomization(&[], &[], 100, 1, alt), None);
            assert_eq!(approximate_randomization(&[0.1], &[0.2], 0, 1, alt), None);
            assert_eq!(
                approximate_randomization(&[0.1], &[f64::NAN], 10, 1, alt),
                None
            );
            assert_eq!(paired_bootstrap_by(10, &c, alt, |_| f64::NAN), None);
            assert_eq!(
                approximate_randomization_by(10, 10, 1, alt, |_| f64::NAN),
                None
            );
        }
    }

    #[test]
    fn single_example_ar_is_sane() {
        // One example: the only permutations are +d and -d.
        let r = approximate_randomization(&[0.2], &[0.9], 1000, 1, Alternative::TwoSided).unwrap();
        assert_eq!(r.p_value, 1.0);
        let g = approximate_randomization(&[0.2], &[0.9], 1000, 1, Alternative::Greater).unwrap();
        assert!((g.p_value - 0.5).abs() < 0.06, "{}", g.p_value);
    }

    #[test]
    fn all_equal_differences() {
        // Every example improves by exactly 0.1: bootstrap has zero spread.
        let a = [0.1, 0.2, 0.3, 0.4];
        let b = [0.2, 0.3, 0.4, 0.5];
        let r =
            paired_bootstrap(&a, &b, &BootstrapConfig::default(), Alternative::Greater).unwrap();
        let iv = r.interval.unwrap();
        assert!((iv.low - 0.1).abs() < 1e-15 && (iv.high - 0.1).abs() < 1e-15);
        assert_eq!(r.p_value, 1.0 / 1001.0);
        // AR: only the identity pattern (prob 1/16) reaches the observed mean.
        let ar = approximate_randomization(&a, &b, 10_000, 1, Alternative::Greater).unwrap();
        assert!((ar.p_value - 1.0 / 16.0).abs() < 0.01, "{}", ar.p_value);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn p_values_are_valid_and_one_sided_tails_cover(
            pairs in proptest::collection::vec((0.0f64..1.0, 0.0f64..1.0), 2..40),
            seed in 0u64..1000,
        ) {
            let (a, b): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
            let c = BootstrapConfig { resamples: 60, seed, confidence: 0.9 };
            let bs: Vec<PairedResult> = ALL
                .iter()
                .map(|&alt| paired_bootstrap(&a, &b, &c, alt).unwrap())
                .collect();
            let ar: Vec<PairedResult> = ALL
                .iter()
                .map(|&alt| approximate_randomization(&a, &b, 60, seed, alt).unwrap())
                .collect();
            for r in bs.iter().chain(&ar) {
                proptest::prop_assert!(r.p_value > 0.0 && r.p_value <= 1.0);
            }
            // Every resample / trial is counted by at least one of the one-sided tests.
            proptest::prop_assert!(bs[1].p_value + bs[2].p_value >= 1.0);
            proptest::prop_assert!(ar[1].p_value + ar[2].p_value >= 1.0);
            let iv = bs[0].interval.unwrap();
            proptest::prop_assert!(iv.low <= iv.high);
        }
    }

    #[test]
    fn huge_sizes_return_none() {
        let c = BootstrapConfig::default();
        assert_eq!(
            paired_bootstrap_by(usize::MAX, &c, Alternative::Greater, |_| 0.0),
            None
        );
        assert_eq!(
            approximate_randomization_by(1, usize::MAX, 1, Alternative::Greater, |_| 0.0),
            None
        );
    }

    #[test]
    fn generic_micro_statistic() {
        use crate::metrics::rouge::Counts;
        use crate::stats::aggregate::micro;
        let c = |hits, candidate_total, reference_total| Counts {
            hits,
            candidate_total,
            reference_total,
        };
        let sys_a = [c(1, 4, 4), c(3, 5, 6), c(0, 3, 2)];
        let sys_b = [c(2, 4, 4), c(4, 5, 6), c(1, 3, 2)];
        let r = paired_bootstrap_by(
            3,
            &BootstrapConfig::default(),
            Alternative::Greater,
            |idx| {
                micro(idx.iter().map(|&i| &sys_b[i])).fmeasure
                    - micro(idx.iter().map(|&i| &sys_a[i])).fmeasure
            },
        )
        .unwrap();
        assert!(r.difference > 0.0);
        let ar = approximate_randomization_by(3, 1000, 1, Alternative::Greater, |swapped| {
            let pick = |i: usize, b_side: bool| {
                if swapped[i] != b_side {
                    &sys_b[i]
                } else {
                    &sys_a[i]
                }
            };
            micro((0..3).map(|i| pick(i, true))).fmeasure
                - micro((0..3).map(|i| pick(i, false))).fmeasure
        })
        .unwrap();
        assert_eq!(ar.difference, r.difference);
    }
}

//! Plain aggregation: means, numpy-style percentiles, and micro/macro averages of ROUGE
//! sufficient statistics ([`Counts`]).

use crate::metrics::rouge::{Counts, Score};

/// Neumaier-compensated sum of an iterator, left to right, plus the min and max seen.
/// Returns `(sum, min, max, count)`.
fn neumaier<I: Iterator<Item = f64>>(values: I) -> (f64, f64, f64, usize) {
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    let mut min = f64::INFINITY;
    let mut max = f64::NEG_INFINITY;
    let mut count = 0usize;
    for x in values {
        let t = sum + x;
        if sum.abs() >= x.abs() {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
        min = min.min(x);
        max = max.max(x);
        count += 1;
    }
    (sum + compensation, min, max, count)
}

/// Mean of finite values given as a cloneable iterator; `None` when empty.
///
/// See [`mean`] for the exact arithmetic.
pub(crate) fn mean_of<I>(values: I) -> Option<f64>
where
    I: Iterator<Item = f64> + Clone,
{
    let (total, min, max, count) = neumaier(values.clone());
    if count == 0 {
        return None;
    }
    let n = count as f64;
    let mut m = total / n;
    if !m.is_finite() {
        // The sum overflowed although every value is finite: sum the values divided by n.
        let (scaled, _, _, _) = neumaier(values.map(|x| x / n));
        m = scaled;
    }
    // Keep min <= mean <= max despite rounding (so a constant input returns itself).
    Some(m.max(min).min(max))
}

/// Arithmetic mean of `values`.
///
/// Exact arithmetic, so that results are reproducible everywhere: the values are summed
/// left to right with Neumaier's compensated summation (sum and compensation kept
/// separately, added at the end), the total is divided by `n`, and the result is clamped
/// to `[min, max]` of the values (so the mean of a constant slice is that constant, which
/// a rounded sum divided by `n` does not guarantee). If the sum overflows, the values are
/// divided by `n` before summing.
///
/// Returns `None` for an empty slice or if any value is NaN or infinite.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    mean_of(values.iter().copied())
}

/// Mean of `values[i]` for `i` in `indices` (repeats count), with the arithmetic of
/// [`mean`]; the natural statistic for [`bootstrap_interval`](super::bootstrap_interval):
/// `|idx| mean_at(&scores, idx).unwrap_or(f64::NAN)`.
///
/// Returns `None` if `indices` is empty, an index is out of range, or a selected value is
/// not finite.
pub fn mean_at(values: &[f64], indices: &[usize]) -> Option<f64> {
    if indices
        .iter()
        .any(|&i| values.get(i).is_none_or(|v| !v.is_finite()))
    {
        return None;
    }
    mean_of(indices.iter().map(|&i| values[i]))
}

/// numpy's default (`method="linear"`) percentile of an ascending, non-empty, NaN-free
/// slice, `q` in `[0, 100]` (not checked here).
pub(crate) fn percentile_sorted(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    let last = n - 1;
    // numpy: quantile = q / 100; virtual index = (n - 1) * quantile.
    let virtual_index = last as f64 * (q / 100.0);
    if virtual_index >= last as f64 {
        return sorted[last];
    }
    if virtual_index <= 0.0 {
        return sorted[0];
    }
    let below = virtual_index.floor();
    let gamma = virtual_index - below;
    // 0 <= below < n - 1, an exact small integer.
    let i = below as usize;
    lerp(sorted[i], sorted[i + 1], gamma)
}

/// numpy's `_lerp`: `a + (b - a) * t`, or `b - (b - a) * (1 - t)` when `t >= 0.5`.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// Percentile `q` (in percent, `0..=100`) of `values`, computed exactly like
/// `numpy.percentile(values, q)` with its default `method="linear"` (Hyndman & Fan type 7):
/// sort, virtual index `h = (n - 1) * (q / 100)`, then `x[⌊h⌋] + (x[⌊h⌋+1] − x[⌊h⌋]) · frac(h)`
/// using numpy's two-sided interpolation formula (from the upper neighbour when
/// `frac(h) >= 0.5`), so results match numpy bit for bit.
///
/// Returns `None` for an empty slice, a non-finite value, or `q` outside `[0, 100]`.
pub fn percentile(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) || !(0.0..=100.0).contains(&q) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(percentile_sorted(&sorted, q))
}

/// Micro average: pool hits and totals over all examples (saturating at `u64::MAX`), then
/// score once with rouge-score's formulas ([`Counts::score`]). Long examples weigh more.
///
/// Accepts any iterator of `&Counts`, e.g. a bootstrap resample:
/// `micro(indices.iter().map(|&i| &counts[i])).fmeasure`. Empty input scores 0.
pub fn micro<'a, I>(counts: I) -> Score
where
    I: IntoIterator<Item = &'a Counts>,
{
    counts
        .into_iter()
        .fold(Counts::default(), |pooled, c| Counts {
            hits: pooled.hits.saturating_add(c.hits),
            candidate_total: pooled.candidate_total.saturating_add(c.candidate_total),
            reference_total: pooled.reference_total.saturating_add(c.reference_total),
        })
        .score()
}

/// Macro average: per-example scores ([`Counts::score`]), each of precision, recall and
/// F-measure averaged with the arithmetic of [`mean`] (so the F of the result is the mean
/// of per-example F, as rouge-score's aggregates report it, not the F of the mean P and R).
/// `None` for empty input.
pub fn macro_average<'a, I>(counts: I) -> Option<Score>
where
    I: IntoIterator<Item = &'a Counts>,
    I::IntoIter: Clone,
{
    let iter = counts.into_iter().map(Counts::score);
    Some(Score {
        precision: mean_of(iter.clone().map(|s| s.precision))?,
        recall: mean_of(iter.clone().map(|s| s.recall))?,
        fmeasure: mean_of(iter.map(|s| s.fmeasure))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::rouge::fmeasure;
    use proptest::prelude::*;

    #[test]
    fn mean_basics() {
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[f64::NAN]), None);
        assert_eq!(mean(&[1.0, f64::INFINITY]), None);
        assert_eq!(mean(&[2.5]), Some(2.5));
        assert_eq!(mean(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004 and / 3 = 0.10000000000000002 naively.
        assert_eq!(mean(&[0.1, 0.1, 0.1]), Some(0.1));
        assert_eq!(mean(&[0.7; 1001]), Some(0.7));
    }

    #[test]
    fn mean_at_selects_with_repeats() {
        let v = [1.0, 2.0, 4.0];
        assert_eq!(mean_at(&v, &[2, 2, 0]), Some(3.0));
        assert_eq!(mean_at(&v, &[]), None);
        assert_eq!(mean_at(&v, &[3]), None);
        assert_eq!(mean_at(&[f64::NAN, 1.0], &[1]), Some(1.0));
        assert_eq!(mean_at(&[f64::NAN, 1.0], &[0, 1]), None);
    }

    #[test]
    fn mean_is_compensated() {
        // Naive left-to-right summation loses the 1.0 entirely.
        let v = [1e16, 1.0, -1e16];
        assert_eq!(mean(&v), Some(1.0 / 3.0));
        // Overflowing sum of finite values still gives the right mean.
        assert_eq!(mean(&[f64::MAX, f64::MAX]), Some(f64::MAX));
        assert_eq!(mean(&[f64::MAX, -f64::MAX]), Some(0.0));
    }

    #[test]
    fn percentile_matches_numpy() {
        // python3 -c "import numpy as np; print(repr(np.percentile([...], q)))"
        let x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0];
        assert_eq!(percentile(&x, 2.5), Some(1.0));
        assert_eq!(percentile(&x, 50.0), Some(3.5));
        assert_eq!(percentile(&x, 97.5), Some(8.475_000_000_000_001));
        assert_eq!(percentile(&x, 25.0), Some(1.75));
        assert_eq!(percentile(&x, 0.0), Some(1.0));
        assert_eq!(percentile(&x, 100.0), Some(9.0));
        let y = [0.1, 0.2, 0.3];
        assert_eq!(percentile(&y, 2.5), Some(0.10500000000000001));
        assert_eq!(percentile(&y, 97.5), Some(0.295));
        assert_eq!(percentile(&y, 70.0), Some(0.24));
        assert_eq!(percentile(&[7.0], 33.0), Some(7.0));
        // rouge-score's q: 100 * ((1 - 0.95) / 2) = 2.5000000000000022
        let q = 100.0 * ((1.0 - 0.95) / 2.0);
        let z: Vec<f64> = (0..1000).map(|i| (i as f64).sqrt()).collect();
        assert_eq!(percentile(&z, q), Some(4.997_474_487_139_161));
        assert_eq!(percentile(&z, 50.0), Some(22.349_493_839_343_29));
        assert_eq!(
            percentile(&z, 100.0 * (1.0 - (1.0 - 0.95) / 2.0)),
            Some(31.209_373_491_737_907)
        );
    }

    #[test]
    fn percentile_rejects_bad_input() {
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&[1.0], -0.1), None);
        assert_eq!(percentile(&[1.0], 100.1), None);
        assert_eq!(percentile(&[1.0], f64::NAN), None);
        assert_eq!(percentile(&[1.0, f64::NAN], 50.0), None);
    }

    #[test]
    fn micro_vs_macro() {
        let c = |hits, candidate_total, reference_total| Counts {
            hits,
            candidate_total,
            reference_total,
        };
        let counts = [c(1, 2, 2), c(0, 8, 8)];
        // micro pools: 1 / 10
        let m = micro(&counts);
        assert_eq!(
            (m.precision, m.recall, m.fmeasure),
            (0.1, 0.1, fmeasure(0.1, 0.1))
        );
        // macro averages per-example scores: (0.5 + 0) / 2
        let a = macro_average(&counts).unwrap();
        assert_eq!((a.precision, a.recall, a.fmeasure), (0.25, 0.25, 0.25));
        assert_eq!(micro(&[]), Score::default());
        assert_eq!(macro_average(&[]), None);
        // resample form
        let idx = [0usize, 0, 1];
        assert_eq!(micro(idx.iter().map(|&i| &counts[i])).precision, 2.0 / 12.0);
        // pooling saturates instead of overflowing
        let big = [c(u64::MAX, u64::MAX, u64::MAX), c(1, 1, 1)];
        assert_eq!(micro(&big).precision, 1.0);
        // rouge-score's formulas: P = hits / cand, R = hits / ref, F = 2PR / (P + R)
        let s = micro(&[c(2, 4, 5)]);
        assert_eq!((s.precision, s.recall), (0.5, 0.4));
        assert_eq!(s.fmeasure, 2.0 * 0.5 * 0.4 / (0.5 + 0.4));
        assert_eq!(micro(&[c(0, 0, 5)]), Score::default());
    }

    proptest! {
        #[test]
        fn mean_between_min_and_max(v in proptest::collection::vec(-1e6f64..1e6, 1..200)) {
            let m = mean(&v).unwrap();
            let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(lo <= m && m <= hi);
        }

        #[test]
        fn percentile_monotone_and_bounded(
            v in proptest::collection::vec(-1e3f64..1e3, 1..100),
            q1 in 0.0f64..=100.0,
            q2 in 0.0f64..=100.0,
        ) {
            let (lo_q, hi_q) = if q1 <= q2 { (q1, q2) } else { (q2, q1) };
            let a = percentile(&v, lo_q).unwrap();
            let b = percentile(&v, hi_q).unwrap();
            let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(a <= b);
            prop_assert!(lo <= a && b <= hi);
        }
    }
}

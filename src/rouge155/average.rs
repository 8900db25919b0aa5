//! ROUGE-1.5.5's corpus averages and confidence intervals (`computeAverages`,
//! `bootstrapResampling`), reproduced draw for draw with Perl's generator
//! ([`crate::stats::Drand48`]); each column alone is [`crate::stats::rouge155_bootstrap`]'s
//! result (a test checks it), here the three columns share one stream of draws as in the script.
//!
//! The script sorts the instances (`evalID.peerID`) as strings and, for resample `i` in
//! `0..r`, calls `srand(i)` and draws `N` indices `int(rand(N))`. Perl (5.20 and later, on
//! every platform) implements `rand` with its own `drand48`: the state starts at
//! `(seed << 16) + 0x330E`, steps `x ← (0x5DEECE66D·x + 0xB) mod 2^48` and `rand(N)` is
//! `x / 2^48 × N`; so the same stream is drawn here and every printed digit matches. The
//! printed `Average_X` is the mean of the `r` bootstrap means (summed in ascending order, as
//! the script sums its sorted array), not the plain mean; the interval bounds are read off the
//! sorted means with the script's indices and interpolation.

use rayon::prelude::*;

use crate::stats::{Drand48, rouge155_summary};

/// How per-evaluation values are averaged (`-t`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counting {
    /// Mean of the per-evaluation R, P, F (the default, `-t 0`).
    #[default]
    Sentence,
    /// R, P, F of the pooled counts (`-t 1`).
    Token,
    /// The pooled counts themselves, no interval (`-t 2`).
    Raw,
}

/// One measure's corpus figures, as the script prints them (`%7.5f` strings).
#[derive(Clone, Debug, PartialEq)]
pub struct Averages {
    /// `Average_R`, `Average_P`, `Average_F`.
    pub average: [String; 3],
    /// Lower interval bounds of R, P, F.
    pub low: [String; 3],
    /// Upper interval bounds of R, P, F.
    pub high: [String; 3],
    /// Summed model count, peer count and hits (`-t 2`'s `M_count`, `P_count`, `H_count`).
    pub counts: [f64; 3],
}

fn fmt5(x: f64) -> String {
    format!("{x:7.5}")
}

/// R, P, F of pooled (model, peer, hit) counts, as `bootstrapResampling` computes them.
fn token_scores(model: f64, peer: f64, hit: f64, alpha: f64) -> [f64; 3] {
    let r = if model > 0.0 { hit / model } else { 0.0 };
    let p = if peer > 0.0 { hit / peer } else { 0.0 };
    let d = (1.0 - alpha) * p + alpha * r;
    let f = if d > 0.0 { r * p / d } else { 0.0 };
    [r, p, f]
}

/// The corpus averages of `instances` (instance id, the three per-evaluation values: R, P, F,
/// or with [`Counting::Token`]/[`Counting::Raw`] the model count, peer count and hits), with
/// `resamples` bootstrap resamples and a `confidence`% interval. `resamples` is at least 1.
pub fn averages(
    instances: &[(String, [f64; 3])],
    resamples: usize,
    confidence: f64,
    counting: Counting,
    alpha: f64,
) -> Averages {
    let mut sorted: Vec<&(String, [f64; 3])> = instances.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let values: Vec<[f64; 3]> = sorted.iter().map(|i| i.1).collect();
    let n = values.len();
    let mut counts = [0.0; 3];
    for v in &values {
        for k in 0..3 {
            counts[k] += v[k];
        }
    }
    if counting == Counting::Raw {
        let zero = || [fmt5(0.0), fmt5(0.0), fmt5(0.0)];
        return Averages {
            average: zero(),
            low: zero(),
            high: zero(),
            counts,
        };
    }
    let r = resamples.max(1);
    let confidence = confidence.clamp(0.0, 100.0);
    let fmt3 = |v: [f64; 3]| v.map(fmt5);
    if n == 0 {
        // the script's resamples of nothing are all 0
        return Averages {
            average: fmt3([0.0; 3]),
            low: fmt3([0.0; 3]),
            high: fmt3([0.0; 3]),
            counts,
        };
    }
    // one stream of draws for the three columns, as the script draws (the same indices and
    // sums as `rouge155_bootstrap` gives each column alone)
    // resample i depends on its seed i only: the resamples run in parallel, in order
    let points: Vec<[f64; 3]> = (0..r)
        .into_par_iter()
        .map(|i| {
            let mut rng = Drand48::new(u32::try_from(i).unwrap_or(u32::MAX));
            let mut sum = [0.0f64; 3];
            for _ in 0..n {
                let v = values[rng.perl_index(n)];
                for k in 0..3 {
                    sum[k] += v[k];
                }
            }
            match counting {
                Counting::Sentence => sum.map(|x| x / n as f64),
                _ => token_scores(sum[0], sum[1], sum[2], alpha),
            }
        })
        .collect();
    let (mut mid, mut low, mut high) = ([0.0; 3], [0.0; 3], [0.0; 3]);
    for k in 0..3 {
        let column: Vec<f64> = points.iter().map(|p| p[k]).collect();
        let b = rouge155_summary(column, r, confidence);
        (mid[k], low[k], high[k]) = (b.mid, b.low, b.high);
    }
    Averages {
        average: fmt3(mid),
        low: fmt3(low),
        high: fmt3(high),
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::{Counting, averages};
    use crate::stats::rouge155_bootstrap;

    /// Each column of the joint resampling is the single-column Perl bootstrap (itself checked
    /// against Perl's output in `stats::bootstrap`).
    #[test]
    fn columns_equal_the_single_column_bootstrap() {
        let inst: Vec<(String, [f64; 3])> = (0..37)
            .map(|i| {
                let x = f64::from(i);
                (
                    format!("{i}.X"),
                    [(x * 0.37).fract(), (x * 0.61).fract(), (x * 0.13).fract()],
                )
            })
            .collect();
        let mut sorted = inst.clone();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let a = averages(&inst, 250, 95.0, Counting::Sentence, 0.5);
        for k in 0..3 {
            let col: Vec<f64> = sorted.iter().map(|v| v.1[k]).collect();
            let b = rouge155_bootstrap(&col, 250, 95.0).unwrap();
            let f = |x: f64| format!("{x:7.5}");
            assert_eq!(
                (&a.average[k], &a.low[k], &a.high[k]),
                (&f(b.mid), &f(b.low), &f(b.high))
            );
        }
    }
}

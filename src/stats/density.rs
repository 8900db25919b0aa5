//! Distributions of per-example values for the HTML report's plots: Gaussian kernel density
//! estimates in two dimensions (Grusky et al.'s coverage × density figure of NEWSROOM, 2018)
//! and fixed-bin histograms. Pure functions of the values; the renderer only draws them.
//!
//! # The kernel density estimate
//!
//! [`Kde2`] is `scipy.stats.gaussian_kde` in two dimensions with its default bandwidth,
//! Scott's rule: the kernel's covariance is the data's covariance (`ddof = 1`) times
//! `n^(-1/3)` (Scott's factor `n^(-1/(d+4))`, squared, for `d = 2`). The estimate at `x` is
//! `(1/n) Σ N(x; xᵢ, H)`. Where scipy fails (fewer than two points, a constant coordinate,
//! points on one line: a singular covariance), [`Kde2::new`] keeps every variance at least
//! `floor²` of its dimension and, if the matrix is still singular, drops the correlation; the
//! estimate then stays a proper density (one point gives one Gaussian bump of the floors'
//! widths). With data scipy accepts and variances above the floors, the values are scipy's
//! (a unit test checks them against values scipy computed).

/// A two-dimensional Gaussian kernel density estimate (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct Kde2 {
    points: Vec<(f64, f64)>,
    /// The inverse of the kernel covariance `[[a, b], [b, c]]`.
    inverse: [f64; 3],
    /// `1 / (n · 2π · sqrt(det H))`.
    norm: f64,
    /// The kernel covariance `[[a, b], [b, c]]`, as `[a, b, c]`.
    covariance: [f64; 3],
}

impl Kde2 {
    /// The estimate of `points` (non-finite points are left out); `floor`: the least kernel
    /// standard deviation in x and in y (both positive). `None` without a finite point or
    /// with a floor that is not positive.
    pub fn new(points: &[(f64, f64)], floor: (f64, f64)) -> Option<Self> {
        let points: Vec<(f64, f64)> = points
            .iter()
            .copied()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        if points.is_empty() || !(floor.0 > 0.0 && floor.1 > 0.0) {
            return None;
        }
        let n = points.len() as f64;
        let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
        if points.len() > 1 {
            let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
            let my = points.iter().map(|p| p.1).sum::<f64>() / n;
            for &(x, y) in &points {
                a += (x - mx) * (x - mx);
                b += (x - mx) * (y - my);
                c += (y - my) * (y - my);
            }
            // Scott's factor squared, over the n - 1 of the unbiased covariance
            let f = n.powf(-1.0 / 3.0) / (n - 1.0);
            (a, b, c) = (a * f, b * f, c * f);
        }
        a = a.max(floor.0 * floor.0);
        c = c.max(floor.1 * floor.1);
        let mut det = a * c - b * b;
        // a covariance that is (nearly) singular: points on a line
        if det <= 1e-12 * a * c {
            b = 0.0;
            det = a * c;
        }
        Some(Kde2 {
            norm: 1.0 / (n * 2.0 * std::f64::consts::PI * det.sqrt()),
            inverse: [c / det, -b / det, a / det],
            covariance: [a, b, c],
            points,
        })
    }

    /// The kernel covariance `[[a, b], [b, c]]` as `[a, b, c]`.
    pub fn covariance(&self) -> [f64; 3] {
        self.covariance
    }

    /// The estimated density at `(x, y)`.
    pub fn at(&self, x: f64, y: f64) -> f64 {
        let [ia, ib, ic] = self.inverse;
        let sum: f64 = self
            .points
            .iter()
            .map(|&(px, py)| {
                let (dx, dy) = (x - px, y - py);
                (-0.5 * (ia * dx * dx + 2.0 * ib * dx * dy + ic * dy * dy)).exp()
            })
            .sum();
        sum * self.norm
    }

    /// The density at the centres of an `nx` × `ny` grid of cells over `x` × `y`, row by row
    /// from the lowest y: entry `j * nx + i` is the cell `i` along x, `j` along y.
    pub fn grid(&self, x: (f64, f64), y: (f64, f64), nx: usize, ny: usize) -> Vec<f64> {
        let (wx, wy) = ((x.1 - x.0) / nx as f64, (y.1 - y.0) / ny as f64);
        (0..ny)
            .flat_map(|j| {
                let cy = y.0 + (j as f64 + 0.5) * wy;
                (0..nx).map(move |i| self.at(x.0 + (i as f64 + 0.5) * wx, cy))
            })
            .collect()
    }
}

/// A histogram of `values` in `bins` equal bins over `[lo, hi]`: the count per bin. As
/// numpy's `histogram`, every bin is half-open but the last, which holds `hi`; values outside
/// the range are counted in the first or last bin (the plots say which range they show) and
/// non-finite values are left out. Empty when `bins` is 0 or the range is empty.
pub fn histogram(values: &[f64], lo: f64, hi: f64, bins: usize) -> Vec<u64> {
    if bins == 0 || !lo.is_finite() || !hi.is_finite() || hi <= lo {
        return Vec::new();
    }
    let mut counts = vec![0u64; bins];
    for &v in values.iter().filter(|v| v.is_finite()) {
        let k = ((v - lo) / (hi - lo) * bins as f64).floor();
        let k = if k < 0.0 {
            0
        } else {
            (k as usize).min(bins - 1)
        };
        counts[k] += 1;
    }
    counts
}

/// The range a histogram of `values` shows: `[0, 1]` when they all lie there (scores and
/// shares), else from the least to the greatest finite value (from 0 when none is negative),
/// widened to a unit around a single value. `None` without a finite value.
pub fn value_range(values: &[f64]) -> Option<(f64, f64)> {
    let finite = || values.iter().copied().filter(|v| v.is_finite());
    let lo = finite().fold(f64::INFINITY, f64::min);
    let hi = finite().fold(f64::NEG_INFINITY, f64::max);
    if lo > hi {
        // no finite value
        return None;
    }
    if lo >= 0.0 && hi <= 1.0 {
        return Some((0.0, 1.0));
    }
    let lo = if lo >= 0.0 { 0.0 } else { lo };
    if hi > lo {
        Some((lo, hi))
    } else {
        Some((lo - 0.5, hi + 0.5))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1e-300)
    }

    /// Five points whose estimate scipy computed (`density_scipy.in`, made with scipy 1.17.1:
    /// `gaussian_kde(np.array(POINTS).T)` at the four points listed there).
    const POINTS: [(f64, f64); 5] = [
        (0.85, 2.3),
        (0.62, 0.72),
        (0.97, 3.1),
        (0.4, 0.3),
        (0.9, 1.8),
    ];

    #[test]
    fn two_dimensional_estimate_equals_scipy() {
        let kde = Kde2::new(&POINTS, (1e-9, 1e-9)).unwrap();
        for (x, y, want) in SCIPY {
            let got = kde.at(x, y);
            assert!(close(got, want), "at ({x}, {y}): {got} vs scipy {want}");
        }
    }

    /// Values from scipy (see `POINTS`).
    const SCIPY: [(f64, f64, f64); 4] = include!("density_scipy.in");

    #[test]
    fn one_point_is_one_gaussian_of_the_floors_widths() {
        let kde = Kde2::new(&[(0.5, 2.0)], (0.1, 0.2)).unwrap();
        let [a, b, c] = kde.covariance();
        assert!(close(a, 0.01) && b == 0.0 && close(c, 0.04));
        // the peak of a bivariate normal: 1 / (2π σx σy)
        let peak = 1.0 / (2.0 * std::f64::consts::PI * 0.1 * 0.2);
        assert!(close(kde.at(0.5, 2.0), peak));
        // one standard deviation away in x: exp(-1/2) of the peak
        assert!(close(kde.at(0.6, 2.0), peak * (-0.5f64).exp()));
    }

    #[test]
    fn collinear_points_drop_the_correlation() {
        let pts = [(0.1, 0.2), (0.2, 0.4), (0.3, 0.6)];
        let kde = Kde2::new(&pts, (1e-3, 1e-3)).unwrap();
        let [a, b, c] = kde.covariance();
        assert_eq!(b, 0.0);
        // variances still Scott's: 0.01 · 3^(-1/3) for x
        assert!(close(a, 0.01 * 3f64.powf(-1.0 / 3.0)));
        assert!(close(c, 0.04 * 3f64.powf(-1.0 / 3.0)));
        assert!(kde.at(0.2, 0.4).is_finite());
    }

    #[test]
    fn grid_integrates_to_about_one() {
        let kde = Kde2::new(&POINTS, (0.02, 0.05)).unwrap();
        let (nx, ny) = (200, 200);
        let g = kde.grid((-2.0, 3.0), (-6.0, 9.0), nx, ny);
        let cell = (5.0 / nx as f64) * (15.0 / ny as f64);
        let total: f64 = g.iter().sum::<f64>() * cell;
        assert!((total - 1.0).abs() < 1e-3, "{total}");
        // row-major from the lowest y: the cell holding (0.85, 2.3) is near the top density
        assert_eq!(g.len(), nx * ny);
    }

    #[test]
    fn invalid_input_gives_none() {
        assert!(Kde2::new(&[], (0.1, 0.1)).is_none());
        assert!(Kde2::new(&[(f64::NAN, 1.0)], (0.1, 0.1)).is_none());
        assert!(Kde2::new(&[(0.0, 1.0)], (0.0, 0.1)).is_none());
    }

    #[test]
    fn histogram_is_numpys() {
        // np.histogram([0, 0.1, 0.25, 0.5, 0.99, 1.0], bins=4, range=(0, 1)) → [2, 1, 1, 2]
        let v = [0.0, 0.1, 0.25, 0.5, 0.99, 1.0];
        assert_eq!(histogram(&v, 0.0, 1.0, 4), vec![2, 1, 1, 2]);
        // outside the range: into the edge bins; NaN left out
        assert_eq!(histogram(&[-1.0, 2.0, f64::NAN], 0.0, 1.0, 2), vec![1, 1]);
        assert!(histogram(&v, 1.0, 1.0, 4).is_empty());
        assert!(histogram(&v, 0.0, 1.0, 0).is_empty());
    }

    #[test]
    fn value_ranges() {
        assert_eq!(value_range(&[0.2, 0.9]), Some((0.0, 1.0)));
        assert_eq!(value_range(&[1.5, 3.0]), Some((0.0, 3.0)));
        assert_eq!(value_range(&[-1.0, 3.0]), Some((-1.0, 3.0)));
        assert_eq!(value_range(&[-2.0]), Some((-2.5, -1.5)));
        assert_eq!(value_range(&[f64::NAN]), None);
    }
}

//! Multiple-comparison correction.

/// Holm–Bonferroni adjusted p-values (Holm 1979), in the original order.
///
/// With the `m` p-values sorted ascending, `p(1) <= ... <= p(m)`, the adjusted value of
/// `p(k)` is `max over j <= k of min(1, (m − j + 1) · p(j))`: the step-down multipliers
/// `m, m−1, ..., 1`, made monotone and capped at 1. Rejecting every hypothesis whose
/// adjusted p-value is `<= alpha` controls the family-wise error rate at `alpha` under any
/// dependence. Tied p-values get the same adjusted value whatever their order.
///
/// Returns `Some(vec![])` for no p-values and `None` if any value is NaN or outside
/// `[0, 1]`.
pub fn holm(p_values: &[f64]) -> Option<Vec<f64>> {
    if p_values.iter().any(|p| !(0.0..=1.0).contains(p)) {
        return None;
    }
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    // Stable sort: ties keep their original order (irrelevant to the result).
    order.sort_by(|&i, &j| p_values[i].total_cmp(&p_values[j]));
    let mut adjusted = vec![0.0; m];
    let mut running_max = 0.0f64;
    for (rank, &i) in order.iter().enumerate() {
        let multiplier = (m - rank) as f64;
        running_max = running_max.max((multiplier * p_values[i]).min(1.0));
        adjusted[i] = running_max;
    }
    Some(adjusted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
    }

    #[test]
    fn textbook_example() {
        let adj = holm(&[0.01, 0.04, 0.03, 0.005]).unwrap();
        assert!(close(&adj, &[0.03, 0.06, 0.06, 0.02]), "{adj:?}");
    }

    #[test]
    fn matches_statsmodels() {
        // statsmodels.stats.multitest.multipletests(p, method="holm")[1]
        let p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
        let expected = [0.008, 0.056, 0.234, 0.234, 0.234, 0.234, 0.234, 0.234];
        assert!(close(&holm(&p).unwrap(), &expected));
        // capping at 1 and monotonicity
        let adj = holm(&[0.5, 0.4, 0.9]).unwrap();
        assert!(close(&adj, &[1.0, 1.0, 1.0]), "{adj:?}");
    }

    #[test]
    fn edge_cases() {
        assert_eq!(holm(&[]), Some(vec![]));
        assert_eq!(holm(&[0.03]), Some(vec![0.03]));
        assert_eq!(holm(&[0.2, f64::NAN]), None);
        assert_eq!(holm(&[1.5]), None);
        assert_eq!(holm(&[-0.1]), None);
        assert_eq!(holm(&[0.0, 0.0]), Some(vec![0.0, 0.0]));
        // ties get equal values
        let adj = holm(&[0.02, 0.01, 0.02]).unwrap();
        assert_eq!(adj[0], adj[2]);
        assert!(close(&adj, &[0.04, 0.03, 0.04]), "{adj:?}");
    }

    proptest! {
        #[test]
        fn properties(p in proptest::collection::vec(0.0f64..=1.0, 0..30)) {
            let adj = holm(&p).unwrap();
            let m = p.len() as f64;
            for (x, y) in p.iter().zip(&adj) {
                // never below the raw value, never above Bonferroni or 1
                prop_assert!(*y >= *x && *y <= (m * x).min(1.0) + 1e-15);
            }
            // order-preserving: p_i <= p_j implies adj_i <= adj_j
            for i in 0..p.len() {
                for j in 0..p.len() {
                    if p[i] <= p[j] {
                        prop_assert!(adj[i] <= adj[j]);
                    }
                }
            }
        }
    }
}

//! The ROUGE-1.5.5 report, byte for byte (`printResults`, `printPerEvalData`):
//!
//! ```text
//! ---------------------------------------------
//! 11 ROUGE-1 Average_R: 0.19191 (95%-conf.int. 0.15097 - 0.23346)
//! 11 ROUGE-1 Average_P: 0.17204 (95%-conf.int. 0.14123 - 0.20687)
//! 11 ROUGE-1 Average_F: 0.17766 (95%-conf.int. 0.14525 - 0.21308)
//! .............................................
//! 11 ROUGE-1 Eval 1.11 R:0.20000 P:0.18000 F:0.18947
//! ```
//!
//! With `-t 2` a block is one `M_count: P_count: H_count:` line; `-d` adds the per-evaluation
//! lines, ordered by the numeric prefix of their IDs as the script orders them.

use std::cmp::Ordering;
use std::fmt::Write;

use super::Block;
use super::average::Counting;
use super::score::Outcome;

/// Perl's default number formatting (`%.15g`), for the raw counts of `-t 1`/`-t 2`.
pub fn perl_number(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".to_owned()
        } else if x > 0.0 {
            "Inf".to_owned()
        } else {
            "-Inf".to_owned()
        };
    }
    let exp = x.abs().log10().floor() as i32;
    // %.15g: 15 significant digits, trailing zeros removed
    let sci = format!("{:.14e}", x);
    let (mantissa, e) = sci.split_once('e').unwrap_or((&sci, "0"));
    let e: i32 = e.parse().unwrap_or(exp);
    if (-4..15).contains(&e) {
        let decimals = usize::try_from(14 - e).unwrap_or(0);
        let s = format!("{x:.decimals$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            s
        }
    } else {
        let m = if mantissa.contains('.') {
            mantissa.trim_end_matches('0').trim_end_matches('.')
        } else {
            mantissa
        };
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    }
}

/// The script's `by_evalID`: numeric prefixes compared as numbers when both IDs have one,
/// else string order.
fn by_eval_id(a: &str, b: &str) -> Ordering {
    let prefix = |s: &str| -> Option<f64> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        (!d.is_empty()).then(|| d.parse().unwrap_or(f64::INFINITY))
    };
    match (prefix(a), prefix(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        _ => a.cmp(b),
    }
}

fn eval_values(o: &Outcome, counting: Counting) -> [String; 3] {
    match counting {
        Counting::Sentence => [o.recall, o.precision, o.fmeasure].map(|v| format!("{v:7.5}")),
        _ => [o.model_count, o.peer_count, o.hits].map(perl_number),
    }
}

/// The report of `blocks` (`confidence` as given to `-c`).
pub fn render(blocks: &[Block], confidence: &str, counting: Counting, per_eval: bool) -> String {
    let mut s = String::new();
    for b in blocks {
        let (p, t) = (&b.peer, &b.tag);
        s.push_str("---------------------------------------------\n");
        if counting == Counting::Raw {
            let c = b.averages.counts;
            let _ = writeln!(
                s,
                "{p} {t} M_count: {} P_count: {} H_count: {}",
                c[0].trunc(),
                c[1].trunc(),
                c[2].trunc()
            );
        } else {
            let a = &b.averages;
            for (k, name) in ["R", "P", "F"].iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{p} {t} Average_{name}: {} ({confidence}%-conf.int. {} - {})",
                    a.average[k], a.low[k], a.high[k]
                );
            }
        }
        if per_eval {
            s.push_str(".............................................\n");
            let mut rows: Vec<&(String, Outcome)> = b.per_eval.iter().collect();
            rows.sort_by(|x, y| x.0.cmp(&y.0));
            rows.sort_by(|x, y| by_eval_id(&x.0, &y.0));
            for (id, o) in rows {
                let [r, pr, f] = eval_values(o, counting);
                let _ = writeln!(s, "{p} {t} Eval {id} R:{r} P:{pr} F:{f}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::perl_number;

    #[test]
    fn perl_number_formatting() {
        for (x, s) in [
            (12.0, "12"),
            (0.5, "0.5"),
            (1.0 / 3.0, "0.333333333333333"),
            (12.345_678_901_234_567, "12.3456789012346"),
            (1e20, "1e+20"),
            (0.000_012_5, "1.25e-05"),
            (0.0, "0"),
        ] {
            assert_eq!(perl_number(x), s, "{x}");
        }
    }
}

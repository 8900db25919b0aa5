//! CSV: one row per system with every column's mean (keys as headers), or, with
//! `--per-example`, one row per example and system.

use std::io::{self, Write};

use super::{Render, Report};

/// Comma-separated values (the `csv` crate does the quoting).
pub struct Csv;

fn num(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| x.to_string())
}

impl Render for Csv {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let keys = report.columns.iter().map(|c| c.key.as_str());
        if report.per_example {
            w.write_record(["id", "system"].into_iter().chain(keys))?;
            for e in &report.examples {
                for s in &e.systems {
                    let mut r = vec![e.id.clone(), s.system.clone()];
                    r.extend(s.values(&report.config).into_iter().map(num));
                    w.write_record(&r)?;
                }
            }
        } else {
            w.write_record(["system", "examples"].into_iter().chain(keys))?;
            for s in &report.systems {
                let mut r = vec![s.name.clone(), s.examples.to_string()];
                r.extend(s.means.iter().map(|&v| num(v)));
                w.write_record(&r)?;
            }
        }
        w.flush()
    }
}

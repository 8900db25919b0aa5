//! Renderers of a [`CompareReport`]: per system, one row per metric with the baseline, the
//! current value, the difference with its interval, the p-value and the verdict.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment};
use serde_json::json;

use super::Format;
use crate::stats::compare::{Change, CompareReport, MetricComparison};

fn mark(m: &MetricComparison) -> &'static str {
    match (m.regression, m.change) {
        (true, _) => "▼ FAIL",
        (false, Change::Better) => "▲",
        (false, Change::Worse) => "▼",
        (false, Change::Same) => "=",
    }
}

fn interval(m: &MetricComparison) -> String {
    m.interval
        .map_or_else(String::new, |i| format!("[{:+.4}, {:+.4}]", i.low, i.high))
}

fn cells(m: &MetricComparison) -> Vec<String> {
    vec![
        m.key.clone(),
        format!("{:.4}", m.baseline),
        format!("{:.4}", m.current),
        format!("{:+.4}", m.difference),
        interval(m),
        format!("{:.4}", m.p_holm),
        mark(m).to_owned(),
        m.tolerance.map_or_else(String::new, |t| format!("{t}")),
    ]
}

const HEADER: [&str; 8] = [
    "metric",
    "baseline",
    "current",
    "difference",
    "95% interval",
    "p (Holm)",
    "change",
    "gate tolerance",
];

/// Writes `report` in `format`.
pub fn render_comparison(
    report: &CompareReport,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table | Format::Markdown => {
            render_systems(report, format, out)?;
            let prefix = if format == Format::Markdown { "> " } else { "" };
            footer(report, out, prefix)
        }
        other => render_data(report, other, out),
    }
}

/// The per-system tables (terminal or Markdown) of a comparison, without the footer.
pub(crate) fn render_systems(
    report: &CompareReport,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => {
            for s in &report.systems {
                if s.system == s.baseline_system {
                    writeln!(out, "{}", s.system)?;
                } else {
                    writeln!(out, "{} against {}", s.system, s.baseline_system)?;
                }
                let mut t = comfy_table::Table::new();
                t.load_style(UTF8_FULL_CONDENSED);
                t.set_header(HEADER.to_vec());
                for m in &s.metrics {
                    t.add_row(
                        cells(m)
                            .into_iter()
                            .enumerate()
                            .map(|(i, c)| {
                                let cell = Cell::new(c);
                                if (1..=5).contains(&i) {
                                    cell.set_alignment(CellAlignment::Right)
                                } else {
                                    cell
                                }
                            })
                            .collect::<Vec<_>>(),
                    );
                }
                writeln!(out, "{t}")?;
            }
            Ok(())
        }
        Format::Markdown => {
            for s in &report.systems {
                if s.system == s.baseline_system {
                    writeln!(out, "### {}\n", s.system.replace('|', "\\|"))?;
                } else {
                    writeln!(
                        out,
                        "### {} against {}\n",
                        s.system.replace('|', "\\|"),
                        s.baseline_system.replace('|', "\\|")
                    )?;
                }
                writeln!(out, "| {} |", HEADER.join(" | "))?;
                writeln!(
                    out,
                    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
                )?;
                for m in &s.metrics {
                    let mut c = cells(m);
                    if m.regression {
                        c[6] = format!("**{}**", c[6]);
                    }
                    writeln!(out, "| {} |", c.join(" | "))?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
        other => render_data(report, other, out),
    }
}

fn render_data(report: &CompareReport, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Table | Format::Markdown => render_systems(report, format, out),
        Format::Html => super::render_compare_html(report, None, out),
        Format::Rouge155 => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "compare has no rouge155 format (it compares sumbench reports: table, json, jsonl, csv, markdown or html)",
        )),
        Format::Json => {
            let mut v = json!(report);
            v["schema"] = json!("sumbench.compare/1");
            v["regressions"] = json!(report.regressions());
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for s in &report.systems {
                for m in &s.metrics {
                    let mut v = json!(m);
                    v["system"] = json!(s.system);
                    v["baseline_system"] = json!(s.baseline_system);
                    serde_json::to_writer(&mut *out, &v)?;
                    writeln!(out)?;
                }
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "system",
                "baseline_system",
                "metric",
                "examples",
                "baseline",
                "current",
                "difference",
                "low",
                "high",
                "p_value",
                "p_holm",
                "change",
                "tolerance",
                "regression",
            ])?;
            for s in &report.systems {
                for m in &s.metrics {
                    let change = serde_json::to_value(m.change)?;
                    w.write_record([
                        s.system.clone(),
                        s.baseline_system.clone(),
                        m.key.clone(),
                        m.examples.to_string(),
                        m.baseline.to_string(),
                        m.current.to_string(),
                        m.difference.to_string(),
                        m.interval.map_or_else(String::new, |i| i.low.to_string()),
                        m.interval.map_or_else(String::new, |i| i.high.to_string()),
                        m.p_value.to_string(),
                        m.p_holm.to_string(),
                        change.as_str().unwrap_or("").to_owned(),
                        m.tolerance.map_or_else(String::new, |t| t.to_string()),
                        m.regression.to_string(),
                    ])?;
                }
            }
            w.flush()
        }
    }
}

fn footer(report: &CompareReport, out: &mut dyn Write, prefix: &str) -> io::Result<()> {
    writeln!(
        out,
        "{prefix}▲/▼: significant change at alpha {} after Holm's correction; = no significant change",
        report.alpha
    )?;
    for n in &report.notes {
        writeln!(out, "{prefix}note: {n}")?;
    }
    let regressions = report.regressions();
    if !report.gates.is_empty() {
        if regressions.is_empty() {
            writeln!(out, "{prefix}gate: passed")?;
        } else {
            writeln!(
                out,
                "{prefix}gate: FAILED on {}",
                crate::wording::count(regressions.len() as u64, "metric", "metrics")
            )?;
            for r in &regressions {
                writeln!(out, "{prefix}  {r}")?;
            }
        }
    }
    if prefix.is_empty() {
        writeln!(out, "signature: {}", report.signature)
    } else {
        writeln!(out, "\n`{}`", report.signature)
    }
}

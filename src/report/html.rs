//! The HTML report (`--format html` on `eval` and `compare`): one self-contained page (inline
//! CSS, inline SVG, a small inline script; no network) with the comparison tables and their
//! intervals as error bars, the coverage × density density plot of each system (Grusky et al.,
//! NEWSROOM 2018), each metric's distribution per system, the verdicts of a comparison, and a
//! per-example table that opens each example's facts highlighted in its texts.
//!
//! The numbers come computed: means and bands from [`Report`], densities and histograms from
//! [`crate::stats::density`], fact checks from [`Report::texts`]. This module lays them out;
//! [plotters](https://docs.rs/plotters) (its SVG backend) draws the plots.
//!
//! Templates: [minijinja](https://docs.rs/minijinja) renders `templates/*.html`, embedded at
//! compile time. It autoescapes every value in an `.html` template (system names, ids and texts
//! are the user's), needs no build step or proc-macro (askama would generate code from the
//! templates at compile time, and maud writes the markup in Rust macros), and its templates
//! read as HTML. The page is deterministic: no clock, no hash-map order, fixed float formats.

use std::io::{self, Write};

use minijinja::{Environment, Value};
use plotters::prelude::*;
use serde::Serialize;

use super::Report;
use crate::evaluate::{Better, Column, Section, SystemResult, columns::ValueSink};
use crate::metrics::facts::{FactKind, FactStatus};
use crate::stats::compare::{Change, CompareReport, LoadedReport, MetricComparison};
use crate::stats::density::{Kde2, histogram, value_range};

/// The most examples listed in the per-example table (and, by the command line, kept with their
/// texts: [`crate::run::RunOptions::texts`]); the plots use every example.
pub const HTML_EXAMPLES: u64 = 500;

/// Histogram bins of the distribution plots.
const BINS: usize = 20;
/// Cells of the density grid along coverage and along log2 density.
const KDE_CELLS: (usize, usize) = (48, 40);
/// The least kernel standard deviations, in coverage and in log2 density (see
/// [`Kde2::new`]): about the width of one grid cell, so that a single summary shows as a
/// visible bump.
const KDE_FLOOR: (f64, f64) = (0.03, 0.2);
/// Densities below this are drawn at it (a summary with nothing copied has density 0).
const DENSITY_MIN: f64 = 0.125;
/// The most summaries drawn as dots over a density plot (more would hide it and swell the page).
const KDE_DOTS: usize = 500;

/// The systems' colours (Tableau 10), in order of first appearance; repeats after ten.
const PALETTE: [RGBColor; 10] = [
    RGBColor(0x4e, 0x79, 0xa7),
    RGBColor(0xf2, 0x8e, 0x2b),
    RGBColor(0xe1, 0x57, 0x59),
    RGBColor(0x76, 0xb7, 0xb2),
    RGBColor(0x59, 0xa1, 0x4f),
    RGBColor(0xed, 0xc9, 0x48),
    RGBColor(0xb0, 0x7a, 0xa1),
    RGBColor(0xff, 0x9d, 0xa7),
    RGBColor(0x9c, 0x75, 0x5f),
    RGBColor(0xba, 0xb0, 0xac),
];

const FONT: &str = "sans-serif";

fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn draw_error(e: impl std::fmt::Debug) -> io::Error {
    io::Error::other(format!("cannot draw a plot: {e:?}"))
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("../../templates/base.html")),
        ("eval.html", include_str!("../../templates/eval.html")),
        ("compare.html", include_str!("../../templates/compare.html")),
        (
            "verdicts.html",
            include_str!("../../templates/verdicts.html"),
        ),
    ] {
        // The templates are part of the program: a syntax error is caught by the tests.
        env.add_template(name, source)
            .expect("the HTML templates parse");
    }
    env
}

fn render_template(name: &str, ctx: Value, out: &mut dyn Write) -> io::Result<()> {
    let env = environment();
    let page = env
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map_err(|e| io::Error::other(format!("cannot render the HTML report: {e:#}")))?;
    out.write_all(page.as_bytes())
}

/// A number as the page prints it.
fn num(v: f64) -> String {
    format!("{v:.4}")
}

// ----- the eval page -----

/// The renderer of [`super::Format::Html`] for a run's report.
pub struct Html;

#[derive(Serialize)]
struct Cell {
    text: String,
    interval: String,
    best: bool,
}

#[derive(Serialize)]
struct Row {
    system: String,
    color: String,
    n: u64,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct SectionView {
    title: &'static str,
    anchor: String,
    columns: Vec<String>,
    rows: Vec<Row>,
    bars: Vec<Value>,
    distributions: Vec<Value>,
}

#[derive(Serialize)]
struct KdeView {
    system: String,
    summaries: usize,
    svg: Value,
}

#[derive(Serialize)]
struct ExampleCell {
    text: String,
    sort: String,
}

#[derive(Serialize)]
struct ExampleRow {
    id: String,
    system: String,
    color: String,
    /// Index into the page's texts data, -1 when the example's texts are not embedded.
    texts: i64,
    /// The candidate's index within the example.
    candidate: usize,
    cells: Vec<ExampleCell>,
    missing: usize,
    unsupported: usize,
}

/// One example's texts for the page's script: offsets in UTF-16 code units (JavaScript's).
#[derive(Serialize)]
struct TextsData<'a> {
    id: &'a str,
    against: &'a str,
    checked: &'a str,
    checked_cut: Option<usize>,
    candidates: Vec<CandidateData<'a>>,
}

#[derive(Serialize)]
struct CandidateData<'a> {
    system: &'a str,
    text: &'a str,
    cut: Option<usize>,
    checks: Vec<CheckData<'a>>,
}

/// One fact check for the script: `[status, kind, text, source start, source end, candidate
/// start, candidate end, detail]` (-1 for no span), an array to keep the page small.
type CheckData<'a> = (
    &'static str,
    &'static str,
    &'a str,
    i64,
    i64,
    i64,
    i64,
    &'a str,
);

fn status_name(s: FactStatus) -> &'static str {
    match s {
        FactStatus::Kept => "kept",
        FactStatus::Missing => "missing",
        FactStatus::Supported => "supported",
        FactStatus::Unsupported => "unsupported",
        FactStatus::Verbatim => "verbatim",
        FactStatus::Altered => "altered",
        FactStatus::Vague => "vague",
    }
}

fn kind_name(k: FactKind) -> &'static str {
    match k {
        FactKind::Number => "number",
        FactKind::Name => "name",
        FactKind::Quote => "quote",
    }
}

/// Byte offsets of `text` to UTF-16 offsets, for spans within it (-1 for none or past the end).
struct Utf16<'a>(&'a str);

impl Utf16<'_> {
    fn span(&self, span: Option<(usize, usize)>) -> (i64, i64) {
        match span {
            Some((s, e))
                if e <= self.0.len()
                    && self.0.is_char_boundary(s)
                    && self.0.is_char_boundary(e) =>
            {
                let a = self.0[..s].encode_utf16().count();
                let b = a + self.0[s..e].encode_utf16().count();
                (a as i64, b as i64)
            }
            _ => (-1, -1),
        }
    }
}

/// JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped, so that no
/// text can close the element.
fn script_json(v: &impl Serialize) -> io::Result<String> {
    let s = serde_json::to_string(v)?;
    Ok(s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}

/// Per column, every example's value for `system` (in example order; undefined values left out).
fn values_of(report: &Report, system: &str) -> Vec<Vec<f64>> {
    let mut out = vec![Vec::new(); report.columns.len()];
    let mut buf = Vec::new();
    for ex in &report.examples {
        for s in ex.systems.iter().filter(|s| s.system == system) {
            buf.clear();
            s.emit(&report.config, &mut ValueSink(&mut buf));
            for (k, v) in buf.iter().enumerate() {
                if let Some(v) = v {
                    out[k].push(*v);
                }
            }
        }
    }
    out
}

fn section_anchor(s: Section) -> String {
    match s {
        Section::Rouge => "rouge",
        Section::Compression => "compression",
        Section::Extractiveness => "extractiveness",
        Section::FactsSource => "facts-source",
        Section::FactsReferences => "facts-references",
    }
    .to_owned()
}

/// The columns of the per-example table: ROUGE F-measures and the first two shown columns of
/// every other section.
fn example_columns(report: &Report) -> Vec<usize> {
    let mut cols = Vec::new();
    for (section, ks) in report.visible_sections() {
        if section == Section::Rouge {
            cols.extend(
                ks.into_iter()
                    .filter(|&k| report.columns[k].key.ends_with(".fmeasure")),
            );
        } else {
            cols.extend(ks.into_iter().take(2));
        }
    }
    cols
}

impl super::Render for Html {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let systems: Vec<&str> = report.systems.iter().map(|s| s.name.as_str()).collect();
        let values: Vec<Vec<Vec<f64>>> = systems.iter().map(|s| values_of(report, s)).collect();
        let best = report.best();
        let has_intervals = report
            .systems
            .iter()
            .any(|s| s.bands.iter().any(Option::is_some));
        let mut sections = Vec::new();
        for (section, ks) in report.visible_sections() {
            let rows = report
                .systems
                .iter()
                .enumerate()
                .map(|(i, s)| Row {
                    system: s.name.clone(),
                    color: hex(color(i)),
                    n: s.examples,
                    cells: ks
                        .iter()
                        .map(|&k| {
                            let band = s.bands.get(k).copied().flatten();
                            Cell {
                                text: band
                                    .map_or_else(|| super::fmt_value(s.means[k]), |b| num(b.mid)),
                                interval: band.map_or_else(String::new, |b| {
                                    format!("[{}, {}]", num(b.low), num(b.high))
                                }),
                                best: best[k][i],
                            }
                        })
                        .collect(),
                })
                .collect();
            let mut bars = Vec::new();
            let mut distributions = Vec::new();
            for &k in &ks {
                bars.push(Value::from_safe_string(error_bars(report, k)?));
                let per_system: Vec<&[f64]> = values.iter().map(|v| v[k].as_slice()).collect();
                if let Some(svg) = distribution(&report.columns[k], &systems, &per_system)? {
                    distributions.push(Value::from_safe_string(svg));
                }
            }
            sections.push(SectionView {
                title: section.title(),
                anchor: section_anchor(section),
                columns: ks
                    .iter()
                    .map(|&k| report.columns[k].label.clone())
                    .collect(),
                rows,
                bars,
                distributions,
            });
        }
        let kde = kde_plots(report, &systems, &values)?;
        // the per-example table
        let cols = example_columns(report);
        let shown = report.examples.len().min(HTML_EXAMPLES as usize);
        let mut texts_data = Vec::new();
        let mut text_index = std::collections::BTreeMap::new();
        for t in &report.texts {
            text_index.insert(t.id.as_str(), texts_data.len() as i64);
            let checked = Utf16(&t.checked.text);
            texts_data.push(TextsData {
                id: &t.id,
                against: t.against,
                checked: &t.checked.text,
                checked_cut: t.checked.cut_from,
                candidates: t
                    .candidates
                    .iter()
                    .map(|c| {
                        let cand = Utf16(&c.text.text);
                        CandidateData {
                            system: &c.system,
                            text: &c.text.text,
                            cut: c.text.cut_from,
                            checks: c
                                .checks
                                .iter()
                                .map(|f| {
                                    let (s0, s1) = checked.span(f.source_span);
                                    let (c0, c1) = cand.span(f.candidate_span);
                                    (
                                        status_name(f.status),
                                        kind_name(f.kind),
                                        f.text.as_str(),
                                        s0,
                                        s1,
                                        c0,
                                        c1,
                                        f.detail.as_str(),
                                    )
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            });
        }
        let mut example_rows = Vec::new();
        let mut buf = Vec::new();
        for ex in report.examples.iter().take(shown) {
            let t = text_index.get(ex.id.as_str()).copied().unwrap_or(-1);
            for (ci, s) in ex.systems.iter().enumerate() {
                buf.clear();
                s.emit(&report.config, &mut ValueSink(&mut buf));
                let (missing, unsupported) = fact_counts(s);
                let si = systems.iter().position(|n| *n == s.system).unwrap_or(0);
                example_rows.push(ExampleRow {
                    id: ex.id.clone(),
                    system: s.system.clone(),
                    color: hex(color(si)),
                    texts: t,
                    candidate: ci,
                    cells: cols
                        .iter()
                        .map(|&k| ExampleCell {
                            text: super::fmt_value(buf[k]),
                            sort: buf[k].map_or_else(String::new, |v| format!("{v:.6}")),
                        })
                        .collect(),
                    missing,
                    unsupported,
                });
            }
        }
        let comparison = (!report.comparisons.is_empty())
            .then(|| verdicts(&report.comparison()))
            .transpose()?;
        let ctx = minijinja::context! {
            signature => report.signature.to_string(),
            examples_total => report.counts.examples,
            systems => report.systems.iter().enumerate().map(|(i, s)| minijinja::context!{
                name => s.name.clone(), color => hex(color(i)), n => s.examples,
            }).collect::<Vec<_>>(),
            notes => report.notes.clone(),
            has_intervals,
            sections => Value::from(minijinja::value::Serde(&sections)),
            kde => Value::from(minijinja::value::Serde(&kde)),
            kde_dots => KDE_DOTS,
            kde_floor => format!("{} in coverage, {} in log2 density", KDE_FLOOR.0, KDE_FLOOR.1),
            example_columns => cols.iter().map(|&k| report.columns[k].label.clone()).collect::<Vec<_>>(),
            example_rows => Value::from(minijinja::value::Serde(&example_rows)),
            examples_shown => shown,
            examples_cap => HTML_EXAMPLES,
            texts_count => report.texts.len(),
            has_facts => report.config.facts,
            texts_json => Value::from_safe_string(script_json(&texts_data)?),
            text_bytes => format!("{} kB", crate::evaluate::texts::TEXT_BYTES / 1000),
            total_text_bytes => format!("{} MB", crate::evaluate::texts::TOTAL_TEXT_BYTES / 1_000_000),
            comparison => Value::from(minijinja::value::Serde(&comparison)),
        };
        render_template("eval.html", ctx, out)
    }
}

/// The missing and unsupported facts of a system's result against the source.
fn fact_counts(s: &SystemResult) -> (usize, usize) {
    s.facts
        .as_ref()
        .and_then(|f| f.lists.as_ref())
        .map_or((0, 0), |l| (l.missing.len(), l.unsupported.len()))
}

/// The x range of a plot of `values`: `[0, 1]` for values there, else padded around them.
fn x_range(values: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let all: Vec<f64> = values.collect();
    let (lo, hi) = value_range(&all).unwrap_or((0.0, 1.0));
    if lo == 0.0 && hi == 1.0 {
        return (0.0, 1.0);
    }
    let pad = (hi - lo) * 0.05;
    (if lo == 0.0 { 0.0 } else { lo - pad }, hi + pad)
}

/// Column `k`'s mean (or band point) and interval per system, as dots with error bars.
fn error_bars(report: &Report, k: usize) -> io::Result<String> {
    let c = &report.columns[k];
    let points: Vec<(usize, f64, f64, f64)> = report
        .systems
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let band = s.bands.get(k).copied().flatten();
            match (band, s.means[k]) {
                (Some(b), _) => Some((i, b.low, b.mid, b.high)),
                (None, Some(m)) => Some((i, m, m, m)),
                _ => None,
            }
        })
        .collect();
    let n = report.systems.len();
    let (w, h) = (300u32, 44 + 22 * n as u32);
    let range = x_range(points.iter().flat_map(|p| [p.1, p.3]));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let names: Vec<String> = report.systems.iter().map(|s| short(&s.name)).collect();
        let arrow = match c.better {
            Better::Higher => " (higher is better)",
            Better::Lower => " (lower is better)",
            Better::Neither => "",
        };
        let mut chart = ChartBuilder::on(&root)
            .caption(format!("{}{arrow}", c.label), (FONT, 15))
            .margin(6)
            .margin_right(16)
            .x_label_area_size(20)
            .y_label_area_size(100)
            .build_cartesian_2d(range.0..range.1, (0..n as i32).into_segmented())
            .map_err(draw_error)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .x_labels(5)
            .x_label_formatter(&|v| format!("{v:.2}"))
            .y_label_formatter(&|v| row_label(v, &names))
            .label_style((FONT, 12))
            .draw()
            .map_err(draw_error)?;
        chart
            .draw_series(points.iter().map(|&(i, lo, mid, hi)| {
                ErrorBar::new_horizontal(
                    SegmentValue::CenterOf((n - 1 - i) as i32),
                    lo,
                    mid,
                    hi,
                    color(i).stroke_width(2),
                    8,
                )
            }))
            .map_err(draw_error)?;
        chart
            .draw_series(points.iter().map(|&(i, _, mid, _)| {
                Circle::new(
                    (mid, SegmentValue::CenterOf((n - 1 - i) as i32)),
                    4,
                    color(i).filled(),
                )
            }))
            .map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    Ok(tag_svg(svg, "errorbars", &c.key))
}

/// The label of a row of a plot with one row per label, the first label on top (as in the
/// tables).
fn row_label(v: &SegmentValue<i32>, labels: &[String]) -> String {
    match v {
        SegmentValue::CenterOf(i) => (labels.len() as i32 - 1 - *i)
            .try_into()
            .ok()
            .and_then(|k: usize| labels.get(k))
            .cloned()
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A system name cut for an axis label.
fn short(name: &str) -> String {
    if name.chars().count() > 16 {
        let mut s: String = name.chars().take(15).collect();
        s.push('…');
        s
    } else {
        name.to_owned()
    }
}

/// Adds a class and a data attribute (escaped) to the root `<svg>` element, for the page's
/// style and for tests.
fn tag_svg(svg: String, class: &str, key: &str) -> String {
    let key = key
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    // inline SVG in HTML needs no namespace: without it the page names no URL at all
    svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
        .replacen(
            "<svg ",
            &format!("<svg class=\"plot {class}\" data-key=\"{key}\" role=\"img\" "),
            1,
        )
}

/// Histograms of one column's per-example values, one row per system (ridgeline style).
/// `None` when no system has a value.
fn distribution(
    column: &Column,
    systems: &[&str],
    values: &[&[f64]],
) -> io::Result<Option<String>> {
    if values.iter().all(|v| v.is_empty()) {
        return Ok(None);
    }
    let (lo, hi) = x_range(values.iter().flat_map(|v| v.iter().copied()));
    let row_h = 34u32;
    let (w, h) = (300u32, 46 + row_h * systems.len() as u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let root = root.titled(&column.label, (FONT, 15)).map_err(draw_error)?;
        let (rows, axis) = root.split_vertically(row_h * systems.len() as u32);
        let areas = rows.split_evenly((systems.len(), 1));
        for (i, (area, v)) in areas.iter().zip(values).enumerate() {
            let counts = histogram(v, lo, hi, BINS);
            let top = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
            let mut chart = ChartBuilder::on(area)
                .margin_left(6)
                .margin_right(12)
                .y_label_area_size(100)
                .build_cartesian_2d(lo..hi, 0.0..1.0)
                .map_err(draw_error)?;
            chart
                .configure_mesh()
                .disable_mesh()
                .disable_x_axis()
                .y_labels(0)
                .axis_style(RGBColor(0xcc, 0xcc, 0xcc))
                .draw()
                .map_err(draw_error)?;
            let wbin = (hi - lo) / BINS as f64;
            chart
                .draw_series(
                    counts
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c > 0)
                        .map(|(b, &c)| {
                            let x0 = lo + b as f64 * wbin;
                            Rectangle::new(
                                [(x0, 0.0), (x0 + wbin, 0.9 * c as f64 / top)],
                                color(i).mix(0.75).filled(),
                            )
                        }),
                )
                .map_err(draw_error)?;
            let label = format!("{} (n={})", short(systems[i]), v.len());
            area.draw(&Text::new(
                label,
                (4, row_h as i32 / 2 - 6),
                (FONT, 12).into_font().color(&BLACK),
            ))
            .map_err(draw_error)?;
        }
        // the shared x axis
        let mut chart = ChartBuilder::on(&axis)
            .margin_left(6)
            .margin_right(12)
            .x_label_area_size(20)
            .y_label_area_size(100)
            .build_cartesian_2d(lo..hi, 0.0..1.0)
            .map_err(draw_error)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .disable_y_axis()
            .x_labels(5)
            .x_label_formatter(&|v| format!("{v:.2}"))
            .label_style((FONT, 12))
            .draw()
            .map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    Ok(Some(tag_svg(svg, "distribution", &column.key)))
}

/// The coverage × density plots, one per system with extractiveness values.
fn kde_plots(
    report: &Report,
    systems: &[&str],
    values: &[Vec<Vec<f64>>],
) -> io::Result<Vec<KdeView>> {
    let find = |key: &str| report.columns.iter().position(|c| c.key == key);
    let (Some(cov), Some(den)) = (find("extractive.coverage"), find("extractive.density")) else {
        return Ok(Vec::new());
    };
    // coverage and density are defined for the same summaries (a source and a token)
    let points: Vec<Vec<(f64, f64)>> = values
        .iter()
        .map(|v| {
            v[cov]
                .iter()
                .zip(&v[den])
                .map(|(&c, &d)| (c, d.max(DENSITY_MIN).log2()))
                .collect()
        })
        .collect();
    let top = points
        .iter()
        .flatten()
        .map(|p| p.1)
        .fold(4.0f64, f64::max)
        .ceil()
        + 1.0;
    let y = (DENSITY_MIN.log2(), top);
    let mut out = Vec::new();
    for (i, pts) in points.iter().enumerate() {
        let Some(kde) = Kde2::new(pts, KDE_FLOOR) else {
            continue;
        };
        let (nx, ny) = KDE_CELLS;
        let grid = kde.grid((0.0, 1.0), y, nx, ny);
        let peak = grid.iter().copied().fold(0.0f64, f64::max);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (320, 280)).into_drawing_area();
            root.fill(&WHITE).map_err(draw_error)?;
            let mut chart = ChartBuilder::on(&root)
                .caption(short(systems[i]), (FONT, 15))
                .margin(8)
                .x_label_area_size(34)
                .y_label_area_size(44)
                .build_cartesian_2d(0.0..1.0, y.0..y.1)
                .map_err(draw_error)?;
            chart
                .configure_mesh()
                .light_line_style(RGBColor(0xf0, 0xf0, 0xf0))
                .x_labels(6)
                .y_labels((y.1 - y.0) as usize + 1)
                .x_label_formatter(&|v| format!("{v:.1}"))
                .y_label_formatter(&|v| {
                    let d = v.exp2();
                    if d < 1.0 {
                        format!("{d:.2}")
                    } else {
                        format!("{d:.0}")
                    }
                })
                .x_desc("extractive fragment coverage")
                .y_desc("density (log scale)")
                .label_style((FONT, 12))
                .axis_desc_style((FONT, 12))
                .draw()
                .map_err(draw_error)?;
            let (wx, wy) = (1.0 / nx as f64, (y.1 - y.0) / ny as f64);
            let base = color(i);
            chart
                .draw_series(grid.iter().enumerate().filter_map(|(k, &d)| {
                    let t = if peak > 0.0 { d / peak } else { 0.0 };
                    // cells under 2% of the peak stay white (and out of the page)
                    (t >= 0.02).then(|| {
                        let (ci, cj) = ((k % nx) as f64, (k / nx) as f64);
                        let x0 = ci * wx;
                        let y0 = y.0 + cj * wy;
                        // quantised shades keep the bytes stable and the page small
                        let shade = (t * 10.0).ceil() / 10.0;
                        Rectangle::new(
                            [(x0, y0), (x0 + wx, y0 + wy)],
                            base.mix(0.08 + 0.8 * shade).filled(),
                        )
                    })
                }))
                .map_err(draw_error)?;
            if pts.len() <= KDE_DOTS {
                chart
                    .draw_series(
                        pts.iter()
                            .map(|&(c, d)| Circle::new((c, d), 2, BLACK.mix(0.7).filled())),
                    )
                    .map_err(draw_error)?;
            }
            root.present().map_err(draw_error)?;
        }
        out.push(KdeView {
            system: systems[i].to_owned(),
            summaries: pts.len(),
            svg: Value::from_safe_string(tag_svg(svg, "kde", systems[i])),
        });
    }
    Ok(out)
}

// ----- comparisons -----

#[derive(Serialize)]
struct VerdictRow {
    key: String,
    label: String,
    examples: usize,
    baseline: String,
    current: String,
    difference: String,
    interval: String,
    p_value: String,
    p_holm: String,
    change: &'static str,
    verdict: &'static str,
    class: &'static str,
    tolerance: String,
}

#[derive(Serialize)]
struct SystemVerdicts {
    system: String,
    baseline_system: String,
    rows: Vec<VerdictRow>,
    plot: Value,
    regressions: usize,
}

#[derive(Serialize)]
struct Verdicts {
    alpha: f64,
    gated: bool,
    gates: Vec<String>,
    regressions: Vec<String>,
    systems: Vec<SystemVerdicts>,
}

fn verdict(m: &MetricComparison) -> (&'static str, &'static str, &'static str) {
    let change = match m.change {
        Change::Better => "better",
        Change::Worse => "worse",
        Change::Same => "no significant change",
    };
    match (m.regression, m.change) {
        (true, _) => (change, "FAIL", "fail"),
        (false, Change::Better) => (change, "▲", "better"),
        (false, Change::Worse) => (change, "▼", "worse"),
        (false, Change::Same) => (change, "=", "same"),
    }
}

fn verdicts(report: &CompareReport) -> io::Result<Verdicts> {
    let systems = report
        .systems
        .iter()
        .map(|s| {
            Ok(SystemVerdicts {
                system: s.system.clone(),
                baseline_system: s.baseline_system.clone(),
                plot: Value::from_safe_string(difference_plot(&s.metrics, &s.system)?),
                regressions: s.metrics.iter().filter(|m| m.regression).count(),
                rows: s
                    .metrics
                    .iter()
                    .map(|m| {
                        let (change, verdict, class) = verdict(m);
                        VerdictRow {
                            key: m.key.clone(),
                            label: m.label.clone(),
                            examples: m.examples,
                            baseline: num(m.baseline),
                            current: num(m.current),
                            difference: format!("{:+.4}", m.difference),
                            interval: m.interval.map_or_else(String::new, |i| {
                                format!("[{:+.4}, {:+.4}]", i.low, i.high)
                            }),
                            p_value: num(m.p_value),
                            p_holm: num(m.p_holm),
                            change,
                            verdict,
                            class,
                            tolerance: m.tolerance.map_or_else(String::new, |t| format!("{t}")),
                        }
                    })
                    .collect(),
            })
        })
        .collect::<io::Result<Vec<_>>>()?;
    Ok(Verdicts {
        alpha: report.alpha,
        gated: !report.gates.is_empty(),
        gates: report
            .gates
            .iter()
            .map(|g| format!("{} (tolerance {})", g.key, g.tolerance))
            .collect(),
        regressions: report.regressions(),
        systems,
    })
}

/// Each metric's difference (current − baseline) with its interval, coloured by verdict.
fn difference_plot(metrics: &[MetricComparison], system: &str) -> io::Result<String> {
    let n = metrics.len().max(1);
    let (w, h) = (560u32, 50 + 20 * n as u32);
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for m in metrics {
        let (a, b) = m
            .interval
            .map_or((m.difference, m.difference), |i| (i.low, i.high));
        lo = lo.min(a);
        hi = hi.max(b);
    }
    let pad = ((hi - lo) * 0.08).max(1e-3);
    let (lo, hi) = (lo - pad, hi + pad);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let labels: Vec<String> = metrics.iter().map(|m| m.key.clone()).collect();
        let mut chart = ChartBuilder::on(&root)
            .caption("difference (current − baseline), 95% interval", (FONT, 15))
            .margin(6)
            .margin_right(20)
            .x_label_area_size(20)
            .y_label_area_size(190)
            .build_cartesian_2d(lo..hi, (0..n as i32).into_segmented())
            .map_err(draw_error)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(RGBColor(0xee, 0xee, 0xee))
            .x_labels(7)
            .x_label_formatter(&|v| format!("{v:+.3}"))
            .y_labels(n)
            .y_label_formatter(&|v| row_label(v, &labels))
            .label_style((FONT, 12))
            .draw()
            .map_err(draw_error)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, SegmentValue::Exact(0)), (0.0, SegmentValue::Last)],
                BLACK.mix(0.5).stroke_width(1),
            )))
            .map_err(draw_error)?;
        let style = |m: &MetricComparison| match (m.regression, m.change) {
            (true, _) => RGBColor(0xc0, 0x1c, 0x28),
            (false, Change::Better) => RGBColor(0x2e, 0x7d, 0x32),
            (false, Change::Worse) => RGBColor(0xe6, 0x7e, 0x22),
            (false, Change::Same) => RGBColor(0x60, 0x60, 0x60),
        };
        chart
            .draw_series(metrics.iter().enumerate().map(|(i, m)| {
                let (a, b) = m
                    .interval
                    .map_or((m.difference, m.difference), |i| (i.low, i.high));
                ErrorBar::new_horizontal(
                    SegmentValue::CenterOf((n - 1 - i) as i32),
                    a,
                    m.difference,
                    b,
                    style(m).stroke_width(2),
                    8,
                )
            }))
            .map_err(draw_error)?;
        chart
            .draw_series(metrics.iter().enumerate().map(|(i, m)| {
                Circle::new(
                    (m.difference, SegmentValue::CenterOf((n - 1 - i) as i32)),
                    4,
                    style(m).filled(),
                )
            }))
            .map_err(draw_error)?;
        root.present().map_err(draw_error)?;
    }
    Ok(tag_svg(svg, "differences", system))
}

#[derive(Serialize)]
struct SystemDistributions {
    system: String,
    plots: Vec<Value>,
}

/// Per system of `report`, the distribution of each compared metric in the baseline and in the
/// current report (every example of each, defined values only).
fn compare_distributions(
    report: &CompareReport,
    baseline: &LoadedReport,
    current: &LoadedReport,
) -> io::Result<Vec<SystemDistributions>> {
    let values = |r: &LoadedReport, system: &str, key: &str| -> Option<Vec<f64>> {
        let k = r.columns.iter().position(|c| c.key == key)?;
        let s = r.systems.iter().position(|n| n == system)? as u32;
        let column = r.values.get(k)?;
        Some(
            r.system_of
                .iter()
                .zip(column)
                .filter(|&(&of, v)| of == s && v.is_finite())
                .map(|(_, &v)| v)
                .collect(),
        )
    };
    let mut out = Vec::new();
    for s in &report.systems {
        let mut plots = Vec::new();
        for m in &s.metrics {
            let (Some(b), Some(c), Some(column)) = (
                values(baseline, &s.baseline_system, &m.key),
                values(current, &s.system, &m.key),
                current.columns.iter().find(|c| c.key == m.key),
            ) else {
                continue;
            };
            if let Some(svg) = distribution(column, &["baseline", "current"], &[&b, &c])? {
                plots.push(Value::from_safe_string(svg));
            }
        }
        if !plots.is_empty() {
            out.push(SystemDistributions {
                system: s.system.clone(),
                plots,
            });
        }
    }
    Ok(out)
}

/// Writes a [`CompareReport`] as the HTML page of `sumbench compare --format html`; with the
/// two reports compared (`inputs`: baseline, current), each metric's distributions too.
pub fn render_compare_html(
    report: &CompareReport,
    inputs: Option<(&LoadedReport, &LoadedReport)>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let distributions = match inputs {
        Some((b, c)) => compare_distributions(report, b, c)?,
        None => Vec::new(),
    };
    let ctx = minijinja::context! {
        signature => report.signature.clone(),
        baseline_signature => report.baseline_signature.clone(),
        notes => report.notes.clone(),
        comparison => Value::from(minijinja::value::Serde(verdicts(report)?)),
        distributions => Value::from(minijinja::value::Serde(&distributions)),
    };
    render_template("compare.html", ctx, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets() {
        let t = Utf16("é 𝔸 Kim");
        // é: 1 unit, space, 𝔸: 2 units, space
        assert_eq!(t.span(Some((8, 11))), (5, 8));
        assert_eq!(t.span(Some((0, 2))), (0, 1));
        assert_eq!(t.span(Some((0, 99))), (-1, -1));
        assert_eq!(t.span(None), (-1, -1));
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let s = script_json(&"</script><!-- & x").unwrap();
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "</script><!-- & x");
    }

    #[test]
    fn templates_parse() {
        let _ = environment();
    }
}

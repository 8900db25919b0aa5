//! `sumbench explain`: every fact of a source and a candidate with its status (kept, missing,
//! supported, unsupported, verbatim, altered, vague) and where it occurs in both texts.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use comfy_table::{Cell, ContentArrangement, presets::UTF8_FULL_CONDENSED};
use serde_json::json;
use sumbench::dataset::input::open;
use sumbench::dataset::pair::PairConfig;
use sumbench::dataset::read_to_string;
use sumbench::metrics::facts::{self, CategoryCounts, FactReport};

use super::Failure;
use super::eval::InputArgs;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The source document (instead of a dataset).
    #[arg(long)]
    source: Option<PathBuf>,
    /// The candidate summary (instead of a dataset).
    #[arg(long)]
    candidate: Option<PathBuf>,
    /// With a dataset: the id of the example to explain.
    #[arg(long)]
    id: Option<String>,
    /// With a dataset: the system to explain (default: every system of the example).
    #[arg(long)]
    system: Option<String>,
    /// Output format: table or json.
    #[arg(long, default_value = "table")]
    format: String,
}

/// 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn place(text: &str, span: Option<(usize, usize)>) -> String {
    span.map_or_else(String::new, |(s, _)| {
        let (l, c) = line_col(text, s);
        format!("{l}:{c}")
    })
}

fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

fn counts_row(name: &str, c: &CategoryCounts) -> Vec<String> {
    vec![
        name.to_owned(),
        format!("{}/{}", c.kept, c.source_distinct),
        share(c.retention()),
        format!("{}/{}", c.supported, c.candidate_distinct),
        share(c.support()),
    ]
}

fn render(
    out: &mut dyn Write,
    title: &str,
    source: &str,
    candidate: &str,
    report: &FactReport,
    format: &str,
) -> anyhow::Result<()> {
    if format == "json" {
        let checks: Vec<_> = report
            .checks
            .iter()
            .map(|c| {
                let mut v = json!(c);
                v["source_at"] = json!(place(source, c.source_span));
                v["candidate_at"] = json!(place(candidate, c.candidate_span));
                v
            })
            .collect();
        let mut v = json!({"example": title, "report": report});
        v["report"]["checks"] = json!(checks);
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{title}")?;
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(vec!["facts", "kept", "retention", "supported", "support"]);
    for (name, c) in [
        ("numbers", &report.numbers),
        ("names", &report.names),
        ("quotes", &report.quotes),
        ("all", &report.overall),
    ] {
        t.add_row(counts_row(name, c));
    }
    writeln!(out, "{t}")?;
    if !report.names_assessable {
        writeln!(
            out,
            "note: the candidate has no capital letters, so its names cannot be found; name support is not assessed"
        )?;
    }
    let mut t = comfy_table::Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120);
    t.set_header(vec![
        "status",
        "kind",
        "fact",
        "source at",
        "candidate at",
        "detail",
    ]);
    for c in &report.checks {
        let status = serde_json::to_value(c.status)?;
        let kind = serde_json::to_value(c.kind)?;
        let detail = match (&c.diff, c.similarity) {
            (Some(d), Some(sim)) => format!(
                "similarity {sim:.2}; removed: {}; added: {}",
                d.removed.join(" "),
                d.added.join(" ")
            ),
            _ if c.approximate => "approximate".to_owned(),
            _ => String::new(),
        };
        t.add_row(vec![
            Cell::new(status.as_str().unwrap_or("")),
            Cell::new(kind.as_str().unwrap_or("")),
            Cell::new(&c.text),
            Cell::new(place(source, c.source_span)),
            Cell::new(place(candidate, c.candidate_span)),
            Cell::new(detail),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

pub fn run(args: ExplainArgs) -> Result<(), Failure> {
    if !(args.format == "table" || args.format == "json") {
        return Err(anyhow::anyhow!("--format must be table or json for explain").into());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match (&args.source, &args.candidate) {
        (Some(s), Some(c)) => {
            let source = read_to_string(s)?;
            let candidate = read_to_string(c)?;
            let report = facts::check(&source, &candidate);
            let title = format!("{} against {}", c.display(), s.display());
            render(&mut out, &title, &source, &candidate, &report, &args.format)?;
        }
        (None, None) => {
            let id = args.id.as_deref().ok_or_else(|| {
                anyhow::anyhow!("give --source and --candidate, or a dataset with --id")
            })?;
            let loaded = open(&args.input.spec(), &PairConfig::default())?;
            let name = loaded.name.clone();
            let mut found = false;
            for rec in loaded.records {
                let ex = loaded.finisher.finish(rec?)?;
                if ex.id != id {
                    continue;
                }
                found = true;
                let source = ex.source.clone().ok_or_else(|| {
                    anyhow::anyhow!(
                        "{name}: example '{id}' has no source: nothing to check facts against"
                    )
                })?;
                let source_doc = facts::FactDoc::new(&source);
                let mut any = false;
                for c in &ex.candidates {
                    if args.system.as_ref().is_some_and(|s| *s != c.system) {
                        continue;
                    }
                    any = true;
                    let report = facts::compare(&source_doc, &facts::FactDoc::new(&c.text));
                    let title = format!("example '{id}', system '{}'", c.system);
                    render(&mut out, &title, &source, &c.text, &report, &args.format)?;
                }
                if !any {
                    return Err(anyhow::anyhow!(
                        "{name}: example '{id}' has no system '{}'",
                        args.system.as_deref().unwrap_or("")
                    )
                    .into());
                }
                break;
            }
            if !found {
                return Err(anyhow::anyhow!("{name}: no example with id '{id}'").into());
            }
        }
        _ => {
            return Err(anyhow::anyhow!("--source and --candidate go together").into());
        }
    }
    out.flush()?;
    Ok(())
}

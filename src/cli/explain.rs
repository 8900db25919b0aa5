//! `sumbench explain`: every fact of a source and a candidate with its status (kept, missing,
//! supported, unsupported, verbatim, altered, vague) and where it occurs in both texts.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use sumbench::dataset::input::open;
use sumbench::dataset::pair::PairConfig;
use sumbench::dataset::read_to_string;
use sumbench::metrics::facts;
use sumbench::report::render_facts;

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
            render_facts(
                &mut out,
                &title,
                &source,
                &candidate,
                &report,
                args.format == "json",
            )?;
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
                    render_facts(
                        &mut out,
                        &title,
                        &source,
                        &c.text,
                        &report,
                        args.format == "json",
                    )?;
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

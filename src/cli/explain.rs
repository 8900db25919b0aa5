//! `sumbench explain`: every fact of a candidate with its status (kept, missing, supported,
//! unsupported, verbatim, altered, vague) against its source or its references, and where it
//! occurs in both texts.

use std::path::{Path, PathBuf};

use crate::dataset::input::open;
use crate::dataset::pair::PairConfig;
use crate::dataset::{Candidate, Example, read_to_string};
use crate::metrics::facts;
use crate::report::{Format, render_facts};
use clap::Args;

use super::eval::InputArgs;
use super::{Failure, output};

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
    /// A reference summary (instead of a dataset); repeat for several (they are checked
    /// against as one text).
    #[arg(long = "reference", value_name = "FILE")]
    reference_files: Vec<PathBuf>,
    /// What to check the candidate's facts against: the source, the references, both, or
    /// auto (the source when there is one, else the references).
    #[arg(long, default_value = "auto", value_parser = ["auto", "source", "references", "both"])]
    against: String,
    /// With a dataset: the id of the example to explain.
    #[arg(long)]
    id: Option<String>,
    /// With a dataset: the system to explain (default: every system of the example).
    #[arg(long)]
    system: Option<String>,
    /// The texts' language (ISO 639-1 code or English name) for the fact rules (numbers'
    /// decimal separators, which capitals mark names, quotation marks), or auto: the example's
    /// `lang` field, else whatlang's detection. Default: English.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Output format: table, json or markdown.
    #[arg(long, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: ExplainArgs) -> Result<(), Failure> {
    if !matches!(args.format, Format::Table | Format::Json | Format::Markdown) {
        return Err(anyhow::anyhow!("--format must be table, json or markdown for explain").into());
    }
    let (example, name) = match (&args.source, &args.candidate) {
        (_, Some(c)) => (from_files(&args, c)?, None),
        (Some(_), None) => {
            return Err(anyhow::anyhow!("--source needs --candidate").into());
        }
        (None, None) => {
            let (ex, name) = from_dataset(&args)?;
            (ex, Some(name))
        }
    };
    let name = name.as_deref().unwrap_or("the files");
    let id = &example.id;
    let mut sides: Vec<(&str, String)> = Vec::new();
    let joined_refs = example.references.join("\n");
    let want = |side: &str| args.against == side || args.against == "both";
    let auto = args.against == "auto";
    if want("source") || (auto && example.source.is_some()) {
        let source = example.source.clone().ok_or_else(|| {
            anyhow::anyhow!("{name}: example '{id}' has no source: nothing to check facts against (try --against references)")
        })?;
        sides.push(("the source", source));
    }
    if want("references") || (auto && example.source.is_none()) {
        if example.references.is_empty() {
            return Err(anyhow::anyhow!(
                "{name}: example '{id}' has no reference to check facts against"
            )
            .into());
        }
        sides.push(("the references", joined_refs));
    }
    let lang = explain_language(&args, &example)?;
    let mut out = output(&args.output)?;
    if let Some(note) = facts::unmeasured_note(lang) {
        eprintln!("sumbench: note: {note}");
    }
    let mut any = false;
    for (what, text) in &sides {
        let doc = facts::FactDoc::with_lang(text, lang);
        for c in &example.candidates {
            if args.system.as_ref().is_some_and(|s| *s != c.system) {
                continue;
            }
            any = true;
            let report = facts::compare(&doc, &facts::FactDoc::with_lang(&c.text, lang));
            let title = match (&args.candidate, &args.source) {
                (Some(cf), Some(sf)) if *what == "the source" => {
                    format!("{} against {}", cf.display(), sf.display())
                }
                (Some(cf), _) => format!("{} against {what}", cf.display()),
                _ if sides.len() > 1 || *what != "the source" => {
                    format!("example '{id}', system '{}', against {what}", c.system)
                }
                _ => format!("example '{id}', system '{}'", c.system),
            };
            render_facts(&mut out, &title, text, &c.text, &report, args.format)?;
        }
    }
    if !any {
        return Err(anyhow::anyhow!(
            "{name}: example '{id}' has no system '{}'",
            args.system.as_deref().unwrap_or("")
        )
        .into());
    }
    out.commit()?;
    Ok(())
}

/// The language of `--lang` (ISO 639-1), English without it; `auto`: the example's declared
/// language, else the one detected in its source (else its first reference, else its first
/// candidate).
fn explain_language(args: &ExplainArgs, example: &Example) -> Result<&'static str, Failure> {
    use crate::text::multilingual::{detect_language, language_code};
    match args.lang.as_deref() {
        None => Ok("en"),
        Some("auto") => Ok(example
            .lang
            .as_deref()
            .and_then(language_code)
            .or_else(|| {
                let text = example
                    .source
                    .as_deref()
                    .or(example.references.first().map(String::as_str))
                    .or(example.candidates.first().map(|c| c.text.as_str()))?;
                detect_language(text)
            })
            .unwrap_or("und")),
        Some(l) => language_code(l).ok_or_else(|| {
            anyhow::anyhow!(
                "--lang {l:?}: unknown language (an ISO 639-1 code such as fr, or an English name)"
            )
            .into()
        }),
    }
}

/// The example of `--candidate` (with `--source` and `--reference` files), cleaned with
/// `--clean` exactly as a dataset's example is.
fn from_files(args: &ExplainArgs, candidate: &Path) -> Result<Example, Failure> {
    if args.id.is_some() {
        return Err(anyhow::anyhow!("--id goes with a dataset, not with --candidate").into());
    }
    let mut example = Example {
        id: "1".to_owned(),
        line: 1,
        source: args.source.as_deref().map(read_to_string).transpose()?,
        references: args
            .reference_files
            .iter()
            .map(|p| read_to_string(p))
            .collect::<Result<_, _>>()?,
        candidates: vec![Candidate {
            system: "candidate".to_owned(),
            text: read_to_string(candidate)?,
        }],
        removed_lines: 0,
        lang: None,
    };
    if args.input.clean && !args.input.no_clean {
        example.clean();
    }
    Ok(example)
}

/// The example `--id` of the dataset, and the dataset's name.
fn from_dataset(args: &ExplainArgs) -> Result<(Example, String), Failure> {
    let id = args.id.as_deref().ok_or_else(|| {
        anyhow::anyhow!("give --candidate (and --source or --reference), or a dataset with --id")
    })?;
    let loaded = open(&args.input.spec(), &PairConfig::default())?;
    let name = loaded.name.clone();
    for rec in loaded.records {
        let ex = loaded.finisher.finish(rec?)?;
        if ex.id == id {
            return Ok((ex, name));
        }
    }
    Err(anyhow::anyhow!("{name}: no example with id '{id}'").into())
}

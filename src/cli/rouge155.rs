//! `sumbench rouge155`: the ROUGE-1.5.5 script's command line, verbatim, without Perl.

use std::io::Write;
use std::path::Path;

use crate::rouge155::{self, Warnings, config, options::Options, report, text};
use clap::Args;

/// The usage text (`-h`, `-H`, `--help`).
const USAGE: &str = "\
sumbench rouge155: ROUGE-1.5.5 without Perl (the same numbers and report as ROUGE-1.5.5.pl)

Usage: sumbench rouge155 [options] <ROUGE-eval-config-file> [<systemID>]

Options (those of ROUGE-1.5.5.pl):
  -a          evaluate all systems (peers) of the configuration file
  -c CF       CF% confidence interval (default 95)
  -d          print per evaluation scores
  -e DIR      ROUGE data directory: optional, the stop list and WordNet exception table are
              built in (DIR/smart_common_words.txt is used for -s when it exists)
  -b N | -l N only use the first N bytes | words of every summary
  -m          stem with ROUGE-1.5.5's Porter stemmer and WordNet exceptions
  -M          stem the models only (as the script does it)
  -n N        compute ROUGE-1 to ROUGE-N
  -s          remove stop words (the SMART list of the distribution)
  -r N        bootstrap resamples (default 1000)
  -2 D        skip bigrams (ROUGE-S) with at most D words between (D < 0: no limit)
  -u          include unigrams in skip bigrams (ROUGE-SU); -U: both ROUGE-S and ROUGE-SU
  -w W        ROUGE-W with weight W
  -x          do not compute ROUGE-L
  -f A|B      scoring formula: A model average (default), B best model
  -p ALPHA    F-measure weight of precision (0..1, default 0.5)
  -t 0|1|2    average by sentence (0), by token (1), or print raw counts (2)
  -z SEE|SPL|ISI  the configuration file is a list of `peer model1 model2 ...` lines
  -v          accepted (the script's debugging output is not reproduced)
  -h, -H      this help

Out of scope: Basic Elements (-3, -z SIMPLE).
The configuration file is ROUGE-1.5.5's XML (<EVAL ID> with PEER-ROOT, MODEL-ROOT,
INPUT-FORMAT TYPE=SEE|SPL|ISI, PEERS, MODELS), as pyrouge, files2rouge and SummEval write it.
The report on standard output is the script's, byte for byte; warnings go to standard error.
";

/// Arguments of `sumbench rouge155`: ROUGE-1.5.5.pl's own, verbatim.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct Rouge155Args {
    /// The options and arguments of ROUGE-1.5.5.pl (`-h` for them).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
    args: Vec<String>,
}

pub fn run(args: Rouge155Args) -> Result<(), super::Failure> {
    if args.args.iter().any(|a| a == "--help") {
        print!("{USAGE}");
        return Ok(());
    }
    let o = Options::parse(&args.args).map_err(|e| anyhow::anyhow!("rouge155: {e}"))?;
    if o.help {
        print!("{USAGE}");
        return Ok(());
    }
    let path = Path::new(&o.config);
    let text = std::fs::read(path).map_err(|e| anyhow::anyhow!("Cannot open {}: {e}", o.config))?;
    let text = String::from_utf8_lossy(&text);
    let cfg = match &o.file_list {
        Some(z) => {
            let format = config::FileFormat::parse(z).map_err(anyhow::Error::msg)?;
            let system = o.system.as_deref().unwrap_or("X");
            config::parse_file_list(&text, path, format, system)
        }
        None => config::parse_xml(&text, path),
    }
    .map_err(anyhow::Error::msg)?;
    let custom_stop;
    let stop = if o.stop_words {
        let from_dir = o
            .data_dir
            .as_ref()
            .map(|d| Path::new(d).join("smart_common_words.txt"))
            .filter(|p| p.is_file());
        match from_dir {
            Some(p) => {
                let bytes = std::fs::read(&p)
                    .map_err(|e| anyhow::anyhow!("Cannot open {}: {e}", p.display()))?;
                custom_stop = text::parse_stop_words(&bytes);
                Some(&custom_stop)
            }
            None => Some(text::builtin_stop_words()),
        }
    } else {
        None
    };
    let mut warnings = Warnings::default();
    let blocks = rouge155::evaluate(&o, &cfg, stop, &mut warnings)?;
    for w in &warnings.0 {
        eprintln!("{w}");
    }
    let out = report::render(&blocks, &o.confidence, o.counting, o.per_eval);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// The dataset mode (`eval --rouge155 OPTIONS`, `score --rouge155 OPTIONS`): every example an
/// evaluation, every system a peer, every reference a model; the script's report with
/// `--format rouge155` (or `table`), per-example values and corpus figures in JSON, JSONL or
/// CSV.
pub fn run_dataset(
    options: &str,
    examples: impl Iterator<Item = anyhow::Result<crate::dataset::Example>>,
    skip_invalid: bool,
    format: crate::report::Format,
    output: &Option<std::path::PathBuf>,
) -> Result<(), super::Failure> {
    use crate::report::Format;
    let o = Options::parse_mode(options).map_err(|e| anyhow::anyhow!("{e}"))?;
    if format == Format::Markdown {
        return Err(anyhow::anyhow!(
            "--rouge155 writes rouge155 (or table), json, jsonl or csv, not markdown"
        )
        .into());
    }
    let mut data = rouge155::dataset::DatasetEvals::default();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut invalid: Vec<String> = Vec::new();
    for e in examples {
        match e {
            Ok(e) => data.add(&e, &mut seen).map_err(anyhow::Error::msg)?,
            Err(e) if skip_invalid => invalid.push(super::message(&e)),
            Err(e) => return Err(e.into()),
        }
    }
    data.finish();
    for s in invalid.iter().take(20) {
        eprintln!("sumbench: warning: skipped: {s}");
    }
    if !data.skipped.is_empty() {
        eprintln!(
            "sumbench: warning: {} left out of ROUGE-1.5.5 (it needs a reference as its model): {}{}",
            crate::wording::count(data.skipped.len() as u64, "example", "examples"),
            data.skipped
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
            if data.skipped.len() > 5 { "; …" } else { "" }
        );
    }
    if data.evals.is_empty() {
        return Err(
            anyhow::anyhow!("no example with a reference and a candidate to evaluate").into(),
        );
    }
    let stop = o.stop_words.then(text::builtin_stop_words);
    let mut warnings = Warnings::default();
    let blocks = rouge155::evaluate_loaded(&o, &data.evals, &data.systems, stop, &mut warnings);
    for w in &warnings.0 {
        eprintln!("{w}");
    }
    let text = match format {
        Format::Json => {
            rouge155::dataset::json(&o, &data.evals, &data.systems, &blocks, &data.skipped)
        }
        Format::Jsonl => rouge155::dataset::jsonl(&data.evals, &data.systems, &blocks),
        Format::Csv => rouge155::dataset::csv(&data.evals, &data.systems, &blocks)?,
        _ => report::render(&blocks, &o.confidence, o.counting, o.per_eval),
    };
    if !matches!(format, Format::Json) {
        eprintln!(
            "sumbench: note: signature: {}",
            rouge155::dataset::signature(&o)
        );
    }
    let mut out = super::output(output)?;
    out.write_all(text.as_bytes())?;
    out.commit()?;
    Ok(())
}

//! `sumbench rouge155`: the ROUGE-1.5.5 script's command line, verbatim, without Perl.

use std::io::Write;
use std::path::Path;

use clap::Args;
use sumbench::rouge155::{self, Warnings, config, options::Options, report, text};

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

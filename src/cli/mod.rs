//! Command-line wiring: one file per subcommand. This layer only parses options, calls the
//! library stages in order and writes their output.

mod compare;
mod eval;
mod explain;
mod merge;
mod pair;
mod rouge155;
mod score;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::evaluate::MetricName;
use crate::report::Format;
use crate::text::Stemmer;
use clap::{Args, Parser, Subcommand};

/// Benchmark and evaluation harness for text summarisation.
#[derive(Debug, Parser)]
#[command(name = "sumbench", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score one candidate against one or more references.
    Score(score::ScoreArgs),
    /// Evaluate a dataset (JSONL, CSV/TSV, line-aligned files or a directory) and print a
    /// comparison report.
    Eval(eval::EvalArgs),
    /// Merge the shard files of a sharded run (`eval --shard K/N`) into its report: the report
    /// of the run over all the data, byte for byte.
    Merge(merge::MergeArgs),
    /// Group a directory's documents by story and pick each group's source.
    Pair(pair::PairArgs),
    /// Compare two JSON reports: differences, intervals, p-values, and a regression gate.
    Compare(compare::CompareArgs),
    /// List every fact (number, name, quote) of a source and a candidate with its status.
    Explain(explain::ExplainArgs),
    /// ROUGE-1.5.5 without Perl: the script's command line, numbers and report (`-h` for its
    /// options; Basic Elements are out of scope).
    Rouge155(rouge155::Rouge155Args),
}

/// Options shared by the scoring subcommands.
#[derive(Debug, Clone, Args)]
struct MetricArgs {
    /// Metrics, comma-separated: ROUGE types (rouge1..rouge9, rougeL, rougeLsum), compression
    /// and extractive (examples with a source), facts (against the source and references).
    #[arg(long, value_delimiter = ',', default_value = DEFAULT_METRICS)]
    metrics: Vec<MetricName>,
    /// Stemmer for ROUGE tokens longer than three characters (with --lang other than
    /// English: snowball picks the language's stemmer, as multilingual-rouge does).
    #[arg(long, default_value = "none")]
    stemmer: Stemmer,
    /// The texts' language (ISO 639-1 code or English name), or auto to detect it per example
    /// (whatlang, recorded per example in the JSON and JSONL reports). Other than English,
    /// ROUGE and extractiveness use multilingual-rouge's Unicode tokenizer (`--tokenizer
    /// unicode`).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// ROUGE tokenizer: rouge-score (ASCII, the default for English) or unicode
    /// (multilingual-rouge's, the default for other languages).
    #[arg(long, value_parser = ["rouge-score", "unicode"])]
    tokenizer: Option<String>,
    /// Word segmenter for a script written without spaces (with --tokenizer unicode): the
    /// language's (jieba for Chinese, newmm for Thai, ICU4X's for Japanese, Lao and Khmer,
    /// multilingual-rouge's syllable rules for Burmese) unless one is named here; none splits
    /// on spaces only.
    #[arg(long, value_name = "NAME", value_parser = ["jieba", "newmm", "icu", "burmese", "none"])]
    segmenter: Option<String>,
    /// Output format: table, json, jsonl, csv, markdown or html (one self-contained page: tables
    /// with intervals as error bars, coverage × density and score distributions per system,
    /// and every example's facts; `eval --format html` adds --confidence).
    #[arg(long, default_value = "table")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// The metrics computed when `--metrics` is not given.
const DEFAULT_METRICS: &str = "rouge1,rouge2,rougeL,rougeLsum,compression,extractive,facts";

impl MetricArgs {
    /// The configuration of these options' metrics, tokenizer and language.
    fn eval_config(&self, metrics: &[MetricName]) -> Result<crate::evaluate::EvalConfig, Failure> {
        use crate::text::Tokenization;
        use crate::text::multilingual::{LangStemmer, language_code};
        use crate::text::segment::Segmenter;
        let mut config = crate::evaluate::EvalConfig::from_metrics(metrics, self.stemmer);
        if self.lang.as_deref() == Some("auto") {
            if self.tokenizer.as_deref() == Some("rouge-score") || self.segmenter.is_some() {
                return Err(anyhow::anyhow!(
                    "--lang auto picks the Unicode tokenizer and each language's segmenter: drop --tokenizer rouge-score and --segmenter"
                )
                .into());
            }
            config.tokenization = match self.stemmer {
                Stemmer::None => Tokenization::Auto { stem: false },
                Stemmer::Snowball => Tokenization::Auto { stem: true },
                Stemmer::Porter => {
                    return Err(anyhow::anyhow!(
                        "--lang auto stems with each language's stemmer: use --stemmer snowball (or none)"
                    )
                    .into());
                }
            };
            return Ok(config);
        }
        let lang = match &self.lang {
            Some(l) => Some(language_code(l).ok_or_else(|| {
                anyhow::anyhow!("--lang {l:?}: unknown language (an ISO 639-1 code such as fr, or an English name)")
            })?),
            None => None,
        };
        let unicode = match self.tokenizer.as_deref() {
            Some("unicode") => true,
            Some(_) => false,
            None => lang.is_some_and(|l| l != "en"),
        };
        if !unicode {
            if self.segmenter.is_some() {
                return Err(anyhow::anyhow!(
                    "--segmenter needs --tokenizer unicode (or a --lang other than English)"
                )
                .into());
            }
            if let Some(l) = lang.filter(|l| *l != "en") {
                return Err(anyhow::anyhow!(
                    "--lang {l} with --tokenizer rouge-score: rouge-score's tokenizer drops every non-ASCII letter; use --tokenizer unicode"
                )
                .into());
            }
            return Ok(config);
        }
        let lang = lang.unwrap_or("en");
        let seg = match self.segmenter.as_deref() {
            None => Segmenter::for_lang(lang),
            Some("none") => None,
            Some(name) => Some(
                Segmenter::from_name(name)
                    .ok_or_else(|| anyhow::anyhow!("--segmenter {name:?}: unknown segmenter"))?,
            ),
        };
        let stem = match self.stemmer {
            Stemmer::None => None,
            Stemmer::Porter => {
                return Err(anyhow::anyhow!(
                    "--tokenizer unicode stems with the language's stemmer: use --stemmer snowball (or none)"
                )
                .into());
            }
            Stemmer::Snowball => Some(LangStemmer::for_lang(lang).ok_or_else(|| {
                anyhow::anyhow!("--lang {lang}: no stemmer of multilingual-rouge's is reproduced for this language yet; use --stemmer none")
            })?),
        };
        config.tokenization = Tokenization::Unicode { lang, stem, seg };
        Ok(config)
    }

    /// Whether `--metrics` names something other than the default set.
    fn metrics_given_explicitly(&self) -> bool {
        let default: Vec<MetricName> = DEFAULT_METRICS
            .split(',')
            .filter_map(|m| m.parse().ok())
            .collect();
        self.metrics != default
    }
}

/// An error with its exit code.
pub struct Failure {
    code: u8,
    error: anyhow::Error,
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure {
            code: 2,
            error: e.into(),
        }
    }
}

/// Where a command's output goes: standard output, or the `--output` file, written
/// atomically. The file's bytes go to a temporary file beside it, which [`Output::commit`]
/// flushes, syncs and renames over the named file once the output is complete; dropped
/// without a commit (an error, a panic) the temporary file is removed and the named file is
/// left as it was. A run killed outright leaves at most a hidden `.NAME.*.partial` file, never
/// a half report under the name that `compare` or `merge` would read.
struct Output {
    writer: std::io::BufWriter<Sink>,
    target: Option<PathBuf>,
}

enum Sink {
    Stdout(std::io::Stdout),
    File(tempfile::NamedTempFile),
    /// Something other than a regular file (`/dev/null`, a pipe, a terminal): written in
    /// place, since renaming a file over it would replace it.
    Special(std::fs::File),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File(f) => f.write(buf),
            Sink::Special(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File(f) => f.flush(),
            Sink::Special(f) => f.flush(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.writer.write_all(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

impl Output {
    /// Completes the output: flushes it and, for a file, moves it into place.
    fn commit(self) -> anyhow::Result<()> {
        let sink = self
            .writer
            .into_inner()
            .map_err(|e| crate::Error::Output(e.into_error()))?;
        match (sink, self.target) {
            (Sink::File(file), Some(path)) => {
                file.as_file()
                    .sync_all()
                    .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
                file.persist(&path).map_err(|e| {
                    anyhow::anyhow!("{}: cannot write: {}", path.display(), e.error)
                })?;
                Ok(())
            }
            (mut sink, _) => Ok(sink.flush().map_err(crate::Error::Output)?),
        }
    }
}

/// A temporary file in the directory of `path` (so that renaming it over `path` is atomic),
/// named `.NAME.XXXXXX.partial`, with the permissions a plain create would give it.
fn temporary_beside(path: &std::path::Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".partial");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // 0o666 before the umask, as `File::create`
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(dir)
        .map_err(|e| anyhow::anyhow!("{}: cannot create: {e}", path.display()))
}

/// Writes `bytes` to `path` atomically (a temporary file renamed over it).
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = Output {
        writer: std::io::BufWriter::new(Sink::File(temporary_beside(path)?)),
        target: Some(path.to_owned()),
    };
    out.write_all(bytes)
        .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
    out.commit()
}

/// Opens the output named by `--output` (atomically written: [`Output`]), or standard output.
fn output(path: &Option<PathBuf>) -> anyhow::Result<Output> {
    Ok(match path {
        Some(p) if std::fs::metadata(p).is_ok_and(|m| !m.is_file()) => {
            if p.is_dir() {
                return Err(anyhow::anyhow!("{}: is a directory", p.display()));
            }
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .map_err(|e| anyhow::anyhow!("{}: cannot open: {e}", p.display()))?;
            Output {
                writer: std::io::BufWriter::with_capacity(1 << 16, Sink::Special(file)),
                target: None,
            }
        }
        Some(p) => {
            // through a symbolic link: the file it points to is the one replaced
            let p = match std::fs::symlink_metadata(p) {
                Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(p)
                    .map_err(|e| anyhow::anyhow!("{}: cannot resolve: {e}", p.display()))?,
                _ => p.clone(),
            };
            Output {
                writer: std::io::BufWriter::with_capacity(
                    1 << 16,
                    Sink::File(temporary_beside(&p)?),
                ),
                target: Some(p),
            }
        }
        // Unlocked (a lock is not `Send`): the buffer writes in large chunks, one lock each.
        None => Output {
            writer: std::io::BufWriter::with_capacity(1 << 16, Sink::Stdout(std::io::stdout())),
            target: None,
        },
    })
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    ExitCode::from(run_args(std::env::args_os()))
}

/// Runs a command line given as its words (the program's name first, as `argv`) and returns
/// its exit code: 0 success, 1 a gated regression, 2 bad input or usage. Errors are printed on
/// standard error, reports on standard output or their `-o` file.
pub fn run_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return 0;
            }
            // One prefix for every error, clap's usage errors included.
            let text = e.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text);
            eprint!("sumbench: error: {text}");
            return 2;
        }
    };
    let result = match cli.command {
        Command::Score(args) => score::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Pair(args) => pair::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Rouge155(args) => rouge155::run(args),
    };
    match result {
        Ok(()) => 0,
        Err(f) => {
            // A closed pipe (`| head`) is not an error worth reporting.
            let io = match f.error.downcast_ref::<crate::Error>() {
                Some(crate::Error::Output(io)) => Some(io),
                _ => f.error.downcast_ref::<std::io::Error>(),
            };
            if io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
                return 0;
            }
            eprintln!("sumbench: error: {}", message(&f.error));
            f.code
        }
    }
}

/// The error with its causes, each cause added only when the text so far does not already
/// say it (the library's messages quote their underlying error).
fn message(error: &anyhow::Error) -> String {
    let mut text = crate::wording::one_line(&error.to_string()).into_owned();
    for cause in error.chain().skip(1) {
        let cause = crate::wording::one_line(&cause.to_string()).into_owned();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

//! Writes the deterministic benchmark corpus as JSONL files that `sumbench eval` reads.
//!
//! ```sh
//! cargo run --release --example make_bench_corpus -- OUT_DIR [--pairs N] [--seed S]
//!     [--only KIND,KIND...] [--count KIND=N]...
//! ```
//!
//! One file per kind, `OUT_DIR/KIND.jsonl`, one example per line:
//! `{"id","references":[...],"candidate"}`, with a `"source"` before the references for the
//! kinds that have one. Kinds and default counts:
//!
//! | file | pairs | shape |
//! |---|---|---|
//! | `short.jsonl` | 11,490 (`--pairs`; the size of CNN/DM test) | ~60-word reference and candidate |
//! | `article.jsonl` | 1,000 | ~800-word source, ~60-word reference and candidate |
//! | `article800.jsonl` | 200 | ~800-word source, reference and candidate |
//! | `lsum1k.jsonl` | 500 | ~1,000-word reference and candidate, one sentence per line |
//! | `longsum.jsonl` | 100 | ~10,000-word source, ~200-word reference and candidate |
//! | `long.jsonl` | 10 | ~10,000-word source, reference and candidate |
//!
//! The texts are built from the sentences of `datasets/seed-news/*.txt` (see
//! `benches/common/corpus.rs`). The output is byte-identical for the same arguments, and a file
//! of `N` pairs is a prefix of the file of `M > N` pairs.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use corpus::{DEFAULT_SEED, Kind, Seeds};
use rayon::prelude::*;

const USAGE: &str = "usage: make_bench_corpus OUT_DIR [--pairs N] [--seed S] \
[--only KIND,...] [--count KIND=N]...\n\
kinds: short (default 11490 pairs, --pairs), article (1000), article800 (200), \
lsum1k (500), longsum (100), long (10)";

fn default_count(kind: Kind) -> usize {
    match kind {
        Kind::Short => 11_490,
        Kind::Article => 1_000,
        Kind::ArticleRewrite => 200,
        Kind::Lsum1k => 500,
        Kind::LongSummary => 100,
        Kind::Long => 10,
    }
}

fn kind_named(name: &str) -> Result<Kind, String> {
    Kind::ALL
        .into_iter()
        .find(|k| k.name() == name)
        .ok_or_else(|| format!("unknown kind '{name}'"))
}

struct Args {
    out: PathBuf,
    seed: u64,
    counts: Vec<(Kind, usize)>,
}

fn parse_number(flag: &str, value: Option<String>) -> Result<u64, String> {
    let v = value.ok_or_else(|| format!("{flag} needs a value"))?;
    v.replace('_', "")
        .parse()
        .map_err(|_| format!("{flag}: not a number: '{v}'"))
}

fn parse_args() -> Result<Args, String> {
    let mut out = None;
    let mut seed = DEFAULT_SEED;
    let mut counts: Vec<(Kind, usize)> = Kind::ALL.map(|k| (k, default_count(k))).to_vec();
    let mut only: Option<Vec<Kind>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--pairs" => {
                let n = parse_number("--pairs", args.next())? as usize;
                counts.iter_mut().for_each(|c| {
                    if c.0 == Kind::Short {
                        c.1 = n;
                    }
                });
            }
            "--seed" => seed = parse_number("--seed", args.next())?,
            "--only" => {
                let v = args.next().ok_or("--only needs a value")?;
                only = Some(v.split(',').map(kind_named).collect::<Result<_, _>>()?);
            }
            "--count" => {
                let v = args.next().ok_or("--count needs KIND=N")?;
                let (k, n) = v.split_once('=').ok_or("--count needs KIND=N")?;
                let kind = kind_named(k)?;
                let n = parse_number("--count", Some(n.to_owned()))? as usize;
                counts.iter_mut().for_each(|c| {
                    if c.0 == kind {
                        c.1 = n;
                    }
                });
            }
            _ if a.starts_with('-') => return Err(format!("unknown option '{a}'")),
            _ if out.is_none() => out = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument '{a}'")),
        }
    }
    if let Some(only) = only {
        counts.retain(|c| only.contains(&c.0));
    }
    Ok(Args {
        out: out.ok_or("missing OUT_DIR")?,
        seed,
        counts,
    })
}

fn write_kind(seeds: &Seeds, args: &Args, kind: Kind, n: usize) -> std::io::Result<()> {
    const CHUNK: usize = 8192;
    let path = args.out.join(format!("{}.jsonl", kind.name()));
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
    let mut bytes = 0u64;
    let mut start = 0;
    while start < n {
        let end = (start + CHUNK).min(n);
        let lines: Vec<String> = (start..end)
            .into_par_iter()
            .map(|i| seeds.pair(args.seed, kind, i as u64).to_json_line())
            .collect();
        for line in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            bytes += line.len() as u64 + 1;
        }
        start = end;
    }
    out.flush()?;
    eprintln!("{}: {n} pairs, {bytes} bytes", path.display());
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if e.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("make_bench_corpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let seeds = match Seeds::load(&Seeds::default_dir()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("make_bench_corpus: cannot read the seed articles: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("make_bench_corpus: {}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    for &(kind, n) in &args.counts {
        if let Err(e) = write_kind(&seeds, &args, kind, n) {
            eprintln!("make_bench_corpus: {kind:?}: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

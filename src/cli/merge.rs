//! `sumbench merge`: the report of a sharded run (`eval --shard K/N`) from its shard files.

use std::io::Write;
use std::path::PathBuf;

use crate::report::Format;
use crate::shard::{ShardReader, merge_shards};
use clap::Args;

use super::{Failure, output};

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shard files of one run (`sumbench eval --shard K/N -o FILE`, one for each K), in
    /// any order.
    #[arg(required = true, value_name = "SHARD")]
    shards: Vec<PathBuf>,
    /// Output format: table, json, jsonl, csv, markdown or html.
    #[arg(long, default_value = "table")]
    format: Format,
    /// Add a per-example table (table, markdown) or per-example rows (csv).
    #[arg(long)]
    per_example: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: MergeArgs) -> Result<(), Failure> {
    let format = args.format;
    if format == Format::Rouge155 {
        return Err(anyhow::anyhow!(
            "--format rouge155 is the ROUGE-1.5.5 mode's report, which has no shards"
        )
        .into());
    }
    if let Some(out) = &args.output {
        // Creating the output truncates it: it must not be one of the inputs.
        let same = |p: &PathBuf| match (p.canonicalize(), out.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if let Some(p) = args.shards.iter().find(|p| same(p)) {
            return Err(anyhow::anyhow!(
                "{}: is a shard to merge and the output (-o): write the report elsewhere",
                p.display()
            )
            .into());
        }
    }
    let shards = args
        .shards
        .iter()
        .map(|p| ShardReader::open(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = output(&args.output)?;
    let stream = (format == Format::Jsonl).then_some(&mut out);
    let outcome = merge_shards(
        shards,
        format == Format::Json || format == Format::Html || args.per_example,
        stream.map(|o| o as &mut (dyn Write + Send)),
    )?;
    super::eval::deliver(outcome, format, args.per_example, &args.output, out)
}

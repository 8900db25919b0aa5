//! `sumbench pair`: group a folder's documents by story, pick each group's source, show the
//! evidence, and optionally write a manifest for the user to edit.

use std::io::Write;
use std::path::PathBuf;

use crate::dataset::directory::{Manifest, pair_directory};
use crate::dataset::pair::PairConfig;
use crate::report::render_pairing;
use clap::Args;

use super::Failure;

#[derive(Debug, Args)]
pub struct PairArgs {
    /// A directory of .txt documents.
    dir: PathBuf,
    /// Write DIR/manifest.json from the pairing (refuses to overwrite without --force).
    #[arg(long)]
    write_manifest: bool,
    /// Overwrite an existing manifest.json.
    #[arg(long)]
    force: bool,
    /// Print every line that boilerplate cleaning removed, with the rule that removed it.
    #[arg(long)]
    show_removed: bool,
    /// Pair the raw texts, without removing boilerplate.
    #[arg(long)]
    no_clean: bool,
    /// Word n-gram size of the shingles.
    #[arg(long, default_value_t = PairConfig::default().shingle_size)]
    shingle_size: usize,
    /// Containment above which two documents are the same story.
    #[arg(long, default_value_t = PairConfig::default().threshold)]
    threshold: f64,
    /// Output format: table or json.
    #[arg(long, default_value = "table")]
    format: String,
}

pub fn run(args: PairArgs) -> Result<(), Failure> {
    if !(args.format == "table" || args.format == "json") {
        return Err(anyhow::anyhow!("--format must be table or json for pair").into());
    }
    if args.shingle_size == 0 {
        return Err(anyhow::anyhow!("--shingle-size must be at least 1").into());
    }
    let config = PairConfig {
        shingle_size: args.shingle_size,
        threshold: args.threshold,
    };
    let (pairing, removed) = pair_directory(&args.dir, &config, !args.no_clean)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let removed = args.show_removed.then_some(removed.as_slice());
    render_pairing(&mut out, &pairing, removed, args.format == "json")?;
    out.flush()?;
    if args.write_manifest {
        let path = args.dir.join("manifest.json");
        if path.exists() && !args.force {
            return Err(anyhow::anyhow!(
                "{}: exists; pass --force to overwrite it",
                path.display()
            )
            .into());
        }
        let manifest = Manifest::from_pairing(&pairing);
        let text = serde_json::to_string_pretty(&manifest)? + "\n";
        super::write_atomically(&path, text.as_bytes())?;
        eprintln!("wrote {} (check the roles before using it)", path.display());
    }
    Ok(())
}

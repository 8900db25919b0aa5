//! ROUGE-1.5.5 without Perl: the official script's numbers and report, to the printed digit.
//!
//! The script (C.-Y. Lin's `ROUGE-1.5.5.pl`) is what "official ROUGE" in the literature means,
//! reached through pyrouge, files2rouge or SummEval's wrapper. This module reproduces it: the
//! same command line ([`options`]), the same inputs ([`config`]: XML configuration or `-z`
//! file list, SEE/SPL/ISI summaries), the same text handling ([`text`], [`porter`]: its
//! tokenisation, `-l`/`-b` limits, `-s` stop list and `-m` stemmer with the WordNet exception
//! table, both built in from the public distribution's data files), the same scores
//! ([`score`]: ROUGE-N, L, W, S, SU with `-f A`/`-f B`, `-p`, and its rounding), the same
//! bootstrap ([`average`]: Perl's `srand(i)`/`drand48` stream, so the intervals match too) and
//! the same report ([`report`]). Basic Elements (`-3`) are out of scope.
//!
//! The stages run one way, as in the rest of the crate: inputs → text → scores → averages →
//! report; [`evaluate`] runs them for a parsed configuration.

pub mod average;
pub mod config;
pub mod dataset;
pub mod options;
pub mod porter;
pub mod report;
pub mod score;
pub mod text;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use average::{Averages, Counting};
use config::Config;
use options::Options;
use score::{Measure, Outcome};
use text::Tokenizer;

/// One printed block: a peer's figures for one measure.
#[derive(Clone, Debug)]
pub struct Block {
    /// The peer (system) ID.
    pub peer: String,
    /// The measure's tag (`ROUGE-1`, `ROUGE-L`, `ROUGE-W-1.2`, `ROUGE-SU4`, `ROUGE-S*`).
    pub tag: String,
    /// The corpus figures.
    pub averages: Averages,
    /// Per evaluation: `evalID.peerID` and its outcome.
    pub per_eval: Vec<(String, Outcome)>,
}

/// The measures the options ask for, in the script's order, with their tags.
pub fn measures(o: &Options) -> Vec<(Measure, String)> {
    let mut out = Vec::new();
    if let Some(n) = o.max_n {
        for k in 1..=n {
            out.push((Measure::N(k), format!("ROUGE-{k}")));
        }
    }
    if !o.no_lcs {
        out.push((Measure::L, "ROUGE-L".to_owned()));
    }
    if let Some((raw, w)) = &o.weight {
        out.push((Measure::W(*w), format!("ROUGE-W-{raw}")));
    }
    if let Some((raw, d)) = &o.skip {
        let s = |unigrams| Measure::S {
            distance: *d,
            unigrams,
        };
        let (plain, with_u) = if *d >= 0.0 {
            (format!("ROUGE-S{raw}"), format!("ROUGE-SU{raw}"))
        } else {
            ("ROUGE-S*".to_owned(), "ROUGE-SU*".to_owned())
        };
        if o.su {
            out.push((s(true), with_u));
        } else {
            out.push((s(false), plain));
            if o.s_and_su {
                out.push((s(true), with_u));
            }
        }
    }
    out
}

/// The three per-evaluation values the averages read: R, P, F (rounded), or the counts.
pub fn instance_values(o: &Outcome, counting: Counting) -> [f64; 3] {
    match counting {
        Counting::Sentence => [o.recall, o.precision, o.fmeasure],
        _ => [o.model_count, o.peer_count, o.hits],
    }
}

/// A problem reading the evaluation's files.
#[derive(Debug, thiserror::Error)]
pub enum Rouge155Error {
    /// A summary file could not be read.
    #[error("Cannot open {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Warnings the script prints on standard error (missing peers), to print the same way.
#[derive(Debug, Default)]
pub struct Warnings(pub Vec<String>);

/// One evaluation with its summaries read: each peer's and each model's sentences.
#[derive(Clone, Debug)]
pub struct LoadedEval {
    /// The evaluation ID (`EVAL ID`, or a dataset example's id).
    pub id: String,
    /// Peer ID → its sentences.
    pub peers: FxHashMap<String, Arc<Vec<Vec<u8>>>>,
    /// The models' sentences.
    pub models: Vec<Arc<Vec<Vec<u8>>>>,
}

/// Reads every summary file of a configuration (each file once).
pub fn load(cfg: &Config) -> Result<Vec<LoadedEval>, Rouge155Error> {
    let mut files: FxHashMap<PathBuf, Arc<Vec<Vec<u8>>>> = FxHashMap::default();
    let mut read = |path: &Path, format| -> Result<Arc<Vec<Vec<u8>>>, Rouge155Error> {
        if let Some(s) = files.get(path) {
            return Ok(s.clone());
        }
        let bytes = std::fs::read(path).map_err(|source| Rouge155Error::Read {
            path: path.to_owned(),
            source,
        })?;
        let s = Arc::new(config::sentences(&bytes, format));
        files.insert(path.to_owned(), s.clone());
        Ok(s)
    };
    let mut out = Vec::with_capacity(cfg.evals.len());
    for e in &cfg.evals {
        let mut peers = FxHashMap::default();
        let mut ids: Vec<&String> = e.peers.keys().collect();
        ids.sort();
        for id in ids {
            peers.insert(id.clone(), read(&e.peers[id], e.format)?);
        }
        let models = e
            .models
            .iter()
            .map(|m| read(m, e.format))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(LoadedEval {
            id: e.id.clone(),
            peers,
            models,
        });
    }
    Ok(out)
}

/// A text as ROUGE-1.5.5 reads it from an SPL file: one sentence per line.
pub fn spl_sentences(text: &str) -> Arc<Vec<Vec<u8>>> {
    Arc::new(config::sentences(text.as_bytes(), config::FileFormat::Spl))
}

/// Evaluate a configuration: every requested peer (`-a`: all, sorted) and measure.
pub fn evaluate(
    o: &Options,
    cfg: &Config,
    stop: Option<&FxHashSet<Vec<u8>>>,
    warnings: &mut Warnings,
) -> Result<Vec<Block>, Rouge155Error> {
    let evals = load(cfg)?;
    let peers: Vec<String> = match (&o.system, o.all) {
        (_, true) => cfg.peer_ids.clone(),
        (Some(s), false) => vec![s.clone()],
        (None, false) => Vec::new(),
    };
    Ok(evaluate_loaded(o, &evals, &peers, stop, warnings))
}

/// One evaluation tokenised: its peers and models in both readings (see [`score::prepare`]).
struct Prepared<'e> {
    id: &'e str,
    peers: FxHashMap<&'e str, score::Side>,
    models: Vec<score::Side>,
    /// The models with `-M`'s stemming (empty when `-M` changes nothing).
    models_m: Vec<score::Side>,
}

/// Evaluate loaded evaluations for `peers`, measure by measure, in the script's order. The
/// texts are tokenised once; the scores of the evaluations are computed in parallel (they
/// are independent; the order of the results and the averages does not depend on it).
pub fn evaluate_loaded(
    o: &Options,
    evals: &[LoadedEval],
    peers: &[String],
    stop: Option<&FxHashSet<Vec<u8>>>,
    warnings: &mut Warnings,
) -> Vec<Block> {
    use rayon::prelude::*;
    let confidence: f64 = o.confidence.trim().parse().unwrap_or(95.0);
    let mut tok = Tokenizer::new(stop);
    let separate_m = o.stem_models && !o.stem;
    let prepared: Vec<Prepared<'_>> = evals
        .iter()
        .map(|e| {
            let mut ids: Vec<&String> = e.peers.keys().collect();
            ids.sort();
            let peers = ids
                .into_iter()
                .map(|id| {
                    (
                        id.as_str(),
                        score::prepare(&mut tok, &e.peers[id], o.limit, o.stem),
                    )
                })
                .collect();
            let models = e
                .models
                .iter()
                .map(|m| score::prepare(&mut tok, m, o.limit, o.stem))
                .collect();
            let models_m = if separate_m {
                e.models
                    .iter()
                    .map(|m| score::prepare(&mut tok, m, o.limit, true))
                    .collect()
            } else {
                Vec::new()
            };
            Prepared {
                id: &e.id,
                peers,
                models,
                models_m,
            }
        })
        .collect();
    let mut blocks = Vec::new();
    let mut warned: FxHashSet<(String, String)> = FxHashSet::default();
    for peer in peers {
        for e in &prepared {
            if !e.peers.contains_key(peer.as_str())
                && warned.insert((e.id.to_owned(), peer.clone()))
            {
                warnings.0.push(format!(
                    "*ROUGE Warning: test instance for peer {peer} does not exist for evaluation {}",
                    e.id
                ));
            }
        }
        for (measure, tag) in measures(o) {
            let scored: Vec<(String, Outcome)> = prepared
                .par_iter()
                .filter_map(|e| {
                    let p = e.peers.get(peer.as_str())?;
                    let models: Vec<&score::Side> = e.models.iter().collect();
                    let models_m: Vec<&score::Side> = if separate_m {
                        e.models_m.iter().collect()
                    } else {
                        models.clone()
                    };
                    let out =
                        score::score_prepared(measure, p, &models, &models_m, o.formula, o.alpha);
                    Some((format!("{}.{peer}", e.id), out))
                })
                .collect();
            let mut seen: FxHashSet<&str> = FxHashSet::default();
            let per_eval: Vec<(String, Outcome)> = scored
                .iter()
                .filter(|(id, _)| seen.insert(id.as_str()))
                .cloned()
                .collect();
            let values: Vec<(String, [f64; 3])> = per_eval
                .iter()
                .map(|(id, out)| (id.clone(), instance_values(out, o.counting)))
                .collect();
            let averages = average::averages(&values, o.resamples, confidence, o.counting, o.alpha);
            blocks.push(Block {
                peer: peer.clone(),
                tag,
                averages,
                per_eval,
            });
        }
    }
    blocks
}

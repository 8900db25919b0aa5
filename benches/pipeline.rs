//! End-to-end scoring benchmarks: `sumbench::evaluate::Evaluator::evaluate` over a batch of
//! `sumbench::dataset::Example`s on one thread (one `Workspace` reused across the batch, as
//! each `sumbench eval` worker does), with the texts already in memory (no JSON parsing).
//!
//! ```sh
//! cargo bench --bench pipeline                # everything (about four minutes)
//! cargo bench --bench pipeline -- rouge_stem  # one configuration
//! ```
//!
//! Configurations (criterion groups):
//!
//! - `rouge`: `EvalConfig::rouge_only(RougeType::default_set(), Stemmer::None)`
//!   (rouge1, rouge2, rougeL, rougeLsum, no stemming);
//! - `rouge_stem`: the same with `Stemmer::Porter`;
//! - `extractive`: `EvalConfig::from_metrics` of
//!   `rouge1,rouge2,rougeL,rougeLsum,compression,extractive` (ROUGE plus compression and
//!   extractiveness against the source);
//! - `full`: `EvalConfig::default()`, every metric of the default set (at the time of writing
//!   also fact retention and support, which dominates the cost).
//!
//! Sizes (benchmark names; throughput is in pairs, one candidate per example):
//!
//! - `summary60`: ~60-word reference and candidate; a ~800-word source (read by `full` only);
//! - `article800_vs_60`: ~800-word source as the reference, ~60-word candidate;
//! - `article800`: ~800-word reference, candidate and source;
//! - `long10k`: ~10,000-word reference, candidate and source.

#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use corpus::{DEFAULT_SEED, Kind, Seeds};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use sumbench::dataset::Example;
use sumbench::evaluate::{EvalConfig, Evaluator, MetricName, Workspace};
use sumbench::metrics::rouge::RougeType;
use sumbench::text::Stemmer;

/// Examples of one size.
fn batches(seeds: &Seeds) -> Vec<(&'static str, Vec<Example>, bool)> {
    let examples = |kind: Kind, n: usize| -> Vec<Example> {
        seeds
            .pairs(DEFAULT_SEED, kind, n)
            .iter()
            .enumerate()
            .map(|(i, p)| p.to_example(i + 1))
            .collect()
    };
    // CNN/DM-shaped: short reference and candidate, with the article as the source.
    let summary: Vec<Example> = examples(Kind::Article, 256)
        .into_iter()
        .zip(examples(Kind::Short, 256))
        .map(|(article, short)| Example {
            source: article.source,
            ..short
        })
        .collect();
    // No reference: ROUGE against the ~800-word source.
    let against_source: Vec<Example> = examples(Kind::Article, 32)
        .into_iter()
        .map(|mut e| {
            e.references.clear();
            e
        })
        .collect();
    vec![
        ("summary60", summary, false),
        ("article800_vs_60", against_source, false),
        ("article800", examples(Kind::ArticleRewrite, 16), true),
        ("long10k", examples(Kind::Long, 2), true),
    ]
}

fn run(c: &mut Criterion, group: &str, config: EvalConfig) {
    let seeds = Seeds::builtin();
    let evaluator = Evaluator::new(config);
    let mut g = c.benchmark_group(group);
    for (name, batch, big) in batches(&seeds) {
        g.warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sample_size(if big { 10 } else { 30 })
            .sampling_mode(if big {
                SamplingMode::Flat
            } else {
                SamplingMode::Auto
            })
            .throughput(Throughput::Elements(batch.len() as u64));
        let mut ws = Workspace::default();
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for ex in &batch {
                    if let Some(r) = evaluator.evaluate(black_box(ex), &mut ws) {
                        n += r.systems.len();
                    }
                }
                n
            })
        });
    }
    g.finish();
}

fn rouge(c: &mut Criterion) {
    run(
        c,
        "rouge",
        EvalConfig::rouge_only(RougeType::default_set(), Stemmer::None),
    );
}

fn rouge_stem(c: &mut Criterion) {
    run(
        c,
        "rouge_stem",
        EvalConfig::rouge_only(RougeType::default_set(), Stemmer::Porter),
    );
}

fn extractive(c: &mut Criterion) {
    let metrics: Vec<MetricName> = "rouge1,rouge2,rougeL,rougeLsum,compression,extractive"
        .split(',')
        .map(|m| m.parse().expect("a known metric"))
        .collect();
    run(
        c,
        "extractive",
        EvalConfig::from_metrics(&metrics, Stemmer::None),
    );
}

fn full(c: &mut Criterion) {
    run(c, "full", EvalConfig::default());
}

criterion_group!(benches, rouge, rouge_stem, extractive, full);
criterion_main!(benches);

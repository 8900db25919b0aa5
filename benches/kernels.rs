//! Kernel benchmarks: the hot functions of sumbench, one group each, on the deterministic
//! benchmark corpus (`benches/common/corpus.rs`) at three sizes.
//!
//! ```sh
//! cargo bench --bench kernels                 # everything (about four minutes)
//! cargo bench --bench kernels -- lcs          # one group
//! ```
//!
//! Groups and what one "element" is:
//!
//! | group | measures | throughput |
//! |---|---|---|
//! | `tokenize` | `sumbench::text::for_each_token` (the reference scanner) over whole texts | bytes |
//! | `analyse` | `Analyzer::analyse` of reference and candidate (block scanner, per-example interning; the scorer's path), one cleared vocabulary per pair, no stemming and Porter | bytes (both texts) |
//! | `stem` | `Stemmer::Porter.stem_uncached`, `.stem_cached` (warm per-thread cache) on the tokens of more than 3 characters of both texts, and `Vocab::intern` of every token (cleared vocabulary, warm stem cache) with and without Porter | tokens |
//! | `ngram` | `NgramTable::new` for reference and candidate, then `.overlap`, n = 1 and 2; `n2_ids`: `NgramTable::with_vocab` (bigram ids, the scorer's path) | tokens (both texts) |
//! | `lcs` | `MatchMasks::new` + `lcs_length` (`length`), and `MatchMasks::new` + `lcs_indices` (`indices`) over the whole texts | pairs |
//! | `lsum` | `RougeScorer::new(&[RougeType::Lsum])`: `prepare` + `prepare_candidate` + `score_prepared` (texts already analysed) | pairs |
//! | `fragments` | `ArticleIndex::new(source)` + `.fragments(candidate, Compat / Exact)` | pairs |
//! | `fragments_100k` | the same plus coverage/density, a ~100,000-word source (ten `long` sources) against a 1,000-word candidate | pairs |
//! | `facts` | `sumbench::metrics::facts::extract` on raw texts (`extract`); `facts::check` of reference against candidate (`check`: both texts prepared, then compared) | bytes (`extract`), pairs (`check`) |
//!
//! Sizes: `summary60` is 64 pairs of ~60-word texts; `article800` is 4 pairs of ~800-word texts
//! (for `fragments`: ~800-word sources against ~60-word candidates, 8 pairs); `lsum1k` is 4 pairs
//! of ~1,000-word texts (one sentence per line); `long10k` is one pair of ~10,000-word texts.
//! Token ids come from `Analyzer::new(Stemmer::None)` with one vocabulary per pair, outside the
//! timed code.

#[path = "common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use corpus::{DEFAULT_SEED, Kind, Pair, Seeds};
use criterion::{
    BatchSize, BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main,
};
use sumbench::metrics::extractive::{ArticleIndex, Extractive, FragmentMode};
use sumbench::metrics::facts;
use sumbench::metrics::lcs::{LcsScratch, MatchMasks, lcs_indices, lcs_length};
use sumbench::metrics::ngram::NgramTable;
use sumbench::metrics::rouge::{RougeScorer, RougeType, Scratch};
use sumbench::text::{Analysed, Analyzer, Stemmer, Vocab, for_each_token};

/// The corpus at one size: its raw pairs and their analyses (reference, candidate, source).
struct Sized {
    name: &'static str,
    pairs: Vec<Pair>,
    analysed: Vec<Analysed3>,
}

struct Analysed3 {
    reference: Analysed,
    candidate: Analysed,
    source: Option<Analysed>,
}

impl Sized {
    fn new(seeds: &Seeds, name: &'static str, kind: Kind, n: usize) -> Self {
        let pairs = seeds.pairs(DEFAULT_SEED, kind, n);
        let analyzer = Analyzer::new(Stemmer::None);
        let analysed = pairs
            .iter()
            .map(|p| {
                let mut vocab = Vocab::new();
                Analysed3 {
                    reference: analyzer.analyse(&p.reference, &mut vocab),
                    candidate: analyzer.analyse(&p.candidate, &mut vocab),
                    source: p.source.as_ref().map(|s| analyzer.analyse(s, &mut vocab)),
                }
            })
            .collect();
        Sized {
            name,
            pairs,
            analysed,
        }
    }

    fn reference_bytes(&self) -> u64 {
        self.pairs.iter().map(|p| p.reference.len() as u64).sum()
    }

    fn tokens(&self) -> u64 {
        self.analysed
            .iter()
            .map(|a| (a.reference.len() + a.candidate.len()) as u64)
            .sum()
    }

    fn n(&self) -> u64 {
        self.pairs.len() as u64
    }
}

fn sizes(seeds: &Seeds) -> Vec<Sized> {
    vec![
        Sized::new(seeds, "summary60", Kind::Short, 64),
        Sized::new(seeds, "article800", Kind::ArticleRewrite, 4),
        Sized::new(seeds, "long10k", Kind::Long, 1),
    ]
}

/// Short measurements: enough for stable medians, small enough to keep `cargo bench` quick.
fn configure<M: criterion::measurement::Measurement>(g: &mut BenchmarkGroup<'_, M>, big: bool) {
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(if big { 20 } else { 50 });
}

fn tokenize(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("tokenize");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        g.throughput(Throughput::Bytes(s.reference_bytes()));
        g.bench_function(s.name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for p in &s.pairs {
                    for_each_token(black_box(&p.reference), |t| n += t.len());
                }
                n
            })
        });
    }
    g.finish();
}

/// `Analyzer::analyse`, the path the scorer takes: the block scanner and per-example interning,
/// one cleared vocabulary per pair (reference then candidate), with and without Porter.
fn analyse(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("analyse");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        let bytes: u64 = s
            .pairs
            .iter()
            .map(|p| (p.reference.len() + p.candidate.len()) as u64)
            .sum();
        g.throughput(Throughput::Bytes(bytes));
        for (label, stemmer) in [("none", Stemmer::None), ("porter", Stemmer::Porter)] {
            let analyzer = Analyzer::new(stemmer);
            let mut vocab = Vocab::new();
            g.bench_function(format!("{label}/{}", s.name), |b| {
                b.iter(|| {
                    let mut n = 0usize;
                    for p in &s.pairs {
                        vocab.clear();
                        n += analyzer.analyse(black_box(&p.reference), &mut vocab).len();
                        n += analyzer.analyse(black_box(&p.candidate), &mut vocab).len();
                    }
                    n
                })
            });
        }
    }
    g.finish();
}

fn stem(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("stem");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        // The raw tokens of both texts of every pair, in text order (repeats included, as in
        // real text); the stemmer sees only tokens of more than 3 characters.
        let mut tokens: Vec<String> = Vec::new();
        for p in &s.pairs {
            for_each_token(&p.reference, |t| tokens.push(t.to_owned()));
            for_each_token(&p.candidate, |t| tokens.push(t.to_owned()));
        }
        let long: Vec<&str> = tokens
            .iter()
            .map(String::as_str)
            .filter(|t| t.len() > 3)
            .collect();
        g.throughput(Throughput::Elements(long.len() as u64));
        g.bench_function(format!("porter_uncached/{}", s.name), |b| {
            b.iter(|| {
                for &t in &long {
                    black_box(Stemmer::Porter.stem_uncached(black_box(t)));
                }
            })
        });
        g.bench_function(format!("porter_cached/{}", s.name), |b| {
            b.iter(|| {
                for &t in &long {
                    black_box(Stemmer::Porter.stem_cached(black_box(t)));
                }
            })
        });
        g.throughput(Throughput::Elements(tokens.len() as u64));
        for (name, stemmer) in [
            ("intern_none", Stemmer::None),
            ("intern_porter", Stemmer::Porter),
        ] {
            let mut vocab = Vocab::new();
            g.bench_function(format!("{name}/{}", s.name), |b| {
                b.iter(|| {
                    vocab.clear();
                    let mut sum = 0u64;
                    for t in &tokens {
                        sum += u64::from(vocab.intern(black_box(t), stemmer));
                    }
                    sum
                })
            });
        }
    }
    g.finish();
}

fn ngram(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("ngram");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        g.throughput(Throughput::Elements(s.tokens()));
        for n in [1, 2] {
            g.bench_function(format!("n{n}/{}", s.name), |b| {
                b.iter(|| {
                    let mut hits = 0;
                    for a in &s.analysed {
                        let r = NgramTable::new(&a.reference.tokens, n);
                        let c = NgramTable::new(&a.candidate.tokens, n);
                        hits += r.overlap(&c).unwrap_or(0);
                    }
                    hits
                })
            });
        }
        // Bigrams counted by the example's dense bigram ids (the scorer's path).
        g.bench_function(format!("n2_ids/{}", s.name), |b| {
            let mut vocab = Vocab::new();
            b.iter(|| {
                let mut hits = 0;
                for a in &s.analysed {
                    vocab.clear();
                    let r = NgramTable::with_vocab(&a.reference.tokens, 2, &mut vocab);
                    let c = NgramTable::with_vocab(&a.candidate.tokens, 2, &mut vocab);
                    hits += r.overlap(&c).unwrap_or(0);
                }
                hits
            })
        });
    }
    g.finish();
}

fn lcs(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("lcs");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        g.throughput(Throughput::Elements(s.n()));
        g.bench_function(format!("length/{}", s.name), |b| {
            b.iter(|| {
                let mut total = 0;
                for a in &s.analysed {
                    let masks = MatchMasks::new(&a.reference.tokens);
                    total += lcs_length(&masks, &a.candidate.tokens);
                }
                total
            })
        });
        let mut scratch = LcsScratch::default();
        g.bench_function(format!("indices/{}", s.name), |b| {
            b.iter(|| {
                let mut total = 0;
                for a in &s.analysed {
                    let masks = MatchMasks::new(&a.reference.tokens);
                    lcs_indices(
                        &a.reference.tokens,
                        &masks,
                        &a.candidate.tokens,
                        &mut scratch,
                        |i| total += i,
                    );
                }
                total
            })
        });
    }
    g.finish();
}

fn lsum(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let scorer = RougeScorer::new(&[RougeType::Lsum]);
    let mut g = c.benchmark_group("lsum");
    let sets = [
        Sized::new(&seeds, "summary60", Kind::Short, 64),
        Sized::new(&seeds, "lsum1k", Kind::Lsum1k, 4),
        Sized::new(&seeds, "long10k", Kind::Long, 1),
    ];
    for s in &sets {
        configure(&mut g, s.name != "summary60");
        g.throughput(Throughput::Elements(s.n()));
        let mut scratch = Scratch::default();
        g.bench_function(s.name, |b| {
            b.iter_batched(
                || {
                    s.analysed
                        .iter()
                        .map(|a| (a.reference.clone(), a.candidate.clone()))
                        .collect::<Vec<_>>()
                },
                |texts| {
                    let mut hits = 0;
                    for (r, c) in texts {
                        let r = scorer.prepare_reference(r, None);
                        let c = scorer.prepare_candidate(c, None, &[]);
                        hits += scorer.score_prepared(&r, &c, &mut scratch)[0].hits;
                    }
                    hits
                },
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

fn fragments(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("fragments");
    let sets = [
        Sized::new(&seeds, "article800_vs_60", Kind::Article, 8),
        Sized::new(&seeds, "article800_vs_800", Kind::ArticleRewrite, 4),
        Sized::new(&seeds, "long10k_vs_10k", Kind::Long, 1),
    ];
    for s in &sets {
        configure(&mut g, s.name.starts_with("long"));
        g.throughput(Throughput::Elements(s.n()));
        for (mode_name, mode) in [
            ("compat", FragmentMode::Compat),
            ("exact", FragmentMode::Exact),
        ] {
            g.bench_function(format!("{mode_name}/{}", s.name), |b| {
                b.iter(|| {
                    let mut total = 0usize;
                    for a in &s.analysed {
                        let source = a.source.as_ref().expect("these kinds have a source");
                        let index = ArticleIndex::new(&source.tokens);
                        total += index.fragments(&a.candidate.tokens, mode).len();
                    }
                    total
                })
            });
        }
    }
    g.finish();
}

/// Issue 5's target: coverage and density of a 100,000-word source against a 1,000-word
/// candidate (both fragment modes, index construction included) must take well under a second.
fn fragments_100k(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let longs = seeds.pairs(DEFAULT_SEED, Kind::Long, 10);
    let source_text: String = longs
        .iter()
        .filter_map(|p| p.source.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let candidate_text: String = longs[0]
        .candidate
        .split_whitespace()
        .take(1000)
        .collect::<Vec<_>>()
        .join(" ");
    let analyzer = Analyzer::new(Stemmer::None);
    let mut vocab = Vocab::new();
    let source = analyzer.analyse(&source_text, &mut vocab);
    let candidate = analyzer.analyse(&candidate_text, &mut vocab);
    let mut g = c.benchmark_group("fragments_100k");
    configure(&mut g, true);
    g.throughput(Throughput::Elements(1));
    for (mode_name, mode) in [
        ("compat", FragmentMode::Compat),
        ("exact", FragmentMode::Exact),
    ] {
        g.bench_function(
            format!("{mode_name}/source{}_vs_{}", source.len(), candidate.len()),
            |b| {
                b.iter(|| {
                    let index = ArticleIndex::new(black_box(&source.tokens));
                    let f = index.fragments(&candidate.tokens, mode);
                    Extractive::from_fragments(&f, candidate.len())
                })
            },
        );
    }
    g.finish();
}

fn fact_extraction(c: &mut Criterion) {
    let seeds = Seeds::builtin();
    let mut g = c.benchmark_group("facts");
    for s in sizes(&seeds) {
        configure(&mut g, s.name == "long10k");
        g.throughput(Throughput::Bytes(s.reference_bytes()));
        g.bench_function(format!("extract/{}", s.name), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for p in &s.pairs {
                    let f = facts::extract(black_box(&p.reference));
                    n += f.numbers.len() + f.names.len() + f.quotes.len();
                }
                n
            })
        });
        g.throughput(Throughput::Elements(s.n()));
        g.bench_function(format!("check/{}", s.name), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for p in &s.pairs {
                    let r = facts::check(black_box(&p.reference), black_box(&p.candidate));
                    n += r.checks.len();
                }
                n
            })
        });
    }
    g.finish();
}

/// The word segmenters on their language's texts (the committed fixtures: newmm's cases for
/// Thai, the stress pairs for Chinese, Japanese and Burmese), per text as the analysis calls
/// them, dictionaries loaded before timing.
fn segment(c: &mut Criterion) {
    use sumbench::text::segment::Segmenter;
    let texts = |fixture: &str, lang: Option<&str>| -> Vec<String> {
        let mut out = Vec::new();
        for line in fixture.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("fixture line");
            if lang.is_some_and(|l| v["lang"] != l) {
                continue;
            }
            let mut push = |t: &serde_json::Value| {
                if let Some(t) = t.as_str() {
                    out.push(sumbench::text::multilingual::basic_tokens(t).join(" "));
                }
            };
            push(&v["text"]);
            push(&v["candidate"]);
            for r in v["references"].as_array().into_iter().flatten() {
                push(r);
            }
        }
        out
    };
    let thai = include_str!("../tests/fixtures/multilingual/thai-newmm.jsonl");
    let stress = include_str!("../tests/fixtures/multilingual/stress.jsonl");
    let cases = [
        ("newmm/th", Segmenter::Newmm, texts(thai, None)),
        ("jieba/zh", Segmenter::Jieba, texts(stress, Some("zh"))),
        ("icu/ja", Segmenter::Icu, texts(stress, Some("ja"))),
        ("burmese/my", Segmenter::Burmese, texts(stress, Some("my"))),
    ];
    let mut g = c.benchmark_group("segment");
    for (name, seg, texts) in &cases {
        seg.segment("a", |_, _| {});
        g.throughput(Throughput::Bytes(
            texts.iter().map(|t| t.len() as u64).sum(),
        ));
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for t in texts {
                    seg.segment(black_box(t), |_, w| n += w.len());
                }
                n
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    segment,
    tokenize,
    analyse,
    stem,
    ngram,
    lcs,
    lsum,
    fragments,
    fragments_100k,
    fact_extraction
);
criterion_main!(benches);

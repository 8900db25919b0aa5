//! The deterministic benchmark corpus, shared by `benches/kernels.rs`, `benches/pipeline.rs` and
//! `examples/make_bench_corpus.rs` (each includes this file with
//! `#[path = "common/corpus.rs"] mod corpus;`).
//!
//! Every text is made of sentences of the built-in seed articles (`datasets/seed-news/*.txt`,
//! read in file-name order and split into sentences), sampled with a ChaCha8 generator and
//! lightly perturbed: case changes, punctuation changes, dropped and duplicated words. Sentences
//! are separated by newlines, so ROUGE-Lsum sees several sentences per text.
//!
//! Each pair has its own generator, seeded from `(seed, kind, index)`: the `i`-th pair of a kind
//! does not depend on how many pairs are generated, on other kinds or on the platform, so a
//! file of `N` pairs is a prefix of a file of `M > N` pairs and the output is byte-identical
//! for the same arguments.
//!
//! Shapes (words are whitespace-separated words of the raw text):
//!
//! | kind | source | reference | candidate |
//! |---|---|---|---|
//! | [`Kind::Short`] | none | ~60 words, sampled sentences | ~60 words, each reference sentence kept (perturbed) with probability 0.45, else another sentence |
//! | [`Kind::Article`] | ~800 words, consecutive sentences | ~60 words, perturbed and shortened source sentences plus others | ~60 words, the source's lead, perturbed |
//! | [`Kind::ArticleRewrite`] | ~800 words | ~800 words, a rewrite of the source | ~800 words, another rewrite |
//! | [`Kind::Lsum1k`] | none | ~1,000 words, one sentence per line | ~1,000 words, a rewrite of the same article |
//! | [`Kind::Long`] | ~10,000 words | ~10,000 words, a rewrite of the source | ~10,000 words, another rewrite |
//! | [`Kind::LongSummary`] | ~10,000 words | ~200 words | ~200 words, extracted from the source |
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use sumbench::dataset::{Candidate, Example};

/// The default seed of the corpus.
pub const DEFAULT_SEED: u64 = 20_240_612;

/// The shape of a generated pair (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ~60-word reference and candidate, no source (CNN/DM-like summaries).
    Short,
    /// ~800-word source, ~60-word reference and candidate.
    Article,
    /// ~800-word source, reference and candidate.
    ArticleRewrite,
    /// ~1,000-word reference and candidate, one sentence per line (the ROUGE-Lsum target).
    Lsum1k,
    /// ~10,000-word source, reference and candidate.
    Long,
    /// ~10,000-word source, ~200-word reference and candidate.
    LongSummary,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 6] = [
        Kind::Short,
        Kind::Article,
        Kind::ArticleRewrite,
        Kind::Lsum1k,
        Kind::Long,
        Kind::LongSummary,
    ];

    /// A short stable name (also the id prefix and the stream tag of the generator).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Short => "short",
            Kind::Article => "article",
            Kind::ArticleRewrite => "article800",
            Kind::Lsum1k => "lsum1k",
            Kind::Long => "long",
            Kind::LongSummary => "longsum",
        }
    }

    fn tag(self) -> u64 {
        match self {
            Kind::Short => 1,
            Kind::Article => 2,
            Kind::ArticleRewrite => 3,
            Kind::Lsum1k => 4,
            Kind::Long => 5,
            Kind::LongSummary => 6,
        }
    }
}

/// One generated example: an id, an optional source, one reference and one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// `KIND-INDEX`, such as `short-000042`.
    pub id: String,
    /// The source document, for the kinds that have one.
    pub source: Option<String>,
    /// The reference summary (or document).
    pub reference: String,
    /// The candidate.
    pub candidate: String,
}

impl Pair {
    /// The pair as a [`sumbench::dataset::Example`] with one system named `candidate`.
    pub fn to_example(&self, line: usize) -> Example {
        Example {
            id: self.id.clone(),
            line,
            source: self.source.clone(),
            references: vec![self.reference.clone()],
            candidates: vec![Candidate {
                system: "candidate".to_owned(),
                text: self.candidate.clone(),
            }],
            removed_lines: 0,
            lang: None,
        }
    }

    /// The pair as one JSONL line (without the newline) that `sumbench eval` reads:
    /// `{"id","source"?,"references":[...],"candidate"}`.
    pub fn to_json_line(&self) -> String {
        let mut map = serde_json::Map::new();
        map.insert("id".into(), self.id.clone().into());
        if let Some(s) = &self.source {
            map.insert("source".into(), s.clone().into());
        }
        map.insert(
            "references".into(),
            serde_json::Value::Array(vec![self.reference.clone().into()]),
        );
        map.insert("candidate".into(), self.candidate.clone().into());
        serde_json::Value::Object(map).to_string()
    }
}

/// The sentence pool: every sentence of the seed articles, in file and text order, deduplicated.
#[derive(Debug, Clone)]
pub struct Seeds {
    sentences: Vec<String>,
}

impl Seeds {
    /// The seed directory of this crate (`datasets/seed-news`).
    pub fn default_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/seed-news")
    }

    /// Reads every `*.txt` file of `dir`, in file-name order.
    pub fn load(dir: &Path) -> std::io::Result<Seeds> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut texts = Vec::new();
        for f in &files {
            texts.push(std::fs::read_to_string(f)?);
        }
        let seeds = Seeds::from_texts(texts.iter().map(String::as_str));
        if seeds.sentences.len() < 10 {
            return Err(std::io::Error::other(format!(
                "{}: too few seed sentences ({})",
                dir.display(),
                seeds.sentences.len()
            )));
        }
        Ok(seeds)
    }

    /// The built-in seeds; panics when they cannot be read (benchmarks only).
    pub fn builtin() -> Seeds {
        let dir = Seeds::default_dir();
        Seeds::load(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
    }

    /// Splits texts into sentences: on newlines, and after `.`, `?` or `!` followed by a space
    /// and an uppercase letter. Sentences of fewer than four words are dropped, as are repeats.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Seeds {
        let mut sentences: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |s: &str| {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.split(' ').count() >= 4 && seen.insert(s.clone()) {
                sentences.push(s);
            }
        };
        for text in texts {
            for line in text.lines() {
                let chars: Vec<(usize, char)> = line.char_indices().collect();
                let mut start = 0;
                for k in 0..chars.len() {
                    let (i, c) = chars[k];
                    let boundary = matches!(c, '.' | '?' | '!')
                        && chars.get(k + 1).is_some_and(|&(_, n)| n == ' ')
                        && chars.get(k + 2).is_some_and(|&(_, n)| n.is_uppercase());
                    if boundary {
                        push(&line[start..i + 1]);
                        start = i + 1;
                    }
                }
                push(&line[start..]);
            }
        }
        Seeds { sentences }
    }

    /// Number of sentences in the pool.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Generates pair `index` of `kind` under `seed`.
    pub fn pair(&self, seed: u64, kind: Kind, index: u64) -> Pair {
        let mut g = Gen::new(self, seed, kind, index);
        let id = format!("{}-{index:06}", kind.name());
        match kind {
            Kind::Short => {
                let reference = g.summary(60);
                let candidate = g.mix(&reference, 60, 0.45);
                Pair {
                    id,
                    source: None,
                    reference: join(&reference),
                    candidate: join(&candidate),
                }
            }
            Kind::Article => {
                let source = g.article(800);
                let reference = g.mix(&source, 60, 0.6);
                let candidate = g.lead(&source, 60);
                Pair {
                    id,
                    source: Some(join(&source)),
                    reference: join(&reference),
                    candidate: join(&candidate),
                }
            }
            Kind::ArticleRewrite | Kind::Long => {
                let words = if kind == Kind::Long { 10_000 } else { 800 };
                let source = g.article(words);
                let reference = g.rewrite(&source, words);
                let candidate = g.rewrite(&source, words);
                Pair {
                    id,
                    source: Some(join(&source)),
                    reference: join(&reference),
                    candidate: join(&candidate),
                }
            }
            Kind::Lsum1k => {
                let base = g.article(1_000);
                let reference = g.rewrite(&base, 1_000);
                let candidate = g.rewrite(&base, 1_000);
                Pair {
                    id,
                    source: None,
                    reference: join(&reference),
                    candidate: join(&candidate),
                }
            }
            Kind::LongSummary => {
                let source = g.article(10_000);
                let reference = g.mix(&source, 200, 0.5);
                let candidate = g.extract(&source, 200);
                Pair {
                    id,
                    source: Some(join(&source)),
                    reference: join(&reference),
                    candidate: join(&candidate),
                }
            }
        }
    }

    /// Pairs `0..n` of `kind` under `seed`.
    pub fn pairs(&self, seed: u64, kind: Kind, n: usize) -> Vec<Pair> {
        (0..n as u64).map(|i| self.pair(seed, kind, i)).collect()
    }
}

/// One text per line.
fn join(sentences: &[String]) -> String {
    sentences.join("\n")
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn total_words(sentences: &[String]) -> usize {
    sentences.iter().map(|s| word_count(s)).sum()
}

/// The generator of one pair.
struct Gen<'a> {
    pool: &'a [String],
    rng: ChaCha8Rng,
}

impl<'a> Gen<'a> {
    fn new(seeds: &'a Seeds, seed: u64, kind: Kind, index: u64) -> Self {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8..16].copy_from_slice(&kind.tag().to_le_bytes());
        key[16..24].copy_from_slice(&index.to_le_bytes());
        key[24..].copy_from_slice(b"sumbench");
        Gen {
            pool: &seeds.sentences,
            rng: ChaCha8Rng::from_seed(key),
        }
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift (bias below 2^-40 for our `n`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.rng.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.rng.next_u64() >> 11) as f64) * (1.0 / (1u64 << 53) as f64) < p
    }

    /// A target length around `words` (±20%).
    fn target(&mut self, words: usize) -> usize {
        let spread = words / 5;
        self.between(words - spread, words + spread)
    }

    fn random_sentence(&mut self) -> &'a str {
        let i = self.below(self.pool.len());
        &self.pool[i]
    }

    /// `sentence` with light noise; `level` scales every probability.
    fn noisy(&mut self, sentence: &str, level: f64) -> String {
        let mut words: Vec<String> = Vec::new();
        for w in sentence.split_whitespace() {
            if self.chance(0.03 * level) {
                continue; // dropped word
            }
            let mut w = w.to_owned();
            if self.chance(0.03 * level) {
                // punctuation change: strip a trailing mark or add a comma
                match w.pop() {
                    Some(c) if c.is_alphanumeric() => {
                        w.push(c);
                        w.push(',');
                    }
                    Some(_) | None => {}
                }
                if w.is_empty() {
                    continue;
                }
            }
            if self.chance(0.02 * level) {
                words.push(w.clone()); // duplicated word
            }
            words.push(w);
        }
        if words.is_empty() {
            words.push(
                sentence
                    .split_whitespace()
                    .next()
                    .unwrap_or("empty")
                    .to_owned(),
            );
        }
        let mut s = words.join(" ");
        let r = (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        if r < 0.06 * level {
            s = s.to_lowercase();
        } else if r < 0.08 * level {
            s = s.to_uppercase();
        } else if r < 0.12 * level {
            s = s
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().chain(c).collect(),
                        None => String::new(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
        if self.chance(0.1 * level) {
            if s.ends_with('.') {
                s.pop();
            } else {
                s.push('.');
            }
        } else if self.chance(0.04 * level) && s.ends_with('.') {
            s.pop();
            s.push('!');
        }
        s
    }

    /// The first `n` words of `sentence`, ended with a full stop when cut.
    fn truncate(sentence: &str, n: usize) -> String {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        if words.len() <= n {
            return sentence.to_owned();
        }
        let mut s = words[..n].join(" ");
        s.push('.');
        s
    }

    /// Appends `sentence`, cut so that the text stays close to `target` words. True when full.
    fn push_capped(out: &mut Vec<String>, sentence: String, target: usize) -> bool {
        let have = total_words(out);
        let room = target.saturating_sub(have);
        let len = word_count(&sentence);
        if len > room + 8 {
            out.push(Gen::truncate(&sentence, room.max(5)));
        } else {
            out.push(sentence);
        }
        total_words(out) >= target
    }

    /// A summary-like text of random sentences, about `words` long.
    fn summary(&mut self, words: usize) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        loop {
            let s = self.random_sentence();
            let s = self.noisy(s, 1.0);
            if Gen::push_capped(&mut out, s, target) {
                return out;
            }
        }
    }

    /// About `words` words: each sentence of `base` kept (perturbed, in order, sometimes swapped
    /// with its neighbour) with probability `keep`, else replaced by a random sentence.
    fn mix(&mut self, base: &[String], words: usize, keep: f64) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            let s = if i < base.len() && self.chance(keep) {
                base[i].clone()
            } else {
                self.random_sentence().to_owned()
            };
            i += 1;
            let s = self.noisy(&s, 1.0);
            if Gen::push_capped(&mut out, s, target) {
                break;
            }
        }
        if out.len() >= 2 && self.chance(0.3) {
            let k = self.below(out.len() - 1);
            out.swap(k, k + 1);
        }
        out
    }

    /// The lead of `source`, perturbed, about `words` long (an extractive baseline).
    fn lead(&mut self, source: &[String], words: usize) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        for s in source {
            let s = self.noisy(s, 0.5);
            if Gen::push_capped(&mut out, s, target) {
                break;
            }
        }
        out
    }

    /// Sentences picked from all over `source`, perturbed, about `words` long.
    fn extract(&mut self, source: &[String], words: usize) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        loop {
            let i = self.below(source.len());
            let s = self.noisy(&source[i], 0.5);
            if Gen::push_capped(&mut out, s, target) {
                return out;
            }
        }
    }

    /// An article: runs of 4 to 12 consecutive pool sentences, lightly perturbed, about
    /// `words` long, one sentence per line.
    fn article(&mut self, words: usize) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        loop {
            let start = self.below(self.pool.len());
            let run = self.between(4, 12);
            for k in 0..run {
                let s = &self.pool[(start + k) % self.pool.len()];
                let s = self.noisy(s, 0.3);
                if Gen::push_capped(&mut out, s, target) {
                    return out;
                }
            }
        }
    }

    /// A rewrite of `base`, about `words` long: each sentence kept and perturbed (70%),
    /// dropped (15%) or replaced by a random sentence (15%); topped up with random sentences.
    fn rewrite(&mut self, base: &[String], words: usize) -> Vec<String> {
        let target = self.target(words);
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            let s = if i < base.len() {
                let r = self.below(100);
                i += 1;
                if r < 70 {
                    base[i - 1].clone()
                } else if r < 85 {
                    continue;
                } else {
                    self.random_sentence().to_owned()
                }
            } else {
                self.random_sentence().to_owned()
            };
            let s = self.noisy(&s, 1.0);
            if Gen::push_capped(&mut out, s, target) {
                return out;
            }
        }
    }
}

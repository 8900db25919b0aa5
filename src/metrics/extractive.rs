//! Extractiveness, abstractiveness, repetition and compression of a summary against its source.
//!
//! This module owns the *token-level* measures of how much a summary copies from its source:
//! the NEWSROOM extractive fragments (Grusky, Naaman & Artzi 2018) with coverage, density and
//! PEGASUS's normalized density ([`fragments`], [`Extractive`]), SummEval's novel n-gram ratios
//! ([`novel_ngrams`]), PEGASUS's REGS-n repetition ([`repetition`]) and length/compression ratios
//! ([`Compression`]). Every function is pure, works on already tokenised and interned ids
//! (`&[u32]`, article/source `A` and summary/candidate `S`), never panics (empty inputs give
//! zeros), and keeps raw counts (sufficient statistics) next to the ratios so that corpus-level
//! micro averages and bootstrap intervals can be computed from the stored counts.
//!
//! It must not tokenise, intern, read files or aggregate over a corpus: the tokeniser decides
//! which numbers are comparable (spaCy tokens in NEWSROOM, rouge-score tokens in PEGASUS) and is
//! recorded in the signature by the caller.
//!
//! Fragments come in two flavours ([`FragmentMode`]): `Compat` reproduces the official NEWSROOM
//! greedy matcher bit for bit, including its skip quirk, and `Exact` takes the true longest match
//! at each greedy step. Neither re-reads the whole article at every greedy step as the official
//! loop does: both work from an [`ArticleIndex`] (posting lists and a suffix automaton of the
//! article), which can be built once and reused for every candidate summarising the same source.

use std::hash::Hash;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Which greedy fragment matcher [`fragments`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FragmentMode {
    /// The official NEWSROOM loop, quirk included: while scanning the article for the longest
    /// match of `S[i..]`, a match of length `L` at `j` resumes the scan at `j + L`, so occurrences
    /// inside a matched region are never tried (`S = a a b`, `A = a a a b` gives `[2, 1]`).
    /// Use it to reproduce published numbers.
    Compat,
    /// At each greedy position take the true longest match of `S[i..]` anywhere in the article
    /// (its matching statistic), append it when positive and jump past it, else advance by one
    /// (`S = a a b`, `A = a a a b` gives `[3]`).
    Exact,
}

/// Token comparisons per article token that [`FragmentMode::Compat`] spends before it builds
/// the suffix automaton for its early-exit bound: building costs about as much as this many
/// comparisons per token (measured: ~45 ns per article token against ~1-3 ns per comparison).
const SCAN_BUDGET: usize = 16;
/// Dense-id sentinel for a summary token that never occurs in the article.
const ABSENT: u32 = u32::MAX;
/// Sentinel for "no state" / "no edge" in the automaton builder.
const NIL: u32 = u32::MAX;
/// Longest article the index handles: the suffix automaton has fewer than `2 |A|` states, which
/// must fit in `u32` below the sentinels. Longer articles (beyond 8 GiB of ids) fall back to the
/// brute-force matchers, which are correct but slow.
const MAX_INDEXED: usize = (u32::MAX / 2 - 1) as usize;

/// Extractive fragment lengths of `summary` against `article`, in summary order.
///
/// Builds an [`ArticleIndex`] for this one call; build the index yourself to score several
/// summaries of the same article.
///
/// Cost: `O(|A| + |S|)` expected time for [`FragmentMode::Exact`]; [`FragmentMode::Compat`]
/// costs `O(|A| + |S|)` plus the occurrence scan described in [`ArticleIndex::fragments`]
/// (never more comparisons than the official loop, far fewer on natural text).
pub fn fragments(article: &[u32], summary: &[u32], mode: FragmentMode) -> Vec<u32> {
    ArticleIndex::new(article).fragments(summary, mode)
}

/// The official NEWSROOM greedy matcher transcribed literally (`newsroom/analyze/fragments.py`,
/// `Fragments._match`), skip quirk included. This is the test oracle for
/// [`FragmentMode::Compat`]; do not use it on long documents.
///
/// Cost: `O(|S| · |A|)` comparisons (the skip makes each greedy step one pass over the article).
#[doc(hidden)]
pub fn fragments_naive(article: &[u32], summary: &[u32]) -> Vec<u32> {
    let (a, s) = (article, summary);
    greedy(s.len(), |i| {
        let mut best = 0;
        let mut j = 0;
        while j < a.len() {
            if s[i] == a[j] {
                let (mut i2, mut j2) = (i, j);
                while i2 < s.len() && j2 < a.len() && s[i2] == a[j2] {
                    i2 += 1;
                    j2 += 1;
                }
                if i2 - i > best {
                    best = i2 - i;
                }
                j = j2;
            } else {
                j += 1;
            }
        }
        best
    })
}

/// Brute-force [`FragmentMode::Exact`]: the longest match of `S[i..]` at every article position.
/// Only used for articles too long to index; `O(|S| · |A| · L)`.
fn fragments_exact_brute(article: &[u32], summary: &[u32]) -> Vec<u32> {
    greedy(summary.len(), |i| {
        let rest = &summary[i..];
        (0..article.len())
            .map(|p| common_prefix(rest, &article[p..]))
            .max()
            .unwrap_or(0)
    })
}

/// The greedy parse of a summary of `summary_len` tokens: at each position `i`, `longest(i)` is
/// the length of the fragment the matcher takes there; a positive one is recorded and skipped,
/// otherwise the parse moves on by one token.
#[inline]
fn greedy(summary_len: usize, mut longest: impl FnMut(usize) -> usize) -> Vec<u32> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < summary_len {
        let l = longest(i);
        if l > 0 {
            out.push(to_u32(l));
            i += l;
        } else {
            i += 1;
        }
    }
    out
}

/// An article prepared once for fragment matching against any number of summaries.
///
/// Holds the article re-labelled with dense ids; the posting lists (for
/// [`FragmentMode::Compat`]) and the suffix automaton (for [`FragmentMode::Exact`], and for
/// `Compat` once its scan gets expensive) are built lazily on first use and then shared. The
/// index is `Send + Sync`, so one index can serve parallel scorers.
#[derive(Debug)]
pub struct ArticleIndex {
    repr: Repr,
}

#[derive(Debug)]
enum Repr {
    /// Articles up to [`MAX_INDEXED`] tokens.
    Indexed(Box<Indexed>),
    /// Absurdly long articles: kept verbatim, matched by brute force.
    Oversize(Vec<u32>),
}

#[derive(Debug)]
struct Indexed {
    /// Token id to dense id in `0..vocab`, in order of first occurrence.
    ids: FxHashMap<u32, u32>,
    /// The article in dense ids.
    dense: Vec<u32>,
    postings: OnceLock<Postings>,
    automaton: OnceLock<Automaton>,
}

impl ArticleIndex {
    /// Prepares `article`: one hash lookup per token (`O(|A|)` expected). Posting lists and the
    /// suffix automaton are built on first use, each in `O(|A|)` expected time.
    pub fn new(article: &[u32]) -> Self {
        if article.len() > MAX_INDEXED {
            return Self {
                repr: Repr::Oversize(article.to_vec()),
            };
        }
        let mut ids = FxHashMap::default();
        let dense = article
            .iter()
            .map(|&t| {
                let next = to_u32(ids.len());
                *ids.entry(t).or_insert(next)
            })
            .collect();
        Self {
            repr: Repr::Indexed(Box::new(Indexed {
                ids,
                dense,
                postings: OnceLock::new(),
                automaton: OnceLock::new(),
            })),
        }
    }

    /// Number of article tokens.
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Indexed(ix) => ix.dense.len(),
            Repr::Oversize(a) => a.len(),
        }
    }

    /// True for an empty article (every summary then has no fragments).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Extractive fragment lengths of `summary` against the indexed article, in summary order.
    ///
    /// Costs, with `m = |S|`, `n = |A|`, hash operations counted as `O(1)` expected, on top of
    /// the one-off lazy builds (`O(n)` each):
    ///
    /// * [`FragmentMode::Exact`]: `O(m)`. At greedy position `i` the automaton is walked from its
    ///   root along `S[i..]` until it has no transition; the walk takes at most `ms(i) + 1` steps,
    ///   where `ms(i)` is the longest match, and `i` then advances by `max(ms(i), 1)`, so all walks
    ///   together take at most `2m` steps.
    /// * [`FragmentMode::Compat`]: `O(m + W)`, where `W` is the number of token comparisons of
    ///   the scan. At greedy position `i` only the occurrences of `S[i]` are visited, in article
    ///   order, skipping those inside the region just matched (exactly the official loop's
    ///   `j = j2`), and each visit extends its match by direct comparison. The scan of a position
    ///   stops as soon as it reaches the exact longest match `ms(i)` (read from the suffix
    ///   automaton, which is built only once the scan has cost about as much as building it) or
    ///   when the article tail is too short to beat the best match so far. Every comparison made
    ///   is one the official loop also makes, so `W` never exceeds the official loop's `Θ(m · n)`;
    ///   on natural text `W` is a small part of the occurrences of `S[i]` per greedy step. The
    ///   worst case stays `Θ(m · n)`: when the quirk hides the only longest match behind a long
    ///   posting list (`A = (a a c)^k a a a b`, `S = (a a b)^r`), every step scans all `2k`
    ///   occurrences of `a`.
    ///
    /// Articles longer than about 2^31 tokens are not indexed and fall back to brute force.
    pub fn fragments(&self, summary: &[u32], mode: FragmentMode) -> Vec<u32> {
        let ix = match &self.repr {
            Repr::Indexed(ix) => ix,
            Repr::Oversize(a) => {
                return match mode {
                    FragmentMode::Compat => fragments_naive(a, summary),
                    FragmentMode::Exact => fragments_exact_brute(a, summary),
                };
            }
        };
        let s: Vec<u32> = summary
            .iter()
            .map(|t| ix.ids.get(t).copied().unwrap_or(ABSENT))
            .collect();
        let automaton = || {
            ix.automaton
                .get_or_init(|| Automaton::new(&ix.dense, ix.ids.len()))
        };
        match mode {
            FragmentMode::Exact => exact_greedy(automaton(), &s),
            FragmentMode::Compat => {
                let postings = ix
                    .postings
                    .get_or_init(|| Postings::new(&ix.dense, ix.ids.len()));
                compat_greedy(&ix.dense, postings, ix.automaton.get(), automaton, &s)
            }
        }
    }
}

/// Greedy longest-match parse of `s` (dense ids) with the automaton.
fn exact_greedy(automaton: &Automaton, s: &[u32]) -> Vec<u32> {
    greedy(s.len(), |i| automaton.longest_prefix(&s[i..]))
}

/// The official greedy loop restricted to the occurrences of `S[i]` in the article.
///
/// The automaton only supplies an early-exit bound, so it is built lazily (ski rental): the scan
/// runs without it until it has made [`SCAN_BUDGET`]` · |A|` token comparisons, about the
/// measured cost of building the automaton, and with it from then on. An automaton built earlier
/// (`ready`) is used at once.
fn compat_greedy<'a>(
    a: &[u32],
    postings: &Postings,
    ready: Option<&'a Automaton>,
    build: impl FnOnce() -> &'a Automaton,
    s: &[u32],
) -> Vec<u32> {
    let n = a.len();
    let mut automaton = ready;
    let mut build = Some(build);
    let mut work = 0usize;
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let occ = postings.of(rest[0]);
        if occ.is_empty() {
            i += 1;
            continue;
        }
        // No occurrence can beat the exact longest match: stop the scan once it is reached.
        let bound = automaton.map_or(rest.len(), |sa| sa.longest_prefix(rest));
        let mut best = 0;
        let mut k = 0;
        while let Some(&p) = occ.get(k) {
            let p = p as usize;
            if n - p <= best {
                break; // every later occurrence has an even shorter article tail
            }
            let l = common_prefix(rest, &a[p..]);
            work += l + 1;
            if l > best {
                best = l;
                if best >= bound {
                    break;
                }
            }
            // The official loop resumes at p + l: occurrences inside the match are skipped.
            let resume = p + l;
            k += 1;
            while occ.get(k).is_some_and(|&q| (q as usize) < resume) {
                k += 1;
            }
        }
        if automaton.is_none() && work > n.saturating_mul(SCAN_BUDGET) {
            automaton = build.take().map(|f| f());
        }
        // `occ` is non-empty, so `best >= 1`.
        out.push(to_u32(best));
        i += best.max(1);
    }
    out
}

/// Length of the common prefix of two slices.
fn common_prefix(x: &[u32], y: &[u32]) -> usize {
    x.iter().zip(y).take_while(|(a, b)| a == b).count()
}

/// `usize` to `u32`, saturating (lengths above `u32::MAX` cannot occur for indexed articles).
fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Occurrence positions of every dense id, ascending, in one flat array (counting sort).
#[derive(Debug)]
struct Postings {
    /// `start[d]..start[d + 1]` is the slice of `pos` holding the occurrences of dense id `d`.
    start: Vec<u32>,
    pos: Vec<u32>,
}

impl Postings {
    fn new(dense: &[u32], vocab: usize) -> Self {
        let mut start = vec![0u32; vocab + 1];
        for &d in dense {
            start[d as usize + 1] += 1;
        }
        for d in 0..vocab {
            start[d + 1] += start[d];
        }
        let mut fill = start.clone();
        let mut pos = vec![0u32; dense.len()];
        for (p, &d) in dense.iter().enumerate() {
            let slot = &mut fill[d as usize];
            pos[*slot as usize] = to_u32(p);
            *slot += 1;
        }
        Self { start, pos }
    }

    /// Occurrences of dense id `d` (empty for [`ABSENT`]).
    fn of(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.start.get(d), self.start.get(d + 1)) {
            (Some(&lo), Some(&hi)) => &self.pos[lo as usize..hi as usize],
            _ => &[],
        }
    }
}

/// Suffix automaton of the article (Blumer, Blumer, Haussler, Ehrenfeucht, Chen & Seiferas 1985;
/// the classic online construction). After construction only the transitions are kept: matching
/// forward from the root never follows suffix links.
///
/// Storage for a large, sparse alphabet: the root's transitions (one per article type, used at
/// every greedy step) in a table indexed by dense id; every other state's first transition inline
/// (most states have exactly one); the remaining ones in a hash map keyed by
/// `(state << 32) | symbol`.
#[derive(Debug)]
struct Automaton {
    /// Root transition of each dense id, [`NIL`] if none (never, once built).
    root: Vec<u32>,
    /// Symbol of each state's inline transition (meaningless when `first_to` is [`NIL`]).
    first_sym: Vec<u32>,
    /// Target of each state's inline transition, [`NIL`] if the state has none.
    first_to: Vec<u32>,
    /// Whether the state has further transitions in `more`.
    spilled: Vec<bool>,
    more: FxHashMap<u64, u32>,
}

fn edge_key(state: u32, sym: u32) -> u64 {
    (u64::from(state) << 32) | u64::from(sym)
}

impl Automaton {
    /// Online construction over dense ids `< vocab`: `O(|A|)` expected time, fewer than `2|A|`
    /// states and `3|A|` transitions.
    fn new(a: &[u32], vocab: usize) -> Self {
        let mut b = Builder::new(a.len(), vocab);
        for &c in a {
            b.extend(c);
        }
        b.sa
    }

    /// Target of the `c`-transition of `state`.
    fn next(&self, state: u32, c: u32) -> Option<u32> {
        if state == 0 {
            return self.root.get(c as usize).copied().filter(|&t| t != NIL);
        }
        let s = state as usize;
        let first = self.first_to.get(s).copied().unwrap_or(NIL);
        if first != NIL && self.first_sym[s] == c {
            Some(first)
        } else if self.spilled.get(s).copied().unwrap_or(false) {
            self.more.get(&edge_key(state, c)).copied()
        } else {
            None
        }
    }

    /// Length of the longest prefix of `s` that occurs in the article (its matching statistic).
    fn longest_prefix(&self, s: &[u32]) -> usize {
        let mut state = 0;
        let mut len = 0;
        for &c in s {
            match self.next(state, c) {
                Some(t) => {
                    state = t;
                    len += 1;
                }
                None => break,
            }
        }
        len
    }
}

/// Construction state of the suffix automaton. The symbols of each state's spilled transitions
/// are also kept as a singly linked list, so that a split can copy the transitions of the state it
/// clones.
struct Builder {
    sa: Automaton,
    len: Vec<u32>,
    link: Vec<u32>,
    more_head: Vec<u32>,
    edge_sym: Vec<u32>,
    edge_next: Vec<u32>,
    last: u32,
}

impl Builder {
    fn new(n: usize, vocab: usize) -> Self {
        let states = 2 * n + 1;
        let mut more = FxHashMap::default();
        more.reserve(n);
        let mut b = Self {
            sa: Automaton {
                root: vec![NIL; vocab],
                first_sym: Vec::with_capacity(states),
                first_to: Vec::with_capacity(states),
                spilled: Vec::with_capacity(states),
                more,
            },
            len: Vec::with_capacity(states),
            link: Vec::with_capacity(states),
            more_head: Vec::with_capacity(states),
            edge_sym: Vec::with_capacity(n),
            edge_next: Vec::with_capacity(n),
            last: 0,
        };
        b.new_state(0, NIL);
        b
    }

    fn new_state(&mut self, len: u32, link: u32) -> u32 {
        let id = to_u32(self.len.len());
        self.len.push(len);
        self.link.push(link);
        self.more_head.push(NIL);
        self.sa.first_sym.push(NIL);
        self.sa.first_to.push(NIL);
        self.sa.spilled.push(false);
        id
    }

    /// Adds the `c`-transition of `state`, which must not exist yet.
    fn add(&mut self, state: u32, c: u32, target: u32) {
        let s = state as usize;
        if state == 0 {
            if let Some(t) = self.sa.root.get_mut(c as usize) {
                *t = target;
            }
        } else if self.sa.first_to[s] == NIL {
            self.sa.first_sym[s] = c;
            self.sa.first_to[s] = target;
        } else {
            self.sa.more.insert(edge_key(state, c), target);
            self.sa.spilled[s] = true;
            let e = to_u32(self.edge_sym.len());
            self.edge_sym.push(c);
            self.edge_next.push(self.more_head[s]);
            self.more_head[s] = e;
        }
    }

    /// The existing `c`-transition of `state`, for redirection.
    fn slot(&mut self, state: u32, c: u32) -> Option<&mut u32> {
        let s = state as usize;
        if state == 0 {
            self.sa.root.get_mut(c as usize).filter(|t| **t != NIL)
        } else if self.sa.first_to[s] != NIL && self.sa.first_sym[s] == c {
            Some(&mut self.sa.first_to[s])
        } else if self.sa.spilled[s] {
            self.sa.more.get_mut(&edge_key(state, c))
        } else {
            None
        }
    }

    fn extend(&mut self, c: u32) {
        let cur = self.new_state(self.len[self.last as usize] + 1, NIL);
        let mut p = self.last;
        self.last = cur;
        // Walk up the suffix links adding `c`-transitions to `cur` until one already exists.
        let q = loop {
            if p == NIL {
                self.link[cur as usize] = 0;
                return;
            }
            if let Some(q) = self.sa.next(p, c) {
                break q;
            }
            self.add(p, c, cur);
            p = self.link[p as usize];
        };
        if self.len[p as usize] + 1 == self.len[q as usize] {
            self.link[cur as usize] = q;
            return;
        }
        // Split: `clone` takes q's transitions and the shorter strings of q's class.
        let clone = self.new_state(self.len[p as usize] + 1, self.link[q as usize]);
        let (qs, cs) = (q as usize, clone as usize);
        self.sa.first_sym[cs] = self.sa.first_sym[qs];
        self.sa.first_to[cs] = self.sa.first_to[qs];
        let mut e = self.more_head[qs];
        while e != NIL {
            let sym = self.edge_sym[e as usize];
            if let Some(t) = self.sa.more.get(&edge_key(q, sym)).copied() {
                self.add(clone, sym, t);
            }
            e = self.edge_next[e as usize];
        }
        while p != NIL {
            match self.slot(p, c) {
                Some(t) if *t == q => *t = clone,
                _ => break,
            }
            p = self.link[p as usize];
        }
        self.link[qs] = clone;
        self.link[cur as usize] = clone;
    }
}

/// Coverage, density and normalized density of one summary, with the raw sums they come from.
///
/// Ratios are 0 for an empty summary. Corpus micro averages: `Σ copied_tokens / Σ summary_tokens`
/// (coverage) and `Σ copied_sq / Σ summary_tokens` (density).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extractive {
    /// Share of summary tokens inside a copied fragment: `Σ|f| / |S|` (NEWSROOM).
    pub coverage: f64,
    /// Average length of the fragment a summary token belongs to: `Σ|f|² / |S|` (NEWSROOM).
    pub density: f64,
    /// `density / |S|` (PEGASUS), comparable across summary lengths.
    pub normalized_density: f64,
    /// Number of fragments.
    pub fragments: usize,
    /// `Σ|f|`, the number of copied summary tokens.
    pub copied_tokens: u64,
    /// `Σ|f|²`.
    pub copied_sq: u64,
    /// `|S|`, the number of summary tokens.
    pub summary_tokens: u64,
}

impl Extractive {
    /// Scores from fragment lengths (as returned by [`fragments`]) and the summary length.
    pub fn from_fragments(fragments: &[u32], summary_len: usize) -> Self {
        let (copied_tokens, copied_sq) = fragments.iter().fold((0u64, 0u64), |(sum, sq), &f| {
            let f = u64::from(f);
            (
                sum.saturating_add(f),
                sq.saturating_add(f.saturating_mul(f)),
            )
        });
        let summary_tokens = summary_len as u64;
        let (coverage, density, normalized_density) = if summary_tokens == 0 {
            (0.0, 0.0, 0.0)
        } else {
            let s = summary_tokens as f64;
            let density = copied_sq as f64 / s;
            (copied_tokens as f64 / s, density, density / s)
        };
        Self {
            coverage,
            density,
            normalized_density,
            fragments: fragments.len(),
            copied_tokens,
            copied_sq,
            summary_tokens,
        }
    }

    /// Fragments of `summary` against `article` in `mode`, then [`Extractive::from_fragments`].
    pub fn compute(article: &[u32], summary: &[u32], mode: FragmentMode) -> Self {
        Self::from_fragments(&fragments(article, summary, mode), summary.len())
    }
}

/// Novel n-grams of a summary (SummEval counts types; the token-weighted variant counts
/// occurrences).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NovelNgrams {
    /// The n-gram order.
    pub n: usize,
    /// Distinct n-grams of the summary.
    pub distinct: u64,
    /// Distinct summary n-grams that never occur in the article.
    pub distinct_novel: u64,
    /// N-gram occurrences in the summary (`|S| - n + 1`, or 0).
    pub total: u64,
    /// Summary n-gram occurrences whose n-gram never occurs in the article.
    pub total_novel: u64,
}

impl NovelNgrams {
    /// `distinct_novel / distinct` (SummEval's novel n-gram ratio); 0 when the summary has no
    /// n-gram.
    pub fn ratio(&self) -> f64 {
        ratio(self.distinct_novel, self.distinct)
    }

    /// `total_novel / total`: novel occurrences over all n-gram occurrences of the summary; 0 when
    /// the summary has no n-gram.
    pub fn token_weighted_ratio(&self) -> f64 {
        ratio(self.total_novel, self.total)
    }
}

/// Counts the summary's n-grams of order `n` and which of them are absent from the article.
///
/// Cost: `O(|S| + |A|)` expected for `n <= 4` (windows packed into a `u128` key); the summary's
/// n-grams go into a small hash map and the article is streamed past it, stopping early once every
/// summary n-gram was seen. Larger `n` works too (slice keys, `O(n (|S| + |A|))`); `n = 0` gives
/// all zeros.
pub fn novel_ngrams(article: &[u32], summary: &[u32], n: usize) -> NovelNgrams {
    if n == 0 || summary.len() < n {
        return NovelNgrams {
            n,
            distinct: 0,
            distinct_novel: 0,
            total: 0,
            total_novel: 0,
        };
    }
    if n <= 4 {
        novel_with(article, summary, n, pack)
    } else {
        novel_with(article, summary, n, |w| w)
    }
}

fn novel_with<'a, K: Hash + Eq>(
    article: &'a [u32],
    summary: &'a [u32],
    n: usize,
    key: impl Fn(&'a [u32]) -> K,
) -> NovelNgrams {
    // n-gram -> (occurrences in the summary, seen in the article)
    let mut grams: FxHashMap<K, (u64, bool)> = FxHashMap::default();
    for w in summary.windows(n) {
        grams.entry(key(w)).or_insert((0, false)).0 += 1;
    }
    let mut unseen = grams.len();
    for w in article.windows(n) {
        if unseen == 0 {
            break;
        }
        if let Some(g) = grams.get_mut(&key(w))
            && !g.1
        {
            g.1 = true;
            unseen -= 1;
        }
    }
    let mut out = NovelNgrams {
        n,
        distinct: grams.len() as u64,
        distinct_novel: unseen as u64,
        total: 0,
        total_novel: 0,
    };
    for &(count, seen) in grams.values() {
        out.total += count;
        if !seen {
            out.total_novel += count;
        }
    }
    out
}

/// Packs up to four ids into one key (exact: 32 bits per id).
fn pack(w: &[u32]) -> u128 {
    w.iter().fold(0u128, |k, &t| (k << 32) | u128::from(t))
}

/// Repetition REGS-n (PEGASUS) of one summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repetition {
    /// The n-gram order.
    pub n: usize,
    /// N-gram occurrences whose n-gram occurs more than once in the summary.
    pub repeated: u64,
    /// N-gram occurrences in the summary (`|S| - n + 1`, or 0).
    pub total: u64,
}

impl Repetition {
    /// `repeated / total`; 0 when the summary has no n-gram.
    pub fn ratio(&self) -> f64 {
        ratio(self.repeated, self.total)
    }
}

/// REGS-n: share of the summary's n-gram occurrences that belong to an n-gram occurring more than
/// once in it (`This is a test test test` gives 3/6, 2/5 and 0/4 for n = 1, 2, 3).
///
/// Cost: `O(|S|)` expected for `n <= 4`, `O(n |S|)` beyond; `n = 0` gives zeros.
pub fn repetition(summary: &[u32], n: usize) -> Repetition {
    let (repeated, total) = match n {
        0 => (0, 0),
        _ if summary.len() < n => (0, 0),
        1..=4 => repeated_with(summary, n, pack),
        _ => repeated_with(summary, n, |w| w),
    };
    Repetition { n, repeated, total }
}

fn repeated_with<'a, K: Hash + Eq>(
    summary: &'a [u32],
    n: usize,
    key: impl Fn(&'a [u32]) -> K,
) -> (u64, u64) {
    let mut counts: FxHashMap<K, u64> = FxHashMap::default();
    for w in summary.windows(n) {
        *counts.entry(key(w)).or_insert(0) += 1;
    }
    let total = counts.values().sum();
    let repeated = counts.values().filter(|&&c| c > 1).sum();
    (repeated, total)
}

/// Raw lengths of a source and a candidate; compression is `source / candidate` (NEWSROOM).
///
/// Counting words, characters and sentences is the tokeniser's job; this type only keeps the
/// counts (sufficient statistics) and derives the ratios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compression {
    /// Source (article) word tokens.
    pub source_words: u64,
    /// Candidate (summary) word tokens.
    pub candidate_words: u64,
    /// Source characters.
    pub source_chars: u64,
    /// Candidate characters.
    pub candidate_chars: u64,
    /// Source sentences.
    pub source_sentences: u64,
    /// Candidate sentences.
    pub candidate_sentences: u64,
}

impl Compression {
    /// Word compression `|A| / |S|`; `None` for an empty candidate.
    pub fn word_ratio(&self) -> Option<f64> {
        checked_ratio(self.source_words, self.candidate_words)
    }

    /// Character compression; `None` when the candidate has no character.
    pub fn char_ratio(&self) -> Option<f64> {
        checked_ratio(self.source_chars, self.candidate_chars)
    }

    /// Sentence compression; `None` when the candidate has no sentence.
    pub fn sentence_ratio(&self) -> Option<f64> {
        checked_ratio(self.source_sentences, self.candidate_sentences)
    }

    /// Candidate words over source words (the inverse of [`Compression::word_ratio`]); `None` for
    /// an empty source.
    pub fn length_share(&self) -> Option<f64> {
        checked_ratio(self.candidate_words, self.source_words)
    }

    /// True when the candidate has more words than its source (not a summary at all).
    pub fn is_expansion(&self) -> bool {
        self.candidate_words > self.source_words
    }
}

fn ratio(num: u64, den: u64) -> f64 {
    checked_ratio(num, den).unwrap_or(0.0)
}

fn checked_ratio(num: u64, den: u64) -> Option<f64> {
    (den != 0).then(|| num as f64 / den as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashSet;

    /// Distinct n-grams, an independent oracle.
    fn distinct_slices(x: &[u32], n: usize) -> FxHashSet<&[u32]> {
        x.windows(n).collect()
    }

    /// Interns whitespace-separated words with one vocabulary per call.
    fn ids(texts: &[&str]) -> Vec<Vec<u32>> {
        let mut vocab: FxHashMap<&str, u32> = FxHashMap::default();
        texts
            .iter()
            .map(|t| {
                t.split_whitespace()
                    .map(|w| {
                        let next = vocab.len() as u32;
                        *vocab.entry(w).or_insert(next)
                    })
                    .collect()
            })
            .collect()
    }

    fn both(a: &[u32], s: &[u32]) -> (Vec<u32>, Vec<u32>) {
        (
            fragments(a, s, FragmentMode::Compat),
            fragments(a, s, FragmentMode::Exact),
        )
    }

    #[test]
    fn newsroom_vector() {
        let v = ids(&["a b c d e f g", "c d e e a b z"]);
        let (compat, exact) = both(&v[0], &v[1]);
        assert_eq!(compat, vec![3, 1, 2]);
        assert_eq!(exact, vec![3, 1, 2]);
        assert_eq!(fragments_naive(&v[0], &v[1]), vec![3, 1, 2]);
        for f in [compat, exact] {
            let e = Extractive::from_fragments(&f, v[1].len());
            assert!((e.coverage - 6.0 / 7.0).abs() < 1e-12);
            assert_eq!(e.density, 2.0);
            assert!((e.normalized_density - 2.0 / 7.0).abs() < 1e-12);
            assert_eq!((e.fragments, e.copied_tokens, e.copied_sq), (3, 6, 14));
            assert_eq!(e.summary_tokens, 7);
        }
    }

    #[test]
    fn skip_quirk() {
        let v = ids(&["a a a b", "a a b"]);
        let (compat, exact) = both(&v[0], &v[1]);
        assert_eq!(compat, vec![2, 1]);
        assert_eq!(fragments_naive(&v[0], &v[1]), vec![2, 1]);
        assert_eq!(exact, vec![3]);
        let e = Extractive::from_fragments(&compat, 3);
        assert!((e.density - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(e.coverage, 1.0);
    }

    #[test]
    fn empty_inputs() {
        let x = [1u32, 2, 3];
        for mode in [FragmentMode::Compat, FragmentMode::Exact] {
            assert!(fragments(&[], &[], mode).is_empty());
            assert!(fragments(&x, &[], mode).is_empty());
            assert!(fragments(&[], &x, mode).is_empty());
            let e = Extractive::compute(&x, &[], mode);
            assert_eq!(
                (e.coverage, e.density, e.normalized_density),
                (0.0, 0.0, 0.0)
            );
            assert_eq!((e.fragments, e.copied_tokens, e.summary_tokens), (0, 0, 0));
            let e = Extractive::compute(&[], &x, mode);
            assert_eq!((e.coverage, e.summary_tokens), (0.0, 3));
        }
        assert!(fragments_naive(&[], &x).is_empty());
        assert!(fragments_exact_brute(&x, &[]).is_empty());
        for n in 0..6 {
            let g = novel_ngrams(&[], &[], n);
            assert_eq!(
                (g.distinct, g.total, g.ratio(), g.token_weighted_ratio()),
                (0, 0, 0.0, 0.0)
            );
            let g = novel_ngrams(&[], &x, n);
            assert_eq!(g.ratio(), if (1..=3).contains(&n) { 1.0 } else { 0.0 });
            let r = repetition(&[], n);
            assert_eq!((r.repeated, r.total, r.ratio()), (0, 0, 0.0));
        }
    }

    #[test]
    fn extreme_token_ids() {
        // u32::MAX is an ordinary token id, distinct from the internal sentinels.
        let a = [u32::MAX, 0, u32::MAX, u32::MAX - 1, u32::MAX];
        let s = [u32::MAX, u32::MAX - 1, u32::MAX, 7, u32::MAX];
        let (compat, exact) = both(&a, &s);
        assert_eq!(compat, fragments_naive(&a, &s));
        assert_eq!(exact, vec![3, 1]);
        assert_eq!(compat, vec![3, 1]);
        let g = novel_ngrams(&a, &s, 1);
        assert_eq!(
            (g.distinct, g.distinct_novel, g.total, g.total_novel),
            (3, 1, 5, 1)
        );
    }

    #[test]
    fn index_is_reusable() {
        let v = ids(&["a b c a b d", "a b d", "c a b c", "x", ""]);
        let index = ArticleIndex::new(&v[0]);
        assert_eq!(index.len(), 6);
        assert!(!index.is_empty());
        for s in &v[1..] {
            for mode in [FragmentMode::Exact, FragmentMode::Compat] {
                assert_eq!(index.fragments(s, mode), fragments(&v[0], s, mode));
            }
        }
        assert_eq!(index.fragments(&v[1], FragmentMode::Exact), vec![3]);
        assert_eq!(index.fragments(&v[2], FragmentMode::Exact), vec![3, 1]);
        assert!(ArticleIndex::new(&[]).is_empty());
        fn shareable<T: Send + Sync>() {}
        shareable::<ArticleIndex>();
    }

    /// Runs the Compat scan with the automaton available from the start and with the lazy build.
    fn compat_both_ways(a: &[u32], s: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let ArticleIndex {
            repr: Repr::Indexed(ix),
        } = ArticleIndex::new(a)
        else {
            unreachable!("small articles are indexed")
        };
        let s: Vec<u32> = s
            .iter()
            .map(|t| ix.ids.get(t).copied().unwrap_or(ABSENT))
            .collect();
        let postings = Postings::new(&ix.dense, ix.ids.len());
        let sa = Automaton::new(&ix.dense, ix.ids.len());
        let eager = compat_greedy(&ix.dense, &postings, Some(&sa), || &sa, &s);
        let lazy = compat_greedy(&ix.dense, &postings, None, || &sa, &s);
        (eager, lazy)
    }

    #[test]
    fn compat_bound_paths_agree() {
        // a^200 vs (a b)^50 spends the scan budget after a few steps, so the lazy run switches
        // to the automaton bound midway.
        let a = vec![1u32; 200];
        let s: Vec<u32> = (0..50).flat_map(|_| [1, 2]).collect();
        let (eager, lazy) = compat_both_ways(&a, &s);
        assert_eq!(eager, fragments_naive(&a, &s));
        assert_eq!(lazy, eager);
        // The quirk adversary: the only length-3 match hides behind the skip.
        let mut a: Vec<u32> = (0..300).flat_map(|_| [1, 1, 3]).collect();
        a.extend([1, 1, 1, 2]);
        let s: Vec<u32> = (0..40).flat_map(|_| [1, 1, 2]).collect();
        let (eager, lazy) = compat_both_ways(&a, &s);
        assert_eq!(eager, fragments_naive(&a, &s));
        assert_eq!(lazy, eager);
        assert_eq!(&eager[..2], &[2, 1]);
        // Pseudo-random small-alphabet cases.
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |k: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % k) as u32
        };
        for _ in 0..500 {
            let n = next(120) as usize;
            let m = next(60) as usize;
            let sigma = 1 + u64::from(next(4));
            let a: Vec<u32> = (0..n).map(|_| next(sigma)).collect();
            let s: Vec<u32> = (0..m).map(|_| next(sigma + 1)).collect();
            let (eager, lazy) = compat_both_ways(&a, &s);
            assert_eq!(eager, fragments_naive(&a, &s), "a={a:?} s={s:?}");
            assert_eq!(lazy, eager);
        }
    }

    #[test]
    fn exact_brute_agrees() {
        let v = ids(&["a a a b a b b a", "a a b b a b a a a b x b"]);
        assert_eq!(
            fragments(&v[0], &v[1], FragmentMode::Exact),
            fragments_exact_brute(&v[0], &v[1])
        );
    }

    #[test]
    fn repetition_vector() {
        let v = ids(&["this is a test test test"]);
        let r: Vec<_> = (1..=3).map(|n| repetition(&v[0], n)).collect();
        assert_eq!((r[0].repeated, r[0].total, r[0].ratio()), (3, 6, 0.5));
        assert_eq!((r[1].repeated, r[1].total, r[1].ratio()), (2, 5, 0.4));
        assert_eq!((r[2].repeated, r[2].total, r[2].ratio()), (0, 4, 0.0));
        // Orders above 4 use slice keys.
        let s = [1u32, 2, 3, 4, 5, 1, 2, 3, 4, 5];
        assert_eq!(repetition(&s, 5).repeated, 2);
        assert_eq!(repetition(&s, 5).total, 6);
        assert_eq!(repetition(&s, 11).total, 0);
    }

    #[test]
    fn novel_ngram_counts() {
        let v = ids(&["the cat sat on the mat", "the cat sat on a mat the cat"]);
        let g1 = novel_ngrams(&v[0], &v[1], 1);
        assert_eq!(
            (g1.distinct, g1.distinct_novel, g1.total, g1.total_novel),
            (6, 1, 8, 1)
        );
        let g2 = novel_ngrams(&v[0], &v[1], 2);
        // the-cat x2, cat-sat, sat-on, on-a*, a-mat*, mat-the*
        assert_eq!(
            (g2.distinct, g2.distinct_novel, g2.total, g2.total_novel),
            (6, 3, 7, 3)
        );
        assert_eq!(g2.ratio(), 0.5);
        assert!((g2.token_weighted_ratio() - 3.0 / 7.0).abs() < 1e-12);
        for n in 1..=7 {
            let g = novel_ngrams(&v[0], &v[1], n);
            let sa = distinct_slices(&v[0], n);
            let ss = distinct_slices(&v[1], n);
            assert_eq!(g.n, n);
            assert_eq!(g.distinct, ss.len() as u64);
            assert_eq!(g.distinct_novel, ss.difference(&sa).count() as u64);
            assert_eq!(g.total, v[1].len().saturating_sub(n - 1) as u64);
        }
        // Packing is exact: these two bigrams differ although their ids overlap bitwise.
        let g = novel_ngrams(&[0, 1 << 31], &[1 << 31, 0], 2);
        assert_eq!(g.distinct_novel, 1);
    }

    #[test]
    fn compression_ratios() {
        let c = Compression {
            source_words: 130,
            candidate_words: 10,
            source_chars: 600,
            candidate_chars: 50,
            source_sentences: 8,
            candidate_sentences: 0,
        };
        assert_eq!(c.word_ratio(), Some(13.0));
        assert_eq!(c.char_ratio(), Some(12.0));
        assert_eq!(c.sentence_ratio(), None);
        assert_eq!(c.length_share(), Some(10.0 / 130.0));
        assert!(!c.is_expansion());
        let e = Compression {
            source_words: 0,
            candidate_words: 3,
            ..c.clone()
        };
        assert_eq!(e.length_share(), None);
        assert_eq!(e.word_ratio(), Some(0.0));
        assert!(e.is_expansion());
    }

    #[test]
    fn mode_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&[FragmentMode::Compat, FragmentMode::Exact]).unwrap(),
            r#"["compat","exact"]"#
        );
    }
}

//! Thai word segmentation: a reimplementation of PyThaiNLP's `newmm` tokenizer, which
//! `pythainlp.tokenize.word_tokenize(text, engine="newmm")` uses (pythainlp 5.4.0, read from
//! its source: `tokenize/newmm.py`, `tokenize/tcc_p.py`, `util/trie.py`, `tokenize/core.py`,
//! `tokenize/_utils.py`), with its default dictionary and its defaults (`keep_whitespace=True`,
//! `join_broken_num=True`). It is the segmenter multilingual-rouge calls for Thai. Checked token
//! for token against pythainlp on `tests/fixtures/multilingual/thai-newmm.jsonl`
//! (`scripts/multilingual/thai_fixture.py`).
//!
//! The tokens tile the text: whitespace is kept, as tokens of its own (`" "`, `"\n"`, `"\r\n"`).
//! Positions below are in characters (code points), as in Python.
//!
//! 1. **Thai character clusters (TCC).** The text is cut into clusters that a word boundary
//!    never splits (a consonant with its vowels, tone marks and a silenced final): at each
//!    position the first of newmm's 29 cluster patterns (`tcc_p.py`'s "improved rules",
//!    after Theeramunkong et al. 2000) that matches, in their order, with a regular
//!    expression's backtracking; one character when none matches (so every character that is
//!    not Thai is a cluster of its own). Word boundaries may only fall at cluster ends.
//! 2. **Maximal matching over a graph of dictionary words.** From position 0 a priority queue
//!    of candidate breaks is processed smallest first: the dictionary words that start at the
//!    popped position and end at a cluster end become edges of a graph (shortest first, at most
//!    one edge per position once the graph holds more than 50 edges, newmm's cutoff against
//!    exponential ambiguity) and their ends join the queue. When a single candidate is left,
//!    the ambiguity is resolved: the first path breadth-first search finds from the last break
//!    to it (the fewest words) gives the tokens, and the graph is cleared. When none is left,
//!    the text there is not in the dictionary: a run that is not Thai (Latin letters and `-`;
//!    a number `\d+([,.]\d+)*`, `\d` any Unicode decimal digit, Thai digits included; spaces and
//!    tabs; a newline `\r?\n`; any other characters but Thai ones and whitespace) is one token,
//!    and a Thai run extends to the next cluster end where either such a non-Thai run or a
//!    dictionary word (ending at a cluster end, and not just one or two consonants) starts.
//! 3. **Numbers rejoined** (`join_broken_num`): every match of `(\d+[.,:])+\d+` in the text
//!    (`12:30`, `127.0.0.1`) merges the tokens that start inside it, from the first token that
//!    starts at or after its start, into one.
//!
//! newmm's "safe mode" (splitting texts of 140 characters or more into chunks at likely breaks
//! before segmenting) belongs to the `newmm-safe` engine only; `newmm`, reproduced here,
//! segments the whole text at once, however long.
//!
//! The dictionary is pythainlp's `corpus/words_th.txt` (62,106 words, CC0-1.0, by the PyThaiNLP
//! project), committed unchanged as `data/thai/words_th.txt` (origin and license in
//! `data/thai/LICENSE`), read as `pythainlp.corpus.thai_words()` reads it (lines, stripped,
//! empty ones dropped). It is built into a trie once per process, on first use; each call then
//! works in per-thread buffers that are reused.

use std::cell::RefCell;
use std::sync::OnceLock;

const WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/thai/words_th.txt"
));

/// newmm's `_MAX_GRAPH_SIZE`: past this many edges, a position adds only its first word.
const MAX_GRAPH_SIZE: usize = 50;

/// The characters Python's `re` module takes for `\d` (`str.isdecimal`, category Nd, Unicode
/// 14.0 as in Python 3.11), as inclusive ranges.
const DECIMAL: [(u32, u32); 62] = [
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

/// Python's `\d`.
fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let cp = c as u32;
    DECIMAL
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The Thai block, U+0E00 to U+0E7F (newmm's `\u0E00-\u0E7F`).
fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

/// A Thai consonant, ก to ฮ.
fn is_consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// Python's `str.isspace` (what `str.strip` removes).
fn is_python_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1C}'..='\u{20}'
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// A line boundary of Python's `str.splitlines` (`\r\n` is two of them here, which only adds
/// an empty line).
fn is_python_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{B}'
            | '\u{C}'
            | '\r'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

// ---------------------------------------------------------------------------------------------
// Thai character clusters

/// One element of a cluster pattern.
#[derive(Debug)]
enum Pat {
    /// One character in one of the inclusive ranges.
    Set(Vec<(char, char)>),
    /// The sequence, or nothing (greedy: the sequence is tried first).
    Opt(Vec<Pat>),
    /// The lookahead `(?=[เ-ไก-ฮ]|$)`: a leading vowel or a consonant follows, or the text
    /// ends (Python's `$`: at the end, or before a newline that ends the text).
    Ahead,
}

/// newmm's cluster patterns (`tcc_p.py`), in their order, in its template notation: `c` a
/// consonant, `t` an optional tone mark, `k` an optional silenced final
/// (`(cc?[ุูิ]?[์])?`), `[...]` a character class, `?` an optional element; `@` stands for the
/// lookahead `(?=[เ-ไก-ฮ]|$)`.
const TCC_RULES: [&str; 29] = [
    "เc็ck",
    "เcctาะk",
    "เccีtยะk",
    "เccีtย@k",
    "เcc็ck",
    "เcิc์ck",
    "เcิtck",
    "เcีtยะ?k",
    "เcืtอะ?k",
    "เc[ิีุู]tย@k",
    "เctา?ะ?k",
    "cัtวะk",
    "c[ัื]tc[ุิะ]?k",
    "c[ิุู]์",
    "c[ะ-ู]tk",
    "cรรc์",
    "c็",
    "ct[ะาำ]?k",
    "ck",
    "แc็c",
    "แcc์",
    "แctะ",
    "แcc็c",
    "แccc์",
    "โctะ",
    "[เ-ไ]ct",
    "ก็",
    "อึ",
    "หึ",
];

fn consonant() -> Pat {
    Pat::Set(vec![('\u{0E01}', '\u{0E2E}')])
}

/// Compiles one template of [`TCC_RULES`].
fn compile_rule(rule: &str) -> Vec<Pat> {
    let chars: Vec<char> = rule.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            'c' => out.push(consonant()),
            't' => out.push(Pat::Opt(vec![Pat::Set(vec![('\u{0E48}', '\u{0E4B}')])])),
            'k' => out.push(Pat::Opt(vec![
                consonant(),
                Pat::Opt(vec![consonant()]),
                Pat::Opt(vec![Pat::Set(vec![
                    ('\u{0E38}', '\u{0E38}'),
                    ('\u{0E39}', '\u{0E39}'),
                    ('\u{0E34}', '\u{0E34}'),
                ])]),
                Pat::Set(vec![('\u{0E4C}', '\u{0E4C}')]),
            ])),
            '@' => out.push(Pat::Ahead),
            '?' => {
                if let Some(last) = out.pop() {
                    out.push(Pat::Opt(vec![last]));
                }
            }
            '[' => {
                let mut ranges = Vec::new();
                while i < chars.len() && chars[i] != ']' {
                    let lo = chars[i];
                    if i + 2 < chars.len() && chars[i + 1] == '-' && chars[i + 2] != ']' {
                        ranges.push((lo, chars[i + 2]));
                        i += 3;
                    } else {
                        ranges.push((lo, lo));
                        i += 1;
                    }
                }
                i += 1; // the `]`
                out.push(Pat::Set(ranges));
            }
            _ => out.push(Pat::Set(vec![(c, c)])),
        }
    }
    out
}

/// What follows a sub-pattern while matching: the rest of the enclosing sequences.
enum Cont<'a> {
    Done,
    Then(&'a [Pat], &'a Cont<'a>),
}

/// Matches `seq` then `cont` at `p` with backtracking; the end of the first match found in
/// Python's order (an optional element tried before its absence).
fn match_seq(seq: &[Pat], cont: &Cont<'_>, text: &[char], p: usize) -> Option<usize> {
    let Some((first, rest)) = seq.split_first() else {
        return match cont {
            Cont::Done => Some(p),
            Cont::Then(next, outer) => match_seq(next, outer, text, p),
        };
    };
    match first {
        Pat::Set(ranges) => {
            let c = *text.get(p)?;
            if ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) {
                match_seq(rest, cont, text, p + 1)
            } else {
                None
            }
        }
        Pat::Ahead => {
            let ok = match text.get(p) {
                None => true,
                Some(&c) => {
                    ('\u{0E40}'..='\u{0E44}').contains(&c)
                        || is_consonant(c)
                        || (c == '\n' && p + 1 == text.len())
                }
            };
            if ok {
                match_seq(rest, cont, text, p)
            } else {
                None
            }
        }
        Pat::Opt(inner) => {
            let then = Cont::Then(rest, cont);
            match_seq(inner, &then, text, p).or_else(|| match_seq(rest, cont, text, p))
        }
    }
}

/// The cluster patterns, and for each character of the Thai block the patterns whose first
/// element accepts it (in pattern order).
struct Tcc {
    rules: Vec<Vec<Pat>>,
    by_first: Vec<Vec<usize>>,
}

impl Tcc {
    fn new() -> Tcc {
        let rules: Vec<Vec<Pat>> = TCC_RULES.iter().map(|r| compile_rule(r)).collect();
        let mut by_first = vec![Vec::new(); 128];
        for (index, rule) in rules.iter().enumerate() {
            for (offset, list) in by_first.iter_mut().enumerate() {
                let Some(c) = char::from_u32(0x0E00 + offset as u32) else {
                    continue;
                };
                let accepts = match rule.first() {
                    Some(Pat::Set(ranges)) => ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi),
                    // no rule starts otherwise; try it on every character
                    _ => true,
                };
                if accepts {
                    list.push(index);
                }
            }
        }
        Tcc { rules, by_first }
    }

    /// The length of the cluster at `p` (at least one character).
    fn cluster_len(&self, text: &[char], p: usize) -> usize {
        let Some(&c) = text.get(p) else {
            return 1;
        };
        if !is_thai(c) {
            return 1;
        }
        let Some(candidates) = self.by_first.get(c as usize - 0x0E00) else {
            return 1;
        };
        for &index in candidates {
            let end = self
                .rules
                .get(index)
                .and_then(|rule| match_seq(rule, &Cont::Done, text, p));
            if let Some(end) = end
                && end > p
            {
                return end - p;
            }
        }
        1
    }
}

// ---------------------------------------------------------------------------------------------
// The dictionary

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// Index of the first child; the children are contiguous, sorted by label.
    first: u32,
    /// Number of children.
    count: u32,
    /// A word ends here.
    end: bool,
}

/// A character trie of the dictionary (pythainlp's `Trie`).
struct Trie {
    nodes: Vec<Node>,
    /// The character that leads to each node (unused for the root).
    labels: Vec<char>,
}

const ROOT: usize = 0;

impl Trie {
    /// Builds the trie of the words of `source`, read as `thai_words()` reads its file: the
    /// BOM dropped, split into lines, each stripped of whitespace, empty ones ignored.
    fn new(source: &str) -> Trie {
        let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
        let mut words: Vec<Vec<char>> = source
            .split(is_python_line_break)
            .map(|line| line.trim_matches(is_python_space))
            .filter(|word| !word.is_empty())
            .map(|word| word.chars().collect())
            .collect();
        words.sort_unstable();
        words.dedup();
        // Breadth first: a node's children are made together, so they are contiguous.
        let mut nodes = vec![Node::default()];
        let mut labels = vec!['\0'];
        // per node: its words (a range of `words`, all sharing the node's prefix) and depth
        let mut spans: Vec<(usize, usize, usize)> = vec![(0, words.len(), 0)];
        let mut id = 0;
        while id < nodes.len() {
            let (lo, hi, depth) = spans[id];
            let mut j = lo;
            // the word that is the prefix itself sorts first
            if j < hi && words[j].len() == depth {
                nodes[id].end = true;
                j += 1;
            }
            nodes[id].first = nodes.len() as u32;
            let mut count = 0;
            while j < hi {
                let c = words[j][depth];
                let mut k = j + 1;
                while k < hi && words[k][depth] == c {
                    k += 1;
                }
                nodes.push(Node::default());
                labels.push(c);
                spans.push((j, k, depth + 1));
                count += 1;
                j = k;
            }
            nodes[id].count = count;
            id += 1;
        }
        Trie { nodes, labels }
    }

    /// The child of `node` along `c`.
    #[inline]
    fn child(&self, node: usize, c: char) -> Option<usize> {
        let n = self.nodes.get(node)?;
        let first = n.first as usize;
        let labels = self.labels.get(first..first + n.count as usize)?;
        if labels.len() <= 8 {
            labels.iter().position(|&l| l == c).map(|i| first + i)
        } else {
            labels.binary_search(&c).ok().map(|i| first + i)
        }
    }

    #[inline]
    fn is_end(&self, node: usize) -> bool {
        self.nodes.get(node).is_some_and(|n| n.end)
    }

    /// Number of words.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.nodes.iter().filter(|n| n.end).count()
    }
}

struct Model {
    trie: Trie,
    tcc: Tcc,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model {
        trie: Trie::new(WORDS),
        tcc: Tcc::new(),
    })
}

// ---------------------------------------------------------------------------------------------
// Segmentation

/// newmm's non-Thai run at `i` (`_PAT_NONTHAI`): its end, if one starts there.
fn non_thai_end(text: &[char], i: usize) -> Option<usize> {
    let n = text.len();
    let &c = text.get(i)?;
    let run = |mut j: usize, f: &dyn Fn(char) -> bool| {
        while j < n && f(text[j]) {
            j += 1;
        }
        j
    };
    if c == '-' || c.is_ascii_alphabetic() {
        Some(run(i, &|c| c == '-' || c.is_ascii_alphabetic()))
    } else if is_decimal(c) {
        let mut j = run(i, &is_decimal);
        while j + 1 < n && matches!(text[j], ',' | '.') && is_decimal(text[j + 1]) {
            j = run(j + 1, &is_decimal);
        }
        Some(j)
    } else if c == ' ' || c == '\t' {
        Some(run(i, &|c| c == ' ' || c == '\t'))
    } else if c == '\n' {
        Some(i + 1)
    } else if c == '\r' {
        (text.get(i + 1) == Some(&'\n')).then_some(i + 2)
    } else if !is_thai(c) {
        Some(run(i, &|c| {
            !is_thai(c) && !matches!(c, ' ' | '\t' | '\r' | '\n')
        }))
    } else {
        None
    }
}

/// The next match of `(\d+[.,:])+\d+` at or after `from` (`rejoin_formatted_num`).
fn next_number(text: &[char], from: usize) -> Option<(usize, usize)> {
    let n = text.len();
    let digits_end = |mut j: usize| {
        while j < n && is_decimal(text[j]) {
            j += 1;
        }
        j
    };
    let mut s = from;
    while s < n {
        if !is_decimal(text[s]) {
            s += 1;
            continue;
        }
        let run_end = digits_end(s);
        let mut j = run_end;
        let mut end = None;
        while j + 1 < n && matches!(text[j], '.' | ',' | ':') && is_decimal(text[j + 1]) {
            j = digits_end(j + 1);
            end = Some(j);
        }
        if let Some(e) = end {
            return Some((s, e));
        }
        // a match starting later in this run of digits would fail the same way
        s = run_end;
    }
    None
}

/// Per-thread working memory, reused from call to call.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    /// Byte offset of each character, and the text's length.
    offsets: Vec<usize>,
    /// Cluster ends (`valid[i]`: a word may end before character `i`).
    valid: Vec<bool>,
    /// The priority queue of candidate breaks, a set sorted in decreasing order.
    pending: Vec<usize>,
    /// The graph's edges `(begin, end)`, in order of `begin`.
    edges: Vec<(usize, usize)>,
    /// Breadth-first search: visit marks (equal to `stamp` when visited), parents, queue.
    seen: Vec<u32>,
    parent: Vec<usize>,
    stamp: u32,
    queue: Vec<usize>,
    path: Vec<usize>,
    /// newmm's token ends, in characters.
    ends: Vec<usize>,
}

impl Scratch {
    fn run(&mut self, model: &Model, text: &str, out: &mut Vec<(usize, usize)>) {
        self.chars.clear();
        self.offsets.clear();
        for (offset, c) in text.char_indices() {
            self.chars.push(c);
            self.offsets.push(offset);
        }
        self.offsets.push(text.len());
        let n = self.chars.len();
        if self.seen.len() < n + 1 {
            self.seen.resize(n + 1, 0);
            self.parent.resize(n + 1, 0);
        }
        self.clusters(&model.tcc);
        self.ends.clear();
        self.onecut(&model.trie);
        self.rejoin_numbers(out);
        if self.chars.capacity() > 1 << 22 {
            // do not keep a huge text's buffers alive in the thread
            *self = Scratch::default();
        }
    }

    /// `tcc_pos_array`: marks the ends of the clusters.
    fn clusters(&mut self, tcc: &Tcc) {
        let n = self.chars.len();
        self.valid.clear();
        self.valid.resize(n + 1, false);
        let mut p = 0;
        while p < n {
            p += tcc.cluster_len(&self.chars, p);
            if let Some(v) = self.valid.get_mut(p) {
                *v = true;
            }
        }
    }

    /// `_onecut`: pushes the token ends to `ends`.
    fn onecut(&mut self, trie: &Trie) {
        let n = self.chars.len();
        self.pending.clear();
        self.pending.push(0);
        self.edges.clear();
        let mut graph_size = 0;
        let mut end_pos = 0;
        while let Some(&begin) = self.pending.last() {
            if begin >= n {
                break;
            }
            self.pending.pop();
            graph_size = self.extend_graph(trie, begin, graph_size);
            match self.pending.len() {
                0 => {
                    // not in the dictionary
                    let end = self.skip_end(trie, begin);
                    graph_size = 0;
                    self.edges.clear();
                    self.ends.push(end);
                    end_pos = end;
                    self.pending.push(end);
                }
                1 => {
                    // one candidate: no longer ambiguous
                    let goal = self.pending[0];
                    self.shortest_path(end_pos, goal);
                    self.ends.extend_from_slice(&self.path);
                    end_pos = goal;
                    graph_size = 0;
                    self.edges.clear();
                }
                _ => {}
            }
        }
    }

    /// `_extend_graph`: the dictionary words at `begin` that end at a cluster end.
    fn extend_graph(&mut self, trie: &Trie, begin: usize, mut graph_size: usize) -> usize {
        let mut node = ROOT;
        let mut i = begin;
        while let Some(&c) = self.chars.get(i) {
            let Some(child) = trie.child(node, c) else {
                break;
            };
            node = child;
            i += 1;
            if trie.is_end(node) && self.valid.get(i) == Some(&true) {
                self.edges.push((begin, i));
                graph_size += 1;
                let at = self.pending.partition_point(|&p| p > i);
                if self.pending.get(at) != Some(&i) {
                    self.pending.insert(at, i);
                }
                if graph_size > MAX_GRAPH_SIZE {
                    break;
                }
            }
        }
        graph_size
    }

    /// `_bfs_paths_graph`'s first path from `start` to `goal`, without `start`, into `path`.
    fn shortest_path(&mut self, start: usize, goal: usize) {
        let Scratch {
            edges,
            seen,
            parent,
            stamp,
            queue,
            path,
            ..
        } = self;
        path.clear();
        if *stamp == u32::MAX {
            seen.iter_mut().for_each(|s| *s = 0);
            *stamp = 0;
        }
        *stamp += 1;
        let stamp = *stamp;
        queue.clear();
        queue.push(start);
        if let Some(s) = seen.get_mut(start) {
            *s = stamp;
        }
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            let from = edges.partition_point(|&(b, _)| b < v);
            for &(b, e) in &edges[from..] {
                if b != v {
                    break;
                }
                if e == goal {
                    path.push(goal);
                    let mut u = v;
                    while u != start && path.len() <= edges.len() {
                        path.push(u);
                        u = parent.get(u).copied().unwrap_or(start);
                    }
                    path.reverse();
                    return;
                }
                if let Some(s) = seen.get_mut(e)
                    && *s != stamp
                {
                    *s = stamp;
                    if let Some(p) = parent.get_mut(e) {
                        *p = v;
                    }
                    queue.push(e);
                }
            }
        }
        // not reached (every candidate is reachable); keep the tokens tiling regardless
        path.push(goal);
    }

    /// `_find_skip_end`: the end of the text not in the dictionary that starts at `begin`.
    fn skip_end(&self, trie: &Trie, begin: usize) -> usize {
        let n = self.chars.len();
        if let Some(end) = non_thai_end(&self.chars, begin) {
            return end;
        }
        for pos in begin + 1..n {
            if self.valid[pos]
                && (self.long_word_at(trie, pos) || non_thai_end(&self.chars, pos).is_some())
            {
                return pos;
            }
        }
        n
    }

    /// A dictionary word starts at `pos`, ends at a cluster end, and is not one or two
    /// consonants alone (`_PAT_THAI_TWOCHARS`).
    fn long_word_at(&self, trie: &Trie, pos: usize) -> bool {
        let mut node = ROOT;
        let mut i = pos;
        while let Some(&c) = self.chars.get(i) {
            let Some(child) = trie.child(node, c) else {
                return false;
            };
            node = child;
            i += 1;
            if trie.is_end(node)
                && self.valid.get(i) == Some(&true)
                && !(i - pos <= 2 && self.chars[pos..i].iter().all(|&c| is_consonant(c)))
            {
                return true;
            }
        }
        false
    }

    /// `rejoin_formatted_num` over newmm's tokens, pushing the byte spans to `out`.
    fn rejoin_numbers(&self, out: &mut Vec<(usize, usize)>) {
        let span = |a: usize, b: usize| (self.offsets[a], self.offsets[b]);
        let ends = &self.ends;
        let mut i = 0;
        let mut pos = 0; // where token i starts
        let mut number = next_number(&self.chars, 0);
        while i < ends.len() {
            let Some((start, end)) = number else {
                break;
            };
            if pos >= start {
                let joined = pos;
                while i < ends.len() && pos < end {
                    pos = ends[i];
                    i += 1;
                }
                if pos > joined {
                    out.push(span(joined, pos));
                }
                number = next_number(&self.chars, end);
            } else {
                out.push(span(pos, ends[i]));
                pos = ends[i];
                i += 1;
            }
        }
        for &e in &ends[i..] {
            out.push(span(pos, e));
            pos = e;
        }
    }
}

/// Pushes to `out` the byte spans `(start, end)` of the words of `text`, in order, as
/// PyThaiNLP's `word_tokenize(text, engine="newmm")` gives them: they tile the text (whitespace
/// runs, newlines and text that is not Thai are tokens too), none is empty, and an empty text
/// has none. Any text is accepted; the dictionary is built on the first call.
pub fn segment(text: &str, out: &mut Vec<(usize, usize)>) {
    if text.is_empty() {
        return;
    }
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    let model = model();
    let done = SCRATCH
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                scratch.run(model, text, out);
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if !done {
        Scratch::default().run(model, text, out);
    }
}

/// The words of `text` as [`segment`] finds them, as slices of `text`.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut spans = Vec::new();
    segment(text, &mut spans);
    spans
        .into_iter()
        .filter_map(|(start, end)| text.get(start..end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/multilingual/thai-newmm.jsonl");

    #[derive(serde::Deserialize)]
    struct Case {
        text: String,
        tokens: Vec<String>,
    }

    fn cases() -> Vec<Case> {
        FIXTURE
            .lines()
            .map(|line| serde_json::from_str(line).expect("fixture line"))
            .collect()
    }

    #[test]
    fn dictionary_has_pythainlps_words() {
        // len(pythainlp.tokenize.word_dict_trie()) in pythainlp 5.4.0
        assert_eq!(model().trie.len(), 62_106);
    }

    #[test]
    fn matches_pythainlp_newmm() {
        let cases = cases();
        assert!(cases.len() > 300);
        let mut failures = Vec::new();
        for case in &cases {
            let got = tokens(&case.text);
            if got != case.tokens {
                failures.push(format!(
                    "{:?}\n  pythainlp: {:?}\n  ours:      {:?}",
                    case.text, case.tokens, got
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases differ:\n{}",
            failures.len(),
            cases.len(),
            failures[..failures.len().min(10)].join("\n")
        );
    }

    #[test]
    fn spans_are_appended() {
        let mut out = vec![(7, 7)];
        segment("กินข้าว 12:30", &mut out);
        assert_eq!(out, [(7, 7), (0, 21), (21, 22), (22, 27)]);
        segment("", &mut out);
        assert_eq!(out.len(), 4);
        assert!(tokens("").is_empty());
    }

    #[test]
    fn clusters_follow_the_rules() {
        let tcc = Tcc::new();
        let lens = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            let mut p = 0;
            let mut out = Vec::new();
            while p < chars.len() {
                let l = tcc.cluster_len(&chars, p);
                out.push(chars[p..p + l].iter().collect::<String>());
                p += l;
            }
            out
        };
        // pythainlp.tokenize.tcc_p.segment
        assert_eq!(lens("ประเทศไทย"), ["ป", "ระ", "เท", "ศ", "ไท", "ย"]);
        assert_eq!(lens("เกียa"), ["เกีย", "a"]);
        // the lookahead: Python's `$` also holds before a newline that ends the text
        assert_eq!(lens("เปลี่ยa"), ["เป", "ลี่", "ย", "a"]);
        assert_eq!(lens("เปลี่ย\n"), ["เปลี่ย", "\n"]);
        assert_eq!(lens("เปลี่ย\na"), ["เป", "ลี่", "ย", "\n", "a"]);
        assert_eq!(lens("เปลี่ยน"), ["เปลี่ย", "น"]);
        assert_eq!(lens("เกลือะ"), ["เก", "ลือะ"]);
        assert_eq!(lens("ฆ่าาา"), ["ฆ่า", "า", "า"]);
        assert_eq!(lens("กร์"), ["กร์"]);
    }

    #[test]
    fn long_runs_are_linear() {
        // each would take hours if some step were quadratic
        for text in [
            "1".repeat(200_000),
            "ฆ".repeat(200_000),
            "a".repeat(200_000),
            "1.".repeat(100_000),
            "การ".repeat(50_000),
            " ".repeat(200_000),
        ] {
            let mut out = Vec::new();
            segment(&text, &mut out);
            assert_eq!(out.last().map(|s| s.1), Some(text.len()));
        }
    }

    fn check_tiling(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut spans = Vec::new();
        segment(text, &mut spans);
        let mut at = 0;
        for &(start, end) in &spans {
            proptest::prop_assert_eq!(start, at);
            proptest::prop_assert!(end > start);
            proptest::prop_assert!(text.is_char_boundary(end));
            at = end;
        }
        proptest::prop_assert_eq!(at, text.len());
        proptest::prop_assert_eq!(tokens(text).concat(), text);
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn spans_tile_thai_like_text(
            text in "([\u{0E00}-\u{0E7F}]|[ก-ฮ]|[เ-ไ]|[่-๋]|[a-zA-Z0-9]|[ .,:\\-\t\n\r]|การ|ความ|๑|日本|😀|\u{00A0}){0,120}"
        ) {
            check_tiling(&text)?;
        }

        #[test]
        fn spans_tile_any_text(text in proptest::prelude::any::<String>()) {
            check_tiling(&text)?;
        }
    }
}

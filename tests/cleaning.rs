//! Seed-article tests for `dataset::clean` and `dataset::pair`.

use sumbench::dataset::clean::{Cleaned, RemovalRule, clean};
use sumbench::dataset::pair::{PairConfig, containment_matrix, pair};

const SEED_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/datasets/seed-news/");
const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

const NAMES: [&str; 5] = [
    "000_f4961fb23fd7aed9.txt",
    "001_97746dc28c0a0776.txt",
    "002_19beb5838788bfde.txt",
    "003_f4dcfb55ada61dbb.txt",
    "004_72b65e9ffa9b591b.txt",
];

fn read(path: String) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Seed article `i` (0..5), as scraped.
fn seed(i: usize) -> String {
    read(format!("{SEED_DIR}{}", NAMES[i]))
}

fn fixture(name: &str) -> String {
    read(format!("{FIXTURE_DIR}{name}"))
}

fn removed_lines(c: &Cleaned) -> Vec<usize> {
    c.removed.iter().map(|r| r.line).collect()
}

/// Every fixture paragraph is a whole line of the cleaned text.
fn assert_keeps_paragraphs(cleaned: &Cleaned, fixture: &str, min: usize) {
    let lines: Vec<&str> = cleaned.text.lines().map(str::trim).collect();
    let paragraphs: Vec<&str> = fixture
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        paragraphs.len() >= min,
        "fixture too short: {}",
        paragraphs.len()
    );
    for p in paragraphs {
        assert!(lines.contains(&p), "news paragraph lost: {p:?}");
    }
}

#[test]
fn seed000_keeps_news_and_drops_prompts() {
    let c = clean(&seed(0));
    assert_keeps_paragraphs(&c, &fixture("seed000_news_paragraphs.txt"), 15);
    assert_eq!(
        c.text.lines().next(),
        Some("North Korea's Kim hails Russia ties Russia as Putin reportedly plans a visit")
    );
    let lower = c.text.to_lowercase();
    for bad in [
        "subscri",
        "independent premium",
        "bookmark",
        "27 million americans",
        "your support",
        "___",
    ] {
        assert!(!lower.contains(bad), "{bad:?} left in cleaned 000");
    }
    assert_eq!(removed_lines(&c), [3, 4, 5, 6, 7, 22, 23, 24, 25]);
    assert_eq!(c.removed[0].rule, RemovalRule::RepeatedHeadline);
}

#[test]
fn seed001_drops_byline_stamps_and_repeated_headline() {
    let c = clean(&seed(1));
    assert_eq!(removed_lines(&c), [5, 6, 7, 8, 9, 11]);
    let rules: Vec<RemovalRule> = c.removed.iter().map(|r| r.rule).collect();
    use RemovalRule::*;
    assert_eq!(
        rules,
        [
            Byline,
            Byline,
            Timestamp,
            Timestamp,
            Fragment,
            RepeatedHeadline
        ]
    );
    assert!(c.text.contains("Key Takeaways"));
}

#[test]
fn seed003_keeps_news_and_drops_page_furniture() {
    let c = clean(&seed(3));
    assert_keeps_paragraphs(&c, &fixture("seed003_news_paragraphs.txt"), 14);
    for bad in [
        "Leave a Reply",
        "Back to top button",
        "Related Articles",
        "Required fields",
        "WATCH",
        "Reuters)",
    ] {
        assert!(!c.text.contains(bad), "{bad:?} left in cleaned 003");
    }
    assert!(c.text.lines().any(|l| l == "Condemnation from Washington"));
    assert_eq!(removed_lines(&c), [11, 12, 30, 32, 34, 42, 44, 46, 48]);
}

#[test]
fn clean_rewrites_002_004_are_untouched() {
    for text in [seed(2), seed(4)] {
        let c = clean(&text);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        assert_eq!(c.text, text.trim_end());
    }
}

#[test]
fn crlf_seeds_clean_the_same() {
    for i in 0..NAMES.len() {
        let text = seed(i);
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(clean(&crlf), clean(&text));
    }
}

fn cleaned_seeds() -> Vec<(String, String)> {
    (0..NAMES.len())
        .map(|i| (NAMES[i].to_string(), clean(&seed(i)).text))
        .collect()
}

#[test]
fn seeds_pair_into_one_story_with_000_as_source() {
    let docs = cleaned_seeds();
    let cfg = PairConfig::default();
    let m = containment_matrix(&docs, cfg.shingle_size);
    println!("C(row ⊂ column), k = {}:", cfg.shingle_size);
    for (i, row) in m.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|x| format!("{x:.3}")).collect();
        println!("{} {}", &docs[i].0[..3], cells.join(" "));
    }
    let linked = |i: usize, j: usize| m[i][j].max(m[j][i]);
    // Margins: every pair in the story is far above the threshold, 003 far
    // below it with every document.
    for (i, j) in [(0, 1), (0, 2), (0, 4), (1, 2), (1, 4), (2, 4)] {
        assert!(
            linked(i, j) > 2.0 * cfg.threshold,
            "{i}-{j}: {}",
            linked(i, j)
        );
    }
    for i in [0, 1, 2, 4] {
        assert!(
            linked(i, 3) < 0.5 * cfg.threshold,
            "{i}-3: {}",
            linked(i, 3)
        );
    }

    let p = pair(&docs, &cfg);
    println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
    assert_eq!(p.unpaired, ["003_f4dcfb55ada61dbb.txt"]);
    assert_eq!(p.groups.len(), 1);
    let g = &p.groups[0];
    assert_eq!(g.source, "000_f4961fb23fd7aed9.txt");
    let names: Vec<&str> = g.rewrites.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "001_97746dc28c0a0776.txt",
            "002_19beb5838788bfde.txt",
            "004_72b65e9ffa9b591b.txt"
        ]
    );
    for e in &g.rewrites {
        assert!(e.containment_in_source > cfg.threshold);
        assert!(e.length_ratio > 0.0);
    }
    // 001 expands 000, 002 and 004 condense it.
    assert!(g.rewrites[0].length_ratio > 1.0);
    assert!(g.rewrites[1].length_ratio < 1.0 && g.rewrites[2].length_ratio < 1.0);

    // Input order does not matter.
    let mut rev = docs.clone();
    rev.reverse();
    assert_eq!(pair(&rev, &cfg), p);
}

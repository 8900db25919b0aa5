//! Fact retention on the seed news articles: acceptance tests and a perturbation suite.
//!
//! Source: `tests/fixtures/seed000_clean.txt` (seed 000 with its web boilerplate lines removed
//! by hand). Candidates: seeds 001–004 from `datasets/seed-news/`.

use sumbench::metrics::facts::{FactCheck, FactKind, FactReport, FactStatus, check};

macro_rules! seed {
    ($name:literal) => {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/datasets/seed-news/",
            $name
        ))
        .expect(concat!("seed ", $name))
    };
}

fn source() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed000_clean.txt"
    ))
    .expect("cleaned seed 000")
}

fn s001() -> String {
    seed!("001_97746dc28c0a0776.txt")
}
fn s002() -> String {
    seed!("002_19beb5838788bfde.txt")
}
fn s003() -> String {
    seed!("003_f4dcfb55ada61dbb.txt")
}
fn s004() -> String {
    seed!("004_72b65e9ffa9b591b.txt")
}

fn find<'r>(
    r: &'r FactReport,
    kind: FactKind,
    key: &str,
    status: FactStatus,
) -> Option<&'r FactCheck> {
    r.checks
        .iter()
        .find(|c| c.kind == kind && c.key == key && c.status == status)
}

fn assert_check(r: &FactReport, kind: FactKind, key: &str, status: FactStatus) -> FactCheck {
    match find(r, kind, key, status) {
        Some(c) => c.clone(),
        None => panic!(
            "no {kind:?} {key:?} with status {status:?}; checks of that key: {:?}",
            r.checks.iter().filter(|c| c.key == key).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn seed_002_numbers_missing_vague_not_unsupported_shin_kept() {
    let r = check(&source(), &s002());
    assert_check(&r, FactKind::Number, "7000|count", FactStatus::Missing);
    assert_check(&r, FactKind::Number, "9000|count", FactStatus::Missing);
    // "thousands of containers" is a vague quantity, never an unsupported number
    assert!(
        !r.checks.iter().any(|c| c.kind == FactKind::Number
            && c.status == FactStatus::Unsupported
            && c.text.to_lowercase().contains("thousand")),
        "{:?}",
        r.checks
    );
    assert_check(&r, FactKind::Number, "thousands|vague", FactStatus::Vague);
    assert_eq!(r.numbers.unsupported, 0);
    assert_check(&r, FactKind::Name, "shin wonsik", FactStatus::Kept);
    assert_check(&r, FactKind::Name, "shin wonsik", FactStatus::Supported);
}

#[test]
fn seed_003_unrelated_people_unsupported_and_lowest_support() {
    let src = source();
    let r3 = check(&src, &s003());
    for who in ["jon finer", "joe biden", "sergei shoigu"] {
        assert_check(&r3, FactKind::Name, who, FactStatus::Unsupported);
    }
    let s3 = r3.overall.support().expect("003 has facts");
    for (name, text) in [("001", s001()), ("002", s002()), ("004", s004())] {
        let s = check(&src, &text).overall.support().expect("has facts");
        assert!(s3 < s, "003 support {s3} is not below {name} support {s}");
    }
}

#[test]
fn seed_003_kim_jong_un_hyphenated_supported() {
    let r = check(&source(), &s003());
    let c = assert_check(&r, FactKind::Name, "kim jong un", FactStatus::Supported);
    assert!(c.text.contains("Kim"), "{c:?}");
    let span = c.source_span.expect("source span");
    assert_eq!(&source()[span.0..span.1], "Kim Jong Un");
}

#[test]
fn seed_001_samsung_unsupported_quotes_verbatim() {
    let r = check(&source(), &s001());
    assert_check(&r, FactKind::Name, "samsung", FactStatus::Unsupported);
    let kim = r
        .checks
        .iter()
        .find(|c| {
            c.kind == FactKind::Quote
                && c.key.starts_with("thanks to the significant meeting")
                && c.candidate_span.is_some()
                && c.status != FactStatus::Kept
        })
        .expect("Kim's quote in 001");
    assert_eq!(kim.status, FactStatus::Verbatim);
    let peskov = r
        .checks
        .iter()
        .find(|c| {
            c.kind == FactKind::Quote
                && c.key.starts_with("the visit is in the pipeline")
                && c.status != FactStatus::Kept
        })
        .expect("Peskov's quote in 001");
    assert_eq!(peskov.status, FactStatus::Verbatim);
    assert_eq!(r.quotes.unsupported, 0);
}

#[test]
fn seed_004_partial_quote_verbatim() {
    let r = check(&source(), &s004());
    let c = assert_check(
        &r,
        FactKind::Quote,
        "unbreakable relationship of comrades in arms",
        FactStatus::Verbatim,
    );
    let span = c.source_span.expect("source span");
    assert_eq!(
        &source()[span.0..span.1],
        "unbreakable relationship of comrades-in-arms"
    );
    // ‘Unbreakable’ (one word) is not a quote
    assert!(
        !r.checks
            .iter()
            .any(|c| c.kind == FactKind::Quote && c.key == "unbreakable")
    );
    // the partial quote keeps Kim's source quote
    assert!(r.checks.iter().any(|c| c.kind == FactKind::Quote
        && c.status == FactStatus::Kept
        && c.key.starts_with("thanks to")));
}

#[test]
fn seed_scores_table() {
    let src = source();
    let fmt = |x: Option<f64>| x.map_or_else(|| "  -  ".to_string(), |v| format!("{v:.3}"));
    println!("seed  category  retention  support  (kept/src, supported/cand)");
    for (name, text) in [
        ("001", s001()),
        ("002", s002()),
        ("003", s003()),
        ("004", s004()),
    ] {
        let r = check(&src, &text);
        for (cat, c) in [
            ("numbers", r.numbers),
            ("names", r.names),
            ("quotes", r.quotes),
            ("overall", r.overall),
        ] {
            println!(
                "{name}   {cat:<8}  {}      {}    ({}/{}, {}/{})",
                fmt(c.retention()),
                fmt(c.support()),
                c.kept,
                c.source_distinct,
                c.supported,
                c.candidate_distinct
            );
        }
        for c in [r.numbers, r.names, r.quotes, r.overall] {
            assert!(c.candidate_mentions >= c.candidate_distinct);
            assert!(c.supported_mentions >= c.supported);
        }
        // the JSON report serialises
        let json = serde_json::to_string(&r).expect("serialise");
        assert!(json.contains("\"checks\""));
    }
}

#[test]
fn lowercased_candidate_names_found_with_the_lexicon() {
    let src = source();
    let lower = s004().to_lowercase();
    let cased = check(&src, &s004());
    let r = check(&src, &lower);
    assert!(r.names_assessable && r.names_caseless);
    // a faithful rewrite, lowercased: its names are found and about as well supported
    let (sl, sc) = (r.names.support().unwrap(), cased.names.support().unwrap());
    assert!(
        r.names.candidate_distinct > 0 && sl >= sc - 0.15,
        "{sl} vs {sc}: {:?}",
        r.checks
    );
    // source names are still found case-insensitively
    assert!(
        r.names.kept > 0 && r.names.kept <= cased.names.kept + 1,
        "{} vs {}",
        r.names.kept,
        cased.names.kept
    );
    // numbers do not depend on case
    assert_eq!(r.numbers.kept, cased.numbers.kept);
    assert_eq!(r.numbers.supported, cased.numbers.supported);
    assert_eq!(r.quotes.supported, cased.quotes.supported);
}

// ---------------------------------------------------------------------------------------------
// Perturbations: each moves the affected score in the right direction and shows up in checks.

/// `a < b`, both defined.
fn lt(a: Option<f64>, b: Option<f64>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x < y)
}

fn replaced(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "perturbation target {from:?} not in text"
    );
    text.replacen(from, to, 1)
}

#[test]
fn perturb_number_swap() {
    let src = source();
    let base = check(&src, &s004());
    let p = check(
        &src,
        &replaced(&s004(), "about 7,000 containers", "about 12,000 containers"),
    );
    assert!(lt(p.numbers.support(), base.numbers.support()));
    assert!(lt(p.numbers.retention(), base.numbers.retention()));
    assert!(lt(p.overall.support(), base.overall.support()));
    assert_check(&p, FactKind::Number, "12000|count", FactStatus::Unsupported);
    assert_check(&p, FactKind::Number, "7000|count", FactStatus::Missing);
}

#[test]
fn perturb_name_swap() {
    let src = source();
    let base = check(&src, &s002());
    let p = check(&src, &replaced(&s002(), "Shin Wonsik", "Lee Jong-sup"));
    assert!(lt(p.names.support(), base.names.support()));
    assert!(lt(p.names.retention(), base.names.retention()));
    assert_check(&p, FactKind::Name, "lee jong sup", FactStatus::Unsupported);
    assert_check(&p, FactKind::Name, "shin wonsik", FactStatus::Missing);
}

#[test]
fn perturb_person_surname_swap() {
    // "Putin" → "Medvedev" everywhere in 002 but the full name: the invented surname is flagged.
    let src = source();
    let base = check(&src, &s002());
    let text = s002()
        .replace("Putin's", "Medvedev's")
        .replace("Putin accepted", "Medvedev accepted");
    let p = check(&src, &text);
    assert!(lt(p.names.support(), base.names.support()));
    assert_check(&p, FactKind::Name, "medvedev", FactStatus::Unsupported);
}

#[test]
fn perturb_quote_word_change() {
    let src = source();
    let base = check(&src, &s001());
    let p = check(
        &src,
        &replaced(
            &s001(),
            "into an unbreakable relationship",
            "into an unshakable relationship",
        ),
    );
    assert!(lt(p.quotes.support(), base.quotes.support()));
    let c = p
        .checks
        .iter()
        .find(|c| c.kind == FactKind::Quote && c.status == FactStatus::Altered)
        .expect("an altered quote");
    assert!(c.key.starts_with("thanks to the significant meeting"));
    let diff = c.diff.as_ref().expect("diff");
    assert_eq!(diff.removed, vec!["unbreakable".to_string()]);
    assert_eq!(diff.added, vec!["unshakable".to_string()]);
    assert!(c.similarity.is_some_and(|s| s > 0.9 && s < 1.0));
}

#[test]
fn perturb_delete_sentence_with_numbers() {
    let src = source();
    let base = check(&src, &s004());
    let sentence = "However, in March, South Korean Defense Minister Shin Wonsik claimed that North Korea had already shipped about 7,000 containers filled with munitions and other military equipment to Russia, receiving more than 9,000 Russian containers likely filled with aid in return.";
    let p = check(&src, &replaced(&s004(), sentence, ""));
    assert!(lt(p.numbers.retention(), base.numbers.retention()));
    assert!(lt(p.overall.retention(), base.overall.retention()));
    for key in ["7000|count", "9000|count", "--03|date"] {
        assert_check(&base, FactKind::Number, key, FactStatus::Kept);
        assert_check(&p, FactKind::Number, key, FactStatus::Missing);
    }
}

#[test]
fn perturb_invented_number_in_new_sentence() {
    let src = source();
    let base = check(&src, &s002());
    let p = check(
        &src,
        &format!(
            "{} Officials said 42% of the shipments arrived by rail in 2021.",
            s002()
        ),
    );
    assert!(lt(p.numbers.support(), base.numbers.support()));
    assert_check(&p, FactKind::Number, "42|percent", FactStatus::Unsupported);
    assert_check(&p, FactKind::Number, "2021|year", FactStatus::Unsupported);
    // retention is unchanged by an addition
    assert_eq!(p.numbers.retention(), base.numbers.retention());
}

/// Lowercased, PTB-style tokenised copies of the rewrites, as CNN/DailyMail pipelines write
/// system outputs.
fn lowercased_tokenised(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        match c {
            '“' | '"' => out.push_str(" `` "),
            '”' => out.push_str(" '' "),
            ',' | '.' | ':' | ';' | '?' | '!' | '(' | ')' => {
                out.push(' ');
                out.push(c);
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Issue 14: lexical support is defined for every lowercased, tokenised rewrite (it needs no
/// case), is lowest for the unrelated story (003: 0.20 against 0.52-0.62), and an
/// invented lowercased name inserted into any of them is listed word by word as content the
/// source does not have, lowering the score.
#[test]
fn lowercased_rewrites_lexical_support_and_invented_names() {
    let src = source();
    let mut scores = Vec::new();
    for (name, text) in [
        ("001", s001()),
        ("002", s002()),
        ("003", s003()),
        ("004", s004()),
    ] {
        let plain = lowercased_tokenised(&text);
        let r = check(&src, &plain);
        let score = r
            .lexical
            .score()
            .unwrap_or_else(|| panic!("{name}: no score"));
        assert!(r.lexical.units > 50, "{name}");
        let invented = format!("john smith said that {plain}");
        let p = check(&src, &invented);
        let listed: Vec<&str> = p
            .lexical
            .unsupported
            .iter()
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(listed[0], "john smith", "{name}: {listed:?}");
        assert_eq!(
            &invented[p.lexical.unsupported[0].1.0..p.lexical.unsupported[0].1.1],
            "john smith"
        );
        assert!(p.lexical.score().unwrap() < score, "{name}");
        scores.push((name, score));
    }
    let of = |n: &str| scores.iter().find(|(k, _)| *k == n).unwrap().1;
    for rewrite in ["001", "002", "004"] {
        assert!(of("003") < of(rewrite), "{scores:?}");
    }
}

/// Issue 14: a candidate of stop words only has nothing to check (no score, no panic).
#[test]
fn stop_words_only_has_nothing_to_check() {
    let r = check(&source(), "it is what it is , and so on .");
    assert_eq!(r.lexical.score(), None);
    assert!(r.lexical.unsupported.is_empty());
}

/// The report lists an unsupported candidate name whose key contains `part`.
fn unsupported_name(r: &FactReport, part: &str) {
    assert!(
        r.checks.iter().any(|c| c.kind == FactKind::Name
            && c.status == FactStatus::Unsupported
            && c.key.contains(part)),
        "no unsupported name with {part:?}: {:?}",
        r.checks
            .iter()
            .filter(|c| c.kind == FactKind::Name && c.status == FactStatus::Unsupported)
            .map(|c| &c.key)
            .collect::<Vec<_>>()
    );
}

/// Issue 14: the perturbations above, applied to the rewrites as written and to lowercased,
/// tokenised copies of them, are each detected: the item is flagged (an unsupported number, an
/// unsupported name and content words the source does not have, an altered quote) and the
/// consistency score falls.
#[test]
fn perturbations_detected_as_written_and_lowercased() {
    use sumbench::metrics::facts::consistency;
    let src = source();
    let score = |r: &FactReport| consistency(&r.lexical, &r.overall);
    // the words of the listed runs of content the source does not have
    let words = |r: &FactReport| -> Vec<String> {
        r.lexical
            .unsupported
            .iter()
            .flat_map(|(w, _)| w.split(' ').map(str::to_owned))
            .collect()
    };
    type Case = (&'static str, String, &'static str, &'static str);
    let cases: [Case; 5] = [
        (
            "number",
            s004(),
            "about 7,000 containers",
            "about 12,000 containers",
        ),
        ("name", s002(), "Shin Wonsik", "Lee Jong-sup"),
        ("surname", s002(), "Putin accepted", "Medvedev accepted"),
        (
            "quote",
            s001(),
            "into an unbreakable relationship",
            "into an unshakable relationship",
        ),
        (
            "invented",
            s004(),
            "However, in March,",
            "However, in March, John Smith said that",
        ),
    ];
    let as_written = |t: &str| t.to_owned();
    let forms: [&dyn Fn(&str) -> String; 2] = [&as_written, &lowercased_tokenised];
    for ((what, text, from, to), form) in
        cases.iter().flat_map(|c| forms.iter().map(move |f| (c, f)))
    {
        let base = check(&src, &form(text));
        let p = check(&src, &form(&replaced(text, from, to)));
        assert!(
            score(&p) < score(&base),
            "{what}: {:?} !< {:?}",
            score(&p),
            score(&base)
        );
        match *what {
            "number" => {
                assert_check(&p, FactKind::Number, "12000|count", FactStatus::Unsupported);
            }
            "name" => {
                assert!(words(&p).contains(&"lee".to_owned()), "{:?}", words(&p));
                unsupported_name(&p, "lee");
            }
            "surname" => {
                assert!(
                    words(&p).contains(&"medvedev".to_owned()),
                    "{:?}",
                    words(&p)
                );
                unsupported_name(&p, "medvedev");
            }
            "quote" => {
                let c = p
                    .checks
                    .iter()
                    .find(|c| c.kind == FactKind::Quote && c.status == FactStatus::Altered)
                    .expect("an altered quote");
                assert_eq!(c.diff.as_ref().unwrap().added, ["unshakable"]);
            }
            _ => {
                let w = words(&p);
                assert!(
                    w.contains(&"john".to_owned()) && w.contains(&"smith".to_owned()),
                    "{w:?}"
                );
                unsupported_name(&p, "john smith");
            }
        }
    }
}

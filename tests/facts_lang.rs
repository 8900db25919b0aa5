//! Fact retention beyond English through the public API: `FactDoc::with_lang` on the
//! self-written pairs of `datasets/multilingual/pairs.jsonl`, and `unmeasured` /
//! `unmeasured_note` for the report layer.

use sumbench::metrics::facts::{self, FactDoc, FactKind, FactStatus, compare};

fn pairs() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/datasets/multilingual/pairs.jsonl"
    ))
    .expect("multilingual pairs");
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                v["lang"].as_str().unwrap().to_string(),
                v["candidate"].as_str().unwrap().to_string(),
                v["references"][0].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn facts_of_the_multilingual_pairs() {
    for (lang, cand, reference) in pairs() {
        let r = compare(
            &FactDoc::with_lang(&reference, &lang),
            &FactDoc::with_lang(&cand, &lang),
        );
        // each pair that states an amount keeps it and invents none
        if r.numbers.candidate_distinct > 0 {
            assert_eq!(r.numbers.support(), Some(1.0), "{lang}: {:?}", r.checks);
        }
        assert_eq!(r.unmeasured, facts::unmeasured(&lang), "{lang}");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json.get("unmeasured").is_some(), !r.unmeasured.is_empty());
        if !r.unmeasured.is_empty() {
            assert!(json["names"]["retention"].is_null() && json["names"]["support"].is_null());
            assert!(
                facts::unmeasured_note(&lang)
                    .unwrap()
                    .starts_with("names are not measured")
            );
        }
    }
}

#[test]
fn facts_perturbed_in_other_languages() {
    // a changed number in a French candidate
    let src = "Le conseil municipal a voté mardi. Les travaux coûteront 2,5 millions d'euros.";
    let r = compare(
        &FactDoc::with_lang(src, "fr"),
        &FactDoc::with_lang("Les travaux coûteront 4,5 millions d'euros.", "fr"),
    );
    assert!(
        r.checks
            .iter()
            .any(|c| c.key == "4500000|eur" && c.status == FactStatus::Unsupported)
    );
    // an invented Cyrillic name
    let src = "Во вторник мэр Москвы Сергей Собянин открыл библиотеку.";
    let r = compare(
        &FactDoc::with_lang(src, "ru"),
        &FactDoc::with_lang(
            "Библиотеку открыл Иван Петров, сообщил Сергей Собянин.",
            "ru",
        ),
    );
    let unsupported: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.kind == FactKind::Name && c.status == FactStatus::Unsupported)
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(unsupported, ["иван петров"], "{:?}", r.checks);
    // Arabic-Indic digits in a candidate, ASCII digits in the source
    let r = compare(
        &FactDoc::with_lang("قتل 250 شخصا.", "ar"),
        &FactDoc::with_lang("قتل ٢٥٠ شخصا.", "ar"),
    );
    assert_eq!((r.numbers.kept, r.numbers.supported), (1, 1));
}

//! Worked examples of fact extraction beyond English ([`FactDoc::with_lang`]), perturbation
//! tests, and a property test that no profile panics.

use super::lang::{GENERIC, PROFILES};
use super::*;

/// The number keys of `text` read as `lang`.
fn keys(lang: &str, text: &str) -> Vec<String> {
    FactDoc::with_lang(text, lang)
        .facts()
        .numbers
        .iter()
        .map(|f| f.key.clone())
        .collect()
}

fn name_keys(lang: &str, text: &str) -> Vec<String> {
    FactDoc::with_lang(text, lang)
        .facts()
        .names
        .iter()
        .map(|f| f.key.clone())
        .collect()
}

fn quote_texts(lang: &str, text: &str) -> Vec<String> {
    FactDoc::with_lang(text, lang)
        .facts()
        .quotes
        .iter()
        .map(|f| f.text.clone())
        .collect()
}

fn check_lang(lang: &str, source: &str, candidate: &str) -> FactReport {
    compare(
        &FactDoc::with_lang(source, lang),
        &FactDoc::with_lang(candidate, lang),
    )
}

fn status(r: &FactReport, kind: FactKind, key: &str) -> Vec<FactStatus> {
    r.checks
        .iter()
        .filter(|c| c.kind == kind && c.key == key)
        .map(|c| c.status)
        .collect()
}

/// The self-written pairs of `datasets/multilingual/pairs.jsonl`: (lang, candidate, first
/// reference).
fn pairs() -> Vec<(String, String, String)> {
    include_str!("../../../datasets/multilingual/pairs.jsonl")
        .lines()
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
fn english_is_the_historical_path() {
    let text = "Russian President Vladimir Putin said on Tuesday that 7,000 troops, about \
                2.5 million dollars and \"a very serious mistake\" were involved.";
    let a = FactDoc::new(text);
    let b = FactDoc::with_lang(text, "en");
    let c = FactDoc::with_lang(text, "EN-gb");
    for d in [&b, &c] {
        assert_eq!(d.profile().code, a.profile().code);
        assert_eq!(
            serde_json::to_string(a.facts()).unwrap(),
            serde_json::to_string(d.facts()).unwrap()
        );
    }
    let r = compare(&a, &FactDoc::new("Putin said 7,000 troops were involved."));
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("unmeasured"), "{json}");
    assert!(r.unmeasured.is_empty() && r.names_assessable);
}

#[test]
fn the_multilingual_pairs_keep_their_numbers_and_quotes() {
    // every pair states one amount (2.5 million euros, 25 lakh rupees/taka), in its script
    for (lang, cand, reference) in pairs() {
        let r = check_lang(&lang, &reference, &cand);
        if matches!(lang.as_str(), "fr" | "de" | "ru") && reference.contains(['«', '„']) {
            assert_eq!(r.quotes.kept, 1, "{lang}: {:?}", r.checks);
            assert_eq!(r.quotes.supported, 1, "{lang}: {:?}", r.checks);
        }
        let c = FactDoc::with_lang(&cand, &lang);
        let amount = c.facts().numbers.first().map(|f| f.key.as_str());
        if cand.contains(['5', '৫']) {
            let expected = match lang.as_str() {
                "hi" => "2500000|inr",
                "bn" => "2500000|bdt",
                "tr" | "ar" | "ru" | "de" | "fr" | "zh" | "ja" | "th" => "2500000|eur",
                _ => "2500000|eur",
            };
            assert_eq!(amount, Some(expected), "{lang}: {cand}");
            assert_eq!(r.numbers.support(), Some(1.0), "{lang}: {:?}", r.checks);
        }
        // no invented names: sentence-initial words are not names
        assert_eq!(r.names.unsupported, 0, "{lang}: {:?}", r.checks);
        assert_eq!(
            r.unmeasured.is_empty(),
            super::lang::profile(&lang).names_measured()
        );
    }
}

#[test]
fn french_decimal_comma_spaces_and_guillemets() {
    assert_eq!(
        keys("fr", "Les travaux coûteront 2,5 millions d'euros."),
        ["2500000|eur"]
    );
    assert_eq!(
        keys("fr", "un budget de 2,5 millions de dollars"),
        ["2500000|usd"]
    );
    assert_eq!(keys("fr", "Le taux est passé à 3,5 %."), ["3.5|percent"]);
    assert_eq!(keys("fr", "soit 12,5 pour cent"), ["12.5|percent"]);
    // groups with a narrow no-break space, a no-break space, a point
    assert_eq!(keys("fr", "1\u{202f}000 personnes"), ["1000|count"]);
    assert_eq!(
        keys("fr", "1\u{a0}250\u{a0}000 habitants"),
        ["1250000|count"]
    );
    assert_eq!(keys("fr", "1.000 personnes"), ["1000|count"]);
    assert_eq!(keys("fr", "il coûte 5 €"), ["5|eur"]);
    assert_eq!(keys("fr", "à 21h45 précises"), ["21:45|time"]);
    assert_eq!(keys("fr", "deux cent cinquante personnes"), ["250|count"]);
    // `un` is an article, `environ` makes a number approximate
    assert!(keys("fr", "Un conseil municipal a voté.").is_empty());
    let d = FactDoc::with_lang("environ 300 personnes", "fr");
    assert!(d.facts().numbers[0].approximate);
    // « » with no-break spaces inside, and with none
    assert_eq!(
        quote_texts(
            "fr",
            "Elle a dit : «\u{a0}Nous ouvrirons en septembre\u{a0}»."
        ),
        ["Nous ouvrirons en septembre"]
    );
    assert_eq!(
        quote_texts("fr", "Elle a dit «Nous ouvrirons en septembre»."),
        ["Nous ouvrirons en septembre"]
    );
    assert_eq!(
        quote_texts("fr", "Il répond ‹ jamais de la vie › puis part."),
        ["jamais de la vie"]
    );
    let src = "Mardi, le maire a déclaré : « Nous ouvrirons la bibliothèque en septembre ». \
               Le chantier coûte 2,5 millions d'euros.";
    let r = check_lang(
        "fr",
        src,
        "« Nous ouvrirons la bibliothèque en septembre », a déclaré le maire.",
    );
    assert_eq!(
        (r.quotes.kept, r.quotes.supported),
        (1, 1),
        "{:?}",
        r.checks
    );
}

#[test]
fn french_changed_number_is_unsupported() {
    let src = "Les travaux coûteront 2,5 millions d'euros et dureront deux ans.";
    let ok = check_lang("fr", src, "Le chantier coûtera 2,5 millions d'euros.");
    assert_eq!(ok.numbers.support(), Some(1.0), "{:?}", ok.checks);
    let bad = check_lang("fr", src, "Le chantier coûtera 3,5 millions d'euros.");
    assert_eq!(
        status(&bad, FactKind::Number, "3500000|eur"),
        [FactStatus::Unsupported]
    );
    assert_eq!(
        status(&bad, FactKind::Number, "2500000|eur"),
        [FactStatus::Missing]
    );
    assert_eq!(bad.numbers.support(), Some(0.0));
    // a French decimal comma is not a thousands separator: 2,5 million is not 25 million
    let bad = check_lang("fr", src, "Le chantier coûtera 25 millions d'euros.");
    assert_eq!(bad.numbers.supported, 0, "{:?}", bad.checks);
}

#[test]
fn french_names() {
    let t = "Selon Emmanuel Macron, la ville de La Rochelle recevra Olaf Scholz mardi.";
    let names = name_keys("fr", t);
    assert_eq!(names, ["emmanuel macron", "la rochelle", "olaf scholz"]);
    // a word at a sentence start is not a name without other evidence; here `Mardi` is not
    assert!(name_keys("fr", "Mardi, les conseillers ont voté.").is_empty());
    let r = check_lang(
        "fr",
        t,
        "Olaf Scholz sera reçu à La Rochelle par Jean Dupont.",
    );
    assert_eq!(
        status(&r, FactKind::Name, "jean dupont"),
        [FactStatus::Unsupported]
    );
    assert_eq!(
        status(&r, FactKind::Name, "olaf scholz"),
        [FactStatus::Kept, FactStatus::Supported]
    );
    // an English title list is not applied: `Président` stays in the run
    assert_eq!(
        name_keys("fr", "Il a vu le Président Macron hier."),
        ["président macron"]
    );
}

#[test]
fn german_quotes_numbers_and_unmeasured_names() {
    assert_eq!(
        keys("de", "Die Arbeiten kosten 2,5 Millionen Euro."),
        ["2500000|eur"]
    );
    assert_eq!(keys("de", "1.000 Menschen"), ["1000|count"]);
    assert_eq!(keys("de", "1.234.567,5 Liter"), ["1234567.5|count"]);
    assert_eq!(keys("de", "Swiss 1'000'000 Franken"), ["1000000|chf"]);
    assert_eq!(keys("de", "um 3,5 Prozent"), ["3.5|percent"]);
    assert_eq!(keys("de", "zweihundertfünfzig Menschen"), ["250|count"]);
    assert!(keys("de", "Ein Mann kam.").is_empty());
    assert_eq!(
        quote_texts("de", "Sie sagte: „Wir öffnen im September wieder“."),
        ["Wir öffnen im September wieder"]
    );
    assert_eq!(
        quote_texts("de", "Sie sagte: »Wir öffnen im September wieder«."),
        ["Wir öffnen im September wieder"]
    );
    assert_eq!(
        quote_texts("de", "Er meinte ‚das geht so nicht‘ und ging."),
        ["das geht so nicht"]
    );
    // German capitalises every noun: names are not measured
    let src = "Die Direktorin kündigte an: „Wir öffnen im September wieder“. Der Stadtrat \
               in Berlin beschloss 1.000 neue Stellen.";
    let d = FactDoc::with_lang(src, "de");
    assert!(d.facts().names.is_empty());
    assert_eq!(d.facts().unmeasured, [FactKind::Name]);
    assert!(!d.facts().has_case);
    let r = check_lang(
        "de",
        src,
        "„Wir öffnen im September“, sagte die Direktorin in München. 1000 Stellen.",
    );
    assert_eq!(r.unmeasured, [FactKind::Name]);
    assert_eq!(r.names, CategoryCounts::default());
    assert_eq!((r.names.retention(), r.names.support()), (None, None));
    assert!(!r.names_assessable);
    assert!(r.checks.iter().all(|c| c.kind != FactKind::Name));
    assert_eq!(
        (r.quotes.kept, r.quotes.supported),
        (1, 1),
        "{:?}",
        r.checks
    );
    assert_eq!(r.numbers.support(), Some(1.0), "{:?}", r.checks);
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"unmeasured\":[\"name\"]"), "{json}");
    assert!(json.contains("\"names\":{\"source_distinct\":0"), "{json}");
    assert!(
        json.contains("\"retention\":null,\"support\":null}"),
        "{json}"
    );
}

#[test]
fn russian_cyrillic_names_and_guillemets() {
    let src = "Во вторник Владимир Путин встретился в Москве с Си Цзиньпином. Директор \
               библиотеки заявила: «Мы откроемся в сентябре». Ремонт обойдётся в 2,5 миллиона евро.";
    let names = name_keys("ru", src);
    assert_eq!(names, ["владимир путин", "москве", "си цзиньпином"]);
    assert_eq!(quote_texts("ru", src), ["Мы откроемся в сентябре"]);
    assert_eq!(keys("ru", src), ["2500000|eur"]);
    assert_eq!(keys("ru", "около 300 тысяч человек"), ["300000|count"]);
    assert_eq!(keys("ru", "рост на 5 процентов"), ["5|percent"]);
    let r = check_lang(
        "ru",
        src,
        "Владимир Путин встретился с Си Цзиньпином. «Мы откроемся в сентябре».",
    );
    assert_eq!(r.names.unsupported, 0, "{:?}", r.checks);
    assert_eq!((r.quotes.kept, r.quotes.supported), (1, 1));
    // an invented Cyrillic name is unsupported
    let r = check_lang(
        "ru",
        src,
        "Владимир Путин встретился с Дональдом Трампом в Москве.",
    );
    assert_eq!(
        status(&r, FactKind::Name, "дональдом трампом"),
        [FactStatus::Unsupported],
        "{:?}",
        r.checks
    );
    assert_eq!(r.names.supported, 2, "{:?}", r.checks);
}

#[test]
fn greek_and_turkish_names() {
    assert_eq!(
        name_keys(
            "el",
            "Ο πρωθυπουργός Κυριάκος Μητσοτάκης επισκέφθηκε την Αθήνα."
        ),
        ["κυριάκοσ μητσοτάκησ", "αθήνα"]
    );
    // Turkish suffixes after an apostrophe, dotted capital I
    let src = "Recep Tayyip Erdoğan dün İstanbul'da konuştu.";
    assert_eq!(name_keys("tr", src), ["recep tayyip erdoğan", "istanbul"]);
    let r = check_lang("tr", src, "Erdoğan dün İstanbul'a döndü.");
    assert_eq!(
        status(&r, FactKind::Name, "istanbul"),
        [FactStatus::Kept, FactStatus::Supported]
    );
    assert_eq!(r.names.unsupported, 0, "{:?}", r.checks);
    assert_eq!(keys("tr", "enflasyon yüzde 25 oldu"), ["25|percent"]);
    assert_eq!(keys("tr", "enflasyon %25 oldu"), ["25|percent"]);
    assert_eq!(keys("tr", "2,5 milyon avroya mal olacak"), ["2500000|eur"]);
}

#[test]
fn arabic_indic_digits_match_ascii_digits() {
    assert_eq!(keys("ar", "قتل ٢٥٠ شخصا"), ["250|count"]);
    assert_eq!(keys("fa", "۲۵۰ نفر"), ["250|count"]);
    assert_eq!(keys("ar", "ستكلف الأعمال ٢٫٥ مليون يورو"), ["2500000|eur"]);
    assert_eq!(keys("ar", "١٬٠٠٠ شخص"), ["1000|count"]);
    assert_eq!(keys("ar", "بنسبة ٢٥٪"), ["25|percent"]);
    let r = check_lang("ar", "قتل 250 شخصا في 2023.", "قتل ٢٥٠ شخصا في ٢٠٢٣.");
    assert_eq!(r.numbers.support(), Some(1.0), "{:?}", r.checks);
    assert_eq!(r.numbers.retention(), Some(1.0));
    assert_eq!(r.unmeasured, [FactKind::Name]);
    let r = check_lang("ar", "قتل 250 شخصا.", "قتل ٣٠٠ شخصا.");
    assert_eq!(
        status(&r, FactKind::Number, "300|count"),
        [FactStatus::Unsupported]
    );
}

#[test]
fn devanagari_and_bengali_digits() {
    assert_eq!(keys("hi", "काम पर २५ लाख रुपये खर्च होंगे।"), ["2500000|inr"]);
    assert_eq!(keys("hi", "काम पर 25 लाख रुपये खर्च होंगे।"), ["2500000|inr"]);
    assert_eq!(keys("hi", "कुल 25,00,000 रुपये"), ["2500000|inr"]);
    // the nukta written precomposed or decomposed
    assert_eq!(keys("hi", "5 ह\u{095B}ार लोग"), ["5000|count"]);
    assert_eq!(keys("hi", "5 ह\u{091C}\u{093C}ार लोग"), ["5000|count"]);
    assert_eq!(keys("bn", "কাজে ২৫ লাখ টাকা খরচ হবে।"), ["2500000|bdt"]);
    let r = check_lang("hi", "१२० लोग मारे गए।", "120 लोग मारे गए।");
    assert_eq!(r.numbers.support(), Some(1.0), "{:?}", r.checks);
    // a word with a virama and vowel signs stays one word
    let d = FactDoc::with_lang("क्या हुआ", "hi");
    assert_eq!(d.words.words.len(), 2);
    assert_eq!(unmeasured("hi"), [FactKind::Name]);
}

#[test]
fn chinese_wan_yi_and_corner_quotes() {
    assert_eq!(keys("zh", "工程将耗资250万欧元。"), ["2500000|eur"]);
    assert_eq!(keys("zh", "人口约14亿。"), ["1400000000|count"]);
    assert_eq!(keys("zh", "耗资2.5亿美元"), ["250000000|usd"]);
    // full-width digits
    assert_eq!(keys("zh", "工程将耗资２５０万欧元。"), ["2500000|eur"]);
    assert!(FactDoc::with_lang("约250万人", "zh").facts().numbers[0].approximate);
    let src = "馆长表示：「我们将在九月重新开放图书馆」。工程将耗资250万欧元。";
    assert_eq!(quote_texts("zh", src), ["我们将在九月重新开放图书馆"]);
    let r = check_lang(
        "zh",
        src,
        "馆长说：「我们将在九月重新开放」。耗资250万欧元。",
    );
    assert_eq!(
        (r.quotes.kept, r.quotes.supported),
        (1, 1),
        "{:?}",
        r.checks
    );
    assert_eq!(r.numbers.support(), Some(1.0));
    assert_eq!(r.unmeasured, [FactKind::Name]);
    // a changed character: altered, not verbatim
    let r = check_lang("zh", src, "馆长说：「我们将在十月重新开放图书馆」。");
    assert_eq!(r.quotes.altered, 1, "{:?}", r.checks);
    // “ ” in Chinese too
    assert_eq!(
        quote_texts("zh", "他说：“我们将在九月重新开放图书馆”。"),
        ["我们将在九月重新开放图书馆"]
    );
    // too short to be a quote (a term in quotation marks)
    assert!(quote_texts("zh", "所谓「一带一路」倡议").is_empty());
    // a changed number
    let r = check_lang("zh", src, "工程将耗资350万欧元。");
    assert_eq!(
        status(&r, FactKind::Number, "3500000|eur"),
        [FactStatus::Unsupported]
    );
}

#[test]
fn japanese_double_corner_quotes_and_full_width_digits() {
    let src = "館長は『図書館は九月に再開します』と述べた。工事費は250万ユーロ。";
    assert_eq!(quote_texts("ja", src), ["図書館は九月に再開します"]);
    assert_eq!(keys("ja", src), ["2500000|eur"]);
    assert_eq!(keys("ja", "工事費は２５０万ユーロ"), ["2500000|eur"]);
    assert_eq!(keys("ja", "予算は3億円"), ["300000000|jpy"]);
    let r = check_lang(
        "ja",
        src,
        "館長は「図書館は九月に再開します」と語った。費用は２５０万ユーロ。",
    );
    assert_eq!(
        (r.quotes.kept, r.quotes.supported),
        (1, 1),
        "{:?}",
        r.checks
    );
    assert_eq!(r.numbers.support(), Some(1.0), "{:?}", r.checks);
}

#[test]
fn thai_and_other_digits() {
    assert_eq!(keys("th", "งานนี้จะใช้เงิน ๒.๕ ล้านยูโร"), ["2500000|eur"]);
    assert_eq!(keys("th", "งานนี้จะใช้เงิน 2.5 ล้านยูโร"), ["2500000|eur"]);
    assert_eq!(keys("my", "၂၅၀ ဦး"), ["250|count"]);
    assert_eq!(keys("ko", "250만 원"), ["2500000|krw"]);
    let r = check_lang("th", "มีผู้เสียชีวิต ๑๒๐ คน", "มีผู้เสียชีวิต 120 คน");
    assert_eq!(r.numbers.support(), Some(1.0), "{:?}", r.checks);
}

#[test]
fn quotation_marks_of_every_style() {
    let cases: &[(&str, &str)] = &[
        ("fr", "Il dit « trois mots ici » hier."),
        ("fr", "Il dit «\u{202f}trois mots ici\u{202f}» hier."),
        ("fr", "Il dit ‹ trois mots ici › hier."),
        ("de", "Er sagt „trois mots ici“ heute."),
        ("pl", "Powiedział „trois mots ici” wczoraj."),
        ("cs", "Řekl ‚trois mots ici‘ včera."),
        ("de", "Er sagt »trois mots ici« heute."),
        ("es", "Dijo “trois mots ici” ayer."),
        ("es", "Dijo ‘trois mots ici’ ayer."),
        ("sv", "Han sa ”trois mots ici” i går."),
        ("fi", "Hän sanoi »trois mots ici» eilen."),
        ("ja", "彼は「trois mots ici」と言った。"),
        ("ja", "彼は『trois mots ici』と言った。"),
        ("ru", "Он сказал \"trois mots ici\" вчера."),
        ("it", "Ha detto `` trois mots ici '' ieri."),
    ];
    for (lang, text) in cases {
        assert_eq!(
            quote_texts(lang, text),
            ["trois mots ici"],
            "{lang}: {text}"
        );
    }
    // nested quotes are part of the outer one
    assert_eq!(
        quote_texts(
            "fr",
            "Il dit « elle a crié “ au feu ” puis elle est partie »."
        ),
        ["elle a crié “ au feu ” puis elle est partie"]
    );
    // a French closing guillemet does not open a quote
    assert!(quote_texts("fr", "fin » de la phrase ici sans ouverture").is_empty());
}

#[test]
fn what_each_profile_says_about_names() {
    for lang in [
        "ar", "fa", "he", "hi", "bn", "ta", "th", "zh", "ja", "ko", "de", "ka",
    ] {
        let d = FactDoc::with_lang("Abc Def ghi Jkl Mno pqr.", lang);
        assert!(d.facts().names.is_empty(), "{lang}");
        assert_eq!(d.facts().unmeasured, [FactKind::Name], "{lang}");
    }
    // an unknown language: numbers and quotes, not names
    let d = FactDoc::with_lang("Il dit « trois mots ici » et ٢٥٠ Abc Def.", "xx");
    assert_eq!(d.profile().code, GENERIC.code);
    assert_eq!(d.facts().numbers[0].key, "250|count");
    assert_eq!(d.facts().quotes.len(), 1);
    assert!(d.facts().names.is_empty());
    // a caseless candidate in a language with names: retention measured, support not
    let r = check_lang(
        "fr",
        "Emmanuel Macron a rencontré Olaf Scholz à Berlin.",
        "emmanuel macron a rencontré jean dupont à berlin.",
    );
    assert!(r.names_caseless && !r.names_assessable);
    assert_eq!(r.names.kept, 2, "{:?}", r.checks);
    assert_eq!(r.names.support(), None);
    assert!(r.unmeasured.is_empty());
}

fn multilingual_atoms() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let atoms = prop::sample::select(vec![
        "2,5",
        "1.000",
        "1\u{202f}000",
        "٢٥٠",
        "٢٫٥",
        "١٬٠٠٠",
        "۲۵۰",
        "२५",
        "২৫",
        "๒๕",
        "၂၅",
        "２５０",
        "250",
        "万",
        "亿",
        "億",
        "millions",
        "Millionen",
        "миллиона",
        "лакх",
        "लाख",
        "ล้าน",
        "d'euros",
        "euros",
        "€",
        "%",
        "٪",
        "％",
        "«",
        "»",
        "„",
        "“",
        "”",
        "‚",
        "‘",
        "’",
        "‹",
        "›",
        "「",
        "」",
        "『",
        "』",
        "\"",
        "``",
        "''",
        "Emmanuel",
        "Macron",
        "La",
        "Rochelle",
        "Путин",
        "Владимир",
        "İstanbul'da",
        "Αθήνα",
        "क्या",
        "ज़",
        "\u{93c}",
        "\u{301}",
        "\u{200d}",
        "我们",
        "図書館",
        "ห้องสมุด",
        "21h45",
        "h",
        "45",
        "yüzde",
        "de",
        "mil",
        "millones",
        "deux",
        "cent",
        "cinquante",
        "neuf",
        "un",
        "zwei",
        "hundert",
        ".",
        ",",
        "\n",
        " ",
        "\u{a0}",
        "environ",
        "约",
        "'",
        "-",
        "—",
        "¿",
        "¡",
    ]);
    prop::collection::vec(atoms, 0..30).prop_map(|v| v.join(" "))
}

fn assert_spans(text: &str, f: &Facts) -> Result<(), proptest::test_runner::TestCaseError> {
    for x in f
        .numbers
        .iter()
        .chain(&f.names)
        .chain(&f.quotes)
        .chain(&f.vague)
    {
        proptest::prop_assert!(x.span.0 <= x.span.1 && x.span.1 <= text.len());
        proptest::prop_assert_eq!(&text[x.span.0..x.span.1], x.text.as_str());
    }
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 48, ..Default::default() })]

    /// No profile panics on arbitrary Unicode text, and every span is a span of the text.
    #[test]
    fn with_lang_never_panics(a in "\\PC{0,80}", b in multilingual_atoms(), glue in proptest::bool::ANY) {
        let b = if glue { b.replace(' ', "") } else { b };
        for p in PROFILES.iter().chain([&GENERIC]) {
            for t in [&a, &b] {
                let d = FactDoc::with_profile(t, p);
                assert_spans(t, d.facts())?;
            }
            let r = compare(&FactDoc::with_profile(&a, p), &FactDoc::with_profile(&b, p));
            let _ = serde_json::to_string(&r).unwrap();
            // a text supports its own numbers and quotes
            let own = compare(&FactDoc::with_profile(&b, p), &FactDoc::with_profile(&b, p));
            for c in [own.numbers, own.quotes] {
                proptest::prop_assert!(c.support().is_none_or(|s| s == 1.0), "{}: {:?}", p.code, own.checks);
            }
        }
    }
}
#[test]
fn number_words_and_scales_in_text2num_languages() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "es",
            "Las obras costarán 2,5 millones de euros.",
            &["2500000|eur"],
        ),
        (
            "es",
            "un total de 2,5 mil millones de dólares",
            &["2500000000|usd"],
        ),
        (
            "es",
            "veinticinco personas y tres de ellos",
            &["25|count", "3|count"],
        ),
        (
            "it",
            "costerà 2,5 milioni di euro, trecento persone",
            &["2500000|eur", "300|count"],
        ),
        (
            "pt",
            "custará 2,5 milhões de euros e vinte e cinco pessoas",
            &["2500000|eur", "25|count"],
        ),
        (
            "nl",
            "kost 2,5 miljoen euro en vijfentwintig mensen",
            &["2500000|eur", "25|count"],
        ),
        (
            "da",
            "koster 2,5 millioner kroner og femogtyve mennesker",
            &["2500000|dkk", "25|count"],
        ),
        (
            "fr",
            "vingt-et-un morts, quatre-vingts blessés, deux cents maisons",
            &["21|count", "80|count", "200|count"],
        ),
        (
            "de",
            "einundzwanzig Tote, zwei Millionen Euro",
            &["21|count", "2000000|eur"],
        ),
        // a plain space between groups of three where the language groups with spaces
        (
            "ru",
            "погибли 1 500 человек, ранены 12 345 678",
            &["1500|count", "12345678|count"],
        ),
        ("fr", "en 2019 300 personnes", &["2019|year", "300|count"]),
    ];
    for (lang, text, expected) in cases {
        assert_eq!(keys(lang, text), *expected, "{lang}: {text}");
    }
    // vague quantities are listed, not scored
    let d = FactDoc::with_lang("des milliers de personnes et Tausende", "fr");
    assert_eq!(d.facts().vague[0].key, "milliers|vague");
    assert!(d.facts().numbers.is_empty());
    // a lone article or first ordinal is not a number; `un bâtiment neuf` is new, not nine
    assert!(keys("fr", "Un homme est venu dans un bâtiment neuf.").is_empty());
    assert!(keys("es", "El primer ministro llegó.").is_empty());
}

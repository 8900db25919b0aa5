//! Sharded runs: `eval --shard K/N` and `merge` give what one `eval` over all the data gives,
//! byte for byte (report, intervals, paired tests, notes, warnings and exit code), for a
//! directory dataset, a JSONL file with several systems, a file with invalid records and
//! duplicate ids (`--skip-invalid`), `--lang auto` and line-aligned files; with N = 1, 2, 3 and 7
//! (more shards than examples too). Then the shards that do not merge, each refused in one
//! line that names the file, and a property test of the library API over random data and N.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::common::{fixture, sumbench};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What a command gave: exit code, standard output, standard error.
#[derive(Debug, PartialEq)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = sumbench().args(args).output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Writes the shard files of `eval DATA --shard K/N OPTIONS` for every K into `dir`, and
/// returns them last to first (merge takes them in any order).
fn shards(dir: &Path, data: &str, n: u64, options: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for k in 1..=n {
        let file = dir.join(format!("{k}-of-{n}.shard"));
        let spec = format!("{k}/{n}");
        let mut args = vec!["eval", data, "--shard", &spec, "-o", file.to_str().unwrap()];
        args.extend_from_slice(options);
        let r = run(&args);
        assert_eq!(r.code, Some(0), "shard {spec}: {}", r.stderr);
        files.push(file);
    }
    files.reverse();
    files
}

fn merge(files: &[PathBuf], extra: &[&str]) -> Run {
    let mut args = vec!["merge"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend_from_slice(extra);
    run(&args)
}

/// For each N and format: the merge of the N shards equals the single run, stdout, stderr and
/// exit code.
fn assert_merges_as_single_run(data: &str, options: &[&str], formats: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let singles: Vec<Run> = formats
        .iter()
        .map(|f| {
            let mut args = vec!["eval", data, "--format", f];
            args.extend_from_slice(options);
            run(&args)
        })
        .collect();
    assert_eq!(singles[0].code, Some(0), "{}", singles[0].stderr);
    for n in [1, 2, 3, 7] {
        let files = shards(dir.path(), data, n, options);
        for (format, single) in formats.iter().zip(&singles) {
            let merged = merge(&files, &["--format", format]);
            assert_eq!(
                &merged, single,
                "{data} {options:?}, {n} shards, --format {format}"
            );
        }
    }
}

const FORMATS: [&str; 5] = ["json", "jsonl", "table", "csv", "markdown"];

#[test]
fn shard_directory_dataset_merges_as_one_run() {
    // One example (a source and four rewrites as systems): most shards are empty.
    let data = format!("{ROOT}/datasets/seed-news");
    assert_merges_as_single_run(&data, &[], &FORMATS);
    assert_merges_as_single_run(
        &data,
        &["--confidence", "--baseline-system", "condensed-002"],
        &FORMATS,
    );
}

/// Twelve examples, three systems, sources and references (one example with three, one with
/// none, one empty candidate), so that every metric family, intervals and tests have
/// something to do.
fn multi_system_jsonl(dir: &Path) -> String {
    let mut lines = Vec::new();
    let words = [
        "the council voted on tuesday to renovate the library for 2.5 million euros",
        "police said the gunman was shot dead after a standoff of six hours",
        "Kim Jong Un hailed ties with Russia as Putin plans a visit in June",
        "the company reported a profit of 120 million dollars, up 8 percent",
        "heavy rain flooded the city centre and closed two bridges on Monday",
        "the minister said \"we will not raise taxes\" at a press conference",
    ];
    for i in 0..12 {
        let src = words[i % words.len()];
        let refs: Vec<String> = match i {
            3 => vec![],
            5 => vec![
                src.split(' ').rev().collect::<Vec<_>>().join(" "),
                src.replace("the", "a"),
                "something else entirely".into(),
            ],
            _ => vec![src.split(' ').skip(i % 3).collect::<Vec<_>>().join(" ")],
        };
        let a: String = src.split(' ').take(6 + i % 4).collect::<Vec<_>>().join(" ");
        let b = if i == 7 {
            String::new()
        } else {
            src.split(' ').rev().take(5).collect::<Vec<_>>().join(" ")
        };
        let c = format!("{} {}", words[(i + 1) % words.len()], i);
        lines.push(
            serde_json::json!({
                "id": format!("ex-{i}"),
                "source": format!("{src}. {}", words[(i + 2) % words.len()]),
                "references": refs,
                "candidates": {"lead": a, "tail": b, "other": c},
            })
            .to_string(),
        );
    }
    let path = dir.join("multi.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn shard_jsonl_with_several_systems_merges_as_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let data = multi_system_jsonl(dir.path());
    assert_merges_as_single_run(&data, &[], &FORMATS);
    let stats = [
        "--confidence",
        "--baseline-system",
        "lead",
        "--resamples",
        "300",
        "--trials",
        "500",
        "--seed",
        "7",
    ];
    assert_merges_as_single_run(&data, &stats, &["json", "table", "csv"]);
    let micro = [
        "--aggregate",
        "micro",
        "--confidence",
        "--bootstrap-method",
        "rouge-score",
        "--stemmer",
        "porter",
        "--resamples",
        "200",
    ];
    assert_merges_as_single_run(&data, &micro, &["json", "table"]);
}

#[test]
fn shard_invalid_records_and_duplicate_ids_merge_as_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &str, c: &str| {
        format!(
            r#"{{"id": "{id}", "candidates": {{"a": "{c}", "b": "the cat"}}, "reference": "the cat sat on the mat"}}"#
        )
    };
    let lines = [
        good("x1", "the cat sat"),
        "not json".to_owned(),
        good("x2", "a mat"),
        String::new(), // blank: not a record
        r#"{"id": "x3", "reference": "no candidate"}"#.to_owned(),
        good("x1", "duplicate of the first, in another shard for most N"),
        good("x4", "the cat sat on the mat"),
        good("x4", "duplicate of the one just before"),
        r#"{"id": "x5", "candidates": {"a": "only one system"}, "reference": "the cat"}"#
            .to_owned(),
        good("x6", ""),
        r#"{"candidate": "no id: its line number is its id", "reference": "x y"}"#.to_owned(),
        good("x2", "a third duplicate"),
    ];
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let data = path.to_str().unwrap();
    let single = run(&["eval", data, "--skip-invalid", "--format", "json"]);
    assert!(
        single.stderr.contains("skipped 5 invalid examples"),
        "{}",
        single.stderr
    );
    assert!(single.stderr.contains("duplicate id 'x1'"));
    assert!(single.stderr.contains("systems missing from some examples"));
    assert_merges_as_single_run(data, &["--skip-invalid"], &FORMATS);
    assert_merges_as_single_run(
        data,
        &[
            "--skip-invalid",
            "--confidence",
            "--baseline-system",
            "a",
            "--trials",
            "300",
        ],
        &["json", "table"],
    );

    // Without --skip-invalid the run fails at its first invalid record; so does the shard
    // holding it, and no merge is possible.
    let strict = run(&["eval", data]);
    assert_eq!(strict.code, Some(2));
    let r = run(&[
        "eval",
        data,
        "--shard",
        "2/2",
        "-o",
        dir.path().join("s").to_str().unwrap(),
    ]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (Some(2), strict.stderr.as_str())
    );

    // Valid records with a duplicate id in two shards: each shard is fine, the merge finds the
    // duplicate with the single run's message.
    let path = dir.path().join("dup.jsonl");
    std::fs::write(
        &path,
        [good("a", "x"), good("a", "y"), good("b", "z")].join("\n"),
    )
    .unwrap();
    let data = path.to_str().unwrap();
    let single = run(&["eval", data]);
    assert_eq!(single.code, Some(2));
    assert!(
        single.stderr.contains("dup.jsonl:2: duplicate id 'a'"),
        "{}",
        single.stderr
    );
    let files = shards(dir.path(), data, 2, &[]);
    assert_eq!(merge(&files, &[]), single);
}

#[test]
fn shard_lang_auto_and_line_aligned_files_merge_as_one_run() {
    let data = format!("{ROOT}/datasets/multilingual/pairs.jsonl");
    assert_merges_as_single_run(
        &data,
        &["--lang", "auto", "--stemmer", "snowball"],
        &["json", "jsonl"],
    );
    assert_merges_as_single_run(
        &data,
        &["--lang", "fr", "--metrics", "rouge1,rougeLsum"],
        &["json"],
    );

    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let cands = write("sys.txt", "the cat sat\na dog ran\n\nthe end\nfour\n");
    let refs = write(
        "ref.txt",
        "the cat sat down\nthe dog ran off\nempty candidate\nthe end came\n4\n",
    );
    let single = run(&[
        "eval",
        "--candidates",
        &cands,
        "--references",
        &refs,
        "--format",
        "json",
    ]);
    assert_eq!(single.code, Some(0), "{}", single.stderr);
    for n in [1, 2, 3, 7] {
        let mut files = Vec::new();
        for k in 1..=n {
            let f = dir.path().join(format!("{k}.shard"));
            let spec = format!("{k}/{n}");
            let r = run(&[
                "eval",
                "--candidates",
                &cands,
                "--references",
                &refs,
                "--shard",
                &spec,
                "-o",
                f.to_str().unwrap(),
            ]);
            assert_eq!(r.code, Some(0), "{}", r.stderr);
            files.push(f);
        }
        assert_eq!(merge(&files, &["--format", "json"]), single, "{n} shards");
    }
}

#[test]
fn shard_merge_writes_the_same_files_as_eval() {
    // -o: the report file, and for CSV and JSONL the side file of notes beside it.
    let dir = tempfile::tempdir().unwrap();
    let data = multi_system_jsonl(dir.path());
    let files = shards(dir.path(), &data, 3, &[]);
    for format in ["csv", "jsonl", "json"] {
        let a = dir.path().join(format!("single.{format}"));
        let b = dir.path().join(format!("merged.{format}"));
        let single = run(&["eval", &data, "--format", format, "-o", a.to_str().unwrap()]);
        let merged = merge(&files, &["--format", format, "-o", b.to_str().unwrap()]);
        assert_eq!(merged, single);
        assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        let meta = |p: &Path| std::fs::read(sumbench::report::meta_path(p)).ok();
        assert_eq!(meta(&a), meta(&b), "{format}");
    }
    let per_example = ["--per-example", "--format", "csv"];
    let mut args = vec!["eval", data.as_str()];
    args.extend_from_slice(&per_example);
    assert_eq!(merge(&files, &per_example), run(&args));
}

/// Asserts a usage failure: exit code 2 and one line on standard error containing `what`.
fn assert_refused(r: &Run, what: &[&str]) {
    assert_eq!(r.code, Some(2), "{r:?}");
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("sumbench: error: "), "{}", r.stderr);
    for w in what {
        assert!(r.stderr.contains(w), "{w:?} not in {}", r.stderr);
    }
    assert!(r.stdout.is_empty());
}

#[test]
fn shard_specs_that_are_not_k_of_n_are_refused() {
    let data = fixture("edge.jsonl");
    let data = data.to_str().unwrap();
    for (spec, why) in [
        ("0/2", "K counts from 1"),
        ("3/2", "K is more than N"),
        ("x", "expected K/N"),
        ("1/0", "N must be at least 1"),
    ] {
        let r = run(&["eval", data, "--shard", spec]);
        assert_eq!(r.code, Some(2), "{spec}");
        assert!(r.stderr.contains(why), "{spec}: {}", r.stderr);
        assert!(r.stderr.starts_with("sumbench: error: "));
    }
    let r = run(&["eval", data, "--shard", "1/2", "--format", "json"]);
    assert_refused(&r, &["--shard writes a shard file", "sumbench merge"]);
    let r = run(&["eval", data, "--shard", "1/2", "--rouge155", "-n 2"]);
    assert_refused(&r, &["--rouge155"]);
}

#[test]
fn shard_sets_that_do_not_belong_together_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = multi_system_jsonl(dir.path());
    let d = dir.path();
    let three = shards(d, &data, 3, &[]); // 3-of-3, 2-of-3, 1-of-3
    let name = |p: &PathBuf| p.to_str().unwrap().to_owned();

    // A missing shard.
    let r = merge(&[three[0].clone(), three[2].clone()], &[]);
    assert_refused(&r, &["shard 2/3 is missing", "2 of the run's 3 shards"]);
    // A shard given twice.
    let r = merge(
        &[
            three[0].clone(),
            three[1].clone(),
            three[2].clone(),
            three[1].clone(),
        ],
        &[],
    );
    assert_refused(&r, &[&name(&three[1]), "shard 2/3 again"]);
    // Another N.
    let two = dir.path().join("two");
    std::fs::create_dir(&two).unwrap();
    let two = shards(&two, &data, 2, &[]);
    let r = merge(&[three[2].clone(), two[0].clone()], &[]);
    assert_refused(&r, &[&name(&two[0]), "shard 2/2", "same N"]);
    // Other options.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let other = shards(&other, &data, 3, &["--metrics", "rouge1"]);
    let r = merge(&[three[2].clone(), three[1].clone(), other[0].clone()], &[]);
    assert_refused(&r, &[&name(&other[0]), "other options", "eval.rouge_types"]);
    let conf = dir.path().join("conf");
    std::fs::create_dir(&conf).unwrap();
    let conf = shards(&conf, &data, 3, &["--confidence"]);
    let r = merge(&[three[2].clone(), three[1].clone(), conf[0].clone()], &[]);
    assert_refused(&r, &["other options", "report.confidence"]);
    // The same path holding other data when the last shard ran.
    let changed = dir.path().join("changed");
    std::fs::create_dir(&changed).unwrap();
    let first = shards(&changed, &data, 2, &[]);
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, text.replacen("council", "committee", 1)).unwrap();
    let spec_2 = changed.join("2-of-2.shard");
    let r = run(&[
        "eval",
        &data,
        "--shard",
        "2/2",
        "-o",
        spec_2.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0));
    let r = merge(&[first[1].clone(), spec_2.clone()], &[]);
    assert_refused(&r, &["read other data", "fingerprints differ"]);
    std::fs::write(&data, text).unwrap();
    // The output is one of the shards.
    let r = merge(&three, &["-o", &name(&three[0])]);
    assert_refused(
        &r,
        &[&name(&three[0]), "is a shard to merge and the output"],
    );
}

#[test]
fn shard_files_that_are_damaged_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = multi_system_jsonl(dir.path());
    let files = shards(dir.path(), &data, 2, &[]); // 2-of-2, 1-of-2
    let text = std::fs::read_to_string(&files[1]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let damaged = |name: &str, content: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, content).unwrap();
        let r = merge(&[files[0].clone(), p.clone()], &[]);
        (r, p.to_str().unwrap().to_owned())
    };
    let (r, p) = damaged("garbage", "hello\nworld\n".into());
    assert_refused(&r, &[&p, "not a sumbench shard file"]);
    let (r, p) = damaged("report", run(&["eval", &data, "--format", "json"]).stdout);
    assert_refused(&r, &[&p, "not a sumbench shard file"]);
    let (r, p) = damaged("empty", String::new());
    assert_refused(&r, &[&p, "not a sumbench shard file"]);
    let (r, p) = damaged("truncated", lines[..lines.len() - 1].join("\n") + "\n");
    assert_refused(&r, &[&p, "truncated", "run the shard again"]);
    let cut = format!(
        "{}\n{}",
        lines[..3].join("\n"),
        &lines[3][..lines[3].len() / 2]
    );
    let (r, p) = damaged("cut", cut);
    assert_refused(&r, &[&p, "corrupt shard entry"]);
    let mut gap = lines.clone();
    gap.remove(2);
    let (r, p) = damaged("gap", gap.join("\n") + "\n");
    assert_refused(
        &r,
        &[&p, "line 3: position 4 where shard 1/2 has its record 2"],
    );
    let edited = text.replacen("\"hits\":", "\"hits\":\"many\",\"x\":", 1);
    let (r, p) = damaged("edited", edited);
    assert_refused(&r, &[&p, "line 2: corrupt shard entry"]);
    let (r, p) = damaged("extra", text.clone() + "{}\n");
    assert_refused(&r, &[&p, "data after the end line"]);
    let later = text.replacen("sumbench.shard/1", "sumbench.shard/9", 1);
    let (r, p) = damaged("later", later);
    assert_refused(&r, &[&p, "shard format sumbench.shard/9"]);
    let r = merge(&[files[0].clone(), dir.path().join("absent")], &[]);
    assert_refused(&r, &["absent: cannot read"]);
}

/// A small random JSONL input: up to 14 records from a few texts, some invalid, some ids
/// repeated, one system sometimes missing.
fn records() -> impl Strategy<Value = Vec<String>> {
    let texts = [
        "the cat sat",
        "a dog",
        "the cat sat on the mat",
        "",
        "mat cat the",
    ];
    let record = (0..6usize, 0..5usize, 0..5usize, 0..5usize, 0..10u8).prop_map(
        move |(id, r, a, b, kind)| match kind {
            0 => "{not json".to_owned(),
            1 => format!(r#"{{"id": "i{id}", "reference": "{}"}}"#, texts[r]),
            2 => format!(
                r#"{{"id": "i{id}", "candidates": {{"a": "{}"}}, "reference": "{}"}}"#,
                texts[a], texts[r]
            ),
            _ => format!(
                r#"{{"id": "i{id}", "candidates": {{"a": "{}", "b": "{}"}}, "reference": "{}"}}"#,
                texts[a], texts[b], texts[r]
            ),
        },
    );
    prop::collection::vec(record, 0..14)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The library API: the merge of the N shards (given in any order) renders as the single
    /// run in every format, or fails with the single run's error.
    #[test]
    fn shard_merge_equals_the_single_run(
        lines in records(),
        n in 1u64..9,
        rotate in 0usize..8,
        confidence in any::<bool>(),
    ) {
        use sumbench::dataset::input::InputSpec;
        use sumbench::report::Format;
        use sumbench::run::{ReportOptions, RunOptions, evaluate_dataset};
        use sumbench::shard::{ShardReader, ShardSpec, evaluate_shard, merge_shards};

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.jsonl");
        std::fs::write(&path, lines.join("\n")).unwrap();
        let spec = InputSpec {
            path: Some(path),
            ..InputSpec::default()
        };
        let options = RunOptions {
            skip_invalid: true,
            keep_examples: true,
            jobs: Some(2),
            report: ReportOptions {
                confidence: confidence.then(|| (
                    sumbench::stats::BootstrapConfig { resamples: 50, ..Default::default() },
                    sumbench::stats::corpus::IntervalMethod::Percentile,
                )),
                ..Default::default()
            },
            ..Default::default()
        };
        let render = |outcome: sumbench::Result<sumbench::run::Outcome>| match outcome {
            Ok(o) => {
                let mut text = format!("{:?}\n{:?}\n", o.skipped, o.warnings);
                for format in [Format::Json, Format::Jsonl, Format::Table, Format::Csv] {
                    let mut out = Vec::new();
                    format.renderer().render(&o.report, &mut out).unwrap();
                    text.push_str(&String::from_utf8(out).unwrap());
                }
                text
            }
            Err(e) => format!("error: {e}"),
        };
        let single = render(evaluate_dataset(&spec, &options, None, &|_| {}));
        let mut readers = Vec::new();
        for k in 1..=n {
            let mut file = Vec::new();
            evaluate_shard(&spec, &options, ShardSpec::new(k, n).unwrap(), &mut file, &|_| {})
                .unwrap();
            readers.push(ShardReader::new(format!("{k}"), std::io::Cursor::new(file)).unwrap());
        }
        readers.rotate_left(rotate % n as usize);
        let merged = render(merge_shards(readers, true, None));
        prop_assert_eq!(merged, single);
    }
}

//! Issue 18's hardening at the command line: reports written atomically with `--output`,
//! one error line (file:line and the reason) and exit 2 for every kind of bad input, and
//! `--skip-bad` runs that go on and say what they skipped and why.

use std::path::Path;

use crate::common::{exits, write};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A JSONL file of `good` valid records, then an invalid one.
fn valid_then_invalid(good: usize) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..good {
        text.push_str(&format!(
            "{{\"id\": \"e{i}\", \"reference\": \"the cat sat on the mat {i}\", \"candidate\": \"a cat sat {i}\"}}\n"
        ));
    }
    text.push_str("{\"id\": \"broken\", \"candidate\": \n");
    text.into_bytes()
}

#[test]
fn a_failed_run_leaves_the_previous_report_and_no_partial_file() {
    let d = tempfile::tempdir().unwrap();
    // enough valid records before the bad one that JSONL streaming has written batches
    let data = write(d.path(), "data.jsonl", &valid_then_invalid(5000));
    let out = d.path().join("report.jsonl");
    std::fs::write(&out, "the previous report\n").unwrap();
    let o = out.to_str().unwrap();
    let (_, err) = exits(&["eval", &data, "--format", "jsonl", "-o", o], 2);
    assert!(err.contains("data.jsonl:5001:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous report\n"
    );
    assert_eq!(names(d.path()), ["data.jsonl", "report.jsonl"]);
    // the same with no previous report: no file at all
    std::fs::remove_file(&out).unwrap();
    exits(&["eval", &data, "--format", "json", "-o", o], 2);
    assert_eq!(names(d.path()), ["data.jsonl"]);
}

#[test]
fn a_successful_run_replaces_the_report_whole() {
    let d = tempfile::tempdir().unwrap();
    let data = write(d.path(), "data.jsonl", &valid_then_invalid(3)[..]);
    // drop the invalid last line
    let text = std::fs::read_to_string(&data).unwrap();
    let good: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();
    std::fs::write(&data, good).unwrap();
    let out = d.path().join("r.json");
    std::fs::write(&out, "old").unwrap();
    let o = out.to_str().unwrap();
    let (stdout, _) = exits(&["eval", &data, "--format", "json", "-o", o], 0);
    assert!(stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["counts"]["examples"], 3);
    assert_eq!(names(d.path()), ["data.jsonl", "r.json"]);
    // CSV writes its side file (.meta.json) the same way
    let csv = d.path().join("r.csv");
    exits(
        &[
            "eval",
            &data,
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(
        names(d.path()),
        ["data.jsonl", "r.csv", "r.csv.meta.json", "r.json"]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // the permissions of a plain create (0o666 less the umask), not a temporary file's 0o600
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_ne!(
            mode, 0o600,
            "the report kept the temporary file's permissions"
        );
        assert!(mode & 0o600 == 0o600, "mode {mode:o}");
    }
}

#[test]
fn compare_never_reads_a_half_written_report() {
    // A report cut short (what a killed run would leave under the old, non-atomic scheme) is
    // refused with its name; atomic writing means such a file is never under the report's name.
    let d = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string(crate::common::fixture("report_v1.json")).unwrap();
    let half = write(d.path(), "half.json", &full.as_bytes()[..full.len() / 2]);
    let whole = write(d.path(), "whole.json", full.as_bytes());
    let (_, err) = exits(&["compare", &whole, &half], 2);
    assert!(err.starts_with("sumbench: error: "), "{err}");
    assert!(err.contains("half.json"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

/// Every kind of bad input: exit 2 and one error line that names the file, the line and the
/// reason.
#[test]
fn every_bad_input_is_one_error_line_with_its_place() {
    let d = tempfile::tempdir().unwrap();
    let good = r#"{"id": "a", "reference": "the cat sat", "candidate": "the cat"}"#;
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![write(
                d.path(),
                "j.jsonl",
                format!("{good}\n{{\"id\": \n").as_bytes(),
            )],
            "j.jsonl:2: invalid JSON",
        ),
        (
            vec![write(
                d.path(),
                "u.jsonl",
                &[format!("{good}\n\n\"").as_bytes(), b"\xff\"\n"].concat(),
            )],
            "u.jsonl:3: not valid UTF-8",
        ),
        (
            vec![write(
                d.path(),
                "dup.jsonl",
                format!("{good}\n{good}\n").as_bytes(),
            )],
            "dup.jsonl:2: duplicate id 'a'",
        ),
        (
            vec![write(
                d.path(),
                "r.csv",
                b"id,reference,candidate\n1,a b,a\n2,only two\n",
            )],
            "r.csv:3: row has 2 fields, the header has 3",
        ),
        (
            vec![write(
                d.path(),
                "t.tsv",
                b"id\treference\tcandidate\n1\ta\n",
            )],
            "t.tsv:2: row has 2 fields",
        ),
    ];
    for (args, expected) in cases {
        let mut a = vec!["eval"];
        a.extend(args.iter().map(String::as_str));
        let (_, err) = exits(&a, 2);
        assert_eq!(err.lines().count(), 1, "{a:?}: {err}");
        assert!(err.starts_with("sumbench: error: "), "{err}");
        assert!(
            err.contains(expected),
            "{a:?}: expected {expected:?} in {err}"
        );
    }
    // line-aligned files: the file and line of the bad line
    let c = write(d.path(), "c.txt", b"a\n\xfe\n");
    let r = write(d.path(), "ref.txt", b"a\nb\n");
    let (_, err) = exits(&["eval", "--candidates", &c, "--references", &r], 2);
    assert!(err.contains("c.txt:2: not valid UTF-8"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    // a directory's manifest
    let dir = d.path().join("ds");
    std::fs::create_dir(&dir).unwrap();
    write(&dir, "000.txt", b"Kim met Putin.");
    write(
        &dir,
        "manifest.json",
        b"{\"documents\": [\n  {\"file\": 3}\n]}\n",
    );
    let (_, err) = exits(&["eval", dir.to_str().unwrap()], 2);
    assert!(err.contains("manifest.json"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// `--skip-bad` goes on past every bad record, and the report says how many and why.
#[test]
fn skip_bad_reports_how_many_and_why() {
    let d = tempfile::tempdir().unwrap();
    let rec = |id: &str| {
        format!(r#"{{"id": "{id}", "reference": "the cat sat", "candidate": "the cat"}}"#)
    };
    let text = [
        rec("a"),
        "not json".into(),
        rec("b"),
        rec("a"),
        "{\"id\": ".into(),
        r#"{"id": "c", "reference": "x"}"#.into(),
        rec("d"),
    ]
    .join("\n");
    let data = write(d.path(), "bad.jsonl", text.as_bytes());
    for flag in ["--skip-bad", "--skip-invalid"] {
        let (stdout, err) = exits(&["eval", &data, flag, "--format", "json"], 0);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(v["counts"]["examples"], 3);
        assert_eq!(v["counts"]["skipped"], 4);
        let notes: Vec<&str> = v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap())
            .collect();
        let note = notes
            .iter()
            .find(|n| n.contains("skipped (--skip-bad)"))
            .unwrap_or_else(|| panic!("no skip note in {notes:?}"));
        let path = Path::new(&data).display().to_string();
        assert_eq!(
            *note,
            format!(
                "4 invalid examples skipped (--skip-bad): 2 invalid JSON (first at {path}:2), 1 duplicate id '…' (at {path}:4), 1 no candidate (at {path}:6)"
            )
        );
        // every skipped record on standard error, with its line
        for line in [2, 4, 5, 6] {
            assert!(err.contains(&format!("{path}:{line}: ")), "{err}");
        }
    }
}

/// `-o /dev/null` (or a pipe) is written in place: renaming a temporary file over it would
/// replace the device.
#[cfg(unix)]
#[test]
fn output_to_a_device_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let data = crate::common::fixture("edge.jsonl");
    let data = data.to_str().unwrap();
    for format in ["json", "csv", "html"] {
        exits(
            &[
                "eval",
                data,
                "--skip-bad",
                "--format",
                format,
                "-o",
                "/dev/null",
            ],
            0,
        );
    }
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null was replaced");
    assert!(!Path::new("/dev/null.meta.json").exists());
}

/// `-o LINK` replaces the file the link points to and keeps the link.
#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_keeps_the_link() {
    let d = tempfile::tempdir().unwrap();
    let data = crate::common::fixture("edge.jsonl");
    let real = d.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = d.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    exits(
        &[
            "eval",
            data.to_str().unwrap(),
            "--skip-bad",
            "--format",
            "json",
            "-o",
            link.to_str().unwrap(),
        ],
        0,
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().starts_with('{'));
    assert_eq!(names(d.path()), ["link.json", "real.json"]);
}

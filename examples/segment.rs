//! Prints the word tokens of each input line as a JSON array, one line per input line: the
//! tokens ROUGE sees for a language written without spaces (the lowercased words,
//! punctuation removed, joined by single spaces and segmented). For measuring a segmenter's
//! agreement with multilingual-rouge's and its speed (`scripts/multilingual/segmenters.py`,
//! BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example segment -- jieba|newmm|icu|burmese < texts.jsonl
//! ```
//!
//! Each input line is a JSON string; the time spent segmenting is printed on stderr.

use std::io::{BufRead, Write};

use sumbench::text::multilingual::basic_tokens;
use sumbench::text::segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let name = std::env::args().nth(1).unwrap_or_default();
    let seg = Segmenter::from_name(&name)
        .ok_or_else(|| format!("unknown segmenter {name:?} (jieba, newmm, icu, burmese)"))?;
    let mut texts = Vec::new();
    for (i, line) in std::io::stdin().lock().lines().enumerate() {
        let text: String = serde_json::from_str(&line?)
            .map_err(|e| format!("stdin:{}: not a JSON string: {e}", i + 1))?;
        texts.push(text);
    }
    // the dictionaries are loaded on first use: not timed
    seg.segment("a", |_, _| {});
    let start = std::time::Instant::now();
    let mut all = Vec::with_capacity(texts.len());
    for text in &texts {
        let joined = basic_tokens(text).join(" ");
        let mut tokens = Vec::new();
        seg.segment(&joined, |_, t| tokens.push(t.to_owned()));
        all.push(tokens);
    }
    let took = start.elapsed();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for tokens in &all {
        serde_json::to_writer(&mut out, tokens)?;
        out.write_all(b"\n")?;
    }
    eprintln!(
        "{} texts segmented in {:.3} s",
        texts.len(),
        took.as_secs_f64()
    );
    Ok(())
}

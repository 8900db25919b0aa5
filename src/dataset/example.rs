//! The example: what every loader produces and every later stage reads.

use serde::Serialize;

/// One system's text for an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The system's name (a column of `candidates`, a file name, or `candidate`).
    pub system: String,
    /// The candidate summary.
    pub text: String,
}

/// One evaluation unit: a source, its references, and candidates from one or more systems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    /// The example's id (from the data, or its 1-based line or record number).
    pub id: String,
    /// 1-based line or record number in the input, for error messages.
    pub line: usize,
    /// The source document, when known.
    pub source: Option<String>,
    /// Reference summaries (possibly none: ROUGE then runs against the source).
    pub references: Vec<String>,
    /// Candidates, one per system, in the order the input gives them.
    pub candidates: Vec<Candidate>,
    /// Lines removed from this example's texts by boilerplate cleaning (0 when not cleaned).
    pub removed_lines: usize,
    /// The language the data declares for the example (a JSONL record's `lang` or `language`
    /// field), as written; `--lang auto` takes it instead of detecting one.
    pub lang: Option<String>,
}

impl Example {
    /// Removes web boilerplate from every text ([`super::clean`]), counting removed lines.
    pub fn clean(&mut self) {
        let mut removed = 0;
        let mut apply = |t: &mut String| {
            let c = super::clean::clean(t);
            removed += c.removed.len();
            *t = c.text;
        };
        if let Some(s) = self.source.as_mut() {
            apply(s);
        }
        self.references.iter_mut().for_each(&mut apply);
        self.candidates.iter_mut().for_each(|c| apply(&mut c.text));
        self.removed_lines += removed;
    }

    /// Replaces an in-line sentence marker (`<n>`, `<q>`, or a literal `\\n`) by a newline in
    /// every text, so that ROUGE-Lsum sees one sentence per line.
    pub fn split_sentences_at(&mut self, marker: &str) {
        if marker.is_empty() {
            return;
        }
        let apply = |t: &mut String| {
            if t.contains(marker) {
                *t = t.replace(marker, "\n");
            }
        };
        if let Some(s) = self.source.as_mut() {
            apply(s);
        }
        self.references.iter_mut().for_each(apply);
        self.candidates.iter_mut().for_each(|c| apply(&mut c.text));
    }

    /// The texts ROUGE compares candidates with: the references, or the source when there is
    /// no reference. `None` when there is neither.
    pub fn rouge_targets(&self) -> Option<(Vec<&str>, bool)> {
        if !self.references.is_empty() {
            Some((self.references.iter().map(String::as_str).collect(), false))
        } else {
            self.source.as_deref().map(|s| (vec![s], true))
        }
    }
}

//! An example's texts with every fact check of each candidate and where it occurs, for the
//! renderers that show them (the HTML report's per-example panel). The checks are those of
//! `sumbench explain` ([`facts::compare`] of the candidate against the source, else against
//! the joined references, in the language the run checks facts in); the texts are cut to
//! [`TEXT_BYTES`] so that a run of huge documents keeps a bounded page.

use serde::Serialize;

use super::{Evaluator, ExampleResult};
use crate::dataset::Example;
use crate::metrics::facts::{self, FactDoc, FactKind, FactStatus};

/// The most bytes of one text kept (cut at a character boundary before it).
pub const TEXT_BYTES: usize = 60_000;

/// The most bytes of text a run keeps in all (the examples after the one that would pass it
/// keep none), so that many long documents do not make a page of hundreds of megabytes.
pub const TOTAL_TEXT_BYTES: usize = 24_000_000;

/// A text, possibly cut.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// The text, or its first bytes (at most [`TEXT_BYTES`]).
    pub text: String,
    /// The whole text's length in bytes, when it was cut.
    pub cut_from: Option<usize>,
}

impl Excerpt {
    fn of(text: &str) -> Self {
        if text.len() <= TEXT_BYTES {
            return Excerpt {
                text: text.to_owned(),
                cut_from: None,
            };
        }
        let mut end = TEXT_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Excerpt {
            text: text[..end].to_owned(),
            cut_from: Some(text.len()),
        }
    }
}

/// One fact check, with its byte spans in the checked-against text and in the candidate (the
/// spans of the whole texts: a span past an [`Excerpt`]'s end is not shown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactMark {
    /// Category.
    pub kind: FactKind,
    /// Outcome.
    pub status: FactStatus,
    /// Surface text.
    pub text: String,
    /// Byte span in the text checked against.
    pub source_span: Option<(usize, usize)>,
    /// Byte span in the candidate.
    pub candidate_span: Option<(usize, usize)>,
    /// Altered quotes: the words removed and added; approximate numbers: `approximate`.
    pub detail: String,
}

/// One candidate of an example with its fact checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateText {
    /// The system.
    pub system: String,
    /// The candidate.
    pub text: Excerpt,
    /// Every fact check, in [`facts::FactReport::checks`] order (empty without the facts
    /// metric).
    pub checks: Vec<FactMark>,
}

/// An example's texts and fact checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExampleTexts {
    /// The example's id.
    pub id: String,
    /// What the facts are checked against: `"the source"` or `"the references"` (joined).
    pub against: &'static str,
    /// The text checked against (the source, or the references joined by newlines).
    pub checked: Excerpt,
    /// The candidates, in the example's order.
    pub candidates: Vec<CandidateText>,
}

impl ExampleTexts {
    /// The bytes of text held.
    pub fn text_bytes(&self) -> usize {
        self.checked.text.len()
            + self
                .candidates
                .iter()
                .map(|c| c.text.text.len())
                .sum::<usize>()
    }
}

impl Evaluator {
    /// The texts and fact checks of `example`, whose result is `result` (for the language
    /// detected with `--lang auto`). `None` when it has neither a source nor a reference.
    pub fn example_texts(&self, example: &Example, result: &ExampleResult) -> Option<ExampleTexts> {
        let joined;
        let (against, checked) = match &example.source {
            Some(s) => ("the source", s.as_str()),
            None if !example.references.is_empty() => {
                joined = example.references.join("\n");
                ("the references", joined.as_str())
            }
            None => return None,
        };
        let lang = result.lang.unwrap_or_else(|| self.facts_language());
        let doc = self.config.facts.then(|| FactDoc::with_lang(checked, lang));
        let candidates = example
            .candidates
            .iter()
            .map(|c| {
                let checks = doc.as_ref().map_or_else(Vec::new, |doc| {
                    facts::compare(doc, &FactDoc::with_lang(&c.text, lang))
                        .checks
                        .into_iter()
                        .map(|f| FactMark {
                            detail: match (&f.diff, f.approximate) {
                                (Some(d), _) => format!(
                                    "removed: {}; added: {}",
                                    d.removed.join(" "),
                                    d.added.join(" ")
                                ),
                                (None, true) => "approximate".to_owned(),
                                (None, false) => String::new(),
                            },
                            kind: f.kind,
                            status: f.status,
                            text: f.text,
                            source_span: f.source_span,
                            candidate_span: f.candidate_span,
                        })
                        .collect()
                });
                CandidateText {
                    system: c.system.clone(),
                    text: Excerpt::of(&c.text),
                    checks,
                }
            })
            .collect();
        Some(ExampleTexts {
            id: example.id.clone(),
            against,
            checked: Excerpt::of(checked),
            candidates,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_character_boundary() {
        let long = "é".repeat(TEXT_BYTES); // 2 bytes each
        let e = Excerpt::of(&long);
        assert_eq!(e.cut_from, Some(2 * TEXT_BYTES));
        assert_eq!(e.text.len(), TEXT_BYTES);
        let odd = format!("a{long}");
        let e = Excerpt::of(&odd);
        assert_eq!(e.text.len(), TEXT_BYTES - 1);
        assert_eq!(Excerpt::of("short").cut_from, None);
    }
}

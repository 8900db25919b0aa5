//! Fact retention: numbers, names and quotes kept, lost, altered or invented.
//!
//! [`FactDoc::new`] prepares a text once: it tokenises it (its own tokens over the original
//! text, not ROUGE tokens), extracts its facts, each with its byte span ([`Facts`]), and keeps
//! the normalised word stream that names and quotes are searched in. [`compare`] then checks a
//! prepared candidate (system summary) against a prepared source (the article) without
//! tokenising anything, so a source prepared once serves every system that summarises it.
//! [`check`] is the shortcut for two plain strings and [`extract`] for the facts alone. The
//! comparison reports, per category and overall:
//!
//! * **retention** — share of the source's distinct facts that the candidate keeps;
//! * **support** — share of the candidate's distinct facts that the source supports
//!   (1 − hallucination rate).
//!
//! Counts are kept ([`CategoryCounts`]) so scores can be micro-averaged over a corpus.
//! Comparing against a reference summary instead of the article is the same call with the
//! reference as `source`.
//!
//! Lowercased, PTB-tokenised system outputs (`` obama says `` absolutely committed '' .
//! -lrb- cnn -rrb- ``) work: numbers still extract, `` `` `` / `''` are quote marks, source
//! names are searched case-insensitively on token boundaries, and a caseless candidate's own
//! names are found with a common-word lexicon (SCOWL, see [`names::extract_caseless`]): the
//! source names found in it, plus runs of words that are not common lowercase English words
//! (`paris`, `john smith`), each supported when it occurs in the source in any case
//! ([`FactReport::names_caseless`] is `true`).
//!
//! # Other languages
//! [`FactDoc::new`] reads English. [`FactDoc::with_lang`] reads a text in another language
//! with that language's [`lang::Profile`]: digits of every script (`٢٥٠` = `250`), its decimal
//! and group separators (`2,5 millions` = 2.5 million in French, `1.000` = 1000 in German),
//! its scale, currency and percent words (`250万欧元` = `2500000|eur`), names by
//! capitalisation where capitals mark names (French, Spanish, Russian, Greek, Turkish …,
//! without the English word lists), and its quotation marks (`« »`, `„ “`, `「 」` …; in
//! Chinese, Japanese and Thai quotes are compared character by character). Where a category
//! cannot be measured — names in a caseless script (Arabic, Devanagari, Bengali, Chinese,
//! Thai …) or in German, which capitalises every noun — [`FactReport::unmeasured`] and
//! [`Facts::unmeasured`] say so, and [`unmeasured`] / [`unmeasured_note`] give the same for a
//! language code, for a report's note.
//!
//! See [`numbers`], [`names`] and [`quotes`] for the extraction and matching rules, and
//! [`lang`] for the languages.

pub mod lang;
#[cfg(test)]
mod lang_tests;
mod lexicon;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod support;
mod tokens;

use rustc_hash::FxHashMap;
use serde::Serialize;

pub use lang::{Profile, unmeasured, unmeasured_note};
pub use quotes::{ALTERED_THRESHOLD, MIN_QUOTE_WORDS, QuoteDiff};

use tokens::WordStream;

/// The category of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A number, quantity, date, year or decade.
    Number,
    /// A proper name (person, place, organisation, event, nationality).
    Name,
    /// A quotation of at least [`MIN_QUOTE_WORDS`] words.
    Quote,
}

/// Structured internals of a fact used for matching (not serialised).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Detail {
    #[default]
    None,
    Number(numbers::NumVal),
    Name(names::NameDetail),
    Quote(Vec<String>),
}

/// One fact mention found in a text.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// Category.
    pub kind: FactKind,
    /// Canonical key: distinct facts have distinct keys (`7000|count`, `2019-04|date`,
    /// `kim jong un`, normalised quote words).
    pub key: String,
    /// Surface text as written.
    pub text: String,
    /// Byte span `[start, end)` of `text` in the extracted text.
    pub span: (usize, usize),
    /// Numbers only: qualified as approximate (`about`, `more than`, `nearly` …) or vague.
    pub approximate: bool,
    #[serde(skip)]
    pub(crate) detail: Detail,
}

/// All facts of one text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    /// Number facts with exact values (possibly flagged approximate), in text order.
    pub numbers: Vec<Fact>,
    /// Name mentions, in text order (several mentions may share a key).
    pub names: Vec<Fact>,
    /// Quotes, in text order.
    pub quotes: Vec<Fact>,
    /// Vague quantities (`thousands of`, `tens of thousands`): listed, never scored.
    pub vague: Vec<Fact>,
    /// Capitalisation marks the text's names: some word is capitalised other than at a
    /// sentence start. If not (lowercased or sentence-cased text), its names are found with
    /// the common-word lexicon ([`names::extract_caseless`]) and matched case-insensitively.
    /// Always `false` where names are not measured ([`Facts::unmeasured`]).
    pub has_case: bool,
    /// The categories not measured in the text's language ([`lang::unmeasured`]): names in a
    /// caseless script or in German. Written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmeasured: Vec<FactKind>,
}

/// Extract the number, name and quote facts of `text` (the facts of [`FactDoc::new`]).
pub fn extract(text: &str) -> Facts {
    FactDoc::new(text).into_facts()
}

/// A text prepared for fact comparison: its [`Facts`] and the normalised word stream that
/// [`compare`] searches for names and quotes, both from one tokenisation of the text.
///
/// Build it once per text ([`FactDoc::new`]) and compare it with any number of other
/// documents: evaluation prepares an example's source (and its joined references) once and
/// each system's candidate once. It borrows the text, whose byte offsets all spans refer to.
#[derive(Debug)]
pub struct FactDoc<'a> {
    text: &'a str,
    facts: Facts,
    words: WordStream<'a>,
    units: support::Units<'a>,
    profile: &'static Profile,
}

impl<'a> FactDoc<'a> {
    /// Tokenise `text` once, extract its number, name and quote facts and keep its word
    /// stream (the tokens themselves are not kept: comparison reads only the word stream).
    /// The text is English: `FactDoc::with_lang(text, "en")`.
    pub fn new(text: &'a str) -> Self {
        Self::with_profile(text, &lang::ENGLISH)
    }

    /// [`FactDoc::new`] for a text in the language `lang` (ISO 639-1: `fr`, `de`, `ru`, `ar`,
    /// `hi`, `zh` …; see [`lang::profile`]). English (`en`) is exactly [`FactDoc::new`]. Other
    /// languages read digits of every script, their decimal and group separators, scale,
    /// currency and percent words and quotation marks ([`lang`]); names are found by
    /// capitalisation where capitals mark names and are not measured elsewhere
    /// ([`Facts::unmeasured`], [`lang::unmeasured`]). An unknown code gets
    /// [`lang::GENERIC`].
    pub fn with_lang(text: &'a str, lang: &str) -> Self {
        Self::with_profile(text, lang::profile(lang))
    }

    /// [`FactDoc::with_lang`] with the language's profile itself.
    pub fn with_profile(text: &'a str, profile: &'static Profile) -> Self {
        let toks = tokens::tokenize_lang(text, profile);
        let words = WordStream::new(&toks);
        let has_case = tokens::has_case(&toks);
        let tokenised = tokens::is_tokenised(text);
        let (numbers, vague) = numbers::extract(text, &toks, tokenised, has_case);
        let measured = profile.names_measured();
        let names_cased = measured && has_case && names::capitals_mark_names(&toks);
        let names = if names_cased {
            names::extract(text, &toks)
        } else if profile.is_english() {
            names::extract_caseless(text, &words)
        } else {
            // no lexicon of common words outside English: a caseless text's own names are
            // not found (its candidate side is not assessable, see `compare_names`)
            Vec::new()
        };
        let quotes = quotes::extract(text, &toks, &words, tokenised);
        let facts = Facts {
            numbers,
            names,
            quotes,
            vague,
            has_case: names_cased,
            unmeasured: profile.unmeasured().to_vec(),
        };
        let units = support::Units::new(text, &words);
        FactDoc {
            text,
            facts,
            words,
            units,
            profile,
        }
    }

    /// The language profile the text was read with ([`lang::ENGLISH`] for [`FactDoc::new`]).
    pub fn profile(&self) -> &'static Profile {
        self.profile
    }

    /// The text this document was prepared from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The facts of the text.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The facts of the text, dropping the word stream.
    pub fn into_facts(self) -> Facts {
        self.facts
    }
}

/// The outcome of one fact check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactStatus {
    /// Source fact found in the candidate.
    Kept,
    /// Source fact absent from the candidate.
    Missing,
    /// Candidate number or name supported by the source.
    Supported,
    /// Candidate fact not supported by the source (quotes: neither verbatim nor altered).
    Unsupported,
    /// Candidate quote found word for word in the source.
    Verbatim,
    /// Candidate quote close to one source quote but changed (see [`FactCheck::diff`]).
    Altered,
    /// Candidate vague quantity (`thousands of`): listed, not scored.
    Vague,
}

/// One checked fact: a distinct source fact (`kept` / `missing`) or a distinct candidate fact
/// (`supported` / `unsupported` / `verbatim` / `altered` / `vague`).
#[derive(Debug, Clone, Serialize)]
pub struct FactCheck {
    /// Category.
    pub kind: FactKind,
    /// Outcome.
    pub status: FactStatus,
    /// Canonical key.
    pub key: String,
    /// Surface text (first mention) in the text the fact comes from.
    pub text: String,
    /// Byte span in the source text (the source mention, or the supporting source match).
    pub source_span: Option<(usize, usize)>,
    /// Byte span in the candidate text (the candidate mention, or where a source fact was found).
    pub candidate_span: Option<(usize, usize)>,
    /// Numbers: approximate mention.
    pub approximate: bool,
    /// Quotes: word-level similarity to the closest source quote (1.0 when verbatim).
    pub similarity: Option<f64>,
    /// Altered quotes: the word-level difference.
    pub diff: Option<QuoteDiff>,
}

/// Sufficient statistics of one category (or all categories) for one example.
/// Add them up with [`CategoryCounts::add`] for corpus-level (micro-averaged) scores.
///
/// Serialised with the derived shares after the counts: the fields in order, then
/// `retention` ([`CategoryCounts::retention`]) and `support` ([`CategoryCounts::support`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CategoryCounts {
    /// Distinct facts in the source.
    pub source_distinct: u64,
    /// Of those, kept by the candidate.
    pub kept: u64,
    /// Distinct (assessable) facts in the candidate.
    pub candidate_distinct: u64,
    /// Of those, supported by the source (quotes: verbatim).
    pub supported: u64,
    /// Of those, altered (quotes only).
    pub altered: u64,
    /// Of those, unsupported.
    pub unsupported: u64,
    /// Mentions of the candidate's distinct (assessable) facts.
    pub candidate_mentions: u64,
    /// Of those, mentions of supported facts (Nan et al.'s mention-level precision numerator).
    pub supported_mentions: u64,
    /// Candidate facts of this category could be assessed (`false` for names of a caseless
    /// candidate).
    pub candidate_assessable: bool,
}

impl Serialize for CategoryCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // Destructured so that a new field cannot be left out of the output unnoticed.
        let CategoryCounts {
            source_distinct,
            kept,
            candidate_distinct,
            supported,
            altered,
            unsupported,
            candidate_mentions,
            supported_mentions,
            candidate_assessable,
        } = *self;
        let mut st = serializer.serialize_struct("CategoryCounts", 11)?;
        st.serialize_field("source_distinct", &source_distinct)?;
        st.serialize_field("kept", &kept)?;
        st.serialize_field("candidate_distinct", &candidate_distinct)?;
        st.serialize_field("supported", &supported)?;
        st.serialize_field("altered", &altered)?;
        st.serialize_field("unsupported", &unsupported)?;
        st.serialize_field("candidate_mentions", &candidate_mentions)?;
        st.serialize_field("supported_mentions", &supported_mentions)?;
        st.serialize_field("candidate_assessable", &candidate_assessable)?;
        st.serialize_field("retention", &self.retention())?;
        st.serialize_field("support", &self.support())?;
        st.end()
    }
}

impl CategoryCounts {
    /// Zero counts, the candidate side assessable or not.
    fn empty(candidate_assessable: bool) -> Self {
        CategoryCounts {
            candidate_assessable,
            ..Default::default()
        }
    }

    /// Share of the source's distinct facts kept; `None` if the source has none.
    pub fn retention(&self) -> Option<f64> {
        (self.source_distinct > 0).then(|| self.kept as f64 / self.source_distinct as f64)
    }

    /// Share of the candidate's distinct facts supported; `None` if there are none or they
    /// are not assessable.
    pub fn support(&self) -> Option<f64> {
        (self.candidate_assessable && self.candidate_distinct > 0)
            .then(|| self.supported as f64 / self.candidate_distinct as f64)
    }

    /// Mention-level support: share of the candidate's fact mentions that are supported.
    pub fn mention_support(&self) -> Option<f64> {
        (self.candidate_assessable && self.candidate_mentions > 0)
            .then(|| self.supported_mentions as f64 / self.candidate_mentions as f64)
    }

    /// Add another example's counts.
    pub fn add(&mut self, o: &CategoryCounts) {
        self.source_distinct += o.source_distinct;
        self.kept += o.kept;
        self.candidate_distinct += o.candidate_distinct;
        self.supported += o.supported;
        self.altered += o.altered;
        self.unsupported += o.unsupported;
        self.candidate_mentions += o.candidate_mentions;
        self.supported_mentions += o.supported_mentions;
        self.candidate_assessable |= o.candidate_assessable;
    }
}

/// Fact comparison of one candidate against one source.
#[derive(Debug, Clone, Serialize)]
pub struct FactReport {
    /// Number facts.
    pub numbers: CategoryCounts,
    /// Name facts.
    pub names: CategoryCounts,
    /// Quote facts (`supported` = verbatim).
    pub quotes: CategoryCounts,
    /// All categories summed; names' candidate side only when assessable.
    pub overall: CategoryCounts,
    /// Candidate names were assessed: `true` in English, since caseless candidates are read
    /// with the common-word lexicon (see `names_caseless`); `false` where names are not
    /// measured ([`FactReport::unmeasured`]) and for a caseless candidate in another
    /// language (no lexicon: its `names.candidate_assessable` is `false`).
    pub names_assessable: bool,
    /// The candidate has no case information: its names were found case-insensitively and
    /// with the common-word lexicon ([`names::extract_caseless`]), not by capitalisation.
    pub names_caseless: bool,
    /// Lexical support: the candidate's content words and n-grams found in the source.
    pub lexical: support::Support,
    /// Every distinct fact checked: per category, source-side checks then candidate-side
    /// checks, each in text order.
    pub checks: Vec<FactCheck>,
    /// The categories not measured, in the language of the source or of the candidate
    /// ([`lang::unmeasured`]): their counts are zero, their retention and support `None`
    /// (`null`), and they have no checks. Written only when there are some, so that English
    /// reports are as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmeasured: Vec<FactKind>,
}

/// The weight of fact support in [`consistency`].
pub const CONSISTENCY_FACT_WEIGHT: f64 = 0.2;

/// The overall factual consistency of a candidate: the mean of its sentence-level score and
/// its lexical support ([`support::Support::score`], the document-level share of its content
/// 1-, 2- and 3-grams found in the source). The sentence-level score is the sentence support
/// ([`support::Support::sentence_score`]) scaled by the facts over all categories
/// ([`FactReport::overall`]): `sentences × (1 − w + w × facts)` with
/// `w` = [`CONSISTENCY_FACT_WEIGHT`] and `facts` = (supported + 1) / (checked + 1), the share
/// of the candidate's distinct facts found in the source with one supported fact added, so
/// that a single doubtful fact in a short summary does not count as much as a record of many
/// (`facts` = 1 when the candidate has no checkable fact). `None` ("nothing to check") when
/// the candidate has no content word. The form, the weight and the added fact were chosen on
/// the QAGS and XSum-hallucination annotations (BENCHMARKS.md, "Factual consistency against
/// human labels").
pub fn consistency(lexical: &support::Support, facts: &CategoryCounts) -> Option<f64> {
    let w = CONSISTENCY_FACT_WEIGHT;
    let f = if facts.candidate_assessable && facts.candidate_distinct > 0 {
        (facts.supported as f64 + 1.0) / (facts.candidate_distinct as f64 + 1.0)
    } else {
        1.0
    };
    let sentence = lexical.sentence_score().map(|s| s * (1.0 - w + w * f));
    match (sentence, lexical.score()) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        (a, b) => a.or(b),
    }
}

/// Prepare both texts and compare them: `compare(&FactDoc::new(source_text),
/// &FactDoc::new(candidate_text))` (see [`compare`]).
pub fn check(source_text: &str, candidate_text: &str) -> FactReport {
    compare(&FactDoc::new(source_text), &FactDoc::new(candidate_text))
}

/// Distinct facts (first mention of each key, in text order) with all mentions.
fn distinct(facts: &[Fact]) -> Vec<(&Fact, Vec<&Fact>)> {
    let mut order: Vec<(&Fact, Vec<&Fact>)> = Vec::new();
    let mut pos: FxHashMap<&str, usize> = FxHashMap::default();
    for f in facts {
        match pos.get(f.key.as_str()) {
            Some(&i) => order[i].1.push(f),
            None => {
                pos.insert(f.key.as_str(), order.len());
                order.push((f, vec![f]));
            }
        }
    }
    order
}

fn check_of(kind: FactKind, status: FactStatus, f: &Fact) -> FactCheck {
    FactCheck {
        kind,
        status,
        key: f.key.clone(),
        text: f.text.clone(),
        source_span: None,
        candidate_span: None,
        approximate: f.approximate,
        similarity: None,
        diff: None,
    }
}

/// Records a source fact as kept (found at `hit` in the candidate) or missing.
fn push_source_check(
    kind: FactKind,
    f: &Fact,
    hit: Option<(usize, usize)>,
    cc: &mut CategoryCounts,
    checks: &mut Vec<FactCheck>,
) {
    let status = if hit.is_some() {
        cc.kept += 1;
        FactStatus::Kept
    } else {
        FactStatus::Missing
    };
    let mut ch = check_of(kind, status, f);
    ch.source_span = Some(f.span);
    ch.candidate_span = hit;
    checks.push(ch);
}

/// Records a candidate number or name as supported (found at `hit` in the source) or not,
/// counting its `mentions`.
fn candidate_check(
    kind: FactKind,
    f: &Fact,
    hit: Option<(usize, usize)>,
    mentions: usize,
    cc: &mut CategoryCounts,
) -> FactCheck {
    let status = if hit.is_some() {
        cc.supported += 1;
        cc.supported_mentions += mentions as u64;
        FactStatus::Supported
    } else {
        cc.unsupported += 1;
        FactStatus::Unsupported
    };
    let mut ch = check_of(kind, status, f);
    ch.candidate_span = Some(f.span);
    ch.source_span = hit;
    ch
}

/// Compare a prepared candidate's facts with a prepared source's (nothing is tokenised here).
/// Spans in the report refer to [`FactDoc::text`] of each side.
pub fn compare(source: &FactDoc<'_>, candidate: &FactDoc<'_>) -> FactReport {
    let mut checks = Vec::new();
    let mut unmeasured: Vec<FactKind> = source.facts.unmeasured.clone();
    for k in &candidate.facts.unmeasured {
        if !unmeasured.contains(k) {
            unmeasured.push(*k);
        }
    }
    unmeasured.sort_unstable();
    let measured = |k: FactKind| !unmeasured.contains(&k);
    let numbers = if measured(FactKind::Number) {
        compare_numbers(source, &candidate.facts, &mut checks)
    } else {
        CategoryCounts::empty(false)
    };
    let names_caseless = !candidate.facts.has_case;
    let names = if measured(FactKind::Name) {
        compare_names(source, candidate, &mut checks)
    } else {
        CategoryCounts::empty(false)
    };
    let quotes = if measured(FactKind::Quote) {
        compare_quotes(source, candidate, &mut checks)
    } else {
        CategoryCounts::empty(false)
    };
    let lexical = support::support(&source.units, &candidate.units, &candidate.words);

    let mut overall = CategoryCounts::empty(true);
    for c in [&numbers, &names, &quotes] {
        // A category whose candidate side is not assessable adds its source side only.
        let side = if c.candidate_assessable {
            *c
        } else {
            CategoryCounts {
                source_distinct: c.source_distinct,
                kept: c.kept,
                ..Default::default()
            }
        };
        overall.add(&side);
    }
    FactReport {
        numbers,
        names,
        quotes,
        overall,
        names_assessable: measured(FactKind::Name) && names.candidate_assessable,
        names_caseless,
        lexical,
        checks,
        unmeasured,
    }
}

fn num_val(f: &Fact) -> Option<&numbers::NumVal> {
    match &f.detail {
        Detail::Number(v) => Some(v),
        _ => None,
    }
}

fn compare_numbers(
    source_doc: &FactDoc<'_>,
    candidate: &Facts,
    checks: &mut Vec<FactCheck>,
) -> CategoryCounts {
    let (source, source_text) = (&source_doc.facts, source_doc.text);
    let mut cc = CategoryCounts::empty(true);
    for (f, _) in distinct(&source.numbers) {
        cc.source_distinct += 1;
        let hit = num_val(f).and_then(|sv| {
            candidate
                .numbers
                .iter()
                .find(|c| num_val(c).is_some_and(|cv| numbers::compatible(sv, cv)))
        });
        push_source_check(FactKind::Number, f, hit.map(|c| c.span), &mut cc, checks);
    }
    let mut cand_checks = Vec::new();
    for (f, mentions) in distinct(&candidate.numbers) {
        cc.candidate_distinct += 1;
        cc.candidate_mentions += mentions.len() as u64;
        let hit = num_val(f)
            .and_then(|cv| {
                source
                    .numbers
                    .iter()
                    .find(|s| num_val(s).is_some_and(|sv| numbers::implies(sv, cv)))
            })
            .map(|s| s.span)
            .or_else(|| spaced_thousands(source_text, &f.text))
            .or_else(|| same_number_word(&source_doc.words, f));
        let ch = candidate_check(FactKind::Number, f, hit, mentions.len(), &mut cc);
        cand_checks.push((f.span.0, ch));
    }
    for f in &candidate.vague {
        let mut ch = check_of(FactKind::Number, FactStatus::Vague, f);
        ch.candidate_span = Some(f.span);
        cand_checks.push((f.span.0, ch));
    }
    cand_checks.sort_by_key(|(s, _)| *s);
    checks.extend(cand_checks.into_iter().map(|(_, c)| c));
    cc
}

/// Where the source writes the digits of the candidate number `text` (`235,000`,
/// `$ 10,000`) with a space after each thousands separator (`235, 000`), as texts detokenised
/// from tokenised corpora do (QAGS's CNN/DM articles). Those are read as separate numbers in
/// the source, where `5, 100` may be a list; a candidate that writes the grouped number is
/// supported by the same digit groups.
fn spaced_thousands(source: &str, text: &str) -> Option<(usize, usize)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: &str = {
        let rest = &text[start..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(rest.len());
        rest[..end].trim_end_matches(',')
    };
    let groups: Vec<&str> = digits.split(',').collect();
    if groups.len() < 2
        || !(1..=3).contains(&groups[0].len())
        || groups[1..].iter().any(|g| g.len() != 3)
    {
        return None;
    }
    let spaced = groups.join(", ");
    let b = source.as_bytes();
    source
        .match_indices(&spaced)
        .map(|(k, m)| (k, k + m.len()))
        .find(|&(s, e)| {
            let digit = |k: Option<usize>| k.and_then(|k| b.get(k)).is_some_and(u8::is_ascii_digit);
            !digit(s.checked_sub(1)) && !digit(Some(e))
        })
}

/// Where the source has the candidate's number word itself (`Two gangs` against `the two
/// gangs`): a bare `two`..`nine` after a determiner is not a fact in the source (`the two
/// countries`), but the same word supports the candidate's.
fn same_number_word(source: &WordStream<'_>, f: &Fact) -> Option<(usize, usize)> {
    let word = f.text.trim();
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let p = source.positions(&word.to_lowercase()).next()?;
    let w = &source.words[p];
    Some((w.start, w.end))
}

fn name_details<'a>(mentions: &[&'a Fact]) -> Vec<&'a names::NameDetail> {
    mentions
        .iter()
        .filter_map(|m| match &m.detail {
            Detail::Name(d) => Some(d),
            _ => None,
        })
        .collect()
}

/// Names. In a candidate without case information ([`Facts::has_case`] false) its names are
/// the source names found in it case-insensitively (supported, at the place found) and the
/// names [`names::extract_caseless`] finds elsewhere in it, supported when their words occur
/// in the source in any case; a caseless name whose words are part of a source name found
/// in the candidate (`merkel` after `angela merkel`) is another mention of that name.
fn compare_names(
    source: &FactDoc<'_>,
    candidate: &FactDoc<'_>,
    checks: &mut Vec<FactCheck>,
) -> CategoryCounts {
    let cased = candidate.facts.has_case;
    // A caseless candidate's own names are found with the English lexicon; in another
    // language they are not found, and its side is not assessable (retention still is).
    let lexicon = candidate.profile.is_english();
    let mut cc = CategoryCounts::empty(cased || lexicon);
    let s_distinct = distinct(&source.facts.names);
    // Source names found in a caseless candidate, with their place there.
    let mut found: Vec<(&Fact, (usize, usize))> = Vec::new();
    for (f, mentions) in &s_distinct {
        cc.source_distinct += 1;
        let forms = names::forms(&f.key, &name_details(mentions), source.profile.is_english());
        let hit = names::find_entity(&candidate.words, &forms, cased, candidate.profile);
        if let (false, true, Some(h)) = (cased, lexicon, hit) {
            found.push((f, h));
        }
        push_source_check(FactKind::Name, f, hit, &mut cc, checks);
    }
    let mut candidate_checks: Vec<FactCheck> = Vec::new();
    for (f, h) in &found {
        let mut ch = check_of(FactKind::Name, FactStatus::Supported, f);
        ch.text = candidate.text.get(h.0..h.1).unwrap_or_default().to_string();
        ch.candidate_span = Some(*h);
        ch.source_span = Some(f.span);
        cc.candidate_distinct += 1;
        cc.candidate_mentions += 1;
        cc.supported += 1;
        cc.supported_mentions += 1;
        candidate_checks.push(ch);
    }
    let source_keys: Vec<&str> = s_distinct.iter().map(|(f, _)| f.key.as_str()).collect();
    for (f, mentions) in distinct(&candidate.facts.names) {
        let overlaps = |m: &&Fact| found.iter().any(|(_, h)| m.span.0 < h.1 && h.0 < m.span.1);
        if !cased && mentions.iter().all(overlaps) {
            continue;
        }
        let details = name_details(&mentions);
        // Support: the full key (not shortened mentions), its aliases and initials.
        let own: Vec<&names::NameDetail> = details
            .iter()
            .copied()
            .filter(|d| d.mention.join(" ") == f.key)
            .collect();
        let forms = names::forms(&f.key, &own, candidate.profile.is_english());
        let mut hit = names::find_entity(
            &source.words,
            &forms,
            cased && source.facts.has_case,
            source.profile,
        );
        if hit.is_none()
            && details.iter().any(|d| d.acronym)
            && names::acronym_matches(&f.key, &source_keys)
        {
            hit = s_distinct
                .iter()
                .find(|(sf, _)| names::acronym_matches(&f.key, &[sf.key.as_str()]))
                .map(|(sf, _)| sf.span);
        }
        if !cased && hit.is_some() && found.iter().any(|(sf, _)| contains_words(&sf.key, &f.key)) {
            let n = mentions.iter().filter(|m| !overlaps(m)).count() as u64;
            cc.candidate_mentions += n;
            cc.supported_mentions += n;
            continue;
        }
        cc.candidate_distinct += 1;
        cc.candidate_mentions += mentions.len() as u64;
        candidate_checks.push(candidate_check(
            FactKind::Name,
            f,
            hit,
            mentions.len(),
            &mut cc,
        ));
    }
    if !cased {
        candidate_checks.sort_by_key(|c| c.candidate_span);
    }
    checks.extend(candidate_checks);
    cc
}

/// Is the word sequence `part` (space-separated) a contiguous run of the words of `whole`?
fn contains_words(whole: &str, part: &str) -> bool {
    let (w, p): (Vec<&str>, Vec<&str>) = (whole.split(' ').collect(), part.split(' ').collect());
    p.len() <= w.len() && w.windows(p.len()).any(|win| win == p.as_slice())
}

fn quote_words(f: &Fact) -> &[String] {
    match &f.detail {
        Detail::Quote(w) => w,
        _ => &[],
    }
}

fn compare_quotes(
    source: &FactDoc<'_>,
    candidate: &FactDoc<'_>,
    checks: &mut Vec<FactCheck>,
) -> CategoryCounts {
    let (s_ws, c_ws) = (&source.words, &candidate.words);
    let mut cc = CategoryCounts::empty(true);
    let s_distinct = distinct(&source.facts.quotes);
    let c_distinct = distinct(&candidate.facts.quotes);
    // source quote index -> candidate span that keeps it
    let mut kept_by: Vec<Option<(usize, usize)>> = vec![None; s_distinct.len()];
    let mut cand_checks = Vec::new();
    // built on the first candidate quote that is not verbatim
    let mut index: Option<quotes::SourceQuotes<'_>> = None;
    for (f, mentions) in &c_distinct {
        cc.candidate_distinct += 1;
        cc.candidate_mentions += mentions.len() as u64;
        let cw = quote_words(f);
        let mut ch = check_of(FactKind::Quote, FactStatus::Unsupported, f);
        ch.candidate_span = Some(f.span);
        if let Some(p) = s_ws.find_norm_seq(cw) {
            ch.status = FactStatus::Verbatim;
            ch.similarity = Some(1.0);
            ch.source_span = s_ws.span(p..p + cw.len());
            cc.supported += 1;
            cc.supported_mentions += mentions.len() as u64;
            for (k, (sf, _)) in s_distinct.iter().enumerate() {
                if kept_by[k].is_none() && quotes::contains_seq(quote_words(sf), cw) {
                    kept_by[k] = Some(f.span);
                }
            }
        } else {
            let best = index
                .get_or_insert_with(|| {
                    quotes::SourceQuotes::new(
                        s_distinct.iter().map(|(f, _)| quote_words(f)).collect(),
                    )
                })
                .best(cw);
            if let Some((k, a)) = best {
                ch.similarity = Some(a.similarity);
                if a.similarity >= ALTERED_THRESHOLD && a.common >= 2 {
                    ch.status = FactStatus::Altered;
                    let quote_span = s_distinct[k].0.span;
                    let range = s_ws.range_in(quote_span.0, quote_span.1);
                    let (wa, wb) = (range.start + a.window.0, range.start + a.window.1);
                    ch.source_span = s_ws.span(wa..wb).or(Some(quote_span));
                    ch.diff = Some(a.diff);
                    cc.altered += 1;
                    if kept_by[k].is_none() {
                        kept_by[k] = Some(f.span);
                    }
                }
            }
            if ch.status == FactStatus::Unsupported {
                cc.unsupported += 1;
            }
        }
        cand_checks.push(ch);
    }
    for (k, (f, _)) in s_distinct.iter().enumerate() {
        cc.source_distinct += 1;
        let hit = kept_by[k].or_else(|| {
            let sw = quote_words(f);
            c_ws.find_norm_seq(sw)
                .and_then(|p| c_ws.span(p..p + sw.len()))
        });
        push_source_check(FactKind::Quote, f, hit, &mut cc, checks);
    }
    checks.extend(cand_checks);
    cc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercased_tokenised_candidate() {
        let src = "North Korean leader Kim Jong Un said on Wednesday that 7,000 containers were \
                   shipped. \"We are absolutely committed to peace,\" Kim said, according to CNN.";
        let cand = "kim jong un says he is `` absolutely committed to peace '' . -lrb- cnn -rrb- 7,000 containers .";
        let r = check(src, cand);
        assert!(r.names_assessable && r.names_caseless);
        assert!(r.names.kept >= 2, "{:?}", r.checks); // kim jong un, cnn
        // the candidate's names are the source names it contains, all supported
        assert_eq!(r.names.support(), Some(1.0), "{:?}", r.checks);
        assert_eq!(r.names.candidate_distinct, r.names.kept);
        assert_eq!(r.numbers.kept, 1);
        assert_eq!(r.numbers.support(), Some(1.0));
        assert_eq!(r.quotes.supported, 1);
        assert_eq!(r.quotes.kept, 1);
        // "north korean" is not found in the candidate
        assert!(
            r.checks
                .iter()
                .any(|c| c.key == "north korean" && c.status == FactStatus::Missing)
        );
    }

    /// Invented names in a lowercased candidate are found and unsupported; source names in any
    /// case are supported; common words that are not in the source are not names.
    #[test]
    fn invented_names_in_a_lowercased_candidate() {
        let src = "Barack Obama met Angela Merkel in Berlin on Tuesday. The talks failed, \
                   officials said.";
        let cand = "barack obama met angela merkel in paris . john smith said the talks \
                    collapsed after a dispute over tariffs . merkel left .";
        let r = check(src, cand);
        let status = |key: &str| {
            r.checks
                .iter()
                .filter(|c| c.kind == FactKind::Name && c.status != FactStatus::Kept)
                .filter(|c| c.status != FactStatus::Missing)
                .find(|c| c.key == key)
                .map(|c| c.status)
        };
        assert_eq!(
            status("barack obama"),
            Some(FactStatus::Supported),
            "{:?}",
            r.checks
        );
        assert_eq!(status("angela merkel"), Some(FactStatus::Supported));
        assert_eq!(status("paris"), Some(FactStatus::Unsupported));
        assert_eq!(status("john smith"), Some(FactStatus::Unsupported));
        for common in ["collapsed", "dispute", "tariffs", "talks", "left"] {
            assert_eq!(status(common), None, "{common} is not a name");
        }
        // the second `merkel` is another mention of angela merkel, not a new name
        assert_eq!(r.names.candidate_distinct, 4, "{:?}", r.checks);
        assert_eq!(r.names.supported, 2);
        assert_eq!(r.names.unsupported, 2);
        assert_eq!(r.names.candidate_mentions, 5);
        assert_eq!(r.names.supported_mentions, 3);
        // candidate-side checks are in candidate text order
        let spans: Vec<_> = r
            .checks
            .iter()
            .filter(|c| c.kind == FactKind::Name && c.candidate_span.is_some())
            .filter(|c| c.status != FactStatus::Kept)
            .map(|c| c.candidate_span)
            .collect();
        assert!(spans.windows(2).all(|w| w[0] <= w[1]), "{spans:?}");
        // a cased candidate is read by capitalisation as before
        let r = check(
            src,
            "Barack Obama met Angela Merkel in Paris, where the two leaders discussed trade.",
        );
        assert!(!r.names_caseless);
        assert_eq!(r.names.unsupported, 1);
    }

    /// A candidate's `235,000` is supported by a source that writes `235, 000`; `5, 100` in a
    /// source does not support `100,000`, nor `1, 000` a `21,000`.
    #[test]
    fn spaced_thousands_in_the_source() {
        let src = "The video was viewed more than 235, 000 times and cost $ 10, 000; items 5, 100 \
                   and 21, 000 more.";
        let r = check(
            src,
            "the video was viewed 235,000 times and cost $ 10,000 .",
        );
        assert_eq!(r.numbers.supported, 2, "{:?}", r.checks);
        assert_eq!(r.numbers.unsupported, 0);
        let r = check(src, "it had 100,000 views and 1,000 items .");
        assert_eq!(r.numbers.unsupported, 2, "{:?}", r.checks);
        assert_eq!(spaced_thousands(src, "235,000"), Some((31, 39)));
        assert_eq!(spaced_thousands(src, "7000"), None);
    }

    /// A candidate's sentence-initial `Two` is supported by the source's `the two` (not a
    /// fact there); a number word the source lacks is not.
    #[test]
    fn number_word_supported_by_the_same_word() {
        let src = "The two gangs in Honduras have agreed a truce, officials said.";
        let r = check(src, "Two gangs in Honduras have agreed a truce.");
        assert_eq!(
            (r.numbers.supported, r.numbers.unsupported),
            (1, 0),
            "{:?}",
            r.checks
        );
        let r = check(src, "Three gangs in Honduras have agreed a truce.");
        assert_eq!(
            (r.numbers.supported, r.numbers.unsupported),
            (0, 1),
            "{:?}",
            r.checks
        );
    }

    #[test]
    fn empty_and_odd_inputs() {
        for t in [
            "",
            " ",
            "\"",
            "“",
            "‘’",
            "$",
            "-",
            "-lrb-",
            "1,",
            ",1",
            "1.2.3",
            "99999999999999999999999999999999999999 dollars",
            "’’’’",
            "a.b.c.d.",
            "\u{202f}7",
        ] {
            let r = check(t, t);
            let _ = serde_json::to_string(&r).unwrap();
        }
    }

    fn tricky() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let atoms = prop::sample::select(vec![
            "7,000",
            "3.5",
            "%",
            "$",
            "£",
            "€",
            "per",
            "cent",
            "million",
            "bn",
            "m",
            "k",
            "third",
            "3rd",
            "1980s",
            "’80s",
            "May",
            "march",
            "Sept",
            ".",
            ",",
            "10",
            "2019",
            "-",
            "–",
            "60",
            "thousands",
            "of",
            "about",
            "more",
            "than",
            "a",
            "dozen",
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "«",
            "»",
            "``",
            "''",
            "-lrb-",
            "-rrb-",
            "Kim",
            "Jong-un",
            "Russia’s",
            "U.S.",
            "The",
            "President",
            "Vladimir",
            "Putin",
            "\n",
            " ",
            "seven",
            "thousand",
            "twenty-five",
            // clock times, spaced separators and tokenised clitics (issue 14)
            ":",
            "21:45",
            "9:30",
            "pm",
            "a.m.",
            "p.m",
            "12",
            "10.30",
            ", 000",
            "235, ",
            "n't",
            "'s",
            "'re",
            "does",
            "two",
            "the",
            "/",
            "9/11",
            "G7",
            "COVID-19",
            "99999999999999999999999999999999",
            "0.000000000000000000001",
            "é",
            "日本",
            "\u{202f}",
            "'s",
            "’s",
            "of",
            "Republic",
            "NHK",
            "second",
            "first",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(a in ".{0,120}", b in ".{0,120}") {
            let r = check(&a, &b);
            let _ = serde_json::to_string(&r).unwrap();
            let f = extract(&a);
            for x in f.numbers.iter().chain(&f.names).chain(&f.quotes).chain(&f.vague) {
                proptest::prop_assert!(x.span.0 <= x.span.1 && x.span.1 <= a.len());
                proptest::prop_assert_eq!(&a[x.span.0..x.span.1], x.text.as_str());
            }
            // a text is lexically supported by itself, whatever its script
            let own = check(&b, &b);
            proptest::prop_assert!(own.lexical.score().is_none_or(|s| s == 1.0), "{:?}", own.lexical);
            proptest::prop_assert!(own.lexical.unsupported.is_empty());
        }

        #[test]
        fn never_panics_on_tricky_tokens(a in tricky(), b in tricky(), glue in proptest::bool::ANY) {
            let a = if glue { a.replace(' ', "") } else { a };
            let r = check(&a, &b);
            let _ = serde_json::to_string(&r).unwrap();
            let f = extract(&a);
            for x in f.numbers.iter().chain(&f.names).chain(&f.quotes).chain(&f.vague) {
                proptest::prop_assert!(x.span.0 <= x.span.1 && x.span.1 <= a.len());
                proptest::prop_assert_eq!(&a[x.span.0..x.span.1], x.text.as_str());
            }
            // a text fully supports itself
            let own = check(&b, &b);
            for c in [own.numbers, own.quotes] {
                proptest::prop_assert!(c.support().is_none_or(|s| s == 1.0), "{:?}", own.checks);
            }
            // ... and lexically: every content n-gram, every sentence
            proptest::prop_assert!(own.lexical.score().is_none_or(|s| s == 1.0), "{:?}", own.lexical);
            proptest::prop_assert!(own.lexical.sentence_score().is_none_or(|s| s == 1.0));
            proptest::prop_assert!(own.lexical.unsupported.is_empty());
            // listed runs are spans of the candidate
            for (_, (s0, s1)) in &r.lexical.unsupported {
                proptest::prop_assert!(s0 < s1 && *s1 <= b.len() && b.is_char_boundary(*s0) && b.is_char_boundary(*s1));
            }
            let c = consistency(&r.lexical, &r.overall);
            proptest::prop_assert!(c.is_none_or(|c| (0.0..=1.0).contains(&c)));
        }
    }

    #[test]
    fn counts_add() {
        let mut a = CategoryCounts {
            source_distinct: 2,
            kept: 1,
            candidate_distinct: 1,
            supported: 1,
            candidate_assessable: true,
            ..Default::default()
        };
        assert_eq!(a.retention(), Some(0.5));
        a.add(&a.clone());
        assert_eq!(a.source_distinct, 4);
        assert_eq!(a.support(), Some(1.0));
    }

    #[test]
    fn counts_serialise_with_the_derived_shares_last() {
        let a = CategoryCounts {
            source_distinct: 4,
            kept: 1,
            candidate_distinct: 3,
            supported: 2,
            altered: 0,
            unsupported: 1,
            candidate_mentions: 5,
            supported_mentions: 4,
            candidate_assessable: true,
        };
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "{\"source_distinct\":4,\"kept\":1,\"candidate_distinct\":3,\"supported\":2,\
             \"altered\":0,\"unsupported\":1,\"candidate_mentions\":5,\"supported_mentions\":4,\
             \"candidate_assessable\":true,\"retention\":0.25,\"support\":0.6666666666666666}"
        );
        let none = CategoryCounts::default();
        assert!(
            serde_json::to_string(&none)
                .unwrap()
                .ends_with("\"candidate_assessable\":false,\"retention\":null,\"support\":null}")
        );
    }

    #[test]
    fn one_prepared_source_for_many_candidates() {
        let src = "Kim Jong Un said on Wednesday that 7,000 containers were shipped. \
                   \"We are absolutely committed to peace,\" Kim said, according to CNN.";
        let source = FactDoc::new(src);
        assert_eq!(source.text(), src);
        for cand in [
            "Kim said 7,000 containers were shipped.",
            "kim says `` we are absolutely committed to peace '' .",
            "Putin said 8,000 containers were shipped, \"we are committed to war\".",
            "",
        ] {
            let prepared = compare(&source, &FactDoc::new(cand));
            let plain = check(src, cand);
            assert_eq!(
                serde_json::to_string(&prepared).unwrap(),
                serde_json::to_string(&plain).unwrap()
            );
        }
        let facts = extract(src);
        assert_eq!(
            serde_json::to_string(&facts).unwrap(),
            serde_json::to_string(source.facts()).unwrap()
        );
    }
}

//! Name facts: multi-word and single proper names (people, places, organisations, events),
//! found by capitalisation with sentence-start, headline and title handling, and matched
//! across texts on token boundaries with variants unified.
//!
//! # Rules
//! * A name is a run of capitalised words, lowercase connectors allowed inside
//!   (`Republic of Korea`); a possessive ends the run and is stripped (`Russia’s` → `Russia`).
//! * Sentence-initial words: a built-in stop list drops common starters (`The`, `During`,
//!   `Earlier` …). A sentence-initial *single* word is a name only if the same word also appears
//!   capitalised mid-sentence in the text (`Kim said …` with `… met Kim` elsewhere). In a run of
//!   several words the first word is dropped if it also appears lowercase in the text
//!   (`Military`); otherwise the run is kept (`North Korean leader` → `North Korean`).
//! * Title-case lines give no capitalisation evidence: headlines (≥90% of the non-stop-list
//!   words of 4+ letters capitalised) and short label lines (≤6 words, no final `.!?`, every
//!   non-stop-list word capitalised: `Key Takeaways`, bylines). There, only words also seen
//!   capitalised in running text count. A capitalised stop word inside a sentence
//!   (`Why It Matters`) marks title case the same way.
//! * Hyphenated compounds: `Russian-backed` gives `Russian`; `Korea-Russia` gives two names when
//!   both parts stand alone elsewhere; otherwise one name (`Jong-un`, `K-pop`).
//! * Titles are kept apart: `Russian President Vladimir Putin` gives `Russian` and
//!   `Vladimir Putin`; `South Korean Defense Minister Shin Wonsik` gives `South Korean` and
//!   `Shin Wonsik`; a title alone (`the President`) gives nothing.
//! * Months and weekdays are not names (months are date facts).
//! * Keys: lowercase, hyphens as spaces, dots dropped (`Kim Jong-un` = `Kim Jong Un` =
//!   `kim jong un`; `U.S.` = `US` = `United States` via a small alias table).
//! * A single word that is the first or last word of exactly one person-like multi-word name in
//!   the same text is the same entity (`Putin` → `vladimir putin`, `Kim` → `kim jong un`).
//!
//! # Other languages ([`FactDoc::with_lang`](super::FactDoc::with_lang))
//! In a cased script (Latin, Cyrillic, Greek, Armenian) whose capitals mark names, the same
//! language-neutral rules find them (runs of capitalised words, sentence starts, headlines,
//! connectors, hyphens, acronyms, partial mentions), with the language's stop words (NLTK's,
//! where the `stop-words` crate has them) and a few sentence starters in place of the English
//! lists; the English lists of titles, months, adjective tails, non-person words and aliases
//! are not used. A leading stop word is dropped only at a sentence start (`Selon Emmanuel
//! Macron` → `emmanuel macron`, `La Rochelle` stays), titles stay in the name (`Président
//! Macron`), Turkish case suffixes after an apostrophe are dropped (`İstanbul'da` →
//! `istanbul`). A caseless candidate's own names are not found (no lexicon of common words
//! but the English one): its side is not assessable. Caseless scripts and German do not
//! measure names at all ([`lang::Profile::unmeasured`](super::lang::Profile::unmeasured)).
//! Names are matched as written: inflected forms (`Путин`, `Путина`) are different words.
//!
//! # Matching (in [`compare`](super::compare))
//! * A source name is *kept* if any of its forms — the key, its merged shorter mentions
//!   (`Putin`), aliases, and for 3+ words its initials (`KCNA`) — occurs in the candidate on
//!   word boundaries, without punctuation inside, capitalised when the candidate has case
//!   (case-insensitively otherwise, skipping single common words such as `us`, `south`).
//! * A candidate name is *supported* if its full key (or an alias, or, for an acronym, the
//!   initials of a source name) occurs capitalised in the source text — anywhere, not only
//!   among the source's extracted names, so `Putin` is supported by `Vladimir Putin` and a
//!   name at a source sentence start still counts.

use rustc_hash::{FxHashMap, FxHashSet};

use super::lang::Profile;
use super::lexicon::{self, WordClass};
use super::support::is_stop_word;
use super::tokens::{TokKind, Toks, WordStream, base_of, is_connector, is_ptb_bracket, norm_word};
use super::{Detail, Fact, FactKind};
use crate::text::words;

/// Internal detail of a name fact: the word forms under which the entity can be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameDetail {
    /// Base words of this mention as written (`["putin"]`).
    pub mention: Vec<String>,
    /// Written as an acronym (`NHK`, `U.N.`).
    pub acronym: bool,
}

/// One searchable form of a name.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub words: Vec<String>,
    pub acronym: bool,
}

/// Common sentence starters and function words that never begin a name (sorted).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "additionally",
    "after",
    "after all",
    "again",
    "against",
    "all",
    "along",
    "already",
    "also",
    "although",
    "altogether",
    "always",
    "amid",
    "amidst",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "citing",
    "click",
    "consequently",
    "conversely",
    "could",
    "currently",
    "despite",
    "did",
    "do",
    "does",
    "dr",
    "during",
    "each",
    "earlier",
    "editor's",
    "either",
    "even",
    "every",
    "few",
    "finally",
    "first",
    "following",
    "for",
    "from",
    "furthermore",
    "given",
    "had",
    "has",
    "have",
    "having",
    "he",
    "hence",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "just",
    "key",
    "last",
    "later",
    "let",
    "like",
    "likewise",
    "many",
    "may",
    "maybe",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "nevertheless",
    "new",
    "next",
    "no",
    "none",
    "nonetheless",
    "nor",
    "not",
    "note",
    "now",
    "of",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "otherwise",
    "our",
    "over",
    "overall",
    "per",
    "perhaps",
    "please",
    "previously",
    "re",
    "read",
    "recently",
    "regardless",
    "related",
    "see",
    "several",
    "shall",
    "she",
    "should",
    "similarly",
    "since",
    "so",
    "some",
    "sometimes",
    "speaking",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "tomorrow",
    "toward",
    "towards",
    "under",
    "unless",
    "unlike",
    "until",
    "update",
    "updated",
    "upon",
    "usually",
    "via",
    "was",
    "watch",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whom",
    "whose",
    "why",
    "why it matters",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Is `w` (a lowercase base word) in [`STOP_WORDS`]?
fn is_stop(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// The word lists of a language for name extraction: English has this module's lists
/// (stop words, titles, months, adjective tails, aliases); another language only its
/// stop words ([`Profile::stop_words`]) and the language-neutral rules.
#[derive(Clone, Copy)]
struct Lex {
    english: bool,
    stop: Option<&'static FxHashSet<&'static str>>,
    starters: &'static [&'static str],
}

impl Lex {
    fn of(p: &Profile) -> Self {
        Lex {
            english: p.is_english(),
            stop: if p.is_english() { None } else { p.stop_set() },
            starters: p.starters,
        }
    }

    /// A word that never begins a name: [`is_stop`] in English, the language's stop words
    /// elsewhere.
    fn is_stop(&self, w: &str) -> bool {
        if self.english {
            is_stop(w)
        } else {
            self.stop.is_some_and(|s| s.contains(w))
        }
    }

    /// A word that never begins a name at a sentence start: a stop word or, outside
    /// English, one of the language's [`Profile::starters`].
    fn is_starter(&self, w: &str) -> bool {
        self.is_stop(w) || self.starters.contains(&w)
    }
}

/// Direction / common words that must not match case-insensitively as a single word.
fn is_common_single(w: &str) -> bool {
    is_stop(w)
        || matches!(
            w,
            "us" | "north"
                | "south"
                | "east"
                | "west"
                | "will"
                | "may"
                | "mark"
                | "bill"
                | "rich"
                | "white"
                | "black"
                | "brown"
                | "green"
                | "young"
                | "long"
                | "little"
                | "king"
                | "story"
                | "state"
                | "house"
                | "union"
                | "party"
                | "court"
                | "march"
                | "said"
        )
}

fn is_title_head(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "minister"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "chairman"
            | "chairwoman"
            | "chairperson"
            | "ambassador"
            | "governor"
            | "senator"
            | "sen"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "mayor"
            | "judge"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "emperor"
            | "pope"
            | "general"
            | "gen"
            | "admiral"
            | "adm"
            | "colonel"
            | "col"
            | "lieutenant"
            | "lt"
            | "captain"
            | "capt"
            | "sergeant"
            | "sgt"
            | "commander"
            | "marshal"
            | "director"
            | "leader"
            | "premier"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "rev"
            | "reverend"
            | "sheikh"
            | "ayatollah"
            | "cardinal"
            | "bishop"
            | "archbishop"
            | "envoy"
            | "commissioner"
            | "speaker"
            | "officer"
            | "chief"
            | "chair"
            | "detective"
            | "inspector"
            | "coach"
            | "manager"
            | "ceo"
            | "cfo"
            | "founder"
            | "head"
            | "superintendent"
            | "sheriff"
            | "vice-president"
            | "attorney-general"
            | "secretary-general"
    )
}

fn is_title_qualifier(w: &str) -> bool {
    is_title_head(w)
        || matches!(
            w,
            "defense"
                | "defence"
                | "foreign"
                | "prime"
                | "deputy"
                | "vice"
                | "finance"
                | "interior"
                | "home"
                | "trade"
                | "economy"
                | "economic"
                | "health"
                | "education"
                | "energy"
                | "justice"
                | "culture"
                | "agriculture"
                | "transport"
                | "labour"
                | "labor"
                | "environment"
                | "security"
                | "national"
                | "former"
                | "acting"
                | "executive"
                | "assistant"
                | "senior"
                | "press"
                | "communications"
                | "attorney"
                | "supreme"
                | "grand"
                | "crown"
                | "opposition"
                | "managing"
                | "military"
                | "unification"
                | "industry"
                | "science"
                | "technology"
                | "treasury"
                | "state"
                | "police"
                | "army"
                | "navy"
                | "air"
                | "force"
                | "party"
                | "first"
                | "top"
                | "chief"
                | "general"
                | "associate"
                | "lead"
                | "co"
                | "interim"
                | "elect"
        )
}

/// Months and weekdays are not names: [`words::MONTHS`], [`words::MONTH_ABBREVIATIONS`] and
/// [`words::WEEKDAYS`] (weekday abbreviations such as `Sun`, `Sat` are left to the name rules).
/// The abbreviation `mar` has never been in this set and stays out, so a capitalised `Mar`
/// (`Del Mar`) can still be a name; the date rules read `Mar. 3` either way.
fn is_calendar(w: &str) -> bool {
    (words::is_month(w) && w != "mar") || words::is_weekday(w)
}

/// Lowercase tails after a hyphen that make a capitalised compound an adjective.
fn is_adjective_tail(w: &str) -> bool {
    matches!(
        w,
        "backed"
            | "led"
            | "based"
            | "born"
            | "made"
            | "owned"
            | "run"
            | "controlled"
            | "occupied"
            | "funded"
            | "linked"
            | "allied"
            | "friendly"
            | "style"
            | "era"
            | "bound"
            | "speaking"
            | "language"
            | "wide"
            | "held"
            | "annexed"
            | "built"
            | "designed"
            | "brokered"
            | "sponsored"
            | "supported"
            | "aligned"
            | "leaning"
            | "focused"
            | "related"
            | "specific"
            | "centric"
            | "inspired"
            | "themed"
            | "like"
            | "type"
            | "class"
            | "level"
            | "listed"
            | "registered"
            | "flagged"
            | "educated"
            | "trained"
            | "supplied"
            | "produced"
            | "ruled"
            | "dominated"
            | "affiliated"
            | "oriented"
            | "only"
    )
}

/// Words that make a multi-word name unlike a person (no surname merging into it).
fn is_non_person_word(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "eastern"
            | "western"
            | "northern"
            | "southern"
            | "central"
            | "new"
            | "united"
            | "republic"
            | "kingdom"
            | "states"
            | "union"
            | "council"
            | "agency"
            | "news"
            | "forum"
            | "party"
            | "ministry"
            | "department"
            | "peninsula"
            | "sea"
            | "river"
            | "island"
            | "islands"
            | "mountain"
            | "mountains"
            | "university"
            | "bank"
            | "company"
            | "corp"
            | "inc"
            | "group"
            | "army"
            | "forces"
            | "force"
            | "spaceport"
            | "airport"
            | "station"
            | "city"
            | "county"
            | "province"
            | "region"
            | "federation"
            | "committee"
            | "court"
            | "house"
            | "office"
            | "institute"
            | "association"
            | "organization"
            | "organisation"
            | "day"
            | "war"
            | "summit"
            | "national"
            | "international"
            | "economic"
            | "security"
            | "affairs"
            | "korean"
            | "russian"
            | "american"
            | "chinese"
            | "japanese"
            | "british"
            | "european"
            | "times"
            | "post"
            | "journal"
            | "press"
            | "street"
            | "square"
            | "park"
            | "hall"
            | "church"
            | "cup"
            | "games"
            | "league"
            | "club"
            | "foundation"
            | "fund"
            | "centre"
            | "center"
            | "ocean"
            | "gulf"
            | "bay"
            | "lake"
            | "valley"
            | "coast"
            | "district"
    )
}

/// Alias table on whole keys.
fn canonical_key(key: &str) -> &str {
    match key {
        "us" | "usa" | "united states of america" | "u s" => "united states",
        "un" | "u n" => "united nations",
        "uk" | "britain" | "great britain" => "united kingdom",
        "eu" => "european union",
        "dprk" | "democratic people republic of korea" => "north korea",
        "rok" | "republic of korea" => "south korea",
        "ussr" | "soviet union" => "soviet union",
        "prc" | "people republic of china" => "china",
        _ => key,
    }
}

/// All written forms of a canonical key (from the alias table).
fn alias_forms(key: &str) -> Vec<Form> {
    let f = |s: &str, acronym: bool| Form {
        words: s.split(' ').map(String::from).collect(),
        acronym,
    };
    match key {
        "united states" => vec![
            f("us", true),
            f("usa", true),
            f("united states of america", false),
        ],
        "united nations" => vec![f("un", true)],
        "united kingdom" => vec![
            f("uk", true),
            f("britain", false),
            f("great britain", false),
        ],
        "european union" => vec![f("eu", true)],
        "north korea" => vec![
            f("dprk", true),
            f("democratic people republic of korea", false),
        ],
        "south korea" => vec![f("rok", true), f("republic of korea", false)],
        "china" => vec![f("prc", true), f("people republic of china", false)],
        _ => Vec::new(),
    }
}

/// Initials of a multi-word key, connectors skipped (`korean central news agency` → `kcna`).
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// One capitalised word (or hyphen part) inside a run.
#[derive(Clone)]
struct NW {
    start: usize,
    end: usize,
    words: Vec<String>,
    /// `words` joined by spaces.
    key: String,
    initial: bool,
    headline: bool,
    connector: bool,
    acronym: bool,
}

/// Extract name mentions.
pub(crate) fn extract(text: &str, toks: &Toks<'_>) -> Vec<Fact> {
    let n = toks.len();
    if n == 0 {
        return Vec::new();
    }
    let low: Vec<&str> = toks.iter().map(|t| &**toks.base(t)).collect();
    let lex = Lex::of(toks.profile);
    let initial = sentence_initial(toks);
    let headline = headline_lines(toks, &lex);

    // Evidence: words capitalised mid-sentence in running text; words seen lowercase.
    let mut evidence: FxHashMap<&str, u32> = FxHashMap::default();
    let mut lower: FxHashSet<&str> = FxHashSet::default();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word || is_ptb_bracket(t.text) {
            continue;
        }
        if t.is_cap() {
            if !initial[i] && !headline[i] {
                *evidence.entry(low[i]).or_default() += 1;
            }
        } else {
            lower.insert(low[i]);
        }
    }
    // Standalone capitalised words (for splitting `Korea-Russia`).
    let standalone: FxHashSet<&str> = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.kind == TokKind::Word && t.is_cap() && !t.text.contains('-') && !headline[*i]
        })
        .map(|(i, _)| low[i])
        .collect();

    // Each run of name words is refined into mentions as soon as it ends (no list of runs:
    // on a long text that list is larger than the facts).
    let mut facts: Vec<Fact> = Vec::new();
    let mut cur: Vec<NW> = Vec::new();
    let flush = |cur: &mut Vec<NW>, facts: &mut Vec<Fact>| {
        while cur.last().is_some_and(|w| w.connector) {
            cur.pop();
        }
        if !cur.is_empty() {
            for part in refine(std::mem::take(cur), &evidence, &lower, &lex) {
                if let Some(f) = mention(text, &part, lex.english) {
                    facts.push(f);
                }
            }
        }
    };
    for i in 0..n {
        let t = &toks[i];
        if t.line_start {
            flush(&mut cur, &mut facts);
        }
        match t.kind {
            TokKind::Word if t.is_cap() && !is_ptb_bracket(t.text) => {
                if lex.english && is_calendar(low[i]) {
                    flush(&mut cur, &mut facts);
                    continue;
                }
                let norm = toks.norm(t);
                // a Turkish case suffix ends the name as a possessive does (`İstanbul'da`)
                let possessive = norm.ends_with("'s")
                    || norm.ends_with('\'')
                    || (toks.profile.apostrophe_suffixes && norm.contains('\''));
                let acronym = t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && (t.text.contains('.')
                        || t.text
                            .trim_end_matches(['s', '\'', '’'])
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase));
                let parts: Vec<&str> = t
                    .text
                    .split(['-', '\u{2010}', '\u{2011}'])
                    .filter(|p| !p.is_empty())
                    .collect();
                let mk = |s: usize, e: usize, ws: Vec<String>| NW {
                    start: s,
                    end: e,
                    key: ws.join(" "),
                    words: ws,
                    initial: initial[i],
                    headline: headline[i],
                    connector: false,
                    acronym,
                };
                let base_words = |s: &str| -> Vec<String> {
                    s.split(['-', '\u{2010}', '\u{2011}'])
                        .filter(|p| !p.is_empty())
                        .map(|p| base_of(&norm_word(p)))
                        .filter(|p| !p.is_empty())
                        .collect()
                };
                let trimmed_end = if possessive && toks.profile.apostrophe_suffixes {
                    t.text.find(['\'', '’', 'ʼ']).map_or(t.end, |k| t.start + k)
                } else if possessive {
                    t.text.rfind(['\'', '’']).map_or(t.end, |k| t.start + k)
                } else {
                    t.end
                };
                let trimmed_end = if trimmed_end <= t.start {
                    t.end
                } else {
                    trimmed_end
                };
                if parts.len() >= 2 {
                    let tail = parts[1..].join("-").to_lowercase();
                    let tail_first = base_of(&norm_word(parts[1]));
                    if lex.english
                        && parts[1].chars().next().is_some_and(char::is_lowercase)
                        && (is_adjective_tail(&tail_first) || is_adjective_tail(&tail))
                    {
                        // Russian-backed: the name is the first part only
                        let e = t.start + parts[0].len();
                        cur.push(mk(t.start, e, base_words(parts[0])));
                        flush(&mut cur, &mut facts);
                        continue;
                    }
                    let all_cap_parts = parts
                        .iter()
                        .all(|p| p.chars().next().is_some_and(char::is_uppercase));
                    if all_cap_parts
                        && parts
                            .iter()
                            .all(|p| standalone.contains(base_of(&norm_word(p)).as_str()))
                    {
                        // Korea-Russia: separate names
                        let mut off = t.start;
                        for p in &parts {
                            let s = t.text[off - t.start..].find(p).map_or(off, |k| off + k);
                            let e = (s + p.len()).min(trimmed_end.max(s));
                            cur.push(mk(s, e, base_words(p)));
                            flush(&mut cur, &mut facts);
                            off = s + p.len();
                        }
                        continue;
                    }
                }
                let ws = if t.text.contains(['-', '\u{2010}', '\u{2011}']) {
                    base_words(t.text)
                } else {
                    vec![toks.base(t).to_string()]
                };
                if ws.is_empty() || ws[0].is_empty() {
                    flush(&mut cur, &mut facts);
                    continue;
                }
                cur.push(mk(t.start, trimmed_end, ws));
                if possessive && low[i] != "people" {
                    flush(&mut cur, &mut facts);
                }
            }
            TokKind::Word
                if !cur.is_empty()
                    && is_connector(low[i])
                    && !matches!(low[i], "the" | "and")
                    && toks.get(i + 1).is_some_and(|nx| {
                        nx.kind == TokKind::Word && nx.is_cap() && !nx.line_start
                    }) =>
            {
                cur.push(NW {
                    start: t.start,
                    end: t.end,
                    key: low[i].to_string(),
                    words: vec![low[i].to_string()],
                    initial: false,
                    headline: headline[i],
                    connector: true,
                    acronym: false,
                });
            }
            TokKind::Punct if t.text == "&" && !cur.is_empty() => {
                flush(&mut cur, &mut facts);
            }
            _ => flush(&mut cur, &mut facts),
        }
    }
    flush(&mut cur, &mut facts);

    facts.shrink_to_fit();
    merge_partial_names(&mut facts, lex.english);
    facts
}

/// Could the lowercase base word `b` of a caseless text be part of a name? ASCII letters (two
/// or more), not a stop word (this module's list or NLTK's), not a month or weekday (`mondays`
/// too), not a
/// PTB bracket token (`-lrb-`), and not a common lowercase English word
/// ([`lexicon::class`] is not [`WordClass::Common`]).
fn caseless_name_word(b: &str) -> Option<WordClass> {
    if b.len() < 2
        || !b.bytes().all(|c| c.is_ascii_lowercase())
        || is_stop(b)
        || is_stop_word(b)
        || is_calendar(b)
        || b.strip_suffix('s').is_some_and(is_calendar)
        || matches!(b, "lrb" | "rrb" | "lsb" | "rsb" | "lcb" | "rcb")
    {
        return None;
    }
    match lexicon::class(b) {
        WordClass::Common => None,
        // `white`, `young`, `mark`: too common to count as half a name
        WordClass::AlsoName if is_common_single(b) => None,
        c => Some(c),
    }
}

/// Name mentions of a text without case information (a lowercased system output), found
/// with the SCOWL common-word lexicon ([`lexicon`]): a run of adjacent words (no punctuation
/// between) that are not common lowercase words is a name when at least one of its words is
/// not a common word at all (`paris`, `angela merkel`) or when it has two or more words that
/// are common words and names alike (`john smith`); a lone such word (`bill`, `china`) is too
/// ambiguous to count, and so is a lone word of two letters (`tv`). Titles before the run
/// (`president`) and, after a word that is not common, words that are also names
/// (`merkel left`) are not part of it. Single words are then merged into the one person-like multi-word name
/// they begin or end, as in cased text.
pub(crate) fn extract_caseless(text: &str, ws: &WordStream<'_>) -> Vec<Fact> {
    let n = ws.words.len();
    let mut facts = Vec::new();
    // the class of each distinct word, looked up once
    let mut memo: Vec<Option<Option<WordClass>>> = vec![None; ws.distinct()];
    let mut name_word =
        |k: usize| *memo[ws.base_id(k)].get_or_insert_with(|| caseless_name_word(ws.base(k)));
    let mut i = 0;
    while i < n {
        if name_word(i).is_none() {
            i += 1;
            continue;
        }
        let mut classes: Vec<WordClass> = Vec::new();
        let mut run_end = i;
        while run_end < n && (run_end == i || !ws.words[run_end].brk) {
            match name_word(run_end) {
                Some(c) => classes.push(c),
                None => break,
            }
            run_end += 1;
        }
        let cls = |k: usize| classes[k - i];
        // Titles before a name are not part of it (`president obama`); after a word that is
        // surely a name, common words that are also names are the sentence going on
        // (`merkel left`).
        let (mut a, mut b) = (i, run_end);
        while a < b && (is_title_head(ws.base(a)) || is_title_qualifier(ws.base(a))) {
            a += 1;
        }
        if (a..b).any(|k| cls(k) == WordClass::NotCommon) {
            while cls(b - 1) == WordClass::AlsoName {
                b -= 1;
            }
        }
        let not_common = (a..b).filter(|&k| cls(k) == WordClass::NotCommon).count();
        let also_name = (a..b).len() - not_common;
        // a lone word of two letters is an abbreviation or a fragment (`tv`, `th`), not a name
        let lone_short = b == a + 1 && ws.base(a).len() < 3;
        if (not_common > 0 || also_name >= 2)
            && !lone_short
            && let Some((s, e)) = ws.span(a..b)
            && let Some(written) = text.get(s..e)
        {
            let words: Vec<String> = (a..b).map(|k| ws.base(k).to_string()).collect();
            facts.push(Fact {
                kind: FactKind::Name,
                key: canonical_key(&words.join(" ")).to_string(),
                text: written.to_string(),
                span: (s, e),
                approximate: false,
                detail: Detail::Name(NameDetail {
                    mention: words,
                    acronym: false,
                }),
            });
        }
        i = run_end;
    }
    merge_partial_names(&mut facts, true);
    facts
}

/// Split a run into name parts: headline evidence, stop words, sentence starts, titles.
/// The fact of one refined run of name words (`None` when it has no words or no text).
fn mention(text: &str, part: &[NW], english: bool) -> Option<Fact> {
    let words: Vec<String> = part.iter().flat_map(|w| w.words.iter().cloned()).collect();
    let (first, last) = (part.first()?, part.last()?);
    let (s, e) = (first.start, last.end);
    if words.is_empty() || s >= e || e > text.len() {
        return None;
    }
    let acronym = part.len() == 1 && first.acronym;
    let joined = words.join(" ");
    let key = if english {
        canonical_key(&joined).to_string()
    } else {
        joined
    };
    Some(Fact {
        kind: FactKind::Name,
        key,
        text: text.get(s..e).unwrap_or_default().to_string(),
        span: (s, e),
        approximate: false,
        detail: Detail::Name(NameDetail {
            mention: words,
            acronym,
        }),
    })
}

/// Outside English (`lex.english` false) a leading stop word is dropped only at a sentence
/// start (`Selon Emmanuel Macron`; mid-sentence `La Rochelle` stays), capitalised stop words
/// do not signal title case, and titles are not split off (the lists are English).
fn refine(
    run: Vec<NW>,
    evidence: &FxHashMap<&str, u32>,
    lower: &FxHashSet<&str>,
    lex: &Lex,
) -> Vec<Vec<NW>> {
    // Headline lines: keep only evidenced words (in maximal sub-runs).
    let mut pieces: Vec<Vec<NW>> = Vec::new();
    if run.iter().any(|w| w.headline) {
        let mut cur: Vec<NW> = Vec::new();
        for w in run {
            let ok = w.connector || evidence.contains_key(w.key.as_str());
            if ok {
                cur.push(w);
            } else if !cur.is_empty() {
                pieces.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            pieces.push(cur);
        }
    } else {
        pieces.push(run);
    }
    let mut out = Vec::new();
    for mut p in pieces {
        while p.last().is_some_and(|w| w.connector) {
            p.pop();
        }
        while p.first().is_some_and(|w| w.connector) {
            p.remove(0);
        }
        // Leading stop words. A capitalised stop word inside a sentence (`Why It Matters`)
        // signals title case: what follows then needs evidence.
        let mut first_initial = p.first().is_some_and(|w| w.initial);
        let mut title_case = false;
        while p.first().is_some_and(|w| {
            w.connector
                || (lex.english && lex.is_stop(w.key.as_str()))
                || (!lex.english && w.initial && lex.is_starter(w.key.as_str()))
        }) {
            if lex.english && p.first().is_some_and(|w| !w.initial && !w.connector) {
                title_case = true;
            }
            p.remove(0);
            first_initial = false;
        }
        if title_case {
            // the run's own mentions count as evidence: ask for one more elsewhere
            p.retain(|w| w.connector || evidence.get(w.key.as_str()).is_some_and(|&c| c >= 2));
            while p.first().is_some_and(|w| w.connector) {
                p.remove(0);
            }
            while p.last().is_some_and(|w| w.connector) {
                p.pop();
            }
        }
        let Some(first) = p.first() else { continue };
        if first_initial && !first.headline {
            let k = first.key.as_str();
            if p.len() == 1 {
                if !evidence.contains_key(k) {
                    continue;
                }
            } else if lower.contains(k) && !evidence.contains_key(k) {
                p.remove(0);
                while p.first().is_some_and(|w| w.connector) {
                    p.remove(0);
                }
            }
        }
        // Titles.
        let parts = if lex.english {
            split_titles(p)
        } else {
            vec![p]
        };
        for part in parts {
            if part.is_empty() {
                continue;
            }
            if part.len() == 1 {
                let k = part[0].key.as_str();
                let letters = k.chars().filter(|c| c.is_alphabetic()).count();
                let title = lex.english && is_title_qualifier(k) && !part[0].acronym;
                if letters < 2 || lex.is_stop(k) || title {
                    continue;
                }
            }
            out.push(part);
        }
    }
    out
}

/// `Russian President Vladimir Putin` → [`Russian`], [`Vladimir Putin`].
fn split_titles(p: Vec<NW>) -> Vec<Vec<NW>> {
    let Some(h) = p
        .iter()
        .rposition(|w| !w.connector && is_title_head(&w.key))
    else {
        return vec![p];
    };
    let mut name: Vec<NW> = p[h + 1..].to_vec();
    while name.first().is_some_and(|w| w.connector) {
        name.remove(0);
    }
    let mut t0 = h;
    while t0 > 0 && is_title_qualifier(&p[t0 - 1].key) {
        t0 -= 1;
    }
    let mut prefix: Vec<NW> = p[..t0].to_vec();
    while prefix.last().is_some_and(|w| w.connector) {
        prefix.pop();
    }
    // A title right before the last word of a run with nothing else (`President Putin`).
    vec![prefix, name]
}

/// Merge single-word mentions into the unique person-like multi-word name whose first or last
/// word they are (`Putin` → `vladimir putin`).
/// Outside English (`english` false) only connectors and acronyms keep a name from being
/// person-like (the lists of non-person words and titles are English).
fn merge_partial_names(facts: &mut [Fact], english: bool) {
    let mut persons: FxHashMap<String, Vec<String>> = FxHashMap::default(); // word -> keys
    let mut seen: FxHashSet<String> = FxHashSet::default();
    for f in facts.iter() {
        let words: Vec<&str> = f.key.split(' ').collect();
        if !(2..=4).contains(&words.len()) || !seen.insert(f.key.clone()) {
            continue;
        }
        let acro = matches!(&f.detail, Detail::Name(d) if d.acronym);
        if acro
            || words.iter().any(|w| {
                is_connector(w) || (english && (is_non_person_word(w) || is_title_qualifier(w)))
            })
        {
            continue;
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        for w in [first, last] {
            let v = persons.entry((*w).to_string()).or_default();
            if !v.contains(&f.key) {
                v.push(f.key.clone());
            }
        }
    }
    for f in facts.iter_mut() {
        if f.key.contains(' ') {
            continue;
        }
        if let Some(v) = persons.get(&f.key)
            && v.len() == 1
        {
            f.key = v[0].clone();
        }
    }
}

/// Does capitalisation mark names in this text? It does when some word is capitalised other
/// than at a sentence start (`I` and its contractions aside). The sentence-cased output of
/// lowercasing pipelines (`Aidy boothroyd will be in charge. Gareth southgate's squad ...`)
/// has no such word and is read as caseless ([`extract_caseless`]).
pub(crate) fn capitals_mark_names(toks: &Toks<'_>) -> bool {
    let initial = sentence_initial(toks);
    toks.iter().enumerate().any(|(i, t)| {
        t.kind == TokKind::Word
            && !initial[i]
            && t.is_cap()
            && !is_ptb_bracket(t.text)
            && !(t.text == "I" || t.text.starts_with("I'") || t.text.starts_with("I’"))
    })
}

/// Which tokens start a sentence (line start, after `.!?:|`, after an opening quote; outside
/// English also after `„`, `‚`, `‹`, `¿`, `¡`, `「`, `『`, a dash, and a `»` that opens quotes
/// in the language).
fn sentence_initial(toks: &Toks<'_>) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut at_start = true;
    let p = toks.profile;
    let multi = !p.is_english();
    let guillemet_opens = p.quotes.iter().any(|&(o, _)| o == '»');
    for (i, t) in toks.iter().enumerate() {
        if t.line_start {
            at_start = true;
        }
        match t.kind {
            TokKind::Word if !is_ptb_bracket(t.text) => {
                out[i] = at_start;
                at_start = false;
            }
            TokKind::Num => at_start = false,
            _ => match t.text {
                "." | "!" | "?" | "…" => {
                    let abbrev = i > 0
                        && toks[i - 1].kind == TokKind::Word
                        && toks[i - 1].end == t.start
                        && is_abbrev(toks.base(&toks[i - 1]), toks[i - 1].text);
                    if !abbrev {
                        at_start = true;
                    }
                }
                "„" | "‚" | "‹" | "¿" | "¡" | "「" | "『" | "—" | "–" if multi => {
                    at_start = true;
                }
                "»" if multi && guillemet_opens => at_start = true,
                ":" | "|" | "“" | "‘" | "«" | "``" | "•" | "\"" => {
                    if t.text == "\"" {
                        // an opening straight quote is followed by a word without space
                        if toks.get(i + 1).is_some_and(|n| !n.space_before) && t.space_before {
                            at_start = true;
                        }
                    } else {
                        at_start = true;
                    }
                }
                _ => {}
            },
        }
    }
    out
}

/// Abbreviations whose period does not end a sentence here, besides the shared ones
/// ([`words::is_period_abbreviation`]: titles, `vs`/`etc`/`inc`…, month abbreviations):
/// `Adm.`, `Mt.`, `Ft.`, `gov't.`, `approx.`. Lowercase base words (dots dropped).
const EXTRA_ABBREVIATIONS: &[&str] = &["adm", "mt", "ft", "gov't", "approx"];

/// Does a period after this word (`low`: its base, `raw`: as written) leave the sentence
/// open? Single capital initials (`J.`) and listed abbreviations.
fn is_abbrev(low: &str, raw: &str) -> bool {
    (raw.chars().count() == 1 && raw.chars().all(char::is_uppercase))
        || words::is_period_abbreviation(low)
        || EXTRA_ABBREVIATIONS.contains(&low)
}

/// Tokens on title-case lines (headlines, bylines).
fn headline_lines(toks: &Toks<'_>, lex: &Lex) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut s = 0;
    while s < toks.len() {
        let mut e = s + 1;
        while e < toks.len() && !toks[e].line_start {
            e += 1;
        }
        let (mut long, mut cap) = (0usize, 0usize);
        let (mut n_words, mut content, mut content_cap) = (0usize, 0usize, 0usize);
        for t in &toks[s..e] {
            if t.kind != TokKind::Word {
                continue;
            }
            n_words += 1;
            if lex.is_stop(toks.base(t)) {
                continue;
            }
            let c = t.is_cap();
            content += 1;
            content_cap += usize::from(c);
            if t.text.len() >= 4 && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                long += 1;
                cap += usize::from(c);
            }
        }
        // Short label lines (`Key Takeaways`, `Leave a Reply`, `Nitish Verma`).
        let ends_sentence = toks[s..e]
            .last()
            .is_some_and(|t| matches!(t.text, "." | "!" | "?"));
        let label = n_words <= 6 && !ends_sentence && content > 0 && content_cap == content;
        if label || (long >= 2 && cap * 10 >= long * 9) {
            for o in &mut out[s..e] {
                *o = true;
            }
        }
        s = e;
    }
    out
}

/// Searchable forms of a name entity: its key, the mentions merged into it, aliases, and
/// (for keys of 3+ words) its initials as an acronym.
/// `english`: the name comes from an English text (its aliases are English).
pub(crate) fn forms(key: &str, mentions: &[&NameDetail], english: bool) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    let key_words: Vec<String> = key.split(' ').map(String::from).collect();
    let push = |out: &mut Vec<Form>, f: Form| {
        if !out
            .iter()
            .any(|g| g.words == f.words && g.acronym == f.acronym)
        {
            out.push(f);
        }
    };
    let key_is_acro =
        mentions.iter().all(|m| m.acronym) && !mentions.is_empty() && key_words.len() == 1;
    push(
        &mut out,
        Form {
            words: key_words.clone(),
            acronym: key_is_acro,
        },
    );
    for m in mentions {
        push(
            &mut out,
            Form {
                words: m.mention.clone(),
                acronym: m.acronym,
            },
        );
    }
    for f in if english {
        alias_forms(key)
    } else {
        Vec::new()
    } {
        push(&mut out, f);
    }
    if key_words.len() >= 3 {
        let ini = initials(&key_words);
        if ini.chars().count() >= 3 {
            push(
                &mut out,
                Form {
                    words: vec![ini],
                    acronym: true,
                },
            );
        }
    }
    out
}

/// Is any form of the entity found in `ws`? `cased`: the searched text has case information.
/// `p`: the language of the searched text (outside English, the single words a caseless
/// text does not match are its stop words).
pub(crate) fn find_entity(
    ws: &WordStream,
    forms: &[Form],
    cased: bool,
    p: &Profile,
) -> Option<(usize, usize)> {
    let lex = Lex::of(p);
    let common = |w: &str| {
        if lex.english {
            is_common_single(w)
        } else {
            lex.is_stop(w)
        }
    };
    for f in forms {
        if !cased && f.words.len() == 1 && !f.acronym && common(&f.words[0]) {
            continue;
        }
        // Acronym forms: in cased text the match must be written as an acronym (`UN`, `U.N.`,
        // not `Un`); in caseless text only dotted short acronyms are recognisable (`u.s.`,
        // not `us`), longer ones match plainly (`cnn`).
        let short = f.words.len() == 1 && f.words[0].chars().count() <= 2;
        let need_acro = f.acronym && (cased || short);
        if let Some(span) = ws.find_form(&f.words, cased, need_acro) {
            return Some(span);
        }
    }
    None
}

/// A candidate acronym (`KCNA`) supported by a source name with those initials.
pub(crate) fn acronym_matches(acronym: &str, source_keys: &[&str]) -> bool {
    acronym.chars().count() >= 2
        && source_keys.iter().any(|k| {
            let words: Vec<String> = k.split(' ').map(String::from).collect();
            words.len() >= 2 && initials(&words) == acronym
        })
}

#[cfg(test)]
mod tests {
    use super::super::extract as extract_all;

    fn keys(text: &str) -> Vec<String> {
        extract_all(text)
            .names
            .iter()
            .map(|n| n.key.clone())
            .collect()
    }

    /// The calendar words as written here before the shared lists of `text::words`.
    #[rustfmt::skip]
    const OLD_CALENDAR: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec",
    ];

    /// The abbreviations as written here before the shared lists of `text::words`.
    #[rustfmt::skip]
    const OLD_ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "prof", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "no", "vs", "etc", "inc", "corp", "co", "ltd", "adm", "rev", "mt", "ft",
        "gov't", "approx",
    ];

    /// Every word the old or the new sets can hold.
    fn universe() -> Vec<&'static str> {
        let mut u = crate::text::words::listed_words();
        u.extend(super::EXTRA_ABBREVIATIONS);
        u.extend(OLD_CALENDAR);
        u.extend(OLD_ABBREVIATIONS);
        u
    }

    #[test]
    fn calendar_words_are_the_old_set() {
        for w in universe() {
            assert_eq!(super::is_calendar(w), OLD_CALENDAR.contains(&w), "{w}");
        }
    }

    #[test]
    fn abbreviations_are_the_old_set() {
        for w in universe() {
            // `raw` longer than one letter: the initials rule aside
            let raw = format!("{w}x");
            assert_eq!(
                super::is_abbrev(w, &raw),
                OLD_ABBREVIATIONS.contains(&w),
                "{w}"
            );
        }
        assert!(super::is_abbrev("j", "J"));
        assert!(!super::is_abbrev("j", "j"));
    }

    #[test]
    fn stop_list_sorted() {
        assert!(super::STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn titles_and_variants() {
        let k = keys(
            "North Korean leader Kim Jong Un hailed ties, as Russian President Vladimir Putin will visit.",
        );
        assert_eq!(
            k,
            vec!["north korean", "kim jong un", "russian", "vladimir putin"]
        );
        assert_eq!(
            keys("He met Kim Jong-un in Russia’s east."),
            vec!["kim jong un", "russia"]
        );
        assert_eq!(
            keys(
                "In March, South Korean Defense Minister Shin Wonsik said so. Later Shin said more."
            ),
            vec!["south korean", "shin wonsik", "shin wonsik"]
        );
        assert_eq!(
            keys("They met the U.S. envoy and the United States agreed."),
            vec!["united states", "united states"]
        );
    }

    #[test]
    fn sentence_starts() {
        // "Military" is sentence-initial and appears lowercase elsewhere: not a name.
        assert!(keys("Military ties grew. The military met.").is_empty());
        // "Putin" sentence-initial but capitalised mid-sentence elsewhere: a name.
        assert_eq!(
            keys("Putin spoke. Then he met Putin."),
            vec!["putin", "putin"]
        );
        assert!(keys("During the talks nothing happened.").is_empty());
    }

    #[test]
    fn headlines_need_evidence() {
        let k = keys(
            "Kim Jong Un Hails Strengthening Ties with Russia\nThe leader Kim Jong Un met officials in Russia.",
        );
        assert_eq!(k, vec!["kim jong un", "russia", "kim jong un", "russia"]);
    }
}

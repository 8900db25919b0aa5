//! Number facts: digits, number words, scale words, percentages, currency, measures, ordinals,
//! years, dates, decades, ranges and vague quantities, each with a canonical key.
//!
//! # Canonical keys
//! `"{value}|{unit}"`, the value written exactly (decimal arithmetic, no float noise):
//! `7000|count`, `3|ordinal`, `3.5|percent`, `2|pp` (percentage points), `2500000|usd`,
//! `5|km`, `1980|decade`, `2019|year`, dates in ISO 8601 at their granularity:
//! `2023-09-10|date`, `2019-04|date`, `--03|date` (a month without a year),
//! `--09-10|date` (day and month without a year). Vague quantities are keyed
//! `thousands|vague` and are never scored.
//!
//! # Decisions
//! * Approximation qualifiers (`about`, `around`, `nearly`, `more than`, `up to`, `some` …) set
//!   [`Fact::approximate`](super::Fact::approximate) and do not change the key.
//! * `thousands of`, `hundreds of thousands`, `dozens of`, `tens of`, `several thousand` are
//!   vague quantities: kept apart (see [`Facts::vague`](super::Facts::vague)), never scored.
//! * Isolated number words are noisy: `one` alone is skipped (`one of`, `no one`), as is a bare
//!   `two`..`nine` right after a determiner (`the two countries`); `first` / `second` count as
//!   ordinals only when a word follows (`second spy satellite`, not `for a second.`).
//! * `m` / `mn` after a number is *million* (news usage); write metres as `metre(s)`.
//! * Four-digit numbers 1900–2100 (1000–1899 after `in`, `since` …) without unit are years.
//! * Numbers glued to letters (`G7`, `COVID-19`, `F-16`) are identifiers, not facts;
//!   slash compounds (`9/11`, `10/09/2023`) are ambiguous and skipped.
//! * Clock times are keyed in 24-hour form, `21:45|time`: `21:45`, `9:30 am`, `10.30pm`,
//!   `3 p.m.`, `3pm` (a time supports only the same time).
//! * PTB-tokenised `7 , 000` is read as 7000 only when the whole text looks PTB-tokenised
//!   (spaced commas, `-lrb-`, `` `` ``); elsewhere `7, 000` stays two numbers.
//!
//! # Other languages ([`FactDoc::with_lang`](super::FactDoc::with_lang))
//! The English rules above are untouched; a text in another language is read by the same
//! machinery with its [`Profile`]:
//! * digits of every script (Unicode Nd) are numbers, keyed by their value (`٢٥٠` → `250`,
//!   `２５０` → `250`); `٫` is a decimal point, `٬` a group separator; the language's decimal
//!   comma or point decides `2,5` (2.5 in French) and `1.000` (1000 in German); groups of three
//!   after a no-break, narrow no-break or thin space (a plain space too where the language
//!   groups with spaces: French, Russian, Polish … `1 500`; `'` in German, French, Italian:
//!   `1'000'000`) are one number; the Indian grouping `25,00,000` is 2500000;
//! * the profile's scale words after a number multiply it, glued or not, one or two
//!   (`2,5 millions`, `2,5 Mrd.`, `2,5 миллиона`, `mil millones`, `25 लाख`, `250万`, `3億`);
//!   its currency words and the currency symbols after a number give the unit (`d'euros`,
//!   `de euros`, `евро`, `5 €`, `元`, `ユーロ`); `%`, `٪`, `％` and its percent words give
//!   percentages (`pour cent`, `Prozent`, `процентов`, Turkish `yüzde 25`, `%25`); SI unit
//!   symbols give measures (`km`, `кг`);
//! * number words in Danish, German, Spanish, French, Italian, Dutch and Portuguese are read
//!   by `text2num` (`deux cent cinquante` = 250); a lone article (`un`, `ein`, `uno`) is not a
//!   number, nor a French `neuf` that is the adjective (`un bâtiment neuf`);
//! * the profile's approximation words set `approximate` (`environ`, `plus de`, `около`,
//!   `约`), its vague quantities are listed as vague (`des milliers`, `тысячи`);
//! * French clock times `21h45`, `21h` are times; month names are English only, so
//!   `10 septembre 2023` is the day `10` and the year `2023`.

use std::borrow::Cow;

use std::sync::OnceLock;

use text2num::LangInterpreter;

use super::lang::Profile;
use super::tokens::{TokKind, Toks, fold_word};
use super::{Detail, Fact, FactKind};
use crate::text::words;

/// An exact decimal `mant × 10^exp`, normalised (no trailing zeros in `mant`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dec {
    mant: i128,
    exp: i32,
}

const MAX_MANT: i128 = 10i128.pow(30);

impl Dec {
    fn new(mant: i128, exp: i32) -> Option<Dec> {
        let mut d = Dec { mant, exp };
        if d.mant == 0 {
            d.exp = 0;
            return Some(d);
        }
        while d.mant % 10 == 0 {
            d.mant /= 10;
            d.exp = d.exp.checked_add(1)?;
        }
        if d.mant.abs() >= MAX_MANT || d.exp.abs() > 60 {
            return None;
        }
        Some(d)
    }

    fn int(v: i128) -> Dec {
        Dec::new(v, 0).unwrap_or(Dec { mant: 0, exp: 0 })
    }

    fn mul(self, o: Dec) -> Option<Dec> {
        Dec::new(self.mant.checked_mul(o.mant)?, self.exp.checked_add(o.exp)?)
    }

    fn to_f64(self) -> f64 {
        self.mant as f64 * 10f64.powi(self.exp)
    }

    /// Integer value if this is a (small enough) integer.
    fn as_int(self) -> Option<i64> {
        if self.exp < 0 || self.exp > 15 {
            return None;
        }
        let v = self
            .mant
            .checked_mul(10i128.checked_pow(self.exp as u32)?)?;
        i64::try_from(v).ok()
    }

    /// Canonical decimal notation.
    fn canonical(self) -> String {
        if self.mant == 0 {
            return "0".into();
        }
        let sign = if self.mant < 0 { "-" } else { "" };
        let digits = self.mant.unsigned_abs().to_string();
        if self.exp >= 0 {
            if self.exp <= 24 {
                format!("{sign}{digits}{}", "0".repeat(self.exp as usize))
            } else {
                format!("{sign}{digits}e{}", self.exp)
            }
        } else {
            let e = self.exp.unsigned_abs() as usize;
            if digits.len() > e {
                let (a, b) = digits.split_at(digits.len() - e);
                format!("{sign}{a}.{b}")
            } else {
                format!("{sign}0.{}{digits}", "0".repeat(e - digits.len()))
            }
        }
    }
}

/// Parse digits with separators (`7,000`, `3.5`, `1.234.567`, `7 000` with no-break spaces).
fn parse_dec(s: &str) -> Option<Dec> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let thousands = |sep: char, rest_ok: &dyn Fn(&str) -> bool| -> Option<String> {
        let (int, frac) = match sep {
            ',' => match s.split_once('.') {
                Some((a, b)) => (a, Some(b)),
                None => (s.as_str(), None),
            },
            _ => (s.as_str(), None),
        };
        let groups: Vec<&str> = int.split(sep).collect();
        let ok = groups.len() >= 2
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && frac.is_none_or(rest_ok);
        ok.then(|| {
            let mut v = groups.concat();
            if let Some(f) = frac {
                v.push('.');
                v.push_str(f);
            }
            v
        })
    };
    let no_dot = |f: &str| !f.contains('.') && !f.contains(',');
    let plain: String = if commas > 0 {
        if let Some(v) = thousands(',', &no_dot) {
            v
        } else if commas == 1 && dots == 0 {
            s.replace(',', ".")
        } else {
            s.split(',').next().unwrap_or_default().to_string()
        }
    } else if dots >= 2 {
        thousands('.', &no_dot)?
    } else {
        s
    };
    let (int, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if int.len() + frac.len() > 28 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mant: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mant = mant.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    Dec::new(mant, -(frac.len() as i32))
}

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Count,
    Ordinal,
    Percent,
    PercentPoint,
    Currency(&'static str),
    Measure(&'static str),
    Year,
    Decade,
    Date,
    /// A clock time; the value is minutes after midnight.
    Time,
}

/// A date at its granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateVal {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

/// The structured value of a number fact.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NumVal {
    unit: Unit,
    value: Dec,
    date: Option<DateVal>,
    approximate: bool,
}

impl NumVal {
    fn key(&self) -> String {
        match (self.unit, self.date) {
            (Unit::Year | Unit::Date, Some(d)) => {
                let y = d
                    .year
                    .map_or_else(|| "-".to_string(), |y| format!("{y:04}"));
                let mut s = y;
                if let Some(m) = d.month {
                    s.push_str(&format!("-{m:02}"));
                    if let Some(dd) = d.day {
                        s.push_str(&format!("-{dd:02}"));
                    }
                }
                let kind = if d.month.is_none() { "year" } else { "date" };
                format!("{s}|{kind}")
            }
            (u, _) => {
                let unit: Cow<'static, str> = match u {
                    Unit::Count => "count".into(),
                    Unit::Ordinal => "ordinal".into(),
                    Unit::Percent => "percent".into(),
                    Unit::PercentPoint => "pp".into(),
                    Unit::Currency(c) | Unit::Measure(c) => c.into(),
                    Unit::Year => "year".into(),
                    Unit::Decade => "decade".into(),
                    Unit::Date => "date".into(),
                    Unit::Time => {
                        let m = self.value.as_int().unwrap_or(0);
                        return format!("{:02}:{:02}|time", m / 60, m % 60);
                    }
                };
                format!("{}|{unit}", self.value.canonical())
            }
        }
    }

    fn date_like(&self) -> Option<DateVal> {
        match self.unit {
            Unit::Year | Unit::Date => self.date,
            _ => None,
        }
    }
}

fn rounds_to(s: Dec, c: Dec, c_approx: bool) -> bool {
    let (sv, cv) = (s.to_f64(), c.to_f64());
    let diff = (sv - cv).abs();
    if diff == 0.0 {
        return true;
    }
    if sv == 0.0 {
        return false;
    }
    if c_approx {
        return diff <= 0.10 * sv.abs();
    }
    let half = 5.0 * 10f64.powi(c.exp - 1);
    diff <= half * (1.0 + 1e-9) && diff <= 0.05 * sv.abs()
}

/// Does source number `s` support candidate number `c`? Equal keys; a coarser date
/// (`2019` from `April 2019`, a decade from a year in it); a count equal to a measure or
/// year; a rounded value (`7,000` from `7,012`: within half a unit of the candidate's last
/// significant digit and 5%; 10% when the candidate is marked approximate).
pub(crate) fn implies(s: &NumVal, c: &NumVal) -> bool {
    if let (Some(sd), Some(cd)) = (s.date_like(), c.date_like()) {
        let part = |a: Option<i32>, b: Option<i32>| b.is_none() || a == b;
        return part(sd.year, cd.year)
            && part(sd.month.map(i32::from), cd.month.map(i32::from))
            && part(sd.day.map(i32::from), cd.day.map(i32::from));
    }
    match (s.unit, c.unit) {
        (Unit::Decade, Unit::Decade) => s.value == c.value,
        (Unit::Year | Unit::Date, Unit::Decade) => {
            let (Some(y), Some(d)) = (s.date.and_then(|d| d.year), c.value.as_int()) else {
                return false;
            };
            (d..d + 10).contains(&i64::from(y))
        }
        (Unit::Ordinal, Unit::Ordinal) | (Unit::Time, Unit::Time) => s.value == c.value,
        (Unit::Year, Unit::Count) | (Unit::Count, Unit::Year) => s.value == c.value,
        (Unit::Count | Unit::Measure(_), Unit::Count) | (Unit::Count, Unit::Measure(_)) => {
            rounds_to(s.value, c.value, c.approximate)
        }
        (a, b)
            if a == b
                && matches!(
                    a,
                    Unit::Percent | Unit::PercentPoint | Unit::Currency(_) | Unit::Measure(_)
                ) =>
        {
            rounds_to(s.value, c.value, c.approximate)
        }
        _ => false,
    }
}

/// Symmetric relation used for retention: either side implies the other.
pub(crate) fn compatible(s: &NumVal, c: &NumVal) -> bool {
    implies(s, c) || implies(c, s)
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

fn is_month_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "late"
            | "early"
            | "mid"
            | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "of"
            | "during"
            | "last"
            | "next"
            | "this"
            | "through"
            | "between"
            | "before"
            | "after"
            | "and"
            | "to"
            | "or"
    )
}

fn scale_word(w: &str) -> Option<Dec> {
    Some(match w {
        "hundred" => Dec::int(100),
        "thousand" => Dec::int(1000),
        "million" | "mn" | "mln" | "m" => Dec::int(1_000_000),
        "billion" | "bn" => Dec::int(1_000_000_000),
        "trillion" | "tn" | "trn" => Dec::int(1_000_000_000_000),
        "dozen" => Dec::int(12),
        _ => return None,
    })
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "usd",
        "£" => "gbp",
        "€" => "eur",
        "¥" => "jpy",
        "₹" => "inr",
        "₽" => "rub",
        "₩" => "krw",
        _ => return None,
    })
}

fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" => "usd",
        "a" | "au" => "aud",
        "c" | "ca" => "cad",
        "hk" => "hkd",
        "nz" => "nzd",
        "s" => "sgd",
        _ => return None,
    })
}

fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "usd",
        "eur" => "eur",
        "gbp" => "gbp",
        "jpy" => "jpy",
        "cny" | "rmb" => "cny",
        "inr" => "inr",
        "rub" => "rub",
        "chf" => "chf",
        "cad" => "cad",
        "aud" => "aud",
        "krw" => "krw",
        "hkd" => "hkd",
        _ => return None,
    })
}

/// Currency words after a number: (code, multiplier exponent).
fn currency_word(w: &str) -> Option<(&'static str, i32)> {
    Some(match w {
        "dollar" | "dollars" => ("usd", 0),
        "pound" | "pounds" | "sterling" => ("gbp", 0),
        "euro" | "euros" => ("eur", 0),
        "yen" => ("jpy", 0),
        "yuan" | "renminbi" => ("cny", 0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("rub", 0),
        "rupee" | "rupees" => ("inr", 0),
        "cent" | "cents" => ("usd", -2),
        "pence" => ("gbp", -2),
        _ => return currency_code(w).map(|c| (c, 0)),
    })
}

fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" | "mi" => "mile",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "tonne" | "tonnes" | "ton" | "tons" => "tonne",
        "lb" | "lbs" => "lb",
        "foot" | "feet" | "ft" => "foot",
        "inch" | "inches" => "inch",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "gallon" | "gallons" => "gallon",
        "barrel" | "barrels" => "barrel",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "hectare",
        "mph" => "mph",
        "year" | "years" | "yr" | "yrs" => "year",
        "month" | "months" => "month",
        "week" | "weeks" => "week",
        "day" | "days" => "day",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "degree" | "degrees" => "degree",
        _ => return None,
    })
}

fn is_vague_plural(w: &str) -> bool {
    matches!(
        w,
        "thousands" | "hundreds" | "millions" | "billions" | "trillions" | "dozens"
    )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "these"
            | "those"
            | "both"
            | "all"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "whose"
            | "other"
    )
}

fn is_year_prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "till"
            | "of"
            | "year"
            | "around"
            | "before"
            | "after"
            | "circa"
            | "during"
    )
}

// ---------------------------------------------------------------------------------------------
// Extraction

struct Ctx<'t, 'a> {
    text: &'a str,
    toks: &'t Toks<'a>,
    tokenised: bool,
    has_case: bool,
    /// The language's profile, and whether it is not English (the English rules are the
    /// historical ones, untouched).
    p: &'static Profile,
    multi: bool,
    consumed: Vec<bool>,
    facts: Vec<Fact>,
    vague: Vec<Fact>,
}

/// A parsed quantity before emission.
#[derive(Clone)]
struct Quant {
    value: Dec,
    unit: Unit,
    scaled: bool,
    start: usize, // token index
    end: usize,   // token index, exclusive
}

/// Extract number facts and vague quantities.
pub(crate) fn extract(
    text: &str,
    toks: &Toks<'_>,
    tokenised: bool,
    has_case: bool,
) -> (Vec<Fact>, Vec<Fact>) {
    let p = toks.profile;
    let multi = !p.is_english();
    let words = if !multi {
        word_numbers(toks)
    } else if let Some(lang) = p.number_words.and_then(interpreter) {
        word_numbers_multi(toks, lang)
    } else {
        Vec::new()
    };
    let mut cx = Ctx {
        text,
        toks,
        tokenised,
        has_case,
        p,
        multi,
        consumed: vec![false; toks.len()],
        facts: Vec::new(),
        vague: Vec::new(),
    };
    let mut wi = 0; // cursor into `words`
    let mut i = 0;
    while i < toks.len() {
        if cx.consumed[i] {
            i += 1;
            continue;
        }
        while wi < words.len() && words[wi].start < i {
            wi += 1;
        }
        let t = &toks[i];
        let next = match t.kind {
            TokKind::Num => cx.at_num(i),
            TokKind::Word if multi => {
                if let Some(e) = cx.at_vague_multi(i) {
                    Some(e)
                } else if let Some(e) = cx.at_percent_before(i) {
                    Some(e)
                } else if wi < words.len() && words[wi].start == i {
                    let w = &words[wi];
                    cx.at_word_number_multi(w)
                } else {
                    None
                }
            }
            TokKind::Punct if multi => cx.at_percent_before(i),
            TokKind::Word => {
                if let Some(e) = cx.at_vague(i) {
                    Some(e)
                } else if let Some(e) = cx.at_month(i, false) {
                    Some(e)
                } else if wi < words.len() && words[wi].start == i {
                    let w = &words[wi];
                    cx.at_word_number(w)
                } else if cx.low(i) == "dozen" && i > 0 && cx.low(i - 1) == "a" {
                    let q = Quant {
                        value: Dec::int(12),
                        unit: Unit::Count,
                        scaled: false,
                        start: i - 1,
                        end: i + 1,
                    };
                    let q = cx.suffix(q);
                    let e = q.end;
                    cx.emit(q, i - 1);
                    Some(e)
                } else {
                    None
                }
            }
            TokKind::Punct => cx.at_decade_apostrophe(i),
        };
        i = match next {
            Some(e) if e > i => e,
            _ => i + 1,
        };
    }
    (cx.facts, cx.vague)
}

struct WordNum {
    start: usize,
    end: usize,
    value: Dec,
    ordinal: bool,
}

/// Number words found by `text2num` (English), as token ranges.
fn word_numbers(toks: &Toks<'_>) -> Vec<WordNum> {
    struct T2<'x> {
        text: &'x str,
        nan: bool,
    }
    impl text2num::Token for &T2<'_> {
        fn text(&self) -> Cow<'_, str> {
            Cow::Borrowed(self.text)
        }
        fn text_lowercase(&self) -> Cow<'_, str> {
            Cow::Borrowed(self.text)
        }
        fn not_a_number_part(&self) -> bool {
            self.nan
        }
    }
    let lang = text2num::lang::English::new();
    let is_nw = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && is_number_word_start(toks.norm(t)))
    };
    let mut out = Vec::new();
    let mut i = 0;
    // Run text2num only on segments of number words (and their linking tokens).
    while i < toks.len() {
        if !is_nw(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if is_nw(end) {
                end += 1;
            } else if toks
                .get(end)
                .is_some_and(|t| matches!(&**toks.norm(t), "and" | "-" | "," | "point"))
                && is_nw(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        let stream: Vec<T2<'_>> = toks[start..end]
            .iter()
            .map(|t| {
                let l: &str = toks.norm(t);
                T2 {
                    text: l,
                    nan: (t.kind == TokKind::Word
                        && (l.ends_with('s') || l == "o" || l.contains('\'')))
                        || (t.kind == TokKind::Punct && !matches!(l, "," | "." | "-")),
                }
            })
            .collect();
        for o in text2num::find_numbers(stream.iter(), &lang, 0.0) {
            let digits = o.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if let Some(value) = parse_dec(digits)
                && o.end > o.start
                && start + o.end <= end
            {
                out.push(WordNum {
                    start: start + o.start,
                    end: start + o.end,
                    value,
                    ordinal: o.is_ordinal,
                });
            }
        }
        i = end;
    }
    out
}

fn is_number_word_start(l: &str) -> bool {
    let head = l.split('-').next().unwrap_or(l);
    matches!(
        head,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
            | "fortieth"
            | "fiftieth"
            | "sixtieth"
            | "seventieth"
            | "eightieth"
            | "ninetieth"
            | "hundredth"
            | "thousandth"
            | "millionth"
    )
}

impl<'a> Ctx<'_, 'a> {
    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &**self.toks.norm(t))
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// Token `i` exists and directly follows token `i - 1` (no space).
    fn glued(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.space_before && !t.line_start)
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }
    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }
    /// A number token's digits: its text in English, its ASCII `norm` elsewhere
    /// (`٢٥٠` → `250`, French `2,5` → `2.5`).
    fn num_text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &**self.toks.norm(t))
    }
    /// A plain run of ASCII digits (no separators) of length in `lens`.
    fn plain_digits(&self, i: usize, lens: std::ops::RangeInclusive<usize>) -> Option<i64> {
        let t = self.num_text(i);
        if !self.is_num(i) || !lens.contains(&t.len()) || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    fn approx_before(&self, i: usize) -> bool {
        if self.multi {
            return self.approx_before_multi(i);
        }
        let w = |k: usize| -> &str { if k <= i && k > 0 { self.low(i - k) } else { "" } };
        let one = w(1);
        if matches!(
            one,
            "about"
                | "around"
                | "approximately"
                | "roughly"
                | "nearly"
                | "almost"
                | "some"
                | "over"
                | "under"
                | "approx"
                | "circa"
                | "estimated"
                | "~"
                | "almost."
                | "c."
        ) {
            return true;
        }
        let two = (w(2), one);
        if matches!(
            two,
            ("more" | "less" | "fewer", "than")
                | ("up" | "close", "to")
                | ("at", "least" | "most")
                | ("just" | "well", "over" | "under")
                | ("upwards", "of")
        ) {
            return true;
        }
        matches!(
            (w(3), w(2), one),
            ("as", "many" | "much" | "few", "as") | ("in", "excess", "of")
        )
    }

    fn emit(&mut self, q: Quant, approx_at: usize) {
        let approximate = self.approx_before(approx_at);
        self.emit_val(
            NumVal {
                unit: q.unit,
                value: q.value,
                date: None,
                approximate,
            },
            q.start,
            q.end,
        );
    }

    fn emit_val(&mut self, v: NumVal, start: usize, end: usize) {
        let (Some(a), Some(b)) = (
            self.toks.get(start),
            end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) else {
            return;
        };
        let span = (a.start, b.end);
        for k in start..end.min(self.consumed.len()) {
            self.consumed[k] = true;
        }
        self.facts.push(Fact {
            kind: FactKind::Number,
            key: v.key(),
            text: self.text[span.0..span.1].to_string(),
            span,
            approximate: v.approximate,
            detail: Detail::Number(v),
        });
    }

    fn emit_date(&mut self, d: DateVal, start: usize, end: usize) {
        let unit = if d.month.is_none() {
            Unit::Year
        } else {
            Unit::Date
        };
        let value = Dec::int(i128::from(d.year.unwrap_or(0)));
        let approximate = self.approx_before(start);
        self.emit_val(
            NumVal {
                unit,
                value,
                date: Some(d),
                approximate,
            },
            start,
            end,
        );
    }

    fn emit_vague(&mut self, start: usize, end: usize) {
        let (Some(a), Some(b)) = (
            self.toks.get(start),
            end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) else {
            return;
        };
        let span = (a.start, b.end);
        let key: Vec<String> = (start..end).map(|k| self.low(k).to_string()).collect();
        for k in start..end.min(self.consumed.len()) {
            self.consumed[k] = true;
        }
        self.vague.push(Fact {
            kind: FactKind::Number,
            key: format!("{}|vague", key.join(" ")),
            text: self.text[span.0..span.1].to_string(),
            span,
            approximate: true,
            detail: Detail::None,
        });
    }

    /// `thousands (of)`, `hundreds of thousands`, `tens of thousands`, `several thousand`.
    fn at_vague(&mut self, i: usize) -> Option<usize> {
        let w = self.low(i);
        let mut end =
            if is_vague_plural(w) || (matches!(w, "tens" | "scores") && self.low(i + 1) == "of") {
                i + 1
            } else if matches!(w, "several" | "few" | "many" | "some" | "couple")
                && matches!(
                    self.low(i + 1),
                    "hundred" | "thousand" | "million" | "billion" | "dozen"
                )
            {
                let e = i + 2;
                let start = if w == "few" && i > 0 && self.low(i - 1) == "a" {
                    i - 1
                } else {
                    i
                };
                self.emit_vague(start, e);
                return Some(e);
            } else {
                return None;
            };
        // chain: hundreds of thousands
        while self.low(end) == "of" && is_vague_plural(self.low(end + 1)) {
            end += 2;
        }
        self.emit_vague(i, end);
        Some(end)
    }

    /// Month-name date starting at word `i`.
    fn at_month(&mut self, i: usize, after_day: bool) -> Option<usize> {
        let (month, abbr, mend) = self.month_at(i, after_day)?;
        // Month Day[th][,] [Year]
        let mut k = mend;
        let mut d = DateVal {
            year: None,
            month: Some(month),
            day: None,
        };
        if let Some(day) = self.plain_digits(k, 1..=2).filter(|v| (1..=31).contains(v)) {
            let mut e = k + 1;
            if self.glued(e) && matches!(self.low(e), "st" | "nd" | "rd" | "th") {
                e += 1;
            }
            // not "May 5,000"
            d.day = Some(day as u8);
            k = e;
            let mut y = k;
            if self.low(y) == "," {
                y += 1;
            }
            if let Some(year) = self
                .plain_digits(y, 4..=4)
                .filter(|v| (1000..=2100).contains(v))
            {
                d.year = Some(year as i32);
                k = y + 1;
            }
            self.emit_date(d, i, k);
            return Some(k);
        }
        let mut y = k;
        if self.low(y) == "," || self.low(y) == "of" {
            y += 1;
        }
        if let Some(year) = self
            .plain_digits(y, 4..=4)
            .filter(|v| (1000..=2100).contains(v))
            && (!self.glued(y + 1) || self.low(y + 1) == "," || self.low(y + 1) == ".")
        {
            d.year = Some(year as i32);
            self.emit_date(d, i, y + 1);
            return Some(y + 1);
        }
        if abbr && !after_day {
            return None;
        }
        self.emit_date(d, i, mend);
        Some(mend)
    }

    /// Is word `i` a month name in context? Returns (month, abbreviated, end token).
    fn month_at(&self, i: usize, after_day: bool) -> Option<(u8, bool, usize)> {
        if self.multi {
            // month names are English only
            return None;
        }
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let (m, abbr) = words::month(self.low(i))?;
        let mut end = i + 1;
        if abbr && self.low(end) == "." && self.glued(end) {
            end += 1;
        }
        let num_follows = self.is_num(end);
        if after_day || num_follows {
            if self.has_case && !t.is_cap() && abbr {
                return None;
            }
            return Some((m, abbr, end));
        }
        if abbr {
            return None;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        let ambiguous = matches!(m, 3 | 5) || (m == 8 && !self.has_case);
        if self.has_case {
            if !t.is_cap() {
                return None;
            }
            if ambiguous {
                let ok = is_month_prep(prev)
                    && !(m == 5 && matches!(prev, "this" | "last" | "next" | "and" | "to" | "or"));
                return ok.then_some((m, abbr, end));
            }
            // `Theresa May`-style names: a capitalised word before a capitalised month.
            if i > 0
                && self.toks[i - 1].kind == TokKind::Word
                && self.toks[i - 1].is_cap()
                && words::month(prev).is_none()
            {
                let initial = self.toks[i - 1].line_start
                    || i < 2
                    || matches!(self.low(i - 2), "." | "!" | "?" | "“" | "\"" | "``");
                if !initial && !is_month_prep(prev) {
                    return None;
                }
            }
            return Some((m, abbr, end));
        }
        let ok = is_month_prep(prev)
            && !(m == 5 && matches!(prev, "this" | "last" | "next" | "and" | "to" | "or" | "by"))
            && !(m == 3 && matches!(prev, "to" | "and" | "or"));
        ok.then_some((m, abbr, end))
    }

    /// `’80s` / `'80s`.
    fn at_decade_apostrophe(&mut self, i: usize) -> Option<usize> {
        if !matches!(self.low(i), "'" | "’" | "‘") || !self.glued(i + 1) {
            return None;
        }
        let v = self.plain_digits(i + 1, 2..=2)?;
        if v % 10 != 0 || !(self.glued(i + 2) && self.low(i + 2) == "s") {
            return None;
        }
        let q = Quant {
            value: Dec::int(1900 + i128::from(v)),
            unit: Unit::Decade,
            scaled: false,
            start: i,
            end: i + 3,
        };
        self.emit(q, i);
        Some(i + 3)
    }

    fn at_word_number(&mut self, w: &WordNum) -> Option<usize> {
        let (s, e) = (w.start, w.end);
        if (s..e).any(|k| self.consumed.get(k).copied().unwrap_or(true)) {
            return None;
        }
        let all_scale = (s..e).all(|k| {
            matches!(
                self.low(k),
                "hundred" | "thousand" | "million" | "billion" | "," | "and" | "-"
            )
        });
        let mut start = s;
        if all_scale {
            let prev = if s > 0 { self.low(s - 1) } else { "" };
            if matches!(prev, "several" | "few" | "many" | "some" | "couple") {
                return self.at_vague(s - 1);
            }
            if prev == "a" || prev == "one" {
                start = s - 1;
            }
        }
        let single = e == s + 1;
        let next_is_word = self.is_word(e);
        if w.ordinal {
            if single && matches!(self.low(s), "first" | "second") && !next_is_word {
                return None;
            }
            if self.low(e) == "of" && self.month_at(e + 1, true).is_some() {
                // "the tenth of September"
                if let Some(day) = w.value.as_int().filter(|d| (1..=31).contains(d)) {
                    return self.day_month(start, e + 1, day);
                }
            }
            if let Some(day) = w.value.as_int().filter(|d| (1..=31).contains(d))
                && self.month_at(e, true).is_some()
            {
                return self.day_month(start, e, day);
            }
            let q = Quant {
                value: w.value,
                unit: Unit::Ordinal,
                scaled: false,
                start,
                end: e,
            };
            self.emit(q, start);
            return Some(e);
        }
        let q = Quant {
            value: w.value,
            unit: Unit::Count,
            scaled: false,
            start,
            end: e,
        };
        let q = self.suffix(q);
        if single && q.unit == Unit::Count && !q.scaled && q.end == e {
            let v = w.value.as_int().unwrap_or(0);
            let prev = if s > 0 { self.low(s - 1) } else { "" };
            if v == 1 || ((2..=9).contains(&v) && is_determiner(prev)) {
                return None;
            }
        }
        let end = q.end;
        self.emit(q, start);
        Some(end)
    }

    /// Day (already parsed, tokens `start..month_idx`) followed by a month at `month_idx`.
    fn day_month(&mut self, start: usize, month_idx: usize, day: i64) -> Option<usize> {
        let (month, _, mend) = self.month_at(month_idx, true)?;
        let mut d = DateVal {
            year: None,
            month: Some(month),
            day: Some(day as u8),
        };
        let mut end = mend;
        let mut y = mend;
        if self.low(y) == "," {
            y += 1;
        }
        if let Some(year) = self
            .plain_digits(y, 4..=4)
            .filter(|v| (1000..=2100).contains(v))
        {
            d.year = Some(year as i32);
            end = y + 1;
        }
        self.emit_date(d, start, end);
        Some(end)
    }

    /// Digits at `i`.
    /// A clock time at number token `i`: `21:45`, `9:30 am`, `10.30pm`, `3 p.m.`, `3pm`
    /// (hours and minutes in range; `am`/`pm` turn 12-hour times into 24-hour ones).
    fn at_time(&mut self, i: usize) -> Option<usize> {
        if self.multi
            && let Some(e) = self.at_time_h(i)
        {
            return Some(e);
        }
        let meridiem = |k: usize| match self.low(k) {
            "am" | "a.m." | "a.m" => Some(false),
            "pm" | "p.m." | "p.m" => Some(true),
            _ => None,
        };
        let text = self.num_text(i);
        let (h, m, mut e) = if let Some(h) = self.plain_digits(i, 1..=2)
            && self.low(i + 1) == ":"
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(m) = self.plain_digits(i + 2, 2..=2)
            && !(self.low(i + 3) == ":" && self.glued(i + 3))
        {
            (h, m, i + 3)
        } else if let Some((a, b)) = text.split_once('.')
            && (1..=2).contains(&a.len())
            && b.len() == 2
            && meridiem(i + 1).is_some()
        {
            (a.parse().ok()?, b.parse().ok()?, i + 1)
        } else if let Some(h) = self.plain_digits(i, 1..=2)
            && meridiem(i + 1).is_some()
        {
            (h, 0, i + 1)
        } else {
            return None;
        };
        let mut h = h;
        if let Some(pm) = meridiem(e) {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            e += 1;
        }
        self.emit_time(i, e, h, m)
    }

    /// Emits the time of day `h:m` spanning tokens `i..e` (as minutes since midnight); `None`
    /// for an impossible time.
    fn emit_time(&mut self, i: usize, e: usize, h: i64, m: i64) -> Option<usize> {
        if h > 23 || m > 59 {
            return None;
        }
        let approximate = self.approx_before(i);
        self.emit_val(
            NumVal {
                unit: Unit::Time,
                value: Dec::int(i128::from(h * 60 + m)),
                date: None,
                approximate,
            },
            i,
            e,
        );
        Some(e)
    }

    fn at_num(&mut self, i: usize) -> Option<usize> {
        if let Some(e) = self.at_time(i) {
            return Some(e);
        }
        // Slash compounds (9/11, 10/09/2023) are skipped.
        let sep = |k: usize| matches!(self.low(k), "/" | ":");
        let slash_before =
            i >= 2 && sep(i - 1) && self.glued(i) && self.glued(i - 1) && self.is_num(i - 2);
        let slash_after =
            sep(i + 1) && self.glued(i + 1) && self.glued(i + 2) && self.is_num(i + 2);
        if slash_before || slash_after {
            let mut e = i + 1;
            while sep(e) && self.glued(e) && self.glued(e + 1) && self.is_num(e + 1) {
                e += 2;
            }
            return Some(e);
        }
        if i > 0 && self.glued(i) && self.low(i - 1) == "." {
            return Some(i + 1); // ".5" or version numbers
        }
        // ISO date 2023-09-10
        if let Some(y) = self.plain_digits(i, 4..=4) {
            if self.low(i + 1) == "-"
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.low(i + 3) == "-"
                && self.glued(i + 3)
                && self.glued(i + 4)
                && let (Some(m), Some(d)) = (
                    self.plain_digits(i + 2, 2..=2),
                    self.plain_digits(i + 4, 2..=2),
                )
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                self.emit_date(
                    DateVal {
                        year: Some(y as i32),
                        month: Some(m as u8),
                        day: Some(d as u8),
                    },
                    i,
                    i + 5,
                );
                return Some(i + 5);
            }
            // Decade 1980s / 1980's
            if y % 10 == 0 {
                let e = if self.glued(i + 1) && self.low(i + 1) == "s" {
                    Some(i + 2)
                } else if self.glued(i + 1)
                    && matches!(self.low(i + 1), "'" | "’")
                    && self.glued(i + 2)
                    && self.low(i + 2) == "s"
                {
                    Some(i + 3)
                } else {
                    None
                };
                if let Some(e) = e {
                    let q = Quant {
                        value: Dec::int(i128::from(y)),
                        unit: Unit::Decade,
                        scaled: false,
                        start: i,
                        end: e,
                    };
                    self.emit(q, i);
                    return Some(e);
                }
            }
        }
        // Ordinals 3rd / 10th, and day-month dates.
        if self.glued(i + 1) && matches!(self.low(i + 1), "st" | "nd" | "rd" | "th") {
            let v = parse_dec(self.num_text(i))?;
            if let Some(day) = v.as_int().filter(|d| (1..=31).contains(d)) {
                if self.month_at(i + 2, true).is_some() {
                    return self.day_month(i, i + 2, day);
                }
                if self.low(i + 2) == "of" && self.month_at(i + 3, true).is_some() {
                    return self.day_month(i, i + 3, day);
                }
            }
            let q = Quant {
                value: v,
                unit: Unit::Ordinal,
                scaled: false,
                start: i,
                end: i + 2,
            };
            self.emit(q, i);
            return Some(i + 2);
        }
        if let Some(day) = self.plain_digits(i, 1..=2).filter(|d| (1..=31).contains(d))
            && self.month_at(i + 1, true).is_some()
            && !self.glued(i + 1)
        {
            return self.day_month(i, i + 1, day);
        }
        let a = self.quantity(i)?;
        // Ranges: 60–75, 60-75%, $5-10m, 2019-20
        let dash = self.low(a.end);
        let is_dash = matches!(dash, "–" | "—")
            || (dash == "-" && self.glued(a.end) && self.glued(a.end + 1));
        let mut b_start = a.end + 1;
        if currency_symbol(self.low(b_start)).is_some() {
            b_start += 1;
        }
        if is_dash
            && self.is_num(b_start)
            && let Some(mut b) = self.quantity(b_start)
        {
            let mut a = a;
            b.start = a.end + 1;
            if a.unit == Unit::Year
                && let (Some(av), Some(bv)) = (a.value.as_int(), self.plain_digits(b_start, 2..=2))
            {
                let cand = av / 100 * 100 + bv;
                if cand > av {
                    b.value = Dec::int(i128::from(cand));
                    b.unit = Unit::Year;
                }
            }
            if a.unit == Unit::Count && !a.scaled && b.unit != Unit::Count && b.unit != Unit::Year {
                a.unit = b.unit;
            }
            if !a.scaled && b.scaled {
                // the scale word follows the second bound: "5-10 million"
                if let Some(f) = self.scale_of(b_start, b.end) {
                    a.value = a.value.mul(f).unwrap_or(a.value);
                    a.scaled = true;
                }
            }
            if matches!(a.unit, Unit::Currency(_)) && b.unit == Unit::Count {
                b.unit = a.unit;
            }
            if a.unit == Unit::Year && b.unit == Unit::Count {
                b.unit = Unit::Year;
            }
            let approx = self.approx_before(a.start);
            let (ae, be) = (a.end, b.end);
            self.emit_quant_or_year(a, approx);
            self.emit_quant_or_year(b, approx);
            let _ = ae;
            return Some(be);
        }
        let approx = self.approx_before(a.start);
        let e = a.end;
        self.emit_quant_or_year(a, approx);
        Some(e)
    }

    fn emit_quant_or_year(&mut self, q: Quant, approximate: bool) {
        if q.unit == Unit::Year {
            let y = q.value.as_int().unwrap_or(0) as i32;
            let d = DateVal {
                year: Some(y),
                month: None,
                day: None,
            };
            self.emit_val(
                NumVal {
                    unit: Unit::Year,
                    value: q.value,
                    date: Some(d),
                    approximate,
                },
                q.start,
                q.end,
            );
        } else {
            self.emit_val(
                NumVal {
                    unit: q.unit,
                    value: q.value,
                    date: None,
                    approximate,
                },
                q.start,
                q.end,
            );
        }
    }

    /// Scale factor applied somewhere in tokens `s..e` (after the digits).
    fn scale_of(&self, s: usize, e: usize) -> Option<Dec> {
        if self.multi {
            return (s + 1..e).find_map(|k| self.scale_at(k).map(|(f, _)| f));
        }
        (s + 1..e).find_map(|k| {
            let w = self.low(k);
            match w {
                "k" if self.glued(k) => Some(Dec::int(1000)),
                "b" if self.glued(k) => Some(Dec::int(1_000_000_000)),
                _ => scale_word(w),
            }
        })
    }

    /// A digit quantity at `i` with currency prefix and suffixes; years recognised.
    fn quantity(&mut self, i: usize) -> Option<Quant> {
        let mut start = i;
        let mut unit = Unit::Count;
        // Currency prefix: $5, US$5, £ 5 (PTB), USD 5
        if i > 0 {
            if let Some(c) = currency_symbol(self.low(i - 1)) {
                start = i - 1;
                unit = Unit::Currency(c);
                if c == "usd"
                    && i > 1
                    && self.glued(i - 1)
                    && self.is_word(i - 2)
                    && let Some(c2) = dollar_prefix(self.low(i - 2))
                {
                    unit = Unit::Currency(c2);
                    start = i - 2;
                }
            } else if let Some(c) = currency_code(self.low(i - 1))
                && !self.glued(i)
            {
                start = i - 1;
                unit = Unit::Currency(c);
            }
        }
        // Digits (PTB "7 , 000" in tokenised text)
        let mut text = self.num_text(i).to_string();
        let mut end = i + 1;
        if self.tokenised
            && (1..=3).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_digit())
        {
            while self.low(end) == ","
                && self.num_text(end + 1).len() == 3
                && self.plain_digits(end + 1, 3..=3).is_some()
            {
                text.push(',');
                text.push_str(self.num_text(end + 1));
                end += 2;
            }
        }
        let value = parse_dec(&text)?;
        let plain4 = end == i + 1 && text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
        let q = Quant {
            value,
            unit,
            scaled: false,
            start,
            end,
        };
        let q = self.suffix(q);
        if plain4 && q.unit == Unit::Count && !q.scaled && q.end == end {
            let v = value.as_int().unwrap_or(0);
            let prev = if start > 0 { self.low(start - 1) } else { "" };
            if (1900..=2100).contains(&v) || ((1000..1900).contains(&v) && is_year_prep(prev)) {
                return Some(Quant {
                    unit: Unit::Year,
                    ..q
                });
            }
        }
        Some(q)
    }

    /// Scale words, percent, currency words and measure units after a number.
    fn suffix(&self, mut q: Quant) -> Quant {
        if self.multi {
            return self.suffix_multi(q);
        }
        let mut k = q.end;
        // glued suffix: 5bn, 5m, 5k, 50p, 5km, 5%
        if self.glued(k) && self.is_word(k) {
            let w = self.low(k);
            let money = matches!(q.unit, Unit::Currency(_));
            let f = match w {
                "k" => Some(Dec::int(1000)),
                "b" if money => Some(Dec::int(1_000_000_000)),
                _ => scale_word(w).filter(|_| w != "hundred" && w != "dozen"),
            };
            if let Some(f) = f {
                q.value = q.value.mul(f).unwrap_or(q.value);
                q.scaled = true;
                k += 1;
            } else if w == "p" && q.unit == Unit::Count {
                q.value = q.value.mul(Dec { mant: 1, exp: -2 }).unwrap_or(q.value);
                q.unit = Unit::Currency("gbp");
                q.end = k + 1;
                return q;
            } else if let Some(u) = measure_unit(w) {
                if q.unit == Unit::Count {
                    q.unit = Unit::Measure(u);
                    q.end = k + 1;
                    return q;
                }
            } else {
                // 60-year-old, glued unknown letters (identifier-like): stop
                q.end = k;
                return q;
            }
        }
        // 60-year-old
        if self.low(k) == "-" && self.glued(k) && self.glued(k + 1) && self.is_word(k + 1) {
            let head = self.low(k + 1).split('-').next().unwrap_or("").to_string();
            if let Some(u) = measure_unit(&head)
                && q.unit == Unit::Count
            {
                q.unit = Unit::Measure(u);
                q.end = k + 2;
                return q;
            }
        }
        // spaced scale words: 7 million, 2.5 bn, two dozen
        if !q.scaled
            && let Some(f) = scale_word(self.low(k)).filter(|_| self.is_word(k))
        {
            q.value = q.value.mul(f).unwrap_or(q.value);
            q.scaled = true;
            k += 1;
        }
        // percent
        match (self.low(k), self.low(k + 1)) {
            ("%", _) => {
                q.unit = Unit::Percent;
                q.end = k + 1;
                return q;
            }
            ("per", "cent") => {
                q.unit = Unit::Percent;
                q.end = k + 2;
                return q;
            }
            ("percent" | "pct", _) => {
                q.unit = Unit::Percent;
                q.end = k + 1;
                return q;
            }
            ("percentage", "point" | "points") => {
                q.unit = Unit::PercentPoint;
                q.end = k + 2;
                return q;
            }
            _ => {}
        }
        // currency words: 5 million dollars, US dollars
        let mut c = k;
        if matches!(self.low(c), "us" | "u.s." | "american")
            && self.low(c + 1).starts_with("dollar")
        {
            c += 1;
        }
        if let Some((code, e)) = currency_word(self.low(c)).filter(|_| self.is_word(c))
            && q.unit == Unit::Count
        {
            q.unit = Unit::Currency(code);
            if e != 0 {
                q.value = q.value.mul(Dec { mant: 1, exp: e }).unwrap_or(q.value);
            }
            q.end = c + 1;
            return q;
        }
        if let Some(u) = measure_unit(self.low(k)).filter(|_| self.is_word(k))
            && q.unit == Unit::Count
        {
            q.unit = Unit::Measure(u);
            q.end = k + 1;
            return q;
        }
        q.end = k;
        q
    }
}

// ---------------------------------------------------------------------------------------------
// Other languages

/// The `text2num` interpreter of a language code (built once).
fn interpreter(code: &str) -> Option<&'static text2num::Language> {
    macro_rules! cell {
        ($make:ident) => {{
            static CELL: OnceLock<text2num::Language> = OnceLock::new();
            Some(CELL.get_or_init(text2num::Language::$make))
        }};
    }
    match code {
        "da" => cell!(danish),
        "de" => cell!(german),
        "es" => cell!(spanish),
        "fr" => cell!(french),
        "it" => cell!(italian),
        "nl" => cell!(dutch),
        "pt" => cell!(portugese),
        _ => None,
    }
}

/// The longest number-word segment handed to `text2num` at once (in tokens).
const MAX_WORD_SEGMENT: usize = 16;

/// Number words outside English (`deux cent cinquante`, `zweihundert`, `veinticinco`), by
/// `text2num` in the profile's language: each run of words starting at a number word (a word
/// the interpreter accepts on its own) is read, up to [`MAX_WORD_SEGMENT`] tokens.
fn word_numbers_multi(toks: &Toks<'_>, lang: &text2num::Language) -> Vec<WordNum> {
    struct T2<'x> {
        text: &'x str,
        nan: bool,
    }
    impl text2num::Token for &T2<'_> {
        fn text(&self) -> Cow<'_, str> {
            Cow::Borrowed(self.text)
        }
        fn text_lowercase(&self) -> Cow<'_, str> {
            Cow::Borrowed(self.text)
        }
        fn not_a_number_part(&self) -> bool {
            self.nan
        }
    }
    let mut memo: Vec<Option<bool>> = vec![None; toks.distinct()];
    let mut is_nw = |k: usize| -> bool {
        let Some(t) = toks.get(k).filter(|t| t.kind == TokKind::Word) else {
            return false;
        };
        let id = toks.norm_id(t);
        *memo[id].get_or_insert_with(|| {
            let w: &str = toks.norm(t);
            let mut b = text2num::digit_string::DigitString::new();
            !w.contains('\'') && lang.apply(w, &mut b).is_ok()
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_nw(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len()
            && end - start < MAX_WORD_SEGMENT
            && !toks[end].line_start
            && (toks[end].kind == TokKind::Word || matches!(toks[end].text, "-" | ","))
        {
            end += 1;
        }
        let stream: Vec<T2<'_>> = toks[start..end]
            .iter()
            .map(|t| {
                let l: &str = toks.norm(t);
                T2 {
                    text: l,
                    nan: (t.kind == TokKind::Word && l.contains('\''))
                        || (t.kind == TokKind::Punct && !matches!(l, "," | "-")),
                }
            })
            .collect();
        for o in text2num::find_numbers(stream.iter(), lang, 0.0) {
            let digits = o.text.trim_end_matches(|c: char| !c.is_ascii_digit());
            let digits = digits.replace(',', ".");
            if let Some(value) = parse_dec(&digits)
                && o.end > o.start
                && start + o.end <= end
            {
                out.push(WordNum {
                    start: start + o.start,
                    end: start + o.end,
                    value,
                    ordinal: o.is_ordinal,
                });
            }
        }
        i = end;
    }
    out
}

/// Decimal `10^exp`.
fn pow10(exp: i32) -> Dec {
    Dec::new(1, exp).unwrap_or(Dec { mant: 1, exp: 0 })
}

/// Universal SI-style unit symbols after a number outside English.
fn measure_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "км" | "كم" | "公里" | "キロ" => "km",
        "m" | "м" => "metre",
        "cm" | "см" => "cm",
        "mm" | "мм" => "mm",
        "kg" | "кг" | "كغ" | "公斤" => "kg",
        "ha" | "га" => "hectare",
        "km²" | "km2" | "км²" => "km2",
        "m²" | "m2" | "м²" => "m2",
        "mph" => "mph",
        "°c" => "celsius",
        _ => return None,
    })
}

/// Postfix percent signs: ASCII, Arabic, full-width.
fn is_percent_sign(w: &str) -> bool {
    matches!(w, "%" | "٪" | "％")
}

impl Ctx<'_, '_> {
    /// Is token `k` directly after token `k - 1` and a word (for runs of characters of a
    /// script without spaces)?
    fn glued_word(&self, k: usize) -> bool {
        self.is_word(k) && self.glued(k)
    }

    /// The longest entry of `entries` (lowercase words, `(word, prefix, value)`) written at
    /// token `k`: a word (an elided article stripped: `d'euros`), a word starting with a
    /// `prefix` entry, two words for an entry with a space (`pour cent`), or, in a script
    /// without spaces, the characters of glued tokens (`欧元`, `ล้าน`). Returns the value
    /// and the token after the match.
    fn match_at<T: Copy>(
        &self,
        k: usize,
        entries: impl Iterator<Item = (&'static str, bool, T)> + Clone,
    ) -> Option<(T, usize)> {
        let t = self.toks.get(k)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let mut w: &str = self.low(k);
        for e in self.p.elisions {
            if let Some(rest) = w.strip_prefix(e).filter(|r| !r.is_empty()) {
                w = rest;
                break;
            }
        }
        let mut best: Option<(T, usize)> = None;
        let keep = |v: T, end: usize, best: &mut Option<(T, usize)>| {
            if best.is_none_or(|(_, e)| end > e) {
                *best = Some((v, end));
            }
        };
        for (entry, prefix, v) in entries.clone() {
            let entry = fold_word(entry);
            if let Some((a, b)) = entry.split_once(' ') {
                if w == a && self.is_word(k + 1) && self.low(k + 1) == b {
                    keep(v, k + 2, &mut best);
                }
            } else if w == entry || (prefix && w.starts_with(&*entry)) {
                keep(v, k + 1, &mut best);
            }
        }
        // glued characters of a script without spaces
        let longest = entries.clone().map(|(w, _, _)| w.len()).max().unwrap_or(0);
        if longest > t.text.len()
            && super::tokens::is_unspaced(t.text.chars().next().unwrap_or(' '))
        {
            let mut joined = String::from(self.low(k));
            let mut e = k + 1;
            while e - k < 8 && joined.len() <= longest {
                for (entry, _, v) in entries.clone() {
                    if joined == fold_word(entry) {
                        keep(v, e, &mut best);
                    }
                }
                if !self.glued_word(e) {
                    break;
                }
                joined.push_str(self.low(e));
                e += 1;
            }
        }
        best
    }

    /// A scale word of the language at token `k`: its factor and the token after it.
    fn scale_at(&self, k: usize) -> Option<(Dec, usize)> {
        self.match_at(k, self.p.scales.iter().map(|s| (s.word, s.prefix, s.exp)))
            .map(|(exp, e)| (pow10(exp), e))
    }

    /// A currency word of the language at token `k`.
    fn currency_at(&self, k: usize) -> Option<(&'static str, usize)> {
        self.match_at(
            k,
            self.p.currencies.iter().map(|c| (c.word, c.prefix, c.code)),
        )
    }

    /// A percent word of the language (or sign) at token `k`: the token after it.
    fn percent_at(&self, k: usize) -> Option<usize> {
        if is_percent_sign(self.low(k)) {
            return Some(k + 1);
        }
        self.match_at(k, self.p.percent.iter().map(|w| (*w, false, ())))
            .map(|(_, e)| e)
    }

    /// Scale words, percent, currency (words and postfix symbols: `5 €`) and unit symbols
    /// after a number outside English.
    fn suffix_multi(&self, mut q: Quant) -> Quant {
        let mut k = q.end;
        if let Some((f, e)) = self.scale_at(k) {
            q.value = q.value.mul(f).unwrap_or(q.value);
            q.scaled = true;
            k = e;
            // a larger scale word after it: `mil millones`, `mil milhões`
            if let Some((g, e2)) = self.scale_at(k)
                && g.to_f64() > f.to_f64()
            {
                q.value = q.value.mul(g).unwrap_or(q.value);
                k = e2;
            }
        } else if self.glued(k) && self.low(k) == "k" {
            q.value = q.value.mul(Dec::int(1000)).unwrap_or(q.value);
            q.scaled = true;
            k += 1;
        }
        if let Some(e) = self.percent_at(k) {
            q.unit = Unit::Percent;
            q.end = e;
            return q;
        }
        if q.unit == Unit::Count {
            // `2,5 millones de euros`, `2,5 milioni di euro`
            if q.scaled && matches!(self.low(k), "de" | "di") && self.currency_at(k + 1).is_some() {
                k += 1;
            }
            if let Some(code) = currency_symbol(self.low(k)) {
                q.unit = Unit::Currency(code);
                q.end = k + 1;
                return q;
            }
            if let Some((code, e)) = self.currency_at(k) {
                q.unit = Unit::Currency(code);
                q.end = e;
                return q;
            }
            if self.is_word(k)
                && let Some(code) = currency_code(self.low(k))
            {
                q.unit = Unit::Currency(code);
                q.end = k + 1;
                return q;
            }
            if self.is_word(k)
                && let Some(u) = measure_symbol(self.low(k))
            {
                q.unit = Unit::Measure(u);
                q.end = k + 1;
                return q;
            }
        }
        q.end = k;
        q
    }

    /// An approximation word of the language right before token `i` (`environ 250`,
    /// `plus de 250`, `约250`), or `~`, `≈`, `ca.`.
    fn approx_before_multi(&self, i: usize) -> bool {
        let w = |k: usize| -> &str { if k <= i && k > 0 { self.low(i - k) } else { "" } };
        if matches!(w(1), "~" | "≈" | "ca." | "c.") {
            return true;
        }
        // the words before `i`, as one string of glued characters in a script without spaces
        let mut joined = String::new();
        let mut glued_back = 0;
        while glued_back < 4 && i > glued_back {
            let k = i - glued_back - 1;
            if !self.is_word(k) {
                break;
            }
            joined.insert_str(0, self.low(k));
            glued_back += 1;
            if !self.glued(k) {
                break;
            }
        }
        self.p.approx.iter().any(|a| {
            let a = fold_word(a);
            match a.split_once(' ') {
                Some((x, y)) => w(2) == x && w(1) == y,
                None => w(1) == a || (glued_back > 1 && joined.ends_with(&*a)),
            }
        })
    }

    /// A vague quantity of the language at word `i` (`des milliers`, `тысячи`): listed, not
    /// scored.
    fn at_vague_multi(&mut self, i: usize) -> Option<usize> {
        let (_, e) = self.match_at(i, self.p.vague.iter().map(|w| (*w, false, ())))?;
        self.emit_vague(i, e);
        Some(e)
    }

    /// A percent word or sign before a number (Turkish `yüzde 25`, `%25`).
    fn at_percent_before(&mut self, i: usize) -> Option<usize> {
        let w = self.low(i);
        if !self.p.percent_before.iter().any(|p| fold_word(p) == w) || !self.is_num(i + 1) {
            return None;
        }
        if !self.is_word(i) && !self.glued(i + 1) {
            return None;
        }
        let mut q = self.quantity(i + 1)?;
        q.unit = Unit::Percent;
        q.start = i;
        let e = q.end;
        self.emit(q, i);
        Some(e)
    }

    /// French-style clock times: `21h45`, `21h`, `21 h 45`.
    fn at_time_h(&mut self, i: usize) -> Option<usize> {
        let h = self.plain_digits(i, 1..=2)?;
        let next = self.low(i + 1);
        let (m, e) = if let Some(rest) = next.strip_prefix('h')
            && self.is_word(i + 1)
            && (rest.is_empty() || (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit())))
        {
            if rest.is_empty() {
                match self.plain_digits(i + 2, 2..=2) {
                    Some(m) if self.glued(i + 2) || !self.glued(i + 1) => (m, i + 3),
                    _ if self.glued(i + 1) => (0, i + 2),
                    _ => return None,
                }
            } else {
                (rest.parse().ok()?, i + 2)
            }
        } else {
            return None;
        };
        self.emit_time(i, e, h, m)
    }

    /// A number in words outside English: a lone `un`/`ein`/`uno` (value 1, an article) and
    /// a lone first ordinal are skipped; a lone French `neuf` after `un`/`le`/`du`/`l'` and a
    /// word is the adjective (`un bâtiment neuf`), as `text2num` reads it.
    fn at_word_number_multi(&mut self, w: &WordNum) -> Option<usize> {
        let (s, e) = (w.start, w.end);
        if (s..e).any(|k| self.consumed.get(k).copied().unwrap_or(true)) {
            return None;
        }
        let single = e == s + 1;
        let v = w.value.as_int();
        if single && v == Some(1) {
            return None;
        }
        if single
            && self.p.code == "fr"
            && self.low(s) == "neuf"
            && s >= 2
            && matches!(self.low(s - 2), "un" | "le" | "du" | "l'" | "une" | "la")
        {
            return None;
        }
        if w.ordinal {
            let q = Quant {
                value: w.value,
                unit: Unit::Ordinal,
                scaled: false,
                start: s,
                end: e,
            };
            self.emit(q, s);
            return Some(e);
        }
        let q = Quant {
            value: w.value,
            unit: Unit::Count,
            scaled: false,
            start: s,
            end: e,
        };
        let q = self.suffix_multi(q);
        let end = q.end;
        self.emit(q, s);
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Facts, extract as extract_all};
    use crate::text::words;

    /// The month table as written here before the shared lists of `text::words`:
    /// (word, month, abbreviated).
    const OLD_MONTHS: &[(&str, u8, bool)] = &[
        ("january", 1, false),
        ("february", 2, false),
        ("march", 3, false),
        ("april", 4, false),
        ("may", 5, false),
        ("june", 6, false),
        ("july", 7, false),
        ("august", 8, false),
        ("september", 9, false),
        ("october", 10, false),
        ("november", 11, false),
        ("december", 12, false),
        ("jan", 1, true),
        ("feb", 2, true),
        ("mar", 3, true),
        ("apr", 4, true),
        ("jun", 6, true),
        ("jul", 7, true),
        ("aug", 8, true),
        ("sep", 9, true),
        ("sept", 9, true),
        ("oct", 10, true),
        ("nov", 11, true),
        ("dec", 12, true),
    ];

    #[test]
    fn month_words_are_the_old_table() {
        let universe = words::listed_words()
            .into_iter()
            .chain(OLD_MONTHS.iter().map(|&(w, _, _)| w));
        for w in universe {
            let old = OLD_MONTHS
                .iter()
                .find(|&&(o, _, _)| o == w)
                .map(|&(_, m, a)| (m, a));
            assert_eq!(words::month(w), old, "{w}");
        }
    }

    fn keys(text: &str) -> Vec<String> {
        let f: Facts = extract_all(text);
        f.numbers.iter().map(|n| n.key.clone()).collect()
    }
    fn has(text: &str, key: &str) -> bool {
        keys(text).iter().any(|k| k == key)
    }
    fn vague(text: &str) -> Vec<String> {
        extract_all(text)
            .vague
            .iter()
            .map(|n| n.key.clone())
            .collect()
    }
    fn approx(text: &str) -> Vec<bool> {
        extract_all(text)
            .numbers
            .iter()
            .map(|n| n.approximate)
            .collect()
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(keys("shipped 7,000 containers"), vec!["7000|count"]);
        assert_eq!(keys("a total of 1,234,567 votes"), vec!["1234567|count"]);
        assert!(has("7\u{202f}000 troops", "7000|count"));
        assert!(!has("shipped 7,000 containers", "7|count"));
        assert!(!has("shipped 7,500 containers", "7000|count"));
    }

    #[test]
    fn clock_times() {
        assert_eq!(keys("on monday at about 21:45"), vec!["21:45|time"]);
        assert_eq!(
            keys("at 9:30 am and 10.30pm"),
            vec!["09:30|time", "22:30|time"]
        );
        assert_eq!(
            keys("by 3 p.m. or 3pm, noon is 12 pm, midnight 12 am"),
            vec!["15:00|time", "15:00|time", "12:00|time", "00:00|time"]
        );
        // out of range, or seconds: not a time
        assert!(!keys("a 25:70 ratio").iter().any(|k| k.ends_with("|time")));
        assert!(!keys("at 10:30:15").iter().any(|k| k.ends_with("|time")));
        assert!(!keys("13 pm").iter().any(|k| k.ends_with("|time")));
    }

    #[test]
    fn decimals() {
        assert_eq!(keys("grew 3.5 times"), vec!["3.5|count"]);
        assert_eq!(keys("grew 3.50 times"), vec!["3.5|count"]);
        assert!(!has("grew 3.05 times", "3.5|count"));
    }

    #[test]
    fn percentages() {
        assert_eq!(keys("up 3.5%"), vec!["3.5|percent"]);
        assert_eq!(keys("up 3.5 per cent"), vec!["3.5|percent"]);
        assert_eq!(keys("up 3.5 percent"), vec!["3.5|percent"]);
        assert_eq!(keys("up 2 percentage points"), vec!["2|pp"]);
        assert_eq!(keys("fifty per cent"), vec!["50|percent"]);
        assert!(!has("up 3.5 times", "3.5|percent"));
    }

    #[test]
    fn currency() {
        assert_eq!(keys("cost $5"), vec!["5|usd"]);
        assert_eq!(keys("cost £5.50"), vec!["5.5|gbp"]);
        assert_eq!(keys("cost €12"), vec!["12|eur"]);
        assert_eq!(keys("cost 5 dollars"), vec!["5|usd"]);
        assert_eq!(keys("cost US$5"), vec!["5|usd"]);
        assert_eq!(keys("cost 5 million euros"), vec!["5000000|eur"]);
        assert_eq!(keys("cost 50 cents"), vec!["0.5|usd"]);
        assert_eq!(keys("cost A$5"), vec!["5|aud"]);
        assert!(!has("cost £5", "5|usd"));
        assert!(!has("cost 5 apples", "5|usd"));
    }

    #[test]
    fn scale_words() {
        assert_eq!(keys("$2.3 million"), vec!["2300000|usd"]);
        assert_eq!(keys("$2.3m"), vec!["2300000|usd"]);
        assert_eq!(keys("£1.5bn"), vec!["1500000000|gbp"]);
        assert_eq!(keys("£1.5 bn"), vec!["1500000000|gbp"]);
        assert_eq!(keys("a $50k salary"), vec!["50000|usd"]);
        assert_eq!(keys("7 million people"), vec!["7000000|count"]);
        assert_eq!(keys("$2 trillion"), vec!["2000000000000|usd"]);
        assert!(!has("$2.3 million", "2.3|usd"));
        assert!(!has("$2.3 million", "2300000|count"));
    }

    #[test]
    fn number_words() {
        assert_eq!(keys("seven thousand containers"), vec!["7000|count"]);
        assert_eq!(keys("twenty-five people"), vec!["25|count"]);
        assert_eq!(keys("a dozen eggs"), vec!["12|count"]);
        assert_eq!(keys("two dozen eggs"), vec!["24|count"]);
        assert_eq!(keys("a hundred men"), vec!["100|count"]);
        assert_eq!(
            keys("three point five million dollars"),
            vec!["3500000|usd"]
        );
        assert_eq!(keys("one hundred and five"), vec!["105|count"]);
        assert_eq!(keys("seven killed"), vec!["7|count"]);
        // no match: isolated "one", determiner + small number
        assert!(keys("one of the few countries").is_empty());
        assert!(keys("the two countries").is_empty());
        assert!(!has("seven thousand containers", "7|count"));
    }

    #[test]
    fn ordinals() {
        assert_eq!(keys("his third meeting"), vec!["3|ordinal"]);
        assert_eq!(keys("his 3rd meeting"), vec!["3|ordinal"]);
        assert_eq!(keys("a second spy satellite"), vec!["2|ordinal"]);
        assert_eq!(keys("the twenty-first century"), vec!["21|ordinal"]);
        assert!(keys("wait a second.").is_empty());
        assert!(keys("First, we ate").is_empty());
        assert!(!has("his third meeting", "3|count"));
        assert!(!has("three meetings", "3|ordinal"));
    }

    #[test]
    fn years_and_dates() {
        assert_eq!(keys("in 2019"), vec!["2019|year"]);
        assert_eq!(keys("in April 2019"), vec!["2019-04|date"]);
        assert_eq!(keys("on Sept. 10, 2023"), vec!["2023-09-10|date"]);
        assert_eq!(keys("on September 10, 2023"), vec!["2023-09-10|date"]);
        assert_eq!(keys("on 10 September 2023"), vec!["2023-09-10|date"]);
        assert_eq!(keys("on 10th September 2023"), vec!["2023-09-10|date"]);
        assert_eq!(keys("on the 10th of September"), vec!["--09-10|date"]);
        assert_eq!(keys("on 2023-09-10"), vec!["2023-09-10|date"]);
        assert_eq!(keys("in March"), vec!["--03|date"]);
        assert_eq!(keys("in late May"), vec!["--05|date"]);
        assert_eq!(keys("since September"), vec!["--09|date"]);
        // non-matches
        assert!(keys("it may rain").is_empty());
        assert!(keys("Theresa May said").is_empty());
        assert!(keys("they march on").is_empty());
        assert!(!has("on Sept. 10, 2023", "2023|year"));
        assert!(!has("in 2019", "2019|count"));
        assert_eq!(keys("1,500 soldiers"), vec!["1500|count"]);
        assert_eq!(keys("1500 soldiers"), vec!["1500|count"]);
        assert_eq!(keys("in 1500"), vec!["1500|year"]);
    }

    #[test]
    fn decades() {
        assert_eq!(keys("in the 1980s"), vec!["1980|decade"]);
        assert_eq!(keys("in the 1980’s"), vec!["1980|decade"]);
        assert_eq!(keys("in the ’80s"), vec!["1980|decade"]);
        assert!(!has("in the 1980s", "1980|year"));
        assert!(!has("in 1980", "1980|decade"));
    }

    #[test]
    fn ranges() {
        assert_eq!(keys("aged 60–75"), vec!["60|count", "75|count"]);
        assert_eq!(keys("aged 60-75"), vec!["60|count", "75|count"]);
        assert_eq!(keys("60-75%"), vec!["60|percent", "75|percent"]);
        assert_eq!(keys("$5-10 million"), vec!["5000000|usd", "10000000|usd"]);
        assert_eq!(keys("in 2019-20"), vec!["2019|year", "2020|year"]);
        assert!(!has("aged 60-75", "-75|count"));
        assert!(!has("aged 60-75", "6075|count"));
    }

    #[test]
    fn approximations_and_vague() {
        assert_eq!(approx("about 7,000 containers"), vec![true]);
        assert_eq!(approx("more than 9,000 containers"), vec![true]);
        assert_eq!(approx("nearly 40%"), vec![true]);
        assert_eq!(approx("exactly 7,000 containers"), vec![false]);
        assert_eq!(keys("about 7,000 containers"), vec!["7000|count"]);
        assert!(keys("thousands of containers").is_empty());
        assert_eq!(vague("thousands of containers"), vec!["thousands|vague"]);
        assert_eq!(
            vague("hundreds of thousands of people"),
            vec!["hundreds of thousands|vague"]
        );
        assert_eq!(
            vague("tens of thousands of people"),
            vec!["tens of thousands|vague"]
        );
        assert_eq!(
            vague("several thousand people"),
            vec!["several thousand|vague"]
        );
        assert!(keys("several thousand people").is_empty());
        assert!(vague("7,000 containers").is_empty());
    }

    #[test]
    fn identifiers_and_tokenised() {
        assert!(keys("the G7 and COVID-19 and F-16 jets").is_empty());
        assert!(keys("since 9/11").is_empty());
        assert_eq!(keys("at 10:30 sharp"), vec!["10:30|time"]);
        // PTB-tokenised text: "7 , 000" is one number
        assert_eq!(
            keys("he said , `` about 7 , 000 '' , and -lrb- cnn -rrb- , ok"),
            vec!["7000|count"]
        );
        // ordinary text: two numbers
        assert_eq!(
            keys("scores were 7, 100 and 3"),
            vec!["7|count", "100|count", "3|count"]
        );
        assert_eq!(keys("obama won 52 % of the vote"), vec!["52|percent"]);
        assert_eq!(keys("it cost $ 5 million"), vec!["5000000|usd"]);
    }

    #[test]
    fn matching_relations() {
        use super::{compatible, implies};
        let one = |t: &str| match &extract_all(t).numbers[0].detail {
            super::super::Detail::Number(v) => v.clone(),
            _ => unreachable!(),
        };
        assert!(implies(&one("in April 2019"), &one("in 2019")));
        assert!(implies(&one("on Sept. 10, 2023"), &one("in 2023")));
        assert!(implies(
            &one("on Sept. 10, 2023"),
            &one("in September 2023")
        ));
        assert!(!implies(&one("in 2023"), &one("on Sept. 10, 2023")));
        assert!(!implies(
            &one("on Sept. 10, 2023"),
            &one("on Sept. 11, 2023")
        ));
        assert!(implies(&one("his third term"), &one("his 3rd term")));
        assert!(!implies(&one("in 2019"), &one("in April 2019")));
        assert!(compatible(&one("in 2019"), &one("in April 2019")));
        assert!(implies(&one("7,012 people"), &one("7,000 people")));
        assert!(!implies(&one("7,400 people"), &one("7,000 people")));
        assert!(implies(&one("7,400 people"), &one("about 7,000 people")));
        assert!(!implies(&one("9,000 people"), &one("10,000 people")));
        assert!(implies(&one("in 1985"), &one("the 1980s")));
        assert!(!implies(&one("in 1980"), &one("in 1981")));
        assert!(implies(&one("2.34 million"), &one("2.3 million")));
        assert!(!implies(&one("45%"), &one("46%")));
    }
}

//! Language profiles for fact extraction beyond English ([`FactDoc::with_lang`]).
//!
//! A [`Profile`] says, for one language (ISO 639-1 code), what the fact extractors need to
//! know about its writing:
//!
//! * **numbers** — its decimal separator ([`Profile::decimal`]: a comma for French, German,
//!   Russian, Turkish …, a point for English, Chinese, Hindi, Thai …) and its group
//!   separators ([`Profile::groups`]: `.`, the no-break spaces U+00A0 and U+202F, the thin
//!   space, `'`), the Indian grouping `25,00,000` ([`Profile::indian_grouping`]), the scale words
//!   that multiply a number written in digits (`2,5 millions`, `2,5 Millionen`,
//!   `2,5 миллиона`, `250万`, `25 लाख`: [`Profile::scales`]), the currency words and percent
//!   words after a number, the approximation words before one (`environ`, `около`, `约`),
//!   the vague quantities (`des milliers`, `тысячи`) and whether `text2num` reads its number
//!   words ([`Profile::number_words`]: da, de, en, es, fr, it, nl, pt). Digits of every
//!   script (Unicode category Nd: `٢٥٠`, `۲۵۰`, `२५०`, `২৫০`, `๒๕๐`, `၂၅၀`, `２５０` …) are read
//!   in every language but English, whose path is the historical one;
//! * **names** — whether its script is cased ([`Script::is_cased`]: Latin, Cyrillic, Greek,
//!   Armenian) and whether capitals mark names in it ([`Profile::capitals_mark_names`]: not in
//!   German or Luxembourgish, which capitalise every noun). Where they do not, names are not
//!   measured ([`Profile::unmeasured`], [`unmeasured`]);
//! * **quotes** — its quotation marks ([`Profile::quotes`]), which decide the direction of the
//!   marks that open in one language and close in another (`»` opens in German and Danish,
//!   closes in French; `“` closes a German `„`; `”` opens and closes in Swedish and Finnish);
//! * **words** — whether its script is written without spaces between words
//!   ([`Script::is_spaced`]: not Chinese, Japanese, Thai, Lao, Khmer, Burmese), where each
//!   character is then a word of its own for quote matching.
//!
//! [`profile`] finds a language's profile by code (`fr`, `FR`, `fr-CA`, `pt_BR`, `nb`);
//! an unknown code gets [`GENERIC`], which reads numbers of every script with a decimal point
//! and does not measure names.
//!
//! [`FactDoc::with_lang`]: super::FactDoc::with_lang

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::FactKind;

/// A writing system, as far as fact extraction is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Greek letters.
    Greek,
    /// Armenian letters.
    Armenian,
    /// Georgian (Mkhedruli, caseless in running text).
    Georgian,
    /// Arabic script (Arabic, Persian, Urdu).
    Arabic,
    /// Hebrew script (Hebrew, Yiddish).
    Hebrew,
    /// Ethiopic (Amharic).
    Ethiopic,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Bengali script.
    Bengali,
    /// Gurmukhi (Punjabi).
    Gurmukhi,
    /// Gujarati script.
    Gujarati,
    /// Oriya script.
    Oriya,
    /// Tamil script.
    Tamil,
    /// Telugu script.
    Telugu,
    /// Kannada script.
    Kannada,
    /// Malayalam script.
    Malayalam,
    /// Sinhala script.
    Sinhala,
    /// Thai script (no spaces between words).
    Thai,
    /// Lao script (no spaces between words).
    Lao,
    /// Khmer script (no spaces between words).
    Khmer,
    /// Myanmar script (no spaces between words).
    Myanmar,
    /// Chinese characters (no spaces between words).
    Han,
    /// Japanese: kanji and kana (no spaces between words).
    Japanese,
    /// Hangul (Korean, written with spaces).
    Hangul,
    /// Not known ([`GENERIC`]).
    Unknown,
}

impl Script {
    /// Does the script have upper- and lowercase letters?
    pub fn is_cased(self) -> bool {
        matches!(
            self,
            Script::Latin | Script::Cyrillic | Script::Greek | Script::Armenian
        )
    }

    /// Is the script written with spaces between words? (Not Thai, Lao, Khmer, Burmese,
    /// Chinese or Japanese.)
    pub fn is_spaced(self) -> bool {
        !matches!(
            self,
            Script::Thai
                | Script::Lao
                | Script::Khmer
                | Script::Myanmar
                | Script::Han
                | Script::Japanese
        )
    }
}

/// A word that follows a number and multiplies it by `10^exp` (`millions`, `Mrd`, `万`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// The word, lowercase.
    pub word: &'static str,
    /// The power of ten it multiplies by.
    pub exp: i32,
    /// Any word that starts with `word` counts (inflected forms: `миллиона`, `миллионов`).
    pub prefix: bool,
}

/// A currency word that follows a number (`euros`, `рублей`, `元`), or a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// The word, lowercase.
    pub word: &'static str,
    /// Its ISO 4217 code, lowercase (the unit of the number's key: `5|eur`).
    pub code: &'static str,
    /// Any word that starts with `word` counts.
    pub prefix: bool,
}

const fn s(word: &'static str, exp: i32) -> Scale {
    Scale {
        word,
        exp,
        prefix: false,
    }
}

const fn sp(word: &'static str, exp: i32) -> Scale {
    Scale {
        word,
        exp,
        prefix: true,
    }
}

const fn c(word: &'static str, code: &'static str) -> Currency {
    Currency {
        word,
        code,
        prefix: false,
    }
}

const fn cp(word: &'static str, code: &'static str) -> Currency {
    Currency {
        word,
        code,
        prefix: true,
    }
}

/// What fact extraction needs to know about one language. See the [module docs](self).
#[derive(Debug)]
pub struct Profile {
    /// ISO 639-1 code (`und` for [`GENERIC`]).
    pub code: &'static str,
    /// English name of the language.
    pub name: &'static str,
    /// The script it is usually written in.
    pub script: Script,
    /// Decimal separator: `,` or `.` (Arabic-script `٫` is read as a decimal point in any
    /// language, `٬` as a group separator).
    pub decimal: char,
    /// Group (thousands) separators besides the no-break and thin spaces, which every
    /// language accepts before exactly three digits: `,` where the decimal is a point,
    /// `.` where it is a comma, `'` for Swiss usage, a plain space where the language groups
    /// with spaces (French, Russian, Polish …: `1 500`, after a first group of one to three
    /// digits).
    pub groups: &'static [char],
    /// Digits are grouped the Indian way, `25,00,000` (lakh, crore).
    pub indian_grouping: bool,
    /// Capitalised words mark names (not in German, which capitalises every noun; a caseless
    /// script never does).
    pub capitals_mark_names: bool,
    /// The `text2num` language that reads its number words (`deux cent cinquante`).
    pub number_words: Option<&'static str>,
    /// Its quotation marks, `(open, close)`, the main pair first. Quotes in marks of other
    /// languages are found too; these pairs settle the marks whose direction differs.
    pub quotes: &'static [(char, char)],
    /// The `stop-words` crate's list (NLTK) for the language, if it has one: words that never
    /// begin a name at a sentence start.
    pub stop_words: Option<&'static str>,
    /// Words besides the stop words that never begin a name at a sentence start
    /// (prepositions and adverbs missing from the list: `selon`, `según`).
    pub starters: &'static [&'static str],
    /// Scale words after a number.
    pub scales: &'static [Scale],
    /// Currency words after a number (symbols such as `€`, `$`, `₽` are known everywhere).
    pub currencies: &'static [Currency],
    /// Percent words after a number (`pour cent`, `Prozent`, `процентов`; a space separates
    /// two words). `%`, `٪` and `％` are known everywhere.
    pub percent: &'static [&'static str],
    /// Percent words before a number (Turkish `yüzde 25`, `%25`).
    pub percent_before: &'static [&'static str],
    /// Approximation words before a number (`environ`, `plus de`, `около`, `约`).
    pub approx: &'static [&'static str],
    /// Vague quantities, never scored (`milliers`, `тысячи`).
    pub vague: &'static [&'static str],
    /// Elided articles glued to the next word by an apostrophe (`d'euros`, `l'`), stripped
    /// before a word after a number is looked up.
    pub elisions: &'static [&'static str],
    /// Suffixes follow proper names after an apostrophe (Turkish `Ankara'da`): a word's base
    /// form ends at its first apostrophe.
    pub apostrophe_suffixes: bool,
}

impl Profile {
    /// Is this the English profile (the historical code path)?
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }

    /// Are names measured in this language (a cased script whose capitals mark names)?
    pub fn names_measured(&self) -> bool {
        self.script.is_cased() && self.capitals_mark_names
    }

    /// The fact categories not measured in this language (`[Name]` or nothing).
    pub fn unmeasured(&self) -> &'static [FactKind] {
        if self.names_measured() {
            &[]
        } else {
            &[FactKind::Name]
        }
    }

    /// Why `kind` is not measured in this language (`None` when it is).
    pub fn unmeasured_reason(&self, kind: FactKind) -> Option<&'static str> {
        if kind != FactKind::Name || self.names_measured() {
            return None;
        }
        Some(if self.script == Script::Unknown {
            "unknown language"
        } else if !self.script.is_cased() {
            "caseless script"
        } else {
            "capitals mark every noun"
        })
    }

    /// Words are separated by spaces (see [`Script::is_spaced`]).
    pub fn is_spaced(&self) -> bool {
        self.script.is_spaced()
    }

    /// The language's stop words (lowercase), if the `stop-words` crate has a list for it.
    pub(crate) fn stop_set(&self) -> Option<&'static FxHashSet<&'static str>> {
        let code = self.stop_words?;
        static SETS: OnceLock<Vec<(&'static str, FxHashSet<&'static str>)>> = OnceLock::new();
        let sets = SETS.get_or_init(|| {
            let mut codes: Vec<&'static str> =
                PROFILES.iter().filter_map(|p| p.stop_words).collect();
            codes.sort_unstable();
            codes.dedup();
            codes
                .into_iter()
                .filter_map(|c| {
                    let words = stop_words::lookup(c)?;
                    Some((c, words.iter().copied().collect()))
                })
                .collect()
        });
        sets.iter().find(|(c, _)| *c == code).map(|(_, s)| s)
    }
}

const NO_SCALES: &[Scale] = &[];
/// Groups of a decimal-comma language that also groups with plain spaces (`1 500`).
const SPACE_GROUPS: &[char] = &['.', ' '];
const NO_CURRENCIES: &[Currency] = &[];
const NO_WORDS: &[&str] = &[];

/// The English profile: [`FactDoc::new`](super::FactDoc::new)'s language, read by the
/// historical English rules (its lists below only describe them).
pub const ENGLISH: Profile = Profile {
    code: "en",
    name: "English",
    script: Script::Latin,
    decimal: '.',
    groups: &[','],
    indian_grouping: false,
    capitals_mark_names: true,
    number_words: Some("en"),
    quotes: &[('“', '”'), ('‘', '’'), ('"', '"')],
    stop_words: Some("en"),
    starters: NO_WORDS,
    scales: NO_SCALES,
    currencies: NO_CURRENCIES,
    percent: NO_WORDS,
    percent_before: NO_WORDS,
    approx: NO_WORDS,
    vague: NO_WORDS,
    elisions: NO_WORDS,
    apostrophe_suffixes: false,
};

/// The profile of an unknown language: digits of every script with a decimal point, the
/// quotation marks of every language, names not measured.
pub const GENERIC: Profile = Profile {
    code: "und",
    name: "unknown language",
    script: Script::Unknown,
    decimal: '.',
    groups: &[','],
    indian_grouping: false,
    capitals_mark_names: false,
    number_words: None,
    quotes: &[
        ('“', '”'),
        ('«', '»'),
        ('„', '“'),
        ('‘', '’'),
        ('「', '」'),
        ('『', '』'),
    ],
    stop_words: None,
    starters: NO_WORDS,
    scales: NO_SCALES,
    currencies: NO_CURRENCIES,
    percent: NO_WORDS,
    percent_before: NO_WORDS,
    approx: NO_WORDS,
    vague: NO_WORDS,
    elisions: NO_WORDS,
    apostrophe_suffixes: false,
};

/// Latin script, decimal comma, `.` groups: the base of most European profiles.
const COMMA_LATIN: Profile = Profile {
    code: "",
    name: "",
    script: Script::Latin,
    decimal: ',',
    groups: &['.', '\''],
    indian_grouping: false,
    capitals_mark_names: true,
    number_words: None,
    quotes: &[('“', '”'), ('«', '»')],
    stop_words: None,
    starters: NO_WORDS,
    scales: NO_SCALES,
    currencies: EURO,
    percent: NO_WORDS,
    percent_before: NO_WORDS,
    approx: NO_WORDS,
    vague: NO_WORDS,
    elisions: NO_WORDS,
    apostrophe_suffixes: false,
};

/// Latin script, decimal point, `,` groups.
const POINT_LATIN: Profile = Profile {
    groups: &[','],
    decimal: '.',
    currencies: NO_CURRENCIES,
    ..COMMA_LATIN
};

/// A caseless script with a decimal point and `,` groups.
const POINT_CASELESS: Profile = Profile {
    script: Script::Unknown,
    capitals_mark_names: false,
    quotes: &[('“', '”'), ('‘', '’')],
    ..POINT_LATIN
};

const EURO: &[Currency] = &[c("euro", "eur"), c("euros", "eur"), c("eur", "eur")];

/// Indian scale words shared by the Devanagari profiles.
const HINDI_SCALES: &[Scale] = &[
    // with the nukta letters precomposed (U+095B, U+095C) and decomposed
    s("ह\u{095B}ार", 3),
    s("ह\u{091C}\u{093C}ार", 3),
    s("हजार", 3),
    s("लाख", 5),
    s("करो\u{095C}", 7),
    s("करो\u{0921}\u{093C}", 7),
    s("करोड", 7),
    s("अरब", 9),
    s("मिलियन", 6),
    s("बिलियन", 9),
];

const CYRILLIC_QUOTES: &[(char, char)] = &[('«', '»'), ('„', '“')];
const LOW_HIGH: &[(char, char)] = &[('„', '“'), ('‚', '‘'), ('»', '«')];

/// The profiles, by code.
pub const PROFILES: &[Profile] = &[
    ENGLISH,
    Profile {
        code: "fr",
        name: "French",
        groups: &['.', ' ', '\''],
        number_words: Some("fr"),
        quotes: &[('«', '»'), ('“', '”'), ('‹', '›')],
        stop_words: Some("fr"),
        starters: &[
            "selon",
            "après",
            "avant",
            "depuis",
            "pendant",
            "malgré",
            "lors",
            "parmi",
            "hier",
            "aujourd'hui",
            "demain",
            "ainsi",
            "alors",
            "cependant",
            "pourtant",
            "enfin",
            "puis",
            "ensuite",
            "désormais",
            "outre",
            "dès",
            "vers",
            "chez",
            "sans",
            "sous",
            "entre",
            "contre",
            "jusqu'à",
            "quand",
            "lorsque",
            "si",
            "comme",
        ],
        scales: &[
            s("mille", 3),
            s("million", 6),
            s("millions", 6),
            s("milliard", 9),
            s("milliards", 9),
            s("billion", 12),
            s("billions", 12),
            s("md", 9),
            s("mds", 9),
        ],
        currencies: &[
            c("euro", "eur"),
            c("euros", "eur"),
            c("eur", "eur"),
            c("dollar", "usd"),
            c("dollars", "usd"),
            c("yen", "jpy"),
            c("yuan", "cny"),
            c("rouble", "rub"),
            c("roubles", "rub"),
            c("livre sterling", "gbp"),
            c("livres sterling", "gbp"),
            c("franc suisse", "chf"),
            c("francs suisses", "chf"),
        ],
        percent: &["pour cent", "pourcent", "pour-cent"],
        approx: &[
            "environ",
            "près de",
            "plus de",
            "moins de",
            "presque",
            "quelque",
            "quelques",
            "jusqu'à",
            "au moins",
            "au plus",
            "approximativement",
            "autour de",
        ],
        vague: &[
            "milliers",
            "centaines",
            "dizaines",
            "millions",
            "milliards",
            "douzaines",
        ],
        elisions: &["d'", "l'"],
        ..COMMA_LATIN
    },
    Profile {
        code: "de",
        name: "German",
        capitals_mark_names: false,
        number_words: Some("de"),
        quotes: &[('„', '“'), ('»', '«'), ('‚', '‘'), ('“', '”'), ('«', '»')],
        stop_words: Some("de"),
        scales: &[
            s("tausend", 3),
            s("tsd", 3),
            s("million", 6),
            s("millionen", 6),
            s("mio", 6),
            s("milliarde", 9),
            s("milliarden", 9),
            s("mrd", 9),
            s("billion", 12),
            s("billionen", 12),
            s("bio", 12),
        ],
        currencies: &[
            c("euro", "eur"),
            c("eur", "eur"),
            c("dollar", "usd"),
            c("us-dollar", "usd"),
            c("pfund", "gbp"),
            c("franken", "chf"),
            c("fr", "chf"),
            c("rubel", "rub"),
            c("yen", "jpy"),
            c("yuan", "cny"),
        ],
        percent: &["prozent", "proz"],
        approx: &[
            "etwa",
            "rund",
            "ungefähr",
            "knapp",
            "fast",
            "beinahe",
            "über",
            "mehr als",
            "weniger als",
            "mindestens",
            "höchstens",
            "bis zu",
            "circa",
            "ca",
            "zirka",
            "gut",
        ],
        vague: &[
            "tausende",
            "hunderte",
            "dutzende",
            "zehntausende",
            "hunderttausende",
            "millionen",
            "milliarden",
        ],
        ..COMMA_LATIN
    },
    Profile {
        code: "es",
        name: "Spanish",
        number_words: Some("es"),
        quotes: &[('«', '»'), ('“', '”'), ('‘', '’')],
        stop_words: Some("es"),
        starters: &[
            "según", "tras", "durante", "desde", "hasta", "ayer", "hoy", "mañana", "mientras",
            "además", "sin", "entre", "hacia", "ante", "bajo", "cuando", "así",
        ],
        scales: &[
            s("mil", 3),
            s("millón", 6),
            s("millones", 6),
            s("millon", 6),
            s("millardo", 9),
            s("millardos", 9),
            s("billón", 12),
            s("billones", 12),
        ],
        currencies: &[
            c("euro", "eur"),
            c("euros", "eur"),
            c("dólar", "usd"),
            c("dólares", "usd"),
            c("libras", "gbp"),
        ],
        percent: &["por ciento", "porciento"],
        approx: &[
            "unos",
            "unas",
            "casi",
            "cerca de",
            "más de",
            "menos de",
            "alrededor de",
            "aproximadamente",
            "hasta",
            "al menos",
        ],
        vague: &[
            "miles",
            "cientos",
            "centenares",
            "decenas",
            "millones",
            "docenas",
        ],
        ..COMMA_LATIN
    },
    Profile {
        code: "it",
        name: "Italian",
        number_words: Some("it"),
        quotes: &[('«', '»'), ('“', '”'), ('‘', '’')],
        stop_words: Some("it"),
        starters: &[
            "secondo", "dopo", "durante", "ieri", "oggi", "domani", "inoltre", "mentre", "quando",
            "senza", "verso", "presso", "così",
        ],
        scales: &[
            s("mila", 3),
            s("mille", 3),
            s("milione", 6),
            s("milioni", 6),
            s("mln", 6),
            s("miliardo", 9),
            s("miliardi", 9),
            s("mld", 9),
            s("mrd", 9),
        ],
        currencies: &[
            c("euro", "eur"),
            c("dollari", "usd"),
            c("dollaro", "usd"),
            c("sterline", "gbp"),
        ],
        percent: &["per cento", "percento"],
        approx: &[
            "circa",
            "quasi",
            "oltre",
            "più di",
            "meno di",
            "almeno",
            "fino a",
            "intorno a",
        ],
        vague: &["migliaia", "centinaia", "decine", "milioni", "dozzine"],
        elisions: &["d'", "l'"],
        ..COMMA_LATIN
    },
    Profile {
        code: "pt",
        name: "Portuguese",
        number_words: Some("pt"),
        quotes: &[('“', '”'), ('«', '»'), ('‘', '’')],
        stop_words: Some("pt"),
        starters: &[
            "segundo", "após", "durante", "ontem", "hoje", "amanhã", "além", "enquanto", "quando",
            "sem", "desde", "até", "assim",
        ],
        scales: &[
            s("mil", 3),
            s("milhão", 6),
            s("milhões", 6),
            s("milhao", 6),
            s("milhoes", 6),
            s("mi", 6),
            s("bilhão", 9),
            s("bilhões", 9),
            s("bi", 9),
            s("bilião", 12),
            s("biliões", 12),
        ],
        currencies: &[
            c("euro", "eur"),
            c("euros", "eur"),
            c("dólar", "usd"),
            c("dólares", "usd"),
            c("real", "brl"),
            c("reais", "brl"),
        ],
        percent: &["por cento"],
        approx: &[
            "cerca de",
            "quase",
            "mais de",
            "menos de",
            "aproximadamente",
            "até",
            "pelo menos",
        ],
        vague: &["milhares", "centenas", "dezenas", "milhões"],
        ..COMMA_LATIN
    },
    Profile {
        code: "nl",
        name: "Dutch",
        number_words: Some("nl"),
        quotes: &[('“', '”'), ('‘', '’'), ('„', '”')],
        stop_words: Some("nl"),
        scales: &[
            s("duizend", 3),
            s("miljoen", 6),
            s("miljoenen", 6),
            s("mln", 6),
            s("miljard", 9),
            s("miljarden", 9),
            s("mld", 9),
            s("biljoen", 12),
        ],
        percent: &["procent"],
        approx: &[
            "ongeveer",
            "bijna",
            "ruim",
            "circa",
            "meer dan",
            "minder dan",
            "zo'n",
            "minstens",
        ],
        vague: &["duizenden", "honderden", "tientallen", "miljoenen"],
        ..COMMA_LATIN
    },
    Profile {
        code: "da",
        name: "Danish",
        number_words: Some("da"),
        quotes: &[('»', '«'), ('„', '“'), ('”', '”')],
        stop_words: Some("da"),
        scales: &[
            s("tusind", 3),
            s("tusinde", 3),
            s("million", 6),
            s("millioner", 6),
            s("mio", 6),
            s("milliard", 9),
            s("milliarder", 9),
            s("mia", 9),
            s("mdr", 9),
        ],
        currencies: &[
            c("kroner", "dkk"),
            c("kr", "dkk"),
            c("euro", "eur"),
            c("dollar", "usd"),
        ],
        percent: &["procent", "pct"],
        approx: &[
            "omkring", "cirka", "ca", "næsten", "over", "mere end", "knap",
        ],
        vague: &["tusinder", "tusindvis", "hundredvis", "millioner"],
        ..COMMA_LATIN
    },
    Profile {
        code: "no",
        groups: SPACE_GROUPS,
        name: "Norwegian",
        quotes: &[('«', '»'), ('„', '“')],
        stop_words: Some("no"),
        scales: &[
            s("tusen", 3),
            s("million", 6),
            s("millioner", 6),
            s("mill", 6),
            s("milliard", 9),
            s("milliarder", 9),
            s("mrd", 9),
        ],
        currencies: &[
            c("kroner", "nok"),
            c("kr", "nok"),
            c("euro", "eur"),
            c("dollar", "usd"),
        ],
        percent: &["prosent"],
        approx: &[
            "omkring", "cirka", "ca", "nesten", "over", "mer enn", "drøyt",
        ],
        vague: &["tusenvis", "hundrevis", "millioner"],
        ..COMMA_LATIN
    },
    Profile {
        code: "sv",
        groups: SPACE_GROUPS,
        name: "Swedish",
        quotes: &[('”', '”'), ('»', '»'), ('’', '’')],
        stop_words: Some("sv"),
        scales: &[
            s("tusen", 3),
            s("miljon", 6),
            s("miljoner", 6),
            s("milj", 6),
            s("mn", 6),
            s("miljard", 9),
            s("miljarder", 9),
            s("mdr", 9),
        ],
        currencies: &[
            c("kronor", "sek"),
            c("kr", "sek"),
            c("euro", "eur"),
            c("dollar", "usd"),
        ],
        percent: &["procent"],
        approx: &[
            "omkring", "cirka", "ca", "nästan", "över", "mer än", "drygt",
        ],
        vague: &["tusentals", "hundratals", "miljontals"],
        ..COMMA_LATIN
    },
    Profile {
        code: "fi",
        groups: SPACE_GROUPS,
        name: "Finnish",
        quotes: &[('”', '”'), ('»', '»'), ('’', '’')],
        stop_words: Some("fi"),
        scales: &[
            s("tuhat", 3),
            s("tuhatta", 3),
            sp("miljoon", 6),
            s("milj", 6),
            sp("miljardi", 9),
            s("mrd", 9),
        ],
        currencies: &[cp("euro", "eur"), cp("dollari", "usd")],
        percent: &["prosenttia", "prosentti"],
        approx: &["noin", "lähes", "yli", "ainakin", "melkein"],
        vague: &["tuhansia", "satoja", "kymmeniä", "miljoonia"],
        ..COMMA_LATIN
    },
    Profile {
        code: "is",
        name: "Icelandic",
        quotes: &[('„', '“'), ('‚', '‘')],
        scales: &[s("þúsund", 3), sp("milljón", 6), sp("milljar", 9)],
        ..COMMA_LATIN
    },
    Profile {
        code: "pl",
        groups: SPACE_GROUPS,
        name: "Polish",
        quotes: &[('„', '”'), ('«', '»'), ('»', '«')],
        scales: &[
            sp("tysi", 3),
            s("tys", 3),
            sp("milion", 6),
            s("mln", 6),
            sp("miliard", 9),
            s("mld", 9),
            sp("bilion", 12),
        ],
        currencies: &[
            cp("złot", "pln"),
            c("zł", "pln"),
            c("euro", "eur"),
            cp("dolar", "usd"),
        ],
        percent: &["proc", "procent", "procent.", "procenty", "procentów"],
        approx: &[
            "około",
            "prawie",
            "ponad",
            "blisko",
            "niemal",
            "co najmniej",
        ],
        vague: &["tysiące", "setki", "dziesiątki", "miliony"],
        ..COMMA_LATIN
    },
    Profile {
        code: "cs",
        groups: SPACE_GROUPS,
        name: "Czech",
        quotes: LOW_HIGH,
        scales: &[
            sp("tisíc", 3),
            s("tis", 3),
            sp("milion", 6),
            s("mil", 6),
            sp("miliard", 9),
            s("mld", 9),
        ],
        currencies: &[
            cp("korun", "czk"),
            c("kč", "czk"),
            c("eur", "eur"),
            c("euro", "eur"),
        ],
        percent: &["procent", "procenta", "procento"],
        approx: &[
            "asi",
            "zhruba",
            "přibližně",
            "téměř",
            "přes",
            "více než",
            "nejméně",
        ],
        vague: &["tisíce", "stovky", "desítky", "miliony"],
        ..COMMA_LATIN
    },
    Profile {
        code: "sk",
        groups: SPACE_GROUPS,
        name: "Slovak",
        quotes: LOW_HIGH,
        scales: &[
            sp("tisíc", 3),
            s("tis", 3),
            sp("milión", 6),
            s("mil", 6),
            sp("miliard", 9),
            sp("miliárd", 9),
            s("mld", 9),
        ],
        percent: &["percent", "percentá", "percenta"],
        approx: &["asi", "približne", "takmer", "vyše", "viac ako"],
        vague: &["tisíce", "stovky", "desiatky", "milióny"],
        ..COMMA_LATIN
    },
    Profile {
        code: "sl",
        groups: SPACE_GROUPS,
        name: "Slovenian",
        quotes: LOW_HIGH,
        stop_words: Some("sl"),
        scales: &[
            s("tisoč", 3),
            sp("milijon", 6),
            s("mio", 6),
            sp("milijard", 9),
            s("mrd", 9),
        ],
        percent: &["odstotkov", "odstotka", "odstotek", "odstotki"],
        ..COMMA_LATIN
    },
    Profile {
        code: "hr",
        groups: SPACE_GROUPS,
        name: "Croatian",
        quotes: &[('„', '“'), ('»', '«'), ('‚', '’')],
        scales: &[
            sp("tisuć", 3),
            sp("milijun", 6),
            sp("milijard", 9),
            s("mil", 6),
            s("mlrd", 9),
        ],
        currencies: &[c("eura", "eur"), c("euro", "eur"), c("kuna", "hrk")],
        percent: &["posto"],
        ..COMMA_LATIN
    },
    Profile {
        code: "bs",
        name: "Bosnian",
        quotes: &[('„', '“'), ('»', '«'), ('‚', '’')],
        scales: &[sp("hiljad", 3), sp("milion", 6), sp("milijard", 9)],
        percent: &["posto", "odsto"],
        ..COMMA_LATIN
    },
    Profile {
        code: "sr",
        groups: SPACE_GROUPS,
        name: "Serbian",
        script: Script::Cyrillic,
        quotes: &[('„', '“'), ('»', '«'), ('‚', '’')],
        scales: &[
            sp("хиљад", 3),
            sp("милион", 6),
            sp("милијард", 9),
            sp("hiljad", 3),
            sp("milion", 6),
            sp("milijard", 9),
            s("млн", 6),
            s("млрд", 9),
        ],
        currencies: &[cp("динар", "rsd"), cp("dinar", "rsd"), cp("евр", "eur")],
        percent: &["одсто", "процената", "odsto", "procenata"],
        ..COMMA_LATIN
    },
    Profile {
        code: "mk",
        groups: SPACE_GROUPS,
        name: "Macedonian",
        script: Script::Cyrillic,
        quotes: &[('„', '“'), ('‚', '‘')],
        scales: &[sp("илјад", 3), sp("милион", 6), sp("милијард", 9)],
        currencies: &[cp("денар", "mkd"), cp("евр", "eur")],
        percent: &["отсто", "проценти"],
        ..COMMA_LATIN
    },
    Profile {
        code: "bg",
        groups: SPACE_GROUPS,
        name: "Bulgarian",
        script: Script::Cyrillic,
        quotes: &[('„', '“'), ('«', '»'), ('‚', '‘')],
        scales: &[
            sp("хиляд", 3),
            s("хил", 3),
            sp("милион", 6),
            s("млн", 6),
            sp("милиард", 9),
            s("млрд", 9),
        ],
        currencies: &[
            c("лева", "bgn"),
            c("лв", "bgn"),
            c("лев", "bgn"),
            c("евро", "eur"),
            cp("долар", "usd"),
        ],
        percent: &["процента", "процент"],
        approx: &["около", "почти", "над", "близо", "повече от"],
        vague: &["хиляди", "стотици", "десетки", "милиони"],
        ..COMMA_LATIN
    },
    Profile {
        code: "ru",
        groups: SPACE_GROUPS,
        name: "Russian",
        script: Script::Cyrillic,
        quotes: CYRILLIC_QUOTES,
        stop_words: Some("ru"),
        starters: &[
            "во",
            "после",
            "однако",
            "также",
            "вчера",
            "сегодня",
            "завтра",
            "кроме",
            "согласно",
            "между",
            "среди",
            "поэтому",
            "затем",
            "тогда",
            "когда",
        ],
        scales: &[
            sp("тысяч", 3),
            s("тыс", 3),
            sp("миллион", 6),
            s("млн", 6),
            sp("миллиард", 9),
            s("млрд", 9),
            sp("триллион", 12),
            s("трлн", 12),
        ],
        currencies: &[
            c("евро", "eur"),
            cp("доллар", "usd"),
            cp("рубл", "rub"),
            c("руб", "rub"),
            c("р", "rub"),
            cp("фунт", "gbp"),
            cp("юан", "cny"),
        ],
        percent: &[
            "процент",
            "процента",
            "процентов",
            "процентам",
            "процентами",
            "процентах",
        ],
        approx: &[
            "около",
            "почти",
            "более",
            "менее",
            "свыше",
            "примерно",
            "приблизительно",
            "порядка",
            "до",
            "более чем",
            "не менее",
            "не более",
            "больше",
            "меньше",
        ],
        vague: &[
            "тысячи",
            "тысячами",
            "сотни",
            "десятки",
            "миллионы",
            "миллиарды",
            "сотен",
            "десятков",
        ],
        ..COMMA_LATIN
    },
    Profile {
        code: "uk",
        groups: SPACE_GROUPS,
        name: "Ukrainian",
        script: Script::Cyrillic,
        quotes: CYRILLIC_QUOTES,
        scales: &[
            sp("тисяч", 3),
            s("тис", 3),
            sp("мільйон", 6),
            s("млн", 6),
            sp("мільярд", 9),
            s("млрд", 9),
            sp("трильйон", 12),
            s("трлн", 12),
        ],
        currencies: &[
            c("євро", "eur"),
            cp("долар", "usd"),
            cp("гривн", "uah"),
            cp("гривен", "uah"),
            cp("гривень", "uah"),
            c("грн", "uah"),
        ],
        percent: &["відсотків", "відсотки", "відсоток", "відсотка", "процентів"],
        approx: &["близько", "майже", "понад", "приблизно", "більше", "менше"],
        vague: &["тисячі", "сотні", "десятки", "мільйони"],
        ..COMMA_LATIN
    },
    Profile {
        code: "be",
        groups: SPACE_GROUPS,
        name: "Belarusian",
        script: Script::Cyrillic,
        quotes: CYRILLIC_QUOTES,
        stop_words: Some("be"),
        scales: &[
            sp("тысяч", 3),
            sp("мільён", 6),
            sp("мільярд", 9),
            s("млн", 6),
            s("млрд", 9),
        ],
        percent: &["працэнтаў", "працэнты", "працэнт"],
        ..COMMA_LATIN
    },
    Profile {
        code: "kk",
        groups: SPACE_GROUPS,
        name: "Kazakh",
        script: Script::Cyrillic,
        quotes: CYRILLIC_QUOTES,
        stop_words: Some("kk"),
        scales: &[
            s("мың", 3),
            sp("миллион", 6),
            sp("миллиард", 9),
            s("млн", 6),
            s("млрд", 9),
        ],
        currencies: &[cp("теңге", "kzt")],
        percent: &["пайыз", "пайызға"],
        ..COMMA_LATIN
    },
    Profile {
        code: "ro",
        groups: SPACE_GROUPS,
        name: "Romanian",
        quotes: &[('„', '”'), ('«', '»')],
        stop_words: Some("ro"),
        scales: &[s("mie", 3), s("mii", 3), sp("milion", 6), sp("miliard", 9)],
        currencies: &[c("euro", "eur"), c("lei", "ron"), cp("dolar", "usd")],
        percent: &["la sută", "procent", "procente"],
        approx: &["aproximativ", "circa", "aproape", "peste", "cel puțin"],
        vague: &["mii", "sute", "zeci", "milioane"],
        ..COMMA_LATIN
    },
    Profile {
        code: "hu",
        groups: SPACE_GROUPS,
        name: "Hungarian",
        quotes: &[('„', '”'), ('»', '«')],
        stop_words: Some("hu"),
        scales: &[
            s("ezer", 3),
            sp("millió", 6),
            sp("milliárd", 9),
            s("mrd", 9),
        ],
        currencies: &[
            cp("forint", "huf"),
            c("ft", "huf"),
            cp("euró", "eur"),
            cp("dollár", "usd"),
        ],
        percent: &["százalék", "százalékkal", "százalékos"],
        approx: &[
            "mintegy",
            "körülbelül",
            "csaknem",
            "közel",
            "több mint",
            "kb",
        ],
        vague: &["ezrek", "százak", "tízezrek", "milliók"],
        ..COMMA_LATIN
    },
    Profile {
        code: "lt",
        groups: SPACE_GROUPS,
        name: "Lithuanian",
        quotes: &[('„', '“'), ('‚', '‘')],
        scales: &[
            sp("tūkstan", 3),
            s("tūkst", 3),
            sp("milijon", 6),
            s("mln", 6),
            sp("milijard", 9),
            s("mlrd", 9),
        ],
        percent: &["procentų", "procento", "procentai"],
        ..COMMA_LATIN
    },
    Profile {
        code: "lv",
        groups: SPACE_GROUPS,
        name: "Latvian",
        quotes: &[('«', '»'), ('„', '“'), ('“', '”')],
        scales: &[
            sp("tūkstoš", 3),
            s("tūkst", 3),
            sp("miljon", 6),
            s("milj", 6),
            sp("miljard", 9),
            s("mljrd", 9),
        ],
        currencies: &[c("eiro", "eur")],
        percent: &["procenti", "procentiem", "procentu"],
        ..COMMA_LATIN
    },
    Profile {
        code: "et",
        groups: SPACE_GROUPS,
        name: "Estonian",
        quotes: &[('„', '“'), ('«', '»')],
        scales: &[
            s("tuhat", 3),
            sp("miljon", 6),
            s("mln", 6),
            sp("miljard", 9),
            s("mld", 9),
        ],
        currencies: &[cp("euro", "eur")],
        percent: &["protsenti", "protsent"],
        ..COMMA_LATIN
    },
    Profile {
        code: "tr",
        name: "Turkish",
        quotes: &[('“', '”'), ('‘', '’'), ('«', '»')],
        stop_words: Some("tr"),
        scales: &[
            s("bin", 3),
            sp("milyon", 6),
            sp("milyar", 9),
            sp("trilyon", 12),
        ],
        currencies: &[
            cp("avro", "eur"),
            cp("euro", "eur"),
            cp("dolar", "usd"),
            cp("lira", "try"),
            c("tl", "try"),
        ],
        percent_before: &["yüzde", "%"],
        approx: &["yaklaşık", "neredeyse", "en az", "yaklasik", "kadar"],
        vague: &["binlerce", "yüzlerce", "onlarca", "milyonlarca"],
        apostrophe_suffixes: true,
        ..COMMA_LATIN
    },
    Profile {
        code: "az",
        groups: SPACE_GROUPS,
        name: "Azerbaijani",
        quotes: &[('“', '”'), ('«', '»')],
        stop_words: Some("az"),
        scales: &[s("min", 3), sp("milyon", 6), sp("milyard", 9)],
        currencies: &[cp("manat", "azn"), cp("avro", "eur"), cp("dollar", "usd")],
        percent_before: &["%"],
        apostrophe_suffixes: true,
        ..COMMA_LATIN
    },
    Profile {
        code: "uz",
        groups: SPACE_GROUPS,
        name: "Uzbek",
        quotes: &[('«', '»'), ('„', '“')],
        stop_words: Some("uz"),
        scales: &[
            s("ming", 3),
            sp("million", 6),
            sp("milliard", 9),
            s("mln", 6),
            s("mlrd", 9),
        ],
        currencies: &[cp("so'm", "uzs"), cp("soʻm", "uzs")],
        ..COMMA_LATIN
    },
    Profile {
        code: "tk",
        groups: SPACE_GROUPS,
        name: "Turkmen",
        quotes: &[('“', '”'), ('«', '»')],
        scales: &[s("müň", 3), sp("million", 6), sp("milliard", 9)],
        ..COMMA_LATIN
    },
    Profile {
        code: "el",
        groups: SPACE_GROUPS,
        name: "Greek",
        script: Script::Greek,
        quotes: &[('«', '»'), ('“', '”')],
        stop_words: Some("el"),
        scales: &[
            sp("χιλιάδ", 3),
            sp("χιλιαδ", 3),
            sp("εκατομμύρι", 6),
            sp("εκατομμυρι", 6),
            sp("εκατ", 6),
            sp("δισεκατομμύρι", 9),
            sp("δισεκατομμυρι", 9),
            sp("δισ", 9),
            sp("τρισεκατομμύρι", 12),
        ],
        currencies: &[c("ευρώ", "eur"), cp("δολάρι", "usd")],
        percent: &["τοις εκατό", "τοις εκατόν"],
        approx: &["περίπου", "σχεδόν", "πάνω από", "άνω των"],
        vague: &["χιλιάδες", "εκατοντάδες", "δεκάδες", "εκατομμύρια"],
        ..COMMA_LATIN
    },
    Profile {
        code: "hy",
        groups: SPACE_GROUPS,
        name: "Armenian",
        script: Script::Armenian,
        quotes: &[('«', '»')],
        scales: &[s("հազար", 3), sp("միլիոն", 6), sp("միլիարդ", 9)],
        currencies: &[cp("դրամ", "amd"), cp("դոլար", "usd"), cp("եվրո", "eur")],
        percent: &["տոկոս", "տոկոսով"],
        ..COMMA_LATIN
    },
    Profile {
        code: "ka",
        groups: SPACE_GROUPS,
        name: "Georgian",
        script: Script::Georgian,
        capitals_mark_names: false,
        quotes: &[('„', '“'), ('«', '»')],
        scales: &[sp("ათას", 3), sp("მილიონ", 6), sp("მილიარდ", 9)],
        currencies: &[cp("ლარ", "gel")],
        percent: &["პროცენტი", "პროცენტით"],
        ..COMMA_LATIN
    },
    Profile {
        code: "ca",
        name: "Catalan",
        quotes: &[('«', '»'), ('“', '”'), ('‘', '’')],
        stop_words: Some("ca"),
        scales: &[
            s("mil", 3),
            s("milió", 6),
            s("milions", 6),
            s("bilió", 12),
            s("bilions", 12),
        ],
        percent: &["per cent"],
        elisions: &["d'", "l'"],
        ..COMMA_LATIN
    },
    Profile {
        code: "eu",
        name: "Basque",
        quotes: &[('«', '»'), ('“', '”')],
        stop_words: Some("eu"),
        scales: &[s("mila", 3), s("milioi", 6)],
        ..COMMA_LATIN
    },
    Profile {
        code: "gl",
        name: "Galician",
        quotes: &[('«', '»'), ('“', '”')],
        scales: &[s("mil", 3), s("millón", 6), s("millóns", 6)],
        percent: &["por cento"],
        ..COMMA_LATIN
    },
    Profile {
        code: "af",
        name: "Afrikaans",
        quotes: &[('“', '”'), ('‘', '’')],
        scales: &[s("duisend", 3), s("miljoen", 6), s("miljard", 9)],
        currencies: &[c("rand", "zar")],
        percent: &["persent"],
        ..COMMA_LATIN
    },
    Profile {
        code: "sq",
        groups: SPACE_GROUPS,
        name: "Albanian",
        quotes: &[('«', '»'), ('„', '“')],
        stop_words: Some("sq"),
        scales: &[s("mijë", 3), sp("milion", 6), sp("miliard", 9)],
        currencies: &[cp("lek", "all"), c("euro", "eur")],
        percent: &["për qind"],
        ..COMMA_LATIN
    },
    Profile {
        code: "eo",
        groups: SPACE_GROUPS,
        name: "Esperanto",
        quotes: &[('“', '”'), ('„', '“'), ('«', '»')],
        scales: &[s("mil", 3), sp("milion", 6), sp("miliard", 9)],
        currencies: &[cp("eŭro", "eur")],
        percent: &["procentoj", "procento"],
        ..COMMA_LATIN
    },
    Profile {
        code: "vi",
        name: "Vietnamese",
        quotes: &[('“', '”'), ('«', '»')],
        scales: &[
            s("nghìn", 3),
            s("ngàn", 3),
            s("triệu", 6),
            s("tỷ", 9),
            s("tỉ", 9),
        ],
        currencies: &[c("đồng", "vnd"), c("usd", "usd"), c("euro", "eur")],
        percent: &["phần trăm"],
        approx: &["khoảng", "gần", "hơn", "ít nhất"],
        ..COMMA_LATIN
    },
    Profile {
        code: "id",
        name: "Indonesian",
        quotes: &[('“', '”'), ('‘', '’')],
        stop_words: Some("id"),
        scales: &[
            s("ribu", 3),
            s("rb", 3),
            s("juta", 6),
            s("jt", 6),
            s("miliar", 9),
            s("triliun", 12),
        ],
        currencies: &[c("rupiah", "idr"), c("euro", "eur"), c("dolar", "usd")],
        percent: &["persen"],
        approx: &[
            "sekitar",
            "hampir",
            "lebih dari",
            "kurang dari",
            "setidaknya",
        ],
        vague: &["ribuan", "ratusan", "puluhan", "jutaan"],
        ..COMMA_LATIN
    },
    Profile {
        code: "jv",
        name: "Javanese",
        quotes: &[('“', '”'), ('‘', '’')],
        scales: &[s("ewu", 3), s("èwu", 3), s("yuta", 6)],
        ..COMMA_LATIN
    },
    Profile {
        code: "ms",
        name: "Malay",
        quotes: &[('“', '”'), ('‘', '’')],
        scales: &[s("ribu", 3), s("juta", 6), s("bilion", 9), s("trilion", 12)],
        currencies: &[c("ringgit", "myr")],
        percent: &["peratus"],
        ..POINT_LATIN
    },
    Profile {
        code: "tl",
        name: "Tagalog",
        quotes: &[('“', '”'), ('‘', '’')],
        scales: &[s("libo", 3), s("milyon", 6), s("bilyon", 9)],
        currencies: &[c("piso", "php")],
        percent: &["porsiyento"],
        ..POINT_LATIN
    },
    Profile {
        code: "sw",
        name: "Swahili",
        quotes: &[('“', '”'), ('‘', '’')],
        ..POINT_LATIN
    },
    Profile {
        code: "cy",
        name: "Welsh",
        quotes: &[('‘', '’'), ('“', '”')],
        scales: &[s("mil", 3), s("miliwn", 6), s("biliwn", 9)],
        percent: &["y cant"],
        ..POINT_LATIN
    },
    Profile {
        code: "ga",
        name: "Irish",
        quotes: &[('“', '”'), ('‘', '’')],
        ..POINT_LATIN
    },
    Profile {
        code: "la",
        name: "Latin",
        quotes: &[('“', '”'), ('«', '»')],
        ..POINT_LATIN
    },
    Profile {
        code: "zu",
        name: "Zulu",
        quotes: &[('“', '”'), ('‘', '’')],
        ..POINT_LATIN
    },
    Profile {
        code: "sn",
        name: "Shona",
        quotes: &[('“', '”'), ('‘', '’')],
        ..POINT_LATIN
    },
    Profile {
        code: "ak",
        name: "Akan",
        quotes: &[('“', '”'), ('‘', '’')],
        ..POINT_LATIN
    },
    Profile {
        code: "lb",
        name: "Luxembourgish",
        capitals_mark_names: false,
        quotes: &[('„', '“'), ('«', '»')],
        scales: &[
            s("dausend", 3),
            s("milliounen", 6),
            s("millioun", 6),
            s("milliarden", 9),
        ],
        ..COMMA_LATIN
    },
    Profile {
        code: "ar",
        name: "Arabic",
        script: Script::Arabic,
        quotes: &[('«', '»'), ('“', '”')],
        stop_words: Some("ar"),
        scales: &[
            sp("ألف", 3),
            s("آلاف", 3),
            s("الف", 3),
            sp("مليون", 6),
            s("ملايين", 6),
            sp("مليار", 9),
            s("مليارات", 9),
            sp("بليون", 9),
            sp("تريليون", 12),
        ],
        currencies: &[
            c("يورو", "eur"),
            cp("دولار", "usd"),
            c("دولارات", "usd"),
            cp("جنيه", "egp"),
            cp("درهم", "aed"),
        ],
        percent: &["بالمئة", "بالمائة", "في المئة", "في المائة"],
        approx: &[
            "نحو",
            "حوالي",
            "حوالى",
            "قرابة",
            "زهاء",
            "أكثر من",
            "أقل من",
        ],
        vague: &["آلاف", "مئات", "عشرات", "ملايين"],
        ..POINT_CASELESS
    },
    Profile {
        code: "fa",
        name: "Persian",
        script: Script::Arabic,
        quotes: &[('«', '»'), ('“', '”')],
        scales: &[s("هزار", 3), s("میلیون", 6), s("میلیارد", 9)],
        currencies: &[
            c("یورو", "eur"),
            c("دلار", "usd"),
            c("ریال", "irr"),
            c("تومان", "irt"),
        ],
        percent: &["درصد"],
        approx: &["حدود", "تقریباً", "تقریبا", "بیش از"],
        ..POINT_CASELESS
    },
    Profile {
        code: "ur",
        name: "Urdu",
        script: Script::Arabic,
        quotes: &[('“', '”'), ('‘', '’')],
        indian_grouping: true,
        scales: &[
            s("ہزار", 3),
            s("لاکھ", 5),
            s("کروڑ", 7),
            s("ارب", 9),
            s("ملین", 6),
        ],
        currencies: &[
            c("روپے", "pkr"),
            c("روپیہ", "pkr"),
            c("ڈالر", "usd"),
            c("یورو", "eur"),
        ],
        percent: &["فیصد"],
        approx: &["تقریباً", "تقریبا", "لگ بھگ"],
        ..POINT_CASELESS
    },
    Profile {
        code: "he",
        name: "Hebrew",
        script: Script::Hebrew,
        quotes: &[('“', '”'), ('„', '”'), ('״', '״')],
        stop_words: Some("he"),
        scales: &[s("אלף", 3), s("מיליון", 6), s("מיליארד", 9)],
        currencies: &[
            c("שקל", "ils"),
            c("שקלים", "ils"),
            c("דולר", "usd"),
            c("יורו", "eur"),
        ],
        percent: &["אחוז", "אחוזים"],
        approx: &["כ", "כמעט", "בערך", "יותר מ"],
        ..POINT_CASELESS
    },
    Profile {
        code: "yi",
        name: "Yiddish",
        script: Script::Hebrew,
        quotes: &[('„', '“')],
        ..POINT_CASELESS
    },
    Profile {
        code: "am",
        name: "Amharic",
        script: Script::Ethiopic,
        quotes: &[('«', '»'), ('‹', '›')],
        scales: &[s("ሺ", 3), s("ሚሊዮን", 6), s("ቢሊዮን", 9)],
        currencies: &[c("ብር", "etb")],
        ..POINT_CASELESS
    },
    Profile {
        code: "hi",
        name: "Hindi",
        script: Script::Devanagari,
        indian_grouping: true,
        scales: HINDI_SCALES,
        currencies: &[
            c("रुपये", "inr"),
            c("रुपए", "inr"),
            c("रुपया", "inr"),
            c("रु", "inr"),
            c("यूरो", "eur"),
            c("डॉलर", "usd"),
        ],
        percent: &["प्रतिशत", "फ़ीसदी", "फीसदी", "फ़ीसदी"],
        approx: &[
            "लगभग",
            "करीब",
            "क़रीब",
            "क़रीब",
            "तकरीबन",
            "से अधिक",
            "से ज़्यादा",
        ],
        vague: &["हज़ारों", "हजारों", "सैकड़ों", "सैकड़ों", "लाखों", "करोड़ों", "करोड़ों"],
        ..POINT_CASELESS
    },
    Profile {
        code: "mr",
        name: "Marathi",
        script: Script::Devanagari,
        indian_grouping: true,
        scales: &[
            s("हजार", 3),
            s("लाख", 5),
            s("कोटी", 7),
            s("अब्ज", 9),
            s("दशलक्ष", 6),
        ],
        currencies: &[
            c("रुपये", "inr"),
            c("रु", "inr"),
            c("युरो", "eur"),
            c("डॉलर", "usd"),
        ],
        percent: &["टक्के", "टक्का"],
        ..POINT_CASELESS
    },
    Profile {
        code: "ne",
        name: "Nepali",
        script: Script::Devanagari,
        indian_grouping: true,
        stop_words: Some("ne"),
        scales: &[s("हजार", 3), s("लाख", 5), s("करोड", 7), s("अर्ब", 9)],
        currencies: &[c("रुपैयाँ", "npr"), c("रुपियाँ", "npr"), c("रु", "npr")],
        percent: &["प्रतिशत"],
        ..POINT_CASELESS
    },
    Profile {
        code: "bn",
        name: "Bengali",
        script: Script::Bengali,
        indian_grouping: true,
        stop_words: Some("bn"),
        scales: &[
            s("হাজার", 3),
            s("লাখ", 5),
            s("লক্ষ", 5),
            s("কোটি", 7),
            s("মিলিয়ন", 6),
            s("মিলিয়ন", 6),
            s("বিলিয়ন", 9),
            s("বিলিয়ন", 9),
        ],
        currencies: &[
            c("টাকা", "bdt"),
            c("ইউরো", "eur"),
            c("ডলার", "usd"),
            c("রুপি", "inr"),
        ],
        percent: &["শতাংশ", "শতাংশের"],
        approx: &["প্রায়", "প্রায়", "আনুমানিক"],
        vague: &["হাজার হাজার", "শত শত", "লাখ লাখ"],
        ..POINT_CASELESS
    },
    Profile {
        code: "pa",
        name: "Punjabi",
        script: Script::Gurmukhi,
        indian_grouping: true,
        scales: &[
            s("ਹਜ਼ਾਰ", 3),
            s("ਹਜ਼ਾਰ", 3),
            s("ਲੱਖ", 5),
            s("ਕਰੋੜ", 7),
            s("ਕਰੋੜ", 7),
        ],
        currencies: &[c("ਰੁਪਏ", "inr")],
        percent: &["ਪ੍ਰਤੀਸ਼ਤ", "ਫੀਸਦੀ"],
        ..POINT_CASELESS
    },
    Profile {
        code: "gu",
        name: "Gujarati",
        script: Script::Gujarati,
        indian_grouping: true,
        scales: &[s("હજાર", 3), s("લાખ", 5), s("કરોડ", 7)],
        currencies: &[c("રૂપિયા", "inr")],
        percent: &["ટકા"],
        ..POINT_CASELESS
    },
    Profile {
        code: "or",
        name: "Oriya",
        script: Script::Oriya,
        indian_grouping: true,
        scales: &[s("ହଜାର", 3), s("ଲକ୍ଷ", 5), s("କୋଟି", 7)],
        currencies: &[c("ଟଙ୍କା", "inr")],
        ..POINT_CASELESS
    },
    Profile {
        code: "ta",
        name: "Tamil",
        script: Script::Tamil,
        indian_grouping: true,
        stop_words: Some("ta"),
        scales: &[s("ஆயிரம்", 3), s("லட்சம்", 5), s("கோடி", 7), s("மில்லியன்", 6)],
        currencies: &[c("ரூபாய்", "inr"), c("யூரோ", "eur")],
        percent: &["சதவீதம்", "சதவிகிதம்"],
        ..POINT_CASELESS
    },
    Profile {
        code: "te",
        name: "Telugu",
        script: Script::Telugu,
        indian_grouping: true,
        scales: &[
            s("వేలు", 3),
            s("వేల", 3),
            s("లక్ష", 5),
            s("లక్షల", 5),
            s("కోటి", 7),
            s("కోట్ల", 7),
        ],
        currencies: &[c("రూపాయలు", "inr")],
        percent: &["శాతం"],
        ..POINT_CASELESS
    },
    Profile {
        code: "kn",
        name: "Kannada",
        script: Script::Kannada,
        indian_grouping: true,
        scales: &[s("ಸಾವಿರ", 3), s("ಲಕ್ಷ", 5), s("ಕೋಟಿ", 7)],
        currencies: &[c("ರೂಪಾಯಿ", "inr")],
        percent: &["ಶೇಕಡಾ", "ಶೇ"],
        ..POINT_CASELESS
    },
    Profile {
        code: "ml",
        name: "Malayalam",
        script: Script::Malayalam,
        indian_grouping: true,
        scales: &[s("ആയിരം", 3), s("ലക്ഷം", 5), s("കോടി", 7)],
        currencies: &[c("രൂപ", "inr")],
        percent: &["ശതമാനം"],
        ..POINT_CASELESS
    },
    Profile {
        code: "si",
        name: "Sinhala",
        script: Script::Sinhala,
        scales: &[s("දහස", 3), s("ලක්ෂ", 5), s("මිලියන", 6)],
        currencies: &[c("රුපියල්", "lkr")],
        percent: &["ප්‍රතිශතය"],
        ..POINT_CASELESS
    },
    Profile {
        code: "th",
        name: "Thai",
        script: Script::Thai,
        scales: &[s("พัน", 3), s("หมื่น", 4), s("แสน", 5), s("ล้าน", 6)],
        currencies: &[
            c("บาท", "thb"),
            c("ยูโร", "eur"),
            c("ดอลลาร์", "usd"),
            c("ดอลลาร์สหรัฐ", "usd"),
        ],
        percent: &["เปอร์เซ็นต์"],
        approx: &["ประมาณ", "เกือบ", "กว่า", "ราว"],
        ..POINT_CASELESS
    },
    Profile {
        code: "lo",
        name: "Lao",
        script: Script::Lao,
        scales: &[s("ພັນ", 3), s("ລ້ານ", 6)],
        currencies: &[c("ກີບ", "lak")],
        ..POINT_CASELESS
    },
    Profile {
        code: "km",
        name: "Khmer",
        script: Script::Khmer,
        scales: &[s("ពាន់", 3), s("ម៉ឺន", 4), s("សែន", 5), s("លាន", 6)],
        currencies: &[c("រៀល", "khr"), c("ដុល្លារ", "usd")],
        ..POINT_CASELESS
    },
    Profile {
        code: "my",
        name: "Burmese",
        script: Script::Myanmar,
        scales: &[s("ထောင်", 3), s("သောင်း", 4), s("သိန်း", 5), s("သန်း", 6)],
        currencies: &[c("ကျပ်", "mmk"), c("ဒေါ်လာ", "usd")],
        ..POINT_CASELESS
    },
    Profile {
        code: "zh",
        name: "Chinese",
        script: Script::Han,
        quotes: &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')],
        stop_words: Some("zh"),
        scales: &[
            s("万", 4),
            s("萬", 4),
            s("亿", 8),
            s("億", 8),
            s("千", 3),
            s("百", 2),
            s("万亿", 12),
            s("萬億", 12),
            s("千万", 7),
            s("百万", 6),
        ],
        currencies: &[
            c("欧元", "eur"),
            c("歐元", "eur"),
            c("美元", "usd"),
            c("日元", "jpy"),
            c("人民币", "cny"),
            c("人民幣", "cny"),
            c("元", "cny"),
            c("英镑", "gbp"),
            c("英鎊", "gbp"),
            c("卢布", "rub"),
            c("港元", "hkd"),
            c("港币", "hkd"),
            c("港幣", "hkd"),
            c("台币", "twd"),
            c("新台币", "twd"),
            c("新臺幣", "twd"),
        ],
        percent: &["个百分点"],
        approx: &[
            "约", "約", "近", "大约", "大約", "超过", "超過", "逾", "将近", "左右",
        ],
        ..POINT_CASELESS
    },
    Profile {
        code: "ja",
        name: "Japanese",
        script: Script::Japanese,
        quotes: &[('「', '」'), ('『', '』'), ('“', '”')],
        scales: &[
            s("万", 4),
            s("萬", 4),
            s("億", 8),
            s("兆", 12),
            s("千", 3),
            s("百万", 6),
            s("千万", 7),
        ],
        currencies: &[
            c("ユーロ", "eur"),
            c("ドル", "usd"),
            c("米ドル", "usd"),
            c("円", "jpy"),
            c("元", "cny"),
            c("ポンド", "gbp"),
            c("ウォン", "krw"),
        ],
        percent: &["パーセント"],
        approx: &["約", "およそ", "ほぼ", "近く"],
        ..POINT_CASELESS
    },
    Profile {
        code: "ko",
        name: "Korean",
        script: Script::Hangul,
        quotes: &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')],
        scales: &[sp("천", 3), sp("만", 4), sp("억", 8), sp("조", 12)],
        currencies: &[
            c("원", "krw"),
            c("유로", "eur"),
            c("달러", "usd"),
            c("엔", "jpy"),
        ],
        percent: &["퍼센트", "프로"],
        approx: &["약", "거의", "대략"],
        ..POINT_CASELESS
    },
];

/// Codes of other names for the same profile.
fn alias(code: &str) -> &str {
    match code {
        "nb" | "nn" => "no",
        "iw" => "he",
        "in" => "id",
        "ji" => "yi",
        "fil" => "tl",
        "cmn" | "yue" | "wuu" => "zh",
        "pes" => "fa",
        other => other,
    }
}

/// The profile of the language `lang` (an ISO 639-1 code, any case; a region or script
/// suffix such as `fr-CA`, `pt_BR`, `zh-Hant` is ignored). Unknown codes get [`GENERIC`].
pub fn profile(lang: &str) -> &'static Profile {
    let base = lang.split(['-', '_']).next().unwrap_or(lang).trim();
    let lower = base.to_ascii_lowercase();
    let code = alias(&lower);
    PROFILES.iter().find(|p| p.code == code).unwrap_or(&GENERIC)
}

/// The fact categories not measured for `lang` (see [`Profile::unmeasured`]): names in a
/// caseless script (Arabic, Hebrew, Devanagari, Bengali, the other Indic scripts, Thai,
/// Chinese, Japanese, Korean, Georgian …), in German and Luxembourgish, and in a language
/// without a profile.
pub fn unmeasured(lang: &str) -> &'static [FactKind] {
    profile(lang).unmeasured()
}

/// A sentence for a report about the categories not measured for `lang`, such as
/// `names are not measured for zh (caseless script)`; `None` when every category is.
pub fn unmeasured_note(lang: &str) -> Option<String> {
    let p = profile(lang);
    let kinds = p.unmeasured();
    if kinds.is_empty() {
        return None;
    }
    let parts: Vec<String> = kinds
        .iter()
        .map(|&k| {
            let what = match k {
                FactKind::Number => "numbers",
                FactKind::Name => "names",
                FactKind::Quote => "quotes",
            };
            format!(
                "{what} are not measured for {lang} ({})",
                p.unmeasured_reason(k).unwrap_or("not supported")
            )
        })
        .collect();
    Some(parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_and_aliases() {
        assert_eq!(profile("fr").code, "fr");
        assert_eq!(profile("FR").code, "fr");
        assert_eq!(profile("pt-BR").code, "pt");
        assert_eq!(profile("zh_Hant").code, "zh");
        assert_eq!(profile("nb").code, "no");
        assert_eq!(profile("xx").code, "und");
        assert!(profile("en").is_english());
        // codes are unique
        let mut codes: Vec<&str> = PROFILES.iter().map(|p| p.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }

    #[test]
    fn what_is_not_measured() {
        for lang in ["en", "fr", "es", "ru", "tr", "el", "hy", "pl", "vi"] {
            assert!(unmeasured(lang).is_empty(), "{lang}");
            assert_eq!(unmeasured_note(lang), None);
        }
        for lang in [
            "de", "lb", "ar", "fa", "he", "hi", "bn", "ta", "th", "zh", "ja", "ko", "ka", "xx",
        ] {
            assert_eq!(unmeasured(lang), &[FactKind::Name], "{lang}");
        }
        assert_eq!(
            unmeasured_note("zh").as_deref(),
            Some("names are not measured for zh (caseless script)")
        );
        assert_eq!(
            unmeasured_note("de").as_deref(),
            Some("names are not measured for de (capitals mark every noun)")
        );
        assert_eq!(
            unmeasured_note("xx").as_deref(),
            Some("names are not measured for xx (unknown language)")
        );
    }

    #[test]
    fn separators_and_scripts() {
        for lang in ["fr", "de", "es", "it", "pt", "ru", "tr", "nl", "pl"] {
            assert_eq!(profile(lang).decimal, ',', "{lang}");
        }
        for lang in ["en", "zh", "ja", "th", "hi", "ar"] {
            assert_eq!(profile(lang).decimal, '.', "{lang}");
        }
        for lang in ["zh", "ja", "th", "lo", "km", "my"] {
            assert!(!profile(lang).is_spaced(), "{lang}");
        }
        assert!(profile("ko").is_spaced());
        // every listed stop-word code exists in the stop-words crate
        for p in PROFILES {
            if let Some(code) = p.stop_words {
                assert!(stop_words::lookup(code).is_some(), "{code}");
                assert!(p.stop_set().is_some());
            }
        }
    }
}

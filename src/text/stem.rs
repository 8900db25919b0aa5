//! Stemmer selection and the per-thread stem cache.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use rustc_hash::FxHashMap;

/// Which stemmer to apply to tokens longer than three characters (rouge-score's rule).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Stemmer {
    /// No stemming (rouge-score's default).
    #[default]
    None,
    /// nltk's Porter stemmer in NLTK_EXTENSIONS mode, as rouge-score's `use_stemmer=True`.
    Porter,
    /// Snowball English (Porter2) from `rust-stemmers`: not rouge-score compatible.
    Snowball,
}

/// Entries kept per thread and stemmer before the cache is reset (bounds memory on huge
/// vocabularies; a reset only costs recomputation).
const CACHE_LIMIT: usize = 1 << 20;

thread_local! {
    static PORTER_CACHE: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
    static SNOWBALL_CACHE: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
    static SNOWBALL: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
}

impl Stemmer {
    /// The stem of `token` if this stemmer applies to it (a stemmer is set and the token is
    /// longer than three bytes), through the per-thread cache.
    pub fn stem_if_long(self, token: &str) -> Option<String> {
        if self == Stemmer::None || token.len() <= 3 {
            return None;
        }
        Some(self.stem_cached(token))
    }

    /// The stem of `token`, through this thread's cache.
    pub fn stem_cached(self, token: &str) -> String {
        let cache = match self {
            Stemmer::None => return token.to_owned(),
            Stemmer::Porter => &PORTER_CACHE,
            Stemmer::Snowball => &SNOWBALL_CACHE,
        };
        cache.with(|c| {
            if let Some(s) = c.borrow().get(token) {
                return s.to_string();
            }
            let stem = self.stem_uncached(token);
            let mut c = c.borrow_mut();
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(token.into(), stem.as_str().into());
            stem
        })
    }

    /// The stem of `token`, computed without the cache.
    pub fn stem_uncached(self, token: &str) -> String {
        match self {
            Stemmer::None => token.to_owned(),
            Stemmer::Porter => super::porter::stem(token),
            Stemmer::Snowball => SNOWBALL.with(|s| s.stem(token).into_owned()),
        }
    }

    /// The name used on the command line and in signatures.
    pub fn name(self) -> &'static str {
        match self {
            Stemmer::None => "none",
            Stemmer::Porter => "porter",
            Stemmer::Snowball => "snowball",
        }
    }

    /// The signature value: which algorithm, precisely.
    pub fn signature_name(self) -> &'static str {
        match self {
            Stemmer::None => "none",
            Stemmer::Porter => "porter-nltk",
            Stemmer::Snowball => "snowball-english",
        }
    }
}

impl fmt::Display for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Stemmer {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "none" => Ok(Stemmer::None),
            "porter" => Ok(Stemmer::Porter),
            "snowball" => Ok(Stemmer::Snowball),
            other => Err(format!(
                "unknown stemmer '{other}' (expected porter, snowball or none)"
            )),
        }
    }
}

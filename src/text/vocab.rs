//! Interning of (stemmed) tokens to dense integer ids.

use rustc_hash::FxHashMap;

use super::Stemmer;

/// Maps token strings to dense `u32` ids, shared by all texts of one example so that equal
/// (stemmed) tokens get equal ids.
///
/// With a stemmer, two raw tokens that stem alike share an id; the stem of each distinct raw
/// token is computed once per vocabulary (and cached per thread across vocabularies).
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    raw: FxHashMap<Box<str>, u32>,
    stems: FxHashMap<Box<str>, u32>,
    len: u32,
}

impl Vocab {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of distinct ids handed out.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// True when no id was handed out yet.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Forgets every token, keeping the allocated capacity.
    pub fn clear(&mut self) {
        self.raw.clear();
        self.stems.clear();
        self.len = 0;
    }

    /// The id of `token` (a raw rouge-score token) after stemming with `stemmer`.
    ///
    /// Use one stemmer per vocabulary: ids are keyed by the stemmed form.
    pub fn intern(&mut self, token: &str, stemmer: Stemmer) -> u32 {
        if let Some(&id) = self.raw.get(token) {
            return id;
        }
        let id = match stemmer.stem_if_long(token) {
            // Unstemmed tokens are their own final form.
            None if stemmer == Stemmer::None => self.fresh(),
            None => self.final_id(token),
            Some(stem) => self.final_id(&stem),
        };
        self.raw.insert(token.into(), id);
        id
    }

    /// The id of a final (stemmed) form, shared by every raw token that stems to it.
    fn final_id(&mut self, form: &str) -> u32 {
        if let Some(&id) = self.stems.get(form) {
            return id;
        }
        let id = self.fresh();
        self.stems.insert(form.into(), id);
        id
    }

    fn fresh(&mut self) -> u32 {
        let id = self.len;
        self.len += 1;
        id
    }
}

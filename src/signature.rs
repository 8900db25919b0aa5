//! The signature: every setting that changes a number, as `key:value` pairs joined by `|`, in
//! the spirit of sacreBLEU (`nrefs:1|case:lc|tok:rouge-score|…|version:0.1.0`).
//!
//! Two reports are comparable only when their signatures agree; [`Signature::diff`] says which
//! keys differ.

use std::fmt;
use std::str::FromStr;

/// An ordered list of `key:value` settings. The crate version is always last.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature {
    entries: Vec<(String, String)>,
}

impl Signature {
    /// An empty signature.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to `value`, replacing an earlier value but keeping its position.
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some(e) => e.1 = value,
            None => self.entries.push((key.to_owned(), value)),
        }
        self
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The entries in order.
    pub fn entries(&self) -> &[(String, String)] {
        &self.entries
    }

    /// Adds `version:<crate version>` as the last entry.
    pub fn with_version(mut self) -> Self {
        self.entries.retain(|(k, _)| k != "version");
        self.entries
            .push(("version".to_owned(), env!("CARGO_PKG_VERSION").to_owned()));
        self
    }

    /// Keys whose values differ (or that only one side has), with both values.
    pub fn diff(&self, other: &Signature) -> Vec<(String, Option<String>, Option<String>)> {
        let mut keys: Vec<&str> = self.entries.iter().map(|(k, _)| k.as_str()).collect();
        for (k, _) in &other.entries {
            if !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
        keys.into_iter()
            .filter_map(|k| {
                let (a, b) = (self.get(k), other.get(k));
                (a != b).then(|| (k.to_owned(), a.map(str::to_owned), b.map(str::to_owned)))
            })
            .collect()
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (k, v)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str("|")?;
            }
            write!(f, "{k}:{v}")?;
        }
        Ok(())
    }
}

impl FromStr for Signature {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut sig = Signature::new();
        if s.is_empty() {
            return Ok(sig);
        }
        for part in s.split('|') {
            let (k, v) = part
                .split_once(':')
                .ok_or_else(|| format!("signature entry '{part}' is not key:value"))?;
            sig.set(k, v);
        }
        Ok(sig)
    }
}

impl serde::Serialize for Signature {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Signature {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_diff() {
        let mut a = Signature::new();
        a.set("nrefs", "1").set("stem", "none");
        let a = a.with_version();
        let text = a.to_string();
        assert!(text.starts_with("nrefs:1|stem:none|version:"));
        let b: Signature = text.parse().unwrap();
        assert_eq!(a, b);
        let mut c = b.clone();
        c.set("stem", "porter-nltk");
        assert_eq!(
            a.diff(&c),
            vec![(
                "stem".into(),
                Some("none".into()),
                Some("porter-nltk".into())
            )]
        );
        assert!("nocolon".parse::<Signature>().is_err());
    }
}

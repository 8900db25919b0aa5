//! The directory loader: a folder of `.txt` documents, with an optional `manifest.json` that
//! gives each file its role and pairing.
//!
//! Manifest format (documented in the README):
//!
//! ```json
//! {"name": "seed-news",
//!  "documents": [
//!    {"file": "000.txt", "role": "source", "id": "story-1"},
//!    {"file": "002.txt", "role": "rewrite", "of": "000.txt", "system": "condensed-002"},
//!    {"file": "ref.txt", "role": "reference", "of": "000.txt"},
//!    {"file": "003.txt", "role": "control", "of": "000.txt", "system": "control-003"}]}
//! ```
//!
//! Roles: `source`; `reference`; `rewrite` (also `candidate`); `control` (a negative control,
//! scored like a rewrite). Each source becomes one example whose candidates are its rewrites and
//! controls. Without a manifest, documents are grouped by story with [`super::pair`] and every
//! group becomes an example; documents left unpaired are reported, never silently dropped.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::pair::{PairConfig, Pairing, pair};
use super::{Candidate, Example, read_to_string};
use crate::error::{Error, Result};

/// A document's role in a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A source document (one example per source).
    Source,
    /// A reference summary of a source.
    Reference,
    /// A rewrite or candidate summary of a source, scored as a system.
    #[serde(alias = "candidate")]
    Rewrite,
    /// A negative control: scored like a rewrite, expected to score badly.
    Control,
}

/// One manifest entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// File name, relative to the directory.
    pub file: String,
    /// Its role.
    pub role: Role,
    /// For every role but `source`: the file name of the source it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// For rewrites and controls: the system name (default: the file stem).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// For sources: the example id (default: the file stem).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A free-text remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The dataset's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A free-text description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The documents.
    pub documents: Vec<Document>,
}

impl Manifest {
    /// A manifest from a pairing: each group's source, its rewrites; unpaired files omitted.
    pub fn from_pairing(pairing: &Pairing) -> Manifest {
        let mut documents = Vec::new();
        for g in &pairing.groups {
            documents.push(Document {
                file: g.source.clone(),
                role: Role::Source,
                of: None,
                system: None,
                id: None,
                note: None,
            });
            for r in &g.rewrites {
                documents.push(Document {
                    file: r.name.clone(),
                    role: Role::Rewrite,
                    of: Some(g.source.clone()),
                    system: None,
                    id: None,
                    note: Some(format!(
                        "containment in source {:.3}, source in rewrite {:.3}, length ratio {:.3}",
                        r.containment_in_source, r.source_in_rewrite, r.length_ratio
                    )),
                });
            }
        }
        Manifest {
            name: None,
            description: Some(
                "written by `sumbench pair --write-manifest`: check the roles".into(),
            ),
            documents,
        }
    }
}

/// The `.txt` files of a directory, sorted by name, with their contents.
pub fn read_documents(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && e.path().is_file() {
            names.push(name);
        }
    }
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = read_to_string(&dir.join(&n))?;
            Ok((n, text))
        })
        .collect()
}

fn stem(file: &str) -> String {
    file.strip_suffix(".txt").unwrap_or(file).to_owned()
}

/// What cleaning removed from each document: (file name, removed lines).
pub type Removals = Vec<(String, Vec<super::clean::Removed>)>;

/// Groups the `.txt` documents of `dir` by story (after boilerplate cleaning when `clean`),
/// with what cleaning removed from each (empty without cleaning): `sumbench pair`.
pub fn pair_directory(dir: &Path, config: &PairConfig, clean: bool) -> Result<(Pairing, Removals)> {
    let raw = read_documents(dir)?;
    if raw.is_empty() {
        return Err(Error::Dataset {
            path: dir.to_owned(),
            message: "no .txt document in this directory".into(),
        });
    }
    let mut removed = Vec::new();
    let docs: Vec<(String, String)> = raw
        .into_iter()
        .map(|(name, text)| {
            if !clean {
                return (name, text);
            }
            let c = super::clean::clean(&text);
            removed.push((name.clone(), c.removed));
            (name, c.text)
        })
        .collect();
    Ok((pair(&docs, config), removed))
}

/// A loaded directory dataset: its examples and what the loader has to say about it.
#[derive(Debug, Clone)]
pub struct DirectoryDataset {
    /// One example per source.
    pub examples: Vec<Example>,
    /// Remarks for the report (files not in the manifest, unpaired documents, inferred pairing).
    pub notes: Vec<String>,
}

/// Loads a directory: with its manifest if it has one, by pairing otherwise.
pub fn load(dir: &Path, pair_config: &PairConfig) -> Result<DirectoryDataset> {
    let manifest_path = dir.join("manifest.json");
    let docs = read_documents(dir)?;
    if docs.is_empty() {
        return Err(Error::Dataset {
            path: dir.to_owned(),
            message: "no .txt document in this directory".into(),
        });
    }
    if manifest_path.exists() {
        let text = read_to_string(&manifest_path)?;
        let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
            Error::record(&manifest_path, e.line(), format!("invalid manifest: {e}"))
        })?;
        from_manifest(dir, &manifest_path, &manifest, docs)
    } else {
        let pairing = pair(&docs, pair_config);
        let mut notes = vec![format!(
            "no manifest.json: documents were paired by shingle containment (threshold {}); run `sumbench pair --write-manifest` to fix the roles",
            pairing.threshold
        )];
        if !pairing.unpaired.is_empty() {
            notes.push(format!(
                "{} not evaluated: {}",
                crate::wording::count(
                    pairing.unpaired.len() as u64,
                    "unpaired document",
                    "unpaired documents"
                ),
                pairing.unpaired.join(", ")
            ));
        }
        let manifest = Manifest::from_pairing(&pairing);
        let mut ds = from_manifest(dir, &manifest_path, &manifest, docs)?;
        ds.notes.splice(0..0, notes);
        // Files left out of the inferred manifest are the unpaired ones, already reported.
        ds.notes.retain(|n| !n.contains("not in the manifest"));
        Ok(ds)
    }
}

fn from_manifest(
    dir: &Path,
    manifest_path: &Path,
    manifest: &Manifest,
    docs: Vec<(String, String)>,
) -> Result<DirectoryDataset> {
    let bad = |m: String| Error::Dataset {
        path: manifest_path.to_owned(),
        message: m,
    };
    let mut texts: BTreeMap<String, String> = docs.into_iter().collect();
    let mut examples: Vec<Example> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut listed = Vec::new();
    for d in &manifest.documents {
        if listed.contains(&d.file.as_str()) {
            return Err(bad(format!("'{}' is listed twice", d.file)));
        }
        listed.push(d.file.as_str());
        if !texts.contains_key(&d.file) {
            return Err(bad(format!(
                "'{}' is not a .txt file in {}",
                d.file,
                dir.display()
            )));
        }
    }
    for d in manifest.documents.iter().filter(|d| d.role == Role::Source) {
        if d.of.is_some() {
            return Err(bad(format!("source '{}' must not have 'of'", d.file)));
        }
        index.insert(&d.file, examples.len());
        examples.push(Example {
            id: d.id.clone().unwrap_or_else(|| stem(&d.file)),
            line: examples.len() + 1,
            source: Some(texts[&d.file].clone()),
            references: Vec::new(),
            candidates: Vec::new(),
            removed_lines: 0,
            lang: None,
        });
    }
    for d in manifest.documents.iter().filter(|d| d.role != Role::Source) {
        let of = d.of.as_deref().ok_or_else(|| {
            bad(format!(
                "'{}' ({:?}) needs 'of': the source file it belongs to",
                d.file, d.role
            ))
        })?;
        let &e = index.get(of).ok_or_else(|| {
            bad(format!(
                "'{}': 'of' names '{of}', which is not a source in the manifest",
                d.file
            ))
        })?;
        let text = texts[&d.file].clone();
        match d.role {
            Role::Reference => examples[e].references.push(text),
            _ => examples[e].candidates.push(Candidate {
                system: d.system.clone().unwrap_or_else(|| stem(&d.file)),
                text,
            }),
        }
    }
    let mut notes = Vec::new();
    for f in &listed {
        texts.remove(*f);
    }
    if !texts.is_empty() {
        notes.push(format!(
            "{} not in the manifest {} not evaluated: {}",
            crate::wording::count(texts.len() as u64, ".txt file", ".txt files"),
            if texts.len() == 1 { "was" } else { "were" },
            texts.keys().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    examples.retain(|e| {
        if e.candidates.is_empty() {
            notes.push(format!(
                "source '{}' has no rewrite: nothing to score",
                e.id
            ));
            false
        } else {
            true
        }
    });
    Ok(DirectoryDataset { examples, notes })
}

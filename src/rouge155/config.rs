//! ROUGE-1.5.5's inputs: the XML evaluation configuration (`<EVAL ID>` with `PEER-ROOT`,
//! `MODEL-ROOT`, `INPUT-FORMAT TYPE`, `PEERS`/`P ID`, `MODELS`/`M ID`, element names in any case,
//! as `readEvals` reads them), the `-z` file list (`peer model1 model2 ...` per line,
//! `readFileList`), and the summary files in the SEE (HTML), SPL (one sentence per line) and
//! ISI formats, read into lowercased sentences as `readText` reads them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::bytes::Regex;
use rustc_hash::FxHashMap;

use super::text::perl_lines;

/// A summary file format (`INPUT-FORMAT TYPE`, `-z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// SEE's HTML: `<a name="1">[1]</a> <a href="#1" id=1>sentence</a>` lines.
    See,
    /// One sentence per line.
    Spl,
    /// ISI's `<S SNTNO="1">sentence</S>` lines.
    Isi,
}

impl FileFormat {
    /// The format named `name` (any case), or an error line.
    pub fn parse(name: &str) -> Result<FileFormat, String> {
        match name.to_ascii_uppercase().as_str() {
            "SEE" => Ok(FileFormat::See),
            "SPL" => Ok(FileFormat::Spl),
            "ISI" => Ok(FileFormat::Isi),
            "SIMPLE" => Err("input format SIMPLE (Basic Elements) is out of scope".to_owned()),
            _ => Err(format!("Unknown input type: {name}")),
        }
    }
}

/// One evaluation: a document's peers (systems) and models (references).
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The `EVAL ID` (file lists: 1, 2, ...).
    pub id: String,
    /// The file format of its summaries.
    pub format: FileFormat,
    /// Peer ID → path.
    pub peers: FxHashMap<String, PathBuf>,
    /// Model paths in `MODELS` order (a repeated `M ID` counts twice, as in the script).
    pub models: Vec<PathBuf>,
}

/// The evaluations of a configuration, in document order, and every peer ID it names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The evaluations.
    pub evals: Vec<Evaluation>,
    /// Every peer ID, sorted as strings (the order of `-a`).
    pub peer_ids: Vec<String>,
}

/// Trims as the script does (`s/^[\n\s]+//; s/[\n\s]+$//`).
fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b')
}

#[derive(Default)]
struct Partial {
    id: String,
    format: Option<String>,
    peer_root: Option<String>,
    model_root: Option<String>,
    peers: Vec<(String, String)>,
    models: Vec<(String, String)>,
}

fn text_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    // the script keeps the last text child
    node.children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .next_back()
        .map(|t| trim(t).to_owned())
}

fn walk(
    node: roxmltree::Node<'_, '_>,
    current: Option<usize>,
    evals: &mut Vec<Partial>,
    order: &mut FxHashMap<String, usize>,
) -> Result<(), String> {
    let name = node.tag_name().name().to_ascii_uppercase();
    if !node.is_element() {
        for c in node.children() {
            walk(c, current, evals, order)?;
        }
        return Ok(());
    }
    let need = |what: &str| -> Result<usize, String> {
        current.ok_or_else(|| format!("<{what}> outside an <EVAL> (line {})", line_of(node)))
    };
    match name.as_str() {
        "EVAL" => {
            let id = node
                .attribute("ID")
                .ok_or_else(|| format!("<EVAL> without an ID attribute (line {})", line_of(node)))?
                .to_owned();
            let k = *order.entry(id.clone()).or_insert_with(|| {
                evals.push(Partial {
                    id,
                    ..Partial::default()
                });
                evals.len() - 1
            });
            for c in node.children() {
                walk(c, Some(k), evals, order)?;
            }
        }
        "INPUT-FORMAT" => {
            let k = need("INPUT-FORMAT")?;
            let t = node.attribute("TYPE").ok_or_else(|| {
                format!(
                    "<INPUT-FORMAT> without a TYPE attribute (line {})",
                    line_of(node)
                )
            })?;
            FileFormat::parse(t)?;
            evals[k].format = Some(t.to_owned());
        }
        "PEER-ROOT" => {
            let k = need("PEER-ROOT")?;
            if let Some(t) = text_of(node) {
                evals[k].peer_root = Some(t);
            }
        }
        "MODEL-ROOT" => {
            let k = need("MODEL-ROOT")?;
            if let Some(t) = text_of(node) {
                evals[k].model_root = Some(t);
            }
        }
        "PEERS" | "MODELS" => {
            let k = need(&name)?;
            let child = if name == "PEERS" { "P" } else { "M" };
            for c in node.children().filter(|c| c.is_element()) {
                if !c.tag_name().name().eq_ignore_ascii_case(child) {
                    continue;
                }
                let id = c.attribute("ID").ok_or_else(|| {
                    format!("<{child}> without an ID attribute (line {})", line_of(c))
                })?;
                let file = text_of(c).unwrap_or_default();
                let list = if child == "P" {
                    &mut evals[k].peers
                } else {
                    &mut evals[k].models
                };
                list.push((id.to_owned(), file));
            }
        }
        _ => {
            for c in node.children() {
                walk(c, current, evals, order)?;
            }
        }
    }
    Ok(())
}

fn line_of(node: roxmltree::Node<'_, '_>) -> u32 {
    node.document().text_pos_at(node.range().start).row
}

/// Joins a root and a file name as the script does (`"$root/$file"`).
fn joined(root: Option<&str>, file: &str) -> PathBuf {
    PathBuf::from(format!("{}/{file}", root.unwrap_or("")))
}

/// Read an XML configuration (`path` for messages).
pub fn parse_xml(text: &str, path: &Path) -> Result<Config, String> {
    let doc = roxmltree::Document::parse(text)
        .map_err(|e| format!("{}: not a valid ROUGE configuration: {e}", path.display()))?;
    let mut partial: Vec<Partial> = Vec::new();
    let mut order: FxHashMap<String, usize> = FxHashMap::default();
    walk(doc.root(), None, &mut partial, &mut order)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config = Config::default();
    let mut ids: Vec<String> = Vec::new();
    for p in partial {
        let Some(format) = p.format.as_deref() else {
            return Err(format!(
                "{}: EVAL {} has no <INPUT-FORMAT TYPE>",
                path.display(),
                p.id
            ));
        };
        let format = FileFormat::parse(format).map_err(|e| format!("{}: {e}", path.display()))?;
        if p.peer_root.is_none() && !p.peers.is_empty() {
            return Err(format!(
                "{}: EVAL {} has no <PEER-ROOT>",
                path.display(),
                p.id
            ));
        }
        let mut peers = FxHashMap::default();
        for (id, file) in &p.peers {
            peers.insert(id.clone(), joined(p.peer_root.as_deref(), file));
            ids.push(id.clone());
        }
        let models = p
            .models
            .iter()
            .map(|(_, file)| joined(p.model_root.as_deref(), file))
            .collect();
        config.evals.push(Evaluation {
            id: p.id,
            format,
            peers,
            models,
        });
    }
    ids.sort();
    ids.dedup();
    config.peer_ids = ids;
    Ok(config)
}

/// Read a `-z` file list: `peer model1 ... modelN` per line (`#` comments, blank lines
/// skipped), evaluations numbered from 1, the peer named `system`.
pub fn parse_file_list(
    text: &str,
    path: &Path,
    format: FileFormat,
    system: &str,
) -> Result<Config, String> {
    let mut config = Config {
        peer_ids: vec![system.to_owned()],
        ..Config::default()
    };
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let files: Vec<&str> = line.split_ascii_whitespace().collect();
        if files.len() < 2 {
            return Err(format!(
                "{}:{}: File list has to have at least 2 filenames per line (peer model1 model2 ... modelN)",
                path.display(),
                i + 1
            ));
        }
        let mut peers = FxHashMap::default();
        peers.insert(system.to_owned(), PathBuf::from(files[0]));
        config.evals.push(Evaluation {
            id: (config.evals.len() + 1).to_string(),
            format,
            peers,
            models: files[1..].iter().map(PathBuf::from).collect(),
        });
    }
    Ok(config)
}

fn see_patterns() -> &'static [Regex; 2] {
    static P: OnceLock<[Regex; 2]> = OnceLock::new();
    P.get_or_init(|| {
        [
            Regex::new(r#"(?-u)^<a size="[0-9]+" name="[0-9]+">\[([0-9]+)\]</a>\s+<a href="\#[0-9]+" id=[0-9]+>([^<]+)"#)
                .expect("valid"),
            Regex::new(r#"(?-u)^<a name="[0-9]+">\[([0-9]+)\]</a>\s+<a href="\#[0-9]+" id=[0-9]+>([^<]+)"#)
                .expect("valid"),
        ]
    })
}

fn isi_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r#"(?-u)^<S SNTNO="[0-9a-z,]+">([^<]+)</S>"#).expect("valid"))
}

/// The sentences of a summary file, ASCII-lowercased (`tr/A-Z/a-z/`).
pub fn sentences(bytes: &[u8], format: FileFormat) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    match format {
        FileFormat::Spl => {
            for line in perl_lines(bytes) {
                let line = line.strip_suffix(b"\n").unwrap_or(line);
                if !line.is_empty() {
                    out.push(line.to_ascii_lowercase());
                }
            }
        }
        FileFormat::See => {
            let [a, b] = see_patterns();
            for line in perl_lines(bytes) {
                if let Some(c) = a.captures(line).or_else(|| b.captures(line))
                    && let Some(m) = c.get(2)
                {
                    out.push(m.as_bytes().to_ascii_lowercase());
                }
            }
        }
        FileFormat::Isi => {
            for line in perl_lines(bytes) {
                if let Some(c) = isi_pattern().captures(line)
                    && let Some(m) = c.get(1)
                {
                    out.push(m.as_bytes().to_ascii_lowercase());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{FileFormat, parse_file_list, parse_xml, sentences};

    #[test]
    fn xml_configuration() {
        let xml = r#"<ROUGE-EVAL version="1.0">
<EVAL ID="1">
<PEER-ROOT>
sys
</PEER-ROOT>
<MODEL-ROOT>models</MODEL-ROOT>
<INPUT-FORMAT TYPE="SEE"></INPUT-FORMAT>
<PEERS><P ID="b">p1.html</P><P ID="a">p2.html</P></PEERS>
<MODELS><M ID="A">m1.html</M><M ID="B">m2.html</M></MODELS>
</EVAL>
</ROUGE-EVAL>"#;
        let c = parse_xml(xml, Path::new("c.xml")).unwrap();
        assert_eq!(c.peer_ids, ["a", "b"]);
        assert_eq!(c.evals[0].peers["b"], Path::new("sys/p1.html"));
        assert_eq!(c.evals[0].models.len(), 2);
        assert_eq!(c.evals[0].format, FileFormat::See);
        let e = parse_xml("<ROUGE-EVAL><PEERS/></ROUGE-EVAL>", Path::new("c.xml")).unwrap_err();
        assert!(e.contains("outside an <EVAL>"), "{e}");
        let e = parse_xml("<ROUGE-EVAL>", Path::new("c.xml")).unwrap_err();
        assert!(e.starts_with("c.xml: "), "{e}");
    }

    #[test]
    fn file_list_and_formats() {
        let c = parse_file_list(
            "# peers\np.txt m1.txt m2.txt\n\n",
            Path::new("l"),
            FileFormat::Spl,
            "X",
        )
        .unwrap();
        assert_eq!(c.evals.len(), 1);
        assert_eq!(c.evals[0].id, "1");
        assert!(parse_file_list("only-one\n", Path::new("l"), FileFormat::Spl, "X").is_err());
        let see = b"<html>\n<a name=\"1\">[1]</a> <a href=\"#1\" id=1>The Cat sat.</a>\n<a size=\"10\" name=\"2\">[2]</a> <a href=\"#2\" id=2>Two</a>\n";
        assert_eq!(
            sentences(see, FileFormat::See),
            vec![b"the cat sat.".to_vec(), b"two".to_vec()]
        );
        assert_eq!(
            sentences(b"A b\n\n  \nC", FileFormat::Spl),
            vec![b"a b".to_vec(), b"  ".to_vec(), b"c".to_vec()]
        );
        assert_eq!(
            sentences(b"<S SNTNO=\"1\">Hello</S>\n", FileFormat::Isi),
            vec![b"hello".to_vec()]
        );
    }
}

//! The renderer of `sumbench pair`: each story's source and rewrites with the evidence, the
//! unpaired documents, the rule, and (on request) the lines boilerplate cleaning removed.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use crate::dataset::clean::Removed;
use crate::dataset::pair::Pairing;

/// Writes `pairing` as JSON or as tables; `removed` lists, per file, the lines cleaning
/// removed (shown when given).
pub fn render_pairing(
    out: &mut dyn Write,
    pairing: &Pairing,
    removed: Option<&[(String, Vec<Removed>)]>,
    json: bool,
) -> io::Result<()> {
    if json {
        let v = json!({"pairing": pairing, "removed": match removed {
            Some(removed) => json!(removed.iter().map(|(n, r)| json!({"file": n, "lines": r})).collect::<Vec<_>>()),
            None => json!(null),
        }});
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
    } else {
        for g in &pairing.groups {
            writeln!(
                out,
                "story with source {} ({} rewrites)",
                g.source,
                g.rewrites.len()
            )?;
            let mut t = comfy_table::Table::new();
            t.load_style(UTF8_FULL_CONDENSED);
            t.set_header(vec![
                "rewrite",
                "share of rewrite in source",
                "share of source in rewrite",
                "length ratio (words)",
            ]);
            for r in &g.rewrites {
                let num = |x: f64| Cell::new(format!("{x:.3}")).set_alignment(CellAlignment::Right);
                t.add_row(vec![
                    Cell::new(&r.name),
                    num(r.containment_in_source),
                    num(r.source_in_rewrite),
                    num(r.length_ratio),
                ]);
            }
            writeln!(out, "{t}")?;
        }
        if pairing.unpaired.is_empty() {
            writeln!(out, "unpaired: none")?;
        } else {
            writeln!(
                out,
                "unpaired (no other document shares its story): {}",
                pairing.unpaired.join(", ")
            )?;
        }
        writeln!(
            out,
            "rule: word {}-gram shingles; linked when containment either way > {}; source = the member whose shingles recur most in the others",
            pairing.shingle_size, pairing.threshold
        )?;
        if let Some(removed) = removed {
            for (name, lines) in removed {
                writeln!(out, "\nremoved from {name}: {} lines", lines.len())?;
                for r in lines {
                    writeln!(out, "  {:>4} [{}] {}", r.line, r.rule, r.text)?;
                }
            }
        }
    }
    Ok(())
}

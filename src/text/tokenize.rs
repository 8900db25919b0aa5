//! rouge-score's tokenizer, reproduced byte for byte.
//!
//! rouge-score lowercases with Python's `str.lower()`, replaces every run of characters outside
//! `[a-z0-9]` by a space and splits on whitespace. After full Unicode lowercasing exactly two
//! non-ASCII code points produce ASCII letters: U+0130 (`İ` lowers to `i` + U+0307, the
//! combining dot then acting as a separator) and U+212A (the Kelvin sign, lowering to `k`).
//! Every other non-ASCII character is a separator. This was checked exhaustively over all
//! Unicode scalar values against CPython's `str.lower`.

/// Calls `f` with each token of `text`, in order, as rouge-score's tokenizer would produce it
/// (lowercase ASCII `[a-z0-9]+`). No allocation except the reused token buffer.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut buf = String::new();
    // Fast path: a token made only of ASCII lowercase letters and digits is a slice of `text`.
    let mut start: Option<usize> = None; // start of a run of [a-z0-9] in `text` (no copy yet)
    let mut i = 0;
    let flush_slice =
        |start: &mut Option<usize>, end: usize, buf: &mut String, f: &mut dyn FnMut(&str)| {
            if let Some(s) = start.take() {
                if buf.is_empty() {
                    f(&text[s..end]);
                } else {
                    buf.push_str(&text[s..end]);
                    f(buf);
                    buf.clear();
                }
            } else if !buf.is_empty() {
                f(buf);
                buf.clear();
            }
        };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            if start.is_none() {
                start = Some(i);
            }
            i += 1;
        } else if b.is_ascii_uppercase() {
            // Move the pending slice into the buffer, then push the lowered byte.
            if let Some(s) = start.take() {
                buf.push_str(&text[s..i]);
            }
            buf.push(b.to_ascii_lowercase() as char);
            i += 1;
        } else if b < 0x80 {
            flush_slice(&mut start, i, &mut buf, &mut f);
            i += 1;
        } else {
            // Non-ASCII: decode one char.
            let ch = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let width = ch.len_utf8();
            match ch {
                '\u{0130}' => {
                    // `İ` lowers to `i` followed by U+0307, which is a separator.
                    if let Some(s) = start.take() {
                        buf.push_str(&text[s..i]);
                    }
                    buf.push('i');
                    flush_slice(&mut start, i, &mut buf, &mut f);
                }
                '\u{212A}' => {
                    if let Some(s) = start.take() {
                        buf.push_str(&text[s..i]);
                    }
                    buf.push('k');
                }
                _ => flush_slice(&mut start, i, &mut buf, &mut f),
            }
            i += width;
        }
    }
    flush_slice(&mut start, bytes.len(), &mut buf, &mut f);
}

/// rouge-score's tokens of `text` (without stemming), as owned strings.
///
/// ```
/// assert_eq!(
///     sumbench::text::tokenize("Hello, World! It's 3.14 well-known U.S.A."),
///     ["hello", "world", "it", "s", "3", "14", "well", "known", "u", "s", "a"]
/// );
/// assert_eq!(sumbench::text::tokenize("İstanbul 7,000"), ["i", "stanbul", "7", "000"]);
/// ```
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.to_owned()));
    out
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    #[test]
    fn spec_examples() {
        assert_eq!(
            tokenize("Hello, World! It's 3.14 well-known U.S.A."),
            [
                "hello", "world", "it", "s", "3", "14", "well", "known", "u", "s", "a"
            ]
        );
        assert_eq!(
            tokenize("café naïve Straße"),
            ["caf", "na", "ve", "stra", "e"]
        );
        assert!(tokenize("東京 Σίσυφος Москва").is_empty());
        assert_eq!(tokenize("7,000"), ["7", "000"]);
        assert_eq!(tokenize("İstanbul"), ["i", "stanbul"]);
        assert_eq!(tokenize("xİy"), ["xi", "y"]);
        assert_eq!(tokenize("5\u{212A} \u{212A}elvin"), ["5k", "kelvin"]);
        assert_eq!(tokenize("ABCdef GHI"), ["abcdef", "ghi"]);
        assert_eq!(tokenize("abcDEF"), ["abcdef"]);
        assert!(tokenize("").is_empty());
        assert!(tokenize("  \t\r\n ... ").is_empty());
        assert_eq!(tokenize("a\r\nb"), ["a", "b"]);
    }
}

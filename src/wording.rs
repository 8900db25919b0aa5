//! Wording shared by messages and notes: counts with the right plural ("1 line", "2 lines").

use std::borrow::Cow;

/// `text` on one line, for a message or a note: line breaks and other control characters
/// (a tab excepted) written as escapes (`\n`, `\u{0}`), so that a field name, an id or a path
/// taken from the input can never split a message (every error is one line).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A name taken from the input (a column, a field), as messages quote it: on one line
/// ([`one_line`]) and cut to 40 characters.
pub fn input_name(name: &str) -> String {
    let name = one_line(name);
    match name.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &name[..i]),
        None => name.into_owned(),
    }
}

/// `n` followed by `one` when `n` is 1, else by `many`.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::{count, input_name, one_line};

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("plain\ttext"), "plain\ttext");
        assert_eq!(one_line("a\nb\r\0c"), "a\\nb\\r\\u{0}c");
        assert_eq!(input_name(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
        assert_eq!(input_name("ré\n"), "ré\\n");
    }

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1u64, "line", "lines"), "1 line");
        assert_eq!(count(0u64, "line", "lines"), "0 lines");
        assert_eq!(count(2u64, "file was", "files were"), "2 files were");
    }
}

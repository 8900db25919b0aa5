//! Wording shared by messages and notes: counts with the right plural ("1 line", "2 lines").

/// `n` followed by `one` when `n` is 1, else by `many`.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(count(1u64, "line", "lines"), "1 line");
        assert_eq!(count(0u64, "line", "lines"), "0 lines");
        assert_eq!(count(2u64, "file was", "files were"), "2 files were");
    }
}

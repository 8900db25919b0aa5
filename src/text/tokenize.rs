//! rouge-score's tokenizer, reproduced byte for byte.
//!
//! rouge-score lowercases with Python's `str.lower()`, replaces every run of characters outside
//! `[a-z0-9]` by a space and splits on whitespace. After full Unicode lowercasing exactly two
//! non-ASCII code points produce ASCII letters: U+0130 (`İ` lowers to `i` + U+0307, the
//! combining dot then acting as a separator) and U+212A (the Kelvin sign, lowering to `k`).
//! Every other non-ASCII character is a separator. This was checked exhaustively over all
//! Unicode scalar values against CPython's `str.lower`.

/// Byte classes of the scanner.
const SEP: u8 = 0;
const LOW: u8 = 1;
const UP: u8 = 2;
/// First byte of U+0130 `İ` (C4 B0) or of U+212A, the Kelvin sign (E2 84 AA).
const SPECIAL: u8 = 3;

const CLASS: [u8; 256] = {
    let mut t = [SEP; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOW
        } else if c.is_ascii_uppercase() {
            UP
        } else if c == 0xC4 || c == 0xE2 {
            SPECIAL
        } else {
            SEP
        };
        b += 1;
    }
    t
};

/// What a special lead byte at `i` starts: `Some((letter, width, ends_token))` for `İ`
/// (`i`, then a separator) and the Kelvin sign (`k`); `None` for any other character.
#[inline]
fn special(bytes: &[u8], i: usize) -> Option<(u8, usize, bool)> {
    match bytes[i] {
        0xC4 if bytes.get(i + 1) == Some(&0xB0) => Some((b'i', 2, true)),
        0xE2 if bytes.get(i + 1) == Some(&0x84) && bytes.get(i + 2) == Some(&0xAA) => {
            Some((b'k', 3, false))
        }
        _ => None,
    }
}

/// The token hash [`for_each_token_hashed`] computes: FNV-1a over the token's bytes, then a
/// final multiply-xorshift so that the low bits are well mixed for table indexing.
#[inline]
pub fn token_hash(token: &[u8]) -> u64 {
    finish(token.iter().fold(FNV_OFFSET, |h, &b| step(h, b)))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

#[inline(always)]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

#[inline(always)]
fn finish(h: u64) -> u64 {
    let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// Calls `f` with each token of `text`, in order, as rouge-score's tokenizer would produce it
/// (lowercase ASCII `[a-z0-9]+`).
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    for_each_token_hashed(text, |t, _| f(t));
}

/// [`for_each_token`], also passing each token's [`token_hash`], computed during the scan.
///
/// The scanner works on bytes: in valid UTF-8 the sequences of `İ` and of the Kelvin sign cannot
/// occur inside another character, and every other non-ASCII byte is a separator. A token made
/// of lowercase letters and digits only is passed as a slice of `text` (no copy).
pub fn for_each_token_hashed(text: &str, mut f: impl FnMut(&str, u64)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut buf = String::new();
    let mut i = 0;
    while i < n {
        let class = CLASS[bytes[i] as usize];
        if class == SEP || (class == SPECIAL && special(bytes, i).is_none()) {
            i += 1;
            continue;
        }
        // A token starts here. Fast path: a run of [a-z0-9] ended by a separator.
        let start = i;
        let mut h = FNV_OFFSET;
        while i < n && CLASS[bytes[i] as usize] == LOW {
            h = step(h, bytes[i]);
            i += 1;
        }
        if i == n || CLASS[bytes[i] as usize] == SEP {
            f(&text[start..i], finish(h));
            continue;
        }
        // Slow path: uppercase letters or a special character inside the token.
        buf.clear();
        buf.push_str(&text[start..i]);
        while i < n {
            match CLASS[bytes[i] as usize] {
                LOW => buf.push(bytes[i] as char),
                UP => buf.push(bytes[i].to_ascii_lowercase() as char),
                SPECIAL => match special(bytes, i) {
                    Some((letter, width, ends)) => {
                        buf.push(letter as char);
                        i += width;
                        if ends {
                            break;
                        }
                        continue;
                    }
                    None => break,
                },
                _ => break,
            }
            i += 1;
        }
        f(&buf, token_hash(buf.as_bytes()));
    }
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
    fn scan_hash_equals_token_hash() {
        super::for_each_token_hashed("Hello wOrld abc İx 5\u{212A}", |t, h| {
            assert_eq!(h, super::token_hash(t.as_bytes()), "{t}");
        });
    }

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

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

/// Calls `f` with each token of `text`, in order, as rouge-score's tokenizer would produce it
/// (lowercase ASCII `[a-z0-9]+`).
///
/// The scanner works on bytes: in valid UTF-8 the sequences of `İ` and of the Kelvin sign cannot
/// occur inside another character, and every other non-ASCII byte is a separator. A token made
/// of lowercase letters and digits only is passed as a slice of `text` (no copy).
///
/// This is the reference scanner; [`Scan`] is the fast one the analyzer uses, and it falls back
/// to this one for the rare texts that hold `İ` or the Kelvin sign.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
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
        while i < n && CLASS[bytes[i] as usize] == LOW {
            i += 1;
        }
        if i == n || CLASS[bytes[i] as usize] == SEP {
            f(&text[start..i]);
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
        f(&buf);
    }
}

/// True when `bytes` holds `İ` (U+0130) or the Kelvin sign (U+212A), the two characters the
/// fast scanner does not handle.
fn has_special(bytes: &[u8]) -> bool {
    // Search for the last byte of each sequence (B0 of C4 B0, AA of E2 84 AA): unlike the lead
    // bytes (E2 starts the curly quotes and dashes of most news text) they are rare.
    memchr::memchr2_iter(0xB0, 0xAA, bytes).any(|i| {
        let before = &bytes[..i];
        (bytes[i] == 0xB0 && before.ends_with(&[0xC4]))
            || (bytes[i] == 0xAA && before.ends_with(&[0xE2, 0x84]))
    })
}

/// Padding after the lowered bytes, so that a 16-byte load at any token start stays in bounds.
pub(crate) const PAD: usize = 16;

/// For a token of `len` bytes (at most 16), the masks that keep its bytes in the two
/// little-endian words read at its start.
const KEY_MASKS: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut len = 1;
    while len <= 16 {
        t[len] = if len <= 8 {
            (u64::MAX >> (64 - 8 * len), 0)
        } else {
            (u64::MAX, u64::MAX >> (64 - 8 * (len - 8)))
        };
        len += 1;
    }
    t
};

/// The fast scanner's reusable buffers: the lowered text, token boundaries and newline
/// positions of the last text scanned.
///
/// The bytes are processed 64 at a time: a branch-free loop (which the compiler vectorises)
/// lowers `[A-Za-z0-9]`, turns every other byte into 0 and builds a 64-bit mask of the letters
/// and digits; the token boundaries are the set bits of `mask ^ (mask << 1)`, read with
/// `trailing_zeros`, so there is no per-byte branch; newlines come from a second mask. The result
/// equals [`for_each_token`] on every text without `İ` or the Kelvin sign (property-tested);
/// [`Scan::scan`] reports the others so the caller can use the reference scanner.
#[derive(Debug, Default, Clone)]
pub struct Scan {
    /// Lowered bytes (0 for separators), followed by at least [`PAD`] zero bytes.
    low: Vec<u8>,
    /// Token start and end offsets, alternating.
    bounds: Vec<u32>,
    /// Offsets of the `\n` bytes.
    newlines: Vec<u32>,
}

#[inline(always)]
fn in_range(x: u8, lo: u8, hi: u8) -> bool {
    x.wrapping_sub(lo) <= hi - lo
}

/// Lowers one block of 64 bytes into `out` (0 for separators); returns the masks of letters
/// and digits and of newlines (bit `j` for byte `j`), and sets `rare` when the block holds a
/// byte 0xB0 or 0xAA (the last bytes of `İ` and of the Kelvin sign).
///
/// The masks are gathered from separate arrays of 0/1 flags, 8 bytes at a time with one
/// multiply, not read back from `out`: reading 8-byte words over the vector stores that just
/// wrote `out` defeats store forwarding and stalled the loop.
#[inline(always)]
fn lower_block(src: &[u8; 64], out: &mut [u8; 64], rare: &mut u8) -> (u64, u64) {
    let mut flags = [0u8; 64];
    let mut lines = [0u8; 64];
    let mut any = 0u8;
    for (((o, f), nl), &b) in out
        .iter_mut()
        .zip(flags.iter_mut())
        .zip(lines.iter_mut())
        .zip(src)
    {
        let l = b | 0x20;
        let alnum = in_range(l, b'a', b'z') | in_range(b, b'0', b'9');
        *o = if alnum { l } else { 0 };
        *f = u8::from(alnum);
        *nl = u8::from(b == b'\n');
        any |= u8::from((b == 0xB0) | (b == 0xAA));
    }
    *rare |= any;
    let gather = |flags: &[u8; 64]| {
        let mut mask = 0u64;
        for (w, word) in flags.chunks_exact(8).enumerate() {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            mask |= gather_bits(word) << (8 * w);
        }
        mask
    };
    (gather(&flags), gather(&lines))
}

/// Bit `i` set when byte `i` (little-endian) of `word` is 1; every byte must be 0 or 1. The
/// multiply moves bit 0 of byte `i` to bit `56 + i`.
#[inline(always)]
fn gather_bits(word: u64) -> u64 {
    word.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

impl Scan {
    /// Scans `text`. Returns false (and leaves no tokens) when the text holds a character the
    /// fast scanner does not handle, or is longer than `u32::MAX - 64` bytes.
    pub fn scan(&mut self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let n = bytes.len();
        self.bounds.clear();
        self.newlines.clear();
        if n >= (u32::MAX - 64) as usize {
            return false;
        }
        let blocks = n.div_ceil(64);
        self.low.clear();
        self.low.resize(blocks * 64 + PAD, 0);
        self.bounds.reserve(n + 2);
        let mut inside = 0u64;
        let mut rare = 0u8;
        let mut last = [0u8; 64];
        // Edges of one block, written unconditionally at `count` (no capacity check per edge).
        let mut edges_at = [0u32; 65];
        for (b, out) in self.low.chunks_exact_mut(64).take(blocks).enumerate() {
            let src: &[u8; 64] = match bytes[b * 64..].first_chunk() {
                Some(src) => src,
                None => {
                    let tail = &bytes[b * 64..];
                    last[..tail.len()].copy_from_slice(tail);
                    &last
                }
            };
            let Ok(out) = <&mut [u8; 64]>::try_from(out) else {
                break;
            };
            let (mask, newlines) = lower_block(src, out, &mut rare);
            let mut edges = mask ^ ((mask << 1) | inside);
            inside = mask >> 63;
            let base = (b * 64) as u32;
            let mut count = 0;
            while edges != 0 {
                edges_at[count & 63] = base + edges.trailing_zeros();
                count += 1;
                edges &= edges - 1;
            }
            self.bounds.extend_from_slice(&edges_at[..count.min(64)]);
            let mut newlines = newlines;
            while newlines != 0 {
                self.newlines.push(base + newlines.trailing_zeros());
                newlines &= newlines - 1;
            }
        }
        if inside != 0 {
            self.bounds.push(n as u32);
        }
        if rare != 0 && has_special(bytes) {
            self.bounds.clear();
            self.newlines.clear();
            return false;
        }
        true
    }

    /// Number of tokens of the last successful scan.
    pub fn len(&self) -> usize {
        self.bounds.len() / 2
    }

    /// True when the last scan found no token.
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The byte range of token `k`.
    #[inline]
    pub fn range(&self, k: usize) -> (usize, usize) {
        (self.bounds[2 * k] as usize, self.bounds[2 * k + 1] as usize)
    }

    /// The lowered bytes of token `k`.
    #[inline]
    pub fn token(&self, k: usize) -> &[u8] {
        let (s, e) = self.range(k);
        &self.low[s..e]
    }

    /// Token `k` as a 128-bit key when it has at most 16 bytes (see [`key16`]).
    #[inline]
    pub fn key16(&self, k: usize) -> Option<(u64, u64)> {
        let (s, e) = self.range(k);
        let len = e - s;
        if len > 16 {
            return None;
        }
        let (lo_mask, hi_mask) = KEY_MASKS[len];
        let word = |at: usize| -> u64 {
            u64::from_le_bytes(self.low[at..at + 8].try_into().unwrap_or_default())
        };
        Some((word(s) & lo_mask, word(s + 8) & hi_mask))
    }

    /// Offsets of the newlines of the last successful scan.
    pub fn newlines(&self) -> &[u32] {
        &self.newlines
    }
}

/// A token of at most 16 bytes as a 128-bit key: its bytes, little-endian, zero-padded, in
/// two words (tokens hold no zero byte, so the key is unambiguous; a token of at most 8 bytes
/// has a zero high word and its low word is its [`short_key`]). `None` for longer tokens.
#[inline]
pub fn key16(token: &[u8]) -> Option<(u64, u64)> {
    if token.len() > 16 {
        return None;
    }
    let mut word = [0u8; 16];
    word[..token.len()].copy_from_slice(token);
    let (lo, hi) = word.split_at(8);
    Some((
        u64::from_le_bytes(lo.try_into().unwrap_or_default()),
        u64::from_le_bytes(hi.try_into().unwrap_or_default()),
    ))
}

/// A token of at most 8 bytes as a 64-bit key (the low word of its [`key16`]); `None` for
/// longer tokens.
#[inline]
pub fn short_key(token: &[u8]) -> Option<u64> {
    if token.len() > 8 {
        return None;
    }
    key16(token).map(|k| k.0)
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

    /// The fast scanner's tokens and newlines, or `None` when it declines the text.
    fn fast(text: &str) -> Option<(Vec<String>, Vec<u32>)> {
        let mut scan = super::Scan::default();
        if !scan.scan(text) {
            return None;
        }
        let tokens = (0..scan.len())
            .map(|k| {
                let t = scan.token(k);
                assert_eq!(scan.key16(k), super::key16(t));
                String::from_utf8(t.to_vec()).unwrap()
            })
            .collect();
        Some((tokens, scan.newlines().to_vec()))
    }

    fn check_fast(text: &str) {
        let newlines: Vec<u32> = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i as u32)
            .collect();
        match fast(text) {
            Some((tokens, nl)) => {
                assert_eq!(tokens, tokenize(text), "{text:?}");
                assert_eq!(nl, newlines, "{text:?}");
            }
            None => assert!(
                text.contains('\u{130}') || text.contains('\u{212A}'),
                "declined {text:?}"
            ),
        }
    }

    #[test]
    fn gather_bits_gathers_every_pattern() {
        for pattern in 0u64..256 {
            let word = (0..8)
                .filter(|i| pattern >> i & 1 == 1)
                .map(|i| 1u64 << (8 * i))
                .sum();
            assert_eq!(super::gather_bits(word), pattern);
        }
    }

    #[test]
    fn fast_scanner_examples() {
        for text in [
            "",
            "a",
            "Hello, World! It's 3.14 well-known U.S.A.",
            "abcdefgh abcdefghi ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "“Quoted” — dash\nsecond line\n\nthird\n",
            "café naïve Straße 東京 Σίσυφος Москва",
            "@[`{ /:", // the bytes next to the letter and digit ranges
        ] {
            check_fast(text);
        }
        assert!(fast("İstanbul").is_none());
        assert!(fast("5\u{212A}").is_none());
        assert!(fast("\u{2122} \u{0100}").is_some());
    }

    proptest::proptest! {
        #[test]
        fn fast_scanner_equals_reference(text in "([a-zA-Z0-9 \n.,'@\\[`{/:]|é|“|İ|\u{212A}|\u{2122}|Ω){0,80}") {
            check_fast(&text);
        }

        #[test]
        fn fast_scanner_on_any_string(text in "\\PC{0,60}") {
            check_fast(&text);
        }
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

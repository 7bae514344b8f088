//! The bytes of the archive's files: LEB128 integers, length-prefixed
//! strings, the n-gram keys and the shard a key lives in, and the content
//! hash that names every file.

use crate::Error;

/// Between fields in an article's folded text; folding never gives it
/// (it turns U+FFFF into U+FFFD), so no n-gram contains it.
pub const SEPARATOR: char = '\u{FFFF}';

/// The second half of a single character's key: above every character.
const UNI: u64 = 0x1F_FFFF;

/// The key of a pair of folded characters.
pub fn bigram(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

/// The key of a single folded character.
pub fn unigram(c: char) -> u64 {
    (u64::from(c) << 21) | UNI
}

pub fn is_unigram(key: u64) -> bool {
    key & UNI == UNI
}

/// The shard, of `shards`, that holds a key.
pub fn shard_of(key: u64, shards: u32) -> u32 {
    let h = (key ^ 0x5bd1_e995_9e37_79b9).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((h >> 32) % u64::from(shards.max(1))) as u32
}

/// A name for `bytes`: 16 hexadecimal digits of their FNV-1a hash (64
/// bits), so that a file is never rewritten under the same name with
/// other contents and hosts may cache it for ever.
pub fn content_name(dir: &str, bytes: &[u8], ext: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{dir}/{h:016x}.{ext}")
}

pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// Reads what [`put`] and [`put_str`] wrote; running past the end or a
/// malformed value is an [`Error::Archive`].
pub struct Cursor<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, at: 0 }
    }

    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn var(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else { return Err(damaged("a number runs past the end")) };
            self.at += 1;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(damaged("a number is too long"))
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        u32::try_from(self.var()?).map_err(|_| damaged("a number is too large"))
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| damaged("a part runs past the end"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    pub fn str(&mut self) -> Result<&'a str, Error> {
        let n = self.var()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| damaged("a name is not UTF-8"))
    }

    pub fn magic(&mut self, magic: &[u8; 4]) -> Result<(), Error> {
        if self.take(4)? == magic {
            Ok(())
        } else {
            Err(damaged("a file is not of this archive format (build the archive again with this baozhi)"))
        }
    }
}

/// Writes bits, low first, and Rice codes: `v >> k` in unary (ones, then
/// a zero), then the low `k` bits of `v`; a quotient of [`ESCAPE`] or more
/// is written as [`ESCAPE`] ones and `v` in 32 bits.
#[derive(Debug, Default)]
pub struct Bits {
    pub out: Vec<u8>,
    acc: u64,
    n: u32,
}

/// The longest unary quotient of a Rice code.
const ESCAPE: u32 = 24;

impl Bits {
    pub fn bits(&mut self, v: u32, width: u32) {
        debug_assert!(width <= 32);
        self.acc |= (u64::from(v) & ((1u64 << width) - 1)) << self.n;
        self.n += width;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    pub fn rice(&mut self, v: u32, k: u32) {
        let q = v >> k;
        if q >= ESCAPE {
            self.bits((1 << ESCAPE) - 1, ESCAPE);
            self.bits(v, 32);
        } else {
            // q ones, then a zero.
            self.bits((1 << q) - 1, q + 1);
            self.bits(v, k);
        }
    }

    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Reads what [`Bits`] wrote; running past the end is an error.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> BitReader<'a> {
        BitReader { bytes, at: 0 }
    }

    /// Bits read so far.
    pub fn read(&self) -> usize {
        self.at
    }

    fn bit(&mut self) -> Result<u32, Error> {
        let byte = self.bytes.get(self.at / 8).ok_or_else(|| damaged("a list runs past the end"))?;
        let b = u32::from(byte >> (self.at % 8)) & 1;
        self.at += 1;
        Ok(b)
    }

    pub fn bits(&mut self, width: u32) -> Result<u32, Error> {
        let mut v = 0u32;
        let mut i = 0;
        while i < width {
            // Whole bytes at a time where aligned.
            if self.at.is_multiple_of(8) && width - i >= 8 {
                let byte = self.bytes.get(self.at / 8).ok_or_else(|| damaged("a list runs past the end"))?;
                v |= u32::from(*byte) << i;
                self.at += 8;
                i += 8;
            } else {
                v |= self.bit()? << i;
                i += 1;
            }
        }
        Ok(v)
    }

    pub fn rice(&mut self, k: u32) -> Result<u32, Error> {
        let mut q = 0;
        while self.bit()? == 1 {
            q += 1;
            if q == ESCAPE {
                return self.bits(32);
            }
        }
        let low = self.bits(k)?;
        u32::try_from((u64::from(q) << k) | u64::from(low)).map_err(|_| damaged("a number is too large"))
    }
}

/// Bits of `values` in Rice codes of parameter `k`.
pub fn rice_bits(values: &[u32], k: u32) -> u64 {
    values
        .iter()
        .map(|&v| if v >> k >= ESCAPE { u64::from(ESCAPE) + 32 } else { u64::from(v >> k) + 1 + u64::from(k) })
        .sum()
}

/// The Rice parameter that codes `values` in the fewest bits (of those
/// near the one their mean suggests).
pub fn best_k(values: &[u32]) -> u32 {
    let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();
    let k0 = rice_k(sum, values.len() as u64);
    (k0.saturating_sub(2)..=(k0 + 3).min(24)).min_by_key(|&k| (rice_bits(values, k), k)).unwrap_or(k0)
}

/// Bits of `values` in a Golomb code of parameter `m` (the quotient in
/// unary, the remainder in truncated binary): Rice codes are those of `m` a
/// power of two. The bench uses it to say how far the lists' Rice codes are
/// from the best code of their kind.
pub fn golomb_bits(values: &[u32], m: u32) -> u64 {
    let m = m.max(1);
    let b = 32 - (m - 1).leading_zeros();
    let short = (1u64 << b) - u64::from(m);
    values
        .iter()
        .map(|&v| {
            let r = u64::from(v % m);
            u64::from(v / m) + 1 + u64::from(b) - u64::from(r < short)
        })
        .sum()
}

/// The fewest bits of `values` in a Golomb code: of parameters near the
/// one their mean suggests, powers of two (Rice) among them.
pub fn best_golomb_bits(values: &[u32]) -> u64 {
    if values.is_empty() {
        return 0;
    }
    let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();
    let m0 = ((sum as f64 / values.len() as f64) * std::f64::consts::LN_2).max(1.0);
    let near = (0..=16).map(|i| (m0 * 2f64.powf(f64::from(i) / 8.0 - 1.0)).round() as u32);
    let k = best_k(values);
    let rice = (k.saturating_sub(1)..=k + 1).map(|k| 1u32 << k);
    near.chain(rice).map(|m| golomb_bits(values, m)).min().unwrap_or(0)
}

/// The Rice parameter for values of mean `mean`.
pub fn rice_k(sum: u64, n: u64) -> u32 {
    let mean = sum / n.max(1);
    if mean < 2 { 0 } else { (mean as f64 * std::f64::consts::LN_2).log2().floor().clamp(0.0, 24.0) as u32 }
}

pub fn damaged(message: &str) -> Error {
    Error::Archive { message: message.to_string() }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_read_back_and_damage_is_an_error() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put(&mut out, v);
        }
        put_str(&mut out, "p/义乌.json");
        let mut c = Cursor::new(&out);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(c.var().unwrap(), v);
        }
        assert_eq!(c.str().unwrap(), "p/义乌.json");
        assert!(c.done());
        assert!(matches!(c.var(), Err(Error::Archive { .. })));
        assert!(Cursor::new(&[0x80, 0x80]).var().is_err());
        assert!(Cursor::new(&[5, b'a']).str().is_err());
    }

    #[test]
    fn rice_codes_read_back_and_damage_is_an_error() {
        let values = [0u32, 1, 2, 7, 100, 1000, 65_535, 1 << 20, u32::MAX];
        for k in [0, 1, 3, 8, 16] {
            let mut b = Bits::default();
            for &v in &values {
                b.rice(v, k);
                b.bits(v & 0x1F, 5);
            }
            let bytes = b.finish();
            let mut r = BitReader::new(&bytes);
            for &v in &values {
                assert_eq!(r.rice(k).unwrap(), v, "k {k}");
                assert_eq!(r.bits(5).unwrap(), v & 0x1F);
            }
            let mut cut = BitReader::new(&bytes[..bytes.len() / 2]);
            assert!((0..values.len() * 2).any(|_| cut.rice(k).and_then(|_| cut.bits(5)).is_err()));
        }
        assert!(rice_k(1000, 10) >= 5 && rice_k(1000, 10) <= 7);
    }

    #[test]
    fn a_golomb_code_of_a_power_of_two_is_the_rice_code_and_the_best_is_no_longer() {
        // Geometric: value v about 1,000 × 0.8^v times, whose best Golomb code is of 3.
        let values: Vec<u32> = (0..60u32)
            .flat_map(|v| std::iter::repeat_n(v, (1000.0 * 0.8f64.powi(v as i32)).round() as usize))
            .collect();
        for k in 1..5 {
            assert_eq!(golomb_bits(&values, 1 << k), rice_bits(&values, k), "k {k}");
        }
        assert_eq!(best_golomb_bits(&values), golomb_bits(&values, 3));
        assert!(golomb_bits(&values, 3) < rice_bits(&values, best_k(&values)));
        assert_eq!(golomb_bits(&[0, 1, 2], 3), 2 + 3 + 3);
        assert_eq!(best_golomb_bits(&[]), 0);
    }

    #[test]
    fn keys_of_characters_and_pairs_differ() {
        assert_ne!(unigram('义'), bigram('义', '乌'));
        assert!(is_unigram(unigram('\u{10FFFF}')) && !is_unigram(bigram('\u{10FFFF}', '\u{10FFFF}')));
        assert!((0..1000).all(|k| shard_of(k, 7) < 7));
        assert_ne!(content_name("s", b"a", "bin"), content_name("s", b"b", "bin"));
    }
}

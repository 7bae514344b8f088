//! The packed dictionary: jieba's `word frequency tag` lines in a compact
//! binary form, about half the size and smaller again once compressed,
//! that the native binary embeds and the web page downloads.
//!
//! Layout (all numbers LEB128 varints):
//!
//! ```text
//! "BZD1"
//! tag count, then each tag: byte length, UTF-8 bytes
//! entry count
//! words, sorted by bytes: bytes shared with the previous word, length of the rest, the rest
//! frequencies, one per entry
//! tag indexes, one per entry
//! ```
//!
//! Keeping words, frequencies and tags in separate streams lets a general
//! compressor (gzip, brotli) find more repetition.
//!
//! This file is also compiled into `build.rs`, so it depends on nothing
//! else in the crate but the error type (`src/error.rs`, also included there).

use crate::error::Error;

const MAGIC: &[u8; 4] = b"BZD1";

/// Packs dictionary text (`word [frequency [tag]]` per line).
///
/// # Errors
/// A line whose frequency is not a whole number, given as `line N: …`.
pub fn pack(text: &str) -> Result<Vec<u8>, Error> {
    let mut entries: Vec<(&str, u64, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq = match parts.next() {
            Some(f) => f.parse().map_err(|_| Error::DictionaryLine {
                line: n + 1,
                message: format!("frequency is not a whole number: {f:?}"),
            })?,
            None => 0,
        };
        entries.push((word, freq, parts.next().unwrap_or("")));
    }
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    entries.dedup_by(|b, a| a.0 == b.0);

    let mut tags: Vec<&str> = entries.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();

    let mut out = MAGIC.to_vec();
    put(&mut out, tags.len() as u64);
    for t in &tags {
        put(&mut out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    }
    put(&mut out, entries.len() as u64);
    let mut prev: &[u8] = &[];
    for (word, _, _) in &entries {
        let w = word.as_bytes();
        let shared = w.iter().zip(prev).take_while(|(a, b)| a == b).count();
        put(&mut out, shared as u64);
        put(&mut out, (w.len() - shared) as u64);
        out.extend_from_slice(&w[shared..]);
        prev = w;
    }
    for (_, freq, _) in &entries {
        put(&mut out, *freq);
    }
    for (_, _, tag) in &entries {
        put(&mut out, tags.binary_search(tag).expect("every tag is listed") as u64);
    }
    Ok(out)
}

fn put(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn damaged(message: &str) -> Error {
    Error::Dictionary { message: message.to_string() }
}

/// Reads a packed dictionary.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn number(&mut self) -> Result<u64, Error> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or_else(|| damaged("the dictionary is cut short"))?;
            self.at += 1;
            n |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(damaged("the dictionary has a malformed number"))
    }

    fn bytes(&mut self, len: usize) -> Result<&'a [u8], Error> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| damaged("the dictionary is cut short"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
}

/// Unpacks a packed dictionary into jieba's text form, `word freq tag` per
/// line, ready for `jieba_rs::Jieba::with_dict`.
///
/// # Errors
/// Bytes that are not a packed dictionary, or one that is damaged.
pub fn unpack(bytes: &[u8]) -> Result<String, Error> {
    if !bytes.starts_with(MAGIC) {
        return Err(damaged("not a baozhi dictionary (it does not start with BZD1)"));
    }
    let mut r = Reader { bytes, at: MAGIC.len() };
    let tag_count = r.number()? as usize;
    let mut tags = Vec::with_capacity(tag_count.min(1024));
    for _ in 0..tag_count {
        let len = r.number()? as usize;
        tags.push(std::str::from_utf8(r.bytes(len)?).map_err(|_| damaged("a tag is not UTF-8"))?);
    }
    let count = r.number()? as usize;
    if count > bytes.len() {
        return Err(damaged("the dictionary claims more words than it can hold"));
    }
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(count);
    let mut text = Vec::with_capacity(bytes.len() * 2);
    let mut prev = 0..0;
    for _ in 0..count {
        let shared = r.number()? as usize;
        let rest = r.number()? as usize;
        if shared > prev.len() {
            return Err(damaged("the dictionary is damaged (a word shares more than the one before has)"));
        }
        let start = text.len();
        text.extend_from_within(prev.start..prev.start + shared);
        text.extend_from_slice(r.bytes(rest)?);
        prev = start..text.len();
        words.push((start, text.len()));
        text.push(b'\n');
    }
    let mut freqs = Vec::with_capacity(count);
    for _ in 0..count {
        freqs.push(r.number()?);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, &(start, end)) in words.iter().enumerate() {
        let word = std::str::from_utf8(&text[start..end]).map_err(|_| damaged("a word is not UTF-8"))?;
        let tag = *tags.get(r.number()? as usize).ok_or_else(|| damaged("the dictionary is damaged (unknown tag)"))?;
        out.push_str(word);
        out.push(' ');
        out.push_str(&freqs[i].to_string());
        if !tag.is_empty() {
            out.push(' ');
            out.push_str(tag);
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_sorted() {
        let text = "中国 100 ns\n中国人 20 n\n一 50 m\n乌龟 3\n";
        let packed = pack(text).unwrap();
        assert_eq!(unpack(&packed).unwrap(), "一 50 m\n中国 100 ns\n中国人 20 n\n乌龟 3\n");
    }

    #[test]
    fn bad_frequencies_name_their_line() {
        assert_eq!(pack("好 1 a\n坏 x a\n").unwrap_err().to_string(), "line 2: frequency is not a whole number: \"x\"");
    }

    #[test]
    fn damaged_dictionaries_are_errors_not_panics() {
        let packed = pack("中国 100 ns\n中国人 20 n\n").unwrap();
        assert!(unpack(b"nope").is_err());
        for cut in 0..packed.len() {
            assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = packed.clone();
        for i in 4..flipped.len() {
            flipped[i] ^= 0xFF;
            let _ = unpack(&flipped);
            flipped[i] ^= 0xFF;
        }
    }
}

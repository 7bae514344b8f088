//! The packed dictionary: jieba's `word frequency tag` lines in a compact
//! binary form that the native binary embeds and the web page downloads.
//!
//! Layout (numbers are LEB128 varints unless said otherwise):
//!
//! ```text
//! "BZD3"
//! tag count, then each tag: byte length, UTF-8 bytes
//! character count, then each character's code point, the most frequent first
//! entry count
//! words, sorted by code points, in three streams, each given as its byte
//!   length and its numbers: for each word the characters it shares with
//!   the one before; how many follow; and all those characters: the first,
//!   where the word before has a character in its place, as how far after
//!   that one it comes in code point order (less one) among the listed
//!   characters; the others as their place in the character list
//! frequencies, one byte per entry (quantised: see `quantise`)
//! tag indexes, one per entry
//! the HMM's emission table: for each of its four states (begin, end,
//!   middle, single), two bytes (little-endian) for each character of
//!   U+4E00..=U+9FD5 (see `quantise_emission`; 0xFFFF where the character
//!   is never seen in it)
//! ```
//!
//! Keeping words, frequencies and tags in separate streams lets a general
//! compressor (gzip, brotli) find more repetition. Three things make it
//! leaner than jieba's text (measured in the README, "In the browser"):
//!
//! - characters are numbered by how often they occur, so the common ones
//!   take one byte rather than UTF-8's three;
//! - frequencies are quantised to one byte: exact below 64, above that in
//!   steps of 1/16 of their logarithm (at most 3 % off), which is what the
//!   segmenter reads of them (it adds logarithms);
//! - rare words can be pruned ([`Pruning`]): a word of two characters or
//!   more that jieba saw fewer than `min_freq` times, unless it names
//!   someone or something (the tags of [`KEPT_TAGS`]). Single characters
//!   always stay. The packed dictionary keeps every word: pruning even the
//!   words jieba saw fewer than 4 times (a third of the bytes) changes one
//!   word in twenty against the full dictionary (`dict-agreement` in `lab`).
//!
//! This file is also compiled into `build.rs`, so it depends on nothing
//! else in the crate but the error type (`src/error.rs`, also included there).

use crate::error::Error;

const MAGIC: &[u8; 4] = b"BZD3";

/// The characters jieba's HMM covers (it runs on nothing else).
pub const HMM_FIRST: char = '\u{4E00}';
pub const HMM_LAST: char = '\u{9FD5}';
const HMM_LEN: usize = HMM_LAST as usize - HMM_FIRST as usize + 1;
/// The HMM's states.
const HMM_STATES: usize = 4;
/// The log probability of what the HMM never saw (jieba's `MIN_FLOAT`).
pub const HMM_NEVER: f64 = -3.14e100;
/// An emission log probability in two bytes: steps of 1/[`HMM_STEPS`]
/// below [`HMM_TOP`] (jieba's model spans -2.2 to -17.3). In steps of
/// 1/16 in one byte, 30 kB less gzipped, one word in 1,200 was cut
/// otherwise than with jieba's own model.
const HMM_TOP: f64 = -2.0;
const HMM_STEPS: f64 = 1024.0;
const HMM_ABSENT: u16 = u16::MAX;
/// Bytes of the table.
const HMM_BYTES: usize = 2 * HMM_STATES * HMM_LEN;

fn quantise_emission(log_prob: f64) -> u16 {
    ((HMM_TOP - log_prob) * HMM_STEPS).round().clamp(0.0, f64::from(HMM_ABSENT - 1)) as u16
}

fn dequantise_emission(code: u16) -> f64 {
    if code == HMM_ABSENT { HMM_NEVER } else { HMM_TOP - f64::from(code) / HMM_STEPS }
}

/// The emission table of an HMM model in jieba's `hmm.model` text form
/// (comment lines start with `#`; the start probabilities, four lines of
/// transitions, then one line per state of `character:log probability`
/// pairs), quantised, state by state over [`HMM_FIRST`]..=[`HMM_LAST`].
///
/// # Errors
/// A model with fewer lines or a pair that is not `character:number`.
pub fn pack_hmm(model: &str) -> Result<Vec<u8>, Error> {
    let lines: Vec<&str> = model.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let bad = |message: String| Error::Dictionary { message: format!("HMM model: {message}") };
    if lines.len() < 5 + HMM_STATES {
        return Err(bad(format!("{} lines, not the 9 of a model", lines.len())));
    }
    let mut codes = vec![HMM_ABSENT; HMM_STATES * HMM_LEN];
    for (state, line) in lines[5..5 + HMM_STATES].iter().enumerate() {
        for pair in line.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (c, p) = pair.rsplit_once(':').ok_or_else(|| bad(format!("not character:number: {pair:?}")))?;
            let p: f64 = p.parse().map_err(|_| bad(format!("not a number: {pair:?}")))?;
            let mut cs = c.chars();
            let (Some(c), None) = (cs.next(), cs.next()) else {
                return Err(bad(format!("not one character: {pair:?}")));
            };
            if (HMM_FIRST..=HMM_LAST).contains(&c) {
                codes[state * HMM_LEN + (c as usize - HMM_FIRST as usize)] = quantise_emission(p);
            }
        }
    }
    Ok(codes.iter().flat_map(|c| c.to_le_bytes()).collect())
}

/// Tags of the words kept whatever their frequency: names of people,
/// places, organisations and other proper nouns, which the annotation
/// trusts the dictionary for.
pub const KEPT_TAGS: &[&str] = &["nr", "nrfg", "nrt", "ns", "nt", "nz"];

/// Which words [`pack_with`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pruning {
    /// Words of two characters or more rarer than this are left out…
    pub min_freq: u64,
    /// …unless their tag is one of [`KEPT_TAGS`] and this is true.
    pub keep_proper: bool,
}

impl Pruning {
    /// Every word kept: what the packed dictionary uses.
    pub const NONE: Pruning = Pruning { min_freq: 0, keep_proper: true };

    fn keeps(&self, word: &str, freq: u64, tag: &str) -> bool {
        freq >= self.min_freq || word.chars().nth(1).is_none() || (self.keep_proper && KEPT_TAGS.contains(&tag))
    }
}

/// Frequencies below this are stored exactly.
const EXACT: u64 = 64;
/// Steps per unit of the natural logarithm above [`EXACT`].
const STEPS: f64 = 16.0;

/// A frequency in one byte: itself below [`EXACT`], above that the
/// rounded logarithm (the largest code stands for about ten million).
pub fn quantise(freq: u64) -> u8 {
    if freq < EXACT {
        return freq as u8;
    }
    let code = EXACT as f64 + ((freq as f64) / EXACT as f64).ln() * STEPS;
    code.round().min(255.0) as u8
}

/// The frequency a [`quantise`]d byte stands for.
pub fn dequantise(code: u8) -> u64 {
    let code = u64::from(code);
    if code < EXACT {
        return code;
    }
    (EXACT as f64 * ((code - EXACT) as f64 / STEPS).exp()).round() as u64
}

/// Packs dictionary text (`word [frequency [tag]]` per line), every word
/// kept, frequencies quantised, with the HMM's emission table ([`pack_hmm`]).
///
/// # Errors
/// A line whose frequency is not a whole number, given as `line N: …`.
pub fn pack(text: &str, hmm: &[u8]) -> Result<Vec<u8>, Error> {
    pack_with(text, hmm, Pruning::NONE)
}

/// Packs dictionary text keeping the words `pruning` keeps.
///
/// # Errors
/// A line whose frequency is not a whole number, given as `line N: …`.
pub fn pack_with(text: &str, hmm: &[u8], pruning: Pruning) -> Result<Vec<u8>, Error> {
    if hmm.len() != HMM_BYTES {
        return Err(damaged("the HMM's table is not one of pack_hmm"));
    }
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
    entries.retain(|&(word, freq, tag)| pruning.keeps(word, freq, tag));

    let mut tags: Vec<&str> = entries.iter().map(|e| e.2).collect();
    tags.sort_unstable();
    tags.dedup();

    let mut out = MAGIC.to_vec();
    put(&mut out, tags.len() as u64);
    for t in &tags {
        put(&mut out, t.len() as u64);
        out.extend_from_slice(t.as_bytes());
    }
    // Each word as the characters it shares with the one before and the
    // rest, each of those as its rank among the characters of the rests:
    // the common ones take one byte instead of UTF-8's three.
    // The first character of a rest comes after the one in its place in the
    // word before (if it has one), as words are sorted: it is written as
    // how far after (60 kB less gzipped than its rank).
    let mut rests: Vec<(usize, &str, Option<char>)> = Vec::with_capacity(entries.len());
    let mut prev = "";
    for (word, _, _) in &entries {
        let shared = word.chars().zip(prev.chars()).take_while(|(a, b)| a == b).count();
        let at = word.char_indices().nth(shared).map_or(word.len(), |(i, _)| i);
        rests.push((shared, &word[at..], prev.chars().nth(shared)));
        prev = word;
    }
    // Every character of the rests, ranked by how often it is written as a rank.
    let mut counts: std::collections::HashMap<char, u64> = std::collections::HashMap::new();
    for (_, rest, after) in &rests {
        for (k, c) in rest.chars().enumerate() {
            *counts.entry(c).or_default() += u64::from(k > 0 || after.is_none());
        }
    }
    let mut chars: Vec<(char, u64)> = counts.into_iter().collect();
    chars.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rank: std::collections::HashMap<char, u64> = chars.iter().enumerate().map(|(i, c)| (c.0, i as u64)).collect();
    let mut alphabet: Vec<char> = chars.iter().map(|c| c.0).collect();
    alphabet.sort_unstable();
    let place: std::collections::HashMap<char, u64> =
        alphabet.iter().enumerate().map(|(i, &c)| (c, i as u64)).collect();
    put(&mut out, chars.len() as u64);
    for (c, _) in &chars {
        put(&mut out, u64::from(*c));
    }
    put(&mut out, entries.len() as u64);
    // Apart, each stream is more like itself: gzip saves 125 kB on them.
    let (mut shared_s, mut rest_s, mut chars_s) = (Vec::new(), Vec::new(), Vec::new());
    for (shared, rest, after) in &rests {
        put(&mut shared_s, *shared as u64);
        put(&mut rest_s, rest.chars().count() as u64);
        for (k, c) in rest.chars().enumerate() {
            match after {
                Some(a) if k == 0 => put(&mut chars_s, place[&c] - place[a] - 1),
                _ => put(&mut chars_s, rank[&c]),
            }
        }
    }
    for stream in [shared_s, rest_s, chars_s] {
        put(&mut out, stream.len() as u64);
        out.extend_from_slice(&stream);
    }
    out.extend(entries.iter().map(|e| quantise(e.1)));
    for (_, _, tag) in &entries {
        put(&mut out, tags.binary_search(tag).expect("every tag is listed") as u64);
    }
    out.extend_from_slice(hmm);
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
    #[inline]
    fn number(&mut self) -> Result<u64, Error> {
        // Most numbers (character ranks, counts) take one byte.
        if let Some(&byte) = self.bytes.get(self.at)
            && byte < 0x80
        {
            self.at += 1;
            return Ok(u64::from(byte));
        }
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

/// The entries of a packed dictionary, decoded: words in byte order, each
/// once (a dictionary whose words are not is damaged), with their
/// frequency and tag.
#[derive(Debug)]
pub struct Entries<'a> {
    /// The words, one after another, each followed by a newline.
    text: String,
    /// Where each word ends in `text` (it starts after the one before's newline).
    ends: Vec<u32>,
    freqs: &'a [u8],
    /// The frequency each code of `freqs` stands for ([`dequantise`]).
    freq_of: [u64; 256],
    tag_of: Vec<u8>,
    tags: Vec<&'a str>,
    /// The HMM's emission table ([`pack_hmm`]).
    hmm: &'a [u8],
}

impl<'a> Entries<'a> {
    /// Decodes a packed dictionary.
    ///
    /// # Errors
    /// Bytes that are not a packed dictionary, or one that is damaged.
    pub fn read(bytes: &'a [u8]) -> Result<Entries<'a>, Error> {
        if !bytes.starts_with(MAGIC) {
            return Err(damaged("not a baozhi dictionary of this version (it does not start with BZD3)"));
        }
        let mut r = Reader { bytes, at: MAGIC.len() };
        let tag_count = r.number()? as usize;
        if tag_count > 256 {
            return Err(damaged("the dictionary has more tags than it can number"));
        }
        let mut tags = Vec::with_capacity(tag_count);
        for _ in 0..tag_count {
            let len = r.number()? as usize;
            tags.push(std::str::from_utf8(r.bytes(len)?).map_err(|_| damaged("a tag is not UTF-8"))?);
        }
        let char_count = r.number()? as usize;
        if char_count > bytes.len() {
            return Err(damaged("the dictionary claims more characters than it can hold"));
        }
        let mut chars = Vec::with_capacity(char_count);
        for _ in 0..char_count {
            let c = u32::try_from(r.number()?).ok().and_then(char::from_u32);
            chars.push(c.ok_or_else(|| damaged("the dictionary lists a character that is not one"))?);
        }
        let count = r.number()? as usize;
        if count > bytes.len() {
            return Err(damaged("the dictionary claims more words than it can hold"));
        }
        let mut stream = || -> Result<Reader<'a>, Error> {
            let len = usize::try_from(r.number()?).map_err(|_| damaged("the dictionary is cut short"))?;
            Ok(Reader { bytes: r.bytes(len)?, at: 0 })
        };
        let (mut shared_s, mut rest_s, mut chars_s) = (stream()?, stream()?, stream()?);
        // The characters in code point order, and each rank's place there.
        let mut alphabet: Vec<(char, u32)> = chars.iter().enumerate().map(|(rank, &c)| (c, rank as u32)).collect();
        alphabet.sort_unstable();
        if alphabet.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(damaged("the dictionary lists a character twice"));
        }
        let mut place = vec![0u32; alphabet.len()];
        for (at, &(_, rank)) in alphabet.iter().enumerate() {
            place[rank as usize] = at as u32;
        }
        let mut ends = Vec::with_capacity(count);
        let mut text = String::with_capacity(bytes.len() * 2);
        let mut prev = 0..0;
        // The places of the word before's characters.
        let mut word: Vec<u32> = Vec::new();
        // And the byte length of each of its prefixes (its first character,
        // its first two…), so that the shared part is not counted out again.
        let mut prefix_bytes: Vec<u32> = Vec::new();
        for _ in 0..count {
            let shared = shared_s.number()? as usize;
            let rest = rest_s.number()? as usize;
            if shared > word.len() || rest > bytes.len() {
                return Err(damaged("the dictionary is damaged (a word shares more than the one before has)"));
            }
            let start = text.len();
            let shared_bytes = if shared == 0 { 0 } else { prefix_bytes[shared - 1] as usize };
            text.extend_from_within(prev.start..prev.start + shared_bytes);
            // The word's first own character comes after the one in its place
            // in the word before, if any: words are sorted and distinct.
            let after = word.get(shared).copied();
            word.truncate(shared);
            prefix_bytes.truncate(shared);
            for k in 0..rest {
                let code = chars_s.number()?;
                let at = match after {
                    Some(a) if k == 0 => code.checked_add(u64::from(a) + 1),
                    _ => usize::try_from(code).ok().and_then(|rank| place.get(rank)).map(|&at| u64::from(at)),
                };
                let at = at.and_then(|at| u32::try_from(at).ok()).filter(|&at| (at as usize) < alphabet.len());
                let at = at.ok_or_else(|| damaged("the dictionary is damaged (unknown character)"))?;
                word.push(at);
                text.push(alphabet[at as usize].0);
                prefix_bytes.push((text.len() - start) as u32);
            }
            if rest == 0 && start > 0 {
                return Err(damaged("the dictionary is damaged (its words are out of order)"));
            }
            prev = start..text.len();
            ends.push(u32::try_from(text.len()).map_err(|_| damaged("the dictionary is too large"))?);
            text.push('\n');
        }
        if [&shared_s, &rest_s, &chars_s].iter().any(|s| s.at != s.bytes.len()) {
            return Err(damaged("the dictionary is damaged (its words' streams do not agree)"));
        }
        let freqs = r.bytes(count)?;
        let mut tag_of = Vec::with_capacity(count);
        for _ in 0..count {
            let tag = r.number()?;
            if tag >= tags.len() as u64 {
                return Err(damaged("the dictionary is damaged (unknown tag)"));
            }
            tag_of.push(tag as u8);
        }
        let hmm = r.bytes(HMM_BYTES)?;
        if r.at != bytes.len() {
            return Err(damaged("the dictionary has bytes after its end"));
        }
        let freq_of = std::array::from_fn(|code| dequantise(code as u8));
        Ok(Entries { text, ends, freqs, freq_of, tag_of, tags, hmm })
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Are there none?
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The tags, each once, in the order [`Entries::indexed`] numbers them.
    pub fn tags(&self) -> &[&'a str] {
        &self.tags
    }

    /// Every entry: word, frequency, tag as its place in [`Entries::tags`].
    pub fn indexed(&self) -> impl Iterator<Item = (&str, u64, usize)> + '_ {
        let text = self.text.as_str();
        let mut start = 0;
        self.ends.iter().enumerate().map(move |(i, &end)| {
            let word = &text[start..end as usize];
            start = end as usize + 1;
            (word, self.freq_of[usize::from(self.freqs[i])], usize::from(self.tag_of[i]))
        })
    }

    /// The HMM's emission log probabilities of a character in its four
    /// states (begin, end, middle, single); [`HMM_NEVER`] for a state it is
    /// never seen in, and for a character outside [`HMM_FIRST`]..=[`HMM_LAST`].
    pub fn hmm_emissions(&self, c: char) -> [f64; HMM_STATES] {
        let Some(at) = (c as usize).checked_sub(HMM_FIRST as usize).filter(|&at| at < HMM_LEN) else {
            return [HMM_NEVER; HMM_STATES];
        };
        std::array::from_fn(|state| {
            let i = 2 * (state * HMM_LEN + at);
            dequantise_emission(u16::from_le_bytes([self.hmm[i], self.hmm[i + 1]]))
        })
    }

    /// Every entry: word, frequency, tag (`""` for none).
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64, &'a str)> + '_ {
        let text = self.text.as_str();
        let mut start = 0;
        self.ends.iter().enumerate().map(move |(i, &end)| {
            let word = &text[start..end as usize];
            start = end as usize + 1;
            (word, self.freq_of[usize::from(self.freqs[i])], self.tags[self.tag_of[i] as usize])
        })
    }
}

/// Unpacks a packed dictionary into jieba's text form, `word freq tag` per
/// line, ready for `jieba_rs::Jieba::with_dict`.
///
/// # Errors
/// Bytes that are not a packed dictionary, or one that is damaged.
pub fn unpack(bytes: &[u8]) -> Result<String, Error> {
    let entries = Entries::read(bytes)?;
    let mut out = String::with_capacity(entries.text.len() * 2);
    for (word, freq, tag) in entries.iter() {
        push_line(&mut out, word, freq, tag);
    }
    Ok(out)
}

/// Appends `word freq[ tag]` and a newline.
pub fn push_line(out: &mut String, word: &str, freq: u64, tag: &str) {
    use std::fmt::Write;
    out.push_str(word);
    // Writing to a String cannot fail.
    let _ = write!(out, " {freq}");
    if !tag.is_empty() {
        out.push(' ');
        out.push_str(tag);
    }
    out.push('\n');
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// An HMM table of a model that never saw anything.
    fn no_hmm() -> Vec<u8> {
        vec![0xFF; HMM_BYTES]
    }

    #[test]
    fn packing_round_trips_sorted() {
        let text = "中国 60 ns\n中国人 20 n\n一 50 m\n乌龟 3\n";
        let packed = pack_with(text, &no_hmm(), Pruning::NONE).unwrap();
        assert_eq!(unpack(&packed).unwrap(), "一 50 m\n中国 60 ns\n中国人 20 n\n乌龟 3\n");
    }

    #[test]
    fn frequencies_are_exact_when_small_and_within_three_percent_above() {
        for f in 0..64 {
            assert_eq!(dequantise(quantise(f)), f);
        }
        for f in [64, 65, 100, 999, 12_345, 318_825, 5_000_000] {
            let back = dequantise(quantise(f)) as f64;
            assert!((back / f as f64 - 1.0).abs() < 0.032, "{f} comes back as {back}");
        }
        assert_eq!(quantise(u64::MAX), 255);
    }

    #[test]
    fn rare_common_words_are_pruned_but_characters_and_names_stay() {
        let text = "乌龟 3 n\n乌 2 n\n龟 1 n\n张三丰 2 nr\n乌龟壳 4 n\n";
        let words = |pruning| -> Vec<String> {
            let packed = pack_with(text, &no_hmm(), pruning).unwrap();
            unpack(&packed).unwrap().lines().map(|l| l.split(' ').next().unwrap().to_string()).collect()
        };
        assert_eq!(words(Pruning { min_freq: 4, keep_proper: true }), ["乌", "乌龟壳", "张三丰", "龟"]);
        assert_eq!(words(Pruning { min_freq: 4, keep_proper: false }), ["乌", "乌龟壳", "龟"]);
        assert_eq!(words(Pruning::NONE).len(), 5);
        assert_eq!(pack(text, &no_hmm()).unwrap(), pack_with(text, &no_hmm(), Pruning::NONE).unwrap());
    }

    #[test]
    fn words_come_in_order_once_each_or_the_dictionary_is_damaged() {
        // One tag (none), the characters a and b, two words, each of one
        // character (the three streams: shared 0 and 0, lengths 1 and 1,
        // the characters: the first word's by rank, the second's as how far
        // after the first's it comes, less one), frequencies 1 and 1, tag 0
        // and 0.
        let packed = |first: u8, second: u8| {
            [b"BZD3".as_slice(), &[1, 0, 2, b'a', b'b', 2, 2, 0, 0, 2, 1, 1, 2, first, second, 1, 1, 0, 0], &no_hmm()]
                .concat()
        };
        assert_eq!(unpack(&packed(0, 0)).unwrap(), "a 1\nb 1\n");
        // Nothing comes after b: a second word cannot follow it.
        assert!(unpack(&packed(1, 0)).is_err());
        assert!(unpack(&packed(0, 1)).is_err());
        // A word that is the one before it again or a prefix of it (shares
        // all and adds nothing).
        let again =
            [b"BZD3".as_slice(), &[1, 0, 2, b'a', b'b', 2, 2, 0, 1, 2, 1, 0, 1, 0, 1, 1, 0, 0], &no_hmm()].concat();
        assert!(unpack(&again).is_err());
        // A character listed twice.
        let twice =
            [b"BZD3".as_slice(), &[1, 0, 2, b'a', b'a', 2, 2, 0, 0, 2, 1, 1, 2, 0, 0, 1, 1, 0, 0], &no_hmm()].concat();
        assert!(unpack(&twice).is_err());
        let words = "乙 1\n中 3\n中国 2\n中国人 1\n丁 1\n乙丁 1\n乙 2\n";
        assert_eq!(unpack(&pack(words, &no_hmm()).unwrap()).unwrap(), "丁 1\n中 3\n中国 2\n中国人 1\n乙 1\n乙丁 1\n");
    }

    #[test]
    fn bad_frequencies_name_their_line() {
        assert_eq!(
            pack("好 1 a\n坏 x a\n", &no_hmm()).unwrap_err().to_string(),
            "line 2: frequency is not a whole number: \"x\""
        );
    }

    #[test]
    fn damaged_dictionaries_are_errors_not_panics() {
        let packed = pack("中国 100 ns\n中国人 20 n\n", &no_hmm()).unwrap();
        assert!(unpack(b"nope").is_err());
        assert!(unpack(b"BZD2").is_err());
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

    #[test]
    fn the_hmm_table_keeps_each_emission_to_a_2048th_of_its_logarithm() {
        let model = "#\n-0.26 -3.14e+100 -3.14e+100 -1.46\n0 0 0 0\n0 0 0 0\n0 0 0 0\n0 0 0 0\n\
                     中:-5.5,乙:-17.334\n中:-2.25\n\nx:-3.0,丁:-9.0\n";
        assert!(pack_hmm(model).is_err(), "a state's line is empty: only 8 lines");
        let model = model.replace("\n\n", "\n国:-4.0\n");
        let packed = pack("中 3 n\n", &pack_hmm(&model).unwrap()).unwrap();
        let entries = Entries::read(&packed).unwrap();
        let near = |a: [f64; 4], b: [f64; 4]| a.iter().zip(&b).all(|(x, y)| (x - y).abs() <= 1.0 / 2048.0);
        assert!(near(entries.hmm_emissions('中'), [-5.5, -2.25, HMM_NEVER, HMM_NEVER]));
        assert!(near(entries.hmm_emissions('乙'), [-17.334, HMM_NEVER, HMM_NEVER, HMM_NEVER]));
        assert!(near(entries.hmm_emissions('国'), [HMM_NEVER, HMM_NEVER, -4.0, HMM_NEVER]));
        assert!(near(entries.hmm_emissions('丁'), [HMM_NEVER, HMM_NEVER, HMM_NEVER, -9.0]));
        assert_eq!(entries.hmm_emissions('x'), [HMM_NEVER; 4], "outside the HMM's characters");
        assert_eq!(entries.hmm_emissions('好'), [HMM_NEVER; 4], "never seen");
    }
}

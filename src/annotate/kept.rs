//! The tokens an article was annotated with, kept with its words so that
//! showing the article does not cut it and find its entities again.
//!
//! Kept packed, at about two bytes a token (a tag and a length): the
//! tokens of a field follow each other from its start, so their lengths
//! give every offset back. Unpacking costs a few instructions a token,
//! where cutting and recognising again cost hundreds.

use super::{ArticleTokens, EntitySpan};
use crate::model::{Article, Field, fields};
use crate::words::{EntityKind, Tag, Token};

/// An article's tokens and entity spans, packed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptTokens {
    /// How many tokens each field has, in the order of [`fields`].
    per_field: Vec<u32>,
    tags: Vec<Tag>,
    /// Each token's length, as [`push_length`] writes it.
    lengths: Vec<u8>,
    spans: Vec<KeptSpan>,
}

/// An entity span with its field by its place in [`fields`]: 16 bytes,
/// where an [`EntitySpan`] takes 40.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeptSpan {
    field: u32,
    start: u32,
    end: u32,
    kind: EntityKind,
}

/// A length that does not fit one byte: this byte, then the counts of
/// characters and of bytes as LEB128.
const LONG: u8 = 0x80;

impl KeptTokens {
    /// Empty, with room for the tokens of an article of `fields` fields
    /// holding `bytes` bytes of text in all, so that keeping them does not
    /// grow the vectors again and again: a tag and a length byte for every
    /// three bytes, that is one token per Chinese character, more than
    /// Chinese text ever has (only runs of one-byte characters, such as
    /// digits and Latin letters, can exceed it; then the vectors grow).
    /// Words take about five bytes, so some two fifths of this is left
    /// over: [`KeptTokens::shrink_to_fit`] gives it back once the article
    /// is kept. Entity spans get room for one every 48 bytes, which few
    /// articles pass.
    pub(super) fn for_bytes(bytes: usize, fields: usize) -> KeptTokens {
        KeptTokens {
            per_field: Vec::with_capacity(fields),
            tags: Vec::with_capacity(bytes / 3),
            lengths: Vec::with_capacity(bytes / 3),
            spans: Vec::with_capacity(bytes / 48),
        }
    }

    /// Keeps the tokens of the next field. Returns false, keeping nothing,
    /// if they do not follow each other from the field's start (then the
    /// article is cut again when shown).
    pub(super) fn push_field(&mut self, text: &str, tokens: &[Token]) -> bool {
        let kept = self.lengths.len();
        self.lengths.reserve(tokens.len());
        // In text without four-byte characters, a word three times as long
        // in bytes as in characters has only three-byte ones (one byte or
        // four is plain from the counts).
        let no_four_byte = text.bytes().fold(0, u8::max) < 0xF0;
        let (mut chars, mut bytes) = (0, 0);
        for t in tokens {
            if t.start != chars || t.byte_start != bytes {
                self.lengths.truncate(kept);
                return false;
            }
            let (n, size) = (t.end - t.start, t.byte_end - t.byte_start);
            match n {
                1..32 if size == 3 * n && no_four_byte => self.lengths.push(2 << 5 | n as u8),
                1..32 if size == n => self.lengths.push(n as u8),
                _ => push_length(&mut self.lengths, t.text(text), n),
            }
            (chars, bytes) = (t.end, t.byte_end);
        }
        self.per_field.push(tokens.len() as u32);
        self.tags.extend(tokens.iter().map(|t| t.tag));
        true
    }

    /// Keeps an entity of field number `field` (in the order of [`fields`]).
    pub(super) fn push_span(&mut self, field: usize, start: u32, end: u32, kind: EntityKind) {
        self.spans.push(KeptSpan { field: field as u32, start, end, kind });
    }

    /// The tokens and entity spans of `article`, the article they were
    /// kept from.
    ///
    /// # Panics
    /// Given another article, whose fields are shorter than the tokens kept.
    pub fn unpack(&self, article: &Article) -> ArticleTokens {
        let fields = fields(article);
        debug_assert_eq!(fields.len(), self.per_field.len(), "kept from another article");
        let mut tags = self.tags.iter().copied();
        let mut lengths = self.lengths.iter().copied();
        let tokens: Vec<(Field, Vec<Token>)> = fields
            .iter()
            .zip(&self.per_field)
            .map(|(&(field, _), &count)| {
                let mut tokens = Vec::with_capacity(count as usize);
                let (mut start, mut byte_start) = (0, 0);
                for _ in 0..count {
                    let (chars, bytes) = next_length(&mut lengths);
                    let tag = tags.next().unwrap_or(Tag::UNKNOWN);
                    let (end, byte_end) = (start + chars, byte_start + bytes);
                    tokens.push(Token { start, end, byte_start, byte_end, tag });
                    (start, byte_start) = (end, byte_end);
                }
                (field, tokens)
            })
            .collect();
        let entity_spans = self
            .spans
            .iter()
            .map(|s| EntitySpan {
                field: fields[s.field as usize].0,
                start: s.start as usize,
                end: s.end as usize,
                kind: s.kind,
            })
            .collect();
        ArticleTokens { tokens, entity_spans }
    }

    /// The bytes kept on the heap (for measuring what keeping costs).
    pub fn heap_bytes(&self) -> usize {
        self.per_field.capacity() * size_of::<u32>()
            + self.tags.capacity() * size_of::<Tag>()
            + self.lengths.capacity()
            + self.spans.capacity() * size_of::<KeptSpan>()
    }

    /// Frees what was reserved beyond what is kept.
    pub(super) fn shrink_to_fit(&mut self) {
        self.per_field.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.lengths.shrink_to_fit();
        self.spans.shrink_to_fit();
    }
}

/// Writes a word's length: one byte when it has fewer than 32 characters
/// all as long in UTF-8 (nearly every word: Chinese characters take three
/// bytes each), their width less one in bits 5 and 6 and their count in
/// bits 0 to 4; otherwise [`LONG`] and both counts.
fn push_length(out: &mut Vec<u8>, word: &str, chars: u32) {
    let bytes = word.len() as u32;
    if (1..32).contains(&chars) && bytes.is_multiple_of(chars) {
        let width = bytes / chars;
        // Every `width`-th byte leads a character of that width.
        let uniform = match width {
            1 | 4 => true,
            2 | 3 => word.as_bytes().iter().step_by(width as usize).all(|&b| utf8_width(b) == width),
            _ => false,
        };
        if uniform {
            out.push(((width - 1) << 5) as u8 | chars as u8);
            return;
        }
    }
    out.push(LONG);
    push_leb128(out, chars);
    push_leb128(out, bytes);
}

/// The next length [`push_length`] wrote: characters and bytes.
fn next_length(lengths: &mut impl Iterator<Item = u8>) -> (u32, u32) {
    let first = lengths.next().unwrap_or(0);
    if first != LONG {
        let chars = u32::from(first & 0x1F);
        return (chars, chars * (u32::from(first >> 5) + 1));
    }
    let chars = next_leb128(lengths);
    (chars, next_leb128(lengths))
}

/// How many bytes the character a UTF-8 byte leads takes (0 for a byte
/// inside a character).
fn utf8_width(lead: u8) -> u32 {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 0,
    }
}

fn push_leb128(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn next_leb128(bytes: &mut impl Iterator<Item = u8>) -> u32 {
    let mut n = 0;
    for shift in (0..35).step_by(7) {
        let b = bytes.next().unwrap_or(0);
        n |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
    }
    n
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Tokens cut at `cuts` (character offsets) of `text`, tagged as people.
    fn tokens_at(text: &str, cuts: &[usize]) -> Vec<Token> {
        let offsets: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        cuts.windows(2)
            .map(|w| Token {
                start: w[0] as u32,
                end: w[1] as u32,
                byte_start: offsets[w[0]] as u32,
                byte_end: offsets[w[1]] as u32,
                tag: Tag::PERSON,
            })
            .collect()
    }

    #[test]
    fn words_of_any_width_and_length_come_back_as_they_were_kept() {
        let long = "长".repeat(40);
        let text = format!("a中文ß𠀀3月é中{long} ");
        // a / 中文 / ß / 𠀀 / 3月 / é中 / 长×40 / space
        let cuts = [0, 1, 3, 4, 5, 7, 9, 49, 50];
        let tokens = tokens_at(&text, &cuts);
        assert_eq!(tokens.last().map(|t| t.byte_end as usize), Some(text.len()));
        let article = Article { paragraphs: vec![text.clone()], ..Article::default() };
        let mut kept = KeptTokens::default();
        assert!(kept.push_field(&text, &tokens));
        kept.push_span(0, 1, 3, EntityKind::Place);
        let shown = kept.unpack(&article);
        assert_eq!(shown.tokens, vec![(Field::Paragraph(0), tokens)]);
        assert_eq!(
            shown.entity_spans,
            vec![EntitySpan { field: Field::Paragraph(0), start: 1, end: 3, kind: EntityKind::Place }]
        );
        // One byte of length a token, but three for the two of mixed
        // widths and the long one.
        assert_eq!(kept.lengths.len(), 5 + 3 * 3);
    }

    #[test]
    fn tokens_with_a_gap_are_not_kept() {
        let text = "中文字";
        let mut tokens = tokens_at(text, &[0, 1, 3]);
        tokens.remove(0);
        let mut kept = KeptTokens::default();
        assert!(!kept.push_field(text, &tokens));
        assert_eq!(kept, KeptTokens::default());
    }
}

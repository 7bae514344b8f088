//! One page's part of the index: its folded text with a suffix array, where
//! each field lies in it and how its positions map back to the page's
//! characters, and where the segmenter's words start.

use crate::model::Page;
use crate::model::{Field, fields};
use crate::text::fold::{fold, fold_keeping_spaces};
use crate::words::{Mode, Segmenter};

use super::suffix::{SuffixArray, sort_suffixes};
use super::{ACROSS_WORDS, INSIDE_WORD};

/// Between fields in the folded text; no folded text contains it.
pub const SEPARATOR: u16 = 0xFFFF;

/// A field of an article in the folded text.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpan {
    /// Code units `start..end` of the folded text.
    pub start: u32,
    pub end: u32,
    pub article: u32,
    field: u32,
    /// Its first entry in [`PageIndex::shifts`].
    shifts: u32,
}

impl FieldSpan {
    /// Is it the kicker, the title or the subtitle?
    pub fn is_headline(&self) -> bool {
        self.field < 3
    }

    pub fn field(&self) -> Field {
        match self.field {
            0 => Field::Kicker,
            1 => Field::Title,
            2 => Field::Subtitle,
            3 => Field::Byline,
            4 => Field::Dateline,
            p => Field::Paragraph(p as usize - 5),
        }
    }
}

fn field_code(field: Field) -> u32 {
    match field {
        Field::Kicker => 0,
        Field::Title => 1,
        Field::Subtitle => 2,
        Field::Byline => 3,
        Field::Dateline => 4,
        Field::Paragraph(i) => 5 + i as u32,
    }
}

/// From code unit `unit` of the folded text on (to the next shift or the
/// field's end), the character offset in the field's text is the unit's
/// offset in the field plus `delta`. Whitespace dropped makes it grow;
/// characters outside the Basic Multilingual Plane, two units each, make
/// it shrink.
#[derive(Debug, Clone, Copy)]
struct Shift {
    unit: u32,
    delta: i32,
}

#[derive(Debug, Clone)]
pub struct PageIndex {
    pub id: u32,
    /// Its column in the page filter.
    pub slot: u32,
    /// The folded text of every field of every article, in reading order,
    /// each followed by [`SEPARATOR`].
    pub text: Box<[u16]>,
    suffixes: SuffixArray,
    pub fields: Box<[FieldSpan]>,
    shifts: Box<[Shift]>,
    /// A bit per code unit: a word of the segmenter starts there. Set at
    /// every separator too, so that a field's end is a word's end. Empty
    /// while there is no segmenter.
    starts: Box<[u64]>,
    /// The number of words of each article (of folded text units, UTF-16,
    /// while there is no segmenter).
    pub lengths: Box<[u32]>,
}

impl PageIndex {
    /// Folds, sorts and cuts a page.
    pub fn build(id: u32, slot: u32, page: &Page, segmenter: Option<&Segmenter>) -> PageIndex {
        let mut text: Vec<u16> = Vec::new();
        let mut spans = Vec::new();
        let mut shifts = Vec::new();
        for (a, article) in page.articles.iter().enumerate() {
            for (field, field_text) in fields(article) {
                let start = text.len();
                let first_shift = shifts.len() as u32;
                let mut delta = 0i32;
                let mut buf = [0u16; 2];
                for (i, c) in field_text.chars().enumerate() {
                    let Some(f) = fold(c) else { continue };
                    let d = i as i32 - (text.len() - start) as i32;
                    if d != delta {
                        shifts.push(Shift { unit: text.len() as u32, delta: d });
                        delta = d;
                    }
                    text.extend_from_slice(f.encode_utf16(&mut buf));
                }
                spans.push(FieldSpan {
                    start: start as u32,
                    end: text.len() as u32,
                    article: a as u32,
                    field: field_code(field),
                    shifts: first_shift,
                });
                text.push(SEPARATOR);
            }
        }
        let order = sort_suffixes(&text);
        // Only suffixes that start a character and are not a separator can
        // start a match.
        let suffixes = SuffixArray::new(order, &text, |p| text[p] != SEPARATOR && !is_low_surrogate(text[p]));
        let mut index = PageIndex {
            id,
            slot,
            text: text.into_boxed_slice(),
            suffixes,
            fields: spans.into_boxed_slice(),
            shifts: shifts.into_boxed_slice(),
            starts: Box::new([]),
            lengths: Box::new([]),
        };
        index.cut(page, segmenter);
        index
    }

    /// Finds where the segmenter's words start, in indexing mode, and counts
    /// each article's words; again whenever the segmenter changes. Without
    /// a segmenter, an article's length is its number of characters.
    pub fn cut(&mut self, page: &Page, segmenter: Option<&Segmenter>) {
        self.cut_articles(page, segmenter, None);
    }

    /// [`PageIndex::cut`] for the articles `only` flags (all without it);
    /// the others keep their words. A page never cut with a segmenter is
    /// cut whole.
    pub fn cut_articles(&mut self, page: &Page, segmenter: Option<&Segmenter>, only: Option<&[bool]>) {
        let Some(segmenter) = segmenter else {
            let mut lengths = vec![0u32; page.articles.len()];
            for span in &self.fields {
                lengths[span.article as usize] += span.end - span.start;
            }
            self.starts = Box::new([]);
            self.lengths = lengths.into_boxed_slice();
            return;
        };
        let words = self.text.len() / 64 + 1;
        let only = only.filter(|_| self.starts.len() == words && self.lengths.len() == page.articles.len());
        let (mut starts, mut lengths) = match only {
            Some(_) => (std::mem::take(&mut self.starts).into_vec(), std::mem::take(&mut self.lengths).into_vec()),
            None => (vec![0u64; words], vec![0u32; page.articles.len()]),
        };
        let mut folded = String::new();
        // The code unit of each character of the field, or NONE for one
        // that folding drops.
        const NONE: u32 = u32::MAX;
        let mut units: Vec<u32> = Vec::new();
        let mut spans = self.fields.iter();
        for (a, article) in page.articles.iter().enumerate() {
            let again = only.is_none_or(|only| only[a]);
            if again {
                lengths[a] = 0;
            }
            for (_, field_text) in fields(article) {
                let span = spans.next().expect("the page is the one indexed");
                if !again {
                    continue;
                }
                // The field's word starts, and the start its end marks, cut anew.
                for u in span.start..=span.end {
                    starts[u as usize / 64] &= !(1 << (u % 64));
                }
                let mut unit = span.start;
                units.clear();
                units.extend(field_text.chars().map(|c| match fold(c) {
                    Some(f) => {
                        unit += f.len_utf16() as u32;
                        unit - f.len_utf16() as u32
                    }
                    None => NONE,
                }));
                fold_keeping_spaces(field_text, &mut folded);
                for token in segmenter.cut(&folded, Mode::Indexing) {
                    let u = units[token.start as usize];
                    if u != NONE {
                        starts[u as usize / 64] |= 1 << (u % 64);
                        lengths[a] += 1;
                    }
                }
                starts[span.end as usize / 64] |= 1 << (span.end % 64);
            }
        }
        self.starts = starts.into_boxed_slice();
        self.lengths = lengths.into_boxed_slice();
    }

    /// Where `pattern` occurs, in reading order.
    pub fn find(&self, pattern: &[u16], out: &mut Vec<u32>) {
        let from = out.len();
        out.extend(self.suffixes.find(&self.text, pattern).map(|p| p as u32));
        out[from..].sort_unstable();
    }

    /// Does a word start at this code unit?
    #[inline]
    pub fn starts_word(&self, unit: usize) -> bool {
        self.starts[unit / 64] & (1 << (unit % 64)) != 0
    }

    /// How the match at `pos` fits the page's words, given where the
    /// query's words start (`starts[i]`: one starts at its unit `i`): 1 for
    /// whole words cut as the query is cut; [`INSIDE_WORD`] when the cuts
    /// inside agree but an end falls inside a longer word;
    /// [`ACROSS_WORDS`] when the page is cut differently. 1 when either was
    /// cut with no segmenter: nothing is known of words.
    pub fn fit(&self, pos: usize, starts: &[bool]) -> f32 {
        if self.starts.is_empty() || starts.is_empty() {
            1.0
        } else if !starts.iter().enumerate().skip(1).all(|(i, &s)| self.starts_word(pos + i) == s) {
            ACROSS_WORDS
        } else if self.starts_word(pos) && self.starts_word(pos + starts.len()) {
            1.0
        } else {
            INSIDE_WORD
        }
    }

    /// The character offsets in the field's text of the match at units
    /// `start..end` of field `f`.
    pub fn original(&self, f: usize, start: u32, end: u32) -> (usize, usize) {
        let last = if is_low_surrogate(self.text[end as usize - 1]) { end - 2 } else { end - 1 };
        (self.char_offset(f, start), self.char_offset(f, last) + 1)
    }

    fn char_offset(&self, f: usize, unit: u32) -> usize {
        let span = &self.fields[f];
        let end = self.fields.get(f + 1).map_or(self.shifts.len(), |next| next.shifts as usize);
        let shifts = &self.shifts[span.shifts as usize..end];
        let k = shifts.partition_point(|s| s.unit <= unit);
        let delta = if k == 0 { 0 } else { shifts[k - 1].delta };
        (i64::from(unit - span.start) + i64::from(delta)) as usize
    }

    /// Bytes held, for the memory report.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<PageIndex>()
            + self.text.len() * 2
            + self.suffixes.bytes()
            + std::mem::size_of_val(&*self.fields)
            + std::mem::size_of_val(&*self.shifts)
            + self.starts.len() * 8
            + self.lengths.len() * 4
    }
}

fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

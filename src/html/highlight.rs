//! Highlighting: layers of ranges over a text (search hits, the current
//! hit, people, places, organisations, keywords, word boundaries), which may
//! overlap and nest, resolved into flat, non-overlapping spans that each
//! carry the set of layers covering them.
//!
//! All offsets are character (Unicode scalar) offsets, decided here once:
//! the renderer turns spans into HTML in Rust, so JavaScript never has to
//! count characters (where an astral character such as 𠀀 counts two).

use serde::Serialize;

/// One kind of highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Hit,
    Current,
    Person,
    Place,
    Organization,
    Keyword,
    Word,
}

impl Layer {
    pub const ALL: [Layer; 7] =
        [Layer::Hit, Layer::Current, Layer::Person, Layer::Place, Layer::Organization, Layer::Keyword, Layer::Word];

    /// The CSS class the renderer gives it.
    pub fn class(self) -> &'static str {
        match self {
            Layer::Hit => "hit",
            Layer::Current => "current",
            Layer::Person => "person",
            Layer::Place => "place",
            Layer::Organization => "organization",
            Layer::Keyword => "keyword",
            Layer::Word => "w",
        }
    }

    /// The layer of that name (as [`Layer::class`] or the serde name).
    pub fn from_name(name: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.class() == name || format!("{l:?}").eq_ignore_ascii_case(name))
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of layers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Layers(u8);

impl Layers {
    pub const NONE: Layers = Layers(0);

    pub fn all() -> Layers {
        Layer::ALL.into_iter().collect()
    }
    pub fn contains(self, l: Layer) -> bool {
        self.0 & l.bit() != 0
    }
    pub fn insert(&mut self, l: Layer) {
        self.0 |= l.bit();
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

impl FromIterator<Layer> for Layers {
    fn from_iter<I: IntoIterator<Item = Layer>>(iter: I) -> Self {
        let mut s = Layers::NONE;
        for l in iter {
            s.insert(l);
        }
        s
    }
}

/// A range of one layer. `id` numbers search hits, so that the page can
/// find hit number k.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub layer: Layer,
    pub id: Option<u32>,
}

impl Mark {
    pub fn new(start: usize, end: usize, layer: Layer) -> Mark {
        Mark { start, end, layer, id: None }
    }
}

/// A stretch of text and the layers over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Character offsets.
    pub start: usize,
    pub end: usize,
    pub layers: Layers,
    /// Layers with a range that starts where this span starts (a word's
    /// first character, a hit's beginning).
    pub starts: Layers,
    /// The smallest id of the hits covering the span.
    pub hit: Option<u32>,
}

/// Resolves marks over a text of `len` characters into spans that cover
/// the text from 0 to `len` without overlapping, in order. Marks outside
/// the text are clipped and empty ones ignored; the result does not depend
/// on the order of the marks. Adjacent stretches with the same layers are
/// one span unless a range starts between them.
pub fn spans(len: usize, marks: &[Mark]) -> Vec<Span> {
    let marks: Vec<Mark> = marks
        .iter()
        .map(|m| Mark { start: m.start.min(len), end: m.end.min(len), ..*m })
        .filter(|m| m.start < m.end)
        .collect();
    let mut cuts: Vec<usize> = Vec::with_capacity(marks.len() * 2 + 2);
    cuts.push(0);
    cuts.push(len);
    for m in &marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Sweep: marks sorted by start enter, a heap-free active list leaves.
    let mut by_start: Vec<&Mark> = marks.iter().collect();
    by_start.sort_by_key(|m| (m.start, m.end, m.layer, m.id));
    let mut next = 0;
    let mut active: Vec<&Mark> = Vec::new();
    let mut out: Vec<Span> = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        active.retain(|m| m.end > start);
        while next < by_start.len() && by_start[next].start == start {
            active.push(by_start[next]);
            next += 1;
        }
        let layers: Layers = active.iter().map(|m| m.layer).collect();
        let starts: Layers = active.iter().filter(|m| m.start == start).map(|m| m.layer).collect();
        let hit = active.iter().filter(|m| matches!(m.layer, Layer::Hit | Layer::Current)).filter_map(|m| m.id).min();
        match out.last_mut() {
            Some(prev) if prev.layers == layers && starts.is_empty() && prev.hit == hit => prev.end = end,
            _ => out.push(Span { start, end, layers, starts, hit }),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, layer: Layer) -> Mark {
        Mark::new(start, end, layer)
    }

    /// Spans as `(start, end, "layer layer")`.
    fn show(len: usize, marks: &[Mark]) -> Vec<(usize, usize, String)> {
        spans(len, marks)
            .into_iter()
            .map(|s| (s.start, s.end, s.layers.iter().map(Layer::class).collect::<Vec<_>>().join(" ")))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $len:expr, [$($mark:expr),*], [$(($s:expr, $e:expr, $l:expr)),*]) => {
            #[test]
            fn $name() {
                let want: Vec<(usize, usize, String)> = vec![$(($s, $e, $l.to_string())),*];
                assert_eq!(show($len, &[$($mark),*]), want);
            }
        };
    }

    // BASICS
    t!(no_marks_one_plain_span, 5, [], [(0, 5, "")]);
    t!(empty_text, 0, [m(0, 3, Layer::Hit)], []);
    t!(one_mark_in_the_middle, 6, [m(2, 4, Layer::Hit)], [(0, 2, ""), (2, 4, "hit"), (4, 6, "")]);
    t!(out_of_range_is_clipped, 4, [m(2, 9, Layer::Person), m(7, 8, Layer::Hit)], [(0, 2, ""), (2, 4, "person")]);
    t!(backwards_marks_are_ignored, 4, [m(3, 1, Layer::Hit)], [(0, 4, "")]);

    // OVERLAP AND NESTING
    t!(
        overlapping_layers_split,
        6,
        [m(0, 4, Layer::Person), m(2, 6, Layer::Hit)],
        [(0, 2, "person"), (2, 4, "hit person"), (4, 6, "hit")]
    );
    t!(
        nested_hit_in_entity,
        6,
        [m(0, 6, Layer::Place), m(2, 3, Layer::Hit), m(2, 3, Layer::Current)],
        [(0, 2, "place"), (2, 3, "hit current place"), (3, 6, "place")]
    );
    t!(
        same_layer_overlaps_merge,
        6,
        [m(0, 3, Layer::Hit), m(2, 5, Layer::Hit)],
        [(0, 2, "hit"), (2, 5, "hit"), (5, 6, "")]
    );

    // WORDS: adjacent words stay apart, so each word's start is known.
    t!(adjacent_words_are_separate_spans, 4, [m(0, 2, Layer::Word), m(2, 4, Layer::Word)], [(0, 2, "w"), (2, 4, "w")]);

    #[test]
    fn order_of_marks_does_not_matter() {
        let marks = [m(0, 4, Layer::Person), m(2, 6, Layer::Hit), m(1, 2, Layer::Word), m(3, 5, Layer::Keyword)];
        let mut reversed = marks;
        reversed.reverse();
        assert_eq!(spans(7, &marks), spans(7, &reversed));
    }

    #[test]
    fn word_starts_and_hit_ids_are_kept() {
        let s = spans(4, &[m(0, 2, Layer::Word), m(2, 4, Layer::Word), Mark { id: Some(7), ..m(1, 3, Layer::Hit) }]);
        assert!(s[0].starts.contains(Layer::Word));
        assert!(!s[1].starts.contains(Layer::Word) && s[1].starts.contains(Layer::Hit) && s[1].hit == Some(7));
        assert!(s[2].starts.contains(Layer::Word) && !s[2].starts.contains(Layer::Hit));
    }
}

//! Suffix arrays over a page's folded text, in UTF-16 code units: the
//! suffixes in sorted order, so that every occurrence of a string is one
//! run of the array, found by two binary searches.
//!
//! Built by prefix doubling (Manber and Myers, refining only the groups
//! still tied, as Larsson and Sadakane do): O(n log n) for ordinary text
//! and O(n log² n) at worst, such as a page of one repeated character,
//! where sorting suffixes by comparing them would take quadratic time.

use std::cmp::Ordering;
use std::ops::Range;

/// Sorts the suffixes of `text`; a suffix that is a prefix of another
/// comes first.
pub fn sort_suffixes(text: &[u16]) -> Vec<u32> {
    let n = text.len();
    let mut sa: Vec<u32> = (0..n as u32).collect();
    if n < 2 {
        return sa;
    }
    // Units shifted up by one, so that the end of the text (0) sorts first.
    let unit = |i: usize| text.get(i).map_or(0, |&u| u64::from(u) + 1);
    let first = |i: u32| {
        let i = i as usize;
        (unit(i) << 34) | (unit(i + 1) << 17) | unit(i + 2)
    };
    sa.sort_unstable_by_key(|&i| first(i));
    // The rank of a suffix is where its group starts in `sa`: groups are
    // suffixes that agree on the first `h` units.
    let mut rank = vec![0u32; n];
    let mut keys: Vec<u64> = sa.iter().map(|&i| first(i)).collect();
    let mut groups = split(&sa, &keys, 0..n, &mut rank, Vec::new());
    let mut h = 3;
    while !groups.is_empty() {
        // Sort each group by the rank `h` units on, read before any rank of
        // this round changes; then split the groups by it.
        for g in &groups {
            let after = |i: u32| rank.get(i as usize + h).map_or(0, |&r| u64::from(r) + 1);
            sa[g.clone()].sort_unstable_by_key(|&i| after(i));
            for j in g.clone() {
                keys[j] = after(sa[j]);
            }
        }
        let mut next = Vec::new();
        for g in groups {
            next = split(&sa, &keys, g, &mut rank, next);
        }
        groups = next;
        h *= 2;
    }
    sa
}

/// Ranks the suffixes of `sa[range]`, sorted by `keys`, by where their run
/// of equal keys starts; adds the runs longer than one to `tied`.
fn split(
    sa: &[u32],
    keys: &[u64],
    range: Range<usize>,
    rank: &mut [u32],
    mut tied: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut start = range.start;
    for j in range.start + 1..=range.end {
        if j == range.end || keys[j] != keys[start] {
            for &i in &sa[start..j] {
                rank[i as usize] = start as u32;
            }
            if j - start > 1 {
                tied.push(start..j);
            }
            start = j;
        }
    }
    tied
}

/// A suffix array kept for searching: its positions, in 16 bits when the
/// text is short enough (most pages), which halves their size; and the
/// first two units of every [`SAMPLE`]-th suffix, a small array that
/// narrows a search to a few entries before the text itself is touched,
/// saving most of a binary search's cache misses.
#[derive(Debug, Clone)]
pub struct SuffixArray {
    positions: Positions,
    samples: Box<[u32]>,
}

#[derive(Debug, Clone)]
enum Positions {
    Short(Box<[u16]>),
    Long(Box<[u32]>),
}

/// One suffix in this many is sampled.
const SAMPLE: usize = 16;

/// The first two units of a suffix, the end of the text as 0: in the same
/// order as the suffixes, though not every two are told apart.
fn head(text: &[u16], p: usize) -> u32 {
    (u32::from(text[p]) << 16) | text.get(p + 1).map_or(0, |&u| u32::from(u))
}

impl SuffixArray {
    /// Keeps the positions of `sa`, sorted over `text`, for which `keep`
    /// holds.
    pub fn new(sa: Vec<u32>, text: &[u16], keep: impl Fn(usize) -> bool) -> SuffixArray {
        let kept = sa.into_iter().filter(|&p| keep(p as usize));
        let positions = if text.len() <= usize::from(u16::MAX) + 1 {
            Positions::Short(kept.map(|p| p as u16).collect())
        } else {
            Positions::Long(kept.collect())
        };
        let mut array = SuffixArray { positions, samples: Box::new([]) };
        array.samples = (0..array.len()).step_by(SAMPLE).map(|i| head(text, array.get(i))).collect();
        array
    }

    pub fn len(&self) -> usize {
        match &self.positions {
            Positions::Short(p) => p.len(),
            Positions::Long(p) => p.len(),
        }
    }

    #[inline]
    pub fn get(&self, i: usize) -> usize {
        match &self.positions {
            Positions::Short(p) => usize::from(p[i]),
            Positions::Long(p) => p[i] as usize,
        }
    }

    pub fn bytes(&self) -> usize {
        let positions = match &self.positions {
            Positions::Short(p) => p.len() * 2,
            Positions::Long(p) => p.len() * 4,
        };
        positions + self.samples.len() * 4
    }

    /// Where `pattern` (not empty) occurs in `text`, the text the array
    /// was built on, in suffix order.
    pub fn find(&self, text: &[u16], pattern: &[u16]) -> impl Iterator<Item = usize> + '_ {
        // Every match's head lies in `low..=high`.
        let low = head(pattern, 0);
        let high = if pattern.len() == 1 { low | 0xFFFF } else { low };
        let first = self.samples.partition_point(|&h| h < low);
        let last = self.samples.partition_point(|&h| h <= high);
        let window = first.saturating_sub(1) * SAMPLE..(last * SAMPLE).min(self.len());
        let order = |i: usize| compare_prefix(&text[self.get(i)..], pattern);
        let lo = window.start + partition_point(window.len(), |i| order(window.start + i) == Ordering::Less);
        let hi = lo + partition_point(window.end - lo, |i| order(lo + i) != Ordering::Greater);
        (lo..hi).map(|i| self.get(i))
    }
}

/// How a suffix compares with a pattern on the pattern's length: equal when
/// the pattern starts it.
fn compare_prefix(suffix: &[u16], pattern: &[u16]) -> Ordering {
    let m = pattern.len().min(suffix.len());
    suffix[..m].cmp(&pattern[..m]).then(if suffix.len() < pattern.len() { Ordering::Less } else { Ordering::Equal })
}

/// The first index in `0..len` for which `pred` fails, `pred` holding for
/// a prefix of the range.
fn partition_point(len: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &[u16]) -> Vec<u32> {
        let mut sa: Vec<u32> = (0..text.len() as u32).collect();
        sa.sort_by(|&a, &b| text[a as usize..].cmp(&text[b as usize..]));
        sa
    }

    #[test]
    fn a_repeated_character_sorts_shortest_first() {
        let text = vec![7u16; 5000];
        let sa = sort_suffixes(&text);
        assert_eq!(sa, (0..5000).rev().collect::<Vec<u32>>());
    }

    #[test]
    fn every_occurrence_is_found() {
        let text: Vec<u16> = "abracadabra".encode_utf16().collect();
        let positions = SuffixArray::new(sort_suffixes(&text), &text, |_| true);
        let abra: Vec<u16> = "abra".encode_utf16().collect();
        let mut found: Vec<usize> = positions.find(&text, &abra).collect();
        found.sort_unstable();
        assert_eq!(found, [0, 7]);
        assert_eq!(positions.find(&text, &[b'z'.into()]).count(), 0);
        assert_eq!(positions.find(&text, &"abracadabrax".encode_utf16().collect::<Vec<_>>()).count(), 0);
    }

    proptest! {
        #[test]
        fn suffixes_sort_as_a_plain_sort_does(text in prop::collection::vec(prop::sample::select(vec![0u16, 1, 2, 0xFFFF, 0xD800, 0xDC00]), 0..300)) {
            prop_assert_eq!(sort_suffixes(&text), naive(&text));
        }

        #[test]
        fn find_agrees_with_a_scan(
            text in prop::collection::vec(0u16..4, 0..200),
            pattern in prop::collection::vec(0u16..4, 1..5),
        ) {
            let positions = SuffixArray::new(sort_suffixes(&text), &text, |_| true);
            let mut found: Vec<usize> = positions.find(&text, &pattern).collect();
            found.sort_unstable();
            let want: Vec<usize> = (0..text.len()).filter(|&i| text[i..].starts_with(&pattern)).collect();
            prop_assert_eq!(found, want);
        }
    }
}

//! Which pages may hold a string: for each page, a Bloom filter of the
//! characters and character pairs of its folded text, stored bit-sliced —
//! one row of bits per filter bit, one column per page — so that the pages
//! that may hold a query are found by ANDing a few rows, at a cost that
//! hardly grows with the number of pages. A page that passes may still not
//! hold the string (about one in twenty for a two-character query on a
//! page of ordinary size); its suffix array tells for sure.

/// Bits of each page's filter (2 kB a page).
const ROWS: usize = 1 << 14;

/// Pages are filed in blocks of 64, one `u64` per row and block.
#[derive(Debug, Clone, Default)]
pub struct Signatures {
    /// `blocks[b][r]`: row `r` for pages `64 b .. 64 b + 64`.
    blocks: Vec<Box<[u64]>>,
    /// Slots in use.
    used: Vec<u64>,
}

/// A set of slots, as returned by [`Signatures::candidates`].
#[derive(Debug, Clone)]
pub struct SlotSet(Vec<u64>);

impl SlotSet {
    pub fn contains(&self, slot: u32) -> bool {
        self.0.get(slot as usize / 64).is_some_and(|w| w & (1 << (slot % 64)) != 0)
    }
}

impl Signatures {
    /// A free slot for a new page, with its filter cleared.
    pub fn allocate(&mut self) -> u32 {
        let block = match self.used.iter().position(|&w| w != u64::MAX) {
            Some(b) => b,
            None => {
                self.used.push(0);
                self.blocks.push(vec![0; ROWS].into_boxed_slice());
                self.used.len() - 1
            }
        };
        let bit = self.used[block].trailing_ones();
        self.used[block] |= 1 << bit;
        block as u32 * 64 + bit
    }

    /// Files the characters and pairs of `text` under `slot`.
    pub fn fill(&mut self, slot: u32, text: &[u16], separator: u16) {
        // The page's own filter first, in cache; then into the rows.
        let mut own = vec![0u64; ROWS / 64];
        for_each_feature(text, separator, |row| own[row / 64] |= 1 << (row % 64));
        let block = &mut self.blocks[slot as usize / 64];
        let bit = 1u64 << (slot % 64);
        for (w, &bits) in own.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let row = w * 64 + bits.trailing_zeros() as usize;
                block[row] |= bit;
                bits &= bits - 1;
            }
        }
    }

    /// Frees a slot, clearing its filter.
    pub fn release(&mut self, slot: u32) {
        let (b, bit) = (slot as usize / 64, 1u64 << (slot % 64));
        if let Some(block) = self.blocks.get_mut(b) {
            for row in block.iter_mut() {
                *row &= !bit;
            }
            self.used[b] &= !bit;
        }
    }

    /// The slots whose filter has every row of `pattern`'s features.
    pub fn candidates(&self, pattern: &[u16]) -> SlotSet {
        let mut rows = Vec::with_capacity(pattern.len() * 2);
        pattern_rows(pattern, |r| rows.push(r));
        rows.sort_unstable();
        rows.dedup();
        SlotSet(
            self.blocks
                .iter()
                .zip(&self.used)
                .map(|(block, &used)| rows.iter().fold(used, |acc, &r| acc & block[r]))
                .collect(),
        )
    }

    pub fn bytes(&self) -> usize {
        self.blocks.len() * ROWS * 8 + self.used.len() * 8
    }
}

/// Two filter rows for a feature: a character (`second` = `None`) or a
/// pair of consecutive characters, in code units.
fn rows_of(first: u16, second: Option<u16>) -> [usize; 2] {
    // A pair never ends in the separator, so it marks a single character.
    let key = (u64::from(first) << 16) | u64::from(second.unwrap_or(u16::MAX));
    let h = (key ^ 0x5bd1_e995).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    [(h >> 50) as usize, (h >> 20) as usize % ROWS]
}

/// The rows of every character and pair of `text`, pairs not crossing a
/// `separator`.
fn for_each_feature(text: &[u16], separator: u16, mut f: impl FnMut(usize)) {
    for (i, &u) in text.iter().enumerate() {
        if u == separator {
            continue;
        }
        rows_of(u, None).into_iter().for_each(&mut f);
        if let Some(&next) = text.get(i + 1).filter(|&&n| n != separator) {
            rows_of(u, Some(next)).into_iter().for_each(&mut f);
        }
    }
}

/// The rows a text must have to hold `pattern`: its pairs, or its only
/// unit.
fn pattern_rows(pattern: &[u16], mut f: impl FnMut(usize)) {
    match pattern {
        [] => {}
        [u] => rows_of(*u, None).into_iter().for_each(f),
        _ => {
            for w in pattern.windows(2) {
                rows_of(w[0], Some(w[1])).into_iter().for_each(&mut f);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn a_page_passes_for_what_it_holds_and_rarely_for_the_rest() {
        let mut s = Signatures::default();
        let slots: Vec<u32> = (0..100).map(|_| s.allocate()).collect();
        assert_eq!(slots, (0..100).collect::<Vec<u32>>());
        s.fill(3, &units("义乌市场\u{FFFF}繁荣"), 0xFFFF);
        s.fill(70, &units("杭州亚运会"), 0xFFFF);
        for (q, slot) in [("义乌", 3), ("乌市场", 3), ("繁荣", 3), ("荣", 3), ("亚运", 70)] {
            assert!(s.candidates(&units(q)).contains(slot), "{q}");
        }
        // No pair crosses a field boundary; other pages have nothing.
        assert!(!s.candidates(&units("场繁")).contains(3));
        assert!(!s.candidates(&units("义乌")).contains(70));
        assert!(!s.candidates(&units("义乌")).contains(4));
        s.release(3);
        assert!(!s.candidates(&units("义乌")).contains(3));
        assert_eq!(s.allocate(), 3);
    }
}

//! The lexicon: every word the segmenter knows, with an id and a tag, in
//! one compact hash table.

use super::tags::Tag;

/// Every word the segmenter knows — the dictionary's, then the added
/// ones — with an id (its number in that order) and a tag.
///
/// The index is open addressing over 16-byte slots holding a 64-bit hash
/// of the word, its id and its tag. The words themselves are not stored,
/// so a lookup touches one slot of one compact table instead of chasing a
/// pointer to each key; a word outside the table would be mistaken for one
/// in it only if their 64-bit hashes matched.
#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    slots: Vec<Slot>,
    /// Words in `slots`.
    len: usize,
    /// Words in `single`.
    singles: usize,
    pub(super) tags: Vec<Tag>,
    /// Ids of single Han characters (U+4E00 to U+9FFF), by code point: half
    /// the tokens of Chinese text, looked up without hashing.
    single: Box<[u32]>,
    /// The most frequent words again, in a small direct-mapped table that
    /// stays in the processor's cache: most tokens of running text are
    /// found there with one probe, and the big table (megabytes, a cache
    /// miss a lookup) is left for the rest. Empty until [`Lexicon::keep_hot`].
    hot: Box<[Slot]>,
}

/// Slots of the table of frequent words (a power of two): 512 kB.
const HOT_SLOTS: usize = 1 << 15;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// 0 for an empty slot.
    key: u64,
    id: u32,
    tag: Tag,
}

const NO_ID: u32 = u32::MAX;

/// A word the segmenter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Stable while the dictionary is not rebuilt (see [`super::Segmenter::remove_user_word`]).
    pub id: u32,
    pub tag: Tag,
}

impl Lexicon {
    pub(super) fn with_capacity(words: usize) -> Lexicon {
        Lexicon {
            // Room for the words added to the dictionary (the user's, the
            // names learned from pages) before the table has to grow, which
            // copies it: a sixteenth more, at most three quarters full.
            slots: vec![Slot::default(); ((words + words / 16 + 1024) * 4 / 3).max(16)],
            len: 0,
            singles: 0,
            tags: Vec::with_capacity(words),
            single: vec![NO_ID; 0x9FFF - 0x4E00 + 1].into_boxed_slice(),
            hot: Box::new([]),
        }
    }

    /// Fills the table of frequent words from `(frequency, word)` pairs of
    /// words already inserted: the most frequent first, each in its slot
    /// unless a more frequent one took it.
    pub(super) fn keep_hot(&mut self, mut words: Vec<(u64, &str)>) {
        let wanted = HOT_SLOTS.min(words.len());
        if wanted > 0 && wanted < words.len() {
            words.select_nth_unstable_by(wanted - 1, |a, b| b.0.cmp(&a.0));
            words.truncate(wanted);
        }
        words.sort_unstable_by_key(|w| std::cmp::Reverse(w.0));
        let mut hot = vec![Slot::default(); HOT_SLOTS].into_boxed_slice();
        for (_, word) in words {
            let key = Self::key(word);
            if let (i, true) = self.position(key) {
                let at = Self::hot_index(key);
                if hot[at].key == 0 {
                    hot[at] = self.slots[i];
                }
            }
        }
        self.hot = hot;
    }

    fn hot_index(key: u64) -> usize {
        (key >> 40) as usize & (HOT_SLOTS - 1)
    }

    /// The hash a word is filed under (never 0).
    fn key(word: &str) -> u64 {
        // FNV-1a, then a 64-bit finaliser to spread the bits.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in word.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h ^= h >> 29;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 32;
        h | 1
    }

    /// The slot holding `key`, or the empty slot where it would go. The
    /// table's size need not be a power of two: the first slot to look at
    /// is the key scaled to it (the high half of `key × size`).
    fn position(&self, key: u64) -> (usize, bool) {
        let len = self.slots.len();
        let mut i = ((u128::from(key) * len as u128) >> 64) as usize;
        loop {
            match self.slots[i].key {
                0 => return (i, false),
                k if k == key => return (i, true),
                _ => {
                    i += 1;
                    if i == len {
                        i = 0;
                    }
                }
            }
        }
    }

    fn single_index(word: &str) -> Option<usize> {
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c @ '\u{4E00}'..='\u{9FFF}'), None) => Some(c as usize - 0x4E00),
            _ => None,
        }
    }

    pub(super) fn get(&self, word: &str) -> Option<Known> {
        match Self::single_index(word) {
            Some(i) => {
                Some(self.single[i]).filter(|&id| id != NO_ID).map(|id| Known { id, tag: self.tags[id as usize] })
            }
            None => {
                let key = Self::key(word);
                if let Some(s) = self.hot.get(Self::hot_index(key)).filter(|s| s.key == key) {
                    return Some(Known { id: s.id, tag: s.tag });
                }
                match self.position(key) {
                    (i, true) => Some(Known { id: self.slots[i].id, tag: self.slots[i].tag }),
                    _ => None,
                }
            }
        }
    }

    /// Adds distinct words to an empty lexicon, ids in the order given: what
    /// [`Lexicon::insert`] of each in turn gives, faster. The words are
    /// hashed first and placed in the order of their slots, so the table
    /// (megabytes) is written front to back instead of at random.
    pub(super) fn fill<'w>(&mut self, words: impl IntoIterator<Item = (&'w str, Tag)>) {
        debug_assert!(self.tags.is_empty(), "fill starts from an empty lexicon");
        let mut keyed: Vec<Slot> = Vec::new();
        for (word, tag) in words {
            let id = self.tags.len() as u32;
            self.tags.push(tag);
            match Self::single_index(word) {
                Some(i) => {
                    self.singles += usize::from(self.single[i] == NO_ID);
                    self.single[i] = id;
                }
                None => keyed.push(Slot { key: Self::key(word), id, tag }),
            }
        }
        while (self.len + keyed.len()) * 4 > self.slots.len() * 3 {
            self.slots = vec![Slot::default(); self.slots.len() * 2];
        }
        // A counting sort by the first slot each would take, in 65,536
        // regions of the table, then each placed in turn.
        // The first slot grows with the key (see `position`), so the key's
        // top bits give the region.
        const REGIONS: usize = 1 << 16;
        let region = |key: u64| (key >> 48) as usize;
        let mut starts = vec![0u32; REGIONS + 1];
        for s in &keyed {
            starts[region(s.key) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut order = vec![0u32; keyed.len()];
        for (j, s) in keyed.iter().enumerate() {
            let r = region(s.key);
            order[starts[r] as usize] = j as u32;
            starts[r] += 1;
        }
        for j in order {
            let slot = keyed[j as usize];
            match self.position(slot.key) {
                // Two words of one hash: the later one's tag, as `insert` does.
                (i, true) => {
                    self.slots[i].tag = slot.tag;
                    self.tags[self.slots[i].id as usize] = slot.tag;
                }
                (i, false) => {
                    self.slots[i] = slot;
                    self.len += 1;
                }
            }
        }
    }

    /// Does every id belong to a word of its own? Not when two words came
    /// with one hash (the earlier one keeps the slot and its id, and takes
    /// the later one's tag) or a single character came twice: the later
    /// one has an id that no lookup gives.
    pub(super) fn distinct(&self) -> bool {
        self.len + self.singles == self.tags.len()
    }

    /// Adds a word, or gives a known one a new tag. Returns its id.
    pub(super) fn insert(&mut self, word: &str, tag: Tag) -> u32 {
        if let Some(i) = Self::single_index(word) {
            if self.single[i] == NO_ID {
                self.single[i] = self.tags.len() as u32;
                self.tags.push(tag);
                self.singles += 1;
            }
            let id = self.single[i];
            self.tags[id as usize] = tag;
            return id;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let grown = vec![Slot::default(); self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, grown);
            for s in old.into_iter().filter(|s| s.key != 0) {
                let (i, _) = self.position(s.key);
                self.slots[i] = s;
            }
        }
        let key = Self::key(word);
        let (i, present) = self.position(key);
        if present {
            if let Some(s) = self.hot.get_mut(Self::hot_index(key)).filter(|s| s.key == key) {
                s.tag = tag;
            }
            self.slots[i].tag = tag;
            self.tags[self.slots[i].id as usize] = tag;
            return self.slots[i].id;
        }
        let id = self.tags.len() as u32;
        self.tags.push(tag);
        self.slots[i] = Slot { key, id, tag };
        self.len += 1;
        id
    }
}

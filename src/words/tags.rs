//! Part-of-speech tags: jieba's tag set as a byte, sets of tags for cheap
//! tests, and the guess for a word the dictionary lacks.

use serde::{Serialize, Serializer};

use crate::text::is_han;
use crate::text::names::han_name_shaped;

/// Part-of-speech tags of jieba's dictionary (ICTCLAS style), plus `eng`
/// for Latin words and `x` for anything untagged.
pub(super) const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq",
    "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
    "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// A part-of-speech tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(pub(super) u8);

impl Tag {
    pub const PERSON: Tag = Tag::known("nr");
    pub const PLACE: Tag = Tag::known("ns");
    pub const ORGANIZATION: Tag = Tag::known("nt");
    pub const UNKNOWN: Tag = Tag::known("x");

    const fn known(name: &str) -> Tag {
        let mut i = 0;
        while i < TAGS.len() {
            if eq(TAGS[i].as_bytes(), name.as_bytes()) {
                return Tag(i as u8);
            }
            i += 1;
        }
        panic!("unknown tag");
    }

    /// The tag of that name, or `x`.
    pub fn from_name(name: &str) -> Tag {
        TAGS.binary_search(&name).map_or(Tag::UNKNOWN, |i| Tag(i as u8))
    }

    pub fn name(self) -> &'static str {
        TAGS[self.0 as usize]
    }

    /// What kind of named entity the tag marks, if any.
    pub fn entity(self) -> Option<EntityKind> {
        const NRFG: Tag = Tag::known("nrfg");
        const NRT: Tag = Tag::known("nrt");
        match self {
            Tag::PERSON | NRFG | NRT => Some(EntityKind::Person),
            Tag::PLACE => Some(EntityKind::Place),
            Tag::ORGANIZATION => Some(EntityKind::Organization),
            _ => None,
        }
    }

    /// The tag's number (below 64).
    pub(crate) fn number(self) -> u8 {
        self.0
    }

    /// Is it one of these tags? (A cheap test for sets of tags.)
    pub fn is_any(self, tags: &TagSet) -> bool {
        tags.0 & (1 << self.0) != 0
    }
}

/// A set of tags, built at compile time: `TagSet::of(&["n", "nz"])`.
#[derive(Debug, Clone, Copy)]
pub struct TagSet(u64);

impl TagSet {
    pub const fn of(names: &[&str]) -> TagSet {
        let mut bits = 0u64;
        let mut i = 0;
        while i < names.len() {
            bits |= 1 << Tag::known(names[i]).0;
            i += 1;
        }
        TagSet(bits)
    }
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Serialize for Tag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// People, places and organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

impl Default for Tag {
    fn default() -> Tag {
        Tag::UNKNOWN
    }
}

/// The tag of a Latin word or number the dictionary lacks, as jieba gives.
fn ascii_tag(word: &str) -> Tag {
    if word.chars().any(|c| c.is_ascii_alphabetic()) {
        Tag::known("eng")
    } else if word.chars().any(|c| c.is_ascii_digit()) {
        Tag::known("m")
    } else {
        Tag::UNKNOWN
    }
}

/// A tag for a word the dictionary does not have.
pub(crate) fn guess_tag_of(word: &str) -> Tag {
    if word.is_ascii() { ascii_tag(word) } else { guess_tag(word) }
}

/// A tag for a Chinese word the dictionary does not have (one the HMM joined):
/// a place or an organisation by its last characters, a person by its
/// surname, otherwise unknown.
fn guess_tag(word: &str) -> Tag {
    let mut n = 0;
    let mut first = ' ';
    for c in word.chars() {
        if !is_han(c) {
            return Tag::UNKNOWN;
        }
        if n == 0 {
            first = c;
        }
        n += 1;
    }
    if n < 2 {
        return Tag::UNKNOWN;
    }
    // The word is read once: its characters are all Han, `n` of them.
    let name_shaped = |word| han_name_shaped(word, first, n);
    // Most words the HMM joins are of two characters, which no list
    // below takes: they are not read against the lists; nor is a word
    // that ends in none of their last characters.
    let last = word.chars().next_back().unwrap_or(' ');
    if n >= 3 && organization_end(last) && ORGANIZATIONS.iter().any(|s| word.ends_with(s)) {
        Tag::ORGANIZATION
    } else if n == 3 && word.ends_with(['江', '山', '河', '湖']) && name_shaped(word) {
        // A given name ending like a river or a mountain: 李立江, 王东山.
        Tag::PERSON
    } else if n >= 3 && place_end(last) && PLACES.iter().any(|s| word.ends_with(s)) {
        Tag::PLACE
    } else if name_shaped(word) {
        Tag::PERSON
    } else {
        Tag::UNKNOWN
    }
}

/// Endings of places' names, and below of organisations', that make a
/// word the HMM joined (of three characters or more) one.
const PLACES: &[&str] = &["省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "路", "街", "湖", "山", "江", "河"];
const ORGANIZATIONS: &[&str] = &[
    "委员会",
    "办公室",
    "公司",
    "集团",
    "中心",
    "大学",
    "学院",
    "学校",
    "医院",
    "银行",
    "协会",
    "支队",
    "大队",
    "派出所",
    "局",
    "委",
    "院",
    "所",
    "厅",
    "部",
    "会",
];

/// The last characters of [`ORGANIZATIONS`] and of [`PLACES`]: a word
/// ending otherwise is not read against the list.
fn organization_end(c: char) -> bool {
    matches!(c, '会' | '室' | '司' | '团' | '心' | '学' | '院' | '校' | '行' | '队' | '所' | '局' | '委' | '厅' | '部')
}

fn place_end(c: char) -> bool {
    matches!(c, '省' | '市' | '县' | '区' | '镇' | '乡' | '村' | '道' | '路' | '街' | '湖' | '山' | '江' | '河')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ending_of_the_lists_passes_the_look_at_its_last_character() {
        for w in ORGANIZATIONS {
            assert!(w.chars().next_back().is_some_and(organization_end), "{w}");
        }
        for w in PLACES {
            assert!(w.chars().next_back().is_some_and(place_end), "{w}");
        }
        assert_eq!(guess_tag_of("东湖科技委员会"), Tag::ORGANIZATION);
        assert_eq!(guess_tag_of("平安街道"), Tag::PLACE);
        assert_eq!(guess_tag_of("李立江"), Tag::PERSON);
        assert_eq!(guess_tag_of("东湖科技"), Tag::UNKNOWN);
    }
}

//! Words: segmentation with jieba, part-of-speech tags, the user's
//! dictionary, and the names the page itself teaches.
//!
//! One [`Segmenter`] serves everything. It is built from the packed
//! dictionary ([`crate::dict`]) — natively the one embedded in the binary,
//! in the browser the one the page downloads — and holds, besides jieba,
//! the words added to it (the user's and the learned names), so that it
//! can be rebuilt when a word is removed.
//!
//! Two modes, measured on real pages (see README): **reading** uses jieba's
//! HMM, which joins unknown words such as names (`周振国`) that the
//! dictionary alone splits into characters; **indexing** does not, so that
//! a query and the text it is found in are cut the same way whatever their
//! context (the HMM decides by context), and because the index needs no
//! guessing: substring search finds what the words miss.

use std::collections::{HashMap, HashSet};

use jieba_rs::Jieba;
use serde::{Serialize, Serializer};

use crate::model::Page;
use crate::text::is_han;

/// Part-of-speech tags of jieba's dictionary (ICTCLAS style), plus `eng`
/// for Latin words and `x` for anything untagged.
const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq",
    "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
    "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// A part-of-speech tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(u8);

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

/// How text is cut into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// For reading, highlighting and annotation: jieba with its HMM.
    Reading,
    /// For the search index and queries: the dictionary alone.
    Indexing,
}

/// A word of a text, with its place in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Character (Unicode scalar) offsets into the text.
    pub start: u32,
    pub end: u32,
    /// Byte offsets into the text.
    #[serde(skip)]
    pub byte_start: u32,
    #[serde(skip)]
    pub byte_end: u32,
    pub tag: Tag,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start as usize..self.byte_end as usize]
    }

    /// Character offsets as a range.
    pub fn chars(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Texts up to this many bytes are segmented (offsets are 32-bit); a
/// longer one (a single paragraph of 4 GB) is cut there.
const MAX_SEGMENTED: usize = u32::MAX as usize;

/// A word added to the dictionary: by the user, or learned from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AddedWord {
    word: String,
    freq: Option<usize>,
    tag: Option<String>,
}

/// What loading a user dictionary did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DictionaryReport {
    /// Words added (or updated).
    pub added: Vec<String>,
    /// Lines that could not be read, with their line number (from 1).
    pub errors: Vec<LineError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// The segmenter: jieba with the packed dictionary, the user's words and
/// the learned names.
pub struct Segmenter {
    jieba: Jieba,
    /// The tag of every word of the dictionary and of every word added: the
    /// learned names as people, the user's words with the tag they gave.
    /// Looked up once per token, which costs less than jieba's `tag`.
    lexicon: Lexicon,
    base: std::borrow::Cow<'static, [u8]>,
    /// Every word added to jieba, once each, in the order first added.
    added: Vec<AddedWord>,
    /// Where each added word is in `added`.
    added_at: HashMap<String, usize>,
    /// At least the sum of every frequency jieba holds (its own sum is a
    /// `usize`: 32 bits in WebAssembly).
    freq_total: u64,
    /// Words the user added, in order, as they wrote them.
    user_words: Vec<String>,
    /// Names learned from pages: always people, whatever the dictionary says.
    people: HashSet<String>,
    people_order: Vec<String>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter").field("added", &self.added.len()).field("people", &self.people.len()).finish()
    }
}

/// The packed dictionary embedded in the binary.
#[cfg(feature = "embedded-dict")]
pub fn embedded_dictionary() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/dict.bin"))
}

impl Segmenter {
    /// Builds a segmenter from a packed dictionary.
    ///
    /// # Errors
    /// Bytes that are not a packed dictionary ([`crate::dict`]).
    pub fn from_packed(packed: impl Into<std::borrow::Cow<'static, [u8]>>) -> Result<Segmenter, crate::Error> {
        let base = packed.into();
        let (jieba, lexicon, freq_total) = build(&base)?;
        Ok(Segmenter {
            jieba,
            lexicon,
            base,
            added: Vec::new(),
            added_at: HashMap::new(),
            freq_total,
            user_words: Vec::new(),
            people: HashSet::new(),
            people_order: Vec::new(),
        })
    }

    /// Builds a segmenter from the embedded dictionary.
    #[cfg(feature = "embedded-dict")]
    pub fn embedded() -> Segmenter {
        Segmenter::from_packed(embedded_dictionary()).expect("the embedded dictionary is well formed")
    }

    /// Cuts text into words with their tags.
    pub fn segment(&self, text: &str, mode: Mode) -> Vec<Token> {
        let mut tokens = self.cut(text, mode);
        for t in &mut tokens {
            t.tag = self.tag_of(t.text(text));
        }
        tokens
    }

    /// Cuts text into words, leaving their tags unknown ([`Tag::UNKNOWN`]),
    /// for callers that look tags up once per distinct word
    /// ([`Segmenter::tag_of`]).
    pub fn cut(&self, text: &str, mode: Mode) -> Vec<Token> {
        let hmm = mode == Mode::Reading;
        #[allow(clippy::unnecessary_min_or_max)] // a no-op where usize is 32 bits, as in WebAssembly
        let mut end = text.len().min(MAX_SEGMENTED);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.jieba
            .cut(&text[..end], hmm)
            .into_iter()
            .map(|t| Token {
                start: t.start as u32,
                end: t.end as u32,
                byte_start: t.byte_start as u32,
                byte_end: t.byte_end as u32,
                tag: Tag::UNKNOWN,
            })
            .collect()
    }

    /// The tag of a word: the dictionary's (or the user's, or person for a
    /// learned name); for a word the dictionary lacks, a guess.
    pub fn tag_of(&self, word: &str) -> Tag {
        match self.lexicon.get(word) {
            Some(known) => known.tag,
            None => guess_tag_of(word),
        }
    }

    /// The id and tag of a word the dictionary has (or that was added).
    pub fn known(&self, word: &str) -> Option<Known> {
        self.lexicon.get(word)
    }

    /// How many words the segmenter knows: ids are below this.
    pub fn known_words(&self) -> usize {
        self.lexicon.tags.len()
    }

    /// Cuts text into words, in the format of the SIGHAN bakeoffs: words
    /// separated by single spaces (whitespace in the text is dropped).
    pub fn segment_line(&self, line: &str, mode: Mode) -> String {
        let mut out = String::with_capacity(line.len() * 2);
        for t in self.segment(line, mode) {
            let w = t.text(line);
            if w.trim().is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    /// Is the word in the dictionary (jieba's, the user's or learned)?
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Adds the user's words, one per line in jieba's format: `word`,
    /// `word frequency`, `word frequency tag` or `word tag`. Lines that
    /// cannot be read are reported; the others are added. Empty lines and
    /// lines starting with `#` are skipped.
    pub fn add_user_words(&mut self, text: &str) -> DictionaryReport {
        let mut report = DictionaryReport::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_user_line(line) {
                Ok(word) => {
                    self.user_words.retain(|w| *w != word.word);
                    self.user_words.push(word.word.clone());
                    report.added.push(word.word.clone());
                    self.add(word);
                }
                Err(message) => report.errors.push(LineError { line: n + 1, message }),
            }
        }
        report
    }

    /// The words the user added, in the order added.
    pub fn user_words(&self) -> &[String] {
        &self.user_words
    }

    /// Removes a word the user added, rebuilding the dictionary without it.
    /// Returns whether it was there.
    ///
    /// # Errors
    /// Only if the base dictionary no longer reads, which cannot happen for
    /// one that read before.
    pub fn remove_user_word(&mut self, word: &str) -> Result<bool, crate::Error> {
        if !self.user_words.iter().any(|w| w == word) {
            return Ok(false);
        }
        self.forget_user_words(|w| w == word)?;
        Ok(true)
    }

    /// Removes every word the user added, with one rebuild. Returns how
    /// many there were. Errors as [`Segmenter::remove_user_word`].
    pub fn clear_user_words(&mut self) -> Result<usize, crate::Error> {
        let count = self.user_words.len();
        if count > 0 {
            self.forget_user_words(|_| true)?;
        }
        Ok(count)
    }

    /// Rebuilds the dictionary without the user's words that `forget`
    /// picks; the people learned from pages stay.
    fn forget_user_words(&mut self, forget: impl Fn(&str) -> bool) -> Result<(), crate::Error> {
        self.user_words.retain(|w| !forget(w));
        let added = std::mem::take(&mut self.added);
        self.added_at.clear();
        (self.jieba, self.lexicon, self.freq_total) = build(&self.base)?;
        let kept: Vec<_> = added.into_iter().filter(|a| !forget(&a.word) || self.people.contains(&a.word)).collect();
        for w in kept {
            self.add(w);
        }
        Ok(())
    }

    /// Teaches the segmenter people's names, so that they come out whole
    /// and tagged as people. Returns the names that were new to it.
    pub fn learn_people<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut new = Vec::new();
        for name in names {
            if self.people.insert(name.to_string()) {
                new.push(name.to_string());
                self.people_order.push(name.to_string());
                self.add(AddedWord { word: name.to_string(), freq: None, tag: Some("nr".into()) });
            }
        }
        new
    }

    /// Was the word learned as a person's name?
    pub fn is_learned_person(&self, word: &str) -> bool {
        !self.people.is_empty() && self.people.contains(word)
    }

    /// The names learned so far, in the order learned.
    pub fn people(&self) -> &[String] {
        &self.people_order
    }

    fn add(&mut self, word: AddedWord) {
        // A word must at least beat the characters it is made of.
        let wanted = word.freq.unwrap_or_else(|| self.jieba.suggest_freq(&word.word).max(MIN_ADDED_FREQ));
        let previous = self.added_at.get(&word.word).and_then(|&i| self.added[i].freq).unwrap_or(0);
        let others = self.freq_total - previous as u64;
        // Within jieba's budget, so that its sum cannot overflow.
        let freq = wanted.min(FREQ_BUDGET.saturating_sub(others).try_into().unwrap_or(usize::MAX)).max(1);
        self.freq_total = others + freq as u64;
        self.jieba.add_word(&word.word, Some(freq), Some(word.tag.as_deref().unwrap_or("x")));
        let tag = match &word.tag {
            Some(t) => Tag::from_name(t),
            None => self.tag_of(&word.word),
        };
        let tag = if self.people.contains(&word.word) { Tag::PERSON } else { tag };
        self.lexicon.insert(&word.word, tag);
        let index = *self.added_at.entry(word.word.clone()).or_insert(self.added.len());
        let word = AddedWord { freq: Some(freq), ..word };
        if index == self.added.len() {
            self.added.push(word);
        } else {
            self.added[index] = word;
        }
    }
}

/// What the frequencies of all words together may reach: half of what a
/// 32-bit `usize` holds, where jieba sums them. Jieba's own dictionary
/// takes about 60 million; words added beyond the budget get less.
const FREQ_BUDGET: u64 = u32::MAX as u64 / 2;

/// The least frequency an added word gets: enough to win over splitting it
/// in ordinary contexts, as a user who adds a word expects.
const MIN_ADDED_FREQ: usize = 2000;

/// A bare jieba built from a packed dictionary, with nothing added: the
/// baseline of the benchmarks.
pub fn build_jieba(packed: &[u8]) -> Result<Jieba, crate::Error> {
    build(packed).map(|(jieba, _, _)| jieba)
}

/// Jieba, the tag table and the sum of the frequencies from a packed
/// dictionary.
fn build(packed: &[u8]) -> Result<(Jieba, Lexicon, u64), crate::Error> {
    let text = crate::dict::unpack(packed).map_err(|message| crate::Error::Dictionary { message })?;
    let mut lexicon = Lexicon::with_capacity(text.bytes().filter(|&b| b == b'\n').count());
    let mut last: (&str, Tag) = ("", Tag::UNKNOWN);
    let mut total = 0u64;
    for line in text.lines() {
        let mut parts = line.split(' ');
        if let (Some(word), Some(freq), tag) = (parts.next(), parts.next(), parts.next()) {
            total += freq.parse::<u64>().unwrap_or(0);
            let name = tag.unwrap_or("");
            if name != last.0 {
                last = (name, Tag::from_name(name));
            }
            lexicon.insert(word, last.1);
        }
    }
    let jieba =
        Jieba::with_dict(&mut text.as_bytes()).map_err(|e| crate::Error::Dictionary { message: e.to_string() })?;
    Ok((jieba, lexicon, total))
}

/// Every word the segmenter knows — the dictionary's, then the added
/// ones — with an id (its number in that order) and a tag.
///
/// The index is open addressing over 16-byte slots holding a 64-bit hash
/// of the word, its id and its tag. The words themselves are not stored,
/// so a lookup touches one slot of one compact table instead of chasing a
/// pointer to each key; a word outside the table would be mistaken for one
/// in it only if their 64-bit hashes matched.
#[derive(Debug, Clone)]
struct Lexicon {
    slots: Vec<Slot>,
    len: usize,
    tags: Vec<Tag>,
    /// Ids of single Han characters (U+4E00 to U+9FFF), by code point: half
    /// the tokens of Chinese text, looked up without hashing.
    single: Box<[u32]>,
}

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
    /// Stable while the dictionary is not rebuilt (see [`Segmenter::remove_user_word`]).
    pub id: u32,
    pub tag: Tag,
}

impl Default for Tag {
    fn default() -> Tag {
        Tag::UNKNOWN
    }
}

impl Lexicon {
    fn with_capacity(words: usize) -> Lexicon {
        Lexicon {
            slots: vec![Slot::default(); (words * 4 / 3).max(16).next_power_of_two()],
            len: 0,
            tags: Vec::with_capacity(words),
            single: vec![NO_ID; 0x9FFF - 0x4E00 + 1].into_boxed_slice(),
        }
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

    /// The slot holding `key`, or the empty slot where it would go.
    fn position(&self, key: u64) -> (usize, bool) {
        let mask = self.slots.len() - 1;
        let mut i = (key >> 20) as usize & mask;
        loop {
            match self.slots[i].key {
                0 => return (i, false),
                k if k == key => return (i, true),
                _ => i = (i + 1) & mask,
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

    fn get(&self, word: &str) -> Option<Known> {
        match Self::single_index(word) {
            Some(i) => {
                Some(self.single[i]).filter(|&id| id != NO_ID).map(|id| Known { id, tag: self.tags[id as usize] })
            }
            None => match self.position(Self::key(word)) {
                (i, true) => Some(Known { id: self.slots[i].id, tag: self.slots[i].tag }),
                _ => None,
            },
        }
    }

    /// Adds a word, or gives a known one a new tag. Returns its id.
    fn insert(&mut self, word: &str, tag: Tag) -> u32 {
        if let Some(i) = Self::single_index(word) {
            if self.single[i] == NO_ID {
                self.single[i] = self.tags.len() as u32;
                self.tags.push(tag);
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

fn parse_user_line(line: &str) -> Result<AddedWord, String> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    let word = parts[0];
    if word.chars().count() > 40 {
        return Err(format!("word is longer than 40 characters: {word:?}"));
    }
    if !word.chars().any(char::is_alphanumeric) {
        return Err(format!("not a word: {word:?}"));
    }
    let is_tag = |t: &str| TAGS.contains(&t);
    let (freq, tag) = match &parts[1..] {
        [] => (None, None),
        [x] if x.chars().all(|c| c.is_ascii_digit()) => (Some(*x), None),
        [x] if is_tag(x) => (None, Some(*x)),
        [x] => {
            return Err(format!("expected a frequency or a tag after the word, found {x:?}"));
        }
        [f, t] => (Some(*f), Some(*t)),
        _ => {
            return Err(format!("too many fields: expected `word [frequency] [tag]`, found {}", parts.len()));
        }
    };
    let freq = match freq {
        Some(f) => match f.parse::<usize>() {
            Ok(n) if (1..=1_000_000_000).contains(&n) => Some(n),
            _ => {
                return Err(format!("frequency must be a whole number from 1 to 1000000000, found {f:?}"));
            }
        },
        None => None,
    };
    if let Some(t) = tag.filter(|t| !is_tag(t)) {
        return Err(format!(
            "unknown tag {t:?}: use one of jieba's, such as n, nr (person), ns (place), nt (organisation), nz, v"
        ));
    }
    Ok(AddedWord { word: word.to_string(), freq, tag: tag.map(str::to_string) })
}

/// Common Chinese surnames, single and compound.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
const COMPOUND_SURNAMES: &[&str] =
    &["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "司徒", "长孙", "宇文"];

/// Does the word start like a Chinese name: a common surname, then one or
/// two characters (two or three after a compound surname)?
pub fn name_shaped(word: &str) -> bool {
    let n = word.chars().count();
    if !word.chars().all(is_han) {
        return false;
    }
    if COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s)) {
        return (3..=4).contains(&n);
    }
    (2..=3).contains(&n) && word.chars().next().is_some_and(is_surname)
}

/// Is the character a common surname?
fn is_surname(c: char) -> bool {
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v: Vec<char> = SURNAMES.chars().collect();
        v.sort_unstable();
        v
    });
    sorted.binary_search(&c).is_ok()
}

/// A tag for a word the dictionary does not have.
pub(crate) fn guess_tag_of(word: &str) -> Tag {
    if word.is_ascii() { ascii_tag(word) } else { guess_tag(word) }
}

/// A tag for a Chinese word the dictionary does not have (one the HMM joined):
/// a place or an organisation by its last characters, a person by its
/// surname, otherwise unknown.
fn guess_tag(word: &str) -> Tag {
    if !word.chars().all(is_han) || word.chars().count() < 2 {
        return Tag::UNKNOWN;
    }
    const PLACES: &[&str] =
        &["省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "路", "街", "湖", "山", "江", "河"];
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
    if ORGANIZATIONS.iter().any(|s| word.ends_with(s)) && word.chars().count() >= 3 {
        Tag::ORGANIZATION
    } else if PLACES.iter().any(|s| word.ends_with(s)) && word.chars().count() >= 3 {
        Tag::PLACE
    } else if name_shaped(word) {
        Tag::PERSON
    } else {
        Tag::UNKNOWN
    }
}

/// Job titles after which a name follows (`市委书记李明`).
const TITLES: &[&str] = &[
    "书记",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "省长",
    "州长",
    "主任",
    "局长",
    "部长",
    "主席",
    "处长",
    "科长",
    "厅长",
    "委员",
    "总经理",
    "董事长",
    "院长",
    "校长",
    "所长",
    "队长",
    "站长",
    "馆长",
    "会长",
    "社长",
    "总裁",
    "教授",
    "老师",
    "医生",
    "记者",
    "通讯员",
    "民警",
    "村民",
    "居民",
    "负责人",
    "经理",
    "厂长",
    "组长",
    "团长",
    "理事长",
    "秘书长",
];

/// Words that follow a person's name (`李明指出`, `李明主持`).
const AFTER_NAME: &[&str] = &[
    "指出", "强调", "表示", "介绍", "认为", "要求", "透露", "坦言", "告诉", "说", "称", "主持", "出席", "参加", "关于",
    "调研", "会见", "会谈", "看望", "慰问", "带队", "率队", "一行", "同志", "先生", "女士", "等",
];

/// The people a page names: its authors, the names in lists
/// (`张三、李四、王五作交流发言`), names after a title (`市委书记李明主持`)
/// and names before a verb of speech (`李明指出`). Found by these general
/// patterns, checked against the dictionary so that common words are not
/// taken for names.
pub fn names_in_page(page: &Page, segmenter: &Segmenter) -> Vec<String> {
    find_names(page, segmenter).into_iter().map(|n| n.name).collect()
}

/// Where the page named a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameSource {
    /// A byline or a dateline's credit.
    Byline,
    /// A list of names separated by `、`.
    List,
    /// After a job title or before a verb of speech.
    Context,
}

/// A name the page teaches, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundName {
    pub name: String,
    pub source: NameSource,
}

/// [`names_in_page`], with where each name was found (its first source).
pub fn find_names(page: &Page, segmenter: &Segmenter) -> Vec<FoundName> {
    let mut names: Vec<FoundName> = Vec::new();
    let push = |n: &str, source: NameSource, names: &mut Vec<FoundName>| {
        if !names.iter().any(|x| x.name == n) {
            names.push(FoundName { name: n.to_string(), source });
        }
    };
    for a in &page.articles {
        for author in &a.authors {
            push(author, NameSource::Byline, &mut names);
        }
    }
    let plausible = |n: &str| {
        name_shaped(n) && !(segmenter.knows(n) && !segmenter.people.contains(n) && !is_dictionary_name(segmenter, n))
    };
    for a in &page.articles {
        for p in &a.paragraphs {
            for clause in p.split(|c: char| !(is_han(c) || c == '、')) {
                if clause.chars().nth(2).is_none() {
                    continue;
                }
                let listed = names_in_list(clause).into_iter().map(|n| (n, NameSource::List));
                let in_context = names_in_context(clause).into_iter().map(|n| (n, NameSource::Context));
                for (n, source) in listed.chain(in_context) {
                    if plausible(&n) {
                        push(&n, source, &mut names);
                    }
                }
            }
        }
    }
    names
}

/// How a name is cut where it stands in a text: the tokens that overlap
/// its first occurrence, joined by `/` (for reports).
pub fn cut_around(segmenter: &Segmenter, text: &str, name: &str, mode: Mode) -> String {
    let Some(at) = text.find(name) else { return String::new() };
    let end = at + name.len();
    segmenter
        .segment(text, mode)
        .iter()
        .filter(|t| t.byte_end as usize > at && (t.byte_start as usize) < end)
        .map(|t| t.text(text))
        .collect::<Vec<_>>()
        .join("/")
}

/// Is the word in the dictionary as a person's name?
fn is_dictionary_name(segmenter: &Segmenter, word: &str) -> bool {
    segmenter.lexicon.get(word).is_some_and(|k| k.tag.entity() == Some(EntityKind::Person))
}

/// Names in a list separated by `、`. The inner items are whole names; the
/// first and last may run into the words around them, and are cut to the
/// length the inner items have (or at `等`, `和`, `及`).
fn names_in_list(clause: &str) -> Vec<String> {
    if !clause.contains('、') {
        return Vec::new();
    }
    let items: Vec<&str> = clause.split('、').collect();
    if items.len() < 2 {
        return Vec::new();
    }
    let inner: Vec<&str> = items[1..items.len() - 1].to_vec();
    if inner.iter().any(|i| !name_shaped(i)) {
        return Vec::new();
    }
    let mut lengths: Vec<usize> = inner.iter().map(|i| i.chars().count()).collect();
    lengths.sort_unstable();
    let usual = lengths.get(lengths.len() / 2).copied();
    let mut out: Vec<String> = inner.iter().map(|s| s.to_string()).collect();
    // The first item: the name at its end.
    let first: Vec<char> = items[0].chars().collect();
    let first_name = [usual.unwrap_or(3), 3, 2]
        .into_iter()
        .filter(|&n| n <= first.len())
        .map(|n| first[first.len() - n..].iter().collect::<String>())
        .find(|s| name_shaped(s) && (first.len() == s.chars().count() || usual.is_some()));
    // The last item: the name at its start.
    let last: Vec<char> = items[items.len() - 1].chars().collect();
    let stop = last.iter().position(|c| matches!(c, '等' | '和' | '及' | '与'));
    let last_len = match stop {
        Some(i @ 2..=4) => Some(i),
        _ if last.len() <= 3 => Some(last.len()),
        _ => usual,
    };
    let last_name =
        last_len.filter(|&n| n <= last.len()).map(|n| last[..n].iter().collect::<String>()).filter(|s| name_shaped(s));
    // Two items alone must both be whole names to count as a list of them.
    if inner.is_empty() && (first_name.as_ref().map(|s| s.chars().count()) != Some(first.len()) || last_name.is_none())
    {
        return Vec::new();
    }
    out.extend(first_name);
    out.extend(last_name);
    out
}

/// Names between a title and a following word, or at a clause's start
/// before a verb of speech.
fn names_in_context(clause: &str) -> Vec<String> {
    // Where a name may start: the clause's start, and after every title
    // (found by the titles' last characters, in one pass).
    let mut starts = vec![0];
    for (i, c) in clause.char_indices() {
        if !matches!(c, '记' | '长' | '任' | '席' | '员' | '理' | '授' | '师' | '生' | '警' | '民' | '人' | '者' | '裁')
        {
            continue;
        }
        let end = i + c.len_utf8();
        if TITLES.iter().any(|t| clause[..end].ends_with(t)) {
            starts.push(end);
        }
    }
    let mut out = Vec::new();
    for start in starts {
        let rest = &clause[start..];
        if !(rest.chars().next().is_some_and(is_surname) || COMPOUND_SURNAMES.iter().any(|s| rest.starts_with(s))) {
            continue;
        }
        for len in [3, 2] {
            let Some((end, _)) = rest.char_indices().nth(len) else { continue };
            if AFTER_NAME.iter().any(|w| rest[end..].starts_with(w)) && name_shaped(&rest[..end]) {
                out.push(rest[..end].to_string());
                break;
            }
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::embedded()
    }

    fn words(s: &Segmenter, text: &str, mode: Mode) -> Vec<String> {
        s.segment(text, mode).iter().map(|t| t.text(text).to_string()).collect()
    }

    #[test]
    fn the_lexicon_finds_what_it_holds_and_grows() {
        let mut t = Lexicon::with_capacity(2);
        for i in 0..1000 {
            assert_eq!(t.insert(&format!("词{i}"), Tag(i as u8 % 50)), i);
        }
        t.insert("一", Tag::PLACE);
        for i in 0..1000 {
            assert_eq!(t.get(&format!("词{i}")), Some(Known { id: i, tag: Tag(i as u8 % 50) }));
        }
        assert_eq!(t.get("没有"), None);
        assert_eq!(t.insert("词7", Tag::PLACE), 7);
        assert_eq!(t.get("词7").map(|k| k.tag), Some(Tag::PLACE));
        assert_eq!(t.get("一"), Some(Known { id: 1000, tag: Tag::PLACE }));
        assert_eq!(t.tags.len(), 1001);
    }

    #[test]
    fn tags_are_sorted_for_lookup() {
        assert!(TAGS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Tag::from_name("ns"), Tag::PLACE);
        assert_eq!(Tag::from_name("nonsense"), Tag::UNKNOWN);
    }

    #[test]
    fn tokens_carry_char_and_byte_positions() {
        let s = seg();
        let text = "𠀀义乌市场😀繁荣";
        let tokens = s.segment(text, Mode::Reading);
        let rebuilt: String = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(rebuilt, text);
        for t in &tokens {
            assert_eq!(text.chars().skip(t.start as usize).take(t.chars().len()).collect::<String>(), t.text(text));
        }
    }

    #[test]
    fn the_hmm_joins_unknown_names_only_when_reading() {
        let s = seg();
        let text = "市委书记王健主持会议";
        assert!(words(&s, text, Mode::Reading).contains(&"王健".to_string()));
        assert!(!words(&s, text, Mode::Indexing).contains(&"王健".to_string()));
    }

    #[test]
    fn learned_names_come_out_whole_and_as_people() {
        let mut s = seg();
        let text = "叶帮锐、唐剑刚、蒋涛、丁艳丽、邵春洪作交流发言";
        assert!(!words(&s, text, Mode::Reading).contains(&"丁艳丽".to_string()));
        s.learn_people(["叶帮锐", "丁艳丽", "邵春洪"]);
        for mode in [Mode::Reading, Mode::Indexing] {
            let tokens = s.segment(text, mode);
            for name in ["叶帮锐", "丁艳丽", "邵春洪"] {
                let t = tokens.iter().find(|t| t.text(text) == name).unwrap_or_else(|| panic!("{name} in {mode:?}"));
                assert_eq!(t.tag, Tag::PERSON);
            }
        }
    }

    #[test]
    fn user_words_load_line_by_line_and_report_bad_lines() {
        let mut s = seg();
        let report = s.add_user_words("浦江经验 5000 nz\n\n# a comment\n千万工程\n坏行 abc\n好词 n\n多 1 n extra\n");
        assert_eq!(report.added, ["浦江经验", "千万工程", "好词"]);
        assert_eq!(report.errors.iter().map(|e| e.line).collect::<Vec<_>>(), [5, 7]);
        assert!(report.errors[0].message.contains("frequency or a tag"), "{:?}", report.errors);
        let text = "深学践行千万工程浦江经验";
        let w = words(&s, text, Mode::Indexing);
        assert!(w.contains(&"浦江经验".to_string()) && w.contains(&"千万工程".to_string()), "{w:?}");
        assert_eq!(s.user_words(), ["浦江经验", "千万工程", "好词"]);
    }

    #[test]
    fn removing_a_user_word_undoes_it() {
        let mut s = seg();
        let text = "深学践行千万工程";
        let before = words(&s, text, Mode::Indexing);
        s.add_user_words("千万工程 50000");
        assert!(words(&s, text, Mode::Indexing).contains(&"千万工程".to_string()));
        assert!(s.remove_user_word("千万工程").unwrap());
        assert_eq!(words(&s, text, Mode::Indexing), before);
        assert!(!s.remove_user_word("千万工程").unwrap());
    }

    #[test]
    fn huge_frequencies_stay_within_what_jieba_can_sum_on_32_bits() {
        let mut s = seg();
        let lines: String = (0..20).map(|i| format!("测试词{i} 1000000000\n")).collect();
        assert_eq!(s.add_user_words(&lines).added.len(), 20);
        // Beyond the budget a word still gets a frequency of 1.
        assert!(s.freq_total <= FREQ_BUDGET + 20, "{}", s.freq_total);
        // Adding a word again replaces its frequency rather than adding to it.
        let before = s.freq_total;
        s.add_user_words("测试词0 5");
        assert!(s.freq_total < before);
        assert!(words(&s, "测试词3", Mode::Indexing).contains(&"测试词3".to_string()));
    }

    #[test]
    fn clearing_user_words_undoes_them_all_but_keeps_learned_people() {
        let mut s = seg();
        let text = "深学践行千万工程，浦江经验，叶帮锐讲话";
        s.learn_people(["叶帮锐"]);
        let before = words(&s, text, Mode::Indexing);
        s.add_user_words("千万工程 50000\n浦江经验 50000");
        assert_ne!(words(&s, text, Mode::Indexing), before);
        assert_eq!(s.clear_user_words().unwrap(), 2);
        assert!(s.user_words().is_empty());
        assert_eq!(words(&s, text, Mode::Indexing), before);
        assert!(before.contains(&"叶帮锐".to_string()), "{before:?}");
        assert_eq!(s.clear_user_words().unwrap(), 0);
    }

    #[test]
    fn names_are_found_by_pattern() {
        let page = crate::parse_page(
            "本报讯 昨日，市委书记王健主持会议并讲话。叶帮锐、唐剑刚、蒋涛、丁艳丽、邵春洪作交流发言。丁政、陈小忠等其他成员参加会议。王健指出，要做好工作。教育、卫生、文化方面的投入持续加大。\n",
        );
        let s = seg();
        let names = names_in_page(&page, &s);
        for n in ["王健", "叶帮锐", "唐剑刚", "蒋涛", "丁艳丽", "邵春洪", "丁政", "陈小忠"] {
            assert!(names.contains(&n.to_string()), "{n} missing from {names:?}");
        }
        for not in ["卫生", "文化", "邵春洪作", "王健主"] {
            assert!(!names.contains(&not.to_string()), "{not} in {names:?}");
        }
    }

    #[test]
    fn sighan_format_is_words_and_single_spaces() {
        let s = seg();
        assert_eq!(s.segment_line("我们 在 义乌。", Mode::Indexing), "我们 在 义乌 。");
    }
}

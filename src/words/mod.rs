//! Words: segmentation with jieba, part-of-speech tags, the user's
//! dictionary, and the names the page itself teaches.
//!
//! One [`Segmenter`] serves everything. It is built from the packed
//! dictionary ([`crate::words::dict`]) — natively the one embedded in the binary,
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

pub mod dict;
mod foreign;
mod lexicon;
mod names;
pub mod places;
mod tags;
mod user;

use jieba_rs::Jieba;
use serde::Serialize;

pub(crate) use foreign::PERSON_BEFORE;
pub use foreign::{TRANSLITERATION, foreign_names_in_page, is_transliteration, transliterated};
pub use lexicon::Known;
use lexicon::Lexicon;
pub use names::{
    AFTER_NAME, FoundName, NameSource, SURNAMES, TITLES, cut_around, find_names, is_surname, name_shaped, names_in_page,
};
pub(crate) use tags::guess_tag_of;
pub use tags::{EntityKind, Tag, TagSet};
pub use user::{DictionaryReport, LineError};

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
    /// The token of jieba's `t`, tagged `tag`.
    fn of(t: &jieba_rs::Token<'_>, tag: Tag) -> Token {
        Token {
            start: t.start as u32,
            end: t.end as u32,
            byte_start: t.byte_start as u32,
            byte_end: t.byte_end as u32,
            tag,
        }
    }

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
    added_at: rustc_hash::FxHashMap<String, usize>,
    /// At least the sum of every frequency jieba holds (its own sum is a
    /// `usize`: 32 bits in WebAssembly).
    freq_total: u64,
    /// Words the user added, in order, as they wrote them.
    user_words: Vec<String>,
    /// Names learned from pages: always people, whatever the dictionary says.
    people: rustc_hash::FxHashSet<String>,
    people_order: Vec<String>,
    /// Does jieba number its words as the lexicon does (each word's index
    /// among jieba's records is its id)? Then [`Segmenter::cut_known`]
    /// reads a token's id and tag by the index jieba found it under, not
    /// by looking the word up again. Checked when the dictionary is built
    /// and after each word added; false for good once it fails.
    shared_ids: bool,
    /// Which build of the dictionary the ids belong to: a number no other
    /// build in the process has (see [`Segmenter::ids_build`]).
    ids_build: u64,
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
    /// Bytes that are not a packed dictionary ([`crate::words::dict`]).
    pub fn from_packed(packed: impl Into<std::borrow::Cow<'static, [u8]>>) -> Result<Segmenter, crate::Error> {
        let base = packed.into();
        let (jieba, lexicon, freq_total, shared_ids) = build(&base)?;
        Ok(Segmenter {
            jieba,
            lexicon,
            shared_ids,
            ids_build: next_ids_build(),
            base,
            added: Vec::new(),
            added_at: rustc_hash::FxHashMap::default(),
            freq_total,
            user_words: Vec::new(),
            people: rustc_hash::FxHashSet::default(),
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
        self.jieba.cut(&text[..cut_end(text)], hmm).into_iter().map(|t| Token::of(&t, Tag::UNKNOWN)).collect()
    }

    /// Cuts text into words as [`Segmenter::cut`] does, and tags them as
    /// [`Segmenter::tag_of`] does, pushing each token's id to `ids` (what
    /// [`Segmenter::known`] gives, `None` for a word the lexicon lacks).
    /// Where jieba and the lexicon share their numbering, no word is looked
    /// up again: a token's id is the index jieba found it under, its tag
    /// the lexicon's for that id, and a word jieba lacks the lexicon lacks
    /// too. (Looking a word up by its hash could also take a word outside
    /// the lexicon for one in it whose 64-bit hash it shares; by jieba's
    /// index, it cannot.)
    pub fn cut_known(&self, text: &str, mode: Mode, ids: &mut Vec<Option<u32>>) -> Vec<Token> {
        let mut tokens = Vec::new();
        self.cut_known_into(text, mode, ids, &mut tokens);
        tokens
    }

    /// [`Segmenter::cut_known`] into a buffer of tokens, to which they are
    /// pushed (an analysis cuts field after field into the same buffer).
    pub fn cut_known_into(&self, text: &str, mode: Mode, ids: &mut Vec<Option<u32>>, tokens: &mut Vec<Token>) {
        if !self.shared_ids {
            let cut = self.cut(text, mode);
            ids.reserve(cut.len());
            tokens.reserve(cut.len());
            for mut t in cut {
                let word = t.text(text);
                let (id, tag) = match self.known(word) {
                    Some(k) => (Some(k.id), k.tag),
                    None => (None, guess_tag_of(word)),
                };
                t.tag = tag;
                ids.push(id);
                tokens.push(t);
            }
            return;
        }
        let text = &text[..cut_end(text)];
        tokens.reserve(text.len() / 4 + 1);
        ids.reserve(text.len() / 4 + 1);
        let tags = &self.lexicon.tags;
        self.jieba.cut_with_ids(text, mode == Mode::Reading, |t, index| {
            let (id, tag) = match index {
                Some(i) => (Some(i as u32), tags[i]),
                None => (None, guess_tag_of(t.word)),
            };
            ids.push(id);
            tokens.push(Token::of(&t, tag));
        });
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

    /// Which build of the dictionary the ids of [`Segmenter::known`] belong
    /// to. While it stays the same, a word keeps its id and words added
    /// take the next ones: what is known of ids below
    /// [`Segmenter::known_words`] holds. Each segmenter built, and each
    /// rebuild of one, has a number of its own.
    pub fn ids_build(&self) -> u64 {
        self.ids_build
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

    /// Teaches the segmenter the names a page uses: the people it names
    /// ([`names_in_page`]) and the foreign names it writes
    /// ([`foreign_names_in_page`]), people or places.
    pub fn learn_from_page(&mut self, page: &crate::model::Page) {
        let names = names_in_page(page, self);
        self.learn_people(names.iter().map(String::as_str));
        let foreign = foreign_names_in_page(page, self);
        self.learn_people(foreign.iter().filter(|f| f.1 == EntityKind::Person).map(|f| f.0.as_str()));
        self.learn_places(foreign.iter().filter(|f| f.1 == EntityKind::Place).map(|f| f.0.as_str()));
    }

    /// Teaches the segmenter names of places a page uses that the
    /// dictionary lacks (foreign ones), so that they come out whole and
    /// tagged as places. A name learned as a person's stays one.
    pub fn learn_places<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        for name in names {
            if !self.people.contains(name) && !self.added_at.contains_key(name) {
                self.add(AddedWord { word: name.to_string(), freq: None, tag: Some("ns".into()) });
            }
        }
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
        let id = self.lexicon.insert(&word.word, tag);
        self.shared_ids = self.shared_ids
            && self.jieba.word_count() == self.lexicon.tags.len()
            && self.jieba.word_index(&word.word) == Some(id as usize);
        let index = *self.added_at.entry(word.word.clone()).or_insert(self.added.len());
        let word = AddedWord { freq: Some(freq), ..word };
        if index == self.added.len() {
            self.added.push(word);
        } else {
            self.added[index] = word;
        }
    }
}

/// A number for a build of the dictionary that no other build in the
/// process has.
fn next_ids_build() -> u64 {
    static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Where segmenting `text` stops: at [`MAX_SEGMENTED`] bytes, on a
/// character's boundary.
fn cut_end(text: &str) -> usize {
    #[allow(clippy::unnecessary_min_or_max)] // a no-op where usize is 32 bits, as in WebAssembly
    let mut end = text.len().min(MAX_SEGMENTED);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// What the frequencies of all words together may reach: half of what a
/// 32-bit `usize` holds, where jieba sums them. Jieba's own dictionary
/// takes about 60 million; words added beyond the budget get less.
const FREQ_BUDGET: u64 = u32::MAX as u64 / 2;

/// The least frequency an added word gets: enough to win over splitting it
/// in ordinary contexts, as a user who adds a word expects.
const MIN_ADDED_FREQ: usize = 2000;

/// Words less frequent than this in jieba's dictionary are not worth a
/// place among the lexicon's frequent words (and sorting them is not
/// worth the time).
const HOT_FREQ: u64 = 200;

/// A bare jieba built from a packed dictionary, with nothing added: the
/// baseline of the benchmarks.
#[cfg(feature = "measure")]
pub fn build_jieba(packed: &[u8]) -> Result<Jieba, crate::Error> {
    build(packed).map(|(jieba, ..)| jieba)
}

/// A bare jieba built from dictionary text (`word freq tag` lines), neither
/// pruned nor quantised: the reference the packed dictionary is measured
/// against (`dict-agreement` in `lab`).
#[cfg(feature = "measure")]
pub fn jieba_from_text(text: &str) -> Result<Jieba, crate::Error> {
    Jieba::with_dict(&mut text.as_bytes()).map_err(|e| crate::Error::Dictionary { message: e.to_string() })
}

/// Jieba, the tag table and the sum of the frequencies from a packed
/// dictionary, and whether the two number the words alike.
fn build(packed: &[u8]) -> Result<(Jieba, Lexicon, u64, bool), crate::Error> {
    let entries = dict::Entries::read(packed)?;
    // Jieba first: the lists its trie is built from are freed before the
    // lexicon's are made, so those reuse the memory (a page's first build
    // pays for every megabyte of memory it touches for the first time).
    // Frequencies of a packed dictionary fit in one byte's code (ten
    // million at most), so in a 32-bit `usize`.
    let mut jieba = Jieba::from_entries(
        entries.len(),
        entries.iter().map(|(word, freq, tag)| (word, usize::try_from(freq).unwrap_or(usize::MAX), tag)),
    );
    // The HMM's emission table comes with the dictionary (it is half a
    // megabyte of the WebAssembly compiled in).
    jieba.set_hmm_model(jieba_rs::HmmModel::from_emissions(|c| entries.hmm_emissions(c)));
    let mut lexicon = Lexicon::with_capacity(entries.len());
    let tags: Vec<Tag> = entries.tags().iter().map(|name| Tag::from_name(name)).collect();
    let mut total = 0u64;
    // Words of more than one character by frequency, for the lexicon's
    // table of frequent words (single characters need no hashing).
    let mut frequent: Vec<(u64, &str)> = Vec::new();
    // Both are filled from the entries in order, so a word's index in
    // jieba is its id in the lexicon; the counts, the lexicon's hashes
    // being distinct and every 4096th word are checked.
    let mut shared_ids = jieba.word_count() == entries.len();
    for (i, (word, freq, _)) in entries.indexed().enumerate() {
        total += freq;
        if i % 4096 == 0 {
            shared_ids = shared_ids && jieba.word_index(word) == Some(i);
        }
        if freq >= HOT_FREQ && word.chars().nth(1).is_some() {
            frequent.push((freq, word));
        }
    }
    // The entries are distinct (`Entries::read` makes sure).
    lexicon.fill(entries.indexed().map(|(word, _, tag)| (word, tags[tag])));
    lexicon.keep_hot(frequent);
    let shared_ids = shared_ids && lexicon.tags.len() == jieba.word_count() && lexicon.distinct();
    Ok((jieba, lexicon, total, shared_ids))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::tags::TAGS;
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::embedded()
    }

    fn words(s: &Segmenter, text: &str, mode: Mode) -> Vec<String> {
        s.segment(text, mode).iter().map(|t| t.text(text).to_string()).collect()
    }

    /// jieba finds a block's route walking its trie from each character,
    /// last first, with no DAG built: the tokens and the ids must be those
    /// of the route found along the DAG, ties and all, and each id the
    /// word's own.
    #[test]
    fn the_route_found_from_the_trie_is_the_route_found_along_the_dag() {
        let mut s = seg();
        let texts = [
            "国务院总理主持召开国务院常务会议，部署进一步稳就业促消费的政策举措。",
            "记者从省文化和旅游厅获悉，今年“五一”假期全省共接待游客2100万人次，同比增长15.3%。",
            "科菲·安南和马·科瓦列夫斯基在日内瓦会见了鲍亮、邝兵和杜齐连等人。",
            "他说：WES-5.4.5版本的abc123测试已经完成，ＡＢＣ公司和北京大学、《晨星报》都表示关注。",
            "研究生命起源的和尚未结婚的人结合成分子时，南京市长江大桥上的乒乓球拍卖完了。",
            "吃葡萄不吐葡萄皮，不吃葡萄倒吐葡萄皮；四是四，十是十，十四是十四，四十是四十。",
            "𠀀𠀁中国\r\n人民 \t 😀 ｱｲｳ 한국어 Ünïcödé 一二三四五六七八九十",
            "",
        ];
        for learned in [false, true] {
            if learned {
                s.learn_people(["杜齐连", "科瓦列夫斯基"]);
                s.add_user_words("南京市长 nr\n江大桥 nr\n稳就业 v\n");
            }
            for text in texts {
                for hmm in [false, true] {
                    let mut by_trie = Vec::new();
                    s.jieba.cut_with_ids(text, hmm, |t, id| by_trie.push((t, id)));
                    let mut by_dag = Vec::new();
                    s.jieba.cut_with_ids_by_dag(text, hmm, |t, id| by_dag.push((t, id)));
                    assert_eq!(by_trie, by_dag, "{text} (hmm {hmm})");
                    for (t, id) in &by_trie {
                        assert_eq!(*id, s.jieba.word_index(t.word), "{} in {text}", t.word);
                    }
                }
            }
        }
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
    fn filling_the_lexicon_at_once_finds_what_inserting_each_word_does() {
        let words: Vec<String> = ["中", "中国", "中国人", "国", "a", "ab", "𦡦𦡦"]
            .into_iter()
            .map(String::from)
            .chain((0..5000).map(|i| format!("词{i}")))
            .collect();
        let tag = |i: usize| Tag::from_name(TAGS[i % TAGS.len()]);
        let mut one_by_one = Lexicon::with_capacity(16);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(one_by_one.insert(w, tag(i)), i as u32);
        }
        let mut filled = Lexicon::with_capacity(16);
        filled.fill(words.iter().enumerate().map(|(i, w)| (w.as_str(), tag(i))));
        for w in words.iter().map(String::as_str).chain(["国人", "词5000", "b", ""]) {
            assert_eq!(filled.get(w), one_by_one.get(w), "{w}");
        }
        assert_eq!(filled.get("词4999"), Some(Known { id: 5006, tag: tag(5006) }));
        // Words added afterwards take the next ids.
        assert_eq!(filled.insert("国人", Tag::UNKNOWN), words.len() as u32);
        assert_eq!(filled.insert("中国", Tag::UNKNOWN), 1);
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
        let text = "县委书记吴雨桐主持会议";
        assert!(words(&s, text, Mode::Reading).contains(&"吴雨桐".to_string()));
        assert!(!words(&s, text, Mode::Indexing).contains(&"吴雨桐".to_string()));
    }

    /// `cut_known` gives what cutting and looking each word up gives.
    fn assert_cut_known_as_looked_up(s: &Segmenter, text: &str) {
        for mode in [Mode::Reading, Mode::Indexing] {
            let mut ids = Vec::new();
            let known = s.cut_known(text, mode, &mut ids);
            let looked_up = s.segment(text, mode);
            assert_eq!(known, looked_up, "{mode:?}");
            let want: Vec<Option<u32>> = looked_up.iter().map(|t| s.known(t.text(text)).map(|k| k.id)).collect();
            assert_eq!(ids, want, "{mode:?}");
        }
    }

    #[test]
    fn jieba_and_the_lexicon_share_the_numbering_of_words_through_additions_and_rebuilds() {
        let text = "俞晓峰、钟国庆在杭州市调研，Ａ股公司和北京大学、《晨星报》abc 123，科菲·安南说转移避险好词𠀀😀〇\r\n用 C++ 和 AT&T 写的 3.5% 之类 x_y";
        let mut s = seg();
        assert!(s.shared_ids);
        assert_cut_known_as_looked_up(&s, text);
        s.learn_people(["钟国庆", "俞晓峰"]);
        s.learn_places(["晨星"]);
        s.add_user_words("转移避险 5000 nz\n北京大学 3 ns\n好词 n\n");
        assert!(s.shared_ids);
        assert_cut_known_as_looked_up(&s, text);
        assert!(s.remove_user_word("转移避险").unwrap());
        assert!(s.shared_ids);
        assert_cut_known_as_looked_up(&s, text);
        // Without the shared numbering, each word is looked up: the same.
        s.shared_ids = false;
        assert_cut_known_as_looked_up(&s, text);
    }

    #[test]
    fn learned_names_come_out_whole_and_as_people() {
        let mut s = seg();
        let text = "俞晓峰、钟国庆、严文娟、蓝海波、叶春林作交流发言";
        assert!(!words(&s, text, Mode::Reading).contains(&"蓝海波".to_string()));
        s.learn_people(["钟国庆", "蓝海波", "叶春林"]);
        for mode in [Mode::Reading, Mode::Indexing] {
            let tokens = s.segment(text, mode);
            for name in ["钟国庆", "蓝海波", "叶春林"] {
                let t = tokens.iter().find(|t| t.text(text) == name).unwrap_or_else(|| panic!("{name} in {mode:?}"));
                assert_eq!(t.tag, Tag::PERSON);
            }
        }
    }

    #[test]
    fn user_words_load_line_by_line_and_report_bad_lines() {
        let mut s = seg();
        let report = s.add_user_words("转移避险 5000 nz\n\n# a comment\n安全堤\n坏行 abc\n好词 n\n多 1 n extra\n");
        assert_eq!(report.added, ["转移避险", "安全堤", "好词"]);
        assert_eq!(report.errors.iter().map(|e| e.line).collect::<Vec<_>>(), [5, 7]);
        assert!(report.errors[0].message.contains("frequency or a tag"), "{:?}", report.errors);
        let text = "抓实转移避险守好安全堤";
        let w = words(&s, text, Mode::Indexing);
        assert!(w.contains(&"转移避险".to_string()) && w.contains(&"安全堤".to_string()), "{w:?}");
        assert_eq!(s.user_words(), ["转移避险", "安全堤", "好词"]);
    }

    #[test]
    fn removing_a_user_word_undoes_it() {
        let mut s = seg();
        let text = "要抓实转移避险";
        let before = words(&s, text, Mode::Indexing);
        s.add_user_words("转移避险 50000");
        assert!(words(&s, text, Mode::Indexing).contains(&"转移避险".to_string()));
        assert!(s.remove_user_word("转移避险").unwrap());
        assert_eq!(words(&s, text, Mode::Indexing), before);
        assert!(!s.remove_user_word("转移避险").unwrap());
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
        let text = "抓实转移避险，守好安全堤，叶春林讲话";
        s.learn_people(["叶春林"]);
        let before = words(&s, text, Mode::Indexing);
        s.add_user_words("转移避险 50000\n安全堤 50000");
        assert_ne!(words(&s, text, Mode::Indexing), before);
        assert_eq!(s.clear_user_words().unwrap(), 2);
        assert!(s.user_words().is_empty());
        assert_eq!(words(&s, text, Mode::Indexing), before);
        assert!(before.contains(&"叶春林".to_string()), "{before:?}");
        assert_eq!(s.clear_user_words().unwrap(), 0);
    }

    #[test]
    fn names_are_found_by_pattern() {
        let page = crate::parse_page(
            "本报讯 昨日，县委书记周立新主持会议并讲话。俞晓峰、钟国庆、严文娟、蓝海波、叶春林作交流发言。吴嘉禾、陈映雪等其他成员参加会议。周立新指出，要做好工作。教育、卫生、文化方面的投入持续加大。\n",
        );
        let s = seg();
        let names = names_in_page(&page, &s);
        for n in ["周立新", "俞晓峰", "钟国庆", "严文娟", "蓝海波", "叶春林", "吴嘉禾", "陈映雪"]
        {
            assert!(names.contains(&n.to_string()), "{n} missing from {names:?}");
        }
        for not in ["卫生", "文化", "叶春林作", "周立新主"] {
            assert!(!names.contains(&not.to_string()), "{not} in {names:?}");
        }
    }

    #[test]
    fn sighan_format_is_words_and_single_spaces() {
        let s = seg();
        assert_eq!(s.segment_line("我们 在 义乌。", Mode::Indexing), "我们 在 义乌 。");
    }
}

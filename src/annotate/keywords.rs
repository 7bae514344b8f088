//! Keywords: TF-IDF over the loaded articles. Term ids shared across
//! articles, stop words, the parts of speech that make keywords, and the
//! document frequencies.

use rustc_hash::FxHashMap;

use super::{ArticleWords, Keyword};
use crate::model::{Article, Field, field_text};
use crate::words::{Segmenter, Tag, TagSet};

/// A keyword candidate of an article: its id, how often it occurs, and
/// where it first does (byte offsets into that field), for its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermCount {
    pub id: u32,
    pub count: u32,
    pub field: Field,
    pub start: u32,
    pub end: u32,
}

/// Ids for terms across the articles of a library: the segmenter's for
/// words it knows, numbers of our own above those for the rest; and which
/// ids are stop words.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    unknown: FxHashMap<Box<str>, u32>,
    /// Bit per known word id: a stop word.
    stop: Vec<u64>,
    /// How many words the segmenter knew when `stop` was last brought up
    /// to date, and the build of its dictionary ([`Segmenter::ids_build`]).
    known: usize,
    build: u64,
    /// The stop words the segmenter did not know then, by their place in
    /// [`STOP_WORDS`].
    unknown_stops: Vec<u8>,
}

/// Ids of words the segmenter does not know start here.
const UNKNOWN_IDS: u32 = 1 << 24;

impl Terms {
    /// Keeps up with the segmenter: finds the stop words' ids again if its
    /// dictionary was built again, and looks up the stop words it did not
    /// know if it learned words since (those it knew keep their ids).
    pub(super) fn follow(&mut self, segmenter: &Segmenter) {
        let known = segmenter.known_words();
        if self.known == known && self.build == segmenter.ids_build() && !self.stop.is_empty() {
            return;
        }
        if self.build != segmenter.ids_build() || known < self.known || self.stop.is_empty() {
            self.stop.clear();
            self.unknown_stops = (0..STOP_WORDS.len() as u8).collect();
        }
        self.known = known;
        self.build = segmenter.ids_build();
        self.stop.resize(known / 64 + 1, 0);
        let stop = &mut self.stop;
        self.unknown_stops.retain(|&w| match segmenter.known(STOP_WORDS[usize::from(w)]) {
            Some(k) => {
                stop[k.id as usize / 64] |= 1 << (k.id % 64);
                false
            }
            None => true,
        });
    }

    pub(super) fn is_stop(&self, id: u32) -> bool {
        self.stop.get(id as usize / 64).is_some_and(|bits| bits & (1 << (id % 64)) != 0)
    }

    pub(super) fn unknown_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.unknown.get(word) {
            return id;
        }
        let id = UNKNOWN_IDS + self.unknown.len() as u32;
        self.unknown.insert(word.into(), id);
        id
    }
}

/// Function words and the most generic words of news prose.
pub(super) const STOP_WORDS: &[&str] = &[
    "的",
    "了",
    "是",
    "在",
    "和",
    "与",
    "及",
    "等",
    "也",
    "都",
    "而",
    "但",
    "对",
    "把",
    "被",
    "将",
    "从",
    "向",
    "为",
    "以",
    "于",
    "之",
    "其",
    "这",
    "那",
    "我",
    "你",
    "他",
    "她",
    "它",
    "我们",
    "你们",
    "他们",
    "她们",
    "大家",
    "自己",
    "一个",
    "一些",
    "这个",
    "那个",
    "这些",
    "那些",
    "这样",
    "那样",
    "没有",
    "不是",
    "就是",
    "还是",
    "因为",
    "所以",
    "如果",
    "但是",
    "而且",
    "并且",
    "或者",
    "以及",
    "通过",
    "进行",
    "开展",
    "可以",
    "能够",
    "已经",
    "正在",
    "目前",
    "今年",
    "去年",
    "昨日",
    "昨天",
    "今天",
    "日前",
    "近日",
    "当前",
    "同时",
    "其中",
    "以来",
    "方面",
    "有关",
    "相关",
    "表示",
    "介绍",
    "指出",
    "强调",
    "要求",
    "认为",
    "记者",
    "本报",
    "全媒体",
    "通讯员",
    "一步",
    "进一步",
    "不断",
    "更加",
    "积极",
    "全面",
    "切实",
    "有效",
    "一起",
    "一样",
    "这里",
    "那里",
    "什么",
    "怎么",
    "如何",
    "为了",
    "关于",
    "由于",
    "根据",
    "按照",
    "以上",
    "以下",
    "之一",
    "之间",
    "时候",
    "问题",
    "情况",
    "工作",
];

// Stop words are numbered by a byte in `Terms::unknown_stops`.
const _: () = assert!(STOP_WORDS.len() <= 256);

/// Parts of speech that make keywords: nouns of all kinds, verbal nouns,
/// Latin words, set phrases and abbreviations; and words the HMM found
/// (unknown to the dictionary, often names and terms).
pub(super) fn is_keyword_candidate(word: &str, tag: Tag, chars: usize) -> bool {
    const KEYWORD_TAGS: TagSet =
        TagSet::of(&["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "eng", "l", "i", "j", "x"]);
    if !tag.is_any(&KEYWORD_TAGS) || !(2..=12).contains(&chars) {
        return false;
    }
    // Dictionary words are made of letters; the check matters for the rest.
    // (Characters of the common Han block are all alphabetic; Unicode's
    // table is read only for the others.)
    !word.bytes().any(|b| b.is_ascii_digit())
        && (tag != Tag::UNKNOWN || word.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphabetic()))
}

/// Document frequencies of keyword candidates over the loaded articles.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    documents: usize,
    /// By term id.
    df: FxHashMap<u32, u32>,
}

impl Corpus {
    pub fn add(&mut self, words: &ArticleWords) {
        self.documents += 1;
        for t in &words.term_counts {
            *self.df.entry(t.id).or_insert(0) += 1;
        }
    }

    pub fn remove(&mut self, words: &ArticleWords) {
        self.documents = self.documents.saturating_sub(1);
        for t in &words.term_counts {
            if let Some(n) = self.df.get_mut(&t.id) {
                *n -= 1;
                if *n == 0 {
                    self.df.remove(&t.id);
                }
            }
        }
    }

    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The top `n` keywords of an article: sublinear term frequency times a
    /// smoothed inverse document frequency over the loaded articles.
    pub fn keywords(&self, article: &Article, words: &ArticleWords, n: usize) -> Vec<Keyword> {
        let docs = self.documents.max(1) as f64;
        let mut scored: Vec<(f64, &str)> = words
            .term_counts
            .iter()
            .map(|t| {
                let df = f64::from(self.df.get(&t.id).copied().unwrap_or(1).max(1));
                let idf = ((docs + 1.0) / (df + 0.5)).ln() + 1.0;
                let tf = 1.0 + f64::from(t.count).ln();
                let text = field_text(article, t.field).map_or("", |s| &s[t.start as usize..t.end as usize]);
                ((tf * idf * 1000.0).round() / 1000.0, text)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.truncate(n);
        scored.into_iter().map(|(score, text)| Keyword { text: text.to_string(), score }).collect()
    }
}

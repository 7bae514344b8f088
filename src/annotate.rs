//! Annotation: an article's words, its people, places and organisations,
//! and its keywords against the other articles loaded.
//!
//! Keywords are TF-IDF over the loaded articles, not TextRank: what a
//! reader scanning a page wants is what sets an article apart from its
//! neighbours, which is what inverse document frequency measures; TextRank
//! ranks words within one article by co-occurrence and would put the same
//! generic news words (`工作`, `发展`) on top of every article. The IDF
//! comes from the pages loaded, so no IDF table has to be shipped (jieba's
//! `tfidf` feature would add about 3 MB to the WebAssembly).

use serde::Serialize;

use crate::model::{Article, Page};
use crate::text::is_han;
use rustc_hash::FxHashMap;

use crate::words::{EntityKind, Mode, Segmenter, Tag, TagSet, Token};

/// Where a piece of text sits in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase", tag = "field", content = "index")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Field {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Dateline,
    Paragraph(usize),
}

impl Field {
    /// The field's name, as the CLI and the bindings spell it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Kicker => "kicker",
            Field::Title => "title",
            Field::Subtitle => "subtitle",
            Field::Byline => "byline",
            Field::Dateline => "dateline",
            Field::Paragraph(_) => "paragraph",
        }
    }

    /// Is it part of the headline block?
    pub fn is_headline(self) -> bool {
        matches!(self, Field::Kicker | Field::Title | Field::Subtitle)
    }
}

/// The texts of an article in reading order, each with its field.
pub fn fields(article: &Article) -> Vec<(Field, &str)> {
    let mut out = Vec::with_capacity(article.paragraphs.len() + 5);
    for (field, text) in [
        (Field::Kicker, &article.kicker),
        (Field::Title, &article.title),
        (Field::Subtitle, &article.subtitle),
        (Field::Byline, &article.byline),
        (Field::Dateline, &article.dateline),
    ] {
        if let Some(t) = text {
            out.push((field, t.as_str()));
        }
    }
    out.extend(article.paragraphs.iter().enumerate().map(|(i, p)| (Field::Paragraph(i), p.as_str())));
    out
}

/// The text of one field of an article.
pub fn field_text(article: &Article, field: Field) -> Option<&str> {
    match field {
        Field::Kicker => article.kicker.as_deref(),
        Field::Title => article.title.as_deref(),
        Field::Subtitle => article.subtitle.as_deref(),
        Field::Byline => article.byline.as_deref(),
        Field::Dateline => article.dateline.as_deref(),
        Field::Paragraph(i) => article.paragraphs.get(i).map(String::as_str),
    }
}

/// A named entity in one place of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EntitySpan {
    pub field: Field,
    /// Character offsets into the field's text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// A named entity of an article, with how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Entity {
    pub text: String,
    pub kind: EntityKind,
    pub count: usize,
}

/// A keyword of an article and its TF-IDF score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Keyword {
    pub text: String,
    pub score: f64,
}

/// What a library keeps of an article's words: its entities and its
/// keyword candidates. The tokens themselves are cut again when an article
/// is shown ([`tokens`]): that costs well under a millisecond an article,
/// where keeping every token of a thousand pages would cost memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleWords {
    /// Entities by kind, then by count (most first), then text.
    pub entities: Vec<Entity>,
    /// The keyword candidates, by id, with their counts.
    pub term_counts: Vec<TermCount>,
}

/// An article's words where they stand: for showing and highlighting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTokens {
    /// Reading-mode tokens of each field, in the order of [`fields`].
    pub tokens: Vec<(Field, Vec<Token>)>,
    pub entity_spans: Vec<EntitySpan>,
}

/// Cuts an article for showing: its tokens, tagged, and where its people,
/// places and organisations are.
pub fn tokens(article: &Article, segmenter: &Segmenter) -> ArticleTokens {
    walk(article, segmenter, None).1
}

/// Analyses a whole page: the people it names are taught to the segmenter
/// first, so that they come out whole, then each article is analysed.
pub fn analyse_page(page: &Page, segmenter: &mut Segmenter, terms: &mut Terms) -> Vec<ArticleWords> {
    let names = crate::words::names_in_page(page, segmenter);
    segmenter.learn_people(names.iter().map(String::as_str));
    page.articles.iter().map(|a| analyse(a, segmenter, terms)).collect()
}

/// Segments and annotates an article.
pub fn analyse(article: &Article, segmenter: &Segmenter, terms: &mut Terms) -> ArticleWords {
    walk(article, segmenter, Some(terms)).0
}

/// Cuts and tags an article's texts, finding its entities; with `terms`,
/// counts its keyword candidates and keeps no tokens, without, keeps the
/// tokens and entity spans and counts nothing.
fn walk(article: &Article, segmenter: &Segmenter, mut terms: Option<&mut Terms>) -> (ArticleWords, ArticleTokens) {
    if let Some(terms) = terms.as_deref_mut() {
        terms.follow(segmenter);
    }
    let counting = terms.is_some();
    let mut words = ArticleWords::default();
    let mut shown = ArticleTokens::default();
    // Keyword candidates and entities as met; sorted and counted at the end.
    let mut candidates: Vec<TermCount> = Vec::with_capacity(256);
    let mut mentions: Vec<(u32, EntityKind, Field, u32, u32)> = Vec::new();
    for (field, text) in fields(article) {
        let mut tokens = segmenter.cut(text, Mode::Reading);
        // Bylines and datelines name their people; the rest is prose.
        let prose = matches!(field, Field::Paragraph(_)) || field.is_headline();
        for t in &mut tokens {
            let word = t.text(text);
            let (id, tag) = match segmenter.known(word) {
                Some(k) => (Some(k.id), k.tag),
                None => (None, crate::words::guess_tag_of(word)),
            };
            t.tag = tag;
            // A single character is neither an entity nor a keyword.
            if t.end - t.start < 2 {
                continue;
            }
            let entity =
                if tag.entity().is_some() { entity_kind(word, tag, segmenter.is_learned_person(word)) } else { None };
            let keyword = counting && prose && is_keyword_candidate(word, tag, (t.end - t.start) as usize);
            if entity.is_none() && !keyword {
                continue;
            }
            let id = match (id, terms.as_deref_mut()) {
                (Some(id), _) => id,
                (None, Some(terms)) => terms.unknown_id(word),
                (None, None) => 0,
            };
            if keyword && !terms.as_deref().is_some_and(|terms| terms.is_stop(id)) {
                candidates.push(TermCount { id, count: 1, field, start: t.byte_start, end: t.byte_end });
            }
            if let Some(kind) = entity {
                if counting {
                    mentions.push((id, kind, field, t.byte_start, t.byte_end));
                } else {
                    shown.entity_spans.push(EntitySpan { field, start: t.start as usize, end: t.end as usize, kind });
                }
            }
        }
        if !counting {
            shown.tokens.push((field, tokens));
        }
    }
    candidates.sort_by_key(|c| c.id);
    for c in candidates {
        match words.term_counts.last_mut() {
            Some(last) if last.id == c.id => last.count += 1,
            _ => words.term_counts.push(c),
        }
    }
    mentions.sort_by_key(|m| (m.0, m.1));
    let mut entities: Vec<Entity> = Vec::new();
    let mut last: Option<(u32, EntityKind)> = None;
    for (id, kind, field, start, end) in mentions {
        if last == Some((id, kind)) {
            entities.last_mut().expect("an entity is open").count += 1;
            continue;
        }
        last = Some((id, kind));
        let text = field_text(article, field).map_or("", |t| &t[start as usize..end as usize]);
        entities.push(Entity { text: text.to_string(), kind, count: 1 });
    }
    entities.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.count.cmp(&a.count)).then(a.text.cmp(&b.text)));
    words.entities = entities;
    (words, shown)
}

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
    /// How many words the segmenter knew when `stop` was made.
    known: usize,
}

/// Ids of words the segmenter does not know start here.
const UNKNOWN_IDS: u32 = 1 << 24;

impl Terms {
    /// Keeps up with the segmenter: finds the stop words' ids again if its
    /// dictionary changed size.
    fn follow(&mut self, segmenter: &Segmenter) {
        if self.known == segmenter.known_words() && !self.stop.is_empty() {
            return;
        }
        self.known = segmenter.known_words();
        self.stop = vec![0; self.known / 64 + 1];
        for w in STOP_WORDS {
            if let Some(k) = segmenter.known(w) {
                self.stop[k.id as usize / 64] |= 1 << (k.id % 64);
            }
        }
    }

    fn is_stop(&self, id: u32) -> bool {
        self.stop.get(id as usize / 64).is_some_and(|bits| bits & (1 << (id % 64)) != 0)
    }

    fn unknown_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.unknown.get(word) {
            return id;
        }
        let id = UNKNOWN_IDS + self.unknown.len() as u32;
        self.unknown.insert(word.into(), id);
        id
    }
}

/// The kind of entity a token is, by its tag — filtered, because jieba's
/// dictionary tags many common words as names and places (`文明`, `关怀`
/// and `许可` as people, `深度` and `维度` as places). A learned name is
/// always a person (the segmenter tags it `nr` and nothing else has that
/// exact spelling as a learned word); otherwise a person is a full name
/// (three characters, surname first, or a famous name `nrfg`, or a
/// transliteration `nrt` of three or more); a two-character place must end
/// like one (`江`, `州`, `县`…); an organisation has three characters or
/// more. Words of two characters that the page itself names (bylines,
/// lists) come out as people through learning.
fn entity_kind(word: &str, tag: Tag, learned: bool) -> Option<EntityKind> {
    let kind = tag.entity()?;
    let n = word.chars().count();
    if n < 2 || !word.chars().all(|c| is_han(c) || c == '·') {
        return None;
    }
    if learned {
        return Some(kind);
    }
    let ok = match (kind, tag.name()) {
        (EntityKind::Person, "nrfg") => true,
        (EntityKind::Person, "nrt") => n >= 3,
        (EntityKind::Person, _) => n >= 3 && crate::words::name_shaped(word),
        (EntityKind::Place, _) => n >= 3 || word.ends_with(PLACE_ENDINGS),
        (EntityKind::Organization, _) => n >= 3,
    };
    ok.then_some(kind)
}

/// Last characters of two-character place names.
const PLACE_ENDINGS: &[char] = &[
    '江', '河', '湖', '山', '州', '京', '海', '岛', '港', '湾', '城', '县', '市', '省', '区', '镇', '乡', '村', '阳',
    '川', '庄',
];

/// Function words and the most generic words of news prose.
const STOP_WORDS: &[&str] = &[
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

/// Parts of speech that make keywords: nouns of all kinds, verbal nouns,
/// Latin words, set phrases and abbreviations; and words the HMM found
/// (unknown to the dictionary, often names and terms).
fn is_keyword_candidate(word: &str, tag: Tag, chars: usize) -> bool {
    const KEYWORD_TAGS: TagSet =
        TagSet::of(&["n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "eng", "l", "i", "j", "x"]);
    if !tag.is_any(&KEYWORD_TAGS) || !(2..=12).contains(&chars) {
        return false;
    }
    // Dictionary words are made of letters; the check matters for the rest.
    !word.bytes().any(|b| b.is_ascii_digit()) && (tag != Tag::UNKNOWN || word.chars().any(char::is_alphabetic))
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            title: Some("义乌市委召开深改会".into()),
            byline: Some("记者 叶帮锐".into()),
            authors: vec!["叶帮锐".into()],
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn entities_are_counted_by_kind() {
        let mut s = Segmenter::embedded();
        s.learn_people(["叶帮锐"]);
        let a = article(&["叶帮锐在杭州市调研，叶帮锐指出，北京大学和杭州市要加强合作。"]);
        let w = analyse(&a, &s, &mut Terms::default());
        let find = |t: &str| w.entities.iter().find(|e| e.text == t).cloned();
        assert_eq!(find("叶帮锐"), Some(Entity { text: "叶帮锐".into(), kind: EntityKind::Person, count: 3 }));
        assert_eq!(find("杭州市").map(|e| (e.kind, e.count)), Some((EntityKind::Place, 2)));
        assert_eq!(find("北京大学").map(|e| e.kind), Some(EntityKind::Organization));
        // Spans point at the text.
        for span in &tokens(&a, &s).entity_spans {
            let text = field_text(&a, span.field).unwrap();
            let got: String = text.chars().skip(span.start).take(span.end - span.start).collect();
            assert!(w.entities.iter().any(|e| e.text == got), "{got}");
        }
    }

    #[test]
    fn keywords_set_an_article_apart_from_the_others() {
        let s = Segmenter::embedded();
        let mut terms = Terms::default();
        let first =
            article(&["二手车出口工作要拉高标杆，二手车出口要加强场地保障，做好二手车检测。会议要求抓好工作。"]);
        let a = analyse(&first, &s, &mut terms);
        let b = analyse(&article(&["消防安全检查要抓好，会议要求各部门加强消防安全工作。"]), &s, &mut terms);
        let mut corpus = Corpus::default();
        corpus.add(&a);
        corpus.add(&b);
        let top: Vec<String> = corpus.keywords(&first, &a, 3).into_iter().map(|k| k.text).collect();
        assert_eq!(top[0], "二手车", "{top:?}");
        assert!(!top.contains(&"会议".to_string()) && !top.contains(&"工作".to_string()), "{top:?}");
        for k in corpus.keywords(&first, &a, 50) {
            assert!(!k.text.chars().any(|c| c.is_ascii_digit() || "，。、".contains(c)), "{k:?}");
            assert!(!STOP_WORDS.contains(&k.text.as_str()), "{k:?}");
        }
        corpus.remove(&b);
        assert_eq!(corpus.documents(), 1);
    }
}

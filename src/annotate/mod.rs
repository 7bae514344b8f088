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

mod entities;
mod kept;
mod keywords;

use serde::Serialize;

use crate::model::{Article, Field, Page, field_text, fields};
use crate::words::{EntityKind, Mode, Segmenter, Token};
use entities::{Found, WordFacts, recognise};
pub use kept::KeptTokens;
pub use keywords::{Corpus, TermCount, Terms};

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

/// What a library keeps of an article's words: its entities, its
/// keyword candidates, and the tokens they were found in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleWords {
    /// Entities by kind, then by count (most first), then text.
    pub entities: Vec<Entity>,
    /// The keyword candidates, each id once with its count, in the order
    /// first met.
    pub term_counts: Vec<TermCount>,
    /// The tokens and entity spans for showing the article, packed (about
    /// two bytes a token): cutting it again and finding its entities again
    /// cost as much as the first time. None if the article was not cut
    /// (no segmenter yet) or its tokens could not be packed.
    pub kept: Option<KeptTokens>,
}

/// An article's words where they stand: for showing and highlighting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTokens {
    /// Reading-mode tokens of each field, in the order of [`fields`].
    pub tokens: Vec<(Field, Vec<Token>)>,
    pub entity_spans: Vec<EntitySpan>,
}

/// Cuts an article for showing: its tokens, tagged, and where its people,
/// places and organisations are. [`ArticleWords::kept`] holds the same,
/// as cut when the article was analysed.
pub fn tokens(article: &Article, segmenter: &Segmenter) -> ArticleTokens {
    walk(article, segmenter, None).1
}

/// Analyses a whole page: the people it names are taught to the segmenter
/// first, so that they come out whole, then each article is analysed.
pub fn analyse_page(page: &Page, segmenter: &mut Segmenter, terms: &mut Terms) -> Vec<ArticleWords> {
    segmenter.learn_from_page(page);
    page.articles.iter().map(|a| analyse(a, segmenter, terms)).collect()
}

/// Segments and annotates an article.
pub fn analyse(article: &Article, segmenter: &Segmenter, terms: &mut Terms) -> ArticleWords {
    walk(article, segmenter, Some(terms)).0
}

/// The working buffers of [`walk`], kept from one article to the next
/// rather than allocated and grown afresh for each. Each walk takes them
/// (empty, with their room) and gives them back; a buffer grown past
/// [`WalkBuffers::KEPT_BYTES`] is let go.
#[derive(Default)]
struct WalkBuffers {
    candidates: Vec<TermCount>,
    mentions: Vec<(u32, EntityKind, Field, u32, u32)>,
    found: Vec<Found>,
    ids: Vec<Option<u32>>,
    tokens: Vec<Token>,
    /// Each candidate's place in the term counts.
    order: Vec<u32>,
    terms_met: TermsMet,
    /// The tokens' facts, and those of the words met so far (kept whole).
    facts: Vec<u8>,
    word_facts: WordFacts,
}

impl WalkBuffers {
    /// Room kept for one buffer between walks, in bytes.
    const KEPT_BYTES: usize = 1 << 20;

    fn take() -> WalkBuffers {
        WALK_BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()))
    }

    /// Empties the buffers and keeps them for the next walk.
    fn give_back(mut self) {
        fn keep<T>(v: &mut Vec<T>) {
            v.clear();
            if v.capacity() * std::mem::size_of::<T>() > WalkBuffers::KEPT_BYTES {
                *v = Vec::new();
            }
        }
        keep(&mut self.candidates);
        keep(&mut self.mentions);
        keep(&mut self.found);
        keep(&mut self.ids);
        keep(&mut self.tokens);
        keep(&mut self.order);
        keep(&mut self.facts);
        // The table of the terms met is kept as the buffers are, not
        // cleared (its slots are stamped), but let go past the same room:
        // an article of more than 32,768 candidates would leave 1.5 MB or
        // more of it for good.
        if self.terms_met.slots.len() * std::mem::size_of::<(u32, u32, u32)>() > WalkBuffers::KEPT_BYTES {
            self.terms_met = TermsMet::default();
        }
        WALK_BUFFERS.with(|b| *b.borrow_mut() = self);
    }
}

/// The term ids met in one article, each with its place (the order first
/// met): open addressing over slots stamped with the walk they were filled
/// in, so that a walk starts without clearing the table.
#[derive(Default)]
struct TermsMet {
    /// `(stamp, id, place)`.
    slots: Vec<(u32, u32, u32)>,
    stamp: u32,
    /// Ids met in this walk.
    len: u32,
}

impl TermsMet {
    /// Starts a walk of up to `candidates` ids.
    fn start(&mut self, candidates: usize) {
        let wanted = (candidates * 2).next_power_of_two().max(256);
        if self.slots.len() < wanted || self.stamp == u32::MAX {
            self.slots = vec![(0, 0, 0); wanted];
            self.stamp = 0;
        }
        self.stamp += 1;
        self.len = 0;
    }

    /// The place of `id`: the one it was given, or the next if new.
    fn place(&mut self, id: u32) -> u32 {
        let mask = self.slots.len() - 1;
        let shift = 64 - self.slots.len().trailing_zeros();
        let mut i = ((u64::from(id).wrapping_mul(0x9E37_79B9_7F4A_7C15)) >> shift) as usize;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 != self.stamp {
                *slot = (self.stamp, id, self.len);
                self.len += 1;
                return slot.2;
            }
            if slot.1 == id {
                return slot.2;
            }
            i = (i + 1) & mask;
        }
    }
}

thread_local! {
    static WALK_BUFFERS: std::cell::RefCell<WalkBuffers> = std::cell::RefCell::default();
}

/// Cuts and tags an article's texts, finding its entities; with `terms`,
/// counts its keyword candidates and packs the tokens and entity spans
/// into the words, without, returns the tokens and entity spans as they
/// are and counts nothing.
fn walk(article: &Article, segmenter: &Segmenter, mut terms: Option<&mut Terms>) -> (ArticleWords, ArticleTokens) {
    if let Some(terms) = terms.as_deref_mut() {
        terms.follow(segmenter);
    }
    let counting = terms.is_some();
    let mut words = ArticleWords::default();
    let mut shown = ArticleTokens::default();
    // Keyword candidates and entities as met; sorted and counted at the end.
    let mut buffers = WalkBuffers::take();
    let WalkBuffers { candidates, mentions, found, ids, tokens, order, terms_met, facts, word_facts } = &mut buffers;
    candidates.reserve(256);
    mentions.reserve(64);
    let fields = fields(article);
    let bytes = fields.iter().map(|f| f.1.len()).sum();
    let mut kept = counting.then(|| KeptTokens::for_bytes(bytes, fields.len()));
    // Room for the longest field's tokens and ids (as `cut_known_into`
    // makes for a field), so that the buffers do not grow field after
    // field; and for the candidates, of which there are fewer than one
    // every eight bytes.
    let longest = fields.iter().map(|f| f.1.len()).max().unwrap_or(0);
    ids.reserve(longest / 4 + 1);
    tokens.reserve(longest / 4 + 1);
    candidates.reserve(bytes / 8);
    for (number, (field, text)) in fields.into_iter().enumerate() {
        ids.clear();
        tokens.clear();
        segmenter.cut_known_into(text, Mode::Reading, ids, tokens);
        // Bylines and datelines name their people; the rest is prose.
        let prose = matches!(field, Field::Paragraph(_)) || field.is_headline();
        found.clear();
        word_facts.of_tokens(text, tokens, ids, segmenter, facts);
        recognise(text, tokens, facts, segmenter, found);
        if kept.as_mut().is_some_and(|k| !k.push_field(text, tokens)) {
            kept = None;
        }
        if counting && prose {
            let terms = terms.as_deref_mut().expect("counting has terms");
            // Keyword candidates: words of two characters or more, but no
            // fragment of a person's or place's name (`布雷` of `布雷维克`).
            let mut at = 0;
            // (Whether a word is one by itself is one of its facts.)
            for ((t, id), &f) in tokens.iter().zip(ids.iter()).zip(facts.iter()) {
                if f & entities::fact::KEYWORD == 0 {
                    continue;
                }
                while at < found.len() && found[at].end <= t.start {
                    at += 1;
                }
                let fragment = found[at..]
                    .iter()
                    .take_while(|f| f.start < t.end)
                    .any(|f| f.kind != EntityKind::Organization && !(t.start <= f.start && f.end <= t.end));
                if fragment {
                    continue;
                }
                let word = t.text(text);
                let id = id.unwrap_or_else(|| terms.unknown_id(word));
                if !terms.is_stop(id) {
                    candidates.push(TermCount { id, count: 1, field, start: t.byte_start, end: t.byte_end });
                }
            }
        }
        for f in found.iter() {
            if counting {
                let word = &text[f.byte_start as usize..f.byte_end as usize];
                // Most entities are one token, whose id is known already.
                let token_id = match tokens.binary_search_by_key(&f.start, |t| t.start) {
                    Ok(k) if tokens[k].end == f.end => ids[k],
                    _ => segmenter.known(word).map(|k| k.id),
                };
                let id = match (token_id, terms.as_deref_mut()) {
                    (Some(id), _) => id,
                    (None, Some(terms)) => terms.unknown_id(word),
                    (None, None) => 0,
                };
                mentions.push((id, f.kind, field, f.byte_start, f.byte_end));
                if let Some(kept) = kept.as_mut() {
                    kept.push_span(number, f.start, f.end, f.kind);
                }
            } else {
                shown.entity_spans.push(EntitySpan {
                    field,
                    start: f.start as usize,
                    end: f.end as usize,
                    kind: f.kind,
                });
            }
        }
        if !counting {
            shown.tokens.push((field, std::mem::take(tokens)));
        }
    }
    // Each id once, where first met (its first candidate, which the counts
    // keep), found by a table of the ids met rather than a sort by id
    // (which cost 0.7 M instructions of the real pages' 21 M); with room
    // for the ids exactly, as the words are kept.
    terms_met.start(candidates.len());
    order.extend(candidates.iter().map(|c| terms_met.place(c.id)));
    words.term_counts.reserve_exact(terms_met.len as usize);
    for (c, &place) in candidates.iter().zip(order.iter()) {
        match words.term_counts.get_mut(place as usize) {
            Some(first) => first.count += 1,
            None => words.term_counts.push(*c),
        }
    }
    // Unstable: mentions of one id and kind are of one word, so whichever
    // comes first gives the same text.
    mentions.sort_unstable_by_key(|m| (m.0, m.1));
    let distinct = mentions.windows(2).filter(|w| (w[0].0, w[0].1) != (w[1].0, w[1].1)).count();
    let mut entities: Vec<Entity> = Vec::with_capacity(if mentions.is_empty() { 0 } else { distinct + 1 });
    let mut last: Option<(u32, EntityKind)> = None;
    for &(id, kind, field, start, end) in mentions.iter() {
        if last == Some((id, kind)) {
            entities.last_mut().expect("an entity is open").count += 1;
            continue;
        }
        last = Some((id, kind));
        let text = field_text(article, field).map_or("", |t| &t[start as usize..end as usize]);
        entities.push(Entity { text: text.to_string(), kind, count: 1 });
    }
    // No two entities share a kind and a text, so no order is left to keep.
    entities.sort_unstable_by(|a, b| a.kind.cmp(&b.kind).then(b.count.cmp(&a.count)).then(a.text.cmp(&b.text)));
    words.entities = entities;
    if let Some(kept) = kept.as_mut() {
        kept.shrink_to_fit();
    }
    words.kept = kept;
    buffers.give_back();
    (words, shown)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::keywords::STOP_WORDS;
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            title: Some("桐庐县委召开防汛会".into()),
            byline: Some("记者 俞晓峰".into()),
            authors: vec!["俞晓峰".into()],
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn common_han_characters_are_alphabetic() {
        // `is_keyword_candidate` takes them so without Unicode's table.
        assert!(('\u{4E00}'..='\u{9FFF}').all(char::is_alphabetic));
    }

    /// A walk of an article of very many keyword candidates lets go of
    /// its table of the terms met, as of any buffer grown past
    /// [`WalkBuffers::KEPT_BYTES`]; the next walk counts as before.
    #[test]
    fn a_large_table_of_terms_met_is_let_go() {
        let s = Segmenter::embedded();
        let paragraph = "经济发展带动城市建设，农村改革促进社会进步。".repeat(40);
        let paragraphs: Vec<&str> = std::iter::repeat_n(paragraph.as_str(), 250).collect();
        let big = analyse(&article(&paragraphs), &s, &mut Terms::default());
        let slots = WALK_BUFFERS.with(|b| b.borrow().terms_met.slots.len());
        assert!(
            slots * std::mem::size_of::<(u32, u32, u32)>() <= WalkBuffers::KEPT_BYTES,
            "{slots} slots kept after {} candidates",
            big.term_counts.iter().map(|t| t.count).sum::<u32>()
        );
        assert!(big.term_counts.iter().map(|t| t.count).sum::<u32>() > 65_536);
        let small = article(&["经济发展带动城市建设，经济发展促进社会进步。"]);
        let w = analyse(&small, &s, &mut Terms::default());
        let count = |word: &str| {
            let text = |t: &TermCount| field_text(&small, t.field).map(|f| &f[t.start as usize..t.end as usize]);
            w.term_counts.iter().find(|t| text(t) == Some(word)).map(|t| t.count)
        };
        assert_eq!((count("经济"), count("发展"), count("城市")), (Some(2), Some(2), Some(1)));
    }

    #[test]
    fn entities_are_counted_by_kind() {
        let mut s = Segmenter::embedded();
        s.learn_people(["俞晓峰"]);
        let a = article(&["俞晓峰在杭州市调研，俞晓峰指出，北京大学和杭州市要加强合作。"]);
        let w = analyse(&a, &s, &mut Terms::default());
        let find = |t: &str| w.entities.iter().find(|e| e.text == t).cloned();
        assert_eq!(find("俞晓峰"), Some(Entity { text: "俞晓峰".into(), kind: EntityKind::Person, count: 3 }));
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
    fn stop_words_are_followed_through_words_learned_and_rebuilds() {
        let mut s = Segmenter::embedded();
        let mut terms = Terms::default();
        // Every stop word the segmenter knows, and nothing else among the
        // words given, is one by its id.
        let check = |terms: &mut Terms, s: &Segmenter| {
            terms.follow(s);
            for w in STOP_WORDS.iter().chain(&["杭州", "发展", "新名词甲", "俞晓峰"]) {
                if let Some(k) = s.known(w) {
                    assert_eq!(terms.is_stop(k.id), STOP_WORDS.contains(w), "{w}");
                }
            }
        };
        check(&mut terms, &s);
        s.learn_people(["俞晓峰"]);
        s.add_user_words("全媒体 n\n新名词甲 n\n");
        check(&mut terms, &s);
        assert!(terms.is_stop(s.known("全媒体").unwrap().id));
        s.remove_user_word("全媒体").unwrap();
        check(&mut terms, &s);
        s.remove_user_word("新名词甲").unwrap();
        s.add_user_words("全媒体 n\n");
        check(&mut terms, &s);
        // Another segmenter is followed too (here one with fewer words).
        let mut other = Segmenter::embedded();
        other.add_user_words("新名词甲 n\n");
        check(&mut terms, &other);
    }

    #[test]
    fn the_tokens_kept_for_showing_are_those_cut_afresh() {
        let page = crate::parse_page(
            "二手车出口\n\n本报讯（记者 俞晓峰）今年1—5月，桐庐县二手车出口3.2万辆，同比增长45%。\n\n\
             俞晓峰说，Ａ股公司和北京大学、《晨星报》都关注科菲·安南的讲话。\n",
        );
        let mut s = Segmenter::embedded();
        let words = analyse_page(&page, &mut s, &mut Terms::default());
        for (article, words) in page.articles.iter().zip(&words) {
            let kept = words.kept.as_ref().expect("an analysed article keeps its tokens");
            let fresh = tokens(article, &s);
            assert!(!fresh.entity_spans.is_empty());
            assert_eq!(kept.unpack(article), fresh);
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

    #[test]
    fn keywords_hold_no_fragment_of_a_name_and_no_single_character() {
        let page = crate::parse_page(
            "本报讯 被告布雷维克昨天在奥斯陆出庭。布雷维克承认了全部事实，法庭将于下月宣判。检察官表示，布雷维克的律师提出上诉。\n",
        );
        let mut s = Segmenter::embedded();
        let mut terms = Terms::default();
        let words = analyse_page(&page, &mut s, &mut terms);
        let mut corpus = Corpus::default();
        words.iter().for_each(|w| corpus.add(w));
        let people_and_places: Vec<&Entity> =
            words[0].entities.iter().filter(|e| e.kind != EntityKind::Organization).collect();
        assert!(
            people_and_places.iter().any(|e| e.text == "布雷维克" && e.kind == EntityKind::Person),
            "{people_and_places:?}"
        );
        assert!(
            people_and_places.iter().any(|e| e.text == "奥斯陆" && e.kind == EntityKind::Place),
            "{people_and_places:?}"
        );
        let keywords = corpus.keywords(&page.articles[0], &words[0], 50);
        assert!(!keywords.is_empty());
        for k in &keywords {
            assert!(k.text.chars().count() >= 2, "single character: {k:?}");
            let fragment = people_and_places.iter().any(|e| e.text != k.text && e.text.contains(&k.text));
            assert!(!fragment, "{k:?} is a fragment of a name");
        }
    }
}

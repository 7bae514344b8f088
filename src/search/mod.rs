//! In-page search over every article loaded: never misses what the
//! browser's find bar would find, and ranks like a search engine.
//!
//! **Finding.** Each page's articles are folded ([`crate::text::fold`]:
//! whitespace dropped, full width to ASCII, lower case, traditional to
//! simplified) field by field into one UTF-16 text, fields separated by a
//! code unit no folded text has, and a suffix array is sorted over it
//! (`suffix`). Every occurrence of a folded query term in a page is then
//! one run of the page's array, found by two binary searches: recall is
//! that of an exact substring scan by construction — `段简` finds
//! `一段简单`, `杭州` an OCR-spaced `杭 州`, and the words a page broke
//! across lines are whole again in the reflowed paragraphs indexed. The
//! pages worth searching are picked first by a bit-sliced Bloom filter of
//! each page's characters and character pairs (`signature`), so a query
//! costs a few binary searches per page that may hold it, not one per page
//! loaded. Every page is indexed on its own: loading one adds its arrays
//! and its filter column, removing one drops them, nothing else is rebuilt.
//!
//! **Ranking.** BM25 over the query's terms, each occurrence weighted by
//! how it sits among the segmenter's words. The page is cut into words in
//! indexing mode and the start of every word is kept as one bit per code
//! unit; a query term is cut by the same segmenter in the same mode, so an
//! occurrence whose words are the term's words (its ends and its inner cuts
//! on word starts) is a whole-word match and counts one; one whose ends
//! fall inside longer words, the cuts between agreeing (`公园` in
//! `城市公园`, `简单` in `简单化`), counts [`INSIDE_WORD`]; one where the
//! page is cut differently from the query, across its words, counts
//! [`ACROSS_WORDS`]. The headline (kicker, title, subtitle) and the rest
//! are scored apart, as BM25 per field summed, the headline's weighing
//! [`HEADLINE`] times the rest's: one mention in the title weighs about
//! as much as any number of mentions below it. Document frequency is the number
//! of articles a term occurs in — exact, from the same search — and the
//! body's length is the article's number of words. Several terms found
//! next to each other, in the query's order, add the score of that phrase.
//! Ties go to page order, then article order.
//!
//! **Memory.** Per character of article text: two bytes of folded text,
//! two of suffix array (four on a page of more than 65,536 code units),
//! a quarter of a byte of samples of it and an eighth of word starts; per
//! page, two kilobytes of filter.
//! The bench (`baozhi bench search`) counts it.

mod index;
mod query;
mod signature;
mod suffix;

use std::ops::Range;

use serde::Serialize;

use crate::html::escape_into;
use crate::model::Page;
use crate::model::{Field, field_text};
use crate::text::fold::{fold, fold_keeping_spaces};
use crate::words::{Mode, Segmenter};

use index::{PageIndex, SEPARATOR};
pub use query::{QueryTerm, parse_query};
use signature::{Signatures, SlotSet};

/// BM25's usual constants: how fast repeated occurrences saturate, and how
/// much an article's length discounts them.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// The headline's score against the body's.
pub const HEADLINE: f64 = 2.0;
/// What an occurrence inside a longer word counts, against a whole word.
pub const INSIDE_WORD: f32 = 0.5;
/// What an occurrence across the page's words counts, against a whole word.
pub const ACROSS_WORDS: f32 = 0.25;
/// Characters a snippet shows around its hit (a field hardly longer is
/// shown whole).
const SNIPPET_CHARS: usize = 72;

/// A place where the query was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    pub page: u32,
    pub article: usize,
    /// The field, and for a paragraph its index.
    #[serde(flatten)]
    pub field: Field,
    /// Character (Unicode scalar) offsets into the field's text.
    pub start: usize,
    pub end: usize,
}

/// An article that matches the query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResult {
    pub page: u32,
    pub article: usize,
    pub score: f64,
    /// HTML: the text around the best hit, hits in `<mark>`, everything
    /// else escaped; `…` where it is cut.
    pub snippet: String,
    /// Every hit in the article, in reading order.
    pub hits: Vec<SearchHit>,
}

/// The articles found, best first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Hits in all matching articles, shown or not.
    pub total_hits: usize,
    /// Matching articles, shown or not.
    pub total_results: usize,
    pub results: Vec<SearchResult>,
}

/// Which results to return: `limit` of them after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    pub offset: usize,
    /// All of them when `None`.
    pub limit: Option<usize>,
}

/// How many results a search returns unless asked for others: a page of
/// them, as a search engine shows; the totals count them all.
pub const DEFAULT_RESULTS: usize = 50;

impl Default for SearchOptions {
    /// The first [`DEFAULT_RESULTS`].
    fn default() -> SearchOptions {
        SearchOptions { offset: 0, limit: Some(DEFAULT_RESULTS) }
    }
}

impl SearchOptions {
    /// Every result.
    pub const ALL: SearchOptions = SearchOptions { offset: 0, limit: None };
}

/// The index of every page loaded.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// In the order loaded.
    pages: Vec<PageIndex>,
    signatures: Signatures,
    articles: usize,
    words: u64,
}

/// A term of the query, folded, with where its words start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    units: Vec<u16>,
    starts: Vec<bool>,
}

/// An occurrence of a term.
#[derive(Debug, Clone, Copy)]
struct Hit {
    pos: u32,
    /// The field's index in its page's index.
    field: u32,
    /// How well it fits the words, and whether it is in the headline: the
    /// best hit is the snippet's.
    weight: f32,
}

/// The occurrences of a term in one article.
#[derive(Debug, Clone)]
struct Group {
    /// The page's index in [`SearchIndex::pages`].
    page: u32,
    article: u32,
    hits: Range<usize>,
    /// Weighted occurrences in the headline and in the rest: the term
    /// frequencies of BM25.
    head: f32,
    body: f32,
}

/// Every occurrence of a term, grouped by article in page order.
#[derive(Debug, Default)]
struct Occurrences {
    hits: Vec<Hit>,
    groups: Vec<Group>,
}

impl Occurrences {
    fn group(&self, key: (u32, u32)) -> Option<&Group> {
        self.groups.binary_search_by_key(&key, |g| (g.page, g.article)).ok().map(|i| &self.groups[i])
    }
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    /// Indexes a page under `id` (replacing what `id` had). The other pages
    /// are not touched. Without a segmenter (its dictionary not loaded yet)
    /// the page is found all the same; ranking knows no words until
    /// [`SearchIndex::recut`].
    pub fn add<'s>(&mut self, id: u32, page: &Page, segmenter: impl Into<Option<&'s Segmenter>>) {
        self.remove(id);
        let slot = self.signatures.allocate();
        let index = PageIndex::build(id, slot, page, segmenter.into());
        self.signatures.fill(slot, &index.text, SEPARATOR);
        self.articles += index.lengths.len();
        self.words += index.lengths.iter().map(|&n| u64::from(n)).sum::<u64>();
        self.pages.push(index);
    }

    /// Drops a page's entries. Returns whether it was indexed.
    pub fn remove(&mut self, id: u32) -> bool {
        let Some(i) = self.pages.iter().position(|p| p.id == id) else { return false };
        let index = self.pages.remove(i);
        self.signatures.release(index.slot);
        self.articles -= index.lengths.len();
        self.words -= index.lengths.iter().map(|&n| u64::from(n)).sum::<u64>();
        true
    }

    /// Cuts a page into words again, after the segmenter changed (a user
    /// word, a learned name, the dictionary loaded); its text stays as it
    /// is.
    pub fn recut<'s>(&mut self, id: u32, page: &Page, segmenter: impl Into<Option<&'s Segmenter>>) {
        self.recut_some(id, page, segmenter.into(), None);
    }

    /// [`SearchIndex::recut`] for the articles of the page that `stale`
    /// flags: the others keep their words.
    pub fn recut_articles<'s>(
        &mut self,
        id: u32,
        page: &Page,
        segmenter: impl Into<Option<&'s Segmenter>>,
        stale: &[bool],
    ) {
        self.recut_some(id, page, segmenter.into(), Some(stale));
    }

    fn recut_some(&mut self, id: u32, page: &Page, segmenter: Option<&Segmenter>, only: Option<&[bool]>) {
        let Some(index) = self.pages.iter_mut().find(|p| p.id == id) else { return };
        let before: u64 = index.lengths.iter().map(|&n| u64::from(n)).sum();
        index.cut_articles(page, segmenter, only);
        let after: u64 = index.lengths.iter().map(|&n| u64::from(n)).sum();
        self.words = self.words - before + after;
    }

    /// The number of pages indexed.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The bytes the index holds.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<SearchIndex>()
            + self.pages.iter().map(PageIndex::bytes).sum::<usize>()
            + self.signatures.bytes()
    }

    /// Searches every page indexed; `page` gives a page's text by id, for
    /// the snippets. The segmenter cuts the query as the pages were cut.
    pub fn search<'p, 's>(
        &self,
        query: &str,
        segmenter: impl Into<Option<&'s Segmenter>>,
        options: &SearchOptions,
        page: impl Fn(u32) -> Option<&'p Page>,
    ) -> SearchResults {
        let segmenter = segmenter.into();
        let mut include: Vec<Term> = Vec::new();
        let mut exclude: Vec<Term> = Vec::new();
        for t in parse_query(query) {
            let term = Term::new(&t.text, segmenter);
            let list = if t.exclude { &mut exclude } else { &mut include };
            if !term.units.is_empty() && !list.contains(&term) {
                list.push(term);
            }
        }
        if include.is_empty() {
            return SearchResults::default();
        }
        let found: Vec<Occurrences> = include.iter().map(|t| self.occurrences(t, None)).collect();
        // The articles that have every term: those of the rarest, kept if
        // every other has them too.
        let rarest = (0..found.len()).min_by_key(|&i| found[i].groups.len()).expect("a term");
        let mut keys: Vec<(u32, u32)> = found[rarest].groups.iter().map(|g| (g.page, g.article)).collect();
        keys.retain(|&k| found.iter().all(|o| o.group(k).is_some()));
        if !keys.is_empty() && !exclude.is_empty() {
            let mut pages = vec![false; self.pages.len()];
            keys.iter().for_each(|&(p, _)| pages[p as usize] = true);
            for t in &exclude {
                let out = self.occurrences(t, Some(&pages));
                keys.retain(|&k| out.group(k).is_none());
            }
        }
        if keys.is_empty() {
            return SearchResults::default();
        }
        // Terms found next to each other, in the query's order.
        let phrase = (include.len() > 1).then(|| {
            let term = Term {
                units: include.iter().flat_map(|t| t.units.iter().copied()).collect(),
                starts: include.iter().flat_map(|t| t.starts.iter().copied()).collect(),
            };
            self.occurrences(&term, None)
        });
        let mut scored: Vec<(f64, (u32, u32))> = keys
            .into_iter()
            .map(|k| {
                let score = found.iter().chain(phrase.as_ref()).map(|o| self.bm25(o, k)).sum::<f64>();
                (score, k)
            })
            .collect();
        let total_results = scored.len();
        let total_hits = scored
            .iter()
            .map(|&(_, k)| found.iter().filter_map(|o| o.group(k)).map(|g| g.hits.len()).sum::<usize>())
            .sum();
        // Best first; only the results asked for need their place (keys
        // are unique, so the order is total).
        let order = |a: &(f64, (u32, u32)), b: &(f64, (u32, u32))| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        let wanted = options.limit.map_or(scored.len(), |limit| options.offset.saturating_add(limit));
        if wanted < scored.len() {
            scored.select_nth_unstable_by(wanted, order);
            scored.truncate(wanted);
        }
        scored.sort_unstable_by(order);
        let shown = scored.iter().skip(options.offset).take(options.limit.unwrap_or(usize::MAX));
        let results = shown.map(|&(score, k)| self.result(score, k, &found, &include, &page)).collect();
        SearchResults { total_hits, total_results, results }
    }

    /// Every occurrence of a term, on the pages whose filter lets it
    /// through (and, given `only`, are among those).
    fn occurrences(&self, term: &Term, only: Option<&[bool]>) -> Occurrences {
        let candidates: SlotSet = self.signatures.candidates(&term.units);
        let mut out = Occurrences::default();
        let mut positions = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            if !candidates.contains(page.slot) || only.is_some_and(|only| !only[p]) {
                continue;
            }
            positions.clear();
            page.find(&term.units, &mut positions);
            let mut f = 0;
            for &pos in &positions {
                while page.fields[f].end <= pos {
                    f += 1;
                }
                let span = &page.fields[f];
                let headline = span.is_headline();
                let fit = page.fit(pos as usize, &term.starts);
                let at = out.hits.len();
                out.hits.push(Hit { pos, field: f as u32, weight: if headline { fit * HEADLINE as f32 } else { fit } });
                if !matches!(out.groups.last(), Some(g) if g.page == p as u32 && g.article == span.article) {
                    out.groups.push(Group {
                        page: p as u32,
                        article: span.article,
                        hits: at..at,
                        head: 0.0,
                        body: 0.0,
                    });
                }
                let g = out.groups.last_mut().expect("a group is open");
                g.hits.end = at + 1;
                *(if headline { &mut g.head } else { &mut g.body }) += fit;
            }
        }
        out
    }

    /// A term's BM25 score in an article: the body's, and the headline's
    /// (short, so with no length to discount) weighing [`HEADLINE`] times.
    fn bm25(&self, found: &Occurrences, key: (u32, u32)) -> f64 {
        let Some(group) = found.group(key) else { return 0.0 };
        let n = self.articles as f64;
        let df = found.groups.len() as f64;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let average = (self.words as f64 / n.max(1.0)).max(1.0);
        let length = f64::from(self.pages[key.0 as usize].lengths[key.1 as usize]);
        let saturate = |tf: f32, norm: f64| {
            let tf = f64::from(tf);
            tf * (K1 + 1.0) / (tf + K1 * norm)
        };
        idf * (saturate(group.body, 1.0 - B + B * length / average) + HEADLINE * saturate(group.head, 1.0))
    }

    /// A result: the article's hits in reading order, and its snippet.
    fn result<'p>(
        &self,
        score: f64,
        (p, article): (u32, u32),
        found: &[Occurrences],
        terms: &[Term],
        page: &impl Fn(u32) -> Option<&'p Page>,
    ) -> SearchResult {
        let index = &self.pages[p as usize];
        let mut hits: Vec<(SearchHit, f32)> = Vec::new();
        for (o, term) in found.iter().zip(terms) {
            let Some(group) = o.group((p, article)) else { continue };
            for h in &o.hits[group.hits.clone()] {
                let (start, end) = index.original(h.field as usize, h.pos, h.pos + term.units.len() as u32);
                let field = index.fields[h.field as usize].field();
                hits.push((SearchHit { page: index.id, article: article as usize, field, start, end }, h.weight));
            }
        }
        hits.sort_by_key(|(h, _)| (h.field, h.start, h.end));
        hits.dedup_by_key(|(h, _)| *h);
        let best = hits.iter().fold(None::<&(SearchHit, f32)>, |best, h| match best {
            Some(b) if b.1 >= h.1 => Some(b),
            _ => Some(h),
        });
        let text = best.and_then(|(b, _)| {
            let a = page(index.id)?.articles.get(article as usize)?;
            field_text(a, b.field)
        });
        let snippet = match (best, text) {
            (Some((b, _)), Some(text)) => {
                let marks: Vec<(usize, usize)> =
                    hits.iter().filter(|(h, _)| h.field == b.field).map(|(h, _)| (h.start, h.end)).collect();
                snippet(text, (b.start, b.end), &marks)
            }
            _ => String::new(),
        };
        SearchResult {
            page: index.id,
            article: article as usize,
            score: (score * 1e4).round() / 1e4,
            snippet,
            hits: hits.into_iter().map(|(h, _)| h).collect(),
        }
    }
}

impl Term {
    /// Folds a term and cuts it as the pages are cut: with its spaces, so
    /// that they part words as they do in a page. Without a segmenter, it
    /// knows no words (`starts` is empty).
    fn new(text: &str, segmenter: Option<&Segmenter>) -> Term {
        let mut units = Vec::new();
        let mut unit_of = Vec::new();
        let mut buf = [0u16; 2];
        for c in text.chars() {
            match fold(c) {
                Some(f) => {
                    unit_of.push(Some(units.len()));
                    units.extend_from_slice(f.encode_utf16(&mut buf));
                }
                None => unit_of.push(None),
            }
        }
        let Some(segmenter) = segmenter else { return Term { units, starts: Vec::new() } };
        let mut starts = vec![false; units.len()];
        let mut folded = String::new();
        fold_keeping_spaces(text, &mut folded);
        for token in segmenter.cut(&folded, Mode::Indexing) {
            if let Some(u) = unit_of[token.start as usize] {
                starts[u] = true;
            }
        }
        Term { units, starts }
    }
}

/// About [`SNIPPET_CHARS`] characters of `text` around the hit `best`
/// (character offsets), `marks` (which include it) in `<mark>`, the rest
/// escaped, `…` where the text is cut.
fn snippet(text: &str, best: (usize, usize), marks: &[(usize, usize)]) -> String {
    let n = text.chars().count();
    let (start, end) = (best.0.min(n), best.1.min(n));
    let (from, to) = if n <= SNIPPET_CHARS + 8 {
        (0, n)
    } else if end - start >= SNIPPET_CHARS {
        (start, start + SNIPPET_CHARS)
    } else {
        let from = start.saturating_sub((SNIPPET_CHARS - (end - start)) / 2);
        let to = (from + SNIPPET_CHARS).min(n);
        (from.min(to - SNIPPET_CHARS), to)
    };
    let mut shown: Vec<(usize, usize)> =
        marks.iter().map(|&(s, e)| (s.max(from), e.min(to))).filter(|(s, e)| s < e).collect();
    shown.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(shown.len());
    for (s, e) in shown {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    // Byte offsets, found in one pass as far as the window goes.
    let mut bytes = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let mut at = (0, bytes.next().unwrap_or(0));
    let mut byte = |c: usize| {
        while at.0 < c {
            at = (at.0 + 1, bytes.next().unwrap_or(text.len()));
        }
        at.1
    };
    let mut out = String::with_capacity(SNIPPET_CHARS * 4 + merged.len() * 13);
    if from > 0 {
        out.push('…');
    }
    let mut last = byte(from);
    for (s, e) in merged {
        let (s, e) = (byte(s), byte(e));
        escape_into(&mut out, &text[last..s]);
        out.push_str("<mark>");
        escape_into(&mut out, &text[s..e]);
        out.push_str("</mark>");
        last = e;
    }
    escape_into(&mut out, &text[last..byte(to)]);
    if to < n {
        out.push('…');
    }
    out
}

/// A snippet as plain text, its marks shown by `open` and `close`.
pub fn snippet_text(snippet: &str, open: &str, close: &str) -> String {
    snippet
        .replace("<mark>", open)
        .replace("</mark>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::Article;

    fn segmenter() -> Segmenter {
        Segmenter::embedded()
    }

    fn page(articles: &[(&str, &[&str])]) -> Page {
        Page {
            articles: articles
                .iter()
                .map(|(title, paragraphs)| Article {
                    title: (!title.is_empty()).then(|| title.to_string()),
                    paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                    ..Article::default()
                })
                .collect(),
            leftovers: Vec::new(),
        }
    }

    fn search(index: &SearchIndex, pages: &[(u32, &Page)], s: &Segmenter, q: &str) -> SearchResults {
        index.search(q, Some(s), &SearchOptions::default(), |id| pages.iter().find(|(i, _)| *i == id).map(|(_, p)| *p))
    }

    #[test]
    fn hits_map_back_to_the_characters_of_the_field() {
        let s = segmenter();
        let p = page(&[("", &["𠀀 Ｃｈｉｎａ ｇｏｏｄｓ，義 烏😀chinagoods"])]);
        let mut index = SearchIndex::new();
        index.add(7, &p, Some(&s));
        let r = search(&index, &[(7, &p)], &s, "chinagoods");
        assert_eq!(r.total_hits, 2);
        let text: Vec<char> = p.articles[0].paragraphs[0].chars().collect();
        let got: Vec<String> = r.results[0].hits.iter().map(|h| text[h.start..h.end].iter().collect()).collect();
        assert_eq!(got, ["Ｃｈｉｎａ ｇｏｏｄｓ", "chinagoods"]);
        let r = search(&index, &[(7, &p)], &s, "义乌");
        let h = r.results[0].hits[0];
        assert_eq!(text[h.start..h.end].iter().collect::<String>(), "義 烏");
        assert_eq!((h.page, h.article, h.field), (7, 0, Field::Paragraph(0)));
    }

    #[test]
    fn without_a_segmenter_pages_are_found_and_words_come_later() {
        let s = segmenter();
        let p = page(&[("", &["他把流程简单化处理了。"]), ("", &["他把流程简单地处理了。"])]);
        let mut index = SearchIndex::new();
        index.add(1, &p, None);
        let found = |index: &SearchIndex, s: Option<&Segmenter>| {
            let r = index.search("简单", s, &SearchOptions::ALL, |_| Some(&p));
            assert_eq!(r.total_hits, 2);
            r.results.iter().map(|r| (r.article, r.score)).collect::<Vec<_>>()
        };
        // No words known: the two are alike.
        let before = found(&index, None);
        assert_eq!(before[0].1, before[1].1);
        // Cut into words, the whole word wins.
        index.recut(1, &p, Some(&s));
        let after = found(&index, Some(&s));
        assert_eq!(after[0].0, 1);
        assert!(after[0].1 > after[1].1, "{after:?}");
    }

    #[test]
    fn snippets_are_cut_on_characters_around_the_hit_and_escaped() {
        let text = format!("{}<义乌>{}", "前".repeat(100), "后".repeat(100));
        let s = snippet(&text, (101, 103), &[(101, 103)]);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("&lt;<mark>义乌</mark>&gt;"), "{s}");
        let shown = snippet_text(&s, "", "").chars().count();
        assert!((60..=80).contains(&shown), "{shown}: {s}");
        // A short field is shown whole; a hit at the end keeps the window full.
        assert_eq!(snippet("义乌市场", (0, 2), &[(0, 2)]), "<mark>义乌</mark>市场");
        let end = snippet(&text, (200, 204), &[(200, 204)]);
        assert!(!end.ends_with('…') && snippet_text(&end, "", "").chars().count() > 60, "{end}");
        assert_eq!(snippet_text("a &amp;lt; <mark>b</mark>", "【", "】"), "a &lt; 【b】");
    }

    #[test]
    fn hits_serialise_with_their_field_and_paragraph() {
        let hit = SearchHit { page: 1, article: 2, field: Field::Paragraph(3), start: 4, end: 6 };
        assert_eq!(
            serde_json::to_string(&hit).unwrap(),
            r#"{"page":1,"article":2,"field":"paragraph","index":3,"start":4,"end":6}"#
        );
        let title = SearchHit { field: Field::Title, ..hit };
        assert_eq!(
            serde_json::to_string(&title).unwrap(),
            r#"{"page":1,"article":2,"field":"title","start":4,"end":6}"#
        );
    }
}

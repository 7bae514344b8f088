//! The library: the pages loaded, their articles' words and annotations,
//! and the one segmenter they share. The front ends (CLI, WebAssembly)
//! hold one library.

use serde::Serialize;

use crate::annotate::{self, ArticleWords, Corpus, Entity, Keyword, Terms};
use crate::model::{Article, Page};
use crate::search::{SearchIndex, SearchOptions, SearchResults};
use crate::words::{DictionaryReport, Segmenter};

/// How many keywords an article lists.
pub const KEYWORDS_PER_ARTICLE: usize = 10;

/// A page loaded into the library.
#[derive(Debug, Clone)]
pub struct LoadedPage {
    /// Stays the same while the page is loaded, never reused.
    pub id: u32,
    /// The file name, or whatever the page was called when loaded.
    pub name: String,
    pub page: Page,
    /// The words of each article, in article order.
    pub words: Vec<ArticleWords>,
    /// How many learned names the segmenter knew when the page was cut.
    people_known: usize,
}

/// A summary of an article for a contents list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ArticleSummary {
    pub page: u32,
    pub article: usize,
    pub title: Option<String>,
    /// For an article printed without a headline: a title taken from its
    /// first clause, to be shown marked as derived.
    pub derived_title: Option<String>,
    pub byline: Option<String>,
    pub paragraphs: usize,
}

pub struct Library {
    /// Absent until the dictionary is loaded: pages can be read (and, with
    /// the search index, searched for substrings) before that.
    segmenter: Option<Segmenter>,
    pages: Vec<LoadedPage>,
    /// Where each page is in `pages`, indexed by id (`None` once removed);
    /// its length is the next id. Pages are looked up by id for every
    /// article shown, so directly rather than by a search.
    positions: Vec<Option<usize>>,
    corpus: Corpus,
    terms: Terms,
    /// The search index of every page loaded.
    index: SearchIndex,
    /// For [`Library::catch_up_some`]: the automaton of the names from the
    /// first given to the number known, kept between calls while both hold.
    catching: Option<(usize, usize, aho_corasick::AhoCorasick)>,
    /// Pages loaded whose words are still to come, by id (see
    /// [`Library::add_page_words_later`]).
    pending: Vec<u32>,
}

impl Library {
    pub fn new(segmenter: Segmenter) -> Library {
        let mut library = Library::without_words();
        library.segmenter = Some(segmenter);
        library
    }

    /// A library that reads pages before its segmenter is ready (see
    /// [`Library::set_segmenter`]).
    pub fn without_words() -> Library {
        Library {
            segmenter: None,
            pages: Vec::new(),
            positions: Vec::new(),
            corpus: Corpus::default(),
            terms: Terms::default(),
            index: SearchIndex::new(),
            catching: None,
            pending: Vec::new(),
        }
    }

    /// Gives the library its segmenter: the pages loaded so far are
    /// segmented and annotated now, each knowing the names of all.
    pub fn set_segmenter(&mut self, mut segmenter: Segmenter) {
        self.analyse_pending();
        for p in &self.pages {
            segmenter.learn_from_page(&p.page);
        }
        self.segmenter = Some(segmenter);
        self.terms = Terms::default();
        self.corpus = Corpus::default();
        // Nothing of theirs is counted in the new corpus yet.
        for p in &mut self.pages {
            p.words.clear();
        }
        self.resegment_all();
    }

    pub fn segmenter(&self) -> Option<&Segmenter> {
        self.segmenter.as_ref()
    }

    /// Are word features (segmentation, annotation, ranking) ready?
    pub fn has_words(&self) -> bool {
        self.segmenter.is_some()
    }

    pub fn pages(&self) -> &[LoadedPage] {
        &self.pages
    }

    pub fn page(&self, id: u32) -> Option<&LoadedPage> {
        Some(&self.pages[self.position(id)?])
    }

    /// Where page `id` is in `pages`, if it is loaded.
    fn position(&self, id: u32) -> Option<usize> {
        *self.positions.get(id as usize)?
    }

    /// Parses and loads a page: learns the people it names, segments and
    /// annotates its articles. Returns the page's id. Pages loaded before
    /// may name the same people: [`Library::catch_up`] cuts them again.
    pub fn add_text(&mut self, name: &str, text: &str) -> u32 {
        self.add_page(name, crate::parse_page(text))
    }

    /// Loads a parsed page (see [`Library::add_text`]).
    pub fn add_page(&mut self, name: &str, page: Page) -> u32 {
        self.analyse_pending();
        let id = self.push_page(name, page);
        self.analyse_at(self.pages.len() - 1);
        id
    }

    /// Puts a page in the library as it is parsed, without its words.
    fn push_page(&mut self, name: &str, page: Page) -> u32 {
        let words = vec![ArticleWords::default(); page.articles.len()];
        let id = u32::try_from(self.positions.len()).expect("fewer than 2^32 pages loaded");
        self.positions.push(Some(self.pages.len()));
        self.pages.push(LoadedPage { id, name: name.to_string(), page, words, people_known: 0 });
        id
    }

    /// Segments and annotates the page at `i` (with a segmenter) and puts it
    /// in the search index.
    fn analyse_at(&mut self, i: usize) {
        if let Some(segmenter) = self.segmenter.as_mut() {
            let words = annotate::analyse_page(&self.pages[i].page, segmenter, &mut self.terms);
            for w in &words {
                self.corpus.add(w);
            }
            self.pages[i].people_known = segmenter.people().len();
            self.pages[i].words = words;
        }
        self.index.add(self.pages[i].id, &self.pages[i].page, &self.segmenter);
    }

    /// Loads a parsed page to be shown at once, its words to come: it can be
    /// drawn (without word features) but is not yet cut into words,
    /// annotated nor in the search index. [`Library::analyse_pending`] does
    /// that, as does any change to the library (another page loaded, a page
    /// removed, a catch-up, the segmenter or your words changed), so pages
    /// are analysed in the order they were loaded. Without a segmenter, as
    /// [`Library::add_page`] (there are no words to wait for).
    pub fn add_page_words_later(&mut self, name: &str, page: Page) -> u32 {
        if self.segmenter.is_none() {
            return self.add_page(name, page);
        }
        self.analyse_pending();
        let id = self.push_page(name, page);
        self.pending.push(id);
        id
    }

    /// Are there pages whose words are still to come?
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Segments, annotates and indexes the pages loaded with
    /// [`Library::add_page_words_later`], as [`Library::add_page`] would
    /// have. Returns whether there were any.
    pub fn analyse_pending(&mut self) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        for id in std::mem::take(&mut self.pending) {
            if let Some(i) = self.position(id) {
                self.analyse_at(i);
            }
        }
        true
    }

    /// Cuts again the pages that name people learned from pages loaded after
    /// them, so that every page shows every learned name whole. One pass of
    /// an Aho-Corasick automaton over the pages; call it after loading a
    /// batch. Returns how many pages were cut again.
    pub fn catch_up(&mut self) -> usize {
        let mut recut = 0;
        loop {
            let (n, done) = self.catch_up_some(usize::MAX);
            recut += n;
            if done {
                return recut;
            }
        }
    }

    /// [`Library::catch_up`] a little at a time (so that a caller can do
    /// other work in between): cuts again at most `max` pages. Returns how
    /// many were cut again and whether every page has caught up.
    pub fn catch_up_some(&mut self, max: usize) -> (usize, bool) {
        self.analyse_pending();
        let Some(segmenter) = &self.segmenter else { return (0, true) };
        let people = segmenter.people();
        let known = people.len();
        let Some(oldest) = self.pages.iter().map(|p| p.people_known).min() else { return (0, true) };
        if oldest == known {
            self.catching = None;
            return (0, true);
        }
        // The names from `first` on: built once for all the calls of a catch-up.
        let first = match &self.catching {
            Some((first, upto, _)) if *first <= oldest && *upto == known => *first,
            _ => {
                let Ok(automaton) = aho_corasick::AhoCorasick::new(&people[oldest..]) else { return (0, true) };
                self.catching = Some((oldest, known, automaton));
                oldest
            }
        };
        let automaton = self.catching.take().expect("just built").2;
        let mut recut = 0;
        for i in 0..self.pages.len() {
            let page = &self.pages[i];
            if page.people_known == known {
                continue;
            }
            if recut == max {
                self.catching = Some((first, known, automaton));
                return (recut, false);
            }
            let newer = page.people_known.saturating_sub(first);
            // Only the articles that name someone learned since are cut
            // again: a name changes the words of the text it is in.
            let stale: Vec<bool> = page
                .page
                .articles
                .iter()
                .map(|a| {
                    crate::model::fields(a)
                        .iter()
                        .any(|(_, t)| automaton.find_iter(*t).any(|m| m.pattern().as_usize() >= newer))
                })
                .collect();
            if stale.contains(&true) {
                self.resegment_articles(i, &stale);
                let (id, segmenter) = (self.pages[i].id, &self.segmenter);
                self.index.recut_articles(id, &self.pages[i].page, segmenter, &stale);
                recut += 1;
            }
            self.pages[i].people_known = known;
        }
        (recut, true)
    }

    /// Removes a page. Returns whether it was loaded.
    pub fn remove_page(&mut self, id: u32) -> bool {
        self.analyse_pending();
        let Some(i) = self.position(id) else { return false };
        let page = self.pages.remove(i);
        self.positions[id as usize] = None;
        for (position, later) in self.pages.iter().enumerate().skip(i) {
            self.positions[later.id as usize] = Some(position);
        }
        for w in &page.words {
            self.corpus.remove(w);
        }
        self.index.remove(id);
        true
    }

    fn resegment(&mut self, i: usize) {
        let Some(segmenter) = &self.segmenter else { return };
        for w in &self.pages[i].words {
            self.corpus.remove(w);
        }
        let words: Vec<ArticleWords> =
            self.pages[i].page.articles.iter().map(|a| annotate::analyse(a, segmenter, &mut self.terms)).collect();
        for w in &words {
            self.corpus.add(w);
        }
        self.pages[i].words = words;
        self.pages[i].people_known = segmenter.people().len();
    }

    /// Cuts again the articles of page `i` that `stale` flags.
    fn resegment_articles(&mut self, i: usize, stale: &[bool]) {
        let Some(segmenter) = &self.segmenter else { return };
        let page = &mut self.pages[i];
        for (a, article) in page.page.articles.iter().enumerate() {
            if !stale[a] {
                continue;
            }
            self.corpus.remove(&page.words[a]);
            let words = annotate::analyse(article, segmenter, &mut self.terms);
            self.corpus.add(&words);
            page.words[a] = words;
        }
        page.people_known = segmenter.people().len();
    }

    fn resegment_all(&mut self) {
        for i in 0..self.pages.len() {
            self.resegment(i);
            self.recut_index(i);
        }
    }

    fn segmenter_mut(&mut self) -> Result<&mut Segmenter, crate::Error> {
        self.segmenter.as_mut().ok_or(crate::Error::WordsNotReady)
    }

    /// Adds the user's words (jieba's dictionary format) and cuts every
    /// loaded page again with them.
    ///
    /// # Errors
    /// [`crate::Error::WordsNotReady`] before the segmenter is set.
    pub fn add_user_words(&mut self, text: &str) -> Result<DictionaryReport, crate::Error> {
        self.analyse_pending();
        let report = self.segmenter_mut()?.add_user_words(text);
        if !report.added.is_empty() {
            self.resegment_all();
        }
        Ok(report)
    }

    /// Removes a word the user added and cuts every loaded page again.
    ///
    /// # Errors
    /// [`crate::Error::WordsNotReady`] before the segmenter is set; see
    /// also [`Segmenter::remove_user_word`].
    pub fn remove_user_word(&mut self, word: &str) -> Result<bool, crate::Error> {
        self.analyse_pending();
        let removed = self.segmenter_mut()?.remove_user_word(word)?;
        if removed {
            self.resegment_all();
        }
        Ok(removed)
    }

    /// Removes every word the user added and cuts every loaded page again,
    /// once. Returns how many there were. Errors as
    /// [`Library::remove_user_word`].
    pub fn clear_user_words(&mut self) -> Result<usize, crate::Error> {
        self.analyse_pending();
        let removed = self.segmenter_mut()?.clear_user_words()?;
        if removed > 0 {
            self.resegment_all();
        }
        Ok(removed)
    }

    /// The words the user added, in order (none before the segmenter is set).
    pub fn user_words(&self) -> &[String] {
        self.segmenter.as_ref().map_or(&[], |s| s.user_words())
    }

    /// The contents: every article of every page, in order.
    pub fn contents(&self) -> Vec<ArticleSummary> {
        self.pages.iter().flat_map(summaries).collect()
    }

    /// The contents of one page (none for a page not loaded).
    pub fn page_contents(&self, id: u32) -> Vec<ArticleSummary> {
        self.page(id).map(|p| summaries(p).collect()).unwrap_or_default()
    }

    /// Searches every article of every page loaded (see [`crate::search`]):
    /// the first [`crate::search::DEFAULT_RESULTS`] matching articles, best
    /// first, and how many there are in all.
    pub fn search(&self, query: &str) -> SearchResults {
        self.search_with(query, &SearchOptions::default())
    }

    /// [`Library::search`], returning the results `options` asks for
    /// ([`SearchOptions::ALL`]: every one).
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> SearchResults {
        self.index.search(query, &self.segmenter, options, |id| self.page(id).map(|p| &p.page))
    }

    /// Cuts page `i` into words again for the search index, after the
    /// segmenter changed.
    fn recut_index(&mut self, i: usize) {
        self.index.recut(self.pages[i].id, &self.pages[i].page, &self.segmenter);
    }

    /// An article and its words.
    pub fn article(&self, page: u32, article: usize) -> Option<(&Article, &ArticleWords)> {
        let p = self.page(page)?;
        Some((p.page.articles.get(article)?, p.words.get(article)?))
    }

    /// An article's tokens and entity spans, for showing it: as cut when
    /// it was annotated (see [`ArticleWords::kept`]).
    pub fn tokens(&self, page: u32, article: usize) -> Option<annotate::ArticleTokens> {
        let (a, words) = self.article(page, article)?;
        // A page whose words are to come is drawn without them.
        if self.pending.contains(&page) {
            return None;
        }
        let segmenter = self.segmenter.as_ref()?;
        Some(words.kept.as_ref().map_or_else(|| annotate::tokens(a, segmenter), |kept| kept.unpack(a)))
    }

    /// An article's keywords against every article loaded.
    pub fn keywords(&self, page: u32, article: usize) -> Vec<Keyword> {
        self.article(page, article).map(|(a, w)| self.corpus.keywords(a, w, KEYWORDS_PER_ARTICLE)).unwrap_or_default()
    }

    /// An article's people, places and organisations with their counts.
    pub fn entities(&self, page: u32, article: usize) -> Vec<Entity> {
        self.article(page, article).map(|(_, w)| w.entities.clone()).unwrap_or_default()
    }
}

/// A page's articles as the contents list them.
fn summaries(p: &LoadedPage) -> impl Iterator<Item = ArticleSummary> + '_ {
    p.page.articles.iter().enumerate().map(move |(i, a)| ArticleSummary {
        page: p.id,
        article: i,
        title: a.title.clone(),
        derived_title: if a.title.is_none() { crate::model::derived_title(a) } else { None },
        byline: a.byline.clone(),
        paragraphs: a.paragraphs.len(),
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn pages_are_added_and_removed_and_keywords_follow() {
        let mut lib = Library::new(Segmenter::embedded());
        let a = lib.add_text("a.txt", "二手车出口\n\n本报讯 今年二手车出口增长很快，二手车出口企业增加。\n");
        let b = lib.add_text("b.txt", "消防检查\n\n本报讯 消防部门开展安全检查，消防安全形势稳定。\n");
        assert_eq!(lib.contents().len(), 2);
        let b_contents = lib.page_contents(b);
        assert_eq!(b_contents.len(), 1);
        assert_eq!((b_contents[0].page, b_contents[0].title.as_deref()), (b, Some("消防检查")));
        assert_eq!(lib.keywords(a, 0)[0].text, "二手车");
        assert_eq!(lib.keywords(b, 0)[0].text, "消防");
        assert!(lib.remove_page(a));
        assert!(!lib.remove_page(a));
        assert_eq!(lib.contents().len(), 1);
        assert!(lib.page_contents(a).is_empty());
        assert!(lib.article(a, 0).is_none());
    }

    #[test]
    fn pages_are_found_by_id_after_others_are_removed_and_added() {
        let mut lib = Library::without_words();
        let ids: Vec<u32> = (0..4).map(|i| lib.add_text(&format!("{i}.txt"), "本报讯 今天开会。\n")).collect();
        assert!(lib.remove_page(ids[1]));
        assert!(lib.remove_page(ids[0]));
        let added = lib.add_text("4.txt", "本报讯 明天开会。\n");
        assert!(!ids.contains(&added), "ids are never reused");
        assert!(lib.page(ids[0]).is_none() && lib.page(ids[1]).is_none());
        for (id, name) in [(ids[2], "2.txt"), (ids[3], "3.txt"), (added, "4.txt")] {
            assert_eq!(lib.page(id).map(|p| (p.id, p.name.as_str())), Some((id, name)));
        }
        assert_eq!(lib.pages().iter().map(|p| p.id).collect::<Vec<_>>(), [ids[2], ids[3], added]);
        assert!(lib.remove_page(ids[2]));
        assert_eq!(lib.page(ids[3]).map(|p| p.name.as_str()), Some("3.txt"));
        assert!(lib.page(added + 1).is_none());
    }

    #[test]
    fn names_learned_from_a_later_page_reach_earlier_pages() {
        let mut lib = Library::new(Segmenter::embedded());
        let first = lib.add_text("1.txt", "本报讯 昨天，叶春林作了发言。\n");
        let has_person = |lib: &Library| lib.entities(first, 0).iter().any(|e| e.text == "叶春林");
        assert!(!has_person(&lib));
        lib.add_text("2.txt", "本报讯 俞晓峰、钟国庆、叶春林作交流发言。\n");
        assert!(!has_person(&lib));
        assert_eq!(lib.catch_up(), 1);
        assert!(has_person(&lib));
        assert_eq!(lib.catch_up(), 0);
    }

    #[test]
    fn catching_up_cuts_again_the_articles_naming_someone_as_cutting_every_page_again_would() {
        let pages = [
            "二手车出口\n\n本报讯 昨天，叶春林谈了二手车出口。\n\n消防检查\n\n本报讯 消防部门开展安全检查，消防安全形势稳定。\n",
            "本报讯 俞晓峰、钟国庆、叶春林作交流发言，谈安全生产。\n",
        ];
        let load = || {
            let mut lib = Library::new(Segmenter::embedded());
            let ids: Vec<u32> = pages.iter().enumerate().map(|(i, p)| lib.add_text(&format!("{i}.txt"), p)).collect();
            (lib, ids)
        };
        let (mut caught, ids) = load();
        assert_eq!(caught.page(ids[0]).map(|p| p.page.articles.len()), Some(2), "the first page has two articles");
        assert_eq!(caught.catch_up(), 1);
        let (mut whole, _) = load();
        whole.resegment_all();
        for id in &ids {
            assert_eq!(caught.page(*id).unwrap().words, whole.page(*id).unwrap().words, "page {id}'s words");
        }
        assert!(caught.entities(ids[0], 0).iter().any(|e| e.text == "叶春林"));
        for q in ["叶春林", "二手车", "消防", "安全", "检查 形势"] {
            assert_eq!(caught.search_with(q, &SearchOptions::ALL), whole.search_with(q, &SearchOptions::ALL), "{q}");
        }
    }

    #[test]
    fn an_article_shows_the_tokens_it_was_annotated_with_cut_again_with_names_learned_later() {
        let mut lib = Library::new(Segmenter::embedded());
        let first = lib.add_text("1.txt", "本报讯 昨天，叶春林作了发言。\n");
        let afresh = |lib: &Library| annotate::tokens(lib.article(first, 0).unwrap().0, lib.segmenter().unwrap());
        let person = |lib: &Library| {
            let shown = lib.tokens(first, 0).unwrap();
            shown.entity_spans.iter().any(|s| s.kind == crate::words::EntityKind::Person)
        };
        assert_eq!(lib.tokens(first, 0), Some(afresh(&lib)));
        assert!(!person(&lib));
        lib.add_text("2.txt", "本报讯 俞晓峰、钟国庆、叶春林作交流发言。\n");
        assert_eq!(lib.catch_up(), 1);
        assert_eq!(lib.tokens(first, 0), Some(afresh(&lib)));
        assert!(person(&lib));
    }

    #[test]
    fn catching_up_a_little_at_a_time_reaches_the_same_pages() {
        let mut lib = Library::new(Segmenter::embedded());
        let first = lib.add_text("1.txt", "本报讯 昨天，叶春林作了发言。\n");
        let second = lib.add_text("2.txt", "本报讯 今天，叶春林又作了发言。\n");
        lib.add_text("3.txt", "本报讯 俞晓峰、钟国庆、叶春林作交流发言。\n");
        let has_person = |lib: &Library, page| lib.entities(page, 0).iter().any(|e| e.text == "叶春林");
        assert_eq!(lib.catch_up_some(1), (1, false));
        assert!(has_person(&lib, first));
        assert_eq!(lib.catch_up_some(1), (1, true));
        assert!(has_person(&lib, second));
        assert_eq!(lib.catch_up_some(1), (0, true));
    }

    #[test]
    fn pages_read_before_the_segmenter_and_get_words_after() {
        let mut lib = Library::without_words();
        let id = lib.add_text("p.txt", "二手车出口\n\n本报讯（记者 俞晓峰）今年二手车出口增长很快。\n");
        assert_eq!(lib.contents().len(), 1);
        assert!(lib.keywords(id, 0).is_empty() && lib.tokens(id, 0).is_none());
        assert!(matches!(lib.add_user_words("词"), Err(crate::Error::WordsNotReady)));
        lib.set_segmenter(Segmenter::embedded());
        assert_eq!(lib.keywords(id, 0)[0].text, "二手车");
        assert!(lib.entities(id, 0).iter().any(|e| e.text == "俞晓峰"));
    }

    #[test]
    fn keywords_are_the_same_whether_pages_came_before_the_segmenter_or_after() {
        let pages = [
            "二手车出口\n\n本报讯 今年二手车出口增长很快。\n\n港口扩建\n\n本报讯 港口扩建工程开工。\n",
            "社区食堂\n\n本报讯 社区食堂开张，老人用餐方便。\n\n公园开放\n\n本报讯 城市公园对外开放。\n",
        ];
        let mut before = Library::without_words();
        let mut after = Library::new(Segmenter::embedded());
        let ids: Vec<(u32, u32)> = pages.iter().map(|p| (before.add_text("p", p), after.add_text("p", p))).collect();
        before.set_segmenter(Segmenter::embedded());
        for (b, a) in ids {
            for article in 0..2 {
                assert_eq!(before.keywords(b, article), after.keywords(a, article));
            }
        }
    }

    #[test]
    fn user_words_recut_the_loaded_pages() {
        let mut lib = Library::new(Segmenter::embedded());
        let id = lib.add_text("p.txt", "本报讯 要抓实转移避险。\n");
        let words_of = |lib: &Library| {
            let a = lib.article(id, 0).unwrap().0;
            lib.tokens(id, 0)
                .unwrap()
                .tokens
                .iter()
                .flat_map(|(f, ts)| {
                    let text = crate::model::field_text(a, *f).unwrap().to_string();
                    ts.iter().map(move |t| t.text(&text).to_string()).collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        assert!(!words_of(&lib).contains(&"转移避险".to_string()));
        let report = lib.add_user_words("转移避险 50000 nz\n坏 行 太 多\n").unwrap();
        assert_eq!(report.errors.len(), 1);
        assert!(words_of(&lib).contains(&"转移避险".to_string()));
        assert!(lib.remove_user_word("转移避险").unwrap());
        assert!(!words_of(&lib).contains(&"转移避险".to_string()));
    }
}

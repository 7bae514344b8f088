//! The WebAssembly bindings: a small, data-shaped API over the core for the
//! web page. The only module with wasm-bindgen in it.
//!
//! A [`Reader`] holds a library of pages. Data crosses the boundary as
//! plain JavaScript objects (serde-wasm-bindgen), typed in the generated
//! TypeScript declarations (tsify). HTML comes out of [`Reader::render_article`]
//! already escaped, so the page never builds markup from page text. Errors
//! reach JavaScript as `Error`s carrying the core's message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::html::{FieldHit, RenderOptions};
use crate::html::{Layer, Layers};
use crate::library::Library;
use crate::words::Segmenter;

/// Reports a panic in the console (the page then says that something
/// failed instead of freezing).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console-panic")]
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("cannot pass the result to JavaScript: {e}")))
}

/// A page loaded into the reader.
#[derive(Serialize, tsify::Tsify)]
pub struct PageInfo {
    pub id: u32,
    pub name: String,
    pub articles: usize,
    pub leftovers: Vec<String>,
    /// The encoding the bytes were read as (for pages loaded as bytes).
    pub encoding: Option<String>,
}

/// An article's people, places, organisations and keywords.
#[derive(Serialize, tsify::Tsify)]
pub struct Annotations {
    pub entities: Vec<crate::annotate::Entity>,
    pub keywords: Vec<crate::annotate::Keyword>,
}

/// A search hit as the page navigates it: numbered in results order, the
/// number matching the `data-hit` of its `<mark>`.
#[derive(Serialize, tsify::Tsify)]
pub struct Hit {
    pub id: u32,
    pub page: u32,
    pub article: usize,
    #[serde(flatten)]
    pub field: crate::model::Field,
    pub start: usize,
    pub end: usize,
}

/// An article found.
#[derive(Serialize, tsify::Tsify)]
pub struct Found {
    pub page: u32,
    pub article: usize,
    pub score: f64,
    /// HTML: hits in `<mark>`, everything else escaped.
    pub snippet: String,
    pub hits: Vec<Hit>,
}

/// The articles found, best first; at most [`SHOWN_RESULTS`] of them.
#[derive(Serialize, tsify::Tsify)]
pub struct SearchFound {
    pub total_hits: usize,
    pub total_results: usize,
    pub results: Vec<Found>,
}

/// How many articles a search shows (the totals count them all).
pub const SHOWN_RESULTS: usize = 200;

/// The reader: pages, their words, search.
#[wasm_bindgen]
pub struct Reader {
    library: Library,
    /// The static archive the site was built with, if any: its manifest
    /// and the index files fetched so far.
    archive: Option<crate::archive::Archive>,
    /// The hits of the latest search, by article, for highlighting.
    hits: std::collections::HashMap<(u32, usize), Vec<FieldHit>>,
    /// Each article as last drawn: its words cut for showing and its HTML
    /// with what it was drawn with. Drawing it again with the same marks
    /// costs a comparison; with new marks, no new cut. Forgotten whenever
    /// the library changes ([`Reader::library_mut`]).
    drawn: std::collections::HashMap<(u32, usize), Drawn>,
}

/// An article as last drawn (see [`Reader::render_article`]).
struct Drawn {
    /// Its tokens and entity spans (none before the dictionary).
    tokens: Option<crate::annotate::ArticleTokens>,
    /// Its keywords, once the keyword layer was asked for.
    keywords: Option<Vec<String>>,
    /// The HTML and what it was drawn with.
    html: Option<DrawnHtml>,
}

/// An article's HTML and what it was drawn with.
struct DrawnHtml {
    layers: Layers,
    element_id: String,
    /// The article's hits, and the current one if it is among them.
    hits: Vec<FieldHit>,
    current: Option<u32>,
    html: String,
}

#[wasm_bindgen]
impl Reader {
    /// A reader that can parse, show and search pages at once; word
    /// features follow [`Reader::set_dictionary`].
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Reader {
        Reader { library: Library::without_words(), archive: None, hits: Default::default(), drawn: Default::default() }
    }

    /// Builds the segmenter from the packed dictionary
    /// (`baozhi-dict.bin`); the pages loaded so far are segmented and
    /// annotated now.
    #[wasm_bindgen(js_name = setDictionary)]
    pub fn set_dictionary(&mut self, dictionary: Vec<u8>) -> Result<(), JsError> {
        // Taken, not borrowed: the bytes copied in are the segmenter's, not copied again.
        let segmenter = Segmenter::from_packed(dictionary)?;
        self.library_mut().set_segmenter(segmenter);
        Ok(())
    }

    /// Are word features (annotation, word-aware ranking) ready?
    #[wasm_bindgen(js_name = hasWords)]
    pub fn has_words(&self) -> bool {
        self.library.has_words()
    }

    /// Loads a page given as text. Returns what was loaded.
    #[wasm_bindgen(js_name = loadText, unchecked_return_type = "PageInfo")]
    pub fn load_text(&mut self, name: &str, text: &str) -> Result<JsValue, JsError> {
        let id = self.library_mut().add_text(name, text);
        to_js(&self.info(id, None))
    }

    /// Loads a page given as the bytes of a file, decoding them as the CLI
    /// does (UTF-8, UTF-16, GB18030…), or, for a PDF (by its `%PDF-`
    /// signature), parsing it from its layout (`parse_pdf`) where the core
    /// is built with the `pdf` feature (the page's core is not: it hands
    /// PDFs to the PDF module and [`Reader::load_parsed`]). A file that is
    /// not text, or a PDF without a readable text layer, is an error in one
    /// line.
    #[wasm_bindgen(js_name = loadBytes, unchecked_return_type = "PageInfo")]
    pub fn load_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        if crate::pdf::is_pdf(bytes) {
            let page = crate::parse_pdf(bytes).map_err(|e| JsError::new(&format!("{name}: {e}")))?;
            let id = self.library_mut().add_page(name, page);
            return to_js(&self.info(id, Some("PDF")));
        }
        let decoded = crate::decode(bytes).map_err(|e| JsError::new(&format!("{name}: {e}")))?;
        let id = self.library_mut().add_text(name, &decoded.text);
        to_js(&self.info(id, Some(decoded.encoding)))
    }

    /// [`Reader::load_text`] to show the page at once: it is parsed and can
    /// be drawn, but its words (segments, annotations, the word-aware
    /// search index) come with [`Reader::analyse_pending`], or with the
    /// next change to the library, or with the next search (which must
    /// count every page). Until then it is drawn without word features.
    #[wasm_bindgen(js_name = loadTextWordsLater, unchecked_return_type = "PageInfo")]
    pub fn load_text_words_later(&mut self, name: &str, text: &str) -> Result<JsValue, JsError> {
        let id = self.library_mut().add_page_words_later(name, crate::parse_page(text));
        to_js(&self.info(id, None))
    }

    /// [`Reader::load_bytes`], its words to come as
    /// [`Reader::load_text_words_later`]'s.
    #[wasm_bindgen(js_name = loadBytesWordsLater, unchecked_return_type = "PageInfo")]
    pub fn load_bytes_words_later(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        if crate::pdf::is_pdf(bytes) {
            return self.load_bytes(name, bytes);
        }
        let decoded = crate::decode(bytes).map_err(|e| JsError::new(&format!("{name}: {e}")))?;
        let id = self.library_mut().add_page_words_later(name, crate::parse_page(&decoded.text));
        to_js(&self.info(id, Some(decoded.encoding)))
    }

    /// Segments, annotates and indexes the pages loaded with their words to
    /// come. Returns whether there were any (they are then drawn anew).
    #[wasm_bindgen(js_name = analysePending)]
    pub fn analyse_pending(&mut self) -> bool {
        self.library.has_pending() && self.library_mut().analyse_pending()
    }

    /// Loads a page parsed elsewhere (the PDF reader's `pdfPage`), given as
    /// JSON in the parser's schema, under `name`. Returns what was loaded.
    #[wasm_bindgen(js_name = loadParsed, unchecked_return_type = "PageInfo")]
    pub fn load_parsed(&mut self, name: &str, json: &str) -> Result<JsValue, JsError> {
        let page: crate::Page = serde_json::from_str(json)
            .map_err(|e| JsError::new(&format!("{name}: cannot read the parsed page: {e}")))?;
        // Earlier pages are cut again for names learned here a few at a time,
        // by `catchUpSome`, as after `loadText`.
        let id = self.library_mut().add_page(name, page);
        to_js(&self.info(id, None))
    }

    /// Decodes the bytes of a text file as [`Reader::load_bytes`] does
    /// (UTF-8, UTF-16, GB18030…), without loading it; a file that is not
    /// text (a PDF among them) is an error in one line.
    #[wasm_bindgen(js_name = decodeText)]
    pub fn decode_text(&self, bytes: &[u8]) -> Result<String, JsError> {
        Ok(crate::decode(bytes)?.text)
    }

    /// After a batch of pages: cuts again the earlier pages that name people
    /// learned from later ones. Returns how many were cut again.
    #[wasm_bindgen(js_name = catchUp)]
    pub fn catch_up(&mut self) -> usize {
        self.library_mut().catch_up()
    }

    /// [`Reader::catch_up`] a little at a time, so that other calls get
    /// their turn in between: cuts again at most `max` pages. Returns
    /// whether every page has caught up.
    #[wasm_bindgen(js_name = catchUpSome)]
    pub fn catch_up_some(&mut self, max: usize) -> bool {
        // Pages cut again change what they show; none cut, nothing changed,
        // but for pages whose words were still to come (the catch-up
        // analyses them first: they and the corpus change).
        let analysed = self.library.has_pending();
        let (recut, done) = self.library.catch_up_some(max);
        if recut > 0 || analysed {
            self.drawn.clear();
        }
        done
    }

    /// Cuts a text into words as the reader does and returns how many there
    /// are (for measurements against other segmenters).
    pub fn segment(&self, text: &str) -> Result<usize, JsError> {
        let segmenter = self.library.segmenter().ok_or(crate::Error::WordsNotReady)?;
        Ok(segmenter.segment(text, crate::words::Mode::Reading).len())
    }

    /// Bytes of WebAssembly memory in use (for measurements).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> usize {
        core::arch::wasm32::memory_size(0) * 65536
    }

    /// Removes a page. Returns whether it was loaded.
    #[wasm_bindgen(js_name = removePage)]
    pub fn remove_page(&mut self, id: u32) -> bool {
        self.library_mut().remove_page(id)
    }

    /// The pages loaded, in order.
    #[wasm_bindgen(unchecked_return_type = "PageInfo[]")]
    pub fn pages(&self) -> Result<JsValue, JsError> {
        let infos: Vec<PageInfo> = self.library.pages().iter().map(|p| self.info(p.id, None)).collect();
        to_js(&infos)
    }

    /// Every article of every page, for the contents list.
    #[wasm_bindgen(unchecked_return_type = "ArticleSummary[]")]
    pub fn contents(&self) -> Result<JsValue, JsError> {
        to_js(&self.library.contents())
    }

    /// The articles of one page, as `contents` lists them (for a page
    /// just loaded, without asking for the whole list again).
    #[wasm_bindgen(js_name = contentsOf, unchecked_return_type = "ArticleSummary[]")]
    pub fn contents_of(&self, page: u32) -> Result<JsValue, JsError> {
        to_js(&self.library.page_contents(page))
    }

    /// One article, in the parser's schema.
    #[wasm_bindgen(unchecked_return_type = "Article")]
    pub fn article(&self, page: u32, article: usize) -> Result<JsValue, JsError> {
        let (a, _) = self.library.article(page, article).ok_or_else(|| no_article(page, article))?;
        to_js(a)
    }

    /// An article as HTML, with the given highlight layers (names as in
    /// the stylesheet: `hit`, `current`, `person`, `place`,
    /// `organization`, `keyword`, `w`), the hits of the latest search, and
    /// the id of the current hit. An article drawn again with the same
    /// marks is not drawn anew, nor cut into words again for new ones.
    #[wasm_bindgen(js_name = renderArticle)]
    pub fn render_article(
        &mut self,
        page: u32,
        article: usize,
        layers: Vec<String>,
        element_id: &str,
        current: Option<u32>,
    ) -> Result<String, JsError> {
        let layers: Layers = layers.iter().filter_map(|l| Layer::from_name(l)).collect();
        self.draw(page, article, layers, element_id, current)
    }

    /// Every article of a page as [`Reader::render_article`] draws it, in
    /// one call: article `i` gets the element id `{prefix}-{page}-{i}`.
    #[wasm_bindgen(js_name = renderPage)]
    pub fn render_page(
        &mut self,
        page: u32,
        layers: Vec<String>,
        prefix: &str,
        current: Option<u32>,
    ) -> Result<Vec<String>, JsError> {
        let count =
            self.library.page(page).ok_or_else(|| JsError::new(&format!("no page {page}")))?.page.articles.len();
        let layers: Layers = layers.iter().filter_map(|l| Layer::from_name(l)).collect();
        (0..count).map(|i| self.draw(page, i, layers, &format!("{prefix}-{page}-{i}"), current)).collect()
    }

    /// Searches every page (see the core's `search` module for the query
    /// language). The hits are kept for highlighting: `renderArticle`
    /// marks them until the next search.
    #[wasm_bindgen(unchecked_return_type = "SearchFound")]
    pub fn search(&mut self, query: &str) -> Result<JsValue, JsError> {
        to_js(&self.found(query))
    }

    /// [`Reader::search`], its answer as JSON (`SearchFound`): one string
    /// across the boundary, read with one `JSON.parse`.
    #[wasm_bindgen(js_name = searchJson)]
    pub fn search_json(&mut self, query: &str) -> Result<String, JsError> {
        serde_json::to_string(&self.found(query))
            .map_err(|e| JsError::new(&format!("cannot pass the result to JavaScript: {e}")))
    }

    /// An article's entities (with counts) and keywords (with scores).
    #[wasm_bindgen(unchecked_return_type = "Annotations")]
    pub fn annotations(&self, page: u32, article: usize) -> Result<JsValue, JsError> {
        self.library.article(page, article).ok_or_else(|| no_article(page, article))?;
        to_js(&Annotations {
            entities: self.library.entities(page, article),
            keywords: self.library.keywords(page, article),
        })
    }

    /// Adds words to the dictionary (jieba's format, one per line) and
    /// cuts every page again. Bad lines are reported with their number.
    #[wasm_bindgen(js_name = addUserWords, unchecked_return_type = "DictionaryReport")]
    pub fn add_user_words(&mut self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.library_mut().add_user_words(text)?)
    }

    /// Removes a word the user added, and cuts every page again.
    #[wasm_bindgen(js_name = removeUserWord)]
    pub fn remove_user_word(&mut self, word: &str) -> Result<bool, JsError> {
        Ok(self.library_mut().remove_user_word(word)?)
    }

    /// Removes every word the user added, and cuts every page again once.
    /// Returns how many there were.
    #[wasm_bindgen(js_name = clearUserWords)]
    pub fn clear_user_words(&mut self) -> Result<usize, JsError> {
        Ok(self.library_mut().clear_user_words()?)
    }

    /// The words the user added, in order.
    #[wasm_bindgen(js_name = userWords)]
    pub fn user_words(&self) -> Vec<String> {
        self.library.user_words().to_vec()
    }

    /// Opens the site's archive from its manifest (`archive/manifest.json`);
    /// the files it needs are then given with `archiveAdd`.
    #[wasm_bindgen(js_name = archiveOpen, unchecked_return_type = "Manifest")]
    pub fn archive_open(&mut self, manifest: &str) -> Result<JsValue, JsError> {
        let archive = crate::archive::Archive::open(manifest)?;
        let out = to_js(archive.manifest());
        self.archive = Some(archive);
        out
    }

    /// Adds an index file of the archive, fetched by the path an answer
    /// named in its `need`.
    #[wasm_bindgen(js_name = archiveAdd)]
    pub fn archive_add(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        let archive = self.archive.as_mut().ok_or_else(|| JsError::new("no archive is open"))?;
        Ok(archive.add_file(name, bytes.to_vec())?)
    }

    /// Searches the archive as far as the files fetched allow: the best
    /// `limit` results so far, the totals so far, and the files to fetch to
    /// go on (`need`; none once `complete`).
    #[wasm_bindgen(js_name = archiveSearch, unchecked_return_type = "ArchiveAnswer")]
    pub fn archive_search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        let archive = self.archive.as_ref().ok_or_else(|| JsError::new("no archive is open"))?;
        to_js(&archive.search(query, limit)?)
    }

    /// For an archive page's data (its JSON file): each matching article's
    /// title, snippet and number of hits, as the in-page search gives them.
    #[wasm_bindgen(js_name = archiveSnippets, unchecked_return_type = "ArchiveSnippet[]")]
    pub fn archive_snippets(&self, data: &str, query: &str) -> Result<JsValue, JsError> {
        let data = page_data(data)?;
        let mut index = crate::search::SearchIndex::new();
        index.add(0, &data.page, self.library.segmenter());
        let found =
            index.search(query, self.library.segmenter(), &crate::search::SearchOptions::ALL, |_| Some(&data.page));
        let out: Vec<ArchiveSnippet> = found
            .results
            .into_iter()
            .map(|r| {
                let a = &data.page.articles[r.article];
                ArchiveSnippet {
                    article: r.article,
                    title: a.title.clone(),
                    derived_title: if a.title.is_none() { crate::model::derived_title(a) } else { None },
                    snippet: r.snippet,
                    hits: r.hits.len(),
                }
            })
            .collect();
        to_js(&out)
    }

    /// Loads an archive page's data (its JSON file) into the reader, as if
    /// opened. Returns what was loaded.
    #[wasm_bindgen(js_name = archiveLoadPage, unchecked_return_type = "PageInfo")]
    pub fn archive_load_page(&mut self, data: &str) -> Result<JsValue, JsError> {
        let data = page_data(data)?;
        let id = self.library_mut().add_page(&data.name, data.page);
        self.library_mut().catch_up();
        to_js(&self.info(id, None))
    }

    /// Every page as JSON in the parser's schema.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        crate::export::json(self.library.pages().iter().map(|p| (p.name.as_str(), &p.page)))
    }

    /// Every page as Markdown.
    #[wasm_bindgen(js_name = exportMarkdown)]
    pub fn export_markdown(&self) -> String {
        crate::export::markdown(self.library.pages().iter().map(|p| (p.name.as_str(), &p.page)))
    }
}

impl Reader {
    /// The library, to change it: what was drawn from it is forgotten.
    fn library_mut(&mut self) -> &mut Library {
        self.drawn.clear();
        &mut self.library
    }

    /// Searches and keeps the hits for highlighting (see [`Reader::search`]).
    fn found(&mut self, query: &str) -> SearchFound {
        // A page whose words are still to come is in no index yet: a search
        // posted before the page asked for them would leave it out of the
        // results and the counts.
        if self.library.has_pending() {
            self.library_mut().analyse_pending();
        }
        let options = crate::search::SearchOptions { offset: 0, limit: Some(SHOWN_RESULTS) };
        let found = self.library.search_with(query, &options);
        self.hits.clear();
        let mut next = 0u32;
        let mut results = Vec::with_capacity(found.results.len());
        for r in found.results {
            let mut hits = Vec::with_capacity(r.hits.len());
            for h in r.hits {
                let id = next;
                next += 1;
                let field_hit = FieldHit { field: h.field, start: h.start, end: h.end, id };
                self.hits.entry((h.page, h.article)).or_default().push(field_hit);
                hits.push(Hit { id, page: h.page, article: h.article, field: h.field, start: h.start, end: h.end });
            }
            results.push(Found { page: r.page, article: r.article, score: r.score, snippet: r.snippet, hits });
        }
        SearchFound { total_hits: found.total_hits, total_results: found.total_results, results }
    }

    /// Draws an article (see [`Reader::render_article`]), from what was
    /// kept of its last drawing where that still holds.
    fn draw(
        &mut self,
        page: u32,
        article: usize,
        layers: Layers,
        element_id: &str,
        current: Option<u32>,
    ) -> Result<String, JsError> {
        let (a, _) = self.library.article(page, article).ok_or_else(|| no_article(page, article))?;
        let hits = self.hits.get(&(page, article)).map_or(&[][..], Vec::as_slice);
        // The current hit matters to this article only if it is one of its own.
        let current = current.filter(|c| hits.iter().any(|h| h.id == *c));
        let drawn = match self.drawn.entry((page, article)) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Drawn { tokens: self.library.tokens(page, article), keywords: None, html: None })
            }
        };
        if let Some(d) = &drawn.html
            && d.layers == layers
            && d.element_id == element_id
            && d.hits == hits
            && d.current == current
        {
            return Ok(d.html.clone());
        }
        if layers.contains(Layer::Keyword) && drawn.keywords.is_none() {
            drawn.keywords = Some(self.library.keywords(page, article).into_iter().map(|k| k.text).collect());
        }
        let keywords = drawn.keywords.as_deref().unwrap_or_default();
        let opts = RenderOptions { layers, keywords, hits, current, id: element_id };
        let html = crate::html::render_article(a, drawn.tokens.as_ref(), &opts);
        drawn.html = Some(DrawnHtml {
            layers,
            element_id: element_id.to_string(),
            hits: hits.to_vec(),
            current,
            html: html.clone(),
        });
        Ok(html)
    }

    fn info(&self, id: u32, encoding: Option<&str>) -> PageInfo {
        let p = self.library.page(id).expect("the page was just listed");
        PageInfo {
            id,
            name: p.name.clone(),
            articles: p.page.articles.len(),
            leftovers: p.page.leftovers.clone(),
            encoding: encoding.map(str::to_string),
        }
    }
}

/// An article of an archive page that matches a query.
#[derive(Serialize, tsify::Tsify)]
pub struct ArchiveSnippet {
    pub article: usize,
    pub title: Option<String>,
    pub derived_title: Option<String>,
    /// HTML: hits in `<mark>`, everything else escaped.
    pub snippet: String,
    pub hits: usize,
}

/// A page's data file of the archive.
#[derive(serde::Deserialize)]
struct PageData {
    name: String,
    page: crate::model::Page,
}

fn page_data(json: &str) -> Result<PageData, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("cannot read the archive: a page's data: {e}")))
}

fn no_article(page: u32, article: usize) -> JsError {
    JsError::new(&format!("no article {article} on page {page}"))
}

/// Parses a page without a reader: its articles in the parser's schema.
#[wasm_bindgen(js_name = parsePage, unchecked_return_type = "Page")]
pub fn parse_page(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::parse_page(text))
}

//! Building an archive: pages in, files out (see the module's design).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::codec::{SEPARATOR, bigram, content_name, damaged, is_unigram, put, put_str, unigram};
use super::query::{Entry, read_chunk, read_shard};
use super::{
    ARTICLE_CHUNK, Group, LONG, Manifest, PAGE_BYTES, PAGE_CHUNK, Payload, SHARD_BYTES, Segment, TOP, decode_list,
    encode_list, fold_article, top_block,
};
use crate::model::Page;

/// What the archive says of a page besides its articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The file name (or path) shown for it.
    pub name: String,
    /// `YYYY-MM-DD` when the file name gives it.
    pub date: Option<String>,
    /// The part of the contents it is listed under: a month, an issue, a
    /// folder. Pages of one group are added one after another.
    pub group: String,
}

/// The postings of one key while the archive is built.
#[derive(Debug, Default)]
struct List {
    bytes: Vec<u8>,
    /// The article of the last entry.
    last: u32,
    entries: u32,
}

impl List {
    /// A character's entry: its article, how often in the headline and in the rest.
    fn push_counts(&mut self, a: u32, head: u32, body: u32) {
        // The flag: is it in the headline at all?
        put(&mut self.bytes, (u64::from(a - self.last) << 1) | u64::from(head > 0));
        if head > 0 {
            put(&mut self.bytes, u64::from(head));
        }
        put(&mut self.bytes, u64::from(body));
        self.last = a;
        self.entries += 1;
    }

    /// A pair's entry: its article and positions.
    fn push_positions(&mut self, a: u32, positions: &[u32]) {
        // The flag: does it occur more than once?
        put(&mut self.bytes, (u64::from(a - self.last) << 1) | u64::from(positions.len() > 1));
        put_positions(&mut self.bytes, positions);
        self.last = a;
        self.entries += 1;
    }
}

/// One segment, written by `b` (a new builder: it gives the sizes), of `inputs` (segments, in order, with their pages' rows
/// numbered in their segment) made from their files: each key's lists read
/// and joined, the tables joined; no page is read or indexed again, so it
/// holds in memory about the merged index, not the pages. `files` gives a
/// file's bytes by name. The pages' data files stay as they are and are not
/// among the files returned.
pub fn merge(
    mut b: ArchiveBuilder,
    inputs: &[(&Segment, &[PageRow])],
    files: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<SegmentFiles, crate::Error> {
    let missing = |name: &str| damaged(&format!("{name} is missing"));
    let mut decoded = Vec::new();
    for (seg, rows) in inputs {
        let (a0, p0) = (b.articles.len() as u32, b.pages.len() as u32);
        for c in 0..seg.chunks {
            let name = &seg.chunk_file(c);
            let chunk = read_chunk(&files(name).ok_or_else(|| missing(name))?)?;
            b.articles.extend(chunk.rows.iter().map(|&(p, len, head)| (p + p0, len, head)));
        }
        if b.articles.len() as u64 != u64::from(a0) + u64::from(seg.articles) || rows.len() as u32 != seg.pages {
            return Err(damaged("a segment's tables do not hold its articles and pages"));
        }
        b.pages.extend(rows.iter().map(|r| PageRow { index: r.index + p0, first: r.first + a0, ..r.clone() }));
        b.units += seg.units;
        for i in 0..seg.shards {
            let name = &seg.shard_file(i);
            let shard = read_shard(files(name).ok_or_else(|| missing(name))?)?;
            for (&key, entry) in &shard.entries {
                let single = is_unigram(key);
                decoded.clear();
                match entry {
                    Entry::Inline { entries, range } => {
                        decode_list(&shard.bytes[range.clone()], 0, *entries, single, &|_| true, &mut decoded)?
                    }
                    Entry::Paged { pages, .. } => {
                        for p in pages {
                            let bytes = files(&p.file).ok_or_else(|| missing(&p.file))?;
                            decode_list(&bytes, p.first, p.entries, single, &|_| true, &mut decoded)?;
                        }
                    }
                }
                let articles = b.articles.len();
                let list = b.lists.entry(key).or_default();
                for (a, payload) in decoded.drain(..) {
                    // Each article once, in order, and in the tables: a
                    // damaged file must not make a list count backwards.
                    let a = a
                        .checked_add(a0)
                        .filter(|&a| (a as usize) < articles && (list.entries == 0 || a > list.last))
                        .ok_or_else(|| damaged("a list's articles are out of order"))?;
                    match payload {
                        Payload::Counts(head, body) => list.push_counts(a, head, body),
                        Payload::At(at) => list.push_positions(a, &at),
                    }
                }
            }
        }
    }
    Ok(b.segment())
}

/// A page's row in the contents (its numbers are its segment's while the
/// segment is built, the archive's in the contents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRow {
    pub index: u32,
    pub name: String,
    pub date: Option<String>,
    /// The file with the page's parsed data.
    pub data: String,
    /// Its first article's number in the archive.
    pub first: u32,
    pub articles: u32,
    #[serde(skip)]
    pub group: String,
}

/// Builds an archive page by page (see [`super`]).
#[derive(Debug)]
pub struct ArchiveBuilder {
    shard_bytes: usize,
    page_bytes: usize,
    /// Lists of more than `long` articles keep their best `top` (see `super::Top`).
    top: usize,
    long: usize,
    lists: FxHashMap<u64, List>,
    pages: Vec<PageRow>,
    /// Per article: its page, its length in folded UTF-16 units and where
    /// its headline ends (a position).
    articles: Vec<(u32, u32, u32)>,
    units: u64,
    /// Characters of folded text indexed.
    pub chars: u64,
    files: Vec<(String, Vec<u8>)>,
    // Reused per article.
    pairs: FxHashMap<u64, Vec<u32>>,
    singles: FxHashMap<u64, (u32, u32)>,
    text: Vec<char>,
}

/// An archive's files: the manifest (under the fixed name
/// [`super::MANIFEST`]) and every other file under its content name.
#[derive(Debug)]
pub struct ArchiveFiles {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A segment's files (every one under its content name: shards, list
/// pages, tables, pages' data) and its pages' rows.
#[derive(Debug)]
pub struct SegmentFiles {
    pub segment: Segment,
    pub rows: Vec<PageRow>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// An archive of segments, in order: the manifest and every file.
pub fn assemble(segments: Vec<SegmentFiles>) -> ArchiveFiles {
    let parts: Vec<(&Segment, &[PageRow])> = segments.iter().map(|s| (&s.segment, &s.rows[..])).collect();
    let (manifest, groups) = contents(&parts);
    let mut files: Vec<(String, Vec<u8>)> = segments.into_iter().flat_map(|s| s.files).collect();
    files.extend(groups);
    ArchiveFiles { manifest, files }
}

/// The manifest of segments, in order, given their pages' rows (numbered
/// in their segment), and the contents' files it names: a file a group,
/// its rows numbered through the archive. Groups are listed in the order
/// they first occur; a group's pages in archive order.
pub fn contents(segments: &[(&Segment, &[PageRow])]) -> (Manifest, Vec<(String, Vec<u8>)>) {
    let mut rows: Vec<PageRow> = Vec::new();
    let (mut pages, mut articles, mut units) = (0u32, 0u32, 0u64);
    for (segment, seg_rows) in segments {
        for r in *seg_rows {
            rows.push(PageRow { index: r.index + pages, first: r.first + articles, ..r.clone() });
        }
        pages += segment.pages;
        articles += segment.articles;
        units += segment.units;
    }
    let mut order: Vec<&str> = Vec::new();
    let mut by_group: FxHashMap<&str, Vec<&PageRow>> = FxHashMap::default();
    for r in &rows {
        by_group
            .entry(r.group.as_str())
            .or_insert_with(|| {
                order.push(r.group.as_str());
                Vec::new()
            })
            .push(r);
    }
    let mut files = Vec::new();
    let mut groups = Vec::new();
    for g in order {
        let rows = &by_group[g];
        let data = serde_json::to_vec(rows).expect("rows serialise");
        let name = content_name("g", &data, "json");
        files.push((name.clone(), data));
        groups.push(Group {
            name: g.to_string(),
            first: rows[0].index,
            pages: rows.len() as u32,
            from: rows.iter().find_map(|r| r.date.clone()),
            to: rows.iter().rev().find_map(|r| r.date.clone()),
            file: name,
        });
    }
    let manifest = Manifest {
        format: super::FORMAT,
        pages,
        articles,
        units,
        segments: segments.iter().map(|(s, _)| (*s).clone()).collect(),
        groups,
    };
    (manifest, files)
}

#[derive(Serialize)]
struct PageData<'a> {
    name: &'a str,
    date: &'a Option<String>,
    page: &'a Page,
}

impl Default for ArchiveBuilder {
    fn default() -> ArchiveBuilder {
        ArchiveBuilder::new()
    }
}

impl ArchiveBuilder {
    pub fn new() -> ArchiveBuilder {
        ArchiveBuilder::with_sizes(SHARD_BYTES, PAGE_BYTES)
    }

    /// A builder whose shards hold about `shard_bytes` of lists and whose
    /// lists longer than `page_bytes` are paged (tests use small ones).
    pub fn with_sizes(shard_bytes: usize, page_bytes: usize) -> ArchiveBuilder {
        ArchiveBuilder {
            shard_bytes: shard_bytes.max(1),
            page_bytes: page_bytes.max(1),
            top: TOP,
            long: LONG,
            lists: FxHashMap::default(),
            pages: Vec::new(),
            articles: Vec::new(),
            units: 0,
            chars: 0,
            files: Vec::new(),
            pairs: FxHashMap::default(),
            singles: FxHashMap::default(),
            text: Vec::new(),
        }
    }

    /// Adds a page after those added so far. Returns its index.
    pub fn add_page(&mut self, meta: &PageMeta, page: &Page) -> u32 {
        let index = self.pages.len() as u32;
        let data =
            serde_json::to_vec(&PageData { name: &meta.name, date: &meta.date, page }).expect("a page serialises");
        let name = content_name("p", &data, "json");
        self.files.push((name.clone(), data));
        let first = self.articles.len() as u32;
        for article in &page.articles {
            let a = self.articles.len() as u32;
            let mut text = std::mem::take(&mut self.text);
            let (headline_end, units) = fold_article(article, &mut text);
            self.units += u64::from(units);
            self.articles.push((index, units, headline_end));
            self.add_article(a, &text, headline_end);
            self.text = text;
        }
        self.pages.push(PageRow {
            index,
            name: meta.name.clone(),
            date: meta.date.clone(),
            data: name,
            first,
            articles: page.articles.len() as u32,
            group: meta.group.clone(),
        });
        index
    }

    fn add_article(&mut self, a: u32, text: &[char], headline_end: u32) {
        self.pairs.clear();
        self.singles.clear();
        for (p, &c) in text.iter().enumerate() {
            if c == SEPARATOR {
                continue;
            }
            self.chars += 1;
            let single = self.singles.entry(unigram(c)).or_default();
            if (p as u32) < headline_end {
                single.0 += 1;
            } else {
                single.1 += 1;
            }
            if let Some(&next) = text.get(p + 1).filter(|&&n| n != SEPARATOR) {
                self.pairs.entry(bigram(c, next)).or_default().push(p as u32);
            }
        }
        for (&key, &(head, body)) in &self.singles {
            self.lists.entry(key).or_default().push_counts(a, head, body);
        }
        for (&key, positions) in &self.pairs {
            self.lists.entry(key).or_default().push_positions(a, positions);
        }
    }

    /// A builder whose lists of more than `long` articles keep their best
    /// `k` (tests use a few; [`TOP`] of more than [`LONG`] else).
    pub fn with_top(mut self, k: usize, long: usize) -> ArchiveBuilder {
        self.top = k.max(1);
        self.long = long.max(self.top);
        self
    }

    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// The archive of this one segment (see [`ArchiveBuilder::segment`]).
    pub fn finish(self) -> ArchiveFiles {
        assemble(vec![self.segment()])
    }

    /// Splits the postings into shards and pages, writes the article and
    /// page tables, and names every file by its content: the pages added
    /// as a segment.
    pub fn segment(self) -> SegmentFiles {
        let ArchiveBuilder { mut lists, pages, articles, units, mut files, shard_bytes, page_bytes, top, long, .. } =
            self;
        // The segment's average length: its best are chosen at it.
        let average = (units as f64 / (articles.len() as f64).max(1.0)).max(1.0);
        // Long lists go to pages of their own; the rest into shards. Each
        // list is written in the files' form (see `encode_list`).
        let mut keys: Vec<u64> = lists.keys().copied().collect();
        keys.sort_unstable();
        let mut encoded: Vec<(u64, u32, Encoded, Option<Vec<u8>>)> = Vec::with_capacity(keys.len());
        let mut inline = 0;
        for key in keys {
            let list = lists.remove(&key).expect("a key of the lists");
            let single = is_unigram(key);
            let bytes = if list.bytes.len() <= page_bytes {
                let bytes = encode_list(&list.bytes, 0, single);
                inline += bytes.len() + 4;
                Ok(bytes)
            } else {
                Err(split_list(key, &list.bytes, page_bytes)
                    .into_iter()
                    .map(|(first, entries, leb)| (first, entries, encode_list(&leb, first, single)))
                    .collect())
            };
            let best = (list.entries as usize > long).then(|| top_block(&list.bytes, single, &articles, average, top));
            encoded.push((key, list.entries, bytes, best));
        }
        // A small segment (a day's pages) has smaller shards, so that what
        // a query fetches from it stays small: at least 64 shards, of 2 kB at least.
        let shard_bytes = shard_bytes.min((inline / 64).max(2048));
        let shards = inline.div_ceil(shard_bytes).max(1) as u32;
        let mut shard_bytes: Vec<Vec<u8>> = vec![Vec::new(); shards as usize];
        let mut shard_keys: Vec<u32> = vec![0; shards as usize];
        let mut shard_last: Vec<u64> = vec![0; shards as usize];
        for (key, entries, bytes, best) in encoded {
            let s = super::codec::shard_of(key, shards) as usize;
            let out = &mut shard_bytes[s];
            put(out, key - shard_last[s]);
            shard_last[s] = key;
            shard_keys[s] += 1;
            put(out, u64::from(entries));
            // The kind (inline 0, paged 1), plus 2 when a `Top` follows the list.
            let with_top = if best.is_some() { 2 } else { 0 };
            match bytes {
                Ok(bytes) => {
                    put(out, with_top);
                    put(out, bytes.len() as u64);
                    out.extend_from_slice(&bytes);
                }
                Err(split) => {
                    put(out, 1 | with_top);
                    put(out, split.len() as u64);
                    let mut previous = 0;
                    for (first, entries, bytes) in split {
                        let name = content_name("b", &bytes, "bin");
                        put(out, u64::from(first - previous));
                        previous = first;
                        put(out, u64::from(entries));
                        put_str(out, &name);
                        files.push((name, bytes));
                    }
                }
            }
            if let Some(best) = best {
                put(out, best.len() as u64);
                out.extend_from_slice(&best);
            }
        }
        // The shards and the tables, named after the segment: the hash of
        // their contents, so that a name is never reused for other bytes.
        let mut own: Vec<Vec<u8>> = Vec::new();
        for (bytes, n) in shard_bytes.into_iter().zip(shard_keys) {
            let mut file = b"BZS2".to_vec();
            put(&mut file, u64::from(n));
            file.extend_from_slice(&bytes);
            own.push(file);
        }
        // The article table, in chunks.
        for (c, rows) in articles.chunks(ARTICLE_CHUNK).enumerate() {
            let first = (c * ARTICLE_CHUNK) as u32;
            let mut file = b"BZA1".to_vec();
            put(&mut file, u64::from(first));
            put(&mut file, rows.len() as u64);
            let p0 = rows[0].0;
            put(&mut file, u64::from(p0));
            let mut page = p0;
            for &(p, len, head) in rows {
                put(&mut file, u64::from(p - page));
                page = p;
                put(&mut file, u64::from(len));
                put(&mut file, u64::from(head));
            }
            own.push(file);
        }
        // The page table, in chunks: each page's first article, data file and name.
        for (c, rows) in pages.chunks(PAGE_CHUNK).enumerate() {
            let mut file = b"BZN1".to_vec();
            put(&mut file, (c * PAGE_CHUNK) as u64);
            put(&mut file, rows.len() as u64);
            for p in rows {
                put(&mut file, u64::from(p.first));
                put_str(&mut file, &p.data);
                put_str(&mut file, &p.name);
            }
            own.push(file);
        }
        let hashes: String = own.iter().map(|f| content_name("", f, "")).collect();
        let id = content_name("", hashes.as_bytes(), "");
        let segment = Segment {
            pages: pages.len() as u32,
            articles: articles.len() as u32,
            units,
            id: id.trim_matches(|c| c == '/' || c == '.').to_string(),
            shards,
            chunk: ARTICLE_CHUNK as u32,
            chunks: articles.len().div_ceil(ARTICLE_CHUNK) as u32,
            page_chunk: PAGE_CHUNK as u32,
            page_tables: pages.len().div_ceil(PAGE_CHUNK) as u32,
        };
        files.extend(segment.files().zip(own));
        SegmentFiles { segment, rows: pages, files }
    }
}

/// A list in the files' form: inline, or its pages (first article,
/// entries, bytes).
type Encoded = Result<Vec<u8>, Vec<(u32, u32, Vec<u8>)>>;

/// Positions: how many (when more than one), the first, then the gaps.
fn put_positions(out: &mut Vec<u8>, positions: &[u32]) {
    if positions.len() > 1 {
        put(out, positions.len() as u64);
    }
    let mut last = 0;
    for (i, &p) in positions.iter().enumerate() {
        put(out, u64::from(if i == 0 { p } else { p - last }));
        last = p;
    }
}

/// Cuts a long list into pages of about `page_bytes` at entry
/// boundaries; each page's deltas start from its first article, which the
/// shard gives. Returns (first article, entries, bytes).
fn split_list(key: u64, bytes: &[u8], page_bytes: usize) -> Vec<(u32, u32, Vec<u8>)> {
    let mut out: Vec<(u32, u32, Vec<u8>)> = Vec::new();
    let mut c = super::codec::Cursor::new(bytes);
    let mut article = 0u32;
    let mut last = 0u32;
    while !c.done() {
        let head = c.var().expect("our own list");
        article += (head >> 1) as u32;
        let flag = head & 1;
        let from = c.at;
        super::skip_payload(&mut c, is_unigram(key), flag == 1).expect("our own list");
        if out.last().is_none_or(|(_, _, b)| b.len() >= page_bytes) {
            out.push((article, 0, Vec::new()));
            last = article;
        }
        let (_, entries, page) = out.last_mut().expect("a page is open");
        put(page, (u64::from(article - last) << 1) | flag);
        page.extend_from_slice(&bytes[from..c.at]);
        last = article;
        *entries += 1;
    }
    out
}

//! A whole archive of pages on a static host, searched exactly: each query
//! fetches only the few small files its characters need.
//!
//! **What is indexed.** Every article's fields, folded as the in-page
//! search folds them ([`crate::text::fold`]: whitespace dropped, full width
//! to ASCII, lower case, traditional to simplified), one after another with
//! a separator after each field. A *position* is a character's place in
//! that text (the separators count one each), so a field never runs into
//! the next.
//!
//! **Postings.** For every pair of adjacent folded characters (a bigram) in
//! a field, the articles it occurs in and, for each, every position where
//! it starts. For every single character, the articles it occurs in and
//! how often in the headline (kicker, title, subtitle) and in the rest —
//! enough to count and rank a one-character query without its positions.
//! Articles are numbered in their segment in page order. A list is in
//! Rice codes (see `encode_list`): per entry its article's gap from the
//! one before and a flag — for a pair, that it occurs more than once (else
//! its count is left out), then its positions; for a character, that it
//! occurs in the headline (else that count is left out), then its counts.
//!
//! **Exactness.** A term of one character is its character's list. A term
//! of `n ≥ 2` characters occurs at `p` exactly when its bigrams at offsets
//! `0, 2, 4, …` and `n − 2` occur at `p` plus their offset: these bigrams
//! cover every character of the term, and no bigram crosses a field. So the
//! postings alone give every occurrence a scan of the folded text finds,
//! and nothing else (recall and precision 1, by construction; the property
//! test in `tests/archive.rs` checks it against a scan), and the hit counts
//! are exact. No page text is fetched to answer or count; only the results
//! shown fetch their page's data, for snippets.
//!
//! **Segments.** An archive is a list of segments, each indexed on its
//! own (its shards, list pages and tables, its articles and pages numbered
//! from 0); the manifest lists them in order, and the archive's numbers
//! run through them. Adding pages adds a segment and leaves the others'
//! files as they are; the builder (the CLI) merges small segments
//! (size-tiered), so that a query's requests stay few. A query fetches its
//! keys' shards in every segment and reads a key's list as its segments'
//! lists one after another; document frequencies and hit counts are sums
//! over segments, so answers and ranking are those of one index.
//!
//! **Files.** In a segment, a key (character or pair) lives in shard
//! `hash(key) mod S`, `S` chosen so that a shard holds about
//! [`SHARD_BYTES`] (less in a small segment); a shard lists its keys with
//! their lists inline. A list longer than [`PAGE_BYTES`] (a frequent
//! character or pair) is cut into pages of its own, by article, each named
//! in the shard with its first article and its number of entries. The
//! article table ([`ARTICLE_CHUNK`] articles a file) gives each article's
//! page, its length and where its headline ends, for ranking; the page
//! table ([`PAGE_CHUNK`] pages a file) each page's first article, name and
//! data file, for the results shown; the contents, a file a group (month,
//! issue or folder), list the pages; each page's parsed data is a file of
//! its own. Every file but [`MANIFEST`] is named by its content — a
//! segment's shards and tables by its id (a hash of all of them) and their
//! number, so that the manifest lists a segment in a few numbers — so a
//! host may cache it for ever and building again rewrites only files whose
//! content changed.
//!
//! **A query** ([`Archive::search`]) first needs the shards of its terms'
//! keys (one to a few requests). Its rarest key drives it: when that key's
//! list is inline, the whole answer follows at once; when it is paged (a
//! frequent character: [`ArchiveAnswer::frequent`]), the archive is
//! searched window by window, a window per page of that list (and per
//! segment where it is inline), in archive order, and every answer so far
//! is given with the number of articles searched — first results fast, the count growing as the rest arrive,
//! never a partial count given as the total. Other terms' pages are
//! fetched only where the driver has candidates.
//!
//! **Ranking** is the in-page search's BM25 as it ranks without the
//! dictionary's words: headline and rest apart, lengths in folded UTF-16
//! units, a bonus for the terms found next to each other. A term's
//! document frequency is exact when its lists are inline, else the
//! smallest of its keys' article counts (an upper bound;
//! [`ArchiveAnswer::exact_ranking`] says which; a term of one key: its
//! list's length, exact). A list of more than [`LONG`] articles keeps its
//! best [`TOP`] with it (`Top`), so that a query of one key ranks its
//! first results without the article table.

mod build;
mod codec;
mod query;

use serde::{Deserialize, Serialize};

pub use build::{ArchiveBuilder, ArchiveFiles, PageMeta, PageRow, SegmentFiles, assemble, contents, merge};
pub use query::{Archive, ArchiveAnswer, ArchiveResult, breakdown};

use crate::model::{Article, fields};
use crate::text::fold::fold;
use codec::{Cursor, SEPARATOR};

/// The version of the format, in the manifest.
pub const FORMAT: u32 = 4;
/// The archive's entry: the one file not named by its content.
pub const MANIFEST: &str = "manifest.json";
/// About how many bytes of lists a shard holds.
pub const SHARD_BYTES: usize = 12 * 1024;
/// Lists longer than this are cut into pages of about this size.
pub const PAGE_BYTES: usize = 24 * 1024;
/// Articles a file of the article table.
pub const ARTICLE_CHUNK: usize = 256;
/// Pages a file of the page table.
pub const PAGE_CHUNK: usize = 128;
/// A list of more than [`LONG`] articles keeps its best this many with it
/// (see the module's ranking): a query of one or two characters ranks its first
/// results (the page shows 20) from them, without the article table.
pub const TOP: usize = 24;
/// Lists of more articles than this keep their [`TOP`].
pub const LONG: usize = 128;
/// The archive's entry: its segments, in order, and its contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Manifest {
    pub format: u32,
    pub pages: u32,
    pub articles: u32,
    /// Folded UTF-16 units of every article: the average length in ranking.
    pub units: u64,
    /// The segments: the archive's pages and articles are theirs one
    /// after another, numbered through.
    pub segments: Vec<Segment>,
    pub groups: Vec<Group>,
}

/// A part of the archive indexed on its own (a build adds one; small ones
/// are merged): its own shards and tables, numbering its articles and
/// pages from 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Segment {
    pub pages: u32,
    pub articles: u32,
    pub units: u64,
    /// Its name: a hash of its shards' and tables' contents, which are
    /// named after it (see [`Segment::files`]).
    pub id: String,
    /// How many shards.
    pub shards: u32,
    /// Articles a file of the article table, and how many files.
    pub chunk: u32,
    pub chunks: u32,
    /// Pages a file of the page table (each page's first article, data
    /// file and name: fetched for the results shown), and how many files.
    pub page_chunk: u32,
    pub page_tables: u32,
}

/// A part of the contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Group {
    pub name: String,
    /// Its first page's index and how many pages it has.
    pub first: u32,
    pub pages: u32,
    /// Its first and last dates, when the file names give them.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The file listing its pages.
    pub file: String,
}

impl Segment {
    /// Shard `i`'s file.
    pub fn shard_file(&self, i: u32) -> String {
        format!("s/{}-{i}.bin", self.id)
    }

    /// The article table's file `i`.
    pub fn chunk_file(&self, i: u32) -> String {
        format!("a/{}-{i}.bin", self.id)
    }

    /// The page table's file `i`.
    pub fn table_file(&self, i: u32) -> String {
        format!("n/{}-{i}.bin", self.id)
    }

    /// Its files that the manifest names, by its id and their number, in
    /// order: shards, article table, page table (list pages and pages'
    /// data are named in those).
    pub fn files(&self) -> impl Iterator<Item = String> + '_ {
        (0..self.shards)
            .map(|i| self.shard_file(i))
            .chain((0..self.chunks).map(|i| self.chunk_file(i)))
            .chain((0..self.page_tables).map(|i| self.table_file(i)))
    }
}

impl Manifest {
    /// Every file the manifest names.
    pub fn files(&self) -> impl Iterator<Item = String> + '_ {
        self.segments.iter().flat_map(Segment::files).chain(self.groups.iter().map(|g| g.file.clone()))
    }
}

/// Folds an article as the index sees it into `out`: its fields' folded
/// characters, each field followed by [`SEPARATOR`]. Returns where the
/// headline ends (the position after its last field) and the number of
/// folded UTF-16 units.
pub fn fold_article(article: &Article, out: &mut Vec<char>) -> (u32, u32) {
    out.clear();
    let mut headline_end = 0;
    let mut units = 0;
    for (field, text) in fields(article) {
        for c in text.chars().filter_map(fold) {
            units += c.len_utf16() as u32;
            out.push(c);
        }
        out.push(SEPARATOR);
        if field.is_headline() {
            headline_end = out.len() as u32;
        }
    }
    (headline_end, units)
}

/// BM25's constants, as the in-page search has them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

fn saturate(tf: f64, norm: f64) -> f64 {
    tf * (K1 + 1.0) / (tf + K1 * norm)
}

/// A term's weight in an article, before its idf: `head` and `body` its
/// occurrences in the headline and the rest, `length` the article's folded
/// UTF-16 units, `average` the archive's. It grows with `average`.
pub(crate) fn weight(head: f64, body: f64, length: u32, average: f64) -> f64 {
    let norm = 1.0 - B + B * f64::from(length) / average;
    saturate(body, norm) + crate::search::HEADLINE * saturate(head, 1.0)
}

/// A long list's best entries, kept in its shard: per article (in the
/// segment) its page, length, and the key's occurrences in its headline
/// and the rest — all the ranking needs — and what bounds every other
/// entry of the list at any average length: per pair of counts (headline,
/// rest) that no other pair outweighs, the shortest length among the
/// other entries with those counts and the first article of those that
/// weigh as much (the same length, or any when the rest count is 0). A
/// query of that one key ranks from them when its `limit`-th best ranks
/// before each of these (a higher weight, or the same and an earlier
/// article), so that no article table is fetched; else it fetches the
/// table as before.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Top {
    /// (article, page, length, head, body), by article.
    pub members: Vec<(u32, u32, u32, u32, u32)>,
    /// (head, body, shortest length, first article) of the others.
    pub rest: Vec<(u32, u32, u32, u32)>,
}

/// The [`Top`] of a list as the builder keeps it, given per article of
/// the segment its (page, length, end of headline), in the files' form:
/// the members' and the rest's numbers, nine Rice parameters, then per
/// member the gaps of its article and page, its length, and its two
/// counts, then per pair of the rest its two counts, its shortest length
/// and its first article.
pub(crate) fn top_block(leb: &[u8], single: bool, articles: &[(u32, u32, u32)], average: f64, k: usize) -> Vec<u8> {
    let mut all: Vec<(f64, u32, u32, u32)> = Vec::new();
    each_leb(leb, 0, single, |a, (h, b), at| {
        let (_, length, head_end) = articles[a as usize];
        let (h, b) = if single {
            (h, b)
        } else {
            let h = at.partition_point(|&p| p < head_end) as u32;
            (h, at.len() as u32 - h)
        };
        all.push((weight(f64::from(h), f64::from(b), length, average), a, h, b));
    });
    all.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let others = all.split_off(k.min(all.len()));
    // Per pair of counts: the shortest length (the others with those
    // counts weigh less, or as much when the rest count is 0) and the
    // first article among those that weigh the most.
    let mut shortest: rustc_hash::FxHashMap<(u32, u32), (u32, u32)> = rustc_hash::FxHashMap::default();
    for &(_, a, h, b) in &others {
        let length = articles[a as usize].1;
        let e = shortest.entry((h, b)).or_insert((length, a));
        if b == 0 {
            *e = (e.0.min(length), e.1.min(a));
        } else if length < e.0 || (length == e.0 && a < e.1) {
            *e = (length, a);
        }
    }
    let pairs: Vec<(u32, u32, u32, u32)> = shortest.iter().map(|(&(h, b), &(l, a))| (h, b, l, a)).collect();
    // A pair that another outweighs at every average is left out.
    let outweighed = |&(h, b, l, _): &(u32, u32, u32, u32)| {
        pairs.iter().any(|&(h2, b2, l2, _)| h2 >= h && b2 >= b && (h2, b2) != (h, b) && (l2 <= l || b == 0))
    };
    let mut rest: Vec<(u32, u32, u32, u32)> = pairs.iter().copied().filter(|p| !outweighed(p)).collect();
    rest.sort_unstable();
    all.sort_by_key(|m| m.1);
    let members: Vec<(u32, u32, u32, u32, u32)> =
        all.iter().map(|&(_, a, h, b)| (a, articles[a as usize].0, articles[a as usize].1, h, b)).collect();
    let mut out = Vec::new();
    codec::put(&mut out, members.len() as u64);
    codec::put(&mut out, rest.len() as u64);
    let gaps = |v: Vec<u32>| -> Vec<u32> {
        let mut last = 0;
        v.into_iter()
            .map(|x| {
                let d = x - last;
                last = x;
                d
            })
            .collect()
    };
    let columns = [
        gaps(members.iter().map(|m| m.0).collect()),
        gaps(members.iter().map(|m| m.1).collect()),
        members.iter().map(|m| m.2).collect(),
        members.iter().map(|m| m.3).collect(),
        members.iter().map(|m| m.4).collect(),
        rest.iter().map(|r| r.0).collect(),
        rest.iter().map(|r| r.1).collect(),
        rest.iter().map(|r| r.2).collect(),
        rest.iter().map(|r| r.3).collect::<Vec<u32>>(),
    ];
    let ks: Vec<u32> = columns.iter().map(|c| codec::best_k(c)).collect();
    let mut bits = codec::Bits::default();
    for &k in &ks {
        bits.bits(k, 5);
    }
    for i in 0..members.len() {
        for (c, &k) in columns[..5].iter().zip(&ks) {
            bits.rice(c[i], k);
        }
    }
    for i in 0..rest.len() {
        for (c, &k) in columns[5..].iter().zip(&ks[5..]) {
            bits.rice(c[i], k);
        }
    }
    out.extend_from_slice(&bits.finish());
    out
}

/// Reads what [`top_block`] wrote.
pub(crate) fn read_top(bytes: &[u8]) -> Result<Top, crate::Error> {
    let overflow = || codec::damaged("a number in a list overflows");
    let mut c = Cursor::new(bytes);
    let n = c.var()? as usize;
    let m = c.var()? as usize;
    let mut r = codec::BitReader::new(&bytes[c.at..]);
    let mut ks = [0u32; 9];
    for k in &mut ks {
        *k = r.bits(5)?;
    }
    // Every number takes a bit at least: a damaged count must not reserve more.
    let most = bytes.len() * 8;
    let mut members = Vec::with_capacity(n.min(most));
    let (mut a, mut p) = (0u32, 0u32);
    for _ in 0..n {
        a = a.checked_add(r.rice(ks[0])?).ok_or_else(overflow)?;
        p = p.checked_add(r.rice(ks[1])?).ok_or_else(overflow)?;
        members.push((a, p, r.rice(ks[2])?, r.rice(ks[3])?, r.rice(ks[4])?));
    }
    let mut rest = Vec::with_capacity(m.min(most));
    for _ in 0..m {
        rest.push((r.rice(ks[5])?, r.rice(ks[6])?, r.rice(ks[7])?, r.rice(ks[8])?));
    }
    Ok(Top { members, rest })
}

/// Steps over an entry's payload (after its article delta and flag).
fn skip_payload(c: &mut Cursor, single: bool, flag: bool) -> Result<(), crate::Error> {
    let n = if single {
        1 + u64::from(flag)
    } else if flag {
        c.var()?
    } else {
        1
    };
    for _ in 0..n {
        c.var()?;
    }
    Ok(())
}

/// An entry of a list: its article and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Payload {
    /// Of a character: how often in the headline, in the rest.
    Counts(u32, u32),
    /// Of a pair: the positions where it starts.
    At(Vec<u32>),
}

/// Calls `f` with each entry of a list as the builder keeps it (LEB128,
/// deltas from `base`): its article, and its counts (of a character) or
/// positions (of a pair).
fn each_leb(bytes: &[u8], base: u32, single: bool, mut f: impl FnMut(u32, (u32, u32), &[u32])) {
    let mut c = Cursor::new(bytes);
    let mut article = base;
    let mut positions = Vec::new();
    let var = |c: &mut Cursor| c.var().expect("our own list") as u32;
    while !c.done() {
        let head = var(&mut c);
        let flag = head & 1 == 1;
        article += head >> 1;
        if single {
            let h = if flag { var(&mut c) } else { 0 };
            f(article, (h, var(&mut c)), &[]);
        } else {
            let n = if flag { var(&mut c) } else { 1 };
            positions.clear();
            let mut p = 0u32;
            for i in 0..n {
                let d = var(&mut c);
                p = if i == 0 { d } else { p + d };
                positions.push(p);
            }
            f(article, (0, 0), &positions);
        }
    }
}

/// A list as the files hold it, from the builder's: three Rice parameters
/// (article gaps, first positions or counts in the rest, gaps between
/// positions), then per entry, in bits: its article's gap from the one
/// before (the first from `base`), a flag, and its payload — of a
/// character, the headline count less one when flagged and the count in
/// the rest; of a pair, the number of positions less two when flagged
/// (else one), the first position and the gaps less one.
pub(crate) fn encode_list(leb: &[u8], base: u32, single: bool) -> Vec<u8> {
    let (mut gaps, mut firsts, mut steps) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = base;
    each_leb(leb, base, single, |a, (_, b), at| {
        gaps.push(a - last);
        last = a;
        if single {
            firsts.push(b);
        } else {
            firsts.push(at[0]);
            steps.extend(at.windows(2).map(|w| w[1] - w[0] - 1));
        }
    });
    let (kg, kp, kq) = (codec::best_k(&gaps), codec::best_k(&firsts), codec::best_k(&steps));
    let mut out = codec::Bits::default();
    out.bits(kg | (kp << 5) | (kq << 10), 15);
    let mut last = base;
    each_leb(leb, base, single, |a, (h, b), at| {
        out.rice(a - last, kg);
        last = a;
        if single {
            out.bits(u32::from(h > 0), 1);
            if h > 0 {
                out.rice(h - 1, 1);
            }
            out.rice(b, kp);
        } else {
            out.bits(u32::from(at.len() > 1), 1);
            if at.len() > 1 {
                out.rice(at.len() as u32 - 2, 1);
            }
            out.rice(at[0], kp);
            for w in at.windows(2) {
                out.rice(w[1] - w[0] - 1, kq);
            }
        }
    });
    out.finish()
}

/// Reads `entries` entries of a list in the files' form whose gaps start
/// from `base`, keeping those of the articles `wanted`.
pub(crate) fn decode_list(
    bytes: &[u8],
    base: u32,
    entries: u32,
    single: bool,
    wanted: &impl Fn(u32) -> bool,
    out: &mut Vec<(u32, Payload)>,
) -> Result<(), crate::Error> {
    read_list(bytes, base, entries, single, None, |article, payload| {
        if wanted(article) {
            out.push((article, payload));
        }
    })
}

/// Bits of a list in the files' form per part: parameters, article gaps,
/// flags and counts, first positions (or counts in the rest), position gaps.
pub(crate) fn list_bits(bytes: &[u8], entries: u32, single: bool) -> Result<[u64; 5], crate::Error> {
    let mut bits = [0u64; 5];
    read_list(bytes, 0, entries, single, Some(&mut bits), |_, _| {})?;
    Ok(bits)
}

/// Bits of a list's article gaps, first positions (or counts in the
/// rest) and position gaps in the best Golomb code of each, its
/// parameters left out: what no code of that kind beats, beside the bits
/// the Rice codes take ([`list_bits`]).
pub(crate) fn list_golomb_bits(bytes: &[u8], entries: u32, single: bool) -> Result<u64, crate::Error> {
    let (mut gaps, mut firsts, mut steps) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = 0;
    read_list(bytes, 0, entries, single, None, |a, payload| {
        gaps.push(a - last);
        last = a;
        match payload {
            Payload::Counts(_, b) => firsts.push(b),
            Payload::At(at) => {
                firsts.push(at[0]);
                steps.extend(at.windows(2).map(|w| w[1] - w[0] - 1));
            }
        }
    })?;
    Ok([gaps, firsts, steps].iter().map(|v| codec::best_golomb_bits(v)).sum())
}

/// Reads a list in the files' form, giving `f` each entry; adds each
/// part's bits to `tally` (see [`list_bits`]) when asked.
fn read_list(
    bytes: &[u8],
    base: u32,
    entries: u32,
    single: bool,
    mut tally: Option<&mut [u64; 5]>,
    mut f: impl FnMut(u32, Payload),
) -> Result<(), crate::Error> {
    let overflow = || codec::damaged("a number in a list overflows");
    let mut r = codec::BitReader::new(bytes);
    let ks = r.bits(15)?;
    let (kg, kp, kq) = (ks & 31, (ks >> 5) & 31, (ks >> 10) & 31);
    let mut mark = 0;
    let mut take = |r: &codec::BitReader, part: usize| {
        if let Some(t) = tally.as_deref_mut() {
            t[part] += (r.read() - mark) as u64;
        }
        mark = r.read();
    };
    take(&r, 0);
    let mut article = base;
    for _ in 0..entries {
        article = article.checked_add(r.rice(kg)?).ok_or_else(overflow)?;
        take(&r, 1);
        let flag = r.bits(1)? == 1;
        let payload = if single {
            let h = if flag { r.rice(1)?.checked_add(1).ok_or_else(overflow)? } else { 0 };
            take(&r, 2);
            let b = r.rice(kp)?;
            take(&r, 3);
            Payload::Counts(h, b)
        } else {
            let n = if flag { r.rice(1)?.checked_add(2).ok_or_else(overflow)? } else { 1 };
            take(&r, 2);
            let mut at = Vec::with_capacity((n as usize).min(bytes.len() * 8));
            let mut p = r.rice(kp)?;
            take(&r, 3);
            at.push(p);
            for _ in 1..n {
                p = p.checked_add(r.rice(kq)?).and_then(|p| p.checked_add(1)).ok_or_else(overflow)?;
                at.push(p);
            }
            take(&r, 4);
            Payload::At(at)
        };
        f(article, payload);
    }
    Ok(())
}

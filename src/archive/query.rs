//! Answering a query from the files fetched so far (see the module's
//! design): the caller fetches what [`ArchiveAnswer::need`] names, adds it
//! with [`Archive::add_file`] and asks again, until the answer is complete.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::codec::{Cursor, bigram, damaged, is_unigram, shard_of, unigram};
use super::{Manifest, Payload, Segment, decode_list, weight};
use crate::Error;
use crate::search::parse_query;
use crate::text::fold::fold;

/// Pages of the driving list asked for at once, ahead of need.
const AHEAD: usize = 8;

/// An archive being searched: its manifest and the files fetched so far.
#[derive(Debug)]
pub struct Archive {
    manifest: Manifest,
    /// Per segment, its first article and first page in the archive.
    starts: Vec<(u32, u32)>,
    /// What each file of the manifest is: (segment, what, index).
    roles: FxHashMap<String, Vec<(u32, Role, u32)>>,
    /// By (segment, shard).
    shards: FxHashMap<(u32, u32), Shard>,
    pages: FxHashMap<String, Vec<u8>>,
    /// By (segment, file of its article table).
    chunks: FxHashMap<(u32, u32), Chunk>,
    /// Files of the page tables, by (segment, file): per page its first
    /// article (in the segment), data file, name.
    tables: FxHashMap<(u32, u32), Vec<TableRow>>,
}

/// A page's row of the page table: its first article (in its segment),
/// data file and name.
type TableRow = (u32, String, String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Shard,
    Chunk,
    Table,
}

/// A key's list in one segment: where its entries are, and the articles
/// (of the archive) the segment spans.
#[derive(Debug, Clone, Copy)]
struct Part<'a> {
    shard: &'a Shard,
    entry: &'a Entry,
    base: u32,
    end: u32,
}

/// A window of the driving list: the articles it covers and where its
/// entries are (a page of a paged list, with its first article, or a
/// segment's inline list).
type Window<'a> = (Range<u32>, Source<'a>);

#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    Inline(Part<'a>),
    Page(&'a str, u32, u32),
}

#[derive(Debug)]
pub(super) struct Shard {
    pub(super) bytes: Vec<u8>,
    pub(super) entries: FxHashMap<u64, Entry>,
    /// Where a long list's [`super::Top`] is in `bytes`, by key.
    pub(super) tops: FxHashMap<u64, Range<usize>>,
}

#[derive(Debug, Clone)]
pub(super) enum Entry {
    Inline { entries: u32, range: Range<usize> },
    Paged { entries: u32, pages: Vec<PageRef> },
}

impl Entry {
    fn entries(&self) -> u32 {
        match self {
            Entry::Inline { entries, .. } | Entry::Paged { entries, .. } => *entries,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct PageRef {
    /// Its first article; it covers the articles up to the next page's first.
    pub(super) first: u32,
    pub(super) entries: u32,
    pub(super) file: String,
}

#[derive(Debug)]
pub(super) struct Chunk {
    first: u32,
    /// Per article: page index, length in units, end of the headline.
    pub(super) rows: Vec<(u32, u32, u32)>,
}

/// A term's occurrences in an article.
#[derive(Debug, Clone)]
enum Occ {
    /// Of one character: in the headline, in the rest.
    Counts(u32, u32),
    /// Positions where it starts.
    At(Vec<u32>),
}

impl Occ {
    fn hits(&self) -> usize {
        match self {
            Occ::Counts(h, b) => (h + b) as usize,
            Occ::At(p) => p.len(),
        }
    }

    /// (headline, rest) term frequencies.
    fn tf(&self, headline_end: u32) -> (f64, f64) {
        match self {
            Occ::Counts(h, b) => (f64::from(*h), f64::from(*b)),
            Occ::At(p) => {
                let h = p.partition_point(|&x| x < headline_end);
                (h as f64, (p.len() - h) as f64)
            }
        }
    }
}

/// An article found: its number, each include term's occurrences, the
/// phrase's.
type Found = (u32, Vec<Occ>, Option<Occ>);

/// A folded term and the keys that pin it down, with their offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    chars: Vec<char>,
    keys: Vec<(u32, u64)>,
}

impl Term {
    fn new(chars: Vec<char>) -> Term {
        let keys = match chars.len() {
            0 => Vec::new(),
            1 => vec![(0, unigram(chars[0]))],
            n => {
                let mut offsets: Vec<usize> = (0..n - 1).step_by(2).collect();
                if offsets.last() != Some(&(n - 2)) {
                    offsets.push(n - 2);
                }
                offsets.into_iter().map(|o| (o as u32, bigram(chars[o], chars[o + 1]))).collect()
            }
        };
        Term { chars, keys }
    }
}

/// An article found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ArchiveResult {
    /// Its number in the archive.
    pub article: u32,
    /// Its page's index, name and data file, and its index on the page.
    pub page: u32,
    pub name: String,
    pub data: String,
    pub index: u32,
    pub score: f64,
    /// Occurrences of the query's terms in it.
    pub hits: usize,
}

/// An answer to a query, complete or so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ArchiveAnswer {
    /// Hits and articles found in the articles searched so far.
    pub total_hits: usize,
    pub total_results: usize,
    /// The best first.
    pub results: Vec<ArchiveResult>,
    /// Has every article been searched? Until then the totals grow.
    pub complete: bool,
    /// Articles searched so far (in archive order), of `articles`.
    pub searched: u32,
    pub articles: u32,
    /// The files to fetch (paths under the archive's folder) to go on.
    pub need: Vec<String>,
    /// Does the query hold only frequent characters, so that an exact
    /// answer means fetching a large part of the index?
    pub frequent: bool,
    /// Is every document frequency in the ranking exact (see the module)?
    pub exact_ranking: bool,
}

/// What the query asks, folded.
struct Plan {
    include: Vec<Term>,
    exclude: Vec<Term>,
    phrase: Option<Term>,
}

fn fold_term(text: &str) -> Vec<char> {
    text.chars().filter_map(fold).collect()
}

fn plan(query: &str) -> Plan {
    let mut include: Vec<Term> = Vec::new();
    let mut exclude: Vec<Term> = Vec::new();
    for t in parse_query(query) {
        let term = Term::new(fold_term(&t.text));
        let list = if t.exclude { &mut exclude } else { &mut include };
        if !term.chars.is_empty() && !list.contains(&term) {
            list.push(term);
        }
    }
    let phrase = (include.len() > 1).then(|| Term::new(include.iter().flat_map(|t| t.chars.iter().copied()).collect()));
    Plan { include, exclude, phrase }
}

impl Archive {
    /// An archive from its manifest's JSON.
    pub fn open(manifest: &str) -> Result<Archive, Error> {
        // The format first: another format's manifest differs in more than that.
        #[derive(serde::Deserialize)]
        struct Format {
            format: u32,
        }
        let format: Format = serde_json::from_str(manifest).map_err(|e| damaged(&format!("manifest: {e}")))?;
        if format.format != super::FORMAT {
            return Err(damaged(&format!(
                "it is of format {}, this reader reads format {}; build it again with this baozhi",
                format.format,
                super::FORMAT
            )));
        }
        let manifest: Manifest = serde_json::from_str(manifest).map_err(|e| damaged(&format!("manifest: {e}")))?;
        let mut starts = Vec::with_capacity(manifest.segments.len());
        let mut roles: FxHashMap<String, Vec<(u32, Role, u32)>> = FxHashMap::default();
        let (mut articles, mut pages) = (0u32, 0u32);
        for (s, seg) in manifest.segments.iter().enumerate() {
            starts.push((articles, pages));
            articles = articles.checked_add(seg.articles).ok_or_else(|| damaged("too many articles"))?;
            pages = pages.checked_add(seg.pages).ok_or_else(|| damaged("too many pages"))?;
            if seg.id.is_empty() || !seg.id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(damaged("a segment's name is not a name"));
            }
            for (role, n, name) in [
                (Role::Shard, seg.shards, Segment::shard_file as fn(&Segment, u32) -> String),
                (Role::Chunk, seg.chunks, Segment::chunk_file),
                (Role::Table, seg.page_tables, Segment::table_file),
            ] {
                // A file holds some of its units, articles or pages: a
                // damaged manifest must not ask for billions of names.
                if u64::from(n) > 4 * (seg.units + u64::from(seg.articles) + u64::from(seg.pages)) + 64 {
                    return Err(damaged("a segment has more files than articles"));
                }
                for i in 0..n {
                    roles.entry(name(seg, i)).or_default().push((s as u32, role, i));
                }
            }
        }
        if articles != manifest.articles || pages != manifest.pages {
            return Err(damaged("the manifest's segments do not add up to its pages and articles"));
        }
        Ok(Archive {
            manifest,
            starts,
            roles,
            shards: FxHashMap::default(),
            pages: FxHashMap::default(),
            chunks: FxHashMap::default(),
            tables: FxHashMap::default(),
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Adds a file fetched (by the path the answer named).
    pub fn add_file(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), Error> {
        // Files alike in content (empty shards) are named once for all.
        if let Some(roles) = self.roles.get(name) {
            for &(s, role, i) in roles {
                match role {
                    Role::Shard => {
                        self.shards.insert((s, i), read_shard(bytes.clone())?);
                    }
                    Role::Chunk => {
                        self.chunks.insert((s, i), read_chunk(&bytes)?);
                    }
                    Role::Table => {
                        self.tables.insert((s, i), read_table(&bytes)?);
                    }
                }
            }
        } else if name.starts_with("b/") {
            self.pages.insert(name.to_string(), bytes);
        } else {
            return Err(damaged(&format!("{name} is not a file of this archive's index")));
        }
        Ok(())
    }

    /// Bytes held (for the memory report).
    pub fn bytes(&self) -> usize {
        self.shards.values().map(|s| s.bytes.len() + s.entries.len() * 48).sum::<usize>()
            + self.pages.values().map(Vec::len).sum::<usize>()
            + self.chunks.values().map(|c| c.rows.len() * 12).sum::<usize>()
            + self.tables.values().map(|t| t.len() * 64).sum::<usize>()
    }

    /// A key's lists in every segment where it occurs, or `None` while a
    /// shard that holds it is not fetched.
    fn entry(&self, key: u64) -> Option<Vec<Part<'_>>> {
        let mut parts = Vec::new();
        for (s, seg) in self.manifest.segments.iter().enumerate() {
            let shard = self.shards.get(&(s as u32, shard_of(key, seg.shards)))?;
            if let Some(entry) = shard.entries.get(&key) {
                let base = self.starts[s].0;
                parts.push(Part { shard, entry, base, end: base + seg.articles });
            }
        }
        Some(parts)
    }

    /// The shards not fetched yet that hold `key`.
    fn shards_needed(&self, key: u64, need: &mut Vec<String>) {
        for (s, seg) in self.manifest.segments.iter().enumerate() {
            let i = shard_of(key, seg.shards);
            if !self.shards.contains_key(&(s as u32, i)) {
                need.push(seg.shard_file(i));
            }
        }
    }

    /// The segment of an article of the archive, and the article's number in it.
    fn segment_of(&self, a: u32) -> Result<(usize, u32), Error> {
        let s = self.starts.partition_point(|&(first, _)| first <= a);
        if s == 0 || a >= self.manifest.articles {
            return Err(damaged("an article is past the archive"));
        }
        Ok((s - 1, a - self.starts[s - 1].0))
    }

    /// The file of the article table that holds article `a`: (segment, index).
    fn chunk_of(&self, a: u32) -> Result<(u32, u32), Error> {
        let (s, local) = self.segment_of(a)?;
        Ok((s as u32, local / self.manifest.segments[s].chunk.max(1)))
    }

    /// Asks for the article table's files of `range` not fetched yet.
    fn chunks_needed(&self, range: &Range<u32>, need: &mut Vec<String>) -> Result<(), Error> {
        if range.is_empty() {
            return Ok(());
        }
        let (mut a, end) = (range.start, range.end);
        while a < end {
            let (s, c) = self.chunk_of(a)?;
            let seg = &self.manifest.segments[s as usize];
            if !self.chunks.contains_key(&(s, c)) {
                need.push(chunk_file(seg, c)?);
            }
            // The next file's first article.
            let start = self.starts[s as usize].0;
            a = (start + (c + 1) * seg.chunk.max(1)).min(start + seg.articles);
        }
        Ok(())
    }

    /// Answers `query` as far as the files fetched allow; `limit` results
    /// at most.
    pub fn search(&self, query: &str, limit: usize) -> Result<ArchiveAnswer, Error> {
        let plan = plan(query);
        let n = self.manifest.articles;
        let mut answer = ArchiveAnswer { articles: n, exact_ranking: true, ..Default::default() };
        if plan.include.is_empty() {
            answer.complete = true;
            answer.searched = n;
            return Ok(answer);
        }
        // Every term's shards first, in every segment.
        let all_terms = || plan.include.iter().chain(&plan.exclude).chain(&plan.phrase);
        let mut need: Vec<String> = Vec::new();
        for term in all_terms() {
            for &(_, key) in &term.keys {
                self.shards_needed(key, &mut need);
            }
        }
        if !need.is_empty() {
            need.sort();
            need.dedup();
            answer.need = need;
            return Ok(answer);
        }
        let entry = |key: u64| self.entry(key).unwrap_or_default();
        let entries = |parts: &[Part]| parts.iter().map(|p| p.entry.entries()).sum::<u32>();
        let paged = |parts: &[Part]| parts.iter().any(|p| matches!(p.entry, Entry::Paged { .. }));
        // A term with a key that occurs nowhere occurs nowhere.
        if plan.include.iter().any(|t| t.keys.iter().any(|&(_, k)| entry(k).is_empty())) {
            answer.complete = true;
            answer.searched = n;
            return Ok(answer);
        }
        let (_, driver) = plan
            .include
            .iter()
            .flat_map(|t| t.keys.iter())
            .map(|&(_, k)| (entries(&entry(k)), k))
            .min()
            .expect("a term has a key");
        let driving = entry(driver);
        answer.frequent = paged(&driving);
        // Windows in archive order, covering it all.
        let mut windows: Vec<Window> = Vec::new();
        for part in &driving {
            match part.entry {
                Entry::Inline { .. } => windows.push((part.base..part.end, Source::Inline(*part))),
                Entry::Paged { pages, .. } => {
                    for (i, p) in pages.iter().enumerate() {
                        let end = pages.get(i + 1).map_or(part.end, |q| part.base + q.first);
                        windows.push((part.base + p.first..end, Source::Page(&p.file, part.base + p.first, p.entries)));
                    }
                }
            }
        }
        // What each window's entries span (before the windows are made to
        // cover the archive), to fetch the article table ahead only where
        // it is dense enough to be used.
        let spans: Vec<(Range<u32>, u32)> = windows
            .iter()
            .map(|(r, s)| match s {
                Source::Page(_, _, entries) => (r.clone(), *entries),
                Source::Inline(part) => (r.clone(), part.entry.entries()),
            })
            .collect();
        let mut previous = 0;
        for (range, _) in &mut windows {
            range.start = previous;
            previous = range.end;
        }
        if let Some((range, _)) = windows.last_mut() {
            range.end = n;
        }
        let mut found: Vec<Found> = Vec::new();
        let mut searched = 0;
        let mut stopped = false;
        let mut keys: Vec<u64> = plan.include.iter().flat_map(|t| t.keys.iter().map(|&(_, k)| k)).collect();
        keys.sort_by_key(|&k| {
            let parts = entry(k);
            (paged(&parts), entries(&parts))
        });
        keys.dedup();
        // Will the lists' best rank the first results (`ranked_by_tops`)?
        let by_tops = Self::single_key(&plan).is_some_and(|k| {
            driving.iter().any(|p| {
                p.shard.tops.get(&k).is_some_and(|r| {
                    super::read_top(&p.shard.bytes[r.clone()]).is_ok_and(|t| limit > 0 && t.members.len() >= limit)
                })
            })
        });
        for (w, (range, source)) in windows.iter().enumerate() {
            if let Source::Page(file, ..) = source
                && !self.pages.contains_key(*file)
            {
                // Ask for this window's page and a few after it, and the
                // article table for those windows, to rank what they hold.
                let per = self.manifest.segments.iter().map(|s| s.chunk).max().unwrap_or(1).max(1);
                for ((_, s), (span, entries)) in windows[w..].iter().zip(&spans[w..]).take(AHEAD) {
                    if let Source::Page(f, ..) = s
                        && !self.pages.contains_key(*f)
                    {
                        need.push(f.to_string());
                    }
                    // A sparse window's table is asked for once its
                    // articles are known (below), not all of its span;
                    // a list that keeps its best ranks without it.
                    if !by_tops && (span.end - span.start).div_ceil(per) <= *entries {
                        self.chunks_needed(span, &mut need)?;
                    }
                }
                stopped = true;
                break;
            }
            let mut driven = Vec::new();
            match source {
                Source::Page(file, first, entries) => {
                    decode_list(&self.pages[*file], *first, *entries, is_unigram(driver), &|_| true, &mut driven)?
                }
                Source::Inline(part) => driven = self.decode(&[*part], driver, None, &mut need)?,
            }
            let mut candidates: Vec<u32> = driven.into_iter().map(|(a, _)| a).filter(|a| range.contains(a)).collect();
            // Narrow by the include keys at hand before fetching pages for the others.
            let mut lists: FxHashMap<u64, FxHashMap<u32, Payload>> = FxHashMap::default();
            for &key in &keys {
                if candidates.is_empty() {
                    break;
                }
                let list: FxHashMap<u32, Payload> =
                    self.decode(&entry(key), key, Some(&candidates), &mut need)?.into_iter().collect();
                if !need.is_empty() {
                    break;
                }
                candidates.retain(|a| list.contains_key(a));
                lists.insert(key, list);
            }
            if need.is_empty() && !candidates.is_empty() {
                for term in plan.exclude.iter().chain(&plan.phrase) {
                    for &(_, key) in &term.keys {
                        if lists.contains_key(&key) {
                            continue;
                        }
                        let list = self.decode(&entry(key), key, Some(&candidates), &mut need)?.into_iter().collect();
                        lists.insert(key, list);
                    }
                }
            }
            if !need.is_empty() {
                stopped = true;
                break;
            }
            for &a in &candidates {
                let occ: Option<Vec<Occ>> = plan.include.iter().map(|t| occurrences(t, a, &lists)).collect();
                let Some(occ) = occ else { continue };
                if plan.exclude.iter().any(|t| occurrences(t, a, &lists).is_some()) {
                    continue;
                }
                let phrase = plan.phrase.as_ref().and_then(|t| occurrences(t, a, &lists));
                found.push((a, occ, phrase));
            }
            searched = range.end;
        }
        answer.total_results = found.len();
        answer.total_hits = found.iter().map(|(_, o, _)| o.iter().map(Occ::hits).sum::<usize>()).sum();
        answer.searched = searched;
        let average = (self.manifest.units as f64 / f64::from(n).max(1.0)).max(1.0);
        let ranked = match self.ranked_by_tops(&plan, limit, &found, stopped.then_some(searched), average, &mut need)? {
            Tops::Ranked(ranked) => ranked,
            Tops::Waiting => {
                need.sort();
                need.dedup();
                answer.need = need;
                return Ok(answer);
            }
            Tops::No => {
                // The article table for every article found, to rank them.
                let mut chunks: Vec<(u32, u32)> = Vec::new();
                for (a, ..) in &found {
                    let c = self.chunk_of(*a)?;
                    if chunks.last() != Some(&c) {
                        chunks.push(c);
                    }
                }
                let mut waiting = false;
                for (s, c) in chunks {
                    if !self.chunks.contains_key(&(s, c)) {
                        let seg = &self.manifest.segments[s as usize];
                        need.push(chunk_file(seg, c)?);
                        waiting = true;
                    }
                }
                if waiting {
                    // The totals are known; the ranking waits for the table.
                    need.sort();
                    need.dedup();
                    answer.need = need;
                    return Ok(answer);
                }
                // Document frequencies, summed over the segments.
                let mut df = Vec::new();
                for term in plan.include.iter().chain(&plan.phrase) {
                    let (d, exact) = self.df(term)?;
                    answer.exact_ranking &= exact;
                    df.push(d);
                }
                let mut ranked: Vec<Ranked> = Vec::with_capacity(found.len());
                for (a, occ, phrase) in &found {
                    let (page, length, headline_end) = self.row(*a)?;
                    let mut score = 0.0;
                    for (o, &d) in occ.iter().map(Some).chain([phrase.as_ref()]).zip(&df) {
                        let Some(o) = o else { continue };
                        let (head, body) = o.tf(headline_end);
                        score += idf(f64::from(n), d) * weight(head, body, length, average);
                    }
                    ranked.push((score, *a, page, occ.iter().map(Occ::hits).sum()));
                }
                ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
                ranked
            }
        };
        // The page tables for the results shown.
        let mut tables = Vec::new();
        for &(_, _, page, _) in ranked.iter().take(limit) {
            let t = self.table_of(page)?;
            if !self.tables.contains_key(&t) && !tables.contains(&t) {
                tables.push(t);
            }
        }
        for (s, t) in tables {
            let seg = &self.manifest.segments[s as usize];
            if t >= seg.page_tables {
                return Err(damaged("a page is past the table"));
            }
            need.push(seg.table_file(t));
        }
        // Until they arrive, the results whose page is known are given.
        for (score, a, page, hits) in ranked.into_iter().take(limit) {
            if !self.tables.contains_key(&self.table_of(page)?) {
                continue;
            }
            let (first, data, name) = self.page_of(page)?;
            answer.results.push(ArchiveResult {
                article: a,
                page,
                name: name.to_string(),
                data: data.to_string(),
                index: a.checked_sub(first).ok_or_else(|| damaged("an article is before its page"))?,
                score: (score * 1e4).round() / 1e4,
                hits,
            });
        }
        answer.searched = if stopped { searched } else { n };
        answer.complete = !stopped && need.is_empty();
        need.sort();
        need.dedup();
        answer.need = need;
        Ok(answer)
    }

    /// Is `plan` one term of one key (one or two characters) with nothing
    /// left out, so that a [`super::Top`] may rank it? Its key.
    fn single_key(plan: &Plan) -> Option<u64> {
        match (plan.include.as_slice(), plan.exclude.is_empty()) {
            ([term], true) if term.keys.len() == 1 => Some(term.keys[0].1),
            _ => None,
        }
    }

    /// The best `limit` results of a query of one key from the [`super::Top`]s
    /// its long lists keep, without the article table: every segment's
    /// list has one, or is short (a day's segment) and its articles' rows
    /// are fetched (`Waiting` until they are), and the `limit`-th best
    /// ranks before every other entry's bound. `searched` is how far the
    /// query has searched when it has not searched all.
    fn ranked_by_tops(
        &self,
        plan: &Plan,
        limit: usize,
        found: &[Found],
        searched: Option<u32>,
        average: f64,
        need: &mut Vec<String>,
    ) -> Result<Tops, Error> {
        let Some(key) = Self::single_key(plan) else { return Ok(Tops::No) };
        let parts = self.entry(key).unwrap_or_default();
        if limit == 0 || !parts.iter().any(|p| p.shard.tops.contains_key(&key)) {
            return Ok(Tops::No);
        }
        let n = f64::from(self.manifest.articles);
        let idf = idf(n, f64::from(parts.iter().map(|p| p.entry.entries()).sum::<u32>()));
        // Per segment with a `Top`, its others' bounds: (weight, first article).
        let mut bounds: Vec<(f64, u32)> = Vec::new();
        let mut ranked: Vec<Ranked> = Vec::new();
        let mut waiting = false;
        let past = || damaged("a list's best articles are past its segment");
        for part in &parts {
            let (s, _) = self.segment_of(part.base)?;
            match part.shard.tops.get(&key) {
                Some(range) => {
                    let top = super::read_top(&part.shard.bytes[range.clone()])?;
                    if top.members.len() < limit {
                        return Ok(Tops::No);
                    }
                    for &(h, b, length, a) in &top.rest {
                        let a = part.base.checked_add(a).filter(|&a| a < part.end).ok_or_else(past)?;
                        bounds.push((idf * weight(f64::from(h), f64::from(b), length, average), a));
                    }
                    for &(a, page, length, h, b) in &top.members {
                        let w = weight(f64::from(h), f64::from(b), length, average);
                        let a = part.base.checked_add(a).filter(|&a| a < part.end).ok_or_else(past)?;
                        let page =
                            self.starts[s].1.checked_add(page).filter(|&p| p < self.manifest.pages).ok_or_else(past)?;
                        ranked.push((idf * w, a, page, (h + b) as usize));
                    }
                }
                None => {
                    // A short list (no `Top`): its entries, from its shard
                    // when inline, else as far as the query has found them.
                    let entries: Vec<(u32, Occ)> = match part.entry {
                        Entry::Inline { .. } => {
                            let mut unused = Vec::new();
                            self.decode(&[*part], key, None, &mut unused)?
                                .into_iter()
                                .map(|(a, p)| match p {
                                    Payload::Counts(h, b) => (a, Occ::Counts(h, b)),
                                    Payload::At(at) => (a, Occ::At(at)),
                                })
                                .collect()
                        }
                        Entry::Paged { .. } => {
                            if searched.is_some_and(|at| at < part.end) {
                                return Ok(Tops::No);
                            }
                            found
                                .iter()
                                .filter(|f| (part.base..part.end).contains(&f.0))
                                .map(|(a, occ, _)| (*a, occ[0].clone()))
                                .collect()
                        }
                    };
                    for (a, occ) in entries {
                        let (s, c) = self.chunk_of(a)?;
                        if !self.chunks.contains_key(&(s, c)) {
                            need.push(chunk_file(&self.manifest.segments[s as usize], c)?);
                            waiting = true;
                            continue;
                        }
                        let (page, length, headline_end) = self.row(a)?;
                        let (head, body) = occ.tf(headline_end);
                        ranked.push((idf * weight(head, body, length, average), a, page, occ.hits()));
                    }
                }
            }
        }
        if waiting {
            return Ok(Tops::Waiting);
        }
        ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        // Every other entry must rank after the `limit`-th: it weighs less,
        // or as much with a later article (the weights are computed alike,
        // so equal counts and lengths give equal weights).
        let Some(&(last, article, ..)) = ranked.get(limit - 1) else { return Ok(Tops::No) };
        if bounds.iter().any(|&(w, a)| w > last || (w == last && a < article)) {
            return Ok(Tops::No);
        }
        ranked.truncate(limit);
        Ok(Tops::Ranked(ranked))
    }

    /// A term's document frequency over every segment: exact when all its
    /// lists are inline, else its rarest key's (an upper bound).
    fn df(&self, term: &Term) -> Result<(f64, bool), Error> {
        let mut entries = Vec::new();
        for &(_, key) in &term.keys {
            let parts = self.entry(key).unwrap_or_default();
            if parts.is_empty() {
                return Ok((0.0, true));
            }
            entries.push((key, parts));
        }
        let count = |parts: &[Part]| parts.iter().map(|p| p.entry.entries()).sum::<u32>();
        // A term of one key is in the articles of its list.
        if let [(_, parts)] = entries.as_slice() {
            return Ok((f64::from(count(parts)), true));
        }
        if entries.iter().any(|(_, parts)| parts.iter().any(|p| matches!(p.entry, Entry::Paged { .. }))) {
            let least = entries.iter().map(|(_, parts)| count(parts)).min().unwrap_or(0);
            return Ok((f64::from(least), false));
        }
        let mut lists = FxHashMap::default();
        let mut unused = Vec::new();
        for (key, parts) in &entries {
            lists.insert(*key, self.decode(parts, *key, None, &mut unused)?.into_iter().collect::<FxHashMap<_, _>>());
        }
        let (_, driver) = entries.iter().map(|(k, parts)| (count(parts), *k)).min().expect("a key");
        let count = lists[&driver].keys().filter(|&&a| occurrences(term, a, &lists).is_some()).count();
        Ok((count as f64, true))
    }

    /// Article `a`'s row of the table: page (of the archive), length, end
    /// of headline.
    fn row(&self, a: u32) -> Result<(u32, u32, u32), Error> {
        let (s, c) = self.chunk_of(a)?;
        let chunk = self.chunks.get(&(s, c)).ok_or_else(|| damaged("a table file is missing"))?;
        let local = a - self.starts[s as usize].0;
        let (page, length, head) = chunk
            .rows
            .get(local.wrapping_sub(chunk.first) as usize)
            .copied()
            .ok_or_else(|| damaged("an article is past its table file"))?;
        Ok((page + self.starts[s as usize].1, length, head))
    }

    /// The file of the page tables that holds page `page`: (segment, index).
    fn table_of(&self, page: u32) -> Result<(u32, u32), Error> {
        let s = self.starts.partition_point(|&(_, first)| first <= page);
        if s == 0 || page >= self.manifest.pages {
            return Err(damaged("a page is past the archive"));
        }
        let seg = &self.manifest.segments[s - 1];
        Ok(((s - 1) as u32, (page - self.starts[s - 1].1) / seg.page_chunk.max(1)))
    }

    /// A page's first article (of the archive), data file and name.
    fn page_of(&self, page: u32) -> Result<(u32, &str, &str), Error> {
        let (s, t) = self.table_of(page)?;
        let seg = &self.manifest.segments[s as usize];
        let (first_article, first_page) = self.starts[s as usize];
        let table = self.tables.get(&(s, t)).ok_or_else(|| damaged("a page table file is missing"))?;
        table
            .get(((page - first_page) % seg.page_chunk.max(1)) as usize)
            .map(|p| (p.0 + first_article, p.1.as_str(), p.2.as_str()))
            .ok_or_else(|| damaged("a page is missing from the table"))
    }

    /// A key's entries over its parts: all of them, or those of `only`
    /// (sorted). The pages of a paged list that are needed and not
    /// fetched go to `need`.
    fn decode(
        &self,
        parts: &[Part],
        key: u64,
        only: Option<&[u32]>,
        need: &mut Vec<String>,
    ) -> Result<Vec<(u32, Payload)>, Error> {
        let single = is_unigram(key);
        let mut out = Vec::new();
        let wanted = |a: u32| only.is_none_or(|o| o.binary_search(&a).is_ok());
        for part in parts {
            if let Some(only) = only
                && !only.iter().any(|a| (part.base..part.end).contains(a))
            {
                continue;
            }
            match part.entry {
                Entry::Inline { range, entries } => {
                    decode_list(&part.shard.bytes[range.clone()], part.base, *entries, single, &wanted, &mut out)?
                }
                Entry::Paged { pages, .. } => {
                    let mut used: FxHashSet<usize> = FxHashSet::default();
                    match only {
                        None => used.extend(0..pages.len()),
                        Some(only) => {
                            for &a in only.iter().filter(|a| (part.base..part.end).contains(a)) {
                                let i = pages.partition_point(|p| part.base + p.first <= a);
                                if i > 0 {
                                    used.insert(i - 1);
                                }
                            }
                        }
                    }
                    let mut used: Vec<usize> = used.into_iter().collect();
                    used.sort_unstable();
                    for i in used {
                        match self.pages.get(&pages[i].file) {
                            Some(bytes) => decode_list(
                                bytes,
                                part.base + pages[i].first,
                                pages[i].entries,
                                single,
                                &wanted,
                                &mut out,
                            )?,
                            None => need.push(pages[i].file.clone()),
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The article table's file `c` of a segment.
fn chunk_file(seg: &super::Segment, c: u32) -> Result<String, Error> {
    if c >= seg.chunks {
        return Err(damaged("an article is past the table"));
    }
    Ok(seg.chunk_file(c))
}

/// BM25's idf of a term in `d` of `n` articles, as the in-page search has it.
fn idf(n: f64, d: f64) -> f64 {
    (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
}

/// A result ranked: its score, article, page, hits.
type Ranked = (f64, u32, u32, usize);

/// What the [`super::Top`]s give a query.
enum Tops {
    /// Not for this query: rank from the article table.
    No,
    /// The rows of a short list's articles are being fetched.
    Waiting,
    /// The best results, ranked.
    Ranked(Vec<Ranked>),
}

/// Where `term` occurs in article `a`, from its keys' lists; `None` where
/// it does not.
fn occurrences(term: &Term, a: u32, lists: &FxHashMap<u64, FxHashMap<u32, Payload>>) -> Option<Occ> {
    let payload = |key: u64| lists.get(&key).and_then(|l| l.get(&a));
    match term.keys.as_slice() {
        [] => None,
        [(_, key)] if term.chars.len() == 1 => match payload(*key)? {
            Payload::Counts(h, b) => Some(Occ::Counts(*h, *b)),
            Payload::At(_) => None,
        },
        keys => {
            let at = |key: u64| match payload(key) {
                Some(Payload::At(p)) => Some(p),
                _ => None,
            };
            let mut sets = Vec::with_capacity(keys.len());
            for &(offset, key) in keys {
                sets.push((offset, at(key)?));
            }
            let positions: Vec<u32> = sets[0]
                .1
                .iter()
                .copied()
                .filter(|&p| sets[1..].iter().all(|(o, set)| set.binary_search(&(p + o)).is_ok()))
                .collect();
            (!positions.is_empty()).then_some(Occ::At(positions))
        }
    }
}

pub(super) fn read_shard(bytes: Vec<u8>) -> Result<Shard, Error> {
    let mut entries = FxHashMap::default();
    let mut tops = FxHashMap::default();
    let mut c = Cursor::new(&bytes);
    c.magic(b"BZS2")?;
    let n = c.var()?;
    let mut key = 0u64;
    for _ in 0..n {
        key = key.checked_add(c.var()?).ok_or_else(|| damaged("a key overflows"))?;
        let count = c.u32()?;
        let kind = c.var()?;
        let entry = match kind & !2 {
            0 => {
                let len = c.var()? as usize;
                let from = c.at;
                c.take(len)?;
                Entry::Inline { entries: count, range: from..from + len }
            }
            1 => {
                let pages = c.var()? as usize;
                let mut refs = Vec::with_capacity(pages.min(bytes.len()));
                let mut first = 0u32;
                for _ in 0..pages {
                    first = first.checked_add(c.u32()?).ok_or_else(|| damaged("an article number overflows"))?;
                    let entries = c.u32()?;
                    refs.push(PageRef { first, entries, file: c.str()?.to_string() });
                }
                Entry::Paged { entries: count, pages: refs }
            }
            _ => return Err(damaged("a shard has an entry of an unknown kind")),
        };
        if kind & 2 == 2 {
            let len = c.var()? as usize;
            let from = c.at;
            c.take(len)?;
            tops.insert(key, from..from + len);
        }
        entries.insert(key, entry);
    }
    Ok(Shard { bytes, entries, tops })
}

pub(super) fn read_chunk(bytes: &[u8]) -> Result<Chunk, Error> {
    let mut c = Cursor::new(bytes);
    c.magic(b"BZA1")?;
    let first = c.u32()?;
    let n = c.var()? as usize;
    let mut page = c.u32()?;
    let mut rows = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        page = page.checked_add(c.u32()?).ok_or_else(|| damaged("a page number overflows"))?;
        rows.push((page, c.u32()?, c.u32()?));
    }
    Ok(Chunk { first, rows })
}

fn read_table(bytes: &[u8]) -> Result<Vec<TableRow>, Error> {
    let mut c = Cursor::new(bytes);
    c.magic(b"BZN1")?;
    c.var()?;
    let n = c.var()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let first = c.u32()?;
        let data = c.str()?.to_string();
        out.push((first, data, c.str()?.to_string()));
    }
    Ok(out)
}

/// Where an archive's index bytes go: per part of the lists (article gaps,
/// flags and counts, positions) of pairs and of characters, and the shards'
/// own bytes (keys, lengths, list pages' names), each in bytes; and how
/// many of the pairs' entries and position bytes are in lists of at most
/// 1, 4, 16, 64 articles; and the lists' numbers in their Rice codes beside
/// the same in each one's best Golomb code, how far the codes are from the
/// best of their kind. `files` gives a file's bytes by name.
pub fn breakdown(manifest: &Manifest, files: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<(String, f64)>, Error> {
    const PARTS: [&str; 9] = [
        "pairs: parameters",
        "pairs: article gaps",
        "pairs: flags and counts",
        "pairs: first positions",
        "pairs: position gaps",
        "characters: parameters",
        "characters: article gaps",
        "characters: flags and headline counts",
        "characters: counts in the rest",
    ];
    let mut bits = [0u64; PARTS.len()];
    let (mut shard_own, mut tops) = (0u64, 0u64);
    // The lists' article gaps, first positions or counts in the rest, and
    // position gaps: in their Rice codes, and in each one's best Golomb code.
    let (mut rice, mut golomb) = (0u64, 0u64);
    // Lists (pairs and characters) of more articles than these.
    const REPORTED_LENGTHS: [u32; 5] = [20, 32, 64, 128, 256];
    let mut long = [0u64; REPORTED_LENGTHS.len()];
    let (mut pair_entries, mut char_entries) = (0u64, 0u64);
    // Per df bound: pair entries, and bits of their positions.
    const BOUNDS: [u32; 4] = [1, 4, 16, 64];
    let mut by_df = [(0u64, 0u64); BOUNDS.len()];
    let missing = |name: &str| damaged(&format!("{name} is missing"));
    for seg in &manifest.segments {
        for i in 0..seg.shards {
            let name = &seg.shard_file(i);
            let shard = read_shard(files(name).ok_or_else(|| missing(name))?)?;
            let mut inline = 0u64;
            for (&key, entry) in &shard.entries {
                let single = is_unigram(key);
                let lists: Vec<(Vec<u8>, u32)> = match entry {
                    Entry::Inline { entries, range } => {
                        inline += range.len() as u64;
                        vec![(shard.bytes[range.clone()].to_vec(), *entries)]
                    }
                    Entry::Paged { pages, .. } => pages
                        .iter()
                        .map(|p| Ok((files(&p.file).ok_or_else(|| missing(&p.file))?, p.entries)))
                        .collect::<Result<_, Error>>()?,
                };
                let df = entry.entries();
                for (i, &more) in REPORTED_LENGTHS.iter().enumerate() {
                    if df > more {
                        long[i] += 1;
                    }
                }
                for (bytes, entries) in lists {
                    let t = super::list_bits(&bytes, entries, single)?;
                    rice += t[1] + t[3] + t[4];
                    golomb += super::list_golomb_bits(&bytes, entries, single)?;
                    let o = if single { 5 } else { 0 };
                    for (i, b) in t.iter().enumerate().take(if single { 4 } else { 5 }) {
                        bits[o + i] += b;
                    }
                    if single {
                        char_entries += u64::from(entries);
                    } else {
                        pair_entries += u64::from(entries);
                        for (i, &bound) in BOUNDS.iter().enumerate() {
                            if df <= bound {
                                by_df[i].0 += u64::from(entries);
                                by_df[i].1 += t[3] + t[4];
                            }
                        }
                    }
                }
            }
            let best: u64 = shard.tops.values().map(|r| r.len() as u64).sum();
            tops += best;
            shard_own += shard.bytes.len() as u64 - inline - best;
        }
    }
    let mut out: Vec<(String, f64)> = PARTS.iter().zip(bits).map(|(p, b)| (p.to_string(), b as f64 / 8.0)).collect();
    out.push(("shards' own bytes (keys, lengths, list pages' names)".into(), shard_own as f64));
    out.push(("long lists' best articles (for ranking)".into(), tops as f64));
    out.push(("lists' article gaps, first positions or counts, position gaps: Rice".into(), rice as f64 / 8.0));
    out.push((
        "  the same in each one's best Golomb code (a bound for codes of their kind)".into(),
        golomb as f64 / 8.0,
    ));
    for (more, n) in REPORTED_LENGTHS.iter().zip(long) {
        out.push((format!("lists of more than {more} articles"), n as f64));
    }
    out.push(("pair entries".into(), pair_entries as f64));
    out.push(("character entries".into(), char_entries as f64));
    for (bound, (n, b)) in BOUNDS.iter().zip(by_df) {
        out.push((format!("pair entries in lists of at most {bound} articles"), n as f64));
        out.push(("  their positions' bytes".to_string(), b as f64 / 8.0));
    }
    Ok(out)
}

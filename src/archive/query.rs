//! Answering a query from the files fetched so far (see the module's
//! design): the caller fetches what [`ArchiveAnswer::need`] names, adds it
//! with [`Archive::add_file`] and asks again, until the answer is complete.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::codec::{Cursor, bigram, damaged, is_unigram, shard_of, unigram};
use super::{Manifest, skip_payload};
use crate::Error;
use crate::search::{HEADLINE, parse_query};
use crate::text::fold::fold;

/// BM25's constants, as the in-page search has them.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Pages of the driving list asked for at once, ahead of need.
const AHEAD: usize = 8;

/// An archive being searched: its manifest and the files fetched so far.
#[derive(Debug)]
pub struct Archive {
    manifest: Manifest,
    shards: FxHashMap<u32, Shard>,
    pages: FxHashMap<String, Vec<u8>>,
    chunks: FxHashMap<u32, Chunk>,
    /// Files of the page table: per page its first article, data file, name.
    tables: FxHashMap<u32, Vec<(u32, String, String)>>,
}

#[derive(Debug)]
struct Shard {
    bytes: Vec<u8>,
    entries: FxHashMap<u64, Entry>,
}

#[derive(Debug, Clone)]
enum Entry {
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
struct PageRef {
    /// Its first article; it covers the articles up to the next page's first.
    first: u32,
    file: String,
}

#[derive(Debug)]
struct Chunk {
    first: u32,
    /// Per article: page index, length in units, end of the headline.
    rows: Vec<(u32, u32, u32)>,
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

/// One list's entry payload.
#[derive(Debug, Clone)]
enum Payload {
    Counts(u32, u32),
    At(Vec<u32>),
}

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
        let manifest: Manifest = serde_json::from_str(manifest).map_err(|e| damaged(&format!("manifest: {e}")))?;
        if manifest.format != super::FORMAT {
            return Err(damaged(&format!(
                "it is of format {}, this reader reads format {}; build it again with this baozhi",
                manifest.format,
                super::FORMAT
            )));
        }
        Ok(Archive {
            manifest,
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
        // Shards alike in content (empty ones) share a file.
        let same: Vec<usize> = (0..self.manifest.shards.len()).filter(|&i| self.manifest.shards[i] == name).collect();
        if let Some((&last, rest)) = same.split_last() {
            for &i in rest {
                self.shards.insert(i as u32, read_shard(bytes.clone())?);
            }
            self.shards.insert(last as u32, read_shard(bytes)?);
        } else if let Some(i) = self.manifest.chunks.iter().position(|s| s == name) {
            self.chunks.insert(i as u32, read_chunk(&bytes)?);
        } else if let Some(i) = self.manifest.page_tables.iter().position(|s| s == name) {
            self.tables.insert(i as u32, read_table(&bytes)?);
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

    fn entry(&self, key: u64) -> Option<Option<(&Shard, &Entry)>> {
        let s = shard_of(key, self.manifest.shards.len() as u32);
        let shard = self.shards.get(&s)?;
        Some(shard.entries.get(&key).map(|e| (shard, e)))
    }

    /// Answers `query` as far as the files fetched allow; `limit` results
    /// at most.
    pub fn search(&self, query: &str, limit: usize) -> Result<ArchiveAnswer, Error> {
        let plan = plan(query);
        let mut answer = ArchiveAnswer { articles: self.manifest.articles, exact_ranking: true, ..Default::default() };
        if plan.include.is_empty() {
            answer.complete = true;
            answer.searched = self.manifest.articles;
            return Ok(answer);
        }
        // Every term's shards first.
        let all_terms = || plan.include.iter().chain(&plan.exclude).chain(&plan.phrase);
        let mut need: Vec<String> = Vec::new();
        for term in all_terms() {
            for &(_, key) in &term.keys {
                if self.entry(key).is_none() {
                    let s = shard_of(key, self.manifest.shards.len() as u32) as usize;
                    need.push(self.manifest.shards[s].clone());
                }
            }
        }
        if !need.is_empty() {
            need.sort();
            need.dedup();
            answer.need = need;
            return Ok(answer);
        }
        let entry = |key: u64| self.entry(key).flatten();
        // A term with a key that occurs nowhere occurs nowhere.
        if plan.include.iter().any(|t| t.keys.iter().any(|&(_, k)| entry(k).is_none())) {
            answer.complete = true;
            answer.searched = self.manifest.articles;
            return Ok(answer);
        }
        let (_, driver) = plan
            .include
            .iter()
            .flat_map(|t| t.keys.iter())
            .map(|&(_, k)| (entry(k).expect("checked").1.entries(), k))
            .min()
            .expect("a term has a key");
        let (shard, driving) = entry(driver).expect("checked");
        let n = self.manifest.articles;
        let windows: Vec<(Range<u32>, Option<&PageRef>)> = match driving {
            Entry::Inline { .. } => vec![(0..n, None)],
            Entry::Paged { pages, .. } => {
                answer.frequent = true;
                pages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.first..pages.get(i + 1).map_or(n, |q| q.first), Some(p)))
                    .collect()
            }
        };
        let mut found: Vec<Found> = Vec::new();
        let mut searched = windows.first().map_or(n, |w| w.0.start);
        let mut stopped = false;
        for (w, (range, page)) in windows.iter().enumerate() {
            if let Some(p) = page
                && !self.pages.contains_key(&p.file)
            {
                // Ask for this window's page and a few after it.
                need.extend(
                    windows[w..]
                        .iter()
                        .filter_map(|(_, p)| p.map(|p| p.file.clone()))
                        .filter(|f| !self.pages.contains_key(f))
                        .take(AHEAD),
                );
                // And the article table for those windows, to rank what they hold.
                let chunk = self.manifest.chunk.max(1);
                for (r, _) in windows[w..].iter().take(AHEAD) {
                    for c in r.start / chunk..=r.end.saturating_sub(1) / chunk {
                        if let Some(name) =
                            self.manifest.chunks.get(c as usize).filter(|_| !self.chunks.contains_key(&c))
                        {
                            need.push(name.clone());
                        }
                    }
                }
                stopped = true;
                break;
            }
            let mut driven = Vec::new();
            match page {
                Some(p) => read_list(&self.pages[&p.file], p.first, is_unigram(driver), &|_| true, &mut driven)?,
                None => driven = self.decode(shard, driving, driver, None, &mut need)?,
            }
            let mut candidates: Vec<u32> = driven.into_iter().map(|(a, _)| a).filter(|a| range.contains(a)).collect();
            // Narrow by the include keys at hand before fetching pages for the others.
            let mut lists: FxHashMap<u64, FxHashMap<u32, Payload>> = FxHashMap::default();
            let mut keys: Vec<u64> = plan.include.iter().flat_map(|t| t.keys.iter().map(|&(_, k)| k)).collect();
            keys.sort_by_key(|&k| {
                (matches!(entry(k), Some((_, Entry::Paged { .. }))), entry(k).map_or(0, |e| e.1.entries()))
            });
            keys.dedup();
            for &key in &keys {
                if candidates.is_empty() {
                    break;
                }
                let (s, e) = entry(key).expect("checked");
                let list: FxHashMap<u32, Payload> =
                    self.decode(s, e, key, Some(&candidates), &mut need)?.into_iter().collect();
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
                        let Some((s, e)) = entry(key) else { continue };
                        let list = self.decode(s, e, key, Some(&candidates), &mut need)?.into_iter().collect();
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
        // The article table for every article found, to rank them.
        let chunk = self.manifest.chunk.max(1);
        let mut chunks: Vec<u32> = found.iter().map(|(a, ..)| a / chunk).collect();
        chunks.dedup();
        for c in chunks {
            if !self.chunks.contains_key(&c) {
                let Some(name) = self.manifest.chunks.get(c as usize) else {
                    return Err(damaged("an article is past the table"));
                };
                need.push(name.clone());
            }
        }
        if need.iter().any(|f| f.starts_with("a/")) {
            // The totals are known; the ranking waits for the table.
            answer.total_results = found.len();
            answer.total_hits = found.iter().map(|(_, o, _)| o.iter().map(Occ::hits).sum::<usize>()).sum();
            answer.searched = searched;
            need.sort();
            need.dedup();
            answer.need = need;
            return Ok(answer);
        }
        // Document frequencies.
        let mut df = Vec::new();
        for term in plan.include.iter().chain(&plan.phrase) {
            let (d, exact) = self.df(term)?;
            answer.exact_ranking &= exact;
            df.push(d);
        }
        let articles = f64::from(n);
        let average = (self.manifest.units as f64 / articles.max(1.0)).max(1.0);
        let mut scored: Vec<(f64, &Found)> = Vec::with_capacity(found.len());
        for item in &found {
            let (a, occ, phrase) = item;
            let (_, length, headline_end) = self.row(*a)?;
            let mut score = 0.0;
            for (o, d) in occ.iter().map(Some).chain([phrase.as_ref()]).zip(&df) {
                let Some(o) = o else { continue };
                let idf = (1.0 + (articles - d + 0.5) / (d + 0.5)).ln();
                let (head, body) = o.tf(headline_end);
                let norm = 1.0 - B + B * f64::from(length) / average;
                score += idf * (saturate(body, norm) + HEADLINE * saturate(head, 1.0));
            }
            scored.push((score, item));
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.0.cmp(&y.1.0)));
        answer.total_results = found.len();
        answer.total_hits = found.iter().map(|(_, o, _)| o.iter().map(Occ::hits).sum::<usize>()).sum();
        // The page table for the results shown.
        let per = self.manifest.page_chunk.max(1);
        let mut tables = Vec::new();
        for (_, (a, ..)) in scored.iter().take(limit) {
            let t = self.row(*a)?.0 / per;
            if !self.tables.contains_key(&t) && !tables.contains(&t) {
                tables.push(t);
            }
        }
        // Until they arrive, the results whose page is known are given.
        for t in tables {
            need.push(
                self.manifest.page_tables.get(t as usize).ok_or_else(|| damaged("a page is past the table"))?.clone(),
            );
        }
        for (score, (a, occ, _)) in scored.into_iter().take(limit) {
            let (page, ..) = self.row(*a)?;
            if !self.tables.contains_key(&(page / per)) {
                continue;
            }
            let (first, data, name) = self.page_of(page)?;
            answer.results.push(ArchiveResult {
                article: *a,
                page,
                name: name.to_string(),
                data: data.to_string(),
                index: a - first,
                score: (score * 1e4).round() / 1e4,
                hits: occ.iter().map(Occ::hits).sum(),
            });
        }
        answer.searched = searched;
        answer.complete = !stopped && need.is_empty();
        need.sort();
        need.dedup();
        answer.need = need;
        Ok(answer)
    }

    /// A term's document frequency: exact when all its lists are inline,
    /// else its rarest key's (an upper bound).
    fn df(&self, term: &Term) -> Result<(f64, bool), Error> {
        let mut entries = Vec::new();
        for &(_, key) in &term.keys {
            match self.entry(key).flatten() {
                None => return Ok((0.0, true)),
                Some(e) => entries.push((key, e)),
            }
        }
        if entries.iter().any(|(_, (_, e))| matches!(e, Entry::Paged { .. })) {
            let least = entries.iter().map(|(_, (_, e))| e.entries()).min().unwrap_or(0);
            return Ok((f64::from(least), false));
        }
        let mut lists = FxHashMap::default();
        let mut unused = Vec::new();
        for (key, (s, e)) in &entries {
            lists.insert(*key, self.decode(s, e, *key, None, &mut unused)?.into_iter().collect::<FxHashMap<_, _>>());
        }
        let (_, driver) = entries.iter().map(|(k, (_, e))| (e.entries(), *k)).min().expect("a key");
        let count = lists[&driver].keys().filter(|&&a| occurrences(term, a, &lists).is_some()).count();
        Ok((count as f64, true))
    }

    /// Article `a`'s row of the table: page, length, end of headline.
    fn row(&self, a: u32) -> Result<(u32, u32, u32), Error> {
        let chunk =
            self.chunks.get(&(a / self.manifest.chunk.max(1))).ok_or_else(|| damaged("a table file is missing"))?;
        chunk.rows.get((a - chunk.first) as usize).copied().ok_or_else(|| damaged("an article is past its table file"))
    }

    fn page_of(&self, page: u32) -> Result<(u32, &str, &str), Error> {
        let per = self.manifest.page_chunk.max(1);
        let table = self.tables.get(&(page / per)).ok_or_else(|| damaged("a page table file is missing"))?;
        table
            .get((page % per) as usize)
            .map(|p| (p.0, p.1.as_str(), p.2.as_str()))
            .ok_or_else(|| damaged("a page is missing from the table"))
    }

    /// A key's entries: all of them, or those of `only` (sorted). The pages
    /// of a paged list that are needed and not fetched go to `need`.
    fn decode(
        &self,
        shard: &Shard,
        entry: &Entry,
        key: u64,
        only: Option<&[u32]>,
        need: &mut Vec<String>,
    ) -> Result<Vec<(u32, Payload)>, Error> {
        let single = is_unigram(key);
        let mut out = Vec::new();
        let wanted = |a: u32| only.is_none_or(|o| o.binary_search(&a).is_ok());
        match entry {
            Entry::Inline { range, .. } => read_list(&shard.bytes[range.clone()], 0, single, &wanted, &mut out)?,
            Entry::Paged { pages, .. } => {
                let mut used: FxHashSet<usize> = FxHashSet::default();
                match only {
                    None => used.extend(0..pages.len()),
                    Some(only) => {
                        for &a in only {
                            let i = pages.partition_point(|p| p.first <= a);
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
                        Some(bytes) => read_list(bytes, pages[i].first, single, &wanted, &mut out)?,
                        None => need.push(pages[i].file.clone()),
                    }
                }
            }
        }
        Ok(out)
    }
}

fn saturate(tf: f64, norm: f64) -> f64 {
    tf * (K1 + 1.0) / (tf + K1 * norm)
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

/// Reads a list whose deltas start from `base`, keeping the entries of
/// the articles `wanted`.
fn read_list(
    bytes: &[u8],
    base: u32,
    single: bool,
    wanted: &impl Fn(u32) -> bool,
    out: &mut Vec<(u32, Payload)>,
) -> Result<(), Error> {
    let mut c = Cursor::new(bytes);
    let mut article = base;
    while !c.done() {
        let head = c.var()?;
        let flag = head & 1 == 1;
        article = u32::try_from(head >> 1)
            .ok()
            .and_then(|d| article.checked_add(d))
            .ok_or_else(|| damaged("an article number overflows"))?;
        if !wanted(article) {
            skip_payload(&mut c, single, flag)?;
            continue;
        }
        if single {
            let h = if flag { c.u32()? } else { 0 };
            out.push((article, Payload::Counts(h, c.u32()?)));
        } else {
            let n = if flag { c.var()? as usize } else { 1 };
            let mut positions = Vec::with_capacity(n.min(bytes.len()));
            let mut p = 0u32;
            for i in 0..n {
                let d = c.u32()?;
                p = if i == 0 { d } else { p.checked_add(d).ok_or_else(|| damaged("a position overflows"))? };
                positions.push(p);
            }
            out.push((article, Payload::At(positions)));
        }
    }
    Ok(())
}

fn read_shard(bytes: Vec<u8>) -> Result<Shard, Error> {
    let mut entries = FxHashMap::default();
    let mut c = Cursor::new(&bytes);
    c.magic(b"BZS1")?;
    let n = c.var()?;
    let mut key = 0u64;
    for _ in 0..n {
        key = key.checked_add(c.var()?).ok_or_else(|| damaged("a key overflows"))?;
        let count = c.u32()?;
        let entry = match c.var()? {
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
                    c.var()?;
                    refs.push(PageRef { first, file: c.str()?.to_string() });
                }
                Entry::Paged { entries: count, pages: refs }
            }
            _ => return Err(damaged("a shard has an entry of an unknown kind")),
        };
        entries.insert(key, entry);
    }
    Ok(Shard { bytes, entries })
}

fn read_chunk(bytes: &[u8]) -> Result<Chunk, Error> {
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

fn read_table(bytes: &[u8]) -> Result<Vec<(u32, String, String)>, Error> {
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

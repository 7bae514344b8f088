//! `baozhi archive DIR... -o SITE/`: a static site of a whole archive of
//! pages, searched by fetching only the index files a query needs (see the
//! core's `archive` module for the format).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use baozhi::archive::{ArchiveBuilder, FORMAT, MANIFEST, PageMeta, PageRow, Segment, SegmentFiles, contents};
use indicatif::{ProgressBar, ProgressStyle};

use crate::io::{Failure, io_message};

/// Write a static site of every page under DIR...: the reader as
/// SITE/index.html, and SITE/archive/ with the contents (by date where
/// the file names give one, else by folder), each page's parsed data and
/// a search index in shards that a query fetches on demand. Run it again
/// after adding pages: only files whose content changed are written.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folders (searched recursively for .txt and .pdf files) or page files
    #[arg(required = true)]
    dirs: Vec<String>,
    /// The site's folder (made if missing)
    #[arg(short, long, value_name = "SITE")]
    out: String,
    /// The reader's built site to copy as the page (default: dist/ of the
    /// baozhi repository, which `scripts/build-site` builds)
    #[arg(long, value_name = "DIR")]
    dist: Option<String>,
    /// Write only SITE/archive/, not the reader
    #[arg(long, conflicts_with = "dist")]
    index_only: bool,
}

/// Extensions of the page files taken from a folder.
const EXTENSIONS: &[&str] = &["txt", "text", "pdf"];

/// Up to this size an archive is also written as scripts, to be opened
/// from disk.
const DISK_LIMIT: u64 = 32 << 20;

/// The folders under SITE/archive/ whose files are named by content.
const CONTENT_DIRS: &[&str] = &["s", "b", "a", "n", "g", "p"];

/// What a build did.
pub struct Built {
    pub pages: u32,
    pub articles: u32,
    pub segments: usize,
    /// Segments of the earlier build kept as they were, and segments merged.
    pub kept_segments: usize,
    pub merged: usize,
    pub bytes_read: u64,
    pub chars: u64,
    pub seconds: f64,
    pub written: usize,
    pub written_bytes: u64,
    pub kept: usize,
    pub removed: usize,
    pub skipped: Vec<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let dist = if args.index_only { None } else { Some(find_dist(args.dist.as_deref())?) };
    let b = build(&args.dirs, Path::new(&args.out), dist.as_deref())?;
    let site = PathBuf::from(&args.out);
    for s in &b.skipped {
        eprintln!("baozhi: skipped {s}");
    }
    eprintln!(
        "baozhi: {} pages, {} articles in {} segments ({} kept, {} merged), {:.1} MB read, {} characters indexed in {:.1} s ({:.1} MB/s); wrote {} files ({:.1} MB), kept {} unchanged, removed {}; open {}",
        b.pages,
        b.articles,
        b.segments,
        b.kept_segments,
        b.merged,
        b.bytes_read as f64 / 1e6,
        b.chars,
        b.seconds,
        b.bytes_read as f64 / 1e6 / b.seconds.max(1e-9),
        b.written,
        b.written_bytes as f64 / 1e6,
        b.kept,
        b.removed,
        if args.index_only { site.join("archive").join(MANIFEST) } else { site.join("index.html") }.display()
    );
    Ok(())
}

/// Builds the site of the pages under `dirs` in `site` (the reader too,
/// given `dist`). The pages already in the site's archive, unchanged, keep
/// their segments; the others are indexed as a new segment (a segment
/// every [`SEGMENT_PAGES`] pages); then small segments are merged (see
/// [`merge_plan`]).
pub fn build(dirs: &[String], site: &Path, dist: Option<&Path>) -> Result<Built, Failure> {
    let started = Instant::now();
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for d in dirs {
        let root = PathBuf::from(d);
        if root.is_file() {
            files.push((root.clone(), root.file_name().map(PathBuf::from).unwrap_or_default()));
        } else if root.is_dir() {
            walk(&root, &root, &mut files)?;
        } else {
            return Err(Failure::input(format!("{d}: no such file or folder")));
        }
    }
    if files.is_empty() {
        return Err(Failure::input("no page files (.txt, .pdf) under the folders given"));
    }
    // Dated pages by date, then the rest by folder; in each, by path.
    let mut pages: Vec<(PathBuf, PageMeta)> =
        files.into_iter().map(|(path, rel)| (path, meta_of(&rel.to_string_lossy().replace('\\', "/")))).collect();
    pages.sort_by(|a, b| {
        let key = |m: &PageMeta| (m.date.is_none(), m.date.clone(), m.group.clone(), m.name.clone());
        key(&a.1).cmp(&key(&b.1))
    });
    pages.dedup_by(|a, b| a.1.name == b.1.name);
    let dir = site.join("archive");

    // What the site holds already: segments whose pages are all still
    // there, unchanged, are kept as they are.
    let mut sources: HashMap<&str, String> = HashMap::new();
    for (path, meta) in &pages {
        let bytes =
            std::fs::read(path).map_err(|e| Failure::input(format!("{}: {}", path.display(), io_message(&e))))?;
        sources.insert(meta.name.as_str(), source_hash(&bytes));
    }
    let mut segments: Vec<StateSegment> = Vec::new();
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    for s in read_state(&dir) {
        let unchanged = s
            .rows
            .iter()
            .zip(&s.sources)
            .all(|(r, h)| sources.get(r.name.as_str()) == Some(h) && !claimed.contains(&r.name));
        if unchanged && s.rows.len() == s.sources.len() {
            claimed.extend(s.rows.iter().map(|r| r.name.clone()));
            segments.push(s);
        }
    }
    let kept_segments = segments.len();
    let fresh: Vec<&(PathBuf, PageMeta)> = pages.iter().filter(|(_, m)| !claimed.contains(&m.name)).collect();

    let bar = ProgressBar::new(fresh.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} pages {msg} ({elapsed}, {eta} left)") {
        bar.set_style(style);
    }
    let mut out = Output::default();
    let mut builder = ArchiveBuilder::new();
    let mut builder_sources: Vec<String> = Vec::new();
    let mut bytes_read = 0u64;
    let mut indexed_chars = 0u64;
    let mut skipped = Vec::new();
    // Two threads parse while this one indexes, in order.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    for batch in fresh.chunks(threads * 16) {
        let parsed: Vec<Result<(u64, baozhi::Page), Failure>> = std::thread::scope(|s| {
            let per = batch.len().div_ceil(threads);
            let handles: Vec<_> = batch
                .chunks(per)
                .map(|part| s.spawn(move || part.iter().map(|(p, meta)| read(p, &meta.name)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("a parser thread")).collect()
        });
        for ((_, meta), page) in batch.iter().zip(parsed) {
            match page {
                Ok((n, page)) => {
                    bytes_read += n;
                    builder.add_page(meta, &page);
                    builder_sources.push(sources[meta.name.as_str()].clone());
                }
                Err(e) => skipped.push(e.message),
            }
            bar.inc(1);
            if builder.pages() >= SEGMENT_PAGES {
                bar.set_message("writing a segment");
                indexed_chars += builder.chars;
                let full = std::mem::take(&mut builder);
                segments.push(out.segment(&dir, full.segment(), std::mem::take(&mut builder_sources))?);
                bar.set_message("");
            }
        }
    }
    if builder.pages() > 0 {
        bar.set_message("writing the index");
        indexed_chars += builder.chars;
        segments.push(out.segment(&dir, builder.segment(), builder_sources)?);
    }
    bar.finish_and_clear();
    // Small segments merged, so that a query's requests stay few: a
    // build's new segments into as few as the cap allows (a merge holds
    // its lists in memory), then size-tiered.
    let mut merged = 0;
    let mut from = kept_segments;
    while from + 1 < segments.len() {
        let mut end = from;
        let mut pages = 0u64;
        while end < segments.len() && pages + u64::from(segments[end].segment.pages) <= MERGE_PAGES {
            pages += u64::from(segments[end].segment.pages);
            end += 1;
        }
        if end > from + 1 {
            let rest = segments.split_off(end);
            let run = segments.split_off(from);
            merged += run.len();
            segments.push(out.merge(&dir, run)?);
            segments.extend(rest);
        }
        from += 1;
    }
    while let Some(from) = merge_plan(&segments.iter().map(|s| s.segment.pages).collect::<Vec<_>>()) {
        let run = segments.split_off(from);
        merged += run.len();
        segments.push(out.merge(&dir, run)?);
    }

    // The contents and the manifest.
    let parts: Vec<(&Segment, &[PageRow])> = segments.iter().map(|s| (&s.segment, &s.rows[..])).collect();
    let (manifest, groups) = contents(&parts);
    for (name, bytes) in &groups {
        out.file(&dir, name, bytes)?;
    }
    let manifest_bytes = serde_json::to_vec(&manifest).expect("the manifest serialises");
    write(&dir.join(MANIFEST), &manifest_bytes)?;
    let state = State { format: FORMAT, segments };
    write(&dir.join(STATE), &serde_json::to_vec(&state).expect("the state serialises"))?;
    let mut names: BTreeSet<String> = groups.into_iter().map(|(n, _)| n).collect();
    names.extend(state.segments.iter().flat_map(|s| s.files.iter().cloned()));
    let kept = names.iter().filter(|n| !out.names.contains(*n)).count();
    // A small archive can be opened from disk, where a page may not fetch
    // files but may run scripts beside it: each file again as a script.
    let total: u64 = names.iter().map(|n| std::fs::metadata(dir.join(n)).map_or(0, |m| m.len())).sum();
    if total <= DISK_LIMIT {
        for name in names.clone() {
            let script = format!("{name}.js");
            if !dir.join(&script).exists() {
                let bytes = std::fs::read(dir.join(&name))
                    .map_err(|e| Failure::input(format!("{name}: {}", io_message(&e))))?;
                write(&dir.join(&script), as_script(&name, &bytes).as_bytes())?;
            }
            names.insert(script);
        }
        write(&dir.join(format!("{MANIFEST}.js")), as_script(MANIFEST, &manifest_bytes).as_bytes())?;
    } else {
        let _ = std::fs::remove_file(dir.join(format!("{MANIFEST}.js")));
    }
    // Files of an earlier build that nothing names now.
    let mut removed = 0;
    for sub in CONTENT_DIRS {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        for e in entries.flatten() {
            let name = format!("{sub}/{}", e.file_name().to_string_lossy());
            if !names.contains(&name) && std::fs::remove_file(e.path()).is_ok() {
                removed += 1;
            }
        }
    }
    if let Some(dist) = dist {
        copy_reader(dist, site)?;
    }
    Ok(Built {
        pages: manifest.pages,
        articles: manifest.articles,
        segments: manifest.segments.len(),
        kept_segments,
        merged,
        bytes_read,
        chars: indexed_chars,
        seconds: started.elapsed().as_secs_f64(),
        written: out.written + 1,
        written_bytes: out.written_bytes + manifest_bytes.len() as u64,
        kept,
        removed,
        skipped,
    })
}

/// Pages a segment holds at most as it is built: what the builder holds
/// in memory (its pages' lists).
pub const SEGMENT_PAGES: usize = 20_000;
/// The most pages a merge makes a segment of: a merge holds the merged
/// lists in memory (not the pages' text).
pub const MERGE_PAGES: u64 = 250_000;
/// Segments merge when this many of about the same size (the same power
/// of [`TIER`] pages) end the list.
const MERGE_AT: usize = 4;
const TIER: u32 = 4;

/// Size-tiered merging: the segments from which on to merge into one, if
/// any: the last [`MERGE_AT`] when they are of one tier and their sum stays
/// within [`MERGE_PAGES`].
pub fn merge_plan(pages: &[u32]) -> Option<usize> {
    let tier = |p: u32| p.max(1).ilog(TIER);
    let last = tier(*pages.last()?);
    let run = pages.iter().rev().take_while(|&&p| tier(p) == last).count();
    if run < MERGE_AT {
        return None;
    }
    let from = pages.len() - MERGE_AT;
    let sum: u64 = pages[from..].iter().map(|&p| u64::from(p)).sum();
    (sum <= MERGE_PAGES).then_some(from)
}

/// What the builder keeps beside the site (`archive/state.json`, not read
/// by the page): per segment its pages, their sources' hashes and its files.
#[derive(serde::Serialize, serde::Deserialize)]
struct State {
    format: u32,
    segments: Vec<StateSegment>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StateSegment {
    segment: Segment,
    rows: Vec<PageRow>,
    sources: Vec<String>,
    /// Every file of the segment (the manifest's, list pages, pages' data).
    files: Vec<String>,
}

const STATE: &str = "state.json";

/// The segments of the archive in `dir` whose files are all there; none
/// when it is of another format or missing.
fn read_state(dir: &Path) -> Vec<StateSegment> {
    let Ok(bytes) = std::fs::read(dir.join(STATE)) else { return Vec::new() };
    let Ok(state) = serde_json::from_slice::<State>(&bytes) else { return Vec::new() };
    if state.format != FORMAT {
        return Vec::new();
    }
    state
        .segments
        .into_iter()
        .filter(|s| s.files.iter().all(|f| dir.join(f).is_file()))
        .map(|mut s| {
            for r in &mut s.rows {
                r.group = meta_of(&r.name).group;
            }
            s
        })
        .collect()
}

/// The page's name, date and group from its path.
fn meta_of(name: &str) -> PageMeta {
    let date = date_in(name);
    let group = match &date {
        Some(d) => d[..7].to_string(),
        None => Path::new(name)
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".into()),
    };
    PageMeta { name: name.to_string(), date, group }
}

/// A page file's hash, to tell a changed page.
fn source_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}{:x}", bytes.len())
}

/// Files written.
#[derive(Default)]
struct Output {
    written: usize,
    written_bytes: u64,
    names: BTreeSet<String>,
}

impl Output {
    /// Writes a file unless one of its name (so of its content) is there.
    fn file(&mut self, dir: &Path, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        let path = dir.join(name);
        if !path.exists() {
            write(&path, bytes)?;
            self.written += 1;
            self.written_bytes += bytes.len() as u64;
            self.names.insert(name.to_string());
        }
        Ok(())
    }

    fn segment(&mut self, dir: &Path, built: SegmentFiles, sources: Vec<String>) -> Result<StateSegment, Failure> {
        let mut files = Vec::with_capacity(built.files.len());
        for (name, bytes) in &built.files {
            self.file(dir, name, bytes)?;
            files.push(name.clone());
        }
        Ok(StateSegment { segment: built.segment, rows: built.rows, sources, files })
    }

    /// The segments of `run` as one: their lists joined, from their files
    /// in the site (no page read or indexed again).
    fn merge(&mut self, dir: &Path, run: Vec<StateSegment>) -> Result<StateSegment, Failure> {
        let parts: Vec<(&Segment, &[PageRow])> = run.iter().map(|s| (&s.segment, &s.rows[..])).collect();
        let built = baozhi::archive::merge(ArchiveBuilder::new(), &parts, &|name| std::fs::read(dir.join(name)).ok())
            .map_err(|e| Failure::input(format!("merging segments: {e}")))?;
        let data: Vec<String> = built.rows.iter().map(|r| r.data.clone()).collect();
        let sources = run.into_iter().flat_map(|s| s.sources).collect();
        let mut merged = self.segment(dir, built, sources)?;
        merged.files.extend(data);
        Ok(merged)
    }
}

/// A file as a script that hands its bytes (base64) to the page, for an
/// archive opened from disk.
fn as_script(name: &str, bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = format!("baozhiArchiveFile({}, \"", serde_json::to_string(name).expect("a name serialises"));
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out.push_str("\");\n");
    out
}

/// Reads and parses a page file quietly: a PDF through its text layer,
/// anything else as text. Returns its size too; a failure names the file
/// as `name`.
fn read(path: &Path, name: &str) -> Result<(u64, baozhi::Page), Failure> {
    let failed = |e: &dyn std::fmt::Display| Failure::input(format!("{name}: {e}"));
    let bytes = std::fs::read(path).map_err(|e| failed(&io_message(&e)))?;
    let n = bytes.len() as u64;
    if baozhi::pdf::is_pdf(&bytes) {
        return baozhi::parse_pdf(&bytes).map(|p| (n, p)).map_err(|e| failed(&e));
    }
    let text = baozhi::decode(&bytes).map_err(|e| failed(&e))?.text;
    Ok((n, baozhi::parse_page(&text)))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, PathBuf)>) -> Result<(), Failure> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Failure::input(format!("{}: {}", dir.display(), io_message(&e))))?;
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.extension().is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x))) {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push((path, rel));
        }
    }
    Ok(())
}

/// A date in a file's path: `2024-05-26`, `2024_05_26`, `2024/05/26` or
/// `20240526`, as `2024-05-26`; the last one in the path wins.
pub fn date_in(path: &str) -> Option<String> {
    let chars: Vec<char> = path.chars().collect();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s: String = chars.get(from..from + n)?.iter().collect();
        s.chars().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten()
    };
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        // Not in the middle of a longer number.
        if i > 0 && chars[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let plain = (digits(i, 4), digits(i + 4, 2), digits(i + 6, 2));
        let parted = (digits(i, 4), chars.get(i + 4), digits(i + 5, 2), chars.get(i + 7), digits(i + 8, 2));
        let date = match (plain, parted) {
            (_, (Some(y), Some(a), Some(m), Some(b), Some(d))) if a == b && matches!(a, '-' | '_' | '/' | '.') => {
                (!chars.get(i + 10).is_some_and(char::is_ascii_digit)).then_some((y, m, d))
            }
            ((Some(y), Some(m), Some(d)), _) => {
                (!chars.get(i + 8).is_some_and(char::is_ascii_digit)).then_some((y, m, d))
            }
            _ => None,
        };
        if let Some((y, m, d)) =
            date.filter(|&(y, m, d)| (1800..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        {
            found = Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        i += 1;
    }
    found
}

/// The reader's built site: the one given, else dist/ beside the baozhi
/// repository this binary was built in, else ./dist.
fn find_dist(given: Option<&str>) -> Result<PathBuf, Failure> {
    let candidates: Vec<PathBuf> = match given {
        Some(d) => vec![PathBuf::from(d)],
        None => {
            let mut c = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"), PathBuf::from("dist")];
            if let Ok(exe) = std::env::current_exe() {
                // target/release/baozhi → the repository's dist/.
                if let Some(repo) = exe.parent().and_then(Path::parent).and_then(Path::parent) {
                    c.push(repo.join("dist"));
                }
            }
            c
        }
    };
    candidates.into_iter().find(|d| d.join("index.html").is_file()).ok_or_else(|| {
        Failure::input(
            "the reader's site is not built: run scripts/build-site in the baozhi repository (it writes dist/), \
             or give it with --dist DIR, or write the index alone with --index-only",
        )
    })
}

/// Copies the reader into the site and tells its page where the archive is.
fn copy_reader(dist: &Path, site: &Path) -> Result<(), Failure> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| Failure::input(format!("{}: {}", dist.display(), io_message(&e))))?;
    for e in entries.flatten() {
        let path = e.path();
        if !path.is_file() {
            continue;
        }
        let name = e.file_name();
        let bytes =
            std::fs::read(&path).map_err(|e| Failure::input(format!("{}: {}", path.display(), io_message(&e))))?;
        let bytes = if name == "index.html" {
            let html = String::from_utf8_lossy(&bytes);
            let html = html.replacen("<html ", "<html data-archive=\"archive/manifest.json\" ", 1);
            html.into_bytes()
        } else {
            bytes
        };
        let target = site.join(&name);
        if std::fs::read(&target).ok().as_deref() != Some(&bytes[..]) {
            write(&target, &bytes)?;
        }
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::input(format!("{}: {}", parent.display(), io_message(&e))))?;
    }
    std::fs::write(path, bytes).map_err(|e| Failure::input(format!("{}: {}", path.display(), io_message(&e))))
}

/// `baozhi bench archive`: generates `pages` pages (the synthetic and the
/// real-tool generators, alternately, 16 a day from 2020-01-01) under
/// `dir/pages`, builds `dir/site`, writes them as HTML under `dir/html`
/// (for Pagefind; not with `html` false), and measures the build, the
/// sizes and, per kind of query, what answering it fetches; then adds a
/// day's pages (16) and measures what the build wrote and the queries
/// again. Every answer is checked against a scan of the folded text.
/// With `reuse`, the pages already under `dir/pages` (exactly `pages` of
/// them, as this writes them) are taken as they are.
pub fn bench(pages: usize, dir: &Path, html: bool, reuse: bool, progress: &dyn Fn(&str)) -> Result<String, Failure> {
    use std::fmt::Write as _;
    let pages_dir = dir.join("pages");
    let html_dir = dir.join("html");
    let site = dir.join("site");
    let slot = |i: usize| {
        let day = i / 16;
        let (y, m, d) = (2020 + day / 336, 1 + day / 28 % 12, 1 + day % 28);
        pages_dir.join(format!("{y:04}-{m:02}-{d:02}/{:02}.txt", i % 16 + 1))
    };
    let reuse = reuse && slot(pages - 1).is_file();
    if reuse {
        // Pages past the N asked for (the day an earlier run added) go.
        let mut extra = pages;
        while std::fs::remove_file(slot(extra)).is_ok() {
            extra += 1;
        }
        let _ = std::fs::remove_dir_all(&site);
        let _ = std::fs::remove_dir_all(&html_dir);
    } else {
        let _ = std::fs::remove_dir_all(dir);
    }
    progress(if reuse { "reading the pages" } else { "generating the pages" });
    // The page text's size, raw and gzip (streamed: not held).
    let mut text_bytes = 0usize;
    let mut text_gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let generate = |i: usize| -> Result<String, Failure> {
        let path = slot(i);
        if reuse && i < pages {
            return std::fs::read_to_string(&path)
                .map_err(|e| Failure::input(format!("{}: {}", path.display(), io_message(&e))));
        }
        let text = if i.is_multiple_of(2) {
            baozhi_lab::synth::page(42, i as u64).text
        } else {
            label_text(&baozhi_lab::realtool::generate(42, i).label)
        };
        write(&path, text.as_bytes())?;
        Ok(text)
    };
    for i in 0..pages {
        let text = generate(i)?;
        text_bytes += text.len();
        std::io::Write::write_all(&mut text_gz, text.as_bytes()).map_err(|e| Failure::input(io_message(&e)))?;
    }
    progress("building the archive");
    let text_gz = text_gz.finish().map_or(0, |v| v.len() as u64);
    let built = build(&[pages_dir.to_string_lossy().into_owned()], &site, None)?;
    let peak = peak_memory();
    let archive_dir = site.join("archive");
    let (sizes, gz_cache) = sizes_of(&archive_dir);
    let manifest_bytes = std::fs::read(archive_dir.join(MANIFEST)).map_err(|e| Failure::input(io_message(&e)))?;
    let index_raw: u64 = sizes[..4].iter().map(|s| s.1).sum::<u64>() + manifest_bytes.len() as u64;
    let index_gz: u64 = sizes[..4].iter().map(|s| s.2).sum::<u64>() + gzip_len(&manifest_bytes);

    progress("reading the pages back for the scan");
    let (folded, page_files) = folded_of(&archive_dir)?;
    // Queries from the text itself.
    let mut freq: std::collections::HashMap<char, usize> = Default::default();
    for t in folded.iter().take(2000) {
        for &c in t {
            if baozhi::text::is_han(c) {
                *freq.entry(c).or_default() += 1;
            }
        }
    }
    let mut by_freq: Vec<(usize, char)> = freq.into_iter().map(|(c, n)| (n, c)).collect();
    by_freq.sort_unstable_by(|a, b| b.cmp(a));
    // The pairs of Chinese characters in the most of those articles.
    let mut pairs: std::collections::HashMap<(char, char), usize> = Default::default();
    for t in folded.iter().take(2000) {
        let mut seen = std::collections::HashSet::new();
        for w in t.windows(2) {
            if w.iter().all(|&c| baozhi::text::is_han(c)) && seen.insert((w[0], w[1])) {
                *pairs.entry((w[0], w[1])).or_default() += 1;
            }
        }
    }
    let mut by_pairs: Vec<(usize, (char, char))> = pairs.into_iter().map(|(p, n)| (n, p)).collect();
    by_pairs.sort_unstable_by(|a, b| b.cmp(a));
    // `n` characters of Chinese in a row from an article, from about `at` on.
    let piece = |article: usize, at: usize, n: usize| -> String {
        for k in 0..folded.len() {
            let t = &folded[(article + k) % folded.len()];
            let found = (0..t.len().saturating_sub(n))
                .map(|i| (i + at) % t.len())
                .find(|&i| t.get(i..i + n).is_some_and(|w| w.iter().all(|&c| baozhi::text::is_han(c))));
            if let Some(i) = found {
                return t[i..i + n].iter().collect();
            }
        }
        "义乌".repeat(n).chars().take(n).collect()
    };
    let kinds: Vec<(&str, Vec<String>)> = vec![
        ("one frequent character", vec![by_freq[0].1.to_string(), by_freq[1].1.to_string(), by_freq[2].1.to_string()]),
        ("one character", (0..3).map(|k| by_freq[by_freq.len() / 3 + k * 7].1.to_string()).collect()),
        ("two characters", (0..3).map(|k| piece(101 + 997 * k, 13 + k, 2)).collect()),
        ("two frequent characters", by_pairs.iter().take(3).map(|(_, (a, b))| format!("{a}{b}")).collect()),
        ("four-character phrase", (0..3).map(|k| piece(303 + 1013 * k, 29 + k, 4)).collect()),
        (
            "two terms",
            (0..3).map(|k| format!("{} {}", piece(55 + 313 * k, 7, 2), piece(55 + 313 * k, 60, 2))).collect(),
        ),
        ("no hit", (0..3).map(|k| piece(999 + 77 * k, 3, 7).chars().rev().collect()).collect()),
    ];
    let mut report = String::new();
    let _ = writeln!(
        report,
        "archive of {} pages ({} articles): {:.1} MB of page text ({:.1} MB gzip), {} folded characters indexed",
        built.pages,
        built.articles,
        text_bytes as f64 / 1e6,
        text_gz as f64 / 1e6,
        built.chars
    );
    let _ = writeln!(
        report,
        "build: {:.1} s, {:.2} MB/s of page text (parse, index, write), {} segments; peak memory of the process so far {}",
        built.seconds,
        text_bytes as f64 / 1e6 / built.seconds,
        built.segments,
        peak.map_or("unknown".to_string(), |kb| format!("{:.0} MB", kb as f64 / 1e3))
    );
    let _ = writeln!(
        report,
        "index (manifest, shards, list pages, article and page tables): {:.1} MB raw, {:.1} MB gzip = {:.2}× the gzipped text",
        index_raw as f64 / 1e6,
        index_gz as f64 / 1e6,
        index_gz as f64 / text_gz as f64
    );
    for (what, raw, gz, n) in &sizes {
        let _ =
            writeln!(report, "  {what}: {n} files, {:.2} MB raw, {:.2} MB gzip", *raw as f64 / 1e6, *gz as f64 / 1e6);
    }
    let _ = writeln!(
        report,
        "  manifest: {:.1} kB raw, {:.1} kB gzip (fetched once)",
        manifest_bytes.len() as f64 / 1e3,
        gzip_len(&manifest_bytes) as f64 / 1e3
    );
    let manifest: baozhi::archive::Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| Failure::input(e.to_string()))?;
    let parts = baozhi::archive::breakdown(&manifest, &|name| std::fs::read(archive_dir.join(name)).ok())
        .map_err(|e| Failure::input(e.to_string()))?;
    let _ = writeln!(report, "where the index's bytes go (raw; the lists are Rice-coded, so gzip saves little):");
    for (what, n) in parts {
        let _ = writeln!(report, "  {what}: {:.2} M", n / 1e6);
    }
    let (table, exact, before) = query_table(&archive_dir, &kinds, &folded, &gz_cache, progress)?;
    report.push_str(&table);
    let mut all_exact = exact;
    drop(folded);

    // A day more: what the build writes, and the queries again.
    progress("adding a day's pages");
    for i in pages..pages + 16 {
        generate(i)?;
    }
    let added = build(&[pages_dir.to_string_lossy().into_owned()], &site, None)?;
    let (_, gz_cache) = sizes_of(&archive_dir);
    let (folded, _) = folded_of(&archive_dir)?;
    let total_files = gz_cache.len();
    let _ = writeln!(
        report,
        "\nadding a day (16 pages) to the {} pages: {:.1} s; wrote {} files ({:.2} MB, the manifest and the month's contents included), kept {} of {} unchanged, removed {}; {} segments ({} kept, {} merged)",
        built.pages,
        added.seconds,
        added.written,
        added.written_bytes as f64 / 1e6,
        added.kept,
        total_files,
        added.removed,
        added.segments,
        added.kept_segments,
        added.merged
    );
    let (table, exact, after) = query_table(&archive_dir, &kinds, &folded, &gz_cache, progress)?;
    report.push_str(&table);
    all_exact &= exact;
    let median = |v: &[(usize, u64)]| -> (usize, f64) {
        let mut r: Vec<usize> = v.iter().map(|x| x.0).collect();
        let mut b: Vec<u64> = v.iter().map(|x| x.1).collect();
        r.sort_unstable();
        b.sort_unstable();
        (r[r.len() / 2], b[b.len() / 2] as f64 / 1e3)
    };
    let (r0, b0) = median(&before);
    let (r1, b1) = median(&after);
    let _ = writeln!(
        report,
        "\nper query (median, cold): {r0} requests, {b0:.1} kB gzip before the day; {r1} requests, {b1:.1} kB gzip after"
    );
    let _ = writeln!(
        report,
        "recall and precision against the scan: {}",
        if all_exact { "1.00 for every query" } else { "NOT EXACT (see the tables)" }
    );
    // The queries, for the browser's measure (`tests/e2e/archive-measure.mjs`).
    let queries: Vec<&String> = kinds.iter().flat_map(|(_, q)| q).collect();
    write(&dir.join("queries.json"), serde_json::to_string(&queries).unwrap_or_default().as_bytes())?;
    if !html {
        return Ok(report);
    }
    // The same pages as HTML, for Pagefind.
    progress("writing the pages as HTML");
    for (i, f) in page_files.iter().enumerate() {
        #[derive(serde::Deserialize)]
        struct Data {
            page: baozhi::Page,
        }
        let data: Data = serde_json::from_slice(&std::fs::read(archive_dir.join(f)).unwrap_or_default())
            .map_err(|e| Failure::input(e.to_string()))?;
        let mut html = String::from(
            "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>page</title></head><body><main data-pagefind-body>",
        );
        for a in &data.page.articles {
            html.push_str("<article>");
            for (field, text) in baozhi::model::fields(a) {
                let tag = if field.is_headline() { "h2" } else { "p" };
                let mut escaped = String::new();
                baozhi::html::escape_into(&mut escaped, text);
                let _ = write!(html, "<{tag}>{escaped}</{tag}>");
            }
            html.push_str("</article>");
        }
        html.push_str("</main></body></html>");
        write(&html_dir.join(format!("{i:05}.html")), html.as_bytes())?;
    }
    let _ = writeln!(
        report,
        "(the pages as HTML for Pagefind: {}; the queries: {})",
        html_dir.display(),
        dir.join("queries.json").display()
    );
    Ok(report)
}

/// The process's peak resident memory in kB (Linux), if known.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Sizes by kind of file: (what, raw, gzip, files), and per file (raw, gzip).
#[allow(clippy::type_complexity)]
fn sizes_of(archive_dir: &Path) -> (Vec<(&'static str, u64, u64, usize)>, HashMap<String, (u64, u64)>) {
    let mut sizes = Vec::new();
    let mut gz_cache: HashMap<String, (u64, u64)> = HashMap::new();
    for (sub, what) in [
        ("s", "shards"),
        ("b", "list pages"),
        ("a", "article table"),
        ("n", "page table"),
        ("g", "contents"),
        ("p", "pages' data"),
    ] {
        let (mut raw, mut gz, mut n) = (0, 0, 0);
        for e in std::fs::read_dir(archive_dir.join(sub)).into_iter().flatten().flatten() {
            // Not the copies as scripts for opening from disk.
            if e.path().extension().is_some_and(|x| x == "js") {
                continue;
            }
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let g = gzip_len(&bytes);
            gz_cache.insert(format!("{sub}/{}", e.file_name().to_string_lossy()), (bytes.len() as u64, g));
            raw += bytes.len() as u64;
            gz += g;
            n += 1;
        }
        sizes.push((what, raw, gz, n));
    }
    (sizes, gz_cache)
}

/// The folded text of every article of the archive, in order, and its pages' data files.
fn folded_of(archive_dir: &Path) -> Result<(Vec<Vec<char>>, Vec<String>), Failure> {
    #[derive(serde::Deserialize)]
    struct Data {
        page: baozhi::Page,
    }
    let manifest: baozhi::archive::Manifest =
        serde_json::from_slice(&std::fs::read(archive_dir.join(MANIFEST)).map_err(|e| Failure::input(io_message(&e)))?)
            .map_err(|e| Failure::input(e.to_string()))?;
    let mut rows: Vec<(u32, String)> = Vec::new();
    for g in &manifest.groups {
        let group: Vec<PageRow> =
            serde_json::from_slice(&std::fs::read(archive_dir.join(&g.file)).unwrap_or_default()).unwrap_or_default();
        rows.extend(group.into_iter().map(|r| (r.index, r.data)));
    }
    rows.sort();
    let page_files: Vec<String> = rows.into_iter().map(|r| r.1).collect();
    let mut folded = Vec::new();
    for f in &page_files {
        let data: Data = serde_json::from_slice(&std::fs::read(archive_dir.join(f)).unwrap_or_default())
            .map_err(|e| Failure::input(format!("{f}: {e}")))?;
        for a in &data.page.articles {
            let mut text = Vec::new();
            baozhi::archive::fold_article(a, &mut text);
            folded.push(text);
        }
    }
    Ok((folded, page_files))
}

/// A table of queries, whether every answer agrees with the scan, and per
/// query (requests, gzip bytes).
type QueryTable = (String, bool, Vec<(usize, u64)>);

/// Each query asked cold, as the page asks, its answer checked against a
/// scan: the table, whether all agree, and per query (requests, gzip bytes).
fn query_table(
    archive_dir: &Path,
    kinds: &[(&str, Vec<String>)],
    folded: &[Vec<char>],
    gz_cache: &HashMap<String, (u64, u64)>,
    progress: &dyn Fn(&str),
) -> Result<QueryTable, Failure> {
    use std::fmt::Write as _;
    let manifest_bytes = std::fs::read(archive_dir.join(MANIFEST)).map_err(|e| Failure::input(io_message(&e)))?;
    let mut report = String::new();
    let _ = writeln!(
        report,
        "\n| query | results | hits | requests | kB gzip (index) | first results ms | all ms | +20 shown: kB gzip | scan agrees |"
    );
    let _ = writeln!(report, "|---|---|---|---|---|---|---|---|---|");
    let mut all_exact = true;
    let mut costs = Vec::new();
    for (kind, queries) in kinds {
        for q in queries {
            progress(&format!("{kind}: {q}"));
            let (requests, gz, first_ms, all_ms, answer) = ask_native(archive_dir, &manifest_bytes, q, gz_cache)?;
            let shown: BTreeSet<&str> = answer.results.iter().take(20).map(|r| r.data.as_str()).collect();
            let shown_gz: u64 = shown.iter().map(|f| gz_cache.get(*f).map_or(0, |s| s.1)).sum();
            let (articles, hits) = scan_count(folded, q);
            let exact = articles == answer.total_results && hits == answer.total_hits;
            all_exact &= exact;
            costs.push((requests, gz));
            let _ = writeln!(
                report,
                "| {kind}: `{q}` | {} | {} | {requests} | {:.1} | {first_ms:.1} | {all_ms:.1} | {:.1} | {} |",
                answer.total_results,
                answer.total_hits,
                gz as f64 / 1e3,
                shown_gz as f64 / 1e3,
                if exact { "yes" } else { "NO" }
            );
        }
    }
    Ok((report, all_exact, costs))
}

/// Asks as the page does (20 results), fetching from disk: requests,
/// gzip bytes, ms to the first results and to the whole answer.
fn ask_native(
    dir: &Path,
    manifest: &[u8],
    query: &str,
    gz: &std::collections::HashMap<String, (u64, u64)>,
) -> Result<(usize, u64, f64, f64, baozhi::archive::ArchiveAnswer), Failure> {
    let started = Instant::now();
    let mut archive = baozhi::archive::Archive::open(&String::from_utf8_lossy(manifest))
        .map_err(|e| Failure::input(e.to_string()))?;
    let (mut requests, mut bytes, mut first) = (0, 0, None);
    loop {
        let answer = archive.search(query, 20).map_err(|e| Failure::input(e.to_string()))?;
        if first.is_none() && (answer.complete || !answer.results.is_empty()) {
            first = Some(started.elapsed().as_secs_f64() * 1e3);
        }
        if answer.need.is_empty() {
            return Ok((requests, bytes, first.unwrap_or(0.0), started.elapsed().as_secs_f64() * 1e3, answer));
        }
        for f in &answer.need {
            let b = std::fs::read(dir.join(f)).map_err(|e| Failure::input(format!("{f}: {}", io_message(&e))))?;
            requests += 1;
            bytes += gz.get(f).map_or(0, |s| s.1);
            archive.add_file(f, b).map_err(|e| Failure::input(e.to_string()))?;
        }
    }
}

/// Articles and hits a scan of the folded text finds (include terms only).
fn scan_count(folded: &[Vec<char>], query: &str) -> (usize, usize) {
    let terms: Vec<Vec<char>> = baozhi::search::parse_query(query)
        .iter()
        .filter(|t| !t.exclude)
        .map(|t| baozhi::text::fold::fold_str(&t.text).chars().collect())
        .collect();
    let (mut articles, mut hits) = (0, 0);
    for text in folded {
        let counts: Vec<usize> = terms.iter().map(|t| text.windows(t.len()).filter(|w| w == t).count()).collect();
        if counts.iter().all(|&c| c > 0) {
            articles += 1;
            hits += counts.iter().sum::<usize>();
        }
    }
    (articles, hits)
}

fn gzip_len(bytes: &[u8]) -> u64 {
    use std::io::Write as _;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = e.write_all(bytes);
    e.finish().map_or(0, |v| v.len() as u64)
}

/// A labelled page as plain text: each article's headline lines, a blank
/// line, its byline, its paragraphs.
fn label_text(page: &baozhi::Page) -> String {
    let mut out = String::new();
    for a in &page.articles {
        for line in [&a.kicker, &a.title, &a.subtitle].into_iter().flatten() {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        if let Some(b) = &a.byline {
            out.push_str(b);
            out.push('\n');
        }
        for (i, p) in a.paragraphs.iter().enumerate() {
            if i == 0
                && let Some(d) = &a.dateline
            {
                out.push_str(d);
                out.push(' ');
            }
            out.push_str(p);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{MERGE_PAGES, date_in, merge_plan};

    #[test]
    fn four_segments_of_one_size_tier_at_the_end_are_merged() {
        assert_eq!(merge_plan(&[10_000, 16, 16, 16]), None);
        assert_eq!(merge_plan(&[10_000, 16, 16, 16, 16]), Some(1));
        // A merged one joins the next tier up: merged when there are four.
        assert_eq!(merge_plan(&[10_000, 64, 64, 64, 16]), None);
        assert_eq!(merge_plan(&[10_000, 64, 64, 64, 64]), Some(1));
        assert_eq!(merge_plan(&[9_000, 9_000, 9_000, 9_000]), Some(0));
        assert_eq!(merge_plan(&[70_000, 70_000, 70_000, 70_000]), None, "past {MERGE_PAGES} pages they stay apart");
        // The first of a tier may be larger than the others: the last four merge.
        assert_eq!(merge_plan(&[10_000, 4096, 4096, 4096, 4096]), Some(1));
        // …unless those four would pass the cap.
        assert_eq!(merge_plan(&[200_000, 70_000, 65_536, 65_536, 65_536]), None);
        assert_eq!(merge_plan(&[]), None);
    }

    #[test]
    fn dates_are_read_from_paths_in_the_usual_spellings() {
        assert_eq!(date_in("2024/05/26/A01.txt").as_deref(), Some("2024-05-26"));
        assert_eq!(date_in("paper-20240526-03.pdf").as_deref(), Some("2024-05-26"));
        assert_eq!(date_in("2023_12_01_p4.txt").as_deref(), Some("2023-12-01"));
        assert_eq!(date_in("scans/page-0001.txt"), None);
        assert_eq!(date_in("id-120240526.txt"), None);
        assert_eq!(date_in("20241399.txt"), None);
    }
}

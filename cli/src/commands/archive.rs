//! `baozhi archive DIR... -o SITE/`: a static site of a whole archive of
//! pages, searched by fetching only the index files a query needs (see the
//! core's `archive` module for the format).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use baozhi::archive::{ArchiveBuilder, MANIFEST, PageMeta};
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

/// The folders under SITE/archive/ whose files are named by content.
const CONTENT_DIRS: &[&str] = &["s", "b", "a", "g", "p"];

pub fn run(args: Args) -> Result<(), Failure> {
    let started = Instant::now();
    let dist = if args.index_only { None } else { Some(find_dist(args.dist.as_deref())?) };
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for d in &args.dirs {
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
    let mut pages: Vec<(PathBuf, PageMeta)> = files
        .into_iter()
        .map(|(path, rel)| {
            let name = rel.to_string_lossy().replace('\\', "/");
            let date = date_in(&name);
            let group = match &date {
                Some(d) => d[..7].to_string(),
                None => rel
                    .parent()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| ".".into()),
            };
            (path, PageMeta { name, date, group })
        })
        .collect();
    pages.sort_by(|a, b| {
        let key = |m: &PageMeta| (m.date.is_none(), m.date.clone(), m.group.clone(), m.name.clone());
        key(&a.1).cmp(&key(&b.1))
    });

    let bar = ProgressBar::new(pages.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} pages {msg} ({elapsed}, {eta} left)") {
        bar.set_style(style);
    }
    let mut builder = ArchiveBuilder::new();
    let mut bytes_read = 0u64;
    let mut skipped = Vec::new();
    // Two threads parse while this one indexes, in order.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    for batch in pages.chunks(threads * 16) {
        let parsed: Vec<Result<(u64, baozhi::Page), String>> = std::thread::scope(|s| {
            let per = batch.len().div_ceil(threads);
            let handles: Vec<_> = batch
                .chunks(per)
                .map(|part| s.spawn(move || part.iter().map(|(p, _)| read(p)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("a parser thread")).collect()
        });
        for ((_, meta), page) in batch.iter().zip(parsed) {
            match page {
                Ok((n, page)) => {
                    bytes_read += n;
                    builder.add_page(meta, &page);
                }
                Err(e) => skipped.push(format!("{}: {e}", meta.name)),
            }
            bar.inc(1);
        }
    }
    bar.set_message("writing the index");
    let indexed_chars = builder.chars;
    let built = builder.finish();
    bar.finish_and_clear();

    let site = PathBuf::from(&args.out);
    let dir = site.join("archive");
    let mut written = (0usize, 0u64);
    let mut kept = 0usize;
    let mut names = BTreeSet::new();
    for (name, bytes) in &built.files {
        names.insert(name.clone());
        let path = dir.join(name);
        if path.exists() {
            kept += 1;
            continue;
        }
        write(&path, bytes)?;
        written = (written.0 + 1, written.1 + bytes.len() as u64);
    }
    let manifest = serde_json::to_vec(&built.manifest).expect("the manifest serialises");
    write(&dir.join(MANIFEST), &manifest)?;
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
        copy_reader(&dist, &site)?;
    }
    let seconds = started.elapsed().as_secs_f64();
    for s in &skipped {
        eprintln!("baozhi: skipped {s}");
    }
    eprintln!(
        "baozhi: {} pages, {} articles, {:.1} MB read, {} characters indexed in {seconds:.1} s ({:.1} MB/s); wrote {} files ({:.1} MB), kept {kept} unchanged, removed {removed}; open {}",
        built.manifest.pages,
        built.manifest.articles,
        bytes_read as f64 / 1e6,
        indexed_chars,
        bytes_read as f64 / 1e6 / seconds.max(1e-9),
        written.0 + 1,
        (written.1 + manifest.len() as u64) as f64 / 1e6,
        if args.index_only { dir.join(MANIFEST) } else { site.join("index.html") }.display()
    );
    Ok(())
}

/// Reads and parses a page file quietly: a PDF through its text layer,
/// anything else as text. Returns its size too.
fn read(path: &Path) -> Result<(u64, baozhi::Page), String> {
    let bytes = std::fs::read(path).map_err(|e| io_message(&e))?;
    let n = bytes.len() as u64;
    if baozhi::pdf::is_pdf(&bytes) {
        return baozhi::parse_pdf(&bytes).map(|p| (n, p)).map_err(|e| e.to_string());
    }
    let text = baozhi::decode(&bytes).map_err(|e| e.to_string())?.text;
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

#[cfg(test)]
mod tests {
    use super::date_in;

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

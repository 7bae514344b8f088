//! Real-tool pages: synthetic articles laid out as HTML newspaper pages,
//! printed to PDF by headless Chromium and read back by `pdftotext`, each
//! with the parse it should get, written from the article data.
//!
//! `build` writes `pageNNN.html`, `.pdf`, `.txt` and `.expected.json` into
//! a directory; the labels follow the conventions of the shared corpus
//! (`../shared/corpus/README.md`): captions, furniture and running heads go
//! to `leftovers`; the dateline is cut off the first paragraph and keeps its
//! parentheses; a byline keeps neither its ornament nor its trailing credit
//! (`摄`, `文/摄`), except a bracketed one (`（张三 李四 摄）`), which is kept
//! whole as the parser keeps it; `authors` are the byline's names, else
//! the dateline's; a title set on two lines is one title; articles are
//! listed in the order in which their body first appears in the text.
//!
//! Leftovers are one string per printed item (furniture, running head,
//! caption); the scorer reads the label's leftovers only for the character
//! check.
//!
//! Pages are printed in batches (one Chromium run per batch, one `@page`
//! size per sheet, about seven times faster than one run per page), split
//! into one PDF per page by `pdfseparate`, and each page's text is what
//! `pdftotext` reads from its own PDF. A set is reproducible from its seed
//! and batch size: Chromium shares fonts across a batch differently, and
//! `pdftotext` then orders a word or two differently on about one page in
//! fifty (the labels do not change).
//!
//! Lines are spaced 1.20–1.40: from about 1.45 × the font size `pdftotext`
//! no longer holds a column's lines together and reads across the columns
//! line by line. Bold type is set in the sans, since Chromium embeds a
//! synthetic bold of the serif as Type 3 fonts.
//!
//! ```text
//! cargo run --release -p baozhi-lab --bin realtool -- make --pages 300 --seed 1 --out target/realtool/s1
//! cargo run --release -p baozhi-lab --bin realtool -- score target/realtool/s1
//! cargo run --release -p baozhi-lab --bin realtool -- score ../shared/corpus
//! ```

pub mod layout;
pub mod score;
pub mod text;

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use baozhi::Page;

use self::text::{Rng, Writer};

/// The programs the pages go through.
#[derive(Debug, Clone)]
pub struct Tools {
    pub chromium: PathBuf,
    pub pdftotext: PathBuf,
    pub pdfseparate: PathBuf,
}

impl Tools {
    /// The tools from `PATH` (Chromium also as `chromium-browser`), or the
    /// name of the first one missing.
    pub fn find() -> Result<Tools, Error> {
        let which = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| {
                    std::env::var_os("PATH")
                        .and_then(|p| std::env::split_paths(&p).map(|d| d.join(n)).find(|f| f.is_file()))
                })
                .ok_or_else(|| Error(format!("{} not found on PATH", names[0])))
        };
        Ok(Tools {
            chromium: which(&["chromium", "chromium-browser"])?,
            pdftotext: which(&["pdftotext"])?,
            pdfseparate: which(&["pdfseparate"])?,
        })
    }
}

/// One generated page in memory.
pub struct Generated {
    /// `page001`…
    pub name: String,
    /// The page's `<section>`.
    pub section: String,
    pub label: Page,
}

/// Generates page `n` (0-based) of the set with the given seed: the same
/// seed and number always give the same page.
pub fn generate(seed: u64, n: usize) -> Generated {
    let name = format!("page{:03}", n + 1);
    let mut rng = Rng::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ (n as u64).wrapping_mul(0x9E37_79B9));
    let mut writer = Writer::new(seed.wrapping_mul(7919).wrapping_add(n as u64));
    let laid = layout::page(&name, &mut rng, &mut writer);
    let label = Page { articles: laid.stories.iter().map(|s| s.label()).collect(), leftovers: laid.leftovers };
    Generated { name, section: laid.html, label }
}

/// Puts the label's articles in the order in which their bodies first
/// appear in the extracted text (by the first characters of each body).
pub fn order_by_text(label: &mut Page, text: &str) {
    let flat: String = score::source_chars(text).collect();
    let position = |a: &baozhi::Article| {
        let body: String = a.paragraphs.concat().chars().filter(|c| !c.is_whitespace()).collect();
        (1..=12)
            .rev()
            .filter_map(|n| {
                let head: String = body.chars().take(n).collect();
                (head.chars().count() == n || n == 1).then(|| flat.find(&head)).flatten()
            })
            .next()
            .unwrap_or(usize::MAX)
    };
    let mut keyed: Vec<(usize, usize, baozhi::Article)> =
        label.articles.drain(..).enumerate().map(|(i, a)| (position(&a), i, a)).collect();
    keyed.sort_by_key(|(p, i, _)| (*p, *i));
    label.articles = keyed.into_iter().map(|(_, _, a)| a).collect();
}

/// What went wrong building or reading a set: what failed, on which file
/// or tool, as one line.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn run(cmd: &mut Command) -> Result<(), Error> {
    let out = cmd.output().map_err(|e| Error(format!("{:?}: {e}", cmd.get_program())))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error(format!(
            "{:?} failed ({}): {}",
            cmd.get_program(),
            out.status,
            err.lines().last().unwrap_or("")
        )));
    }
    Ok(())
}

/// Prints an HTML file to PDF with headless Chromium.
pub fn print_pdf(tools: &Tools, html: &Path, pdf: &Path, profile: &Path) -> Result<(), Error> {
    let html = std::fs::canonicalize(html).map_err(|e| Error(format!("{}: {e}", html.display())))?;
    run(Command::new(&tools.chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display())))?;
    if !pdf.is_file() {
        return Err(Error(format!("chromium wrote no {}", pdf.display())));
    }
    Ok(())
}

/// The text of every page of a PDF, as `pdftotext -enc UTF-8` writes it.
pub fn extract(tools: &Tools, pdf: &Path) -> Result<Vec<String>, Error> {
    let out = Command::new(&tools.pdftotext)
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| Error(format!("pdftotext: {e}")))?;
    if !out.status.success() {
        return Err(Error(format!("pdftotext failed on {}", pdf.display())));
    }
    let all = String::from_utf8_lossy(&out.stdout).into_owned();
    // pdftotext ends every page with a form feed.
    let mut pages: Vec<String> = all.split('\u{0C}').map(str::to_string).collect();
    pages.pop();
    Ok(pages)
}

/// A page whose text and label disagree on the characters.
#[derive(Debug, Clone)]
pub struct Mismatch {
    pub name: String,
    /// Characters of the text the label lacks, and the reverse.
    pub missing: usize,
    pub extra: usize,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    pub pages: usize,
    pub seconds: f64,
    pub mismatches: Vec<Mismatch>,
}

/// Builds pages `0..count` of the set `seed` into `out`, `batch` pages per
/// Chromium run.
pub fn build(tools: &Tools, count: usize, seed: u64, out: &Path, batch: usize) -> Result<Report, Error> {
    let started = Instant::now();
    let io = |e: std::io::Error| Error(format!("{}: {e}", out.display()));
    std::fs::create_dir_all(out).map_err(io)?;
    let work = out.join(".work");
    std::fs::create_dir_all(&work).map_err(io)?;
    let mut mismatches = Vec::new();
    let batch = batch.max(1);
    for first in (0..count).step_by(batch) {
        let pages: Vec<Generated> = (first..(first + batch).min(count)).map(|n| generate(seed, n)).collect();
        for p in &pages {
            let doc = layout::document(&[p.section.as_str()]);
            std::fs::write(out.join(format!("{}.html", p.name)), doc).map_err(io)?;
        }
        let sections: Vec<&str> = pages.iter().map(|p| p.section.as_str()).collect();
        let html = work.join("batch.html");
        let pdf = work.join("batch.pdf");
        std::fs::write(&html, layout::document(&sections)).map_err(io)?;
        let _ = std::fs::remove_file(&pdf);
        print_pdf(tools, &html, &pdf, &work.join("profile"))?;
        let sheets = extract(tools, &pdf)?.len();
        if sheets != pages.len() {
            return Err(Error(format!(
                "pages {}..{}: the PDF has {sheets} pages for {} sheets (a sheet overflowed its paper)",
                first + 1,
                first + pages.len(),
                pages.len()
            )));
        }
        run(Command::new(&tools.pdfseparate).arg(&pdf).arg(work.join("p%d.pdf")))?;
        for (i, mut p) in pages.into_iter().enumerate() {
            let page_pdf = out.join(format!("{}.pdf", p.name));
            std::fs::rename(work.join(format!("p{}.pdf", i + 1)), &page_pdf).map_err(io)?;
            // The text of the page's own PDF: what anyone extracting the
            // kept file gets (fonts are shared differently in a batch).
            let text = extract(tools, &page_pdf)?.concat();
            order_by_text(&mut p.label, &text);
            let (missing, extra) = score::char_diff(&text, &p.label);
            if missing + extra > 0 {
                mismatches.push(Mismatch { name: p.name.clone(), missing, extra });
            }
            std::fs::write(out.join(format!("{}.txt", p.name)), &text).map_err(io)?;
            let json = serde_json::to_string_pretty(&p.label).expect("a page serialises");
            std::fs::write(out.join(format!("{}.expected.json", p.name)), json + "\n").map_err(io)?;
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(Report { pages: count, seconds: started.elapsed().as_secs_f64(), mismatches })
}

/// A labelled page found in a directory.
pub struct Labelled {
    pub name: String,
    pub text: String,
    pub label: Page,
}

/// Reads every `X.txt` with an `X.expected.json` beside it, in name order:
/// a set built here (`pageNNN`) or the shared corpus (`devNN`, also when
/// given the folder that holds `pages/`).
pub fn read_dir(dir: &Path) -> Result<Vec<Labelled>, Error> {
    let dir = if dir.join("pages").is_dir() { dir.join("pages") } else { dir.to_path_buf() };
    let entries = std::fs::read_dir(&dir).map_err(|e| Error(format!("{}: {e}", dir.display())))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_string))
        .filter(|n| dir.join(format!("{n}.expected.json")).is_file())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes =
                std::fs::read(dir.join(format!("{name}.txt"))).map_err(|e| Error(format!("{name}.txt: {e}")))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let json = std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
                .map_err(|e| Error(format!("{name}.expected.json: {e}")))?;
            let label: Page = serde_json::from_str(&json).map_err(|e| Error(format!("{name}.expected.json: {e}")))?;
            Ok(Labelled { name, text, label })
        })
        .collect()
}

/// Parses a page's PDF: the PDF's text layer (what the parse must account
/// for) and the parse.
pub fn parse_pdf_file(path: &Path) -> Result<(String, Page), Error> {
    let bytes = std::fs::read(path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
    let layer = baozhi::pdf::text_layer(&bytes).map_err(|e| Error(format!("{}: {e}", path.display())))?;
    let page = baozhi::parse_pdf(&bytes).map_err(|e| Error(format!("{}: {e}", path.display())))?;
    Ok((layer, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_reproducible_and_differ() {
        let a = generate(1, 4);
        assert_eq!(a.section, generate(1, 4).section);
        assert_eq!(a.label, generate(1, 4).label);
        assert_ne!(a.section, generate(1, 5).section);
        assert_ne!(a.section, generate(2, 4).section);
    }

    #[test]
    fn articles_are_ordered_by_where_their_body_starts() {
        let mut label = Page {
            articles: vec![
                baozhi::Article { paragraphs: vec!["乙乙乙乙乙乙".into()], ..Default::default() },
                baozhi::Article { paragraphs: vec!["甲甲甲甲甲甲".into()], ..Default::default() },
            ],
            leftovers: vec![],
        };
        order_by_text(&mut label, "标题\n甲甲甲\n甲甲甲\n乙乙乙乙\n乙乙\n");
        assert_eq!(label.articles[0].paragraphs[0], "甲甲甲甲甲甲");
    }
}

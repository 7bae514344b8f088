//! PDF pages → [`Page`]: the text layer read with its geometry, laid out
//! in reading order, then parsed as text.
//!
//! Passes, private to this module: `read` walks each page's content
//! stream and gives its glyphs (text, baseline, advance, type size, font)
//! and rules; `layout` joins glyphs into lines, lines into blocks (a run of
//! lines of one type size in one column), orders the blocks by cutting the
//! page at rules and gaps, and writes them out the way `pdftotext` does —
//! a line a line, a blank line between blocks, a paragraph's set-in first
//! line set in — for [`crate::parse::parse_page`] to read. Sheets are
//! separated by form feeds, so no article spans two pages.
//!
//! Faithful as the text path is: every character of the text layer ends up
//! in the page, whitespace aside ([`text_layer`] gives those characters).

#[cfg(feature = "pdf")]
mod layout;
#[cfg(feature = "pdf")]
mod read;
#[cfg(feature = "pdf")]
mod story;

use crate::Error;
use crate::model::Page;

/// The limits that keep a hostile PDF from hanging or exhausting the
/// reader; each is far above what a newspaper issue needs.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Pages in one file.
    pub pages: usize,
    /// Bytes any one stream may decompress to.
    pub stream_bytes: usize,
    /// Bytes of page content (all pages, forms included).
    pub content_bytes: usize,
    /// Content operations (all pages).
    pub operations: usize,
    /// Glyphs on one page.
    pub glyphs_per_page: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            pages: 1000,
            stream_bytes: 64 << 20,
            content_bytes: 256 << 20,
            operations: 20_000_000,
            glyphs_per_page: 400_000,
        }
    }
}

/// Does the file start like a PDF (`%PDF-`, perhaps after a few bytes
/// of junk, as readers allow)?
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// Parses a PDF's pages into one [`Page`], as [`crate::parse_page`]
/// parses text: the articles of each sheet in turn, and the leftovers.
///
/// Errors, each one line: a PDF with only images, one whose fonts do not
/// map to Unicode, one locked by a password, a truncated or damaged one,
/// and one over the [`Limits`].
///
/// ```
/// let err = baozhi::parse_pdf(b"%PDF-1.7\n garbage").unwrap_err();
/// assert_eq!(err.to_string(), "cannot read this PDF: the file is truncated or damaged");
/// ```
pub fn parse_pdf(bytes: &[u8]) -> Result<Page, Error> {
    parse_pdf_with(bytes, &Limits::default())
}

/// [`parse_pdf`] under given limits.
#[cfg(not(feature = "pdf"))]
pub fn parse_pdf_with(_: &[u8], _: &Limits) -> Result<Page, Error> {
    Err(Error::PdfNotBuilt)
}

/// [`parse_pdf`] under given limits.
#[cfg(feature = "pdf")]
pub fn parse_pdf_with(bytes: &[u8], limits: &Limits) -> Result<Page, Error> {
    let drawn = read_checked(bytes, limits)?;
    let mut page = Page::default();
    for sheet in &drawn.sheets {
        for piece in story::pieces(sheet) {
            match piece {
                story::Piece::Leftover(text) => page.leftovers.push(text),
                story::Piece::Story { head, body } => add_story(&head, &body, &mut page),
            }
        }
    }
    Ok(page)
}

/// A story into the page: its headline's roles by type size (the title is
/// set largest; what is over it is the kicker, what is under it the
/// subtitle), its text parsed as text (bylines, datelines, paragraphs).
#[cfg(feature = "pdf")]
fn add_story(head: &[story::HeadLine], body: &str, page: &mut Page) {
    let parsed = crate::parse::parse_story(body);
    page.leftovers.extend(parsed.leftovers);
    if head.is_empty() {
        page.articles.extend(parsed.articles);
        return;
    }
    // The title is the most prominent line: the largest type and, of
    // lines set about as large, the bold face.
    let largest = head.iter().map(|l| l.size).fold(0.0, f32::max);
    let large = |l: &story::HeadLine| l.size >= largest * 0.97;
    let bold = head.iter().any(|l| large(l) && l.other_face);
    let title = |l: &story::HeadLine| large(l) && (l.other_face || !bold);
    let first = head.iter().position(title).unwrap_or(0);
    let end = head[first..].iter().position(|l| !title(l)).map_or(head.len(), |n| first + n);
    let mut article = crate::Article {
        kicker: join(&head[..first]),
        title: join(&head[first..end]),
        subtitle: join(&head[end..]),
        ..Default::default()
    };
    for (i, a) in parsed.articles.into_iter().enumerate() {
        if i == 0 && a.kicker.is_none() && a.title.is_none() && a.subtitle.is_none() {
            article.byline = a.byline;
            article.credit = a.credit;
            article.authors = a.authors;
            article.dateline = a.dateline;
            article.paragraphs = a.paragraphs;
            continue;
        }
        // What the text parser took for another story is text of this one
        // (the headline is settled by the type): its parts, in order.
        let byline = match (a.byline, a.credit) {
            (Some(b), Some(c)) => Some(format!("{b} {c}")),
            (b, c) => b.or(c),
        };
        let first_paragraph = match (a.dateline, a.paragraphs.first()) {
            (Some(d), Some(p)) => Some(format!("{d}{p}")),
            (d, p) => d.or(p.cloned()),
        };
        let rest = a.paragraphs.into_iter().skip(1);
        article
            .paragraphs
            .extend([a.kicker, a.title, a.subtitle, byline, first_paragraph].into_iter().flatten().chain(rest));
    }
    page.articles.push(article);
}

/// Headline lines as one string.
#[cfg(feature = "pdf")]
fn join(lines: &[story::HeadLine]) -> Option<String> {
    Some(story::join(lines)).filter(|s| !s.is_empty())
}

/// The text layer laid out in reading order, as plain text (each sheet a
/// line a line, sheets separated by form feeds), for tools that read text.
pub fn pdf_text(bytes: &[u8]) -> Result<String, Error> {
    pdf_text_with(bytes, &Limits::default())
}

#[cfg(not(feature = "pdf"))]
fn pdf_text_with(_: &[u8], _: &Limits) -> Result<String, Error> {
    Err(Error::PdfNotBuilt)
}

/// The PDF's pages, or why there is nothing to read in them.
#[cfg(feature = "pdf")]
fn read_checked(bytes: &[u8], limits: &Limits) -> Result<read::Drawn, Error> {
    let drawn = read::read(bytes, limits)?;
    let sheets = &drawn.sheets;
    let glyphs: usize = sheets.iter().map(|s| s.glyphs.len()).sum();
    let unmapped: usize = sheets.iter().map(|s| s.unmapped).sum();
    if glyphs == 0 {
        return Err(if drawn.repaired {
            Error::PdfUnreadable { reason: "the file is truncated or damaged" }
        } else if unmapped > 0 {
            Error::PdfNoUnicode
        } else {
            Error::PdfOnlyImages
        });
    }
    Ok(drawn)
}

#[cfg(feature = "pdf")]
fn pdf_text_with(bytes: &[u8], limits: &Limits) -> Result<String, Error> {
    let drawn = read_checked(bytes, limits)?;
    let sheets = &drawn.sheets;
    let mut text = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        if i > 0 {
            text.push('\u{0C}');
        }
        layout::write(sheet, &mut text);
    }
    Ok(text)
}

/// Every character of the text layer, in the order the pages draw them
/// (what a faithful parse must account for).
#[cfg(feature = "pdf")]
pub fn text_layer(bytes: &[u8]) -> Result<String, Error> {
    let drawn = read::read(bytes, &Limits::default())?;
    Ok(drawn.sheets.iter().flat_map(|s| s.glyphs.iter().map(|g| g.text.as_str())).collect())
}

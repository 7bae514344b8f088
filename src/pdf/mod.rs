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
    // The title is the most prominent line: the largest type and, of
    // lines set about as large, the bold face.
    let largest = head.iter().map(|l| l.size).fold(0.0, f32::max);
    let large = |l: &story::HeadLine| l.size >= largest * 0.97;
    let bold = head.iter().any(|l| large(l) && l.other_face);
    let title = |l: &story::HeadLine| large(l) && (l.other_face || !bold);
    let first = head.iter().position(title).unwrap_or(0);
    let end = head[first..].iter().position(|l| !title(l)).map_or(head.len(), |n| first + n);
    let article = crate::Article {
        kicker: join(&head[..first]),
        title: join(&head[first..end]),
        subtitle: join(&head[end..]),
        ..Default::default()
    };
    let parts = parsed.articles;
    if parts.is_empty() {
        if !head.is_empty() {
            page.articles.push(article);
        }
        return;
    }
    // The headline is settled by the type: what the text parser took for
    // the start of another story is text of this one — but for text that
    // opens on a dateline or a byline of its own, a story the page set on
    // under this one without a headline.
    page.articles.extend(in_body_order(article, parts, body));
}

/// Has the text parser given it a headline?
#[cfg(feature = "pdf")]
fn headed(a: &crate::Article) -> bool {
    a.kicker.is_some() || a.title.is_some() || a.subtitle.is_some()
}

#[cfg(feature = "pdf")]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    /// A line the text parser took for a headline.
    Head,
    Byline,
    Credit,
    Dateline,
    Paragraph,
}

#[cfg(feature = "pdf")]
impl Part {
    /// The story's own text (a paragraph, a line taken for a headline, a
    /// dateline), as against a byline or credit set around it.
    fn is_text(self) -> bool {
        matches!(self, Part::Paragraph | Part::Head | Part::Dateline)
    }
}

/// The parts the text parser made of one story's text, back in the order
/// the text gives them, as the article under `base`'s headline and the
/// stories without a headline set on under it: one starts at a dateline
/// after text, or at a byline right under the byline that closed the text
/// before. In each, a byline that opens or closes the text is the
/// article's, and so is a dateline that opens it; a line taken for a
/// headline is the start of the paragraph it was set in (no blank line,
/// no set-in line after it); the rest is text, in order.
#[cfg(feature = "pdf")]
fn in_body_order(base: crate::Article, parts: Vec<crate::Article>, body: &str) -> Vec<crate::Article> {
    // The text without whitespace, and where each of its characters stands.
    let mut squashed = String::new();
    let mut at: Vec<usize> = Vec::new();
    for (i, c) in body.char_indices() {
        if !c.is_whitespace() {
            at.push(i);
            squashed.push(c);
        }
    }
    at.push(body.len());
    let mut pieces: Vec<(Part, usize, String)> = Vec::new();
    for (n, a) in parts.iter().enumerate() {
        for h in [&a.kicker, &a.title, &a.subtitle].into_iter().flatten() {
            pieces.push((Part::Head, n, h.clone()));
        }
        if let Some(b) = &a.byline {
            pieces.push((Part::Byline, n, b.clone()));
        }
        if let Some(c) = &a.credit {
            pieces.push((Part::Credit, n, c.clone()));
        }
        if let Some(d) = &a.dateline {
            pieces.push((Part::Dateline, n, d.clone()));
        }
        for p in &a.paragraphs {
            pieces.push((Part::Paragraph, n, p.clone()));
        }
    }
    // Where each piece stands in the text (byte range in `squashed`): the
    // first place not taken yet, headline lines last (the parser moves
    // them to the front).
    // Taken ranges never overlap, so only the one starting last before a
    // candidate's end can overlap it. A needle's search goes on after its
    // last hit: what lies before is taken for good. (Linear searches from
    // the start made a story of many equal short paragraphs cubic.)
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut resume: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut find = |text: &str| -> Option<(usize, usize)> {
        let needle: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut from = resume.get(&needle).copied().unwrap_or(0);
        while let Some(k) = squashed[from..].find(&needle) {
            let (s, e) = (from + k, from + k + needle.len());
            let overlaps = taken.range(..e).next_back().is_some_and(|(_, &end)| end > s);
            from += k + squashed[from + k..].chars().next().map_or(1, char::len_utf8);
            if !overlaps {
                taken.insert(s, e);
                resume.insert(needle, from);
                return Some((s, e));
            }
        }
        resume.insert(needle, squashed.len());
        None
    };
    let order = (0..pieces.len())
        .filter(|&i| pieces[i].0 != Part::Head)
        .chain((0..pieces.len()).filter(|&i| pieces[i].0 == Part::Head));
    let mut placed: Vec<Placed> = Vec::new();
    for i in order {
        let (kind, n, text) = &pieces[i];
        if text.trim().is_empty() {
            continue;
        }
        if let Some((s, e)) = find(text) {
            placed.push(Placed { start: s, end: e, part: *kind, from: *n, text: text.clone() });
            continue;
        }
        // A byline the parser joined from two places: its words, each
        // where it stands, joined again where they stand together.
        let words: Option<Vec<Placed>> = (*kind == Part::Byline)
            .then(|| {
                text.split_whitespace()
                    .map(|w| {
                        find(w).map(|(s, e)| Placed { start: s, end: e, part: *kind, from: *n, text: w.to_string() })
                    })
                    .collect()
            })
            .flatten();
        match words {
            Some(words) => placed.extend(words),
            // Not found as it stands: keep the parser's order.
            None => return vec![in_parser_order(base, parts)],
        }
    }
    placed.sort_by_key(|p| p.start);
    let mut merged: Vec<Placed> = Vec::with_capacity(placed.len());
    for p in placed {
        match merged.last_mut() {
            Some(last)
                if last.part == Part::Byline
                    && p.part == Part::Byline
                    && last.from == p.from
                    && last.end == p.start =>
            {
                last.end = p.end;
                last.text.push(' ');
                last.text.push_str(&p.text);
            }
            _ => merged.push(p),
        }
    }
    let placed = merged;
    // How many characters of `squashed` come before each byte offset.
    let mut chars_before = vec![0; squashed.len() + 1];
    for (n, (i, c)) in squashed.char_indices().enumerate() {
        for slot in &mut chars_before[i..i + c.len_utf8()] {
            *slot = n;
        }
    }
    chars_before[squashed.len()] = squashed.chars().count();
    let char_at = |s: usize| chars_before[s];
    // A paragraph the text parser ran on over a line the layout set in (a
    // paragraph's first line, set in by its indent) is two.
    let mut split = Vec::with_capacity(placed.len());
    for p in placed {
        if p.part != Part::Paragraph {
            split.push(p);
            continue;
        }
        let (first, last) = (char_at(p.start), char_at(p.end));
        let cuts: Vec<usize> = (first + 1..last).filter(|&c| body[at[c - 1]..at[c]].contains("\n\u{3000}")).collect();
        if cuts.is_empty() {
            split.push(p);
            continue;
        }
        let mut rest = p;
        // Cut from the end, so that `rest` keeps its start.
        for &c in cuts.iter().rev() {
            let skip = c - first;
            let cut = rest
                .text
                .char_indices()
                .filter(|(_, ch)| !ch.is_whitespace())
                .nth(skip)
                .map_or(rest.text.len(), |(i, _)| i);
            let tail = rest.text.split_off(cut);
            let start = squashed.char_indices().nth(c).map_or(squashed.len(), |(i, _)| i);
            let end = std::mem::replace(&mut rest.end, start);
            rest.text.truncate(rest.text.trim_end().len());
            split.push(Placed { start, end, part: Part::Paragraph, from: rest.from, text: tail });
        }
        split.push(rest);
    }
    split.sort_by_key(|p| p.start);
    let mut placed = split;
    // Does a paragraph start between two pieces (a blank line, or a line
    // set in)?
    let breaks = |end: usize, start: usize| -> bool {
        let (a, b) = (at[char_at(end).saturating_sub(1)], at[char_at(start)]);
        a < b && (body[a..b].contains("\n\n") || body[a..b].contains('\u{3000}'))
    };
    // Where the stories start.
    let mut starts = vec![0];
    let (mut seen_text, mut opened) = (false, false);
    for k in 0..placed.len() {
        let after_byline = k > 0 && matches!(placed[k - 1].part, Part::Byline | Part::Credit);
        match placed[k].part {
            Part::Dateline if seen_text => {
                // A byline right over it is the new story's when the one
                // before opened on a byline of its own.
                let by = (1..=2).map(|d| k.saturating_sub(d)).find(|&j| j < k && placed[j].part == Part::Byline);
                let start = by.filter(|&j| opened && (j + 1..k).all(|i| placed[i].part == Part::Credit)).unwrap_or(k);
                starts.push(start);
                opened = start < k;
            }
            Part::Byline if seen_text && after_byline => {
                starts.push(k);
                (seen_text, opened) = (false, true);
            }
            Part::Byline if !seen_text => opened = true,
            p if p.is_text() => seen_text = true,
            _ => {}
        }
    }
    starts.push(placed.len());
    let mut articles = Vec::new();
    let mut base = Some(base);
    for w in starts.windows(2) {
        let article = base.take().unwrap_or_default();
        articles.push(assemble(article, &mut placed[w[0]..w[1]], &parts, &breaks));
    }
    articles
}

/// A part of the parsed story found back in its text.
#[cfg(feature = "pdf")]
#[derive(Debug, Clone)]
struct Placed {
    /// Byte range in the text without whitespace.
    start: usize,
    end: usize,
    part: Part,
    /// Which of the text parser's articles it came from.
    from: usize,
    text: String,
}

/// One story's pieces, in text order, as an article under `base`.
#[cfg(feature = "pdf")]
fn assemble(
    mut base: crate::Article,
    placed: &mut [Placed],
    parts: &[crate::Article],
    breaks: &dyn Fn(usize, usize) -> bool,
) -> crate::Article {
    let texts = placed.iter().filter(|p| matches!(p.part, Part::Paragraph | Part::Head)).count();
    let last_text = placed.iter().rposition(|p| p.part.is_text());
    let first_text = placed.iter().position(|p| p.part.is_text());
    // The byline that opens or closes the text.
    let byline_at = (0..placed.len()).find(|&k| {
        placed[k].part == Part::Byline
            && base.byline.is_none()
            && texts > 0
            && (first_text.is_some_and(|f| k < f) || last_text.is_some_and(|l| k > l))
    });
    let mut used = vec![false; placed.len()];
    if let Some(k) = byline_at {
        let n = placed[k].from;
        base.byline = Some(placed[k].text.clone());
        base.authors = parts[n].authors.iter().filter(|a| placed[k].text.contains(a.as_str())).cloned().collect();
        used[k] = true;
        // A byline the parser joined from the text's opening and its close
        // is the story's as the parser gave it.
        let ends = |j: usize| first_text.is_some_and(|f| j < f) || last_text.is_some_and(|l| j > l);
        let rest: Vec<usize> = (k + 1..placed.len())
            .filter(|&j| placed[j].part == Part::Byline && placed[j].from == n && ends(j))
            .collect();
        if !rest.is_empty() {
            // Joined from the pieces taken, so that a word of it left in
            // the middle of the text (still a paragraph) is not printed twice.
            let mut byline = placed[k].text.clone();
            for &j in &rest {
                used[j] = true;
                byline.push(' ');
                byline.push_str(&placed[j].text);
            }
            base.authors = parts[n].authors.iter().filter(|a| byline.contains(a.as_str())).cloned().collect();
            base.byline = Some(byline);
        }
        if let Some(c) = placed.iter().position(|p| p.part == Part::Credit && p.from == n) {
            base.credit = parts[n].credit.clone();
            used[c] = true;
        }
    }
    if let Some(f) = first_text.filter(|&f| placed[f].part == Part::Dateline && base.dateline.is_none()) {
        let mut dateline = placed[f].text.clone();
        let mut from = vec![placed[f].from];
        used[f] = true;
        // The reporters in brackets right after it, on a line of their own
        // (`新华社北京5月26日电` / `（记者 张三）`), are the dateline's.
        if let Some(next) = placed.get(f + 1).filter(|p| p.part == Part::Byline && !used[f + 1])
            && next.text.starts_with(['（', '('])
            && !placed.iter().any(|p| p.part == Part::Credit && p.from == next.from)
        {
            dateline.push_str(&next.text);
            from.push(next.from);
            used[f + 1] = true;
        }
        // Or in brackets opening the paragraph after it, where the text
        // parser did not see them whole (broken over two lines).
        if from.len() == 1
            && placed.get(f + 1).is_some_and(|p| p.part == Part::Paragraph)
            && let Some(close) = bracketed_lead(&placed[f + 1].text)
        {
            let paragraph = std::mem::take(&mut placed[f + 1].text);
            let (lead, rest) = paragraph.split_at(close);
            dateline.push_str(lead);
            placed[f + 1].text = rest.trim_start().to_string();
            // Nothing after the brackets: no paragraph is left.
            used[f + 1] = placed[f + 1].text.is_empty();
        }
        base.dateline = Some(dateline);
        for a in from.iter().flat_map(|&n| &parts[n].authors) {
            if !base.authors.contains(a) {
                base.authors.push(a.clone());
            }
        }
    }
    // The rest, in order: a headline line or a dateline runs into the
    // paragraph right after it; a byline and its credit stay together.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for k in 0..placed.len() {
        if used[k] {
            continue;
        }
        let Placed { start: s, part: kind, ref text, .. } = placed[k];
        let runs_on = open && k > 0 && {
            let Placed { end: e, part: before, .. } = placed[k - 1];
            match before {
                Part::Dateline => !used[k - 1],
                Part::Head => !used[k - 1] && !breaks(e, s),
                Part::Byline => kind == Part::Credit,
                _ => false,
            }
        };
        if runs_on && let Some(last) = paragraphs.last_mut() {
            if !layout_joins_tight(last, text) {
                last.push(' ');
            }
            last.push_str(text);
        } else {
            paragraphs.push(text.clone());
        }
        open = true;
    }
    base.paragraphs = paragraphs;
    base
}

/// Where a paragraph's opening bracket of reporters (`（记者 张三）`)
/// closes: the byte after the closing bracket, when it opens the
/// paragraph, closes within a line or so and holds no sentence's end.
#[cfg(feature = "pdf")]
fn bracketed_lead(paragraph: &str) -> Option<usize> {
    let close = match paragraph.chars().next()? {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let (end, _) = paragraph.char_indices().take(40).find(|&(_, c)| c == close)?;
    let inside = &paragraph[..end];
    let reporters = ["记者", "通讯员", "实习生", "特派"].iter().any(|r| inside.contains(r));
    (reporters && !inside.contains(['。', '！', '？', '，'])).then_some(end + close.len_utf8())
}

#[cfg(feature = "pdf")]
fn layout_joins_tight(before: &str, after: &str) -> bool {
    !before.is_empty() && layout::joins_tight(before, after)
}

/// The parts in the order the text parser gives them, as text of one
/// article under `base`'s headline.
#[cfg(feature = "pdf")]
fn in_parser_order(mut base: crate::Article, parts: Vec<crate::Article>) -> crate::Article {
    for (i, a) in parts.into_iter().enumerate() {
        if i == 0 && !headed(&a) {
            base.byline = a.byline;
            base.credit = a.credit;
            base.authors = a.authors;
            base.dateline = a.dateline;
            base.paragraphs = a.paragraphs;
            continue;
        }
        let byline = match (a.byline, a.credit) {
            (Some(b), Some(c)) => Some(format!("{b} {c}")),
            (b, c) => b.or(c),
        };
        let first_paragraph = match (a.dateline, a.paragraphs.first()) {
            (Some(d), Some(p)) => Some(format!("{d}{p}")),
            (d, p) => d.or(p.cloned()),
        };
        let rest = a.paragraphs.into_iter().skip(1);
        base.paragraphs
            .extend([a.kicker, a.title, a.subtitle, byline, first_paragraph].into_iter().flatten().chain(rest));
    }
    base
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

#[cfg(all(test, feature = "pdf"))]
mod tests {
    use super::*;
    use crate::Article;

    fn article(dateline: Option<&str>, title: Option<&str>, byline: Option<&str>, paragraphs: &[&str]) -> Article {
        Article {
            title: title.map(String::from),
            byline: byline.map(String::from),
            dateline: dateline.map(String::from),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_line_the_text_parser_took_for_a_headline_starts_the_paragraph_it_was_set_in() {
        let body = "\u{3000}\u{3000}本报讯 第一段说完了。\n\u{3000}\u{3000}第二段的开头一行\n接着说完。\n";
        // The parser moved the line to the front as a title.
        let parts = vec![article(Some("本报讯"), Some("第二段的开头一行"), None, &["第一段说完了。", "接着说完。"])];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!(got.title, None);
        assert_eq!(got.dateline.as_deref(), Some("本报讯"));
        assert_eq!(got.paragraphs, ["第一段说完了。", "第二段的开头一行接着说完。"]);
    }

    #[test]
    fn a_byline_that_closes_the_text_is_the_storys_and_one_in_the_middle_is_text() {
        let body = "\u{3000}\u{3000}正文一。\n\n记者 王五\n\n\u{3000}\u{3000}正文二。\n\n记者 张三\n";
        let parts = vec![
            article(None, None, None, &["正文一。"]),
            article(None, None, Some("记者 王五"), &["正文二。"]),
            article(None, None, Some("记者 张三"), &[]),
        ];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!(got.byline.as_deref(), Some("记者 张三"));
        assert_eq!(got.paragraphs, ["正文一。", "记者 王五", "正文二。"]);
    }

    #[test]
    fn reporters_in_brackets_after_the_dateline_are_the_datelines() {
        // Broken over two lines: the parser left them on the paragraph.
        let body = "\u{3000}\u{3000}本报讯（记者 金波\n哲）正文说完。\n";
        let parts = vec![article(Some("本报讯"), None, None, &["（记者 金波 哲）正文说完。"])];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!(got.dateline.as_deref(), Some("本报讯（记者 金波 哲）"));
        assert_eq!(got.paragraphs, ["正文说完。"]);
        // On a line of their own, the parser took them for a byline.
        let body = "\u{3000}\u{3000}本报讯\n（记者 金波）\n正文说完。\n";
        let parts = vec![article(Some("本报讯"), None, Some("（记者 金波）"), &["正文说完。"])];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!((got.dateline.as_deref(), got.byline), (Some("本报讯（记者 金波）"), None));
    }

    #[test]
    fn a_paragraph_the_text_parser_ran_on_over_a_set_in_line_is_two() {
        let body = "\u{3000}\u{3000}第一段第一行\n第一段说完了。\n\n\u{3000}\u{3000}第二段第一行\n第二段说完了。\n";
        // The parser took the blank line for a column break.
        let parts = vec![article(None, None, None, &["第一段第一行第一段说完了。第二段第一行第二段说完了。"])];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!(got.paragraphs, ["第一段第一行第一段说完了。", "第二段第一行第二段说完了。"]);
    }

    /// Every non-blank character of the articles, sorted: what a faithful
    /// reordering must keep.
    fn characters(articles: &[Article]) -> Vec<char> {
        let mut chars: Vec<char> = articles
            .iter()
            .flat_map(|a| {
                [&a.kicker, &a.title, &a.subtitle, &a.byline, &a.credit, &a.dateline]
                    .into_iter()
                    .flatten()
                    .chain(&a.paragraphs)
                    .flat_map(|s| s.chars())
                    .collect::<Vec<_>>()
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        chars.sort_unstable();
        chars
    }

    #[test]
    fn a_byline_the_parser_joined_from_three_places_is_printed_once() {
        let body = "记者 王五\n\n\u{3000}\u{3000}正文一。\n\n记者\n\n\u{3000}\u{3000}正文二。\n\n记者 张三\n";
        let parts = vec![article(None, None, Some("记者 王五 记者 张三"), &["正文一。", "正文二。"])];
        let got = in_body_order(Article::default(), parts.clone(), body);
        assert_eq!(characters(&got), characters(&parts), "{got:?}");
    }

    #[test]
    fn reporters_in_brackets_that_fill_the_paragraph_leave_no_empty_one() {
        let body = "\u{3000}\u{3000}本报讯（记者 金波\n哲）\n\u{3000}\u{3000}正文说完。\n";
        let parts = vec![article(Some("本报讯"), None, None, &["（记者 金波 哲）", "正文说完。"])];
        let got = in_body_order(Article::default(), parts, body).remove(0);
        assert_eq!(got.dateline.as_deref(), Some("本报讯（记者 金波 哲）"));
        assert_eq!(got.paragraphs, ["正文说完。"]);
    }

    #[test]
    fn a_story_set_on_under_another_starts_at_its_own_byline_or_dateline() {
        // Story one closes on a byline; story two opens on one of its own.
        let body = "\u{3000}\u{3000}正文一。\n\n记者 王五\n\n记者 张三\n\n\u{3000}\u{3000}正文二。\n";
        let parts = vec![
            article(None, None, Some("记者 王五"), &["正文一。"]),
            article(None, None, Some("记者 张三"), &["正文二。"]),
        ];
        let got = in_body_order(Article { title: Some("标题".into()), ..Default::default() }, parts, body);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[0].title.as_deref(), got[0].byline.as_deref()), (Some("标题"), Some("记者 王五")));
        assert_eq!((got[1].title.as_deref(), got[1].byline.as_deref()), (None, Some("记者 张三")));
        assert_eq!(got[1].paragraphs, ["正文二。"]);
        // Story two opens on a dateline after story one's text.
        let body = "\u{3000}\u{3000}正文一。\n\u{3000}\u{3000}本报讯 正文二。\n";
        let parts = vec![article(None, None, None, &["正文一。"]), article(Some("本报讯"), None, None, &["正文二。"])];
        let got = in_body_order(Article::default(), parts, body);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[1].dateline.as_deref(), got[1].paragraphs.clone()),
            (Some("本报讯"), vec!["正文二。".to_string()])
        );
    }
}

//! Pass 1: one page of raw text → classified lines.
//!
//! Splits on every kind of line end (LF, CRLF, CR, VT, NEL, LS, PS), normalises
//! each line's whitespace, measures it, and recognises the lines that are
//! complete in themselves: blanks, bylines and page furniture (a byline
//! that wrapped over two or three lines is joined into one). Everything
//! else is text for the reflow pass.

use std::borrow::Cow;

use super::marks::{self, Byline};
use crate::text;

/// What a line is, as far as it can be told from the line alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Byline(Byline),
    Furniture,
    Text,
}

/// One line of a page.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line with its whitespace normalised (see [`text::normalize_line`]).
    pub text: Cow<'a, str>,
    /// Leading whitespace, in half-em units.
    pub indent: u32,
    /// Width of `text`, in half-em units.
    pub width: u32,
    /// Width of the line as printed, gaps included (see
    /// [`text::printed_width`]): whether a line fills its column.
    pub printed: u32,
    pub kind: LineKind,
}

impl Line<'_> {
    pub fn is_text(&self) -> bool {
        self.kind == LineKind::Text
    }
}

/// Splits a page into lines. `\u{2029}` (paragraph separator) also yields a
/// blank line, so that it keeps its meaning.
pub fn split_lines(page: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(page.len() / 32 + 1);
    let mut start = 0;
    let bytes = page.as_bytes();
    let mut i = 0;
    while i < page.len() {
        let b = bytes[i];
        // Fast path: every line end but LF and CR is a multi-byte or VT char.
        let (end_len, extra_blank) = match b {
            b'\n' | 0x0B => (1, false),
            b'\r' => (if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 }, false),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => (2, false),
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => {
                (3, bytes[i + 2] == 0xA9)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(classify(&page[start..i]));
        if extra_blank {
            out.push(classify(""));
        }
        i += end_len;
        start = i;
    }
    if start < page.len() {
        out.push(classify(&page[start..]));
    }
    join_wrapped_bylines(&mut out);
    mark_closing_name_lists(&mut out);
    mark_contact_lines(&mut out);
    out
}

/// A telephone number alone after its label, set apart from the text
/// above and below it (`联系电话：0571-1234567` between blank lines), is a
/// contact box or an advertisement's line: page furniture. Set tight in a
/// paragraph, it is the sentence's own (`……可以拨打` / `咨询电话：…` /
/// `或登录网站查询。`).
fn mark_contact_lines(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        // Most lines have no figure: they leave at the first test.
        if !lines[i].is_text() || !lines[i].text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let apart = |l: Option<&Line<'_>>| l.is_none_or(|l| !l.is_text());
        if apart(i.checked_sub(1).map(|j| &lines[j])) && apart(lines.get(i + 1)) && marks::is_phone_line(&lines[i].text)
        {
            lines[i].kind = LineKind::Furniture;
        }
    }
}

/// Reporters often sign a story with their names alone, set apart by
/// spaces on a line of their own under its last sentence (`……动力。` /
/// `张三 李明 王芳`). Two or more name-shaped words so set, at the end of
/// their block, sign the text above; prose never spaces words apart, and a
/// line the justification stretched spaces single characters.
fn mark_closing_name_lists(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        // Most lines have no space to set names apart: they leave unsplit.
        if !lines[i].is_text() || !lines[i].text.contains(' ') {
            continue;
        }
        let names: Vec<&str> = lines[i].text.split(' ').collect();
        let listed = names.iter().all(|n| text::names::name_shaped(n) && !text::names::place_shaped(n));
        let under_sentence = lines[i - 1].is_text() && text::ends_sentence(&lines[i - 1].text);
        let block_ends = lines.get(i + 1).is_none_or(|l| !l.is_text());
        if listed && under_sentence && block_ends {
            let authors = names.iter().map(|n| n.to_string()).collect();
            lines[i].kind =
                LineKind::Byline(Byline { text: lines[i].text.to_string(), authors, credit: None, closes: true });
        }
    }
}

/// A byline too long for its column wraps (`本报驻开罗记者 王五 本报驻联`
/// / `合国记者 李四`): a text line that opens with a role, sets names apart
/// with spaces and, joined with the line or two under it, reads as one
/// byline becomes that byline.
fn join_wrapped_bylines(lines: &mut Vec<Line<'_>>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        if let Some((joined, byline)) = name_wrapped_off(lines, i) {
            let (indent, printed) = (lines[i].indent, lines[i].printed.max(lines[i + 1].printed));
            let text = Cow::Owned(joined);
            lines[i] = Line { width: text::width(&text), text, indent, printed, kind: LineKind::Byline(byline) };
            lines.remove(i + 1);
        }
        let a = &lines[i];
        let candidate =
            a.is_text() && a.text.len() <= 180 && a.text.as_bytes().contains(&b' ') && marks::opens_with_role(&a.text);
        if candidate {
            let mut joined = a.text.to_string();
            let mut printed = a.printed;
            for n in 1..MAX_BYLINE_LINES {
                let Some(b) = lines.get(i + n).filter(|b| b.is_text() || matches!(b.kind, LineKind::Byline(_))) else {
                    break;
                };
                text::push_joined(&mut joined, &b.text);
                printed = printed.max(b.printed);
                if let Some(byline) = marks::parse_byline(&joined) {
                    let (indent, width) = (a.indent, text::width(&joined));
                    let text = Cow::Owned(std::mem::take(&mut joined));
                    lines[i] = Line { text, indent, width, printed, kind: LineKind::Byline(byline) };
                    lines.drain(i + 1..=i + n);
                    break;
                }
            }
        }
        i += 1;
    }
}

/// The byline on line `i`, and its text, when the column's edge cut its last name and
/// the name's last character or two stand alone on the next line
/// (`本报记者 张三 李明` / `华`), followed by a blank line or the page's end.
fn name_wrapped_off(lines: &[Line<'_>], i: usize) -> Option<(String, Byline)> {
    let LineKind::Byline(byline) = &lines[i].kind else {
        return None;
    };
    let rest = lines.get(i + 1).filter(|l| l.is_text())?;
    let n = rest.text.chars().count();
    let alone = lines.get(i + 2).is_none_or(|l| l.kind == LineKind::Blank);
    if !(1..=2).contains(&n) || !rest.text.chars().all(text::is_han) || !alone || byline.credit.is_some() {
        return None;
    }
    let last = byline.authors.last()?;
    if !lines[i].text.ends_with(last.as_str()) || !text::names::name_shaped(&format!("{last}{}", rest.text)) {
        return None;
    }
    let text = format!("{}{}", lines[i].text, rest.text);
    let joined = marks::parse_byline(&text)?;
    (joined.authors.len() == byline.authors.len()).then_some((text, joined))
}

/// A byline wraps over at most this many lines.
const MAX_BYLINE_LINES: usize = 3;

fn classify(raw: &str) -> Line<'_> {
    let indent = text::width_of_leading_space(raw);
    let text = text::normalize_line(raw);
    let facts = marks::LineFacts::of(&text);
    let width = facts.width;
    // A line left as it was, trimmed, has no gaps wider than one space:
    // it was printed as wide as it reads, without measuring it again.
    let printed = if matches!(text, Cow::Borrowed(_)) { width } else { text::printed_width(raw) };
    let kind = if text.is_empty() {
        LineKind::Blank
    } else if let Some(b) = marks::parse_byline(&text) {
        LineKind::Byline(b)
    } else if marks::furniture(&text, &facts) {
        LineKind::Furniture
    } else {
        LineKind::Text
    };
    Line { text, indent, width, printed, kind }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn kinds(page: &str) -> Vec<String> {
        split_lines(page)
            .iter()
            .map(|l| match &l.kind {
                LineKind::Blank => "blank".to_string(),
                LineKind::Byline(_) => format!("byline:{}", l.text),
                LineKind::Furniture => format!("furniture:{}", l.text),
                LineKind::Text => format!("text:{}", l.text),
            })
            .collect()
    }

    #[test]
    fn every_line_end_splits() {
        assert_eq!(
            kinds("一\r\n二\r三\n四\u{85}五\u{2028}六"),
            ["text:一", "text:二", "text:三", "text:四", "text:五", "text:六"]
        );
        assert_eq!(kinds("一\u{2029}二"), ["text:一", "blank", "text:二"]);
    }

    #[test]
    fn lines_are_classified_alone() {
        assert_eq!(
            kinds(" ▢ 全媒体记者 李四\n\n本报讯 昨日\n责任编辑：张三"),
            ["byline:▢ 全媒体记者 李四", "blank", "text:本报讯 昨日", "furniture:责任编辑：张三"]
        );
    }

    #[test]
    fn a_name_the_column_edge_cut_is_joined_to_its_byline() {
        assert_eq!(kinds("本报记者 张三 李明\n华\n\n正文"), ["byline:本报记者 张三 李明华", "blank", "text:正文"]);
        // Text going on under a byline is not part of it.
        assert_eq!(kinds("本报记者 张三 李明\n华\n正文"), ["byline:本报记者 张三 李明", "text:华", "text:正文"]);
    }

    #[test]
    fn names_alone_spaced_apart_under_a_last_sentence_sign_it() {
        assert_eq!(kinds("发展注入了动力。\n宋明远 白静\n\nA7版")[1], "byline:宋明远 白静");
        assert_eq!(kinds("发展注入了动力。\n宋明远 白静 龚晓")[1], "byline:宋明远 白静 龚晓");
        // Not one name alone, nor names in the middle of a text, nor under
        // a sentence left open, nor a place.
        assert_eq!(kinds("发展注入了动力。\n宋明远\n")[1], "text:宋明远");
        assert_eq!(kinds("发展注入了动力。\n宋明远 白静\n正文接着")[1], "text:宋明远 白静");
        assert_eq!(kinds("发展注入了\n宋明远 白静\n")[1], "text:宋明远 白静");
        assert_eq!(kinds("发展注入了动力。\n宋明远 安平县\n")[1], "text:宋明远 安平县");
    }

    #[test]
    fn indent_and_width_are_measured() {
        let lines = split_lines("\u{3000}\u{3000}实施 20");
        assert_eq!(lines[0].indent, 4);
        assert_eq!(lines[0].text, "实施20");
        assert_eq!(lines[0].width, 6);
    }
}

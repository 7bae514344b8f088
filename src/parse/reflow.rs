//! Pass 2: classified lines → units (paragraphs, headline blocks, bylines,
//! furniture), in page order.
//!
//! Wrapped lines are rejoined and column breaks repaired: a blank line after
//! text that has not finished its sentence is a column break, not a
//! paragraph end. Paragraph ends are found from sentence-final punctuation
//! and from lines that stop short of the column width. Headlines are told
//! from body text by their shape (no sentence punctuation, a width that is
//! not the column's) and by what surrounds them (a byline, a dateline, the
//! end of the page, or the lead they share words with).

use super::lines::{Line, LineKind};
use super::marks::{self, Byline};
use crate::text;

/// A stretch of the page in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    Headline(Headline),
    Byline(Byline),
    Furniture(String),
    Paragraph(Paragraph),
}

/// Consecutive headline lines: kicker, title and subtitle are told apart
/// later, from their widths and the blank lines between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub lines: Vec<HeadlineLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineLine {
    pub text: String,
    pub width: u32,
    /// A blank line separates it from the line before.
    pub blank_before: bool,
    /// The block's deck (see [`is_deck`]), whole on this one line: the
    /// subtitle, or its end where the lines above hold one.
    pub deck: bool,
}

impl Headline {
    /// All lines joined, for comparing with article text.
    pub fn joined(&self) -> String {
        let mut s = String::new();
        for l in &self.lines {
            text::push_joined(&mut s, &l.text);
        }
        s
    }
}

/// A reflowed paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub text: String,
    /// Opens with a dateline (`本报讯`…), so it starts an article.
    pub dateline: bool,
    /// Opens a block (after a blank line) with a line that fills its
    /// column, or right after a paragraph left in mid-sentence by a column
    /// break: the middle of a paragraph whose start was printed in another
    /// column, which the assembly looks for.
    pub continues_earlier: bool,
    /// Opens with a full line right under the end of a paragraph, inside
    /// a block, on a page that sets paragraphs in: where the first line
    /// of a paragraph cannot stand, so maybe text cut off elsewhere, run
    /// on without a blank line. The page's words must say so.
    pub may_continue_earlier: bool,
    /// Opens a block with a line short of its column by about a
    /// paragraph's indent, no more, no less: surely a paragraph's start.
    pub opens_set_in: bool,
    /// Follows a blank line: set apart from what the page printed above it.
    pub after_blank: bool,
    /// Ends its block without ending the paragraph: its last line stops in
    /// mid-sentence or fills the column, so the text may go on in a later
    /// block.
    pub open_end: bool,
    /// The width of the column its first and its last lines are set in, in
    /// half-ems, where its own lines tell it (see [`own_measure`]): a story
    /// cut by a column break goes on in a column of its own width.
    pub column_in: Option<u32>,
    pub column_out: Option<u32>,
}

/// How many width samples to take on each side of a line.
const WIDTH_WINDOW: usize = 8;
/// A line this many half-ems narrower than its column is short.
const SHORT_BY: u32 = 4;
/// A line this many half-ems narrower than its column is shorter than a
/// paragraph's indented first line (two characters) can explain.
const VERY_SHORT_BY: u32 = 7;
/// A line this many half-ems wider than its column is long.
const LONG_BY: u32 = 5;
/// Headline blocks have at most this many lines.
const MAX_HEADLINE_LINES: usize = 5;

/// Reflows one page.
pub fn reflow(lines: &[Line<'_>]) -> Vec<Unit> {
    let columns = column_widths(lines);
    let indents = sets_paragraphs_in(lines, &columns);
    let pieces = cut_pieces(lines, &columns, indents);
    let roles = resolve_headlines(lines, &columns, &pieces);
    emit(lines, &columns, &pieces, &roles, indents)
}

/// Does the page set a paragraph's first line in (as most pages printed
/// in columns do), so that a block opening with a full line is the middle
/// of a paragraph? Told from the paragraph ends inside blocks: a short
/// line that ends a sentence, then the next line, set in or not. Pages
/// that mark paragraphs with blank lines instead show no such pairs, or
/// full lines after them.
fn sets_paragraphs_in(lines: &[Line<'_>], columns: &[Column]) -> bool {
    let (mut set_in, mut flush) = (0, 0);
    for i in 1..lines.len().saturating_sub(1) {
        let (a, b) = (&lines[i], &lines[i + 1]);
        if !a.is_text() || !b.is_text() || !lines[i - 1].is_text() {
            continue;
        }
        if !ends_paragraph(&a.text) || !is_short(a, columns[i].ending()) || !lines.get(i + 2).is_some_and(Line::is_text)
        {
            continue;
        }
        if fills(b, columns[i + 1].opening()) {
            flush += 1;
        } else if !is_very_short(b, columns[i + 1].opening()) {
            set_in += 1;
        }
    }
    set_in >= 2 && set_in >= 2 * flush
}

/// The width of the column a line sits in, in half-ems: the commonest width
/// of nearby lines that wrap (the text goes on in the next line), never
/// reaching across a byline or furniture, which separate articles.
/// Columns change width, even inside an article, so a line that may open a
/// paragraph or stand as a headline is also measured against the lines
/// after it alone.
#[derive(Debug, Clone, Copy, Default)]
struct Column {
    around: Option<u32>,
    after: Option<u32>,
}

impl Column {
    /// For judging a line that may end a paragraph.
    fn ending(self) -> Option<u32> {
        self.around
    }
    /// For judging a line that may open a paragraph or stand as a headline.
    fn opening(self) -> Option<u32> {
        self.after.or(self.around)
    }
}

fn column_widths(lines: &[Line<'_>]) -> Vec<Column> {
    let mut out = vec![Column::default(); lines.len()];
    // The width most lines nearby share (within a half-em, as digits and
    // squeezed marks vary it), the wider on a tie: headline lines and
    // paragraph ends are shorter than the column, and there are fewer of
    // them than of full lines.
    // Counted in a small table indexed by width, not by sorting: this runs
    // for every line of every page.
    let mut tally = [0u8; 258];
    let mut common = |widths: &mut Vec<u32>| {
        let slot = |w: u32| w.min(255) as usize + 1;
        for &w in widths.iter() {
            tally[slot(w)] += 1;
        }
        let mut best: Option<(u32, u32)> = None;
        for &v in widths.iter() {
            let k = slot(v);
            let count = u32::from(tally[k - 1]) + u32::from(tally[k]) + u32::from(tally[k + 1]);
            if best.is_none_or(|(c, b)| (count, v) > (c, b)) {
                best = Some((count, v));
            }
        }
        for &w in widths.iter() {
            tally[slot(w)] = 0;
        }
        best.map(|(_, v)| v)
    };
    let mut seg_start = 0;
    while seg_start < lines.len() {
        let seg_end = (seg_start..lines.len())
            .find(|&i| matches!(lines[i].kind, LineKind::Byline(_) | LineKind::Furniture))
            .unwrap_or(lines.len());
        let samples: Vec<usize> = (seg_start..seg_end)
            .filter(|&i| {
                lines[i].is_text()
                    && lines.get(i + 1).is_some_and(Line::is_text)
                    && !text::ends_sentence(&lines[i].text)
            })
            .collect();
        let mut p = 0;
        let mut window = Vec::with_capacity(2 * WIDTH_WINDOW);
        for (i, slot) in out.iter_mut().enumerate().take(seg_end).skip(seg_start) {
            if !lines[i].is_text() {
                continue;
            }
            while p < samples.len() && samples[p] < i {
                p += 1;
            }
            let from = if samples.get(p) == Some(&i) { p + 1 } else { p };
            let to = (from + WIDTH_WINDOW).min(samples.len());
            let width = |&s: &usize| lines[s].width;
            window.clear();
            window.extend(samples[p.saturating_sub(WIDTH_WINDOW)..p].iter().map(width));
            window.extend(samples[from.min(to)..to].iter().map(width));
            slot.around = common(&mut window);
            window.clear();
            window.extend(samples[from.min(to)..to].iter().map(width));
            slot.after = common(&mut window);
        }
        seg_start = seg_end + 1;
    }
    out
}

/// Does the line fill its column, as a line inside a paragraph does (not
/// set in by a paragraph's indent, nor stopped short by its end)?
fn fills(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_some_and(|w| line.printed + FULL_WITHIN > w)
}

/// A line at most this many half-ems narrower than its column fills it
/// (ragged-right setting and line-start rules leave up to a character).
const FULL_WITHIN: u32 = 3;

/// Short of its column as printed: a gap the typesetter left around a
/// Latin run or a number (`交通运输局 12 日公布了`) takes room in the
/// column, so a full line with digits in it is not short.
fn is_short(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_none_or(|w| line.printed + SHORT_BY <= w)
}

/// Short by about the two-character indent that opens a paragraph.
fn is_indent_short(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_some_and(|w| line.width + 3 <= w && line.width + 6 >= w)
}

/// Short by the indent itself, two characters, give or take a half-em: a
/// line one character short (a squeezed mark, a digit) is not set in.
fn is_set_in(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_some_and(|w| line.width + 4 <= w && line.width + 5 >= w)
}

/// Very short of its column as printed (see [`is_short`]).
fn is_very_short(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_none_or(|w| line.printed + VERY_SHORT_BY <= w)
}

fn is_long(line: &Line<'_>, column: Option<u32>) -> bool {
    column.is_some_and(|w| line.width >= w + LONG_BY)
}

/// Does the line end its paragraph by its punctuation: a sentence end, or a
/// bracketed credit or jump line such as `（摄影 张三）` or `（下转第3版）`?
fn ends_paragraph(s: &str) -> bool {
    if text::ends_sentence(s) {
        return true;
    }
    let Some(inner) = trailing_bracket(s) else {
        return false;
    };
    marks::parse_byline(&format!("（{inner}）")).is_some()
        || ((inner.contains('转') || inner.contains('接')) && inner.contains('版'))
}

/// What the brackets that end `s` hold (`…（摄影 张三）` gives `摄影 张三`).
fn trailing_bracket(s: &str) -> Option<&str> {
    let body = s.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    Some(body[open..].trim_start_matches(['（', '(']))
}

/// Could the line be part of a headline? No sentence end but `！` or `？`,
/// at most one comma, list comma (`老街、新区`) or colon, no other
/// sentence punctuation, and some letters. Returns the number of those
/// marks, or `None`.
fn headline_shape(s: &str) -> Option<usize> {
    if s.chars().count() > 48 || (text::ends_open(s) && !ends_with_double_dash(s)) {
        return None;
    }
    let mut soft = 0;
    let mut letters = 0;
    for c in s.chars() {
        match c {
            '。' | '；' | ';' => return None,
            '，' | ',' | '：' | ':' | '、' => soft += 1,
            c if text::is_han(c) || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) => letters += 1,
            _ => {}
        }
    }
    if soft > 1 || letters < 2 {
        return None;
    }
    let last = s.chars().rev().find(|&c| !text::is_closer(c));
    match last {
        Some('。' | '.' | '…' | '．') => None,
        Some('！' | '？' | '!' | '?') if soft > 0 => None,
        _ => Some(soft),
    }
}

/// Does the line end with a double dash, the way a kicker leads on to its
/// title (`城东街道推进垃圾分类――`)? Only a kicker of one line stands so.
pub(super) fn ends_with_double_dash(s: &str) -> bool {
    ["——", "――", "－－", "--"].iter().any(|d| s.ends_with(d))
}

/// Does a headline line end with a bracketed tag that closes a title, such
/// as `（民生观察）` or `(时事短评)`?
pub(super) fn ends_with_tag(s: &str) -> bool {
    trailing_bracket(s)
        .is_some_and(|inner| (1..=MAX_TAG_CHARS).contains(&inner.chars().count()) && !inner.contains(['，', '。', ',']))
}

/// The most characters a headline's bracketed tag holds: a column's name
/// and a series' (`民生观察·关注城乡物价变化③`).
const MAX_TAG_CHARS: usize = 14;

/// Do the lines of a block's opening, then `last`, form a headline whose
/// bracketed tag wrapped onto `last` (`…扎根山村(记者手` / `记)`)?
/// The tag closes the headline: whatever follows is not part of it.
fn closes_wrapped_tag(head: &str, last: &str) -> bool {
    let mut whole = head.to_string();
    text::push_joined(&mut whole, last);
    BRACKETS.iter().any(|&pair| depth(head, pair) == 1 && depth(last, pair) == -1)
        && ends_with_tag(&whole)
        && headline_shape(&whole).is_some()
}

/// Is `tail`, a few characters closing a quotation mark or bracket that
/// `head` left open (`社区食堂成了“香饽` / `饽”`), the wrapped end of a
/// headline, whatever its own shape?
fn wrapped_tail(head: &str, tail: &str) -> bool {
    tail.chars().count() <= MAX_TAIL_CHARS && tail.ends_with(CLOSERS) && closes_left_open(head, tail)
}

/// Is text line `i + 1` the last character or two of a headline that
/// wrapped from line `i` (`…正式建成通` / `车`), alone at the end of
/// its block? Line `i` is shaped like a headline and as wide as its column
/// or wider; text would not end a block short of a sentence's end.
fn ends_with_remainder(lines: &[Line<'_>], columns: &[Column], i: usize) -> bool {
    let (a, b) = (&lines[i], &lines[i + 1]);
    is_remainder(&b.text)
        && !lines.get(i + 2).is_some_and(Line::is_text)
        && headline_shape(&a.text).is_some()
        && (fills(a, columns[i].opening()) || is_long(a, columns[i].opening()))
}

/// A character or two of Chinese, as a headline's wrapped end leaves.
fn is_remainder(s: &str) -> bool {
    s.chars().count() <= MAX_REMAINDER_CHARS && s.chars().all(text::is_han)
}

/// The most characters of a headline's wrapped end alone on its line.
const MAX_REMAINDER_CHARS: usize = 2;

/// Does `b` close a quotation mark or bracket that `head` left open?
fn closes_left_open(head: &str, b: &str) -> bool {
    QUOTES.iter().chain(&BRACKETS).any(|&pair| depth(head, pair) > 0 && depth(head, pair) + depth(b, pair) <= 0)
}

const QUOTES: [(char, char); 3] = [('“', '”'), ('《', '》'), ('「', '」')];
const BRACKETS: [(char, char); 2] = [('（', '）'), ('(', ')')];

/// How many of `pair`'s opening marks `s` leaves open (negative: closes).
fn depth(s: &str, (open, close): (char, char)) -> i64 {
    s.chars().map(|c| i64::from(c == open) - i64::from(c == close)).sum()
}

/// The text of lines `start..end` joined as a paragraph joins them.
fn joined(lines: &[Line<'_>], start: usize, end: usize) -> String {
    let mut out = String::new();
    for line in &lines[start..end] {
        text::push_joined(&mut out, &line.text);
    }
    out
}

/// The most characters of a headline's wrapped end that closes its quote.
const MAX_TAIL_CHARS: usize = 4;

/// The marks that close a quotation or a bracket.
const CLOSERS: [char; 5] = ['”', '》', '」', '）', ')'];

/// A line that can only be a headline when it stands in the column: no
/// sentence punctuation at all.
fn headline_only(s: &str) -> bool {
    headline_shape(s) == Some(0)
}

/// A numbered or bulleted heading inside an article (`一、坚持项目为王`):
/// a paragraph of its own when it does not fill the column.
fn is_cross_head(s: &str) -> bool {
    marks::starts_enumerator(s) && !text::ends_open(s) && !ends_paragraph(s)
}

/// The paragraph indentation some extractions keep: a line set in by one
/// or two characters more than the line before.
fn indented_more(a: &Line<'_>, b: &Line<'_>) -> bool {
    b.indent >= a.indent + 2 && b.indent <= 8
}

/// A run of lines that the reflow keeps together: a paragraph's worth of
/// one chunk, or one headline line.
#[derive(Debug, Clone)]
struct Piece {
    start: usize,
    end: usize,
    /// Shaped like a headline, and in a place where one may stand.
    candidate: bool,
    /// Its first line opens a story with a dateline.
    opens_story: bool,
}

/// Cuts the text lines into pieces at certain paragraph ends and at
/// headline-shaped lines that stand out from the column.
fn cut_pieces(lines: &[Line<'_>], columns: &[Column], indents: bool) -> Vec<Piece> {
    let story: Vec<StoryStart> =
        (0..lines.len()).map(|i| if lines[i].is_text() { opens_dateline(lines, i) } else { StoryStart::No }).collect();
    let make_piece =
        |start: usize, end: usize, fresh: bool| make_piece(lines, start, end, fresh, story[start] != StoryStart::No);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut fresh = true;
    let mut i = 0;
    while i < lines.len() {
        match lines[i].kind {
            LineKind::Blank => {
                i += 1;
                continue;
            }
            LineKind::Byline(_) | LineKind::Furniture => {
                fresh = true;
                i += 1;
                continue;
            }
            LineKind::Text => {}
        }
        let mut start = i;
        // Where paragraphs are set in, text left open before a blank line
        // may go on in any later block, so a headline may stand here,
        // unless the line fills the column as the text going on would.
        let mut piece_fresh = fresh || (indents && !fills(&lines[i], columns[i].opening()));
        loop {
            let a = &lines[i];
            let next = lines.get(i + 1).filter(|l| l.is_text());
            let Some(b) = next else { break };
            let first_of_piece = i == start;
            // A dateline opens a story: whatever stands over it in the
            // block ends there (the text before, or a headline set tight
            // on it). One wrapped onto the next line holds the two together.
            // A headline that wrapped inside its quotation marks or its
            // bracketed tag holds together, and the tag closes it.
            // (So is a line of prose that leaves a quotation open: it is
            // no headline to cut off.)
            let opens_block = start == 0 || !lines[start - 1].is_text();
            let headline_start = (piece_fresh || opens_block) && i - start + 1 < MAX_HEADLINE_LINES;
            let holds = headline_start
                && (b.text.contains(CLOSERS) && {
                    let head = joined(lines, start, i + 1);
                    headline_shape(&head).is_some() && closes_left_open(&head, &b.text)
                } || ends_with_remainder(lines, columns, i));
            let tag_closed = headline_start
                && i > start
                && a.text.ends_with(['）', ')'])
                && closes_wrapped_tag(&joined(lines, start, i), &a.text);
            let breaks = story[i + 1] != StoryStart::No && !text::ends_open(&a.text)
                || piece_fresh && first_of_piece && title_led_on_to(lines, columns, i)
                || !holds
                    && (breaks_between(a, b, columns[i], piece_fresh && first_of_piece, indents)
                        || (indents && headline_over_paragraph(lines, columns, i))
                        || headline_under_finished_text(lines, columns, i)
                        || tag_closed);
            if breaks && story[i] != StoryStart::Wrapped {
                pieces.push(make_piece(start, i + 1, piece_fresh || tag_closed));
                start = i + 1;
                piece_fresh = true;
            }
            i += 1;
        }
        // On a page that sets paragraphs in, a line set in by the indent
        // under the end of a paragraph, with nothing after it in the block,
        // opens a paragraph that the column break cut off.
        let opens_cut_paragraph = indents
            && start == i
            && start > 0
            && lines[start - 1].is_text()
            && ends_paragraph(&lines[start - 1].text)
            && !text::ends_sentence(&lines[i].text)
            && is_indent_short(&lines[i], columns[i - 1].ending());
        // A block of a line or two with a byline set tight under it is a
        // headline, even after text a column break left open: the text
        // going on would not stop short of a sentence's end to be signed.
        let over_byline = start > 0
            && lines[start - 1].kind == LineKind::Blank
            && i + 1 - start <= MAX_TIGHT_HEADLINE_LINES
            && matches!(lines.get(i + 1).map(|l| &l.kind), Some(LineKind::Byline(_)))
            && !ends_paragraph(&lines[i].text);
        let piece = make_piece(start, i + 1, (piece_fresh || over_byline) && !opens_cut_paragraph);
        fresh = piece.candidate || ends_paragraph(&lines[i].text);
        pieces.push(piece);
        i += 1;
    }
    // Lines set tight over a dateline, after a blank line or the end of a
    // paragraph and not ending a sentence, are that story's headline, even
    // with a list comma in them (`张三、李四案宣判`).
    for k in 1..pieces.len() {
        let (above, below) = (&pieces[k - 1], &pieces[k]);
        let tight = above.end == below.start && below.opens_story;
        let short = above.end - above.start <= MAX_TIGHT_HEADLINE_LINES;
        if tight && short && !above.candidate && fresh_before(lines, above.start) {
            let prose = lines[above.start..above.end].iter().any(|l| {
                let t = &l.text;
                t.chars().count() > 48 || t.contains(['。', '；', ';']) || ends_paragraph(t) || text::ends_open(t)
            });
            pieces[k - 1].candidate = !prose;
        }
    }
    pieces
}

/// Is text line `i`, opening a block, the title that a kicker leading on
/// with a double dash (`委员们谈乡村学校――`) promised, set tight
/// over its text? A kicker that leads on never stands alone, and the next
/// headline-shaped line short of its column, across a byline or blank
/// lines, is the title it leads to, a comma in it or not.
fn title_led_on_to(lines: &[Line<'_>], columns: &[Column], i: usize) -> bool {
    let a = &lines[i];
    let above = lines[..i].iter().rev().find(|l| matches!(l.kind, LineKind::Text | LineKind::Furniture));
    above.is_some_and(|k| k.is_text() && ends_with_double_dash(&k.text) && headline_shape(&k.text).is_some())
        && headline_shape(&a.text).is_some()
        && !ends_paragraph(&a.text)
        && is_short(a, columns[i].opening())
        && !marks::starts_with_dateline(&a.text)
}

/// The most lines a headline set tight over its dateline runs to (a kicker
/// and a title).
const MAX_TIGHT_HEADLINE_LINES: usize = 2;

/// Where a text line stands to a dateline that opens a story.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StoryStart {
    No,
    /// The line opens with a dateline.
    Here,
    /// The line opens with a dateline that wraps onto the next line
    /// (`据新华社某地2月24` / `日电（记者…）`).
    Wrapped,
}

/// Does text line `i` open a story with a dateline, on the line itself or
/// wrapped onto the next?
fn opens_dateline(lines: &[Line<'_>], i: usize) -> StoryStart {
    let a = &lines[i].text;
    if marks::starts_with_dateline(a) {
        return StoryStart::Here;
    }
    let Some(b) = lines.get(i + 1).filter(|l| l.is_text()) else {
        return StoryStart::No;
    };
    // The marker (`电`, `讯`, `消息`) must come early on the next line,
    // and that line must not open a dateline of its own.
    if !b.text.chars().take(8).any(|c| matches!(c, '电' | '讯' | '消'))
        || !marks::could_open_dateline(a)
        || marks::starts_with_dateline(&b.text)
    {
        return StoryStart::No;
    }
    if marks::match_dateline(&joined(lines, i, i + 2)).is_some_and(|d| d.len > a.len()) {
        StoryStart::Wrapped
    } else {
        StoryStart::No
    }
}

/// Does the text line `i` start a block (after a blank line, a byline,
/// furniture, or the end of a paragraph)?
fn fresh_before(lines: &[Line<'_>], i: usize) -> bool {
    i == 0 || !lines[i - 1].is_text() || ends_paragraph(&lines[i - 1].text)
}

fn make_piece(lines: &[Line<'_>], start: usize, end: usize, fresh: bool, opens_story: bool) -> Piece {
    // A few characters closing a quotation or bracket that the lines above
    // left open end them, whatever their own shape; so does a last
    // character or two that no break set apart from the lines above.
    let tail = |i: usize| {
        i > start
            && lines[i].text.chars().count() <= MAX_TAIL_CHARS
            && (wrapped_tail(&joined(lines, start, i), &lines[i].text)
                || (i + 1 == end && is_remainder(&lines[i].text)))
    };
    let soft: Option<usize> = if end - start > MAX_HEADLINE_LINES {
        None
    } else {
        (start..end).map(|i| if tail(i) { Some(0) } else { headline_shape(&lines[i].text) }).sum()
    };
    let single = end - start == 1;
    // A headline of several lines has at most one comma, and only a
    // one-line headline may end with `！` or `？`.
    let candidate = fresh
        && end - start <= MAX_HEADLINE_LINES
        && (single || !ends_with_double_dash(&lines[end - 1].text))
        && soft.is_some_and(|n| n <= 1)
        && (single || !text::ends_sentence(&lines[end - 1].text))
        && !opens_story;
    Piece { start, end, candidate, opens_story }
}

/// Is there a paragraph (or headline) boundary between two adjacent text
/// lines of one chunk?
fn breaks_between(a: &Line<'_>, b: &Line<'_>, column: Column, a_starts_fresh: bool, indents: bool) -> bool {
    if text::ends_open(&a.text) {
        return false;
    }
    let ends = ends_paragraph(&a.text);
    let short = is_short(a, column.ending());
    // A paragraph's first line, set in, whose sentence ends at the column's
    // edge, with a full line under it: where paragraphs are set in, that
    // line cannot open one, so the paragraph goes on.
    if ends
        && indents
        && a_starts_fresh
        && is_indent_short(a, column.opening())
        && fills(b, column.opening())
        && !marks::starts_caption(&b.text)
    {
        return false;
    }
    if ends && (short || marks::starts_caption(&b.text) || indented_more(a, b)) {
        return true;
    }
    // A full line that ends a sentence, then a line short by about the
    // two-character indent of a paragraph's first line, which goes on.
    if ends && !ends_paragraph(&b.text) && is_indent_short(b, column.opening()) {
        return true;
    }
    if indented_more(a, b) && a.indent == 0 && short {
        return true;
    }
    if a_starts_fresh && is_short(a, column.opening()) && is_cross_head(&a.text) {
        return true;
    }
    // A headline set directly above its text: it stands out of the column
    // by more than a paragraph indent.
    a_starts_fresh
        && !ends
        && headline_only(&a.text)
        && (is_very_short(a, column.opening()) || is_long(a, column.opening()))
        && !marks::starts_with_dateline(&a.text)
}

/// Is text line `i + 1` a headline line set tight under the last line of
/// a finished paragraph (`……每气边。` / `瑞典`), as pdftotext prints a
/// brief's kicker in body type under the brief above it? A paragraph
/// ends with its sentence's mark or a bracketed credit or jump line
/// (`（下转第3版）`), and a column break leaves a full line: a short line
/// with neither, ending its block under a finished sentence, is no text of
/// that paragraph.
fn headline_under_finished_text(lines: &[Line<'_>], columns: &[Column], i: usize) -> bool {
    let (a, b) = (&lines[i], &lines[i + 1]);
    text::ends_sentence(&a.text)
        && !lines.get(i + 2).is_some_and(Line::is_text)
        && headline_only(&b.text)
        && !ends_paragraph(&b.text)
        && is_short(b, columns[i + 1].opening())
        && !marks::starts_with_dateline(&b.text)
}

/// Does text line `i`, ending a block's first lines, stand over the set-in
/// first line of a paragraph as its headline (or the last line of one)?
/// With no sentence punctuation in them, those lines end no paragraph, so
/// they cannot be text.
fn headline_over_paragraph(lines: &[Line<'_>], columns: &[Column], i: usize) -> bool {
    let Some(top) = (i.saturating_sub(MAX_TIGHT_HEADLINE_LINES - 1)..=i)
        .find(|&s| s > 0 && lines[s - 1].kind == LineKind::Blank && (s..=i).all(|k| lines[k].is_text()))
    else {
        return false;
    };
    (top..=i).all(|k| headline_only(&lines[k].text) && !marks::starts_with_dateline(&lines[k].text))
        && is_indent_short(&lines[i + 1], columns[i].opening())
}

/// What follows a piece.
#[derive(Debug, Clone, Copy, PartialEq)]
enum After {
    /// The next piece, in the same chunk.
    Break,
    /// The next piece, after one or more blank lines.
    Blank,
    /// A byline, furniture, or the end of the page: a hard boundary.
    Hard,
}

fn after(lines: &[Line<'_>], piece: &Piece) -> After {
    match lines.get(piece.end).map(|l| &l.kind) {
        Some(LineKind::Text) => After::Break,
        Some(LineKind::Blank) => match lines[piece.end..].iter().find(|l| l.kind != LineKind::Blank).map(|l| &l.kind) {
            Some(LineKind::Text) => After::Blank,
            _ => After::Hard,
        },
        _ => After::Hard,
    }
}

/// [`after`], with the page's furniture between a piece and the next text
/// read as blank: a page number or a contact line set in a column's foot
/// cuts no paragraph.
fn after_past_furniture(lines: &[Line<'_>], piece: &Piece) -> After {
    match lines[piece.end..].iter().position(|l| !matches!(l.kind, LineKind::Blank | LineKind::Furniture)) {
        Some(0) => After::Break,
        Some(n) if lines[piece.end + n].kind == LineKind::Text => After::Blank,
        _ => After::Hard,
    }
}

/// Decides which headline candidates are headlines. Consecutive candidates
/// form a stack; a stack followed by a byline, furniture, a dateline or the
/// end of the page is a headline block. One followed by body text is too,
/// unless its last piece looks like the first line of a paragraph that a
/// column break cut off.
fn resolve_headlines(lines: &[Line<'_>], columns: &[Column], pieces: &[Piece]) -> Vec<bool> {
    let mut is_headline = vec![false; pieces.len()];
    let mut k = 0;
    while k < pieces.len() {
        if !pieces[k].candidate {
            k += 1;
            continue;
        }
        let first = k;
        let mut last = k;
        while last + 1 < pieces.len() && pieces[last + 1].candidate && after(lines, &pieces[last]) != After::Hard {
            last += 1;
        }
        let follower = pieces.get(last + 1);
        let strong = after(lines, &pieces[last]) == After::Hard || follower.is_some_and(|f| f.opens_story);
        let cut = !strong
            && after(lines, &pieces[last]) == After::Blank
            && follower.is_some_and(|f| cut_by_column_break(lines, columns, &pieces[last], f));
        let mut stack_end = if cut { last } else { last + 1 };
        if stack_end == last + 1 && closes_bracket_left_open(lines, &pieces[first..=last], pieces.get(last + 1)) {
            stack_end += 1;
        }
        for flag in &mut is_headline[first..stack_end] {
            *flag = true;
        }
        k = stack_end.max(last + 1);
    }
    is_headline
}

/// Is `next` the wrapped end of a headline stack's bracketed tag
/// (`…（经济观` / `察）`)? A line of a few characters, set straight under
/// the stack, that closes the bracket the stack left open.
fn closes_bracket_left_open(lines: &[Line<'_>], stack: &[Piece], next: Option<&Piece>) -> bool {
    let (Some(next), Some(last)) = (next, stack.last()) else {
        return false;
    };
    if next.end - next.start != 1 || after(lines, last) != After::Break {
        return false;
    }
    let tail = &lines[next.start].text;
    tail.ends_with(['）', ')']) && wrapped_tail(&joined(lines, stack[0].start, last.end), tail)
}

/// Is `piece`, followed by a blank line and then `next`, the opening of a
/// paragraph whose text a column break cut off? Its lines fill the column
/// (the first may be short by the paragraph indent), and the text after
/// the break fills the column too. A headline would share words with the
/// text below it, more than with the text above it: that rescues one whose
/// width happens to match the column.
fn cut_by_column_break(lines: &[Line<'_>], columns: &[Column], piece: &Piece, next: &Piece) -> bool {
    let fills = |i: usize, slack: u32| match columns[i].opening() {
        Some(w) => lines[i].width + slack >= w && lines[i].width <= w + 2 + squeezable(&lines[i].text),
        None => false,
    };
    let all_fill = (piece.start..piece.end).all(|i| fills(i, if i == piece.start { 6 } else { 2 }));
    if !all_fill || !fills(next.start, 2) {
        return false;
    }
    let head: String = (piece.start..piece.end).map(|i| lines[i].text.as_ref()).collect();
    if ends_with_tag(&head) {
        // A column's name in brackets closes a headline, never a line of prose.
        return false;
    }
    if !headline_only(&head) {
        // A comma, and the shape of a column: prose.
        return true;
    }
    let below = text_near(lines[next.start..].iter());
    let above = text_near(lines[..piece.start].iter().rev());
    text::shared_bigrams(&head, &below, 300) - text::shared_bigrams(&head, &above, 300) < HEADLINE_ECHO
}

/// How many half-ems a full line may hold beyond its column: Chinese
/// typesetting squeezes a punctuation mark to half its width where marks
/// meet or a line must fit, and a Latin font sets curly quotes narrow.
fn squeezable(s: &str) -> u32 {
    let marks = s.chars().filter(|&c| text::char_width(c) == 2 && !text::is_han(c) && !c.is_alphanumeric()).count();
    u32::try_from(marks).unwrap_or(u32::MAX)
}

/// How much more of a headline's character pairs its own text repeats
/// than unrelated text nearby does.
const HEADLINE_ECHO: f32 = 0.3;

/// A few hundred bytes of the text lines met in the given order.
fn text_near<'a>(lines: impl Iterator<Item = &'a Line<'a>>) -> String {
    let mut out = String::new();
    for line in lines.filter(|l| l.is_text()) {
        out.push_str(&line.text);
        if out.len() > 600 {
            break;
        }
    }
    out
}

/// Builds the units from the pieces.
fn emit(lines: &[Line<'_>], columns: &[Column], pieces: &[Piece], is_headline: &[bool], indents: bool) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut line_idx = 0;
    let mut open_paragraph: Option<Paragraph> = None;
    let mut open_headline: Option<Headline> = None;
    // Whether the open paragraph may take the next piece as its
    // continuation (a column break in mid-sentence).
    let mut continues = false;
    // Whether the open paragraph's last line leaves it open (see
    // `Paragraph::open_end`), and whether that line ended its block.
    let mut last_open = false;
    // Pieces before this index belong to a caption already emitted.
    let mut caption_until = 0;
    for (k, piece) in pieces.iter().enumerate() {
        // Hard lines between the previous piece and this one.
        let mut saw_blank = false;
        while line_idx < piece.start {
            match &lines[line_idx].kind {
                LineKind::Blank => saw_blank = true,
                LineKind::Byline(b) => {
                    let closes = signs_off(lines, line_idx, saw_blank, &units, &open_paragraph);
                    flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
                    units.push(byline_unit(b, closes));
                    continues = false;
                }
                LineKind::Furniture => {
                    flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
                    units.push(Unit::Furniture(lines[line_idx].text.to_string()));
                    // Furniture sits in the margins: a sentence cut at the
                    // column's foot goes on past it.
                }
                LineKind::Text => {}
            }
            line_idx += 1;
        }
        if k < caption_until {
            continue;
        }
        let block_start = saw_blank || piece.start == 0 || !lines[piece.start - 1].is_text();
        if block_start && let Some(end) = caption_block(lines, pieces, k) {
            // A photo caption: page furniture, out of the article's text.
            flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
            let mut caption = String::new();
            for line in &lines[piece.start..pieces[end].end] {
                text::push_joined(&mut caption, &line.text);
            }
            units.push(Unit::Furniture(caption));
            caption_until = end + 1;
            line_idx = pieces[end].end;
            continue;
        }
        line_idx = piece.end;
        if is_headline[k] {
            if let Some(mut p) = open_paragraph.take() {
                p.open_end = last_open;
                units.push(Unit::Paragraph(finish(p)));
            }
            let block = open_headline.get_or_insert_with(|| Headline { lines: Vec::new() });
            for (n, line) in lines[piece.start..piece.end].iter().enumerate() {
                block.lines.push(HeadlineLine {
                    text: line.text.to_string(),
                    width: line.width,
                    blank_before: n == 0 && saw_blank && !block.lines.is_empty(),
                    deck: false,
                });
            }
            continues = false;
            continue;
        }
        // A name set last in the block signs the story (the assembly takes
        // it out): what follows is its text, not a deck.
        let under_name =
            open_headline.as_ref().and_then(|h| h.lines.last()).is_some_and(|l| super::assemble::name_alone(&l.text));
        if !saw_blank
            && !under_name
            && let Some(mut h) = open_headline.take_if(|_| is_deck(lines, pieces, is_headline, k))
        {
            let mut deck = String::new();
            for line in &lines[piece.start..piece.end] {
                text::push_joined(&mut deck, &line.text);
            }
            let width = lines[piece.start..piece.end].iter().map(|l| l.width).max().unwrap_or(0);
            h.lines.push(HeadlineLine { text: deck, width, blank_before: false, deck: true });
            units.push(Unit::Headline(h));
            continues = false;
            continue;
        }
        if let Some(h) = open_headline.take() {
            units.push(Unit::Headline(h));
        }
        let dateline = piece.opens_story;
        // A block that opens with a full line goes on with a paragraph
        // begun elsewhere; one whose first line is set in opens a new one.
        // (Only on pages that set paragraphs in, and only where the first
        // line is not also the paragraph's last, which may stop anywhere.)
        let block_start = saw_blank || piece.start == 0 || !lines[piece.start - 1].is_text();
        let judged = indents && block_start && !dateline && piece.end - piece.start > 1;
        let set_in = judged && !fills(&lines[piece.start], columns[piece.start].opening());
        let full_start = judged && !set_in;
        // The same inside a block, under the end of a paragraph: pdftotext
        // runs a column's foot into the next column's head without a blank
        // line when they meet.
        let seam = indents
            && !block_start
            && !dateline
            && piece.end - piece.start > 1
            && !(open_paragraph.is_some() && last_open)
            && fills(&lines[piece.start], columns[piece.start].opening());
        // A block after a column break that left the paragraph above in
        // mid-sentence likely goes on with it, but the page may have
        // another article's text cut the same way: the assembly, which
        // sees every open body, decides.
        // (The paragraph above may have gone out already, before the
        // furniture or the caption between.)
        let may_join = continues && !dateline && saw_blank && !set_in;
        if let Some(mut p) = open_paragraph.take() {
            p.open_end = last_open;
            units.push(Unit::Paragraph(finish(p)));
        }
        let measure = own_measure(&lines[piece.start..piece.end]);
        let para = open_paragraph.insert(Paragraph {
            text: String::with_capacity(lines[piece.start..piece.end].iter().map(|l| l.text.len()).sum()),
            dateline,
            continues_earlier: full_start || may_join,
            may_continue_earlier: seam,
            opens_set_in: set_in && is_set_in(&lines[piece.start], columns[piece.start].opening()),
            after_blank: saw_blank,
            open_end: false,
            column_in: measure,
            column_out: measure,
        });
        for line in &lines[piece.start..piece.end] {
            text::push_joined(&mut para.text, &line.text);
        }
        let last = &lines[piece.end - 1];
        let cross_head = piece.end - piece.start == 1
            && is_cross_head(&last.text)
            && is_short(last, columns[piece.end - 1].opening());
        let block_end = after(lines, piece) != After::Break;
        last_open = block_end
            && !cross_head
            && (!ends_paragraph(&last.text) || (indents && fills(last, columns[piece.end - 1].ending())));
        continues = last_open && after_past_furniture(lines, piece) == After::Blank;
    }
    // Hard lines after the last piece.
    for (i, line) in lines.iter().enumerate().skip(line_idx) {
        match &line.kind {
            LineKind::Byline(b) => {
                let closes = signs_off(lines, i, false, &units, &open_paragraph);
                flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
                units.push(byline_unit(b, closes));
            }
            LineKind::Furniture => {
                flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
                units.push(Unit::Furniture(line.text.to_string()));
            }
            _ => {}
        }
    }
    flush(&mut units, &mut open_paragraph, &mut open_headline, last_open);
    units
}

fn byline_unit(b: &Byline, signs_off: bool) -> Unit {
    Unit::Byline(Byline { closes: b.closes || signs_off, ..b.clone() })
}

/// Does the byline on line `i` sign off the text above it? Set straight
/// under the end of a paragraph, with no blank line between, it closes that
/// article (`……工作。` / `记者 张三`); under a headline it opens the next.
/// So does a byline set straight under such a byline. One marked with an
/// ornament (`▢ 记者 张三`) leads its article.
fn signs_off(lines: &[Line<'_>], i: usize, saw_blank: bool, units: &[Unit], open: &Option<Paragraph>) -> bool {
    if saw_blank || i == 0 || lines[i].text.starts_with(marks::is_ornament) {
        return false;
    }
    let above = &lines[i - 1];
    match &above.kind {
        LineKind::Text => open.is_some() && ends_paragraph(&above.text),
        LineKind::Byline(_) => matches!(units.last(), Some(Unit::Byline(b)) if b.closes),
        _ => false,
    }
}

/// The most characters a deck runs to: a sentence or two.
const MAX_DECK_CHARS: usize = 90;
/// How many lines of a block give its measure (the deck's, and the text's
/// after it): a long text's first lines are enough.
const DECK_BODY_LINES: usize = 8;
/// A paragraph's indent, in half-ems: two characters.
const INDENT: u32 = 4;
/// How many half-ems narrower than the text after it a deck's measure is
/// at least: more than a line squeezed or a digit's slack explains.
const DECK_NARROWER_BY: u32 = 6;

/// Is piece `k`, set straight under a headline block, its deck: a sentence
/// or two that sums the story up, set in a measure of its own between the
/// headline and the text? It ends its sentence, its lines are as wide as
/// each other, and the text that follows (straight under it, or after a
/// blank line) is set clearly wider. A story's first paragraph is set in
/// the measure of the columns that go on with it.
fn is_deck(lines: &[Line<'_>], pieces: &[Piece], is_headline: &[bool], k: usize) -> bool {
    let piece = &pieces[k];
    let deck = &lines[piece.start..piece.end];
    let chars: usize = deck.iter().map(|l| l.text.chars().count()).sum();
    if piece.opens_story || chars > MAX_DECK_CHARS || !deck.last().is_some_and(|l| ends_paragraph(&l.text)) {
        return false;
    }
    let Some(next) = pieces.get(k + 1).filter(|_| !is_headline[k + 1] && after(lines, piece) != After::Hard) else {
        return false;
    };
    let body = &lines[next.start..next.end];
    if deck.len() < 2 || body.len() < 2 || body.iter().any(|l| !l.is_text()) {
        return false;
    }
    // The measure of each: the middle width of its lines between the
    // first, which may be set in by a paragraph's indent, and the last,
    // which may stop short (of the body's first lines, where they are
    // many). Of a deck of two lines, the first with the indent it may have.
    let measure = |ls: &[Line<'_>]| {
        let mut widths: Vec<u32> = ls[1..ls.len() - 1].iter().take(DECK_BODY_LINES).map(|l| l.printed).collect();
        widths.sort_unstable();
        widths.get(widths.len() / 2).copied()
    };
    let deck_measure = measure(deck).unwrap_or(deck[0].printed + INDENT);
    let body_measure = measure(body).unwrap_or(body[0].printed);
    // Set in one measure: no line but the last stops short, none runs wider.
    let even = deck[1..].iter().enumerate().all(|(n, l)| {
        l.printed <= deck_measure + FULL_WITHIN && (n + 2 == deck.len() || l.printed + FULL_WITHIN >= deck_measure)
    });
    if deck.iter().any(|l| marks::starts_caption(&l.text)) {
        return false;
    }
    even && body_measure >= deck_measure + DECK_NARROWER_BY
}

/// The most lines a photo caption runs to.
const MAX_CAPTION_LINES: usize = 8;

/// If the block that piece `k` opens is a photo caption, the index of its
/// last piece. A caption stands apart (blank lines around it) and opens
/// with a caption mark (`图为`, `图①：`) or ends with the photographer's
/// credit (`……本报记者张三摄`).
fn caption_block(lines: &[Line<'_>], pieces: &[Piece], k: usize) -> Option<usize> {
    let mut end = k;
    while end + 1 < pieces.len() && after(lines, &pieces[end]) == After::Break {
        end += 1;
    }
    let (first, last) = (pieces[k].start, pieces[end].end - 1);
    if last + 1 - first > MAX_CAPTION_LINES {
        return None;
    }
    (marks::starts_caption(&lines[first].text) || marks::ends_with_photo_credit(&lines[last].text)).then_some(end)
}

/// The width a block of lines is set to, from its own lines: the median
/// printed width of the lines that wrap (all but the last; the wider of
/// two), if any. Its neighbours in reading order may be another column's.
fn own_measure(lines: &[Line<'_>]) -> Option<u32> {
    let mut widths: Vec<u32> = lines[..lines.len().saturating_sub(1)].iter().map(|l| l.printed).collect();
    widths.sort_unstable();
    widths.get(widths.len() / 2).copied()
}

/// Closes a paragraph. A dateline is recognised on the joined text, as it
/// may be wrapped (`新华社北京5月26日` / `电 …`).
fn finish(mut p: Paragraph) -> Paragraph {
    p.dateline = marks::starts_with_dateline(&p.text);
    p
}

fn flush(units: &mut Vec<Unit>, paragraph: &mut Option<Paragraph>, headline: &mut Option<Headline>, open: bool) {
    if let Some(mut p) = paragraph.take() {
        p.open_end = open;
        units.push(Unit::Paragraph(finish(p)));
    }
    if let Some(h) = headline.take() {
        units.push(Unit::Headline(h));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    #[test]
    fn a_byline_set_tight_under_a_finished_paragraph_signs_it_off() {
        let page = "河道清淤完工\n\n本报讯 昨天，城西河道清淤工程完工，\n两岸居民出行更方便了。\n记者 王五\n\n新桥通车\n\n记者 赵六\n\n本报讯 昨天上午，城东新桥正式通车。\n";
        assert_eq!(byline_closes(page), [("记者 王五".to_string(), true), ("记者 赵六".to_string(), false)]);
    }

    #[test]
    fn an_ornament_marks_the_byline_that_leads_the_next_article() {
        let page =
            "本报讯 昨天，城西河道清淤工程完工。\n记者 王五\n▢ 记者 赵六\n\n本报讯 昨天上午，城东新桥正式通车。\n";
        assert_eq!(byline_closes(page), [("记者 王五".to_string(), true), ("记者 赵六".to_string(), false)]);
    }

    #[test]
    fn a_labelled_byline_wrapped_over_two_lines_is_one_byline() {
        let page = "采访人：本报记者 赵六 解读人：市\n交通局负责人\n\n本报讯 昨天上午，城东新桥正式通车。\n";
        assert_eq!(outline(page)[0], "B:采访人：本报记者 赵六 解读人：市交通局负责人");
    }

    #[test]
    fn a_headlines_tag_wrapped_onto_a_line_of_its_own_stays_in_the_headline() {
        let page = "上一篇的文字到这里结束。\n\n城市更新的新\n答卷（经济观\n察）\n\n老城改造历时三年，数易其\n稿，受到市民的广泛关注。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:城市更新的新|答卷（经济观|察）");
        assert!(units[2].starts_with("P:老城改造"), "{units:?}");
    }

    #[test]
    fn a_tag_wrapped_onto_a_headlines_second_line_closes_the_headline() {
        let page = "上一篇的文字到这里结束。\n\n张三：“老黄牛”扎根山村(记者手\n记)\n张三在山村工作了二十年，先后带领\n三个村子修通了公路，办起了工厂。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:张三：“老黄牛”扎根山村(记者手|记)", "{units:?}");
        assert!(units[2].starts_with("P:张三在山村工作了二十年"), "{units:?}");
    }

    #[test]
    fn a_headline_wrapped_inside_its_quotation_marks_holds_together() {
        let page = "上一篇的文字到这里结束。\n\n社区食堂成了“香饽\n饽”\n\n城东街道的志愿者，每天在\n街巷巡查，劝导不文明行为。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:社区食堂成了“香饽|饽”", "{units:?}");
    }

    #[test]
    fn a_narrow_headline_wrapped_through_its_quotation_and_its_tag_ends_with_the_tag() {
        let page = "上一篇的文字，到这里还\n没有结束，\n\n要把“好\n事”办成实\n事（民生观\n察）\n今年以来，全市新\n建了三十个社区食\n堂，方便老人就餐。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:要把“好|事”办成实|事（民生观|察）", "{units:?}");
        assert!(units[2].starts_with("P:今年以来"), "{units:?}");
    }

    #[test]
    fn a_line_with_a_byline_tight_under_it_is_a_headline_even_after_text_left_open() {
        let page = "城西老街的改造，已经进\n入了最后阶段，沿街的店\n铺陆续开张，居民出行的\n\n城东新桥通车 两岸出行更方便\n记者 张三\n\n本报讯 昨天上午，城东新\n桥正式通车，桥长三百米\n历时两年建成。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:城东新桥通车 两岸出行更方便", "{units:?}");
    }

    #[test]
    fn a_tag_of_a_column_and_a_series_wrapped_onto_the_next_line_closes_the_headline() {
        let page = "上一篇的文字，到这里还\n没有结束，\n\n菜价回落了（民生观察·关注城\n乡物价变化③）\n今年以来，全市蔬菜价\n格稳中有降，市民的菜\n篮子更轻松了。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:菜价回落了（民生观察·关注城|乡物价变化③）", "{units:?}");
        assert!(units[2].starts_with("P:今年以来"), "{units:?}");
    }

    #[test]
    fn a_sentence_ended_over_a_byline_after_text_left_open_finishes_that_text() {
        let page = "城西老街的改造，已经进\n入了最后阶段，沿街的店\n铺陆续开张，居民出行的\n\n困难终于解决了！\n记者 张三\n\n本报讯 昨天上午，城东新\n桥正式通车，桥长三百米\n历时两年建成。\n";
        let units = outline(page);
        assert!(!units.iter().any(|u| u.starts_with("H:")), "{units:?}");
    }

    #[test]
    fn a_paragraphs_first_line_leaving_a_quotation_open_is_not_cut_off_as_a_headline() {
        let page = "上一篇的文字到这里结束。\n\n市民们都说这座新桥是两岸居民的“连\n心桥”，出行方便多了，\n大家都很高兴，附近的居\n民更是天天来桥上散步。\n城东新桥昨天正式通车，\n桥长三百米，历时两年建\n成，两岸居民出行更方便\n了，附近的居民都很高兴。\n";
        let units = outline(page);
        assert!(units[1].starts_with("P:市民们都说这座新桥是两岸居民的“连心桥”"), "{units:?}");
    }

    #[test]
    fn the_last_character_of_a_wrapped_headline_alone_on_its_line_stays_in_it() {
        let page = "城西老街改造工程已近尾声，\n预计在年底完工，沿街的店铺\n已经陆续开张，生意渐渐红火\n起来，不少市民前来逛街。\n\n城东跨河新桥昨天在市民的期待中正式建成通\n车\n\n记者 张三\n\n本报讯 昨天上午，城东新桥正\n式通车，桥长三百米，历时两\n年建成，两岸居民出行更方便\n了，附近的居民都很高兴。过\n去过河要绕很远的路，现在走\n几分钟就到了对岸的菜场。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:城东跨河新桥昨天在市民的期待中正式建成通|车", "{units:?}");
    }

    #[test]
    fn a_list_comma_does_not_keep_a_wrapped_headline_out_of_a_headline() {
        let page = "上一篇的文字到这里结束。\n\n城东老街、新区同步改\n造完成\n\n本报讯 今年以来，城东老街和新区的改造工程同步推进，\n目前已全部完成。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:城东老街、新区同步改|造完成", "{units:?}");
    }

    #[test]
    fn a_line_tight_over_a_dateline_is_its_headline_even_with_a_list_comma() {
        let page =
            "张三、李四案一审宣判\n某某社某市５月３日电\n（记者王五）３日，某市中级人民法院\n对被告人作出一审判决。\n";
        assert_eq!(outline(page)[0], "H:张三、李四案一审宣判");
    }

    #[test]
    fn a_dateline_wrapped_over_two_lines_still_opens_the_story_under_its_headline() {
        let page =
            "上一篇的文字到这里结束。\n\n城东新桥通车\n据新华社某地2月24\n日电（记者张三）昨天，城东新桥\n正式通车。\n";
        let units = outline(page);
        assert_eq!(units[1], "H:城东新桥通车");
        assert!(units[2].starts_with("P:据新华社某地2月24日电"), "{units:?}");
    }

    #[test]
    fn a_headline_set_tight_over_a_set_in_paragraph_is_told_from_its_text() {
        // Seven characters over a ten-character column: short by less
        // than a headline must be to stand out, but it ends no paragraph,
        // and the line under it opens one.
        let page = "城西老街改造工程\n已近尾声，预计在年底\n完工。\n沿街的店铺已经陆\n续开张，生意渐渐红火\n起来，不少市民前来逛\n\n新桥正式通车了\n城东新桥昨天正式\n通车，两岸居民出行更\n加方便。桥长三百米，\n历时两年建成。\n附近的居民说，过\n去过河要绕很远的路。\n";
        let units = outline(page);
        assert_eq!(units[2], "H:新桥正式通车了", "{units:?}");
        assert!(units[3].starts_with("P:城东新桥昨天正式通车"), "{units:?}");
    }

    #[test]
    fn a_headline_wrapped_over_two_lines_tight_over_its_text_is_one_headline() {
        let page = "城西老街改造工程\n已近尾声，预计在年底\n完工。\n沿街的店铺已经陆\n续开张，生意渐渐红火\n起来，不少市民前来逛\n\n城东跨河新桥\n正式建成通车了\n城东新桥昨天正式\n通车，两岸居民出行更\n加方便。桥长三百米，\n历时两年建成。\n附近的居民说，过\n去过河要绕很远的路。\n";
        let units = outline(page);
        assert_eq!(units[2], "H:城东跨河新桥|正式建成通车了", "{units:?}");
        assert!(units[3].starts_with("P:城东新桥昨天正式通车"), "{units:?}");
    }

    /// Each byline of the page, and whether it closes the article above.
    fn byline_closes(page: &str) -> Vec<(String, bool)> {
        reflow(&split_lines(page))
            .into_iter()
            .filter_map(|u| match u {
                Unit::Byline(b) => Some((b.text, b.closes)),
                _ => None,
            })
            .collect()
    }

    fn outline(page: &str) -> Vec<String> {
        reflow(&split_lines(page))
            .into_iter()
            .map(|u| match u {
                Unit::Headline(h) => {
                    format!("H:{}", h.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("|"))
                }
                Unit::Byline(b) => format!("B:{}", b.text),
                Unit::Furniture(f) => format!("F:{f}"),
                Unit::Paragraph(p) => format!("P:{}", p.text),
            })
            .collect()
    }

    /// Each paragraph with its cut marks: `…` before, where it reads on
    /// from text left open elsewhere; `…` after, where it is left open.
    fn cuts(page: &str) -> Vec<String> {
        reflow(&split_lines(page))
            .into_iter()
            .filter_map(|u| match u {
                Unit::Paragraph(p) => Some(format!(
                    "{}{}{}",
                    if p.continues_earlier { "…" } else { "" },
                    p.text,
                    if p.open_end { "…" } else { "" }
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_kicker_set_tight_under_the_brief_above_is_no_part_of_its_text() {
        // Briefs flow down a column; the next brief's kicker, set in body
        // type, comes straight under the last line of the one above.
        let page = "本报讯 城东街道昨天举办了一场\n社区运动会，三百多名居民参加。\n安平县\n\n新建三座乡村书屋\n本报讯 近日，三座乡村书屋在\n安平县建成开放。\n";
        let units = outline(page);
        assert_eq!(units[0], "P:本报讯 城东街道昨天举办了一场社区运动会，三百多名居民参加。", "{units:?}");
        assert_eq!(units[1], "H:安平县|新建三座乡村书屋", "{units:?}");
    }

    #[test]
    fn a_line_one_character_short_of_the_column_is_not_set_in() {
        // Lines with a digit come out a half-em wider than the column, so
        // the column may be measured at 33 where a full line is 32: a line
        // one character short (30) is then short by three, and not set in.
        let (set_in, one_short) =
            (split_lines("今年以来，城东街道把垃圾分类"), split_lines("兑换日用品和购物券，街道还将扩"));
        assert!(is_set_in(&set_in[0], Some(33)));
        assert!(!is_set_in(&one_short[0], Some(33)));
    }

    #[test]
    fn wrapped_lines_join_and_a_column_break_leaves_both_pieces_marked() {
        // Which open paragraph the second piece goes on is the assembly's
        // choice: it sees every article left open on the page.
        let page =
            "张三指出，要从群众需求、行业现状\n和发展方向出发，认真研究老旧小区\n\n改造的难点，不断改进工作方法。\n";
        assert_eq!(
            cuts(page),
            ["张三指出，要从群众需求、行业现状和发展方向出发，认真研究老旧小区…", "…改造的难点，不断改进工作方法。"]
        );
    }

    #[test]
    fn a_short_line_with_a_full_stop_ends_the_paragraph() {
        let page = "会上通报了今年上半年的工作情况，\n大家对下一步安排进行了讨论。\n下半年要继续做好道路养护和绿\n化，保障群众出行安全。\n";
        assert_eq!(
            outline(page),
            [
                "P:会上通报了今年上半年的工作情况，大家对下一步安排进行了讨论。",
                "P:下半年要继续做好道路养护和绿化，保障群众出行安全。"
            ]
        );
    }

    #[test]
    fn a_full_line_with_a_full_stop_does_not() {
        let page = "张三强调，要把每一项惠民工作落到\n实处，把群众的意见及时收集起来。\n要多听群众意见，勇于改进方法，争取\n让更多居民满意。\n";
        assert_eq!(outline(page).len(), 1);
    }

    #[test]
    fn headline_after_body_before_byline() {
        let page = "市场位于城南新区中心地带，是全区\n最大的一家综合农贸市场。\n\n城南农贸市场改造\n工程今日完工\n\n▢ 全媒体记者 李四\n\n本报讯 连日来，市场监管部门联合\n街道开展食品安全检查。\n";
        assert_eq!(
            outline(page),
            [
                "P:市场位于城南新区中心地带，是全区最大的一家综合农贸市场。",
                "H:城南农贸市场改造|工程今日完工",
                "B:全媒体记者 李四",
                "P:本报讯 连日来，市场监管部门联合街道开展食品安全检查。"
            ]
        );
    }

    #[test]
    fn headline_directly_above_a_dateline() {
        let page = "市区新增三处停车场\n本报讯（记者 张三）昨日，记者从市交通\n局获悉，市区将新增三处公共停车场。\n";
        assert_eq!(
            outline(page),
            ["H:市区新增三处停车场", "P:本报讯（记者 张三）昨日，记者从市交通局获悉，市区将新增三处公共停车场。"]
        );
    }

    #[test]
    fn a_paragraph_opening_cut_by_a_column_break_is_not_a_headline() {
        let page = "上一段的内容到这里就结束了。\n\n会议听取了城区道路改造工程\n\n进展情况的汇报，研究了下一\n阶段雨季施工的安全措施，以\n及有关工作。\n";
        assert_eq!(
            cuts(page),
            [
                "上一段的内容到这里就结束了。",
                "会议听取了城区道路改造工程…",
                "…进展情况的汇报，研究了下一阶段雨季施工的安全措施，以及有关工作。"
            ]
        );
    }
}

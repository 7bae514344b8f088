//! Glyphs → text in reading order.
//!
//! 1. Lines: glyphs on one baseline, split where a gap wider than about a
//!    character (a column gutter) or a change of type size parts them.
//! 2. Blocks: a line joins the block whose last line sits just above it, in
//!    the same type size, overlapping it across, with no rule between (a
//!    column's run of body lines; a headline set on two lines).
//! 3. Order: the page is cut recursively (an XY cut) — first at rules that
//!    run across the whole region, then at gutters that run down all of
//!    it, then at gaps across it; the pieces are read left to right and top
//!    to bottom, so a headline comes right above the columns it heads.
//!    Columns a rule runs across stay one piece, cut at that rule.
//! 4. Text: a line a line, a blank line between blocks, the first line of
//!    a paragraph set in by two ideographic spaces where the page sets it
//!    in (the text parser reads both).

use super::read::{Glyph, Rule, Sheet};

/// A line of text on one baseline.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    /// The font most of its characters are set in.
    pub font: u32,
    pub text: String,
}

/// Lines of one type size running down one column.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub lines: Vec<Line>,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Block {
    fn new(line: Line) -> Block {
        let mut b = Block { lines: Vec::new(), x0: f32::MAX, x1: f32::MIN, top: f32::MAX, bottom: f32::MIN };
        b.push(line);
        b
    }

    pub(super) fn push(&mut self, line: Line) {
        self.x0 = self.x0.min(line.x0);
        self.x1 = self.x1.max(line.x1);
        self.top = self.top.min(line.y - line.size * ASCENT);
        self.bottom = self.bottom.max(line.y + line.size * DESCENT);
        self.lines.push(line);
    }

    fn last(&self) -> &Line {
        &self.lines[self.lines.len() - 1]
    }

    pub fn size(&self) -> f32 {
        self.lines[0].size
    }
}

/// How far a glyph reaches above and below its baseline, in sizes.
const ASCENT: f32 = 0.9;
const DESCENT: f32 = 0.2;

/// A sheet's blocks, and their reading order.
pub(super) fn ordered(sheet: &Sheet) -> (Vec<Block>, Vec<usize>) {
    let lines = lines(&sheet.glyphs);
    let blocks = blocks(lines, &sheet.rules);
    let mut order = Vec::with_capacity(blocks.len());
    let all: Vec<usize> = (0..blocks.len()).collect();
    cut(&blocks, all, &sheet.rules, &mut order, 0);
    (blocks, order)
}

/// Writes a sheet's text in reading order.
pub fn write(sheet: &Sheet, out: &mut String) {
    let (blocks, order) = ordered(sheet);
    for (n, &b) in order.iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        write_block(&blocks[b], out);
    }
    out.push('\n');
}

fn is_blank(g: &Glyph) -> bool {
    g.text.chars().all(char::is_whitespace)
}

/// Is it set full width (a CJK character or punctuation)?
pub(super) fn is_wide(s: &str) -> bool {
    s.chars().next().is_some_and(|c| crate::text::width(&c.to_string()) >= 2)
}

/// Glyphs → lines: banded by baseline, then split along each band.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut order: Vec<&Glyph> = glyphs.iter().filter(|g| g.size > 0.0 && g.size.is_finite()).collect();
    order.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let anchor = order[start];
        let mut end = start + 1;
        while end < order.len() && order[end].y - anchor.y <= 0.3 * anchor.size.min(order[end].size) {
            end += 1;
        }
        let band = &mut order[start..end];
        band.sort_by(|a, b| a.x.total_cmp(&b.x));
        split_band(band, &mut lines);
        start = end;
    }
    lines
}

/// A line being built: the line, where its pen stands, and whether a
/// space glyph was drawn since its last character.
struct Open {
    line: Line,
    end: f32,
    space: bool,
    /// Characters set in each font.
    fonts: Vec<(u32, usize)>,
}

impl Open {
    fn count(&mut self, font: u32) {
        match self.fonts.iter_mut().find(|(f, _)| *f == font) {
            Some((_, n)) => *n += 1,
            None => self.fonts.push((font, 1)),
        }
    }

    fn finish(mut self) -> Line {
        if let Some(&(font, _)) = self.fonts.iter().max_by_key(|(_, n)| *n) {
            self.line.font = font;
        }
        self.line
    }
}

/// One baseline's glyphs, left to right → lines, split at gutters and
/// changes of type size. Space glyphs join what they sit between (and
/// become one space); they never start a line.
fn split_band(band: &[&Glyph], lines: &mut Vec<Line>) {
    let mut current: Option<Open> = None;
    for g in band {
        let blank = is_blank(g);
        if let Some(open) = current.as_mut() {
            let gap = g.x - open.end;
            let line = &mut open.line;
            let size = line.size.max(g.size);
            let ratio = size / line.size.min(g.size);
            if gap <= GUTTER * size && (blank || ratio <= SIZE_STEP) {
                if blank {
                    open.space = true;
                } else {
                    let previous_wide = is_wide(&line.text[line.text.len() - last_char_len(&line.text)..]);
                    let space = if previous_wide && is_wide(&g.text) { 0.45 } else { 0.15 };
                    if open.space || gap > space * size {
                        line.text.push(' ');
                    }
                    line.text.push_str(&g.text);
                    line.x1 = g.x + g.advance;
                    open.space = false;
                    open.count(g.font);
                }
                open.end = open.end.max(g.x + g.advance);
                continue;
            }
        }
        if blank {
            continue;
        }
        if let Some(open) = current.take() {
            lines.push(open.finish());
        }
        let line = Line { x0: g.x, x1: g.x + g.advance, y: g.y, size: g.size, font: g.font, text: g.text.clone() };
        current = Some(Open { line, end: g.x + g.advance, space: false, fonts: vec![(g.font, 1)] });
    }
    if let Some(open) = current {
        lines.push(open.finish());
    }
}

fn last_char_len(s: &str) -> usize {
    s.chars().next_back().map_or(0, char::len_utf8)
}

/// Text broken between `before` and `after` joins without a space when the
/// characters on both sides are wide (East Asian), as a line break inside
/// Chinese text does.
pub(super) fn joins_tight(before: &str, after: &str) -> bool {
    is_wide(&before[before.len() - last_char_len(before)..]) && is_wide(after)
}

/// A gap wider than this many sizes parts a line (a gutter).
const GUTTER: f32 = 0.7;
/// Sizes further apart than this ratio are different type.
const SIZE_STEP: f32 = 1.15;

/// Lines → blocks, top to bottom.
fn blocks(mut lines: Vec<Line>, rules: &[Rule]) -> Vec<Block> {
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut blocks: Vec<Block> = Vec::new();
    // Blocks still open, to keep the search short on a long page.
    let mut open: Vec<usize> = Vec::new();
    for line in lines {
        open.retain(|&b| line.y - blocks[b].last().y <= 2.5 * blocks[b].size());
        let best = open
            .iter()
            .copied()
            .filter(|&b| continues(&blocks[b], &line, rules))
            .min_by(|&a, &b| (line.y - blocks[a].last().y).total_cmp(&(line.y - blocks[b].last().y)));
        match best {
            Some(b) => blocks[b].push(line),
            None => {
                blocks.push(Block::new(line));
                open.push(blocks.len() - 1);
            }
        }
    }
    blocks
}

/// Does `line` go on `block`: the next baseline down, the same type,
/// across the same column, no rule between?
fn continues(block: &Block, line: &Line, rules: &[Rule]) -> bool {
    let last = block.last();
    let size = last.size.max(line.size);
    // A block is set in one type: a kicker, a title and a subtitle set
    // close together are three blocks.
    if size / last.size.min(line.size) > 1.03 || last.font != line.font {
        return false;
    }
    let step = line.y - last.y;
    if step < 0.6 * size || step > 2.0 * size {
        return false;
    }
    // Lines of a block are evenly spaced: a wider step is a new paragraph
    // set apart, or the next story.
    if block.lines.len() >= 2 {
        let before = last.y - block.lines[block.lines.len() - 2].y;
        if step > before * 1.3 + 0.5 {
            return false;
        }
    }
    // Across the column the block fills so far (a paragraph's short last
    // line and the next one, set in, need not overlap each other).
    let overlap = block.x1.min(line.x1) - block.x0.max(line.x0);
    let narrower = (block.x1 - block.x0).min(line.x1 - line.x0);
    if overlap < 0.5 * narrower {
        return false;
    }
    !rules.iter().any(|r| {
        r.is_horizontal()
            && r.y0 > last.y
            && r.y1 < line.y
            && r.x0 < last.x1.min(line.x1)
            && r.x1 > last.x0.max(line.x0)
    })
}

const MAX_DEPTH: usize = 64;

/// Orders `ids` by cutting the region they fill (an XY cut).
fn cut(blocks: &[Block], ids: Vec<usize>, rules: &[Rule], out: &mut Vec<usize>, depth: usize) {
    if ids.len() <= 1 || depth >= MAX_DEPTH {
        let mut ids = ids;
        ids.sort_by(|&a, &b| blocks[a].top.total_cmp(&blocks[b].top).then(blocks[a].x0.total_cmp(&blocks[b].x0)));
        out.extend(ids);
        return;
    }
    let parts = cut_at_rules(blocks, &ids, rules)
        .or_else(|| cut_at_gaps(blocks, &ids, Axis::X).and_then(|parts| ruled_together(blocks, parts, rules)))
        .or_else(|| cut_at_gaps(blocks, &ids, Axis::Y));
    match parts {
        Some(parts) => {
            for p in parts {
                cut(blocks, p, rules, out, depth + 1);
            }
        }
        None => cut(blocks, ids, rules, out, MAX_DEPTH),
    }
}

#[derive(Clone, Copy)]
enum Axis {
    X,
    Y,
}

fn span(b: &Block, axis: Axis) -> (f32, f32) {
    match axis {
        Axis::X => (b.x0, b.x1),
        Axis::Y => (b.top, b.bottom),
    }
}

/// The region split where nothing spans a gap along `axis`, in order;
/// `None` when it is one piece.
fn cut_at_gaps(blocks: &[Block], ids: &[usize], axis: Axis) -> Option<Vec<Vec<usize>>> {
    let mut sorted = ids.to_vec();
    sorted.sort_by(|&a, &b| span(&blocks[a], axis).0.total_cmp(&span(&blocks[b], axis).0));
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut reach = f32::MIN;
    for id in sorted {
        let (lo, hi) = span(&blocks[id], axis);
        match parts.last_mut() {
            Some(p) if lo < reach => p.push(id),
            _ => parts.push(vec![id]),
        }
        reach = reach.max(hi);
    }
    (parts.len() > 1).then_some(parts)
}

/// Columns side by side joined again where a horizontal rule runs across
/// both (a box of stories two columns wide, each read across both before
/// the next): the rules cut them together. `None` when one piece is left.
fn ruled_together(blocks: &[Block], parts: Vec<Vec<usize>>, rules: &[Rule]) -> Option<Vec<Vec<usize>>> {
    let extent = |ids: &[usize]| {
        ids.iter().fold((f32::MAX, f32::MIN, f32::MAX, f32::MIN), |(x0, x1, t, b), &i| {
            (x0.min(blocks[i].x0), x1.max(blocks[i].x1), t.min(blocks[i].top), b.max(blocks[i].bottom))
        })
    };
    let across = |a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)| {
        rules.iter().any(|r| {
            let y = (r.y0 + r.y1) / 2.0;
            r.is_horizontal()
                && r.x1.min(a.1) - r.x0.max(a.0) >= 0.8 * (a.1 - a.0)
                && r.x1.min(b.1) - r.x0.max(b.0) >= 0.8 * (b.1 - b.0)
                && y > a.2.max(b.2)
                && y < a.3.min(b.3)
        })
    };
    let mut merged: Vec<Vec<usize>> = Vec::new();
    for part in parts {
        match merged.last_mut() {
            Some(last) if across(extent(last), extent(&part)) => last.extend(part),
            _ => merged.push(part),
        }
    }
    (merged.len() > 1).then_some(merged)
}

/// The region split at horizontal rules that run across most of it and
/// that no block crosses, top to bottom.
fn cut_at_rules(blocks: &[Block], ids: &[usize], rules: &[Rule]) -> Option<Vec<Vec<usize>>> {
    let (x0, x1) = ids.iter().fold((f32::MAX, f32::MIN), |(a, b), &i| (a.min(blocks[i].x0), b.max(blocks[i].x1)));
    let (top, bottom) =
        ids.iter().fold((f32::MAX, f32::MIN), |(a, b), &i| (a.min(blocks[i].top), b.max(blocks[i].bottom)));
    let width = x1 - x0;
    let mut cuts: Vec<f32> = rules
        .iter()
        .filter(|r| r.is_horizontal() && r.y0 > top && r.y1 < bottom)
        .filter(|r| r.x1.min(x1) - r.x0.max(x0) >= 0.8 * width)
        .map(|r| (r.y0 + r.y1) / 2.0)
        .filter(|&y| !ids.iter().any(|&i| blocks[i].top < y && blocks[i].bottom > y))
        .collect();
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_by(f32::total_cmp);
    let mut parts = vec![Vec::new(); cuts.len() + 1];
    for &i in ids {
        let mid = (blocks[i].top + blocks[i].bottom) / 2.0;
        parts[cuts.partition_point(|&c| c < mid)].push(i);
    }
    parts.retain(|p| !p.is_empty());
    (parts.len() > 1).then_some(parts)
}

/// A block's lines, a paragraph's set-in first line set in, a byline set
/// flush right at its end set apart by a blank line (as the text parser
/// knows a byline that signs off).
pub(super) fn write_block(block: &Block, out: &mut String) {
    let left = block.lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = block.x1;
    let lines = &block.lines;
    let last = lines.len() - 1;
    let full = |l: &Line| l.x0 - left < 0.5 * l.size && right - l.x1 < 1.5 * l.size;
    let set_right = |l: &Line| l.x0 - left > 3.5 * l.size && right - l.x1 < 0.5 * l.size;
    let closes = |l: &Line| l.text.trim_end().ends_with(['。', '！', '？', '…', '”', '!', '?']);
    // A paragraph set flush right (a byline at the end) that ran over two
    // lines: its first line ends at the right edge (it fills the measure,
    // or is set right too) right after a paragraph's last line (short, or
    // full on a sentence's end), its second ends at the right edge and
    // starts well in. It is one line. (A line that ends a sentence is the
    // paragraph's own.)
    let joined = last >= 1 && set_right(&lines[last]) && {
        let before = &lines[last - 1];
        (full(before) || right - before.x1 < 0.5 * before.size)
            && !closes(before)
            && (last == 1 || right - lines[last - 2].x1 >= 1.5 * lines[last - 2].size || closes(&lines[last - 2]))
    };
    // A line of names spaced apart (`记者 张三 通讯员 李四`) ending at the
    // right edge under a sentence's end closes the block: a byline set
    // right that fills the measure.
    let spaced = |l: &Line| {
        let t = l.text.trim();
        t.contains(' ') && !closes(l) && t.split(' ').all(|w| w.chars().all(|c| is_wide(&c.to_string())))
    };
    let names =
        |n: usize| n >= 1 && spaced(&lines[n]) && right - lines[n].x1 < 0.5 * lines[n].size && closes(&lines[n - 1]);
    let byline =
        if joined { Some(last - 1) } else { (last >= 1 && (set_right(&lines[last]) || names(last))).then_some(last) };
    for (n, line) in lines.iter().enumerate() {
        let inset = line.x0 - left;
        // Set in by one to three characters, and not a short line set
        // right (a byline at the end).
        let set_in = lines.len() > 1
            && inset >= 1.5 * line.size
            && inset <= 3.5 * line.size
            && right - line.x1 < 1.5 * line.size
            && byline != Some(n);
        if n > 0 {
            let before = &lines[n - 1];
            if joined && n == last {
                // Broken at a space where the first line left room for the
                // next character: `张三` / `摄` was `张三 摄`.
                let wide = joins_tight(&before.text, &line.text);
                if !wide || before.x0 - left >= 0.99 * line.size {
                    out.push(' ');
                }
            } else if byline == Some(n) {
                out.push_str("\n\n");
            } else if closes(before) && right - before.x1 < before.size && inset < 0.5 * line.size {
                // A line that fills the measure on a sentence's end, then
                // one set flush left: the paragraph runs on (only a set-in
                // line starts one), so the two are one line.
            } else {
                out.push('\n');
            }
        }
        if set_in {
            out.push_str("\u{3000}\u{3000}");
        }
        out.push_str(&line.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::read::glyph_line as glyphs;

    fn text_of(glyphs: Vec<Glyph>, rules: Vec<Rule>) -> String {
        let mut out = String::new();
        write(&Sheet { glyphs, rules, boxes: vec![], unmapped: 0 }, &mut out);
        out
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_under_their_headline() {
        let mut g = glyphs("大字标题在上面", 50.0, 40.0, 24.0);
        // Two columns of body, 10 pt on 13 pt baselines, 20 pt apart.
        for (row, (left, right)) in
            [("左一左一左一", "右一右一右一"), ("左二左二左二", "右二右二右二")].iter().enumerate()
        {
            let y = 80.0 + row as f32 * 13.0;
            g.extend(glyphs(left, 50.0, y, 10.0));
            g.extend(glyphs(right, 130.0, y, 10.0));
        }
        assert_eq!(text_of(g, vec![]), "大字标题在上面\n\n左一左一左一\n左二左二左二\n\n右一右一右一\n右二右二右二\n");
    }

    #[test]
    fn a_rule_across_the_page_separates_what_is_above_from_what_is_below() {
        let mut g = glyphs("上文上文上文", 50.0, 40.0, 10.0);
        g.extend(glyphs("下文下文下文", 50.0, 53.0, 10.0));
        let rule = Rule { x0: 40.0, y0: 45.0, x1: 200.0, y1: 45.5 };
        assert_eq!(text_of(g.clone(), vec![]), "上文上文上文\n下文下文下文\n");
        assert_eq!(text_of(g, vec![rule]), "上文上文上文\n\n下文下文下文\n");
    }

    #[test]
    fn a_rule_across_two_columns_ends_a_story_read_across_both() {
        // Two stories, each two columns wide, one over the other, a rule
        // across both columns between them.
        let mut g = Vec::new();
        for (y, left, right) in [(40.0, "甲左甲左甲左", "甲右甲右甲右"), (80.0, "乙左乙左乙左", "乙右乙右乙右")]
        {
            g.extend(glyphs(left, 50.0, y, 10.0));
            g.extend(glyphs(right, 130.0, y, 10.0));
        }
        let rule = Rule { x0: 45.0, y0: 60.0, x1: 195.0, y1: 60.5 };
        assert_eq!(text_of(g.clone(), vec![]), "甲左甲左甲左\n\n乙左乙左乙左\n\n甲右甲右甲右\n\n乙右乙右乙右\n");
        assert_eq!(text_of(g, vec![rule]), "甲左甲左甲左\n\n甲右甲右甲右\n\n乙左乙左乙左\n\n乙右乙右乙右\n");
    }

    #[test]
    fn a_set_in_first_line_is_set_in_and_a_wide_gap_is_a_space() {
        let mut g = glyphs("段首缩进两字", 70.0, 40.0, 10.0);
        g.extend(glyphs("下一行顶格排到行尾", 50.0, 53.0, 10.0));
        g.extend(glyphs("记者", 50.0, 66.0, 10.0));
        g.extend(glyphs("张三", 75.0, 66.0, 10.0));
        assert_eq!(text_of(g, vec![]), "\u{3000}\u{3000}段首缩进两字\n下一行顶格排到行尾\n记者 张三\n");
    }

    /// A column ten characters wide at x 50: a paragraph's full line and
    /// its short last line, for what a test sets under them from y 66.
    fn short_paragraph() -> Vec<Glyph> {
        let mut g = glyphs("一二三四五六七八九十", 50.0, 40.0, 10.0);
        g.extend(glyphs("完了。", 50.0, 53.0, 10.0));
        g
    }

    #[test]
    fn a_byline_set_flush_right_under_a_paragraph_stands_apart() {
        // A name set flush right under the paragraph's short last line.
        let mut g = short_paragraph();
        g.extend(glyphs("王五", 130.0, 66.0, 10.0));
        assert_eq!(text_of(g, vec![]), "一二三四五六七八九十\n完了。\n\n王五\n");
    }

    #[test]
    fn a_byline_set_right_broken_where_its_first_line_had_room_was_broken_at_a_space() {
        // Set flush right over two lines after a paragraph's short last
        // line. First: its first line leaves more than a character's room
        // at the left, so the next character would have fitted — the break
        // was at a space. Then: a full first line, broken inside the name.
        let byline = |first: &str, x: f32, second: &str| {
            let mut g = short_paragraph();
            g.extend(glyphs(first, x, 66.0, 10.0));
            g.extend(glyphs(second, 150.0 - 10.0 * second.chars().count() as f32, 79.0, 10.0));
            text_of(g, vec![])
        };
        assert_eq!(byline("记者王五张三", 90.0, "摄"), "一二三四五六七八九十\n完了。\n\n记者王五张三 摄\n");
        assert_eq!(
            byline("记者王五李四张三赵钱", 50.0, "孙"),
            "一二三四五六七八九十\n完了。\n\n记者王五李四张三赵钱孙\n"
        );
    }

    #[test]
    fn a_full_line_on_a_sentence_end_runs_on_into_a_line_set_flush_left() {
        // Paragraphs set in: a full line that ends a sentence, then a line
        // flush left, is one paragraph going on; a set-in line starts one.
        let mut g = glyphs("段首缩进八个字，", 70.0, 40.0, 10.0);
        g.extend(glyphs("第二行满行十个字了。", 50.0, 53.0, 10.0));
        g.extend(glyphs("顶格接排完了。", 50.0, 66.0, 10.0));
        g.extend(glyphs("另起一段缩进。", 70.0, 79.0, 10.0));
        g.extend(glyphs("完了。", 50.0, 92.0, 10.0));
        assert_eq!(
            text_of(g, vec![]),
            "\u{3000}\u{3000}段首缩进八个字，\n第二行满行十个字了。顶格接排完了。\n\u{3000}\u{3000}另起一段缩进。\n完了。\n"
        );
    }

    #[test]
    fn names_spaced_apart_filling_the_last_line_under_a_sentences_end_are_a_byline() {
        let mut g = glyphs("一二三四五六七八九十", 50.0, 40.0, 10.0);
        g.extend(glyphs("一二三四五六七八完。", 50.0, 53.0, 10.0));
        for (n, name) in ["记者", "王五", "张三", "李四"].iter().enumerate() {
            g.extend(glyphs(name, 52.0 + 25.0 * n as f32, 66.0, 10.0));
        }
        assert_eq!(text_of(g, vec![]), "一二三四五六七八九十\n一二三四五六七八完。\n\n记者 王五 张三 李四\n");
    }

    #[test]
    fn a_byline_wrapped_under_a_full_line_ending_a_sentence_is_one_byline_set_apart() {
        let mut g = glyphs("一二三四五六七八九十", 50.0, 40.0, 10.0);
        g.extend(glyphs("一二三四五六七八完。", 50.0, 53.0, 10.0));
        g.extend(glyphs("记者王五通讯员李四", 60.0, 66.0, 10.0));
        g.extend(glyphs("张三", 130.0, 79.0, 10.0));
        assert_eq!(text_of(g, vec![]), "一二三四五六七八九十\n一二三四五六七八完。\n\n记者王五通讯员李四 张三\n");
    }
}

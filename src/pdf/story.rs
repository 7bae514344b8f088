//! Blocks in reading order → stories, by the type they are set in and
//! where they stand.
//!
//! - Body type is the size (and face) most characters are set in; a block
//!   set larger is display type (a headline's kicker, title or subtitle),
//!   and so is a short block in another face at body size (a bold kicker).
//! - Furniture is what stands above the first rule across the page (the
//!   masthead band) or below the last one (the footer band).
//! - A caption is a block in smaller type or another face right above or
//!   below a photo (a filled box); a label is a short block in a box of
//!   rules (a running head). Both belong to no story.
//! - Display blocks one under the other make a headline. A headline
//!   belongs to the text right under it; else to the text over it (a
//!   headline set under its story) or beside it (a headline set in a
//!   column of its own) that has no headline yet; else to the text after
//!   it.
//! - The text of a story runs on in reading order until the next headline
//!   or a rule across it. A headline with no text under it takes back the
//!   column stacks another story read on into, over it or right left of
//!   it (level with it, or with the photo and caption over them), where a
//!   paragraph ended at the jump — but not when its own text stands right
//!   of it, level with it.

use super::layout::{self, Block};
use super::read::{Rule, Sheet};

/// A headline's line: its text and its type size.
#[derive(Debug, Clone)]
pub struct HeadLine {
    pub text: String,
    pub size: f32,
    /// Set in another face than the text (bold, as titles are).
    pub other_face: bool,
}

/// What a sheet holds, in reading order.
#[derive(Debug, Clone)]
pub enum Piece {
    /// Furniture, a caption, a label: no story's.
    Leftover(String),
    /// A story: its headline's lines, top to bottom (none when it has no
    /// headline), and its text as the text parser reads it.
    Story { head: Vec<HeadLine>, body: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Leftover,
    Head,
    Text,
}

/// Display type is at least this much larger than body type.
const DISPLAY: f32 = 1.04;

/// A sheet's pieces in reading order.
pub fn pieces(sheet: &Sheet) -> Vec<Piece> {
    let (blocks, order) = layout::ordered(sheet);
    if blocks.is_empty() {
        return Vec::new();
    }
    let (body_size, body_font) = body_type(&blocks);
    let furniture = furniture(&blocks, &sheet.rules);
    // A block in another face that text in body type follows on the next
    // baseline down (a bold dateline leading into its paragraph) is text,
    // not a caption, though a photo stands right over it.
    let leads_on = |i: usize| {
        let b = &blocks[i];
        blocks.iter().enumerate().any(|(j, n)| j != i && n.lines[0].font == body_font && follows(b, n))
    };
    let mut kinds: Vec<Kind> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let size = b.size();
            let other_face = b.lines[0].font != body_font;
            if furniture[i] || is_label(b, &sheet.rules) {
                Kind::Leftover
            } else if size >= body_size * DISPLAY {
                Kind::Head
            } else if (size <= body_size / DISPLAY || (other_face && !leads_on(i))) && is_caption(b, &sheet.boxes) {
                Kind::Leftover
            } else if other_face && size < body_size * DISPLAY && b.lines.len() <= 2 {
                Kind::Head
            } else {
                Kind::Text
            }
        })
        .collect();

    // Labels (a running head in a box of rules) head what stands under them.
    let labels: Vec<&Block> =
        blocks.iter().zip(&furniture).filter(|&(b, &f)| !f && is_label(b, &sheet.rules)).map(|(b, _)| b).collect();

    // Headlines: display blocks one under the other, in reading order.
    let content: Vec<usize> = order.iter().copied().filter(|&b| kinds[b] != Kind::Leftover).collect();
    let group_x = |ids: &[usize]| {
        ids.iter().fold((f32::MAX, f32::MIN), |(x0, x1), &i| (x0.min(blocks[i].x0), x1.max(blocks[i].x1)))
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < content.len() {
        let b = content[k];
        if kinds[b] != Kind::Head {
            k += 1;
            continue;
        }
        let mut group = vec![b];
        while k + 1 < content.len()
            && kinds[content[k + 1]] == Kind::Head
            && stacked(&blocks[*group.last().unwrap_or(&b)], &blocks[content[k + 1]], &group_x(&group), &sheet.rules)
        {
            k += 1;
            group.push(content[k]);
        }
        k += 1;
        // A block in body size but another face is a kicker only over a
        // display block (a bold line under a headline is the text's).
        while group.len() > 1 && blocks[group[group.len() - 1]].size() < body_size * DISPLAY {
            if let Some(g) = group.pop() {
                kinds[g] = Kind::Text;
            }
        }
        if group.iter().any(|&g| blocks[g].size() >= body_size * DISPLAY) {
            groups.push(group);
        } else {
            for g in group {
                kinds[g] = Kind::Text;
            }
        }
    }

    // Items in reading order: headlines and runs of text.
    enum Item {
        Head(usize),
        Run(Vec<usize>),
    }
    let group_of: std::collections::HashMap<usize, usize> =
        groups.iter().enumerate().flat_map(|(g, ids)| ids.iter().map(move |&b| (b, g))).collect();
    let mut items: Vec<Item> = Vec::new();
    for &b in &content {
        match group_of.get(&b) {
            Some(&g) => {
                if !matches!(items.last(), Some(Item::Head(h)) if *h == g) {
                    items.push(Item::Head(g));
                }
            }
            None => match items.last_mut() {
                Some(Item::Run(run))
                    if !ruled_off(&blocks[run[run.len() - 1]], &blocks[b], &sheet.rules)
                        && !set_beside(&blocks[run[0]], &blocks[run[run.len() - 1]], &blocks[b])
                        && !labelled(&blocks[b], &labels) =>
                {
                    run.push(b)
                }
                _ => items.push(Item::Run(vec![b])),
            },
        }
    }

    let bounds = |ids: &[usize]| -> (f32, f32, f32, f32) {
        ids.iter().fold((f32::MAX, f32::MIN, f32::MAX, f32::MIN), |(x0, x1, t, bo), &i| {
            (x0.min(blocks[i].x0), x1.max(blocks[i].x1), t.min(blocks[i].top), bo.max(blocks[i].bottom))
        })
    };
    let head_size = |g: usize| groups[g].iter().map(|&b| blocks[b].size()).fold(0.0, f32::max);
    // Text starts right under the headline, across it.
    let under = |head: (f32, f32, f32, f32), size: f32, first: &Block| {
        first.top >= head.3 - 0.5 * size
            && first.top - head.3 <= 3.0 * size
            && overlap((head.0, head.1), (first.x0, first.x1)) > 0.0
            && !rule_between(head.0, head.1, head.3, first.top, first.x0, first.x1, &sheet.rules)
    };
    // The text of `ids` stands over the headline: the blocks across it end
    // above it, with only photos and captions between.
    // A headline set at the foot of its story's columns may stand past the
    // white space left under the shortest (up to twenty lines of it).
    let over = |head: (f32, f32, f32, f32), size: f32, ids: &[usize]| {
        let across: Vec<usize> =
            ids.iter().copied().filter(|&b| overlap((head.0, head.1), (blocks[b].x0, blocks[b].x1)) > 0.0).collect();
        let bottom = across.iter().map(|&b| blocks[b].bottom).fold(f32::MIN, f32::max);
        !across.is_empty()
            && across.iter().all(|&b| blocks[b].bottom <= head.2 + 0.5 * size)
            && head.2 - bottom <= 20.0 * body_size
            && !rule_between(head.0, head.1, bottom, head.2, head.0, head.1, &sheet.rules)
            && !blocks.iter().enumerate().any(|(b, k)| {
                kinds[b] != Kind::Leftover
                    && !ids.contains(&b)
                    && overlap((head.0, head.1), (k.x0, k.x1)) > 0.0
                    && k.top >= bottom - 1.0
                    && k.bottom <= head.2 + 1.0
            })
    };
    // The text of `ids` stands in the columns right left of the headline,
    // starting level with it (or with the photo over the text, its caption
    // between them).
    let beside = |head: (f32, f32, f32, f32), size: f32, ids: &[usize]| {
        let (x0, x1, top, bottom) = bounds(ids);
        let caption = blocks
            .iter()
            .zip(&kinds)
            .filter(|&(c, &k)| {
                k == Kind::Leftover
                    && overlap((c.x0, c.x1), (x0, x1)) > 0.0
                    && c.bottom <= top + 1.0
                    && top - c.bottom <= 1.5 * body_size
            })
            .map(|(c, _)| c.top)
            .fold(top, f32::min);
        let top = sheet
            .boxes
            .iter()
            .filter(|p| {
                overlap((p.x0, p.x1), (x0, x1)) > 0.0 && p.y1 <= caption + 1.0 && caption - p.y1 <= 3.0 * body_size
            })
            .map(|p| p.y0)
            .fold(top, f32::min);
        overlap((head.0, head.1), (x0, x1)) <= 0.0
            && overlap((head.2, head.3), (top, bottom)) > 0.0
            && (head.2 - top).abs() <= 3.0 * size
    };

    // A headline with no text under it heads text that the story before
    // it (under a headline of its own) read on into: the column stack over it (a headline set under its story)
    // or right left of it (a headline in a column of its own), read on
    // where a paragraph ended (a line that stops short at a column's foot;
    // a full one runs on). That stack is a run of its own, the latest such
    // stack.
    let mut i = 1;
    while i < items.len() {
        let split = match (&items[i - 1], &items[i]) {
            (Item::Run(run), Item::Head(g)) => {
                let head = bounds(&groups[*g]);
                let size = head_size(*g);
                let headed = matches!(items.get(i + 1), Some(Item::Run(next)) if under(head, size, &blocks[next[0]]));
                // Text right of it starting level with its top (a headline
                // in a column of its own left of its text), not set over a
                // headline of its own (a byline over the next headline, or
                // a story whose headline is set under it; what the run goes
                // on to after that text, such as a byline over the next
                // headline, does not count).
                let right = matches!(items.get(i + 1), Some(Item::Run(next)) if {
                    let first = &blocks[next[0]];
                    let headline_under = matches!(items.get(i + 2), Some(Item::Head(h)) if {
                        let (x0, x1, top, _) = bounds(&groups[*h]);
                        let hs = head_size(*h);
                        top >= first.bottom - 0.5 * hs && top - first.bottom <= 3.0 * hs && overlap((x0, x1), (first.x0, first.x1)) > 0.0
                    });
                    first.x0 >= head.1 && (first.top - head.2).abs() <= 0.5 * size && !headline_under
                });
                // The run read on from a story under a headline of its own.
                let taken = i >= 2
                    && matches!(&items[i - 2], Item::Head(h) if under(bounds(&groups[*h]), head_size(*h), &blocks[run[0]]));
                if headed || !taken {
                    None
                } else {
                    let jump = |k: usize| {
                        let (a, b) = (&blocks[run[k - 1]], &blocks[run[k]]);
                        // A short line of its own over the stack (a byline)
                        // opens a story, however the text before it ended.
                        let opens = b.lines.len() == 1
                            && run.get(k + 1).is_some_and(|&n| {
                                let next = &blocks[n];
                                b.x1 < next.x1 - next.size() && next.top >= b.bottom - 0.5 * b.size()
                            });
                        b.top < a.bottom - 0.5 * a.size()
                            && (ends_paragraph(a) || opens)
                            && (over(head, size, &run[k..]) || beside(head, size, &run[k..]))
                    };
                    let candidates: Vec<usize> = (1..run.len()).filter(|&k| jump(k)).collect();
                    // The latest such stack, and the stacks before it read
                    // on into across the same band (columns of one story
                    // that start level, a byline perhaps over the first).
                    candidates.last().map(|&last| {
                        let top = blocks[run[last]].top;
                        let level = |b: &Block| (b.top - top).abs() <= body_size;
                        let heads_level = |from: usize| {
                            (from..=last).all(|j| {
                                let b = &blocks[run[j]];
                                let starts = j == from || b.top < blocks[run[j - 1]].bottom - 0.5 * b.size();
                                // A line of its own right over a column
                                // that starts level (a byline).
                                let byline = b.lines.len() == 1
                                    && j < last
                                    && blocks[run[j + 1]].top >= b.bottom - 0.5 * b.size()
                                    && level(&blocks[run[j + 1]]);
                                !starts || level(b) || byline
                            })
                        };
                        candidates.iter().copied().find(|&k| heads_level(k)).unwrap_or(last)
                    })
                    // With text of its own right of it, the headline leaves
                    // the stack to the story it was read on from, unless it
                    // starts above that story's headline (no column of that
                    // story starts over its head).
                    .filter(|&k| {
                        !right || matches!(&items[i - 2], Item::Head(h) if blocks[run[k]].top < bounds(&groups[*h]).2 - 0.5 * head_size(*h))
                    })
                }
            }
            _ => None,
        };
        if let Some(k) = split
            && let Item::Run(run) = &mut items[i - 1]
        {
            let rest = run.split_off(k);
            items.insert(i, Item::Run(rest));
            i += 1;
        }
        i += 1;
    }

    // Each headline takes one run of text.
    let mut claimed: Vec<Option<usize>> = vec![None; items.len()];
    let mut head_of: Vec<Option<usize>> = vec![None; items.len()];
    for i in 0..items.len() {
        let Item::Head(g) = &items[i] else { continue };
        let head = bounds(&groups[*g]);
        let size = head_size(*g);
        let next = match items.get(i + 1) {
            Some(Item::Run(run)) => Some((i + 1, run)),
            _ => None,
        };
        let previous = match i.checked_sub(1).map(|p| (p, &items[p])) {
            Some((p, Item::Run(run))) if head_of[p].is_none() => Some((p, run)),
            _ => None,
        };
        let under = next.is_some_and(|(_, run)| under(head, size, &blocks[run[0]]));
        let over_or_beside = previous.is_some_and(|(_, run)| {
            let last = &blocks[run[run.len() - 1]];
            let near_over = head.2 >= last.bottom - 0.5 * size
                && head.2 - last.bottom <= 3.0 * size
                && overlap((head.0, head.1), (last.x0, last.x1)) > 0.0
                && !rule_between(last.x0, last.x1, last.bottom, head.2, head.0, head.1, &sheet.rules);
            near_over || over(head, size, run) || beside(head, size, run)
        });
        let chosen = if under {
            next.map(|(n, _)| n)
        } else if over_or_beside {
            previous.map(|(p, _)| p)
        } else {
            next.map(|(n, _)| n)
        };
        claimed[i] = chosen;
        if let Some(c) = chosen {
            head_of[c] = Some(i);
        }
    }
    // A headline set under its story is read between that story's columns
    // and the ones to their right when it is narrower than the story: text
    // right after it that starts level with the text it took goes on that
    // story.
    for i in 1..items.len() {
        let (Item::Run(run), Item::Head(g)) = (&items[i], &items[i - 1]) else { continue };
        let Some(p) = claimed[i - 1].filter(|&p| p < i - 1) else { continue };
        // A headline in a column of its own right of this text took it as
        // the text beside it; it gives it back when it has text of its own
        // right of it, starting level with it, with no headline.
        let right_of = |h: usize| -> Option<usize> {
            let Item::Head(hg) = &items[h] else { return None };
            let Some(Item::Run(next)) = items.get(h + 1) else { return None };
            let head = bounds(&groups[*hg]);
            let (x0, _, top, _) = bounds(next);
            (head_of[h + 1].is_none() && x0 >= head.1 && (top - head.2).abs() <= 3.0 * head_size(*hg)).then_some(h + 1)
        };
        let beside = head_of[i].filter(|&h| h > i).and_then(|h| right_of(h).map(|r| (h, r)));
        if head_of[i].is_some() && beside.is_none() {
            continue;
        }
        let Item::Run(taken) = &items[p] else { continue };
        let size = blocks[taken[0]].size();
        // Not a headline in a column of its own beside its text, level
        // with it: text right of that is a story of its own.
        let under_it = bounds(&groups[*g]).2 > bounds(taken).2 + 3.0 * size;
        // Level with the head of one of its columns (a byline may stand
        // over the first).
        let top = bounds(run).2;
        let level = taken.iter().any(|&t| {
            let b = &blocks[t];
            (top - b.top).abs() <= size
                && !taken
                    .iter()
                    .any(|&o| blocks[o].bottom <= b.top && overlap((blocks[o].x0, blocks[o].x1), (b.x0, b.x1)) > 0.0)
        });
        if under_it && level && bounds(run).0 >= bounds(taken).1 {
            head_of[i] = Some(i - 1);
            if let Some((h, r)) = beside {
                claimed[h] = Some(r);
                head_of[r] = Some(h);
            }
        }
    }

    // A headline in a column of its own left of its text, with a byline
    // in that column: what it took over or under it is the byline alone,
    // and its text stands right of it, starting level with it.
    for i in 0..items.len() {
        let Item::Head(g) = &items[i] else { continue };
        let Some(c) = claimed[i] else { continue };
        let Item::Run(took) = &items[c] else { continue };
        let next = if c == i + 1 { i + 2 } else { i + 1 };
        let Some(Item::Run(run)) = items.get(next) else { continue };
        if head_of[next].is_some() || took.len() != 1 || blocks[took[0]].lines.len() > 2 {
            continue;
        }
        let head = bounds(&groups[*g]);
        let (x0, _, top, _) = bounds(run);
        if x0 >= head.1 && (top - head.2).abs() <= 3.0 * head_size(*g) {
            head_of[next] = Some(i);
        }
    }

    let head_lines = |g: usize| -> Vec<HeadLine> {
        let mut ids = groups[g].clone();
        ids.sort_by(|&a, &b| blocks[a].top.total_cmp(&blocks[b].top).then(blocks[a].x0.total_cmp(&blocks[b].x0)));
        ids.iter()
            .flat_map(|&b| {
                blocks[b].lines.iter().map(|l| HeadLine {
                    text: l.text.clone(),
                    size: l.size,
                    other_face: l.font != body_font,
                })
            })
            .collect()
    };
    // Does the page set a paragraph's first line in (a line set in by one
    // to three characters that runs to the right edge)? Then a line set
    // flush left opens no paragraph.
    let sets_in = blocks.iter().map(set_in_lines).sum::<usize>() >= 2;
    // Where the column a block stands in starts: the left edge of the
    // blocks of text set in the same type across it.
    let column_left = |b: &Block| {
        blocks
            .iter()
            .filter(|k| {
                k.lines.len() >= 2
                    && (k.size() - b.size()).abs() <= 0.03 * b.size()
                    && overlap((k.x0, k.x1), (b.x0, b.x1)) >= 0.5 * (k.x1 - k.x0).min(b.x1 - b.x0)
            })
            .map(|k| k.x0)
            .fold(b.x0, f32::min)
    };
    // Does `b`, read after `a` (in another column, or under a photo), go
    // on with the paragraph `a` ends with: `a`'s last line fills its
    // measure, set flush left, and `b` opens flush left in its column in
    // the same type, on a page that sets paragraphs in?
    let runs_on = |a: &Block, b: &Block| {
        let (last, first) = (&a.lines[a.lines.len() - 1], &b.lines[0]);
        let size = last.size;
        sets_in
            && (first.size - size).abs() <= 0.03 * size
            && first.font == last.font
            && a.x1 - last.x1 < 0.5 * size
            && last.x0 - a.x0 < 0.5 * size
            && first.x0 - column_left(b) < 0.5 * size
    };
    let body_text = |run: &[usize]| -> String {
        let mut out = String::new();
        let mut n = 0;
        let mut before: Option<Block> = None;
        while n < run.len() {
            let block = &blocks[run[n]];
            if n > 0 {
                if before.as_ref().is_some_and(|a| runs_on(a, block)) {
                    out.push('\n');
                } else {
                    out.push_str("\n\n");
                }
            }
            before = None;
            n += 1;
            if block.size() <= body_size / DISPLAY && block.lines.len() <= 3 {
                // A line or two in a smaller type of its own (a byline
                // under the headline) is one line that ran over.
                let lines: Vec<HeadLine> = block
                    .lines
                    .iter()
                    .map(|l| HeadLine { text: l.text.clone(), size: l.size, other_face: false })
                    .collect();
                out.push_str(&join(&lines));
                continue;
            }
            // Blocks set on the next baseline down the same column are one
            // text that changed face (a dateline set bold, then the
            // paragraph it starts).
            let mut merged = block.clone();
            while n < run.len() && follows(&merged, &blocks[run[n]]) {
                let next = &blocks[run[n]];
                let mut lines = next.lines.iter();
                // A lead-in in another face (a bold dateline) that filled
                // its line and ran over onto the next, set flush left: one
                // line, so that what it says is read whole.
                let (lead, first) = (&merged.lines[merged.lines.len() - 1], &next.lines[0]);
                if merged.lines.len() == 1
                    && lead.font != first.font
                    && next.x1 - lead.x1 < lead.size
                    && first.x0 - next.x0 < 0.5 * first.size
                {
                    let tight = layout::joins_tight(&lead.text, &first.text);
                    let lead = &mut merged.lines[0];
                    if !tight {
                        lead.text.push(' ');
                    }
                    lead.text.push_str(&first.text);
                    lead.x1 = first.x1;
                    merged.x1 = merged.x1.max(first.x1);
                    lines.next();
                }
                for line in lines {
                    merged.push(line.clone());
                }
                n += 1;
            }
            layout::write_block(&merged, &mut out);
            before = Some(merged);
        }
        out.push('\n');
        out
    };

    // Stories: a headline with the runs it took, or a run on its own.
    let mut stories: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    let mut story_of: Vec<Option<usize>> = vec![None; items.len()];
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Head(_) => {
                story_of[i] = Some(stories.len());
                stories.push((Some(i), Vec::new()));
            }
            Item::Run(_) if head_of[i].is_none() => {
                story_of[i] = Some(stories.len());
                stories.push((None, vec![i]));
            }
            Item::Run(_) => {}
        }
    }
    for (i, h) in head_of.iter().enumerate() {
        if let Some(s) = h.and_then(|h| story_of[h]) {
            stories[s].1.push(i);
            story_of[i] = Some(s);
        }
    }
    let first_block = |i: usize| match &items[i] {
        Item::Head(g) => groups[*g][0],
        Item::Run(run) => run[0],
    };
    let mut starts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (s, (head, runs)) in stories.iter().enumerate() {
        let first = head.iter().chain(runs).copied().min().unwrap_or(0);
        starts.insert(first_block(first), s);
    }

    // Out in reading order: leftovers where they stand, each story where
    // its first part stands.
    let mut out = Vec::new();
    for &b in &order {
        if kinds[b] == Kind::Leftover {
            let mut text = String::new();
            for (n, l) in blocks[b].lines.iter().enumerate() {
                if n > 0 {
                    text.push('\n');
                }
                text.push_str(&l.text);
            }
            out.push(Piece::Leftover(text));
            continue;
        }
        let Some(&s) = starts.get(&b) else { continue };
        let (head, runs) = &stories[s];
        let head = head.map_or(Vec::new(), |h| match &items[h] {
            Item::Head(g) => head_lines(*g),
            Item::Run(_) => Vec::new(),
        });
        let mut body = String::new();
        for &r in runs {
            if let Item::Run(run) = &items[r] {
                if !body.is_empty() {
                    body.push('\n');
                }
                body.push_str(&body_text(run));
            }
        }
        out.push(Piece::Story { head, body });
    }
    out
}

/// The size and face most characters are set in.
fn body_type(blocks: &[Block]) -> (f32, u32) {
    let mut sizes: Vec<(i32, usize)> = Vec::new();
    for l in blocks.iter().flat_map(|b| &b.lines) {
        let key = (l.size * 100.0).round() as i32;
        let n = l.text.chars().count();
        match sizes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => sizes.push((key, n)),
        }
    }
    let key = sizes.iter().max_by_key(|(_, n)| *n).map_or(0, |&(k, _)| k);
    let mut fonts: Vec<(u32, usize)> = Vec::new();
    for l in blocks.iter().flat_map(|b| &b.lines).filter(|l| (l.size * 100.0).round() as i32 == key) {
        let n = l.text.chars().count();
        match fonts.iter_mut().find(|(f, _)| *f == l.font) {
            Some((_, c)) => *c += n,
            None => fonts.push((l.font, n)),
        }
    }
    let font = fonts.iter().max_by_key(|(_, n)| *n).map_or(0, |&(f, _)| f);
    (key as f32 / 100.0, font)
}

/// Blocks in the page's masthead band (above the first rule across the
/// page) and footer band (below the last), when those bands are narrow.
fn furniture(blocks: &[Block], rules: &[Rule]) -> Vec<bool> {
    let (x0, x1, top, bottom) = blocks.iter().fold((f32::MAX, f32::MIN, f32::MAX, f32::MIN), |(a, b, c, d), k| {
        (a.min(k.x0), b.max(k.x1), c.min(k.top), d.max(k.bottom))
    });
    let height = bottom - top;
    let across: Vec<f32> = rules
        .iter()
        .filter(|r| r.is_horizontal() && overlap((r.x0, r.x1), (x0, x1)) >= 0.6 * (x1 - x0))
        .map(|r| (r.y0 + r.y1) / 2.0)
        .collect();
    let first = across.iter().copied().fold(f32::MAX, f32::min);
    let last = across.iter().copied().fold(f32::MIN, f32::max);
    let band = 0.15 * height;
    blocks
        .iter()
        .map(|b| (first - top <= band && b.bottom <= first + 1.0) || (bottom - last <= band && b.top >= last - 1.0))
        .collect()
}

/// Right above or below a photo, across it.
fn is_caption(b: &Block, boxes: &[Rule]) -> bool {
    let size = b.size();
    boxes.iter().any(|p| {
        overlap((b.x0, b.x1), (p.x0, p.x1)) >= 0.5 * (b.x1 - b.x0)
            && ((b.top >= p.y1 - 1.0 && b.top - p.y1 <= 1.5 * size)
                || (b.bottom <= p.y0 + 1.0 && p.y0 - b.bottom <= 1.5 * size))
    })
}

/// Does a label stand right over the block, across it: the block starts
/// a section of its own (the text under a boxed section label is not the
/// text of the story beside it).
fn labelled(b: &Block, labels: &[&Block]) -> bool {
    let size = b.size();
    labels.iter().any(|l| {
        overlap((l.x0, l.x1), (b.x0, b.x1)) > 0.0 && b.top >= l.bottom - 0.5 * size && b.top - l.bottom <= 3.5 * size
    })
}

/// A line or two in a box of rules drawn tight around it.
fn is_label(b: &Block, rules: &[Rule]) -> bool {
    let size = b.size();
    let width = b.x1 - b.x0;
    if b.lines.len() > 2 {
        return false;
    }
    let tight = |r: &&Rule| {
        r.is_horizontal() && overlap((r.x0, r.x1), (b.x0, b.x1)) >= 0.9 * width && r.x1 - r.x0 <= width + 4.0 * size
    };
    let above = rules.iter().filter(tight).any(|r| r.y1 <= b.top + 0.3 * size && b.top - r.y1 <= 1.0 * size);
    let below = rules.iter().filter(tight).any(|r| r.y0 >= b.bottom - 0.3 * size && r.y0 - b.bottom <= 1.0 * size);
    above && below
}

/// Does `b` sit right under `a`, nothing ruled between (a kicker over its
/// title, a title over its subtitle)?
///
/// Across the headline so far, not only `a`: a subtitle's short last line
/// set flush left under a line set centred is still the subtitle's.
fn stacked(a: &Block, b: &Block, across: &(f32, f32), rules: &[Rule]) -> bool {
    let size = a.size().max(b.size());
    b.top >= a.bottom - 0.5 * size
        && b.top - a.bottom <= 1.5 * size
        && overlap(*across, (b.x0, b.x1)) > 0.0
        && !rule_between(a.x0, a.x1, a.bottom, b.top, b.x0, b.x1, rules)
}

/// Does the block's last line end a paragraph: it stops short of its
/// measure, and either on a sentence's closing mark or well short (line
/// breaking never leaves more than a character or two over)?
fn ends_paragraph(b: &Block) -> bool {
    let last = &b.lines[b.lines.len() - 1];
    let short = b.x1 - last.x1;
    let closed = last.text.trim_end().ends_with(['。', '！', '？', '…', '”', '!', '?', '.', '」', '』', '）', ')']);
    short >= 0.5 * last.size && (closed || short >= 3.0 * last.size)
}

/// The lines of a block set in by one to three characters that run to
/// the right edge (paragraphs' first lines).
fn set_in_lines(b: &Block) -> usize {
    if b.lines.len() < 2 {
        return 0;
    }
    b.lines
        .iter()
        .filter(|l| {
            let inset = l.x0 - b.x0;
            inset >= 1.5 * l.size && inset <= 3.5 * l.size && b.x1 - l.x1 < 1.5 * l.size
        })
        .count()
}

/// Is `b`, read after `a` at the top of another column, a story of its
/// own set beside the one that `a` ends with a byline set right? It starts
/// above where that story's text started, so it is no column that text
/// was continued into. (A paragraph's short last line does not settle it:
/// in a run of briefs the next column starts over at the top.)
fn set_beside(first: &Block, a: &Block, b: &Block) -> bool {
    let size = a.size();
    let last = &a.lines[a.lines.len() - 1];
    let left = a.lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let byline = a.lines.len() > 1 && last.x0 - left > 3.5 * last.size && a.x1 - last.x1 < 0.5 * last.size;
    b.top < a.bottom - 0.5 * size && b.top < first.top - 0.5 * size && byline
}

/// Does `b` go on right under `a`, on the next baseline of the same column
/// in the same type size (only the face changed)?
fn follows(a: &Block, b: &Block) -> bool {
    let (last, first) = (&a.lines[a.lines.len() - 1], &b.lines[0]);
    let size = last.size;
    let pitch = match (a.lines.len(), b.lines.len()) {
        (n, _) if n >= 2 => last.y - a.lines[n - 2].y,
        (_, n) if n >= 2 => b.lines[1].y - first.y,
        _ => 1.3 * size,
    };
    let step = first.y - last.y;
    (first.size - size).abs() <= 0.03 * size
        && step >= 0.6 * size
        && step <= pitch * 1.15 + 0.5
        && overlap((a.x0, a.x1), (b.x0, b.x1)) >= 0.5 * (a.x1 - a.x0).min(b.x1 - b.x0)
}

/// Is `b`, read after `a`, set off from it by a rule (the next story)?
fn ruled_off(a: &Block, b: &Block, rules: &[Rule]) -> bool {
    if b.top >= a.bottom - 0.5 * a.size() {
        rule_between(a.x0, a.x1, a.bottom, b.top, b.x0, b.x1, rules)
    } else {
        // Read on at the top of another column: a rule over it there
        // ends what was above.
        false
    }
}

/// A horizontal rule between `y0` and `y1` across both x ranges.
fn rule_between(ax0: f32, ax1: f32, y0: f32, y1: f32, bx0: f32, bx1: f32, rules: &[Rule]) -> bool {
    rules.iter().any(|r| {
        r.is_horizontal()
            && r.y0 >= y0 - 1.0
            && r.y1 <= y1 + 1.0
            && overlap((r.x0, r.x1), (ax0, ax1)) > 0.0
            && overlap((r.x0, r.x1), (bx0, bx1)) > 0.0
    })
}

/// Lines as one: no space between two full-width characters, one
/// otherwise.
pub fn join(lines: &[HeadLine]) -> String {
    let mut out = String::new();
    for l in lines {
        let text = l.text.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() && !layout::joins_tight(&out, text) {
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

fn overlap((a0, a1): (f32, f32), (b0, b1): (f32, f32)) -> f32 {
    a1.min(b1) - a0.max(b0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::read::{Glyph, glyph_line as line};

    /// Lines of body type (10 pt on 13 pt) down one column from `y`.
    fn column(lines: &[&str], x: f32, y: f32) -> Vec<Glyph> {
        lines.iter().enumerate().flat_map(|(n, l)| line(l, x, y + n as f32 * 13.0, 10.0)).collect()
    }

    fn stories(glyphs: Vec<Glyph>) -> Vec<(String, String)> {
        let sheet = Sheet { glyphs, rules: vec![], boxes: vec![], unmapped: 0 };
        pieces(&sheet)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Story { head, body } => Some((join(&head), body.split_whitespace().collect())),
                Piece::Leftover(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_headline_in_a_column_of_its_own_takes_the_text_left_of_it_not_the_story_before() {
        // Story one: its headline over column one, its text ending there
        // with a paragraph's short last line. Story two: text in column
        // two, its headline set in column three level with that text.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(column(
            &["一一一一一一一一一一一一", "一一一一一一一一一一一一", "一一一一一一一一一一一一", "一一完。"],
            50.0,
            70.0,
        ));
        g.extend(column(
            &["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"],
            190.0,
            70.0,
        ));
        g.extend(line("第二篇标题", 330.0, 78.0, 20.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("一一完。") && !got[0].1.contains('二'), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("二二") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn a_story_whose_paragraph_runs_on_keeps_the_column_it_ran_into() {
        // The same page, but column one ends on a full line: the story
        // reads on into column two, and the headline beside takes none.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(column(
            &[
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
            ],
            50.0,
            70.0,
        ));
        g.extend(column(
            &["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"],
            190.0,
            70.0,
        ));
        g.extend(line("第二篇标题", 330.0, 78.0, 20.0));
        let got = stories(g);
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn text_beside_a_story_that_ended_with_a_byline_set_right_is_a_story_of_its_own() {
        // Story one: its headline over column one, its text under it ending
        // with a byline set flush right. Column two starts level with that
        // headline, above story one's text: a story without a headline.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(column(&["一一一一一一一一一一一一", "一一一一一一一一一一一一", "一一一一一一一一完。"], 50.0, 70.0));
        g.extend(line("记者张三", 130.0, 109.0, 10.0));
        g.extend(column(
            &["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"],
            190.0,
            30.0,
        ));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("记者张三") && !got[0].1.contains('二'), "{got:?}");
        assert_eq!(got[1].0, "");
        assert!(got[1].1.starts_with("二二") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn a_headline_right_of_its_text_does_not_take_the_text_right_of_it_too() {
        // Story one's text in column one, its headline in column two level
        // with it; column three, level with both, is another story.
        let mut g = column(&["一一一一一一一一一一一一", "一一一一一一一一一一一一", "一一一完。"], 50.0, 70.0);
        g.extend(line("第一篇", 190.0, 70.0, 20.0));
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 260.0, 70.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "第一篇");
        assert!(got[0].1.ends_with("一一一完。") && !got[0].1.contains('二'), "{got:?}");
        assert!(got[1].1.starts_with("二二") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn text_under_a_boxed_label_starts_a_story_of_its_own() {
        // A headline over two columns; the second column is headed by a
        // label in a box of rules: its text is not the headline's story.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(column(
            &["一一一一一一一一一一一一", "一一一一一一一一一一一一", "一一一一一一一一一一一一"],
            50.0,
            70.0,
        ));
        g.extend(line("栏目", 190.0, 62.0, 10.0));
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 190.0, 100.0));
        let rules =
            vec![Rule { x0: 186.0, y0: 51.0, x1: 214.0, y1: 51.5 }, Rule { x0: 186.0, y0: 65.0, x1: 214.0, y1: 65.5 }];
        let sheet = Sheet { glyphs: g.clone(), rules: vec![], boxes: vec![], unmapped: 0 };
        let count = |sheet: &Sheet| pieces(sheet).iter().filter(|p| matches!(p, Piece::Story { .. })).count();
        assert_eq!(count(&sheet), 1);
        assert_eq!(count(&Sheet { glyphs: g, rules, boxes: vec![], unmapped: 0 }), 2);
    }

    #[test]
    fn a_headline_in_a_column_of_its_own_with_its_byline_takes_the_text_right_of_it() {
        // Column one: a byline, then the headline under it; the text in
        // columns two and three, starting level with the headline.
        let mut g = line("记者张三", 50.0, 40.0, 10.0);
        g.extend(line("第一篇标题", 50.0, 62.0, 20.0));
        g.extend(column(&["一一一一一一一一一一", "一一一一一一一一一一", "一一一一一一一一一一"], 170.0, 60.0));
        g.extend(column(&["二二二二二二二二二二", "二二二二二二二二二二", "二完。"], 290.0, 60.0));
        let got = stories(g);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.starts_with("记者张三") && got[0].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn a_bold_lead_in_that_ran_over_onto_the_next_line_is_read_as_one_line() {
        // Under a headline, a paragraph whose first line, set in, is all
        // bold (another font) and runs over onto the next line.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(
            line("本报讯（记者", 70.0, 70.0, 10.0)
                .into_iter()
                .chain(line("张三", 130.0, 70.0, 10.0))
                .map(|g| Glyph { font: 1, ..g }),
        );
        g.extend(column(&["四）正文正文正文正文", "正文正文正文正文正文", "正文完。"], 50.0, 83.0));
        let sheet = Sheet { glyphs: g, rules: vec![], boxes: vec![], unmapped: 0 };
        let Some(Piece::Story { body, .. }) = pieces(&sheet).into_iter().next() else { panic!("no story") };
        assert_eq!(body.lines().next(), Some("\u{3000}\u{3000}本报讯（记者张三四）正文正文正文正文"), "{body}");
    }

    #[test]
    fn a_paragraph_that_fills_a_columns_foot_runs_on_into_a_column_opening_flush_left() {
        // Paragraphs set in by two characters; column one ends on a full
        // line (on a sentence's end), column two opens flush left: the
        // same paragraph. Set in there, it would be the next one.
        let text = |x2: f32| {
            let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
            g.extend(line("一一一一一一一一一一", 70.0, 70.0, 10.0));
            g.extend(column(&["一一一一一一一一一一一一", "一一一一一一一一完。"], 50.0, 83.0));
            g.extend(line("一一一一一一一一一一", 70.0, 109.0, 10.0));
            g.extend(column(&["一一一一一一一一一一一完。"], 50.0, 122.0));
            g.extend(line("二二二二二二二二二二", x2, 70.0, 10.0));
            g.extend(column(&["二二二二二二二二二二二二", "二完。"], 190.0, 83.0));
            let sheet = Sheet { glyphs: g, rules: vec![], boxes: vec![], unmapped: 0 };
            match pieces(&sheet).into_iter().next() {
                Some(Piece::Story { body, .. }) => body,
                other => panic!("no story: {other:?}"),
            }
        };
        let flush = text(190.0);
        assert!(flush.contains("一完。\n二二"), "{flush:?}");
        let set_in = text(210.0);
        assert!(set_in.contains("一完。\n\n\u{3000}\u{3000}二二"), "{set_in:?}");
    }

    #[test]
    fn a_headline_under_its_story_narrower_than_it_keeps_the_columns_right_of_it() {
        // A byline over column one; the text in three columns; the
        // headline under the first two. Column three starts level with
        // column two (the byline stands over column one).
        let mut g = line("记者张三", 50.0, 40.0, 8.0);
        g.extend(column(&["一一一一一一一一一一", "一一一一一一一一一一", "一一一一一一一一一一"], 50.0, 60.0));
        g.extend(column(&["二二二二二二二二二二", "二二二二二二二二二二", "二二二二二二二二二二"], 170.0, 60.0));
        g.extend(column(
            &["三三三三三三三三三三", "三三三三三三三三三三", "三三三三三三三三三三", "三完。"],
            290.0,
            60.0,
        ));
        g.extend(line("第一篇标题在这两栏下", 50.0, 120.0, 20.0));
        let got = stories(g);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题在这两栏下");
        assert!(got[0].1.starts_with("记者张三") && got[0].1.ends_with("三完。"), "{got:?}");
    }

    #[test]
    fn a_headline_beside_two_texts_leaves_the_left_one_to_the_story_set_over_its_headline() {
        // Story one: columns one to three, its headline under the first
        // two. Story two: its headline in column four, its text in five,
        // all starting level.
        let mut g = column(&["一一一一一一一一一一", "一一一一一一一一一一", "一一一一一一一一一一"], 50.0, 60.0);
        g.extend(column(&["二二二二二二二二二二", "二二二二二二二二二二", "二二二二二二二二二二"], 170.0, 60.0));
        g.extend(column(&["三三三三三三三三三三", "三三三三三三三三三三", "三完。"], 290.0, 60.0));
        g.extend(line("第一篇标题在这两栏下", 50.0, 120.0, 20.0));
        g.extend(line("第二篇", 410.0, 66.0, 20.0));
        g.extend(column(&["四四四四四四四四四四", "四四四四四四四四四四", "四完。"], 530.0, 60.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题在这两栏下");
        assert!(got[0].1.ends_with("三完。"), "{got:?}");
        assert_eq!(got[1].0, "第二篇");
        assert!(got[1].1.starts_with("四四") && got[1].1.ends_with("四完。"), "{got:?}");
    }

    #[test]
    fn a_headline_in_a_column_of_its_own_takes_the_stack_left_of_it_that_opens_on_a_byline() {
        // Story one ends column one on a full line; column two opens on a
        // byline over its text: story two's, whose headline stands in
        // column three.
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        g.extend(column(
            &[
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
                "一一一一一一一一一一一一",
            ],
            50.0,
            70.0,
        ));
        g.extend(line("记者张三", 190.0, 70.0, 9.0));
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 190.0, 87.0));
        g.extend(line("第二篇标题", 330.0, 78.0, 20.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.ends_with("一一") && !got[0].1.contains('二'), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("记者张三") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    /// Story one: its headline over column one, its text there ending a
    /// paragraph low down (so whatever stands in the columns right of it
    /// was read on into).
    fn story_one() -> Vec<Glyph> {
        let mut g = line("第一篇标题", 50.0, 40.0, 20.0);
        let full = "一一一一一一一一一一一一";
        g.extend(column(&[full, full, full, full, full, full, full, full, "一完。"], 50.0, 70.0));
        g
    }

    #[test]
    fn a_headline_in_a_column_of_its_own_takes_the_text_under_a_photo_and_its_caption_left_of_it() {
        // Column two: a photo level with the headline in column three, a
        // caption of two lines under it, then story two's text.
        let mut g = story_one();
        g.extend(line("图为二二二二二二二二", 190.0, 112.0, 8.0));
        g.extend(line("二二二二", 190.0, 122.0, 8.0));
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 190.0, 144.0));
        g.extend(line("第二篇标题", 330.0, 78.0, 20.0));
        let photo = Rule { x0: 190.0, y0: 60.0, x1: 310.0, y1: 100.0 };
        let sheet = Sheet { glyphs: g, rules: vec![], boxes: vec![photo], unmapped: 0 };
        let got: Vec<(String, String)> = pieces(&sheet)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Story { head, body } => Some((join(&head), body.split_whitespace().collect())),
                Piece::Leftover(_) => None,
            })
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.ends_with("一完。") && !got[0].1.contains('二'), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("二二") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn a_headline_in_a_column_of_its_own_takes_all_the_columns_left_of_it_that_start_level() {
        // Story two: a byline over column two, its text in columns two and
        // three (each ending a paragraph), its headline in column four.
        let mut g = story_one();
        let full = "二二二二二二二二二二二二";
        g.extend(line("记者张三", 190.0, 62.0, 9.0));
        g.extend(column(&[full, full, "二二完。"], 190.0, 80.0));
        g.extend(column(&[full, full, "二完。"], 330.0, 80.0));
        g.extend(line("第二篇标题", 470.0, 84.0, 20.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.ends_with("一完。") && !got[0].1.contains('二'), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("记者张三") && got[1].1.ends_with("二完。"), "{got:?}");
    }

    #[test]
    fn a_headline_with_its_text_right_of_it_leaves_the_column_left_of_it_to_the_story_read_on() {
        // Column two, starting level with story one's headline, goes on
        // with story one; story two's headline stands in column three and
        // its text in column four, level with that headline.
        let mut g = story_one();
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 190.0, 58.0));
        g.extend(line("第二篇标题", 330.0, 58.0, 20.0));
        g.extend(column(&["三三三三三三三三三三三三", "三三三三三三三三三三三三", "三完。"], 450.0, 48.0));
        let got = stories(g);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("二完。"), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("三三") && got[1].1.ends_with("三完。"), "{got:?}");
    }

    #[test]
    fn a_headline_set_at_the_foot_of_its_story_takes_it_across_white_space() {
        // The text in one column, then fifteen lines of white space, then
        // its headline.
        let mut g = column(&["一一一一一一一一一一一一", "一一一一一一一一一一一一", "一完。"], 50.0, 60.0);
        g.extend(line("第一篇标题", 50.0, 270.0, 20.0));
        let got = stories(g);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("一完。"), "{got:?}");
    }

    #[test]
    fn a_headline_takes_its_text_right_of_it_though_a_byline_over_the_next_headline_follows() {
        // As above, and column five holds a byline over story three's
        // headline, with its text under it.
        let mut g = story_one();
        g.extend(column(&["二二二二二二二二二二二二", "二二二二二二二二二二二二", "二完。"], 190.0, 58.0));
        g.extend(line("第二篇标题", 330.0, 58.0, 20.0));
        g.extend(column(&["三三三三三三三三三三三三", "三三三三三三三三三三三三", "三完。"], 450.0, 48.0));
        g.extend(line("记者张三", 590.0, 48.0, 9.0));
        g.extend(line("第三篇标题", 590.0, 72.0, 20.0));
        g.extend(column(&["四四四四四四四四四四四四", "四四四四四四四四四四四四", "四完。"], 590.0, 92.0));
        let got = stories(g);
        assert_eq!(got[0].0, "第一篇标题");
        assert!(got[0].1.ends_with("二完。"), "{got:?}");
        assert_eq!(got[1].0, "第二篇标题");
        assert!(got[1].1.starts_with("三三"), "{got:?}");
    }
}

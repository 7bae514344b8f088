//! Pass 3: units → articles.
//!
//! Paragraphs run together into bodies; a dateline, a byline or a headline
//! ends a body. Each headline block and byline is then attached to the body
//! before it or the body after it. The page's own layout decides where it
//! is unambiguous (a headline at the very top belongs below it, one at the
//! very bottom above it); elsewhere the words a headline shares with each
//! candidate's lead decide, as a reader would.

use super::marks::{self, Byline};
use super::reflow::{Headline, Paragraph, Unit, ends_with_double_dash, ends_with_tag};
use crate::model::Article;
use crate::text;

/// Paragraphs of one article, before headline and byline are attached.
#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<Paragraph>,
    headline: Option<usize>,
    bylines: Vec<usize>,
}

impl Body {
    /// Its text stops where a column break cut it, to go on elsewhere.
    fn open_end(&self) -> bool {
        self.paragraphs.last().is_some_and(|p| p.open_end)
    }

    /// Its paragraphs and the length of the last: the text a byline under
    /// it closed, which changes when text is added or taken away.
    fn extent(&self) -> (usize, usize) {
        (self.paragraphs.len(), self.paragraphs.last().map_or(0, |p| p.text.len()))
    }

    /// Set in a column clearly wider or narrower than `column`, the one a
    /// cut paragraph opens in (3 : 2 or more): a story goes on in columns
    /// of its own width, so a block set across two columns does not go on
    /// the text of a single one.
    fn set_in_other_column(&self, column: Option<u32>) -> bool {
        match (self.paragraphs.last().and_then(|p| p.column_out), column) {
            (Some(a), Some(b)) => {
                let (narrow, wide) = (a.min(b), a.max(b));
                narrow >= MIN_MEASURE && 2 * wide >= 3 * narrow
            }
            _ => false,
        }
    }

    /// Its text stops in mid-sentence (not merely at a full line).
    fn cut_mid_sentence(&self) -> bool {
        self.paragraphs.last().is_some_and(|p| p.open_end && !text::ends_sentence(&p.text))
    }

    /// Its text stops in the middle of a phrase (a letter or a character
    /// last, no punctuation) that no words of time go on (`…3月6` / `日晚，`,
    /// `…检修` / `期间，`).
    fn cut_mid_phrase(&self) -> bool {
        self.paragraphs.last().is_some_and(|p| {
            p.open_end
                && p.text
                    .chars()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_alphanumeric() && !marks::runs_on_into_time(c))
        })
    }
}

/// How the text was put in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// A whole page as `pdftotext` or OCR prints it: one article's columns
    /// may come between another's, so a new paragraph under text left in
    /// mid-sentence belongs to another article.
    Interleaved,
    /// One story's text, cut out of the page by its geometry (the PDF
    /// path): its blocks may come in any order, but they are all its own.
    #[cfg_attr(not(feature = "pdf"), allow(dead_code))]
    Story,
}

/// One slot of the page, in order: a body, or a mark waiting to be attached.
enum Slot {
    Body(usize),
    Headline(usize),
    Byline(usize),
    Leftover(String),
}

/// How strongly a headline prefers the side the page's layout favours,
/// against the evidence of shared words (a share between 0 and 1).
const LAYOUT_BIAS: f32 = 0.1;

/// Assembles one page's units into articles, appending to `articles` and
/// `leftovers`.
///
/// `sheet` is the page's raw text: where a column break cut a paragraph,
/// the page's own words tell which open body the cut text goes on.
pub fn assemble(sheet: &str, order: Order, units: Vec<Unit>, articles: &mut Vec<Article>, leftovers: &mut Vec<String>) {
    let units = join_kickers_to_their_titles(set_apart_column_labels(mark_name_bylines(mark_cross_heads(units))));
    let mut bodies: Vec<Body> = Vec::new();
    let mut headlines: Vec<Headline> = Vec::new();
    let mut bylines: Vec<Byline> = Vec::new();
    let mut slots: Vec<Slot> = Vec::new();
    // For each byline that closes a text, the body that text went on and
    // its extent then.
    let mut signed_text: Vec<Option<(usize, (usize, usize))>> = Vec::new();
    // The body that the next paragraph goes on, if any.
    let mut open: Option<usize> = None;
    let mut units = units;
    for i in 0..units.len() {
        // Taken out, the units after it still there to read ahead.
        match std::mem::replace(&mut units[i], Unit::Furniture(String::new())) {
            Unit::Paragraph(p) => {
                // A paragraph that a column break cut off goes on in a block
                // opening with a full line, wherever the page prints it:
                // the open body it reads on from best takes it, the latest
                // on a tie.
                let target = if p.dateline {
                    None
                } else if p.continues_earlier {
                    // A sentence that opens with its time (`昨天，`) starts
                    // afresh: it goes on no text cut in mid-phrase.
                    let fresh = marks::opens_with_time(&p.text);
                    let fits = |b: &usize| {
                        !(bodies[*b].set_in_other_column(p.column_in) || (fresh && bodies[*b].cut_mid_phrase()))
                    };
                    continued_body(sheet, &bodies, open, &p.text, fits, || cut_block(&p, &units[i + 1..]))
                        // Under a story that ended its paragraph, a block
                        // opening with a full line (not set in, as this
                        // page's paragraphs are) starts another story: a
                        // brief or a picture's story without a headline.
                        .or(open.filter(|b| fits(b) && bodies[*b].open_end()))
                } else if p.may_continue_earlier {
                    continued_body_by_words(sheet, &bodies, open, &p.text).or(open)
                } else if order == Order::Interleaved
                    && p.opens_set_in
                    && open.is_some_and(|b| bodies[b].cut_mid_sentence())
                {
                    // A new paragraph cannot follow its own article's text
                    // left in mid-sentence: another article starts here.
                    None
                } else {
                    open
                };
                let Some(b) = target else {
                    bodies.push(Body::default());
                    slots.push(Slot::Body(bodies.len() - 1));
                    bodies.last_mut().expect("just pushed").paragraphs.push(p);
                    open = Some(bodies.len() - 1);
                    continue;
                };
                let body = &mut bodies[b];
                match body.paragraphs.last_mut() {
                    Some(last) if (p.continues_earlier || p.may_continue_earlier) && last.open_end => {
                        text::push_joined(&mut last.text, &p.text);
                        last.open_end = p.open_end;
                        last.column_out = p.column_out.or(last.column_out);
                    }
                    _ => body.paragraphs.push(p),
                }
                open = Some(b);
            }
            Unit::Headline(h) => {
                headlines.push(h);
                slots.push(Slot::Headline(headlines.len() - 1));
                open = None;
            }
            Unit::Byline(b) => {
                let tight = b.closes && !bare_name(&b);
                let signed = open.filter(|_| tight);
                // A story signed under its last line has ended there, though
                // that line ran to the column's end: no cut text goes on it.
                if let Some(last) = signed.and_then(|t| bodies[t].paragraphs.last_mut()) {
                    last.open_end = false;
                }
                signed_text.push(signed.map(|t| (t, bodies[t].extent())));
                bylines.push(b);
                slots.push(Slot::Byline(bylines.len() - 1));
                open = None;
            }
            // Furniture sits in the margins; it does not interrupt a body.
            Unit::Furniture(f) => slots.push(Slot::Leftover(f)),
        }
    }

    let decks = decks_over_bylines(&mut slots, &bylines, &mut bodies);
    if order == Order::Interleaved {
        let mut signed = vec![false; bodies.len()];
        signed_text.iter().flatten().for_each(|&(t, _)| signed[t] = true);
        return_columns_to_their_story(&slots, &signed, &mut bodies, &mut signed_text);
        // A body that went back whole to its story is no slot of its own.
        drop_emptied_bodies(&mut slots, &bodies);
    }
    // A body that took more text after the byline, or gave some back, no
    // longer ends with the text the byline closes.
    let signed_text: Vec<Option<usize>> = signed_text
        .into_iter()
        .map(|s| s.filter(|&(t, extent)| bodies[t].extent() == extent).map(|(t, _)| t))
        .collect();
    // Each body's lead, read once for all the headlines compared with it
    // (attaching headlines changes no body's text).
    let leads: Vec<Vec<text::CharPair>> = bodies.iter().map(|b| text::first_pairs(&lead(b), LEAD_PAIRS)).collect();
    attach_headlines(&slots, &headlines, &mut bodies, &leads);
    follow_headline_words(&slots, &mut headlines, &mut bodies, &leads);
    attach_bylines(&slots, &bylines, &signed_text, &mut bodies);

    // Marks that found no article.
    let mut used_headlines = vec![false; headlines.len()];
    let mut used_bylines = vec![false; bylines.len()];
    for body in &bodies {
        if let Some(h) = body.headline {
            used_headlines[h] = true;
        }
        for &b in &body.bylines {
            used_bylines[b] = true;
        }
    }
    // A deck goes with its headline, wherever the headline went.
    let mut deck_of: Vec<Option<String>> = bodies.iter().map(|_| None).collect();
    for deck in decks {
        let with = bodies.iter().position(|b| b.headline == Some(deck.headline)).unwrap_or(deck.story);
        deck_of[with] = Some(deck.text);
    }
    for slot in slots {
        match slot {
            Slot::Body(i) => {
                let mut article = build_article(std::mem::take(&mut bodies[i]), &headlines, &bylines);
                if let Some(deck) = deck_of[i].take() {
                    article.subtitle = Some(with_deck(article.subtitle.take(), &deck));
                }
                articles.push(article);
            }
            Slot::Headline(h) if !used_headlines[h] => {
                leftovers.extend(headlines[h].lines.iter().map(|l| l.text.clone()));
            }
            Slot::Byline(b) if !used_bylines[b] => leftovers.push(byline_line(&bylines[b])),
            Slot::Leftover(s) => leftovers.push(s),
            _ => {}
        }
    }
    // Kept, should the story a deck went with have given all its text away.
    leftovers.extend(deck_of.into_iter().flatten());
}

/// A measure narrower than this many half-ems (eight characters) is no
/// column's: a dash or a name wrapped in a block of its own.
const MIN_MEASURE: u32 = 16;

/// How long a deck set apart from its headline by the byline may be.
const MAX_DECK_CHARS: usize = 90;

/// A paragraph set apart as a headline's deck.
struct Deck {
    text: String,
    /// The headline it was set under.
    headline: usize,
    /// The body after the byline under it.
    story: usize,
}

/// A headline, one short paragraph, a byline, then a story: the paragraph
/// is the deck (a sentence that sums the story up, set between headline
/// and byline), not a story of its own. Each such paragraph leaves its
/// slot, to go with its headline (or, should the headline find no story,
/// with the story after the byline) as its subtitle.
fn decks_over_bylines(slots: &mut Vec<Slot>, bylines: &[Byline], bodies: &mut [Body]) -> Vec<Deck> {
    let mut decks = Vec::new();
    let marks: Vec<usize> = (0..slots.len()).filter(|&i| !matches!(slots[i], Slot::Leftover(_))).collect();
    for w in marks.windows(4) {
        let (&Slot::Headline(headline), &Slot::Body(b), &Slot::Byline(y), &Slot::Body(story)) =
            (&slots[w[0]], &slots[w[1]], &slots[w[2]], &slots[w[3]])
        else {
            continue;
        };
        let deck = &bodies[b].paragraphs;
        if deck.len() != 1 || deck[0].dateline || deck[0].open_end || bylines[y].closes {
            continue;
        }
        // A deck sums up without a full stop (or trails off `……`); a
        // brief of two lines over the next story's byline ends its sentence.
        let last = deck[0].text.chars().rev().find(|&c| !c.is_whitespace() && !text::is_closer(c));
        let chars = deck[0].text.chars().filter(|c| !c.is_whitespace()).count();
        if last.is_none_or(|c| text::is_terminal(c) && c != '…') || chars > MAX_DECK_CHARS {
            continue;
        }
        let text = bodies[b].paragraphs.pop().expect("one paragraph").text;
        decks.push(Deck { text, headline, story });
    }
    drop_emptied_bodies(slots, bodies);
    decks
}

/// A body that gave all its text away is no slot of its own.
fn drop_emptied_bodies(slots: &mut Vec<Slot>, bodies: &[Body]) {
    slots.retain(|s| !matches!(s, Slot::Body(b) if bodies[*b].paragraphs.is_empty()));
}

/// A subtitle with a deck after it.
fn with_deck(subtitle: Option<String>, deck: &str) -> String {
    match subtitle {
        Some(mut s) => {
            text::push_joined(&mut s, deck);
            s
        }
        None => deck.to_string(),
    }
}

/// How many open bodies, latest first, a cut paragraph may go on.
const OPEN_BODIES_CONSIDERED: usize = 6;

/// The open body that `text`, cut off by a column break, reads on from:
/// the one whose last characters and `text`'s first occur together most
/// often elsewhere on the page (a page uses its words many times: `信|息`
/// reads on, `工|息` does not). Where the page's characters cannot tell
/// (a tie), the one whose last paragraphs share clearly more words with
/// the `block` the cut text opens, else the body just before it
/// (`current`), else the latest open one.
fn continued_body(
    sheet: &str,
    bodies: &[Body],
    current: Option<usize>,
    text: &str,
    fits: impl Fn(&usize) -> bool,
    block: impl FnOnce() -> Pairs,
) -> Option<usize> {
    let current = current.filter(|&b| bodies[b].open_end());
    let candidates: Vec<usize> =
        current.filter(&fits).into_iter().chain(open_bodies_except(bodies, current, &fits)).collect();
    if candidates.len() < 2 {
        return candidates.first().copied();
    }
    let (_, tied) = best_joins(sheet, bodies, candidates.into_iter(), text);
    if tied.len() < 2 {
        return tied.first().copied();
    }
    closest_in_words(bodies, &tied, &block()).or(tied.first().copied())
}

/// How many characters of a body's end, and of the text a cut paragraph
/// opens, are compared for their words: a column or two.
const WORDS_COMPARED: usize = 400;

/// How many more pairs found in it alone a body's end must share with a
/// cut block than the first of `tied` does to take the block instead.
const WORDS_MARGIN: usize = 4;

/// Of `tied`, the body whose last paragraphs share clearly more pairs of
/// characters with `block` that no other of them holds than the first
/// does, if any: a story goes on about the same people and things across
/// a column break, even where no word runs across it.
fn closest_in_words(bodies: &[Body], tied: &[usize], block: &Pairs) -> Option<usize> {
    let ends: Vec<Pairs> = tied.iter().map(|&b| body_end(&bodies[b])).collect();
    let mut shared = vec![0usize; tied.len()];
    for pair in &block.set {
        if let Holders::One(i) = holders(ends.len(), |i| ends[i].set.contains(pair)) {
            shared[i] += 1;
        }
    }
    // Per character of each end: a longer end holds more pairs by chance.
    let density = |i: usize| shared[i] as f32 / ends[i].chars.max(1) as f32;
    let best = (1..tied.len()).max_by(|&a, &b| density(a).total_cmp(&density(b)).then(b.cmp(&a))).unwrap_or(0);
    (shared[best] >= shared[0] + WORDS_MARGIN && density(best) > density(0)).then_some(tied[best])
}

/// How many of some candidates hold a pair of characters: a pair that one
/// alone holds says whose words a text shares.
enum Holders {
    None,
    One(usize),
    Many,
}

/// Which of candidates `0..count` hold the pair, by `holds`.
fn holders(count: usize, holds: impl Fn(usize) -> bool) -> Holders {
    let mut found = (0..count).filter(|&i| holds(i));
    match (found.next(), found.next()) {
        (None, _) => Holders::None,
        (Some(i), None) => Holders::One(i),
        _ => Holders::Many,
    }
}

/// The pairs of a body's last [`WORDS_COMPARED`] characters.
fn body_end(body: &Body) -> Pairs {
    let mut from = body.paragraphs.len();
    let mut chars = 0;
    while from > 0 && chars < WORDS_COMPARED {
        from -= 1;
        chars += body.paragraphs[from].text.chars().count();
    }
    let mut pairs = Pairs::default();
    for (k, p) in body.paragraphs[from..].iter().enumerate() {
        // Of the first paragraph read, its end only.
        let skip = if k == 0 { chars.saturating_sub(WORDS_COMPARED) } else { 0 };
        pairs.feed(p.text.char_indices().nth(skip).map_or("", |(at, _)| &p.text[at..]));
    }
    pairs
}

/// The pairs of the text that `cut`, a paragraph a column break cut off,
/// opens: it and the paragraphs run on under it (from `after`), about
/// [`WORDS_COMPARED`] characters, up to the next mark, cut or blank line.
fn cut_block(cut: &Paragraph, after: &[Unit]) -> Pairs {
    let mut pairs = Pairs::default();
    pairs.feed(&cut.text);
    for unit in after {
        match unit {
            Unit::Paragraph(p) if !(p.dateline || p.after_blank || p.continues_earlier || p.may_continue_earlier) => {
                if pairs.chars >= WORDS_COMPARED {
                    break;
                }
                pairs.feed(&p.text);
            }
            Unit::Furniture(_) => {}
            _ => break,
        }
    }
    pairs
}

/// The open body other than `current` that `text` reads on from, if the
/// characters across the join say so at all (see [`continued_body`]).
fn continued_body_by_words(sheet: &str, bodies: &[Body], current: Option<usize>, text: &str) -> Option<usize> {
    match best_joins(sheet, bodies, open_bodies_except(bodies, current, |_| true), text) {
        (evidence, tied) if evidence > 0 => tied.first().copied(),
        _ => None,
    }
}

/// The bodies left open that `fits` lets through, latest first, but `except`.
fn open_bodies_except<'a>(
    bodies: &'a [Body],
    except: Option<usize>,
    fits: impl Fn(&usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    (0..bodies.len())
        .rev()
        .filter(move |&b| bodies[b].open_end() && Some(b) != except && fits(&b))
        .take(OPEN_BODIES_CONSIDERED)
}

/// Of `candidates`, the bodies `text` joins best by [`join_evidence`], in
/// their order, with that evidence.
fn best_joins(sheet: &str, bodies: &[Body], candidates: impl Iterator<Item = usize>, text: &str) -> (u32, Vec<usize>) {
    let head = head_chars(text);
    let mut best = (0, Vec::new());
    for b in candidates {
        let evidence = join_evidence(sheet, &tail_chars(&bodies[b]), &head);
        if best.1.is_empty() || evidence > best.0 {
            best = (evidence, vec![b]);
        } else if evidence == best.0 {
            best.1.push(b);
        }
    }
    best
}

/// The first two characters of a cut paragraph, whitespace aside.
fn head_chars(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).take(2).collect()
}

/// The last two characters of a body, whitespace aside.
fn tail_chars(body: &Body) -> Vec<char> {
    let last = body.paragraphs.last().map_or("", |p| p.text.as_str());
    let mut tail: Vec<char> = last.chars().rev().filter(|c| !c.is_whitespace()).take(2).collect();
    tail.reverse();
    tail
}

/// How often the characters on both sides of a join (`tail` before it,
/// `head` after) occur together on the page's lines: the pair across the
/// join once, the three-character runs across it three times (rarer, so
/// surer). A join never counts itself: it spans a line break.
fn join_evidence(sheet: &str, tail: &[char], head: &[char]) -> u32 {
    let (Some(&x), Some(&y)) = (tail.last(), head.first()) else { return 0 };
    let count = |gram: &[char]| {
        // At most three characters: encoded on the stack, not allocated.
        let mut buf = [0u8; 12];
        let mut len = 0;
        for c in gram {
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).map_or(0, |gram| sheet.matches(gram).count() as u32)
    };
    let mut evidence = count(&[x, y]);
    if evidence == 0 {
        return 0;
    }
    if tail.len() == 2 {
        evidence += 3 * count(&[tail[0], x, y]);
    }
    if head.len() == 2 {
        evidence += 3 * count(&[x, y, head[1]]);
    }
    evidence
}

/// How many bodies back a column printed after another story may return to.
const RETURN_BODIES_CONSIDERED: usize = 6;

/// How many pairs of characters, found nowhere else, a block must share
/// with an earlier story (a few come by chance between any two stories),
/// and how many times as densely as with the text above it.
const MIN_SHARED_TO_RETURN: usize = 8;
const RETURN_RATIO: f32 = 2.0;

/// The text above a seam must be long enough to show words of its own: a
/// subtitle or a one-line lead shares nothing with anything.
const MIN_OWN_CHARS: usize = 100;

/// `pdftotext` may print a story's first columns, then a neighbour's, then
/// the rest of the first story: the rest then opens a fresh block under
/// the neighbour's finished text and runs on as the neighbour's. A story
/// names its own people, places and things again and again, so where such
/// a block shares many of its words with an earlier story that are found
/// nowhere else nearby, and few with the text it was run onto, it is the
/// earlier story's rest: it moves there, with the byline that signs it
/// (`signed_text`). A story that a byline `signed` under its last line has
/// ended: nothing returns to it.
fn return_columns_to_their_story(
    slots: &[Slot],
    signed: &[bool],
    bodies: &mut [Body],
    signed_text: &mut [Option<(usize, (usize, usize))>],
) {
    let pairs_of = |body: &Body| {
        let mut pairs = Pairs::default();
        // Room for the whole body at once, not paragraph by paragraph.
        pairs.set.reserve(body.paragraphs.iter().map(|p| p.text.len()).sum::<usize>() / 3);
        body.paragraphs.iter().for_each(|p| pairs.feed(&p.text));
        pairs
    };
    let order: Vec<usize> = slots.iter().filter_map(|s| if let Slot::Body(b) = s { Some(*b) } else { None }).collect();
    // The pairs of the bodies after the one in hand, read once.
    let mut ahead: Vec<Option<Pairs>> = bodies.iter().map(|_| None).collect();
    // The latest bodies, each with the pairs of its text so far.
    let mut window: std::collections::VecDeque<(usize, Pairs)> = std::collections::VecDeque::new();
    // The body just before in the page's order, with nothing but furniture between.
    let mut after_body: Option<usize> = None;
    let mut next = 0;
    for slot in slots {
        let b = match *slot {
            Slot::Body(b) => b,
            Slot::Leftover(_) => continue,
            Slot::Headline(_) | Slot::Byline(_) => {
                after_body = None;
                continue;
            }
        };
        next += 1;
        // The stories printed next may have begun before this one's seam:
        // they are candidates too, for as long as this body is in hand.
        let later: Vec<usize> = order[next..]
            .iter()
            .copied()
            .filter(|&a| !bodies[a].paragraphs.is_empty())
            .take(LATER_BODIES_CONSIDERED)
            .collect();
        for &a in &later {
            let pairs = ahead[a].take().unwrap_or_else(|| pairs_of(&bodies[a]));
            window.push_back((a, pairs));
        }
        let closed: Vec<usize> = (0..window.len())
            .filter(|&w| {
                !signed[window[w].0]
                    && !bodies[window[w].0].paragraphs.is_empty()
                    && !bodies[window[w].0].cut_mid_sentence()
            })
            .collect();
        // A body that began under another one with no headline between
        // (its text could not go on the one above) may be a story's rest
        // as a whole: the text above is then the one it must not read as.
        let headless = after_body.filter(|_| bodies[b].paragraphs.first().is_some_and(|p| !p.dateline));
        let mut pairs = ahead[b].take().unwrap_or_else(|| pairs_of(&bodies[b]));
        if let Some((k, w)) = story_rest_returning(&bodies[b].paragraphs, &pairs, headless, &window, &closed) {
            let before = bodies[b].extent();
            let moved: Vec<Paragraph> = bodies[b].paragraphs.drain(k..).collect();
            let (e, to) = &mut window[w];
            moved.iter().for_each(|p| to.feed(&p.text));
            bodies[*e].paragraphs.extend(moved);
            // A byline that closed the text moved closes it where it went.
            for signed in signed_text.iter_mut().flatten().filter(|s| **s == (b, before)) {
                *signed = (*e, bodies[*e].extent());
            }
            pairs = pairs_of(&bodies[b]);
        }
        for _ in &later {
            let (a, pairs) = window.pop_back().expect("pushed above");
            ahead[a] = Some(pairs);
        }
        after_body = Some(b);
        if bodies[b].paragraphs.is_empty() {
            continue;
        }
        window.push_back((b, pairs));
        if window.len() > RETURN_BODIES_CONSIDERED {
            window.pop_front();
        }
    }
}

/// How many stories printed after a body may take its rest.
const LATER_BODIES_CONSIDERED: usize = 1;

/// Where in `paragraphs` an earlier story's rest begins, and which entry of
/// `window` (one of `closed`) it is: the first fresh block from which on
/// the text shares, per character, at least `RETURN_RATIO` times as many
/// pairs found nowhere else with that story as with the text above it.
/// `whole` holds the pairs of all of `paragraphs`. With `headless` (the
/// body above, in `window`), the whole body is tried first, against that
/// body's text.
fn story_rest_returning(
    paragraphs: &[Paragraph],
    whole: &Pairs,
    headless: Option<usize>,
    window: &std::collections::VecDeque<(usize, Pairs)>,
    closed: &[usize],
) -> Option<(usize, usize)> {
    if let Some(above) = headless.and_then(|a| window.iter().position(|(e, _)| *e == a)) {
        let others: Vec<usize> = closed.iter().copied().filter(|&w| w != above).collect();
        if let Some(w) = returns_to(whole, &window[above].1, window, &others) {
            return Some((0, w));
        }
    }
    // Most bodies share too little with any earlier story to try each seam:
    // the pairs each candidate alone holds, counted in one pass.
    let mut exclusive = vec![0usize; closed.len()];
    for pair in &whole.set {
        if let Holders::One(i) = holders(closed.len(), |i| window[closed[i]].1.set.contains(pair)) {
            exclusive[i] += 1;
        }
    }
    if !exclusive.iter().any(|&n| n >= MIN_SHARED_TO_RETURN) {
        return None;
    }
    // Each pair's first and last paragraph, and the earlier story that alone
    // holds it: from these, every seam's counts in one pass.
    let mut seen: rustc_hash::FxHashMap<text::CharPair, (usize, usize)> = rustc_hash::FxHashMap::default();
    let mut last_han = None;
    for (k, p) in paragraphs.iter().enumerate() {
        for pair in pairs_read_on(&mut last_han, p.text.chars()) {
            seen.entry(pair).and_modify(|e| e.1 = k).or_insert((k, k));
        }
    }
    let n = paragraphs.len();
    // shared_from[i][k]: pairs held by candidate i alone that first occur at k or later.
    let mut shared_from = vec![vec![0usize; n + 1]; closed.len()];
    // stays_delta: pairs held by no candidate, occurring both before and from k.
    let mut stays_delta = vec![0isize; n + 2];
    for (pair, &(first, last)) in &seen {
        match holders(closed.len(), |i| window[closed[i]].1.set.contains(pair)) {
            Holders::One(i) => shared_from[i][first] += 1,
            Holders::None => {
                stays_delta[first + 1] += 1;
                stays_delta[last + 1] -= 1;
            }
            Holders::Many => {}
        }
    }
    for row in &mut shared_from {
        for k in (0..n).rev() {
            row[k] += row[k + 1];
        }
    }
    let mut stays = 0isize;
    let mut own_chars = 0usize;
    for k in 1..n {
        stays += stays_delta[k];
        own_chars += paragraphs[k - 1].text.chars().count();
        if !opens_fresh_block(paragraphs, k) || own_chars < MIN_OWN_CHARS {
            continue;
        }
        let shared: Vec<usize> = shared_from.iter().map(|row| row[k]).collect();
        if let Some(w) = densest_return(&shared, stays as f32 / own_chars as f32, window, closed) {
            return Some((k, w));
        }
    }
    None
}

/// The entry of `window` (one of `candidates`) whose story `rest` belongs
/// to rather than to the text `own` it follows, if any.
fn returns_to(
    rest: &Pairs,
    own: &Pairs,
    window: &std::collections::VecDeque<(usize, Pairs)>,
    candidates: &[usize],
) -> Option<usize> {
    if own.chars < MIN_OWN_CHARS || candidates.is_empty() {
        return None;
    }
    // Pairs of the rest found in exactly one text: its own or one candidate's.
    let mut shared = vec![0usize; candidates.len()];
    let mut stays = 0usize;
    for pair in &rest.set {
        let mut holders = candidates.iter().enumerate().filter(|(_, w)| window[**w].1.set.contains(pair));
        let first = holders.next();
        let in_own = own.set.contains(pair);
        match (first, holders.next(), in_own) {
            (Some((i, _)), None, false) => shared[i] += 1,
            (None, _, true) => stays += 1,
            _ => {}
        }
    }
    densest_return(&shared, stays as f32 / own.chars as f32, window, candidates)
}

/// The candidate (an entry of `window`) that a rest sharing `shared[i]`
/// pairs with candidate `i` goes back to: the one it shares most with per
/// character of that story (a long story shares more with anything; the
/// later on a tie), if that is at least [`MIN_SHARED_TO_RETURN`] pairs and
/// [`RETURN_RATIO`] times `stays`, its density with the text above it.
fn densest_return(
    shared: &[usize],
    stays: f32,
    window: &std::collections::VecDeque<(usize, Pairs)>,
    candidates: &[usize],
) -> Option<usize> {
    let (i, dense) = (0..candidates.len())
        .map(|i| (i, shared[i] as f32 / window[candidates[i]].1.chars.max(1) as f32))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(window[candidates[a.0]].0.cmp(&window[candidates[b.0]].0)))?;
    (shared[i] >= MIN_SHARED_TO_RETURN && dense >= RETURN_RATIO * stays).then_some(candidates[i])
}

/// The distinct pairs of Chinese characters of a text (read across the
/// punctuation between them), and how many characters it has.
#[derive(Default)]
struct Pairs {
    set: rustc_hash::FxHashSet<text::CharPair>,
    last: Option<char>,
    chars: usize,
}

impl Pairs {
    /// Reads `text` on after what was fed before.
    fn feed(&mut self, text: &str) {
        // At most a pair a character, three bytes each: room made once,
        // not grown pair by pair.
        self.set.reserve(text.len() / 3);
        let chars = &mut self.chars;
        self.set.extend(pairs_read_on(&mut self.last, text.chars().inspect(|_| *chars += 1)));
    }
}

/// The pairs of Chinese characters among `chars`, read on from `last` (the
/// last Chinese character before them) and across the punctuation between
/// them, a story's words being what they share; `last` is left at their
/// last Chinese character.
fn pairs_read_on(last: &mut Option<char>, chars: impl Iterator<Item = char>) -> impl Iterator<Item = text::CharPair> {
    chars.filter(|&c| text::is_han(c)).filter_map(move |c| last.replace(c).map(|l| text::char_pair(l, c)))
}

/// Paragraph `k` opens a block of its own under a finished paragraph: a
/// place where another story's text may have been run on.
fn opens_fresh_block(paragraphs: &[Paragraph], k: usize) -> bool {
    let p = &paragraphs[k];
    p.after_blank && !p.continues_earlier && !p.may_continue_earlier && !paragraphs[k - 1].open_end
}

/// A headline block of one numbered or bulleted line between two
/// paragraphs is a cross-head inside an article, not a new article.
fn mark_cross_heads(units: Vec<Unit>) -> Vec<Unit> {
    let is_body = |u: Option<&Unit>| matches!(u, Some(Unit::Paragraph(p)) if !p.dateline);
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut iter = units.into_iter().peekable();
    while let Some(unit) = iter.next() {
        let cross_head = match &unit {
            Unit::Headline(h) => {
                h.lines.len() == 1
                    && marks::starts_enumerator(&h.lines[0].text)
                    && matches!(out.last(), Some(Unit::Paragraph(_)))
                    && is_body(iter.peek())
            }
            _ => false,
        };
        if cross_head {
            let Unit::Headline(h) = unit else { unreachable!() };
            let text = h.lines.into_iter().next().map(|l| l.text).unwrap_or_default();
            out.push(Unit::Paragraph(Paragraph { text, ..Paragraph::default() }));
        } else {
            out.push(unit);
        }
    }
    out
}

/// A column's label (`国际视野`, `法治视线`: a few characters naming the
/// column or the page's section) set apart by a blank line under a whole
/// headline is page furniture, not a part of that headline: a kicker
/// stands over its title, never under a title and its subtitle. The
/// headline above it must be of two lines or more, so that a one-line
/// title over another story's kicker (a row of briefs read across) keeps
/// the kicker.
fn set_apart_column_labels(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        let Unit::Headline(mut h) = unit else {
            out.push(unit);
            continue;
        };
        let n = h.lines.len();
        let label = n >= 3 && {
            let last = &h.lines[n - 1];
            let chars = last.text.chars().count();
            let above = h.lines[..n - 1].iter().rev().position(|l| l.blank_before).map_or(n - 1, |i| i + 1);
            last.blank_before
                && !last.deck
                && (2..=MAX_LABEL_CHARS).contains(&chars)
                && last.text.chars().all(text::is_han)
                && above >= 2
        };
        if label {
            let last = h.lines.pop().expect("checked above");
            out.push(Unit::Headline(h));
            out.push(Unit::Furniture(last.text));
        } else {
            out.push(Unit::Headline(h));
        }
    }
    out
}

/// A headline that ends leading on (`委员们谈乡村学校――`) is a
/// kicker, and a kicker never stands alone: where the extraction printed a
/// byline between it and the next headline, it goes over that headline as
/// its kicker. The bylines between go before the joined headline, so they
/// follow the text above as they did in the extraction (set tight under it,
/// they sign it); put after the headline instead, they changed no score on
/// any page we have.
fn join_kickers_to_their_titles(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    // The kicker waiting for its title, and the bylines since.
    let mut kicker: Option<(Headline, Vec<Unit>)> = None;
    for unit in units {
        match (unit, kicker.take()) {
            (Unit::Headline(mut title), Some((k, between))) => {
                if let Some(first) = title.lines.first_mut() {
                    first.blank_before = true;
                }
                let mut lines = k.lines;
                lines.append(&mut title.lines);
                out.extend(between);
                out.push(Unit::Headline(Headline { lines }));
            }
            (b @ Unit::Byline(_), Some((k, mut between))) => {
                between.push(b);
                kicker = Some((k, between));
            }
            (Unit::Headline(h), None) if h.lines.last().is_some_and(|l| ends_with_double_dash(&l.text)) => {
                kicker = Some((h, Vec::new()));
            }
            (unit, waiting) => {
                if let Some((k, between)) = waiting {
                    out.push(Unit::Headline(k));
                    out.extend(between);
                }
                out.push(unit);
            }
        }
    }
    if let Some((k, between)) = kicker {
        out.push(Unit::Headline(k));
        out.extend(between);
    }
    out
}

/// A name alone is a byline, where a headline could not stand: under the
/// end of an article's text (commentaries and columns sign off this way),
/// alone or set apart by a blank line from the next article's headline
/// under it, or as the last line of a headline block, over the text (`张三`
/// under the title), or alone between a headline and its text, set apart
/// from both. Headline-shaped otherwise, it would take an article's
/// title. A name-shaped word alone over text or a byline is a title or a
/// label (`简讯`, `金秋`).
fn mark_name_bylines(units: Vec<Unit>) -> Vec<Unit> {
    let name_byline = |name: &str, closes: bool| {
        Unit::Byline(Byline { text: name.to_string(), authors: vec![name.to_string()], credit: None, closes })
    };
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut iter = units.into_iter().peekable();
    // The last unit out but furniture is a headline (photo captions may
    // stand between a headline and its byline).
    let mut under_headline = false;
    while let Some(unit) = iter.next() {
        if let Some(last) = out.last().filter(|u| !matches!(u, Unit::Furniture(_))) {
            under_headline = matches!(last, Unit::Headline(_));
        }
        let name_then_gap = matches!(iter.peek(), Some(Unit::Paragraph(p)) if p.after_blank);
        let unit = match unit {
            // A name alone between a headline and its text, set apart from
            // both, however wide the reflow found it: it signs the text.
            Unit::Paragraph(p) if p.after_blank && under_headline && name_then_gap && name_alone(&p.text) => {
                name_byline(&p.text, false)
            }
            unit => unit,
        };
        let Unit::Headline(mut h) = unit else {
            out.push(unit);
            continue;
        };
        let after_text = matches!(out.last(), Some(Unit::Paragraph(p)) if text::ends_sentence(&p.text));
        let before_text = matches!(iter.peek(), Some(Unit::Paragraph(_)));
        let before_article = matches!(iter.peek(), Some(Unit::Paragraph(_) | Unit::Byline(_)));
        let last_is_name = h.lines.last().is_some_and(|l| name_alone(&l.text));
        let first_is_name = name_alone(&h.lines[0].text);
        // Alone over text, a name-shaped word is a label for it (`简讯`).
        // A name under a headline signs the piece when the page sets it
        // apart: a blank line above it, or (set tight under the headline,
        // as commentaries sign) one under it. A headline's wrapped tail
        // runs straight on into the text.
        let set_apart = h.lines.last().is_some_and(|l| l.blank_before);
        let signs_off = match h.lines.get(1) {
            Some(next) => next.blank_before,
            None => !before_article,
        };
        // A name in the middle of a stack, blank lines on both sides, signs
        // a piece: a commentary's author under its title, or another's read
        // across the columns. It is no part of the headlines around it.
        if let Some(k) = (1..h.lines.len().saturating_sub(1))
            .find(|&k| h.lines[k].blank_before && h.lines[k + 1].blank_before && name_alone(&h.lines[k].text))
        {
            let name = h.lines.remove(k);
            out.push(Unit::Headline(h));
            out.push(name_byline(&name.text, false));
            continue;
        }
        // A full name alone between two texts, set apart from both, signs
        // the text under it, as a commentary's author (a shorter word may
        // be a label over it).
        let full_name = h.lines.len() == 1 && first_is_name && h.lines[0].text.chars().count() == 3;
        if full_name && after_text && before_text && name_then_gap {
            out.push(name_byline(&h.lines[0].text, false));
            continue;
        }
        if first_is_name && after_text && signs_off {
            let name = h.lines.remove(0);
            out.push(name_byline(&name.text, true));
            if !h.lines.is_empty() {
                out.push(Unit::Headline(h));
            }
        } else if (h.lines.len() > 1 && last_is_name && before_text && (set_apart || name_then_gap))
            || (h.lines.len() == 1 && first_is_name && under_headline && name_then_gap)
        {
            let name = h.lines.pop().expect("checked above");
            if !h.lines.is_empty() {
                out.push(Unit::Headline(h));
            }
            out.push(name_byline(&name.text, false));
        } else {
            out.push(Unit::Headline(h));
        }
    }
    out
}

/// Could a line that is one word alone be a person's name signing a piece?
/// A place shaped like a name (`安平县`: a county over a brief, as its
/// kicker) is not one.
pub(super) fn name_alone(word: &str) -> bool {
    text::names::name_shaped(word) && !text::names::place_shaped(word)
}

/// For each slot that `pick` names (a headline's or byline's index), the
/// bodies nearest before and after it, reached across bylines and
/// leftovers only (and across headlines, with `across_headlines`). Two
/// passes over the slots, so a page of many bylines stays linear.
fn sides(
    slots: &[Slot],
    across_headlines: bool,
    pick: impl Fn(&Slot) -> Option<usize>,
) -> Vec<(usize, Option<usize>, Option<usize>)> {
    let nearest = |order: &mut dyn Iterator<Item = usize>| {
        let mut found = vec![None; slots.len()];
        let mut last = None;
        for k in order {
            found[k] = last;
            last = match &slots[k] {
                Slot::Body(b) => Some(*b),
                Slot::Byline(_) | Slot::Leftover(_) => last,
                Slot::Headline(_) if across_headlines => last,
                Slot::Headline(_) => None,
            };
        }
        found
    };
    let before = nearest(&mut (0..slots.len()));
    let after = nearest(&mut (0..slots.len()).rev());
    slots.iter().enumerate().filter_map(|(k, s)| pick(s).map(|i| (i, before[k], after[k]))).collect()
}

/// How many character pairs of an article's lead a headline is compared
/// with: about 320 characters, at most four paragraphs (see [`lead`]). A
/// headline names what the story goes on to tell, often past its first
/// sentence or two.
const LEAD_PAIRS: usize = 320;

/// The start of a body (at most its first four paragraphs), which a
/// headline usually echoes.
fn lead(body: &Body) -> String {
    let mut s = String::new();
    for p in body.paragraphs.iter().take(4) {
        s.push_str(&p.text);
        if s.len() > 3 * LEAD_PAIRS {
            break;
        }
    }
    s
}

fn attach_headlines(slots: &[Slot], headlines: &[Headline], bodies: &mut [Body], leads: &[Vec<text::CharPair>]) {
    struct Choice {
        headline: usize,
        first: Option<usize>,
        second: Option<usize>,
        margin: f32,
    }
    let sides = sides(slots, false, |s| match s {
        Slot::Headline(h) => Some(*h),
        _ => None,
    });
    // The page's layout: a headline with text only after it is printed
    // above its article; one with text only before it, below.
    let above = sides.iter().filter(|(_, p, n)| p.is_none() && n.is_some()).count();
    let below = sides.iter().filter(|(_, p, n)| p.is_some() && n.is_none()).count();
    let (bias_prev, bias_next) = match above.cmp(&below) {
        std::cmp::Ordering::Less => (LAYOUT_BIAS, 0.0),
        std::cmp::Ordering::Greater => (0.0, LAYOUT_BIAS),
        std::cmp::Ordering::Equal => (0.0, LAYOUT_BIAS / 2.0),
    };
    let next_by_byline = bylined_headlines(slots);
    let tight = set_tight_over_text(slots, headlines.len(), bodies);
    let mut choices: Vec<Choice> = sides
        .into_iter()
        .map(|(h, prev, next)| match (prev, next) {
            (Some(p), Some(n)) if tight[h] => {
                Choice { headline: h, first: Some(n), second: Some(p), margin: f32::INFINITY }
            }
            (Some(p), Some(n)) => {
                let joined = text::head_pairs(&headlines[h].joined());
                // A byline between the text above and a headline closes that
                // text; one between a headline and the text below opens the
                // article with it. Either way the headline leads the text
                // below, unless the page prints its headlines below.
                let byline_bias = if next_by_byline[h] && bias_prev == 0.0 { BYLINE_BIAS } else { 0.0 };
                let to_prev = share(&joined, &leads[p]) + bias_prev;
                let to_next = share(&joined, &leads[n]) + bias_next + byline_bias;
                if to_next >= to_prev {
                    Choice { headline: h, first: Some(n), second: Some(p), margin: to_next - to_prev }
                } else {
                    Choice { headline: h, first: Some(p), second: Some(n), margin: to_prev - to_next }
                }
            }
            (p, n) => Choice { headline: h, first: n.or(p), second: None, margin: f32::INFINITY },
        })
        .collect();
    // Surest first, so that a doubtful headline yields its place.
    choices.sort_by(|a, b| b.margin.total_cmp(&a.margin));
    for c in choices {
        for target in [c.first, c.second].into_iter().flatten() {
            if bodies[target].headline.is_none() {
                bodies[target].headline = Some(c.headline);
                break;
            }
        }
    }
}

/// Does a kicker lead in to the title under it (`…——`, `…－－`, `…：`)?
fn leads_in(s: &str) -> bool {
    s.ends_with(['—', '―', '：', ':']) || ends_with_double_dash(s)
}

/// Up to this share of its character pairs in an article's lead, a
/// headline part says little of that article.
const FOREIGN_SHARE: f32 = 0.3;
/// From this share on, a headline part may name an article's subject.
const SUBJECT_SHARE: f32 = 0.25;
/// How much more of a headline's words another article's lead must hold
/// than the lead of the article the layout gave it to.
const SUBJECT_MARGIN: f32 = 0.1;
/// How much more of their words two headlines must share with each
/// other's articles than with their own before they change places.
const CROSSED_MARGIN: f32 = 0.3;
/// How many bodies before and after its place in reading order a headline
/// may go to on its words: about a page's stories, and it keeps a long
/// sheet linear.
const NEAR_BODIES: usize = 24;

/// Where the layout left a headline with an article whose words it does
/// not carry, the words decide, as a reader's eye would: `pdftotext`
/// prints a banner before the column under it, a headline after its
/// story, or two side-by-side stories' headlines in the other order.
/// A whole headline set straight over the start of a text stays with it;
/// a part of a stack may still leave it.
fn follow_headline_words(
    slots: &[Slot],
    headlines: &mut Vec<Headline>,
    bodies: &mut [Body],
    leads: &[Vec<text::CharPair>],
) {
    let tight = set_tight_over_text(slots, headlines.len(), bodies);
    split_shared_stacks(headlines, &tight, bodies, leads);
    let tight = set_tight_over_text(slots, headlines.len(), bodies);
    let mut place = vec![0; headlines.len()];
    let mut seen = 0;
    for slot in slots {
        match slot {
            Slot::Body(_) => seen += 1,
            Slot::Headline(h) => place[*h] = seen,
            _ => {}
        }
    }
    let mut owner = vec![None; headlines.len()];
    for (b, body) in bodies.iter().enumerate() {
        if let Some(h) = body.headline {
            owner[h] = Some(b);
            place[h] = b;
        }
    }
    let joined: Vec<Vec<text::CharPair>> = headlines.iter().map(|h| text::head_pairs(&h.joined())).collect();
    move_foreign_headlines(&joined, &tight, &place, &mut owner, bodies, leads);
    swap_crossed_headlines(&joined, &tight, bodies, leads);
}

/// A stack of two headlines set apart by a blank line, one part of which
/// says little of the article the stack heads and more of an article that
/// has no headline, is two stories' headlines: a banner over several
/// columns over a column's own headline, or a story's headline over that
/// of the story printed next. The foreign part goes to the article whose
/// words it carries.
fn split_shared_stacks(
    headlines: &mut Vec<Headline>,
    tight: &[bool],
    bodies: &mut [Body],
    leads: &[Vec<text::CharPair>],
) {
    for own in 0..bodies.len() {
        let Some(h) = bodies[own].headline else { continue };
        let lines = &headlines[h].lines;
        let Some(mut cut) = (1..lines.len()).rev().find(|&i| lines[i].blank_before) else {
            continue;
        };
        // A part that leads in (`…——`, `…：`) is the kicker of the part
        // under it: the two go or stay together.
        if leads_in(&lines[cut - 1].text) {
            match (1..cut).rev().find(|&i| lines[i].blank_before) {
                Some(start) => cut = start,
                None => continue,
            }
        }
        let part =
            |range: std::ops::Range<usize>| text::head_pairs(&Headline { lines: lines[range].to_vec() }.joined());
        let (upper, lower) = (part(0..cut), part(cut..lines.len()));
        let (upper_own, lower_own) = (share(&upper, &leads[own]), share(&lower, &leads[own]));
        // The part that names the article least is the one that may be foreign.
        let (range, text, share_own) =
            if upper_own <= lower_own { (0..cut, upper, upper_own) } else { (cut..lines.len(), lower, lower_own) };
        if share_own > FOREIGN_SHARE {
            continue;
        }
        let Some(other) = best_untitled(&text, own, bodies, leads, share_own)
            .or_else(|| best_mistitled(&text, own, headlines, tight, bodies, leads, share_own))
        else {
            continue;
        };
        let mut moved: Vec<_> = headlines[h].lines.drain(range).collect();
        moved[0].blank_before = false;
        headlines[h].lines[0].blank_before = false;
        headlines.push(Headline { lines: moved });
        bodies[other].headline = Some(headlines.len() - 1);
    }
}

/// A headline that says little of the article the layout gave it (or that
/// found none), and clearly more of a nearby article left without a
/// headline, heads that one.
fn move_foreign_headlines(
    joined: &[Vec<text::CharPair>],
    tight: &[bool],
    place: &[usize],
    owner: &mut [Option<usize>],
    bodies: &mut [Body],
    leads: &[Vec<text::CharPair>],
) {
    for h in (0..joined.len()).filter(|&h| !tight[h]) {
        let share_own = owner[h].map_or(0.0, |o| share(&joined[h], &leads[o]));
        if share_own > FOREIGN_SHARE {
            continue;
        }
        let Some(other) = best_untitled(&joined[h], place[h], bodies, leads, share_own + SUBJECT_MARGIN) else {
            continue;
        };
        if let Some(o) = owner[h] {
            bodies[o].headline = None;
        }
        bodies[other].headline = Some(h);
        owner[h] = Some(other);
    }
}

/// Two nearby headlines each of which names the other's article better
/// than its own change places.
fn swap_crossed_headlines(
    joined: &[Vec<text::CharPair>],
    tight: &[bool],
    bodies: &mut [Body],
    leads: &[Vec<text::CharPair>],
) {
    for a in 0..bodies.len() {
        for b in near(a, bodies.len()).filter(|&b| b > a) {
            let (Some(ha), Some(hb)) = (bodies[a].headline, bodies[b].headline) else { continue };
            if tight[ha] || tight[hb] {
                continue;
            }
            let (own_a, own_b) = (share(&joined[ha], &leads[a]), share(&joined[hb], &leads[b]));
            let (cross_a, cross_b) = (share(&joined[ha], &leads[b]), share(&joined[hb], &leads[a]));
            if cross_a > own_a && cross_b > own_b && cross_a + cross_b > own_a + own_b + CROSSED_MARGIN {
                bodies[a].headline = Some(hb);
                bodies[b].headline = Some(ha);
            }
        }
    }
}

/// The bodies within [`NEAR_BODIES`] of body `at`.
fn near(at: usize, count: usize) -> std::ops::Range<usize> {
    at.saturating_sub(NEAR_BODIES)..count.min(at + NEAR_BODIES + 1)
}

/// The share of a headline's character pairs (from [`text::head_pairs`])
/// in an article's lead.
fn share(headline: &[text::CharPair], lead: &[text::CharPair]) -> f32 {
    text::share_of(headline, lead)
}

/// The nearby article without a headline whose lead shares the most of
/// `headline`'s words, when it shares enough of them, and more than
/// `share_elsewhere`.
fn best_untitled(
    headline: &[text::CharPair],
    at: usize,
    bodies: &[Body],
    leads: &[Vec<text::CharPair>],
    share_elsewhere: f32,
) -> Option<usize> {
    near(at, bodies.len())
        .filter(|&b| bodies[b].headline.is_none())
        .map(|b| (b, share(headline, &leads[b])))
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .filter(|&(_, share)| share >= SUBJECT_SHARE && share > share_elsewhere)
        .map(|(b, _)| b)
}

/// Failing an untitled one, the nearby article whose headline says little
/// of it (not one set straight over its text) and whose lead shares
/// clearly more of `part`'s words: a stack's foreign part takes its place,
/// and the headline it had is free to find its own article. Where
/// pdftotext reads a row of briefs' headlines across, each brief is given
/// its neighbour's.
fn best_mistitled(
    part: &[text::CharPair],
    at: usize,
    headlines: &[Headline],
    tight: &[bool],
    bodies: &[Body],
    leads: &[Vec<text::CharPair>],
    share_elsewhere: f32,
) -> Option<usize> {
    near(at, bodies.len())
        .filter(|&b| b != at)
        .filter_map(|b| {
            // Only a headline of the page's own: one split off a stack here
            // has no place to be left over from.
            let h = bodies[b].headline.filter(|&h| h < tight.len() && !tight[h])?;
            let held = share(&text::head_pairs(&headlines[h].joined()), &leads[b]);
            let taken = share(part, &leads[b]);
            (held <= FOREIGN_SHARE && taken >= held + SUBJECT_MARGIN).then_some((b, taken))
        })
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .filter(|&(_, taken)| taken >= SUBJECT_SHARE && taken > share_elsewhere + SUBJECT_MARGIN)
        .map(|(b, _)| b)
}

/// For each headline, is it set straight over the text below it, with no
/// blank line between, and that text a fresh start (not a column of
/// another article going on)? The page then says whose it is.
fn set_tight_over_text(slots: &[Slot], count: usize, bodies: &[Body]) -> Vec<bool> {
    let mut out = vec![false; count];
    for pair in slots.windows(2) {
        if let [Slot::Headline(h), Slot::Body(b)] = pair
            && let Some(first) = bodies[*b].paragraphs.first()
        {
            out[*h] = !first.after_blank && !first.continues_earlier && !first.may_continue_earlier;
        }
    }
    out
}

/// How strongly a byline next to a headline ties it to the text below.
const BYLINE_BIAS: f32 = 0.3;

/// For each headline, is a byline set between it and a body on either
/// side (with only other marks and leftovers in between)?
fn bylined_headlines(slots: &[Slot]) -> Vec<bool> {
    let count = slots.iter().filter(|s| matches!(s, Slot::Headline(_))).count();
    let mut out = vec![false; count];
    let mut look = |order: &mut dyn Iterator<Item = &Slot>| {
        let mut byline = false;
        for slot in order {
            match slot {
                Slot::Body(_) => byline = false,
                Slot::Byline(_) => byline = true,
                Slot::Headline(h) => out[*h] |= byline,
                Slot::Leftover(_) => {}
            }
        }
    };
    look(&mut slots.iter());
    look(&mut slots.iter().rev());
    out
}

fn attach_bylines(slots: &[Slot], bylines: &[Byline], signed_text: &[Option<usize>], bodies: &mut [Body]) {
    let pick = |s: &Slot| match s {
        Slot::Byline(b) => Some(*b),
        _ => None,
    };
    let mut around = sides(slots, true, pick);
    // The bodies each byline touches with no headline between.
    let mut touching = vec![(None, None); bylines.len()];
    for (b, prev, next) in sides(slots, false, pick) {
        touching[b] = (prev, next);
    }
    point_bylines_at_the_text_they_close(signed_text, &mut around, &mut touching);
    let leading = around.iter().filter(|(_, p, n)| p.is_none() && n.is_some()).count();
    let trailing = around.iter().filter(|(b, p, n)| p.is_some() && n.is_none() && !bylines[*b].closes).count();
    let backwards = trailing > leading;
    let preferred = |b: usize, prev: Option<usize>, next: Option<usize>| {
        if bylines[b].closes || backwards { (prev, next) } else { (next, prev) }
    };
    // An article whose dateline names its reporters (`本报讯（记者 张三）`)
    // is signed already, but for a credit in brackets closing its text
    // (`（通讯员 李四）`), which adds to the dateline's names.
    let by_dateline: Vec<bool> = bodies
        .iter()
        .map(|body| {
            body.paragraphs
                .first()
                .is_some_and(|p| p.dateline && marks::match_dateline(&p.text).is_some_and(|d| !d.authors.is_empty()))
        })
        .collect();
    let unsigned =
        |bodies: &[Body], t: usize, b: usize| bodies[t].bylines.is_empty() && (bylines[b].closes || !by_dateline[t]);
    // Bylines that touch the body they prefer sign it first; the rest take
    // an unsigned neighbour after. A byline between two signed articles is
    // neither's: pdftotext put it here from a column further off, and a
    // wrong signature is worse than none. It stays in the leftovers.
    let mut later = Vec::new();
    for &(b, prev, next) in &around {
        let (first, _) = preferred(b, prev, next);
        let (touch_first, _) = preferred(b, touching[b].0, touching[b].1);
        match first.filter(|&t| touch_first == Some(t) && unsigned(bodies, t, b)) {
            Some(t) => bodies[t].bylines.push(b),
            None => later.push((b, prev, next)),
        }
    }
    for (b, prev, next) in later {
        let (first, second) = preferred(b, prev, next);
        if let Some(t) = [first, second].into_iter().flatten().find(|&t| unsigned(bodies, t, b)) {
            bodies[t].bylines.push(b);
        }
    }
}

/// A byline set tight under the end of a paragraph (`……办成了。` /
/// `本报记者 张三`) signs the story that paragraph went on, which is not
/// the body printed before it when the paragraph was the rest of an
/// earlier story, cut by a column break.
fn point_bylines_at_the_text_they_close(
    signed_text: &[Option<usize>],
    around: &mut [(usize, Option<usize>, Option<usize>)],
    touching: &mut [(Option<usize>, Option<usize>)],
) {
    for (b, prev, _) in around.iter_mut() {
        if let Some(t) = signed_text[*b] {
            *prev = Some(t);
            touching[*b].0 = Some(t);
        }
    }
}

/// A byline that is a name alone: one the assembly found between texts,
/// maybe set apart from the text above by a blank line, where pdftotext
/// may print a story's signature after a neighbour's last column.
fn bare_name(b: &Byline) -> bool {
    b.authors.len() == 1 && b.text == b.authors[0]
}

/// A byline as one line of text, for leftovers.
fn byline_line(b: &Byline) -> String {
    match &b.credit {
        Some(c) => format!("{} {c}", b.text),
        None => b.text.clone(),
    }
}

/// A headline line of at most this many characters (closing marks aside)
/// is the end of the line above it, wrapped.
const MAX_REMAINDER_CHARS: usize = 3;

/// A headline part of at most this many characters over a longer one only
/// names a place or a topic (`巴西`, `县域经济`): a kicker, not a title.
const MAX_LABEL_CHARS: usize = 4;

/// How many half-ems a headline's wrapped line may be wider than the line
/// above it (line-start rules move a character or a quote mark down).
const WRAP_SLACK: u32 = 4;

/// Kicker, title and subtitle from a headline block's lines.
///
/// Lines run together into one unit when the second is not wider than the
/// first (a title wrapped over two lines) and no blank line or dash sets
/// them apart. A unit set apart from the first by a blank line is the
/// title, and the first its kicker: a kicker's smaller type stands off
/// above the title, a subtitle is set straight under it (a first unit of
/// parallel phrases is a title all the same). Otherwise, with
/// two units the narrower, set in the larger type, is the title: a kicker
/// stands above it, a subtitle below. With three or more,
/// the first is the kicker, then title and subtitle, unless it is narrower
/// than the second: then it is the title and the rest the subtitle.
fn headline_roles(h: &Headline) -> (Option<String>, Option<String>, Option<String>) {
    struct Part {
        text: String,
        width: u32,
        last_width: u32,
        dash: bool,
        /// Its last line is the short end of a wrapped line: it is done.
        closed: bool,
        /// A blank line sets it apart from the part above.
        blank_before: bool,
    }
    let mut parts: Vec<Part> = Vec::new();
    let (lines, deck) = match h.lines.split_last() {
        Some((last, above)) if last.deck => (above, Some(last.text.clone())),
        _ => (&h.lines[..], None),
    };
    if let Some(deck) = deck {
        let (kicker, title, subtitle) = headline_roles(&Headline { lines: lines.to_vec() });
        return (kicker, title, Some(with_deck(subtitle, &deck)));
    }
    for line in lines {
        let dash = line.text.starts_with(['—', '－', '-', '─']);
        // The last few characters of a headline that wrapped (`…被判处` /
        // `死刑`, `…（人民时` / `评）`): too short to stand as a headline.
        let remainder =
            line.text.chars().filter(|&c| !text::is_closer(c) && !text::is_terminal(c)).count() <= MAX_REMAINDER_CHARS;
        // A line much narrower than a wide one above it is a title under
        // its kicker, not the title's second line.
        let under_kicker = |p: &Part| p.last_width >= 32 && p.last_width * 5 >= line.width * 8;
        // A wrapped headline's lines are about as wide as each other (in a
        // narrow column a line may come out a character wider than the
        // one above it); a wider line opens the next part.
        let wraps = |p: &Part| remainder || (line.width <= p.last_width + WRAP_SLACK && !under_kicker(p));
        let continues = parts.last().is_some_and(|p| {
            !line.blank_before
                && !dash
                && !p.closed
                && wraps(p)
                && !p.text.ends_with(['！', '？', '!', '?'])
                && !leads_in(&p.text)
                && !ends_with_tag(&p.text)
        });
        if continues {
            let p = parts.last_mut().expect("checked above");
            text::push_joined(&mut p.text, &line.text);
            p.closed = remainder || line.width * 2 < p.last_width;
            p.width = p.width.max(line.width);
            p.last_width = line.width;
        } else {
            parts.push(Part {
                text: line.text.clone(),
                width: line.width,
                last_width: line.width,
                dash,
                closed: false,
                blank_before: line.blank_before,
            });
        }
    }
    let join = |ps: &[Part]| -> Option<String> {
        let mut s = String::new();
        for p in ps {
            text::push_joined(&mut s, &p.text);
        }
        (!s.is_empty()).then_some(s)
    };
    // A part opened by a dash is a subtitle; the part above it is the title.
    if let Some(d) = parts.iter().skip(1).position(|p| p.dash).map(|i| i + 1) {
        return (join(&parts[..d - 1]), join(&parts[d - 1..d]), join(&parts[d..]));
    }
    // A first part that leads in (`…——`, `…：`) or only names a place or
    // a topic (a few characters over a longer line) is the kicker.
    let opens = |p: &Part, next: &Part| {
        leads_in(&p.text)
            || (p.text.chars().count() <= MAX_LABEL_CHARS && next.width > p.width && !p.text.contains(' '))
    };
    // A first part set off by a blank line is a kicker, unless it is a
    // title of parallel phrases (`办实事 解难题 暖民心`), which no kicker is.
    let kicker_set_off = |p: &Part, next: &Part| next.blank_before && !p.text.contains(' ');
    let kicker_first = parts.len() >= 2 && (opens(&parts[0], &parts[1]) || kicker_set_off(&parts[0], &parts[1]));
    match parts.len() {
        0 => (None, None, None),
        1 => (None, join(&parts), None),
        2 if kicker_first => (join(&parts[..1]), join(&parts[1..]), None),
        _ if kicker_first => (join(&parts[..1]), join(&parts[1..2]), join(&parts[2..])),
        2 => {
            if parts[0].width <= parts[1].width {
                (None, join(&parts[..1]), join(&parts[1..]))
            } else {
                (join(&parts[..1]), join(&parts[1..]), None)
            }
        }
        _ => {
            if parts[0].width < parts[1].width {
                (None, join(&parts[..1]), join(&parts[1..]))
            } else {
                (join(&parts[..1]), join(&parts[1..2]), join(&parts[2..]))
            }
        }
    }
}

fn build_article(body: Body, headlines: &[Headline], bylines: &[Byline]) -> Article {
    let (kicker, title, subtitle) = body.headline.map(|h| headline_roles(&headlines[h])).unwrap_or_default();
    let mut byline: Option<String> = None;
    let mut credit: Option<String> = None;
    let mut authors: Vec<String> = Vec::new();
    for &b in &body.bylines {
        let b = &bylines[b];
        match &mut byline {
            Some(s) => {
                s.push(' ');
                s.push_str(&b.text);
            }
            None => byline = Some(b.text.clone()),
        }
        if let Some(c) = &b.credit {
            match &mut credit {
                Some(s) => {
                    s.push(' ');
                    s.push_str(c);
                }
                None => credit = Some(c.clone()),
            }
        }
        authors.extend(b.authors.iter().cloned());
    }
    let mut dateline = None;
    let mut paragraphs: Vec<String> = Vec::with_capacity(body.paragraphs.len());
    for (i, p) in body.paragraphs.into_iter().enumerate() {
        let found = if i == 0 && p.dateline { marks::match_dateline(&p.text) } else { None };
        if let Some(d) = found {
            dateline = Some(p.text[..d.len].to_string());
            authors.extend(d.authors);
            let rest = p.text[d.len..].trim_start();
            if !rest.is_empty() {
                paragraphs.push(rest.to_string());
            }
            continue;
        }
        paragraphs.push(p.text);
    }
    let mut unique: Vec<String> = Vec::with_capacity(authors.len());
    for a in authors {
        if !unique.contains(&a) {
            unique.push(a);
        }
    }
    let authors = unique;
    Article { kicker, title, subtitle, byline, authors, credit, dateline, paragraphs }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse::reflow::HeadlineLine;

    fn paragraph(text: &str, dateline: bool, continues_earlier: bool, open_end: bool) -> Unit {
        Unit::Paragraph(Paragraph {
            text: text.to_string(),
            dateline,
            continues_earlier,
            may_continue_earlier: false,
            opens_set_in: false,
            after_blank: true,
            open_end,
            column_in: None,
            column_out: None,
        })
    }

    #[test]
    fn a_story_signed_under_a_full_last_line_takes_no_cut_text() {
        // The brief's last line ran to the column's end, but the byline
        // under it closes the brief: the text cut off the park story goes
        // back to the park story, though the brief is the later one open.
        let park_lead = "新修的河边公园今天起对市民开放，附近居民可以带孩子来";
        let brief = "城西小学的新食堂昨天投入使用，学生吃上了热饭。";
        let park_rest = "玩耍，公园管理处说，以后还会增加座椅。";
        let byline =
            Byline { text: "本报记者 王五".into(), authors: vec!["王五".into()], credit: None, closes: true };
        let units = vec![
            Unit::Headline(block(&[("河边公园今起开放", false)])),
            paragraph(park_lead, false, false, true),
            paragraph(brief, true, false, true),
            Unit::Byline(byline),
            paragraph(park_rest, false, true, false),
        ];
        let sheet = [park_lead, brief, park_rest].join("\n");
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&sheet, Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![format!("{park_lead}{park_rest}")]);
        assert_eq!(articles[1].paragraphs, vec![brief.to_string()]);
        assert_eq!(articles[1].byline.as_deref(), Some("本报记者 王五"));
    }

    #[test]
    fn text_set_across_two_columns_does_not_go_on_a_story_cut_in_one() {
        // The market story stops at a narrow column's foot in mid-sentence;
        // the next block opens with a full line, but set across two
        // columns: another story's, not the market story's rest.
        let narrow = |text: &str, continues_earlier: bool, open_end: bool, measure: u32| match paragraph(
            text,
            false,
            continues_earlier,
            open_end,
        ) {
            Unit::Paragraph(p) => {
                Unit::Paragraph(Paragraph { column_in: Some(measure), column_out: Some(measure), ..p })
            }
            other => other,
        };
        let market = "城南菜市场改造完工，摊位从六十个增加到一百个，市民买菜";
        let wide = "送戏下乡活动昨晚在河东村热闹开场，吸引了众多村民前来观看。";
        let market_rest = "更方便了，市场还设了停车位。";
        let run = |wide_measure: u32| {
            let units = vec![
                Unit::Headline(block(&[("城南菜市场改造完工", false)])),
                narrow(market, false, true, 28),
                narrow(wide, true, false, wide_measure),
                narrow(market_rest, true, false, 28),
            ];
            let sheet = [market, wide, market_rest].join("\n");
            let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
            assemble(&sheet, Order::Interleaved, units, &mut articles, &mut leftovers);
            articles
        };
        let articles = run(52);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![format!("{market}{market_rest}")]);
        assert_eq!(articles[1].paragraphs, vec![wide.to_string()]);
        // Set in the market story's own column, the same block goes on it.
        let articles = run(28);
        assert_eq!(articles[0].paragraphs[0], format!("{market}{wide}"), "{articles:?}");
    }

    #[test]
    fn a_storys_rest_returned_to_it_takes_the_byline_that_signs_it() {
        // The orchard story's last column was printed after the road
        // story's text, which a column break left in mid-sentence; the
        // reporter's name set tight under that column signs the orchard
        // story, where the column goes back.
        let orchard = "山坡上的柑橘园今年迎来丰收，果农老陈的柑橘园结满了果子，柑橘园里的果子\
                       个大味甜，老陈说今年柑橘价格比去年好，柑橘园的收入能比去年多三成。老陈的柑橘园\
                       种了八百多棵柑橘树，柑橘园每天都有客商上门收果子。";
        let road = "城北新修的环城公路下月通车，环城公路全长十二公里，沿线设了六个公交站，\
                    环城公路的路灯和护栏已经装好，沿线的绿化也在加紧进行，交通部门说，环城公路\
                    通车以后，城北的居民进城不用再绕道老街，开车从城北到火车站";
        let orchard_rest = "老陈说，柑橘园明年还要扩种，柑橘园的果子要卖到更远的地方去，柑橘园\
                            里的果子个大味甜，客商都愿意来柑橘园收果子，老陈的柑橘园越办越好。";
        let set_in = |text: &str| match paragraph(text, false, false, false) {
            Unit::Paragraph(p) => Unit::Paragraph(Paragraph { opens_set_in: true, ..p }),
            other => other,
        };
        let byline =
            Byline { text: "记者 王五".into(), authors: vec!["王五".into()], credit: None, closes: true };
        let units = vec![
            Unit::Headline(block(&[("柑橘园迎来丰收", false)])),
            paragraph(orchard, false, false, false),
            Unit::Headline(block(&[("环城公路下月通车", false)])),
            paragraph(road, false, false, true),
            set_in(orchard_rest),
            Unit::Byline(byline),
        ];
        let sheet = [orchard, road, orchard_rest].join("\n");
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&sheet, Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![orchard.to_string(), orchard_rest.to_string()]);
        assert_eq!(articles[0].authors, vec!["王五".to_string()], "{articles:?}");
        assert!(articles[1].authors.is_empty(), "{articles:?}");
    }

    #[test]
    fn cut_text_goes_on_the_story_it_shares_its_words_with_where_no_word_runs_across() {
        // Both stories stop in mid-sentence, and no characters across
        // either join occur elsewhere on the page: the cut text is about
        // the bridge, so it goes on the bridge story, not on the library
        // story printed just above it.
        let bridge = "城东大桥检修工程昨天启动，施工单位将对大桥桥面和护栏进行检修，大桥检修期间";
        let library = "市图书馆新馆下月开放，新馆藏书三十万册，开放后读者可以";
        let bridge_rest = "过往车辆需要绕行，施工单位说大桥检修预计持续两个月。";
        let units = vec![
            Unit::Headline(block(&[("城东大桥开始检修", false)])),
            paragraph(bridge, false, false, true),
            Unit::Headline(block(&[("图书馆新馆下月开放", false)])),
            paragraph(library, false, false, true),
            paragraph(bridge_rest, false, true, false),
        ];
        let sheet = [bridge, library, bridge_rest].join("\n");
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&sheet, Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![format!("{bridge}{bridge_rest}")]);
        assert_eq!(articles[1].paragraphs, vec![library.to_string()]);
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn the_words_of_the_paragraphs_run_on_under_cut_text_count_too() {
        // The cut paragraph itself names nothing; the paragraph printed on
        // under it, in the same block, is about the bridge.
        let bridge = "城东大桥检修工程昨天启动，施工单位将对大桥桥面和护栏进行检修，大桥检修期间";
        let library = "市图书馆新馆下月开放，新馆藏书三十万册，开放后读者可以";
        let cut = "多走几步。";
        let on = "施工单位说，大桥检修预计持续两个月，大桥护栏也要换新。";
        let mut run_on = paragraph(on, false, false, false);
        if let Unit::Paragraph(p) = &mut run_on {
            p.after_blank = false;
        }
        let units = vec![
            Unit::Headline(block(&[("城东大桥开始检修", false)])),
            paragraph(bridge, false, false, true),
            Unit::Headline(block(&[("图书馆新馆下月开放", false)])),
            paragraph(library, false, false, true),
            paragraph(cut, false, true, false),
            run_on,
        ];
        let sheet = [bridge, library, cut, on].join("\n");
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&sheet, Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![format!("{bridge}{cut}"), on.to_string()]);
        assert_eq!(articles[1].paragraphs, vec![library.to_string()]);
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_sentence_that_opens_with_its_time_goes_on_no_text_cut_in_mid_phrase() {
        // The first story stops in the middle of a phrase; the block under
        // it opens a sentence with when it happened: another story, whose
        // first line happened to fill the column.
        let first = "城东大桥检修工程昨天启动，施工期间过往的";
        let other = "这几天，城西菜场的摊主们忙着搬进新建的大棚。";
        let units = vec![
            Unit::Headline(block(&[("城东大桥开始检修", false)])),
            paragraph(first, false, false, true),
            paragraph(other, false, true, false),
        ];
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&[first, other].join("\n"), Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[1].paragraphs, vec![other.to_string()]);
        assert!(leftovers.is_empty(), "{leftovers:?}");

        // A date a column break cut in two reads on.
        let first = "记者昨天从城东大桥检修工程指挥部获悉，3月6";
        let rest = "日晚，大桥将封闭施工。";
        let units = vec![
            Unit::Headline(block(&[("城东大桥开始检修", false)])),
            paragraph(first, false, false, true),
            paragraph(rest, false, true, false),
        ];
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&[first, rest].join("\n"), Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![format!("{first}{rest}")]);
    }

    #[test]
    fn a_line_between_headline_and_byline_that_ends_without_a_full_stop_is_the_deck() {
        let byline = |name: &str| {
            Unit::Byline(Byline {
                text: format!("本报记者 {name}"),
                authors: vec![name.into()],
                credit: None,
                closes: false,
            })
        };
        let story = "市里今年新建的三座公园全部开放，市民可以免费入园。";
        let units = vec![
            Unit::Headline(block(&[("三座新公园全部开放", false)])),
            paragraph("免费入园、全天开放，家门口添了好去处……", false, false, false),
            byline("王五"),
            paragraph(story, false, false, false),
        ];
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(story, Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert_eq!(articles[0].title.as_deref(), Some("三座新公园全部开放"));
        assert_eq!(articles[0].subtitle.as_deref(), Some("免费入园、全天开放，家门口添了好去处……"));
        assert_eq!(articles[0].paragraphs, vec![story.to_string()]);
        assert_eq!(articles[0].authors, vec!["王五".to_string()]);
        assert!(leftovers.is_empty(), "{leftovers:?}");

        // A brief that ends its sentence, over the next story's byline,
        // stays a story of its own.
        let brief = "城西菜场今天起暂停营业，改造工期两个月。";
        let units = vec![
            Unit::Headline(block(&[("城西菜场改造", false)])),
            paragraph(brief, false, false, false),
            byline("李四"),
            paragraph(story, false, false, false),
        ];
        let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
        assemble(&[brief, story].join("\n"), Order::Interleaved, units, &mut articles, &mut leftovers);
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].paragraphs, vec![brief.to_string()]);
        assert_eq!(articles[0].subtitle, None);
        assert!(leftovers.is_empty(), "{leftovers:?}");

        // Nor is a quotation that ends its sentence, or a paragraph too
        // long for a deck, a deck.
        let long = "免费入园、全天开放".repeat(11);
        for not_deck in ["“家门口添了好去处。”", long.as_str()] {
            let units = vec![
                Unit::Headline(block(&[("三座新公园全部开放", false)])),
                paragraph(not_deck, false, false, false),
                byline("王五"),
                paragraph(story, false, false, false),
            ];
            let (mut articles, mut leftovers) = (Vec::new(), Vec::new());
            assemble(&[not_deck, story].join("\n"), Order::Interleaved, units, &mut articles, &mut leftovers);
            assert_eq!(articles.len(), 2, "{not_deck}: {articles:?}");
            assert_eq!(articles[0].subtitle, None, "{not_deck}");
        }
    }

    fn block(lines: &[(&str, bool)]) -> Headline {
        Headline {
            lines: lines
                .iter()
                .map(|(t, blank)| HeadlineLine {
                    text: t.to_string(),
                    width: text::width(t),
                    blank_before: *blank,
                    deck: false,
                })
                .collect(),
        }
    }

    fn roles(lines: &[(&str, bool)]) -> (Option<String>, Option<String>, Option<String>) {
        headline_roles(&block(lines))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn a_title_wrapped_over_two_lines_is_one_title() {
        assert_eq!(
            roles(&[("城南农贸市场改造工程", false), ("今日完工", false)]),
            (None, s("城南农贸市场改造工程今日完工"), None)
        );
    }

    #[test]
    fn a_wider_second_line_is_a_subtitle() {
        assert_eq!(
            roles(&[("全市首座口袋公园开园", false), ("东湖街道在家门口为居民建起休闲健身好去处", false)]),
            (None, s("全市首座口袋公园开园"), s("东湖街道在家门口为居民建起休闲健身好去处"))
        );
        assert_eq!(
            roles(&[("春风又绿江南岸", false), ("——记优秀教师张三", false)]),
            (None, s("春风又绿江南岸"), s("——记优秀教师张三"))
        );
    }

    #[test]
    fn a_dash_marks_the_subtitle_and_the_title_above_it() {
        assert_eq!(
            roles(&[("春耕备耕正当时", false), ("我市三万亩早稻完成育秧", true), ("——农技人员下田指导", true)]),
            (s("春耕备耕正当时"), s("我市三万亩早稻完成育秧"), s("——农技人员下田指导"))
        );
    }

    #[test]
    fn a_place_or_a_lead_in_over_the_title_is_the_kicker() {
        assert_eq!(
            roles(&[("巴西", false), ("雨林保护区面积十年扩大一倍", true)]),
            (s("巴西"), s("雨林保护区面积十年扩大一倍"), None)
        );
        assert_eq!(
            roles(&[("新学期新气象——", false), ("城区三所新校今秋开学", true)]),
            (s("新学期新气象——"), s("城区三所新校今秋开学"), None)
        );
    }

    #[test]
    fn a_line_set_off_by_a_blank_line_over_the_title_is_its_kicker() {
        // Without the blank line the narrower first line is the title.
        assert_eq!(
            roles(&[("聚焦乡村振兴", false), ("城郊十个村建起共富工坊", true)]),
            (s("聚焦乡村振兴"), s("城郊十个村建起共富工坊"), None)
        );
        assert_eq!(
            roles(&[("聚焦乡村振兴", false), ("城郊十个村建起共富工坊", false)]),
            (None, s("聚焦乡村振兴"), s("城郊十个村建起共富工坊"))
        );
        assert_eq!(
            roles(&[("办实事 解难题 暖民心", false), ("城郊十个村建起共富工坊", true)]),
            (None, s("办实事 解难题 暖民心"), s("城郊十个村建起共富工坊"))
        );
    }

    #[test]
    fn a_wrapped_title_ends_with_its_short_last_line() {
        assert_eq!(
            roles(&[
                ("全市春季植树活动累计栽下各类苗", false),
                ("木", false),
                ("志愿者三千余人参加植树并认领养护责任区", false)
            ]),
            (None, s("全市春季植树活动累计栽下各类苗木"), s("志愿者三千余人参加植树并认领养护责任区"))
        );
        assert_eq!(
            roles(&[("城郊公路改造", false), ("完成过半（民生", false), ("观察）", false), ("年底前全线通车", false)]),
            (None, s("城郊公路改造完成过半（民生观察）"), s("年底前全线通车"))
        );
    }

    #[test]
    fn kicker_title_and_subtitle() {
        assert_eq!(
            roles(&[
                ("区政府召开防汛工作专题会议部署全区工作", false),
                ("汛前检查全覆盖", true),
                ("各部门各司其职确保群众安全度汛", false)
            ]),
            (s("区政府召开防汛工作专题会议部署全区工作"), s("汛前检查全覆盖"), s("各部门各司其职确保群众安全度汛"))
        );
        assert_eq!(
            roles(&[("区政府召开防汛工作专题会议部署全区工作", false), ("汛前检查全覆盖", false)]),
            (s("区政府召开防汛工作专题会议部署全区工作"), s("汛前检查全覆盖"), None)
        );
    }
}

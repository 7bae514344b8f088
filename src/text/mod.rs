//! Text before it is a page: decoding bytes ([`decode`]), folding for
//! search ([`fold`]), and here the character classes, display widths and
//! whitespace rules every stage shares.
//!
//! The parser may change whitespace only, so everything here either
//! classifies characters or decides where whitespace goes.

mod decode;
mod first_chars;
pub mod fold;
pub mod names;

pub use decode::{Decoded, decode};
pub use first_chars::FirstChars;

/// A Han ideograph (CJK Unified Ideographs and their extensions, including
/// the astral planes, compatibility ideographs and `〇`).
pub fn is_han(c: char) -> bool {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}'
        | '\u{3007}')
}

/// A character of East Asian text: Han, kana, hangul, bopomofo, CJK
/// punctuation, full-width forms and the quotes and dashes Chinese text
/// sets full width. Spaces between such a character and ASCII are OCR noise.
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{2E80}'..='\u{2FDF}'      // radicals
            | '\u{3000}'..='\u{303F}'    // CJK symbols and punctuation
            | '\u{3040}'..='\u{31FF}'    // kana, bopomofo, strokes
            | '\u{3200}'..='\u{33FF}'    // enclosed CJK, compatibility
            | '\u{AC00}'..='\u{D7AF}'    // hangul syllables
            | '\u{FE30}'..='\u{FE4F}'    // CJK compatibility forms
            | '\u{FF00}'..='\u{FF60}'    // full-width forms
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{2018}'..='\u{201F}'    // curly quotes, set full width in Chinese
            | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}' | '\u{2027}')
}

/// Width in half-em units, as the text would sit in a printed column:
/// 2 for East Asian characters, 1 for Latin and digits, 0 for marks and
/// controls. Used to tell full column lines from short ones.
///
/// Asked of every character of every line: the common cases are inlined.
#[inline]
pub fn char_width(c: char) -> u32 {
    if c.is_ascii() {
        return u32::from(!c.is_ascii_control());
    }
    // Curly quotes take a full em in CJK fonts, as they are set in Chinese text.
    if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '“' | '”' | '‘' | '’')
    {
        return 2;
    }
    rare_char_width(c)
}

/// [`char_width`] of a character neither ASCII nor of the commonest CJK blocks.
fn rare_char_width(c: char) -> u32 {
    if is_cjk(c)
        || matches!(c, '\u{2160}'..='\u{217F}' | '\u{2460}'..='\u{24FF}' | '\u{25A0}'..='\u{27BF}' | '\u{1F300}'..='\u{1FAFF}')
    {
        return 2;
    }
    if c.is_control() || is_combining(c) {
        return 0;
    }
    1
}

/// Display width of a string in half-em units.
pub fn width(s: &str) -> u32 {
    s.chars().map(char_width).sum()
}

/// Width of a raw line as it was printed, in half-em units: like [`width`],
/// with every inner run of whitespace counted as one half-em, since a gap
/// the typesetter left around a Latin run (`3 月`) takes room in the column
/// even where [`normalize_line`] drops it.
pub fn printed_width(line: &str) -> u32 {
    let mut w = 0;
    let mut in_space = false;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                w += 1;
            }
            in_space = true;
        } else {
            in_space = false;
            w += char_width(c);
        }
    }
    w
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200B}'..='\u{200F}')
}

/// Characters that close a quotation or bracket and may follow the
/// sentence-final mark (`。”`, `！）`).
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〉' | '"' | '\'' | '］' | ']')
}

/// Sentence-final punctuation.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '．' | '｡' | '.')
}

/// Punctuation after which a sentence certainly goes on.
pub fn is_open_end(c: char) -> bool {
    matches!(
        c,
        '，' | '、'
            | '；'
            | '：'
            | ','
            | ';'
            | ':'
            | '（'
            | '('
            | '“'
            | '‘'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〈'
            | '—'
            | '―'
            | '－'
            | '-'
            | '·'
            | '/'
            | '+'
            | '＋'
    )
}

/// Does the text end a sentence? `。` `！` `？` `…`, optionally followed by
/// closing quotes or brackets; an ASCII `.` only after a lowercase
/// letter, so that `3.` or `NO.` wrapped before a number is not taken for an
/// end.
pub fn ends_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev().skip_while(|&c| is_closer(c));
    match rev.next() {
        Some('.') => matches!(rev.next(), Some(c) if c.is_alphabetic() && !c.is_ascii_uppercase()),
        Some(c) => is_terminal(c),
        None => false,
    }
}

/// Does the text end where a sentence must go on (`，` `、` `：`…)?
pub fn ends_open(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_open_end)
}

/// Appends a wrapped line to a paragraph. A line break between two Latin
/// words (no East Asian character in the word before or the word after)
/// becomes a space, unless the first ends with a hyphen; anywhere else it
/// disappears, as it does between Chinese characters (`成立20` + `周年`).
pub fn push_joined(out: &mut String, next: &str) {
    let between_words = !out.ends_with('-') && latin_word(out.chars().rev()) && latin_word(next.chars());
    if between_words || (!out.is_empty() && !next.is_empty() && inside_spaced_list(out) && !splits_a_name(out, next)) {
        out.push(' ');
    }
    out.push_str(next);
}

/// Whether a word (a run without whitespace) is non-empty and free of East
/// Asian characters, reading it from the line break outwards and stopping
/// at the first East Asian character.
fn latin_word(chars: impl Iterator<Item = char>) -> bool {
    let mut any = false;
    for c in chars {
        if c.is_whitespace() {
            break;
        }
        if is_cjk(c) {
            return false;
        }
        any = true;
    }
    any
}

/// Is the text's end inside a short bracket whose items are separated by
/// spaces, as in `（记者 张三 李四）`? A line break there separates two
/// items, so it becomes a space rather than nothing.
fn inside_spaced_list(s: &str) -> bool {
    // The 20 characters read lie in the last 80 bytes: without a space
    // there, as in most Chinese text, the answer is no.
    if !s.as_bytes()[s.len().saturating_sub(80)..].contains(&b' ') {
        return false;
    }
    let mut spaced = false;
    for c in s.chars().rev().take(20) {
        match c {
            '（' | '(' => return spaced,
            '）' | ')' => return false,
            ' ' => spaced = true,
            _ => {}
        }
    }
    false
}

/// Does a line break inside a spaced list fall inside one name (`金波` /
/// `哲）`)? No item of such a list is a single character, so a piece of
/// one character on either side of the break is part of a name.
fn splits_a_name(before: &str, after: &str) -> bool {
    let is_item_end = |c: char| c.is_whitespace() || matches!(c, '（' | '(' | '）' | ')' | '、');
    let tail = before.chars().rev().take_while(|&c| !is_item_end(c)).count();
    let head = after.chars().take_while(|&c| !is_item_end(c)).count();
    tail == 1 || head == 1
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_graphic()
}

/// Normalises the whitespace of one line: trims it, turns every inner run of
/// whitespace into one space, and drops the run altogether where it sits
/// between an East Asian character and ASCII (`成立 20` → `成立20`), which
/// is where OCR invents spaces. Other spaces (`学文化 促发展`) are kept,
/// but a letter-spaced line (`本 报 讯 昨 日`) is set tight.
pub fn normalize_line(line: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = line.trim();
    if is_letter_spaced(trimmed) {
        return std::borrow::Cow::Owned(close_letter_spacing(trimmed));
    }
    let needs_work = trimmed.char_indices().any(|(i, c)| {
        c.is_whitespace()
            && (c != ' ' || trimmed[i + 1..].starts_with(char::is_whitespace) || space_is_noise(trimmed, i))
    });
    if !needs_work {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            let prev = out.chars().next_back();
            let noise = prev.is_some_and(|p| (is_cjk(p) && is_ascii_word(c)) || (is_ascii_word(p) && is_cjk(c)));
            if !noise {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Is the line letter-spaced, a space after nearly every character, the
/// way an extraction renders a justified line it stretched (`本 报 讯 昨 日`)?
/// Most of its words are then single characters: at least
/// [`LETTER_SPACED_MIN`], and two words in three.
fn is_letter_spaced(s: &str) -> bool {
    // Most lines have too few spaces to be: a byte count tells at once.
    if s.bytes().filter(|&b| b == b' ').count() + 1 < LETTER_SPACED_MIN {
        return false;
    }
    let (mut words, mut singles) = (0, 0);
    for word in s.split_whitespace() {
        words += 1;
        let mut chars = word.chars();
        if chars.next().is_some_and(is_cjk) && chars.next().is_none() {
            singles += 1;
        }
    }
    singles >= LETTER_SPACED_MIN && 3 * singles >= 2 * words
}

/// The fewest single-character words that make a line letter-spaced: a
/// byline or a list of short names has none or one.
const LETTER_SPACED_MIN: usize = 4;

/// A letter-spaced line set tight again: one space between two ASCII
/// words (`New York`), none elsewhere.
fn close_letter_spacing(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if let (Some(p), Some(c)) = (out.chars().next_back(), word.chars().next())
            && is_ascii_word(p)
            && is_ascii_word(c)
        {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Is the single ASCII space at byte `i` one that [`normalize_line`] drops?
fn space_is_noise(s: &str, i: usize) -> bool {
    let prev = s[..i].chars().next_back();
    let next = s[i + 1..].chars().next();
    match (prev, next) {
        (Some(p), Some(n)) => (is_cjk(p) && is_ascii_word(n)) || (is_ascii_word(p) && is_cjk(n)),
        _ => false,
    }
}

/// Width of the whitespace a raw line starts with, in half-em units
/// (a full-width space counts two).
pub fn width_of_leading_space(s: &str) -> u32 {
    s.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\u{3000}' { 2 } else { 1 }).sum()
}

/// The share of the Han character pairs of `head` that also occur in
/// `text`: how much a headline has in common with an article's lead.
/// Only the first `text_chars` pairs of `text` are read.
pub fn shared_bigrams(head: &str, text: &str, text_chars: usize) -> f32 {
    share_of_pairs(head, &first_pairs(text, text_chars))
}

/// Two adjacent Han characters packed in one number that orders as the
/// pair does (first character, then second): pairs are sorted and searched
/// for every headline compared with a lead, and a number sorts fastest.
pub type CharPair = u64;

/// The pair of `a` followed by `b`.
pub fn char_pair(a: char, b: char) -> CharPair {
    (u64::from(a) << 32) | u64::from(b)
}

/// The distinct pairs of Han characters among `text`'s first `n`, sorted:
/// a text that many headlines are compared with is read once.
pub fn first_pairs(text: &str, n: usize) -> Vec<CharPair> {
    // Sized once: a filtered iterator does not say how many it yields.
    let mut pairs: Vec<CharPair> = Vec::with_capacity(n.min(text.len() / 3));
    pairs.extend(han_pairs(text).take(n));
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The share of `head`'s distinct pairs of Han characters that are among
/// `pairs` (from [`first_pairs`]).
pub fn share_of_pairs(head: &str, pairs: &[CharPair]) -> f32 {
    share_of(&head_pairs(head), pairs)
}

/// The distinct pairs of Han characters among a headline's first (up to
/// 200), sorted: a headline that is compared with many leads is read once.
pub fn head_pairs(head: &str) -> Vec<CharPair> {
    let mut wanted: Vec<CharPair> = han_pairs(head).take(200).collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted
}

/// The share of `wanted` (from [`head_pairs`]) that are among `pairs`
/// (from [`first_pairs`]).
pub fn share_of(wanted: &[CharPair], pairs: &[CharPair]) -> f32 {
    if wanted.is_empty() {
        return 0.0;
    }
    wanted.iter().filter(|w| pairs.binary_search(w).is_ok()).count() as f32 / wanted.len() as f32
}

/// Adjacent pairs of Han characters.
fn han_pairs(s: &str) -> impl Iterator<Item = CharPair> + '_ {
    let mut prev: Option<char> = None;
    s.chars().filter_map(move |c| {
        let pair = if is_han(c) { prev.map(|p| char_pair(p, c)) } else { None };
        prev = is_han(c).then_some(c);
        pair
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ocr_spaces_between_han_and_ascii_go() {
        assert_eq!(normalize_line("周立新指出，在“五水共治”开展 10"), "周立新指出，在“五水共治”开展10");
        assert_eq!(normalize_line("全县拥有 46 家"), "全县拥有46家");
        assert_eq!(normalize_line("打开线上 TLbus 平台"), "打开线上TLbus平台");
        assert_eq!(normalize_line("（1 家"), "（1家");
    }

    #[test]
    fn spaces_between_han_phrases_stay_as_one_space() {
        assert_eq!(normalize_line("  小小一片叶\u{3000}富了山里人  "), "小小一片叶 富了山里人");
        assert_eq!(normalize_line("hello   world"), "hello world");
    }

    #[test]
    fn a_letter_spaced_line_is_set_tight() {
        assert_eq!(normalize_line("本 报 讯 2019 年 5 月 城 东"), "本报讯2019年5月城东");
        assert_eq!(normalize_line("记 者 张 三 、 “ 李 四 ” 报 道"), "记者张三、“李四”报道");
        assert_eq!(normalize_line("在 New York 举 行 的 会 议"), "在New York举行的会议");
        // Names and phrases keep their spaces.
        assert_eq!(normalize_line("记者 张三 李四 王五 赵六"), "记者 张三 李四 王五 赵六");
        assert_eq!(normalize_line("学文化 促发展 强 本 领"), "学文化 促发展 强 本 领");
    }

    #[test]
    fn clean_lines_are_borrowed() {
        assert!(matches!(normalize_line(" 全媒体记者 孙悦 "), std::borrow::Cow::Borrowed("全媒体记者 孙悦")));
    }

    #[test]
    fn wrapped_lines_join_tight_in_chinese_and_with_a_space_in_english() {
        let mut p = String::from("实施20");
        push_joined(&mut p, "周年");
        assert_eq!(p, "实施20周年");
        let mut e = String::from("the quick");
        push_joined(&mut e, "brown fox");
        assert_eq!(e, "the quick brown fox");
        let mut l = String::from("（记者 张三");
        push_joined(&mut l, "李四）昨日");
        assert_eq!(l, "（记者 张三 李四）昨日");
        // A break inside a name is not a break between names.
        let mut cut = String::from("（记者 张三 金波");
        push_joined(&mut cut, "哲）昨日");
        assert_eq!(cut, "（记者 张三 金波哲）昨日");
        let mut n = String::from("增长3%");
        push_joined(&mut n, "72个项目");
        assert_eq!(n, "增长3%72个项目");
        let mut h = String::from("well-");

        push_joined(&mut h, "known");
        assert_eq!(h, "well-known");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("批示精神。"));
        assert!(ends_sentence("提升一座城”。"));
        assert!(ends_sentence("“心心相融，你好！”"));
        assert!(ends_sentence("It ended."));
        assert!(!ends_sentence("version 3."));
        assert!(!ends_sentence("要从理论维度，"));
        assert!(!ends_sentence("灵活运用"));
    }

    #[test]
    fn headlines_share_pairs_with_their_lead() {
        let lead = "记者从市人力社保局获悉，下周起，春季招聘会将在市人才市场举行。";
        assert!(shared_bigrams("春季招聘会下周举行", lead, 400) > 0.5);
        assert!(shared_bigrams("富春江上赛龙舟", lead, 400) < 0.1);
        assert_eq!(shared_bigrams("", lead, 400), 0.0);
    }

    #[test]
    fn widths_count_half_ems() {
        assert_eq!(width("孙悦"), 4);
        assert_eq!(width("20周年"), 6);
        assert_eq!(width("𠀀"), 2);
        assert_eq!(width("e\u{301}"), 1);
    }
}

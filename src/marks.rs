//! Recognisers for the marks a newspaper puts around its articles: bylines,
//! datelines, page furniture, photo captions and list markers.
//!
//! Each works on one normalised line (or the start of a reflowed paragraph)
//! and knows nothing of the page around it; the passes weigh the evidence.

use crate::text::is_han;

/// Job titles that introduce the names in a byline or dateline credit; a
/// title comes before any shorter one it ends with, so that `本报记者` wins
/// over `记者`.
const ROLES: &[&str] = &[
    "本报特约撰稿人",
    "全媒体记者",
    "融媒体记者",
    "新华社记者",
    "中新社记者",
    "本报通讯员",
    "本报实习生",
    "本报评论员",
    "特约评论员",
    "本报记者",
    "首席记者",
    "见习记者",
    "特约记者",
    "实习记者",
    "摄影记者",
    "驻站记者",
    "特派记者",
    "首席编辑",
    "通讯员",
    "实习生",
    "评论员",
    "撰稿人",
    "记者",
    "撰稿",
    "摄影",
    "作者",
    "口述",
    "整理",
    "采写",
    "文/图",
    "文/摄",
    "图/文",
    "摄/文",
    "文图",
    "图文",
];

/// Bylines that name no one: an editorial voice.
const COLLECTIVE: &[&str] = &["本报评论员", "特约评论员", "评论员", "本报编辑部", "本报记者", "本报通讯员"];

/// Words after the names that say what the named people did.
const CREDITS: &[&str] = &[
    "文/图", "文/摄", "图/文", "摄/文", "文图", "图文", "摄影", "报道", "整理", "采写", "供图", "摄", "图", "文", "绘",
];

/// A byline: who wrote or photographed an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The line without its ornament glyph and without the trailing credit.
    pub text: String,
    /// The people named.
    pub authors: Vec<String>,
    /// A trailing credit such as `文/摄` or `摄`.
    pub credit: Option<String>,
    /// Printed in brackets, as at the end of an article: `（记者 张三）`.
    pub bracketed: bool,
}

/// A glyph that decorates the start of a byline (`▢`, `■`, `◆`…): geometric
/// shapes, dingbats and the like. It is the one thing the parser may drop.
pub fn is_ornament(c: char) -> bool {
    matches!(c,
        '\u{25A0}'..='\u{25FF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B1B}'..='\u{2B55}'
        | '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{203B}'
        | '\u{2192}' | '\u{21D2}')
}

fn strip_prefix_any<'a>(s: &'a str, words: &[&'static str]) -> Option<(&'static str, &'a str)> {
    if !s.chars().next().is_some_and(starts_role_or_credit) {
        return None;
    }
    words.iter().find_map(|w| s.strip_prefix(w).map(|rest| (*w, rest)))
}

/// Can a [`ROLES`] or [`CREDITS`] word start with this character? Skips
/// most positions at once.
fn starts_role_or_credit(c: char) -> bool {
    matches!(
        c,
        '本' | '全'
            | '融'
            | '新'
            | '中'
            | '首'
            | '见'
            | '特'
            | '实'
            | '摄'
            | '驻'
            | '通'
            | '评'
            | '撰'
            | '记'
            | '作'
            | '口'
            | '整'
            | '采'
            | '文'
            | '图'
            | '报'
            | '供'
            | '绘'
    )
}

fn is_name_char(c: char) -> bool {
    is_han(c) || matches!(c, '·' | '•' | '・' | '．')
}

/// Reads people's names: runs of Han separated by spaces, `、`, `，` or `/`,
/// stopping before another role word. Returns the names and what follows.
fn read_names(mut s: &str) -> (Vec<String>, &str) {
    let mut names = Vec::new();
    loop {
        let trimmed = s.trim_start_matches([' ', '、', '，', ',', '/', '／', '：', ':']);
        if strip_prefix_any(trimmed, ROLES).is_some() && !names.is_empty() {
            return (names, s);
        }
        let mut end = 0;
        for (i, c) in trimmed.char_indices() {
            if !is_name_char(c) || (end > 0 && strip_prefix_any(&trimmed[i..], ROLES).is_some()) {
                break;
            }
            end = i + c.len_utf8();
        }
        if end == 0 {
            return (names, s);
        }
        let name = &trimmed[..end];
        let han = name.chars().filter(|&c| is_han(c)).count();
        // A Chinese name is two to four characters; transliterated ones
        // are joined with a middle dot.
        let transliterated = name.contains(['·', '•', '・', '．']) && han <= 12;
        if !((2..=4).contains(&han) || transliterated) {
            return (names, s);
        }
        names.push(name.to_string());
        s = &trimmed[end..];
    }
}

/// Recognises a byline line such as `▢ 全媒体记者 李四 文/摄`,
/// `本报记者 张三 通讯员 李四`, `（记者 张三）` or `张三 摄`.
pub fn parse_byline(line: &str) -> Option<Byline> {
    let mut s = line.trim();
    if s.len() > 60 * 4 {
        return None;
    }
    if let Some(c) = s.chars().next().filter(|&c| is_ornament(c)) {
        s = s[c.len_utf8()..].trim_start();
    }
    // A byline opens with a role or a bracket, or ends with a credit.
    let opens = s.chars().next().is_some_and(|c| starts_role_or_credit(c) || matches!(c, '（' | '('));
    let credit_last = s.contains(' ') && CREDITS.iter().any(|c| s.ends_with(c));
    if !(opens || credit_last) {
        return None;
    }
    if s.is_empty() || s.chars().count() > 60 || s.chars().any(|c| matches!(c, '。' | '；' | '！' | '？' | '“' | '”'))
    {
        return None;
    }
    let (inner, bracketed) = match s.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')'])) {
        Some(inner) => (inner.trim(), true),
        None => (s, false),
    };
    let mut authors = Vec::new();
    let mut rest = inner;
    let mut roles = 0;
    loop {
        let t = rest.trim_start_matches([' ', '、', '，', ',']);
        let Some((_, after)) = strip_prefix_any(t, ROLES) else {
            break;
        };
        let (names, after_names) = read_names(after.trim_start_matches(['：', ':', '/', '／']));
        if names.is_empty() {
            // A role with nobody after it: could be a credit (`张三 文/图`).
            break;
        }
        roles += 1;
        authors.extend(names);
        rest = after_names;
    }
    if roles == 0 && COLLECTIVE.contains(&inner) {
        return Some(Byline { text: s.to_string(), authors: Vec::new(), credit: None, bracketed });
    }
    if roles == 0 {
        // Names first, then what they did: `张三 李四 摄`.
        let (names, after) = read_names(inner);
        if names.is_empty() || !after.starts_with(' ') {
            return None;
        }
        authors = names;
        rest = after;
    }
    let rest = rest.trim();
    let credit = if rest.is_empty() {
        None
    } else if CREDITS.contains(&rest) {
        Some(rest.to_string())
    } else {
        return None;
    };
    if roles == 0 && credit.is_none() {
        return None;
    }
    let text = if bracketed {
        s.to_string()
    } else {
        let body = match &credit {
            Some(c) => s[..s.len() - c.len()].trim_end(),
            None => s,
        };
        body.to_string()
    };
    Some(Byline { text, authors, credit: if bracketed { None } else { credit }, bracketed })
}

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte length of the dateline within the paragraph.
    pub len: usize,
    /// People credited inside it: `本报讯（记者 张三）`.
    pub authors: Vec<String>,
}

/// The end of a news agency's or paper's name: `本报`, `新华社`, `某某网`.
fn agency_len(prefix: &[char]) -> Option<usize> {
    if prefix.starts_with(&['本', '报']) {
        return Some(2);
    }
    let limit = prefix.len().min(10);
    (1..limit)
        .find(|&i| matches!(prefix[i], '社' | '网' | '报' | '台') && prefix[..=i].iter().all(|&c| is_han(c)))
        .map(|i| i + 1)
        .or_else(|| {
            let s: String = prefix.iter().take(12).collect();
            s.find("客户端").map(|b| s[..b + "客户端".len()].chars().count())
        })
}

/// Reads a date such as `5月26日`, `2023年5月26日` or `26日` at the start.
fn date_len(s: &[char]) -> usize {
    let mut i = 0;
    let mut saw_unit = false;
    loop {
        let digits = s[i..].iter().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
        if digits == 0 || digits > 4 {
            break;
        }
        match s.get(i + digits) {
            Some('年' | '月' | '日') => {
                i += digits + 1;
                saw_unit = true;
            }
            _ => break,
        }
    }
    if saw_unit { i } else { 0 }
}

/// Recognises a dateline at the start of a paragraph: `本报讯`,
/// `本报讯（记者 张三）`, `本报杭州5月26日电`, `新华社北京5月26日电`,
/// `某某网5月26日讯(通讯员 张三)`, `央视网消息`.
pub fn match_dateline(text: &str) -> Option<Dateline> {
    // Most paragraphs have no dateline: look for its marker first.
    if !text.chars().take(24).any(|c| matches!(c, '电' | '讯' | '消')) {
        return None;
    }
    let head: Vec<char> = text.chars().take(32).collect();
    let agency = agency_len(&head)?;
    // A place name, then a date, both optional; the shortest reading that
    // reaches the marker (电, 讯 or 消息) wins.
    let max_place = head[agency..].iter().take_while(|&&c| is_han(c)).count().min(8);
    let (place, date, mut i, marker) = (0..=max_place).find_map(|place| {
        let at = agency + place;
        let date = date_len(&head[at..]);
        let i = at + date;
        let marker = match (head.get(i), head.get(i + 1)) {
            (Some('电' | '讯'), _) => 1,
            (Some('消'), Some('息')) => 2,
            _ => return None,
        };
        Some((place, date, i, marker))
    })?;
    let own_paper = head.starts_with(&['本', '报']);
    let next = head.get(i + marker).copied();
    let separated = matches!(next, None | Some(' ' | '（' | '(' | '　' | '：' | ':'));
    // Guard against prose such as `合作社用电量`: a dateline has a date, or
    // is the paper's own, or stands apart from the text after it.
    if !(own_paper || date > 0 || separated) || place > 6 && date == 0 {
        return None;
    }
    i += marker;
    let mut len: usize = head[..i].iter().map(|c| c.len_utf8()).sum();
    let mut authors = Vec::new();
    let rest = &text[len..];
    let skipped = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    if let Some(open) = rest.chars().next().filter(|c| matches!(c, '（' | '(')) {
        let inner_start = open.len_utf8();
        if let Some(close) = rest[inner_start..].char_indices().take(60).find(|&(_, c)| matches!(c, '）' | ')')) {
            let inner = &rest[inner_start..inner_start + close.0];
            if let Some(b) = parse_byline(&format!("（{inner}）")) {
                authors = b.authors;
                len += skipped + inner_start + close.0 + close.1.len_utf8();
            }
        }
    }
    Some(Dateline { len, authors })
}

/// Does the line start a paragraph with a dateline?
pub fn starts_with_dateline(line: &str) -> bool {
    match_dateline(line).is_some()
}

const FURNITURE_WORDS: &[&str] = &[
    "责任编辑",
    "责编",
    "美编",
    "美术编辑",
    "校对",
    "版式",
    "版面设计",
    "排版",
    "组版",
    "审校",
    "审读",
    "值班编委",
    "首席编辑",
    "视觉设计",
    "统一连续出版物号",
    "邮发代号",
    "广告经营许可证",
    "零售价",
    "社址",
    "邮编",
    "新闻热线",
    "发行热线",
    "广告热线",
];

const PAPER_SUFFIXES: &[&str] =
    &["日报", "晚报", "商报", "早报", "时报", "周报", "都市报", "快报", "导报", "青年报", "法治报", "科技报", "晨报"];

/// Recognises page furniture: the paper's name, the date and weekday, the
/// page number and section, and the editors' credits.
pub fn is_furniture(line: &str) -> bool {
    let s = line.trim();
    furniture(s, &LineFacts::of(s))
}

/// What one pass over a line learns: its width, and the cheap facts that
/// let most body lines leave the recognisers early.
#[derive(Debug, Clone, Copy)]
pub struct LineFacts {
    /// Width in half-em units (see [`crate::text::width`]).
    pub width: u32,
    chars: usize,
    period: bool,
    comma: bool,
    digit: bool,
    all_han: bool,
    furniture_word_at: Option<usize>,
}

impl LineFacts {
    pub fn of(s: &str) -> Self {
        let mut f = LineFacts {
            width: 0,
            chars: 0,
            period: false,
            comma: false,
            digit: false,
            all_han: true,
            furniture_word_at: None,
        };
        for (i, c) in s.char_indices() {
            f.chars += 1;
            f.width += crate::text::char_width(c);
            match c {
                '。' => f.period = true,
                '，' => f.comma = true,
                '0'..='9' => f.digit = true,
                _ => {}
            }
            f.all_han &= is_han(c);
            if f.furniture_word_at.is_none() && starts_furniture_word(c) {
                f.furniture_word_at = Some(i);
            }
        }
        f
    }
}

/// [`is_furniture`] for a trimmed line whose facts are known.
pub fn furniture(s: &str, facts: &LineFacts) -> bool {
    let LineFacts { chars, period, comma, digit, all_han, furniture_word_at: word_at, .. } = *facts;
    if chars == 0 || chars > 60 || period {
        return false;
    }
    if let Some(from) = word_at {
        let has_word = s[from..]
            .char_indices()
            .any(|(i, c)| starts_furniture_word(c) && FURNITURE_WORDS.iter().any(|w| s[from + i..].starts_with(w)));
        if has_word && !comma {
            return true;
        }
    }
    if (s.starts_with("编辑") || s.starts_with("制版"))
        && s.chars().nth(2).is_some_and(|c| matches!(c, '：' | ':' | ' '))
    {
        return true;
    }
    if chars <= 10 && all_han && PAPER_SUFFIXES.iter().any(|p| s.ends_with(p)) {
        return true;
    }
    if chars <= 4 && (s.starts_with("星期") || s.starts_with("周")) && contains_weekday(s) {
        return true;
    }
    if all_han && is_section_name(s) {
        return true;
    }
    if !digit && !s.is_ascii() {
        return s.ends_with('版') && s.split(' ').any(is_page_number);
    }
    if s.split(' ').any(|t| is_page_number(t) || is_edition(t)) && s.split(' ').all(|t| t.chars().count() <= 12) {
        return true;
    }
    if has_full_date(s) && (s.contains("星期") || s.contains("农历") || contains_weekday(s) || chars <= 16) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    !s.contains(' ')
        && (lower.starts_with("http")
            || lower.starts_with("www.")
            || (lower.contains('@') && lower.contains('.') && s.is_ascii()))
}

/// Can a [`FURNITURE_WORDS`] word start with this character?
fn starts_furniture_word(c: char) -> bool {
    matches!(
        c,
        '责' | '美'
            | '校'
            | '版'
            | '排'
            | '组'
            | '审'
            | '值'
            | '首'
            | '视'
            | '统'
            | '邮'
            | '广'
            | '零'
            | '社'
            | '新'
            | '发'
    )
}

/// A section name set at the top of a page: `要闻`, `体育`, `国内新闻`.
fn is_section_name(s: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "要闻", "新闻", "综合", "时评", "评论", "副刊", "专刊", "专版", "视点", "观察", "财经", "体育", "国际", "国内",
        "民生", "社会", "文化", "经济", "健康", "教育", "法治", "科技", "旅游", "城事", "县域", "乡村", "文体", "理论",
    ];
    const KINDS: &[&str] = &["新闻", "要闻", "评论", "时评", "副刊", "专刊", "专版", "视点", "观察"];
    SECTIONS.contains(&s) || (s.chars().count() == 4 && KINDS.iter().any(|k| s.ends_with(k)))
}

fn contains_weekday(s: &str) -> bool {
    ["星期", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天"].iter().any(|w| s.contains(w))
}

/// `2023年5月27日` somewhere in the line.
fn has_full_date(s: &str) -> bool {
    if !s.contains('年') {
        return false;
    }
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len()).any(|i| {
        let n = date_len(&chars[i..]);
        n >= 6 && chars[i..i + n].contains(&'年') && chars[i..i + n].contains(&'月')
    })
}

/// `第02版`, `3版`, `- 3 -`, `第3页`.
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(['-', '—', '–', ' ']);
    let inner = t.strip_prefix('第').unwrap_or(t);
    let inner = inner.strip_suffix(['版', '页']).map(|x| (x, true));
    match inner {
        Some((digits, _)) => {
            !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十０１２３４５６７８９".contains(c))
        }
        None => t.len() <= 3 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()),
    }
}

/// `A2`, `B03`: an edition letter and a page.
fn is_edition(t: &str) -> bool {
    let mut cs = t.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_uppercase()) && {
        let rest: String = cs.collect();
        (1..=2).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_digit())
    }
}

/// A photo caption: `图为…`, `上图：…`, `▲ …`.
pub fn starts_caption(line: &str) -> bool {
    let s = line.trim_start();
    s.starts_with("图为")
        || s.starts_with("图注")
        || s.starts_with('▲')
        || ["图：", "图:", "上图：", "下图：", "左图：", "右图：", "上图:", "下图:", "左图:", "右图:"]
            .iter()
            .any(|p| s.starts_with(p))
}

/// A list marker that opens a cross-head inside an article: `一、`,
/// `（二）`, `3.`, `①`, `■`.
pub fn starts_enumerator(line: &str) -> bool {
    let s = line.trim_start();
    let Some(first) = s.chars().next() else {
        return false;
    };
    if matches!(first, '①'..='⑳' | '■' | '◆' | '●' | '◇' | '□' | '★' | '☆' | '◎' | '▶' | '►') {
        return true;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let body = s.strip_prefix(['（', '(']);
    if let Some(b) = body {
        let n = b.chars().take_while(|&c| numeral(c) || c.is_ascii_digit()).count();
        return n > 0 && b.chars().nth(n).is_some_and(|c| matches!(c, '）' | ')'));
    }
    let n = s.chars().take_while(|&c| numeral(c)).count();
    if n > 0 {
        return s.chars().nth(n) == Some('、');
    }
    let d = s.chars().take_while(|c| c.is_ascii_digit()).count();
    d > 0
        && d <= 2
        && s.chars().nth(d).is_some_and(|c| matches!(c, '、' | '．' | '.'))
        && s.chars().nth(d + 1).is_some_and(is_han)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn byline(s: &str) -> (String, Vec<String>, Option<String>) {
        let b = parse_byline(s).unwrap_or_else(|| panic!("not a byline: {s}"));
        (b.text, b.authors, b.credit)
    }

    #[test]
    fn bylines_with_ornaments_roles_and_credits() {
        assert_eq!(byline("▢ 全媒体记者 王婷"), ("全媒体记者 王婷".into(), vec!["王婷".into()], None));
        assert_eq!(
            byline(" ▢ 全媒体记者 张云飞 文/摄"),
            ("全媒体记者 张云飞".into(), vec!["张云飞".into()], Some("文/摄".into()))
        );
        assert_eq!(
            byline("本报记者 张三 通讯员 李四"),
            ("本报记者 张三 通讯员 李四".into(), vec!["张三".into(), "李四".into()], None)
        );
        assert_eq!(
            byline("记者 欧阳明月、王五"),
            ("记者 欧阳明月、王五".into(), vec!["欧阳明月".into(), "王五".into()], None)
        );
        assert_eq!(
            byline("■记者张三通讯员李四"),
            ("记者张三通讯员李四".into(), vec!["张三".into(), "李四".into()], None)
        );
        assert_eq!(byline("实习生 赵六"), ("实习生 赵六".into(), vec!["赵六".into()], None));
        assert_eq!(byline("张三 摄"), ("张三".into(), vec!["张三".into()], Some("摄".into())));
        assert_eq!(byline("摄影 买买提·艾力"), ("摄影 买买提·艾力".into(), vec!["买买提·艾力".into()], None));
        assert_eq!(byline("本报评论员"), ("本报评论员".into(), vec![], None));
        let b = parse_byline("（记者 张三）").unwrap();

        assert!(b.bracketed);
        assert_eq!(b.authors, vec!["张三".to_string()]);
    }

    #[test]
    fn prose_and_headlines_are_not_bylines() {
        for s in [
            "记者从市人力社保局获悉，下周起",
            "记者见面会今日举行",
            "张三丰",
            "学思想 强调研 保安全",
            "市委书记王健主持会议并讲话。",
            "文明城市创建",
            "图书馆 开放",
        ] {
            assert_eq!(parse_byline(s), None, "{s}");
        }
    }

    #[test]
    fn datelines_of_many_papers() {
        let cut = |s: &str| match_dateline(s).map(|d| s[..d.len].to_string());
        assert_eq!(cut("本报讯 昨日，市委"), Some("本报讯".into()));
        assert_eq!(cut("本报讯昨日，市委"), Some("本报讯".into()));
        assert_eq!(cut("本报讯（记者 张三）昨日"), Some("本报讯（记者 张三）".into()));
        assert_eq!(cut("本报讯 (通讯员 李四) 昨日"), Some("本报讯 (通讯员 李四)".into()));
        assert_eq!(cut("本报杭州5月26日电 记者"), Some("本报杭州5月26日电".into()));
        assert_eq!(cut("新华社北京5月26日电（记者 张三）国务院"), Some("新华社北京5月26日电（记者 张三）".into()));
        assert_eq!(cut("某某网5月26日讯(通讯员 张三)近日"), Some("某某网5月26日讯(通讯员 张三)".into()));
        assert_eq!(cut("央视网消息 据"), Some("央视网消息".into()));
        assert_eq!(cut("新华社北京电 国家"), Some("新华社北京电".into()));
        assert_eq!(match_dateline("本报讯（记者 张三）昨日").unwrap().authors, vec!["张三".to_string()]);
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for s in ["合作社用电量增长", "报社电话", "本期活动以", "网上讯息", "新华社记者张三报道"]
        {
            assert_eq!(match_dateline(s), None, "{s}");
        }
    }

    #[test]
    fn furniture_lines() {
        for s in [
            "责任编辑：张三 美编：李四",
            "2023年5月27日 星期六",
            "第02版",
            "A2 要闻",
            "要闻 A2",
            "- 3 -",
            "义乌商报",
            "校对 王五",
            "国内统一连续出版物号 CN33-0001",
            "国内新闻",
            "体育",
            "www.example.cn",
        ] {
            assert!(is_furniture(s), "{s}");
        }
        for s in [
            "学思想 强调研 保安全",
            "年报发布",
            "5月26日下午，我市举行",
            "公司2023年报",
            "3个安全生产专项监督检查组",
            "聚焦民生",
            "简讯",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }

    #[test]
    fn captions_and_enumerators() {
        assert!(starts_caption("图为活动现场。"));
        assert!(starts_caption("▲ 志愿者在清扫"));
        assert!(!starts_caption("图书馆开放时间"));
        assert!(starts_enumerator("一、坚持党建引领"));
        assert!(starts_enumerator("（二）强化保障"));
        assert!(starts_enumerator("3.加强监管"));
        assert!(!starts_enumerator("2023年第三期"));
        assert!(!starts_enumerator("一批城镇"));
    }
}

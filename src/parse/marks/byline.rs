//! Bylines: who wrote or photographed an article (`▢ 全媒体记者 李四 文/摄`,
//! `（记者 张三）`), and the ornament glyphs that decorate them.

use crate::text::{FirstChars, is_han};

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
    "摄影报道",
    "文/图",
    "文/摄",
    "图/文",
    "摄/文",
    "文图",
    "图文",
    "摄影",
    "报道",
    "整理",
    "采写",
    "供图",
    "摄",
    "图",
    "文",
    "绘",
];

/// Editors named with the reporters (`（见习记者 张三 编辑 李四）`): they
/// did not write the article, so they are not among its authors.
const EDITORS: &[&str] = &["责任编辑", "编辑", "责编", "校对", "审核", "编审"];

/// The text after an editor's title that opens `s`, if one does.
fn strip_editor(s: &str) -> Option<&str> {
    EDITORS.iter().find_map(|e| s.strip_prefix(e)).filter(|r| r.starts_with([' ', '：', ':']))
}

/// Labels before a colon that name who did what in an interview or a
/// briefing (`采访人：本报记者 张三 解读人：某某局负责人`): what follows a
/// label is a role and names, or a description of someone unnamed.
const LABELS: &[&str] =
    &["采访人", "受访人", "解读人", "主持人", "访谈人", "口述人", "整理人", "点评人", "执笔", "撰文"];

/// The longest description after a label (`某某办负责人`).
const MAX_DESCRIPTION_CHARS: usize = 24;

/// A byline: who wrote or photographed an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    /// The line without its ornament glyph and without the trailing credit.
    pub text: String,
    /// The people named.
    pub authors: Vec<String>,
    /// A trailing credit such as `文/摄` or `摄`.
    pub credit: Option<String>,
    /// Closes the article above it: printed in brackets, as at the end of
    /// an article (`（记者 张三）`), or a name alone under the text.
    pub closes: bool,
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

/// Strips the job title that opens `s`: one of [`ROLES`], or a reporter
/// posted or sent abroad (`本报驻印度记者`, `本报赴希腊特派记者`,
/// `驻联合国记者`), whose place varies.
fn strip_role(s: &str) -> Option<&str> {
    if let Some((_, rest)) = strip_prefix_any(s, ROLES) {
        return Some(rest);
    }
    if let Some(rest) = strip_outlet(s) {
        return strip_prefix_any(rest, ROLES).map(|(_, r)| r).or_else(|| strip_posting(rest));
    }
    strip_posting(s)
}

/// Strips the role that opens a byline: any role, or one that names the
/// reporter's place or an outlet first (`某县·本报通讯员`, `今日某地记者`),
/// which only the first role of a byline does.
fn strip_opening_role(s: &str) -> Option<&str> {
    strip_role(s).or_else(|| strip_placed_role(s)).or_else(|| strip_named_outlet(s))
}

/// The longest place before a middle dot that a local correspondent's
/// role carries (`某县·本报通讯员`).
const MAX_PLACE_CHARS: usize = 4;

/// A role that names the correspondent's place first, with a middle dot
/// (`某县·本报通讯员`).
fn strip_placed_role(s: &str) -> Option<&str> {
    let (at, _) = s.char_indices().take(MAX_PLACE_CHARS + 1).find(|&(_, c)| c == '·')?;
    let (place, rest) = (&s[..at], &s[at + '·'.len_utf8()..]);
    if at == 0 || !place.chars().all(is_han) {
        return None;
    }
    strip_prefix_any(rest, ROLES).map(|(_, r)| r)
}

/// A reporter of an outlet whose name says nothing of what it is (a paper
/// called `今日某地`): a few Han characters, `记者`, then a space before the
/// names.
fn strip_named_outlet(s: &str) -> Option<&str> {
    let head_end = s.char_indices().nth(MAX_OUTLET_CHARS).map_or(s.len(), |(i, _)| i);
    let at = s[..head_end].find("记者")?;
    let outlet = &s[..at];
    let rest = &s[at + "记者".len()..];
    ((2..=6).contains(&outlet.chars().count()) && outlet.chars().all(is_han) && rest.starts_with(' ')).then_some(rest)
}

/// Strips a role that a line break cut in two, joined again with a space
/// (`通` / `讯员` → `通 讯员`).
fn strip_split_role(s: &str) -> Option<&str> {
    let space = s.find(' ')?;
    let (head, tail) = (&s[..space], &s[space + 1..]);
    if head.is_empty() || head.chars().count() > 4 {
        return None;
    }
    ROLES.iter().find_map(|role| {
        let rest_of_role = role.strip_prefix(head).filter(|r| !r.is_empty())?;
        tail.strip_prefix(rest_of_role)
    })
}

/// Strips a label and its colon (`采访人：`).
fn strip_label(s: &str) -> Option<&str> {
    LABELS.iter().find_map(|l| s.strip_prefix(l)).and_then(|r| r.strip_prefix(['：', ':']))
}

/// Does the line open with a job title (`本报驻开罗记者`, `通讯员`)?
pub fn opens_with_role(line: &str) -> bool {
    let s = line.trim_start_matches(|c: char| is_ornament(c) || c.is_whitespace());
    strip_opening_role(s).is_some() || strip_label(s).is_some()
}

/// The most characters an outlet's name (`某某日报`, `某某网`) has before
/// the role it employs.
const MAX_OUTLET_CHARS: usize = 8;

/// Strips the name of a paper, agency, station or site that opens a role
/// (`某某商报记者`, `某某电视台记者`): a few Han characters ending in the
/// word for what the outlet is.
fn strip_outlet(s: &str) -> Option<&str> {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        if !is_han(c) || chars >= MAX_OUTLET_CHARS {
            return None;
        }
        chars += 1;
        if chars >= 2 && matches!(c, '报' | '社' | '台' | '网' | '刊') {
            let rest = &s[i + c.len_utf8()..];
            if rest.starts_with(['记', '通', '驻', '赴', '见', '实', '特', '首', '摄']) {
                return Some(rest);
            }
        }
    }
    None
}

/// A reporter posted or sent somewhere (`本报驻印度记者`, `赴希腊特派记者`).
fn strip_posting(s: &str) -> Option<&str> {
    let t = ["本报", "新华社", "中新社"].iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s);
    let t = t.strip_prefix(['驻', '赴'])?;
    let at = t.find("记者")?;
    let place = t[..at].strip_suffix("特派").unwrap_or(&t[..at]);
    let places = place.chars().count();
    ((1..=MAX_POST_CHARS).contains(&places) && place.chars().all(is_han)).then(|| &t[at + "记者".len()..])
}

/// The longest place a posted reporter's title names (`委内瑞拉`, `联合国`).
const MAX_POST_CHARS: usize = 8;

/// A byline that names a team, not people (`某某报道组`).
fn is_team(s: &str) -> bool {
    s.strip_suffix("报道组").is_some_and(|place| {
        let n = place.chars().count();
        (1..=MAX_POST_CHARS).contains(&n) && place.chars().all(is_han)
    })
}

/// Can a [`ROLES`] or [`CREDITS`] word start with this character? Skips
/// most positions at once.
fn starts_role_or_credit(c: char) -> bool {
    const FIRST: FirstChars = FirstChars::of(&[ROLES, CREDITS, LABELS]);
    FIRST.contains(c)
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
        let role_next =
            strip_role(trimmed).is_some() || strip_split_role(trimmed).is_some() || strip_label(trimmed).is_some();
        if ((role_next || strip_editor(trimmed).is_some()) && !names.is_empty())
            || CREDITS.contains(&trimmed.trim_end())
        {
            return (names, s);
        }
        let mut end = 0;
        for (i, c) in trimmed.char_indices() {
            if !is_name_char(c) || (end > 0 && strip_role(&trimmed[i..]).is_some()) {
                break;
            }
            end = i + c.len_utf8();
        }
        if end == 0 {
            return (names, s);
        }
        // A name that a line break split (`戴` / `佳瑞`, joined with a space
        // inside brackets): one character, a space, and the rest.
        if trimmed[..end].chars().count() == 1
            && trimmed.chars().next().is_some_and(crate::text::names::is_surname)
            && let Some(rest) = trimmed[end..].strip_prefix(' ')
        {
            let more: usize = rest.chars().take_while(|&c| is_name_char(c)).map(char::len_utf8).sum();
            let more_chars = rest[..more].chars().count();
            if (1..=3).contains(&more_chars) && strip_role(rest).is_none() {
                names.push(format!("{}{}", &trimmed[..end], &rest[..more]));
                s = &rest[more..];
                continue;
            }
        }
        let name = &trimmed[..end];
        if name.starts_with(['本', '驻', '赴']) || name.contains("记者") {
            // The start of another role, cut by a line end (`本报驻联` /
            // `合国记者`): not a name.
            return (names, s);
        }
        let han = name.chars().filter(|&c| is_han(c)).count();
        // A Chinese name is two to four characters; transliterated ones
        // are joined with a middle dot.
        let transliterated = name.contains(['·', '•', '・', '．']) && han <= 12;
        if !((2..=4).contains(&han) || transliterated) {
            // Names printed without spaces between them (`严龙胡宁军 摄`).
            if let Some(run) = crate::text::names::split_names(name) {
                names.extend(run.into_iter().map(str::to_string));
                s = &trimmed[end..];
                continue;
            }
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
    let mut ornament = false;
    if let Some(c) = s.chars().next().filter(|&c| is_ornament(c)) {
        s = s[c.len_utf8()..].trim_start();
        ornament = true;
    }
    // An ornament before names alone (`▢ 张三`): the page marks its byline.
    if ornament && !s.is_empty() && s.split(' ').all(crate::text::names::name_shaped) {
        let authors = s.split(' ').map(str::to_string).collect();
        return Some(Byline { text: s.to_string(), authors, credit: None, closes: false });
    }
    // A byline opens with a role or a bracket, or ends with a credit.
    let opens = s.chars().next().is_some_and(|c| starts_role_or_credit(c) || matches!(c, '（' | '(' | '驻' | '赴'))
        // An outlet's or a place's reporter (`某某日报记者 张三`,
        // `某县·本报通讯员 李四`): names after a space.
        || (s.as_bytes().contains(&b' ') && strip_opening_role(s).is_some());
    let credit_last = s.contains(' ') && CREDITS.iter().any(|c| s.ends_with(c));
    if !(opens || credit_last || is_team(s)) {
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
        let mut t = rest.trim_start_matches([' ', '、', '，', ',']);
        if CREDITS.contains(&t) {
            break;
        }
        if let Some(after) = strip_label(t) {
            if strip_role(after).is_some() {
                t = after;
            } else {
                // Someone described, not named (`某某局负责人`).
                let end = after.find(' ').unwrap_or(after.len());
                let description = &after[..end];
                let n = description.chars().count();
                if !(2..=MAX_DESCRIPTION_CHARS).contains(&n) || !description.chars().all(is_name_char) {
                    break;
                }
                if crate::text::names::name_shaped(description) {
                    authors.push(description.to_string());
                }
                roles += 1;
                rest = &after[end..];
                continue;
            }
        }
        if roles > 0
            && let Some(after) = strip_editor(t)
        {
            let (names, after_names) = read_names(after);
            if names.is_empty() {
                break;
            }
            rest = after_names;
            continue;
        }
        let opening = if roles == 0 { strip_opening_role(t) } else { strip_role(t) };
        let Some(after) = opening.or_else(|| strip_split_role(t)) else {
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
    // Each name with what that person did (`记者 张三 摄 李四 文`).
    let mut credits_between = false;
    if roles > 0 {
        loop {
            let t = rest.trim_start();
            let Some(c) = CREDITS.iter().find(|c| t.strip_prefix(**c).is_some_and(|r| r.starts_with(' '))) else {
                break;
            };
            let (names, after) = read_names(&t[c.len()..]);
            if names.is_empty() {
                break;
            }
            authors.extend(names);
            rest = after;
            credits_between = true;
        }
    }
    if roles == 0 && (COLLECTIVE.contains(&inner) || is_team(inner)) {
        return Some(Byline { text: s.to_string(), authors: Vec::new(), credit: None, closes: bracketed });
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
    let text = if bracketed || credits_between {
        s.to_string()
    } else {
        let body = match &credit {
            Some(c) => s[..s.len() - c.len()].trim_end(),
            None => s,
        };
        body.to_string()
    };
    Some(Byline { text, authors, credit: if bracketed || credits_between { None } else { credit }, closes: bracketed })
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
        assert_eq!(byline("▢ 张三 李四"), ("张三 李四".into(), vec!["张三".into(), "李四".into()], None));
        let b = parse_byline("（记者 张三）").unwrap();

        assert!(b.closes);
        assert_eq!(b.authors, vec!["张三".to_string()]);
    }

    #[test]
    fn editors_named_with_the_reporters_are_not_authors() {
        let b = parse_byline("（见习记者 张三 编辑 李四）").unwrap();
        assert_eq!(b.authors, ["张三"]);
        assert_eq!(parse_byline("记者 王五 赵六 责编：孙七").unwrap().authors, ["王五", "赵六"]);
    }

    #[test]
    fn credits_labels_and_places_around_the_names() {
        assert_eq!(
            byline("通讯员张小明 记者王大伟 摄影报道"),
            ("通讯员张小明 记者王大伟".into(), vec!["张小明".into(), "王大伟".into()], Some("摄影报道".into()))
        );
        assert_eq!(
            byline("记者 李明 摄 王刚 文"),
            ("记者 李明 摄 王刚 文".into(), vec!["李明".into(), "王刚".into()], None)
        );
        assert_eq!(
            byline("周平陈小兵 摄"),
            ("周平陈小兵".into(), vec!["周平".into(), "陈小兵".into()], Some("摄".into()))
        );
        assert_eq!(
            byline("某县·本报通讯员 张一 李二"),
            ("某县·本报通讯员 张一 李二".into(), vec!["张一".into(), "李二".into()], None)
        );
        assert_eq!(byline("今日某地记者 王五"), ("今日某地记者 王五".into(), vec!["王五".into()], None));
        let (_, authors, _) = byline("采访人：本报记者 赵六 解读人：市交通局负责人");
        assert_eq!(authors, vec!["赵六".to_string()]);
        // A role that a line break cut in two.
        assert_eq!(
            parse_byline("（记者 王五 通讯 员 赵六）").unwrap().authors,
            vec!["王五".to_string(), "赵六".to_string()]
        );
    }

    #[test]
    fn a_name_split_by_a_line_break_is_one_name() {
        let b = parse_byline("（记者 王五 实习生赵 小六）").unwrap();
        assert_eq!(b.authors, vec!["王五".to_string(), "赵小六".to_string()]);
    }

    #[test]
    fn reporters_posted_abroad_and_teams() {
        assert_eq!(byline("本报驻开罗记者 王五"), ("本报驻开罗记者 王五".into(), vec!["王五".into()], None));
        assert_eq!(byline("本报赴某国特派记者 赵六"), ("本报赴某国特派记者 赵六".into(), vec!["赵六".into()], None));
        assert_eq!(
            byline("本报驻东京记者 张三 驻联合国记者 李四"),
            ("本报驻东京记者 张三 驻联合国记者 李四".into(), vec!["张三".into(), "李四".into()], None)
        );
        assert_eq!(byline("城南报道组"), ("城南报道组".into(), vec![], None));
        assert_eq!(byline("某某晚报记者 钱七"), ("某某晚报记者 钱七".into(), vec!["钱七".into()], None));
        assert_eq!(parse_byline("（江城电视台记者 孙八）").unwrap().authors, vec!["孙八".to_string()]);
        // The start of the next role, cut off by a line end, is no name.
        assert!(parse_byline("本报驻开罗记者 王五 本报驻联").is_none());
        assert!(parse_byline("驻地部队官兵记者会").is_none());
    }

    #[test]
    fn prose_and_headlines_are_not_bylines() {
        for s in [
            "记者从市人力社保局获悉，下周起",
            "记者见面会今日举行",
            "张三丰",
            "抓早抓小 抓细抓实",
            "区长张三主持会议并讲话。",
            "文明城市创建",
            "图书馆 开放",
            "电视台记者节活动举行",
        ] {
            assert_eq!(parse_byline(s), None, "{s}");
        }
    }
}

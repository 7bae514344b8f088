//! Page furniture: the paper's name, the date and weekday, the page number
//! and section, the editors' credits.

use super::dateline::date_len;
use crate::text::{FirstChars, is_han};

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
    "本版编辑",
    "版面编辑",
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
#[cfg(all(test, not(target_arch = "wasm32")))]
fn is_furniture(line: &str) -> bool {
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
    /// A middle dot (`·`, `・`, `•`), as between a section and its subsection.
    middle_dot: bool,
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
            middle_dot: false,
            furniture_word_at: None,
        };
        for (i, c) in s.char_indices() {
            f.chars += 1;
            f.width += crate::text::char_width(c);
            match c {
                '。' => f.period = true,
                '，' => f.comma = true,
                '0'..='9' => f.digit = true,
                '·' | '・' | '•' => f.middle_dot = true,
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
    let LineFacts { chars, period, comma, digit, all_han, middle_dot, furniture_word_at: word_at, .. } = *facts;
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
    if is_staff_credit(s) || super::is_photo_source(s) {
        return true;
    }
    if chars <= 10 && all_han && PAPER_SUFFIXES.iter().any(|p| s.ends_with(p)) {
        return true;
    }
    if chars <= 4 && (s.starts_with("星期") || s.starts_with("周")) && contains_weekday(s) {
        return true;
    }
    if is_mail_line(s) {
        return true;
    }
    if (all_han || middle_dot) && is_section_name(s) {
        return true;
    }
    if !digit && !s.is_ascii() {
        return s.ends_with('版') && s.split(' ').any(is_page_number);
    }
    if s.split(' ').any(|t| is_page_number(t) || is_edition(t)) && s.split(' ').all(|t| t.chars().count() <= 12) {
        return true;
    }
    if has_full_date(s) && (s.contains("星期") || s.contains("农历") || contains_weekday(s) || starts_with_date(s))
    {
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
    const FIRST: FirstChars = FirstChars::of(&[FURNITURE_WORDS]);
    FIRST.contains(c)
}

/// A section name set at the top of a page: `要闻`, `体育`, `国内新闻`.
fn is_section_name(s: &str) -> bool {
    const SECTIONS: &[&str] = &[
        "要闻",
        "新闻",
        "综合",
        "时评",
        "评论",
        "副刊",
        "专刊",
        "专版",
        "视点",
        "观察",
        "财经",
        "体育",
        "国际",
        "国内",
        "民生",
        "社会",
        "文化",
        "经济",
        "健康",
        "教育",
        "法治",
        "科技",
        "旅游",
        "城事",
        "县域",
        "乡村",
        "文体",
        "理论",
        "时事",
        "聚焦",
        "热点",
        "深度",
        "特稿",
        "环球",
        "军事",
        "三农",
        "生活",
        "消费",
        "读书",
        "娱乐",
        "公益",
        "港澳台",
    ];
    const KINDS: &[&str] = &[
        "新闻", "要闻", "评论", "时评", "副刊", "专刊", "特刊", "周刊", "专版", "视点", "观察", "视野", "视线", "速递",
        "快讯", "广角",
    ];
    SECTIONS.contains(&s) || (s.chars().count() == 4 && KINDS.iter().any(|k| s.ends_with(k))) || is_section_pair(s)
}

/// A section and its subsection joined by a middle dot (`城区·交通`,
/// `城市·科技`), as page heads print them: two short runs of characters.
fn is_section_pair(s: &str) -> bool {
    let mut parts = s.split(['·', '・', '•']);
    let short = |p: Option<&str>| p.is_some_and(|p| (2..=4).contains(&p.chars().count()) && p.chars().all(is_han));
    short(parts.next()) && short(parts.next()) && parts.next().is_none()
}

/// An e-mail address, alone or after its label (`本版邮箱：a@b.cn`).
fn is_mail_line(s: &str) -> bool {
    // Most lines have no `@` to find: they leave before being split.
    if !s.as_bytes().contains(&b'@') {
        return false;
    }
    let address = s.rsplit([' ', '：', ':']).next().unwrap_or(s);
    let Some((user, host)) = address.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && address.is_ascii()
        && !address.contains(char::is_whitespace)
        && s.chars().count() <= 48
        && s[..s.len() - address.len()].chars().all(|c| !matches!(c, '，' | '。' | ','))
}

/// A telephone number alone after its label (`联系电话：0571-1234567`,
/// `服务热线 96345`). Set apart in a column it is a contact box or an
/// advertisement's line, not a sentence of the story around it; wrapped
/// inside a sentence (`……可以拨打` / `咨询电话：0571-1234567` / `或登录`)
/// it is the story's, so the line's place decides (see `parse::lines`).
pub fn is_phone_line(s: &str) -> bool {
    const LABEL_ENDS: &[&str] = &["电话", "热线", "专线", "传真", "手机"];
    let Some(at) = s.find(['：', ':', ' ']) else {
        return false;
    };
    let (label, number) = (s[..at].trim(), s[at..].trim_start_matches(['：', ':', ' ']));
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (2..=8).contains(&label.chars().count())
        && label.chars().all(is_han)
        && LABEL_ENDS.iter().any(|e| label.ends_with(e))
        && digits >= 5
        && number.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '-' | '－' | '—' | '(' | ')' | '（' | '）' | ' ' | '、' | '/' | '转')
        })
}

/// A credit for the page's staff rather than an article's: a role that
/// takes a colon (`编辑：`, `制图：`, `插图：`) and a few short names, as a
/// page sets them in a corner or under a chart.
fn is_staff_credit(s: &str) -> bool {
    const ROLES: &[&str] = &["编辑", "制版", "制图", "插图", "绘图", "图表", "漫画", "设计", "统筹", "策划"];
    // Every role is two characters: most lines leave at the third.
    if !s.chars().nth(2).is_some_and(|c| matches!(c, '：' | ':' | ' ')) {
        return false;
    }
    let Some(rest) = ROLES.iter().find_map(|r| s.strip_prefix(r)) else {
        return false;
    };
    let Some(names) = rest.strip_prefix(['：', ':', ' ']) else {
        return false;
    };
    let names = names.trim();
    !names.is_empty()
        && names.chars().count() <= 16
        && names.split([' ', '　', '、']).all(|n| n.chars().count() <= 4 && n.chars().all(is_han))
}

/// A line that opens with a date (`2023年5月27日`) and says little more, the
/// way a page head prints it; a date inside a sentence does not make a line
/// furniture.
fn starts_with_date(s: &str) -> bool {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let n = date_len(&chars);
    n >= 6 && chars.len() <= n + 6 && chars[n..].iter().all(|&c| is_han(c) || c.is_ascii_alphanumeric())
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
    let inner =
        inner.strip_suffix(['版', '页']).map(|x| (x.trim_start_matches(|c: char| c.is_ascii_uppercase()), true));
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for s in [
            "责任编辑：张三 美编：李四",
            "2023年5月27日 星期六",
            "第02版",
            "A2 要闻",
            "要闻 A2",
            "- 3 -",
            "某某商报",
            "校对 王五",
            "国内统一连续出版物号 CN33-0001",
            "国内新闻",
            "节日特刊",
            "体育",
            "www.example.cn",
            "B15版",
            "城区·交通",
            "本版邮箱：news@example.cn",
            "本版编辑：张三",
            "制图：赵六",
            "编辑：钱七 孙八",
            "2023年5月27日",
            "城市快讯",
            "健康视野",
        ] {
            assert!(is_furniture(s), "{s}");
        }
        for s in [
            "抓早抓小 抓细抓实",
            "年报发布",
            "5月26日下午，我市举行",
            "公司2023年报",
            "3个安全生产专项监督检查组",
            "聚焦民生",
            "简讯",
            "请发送邮件至 a@example.cn，我们将回复",
            "中国·东盟博览会开幕",
            "《办法》），自2023年6月1日",
            "设计：以人为本，因地制宜",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }

    #[test]
    fn telephone_lines() {
        for s in ["联系电话：0571-1234567", "服务热线 96345", "咨询电话：(0579)8512345、8512346"] {
            assert!(is_phone_line(s), "{s}");
        }
        for s in ["电话：记者昨天打了3次", "拨打热线：12345后，市民可以", "咨询电话：0571-1234567，欢迎来电", "12345"]
        {
            assert!(!is_phone_line(s), "{s}");
        }
    }
}

//! Datelines: the agency, place and date that open a news story
//! (`本报讯`, `新华社北京5月26日电（记者 张三）`).

use super::byline::parse_byline;
use crate::text::is_han;

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
pub(super) fn date_len(s: &[char]) -> usize {
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
    // `某某网讯` needs no date or gap: the agency's name runs straight into
    // the marker, which prose does not do.
    let web_notice = place == 0 && date == 0 && agency >= 3 && head[i] == '讯' && head[agency - 1] == '网';
    if !(own_paper || date > 0 || separated || web_notice) || place > 6 && date == 0 {
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
    // `某某网10月9日消息：` leads into the text with a colon.
    if let Some(colon) = text[len..].chars().next().filter(|c| matches!(c, '：' | ':')) {
        len += colon.len_utf8();
    }
    Some(Dateline { len, authors })
}

/// Could the line be the start of a dateline that goes on in the next
/// line: does it open with an agency's or paper's name?
pub fn could_open_dateline(line: &str) -> bool {
    let head: Vec<char> = line.chars().take(12).collect();
    agency_len(&head).is_some()
}

/// Does the line start a paragraph with a dateline?
pub fn starts_with_dateline(line: &str) -> bool {
    match_dateline(line).is_some()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

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
        assert_eq!(cut("某某网讯近日，市里"), Some("某某网讯".into()));
        assert_eq!(cut("新华社北京电 国家"), Some("新华社北京电".into()));
        assert_eq!(cut("某某新闻网10月9日消息:近日"), Some("某某新闻网10月9日消息:".into()));
        assert_eq!(
            cut("新华社某市５月３日电（记者张三、李四）３日"),
            Some("新华社某市５月３日电（记者张三、李四）".into())
        );
        assert_eq!(match_dateline("本报讯（记者 张三）昨日").unwrap().authors, vec!["张三".to_string()]);
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for s in ["合作社用电量增长", "报社电话", "本期活动以", "网上讯息", "上网讯息多", "新华社记者张三报道"]
        {
            assert_eq!(match_dateline(s), None, "{s}");
        }
    }
}

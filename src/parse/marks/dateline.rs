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

/// How many characters a story's opening "when" may take before its comma.
const MAX_TIME_CHARS: usize = 8;

/// Figures, in digits or in Chinese.
const NUMERALS: &str = "0123456789０１２３４５６７８９〇零一二三四五六七八九十百两";
/// The characters of words of time, figures aside.
const TIME_WORDS: &str = "年月日号时点分周星期上下中午晚凌晨早清傍夜间今昨前近这几天此当初底以来去明本每半末";
/// Characters a word of time opens with (`昨天`, `近日`, `这几天`, `当天`,
/// `今年以来`, `上周`, `去年`, `每天`, `此前`): not the second half of
/// one a column break cut (`日晚`, `期间`, `年以来`).
const TIME_OPENERS: &str = "昨今近这当本上下去明每此前";

/// Does the text open a sentence with when it happened, in words of time
/// and then a comma (`昨天，`, `近日，`, `这几天，`, `今年以来，`)? Many news
/// stories, and many of their paragraphs, start so. A date in figures
/// (`13日，`) may be the end of one a column break cut in two, and is not
/// counted; nor is a word of time that does not open one (`日晚，`).
pub fn opens_with_time(text: &str) -> bool {
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    let opens = chars.next().is_some_and(|c| TIME_OPENERS.contains(c)) || text.trim_start().starts_with("日前");
    if !opens {
        return false;
    }
    const ANCHORS: &str = "年月日号天时点午晚晨夜周期";
    let (mut before, mut anchored) = (0, false);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if matches!(c, '，' | ',') {
            return before >= 2 && anchored;
        }
        if before == MAX_TIME_CHARS || !(NUMERALS.contains(c) || TIME_WORDS.contains(c)) {
            return false;
        }
        anchored |= ANCHORS.contains(c);
        before += 1;
    }
    false
}

/// Can words of time go on from this character, across a column break
/// (`…3月6` / `日晚`, `…今年` / `以来`)?
pub fn runs_on_into_time(c: char) -> bool {
    c.is_numeric() || NUMERALS.contains(c) || TIME_WORDS.contains(c)
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
    fn sentences_that_open_with_when_it_happened() {
        for opens in ["昨天，市里召开会议", "近日，一场演出", "这几天, 每天下午", "今年以来，全市", "当天晚上，"]
        {
            assert!(opens_with_time(opens), "{opens}");
        }
        // A date may be the end of one a column break cut; a subject, a
        // place or a long clause before the comma is no time.
        for not in ["13日，会议召开", "3月6日晚，", "市民们，", "在城东大桥的施工现场，", "此前，", "今天"]
        {
            assert!(!opens_with_time(not), "{not}");
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

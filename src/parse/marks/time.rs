//! Words of time that open a sentence (`昨天，`, `近日，`): many stories,
//! and many of their paragraphs, start so, and a column break may cut them
//! in two (`…3月6` / `日晚，`).

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
}

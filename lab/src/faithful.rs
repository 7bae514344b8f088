//! The faithfulness oracle, shared by `tests/faithful.rs` and the
//! `parse_page` fuzz target: the parser changes whitespace only, so the
//! non-whitespace characters of the input and of the output (every field
//! of every article, and the leftovers) are the same multiset — except the
//! ornament glyph that leads a byline line (`▢ 全媒体记者 孙悦`), which
//! may go. Fields are never empty or padded.

use std::collections::HashMap;

use baozhi::Page;
use baozhi::parse::is_ornament;

/// Every text the page holds, field by field: each article's kicker,
/// title, subtitle, byline, credit, dateline and paragraphs, then the
/// leftovers. (`authors` repeats names from the byline and dateline, so it
/// is not among them.)
pub fn output_texts(page: &Page) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for a in &page.articles {
        for f in [&a.kicker, &a.title, &a.subtitle, &a.byline, &a.credit, &a.dateline].into_iter().flatten() {
            v.push(f);
        }
        v.extend(a.paragraphs.iter().map(String::as_str));
    }
    v.extend(page.leftovers.iter().map(String::as_str));
    v
}

/// What is unfaithful in `page` as the parse of `input`, or `None`: each
/// character lost or invented (with its count), and each empty or padded
/// field.
pub fn unfaithfulness(input: &str, page: &Page) -> Option<String> {
    let mut balance = census([input]);
    for (c, n) in census(output_texts(page)) {
        *balance.entry(c).or_insert(0) -= n;
    }
    let may_go = byline_ornaments(input, page);
    let mut wrong: Vec<String> = balance
        .into_iter()
        .filter_map(|(c, n)| {
            let forgiven = may_go.get(&c).copied().unwrap_or(0);
            if n < 0 {
                Some(format!("{c:?} invented {}", -n))
            } else if n > forgiven {
                Some(format!("{c:?} lost {}", n - forgiven))
            } else {
                None
            }
        })
        .collect();
    wrong.sort();
    for t in output_texts(page) {
        if t.is_empty() || t.trim() != t {
            wrong.push(format!("empty or padded field {t:?}"));
        }
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

/// Counts of the non-whitespace characters of some texts.
fn census<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<char, i64> {
    let mut m = HashMap::new();
    for t in texts {
        for c in t.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The ornaments that may go, by glyph: one for each input line that opens
/// (after whitespace) with an ornament and whose rest is in the output as
/// a byline — all of a leftover, or a piece of an article's byline
/// followed by a piece of its credit (an article joins its bylines and
/// credits with spaces).
fn byline_ornaments(input: &str, page: &Page) -> HashMap<char, i64> {
    let bylines: Vec<(String, String)> = page
        .articles
        .iter()
        .filter_map(|a| a.byline.as_deref().map(|b| (squeeze(b), squeeze(a.credit.as_deref().unwrap_or("")))))
        .collect();
    let leftovers: Vec<String> = page.leftovers.iter().map(|l| squeeze(l)).collect();
    let is_byline = |rest: &str| {
        leftovers.iter().any(|l| l == rest)
            || bylines.iter().any(|(byline, credit)| {
                rest.len() <= byline.len() + credit.len()
                    && rest.char_indices().skip(1).map(|(i, _)| i).chain([rest.len()]).any(|i| {
                        let (b, c) = rest.split_at(i);
                        byline.contains(b) && (c.is_empty() || credit.contains(c))
                    })
            })
    };
    let mut may_go = HashMap::new();
    let line_ends = ['\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}'];
    for line in input.split(line_ends) {
        let line = line.trim();
        let Some(c) = line.chars().next().filter(|&c| is_ornament(c)) else {
            continue;
        };
        let rest = squeeze(&line[c.len_utf8()..]);
        if !rest.is_empty() && is_byline(&rest) {
            *may_go.entry(c).or_insert(0) += 1;
        }
    }
    may_go
}

#[cfg(test)]
mod tests {
    use baozhi::{Article, Page};

    use super::unfaithfulness;

    fn page(byline: Option<&str>, paragraphs: &[&str], leftovers: &[&str]) -> Page {
        Page {
            articles: vec![Article {
                byline: byline.map(String::from),
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Article::default()
            }],
            leftovers: leftovers.iter().map(|l| l.to_string()).collect(),
        }
    }

    #[test]
    fn whitespace_may_change_and_a_byline_ornament_may_go() {
        let input = "▢ 全媒体记者  孙悦\n昨日，  县委\n召开会议。\n";
        assert_eq!(unfaithfulness(input, &page(Some("全媒体记者 孙悦"), &["昨日，县委召开会议。"], &[])), None);
        let leftover = "■ 记者 张三\n昨日。\n";
        assert_eq!(unfaithfulness(leftover, &page(None, &["昨日。"], &["记者 张三"])), None);
    }

    #[test]
    fn a_swapped_character_is_caught_though_the_count_is_the_same() {
        let input = "昨日，市委召开会议。";
        let why = unfaithfulness(input, &page(None, &["昨日，市委召开会义。"], &[])).unwrap();
        assert_eq!(why, "'义' invented 1, '议' lost 1");
    }

    #[test]
    fn an_ornament_that_leads_no_byline_may_not_go() {
        // In the middle of a line, before a byline.
        let input = "昨日▢ 记者 张三\n";
        let why = unfaithfulness(input, &page(Some("记者 张三"), &["昨日"], &[])).unwrap();
        assert_eq!(why, "'▢' lost 1");
        // Opening a line that is not a byline.
        let input = "▢ 昨日，市委召开会议。\n";
        let why = unfaithfulness(input, &page(None, &["昨日，市委召开会议。"], &[])).unwrap();
        assert_eq!(why, "'▢' lost 1");
    }

    #[test]
    fn empty_and_padded_fields_are_caught() {
        let why = unfaithfulness("昨日", &page(None, &["昨日 ", ""], &[])).unwrap();
        assert_eq!(why, "empty or padded field \"昨日 \", empty or padded field \"\"");
    }
}

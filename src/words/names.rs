//! Names: the shape of a Chinese name, and the people a page names, found
//! by general patterns (bylines, lists, titles, verbs of speech).

use serde::Serialize;

use super::{EntityKind, Mode, Segmenter};
use crate::model::Page;
use crate::text::is_han;

use crate::text::names::COMPOUND_SURNAMES;
pub use crate::text::names::{SURNAMES, is_surname, name_shaped};

/// Job titles after which a name follows (`市委书记李明`).
pub const TITLES: &[&str] = &[
    "书记",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "省长",
    "州长",
    "主任",
    "局长",
    "部长",
    "主席",
    "处长",
    "科长",
    "厅长",
    "委员",
    "总经理",
    "董事长",
    "院长",
    "校长",
    "所长",
    "队长",
    "站长",
    "馆长",
    "会长",
    "社长",
    "总裁",
    "教授",
    "老师",
    "医生",
    "记者",
    "通讯员",
    "民警",
    "村民",
    "居民",
    "负责人",
    "经理",
    "厂长",
    "组长",
    "团长",
    "理事长",
    "秘书长",
];

/// Words that follow a person's name (`李明指出`, `李明主持`).
pub const AFTER_NAME: &[&str] = &[
    "指出", "强调", "表示", "介绍", "认为", "要求", "透露", "坦言", "告诉", "说", "称", "主持", "出席", "参加", "关于",
    "调研", "会见", "会谈", "看望", "慰问", "带队", "率队", "一行", "同志", "先生", "女士", "等",
];

/// The people a page names: its authors, the names in lists
/// (`张三、李四、王五作交流发言`), names after a title (`市委书记李明主持`)
/// and names before a verb of speech (`李明指出`). Found by these general
/// patterns, checked against the dictionary so that common words are not
/// taken for names.
pub fn names_in_page(page: &Page, segmenter: &Segmenter) -> Vec<String> {
    find_names(page, segmenter).into_iter().map(|n| n.name).collect()
}

/// Where the page named a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameSource {
    /// A byline or a dateline's credit.
    Byline,
    /// A list of names separated by `、`.
    List,
    /// After a job title or before a verb of speech.
    Context,
}

/// A name the page teaches, and how it was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundName {
    pub name: String,
    pub source: NameSource,
}

/// [`names_in_page`], with where each name was found (its first source).
pub fn find_names(page: &Page, segmenter: &Segmenter) -> Vec<FoundName> {
    let mut names: Vec<FoundName> = Vec::new();
    let push = |n: &str, source: NameSource, names: &mut Vec<FoundName>| {
        if !names.iter().any(|x| x.name == n) {
            names.push(FoundName { name: n.to_string(), source });
        }
    };
    for a in &page.articles {
        for author in &a.authors {
            push(author, NameSource::Byline, &mut names);
        }
    }
    let plausible = |n: &str| {
        // A name never ends in the plural's `们` (`党员们` `表示`).
        if n.ends_with('们') {
            return false;
        }
        name_shaped(n)
            && !addressed(n)
            && !(segmenter.knows(n) && !segmenter.people.contains(n) && !is_dictionary_name(segmenter, n))
    };
    for a in &page.articles {
        for p in &a.paragraphs {
            for clause in p.split(|c: char| !(is_han(c) || c == '、')) {
                if clause.chars().nth(2).is_none() {
                    continue;
                }
                let listed = names_in_list(clause).into_iter().map(|n| (n, NameSource::List));
                let in_context = names_in_context(clause).into_iter().map(|n| (n, NameSource::Context));
                for (n, source) in listed.chain(in_context) {
                    if plausible(&n) {
                        push(&n, source, &mut names);
                    }
                }
            }
        }
    }
    names
}

/// How a name is cut where it stands in a text: the tokens that overlap
/// its first occurrence, joined by `/` (for reports).
pub fn cut_around(segmenter: &Segmenter, text: &str, name: &str, mode: Mode) -> String {
    let Some(at) = text.find(name) else { return String::new() };
    let end = at + name.len();
    segmenter
        .segment(text, mode)
        .iter()
        .filter(|t| t.byte_end as usize > at && (t.byte_start as usize) < end)
        .map(|t| t.text(text))
        .collect::<Vec<_>>()
        .join("/")
}

/// Forms of address and words of kin after a surname: `胡老`, `李家`,
/// `王某`, `李大娘`, `唐外长` name a person by the surname alone.
const ADDRESSES: &[&str] = &[
    "老", "家", "某", "氏", "总", "先生", "女士", "小姐", "大娘", "大爷", "大妈", "大婶", "阿姨", "大姐", "大哥",
    "夫人", "太太", "大夫", "师傅", "姑娘", "婆婆", "老师", "老爷", "外长",
];

/// Is the candidate a surname and a form of address (`胡老`, `李大娘`)?
fn addressed(n: &str) -> bool {
    let rest = n.char_indices().nth(1).map_or("", |(i, _)| &n[i..]);
    ADDRESSES.contains(&rest) || TITLES.contains(&rest)
}

/// Is the word in the dictionary as a person's name?
fn is_dictionary_name(segmenter: &Segmenter, word: &str) -> bool {
    segmenter.lexicon.get(word).is_some_and(|k| k.tag.entity() == Some(EntityKind::Person))
}

/// Names in a list separated by `、`. The inner items are whole names; the
/// first and last may run into the words around them, and are cut to the
/// length the inner items have (or at `等`, `和`, `及`).
fn names_in_list(clause: &str) -> Vec<String> {
    if !clause.contains('、') {
        return Vec::new();
    }
    let items: Vec<&str> = clause.split('、').collect();
    if items.len() < 2 {
        return Vec::new();
    }
    let inner: Vec<&str> = items[1..items.len() - 1].to_vec();
    if inner.iter().any(|i| !name_shaped(i)) {
        return Vec::new();
    }
    let mut lengths: Vec<usize> = inner.iter().map(|i| i.chars().count()).collect();
    lengths.sort_unstable();
    let usual = lengths.get(lengths.len() / 2).copied();
    let mut out: Vec<String> = inner.iter().map(|s| s.to_string()).collect();
    // The first item: the name at its end.
    let first: Vec<char> = items[0].chars().collect();
    let first_name = [usual.unwrap_or(3), 3, 2]
        .into_iter()
        .filter(|&n| n <= first.len())
        .map(|n| first[first.len() - n..].iter().collect::<String>())
        .find(|s| name_shaped(s) && (first.len() == s.chars().count() || usual.is_some()));
    // The last item: the name at its start.
    let last: Vec<char> = items[items.len() - 1].chars().collect();
    let stop = last.iter().position(|c| matches!(c, '等' | '和' | '及' | '与'));
    let last_len = match stop {
        Some(i @ 2..=4) => Some(i),
        _ if last.len() <= 3 => Some(last.len()),
        _ => usual,
    };
    let last_name =
        last_len.filter(|&n| n <= last.len()).map(|n| last[..n].iter().collect::<String>()).filter(|s| name_shaped(s));
    // Two items alone must both be whole names to count as a list of them.
    if inner.is_empty() && (first_name.as_ref().map(|s| s.chars().count()) != Some(first.len()) || last_name.is_none())
    {
        return Vec::new();
    }
    out.extend(first_name);
    out.extend(last_name);
    out
}

/// Names between a title and a following word, or at a clause's start
/// before a verb of speech.
fn names_in_context(clause: &str) -> Vec<String> {
    // Where a name may start: the clause's start, and after every title
    // (found by the titles' last characters, in one pass).
    let mut starts = vec![0];
    for (i, c) in clause.char_indices() {
        if !matches!(c, '记' | '长' | '任' | '席' | '员' | '理' | '授' | '师' | '生' | '警' | '民' | '人' | '者' | '裁')
        {
            continue;
        }
        let end = i + c.len_utf8();
        if TITLES.iter().any(|t| clause[..end].ends_with(t)) {
            starts.push(end);
        }
    }
    let mut out = Vec::new();
    for start in starts {
        let rest = &clause[start..];
        if !(rest.chars().next().is_some_and(is_surname) || COMPOUND_SURNAMES.iter().any(|s| rest.starts_with(s))) {
            continue;
        }
        for len in [3, 2] {
            let Some((end, _)) = rest.char_indices().nth(len) else { continue };
            if AFTER_NAME.iter().any(|w| rest[end..].starts_with(w)) && name_shaped(&rest[..end]) {
                out.push(rest[..end].to_string());
                break;
            }
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_plural_before_a_verb_of_speech_is_no_name() {
        let page = crate::parse_page("本报讯 会上，党员们表示拥护。华人们说，这是好事。李明指出，要办好。\n");
        let names = names_in_page(&page, &Segmenter::embedded());
        assert!(names.iter().all(|n| !n.ends_with('们')), "{names:?}");
        assert!(names.contains(&"李明".to_string()), "{names:?}");
    }
}

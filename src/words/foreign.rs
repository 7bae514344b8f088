//! Foreign names: names written in the characters of transliteration
//! (`布雷维克`, `帕内塔`, `穆巴拉克`), found on a page, told apart as people
//! or places by the words around them, and taught to the segmenter so that
//! it keeps them whole (jieba alone cuts `布雷维克` into `布雷` and `维克`).

use super::{EntityKind, Mode, Segmenter};
use crate::model::Page;
use crate::text::is_han;

/// The characters of transliterated names (after Xinhua's tables of
/// transliteration), less the few that are common in Chinese words
/// around names (`大`, `的`, `和`, `在`…), so that a run of them stops where
/// the name does.
pub const TRANSLITERATION: &str = "阿埃艾爱安昂奥敖巴拔邦鲍贝本比彼毕宾波玻伯勃博卜布查察柴彻茨达戴丹道德登迪蒂狄杜敦多厄恩尔法菲斐费芬丰佛夫弗福富盖甘冈戈哥格根古瓜圭哈海汉豪赫亨霍基吉加贾杰捷居卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利丽莉列林琳卢鲁路伦罗洛马玛迈麦曼芒梅蒙米密摩莫姆穆纳娜奈内尼涅宁纽努诺欧帕潘佩皮珀普齐奇恰乔切钦琼丘萨塞桑瑟森沙莎舍什舒斯苏素索塔泰坦特提图托瓦旺威韦维沃乌伍西希锡谢休雅亚延耶伊因尤约泽扎詹兹顿逊翰默丝娅妮琪黛娃申肖施坚";

/// Is the character one of [`TRANSLITERATION`]?
pub fn is_transliteration(c: char) -> bool {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut bits = vec![0u64; (0x9FFF - 0x4E00) / 64 + 1];
        for c in TRANSLITERATION.chars() {
            let i = c as usize - 0x4E00;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && {
        let i = c as usize - 0x4E00;
        table[i / 64] & (1 << (i % 64)) != 0
    }
}

/// Is the word written in transliteration characters only?
pub fn transliterated(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(is_transliteration)
}

/// Words before a foreign name that make it a person's (titles, mostly).
pub(crate) const PERSON_BEFORE: &[&str] = &[
    "总统",
    "总理",
    "首相",
    "主席",
    "国王",
    "女王",
    "王子",
    "公主",
    "亲王",
    "外长",
    "外相",
    "部长",
    "大臣",
    "大使",
    "议长",
    "议员",
    "参议员",
    "将军",
    "司令",
    "秘书长",
    "总干事",
    "主任",
    "总裁",
    "董事长",
    "经理",
    "教授",
    "博士",
    "先生",
    "夫人",
    "女士",
    "球星",
    "选手",
    "主教练",
    "教练",
    "队长",
    "导演",
    "作家",
    "诗人",
    "歌手",
    "演员",
    "画家",
    "记者",
    "发言人",
    "领导人",
    "领袖",
    "被告",
    "嫌犯",
    "凶手",
    "·",
];

/// Words after a foreign name that make it a person's.
const PERSON_AFTER: &[&str] = &[
    "说", "称", "表示", "指出", "认为", "强调", "宣布", "承认", "否认", "透露", "介绍", "回忆", "告诉", "会见", "会晤",
    "访问", "出席", "先生", "女士", "夫人", "总统", "总理", "本人", "曾", "被", "因", "·", "一行",
];

/// Words around a foreign name that make it a place.
const PLACE_BEFORE: &[&str] =
    &["在", "到", "抵达", "前往", "来自", "位于", "途经", "飞往", "访问", "离开", "首都", "城市"];
const PLACE_AFTER: &[&str] = &[
    "市", "州", "省", "港", "岛", "河", "湖", "山", "湾", "地区", "一带", "附近", "郊区", "市区", "机场", "举行",
    "召开", "首都", "境内",
];

/// Foreign names of a page that the segmenter does not know: runs of three
/// or more transliteration characters (two or more on either side of a
/// `·`) that the dictionary does not cut into ordinary words, with whether
/// the words around them make them people or places. A name that is seen
/// both ways counts as what it is seen as most (people on a tie).
pub fn foreign_names_in_page(page: &Page, segmenter: &Segmenter) -> Vec<(String, EntityKind)> {
    let mut found: Vec<(String, i32)> = Vec::new();
    for a in &page.articles {
        for p in a.paragraphs.iter().chain(a.title.iter()) {
            // Runs of transliteration characters, with the character before.
            let mut run: Option<(usize, char)> = None;
            let mut before = '\0';
            for (at, c) in p.char_indices().chain(std::iter::once((p.len(), '\0'))) {
                let inside = is_transliteration(c);
                match (run, inside) {
                    (None, true) => run = Some((at, before)),
                    (Some((from, before_run)), false) => {
                        run = None;
                        let at = trim_run(segmenter, p, from, at);
                        let name = &p[from..at];
                        let n = name.len() / 3;
                        let dotted = c == '·' || before_run == '·';
                        if n >= 2 && (n >= 3 || dotted) && n <= 10 && unknown_name(segmenter, name) {
                            let vote = context_vote(&p[..from], &p[at..], dotted);
                            match found.iter_mut().find(|f| f.0 == name) {
                                Some(f) => f.1 += vote,
                                None => found.push((name.to_string(), vote)),
                            }
                        }
                    }
                    _ => {}
                }
                before = c;
            }
        }
    }
    found
        .into_iter()
        .map(|(name, vote)| (name, if vote < 0 { EntityKind::Place } else { EntityKind::Person }))
        .collect()
}

/// The run without a last character that begins a word with the
/// character after it (`…斯提` `供`, `…萨敦` `促`): transliteration
/// characters are common in Chinese words too. Not before a character
/// that often follows a name (`在`, `说`), nor before one of a place's
/// division (`州`). Byte offsets in `p`.
fn trim_run(segmenter: &Segmenter, p: &str, from: usize, at: usize) -> usize {
    let Some(next) = p[at..].chars().next() else { return at };
    let Some(last) = p[from..at].chars().next_back() else { return at };
    if !is_han(next) || "在是的了和与及或对向从把被给为以于而但也就都又说等称州市省县镇村岛".contains(next)
    {
        return at;
    }
    if segmenter.knows(&p[at - last.len_utf8()..at + next.len_utf8()]) { at - last.len_utf8() } else { at }
}

/// +1 for a person, -1 for a place, 0 when the words around do not say.
fn context_vote(before: &str, after: &str, dotted: bool) -> i32 {
    if dotted || PERSON_BEFORE.iter().any(|w| before.ends_with(w)) || PERSON_AFTER.iter().any(|w| after.starts_with(w))
    {
        1
    } else if PLACE_BEFORE.iter().any(|w| before.ends_with(w)) || PLACE_AFTER.iter().any(|w| after.starts_with(w)) {
        -1
    } else {
        0
    }
}

/// Is the run a name the dictionary lacks, rather than ordinary words (or
/// a name it has)? It is when the dictionary alone cuts it into at least
/// one single character or a word it does not know, and no more than one
/// ordinary word of two characters or more.
fn unknown_name(segmenter: &Segmenter, run: &str) -> bool {
    if segmenter.knows(run) {
        return false;
    }
    let tokens = segmenter.cut(run, Mode::Indexing);
    let mut loose = 0;
    let mut ordinary = 0;
    for t in &tokens {
        let w = t.text(run);
        match segmenter.known(w) {
            _ if t.end - t.start == 1 => loose += 1,
            None => loose += 1,
            // A place or an organisation the dictionary knows is no part of
            // a new name (`西宁` of `西宁多…`).
            Some(k) if matches!(k.tag.entity(), Some(EntityKind::Place | EntityKind::Organization)) => return false,
            Some(k) if k.tag.entity().is_some() => loose += 1,
            Some(_) => ordinary += 1,
        }
    }
    loose > 0 && ordinary <= 1 && run.chars().all(is_han)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let page = crate::parse_page(text);
        foreign_names_in_page(&page, &Segmenter::embedded())
    }

    #[test]
    fn transliterated_runs_are_people_or_places_by_context() {
        use EntityKind::{Person, Place};
        let found = names("本报讯 被告布雷维克承认了罪行。特使帕内塔表示，代表团将前往卡纳图市。\n");
        assert!(found.contains(&("布雷维克".into(), Person)), "{found:?}");
        assert!(found.contains(&("帕内塔".into(), Person)), "{found:?}");
        assert!(found.contains(&("卡纳图".into(), Place)), "{found:?}");
    }

    #[test]
    fn a_run_ends_before_a_character_that_starts_a_word_with_the_next() {
        let found = names("本报讯 特使卡迪萨敦促各方停火。莫兰迪斯提供了车身，卡迪萨表示感谢。\n");
        let got: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert!(got.contains(&"卡迪萨") && got.contains(&"莫兰迪斯"), "{found:?}");
        assert!(!got.contains(&"卡迪萨敦") && !got.contains(&"莫兰迪斯提"), "{found:?}");
        // Not before a character that often follows a name, nor a division's.
        let found = names("本报讯 特使卡迪萨特在会上讲话。他到过卡迪萨德州。\n");
        let got: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert!(got.contains(&"卡迪萨特") && got.contains(&"卡迪萨德"), "{found:?}");
    }

    #[test]
    fn ordinary_words_of_those_characters_are_not_names() {
        let found = names("本报讯 基本法规定，安全生产要加强，利用科技提高质量。\n");
        assert!(found.is_empty(), "{found:?}");
    }
}

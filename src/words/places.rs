//! The gazetteer: the places of `data/places/` merged into jieba's
//! dictionary before it is packed, so that the packed dictionary's `ns`
//! (place) tag can be trusted.
//!
//! - Every Chinese administrative division (province, prefecture, county,
//!   township and street; `data/places/china.txt`) and every name of the
//!   world list (`data/places/world.txt`) becomes a place word.
//! - A division's short form (`义乌` of `义乌市`) does too, unless jieba's
//!   dictionary has it as an ordinary word (`和平` of `和平区`); a
//!   province's or a city's short form (`大连`, `海口`) does whatever tag
//!   jieba gives it, unless jieba has it often as an ordinary word.
//! - The organisations of `data/places/organizations.txt` become
//!   organisations (`nt`); words jieba tags as organisations that end like
//!   something else (`中国政府`, `天文学`, `国际化`, `中美关系`) become
//!   proper nouns (`nz`), so that the packed dictionary's `nt` can be
//!   trusted too.
//! - Two-character words jieba tags as places that are neither listed nor
//!   end like a place (`深度`, `东西`), and the common nouns of places of
//!   `data/places/not-places.txt` (`城市`, `山区`), become nouns.
//! - Three-character words jieba tags as people that start with a word
//!   more frequent than themselves (`安全性`, `许可证`, `孔明知`) become
//!   nouns; a famous name is more frequent than its first two characters
//!   (`诸葛亮`) and stays a person's.
//!
//! This file is also compiled into `build.rs`: it depends on nothing else.

use std::collections::HashMap;

/// Last characters of two-character place names that are trusted without
/// being listed.
pub const PLACE_ENDINGS: &[char] = &[
    '江', '河', '湖', '山', '州', '京', '海', '岛', '港', '湾', '城', '县', '市', '省', '区', '镇', '乡', '村', '阳',
    '川', '庄',
];

/// Endings of words jieba tags as organisations that are not names of
/// one: a government is named by its country (`中国政府`: 中国 is the
/// place), a field of study, a process, a relation, a district.
pub const NOT_ORGANIZATION_ENDINGS: &[&str] = &[
    "政府", "学", "化", "关系", "区", "路", "车", "物", "市场", "公园", "药", "堂", "性", "心", "器", "券", "国", "府",
    "店", "展", "流域", "文学", "科学", "有关", "联邦",
];

/// Endings of organisations that end like [`NOT_ORGANIZATION_ENDINGS`].
const ORGANIZATION_ENDINGS: &[&str] = &["大学", "中学", "小学", "党校", "军校", "军区", "中心", "书店"];

/// Last characters of organisations' names: a word jieba tags as one that
/// ends otherwise (`太空飞行`, `联合公报`) is not listed as one.
const ORGANIZATION_LAST: &[char] = &[
    '会', '团', '司', '行', '院', '校', '心', '盟', '织', '队', '所', '处', '室', '社', '部', '局', '厅', '办', '署',
    '委', '党', '军', '厂', '报', '组', '协', '联', '馆', '台', '站', '大', '店', '庭', '科', '系', '省', '营', '班',
    '连', '排',
];

/// Frequencies of place words jieba lacks: short forms must beat their
/// characters, full names (three characters or more) beat them anyway.
const SHORT_FREQ: u64 = 300;
const FULL_FREQ: u64 = 30;

/// How often jieba must have seen a word for it to count as a common one.
const COMMON_FREQ: u64 = 100;

/// jieba's tags of proper nouns: a short form it tags so is still a place.
const PROPER: &[&str] = &["ns", "nz", "nr", "nrt", "nrfg", "j"];

fn is_han_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// Names of a list file: words separated by whitespace, `#` comments.
fn names(list: &str) -> impl Iterator<Item = &str> {
    list.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace).filter(|w| is_han_word(w))
}

/// jieba's dictionary text with the places merged in (see the module
/// documentation). `china` is `name level` a line (level `p`, `c`, `a`,
/// `s`, upper-case for a short form); `world` and `not_places` are names.
pub fn merge(jieba: &str, china: &str, world: &str, not_places: &str, organizations: &str) -> String {
    let mut order: Vec<&str> = Vec::new();
    let mut entries: HashMap<&str, (u64, &str)> = HashMap::new();
    for line in jieba.lines() {
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let freq = parts.next().and_then(|f| f.parse().ok()).unwrap_or(0);
        let tag = parts.next().unwrap_or("");
        if entries.insert(word, (freq, tag)).is_none() {
            order.push(word);
        }
    }
    let mut places: Vec<(&str, u64)> = Vec::new();
    for line in china.lines() {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(level)) = (parts.next(), parts.next()) else { continue };
        if !is_han_word(word) {
            continue;
        }
        let short = level.chars().all(|c| c.is_ascii_uppercase());
        if short {
            // An ordinary word of jieba's stays one: a short form it tags as
            // something else than a proper noun, or one it knows often.
            let ordinary = entries.get(word).is_some_and(|&(freq, tag)| {
                let proper = PROPER.contains(&tag) && (tag == "ns" || freq < 3000);
                let rare_noun = tag == "n" && freq < 100 && level != "S";
                let city_noun = tag == "n" && freq < 1000 && matches!(level, "P" | "C");
                // A province or a city is named so more often than jieba's
                // other tags say (`大连` `d`, `海口` `s`, `保定` `v`).
                let city = freq < 3000 && matches!(level, "P" | "C");
                !(proper || rare_noun || city_noun || city)
            });
            // A short form starting like a suffix (`镇安` of `镇安县`) would
            // join a place to the word after it (`苏溪镇` `安全`).
            let suffix_first = word.starts_with(['市', '县', '区', '镇', '乡', '村', '省', '州', '旗', '盟']);
            if !ordinary && !suffix_first {
                places.push((word, SHORT_FREQ));
            }
        } else {
            places.push((word, FULL_FREQ));
        }
    }
    for word in names(world) {
        places.push((word, if word.chars().count() == 2 { SHORT_FREQ } else { FULL_FREQ }));
    }
    let listed: std::collections::HashSet<&str> = places.iter().map(|p| p.0).collect();
    for (word, freq) in places {
        let entry = entries.entry(word).or_insert_with(|| {
            order.push(word);
            (freq, "ns")
        });
        entry.1 = "ns";
    }
    for (word, entry) in &mut entries {
        let untrusted =
            entry.1 == "ns" && !listed.contains(word) && word.chars().count() == 2 && !word.ends_with(PLACE_ENDINGS);
        if untrusted {
            entry.1 = "n";
        }
    }
    let organizations: std::collections::HashSet<&str> = names(organizations).collect();
    for &word in &organizations {
        let freq = if word.chars().count() == 2 { SHORT_FREQ } else { FULL_FREQ };
        let entry = entries.entry(word).or_insert_with(|| {
            order.push(word);
            (freq, "nt")
        });
        entry.1 = "nt";
    }
    for (word, entry) in &mut entries {
        let kept_ending = ORGANIZATION_ENDINGS.iter().any(|e| word.ends_with(e));
        let not_ending =
            NOT_ORGANIZATION_ENDINGS.iter().any(|e| word.ends_with(e)) || !word.ends_with(ORGANIZATION_LAST);
        if entry.1 == "nt" && !organizations.contains(word) && not_ending && !kept_ending {
            entry.1 = "nz";
        }
    }
    // jieba tags as people many three-character words that start with a
    // common word (`安全性`, `许可证`, `司令官`, `纪念章`) or with a name
    // and a word after it (`孔明知`): a surname and the first character of
    // a given name seldom make a frequent word of their own, and a famous
    // name is more frequent than its first two characters (`诸葛亮`).
    let not_people: Vec<&str> = entries
        .iter()
        .filter(|(word, e)| e.1 == "nr" && word.chars().count() == 3)
        .filter(|(word, e)| {
            let first_two = &word[..word.char_indices().nth(2).map_or(word.len(), |c| c.0)];
            entries.get(first_two).is_some_and(|&(freq, _)| freq >= COMMON_FREQ.max(e.0 + 1))
        })
        .map(|(word, _)| *word)
        .collect();
    // Temples jieba lists as people (names ending in 寺, 庙 or 庵) are places.
    for (word, entry) in &mut entries {
        if entry.1 == "nr" && word.chars().count() >= 3 && word.ends_with(['寺', '庙', '庵']) {
            entry.1 = "ns";
        }
    }
    for word in not_people {
        if let Some(entry) = entries.get_mut(word) {
            entry.1 = "n";
        }
    }
    for word in names(not_places) {
        if let Some(entry) = entries.get_mut(word).filter(|e| matches!(e.1, "ns" | "nt" | "nr" | "nrt")) {
            entry.1 = "n";
        }
    }
    let mut out = String::with_capacity(jieba.len() + listed.len() * 16);
    for word in order {
        let (freq, tag) = entries[word];
        out.push_str(word);
        out.push(' ');
        out.push_str(&freq.to_string());
        if !tag.is_empty() {
            out.push(' ');
            out.push_str(tag);
        }
        out.push('\n');
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn tags(merged: &str) -> HashMap<String, String> {
        merged
            .lines()
            .map(|l| {
                let p: Vec<&str> = l.split(' ').collect();
                (p[0].to_string(), p.get(2).unwrap_or(&"").to_string())
            })
            .collect()
    }

    #[test]
    fn listed_places_become_places_and_unlisted_short_ones_do_not() {
        let jieba = "深度 1930 ns\n和平 7998 nz\n兰溪 20 nz\n城市 25084 ns\n镇江 500 ns\n的 100000 uj\n";
        let china = "兰溪市 a\n兰溪 A\n和平区 a\n和平 A\n金华 C\n";
        let jieba = format!("{jieba}中国政府 1232 nt\n外交部 100 nt\n联合国 2976 nt\n北京大学 2053 nt\n");
        let merged = merge(&jieba, china, "# countries\n挪威 奥斯陆\n", "城市\n", "联合国 欧盟\n");
        let t = tags(&merged);
        for place in ["兰溪市", "兰溪", "和平区", "金华", "挪威", "奥斯陆", "镇江"] {
            assert_eq!(t[place], "ns", "{place}");
        }
        for word in ["深度", "和平", "城市"] {
            assert_ne!(t[word], "ns", "{word}");
        }
        assert_eq!(t["的"], "uj");
        for org in ["外交部", "联合国", "欧盟", "北京大学"] {
            assert_eq!(t[org], "nt", "{org}");
        }
        assert_eq!(t["中国政府"], "nz");
        let jieba = "安全 5000 an\n安全性 337 nr\n王建 20 nr\n王建军 50 nr\n诸葛 152 nr\n诸葛亮 1067 nr\n";
        let t = tags(&merge(jieba, "", "", "", ""));
        assert_eq!(t["安全性"], "n", "a word starting with a common word is not a name");
        assert_eq!(t["王建军"], "nr", "a name starting with a rare word stays one");
        assert_eq!(t["诸葛亮"], "nr", "a famous name stays one");
        // jieba's frequency is kept; a new short name gets one that beats its characters.
        assert!(merged.contains("和平 7998 nz\n") && merged.contains("金华 300 ns\n"), "{merged}");
    }
}

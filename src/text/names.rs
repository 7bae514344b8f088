//! Surnames and the shape of a Chinese name: facts about characters that
//! the parser (a name alone on a line is a byline) and the word stage (the
//! people a page names) both read.

use super::is_han;

/// Common Chinese single-character surnames, most frequent first.
pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
pub const COMPOUND_SURNAMES: &[&str] =
    &["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "司徒", "长孙", "宇文"];

/// Does the word start like a Chinese name: a common surname, then one or
/// two characters (two or three after a compound surname)?
pub fn name_shaped(word: &str) -> bool {
    // Two to four Han characters are 6 to 16 bytes: most words leave on
    // their length alone (this is asked of every word tagged by a guess).
    if !(6..=16).contains(&word.len()) {
        return false;
    }
    let mut n = 0;
    for c in word.chars() {
        if !is_han(c) {
            return false;
        }
        n += 1;
    }
    let Some(first) = word.chars().next() else { return false };
    han_name_shaped(word, first, n)
}

/// [`name_shaped`] of a word known to be `n` Han characters, the first
/// `first`, for a caller that has read them already (a word the HMM
/// joined, tagged by a guess). Its byte length needs no look: only words
/// of two to four characters can be name-shaped, and they have 6 to 16
/// bytes.
pub fn han_name_shaped(word: &str, first: char, n: usize) -> bool {
    // The list of compound surnames is read only for a word that starts
    // like one.
    if compound_first(first) && COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s)) {
        return (3..=4).contains(&n);
    }
    (2..=3).contains(&n) && is_surname(first)
}

/// Is the character the first of one of [`COMPOUND_SURNAMES`]?
fn compound_first(c: char) -> bool {
    matches!(c, '欧' | '司' | '诸' | '上' | '东' | '皇' | '尉' | '公' | '慕' | '夏' | '令' | '长' | '宇')
}

/// Does the word end like a Chinese division's name (`安平县`, `东山村`)?
/// Such a word may be shaped like a person's name and still be a place.
pub fn place_shaped(word: &str) -> bool {
    word.ends_with(['省', '市', '县', '区', '镇', '乡', '村', '州'])
}

/// Splits a run of names printed without spaces (`严龙胡宁军`, as photo
/// credits often are) into names: every piece name-shaped, as few pieces
/// as possible (three-character names are the commonest). `None` when the
/// run does not split so.
pub fn split_names(run: &str) -> Option<Vec<&str>> {
    let bounds: Vec<usize> = run.char_indices().map(|(i, _)| i).chain([run.len()]).collect();
    let n = bounds.len() - 1;
    if !(4..=16).contains(&n) {
        return None;
    }
    // best[i]: the fewest pieces that cover the run from character i on,
    // and the length of the first of them.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[n] = Some((0, 0));
    for i in (0..n).rev() {
        best[i] = (2..=4)
            .filter(|&len| i + len <= n && name_shaped(&run[bounds[i]..bounds[i + len]]))
            .filter_map(|len| best[i + len].map(|(pieces, _)| (pieces + 1, len)))
            .min_by_key(|&(pieces, len)| (pieces, std::cmp::Reverse(len)));
    }
    let mut names = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, len) = best[i]?;
        names.push(&run[bounds[i]..bounds[i + len]]);
        i += len;
    }
    Some(names)
}

/// Is the character a common surname?
pub fn is_surname(c: char) -> bool {
    // A bitmap over U+4E00..=U+9FFF, where every surname of the list is.
    static BITS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let bits = BITS.get_or_init(|| {
        let mut bits = vec![0u64; 0x5200 / 64];
        for c in SURNAMES.chars() {
            let i = c as usize - 0x4E00;
            bits[i / 64] |= 1 << (i % 64);
        }
        bits
    });
    let i = (c as usize).wrapping_sub(0x4E00);
    i < 0x5200 && bits[i / 64] & (1 << (i % 64)) != 0
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_han_word_is_name_shaped_by_either_look() {
        // Surnames, compound surnames' characters, others, and Han
        // characters of four bytes, in words of one to six characters.
        let pieces = ["王", "欧", "阳", "司", "马", "长", "孙", "的", "明", "𠀀", "㐀", "龙"];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                words.iter().flat_map(|w| pieces.iter().map(move |p| format!("{w}{p}"))).collect();
            words.extend(longer);
        }
        words.extend(["欧阳小明", "司马相如", "长孙无忌无", "王𠀀𠀀𠀀", "王小明明明明"].map(String::from));
        for w in words.iter().filter(|w| !w.is_empty()) {
            let n = w.chars().count();
            let first = w.chars().next().unwrap();
            assert_eq!(han_name_shaped(w, first, n), name_shaped(w), "{w}");
        }
    }

    #[test]
    fn surnames_are_looked_up_by_bitmap_and_compound_ones_by_their_first_character() {
        for s in COMPOUND_SURNAMES {
            assert!(compound_first(s.chars().next().unwrap()), "{s}");
        }
        // The surnames' bitmap covers them all, and nothing else.
        assert!(SURNAMES.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && is_surname(c)));
        assert!(!is_surname('的') && !is_surname('a') && !is_surname('\u{9FFF}') && !is_surname('\u{20000}'));
        assert!(name_shaped("欧阳明月") && name_shaped("司马青") && name_shaped("王五") && name_shaped("陈小兵"));
        assert!(!name_shaped("王") && !name_shaped("陈小兵甲") && !name_shaped("王5") && !name_shaped("欧阳"));
    }

    #[test]
    fn a_run_of_names_splits_at_the_surnames() {
        assert_eq!(split_names("周平陈小兵"), Some(vec!["周平", "陈小兵"]));
        assert_eq!(split_names("胡一民胡二军李丽"), Some(vec!["胡一民", "胡二军", "李丽"]));
        assert_eq!(split_names("欧阳明月王五"), Some(vec!["欧阳明月", "王五"]));
        // Prose does not split into names.
        assert_eq!(split_names("见面会今日举行"), None);
        assert_eq!(split_names("王五"), None);
    }
}

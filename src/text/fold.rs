//! Normalisation for search: what counts as the same character when a
//! query is looked for in a page.
//!
//! Each character is folded on its own, to one character or to nothing, so
//! that a match in the folded text is a run of characters of the original
//! and its place maps straight back (see [`fold_with_offsets`]):
//!
//! - whitespace (and the invisible format characters OCR leaves, such as
//!   U+200B) is dropped, in text and query alike: `成立 20` finds `成立20`,
//!   and `杭州` finds an OCR-spaced `杭 州`;
//! - full-width forms become their ASCII counterparts (`Ｃｈｉｎａ`, `２０２３`);
//! - letters are lower-cased, where lower case is one character;
//! - traditional Chinese characters become simplified ones (`廣場` → `广场`),
//!   by the character table of the `fast2s` crate, taken character by
//!   character: its few context rules (`乾隆` stays, `乾燥` becomes `干燥`)
//!   would fold a character differently in a query and in a page, and a
//!   search must fold both the same way. Folding both sides to simplified
//!   makes the match work in either direction.
//!
//! U+FFFF, which the index uses between fields, folds to U+FFFD so that no
//! text or query contains it.

use std::sync::OnceLock;

/// The CJK Unified Ideographs block: every character the table converts,
/// and every one it converts to, lies in it.
const HAN_FIRST: u32 = 0x4E00;
const HAN_LAST: u32 = 0x9FFF;

/// The characters of [`HAN_FIRST`]..=[`HAN_LAST`] that `fast2s`
/// simplifies and what to, as pairs of the low 16 bits of each
/// (little-endian), taken from its table at build time (`build.rs`): the
/// crate itself, its maps built at run time and their decoder are not in
/// the core.
static SIMPLIFIED_PAIRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/simplified.bin"));

/// The simplified form of each character of [`HAN_FIRST`]..=[`HAN_LAST`],
/// built on first use from [`SIMPLIFIED_PAIRS`] (42 kB).
fn simplified_table() -> &'static [u16] {
    static TABLE: OnceLock<Box<[u16]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The low 16 bits are enough inside the block.
        let mut table: Box<[u16]> = (HAN_FIRST..=HAN_LAST).map(|c| c as u16).collect();
        for pair in SIMPLIFIED_PAIRS.chunks_exact(4) {
            let from = u16::from_le_bytes([pair[0], pair[1]]);
            table[usize::from(from) - HAN_FIRST as usize] = u16::from_le_bytes([pair[2], pair[3]]);
        }
        table
    })
}

/// The simplified form of a traditional character; any other character
/// unchanged.
pub fn simplified(c: char) -> char {
    let code = c as u32;
    if (HAN_FIRST..=HAN_LAST).contains(&code) {
        let s = simplified_table()[(code - HAN_FIRST) as usize];
        char::from_u32(u32::from(s)).unwrap_or(c)
    } else {
        c
    }
}

/// Characters that take no room and that OCR and word processors leave
/// inside words: zero-width space, joiners, word joiner, byte-order mark,
/// soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Folds one character: `None` for whitespace and invisible characters,
/// otherwise the character as search compares it.
#[inline]
pub fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() { None } else { Some(c.to_ascii_lowercase()) };
    }
    if c.is_whitespace() || is_invisible(c) {
        return None;
    }
    let c = match c {
        // Full-width ASCII: `！` to `～`.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FFE0}' => '\u{A2}',
        '\u{FFE1}' => '\u{A3}',
        '\u{FFE2}' => '\u{AC}',
        '\u{FFE3}' => '\u{AF}',
        '\u{FFE4}' => '\u{A6}',
        '\u{FFE5}' => '\u{A5}',
        '\u{FFE6}' => '\u{20A9}',
        '\u{FFFF}' => '\u{FFFD}',
        _ => c,
    };
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // CJK and the scripts next to it have no case: skip the case tables
    // for most characters of a Chinese page.
    if matches!(c, '\u{2E80}'..='\u{A63F}' | '\u{AC00}'..='\u{D7FF}' | '\u{20000}'..='\u{3FFFF}') {
        return Some(simplified(c));
    }
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    Some(simplified(c))
}

/// The folded text, whitespace dropped.
pub fn fold_str(text: &str) -> String {
    text.chars().filter_map(fold).collect()
}

/// The folded text, whitespace dropped, and for each of its characters the
/// character offset in `text` it came from.
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() / 2);
    for (i, c) in text.chars().enumerate() {
        if let Some(f) = fold(c) {
            folded.push(f);
            offsets.push(i);
        }
    }
    (folded, offsets)
}

/// The text folded character by character with whitespace kept where it
/// was, so that it has as many characters as `text`: what the segmenter
/// cuts for the index, so words are found across case, width and script.
pub fn fold_keeping_spaces(text: &str, out: &mut String) {
    out.clear();
    out.extend(text.chars().map(|c| fold(c).unwrap_or(c)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_width_forms_fold_to_ascii() {
        assert_eq!(fold_str("Ｃｈｉｎａｇｏｏｄｓ"), "chinagoods");
        assert_eq!(fold_str("２０２３年"), "2023年");
        assert_eq!(fold_str("（１＋Ｘ＋Ｙ）"), "(1+x+y)");
        assert_eq!(fold_str("￥５"), "¥5");
    }

    #[test]
    fn case_folds_to_lower() {
        assert_eq!(fold_str("Chinagoods CHINAGOODS"), "chinagoodschinagoods");
        assert_eq!(fold_str("ΑΘΗΝΑ Москва"), "αθηναмосква");
        // `İ` lower-cases to two characters: it stays as it is.
        assert_eq!(fold_str("İ"), "İ");
    }

    #[test]
    fn the_ranges_skipped_for_case_have_no_case() {
        let ranges = [0x2E80..=0xA63F, 0xAC00..=0xD7FF, 0x20000..=0x3FFFF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn the_table_built_in_is_fast2s_character_by_character() {
        for c in (HAN_FIRST..=HAN_LAST).filter_map(char::from_u32) {
            assert_eq!(simplified(c).to_string(), fast2s::convert(&c.to_string()), "{c}");
        }
    }

    #[test]
    fn traditional_characters_fold_to_simplified() {
        assert_eq!(fold_str("義烏國際商貿城"), "义乌国际商贸城");
        assert_eq!(fold_str("义乌"), "义乌");
        // A character whose conversion depends on its context folds the
        // same everywhere, in queries as in pages.
        assert_eq!(fold_str("乾燥"), "干燥");
        assert_eq!(fold_str("乾隆"), "干隆");
    }

    #[test]
    fn whitespace_and_invisible_characters_are_dropped() {
        assert_eq!(fold_str("实施 20\u{3000}周年\t\n义\u{200B}乌"), "实施20周年义乌");
        let (text, offsets) = fold_with_offsets("a 義\u{3000}𠀀b");
        assert_eq!(text, "a义𠀀b");
        assert_eq!(offsets, [0, 2, 4, 5]);
    }

    #[test]
    fn the_field_separator_never_survives() {
        assert_eq!(fold('\u{FFFF}'), Some('\u{FFFD}'));
    }

    #[test]
    fn spaces_are_kept_for_the_segmenter() {
        let mut out = String::new();
        fold_keeping_spaces("Ｈｅｌｌｏ 義烏", &mut out);
        assert_eq!(out, "hello 义乌");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent_and_one_to_one(s in "(\\PC|[ 　\u{200B}])*") {
            let once = fold_str(&s);
            prop_assert_eq!(fold_str(&once), once.clone());
            let mut kept = String::new();
            fold_keeping_spaces(&s, &mut kept);
            prop_assert_eq!(kept.chars().count(), s.chars().count());
        }
    }
}

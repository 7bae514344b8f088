//! Marks that open a paragraph inside an article: photo captions (`图为…`)
//! and list markers (`一、`, `（二）`).

use crate::text::is_han;

/// A photo caption: `图为…`, `上图：…`, `图①：…`, `▲ …`.
pub fn starts_caption(line: &str) -> bool {
    let s = line.trim_start();
    let numbered = s.strip_prefix('图').is_some_and(|r| {
        let mut cs = r.chars();
        let n = cs.next();
        let numeral = n.is_some_and(|c| matches!(c, '①'..='⑳' | '0'..='9' | '一'..='十'));
        numeral && matches!(cs.next(), Some('：' | ':'))
    });
    numbered
        || s.starts_with("图为")
        || s.starts_with("图注")
        || s.starts_with('▲')
        || ["图：", "图:", "上图：", "下图：", "左图：", "右图：", "上图:", "下图:", "左图:", "右图:"]
            .iter()
            .any(|p| s.starts_with(p))
}

/// Does a line end with a photo's credit: a name of two to four characters
/// and `摄` or `供图`, after a sentence, a role or a bracket (`……。张三摄`,
/// `本报记者 张三 摄`, `（张三 摄）`), or a news agency's (`……。新华社发`)?
pub fn ends_with_photo_credit(line: &str) -> bool {
    let s = line.trim_end().trim_end_matches(['）', ')']);
    if ends_with_agency_credit(s) {
        return true;
    }
    let Some(before) = s.strip_suffix('摄').or_else(|| s.strip_suffix("供图")) else {
        return false;
    };
    let before = before.trim_end();
    let name: Vec<char> = before.chars().rev().take_while(|&c| is_han(c)).collect();
    let rest = &before[..before.len() - name.iter().map(|c| c.len_utf8()).sum::<usize>()];
    let after_mark = rest.is_empty()
        || rest.ends_with(['。', '！', '？', '）', ')', '（', '(', ' ', '”'])
        || rest.ends_with("记者")
        || rest.ends_with("通讯员");
    ((2..=4).contains(&name.len()) && after_mark) || (name.len() > 4 && name.len() <= 10 && rest.ends_with("记者"))
}

/// Does a caption end with a news agency's credit (`……终点。新华社发`,
/// `（中新社发 张三摄）` aside): an agency of one to four characters and
/// `社发`, after a sentence, a bracket or a space?
fn ends_with_agency_credit(s: &str) -> bool {
    let Some(before) = s.strip_suffix("社发") else {
        return false;
    };
    let agency: Vec<char> = before.chars().rev().take_while(|&c| is_han(c)).take(5).collect();
    let rest = &before[..before.len() - agency.iter().map(|c| c.len_utf8()).sum::<usize>()];
    (1..=4).contains(&agency.len())
        && (rest.is_empty() || rest.ends_with(['。', '！', '？', '）', ')', '（', '(', ' ', '”']))
}

/// A line that only says where a photo comes from: a file photo
/// (`资料图`, `（资料图片）`), a picture from the web, or a supplier's
/// credit (`某某局供图`). It is the caption of a photo, never a headline.
pub fn is_photo_source(line: &str) -> bool {
    const SOURCES: &[&str] = &["资料图", "资料图片", "资料照片", "档案照片", "网络图片", "网络配图", "配图", "图片"];
    let s = line.trim();
    let s = s.strip_prefix(['（', '(']).and_then(|r| r.strip_suffix(['）', ')'])).unwrap_or(s).trim();
    if SOURCES.contains(&s) {
        return true;
    }
    // `…供图`, `…提供图片`, `…发`-style credits of a supplier: a short run
    // of characters (a name or an office) before the credit word.
    let supplier = |rest: &str| (1..=10).contains(&rest.chars().count()) && rest.chars().all(|c| is_han(c) || c == ' ');
    ["供图", "供稿图", "提供图片", "图片提供"].iter().any(|w| s.strip_suffix(w).is_some_and(supplier))
        || s.strip_prefix("图片来源").is_some_and(|r| r.starts_with(['：', ':']) && r.chars().count() <= 16)
}

/// A list marker that opens a cross-head inside an article: `一、`,
/// `（二）`, `3.`, `①`, `■`.
pub fn starts_enumerator(line: &str) -> bool {
    let s = line.trim_start();
    let Some(first) = s.chars().next() else {
        return false;
    };
    if matches!(first, '①'..='⑳' | '■' | '◆' | '●' | '◇' | '□' | '★' | '☆' | '◎' | '▶' | '►') {
        return true;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let body = s.strip_prefix(['（', '(']);
    if let Some(b) = body {
        let n = b.chars().take_while(|&c| numeral(c) || c.is_ascii_digit()).count();
        return n > 0 && b.chars().nth(n).is_some_and(|c| matches!(c, '）' | ')'));
    }
    let n = s.chars().take_while(|&c| numeral(c)).count();
    if n > 0 {
        return s.chars().nth(n) == Some('、');
    }
    let d = s.chars().take_while(|c| c.is_ascii_digit()).count();
    d > 0
        && d <= 2
        && s.chars().nth(d).is_some_and(|c| matches!(c, '、' | '．' | '.'))
        && s.chars().nth(d + 1).is_some_and(is_han)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn captions_and_enumerators() {
        assert!(starts_caption("图为活动现场。"));
        assert!(starts_caption("▲ 志愿者在清扫"));
        assert!(!starts_caption("图书馆开放时间"));
        assert!(starts_caption("图②：新建的桥梁"));
        assert!(ends_with_photo_credit("市民在公园里晨练。新华社发"));
        assert!(ends_with_photo_credit("运动员冲过终点。（新华社发）"));
        assert!(!ends_with_photo_credit("消息由市旅行社发"));
        assert!(ends_with_photo_credit("新桥通车当天的车流。市交通局供图"));
        assert!(!ends_with_photo_credit("据新华社发布的消息"));
        assert!(is_photo_source("资料图"));
        assert!(is_photo_source("（资料图片）"));
        assert!(is_photo_source("市气象局供图"));
        assert!(is_photo_source("图片来源：网络"));
        assert!(!is_photo_source("图片新闻"));
        assert!(!is_photo_source("资料图显示，去年全市降水偏多"));
        assert!(ends_with_photo_credit("市民在公园里晨练。王五摄"));
        assert!(ends_with_photo_credit("新桥通车当天的车流 本报记者 王五 摄"));
        assert!(ends_with_photo_credit("（王五 赵小六 摄）"));
        assert!(!ends_with_photo_credit("他说，要把这件事拍摄"));
        assert!(!ends_with_photo_credit("工作人员正在进行航拍摄"));
        assert!(starts_enumerator("一、坚持党建引领"));
        assert!(starts_enumerator("（二）强化保障"));
        assert!(starts_enumerator("3.加强监管"));
        assert!(!starts_enumerator("2023年第三期"));
        assert!(!starts_enumerator("一批城镇"));
    }
}

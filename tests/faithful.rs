//! The parser changes whitespace only: every other character of the input
//! ends up exactly once in the output, except the ornament glyph that leads
//! a byline line (`▢ 全媒体记者 孙悦`). Pinned over the fixtures, over
//! arbitrary strings and over strings made of newspaper pieces; and no
//! input makes it panic.
#![cfg(not(target_arch = "wasm32"))]

use baozhi::parse_page;
use baozhi_lab::faithful;
use proptest::prelude::*;

/// Checks faithfulness (see [`faithful::unfaithfulness`]), returning a
/// description of what went wrong.
fn unfaithfulness(input: &str) -> Option<String> {
    faithful::unfaithfulness(input, &parse_page(input))
}

fn assert_faithful(input: &str) {
    if let Some(why) = unfaithfulness(input) {
        panic!("not faithful on {:?}: {why}", input.chars().take(300).collect::<String>());
    }
}

#[test]
fn fixtures_are_faithful() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            assert_faithful(&std::fs::read_to_string(&path).unwrap());
            seen += 1;
        }
    }
    assert!(seen >= 1);
}

#[test]
fn synthetic_pages_are_faithful() {
    for n in 0..200 {
        assert_faithful(&baozhi_lab::synth::page(3, n).text);
    }
}

/// Pieces of newspaper text, marks and hazards to build pages from.
const PIECES: &[&str] = &[
    "县委书记周立新主持会议",
    "并讲话",
    "，",
    "。",
    "、",
    "；",
    "：",
    "“",
    "”",
    "（",
    "）",
    "(",
    ")",
    ",",
    "！",
    "？",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{0C}",
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "▢ 全媒体记者 孙悦",
    "▢",
    "■",
    "◆记者 张三 通讯员 李四",
    "本报记者 张三 摄",
    "（记者 张三）",
    "蒋一帆 文/摄",
    "本报讯",
    "本报讯（记者 张三）",
    "本报杭州5月26日电",
    "新华社北京5月26日电（记者 李四）",
    "某某网5月26日讯(通讯员 张三)",
    "责任编辑：张三",
    "2023年5月27日 星期六",
    "第02版",
    "A2 要闻",
    "桐溪日报",
    "- 3 -",
    "图为活动现场",
    "（摄影 王五）",
    "一、",
    "（二）",
    "3.",
    "①",
    "——",
    "……",
    "实施 20",
    " 周年",
    "19 家",
    "TLbus",
    " TLbus ",
    "1+X+Y",
    "2023",
    "Ⅰ类",
    "小小一片叶 富了山里人",
    "护水 护绿 护家园",
    "守好富春江畔“安全堤”",
    "首日意向成交超亿元",
    "𠀀",
    "😀",
    "e\u{301}",
    "\u{301}",
    "\u{0}",
    "\u{7}",
    "\u{1B}[0m",
    "\u{200B}",
    "\u{FEFF}",
    "\u{FFFD}",
    "שלום",
    "مرحبا",
    "<script>alert(1)</script>",
    "&amp;",
    "The quick brown fox.",
    "jumps over",
];

fn newspaperish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn newspaper_pieces_are_kept(input in newspaperish()) {
        prop_assert_eq!(unfaithfulness(&input), None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_are_kept(input in any::<String>()) {
        prop_assert_eq!(unfaithfulness(&input), None);
    }

    #[test]
    fn arbitrary_lines_of_cjk_are_kept(lines in prop::collection::vec("[\\u{4e00}-\\u{4e40}，。、“” 0-9a-z▢]{0,30}", 0..40)) {
        prop_assert_eq!(unfaithfulness(&lines.join("\n")), None);
    }
}

#[test]
fn hostile_inputs_neither_panic_nor_lose_text() {
    let long_line = "很长的一行没有换行".repeat(120_000);
    let cases: Vec<String> = vec![
        String::new(),
        " \n\t\r\n\u{3000}\u{0C}\u{0C}  ".into(),
        "，。、；：“”（）！？……——".repeat(50),
        "The quick brown fox jumps over the lazy dog.\nIt was the best of times,\nit was the worst of times.\n"
            .repeat(20),
        long_line.clone(),
        format!("标题\n{long_line}\n\n▢ 记者 张三\n"),
        "\u{0}\u{1}\u{2}\u{7F}\u{9F}".repeat(1000),
        "\u{301}\u{302}\u{303}".repeat(100),
        "😀𠀀🇨🇳".repeat(500),
        "שלום עולם\nمرحبا بالعالم\n".repeat(50),
        "第一行\r\n第二行\r第三行\n\r\n\r".repeat(100),
        "一页\u{0C}二页\u{0C}\u{0C}三页".into(),
        "▢\n▢ \n ▢ 全媒体记者\n".into(),
        "本报讯\n本报讯（记者\n张三）\n".into(),
        "（\n（（（）\n)(".into(),
        "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n&amp;&lt;".into(),
    ];
    for c in &cases {
        assert_faithful(c);
    }
}

#[test]
fn fifty_megabytes_parse() {
    let big = baozhi_lab::synth::corpus_of_size(50_000_000, 9);
    let page = parse_page(&big);
    assert!(page.articles.len() > 10_000);
}

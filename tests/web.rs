//! Test suite for the bindings in a real browser:
//! `wasm-pack test --headless --chrome -- --test web` (and `--firefox`).
#![cfg(target_arch = "wasm32")]

use baozhi::wasm::Reader;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("fixtures/sample-page.txt");

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap()
}

fn reader_with_words() -> Reader {
    let mut reader = Reader::new();
    reader.set_dictionary(baozhi::words::embedded_dictionary().to_vec()).unwrap();
    reader
}

#[wasm_bindgen_test]
fn a_page_loads_and_lists_its_articles_before_the_dictionary() {
    let mut reader = Reader::new();
    let info = reader.load_text("sample-page.txt", SAMPLE).unwrap();
    assert_eq!(field(&info, "articles").as_f64(), Some(6.0));
    let contents = js_sys::Array::from(&reader.contents().unwrap());
    assert_eq!(contents.length(), 6);
    assert_eq!(field(&contents.get(0), "title").as_string().as_deref(), Some("守好富春江畔“安全堤”"));
    // The fourth article has no headline: null, with a derived title.
    assert!(field(&contents.get(3), "title").is_null());
    assert!(field(&contents.get(3), "derived_title").is_string());
    assert!(!reader.has_words());
}

#[wasm_bindgen_test]
fn rendered_html_is_escaped_and_astral_characters_keep_their_place() {
    let mut reader = reader_with_words();
    let text = "𠀀<script>alert(1)</script>\n\n本报讯 昨日，𠀀😀<img src=x onerror=alert(1)>周立新在桐庐。\n";
    let info = reader.load_text("hostile.txt", text).unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    let html = reader.render_article(id, 0, vec!["person".into(), "place".into()], "a", None).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("😀&lt;img src=x onerror=alert(1)&gt;"), "{html}");

    // 桐庐 follows an astral character and an emoji: the hit's offsets count
    // characters (code points), not UTF-16 units as JavaScript strings do.
    let found = reader.search("桐庐").unwrap();
    let result = js_sys::Array::from(&field(&found, "results")).get(0);
    let hits = js_sys::Array::from(&field(&result, "hits"));
    assert_eq!(hits.length(), 1);
    let hit = hits.get(0);
    assert_eq!(field(&hit, "field").as_string().as_deref(), Some("paragraph"));
    let index = field(&hit, "index").as_f64().unwrap() as u32;
    let (start, end) = (field(&hit, "start").as_f64().unwrap() as usize, field(&hit, "end").as_f64().unwrap() as usize);
    let article = reader.article(id, 0).unwrap();
    let paragraph = js_sys::Array::from(&field(&article, "paragraphs")).get(index).as_string().unwrap();
    let before = &paragraph[..paragraph.find("桐庐").unwrap()];
    assert!(before.contains("𠀀😀"), "{paragraph}");
    assert_eq!((start, end), (before.chars().count(), before.chars().count() + 2));
    assert_ne!(start, before.encode_utf16().count());
    // The mark the page scrolls to wraps exactly those characters.
    let current = field(&hit, "id").as_f64().unwrap() as u32;
    let html = reader.render_article(id, 0, vec!["hit".into(), "current".into()], "a", Some(current)).unwrap();
    assert!(html.contains("alert(1)&gt;周立新在<mark"), "{html}");
    assert!(html.contains(">桐庐</mark>。"), "{html}");
}

#[wasm_bindgen_test]
fn word_features_arrive_with_the_dictionary() {
    let mut reader = Reader::new();
    let info = reader.load_text("sample-page.txt", SAMPLE).unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    reader.set_dictionary(baozhi::words::embedded_dictionary().to_vec()).unwrap();
    assert!(reader.has_words());
    let annotations = reader.annotations(id, 0).unwrap();
    let entities = js_sys::Array::from(&field(&annotations, "entities"));
    let people: Vec<String> = entities
        .iter()
        .filter(|e| field(e, "kind").as_string().as_deref() == Some("person"))
        .filter_map(|e| field(&e, "text").as_string())
        .collect();
    assert!(people.iter().any(|p| p == "俞晓峰"), "{people:?}");
    let html = reader.render_article(id, 0, vec!["person".into()], "a", None).unwrap();
    assert!(html.contains("<span class=\"person\">俞晓峰</span>"), "{html}");
}

#[wasm_bindgen_test]
fn errors_reach_javascript_as_errors_with_the_core_message() {
    let mut reader = Reader::new();
    let err = reader.load_bytes("page.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").expect_err("a PDF is refused");
    let js: JsValue = err.into();
    assert!(js.is_instance_of::<js_sys::Error>());
    let message = js_sys::Error::from(js).message().as_string().unwrap();
    assert!(message.contains("page.pdf") && message.contains("PDF"), "{message}");
    let missing: JsValue = reader.render_article(9, 9, vec![], "x", None).err().unwrap().into();
    assert!(missing.is_instance_of::<js_sys::Error>());
    let early: JsValue = reader.add_user_words("词").err().unwrap().into();
    assert!(js_sys::Error::from(early).message().as_string().unwrap().contains("still loading"));
}

#[wasm_bindgen_test]
fn gb18030_and_utf16_bytes_decode_as_in_the_cli() {
    let mut reader = Reader::new();
    let gbk = [
        0xB1, 0xBE, 0xB1, 0xA8, 0xD1, 0xB6, 0x20, 0xD7, 0xF2, 0xC8, 0xD5, 0xA3, 0xAC, 0xCA, 0xD0, 0xCE, 0xAF, 0xD5,
        0xD9, 0xBF, 0xAA, 0xBB, 0xE1, 0xD2, 0xE9, 0xA1, 0xA3,
    ];
    let info = reader.load_bytes("gbk.txt", &gbk).unwrap();
    assert_eq!(field(&info, "encoding").as_string().as_deref(), Some("GBK"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("本报讯 昨日，市委召开会议。".encode_utf16().flat_map(u16::to_le_bytes));
    let info = reader.load_bytes("utf16.txt", &utf16).unwrap();
    assert_eq!(field(&info, "encoding").as_string().as_deref(), Some("UTF-16LE"));
    let article = reader.article(field(&info, "id").as_f64().unwrap() as u32, 0).unwrap();
    assert_eq!(field(&article, "dateline").as_string().as_deref(), Some("本报讯"));
}

#[wasm_bindgen_test]
fn user_words_take_effect_and_can_be_removed() {
    let mut reader = reader_with_words();
    let report = reader.add_user_words("转移避险 50000 nz\n坏行 abc\n").unwrap();
    assert_eq!(js_sys::Array::from(&field(&report, "errors")).length(), 1);
    assert_eq!(reader.user_words(), vec!["转移避险".to_string()]);
    assert!(reader.remove_user_word("转移避险").unwrap());
    assert!(reader.user_words().is_empty());
    reader.add_user_words("数字乡村\n共富工坊").unwrap();
    assert_eq!(reader.clear_user_words().unwrap(), 2);
    assert!(reader.user_words().is_empty());
}

#[wasm_bindgen_test]
fn search_finds_every_hit_and_the_article_marks_them_with_the_current_one_apart() {
    let mut reader = reader_with_words();
    let info = reader.load_text("sample-page.txt", SAMPLE).unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    let found = reader.search("周立新").unwrap();
    let total = field(&found, "total_hits").as_f64().unwrap() as usize;
    // The search folds whitespace away, so it finds a name the columns wrapped.
    let folded: String = SAMPLE.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(total, folded.matches("周立新").count());
    let results = js_sys::Array::from(&field(&found, "results"));
    let first = results.get(0);
    let article = field(&first, "article").as_f64().unwrap() as usize;
    let hits = js_sys::Array::from(&field(&first, "hits"));
    let current = field(&hits.get(0), "id").as_f64().unwrap() as u32;
    let layers = vec!["hit".into(), "current".into()];
    let html = reader.render_article(id, article, layers, "a", Some(current)).unwrap();
    assert_eq!(html.matches("<mark class=\"hit").count(), hits.length() as usize, "{html}");
    assert_eq!(html.matches("<mark class=\"hit current\"").count(), 1, "{html}");
    // Markdown export holds the page's headlines.
    assert!(reader.export_markdown().contains("守好富春江畔"));
}

#[wasm_bindgen_test]
fn a_page_parsed_elsewhere_loads_as_it_was_parsed_and_bad_json_fails_in_one_line() {
    // What the PDF reader module hands over: a Page as JSON.
    let page = baozhi::parse_page("城西口袋公园开放\n\n本报讯 这座公园占地约八亩，建有步道和花廊。\n");
    let json = serde_json::to_string(&page).unwrap();
    let mut reader = Reader::new();
    let info = reader.load_parsed("paper.pdf", &json).unwrap();
    assert_eq!(field(&info, "articles").as_f64(), Some(1.0));
    let contents = js_sys::Array::from(&reader.contents().unwrap());
    assert_eq!(field(&contents.get(0), "title").as_string().as_deref(), Some("城西口袋公园开放"));
    let err = reader.load_parsed("bad.pdf", "{\"articles\": 3}").expect_err("refused");
    let message = String::from(JsValue::from(err).unchecked_into::<js_sys::Error>().message());
    assert!(message.starts_with("bad.pdf: cannot read the parsed page") && !message.contains('\n'), "{message}");
}

#[wasm_bindgen_test]
fn an_article_drawn_again_shows_the_latest_marks_and_words() {
    let mut reader = reader_with_words();
    let info = reader.load_text("p.txt", "本报讯 要抓实转移避险，转移群众。\n").unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    let layers = || vec!["hit".to_string(), "current".to_string(), "w".to_string()];
    let draw = |reader: &mut Reader, current| reader.render_article(id, 0, layers(), "a", current).unwrap();
    reader.search_json("转移").unwrap();
    let first = draw(&mut reader, Some(0));
    assert_eq!(first.matches("<mark").count(), 2, "{first}");
    assert_eq!(first.matches("current").count(), 1, "{first}");
    // The same marks: the same HTML; another current hit moves the mark.
    assert_eq!(draw(&mut reader, Some(0)), first);
    let second = draw(&mut reader, Some(1));
    assert_ne!(second, first);
    assert_eq!(second.matches("current").count(), 1, "{second}");
    // A new search: its marks, none of the last one's.
    reader.search_json("群众").unwrap();
    let third = draw(&mut reader, None);
    assert_eq!(third.matches("<mark").count(), 1, "{third}");
    assert!(third.contains(">群众</mark>"), "{third}");
    // A word of yours cuts the article again: drawn with it whole.
    reader.search_json("").unwrap();
    assert!(!draw(&mut reader, None).contains(">转移避险<"));
    reader.add_user_words("转移避险 50000 nz").unwrap();
    let words = draw(&mut reader, None);
    assert!(words.contains(">转移避险<"), "{words}");
    // The page drawn whole, each article under its own id.
    let page = reader.render_page(id, layers(), "a", None).unwrap();
    assert_eq!(
        page,
        vec![words.replace("\"a\"", &format!("\"a-{id}-0\"")).replace("\"a-title\"", &format!("\"a-{id}-0-title\""))]
    );
}

#[wasm_bindgen_test]
fn a_page_loaded_with_its_words_later_is_drawn_with_them_once_any_change_brings_them() {
    let person = || vec!["person".to_string()];
    let marked = |html: &str| html.contains("<span class=\"person\">俞晓峰</span>");
    // analysePending brings them.
    let mut reader = reader_with_words();
    let info = reader.load_text_words_later("sample-page.txt", SAMPLE).unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    let html = reader.render_article(id, 0, person(), "a", None).unwrap();
    assert!(!marked(&html), "drawn first without its words: {html}");
    assert!(reader.analyse_pending());
    let html = reader.render_article(id, 0, person(), "a", None).unwrap();
    assert!(marked(&html), "drawn again with them: {html}");
    // So does a catch-up (the page's turn among the calls that change the
    // library), though it cuts no page again: what was drawn before it
    // without the words is not drawn again as it was.
    let mut reader = reader_with_words();
    let info = reader.load_text_words_later("sample-page.txt", SAMPLE).unwrap();
    let id = field(&info, "id").as_f64().unwrap() as u32;
    assert!(!marked(&reader.render_article(id, 0, person(), "a", None).unwrap()));
    assert!(reader.catch_up_some(1));
    let html = reader.render_article(id, 0, person(), "a", None).unwrap();
    assert!(marked(&html), "drawn with its words after the catch-up: {html}");
    assert!(!reader.analyse_pending(), "nothing left to analyse");
}

#[wasm_bindgen_test]
fn a_search_counts_a_page_whose_words_are_still_to_come() {
    let total = |found: &str| {
        let found = js_sys::JSON::parse(found).unwrap();
        field(&found, "total_hits").as_f64().unwrap()
    };
    let mut at_once = reader_with_words();
    at_once.load_text("a.txt", SAMPLE).unwrap();
    at_once.load_text("b.txt", SAMPLE).unwrap();
    let want = total(&at_once.search_json("周立新").unwrap());
    // The page's words were asked for after a search was posted: the
    // search, answered first, counts the page all the same.
    let mut reader = reader_with_words();
    reader.load_text("a.txt", SAMPLE).unwrap();
    reader.load_text_words_later("b.txt", SAMPLE).unwrap();
    assert_eq!(total(&reader.search_json("周立新").unwrap()), want);
    assert!(!reader.analyse_pending(), "the search brought its words");
}

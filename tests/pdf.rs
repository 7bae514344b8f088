//! `parse_pdf` on PDFs written here with lopdf, the way Chinese e-papers
//! set text: an Identity-H CID font whose `ToUnicode` map says what each
//! glyph is. Layout (a headline over two columns), several pages, and the
//! bad inputs: no text layer, fonts without Unicode, a password, a
//! truncated or damaged file, limits — each one line, none a panic.
#![cfg(all(not(target_arch = "wasm32"), feature = "pdf"))]

use baozhi::pdf::{Limits, parse_pdf_with, text_layer};
use baozhi::{Error, parse_pdf};
use lopdf::{Document, Object, Stream, dictionary};
use proptest::prelude::*;

/// A run of text on a page: its text, left edge, baseline from the top, size.
type Run<'a> = (&'a str, f32, f32, f32);

const PAGE_HEIGHT: f32 = 800.0;

/// A PDF of the given pages, one CID font with glyph ids numbered by first
/// use; with `unicode` false the font has no `ToUnicode` map.
fn pdf(pages: &[&[Run]], unicode: bool) -> Vec<u8> {
    pdf_drawn(pages, unicode, &[])
}

/// A rule or a box filled grey: left, top, width, height (top-down).
type Shape = (f32, f32, f32, f32);

/// [`pdf`] with shapes drawn on the first page.
fn pdf_drawn(pages: &[&[Run]], unicode: bool, shapes: &[Shape]) -> Vec<u8> {
    let mut chars: Vec<char> = Vec::new();
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut contents = Vec::new();
    for (n, runs) in pages.iter().enumerate() {
        let mut ops = String::new();
        if n == 0 {
            for (x, y, w, h) in shapes {
                ops.push_str(&format!("0.7 g {x} {} {w} {h} re f 0 g\n", PAGE_HEIGHT - y - h));
            }
        }
        for (text, x, y, size) in runs.iter() {
            let mut hex = String::new();
            for c in text.chars() {
                let cid = chars.iter().position(|&k| k == c).unwrap_or_else(|| {
                    chars.push(c);
                    chars.len() - 1
                }) + 1;
                hex.push_str(&format!("{cid:04X}"));
            }
            ops.push_str(&format!("BT /F1 {size} Tf 1 0 0 1 {x} {} Tm <{hex}> Tj ET\n", PAGE_HEIGHT - y));
        }
        contents.push(ops);
    }
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in chars.chunks(100).enumerate() {
        let (n, chunk) = chunk;
        cmap.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (i, c) in chunk.iter().enumerate() {
            let mut units = [0u16; 2];
            let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
            cmap.push_str(&format!("<{:04X}> <{hex}>\n", n * 100 + i + 1));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
    });
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
    };
    if unicode {
        font.set("ToUnicode", Object::Reference(to_unicode));
    }
    let font = doc.add_object(font);
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for ops in contents {
        let content = doc.add_object(Stream::new(dictionary! {}, ops.into_bytes()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 600.into(), PAGE_HEIGHT.into()],
        })));
    }
    let count = kids.len() as i64;
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("the test PDF writes");
    out
}

/// A story: a 24 pt headline over two columns of 10 pt body on 13 pt
/// baselines, the first line of each paragraph set in by two characters.
fn story(top: f32) -> Vec<Run<'static>> {
    let y = |n: f32| top + 40.0 + n * 13.0;
    vec![
        ("全市新建三座公园", 50.0, top, 24.0),
        ("本报讯（记者 李明）昨日，记者从", 70.0, y(0.0), 10.0),
        ("市园林局获悉，今年全市将新建三座公", 50.0, y(1.0), 10.0),
        ("园，", 50.0, y(2.0), 10.0),
        ("预计年底前向市民开放。公园将设有", 250.0, y(0.0), 10.0),
        ("步道和儿童游乐场。", 250.0, y(1.0), 10.0),
    ]
}

#[test]
fn a_headline_over_two_columns_reads_as_one_article() {
    let page = parse_pdf(&pdf(&[&story(60.0)], true)).unwrap();
    assert_eq!(page.articles.len(), 1, "{page:#?}");
    let a = &page.articles[0];
    assert_eq!(a.title.as_deref(), Some("全市新建三座公园"));
    assert_eq!(a.dateline.as_deref(), Some("本报讯（记者 李明）"));
    assert_eq!(
        a.paragraphs.concat(),
        "昨日，记者从市园林局获悉，今年全市将新建三座公园，预计年底前向市民开放。公园将设有步道和儿童游乐场。"
    );
}

#[test]
fn kicker_title_and_subtitle_are_told_by_their_type() {
    let runs = [
        ("城南街道", 50.0, 60.0, 13.0),
        ("老旧小区加装电梯", 50.0, 90.0, 24.0),
        ("首批十二部电梯投入使用", 50.0, 112.0, 13.0),
        ("本报讯 昨日，城南街道首批加装的十二部", 70.0, 140.0, 10.0),
        ("电梯投入使用，六百余户居民出行更方便。", 50.0, 153.0, 10.0),
    ];
    let page = parse_pdf(&pdf(&[&runs], true)).unwrap();
    assert_eq!(page.articles.len(), 1, "{page:#?}");
    let a = &page.articles[0];
    assert_eq!(a.kicker.as_deref(), Some("城南街道"));
    assert_eq!(a.title.as_deref(), Some("老旧小区加装电梯"));
    assert_eq!(a.subtitle.as_deref(), Some("首批十二部电梯投入使用"));
    assert_eq!(a.paragraphs.concat(), "昨日，城南街道首批加装的十二部电梯投入使用，六百余户居民出行更方便。");
}

#[test]
fn the_masthead_over_the_first_rule_is_furniture_and_a_headline_under_its_text_is_its_title() {
    let runs = [
        ("晨光日报", 50.0, 40.0, 30.0),
        ("本报讯 河滨步道改造完工，新铺的透水", 70.0, 90.0, 10.0),
        ("路面和夜间照明让市民散步更安心。", 50.0, 103.0, 10.0),
        ("河滨步道完成改造", 50.0, 135.0, 20.0),
        ("城东图书馆开放", 50.0, 180.0, 20.0),
        ("本报讯 城东社区图书馆昨日开放，藏书", 70.0, 205.0, 10.0),
        ("两万余册，设有儿童阅览区、自习室和报刊角，", 50.0, 218.0, 10.0),
    ];
    // The rest of the page: the story runs on down the second column.
    let more: Vec<Run> =
        (0..30).map(|n| ("附近居民早早排队等候入馆借阅图书。", 300.0, 180.0 + 13.0 * n as f32, 10.0)).collect();
    let runs: Vec<Run> = runs.into_iter().chain(more).collect();
    // A rule across the page under the masthead, one between the stories.
    let shapes = [(40.0, 60.0, 520.0, 0.8), (40.0, 150.0, 520.0, 0.5)];
    let page = parse_pdf(&pdf_drawn(&[&runs], true, &shapes)).unwrap();
    assert_eq!(page.leftovers, ["晨光日报"], "{page:#?}");
    let titles: Vec<_> = page.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [Some("河滨步道完成改造"), Some("城东图书馆开放")]);
    assert!(page.articles[0].paragraphs.concat().starts_with("河滨步道改造完工"));
    assert!(page.articles[1].paragraphs.concat().starts_with("城东社区图书馆"));
}

#[test]
fn a_caption_under_a_photo_belongs_to_no_article() {
    let runs = [
        ("公园新添儿童乐园", 50.0, 60.0, 22.0),
        ("新建的儿童乐园里孩子们正在玩耍", 50.0, 200.0, 8.5),
        ("本报讯 人民公园儿童乐园昨日开放，滑梯", 70.0, 225.0, 10.0),
        ("和沙坑前排起了长队。", 50.0, 238.0, 10.0),
    ];
    // The photo: a grey box over the caption.
    let page = parse_pdf(&pdf_drawn(&[&runs], true, &[(50.0, 80.0, 200.0, 110.0)])).unwrap();
    assert_eq!(page.leftovers, ["新建的儿童乐园里孩子们正在玩耍"], "{page:#?}");
    assert_eq!(page.articles.len(), 1);
    assert_eq!(page.articles[0].title.as_deref(), Some("公园新添儿童乐园"));
}

#[test]
fn the_text_layer_is_read_through_the_fonts_unicode_map() {
    assert_eq!(text_layer(&pdf(&[&[("报纸ABC，读者", 50.0, 50.0, 12.0)]], true)).unwrap(), "报纸ABC，读者");
}

#[test]
fn several_pages_give_their_articles_page_by_page() {
    let one = story(60.0);
    let mut two = story(60.0);
    two[0].0 = "老城区改造启动";
    let both = parse_pdf(&pdf(&[&one, &two], true)).unwrap();
    let titles: Vec<_> = both.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [Some("全市新建三座公园"), Some("老城区改造启动")]);
    // Each page on its own parses as it does within the file.
    assert_eq!(both.articles[0], parse_pdf(&pdf(&[&one], true)).unwrap().articles[0]);
}

#[test]
fn a_pdf_without_text_says_it_has_only_images() {
    let err = parse_pdf(&pdf(&[&[]], true)).unwrap_err();
    assert_eq!(err, Error::PdfOnlyImages);
    assert_eq!(err.to_string(), "this PDF has only images; baozhi reads PDFs with a text layer");
}

#[test]
fn fonts_that_do_not_say_their_characters_are_reported_not_guessed() {
    let err = parse_pdf(&pdf(&[&story(60.0)], false)).unwrap_err();
    assert_eq!(err, Error::PdfNoUnicode);
}

#[test]
fn a_pdf_locked_by_a_password_says_so() {
    // An encryption dictionary whose keys no empty password opens.
    let bytes = pdf(&[&story(60.0)], true);
    let mut doc = Document::load_mem(&bytes).unwrap();
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -4,
        "O" => Object::string_literal(vec![7u8; 32]), "U" => Object::string_literal(vec![9u8; 32]),
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set("ID", vec![Object::string_literal(vec![1u8; 16]), Object::string_literal(vec![1u8; 16])]);
    let mut locked = Vec::new();
    doc.save_to(&mut locked).unwrap();
    assert_eq!(parse_pdf(&locked).unwrap_err(), Error::PdfLocked);
}

#[test]
fn truncated_and_damaged_files_are_one_line_errors() {
    let bytes = pdf(&[&story(60.0)], true);
    for cut in [8, bytes.len() / 4, bytes.len() / 2] {
        if let Err(e) = parse_pdf(&bytes[..cut]) {
            assert!(!e.to_string().contains('\n'));
            assert!(matches!(e, Error::PdfUnreadable { .. } | Error::PdfOnlyImages | Error::PdfNoUnicode), "{e:?}");
        }
    }
    assert_eq!(
        parse_pdf(b"%PDF-1.4\n%%EOF").unwrap_err().to_string(),
        "cannot read this PDF: the file is truncated or damaged"
    );
}

#[test]
fn limits_stop_a_file_over_them() {
    let bytes = pdf(&[&story(60.0), &story(60.0)], true);
    let pages = Limits { pages: 1, ..Limits::default() };
    assert_eq!(parse_pdf_with(&bytes, &pages).unwrap_err(), Error::PdfTooLarge { what: "pages", limit: 1 });
    let glyphs = Limits { glyphs_per_page: 10, ..Limits::default() };
    assert!(matches!(parse_pdf_with(&bytes, &glyphs), Err(Error::PdfTooLarge { what: "characters on a page", .. })));
    let operations = Limits { operations: 3, ..Limits::default() };
    assert!(matches!(parse_pdf_with(&bytes, &operations), Err(Error::PdfTooLarge { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Bytes of a good PDF with some overwritten: an answer or an error,
    /// never a panic.
    #[test]
    fn damaged_pdfs_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12)) {
        let mut bytes = pdf(&[&story(60.0)], true);
        let n = bytes.len();
        for (at, b) in edits {
            bytes[at.index(n)] = b;
        }
        let _ = parse_pdf(&bytes);
    }

    /// Runs of any text anywhere: every character ends up in the page,
    /// whitespace aside.
    #[test]
    fn every_character_of_the_text_layer_is_in_the_page(
        runs in proptest::collection::vec(("[一-龥，。：（）A-Za-z0-9 ]{1,20}", 0.0f32..550.0, 20.0f32..780.0, 6.0f32..30.0), 1..30),
        shapes in proptest::collection::vec((0.0f32..550.0, 0.0f32..780.0, 1.0f32..600.0, prop_oneof![0.3f32..2.0, 20.0f32..200.0]), 0..8)
    ) {
        // Rules and photo boxes anywhere: furniture bands, captions,
        // labels and story breaks move characters between articles and
        // leftovers, never out of the page.
        let runs: Vec<Run> = runs.iter().map(|(t, x, y, s)| (t.as_str(), *x, *y, *s)).collect();
        let bytes = pdf_drawn(&[&runs], true, &shapes);
        let mut layer: Vec<char> = text_layer(&bytes).unwrap().chars().filter(|c| !c.is_whitespace()).collect();
        match parse_pdf(&bytes) {
            Ok(page) => {
                let mut out: Vec<char> = page_chars(&page).chars().filter(|c| !c.is_whitespace()).collect();
                layer.sort_unstable();
                out.sort_unstable();
                prop_assert_eq!(layer, out);
            }
            Err(e) => prop_assert!(layer.is_empty(), "{e}"),
        }
    }
}

/// Every character the page holds once (authors repeat the byline).
fn page_chars(page: &baozhi::Page) -> String {
    let mut s = String::new();
    for a in &page.articles {
        for f in [&a.kicker, &a.title, &a.subtitle, &a.byline, &a.credit, &a.dateline].into_iter().flatten() {
            s.push_str(f);
        }
        s.extend(a.paragraphs.iter().map(String::as_str));
    }
    s.extend(page.leftovers.iter().map(String::as_str));
    s
}

//! Rendering: an article as HTML, with highlight layers as `<mark>` and
//! `<span class=…>` elements. Every piece of text from a page is escaped;
//! the only markup in the output is the renderer's own.

use std::collections::HashSet;
use std::fmt::Write;

use super::escape::{escape, escape_into};
use super::highlight::{Layer, Layers, Mark, spans};
use crate::annotate::ArticleTokens;
use crate::model::{Article, Field, derived_title, fields};
use crate::words::EntityKind;

/// Renders a text with marks (character offsets) into HTML.
pub fn render_text(text: &str, marks: &[Mark]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 24);
    render_text_into(&mut out, text, marks);
    out
}

fn render_text_into(out: &mut String, text: &str, marks: &[Mark]) {
    // Byte offset of every character boundary, so spans cut on characters.
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let len = bounds.len() - 1;
    for span in spans(len, marks) {
        let piece = &text[bounds[span.start]..bounds[span.end]];
        let word_start = span.starts.contains(Layer::Word);
        let shown: Layers = span.layers.iter().filter(|&l| l != Layer::Word).collect();
        if shown.is_empty() && !word_start {
            escape_into(out, piece);
            continue;
        }
        let is_hit = shown.contains(Layer::Hit) || shown.contains(Layer::Current);
        let element = if is_hit { "mark" } else { "span" };
        let mut classes: Vec<&str> = shown.iter().map(Layer::class).collect();
        if word_start {
            classes.push(Layer::Word.class());
        }
        let _ = write!(out, "<{element} class=\"{}\"", classes.join(" "));
        if let (true, Some(id)) = (is_hit, span.hit) {
            let _ = write!(out, " data-hit=\"{id}\"");
        }
        out.push('>');
        escape_into(out, piece);
        let _ = write!(out, "</{element}>");
    }
}

/// A search hit in an article, for highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldHit {
    pub field: Field,
    /// Character offsets into the field's text.
    pub start: usize,
    pub end: usize,
    /// The hit's number among all hits of the search.
    pub id: u32,
}

/// What to show when rendering an article.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions<'a> {
    /// The layers to show.
    pub layers: Layers,
    /// The article's keywords (shown as the keyword layer).
    pub keywords: &'a [String],
    pub hits: &'a [FieldHit],
    /// The id of the current hit.
    pub current: Option<u32>,
    /// The `id` of the article element; the title gets `{id}-title`.
    pub id: &'a str,
}

/// The marks of one field of an article under the given options.
fn field_marks(
    field: Field,
    words: Option<&ArticleTokens>,
    text: &str,
    opts: &RenderOptions,
    keywords: &HashSet<&str>,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    let on = |l: Layer| opts.layers.contains(l);
    for h in opts.hits.iter().filter(|h| h.field == field) {
        if on(Layer::Hit) {
            marks.push(Mark { start: h.start, end: h.end, layer: Layer::Hit, id: Some(h.id) });
        }
        if on(Layer::Current) && opts.current == Some(h.id) {
            marks.push(Mark { start: h.start, end: h.end, layer: Layer::Current, id: Some(h.id) });
        }
    }
    let Some(words) = words else { return marks };
    for e in words.entity_spans.iter().filter(|e| e.field == field) {
        let layer = match e.kind {
            EntityKind::Person => Layer::Person,
            EntityKind::Place => Layer::Place,
            EntityKind::Organization => Layer::Organization,
        };
        if on(layer) {
            marks.push(Mark::new(e.start, e.end, layer));
        }
    }
    let tokens = words.tokens.iter().find(|(f, _)| *f == field).map(|(_, t)| t);
    for t in tokens.into_iter().flatten() {
        if on(Layer::Word) && !t.text(text).trim().is_empty() {
            marks.push(Mark::new(t.start as usize, t.end as usize, Layer::Word));
        }
        if on(Layer::Keyword) && keywords.contains(t.text(text)) {
            marks.push(Mark::new(t.start as usize, t.end as usize, Layer::Keyword));
        }
    }
    marks
}

/// Renders an article: headline block, byline, dateline and paragraphs.
pub fn render_article(article: &Article, words: Option<&ArticleTokens>, opts: &RenderOptions) -> String {
    let keywords: HashSet<&str> = opts.keywords.iter().map(String::as_str).collect();
    let mut out = String::with_capacity(article.paragraphs.iter().map(String::len).sum::<usize>() * 2 + 512);
    let id = escape(opts.id);
    let _ = write!(out, "<article class=\"article\" id=\"{id}\" aria-labelledby=\"{id}-title\">");
    out.push_str("<header class=\"headline\">");
    if article.title.is_none() {
        push_derived_title(&mut out, article, &id);
    }
    let texts = fields(article);
    let mut body_open = false;
    for (field, text) in &texts {
        let marks = field_marks(*field, words, text, opts, &keywords);
        match field {
            Field::Kicker => out.push_str("<p class=\"kicker\">"),
            Field::Title => {
                let _ = write!(out, "<h2 class=\"title\" id=\"{id}-title\">");
            }
            Field::Subtitle => out.push_str("<p class=\"subtitle\">"),
            Field::Byline => out.push_str("<p class=\"byline\">"),
            Field::Dateline => continue,
            Field::Paragraph(i) => {
                if !body_open {
                    out.push_str("</header><div class=\"body\">");
                    body_open = true;
                }
                out.push_str("<p>");
                if *i == 0 {
                    push_dateline(&mut out, article, words, opts, &keywords);
                }
            }
        }
        render_text_into(&mut out, text, &marks);
        match field {
            Field::Title => out.push_str("</h2>"),
            Field::Byline => {
                if let Some(c) = &article.credit {
                    out.push_str(" <span class=\"credit\">");
                    escape_into(&mut out, c);
                    out.push_str("</span>");
                }
                out.push_str("</p>");
            }
            _ => out.push_str("</p>"),
        }
    }
    if !body_open {
        out.push_str("</header><div class=\"body\">");
        if article.paragraphs.is_empty() && article.dateline.is_some() {
            out.push_str("<p>");
            push_dateline(&mut out, article, words, opts, &keywords);
            out.push_str("</p>");
        }
    }
    out.push_str("</div></article>");
    out
}

fn push_dateline(
    out: &mut String,
    article: &Article,
    words: Option<&ArticleTokens>,
    opts: &RenderOptions,
    keywords: &HashSet<&str>,
) {
    if let Some(d) = &article.dateline {
        out.push_str("<span class=\"dateline\">");
        render_text_into(out, d, &field_marks(Field::Dateline, words, d, opts, keywords));
        out.push_str("</span> ");
    }
}

fn push_derived_title(out: &mut String, article: &Article, id: &str) {
    let _ = write!(
        out,
        "<h2 class=\"title derived\" id=\"{id}-title\" title=\"无标题：取自正文开头 (no headline on the page)\"><span class=\"derived-mark\">无题</span> "
    );
    escape_into(out, &derived_title(article).unwrap_or_default());
    out.push_str("</h2>");
}

/// A whole HTML document, for `baozhi html`: the given article HTML under
/// a heading, with the reader's stylesheet inline so the file stands alone.
pub fn render_document(title: &str, stylesheet: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + stylesheet.len() + 512);
    out.push_str("<!doctype html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>\n");
    // A stylesheet cannot end the element early unless it says `</style`.
    out.push_str(&stylesheet.replace("</style", "<\\/style"));
    out.push_str(
        "\n</style>\n</head>\n<body class=\"standalone\">\n<main class=\"reading\">\n<h1 class=\"page-title\">",
    );
    escape_into(&mut out, title);
    out.push_str("</h1>\n");
    out.push_str(body);
    out.push_str("\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text of some HTML: tags stripped, entities decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find(['<', '&']) {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            if rest.starts_with('<') {
                let end = rest.find('>').expect("tags close");
                rest = &rest[end + 1..];
            } else {
                let end = rest.find(';').expect("entities close");
                out.push(match &rest[..=end] {
                    "&amp;" => '&',
                    "&lt;" => '<',
                    "&gt;" => '>',
                    "&quot;" => '"',
                    "&#39;" => '\'',
                    e => panic!("unknown entity {e}"),
                });
                rest = &rest[end + 1..];
            }
        }
        out.push_str(rest);
        out
    }

    /// Checks that every tag is one of the renderer's own.
    fn only_own_markup(html: &str) -> Result<(), String> {
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let end = rest[i..].find('>').ok_or("unclosed tag")? + i;
            let tag = &rest[i..=end];
            let own = tag == "</mark>"
                || tag == "</span>"
                || (tag.starts_with("<mark class=\"") || tag.starts_with("<span class=\""))
                    && tag[1..tag.len() - 1].split(['"']).enumerate().all(|(n, part)| {
                        n % 2 == 0
                            || part.split(' ').all(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
                    })
                    && !tag.contains('\'');
            if !own {
                return Err(format!("foreign markup {tag}"));
            }
            rest = &rest[end + 1..];
        }
        Ok(())
    }

    fn arb_mark(len: usize) -> impl Strategy<Value = Mark> {
        (0..=len + 2, 0..=len + 2, prop::sample::select(Layer::ALL.to_vec()), prop::option::of(0u32..5))
            .prop_map(|(a, b, layer, id)| Mark { start: a, end: b, layer, id })
    }

    proptest! {
        #[test]
        fn rendered_text_is_the_text_and_markup_is_ours(
            text in "(<script>|\"><img onerror=alert(1)>|&amp;|&|<|>|'|\"|𠀀|😀|e\u{301}|[a-z义乌 ，]){0,40}",
            seed in any::<u64>(),
        ) {
            let len = text.chars().count();
            let marks: Vec<Mark> = (0..(seed % 8) as usize)
                .map(|i| {
                    let x = seed.rotate_left(i as u32 * 7);
                    let a = (x % (len as u64 + 3)) as usize;
                    let b = ((x >> 20) % (len as u64 + 3)) as usize;
                    Mark { start: a, end: b, layer: Layer::ALL[(x >> 40) as usize % 7], id: Some((x >> 50) as u32 % 4) }
                })
                .collect();
            let html = render_text(&text, &marks);
            prop_assert_eq!(text_of(&html), text.clone());
            prop_assert!(only_own_markup(&html).is_ok(), "{}", html);
        }

        #[test]
        fn arbitrary_marks_render_faithfully(text in any::<String>(), marks in prop::collection::vec(arb_mark(20), 0..10)) {
            let html = render_text(&text, &marks);
            prop_assert_eq!(text_of(&html), text);
            prop_assert!(only_own_markup(&html).is_ok());
        }
    }

    #[test]
    fn astral_characters_next_to_a_hit_keep_their_place() {
        // Character offsets: 𠀀 is one character (two UTF-16 units, four bytes).
        let text = "𠀀义乌😀市场";
        let html = render_text(
            text,
            &[Mark { start: 1, end: 3, layer: Layer::Hit, id: Some(0) }, Mark::new(4, 6, Layer::Place)],
        );
        assert_eq!(html, "𠀀<mark class=\"hit\" data-hit=\"0\">义乌</mark>😀<span class=\"place\">市场</span>");
    }

    #[test]
    fn hostile_text_is_escaped() {
        let html = render_text(
            "<script>alert(1)</script>\"><img src=x onerror=alert(1)>&amp;",
            &[Mark::new(0, 8, Layer::Keyword)],
        );
        assert!(!html.contains("<script>") && !html.contains("<img"));
        assert!(html.contains("&lt;script&gt;") && html.contains("&amp;amp;"));
    }

    #[test]
    fn an_article_renders_with_headline_byline_dateline_and_layers() {
        let article = Article {
            kicker: Some("引题".into()),
            title: Some("义乌市场<繁荣>".into()),
            byline: Some("记者 张三".into()),
            credit: Some("文/摄".into()),
            dateline: Some("本报讯".into()),
            paragraphs: vec!["义乌市场很繁荣。".into(), "第二段。".into()],
            ..Article::default()
        };
        let hits = [FieldHit { field: Field::Paragraph(0), start: 0, end: 2, id: 3 }];
        let opts = RenderOptions {
            layers: Layers::all(),
            hits: &hits,
            current: Some(3),
            id: "a1",
            ..RenderOptions::default()
        };
        let html = render_article(&article, None, &opts);
        assert!(html.starts_with("<article class=\"article\" id=\"a1\" aria-labelledby=\"a1-title\"><header class=\"headline\"><p class=\"kicker\">引题</p>"));
        assert!(html.contains("<h2 class=\"title\" id=\"a1-title\">义乌市场&lt;繁荣&gt;</h2>"), "{html}");
        assert!(html.contains("<p class=\"byline\">记者 张三 <span class=\"credit\">文/摄</span></p>"), "{html}");
        assert!(html.contains("<p><span class=\"dateline\">本报讯</span> <mark class=\"hit current\" data-hit=\"3\">义乌</mark>市场很繁荣。</p>"), "{html}");
    }

    #[test]
    fn an_untitled_article_gets_a_derived_title_marked_as_such() {
        let article =
            Article { paragraphs: vec!["昨日，市委书记主持召开会议。".into()], ..Article::default() };
        assert_eq!(derived_title(&article).as_deref(), Some("市委书记主持召开会议…"));
        let html = render_article(&article, None, &RenderOptions { id: "x", ..RenderOptions::default() });
        assert!(html.contains("class=\"title derived\""), "{html}");
        assert!(html.contains("无题"));
    }
}

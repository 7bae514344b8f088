//! Getting data out: pages as JSON (the parser's schema) and as Markdown.

use crate::model::derived_title;
use crate::model::{Article, Page};

/// Pages as JSON: `{"pages": [{"name", "page": <Page>}]}`, each page in the
/// parser's schema.
pub fn json<'a>(pages: impl IntoIterator<Item = (&'a str, &'a Page)>) -> String {
    #[derive(serde::Serialize)]
    struct Named<'a> {
        name: &'a str,
        page: &'a Page,
    }
    #[derive(serde::Serialize)]
    struct All<'a> {
        pages: Vec<Named<'a>>,
    }
    let all = All { pages: pages.into_iter().map(|(name, page)| Named { name, page }).collect() };
    serde_json::to_string_pretty(&all).expect("pages serialise")
}

/// Characters that Markdown would read as markup at a line's start or
/// inside text.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let line_start = i == 0;
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|')
            || (line_start && matches!(c, '#' | '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One article as Markdown: kicker, title (a derived one in brackets),
/// subtitle, byline, then the paragraphs, the dateline in bold.
pub fn article_markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(k) = &article.kicker {
        out.push_str(&format!("*{}*\n\n", escape_markdown(k)));
    }
    match &article.title {
        Some(t) => out.push_str(&format!("## {}\n\n", escape_markdown(t))),
        None => {
            let derived = derived_title(article).unwrap_or_default();
            out.push_str(&format!("## \\[{}\\]\n\n", escape_markdown(&derived)));
        }
    }
    if let Some(s) = &article.subtitle {
        out.push_str(&format!("### {}\n\n", escape_markdown(s)));
    }
    if let Some(b) = &article.byline {
        let credit = article.credit.as_deref().map(|c| format!(" {}", escape_markdown(c))).unwrap_or_default();
        out.push_str(&format!("*{}{credit}*\n\n", escape_markdown(b)));
    }
    if let Some(d) = &article.dateline {
        // It opens the first paragraph, or stands alone in an article of none.
        out.push_str(&format!("**{}**", escape_markdown(d)));
        out.push_str(if article.paragraphs.is_empty() { "\n\n" } else { " " });
    }
    for p in &article.paragraphs {
        out.push_str(&escape_markdown(p));
        out.push_str("\n\n");
    }
    out
}

/// Pages as Markdown, one section per page.
pub fn markdown<'a>(pages: impl IntoIterator<Item = (&'a str, &'a Page)>) -> String {
    let mut out = String::new();
    for (name, page) in pages {
        out.push_str(&format!("# {}\n\n", escape_markdown(name)));
        for a in &page.articles {
            out.push_str(&article_markdown(a));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn markdown_has_headline_byline_and_paragraphs() {
        let page = crate::parse_page(
            "市区新增三处停车场\n本报讯（记者 张三）昨日，记者从市交通\n局获悉，*新增* 三处停车场。\n",
        );
        let md = markdown([("p1.txt", &page)]);
        assert!(md.starts_with("# p1.txt\n\n## 市区新增三处停车场\n\n"), "{md}");
        assert!(md.contains("**本报讯（记者 张三）** 昨日，记者从市交通局获悉，\\*新增\\*三处停车场。"), "{md}");
    }

    #[test]
    fn a_dateline_with_no_paragraph_after_it_is_kept() {
        let page = crate::parse_page("市区新增三处停车场\n\n本报讯\n");
        let md = markdown([("p", &page)]);
        assert!(md.contains("**本报讯**"), "{md}");
    }

    #[test]
    fn json_round_trips_the_parser_schema() {
        let page = crate::parse_page(include_str!("../tests/fixtures/sample-page.txt"));
        let text = json([("sample", &page)]);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let back: Page = serde_json::from_value(v["pages"][0]["page"].clone()).unwrap();
        assert_eq!(back, page);
        assert_eq!(v["pages"][0]["name"], "sample");
    }
}

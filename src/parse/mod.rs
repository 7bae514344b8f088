//! The parser: raw text of one or more pages → [`Page`].
//!
//! It runs in passes, each private to this module:
//! `lines` classifies the lines of a page, `reflow` rejoins wrapped
//! lines into paragraphs and finds headlines, `assemble` attaches
//! headlines and bylines to their articles. The recognisers for bylines,
//! datelines, furniture and captions live in `marks`.

mod assemble;
mod lines;
mod marks;
mod reflow;

pub use marks::is_ornament;

use crate::model::Page;

/// Parses the raw text of one newspaper page, or of several separated by
/// form feeds (as `pdftotext` writes them). No article spans a page break.
///
/// The parser changes whitespace only: every other character of the input
/// ends up in exactly one field of one article, or in `leftovers`, except
/// an ornament glyph that marks a byline (`▢`). `authors` repeats names
/// from the byline and dateline.
///
/// ```
/// let page = baozhi::parse_page("市区新增三处停车场\n本报讯（记者 张三）昨日，记者从市交通\n局获悉，市区将新增三处停车场。\n");
/// let article = &page.articles[0];
/// assert_eq!(article.title.as_deref(), Some("市区新增三处停车场"));
/// assert_eq!(article.dateline.as_deref(), Some("本报讯（记者 张三）"));
/// assert_eq!(article.authors, ["张三"]);
/// assert_eq!(article.paragraphs, ["昨日，记者从市交通局获悉，市区将新增三处停车场。"]);
/// ```
pub fn parse_page(input: &str) -> Page {
    let mut page = Page::default();
    for sheet in input.split('\u{0C}') {
        let lines = lines::split_lines(sheet);
        let units = reflow::reflow(&lines);
        assemble::assemble(units, &mut page.articles, &mut page.leftovers);
    }
    page
}

/// The units the reflow pass gives for each sheet of `input`, one a line,
/// for studying a page the parser gets wrong (`baozhi parse --units`).
#[cfg(feature = "measure")]
pub fn trace_units(input: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (n, sheet) in input.split('\u{0C}').enumerate() {
        let _ = writeln!(out, "== sheet {}", n + 1);
        for unit in reflow::reflow(&lines::split_lines(sheet)) {
            let _ = writeln!(out, "{unit:?}");
        }
    }
    out
}

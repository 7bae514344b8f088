//! The parser's output and its driver: raw text of one or more pages →
//! [`Page`].

use serde::{Deserialize, Serialize};

use crate::{article, lines, reflow};

/// Everything parsed from one input: the articles of all its pages, in
/// order, and the text that belongs to no article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Page {
    pub articles: Vec<Article>,
    /// Page furniture and any line that belongs to no article, in page order.
    pub leftovers: Vec<String>,
}

/// One article. Absent parts are `null`; `authors` and `paragraphs` are
/// empty lists when there are none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Article {
    /// The line above the title (引题).
    pub kicker: Option<String>,
    /// The headline; `None` when the article has none on the page.
    pub title: Option<String>,
    /// The line below the title (副题).
    pub subtitle: Option<String>,
    /// The byline without its ornament and trailing credit: `全媒体记者 张三`.
    pub byline: Option<String>,
    /// The people named in the byline and the dateline.
    pub authors: Vec<String>,
    /// What the byline's people did, when it says: `文/摄`, `摄`.
    pub credit: Option<String>,
    /// `本报讯`, `新华社北京5月26日电（记者 张三）`…
    pub dateline: Option<String>,
    /// Reflowed paragraphs, the dateline taken off the first.
    pub paragraphs: Vec<String>,
}

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
        article::assemble(units, &mut page.articles, &mut page.leftovers);
    }
    page
}

//! What flows between the stages: the parser's [`Page`] of [`Article`]s,
//! which every later stage (words, search, rendering, export) reads.

use serde::{Deserialize, Serialize};

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

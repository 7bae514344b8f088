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

/// Where a piece of text sits in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase", tag = "field", content = "index")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Field {
    Kicker,
    Title,
    Subtitle,
    Byline,
    Dateline,
    Paragraph(usize),
}

impl Field {
    /// The field's name, as the CLI and the bindings spell it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Kicker => "kicker",
            Field::Title => "title",
            Field::Subtitle => "subtitle",
            Field::Byline => "byline",
            Field::Dateline => "dateline",
            Field::Paragraph(_) => "paragraph",
        }
    }

    /// Is it part of the headline block?
    pub fn is_headline(self) -> bool {
        matches!(self, Field::Kicker | Field::Title | Field::Subtitle)
    }
}

/// The texts of an article in reading order, each with its field.
pub fn fields(article: &Article) -> Vec<(Field, &str)> {
    let mut out = Vec::with_capacity(article.paragraphs.len() + 5);
    for (field, text) in [
        (Field::Kicker, &article.kicker),
        (Field::Title, &article.title),
        (Field::Subtitle, &article.subtitle),
        (Field::Byline, &article.byline),
        (Field::Dateline, &article.dateline),
    ] {
        if let Some(t) = text {
            out.push((field, t.as_str()));
        }
    }
    out.extend(article.paragraphs.iter().enumerate().map(|(i, p)| (Field::Paragraph(i), p.as_str())));
    out
}

/// The text of one field of an article.
pub fn field_text(article: &Article, field: Field) -> Option<&str> {
    match field {
        Field::Kicker => article.kicker.as_deref(),
        Field::Title => article.title.as_deref(),
        Field::Subtitle => article.subtitle.as_deref(),
        Field::Byline => article.byline.as_deref(),
        Field::Dateline => article.dateline.as_deref(),
        Field::Paragraph(i) => article.paragraphs.get(i).map(String::as_str),
    }
}

/// A title for an article printed without one: the start of its first
/// sentence, after a short opening clause such as `昨日，`, at most 20
/// characters. The page shows it marked as derived.
pub fn derived_title(article: &Article) -> Option<String> {
    let first = article.paragraphs.first()?;
    let sentence: &str = first.split(['。', '！', '？', '!', '?']).next().unwrap_or(first);
    let mut rest = sentence;
    let short_opening = |(opening, after): &(&str, &str)| opening.chars().count() < 5 && !after.is_empty();
    if let Some((_, after)) = sentence.split_once(['，', ',']).filter(short_opening) {
        rest = after;
    }
    let rest = rest.trim();
    let title: String = rest.chars().take(20).collect();
    if title.is_empty() {
        return None;
    }
    Some(if title.chars().count() < first.chars().count() { format!("{title}…") } else { title })
}

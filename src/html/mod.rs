//! The HTML view of articles: escaping, highlight layers (hits, words,
//! entities, keywords) resolved into non-overlapping spans, and rendering
//! into `<mark>` and `<span class=…>` elements.

mod escape;
mod highlight;
mod render;

pub use escape::{escape, escape_into};
pub use highlight::{Layer, Layers, Mark, Span, spans};
pub use render::{FieldHit, RenderOptions, render_article, render_document, render_text};

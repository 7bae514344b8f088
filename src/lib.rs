//! baozhi (报纸) reads Chinese newspaper pages given as raw text, the way OCR
//! or `pdftotext` writes them, and turns them into articles.
//!
//! The modules follow the pipeline:
//!
//! - [`text`]: bytes → text ([`decode`]), character facts, folding for search;
//! - [`parse`]: text → [`Page`] of [`Article`]s ([`parse_page`]; the types in [`model`]);
//! - [`pdf`]: a PDF's text layer → text in reading order → [`Page`] ([`parse_pdf`]);
//! - [`words`]: the segmenter (jieba, tags, the user's words, names);
//! - [`annotate`]: an article's words → entities and keywords;
//! - [`search`]: an index over pages, queries → ranked results;
//! - [`archive`]: a static archive of many pages, searched by fetching
//!   only the index files a query needs;
//! - [`html`]: articles → HTML with highlight layers;
//! - [`library`] holds the loaded pages and ties the stages together;
//!   [`export`] writes articles out; `wasm` binds it all for the browser.
//!
//! Every fallible function returns the one [`Error`].

pub mod annotate;
pub mod archive;
pub mod error;
pub mod export;
pub mod html;
pub mod library;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod search;
pub mod text;
pub mod words;

#[cfg(all(target_arch = "wasm32", not(feature = "no-bindings")))]
pub mod wasm;

pub use error::Error;
pub use model::{Article, Page};
pub use parse::parse_page;
pub use pdf::parse_pdf;
pub use text::{Decoded, decode};

//! baozhi (报纸) reads Chinese newspaper pages given as raw text, the way OCR
//! or `pdftotext` writes them, and turns them into articles.
//!
//! The work is done in passes, one module each:
//! [`lines`] classifies the lines of a page, [`reflow`] rejoins wrapped
//! lines into paragraphs and finds headlines, [`article`] attaches
//! headlines and bylines to their articles. [`parse_page`] runs them all.

pub mod annotate;
pub mod article;
#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
pub mod decode;
pub mod dict;
pub mod error;
pub mod export;
pub mod highlight;
pub mod library;
pub mod lines;
pub mod marks;
pub mod normalize;
pub mod page;
pub mod reflow;
pub mod render;
pub mod search;
pub mod synth;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use decode::{Decoded, decode};
pub use error::Error;
pub use page::{Article, Page, parse_page};

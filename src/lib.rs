//! baozhi (报纸) reads Chinese newspaper pages given as raw text, the way OCR
//! or `pdftotext` writes them, and turns them into articles.
//!
//! [`parse_page`] (the [`parse`] stage) turns text into a [`Page`] of
//! [`Article`]s ([`model`]); the later stages read that.

pub mod annotate;
#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
pub mod decode;
pub mod dict;
pub mod error;
pub mod export;
pub mod highlight;
pub mod library;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod render;
pub mod search;
pub mod synth;
pub mod text;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use decode::{Decoded, decode};
pub use error::Error;
pub use model::{Article, Page};
pub use parse::parse_page;

//! Recognisers for the marks a newspaper puts around its articles: bylines,
//! datelines, page furniture, photo captions and list markers, and the
//! words of time that open a story's sentences.
//!
//! Each works on one normalised line (or the start of a reflowed paragraph)
//! and knows nothing of the page around it; the passes weigh the evidence.

mod byline;
mod caption;
mod dateline;
mod furniture;
mod time;

pub use byline::{Byline, is_ornament, opens_with_role, parse_byline};
pub use caption::{ends_with_photo_credit, is_photo_source, starts_caption, starts_enumerator};
pub use dateline::{could_open_dateline, match_dateline, starts_with_dateline};
pub use furniture::{LineFacts, furniture, is_phone_line};
pub use time::{opens_with_time, runs_on_into_time};

//! The laboratory: corpora with known answers and the measures of the
//! parser on them. Not part of what is shipped.

pub mod realtool;

//! One module a command: its arguments (`Args`, with its `--help`) and `run`.

pub mod archive;
pub mod bench;
pub mod dictionary;
pub mod html;
pub mod names;
pub mod parse;
pub mod search;
pub mod segment;
pub mod synth;
pub mod words;

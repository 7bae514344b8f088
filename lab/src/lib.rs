//! Measurement and test support for baozhi, kept out of the library (and
//! so out of the WebAssembly build): synthetic pages with known answers,
//! the faithfulness oracle, the real-tool corpus (pages laid out, printed
//! by Chromium and read back by pdftotext) with its scorer, and the
//! benchmark drivers behind `baozhi bench` and the criterion benches.

pub mod bench;
pub mod faithful;
pub mod realtool;
pub mod synth;

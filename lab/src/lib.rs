//! Measurement and test support for baozhi, kept out of the library (and
//! so out of the WebAssembly build): synthetic pages with known answers,
//! and the benchmark drivers behind `baozhi bench` and the criterion
//! benches.

pub mod bench;
pub mod synth;

//! Packs jieba's dictionary (`data/jieba/dict.txt`) into the compact form
//! of `src/words/dict.rs`, for the binary to embed (`baozhi::words`).

#[path = "src/error.rs"]
#[allow(dead_code)]
mod error;

#[path = "src/words/dict.rs"]
#[allow(dead_code)]
mod dict;

fn main() {
    let source = "data/jieba/dict.txt";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=src/words/dict.rs");
    println!("cargo::rerun-if-changed=src/error.rs");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let packed = dict::pack(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dict.bin");
    std::fs::write(&out, packed).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

//! Packs jieba's dictionary (`data/jieba/dict.txt`), with the places of
//! `data/places/` merged in (`src/words/places.rs`), and its HMM's emission
//! table (`data/jieba/hmm.model`) into the compact form
//! of `src/words/dict.rs`, for the binary to embed (`baozhi::words`).

#[path = "src/error.rs"]
#[allow(dead_code)]
mod error;

#[path = "src/words/dict.rs"]
#[allow(dead_code)]
mod dict;

#[path = "src/words/places.rs"]
#[allow(dead_code)]
mod places;

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=src/words/dict.rs");
    println!("cargo::rerun-if-changed=src/words/places.rs");
    println!("cargo::rerun-if-changed=src/error.rs");
    let source = "data/jieba/dict.txt";
    let text = places::merge(
        &read(source),
        &read("data/places/china.txt"),
        &read("data/places/world.txt"),
        &read("data/places/not-places.txt"),
        &read("data/places/organizations.txt"),
    );
    let hmm = dict::pack_hmm(&read("data/jieba/hmm.model")).unwrap_or_else(|e| panic!("data/jieba/hmm.model: {e}"));
    let packed = dict::pack(&text, &hmm).unwrap_or_else(|e| panic!("{source}: {e}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("dict.bin");
    std::fs::write(&out, packed).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

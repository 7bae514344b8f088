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
    let out = out.with_file_name("simplified.bin");
    std::fs::write(&out, simplified_pairs()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The characters of the CJK Unified Ideographs block (U+4E00 to U+9FFF)
/// that `fast2s` simplifies, and what to, taken character by character
/// (each on a line of its own, so that none has context): pairs of the
/// low 16 bits of each, little-endian, for `src/text/fold.rs`.
fn simplified_pairs() -> Vec<u8> {
    const BLOCK: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;
    let mut all = String::new();
    for c in BLOCK.filter_map(char::from_u32) {
        all.push(c);
        all.push('\n');
    }
    let converted: Vec<char> = fast2s::convert(&all).chars().step_by(2).collect();
    assert_eq!(converted.len(), BLOCK.count(), "fast2s maps one character to one");
    let mut pairs = Vec::new();
    for (from, to) in BLOCK.zip(converted) {
        assert!(BLOCK.contains(&(to as u32)), "fast2s keeps CJK ideographs in their block");
        if from != to as u32 {
            pairs.extend_from_slice(&(from as u16).to_le_bytes());
            pairs.extend_from_slice(&(to as u32 as u16).to_le_bytes());
        }
    }
    pairs
}

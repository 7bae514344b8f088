//! Every `tests/fixtures/NAME.txt` with a `NAME.expected.json` beside it
//! parses to exactly that JSON. The fixtures are our own pages, written to
//! cover layouts the sample does not: headlines above their text, a body that a
//! column break interrupts with another article, page
//! furniture, agency datelines, bylines at the end, cross-heads, prose
//! with no newspaper marks, several pages in one file.
//!
//! `BLESS=1 cargo test --test fixtures` rewrites the expected files from
//! the parser's output; review the diff before committing it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baozhi::{Page, parse_page};

#[test]
fn every_fixture_parses_to_its_expected_json() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for txt in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let expected_path = txt.with_extension("expected.json");
        let got = parse_page(&std::fs::read_to_string(&txt).unwrap());
        // The sample's expected parse is given, never regenerated.
        if bless && !txt.ends_with("sample-page.txt") {
            std::fs::write(&expected_path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        }
        let Ok(expected) = std::fs::read_to_string(&expected_path) else {
            continue;
        };
        let want: Page = serde_json::from_str(&expected).unwrap();
        let diffs = common::differences(&got, &want);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n{}", txt.file_name().unwrap().to_string_lossy(), diffs.join("\n")));
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} fixtures with expected output");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

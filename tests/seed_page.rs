//! The sample page parses to exactly the expected JSON, compared field by
//! field so that a failure says which article and field went wrong.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baozhi::{Page, parse_page};
use common::{differences, fixture};

#[test]
fn the_sample_page_parses_to_the_expected_articles() {
    let got = parse_page(&fixture("seed-page.txt"));
    let want: Page = serde_json::from_str(&fixture("seed-page.expected.json")).unwrap();
    let diffs = differences(&got, &want);
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

#[test]
fn the_sample_page_serialises_to_the_expected_json() {
    let got = serde_json::to_value(parse_page(&fixture("seed-page.txt"))).unwrap();
    let want: serde_json::Value = serde_json::from_str(&fixture("seed-page.expected.json")).unwrap();
    assert_eq!(got, want);
}

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

#[test]
fn the_sample_page_marks_its_people_whole_and_its_cities_as_places() {
    use baozhi::annotate::{Terms, analyse_page};
    use baozhi::words::{EntityKind, Segmenter, names_in_page};
    let page = parse_page(&fixture("seed-page.txt"));
    let mut segmenter = Segmenter::embedded();
    let people = names_in_page(&page, &segmenter);
    assert!(people.len() >= 14, "{people:?}");
    let words = analyse_page(&page, &mut segmenter, &mut Terms::default());
    let marked =
        |text: &str, kind: EntityKind| words.iter().flat_map(|w| &w.entities).any(|e| e.text == text && e.kind == kind);
    for name in &people {
        assert!(marked(name, EntityKind::Person), "{name} is not marked as a person");
    }
    // No person is a piece of a learned name (`邵春` of a three-character name).
    for e in words.iter().flat_map(|w| &w.entities).filter(|e| e.kind == EntityKind::Person) {
        assert!(!people.iter().any(|n| n != &e.text && n.contains(&e.text)), "{} is a fragment", e.text);
    }
    for city in ["义乌", "浦江"] {
        assert!(marked(city, EntityKind::Place), "{city} is not marked as a place");
    }
}

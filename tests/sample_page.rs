//! Our sample page (`tests/fixtures/sample-page.txt`, a made-up local
//! daily written for this repository) parses to exactly the expected JSON,
//! compared field by field so that a failure says which article and field
//! went wrong; its people and places are marked, and its keywords are clean.
//! The shared third-party sample (`../shared/fixtures/seed-page.txt`) is
//! held to its own expected parse when it is there (never in CI).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baozhi::{Page, parse_page};
use common::{differences, fixture};

#[test]
fn the_sample_page_parses_to_the_expected_articles() {
    let got = parse_page(&fixture("sample-page.txt"));
    let want: Page = serde_json::from_str(&fixture("sample-page.expected.json")).unwrap();
    let diffs = differences(&got, &want);
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

#[test]
fn the_sample_page_serialises_to_the_expected_json() {
    let got = serde_json::to_value(parse_page(&fixture("sample-page.txt"))).unwrap();
    let want: serde_json::Value = serde_json::from_str(&fixture("sample-page.expected.json")).unwrap();
    assert_eq!(got, want);
}

/// The shared sample and its expected parse, when `../shared` is there.
fn shared_sample() -> Option<(String, String)> {
    let dir = format!("{}/../shared/fixtures", env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    match (read("seed-page.txt"), read("seed-page.expected.json")) {
        (Ok(text), Ok(expected)) => Some((text, expected)),
        _ => {
            eprintln!("{dir}/seed-page.txt or its expected parse is missing: skipping the shared sample");
            None
        }
    }
}

#[test]
fn the_shared_sample_parses_to_its_expected_articles() {
    let Some((text, expected)) = shared_sample() else { return };
    let want: Page = serde_json::from_str(&expected).unwrap();
    let diffs = differences(&parse_page(&text), &want);
    assert!(diffs.is_empty(), "{} differences:\n{}", diffs.len(), diffs.join("\n"));
}

/// The people the page teaches and the places it marks, after checking
/// that each person is marked as one wherever named and that no person
/// marked is a piece of one of them (`周立` of `周立新`).
fn people_marked_whole(page: &Page) -> (Vec<String>, Vec<String>) {
    use baozhi::annotate::{Terms, analyse_page};
    use baozhi::words::{EntityKind, Segmenter, names_in_page};
    let mut segmenter = Segmenter::embedded();
    let people = names_in_page(page, &segmenter);
    let words = analyse_page(page, &mut segmenter, &mut Terms::default());
    let entities: Vec<_> = words.into_iter().flat_map(|w| w.entities).collect();
    let marked = |text: &str, kind: EntityKind| entities.iter().any(|e| e.text == text && e.kind == kind);
    for name in &people {
        assert!(marked(name, EntityKind::Person), "{name} is not marked as a person");
    }
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        assert!(!people.iter().any(|n| n != &e.text && n.contains(&e.text)), "{} is a fragment", e.text);
    }
    let places = entities.iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.text.clone()).collect();
    (people, places)
}

#[test]
fn the_sample_page_marks_its_people_whole_and_its_cities_as_places() {
    let (people, places) = people_marked_whole(&parse_page(&fixture("sample-page.txt")));
    // Every byline, the list of county leaders and the people named
    // before a verb of speech or after a job title.
    assert!(people.len() >= 15, "{people:?}");
    for name in ["孙悦", "吴雨桐", "俞晓峰", "叶春林", "周立新", "吴嘉禾", "陈映雪"] {
        assert!(people.iter().any(|p| p == name), "{name} is not found: {people:?}");
    }
    for city in ["桐庐", "杭州"] {
        assert!(places.iter().any(|p| p == city), "{city} is not marked as a place: {places:?}");
    }
}

#[test]
fn the_shared_sample_marks_its_people_whole() {
    let Some((text, _)) = shared_sample() else { return };
    let (people, _) = people_marked_whole(&parse_page(&text));
    assert!(people.len() >= 10, "{people:?}");
}

/// The keywords of a list that are a single character or a fragment of
/// one of the names (people and places) of the same page (`布雷` of
/// `布雷维克`); a name of its own inside a longer one (`浙江` of `浙江省`)
/// is no fragment.
fn bad_keywords<'k>(keywords: &'k [String], names: &[&str]) -> Vec<&'k String> {
    keywords
        .iter()
        .filter(|k| {
            k.chars().count() < 2
                || (!names.contains(&k.as_str()) && names.iter().any(|n| *n != k.as_str() && n.contains(k.as_str())))
        })
        .collect()
}

/// The keyword score of pages analysed together: the share of the keywords
/// listed for their articles that are neither a single character nor a
/// fragment of a person's or a place's name found on the same page, with
/// the keywords that are.
fn keyword_score(pages: &[baozhi::Page]) -> (f64, usize, Vec<String>) {
    use baozhi::annotate::{Corpus, Terms, analyse_page};
    use baozhi::library::KEYWORDS_PER_ARTICLE;
    use baozhi::words::{EntityKind, Segmenter};
    let mut segmenter = Segmenter::embedded();
    let mut terms = Terms::default();
    let words: Vec<_> = pages.iter().map(|p| analyse_page(p, &mut segmenter, &mut terms)).collect();
    let mut corpus = Corpus::default();
    words.iter().flatten().for_each(|w| corpus.add(w));
    let (mut total, mut bad) = (0, Vec::new());
    for (page, words) in pages.iter().zip(&words) {
        let names: Vec<&str> = words
            .iter()
            .flat_map(|w| &w.entities)
            .filter(|e| e.kind != EntityKind::Organization)
            .map(|e| e.text.as_str())
            .collect();
        for (a, w) in page.articles.iter().zip(words) {
            let keywords: Vec<String> =
                corpus.keywords(a, w, KEYWORDS_PER_ARTICLE).into_iter().map(|k| k.text).collect();
            total += keywords.len();
            bad.extend(bad_keywords(&keywords, &names).into_iter().cloned());
        }
    }
    let score = if total == 0 { 0.0 } else { 1.0 - bad.len() as f64 / total as f64 };
    (score, total, bad)
}

/// The keyword score on the sample and the shared pages, a little under
/// today's (0.99).
const KEYWORD_SCORE_FLOOR: f64 = 0.98;

#[test]
fn keywords_are_no_single_characters_and_no_fragments_of_names() {
    let mut pages = vec![parse_page(&fixture("sample-page.txt"))];
    let shared = format!("{}/../shared/corpus/pages", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_dir(&shared) {
        Ok(dir) => {
            let mut paths: Vec<_> = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            pages.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| parse_page(&t)));
        }
        Err(_) => eprintln!("{shared} is missing: scoring the sample page only"),
    }
    let (score, total, bad) = keyword_score(&pages);
    eprintln!("keyword score on {} pages: {score:.3} of {total} keywords clean; bad: {bad:?}", pages.len());
    assert!(total >= 10 * pages.len(), "too few keywords to score: {total}");
    // A few fragments remain, on the sample too (one of its 60 keywords):
    // names the page does not teach whole. The same floor holds
    // with or without the shared pages.
    assert!(
        score >= KEYWORD_SCORE_FLOOR,
        "keyword score {score:.3} < {KEYWORD_SCORE_FLOOR}: {} bad of {total}: {bad:?}",
        bad.len()
    );
}

#[test]
fn the_keyword_score_counts_single_characters_and_fragments_of_names() {
    let keywords: Vec<String> = ["布雷", "法庭", "罪", "布雷维克", "浙江"].map(String::from).to_vec();
    let bad = bad_keywords(&keywords, &["布雷维克", "奥斯陆", "浙江省", "浙江"]);
    assert_eq!(bad, [&keywords[0], &keywords[2]]);
}

//! The parser on synthetic pages of many layouts (see `baozhi_lab::synth`):
//! how often it gets each part right, reported and held above a floor.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use baozhi::parse_page;
use baozhi_lab::synth;

/// Share of pages, articles and titles that come out exactly right.
#[derive(Debug, Default)]
struct Score {
    pages: usize,
    exact_pages: usize,
    articles: usize,
    found_articles: usize,
    titles_right: usize,
    paragraphs_right: usize,
}

fn score(seed: u64, pages: u64) -> (Score, Vec<String>) {
    let mut s = Score::default();
    let mut examples = Vec::new();
    for n in 0..pages {
        let page = synth::page(seed, n);
        let got = parse_page(&page.text);
        let diffs = common::differences(&got, &page.expected);
        s.pages += 1;
        if diffs.is_empty() {
            s.exact_pages += 1;
        } else if examples.len() < std::env::var("SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(5) {
            examples.push(format!("page {n}:\n{}\n---\n{}", diffs.join("\n"), page.text));
        }
        s.articles += page.expected.articles.len();
        if got.articles.len() == page.expected.articles.len() {
            s.found_articles += got.articles.len();
            for (g, w) in got.articles.iter().zip(&page.expected.articles) {
                s.titles_right += usize::from(g.title == w.title);
                s.paragraphs_right += usize::from(g.paragraphs == w.paragraphs);
            }
        }
    }
    (s, examples)
}

#[test]
fn synthetic_layouts_parse_mostly_right() {
    let seed = std::env::var("SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(11);
    let (s, examples) = score(seed, 400);
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let report = format!(
        "exact pages {:.1}%, articles found {:.1}%, titles right {:.1}%, paragraphs right {:.1}%",
        pct(s.exact_pages, s.pages),
        pct(s.found_articles, s.articles),
        pct(s.titles_right, s.articles),
        pct(s.paragraphs_right, s.articles)
    );
    eprintln!("{report}");
    if std::env::var_os("SHOW").is_some() {
        eprintln!("{}", examples.join("\n\n=========\n\n"));
    }
    // Floors two points under the scores measured on seed 11 (69.5 % exact
    // pages, 92.8 % of articles, 92.1 % of titles, 83.8 % of paragraphs),
    // to catch regressions, not to tune to; raise them as the parser does.
    // (Exact pages fell from 71.8 % and paragraphs from 85.3 % when a
    // story's rest went back to the earlier story whose words it shares:
    // these pages draw every story from one small vocabulary, so stories
    // share pairs by chance; on the shared real pages the rule gained ten
    // points of article F1.)
    assert!(pct(s.exact_pages, s.pages) >= 67.5, "{report}");
    assert!(pct(s.found_articles, s.articles) >= 90.8, "{report}");
    assert!(pct(s.titles_right, s.articles) >= 90.0, "{report}");
    assert!(pct(s.paragraphs_right, s.articles) >= 81.8, "{report}");
}

/// `PAGE=n cargo test --test synthetic show_page -- --ignored --nocapture`
/// prints one synthetic page, its expected parse and what the parser made.
#[test]
#[ignore]
fn show_page() {
    let n: u64 = std::env::var("PAGE").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let page = synth::page(11, n);
    eprintln!("{}\n=== diff", page.text);
    eprintln!("{}", common::differences(&parse_page(&page.text), &page.expected).join("\n"));
}

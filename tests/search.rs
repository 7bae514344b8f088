//! Search as a reader meets it: it finds whatever a plain scan of the
//! folded text finds, folds width, case, script and whitespace, reads the
//! query language, ranks like a search engine, and follows pages as they
//! are loaded and removed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use baozhi::library::Library;
use baozhi::model::{Article, Page};
use baozhi::model::{Field, fields};
use baozhi::search::{SearchOptions, SearchResults};
use baozhi::text::fold::fold_with_offsets;
use baozhi::words::Segmenter;
use common::fixture;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn library() -> Library {
    Library::new(Segmenter::embedded())
}

fn all(lib: &Library, query: &str) -> SearchResults {
    lib.search_with(query, &SearchOptions::ALL)
}

/// A hit as (page, article, field, start, end).
type Place = (u32, usize, Field, usize, usize);

fn places(results: &SearchResults) -> BTreeSet<Place> {
    results.results.iter().flat_map(|r| &r.hits).map(|h| (h.page, h.article, h.field, h.start, h.end)).collect()
}

/// Every occurrence of the folded query in the folded text of every field
/// of every page loaded, by a plain scan: what the index must find.
fn scan(lib: &Library, query: &str) -> BTreeSet<Place> {
    let (q, _) = fold_with_offsets(query);
    let q: Vec<char> = q.chars().collect();
    let mut out = BTreeSet::new();
    if q.is_empty() {
        return out;
    }
    for p in lib.pages() {
        for (a, article) in p.page.articles.iter().enumerate() {
            for (field, text) in fields(article) {
                let (folded, offsets) = fold_with_offsets(text);
                let folded: Vec<char> = folded.chars().collect();
                for i in 0..folded.len() {
                    if folded[i..].starts_with(&q) {
                        out.insert((p.id, a, field, offsets[i], offsets[i + q.len() - 1] + 1));
                    }
                }
            }
        }
    }
    out
}

/// The text of a hit, as the reader sees it in the field.
fn hit_text(lib: &Library, (page, article, field, start, end): Place) -> String {
    let a = &lib.page(page).unwrap().page.articles[article];
    baozhi::model::field_text(a, field).unwrap().chars().skip(start).take(end - start).collect()
}

/// Characters a page and a query are made of: Han, traditional forms,
/// full-width forms, Latin of both cases, digits, astral characters
/// (𠀀, emoji), spaces of all widths, invisible ones, punctuation.
const ALPHABET: &str = "义乌義烏市场場段简单一 　\u{200B}aAＡｂB2２𠀀😀，。-“”\u{FFFF}\u{FFFD}";

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET.chars().collect::<Vec<_>>()), 0..max)
        .prop_map(|c| c.into_iter().collect())
}

fn article_strategy() -> impl Strategy<Value = Article> {
    (
        prop::option::of(text_strategy(12)),
        prop::option::of(text_strategy(8)),
        prop::collection::vec(text_strategy(60), 0..4),
    )
        .prop_map(|(title, byline, paragraphs)| Article { title, byline, paragraphs, ..Article::default() })
}

#[test]
fn every_occurrence_a_scan_finds_is_a_hit() {
    // One library for every case: pages are added and removed as they go,
    // which exercises the incremental index too.
    let lib = std::cell::RefCell::new(library());
    let strategy = (
        prop::collection::vec(prop::collection::vec(article_strategy(), 1..4), 1..3),
        text_strategy(4),
        any::<prop::sample::Index>(),
        1usize..6,
    );
    let mut runner = TestRunner::new(Config { cases: 160, ..Config::default() });
    runner
        .run(&strategy, |(pages, query, at, len)| {
            let mut lib = lib.borrow_mut();
            let ids: Vec<u32> =
                pages.into_iter().map(|articles| lib.add_page("p", Page { articles, leftovers: Vec::new() })).collect();
            // A query from the text itself, as often as not.
            let texts: Vec<String> = lib
                .pages()
                .iter()
                .flat_map(|p| p.page.articles.iter())
                .flat_map(|a| fields(a).into_iter().map(|(_, t)| t.to_string()))
                .collect();
            let query = match texts.iter().map(|t| t.chars().collect::<Vec<_>>()).find(|t| t.len() >= len) {
                Some(t) if at.index(2) == 0 => {
                    let start = at.index(t.len() - len + 1);
                    t[start..start + len].iter().collect()
                }
                _ => query,
            };
            // Quoted, so that the query is one term whatever it holds.
            let query = query.replace('"', "");
            let found = all(&lib, &format!("\"{query}\""));
            let want = scan(&lib, &query);
            for id in ids {
                lib.remove_page(id);
            }
            prop_assert_eq!(places(&found), want.clone(), "query {:?}", query);
            prop_assert_eq!(found.total_hits, want.len());
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_substring_inside_a_word_is_found() {
    let mut lib = library();
    lib.add_text("p.txt", "本报讯 这是一段简单的文字，写给读者。\n");
    let found = all(&lib, "段简");
    assert_eq!(found.total_hits, 1);
    let hit = found.results[0].hits[0];
    assert_eq!(hit_text(&lib, (hit.page, hit.article, hit.field, hit.start, hit.end)), "段简");
    assert!(found.results[0].snippet.contains("一<mark>段简</mark>单"), "{}", found.results[0].snippet);
}

#[test]
fn traditional_full_width_and_case_fold_both_ways() {
    let mut lib = library();
    lib.add_text("sample.txt", &fixture("sample-page.txt"));
    let simplified = places(&all(&lib, "桐庐"));
    assert_eq!(simplified.len(), 3);
    assert_eq!(places(&all(&lib, "桐廬")), simplified);
    let app = places(&all(&lib, "tlbus"));
    assert_eq!(app.len(), 2);
    assert_eq!(places(&all(&lib, "ＴＬｂｕｓ")), app);
    assert_eq!(places(&all(&lib, "TLBUS")), app);
    for &p in &app {
        assert_eq!(hit_text(&lib, p), "TLbus");
    }
    // And a traditional page is found by a simplified query.
    lib.add_text("trad.txt", "本報訊 義烏國際商貿城，２０２３年客流創新高。\n");
    let found = all(&lib, "义乌国际商贸城 2023");
    assert_eq!(found.total_results, 1);
    let texts: Vec<String> =
        found.results[0].hits.iter().map(|h| hit_text(&lib, (h.page, h.article, h.field, h.start, h.end))).collect();
    assert_eq!(texts, ["義烏國際商貿城", "２０２３"]);
}

#[test]
fn whitespace_is_ignored_in_text_and_query() {
    let mut lib = library();
    // OCR spaces inside a phrase, and a full-width space (given as the
    // parser's output: the parser would make it a plain one).
    lib.add_text("p.txt", "本报讯 “五水共治”实 施 10周年。\n");
    let paragraph = "义\u{3000}乌市场繁荣".to_string();
    lib.add_page(
        "q.txt",
        Page { articles: vec![Article { paragraphs: vec![paragraph], ..Article::default() }], leftovers: vec![] },
    );
    for q in ["实施10", "\"实 施 1 0\"", "\"义乌市场\"", "义 乌"] {
        assert_eq!(all(&lib, q).total_results, 1, "{q}");
    }
    let hit = all(&lib, "义乌市场").results[0].hits[0];
    assert_eq!(hit_text(&lib, (hit.page, hit.article, hit.field, hit.start, hit.end)), "义\u{3000}乌市场");
}

#[test]
fn a_word_broken_across_lines_is_found() {
    let mut lib = library();
    let raw = fixture("sample-page.txt");
    // In the raw page the name `俞晓峰` is broken across two lines.
    assert!(!raw.contains("俞晓峰") && raw.contains("俞\n晓峰"));
    lib.add_text("sample.txt", &raw);
    let found = all(&lib, "俞晓峰");
    assert_eq!(found.total_hits, 1);
    let hit = found.results[0].hits[0];
    assert_eq!(hit_text(&lib, (hit.page, hit.article, hit.field, hit.start, hit.end)), "俞晓峰");
}

#[test]
fn all_terms_must_occur_in_one_article() {
    let mut lib = library();
    lib.add_text("a.txt", "义乌市场\n\n本报讯 义乌的市场很繁荣。\n");
    lib.add_text("b.txt", "杭州市场\n\n本报讯 杭州的市场也很繁荣。\n");
    assert_eq!(all(&lib, "市场").total_results, 2);
    let both = all(&lib, "义乌 繁荣");
    assert_eq!(both.total_results, 1);
    assert_eq!(lib.page(both.results[0].page).unwrap().name, "a.txt");
    // Hits of every term are reported.
    assert_eq!(both.total_hits, 3);
    assert_eq!(all(&lib, "义乌 杭州").total_results, 0);
}

#[test]
fn quotes_make_a_phrase_and_a_minus_excludes() {
    let mut lib = library();
    lib.add_text("a.txt", "本报讯 义乌市场很繁荣。\n");
    lib.add_text("b.txt", "本报讯 义乌的市场很繁荣。\n");
    let phrase = all(&lib, "\"义乌 市场\"");
    assert_eq!(phrase.total_results, 1);
    assert_eq!(lib.page(phrase.results[0].page).unwrap().name, "a.txt");
    let without = all(&lib, "市场 -\"义乌市场\"");
    assert_eq!(without.total_results, 1);
    assert_eq!(lib.page(without.results[0].page).unwrap().name, "b.txt");
    // Excluding what every article has leaves nothing; excluding alone finds nothing.
    assert_eq!(all(&lib, "市场 -繁荣").total_results, 0);
    assert_eq!(all(&lib, "-杭州").total_results, 0);
}

#[test]
fn an_empty_query_finds_nothing() {
    let mut lib = library();
    lib.add_text("sample.txt", &fixture("sample-page.txt"));
    for q in ["", "   ", "\u{3000}\t\n", "\"\"", "-", "\u{200B}"] {
        assert_eq!(all(&lib, q), SearchResults::default(), "{q:?}");
    }
}

/// A library of every fixture page.
fn fixtures() -> Library {
    let mut lib = library();
    for name in [
        "sample-page.txt",
        "headline-above-furniture.txt",
        "datelines-and-bylines.txt",
        "one-long-article.txt",
        "plain-prose.txt",
        "multi-page.txt",
        "headline-tight-above-body.txt",
        "plain-prose-english.txt",
    ] {
        lib.add_text(name, &fixture(name));
    }
    lib.catch_up();
    lib
}

fn first(lib: &Library, query: &str) -> (String, Option<String>) {
    let found = lib.search(query);
    let best = found.results.first().unwrap_or_else(|| panic!("{query}: nothing found"));
    let page = lib.page(best.page).unwrap();
    (page.name.clone(), page.page.articles[best.article].title.clone())
}

#[test]
fn a_headline_word_ranks_its_article_first() {
    let lib = fixtures();
    for (query, file, title) in [
        ("博览会", "sample-page.txt", "第十二届分水笔业博览会开幕首日意向成交超亿元"),
        ("口袋公园", "headline-above-furniture.txt", "城区新增三处口袋公园"),
        ("互联网医院", "multi-page.txt", "互联网医院正式上线"),
        ("龙舟", "sample-page.txt", "富春江上赛龙舟"),
        ("公交", "sample-page.txt", "县城公交实现“掌上查询”"),
        ("River", "plain-prose-english.txt", "A Walk by the River"),
    ] {
        assert_eq!(first(&lib, query), (file.to_string(), Some(title.to_string())), "{query}");
    }
}

#[test]
fn ranking_prefers_headlines_whole_words_and_adjacent_terms() {
    let mut lib = library();
    // The same words, but for where the one searched is.
    let body = lib.add_text("body.txt", "秋天来了\n\n本报讯 今天我们谈谈城市里的街道和公园。\n");
    let head = lib.add_text("head.txt", "公园里的秋天\n\n本报讯 今天我们谈谈城市里的街道和来了。\n");
    let found = lib.search("公园");
    assert_eq!(found.results[0].page, head, "{found:?}");
    assert_eq!(found.results[1].page, body);

    // A whole word beats the same characters inside a longer word.
    let mut lib = library();
    let inside = lib.add_text("inside.txt", "本报讯 他把流程简单化处理了。\n");
    let whole = lib.add_text("whole.txt", "本报讯 他把流程简单地处理了。\n");
    let found = lib.search("简单");
    assert_eq!(found.results.iter().map(|r| r.page).collect::<Vec<_>>(), [whole, inside], "{found:?}");
    assert!(found.results[0].score > found.results[1].score);

    // Terms found side by side beat the same terms apart.
    let mut lib = library();
    let apart = lib.add_text("apart.txt", "本报讯 实施方案出台，至今已有20个村参与。\n");
    let together = lib.add_text("together.txt", "本报讯 方案出台，今年是实施20周年的日子。\n");
    let found = lib.search("实施 20");
    assert_eq!(found.results.iter().map(|r| r.page).collect::<Vec<_>>(), [together, apart], "{found:?}");
}

#[test]
fn results_are_ordered_and_hits_are_in_reading_order() {
    let lib = fixtures();
    let found = all(&lib, "义乌");
    assert!(found.results.windows(2).all(|w| w[0].score >= w[1].score));
    let order = |id: u32| lib.pages().iter().position(|p| p.id == id).unwrap();
    for w in found.results.windows(2) {
        if w[0].score == w[1].score {
            assert!((order(w[0].page), w[0].article) < (order(w[1].page), w[1].article));
        }
    }
    for r in &found.results {
        let keys: Vec<(Field, usize)> = r.hits.iter().map(|h| (h.field, h.start)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(r.snippet.contains("<mark>义乌</mark>"), "{}", r.snippet);
    }
    assert_eq!(found.total_hits, found.results.iter().map(|r| r.hits.len()).sum::<usize>());
    // A search is the same every time.
    assert_eq!(all(&lib, "义乌"), found);
}

#[test]
fn results_come_a_page_at_a_time() {
    let lib = fixtures();
    let everything = all(&lib, "的");
    assert!(everything.total_results > 6);
    let second = lib.search_with("的", &SearchOptions { offset: 3, limit: Some(3) });
    assert_eq!(second.total_results, everything.total_results);
    assert_eq!(second.total_hits, everything.total_hits);
    assert_eq!(second.results, everything.results[3..6]);
}

#[test]
fn snippets_are_escaped_and_about_seventy_characters() {
    let mut lib = library();
    let long = format!("本报讯 {}<b>义乌</b>&{}。\n", "前文".repeat(60), "后文".repeat(60));
    lib.add_text("p.txt", &long);
    let found = lib.search("义乌");
    let snippet = &found.results[0].snippet;
    assert!(snippet.contains("&lt;b&gt;<mark>义乌</mark>&lt;/b&gt;&amp;"), "{snippet}");
    assert!(snippet.starts_with('…') && snippet.ends_with('…'), "{snippet}");
    let shown = baozhi::search::snippet_text(snippet, "", "").chars().count();
    assert!((60..=80).contains(&shown), "{shown}");
}

#[test]
fn pages_come_and_go_without_disturbing_the_others() {
    let mut lib = library();
    let a = lib.add_text("a.txt", "义乌市场\n\n本报讯 义乌的市场很繁荣。\n");
    let b = lib.add_text("b.txt", "本报讯 杭州和义乌的市场都很繁荣。\n");
    let before = all(&lib, "义乌");
    assert_eq!(before.total_results, 2);
    // Adding a page leaves the other pages' hits and snippets as they were
    // (scores follow the corpus: document frequencies change).
    let c = lib.add_text("c.txt", "本报讯 义乌小商品城客流创新高。\n");
    let after = all(&lib, "义乌");
    assert_eq!(after.total_results, 3);
    let keep = |r: &SearchResults, id: u32| {
        r.results.iter().filter(|x| x.page == id).map(|x| (x.hits.clone(), x.snippet.clone())).collect::<Vec<_>>()
    };
    for id in [a, b] {
        assert_eq!(keep(&after, id), keep(&before, id));
    }
    // Removing a page removes its hits, and only its.
    assert!(lib.remove_page(a));
    let removed = all(&lib, "义乌");
    assert!(removed.results.iter().all(|r| r.page != a));
    assert_eq!(removed.total_hits, after.total_hits - keep(&after, a)[0].0.len());
    for id in [b, c] {
        assert_eq!(keep(&removed, id), keep(&after, id));
    }
    assert_eq!(places(&removed), scan(&lib, "义乌"));
    assert_eq!(lib.search("小商品城").results[0].page, c);
}

#[test]
fn user_words_change_what_is_a_whole_word() {
    let mut lib = library();
    lib.add_text("p.txt", "本报讯 要抓实转移避险。\n");
    let score = |lib: &Library| lib.search("避险").results[0].score;
    let before = score(&lib);
    // `避险` is a word of its own until `转移避险` is one.
    let report = lib.add_user_words("转移避险 50000 nz\n");
    assert!(format!("{report:?}").contains("added: [\"转移避险\"]"), "{report:?}");
    assert!(score(&lib) < before, "{} !< {before}", score(&lib));
    assert!(lib.remove_user_word("转移避险").unwrap());
    assert_eq!(score(&lib), before);
}

#[test]
fn a_page_loaded_with_its_words_later_ends_as_one_loaded_at_once() {
    let names = ["sample-page.txt", "datelines-and-bylines.txt", "plain-prose.txt"];
    let mut at_once = library();
    for n in names {
        at_once.add_text(n, &fixture(n));
    }
    let mut later = library();
    later.add_text(names[0], &fixture(names[0]));
    let id = later.add_page_words_later(names[1], baozhi::parse_page(&fixture(names[1])));
    // Shown at once without its words, and not yet in the index.
    assert!(later.has_pending());
    assert!(later.tokens(id, 0).is_none());
    assert!(all(&later, "新华社").results.iter().all(|r| r.page != id));
    // Another page loaded brings them first, so pages are analysed in order.
    later.add_text(names[2], &fixture(names[2]));
    assert!(!later.has_pending());
    assert!(!later.analyse_pending(), "nothing left to analyse");
    for query in ["新华社", "记者", "义乌", "的"] {
        assert_eq!(places(&all(&later, query)), places(&all(&at_once, query)), "{query}");
        assert_eq!(all(&later, query).results.len(), all(&at_once, query).results.len(), "{query}");
    }
    for page in 0..3 {
        let count = at_once.page(page).unwrap().page.articles.len();
        for article in 0..count {
            assert_eq!(
                later.entities(page, article),
                at_once.entities(page, article),
                "page {page}, article {article}"
            );
            assert_eq!(later.tokens(page, article).is_some(), at_once.tokens(page, article).is_some());
        }
    }
    // analyse_pending alone does it too.
    let mut alone = library();
    let id = alone.add_page_words_later("p.txt", baozhi::parse_page(&fixture(names[1])));
    assert!(alone.analyse_pending());
    assert_eq!(
        places(&all(&alone, "记者")),
        places(&all(&at_once, "记者")).into_iter().filter(|p| p.0 == 1).map(|p| (id, p.1, p.2, p.3, p.4)).collect()
    );
}

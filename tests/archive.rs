//! The static archive answers exactly what a scan of the folded text
//! finds — the same articles, the same number of hits — whether its lists
//! are inline or paged, and ranks as the in-page search ranks without words.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use baozhi::archive::{
    Archive, ArchiveAnswer, ArchiveBuilder, ArchiveFiles, FORMAT, MANIFEST, PageMeta, PageRow, Segment, SegmentFiles,
    assemble, fold_article, merge,
};
use baozhi::model::{Article, Page};
use baozhi::search::{SearchIndex, SearchOptions, parse_query};
use baozhi::text::fold::fold_str;
use proptest::prelude::*;

fn build(pages: &[Page], shard_bytes: usize, page_bytes: usize) -> ArchiveFiles {
    build_in(pages, &[], shard_bytes, page_bytes)
}

/// The pages as segments, cut before each page of `cuts` (as builds that
/// each added some pages would make them).
fn build_in(pages: &[Page], cuts: &[usize], shard_bytes: usize, page_bytes: usize) -> ArchiveFiles {
    assemble(segments_in(pages, cuts, shard_bytes, page_bytes))
}

fn segments_in(pages: &[Page], cuts: &[usize], shard_bytes: usize, page_bytes: usize) -> Vec<SegmentFiles> {
    let mut segments = Vec::new();
    // Lists of more than three articles keep their best three.
    let builder = || ArchiveBuilder::with_sizes(shard_bytes, page_bytes).with_top(3, 3);
    let mut b = builder();
    for (i, p) in pages.iter().enumerate() {
        if cuts.contains(&i) && b.pages() > 0 {
            segments.push(std::mem::replace(&mut b, builder()).segment());
        }
        b.add_page(&PageMeta { name: format!("{i}.txt"), date: None, group: format!("g{}", i / 3) }, p);
    }
    segments.push(b.segment());
    segments
}

/// Asks until complete, fetching what each answer needs; the answers given
/// on the way, and the number of requests.
fn ask(files: &ArchiveFiles, query: &str) -> (Vec<ArchiveAnswer>, usize) {
    ask_for(files, query, usize::MAX)
}

/// As [`ask`], for the best `limit` results.
fn ask_for(files: &ArchiveFiles, query: &str, limit: usize) -> (Vec<ArchiveAnswer>, usize) {
    let stored: BTreeMap<&str, &Vec<u8>> = files.files.iter().map(|(n, b)| (n.as_str(), b)).collect();
    let manifest = serde_json::to_string(&files.manifest).unwrap();
    let mut archive = Archive::open(&manifest).unwrap();
    let mut answers = Vec::new();
    let mut requests = 0;
    loop {
        let answer = archive.search(query, limit).unwrap();
        let need = answer.need.clone();
        let complete = answer.complete;
        answers.push(answer);
        if need.is_empty() {
            assert!(complete, "an answer that needs nothing is complete");
            break;
        }
        for f in need {
            requests += 1;
            archive.add_file(&f, stored[f.as_str()].clone()).unwrap();
        }
        assert!(answers.len() < 10_000, "the answer never completes");
    }
    (answers, requests)
}

/// (global article, hits) of every article a scan finds, and the total.
fn scan(pages: &[Page], query: &str) -> (BTreeMap<u32, usize>, usize) {
    let mut out = BTreeMap::new();
    let mut article = 0u32;
    let terms = parse_query(query);
    let mut include: Vec<Vec<char>> = Vec::new();
    let mut exclude: Vec<Vec<char>> = Vec::new();
    for t in &terms {
        let f: Vec<char> = fold_str(&t.text).chars().collect();
        let list = if t.exclude { &mut exclude } else { &mut include };
        if !f.is_empty() && !list.contains(&f) {
            list.push(f);
        }
    }
    let count = |text: &[char], term: &[char]| text.windows(term.len()).filter(|w| *w == term).count();
    let mut text = Vec::new();
    for p in pages {
        for a in &p.articles {
            fold_article(a, &mut text);
            let counts: Vec<usize> = include.iter().map(|t| count(&text, t)).collect();
            if !include.is_empty() && counts.iter().all(|&c| c > 0) && exclude.iter().all(|t| count(&text, t) == 0) {
                out.insert(article, counts.iter().sum());
            }
            article += 1;
        }
    }
    let total = out.values().sum();
    (out, total)
}

const ALPHABET: &[&str] = &["义", "義", "乌", "烏", "市", "场", "a", "A", "Ａ", "b", " ", "　", "𠀀", "\u{200B}"];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..24).prop_map(|v| v.concat())
}

fn article() -> impl Strategy<Value = Article> {
    (prop::option::of(text()), prop::option::of(text()), prop::collection::vec(text(), 0..4))
        .prop_map(|(title, byline, paragraphs)| Article { title, byline, paragraphs, ..Article::default() })
}

fn page() -> impl Strategy<Value = Page> {
    prop::collection::vec(article(), 0..4).prop_map(|articles| Page { articles, leftovers: Vec::new() })
}

fn query() -> impl Strategy<Value = String> {
    let term = (prop::bool::weighted(0.2), prop::collection::vec(prop::sample::select(ALPHABET), 1..5)).prop_map(
        |(minus, chars)| {
            let t = chars.concat().trim().to_string();
            if minus && !t.is_empty() { format!("-\"{t}\"") } else { format!("\"{t}\"") }
        },
    );
    prop::collection::vec(term, 1..3).prop_map(|ts| ts.join(" "))
}

fn check(pages: &[Page], query: &str, shard_bytes: usize, page_bytes: usize) {
    check_in(pages, &[], query, shard_bytes, page_bytes);
}

fn check_in(pages: &[Page], cuts: &[usize], query: &str, shard_bytes: usize, page_bytes: usize) {
    let files = build_in(pages, cuts, shard_bytes, page_bytes);
    let (answers, _) = ask(&files, query);
    let last = answers.last().unwrap();
    let (truth, total) = scan(pages, query);
    let got: BTreeMap<u32, usize> = last.results.iter().map(|r| (r.article, r.hits)).collect();
    assert_eq!(got, truth, "{query}");
    assert_eq!((last.total_results, last.total_hits), (truth.len(), total), "{query}");
    // On the way, the totals only grow, and never pass the truth.
    for a in &answers {
        assert!(a.total_results <= truth.len() && a.total_hits <= total, "{query}");
        assert!(a.searched <= a.articles);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_archive_finds_exactly_what_a_scan_finds(pages in prop::collection::vec(page(), 1..6), query in query()) {
        check(&pages, &query, 1 << 14, 1 << 14);
    }

    #[test]
    fn with_every_list_paged_the_answer_is_the_same(pages in prop::collection::vec(page(), 1..6), query in query()) {
        check(&pages, &query, 16, 4);
    }

    #[test]
    fn in_segments_the_answer_is_the_same(
        pages in prop::collection::vec(page(), 1..9),
        cuts in prop::collection::vec(0usize..9, 0..4),
        query in query(),
        paged in any::<bool>(),
    ) {
        let (shard, page) = if paged { (16, 4) } else { (1 << 14, 1 << 14) };
        check_in(&pages, &cuts, &query, shard, page);
    }

    #[test]
    fn segments_merged_are_the_segment_of_their_pages_indexed_at_once(
        pages in prop::collection::vec(page(), 1..9),
        cuts in prop::collection::vec(0usize..9, 0..4),
        paged in any::<bool>(),
    ) {
        // Their lists joined from their files: the same files, so the same answers.
        let (shard, page) = if paged { (16, 4) } else { (1 << 14, 1 << 14) };
        let whole = segments_in(&pages, &[], shard, page).pop().unwrap();
        let parts = segments_in(&pages, &cuts, shard, page);
        let stored: BTreeMap<&str, &Vec<u8>> =
            parts.iter().flat_map(|s| &s.files).map(|(n, b)| (n.as_str(), b)).collect();
        let inputs: Vec<(&Segment, &[PageRow])> = parts.iter().map(|s| (&s.segment, &s.rows[..])).collect();
        let merged = merge(ArchiveBuilder::with_sizes(shard, page).with_top(3, 3), &inputs, &|n| stored.get(n).map(|b| b.to_vec())).unwrap();
        prop_assert_eq!(&merged.segment, &whole.segment);
        prop_assert_eq!(&merged.rows, &whole.rows);
        // Its files are the whole's but the pages' data, which stay where they are.
        let names = |s: &SegmentFiles| s.files.iter().map(|(n, _)| n.clone()).filter(|n| !n.starts_with("p/")).collect::<Vec<_>>();
        prop_assert_eq!(names(&merged), names(&whole));
    }

    #[test]
    fn ranking_matches_the_in_page_search_without_words(
        pages in prop::collection::vec(page(), 1..8),
        cuts in prop::collection::vec(0usize..8, 0..3),
        query in query(),
    ) {
        // Document frequencies are summed over segments: the same ranking.
        let files = build_in(&pages, &cuts, 1 << 14, 1 << 14);
        let (answers, _) = ask(&files, &query);
        let last = answers.last().unwrap();
        prop_assert!(last.exact_ranking);
        let mut index = SearchIndex::new();
        let mut firsts = Vec::new();
        let mut first = 0u32;
        for (i, p) in pages.iter().enumerate() {
            index.add(i as u32, p, None);
            firsts.push(first);
            first += p.articles.len() as u32;
        }
        let found = index.search(&query, None, &SearchOptions::ALL, |id| pages.get(id as usize));
        let in_page: Vec<(u32, f64)> =
            found.results.iter().map(|r| (firsts[r.page as usize] + r.article as u32, r.score)).collect();
        let archive: Vec<(u32, f64)> = last.results.iter().map(|r| (r.article, r.score)).collect();
        prop_assert_eq!(archive.len(), in_page.len());
        for ((a, x), (b, y)) in archive.iter().zip(&in_page) {
            prop_assert!((x - y).abs() < 1e-3, "{query}: {archive:?} against {in_page:?}");
            // The same order, up to ties.
            if a != b {
                prop_assert!((x - y).abs() < 1e-3);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_first_results_are_those_of_the_whole_ranking(
        pages in prop::collection::vec(page(), 1..9),
        cuts in prop::collection::vec(0usize..9, 0..3),
        query in query(),
        limit in 1usize..4,
        paged in any::<bool>(),
    ) {
        // Ranked from the lists' best three where they can be, else from
        // the article table: the same first results either way.
        let (shard, page) = if paged { (16, 4) } else { (1 << 14, 1 << 14) };
        let files = build_in(&pages, &cuts, shard, page);
        let (all, _) = ask(&files, &query);
        let (first, _) = ask_for(&files, &query, limit);
        let (all, first) = (all.last().unwrap(), first.last().unwrap());
        let shown = |a: &ArchiveAnswer| a.results.iter().map(|r| (r.article, r.score, r.hits, r.page, r.index)).collect::<Vec<_>>();
        prop_assert_eq!(shown(first), shown(all).into_iter().take(limit).collect::<Vec<_>>(), "{}", query);
        prop_assert_eq!((first.total_results, first.total_hits), (all.total_results, all.total_hits));
    }
}

/// The article-table files a query fetched.
fn tables_asked(answers: &[ArchiveAnswer]) -> usize {
    answers.iter().flat_map(|a| &a.need).filter(|n| n.starts_with("a/")).count()
}

#[test]
fn a_common_pair_ranks_its_first_results_without_the_article_table() {
    // 3,000 articles in several files of the article table, each with the
    // pair one to seven times, no two alike in that and their length.
    let pages: Vec<Page> =
        (0..3000).map(|i| para_page(&[&format!("{}市场{}", "义乌".repeat(i % 7 + 1), "的".repeat(i / 7))])).collect();
    // Lists keep their best three (`build`): two results are ranked from them.
    let files = build(&pages, 1 << 14, 1 << 14);
    let (first, _) = ask_for(&files, "义乌", 2);
    let (all, _) = ask(&files, "义乌");
    assert_eq!(tables_asked(&first), 0);
    assert!(tables_asked(&all) >= 3);
    let (first, all) = (first.last().unwrap(), all.last().unwrap());
    assert!(first.complete && first.exact_ranking);
    assert_eq!(first.total_results, 3000);
    assert_eq!(first.results, all.results[..2]);
    // Four are more than the list keeps: from the article table.
    assert!(tables_asked(&ask_for(&files, "义乌", 4).0) >= 3);
    // So does a frequent character whose list is paged: its best are known
    // from the start, its count grows page by page.
    let files = build(&pages, 64, 64);
    let (answers, _) = ask_for(&files, "义", 2);
    assert_eq!(tables_asked(&answers), 0);
    let last = answers.last().unwrap();
    assert!(last.complete && last.total_results == 3000);
    let early =
        answers.iter().find(|a| !a.complete && a.results.len() == 2).expect("results before the count is complete");
    assert_eq!(early.results, last.results);
    assert!(early.total_results < 3000);
}

#[test]
fn a_pair_in_articles_alike_ranks_by_article_without_the_article_table() {
    // 3,000 articles alike (the pair once, the same length): every one
    // weighs as much, so the first are the first articles, and the lists'
    // best say that no other comes before them.
    let pages: Vec<Page> = (0..3000).map(|_| para_page(&["义乌市场"])).collect();
    let files = build(&pages, 1 << 14, 1 << 14);
    let (first, _) = ask_for(&files, "义乌", 2);
    let (all, _) = ask(&files, "义乌");
    assert_eq!(tables_asked(&first), 0);
    let (first, all) = (first.last().unwrap(), all.last().unwrap());
    assert_eq!(first.results.iter().map(|r| r.article).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(first.results, all.results[..2]);
}

#[test]
fn after_a_day_is_added_a_common_character_still_ranks_without_the_big_segments_table() {
    // A segment of 3,000 articles, then a day's of three: the day's list is
    // too short to keep its best, so its own table gives its rows — one of
    // them (the character seven times, the shortest) ranks first.
    let mut pages: Vec<Page> =
        (0..3000).map(|i| para_page(&[&format!("{}市场{}", "义".repeat(i % 5 + 1), "的".repeat(i / 5))])).collect();
    pages.extend((0..3).map(|i| para_page(&[&"义".repeat(7 - i)])));
    // The big segment's lists paged: the query searches it page by page.
    let files = build_in(&pages, &[3000], 64, 64);
    assert_eq!(files.manifest.segments.len(), 2);
    let day = files.manifest.segments[1].chunk_file(0);
    for (limit, query) in [(2, "义"), (2, "义义")] {
        let (first, _) = ask_for(&files, query, limit);
        let (all, _) = ask(&files, query);
        let asked: Vec<&String> = first.iter().flat_map(|a| &a.need).filter(|n| n.starts_with("a/")).collect();
        assert_eq!(asked, [&day], "{query}");
        let (first, all) = (first.last().unwrap(), all.last().unwrap());
        assert_eq!(first.results[0].article, 3000, "{query}");
        assert_eq!(first.results, all.results[..limit], "{query}");
    }
}

fn para_page(paragraphs: &[&str]) -> Page {
    Page {
        articles: vec![Article {
            paragraphs: paragraphs.iter().map(|s| s.to_string()).collect(),
            ..Article::default()
        }],
        leftovers: Vec::new(),
    }
}

#[test]
fn a_frequent_character_is_answered_in_windows_that_say_how_far_they_have_searched() {
    let pages: Vec<Page> =
        (0..200).map(|i| para_page(&[&format!("{}市场", "的".repeat((i * i * 7 + 3) % 11 + 1))])).collect();
    let hits: usize = (0..200).map(|i| (i * i * 7 + 3) % 11 + 1).sum();
    let files = build(&pages, 64, 6);
    let (answers, requests) = ask(&files, "的");
    let last = answers.last().unwrap();
    assert!(last.frequent && last.complete);
    assert_eq!((last.total_results, last.total_hits), (200, hits));
    // Before the end there were answers with some results and a partial count.
    let partial: Vec<&ArchiveAnswer> =
        answers.iter().filter(|a| !a.complete && !a.results.is_empty() && a.searched < a.articles).collect();
    assert!(!partial.is_empty(), "first results come before the rest");
    // What has not searched everything counts less than all.
    assert!(answers.iter().filter(|a| a.searched < a.articles).all(|a| a.total_results < 200));
    assert!(requests > 2);
}

#[test]
fn a_query_fetches_its_shards_and_not_the_rest() {
    let pages: Vec<Page> = (0..200).map(|i| para_page(&[&format!("第{i}号 市场繁荣 义乌{}", i * 7)])).collect();
    let files = build(&pages, 256, 4096);
    assert!(files.manifest.segments[0].shards > 20, "{}", files.manifest.segments[0].shards);
    let (answers, requests) = ask(&files, "义乌");
    let last = answers.last().unwrap();
    assert_eq!(last.total_results, 200);
    // One shard for the one bigram, then the article table, then the page
    // table for the results shown (two files here).
    assert!(requests <= 4, "{requests}");
    let (none, requests) = ask(&files, "乌义");
    assert_eq!(none.last().unwrap().total_results, 0);
    assert!(requests <= 1);
}

#[test]
fn a_damaged_file_or_another_format_is_one_clear_error() {
    let files = build(&[para_page(&["义乌"])], 1024, 1024);
    let manifest = serde_json::to_string(&files.manifest).unwrap();
    let mut archive = Archive::open(&manifest).unwrap();
    let shard = files.manifest.segments[0].shard_file(0);
    let err = archive.add_file(&shard, b"BZS1\xff".to_vec()).unwrap_err();
    assert!(err.to_string().starts_with("cannot read the archive"), "{err}");
    let other = manifest.replace(&format!("\"format\":{FORMAT}"), "\"format\":99");
    assert!(Archive::open(&other).unwrap_err().to_string().contains("build it again"));
    // Format 2 listed every file's name: still the one line that says so.
    let old = r#"{"format":2,"pages":1,"articles":1,"units":2,"segments":[{"pages":1,"articles":1,"units":2,"shards":["s/0.bin"],"chunk":1024,"chunks":["a/0.bin"],"page_chunk":128,"page_tables":["n/0.bin"]}],"groups":[]}"#;
    let err = Archive::open(old).unwrap_err().to_string();
    assert!(err.contains("format 2") && err.contains("build it again"), "{err}");
    assert!(archive.add_file("x/unknown.bin", Vec::new()).is_err());
    assert_eq!(MANIFEST, "manifest.json");
}

#[test]
fn a_damaged_list_of_best_articles_is_an_error_not_a_panic() {
    let pages: Vec<Page> = (0..40).map(|i| para_page(&[&format!("义乌{}", "的".repeat(i))])).collect();
    let files = build(&pages, 1 << 14, 1 << 14);
    let manifest = serde_json::to_string(&files.manifest).unwrap();
    assert_eq!(files.manifest.segments[0].shards, 1, "the list and its best in the one shard");
    let shard = &files.manifest.segments[0].shard_file(0);
    let bytes = files.files.iter().find(|(n, _)| n == shard).unwrap().1.clone();
    let mut errors = 0;
    for i in 4..bytes.len() {
        for flip in [0x01, 0x80, 0xFF] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            let mut archive = Archive::open(&manifest).unwrap();
            // Whatever the damage, an answer or one clear error.
            let answer = archive.add_file(shard, damaged).and_then(|_| archive.search("义乌", 2));
            if let Err(e) = answer {
                let message = e.to_string();
                assert!(message.starts_with("cannot read the archive") && !message.contains('\n'), "{message}");
                errors += 1;
            }
        }
    }
    assert!(errors > 0);
}

#[test]
fn a_character_found_only_early_does_not_fetch_the_article_table_of_the_rest() {
    // 3,000 articles, several files of the article table; the character is
    // in the first 12 only, its list paged two entries a page.
    let pages: Vec<Page> =
        (0..3000).map(|i| para_page(&[&if i < 12 { "的".repeat(i + 1) } else { format!("市场{i}") }])).collect();
    let files = build(&pages, 64, 4);
    let chunks: Vec<String> =
        (0..files.manifest.segments[0].chunks).map(|c| files.manifest.segments[0].chunk_file(c)).collect();
    assert!(chunks.len() >= 3);
    let (answers, _) = ask(&files, "的");
    let last = answers.last().unwrap();
    assert!(last.frequent && last.complete);
    assert_eq!(last.total_results, 12);
    let asked: Vec<&String> = answers.iter().flat_map(|a| &a.need).collect();
    assert!(asked.iter().filter(|n| n.starts_with("b/")).count() > 2, "{asked:?}");
    assert!(asked.contains(&&chunks[0]));
    assert!(chunks[1..].iter().all(|c| !asked.contains(&c)), "{asked:?}");
}

//! Search on 1,000 varied synthetic pages: building the index, and each
//! kind of query of `baozhi bench search` (twenty queries a kind), beside
//! a scan of the same folded text with `str::find`.
//!
//! `cargo bench --bench search`; `baozhi bench search` prints percentiles
//! and ratios.

use std::hint::black_box;

use baozhi::search::{SearchIndex, SearchOptions};
use baozhi::text::fold::fold_str;
use baozhi::words::Segmenter;
use baozhi_lab::bench::{article_texts, naive_hits, search_corpus, search_queries};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn search(c: &mut Criterion) {
    let segmenter = Segmenter::embedded();
    let pages = search_corpus(1000);
    let texts = article_texts(&pages);
    let folded: Vec<Vec<String>> = texts.iter().map(|a| a.iter().map(|t| fold_str(t)).collect()).collect();
    let mut index = SearchIndex::new();
    for (id, p) in pages.iter().enumerate() {
        index.add(id as u32, p, &segmenter);
    }
    let page_of = |id: u32| pages.get(id as usize);

    let mut g = c.benchmark_group("search");
    g.sample_size(10);
    let hundred = &pages[..100];
    g.throughput(Throughput::Bytes(article_texts(hundred).iter().flatten().map(|t| t.len() as u64).sum()));
    g.bench_function("index 100 pages", |b| {
        b.iter(|| {
            let mut index = SearchIndex::new();
            for (id, p) in hundred.iter().enumerate() {
                index.add(id as u32, p, &segmenter);
            }
            index.len()
        })
    });
    for (kind, queries) in search_queries(&texts, 20, 11) {
        g.throughput(Throughput::Elements(queries.len() as u64));
        g.bench_function(format!("{kind}: index, first page of results"), |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|q| index.search(black_box(q), &segmenter, &SearchOptions::default(), page_of).total_hits)
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("{kind}: index, every result"), |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|q| index.search(black_box(q), &segmenter, &SearchOptions::ALL, page_of).total_hits)
                    .sum::<usize>()
            })
        });
        g.bench_function(format!("{kind}: scan"), |b| {
            b.iter(|| queries.iter().map(|q| naive_hits(&folded, black_box(q))).sum::<usize>())
        });
    }
    g.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);

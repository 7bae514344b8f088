//! Parse throughput on varied synthetic pages, beside merely splitting the
//! same text into lines, at 1 MB and 10 MB (growth should be linear).
//!
//! `cargo bench --bench parse`; `baozhi bench` prints the same as MB/s.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn parse(c: &mut Criterion) {
    let sample = include_str!("../tests/fixtures/sample-page.txt");
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(sample.len() as u64));
    g.bench_function("sample page", |b| b.iter(|| baozhi::parse_page(black_box(sample))));
    for mb in [1, 10] {
        let input = baozhi_lab::synth::corpus_of_size(mb * 1_000_000, 1);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_function(format!("{mb} MB of synthetic pages"), |b| b.iter(|| baozhi::parse_page(black_box(&input))));
        g.bench_function(format!("{mb} MB split into lines"), |b| {
            b.iter(|| black_box(&input).lines().map(str::len).sum::<usize>())
        });
    }
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);

//! Measurements shared by the CLI's `bench` command and the criterion
//! benches: wall-clock throughput, always as a ratio to a baseline taken
//! in the same run, since the machines are shared and noisy.

use std::fmt;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The best of `rounds` timings of `f`, which resists noise better than the
/// mean on a shared machine.
pub fn best_of<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..rounds.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .expect("at least one round")
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9)
}

/// Parse throughput, against merely splitting the same text into lines.
#[derive(Debug, Clone)]
pub struct ParseReport {
    pub bytes: usize,
    pub parse: Duration,
    pub split_lines: Duration,
    /// Parse time of the whole input over that of its first tenth.
    pub growth_10x: f64,
}

/// Times [`crate::parse_page`] on `input`, and on its first tenth for the
/// growth ratio.
pub fn parse_throughput(input: &str) -> ParseReport {
    let rounds = if input.len() > 50_000_000 { 2 } else { 5 };
    let parse = best_of(rounds, || crate::parse_page(input));
    let split_lines = best_of(rounds, || input.lines().map(str::len).sum::<usize>());
    let mut cut = input.len() / 10;
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let tenth = best_of(rounds * 2, || crate::parse_page(&input[..cut]));
    ParseReport {
        bytes: input.len(),
        parse,
        split_lines,
        growth_10x: parse.as_secs_f64() / tenth.as_secs_f64().max(1e-9),
    }
}

impl fmt::Display for ParseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parse = mb_per_s(self.bytes, self.parse);
        let split = mb_per_s(self.bytes, self.split_lines);
        writeln!(f, "input:        {:.1} MB", self.bytes as f64 / 1e6)?;
        writeln!(f, "parse:        {parse:.1} MB/s ({:.1} ms)", self.parse.as_secs_f64() * 1e3)?;
        writeln!(f, "split lines:  {split:.1} MB/s ({:.1} ms)", self.split_lines.as_secs_f64() * 1e3)?;
        writeln!(f, "parse / split time: {:.1}x", self.parse.as_secs_f64() / self.split_lines.as_secs_f64().max(1e-9))?;
        write!(f, "growth, 10x the input: {:.2}x the time", self.growth_10x)
    }
}

/// Segment + tag + annotate throughput, against bare jieba `cut` (with
/// its HMM, as the reading mode uses it) on the same texts.
#[derive(Debug, Clone)]
pub struct WordsReport {
    /// Building the segmenter: unpacking the dictionary and loading jieba.
    pub build: Duration,
    pub runs: Vec<WordsRun>,
}

#[derive(Debug, Clone)]
pub struct WordsRun {
    pub name: &'static str,
    pub bytes: usize,
    pub articles: usize,
    /// Loading the parsed pages into a library (learning names, segmenting,
    /// tagging, finding entities) and listing every article's keywords.
    pub pipeline: Duration,
    /// `jieba.cut(text, true)` over every text of every article.
    pub bare_cut: Duration,
    /// The same without the HMM (the indexing mode).
    pub bare_cut_no_hmm: Duration,
    /// [`crate::words::Segmenter::segment`] (cut and tag) over the same texts.
    pub segment_and_tag: Duration,
}

/// Real pages for benchmarks: the fixtures, whose words are real Chinese.
const REAL_PAGES: &[&str] = &[
    include_str!("../tests/fixtures/seed-page.txt"),
    include_str!("../tests/fixtures/headline-above-furniture.txt"),
    include_str!("../tests/fixtures/datelines-and-bylines.txt"),
    include_str!("../tests/fixtures/one-long-article.txt"),
    include_str!("../tests/fixtures/plain-prose.txt"),
    include_str!("../tests/fixtures/multi-page.txt"),
    include_str!("../tests/fixtures/headline-tight-above-body.txt"),
];

/// Measures [`WordsReport`] on about `bytes` of real pages (the fixtures,
/// repeated) and of synthetic ones.
#[cfg(feature = "embedded-dict")]
pub fn words_throughput(bytes: usize) -> WordsReport {
    use crate::annotate::fields;
    use crate::library::Library;
    use crate::words::Segmenter;

    let build = best_of(3, Segmenter::embedded);
    let mut real = Vec::new();
    let mut size = 0;
    while size < bytes {
        for p in REAL_PAGES {
            size += p.len();
            real.push(crate::parse_page(p));
        }
    }
    let synthetic: Vec<crate::Page> =
        crate::synth::corpus_of_size(bytes, 5).split('\u{0C}').map(crate::parse_page).collect();
    let jieba = crate::words::build_jieba(crate::words::embedded_dictionary()).expect("embedded dictionary");
    let mut runs = Vec::new();
    for (name, pages) in [("real pages", real), ("synthetic pages", synthetic)] {
        let texts: Vec<&str> =
            pages.iter().flat_map(|p| p.articles.iter()).flat_map(|a| fields(a).into_iter().map(|(_, t)| t)).collect();
        let bytes = texts.iter().map(|t| t.len()).sum();
        let articles = pages.iter().map(|p| p.articles.len()).sum();
        let bare_cut = best_of(3, || texts.iter().map(|t| jieba.cut(t, true).len()).sum::<usize>());
        let bare_cut_no_hmm = best_of(3, || texts.iter().map(|t| jieba.cut(t, false).len()).sum::<usize>());
        let segmenter = Segmenter::embedded();
        let segment_and_tag =
            best_of(3, || texts.iter().map(|t| segmenter.segment(t, crate::words::Mode::Reading).len()).sum::<usize>());
        // Building the segmenter is measured apart, so each round starts
        // the clock after it.
        let rounds = (0..3).map(|_| {
            let mut library = Library::new(Segmenter::embedded());
            let start = Instant::now();
            for (i, p) in pages.iter().enumerate() {
                library.add_page(&i.to_string(), p.clone());
            }
            library.catch_up();
            let mut n = 0;
            for p in library.pages() {
                for a in 0..p.page.articles.len() {
                    n += library.keywords(p.id, a).len();
                }
            }
            black_box(n);
            start.elapsed()
        });
        let pipeline = rounds.min().expect("three rounds");
        runs.push(WordsRun { name, bytes, articles, pipeline, bare_cut, bare_cut_no_hmm, segment_and_tag });
    }
    WordsReport { build, runs }
}

impl fmt::Display for WordsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "build segmenter: {:.0} ms (unpack dictionary + load jieba)", self.build.as_secs_f64() * 1e3)?;
        for r in &self.runs {
            let pipeline = mb_per_s(r.bytes, r.pipeline);
            let bare = mb_per_s(r.bytes, r.bare_cut);
            writeln!(f, "{}: {:.1} MB of article text, {} articles", r.name, r.bytes as f64 / 1e6, r.articles)?;
            writeln!(
                f,
                "  segment + tag + annotate + keywords: {pipeline:.1} MB/s ({:.0} ms)",
                r.pipeline.as_secs_f64() * 1e3
            )?;
            writeln!(
                f,
                "  bare jieba cut (HMM):                {bare:.1} MB/s ({:.0} ms)",
                r.bare_cut.as_secs_f64() * 1e3
            )?;
            writeln!(
                f,
                "  bare jieba cut (no HMM):             {:.1} MB/s ({:.0} ms)",
                mb_per_s(r.bytes, r.bare_cut_no_hmm),
                r.bare_cut_no_hmm.as_secs_f64() * 1e3
            )?;
            writeln!(
                f,
                "  segment + tag only:                  {:.1} MB/s ({:.0} ms)",
                mb_per_s(r.bytes, r.segment_and_tag),
                r.segment_and_tag.as_secs_f64() * 1e3
            )?;
            writeln!(
                f,
                "  ratio to bare cut: {:.2} (segment + tag only: {:.2})",
                pipeline / bare,
                mb_per_s(r.bytes, r.segment_and_tag) / bare
            )?;
        }
        Ok(())
    }
}

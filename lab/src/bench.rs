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

/// Told what a long measurement is doing, one message a step, for a
/// progress display; `&|_| {}` shows nothing.
pub type Progress<'a> = &'a dyn Fn(&str);

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

/// Times [`baozhi::parse_page`] on `input`, and on its first tenth for the
/// growth ratio.
pub fn parse_throughput(input: &str, progress: Progress) -> ParseReport {
    let rounds = if input.len() > 50_000_000 { 2 } else { 5 };
    progress("parsing");
    let parse = best_of(rounds, || baozhi::parse_page(input));
    progress("splitting lines");
    let split_lines = best_of(rounds, || input.lines().map(str::len).sum::<usize>());
    let mut cut = input.len() / 10;
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    progress("parsing a tenth");
    let tenth = best_of(rounds * 2, || baozhi::parse_page(&input[..cut]));
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

/// PDF pages a second: `baozhi::parse_pdf` (read, lay out, parse), beside
/// `pdftotext` (one process a file, as a user runs it) and `pdftotext`
/// followed by `baozhi::parse_page`, on the same files in the same run.
#[derive(Debug, Clone)]
pub struct PdfReport {
    pub files: usize,
    pub pages: usize,
    pub bytes: usize,
    pub parse_pdf: Duration,
    /// `None` when `pdftotext` is not on PATH.
    pub pdftotext: Option<Duration>,
    pub pdftotext_and_parse: Option<Duration>,
    /// Files `parse_pdf` refused, with its message.
    pub refused: Vec<String>,
}

/// Times the PDF readers over `files` (name, bytes).
pub fn pdf_throughput(files: &[(String, Vec<u8>)], progress: Progress) -> PdfReport {
    let rounds = 3;
    let pages: usize =
        files.iter().map(|(_, b)| baozhi::pdf::pdf_text(b).map_or(0, |t| t.split('\u{0C}').count())).sum();
    let refused: Vec<String> =
        files.iter().filter_map(|(n, b)| baozhi::parse_pdf(b).err().map(|e| format!("{n}: {e}"))).collect();
    progress("baozhi parse_pdf");
    let parse_pdf = best_of(rounds, || files.iter().map(|(_, b)| baozhi::parse_pdf(b).is_ok() as usize).sum::<usize>());
    let pdftotext = |then_parse: bool| {
        let run = |name: &str| {
            let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8", name, "-"]).output().ok()?;
            out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
        };
        files.iter().all(|(n, _)| run(n).is_some()).then(|| {
            best_of(rounds, || {
                for (n, _) in files {
                    let text = run(n).unwrap_or_default();
                    if then_parse {
                        black_box(baozhi::parse_page(&text));
                    }
                }
            })
        })
    };
    progress("pdftotext");
    let only = pdftotext(false);
    progress("pdftotext + parse_page");
    let and_parse = pdftotext(true);
    PdfReport {
        files: files.len(),
        pages,
        bytes: files.iter().map(|(_, b)| b.len()).sum(),
        parse_pdf,
        pdftotext: only,
        pdftotext_and_parse: and_parse,
        refused,
    }
}

impl fmt::Display for PdfReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per_s = |t: Duration| self.pages as f64 / t.as_secs_f64().max(1e-9);
        let ms = |t: Duration| t.as_secs_f64() * 1e3 / self.pages.max(1) as f64;
        writeln!(f, "input:        {} PDF files, {} pages, {:.1} MB", self.files, self.pages, self.bytes as f64 / 1e6)?;
        write!(f, "parse_pdf:    {:.1} pages/s ({:.2} ms a page)", per_s(self.parse_pdf), ms(self.parse_pdf))?;
        for (name, t) in [("pdftotext:   ", self.pdftotext), ("pdftotext + parse_page:", self.pdftotext_and_parse)] {
            match t {
                Some(t) => write!(f, "\n{name} {:.1} pages/s ({:.2} ms a page)", per_s(t), ms(t))?,
                None => write!(f, "\n{name} not measured (pdftotext not on PATH)")?,
            }
        }
        for r in &self.refused {
            write!(f, "\nrefused: {r}")?;
        }
        Ok(())
    }
}

/// Segment + tag + annotate throughput, against bare jieba `cut` (with
/// its HMM, as the reading mode uses it) on the same texts.
#[derive(Debug, Clone)]
pub struct WordsReport {
    /// Building the segmenter: unpacking the dictionary and loading jieba.
    pub build: Duration,
    pub runs: Vec<WordsRun>,
    /// Why the real pages were left out, when they could not be read.
    pub skipped: Option<String>,
}

#[derive(Debug, Clone)]
pub struct WordsRun {
    pub name: &'static str,
    /// What the pages are: the fixture pages are a few distinct pages
    /// repeated to reach the size asked for (warm caches, not varied text);
    /// the synthetic ones are all different.
    pub about: String,
    pub bytes: usize,
    pub articles: usize,
    /// Learning each page's names, segmenting, tagging, finding entities
    /// and counting terms ([`baozhi::annotate::analyse_page`]), then every
    /// article's keywords against all.
    pub pipeline: Duration,
    /// Loading the parsed pages into a [`baozhi::library::Library`]: the
    /// pipeline plus the search index and catching up on learned names.
    pub library: Duration,
    /// Then showing every article: its tokens and entity spans
    /// ([`baozhi::library::Library::tokens`]).
    pub show: Duration,
    /// What the library keeps of the articles' tokens for showing them
    /// ([`baozhi::annotate::KeptTokens`]), in bytes.
    pub kept_bytes: usize,
    /// `jieba.cut(text, true)` over every text of every article.
    pub bare_cut: Duration,
    /// The same without the HMM (the indexing mode).
    pub bare_cut_no_hmm: Duration,
    /// [`baozhi::words::Segmenter::segment`] (cut and tag) over the same texts.
    pub segment_and_tag: Duration,
}

/// Where the real pages of the words benchmark are: the repository's test
/// fixtures, whose words are real Chinese. Read from disk when the
/// benchmark runs, never embedded.
pub const REAL_PAGES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");

/// The fixtures the words benchmark reads from [`REAL_PAGES_DIR`].
const REAL_PAGES: &[&str] = &[
    "sample-page.txt",
    "headline-above-furniture.txt",
    "datelines-and-bylines.txt",
    "one-long-article.txt",
    "plain-prose.txt",
    "multi-page.txt",
    "headline-tight-above-body.txt",
];

/// The real pages, or why there are none.
fn real_pages() -> Result<Vec<String>, String> {
    REAL_PAGES
        .iter()
        .map(|name| {
            let path = format!("{REAL_PAGES_DIR}/{name}");
            std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))
        })
        .collect()
}

/// Measures [`WordsReport`] on about `bytes` of real pages (the fixtures,
/// repeated) and of synthetic ones.
pub fn words_throughput(bytes: usize, progress: Progress) -> WordsReport {
    use baozhi::annotate::{Corpus, Terms, analyse_page};
    use baozhi::library::{KEYWORDS_PER_ARTICLE, Library};
    use baozhi::model::fields;
    use baozhi::words::Segmenter;

    progress("building the segmenter");
    let build = best_of(3, Segmenter::embedded);
    progress("parsing the pages");
    let mut real = Vec::new();
    let mut real_about = String::new();
    let skipped = match real_pages() {
        Ok(pages) => {
            let (mut size, mut rounds) = (0, 0);
            while size < bytes {
                rounds += 1;
                for p in &pages {
                    size += p.len();
                    real.push(baozhi::parse_page(p));
                }
            }
            let distinct: usize = pages.iter().map(|p| p.len()).sum();
            real_about = format!(
                "the {} fixture pages ({:.0} kB) repeated {rounds} times: real words, not varied text",
                pages.len(),
                distinct as f64 / 1e3
            );
            None
        }
        Err(why) => Some(why),
    };
    let synthetic: Vec<baozhi::Page> =
        crate::synth::corpus_of_size(bytes, 5).split('\u{0C}').map(baozhi::parse_page).collect();
    let jieba = baozhi::words::build_jieba(baozhi::words::embedded_dictionary()).expect("embedded dictionary");
    let mut runs = Vec::new();
    let synthetic_about = format!("{} generated pages, each different", synthetic.len());
    for (name, about, pages) in [("fixture pages", real_about, real), ("synthetic pages", synthetic_about, synthetic)] {
        if pages.is_empty() {
            continue;
        }
        progress(name);
        let texts: Vec<&str> =
            pages.iter().flat_map(|p| p.articles.iter()).flat_map(|a| fields(a).into_iter().map(|(_, t)| t)).collect();
        let bytes = texts.iter().map(|t| t.len()).sum();
        let articles = pages.iter().map(|p| p.articles.len()).sum();
        let bare_cut = best_of(3, || texts.iter().map(|t| jieba.cut(t, true).len()).sum::<usize>());
        let bare_cut_no_hmm = best_of(3, || texts.iter().map(|t| jieba.cut(t, false).len()).sum::<usize>());
        let segmenter = Segmenter::embedded();
        let segment_and_tag = best_of(3, || {
            texts.iter().map(|t| segmenter.segment(t, baozhi::words::Mode::Reading).len()).sum::<usize>()
        });
        // Building the segmenter is measured apart, so each round starts
        // the clock after it.
        let rounds = (0..3).map(|_| {
            let mut segmenter = Segmenter::embedded();
            let (mut terms, mut corpus) = (Terms::default(), Corpus::default());
            let start = Instant::now();
            let words: Vec<_> = pages.iter().map(|p| analyse_page(p, &mut segmenter, &mut terms)).collect();
            words.iter().flatten().for_each(|w| corpus.add(w));
            let mut n = 0;
            for (page, words) in pages.iter().zip(&words) {
                for (a, w) in page.articles.iter().zip(words) {
                    n += corpus.keywords(a, w, KEYWORDS_PER_ARTICLE).len();
                }
            }
            black_box(n);
            start.elapsed()
        });
        let pipeline = rounds.min().expect("three rounds");
        let mut kept_bytes = 0;
        let rounds: Vec<(Duration, Duration)> = (0..3)
            .map(|_| {
                let mut library = Library::new(Segmenter::embedded());
                let start = Instant::now();
                for (i, p) in pages.iter().enumerate() {
                    library.add_page(&i.to_string(), p.clone());
                }
                library.catch_up();
                black_box(library.pages().len());
                let loaded = start.elapsed();
                let start = Instant::now();
                let mut tokens = 0;
                for p in library.pages() {
                    for a in 0..p.page.articles.len() {
                        tokens += library.tokens(p.id, a).map_or(0, |t| t.tokens.len());
                    }
                }
                black_box(tokens);
                let shown = start.elapsed();
                kept_bytes =
                    library.pages().iter().flat_map(|p| &p.words).flat_map(|w| &w.kept).map(|k| k.heap_bytes()).sum();
                (loaded, shown)
            })
            .collect();
        let library = rounds.iter().map(|r| r.0).min().expect("three rounds");
        let show = rounds.iter().map(|r| r.1).min().expect("three rounds");
        runs.push(WordsRun {
            name,
            about,
            bytes,
            articles,
            pipeline,
            library,
            show,
            kept_bytes,
            bare_cut,
            bare_cut_no_hmm,
            segment_and_tag,
        });
    }
    WordsReport { build, runs, skipped }
}

impl fmt::Display for WordsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "build segmenter: {:.0} ms (unpack dictionary + load jieba)", self.build.as_secs_f64() * 1e3)?;
        if let Some(why) = &self.skipped {
            writeln!(f, "real pages: skipped, cannot read {why}")?;
        }
        for r in &self.runs {
            let pipeline = mb_per_s(r.bytes, r.pipeline);
            let bare = mb_per_s(r.bytes, r.bare_cut);
            writeln!(
                f,
                "{}: {:.1} MB of article text, {} articles ({})",
                r.name,
                r.bytes as f64 / 1e6,
                r.articles,
                r.about
            )?;
            for (label, time) in [
                ("segment + tag + annotate + keywords:", r.pipeline),
                ("bare jieba cut (HMM):", r.bare_cut),
                ("bare jieba cut (no HMM):", r.bare_cut_no_hmm),
                ("segment + tag only:", r.segment_and_tag),
                ("load into a library (+ search index):", r.library),
                ("then show every article's tokens:", r.show),
            ] {
                let (rate, ms) = (mb_per_s(r.bytes, time), time.as_secs_f64() * 1e3);
                writeln!(f, "  {label:<37} {rate:.1} MB/s ({ms:.0} ms)")?;
            }
            writeln!(
                f,
                "  ratio to bare cut: {:.2} (segment + tag only: {:.2})",
                pipeline / bare,
                mb_per_s(r.bytes, r.segment_and_tag) / bare
            )?;
            writeln!(
                f,
                "  tokens kept for showing: {:.2} MB ({:.0} % of the article text)",
                r.kept_bytes as f64 / 1e6,
                100.0 * r.kept_bytes as f64 / r.bytes as f64
            )?;
        }
        Ok(())
    }
}

/// Search over a library of synthetic pages: index build throughput, index
/// memory, and query latency against a naive scan of the same text.
#[derive(Debug, Clone)]
pub struct SearchReport {
    pub pages: usize,
    pub articles: usize,
    /// Bytes (UTF-8) of every field of every article: what is searched.
    pub text_bytes: usize,
    /// Indexing every page (folding, suffix arrays, page filter, words).
    pub build: Duration,
    /// Bare jieba `cut` without its HMM over the same texts: the word
    /// boundaries' share of the build.
    pub bare_cut: Duration,
    /// Folding every field once, as a scan that folds at query time would
    /// on every query.
    pub fold_all: Duration,
    pub index_bytes: usize,
    pub kinds: Vec<QueryKind>,
    /// Queries whose hits the index and the scan counted differently.
    pub disagreements: usize,
}

/// The latencies of one kind of query.
#[derive(Debug, Clone)]
pub struct QueryKind {
    pub name: &'static str,
    pub queries: Vec<String>,
    /// Best of a few runs of each query, returning the first page of
    /// results ([`baozhi::search::DEFAULT_RESULTS`]) and the totals, as the
    /// search box does.
    pub search: Vec<Duration>,
    /// The same returning every result, each with its snippet and hits.
    pub search_all: Vec<Duration>,
    pub naive: Vec<Duration>,
    pub hits: usize,
}

/// The pages of the search benchmark: `pages` synthetic pages, parsed.
pub fn search_corpus(pages: usize) -> Vec<baozhi::Page> {
    (0..pages as u64).map(|n| baozhi::parse_page(&crate::synth::page(3, n).text)).collect()
}

/// The texts of every field of every article, article by article.
pub fn article_texts(pages: &[baozhi::Page]) -> Vec<Vec<&str>> {
    pages
        .iter()
        .flat_map(|p| &p.articles)
        .map(|a| baozhi::model::fields(a).into_iter().map(|(_, t)| t).collect())
        .collect()
}

/// The queries of the search benchmark, by kind, drawn from the corpus
/// itself: one character, two characters, phrases of four to twelve, two
/// or three terms from one article, and strings that occur nowhere.
pub fn search_queries(texts: &[Vec<&str>], per_kind: usize, seed: u64) -> Vec<(&'static str, Vec<String>)> {
    use baozhi::text::is_han;
    let mut rng = crate::synth::Rng::new(seed);
    // A run of `len` characters from a random place of a random paragraph,
    // whitespace left out; Han characters only when `han`.
    let piece = |rng: &mut crate::synth::Rng, article: &[&str], len: usize, han: bool| loop {
        let text: Vec<char> = article[rng.below(article.len())].chars().filter(|c| !c.is_whitespace()).collect();
        if text.len() < len {
            continue;
        }
        let at = rng.below(text.len() - len + 1);
        let s: String = text[at..at + len].iter().collect();
        if !han || s.chars().all(is_han) {
            return s;
        }
    };
    let article = |rng: &mut crate::synth::Rng| loop {
        let a = &texts[rng.below(texts.len())];
        if a.iter().map(|t| t.chars().count()).sum::<usize>() > 40 {
            return a;
        }
    };
    let rare: Vec<char> = ('\u{9F00}'..='\u{9FA5}').collect();
    let mut kinds: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut make = |name, f: &mut dyn FnMut(&mut crate::synth::Rng) -> String| {
        kinds.push((name, (0..per_kind).map(|_| f(&mut rng)).collect()));
    };
    make("one character", &mut |rng| {
        let a = article(rng);
        piece(rng, a, 1, true)
    });
    make("two characters", &mut |rng| {
        let a = article(rng);
        piece(rng, a, 2, true)
    });
    make("phrase of 4-12", &mut |rng| {
        let a = article(rng);
        let len = rng.between(4, 12);
        piece(rng, a, len, false)
    });
    make("2-3 terms", &mut |rng| {
        let a = article(rng);
        let n = rng.between(2, 3);
        (0..n)
            .map(|_| {
                let len = rng.between(2, 3);
                piece(rng, a, len, true)
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    make("no hit", &mut |rng| (0..3).map(|_| *rng.pick(&rare)).collect());
    kinds
}

/// Hits of a query by scanning every field's folded text with `str::find`,
/// overlapping occurrences included, with the query language's rules: the
/// baseline the index is measured against. `articles`: each article's
/// fields, folded.
pub fn naive_hits(articles: &[Vec<String>], query: &str) -> usize {
    let mut terms: Vec<(String, bool)> = Vec::new();
    for t in baozhi::search::parse_query(query) {
        let term = (baozhi::text::fold::fold_str(&t.text), t.exclude);
        if !term.0.is_empty() && !terms.contains(&term) {
            terms.push(term);
        }
    }
    if !terms.iter().any(|(_, exclude)| !exclude) {
        return 0;
    }
    let count = |fields: &[String], term: &str| -> usize {
        fields
            .iter()
            .map(|f| {
                let (mut n, mut at) = (0, 0);
                while let Some(i) = f[at..].find(term) {
                    n += 1;
                    at += i + f[at + i..].chars().next().map_or(1, char::len_utf8);
                }
                n
            })
            .sum()
    };
    let mut total = 0;
    for fields in articles {
        let mut hits = 0;
        let mut matches = true;
        for (term, exclude) in &terms {
            let n = count(fields, term);
            if *exclude == (n > 0) {
                matches = false;
                break;
            }
            if !exclude {
                hits += n;
            }
        }
        if matches {
            total += hits;
        }
    }
    total
}

/// Measures [`SearchReport`] on `pages` synthetic pages.
pub fn search_throughput(pages: usize, progress: Progress) -> SearchReport {
    use baozhi::search::{SearchIndex, SearchOptions};
    use baozhi::text::fold::fold_str;
    use baozhi::words::{Mode, Segmenter};

    progress("parsing the pages");
    let segmenter = Segmenter::embedded();
    let parsed = search_corpus(pages);
    let texts = article_texts(&parsed);
    let text_bytes = texts.iter().flatten().map(|t| t.len()).sum();
    progress("indexing");
    let mut index = SearchIndex::new();
    let build = best_of(2, || {
        index = SearchIndex::new();
        for (id, p) in parsed.iter().enumerate() {
            index.add(id as u32, p, &segmenter);
        }
    });
    let bare_cut = best_of(2, || texts.iter().flatten().map(|t| segmenter.cut(t, Mode::Indexing).len()).sum::<usize>());
    let fold_all = best_of(2, || texts.iter().flatten().map(|t| fold_str(t).len()).sum::<usize>());
    let folded: Vec<Vec<String>> = texts.iter().map(|a| a.iter().map(|t| fold_str(t)).collect()).collect();
    let page_of = |id: u32| parsed.get(id as usize);
    let mut disagreements = 0;
    let mut kinds = Vec::new();
    for (name, queries) in search_queries(&texts, 50, 11) {
        progress(&format!("{name} queries"));
        let mut kind = QueryKind {
            name,
            queries: Vec::new(),
            search: Vec::new(),
            search_all: Vec::new(),
            naive: Vec::new(),
            hits: 0,
        };
        for q in queries {
            let found = index.search(&q, &segmenter, &SearchOptions::ALL, page_of);
            let naive = naive_hits(&folded, &q);
            if found.total_hits != naive {
                disagreements += 1;
            }
            kind.hits += found.total_hits;
            kind.search.push(best_of(3, || index.search(&q, &segmenter, &SearchOptions::default(), page_of)));
            kind.search_all.push(best_of(3, || index.search(&q, &segmenter, &SearchOptions::ALL, page_of)));
            kind.naive.push(best_of(3, || naive_hits(&folded, &q)));
            kind.queries.push(q);
        }
        kinds.push(kind);
    }
    SearchReport {
        pages,
        articles: texts.len(),
        text_bytes,
        build,
        bare_cut,
        fold_all,
        index_bytes: index.bytes(),
        kinds,
        disagreements,
    }
}

/// The `p`-th percentile (0 to 100) of some durations.
fn percentile(times: &[Duration], p: f64) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let at = ((sorted.len() as f64 - 1.0) * p / 100.0).round() as usize;
    sorted.get(at).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

impl fmt::Display for SearchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = self.text_bytes as f64 / 1e6;
        writeln!(f, "corpus: {} synthetic pages, {} articles, {mb:.2} MB of article text", self.pages, self.articles)?;
        writeln!(
            f,
            "index build: {:.1} MB/s ({:.0} ms; bare jieba cut without HMM alone: {:.1} MB/s)",
            mb_per_s(self.text_bytes, self.build),
            ms(self.build),
            mb_per_s(self.text_bytes, self.bare_cut)
        )?;
        writeln!(
            f,
            "index memory: {:.2} MB, {:.2} MB per MB of text",
            self.index_bytes as f64 / 1e6,
            self.index_bytes as f64 / self.text_bytes as f64
        )?;
        writeln!(
            f,
            "query latency, ms (best of 3 runs of each query; {} queries of each kind):",
            self.kinds[0].queries.len()
        )?;
        writeln!(
            f,
            "  {:<15} {:>7} | {:>7} {:>7} | {:>7} {:>7} | {:>7} {:>7} | {:>8} {:>8}",
            "kind", "hits", "p50", "p99", "all p50", "all p99", "scan p50", "scan p99", "speed-up", "(all)"
        )?;
        let merged = |f: fn(&QueryKind) -> &Vec<Duration>| -> Vec<Duration> {
            self.kinds.iter().flat_map(|k| f(k).iter().copied()).collect()
        };
        let (search, search_all, naive) = (merged(|k| &k.search), merged(|k| &k.search_all), merged(|k| &k.naive));
        let total_hits: usize = self.kinds.iter().map(|k| k.hits).sum();
        let rows = self
            .kinds
            .iter()
            .map(|k| (k.name, k.hits, &k.search[..], &k.search_all[..], &k.naive[..]))
            .chain([("all queries", total_hits, &search[..], &search_all[..], &naive[..])]);
        for (name, hits, search, all, naive) in rows {
            let sum = |t: &[Duration]| t.iter().map(Duration::as_secs_f64).sum::<f64>().max(1e-12);
            writeln!(
                f,
                "  {name:<15} {hits:>7} | {:>7.3} {:>7.3} | {:>7.3} {:>7.3} | {:>7.3} {:>7.3} | {:>7.1}x {:>7.1}x",
                ms(percentile(search, 50.0)),
                ms(percentile(search, 99.0)),
                ms(percentile(all, 50.0)),
                ms(percentile(all, 99.0)),
                ms(percentile(naive, 50.0)),
                ms(percentile(naive, 99.0)),
                sum(naive) / sum(search),
                sum(naive) / sum(all),
            )?;
        }
        writeln!(
            f,
            "p50, p99: the first {} results and the totals; all: every result with its snippet and hits",
            baozhi::search::DEFAULT_RESULTS
        )?;
        writeln!(
            f,
            "scan: str::find over every field's text, folded beforehand (folding it all takes {:.1} ms more a \
             query); speed-up: total scan time over total search time",
            ms(self.fold_all)
        )?;
        write!(f, "queries where index and scan counted different hits: {}", self.disagreements)
    }
}

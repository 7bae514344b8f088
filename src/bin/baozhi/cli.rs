//! The commands.

use std::io::{Read, Write};
use std::process::ExitCode;

use baozhi::html::RenderOptions;
use baozhi::html::{Layer, Layers};
use baozhi::library::Library;
use baozhi::words::{EntityKind, Mode, Segmenter};

const USAGE: &str = "\
baozhi — read Chinese newspaper pages given as raw text

usage:
  baozhi parse FILE          print the page's articles as JSON (FILE may be - for stdin)
  baozhi words [--json] FILE...
                             each article's words (separated by /), its people, places
                             and organisations, and its keywords against all given pages
  baozhi search [--json] FILE... -- QUERY
                             the articles of the pages that match QUERY, best first, with
                             a snippet and every hit: terms separated by spaces must all
                             occur, \"a phrase\" is one term, -term leaves articles out
  baozhi segment             cut standard input into words, one line at a time, words
                             separated by single spaces (SIGHAN bakeoff format)
  baozhi names FILE          the people the page names, and how they are cut before and
                             after the segmenter learns them
  baozhi html FILE [-o OUT]  a standalone, readable HTML rendering of the page
  baozhi dictionary OUT       write the packed dictionary the web page downloads
  baozhi synth N DIR          write N varied synthetic pages (page-0001.txt…) for measurements
  baozhi bench [parse] [--mb N] [FILE...]
                             parse throughput on N MB (default 10) of varied synthetic
                             pages, or on the given files
  baozhi bench words [--mb N]
                             segment + tag + annotate throughput against bare jieba cut
  baozhi bench search [--pages N]
                             search index build, memory and query latency on N (default
                             1000) varied synthetic pages, against a naive scan
  baozhi help                show this

Files are decoded from UTF-8, UTF-16 or GB18030/GBK (detected); the encoding
used is reported on standard error. Exit status: 0 on success, 2 when an
input cannot be read or is not text, 1 on wrong usage.";

/// A failure that ends the command: a one-line message and an exit status.
struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure { message: format!("{}\n\n{USAGE}", message.into()), status: 1 }
    }
    fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), status: 2 }
    }
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("parse") => parse(&args[1..]),
        Some("words") => words(&args[1..]),
        Some("search") => search(&args[1..]),
        Some("segment") => segment(&args[1..]),
        Some("names") => names(&args[1..]),
        Some("html") => html(&args[1..]),
        Some("dictionary") => dictionary(&args[1..]),
        Some("synth") => synth(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::usage(format!("unknown command: {other}"))),
        None => Err(Failure::usage("no command given")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("baozhi: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

/// Reads and decodes a page file (`-` is standard input), reporting the
/// encoding on standard error.
fn read_page(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?;
        if meta.is_dir() {
            return Err(Failure::input(format!("{path}: is a directory, not a page file")));
        }
        std::fs::read(path).map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?
    };
    let name = if path == "-" { "standard input" } else { path };
    let decoded = baozhi::decode(&bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    eprintln!("baozhi: {name}: read as {}", decoded.encoding);
    Ok(decoded.text)
}

/// `io::Error` messages without the "(os error 2)" tail.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn one_file(args: &[String], command: &str) -> Result<String, Failure> {
    match args {
        [path] => Ok(path.clone()),
        [] => Err(Failure::usage(format!("{command}: which file? (use - for standard input)"))),
        _ => Err(Failure::usage(format!("{command}: one file at a time"))),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .map_err(|e| Failure::input(format!("cannot write the output: {e}")))
}

fn parse(args: &[String]) -> Result<(), Failure> {
    let path = one_file(args, "parse")?;
    let text = read_page(&path)?;
    print_json(&baozhi::parse_page(&text))
}

fn bench(args: &[String]) -> Result<(), Failure> {
    let (what, args) = match args.first().map(String::as_str) {
        Some("search") => return bench_search(&args[1..]),
        Some("parse") => ("parse", &args[1..]),
        Some("words") => ("words", &args[1..]),
        _ => ("parse", args),
    };
    let mut megabytes = if what == "words" { 4.0 } else { 10.0_f64 };
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => {
                megabytes = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&v: &f64| v > 0.0 && v <= 4096.0)
                    .ok_or_else(|| Failure::usage("bench: --mb takes a size in MB, up to 4096"))?;
            }
            _ => files.push(a.clone()),
        }
    }
    if what == "words" {
        let report = baozhi::bench::words_throughput((megabytes * 1e6) as usize);
        println!("{report}");
        return Ok(());
    }
    let input = if files.is_empty() {
        baozhi::synth::corpus_of_size((megabytes * 1e6) as usize, 1)
    } else {
        let mut all = String::new();
        for f in &files {
            all.push_str(&read_page(f)?);
            all.push('\u{0C}');
        }
        all
    };
    let report = baozhi::bench::parse_throughput(&input);
    println!("{report}");
    Ok(())
}

fn bench_search(args: &[String]) -> Result<(), Failure> {
    let pages = match args {
        [] => 1000,
        [flag, n] if flag == "--pages" => n
            .parse()
            .ok()
            .filter(|&n: &usize| (1..=100_000).contains(&n))
            .ok_or_else(|| Failure::usage("bench search: --pages takes a number of pages, from 1 to 100000"))?,
        _ => return Err(Failure::usage("bench search: takes only --pages N")),
    };
    println!("{}", baozhi::bench::search_throughput(pages));
    Ok(())
}

/// Loads the given files into a library.
fn load(files: &[String]) -> Result<Library, Failure> {
    let mut library = Library::new(Segmenter::embedded());
    for f in files {
        let text = read_page(f)?;
        library.add_text(f, &text);
    }
    library.catch_up();
    Ok(library)
}

#[derive(serde::Serialize)]
struct WordsJson {
    articles: Vec<ArticleWordsJson>,
}

#[derive(serde::Serialize)]
struct ArticleWordsJson {
    title: Option<String>,
    tokens: Vec<TokenJson>,
    entities: Vec<baozhi::annotate::Entity>,
    keywords: Vec<baozhi::annotate::Keyword>,
}

#[derive(serde::Serialize)]
struct TokenJson {
    text: String,
    start: usize,
    end: usize,
    tag: baozhi::words::Tag,
}

fn words(args: &[String]) -> Result<(), Failure> {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<String> = args.iter().filter(|a| *a != "--json").cloned().collect();
    if files.is_empty() {
        return Err(Failure::usage("words: which file? (use - for standard input)"));
    }
    let library = load(&files)?;
    let mut out = WordsJson { articles: Vec::new() };
    let mut text_out = String::new();
    for page in library.pages() {
        for (i, article) in page.page.articles.iter().enumerate() {
            let words = &page.words[i];
            let shown = library.tokens(page.id, i).expect("the article is loaded");
            // Offsets into the paragraphs joined by a newline.
            let mut tokens = Vec::new();
            let mut offset = 0;
            for (field, toks) in &shown.tokens {
                let baozhi::model::Field::Paragraph(p) = field else { continue };
                let text = &article.paragraphs[*p];
                tokens.extend(toks.iter().filter(|t| !t.text(text).trim().is_empty()).map(|t| TokenJson {
                    text: t.text(text).to_string(),
                    start: offset + t.start as usize,
                    end: offset + t.end as usize,
                    tag: t.tag,
                }));
                offset += text.chars().count() + 1;
            }
            let keywords = library.keywords(page.id, i);
            if !json {
                use std::fmt::Write as _;
                let title =
                    article.title.clone().or_else(|| baozhi::model::derived_title(article).map(|t| format!("[{t}]")));
                let _ = writeln!(text_out, "== {}", title.unwrap_or_default());
                for (field, toks) in &shown.tokens {
                    let Some(text) = baozhi::model::field_text(article, *field) else { continue };
                    let cut: Vec<&str> = toks.iter().map(|t| t.text(text)).filter(|w| !w.trim().is_empty()).collect();
                    let _ = writeln!(text_out, "{:>9}: {}", field.name(), cut.join(" / "));
                }
                for kind in [EntityKind::Person, EntityKind::Place, EntityKind::Organization] {
                    let list: Vec<String> = words
                        .entities
                        .iter()
                        .filter(|e| e.kind == kind)
                        .map(|e| format!("{} ×{}", e.text, e.count))
                        .collect();
                    let label = match kind {
                        EntityKind::Person => "people",
                        EntityKind::Place => "places",
                        EntityKind::Organization => "organisations",
                    };
                    let _ = writeln!(text_out, "{label:>13}: {}", list.join(", "));
                }
                let kw: Vec<String> = keywords.iter().map(|k| format!("{} {:.2}", k.text, k.score)).collect();
                let _ = writeln!(text_out, "{:>13}: {}\n", "keywords", kw.join(", "));
            }
            out.articles.push(ArticleWordsJson {
                title: article.title.clone(),
                tokens,
                entities: words.entities.clone(),
                keywords,
            });
        }
    }
    if json {
        print_json(&out)
    } else {
        print!("{text_out}");
        Ok(())
    }
}

#[derive(serde::Serialize)]
struct SearchJson {
    total: usize,
    results: Vec<SearchResultJson>,
}

#[derive(serde::Serialize)]
struct SearchResultJson {
    file: String,
    article: usize,
    title: Option<String>,
    score: f64,
    snippet: String,
    hits: Vec<SearchHitJson>,
}

#[derive(serde::Serialize)]
struct SearchHitJson {
    field: &'static str,
    paragraph: Option<usize>,
    start: usize,
    end: usize,
}

fn search(args: &[String]) -> Result<(), Failure> {
    let Some(split) = args.iter().position(|a| a == "--") else {
        return Err(Failure::usage("search: give the query after --: baozhi search FILE... -- QUERY"));
    };
    let json = args[..split].iter().any(|a| a == "--json");
    let files: Vec<String> = args[..split].iter().filter(|a| *a != "--json").cloned().collect();
    if files.is_empty() {
        return Err(Failure::usage("search: which files? (use - for standard input)"));
    }
    let query = args[split + 1..].join(" ");
    let library = load(&files)?;
    let found = library.search_with(&query, &baozhi::search::SearchOptions::ALL);
    let mut out = SearchJson { total: found.total_hits, results: Vec::new() };
    let mut text_out = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        text_out,
        "{} in {} for {query}",
        plural(found.total_hits, "hit"),
        plural(found.total_results, "article")
    );
    for (n, r) in found.results.iter().enumerate() {
        let page = library.page(r.page).expect("results are of loaded pages");
        let article = &page.page.articles[r.article];
        let hits = r.hits.iter().map(|h| SearchHitJson {
            field: h.field.name(),
            paragraph: match h.field {
                baozhi::model::Field::Paragraph(i) => Some(i),
                _ => None,
            },
            start: h.start,
            end: h.end,
        });
        if json {
            out.results.push(SearchResultJson {
                file: page.name.clone(),
                article: r.article,
                title: article.title.clone(),
                score: r.score,
                snippet: r.snippet.clone(),
                hits: hits.collect(),
            });
        } else {
            let title = article
                .title
                .clone()
                .or_else(|| baozhi::model::derived_title(article).map(|t| format!("[{t}]")))
                .unwrap_or_default();
            let _ = writeln!(
                text_out,
                "\n{}. {title}\n   {}, article {}: score {:.2}, {}\n   {}",
                n + 1,
                page.name,
                r.article,
                r.score,
                plural(r.hits.len(), "hit"),
                baozhi::search::snippet_text(&r.snippet, "【", "】")
            );
        }
    }
    if json {
        print_json(&out)
    } else {
        print!("{text_out}");
        Ok(())
    }
}

/// `1 hit`, `2 hits`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn segment(args: &[String]) -> Result<(), Failure> {
    if !args.is_empty() {
        return Err(Failure::usage("segment: reads standard input, takes no arguments"));
    }
    let segmenter = Segmenter::embedded();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::BufRead::lines(stdin.lock()) {
        let line = line.map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        writeln!(out, "{}", segmenter.segment_line(&line, Mode::Reading))
            .map_err(|e| Failure::input(format!("cannot write the output: {e}")))?;
    }
    out.flush().map_err(|e| Failure::input(format!("cannot write the output: {e}")))
}

fn names(args: &[String]) -> Result<(), Failure> {
    let path = one_file(args, "names")?;
    let text = read_page(&path)?;
    let page = baozhi::parse_page(&text);
    let before = Segmenter::embedded();
    let mut after = Segmenter::embedded();
    let found = baozhi::words::find_names(&page, &before);
    after.learn_people(found.iter().map(|n| n.name.as_str()));
    let mut report = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        report,
        "{:<8} {:<8} {:<24} {:<24} after",
        "name", "found in", "before (reading)", "before (indexing)"
    );
    for n in &found {
        let context = page
            .articles
            .iter()
            .flat_map(|a| a.paragraphs.iter().map(String::as_str).chain(a.byline.as_deref()))
            .find(|p| p.contains(n.name.as_str()))
            .unwrap_or(n.name.as_str());
        let cut = |s: &Segmenter, mode| baozhi::words::cut_around(s, context, &n.name, mode);
        let source = format!("{:?}", n.source).to_lowercase();
        let _ = writeln!(
            report,
            "{:<8} {:<8} {:<24} {:<24} {}",
            n.name,
            source,
            cut(&before, Mode::Reading),
            cut(&before, Mode::Indexing),
            cut(&after, Mode::Reading)
        );
    }
    print!("{report}");
    Ok(())
}

fn html(args: &[String]) -> Result<(), Failure> {
    let mut output: Option<String> = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" => output = Some(it.next().cloned().ok_or_else(|| Failure::usage("html: -o needs a file name"))?),
            _ => files.push(a.clone()),
        }
    }
    let path = one_file(&files, "html")?;
    let library = load(std::slice::from_ref(&path))?;
    let mut body = String::new();
    let layers: Layers = [Layer::Person, Layer::Place, Layer::Organization, Layer::Keyword].into_iter().collect();
    for page in library.pages() {
        for (i, article) in page.page.articles.iter().enumerate() {
            let keywords: Vec<String> = library.keywords(page.id, i).into_iter().map(|k| k.text).collect();
            let id = format!("a{i}");
            let opts = RenderOptions { layers, keywords: &keywords, id: &id, ..RenderOptions::default() };
            let shown = library.tokens(page.id, i);
            body.push_str(&baozhi::html::render_article(article, shown.as_ref(), &opts));
            body.push('\n');
        }
        if !page.page.leftovers.is_empty() {
            body.push_str("<aside class=\"leftovers\"><h2>页面其他文字 (not in any article)</h2>");
            for l in &page.page.leftovers {
                body.push_str("<p>");
                body.push_str(&baozhi::html::escape(l));
                body.push_str("</p>");
            }
            body.push_str("</aside>\n");
        }
    }
    let title = std::path::Path::new(&path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
    let doc = baozhi::html::render_document(&title, STYLESHEET, &body);
    match output {
        Some(out) => std::fs::write(&out, doc).map_err(|e| Failure::input(format!("{out}: {}", io_message(&e)))),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(doc.as_bytes()).map_err(|e| Failure::input(format!("cannot write the output: {e}")))
        }
    }
}

fn synth(args: &[String]) -> Result<(), Failure> {
    let [n, dir] = args else { return Err(Failure::usage("synth: give a number of pages and a folder")) };
    let n: u64 = n.parse().map_err(|_| Failure::usage(format!("synth: not a number of pages: {n}")))?;
    std::fs::create_dir_all(dir).map_err(|e| Failure::input(format!("{dir}: {}", io_message(&e))))?;
    for i in 0..n {
        let path = format!("{dir}/page-{:04}.txt", i + 1);
        std::fs::write(&path, baozhi::synth::page(42, i).text)
            .map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?;
    }
    Ok(())
}

fn dictionary(args: &[String]) -> Result<(), Failure> {
    let [out] = args else { return Err(Failure::usage("dictionary: give the file to write")) };
    std::fs::write(out, baozhi::words::embedded_dictionary())
        .map_err(|e| Failure::input(format!("{out}: {}", io_message(&e))))
}

/// The reader's stylesheet, inlined into `baozhi html` pages.
const STYLESHEET: &str = include_str!("../../../www/reader.css");

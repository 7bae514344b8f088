use crate::io::{Failure, load, print_json, shown_title};

/// The articles of the pages that match QUERY, best first, with a snippet
/// and every hit: terms separated by spaces must all occur, "a phrase" is
/// one term, -term leaves articles out
#[derive(Debug, clap::Args)]
#[command(override_usage = "baozhi search [--json] FILE... -- QUERY...")]
pub struct Args {
    /// Print JSON: every result with its hits (character offsets into the field)
    #[arg(long)]
    json: bool,
    /// The page files: text, or PDFs with a text layer (- for standard input)
    #[arg(required = true)]
    files: Vec<String>,
    /// The query, after --
    #[arg(last = true)]
    query: Vec<String>,
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

pub fn run(args: Args) -> Result<(), Failure> {
    if args.query.is_empty() {
        return Err(Failure::usage("search", "give the query after --: baozhi search FILE... -- QUERY"));
    }
    let json = args.json;
    let query = args.query.join(" ");
    let library = load(&args.files)?;
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
            let title = shown_title(article);
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

use std::io::Write;

use baozhi::html::{Layer, Layers, RenderOptions};

use crate::io::{Failure, io_message, load, write_failed};

/// A standalone, readable HTML rendering of the page
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page file: text, or a PDF with a text layer (- for standard input)
    file: String,
    /// Write the HTML to this file instead of standard output
    #[arg(short, value_name = "OUT")]
    output: Option<String>,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let Args { file: path, output } = args;
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
            stdout.write_all(doc.as_bytes()).map_err(write_failed)
        }
    }
}

/// The reader's stylesheet, inlined into `baozhi html` pages.
const STYLESHEET: &str = include_str!("../../../www/reader.css");

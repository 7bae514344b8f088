use baozhi::words::EntityKind;

use crate::io::{Failure, load, print_json, shown_title};

/// Each article's words (separated by /), its people, places and
/// organisations, and its keywords against all given pages
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON: tokens with character offsets into the paragraphs
    /// joined by newlines, entities and keywords
    #[arg(long)]
    json: bool,
    /// The page files: text, or PDFs with a text layer (- for standard input)
    #[arg(required = true)]
    files: Vec<String>,
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

pub fn run(args: Args) -> Result<(), Failure> {
    let json = args.json;
    let library = load(&args.files)?;
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
                let _ = writeln!(text_out, "== {}", shown_title(article));
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

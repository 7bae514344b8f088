use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::io::{Failure, read_bytes, read_text};

/// Measure throughput: parse (the default), words or search
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    what: Option<What>,
    #[command(flatten)]
    parse: ParseArgs,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Parse throughput on N MB of varied synthetic pages, or on the given files
    Parse(ParseArgs),
    /// Segment + tag + annotate throughput against bare jieba cut
    Words(WordsArgs),
    /// Search index build, memory and query latency on varied synthetic
    /// pages, against a naive scan
    Search(SearchArgs),
    /// A static archive of generated pages: build time, index size, and
    /// per kind of query the requests and bytes it fetches
    Archive(ArchiveArgs),
}

#[derive(Debug, clap::Args)]
struct ArchiveArgs {
    /// Pages to generate
    #[arg(long, value_name = "N", default_value = "10000", value_parser = clap::value_parser!(u64).range(1..=200_000))]
    pages: u64,
    /// The folder for the pages, the site and the HTML (emptied first)
    #[arg(long, value_name = "DIR", default_value = "target/archive-bench")]
    dir: String,
    /// Do not write the pages as HTML (for Pagefind)
    #[arg(long)]
    no_html: bool,
    /// Take the pages already in DIR/pages (as an earlier run wrote them:
    /// the first N; the day a run adds after them is removed) instead of
    /// generating them
    #[arg(long)]
    reuse_pages: bool,
}

#[derive(Debug, clap::Args)]
struct ParseArgs {
    /// Megabytes of synthetic pages (up to 4096)
    #[arg(long, value_name = "N", default_value = "10", value_parser = megabytes)]
    mb: f64,
    /// Page files to parse instead of synthetic pages; PDFs are timed
    /// beside pdftotext on the same files
    files: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct WordsArgs {
    /// Megabytes of article text (up to 4096)
    #[arg(long, value_name = "N", default_value = "4", value_parser = megabytes)]
    mb: f64,
}

#[derive(Debug, clap::Args)]
struct SearchArgs {
    /// Synthetic pages to load
    #[arg(long, value_name = "N", default_value = "1000", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pages: u64,
}

fn megabytes(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 4096.0 => Ok(v),
        _ => Err("a size in MB, more than 0 and up to 4096".into()),
    }
}

pub fn run(args: Args) -> Result<(), Failure> {
    let what = args.what.unwrap_or(What::Parse(args.parse));
    let spinner = Spinner::new();
    let report = match what {
        What::Parse(a) if pdfs(&a.files)?.is_some() => {
            let files = pdfs(&a.files)?.unwrap_or_default();
            baozhi_lab::bench::pdf_throughput(&files, &|s| spinner.step(s)).to_string()
        }
        What::Parse(a) => {
            let input = if a.files.is_empty() {
                spinner.step("making synthetic pages");
                baozhi_lab::synth::corpus_of_size((a.mb * 1e6) as usize, 1)
            } else {
                let mut all = String::new();
                for f in &a.files {
                    all.push_str(&read_text(f)?);
                    all.push('\u{0C}');
                }
                all
            };
            baozhi_lab::bench::parse_throughput(&input, &|s| spinner.step(s)).to_string()
        }
        What::Words(a) => baozhi_lab::bench::words_throughput((a.mb * 1e6) as usize, &|s| spinner.step(s)).to_string(),
        What::Search(a) => baozhi_lab::bench::search_throughput(a.pages as usize, &|s| spinner.step(s)).to_string(),
        What::Archive(a) => {
            super::archive::bench(a.pages as usize, std::path::Path::new(&a.dir), !a.no_html, a.reuse_pages, &|s| {
                spinner.step(s)
            })?
        }
    };
    drop(spinner);
    println!("{report}");
    Ok(())
}

/// Files by name with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The files' bytes when they are all PDFs (by their signature).
fn pdfs(files: &[String]) -> Result<Option<Files>, Failure> {
    let mut out = Vec::new();
    for f in files {
        let (bytes, _) = read_bytes(f)?;
        if !baozhi::pdf::is_pdf(&bytes) {
            return Ok(None);
        }
        out.push((f.clone(), bytes));
    }
    Ok((!out.is_empty()).then_some(out))
}

/// A progress spinner on standard error with the current step, shown only
/// on a terminal (indicatif draws nothing when standard error is piped).
struct Spinner(ProgressBar);

impl Spinner {
    fn new() -> Spinner {
        let bar = ProgressBar::new_spinner();
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(bar)
    }

    fn step(&self, what: &str) {
        self.0.set_message(what.to_string());
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

use crate::io::{Failure, print_json, read_page, read_text};

/// Print the page's articles as JSON
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page file: text, or a PDF with a text layer (- for standard input)
    file: String,
    /// Print the reflow pass's units (headline blocks, paragraphs, bylines,
    /// furniture) instead, to study a text page the parser gets wrong
    #[arg(long)]
    units: bool,
}

pub fn run(args: Args) -> Result<(), Failure> {
    if args.units {
        print!("{}", baozhi::parse::trace_units(&read_text(&args.file)?));
        return Ok(());
    }
    print_json(&read_page(&args.file)?)
}

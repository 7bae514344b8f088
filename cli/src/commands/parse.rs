use crate::io::{Failure, print_json, read_page};

/// Print the page's articles as JSON
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page file: text, or a PDF with a text layer (- for standard input)
    file: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    print_json(&read_page(&args.file)?)
}

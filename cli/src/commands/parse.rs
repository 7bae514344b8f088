use crate::io::{Failure, print_json, read_page};

/// Print the page's articles as JSON
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page file (- for standard input)
    file: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let text = read_page(&args.file)?;
    print_json(&baozhi::parse_page(&text))
}

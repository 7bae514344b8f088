use crate::io::{Failure, io_message};

/// Write the packed dictionary the web page downloads
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to write
    out: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    std::fs::write(&args.out, baozhi::words::embedded_dictionary())
        .map_err(|e| Failure::input(format!("{}: {}", args.out, io_message(&e))))
}

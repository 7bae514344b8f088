use crate::io::{Failure, io_message};

/// Write N varied synthetic pages (page-0001.txt…) for measurements
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many pages
    n: u64,
    /// The folder to write them in (made if missing); with --joined, the file
    dir: String,
    /// Write the pages into one file, separated by form feeds (as pdftotext
    /// separates the pages of a PDF)
    #[arg(long)]
    joined: bool,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let dir = &args.dir;
    if args.joined {
        let text = baozhi_lab::synth::corpus(args.n as usize, 42);
        return std::fs::write(dir, text).map_err(|e| Failure::input(format!("{dir}: {}", io_message(&e))));
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::input(format!("{dir}: {}", io_message(&e))))?;
    for i in 0..args.n {
        let path = format!("{dir}/page-{:04}.txt", i + 1);
        std::fs::write(&path, baozhi_lab::synth::page(42, i).text)
            .map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?;
    }
    Ok(())
}

//! The command-line front end: a thin layer over the core for batch work,
//! debugging and benchmarks, one file a command (`commands/`). Run
//! `baozhi --help` for the commands and `baozhi COMMAND --help` for one.

mod commands;
mod io;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// baozhi — read Chinese newspaper pages given as raw text
#[derive(Debug, Parser)]
#[command(name = "baozhi", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const AFTER_HELP: &str = "\
Files are decoded from UTF-8, UTF-16 or GB18030/GBK (detected); the encoding
used is reported on standard error. A PDF (known by its %PDF- signature) is
read through its text layer. Exit status: 0 on success, 2 when an input
cannot be read, is not text or is a PDF without a readable text layer, 1 on
wrong usage.";

#[derive(Debug, Subcommand)]
enum Command {
    Parse(commands::parse::Args),
    Words(commands::words::Args),
    Search(commands::search::Args),
    Segment(commands::segment::Args),
    Names(commands::names::Args),
    Html(commands::html::Args),
    Dictionary(commands::dictionary::Args),
    Synth(commands::synth::Args),
    Archive(commands::archive::Args),
    Bench(commands::bench::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with status 0; wrong
            // usage names the bad argument, with status 1.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(1) } else { ExitCode::SUCCESS };
        }
    };
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Words(args) => commands::words::run(args),
        Command::Search(args) => commands::search::run(args),
        Command::Segment(args) => commands::segment::run(args),
        Command::Names(args) => commands::names::run(args),
        Command::Html(args) => commands::html::run(args),
        Command::Dictionary(args) => commands::dictionary::run(args),
        Command::Synth(args) => commands::synth::run(args),
        Command::Archive(args) => commands::archive::run(args),
        Command::Bench(args) => commands::bench::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("baozhi: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

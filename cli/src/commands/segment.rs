use std::io::Write;

use baozhi::words::{Mode, Segmenter};

use crate::io::{Failure, write_failed};

/// Cut standard input into words, one line at a time, words separated by
/// single spaces (SIGHAN bakeoff format)
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: Args) -> Result<(), Failure> {
    let segmenter = Segmenter::embedded();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::BufRead::lines(stdin.lock()) {
        let line = line.map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        writeln!(out, "{}", segmenter.segment_line(&line, Mode::Reading)).map_err(write_failed)?;
    }
    out.flush().map_err(write_failed)
}

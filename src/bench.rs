//! Measurements shared by the CLI's `bench` command and the criterion
//! benches: wall-clock throughput, always as a ratio to a baseline taken
//! in the same run, since the machines are shared and noisy.

use std::fmt;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The best of `rounds` timings of `f`, which resists noise better than the
/// mean on a shared machine.
pub fn best_of<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..rounds.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .min()
        .expect("at least one round")
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9)
}

/// Parse throughput, against merely splitting the same text into lines.
#[derive(Debug, Clone)]
pub struct ParseReport {
    pub bytes: usize,
    pub parse: Duration,
    pub split_lines: Duration,
    /// Parse time of the whole input over that of its first tenth.
    pub growth_10x: f64,
}

/// Times [`crate::parse_page`] on `input`, and on its first tenth for the
/// growth ratio.
pub fn parse_throughput(input: &str) -> ParseReport {
    let rounds = if input.len() > 50_000_000 { 2 } else { 5 };
    let parse = best_of(rounds, || crate::parse_page(input));
    let split_lines = best_of(rounds, || input.lines().map(str::len).sum::<usize>());
    let mut cut = input.len() / 10;
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let tenth = best_of(rounds * 2, || crate::parse_page(&input[..cut]));
    ParseReport {
        bytes: input.len(),
        parse,
        split_lines,
        growth_10x: parse.as_secs_f64() / tenth.as_secs_f64().max(1e-9),
    }
}

impl fmt::Display for ParseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parse = mb_per_s(self.bytes, self.parse);
        let split = mb_per_s(self.bytes, self.split_lines);
        writeln!(f, "input:        {:.1} MB", self.bytes as f64 / 1e6)?;
        writeln!(
            f,
            "parse:        {parse:.1} MB/s ({:.1} ms)",
            self.parse.as_secs_f64() * 1e3
        )?;
        writeln!(
            f,
            "split lines:  {split:.1} MB/s ({:.1} ms)",
            self.split_lines.as_secs_f64() * 1e3
        )?;
        writeln!(
            f,
            "parse / split time: {:.1}x",
            self.parse.as_secs_f64() / self.split_lines.as_secs_f64().max(1e-9)
        )?;
        write!(f, "growth, 10x the input: {:.2}x the time", self.growth_10x)
    }
}

//! The command-line front end: a thin layer over the core for batch work,
//! debugging and benchmarks. Run `baozhi help` for the commands.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
baozhi — read Chinese newspaper pages given as raw text

usage:
  baozhi parse FILE          print the page's articles as JSON (FILE may be - for stdin)
  baozhi bench [--mb N] [FILE...]
                             measure parse throughput on N MB (default 10) of varied
                             synthetic pages, or on the given files
  baozhi help                show this

Files are decoded from UTF-8, UTF-16 or GB18030/GBK (detected); the encoding
used is reported on standard error. Exit status: 0 on success, 2 when an
input cannot be read or is not text, 1 on wrong usage.";

/// A failure that ends the command: a one-line message and an exit status.
struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: format!("{}\n\n{USAGE}", message.into()),
            status: 1,
        }
    }
    fn input(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("parse") => parse(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::usage(format!("unknown command: {other}"))),
        None => Err(Failure::usage("no command given")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("baozhi: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

/// Reads and decodes a page file (`-` is standard input), reporting the
/// encoding on standard error.
fn read_page(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?;
        if meta.is_dir() {
            return Err(Failure::input(format!(
                "{path}: is a directory, not a page file"
            )));
        }
        std::fs::read(path).map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?
    };
    let name = if path == "-" { "standard input" } else { path };
    let decoded = baozhi::decode(&bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    eprintln!("baozhi: {name}: read as {}", decoded.encoding);
    Ok(decoded.text)
}

/// `io::Error` messages without the "(os error 2)" tail.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn one_file(args: &[String], command: &str) -> Result<String, Failure> {
    match args {
        [path] => Ok(path.clone()),
        [] => Err(Failure::usage(format!(
            "{command}: which file? (use - for standard input)"
        ))),
        _ => Err(Failure::usage(format!("{command}: one file at a time"))),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .map_err(|e| Failure::input(format!("cannot write the output: {e}")))
}

fn parse(args: &[String]) -> Result<(), Failure> {
    let path = one_file(args, "parse")?;
    let text = read_page(&path)?;
    print_json(&baozhi::parse_page(&text))
}

fn bench(args: &[String]) -> Result<(), Failure> {
    let mut megabytes = 10.0_f64;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => {
                megabytes = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&v: &f64| v > 0.0 && v <= 4096.0)
                    .ok_or_else(|| Failure::usage("bench: --mb takes a size in MB, up to 4096"))?;
            }
            _ => files.push(a.clone()),
        }
    }
    let input = if files.is_empty() {
        baozhi::synth::corpus_of_size((megabytes * 1e6) as usize, 1)
    } else {
        let mut all = String::new();
        for f in &files {
            all.push_str(&read_page(f)?);
            all.push('\u{0C}');
        }
        all
    };
    let report = baozhi::bench::parse_throughput(&input);
    println!("{report}");
    Ok(())
}

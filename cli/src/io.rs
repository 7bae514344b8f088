//! What the commands share: reading and decoding page files, writing JSON,
//! loading a library, and the failure that ends a command.

use std::io::{Read, Write};

use baozhi::library::Library;
use baozhi::words::Segmenter;

/// A failure that ends the command: a one-line message and an exit status.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub status: u8,
}

impl Failure {
    /// Wrong usage that the argument parser cannot tell (status 1).
    pub fn usage(command: &str, message: impl Into<String>) -> Self {
        Failure {
            message: format!("{command}: {}\n\nFor more information, try 'baozhi {command} --help'.", message.into()),
            status: 1,
        }
    }
    /// An input that cannot be read, or output that cannot be written (status 2).
    pub fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), status: 2 }
    }
}

/// Reads a file's bytes (`-` is standard input), with the name to report.
pub fn read_bytes(path: &str) -> Result<(Vec<u8>, &str), Failure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::input(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?;
        if meta.is_dir() {
            return Err(Failure::input(format!("{path}: is a directory, not a page file")));
        }
        std::fs::read(path).map_err(|e| Failure::input(format!("{path}: {}", io_message(&e))))?
    };
    Ok((bytes, if path == "-" { "standard input" } else { path }))
}

/// Reads and decodes a page file given as text, reporting the encoding on
/// standard error.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let (bytes, name) = read_bytes(path)?;
    decode(&bytes, name)
}

fn decode(bytes: &[u8], name: &str) -> Result<String, Failure> {
    let decoded = baozhi::decode(bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    eprintln!("baozhi: {name}: read as {}", decoded.encoding);
    Ok(decoded.text)
}

/// Reads and parses a page file: a PDF (known by its `%PDF-` signature)
/// through its text layer, anything else as text.
pub fn read_page(path: &str) -> Result<baozhi::Page, Failure> {
    let (bytes, name) = read_bytes(path)?;
    if baozhi::pdf::is_pdf(&bytes) {
        let page = baozhi::parse_pdf(&bytes).map_err(|e| Failure::input(format!("{name}: {e}")))?;
        eprintln!("baozhi: {name}: read as PDF");
        return Ok(page);
    }
    Ok(baozhi::parse_page(&decode(&bytes, name)?))
}

/// `io::Error` messages without the "(os error 2)" tail.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// A failure to write standard output.
pub fn write_failed(e: std::io::Error) -> Failure {
    Failure::input(format!("cannot write the output: {e}"))
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .map_err(write_failed)
}

/// Loads the given files into a library.
pub fn load(files: &[String]) -> Result<Library, Failure> {
    let mut library = Library::new(Segmenter::embedded());
    for f in files {
        library.add_page(f, read_page(f)?);
    }
    library.catch_up();
    Ok(library)
}

/// The title a report shows: the article's own, else the derived one in
/// brackets.
pub fn shown_title(article: &baozhi::Article) -> String {
    article
        .title
        .clone()
        .or_else(|| baozhi::model::derived_title(article).map(|t| format!("[{t}]")))
        .unwrap_or_default()
}

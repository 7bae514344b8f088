//! The one error type of the core. Messages are lower-case and say what to
//! do where there is something to do.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not text: a known binary format, or mostly controls.
    NotText { looks_like: &'static str },
    /// No encoding reads the bytes without many errors.
    Undecodable { encoding: &'static str, bad: usize },
    /// The dictionary data does not read.
    Dictionary { message: String },
    /// A line of dictionary text (jieba's, or the user's words) does not read.
    DictionaryLine { line: usize, message: String },
    /// A word feature was asked for before the dictionary was loaded.
    WordsNotReady,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotText { looks_like } => write!(
                f,
                "not a text file: this looks like {looks_like}; give baozhi the page's text (for a PDF, extract it first, e.g. with pdftotext)"
            ),
            Error::Undecodable { encoding, bad } => write!(
                f,
                "cannot decode the text: read as {encoding}, {bad} characters are invalid; save it as UTF-8, UTF-16 or GB18030"
            ),
            Error::Dictionary { message } => write!(f, "cannot load the dictionary: {message}"),
            Error::DictionaryLine { line, message } => write!(f, "line {line}: {message}"),
            Error::WordsNotReady => write!(f, "the dictionary is still loading; word features are not ready yet"),
        }
    }
}

impl std::error::Error for Error {}

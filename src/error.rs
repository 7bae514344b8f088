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
    /// A PDF whose pages have no text layer (a scan).
    PdfOnlyImages,
    /// A PDF that draws text in fonts that do not say which characters
    /// they are (no `ToUnicode` map).
    PdfNoUnicode,
    /// A PDF locked with a password needed to open it.
    PdfLocked,
    /// A PDF that cannot be read: truncated, damaged, not a PDF inside.
    PdfUnreadable { reason: &'static str },
    /// A PDF over one of the limits that keep a hostile file from hanging
    /// the reader.
    PdfTooLarge { what: &'static str, limit: usize },
    /// A PDF given to a build without the `pdf` feature.
    PdfNotBuilt,
    /// A file of a static archive that does not read (damaged, or of
    /// another version of baozhi).
    Archive { message: String },
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
            Error::PdfOnlyImages => write!(f, "this PDF has only images; baozhi reads PDFs with a text layer"),
            Error::PdfNoUnicode => write!(
                f,
                "this PDF's fonts do not say which characters they draw (no ToUnicode map); baozhi cannot read its text"
            ),
            Error::PdfLocked => write!(f, "this PDF is locked with a password; open it and save an unlocked copy"),
            Error::PdfUnreadable { reason } => write!(f, "cannot read this PDF: {reason}"),
            Error::PdfTooLarge { what, limit } if *limit > 0 => {
                write!(f, "this PDF is too large to read safely: more than {limit} {what}")
            }
            Error::PdfTooLarge { what, .. } => write!(f, "this PDF is too large to read safely: too many {what}"),
            Error::PdfNotBuilt => {
                write!(f, "this build of baozhi does not read PDFs; extract the page's text first, e.g. with pdftotext")
            }
            Error::Archive { message } => write!(f, "cannot read the archive: {message}"),
        }
    }
}

impl std::error::Error for Error {}

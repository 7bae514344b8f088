//! The user's dictionary: words added one per line in jieba's format,
//! reported line by line, and removed again by rebuilding.

use serde::Serialize;

use super::tags::TAGS;
use super::{AddedWord, Segmenter, build};
use crate::error::Error;

/// What loading a user dictionary did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DictionaryReport {
    /// Words added (or updated).
    pub added: Vec<String>,
    /// Lines that could not be read, with their line number (from 1).
    pub errors: Vec<LineError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl Segmenter {
    /// Adds the user's words, one per line in jieba's format: `word`,
    /// `word frequency`, `word frequency tag` or `word tag`. Lines that
    /// cannot be read are reported; the others are added. Empty lines and
    /// lines starting with `#` are skipped.
    pub fn add_user_words(&mut self, text: &str) -> DictionaryReport {
        let mut report = DictionaryReport::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_user_line(n + 1, line) {
                Ok(word) => {
                    self.user_words.retain(|w| *w != word.word);
                    self.user_words.push(word.word.clone());
                    report.added.push(word.word.clone());
                    self.add(word);
                }
                Err(Error::DictionaryLine { line, message }) => report.errors.push(LineError { line, message }),
                Err(other) => report.errors.push(LineError { line: n + 1, message: other.to_string() }),
            }
        }
        report
    }

    /// The words the user added, in the order added.
    pub fn user_words(&self) -> &[String] {
        &self.user_words
    }

    /// Removes a word the user added, rebuilding the dictionary without it.
    /// Returns whether it was there.
    ///
    /// # Errors
    /// Only if the base dictionary no longer reads, which cannot happen for
    /// one that read before.
    pub fn remove_user_word(&mut self, word: &str) -> Result<bool, Error> {
        if !self.user_words.iter().any(|w| w == word) {
            return Ok(false);
        }
        self.forget_user_words(|w| w == word)?;
        Ok(true)
    }

    /// Removes every word the user added, with one rebuild. Returns how
    /// many there were. Errors as [`Segmenter::remove_user_word`].
    pub fn clear_user_words(&mut self) -> Result<usize, Error> {
        let count = self.user_words.len();
        if count > 0 {
            self.forget_user_words(|_| true)?;
        }
        Ok(count)
    }

    /// Rebuilds the dictionary without the user's words that `forget`
    /// picks; the people learned from pages stay.
    fn forget_user_words(&mut self, forget: impl Fn(&str) -> bool) -> Result<(), Error> {
        self.user_words.retain(|w| !forget(w));
        let added = std::mem::take(&mut self.added);
        self.added_at.clear();
        (self.jieba, self.lexicon, self.freq_total, self.shared_ids) = build(&self.base)?;
        self.ids_build = super::next_ids_build();
        let kept: Vec<_> = added.into_iter().filter(|a| !forget(&a.word) || self.people.contains(&a.word)).collect();
        for w in kept {
            self.add(w);
        }
        Ok(())
    }
}

/// Reads line `n` (from 1) of a user dictionary.
fn parse_user_line(n: usize, line: &str) -> Result<AddedWord, Error> {
    let bad = |message: String| Err(Error::DictionaryLine { line: n, message });
    let parts: Vec<&str> = line.split_whitespace().collect();
    let word = parts[0];
    if word.chars().count() > 40 {
        return bad(format!("word is longer than 40 characters: {word:?}"));
    }
    if !word.chars().any(char::is_alphanumeric) {
        return bad(format!("not a word: {word:?}"));
    }
    let is_tag = |t: &str| TAGS.contains(&t);
    let (freq, tag) = match &parts[1..] {
        [] => (None, None),
        [x] if x.chars().all(|c| c.is_ascii_digit()) => (Some(*x), None),
        [x] if is_tag(x) => (None, Some(*x)),
        [x] => {
            return bad(format!("expected a frequency or a tag after the word, found {x:?}"));
        }
        [f, t] => (Some(*f), Some(*t)),
        _ => {
            return bad(format!("too many fields: expected `word [frequency] [tag]`, found {}", parts.len()));
        }
    };
    let freq = match freq {
        Some(f) => match f.parse::<usize>() {
            Ok(n) if (1..=1_000_000_000).contains(&n) => Some(n),
            _ => {
                return bad(format!("frequency must be a whole number from 1 to 1000000000, found {f:?}"));
            }
        },
        None => None,
    };
    if let Some(t) = tag.filter(|t| !is_tag(t)) {
        return bad(format!(
            "unknown tag {t:?}: use one of jieba's, such as n, nr (person), ns (place), nt (organisation), nz, v"
        ));
    }
    Ok(AddedWord { word: word.to_string(), freq, tag: tag.map(str::to_string) })
}

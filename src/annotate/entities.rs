//! Entities: which tagged words are people, places and organisations.

use crate::text::is_han;
use crate::words::{EntityKind, Tag};

/// The kind of entity a token is, by its tag — filtered, because jieba's
/// dictionary tags many common words as names and places (`文明`, `关怀`
/// and `许可` as people, `深度` and `维度` as places). A learned name is
/// always a person (the segmenter tags it `nr` and nothing else has that
/// exact spelling as a learned word); otherwise a person is a full name
/// (three characters, surname first, or a famous name `nrfg`, or a
/// transliteration `nrt` of three or more); a two-character place must end
/// like one (`江`, `州`, `县`…); an organisation has three characters or
/// more. Words of two characters that the page itself names (bylines,
/// lists) come out as people through learning.
pub(super) fn entity_kind(word: &str, tag: Tag, learned: bool) -> Option<EntityKind> {
    let kind = tag.entity()?;
    let n = word.chars().count();
    if n < 2 || !word.chars().all(|c| is_han(c) || c == '·') {
        return None;
    }
    if learned {
        return Some(kind);
    }
    let ok = match (kind, tag.name()) {
        (EntityKind::Person, "nrfg") => true,
        (EntityKind::Person, "nrt") => n >= 3,
        (EntityKind::Person, _) => n >= 3 && crate::words::name_shaped(word),
        // The dictionary's places are trusted: its build lists them (see
        // `words::places`); a guessed one has a place's ending.
        (EntityKind::Place, _) => true,
        (EntityKind::Organization, _) => n >= 3,
    };
    ok.then_some(kind)
}

//! The first characters of a word list, as a fast filter: a recogniser asks
//! it before trying every word, so that most positions are skipped at once.
//! Built at compile time from the list itself, so that the filter and the
//! words cannot drift apart.

/// The distinct first characters of some words (at most [`Self::CAPACITY`]),
/// with a 64-bit mask of their code points modulo 64 that rejects most
/// other characters with one shift.
#[derive(Debug, Clone, Copy)]
pub struct FirstChars {
    chars: [char; FirstChars::CAPACITY],
    len: usize,
    mask: u64,
}

impl FirstChars {
    pub const CAPACITY: usize = 64;

    /// The first characters of every word of these lists. Fails to compile
    /// on an empty word or more than [`Self::CAPACITY`] distinct characters.
    pub const fn of(lists: &[&[&str]]) -> FirstChars {
        let mut set = FirstChars { chars: ['\0'; Self::CAPACITY], len: 0, mask: 0 };
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                set = set.with(first_char(lists[l][w]));
                w += 1;
            }
            l += 1;
        }
        set
    }

    const fn with(mut self, c: char) -> FirstChars {
        let mut i = 0;
        while i < self.len {
            if self.chars[i] == c {
                return self;
            }
            i += 1;
        }
        assert!(self.len < Self::CAPACITY, "too many first characters");
        self.chars[self.len] = c;
        self.len += 1;
        self.mask |= 1 << (c as u32 % 64);
        self
    }

    /// Can one of the words start with `c`?
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        self.mask & (1 << (c as u32 % 64)) != 0 && self.chars[..self.len].contains(&c)
    }
}

/// The first character of a word, decoded from its UTF-8 (in a `const fn`).
const fn first_char(word: &str) -> char {
    let b = word.as_bytes();
    assert!(!b.is_empty(), "an empty word");
    let (len, first) = match b[0] {
        0x00..=0x7F => (1, b[0] as u32),
        0xC0..=0xDF => (2, (b[0] & 0x1F) as u32),
        0xE0..=0xEF => (3, (b[0] & 0x0F) as u32),
        _ => (4, (b[0] & 0x07) as u32),
    };
    let mut code = first;
    let mut i = 1;
    while i < len {
        code = (code << 6) | (b[i] & 0x3F) as u32;
        i += 1;
    }
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("not a character"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn holds_the_first_character_of_every_word_and_nothing_else() {
        const WORDS: &[&str] = &["记者", "通讯员", "摄", "a/b", "𠀀字"];
        const SET: FirstChars = FirstChars::of(&[WORDS, &["记录"]]);
        for w in WORDS {
            assert!(SET.contains(w.chars().next().unwrap()), "{w}");
        }
        for c in ['者', '讯', 'b', '字', '\u{0}', '文'] {
            assert!(!SET.contains(c), "{c}");
        }
        assert_eq!(SET.len, 5);
    }
}

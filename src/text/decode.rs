//! Bytes → text: finds the encoding of a page file (BOM, UTF-8, UTF-16
//! without BOM, or whatever chardetng detects, GB18030/GBK and Big5 above
//! all) and refuses files that are not text at all, saying what they look
//! like.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::Error;

/// Text decoded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `GBK`, `Big5`…
    pub encoding: &'static str,
}

/// File signatures of formats people drop by mistake, with what to call them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7FELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x00asm", "a WebAssembly module"),
    (b"%!PS", "a PostScript document"),
    (b"{\\rtf", "an RTF document"),
];

/// Share of control characters above which decoded "text" is binary.
const MAX_CONTROL_SHARE: f64 = 0.05;
/// Share of undecodable bytes above which the encoding is unknown.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;
/// How much of a file the encoding detector reads.
const DETECT_PREFIX: usize = 1 << 20;

/// Decodes the bytes of a page file.
///
/// # Errors
/// [`Error::NotText`] for a known binary format or bytes that decode to
/// mostly control characters; [`Error::Undecodable`] when no encoding
/// reads the bytes cleanly.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(Error::NotText { looks_like: what });
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (detect(bytes), bytes),
    };
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    let total = text.chars().count().max(1);
    if malformed {
        let bad = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
        if bad as f64 / total as f64 > MAX_REPLACEMENT_SHARE {
            return Err(Error::Undecodable { encoding: encoding.name(), bad });
        }
    }
    let controls = text.chars().filter(|&c| c.is_control() && !c.is_whitespace()).count();
    if controls as f64 / total as f64 > MAX_CONTROL_SHARE {
        return Err(Error::NotText { looks_like: "binary data" });
    }
    Ok(Decoded { text, encoding: encoding.name() })
}

/// Finds the encoding of bytes without a BOM.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    if let Some(utf16) = utf16_without_bom(prefix) {
        return utf16;
    }
    // Valid UTF-8 is UTF-8 (a cut at the prefix's end may split a char).
    match std::str::from_utf8(prefix) {
        Ok(_) => return UTF_8,
        Err(e) if e.error_len().is_none() => return UTF_8,
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(prefix, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text
/// (and of line ends in CJK text).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 5 >= pairs;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(UTF_16LE)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "本报讯 昨日，县委常委会召开会议，专题研究入汛以来全县防汛工作，要求以“时时放心不下”的责任感抓好各项任务。\n";

    fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
        enc.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap(), Decoded { text: SAMPLE.into(), encoding: "UTF-8" });
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&[&[0xFF, 0xFE], le.as_slice()].concat()).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&[&[0xFE, 0xFF], be.as_slice()].concat()).unwrap().text, SAMPLE);
        let ascii = "Page 1\nThe quick brown fox.\n";
        let le: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap(), Decoded { text: ascii.into(), encoding: "UTF-16LE" });
    }

    #[test]
    fn gbk_and_gb18030_are_detected() {
        let gbk = encode(encoding_rs::GBK, SAMPLE);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding, "GBK");
        // GB18030 four-byte sequences (here 𠀀) decode too.
        let astral = format!("{SAMPLE}𠀀");
        let gb18030 = encode(encoding_rs::GB18030, &astral);
        assert_eq!(decode(&gb18030).unwrap().text, astral);
    }

    #[test]
    fn big5_is_detected() {
        let trad = "本報訊 昨日，縣委常委會召開會議，專題研究入汛以來全縣防汛工作，要求以“時時放心不下”的責任感抓好各項任務。\n";
        let d = decode(&encode(encoding_rs::BIG5, trad)).unwrap();
        assert_eq!(d.text, trad);
        assert_eq!(d.encoding, "Big5");
    }

    #[test]
    fn binary_files_are_refused_with_what_they_look_like() {
        let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
        assert_eq!(decode(pdf), Err(Error::NotText { looks_like: "a PDF document" }));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(decode(&noise).is_err());
        assert_eq!(decode(&[0u8; 100]), Err(Error::NotText { looks_like: "binary data" }));
    }

    #[test]
    fn empty_and_control_sprinkled_text_still_decode() {
        assert_eq!(decode(b"").unwrap().text, "");
        let text = format!("{SAMPLE}\u{0}{SAMPLE}");
        assert_eq!(decode(text.as_bytes()).unwrap().text, text);
    }
}

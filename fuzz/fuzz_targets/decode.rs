//! Decoding any bytes either fails cleanly or gives text that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = baozhi::decode(bytes) {
        let _ = baozhi::parse_page(&decoded.text);
    }
});

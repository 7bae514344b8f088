//! Any bytes given as a PDF either fail with one line or give a page.
//! Seed the corpus with real PDFs (e.g. a realtool set) so that the
//! mutations reach the content streams and fonts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match baozhi::parse_pdf(bytes) {
        Ok(_) => {}
        Err(e) => assert!(!e.to_string().contains('\n')),
    }
});

//! `parse_page` must not panic on any text, and must keep every character
//! but whitespace exactly once: the input's non-whitespace characters and
//! the output's (all fields and leftovers) are the same multiset, but for
//! the ornament leading a byline line (see `baozhi_lab::faithful`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let page = baozhi::parse_page(input);
    if let Some(why) = baozhi_lab::faithful::unfaithfulness(input, &page) {
        panic!("not faithful: {why}");
    }
});

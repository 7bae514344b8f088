//! `parse_page` must not panic on any text, and must keep every character
//! but whitespace and byline ornaments.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let page = baozhi::parse_page(input);
    let kept: usize = page
        .articles
        .iter()
        .flat_map(|a| {
            [&a.kicker, &a.title, &a.subtitle, &a.byline, &a.credit, &a.dateline]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .chain(a.paragraphs.iter().map(String::as_str))
        })
        .chain(page.leftovers.iter().map(String::as_str))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .count();
    let given = input.chars().filter(|c| !c.is_whitespace() && !baozhi::parse::is_ornament(*c)).count();
    let ornaments = input.chars().filter(|c| baozhi::parse::is_ornament(*c)).count();
    assert!(kept >= given && kept <= given + ornaments, "kept {kept} of {given} (+{ornaments} ornaments)");
});

//! Helpers shared by the integration tests.

#![allow(dead_code)]

use baozhi::Page;

/// Reads a file from `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Lists every difference between two pages, one line each.
pub fn differences(got: &Page, want: &Page) -> Vec<String> {
    let mut out = Vec::new();
    if got.articles.len() != want.articles.len() {
        out.push(format!("article count: got {}, want {}", got.articles.len(), want.articles.len()));
    }
    for (i, (g, w)) in got.articles.iter().zip(&want.articles).enumerate() {
        let fields = [
            ("kicker", format!("{:?}", g.kicker), format!("{:?}", w.kicker)),
            ("title", format!("{:?}", g.title), format!("{:?}", w.title)),
            ("subtitle", format!("{:?}", g.subtitle), format!("{:?}", w.subtitle)),
            ("byline", format!("{:?}", g.byline), format!("{:?}", w.byline)),
            ("authors", format!("{:?}", g.authors), format!("{:?}", w.authors)),
            ("credit", format!("{:?}", g.credit), format!("{:?}", w.credit)),
            ("dateline", format!("{:?}", g.dateline), format!("{:?}", w.dateline)),
        ];
        for (name, g, w) in fields {
            if g != w {
                out.push(format!("article {i} {name}:\n    got  {g}\n    want {w}"));
            }
        }
        if g.paragraphs.len() != w.paragraphs.len() {
            out.push(format!("article {i} paragraph count: got {}, want {}", g.paragraphs.len(), w.paragraphs.len()));
        }
        for (j, (gp, wp)) in g.paragraphs.iter().zip(&w.paragraphs).enumerate() {
            if gp != wp {
                let common = gp.chars().zip(wp.chars()).take_while(|(a, b)| a == b).count();
                let around = |s: &str| s.chars().skip(common.saturating_sub(10)).take(30).collect::<String>();
                out.push(format!(
                    "article {i} paragraph {j} differs after {common} chars:\n    got  …{}\n    want …{}",
                    around(gp),
                    around(wp)
                ));
            }
        }
    }
    if got.leftovers != want.leftovers {
        out.push(format!("leftovers:\n    got  {:?}\n    want {:?}", got.leftovers, want.leftovers));
    }
    out
}

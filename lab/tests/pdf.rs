//! The PDF path on pages printed by the real tools (Chromium, poppler):
//! it reads the same characters `pdftotext` reads, accounts for every one,
//! scores at least as well as the text path on the same pages, and reads a
//! multi-page file page by page.
//!
//! Skips, with a message, when chromium, pdftotext, pdfseparate or
//! pdfunite is missing.

use baozhi_lab::realtool::{self, score};

const PAGES: usize = 8;
const SEED: u64 = 5;

/// How far below the text path the PDF path may score on a metric (a page
/// or two of noise on a small set).
const MARGIN: f64 = 0.02;

#[test]
fn the_pdf_path_reads_real_tool_pages_at_least_as_well_as_the_text_path() {
    let tools = match realtool::Tools::find() {
        Ok(t) => t,
        Err(e) => {
            println!("skipped: {e}");
            return;
        }
    };
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("realtool-pdf-test");
    let _ = std::fs::remove_dir_all(&out);
    realtool::build(&tools, PAGES, SEED, &out, PAGES).expect("the set builds");
    let pages = realtool::read_dir(&out).expect("the set reads back");
    assert_eq!(pages.len(), PAGES);

    let (mut text_metrics, mut pdf_metrics) = (Vec::new(), Vec::new());
    for p in &pages {
        let (layer, parsed) = realtool::parse_pdf_file(&out.join(format!("{}.pdf", p.name))).expect("the PDF parses");
        // The same characters as pdftotext, CJK through the fonts' maps.
        let mut ours: Vec<char> = score::source_chars(&layer).collect();
        let mut theirs: Vec<char> = score::source_chars(&p.text).collect();
        ours.sort_unstable();
        theirs.sort_unstable();
        assert!(ours == theirs, "{}: the text layer differs from pdftotext's characters", p.name);
        pdf_metrics.push(score::score(&layer, &p.label, &parsed));
        text_metrics.push(score::score(&p.text, &p.label, &baozhi::parse_page(&p.text)));
    }
    let text = score::means(&text_metrics).rounded();
    let pdf = score::means(&pdf_metrics).rounded();
    for (name, m) in [("text", &text), ("pdf", &pdf)] {
        println!(
            "{name} path on {} pages: article F1 {:.4}, headline F1 {:.4}, title accuracy {:.4}, paragraph F1 {:.4}",
            m.pages, m.article_f1, m.headline_f1, m.title_acc, m.paragraph_f1
        );
    }
    assert_eq!((pdf.lost_chars, pdf.extra_chars), (0, 0), "the PDF path lost or invented characters");
    for (metric, p, t) in [
        ("article F1", pdf.article_f1, text.article_f1),
        ("headline F1", pdf.headline_f1, text.headline_f1),
        ("title accuracy", pdf.title_acc, text.title_acc),
        ("paragraph F1", pdf.paragraph_f1, text.paragraph_f1),
    ] {
        assert!(p >= t - MARGIN, "{metric}: PDF path {p} < text path {t} - {MARGIN}");
    }

    // The pages as one file: the same articles, page after page.
    let Some(pdfunite) = which("pdfunite") else {
        println!("multi-page check skipped: pdfunite not found on PATH");
        return;
    };
    let singles: Vec<std::path::PathBuf> = pages.iter().map(|p| out.join(format!("{}.pdf", p.name))).collect();
    let united = out.join("united.pdf");
    let status = std::process::Command::new(pdfunite).args(&singles).arg(&united).status().expect("pdfunite runs");
    assert!(status.success());
    let whole = baozhi::parse_pdf(&std::fs::read(&united).unwrap()).expect("the united file parses");
    let mut one_by_one = baozhi::Page::default();
    for f in &singles {
        let page = baozhi::parse_pdf(&std::fs::read(f).unwrap()).unwrap();
        one_by_one.articles.extend(page.articles);
        one_by_one.leftovers.extend(page.leftovers);
    }
    assert_eq!(whole, one_by_one);
}

fn which(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|f| f.is_file()))
}

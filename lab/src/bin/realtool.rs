//! Builds and scores real-tool pages.
//!
//!     realtool make --pages 300 --seed 1 --out target/realtool/s1 [--batch 25]
//!     realtool score DIR [--pdf] [--json] [--write-pred DIR]
//!
//! `score` parses every `X.txt` of DIR that has an `X.expected.json` with
//! `baozhi::parse_page` and scores it with the metrics of the shared
//! corpus's score.py; DIR may be a built set or `../shared/corpus`. With
//! `--pdf` it parses `X.pdf` instead with `baozhi::parse_pdf`, against the
//! same labels, the characters checked against the PDF's text layer.

use std::path::PathBuf;
use std::process::ExitCode;

use baozhi_lab::realtool::{self, score};

const USAGE: &str = "usage: realtool make [--pages N] [--seed S] [--out DIR] [--batch B]\n       realtool html [--pages N] [--seed S] [--out FILE]   (one HTML of all the sheets, no tools needed)\n       realtool score DIR [--pdf] [--json] [--write-pred DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("make") => make(&args[1..]),
        Some("score") => score_dir(&args[1..]),
        Some("html") => html(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("realtool: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `--name`, parsed.
fn option<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).ok_or_else(|| format!("{name} needs a value\n{USAGE}")),
    }
}

fn make(args: &[String]) -> Result<(), String> {
    let pages: usize = option(args, "--pages", 300)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let out: PathBuf = option(args, "--out", PathBuf::from(format!("target/realtool/s{seed}")))?;
    let batch: usize = option(args, "--batch", 50)?;
    let tools = realtool::Tools::find().map_err(|e| e.to_string())?;
    let report = realtool::build(&tools, pages, seed, &out, batch).map_err(|e| e.to_string())?;
    println!(
        "{} pages (seed {seed}) in {}: {:.1} s ({:.2} s/page)",
        report.pages,
        out.display(),
        report.seconds,
        report.seconds / report.pages.max(1) as f64
    );
    for m in &report.mismatches {
        println!("{}: character check failed: {} missing from the label, {} extra", m.name, m.missing, m.extra);
    }
    if report.mismatches.is_empty() {
        Ok(())
    } else {
        Err(format!("{} pages fail the character check", report.mismatches.len()))
    }
}

fn html(args: &[String]) -> Result<(), String> {
    let pages: usize = option(args, "--pages", 10)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let out: PathBuf = option(args, "--out", PathBuf::from(format!("target/realtool/s{seed}.html")))?;
    let sections: Vec<String> = (0..pages).map(|n| realtool::generate(seed, n).section).collect();
    let refs: Vec<&str> = sections.iter().map(String::as_str).collect();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, realtool::layout::document(&refs)).map_err(|e| format!("{}: {e}", out.display()))
}

fn score_dir(args: &[String]) -> Result<(), String> {
    let dir = args.first().filter(|a| !a.starts_with("--")).ok_or(USAGE)?;
    let json = args.iter().any(|a| a == "--json");
    let pdf = args.iter().any(|a| a == "--pdf");
    let pred_dir = match args.iter().position(|a| a == "--write-pred") {
        Some(i) => Some(PathBuf::from(args.get(i + 1).ok_or(USAGE)?)),
        None => None,
    };
    let pages = realtool::read_dir(std::path::Path::new(dir)).map_err(|e| e.to_string())?;
    if pages.is_empty() {
        return Err(format!("{dir}: no X.txt with an X.expected.json"));
    }
    if let Some(p) = &pred_dir {
        std::fs::create_dir_all(p).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let mut rows = Vec::new();
    for page in &pages {
        let (source, pred) = if pdf {
            let base = std::path::Path::new(dir);
            let base = if base.join("pages").is_dir() { base.join("pages") } else { base.to_path_buf() };
            let path = base.join(format!("{}.pdf", page.name));
            realtool::parse_pdf_file(&path).map_err(|e| e.to_string())?
        } else {
            (page.text.clone(), baozhi::parse_page(&page.text))
        };
        if let Some(p) = &pred_dir {
            let path = p.join(format!("{}.pred.json", page.name));
            std::fs::write(&path, serde_json::to_string(&pred).expect("a page serialises"))
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        rows.push((page.name.clone(), score::score(&source, &page.label, &pred)));
    }
    let metrics: Vec<score::Metrics> = rows.iter().map(|(_, m)| m.clone()).collect();
    let means = score::means(&metrics);
    if json {
        let pages: Vec<serde_json::Value> = rows
            .iter()
            .map(|(name, m)| {
                let mut v = serde_json::to_value(m).expect("metrics serialise");
                v["page"] = name.clone().into();
                v
            })
            .collect();
        let out = serde_json::json!({ "pages": pages, "means": means.rounded() });
        println!("{}", serde_json::to_string_pretty(&out).expect("json"));
        return Ok(());
    }
    println!("page     arts(g/p)   art_f1  head_f1    title    roles  authors   dateln  para_f1    lost  extra");
    for (name, m) in &rows {
        println!(
            "{name:<8} {:4}/{:<4}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:6} {:6}",
            m.articles_gold,
            m.articles_pred,
            m.article_f1,
            m.headline_f1,
            m.title_acc,
            m.roles_acc,
            m.authors_acc,
            m.dateline_acc,
            m.paragraph_f1,
            m.lost_chars,
            m.extra_chars
        );
    }
    let (g, p): (usize, usize) = rows.iter().fold((0, 0), |(g, p), (_, m)| (g + m.articles_gold, p + m.articles_pred));
    println!(
        "{:<8} {g:4}/{p:<4}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:7.3}  {:6} {:6}  (sums)",
        "MEAN",
        means.article_f1,
        means.headline_f1,
        means.title_acc,
        means.roles_acc,
        means.authors_acc,
        means.dateline_acc,
        means.paragraph_f1,
        means.lost_chars,
        means.extra_chars
    );
    Ok(())
}

//! How much the packed dictionary's pruning and quantising change the
//! segmentation: every text is cut with jieba built from the full
//! dictionary text (jieba's words with the gazetteer merged in, exact
//! frequencies) and with segmenters built from packed dictionaries pruned
//! at several frequencies; the words of each are scored against the full
//! dictionary's as SIGHAN scores a segmentation against its gold one
//! (precision, recall and F1 of words as character spans).
//!
//!     dict-agreement [--write DIR] FILE...
//!
//! Run from the repository root (it reads `data/`). A FILE ending in
//! `_bio.txt` is read as one character and its tag a line, a blank line
//! between sentences (the shared NER set); a `.json` file as a page's
//! expected articles (titles and paragraphs); any other file line by line.
//! With `--write`, each packed dictionary is written to DIR.

use std::collections::HashSet;
use std::process::ExitCode;

use baozhi::words::dict::{self, Pruning};
use baozhi::words::{Mode, Segmenter};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dict-agreement: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn texts_of(path: &str) -> Result<Vec<String>, String> {
    let content = read(path)?;
    if path.ends_with("_bio.txt") {
        Ok(content
            .split("\n\n")
            .map(|s| s.lines().filter_map(|l| l.split(' ').next()).collect::<String>())
            .filter(|s| !s.is_empty())
            .collect())
    } else if path.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(&content).map_err(|e| format!("{path}: {e}"))?;
        let mut out = Vec::new();
        for article in value["articles"].as_array().into_iter().flatten() {
            out.extend(article["title"].as_str().map(str::to_string));
            out.extend(
                article["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).map(str::to_string),
            );
        }
        Ok(out)
    } else {
        Ok(content.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect())
    }
}

/// Words as character spans, whitespace left out.
fn spans(text: &str, words: impl Iterator<Item = (usize, usize)>) -> HashSet<(usize, usize)> {
    words.filter(|&(s, e)| !text[s..e].trim().is_empty()).collect()
}

#[derive(Default)]
struct Score {
    gold: usize,
    test: usize,
    both: usize,
}

impl Score {
    fn add(&mut self, gold: &HashSet<(usize, usize)>, test: &HashSet<(usize, usize)>) {
        self.gold += gold.len();
        self.test += test.len();
        self.both += gold.intersection(test).count();
    }

    fn f1(&self) -> (f64, f64, f64) {
        let p = self.both as f64 / self.test.max(1) as f64;
        let r = self.both as f64 / self.gold.max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE))
    }
}

fn run() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write = match args.iter().position(|a| a == "--write") {
        Some(i) => {
            let dir = args.get(i + 1).cloned().ok_or("--write needs a directory")?;
            args.drain(i..i + 2);
            std::fs::create_dir_all(&dir).map_err(|e| format!("{dir}: {e}"))?;
            Some(dir)
        }
        None => None,
    };
    if args.is_empty() {
        return Err("usage: dict-agreement [--write DIR] FILE...".into());
    }
    let mut texts = Vec::new();
    for path in &args {
        texts.extend(texts_of(path)?);
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!("{} texts, {chars} characters, from {} files", texts.len(), args.len());

    // As build.rs merges them.
    let full = baozhi::words::places::merge(
        &read("data/jieba/dict.txt")?,
        &read("data/places/china.txt")?,
        &read("data/places/world.txt")?,
        &read("data/places/not-places.txt")?,
        &read("data/places/organizations.txt")?,
    );
    let reference = baozhi::words::jieba_from_text(&full).map_err(|e| e.to_string())?;
    let gold: Vec<[HashSet<(usize, usize)>; 2]> = texts
        .iter()
        .map(|t| {
            [true, false].map(|hmm| spans(t, reference.cut(t, hmm).into_iter().map(|w| (w.byte_start, w.byte_end))))
        })
        .collect();

    println!(
        "{:<28} {:>8} {:>9}  {:>24}  {:>24}",
        "dictionary", "words", "bytes", "reading P / R / F1", "indexing P / R / F1"
    );
    let variants = [
        ("quantised, all words (ours)", Pruning::NONE),
        ("pruned below 3", Pruning { min_freq: 3, keep_proper: true }),
        ("pruned below 4", Pruning { min_freq: 4, keep_proper: true }),
        ("pruned below 4, names too", Pruning { min_freq: 4, keep_proper: false }),
        ("pruned below 6", Pruning { min_freq: 6, keep_proper: true }),
        ("pruned below 10", Pruning { min_freq: 10, keep_proper: true }),
        ("pruned below 20", Pruning { min_freq: 20, keep_proper: true }),
    ];
    let hmm = dict::pack_hmm(&read("data/jieba/hmm.model")?).map_err(|e| e.to_string())?;
    for (name, pruning) in variants {
        let packed = dict::pack_with(&full, &hmm, pruning).map_err(|e| e.to_string())?;
        if let Some(dir) = &write {
            let path = format!("{dir}/min{}{}.bin", pruning.min_freq, if pruning.keep_proper { "" } else { "-names" });
            std::fs::write(&path, &packed).map_err(|e| format!("{path}: {e}"))?;
        }
        let words = dict::Entries::read(&packed).map_err(|e| e.to_string())?.len();
        let segmenter = Segmenter::from_packed(packed.clone()).map_err(|e| e.to_string())?;
        let mut scores = [Score::default(), Score::default()];
        for (text, gold) in texts.iter().zip(&gold) {
            for (i, mode) in [Mode::Reading, Mode::Indexing].into_iter().enumerate() {
                let test = spans(
                    text,
                    segmenter.cut(text, mode).into_iter().map(|t| (t.byte_start as usize, t.byte_end as usize)),
                );
                scores[i].add(&gold[i], &test);
            }
        }
        let [r, x] = scores.map(|s| s.f1());
        println!(
            "{name:<28} {words:>8} {:>9}  {:.4} / {:.4} / {:.4}  {:.4} / {:.4} / {:.4}",
            packed.len(),
            r.0,
            r.1,
            r.2,
            x.0,
            x.1,
            x.2
        );
    }
    Ok(())
}

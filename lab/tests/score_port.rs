//! The Rust metrics give exactly what `../shared/corpus/score.py` gives, on
//! the shared dev pages parsed by today's parser. Skips, with a message,
//! when the shared corpus or python3 is missing.

use std::path::Path;
use std::process::Command;

use baozhi_lab::realtool::{self, score};

#[test]
fn metrics_agree_with_score_py_on_the_shared_pages() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let script = corpus.join("score.py");
    if !script.is_file() {
        println!("skipped: {} not found", script.display());
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("skipped: python3 not found");
        return;
    }
    let pages = realtool::read_dir(&corpus).expect("the shared pages read");
    assert!(!pages.is_empty());
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("score-port");
    std::fs::create_dir_all(&tmp).expect("temp dir");
    for p in &pages {
        let pred = baozhi::parse_page(&p.text);
        let pred_path = tmp.join(format!("{}.pred.json", p.name));
        std::fs::write(&pred_path, serde_json::to_string(&pred).expect("json")).expect("write pred");
        let dir = corpus.join("pages");
        let out = Command::new("python3")
            .arg(&script)
            .arg(dir.join(format!("{}.txt", p.name)))
            .arg(dir.join(format!("{}.expected.json", p.name)))
            .arg(&pred_path)
            .output()
            .expect("score.py runs");
        assert!(out.status.success(), "score.py failed on {}", p.name);
        let python: serde_json::Value = serde_json::from_slice(&out.stdout).expect("score.py prints JSON");
        let rust = serde_json::to_value(score::score(&p.text, &p.label, &pred)).expect("json");
        assert_eq!(rust, python, "{}", p.name);
    }
    println!("{} pages: the Rust metrics equal score.py's", pages.len());
}

//! `baozhi archive` on a generated archive: its index answers every query
//! with exactly the articles and hits that `baozhi search` finds over the
//! same files, and a second run after adding pages rewrites only what
//! changed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use baozhi::archive::{Archive, MANIFEST};

fn baozhi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baozhi")).args(args).output().unwrap()
}

/// Writes synthetic pages `from..to` under dated folders.
fn pages(dir: &Path, from: u64, to: u64) -> Vec<PathBuf> {
    (from..to)
        .map(|i| {
            let day = dir.join(format!("2024-0{}-{:02}", 1 + i / 20, 1 + i % 20));
            std::fs::create_dir_all(&day).unwrap();
            let path = day.join(format!("A{:02}.txt", i % 4));
            std::fs::write(&path, baozhi_lab::synth::page(7, i).text).unwrap();
            path
        })
        .collect()
}

/// (file relative to `dir`, article) → hits, and the total, from `baozhi search`.
fn search(dir: &Path, files: &[PathBuf], query: &str) -> (BTreeMap<(String, u32), usize>, usize) {
    let mut args = vec!["search".to_string(), "--json".to_string()];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    args.push("--".into());
    args.push(query.into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = baozhi(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let prefix = format!("{}/", dir.display());
    let found = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = r["file"].as_str().unwrap().trim_start_matches(&prefix).to_string();
            ((file, r["article"].as_u64().unwrap() as u32), r["hits"].as_array().unwrap().len())
        })
        .collect();
    (found, json["total"].as_u64().unwrap() as usize)
}

/// The same from the archive's files, fetching what each answer needs.
fn ask(site: &Path, query: &str) -> (BTreeMap<(String, u32), usize>, usize, usize) {
    let dir = site.join("archive");
    let mut archive = Archive::open(&std::fs::read_to_string(dir.join(MANIFEST)).unwrap()).unwrap();
    let mut requests = 1;
    loop {
        let answer = archive.search(query, usize::MAX).unwrap();
        if answer.need.is_empty() {
            assert!(answer.complete);
            let found = answer.results.iter().map(|r| ((r.name.clone(), r.index), r.hits)).collect();
            return (found, answer.total_hits, requests);
        }
        for f in &answer.need {
            requests += 1;
            archive.add_file(f, std::fs::read(dir.join(f)).unwrap()).unwrap();
        }
    }
}

#[test]
fn the_archive_answers_as_baozhi_search_does_and_a_rerun_rewrites_only_what_changed() {
    let root = std::env::temp_dir().join(format!("baozhi-archive-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("pages");
    let site = root.join("site");
    let mut files = pages(&dir, 0, 36);
    let out = baozhi(&["archive", dir.to_str().unwrap(), "-o", site.to_str().unwrap(), "--index-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(report.contains("36 pages"), "{report}");

    // Queries from the generated text itself: one character, two, four,
    // two terms, a term left out, and one found nowhere.
    let text = baozhi_lab::synth::page(7, 3).expected;
    let body: Vec<char> = text
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let at = |i: usize, n: usize| body[i % body.len()..(i % body.len() + n).min(body.len())].iter().collect::<String>();
    let queries = [
        at(5, 1),
        at(40, 2),
        at(80, 4),
        format!("{} {}", at(10, 2), at(120, 2)),
        format!("{} -{}", at(40, 2), at(200, 2)),
        "乌义义乌乌义".to_string(),
    ];
    let check = |files: &[PathBuf], queries: &[String]| {
        for q in queries {
            let (truth, total) = search(&dir, files, q);
            let (got, hits, _) = ask(&site, q);
            assert_eq!(got, truth, "{q}");
            assert_eq!(hits, total, "{q}");
        }
    };
    check(&files, &queries[2..4]);
    let (_, _, requests) = ask(&site, &queries[2]);
    assert!(requests <= 5, "a four-character phrase took {requests} requests");

    // A month more: every file of the index but the manifest and the
    // contents is kept as it was (a new segment holds the new pages), and
    // the answers follow.
    let index_files = |site: &Path| -> Vec<PathBuf> {
        ["s", "a", "n", "b", "p"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(site.join("archive").join(sub)).into_iter().flatten().flatten())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x != "js"))
            .collect()
    };
    let before = index_files(&site);
    assert!(before.len() > 36);
    files.extend(pages(&dir, 36, 44));
    let out = baozhi(&["archive", dir.to_str().unwrap(), "-o", site.to_str().unwrap(), "--index-only"]);
    let report = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(report.contains("44 pages"), "{report}");
    let kept: usize =
        report.split("kept ").nth(1).and_then(|s| s.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(kept >= before.len(), "the files of the first build are kept: {report}");
    assert!(before.iter().all(|f| f.is_file()), "{report}");
    assert!(report.contains("in 2 segments (1 kept"), "{report}");
    check(&files, &queries);

    // A page at a time: four small segments of one size are merged into
    // one, indexed again from the pages' data in the site.
    let mut report = String::new();
    for i in 44..48 {
        files.extend(pages(&dir, i, i + 1));
        let out = baozhi(&["archive", dir.to_str().unwrap(), "-o", site.to_str().unwrap(), "--index-only"]);
        assert_eq!(out.status.code(), Some(0));
        report = String::from_utf8_lossy(&out.stderr).into_owned();
    }
    assert!(report.contains("48 pages") && report.contains("in 3 segments (5 kept, 4 merged)"), "{report}");
    check(&files, &queries);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn without_the_reader_built_it_says_what_to_run() {
    let root = std::env::temp_dir().join(format!("baozhi-archive-nodist-{}", std::process::id()));
    let dir = root.join("pages");
    pages(&dir, 0, 1);
    let out = baozhi(&[
        "archive",
        dir.to_str().unwrap(),
        "-o",
        root.join("site").to_str().unwrap(),
        "--dist",
        root.join("none").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run scripts/build-site"));
    let _ = std::fs::remove_dir_all(&root);
}

//! The command line as a user meets it: exit statuses, what goes to
//! standard output and what to standard error.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn baozhi(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baozhi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("baozhi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-page.txt");

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parse_prints_the_page_as_json_and_reports_the_encoding() {
    let out = baozhi(&["parse", SEED], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SEED.replace(".txt", ".expected.json")).unwrap()).unwrap();
    assert_eq!(got, want);
    assert!(stderr(&out).contains("read as UTF-8"), "{}", stderr(&out));
}

#[test]
fn parse_reads_standard_input() {
    let out = baozhi(&["parse", "-"], Some(std::fs::read(SEED).unwrap().as_slice()));
    assert_eq!(out.status.code(), Some(0));
    let page: baozhi::Page = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page.articles.len(), 6);
}

#[test]
fn gb18030_and_utf16_files_are_decoded() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let gbk = encoding_rs::GB18030.encode(&text).0.into_owned();
    let out = baozhi(&["parse", temp_file("gbk.txt", &gbk).to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("read as GBK"), "{}", stderr(&out));
    assert_eq!(serde_json::from_slice::<baozhi::Page>(&out.stdout).unwrap(), baozhi::parse_page(&text));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let out = baozhi(&["parse", temp_file("utf16.txt", &utf16).to_str().unwrap()], None);
    assert!(stderr(&out).contains("read as UTF-16LE"), "{}", stderr(&out));
    assert_eq!(serde_json::from_slice::<baozhi::Page>(&out.stdout).unwrap(), baozhi::parse_page(&text));
}

/// Exit status 2, nothing on standard output, one line on standard error
/// that contains `says`.
fn assert_refused(out: &Output, says: &str) {
    assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
    assert!(out.stdout.is_empty());
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(says), "{err}");
}

#[test]
fn unreadable_inputs_exit_2_with_one_line() {
    assert_refused(&baozhi(&["parse", "/no/such/page.txt"], None), "no such file");
    let pdf = temp_file("page.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>\n");
    assert_refused(&baozhi(&["parse", pdf.to_str().unwrap()], None), "PDF");
    let dir = std::env::temp_dir();
    assert_refused(&baozhi(&["parse", dir.to_str().unwrap()], None), "directory");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 7) as u8).collect();
    assert_refused(&baozhi(&["parse", temp_file("noise.bin", &noise).to_str().unwrap()], None), "not");
}

#[test]
fn wrong_usage_exits_1_with_help() {
    let out = baozhi(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown command"));
    assert!(stderr(&out).contains("usage:"));
    assert_eq!(baozhi(&["parse"], None).status.code(), Some(1));
}

#[test]
fn bench_prints_throughput_and_ratio() {
    let out = baozhi(&["bench", "--mb", "0.2"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    for needle in ["parse:", "MB/s", "split lines:", "growth"] {
        assert!(report.contains(needle), "{report}");
    }
}

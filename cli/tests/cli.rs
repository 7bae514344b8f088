//! The command line as a user meets it: exit statuses, what goes to
//! standard output and what to standard error.
#![cfg(not(target_arch = "wasm32"))]

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

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/sample-page.txt");

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parse_prints_the_page_as_json_and_reports_the_encoding() {
    let out = baozhi(&["parse", SAMPLE], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE.replace(".txt", ".expected.json")).unwrap()).unwrap();
    assert_eq!(got, want);
    assert!(stderr(&out).contains("read as UTF-8"), "{}", stderr(&out));
}

#[test]
fn parse_reads_standard_input() {
    let out = baozhi(&["parse", "-"], Some(std::fs::read(SAMPLE).unwrap().as_slice()));
    assert_eq!(out.status.code(), Some(0));
    let page: baozhi::Page = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page.articles.len(), 6);
}

#[test]
fn gb18030_and_utf16_files_are_decoded() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
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
fn wrong_usage_exits_1_naming_the_bad_argument() {
    let out = baozhi(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unrecognized subcommand 'frobnicate'"), "{}", stderr(&out));
    assert!(stderr(&out).contains("Usage:"), "{}", stderr(&out));
    let out = baozhi(&["parse"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("<FILE>"), "{}", stderr(&out));
    let out = baozhi(&["bench", "--mb", "lots"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("'lots' for '--mb <N>'"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn help_and_version_exit_0_on_standard_output() {
    let out = baozhi(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), format!("baozhi {}", env!("CARGO_PKG_VERSION")));
    let out = baozhi(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    for command in ["parse", "words", "search", "segment", "names", "html", "dictionary", "synth", "bench"] {
        assert!(help.contains(&format!("  {command} ")), "{command}: {help}");
    }
    let out = baozhi(&["search", "--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("baozhi search [--json] FILE... -- QUERY..."));
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

#[test]
fn words_json_offsets_point_into_the_paragraphs() {
    let out = baozhi(&["words", "--json", SAMPLE], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let page = baozhi::parse_page(&std::fs::read_to_string(SAMPLE).unwrap());
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), page.articles.len());
    for (a, article) in articles.iter().zip(&page.articles) {
        assert_eq!(a["title"].as_str(), article.title.as_deref());
        let joined: Vec<char> = article.paragraphs.join("\n").chars().collect();
        let tokens = a["tokens"].as_array().unwrap();
        assert!(!tokens.is_empty());
        for t in tokens {
            let (start, end) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
            assert_eq!(joined[start..end].iter().collect::<String>(), t["text"].as_str().unwrap());
            assert!(t["tag"].is_string());
        }
        for e in a["entities"].as_array().unwrap() {
            assert!(["person", "place", "organization"].contains(&e["kind"].as_str().unwrap()));
            assert!(e["count"].as_u64().unwrap() >= 1);
        }
        assert!(!a["keywords"].as_array().unwrap().is_empty());
    }
    // The people of the first article, names learned from the page whole.
    let people: Vec<&str> = articles[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    for name in ["周立新", "俞晓峰", "严文娟", "叶春林"] {
        assert!(people.contains(&name), "{name} not in {people:?}");
    }
}

#[test]
fn segment_writes_sighan_format_lines() {
    let out = baozhi(&["segment"], Some("义乌市委书记主持会议\n\n我们在义乌。\n".as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].replace(' ', ""), "义乌市委书记主持会议");
    assert!(lines[0].contains(' ') && !lines[0].contains("  "));
    assert_eq!(lines[1], "");
}

#[test]
fn names_reports_cuts_before_and_after_learning() {
    let out = baozhi(&["names", SAMPLE], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    let row = report.lines().find(|l| l.starts_with("叶春林")).expect("叶春林 is reported");
    assert!(row.contains("list") && row.contains("叶/春/林") && row.trim_end().ends_with("叶春林"), "{row}");
}

#[test]
fn html_writes_a_standalone_escaped_document() {
    let page = temp_file(
        "hostile.txt",
        "市场<script>alert(1)</script>\n\n本报讯 昨日，<img src=x onerror=alert(1)>出现在版面上。\n".as_bytes(),
    );
    let out = baozhi(&["html", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<style>") && html.contains("text-indent: 2em"));
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.matches("&lt;").count() >= 3, "{html}");
    let file = std::env::temp_dir().join(format!("baozhi-cli-{}/sample.html", std::process::id()));
    let out = baozhi(&["html", SAMPLE, "-o", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap().matches("<article").count(), 6);
}

#[test]
fn search_prints_ranked_articles_with_marked_snippets() {
    let out = baozhi(&["search", SAMPLE, "--", "全縣"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.contains("hits in 3 articles for 全縣"), "{first}");
    let results: Vec<&str> = text.split("\n\n").skip(1).collect();
    assert_eq!(results.len(), 3);
    for article in [0, 3, 4] {
        let place = format!("sample-page.txt, article {article}: score ");
        assert!(results.iter().any(|r| r.contains(&place)), "{text}");
    }
    assert!(results.iter().all(|r| r.contains("【全县】")), "{text}");
    // The untitled article is listed by the opening of its text, in brackets.
    assert!(results.iter().any(|r| r.contains(". [县人大常委会组织")), "{text}");
    // Nothing found is not an error.
    let out = baozhi(&["search", SAMPLE, "--", "不存在的词语"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "0 hits in 0 articles for 不存在的词语");
}

#[test]
fn search_json_offsets_index_into_the_field_text() {
    let other = temp_file(
        "other.txt",
        "客运中心客流创新高\n\n本报讯 昨日，桐 庐客运中心迎来客流高峰，ＴＬｂｕｓ小程序\n查询量同步增长。\n".as_bytes(),
    );
    let other = other.to_str().unwrap();
    let out = baozhi(&["search", "--json", SAMPLE, other, "--", "桐庐", "-龙舟"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&json), ["results", "total"]);
    let pages = [
        (SAMPLE, baozhi::parse_page(&std::fs::read_to_string(SAMPLE).unwrap())),
        (other, baozhi::parse_page(&std::fs::read_to_string(other).unwrap())),
    ];
    let results = json["results"].as_array().unwrap();
    // Of the two articles of the sample page that name the county, the
    // one about the dragon-boat race is left out.
    assert_eq!(results.len(), 2);
    let mut total = 0;
    for r in results {
        assert_eq!(keys(r), ["article", "file", "hits", "score", "snippet", "title"]);
        let file = r["file"].as_str().unwrap();
        let page = &pages.iter().find(|(name, _)| *name == file).expect("a file given").1;
        let article = &page.articles[r["article"].as_u64().unwrap() as usize];
        assert_eq!(r["title"].as_str(), article.title.as_deref());
        assert!(r["score"].as_f64().unwrap() > 0.0);
        assert!(r["snippet"].as_str().unwrap().contains("</mark>"));
        for h in r["hits"].as_array().unwrap() {
            assert_eq!(keys(h), ["end", "field", "paragraph", "start"]);
            let text = match (h["field"].as_str().unwrap(), h["paragraph"].as_u64()) {
                ("paragraph", Some(i)) => article.paragraphs[i as usize].as_str(),
                ("title", None) => article.title.as_deref().unwrap(),
                ("subtitle", None) => article.subtitle.as_deref().unwrap(),
                ("kicker", None) => article.kicker.as_deref().unwrap(),
                other => panic!("unexpected field {other:?}"),
            };
            let (start, end) = (h["start"].as_u64().unwrap() as usize, h["end"].as_u64().unwrap() as usize);
            let found: String = text.chars().skip(start).take(end - start).collect();
            assert_eq!(baozhi::text::fold::fold_str(&found), "桐庐", "{found}");
            total += 1;
        }
    }
    assert_eq!(json["total"].as_u64(), Some(total));
    // The OCR-spaced `桐 庐` of the second file is found as it stands.
    let spaced = results.iter().find(|r| r["file"] == other).unwrap();
    assert_eq!(spaced["title"], "客运中心客流创新高");
    assert_eq!(spaced["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn search_usage_and_unreadable_files() {
    let out = baozhi(&["search", SAMPLE, "桐庐"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("after --"), "{}", stderr(&out));
    assert_eq!(baozhi(&["search", "--", "义乌"], None).status.code(), Some(1));
    assert_refused(&baozhi(&["search", "/no/such/page.txt", "--", "义乌"], None), "no such file");
}

#[test]
fn bench_search_reports_latency_memory_and_agreement() {
    let out = baozhi(&["bench", "search", "--pages", "5"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    for needle in ["index build:", "MB/s", "per MB of text", "p99", "two characters", "no hit", "speed-up"] {
        assert!(report.contains(needle), "{needle}: {report}");
    }
    assert!(report.trim_end().ends_with("counted different hits: 0"), "{report}");
    assert_eq!(baozhi(&["bench", "search", "--pages", "0"], None).status.code(), Some(1));
}

/// A one-page PDF drawing `content` (a content stream) with Helvetica as
/// `/F1`, its cross-reference table written out.
fn one_page_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

#[test]
fn a_pdf_is_read_through_its_text_layer_by_every_command_that_takes_a_page() {
    let pdf = one_page_pdf(
        "BT /F1 24 Tf 50 700 Td (City opens three parks) Tj ET\nBT /F1 10 Tf 50 660 Td (The city said on Monday that three parks open in May.) Tj ET",
    );
    let path = temp_file("parks.pdf", &pdf);
    let path = path.to_str().unwrap();
    let out = baozhi(&["parse", path], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("read as PDF"), "{}", stderr(&out));
    let page: baozhi::Page = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page, baozhi::parse_pdf(&pdf).unwrap());
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("City opens three parks") && json.contains("three parks open in May."), "{json}");
    for args in [&["search", path, "--", "parks"][..], &["html", path], &["words", path], &["names", path]] {
        let out = baozhi(args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    let out = baozhi(&["parse", "-"], Some(&pdf));
    assert_eq!(serde_json::from_slice::<baozhi::Page>(&out.stdout).unwrap(), page);
}

#[test]
fn a_pdf_without_a_text_layer_exits_2_with_one_line() {
    let scan = temp_file("scan.pdf", &one_page_pdf("q 600 0 0 800 0 0 cm 0.5 g 0 0 1 1 re f Q"));
    assert_refused(
        &baozhi(&["parse", scan.to_str().unwrap()], None),
        "this PDF has only images; baozhi reads PDFs with a text layer",
    );
    let pdf = one_page_pdf("BT /F1 10 Tf 50 660 Td (Some text) Tj ET");
    let truncated = temp_file("truncated.pdf", &pdf[..pdf.len() / 3]);
    for command in ["parse", "words", "html"] {
        let out = baozhi(&[command, truncated.to_str().unwrap()], None);
        assert_refused(&out, "PDF");
    }
}

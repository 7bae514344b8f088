use baozhi::words::{Mode, Segmenter};

use crate::io::{Failure, read_page};

/// The people the page names, and how they are cut before and after the
/// segmenter learns them
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page file: text, or a PDF with a text layer (- for standard input)
    file: String,
}

pub fn run(args: Args) -> Result<(), Failure> {
    let page = read_page(&args.file)?;
    let before = Segmenter::embedded();
    let mut after = Segmenter::embedded();
    let found = baozhi::words::find_names(&page, &before);
    after.learn_people(found.iter().map(|n| n.name.as_str()));
    let mut report = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(
        report,
        "{:<8} {:<8} {:<24} {:<24} after",
        "name", "found in", "before (reading)", "before (indexing)"
    );
    for n in &found {
        let context = page
            .articles
            .iter()
            .flat_map(|a| a.paragraphs.iter().map(String::as_str).chain(a.byline.as_deref()))
            .find(|p| p.contains(n.name.as_str()))
            .unwrap_or(n.name.as_str());
        let cut = |s: &Segmenter, mode| baozhi::words::cut_around(s, context, &n.name, mode);
        let source = format!("{:?}", n.source).to_lowercase();
        let _ = writeln!(
            report,
            "{:<8} {:<8} {:<24} {:<24} {}",
            n.name,
            source,
            cut(&before, Mode::Reading),
            cut(&before, Mode::Indexing),
            cut(&after, Mode::Reading)
        );
    }
    print!("{report}");
    Ok(())
}

//! Newspaper layouts in HTML/CSS: a page of 3–8 columns filled with
//! blocks (rows of articles side by side, a lead story with small items
//! beside it, a strip of stacked briefs), each article with its headline
//! above, beside, below or inside its first column, photos with captions,
//! bylines at the top or the bottom, running heads and page furniture.
//!
//! Every page is one `<section class="sheet">` sized in millimetres; a
//! script at the end of the document sets each sheet's paper height to its
//! content, so nothing overflows and one sheet prints as one PDF page.

use std::fmt::Write as _;

use super::text::{Photo, Rng, Story, Writer};

/// The fonts named in the CSS: with these two, Chromium embeds CID fonts
/// that `pdftotext` reads well.
pub const SERIF: &str = "AR PL UMing CN";
pub const SANS: &str = "WenQuanYi Zen Hei";

const MM_PER_PT: f64 = 25.4 / 72.0;

/// The measures of one page.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub width_mm: f64,
    pub nominal_height_mm: f64,
    pub margin_mm: f64,
    pub gap_mm: f64,
    pub cols: usize,
    pub body_pt: f64,
    pub line_height: f64,
    pub serif: bool,
    pub justify: bool,
}

impl Sheet {
    fn random(rng: &mut Rng) -> Sheet {
        loop {
            let width_mm = rng.between(250, 380) as f64;
            let s = Sheet {
                width_mm,
                nominal_height_mm: (width_mm * rng.between(130, 150) as f64 / 100.0).round(),
                margin_mm: rng.between(8, 15) as f64,
                gap_mm: rng.between(3, 6) as f64,
                cols: rng.between(3, 8),
                body_pt: rng.between(84, 110) as f64 / 10.0,
                // pdftotext keeps a column's lines together only while they are
                // closer than about 1.45 × the font size; past that it reads
                // across the columns line by line.
                line_height: rng.between(120, 140) as f64 / 100.0,
                serif: rng.chance(0.6),
                justify: rng.chance(0.2),
            };
            if (10..=24).contains(&s.chars_per_line(1)) {
                return s;
            }
        }
    }

    fn inner_mm(&self) -> f64 {
        self.width_mm - 2.0 * self.margin_mm
    }
    fn col_mm(&self) -> f64 {
        (self.inner_mm() - (self.cols - 1) as f64 * self.gap_mm) / self.cols as f64
    }
    /// Width of `k` columns and the `k - 1` gaps between them.
    fn span_mm(&self, k: usize) -> f64 {
        k as f64 * self.col_mm() + (k.max(1) - 1) as f64 * self.gap_mm
    }
    fn char_mm(&self) -> f64 {
        self.body_pt * MM_PER_PT
    }
    fn line_mm(&self) -> f64 {
        self.char_mm() * self.line_height
    }
    fn chars_per_line(&self, k: usize) -> usize {
        (self.span_mm(k) / self.char_mm()).floor() as usize
    }
}

/// Where an article's headline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadAt {
    /// Above the text, across all its columns.
    Above,
    /// At the top of the first column, the text flowing on below it.
    FirstColumn,
    Left,
    Right,
    /// Under the text.
    Below,
}

/// Where a photo stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhotoAt {
    /// Above the headline, across the article.
    Top,
    /// Between two paragraphs, one column wide.
    InColumn(usize),
}

/// One laid-out page: its HTML section, its stories and its furniture in
/// page order.
pub struct LaidOut {
    pub sheet: Sheet,
    /// The `<section>`.
    pub html: String,
    pub stories: Vec<Story>,
    /// Furniture, running heads and captions, in page order.
    pub leftovers: Vec<String>,
}

/// The shared stylesheet; per-sheet measures are inline.
pub const CSS: &str = r#"
html, body { margin: 0; padding: 0; }
.sheet { box-sizing: border-box; overflow: hidden; background: #fff; color: #000; display: flex; flex-direction: column; }
.sheet.more { break-after: page; }
.mast { display: flex; align-items: baseline; gap: 6mm; border-bottom: 1.2mm double #000; padding-bottom: 2mm; }
.mast .paper { font-size: 30pt; font-weight: bold; letter-spacing: 2pt; }
.mast span { font-size: 9pt; }
.row { display: flex; align-items: flex-start; border-top: 0.3mm solid #000; padding-top: 3mm; margin-top: 3mm; }
.stack { display: flex; flex-direction: column; }
.stack > .art + .art { border-top: 0.2mm solid #555; padding-top: 2mm; margin-top: 2mm; }
.art { display: flex; flex-direction: column; }
.art.side { flex-direction: row; align-items: flex-start; }
.art.side.right { flex-direction: row-reverse; }
.main { display: flex; flex-direction: column; }
.head { break-inside: avoid; margin-bottom: 2mm; }
.head p, .head h2, .head h3 { margin: 0; }
.kick { font-size: 1.1em; }
.title { font-weight: bold; line-height: 1.25; }
.sub { font-size: 1.05em; margin-top: 1mm !important; }
.body p { margin: 0; text-indent: 2em; }
.body p.by-end { text-align: right; text-indent: 0; }
.by, .body p.by { margin: 0 0 2mm 0; font-size: 0.95em; text-indent: 0; }
.rh { font-weight: bold; border: 0.3mm solid #000; padding: 0.5mm 2mm; align-self: flex-start; margin-bottom: 2mm; font-size: 1.05em; }
figure { margin: 0 0 2mm 0; break-inside: avoid; }
figure .box { background: #bbb; }
figure p { margin: 1mm 0 0 0; font-size: 0.85em; text-indent: 0; line-height: 1.35; }
.brief { break-inside: auto; margin-bottom: 2.5mm; }
.brief .kick { font-weight: bold; font-size: 1em; }
/* Bold type is set in the sans: Chromium embeds a synthetic bold of the
   serif as Type 3 fonts, one per 256 glyphs. */
.mast .paper, .title, .rh, .brief .kick, .body b { font-family: 'WenQuanYi Zen Hei'; }
.foot { display: flex; gap: 8mm; border-top: 0.3mm solid #000; margin-top: auto; padding-top: 2mm; font-size: 8.5pt; }
"#;

/// Sizes each sheet's paper to its content; runs before printing.
pub const SCRIPT: &str = r#"
(function () {
  var css = '';
  var sheets = document.querySelectorAll('.sheet');
  for (var i = 0; i < sheets.length; i++) {
    var s = sheets[i];
    // Whole inches, so that every sheet starts at the same sub-pixel
    // offset whatever stands before it in a batch.
    var h = Math.ceil((s.getBoundingClientRect().height + 4) / 96) * 96;
    s.style.height = h + 'px';
    css += '@page ' + s.dataset.page + ' { size: ' + s.dataset.w + 'mm ' + h + 'px; margin: 0 }\n';
  }
  var st = document.createElement('style');
  st.textContent = css;
  document.head.appendChild(st);
})();
"#;

/// A whole HTML document holding the given sections.
pub fn document(sections: &[&str]) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>");
    out.push_str(CSS);
    out.push_str("</style></head><body>\n");
    for (i, s) in sections.iter().enumerate() {
        if i + 1 < sections.len() {
            out.push_str(&s.replacen("class=\"sheet\"", "class=\"sheet more\"", 1));
        } else {
            out.push_str(s);
        }
        out.push('\n');
    }
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script></body></html>\n");
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Lays out page `id` (the name of its `@page`) from the random stream.
pub fn page(id: &str, rng: &mut Rng, writer: &mut Writer) -> LaidOut {
    let sheet = Sheet::random(rng);
    let mut b = Builder { sheet: sheet.clone(), html: String::new(), stories: Vec::new(), leftovers: Vec::new() };
    let furniture = writer.furniture(rng);
    let font = if sheet.serif { SERIF } else { SANS };
    let _ = writeln!(
        b.html,
        "<section class=\"sheet\" data-page=\"{id}\" data-w=\"{w}\" data-cols=\"{cols}\" data-gap=\"{gap}\" style=\"page: {id}; width: {w}mm; min-height: {h}mm; \
         padding: {m}mm; font-family: '{font}'; font-size: {pt}pt; line-height: {lh}; text-align: {align};\">",
        w = sheet.width_mm,
        cols = sheet.cols,
        gap = sheet.gap_mm,
        h = sheet.nominal_height_mm,
        m = sheet.margin_mm,
        pt = sheet.body_pt,
        lh = sheet.line_height,
        align = if sheet.justify { "justify" } else { "left" },
    );
    // Masthead.
    b.html.push_str("<header class=\"mast\">");
    let mut top = vec![furniture.date.clone(), furniture.page_no.clone(), furniture.section.clone()];
    if rng.chance(0.7) {
        top.push(furniture.editors[0].clone());
    }
    let _ = write!(b.html, "<div class=\"paper\">{}</div>", esc(&furniture.masthead));
    b.leftovers.push(furniture.masthead.clone());
    for t in &top {
        let _ = write!(b.html, "<span>{}</span>", esc(t));
        b.leftovers.push(t.clone());
    }
    b.html.push_str("</header>\n");

    let budget = sheet.nominal_height_mm - 2.0 * sheet.margin_mm - 30.0;
    let mut used = 0.0;
    let mut blocks = 0;
    while used < budget && blocks < 6 {
        let remaining = budget - used;
        let h = match rng.below(10) {
            0..=4 => b.row(rng, writer, remaining),
            5..=7 => b.lead_with_side(rng, writer, remaining),
            _ => b.briefs_row(rng, writer),
        };
        used += h + 6.0;
        blocks += 1;
    }

    // Footer.
    let mut foot: Vec<String> = furniture.editors.iter().skip(1).cloned().collect();
    if !top.contains(&furniture.editors[0]) {
        foot.insert(0, furniture.editors[0].clone());
    }
    foot.extend(furniture.contact.clone());
    if rng.chance(0.5) {
        foot.push(furniture.page_no.clone());
    }
    if !foot.is_empty() {
        b.html.push_str("<footer class=\"foot\">");
        for f in &foot {
            let _ = write!(b.html, "<span>{}</span>", esc(f));
            b.leftovers.push(f.clone());
        }
        b.html.push_str("</footer>\n");
    }
    b.html.push_str("</section>");
    LaidOut { sheet, html: b.html, stories: b.stories, leftovers: b.leftovers }
}

struct Builder {
    sheet: Sheet,
    html: String,
    stories: Vec<Story>,
    leftovers: Vec<String>,
}

impl Builder {
    /// Body characters that fill `k` columns to about `height_mm`.
    fn chars_for(&self, k: usize, height_mm: f64) -> usize {
        let lines = (height_mm / self.sheet.line_mm()).max(3.0);
        (lines * k as f64 * self.sheet.chars_per_line(1) as f64 * 0.85) as usize
    }

    /// Estimated height of a story set in `k` columns.
    fn height_of(&self, s: &Story, k: usize) -> f64 {
        let per_line = self.sheet.chars_per_line(1).max(1) as f64;
        let lines: f64 = s.paragraphs.iter().map(|p| (p.chars().count() as f64 + 2.0) / per_line + 0.5).sum();
        let photo = s.photo.as_ref().map_or(0.0, |p| p.height_mm as f64 + 8.0);
        lines / k as f64 * self.sheet.line_mm() + 14.0 + photo
    }

    /// Splits `cols` columns into `n` parts of at least one column.
    fn split(rng: &mut Rng, cols: usize, n: usize) -> Vec<usize> {
        let n = n.min(cols).max(1);
        let mut parts = vec![1; n];
        for _ in 0..cols - n {
            let i = rng.below(n);
            parts[i] += 1;
        }
        parts
    }

    /// A row of one to three articles side by side.
    fn row(&mut self, rng: &mut Rng, writer: &mut Writer, remaining: f64) -> f64 {
        let n = rng.between(1, 3.min(self.sheet.cols));
        let parts = Self::split(rng, self.sheet.cols, n);
        let target = remaining.min(rng.between(60, 180) as f64);
        self.html.push_str(&format!("<div class=\"row\" style=\"gap: {}mm\">\n", self.sheet.gap_mm));
        let mut height: f64 = 0.0;
        for &k in &parts {
            let h = if k == 1 && rng.chance(0.3) {
                let items = rng.between(2, 3);
                self.brief_stack(rng, writer, 1, items)
            } else {
                let chars = self.chars_for(k, target);
                let story = writer.story(rng, chars * 2 / 3, chars);
                self.article(rng, writer, story, k)
            };
            height = height.max(h);
        }
        self.html.push_str("</div>\n");
        height
    }

    /// A lead story over most columns, small items stacked beside it.
    fn lead_with_side(&mut self, rng: &mut Rng, writer: &mut Writer, remaining: f64) -> f64 {
        let cols = self.sheet.cols;
        let side = if cols >= 6 { rng.between(1, 2) } else { 1 };
        let lead = cols - side;
        let target = remaining.min(rng.between(90, 220) as f64);
        let lead_left = rng.chance(0.7);
        self.html.push_str(&format!("<div class=\"row\" style=\"gap: {}mm\">\n", self.sheet.gap_mm));
        let mut story = writer.story(rng, self.chars_for(lead, target) * 2 / 3, self.chars_for(lead, target));
        if story.title.is_none() {
            story.title = writer.story(rng, 10, 20).title;
        }
        if rng.chance(0.6) {
            story.photo = Some(Photo {
                caption: (!rng.chance(0.1)).then(|| writer.caption(rng)),
                height_mm: rng.between(30, 70) as u32,
                caption_above: rng.chance(0.25),
            });
        }
        let side_items = rng.between(2, 4);
        let h = if lead_left {
            let a = self.article(rng, writer, story, lead);
            a.max(self.brief_stack(rng, writer, side, side_items))
        } else {
            let s = self.brief_stack(rng, writer, side, side_items);
            s.max(self.article(rng, writer, story, lead))
        };
        self.html.push_str("</div>\n");
        h
    }

    /// A strip of briefs under a running head, flowing across columns,
    /// maybe with an article beside it.
    fn briefs_row(&mut self, rng: &mut Rng, writer: &mut Writer) -> f64 {
        let cols = self.sheet.cols;
        let strip = if cols >= 4 && rng.chance(0.5) { rng.between(2, cols - 1) } else { cols };
        self.html.push_str(&format!("<div class=\"row\" style=\"gap: {}mm\">\n", self.sheet.gap_mm));
        let count = rng.between(3, 2 + strip * 2);
        let strip_h = self.brief_strip(rng, writer, strip, count);
        let mut h = strip_h;
        if strip < cols {
            let k = cols - strip;
            let chars = self.chars_for(k, strip_h.max(50.0));
            let story = writer.story(rng, chars * 2 / 3, chars);
            h = h.max(self.article(rng, writer, story, k));
        }
        self.html.push_str("</div>\n");
        h
    }

    fn brief_strip(&mut self, rng: &mut Rng, writer: &mut Writer, k: usize, count: usize) -> f64 {
        let _ = write!(self.html, "<div class=\"main\" style=\"width: {:.2}mm\">", self.sheet.span_mm(k));
        if rng.chance(0.8) {
            let rh = writer.running_head(rng);
            let _ = write!(self.html, "<div class=\"rh\">{}</div>", esc(&rh));
            self.leftovers.push(rh);
        }
        let _ =
            write!(self.html, "<div class=\"body\" style=\"column-count: {k}; column-gap: {}mm\">", self.sheet.gap_mm);
        let mut height = 0.0;
        for _ in 0..count {
            let s = writer.brief(rng);
            height += self.height_of(&s, k);
            self.html.push_str("<div class=\"brief\">");
            self.brief_html(rng, &s);
            self.html.push_str("</div>");
            self.stories.push(s);
        }
        self.html.push_str("</div></div>\n");
        height
    }

    /// Small items stacked in `k` columns, each its own box.
    fn brief_stack(&mut self, rng: &mut Rng, writer: &mut Writer, k: usize, count: usize) -> f64 {
        let _ = write!(self.html, "<div class=\"stack\" style=\"width: {:.2}mm\">", self.sheet.span_mm(k));
        if rng.chance(0.4) {
            let rh = writer.running_head(rng);
            let _ = write!(self.html, "<div class=\"rh\">{}</div>", esc(&rh));
            self.leftovers.push(rh);
        }
        let mut height = 0.0;
        for _ in 0..count {
            let s = if rng.chance(0.6) { writer.brief(rng) } else { writer.story(rng, 80, 260) };
            height += self.height_of(&s, k) + 4.0;
            let _ = write!(
                self.html,
                "<div class=\"art\"><div class=\"body\" style=\"column-count: {k}; column-gap: {}mm\">",
                self.sheet.gap_mm
            );
            self.brief_html(rng, &s);
            self.html.push_str("</div></div>");
            self.stories.push(s);
        }
        self.html.push_str("</div>\n");
        height
    }

    /// A brief: kicker word over the title, top byline, text, end byline.
    fn brief_html(&mut self, rng: &mut Rng, s: &Story) {
        let title_pt = self.sheet.body_pt * rng.between(110, 140) as f64 / 100.0;
        self.html.push_str("<div class=\"head\">");
        if let Some(k) = &s.kicker {
            let _ = write!(self.html, "<p class=\"kick\">{}</p>", esc(k));
        }
        if let Some(t) = &s.title {
            let _ = write!(self.html, "<h3 class=\"title\" style=\"font-size: {title_pt:.1}pt\">{}</h3>", esc(t));
        }
        if let Some(sub) = &s.subtitle {
            let _ = write!(self.html, "<p class=\"sub\">{}</p>", esc(sub));
        }
        self.html.push_str("</div>");
        self.top_byline(s);
        self.paragraphs_html(s, None, rng);
    }

    fn top_byline(&mut self, s: &Story) {
        if let Some(b) = s.byline.as_ref().filter(|b| !b.at_end) {
            let _ = write!(self.html, "<p class=\"by\">{}</p>", esc(&b.printed));
        }
    }

    /// The paragraphs (dateline first, end byline last), with a photo
    /// between two of them when asked.
    fn paragraphs_html(&mut self, s: &Story, photo_after: Option<(usize, &Photo)>, rng: &mut Rng) {
        for (i, p) in s.paragraphs.iter().enumerate() {
            self.html.push_str("<p>");
            if i == 0
                && let Some(d) = &s.dateline
            {
                let sep = if rng.chance(0.6) { " " } else { "" };
                if rng.chance(0.5) {
                    let _ = write!(self.html, "<b>{}</b>{sep}", esc(d));
                } else {
                    let _ = write!(self.html, "{}{sep}", esc(d));
                }
            }
            self.html.push_str(&esc(p));
            self.html.push_str("</p>");
            if let Some((after, photo)) = photo_after
                && after == i
            {
                self.figure(photo, None);
            }
        }
        if let Some(b) = s.byline.as_ref().filter(|b| b.at_end) {
            let _ = write!(self.html, "<p class=\"by-end\">{}</p>", esc(&b.printed));
        }
    }

    fn figure(&mut self, photo: &Photo, width_mm: Option<f64>) {
        let caption_above = photo.caption_above;
        let width = width_mm.map_or(String::new(), |w| format!("width: {w:.2}mm; "));
        let _ = write!(self.html, "<figure style=\"{width}\">");
        let cap = photo.caption.as_ref().map(|c| format!("<p>{}</p>", esc(c)));
        if caption_above && let Some(c) = &cap {
            self.html.push_str(c);
        }
        let _ = write!(self.html, "<div class=\"box\" style=\"height: {}mm\"></div>", photo.height_mm);
        if !caption_above && let Some(c) = &cap {
            self.html.push_str(c);
        }
        self.html.push_str("</figure>");
        self.leftovers.extend(photo.caption.clone());
    }

    /// An article over `k` columns; returns its estimated height.
    fn article(&mut self, rng: &mut Rng, writer: &mut Writer, mut s: Story, k: usize) -> f64 {
        let sheet = self.sheet.clone();
        let head_at = match rng.below(12) {
            _ if s.title.is_none() && s.kicker.is_none() && s.subtitle.is_none() => HeadAt::Above,
            0..=4 => HeadAt::Above,
            5 | 6 => HeadAt::FirstColumn,
            7 | 8 if k >= 2 => HeadAt::Left,
            9 if k >= 2 => HeadAt::Right,
            10 => HeadAt::Below,
            _ => HeadAt::Above,
        };
        if s.photo.is_none() && rng.chance(0.2) {
            s.photo = Some(Photo {
                caption: (!rng.chance(0.1)).then(|| writer.caption(rng)),
                height_mm: rng.between(20, 50) as u32,
                caption_above: rng.chance(0.25),
            });
        }
        let photo_at = s.photo.as_ref().map(|_| {
            if k >= 2 && rng.chance(0.5) { PhotoAt::Top } else { PhotoAt::InColumn(rng.below(s.paragraphs.len())) }
        });
        let title_pt = (sheet.body_pt * rng.between(150, 260) as f64 / 100.0 * if k == 1 { 0.75 } else { 1.0 })
            .max(sheet.body_pt * 1.2);
        let head_cols = if matches!(head_at, HeadAt::Left | HeadAt::Right) { if k >= 5 { 2 } else { 1 } } else { 0 };
        let body_cols = k - head_cols;
        let side = match head_at {
            HeadAt::Left => " side",
            HeadAt::Right => " side right",
            _ => "",
        };
        let _ = write!(
            self.html,
            "<div class=\"art{side}\" style=\"width: {:.2}mm; gap: {}mm\">",
            sheet.span_mm(k),
            sheet.gap_mm
        );
        if rng.chance(0.12) {
            let rh = writer.running_head(rng);
            let _ = write!(self.html, "<div class=\"rh\">{}</div>", esc(&rh));
            self.leftovers.push(rh);
        }
        let head_html = self.head_html(rng, &s, title_pt, head_at);
        let photo = s.photo.clone();
        match head_at {
            HeadAt::Left | HeadAt::Right => {
                let _ = write!(
                    self.html,
                    "<div class=\"head\" style=\"width: {:.2}mm; flex: none\">{head_html}</div>",
                    sheet.span_mm(head_cols)
                );
                let _ = write!(self.html, "<div class=\"main\" style=\"width: {:.2}mm\">", sheet.span_mm(body_cols));
            }
            _ => self.html.push_str("<div class=\"main\">"),
        }
        if let (Some(PhotoAt::Top), Some(p)) = (photo_at, &photo) {
            self.figure(p, None);
        }
        if head_at == HeadAt::Above {
            let _ = write!(self.html, "<div class=\"head\">{head_html}</div>");
        }
        self.top_byline(&s);
        let _ = write!(
            self.html,
            "<div class=\"body\" style=\"column-count: {body_cols}; column-gap: {}mm\">",
            sheet.gap_mm
        );
        if head_at == HeadAt::FirstColumn {
            let _ = write!(self.html, "<div class=\"head\">{head_html}</div>");
        }
        let in_column = match (photo_at, &photo) {
            (Some(PhotoAt::InColumn(i)), Some(p)) => Some((i, p)),
            _ => None,
        };
        self.paragraphs_html(&s, in_column, rng);
        self.html.push_str("</div>");
        if head_at == HeadAt::Below {
            let _ = write!(self.html, "<div class=\"head\" style=\"margin-top: 2mm\">{head_html}</div>");
        }
        self.html.push_str("</div></div>\n");
        let h = self.height_of(&s, body_cols) + if head_cols > 0 { 0.0 } else { title_pt * MM_PER_PT * 1.5 };
        self.stories.push(s);
        h
    }

    fn head_html(&self, rng: &mut Rng, s: &Story, title_pt: f64, at: HeadAt) -> String {
        let mut h = String::new();
        if let Some(k) = &s.kicker {
            let _ = write!(h, "<p class=\"kick\">{}</p>", esc(k));
        }
        if let Some(t) = &s.title {
            let n = t.chars().count();
            // A long headline set on two lines by hand; the label keeps it
            // one title.
            let shown = if n >= 10 && !t.contains(' ') && at != HeadAt::Left && at != HeadAt::Right && rng.chance(0.3) {
                let cut = rng.between(n / 3, n * 2 / 3);
                let first: String = t.chars().take(cut).collect();
                let rest: String = t.chars().skip(cut).collect();
                format!("{}<br>{}", esc(&first), esc(&rest))
            } else {
                esc(t)
            };
            let _ = write!(h, "<h2 class=\"title\" style=\"font-size: {title_pt:.1}pt\">{shown}</h2>");
        }
        if let Some(sub) = &s.subtitle {
            let _ = write!(h, "<p class=\"sub\">{}</p>", esc(sub));
        }
        h
    }
}

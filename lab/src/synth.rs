//! Synthetic newspaper pages with known answers, for benchmarks and for
//! measuring the parser on layouts beyond the hand-written fixtures.
//!
//! The text is made of pseudo-words drawn from common characters with a
//! Zipf-like frequency, so every page differs; the layout varies per page
//! (headlines above or below their article, with or without blank lines,
//! bylines and datelines of several forms, column widths from 10 to 28
//! characters that may change inside an article, column breaks in
//! mid-sentence, OCR spaces around digits, furniture at top and bottom).
//! Each page comes with the [`Page`] the parser should produce.

use baozhi::model::{Article, Page};
use baozhi::text;

/// A small deterministic generator (SplitMix64), so that corpora are
/// reproducible from their seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Common characters, roughly most frequent first.
const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
/// How many of the most common surnames ([`baozhi::words::SURNAMES`]) the
/// synthetic people have.
const SURNAMES_USED: usize = 100;
const GIVEN: &str =
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建文志国庆海波斌雪梅林帆琳晨浩宁欣怡佳悦";

/// A vocabulary of pseudo-words with Zipf-like weights.
struct Vocabulary {
    words: Vec<String>,
    /// Cumulative weights, for sampling by binary search.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        let chars: Vec<char> = COMMON.chars().collect();
        // Skewed towards the frequent characters.
        let pick_char = |rng: &mut Rng| {
            let a = rng.below(chars.len());
            let b = rng.below(chars.len());
            chars[a.min(b)]
        };
        let mut words = Vec::with_capacity(size);
        let mut cumulative = Vec::with_capacity(size);
        let mut total = 0.0;
        for rank in 1..=size {
            let len = match rng.below(10) {
                0 => 1,
                1..=6 => 2,
                7 | 8 => 3,
                _ => 4,
            };
            words.push((0..len).map(|_| pick_char(rng)).collect());
            total += 1.0 / rank as f64;
            cumulative.push(total);
        }
        Vocabulary { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().expect("vocabulary is not empty");
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x).min(self.words.len() - 1);
        &self.words[i]
    }
}

/// One synthetic page and the parse it should get.
#[derive(Debug, Clone)]
pub struct SyntheticPage {
    pub text: String,
    pub expected: Page,
}

fn person(rng: &mut Rng) -> String {
    let mut s = String::new();
    s.push(*rng.pick(&baozhi::words::SURNAMES.chars().take(SURNAMES_USED).collect::<Vec<_>>()));
    let given: Vec<char> = GIVEN.chars().collect();
    for _ in 0..rng.between(1, 2) {
        s.push(*rng.pick(&given));
    }
    s
}

/// A two-character place name that cannot be mistaken for the end of a
/// dateline.
fn place(rng: &mut Rng) -> String {
    let chars: Vec<char> = COMMON.chars().filter(|c| !"电讯消息社网报台年月日".contains(*c)).collect();
    (0..2).map(|_| *rng.pick(&chars)).collect()
}

fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}年", rng.between(1990, 2030)),
        1 => format!("{}个", rng.between(2, 99)),
        2 => format!("{}月{}日", rng.between(1, 12), rng.between(1, 28)),
        _ => format!("{}%", rng.between(1, 99)),
    }
}

/// A sentence of 6–24 words with commas, maybe a quotation and a number.
fn sentence(rng: &mut Rng, vocab: &Vocabulary, topic: &[String]) -> String {
    let mut s = String::new();
    let words = rng.between(6, 24);
    let mut since_comma = 0;
    for i in 0..words {
        if i > 0 && since_comma >= 2 && rng.chance(0.45) {
            s.push(if rng.chance(0.8) { '，' } else { '、' });
            since_comma = 0;
        }
        match rng.below(20) {
            0 => s.push_str(&number(rng)),
            1 => {
                s.push('“');
                s.push_str(vocab.word(rng));
                s.push_str(vocab.word(rng));
                s.push('”');
            }
            2 | 3 if !topic.is_empty() => s.push_str(rng.pick(topic).as_str()),
            _ => s.push_str(vocab.word(rng)),
        }
        since_comma += 1;
    }
    s.push(*rng.pick(&['。', '。', '。', '。', '。', '！', '？']));
    s
}

/// How a page is laid out.
#[derive(Debug, Clone)]
struct Layout {
    headline_above: bool,
    /// Headline directly above the body, with no blank line.
    tight_headline: bool,
    blank_between_paragraphs: bool,
    column_break_chance: f64,
    ocr_spaces: bool,
    furniture_top: bool,
    furniture_bottom: bool,
}

/// Wraps a paragraph to a column of `chars` characters, the first line
/// indented by two, keeping closing punctuation off the start of a line.
fn wrap(paragraph: &str, chars: usize, out: &mut Vec<String>) {
    let limit = (chars * 2) as u32;
    let mut line = String::new();
    let mut used = 4; // the indent of the first line
    for c in paragraph.chars() {
        let w = text::char_width(c);
        let keep_on_line = matches!(c, '，' | '。' | '、' | '！' | '？' | '”' | '%' | '）');
        if used + w > limit && !keep_on_line && !line.is_empty() {
            // An opening quote never ends a line: it moves down with its text.
            let carried = line.ends_with('“').then(|| line.pop()).flatten();
            out.push(std::mem::take(&mut line));
            used = 0;
            if let Some(q) = carried {
                line.push(q);
                used += 2;
            }
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() {
        out.push(line);
    }
}

/// Puts the spaces OCR invents around digit runs.
fn add_ocr_spaces(line: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if let Some(p) = prev {
            let boundary = (p.is_ascii_digit() && text::is_han(c)) || (text::is_han(p) && c.is_ascii_digit());
            if boundary && rng.chance(0.5) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

struct Draft {
    article: Article,
    ornament: bool,
}

/// A topic: the few words an article names again and again (a story's
/// people, places and things), which tie its headline to its text.
fn topic(rng: &mut Rng, vocab: &Vocabulary) -> Vec<String> {
    (0..rng.between(2, 4))
        .map(|_| {
            let mut w = vocab.word(rng).to_string();
            w.push_str(vocab.word(rng));
            w
        })
        .collect()
}

/// `min..=max` characters of headline: half topic words, half others.
fn phrase(rng: &mut Rng, vocab: &Vocabulary, topic: &[String], min: usize, max: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < min {
        if rng.chance(0.5) {
            s.push_str(rng.pick(topic).as_str());
        } else {
            s.push_str(vocab.word(rng));
        }
    }
    s.chars().take(max).collect::<String>()
}

/// A title on the topic; one in ten of three spaced parts.
fn title(rng: &mut Rng, vocab: &Vocabulary, topic: &[String]) -> String {
    if rng.chance(0.1) {
        let part = |rng: &mut Rng| phrase(rng, vocab, topic, 3, 3);
        let (a, b, c) = (part(rng), part(rng), part(rng));
        format!("{a} {b} {c}")
    } else {
        phrase(rng, vocab, topic, 6, 20)
    }
}

/// A paragraph of one to four sentences on the topic.
fn paragraph(rng: &mut Rng, vocab: &Vocabulary, topic: &[String]) -> String {
    (0..rng.between(1, 5)).map(|_| sentence(rng, vocab, topic)).collect()
}

/// The text model alone, for generators that set their own pages: one
/// vocabulary, and articles each on a topic of its own.
pub struct TextModel {
    vocab: Vocabulary,
}

/// An article of the text model, with the topic its text goes on about.
#[derive(Debug, Clone)]
pub struct ModelArticle {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub topic: Vec<String>,
}

impl TextModel {
    pub fn new(seed: u64) -> Self {
        TextModel { vocab: Vocabulary::new(&mut Rng::new(seed), 4000) }
    }

    /// A title and one to six paragraphs on a fresh topic.
    pub fn article(&self, rng: &mut Rng) -> ModelArticle {
        let topic = topic(rng, &self.vocab);
        let title = title(rng, &self.vocab, &topic);
        let paragraphs = (0..rng.between(1, 7)).map(|_| paragraph(rng, &self.vocab, &topic)).collect();
        ModelArticle { title, paragraphs, topic }
    }

    /// One more paragraph on `topic`.
    pub fn paragraph(&self, rng: &mut Rng, topic: &[String]) -> String {
        paragraph(rng, &self.vocab, topic)
    }
}

fn draft_article(rng: &mut Rng, vocab: &Vocabulary) -> Draft {
    let topic = topic(rng, vocab);
    let phrase = |rng: &mut Rng, min: usize, max: usize| phrase(rng, vocab, &topic, min, max);
    let title = title(rng, vocab, &topic);
    let kicker = rng.chance(0.25).then(|| phrase(rng, 22, 30));
    let subtitle = rng
        .chance(0.3)
        .then(|| if rng.chance(0.3) { format!("——{}", phrase(rng, 10, 18)) } else { phrase(rng, 22, 30) });
    let (byline, authors, credit, ornament) = if rng.chance(0.75) {
        let a = person(rng);
        match rng.below(4) {
            0 => {
                let b = person(rng);
                (Some(format!("本报记者 {a} 通讯员 {b}")), vec![a, b], None, false)
            }
            1 => (Some(format!("记者 {a}")), vec![a], None, false),
            _ => {
                let credit = rng.chance(0.3).then(|| rng.pick(&["文/摄", "文/图"]).to_string());
                (Some(format!("全媒体记者 {a}")), vec![a], credit, true)
            }
        }
    } else {
        (None, Vec::new(), None, false)
    };
    let dateline = match rng.below(5) {
        0 => None,
        1 | 2 => Some("本报讯".to_string()),
        3 => Some(format!("本报{}{}月{}日电", place(rng), rng.between(1, 12), rng.between(1, 28))),
        _ => Some(format!("新华社{}{}月{}日电", place(rng), rng.between(1, 12), rng.between(1, 28))),
    };
    let paragraphs = (0..rng.between(1, 7)).map(|_| paragraph(rng, vocab, &topic)).collect();
    Draft {
        article: Article { kicker, title: Some(title), subtitle, byline, authors, credit, dateline, paragraphs },
        ornament,
    }
}

/// Renders a headline block: each part on its own line, a long title
/// wrapped with its second line the shorter, the kicker maybe set off by
/// a blank line.
fn headline_lines(a: &Article, rng: &mut Rng, out: &mut Vec<String>) {
    if let Some(k) = &a.kicker {
        out.push(k.clone());
        if rng.chance(0.5) {
            out.push(String::new());
        }
    }
    if let Some(t) = &a.title {
        let n = t.chars().count();
        if n >= 14 && !t.contains(' ') && rng.chance(0.5) {
            let cut = n * 2 / 3;
            out.push(t.chars().take(cut).collect());
            out.push(t.chars().skip(cut).collect());
        } else {
            out.push(t.clone());
        }
    }
    // A subtitle is set straight under its title (on the labelled real
    // pages every one is); a blank line there would make the title a kicker.
    if let Some(s) = &a.subtitle {
        out.push(s.clone());
    }
}

/// Generates page number `n` of the corpus with the given seed.
pub fn page(seed: u64, n: u64) -> SyntheticPage {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(n));
    let vocab = Vocabulary::new(&mut Rng::new(seed ^ (n / 50)), 4000);
    let layout = Layout {
        headline_above: rng.chance(0.6),
        tight_headline: rng.chance(0.3),
        blank_between_paragraphs: rng.chance(0.6),
        column_break_chance: *rng.pick(&[0.0, 0.03, 0.08]),
        ocr_spaces: rng.chance(0.5),
        furniture_top: rng.chance(0.5),
        furniture_bottom: rng.chance(0.4),
    };
    let drafts: Vec<Draft> = (0..rng.between(1, 6)).map(|_| draft_article(&mut rng, &vocab)).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut leftovers = Vec::new();
    if layout.furniture_top {
        let top = [
            format!("{}日报", person(&mut rng)),
            format!(
                "{}年{}月{}日 星期{}",
                rng.between(2000, 2030),
                rng.between(1, 12),
                rng.between(1, 28),
                rng.pick(&["一", "三", "五", "六"])
            ),
            format!("第{:02}版 要闻", rng.between(1, 24)),
        ];
        for l in top {
            leftovers.push(l.clone());
            lines.push(l);
        }
        lines.push(String::new());
    }
    for d in &drafts {
        let a = &d.article;
        let mut byline_line = a.byline.clone().map(|b| {
            let mut s = if d.ornament { format!("▢ {b}") } else { b };
            if let Some(c) = &a.credit {
                s.push(' ');
                s.push_str(c);
            }
            s
        });
        let mut head = Vec::new();
        headline_lines(a, &mut rng, &mut head);
        let mut body = Vec::new();
        let mut chars = rng.between(10, 28);
        for (i, p) in a.paragraphs.iter().enumerate() {
            let text = match (&a.dateline, i) {
                (Some(d), 0) => format!("{d} {p}"),
                _ => p.clone(),
            };
            if rng.chance(0.1) {
                chars = rng.between(10, 28);
            }
            let mut wrapped = Vec::new();
            wrap(&text, chars, &mut wrapped);
            for (j, l) in wrapped.iter().enumerate() {
                let l = if layout.ocr_spaces { add_ocr_spaces(l, &mut rng) } else { l.clone() };
                // A column break after a sentence end reads as a paragraph
                // end to anyone; the generator only breaks mid-sentence.
                let breaks =
                    j + 1 < wrapped.len() && !text::ends_sentence(&l) && rng.chance(layout.column_break_chance);
                body.push(l);
                if breaks {
                    body.push(String::new());
                }
            }
            if layout.blank_between_paragraphs {
                body.push(String::new());
            }
        }
        if layout.headline_above {
            lines.append(&mut head);
            if !layout.tight_headline || byline_line.is_some() {
                lines.push(String::new());
            }
            if let Some(b) = byline_line.take() {
                lines.push(b);
                lines.push(String::new());
            }
            lines.append(&mut body);
        } else {
            if let Some(b) = byline_line.take() {
                lines.push(b);
                lines.push(String::new());
            }
            lines.append(&mut body);
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            lines.append(&mut head);
        }
        lines.push(String::new());
    }
    if layout.furniture_bottom {
        let l = format!("责任编辑：{} 美编：{}", person(&mut rng), person(&mut rng));
        leftovers.push(l.clone());
        lines.push(l);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    let articles = drafts.into_iter().map(|d| d.article).collect();
    SyntheticPage { text, expected: Page { articles, leftovers } }
}

/// Pages `0..count` of the corpus with the given seed, separated by form
/// feeds, as `pdftotext` separates the pages of a PDF.
pub fn corpus(count: usize, seed: u64) -> String {
    let mut out = String::new();
    for n in 0..count as u64 {
        if n > 0 {
            out.push('\u{0C}');
        }
        out.push_str(&page(seed, n).text);
    }
    out
}

/// As many pages as it takes to reach `bytes` bytes.
pub fn corpus_of_size(bytes: usize, seed: u64) -> String {
    let mut out = String::with_capacity(bytes + 16_384);
    let mut n = 0;
    while out.len() < bytes {
        if n > 0 {
            out.push('\u{0C}');
        }
        out.push_str(&page(seed, n).text);
        n += 1;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn pages_are_reproducible_and_different() {
        assert_eq!(page(7, 3).text, page(7, 3).text);
        assert_ne!(page(7, 3).text, page(7, 4).text);
        assert_ne!(page(7, 3).text, page(8, 3).text);
    }

    #[test]
    fn corpus_reaches_its_size() {
        let c = corpus_of_size(200_000, 1);
        assert!(c.len() >= 200_000);
        assert!(c.matches('\u{0C}').count() > 10);
    }
}

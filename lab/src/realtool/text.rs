//! What goes on a page: stories (headlines, bylines, datelines, body,
//! photo captions), briefs and page furniture, each with the parse it
//! should get.
//!
//! The body text and the titles come from the text model
//! ([`synth::TextModel`], pseudo-words drawn from common characters, each
//! story's from its first paragraph to its last on a topic of its own); the
//! names, places, roles, datelines and furniture come from the short lists
//! below. Nothing here is taken from a real page.

use crate::synth;
use baozhi::Article;

use synth::ModelArticle;
pub use synth::Rng;

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱尹薛段雷侯史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建文志国庆海波斌雪梅林帆琳晨浩宁欣怡佳悦晓嘉思宇航凯瑞婷倩颖昊哲";
/// Characters for invented place names (no character that ends a dateline).
const PLACE: &str = "东西南北安平宁江山河湖海川原阳泉溪桥林州城岭湾源丰和兴昌盛德清华云松柏乐康泰";
const COUNTRIES: &[&str] = &[
    "美国",
    "法国",
    "德国",
    "日本",
    "英国",
    "巴西",
    "印度",
    "埃及",
    "韩国",
    "意大利",
    "西班牙",
    "加拿大",
    "澳大利亚",
    "墨西哥",
    "南非",
    "泰国",
    "希腊",
    "荷兰",
    "瑞典",
    "挪威",
    "智利",
    "秘鲁",
];
const SECTIONS: &[&str] = &[
    "要闻",
    "国际",
    "社会",
    "综合",
    "民生",
    "经济",
    "文化",
    "体育",
    "评论",
    "县市新闻",
    "城市",
    "乡村",
    "教育",
    "科技",
    "法治",
    "视点",
    "观察",
    "专题",
    "时事",
    "健康",
];
const PAPER_KINDS: &[&str] = &["日报", "晚报", "商报", "都市报", "新闻", "时报"];
const WEEKDAYS: &[&str] = &["一", "二", "三", "四", "五", "六", "日"];

/// A byline as printed and as labelled.
#[derive(Debug, Clone)]
pub struct Byline {
    /// The printed line, ornament and credit included.
    pub printed: String,
    /// The label's `byline`.
    pub text: String,
    pub authors: Vec<String>,
    pub credit: Option<String>,
    /// Printed after the body rather than above it.
    pub at_end: bool,
}

/// A photo box and its caption (the caption goes to `leftovers`).
#[derive(Debug, Clone)]
pub struct Photo {
    pub caption: Option<String>,
    /// Height of the grey box, in millimetres.
    pub height_mm: u32,
    pub caption_above: bool,
}

/// One article to lay out.
#[derive(Debug, Clone)]
pub struct Story {
    pub kicker: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<Byline>,
    /// Printed at the start of the first paragraph.
    pub dateline: Option<String>,
    /// Names in the dateline's parentheses.
    pub dateline_authors: Vec<String>,
    pub paragraphs: Vec<String>,
    pub photo: Option<Photo>,
}

impl Story {
    /// The parse this story should get.
    pub fn label(&self) -> Article {
        let (byline, credit, mut authors) = match &self.byline {
            Some(b) => (Some(b.text.clone()), b.credit.clone(), b.authors.clone()),
            None => (None, None, Vec::new()),
        };
        if authors.is_empty() {
            authors = self.dateline_authors.clone();
        }
        Article {
            kicker: self.kicker.clone(),
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            byline,
            authors,
            credit,
            dateline: self.dateline.clone(),
            paragraphs: self.paragraphs.clone(),
        }
    }

    /// Every non-space character printed for this story except its photo
    /// caption and the byline's ornament, in label terms.
    pub fn label_chars(&self) -> String {
        let a = self.label();
        [a.kicker, a.title, a.subtitle, a.byline, a.credit, a.dateline]
            .into_iter()
            .flatten()
            .chain(a.paragraphs)
            .collect()
    }
}

/// The words of a page: draws article text from the text model and dresses
/// it as news.
pub struct Writer {
    model: synth::TextModel,
    /// Draws the text model's articles, apart from the layout's choices.
    rng: Rng,
}

impl Writer {
    pub fn new(seed: u64) -> Self {
        Writer { model: synth::TextModel::new(seed), rng: Rng::new(seed ^ 0x5eed_7e47) }
    }

    /// The next article of the text model (title and paragraphs are used).
    fn draw(&mut self) -> ModelArticle {
        self.model.article(&mut self.rng)
    }

    /// Paragraphs of roughly `min_chars..max_chars`, beginning with
    /// `lead`'s (so a story's body echoes its own headline, as news does),
    /// then more on `lead`'s topic: a story names its own people, places
    /// and things from its first paragraph to its last.
    fn paragraphs(&mut self, lead: ModelArticle, rng: &mut Rng, min_chars: usize, max_chars: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut total = 0;
        for p in lead.paragraphs {
            if total >= min_chars && (total >= max_chars || rng.chance(0.3)) {
                break;
            }
            total += p.chars().count();
            out.push(p);
        }
        while total < min_chars {
            let p = self.model.paragraph(&mut self.rng, &lead.topic);
            total += p.chars().count();
            out.push(p);
        }
        // Cut a long last paragraph at a sentence end.
        while total > max_chars && out.len() > 1 {
            total -= out.pop().map_or(0, |p| p.chars().count());
        }
        if total > max_chars {
            let p = out.pop().expect("at least one paragraph");
            let mut kept = String::new();
            for s in sentences(&p) {
                if !kept.is_empty() && kept.chars().count() + s.chars().count() > max_chars {
                    break;
                }
                kept.push_str(s);
            }
            out.push(kept);
        }
        out
    }

    fn title(&mut self, rng: &mut Rng, max: usize) -> String {
        self.titled(rng, max).0
    }

    /// An article of the text model with a title of 4 to `max` characters
    /// (a longer one cut).
    fn titled(&mut self, rng: &mut Rng, max: usize) -> (String, ModelArticle) {
        loop {
            let a = self.draw();
            let n = a.title.chars().count();
            if n >= 4 && n <= max {
                return (a.title.clone(), a);
            }
            if n > max && !a.title.contains(' ') && rng.chance(0.5) {
                return (a.title.chars().take(max).collect(), a);
            }
        }
    }

    /// A first sentence of some article, for captions and summaries.
    fn sentence(&mut self, max: usize) -> String {
        loop {
            let a = self.draw();
            if let Some(s) = a.paragraphs.first().and_then(|p| sentences(p).next())
                && s.chars().count() <= max
            {
                return s.to_string();
            }
        }
    }

    /// A full story of roughly `min..max` body characters.
    pub fn story(&mut self, rng: &mut Rng, min: usize, max: usize) -> Story {
        let (headline, lead) = self.titled(rng, 22);
        let title = (!rng.chance(0.08)).then_some(headline);
        let has_title = title.is_some();
        let kicker = (has_title && rng.chance(0.2)).then(|| {
            let k = self.title(rng, 18);
            if rng.chance(0.3) { format!("{k}——") } else { k }
        });
        let subtitle = (has_title && rng.chance(0.25)).then(|| match rng.below(3) {
            0 => format!("——{}", self.title(rng, 16)),
            1 => self.sentence(40).trim_end_matches('。').to_string(),
            _ => self.title(rng, 20),
        });
        let paragraphs = self.paragraphs(lead, rng, min, max);
        let (dateline, dateline_authors, byline) = self.credits(rng, false);
        Story { kicker, title, subtitle, byline, dateline, dateline_authors, paragraphs, photo: None }
    }

    /// A short item: a one-word kicker (a country, a county) over its
    /// title, one or two short paragraphs.
    pub fn brief(&mut self, rng: &mut Rng) -> Story {
        let kicker = match rng.below(3) {
            0 => Some(rng.pick(COUNTRIES).to_string()),
            1 => Some(format!("{}{}", place(rng), rng.pick(&["县", "市", "区", "镇"]))),
            _ => None,
        };
        let (headline, lead) = self.titled(rng, 14);
        let title = Some(headline);
        let paragraphs = self.paragraphs(lead, rng, 40, 160);
        let (dateline, dateline_authors, byline) = self.credits(rng, true);
        Story { kicker, title, subtitle: None, byline, dateline, dateline_authors, paragraphs, photo: None }
    }

    /// A photo caption, in one of the forms papers print.
    pub fn caption(&mut self, rng: &mut Rng) -> String {
        let s = self.sentence(60);
        match rng.below(5) {
            0 => format!("图为{s}"),
            1 => format!("{s}本报记者 {} 摄", person(rng)),
            2 => format!("{s}{}摄", person(rng)),
            3 => format!("图{}：{s}", rng.pick(&["①", "②", "③"])),
            _ => format!("{s}新华社发"),
        }
    }

    /// Dateline and byline of a story (never names in both).
    fn credits(&mut self, rng: &mut Rng, brief: bool) -> (Option<String>, Vec<String>, Option<Byline>) {
        let dateline_kind = rng.below(if brief { 4 } else { 7 });
        let (dateline, dateline_authors) = match dateline_kind {
            0 | 1 => (None, Vec::new()),
            2 => (Some("本报讯".to_string()), Vec::new()),
            3 => (Some(format!("{}网讯", place(rng))), Vec::new()),
            4 => {
                let a = person(rng);
                let b = person(rng);
                let (text, names) = match rng.below(3) {
                    0 => (format!("（记者 {a}）"), vec![a]),
                    1 => (format!("（记者 {a} 通讯员 {b}）"), vec![a, b]),
                    _ => (format!("(记者{a} 实习生{b})"), vec![a, b]),
                };
                (Some(format!("本报讯{text}")), names)
            }
            5 => {
                let a = person(rng);
                let b = person(rng);
                let date = format!("{}月{}日", rng.between(1, 12), rng.between(1, 28));
                let (inner, names) = if rng.chance(0.5) {
                    (format!("记者{a}"), vec![a])
                } else {
                    (format!("记者{a}、{b}"), vec![a, b])
                };
                let agency = rng.pick(&["本报", "新华社", "据新华社"]).to_string();
                (Some(format!("{agency}{}{date}电（{inner}）", place(rng))), names)
            }
            _ => {
                let date = format!("{}月{}日", rng.between(1, 12), rng.between(1, 28));
                (Some(format!("{}{}{date}电", rng.pick(&["本报", "新华社"]), place(rng))), Vec::new())
            }
        };
        let byline = if !dateline_authors.is_empty() || rng.chance(if brief { 0.5 } else { 0.2 }) {
            None
        } else {
            Some(byline(rng))
        };
        (dateline, dateline_authors, byline)
    }

    /// Page furniture: masthead, date, page number, section, editor lines.
    pub fn furniture(&mut self, rng: &mut Rng) -> Furniture {
        let page_no = if rng.chance(0.5) {
            format!("第{}版", rng.between(1, 24))
        } else {
            format!("{}{}{}", rng.pick(&["A", "B", "C"]), rng.between(1, 16), if rng.chance(0.5) { "版" } else { "" })
        };
        let section = rng.pick(SECTIONS).to_string();
        let mut editors = vec![format!("{}：{}", rng.pick(&["责任编辑", "责编", "本版编辑"]), person(rng))];
        if rng.chance(0.5) {
            editors.push(format!("美编：{}", person(rng)));
        }
        if rng.chance(0.5) {
            editors.push(format!("校对：{}", person(rng)));
        }
        let contact = match rng.below(3) {
            0 => Some(format!("本版邮箱：{}@example.cn", ascii_word(rng))),
            1 => Some(format!("新闻热线：0{}-{}", rng.between(510, 599), rng.between(10_000_000, 99_999_999))),
            _ => None,
        };
        Furniture {
            masthead: format!("{}{}", place(rng), rng.pick(PAPER_KINDS)),
            date: format!(
                "{}年{}月{}日 星期{}",
                rng.between(2005, 2026),
                rng.between(1, 12),
                rng.between(1, 28),
                rng.pick(WEEKDAYS)
            ),
            page_no,
            section,
            editors,
            contact,
        }
    }

    /// A running head or section name printed at a column top.
    pub fn running_head(&mut self, rng: &mut Rng) -> String {
        match rng.below(3) {
            0 => rng.pick(SECTIONS).to_string(),
            1 => format!("{}{}", rng.pick(SECTIONS), rng.pick(&["快讯", "视野", "新闻", "速递"])),
            _ => format!("{}·{}", rng.pick(SECTIONS), rng.pick(SECTIONS)),
        }
    }
}

/// The furniture of a page; all of it goes to `leftovers`.
#[derive(Debug, Clone)]
pub struct Furniture {
    pub masthead: String,
    pub date: String,
    pub page_no: String,
    pub section: String,
    pub editors: Vec<String>,
    pub contact: Option<String>,
}

/// A byline in one of the forms papers print, top or bottom.
fn byline(rng: &mut Rng) -> Byline {
    let a = person(rng);
    let b = person(rng);
    let c = person(rng);
    let at_end = rng.chance(0.4);
    let plain = |printed: String, authors: Vec<String>| Byline {
        text: printed.clone(),
        printed,
        authors,
        credit: None,
        at_end,
    };
    match rng.below(15) {
        0 => plain(format!("记者 {a} 通讯员 {b}"), vec![a, b]),
        1 => plain(format!("本报记者 {a}"), vec![a]),
        2 => plain(format!("本报记者 {a} {b}"), vec![a, b]),
        3 => plain(format!("新华社记者 {a} {b}"), vec![a, b]),
        4 => plain(format!("通讯员 {a} 记者 {b}"), vec![a, b]),
        5 => plain(format!("本报驻{}记者 {a}", rng.pick(COUNTRIES)), vec![a]),
        6 => plain(format!("见习记者 {a}"), vec![a]),
        7 => {
            // A commentary signed with a name alone, at the end.
            Byline { text: a.clone(), printed: a.clone(), authors: vec![a], credit: None, at_end: true }
        }
        8 => {
            let credit = rng.chance(0.4).then(|| rng.pick(&["文/摄", "文/图"]).to_string());
            let text = format!("全媒体记者 {a}");
            let mut printed = format!("▢ {text}");
            if let Some(c) = &credit {
                printed.push(' ');
                printed.push_str(c);
            }
            Byline { printed, text, authors: vec![a], credit, at_end: false }
        }
        9 => {
            // A photographers' credit after the text: names, then 摄.
            let names = if rng.chance(0.5) { vec![a, b] } else { vec![a, b, c] };
            let text = names.join(" ");
            Byline { printed: format!("{text} 摄"), text, authors: names, credit: Some("摄".into()), at_end: true }
        }
        10 => {
            // The same in parentheses: kept whole, as the parser keeps a
            // bracketed byline.
            let names = vec![a, b];
            let printed = format!("（{} 摄）", names.join(" "));
            Byline { text: printed.clone(), printed, authors: names, credit: None, at_end: true }
        }
        11 => plain(format!("本报赴{}特派记者 {a}", place(rng)), vec![a]),
        // Collective bylines name no one.
        12 => plain(format!("{}报道组", place(rng)), Vec::new()),
        13 => Byline {
            text: "本报评论员".into(),
            printed: "本报评论员".into(),
            authors: Vec::new(),
            credit: None,
            at_end,
        },
        _ => plain(format!("记者 {a} {b} 通讯员 {c}"), vec![a, b, c]),
    }
}

/// A Chinese name of two or three characters.
pub fn person(rng: &mut Rng) -> String {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut s = String::new();
    s.push(*rng.pick(&surnames));
    for _ in 0..rng.between(1, 2) {
        s.push(*rng.pick(&given));
    }
    s
}

/// An invented two-character place name.
pub fn place(rng: &mut Rng) -> String {
    let chars: Vec<char> = PLACE.chars().collect();
    (0..2).map(|_| *rng.pick(&chars)).collect()
}

fn ascii_word(rng: &mut Rng) -> String {
    (0..rng.between(4, 8)).map(|_| (b'a' + rng.below(26) as u8) as char).collect()
}

/// The sentences of a paragraph, each with its closing punctuation.
fn sentences(p: &str) -> impl Iterator<Item = &str> {
    p.split_inclusive(['。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_reproducible() {
        let make = || {
            let mut w = Writer::new(3);
            let mut rng = Rng::new(9);
            (0..5).map(|_| w.story(&mut rng, 200, 600).label()).collect::<Vec<_>>()
        };
        assert_eq!(make(), make());
    }

    #[test]
    fn body_length_stays_in_range_at_sentence_ends() {
        let mut w = Writer::new(1);
        let mut rng = Rng::new(2);
        for _ in 0..50 {
            let s = w.story(&mut rng, 150, 400);
            let n: usize = s.paragraphs.iter().map(|p| p.chars().count()).sum();
            assert!((20..=400).contains(&n), "{n}");
            assert!(s.paragraphs.iter().all(|p| !p.is_empty()));
        }
    }

    #[test]
    fn a_long_story_goes_on_about_its_own_topic() {
        let mut w = Writer::new(4);
        let mut rng = Rng::new(6);
        for _ in 0..20 {
            let lead = w.draw();
            let (own, topic) = (lead.paragraphs.len(), lead.topic.clone());
            let body = w.paragraphs(lead, &mut rng, 1500, 2000);
            let rest: String = body[own.min(body.len())..].concat();
            assert!(rest.chars().count() > 300, "the lead alone was long enough");
            assert!(topic.iter().any(|t| rest.contains(t.as_str())), "{topic:?} not in {rest}");
        }
    }

    #[test]
    fn a_byline_names_its_authors_unless_collective() {
        let mut rng = Rng::new(5);
        for _ in 0..200 {
            let b = byline(&mut rng);
            assert!(!b.authors.is_empty() || b.text.ends_with("报道组") || b.text == "本报评论员", "{b:?}");
            assert!(b.authors.iter().all(|a| b.text.contains(a.as_str())), "{b:?}");
            assert!(b.printed.contains(b.text.as_str()), "{b:?}");
        }
    }
}

//! A PDF's text layer: every glyph a page draws, with its Unicode text,
//! where its baseline starts, how far it advances, its type size and font,
//! read with `lopdf` by walking the content stream's text operators.
//!
//! Unicode comes from the font's `ToUnicode` map (one or two-byte codes;
//! Identity-H CID fonts are the common case in Chinese e-papers), else from
//! its simple encoding. A glyph whose code maps to nothing is counted,
//! not guessed.

use std::collections::HashMap;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::Limits;
use crate::Error;

/// One glyph drawn on a page, in page coordinates with y growing
/// downwards from the top of the page, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// What the glyph stands for (usually one character; a ligature more).
    pub text: String,
    /// The left end of its baseline.
    pub x: f32,
    /// The baseline, from the top of the page.
    pub y: f32,
    /// How far the pen moves after it (its width).
    pub advance: f32,
    /// The type size, in points.
    pub size: f32,
    /// The font it is drawn in, numbered per document.
    pub font: u32,
}

/// For tests of the passes after this one: a line of glyphs, one size
/// wide each, its baseline at `y`, in font 0.
#[cfg(test)]
pub fn glyph_line(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, c)| Glyph { text: c.to_string(), x: x + i as f32 * size, y, advance: size, size, font: 0 })
        .collect()
}

/// A thin box drawn on the page (top-down coordinates, `x0 <= x1`,
/// `y0 <= y1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        self.y1 - self.y0 <= RULE_THICKNESS && self.x1 - self.x0 >= RULE_LENGTH
    }
    pub fn is_vertical(&self) -> bool {
        self.x1 - self.x0 <= RULE_THICKNESS && self.y1 - self.y0 >= RULE_LENGTH
    }
    /// A box's four sides as lines (a line stays itself).
    fn sides(self) -> Vec<Rule> {
        let Rule { x0, y0, x1, y1 } = self;
        if x1 - x0 <= RULE_THICKNESS || y1 - y0 <= RULE_THICKNESS {
            return vec![self];
        }
        vec![
            Rule { x0, y0, x1, y1: y0 },
            Rule { x0, y0: y1, x1, y1 },
            Rule { x0, y0, x1: x0, y1 },
            Rule { x0: x1, y0, x1, y1 },
        ]
    }

    /// Wide and tall: an area, not a line.
    pub fn is_box(&self) -> bool {
        self.x1 - self.x0 >= RULE_LENGTH && self.y1 - self.y0 >= RULE_LENGTH
    }
}

/// A rule is at most this thick, and at least this long (points).
const RULE_THICKNESS: f32 = 3.0;
const RULE_LENGTH: f32 = 20.0;
/// Rules kept on one page (more is no newspaper).
const MAX_RULES: usize = 100_000;

/// The glyphs of one page.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub glyphs: Vec<Glyph>,
    /// Thin lines and boxes drawn (the rules between stories), as boxes.
    pub rules: Vec<Rule>,
    /// Areas filled in a colour other than white, larger than a rule (a
    /// photo, a tinted panel).
    pub boxes: Vec<Rule>,
    /// Glyphs drawn whose font does not say what they are.
    pub unmapped: usize,
}

/// What a PDF draws: its pages' glyphs.
#[derive(Debug, Default)]
pub struct Drawn {
    pub sheets: Vec<Sheet>,
    /// The file's cross-reference table was rebuilt by scanning it: it is
    /// truncated or damaged, and what is left of it may be little.
    pub repaired: bool,
}

/// Reads every page's glyphs.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Drawn, Error> {
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.stream_bytes), ..Default::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| load_error(&e))?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::PdfLocked);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Error::PdfUnreadable { reason: "it has no pages (the file may be truncated or damaged)" });
    }
    if pages.len() > limits.pages {
        return Err(Error::PdfTooLarge { what: "pages", limit: limits.pages });
    }
    let mut fonts = Fonts::default();
    let mut budget = Budget { bytes: limits.content_bytes, operations: limits.operations };
    let mut sheets = Vec::with_capacity(pages.len());
    for &page_id in pages.values() {
        sheets.push(read_page(&doc, page_id, &mut fonts, &mut budget, limits)?);
    }
    Ok(Drawn { sheets, repaired: doc.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) })
}

/// lopdf's error, as the reason a PDF cannot be read.
fn load_error(e: &lopdf::Error) -> Error {
    use lopdf::Error as E;
    match e {
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            Error::PdfTooLarge { what: "bytes in one stream", limit: 0 }
        }
        E::Parse(lopdf::ParseError::InvalidFileHeader) => {
            Error::PdfUnreadable { reason: "it does not start like a PDF" }
        }
        _ => Error::PdfUnreadable { reason: "the file is truncated or damaged" },
    }
}

/// What a document may still cost, summed over its pages.
struct Budget {
    bytes: usize,
    operations: usize,
}

/// The state the text operators change (PDF 32000, 9.3).
#[derive(Clone, Copy)]
struct TextState {
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    size: f32,
    font: Option<usize>,
}

impl Default for TextState {
    fn default() -> Self {
        TextState { char_spacing: 0.0, word_spacing: 0.0, scale: 1.0, leading: 0.0, rise: 0.0, size: 0.0, font: None }
    }
}

/// An affine matrix `[a b c d e f]`, row-vector convention as in PDF.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let n = numbers::<6>(ops)?;
        Some(Matrix(n))
    }
}

/// The first `N` operands as numbers.
fn numbers<const N: usize>(ops: &[Object]) -> Option<[f32; N]> {
    let mut out = [0.0; N];
    for (slot, op) in out.iter_mut().zip(ops) {
        *slot = op.as_float().ok()?;
    }
    (ops.len() >= N && out.iter().all(|v| v.is_finite())).then_some(out)
}

/// A font as the walker needs it.
struct Font<'a> {
    /// Two-byte codes (a composite font); else one byte.
    two_byte: bool,
    /// Glyph widths in thousandths of the size, by code.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph space to text space (0.001 but for Type 3 fonts).
    scale: f32,
    unicode: Option<Encoding<'a>>,
    id: u32,
}

/// The fonts read so far, by their object (or by page and name when
/// written inline).
#[derive(Default)]
struct Fonts<'a> {
    list: Vec<Font<'a>>,
    by_object: HashMap<ObjectId, usize>,
}

impl<'a> Fonts<'a> {
    fn get(&mut self, doc: &'a Document, object: Option<ObjectId>, dict: &'a Dictionary) -> usize {
        if let Some(id) = object
            && let Some(&i) = self.by_object.get(&id)
        {
            return i;
        }
        let font = read_font(doc, dict, self.list.len() as u32);
        self.list.push(font);
        let i = self.list.len() - 1;
        if let Some(id) = object {
            self.by_object.insert(id, i);
        }
        i
    }
}

fn read_font<'a>(doc: &'a Document, dict: &'a Dictionary, id: u32) -> Font<'a> {
    let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
    let two_byte = subtype == b"Type0";
    let mut widths = HashMap::new();
    let mut default_width = if two_byte { 1000.0 } else { 0.0 };
    let mut scale = 0.001;
    if two_byte {
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(cid) = descendant {
            if let Ok(dw) = cid.get_deref(b"DW", doc).and_then(Object::as_float) {
                default_width = dw;
            }
            if let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) {
                read_cid_widths(doc, w, &mut widths);
            }
        }
    } else {
        let first = dict.get_deref(b"FirstChar", doc).and_then(Object::as_i64).unwrap_or(0);
        if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
            for (i, o) in w.iter().enumerate().take(256) {
                if let Ok(v) = doc.dereference(o).and_then(|(_, o)| o.as_float()) {
                    widths.insert((first.clamp(0, 255) as u32).saturating_add(i as u32), v);
                }
            }
        }
        if subtype == b"Type3"
            && let Ok(m) = dict.get_deref(b"FontMatrix", doc).and_then(Object::as_array)
            && let Some(m) = numbers::<6>(m)
            && m[0] != 0.0
        {
            scale = m[0].abs();
        }
    }
    Font { two_byte, widths, default_width, scale, unicode: unicode_of(doc, dict, two_byte), id }
}

/// The font's map to Unicode: its `ToUnicode` map first, else the simple
/// encoding it names (a composite font has none then).
fn unicode_of<'a>(doc: &'a Document, dict: &'a Dictionary, two_byte: bool) -> Option<Encoding<'a>> {
    if dict.get_deref(b"ToUnicode", doc).and_then(Object::as_stream).is_ok() {
        // lopdf reads `ToUnicode` itself only when `Encoding` is absent
        // or Identity; ask it with the encoding left out.
        let mut only_map = Dictionary::new();
        for (k, v) in dict.iter() {
            if k != b"Encoding" {
                only_map.set(k.clone(), v.clone());
            }
        }
        // The map borrows nothing from the dictionary it was read from.
        if let Some(map) = only_map.get_font_encoding(doc).ok().and_then(owned) {
            return Some(map);
        }
    }
    if two_byte {
        return match dict.get_font_encoding(doc) {
            Ok(e @ Encoding::SimpleEncoding(b"UniGB-UCS2-H" | b"UniGB-UTF16-H")) => Some(e),
            _ => None,
        };
    }
    dict.get_font_encoding(doc).ok()
}

/// A `ToUnicode` encoding no longer tied to the dictionary it came from.
fn owned<'a>(e: Encoding<'_>) -> Option<Encoding<'a>> {
    match e {
        Encoding::UnicodeMapEncoding(map) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

/// `/W [c [w1 w2 …] c_first c_last w …]`.
fn read_cid_widths(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f32>) {
    let num = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok());
    let mut i = 0;
    while i < w.len() {
        let Some(first) = num(&w[i]) else { return };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, o) in list.iter().enumerate().take(65536) {
                    if let Some(v) = num(o) {
                        widths.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(Ok(o)) => {
                let (Some(last), Some(v)) = (num(o), w.get(i + 2).and_then(num)) else { return };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65535));
                for c in first..=last {
                    widths.insert(c, v);
                }
                i += 3;
            }
            _ => return,
        }
    }
}

impl Font<'_> {
    fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }

    /// The text of one code, `None` when the font does not say.
    fn text(&self, code: u32, len: u8) -> Option<String> {
        match self.unicode.as_ref()? {
            Encoding::UnicodeMapEncoding(map) => {
                let units = map.get(code, len)?;
                let s = String::from_utf16_lossy(&units);
                (!s.is_empty() && s != "\u{FFFD}").then_some(s)
            }
            e => {
                let bytes = if len == 2 { vec![(code >> 8) as u8, code as u8] } else { vec![code as u8] };
                e.bytes_to_string(&bytes).ok().filter(|s| !s.is_empty())
            }
        }
    }
}

/// Where the walk is: graphics and text state, matrices.
struct Walk<'a, 'f> {
    doc: &'a Document,
    fonts: &'f mut Fonts<'a>,
    ctm: Matrix,
    stack: Vec<(Matrix, TextState, bool)>,
    state: TextState,
    /// The fill colour is white (what a page's background is painted in).
    white: bool,
    tm: Matrix,
    line: Matrix,
    sheet: Sheet,
    top: f32,
    left: f32,
    /// The path being built: boxes in page coordinates, and the current
    /// point of a line.
    path: Vec<Rule>,
    point: Option<(f32, f32)>,
}

fn read_page<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    fonts: &mut Fonts<'a>,
    budget: &mut Budget,
    limits: &Limits,
) -> Result<Sheet, Error> {
    let [x0, y0, x1, y1] = media_box(doc, page_id).unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let content = doc.get_page_content_with_limit(page_id, budget.bytes.min(limits.stream_bytes)).map_err(|_| {
        Error::PdfTooLarge { what: "bytes of page content", limit: limits.content_bytes.min(limits.stream_bytes) }
    })?;
    budget.bytes = budget.bytes.saturating_sub(content.len());
    let resources = page_resources(doc, page_id);
    let mut walk = Walk {
        doc,
        fonts,
        ctm: Matrix::IDENTITY,
        stack: Vec::new(),
        state: TextState::default(),
        white: false,
        tm: Matrix::IDENTITY,
        line: Matrix::IDENTITY,
        sheet: Sheet::default(),
        top: y0.max(y1),
        left: x0.min(x1),
        path: Vec::new(),
        point: None,
    };
    walk.run(&content, &resources, 0, budget, limits)?;
    Ok(walk.sheet)
}

fn media_box(doc: &Document, page_id: ObjectId) -> Option<[f32; 4]> {
    let mut id = page_id;
    for _ in 0..32 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(b) = dict.get_deref(b"MediaBox", doc).and_then(Object::as_array) {
            return numbers::<4>(b);
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

/// The page's resource dictionaries, nearest first.
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((inline, ids)) = doc.get_page_resources(page_id) else { return Vec::new() };
    inline.into_iter().chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok())).collect()
}

/// A named resource of a kind (`Font`, `XObject`), with its object id.
fn resource<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    kind: &[u8],
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a Object)> {
    resources.iter().find_map(|r| {
        let group = r.get_deref(kind, doc).and_then(Object::as_dict).ok()?;
        let o = group.get(name).ok()?;
        doc.dereference(o).ok()
    })
}

const MAX_FORM_DEPTH: usize = 8;

impl<'a> Walk<'a, '_> {
    fn run(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        depth: usize,
        budget: &mut Budget,
        limits: &Limits,
    ) -> Result<(), Error> {
        // A damaged stream gives the operations before the damage.
        for op in Content::decode_iter(content) {
            let Ok(op) = op else { break };
            if budget.operations == 0 {
                return Err(Error::PdfTooLarge { what: "drawing operations", limit: limits.operations });
            }
            budget.operations -= 1;
            if self.sheet.glyphs.len() >= limits.glyphs_per_page {
                return Err(Error::PdfTooLarge { what: "characters on a page", limit: limits.glyphs_per_page });
            }
            self.operation(&op, resources, depth, budget, limits)?;
        }
        Ok(())
    }

    fn operation(
        &mut self,
        op: &Operation,
        resources: &[&'a Dictionary],
        depth: usize,
        budget: &mut Budget,
        limits: &Limits,
    ) -> Result<(), Error> {
        let o = op.operands.as_slice();
        match op.operator.as_str() {
            "q" if self.stack.len() < 256 => self.stack.push((self.ctm, self.state, self.white)),
            "Q" => {
                if let Some((ctm, state, white)) = self.stack.pop() {
                    self.ctm = ctm;
                    self.state = state;
                    self.white = white;
                }
            }
            "g" | "rg" | "k" | "sc" | "scn" => {
                let v: Vec<f32> = o.iter().filter_map(|v| v.as_float().ok()).collect();
                self.white = match (op.operator.as_str(), v.as_slice()) {
                    ("k", [c, m, y, k]) => c.max(*m).max(*y).max(*k) <= 0.01,
                    ("k", _) => false,
                    (_, v) => !v.is_empty() && v.iter().all(|&c| c >= 0.99),
                };
            }
            "cm" => {
                if let Some(m) = Matrix::from_operands(o) {
                    self.ctm = m.then(self.ctm);
                }
            }
            "re" => {
                if let Some([x, y, w, h]) = numbers::<4>(o) {
                    let a = self.to_page(x, y);
                    let b = self.to_page(x + w, y + h);
                    self.push_box(a, b);
                }
            }
            "m" => self.point = numbers::<2>(o).map(|[x, y]| self.to_page(x, y)),
            "l" => {
                if let Some([x, y]) = numbers::<2>(o) {
                    let b = self.to_page(x, y);
                    if let Some(a) = self.point {
                        self.push_box(a, b);
                    }
                    self.point = Some(b);
                }
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                let mut rules = std::mem::take(&mut self.path);
                let operator = op.operator.as_str();
                if operator != "S" && operator != "s" && !self.white && self.sheet.boxes.len() < MAX_RULES {
                    self.sheet.boxes.extend(rules.iter().filter(|r| r.is_box()));
                }
                if !matches!(operator, "f" | "F" | "f*") {
                    // A stroked box is drawn as its four sides.
                    rules = rules.into_iter().flat_map(Rule::sides).collect();
                }
                if self.sheet.rules.len() < MAX_RULES {
                    self.sheet.rules.extend(rules.into_iter().filter(|r| r.is_horizontal() || r.is_vertical()));
                }
                self.point = None;
            }
            "n" => {
                self.path.clear();
                self.point = None;
            }
            "BT" => {
                self.tm = Matrix::IDENTITY;
                self.line = Matrix::IDENTITY;
            }
            "Tf" => {
                if let (Some(name), Some([size])) =
                    (o.first().and_then(|n| n.as_name().ok()), o.get(1..).and_then(numbers::<1>))
                {
                    self.state.size = size;
                    self.state.font = resource(self.doc, resources, b"Font", name)
                        .and_then(|(id, f)| f.as_dict().ok().map(|d| self.fonts.get(self.doc, id, d)));
                }
            }
            "Tc" => self.set(o, |s, v| s.char_spacing = v),
            "Tw" => self.set(o, |s, v| s.word_spacing = v),
            "Tz" => self.set(o, |s, v| s.scale = v / 100.0),
            "TL" => self.set(o, |s, v| s.leading = v),
            "Ts" => self.set(o, |s, v| s.rise = v),
            "Td" => {
                if let Some([x, y]) = numbers::<2>(o) {
                    self.next_line(x, y);
                }
            }
            "TD" => {
                if let Some([x, y]) = numbers::<2>(o) {
                    self.state.leading = -y;
                    self.next_line(x, y);
                }
            }
            "Tm" => {
                if let Some(m) = Matrix::from_operands(o) {
                    self.tm = m;
                    self.line = m;
                }
            }
            "T*" => self.next_line(0.0, -self.state.leading),
            "Tj" => {
                if let Some(s) = o.first().and_then(|s| s.as_str().ok()) {
                    self.show(s);
                }
            }
            "'" => {
                self.next_line(0.0, -self.state.leading);
                if let Some(s) = o.first().and_then(|s| s.as_str().ok()) {
                    self.show(s);
                }
            }
            "\"" => {
                if let Some([w, c]) = numbers::<2>(o) {
                    self.state.word_spacing = w;
                    self.state.char_spacing = c;
                }
                self.next_line(0.0, -self.state.leading);
                if let Some(s) = o.get(2).and_then(|s| s.as_str().ok()) {
                    self.show(s);
                }
            }
            "TJ" => {
                if let Some(items) = o.first().and_then(|a| a.as_array().ok()) {
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s),
                            n => {
                                if let Ok(n) = n.as_float() {
                                    let tx = -n / 1000.0 * self.state.size * self.state.scale;
                                    if tx.is_finite() {
                                        self.tm = Matrix::translate(tx, 0.0).then(self.tm);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            "Do" if depth < MAX_FORM_DEPTH => {
                if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                    self.form(name, resources, depth, budget, limits)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A point of user space on the page (top-down).
    fn to_page(&self, x: f32, y: f32) -> (f32, f32) {
        let p = Matrix::translate(x, y).then(self.ctm).0;
        (p[4] - self.left, self.top - p[5])
    }

    fn push_box(&mut self, (ax, ay): (f32, f32), (bx, by): (f32, f32)) {
        let r = Rule { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by) };
        if [r.x0, r.y0, r.x1, r.y1].iter().all(|v| v.is_finite()) && self.path.len() < 4096 {
            self.path.push(r);
        }
    }

    fn set(&mut self, o: &[Object], f: impl FnOnce(&mut TextState, f32)) {
        if let Some([v]) = numbers::<1>(o) {
            f(&mut self.state, v);
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.line = Matrix::translate(x, y).then(self.line);
        self.tm = self.line;
    }

    /// Draws a string: one glyph a code.
    fn show(&mut self, bytes: &[u8]) {
        let Some(fi) = self.state.font else { return };
        let font = &self.fonts.list[fi];
        let st = self.state;
        let step = if font.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let (code, len) = match *chunk {
                [hi, lo] => (u32::from(hi) << 8 | u32::from(lo), 2),
                [b] => (u32::from(b), 1),
                _ => continue,
            };
            let m = Matrix([st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise]).then(self.tm).then(self.ctm);
            let device = self.tm.then(self.ctm);
            let size = st.size * device.0[2].hypot(device.0[3]) * font.scale * 1000.0;
            let w0 = font.width(code) * font.scale;
            let space = len == 1 && code == 32;
            let tx = (w0 * st.size + st.char_spacing + if space { st.word_spacing } else { 0.0 }) * st.scale;
            let advance = tx * device.0[0].hypot(device.0[1]);
            match font.text(code, len) {
                Some(text) => {
                    let (x, y) = (m.0[4] - self.left, self.top - m.0[5]);
                    if x.is_finite() && y.is_finite() && size.is_finite() && advance.is_finite() {
                        self.sheet.glyphs.push(Glyph { text, x, y, advance, size: size.abs(), font: font.id });
                    }
                }
                None => self.sheet.unmapped += 1,
            }
            if tx.is_finite() {
                self.tm = Matrix::translate(tx, 0.0).then(self.tm);
            }
        }
    }

    /// Draws a form XObject (`Do`): its content with its own matrix and
    /// resources.
    fn form(
        &mut self,
        name: &[u8],
        resources: &[&'a Dictionary],
        depth: usize,
        budget: &mut Budget,
        limits: &Limits,
    ) -> Result<(), Error> {
        let doc = self.doc;
        let Some((_, Object::Stream(stream))) = resource(doc, resources, b"XObject", name) else { return Ok(()) };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        let content = stream.decompressed_content_with_limit(budget.bytes.min(limits.stream_bytes)).map_err(|_| {
            Error::PdfTooLarge { what: "bytes of page content", limit: limits.content_bytes.min(limits.stream_bytes) }
        })?;
        budget.bytes = budget.bytes.saturating_sub(content.len());
        let mut inner: Vec<&Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Ok(r) = stream.dict.get_deref(b"Resources", doc).and_then(Object::as_dict) {
            inner.push(r);
        }
        inner.extend_from_slice(resources);
        let saved = (self.ctm, self.state, self.tm, self.line, self.stack.len());
        if let Some(m) = stream
            .dict
            .get_deref(b"Matrix", doc)
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|m| Matrix::from_operands(m))
        {
            self.ctm = m.then(self.ctm);
        }
        let result = self.run(&content, &inner, depth + 1, budget, limits);
        (self.ctm, self.state, self.tm, self.line) = (saved.0, saved.1, saved.2, saved.3);
        self.stack.truncate(saved.4);
        result
    }
}

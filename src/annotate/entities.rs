//! Entities: the people, places and organisations of a text, from its
//! tagged words and the words around them.
//!
//! The dictionary's tags come first: its places (`ns`) and organisations
//! (`nt`) can be trusted, because the build lists them and retags jieba's
//! doubtful ones (see `words::places`); its people (`nr`) cannot (`文明`,
//! `关怀` are people there), so a person is a learned name, a famous one
//! (`nrfg`), a full Chinese name, or a transliterated one. Then rules over
//! the words around:
//!
//! - **organisations** grow from a head word (`委员会`, `局`, `公司`, `队`…)
//!   over the proper and common nouns before it (`美国` `财政部`,
//!   `海口市` `中级` `人民法院`); the places inside are part of it;
//! - **places** named by one character (`中美关系`, `访华`, `中方`,
//!   `俄总统`) and places before a word that is not part of their name
//!   (`东北地区`, `中国政府`, `荷兰人`);
//! - **people** named by surname and title (`李先生`, `老王`), two-character
//!   names in context (`彭真同志`), transliterated names (`克林顿`), the
//!   parts of a foreign name joined by `·`; a title or a verb the HMM
//!   joined to a name is left out (`钱海说` gives `钱海`).

use crate::text::is_han;
use crate::words::{
    AFTER_NAME, EntityKind, PERSON_BEFORE, Segmenter, TITLES, Tag, Token, name_shaped, places::PLACE_ENDINGS,
    transliterated,
};

/// An entity where it stands in a text: character and byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub start: u32,
    pub end: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub kind: EntityKind,
}

/// The kind of entity a word is by its tag alone (see the module
/// documentation); `learned` is a name learned from the page.
pub(super) fn entity_kind(word: &str, tag: Tag, learned: bool) -> Option<EntityKind> {
    let kind = tag.entity()?;
    let n = word.chars().count();
    if n < 2 || !word.chars().all(|c| is_han(c) || c == '·') {
        return None;
    }
    if learned {
        return Some(kind);
    }
    if kind == EntityKind::Person && !could_be_a_person(word) {
        return None;
    }
    let ok = match (kind, tag.name()) {
        (EntityKind::Person, "nrfg") => true,
        // jieba's transliterated names: all but one character of
        // transliteration (`卡斯托夫`, `费尔莫达斯`).
        (EntityKind::Person, "nrt") if n >= 3 => {
            word.chars().filter(|&c| !crate::words::is_transliteration(c)).count() <= 1
        }
        (EntityKind::Person, _) => n >= 3 && (name_shaped(word) || transliterated(word)),
        (EntityKind::Place, _) => true,
        (EntityKind::Organization, _) => true,
    };
    ok.then_some(kind)
}

/// Head words of organisations, as a word ends: any word ending so.
const HEADS: &[&str] = &[
    "委员会",
    "理事会",
    "董事会",
    "基金会",
    "联合会",
    "协会",
    "学会",
    "研究会",
    "促进会",
    "商会",
    "工会",
    "议会",
    "集团",
    "公司",
    "银行",
    "法院",
    "法庭",
    "检察院",
    "医院",
    "学校",
    "大学",
    "学院",
    "中学",
    "小学",
    "中心",
    "联盟",
    "组织",
    "舰队",
    "军区",
    "研究所",
    "派出所",
    "事务所",
    "办事处",
    "管理处",
    "办公室",
    "报社",
    "出版社",
    "通讯社",
    "杂志社",
    "代表团",
    "女队",
    "男队",
    "球队",
    "俱乐部",
    "政协",
    "人大",
    "党委",
    "小组",
    "乐团",
    "剧团",
    "女篮",
    "男篮",
    "女足",
    "男足",
    "女排",
    "男排",
    "海军",
    "空军",
    "陆军",
    "分会",
    "总会",
    "党组",
    "支部",
    "电视台",
    "电台",
    "气象台",
    "研究室",
    "工作组",
    "论坛",
    "编队",
    "研究院",
    "设计院",
    "科学院",
    "联合体",
    "共同体",
    "国民党",
    "共产党",
    "工党",
    "组委会",
    "筹委会",
    "常委会",
    "立法会",
    "公会",
];

/// Head words of buildings and places made by people, named like
/// organisations (`浦东体育馆`, `里斯本机场`, `南京图书大厦`): places.
const FACILITIES: &[&str] = &[
    "大会堂",
    "体育馆",
    "博物馆",
    "美术馆",
    "纪念馆",
    "展览馆",
    "图书馆",
    "艺术馆",
    "文学馆",
    "档案馆",
    "科技馆",
    "大厦",
    "体育场",
    "广场",
    "机场",
    "火车站",
    "车站",
    "公园",
    "植物园",
    "动物园",
    "大桥",
    "大剧院",
    "林场",
];

/// Head words of one character: a word of three or more ending so
/// (`财政部`, `公安局`), or the character alone after a name (`智利` `队`).
const SHORT_HEADS: &[char] =
    &['委', '局', '厅', '办', '署', '部', '院', '社', '队', '团', '党', '军', '厂', '行', '报', '司', '处', '所'];

/// Words that end like a head but are not organisations.
const NOT_HEADS: &[&str] = &[
    "全部",
    "内部",
    "外部",
    "局部",
    "干部",
    "总部",
    "本部",
    "部分",
    "大会",
    "晚会",
    "集会",
    "全会",
    "机会",
    "社会",
    "都会",
    "学会",
    "工作组",
    "人民",
    "军队",
    "大军",
    "友军",
    "进行",
    "银行卡",
    "旅行",
    "运行",
    "执行",
    "发行",
    "银行业",
    "同行",
    "报道",
    "情报",
    "简报",
    "海报",
    "画报",
    "电报",
    "喜报",
    "捷报",
    "公报",
    "举报",
    "汇报",
    "预报",
    "警报",
    "回报",
    "申报",
    "通报",
    "日报",
    "晚报",
    "年报",
    "结合部",
    "接合部",
    "部长",
    "院长",
    "团长",
    "队长",
    "局长",
    "厂长",
];

/// Words that end like a head but are not organisations, as a word ends
/// (`新格局`, `机关干部`).
const NOT_HEAD_ENDINGS: &[&str] = &[
    "干部",
    "格局",
    "布局",
    "结局",
    "大局",
    "全局",
    "时局",
    "政局",
    "骗局",
    "残局",
    "僵局",
    "开局",
    "出局",
    "定局",
    "变局",
    "棋局",
    "饭局",
    "当局",
    "南部",
    "北部",
    "东部",
    "西部",
    "中部",
    "腹部",
    "头部",
    "胸部",
    "背部",
    "面部",
    "官司",
    "之处",
    "到处",
    "好处",
    "坏处",
    "益处",
    "用处",
    "难处",
    "短处",
    "长处",
    "交界处",
    "交汇处",
    "结合处",
    "入口处",
    "出口处",
    "深处",
    "远处",
    "近处",
    "高处",
    "低处",
    "住处",
    "去处",
    "出处",
    "各处",
    "此处",
    "何处",
    "别处",
    "飞行",
    "航行",
    "游行",
    "举行",
    "实行",
    "推行",
    "流行",
    "履行",
    "施行",
];

/// Tags of words that can stand before a head word in an organisation's name.
fn modifier(tag: Tag) -> bool {
    const MODIFIERS: crate::words::TagSet =
        crate::words::TagSet::of(&["ns", "nt", "nz", "j", "n", "nrt", "nr", "b", "an", "eng", "l", "x"]);
    tag.is_any(&MODIFIERS)
}

/// Tags of common nouns, after which a verb may stand inside a name.
const NOUNS: crate::words::TagSet = crate::words::TagSet::of(&["n", "vn"]);

/// Tags of verbs that may stand inside an organisation's name.
const VERBS: crate::words::TagSet = crate::words::TagSet::of(&["v", "vn"]);

/// Tags of a one-character country or province that starts a name
/// (`柬` `宪法` `委员会`).
const ONE_PLACE: crate::words::TagSet = crate::words::TagSet::of(&["ns", "j"]);

/// Common words that start names of organisations.
const ORGANIZATION_STARTS: &[&str] =
    &["国家", "中央", "全国", "国际", "世界", "人民", "最高", "联合", "中华", "自治区"];

/// Tags of words that make a name of what they stand before.
fn proper(tag: Tag) -> bool {
    const PROPER: crate::words::TagSet = crate::words::TagSet::of(&["ns", "nt", "nz", "j", "nrt", "nr", "eng", "x"]);
    tag.is_any(&PROPER)
}

/// Common words that never stand inside an organisation's name.
const NOT_MODIFIERS: &[&str] = &[
    "会议",
    "问题",
    "两国",
    "各国",
    "双方",
    "方面",
    "情况",
    "今年",
    "去年",
    "目前",
    "记者",
    "本报",
    "全体",
    "广大",
    "有关",
    "相关",
    "人们",
    "群众",
    "同志",
    "时候",
    "期间",
    "以来",
    "活动",
    "这个",
    "一个",
    "领导",
    "主要",
    "重要",
    "日电",
    "本报讯",
    "讯",
];

/// Verbs of a match between teams: never inside an organisation's name
/// (`里昂` `战胜` `秘鲁队`).
const MATCH_VERBS: &[&str] = &["战胜", "击败", "负于", "战平", "逼平", "对阵", "迎战", "力克", "不敌", "输给", "胜"];

/// Units named by one character before a head word (`站` `党委`, `市` `教委`).
const UNITS: &str = "省市县区乡镇村站厂厅局校院所团部处科社";

/// The last characters of the titles a word may end with (`…长`,
/// `…书记`, `…主任`, `…委`, `…总裁`, `…经理`).
const TITLE_LAST_CHARS: [char; 6] = ['长', '记', '任', '委', '裁', '理'];

/// Titles after an organisation's name in one word (`司法部长`, `市委书记`).
/// A title whose first character repeats the head's (`银行行长`,
/// `日报社社长`) is left out whole.
const TITLE_ENDINGS: &[&str] = &[
    "长",
    "行长",
    "社长",
    "会长",
    "院长",
    "局长",
    "厅长",
    "校长",
    "团长",
    "队长",
    "所长",
    "处长",
    "书记",
    "副书记",
    "主任",
    "副主任",
    "常委",
    "总裁",
    "副总裁",
    "总经理",
    "副总经理",
    "董事长",
];

/// Single characters that abbreviate a country or a Chinese province or
/// city in compounds (`中美`, `京津`, `川藏`).
const ABBREVIATIONS: &str = "中华美日英法德俄意印巴以韩朝越泰菲澳加墨葡西荷比希土埃叙伊沙阿欧亚非拉港台京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘青宁新蒙黄淮江罗哈古";

/// Those that stand alone for their country or city after a verb of going
/// (`访华`, `赴美`, `在京`) or before a word of state (`俄总统`).
const ALONE: &str = "华美日英法德俄意印巴以韩朝越泰菲澳墨葡荷希埃叙伊欧京沪港台藏罗";

/// Single characters that stand for a country in pairs (`中美`, `日俄`,
/// `印巴`): a pair of them that jieba does not join into a word of its own
/// names two countries.
const COUNTRIES: &str = "中美日英法德俄意印巴以韩朝越泰菲澳墨葡荷希埃叙伊欧非阿";

/// Pairs of those characters that are ordinary words (`中意`, `美德`).
const NOT_PAIRS: &[&str] =
    &["中意", "以德", "以法", "美德", "美意", "韩非", "阿美", "非法", "朝日", "法意", "意中", "中阿"];

/// Words after a verb of going and a country's character that make the
/// character a place (`驻华使馆`, `来华访问`).
const AFTER_GOING: &[&str] = &[
    "使馆",
    "大使",
    "大使馆",
    "使节",
    "访问",
    "期间",
    "留学",
    "投资",
    "旅游",
    "工作",
    "演出",
    "考察",
    "参观",
    "访问团",
    "办事处",
    "机构",
    "代表",
    "代表处",
    "记者",
    "企业",
    "人员",
];

/// Words after a person's name in a word jieba lists whole (`邓小平理论`,
/// `马克思主义`, `毛泽东思想`).
const AFTER_PERSON_IN_WORD: &[&str] = &["理论", "思想", "主义", "诞辰", "故居", "旧居", "著作", "文选", "选集"];

/// Words after a pair of abbreviations that make it two places (`中美` `关系`).
const RELATIONS: &[&str] = &[
    "两国", "双方", "关系", "之间", "首脑", "边界", "合作", "友好", "建交", "谈判", "会谈", "贸易", "经济", "高层",
    "和约", "两", "三国", "联合", "外长", "峰会", "核", "等地", "地区", "战争", "冲突", "边境", "对话", "协议",
];

/// Verbs of going and prepositions before a one-character place (`访华`).
const GOING: &[char] =
    &['访', '来', '驻', '对', '在', '离', '进', '赴', '抵', '返', '援', '旅', '留', '侵', '抗', '亲', '反', '助', '入'];

/// Words after a one-character place that make it one (`俄总统`, `美军`).
const STATE_AFTER: &[&str] = &[
    "总统",
    "总理",
    "首相",
    "政府",
    "外长",
    "军",
    "军队",
    "方面",
    "国内",
    "全国",
    "首脑",
    "领导人",
    "大使",
    "议会",
    "议长",
    "当局",
    "官员",
    "代表团",
    "货币",
    "股市",
    "南部",
    "北部",
    "东部",
    "西部",
    "中部",
    "人",
    "胞",
];

/// Words that start with a place's one-character name (`美军`, `港人`).
/// A word that starts with one of them (`奥运会`, `京剧团`) starts with the place too.
const LED_BY_PLACE: &[&str] = &[
    "港人",
    "藏胞",
    "藏区",
    "美军",
    "日军",
    "日寇",
    "俄军",
    "英军",
    "台胞",
    "港澳台",
    "京剧",
    "京戏",
    "川剧",
    "川戏",
    "粤剧",
    "豫剧",
    "沪剧",
    "晋剧",
    "湘剧",
    "闽剧",
    "赣剧",
    "黔剧",
    "滇剧",
    "奥运",
    "亚运",
    "中医",
    "中药",
    "华侨",
    "华裔",
    "台资",
    "港资",
    "台商",
    "港商",
];

/// Pairs of one-character places that name two regions together
/// (`青藏` is 青海 and 西藏, `江淮` the Yangtze and the Huai), alone or
/// before a word of land or a part of it (`青藏高原`, `黄淮北部`).
const REGION_PAIRS: &[&str] = &["青藏", "黄淮", "江淮", "江浙", "京津", "川藏", "滇藏", "川陕", "陕甘", "闽粤", "湘鄂"];

/// Words after such a pair that keep it two places.
const REGION_PAIR_AFTER: &[&str] = &[
    "",
    "高原",
    "平原",
    "地区",
    "一带",
    "北部",
    "南部",
    "东部",
    "西部",
    "中部",
    "中南部",
    "东南部",
    "西南部",
    "东北部",
    "西北部",
];

/// Words after a place that are not part of its name (`东北地区`, `荷兰人`).
const AFTER_PLACE: &[&str] = &[
    "政府", "地区", "一带", "境内", "全境", "各地", "人民", "当局", "国内", "方面", "各国", "市场", "经济", "关系",
    "军队", "政局", "流域", "全国", "人", "籍", "队", "方", "省内", "市内", "县内", "境外", "大地", "城区", "民族",
    "克朗", "马克", "卢比", "卢布", "法郎", "比索", "里拉", "先令", "总统", "总理", "首相", "外长", "国王", "女王",
    "大使", "族", "战争", "山水",
];

/// Titles and forms of address after a surname (`李先生`, `王总`).
const HONORIFICS: &[&str] = &[
    "先生",
    "女士",
    "小姐",
    "老师",
    "师傅",
    "同志",
    "教授",
    "老",
    "总",
    "外长",
    "大使",
    "总统",
    "总理",
    "书记",
    "部长",
    "市长",
    "局长",
    "主任",
    "经理",
    "厂长",
    "县长",
    "校长",
    "院长",
    "大爷",
    "大妈",
    "阿姨",
    "大姐",
    "大哥",
    "大娘",
    "大婶",
    "夫人",
    "太太",
    "大夫",
    "大人",
    "公子",
    "姑娘",
    "婆婆",
    "老爷",
    "将军",
    "司令",
    "政委",
    "主席",
    "委员长",
    "副局长",
    "副市长",
    "副县长",
    "家",
    "某",
];

/// Surnames that are also everyday words, never taken alone for a person.
const COMMON_SURNAMES: &str = "和于向成时全应常安连解明单商查项关高文方白石金万钱龙江路古吉车司农阳党";

/// Verbs that the HMM may join to the end of a name (`钱海说`).
const SPEECH_ENDINGS: &[char] = &[
    '说', '称', '讲', '问', '答', '道', '等', '和', '与', '是', '在', '也', '都', '就', '又', '却', '把', '被', '从',
    '对', '去',
];

/// Words of the bitmap of a [`HanSet`].
const HAN_WORDS: usize = (0x9FFF - 0x4E00) / 64 + 1;

/// A set of Han characters (U+4E00 to U+9FFF) as a bitmap.
struct HanSet([u64; HAN_WORDS]);

impl HanSet {
    /// The sets are built at compile time, by these `const fn`s: building
    /// them when the first text is read cost some 0.4 M instructions.
    const EMPTY: HanSet = HanSet([0; HAN_WORDS]);

    /// With `c` too (a character outside the range is left out).
    const fn with(mut self, c: char) -> HanSet {
        let i = (c as u32).wrapping_sub(0x4E00) as usize;
        if i < HAN_WORDS * 64 {
            self.0[i / 64] |= 1 << (i % 64);
        }
        self
    }

    /// With every character of `s`.
    const fn with_chars(mut self, s: &str) -> HanSet {
        let mut at = 0;
        while at < s.len() {
            let (c, size) = decode(s.as_bytes(), at);
            self = self.with(c);
            at += size;
        }
        self
    }

    const fn with_each(mut self, cs: &[char]) -> HanSet {
        let mut i = 0;
        while i < cs.len() {
            self = self.with(cs[i]);
            i += 1;
        }
        self
    }

    /// With character number `nth` (0 the first, -1 the last) of each
    /// word that has one.
    const fn with_nth(mut self, words: &[&str], nth: isize) -> HanSet {
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            i += 1;
            if w.is_empty() {
                continue;
            }
            if nth < 0 {
                // Back to the last character's first byte.
                let mut at = w.len() - 1;
                while w[at] & 0xC0 == 0x80 {
                    at -= 1;
                }
                self = self.with(decode(w, at).0);
                continue;
            }
            let (mut at, mut k) = (0, 0);
            while at < w.len() {
                let (c, size) = decode(w, at);
                if k == nth {
                    self = self.with(c);
                    break;
                }
                at += size;
                k += 1;
            }
        }
        self
    }

    #[inline]
    fn has(&self, c: char) -> bool {
        // One comparison for the range (characters below it wrap round
        // to large numbers), no bounds check for the word.
        let i = (c as u32).wrapping_sub(0x4E00) as usize;
        i < HAN_WORDS * 64 && self.0[i / 64] & (1 << (i % 64)) != 0
    }
}

/// The character starting at byte `at` of valid UTF-8, and its length.
const fn decode(b: &[u8], at: usize) -> (char, usize) {
    let b0 = b[at] as u32;
    let (c, size) = if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | (b[at + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        ((b0 & 0x0F) << 12 | (b[at + 1] as u32 & 0x3F) << 6 | (b[at + 2] as u32 & 0x3F), 3)
    } else {
        let c = (b0 & 0x07) << 18 | (b[at + 1] as u32 & 0x3F) << 12 | (b[at + 2] as u32 & 0x3F) << 6;
        (c | (b[at + 3] as u32 & 0x3F), 4)
    };
    match char::from_u32(c) {
        Some(c) => (c, size),
        None => panic!("not UTF-8"),
    }
}

/// Sets of the characters of lists read a character at a time (a
/// `str::contains` of a Chinese character searches for its bytes, at
/// some 300 instructions).
static NOT_AFTER_NAME_SET: HanSet = HanSet::EMPTY.with_chars(NOT_AFTER_NAME);
static NOT_GIVEN_SET: HanSet = HanSet::EMPTY.with_chars(NOT_GIVEN);
static NOT_THIRD_SET: HanSet = HanSet::EMPTY.with_chars(NOT_THIRD);
static JOINED_SET: HanSet = HanSet::EMPTY.with_chars(JOINED);
static ADMINISTRATIVE_SET: HanSet = HanSet::EMPTY.with_chars(ADMINISTRATIVE);
/// Function words of one character (`is_function_char`), the particles
/// after a head (`head_before_particle`), numerals (`congress`, `ordinal`).
const FUNCTION_WORDS: &str = "的了和与及或在是对向从把被给为以于而但也就都又";
static FUNCTION_CHARS: HanSet = HanSet::EMPTY.with_chars(FUNCTION_WORDS);
const AFTER_HEADS: &str = "以于等在和与是的为将被把从对也都就";
static PARTICLES: HanSet = HanSet::EMPTY.with_chars(AFTER_HEADS);
const NUMERAL_CHARS: &str = "一二三四五六七八九十";
static NUMERALS: HanSet = HanSet::EMPTY.with_chars(NUMERAL_CHARS);

/// The character sets of the lists above, for lookups without scanning
/// them: most words are none of these things, and are let go after a
/// look at one character.
struct Sets {
    abbreviations: HanSet,
    alone: HanSet,
    common_surnames: HanSet,
    /// Last characters of head words, and of the other words the
    /// organisations' rules read (titles, congresses, `中央`).
    organization_ends: HanSet,
    /// Last characters of the words after a place.
    after_place_ends: HanSet,
    /// First characters of the words `small_names` takes.
    small_starts: HanSet,
    /// First and second characters of the words led by a place and the
    /// first of the pairs of regions: their lists are read only for words
    /// so begun.
    led_first: HanSet,
    led_second: HanSet,
    region_first: HanSet,
    going: HanSet,
    /// First characters of honorifics and of the words after a state.
    honorific_starts: HanSet,
    state_after_starts: HanSet,
    surnames: HanSet,
    before_name: HanSet,
    countries: HanSet,
    /// Last characters of titles.
    title_ends: HanSet,
    /// First characters of the words after a name that make it a person's.
    context_after_starts: HanSet,
    /// Last characters of the head words of buildings and of the long
    /// head words of organisations.
    facility_ends: HanSet,
    long_head_ends: HanSet,
    /// First characters of the words the rules of [`recognise`] look at
    /// beyond their tags (see `quiet` there), surnames aside, and first
    /// characters of the words of divisions after a place.
    busy_starts: HanSet,
    division_starts: HanSet,
    /// The words after a place, by their last character.
    after_place: ByLast,
    /// The first two characters of Japanese surnames (six bytes): the
    /// first alone are too common (`高`, `小`, `中`) to let words go.
    japanese_starts: rustc_hash::FxHashSet<&'static str>,
    /// Words that never stand in an organisation's name, and verbs of a
    /// match, looked up by hash (they are read for most words before a
    /// head, where a scan compared each with a few dozen).
    not_modifiers: rustc_hash::FxHashSet<&'static str>,
    /// Titles, honorifics and the other words before a person's name,
    /// looked up by hash (a scan compared a word with some fifty).
    titles: rustc_hash::FxHashSet<&'static str>,
    honorifics: rustc_hash::FxHashSet<&'static str>,
    person_before: rustc_hash::FxHashSet<&'static str>,
    /// The characters of [`UNITS`].
    units: HanSet,
    match_verbs: rustc_hash::FxHashSet<&'static str>,
    /// Head words and the lists read with them, by their last character.
    heads: ByLast,
    facilities: ByLast,
    not_heads: ByLast,
    not_head_endings: ByLast,
}

/// Words of a list by their last character, so that a word is compared
/// only with the few that end like it.
struct ByLast(rustc_hash::FxHashMap<char, Vec<&'static str>>);

impl ByLast {
    fn of(list: &[&'static str]) -> ByLast {
        let mut map: rustc_hash::FxHashMap<char, Vec<&'static str>> = rustc_hash::FxHashMap::default();
        for w in list {
            if let Some(c) = w.chars().next_back() {
                map.entry(c).or_default().push(w);
            }
        }
        ByLast(map)
    }

    /// Does `w`, whose last character is `last`, end with a word of the list?
    fn ends(&self, w: &str, last: char) -> bool {
        self.0.get(&last).is_some_and(|v| v.iter().any(|h| w.ends_with(h)))
    }

    /// The first word of the list that `w`, whose last character is
    /// `last`, ends with.
    fn find_end(&self, w: &str, last: char) -> Option<&'static str> {
        self.0.get(&last)?.iter().copied().find(|h| w.ends_with(h))
    }

    /// Is `w`, whose last character is `last`, a word of the list?
    fn is(&self, w: &str, last: char) -> bool {
        self.0.get(&last).is_some_and(|v| v.contains(&w))
    }
}

fn sets() -> &'static Sets {
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Sets {
        abbreviations: const { HanSet::EMPTY.with_chars(ABBREVIATIONS) },
        alone: const { HanSet::EMPTY.with_chars(ALONE) },
        common_surnames: const { HanSet::EMPTY.with_chars(COMMON_SURNAMES) },
        organization_ends: const {
            HanSet::EMPTY
                .with_nth(HEADS, -1)
                .with_nth(FACILITIES, -1)
                .with_each(SHORT_HEADS)
                .with_each(&TITLE_LAST_CHARS)
                .with_each(&['大', '央'])
        },
        after_place_ends: const { HanSet::EMPTY.with_nth(AFTER_PLACE, -1) },
        small_starts: const {
            HanSet::EMPTY
                .with_chars(ABBREVIATIONS)
                .with_each(GOING)
                .with_chars(crate::words::SURNAMES)
                .with_each(&['老', '小'])
                .with_nth(LED_BY_PLACE, 0)
        },
        led_first: const { HanSet::EMPTY.with_nth(LED_BY_PLACE, 0) },
        led_second: const { HanSet::EMPTY.with_nth(LED_BY_PLACE, 1) },
        region_first: const { HanSet::EMPTY.with_nth(REGION_PAIRS, 0) },
        going: const { HanSet::EMPTY.with_each(GOING) },
        honorific_starts: const { HanSet::EMPTY.with_nth(HONORIFICS, 0) },
        state_after_starts: const { HanSet::EMPTY.with_nth(STATE_AFTER, 0) },
        surnames: const { HanSet::EMPTY.with_chars(crate::words::SURNAMES) },
        before_name: const { HanSet::EMPTY.with_chars(BEFORE_NAME) },
        countries: const { HanSet::EMPTY.with_chars(COUNTRIES) },
        title_ends: const { HanSet::EMPTY.with_nth(TITLES, -1).with_nth(PERSON_BEFORE, -1) },
        context_after_starts: const {
            HanSet::EMPTY.with_nth(AFTER_NAME, 0).with_nth(TITLES, 0).with_nth(PERSON_BEFORE, 0).with_nth(HONORIFICS, 0)
        },
        facility_ends: const { HanSet::EMPTY.with_nth(FACILITIES, -1) },
        long_head_ends: const { HanSet::EMPTY.with_nth(HEADS, -1) },
        busy_starts: const {
            HanSet::EMPTY
                .with_nth(REGION_PAIRS, 0)
                .with_nth(JAPANESE_SURNAMES, 0)
                .with_chars(COUNTRIES)
                .with_chars(ABBREVIATIONS)
                .with_each(GOING)
                .with_each(&['老', '小'])
                .with_nth(LED_BY_PLACE, 0)
        },
        division_starts: const { HanSet::EMPTY.with_each(&['省', '市', '县', '州', '区', '镇', '乡', '村', '大']) },
        after_place: ByLast::of(AFTER_PLACE),
        japanese_starts: JAPANESE_SURNAMES.iter().filter_map(|w| w.get(..6)).collect(),
        not_modifiers: NOT_MODIFIERS.iter().copied().collect(),
        titles: TITLES.iter().copied().collect(),
        honorifics: HONORIFICS.iter().copied().collect(),
        person_before: PERSON_BEFORE.iter().copied().collect(),
        units: const { HanSet::EMPTY.with_chars(UNITS) },
        match_verbs: MATCH_VERBS.iter().copied().collect(),
        heads: ByLast::of(HEADS),
        facilities: ByLast::of(FACILITIES),
        not_heads: ByLast::of(NOT_HEADS),
        not_head_endings: ByLast::of(NOT_HEAD_ENDINGS),
    })
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The entities of a text whose tokens are cut and tagged, in order; none
/// overlaps another.
/// What the pre-filters of [`recognise`] and [`organizations`] read of a
/// word by itself, one bit each (see [`facts_of`]), and the keywords'
/// first look at it.
pub(super) mod fact {
    /// Its first character is a Han character, or it is `《` alone: the
    /// rules of `recognise` start at such a word.
    pub(super) const HAN_START: u8 = 1;
    /// Let go by `recognise` by its own look, if the word after it lets it
    /// go too ([`FOLLOWS_QUIETLY`]).
    pub(super) const QUIET: u8 = 2;
    /// A surname alone of a common tag: let go as a [`QUIET`] word is,
    /// unless `老` or `小` is before it or an honorific after it.
    pub(super) const LONE_SURNAME: u8 = 4;
    /// As the word after another, lets it go: it starts with a character,
    /// neither `·` nor one that starts a division's word.
    pub(super) const FOLLOWS_QUIETLY: u8 = 8;
    /// Read in full by `organizations`: an organisation's, an unknown word
    /// of two characters, or one whose last character ends a head, a title
    /// or `中央`.
    pub(super) const ORGANIZATIONS_LOOK: u8 = 16;
    /// A keyword candidate by itself: two characters or more, and
    /// `is_keyword_candidate`.
    pub(in crate::annotate) const KEYWORD: u8 = 32;
}

/// The facts of a word (bits of [`fact`]): what [`recognise`] and
/// [`organizations`] look at first, from its tag and its first, second and
/// last characters, before reading the word itself.
fn facts_of(text: &str, t: &Token) -> u8 {
    let lists = sets();
    let mut facts = 0;
    let first = first_char(text, t);
    if first.is_some_and(|c| c != '·' && !lists.division_starts.has(c)) {
        facts |= fact::FOLLOWS_QUIETLY;
    }
    let chars = (t.end - t.start) as usize;
    if chars >= 2 && super::keywords::is_keyword_candidate(t.text(text), t.tag, chars) {
        facts |= fact::KEYWORD;
    }
    let maybe_particle = t.tag == Tag::UNKNOWN && t.end - t.start == 2;
    if t.tag == Tag::ORGANIZATION || maybe_particle || last_han(text, t).is_some_and(|c| lists.organization_ends.has(c))
    {
        facts |= fact::ORGANIZATIONS_LOOK;
    }
    let Some(c0) = first.filter(|&c| is_han(c) || (c == '《' && t.byte_end - t.byte_start == 3)) else {
        return facts;
    };
    facts |= fact::HAN_START;
    let n = (t.end - t.start) as usize;
    if n <= 4 && !t.tag.is_any(&NOT_QUIET) {
        let first_quiet = if lists.busy_starts.has(c0) {
            false
        } else if !lists.surnames.has(c0) {
            true
        } else if n == 1 {
            facts |= fact::LONE_SURNAME;
            false
        } else {
            n == 4 || t.text(text)[c0.len_utf8()..].chars().next().is_none_or(|c1| !lists.honorific_starts.has(c1))
        };
        if first_quiet && (n < 3 || last_char(text, t).is_some_and(|c| !lists.after_place_ends.has(c))) {
            facts |= fact::QUIET;
        }
    }
    facts
}

/// The facts ([`facts_of`]) of words of the dictionary met before, by id,
/// in a table of fixed size (an id's place is its low bits; a word
/// met before whose place another took is looked at again): most tokens
/// are words met before, whose facts are then read with one load instead
/// of their characters decoded and looked up again. Each entry holds the
/// rest of the id and the tag the facts were found under (a word learned
/// as a name changes its tag, not its id), and is looked at again when
/// the tag changed; a new build of the dictionary (new ids) empties it.
#[derive(Default)]
pub(super) struct WordFacts {
    build: u64,
    /// `(id >> PLACE_BITS) + 1 << 16 | tag << 8 | facts`, 0 for none.
    by_id: Vec<u32>,
}

impl WordFacts {
    /// 16,384 places (64 kB): the distinct words of a few pages.
    const PLACE_BITS: u32 = 14;

    /// The facts of each token (`ids` are the tokens' word ids), into `out`.
    pub(super) fn of_tokens(
        &mut self,
        text: &str,
        tokens: &[Token],
        ids: &[Option<u32>],
        segmenter: &Segmenter,
        out: &mut Vec<u8>,
    ) {
        if self.build != segmenter.ids_build() || self.by_id.is_empty() {
            self.by_id = vec![0; 1 << Self::PLACE_BITS];
            self.build = segmenter.ids_build();
        }
        let mask = (1 << Self::PLACE_BITS) - 1;
        out.clear();
        out.reserve(tokens.len());
        for (t, id) in tokens.iter().zip(ids) {
            let facts = match *id {
                // Ids whose rest, plus one, fits the entry's 16 bits: below
                // 2^30 - 2^14 (a dictionary has some 350,000 words). The
                // rest of an id of the last 2^14 below 2^30, plus one, is
                // 2^16, which the shift would drop, leaving a key of the
                // tag alone, which an empty entry of the tag `a` matches.
                Some(id) if id >> Self::PLACE_BITS < 0xFFFF => {
                    let key = ((id >> Self::PLACE_BITS) + 1) << 16 | u32::from(t.tag.number()) << 8;
                    let entry = &mut self.by_id[(id & mask) as usize];
                    if *entry & 0xFFFF_FF00 != key {
                        *entry = key | u32::from(facts_of(text, t));
                    }
                    *entry as u8
                }
                _ => facts_of(text, t),
            };
            out.push(facts);
        }
    }
}

/// The entities of a text cut into `tokens`; `facts` are the tokens' facts
/// ([`facts_of`], or [`WordFacts::of_tokens`]).
pub(super) fn recognise(text: &str, tokens: &[Token], facts: &[u8], segmenter: &Segmenter, out: &mut Vec<Found>) {
    debug_assert_eq!(tokens.len(), facts.len());
    let word = |i: usize| tokens[i].text(text);
    let len = |i: usize| (tokens[i].end - tokens[i].start) as usize;
    let span = |t: &Token, from: usize, to: usize, kind: EntityKind| {
        if from == 0 && to == (t.end - t.start) as usize {
            return Found { start: t.start, end: t.end, byte_start: t.byte_start, byte_end: t.byte_end, kind };
        }
        // Offsets of characters `from..to` of a token.
        let w = t.text(text);
        let byte = |c: usize| w.char_indices().nth(c).map_or(w.len(), |(b, _)| b) as u32;
        Found {
            start: t.start + from as u32,
            end: t.start + to as u32,
            byte_start: t.byte_start + byte(from),
            byte_end: t.byte_start + byte(to),
            kind,
        }
    };
    let whole = |a: usize, b: usize, kind: EntityKind| Found {
        start: tokens[a].start,
        end: tokens[b].end,
        byte_start: tokens[a].byte_start,
        byte_end: tokens[b].byte_end,
        kind,
    };
    let first = out.len();
    let orgs = organizations(text, tokens, facts, segmenter);
    let mut org_at = orgs.iter().peekable();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(&&(a, b, trim, kind)) = org_at.peek()
            && a == i
        {
            let mut found = whole(a, b, kind);
            if trim > 0 {
                let last = span(&tokens[b], 0, len(b) - trim, kind);
                (found.end, found.byte_end) = (last.end, last.byte_end);
            }
            out.push(found);
            org_at.next();
            i = b + 1;
            continue;
        }
        let t = &tokens[i];
        // Marks, numbers and Latin words name nothing by themselves; the
        // rules below that read them start at a Chinese word or at `《`.
        let f = facts[i];
        if f & fact::HAN_START == 0 {
            i += 1;
            continue;
        }
        let n = len(i);
        // Most words are none of the things the rules below look for, and
        // are let go after a look at their tag and two or three
        // characters (their facts, `facts_of`): a word of four characters
        // or fewer of a common tag (no name's, no guess's, not `nz`, `x`,
        // `t`), whose first character starts none of the words the rules
        // read (regions, countries, Japanese surnames, abbreviations, verbs
        // of going…), whose last ends no word after a place, before no `·`
        // and no division's word. Every rule below needs one of these. A
        // word of a common tag led by a surname (`任何`, `管理`, `关于`)
        // fires only `small_names`' rules of a surname: alone after `老` or
        // `小` or before an honorific, or with an honorific in the word
        // (`李先生`).
        if f & (fact::QUIET | fact::LONE_SURNAME) != 0 {
            let lists = sets();
            let first_quiet = f & fact::QUIET != 0
                || ((i == 0 || first_char(text, &tokens[i - 1]).is_none_or(|p| p != '老' && p != '小'))
                    && tokens
                        .get(i + 1)
                        .is_none_or(|g| first_char(text, g).is_none_or(|c| !lists.honorific_starts.has(c))));
            let quiet = first_quiet && facts.get(i + 1).is_none_or(|&g| g & fact::FOLLOWS_QUIETLY != 0);
            if quiet {
                i += 1;
                continue;
            }
        }
        let w = word(i);
        // A person's name in a word jieba lists whole: 邓小平理论.
        if let Some(k) = person_in_word(segmenter, w, n) {
            out.push(span(t, 0, k, EntityKind::Person));
            i += 1;
            continue;
        }
        // A foreign name in parts joined by `·`: 科菲 · 安南, 马 · 科瓦列夫斯基.
        let part = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                let w = t.text(text);
                w.chars().all(is_han)
                    && (w.chars().next().is_some_and(crate::words::is_transliteration)
                        || t.tag.entity() == Some(EntityKind::Person))
            })
        };
        if i + 2 < tokens.len()
            && len(i + 1) == 1
            && word(i + 1) == "·"
            && dotted_part(segmenter, text, tokens, i, i + 2)
        {
            // The parts of a name written with `·` are whole words each
            // side of it; the segmenter may still cut a part in two (`科瓦`
            // `列夫斯基`), or leave a character of the first part alone
            // (`约翰` `士`).
            let mut a = i;
            if len(i) == 1 && i > 0 && part(i - 1) && !is_function_char(word(i)) {
                a = i - 1;
                if out.len() > first && out.last().is_some_and(|f| f.end > tokens[a].start) {
                    out.pop();
                }
            }
            let mut b = i + 2;
            loop {
                if b + 2 < tokens.len() && word(b + 1) == "·" && dotted_part(segmenter, text, tokens, b, b + 2) {
                    b += 2;
                } else if b + 1 < tokens.len() && len(b + 1) <= 4 && name_piece(segmenter, &tokens[b + 1], word(b + 1))
                {
                    b += 1;
                } else if b + 2 < tokens.len()
                    && len(b + 1) == 1
                    && word(b + 1).chars().all(crate::words::is_transliteration)
                    && len(b + 2) <= 4
                    && name_piece(segmenter, &tokens[b + 2], word(b + 2))
                {
                    // A character left alone between two pieces: 萨尔 维 斯托夫.
                    b += 2;
                } else {
                    break;
                }
            }
            // A name with `·` before a division's word is a place's (…镇),
            // before the head of a company or a school an organisation's.
            let next = if b + 1 < tokens.len() { word(b + 1) } else { "" };
            if matches!(next, "镇" | "市" | "县" | "州" | "省" | "村" | "区") {
                out.push(whole(a, b + 1, EntityKind::Place));
                i = b + 2;
            } else if matches!(next, "公司" | "集团" | "大学" | "学院" | "银行" | "基金会") {
                out.push(whole(a, b + 1, EntityKind::Organization));
                i = b + 2;
            } else {
                out.push(whole(a, b, EntityKind::Person));
                i = b + 1;
            }
            continue;
        }
        // Two regions named together: 青藏 高原, 黄淮 北部.
        if n >= 2
            && w.chars().next().is_some_and(|c| sets().region_first.has(c))
            && region_pair(w, if i + 1 < tokens.len() { word(i + 1) } else { "" })
        {
            out.push(span(t, 0, 1, EntityKind::Place));
            out.push(span(t, 1, 2, EntityKind::Place));
            i += 1;
            continue;
        }
        // Countries named by one character side by side: 中 韩 两国, 中 、 阿.
        if n == 1 && w.chars().next().is_some_and(|c| sets().countries.has(c)) && country_pair(text, tokens, i) {
            out.push(span(t, 0, 1, EntityKind::Place));
            i += 1;
            continue;
        }
        let next = if i + 1 < tokens.len() { word(i + 1) } else { "" };
        let prev = if i > 0 { word(i - 1) } else { "" };
        let learned = t.tag.entity().is_some() && n >= 2 && segmenter.is_learned_person(w);
        // A Japanese name: a surname of Japan's with the given name in one
        // word (`佐藤正雄`) or the next (`佐藤` `正雄`), or alone in a
        // person's context (`首相` `佐藤` `表示`).
        if n >= 2
            && w.get(..6).is_some_and(|two| sets().japanese_starts.contains(two))
            && let Some(k) = japanese_name(segmenter, text, tokens, i)
        {
            out.push(whole(i, k, EntityKind::Person));
            i = k + 1;
            continue;
        }
        // A newspaper or a magazine by its title: 《晨星报》, 《东方新闻》.
        if n == 1
            && w == "《"
            && let Some(k) = periodical(text, tokens, i)
        {
            out.push(whole(i + 1, k, EntityKind::Organization));
            i = k + 1;
            continue;
        }
        // A periodical named by its title in marks and its kind: 《星期》
        // 周刊, with the country before it (英国 《星期》 周刊).
        if n == 1
            && w == "《"
            && let Some(k) = titled_periodical(text, tokens, i)
        {
            let mut found = whole(i, k, EntityKind::Organization);
            if out.len() > first
                && out.last().is_some_and(|f| {
                    f.kind == EntityKind::Place && f.end == t.start && i > 0 && f.start == tokens[i - 1].start
                })
            {
                let place = out.pop().unwrap_or(found);
                (found.start, found.byte_start) = (place.start, place.byte_start);
            }
            out.push(found);
            i = k + 1;
            continue;
        }
        // A place or a foreign name before the word of its division:
        // 维也纳 市, 莱克伍德 县.
        if n >= 2
            && let Some(k) = division_after(segmenter, text, tokens, i)
        {
            out.push(whole(i, k, EntityKind::Place));
            i = k + 1;
            continue;
        }
        // A surname and a given name jieba cut apart: 吴 方军, 江 宏伟.
        if let Some(k) = split_name(segmenter, text, tokens, i) {
            out.push(whole(i, k, EntityKind::Person));
            i = k + 1;
            continue;
        }
        // A name the HMM cut after its given name's first character: 杜齐
        // 连, 陆少 禾等.
        if n == 2 && !learned && cut_third(segmenter, text, tokens, i) {
            let mut found = whole(i, i + 1, EntityKind::Person);
            let end = span(&tokens[i + 1], 0, 1, EntityKind::Person);
            (found.end, found.byte_end) = (end.end, end.byte_end);
            out.push(found);
            i += 2;
            continue;
        }
        // A name the HMM joined to a preposition or a conjunction before
        // it: 致 + 牛小川, 胜 + 马力; or to the surname alone, before its
        // given name or a title: 对邵 新民, 当秦 局长.
        if let Some(last) = after_function_char(segmenter, text, tokens, i) {
            let mut found = span(t, 1, n, EntityKind::Person);
            if last > i {
                let end = span(&tokens[last], 0, len(last), EntityKind::Person);
                (found.end, found.byte_end) = (end.end, end.byte_end);
            }
            out.push(found);
            i = last + 1;
            continue;
        }
        // A two-character name the HMM joined (it is in no dictionary):
        // 鲍亮, 邝兵.
        // A foreign name of two characters jieba lists as one, alone and
        // in a person's context: 财长 鲁宾, 琼斯 说.
        if n == 2
            && !learned
            && t.tag.is_any(&FOREIGN_NAME)
            && transliterated(w)
            && !foreign_run(text, tokens, i, i)
            && person_context(prev, next_word(text, tokens, i))
        {
            out.push(span(t, 0, n, EntityKind::Person));
            i += 1;
            continue;
        }
        if n == 2 && t.tag == Tag::PERSON && unknown_name(segmenter, w) && !foreign_run(text, tokens, i, i) {
            let next = tokens.get(i + 1).map_or("", |t| t.text(text));
            if next.chars().next().is_some_and(|c| NOT_AFTER_NAME_SET.has(c)) {
                // The start of a place or an organisation: 周洼 村.
                i += 1;
                continue;
            }
            // A third character the HMM left alone: 侯御 之, 张友 香.
            let third = next.chars().count() == 1
                && next.chars().all(|c| is_han(c) && !NOT_GIVEN_SET.has(c) && !NOT_THIRD_SET.has(c))
                && tokens.get(i + 2).is_none_or(|t| !is_han_run(t.text(text)) || t.end - t.start >= 2);
            let last = if third { i + 1 } else { i };
            out.push(whole(i, last, EntityKind::Person));
            i = last + 1;
            continue;
        }
        match entity_kind(w, t.tag, learned) {
            Some(EntityKind::Person) => {
                // A foreign name in parts: 科菲 · 安南.
                let mut b = i;
                while b + 2 < tokens.len()
                    && word(b + 1) == "·"
                    && (transliterated(word(b + 2)) || segmenter.is_learned_person(word(b + 2)))
                {
                    b += 2;
                }
                if b > i {
                    out.push(whole(i, b, EntityKind::Person));
                    i = b + 1;
                    continue;
                }
                let rest = w.char_indices().nth(1).map_or("", |(b, _)| &w[b..]);
                if !learned && (sets().honorifics.contains(rest) || sets().titles.contains(rest)) {
                    // A surname and a title: 李先生, 唐外长.
                    out.push(span(t, 0, 1, EntityKind::Person));
                } else if !learned
                    && n == 3
                    && w.chars().nth(2).is_some_and(|c| SPEECH_ENDINGS.contains(&c))
                    && segmenter.known(w).is_none()
                {
                    // A name the HMM joined to a verb: 钱海说.
                    out.push(span(t, 0, 2, EntityKind::Person));
                } else {
                    out.push(span(t, 0, n, EntityKind::Person));
                }
            }
            // A transliterated name jieba lists as a place, after a
            // title or a player's shirt number: 教练 扎洛加, 7 号 穆勒.
            Some(EntityKind::Place) if transliterated(w) && foreign_person_before(text, tokens, i) => {
                out.push(span(t, 0, n, EntityKind::Person));
            }
            // Countries listed as a group's teams: C 组 的 巴西 、 挪威.
            Some(EntityKind::Place) if n >= 2 && team_list(text, tokens, i) => {
                out.push(span(t, 0, n, EntityKind::Organization));
            }
            Some(EntityKind::Place) => {
                let mut cs = w.chars();
                let (c0, c1) = (cs.next().unwrap_or(' '), cs.next().unwrap_or(' '));
                if n == 2 && sets().going.has(c0) && sets().alone.has(c1) {
                    // A verb of going and a place: 离京, 抵沪.
                    out.push(span(t, 1, 2, EntityKind::Place));
                } else if n == 2 && c1 == '国' && sets().alone.has(c0) && next == "内" {
                    // A country's character before 国内 the segmenter cut
                    // as 美国 内: the place is 美.
                    out.push(span(t, 0, 1, EntityKind::Place));
                } else if let Some(k) = place_after(segmenter, w, n) {
                    // A part or a former state of a place: 东部非洲, 前苏联.
                    out.push(span(t, k, n, EntityKind::Place));
                } else {
                    out.push(span(t, 0, place_before(segmenter, w, n).unwrap_or(n), EntityKind::Place));
                }
            }
            Some(EntityKind::Organization) => match kind_of_place(segmenter, w) {
                Some(k) => out.push(span(t, 0, k, EntityKind::Place)),
                None => out.push(span(t, 0, n, EntityKind::Organization)),
            },
            None => {
                if n >= 3
                    && let Some(k) = place_before(segmenter, w, n)
                {
                    out.push(span(t, 0, k, EntityKind::Place));
                    i += 1;
                    continue;
                }
                let before_found = out.len();
                small_names(segmenter, t, w, n, prev, next, &span, out);
                // A name the dictionary has under another tag (jieba lists
                // many people as `nz`) or the HMM joined, in context.
                let shaped = match n {
                    2 => t.tag.entity() == Some(EntityKind::Person) && (name_shaped(w) || transliterated(w)),
                    // jieba also lists famous people as times (`t`) and
                    // foreign ones as people it will not trust alone.
                    3 => match t.tag.name() {
                        "nz" | "x" | "t" => name_shaped(w),
                        "nr" | "nrt" => w.chars().all(is_han),
                        _ => false,
                    },
                    _ => false,
                };
                if out.len() == before_found && shaped && could_be_a_person(w) && person_context(prev, next) {
                    out.push(span(t, 0, n, EntityKind::Person));
                } else if out.len() == before_found
                    && t.tag.is_any(&FOREIGN_OTHER)
                    && transliterated(w)
                    && (person_context(prev, next) || foreign_person_before(text, tokens, i))
                {
                    // A transliterated name jieba lists as another proper
                    // noun, in a person's context: 球员 卡洛斯.
                    out.push(span(t, 0, n, EntityKind::Person));
                }
            }
        }
        i += 1;
    }
    debug_assert!(out[first..].windows(2).all(|w| w[0].end <= w[1].start));
}

/// Tags whose words the rules of [`recognise`] read whatever their
/// characters: names of all kinds, the HMM's guesses (`x`), other proper
/// nouns (`nz`) and times (`t`, under which jieba lists some people).
const NOT_QUIET: crate::words::TagSet = crate::words::TagSet::of(&["nr", "nrfg", "nrt", "ns", "nt", "x", "nz", "t"]);

/// Surnames of Japan (the commonest, and those of its prime ministers)
/// that are no everyday Chinese word or place (`中村`, `山下`, `福田` are
/// left out).
const JAPANESE_SURNAMES: &[&str] = &[
    "佐藤",
    "铃木",
    "高桥",
    "田中",
    "渡边",
    "伊藤",
    "山本",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐佐木",
    "松本",
    "井上",
    "斋藤",
    "山崎",
    "池田",
    "桥本",
    "阿部",
    "石井",
    "冈田",
    "长谷川",
    "藤田",
    "后藤",
    "近藤",
    "远藤",
    "坂本",
    "藤井",
    "冈本",
    "藤原",
    "三浦",
    "原田",
    "松田",
    "竹下",
    "宫泽",
    "小渊",
    "中曾根",
    "鸠山",
    "细川",
    "羽田",
    "村山",
    "海部",
    "竹内",
    "宫崎",
    "安藤",
    "武田",
    "杉山",
    "松井",
    "野口",
    "小泉",
    "安倍",
    "麻生",
    "野田",
    "岸田",
    "河野",
    "东条",
    "奥田",
    "谷口",
    "松下",
    "小泽",
    "森本",
    "石原",
];

/// The last token of a Japanese name that starts at token `i`: a word
/// of four or five characters led by a surname of [`JAPANESE_SURNAMES`]
/// (`佐藤正雄`); the surname and a given name of one to three characters
/// in the next token, after a title or before a verb of speech (`外相`
/// `佐藤` `正雄` `说`); or the surname alone so placed (`首相` `佐藤`).
fn japanese_name(segmenter: &Segmenter, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    let w = t.text(text);
    let surname = JAPANESE_SURNAMES.iter().find(|s| w.starts_with(*s))?;
    let n = (t.end - t.start) as usize;
    let rest = &w[surname.len()..];
    if t.tag == Tag::ORGANIZATION || !w.chars().all(is_han) {
        return None;
    }
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let prev = if i > 0 { word(i - 1) } else { "" };
    let titled = foreign_person_before(text, tokens, i);
    if !rest.is_empty() {
        // One word: the given name is two or three characters that, in a
        // word of no dictionary, end no place or organisation (`山本市`).
        let given = chars(rest);
        let ok = (4..=5).contains(&n)
            && (2..=3).contains(&given)
            && (segmenter.knows(w)
                || !rest.ends_with(|c: char| NOT_AFTER_NAME_SET.has(c) || PLACE_ENDINGS.contains(&c)));
        return ok.then_some(i);
    }
    let g = tokens.get(i + 1)?;
    let gw = g.text(text);
    let gn = (g.end - g.start) as usize;
    let given = (1..=3).contains(&gn)
        && is_han_run(gw)
        && g.tag.is_any(&GIVEN_TAGS)
        && !gw.chars().any(|c| NOT_GIVEN_SET.has(c))
        && !sets().titles.contains(gw)
        && !sets().honorifics.contains(gw);
    if given && (titled || person_context(prev, word(i + 2))) {
        return Some(i + 1);
    }
    (titled || person_context(prev, gw)).then_some(i)
}

/// Tags jieba gives foreign names that it does not list as people's.
const FOREIGN_OTHER: crate::words::TagSet = crate::words::TagSet::of(&["nz"]);

/// Is the word before token `i` a title a foreign person bears (`教练`,
/// `总统`, `领袖`) or a player's shirt number (`7` `号`)?
fn foreign_person_before(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = tokens[i - 1].text(text);
    if prev == "号" {
        return i >= 2 && tokens[i - 2].text(text).chars().all(|c| c.is_ascii_digit());
    }
    prev.chars().next_back().is_some_and(|c| sets().title_ends.has(c))
        && PERSON_BEFORE.iter().any(|t| *t != "·" && prev.ends_with(t))
}

/// Is the place at token `i` one of a list of teams: places apart by
/// `、` after a group's name (`A` `组` `的`, `组` `：`) or before `等` and
/// a word of teams (`等` `强队`), or a place joined by `和` or `与` to a
/// team of its own kind (`苏格兰` `和` `巴哈马` `队`), so that they play,
/// not lie there?
fn team_list(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let is_place = |k: usize| tokens.get(k).is_some_and(|t| t.tag == Tag::PLACE);
    if matches!(word(i + 1), "和" | "与") && is_place(i + 2) && word(i + 3) == "队" {
        return true;
    }
    // The list's first and last places, over the marks between them.
    let (mut s, mut e) = (i, i);
    while s >= 2 && word(s - 1) == "、" && is_place(s - 2) {
        s -= 2;
    }
    while word(e + 1) == "、" && is_place(e + 2) {
        e += 2;
    }
    if s == e {
        return false;
    }
    let after_group = s >= 2 && matches!(word(s - 1), "的" | "：" | ":") && word(s - 2).ends_with('组');
    let before_teams = word(e + 1) == "等" && (word(e + 2).ends_with('队') || word(e + 2) == "队伍");
    after_group || before_teams
}

/// The place of a name that says a kind of organisation of a country or
/// a continent, not one (`日本公司`, `欧洲球队`): its characters. A
/// Chinese province's or city's company is often one (`山东公司` of a
/// group), so those stay names.
fn kind_of_place(segmenter: &Segmenter, name: &str) -> Option<usize> {
    if !name.ends_with(['司', '队']) {
        return None;
    }
    let division = |place: &str| {
        ['省', '市'].iter().any(|d| {
            let mut w = String::with_capacity(place.len() + 3);
            w.push_str(place);
            w.push(*d);
            is_place(segmenter, &w)
        })
    };
    ["公司", "球队"]
        .iter()
        .find_map(|h| name.strip_suffix(h).filter(|place| is_place(segmenter, place) && !division(place)))
        .map(chars)
}

/// Is the word a pair of regions (`青藏`, `黄淮`), alone (not a person's
/// name: `黄淮` `们`) or with a word of land or a part in it (`青藏高原`)?
fn region_pair(w: &str, next: &str) -> bool {
    REGION_PAIRS.iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| {
            REGION_PAIR_AFTER.contains(&rest) && (!rest.is_empty() || !next.starts_with(['人', '们']))
        })
    })
}

/// Does the word start with a word led by a place (`京剧团`)? `c0` and
/// `c1` are its first two characters.
fn led_by_place(w: &str, c0: char, c1: char) -> bool {
    let sets = sets();
    sets.led_first.has(c0) && sets.led_second.has(c1) && LED_BY_PLACE.iter().any(|l| w.starts_with(l))
}

/// A group (`商人们`) or a cup (`…杯`) is no person.
fn could_be_a_person(word: &str) -> bool {
    !word.ends_with(['们', '杯'])
}

/// The last token of a place named with the word of its division after
/// it, in a token of its own (`维也纳` `市`, `丘布特` `省`, `阿尔萨斯`
/// `大区`): the name is a place of the dictionary or a foreign name.
fn division_after(segmenter: &Segmenter, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens.get(i + 1)?;
    if t.end - t.start > 2 {
        return None;
    }
    let next = t.text(text);
    let division = match t.end - t.start {
        1 => next.starts_with(['省', '市', '县', '州', '区', '镇', '乡', '村']),
        _ => next == "大区",
    };
    if !division {
        return None;
    }
    // Not the start of a longer word cut apart: 市 场.
    if tokens.get(i + 2).is_some_and(|t| {
        t.end - t.start == 1
            && t.text(text).chars().all(|c| is_han(c) && !matches!(c, '的' | '和' | '与' | '在' | '是'))
    }) {
        return None;
    }
    let t = &tokens[i];
    let w = t.text(text);
    let foreign = transliterated(w)
        && (t.tag.entity().is_some() || segmenter.is_learned_person(w) || segmenter.known(w).is_none());
    // A village, a township or a town by a name jieba has as a common
    // word or none (`茶园` `村`, `梨树` `乡`).
    let village = matches!(next, "村" | "乡" | "镇")
        && (2..=3).contains(&chars(w))
        && t.tag.is_any(&VILLAGE_NAMES)
        && !NOT_VILLAGE_NAMES.contains(&w);
    let ok = w.chars().all(is_han) && (t.tag == Tag::PLACE || foreign || village);
    ok.then_some(i + 1)
}

/// Tags of words that name villages and towns before `村`, `乡` or `镇`:
/// nouns and names, never verbs, adjectives, numbers or pronouns.
const VILLAGE_NAMES: crate::words::TagSet = crate::words::TagSet::of(&["n", "nz", "nr", "nrfg", "x", "ng"]);

/// Common nouns before `村`, `乡` or `镇` that say what kind it is, not
/// which (`重点` `村`, `试点` `镇`).
const NOT_VILLAGE_NAMES: &[&str] = &[
    "重点", "试点", "示范", "专业", "特色", "生态", "旅游", "移民", "明星", "样板", "文明", "小康", "贫困", "富裕",
    "先进", "典型", "模范", "中心", "边境", "山区", "城中", "城郊", "集体", "全国", "农业", "工业", "商贸", "历史",
    "文化", "名人", "百强", "千强", "亿元", "万元", "卫生", "科技", "信息", "电商", "淘宝", "美丽",
];

/// Endings of the titles of newspapers and magazines.
const PERIODICALS: &[&str] = &["报", "周刊", "月刊", "杂志", "新闻", "画报", "文摘"];

/// Titles that end like a newspaper's but name documents and notices.
const NOT_PERIODICALS: &[&str] = &[
    "公报", "简报", "通报", "汇报", "情报", "预报", "警报", "捷报", "喜报", "海报", "电报", "举报", "申报", "回报",
    "年报",
];

/// The last token of a newspaper's or a magazine's title in book-title
/// marks after token `i` (`《` `费加罗` `报` `》`): two to twelve Han
/// characters that end like one.
fn periodical(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let close = (i + 2..tokens.len().min(i + 10)).find(|&k| tokens[k].text(text) == "》")?;
    let title = &text[tokens[i + 1].byte_start as usize..tokens[close - 1].byte_end as usize];
    let n = chars(title);
    let ok = (2..=12).contains(&n)
        && title.chars().all(is_han)
        && !title.contains('的')
        && PERIODICALS.iter().any(|e| title.ends_with(e) && chars(e) < n)
        && !NOT_PERIODICALS.iter().any(|e| title.ends_with(e));
    ok.then_some(close - 1)
}

/// Words of the kind of a periodical after its title in book-title marks.
const PERIODICAL_KINDS: &[&str] = &["杂志", "周刊", "月刊", "半月刊", "季刊", "画报", "杂志社"];

/// The token of the kind of a periodical after a title of one to ten
/// characters in book-title marks opened at token `i` (`《` `时代` `》`
/// `周刊`).
fn titled_periodical(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let close = (i + 2..tokens.len().min(i + 8)).find(|&k| tokens[k].text(text) == "》")?;
    let kind = tokens.get(close + 1)?.text(text);
    let title = &text[tokens[i + 1].byte_start as usize..tokens[close - 1].byte_end as usize];
    let ok = PERIODICAL_KINDS.contains(&kind) && (1..=10).contains(&chars(title)) && title.chars().all(is_han);
    ok.then_some(close + 1)
}

/// jieba's tag of transliterated names.
const FOREIGN_NAME: crate::words::TagSet = crate::words::TagSet::of(&["nrt"]);

/// The word after token `i`, or nothing.
fn next_word<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i + 1).map_or("", |t| t.text(text))
}

/// Is a two-character word the HMM joined a name: a surname that is not
/// also an everyday word, and no word of the dictionary?
fn unknown_name(segmenter: &Segmenter, w: &str) -> bool {
    let mut cs = w.chars();
    let c0 = cs.next().unwrap_or(' ');
    let c1 = cs.next().unwrap_or(' ');
    // Two countries by their characters (`韩中`) are no name.
    let countries = sets().countries.has(c0) && sets().countries.has(c1);
    sets().surnames.has(c0)
        && !sets().common_surnames.has(c0)
        && !countries
        && !NOT_GIVEN_SET.has(c1)
        && segmenter.known(w).is_none()
        && name_shaped(w)
}

/// Characters that follow a surname in words but never end a given name:
/// `王某`, `李家`, `刘老` are no names, nor are words that run on into a
/// particle, a verb of motion, a number or a unit (`余人`, `任其`, `戴上`).
const NOT_GIVEN: &str = "某氏家姓老总们等说和与是的了在对人入上下其起出来去到过着得个位名余万千百多年月日时次就都也还又再才只已将会能要可不没无很最更太乡村镇县市省区啦吧呢吗";

/// Prepositions and verbs of one character after a name: never its third
/// character (`鲍亮` `以`, `邝军` `从`).
const NOT_THIRD: &str = "以从向把被给让为于自至跟同及或并而却便又亦仍竟曾请叫找看想做用带拿送打猜问讲称";

/// First characters of the word after a name that make the name the start
/// of a place or an organisation (`周洼` `村`, `麦禾` `营镇`).
const NOT_AFTER_NAME: &str = "村镇乡县市省区营庄屯寨州山河湖江岭峰队厂社局";

/// Are tokens `a` and `b`, either side of a `·`, parts of a foreign name
/// (`科菲` `·` `安南`)? Both are Chinese words, one begins like a name
/// (a character of transliteration or a person's tag) and the other does
/// too or is a word the dictionary lacks or a single character
/// (`伊丽莎` `·` `文特登`), or the second is tagged as a person's name
/// and the first is a short word (`巴猜` `·` `春巴旺`).
fn dotted_part(segmenter: &Segmenter, text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    let like = |k: usize| {
        let t = &tokens[k];
        let w = t.text(text);
        w.chars().next().is_some_and(crate::words::is_transliteration) || t.tag.entity() == Some(EntityKind::Person)
    };
    let han = |k: usize| {
        let w = tokens[k].text(text);
        is_han_run(w) && w.chars().count() <= 6
    };
    let loose = |k: usize| {
        let w = tokens[k].text(text);
        w.chars().count() == 1 && !is_function_char(w) || segmenter.known(w).is_none()
    };
    let person = |k: usize| tokens[k].tag.entity() == Some(EntityKind::Person);
    han(a)
        && han(b)
        && (like(a) && (like(b) || loose(b)) || like(b) && loose(a) || person(b) && len_of(&tokens[a]) <= 4)
}

fn len_of(t: &Token) -> u32 {
    t.end - t.start
}

/// Is the word after a part of a foreign name its continuation: a run of
/// transliteration characters or a word of no dictionary (`科瓦`
/// `列夫斯基`, `莫伦` `贡塔`), not a name of its own?
fn name_piece(segmenter: &Segmenter, t: &Token, w: &str) -> bool {
    is_han_run(w)
        && w.chars().count() >= 2
        && (transliterated(w) && t.tag.entity() != Some(EntityKind::Place) || segmenter.known(w).is_none())
}

/// Prepositions, conjunctions and particles of one character that do not
/// stand in a name.
fn is_function_char(w: &str) -> bool {
    w.chars().count() == 1 && w.chars().all(|c| FUNCTION_CHARS.has(c))
}

/// Tags the HMM gives the last character of a name it cut off: a name's
/// piece, a bound morpheme, a measure word.
const THIRD_TAGS: crate::words::TagSet = crate::words::TagSet::of(&["nr", "ng", "zg", "g", "q"]);

/// Is this a two-character name the HMM cut before its third character
/// (`杜齐` `连`, `陆少` `禾等`)? Then the name ends with the first character
/// of the next token. The first is a surname's and the name no word of the
/// dictionary; the next token is the third character alone or with a verb
/// of speech or `等` after it (`泉说`), tagged as a name's piece or a bound
/// morpheme.
fn cut_third(segmenter: &Segmenter, text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let w = t.text(text);
    if t.tag != Tag::PERSON || !name_shaped(w) || w.chars().nth(1).is_some_and(|c| NOT_GIVEN_SET.has(c)) {
        return false;
    }
    if segmenter.known(w).is_some_and(|k| k.tag.entity() != Some(EntityKind::Person)) {
        return false;
    }
    let Some(g) = tokens.get(i + 1) else { return false };
    let gw = g.text(text);
    let mut cs = gw.chars();
    let Some(c) = cs.next() else { return false };
    if !is_han(c) || NOT_GIVEN_SET.has(c) || NOT_THIRD_SET.has(c) || !g.tag.is_any(&THIRD_TAGS) {
        return false;
    }
    let alone_or_before_speech = match (cs.next(), cs.next()) {
        (None, _) => true,
        (Some(e), None) => g.tag == Tag::PERSON && SPEECH_ENDINGS.contains(&e),
        _ => false,
    };
    if !alone_or_before_speech {
        return false;
    }
    // A surname that is also an everyday word (`古`, `高`) needs the HMM's
    // own word that the third character is a name's.
    let Some(c0) = w.chars().next() else { return false };
    if sets().common_surnames.has(c0) && g.tag != Tag::PERSON {
        return false;
    }
    let name = &text[t.byte_start as usize..g.byte_start as usize + c.len_utf8()];
    segmenter.known(name).is_none() && !foreign_run(text, tokens, i, i + 1)
}

/// Prepositions, conjunctions and verbs of one character the HMM joins to
/// a name after them.
const BEFORE_NAME: &str = "致胜以当向对但托可从和与跟同把被给让为由据经将";

/// A name the HMM joined to a one-character word before it, in a word of
/// no dictionary: the whole name after that character (`致牛小川`), or
/// a surname alone (`对陶`) before its given name in a word of its own
/// (`汉明`) or before a title. Returns the last token of the name, which
/// starts at the word's second character.
fn after_function_char(segmenter: &Segmenter, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    let n = (t.end - t.start) as usize;
    if !(t.tag == Tag::PERSON || t.tag == Tag::UNKNOWN) || !(2..=4).contains(&n) {
        return None;
    }
    // The two characters first (a look in two small sets), the
    // dictionary last.
    let w = t.text(text);
    let mut cs = w.chars();
    let (c0, c1) = (cs.next()?, cs.next()?);
    if !sets().before_name.has(c0) || !sets().surnames.has(c1) {
        return None;
    }
    let rest = &w[c0.len_utf8()..];
    if n >= 3 {
        // Not before a character left alone, which may be the name's own
        // (`致江明` `原`) or end a phrase (`以农养` `农`).
        let next_alone = tokens.get(i + 1).is_some_and(|g| g.end - g.start == 1 && is_han_run(g.text(text)));
        return (!next_alone
            && name_shaped(rest)
            && segmenter.known(w).is_none()
            && segmenter.known(rest).is_none_or(|k| k.tag.entity() == Some(EntityKind::Person)))
        .then_some(i);
    }
    let g = tokens.get(i + 1)?;
    let gw = g.text(text);
    if sets().honorifics.contains(gw) || sets().titles.contains(gw) {
        return segmenter.known(w).is_none().then_some(i);
    }
    let given = g.end - g.start == 2
        && is_han_run(gw)
        && g.tag.is_any(&GIVEN_TAGS)
        && !gw.chars().next_back().is_some_and(|c| NOT_GIVEN_SET.has(c));
    if !given || segmenter.known(w).is_some() {
        return None;
    }
    let name = &text[t.byte_start as usize + c0.len_utf8()..g.byte_end as usize];
    segmenter.known(name).is_none().then_some(i + 1)
}

/// Is the word all Han characters?
fn is_han_run(w: &str) -> bool {
    !w.is_empty() && w.chars().all(is_han)
}

/// Are tokens `a..=b` all transliteration characters inside a longer run of
/// them (`肖内` `坎`, `鲁` `西亚` `努`): a piece of a foreign name, not a
/// Chinese one?
fn foreign_run(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    let all = |k: usize| tokens.get(k).is_some_and(|t| t.text(text).chars().all(crate::words::is_transliteration));
    (a..=b).all(all) && ((a > 0 && all(a - 1)) || all(b + 1))
}

/// Tags of the second word of a name jieba cut after the surname
/// (`吴` `方军`, `江` `宏伟`, `庞` `卫国`): nouns, adjectives, names.
const GIVEN_TAGS: crate::words::TagSet =
    crate::words::TagSet::of(&["n", "a", "nz", "ns", "nr", "nrt", "t", "x", "ng", "an", "nt"]);

/// The last token of a name jieba cut after its surname: a surname alone
/// (tagged as a name) before a two-character word, where the three
/// characters are no word of the dictionary and the surname stands
/// after a punctuation mark, a title or a word of two or more characters.
fn split_name(segmenter: &Segmenter, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    if t.end - t.start != 1 || t.tag != Tag::PERSON {
        return None;
    }
    let c0 = t.text(text).chars().next()?;
    if !sets().surnames.has(c0) || sets().common_surnames.has(c0) {
        return None;
    }
    let g = tokens.get(i + 1)?;
    let gw = g.text(text);
    if g.end - g.start != 2 || !g.tag.is_any(&GIVEN_TAGS) || !gw.chars().all(is_han) {
        return None;
    }
    if gw.chars().next_back().is_some_and(|c| NOT_GIVEN_SET.has(c))
        || sets().honorifics.contains(gw)
        || sets().titles.contains(gw)
    {
        return None;
    }
    // Not inside a run of single characters the segmenter could not join.
    if i > 0 && tokens[i - 1].end - tokens[i - 1].start == 1 && tokens[i - 1].text(text).chars().all(is_han) {
        return None;
    }
    if foreign_run(text, tokens, i, i + 1)
        || tokens.get(i + 2).is_some_and(|t| t.text(text).chars().next().is_some_and(|c| NOT_AFTER_NAME_SET.has(c)))
    {
        return None;
    }
    let name = &text[t.byte_start as usize..g.byte_end as usize];
    (segmenter.known(name).is_none()).then_some(i + 1)
}

/// How many characters of a word are a place before a word that is not
/// part of its name (`东北地区`, `中国政府`, `荷兰人`).
fn place_before(segmenter: &Segmenter, w: &str, n: usize) -> Option<usize> {
    if n < 3 {
        return None;
    }
    let last = w.chars().next_back()?;
    if !sets().after_place_ends.has(last) {
        return None;
    }
    // Only the few words of the list that end like `w` (a word ending in
    // `人`, `方` or `队` is met often).
    sets()
        .after_place
        .0
        .get(&last)?
        .iter()
        .filter(|s| w.ends_with(*s) && chars(s) + 2 <= n)
        .map(|s| n - chars(s))
        .find(|&k| is_place(segmenter, &w[..w.char_indices().nth(k).map_or(w.len(), |c| c.0)]))
}

/// Words before a place in one word that name a part of it or what it was
/// (`东部非洲`, `前苏联`).
const BEFORE_PLACE: &[&str] = &["东南部", "西南部", "东北部", "西北部", "南部", "北部", "东部", "西部", "中部", "前"];

/// How many characters of a word come before a place named in it after a
/// part of it or what it was (`东部非洲`, `前苏联`).
fn place_after(segmenter: &Segmenter, w: &str, n: usize) -> Option<usize> {
    if n < 3 || !w.starts_with(['东', '西', '南', '北', '中', '前']) {
        return None;
    }
    BEFORE_PLACE
        .iter()
        .filter(|s| w.starts_with(*s) && chars(s) + 2 <= n)
        .find(|s| is_place(segmenter, &w[s.len()..]))
        .map(|s| chars(s))
}

/// Is the word a place in the dictionary?
fn is_place(segmenter: &Segmenter, word: &str) -> bool {
    chars(word) >= 2 && segmenter.known(word).is_some_and(|k| k.tag == Tag::PLACE)
}

/// How many characters of a word jieba lists whole are a person's name
/// before a word that is not part of it (`邓小平理论`, `马克思主义`).
fn person_in_word(segmenter: &Segmenter, w: &str, n: usize) -> Option<usize> {
    if n < 5 || !w.ends_with(['论', '想', '义', '辰', '居', '作', '选', '集']) {
        return None;
    }
    let rest = AFTER_PERSON_IN_WORD.iter().find(|s| w.ends_with(*s))?;
    let name = &w[..w.len() - rest.len()];
    let known = segmenter.known(name)?;
    let ok = known.tag.entity() == Some(EntityKind::Person)
        && (known.tag.name() == "nrfg" || name_shaped(name) || transliterated(name));
    ok.then(|| n - chars(rest))
}

/// Is the token one character that names a country beside another one
/// (`中` `韩` `两国`, `中` `、` `阿`), and not a date's day (`23` `日` `美国`)?
fn country_pair(text: &str, tokens: &[Token], i: usize) -> bool {
    let sets = sets();
    let one = |k: usize| -> Option<char> {
        let t = tokens.get(k)?;
        let c = t.text(text).chars().next()?;
        (t.end - t.start == 1 && sets.countries.has(c) && !matches!(c, '希' | '意' | '葡' | '荷' | '埃' | '叙'))
            .then_some(c)
    };
    let Some(c) = one(i) else { return false };
    let comma = |k: usize| tokens.get(k).is_some_and(|t| t.text(text) == "、");
    // `以` (Israel) is also "by": only beside `巴` or `阿`.
    let israel = |a: char, b: char| a != '以' || "巴阿".contains(b);
    let other = |k: usize| one(k).is_some_and(|p| p != c && israel(c, p) && israel(p, c));
    // Not after a number: the first of the two is no day of a date.
    let free = |first: usize| {
        first == 0
            || !tokens[first - 1]
                .text(text)
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() || "〇一二三四五六七八九十百年月".contains(p))
    };
    let before = if i >= 1 && other(i - 1) {
        Some(i - 1)
    } else if i >= 2 && comma(i - 1) && other(i - 2) {
        Some(i - 2)
    } else {
        None
    };
    let after = other(i + 1) || (comma(i + 1) && other(i + 2));
    before.is_some_and(free) || (after && free(i))
}

/// Do the words around make a two-character name a person's?
fn person_context(prev: &str, next: &str) -> bool {
    // The lists are read only when the last character of the word before
    // or the first of the word after can end or start one of them.
    let sets = sets();
    let before = prev.chars().next_back().is_some_and(|c| sets.title_ends.has(c))
        && (TITLES.iter().any(|t| prev.ends_with(t)) || PERSON_BEFORE.iter().any(|t| *t != "·" && prev.ends_with(t)));
    before
        || (next.chars().next().is_some_and(|c| sets.context_after_starts.has(c))
            && (AFTER_NAME.iter().any(|a| next.starts_with(a) && *a != "等" && *a != "关于")
                || matches!(next, "先生" | "女士" | "同志")
                || sets.titles.contains(next)
                || sets.person_before.contains(next)
                || sets.honorifics.contains(next)))
}

/// Places and people named by one character in words that are neither:
/// `中美` `关系`, `访华`, `中方`, `俄` `总统`, `美军`; `李先生`, `老王`.
#[allow(clippy::too_many_arguments)]
fn small_names(
    segmenter: &Segmenter,
    t: &Token,
    w: &str,
    n: usize,
    prev: &str,
    next: &str,
    span: &impl Fn(&Token, usize, usize, EntityKind) -> Found,
    out: &mut Vec<Found>,
) {
    let sets = sets();
    let mut cs = w.chars();
    let Some(c0) = cs.next() else { return };
    if !sets.small_starts.has(c0) {
        return;
    }
    let c1 = cs.next();
    let surname = |c: char| sets.surnames.has(c) && !sets.common_surnames.has(c);
    if n == 1 {
        if c0 == '俄'
            || sets.alone.has(c0)
                && ((prev.len() == 3 && prev.chars().next().is_some_and(|p| sets.going.has(p)))
                    || (next.starts_with(|c| sets.state_after_starts.has(c))
                        && STATE_AFTER.iter().any(|s| next.starts_with(s))))
        {
            out.push(span(t, 0, 1, EntityKind::Place));
        } else if surname(c0)
            && (matches!(prev, "老" | "小")
                || (next.chars().next().is_some_and(|c| sets.honorific_starts.has(c))
                    && sets.honorifics.contains(next)))
        {
            out.push(span(t, 0, 1, EntityKind::Person));
        }
        return;
    }
    let Some(c1) = c1 else { return };
    // A pair (or three) of abbreviations: 中美, 中美关系, 日俄首脑.
    if sets.abbreviations.has(c0) && sets.abbreviations.has(c1) {
        let abbr = w.chars().take_while(|&c| sets.abbreviations.has(c)).count().min(3);
        let distinct = {
            let v: Vec<char> = w.chars().take(abbr).collect();
            v.iter().enumerate().all(|(i, c)| !v[..i].contains(c))
        };
        let rest = &w[w.char_indices().nth(abbr).map_or(w.len(), |c| c.0)..];
        // Two or three countries in a word of their own: 印巴, 中日韩.
        let countries = rest.is_empty()
            && w.chars().all(|c| sets.countries.has(c))
            && !NOT_PAIRS.contains(&w)
            && t.tag.entity() != Some(EntityKind::Person);
        let related = countries
            || if rest.is_empty() {
                RELATIONS.iter().any(|r| next.starts_with(r)) || next == "、"
            } else {
                RELATIONS.contains(&rest)
            };
        if distinct && related {
            for k in 0..abbr {
                out.push(span(t, k, k + 1, EntityKind::Place));
            }
            return;
        }
    }
    let after_going = || {
        let rest = &w[c0.len_utf8() + c1.len_utf8()..];
        n == 2 || AFTER_GOING.contains(&rest)
    };
    if sets.going.has(c0) && sets.alone.has(c1) && after_going() {
        out.push(span(t, 1, 2, EntityKind::Place));
    } else if (n == 2 && c1 == '方' && (sets.alone.has(c0) || c0 == '中')) || led_by_place(w, c0, c1) {
        out.push(span(t, 0, 1, EntityKind::Place));
    } else if n <= 3 && sets.honorific_starts.has(c1) && surname(c0) && sets.honorifics.contains(&w[c0.len_utf8()..]) {
        out.push(span(t, 0, 1, EntityKind::Person));
    } else if n == 2
        && matches!(c0, '老' | '小')
        && surname(c1)
        && segmenter.known(w).is_none_or(|k| k.tag.entity() == Some(EntityKind::Person))
    {
        // 老王, not 老师.
        out.push(span(t, 1, 2, EntityKind::Person));
    }
}

/// A token's first character, read from the text's bytes when it is of
/// one byte or three in UTF-8 (marks, Latin letters, digits and Han
/// characters), without slicing the text.
#[inline(always)]
fn first_char(text: &str, t: &Token) -> Option<char> {
    let b = text.as_bytes();
    let at = t.byte_start as usize;
    if at < t.byte_end as usize
        && let Some(&b0) = b.get(at)
    {
        if b0 < 0x80 {
            return Some(char::from(b0));
        }
        if b0 & 0xF0 == 0xE0
            && let Some(&[_, b1, b2]) = b.get(at..at + 3)
        {
            return char::from_u32(u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F));
        }
    }
    first_char_decoded(text, t)
}

/// [`first_char`] for the other characters (and empty tokens).
#[cold]
#[inline(never)]
fn first_char_decoded(text: &str, t: &Token) -> Option<char> {
    t.text(text).chars().next()
}

/// A token's last character, read as [`first_char`] reads the first.
#[inline]
fn last_char(text: &str, t: &Token) -> Option<char> {
    last_han(text, t).or_else(|| t.text(text).chars().next_back())
}

/// A token's last character if it is one of three bytes in UTF-8 (every
/// Han character of [`HanSet`]'s range is), read from the text's bytes.
#[inline]
fn last_han(text: &str, t: &Token) -> Option<char> {
    let (start, end) = (t.byte_start as usize, t.byte_end as usize);
    let b = text.as_bytes().get(end.checked_sub(3)?..end)?;
    if end - start < 3 || b[0] & 0xF0 != 0xE0 {
        return None;
    }
    char::from_u32(u32::from(b[0] & 0x0F) << 12 | u32::from(b[1] & 0x3F) << 6 | u32::from(b[2] & 0x3F))
}

/// Organisations: token ranges (first, last, characters of the last left
/// out) from a head word back over the words that name it.
fn organizations(
    text: &str,
    tokens: &[Token],
    facts: &[u8],
    segmenter: &Segmenter,
) -> Vec<(usize, usize, usize, EntityKind)> {
    let mut orgs: Vec<(usize, usize, usize, EntityKind)> = Vec::new();
    let lists = sets();
    let unit = |k: usize, head: usize| {
        k + 1 == head
            && tokens[k].end - tokens[k].start == 1
            && first_char(text, &tokens[k]).is_some_and(|c| lists.units.has(c))
    };
    let ends = &lists.organization_ends;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        // One look at the last character lets most words go: heads, titles
        // (`…长`, `…书记`), congresses (`…大`) and `中央` end so. Read
        // from the text's last three bytes, before the word is sliced and
        // decoded: the words these rules read end in a Han character (three
        // bytes). Organisations' tokens and unknown two-character tokens
        // (the particle rule's) are let through to the full look below.
        // (The look is one of the word's facts, `facts_of`.)
        if facts[i] & fact::ORGANIZATIONS_LOOK == 0 {
            continue;
        }
        let ends_so = last_han(text, t).is_some_and(|c| ends.has(c));
        let maybe_particle = t.tag == Tag::UNKNOWN && t.end - t.start == 2;
        let whole_word = t.text(text);
        let last = whole_word.chars().next_back();
        let particle = maybe_particle && head_before_particle(t, whole_word).is_some();
        if !(t.tag == Tag::ORGANIZATION || particle || ends_so) {
            continue;
        }
        let titled = last.is_some_and(|c| TITLE_LAST_CHARS.contains(&c));
        // A party's central committee: 农工党 中央.
        if whole_word == "中央"
            && i > 0
            && tokens[i - 1].tag == Tag::ORGANIZATION
            && tokens[i - 1].text(text).ends_with('党')
            && !tokens.get(i + 1).is_some_and(|t| t.tag == Tag::ORGANIZATION || HEADS.contains(&t.text(text)))
        {
            let start = match orgs.last() {
                Some(&(s, e, 0, EntityKind::Organization)) if e + 1 == i => s,
                _ => i - 1,
            };
            while orgs.last().is_some_and(|&(_, e, ..)| e >= start) {
                orgs.pop();
            }
            orgs.push((start, i, 0, EntityKind::Organization));
            continue;
        }
        // A party congress by its number: 十五大.
        if congress(whole_word) {
            while orgs.last().is_some_and(|&(s, ..)| s >= i) {
                orgs.pop();
            }
            orgs.push((i, i, 0, EntityKind::Organization));
            continue;
        }
        // Heads are nouns, verbs or the HMM's words (`重大`, `会` are let
        // go here).
        if !(t.tag == Tag::ORGANIZATION || particle || modifier(t.tag) || t.tag.is_any(&VERBS)) {
            continue;
        }
        // A title after the name in one word: 司法部长 gives 司法部.
        let n_whole = (t.end - t.start) as usize;
        let (w, trim) = match titled.then(|| titled_organization(segmenter, whole_word)).flatten() {
            Some(name) => (name, n_whole - chars(name)),
            // A head of one character the HMM joined to a particle after
            // it: 队以, 社于.
            None => match head_before_particle(t, whole_word) {
                Some(head) => (head, 1),
                None if titled && i > 0 && split_title(whole_word, tokens[i - 1].tag, tokens[i - 1].text(text)) => {
                    (&whole_word[..3], 1)
                }
                None => (whole_word, 0),
            },
        };
        let n = n_whole - trim;
        // A bare head before a title (`公司` of `公司总裁`) is a head that
        // needs a name before it; a longer name is one.
        let nt = (t.tag == Tag::ORGANIZATION && n >= 2)
            || (trim > 0 && (n >= 3 || segmenter.known(w).is_some_and(|k| k.tag == Tag::ORGANIZATION)));
        // A building or a place made by people, named like an organisation:
        // 浦东体育馆, 里斯本机场.
        // The lists are read only for words of a head's tag and last
        // character, a few of all.
        let last = w.chars().next_back().unwrap_or(' ');
        let facility = n >= 2 && lists.facility_ends.has(last) && modifier(t.tag) && lists.facilities.ends(w, last);
        // 组织, which jieba tags as a verb, right after an organisation's
        // short name: 东盟 组织 (not 东盟 组织 了…).
        let organization_word = w == "组织"
            && i > 0
            && tokens[i - 1].tag == Tag::ORGANIZATION
            && !tokens[i - 1].text(text).ends_with(SHORT_HEADS)
            && !HEADS.iter().any(|h| tokens[i - 1].text(text).ends_with(h))
            && tokens.get(i + 1).is_none_or(|t| !matches!(t.text(text), "了" | "过" | "着" | "起"));
        let head = nt
            || trim > 0
            || facility
            || organization_word
            || ((modifier(t.tag) || (t.tag.is_any(&VERBS) && n >= 3))
                && ((lists.long_head_ends.has(last) && lists.heads.ends(w, last))
                    || (SHORT_HEADS.contains(&last) && (n != 2 || branch(w)) && (n >= 3 || last != '所')))
                && (!lists.not_heads.is(w, last) || learned_society(text, tokens, i))
                && !lists.not_head_endings.ends(w, last));
        // A head of two characters ending in one of one character (`总厂`,
        // `分局`, `教委`) needs a name before it, as one of one character does.
        if !head || !w.chars().all(is_han) {
            continue;
        }
        let short_pair = !nt && n == 2 && !lists.heads.is(w, last) && !facility;
        let mut a = i;
        let mut size = n;
        let mut named = false;
        while a > 0 {
            let m = &tokens[a - 1];
            let mw = m.text(text);
            let mn = (m.end - m.start) as usize;
            // A verb names what the organisation does inside its name
            // (`劳动争议` `仲裁` `委员会`, `经济` `开发` `委员会`): a verbal
            // noun anywhere, a verb right before the head.
            // A verb after a noun inside the name too (`管理体系` `认证`
            // `指导` `委员会`), never after a name that is whole already
            // (`华星公司` `买下` `新兴电子公司`).
            let after_noun = a >= 2 && a < i && tokens[a - 2].tag.is_any(&NOUNS);
            let after_whole = || {
                a >= 2 && {
                    let p = &tokens[a - 2];
                    let pw = p.text(text);
                    p.tag == Tag::ORGANIZATION || pw.ends_with(SHORT_HEADS) || HEADS.iter().any(|h| pw.ends_with(h))
                }
            };
            let verb = m.tag.is_any(&VERBS)
                && (m.tag.name() == "vn" || (a == i && !nt) || after_noun)
                && mn == 2
                && !(m.tag.name() == "v" && after_whole());
            // A name in quotation marks: 杭州 “春芽” 合唱团.
            if matches!(mw, "”" | "』")
                && let Some(open) = quoted(text, tokens, a - 1)
            {
                size += (tokens[a - 2].end - tokens[open + 1].start) as usize;
                a = open;
                named = true;
                continue;
            }
            // The session inside a name: 致公党 第十届 中央 常委会.
            let session = a < i && ordinal(mw) && a >= 2 && proper(tokens[a - 2].tag);
            if session {
                a -= 1;
                size += mn;
                continue;
            }
            if !(modifier(m.tag)
                || unit(a - 1, i)
                || verb
                || short_division(segmenter, text, tokens, a - 1)
                || ORGANIZATION_STARTS.contains(&mw))
                || lists.not_modifiers.contains(mw)
                || lists.match_verbs.contains(mw)
                || (lists.title_ends.has(mw.chars().next_back().unwrap_or(' '))
                    && (lists.titles.contains(mw) || lists.person_before.contains(mw)))
                || size + mn > 20
                || !mw.chars().all(is_han)
            {
                break;
            }
            // A word of one character is no part of a name, unless it is a
            // place's, a unit's or the first of a word the segmenter cut
            // from the head (`网` `球队`).
            let one_ok =
                matches!(m.tag.name(), "ns" | "j" | "b") || unit(a - 1, i) || (a == i && cut_off(segmenter, mw, w));
            if mn == 1 && !one_ok {
                break;
            }
            // A word the HMM joined across a verb or a particle (`城是`,
            // `见图`, `由原`).
            if joined_across(segmenter, m.tag, mw) {
                break;
            }
            a -= 1;
            size += mn;
            named |= proper(m.tag);
        }
        // A part of an organisation named right after it, by common words
        // and a head of its own: `南京` `市委` `老干部局`.
        let after_org = n >= 2
            && !nt
            && !facility
            && a > 0
            && orgs
                .last()
                .is_some_and(|&(_, e, trim, kind)| e + 1 == a && trim == 0 && kind == EntityKind::Organization)
            && (a..i).all(|k| tokens[k].tag.is_any(&NOUNS));
        if after_org {
            let (s0, ..) = orgs.pop().unwrap_or((a, i, 0, EntityKind::Organization));
            orgs.push((s0, i, trim, EntityKind::Organization));
            continue;
        }
        let scanned = a;
        // A name starts with a name (`苏溪镇` `专职` `消防队`, not `参观` `苏溪镇`…),
        // a word that starts names of organisations (`国家` `新闻出版署`) or a
        // unit right before the head (`站` `党委`).
        let one_place = |k: usize| {
            tokens[k].tag.is_any(&ONE_PLACE) && tokens[k].text(text).chars().all(|c| lists.abbreviations.has(c))
        };
        while a < i
            && !unit(a, i)
            && (tokens[a].end - tokens[a].start == 1 && !one_place(a)
                || !(proper(tokens[a].tag) || ORGANIZATION_STARTS.contains(&tokens[a].text(text)))
                || !name_start(segmenter, tokens[a].tag, tokens[a].text(text), a + 1 == i))
            && !short_division(segmenter, text, tokens, a)
        {
            a += 1;
        }
        // A building is named after the nearest place: 上海 浦东体育馆.
        while facility && a + 1 < i && tokens[a].tag == Tag::PLACE && proper(tokens[a + 1].tag) {
            a += 1;
        }
        named = named && (a..i).any(|k| proper(tokens[k].tag))
            || (a < i
                && tokens[a].text(text) != "人民"
                && !w.ends_with("中心")
                && !w.ends_with("集团")
                && ORGANIZATION_STARTS.contains(&tokens[a].text(text)));
        // A place in the head word itself: 智利队.
        let self_named = a == i && n >= 3 && place_before_head(segmenter, w);
        // A ministry by its field alone: 教育部, 农业部.
        let ministry = a == i && n == 3 && last == '部' && t.tag.is_any(&NOUNS) && trim == 0 && !HEADS.contains(&w);
        // An organisation of the administrative unit named by one
        // character before it: 乡 卫生院, 厅 党组, 市 接待处.
        let of_unit = a + 1 == i && tokens[a].end - tokens[a].start == 1 && unit(a, i);
        let mut ok = if a < i {
            named || nt || of_unit || short_division(segmenter, text, tokens, a)
        } else {
            (nt && n >= 2) || (self_named && !short_pair) || ministry
        };
        // A name of common words before a head of its own (`渔业`
        // `保险公司`, `港口` `管理局`), led by a mark, a preposition, a
        // conjunction or `的`: not after a verb or a number (`收购`
        // `信托公司`, `一家` `电子公司`), nor a head's own word (`集团`
        // `工会`), nor a person ending like a head.
        if !ok
            && scanned < i
            && !facility
            && trim == 0
            && t.tag.is_any(&NOUNS)
            && (n >= 3 || lists.heads.is(w, last))
            && (last != '行' || w.ends_with("银行"))
            && common_name(text, tokens, scanned, i)
        {
            a = scanned;
            ok = true;
        }
        // A country's companies or a continent's teams are a kind, not
        // one (`日本公司`, `欧洲` `球队`); a team's word before a
        // tournament's names the sport (`世界` `男排` `锦标赛`).
        let kind_of = || {
            matches!(last, '司' | '队')
                && kind_of_place(segmenter, &text[tokens[a].byte_start as usize..t.byte_end as usize]).is_some()
        };
        let tournament = || {
            w.ends_with(['队', '篮', '排', '足'])
                && tokens.get(i + 1).is_some_and(|t| {
                    let tw = t.text(text);
                    tw.ends_with('赛') && (chars(tw) >= 3 || tw == "联赛")
                })
        };
        if ok && size >= 2 && trim == 0 && (tournament() || kind_of()) {
            continue;
        }
        if ok && size >= 2 {
            // The session before the name: 第六届 全国人大.
            if a > 0 && ordinal(tokens[a - 1].text(text)) {
                a -= 1;
            }
            while orgs.last().is_some_and(|&(s, ..)| s >= a) {
                orgs.pop();
            }
            if orgs.last().is_some_and(|&(_, e, ..)| e >= a) {
                continue;
            }
            let kind = if facility { EntityKind::Place } else { EntityKind::Organization };
            orgs.push((a, i, trim, kind));
        }
    }
    parts_after(text, tokens, &mut orgs);
    orgs
}

/// Heads of the parts of an organisation, of one character, besides
/// the organisations' own: a section (`科`), a department (`系`), an
/// office (`室`), a desk (`台`), a group (`组`).
const PART_HEADS: &[char] = &['科', '系', '室', '台', '组'];

/// Is token `j` the head of a part of an organisation (`驾驶` `部`,
/// `电子` `工程系`, `第` `12` `军`, `青春` `艺术团`)?
fn part_head(text: &str, tokens: &[Token], j: usize) -> bool {
    const HEAD_TAGS: crate::words::TagSet = crate::words::TagSet::of(&["n", "nt", "j", "nz"]);
    let t = &tokens[j];
    let w = t.text(text);
    let Some(last) = w.chars().next_back() else { return false };
    let lists = sets();
    t.tag.is_any(&HEAD_TAGS)
        && (SHORT_HEADS.contains(&last) || PART_HEADS.contains(&last) || lists.heads.ends(w, last))
        && w.chars().all(is_han)
        && !lists.not_heads.is(w, last)
        && !lists.not_head_endings.ends(w, last)
        && (last != '行' || w.ends_with("银行"))
        && !sets().titles.contains(w)
        && !TITLE_ENDINGS.contains(&w)
        && !sets().not_modifiers.contains(w)
}

/// A part named right after its organisation belongs to its name: the
/// organisation, the words that name the part (nouns, verbs of two
/// characters, a set phrase, a place, a number) and the part's head
/// (`东方航空公司` `驾驶` `部`, `作家协会` `访问` `代表团`, `陆军`
/// `第` `12` `军`, `武警` `上海` `三` `总队`). Up to four words between, and
/// none of a mark, a title, a match verb or a word that never stands
/// in a name.
fn parts_after(text: &str, tokens: &[Token], orgs: &mut Vec<(usize, usize, usize, EntityKind)>) {
    let mut k = 0;
    while k < orgs.len() {
        let (s, e, trim, kind) = orgs[k];
        if trim > 0 || kind != EntityKind::Organization {
            k += 1;
            continue;
        }
        let mut found = None;
        for j in e + 1..tokens.len().min(e + 6) {
            let m = &tokens[j];
            let mw = m.text(text);
            // A head right after the organisation is a word of its own
            // (`董事会`), not one like `建队`, `入党`.
            let n = (m.end - m.start) as usize;
            let ok = if j == e + 1 { n >= 3 } else { n >= 2 || tokens[j - 1].tag.is_any(&VERBS) || j > e + 2 };
            if ok && part_head(text, tokens, j) {
                found = Some(j);
                break;
            }
            // A number of the part (`第` `12` `军`, `三` `总队`).
            if m.tag.name() == "m" && (mw == "第" || mw.chars().all(|c| c.is_ascii_digit() || NUMERALS.has(c))) {
                continue;
            }
            if n < 2 || !mw.chars().all(is_han) {
                break;
            }
            // A verb names the part's work right before a head of one
            // character (`驾驶` `部`); one before a name is what the
            // organisation did (`买下` `新兴电子公司`).
            let named_by = modifier(m.tag)
                || m.tag.name() == "i"
                || (n == 2
                    && (m.tag.name() == "vn"
                        || (m.tag.is_any(&VERBS)
                            && tokens
                                .get(j + 1)
                                .is_some_and(|h| h.end - h.start == 1 && part_head(text, tokens, j + 1)))));
            if !named_by {
                break;
            }
        }
        // Words that never stand in a name, read only once a part is
        // found (titles only for a word ending like one).
        let never = |m: &Token| {
            let mw = m.text(text);
            sets().not_modifiers.contains(mw)
                || sets().match_verbs.contains(mw)
                || (mw.chars().next_back().is_some_and(|c| sets().title_ends.has(c))
                    && (sets().titles.contains(mw) || sets().person_before.contains(mw)))
        };
        let Some(mut j) = found.filter(|&j| !tokens[e + 1..j].iter().any(never)) else {
            k += 1;
            continue;
        };
        // An organisation found inside the part is part of it.
        while orgs.get(k + 1).is_some_and(|&(s2, ..)| s2 <= j) {
            j = j.max(orgs[k + 1].1);
            orgs.remove(k + 1);
        }
        orgs[k] = (s, j, 0, kind);
    }
}

/// Do tokens `a..i` name the organisation of the head at `i` by common
/// nouns alone? They are nouns, the first a noun proper and no head word
/// of its own, four characters or more with the head, and the name
/// stands after a mark, a preposition, a conjunction or `的` (or a
/// word like `该市`), where a name starts rather than a phrase.
fn common_name(text: &str, tokens: &[Token], a: usize, i: usize) -> bool {
    let first = tokens[a].text(text);
    let first_last = first.chars().next_back().unwrap_or(' ');
    let size: usize = (a..=i).map(|k| (tokens[k].end - tokens[k].start) as usize).sum();
    let led = a == 0 || {
        let p = &tokens[a - 1];
        let pw = p.text(text);
        matches!(p.tag.name(), "p" | "c" | "uj")
            || !pw.chars().all(is_han)
            || (p.tag.name() == "r" && pw.ends_with(['市', '县', '省']))
    };
    size >= 4
        && led
        && tokens[a].tag.name() == "n"
        && !sets().heads.is(first, first_last)
        && (a..i).all(|k| tokens[k].tag.is_any(&NOUNS))
}

/// Characters of particles, pronouns, adverbs and verbs of one character
/// that the HMM joins to a neighbour: a word it made with one of them at
/// either end is no part of a name (`城是`, `见图`, `由原`, `我同`).
const JOINED: &str = "是的了在和与及等为对把被将也都就从向由同获见出支我你他她这那还正刚首原已再又";

/// Is the word one the HMM joined across a particle or a verb?
fn joined_across(segmenter: &Segmenter, tag: Tag, w: &str) -> bool {
    let unknown = tag == Tag::UNKNOWN || (tag == Tag::PERSON && segmenter.known(w).is_none());
    unknown && (w.starts_with(|c: char| JOINED_SET.has(c)) || w.ends_with(|c: char| JOINED_SET.has(c)))
}

/// Can the word start an organisation's name? A word of the HMM's or a
/// person's name only when it is not joined across a particle, and a
/// Chinese person's name only right before the head (`李嘉诚` `基金会`,
/// not `胡立诚` `代表` `中国青年扶贫委员会`).
fn name_start(segmenter: &Segmenter, tag: Tag, w: &str, before_head: bool) -> bool {
    match tag.name() {
        "x" => !joined_across(segmenter, tag, w),
        "nr" => !joined_across(segmenter, tag, w) && (before_head || !name_shaped(w)),
        _ => true,
    }
}

/// The head of one character of a word the HMM joined from it and a
/// particle or preposition (`队以`, `社于`, `报等`).
fn head_before_particle<'w>(t: &Token, w: &'w str) -> Option<&'w str> {
    // The HMM's words of two characters only, before any is decoded.
    if t.tag != Tag::UNKNOWN || t.end - t.start != 2 {
        return None;
    }
    let mut cs = w.char_indices();
    let (_, c0) = cs.next()?;
    let (b1, c1) = cs.next()?;
    let ok = SHORT_HEADS.contains(&c0) && t.tag == Tag::UNKNOWN && cs.next().is_none() && PARTICLES.has(c1);
    ok.then(|| &w[..b1])
}

/// Is a word of two characters the head of a branch or a works (`总厂`,
/// `分局`, `支队`, `铝厂`), which names an organisation after a name?
fn branch(w: &str) -> bool {
    w.starts_with(['总', '分', '支'])
        || (w.ends_with('厂') && w != "工厂")
        || (w.ends_with('委') && !matches!(w, "常委" | "政委" | "评委" | "编委" | "主委"))
}

/// Titles of two characters whose first is the head of what its holder
/// leads (`部长` of a ministry, `会长` of an association).
const HEAD_TITLES: &[&str] = &["部长", "局长", "厅长", "署长", "社长", "会长", "院长", "行长"];

/// Words that make a title of another kind (`代理` `部长`, `首任` `行长`).
const NOT_BEFORE_TITLES: &[&str] =
    &["代理", "首任", "常务", "执行", "名誉", "前任", "现任", "第一", "署理", "助理", "副"];

/// Is a title in a word of its own after a name the head of an
/// organisation and its holder's title (`丹麦` `文化` `部长` gives
/// `丹麦文化部`)? Not after a name that has its head already (`足协`
/// `会长`).
fn split_title(w: &str, prev_tag: Tag, prev: &str) -> bool {
    const BEFORE: crate::words::TagSet = crate::words::TagSet::of(&["ns", "n", "nz", "j", "l"]);
    HEAD_TITLES.contains(&w)
        && prev_tag.is_any(&BEFORE)
        && !NOT_BEFORE_TITLES.contains(&prev)
        && chars(prev) >= 2
        && (!prev.ends_with(SHORT_HEADS) || (w == "社长" && prev.ends_with('报')))
        && !prev.ends_with(['会', '协', '联'])
        && prev.chars().all(is_han)
}

/// The organisation of a word that ends with a title (`司法部长`,
/// `市委书记`): the rest, when the dictionary has it as an organisation or
/// as a word ending with a head (`外交部`).
fn titled_organization<'w>(segmenter: &Segmenter, w: &'w str) -> Option<&'w str> {
    // Only the longest title the word ends with: `医院院长` holds `院长`,
    // and `长` alone would leave `医院院`.
    TITLE_ENDINGS.iter().filter(|e| w.ends_with(*e)).max_by_key(|e| e.len()).and_then(|e| {
        let name = &w[..w.len() - e.len()];
        let ok = chars(name) >= 2
            && (segmenter.known(name).is_some_and(|k| k.tag == Tag::ORGANIZATION)
                || (chars(name) >= 3 && name.ends_with(['部', '局', '厅', '署', '委']) && !NOT_HEADS.contains(&name))
                || (chars(name) >= 2 && ["公司", "银行", "集团", "党组", "总社"].iter().any(|h| name.ends_with(h)))
                || (chars(name) >= 3 && name.ends_with(['社', '院']) && !NOT_HEADS.contains(&name))
                || (chars(name) == 2 && name.ends_with('委') && name.starts_with(|c: char| ADMINISTRATIVE_SET.has(c))));
        ok.then_some(name)
    })
}

/// Does a head word start with a place (`智利队`, `古巴队`)?
fn place_before_head(segmenter: &Segmenter, w: &str) -> bool {
    let Some(last) = w.chars().next_back() else { return false };
    let head = if SHORT_HEADS.contains(&last) { last.len_utf8() } else { 0 };
    // The first of the heads it ends with, looked for among those ending
    // in its last character.
    let head = sets().heads.find_end(w, last).map_or(head, str::len);
    head > 0 && head < w.len() && is_place(segmenter, &w[..w.len() - head])
}

/// Is the word `学会` at token `i` a learned society's head, not the verb
/// "to learn": after a noun, and before a mark or `的` (`园艺` `学会`
/// `，`; not `学生们` `学会` `了`)?
fn learned_society(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[i].text(text) == "学会"
        && i > 0
        && tokens[i - 1].tag.is_any(&NOUNS)
        && tokens.get(i + 1).is_none_or(|t| t.text(text) == "的" || !t.text(text).chars().all(is_han))
}

/// Administrative units named by one character before the head of one of
/// their organisations (`县` `卫生院`, `厅` `党组`).
const ADMINISTRATIVE: &str = "省市地县区乡镇厅";

/// Is token `a` the short form of a division whose word starts the token
/// after it (`修水` `县委`, `城南` `县政府`: 修水县, 城南县)? jieba has many
/// such names as ordinary words.
fn short_division(segmenter: &Segmenter, text: &str, tokens: &[Token], a: usize) -> bool {
    let (Some(t), Some(next)) = (tokens.get(a), tokens.get(a + 1)) else { return false };
    let Some(c) = next.text(text).chars().next().filter(|c| matches!(c, '省' | '市' | '县' | '区')) else {
        return false;
    };
    let w = t.text(text);
    if t.end - t.start != 2 || next.end - next.start < 2 || !w.chars().all(is_han) {
        return false;
    }
    let mut name = String::with_capacity(w.len() + 3);
    name.push_str(w);
    name.push(c);
    segmenter.known(&name).is_some_and(|k| k.tag == Tag::PLACE)
}

/// Is the word a party congress by its number (`十五大`, `十六大`)?
fn congress(w: &str) -> bool {
    w.strip_suffix('大').is_some_and(|number| number.chars().count() >= 2 && number.chars().all(|c| NUMERALS.has(c)))
}

/// The opening mark of a name of one to ten characters in quotation
/// marks whose closing mark is token `close`: `“` `春芽` `”`.
fn quoted(text: &str, tokens: &[Token], close: usize) -> Option<usize> {
    let want = if tokens[close].text(text) == "”" { "“" } else { "『" };
    let open = (close.saturating_sub(6)..close).rev().find(|&k| tokens[k].text(text) == want)?;
    let name = &text[tokens.get(open + 1)?.byte_start as usize..tokens[close - 1].byte_end as usize];
    (open + 1 < close && (1..=10).contains(&chars(name)) && name.chars().all(is_han)).then_some(open)
}

/// Is a word of one character the first of a word that the segmenter cut
/// from the head after it (`冰` `球队`: 冰球, `排` `球队`: 排球)?
fn cut_off(segmenter: &Segmenter, one: &str, head: &str) -> bool {
    let Some(c) = head.chars().next() else { return false };
    let mut w = String::with_capacity(one.len() + c.len_utf8());
    w.push_str(one);
    w.push(c);
    one.chars().all(is_han) && segmenter.known(&w).is_some_and(|k| k.tag.is_any(&NOUNS))
}

/// Is the word the number of a session (`第六届`, `九届`, `首届`)?
fn ordinal(w: &str) -> bool {
    if w == "首届" {
        return true;
    }
    let Some(number) = w.strip_suffix('届') else { return false };
    let number = number.strip_prefix('第').unwrap_or(number);
    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十百".contains(c))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::words::Mode;

    fn entities(s: &Segmenter, text: &str) -> Vec<(String, EntityKind)> {
        let mut tokens = s.cut(text, Mode::Reading);
        for t in &mut tokens {
            t.tag = s.tag_of(t.text(text));
        }
        let facts: Vec<u8> = tokens.iter().map(|t| facts_of(text, t)).collect();
        let mut out = Vec::new();
        recognise(text, &tokens, &facts, s, &mut out);
        out.iter().map(|f| (text[f.byte_start as usize..f.byte_end as usize].to_string(), f.kind)).collect()
    }

    /// The facts of a field's tokens as [`WordFacts`] reads them, against
    /// [`facts_of`] on every token.
    fn facts_agree(table: &mut WordFacts, s: &Segmenter, text: &str) {
        let mut ids = Vec::new();
        let tokens = s.cut_known(text, Mode::Reading, &mut ids);
        let mut got = Vec::new();
        table.of_tokens(text, &tokens, &ids, s, &mut got);
        let want: Vec<u8> = tokens.iter().map(|t| facts_of(text, t)).collect();
        assert_eq!(got, want, "{text}");
    }

    /// The table of facts by id follows a word learned as a name (same id,
    /// new tag), another segmenter's ids in the same thread, and a build
    /// again of the dictionary; words without an id are read afresh.
    #[test]
    fn word_facts_follow_tags_segmenters_and_builds() {
        let texts = [
            "夏季是溺水事故高发季节，祥和的村里王志坚说。",
            "从稠城街道的小巷管家到福田社区，科菲·安南与李先生在《人民日报》上。",
            "老王和小李在中央委员会大学省委书记处，ABC公司123。",
        ];
        let mut table = WordFacts::default();
        let mut a = Segmenter::embedded();
        let mut b = Segmenter::embedded();
        for text in texts {
            facts_agree(&mut table, &a, text);
            facts_agree(&mut table, &b, text);
        }
        // Dictionary words (`祥和`, `管家`, `福田`) learned as people: same
        // ids, new tags; `b` keeps the old ones.
        a.learn_people(["祥和", "管家", "福田", "小巷"]);
        assert_eq!(a.known("祥和").map(|k| k.id), b.known("祥和").map(|k| k.id));
        for text in texts {
            facts_agree(&mut table, &a, text);
            facts_agree(&mut table, &b, text);
            facts_agree(&mut table, &a, text);
        }
        // The user's words, one of the dictionary's with a new tag, then
        // a build again without them (new ids for the words added).
        assert!(b.add_user_words("稠城 n\n小巷管家 nz\n福田 nt").errors.is_empty());
        for text in texts {
            facts_agree(&mut table, &b, text);
        }
        b.clear_user_words().unwrap();
        for text in texts {
            facts_agree(&mut table, &b, text);
            facts_agree(&mut table, &a, text);
        }
    }

    /// Ids near the top of what the table takes are checked by their rest
    /// as any other: an empty entry is no word's.
    #[test]
    fn word_facts_of_the_highest_ids() {
        let s = Segmenter::embedded();
        let text = "美丽";
        let mut tokens = s.cut(text, Mode::Reading);
        assert_eq!(tokens.len(), 1);
        tokens[0].tag = crate::words::Tag::from_name("a");
        assert_eq!(tokens[0].tag.number(), 0);
        let want = facts_of(text, &tokens[0]);
        assert_ne!(want, 0);
        for id in [(1 << 30) - 1, (1 << 30) - (1 << 14), (1 << 30) - (1 << 14) - 1, 1 << 30, u32::MAX] {
            let mut table = WordFacts::default();
            let mut got = Vec::new();
            table.of_tokens(text, &tokens, &[Some(id)], &s, &mut got);
            assert_eq!(got, [want], "id {id}");
            table.of_tokens(text, &tokens, &[Some(id)], &s, &mut got);
            assert_eq!(got, [want], "id {id}, again");
        }
    }

    /// The characters of a set, in order.
    fn members(set: &HanSet) -> Vec<char> {
        ('\u{4E00}'..='\u{9FFF}').filter(|&c| set.has(c)).collect()
    }

    /// The Han characters of some, in order and once each.
    fn han(chars: impl IntoIterator<Item = char>) -> Vec<char> {
        let mut v: Vec<char> = chars.into_iter().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn the_sets_made_at_compile_time_hold_the_characters_of_their_lists() {
        let sets = sets();
        let firsts = |l: &[&str]| l.iter().filter_map(|w| w.chars().next()).collect::<Vec<_>>();
        let lasts = |l: &[&str]| l.iter().filter_map(|w| w.chars().next_back()).collect::<Vec<_>>();
        let organization_ends = lasts(HEADS)
            .into_iter()
            .chain(lasts(FACILITIES))
            .chain(SHORT_HEADS.iter().copied())
            .chain(TITLE_LAST_CHARS)
            .chain(['大', '央']);
        assert_eq!(members(&sets.organization_ends), han(organization_ends));
        assert_eq!(members(&sets.led_second), han(LED_BY_PLACE.iter().filter_map(|w| w.chars().nth(1))));
        assert_eq!(members(&sets.title_ends), han(lasts(TITLES).into_iter().chain(lasts(PERSON_BEFORE))));
        assert_eq!(members(&sets.surnames), han(crate::words::SURNAMES.chars()));
        assert_eq!(members(&sets.units), han(UNITS.chars()));
        let busy = firsts(REGION_PAIRS)
            .into_iter()
            .chain(firsts(JAPANESE_SURNAMES))
            .chain(COUNTRIES.chars())
            .chain(ABBREVIATIONS.chars())
            .chain(GOING.iter().copied())
            .chain(['老', '小'])
            .chain(firsts(LED_BY_PLACE));
        assert_eq!(members(&sets.busy_starts), han(busy));
        // The lists read a character at a time are all of the range.
        for list in
            [NOT_AFTER_NAME, NOT_GIVEN, NOT_THIRD, JOINED, ADMINISTRATIVE, FUNCTION_WORDS, AFTER_HEADS, NUMERAL_CHARS]
        {
            assert!(list.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{list}");
        }
        assert_eq!(members(&NOT_GIVEN_SET), han(NOT_GIVEN.chars()));
        assert_eq!(members(&PARTICLES), han(AFTER_HEADS.chars()));
        assert_eq!(decode("a·中𠀀".as_bytes(), 1), ('·', 2));
        assert_eq!(decode("a·中𠀀".as_bytes(), 3), ('中', 3));
        assert_eq!(decode("a·中𠀀".as_bytes(), 6), ('𠀀', 4));
    }

    #[test]
    fn recognisers_take_what_they_should() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            ("他昨天从义乌出发，经浦江抵达金华。", &[("义乌", L), ("浦江", L), ("金华", L)]),
            ("代表团访问了挪威首都奥斯陆。", &[("挪威", L), ("奥斯陆", L)]),
            ("两人在兰溪市诸葛镇的一个村里长大。", &[("兰溪市", L), ("诸葛镇", L)]),
            ("东北地区今冬气温偏高。", &[("东北", L)]),
            ("中国政府一贯支持和平进程。", &[("中国", L)]),
            ("中美关系近来有所改善。", &[("中", L), ("美", L)]),
            ("总统将于下月访华。", &[("华", L)]),
            ("中方对此表示欢迎。", &[("中", L)]),
            ("美国财政部昨天发表声明。", &[("美国财政部", O)]),
            ("杭州市中级人民法院受理了此案。", &[("杭州市中级人民法院", O)]),
            ("他是李先生的邻居。", &[("李", P)]),
            ("美国总统克林顿昨天说。", &[("美国", L), ("克林顿", P)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
    }

    #[test]
    fn teams_listed_as_places_and_foreign_and_japanese_names_where_one_is() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            // Countries listed after a group's name are its teams.
            ("A组的肯尼亚、利比亚、摩纳哥进入八强。", &[("肯尼亚", O), ("利比亚", O), ("摩纳哥", O)]),
            ("B组：苏格兰、巴哈马出线。", &[("苏格兰", O), ("巴哈马", O)]),
            ("在对法国、挪威、肯尼亚等强队时稳取一分。", &[("法国", O), ("挪威", O), ("肯尼亚", O)]),
            ("这其中，苏格兰和巴哈马队各具特色。", &[("苏格兰", O)]),
            // A transliterated name jieba lists as a place or another
            // proper noun, after a title or a shirt number.
            ("球队主教练洛伦兹赛后接受了采访。", &[("洛伦兹", P)]),
            ("上半场第20分钟，7号齐达内头球破门。", &[("齐达内", P)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
        // Japanese names, in one word or two, and a surname alone after a
        // title.
        for (text, name) in [
            ("外相佐藤正雄会见了代表团。", "佐藤正雄"),
            ("首相佐藤表示欢迎。", "佐藤"),
            ("大臣高桥英明指出。", "高桥英明"),
        ] {
            let got = entities(&s, text);
            assert!(got.contains(&(name.to_string(), P)), "{text}: {got:?}");
        }
        for text in ["山下的村子里住着几户人家。", "他在佐藤公司工作。"] {
            let got = entities(&s, text);
            assert!(!got.iter().any(|g| g.1 == P), "{text}: {got:?}");
        }
        // A leader is a title before a foreign name, which the page
        // teaches as a person's even before a place's verb.
        let text = "反对派领袖卡纳图举行记者会。";
        let mut taught = Segmenter::embedded();
        taught.learn_from_page(&crate::parse_page(&format!("本报讯 {text}\n")));
        assert!(taught.is_learned_person("卡纳图"), "{:?}", entities(&taught, text));
        // The same places elsewhere stay places.
        for (text, place) in [
            ("他去过肯尼亚、利比亚和摩纳哥。", "利比亚"),
            ("代表团在洛伦兹停留两天。", "洛伦兹"),
            ("法国、挪威等国家的代表出席。", "挪威"),
        ] {
            let got = entities(&s, text);
            assert!(got.contains(&(place.to_string(), L)), "{text}: {got:?}");
        }
    }

    /// The rules of the third round of issue 13, each with a sentence of
    /// our own.
    #[test]
    fn rules_for_names_cut_apart_and_named_buildings() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            // A surname jieba cut off its given name.
            ("村支书蒋天明带头修路。", &[("蒋天明", P)]),
            // A two-character name the HMM joined, and a third character
            // it left alone.
            ("裁判卢晓出示了红牌。", &[("卢晓", P)]),
            ("校友侯敬之捐赠了图书。", &[("侯敬之", P)]),
            // A surname with a form of address is the surname.
            ("李大娘每天早起。", &[("李", P)]),
            // An organisation named by a word of no dictionary.
            ("德力西集团今年扩大了生产。", &[("德力西集团", O)]),
            // Verbs after nouns inside a name, and a branch of one.
            ("浙江省食品安全监督协调委员会召开会议。", &[("浙江省食品安全监督协调委员会", O)]),
            ("中国科学技术协会上海分会今天成立。", &[("中国科学技术协会上海分会", O)]),
            // A company's chief left out of its name.
            ("蓝星公司总裁出席了仪式。", &[("蓝星公司", O)]),
            ("西门子公司总裁出席了仪式。", &[("西门子公司", O)]),
            // Buildings and places made by people are places, named after
            // the nearest place.
            ("演出在广州天河体育馆举行。", &[("广州", L), ("天河体育馆", L)]),
            ("飞机降落在开罗机场。", &[("开罗机场", L)]),
            // A place before the word of its division, in a token of its own.
            ("他们访问了斯图加特市。", &[("斯图加特市", L)]),
            // A branch or works after a name, and a team's head the HMM
            // joined to a preposition.
            ("株洲有色冶炼总厂今年盈利。", &[("株洲有色冶炼总厂", O)]),
            ("厄瓜多尔队以2比1胜出。", &[("厄瓜多尔队", O)]),
            // A newspaper by its title.
            ("据《华尔兹晚报》报道，展览很受欢迎。", &[("华尔兹晚报", O)]),
            // jieba's transliterated names, mostly in characters of
            // transliteration.
            ("费尔南德斯多次发表讲话。", &[("费尔南德斯", P)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
    }

    /// Titles in a word of their own after the name of what their holder
    /// leads, committees and their parts, regions named together, and
    /// words led by a place's character, each with a sentence of our own.
    #[test]
    fn titles_after_a_name_regions_named_together_and_words_led_by_a_place() {
        use EntityKind::{Organization as O, Place as L};
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            // A title in a word of its own after the name of what its
            // holder leads: the head is part of the name, the title not.
            ("丹麦文化部长今天来访。", &[("丹麦文化部", O)]),
            ("大阪陶艺会长今天讲话。", &[("大阪陶艺会", O)]),
            // A committee and a session of its own inside the name; a part
            // of an organisation named right after it.
            ("东京世界杯组委会宣布了赛程。", &[("东京世界杯组委会", O)]),
            ("致公党第十届中央常委会召开会议。", &[("致公党第十届中央常委会", O)]),
            ("南京市委老干部局召开会议。", &[("南京市委老干部局", O)]),
            // Two regions named together are two places.
            ("青藏高原的雪线上升了。", &[("青", L), ("藏", L)]),
            ("江浙一带阴有小雨。", &[("江", L), ("浙", L)]),
            // A country's character before 国内.
            ("美国内政局稳定。", &[("美", L)]),
            // A word led by a place's one-character name.
            ("他唱了一辈子京剧。", &[("京", L)]),
            ("她获得了亚运会冠军。", &[("亚", L)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
        let refused: &[(&str, &str)] = &[
            // A title of two characters is cut off whole, never its last.
            ("他是人民医院院长。", "人民医院院"),
            ("她任北京法院院长。", "北京法院院"),
            // A title after a person, or one of another kind, is no head.
            ("王明行长出席了会议。", "王明行"),
            ("财政部代理部长发表讲话。", "财政部代理部"),
            // A part of a region is no organisation.
            ("河北中南部有小雨。", "河北中南部"),
        ];
        for (text, not) in refused {
            let got = entities(&s, text);
            assert!(!got.iter().any(|g| g.0 == *not), "{text}: {not} in {got:?}");
        }
    }

    /// Names jieba lists under another tag in a person's context,
    /// villages named by a common word, and heads of forums, each with a
    /// sentence of our own.
    #[test]
    fn names_in_context_villages_by_common_words_and_forums() {
        use EntityKind::{Organization as O, Person as P, Place as L};
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            // A three-character name jieba lists under another tag, in a
            // person's context.
            ("周恩来总理十分关心这件事。", &[("周恩来", P)]),
            // A village or a township named by a common word.
            ("茶园村的农民种茶。", &[("茶园村", L)]),
            // Heads of forums and formations.
            ("北京国际金融论坛今天开幕。", &[("北京国际金融论坛", O)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
        let refused: &[(&str, &str)] = &[
            // A kind of village is no village's name.
            ("这里是全省的重点村。", "重点村"),
            // Weather is no person.
            ("午后有雷阵雨，局部地区有大雨。", "雷阵雨"),
        ];
        for (text, not) in refused {
            let got = entities(&s, text);
            assert!(!got.iter().any(|g| g.0 == *not), "{text}: {not} in {got:?}");
        }
    }

    /// Organisations named in quotation or book-title marks, of a unit
    /// named by one character, after a division's short form jieba has as
    /// an ordinary word, with the head's title left out whole, and a
    /// party's central committee, each with a sentence of our own.
    #[test]
    fn organisations_in_marks_of_units_and_after_short_divisions() {
        use EntityKind::Organization as O;
        let s = Segmenter::embedded();
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            // A name in quotation marks before the head.
            ("杭州“春芽”合唱团今天演出。", &[("杭州“春芽”合唱团", O)]),
            // A periodical by its title in marks and its kind, with its country.
            ("据英国《星期》周刊报道，展览很受欢迎。", &[("英国《星期》周刊", O)]),
            // A unit named by one character before the head.
            ("她在镇卫生院当护士。", &[("镇卫生院", O)]),
            // A county's short form that jieba has as a verb.
            ("修水县委召开全会。", &[("修水县委", O)]),
            // A title whose first character repeats the head's.
            ("他会见了亚洲开发银行行长。", &[("亚洲开发银行", O)]),
            // A party's central committee, and 组织 after a short name.
            ("农工党中央召开会议。", &[("农工党中央", O)]),
            ("东盟组织成员国今天开会。", &[("东盟组织", O)]),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            for w in *want {
                assert!(got.iter().any(|g| g.0 == w.0 && g.1 == w.1), "{text}: {w:?} not in {got:?}");
            }
        }
        let refused: &[(&str, &str)] = &[
            // 组织 as a verb.
            ("东盟组织了一次会议。", "东盟组织"),
            ("儿童基金会组织实施了计划。", "儿童基金会组织"),
            // A party committee alone is no name.
            ("党委批准了计划。", "党委"),
        ];
        for (text, not) in refused {
            let got = entities(&s, text);
            assert!(!got.iter().any(|g| g.0 == *not), "{text}: {not} in {got:?}");
        }
    }

    #[test]
    fn organisations_named_by_common_words_where_a_name_starts() {
        use EntityKind::Organization as O;
        let s = Segmenter::embedded();
        let table: &[(&str, (&str, EntityKind))] = &[
            // After a preposition, at the start, after a mark.
            ("据港口管理局透露，航班已经恢复。", ("港口管理局", O)),
            ("渔业保险公司今年赔付了三千万元。", ("渔业保险公司", O)),
            ("他在海洋出版社工作了十年。", ("海洋出版社", O)),
            ("据气象中心通报，比赛推迟。", ("气象中心", O)),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            assert!(got.iter().any(|g| g.0 == want.0 && g.1 == want.1), "{text}: {want:?} not in {got:?}");
        }
        // Neither the words nor the head alone (`电子公司`, `公司`).
        let refused: &[(&str, &str, &str)] = &[
            // After a number or a verb: a kind of organisation, not one.
            ("他们开了一家电子公司。", "电子公司", "公司"),
            ("他们通过收购信托公司扩大业务。", "收购信托公司", "公司"),
            // A head word of its own first: a part of an organisation not named.
            ("集团工会决定发放补贴。", "集团工会", "工会"),
        ];
        for (text, not, head) in refused {
            let got = entities(&s, text);
            assert!(!got.iter().any(|g| g.0 == *not || g.0.ends_with(head)), "{text}: {not} in {got:?}");
        }
    }

    #[test]
    fn a_part_named_right_after_its_organisation_belongs_to_the_name() {
        let s = Segmenter::embedded();
        let table: &[(&str, &str)] = &[
            // A verb naming the part's work before a head of one character.
            ("如东方航空公司驾驶部所说，训练加强了。", "东方航空公司驾驶部"),
            ("黄河医院接待科的医生来了。", "黄河医院接待科"),
            // A place and a number before the head.
            ("武警上海三总队的战士赶到现场。", "武警上海三总队"),
            // A common noun before a head of its own.
            ("中央电视台青春艺术团昨天演出。", "中央电视台青春艺术团"),
        ];
        for (text, want) in table {
            let got = entities(&s, text);
            assert!(
                got.iter().any(|g| g.0 == *want && g.1 == EntityKind::Organization),
                "{text}: {want} not in {got:?}"
            );
        }
        let refused: &[(&str, &str)] = &[
            // What the organisation did to another.
            ("星海电器公司买下远东网络公司。", "星海电器公司"),
            // A verb that ends like a head, and a title.
            ("巴西队组队出征。", "巴西队"),
            ("林场党委常委出席了会议。", "林场党委"),
        ];
        for (text, whole) in refused {
            let got = entities(&s, text);
            assert!(got.iter().any(|g| g.0 == *whole), "{text}: {whole} not in {got:?}");
        }
    }

    #[test]
    fn names_with_dots_names_cut_by_the_hmm_and_names_joined_to_a_preposition() {
        use EntityKind::{Organization, Person, Place};
        let s = Segmenter::embedded();
        let one = |text: &str, want: (&str, EntityKind)| {
            let got = entities(&s, text);
            assert!(got.iter().any(|g| g.0 == want.0 && g.1 == want.1), "{text}: {got:?}");
            // No piece of the name is a name of its own.
            assert!(!got.iter().any(|g| g.0 != want.0 && want.0.contains(g.0.as_str())), "{text}: {got:?}");
        };
        // A name with `·`: its parts whole, a part the segmenter cut in two
        // or a character of it left alone; a place before a division's
        // word, a company before its head.
        one("研究院安·诺瓦科夫斯基教授说。", ("安·诺瓦科夫斯基", Person));
        one("研究所约·萨尔维斯托夫研究员说。", ("约·萨尔维斯托夫", Person));
        one("他住在维·特尔马斯托镇。", ("维·特尔马斯托镇", Place));
        one("他说，卡拉素·威斯公司是医药公司。", ("卡拉素·威斯公司", Organization));
        one("他在杰克·威斯大学任教。", ("杰克·威斯大学", Organization));
        // A name the HMM cut before its third character.
        one("主任杜齐连上任后。", ("杜齐连", Person));
        one("站长韩允连对车站进行了改造。", ("韩允连", Person));
        // A name the HMM joined to a preposition or a verb before it.
        one("感谢信致牛小川。", ("牛小川", Person));
        one("他连胜王立峰六段。", ("王立峰", Person));
        one("当秦局长到达时。", ("秦", Person));
        // Not a phrase (`以农养农`), nor a common word's characters with an
        // everyday surname (`古董` `湾`), nor a name's piece before a
        // character left alone.
        for text in ["以农养农的模式。", "这里叫古董湾。", "他把信寄给了致江明原。"] {
            let got = entities(&s, text);
            assert!(got.iter().all(|g| g.0 != "农养" && g.0 != "古董湾" && g.0 != "江明"), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_countrys_companies_and_a_tournaments_teams_are_no_names() {
        let s = Segmenter::embedded();
        // A kind of organisation of a country or a continent: the place only.
        for (text, place) in [("日本公司纷纷裁员。", "日本"), ("他们是欧洲球队中最强的。", "欧洲")]
        {
            let got = entities(&s, text);
            assert_eq!(got, vec![(place.to_string(), EntityKind::Place)], "{text}");
        }
        // A team's word before a tournament names the sport.
        assert_eq!(entities(&s, "世界男排锦标赛昨天开幕。"), vec![], "a tournament");
        // A province's company and a national team stay names.
        for (text, org) in [("山东公司完成了任务。", "山东公司"), ("中国男篮昨天抵达。", "中国男篮")]
        {
            let got = entities(&s, text);
            assert!(got.iter().any(|g| g.0 == org && g.1 == EntityKind::Organization), "{text}: {got:?}");
        }
    }

    #[test]
    fn new_rules_refuse_what_they_should_not_take() {
        let s = Segmenter::embedded();
        let table: &[(&str, &[&str])] = &[
            // A number and a unit are no name.
            ("会场里共有三千余人。", &["余人"]),
            // Two countries by their characters are no name.
            ("韩中两国加强合作。", &["韩中"]),
            // An organisation's name ends at a word like 两国.
            ("中日两国中央银行联合干预。", &["中日两国中央银行"]),
            // A verb after a whole name does not join two names.
            ("华星公司买下新兴电子公司。", &["华星公司买下新兴电子公司"]),
            // A surname and a form of address is not a name of two characters.
            ("胡老说，画画要有耐心。", &["胡老"]),
            // A bare head before a title is no organisation.
            ("公司总裁出席了仪式。", &["公司"]),
            // A document in book-title marks is no newspaper.
            ("《会议简报》今天印发。", &["会议简报"]),
            // A head of two characters that is no branch needs more than a
            // place: 中国 队员, 陕西 工厂.
            ("陕西工厂的工人很多。", &["陕西工厂"]),
        ];
        for (text, not) in table {
            let got = entities(&s, text);
            for w in *not {
                assert!(!got.iter().any(|g| g.0 == *w), "{text}: {w} in {got:?}");
            }
        }
    }

    #[test]
    fn recognisers_refuse_what_they_should_not_take() {
        let s = Segmenter::embedded();
        let table: &[(&str, &[&str])] = &[
            ("城市的发展离不开深度的思考。", &["城市", "深度"]),
            ("和平与发展是时代的主题。", &["和平"]),
            ("会议要求全部干部到会。", &["全部", "干部", "会议"]),
            ("公司在市场上表现不错。", &["公司"]),
            ("这是一个中美合资的小工厂，他说得很好。", &["他说"]),
        ];
        for (text, not) in table {
            let got = entities(&s, text);
            for w in *not {
                assert!(!got.iter().any(|g| g.0 == *w), "{text}: {w} in {got:?}");
            }
        }
    }
}

//! The parser: raw text of one or more pages → [`Page`].
//!
//! It runs in passes, each private to this module:
//! `lines` classifies the lines of a page, `reflow` rejoins wrapped
//! lines into paragraphs and finds headlines, `assemble` attaches
//! headlines and bylines to their articles. The recognisers for bylines,
//! datelines, furniture and captions live in `marks`.

mod assemble;
mod lines;
mod marks;
mod reflow;

pub use marks::is_ornament;

use crate::model::Page;

/// Parses the raw text of one newspaper page, or of several separated by
/// form feeds (as `pdftotext` writes them). No article spans a page break.
///
/// The parser changes whitespace only: every other character of the input
/// ends up in exactly one field of one article, or in `leftovers`, except
/// an ornament glyph that marks a byline (`▢`). `authors` repeats names
/// from the byline and dateline.
///
/// ```
/// let page = baozhi::parse_page("市区新增三处停车场\n本报讯（记者 张三）昨日，记者从市交通\n局获悉，市区将新增三处停车场。\n");
/// let article = &page.articles[0];
/// assert_eq!(article.title.as_deref(), Some("市区新增三处停车场"));
/// assert_eq!(article.dateline.as_deref(), Some("本报讯（记者 张三）"));
/// assert_eq!(article.authors, ["张三"]);
/// assert_eq!(article.paragraphs, ["昨日，记者从市交通局获悉，市区将新增三处停车场。"]);
/// ```
pub fn parse_page(input: &str) -> Page {
    parse_in_order(input, assemble::Order::Interleaved)
}

/// Parses one story's text that a PDF's geometry has already cut out of
/// its page (it may still hold a headline-less story or two).
#[cfg(feature = "pdf")]
pub(crate) fn parse_story(input: &str) -> Page {
    parse_in_order(input, assemble::Order::Story)
}

fn parse_in_order(input: &str, order: assemble::Order) -> Page {
    let mut page = Page::default();
    for sheet in input.split('\u{0C}') {
        let lines = lines::split_lines(sheet);
        let units = reflow::reflow(&lines);
        assemble::assemble(sheet, order, units, &mut page.articles, &mut page.leftovers);
    }
    page
}

/// The units the reflow pass gives for each sheet of `input`, one a line,
/// for studying a page the parser gets wrong (`baozhi parse --units`).
#[cfg(feature = "measure")]
pub fn trace_units(input: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (n, sheet) in input.split('\u{0C}').enumerate() {
        let _ = writeln!(out, "== sheet {}", n + 1);
        for unit in reflow::reflow(&lines::split_lines(sheet)) {
            let _ = writeln!(out, "{unit:?}");
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::parse_page;

    #[test]
    fn a_headline_over_its_text_in_a_narrow_column_is_its_title() {
        // Ten characters a line: a six-character title is only four short
        // of the column, and its own lines must not make the column seem narrow.
        let page = "市里还将组织专家进行\n评审，并于月底公布最\n终的入选名单。\n\n城西口袋公园\n开放迎客\n这座公园占地约八亩，\n建有步道、花廊和儿童\n游乐区，周边三个小区\n的居民步行五分钟即可\n到达。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].title.as_deref(), Some("城西口袋公园开放迎客"));
        assert!(articles[1].paragraphs[0].starts_with("这座公园占地约八亩"));
    }

    #[test]
    fn a_deck_set_narrower_between_headline_and_text_is_the_subtitle() {
        // Eleven characters a line under the title, eighteen in the
        // columns: the summary sentence is set in a measure of its own.
        let page = "市里还将组织专家进行评审，并于月底公布\n最终的入选名单。\n\n口袋公园开放迎客\n这座公园由边角地改建而\n成，让附近三个小区的居\n民出门就能见到绿色。\n这座公园占地约八亩，建有步道、花廊\n和儿童游乐区，周边三个小区的居民步\n行五分钟即可到达。公园昨天开放迎客。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].title.as_deref(), Some("口袋公园开放迎客"));
        assert_eq!(
            articles[1].subtitle.as_deref(),
            Some("这座公园由边角地改建而成，让附近三个小区的居民出门就能见到绿色。")
        );
        assert_eq!(articles[1].paragraphs.len(), 1);
    }

    #[test]
    fn a_short_first_paragraph_in_the_columns_measure_stays_text() {
        // The same first sentence set as wide as the text after it: no deck.
        let page = "市里还将组织专家进行评审，并于月底公布\n最终的入选名单。\n\n口袋公园开放迎客\n这座公园由边角地改建而成，让附近三个\n小区的居民出门就能见到绿色。\n这座公园占地约八亩，建有步道、花廊\n和儿童游乐区，周边三个小区的居民步\n行五分钟即可到达。公园昨天开放迎客。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].subtitle, None);
        assert_eq!(articles[1].paragraphs.len(), 2);
    }

    #[test]
    fn a_headline_set_tight_over_text_is_that_texts_own() {
        // The third headline shares words with the second article's text,
        // but the second headline sits straight on that text: it is its.
        let page = "城东菜场改造完工\n\n城东菜场改造工程昨天\n完工，摊位由八十个增\n加到一百二十个。\n\n春运会开幕\n本届运动会共设二十个\n比赛项目，全市三千名\n运动员参赛。\n\n运动员热情高\n\n图书馆延长开放时间，\n每天开放到晚上九点。\n";
        let titles: Vec<_> = parse_page(page).articles.into_iter().map(|a| a.title).collect();
        assert_eq!(titles, [Some("城东菜场改造完工".into()), Some("春运会开幕".into()), Some("运动员热情高".into())]);
    }

    #[test]
    fn a_banner_over_another_storys_headline_goes_to_the_story_it_names() {
        // The wide headline is printed first, over the first column's own
        // headline; its words are those of the untitled story further on.
        let page = "城南新建三座口袋公园 市民出门即可见绿\n\n老街改造完工\n\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n本报记者 张三\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].kicker, None);
        assert_eq!(articles[0].title.as_deref(), Some("老街改造完工"));
        assert_eq!(articles[1].title.as_deref(), Some("城南新建三座口袋公园 市民出门即可见绿"));
    }

    #[test]
    fn a_kicker_that_leads_in_with_a_dash_goes_with_the_title_under_it() {
        // Three parts stacked over the first story: the last two, a kicker
        // leading in to its title, name the story printed after it.
        let page = "老街改造完工\n\n城南街道今年新建三座口袋公园——\n\n市民出门即可见绿\n\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n本报记者 张三\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!((articles[0].kicker.as_deref(), articles[0].title.as_deref()), (None, Some("老街改造完工")));
        assert_eq!(articles[1].kicker.as_deref(), Some("城南街道今年新建三座口袋公园——"));
        assert_eq!(articles[1].title.as_deref(), Some("市民出门即可见绿"));
    }

    #[test]
    fn a_headline_goes_with_the_story_that_tells_what_it_names_though_late_in_its_lead() {
        // The headline between two stories names what the story above it
        // comes to only in its fourth paragraph: a headline echoes the
        // first paragraphs of its story, not only the first sentence.
        let page = "今年入冬以来，城东一带的气温比往年偏高，\n雨水也比往年多，河道两岸的草木长得格外\n茂盛，附近的居民都说这是多年未见的景象。\n市里的气象部门介绍，这样的天气有利于植\n物越冬，也让河边的小动物有了更多的食物，\n很多市民周末都会带着家人到河边走走看看，\n拍照留念。\n河边的步道去年刚刚修好，沿途设了十几处\n休息的座椅和凉亭，晚饭以后出来散步的老\n人和孩子一天比一天多，步道上常常十分热\n闹。\n最让人高兴的是，今年第一批候鸟已经飞抵\n湿地公园，比去年早了十多天。湿地公园的\n工作人员说，候鸟在湿地公园停留的时间也\n比往年长。\n\n湿地公园迎来候鸟\n\n城西小学的图书室昨天重新开放，新添了两\n千多册图书，学生们在课间和午休时都可以\n来借书，老师们还为每个年级列出了推荐书\n目。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2, "{articles:?}");
        assert_eq!(articles[0].title.as_deref(), Some("湿地公园迎来候鸟"));
        assert_eq!(articles[1].title, None);
    }

    #[test]
    fn a_kicker_that_leads_on_finds_its_title_across_a_byline_though_set_tight_over_the_text() {
        // pdftotext printed the byline between the kicker and its title,
        // and the title, a comma in it, sits tight on the text: the kicker's
        // dash promises a title, and the next short headline-like line is it.
        let page = "城南街道推进垃圾分类――

▢ 记者 张三

分类做得好，小区更干净
今年以来，城南街道在十二个小区推行垃
圾分类，每个小区都设了定时投放点，志
愿者每天早晚在投放点值守，帮助居民分
类投放。
";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 1, "{articles:?}");
        let a = &articles[0];
        assert_eq!(a.kicker.as_deref(), Some("城南街道推进垃圾分类――"));
        assert_eq!(a.title.as_deref(), Some("分类做得好，小区更干净"));
        assert_eq!(a.byline.as_deref(), Some("记者 张三"));
        assert!(a.paragraphs[0].starts_with("今年以来"), "{:?}", a.paragraphs);
    }

    #[test]
    fn a_short_line_with_a_comma_tight_over_text_stays_text_where_no_kicker_leads_to_it() {
        // The same lines without the kicker: a short line is no headline
        // for its shortness alone (line-start rules leave short lines).
        let page = "▢ 记者 张三

分类做得好，小区更干净
今年以来，城南街道在十二个小区推行垃
圾分类，每个小区都设了定时投放点。
";
        let a = &parse_page(page).articles[0];
        assert_eq!(a.title, None);
        assert!(a.paragraphs[0].starts_with("分类做得好"), "{:?}", a.paragraphs);
    }

    #[test]
    fn a_stacks_foreign_part_displaces_a_headline_that_says_nothing_of_its_story() {
        // The second headline of the stack names the library story, which
        // the layout gave the swimming pool's headline; that one then goes
        // to the pool story, which names it.
        let page = "城南新建口袋公园\n\n图书馆延长开放时间\n\n城南街道今年利用边角地新建了三座口袋\n公园，市民出门即可见绿。公园里还设有\n健身器材。\n本报记者 张三\n\n游泳馆重新开放\n\n市图书馆从下月起延长开放时间，每天开\n放到晚上九点，周末照常开放。\n本报记者 李四\n\n市体育中心游泳馆昨天重新开放，票价与\n去年相同。\n";
        let titles: Vec<_> = parse_page(page).articles.into_iter().map(|a| (a.kicker, a.title)).collect();
        assert_eq!(
            titles,
            [
                (None, Some("城南新建口袋公园".into())),
                (None, Some("图书馆延长开放时间".into())),
                (None, Some("游泳馆重新开放".into()))
            ]
        );
    }

    #[test]
    fn a_headline_printed_away_from_its_story_goes_to_the_story_it_names() {
        // The headline stands between two stories it says nothing of; the
        // untitled story two blocks up is the one it names.
        let page = "老街改造完工\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n本报记者 张三\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n本报记者 李四\n\n图书馆从下月起延长开放时间，每天\n开放到晚上九点，周末照常开放。\n本报记者 王五\n\n城南新建三座口袋公园\n\n市体育中心游泳馆昨天重新开放，\n票价与去年相同。\n";
        let titles: Vec<_> = parse_page(page).articles.into_iter().map(|a| a.title).collect();
        assert_eq!(titles, [Some("老街改造完工".into()), Some("城南新建三座口袋公园".into()), None, None]);
    }

    #[test]
    fn the_next_storys_headline_under_a_headline_goes_to_the_next_story() {
        // Two headlines stacked over the first story: the lower one names
        // the story printed after it.
        let page = "老街改造完工\n\n城南新建三座口袋公园\n\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n本报记者 张三\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!((articles[0].kicker.as_deref(), articles[0].title.as_deref()), (None, Some("老街改造完工")));
        assert_eq!(articles[1].title.as_deref(), Some("城南新建三座口袋公园"));
    }

    #[test]
    fn two_headlines_read_crosswise_change_places() {
        // Each headline stands apart from the text under it, and each names
        // the other story.
        let page = "城南新建三座口袋公园\n\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n本报记者 张三\n\n老街改造完工\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n";
        let titles: Vec<_> = parse_page(page).articles.into_iter().map(|a| a.title).collect();
        assert_eq!(titles, [Some("老街改造完工".into()), Some("城南新建三座口袋公园".into())]);
    }

    #[test]
    fn a_kicker_that_names_its_own_story_stays_over_its_title() {
        let page = "全市推进垃圾分类\n\n城东设立百个投放点\n\n城东街道推进垃圾分类，在辖区设立\n一百个分类投放点，由专人值守。\n本报记者 张三\n\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可\n见绿。公园里还设有健身器材。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].kicker.as_deref(), Some("全市推进垃圾分类"));
        assert_eq!(articles[0].title.as_deref(), Some("城东设立百个投放点"));
        assert_eq!(articles[1].title, None);
    }

    #[test]
    fn a_byline_over_a_story_whose_dateline_names_its_reporter_signs_the_story_above() {
        let page = "老街改造完工\n老街改造工程昨天完工，沿街店铺\n陆续开门迎客，老街恢复了往日的\n热闹。\n\n记者 张三 通讯员 李四 文/摄\n\n城南新建三座口袋公园\n本报讯（记者 王五）今年以来，城南\n街道利用边角地新建了三座口袋公园。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].authors, ["张三", "李四"]);
        assert_eq!(articles[1].byline, None);
        assert_eq!(articles[1].authors, ["王五"]);
    }

    #[test]
    fn a_name_alone_between_a_headline_and_its_text_signs_it_across_the_captions() {
        let page = "城市更新的温度\n\n图①：改造后的老街。张三摄\n图②：新建的口袋公园。李四摄\n\n王小五\n\n（一）城市更新，不只是把旧房子换成新房\n子，更要留住街巷里的烟火气。老街改造前，\n居民们坐在一起商量方案，哪棵树要留，哪段\n墙要修，都由大家说了算。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title.as_deref(), Some("城市更新的温度"));
        assert_eq!(articles[0].byline.as_deref(), Some("王小五"));
    }

    #[test]
    fn a_full_line_with_spaced_digits_after_a_byline_is_text_not_a_headline() {
        // Fourteen characters a line; the first line after the byline holds
        // a number set off by gaps, which take room in the column.
        let page = "市区新增三处停车场\n\n本报记者 张三\n\n交通运输局 12 日公布了\n今年新建停车场的名单，三处停\n车场共有车位六百多个，将于下\n月起陆续向市民开放，收费标准\n与周边停车场相同。市交通运输\n局还将在老城区增设临时车位。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title.as_deref(), Some("市区新增三处停车场"));
        assert!(articles[0].paragraphs[0].starts_with("交通运输局12日公布了今年新建停车场"));
    }

    #[test]
    fn a_bracketed_credit_closing_a_story_signed_in_its_dateline_is_still_that_storys() {
        let page = "老街改造完工\n本报讯（记者 王五）老街改造工程昨天完\n工，沿街店铺陆续开门迎客。\n（通讯员 李四）\n\n城南新建三座口袋公园\n今年以来，城南街道利用边角地新建\n了三座口袋公园，让市民出门即可见绿。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].authors, ["李四", "王五"]);
        assert_eq!(articles[1].byline, None);
    }

    #[test]
    fn a_paragraph_cut_by_a_column_break_is_mended() {
        let page =
            "张三指出，要从群众需求、行业现状\n和发展方向出发，认真研究老旧小区\n\n改造的难点，不断改进工作方法。\n";
        assert_eq!(
            parse_page(page).articles[0].paragraphs,
            ["张三指出，要从群众需求、行业现状和发展方向出发，认真研究老旧小区改造的难点，不断改进工作方法。"]
        );
    }

    #[test]
    fn a_telephone_number_set_in_a_column_is_no_part_of_the_text_it_cuts() {
        let page = "张三指出，要从群众需求、行业现状\n和发展方向出发，认真研究老旧小区\n\n联系电话：0571-1234567\n\n改造的难点，不断改进工作方法。\n";
        let parsed = parse_page(page);
        assert_eq!(
            parsed.articles[0].paragraphs,
            ["张三指出，要从群众需求、行业现状和发展方向出发，认真研究老旧小区改造的难点，不断改进工作方法。"]
        );
        assert_eq!(parsed.leftovers, ["联系电话：0571-1234567"]);
    }

    #[test]
    fn a_telephone_number_wrapped_inside_a_sentence_stays_in_it() {
        let page = "老旧小区改造\n\n本报讯 今年，全市将改造老旧小区一百个。\n居民如需了解详情，可以拨打\n咨询电话：0571-87654321\n或登录网站查询。\n";
        let parsed = parse_page(page);
        assert_eq!(parsed.articles.len(), 1);
        assert!(parsed.articles[0].paragraphs.concat().contains("可以拨打咨询电话：0571-87654321或登录网站查询。"));
        assert!(parsed.leftovers.is_empty());
    }

    #[test]
    fn cut_text_goes_on_the_article_whose_words_it_completes() {
        // Both stories stop in mid-word at a column break. The piece after
        // the second one completes a word the first story uses (垃圾分类),
        // not one of the second's: it goes on the first story.
        let page = "垃圾分类进小区\n本报讯 今年以来，城东街道把垃圾分类作为\n民生实事，在十个小区设立了分类投放点，\n居民参与垃圾分类的热情越来越高。街道还将\n进一步推进垃圾分\n\n老旧小区改造提速\n本报讯 记者昨天从市住建局获悉，今年全市\n老旧小区改造已开工四十个，改造内容包括\n管网更新、外墙保温等。下半年还将加快小区改\n\n类工作，让更多居民养成好习惯。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert!(articles[0].paragraphs[0].ends_with("进一步推进垃圾分类工作，让更多居民养成好习惯。"));
        assert!(articles[1].paragraphs[0].ends_with("下半年还将加快小区改"));
    }

    /// Two stories in 16-character columns, paragraphs set in by two: the
    /// first is cut in mid-word (`记录积`), another story's text follows,
    /// and the cut text goes on after it (`分兑换`).
    const CUT_STORY_THEN_ANOTHER: &str = "城东推行垃圾分类积分\n今年以来，城东街道把垃圾分类\n作为民生实事来抓，在十个小区设立\n了分类投放点，每个投放点都配有专\n人值守。\n街道还组织志愿者上门宣传垃圾\n分类知识，居民参与热情越来越高，\n分类准确率明显提升，不少居民还主\n动当起了宣传员。\n下一步，街道将在全部小区推行\n积分制度，并由物业公司负责记录积\n\n城西新建一座口袋公园，占地约\n八亩，建有步道、花廊和儿童游乐设\n施，还种了二十多种花木。\n周边三个小区的居民步行五分钟\n即可到达。\n\n分兑换，居民每正确投放一次就能得\n到一个积分。\n";

    #[test]
    fn a_new_paragraph_under_text_left_in_mid_sentence_starts_another_article() {
        let articles = parse_page(CUT_STORY_THEN_ANOTHER).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].title, None);
        assert!(articles[1].paragraphs[0].starts_with("城西新建一座口袋公园"));
        assert!(articles[0].paragraphs[2].ends_with("负责记录积分兑换，居民每正确投放一次就能得到一个积分。"));
    }

    #[test]
    fn cut_text_run_on_under_another_article_without_a_blank_line_finds_its_own() {
        // pdftotext runs a column's foot into the next column's head when
        // the two meet: the full line under a paragraph's end cannot open
        // a paragraph, and its first characters complete `积分`.
        let page = CUT_STORY_THEN_ANOTHER.replace("即可到达。\n\n", "即可到达。\n");
        let articles = parse_page(&page).articles;
        assert_eq!(articles.len(), 2);
        assert!(articles[0].paragraphs[2].ends_with("负责记录积分兑换，居民每正确投放一次就能得到一个积分。"));
        assert!(articles[1].paragraphs[1].ends_with("即可到达。"));
    }

    #[test]
    fn a_set_in_first_line_whose_sentence_ends_at_the_edge_goes_on() {
        // `街道推行了垃圾分类积分制度。` fills its line after the indent; the
        // full line under it cannot open a paragraph on this page.
        let page = "今年以来，城东街道把垃圾分类\n作为民生实事来抓，在十个小区设立\n了分类投放点。\n街道还组织志愿者上门宣传垃圾\n分类知识，居民参与的热情越来越高\n分类准确率明显提升。\n街道推行了垃圾分类积分制度。\n居民每正确投放一次就能得到一个积\n分，积分可以兑换日用品。\n";
        let paragraphs = parse_page(page).articles[0].paragraphs.clone();
        assert_eq!(paragraphs.len(), 3);
        assert!(paragraphs[2].starts_with("街道推行了垃圾分类积分制度。居民每正确投放"));
    }

    #[test]
    fn a_block_opening_with_a_full_line_under_a_finished_story_starts_another() {
        // This page sets its paragraphs in; the block after the blank line
        // does not, and nothing above was left in mid-sentence.
        let page = "今年以来，城东街道把垃圾分类\n作为民生实事来抓，在十个小区设立\n了分类投放点。\n街道还组织志愿者上门宣传垃圾\n分类知识，居民参与的热情越来越高\n了。\n目前，全街道的分类准确率已经\n达到九成，比去年同期提高了两成\n多。\n\n城西新建的一座口袋公园昨天开放，\n周边居民出门几步就能走进绿地，园\n里还设了儿童游乐区。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].paragraphs.len(), 3);
        assert!(articles[1].paragraphs[0].starts_with("城西新建的一座口袋公园"));
    }

    #[test]
    fn a_name_alone_under_the_text_signs_it() {
        let page = "读书不是为了装点门面，而是为了\n让自己活得更明白一些。\n\n周明远\n\n夜读的灯光\n每到深夜，小区里总有几扇窗亮着\n灯，那是有人在读书。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].byline.as_deref(), Some("周明远"));
        assert_eq!(articles[0].authors, ["周明远"]);
        assert_eq!(articles[1].title.as_deref(), Some("夜读的灯光"));
    }

    #[test]
    fn a_name_set_apart_inside_a_headline_stack_is_no_part_of_it() {
        // A commentary's author between its title and its subtitle.
        let page = "上一篇的文字到这里结束。\n\n夜读让城市更有温度\n\n邵明\n\n一座城市的书店为何越开越多\n每到深夜，小区里总有\n几扇窗亮着灯，那是有\n人在读书。书店也开到\n了深夜。\n";
        let article = &parse_page(page).articles[1];
        let headlines: Vec<_> = [&article.kicker, &article.title, &article.subtitle].into_iter().flatten().collect();
        assert_eq!(headlines, ["夜读让城市更有温度", "一座城市的书店为何越开越多"]);
        assert_eq!(article.byline.as_deref(), Some("邵明"));
    }

    #[test]
    fn a_full_name_alone_between_two_texts_signs_the_one_under_it() {
        let page = "读书不是为了装点门面，而是为了\n让自己活得更明白一些。\n\n周明远\n\n每到深夜，小区里总有几扇窗亮着\n灯，那是有人在读书。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].title, None);
        assert_eq!(articles[1].byline.as_deref(), Some("周明远"));
    }

    #[test]
    fn a_storys_last_column_printed_under_its_neighbour_goes_back_to_it() {
        // pdftotext may print a story's first column, then the story set
        // beside it, then the first story's last column: the words it
        // shares with each tell whose it is.
        let page = "青溪镇春茶开采\n\n本报讯 清明前后，青溪镇的茶农们早\n早上山采茶。今年春茶长势好，青溪\n镇茶园的鲜叶价格比去年高出两成。\n茶农李大山说，采茶要赶在晴天，雨\n天采下的鲜叶炒不出好茶。\n\n青溪镇茶园面积有三千多亩，家家户\n户都有人在茶园里忙着。\n\n地铁三号线开通试运行\n\n本报讯 昨天上午，地铁三号线开通试\n运行，市民可以在各站台免费乘坐体\n验。地铁公司负责人介绍，三号线全\n长二十公里，设站十六座，连通火车\n站和机场。\n\n试运行期间，列车每隔八分钟一班，\n地铁各站台都有工作人员引导乘客，\n市民乘坐地铁前可先查看线路图。\n\n镇里还请来农技专家给茶农上课，教\n大家科学采茶。青溪镇的春茶要一直\n采到五月初。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title.as_deref(), Some("青溪镇春茶开采"));
        assert!(articles[0].paragraphs.last().is_some_and(|p| p.ends_with("采到五月初。")));
        assert!(articles[1].paragraphs.iter().all(|p| !p.contains("茶")));
    }

    #[test]
    fn a_storys_rest_under_a_neighbour_left_in_mid_sentence_goes_back_to_it() {
        // The rest opens a story of its own (the neighbour above cannot go
        // on with a new paragraph), but its words are the first story's.
        let page = "青溪镇春茶开采\n清明前后，青溪镇的茶农们早早\n上山采茶。今年春茶长势好，青溪镇\n茶园的鲜叶价格比去年高出两成。茶\n农李大山说，采茶要赶在晴天。\n青溪镇茶园面积有三千多亩，家\n家户户都有人在茶园里忙着采茶，炒\n茶的香味飘满了山村。\n\n地铁三号线开通试运行\n昨天上午，地铁三号线开通试运\n行，市民可以在各个站台免费乘坐体\n验。地铁公司负责人介绍，三号线全\n长二十公里，设站十六座，连通火车\n站和机场。\n试运行期间，列车每隔八分钟一\n班，地铁各站台都有工作人员引导乘\n客，市民乘坐地铁前可以先在手机上\n查看线路图和首末班车发车的具体时\n\n镇里还请来两位农技专家给茶农\n上课，教大家科学采茶、炒茶。青溪\n镇的春茶要一直采到五月初，茶农们\n盼着卖个好价钱。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert!(articles[0].paragraphs.last().is_some_and(|p| p.ends_with("盼着卖个好价钱。")));
        assert!(articles[1].paragraphs.last().is_some_and(|p| p.ends_with("发车的具体时")));
    }

    #[test]
    fn a_short_title_that_starts_with_a_surname_stays_a_title() {
        let page = "读书不是为了装点门面，而是为了\n让自己活得更明白一些。\n\n金秋\n本报记者 张三\n\n本报讯 今年的稻谷长势喜人，村民们\n正忙着收割。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].byline, None);
        assert_eq!(articles[1].title.as_deref(), Some("金秋"));
        assert_eq!(articles[1].byline.as_deref(), Some("本报记者 张三"));
    }

    #[test]
    fn a_name_set_tight_under_a_headline_and_apart_from_the_text_signs_it() {
        // Commentaries sign under their title; the blank line under the
        // name sets it apart from the text.
        let page = "上一篇的文字到这里结束。\n\n读书让城市更有温度\n周明远\n\n每到深夜，小区里总有几扇窗亮着\n灯，那是有人在读书。\n";
        let article = &parse_page(page).articles[1];
        assert_eq!(article.title.as_deref(), Some("读书让城市更有温度"));
        assert_eq!(article.byline.as_deref(), Some("周明远"));
    }

    #[test]
    fn a_headlines_wrapped_tail_that_looks_like_a_name_stays_in_the_headline() {
        // `成功` (成 is a surname) runs straight on into the text.
        let page = "上一篇的文字到这里结束。\n\n城东新区首批人才公寓分配工作取得\n成功\n本报讯 昨天，首批两百套人才公寓\n完成分配。\n";
        let article = &parse_page(page).articles[1];
        assert_eq!(article.byline, None);
        assert_eq!(article.title.as_deref(), Some("城东新区首批人才公寓分配工作取得成功"));
    }

    #[test]
    fn a_county_over_a_brief_is_its_kicker_not_a_signature() {
        let page =
            "上一篇的文字到这里结束。\n\n安平县\n\n新建三座乡村书屋\n本报讯 近日，三座乡村书屋在安平县\n建成开放。\n";
        let article = &parse_page(page).articles[1];
        assert_eq!(article.byline, None);
        assert_eq!(article.kicker.as_deref(), Some("安平县"));
    }

    #[test]
    fn a_line_alone_that_leads_on_with_a_dash_is_the_next_storys_kicker() {
        let page = "上一篇的文字到这里结束。\n\n城东街道推进垃圾分类——\n\n十个小区设立投放点\n本报讯 今年以来，城东街道在十个小区\n设立了分类投放点。\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles[0].paragraphs, ["上一篇的文字到这里结束。"]);
        assert_eq!(articles[1].kicker.as_deref(), Some("城东街道推进垃圾分类——"));
        assert_eq!(articles[1].title.as_deref(), Some("十个小区设立投放点"));
    }

    #[test]
    fn a_byline_between_two_signed_articles_is_left_over_not_stacked() {
        // pdftotext printed a third reporter's byline between two stories
        // that each have their own: it is neither's.
        let page = "城东新桥通车\n本报记者 张三\n\n本报讯 昨天，城东新桥正式通车。\n\n本报记者 李四\n\n城西公园开放\n本报记者 王五\n\n本报讯 昨天，城西公园正式开放。\n";
        let page = parse_page(page);
        assert_eq!(page.articles.len(), 2);
        assert_eq!(page.articles[0].authors, ["张三"]);
        assert_eq!(page.articles[1].authors, ["王五"]);
        assert!(page.leftovers.iter().any(|l| l.contains("李四")), "{:?}", page.leftovers);
    }

    #[test]
    fn a_byline_tight_under_a_storys_rest_signs_that_story() {
        // The first story's rest is printed after the second story, which
        // a column break left open too; the byline under the rest is the
        // first story's.
        let page = "垃圾分类进小区\n本报讯 今年以来，城东街道把垃圾分类作为\n民生实事，在十个小区设立了分类投放点，\n居民参与垃圾分类的热情越来越高。街道还将\n进一步推进垃圾分\n\n老旧小区改造提速\n本报讯 记者昨天从市住建局获悉，今年全市\n老旧小区改造已开工四十个，改造内容包括\n管网更新、外墙保温等。下半年还将加快小区改\n\n类工作，让更多居民养成好习惯。\n本报记者 张三\n";
        let articles = parse_page(page).articles;
        assert_eq!(articles.len(), 2);
        assert!(articles[0].paragraphs[0].ends_with("养成好习惯。"));
        assert_eq!(articles[0].authors, ["张三"]);
        assert_eq!(articles[1].byline, None);
    }

    #[test]
    fn a_byline_wrapped_over_two_lines_is_one_byline() {
        let page = "沿海港口吞吐量创新高\n本报驻开罗记者 王五 本报驻联\n合国记者 李四\n据统计，今年前十个月，沿海主要港\n口货物吞吐量同比增长百分之六。\n";
        let article = &parse_page(page).articles[0];
        assert_eq!(article.byline.as_deref(), Some("本报驻开罗记者 王五 本报驻联合国记者 李四"));
        assert_eq!(article.authors, ["王五", "李四"]);
    }

    #[test]
    fn a_columns_label_under_a_headline_is_furniture_not_its_subtitle() {
        // The column's name sits under a title and its subtitle, set apart
        // by a blank line: no part of the headline.
        let page = "上一篇的文字到这里结束。\n\n城东新区首批人才公寓\n完成分配\n两百户青年人才拿到钥匙\n\n民生关注\n\n本报讯 昨天，首批两百套人才公寓\n完成分配。\n";
        let page = parse_page(page);
        let article = &page.articles[1];
        assert_eq!(article.title.as_deref(), Some("城东新区首批人才公寓完成分配"));
        assert_eq!(article.subtitle.as_deref(), Some("两百户青年人才拿到钥匙"));
        assert!(page.leftovers.iter().any(|l| l == "民生关注"), "{:?}", page.leftovers);
    }

    #[test]
    fn a_kicker_that_leads_on_with_hyphens_stays_over_its_title() {
        // Set tight over the title, in some fonts and OCR given as two
        // full-width hyphens.
        let page = "上一篇的文字到这里结束。\n\n城东街道推进垃圾分类－－\n十个小区设立投放点\n本报讯 今年以来，城东街道在十个小区\n设立了分类投放点。\n";
        let article = &parse_page(page).articles[1];
        assert_eq!(article.kicker.as_deref(), Some("城东街道推进垃圾分类－－"));
        assert_eq!(article.title.as_deref(), Some("十个小区设立投放点"));
    }
}

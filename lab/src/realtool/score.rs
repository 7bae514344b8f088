//! The corpus metrics of `../shared/corpus/score.py`, ported: the same
//! definitions, the same matching, the same rounding, so the numbers agree
//! to the last digit.
//!
//! Strings are compared with whitespace removed. Gold and predicted
//! articles are matched greedily by the Jaccard overlap of their bodies'
//! character 4-grams (≥ 0.5); a matched article is right for `article_f1`
//! only when its whole body equals the label's.

use std::collections::{HashMap, HashSet};

use baozhi::{Article, Page};
use serde::Serialize;

const ORNAMENTS: &str = "▢□■◆◇●○★☆▲△▶►";

/// The metrics of one page, named and ordered as score.py prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub articles_gold: usize,
    pub articles_pred: usize,
    pub article_f1: f64,
    pub headline_f1: f64,
    pub title_acc: f64,
    pub roles_acc: f64,
    pub authors_acc: f64,
    pub dateline_acc: f64,
    pub paragraph_f1: f64,
    pub paragraph_exact: usize,
    pub paragraphs_gold: usize,
    pub lost_chars: usize,
    pub extra_chars: usize,
}

/// Python's `str.isspace`, which is what `\s` matches in a `str` pattern.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn squash(s: Option<&str>) -> String {
    s.unwrap_or("").chars().filter(|&c| !is_space(c)).collect()
}

fn body(a: &Article) -> String {
    a.paragraphs.iter().map(|p| squash(Some(p))).collect()
}

fn grams(s: &str) -> HashSet<&str> {
    if s.is_empty() {
        return HashSet::new();
    }
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let n = bounds.len() - 1;
    (0..n.saturating_sub(3).max(1)).map(|i| &s[bounds[i]..bounds[(i + 4).min(n)]]).collect()
}

fn jaccard(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    inter as f64 / union.max(1) as f64
}

/// Python's `round(x, 4)` for the values these metrics take: the nearest
/// 4-decimal string of the exact double (ties to even), read back.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().expect("a formatted float parses")
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

fn heads(a: &Article) -> [Option<&str>; 3] {
    [a.kicker.as_deref(), a.title.as_deref(), a.subtitle.as_deref()]
}

/// Multiset of characters, as a `Counter`.
fn counter(chars: impl Iterator<Item = char>) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in chars {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// `sum((a - b).values())`: how many of `a`'s characters `b` lacks.
fn missing(a: &HashMap<char, usize>, b: &HashMap<char, usize>) -> usize {
    a.iter().map(|(c, &n)| n.saturating_sub(b.get(c).copied().unwrap_or(0))).sum()
}

/// The non-space characters of a page's fields and leftovers (`authors`
/// excluded), in order.
pub fn page_chars(page: &Page) -> String {
    let mut out = String::new();
    for a in &page.articles {
        for f in heads(a).into_iter().chain([a.byline.as_deref(), a.credit.as_deref(), a.dateline.as_deref()]) {
            out.push_str(&squash(f));
        }
        for p in &a.paragraphs {
            out.push_str(&squash(Some(p)));
        }
    }
    for l in &page.leftovers {
        out.push_str(&squash(Some(l)));
    }
    out
}

/// The characters of `text` a parse must keep: no whitespace, no ornament.
pub fn source_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| !is_space(c) && !ORNAMENTS.contains(c))
}

/// Characters of `text` missing from `page` and characters of `page` not
/// in `text` (as multisets, ornaments and whitespace aside).
pub fn char_diff(text: &str, page: &Page) -> (usize, usize) {
    let src = counter(source_chars(text));
    let out = counter(page_chars(page).chars().filter(|&c| !ORNAMENTS.contains(c)));
    (missing(&src, &out), missing(&out, &src))
}

/// Scores a predicted parse of `text` against its label.
pub fn score(text: &str, gold: &Page, pred: &Page) -> Metrics {
    let (g, p) = (&gold.articles, &pred.articles);
    let (n_g, n_p) = (g.len(), p.len());
    let gb: Vec<String> = g.iter().map(body).collect();
    let pb: Vec<String> = p.iter().map(body).collect();
    let gg: Vec<HashSet<&str>> = gb.iter().map(|b| grams(b)).collect();
    let pg: Vec<HashSet<&str>> = pb.iter().map(|b| grams(b)).collect();
    let mut pairs: Vec<(f64, usize, usize)> =
        (0..n_g).flat_map(|i| (0..n_p).map(move |j| (i, j))).map(|(i, j)| (jaccard(&gg[i], &pg[j]), i, j)).collect();
    // sorted(..., reverse=True): by score, then gold index, then predicted
    // index, all descending.
    pairs.sort_by(|a, b| b.partial_cmp(a).expect("scores are not NaN"));
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let (mut used_g, mut used_p) = (HashSet::new(), HashSet::new());
    for (s, i, j) in pairs {
        if s < 0.5 || used_g.contains(&i) || used_p.contains(&j) {
            continue;
        }
        matched.push((i, j));
        used_g.insert(i);
        used_p.insert(j);
    }
    let tp = matched.iter().filter(|&&(i, j)| gb[i] == pb[j]).count();
    let art_p = if n_p > 0 { tp as f64 / n_p as f64 } else { 0.0 };
    let art_r = if n_g > 0 { tp as f64 / n_g as f64 } else { 1.0 };

    let inv: HashMap<usize, usize> = matched.iter().map(|&(i, j)| (j, i)).collect();
    let key = |j: usize| inv.get(&j).map_or(-1 - j as i64, |&i| i as i64);
    let gh: HashSet<(i64, String)> = (0..n_g)
        .flat_map(|i| {
            heads(&g[i]).into_iter().flatten().filter(|s| !s.is_empty()).map(move |s| (i as i64, squash(Some(s))))
        })
        .collect();
    let ph: HashSet<(i64, String)> = (0..n_p)
        .flat_map(|j| heads(&p[j]).into_iter().flatten().filter(|s| !s.is_empty()).map(move |s| (j, s)))
        .map(|(j, s)| (key(j), squash(Some(s))))
        .collect();
    let h_tp = gh.intersection(&ph).count();
    let head_p = if !ph.is_empty() {
        h_tp as f64 / ph.len() as f64
    } else if gh.is_empty() {
        1.0
    } else {
        0.0
    };
    let head_r = if gh.is_empty() { 1.0 } else { h_tp as f64 / gh.len() as f64 };

    let same = |a: Option<&str>, b: Option<&str>| squash(a) == squash(b);
    let count = |f: &dyn Fn(&Article, &Article) -> bool| matched.iter().filter(|&&(i, j)| f(&g[i], &p[j])).count();
    let title_ok = count(&|a, b| same(a.title.as_deref(), b.title.as_deref()));
    let role_ok = count(&|a, b| heads(a).iter().zip(heads(b)).all(|(x, y)| same(*x, y)));
    let authors_ok = count(&|a, b| a.authors == b.authors);
    let dateline_ok = count(&|a, b| same(a.dateline.as_deref(), b.dateline.as_deref()));
    let acc = |ok: usize| if n_g > 0 { round4(ok as f64 / n_g as f64) } else { 1.0 };

    let mut gp: HashMap<(i64, String), usize> = HashMap::new();
    for (i, a) in g.iter().enumerate() {
        for para in &a.paragraphs {
            *gp.entry((i as i64, squash(Some(para)))).or_insert(0) += 1;
        }
    }
    let mut pp: HashMap<(i64, String), usize> = HashMap::new();
    for (j, a) in p.iter().enumerate() {
        for para in &a.paragraphs {
            *pp.entry((key(j), squash(Some(para)))).or_insert(0) += 1;
        }
    }
    let p_tp: usize = gp.iter().map(|(k, &n)| n.min(pp.get(k).copied().unwrap_or(0))).sum();
    let (n_pp, n_gp): (usize, usize) = (pp.values().sum(), gp.values().sum());
    let par_p = p_tp as f64 / n_pp.max(1) as f64;
    let par_r = p_tp as f64 / n_gp.max(1) as f64;
    let exact = matched
        .iter()
        .map(|&(i, j)| g[i].paragraphs.iter().zip(&p[j].paragraphs).filter(|(a, b)| a == b).count())
        .sum();
    let (lost, extra) = char_diff(text, pred);
    Metrics {
        articles_gold: n_g,
        articles_pred: n_p,
        article_f1: round4(f1(art_p, art_r)),
        headline_f1: round4(f1(head_p, head_r)),
        title_acc: acc(title_ok),
        roles_acc: acc(role_ok),
        authors_acc: acc(authors_ok),
        dateline_acc: acc(dateline_ok),
        paragraph_f1: round4(f1(par_p, par_r)),
        paragraph_exact: exact,
        paragraphs_gold: n_gp,
        lost_chars: lost,
        extra_chars: extra,
    }
}

/// The means over pages, as `score_all.sh` prints them (lost and extra
/// characters summed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Means {
    pub pages: usize,
    pub article_f1: f64,
    pub headline_f1: f64,
    pub title_acc: f64,
    pub roles_acc: f64,
    pub authors_acc: f64,
    pub dateline_acc: f64,
    pub paragraph_f1: f64,
    pub lost_chars: usize,
    pub extra_chars: usize,
}

/// The means, unrounded (the table prints them to three places).
pub fn means(pages: &[Metrics]) -> Means {
    let n = pages.len().max(1) as f64;
    let mean = |f: fn(&Metrics) -> f64| pages.iter().map(f).sum::<f64>() / n;
    Means {
        pages: pages.len(),
        article_f1: mean(|m| m.article_f1),
        headline_f1: mean(|m| m.headline_f1),
        title_acc: mean(|m| m.title_acc),
        roles_acc: mean(|m| m.roles_acc),
        authors_acc: mean(|m| m.authors_acc),
        dateline_acc: mean(|m| m.dateline_acc),
        paragraph_f1: mean(|m| m.paragraph_f1),
        lost_chars: pages.iter().map(|m| m.lost_chars).sum(),
        extra_chars: pages.iter().map(|m| m.extra_chars).sum(),
    }
}

impl Means {
    /// Rounded to four places, as `score_all.sh` writes its JSON line.
    pub fn rounded(&self) -> Means {
        Means {
            article_f1: round4(self.article_f1),
            headline_f1: round4(self.headline_f1),
            title_acc: round4(self.title_acc),
            roles_acc: round4(self.roles_acc),
            authors_acc: round4(self.authors_acc),
            dateline_acc: round4(self.dateline_acc),
            paragraph_f1: round4(self.paragraph_f1),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: Option<&str>, paragraphs: &[&str]) -> Article {
        Article {
            title: title.map(str::to_string),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn rounding_is_pythons() {
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(1.0), 1.0);
    }

    #[test]
    fn grams_of_short_strings_are_the_whole_string() {
        assert_eq!(grams("ab"), HashSet::from(["ab"]));
        assert_eq!(grams("abcde"), HashSet::from(["abcd", "bcde"]));
        assert!(grams("").is_empty());
    }

    #[test]
    fn a_perfect_parse_scores_one_and_a_split_body_does_not() {
        let text = "标题\n甲乙丙丁戊己庚辛。\n壬癸子丑寅卯辰巳。\n";
        let gold = Page {
            articles: vec![art(Some("标题"), &["甲乙丙丁戊己庚辛。", "壬癸子丑寅卯辰巳。"])],
            leftovers: vec![],
        };
        let m = score(text, &gold, &gold);
        assert_eq!((m.article_f1, m.headline_f1, m.title_acc, m.paragraph_f1), (1.0, 1.0, 1.0, 1.0));
        assert_eq!((m.lost_chars, m.extra_chars), (0, 0));
        let split = Page {
            articles: vec![art(Some("标题"), &["甲乙丙丁戊己庚辛。"]), art(None, &["壬癸子丑寅卯辰巳。"])],
            leftovers: vec![],
        };
        let m = score(text, &gold, &split);
        // Neither half overlaps the whole body enough to match it.
        assert_eq!((m.articles_pred, m.article_f1, m.paragraph_f1), (2, 0.0, 0.0));
        assert_eq!((m.lost_chars, m.extra_chars), (0, 0));
    }
}

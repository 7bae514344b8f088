//! The query language of the search box: terms separated by whitespace,
//! all of which must occur in one article; `"a quoted phrase"` as one term
//! taken as it is; `-term` (or `-"phrase"`) for a term the article must not
//! contain.

/// One term of a query, as typed (before folding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub text: String,
    /// `-term`: articles containing it are left out.
    pub exclude: bool,
}

/// Quotation marks that open a phrase, each with the one that closes it:
/// ASCII, full-width and curly, as Chinese input methods type them.
const QUOTES: &[(char, char)] = &[('"', '"'), ('＂', '＂'), ('“', '”'), ('「', '」')];

/// Minus signs that exclude a term: ASCII, full-width, and the minus sign.
fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−')
}

/// Splits a query into its terms. A term with nothing in it (`""`, a lone
/// `-`) is dropped; an unclosed quote runs to the end of the query.
pub fn parse_query(query: &str) -> Vec<QueryTerm> {
    let mut terms = Vec::new();
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else { break };
        let mut exclude = false;
        if is_minus(first) {
            rest = &rest[first.len_utf8()..];
            if rest.chars().next().is_none_or(char::is_whitespace) {
                continue;
            }
            exclude = true;
        }
        let open = rest.chars().next().expect("a term starts here");
        let (text, after) = match QUOTES.iter().find(|(o, _)| *o == open) {
            Some(&(_, close)) => {
                let inner = &rest[open.len_utf8()..];
                match inner.find(close) {
                    Some(end) => (&inner[..end], &inner[end + close.len_utf8()..]),
                    None => (inner, ""),
                }
            }
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        if !text.trim().is_empty() {
            terms.push(QueryTerm { text: text.to_string(), exclude });
        }
        rest = after;
    }
    terms
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<(String, bool)> {
        parse_query(q).into_iter().map(|t| (t.text, t.exclude)).collect()
    }

    fn t(text: &str, exclude: bool) -> (String, bool) {
        (text.to_string(), exclude)
    }

    #[test]
    fn whitespace_separates_terms() {
        assert_eq!(terms("  义乌  市场\u{3000}繁荣 "), [t("义乌", false), t("市场", false), t("繁荣", false)]);
        assert!(terms("").is_empty());
        assert!(terms(" \u{3000}\t\n").is_empty());
    }

    #[test]
    fn quotes_make_one_term_of_a_phrase() {
        assert_eq!(terms(r#""千万 工程" 浦江"#), [t("千万 工程", false), t("浦江", false)]);
        assert_eq!(
            terms("“浦江经验”＂八八 战略＂「义乌」"),
            [t("浦江经验", false), t("八八 战略", false), t("义乌", false)]
        );
        // Inside quotes a minus is text.
        assert_eq!(terms(r#""-5℃""#), [t("-5℃", false)]);
        // An unclosed quote runs to the end; an empty one is nothing.
        assert_eq!(terms(r#"a "b c"#), [t("a", false), t("b c", false)]);
        assert_eq!(terms(r#""" x"#), [t("x", false)]);
    }

    #[test]
    fn a_minus_excludes_a_term() {
        assert_eq!(
            terms("义乌 -杭州 －金华 -\"亚运 会\""),
            [t("义乌", false), t("杭州", true), t("金华", true), t("亚运 会", true)]
        );
        // A lone minus is no term; inside a term it is text.
        assert_eq!(terms("- 2023-2024"), [t("2023-2024", false)]);
    }
}

//! The stylesheet keeps an embedded instance independent of its host page: no unit that follows
//! the host's root element (`rem`, `rlh`), and the instance root resets what inherits.

const CSS: &str = include_str!("../public/styles.css");

/// The stylesheet without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Every place where a number is followed by `unit` (e.g. `1.2rem`), as (line, text).
fn uses_of_unit(css: &str, unit: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in css.lines().enumerate() {
        let bytes = line.as_bytes();
        let mut from = 0;
        while let Some(i) = line[from..].find(unit).map(|i| i + from) {
            let after = bytes.get(i + unit.len()).copied();
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let is_unit = before.is_some_and(|b| b.is_ascii_digit() || b == b'.')
                && !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if is_unit {
                found.push((n + 1, line.trim().to_string()));
            }
            from = i + unit.len();
        }
    }
    found
}

#[test]
fn no_root_relative_units() {
    let css = without_comments(CSS);
    for unit in ["rem", "rlh"] {
        let uses = uses_of_unit(&css, unit);
        assert!(
            uses.is_empty(),
            "public/styles.css uses `{unit}`, which follows the host page's root element, not the app: {uses:#?}"
        );
    }
}

#[test]
fn the_unit_finder_finds_rem() {
    assert_eq!(uses_of_unit(".a { font-size: 1.2rem; }\n.b { margin: .5rem 2px }", "rem").len(), 2);
    assert!(uses_of_unit(".remark { x: 1px } .a { content: 'rem' }", "rem").is_empty());
    assert!(without_comments("a /* 1rem */ b").contains("a  b"));
}

#[test]
fn the_instance_root_resets_inherited_properties() {
    let css = without_comments(CSS);
    let start = css.find("\n.ap-root {").expect("a .ap-root rule");
    let rule = &css[start..start + css[start..].find('}').unwrap()];
    // `all: initial` covers every property but direction and unicode-bidi; the text styles are
    // then set explicitly, so removing `all` would not let the host's values in either.
    for decl in [
        "all: initial",
        "direction: ltr",
        "unicode-bidi: isolate",
        "font-size:",
        "line-height:",
        "letter-spacing: normal",
        "word-spacing: normal",
        "text-transform: none",
        "text-align: left",
        "white-space: normal",
        "font-style: normal",
        "font-weight: 400",
        "color: var(--ap-fg)",
        "font-family: var(--ap-font)",
    ] {
        assert!(rule.contains(decl), ".ap-root lacks `{decl}`:\n{rule}");
    }
}

//! The URL hash's syntax: which keys, how they are spelled, how instances share one hash.
//! What the keys mean for the explorer is in [`crate::view_state`].
//!
//! Form: `#e=<event id>&s=<state code>&d=<YYYY-MM-DD>&v=text&l=ru&t=<YYYY-MM-DD>..<YYYY-MM-DD>`
//! (`t`: the stretch the timeline shows), then the search and filter keys
//! `q=<query, percent-encoded UTF-8>&lv=<levels shown, comma-separated>&a=<state code>&c=sure`
//! (`a`: events that state attended; `c=sure`: hide inferred, uncertain and disputed events)
//! and `cmp=<YYYY-MM-DD>` (the date compared with the as-of date), and `f=1`/`f=0` (the search
//! and filter bar open or closed, written only where it differs from its default: open when
//! there is a search, a filter or a comparison). Every key is optional.
//! Parsing never fails: unknown keys and malformed values are ignored (left `None`).
//! When several instances share a page, each reads and writes only keys prefixed with its own
//! name and a dot (`#a.e=…&b.s=KZ`); an instance without a name uses the bare keys.

use crate::date::Date;
use crate::ids::{is_id, is_lang_code, is_state_code};
use crate::model::Level;

/// Which rendering of the data is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Visual,
    Text,
}

impl View {
    /// The spelling in attributes and the hash.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Visual => "visual",
            View::Text => "text",
        }
    }
    pub fn parse(s: &str) -> Option<View> {
        match s {
            "visual" => Some(View::Visual),
            "text" => Some(View::Text),
            _ => None,
        }
    }
}

/// The keys one instance finds in (or writes to) the hash, each well-formed; whether the ids
/// exist in the dataset is decided later.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HashState {
    pub event: Option<String>,
    pub state: Option<String>,
    pub date: Option<Date>,
    pub view: Option<View>,
    pub lang: Option<String>,
    /// First and last day the timeline shows.
    pub span: Option<(Date, Date)>,
    /// The search query (decoded).
    pub query: Option<String>,
    /// The meeting levels shown (`None`: all).
    pub levels: Option<Vec<Level>>,
    /// Code of the state whose events alone are shown.
    pub attended: Option<String>,
    /// Only events recorded with certainty.
    pub sure: bool,
    /// The date compared with the as-of date.
    pub compare: Option<Date>,
    /// The search and filter bar open (`Some(true)`) or closed (`None`: its default).
    pub find: Option<bool>,
}

/// The longest query a hash carries, in chars.
pub const MAX_QUERY: usize = 100;

/// Percent-encodes `s` (UTF-8) for the hash: letters, digits and `-._~` stay as they are.
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decodes a percent-encoded value (`+` is a space); `None` if it is not valid UTF-8.
fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = |c: u8| (c as char).to_digit(16);
                let (h, l) = (hex(*b.get(i + 1)?)?, hex(*b.get(i + 2)?)?);
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Reads this instance's keys from a hash (with or without the leading `#`).
pub fn parse(hash: &str, prefix: Option<&str>) -> HashState {
    let mut out = HashState::default();
    let body = hash.strip_prefix('#').unwrap_or(hash);
    for pair in body.split('&') {
        let Some((key, value)) = pair.split_once('=') else { continue };
        let key = match prefix {
            Some(p) => match key.strip_prefix(p).and_then(|k| k.strip_prefix('.')) {
                Some(k) => k,
                None => continue,
            },
            None if key.contains('.') => continue,
            None => key,
        };
        match key {
            "e" if is_id(value) => out.event = Some(value.to_string()),
            "s" if is_state_code(value) => out.state = Some(value.to_string()),
            "d" => {
                if let Some(d) = Date::parse_day(value) {
                    out.date = Some(d);
                }
            }
            "v" => out.view = View::parse(value).or(out.view),
            "l" if is_lang_code(value) => out.lang = Some(value.to_string()),
            "t" => {
                if let Some((a, b)) = value.split_once("..") {
                    if let (Some(a), Some(b)) = (Date::parse_day(a), Date::parse_day(b)) {
                        out.span = Some((a, b));
                    }
                }
            }
            "q" => {
                if let Some(q) = decode(value).filter(|q| !q.trim().is_empty() && q.chars().count() <= MAX_QUERY) {
                    out.query = Some(q);
                }
            }
            "lv" => {
                let levels: Option<Vec<Level>> = value.split(',').filter(|v| !v.is_empty()).map(Level::parse).collect();
                out.levels = levels.or(out.levels.take());
            }
            "a" if is_state_code(value) => out.attended = Some(value.to_string()),
            "c" if value == "sure" => out.sure = true,
            "cmp" => out.compare = Date::parse_day(value).or(out.compare),
            "f" => match value {
                "1" => out.find = Some(true),
                "0" => out.find = Some(false),
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// Writes this instance's state into `hash`, keeping other instances' keys.
pub fn print(state: &HashState, prefix: Option<&str>, hash: &str) -> String {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let ours = |k: &str| match prefix {
        Some(p) => k.strip_prefix(p).is_some_and(|r| r.starts_with('.')),
        None => !k.contains('.'),
    };
    let mut parts: Vec<String> = body
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !ours(p.split('=').next().unwrap_or("")))
        .map(str::to_string)
        .collect();
    let key = |k: &str| match prefix {
        Some(p) => format!("{p}.{k}"),
        None => k.to_string(),
    };
    if let Some(e) = &state.event {
        parts.push(format!("{}={e}", key("e")));
    }
    if let Some(s) = &state.state {
        parts.push(format!("{}={s}", key("s")));
    }
    if let Some(d) = &state.date {
        parts.push(format!("{}={d}", key("d")));
    }
    if let Some(v) = state.view {
        parts.push(format!("{}={}", key("v"), v.as_str()));
    }
    if let Some(l) = &state.lang {
        parts.push(format!("{}={l}", key("l")));
    }
    if let Some((a, b)) = &state.span {
        parts.push(format!("{}={a}..{b}", key("t")));
    }
    if let Some(q) = &state.query {
        parts.push(format!("{}={}", key("q"), encode(q)));
    }
    if let Some(lv) = &state.levels {
        let names: Vec<&str> = lv.iter().map(|l| l.as_str()).collect();
        parts.push(format!("{}={}", key("lv"), names.join(",")));
    }
    if let Some(a) = &state.attended {
        parts.push(format!("{}={a}", key("a")));
    }
    if state.sure {
        parts.push(format!("{}=sure", key("c")));
    }
    if let Some(d) = &state.compare {
        parts.push(format!("{}={d}", key("cmp")));
    }
    if let Some(f) = state.find {
        parts.push(format!("{}={}", key("f"), if f { 1 } else { 0 }));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// The start of a link that opens one event in the explorer at `page` (an address without a
/// hash) in the language `lang` (its code): the event's id goes after it. `prefix` is the
/// instance's hash key prefix when several instances share the page.
pub fn event_link_base(page: &str, prefix: Option<&str>, lang: &str) -> String {
    let mut s = String::from(page);
    let key = |s: &mut String, k: &str| {
        if let Some(p) = prefix {
            s.push_str(p);
            s.push('.');
        }
        s.push_str(k);
        s.push('=');
    };
    s.push('#');
    key(&mut s, "l");
    s.push_str(lang);
    s.push('&');
    key(&mut s, "e");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let s = HashState {
            event: Some("2013-06-05-ministerial".into()),
            state: Some("KZ".into()),
            date: Some(Date::ymd(2013, 6, 5)),
            view: Some(View::Text),
            lang: Some("ru".into()),
            span: Some((Date::ymd(2013, 1, 1), Date::ymd(2014, 6, 30))),
            ..Default::default()
        };
        let h = print(&s, None, "");
        assert_eq!(h, "#e=2013-06-05-ministerial&s=KZ&d=2013-06-05&v=text&l=ru&t=2013-01-01..2014-06-30");
        assert_eq!(parse(&h, None), s);
        assert_eq!(print(&HashState::default(), None, "#e=x"), "");
    }

    #[test]
    fn malformed_hashes_fall_back_to_defaults() {
        for h in [
            "",
            "#",
            "#&&&",
            "#e",
            "#e=",
            "#e=<script>",
            "#s=kz",
            "#s=KAZ",
            "#d=2013-02-30",
            "#d=2013",
            "#v=map",
            "#l=english",
            "#%%%",
            "#e=a b",
            "#d=99999-01-01",
            "#e=-x",
            "#t=2013-01-01",
            "#t=2013..2014",
            "#t=2013-01-01..",
            "#t=2013-02-30..2014-01-01",
        ] {
            assert_eq!(parse(h, None), HashState::default(), "{h}");
        }
        for h in
            ["#q=%ZZ", "#q=%FF", "#q=%20%20", "#lv=summit", "#a=pk", "#c=1", "#cmp=2013", "#q=%E0%A4", "#f=", "#f=yes"]
        {
            assert_eq!(parse(h, None), HashState::default(), "{h}");
        }
        let partial = parse("#e=ok-id&d=nonsense&zz=1", None);
        assert_eq!(partial.event.as_deref(), Some("ok-id"));
        assert_eq!(partial.date, None);
    }

    #[test]
    fn search_filter_and_compare_keys_round_trip() {
        let s = HashState {
            query: Some("Ёлка & co=1 #x%".into()),
            levels: Some(vec![Level::Ministerial, Level::SeniorOfficials]),
            attended: Some("PK".into()),
            sure: true,
            compare: Some(Date::ymd(2011, 12, 31)),
            find: Some(false),
            ..Default::default()
        };
        let h = print(&s, None, "");
        assert_eq!(
            h,
            "#q=%D0%81%D0%BB%D0%BA%D0%B0%20%26%20co%3D1%20%23x%25&lv=ministerial,senior_officials&a=PK&c=sure&cmp=2011-12-31&f=0"
        );
        assert_eq!(parse(&h, None), s);
        assert_eq!(parse("#lv=", None).levels, Some(vec![]), "every level hidden");
        assert_eq!(parse("#q=a+b", None).query.as_deref(), Some("a b"));
        assert_eq!(decode("%d0%b5"), Some("е".into()));
    }

    #[test]
    fn instances_keep_to_their_own_keys() {
        let h = print(&HashState { state: Some("KZ".into()), ..Default::default() }, Some("a"), "");
        let h = print(&HashState { state: Some("TR".into()), ..Default::default() }, Some("b"), &h);
        assert_eq!(h, "#a.s=KZ&b.s=TR");
        assert_eq!(parse(&h, Some("a")).state.as_deref(), Some("KZ"));
        assert_eq!(parse(&h, Some("b")).state.as_deref(), Some("TR"));
        assert_eq!(parse(&h, None).state, None, "bare keys only for the unnamed instance");
        let h = print(&HashState::default(), Some("a"), &h);
        assert_eq!(h, "#b.s=TR");
    }

    #[test]
    fn event_links_open_the_event_in_the_language() {
        let base = event_link_base("https://x.org/a/", None, "ru");
        assert_eq!(base, "https://x.org/a/#l=ru&e=");
        let h = parse(&format!("#{}2013-06-05-ministerial", base.split_once('#').unwrap().1), None);
        assert_eq!((h.event.as_deref(), h.lang.as_deref()), (Some("2013-06-05-ministerial"), Some("ru")));
        let base = event_link_base("https://x.org/", Some("b"), "en");
        assert_eq!(base, "https://x.org/#b.l=en&b.e=");
        let h = parse(&format!("{}x-1", &base[14..]), Some("b"));
        assert_eq!(h.event.as_deref(), Some("x-1"));
    }
}

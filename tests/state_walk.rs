//! State walks: proptest over sequences of the reader's actions, opened and edited links and
//! Back/Forward, through `reduce` and the hash, as the explorer applies them (see
//! `components/explorer.rs`). After every step it checks what the UI relies on:
//! - the state is sane: indexes in range, dates and the span inside the extent, the span at
//!   least `MIN_SPAN_DAYS` long, the query trimmed to its limit, a well-formed language code
//!   (a language the interface lacks, e.g. `kk`, speaks English around the content);
//! - a transition keeps the URL exactly when nothing changed, and navigation never pushes;
//! - the URL the instance wrote reopens exactly the state shown, and navigating to it changes
//!   nothing;
//! - another instance's keys in the shared hash are left alone by this one.
#![cfg(not(target_arch = "wasm32"))]

use almaty_process::config::Config;
use almaty_process::date::{Date, DayNum};
use almaty_process::hash;
use almaty_process::i18n::Lang;
use almaty_process::model::{Dataset, EventIx, Level, StateIx};
use almaty_process::validate::parse_dataset;
use almaty_process::view_state::{reduce, Action, Ctx, History, View, ViewState, ALL_LEVELS, MIN_SPAN_DAYS};
use proptest::prelude::*;

const SMALL: &str = include_str!("fixtures/small.json");
const BUNDLED: &str = include_str!("../public/data/dataset.json");
/// Later than every date in either file.
const TODAY: DayNum = 30_000;

/// One thing a reader does.
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    /// Opens a link (or edits the hash): a new history entry.
    Link(String),
    Back,
    Forward,
}

/// Raw material for steps, turned into real ones against a dataset.
#[derive(Debug, Clone)]
enum Raw {
    SelectEvent(usize),
    SelectState(usize),
    SetDay(i64),
    StepMonths(i32),
    NextEvent,
    PrevEvent,
    FirstDay,
    LastDay,
    SetView(bool),
    SetLang(bool),
    ShowSpan(i64, i64),
    FitAll,
    SetQuery(String),
    ToggleLevel(usize),
    SetAttended(Option<usize>),
    SetSureOnly(bool),
    SetCompare(Option<i64>),
    SetFindOpen(bool),
    /// Key/value pairs: (prefix choice, key choice, value choice).
    Link(Vec<(u8, usize, usize)>),
    Back,
    Forward,
}

fn raw() -> impl Strategy<Value = Raw> {
    prop_oneof![
        (0usize..200).prop_map(Raw::SelectEvent),
        (0usize..40).prop_map(Raw::SelectState),
        (-3_000i64..3_000).prop_map(Raw::SetDay),
        (-30i32..30).prop_map(Raw::StepMonths),
        Just(Raw::NextEvent),
        Just(Raw::PrevEvent),
        Just(Raw::FirstDay),
        Just(Raw::LastDay),
        any::<bool>().prop_map(Raw::SetView),
        any::<bool>().prop_map(Raw::SetLang),
        (-3_000i64..3_000, -3_000i64..3_000).prop_map(|(a, b)| Raw::ShowSpan(a, b)),
        Just(Raw::FitAll),
        "[ a-zA-Zа-я0-9%&#=.]{0,120}".prop_map(Raw::SetQuery),
        (0usize..12).prop_map(Raw::ToggleLevel),
        proptest::option::of(0usize..40).prop_map(Raw::SetAttended),
        any::<bool>().prop_map(Raw::SetSureOnly),
        proptest::option::of(-3_000i64..3_000).prop_map(Raw::SetCompare),
        any::<bool>().prop_map(Raw::SetFindOpen),
        proptest::collection::vec((0u8..4, 0usize..14, 0usize..1000), 0..7).prop_map(Raw::Link),
        Just(Raw::Back),
        Just(Raw::Forward),
    ]
}

/// A value for hash key `key`: valid and invalid spellings alike.
fn value(ds: &Dataset, key: &str, pick: usize) -> String {
    let ev = |k: usize| ds.events[k % ds.events.len()].id.clone();
    let st = |k: usize| ds.states[k % ds.states.len()].code.clone();
    let day = |k: usize| Date::from_day(ds.events[k % ds.events.len()].start.first_day()).to_string();
    let junk = ["", "x", "%", "%zz", "2013-13-01", "2013-02-30", "..", "<b>", "ru,en", "9999-01-01", "0001-01-01"];
    let junk = junk[pick % junk.len()].to_string();
    if pick.is_multiple_of(4) {
        return junk;
    }
    match key {
        "e" => ev(pick),
        "s" | "a" => st(pick),
        "d" | "cmp" => day(pick),
        "v" => ["visual", "text"][pick % 2].to_string(),
        "l" => ["en", "ru", "kk", "EN"][pick % 4].to_string(),
        "t" => format!("{}..{}", day(pick), day(pick / 3)),
        "q" => ["2013", "Almaty", "%D0%B0", "a%20b", "%E2%98%83"][pick % 5].to_string(),
        "lv" => Level::ALL.iter().take(pick % (Level::ALL.len() + 1)).map(|l| l.as_str()).collect::<Vec<_>>().join(","),
        "c" => "sure".to_string(),
        "f" => ["1", "0"][pick % 2].to_string(),
        _ => junk,
    }
}

const KEYS: [&str; 14] = ["e", "s", "d", "v", "l", "t", "q", "lv", "a", "c", "cmp", "f", "zz", ""];

fn step(ds: &Dataset, ctx: &Ctx, r: Raw) -> Step {
    let d = |x: i64| ctx.extent.0 + x as DayNum;
    Step::Act(match r {
        Raw::SelectEvent(i) => Action::SelectEvent(EventIx(i % (ds.events.len() + 3))),
        Raw::SelectState(i) => Action::SelectState(StateIx(i % (ds.states.len() + 3))),
        Raw::SetDay(x) => Action::SetDay(d(x * 3)),
        Raw::StepMonths(n) => Action::StepMonths(n),
        Raw::NextEvent => Action::NextEvent,
        Raw::PrevEvent => Action::PrevEvent,
        Raw::FirstDay => Action::FirstDay,
        Raw::LastDay => Action::LastDay,
        Raw::SetView(t) => Action::SetView(if t { View::Text } else { View::Visual }),
        Raw::SetLang(r) => Action::SetLang(if r { Lang::Ru } else { Lang::En }),
        Raw::ShowSpan(a, b) => Action::ShowSpan(d(a * 2), d(b * 2)),
        Raw::FitAll => Action::FitAll,
        Raw::SetQuery(q) => Action::SetQuery(q),
        Raw::ToggleLevel(k) => Action::ToggleLevel(Level::ALL[k % Level::ALL.len()]),
        Raw::SetAttended(a) => Action::SetAttended(a.map(|i| StateIx(i % (ds.states.len() + 2)))),
        Raw::SetSureOnly(b) => Action::SetSureOnly(b),
        Raw::SetCompare(c) => Action::SetCompare(c.map(|x| d(x * 3))),
        Raw::SetFindOpen(o) => Action::SetFindOpen(o),
        Raw::Link(parts) => {
            let body: Vec<String> = parts
                .iter()
                .map(|&(p, k, v)| {
                    let key = KEYS[k];
                    let prefix = ["", "a.", "b.", "a."][p as usize];
                    format!("{prefix}{key}={}", value(ds, key, v))
                })
                .collect();
            return Step::Link(format!("#{}", body.join("&")));
        }
        Raw::Back => return Step::Back,
        Raw::Forward => return Step::Forward,
    })
}

/// The browser's history of one tab (URL hashes), as far as the instance sees it.
struct Tab {
    entries: Vec<String>,
    at: usize,
}

impl Tab {
    fn url(&self) -> &str {
        &self.entries[self.at]
    }
    fn push(&mut self, url: String) {
        self.entries.truncate(self.at + 1);
        self.entries.push(url);
        self.at += 1;
    }
    fn replace(&mut self, url: String) {
        self.entries[self.at] = url;
    }
}

fn check_sane(ctx: &Ctx, s: &ViewState) -> Result<(), TestCaseError> {
    let (lo, hi) = ctx.extent;
    if let Some(i) = s.selection.event() {
        prop_assert!(i.0 < ctx.ds.events.len(), "event index {} out of range", i.0);
    }
    if let Some(i) = s.selection.state() {
        prop_assert!(i.0 < ctx.ds.states.len(), "state index {} out of range", i.0);
    }
    prop_assert!((lo..=hi).contains(&s.day), "day {} outside {lo}..={hi}", s.day);
    if let Some((a, b)) = s.span {
        prop_assert!(lo <= a && a <= b && b <= hi, "span {a}..{b} outside {lo}..={hi}");
        prop_assert!(b - a + 1 >= MIN_SPAN_DAYS.min(hi - lo + 1), "span {a}..{b} shorter than the minimum");
    }
    if let Some(c) = s.compare {
        prop_assert!((lo..=hi).contains(&c), "compared day {c} outside the extent");
    }
    prop_assert!(s.query.chars().count() <= hash::MAX_QUERY);
    prop_assert!(s.query.is_empty() || !s.query.trim().is_empty(), "a blank query is kept: {:?}", s.query);
    prop_assert_eq!(s.filter.hidden_levels & !ALL_LEVELS, 0);
    if let Some(a) = s.filter.attended {
        prop_assert!(a.0 < ctx.ds.states.len());
    }
    prop_assert!(almaty_process::ids::is_lang_code(s.lang.code()), "language {:?}", s.lang);
    Ok(())
}

fn walk(ds: &Dataset, prefix: Option<&str>, raws: Vec<Raw>) -> Result<(), TestCaseError> {
    let ctx = Ctx::new(ds, TODAY);
    let config = Config { hash_prefix: prefix.map(str::to_string), ..Config::default() };
    let open = |url: &str| ctx.initial(&config, url, TODAY);
    // The other instance's keys, which this one must never touch.
    let other = if prefix == Some("b") { Some("a") } else { Some("b") };
    let write = |s: &ViewState, old: &str| hash::print(&ctx.to_hash(s), prefix, old);

    let first_url = "#b.e=zz&b.l=ru".to_string();
    let mut s = open(&first_url);
    let mut tab = Tab { entries: vec![write(&s, &first_url)], at: 0 };
    for (n, r) in raws.into_iter().enumerate() {
        let st = step(ds, &ctx, r);
        let before_other = hash::parse(tab.url(), other);
        let t = match &st {
            Step::Act(a) => reduce(&ctx, &s, a.clone()),
            Step::Link(url) => {
                tab.push(url.clone());
                reduce(&ctx, &s, Action::Navigate(open(url)))
            }
            Step::Back | Step::Forward => {
                tab.at = match st {
                    Step::Back => tab.at.saturating_sub(1),
                    _ => (tab.at + 1).min(tab.entries.len() - 1),
                };
                reduce(&ctx, &s, Action::Navigate(open(tab.url())))
            }
        };
        let why = format!("step {n}: {st:?}");
        check_sane(&ctx, &t.state).map_err(|e| TestCaseError::fail(format!("{why}: {e}")))?;
        prop_assert_eq!(t.history == History::Keep, t.state == s, "{}: Keep exactly when nothing changed", why);
        if !matches!(st, Step::Act(_)) {
            prop_assert!(t.history != History::Push, "{}: navigation pushed", why);
        }
        // Record as the explorer does.
        match t.history {
            History::Keep => {}
            History::Push => {
                let url = write(&t.state, tab.url());
                tab.push(url);
            }
            History::Replace => {
                let url = write(&t.state, tab.url());
                tab.replace(url);
            }
        }
        s = t.state;
        // The URL reopens the state shown, and navigating to it is a no-op.
        let reopened = open(tab.url());
        prop_assert_eq!(&reopened, &s, "{}: the URL {} reopens another view", why, tab.url());
        prop_assert_eq!(reduce(&ctx, &s, Action::Navigate(reopened)).history, History::Keep);
        if matches!(st, Step::Act(_)) {
            prop_assert_eq!(hash::parse(tab.url(), other), before_other, "{}: another instance's keys changed", why);
        }
    }
    Ok(())
}

fn fixture() -> Dataset {
    parse_dataset(SMALL).expect("the fixture is valid")
}

fn bundled() -> Dataset {
    parse_dataset(BUNDLED).expect("the bundled dataset is valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn walks_on_the_fixture(raws in proptest::collection::vec(raw(), 1..60), named in any::<bool>()) {
        walk(&fixture(), named.then_some("a"), raws)?;
    }

    #[test]
    fn walks_on_the_bundled_dataset(raws in proptest::collection::vec(raw(), 1..60), named in any::<bool>()) {
        walk(&bundled(), named.then_some("a"), raws)?;
    }
}

/// The transition that crashed the explorer (a link with a date, then a link to the text
/// view): the rules give one Replace to a state with both changes, which the URL reopens.
#[test]
fn a_dated_link_then_the_text_view() {
    let ds = bundled();
    let ctx = Ctx::new(&ds, TODAY);
    let config = Config::default();
    let s = ctx.initial(&config, "#d=2013-06-05", TODAY);
    let t = reduce(&ctx, &s, Action::Navigate(ctx.initial(&config, "#v=text", TODAY)));
    assert_eq!(t.history, History::Replace);
    assert_eq!(t.state.view, View::Text);
    assert_ne!(t.state.day, s.day, "the date goes back to the default with a link that has none");
    let url = hash::print(&ctx.to_hash(&t.state), None, "#v=text");
    assert_eq!(ctx.initial(&config, &url, TODAY), t.state);
}

/// After a panic a fresh copy opens the view the panicked one showed (`Config::recover`),
/// over the attributes and the URL.
#[test]
fn a_recovered_view_wins_over_the_url() {
    let ds = fixture();
    let ctx = Ctx::new(&ds, TODAY);
    let config = Config {
        recover: Some("#s=KZ&d=2012-09-07&v=text&l=ru".into()),
        event: Some("2011-03-regional-conference".into()),
        ..Config::default()
    };
    let s = ctx.initial(&config, "#e=2013-06-05-ministerial&v=visual", TODAY);
    assert_eq!(s.selection.state(), ds.state_ix("KZ"));
    assert_eq!((s.view, s.lang), (View::Text, Lang::Ru));
    assert_eq!(s.day, Date::parse_day("2012-09-07").unwrap().first_day());
    let without = Config { recover: None, ..config };
    assert_eq!(ctx.initial(&without, "#e=2013-06-05-ministerial&v=visual", TODAY).view, View::Visual);
}

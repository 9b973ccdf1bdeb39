//! Each leaf component mounted alone (wasm-bindgen-test in headless Chromium): what it shows
//! from its props, and which `Action` it reports for what the user does.
#![cfg(target_arch = "wasm32")]

mod common;

use almaty_process::components::asof::{AsOf, AsOfSummary};
use almaty_process::components::detail::Detail;
use almaty_process::components::error_view::ErrorView;
use almaty_process::components::header::Header;
use almaty_process::components::text_view::TextView;
use almaty_process::components::tile_grid::TileGrid;
use almaty_process::components::timeline::{Legend, Timeline};
use almaty_process::date::{Date, DayNum};
use almaty_process::i18n::Lang;
use almaty_process::load::LoadError;
use almaty_process::model::{Dataset, EventIx, Index, StateIx};
use almaty_process::validate::parse_dataset;
use almaty_process::view_state::{Action, Ctx, Selection, View};
use common::*;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

fn ds() -> Arc<Dataset> {
    Arc::new(parse_dataset(SMALL).expect("fixture is valid"))
}

fn extent(ds: &Dataset) -> (DayNum, DayNum) {
    Ctx::new(ds, 30_000).extent
}

fn day(s: &str) -> DayNum {
    Date::parse(s).unwrap().first_day()
}

/// A callback that records what it is told, and the record.
fn recorder() -> (Callback<Action>, RwSignal<Vec<Action>>) {
    let log = RwSignal::new(Vec::new());
    (Callback::new(move |a| log.update(|v| v.push(a))), log)
}

fn ix(ds: &Dataset, id: &str) -> EventIx {
    ds.event_ix(id).unwrap()
}

#[wasm_bindgen_test]
async fn header_shows_the_title_and_reports_language_and_view() {
    let root = host();
    let (cb, log) = recorder();
    let lang = RwSignal::new(Lang::En);
    let view = RwSignal::new(View::Visual);
    let d = ds();
    let _h =
        leptos::mount::mount_to(root.clone(), move || view! { <Header dataset=d lang=lang view=view on_action=cb/> });
    settle().await;
    assert!(text(&root, "[data-testid=title]").contains("Almaty Process"));
    assert_eq!(attr(&root, "[data-testid=view-visual]", "aria-pressed").as_deref(), Some("true"));
    q(&root, "[data-testid=lang-ru]").click();
    q(&root, "[data-testid=view-text]").click();
    assert_eq!(log.get_untracked(), vec![Action::SetLang(Lang::Ru), Action::SetView(View::Text)]);
    // It shows what its props say, not what was clicked.
    assert_eq!(attr(&root, "[data-testid=lang-ru]", "aria-pressed").as_deref(), Some("false"));
    lang.set(Lang::Ru);
    view.set(View::Text);
    settle().await;
    assert_eq!(attr(&root, "[data-testid=lang-ru]", "aria-pressed").as_deref(), Some("true"));
    assert_eq!(attr(&root, "[data-testid=view-text]", "aria-pressed").as_deref(), Some("true"));
    assert!(text(&root, "[data-testid=title]").contains("Алматинский процесс"));
    assert_eq!(attr(&root, ".ap-seg[role=group]:last-child", "aria-label").as_deref(), Some("Вид"));
    root.remove();
}

#[wasm_bindgen_test]
async fn as_of_says_the_date_and_counts_and_reports_steps() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let ext = extent(&d);
    let dsig = RwSignal::new(day("2013-06-05"));
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <AsOf extent=ext day=dsig lang=Lang::En on_action=cb/>
            <AsOfSummary dataset=d day=dsig lang=Lang::En/>
        }
    });
    settle().await;
    let s = text(&root, "[data-testid=asof-summary]");
    assert!(s.starts_with("As of 5 June 2013: 7 members, 2 observers, 1 signatory. Chair: Kazakhstan."), "{s}");
    // The glyph buttons are named by their words (Label in Name), not an aria-label.
    assert_eq!(attr(&root, "[data-testid=next-event]", "aria-label"), None);
    assert_eq!(text(&root, "[data-testid=next-event]").trim(), "▶▶Next event");
    q(&root, "[data-testid=next-event]").click();
    q(&root, "[data-testid=prev-month]").click();
    let slider = q(&root, "[data-testid=asof]");
    key(&slider, "PageDown");
    key_with(&slider, "ArrowRight", true);
    key(&slider, "ArrowRight");
    key(&slider, "Home");
    key(&slider, "End");
    key(&slider, "x"); // not ours: nothing reported
    assert_eq!(
        log.get_untracked(),
        vec![
            Action::NextEvent,
            Action::StepMonths(-1),
            Action::PrevEvent,
            Action::NextEvent,
            Action::StepMonths(1),
            Action::FirstDay,
            Action::LastDay
        ]
    );
    dsig.set(day("2011-06-01"));
    settle().await;
    assert!(text(&root, "[data-testid=asof-summary]").starts_with("As of 1 June 2011: 9 signatories"));
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_marks_report_selection_and_follow_the_selection_prop() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let (ext, ministerial) = (extent(&d), ix(&d, "2013-06-05-ministerial"));
    let sel = RwSignal::new(Selection::None);
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Timeline dataset=dd extent=ext selection=sel day=day("2013-06-05") lang=Lang::En on_action=cb/> }
    });
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    assert_eq!(count(&root, "[data-testid=event-mark][tabindex='0']"), 1, "one tab stop");
    // Each label is the whole title (never cut with "…"), and the mark's name holds it.
    for e in &d.events {
        let m = format!("[data-event-id='{}']", e.id);
        let title = e.title.get("en", &d.languages).text.to_string();
        let shown = text(&root, &format!("{m} .ap-tl__label"));
        assert!(shown == title || shown == format!("{title} ?"), "label {shown:?} for {title:?}");
        let name = attr(&root, &m, "aria-label").unwrap();
        assert!(name.contains(&title), "name {name:?} lacks {title:?}");
    }
    let m = "[data-event-id='2013-06-05-ministerial']";
    q(&root, m).click();
    assert_eq!(log.get_untracked(), vec![Action::SelectEvent(ministerial)]);
    sel.set(Selection::Event(ministerial));
    settle().await;
    assert_eq!(attr(&root, m, "aria-pressed").as_deref(), Some("true"));
    assert_eq!(attr(&root, m, "tabindex").as_deref(), Some("0"), "the tab stop follows the selection");
    // Arrow keys move focus and the tab stop, without selecting.
    let first = q(&root, "[data-testid=event-mark][data-idx='0']");
    q(&root, m).focus().unwrap();
    key(&active(&root), "Home");
    settle().await;
    frame().await;
    assert_eq!(active(&root), first);
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(log.get_untracked().len(), 1);
    // A selected state marks the events it attended and dims the rest.
    sel.set(Selection::State(d.state_ix("RU").unwrap()));
    settle().await;
    assert!(first.class_name().contains("ap-tl__mark--related"));
    assert!(q(&root, m).class_name().contains("ap-tl__mark--dimmed"));
    root.remove();
}

#[wasm_bindgen_test]
async fn legend_lists_the_levels_present() {
    let root = host();
    let d = ds();
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <Legend dataset=d lang=Lang::Ru/> });
    settle().await;
    // Three levels in the fixture, plus the chair-term band.
    assert_eq!(count(&root, ".ap-legend__item"), 4);
    assert!(text(&root, ".ap-legend").contains("Председательство"));
    root.remove();
}

#[wasm_bindgen_test]
async fn tile_grid_colours_by_the_date_and_marks_an_events_participants() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let ministerial = ix(&d, "2013-06-05-ministerial");
    let sel = RwSignal::new(Selection::None);
    let dsig = RwSignal::new(day("2011-06-01"));
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <TileGrid dataset=dd selection=sel day=dsig lang=Lang::En on_action=cb/> }
    });
    settle().await;
    assert_eq!(count(&root, "[data-testid=tile]"), 10);
    let role = |code: &str| attr(&root, &format!("[data-testid=tile][data-state={code}]"), "data-role");
    assert_eq!(role("KZ").as_deref(), Some("signatory"));
    assert_eq!(role("PK").as_deref(), Some("none"));
    // Named by its content: the code, the name and the short role it shows, then the rest of
    // the full role (visually hidden); soft hyphens let long words break at syllables.
    let kz = "[data-testid=tile][data-state=KZ]";
    assert_eq!(attr(&root, kz, "aria-label"), None);
    let words = text(&root, kz).replace('\u{ad}', "");
    assert!(words.starts_with("KZ Kazakhstan Signatory (2011 Declaration)"), "{words:?}");
    assert!(text(&root, kz).contains("Ka\u{ad}zakh\u{ad}stan"));
    dsig.set(day("2013-06-05"));
    settle().await;
    assert_eq!(role("KZ").as_deref(), Some("member"));
    q(&root, "[data-testid=tile][data-state=PK]").click();
    assert_eq!(log.get_untracked(), vec![Action::SelectState(d.state_ix("PK").unwrap())]);
    sel.set(Selection::Event(ministerial));
    settle().await;
    assert_eq!(attr(&root, "[data-testid=tile][data-state=IR]", "data-event-role").as_deref(), Some("observer"));
    assert_eq!(count(&root, "[data-testid=tile-badge]"), 9);
    assert!(q(&root, "[data-testid=tile][data-state=RU]").class_name().contains("ap-tile--dimmed"));
    // A date move that changes a highlighted tile's role keeps its highlight.
    dsig.set(day("2011-06-01"));
    settle().await;
    let ir = q(&root, "[data-testid=tile][data-state=IR]");
    assert_eq!(ir.get_attribute("data-role").as_deref(), Some("signatory"));
    assert!(ir.class_name().contains("ap-tile--highlight"), "{}", ir.class_name());
    assert!(ir.class_name().contains("ap-role--signatory"), "{}", ir.class_name());
    root.remove();
}

#[wasm_bindgen_test]
async fn detail_shows_the_selection_and_reports_links() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let (ext, ministerial) = (extent(&d), ix(&d, "2013-06-05-ministerial"));
    let sel = RwSignal::new(Selection::None);
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Detail dataset=dd extent=ext selection=sel day=day("2013-06-05") lang=Lang::En on_action=cb/> }
    });
    settle().await;
    assert_eq!(count(&root, ".ap-hint"), 1, "a hint while nothing is selected");
    sel.set(Selection::Event(ministerial));
    settle().await;
    assert_eq!(attr(&root, "[data-testid=event-detail]", "data-event-id").as_deref(), Some("2013-06-05-ministerial"));
    assert_eq!(count(&root, "[data-testid=participants] > li"), 9);
    q(&root, "[data-testid=participants] li[data-state=PK] button").click();
    assert_eq!(log.get_untracked(), vec![Action::SelectState(d.state_ix("PK").unwrap())]);
    sel.set(Selection::State(StateIx(d.state_ix("RU").unwrap().0)));
    settle().await;
    assert_eq!(attr(&root, "[data-testid=state-detail]", "data-state").as_deref(), Some("RU"));
    q(&root, "[data-testid=events-attended] button").click();
    assert_eq!(log.get_untracked()[1], Action::SelectEvent(ix(&d, "2011-03-regional-conference")));
    root.remove();
}

#[wasm_bindgen_test]
async fn text_view_lists_events_and_states_and_reports_selection() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let sel = RwSignal::new(Selection::None);
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <TextView dataset=dd selection=sel day=day("2013-06-05") lang=Lang::En on_action=cb/> }
    });
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-item]"), 3);
    assert_eq!(count(&root, "[data-testid=state-row][data-role=member]"), 7);
    assert!(text(&root, "[data-testid=state-table] caption").contains("7 members, 2 observers"));
    q(&root, "[data-testid=event-item][data-event-id='2012-09-07-national-coordinators'] button").click();
    q(&root, "[data-testid=state-row][data-state=TR] button").click();
    assert_eq!(
        log.get_untracked(),
        vec![
            Action::SelectEvent(ix(&d, "2012-09-07-national-coordinators")),
            Action::SelectState(d.state_ix("TR").unwrap())
        ]
    );
    sel.set(Selection::Event(ix(&d, "2012-09-07-national-coordinators")));
    settle().await;
    assert_eq!(count(&root, ".ap-list__item--selected"), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn error_view_names_the_url_and_reason_in_the_language() {
    let root = host();
    let retried = RwSignal::new(0);
    let err = LoadError::Network { url: "http://x.test/data/dataset.json".into(), reason: "Failed to fetch".into() };
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorView error=err lang=Lang::Ru on_retry=Callback::new(move |_| retried.update(|n| *n += 1))/> }
    });
    settle().await;
    assert_eq!(text(&root, "[data-testid=error-url]"), "http://x.test/data/dataset.json");
    assert_eq!(text(&root, "[data-testid=error-reason]"), "соединение не удалось (Failed to fetch)");
    assert_eq!(text(&root, "[data-testid=retry]").trim(), "Повторить");
    q(&root, "[data-testid=retry]").click();
    assert_eq!(retried.get_untracked(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn error_view_lists_every_problem_with_its_path() {
    let root = host();
    let problems = parse_dataset(r#"{"format_version": 1, "id": 7}"#).unwrap_err();
    let n = problems.len();
    assert!(n >= 2, "the fixture has several problems");
    let first_path = problems[0].path.clone();
    let err = LoadError::Invalid { url: "data/dataset.json".into(), problems };
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <ErrorView error=err lang=Lang::En on_retry=Callback::new(|_| ())/> }
    });
    settle().await;
    assert_eq!(count(&root, "[data-testid=problems] > li"), n as u32);
    assert_eq!(text(&root, "[data-testid=error-reason]"), format!("{n} problems"));
    assert!(text(&root, "[data-testid=problems]").contains(&first_path));
    root.remove();
}

/// The fixture with six meetings within a week of 7 September 2012: one cluster at the default
/// zoom.
fn dense() -> Arc<Dataset> {
    let mut ds = parse_dataset(SMALL).expect("fixture is valid");
    let base = ds.events[1].clone();
    for k in 0..5u8 {
        let mut e = base.clone();
        e.id = format!("dense-{k}");
        e.start = Date::ymd(2012, 9, 8 + k);
        ds.events.push(e);
    }
    ds.events.sort_by_key(|e| e.start.first_day());
    ds.index = Index::build(&ds.events, &ds.states, &ds.sources, &ds.organisations);
    Arc::new(ds)
}

#[wasm_bindgen_test]
async fn timeline_clusters_dense_runs_zooms_and_fits() {
    let root = host();
    let (cb, log) = recorder();
    let d = dense();
    let ext = extent(&d);
    let span = RwSignal::new(None::<(DayNum, DayNum)>);
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Timeline dataset=dd extent=ext selection=Selection::None day=day("2012-09-07") lang=Lang::En span=span on_action=cb/> }
    });
    settle().await;
    // Default zoom: the six September 2012 meetings are one counted cluster.
    assert_eq!(count(&root, "[data-testid=event-cluster]"), 1);
    assert_eq!(attr(&root, "[data-testid=event-cluster]", "data-count").as_deref(), Some("6"));
    assert!(attr(&root, "[data-testid=event-cluster]", "aria-label").unwrap().starts_with("6 events, "));
    // Marks: the other two events, and the tab stop (the event at the as-of date, 7 September
    // 2012, the cluster's first), drawn beside its cluster so the keyboard can reach it.
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    assert_eq!(attr(&root, "[data-testid=event-mark][tabindex='0']", "data-idx").as_deref(), Some("1"));
    // Selecting the cluster zooms to its days.
    q(&root, "[data-testid=event-cluster]").click();
    let (a, b) = (day("2012-09-07") - 3, day("2012-09-12") + 3);
    assert_eq!(log.get_untracked(), vec![Action::ShowSpan(a, b)]);
    span.set(Some((a, b)));
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-cluster]"), 0, "spread out at that zoom");
    for k in 0..5 {
        assert_eq!(count(&root, &format!("[data-event-id=dense-{k}]")), 1);
    }
    // Zoom buttons and keys report spans around what is shown; fit all reports FitAll.
    let (a, b) = (a - 10, b + 10);
    span.set(Some((a, b)));
    settle().await;
    q(&root, "[data-testid=zoom-fit]").click();
    key(&q(&root, "[data-testid=zoom-in]"), "0");
    assert_eq!(log.get_untracked()[1..], [Action::FitAll, Action::FitAll]);
    q(&root, "[data-testid=zoom-out]").click();
    key(&q(&root, "[data-testid=zoom-in]"), "+");
    let spans: Vec<(DayNum, DayNum)> = log.get_untracked()[3..]
        .iter()
        .map(|a| match a {
            Action::ShowSpan(a, b) => (*a, *b),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(spans.len(), 2);
    assert!(spans[0].1 - spans[0].0 > b - a, "zoom out widens: {spans:?}");
    assert!(spans[1].1 - spans[1].0 < b - a, "zoom in narrows: {spans:?}");
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_keys_reach_every_event_even_off_screen() {
    let root = host();
    let (cb, _log) = recorder();
    let d = dense();
    let ext = extent(&d);
    // Zoomed to two weeks of 2011: the later events are not drawn.
    let span = RwSignal::new(Some((day("2011-03-01"), day("2011-03-14"))));
    let dd = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Timeline dataset=dd extent=ext selection=Selection::None day=day("2011-03-10") lang=Lang::En span=span on_action=cb/> }
    });
    settle().await;
    assert_eq!(count(&root, "[data-event-id='2013-06-05-ministerial']"), 0, "off screen, not in the DOM");
    let first = q(&root, "[data-testid=event-mark][data-idx='0']");
    first.focus().unwrap();
    key(&first, "End");
    settle().await;
    common::frame().await;
    let last = d.events.len() - 1;
    assert_eq!(active(&root).get_attribute("data-idx"), Some(last.to_string()), "End reaches the last event");
    for i in (0..last).rev() {
        key(&active(&root), "ArrowLeft");
        settle().await;
        common::frame().await;
        assert_eq!(active(&root).get_attribute("data-idx"), Some(i.to_string()));
    }
    root.remove();
}

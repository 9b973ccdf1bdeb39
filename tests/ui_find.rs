//! The search, filter, comparison and play components (issue 15), each mounted alone: what
//! they show from their props, and which `Action` they report.
#![cfg(target_arch = "wasm32")]

mod common;

use almaty_process::components::find::{ChangeList, FindBar, Play};
use almaty_process::components::tile_grid::TileGrid;
use almaty_process::components::timeline::{Legend, Timeline};
use almaty_process::date::{Date, DayNum};
use almaty_process::find::{level_bit, Filter};
use almaty_process::i18n::Lang;
use almaty_process::model::{Dataset, Level, StateIx};
use almaty_process::validate::parse_dataset;
use almaty_process::view_state::{Action, Ctx, Selection};
use common::*;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

fn ds() -> Arc<Dataset> {
    Arc::new(parse_dataset(SMALL).expect("fixture is valid"))
}

fn day(s: &str) -> DayNum {
    Date::parse(s).unwrap().first_day()
}

fn recorder() -> (Callback<Action>, RwSignal<Vec<Action>>) {
    let log = RwSignal::new(Vec::new());
    (Callback::new(move |a| log.update(|v| v.push(a))), log)
}

/// Sets a form control's value and fires `event` (bubbling, as the app's delegated handlers need).
fn input(el: &web_sys::HtmlElement, value: &str, event: &str) {
    let f =
        js_sys::Function::new_with_args("el,v,t", "el.value = v; el.dispatchEvent(new Event(t, { bubbles: true }));");
    f.call3(&wasm_bindgen::JsValue::NULL, el, &value.into(), &event.into()).unwrap();
}

#[wasm_bindgen_test]
async fn find_bar_reports_query_filters_and_compare_and_shows_the_count() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let ext = Ctx::new(&d, 30_000).extent;
    let lang = RwSignal::new(Lang::Ru);
    let count = RwSignal::new(Some(3usize));
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <FindBar dataset=d.clone() extent=ext lang=lang query=Signal::derive(|| "ёлка".to_string()) filter=Signal::derive(Filter::default)
                compare=Signal::derive(|| None) day=Signal::derive(move || day("2013-12-31")) match_count=count on_action=cb/>
        }
    });
    settle().await;
    let search = q(&root, "[data-testid=search]");
    assert_eq!(search.get_attribute("type").as_deref(), Some("search"));
    assert_eq!(search.dyn_ref::<web_sys::HtmlInputElement>().unwrap().value(), "ёлка");
    assert!(text(&root, ".ap-find__search label").contains("Поиск"), "a visible label");
    assert_eq!(text(&root, "[data-testid=match-count]"), "Найдено: 3 события");
    assert_eq!(attr(&root, "[data-testid=match-count]", "aria-live").as_deref(), Some("polite"));
    count.set(Some(1));
    settle().await;
    assert_eq!(text(&root, "[data-testid=match-count]"), "Найдено: 1 событие");
    lang.set(Lang::En);
    count.set(Some(5));
    settle().await;
    assert_eq!(text(&root, "[data-testid=match-count]"), "5 events match");
    input(&search, "Almaty", "input");
    input(&q(&root, "[data-testid=attended]"), "PK", "change");
    let sure = q(&root, "[data-testid=sure-only]");
    sure.click();
    q(&root, "[data-testid=compare-on]").click();
    let ds2 = ds();
    let pk = ds2.state_ix("PK");
    let got = log.get_untracked();
    assert_eq!(got[0], Action::SetQuery("Almaty".into()));
    assert_eq!(got[1], Action::SetAttended(pk));
    assert_eq!(got[2], Action::SetSureOnly(true));
    assert_eq!(got[3], Action::SetCompare(Some(day("2012-12-31"))), "a year before the as-of date");
    root.remove();
}

#[wasm_bindgen_test]
async fn legend_levels_are_toggle_buttons() {
    let root = host();
    let (cb, log) = recorder();
    let d = ds();
    let filter = RwSignal::new(Filter { hidden_levels: level_bit(Level::Ministerial), ..Filter::default() });
    let _h = leptos::mount::mount_to(
        root.clone(),
        move || view! { <Legend dataset=d lang=Lang::En filter=filter on_action=cb/> },
    );
    settle().await;
    assert_eq!(count(&root, "[data-testid=level-toggle]"), 3);
    assert_eq!(attr(&root, "[data-level=ministerial]", "aria-pressed").as_deref(), Some("false"));
    assert_eq!(attr(&root, "[data-level=founding_conference]", "aria-pressed").as_deref(), Some("true"));
    q(&root, "[data-level=founding_conference]").click();
    assert_eq!(log.get_untracked(), vec![Action::ToggleLevel(Level::FoundingConference)]);
    filter.set(Filter::default());
    settle().await;
    assert_eq!(attr(&root, "[data-level=ministerial]", "aria-pressed").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_draws_only_shown_events_and_marks_matches() {
    let root = host();
    let (cb, _log) = recorder();
    let d = ds();
    let ext = Ctx::new(&d, 30_000).extent;
    let shown = RwSignal::new(Some(Arc::new(vec![0usize, 2])));
    let m = Arc::new(almaty_process::find::Haystacks::build(&d, "en").search("ministerial").unwrap());
    let matches = RwSignal::new(Some(m));
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Timeline dataset=d.clone() extent=ext selection=Signal::derive(|| Selection::None) day=Signal::derive(move || ext.0)
                lang=Signal::derive(|| Lang::En) on_action=cb shown=shown matches=matches/>
        }
    });
    settle().await;
    frame().await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 2, "the hidden event is not drawn");
    assert_eq!(count(&root, "[data-event-id=\"2012-09-07-national-coordinators\"]"), 0);
    assert_eq!(attr(&root, "[data-event-id=\"2013-06-05-ministerial\"]", "data-match").as_deref(), Some("true"));
    assert_eq!(attr(&root, "[data-event-id=\"2011-03-regional-conference\"]", "data-match").as_deref(), Some("false"));
    // Keys move between the shown events: the first, then the third.
    let first = q(&root, "[data-testid=event-mark][tabindex=\"0\"]");
    assert_eq!(first.get_attribute("data-event-id").as_deref(), Some("2011-03-regional-conference"));
    first.focus().unwrap();
    key(&first, "ArrowRight");
    frame().await;
    assert_eq!(active(&root).get_attribute("data-event-id").as_deref(), Some("2013-06-05-ministerial"));
    shown.set(None);
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    root.remove();
}

#[wasm_bindgen_test]
async fn tiles_and_change_list_state_the_change_between_two_dates() {
    let root = host();
    let (cb, _log) = recorder();
    let d = ds();
    let d2 = d.clone();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TileGrid dataset=d.clone() selection=Signal::derive(|| Selection::None) day=Signal::derive(|| day("2013-12-31"))
                lang=Signal::derive(|| Lang::En) on_action=cb compare=Signal::derive(|| Some(day("2011-12-31")))/>
            <ChangeList dataset=d2.clone() day=Signal::derive(|| day("2013-12-31")) compare=Signal::derive(|| Some(day("2011-12-31")))
                lang=Signal::derive(|| Lang::En)/>
        }
    });
    settle().await;
    assert_eq!(attr(&root, "[data-testid=tile][data-state=PK]", "data-change").as_deref(), Some("joined"));
    assert!(text(&root, "[data-testid=tile][data-state=PK]").contains("+ joined"));
    assert_eq!(attr(&root, "[data-testid=tile][data-state=RU]", "data-change").as_deref(), Some("unchanged"));
    assert_eq!(attr(&root, "[data-testid=tile][data-state=KZ]", "data-chair-change").as_deref(), Some("became"));
    // Tiles are named by their content (Label in Name): the words they show.
    assert!(text(&root, "[data-testid=tile][data-state=KZ]").contains("became chair"));
    let list = text(&root, "[data-testid=changes]");
    assert!(list.contains("Pakistan: not involved → observer"), "{list}");
    assert!(list.contains("Kazakhstan: signatory (2011 Declaration) → member; became chair"), "{list}");
    assert!(list.contains("Russia: signatory (2011 Declaration), unchanged"), "{list}");
    root.remove();
}

#[wasm_bindgen_test]
async fn play_steps_to_the_last_event_and_stops() {
    let root = host();
    let d = ds();
    let last = d.events.last().unwrap().start.first_day();
    let the_day = RwSignal::new(day("2012-01-01"));
    let steps = RwSignal::new(0);
    let playing = RwSignal::new(false);
    let ds2 = d.clone();
    // A stand-in for the explorer: NextEvent moves to the next event's start.
    let cb = Callback::new(move |a: Action| {
        if a == Action::NextEvent {
            steps.update(|n| *n += 1);
            let next = ds2.events.iter().map(|e| e.start.first_day()).find(|&s| s > the_day.get_untracked());
            if let Some(n) = next {
                the_day.set(n);
            }
        }
    });
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Play last=last day=the_day lang=Signal::derive(|| Lang::Ru) playing=playing interval_ms=20 on_action=cb/>
        }
    });
    settle().await;
    let b = q(&root, "[data-testid=play]");
    assert!(b.text_content().unwrap().contains("Воспроизвести"));
    b.click();
    settle().await;
    assert!(playing.get_untracked());
    assert!(b.text_content().unwrap().contains("Пауза"));
    for _ in 0..50 {
        gloo_timers_sleep(30).await;
        if !playing.get_untracked() {
            break;
        }
    }
    assert!(!playing.get_untracked(), "stopped at the end");
    assert_eq!(the_day.get_untracked(), last);
    assert_eq!(steps.get_untracked(), 2, "one step per later event");
    let _ = StateIx(0);
    root.remove();
}

async fn gloo_timers_sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

//! Browser tests of the app's components (wasm-bindgen-test in headless Chromium).
//! Data is fed in directly: the test runner's page serves no app assets.
#![cfg(target_arch = "wasm32")]

use almaty_process::app::{App, Config, Load};
use almaty_process::hash::View;
use almaty_process::i18n::Lang;
use almaty_process::load::LoadError;
use almaty_process::validate::parse_dataset;
use common::*;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

mod common;

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");

fn small() -> Load {
    Load::Ready(Arc::new(parse_dataset(SMALL).expect("fixture is valid")))
}

fn config() -> Config {
    Config { use_hash: false, ..Config::default() }
}

/// Dispatches a keydown and tells whether a handler cancelled it.
fn key_cancelled(el: &HtmlElement, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

#[wasm_bindgen_test]
async fn shell_renders_a_given_dataset() {
    let root = host();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <App config=config() initial=small()/> });
    settle().await;
    assert!(text(&root, "[data-testid=title]").contains("Almaty Process"));
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    assert_eq!(count(&root, "[data-testid=tile]"), 10);
    assert_eq!(count(&root, "[role=alert]"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn shell_renders_the_error_view_for_a_broken_dataset() {
    let root = host();
    let problems = parse_dataset("{\"format_version\": 1,\n \"events\": [}").unwrap_err();
    let err = LoadError::Invalid { url: "http://x.test/data/dataset.json".into(), problems };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=config() initial=Load::Failed(err)/> });
    settle().await;
    let alert = text(&root, "[role=alert]");
    assert!(alert.contains("http://x.test/data/dataset.json"), "{alert}");
    assert!(alert.contains("line 2, column"), "{alert}");
    assert_eq!(count(&root, "[data-testid=event-mark]"), 0, "nothing half-rendered");
    root.remove();
}

/// The small fixture as a `data:` URL: the test runner's server has no dataset to fetch.
fn small_data_url() -> String {
    let encoded: String = js_sys::encode_uri_component(SMALL).into();
    format!("data:application/json;charset=utf-8,{encoded}")
}

/// Waits for the browser's event loop (a `setTimeout`).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn retry_fetches_the_dataset_again_and_shows_the_explorer() {
    let root = host();
    // The first attempt failed; the configured source now answers with a valid dataset.
    let cfg = Config { src: small_data_url(), ..config() };
    let err =
        LoadError::Http { url: "http://x.test/data/dataset.json".into(), status: 404, status_text: "Not Found".into() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=cfg initial=Load::Failed(err)/> });
    settle().await;
    assert_eq!(count(&root, "[role=alert]"), 1);
    assert_eq!(count(&root, "[data-testid=event-mark]"), 0);
    q(&root, "[data-testid=retry]").click();
    settle().await;
    assert_eq!(count(&root, "[role=alert]"), 0, "Retry leaves the error view");
    // The fetch resolves on a later turn of the event loop: wait up to 5 s for the explorer.
    for _ in 0..100 {
        if count(&root, "[data-testid=event-mark]") > 0 || count(&root, "[role=alert]") > 0 {
            break;
        }
        sleep(50).await;
    }
    let alert = root.query_selector("[role=alert]").unwrap().and_then(|a| a.text_content());
    assert_eq!(alert, None, "Retry ended in an error");
    assert_eq!(count(&root, "[data-testid=loading]"), 0, "still loading 5 s after Retry");
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3, "the fetched dataset's events are shown");
    assert!(text(&root, "[data-testid=title]").contains("Almaty Process"));
    root.remove();
}

#[wasm_bindgen_test]
async fn http_errors_name_the_status() {
    let root = host();
    let err = LoadError::Http { url: "data/missing.json".into(), status: 404, status_text: "Not Found".into() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=config() initial=Load::Failed(err)/> });
    settle().await;
    let alert = text(&root, "[role=alert]");
    assert!(alert.contains("data/missing.json") && alert.contains("HTTP 404"), "{alert}");
    root.remove();
}

#[wasm_bindgen_test]
async fn selecting_an_event_highlights_its_participants_with_their_roles() {
    let root = host();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <App config=config() initial=small()/> });
    settle().await;
    q(&root, "[data-event-id='2013-06-05-ministerial']").click();
    settle().await;
    assert_eq!(
        q(&root, "[data-event-id='2013-06-05-ministerial']").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        q(&root, "[data-testid=tile][data-state=IR]").get_attribute("data-event-role").as_deref(),
        Some("observer")
    );
    assert_eq!(
        q(&root, "[data-testid=tile][data-state=PK]").get_attribute("data-event-role").as_deref(),
        Some("participant")
    );
    assert_eq!(q(&root, "[data-testid=tile][data-state=RU]").get_attribute("data-event-role").as_deref(), Some(""));
    assert!(text(&root, "[data-testid=asof-summary]").starts_with("As of 5 June 2013: 7 members, 2 observers"));
    assert!(text(&root, "[data-testid=event-detail]").contains("Operating Modalities"));
    root.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_state_highlights_its_events_and_shows_its_detail() {
    let root = host();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <App config=config() initial=small()/> });
    settle().await;
    q(&root, "[data-testid=tile][data-state=RU]").click();
    settle().await;
    assert!(q(&root, "[data-event-id='2011-03-regional-conference']").class_name().contains("ap-tl__mark--related"));
    assert!(q(&root, "[data-event-id='2013-06-05-ministerial']").class_name().contains("ap-tl__mark--dimmed"));
    assert_eq!(q(&root, "[data-testid=state-detail]").get_attribute("data-state").as_deref(), Some("RU"));
    assert_eq!(count(&root, "[data-testid=events-attended] > li"), 1);
    root.remove();
}

// A script cannot press Enter for real (a dispatched keydown is untrusted and never activates a
// button), so this test checks that the timeline leaves Enter to the <button> and that activating
// it selects. A real Enter press is in the e2e keyboard journey (gates.mjs, "gate: keyboard only").
#[wasm_bindgen_test]
async fn arrow_keys_move_focus_along_the_timeline_enter_is_left_to_the_button_and_a_click_selects() {
    let root = host();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <App config=config() initial=small()/> });
    settle().await;
    // With nothing selected, the one tab stop is the event at the as-of date: the dataset's
    // `updated` date (2026-11-28) comes after all three events, so the last.
    let first = q(&root, "[data-testid=event-mark][data-idx='0']");
    let stop = q(&root, "[data-testid=event-mark][data-idx='2']");
    assert_eq!(stop.get_attribute("tabindex").as_deref(), Some("0"), "the tab stop is at the as-of date");
    assert_eq!(count(&root, "[data-testid=event-mark][tabindex='0']"), 1, "one tab stop");
    stop.focus().unwrap();
    // Focus moves once the new tab stop is drawn (in the next frame).
    key(&stop, "Home");
    settle().await;
    frame().await;
    assert_eq!(active(&root), first);
    key(&first, "ArrowRight");
    settle().await;
    frame().await;
    assert_eq!(active(&root).get_attribute("data-idx").as_deref(), Some("1"));
    key(&active(&root), "End");
    settle().await;
    frame().await;
    assert_eq!(active(&root).get_attribute("data-idx").as_deref(), Some("2"));
    key(&active(&root), "Home");
    settle().await;
    frame().await;
    assert_eq!(active(&root).get_attribute("data-idx").as_deref(), Some("0"));
    assert!(!key_cancelled(&active(&root), "Enter"), "the timeline cancels Enter, so the button never activates");
    assert!(!key_cancelled(&active(&root), " "), "the timeline cancels Space, so the button never activates");
    assert_eq!(first.get_attribute("aria-pressed").as_deref(), Some("false"), "a synthetic key selected nothing");
    active(&root).click(); // what Enter or Space on a focused <button> does
    settle().await;
    assert_eq!(first.get_attribute("aria-pressed").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_tiles_in_grid_order() {
    let root = host();
    let _h = leptos::mount::mount_to(root.clone(), || view! { <App config=config() initial=small()/> });
    settle().await;
    let start = q(&root, "[data-testid=tile][tabindex='0']");
    start.focus().unwrap();
    // Tiles are placed by their <li>'s grid-column and grid-row.
    let cell = |el: &HtmlElement| {
        let li: HtmlElement = el.parent_element().unwrap().unchecked_into();
        let s = li.style();
        let n = |p: &str| s.get_property_value(p).unwrap().split('/').next().unwrap().trim().parse::<i32>().unwrap();
        (n("grid-column-start"), n("grid-row-start"))
    };
    let before = cell(&start);
    key(&start, "ArrowRight");
    settle().await;
    let now = active(&root);
    assert_eq!(now.get_attribute("data-testid").as_deref(), Some("tile"));
    assert_ne!(now.get_attribute("data-state"), start.get_attribute("data-state"));
    assert!(cell(&now).0 > before.0, "moved right: {:?} -> {:?}", before, cell(&now));
    root.remove();
}

#[wasm_bindgen_test]
async fn moving_the_date_recolours_the_tiles() {
    let root = host();
    let cfg = Config { date: Some("2011-06-01".into()), ..config() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=cfg initial=small()/> });
    settle().await;
    let kz = || q(&root, "[data-testid=tile][data-state=KZ]").get_attribute("data-role");
    assert_eq!(kz().as_deref(), Some("signatory"));
    assert!(
        text(&root, "[data-testid=tile][data-state=RU]").replace('\u{ad}', "").contains("Signatory"),
        "role as text too"
    );
    let slider = q(&root, "[data-testid=asof]");
    key(&slider, "PageUp"); // next event: 7 September 2012
    settle().await;
    assert!(text(&root, "[data-testid=asof-summary]").contains("7 September 2012"));
    key(&slider, "PageUp"); // 5 June 2013
    settle().await;
    assert_eq!(kz().as_deref(), Some("member"));
    key(&slider, "ArrowLeft"); // one month earlier: 5 May 2013
    settle().await;
    assert!(text(&root, "[data-testid=asof-summary]").contains("5 May 2013"));
    assert_eq!(kz().as_deref(), Some("signatory"));
    root.remove();
}

#[wasm_bindgen_test]
async fn text_view_tells_what_the_visuals_tell() {
    let root = host();
    let cfg = Config { view: View::Text, date: Some("2013-06-05".into()), ..config() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=cfg initial=small()/> });
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-item]"), 3);
    assert_eq!(count(&root, "[data-testid=event-item] time[datetime]"), 3);
    assert_eq!(count(&root, "[data-testid=state-row][data-role=member]"), 7);
    assert_eq!(
        q(&root, "[data-testid=state-row][data-state=IR]").get_attribute("data-role").as_deref(),
        Some("observer")
    );
    assert!(text(&root, "[data-testid=state-table] caption").contains("7 members, 2 observers"));
    // Switching back to the visual view.
    q(&root, "[data-testid=view-visual]").click();
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_translates_interface_content_and_dates() {
    let root = host();
    let cfg = Config { date: Some("2013-06-05".into()), ..config() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=cfg initial=small()/> });
    settle().await;
    q(&root, "[data-testid=lang-ru]").click();
    settle().await;
    let summary = text(&root, "[data-testid=asof-summary]");
    assert!(summary.starts_with("На 5 июня 2013 г.: 7 членов, 2 наблюдателя"), "{summary}");
    assert!(text(&root, "[data-testid=title]").contains("Алматинский процесс"));
    assert_eq!(q(&root, ".ap-app").get_attribute("lang").as_deref(), Some("ru"));
    let _ = Lang::Ru;
    root.remove();
}

#[wasm_bindgen_test]
async fn dataset_text_is_rendered_as_text_never_as_markup() {
    let root = host();
    let mut ds = parse_dataset(SMALL).unwrap();
    ds.events[0].title.0.insert("en".into(), "<img src=x onerror=alert(1)><script>window.__pwned=1</script>".into());
    let ds = Load::Ready(Arc::new(ds));
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=config() initial=ds/> });
    settle().await;
    q(&root, "[data-testid=event-mark][data-idx='0']").click();
    settle().await;
    assert_eq!(count(&root, "img"), 0);
    assert_eq!(count(&root, "script"), 0);
    assert!(text(&root, "[data-testid=event-detail]").contains("<img src=x onerror=alert(1)>"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_third_content_language_needs_no_code_and_missing_texts_are_marked() {
    let root = host();
    let mut ds = parse_dataset(SMALL).unwrap();
    ds.languages.push("kk".into());
    ds.title.0.insert("kk".into(), "Алматы процесі".into());
    let ds = Load::Ready(Arc::new(ds));
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=config() initial=ds/> });
    settle().await;
    q(&root, "[data-testid=lang-kk]").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=title]").trim(), "Алматы процесі");
    assert_eq!(q(&root, ".ap-app").get_attribute("lang").as_deref(), Some("kk"));
    // The description has no Kazakh text: shown in the first language, marked as such.
    assert!(count(&root, "[data-testid=fallback]") > 0);
    assert_eq!(q(&root, ".ap-subtitle [lang]").get_attribute("lang").as_deref(), Some("en"));
    root.remove();
}

/// Sets the page's hash (a link followed on the same page) and lets the hashchange land.
async fn follow(hash: &str) {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
    sleep(30).await;
    settle().await;
}

/// The crash of issue 20: an instance opened on a link with a date, then a link to the text
/// view (one update that disposes the timeline and changes the date), then back, forward and
/// across views with a selection, in both directions.
#[wasm_bindgen_test]
async fn hash_links_that_change_the_view_and_the_date_together() {
    let root = host();
    web_sys::window().unwrap().location().set_hash("#w.d=2012-09-07").unwrap();
    let cfg = Config { use_hash: true, hash_prefix: Some("w".into()), ..config() };
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <App config=cfg initial=small()/> });
    settle().await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3);
    follow("#w.v=text").await;
    assert_eq!(count(&root, "[data-testid=event-item]"), 3, "the text view after the dated link");
    follow("#w.e=2013-06-05-ministerial&w.d=2011-03-14&w.v=visual").await;
    assert_eq!(count(&root, "[data-testid=event-mark][aria-pressed=true]"), 1, "the visual view with a selection");
    follow("#w.s=KZ&w.d=2013-06-05&w.v=text&w.l=ru").await;
    assert_eq!(count(&root, "[data-testid=event-item]"), 3, "the text view again, with a state");
    follow("#w.d=2012-09-07").await;
    assert_eq!(count(&root, "[data-testid=event-mark]"), 3, "the visual view once more");
    let state = root.query_selector(".ap-app").unwrap().unwrap().get_attribute("data-hash-state").unwrap();
    assert!(
        state.contains("d=2012-09-07") && state.contains("v=visual"),
        "the shown view is kept for a restart: {state}"
    );
    assert_eq!(count(&root, "[role=alert]"), 0);
    follow("").await;
    root.remove();
}

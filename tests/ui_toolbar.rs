//! The take-away toolbar and the printout, each mounted alone (wasm-bindgen-test in headless
//! Chromium): visible labels in both languages, the disclosures by mouse and keyboard, the
//! citation in every format, copying with its fallback, and the printout built on
//! `beforeprint` and dropped on `afterprint`. The files themselves are checked natively
//! (`src/export/`) and downloaded for real in e2e/export.mjs.
#![cfg(target_arch = "wasm32")]

mod common;

use almaty_process::components::print_view::PrintView;
use almaty_process::components::toolbar::Toolbar;
use almaty_process::date::{Date, DayNum};
use almaty_process::i18n::Lang;
use almaty_process::model::Dataset;
use almaty_process::validate::parse_dataset;
use almaty_process::view_state::Selection;
use common::*;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

const SMALL: &str = include_str!("fixtures/small.json");
const MINISTERIAL: &str = "2013-06-05-ministerial";

fn ds() -> Arc<Dataset> {
    Arc::new(parse_dataset(SMALL).expect("fixture is valid"))
}

fn day(s: &str) -> DayNum {
    Date::parse(s).unwrap().first_day()
}

/// Waits `ms` milliseconds (for the clipboard's promise).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn citation(root: &HtmlElement) -> String {
    q(root, "[data-testid=cite-text]").unchecked_into::<HtmlTextAreaElement>().value()
}

/// Checks a radio button the way a click does: checked, then a bubbling change event.
fn choose(root: &HtmlElement, testid: &str) {
    let mut sel = String::from("[data-testid=");
    sel.push_str(testid);
    sel.push(']');
    q(root, &sel).click();
}

struct Mounted {
    root: HtmlElement,
    lang: RwSignal<Lang>,
    day: RwSignal<DayNum>,
    selection: RwSignal<Selection>,
    _h: Box<dyn std::any::Any>,
}

async fn toolbar(selection: Selection) -> Mounted {
    let root = host();
    let lang = RwSignal::new(Lang::En);
    let d = RwSignal::new(day("2013-06-05"));
    let sel = RwSignal::new(selection);
    let data = ds();
    let h = leptos::mount::mount_to(root.clone(), move || {
        view! { <Toolbar dataset=data selection=sel day=d lang=lang src="data/dataset.json"/> }
    });
    settle().await;
    Mounted { root, lang, day: d, selection: sel, _h: Box::new(h) }
}

#[wasm_bindgen_test]
async fn toolbar_has_visible_text_in_both_languages() {
    let m = toolbar(Selection::None).await;
    let r = &m.root;
    assert_eq!(text(r, "[data-testid=tools-download]"), "Download ▾");
    assert_eq!(text(r, "[data-testid=tools-cite]"), "Cite ▾");
    assert_eq!(text(r, "[data-testid=tools-link]"), "Copy link");
    assert_eq!(text(r, "[data-testid=tools-print]"), "Print");
    assert_eq!(attr(r, "[data-testid=toolbar]", "aria-label").as_deref(), Some("Download, cite, share, print"));
    assert_eq!(attr(r, "[data-testid=tools-download]", "aria-expanded").as_deref(), Some("false"));
    assert!(q(r, "[data-testid=download-panel]").has_attribute("hidden"));
    assert_eq!(
        attr(r, "[data-testid=download-json]", "download").as_deref(),
        Some("almaty-process-dataset-2026-11-28.json")
    );
    assert_eq!(attr(r, "[data-testid=download-json]", "href").as_deref(), Some("data/dataset.json"));
    m.lang.set(Lang::Ru);
    settle().await;
    assert_eq!(text(r, "[data-testid=tools-download]"), "Скачать ▾");
    assert_eq!(text(r, "[data-testid=tools-link]"), "Копировать ссылку");
    assert_eq!(text(r, "[data-testid=tools-print]"), "Печать");
    assert_eq!(text(r, "[data-testid=download-events-csv]"), "События (CSV)");
    r.remove();
}

#[wasm_bindgen_test]
async fn download_panel_opens_follows_the_date_and_closes_with_escape() {
    let m = toolbar(Selection::None).await;
    let r = &m.root;
    q(r, "[data-testid=tools-download]").click();
    settle().await;
    assert_eq!(attr(r, "[data-testid=tools-download]", "aria-expanded").as_deref(), Some("true"));
    assert!(!q(r, "[data-testid=download-panel]").has_attribute("hidden"));
    assert_eq!(text(r, "[data-testid=download-states-csv]"), "States as of 5 June 2013 (CSV)");
    m.day.set(day("2011-06-01"));
    settle().await;
    assert_eq!(text(r, "[data-testid=download-states-csv]"), "States as of 1 June 2011 (CSV)");
    // Opening Cite closes Download.
    q(r, "[data-testid=tools-cite]").click();
    settle().await;
    assert!(q(r, "[data-testid=download-panel]").has_attribute("hidden"));
    assert!(!q(r, "[data-testid=cite-panel]").has_attribute("hidden"));
    // Escape closes and gives the focus back to the panel's button.
    key(&q(r, "[data-testid=cite-text]"), "Escape");
    settle().await;
    assert!(q(r, "[data-testid=cite-panel]").has_attribute("hidden"));
    assert_eq!(attr(r, "[data-testid=tools-cite]", "aria-expanded").as_deref(), Some("false"));
    assert_eq!(active(r).get_attribute("data-testid").as_deref(), Some("tools-cite"));
    // A second click on an open panel's button closes it.
    q(r, "[data-testid=tools-download]").click();
    q(r, "[data-testid=tools-download]").click();
    settle().await;
    assert!(q(r, "[data-testid=download-panel]").has_attribute("hidden"));
    r.remove();
}

#[wasm_bindgen_test]
async fn cite_panel_gives_every_format_for_the_event_or_the_dataset() {
    let d = ds();
    let ix = d.event_ix(MINISTERIAL).unwrap();
    let m = toolbar(Selection::Event(ix)).await;
    let r = &m.root;
    q(r, "[data-testid=tools-cite]").click();
    settle().await;
    let apa = citation(r);
    assert!(apa.starts_with("Ministerial Conference on Refugee Protection and International Migration: The Almaty Process (Almaty, Kazakhstan, 5 June 2013) [Event record]."), "{apa}");
    assert!(apa.contains("\n\nSources:\n[SEED] "), "{apa}");
    assert!(
        !q(r, "[data-testid=cite-scope]").has_attribute("hidden"),
        "the event/dataset choice shows with an event selected"
    );
    choose(r, "cite-bibtex");
    settle().await;
    assert!(
        citation(r).starts_with("@misc{almaty-process:2013-06-05-ministerial,\n  title = {{Ministerial Conference"),
        "{}",
        citation(r)
    );
    choose(r, "cite-csl-json");
    settle().await;
    let v = js_sys::JSON::parse(&citation(r)).expect("CSL-JSON parses");
    let first = js_sys::Reflect::get(&v, &0.into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&first, &"type".into()).unwrap().as_string().as_deref(), Some("entry"));
    choose(r, "cite-dataset");
    settle().await;
    let v = js_sys::JSON::parse(&citation(r)).unwrap();
    let first = js_sys::Reflect::get(&v, &0.into()).unwrap();
    assert_eq!(js_sys::Reflect::get(&first, &"type".into()).unwrap().as_string().as_deref(), Some("dataset"));
    // Russian: GOST, and the choice stays.
    m.lang.set(Lang::Ru);
    choose(r, "cite-style");
    settle().await;
    let gost = citation(r);
    assert!(gost.starts_with("Алматинский процесс"), "{gost}");
    assert!(gost.contains(" : набор данных. – Обновлено 28.11.2026. – URL: "), "{gost}");
    assert!(
        q(r, "[data-testid=cite-dataset]").unchecked_into::<HtmlInputElement>().checked(),
        "the scope survives the language switch"
    );
    // Without a selected event there is only the dataset to cite.
    m.selection.set(Selection::None);
    settle().await;
    assert!(q(r, "[data-testid=cite-scope]").has_attribute("hidden"));
    r.remove();
}

#[wasm_bindgen_test]
async fn copying_is_announced_and_falls_back_to_a_selection() {
    let m = toolbar(Selection::None).await;
    let r = &m.root;
    q(r, "[data-testid=tools-cite]").click();
    settle().await;
    q(r, "[data-testid=cite-copy]").click();
    sleep(300).await;
    settle().await;
    let said = text(r, "[data-testid=tools-status]");
    // The test page may or may not be allowed the clipboard; either way it is said, and when
    // it was not, the text is selected for Ctrl+C.
    match said.as_str() {
        "Copied to the clipboard" => {}
        "Selected: press Ctrl+C (⌘C) to copy" => {
            let area = q(r, "[data-testid=cite-text]").unchecked_into::<HtmlTextAreaElement>();
            assert_eq!(area.selection_start().unwrap(), Some(0));
            assert_eq!(area.selection_end().unwrap(), Some(area.value().encode_utf16().count() as u32));
        }
        other => panic!("unexpected announcement: {other:?}"),
    }
    r.remove();
}

#[wasm_bindgen_test]
async fn printout_is_built_on_beforeprint_and_dropped_on_afterprint() {
    let root = host();
    let lang = RwSignal::new(Lang::Ru);
    let d = RwSignal::new(day("2013-06-05"));
    let data = ds();
    let n = data.events.len() as u32;
    let _h = leptos::mount::mount_to(root.clone(), move || view! { <PrintView dataset=data day=d lang=lang/> });
    settle().await;
    let print = q(&root, "[data-testid=print]");
    assert_eq!(print.child_element_count(), 0, "nothing until printing");
    d.set(day("2014-01-01"));
    settle().await;
    assert_eq!(print.child_element_count(), 0, "a date move builds nothing");
    let w = web_sys::window().unwrap();
    w.dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    assert_eq!(count(&root, ".ap-print__event"), n, "built synchronously on beforeprint");
    let t = print.text_content().unwrap_or_default();
    assert!(t.contains("Хронология") && t.contains("Министерская конференция"), "{t}");
    assert!(t.contains("На 1 января 2014 г."), "the states as of the date at printing: {t}");
    assert_eq!(attr(&root, ".ap-print__doc", "lang").as_deref(), Some("ru"));
    assert!(root.class_list().contains("ap-app--printing"), "the app is marked while printing");
    w.dispatch_event(&web_sys::Event::new("afterprint").unwrap()).unwrap();
    assert_eq!(print.child_element_count(), 0, "dropped on afterprint");
    assert!(!root.class_list().contains("ap-app--printing"));
    root.remove();
}

#[wasm_bindgen_test]
async fn share_panel_opens_says_when_the_figure_code_is_missing_and_closes_with_escape() {
    // The panel's content (figures, alt text, embed snippets) comes from the figure module,
    // which `boot.js` loads; here there is none, so the panel must say so, not hang. The
    // snippets themselves are tested natively (src/snippet.rs) and in e2e/share.mjs.
    let ds = ds();
    let m = toolbar(Selection::Event(ds.event_ix(MINISTERIAL).unwrap())).await;
    let panel = q(&m.root, "[data-testid=share-panel]");
    assert!(panel.has_attribute("hidden"));
    q(&m.root, "[data-testid=tools-share]").click();
    settle().await;
    assert!(!panel.has_attribute("hidden"));
    assert_eq!(q(&m.root, "[data-testid=tools-share]").get_attribute("aria-expanded").as_deref(), Some("true"));
    let alt = || q(&m.root, "[data-testid=figure-alt]").unchecked_into::<HtmlTextAreaElement>().value();
    sleep(50).await;
    assert_eq!(alt(), "The figure could not be made");
    // Without a share sheet in this browser, the button is not offered.
    let has_share = js_sys::Reflect::has(&web_sys::window().unwrap().navigator(), &"share".into()).unwrap();
    assert_eq!(q(&m.root, "[data-testid=share-native-row]").has_attribute("hidden"), !has_share);
    // It stays open through a change of language, in the new language.
    m.lang.set(Lang::Ru);
    settle().await;
    sleep(50).await;
    assert!(!q(&m.root, "[data-testid=share-panel]").has_attribute("hidden"));
    assert_eq!(alt(), "Не удалось подготовить иллюстрацию");
    // Escape closes it and gives the focus back to its button.
    let ev = web_sys::KeyboardEventInit::new();
    ev.set_key("Escape");
    ev.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &ev).unwrap();
    q(&m.root, "[data-testid=share-panel]").dispatch_event(&key).unwrap();
    settle().await;
    assert!(q(&m.root, "[data-testid=share-panel]").has_attribute("hidden"));
    let focused = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(focused.get_attribute("data-testid").as_deref(), Some("tools-share"));
}

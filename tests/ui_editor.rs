//! The dataset editor's forms in headless Chromium (wasm-bindgen-test): the whole editor opened
//! on the bundled dataset (given through its `initial` prop: the runner serves no data files),
//! driven the way a user drives it (clicks, `input` and `change` events) and read back from
//! the page: field values, `aria-invalid`, the messages an input points to, the counts, undo
//! and redo, references kept on rename and delete, markup shown as text, the language.
#![cfg(target_arch = "wasm32")]

mod common;

use almaty_process::editor::shell::Editor;
use common::*;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../public/data/dataset.json");
const EDITOR_STYLES: &str = include_str!("../public/edit.css");
const MARKUP: &str = "<img src=x onerror=alert(1)>";

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Waits for the browser's event loop (a `setTimeout`).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits until `ok` holds (effects, validation and re-renders run asynchronously), or fails.
async fn until(what: &str, mut ok: impl FnMut() -> bool) {
    settle().await;
    for _ in 0..300 {
        if ok() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

/// The editor opened on the bundled dataset, in a fresh host, with storage cleared first.
/// Keep the second value for the test's length: dropping it unmounts the editor.
async fn open() -> (HtmlElement, impl Sized) {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    // What a failed test before this one left behind.
    let old = document().query_selector_all(".ed-test-host").unwrap();
    for i in 0..old.length() {
        if let Some(n) = old.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            n.remove();
        }
    }
    let root = host();
    root.class_list().add_1("ed-test-host").unwrap();
    if document().get_element_by_id("ed-test-styles").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("ed-test-styles");
        style.set_text_content(Some(EDITOR_STYLES));
        document().head().unwrap().append_child(&style).unwrap();
    }
    let doc: Value = serde_json::from_str(DATA).expect("the bundled dataset is JSON");
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <Editor initial=doc/> });
    until("the editor to open and validate", || {
        root.query_selector("[data-testid=counts]")
            .unwrap()
            .is_some_and(|c| c.text_content().unwrap_or_default().contains('·'))
            && root.query_selector(".ed-record").unwrap().is_some()
    })
    .await;
    (root, handle)
}

fn dataset() -> Value {
    serde_json::from_str(DATA).unwrap()
}

/// The header's counts: (errors, warnings).
fn counts(root: &HtmlElement) -> (usize, usize) {
    let t = text(root, "[data-testid=counts]");
    let nums: Vec<usize> = t
        .split('·')
        .map(|part| {
            part.trim().split(' ').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("counts {t:?}"))
        })
        .collect();
    assert_eq!(nums.len(), 2, "counts {t:?}");
    (nums[0], nums[1])
}

/// The input, select or text area bound to a JSON path.
fn field(root: &HtmlElement, path: &str) -> HtmlElement {
    q(root, &format!("[data-path=\"{path}\"]"))
}

fn has_field(root: &HtmlElement, path: &str) -> bool {
    count(root, &format!("[data-path=\"{path}\"]")) > 0
}

fn value(el: &HtmlElement) -> String {
    js_sys::Reflect::get(el, &"value".into()).unwrap().as_string().unwrap_or_default()
}

fn value_at(root: &HtmlElement, path: &str) -> String {
    value(&field(root, path))
}

fn dispatch(el: &HtmlElement, kind: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    let ev = CustomEvent::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// Types `text` into a field as a user does: its value set, then an `input` event.
fn type_in(el: &HtmlElement, text: &str) {
    js_sys::Reflect::set(el, &"value".into(), &text.into()).unwrap();
    dispatch(el, "input");
}

/// Types `text` and leaves the field (`input`, then `change`).
fn type_and_leave(el: &HtmlElement, text: &str) {
    type_in(el, text);
    dispatch(el, "change");
}

/// Shows the list of a kind (`events`, `states`, …).
async fn show_kind(root: &HtmlElement, list: &str) {
    q(root, &format!("[data-testid=kind-{list}]")).click();
    let sel = format!("[data-testid=kind-{list}][aria-pressed=true]");
    until(&format!("the {list} list"), || count(root, &sel) == 1).await;
}

/// Clicks the record whose id the list shows as `id`, and waits for its form.
async fn select_record(root: &HtmlElement, id: &str) {
    let buttons = root.query_selector_all(".ed-record").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.query_selector(".ed-recid").unwrap().and_then(|s| s.text_content()).as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no record {id} in the list"));
    button.click();
    until(&format!("the form of {id}"), || {
        root.query_selector("#ed-form-title").unwrap().and_then(|h| h.text_content()).is_some_and(|t| t.ends_with(id))
    })
    .await;
}

/// The ids of the elements an input's `aria-describedby` names.
fn described_by(el: &HtmlElement) -> Vec<String> {
    el.get_attribute("aria-describedby").unwrap_or_default().split_whitespace().map(str::to_string).collect()
}

/// The messages list an input points to, when it points to one and it is shown.
fn visible_messages(root: &HtmlElement, el: &HtmlElement) -> Option<Vec<String>> {
    described_by(el).into_iter().find_map(|id| {
        let list: HtmlElement = root.query_selector(&format!("[id=\"{id}\"]")).unwrap()?.unchecked_into();
        if !list.class_list().contains("ed-msgs") || list.hidden() || list.offset_height() == 0 {
            return None;
        }
        let items = list.query_selector_all("li[data-testid=field-problem]").unwrap();
        let texts: Vec<String> = (0..items.length())
            .filter_map(|i| items.item(i)?.text_content())
            .filter(|t| !t.trim().is_empty())
            .collect();
        (!texts.is_empty()).then_some(texts)
    })
}

/// The problem button whose path is `path`.
fn problem_button(root: &HtmlElement, path: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("[data-testid=problem]").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.query_selector(".ed-path").unwrap().and_then(|c| c.text_content()).as_deref() == Some(path))
}

fn active_path() -> Option<String> {
    document().active_element().and_then(|e| e.get_attribute("data-path"))
}

fn disabled(root: &HtmlElement, sel: &str) -> bool {
    q(root, sel).has_attribute("disabled")
}

/// Replaces `window.confirm` with a stub answering `answer` that records what it was asked in
/// `window.__asked`; gives back the original.
fn stub_confirm(answer: bool) -> JsValue {
    let w = window();
    let original = js_sys::Reflect::get(&w, &"confirm".into()).unwrap();
    let _ = js_sys::Reflect::set(&w, &"__asked".into(), &JsValue::NULL);
    let stub = js_sys::Function::new_with_args("msg", &format!("window.__asked = String(msg); return {answer};"));
    js_sys::Reflect::set(&w, &"confirm".into(), &stub).unwrap();
    original
}

fn asked() -> Option<String> {
    js_sys::Reflect::get(&window(), &"__asked".into()).unwrap().as_string()
}

fn restore_confirm(original: &JsValue) {
    js_sys::Reflect::set(&window(), &"confirm".into(), original).unwrap();
}

/// The ids the record list shows.
fn ids_listed(root: &HtmlElement) -> Vec<String> {
    let ids = root.query_selector_all(".ed-record .ed-recid").unwrap();
    (0..ids.length()).filter_map(|i| ids.item(i)?.text_content()).collect()
}

fn record_count(root: &HtmlElement) -> u32 {
    count(root, ".ed-record")
}

#[wasm_bindgen_test]
async fn selecting_an_event_shows_its_values() {
    let (root, _h) = open().await;
    let d = dataset();
    let e = &d["events"][3];
    show_kind(&root, "events").await;
    select_record(&root, e["id"].as_str().unwrap()).await;
    assert_eq!(value_at(&root, "$.events[3].id"), e["id"].as_str().unwrap());
    assert_eq!(value_at(&root, "$.events[3].start"), e["start"].as_str().unwrap());
    assert_eq!(value_at(&root, "$.events[3].title.en"), e["title"]["en"].as_str().unwrap());
    assert_eq!(value_at(&root, "$.events[3].title.ru"), e["title"]["ru"].as_str().unwrap());
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-recid"), e["id"].as_str().unwrap());
    // The bundled dataset has no errors, so no field is marked.
    assert_eq!(counts(&root).0, 0, "{}", text(&root, "[data-testid=counts]"));
    assert_eq!(count(&root, ".ed-form [aria-invalid=true]"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn an_impossible_date_is_marked_at_its_input_and_counted() {
    let (root, _h) = open().await;
    let (errors, warnings) = counts(&root);
    assert_eq!(errors, 0);
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    // Read from the page afresh each time: an edit may redraw the form.
    let path = "$.events[3].start";
    let invalid = || attr(&root, &format!("[data-path=\"{path}\"]"), "aria-invalid");
    assert_eq!(invalid().as_deref(), Some("false"));
    assert_eq!(visible_messages(&root, &field(&root, path)), None);

    type_in(&field(&root, path), "2013-02-30");
    until("the error at the start", || invalid().as_deref() == Some("true")).await;
    let shown = visible_messages(&root, &field(&root, path)).expect("aria-describedby names a shown message");
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("2013-02-30"), "{shown:?}");
    assert_eq!(counts(&root), (1, warnings), "{}", text(&root, "[data-testid=counts]"));
    assert!(problem_button(&root, path).is_some(), "the problems list names the field");
    // The record's button in the list carries a badge.
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-badge"), "1");

    // A real date clears the error (it may move a participant off a role's span elsewhere:
    // a warning there, not here).
    type_in(&field(&root, path), "2013-02-28");
    until("the error to clear", || invalid().as_deref() == Some("false")).await;
    let start = field(&root, path);
    assert_eq!(visible_messages(&root, &start), None);
    assert!(described_by(&start).iter().all(|id| !id.ends_with("-msg")), "{:?}", described_by(&start));
    assert_eq!(counts(&root).0, 0);
    assert!(problem_button(&root, path).is_none());
    type_in(&field(&root, path), "2014-11-21");
    until("the counts as opened", || counts(&root) == (0, warnings)).await;
    assert_eq!(count(&root, ".ed-record[aria-current=true] .ed-badge"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_problem_clicked_focuses_its_input() {
    let (root, _h) = open().await;
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    type_in(&field(&root, "$.events[3].start"), "2013-02-30");
    until("the problem", || problem_button(&root, "$.events[3].start").is_some()).await;
    // Elsewhere first: another record's form, the problems pane (what a narrow screen shows).
    select_record(&root, "2011-03-regional-conference").await;
    q(&root, "[data-testid=kind-states]").click();
    q(&root, "[data-testid=pane-problems]").click();
    settle().await;
    assert!(!has_field(&root, "$.events[3].start"));
    problem_button(&root, "$.events[3].start").unwrap().click();
    until("the start input to be focused", || active_path().as_deref() == Some("$.events[3].start")).await;
    assert_eq!(attr(&root, "[data-testid=kind-events]", "aria-pressed").as_deref(), Some("true"));
    assert_eq!(attr(&root, "[data-testid=pane-edit]", "aria-pressed").as_deref(), Some("true"));
    assert_eq!(value_at(&root, "$.events[3].start"), "2013-02-30");
    root.remove();
}

#[wasm_bindgen_test]
async fn undo_and_redo_restore_and_reapply_a_typed_title() {
    let (root, _h) = open().await;
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    let path = "$.events[3].title.en";
    let before = value_at(&root, path);
    assert!(disabled(&root, "[data-testid=undo]"), "nothing to undo yet");
    assert!(disabled(&root, "[data-testid=redo]"), "nothing to redo yet");

    // Keystrokes into one field are one step.
    type_in(&field(&root, path), "S");
    type_in(&field(&root, path), "SOM one");
    until("undo to be offered", || !disabled(&root, "[data-testid=undo]")).await;
    assert!(disabled(&root, "[data-testid=redo]"));
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-reclabel"), "2014-11-21 SOM one");

    q(&root, "[data-testid=undo]").click();
    until("the title to come back", || value_at(&root, path) == before).await;
    assert!(disabled(&root, "[data-testid=undo]"), "one step undone, none left");
    assert!(!disabled(&root, "[data-testid=redo]"));
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-reclabel"), format!("2014-11-21 {before}"));
    assert_eq!(count(&root, "[data-testid=change-totals]"), 0, "no changes left");

    q(&root, "[data-testid=redo]").click();
    until("the title to be reapplied", || value_at(&root, path) == "SOM one").await;
    assert!(!disabled(&root, "[data-testid=undo]"));
    assert!(disabled(&root, "[data-testid=redo]"));
    let totals = text(&root, "[data-testid=change-totals]");
    assert!(totals.starts_with("0 added · 1 changed · 0 removed"), "{totals}");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_added_event_is_selected_and_its_required_fields_show_errors() {
    let (root, _h) = open().await;
    let n = dataset()["events"].as_array().unwrap().len();
    show_kind(&root, "events").await;
    assert_eq!(record_count(&root) as usize, n);
    assert_eq!(counts(&root).0, 0);
    q(&root, "[data-testid=add-record]").click();
    until("the new record", || record_count(&root) as usize == n + 1).await;
    let id_path = format!("$.events[{n}].id");
    until("the new record's form", || has_field(&root, &id_path)).await;
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-recid"), "new-event");
    assert_eq!(value_at(&root, &id_path), "new-event");
    until("its errors", || counts(&root).0 > 0).await;
    // Blank texts are only warnings, and cross-checks (warnings) wait for the errors to go:
    // what is marked now is the empty date, level and confidence.
    for key in ["start", "level", "confidence"] {
        let p = format!("$.events[{n}].{key}");
        let el = field(&root, &p);
        assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"), "{p}");
        assert!(visible_messages(&root, &el).is_some(), "{p} names a shown message");
    }
    // The new record's id field is focused, ready to be named.
    until("the id input to be focused", || active_path().as_deref() == Some(id_path.as_str())).await;
    assert!(text(&root, "[data-testid=change-totals]").starts_with("1 added"));
    root.remove();
}

#[wasm_bindgen_test]
async fn renaming_a_state_updates_the_events_that_cite_it() {
    let (root, _h) = open().await;
    let d = dataset();
    let at = d["states"].as_array().unwrap().iter().position(|s| s["code"] == "US").unwrap();
    let cite = "$.events[5].participants[11].state";
    assert_eq!(d["events"][5]["participants"][11]["state"], "US");

    show_kind(&root, "events").await;
    select_record(&root, "2015-09-22-som-2").await;
    assert_eq!(value_at(&root, cite), "US");

    show_kind(&root, "states").await;
    select_record(&root, "US").await;
    let code = field(&root, &format!("$.states[{at}].code"));
    assert_eq!(value(&code), "US");
    type_and_leave(&code, "XU");
    until("the heading to say the new code", || text(&root, "#ed-form-title").ends_with("XU")).await;

    show_kind(&root, "events").await;
    select_record(&root, "2015-09-22-som-2").await;
    assert_eq!(value_at(&root, cite), "XU", "the participant follows the rename");
    // One undo step takes back the rename and its references together.
    q(&root, "[data-testid=undo]").click();
    until("the rename to be undone", || value_at(&root, cite) == "US").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn deleting_a_cited_record_asks_first() {
    let (root, _h) = open().await;
    let d = dataset();
    let n = d["states"].as_array().unwrap().len();
    let cite = "$.events[5].participants[9].state";
    assert_eq!(d["events"][5]["participants"][9]["state"], "CN");
    show_kind(&root, "states").await;
    select_record(&root, "CN").await;

    let original = stub_confirm(false);
    q(&root, "[data-testid=delete]").click();
    settle().await;
    let question = asked();
    restore_confirm(&original);
    let question = question.expect("asked before deleting");
    assert!(question.contains(cite), "names the reference: {question}");
    assert_eq!(record_count(&root) as usize, n, "kept");
    assert!(text(&root, "#ed-form-title").ends_with("CN"), "still shown");
    assert_eq!(counts(&root).0, 0);
    assert!(disabled(&root, "[data-testid=undo]"), "nothing happened");

    let original = stub_confirm(true);
    q(&root, "[data-testid=delete]").click();
    until("the state to go", || record_count(&root) as usize == n - 1).await;
    restore_confirm(&original);
    assert!(asked().is_some());
    until("the dangling reference to be an error", || problem_button(&root, cite).is_some()).await;
    assert!(counts(&root).0 > 0);
    assert!(!ids_listed(&root).iter().any(|id| id == "CN"));
    let totals = text(&root, "[data-testid=change-totals]");
    assert!(totals.contains("1 removed"), "{totals}");
    root.remove();
}

#[wasm_bindgen_test]
async fn markup_in_a_text_is_shown_as_text() {
    let (root, _h) = open().await;
    let alerts = js_sys::Function::new_no_args("window.__alerted = (window.__alerted || 0) + 1;");
    let original_alert = js_sys::Reflect::get(&window(), &"alert".into()).unwrap();
    js_sys::Reflect::set(&window(), &"alert".into(), &alerts).unwrap();
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    let imgs_before = document().query_selector_all("img").unwrap().length();
    type_in(&field(&root, "$.events[3].title.en"), MARKUP);
    until("the list label", || text(&root, ".ed-record[aria-current=true] .ed-reclabel").contains(MARKUP)).await;
    until("the preview", || text(&root, "[data-testid=preview]").contains(MARKUP)).await;
    assert!(text(&root, "[data-testid=preview]").contains(MARKUP));
    sleep(50).await;
    assert_eq!(document().query_selector_all("img").unwrap().length(), imgs_before);
    assert_eq!(imgs_before, 0, "no img anywhere in the document");
    assert_eq!(value_at(&root, "$.events[3].title.en"), MARKUP);
    let alerted = js_sys::Reflect::get(&window(), &"__alerted".into()).unwrap();
    js_sys::Reflect::set(&window(), &"alert".into(), &original_alert).unwrap();
    assert!(alerted.is_undefined(), "nothing ran");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_buttons_switch_the_labels() {
    let (root, _h) = open().await;
    q(&root, ".ed-head button[lang=en]").click();
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    let start_label = format!("label[for=\"{}\"]", field(&root, "$.events[3].start").id());
    assert_eq!(text(&root, &start_label), "Start");
    assert_eq!(text(&root, "[data-testid=undo]").trim(), "Undo");
    assert!(text(&root, "[data-testid=kind-events]").starts_with("Events"));
    assert!(text(&root, "[data-testid=counts]").contains("errors"));

    q(&root, ".ed-head button[lang=ru]").click();
    until("Russian labels", || text(&root, &start_label) == "Начало").await;
    assert_eq!(attr(&root, ".ed-head button[lang=ru]", "aria-pressed").as_deref(), Some("true"));
    assert_eq!(attr(&root, ".ed", "lang").as_deref(), Some("ru"));
    assert_eq!(text(&root, "[data-testid=undo]").trim(), "Отменить");
    assert!(text(&root, "[data-testid=kind-events]").starts_with("События"));
    assert!(text(&root, "[data-testid=counts]").contains("ошибок"));
    assert!(text(&root, "#ed-form-title").starts_with("События"));
    // The values are the data's, whatever the interface language.
    assert_eq!(value_at(&root, "$.events[3].start"), "2014-11-21");
    root.remove();
}

#[wasm_bindgen_test]
async fn undo_takes_back_one_field_at_a_time() {
    let (root, _h) = open().await;
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    let (en, ru) = ("$.events[3].title.en", "$.events[3].title.ru");
    let ru_before = value_at(&root, ru);
    type_in(&field(&root, en), "English");
    type_in(&field(&root, ru), "Русский");
    until("both typed", || value_at(&root, ru) == "Русский").await;
    q(&root, "[data-testid=undo]").click();
    until("the Russian title back", || value_at(&root, ru) == ru_before).await;
    assert_eq!(value_at(&root, en), "English", "the other field keeps its step");
    assert!(!disabled(&root, "[data-testid=undo]"));
    // The keyboard does the same, wherever focus is.
    let title = field(&root, en);
    title.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    title.dispatch_event(&ev).unwrap();
    assert!(ev.default_prevented(), "the browser's own undo is not run as well");
    until("the English title back", || value_at(&root, en) != "English").await;
    assert!(disabled(&root, "[data-testid=undo]"));
    root.remove();
}

#[wasm_bindgen_test]
async fn an_added_participant_is_focused_and_takes_a_state() {
    let (root, _h) = open().await;
    let d = dataset();
    let n = d["events"][3]["participants"].as_array().unwrap().len();
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    q(&root, "[data-testid=add-participants]").click();
    let state = format!("$.events[3].participants[{n}].state");
    until("the new participant's state to be focused", || active_path().as_deref() == Some(state.as_str())).await;
    let invalid = || attr(&root, &format!("[data-path=\"{state}\"]"), "aria-invalid");
    until("its error", || invalid().as_deref() == Some("true")).await;
    assert!(visible_messages(&root, &field(&root, &state)).is_some());
    type_and_leave(&field(&root, &state), "UZ");
    let role = format!("$.events[3].participants[{n}].role");
    type_and_leave(&field(&root, &role), "participant");
    until("the state to be valid", || invalid().as_deref() == Some("false")).await;
    assert_eq!(value_at(&root, &state), "UZ");
    assert_eq!(value_at(&root, &role), "participant");
    assert_eq!(counts(&root).0, 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn duplicate_copies_the_record_under_a_fresh_id() {
    let (root, _h) = open().await;
    let d = dataset();
    let n = d["events"].as_array().unwrap().len();
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    q(&root, "[data-testid=duplicate]").click();
    until("the copy", || record_count(&root) as usize == n + 1).await;
    until("the copy's form", || text(&root, "#ed-form-title").ends_with("2014-11-21-som-1-copy")).await;
    assert_eq!(value_at(&root, "$.events[4].id"), "2014-11-21-som-1-copy");
    assert_eq!(value_at(&root, "$.events[4].title.en"), d["events"][3]["title"]["en"].as_str().unwrap());
    assert_eq!(text(&root, ".ed-record[aria-current=true] .ed-recid"), "2014-11-21-som-1-copy");
    root.remove();
}

#[wasm_bindgen_test]
async fn renaming_an_event_updates_the_dispute_about_it() {
    let (root, _h) = open().await;
    let d = dataset();
    assert_eq!(d["disputes"][0]["subject"]["id"], "2015-09-22-som-2");
    show_kind(&root, "events").await;
    select_record(&root, "2015-09-22-som-2").await;
    type_and_leave(&field(&root, "$.events[5].id"), "2015-09-22-som-two");
    until("the heading", || text(&root, "#ed-form-title").ends_with("2015-09-22-som-two")).await;
    show_kind(&root, "disputes").await;
    select_record(&root, d["disputes"][0]["id"].as_str().unwrap()).await;
    assert_eq!(value_at(&root, "$.disputes[0].subject.id"), "2015-09-22-som-two");
    assert_eq!(counts(&root).0, 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn renaming_onto_a_taken_code_and_back_keeps_the_references() {
    let (root, _h) = open().await;
    let d = dataset();
    let kz = d["states"].as_array().unwrap().iter().position(|s| s["code"] == "KZ").unwrap();
    let cite = "$.events[1].participants[0].state";
    assert_eq!(d["events"][1]["participants"][0]["state"], "KZ");
    show_kind(&root, "states").await;
    select_record(&root, "KZ").await;
    let code = format!("$.states[{kz}].code");
    // A slip: KG is another state's code. Then the user puts it right.
    type_and_leave(&field(&root, &code), "KG");
    until("the duplicate code to be an error", || counts(&root).0 > 0).await;
    type_and_leave(&field(&root, &code), "KZ");
    until("the heading", || text(&root, "#ed-form-title").ends_with("KZ")).await;
    show_kind(&root, "events").await;
    select_record(&root, "2012-09-07-national-coordinators").await;
    assert_eq!(value_at(&root, cite), "KZ", "Kazakhstan's references are Kazakhstan's again");
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_keeps_the_field_and_its_focus() {
    let (root, _h) = open().await;
    show_kind(&root, "events").await;
    select_record(&root, "2014-11-21-som-1").await;
    let path = "$.events[3].title.en";
    let title = field(&root, path);
    title.focus().unwrap();
    assert_eq!(active_path().as_deref(), Some(path));
    type_in(&title, "S");
    until("the draft to take the keystroke", || {
        text(&root, ".ed-record[aria-current=true] .ed-reclabel").ends_with(" S")
    })
    .await;
    sleep(20).await;
    assert!(title.is_connected(), "the input typed into is still in the page");
    assert_eq!(active_path().as_deref(), Some(path), "focus stays in the field");
    root.remove();
}

#[wasm_bindgen_test]
fn counts_agree_with_their_numbers_in_both_languages() {
    use almaty_process::editor::text::counts_line;
    use almaty_process::i18n::Lang;
    assert_eq!(counts_line(1, 0, Lang::En), "1 error · 0 warnings");
    assert_eq!(counts_line(2, 1, Lang::En), "2 errors · 1 warning");
    assert_eq!(counts_line(1, 3, Lang::Ru), "1 ошибка · 3 предупреждения");
    assert_eq!(counts_line(11, 25, Lang::Ru), "11 ошибок · 25 предупреждений");
    use almaty_process::editor::text::records_changing;
    assert_eq!(records_changing(1, Lang::En), "1 record changes:");
    assert_eq!(records_changing(22, Lang::Ru), "22 записи изменятся:");
}

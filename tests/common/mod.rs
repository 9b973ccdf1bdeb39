//! Helpers shared by the browser tests: a fresh host element, waiting for Leptos to settle,
//! and short DOM queries.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

/// The app's stylesheet (the test runner's page serves no app files).
const STYLES: &str = include_str!("../../public/styles.css");

/// A fresh host element for one test, styled like an instance's root (the app's stylesheet is
/// put into the page once).
pub fn host() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    if doc.get_element_by_id("ap-test-styles").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("ap-test-styles");
        style.set_text_content(Some(STYLES));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let el: HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    el.set_class_name("ap-root");
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Lets effects and re-renders run.
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

pub fn q(root: &HtmlElement, sel: &str) -> HtmlElement {
    root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no element matches {sel}")).unchecked_into()
}

pub fn count(root: &HtmlElement, sel: &str) -> u32 {
    root.query_selector_all(sel).unwrap().length()
}

pub fn text(root: &HtmlElement, sel: &str) -> String {
    q(root, sel).text_content().unwrap_or_default()
}

pub fn attr(root: &HtmlElement, sel: &str, name: &str) -> Option<String> {
    q(root, sel).get_attribute(name)
}

/// Dispatches a keydown of `key` (bubbling, cancelable) on `el`.
pub fn key(el: &HtmlElement, key: &str) {
    key_with(el, key, false)
}

pub fn key_with(el: &HtmlElement, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// The focused element.
pub fn active(root: &HtmlElement) -> HtmlElement {
    root.owner_document().unwrap().active_element().unwrap().unchecked_into()
}

/// Waits for the next animation frame (what the app defers to a frame has run then).
pub async fn frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

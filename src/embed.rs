//! Mounting: one app instance per host element, configured by the element's attributes, and a
//! panic hook that replaces a dead app with a message instead of leaving a blank box.

use crate::app::{App, Config};
use crate::hash::View;
use crate::i18n::{t, Key, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Selector of host elements.
pub const HOST_SELECTOR: &str = "[data-almaty-process]";

/// Reads an instance's configuration from its host element's `data-*` attributes:
/// `data-src`, `data-lang`, `data-view`, `data-date`, `data-event`, `data-state`,
/// `data-hash` (`off` to leave the URL alone) and `data-instance` (hash key prefix).
pub fn config_from(el: &web_sys::Element) -> Config {
    let attr = |name: &str| el.get_attribute(name).filter(|v| !v.trim().is_empty());
    let mut c = Config::default();
    if let Some(src) = attr("data-src") {
        c.src = src;
    }
    if let Some(l) = attr("data-lang").and_then(|l| Lang::parse(&l)) {
        c.lang = l;
    }
    if attr("data-view").as_deref() == Some("text") {
        c.view = View::Text;
    }
    c.date = attr("data-date");
    c.event = attr("data-event");
    c.state = attr("data-state");
    c.use_hash = attr("data-hash").as_deref() != Some("off");
    c.hash_prefix = attr("data-instance");
    c
}

/// Mounts an app into every host element on the page that has none yet.
pub fn mount_all() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all(HOST_SELECTOR) else { return };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        if el.get_attribute("data-mounted").is_some() {
            continue;
        }
        let _ = el.set_attribute("data-mounted", "");
        mount_one(el);
    }
}

/// Mounts one instance into `host`.
pub fn mount_one(host: web_sys::HtmlElement) {
    let config = config_from(&host);
    host.set_inner_html("");
    let _ = host.class_list().add_1("ap-root");
    leptos::mount::mount_to(host, move || view! { <App config=config/> }).forget();
}

/// Installs a panic hook that logs the panic and puts a message into every instance.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(list) = doc.query_selector_all(HOST_SELECTOR) else { return };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let lang = el
                    .get_attribute("lang")
                    .or_else(|| el.get_attribute("data-lang"))
                    .and_then(|l| Lang::parse(&l))
                    .unwrap_or_default();
                // Built with DOM calls, not markup, so nothing is parsed as HTML.
                let Ok(div) = doc.create_element("div") else { continue };
                let _ = div.set_attribute("role", "alert");
                let _ = div.set_attribute("class", "ap-error");
                let _ = div.set_attribute("data-testid", "crash");
                div.set_text_content(Some(t(Key::Crashed, lang)));
                el.set_text_content(None);
                let _ = el.append_child(&div);
            }
        }
    }));
}

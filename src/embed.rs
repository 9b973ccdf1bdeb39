//! Mounting: one app instance per host element, configured by the element's attributes, and a
//! panic hook that replaces a dead app with a message instead of leaving a blank box.

use crate::app::App;
use crate::config::Config;
use crate::view_state::View;
use crate::i18n::{t, Key, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Selector of host elements.
pub const HOST_SELECTOR: &str = "[data-almaty-process]";

/// Reads an instance's configuration from its host element's `data-*` attributes:
/// `data-src`, `data-lang`, `data-view`, `data-date`, `data-event`, `data-state`,
/// `data-hash` (`off` to leave the URL alone), `data-instance` (hash key prefix) and
/// `data-toolbar` (`off` hides the download/cite/print toolbar).
pub fn config_from(el: &web_sys::Element) -> Config {
    let attr = |name: &str| el.get_attribute(name).filter(|v| !v.trim().is_empty());
    let mut c = Config::default();
    if let Some(src) = attr("data-src") {
        c.src = src;
    }
    if let Some(l) = attr("data-lang").and_then(|l| Lang::parse(&l)) {
        c.lang = l;
    }
    if let Some(v) = attr("data-view").as_deref().and_then(View::parse) {
        c.view = v;
    }
    c.date = attr("data-date");
    c.event = attr("data-event");
    c.state = attr("data-state");
    c.use_hash = attr("data-hash").as_deref() != Some("off");
    c.hash_prefix = attr("data-instance");
    c.toolbar = attr("data-toolbar").as_deref() != Some("off");
    c
}

/// Where the app's own files (styles.css) are: set by `boot.js` from its own URL, so embeds
/// find them wherever the built folder is copied.
fn assets_base() -> String {
    js_sys::Reflect::get(&js_sys::global(), &"__almatyProcessAssets".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "./".into())
}

/// Mounts an app into every host element on the page that has none yet.
pub fn mount_all() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all(HOST_SELECTOR) else { return };
    let several = list.length() > 1;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        if el.get_attribute("data-mounted").is_some() {
            continue;
        }
        let _ = el.set_attribute("data-mounted", "");
        let mut config = config_from(&el);
        // Several instances on one page never share hash keys: an unnamed one is named after
        // its element id, else its position.
        if several && config.hash_prefix.is_none() {
            let id = el.id();
            config.hash_prefix = Some(if id.is_empty() { format!("i{}", i + 1) } else { id });
        }
        mount_one(el, config);
    }
}

/// Mounts one instance into `host`: inside a shadow root (styles isolated both ways) unless
/// the host says `data-shadow="off"`.
pub fn mount_one(host: web_sys::HtmlElement, config: Config) {
    let Some(doc) = host.owner_document() else { return };
    let shadow = host.get_attribute("data-shadow").as_deref() != Some("off");
    let target: web_sys::HtmlElement = if shadow {
        let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
        let root = match host.shadow_root() {
            Some(r) => r,
            None => match host.attach_shadow(&init) {
                Ok(r) => r,
                Err(_) => return mount_light(host, config),
            },
        };
        root.set_inner_html("");
        if let Ok(link) = doc.create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &format!("{}styles.css", assets_base()));
            let _ = root.append_child(&link);
        }
        let Ok(div) = doc.create_element("div") else { return };
        let _ = div.set_attribute("class", "ap-root ap-root--inner");
        let _ = root.append_child(&div);
        match div.dyn_into() {
            Ok(d) => d,
            Err(_) => return,
        }
    } else {
        return mount_light(host, config);
    };
    leptos::mount::mount_to(target, move || view! { <App config=config/> }).forget();
}

fn mount_light(host: web_sys::HtmlElement, config: Config) {
    host.set_inner_html("");
    let _ = host.class_list().add_1("ap-root");
    leptos::mount::mount_to(host, move || view! { <App config=config/> }).forget();
}

/// Installs a panic hook that logs the panic and puts a message into every instance.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // Logged with the browser's console (the panic message and where it happened).
        web_sys::console::error_1(&info.to_string().into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(list) = doc.query_selector_all(HOST_SELECTOR) else { return };
        for i in 0..list.length() {
            if let Some(host) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                // Write into the shadow root's app container when there is one.
                let el = host
                    .shadow_root()
                    .and_then(|r| r.query_selector(".ap-root").ok().flatten())
                    .unwrap_or(host);
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

//! Mounting: one app instance per host element, configured by the element's attributes, and a
//! panic hook. A panic is a bug; when one happens anyway, this copy of the app is dead (its
//! memory may be half-updated), so the hook hands every instance's last shown view to
//! `boot.js`, which starts a fresh copy of the app that remounts them there, once per page. A
//! second panic, or a page without `boot.js`, gets a message instead of a blank box.

use crate::app::App;
use crate::config::Config;
use crate::hash::View;
use crate::i18n::{t, Key, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use crate::lifecycle::alive;
use crate::lifecycle::mark_dead;

/// Host attribute that carries the view to reopen into the fresh copy.
const RECOVER_ATTR: &str = "data-recover";

/// Selector of host elements.
const HOST_SELECTOR: &str = "[data-almaty-process]";

/// Reads an instance's configuration from its host element's `data-*` attributes:
/// `data-src`, `data-lang`, `data-view`, `data-date`, `data-event`, `data-state`,
/// `data-hash` (`off` to leave the URL alone), `data-instance` (hash key prefix) and
/// `data-toolbar` (`off` hides the download/cite/print toolbar) and `data-height` (the
/// slot's height in pixels: the instance takes it, scrolling inside if it must, and fits the
/// timeline and the map into it).
fn config_from(el: &web_sys::Element) -> Config {
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
    // Whole pixels (parsing an integer keeps float parsing out of the binary).
    c.fit_height = attr("data-height")
        .and_then(|h| h.trim().trim_end_matches("px").parse::<u32>().ok())
        .filter(|h| (200..=10_000).contains(h))
        .map(f64::from);
    c.recover = el.get_attribute(RECOVER_ATTR);
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

/// Makes this copy of the app panic on the window event `almaty-process:panic` (for the
/// tests of the recovery; a page's scripts can break a page in any case).
pub fn panic_on_request() {
    let on = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        if alive() {
            panic!("almaty-process:panic asked for a panic");
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("almaty-process:panic", on.as_ref().unchecked_ref());
    }
    on.forget();
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
        if let Some(h) = config.fit_height {
            // Inline, so the host page's own rules about its elements do not undo it.
            let style = el.style();
            let _ = style.set_property("display", "block");
            let _ = style.set_property("height", &format!("{}px", h.round() as i64));
            let _ = style.set_property("overflow", "auto");
        }
        let _ = el.remove_attribute(RECOVER_ATTR);
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
fn mount_one(host: web_sys::HtmlElement, config: Config) {
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

/// A global function of the page's, if it is one.
fn global_fn(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).ok()?.dyn_into().ok()
}

/// Installs the panic hook: logs the panic; then, the first time on this page and when
/// `boot.js` offers a restart, keeps each instance's last shown view on its host, empties
/// the hosts and asks for a fresh copy of the app; otherwise shows a message in every
/// instance. Either way this copy is dead from then on.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if mark_dead() {
            return; // a dead copy's leftovers: already handled
        }
        // Logged with the browser's console (the panic message and where it happened).
        web_sys::console::error_1(&info.to_string().into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(list) = doc.query_selector_all(HOST_SELECTOR) else { return };
        let hosts: Vec<web_sys::Element> =
            (0..list.length()).filter_map(|i| list.item(i).and_then(|n| n.dyn_into().ok())).collect();
        // Inside the shadow root when there is one.
        let container = |host: &web_sys::Element| {
            host.shadow_root().and_then(|r| r.query_selector(".ap-root").ok().flatten()).unwrap_or_else(|| host.clone())
        };
        if let Some(restart) = global_fn("__almatyProcessRestart") {
            for host in &hosts {
                if host.get_attribute("data-mounted").is_none() {
                    continue;
                }
                let el = container(host);
                if let Some(state) = el
                    .query_selector(".ap-app[data-hash-state]")
                    .ok()
                    .flatten()
                    .and_then(|a| a.get_attribute("data-hash-state"))
                {
                    let _ = host.set_attribute(RECOVER_ATTR, &state);
                }
                let _ = host.remove_attribute("data-mounted");
                // The dead copy's elements go, with every handler on them.
                el.set_text_content(None);
            }
            web_sys::console::warn_1(&"almaty-process: restarting from the last shown view".into());
            let _ = restart.call0(&wasm_bindgen::JsValue::NULL);
            return;
        }
        for host in &hosts {
            let el = container(host);
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
    }));
}

//! Small view helpers shared by the explorer's components.

use crate::i18n::{format_date, Lang};
use crate::model::{Dataset, Text};
use leptos::prelude::*;
pub use leptos::reactive::computed::Selector;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Focuses the item with `data-idx="i"` inside `container` (the roving tab stop of the
/// timeline and the tile grid) and returns it.
pub fn focus_item(container: &web_sys::Element, i: usize) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let el: web_sys::HtmlElement = container.query_selector(&format!("[data-idx=\"{i}\"]")).ok()??.dyn_into().ok()?;
    let _ = el.focus();
    Some(el)
}

/// Today's day number (UTC), for the default as-of date and "retrieved on".
pub fn today() -> crate::date::DayNum {
    (js_sys::Date::now() / 86_400_000.0).floor() as crate::date::DayNum
}

/// The URL hash of the page (with its `#`), or empty.
pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Renders a dataset text in `lang`; when it falls back to another language the span carries
/// that language and a visible marker saying so.
pub fn text_view(ds: &Dataset, text: &Text, lang: Lang) -> AnyView {
    let l = text.get(lang.code(), &ds.languages);
    let content = l.text.to_string();
    if l.fallback {
        let code = l.lang.to_string();
        let note = format!("{} {}", crate::i18n::t(crate::i18n::Key::Fallback, lang), code.to_uppercase());
        view! {
            <span lang=code.clone()>{content}</span>
            " "
            <abbr class="ap-fallback" title=note.clone() aria-label=note data-testid="fallback">
                {code.to_uppercase()}
            </abbr>
        }
        .into_any()
    } else {
        view! { <span>{content}</span> }.into_any()
    }
}

/// A `<time>` element for a dataset date, in words.
pub fn time_view(d: &crate::date::Date, lang: Lang) -> impl IntoView {
    view! { <time datetime=d.to_string()>{format_date(d, lang)}</time> }
}

/// The one way components make a [`Selector`] (a native code rule forbids `Selector::new`
/// elsewhere).
///
/// A selector owns an effect that lives as long as any clone of the selector, not as long as
/// the component that made it: the marks of a list hold clones, so when one update both
/// disposes the component (e.g. a link changes the view) and changes a value the selector
/// reads (e.g. the date), the selector's effect still runs once over values that are gone.
/// Here the source reads with `try_*` and answers `None` once its values are disposed; the
/// selector then keeps the value it had, so it wakes nothing and reads nothing dead.
pub fn selector<T>(source: impl Fn() -> Option<T> + Send + Sync + Clone + 'static) -> Selector<T>
where
    T: PartialEq + Eq + Clone + Hash + Default + Send + Sync + 'static,
{
    let last = Arc::new(Mutex::new(T::default()));
    Selector::new(move || {
        let mut kept = last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = source() {
            *kept = v;
        }
        kept.clone()
    })
}

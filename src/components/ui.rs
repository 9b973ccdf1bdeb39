//! State shared by the explorer's components, and small view helpers.

use crate::date::DayNum;
use crate::hash::View;
use crate::i18n::{format_date, Lang};
use crate::model::{Dataset, Text};
use leptos::prelude::*;
use std::sync::Arc;

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sel {
    #[default]
    None,
    /// An event, by index into the (sorted) events.
    Event(usize),
    /// A state, by index into the states.
    State(usize),
}

/// The explorer's shared state; every field is a cheap copyable handle.
#[derive(Clone, Copy)]
pub struct Ui {
    pub ds: StoredValue<Arc<Dataset>>,
    pub lang: RwSignal<Lang>,
    pub view: RwSignal<View>,
    /// The as-of date.
    pub day: RwSignal<DayNum>,
    pub sel: RwSignal<Sel>,
    /// First and last day of the timeline.
    pub extent: (DayNum, DayNum),
}

impl Ui {
    /// Runs `f` with the dataset.
    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.ds.with_value(|ds| f(ds))
    }

    /// Selects an event and moves the as-of date to its first day.
    pub fn select_event(&self, i: usize) {
        let start = self.with(|ds| ds.events.get(i).map(|e| e.start.first_day()));
        if let Some(d) = start {
            self.sel.set(Sel::Event(i));
            self.day.set(d.clamp(self.extent.0, self.extent.1));
        }
    }

    pub fn select_state(&self, i: usize) {
        self.sel.set(Sel::State(i));
    }
}

/// Focuses the item with `data-idx="i"` inside `container` (the roving tab stop of the
/// timeline and the tile grid) and returns it.
pub fn focus_item(container: &web_sys::Element, i: usize) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let el: web_sys::HtmlElement = container
        .query_selector(&format!("[data-idx=\"{i}\"]"))
        .ok()??
        .dyn_into()
        .ok()?;
    let _ = el.focus();
    Some(el)
}

/// The explorer's shared state from context.
pub fn use_ui() -> Ui {
    expect_context::<Ui>()
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

/// A dataset text as a plain string (for labels and attributes).
pub fn text_str(ds: &Dataset, text: &Text, lang: Lang) -> String {
    text.get(lang.code(), &ds.languages).text.to_string()
}

/// A `<time>` element for a dataset date, in words.
pub fn time_view(d: &crate::date::Date, lang: Lang) -> impl IntoView {
    view! { <time datetime=d.to_string()>{format_date(d, lang)}</time> }
}

/// Short name of a state on a day.
pub fn state_short(ds: &Dataset, code: &str, day: DayNum, lang: Lang) -> String {
    match ds.state(code) {
        Some(s) => text_str(ds, &s.name_on(day).short, lang),
        None => code.to_string(),
    }
}

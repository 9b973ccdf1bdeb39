//! The live preview: the reader's own explorer rendering the last draft without errors.
//! Selecting an event or a state in it opens that record's form.

use super::text::{s, S};
use super::Ed;
use crate::app::{App, Config, Load};
use crate::edit::records::{find, Kind};
use crate::hash;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Preview() -> impl IntoView {
    let ed = Ed::get();
    // The view the preview shows, in the hash's words: kept across re-renders of the draft.
    let shown = StoredValue::new(String::new());
    let host = NodeRef::<leptos::html::Div>::new();
    // Follow the explorer's selection (its `data-hash-state`).
    Effect::new(move |_| {
        let Some(el) = host.get() else { return };
        let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
            for r in records.iter() {
                let Ok(r) = r.dyn_into::<web_sys::MutationRecord>() else { continue };
                let Some(t) = r.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { continue };
                let Some(state) = t.get_attribute("data-hash-state") else { continue };
                let before = hash::parse(&format!("#{}", shown.get_value()), None);
                shown.set_value(state.clone());
                let now = hash::parse(&format!("#{state}"), None);
                let pick = if now.event != before.event {
                    now.event.map(|id| (Kind::Event, id))
                } else if now.state != before.state {
                    now.state.map(|id| (Kind::State, id))
                } else {
                    None
                };
                if let Some((kind, id)) = pick {
                    if let Some(i) = ed.draft.with_untracked(|d| find(d.doc(), kind, &id)) {
                        ed.kind.set(Some(kind));
                        ed.selected.set(Some(i));
                    }
                }
            }
        });
        if let Ok(obs) = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()) {
            let init = web_sys::MutationObserverInit::new();
            init.set_attributes(true);
            init.set_subtree(true);
            init.set_attribute_filter(&js_sys::Array::of1(&"data-hash-state".into()));
            // It lives as long as the preview's element (the page's life).
            let _ = obs.observe_with_options(&el, &init);
        }
        cb.forget();
    });
    let stale = move || ed.checked.with(|c| c.dataset.is_none()) && ed.last_good.with(Option::is_some);
    view! {
        <section class="ed-preview" aria-labelledby="ed-preview-title" data-testid="preview">
            <h2 id="ed-preview-title">{move || s(S::Preview, ed.lang.get())}</h2>
            {move || stale().then(|| view! { <p class="ed-banner" role="status">{s(S::PreviewStale, ed.lang.get())}</p> })}
            <div class="ed-previewhost ap-root" node_ref=host>
                {move || match ed.last_good.get() {
                    Some(ds) => {
                        let config = Config {
                            use_hash: false,
                            lang: ed.lang.get(),
                            recover: Some(shown.get_value()).filter(|s| !s.is_empty()),
                            ..Config::default()
                        };
                        view! { <App config=config initial=Load::Ready(ds)/> }.into_any()
                    }
                    None => view! { <p class="ed-hint">{s(S::PreviewNone, ed.lang.get())}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

//! The live preview: the reader's own explorer rendering the last draft without errors.
//! Selecting an event or a state in it opens that record's form.

use super::text::{s, S};
use super::Ed;
use crate::app::{App, Config, Load};
use crate::edit::records::{self, find, Kind};
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
                let before = hash::parse(&shown.get_value(), None);
                shown.set_value(state.clone());
                let now = hash::parse(&state, None);
                // What the explorer selected anew (an event, or a state; selecting one clears the other).
                let pick = match (now.event, now.state) {
                    (Some(e), _) if Some(&e) != before.event.as_ref() => Some((Kind::Event, e)),
                    (_, Some(st)) if Some(&st) != before.state.as_ref() => Some((Kind::State, st)),
                    _ => None,
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
    // The record open in the forms, when the explorer can show it (an event or a state).
    let wanted = Memo::new(move |_| {
        let (kind, at) = (ed.kind.get()?, ed.selected.get()?);
        if !matches!(kind, Kind::Event | Kind::State) {
            return None;
        }
        let id = ed.draft.with(|d| {
            records::records(d.doc(), kind).get(at).and_then(|r| records::id_of(r, kind)).map(str::to_string)
        })?;
        Some((kind, id))
    });
    // The view to open: the one shown last, with the record open in the forms selected.
    let opening = move |want: Option<(Kind, String)>| {
        let mut h = hash::parse(&shown.get_value(), None);
        match want {
            Some((Kind::Event, id)) => {
                h.event = Some(id);
                h.state = None;
            }
            Some((_, id)) => {
                h.state = Some(id);
                h.event = None;
            }
            None => {}
        }
        Some(hash::print(&h, None, "")).filter(|s| !s.is_empty())
    };
    // Re-open the explorer only when the forms' record is not the one it shows already (a
    // selection made in the explorer itself keeps its focus).
    let remount = RwSignal::new(0u32);
    Effect::new(move |_| {
        let want = wanted.get();
        let h = hash::parse(&shown.get_value(), None);
        let showing = match &want {
            Some((Kind::Event, id)) => h.event.as_ref() == Some(id),
            Some((_, id)) => h.state.as_ref() == Some(id),
            None => true,
        };
        if !showing {
            remount.update(|n| *n += 1);
        }
    });
    let stale = move || ed.checked.with(|c| c.dataset.is_none()) && ed.last_good.with(Option::is_some);
    view! {
        // A plain block, not a labelled section: a region landmark around the reader would put
        // its detail <aside> inside another landmark.
        <div class="ed-preview" data-testid="preview">
            <h2 id="ed-preview-title">{move || s(S::Preview, ed.lang.get())}</h2>
            {move || stale().then(|| view! { <p class="ed-banner" role="status">{s(S::PreviewStale, ed.lang.get())}</p> })}
            <div class="ed-previewhost ap-root" node_ref=host>
                {move || match (remount.track(), ed.last_good.get()).1 {
                    Some(ds) => {
                        let config = Config {
                            use_hash: false,
                            // The editor has its own download; the reader's would offer the last good version.
                            toolbar: false,
                            lang: ed.lang.get(),
                            recover: opening(wanted.get_untracked()),
                            ..Config::default()
                        };
                        view! { <App config=config initial=Load::Ready(ds)/> }.into_any()
                    }
                    None => view! { <p class="ed-hint">{s(S::PreviewNone, ed.lang.get())}</p> }.into_any(),
                }}
            </div>
        </div>
    }
}

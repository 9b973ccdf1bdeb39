//! How an instance fits its space: its slot's `data-height` if it has one, else the window.
//! The space decides the compact layout and the timeline's label lanes (`scale::fit_for`); once
//! laid out, the lanes give way to whatever wrapped (a long title, a language's longer words,
//! an open find bar), measured from the instance's top to the map's bottom
//! (`scale::lanes_to_fit`).

use crate::scale::{fit_for, lanes_to_fit, Fit, MAX_LANES};
use leptos::prelude::*;

/// The fit, and the lanes the timeline gets.
#[derive(Clone, Copy)]
pub struct Fitting {
    pub fit: Memo<Fit>,
    pub lanes: Signal<Option<usize>>,
}

/// Follows the space of the instance whose root is `app_ref`; `wraps` tracks whatever changes
/// what wraps above the map (the language, the find bar, the view), and the lanes are fitted
/// again after each change.
pub fn fitting(slot_h: Option<f64>, app_ref: NodeRef<leptos::html::Div>, wraps: impl Fn() + 'static) -> Fitting {
    let window_size = || {
        web_sys::window()
            .map(|w| {
                let n = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                (n(w.inner_width()), n(w.inner_height()))
            })
            .unwrap_or((0.0, 0.0))
    };
    let size = RwSignal::new(window_size());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        if crate::lifecycle::alive() {
            size.set(window_size());
        }
    });
    on_cleanup(move || on_resize.remove());
    let fit = Memo::new(move |_| {
        let (w, h) = size.get();
        fit_for(w, slot_h.unwrap_or(h))
    });
    // Once laid out, the lanes give way to whatever wrapped (a long title, a language's longer
    // words, an open find bar): measured from the instance's top to the map's bottom.
    let lane_cap = RwSignal::new(MAX_LANES);
    let lanes = Signal::derive(move || Some(fit.get().lanes.min(lane_cap.get())));
    let refit = move |tries: u32| {
        fn measure(app: &web_sys::HtmlElement, avail: f64, fit: Fit, cap: usize) -> Option<Option<usize>> {
            let win = web_sys::window()?;
            // Not styled yet (an instance's stylesheet arrives after it mounts): try again.
            let styled = win
                .get_computed_style(app)
                .ok()
                .flatten()
                .and_then(|st| st.get_property_value("--ap-styled").ok())
                .is_some_and(|v| !v.trim().is_empty());
            if !styled {
                return Some(None);
            }
            let grid = app.query_selector(".ap-grid").ok().flatten()?;
            let need = grid.get_bounding_client_rect().bottom() - app.get_bounding_client_rect().top() + 8.0;
            let current = fit.lanes.min(cap);
            Some(Some(lanes_to_fit(current, need, avail, fit.lanes)))
        }
        fn run(app_ref: NodeRef<leptos::html::Div>, fit: Memo<Fit>, lane_cap: RwSignal<usize>, avail: f64, tries: u32) {
            if !crate::lifecycle::alive() {
                return;
            }
            let (Some(app), Some(f), Some(cap)) =
                (app_ref.try_get_untracked().flatten(), fit.try_get_untracked(), lane_cap.try_get_untracked())
            else {
                return;
            };
            if !f.compact {
                if cap != MAX_LANES {
                    lane_cap.set(MAX_LANES);
                }
                return;
            }
            match measure(&app, avail, f, cap) {
                Some(Some(n)) if n != f.lanes.min(cap) => lane_cap.set(n),
                Some(None) if tries < 300 => {
                    request_animation_frame(move || run(app_ref, fit, lane_cap, avail, tries + 1))
                }
                _ => {}
            }
        }
        let avail = slot_h.unwrap_or_else(|| size.get_untracked().1);
        request_animation_frame(move || run(app_ref, fit, lane_cap, avail, tries));
    };
    Effect::new(move |_| {
        fit.track();
        wraps();
        refit(0);
    });
    Fitting { fit, lanes }
}

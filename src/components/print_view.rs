//! The printout: an empty box on screen; on `beforeprint` it is filled with the chronology
//! (see [`crate::export::print`]), the source notes, the states as of the date and the view's
//! link, and on `afterprint` emptied again. So nothing here is built, or rebuilt on a date
//! move, until someone prints. While it is filled, the app carries `ap-app--printing` and the
//! print stylesheet shows only this box.
//!
//! The HTML comes from [`crate::export::print::html`], which escapes every text.

use super::toolbar::Links;
use crate::date::DayNum;
use crate::export::print::{chronology, html};
use crate::i18n::Lang;
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

/// The class that makes the print stylesheet show only the printout.
const PRINTING: &str = "ap-app--printing";

/// The box the printout goes into, and the listeners that fill and empty it.
#[component]
pub fn PrintView(
    dataset: Arc<Dataset>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional)] links: Links,
) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    let ds = StoredValue::new(dataset);
    let links = StoredValue::new(links);
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if !crate::lifecycle::alive() {
            return;
        }
        let Some(el) = holder.get_untracked() else { return };
        let (l, d) = (lang.get_untracked(), day.get_untracked());
        let c = ds.with_value(|ds| chronology(ds, l, d));
        el.set_inner_html(&html(&c, &links.with_value(|k| k.view()), l));
        if let Some(app) = el.parent_element() {
            let _ = app.class_list().add_1(PRINTING);
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| {
        if !crate::lifecycle::alive() {
            return;
        }
        if let Some(el) = holder.get_untracked() {
            el.set_text_content(None);
            if let Some(app) = el.parent_element() {
                let _ = app.class_list().remove_1(PRINTING);
            }
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div class="ap-print" data-testid="print" node_ref=holder></div> }
}

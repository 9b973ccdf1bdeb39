//! The timeline: a proportional axis, chair terms as bands, events as marks whose shape and
//! colour encode the meeting level. Only marks in or near the visible stretch are in the DOM,
//! dense runs fold into counted clusters (`window.rs`), labels are placed for what is on
//! screen, whole or not at all. Zoom: buttons, `+`/`-`/`0`, Ctrl/⌘+wheel, pinch; the shown
//! stretch is part of the view state (and the URL). Keyboard: Tab reaches the marks (one tab
//! stop), Left/Right/Home/End move through every event in order, Enter or Space selects.
//! On a phone the timeline is a vertical list of full entries, drawn a page of
//! [`PHONE_PAGE`] events at a time (the page that holds the tab stop), with buttons for the
//! earlier and later pages; the arrow keys cross pages on their own.

//!
//! The parts: `viewport` (the geometry, scrolling, zoom and pinch), `keys` (the tab stop and
//! the arrow keys), `marks` (what is drawn, label lanes, the marks, clusters and the phone's
//! pages), `bands` (year ticks and chair terms), `legend` (the level key). They share the
//! timeline's inputs ([`Props`]) and each other's signals through small `Copy` structs.

mod bands;
mod keys;
mod legend;
mod marks;
mod viewport;

pub use legend::Legend;

use super::ui::selector;
use crate::date::DayNum;
use crate::find::{Filter, Matches};
use crate::i18n::{t, Key, Lang};
use crate::model::Dataset;
use crate::scale::{LANE_PX, MAX_LANES};
use crate::view_state::{Action, Selection};
use crate::window::Item;
use leptos::prelude::*;
use std::sync::Arc;

/// Pixels per year on the axis at the default zoom.
pub const PX_PER_YEAR: f64 = 132.0;
/// Marks closer than this (in pixels, from a run's first) fold into a cluster...
const CLUSTER_GAP: f64 = 24.0;
/// ... when there are at least this many.
const CLUSTER_MIN: usize = 3;
/// Left and right margin of the canvas inside the scroll area (see styles.css).
const MARGIN: f64 = 16.0;
/// Events per page of the phone's vertical list.
pub const PHONE_PAGE: usize = 50;

/// A CSS pixel length, rounded to whole pixels (keeps float formatting out of the binary).
fn px(x: f64) -> String {
    format!("{}px", x.round() as i64)
}

/// The timeline's inputs, shared by its parts.
#[derive(Clone, Copy)]
struct Props {
    ds: StoredValue<Arc<Dataset>>,
    n_events: usize,
    extent: (DayNum, DayNum),
    selection: Signal<Selection>,
    day: Signal<DayNum>,
    lang: Signal<Lang>,
    span: Signal<Option<(DayNum, DayNum)>>,
    on_action: Callback<Action>,
    shown: Signal<Option<Arc<Vec<usize>>>>,
    matches: Signal<Option<Arc<Matches>>>,
    filter: Signal<Filter>,
    /// Label lanes (at most [`MAX_LANES`]).
    lanes: Signal<Option<usize>>,
}

impl Props {
    fn lane_cap(self) -> usize {
        self.lanes.get().unwrap_or(MAX_LANES).clamp(1, MAX_LANES)
    }
}
/// The interactive timeline.
#[component]
pub fn Timeline(
    dataset: Arc<Dataset>,
    /// First and last day of the timeline.
    extent: (DayNum, DayNum),
    #[prop(into)] selection: Signal<Selection>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    /// The stretch shown (`None`: the default zoom, following the as-of date).
    #[prop(into, optional)]
    span: Signal<Option<(DayNum, DayNum)>>,
    on_action: Callback<Action>,
    /// The events shown, ascending (`None`: all); hidden events are not drawn.
    #[prop(into, optional)]
    shown: Signal<Option<Arc<Vec<usize>>>>,
    /// A search's result: matching marks (and clusters holding one) are marked.
    #[prop(into, optional)]
    matches: Signal<Option<Arc<Matches>>>,
    /// The filter (for the legend's toggles and the attending state's role).
    #[prop(into, optional)]
    filter: Signal<Filter>,
    /// Label lanes under the axis (`None`: [`MAX_LANES`]); labels left without one show on
    /// hover and focus.
    #[prop(into, optional)]
    lanes: Signal<Option<usize>>,
) -> impl IntoView {
    let starts: Vec<DayNum> = dataset.events.iter().map(|e| e.start.first_day()).collect();
    let p = Props {
        n_events: dataset.events.len(),
        ds: StoredValue::new(dataset),
        extent,
        selection,
        day,
        lang,
        span,
        on_action,
        shown,
        matches,
        filter,
        lanes,
    };
    let vp = viewport::Viewport::new(p, starts);
    let k = keys::Keys::new(p);
    let m = marks::Marks::new(p, vp, k);
    // Selectors: a change of selection or tab stop wakes only the marks it concerns, not all
    // of them (which made selection quadratic in the number of events).
    // (Made by `ui::selector`: they may outlive this component by one update.)
    let sel = marks::Selectors {
        event: selector(move || selection.try_get().map(|s| s.event())),
        state: selector(move || selection.try_get().map(|s| s.state())),
        tab_stop: selector(move || k.focus_idx.try_get()),
        state_mode: Memo::new(move |_| selection.get().state().is_some()),
    };
    let cursor_x = move || vp.scale.get().x(day.get());
    let zoom_button = move |testid: &'static str, glyph: &'static str, key: Key, act: fn() -> Option<(i64, i64)>| {
        view! {
            <button type="button" class="ap-button ap-button--small" data-testid=testid
                on:click=move |_| match act() { Some((n, d)) => vp.zoom(p, n, d, None), None => on_action.run(Action::FitAll) }>
                <span aria-hidden="true">{glyph}" "</span>{move || t(key, lang.get())}
            </button>
        }
    };

    view! {
        <section class="ap-tl" aria-label=move || t(Key::Timeline, lang.get()) on:keydown=move |ev| vp.on_zoom_key(p, ev)>
            <div class="ap-tl__scroll" node_ref=vp.scroll_ref data-scroll-area
                on:scroll=move |_| vp.on_scroll(p) on:wheel=move |ev| vp.on_wheel(p, ev)
                on:touchstart=move |ev| vp.on_touch_start(ev) on:touchmove=move |ev| vp.on_touch_move(p, ev)>
                <div class="ap-tl__canvas" style:width=move || px(vp.scale.get().width().ceil())
                    style:height=move || px(96.0 + p.lane_cap() as f64 * LANE_PX + 12.0)>
                    <div class="ap-tl__ticks" aria-hidden="true">{bands::ticks(vp)}</div>
                    <div class="ap-tl__bands" role="group" aria-label=move || t(Key::ChairTermsBand, lang.get())>
                        {bands::bands(p, vp)}
                    </div>
                    <div class="ap-tl__axis" aria-hidden="true"></div>
                    <div class="ap-tl__cursor" aria-hidden="true" style:transform=move || format!("translateX({})", px(cursor_x()))></div>
                    {marks::more(p, vp, k, m, false)}
                    <div class="ap-tl__marks" node_ref=k.marks_ref role="group"
                        aria-label=move || t(Key::Events, lang.get())
                        on:keydown=move |ev| k.on_key(p, ev)>
                        <For each=move || m.items.get() key=|it| *it let:it>
                            {match it {
                                Item::Mark(i) => marks::mark(p, vp, m, &sel, i),
                                Item::Cluster { first, last } => marks::cluster(p, vp, first, last),
                            }}
                        </For>
                    </div>
                    {marks::more(p, vp, k, m, true)}
                </div>
            </div>
            // The zoom buttons and the key share one row under the timeline.
            <div class="ap-tl__foot">
                <div class="ap-tl__zoom" role="group" aria-label=move || t(Key::Zoom, lang.get())>
                    {zoom_button("zoom-in", "+", Key::ZoomIn, || Some((1, 2)))}
                    {zoom_button("zoom-out", "−", Key::ZoomOut, || Some((2, 1)))}
                    {zoom_button("zoom-fit", "↔", Key::FitAll, || None)}
                </div>
                <Legend dataset=p.ds.get_value() lang=lang filter=filter on_action=on_action/>
            </div>
        </section>
    }
}

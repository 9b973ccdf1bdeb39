//! The timeline: a proportional axis, chair terms as bands, events as marks whose shape and
//! colour encode the meeting level. Only marks in or near the visible stretch are in the DOM,
//! dense runs fold into counted clusters (`window.rs`), labels are placed for what is on
//! screen, whole or not at all. Zoom: buttons, `+`/`-`/`0`, Ctrl/⌘+wheel, pinch; the shown
//! stretch is part of the view state (and the URL). Keyboard: Tab reaches the marks (one tab
//! stop), Left/Right/Home/End move through every event in order, Enter or Space selects.
//! On a phone the timeline is a vertical list of full entries, drawn a page of
//! [`PHONE_PAGE`] events at a time (the page that holds the tab stop), with buttons for the
//! earlier and later pages; the arrow keys cross pages on their own.

use super::ui::{focus_item, selector};
use crate::date::{DayNum, Precision};
use crate::export::{state_name, txt};
use crate::find::{level_bit, Filter, Matches};
use crate::i18n::{event_count, format_range, level_glyph, level_name, t, Key, Lang};
use crate::model::{Dataset, EventIx, Level, SubjectKind};
use crate::scale::{assign_lanes, label_width, text_width, Scale, LANE_PX, MAX_LANES};
use crate::view_state::{roving_stop, Action, Ctx, Selection, MIN_SPAN_DAYS};
use crate::window::{key_step, page_around, window, Item};
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
    let lane_cap = move || lanes.get().unwrap_or(MAX_LANES).clamp(1, MAX_LANES);
    let n_events = dataset.events.len();
    let starts: Vec<DayNum> = dataset.events.iter().map(|e| e.start.first_day()).collect();
    let ds = StoredValue::new(dataset);
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let marks_ref = NodeRef::<leptos::html::Div>::new();

    // Geometry: the visible width, the scroll position, and the phone layout (a vertical list
    // of every mark, no windowing).
    let view_w = RwSignal::new(0.0f64);
    let scroll_x = RwSignal::new(0.0f64);
    let phone = RwSignal::new(false);
    let width = move || {
        let w = view_w.get();
        if w > 0.0 {
            w
        } else {
            1200.0
        }
    };
    let scale = Memo::new(move |_| {
        let px_per_day = match span.get() {
            Some((a, b)) => width() / ((b - a + 1).max(1) as f64),
            None => PX_PER_YEAR / 365.25,
        };
        Scale { start: extent.0, end: extent.1, px_per_day }
    });
    let xs = Memo::new(move |_| {
        let s = scale.get();
        starts.iter().map(|&d| s.x(d)).collect::<Vec<f64>>()
    });
    // Positions of the shown events only (once per filter or zoom change).
    let xs_shown = Memo::new(move |_| {
        shown.with(|sh| sh.as_ref().map(|v| xs.with(|xs| v.iter().map(|&i| xs[i]).collect::<Vec<f64>>())))
    });
    // The stretch on screen now, in days.
    let visible = move || {
        let s = scale.get_untracked();
        let x = scroll_x.get_untracked();
        (s.day_at(x), s.day_at(x + width()))
    };
    let measure = move || {
        if let Some(el) = scroll_ref.get_untracked() {
            view_w.set((el.client_width() as f64 - 2.0 * MARGIN).max(0.0));
            scroll_x.set(el.scroll_left() as f64);
        }
        if let Some(w) = web_sys::window() {
            phone.set(w.match_media("(max-width: 640px)").ok().flatten().is_some_and(|m| m.matches()));
        }
    };
    Effect::new(move |_| {
        if scroll_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if crate::lifecycle::alive() {
            measure()
        }
    });
    on_cleanup(move || resize.remove());

    // Scrolling: the span sets the scroll position; a user's scroll reports the new span
    // (after it settles). `expected` tells our own scrolls from the user's.
    let expected = StoredValue::new(f64::NAN);
    // The scroll position is known from `scroll_x` (kept by the scroll handler), not read back
    // from the element: reading it right after a render forces a layout (measured: 10 ms of a
    // 48 ms selection at 5,000 events).
    let scroll_to = move |x: f64| {
        if let Some(el) = scroll_ref.get_untracked() {
            let max = (scale.get_untracked().width().ceil() - view_w.get_untracked()).max(0.0);
            let x = x.clamp(0.0, max).round();
            if (scroll_x.get_untracked() - x).abs() > 1.0 {
                expected.set_value(x);
                el.set_scroll_left(x as i32);
                scroll_x.set(x);
            }
        }
    };
    Effect::new(move |_| {
        let s = scale.get();
        view_w.track();
        match span.get() {
            Some((a, _)) => scroll_to(s.x(a)),
            None => {
                // Default zoom: keep the as-of cursor in view.
                let x = s.x(day.get());
                let (left, w) = (scroll_x.get_untracked(), width());
                if x < left + 40.0 || x > left + w - 40.0 {
                    scroll_to(x - w / 2.0);
                }
            }
        }
    });
    let settle_timer = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    // Once the timeline is gone (e.g. for the text view), timers and frames it asked for do
    // nothing: its signals are disposed by then.
    let alive = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let is_alive = {
        let alive = alive.clone();
        move || alive.load(std::sync::atomic::Ordering::Relaxed)
    };
    on_cleanup(move || alive.store(false, std::sync::atomic::Ordering::Relaxed));
    let on_scroll = move |_| {
        let Some(el) = scroll_ref.get_untracked() else { return };
        let x = el.scroll_left() as f64;
        scroll_x.set(x);
        if (x - expected.get_value()).abs() <= 1.0 {
            return;
        }
        expected.set_value(f64::NAN);
        if let Some(h) = settle_timer.get_value() {
            h.clear();
        }
        let is_alive = is_alive.clone();
        let h = set_timeout_with_handle(
            move || {
                if is_alive() {
                    let (a, b) = visible();
                    on_action.run(Action::ShowSpan(a, b));
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        settle_timer.set_value(h);
    };

    // Zoom.
    let zoom = move |num: i64, den: i64, anchor: Option<DayNum>| {
        let vis = visible();
        let anchor = anchor.unwrap_or((vis.0 + vis.1) / 2);
        let to = ds.with_value(|ds| Ctx { ds, extent }.zoomed(vis, num, den, anchor));
        on_action.run(Action::ShowSpan(to.0, to.1));
    };
    let on_zoom_key = move |ev: leptos::ev::KeyboardEvent| {
        match ev.key().as_str() {
            "+" | "=" => zoom(1, 2, None),
            "-" | "_" => zoom(2, 1, None),
            "0" => on_action.run(Action::FitAll),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.delta_y() == 0.0 || phone.get_untracked() {
            return;
        }
        ev.prevent_default();
        let anchor = scroll_ref.get_untracked().map(|el| {
            let left = el.get_bounding_client_rect().left();
            scale.get_untracked().day_at(scroll_x.get_untracked() + ev.client_x() as f64 - left - MARGIN)
        });
        if ev.delta_y() < 0.0 {
            zoom(4, 5, anchor)
        } else {
            zoom(5, 4, anchor)
        }
    };
    // Pinch: the distance between two touches, compared as they move. Not on a phone, where the
    // timeline is a vertical list without zoom: there the pinch is the browser's, to zoom the page.
    let pinch = StoredValue::new(None::<f64>);
    let touch_distance = |ev: &leptos::ev::TouchEvent| {
        let t = ev.touches();
        match (t.get(0), t.get(1)) {
            (Some(a), Some(b)) if t.length() == 2 => {
                let (dx, dy) = ((a.client_x() - b.client_x()) as f64, (a.client_y() - b.client_y()) as f64);
                Some((dx * dx + dy * dy).sqrt())
            }
            _ => None,
        }
    };
    let on_touch_start = move |ev: leptos::ev::TouchEvent| {
        pinch.set_value(if phone.get_untracked() { None } else { touch_distance(&ev) })
    };
    let on_touch_move = move |ev: leptos::ev::TouchEvent| {
        let (Some(d0), Some(d1)) = (pinch.get_value(), touch_distance(&ev)) else { return };
        ev.prevent_default();
        if d1 > 0.0 && ((d1 / d0) - 1.0).abs() > 0.2 {
            zoom((d0 * 100.0 / d1) as i64, 100, None);
            pinch.set_value(Some(d1));
        }
    };

    // The single tab stop: where the arrow keys last moved (until the selection changes),
    // else the selected mark, else the event at the as-of date (the last one that starts on or
    // before it; the first if none does), so Tab lands where the view is and the phone's list
    // opens on that page.
    let selected_ix = Memo::new(move |_| selection.get().event().map(|i| i.0));
    let moved = RwSignal::new(None::<(usize, Option<usize>)>);
    let at_day = Memo::new(move |_| {
        let d = day.get();
        ds.with_value(|ds| ds.events.partition_point(|e| e.start.first_day() <= d)).saturating_sub(1)
    });
    // Always a shown event: a hidden one's nearest shown successor (or the last).
    let focus_idx = Memo::new(move |_| {
        let i = roving_stop(selected_ix.get(), moved.get(), at_day.get());
        shown.with(|sh| match sh {
            Some(v) if !v.is_empty() => v[v.partition_point(|&j| j < i).min(v.len() - 1)],
            _ => i,
        })
    });
    let focus_mark = move |i: usize| {
        moved.set(Some((i, selected_ix.get_untracked())));
        // A mark on screen is focused at once; one that is not drawn yet is, once it is the
        // tab stop, in the next frame.
        if let Some(b) = marks_ref.get_untracked().and_then(|el| focus_item(&el, i)) {
            b.scroll_into_view_with_bool(false);
            return;
        }
        request_animation_frame(move || {
            if let Some(b) = marks_ref.try_get_untracked().flatten().and_then(|el| focus_item(&el, i)) {
                b.scroll_into_view_with_bool(false);
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if n_events == 0 {
            return;
        }
        let cur = focus_idx.get_untracked().min(n_events - 1);
        let next = shown.with_untracked(|sh| key_step(&ev.key(), cur, sh.as_deref().map(|v| v.as_slice()), n_events));
        if let Some(i) = next {
            ev.prevent_default();
            focus_mark(i);
        }
    };

    // The phone's page, as positions in the shown events (all events when nothing is
    // filtered): the page that holds the tab stop.
    let phone_page = Memo::new(move |_| {
        let f = focus_idx.get();
        shown.with(|sh| match sh {
            Some(v) => page_around(v.len(), v.partition_point(|&j| j < f), PHONE_PAGE),
            None => page_around(n_events, f, PHONE_PAGE),
        })
    });
    let shown_len = move || shown.with(|sh| sh.as_ref().map_or(n_events, |v| v.len()));
    // The event at a position among the shown ones.
    let shown_at = move |pos: usize| shown.with_untracked(|sh| sh.as_ref().map_or(pos, |v| v[pos]));
    // "Show earlier" / "Show later" on the phone: the tab stop moves to the nearest event of
    // the neighbouring page (which brings that page) and takes the focus.
    let page_button = move |later: bool| {
        let left = move || {
            let (a, b) = phone_page.get();
            if later {
                shown_len() - b
            } else {
                a
            }
        };
        view! {
            <button type="button" class="ap-button ap-tl__more"
                data-testid=if later { "show-later" } else { "show-earlier" }
                on:click=move |_| {
                    let (a, b) = phone_page.get_untracked();
                    if later && b < shown_len() {
                        focus_mark(shown_at(b));
                    } else if !later && a > 0 {
                        focus_mark(shown_at(a - 1));
                    }
                }>
                {move || {
                    let l = lang.get();
                    format!("{}: {}", t(if later { Key::ShowLater } else { Key::ShowEarlier }, l), event_count(left(), l))
                }}
            </button>
        }
    };
    let more = move |later: bool| {
        move || {
            let (a, b) = phone_page.get();
            let any = if later { b < shown_len() } else { a > 0 };
            (phone.get() && any).then(|| page_button(later))
        }
    };

    // What is drawn: the marks within a screen either side of the visible one (recomputed when
    // the scroll crosses a quarter screen), clusters for dense runs, and always the selected
    // mark and the tab stop.
    let window_at = Memo::new(move |_| {
        let q = width() / 4.0;
        (scroll_x.get() / q).floor() * q
    });
    let items = Memo::new(move |_| {
        let keep: Vec<usize> = selected_ix.get().into_iter().chain(Some(focus_idx.get())).collect();
        let list = shown.get();
        if phone.get() {
            let (a, b) = phone_page.get();
            return match list {
                Some(v) => v[a..b].iter().map(|&i| Item::Mark(i)).collect::<Vec<_>>(),
                None => (a..b).map(Item::Mark).collect::<Vec<_>>(),
            };
        }
        let w = width();
        let lo = window_at.get() - w;
        let min_run = match span.get() {
            Some((a, b)) if b - a < MIN_SPAN_DAYS => usize::MAX,
            _ => CLUSTER_MIN,
        };
        match list {
            None => xs.with(|xs| window(xs, lo, lo + 3.0 * w, CLUSTER_GAP, min_run, &keep)),
            // Windowed over the shown events' positions, then back to event indexes.
            Some(v) => {
                let keep: Vec<usize> = keep.iter().filter_map(|k| v.binary_search(k).ok()).collect();
                xs_shown.with(|xs| {
                    let xs = xs.as_deref().unwrap_or(&[]);
                    window(xs, lo, lo + 3.0 * w, CLUSTER_GAP, min_run, &keep)
                        .into_iter()
                        .map(|it| match it {
                            Item::Mark(p) => Item::Mark(v[p]),
                            Item::Cluster { first, last } => Item::Cluster { first: v[first], last: v[last] },
                        })
                        .collect()
                })
            }
        }
    });
    // Label lanes for the marks on screen: a label is drawn whole or not at all.
    let lanes = Memo::new(move |_| {
        let l = lang.get();
        let (left, right) = (scroll_x.get() - MARGIN, scroll_x.get() + width() + MARGIN);
        let marks: Vec<usize> = items
            .with(|items| items.iter().filter_map(|it| if let Item::Mark(i) = it { Some(*i) } else { None }).collect());
        let xs_now = xs.get();
        let placed: Vec<(usize, (f64, f64))> = ds.with_value(|ds| {
            marks
                .iter()
                .filter(|&&i| xs_now[i] >= left && xs_now[i] <= right)
                .map(|&i| {
                    let e = &ds.events[i];
                    let text = format!("{}{}", txt(ds, &e.title, l), if e.uncertain { " ?" } else { "" });
                    (i, (xs_now[i], label_width(&text)))
                })
                // Whole labels only: one that would run past the visible edge waits for a scroll.
                .filter(|(_, (x, w))| x + w <= right)
                .collect()
        });
        let boxes: Vec<(f64, f64)> = placed.iter().map(|(_, b)| *b).collect();
        // The selected event's label is placed first: it is never the one left out.
        let sel = selection.get().event().map(|e| e.0);
        let first = sel.and_then(|e| placed.iter().position(|(i, _)| *i == e));
        let lanes = assign_lanes(&boxes, 6.0, lane_cap(), first);
        // (event index, lane), by event index.
        let mut out: Vec<(usize, usize)> =
            placed.iter().zip(lanes).filter_map(|((i, _), lane)| lane.map(|l| (*i, l))).collect();
        out.sort_unstable();
        out
    });

    let ticks = move || {
        scale
            .get()
            .year_ticks()
            .into_iter()
            .map(|(y, x)| view! { <div class="ap-tl__tick" style:left=px(x)>{y}</div> })
            .collect_view()
    };
    let bands = move || {
        let l = lang.get();
        let scale = scale.get();
        ds.with_value(|ds| {
            ds.chair_terms
                .iter()
                .map(|term| {
                    let x0 = scale.x(term.span.from.first_day());
                    let x1 = match term.span.to {
                        Some(to) => scale.x(to.last_day() + 1),
                        None => scale.x(extent.1 + 1),
                    };
                    let name = state_name(ds, &term.state, term.span.from.first_day(), l).to_string();
                    let disputed = ds.disputes_about(SubjectKind::ChairTerm, &term.id).next().is_some();
                    let fuzzy_from = term.span.from.precision() != Precision::Day;
                    let fuzzy_to = term.span.to.is_none_or(|d| d.precision() != Precision::Day);
                    let range = format_range(&term.span.from, term.span.to.as_ref(), l);
                    let range =
                        if term.span.to.is_none() { format!("{range} – {}", t(Key::Ongoing, l)) } else { range };
                    let label = format!("{}: {name}, {range}", t(Key::Chair, l));
                    let code = term.state.clone();
                    // The band shows the state's name if it fits whole, else its code, else
                    // nothing (border 2 px + padding 8 px); never a cut name.
                    let room = (x1 - x0) - 10.0;
                    let mark = if disputed { " ?" } else { "" };
                    let shown = [format!("{name}{mark}"), format!("{code}{mark}")]
                        .into_iter()
                        .find(|s| text_width(s, 12.0) <= room);
                    view! {
                        <div class="ap-tl__band"
                            class:ap-tl__band--fuzzy-from=fuzzy_from
                            class:ap-tl__band--fuzzy-to=fuzzy_to
                            class:ap-tl__band--disputed=disputed
                            data-state=code
                            style:left=px(x0) style:width=px((x1 - x0).max(2.0))
                            title=label.clone()>
                            <span class="ap-visually-hidden">{label.clone()}</span>
                            <span class="ap-tl__band-text ap-fit" aria-hidden="true">
                                {shown.map(|s| view! { <span>{s}</span> })}
                            </span>
                        </div>
                    }
                })
                .collect_view()
        })
    };

    // Selectors: a change of selection or tab stop wakes only the marks it concerns, not all
    // of them (which made selection quadratic in the number of events).
    // (Made by `ui::selector`: they may outlive this component by one update.)
    let sel_event = selector(move || selection.try_get().map(|s| s.event()));
    let sel_state = selector(move || selection.try_get().map(|s| s.state()));
    let state_mode = Memo::new(move |_| selection.get().state().is_some());
    let tab_stop = selector(move || focus_idx.try_get());
    let mark = move |i: usize| {
        let (sel_event, sel_state, tab_stop) = (sel_event.clone(), sel_state.clone(), tab_stop.clone());
        let (level, uncertain, id, participants, span_days) = ds.with_value(|ds| {
            let e = &ds.events[i];
            let participants: Vec<_> = e.participants.iter().filter_map(|p| ds.state_ix(&p.state)).collect();
            let span_days = e.end.map(|end| (e.start.first_day(), end.last_day() + 1));
            (e.level, e.uncertain, e.id.clone(), participants, span_days)
        });
        let selected = Memo::new(move |_| sel_event.selected(&Some(EventIx(i))));
        let related = Memo::new(move |_| participants.iter().any(|&p| sel_state.selected(&Some(p))));
        let dimmed = move || state_mode.get() && !related.get();
        let x = move || xs.with(|xs| xs[i]);
        let title = move || ds.with_value(|ds| txt(ds, &ds.events[i].title, lang.get()).to_string());
        let date = move || {
            ds.with_value(|ds| {
                let e = &ds.events[i];
                format_range(&e.start, e.end.as_ref(), lang.get())
            })
        };
        let matched = move || matches.with(|m| m.as_ref().map(|m| m.event(i)));
        // The attending state's role here, when the events are filtered by a state.
        let attended = move || {
            let s = filter.with(|f| f.attended)?;
            ds.with_value(|ds| {
                let code = &ds.states.get(s.0)?.code;
                let r = crate::query::role_at(&ds.events[i], code)?;
                let mut t = state_name(ds, code, ds.events[i].start.first_day(), lang.get()).to_string();
                t.push_str(": ");
                t.push_str(crate::i18n::event_role_name(r, lang.get()));
                Some(t)
            })
        };
        // The name begins with the date and the title: the words the mark shows (the title on
        // the axis; date and title in the phone's list), in that order (Label in Name).
        let aria = move || {
            let l = lang.get();
            let unc = if uncertain { format!(" ({})", t(Key::Uncertain, l)) } else { String::new() };
            let mut a = format!("{} {}", date(), title());
            if let Some(r) = attended() {
                a.push_str("; ");
                a.push_str(&r);
            }
            a.push_str(", ");
            a.push_str(level_name(level, l));
            a.push_str(&unc);
            if matched() == Some(true) {
                a.push_str("; ");
                a.push_str(t(Key::Matches, l));
            }
            a
        };
        // The box reserved for the label (the lanes use the same width); it drops the title
        // whole if the font turns out wider than estimated.
        let label_w = move || label_width(&format!("{}{}", title(), if uncertain { " ?" } else { "" }));
        let lane = move || lanes.with(|m| m.binary_search_by_key(&i, |p| p.0).ok().map(|k| m[k].1));
        let extent_w = move || span_days.map(|(a, b)| scale.with(|s| s.x(b) - s.x(a))).unwrap_or(0.0);
        view! {
            <button type="button"
                class=format!("ap-tl__mark ap-lvl--{}", level.as_str())
                class:ap-tl__mark--selected=selected
                class:ap-tl__mark--related=related
                class:ap-tl__mark--dimmed=dimmed
                class:ap-tl__mark--uncertain=uncertain
                class:ap-tl__mark--match=move || matched() == Some(true)
                class:ap-tl__mark--nomatch=move || matched() == Some(false)
                data-match=move || matched().map(|m| m.to_string()).unwrap_or_default()
                data-testid="event-mark"
                data-event-id=id
                data-idx=i.to_string()
                style:left=move || px(x())
                tabindex=move || if tab_stop.selected(&i) { "0" } else { "-1" }
                aria-pressed=move || selected.get().to_string()
                aria-label=aria
                on:click=move |_| on_action.run(Action::SelectEvent(EventIx(i)))>
                {move || (extent_w() > 2.0).then(|| view! {
                    <span class="ap-tl__extent" aria-hidden="true" style:width=px(extent_w())></span>
                })}
                <span class="ap-tl__glyph" aria-hidden="true">{level_glyph(level)}</span>
                <span class="ap-tl__label ap-fit" class:ap-tl__label--hidden=move || lane().is_none() aria-hidden="true"
                    style:top=move || format!("{}px", 30 + 22 * lane().unwrap_or(0)) style:width=move || px(label_w())>
                    <span class="ap-tl__text">{title}{uncertain.then_some(" ?")}</span>
                </span>
                <span class="ap-tl__full" aria-hidden="true">
                    <span class="ap-tl__date">{date}{uncertain.then_some(" ?")}</span>
                    " "{title}
                    {move || attended().map(|r| view! { <span class="ap-tl__role" data-testid="attended-role">" · "{r}</span> })}
                </span>
            </button>
        }
        .into_any()
    };
    let cluster = move |first: usize, last: usize| {
        let (a, b, range) = ds.with_value(|ds| {
            let (e0, e1) = (&ds.events[first], &ds.events[last]);
            (e0.start.first_day(), e1.last().last_day(), (e0.start, e1.last()))
        });
        // Shown events in the run, and whether any matches the search.
        let n = Memo::new(move |_| {
            shown.with(|sh| {
                sh.as_ref()
                    .map_or(last - first + 1, |v| v.partition_point(|&j| j <= last) - v.partition_point(|&j| j < first))
            })
        });
        let has_match = Memo::new(move |_| {
            matches.with(|m| {
                m.as_ref().is_some_and(|m| {
                    shown.with(|sh| {
                        (first..=last).any(|j| m.event(j) && sh.as_ref().is_none_or(|v| v.binary_search(&j).is_ok()))
                    })
                })
            })
        });
        let label = move || {
            let l = lang.get();
            let mut s = format!(
                "{}, {}: {}",
                event_count(n.get(), l),
                format_range(&range.0, Some(&range.1), l),
                t(Key::ZoomToSee, l)
            );
            if has_match.get() {
                s.push_str("; ");
                s.push_str(t(Key::ContainsMatches, l));
            }
            s
        };
        view! {
            <button type="button" class="ap-tl__cluster" data-testid="event-cluster"
                class:ap-tl__cluster--match=move || has_match.get()
                data-count=move || n.get().to_string() tabindex="-1"
                style:left=move || px(xs.with(|xs| xs[first]))
                aria-label=label title=label
                on:click=move |_| on_action.run(Action::ShowSpan(a - 3, b + 3))>
                {move || n.get().to_string()}
            </button>
        }
        .into_any()
    };
    let cursor_x = move || scale.get().x(day.get());
    let zoom_button = move |testid: &'static str, glyph: &'static str, key: Key, act: fn() -> Option<(i64, i64)>| {
        view! {
            <button type="button" class="ap-button ap-button--small" data-testid=testid
                on:click=move |_| match act() { Some((n, d)) => zoom(n, d, None), None => on_action.run(Action::FitAll) }>
                <span aria-hidden="true">{glyph}" "</span>{move || t(key, lang.get())}
            </button>
        }
    };

    view! {
        <section class="ap-tl" aria-label=move || t(Key::Timeline, lang.get()) on:keydown=on_zoom_key>
            <div class="ap-tl__scroll" node_ref=scroll_ref data-scroll-area on:scroll=on_scroll on:wheel=on_wheel
                on:touchstart=on_touch_start on:touchmove=on_touch_move>
                <div class="ap-tl__canvas" style:width=move || px(scale.get().width().ceil())
                    style:height=move || px(96.0 + lane_cap() as f64 * LANE_PX + 12.0)>
                    <div class="ap-tl__ticks" aria-hidden="true">{ticks}</div>
                    <div class="ap-tl__bands" role="group" aria-label=move || t(Key::ChairTermsBand, lang.get())>
                        {bands}
                    </div>
                    <div class="ap-tl__axis" aria-hidden="true"></div>
                    <div class="ap-tl__cursor" aria-hidden="true" style:transform=move || format!("translateX({})", px(cursor_x()))></div>
                    {more(false)}
                    <div class="ap-tl__marks" node_ref=marks_ref role="group"
                        aria-label=move || t(Key::Events, lang.get())
                        on:keydown=on_key>
                        <For each=move || items.get() key=|it| *it let:it>
                            {match it {
                                Item::Mark(i) => mark(i),
                                Item::Cluster { first, last } => cluster(first, last),
                            }}
                        </For>
                    </div>
                    {more(true)}
                </div>
            </div>
            // The zoom buttons and the key share one row under the timeline.
            <div class="ap-tl__foot">
                <div class="ap-tl__zoom" role="group" aria-label=move || t(Key::Zoom, lang.get())>
                    {zoom_button("zoom-in", "+", Key::ZoomIn, || Some((1, 2)))}
                    {zoom_button("zoom-out", "−", Key::ZoomOut, || Some((2, 1)))}
                    {zoom_button("zoom-fit", "↔", Key::FitAll, || None)}
                </div>
                <Legend dataset=ds.get_value() lang=lang filter=filter on_action=on_action/>
            </div>
        </section>
    }
}

/// Shapes and names of the meeting levels present in the dataset; each is a toggle button
/// that shows or hides its level's events.
#[component]
pub fn Legend(
    dataset: Arc<Dataset>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(into, optional)] filter: Signal<Filter>,
    #[prop(optional)] on_action: Option<Callback<Action>>,
) -> impl IntoView {
    let levels: Vec<Level> =
        Level::ALL.iter().copied().filter(|l| dataset.events.iter().any(|e| e.level == *l)).collect();
    view! {
        <ul class="ap-legend" aria-label=move || t(Key::LevelsShown, lang.get())>
            {levels.into_iter().map(|lv| {
                let on = move || filter.with(|f| f.hidden_levels & level_bit(lv) == 0);
                view! {
                    <li class=format!("ap-legend__item ap-lvl--{}", lv.as_str())>
                        <button type="button" class="ap-legend__toggle" data-testid="level-toggle" data-level=lv.as_str()
                            aria-pressed=move || on().to_string() title=move || level_name(lv, lang.get())
                            on:click=move |_| if let Some(a) = on_action { a.run(Action::ToggleLevel(lv)) }>
                            <span class="ap-tl__glyph" aria-hidden="true">{level_glyph(lv)}</span>
                            <span class="ap-legend__name">{move || level_name(lv, lang.get())}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
            <li class="ap-legend__item" title=move || t(Key::ChairTermsBand, lang.get())>
                <span class="ap-legend__band" aria-hidden="true"></span>
                <span class="ap-legend__name">{move || t(Key::ChairTermsBand, lang.get())}</span>
            </li>
        </ul>
    }
}

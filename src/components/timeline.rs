//! The timeline: a proportional year axis, chair terms as bands, events as marks whose shape
//! and colour encode the meeting level. Keyboard: Tab reaches the marks (one tab stop),
//! Left/Right/Home/End move between them, Enter or Space selects.

use super::ui::{focus_item, state_short, text_str};
use crate::date::{DayNum, Precision};
use crate::i18n::{format_range, level_glyph, level_name, t, Key, Lang};
use crate::model::{Dataset, EventIx, Level, SubjectKind};
use crate::scale::{assign_lanes, label_width, text_width, Scale};
use crate::view_state::{roving_stop, Action, Selection};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use std::sync::Arc;

/// Pixels per year on the axis.
pub const PX_PER_YEAR: f64 = 132.0;
const MAX_LANES: usize = 6;

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
    on_action: Callback<Action>,
) -> impl IntoView {
    let scale = Scale::new(extent.0, extent.1, PX_PER_YEAR);
    let width = scale.width().ceil();
    let n_events = dataset.events.len();
    let ds = StoredValue::new(dataset);
    // The single tab stop: where the arrow keys last moved (until the selection changes),
    // else the selected mark, else the first.
    let selected_ix = Memo::new(move |_| selection.get().event().map(|i| i.0));
    let moved = RwSignal::new(None::<(usize, Option<usize>)>);
    let focus_idx = Memo::new(move |_| roving_stop(selected_ix.get(), moved.get(), 0));
    let marks_ref = NodeRef::<leptos::html::Div>::new();
    let focus_mark = move |i: usize| {
        moved.set(Some((i, selected_ix.get_untracked())));
        if let Some(b) = marks_ref.get_untracked().and_then(|el| focus_item(&el, i)) {
            b.scroll_into_view_with_bool(false);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if n_events == 0 {
            return;
        }
        let cur = focus_idx.get_untracked().min(n_events - 1);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((cur + 1).min(n_events - 1)),
            "ArrowLeft" | "ArrowUp" => Some(cur.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(n_events - 1),
            _ => None,
        };
        if let Some(i) = next {
            ev.prevent_default();
            focus_mark(i);
        }
    };

    let ticks = scale.year_ticks();
    let bands = move || {
        let l = lang.get();
        ds.with_value(|ds| {
            ds.chair_terms
                .iter()
                .map(|term| {
                    let x0 = scale.x(term.span.from.first_day());
                    let x1 = match term.span.to {
                        Some(to) => scale.x(to.last_day() + 1),
                        None => scale.x(extent.1 + 1),
                    };
                    let name = state_short(ds, &term.state, term.span.from.first_day(), l);
                    let disputed = ds.disputes_about(SubjectKind::ChairTerm, &term.id).next().is_some();
                    let fuzzy_from = term.span.from.precision() != Precision::Day;
                    let fuzzy_to = term.span.to.is_none_or(|d| d.precision() != Precision::Day);
                    let range = format_range(&term.span.from, term.span.to.as_ref(), l);
                    let range = if term.span.to.is_none() { format!("{range} – {}", t(Key::Ongoing, l)) } else { range };
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
    let sel_event = Selector::new(move || selection.get().event());
    let sel_state = Selector::new(move || selection.get().state());
    let state_mode = Memo::new(move |_| selection.get().state().is_some());
    let tab_stop = Selector::new(move || focus_idx.get());
    let marks = move || {
        let l = lang.get();
        ds.with_value(|ds| {
            let titles: Vec<String> = ds.events.iter().map(|e| text_str(ds, &e.title, l)).collect();
            // Each label is the whole title: it gets a lane if one has room for it, else it is
            // not drawn (the mark keeps the full name). Near the end of the axis a label is
            // moved left so that it ends inside the timeline.
            let labels: Vec<(f64, f64, f64)> = ds
                .events
                .iter()
                .zip(&titles)
                .map(|(e, title)| {
                    let x = scale.x(e.start.first_day());
                    let w = label_width(&format!("{title}{}", if e.uncertain { " ?" } else { "" }));
                    (x, (x - 8.0).min(width - w).max(0.0), w)
                })
                .collect();
            let fitting: Vec<usize> = (0..labels.len()).filter(|&i| labels[i].2 <= width).collect();
            let fit_lanes = assign_lanes(&fitting.iter().map(|&i| (labels[i].1, labels[i].2)).collect::<Vec<_>>(), 6.0, MAX_LANES);
            let mut lanes = vec![None; labels.len()];
            for (k, &i) in fitting.iter().enumerate() {
                lanes[i] = fit_lanes[k];
            }
            ds.events
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let title = &titles[i];
                    let (x, label_x, label_w) = labels[i];
                    let span_w = e.end.map(|end| scale.x(end.last_day() + 1) - x).unwrap_or(0.0);
                    let date = format_range(&e.start, e.end.as_ref(), l);
                    let uncertain = e.uncertain;
                    // The name begins with the date and the title: the words the mark shows
                    // (the title on the axis, date and title in the phone's list).
                    let aria = format!(
                        "{date} {title}{}, {}",
                        if uncertain { format!(" ({})", t(Key::Uncertain, l)) } else { String::new() },
                        level_name(e.level, l)
                    );
                    let lane = lanes[i];
                    let level = e.level;
                    let id = e.id.clone();
                    let participants: Vec<_> = e.participants.iter().filter_map(|p| ds.state_ix(&p.state)).collect();
                    let (sel_event, sel_state, tab_stop) = (sel_event.clone(), sel_state.clone(), tab_stop.clone());
                    let selected = Memo::new(move |_| sel_event.selected(&Some(EventIx(i))));
                    let related = Memo::new(move |_| participants.iter().any(|&p| sel_state.selected(&Some(p))));
                    let dimmed = move || state_mode.get() && !related.get();
                    view! {
                        <button type="button"
                            class=format!("ap-tl__mark ap-lvl--{}", level.as_str())
                            class:ap-tl__mark--selected=selected
                            class:ap-tl__mark--related=related
                            class:ap-tl__mark--dimmed=dimmed
                            class:ap-tl__mark--uncertain=uncertain
                            data-testid="event-mark"
                            data-event-id=id
                            data-idx=i.to_string()
                            style:left=px(x)
                            tabindex=move || if tab_stop.selected(&i) { "0" } else { "-1" }
                            aria-pressed=move || selected.get().to_string()
                            aria-label=aria
                            on:click=move |_| on_action.run(Action::SelectEvent(EventIx(i)))>
                            {(span_w > 2.0).then(|| view! {
                                <span class="ap-tl__extent" aria-hidden="true" style:width=px(span_w)></span>
                            })}
                            <span class="ap-tl__glyph" aria-hidden="true">{level_glyph(level)}</span>
                            // A box of the reserved width that drops the title whole if
                            // it turns out wider than estimated (another font).
                            <span class="ap-tl__label ap-fit" class:ap-tl__label--hidden=lane.is_none() aria-hidden="true"
                                style:top=format!("{}px", 30 + 22 * lane.unwrap_or(0))
                                style:left=px(label_x - (x - 12.0)) style:width=px(label_w)>
                                <span class="ap-tl__text">{title.clone()}{uncertain.then_some(" ?")}</span>
                            </span>
                            <span class="ap-tl__full" aria-hidden="true">
                                <span class="ap-tl__date">{date.clone()}{uncertain.then_some(" ?")}</span>
                                " "{title.clone()}
                            </span>
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let cursor_x = move || scale.x(day.get());
    // Keep the as-of cursor in view: scroll the axis when the date moves out of sight.
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let x = cursor_x();
        if let Some(el) = scroll_ref.get() {
            let (left, w) = (el.scroll_left() as f64, el.client_width() as f64);
            if w > 0.0 && (x < left + 40.0 || x > left + w - 40.0) {
                el.set_scroll_left((x - w / 2.0).max(0.0) as i32);
            }
        }
    });

    view! {
        <section class="ap-tl" aria-label=move || t(Key::Timeline, lang.get())>
            <div class="ap-tl__scroll" node_ref=scroll_ref data-scroll-area>
                <div class="ap-tl__canvas" style:width=px(width)>
                    <div class="ap-tl__ticks" aria-hidden="true">
                        {ticks.into_iter().map(|(y, x)| view! {
                            <div class="ap-tl__tick" style:left=px(x)>{y}</div>
                        }).collect_view()}
                    </div>
                    <div class="ap-tl__bands" role="group" aria-label=move || t(Key::ChairTermsBand, lang.get())>
                        {bands}
                    </div>
                    <div class="ap-tl__axis" aria-hidden="true"></div>
                    <div class="ap-tl__cursor" aria-hidden="true" style:transform=move || format!("translateX({})", px(cursor_x()))></div>
                    <div class="ap-tl__marks" node_ref=marks_ref role="group"
                        aria-label=move || t(Key::Events, lang.get())
                        on:keydown=on_key>
                        {marks}
                    </div>
                </div>
            </div>
            <Legend dataset=ds.get_value() lang=lang/>
        </section>
    }
}

/// Shapes and names of the meeting levels present in the dataset.
#[component]
pub fn Legend(dataset: Arc<Dataset>, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let levels: Vec<Level> =
        Level::ALL.iter().copied().filter(|l| dataset.events.iter().any(|e| e.level == *l)).collect();
    view! {
        <ul class="ap-legend" aria-label=move || t(Key::Legend, lang.get())>
            {levels.into_iter().map(|lv| view! {
                <li class=format!("ap-legend__item ap-lvl--{}", lv.as_str())>
                    <span class="ap-tl__glyph" aria-hidden="true">{level_glyph(lv)}</span>
                    {move || level_name(lv, lang.get())}
                </li>
            }).collect_view()}
            <li class="ap-legend__item"><span class="ap-legend__band" aria-hidden="true"></span>{move || t(Key::ChairTermsBand, lang.get())}</li>
        </ul>
    }
}


//! What the timeline draws and how: the marks within a screen either side of the visible one
//! (clusters for dense runs, and always the selected mark and the tab stop), their label lanes
//! (whole labels only, the selected event's first), each mark and cluster, and on a phone the
//! page of [`PHONE_PAGE`] events that holds the tab stop, with buttons for the pages around it.

use super::keys::Keys;
use super::viewport::Viewport;
use super::{px, Props, CLUSTER_GAP, CLUSTER_MIN, MARGIN, PHONE_PAGE};
use crate::components::ui::Selector;
use crate::export::{state_name, txt};
use crate::i18n::{event_count, format_range, level_glyph, level_name, t, Key};
use crate::model::EventIx;
use crate::scale::{assign_lanes, label_width};
use crate::view_state::{Action, MIN_SPAN_DAYS};
use crate::window::{page_around, window, Item};
use leptos::prelude::*;

/// What is drawn.
#[derive(Clone, Copy)]
pub(super) struct Marks {
    pub items: Memo<Vec<Item>>,
    /// (event index, lane) of the labels drawn, by event index.
    pub lanes: Memo<Vec<(usize, usize)>>,
    /// The phone's page, as positions in the shown events (all events when nothing is
    /// filtered): the page that holds the tab stop.
    pub phone_page: Memo<(usize, usize)>,
}

/// Which marks are selected, related to the selected state, or the tab stop: a change wakes
/// only the marks it concerns.
#[derive(Clone)]
pub(super) struct Selectors {
    pub event: Selector<Option<EventIx>>,
    pub state: Selector<Option<crate::model::StateIx>>,
    pub tab_stop: Selector<usize>,
    pub state_mode: Memo<bool>,
}

impl Marks {
    pub fn new(p: Props, vp: Viewport, k: Keys) -> Marks {
        let Props { ds, lang, span, shown, selection, n_events, .. } = p;
        let Viewport { scroll_x, phone, xs, xs_shown, .. } = vp;
        let Keys { selected_ix, focus_idx, .. } = k;
        let width = move || vp.width();
        let lane_cap = move || p.lane_cap();
        let phone_page = Memo::new(move |_| {
            let f = focus_idx.get();
            shown.with(|sh| match sh {
                Some(v) => page_around(v.len(), v.partition_point(|&j| j < f), PHONE_PAGE),
                None => page_around(n_events, f, PHONE_PAGE),
            })
        });
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
        let lanes = Memo::new(move |_| {
            let l = lang.get();
            let (left, right) = (scroll_x.get() - MARGIN, scroll_x.get() + width() + MARGIN);
            let marks: Vec<usize> = items.with(|items| {
                items.iter().filter_map(|it| if let Item::Mark(i) = it { Some(*i) } else { None }).collect()
            });
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
        Marks { items, lanes, phone_page }
    }
}

/// "Show earlier" / "Show later" on the phone, when there is such a page.
pub(super) fn more(p: Props, vp: Viewport, k: Keys, m: Marks, later: bool) -> impl IntoView {
    let Props { shown, lang, n_events, .. } = p;
    let phone_page = m.phone_page;
    let shown_len = move || shown.with(|sh| sh.as_ref().map_or(n_events, |v| v.len()));
    // The event at a position among the shown ones.
    let shown_at = move |pos: usize| shown.with_untracked(|sh| sh.as_ref().map_or(pos, |v| v[pos]));
    // The tab stop moves to the nearest event of the neighbouring page (which brings that
    // page) and takes the focus.
    let page_button = move || {
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
                        k.focus_mark(shown_at(b));
                    } else if !later && a > 0 {
                        k.focus_mark(shown_at(a - 1));
                    }
                }>
                {move || {
                    let l = lang.get();
                    format!("{}: {}", t(if later { Key::ShowLater } else { Key::ShowEarlier }, l), event_count(left(), l))
                }}
            </button>
        }
    };
    move || {
        let (a, b) = phone_page.get();
        let any = if later { b < shown_len() } else { a > 0 };
        (vp.phone.get() && any).then(page_button)
    }
}

/// One event's mark.
pub(super) fn mark(p: Props, vp: Viewport, m: Marks, sel: &Selectors, i: usize) -> AnyView {
    let Props { ds, lang, matches, filter, on_action, .. } = p;
    let Viewport { xs, scale, .. } = vp;
    let lanes = m.lanes;
    let (sel_event, sel_state, tab_stop) = (sel.event.clone(), sel.state.clone(), sel.tab_stop.clone());
    let state_mode = sel.state_mode;
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
}

/// A counted cluster of marks too close to tell apart; selecting it zooms to its days.
pub(super) fn cluster(p: Props, vp: Viewport, first: usize, last: usize) -> AnyView {
    let Props { ds, lang, matches, shown, on_action, .. } = p;
    let xs = vp.xs;
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
}

//! Search, filters, comparison and play: the bar of controls, the list of changes between two
//! dates and the play/pause button. The rules are in `find.rs`, `compare.rs` and
//! `view_state.rs`; these components only show them and report [`Action`]s.

use crate::compare::{change_sentence, diff, RoleChange};
use crate::date::{Date, DayNum};
use crate::export::state_name;
use crate::find::Filter;
use crate::i18n::{format_day, match_count, t, Key, Lang};
use crate::model::{Dataset, StateIx};
use crate::view_state::Action;
use leptos::prelude::*;
use std::sync::Arc;

/// The search field, the filters and the second date.
#[component]
pub fn FindBar(
    dataset: Arc<Dataset>,
    extent: (DayNum, DayNum),
    #[prop(into)] lang: Signal<Lang>,
    #[prop(into)] query: Signal<String>,
    #[prop(into)] filter: Signal<Filter>,
    #[prop(into)] compare: Signal<Option<DayNum>>,
    #[prop(into)] day: Signal<DayNum>,
    /// How many shown events match the query (`None`: no query).
    #[prop(into)]
    match_count: Signal<Option<usize>>,
    on_action: Callback<Action>,
) -> impl IntoView {
    let ds = StoredValue::new(dataset);
    let n_states = ds.with_value(|ds| ds.states.len());
    let (lo, hi) = extent;
    let iso = |d: DayNum| Date::from_day(d).to_string();
    let parse_day = |v: &str| Date::parse_day(v).map(|d| d.first_day());
    let options = move || {
        let l = lang.get();
        let d = day.get_untracked();
        let sel = filter.with_untracked(|f| f.attended);
        ds.with_value(|ds| {
            let mut v: Vec<(String, usize)> =
                (0..n_states).map(|i| (state_name(ds, &ds.states[i].code, d, l).to_string(), i)).collect();
            crate::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            v.into_iter()
                .map(|(name, i)| {
                    let code = ds.states[i].code.clone();
                    view! { <option value=code selected=sel == Some(StateIx(i))>{name}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="ap-find" data-testid="find" aria-label=move || t(Key::FindAndFilter, lang.get())>
            <div class="ap-find__search">
                <label class="ap-find__label">
                    <span>{move || t(Key::Search, lang.get())}</span>
                    <input type="search" class="ap-find__input" data-testid="search" maxlength="100"
                        prop:value=move || query.get()
                        on:input=move |ev| on_action.run(Action::SetQuery(event_target_value(&ev)))/>
                </label>
                <p class="ap-find__count" role="status" aria-live="polite" data-testid="match-count">
                    {move || match_count.get().map(|n| match_count_text(n, lang.get()))}
                </p>
            </div>
            <div class="ap-find__filters">
                <label class="ap-find__label">
                    <span>{move || t(Key::AttendedBy, lang.get())}</span>
                    <select data-testid="attended" prop:value=move || filter.with(|f| f.attended.and_then(|i| ds.with_value(|ds| ds.states.get(i.0).map(|s| s.code.clone()))).unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let ix = ds.with_value(|ds| ds.state_ix(&v));
                            on_action.run(Action::SetAttended(ix));
                        }>
                        <option value="">{move || t(Key::AllStates, lang.get())}</option>
                        {options}
                    </select>
                </label>
                <label class="ap-find__check">
                    <input type="checkbox" data-testid="sure-only" prop:checked=move || filter.with(|f| f.sure_only)
                        on:change=move |ev| on_action.run(Action::SetSureOnly(event_target_checked(&ev)))/>
                    <span>{move || t(Key::SureOnly, lang.get())}</span>
                </label>
                <div class="ap-find__compare">
                    <label class="ap-find__check">
                        <input type="checkbox" data-testid="compare-on" prop:checked=move || compare.get().is_some()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                // By default, compare with the same day a year earlier.
                                let d = day.get_untracked();
                                on_action.run(Action::SetCompare(on.then(|| crate::date::add_months(d, -12).max(lo))));
                            }/>
                        <span>{move || t(Key::CompareWith, lang.get())}</span>
                    </label>
                    <input type="date" class="ap-find__date" data-testid="compare-date"
                        aria-label=move || t(Key::CompareWith, lang.get())
                        min=iso(lo) max=iso(hi)
                        disabled=move || compare.get().is_none()
                        prop:value=move || compare.get().map(iso).unwrap_or_default()
                        on:change=move |ev| {
                            if let Some(d) = parse_day(&event_target_value(&ev)) { on_action.run(Action::SetCompare(Some(d))) }
                        }/>
                </div>
            </div>
        </section>
    }
}

fn match_count_text(n: usize, lang: Lang) -> String {
    match_count(n, lang)
}

/// The changes between the compared date and the as-of date, as sentences.
#[component]
pub fn ChangeList(
    dataset: Arc<Dataset>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] compare: Signal<Option<DayNum>>,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let ds = StoredValue::new(dataset);
    move || {
        let c = compare.get()?;
        let d = day.get();
        let l = lang.get();
        let (from, to) = (c.min(d), c.max(d));
        let (items, same): (Vec<String>, Vec<String>) = ds.with_value(|ds| {
            let changes = diff(ds, from, to);
            let mut items = Vec::new();
            let mut same = Vec::new();
            for (i, ch) in changes.iter().enumerate() {
                let name = state_name(ds, &ds.states[i].code, to, l).to_string();
                if ch.is_change() {
                    items.push(change_sentence(&name, ch, l));
                } else if matches!(ch.role, RoleChange::Unchanged(Some(_))) {
                    same.push(change_sentence(&name, ch, l));
                }
            }
            (items, same)
        });
        let head = {
            let mut h = String::from(t(Key::Changes, l));
            h.push_str(": ");
            h.push_str(&format_day(from, l));
            h.push_str(" → ");
            h.push_str(&format_day(to, l));
            h
        };
        let empty = items.is_empty();
        Some(view! {
            <section class="ap-changes" data-testid="changes">
                <h2 class="ap-h2">{head}</h2>
                {empty.then(|| view! { <p>{t(Key::NoChanges, l)}</p> })}
                <ul class="ap-changes__list">
                    {items.into_iter().map(|s| view! { <li data-testid="change">{s}</li> }).collect_view()}
                    {same.into_iter().map(|s| view! { <li class="ap-changes__same" data-testid="change-same">{s}</li> }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// Play/pause: steps the as-of date event by event (the events the filters show) while
/// `playing`, and stops at the last one. The explorer stops it on any other action.
#[component]
pub fn Play(
    /// First day of the last event shown.
    #[prop(into)]
    last: Signal<DayNum>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    playing: RwSignal<bool>,
    /// Step interval in milliseconds.
    #[prop(default = 900)]
    interval_ms: u64,
    on_action: Callback<Action>,
) -> impl IntoView {
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop_timer = move || {
        if let Some(h) = timer.get_value() {
            h.clear();
            timer.set_value(None);
        }
    };
    Effect::new(move |_| {
        if playing.get() {
            if timer.get_value().is_none() {
                let h = set_interval_with_handle(
                    move || {
                        if !crate::lifecycle::alive() {
                            return;
                        }
                        let last = last.try_get_untracked();
                        let at_end = move || match (day.try_get_untracked(), last) {
                            (Some(d), Some(l)) => d >= l,
                            _ => true,
                        };
                        if at_end() {
                            let _ = playing.try_set(false);
                            return;
                        }
                        on_action.run(Action::NextEvent);
                        if at_end() {
                            let _ = playing.try_set(false);
                        }
                    },
                    std::time::Duration::from_millis(interval_ms),
                )
                .ok();
                timer.set_value(h);
            }
        } else {
            stop_timer();
        }
    });
    on_cleanup(stop_timer);
    let toggle = move |_| {
        if playing.get_untracked() {
            playing.set(false);
        } else {
            if day.get_untracked() >= last.get_untracked() {
                on_action.run(Action::FirstDay);
            }
            playing.set(true);
        }
    };
    view! {
        <button type="button" class="ap-button ap-button--small ap-play" data-testid="play"
            data-playing=move || playing.get().to_string()
            title=move || t(if playing.get() { Key::Pause } else { Key::Play }, lang.get())
            on:click=toggle>
            <span aria-hidden="true">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
            <span class="ap-play__words">{move || t(if playing.get() { Key::Pause } else { Key::Play }, lang.get())}</span>
        </button>
    }
}

//! The search field, the filters (attended by, only what is sure) and the second date.

use crate::date::{Date, DayNum};
use crate::export::state_name;
use crate::find::Filter;
use crate::i18n::{match_count, t, Key, Lang};
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

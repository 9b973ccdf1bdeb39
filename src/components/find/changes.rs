//! The changes between the compared date and the as-of date, as sentences.

use crate::compare::{change_sentence, diff, RoleChange};
use crate::date::DayNum;
use crate::export::state_name;
use crate::i18n::{format_day, t, Key, Lang};
use crate::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

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

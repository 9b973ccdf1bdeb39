//! The as-of date control: a slider over the timeline's span and steps by month and by event;
//! and, apart, the date and role counts in words (announced politely to screen readers).

use crate::date::DayNum;
use crate::export::state_name;
use crate::i18n::{as_of_sentence, format_day, t, Key, Lang};
use crate::model::Dataset;
use crate::query;
use crate::view_state::Action;
use leptos::prelude::*;
use std::sync::Arc;

/// The action a key press on the slider asks for.
fn key_action(key: &str, shift: bool) -> Option<Action> {
    Some(match (key, shift) {
        ("ArrowRight" | "ArrowUp", false) => Action::StepMonths(1),
        ("ArrowLeft" | "ArrowDown", false) => Action::StepMonths(-1),
        ("ArrowRight" | "ArrowUp", true) | ("PageUp", _) => Action::NextEvent,
        ("ArrowLeft" | "ArrowDown", true) | ("PageDown", _) => Action::PrevEvent,
        ("Home", _) => Action::FirstDay,
        ("End", _) => Action::LastDay,
        _ => return None,
    })
}

/// The as-of control.
#[component]
pub fn AsOf(
    /// First and last day of the timeline.
    extent: (DayNum, DayNum),
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    on_action: Callback<Action>,
) -> impl IntoView {
    let (lo, hi) = extent;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(a) = key_action(&ev.key(), ev.shift_key()) {
            ev.prevent_default();
            on_action.run(a);
        }
    };
    let step = move |testid: &'static str, glyph: &'static str, key: Key, action: Action| {
        // Named by its (visually hidden) words, not by an aria-label over the glyph: the name
        // is the text a speech-input user reads in the tooltip.
        view! {
            <button type="button" class="ap-button ap-button--small" data-testid=testid
                on:click=move |_| on_action.run(action.clone()) title=move || t(key, lang.get())>
                <span aria-hidden="true">{glyph}</span>
                <span class="ap-visually-hidden">{move || t(key, lang.get())}</span>
            </button>
        }
    };
    view! {
        <div class="ap-asof">
            <label class="ap-asof__label">
                <span class="ap-asof__caption">{move || t(Key::AsOf, lang.get())}</span>
                <input type="range" class="ap-asof__slider" data-testid="asof"
                    min=lo.to_string() max=hi.to_string() step="1"
                    prop:value=move || day.get().to_string()
                    aria-valuetext=move || format_day(day.get(), lang.get())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<DayNum>() { on_action.run(Action::SetDay(v)) }
                    }
                    on:keydown=on_key/>
            </label>
            <div class="ap-asof__steps" role="group">
                {step("prev-event", "◀◀", Key::PrevEvent, Action::PrevEvent)}
                {step("prev-month", "◀", Key::PrevMonth, Action::StepMonths(-1))}
                {step("next-month", "▶", Key::NextMonth, Action::StepMonths(1))}
                {step("next-event", "▶▶", Key::NextEvent, Action::NextEvent)}
            </div>
        </div>
    }
}

/// The as-of date and the role counts in words, announced politely to screen readers. It
/// heads the map (the picture it describes), apart from the slider.
#[component]
pub fn AsOfSummary(
    dataset: Arc<Dataset>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
) -> impl IntoView {
    let ds = StoredValue::new(dataset);
    let sentence = move || {
        let d = day.get();
        let l = lang.get();
        ds.with_value(|ds| {
            let s = query::summary_on(ds, d);
            let chair = match &s.chair {
                Some(code) => state_name(ds, code, d, l).to_string(),
                None => t(Key::NoChair, l).to_string(),
            };
            format!("{}. {}: {chair}.", as_of_sentence(d, &s, l), t(Key::Chair, l))
        })
    };
    view! { <p class="ap-asof__summary" aria-live="polite" data-testid="asof-summary">{sentence}</p> }
}

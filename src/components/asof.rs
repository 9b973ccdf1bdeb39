//! The as-of date control: a slider over the timeline's span, steps by month and by event, and
//! the date and role counts in words (announced politely to screen readers).

use super::ui::{state_short, use_ui};
use crate::date::{add_months, DayNum};
use crate::i18n::{as_of_sentence, t, Key};
use crate::query;
use leptos::prelude::*;

/// The as-of control.
#[component]
pub fn AsOf() -> impl IntoView {
    let ui = use_ui();
    let (lo, hi) = ui.extent;
    let lang = ui.lang;
    let set_day = move |d: DayNum| ui.day.set(d.clamp(lo, hi));
    let step_event = move |forward: bool| {
        let d = ui.day.get_untracked();
        let target = ui.with(|ds| {
            if forward {
                ds.events.iter().map(|e| e.start.first_day()).find(|&s| s > d)
            } else {
                ds.events.iter().rev().map(|e| e.start.first_day()).find(|&s| s < d)
            }
        });
        if let Some(t) = target {
            set_day(t);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let d = ui.day.get_untracked();
        let handled = match (ev.key().as_str(), ev.shift_key()) {
            ("ArrowRight" | "ArrowUp", false) => {
                set_day(add_months(d, 1));
                true
            }
            ("ArrowLeft" | "ArrowDown", false) => {
                set_day(add_months(d, -1));
                true
            }
            ("ArrowRight" | "ArrowUp", true) | ("PageUp", _) => {
                step_event(true);
                true
            }
            ("ArrowLeft" | "ArrowDown", true) | ("PageDown", _) => {
                step_event(false);
                true
            }
            ("Home", _) => {
                set_day(lo);
                true
            }
            ("End", _) => {
                set_day(hi);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let sentence = move || {
        let d = ui.day.get();
        let l = lang.get();
        ui.with(|ds| {
            let s = query::summary_on(ds, d);
            let chair = match &s.chair {
                Some(code) => state_short(ds, code, d, l),
                None => t(Key::NoChair, l).to_string(),
            };
            format!("{}. {}: {chair}.", as_of_sentence(d, &s, l), t(Key::Chair, l))
        })
    };
    view! {
        <div class="ap-asof">
            <label class="ap-asof__label">
                <span class="ap-asof__caption">{move || t(Key::AsOf, lang.get())}</span>
                <input type="range" class="ap-asof__slider" data-testid="asof"
                    min=lo.to_string() max=hi.to_string() step="1"
                    prop:value=move || ui.day.get().to_string()
                    aria-valuetext=move || crate::i18n::format_day(ui.day.get(), lang.get())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<DayNum>() { set_day(v) }
                    }
                    on:keydown=on_key/>
            </label>
            <div class="ap-asof__steps" role="group">
                <button type="button" class="ap-button ap-button--small" data-testid="prev-event"
                    on:click=move |_| step_event(false) title=move || t(Key::PrevEvent, lang.get())
                    aria-label=move || t(Key::PrevEvent, lang.get())>"◀◀"</button>
                <button type="button" class="ap-button ap-button--small" data-testid="prev-month"
                    on:click=move |_| set_day(add_months(ui.day.get_untracked(), -1)) title=move || t(Key::PrevMonth, lang.get())
                    aria-label=move || t(Key::PrevMonth, lang.get())>"◀"</button>
                <button type="button" class="ap-button ap-button--small" data-testid="next-month"
                    on:click=move |_| set_day(add_months(ui.day.get_untracked(), 1)) title=move || t(Key::NextMonth, lang.get())
                    aria-label=move || t(Key::NextMonth, lang.get())>"▶"</button>
                <button type="button" class="ap-button ap-button--small" data-testid="next-event"
                    on:click=move |_| step_event(true) title=move || t(Key::NextEvent, lang.get())
                    aria-label=move || t(Key::NextEvent, lang.get())>"▶▶"</button>
            </div>
            <p class="ap-asof__summary" aria-live="polite" data-testid="asof-summary">{sentence}</p>
        </div>
    }
}

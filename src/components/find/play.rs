//! Play/pause through time.

use crate::date::DayNum;
use crate::i18n::{t, Key, Lang};
use crate::view_state::Action;
use leptos::prelude::*;

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

//! The level key: the shapes and names of the meeting levels, each a toggle that shows or
//! hides its level's events, and the chair terms' band.

use crate::find::{level_bit, Filter};
use crate::i18n::{level_glyph, level_name, t, Key, Lang};
use crate::model::{Dataset, Level};
use crate::view_state::Action;
use leptos::prelude::*;
use std::sync::Arc;

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

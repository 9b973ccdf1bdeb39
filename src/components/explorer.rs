//! The explorer: header, timeline, as-of control, tile map, detail panel and text views, with
//! the view state mirrored in the URL hash.

use super::asof::AsOf;
use super::detail::Detail;
use super::text_view::TextView;
use super::tile_grid::TileGrid;
use super::timeline::Timeline;
use super::ui::{text_view, Sel, Ui};
use crate::app::Config;
use crate::date::{Date, DayNum};
use crate::hash::{self, HashState, View};
use crate::i18n::{t, Key, Lang};
use crate::model::Dataset;
use crate::query;
use leptos::prelude::*;
use std::sync::Arc;

fn today() -> DayNum {
    let ms = js_sys::Date::now();
    (ms / 86_400_000.0).floor() as DayNum
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Applies a parsed hash to the explorer's state; unknown ids are ignored.
fn apply_hash(ui: &Ui, ds: &Dataset, h: &HashState, fallback_lang: Lang) {
    let sel = if let Some(i) = h.event.as_ref().and_then(|id| ds.events.iter().position(|e| &e.id == id)) {
        Sel::Event(i)
    } else if let Some(i) = h.state.as_ref().and_then(|c| ds.states.iter().position(|s| &s.code == c)) {
        Sel::State(i)
    } else {
        Sel::None
    };
    // Only changed values are written: writing an equal value would still re-render whatever
    // depends on it (a whole view for `view` or `lang`).
    let set_if = |sig: RwSignal<_>, v| {
        if sig.get_untracked() != v {
            sig.set(v);
        }
    };
    let day = match (h.date, sel) {
        (Some(d), _) => Some(d.first_day()),
        (None, Sel::Event(i)) => Some(ds.events[i].start.first_day()),
        _ => None,
    };
    set_if(ui.sel, sel);
    if let Some(d) = day {
        let d = d.clamp(ui.extent.0, ui.extent.1);
        if ui.day.get_untracked() != d {
            ui.day.set(d);
        }
    }
    if ui.view.get_untracked() != h.view {
        ui.view.set(h.view);
    }
    let lang = h.lang.as_deref().and_then(Lang::parse).unwrap_or(fallback_lang);
    if ui.lang.get_untracked() != lang {
        ui.lang.set(lang);
    }
}

/// The loaded app.
#[component]
pub fn Explorer(
    /// A validated dataset.
    dataset: Arc<Dataset>,
    /// The instance's configuration.
    config: Config,
    /// Interface language (shared with the shell).
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let extent = query::extent(&dataset, today());
    let initial_day = dataset
        .updated
        .first_day()
        .min(today())
        .clamp(extent.0, extent.1);
    let ui = Ui {
        ds: StoredValue::new(dataset.clone()),
        lang,
        view: RwSignal::new(config.view),
        day: RwSignal::new(initial_day),
        sel: RwSignal::new(Sel::None),
        extent,
    };
    provide_context(ui);

    // Attributes first, then the hash (a shared link wins over the embed's defaults).
    let from_config = HashState {
        event: config.event.clone(),
        state: config.state.clone(),
        date: config.date.as_deref().and_then(|d| Date::parse(d).ok()).filter(|d| d.day.is_some()),
        view: config.view,
        lang: Some(config.lang.code().to_string()),
    };
    apply_hash(&ui, &dataset, &from_config, config.lang);
    let prefix = config.hash_prefix.clone();
    if config.use_hash {
        let h = hash::parse(&current_hash(), prefix.as_deref());
        if h != HashState::default() {
            let merged = HashState {
                lang: h.lang.clone().or(from_config.lang.clone()),
                ..h
            };
            apply_hash(&ui, &dataset, &merged, config.lang);
        }
        // State → hash. Selections and view changes add history entries (so Back walks
        // through them); date moves replace the current entry.
        let last_sel = StoredValue::new((ui.sel.get_untracked(), ui.view.get_untracked(), ui.lang.get_untracked()));
        let prefix_w = prefix.clone();
        Effect::new(move |_| {
            let sel = ui.sel.get();
            let view = ui.view.get();
            let l = ui.lang.get();
            let day = ui.day.get();
            let st = ui.with(|ds| HashState {
                event: match sel {
                    Sel::Event(i) => ds.events.get(i).map(|e| e.id.clone()),
                    _ => None,
                },
                state: match sel {
                    Sel::State(i) => ds.states.get(i).map(|s| s.code.clone()),
                    _ => None,
                },
                date: Some(Date::from_day(day)),
                view,
                lang: Some(l.code().to_string()),
            });
            let old = current_hash();
            let new = hash::print(&st, prefix_w.as_deref(), &old);
            if new == old || (new.is_empty() && old.is_empty()) {
                return;
            }
            let Some(w) = web_sys::window() else { return };
            let url = if new.is_empty() {
                let loc = w.location();
                format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default())
            } else {
                new
            };
            let key = (sel, view, l);
            let push = last_sel.get_value() != key;
            last_sel.set_value(key);
            if let Ok(history) = w.history() {
                let _ = if push {
                    history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
            }
        });
        // Hash → state, for Back/Forward and edited links.
        let fallback = config.lang;
        let on_nav = move || {
            let h = hash::parse(&current_hash(), prefix.as_deref());
            ui.with(|ds| apply_hash(&ui, ds, &h, fallback));
        };
        let on_nav2 = on_nav.clone();
        let a = window_event_listener(leptos::ev::popstate, move |_| on_nav());
        let b = window_event_listener(leptos::ev::hashchange, move |_| on_nav2());
        on_cleanup(move || {
            a.remove();
            b.remove();
        });
    }

    let title = move || ui.with(|ds| text_view(ds, &ds.title, ui.lang.get()));
    let description = move || ui.with(|ds| text_view(ds, &ds.description, ui.lang.get()));
    let languages: Vec<Lang> = dataset.languages.iter().filter_map(|l| Lang::parse(l)).collect();
    let languages = if languages.is_empty() { vec![Lang::En] } else { languages };

    view! {
        <div class="ap-app" lang=move || ui.lang.get().code() data-view=move || if ui.view.get() == View::Text { "text" } else { "visual" }>
            <header class="ap-header">
                <div class="ap-header__titles">
                    <h1 class="ap-title" data-testid="title">{title}</h1>
                    <p class="ap-subtitle">{description}</p>
                </div>
                <div class="ap-header__controls">
                    <div class="ap-seg" role="group" aria-label=move || t(Key::Language, ui.lang.get())>
                        {languages.into_iter().map(|l| view! {
                            <button type="button" class="ap-seg__btn" lang=l.code()
                                data-testid=format!("lang-{}", l.code())
                                aria-pressed=move || (ui.lang.get() == l).to_string()
                                on:click=move |_| ui.lang.set(l)>
                                {l.code().to_uppercase()}
                            </button>
                        }).collect_view()}
                    </div>
                    <div class="ap-seg" role="group" aria-label="View">
                        <button type="button" class="ap-seg__btn" data-testid="view-visual"
                            aria-pressed=move || (ui.view.get() == View::Visual).to_string()
                            on:click=move |_| ui.view.set(View::Visual)>
                            {move || t(Key::ViewVisual, ui.lang.get())}
                        </button>
                        <button type="button" class="ap-seg__btn" data-testid="view-text"
                            aria-pressed=move || (ui.view.get() == View::Text).to_string()
                            on:click=move |_| ui.view.set(View::Text)>
                            {move || t(Key::ViewText, ui.lang.get())}
                        </button>
                    </div>
                </div>
            </header>
            <AsOf/>
            {move || match ui.view.get() {
                View::Visual => view! {
                    <Timeline/>
                    <div class="ap-main">
                        <TileGrid/>
                        <Detail/>
                    </div>
                }.into_any(),
                View::Text => view! {
                    <div class="ap-main ap-main--text">
                        <TextView/>
                        <Detail/>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

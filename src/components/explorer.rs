//! The explorer: holds the one [`ViewState`], applies the [`Action`]s its components report
//! (the rules are in `view_state.rs`), and mirrors the state in the URL hash.

use super::asof::AsOf;
use super::detail::Detail;
use super::header::Header;
use super::print_view::PrintView;
use super::text_view::TextView;
use super::tile_grid::TileGrid;
use super::timeline::Timeline;
use super::toolbar::{Links, Toolbar};
use super::ui::current_hash;
use crate::config::Config;
use crate::date::DayNum;
use crate::hash;
use crate::model::Dataset;
use crate::view_state::{reduce, Action, Ctx, History, View, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

fn today() -> DayNum {
    (js_sys::Date::now() / 86_400_000.0).floor() as DayNum
}

/// Writes `s` into this instance's keys of the URL hash, as a new history entry or in place.
fn write_url(ctx: &Ctx, s: &ViewState, prefix: Option<&str>, history: History) {
    let Some(w) = web_sys::window() else { return };
    let old = current_hash();
    let new = hash::print(&ctx.to_hash(s), prefix, &old);
    if new == old || history == History::Keep {
        return;
    }
    if let Ok(h) = w.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => h.push_state_with_url(&null, "", Some(&new)),
            _ => h.replace_state_with_url(&null, "", Some(&new)),
        };
    }
}

/// The loaded app.
#[component]
pub fn Explorer(
    /// A validated dataset.
    dataset: Arc<Dataset>,
    /// The instance's configuration.
    config: Config,
) -> impl IntoView {
    let today = today();
    let extent = Ctx::new(&dataset, today).extent;
    let ds = StoredValue::new(dataset.clone());
    let config = StoredValue::new(config);
    let (use_hash, prefix) = config.with_value(|c| (c.use_hash, c.hash_prefix.clone()));
    let prefix = StoredValue::new(prefix);
    let opening = move |hash: &str| {
        ds.with_value(|ds| config.with_value(|c| Ctx { ds, extent }.initial(c, hash, today)))
    };
    let first = opening(&if use_hash { current_hash() } else { String::new() });
    let state = RwSignal::new(first);

    let record = move |s: ViewState, history: History| {
        if use_hash {
            ds.with_value(|ds| prefix.with_value(|p| write_url(&Ctx { ds, extent }, &s, p.as_deref(), history)));
        }
    };
    let dispatch = Callback::new(move |a: Action| {
        let t = ds.with_value(|ds| reduce(&Ctx { ds, extent }, &state.get_untracked(), a));
        if t.history != History::Keep {
            state.set(t.state);
            record(t.state, t.history);
        }
    });
    if use_hash {
        // The opening view gets its full URL in place; Back/Forward and edited links come back
        // as navigation (which replaces, never pushes).
        record(first, History::Replace);
        let on_nav = move || dispatch.run(Action::Navigate(opening(&current_hash())));
        let a = window_event_listener(leptos::ev::popstate, move |_| on_nav());
        let b = window_event_listener(leptos::ev::hashchange, move |_| on_nav());
        on_cleanup(move || {
            a.remove();
            b.remove();
        });
    }

    // Each field as its own memo: a date move wakes only what shows the date.
    let selection = Signal::from(Memo::new(move |_| state.with(|s| s.selection)));
    let day = Signal::from(Memo::new(move |_| state.with(|s| s.day)));
    let view = Memo::new(move |_| state.with(|s| s.view));
    let lang = Signal::from(Memo::new(move |_| state.with(|s| s.lang)));
    let span: Signal<Option<(DayNum, DayNum)>> = Memo::new(move |_| state.with(|s| s.span)).into();
    let dataset = StoredValue::new(dataset);
    let d = move || dataset.get_value();
    let (toolbar, src) = config.with_value(|c| (c.toolbar, c.src.clone()));
    let links = Links { use_hash, prefix: prefix.get_value() };

    view! {
        <div class="ap-app" lang=move || lang.get().code() data-view=move || view.get().as_str()>
            <Header dataset=d() lang=lang view=view on_action=dispatch/>
            {toolbar.then(|| view! { <Toolbar dataset=d() selection=selection day=day lang=lang src=src links=links.clone()/> })}
            <AsOf dataset=d() extent=extent day=day lang=lang on_action=dispatch/>
            {move || match view.get() {
                View::Visual => view! {
                    <Timeline dataset=d() extent=extent selection=selection day=day lang=lang span=span on_action=dispatch/>
                    <div class="ap-main">
                        <TileGrid dataset=d() selection=selection day=day lang=lang on_action=dispatch/>
                        <Detail dataset=d() extent=extent selection=selection day=day lang=lang on_action=dispatch/>
                    </div>
                }.into_any(),
                View::Text => view! {
                    <div class="ap-main ap-main--text">
                        <TextView dataset=d() selection=selection day=day lang=lang on_action=dispatch/>
                        <Detail dataset=d() extent=extent selection=selection day=day lang=lang on_action=dispatch/>
                    </div>
                }.into_any(),
            }}
            <PrintView dataset=d() day=day lang=lang links=links/>
        </div>
    }
}

//! The explorer: holds the one [`ViewState`], applies the [`Action`]s its components report
//! (the rules are in `view_state.rs`), and mirrors the state in the URL hash.

use super::asof::{AsOf, AsOfSummary};
use super::detail::Detail;
use super::find::{ChangeList, FindBar, Play};
use super::fit::{fitting, Fitting};
use super::header::Header;
use super::print_view::PrintView;
use super::text_view::TextView;
use super::tile_grid::TileGrid;
use super::timeline::Timeline;
use super::toolbar::{Links, Toolbar};
use super::ui::{current_hash, today};
use crate::config::Config;
use crate::date::DayNum;
use crate::find::{Filter, Haystacks, Matches};
use crate::hash;
use crate::i18n::{t, Key};
use crate::model::Dataset;
use crate::view_state::{reduce, Action, Ctx, History, View, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

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

/// Back/Forward and edited links come back as navigation to the view the URL holds (which
/// replaces, never pushes). A copy of the app that has panicked is replaced by a fresh one: its
/// listeners stay on the window but do nothing.
fn follow_links(dispatch: Callback<Action>, opening: impl Fn(&str) -> ViewState + Copy + 'static) {
    let on_nav = move || {
        if crate::lifecycle::alive() {
            dispatch.run(Action::Navigate(opening(&current_hash())));
        }
    };
    let a = window_event_listener(leptos::ev::popstate, move |_| on_nav());
    let b = window_event_listener(leptos::ev::hashchange, move |_| on_nav());
    on_cleanup(move || {
        a.remove();
        b.remove();
    });
}

/// What the filters show and the search finds, computed once per change of the filter, the
/// query or the language, never per mark.
#[derive(Clone, Copy)]
struct Found {
    /// The events shown, ascending (`None`: all).
    shown: Signal<Option<Arc<Vec<usize>>>>,
    matches: Signal<Option<Arc<Matches>>>,
    /// How many shown events match (`None`: no search).
    match_count: Signal<Option<usize>>,
}

fn found(
    ds: StoredValue<Arc<Dataset>>,
    filter: Signal<Filter>,
    query: Signal<String>,
    lang: Signal<crate::i18n::Lang>,
) -> Found {
    let shown: Signal<Option<Arc<Vec<usize>>>> = Memo::new(move |_: Option<&Option<Arc<Vec<usize>>>>| {
        let f: Filter = filter.get();
        (!f.is_empty()).then(|| Arc::new(ds.with_value(|ds| f.shown(ds))))
    })
    .into();
    let haystacks = StoredValue::new(None::<Arc<Haystacks>>);
    let matches: Signal<Option<Arc<Matches>>> = Memo::new(move |_: Option<&Option<Arc<Matches>>>| {
        let q = query.get();
        if q.trim().is_empty() {
            return None;
        }
        let code = lang.get().code();
        let h = match haystacks.get_value() {
            Some(h) if h.lang == code => h,
            _ => {
                let h = Arc::new(ds.with_value(|ds| Haystacks::build(ds, code)));
                haystacks.set_value(Some(h.clone()));
                h
            }
        };
        h.search(&q).map(Arc::new)
    })
    .into();
    let match_count: Signal<Option<usize>> = Signal::from(Memo::new(move |_| {
        matches.with(|m| {
            m.as_ref().map(|m| match shown.get().as_deref() {
                Some(v) => m.count_in(v),
                None => m.events.iter().filter(|x| **x).count(),
            })
        })
    }));
    Found { shown, matches, match_count }
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
    let opening =
        move |hash: &str| ds.with_value(|ds| config.with_value(|c| Ctx { ds, extent }.initial(c, hash, today)));
    let first = opening(&if use_hash { current_hash() } else { String::new() });
    // The view recovered after a panic is the opening one only; links and Back/Forward rule after.
    config.update_value(|c| c.recover = None);
    let state = RwSignal::new(first.clone());

    let record = move |s: &ViewState, history: History| {
        if use_hash {
            ds.with_value(|ds| prefix.with_value(|p| write_url(&Ctx { ds, extent }, s, p.as_deref(), history)));
        }
    };
    // Play steps through `step`; every other action (`dispatch`) stops it.
    let playing = RwSignal::new(false);
    let step = Callback::new(move |a: Action| {
        let t = ds.with_value(|ds| reduce(&Ctx { ds, extent }, &state.get_untracked(), a));
        if t.history != History::Keep {
            record(&t.state, t.history);
            state.set(t.state);
        }
    });
    // (The timeline reports its own scrolling as a span; that is not the user's doing. A user's
    // scroll or zoom stops play through the pointer, wheel and key listeners below.)
    let dispatch = Callback::new(move |a: Action| {
        if playing.get_untracked() && !matches!(a, Action::ShowSpan(..)) {
            playing.set(false);
        }
        step.run(a);
    });
    if use_hash {
        // The opening view gets its full URL in place.
        record(&first, History::Replace);
        follow_links(dispatch, opening);
    }

    // Each field as its own memo: a date move wakes only what shows the date.
    let selection = Signal::from(Memo::new(move |_| state.with(|s| s.selection)));
    let day = Signal::from(Memo::new(move |_| state.with(|s| s.day)));
    let view = Memo::new(move |_| state.with(|s| s.view));
    let lang: Signal<crate::i18n::Lang> = Memo::new(move |_| state.with(|s| s.lang)).into();
    let span: Signal<Option<(DayNum, DayNum)>> = Memo::new(move |_| state.with(|s| s.span)).into();
    // Search, filters, comparison. The filtered index list and the matches are computed once
    // per change of the filter or the query, never per mark.
    let query: Signal<String> = Memo::new(move |_| state.with(|s| s.query.clone())).into();
    let filter: Signal<Filter> = Memo::new(move |_| state.with(|s| s.filter)).into();
    let compare: Signal<Option<DayNum>> = Memo::new(move |_| state.with(|s| s.compare)).into();
    let find_open = Memo::new(move |_| state.with(|s| s.find_open));
    let finds_on = Memo::new(move |_| state.with(|s| s.finds_on()));

    // The space the instance fits, the compact layout and the timeline's lanes.
    let app_ref = NodeRef::<leptos::html::Div>::new();
    let Fitting { fit, lanes } = fitting(config.with_value(|c| c.fit_height), app_ref, move || {
        lang.track();
        find_open.track();
        view.track();
    });
    let Found { shown, matches, match_count } = found(ds, filter, query, lang);
    // Where play stops: the last event the filters show.
    let all_last = dataset.events.last().map(|e| e.start.first_day()).unwrap_or(extent.0);
    let last_start = Signal::derive(move || match shown.get() {
        Some(v) => v
            .last()
            .and_then(|&i| ds.with_value(|ds| ds.events.get(i).map(|e| e.start.first_day())))
            .unwrap_or(extent.0),
        None => all_last,
    });
    // Each component gets the dataset's Arc (a pointer copy) from the one store.
    let d = move || ds.get_value();
    let (toolbar, src) = config.with_value(|c| (c.toolbar, c.src.clone()));
    let links = Links { use_hash, prefix: prefix.get_value() };
    // Any key or pointer press outside the play button stops play.
    let stop_play = move |ev: web_sys::Event| {
        use wasm_bindgen::JsCast;
        let on_play = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".ap-play").ok().flatten())
            .is_some();
        if !on_play && playing.get_untracked() {
            playing.set(false);
        }
    };

    // The view shown, in the hash's words: what a fresh copy of the app reopens if this one
    // ever panics (see `embed::install_panic_hook`).
    let shown_state = move || ds.with_value(|ds| hash::print(&Ctx { ds, extent }.to_hash(&state.get()), None, ""));
    view! {
        <div class="ap-app" node_ref=app_ref lang=move || lang.get().code() data-view=move || view.get().as_str()
            data-hash-state=shown_state
            class:ap-app--playing=move || playing.get()
            class:ap-app--compact=move || fit.get().compact
            on:keydown=move |ev| stop_play(ev.into()) on:pointerdown=move |ev| stop_play(ev.into())
            on:wheel=move |ev| stop_play(ev.into())>
            <Header dataset=d() lang=lang view=view on_action=dispatch/>
            // One row: the as-of slider and steps, play, the find toggle and the toolbar.
            <div class="ap-bar">
                <AsOf extent=extent day=day lang=lang on_action=dispatch/>
                <Play last=last_start day=day lang=lang playing=playing on_action=step/>
                <button type="button" class="ap-button ap-button--small ap-disclose" data-testid="find-toggle"
                    aria-expanded=move || find_open.get().to_string()
                    on:click=move |_| dispatch.run(Action::SetFindOpen(!find_open.get_untracked()))>
                    {move || t(Key::FindAndFilter, lang.get())}
                    {move || (finds_on.get() > 0).then(|| format!(" ({})", finds_on.get()))}
                </button>
                {toolbar.then(|| view! { <Toolbar dataset=d() selection=selection day=day lang=lang src=src links=links.clone() shown=shown
                    span=span text_view=Signal::derive(move || view.get() == View::Text)/> })}
            </div>
            <div class="ap-findwrap" hidden=move || !find_open.get()>
                <FindBar dataset=d() extent=extent lang=lang query=query filter=filter compare=compare day=day
                    match_count=match_count on_action=dispatch/>
            </div>
            {move || match view.get() {
                View::Visual => view! {
                    <Timeline dataset=d() extent=extent selection=selection day=day lang=lang span=span on_action=dispatch
                        shown=shown matches=matches filter=filter lanes=lanes/>
                    <div class="ap-main">
                        <div class="ap-mapcol">
                            <AsOfSummary dataset=d() day=day lang=lang/>
                            <TileGrid dataset=d() selection=selection day=day lang=lang on_action=dispatch
                                compare=compare matches=matches/>
                        </div>
                        <Detail dataset=d() extent=extent selection=selection day=day lang=lang on_action=dispatch/>
                    </div>
                    <ChangeList dataset=d() day=day compare=compare lang=lang/>
                }.into_any(),
                View::Text => view! {
                    <AsOfSummary dataset=d() day=day lang=lang/>
                    <div class="ap-main ap-main--text">
                        <TextView dataset=d() selection=selection day=day lang=lang on_action=dispatch
                            shown=shown matches=matches query=query filter=filter/>
                        <Detail dataset=d() extent=extent selection=selection day=day lang=lang on_action=dispatch/>
                    </div>
                    <ChangeList dataset=d() day=day compare=compare lang=lang/>
                }.into_any(),
            }}
            <PrintView dataset=d() day=day lang=lang links=links/>
        </div>
    }
}

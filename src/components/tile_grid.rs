//! The map-style list of states: equal tiles placed like a map, coloured (and labelled) by role
//! as of the chosen date. Arrow keys move between tiles in grid order; Enter or Space selects.

use super::ui::focus_item;
use crate::date::DayNum;
use crate::export::state_name;
use crate::find::Matches;
use crate::grid::{layout, neighbour, reading_order, Pin};
use crate::hyphen::soft_hyphens;
use crate::i18n::{event_role_name, role_name, role_short, t, Key, Lang};
use crate::model::{Dataset, Role, StateIx};
use crate::query;
use crate::view_state::{roving_stop, Action, Selection};
use leptos::prelude::*;
use std::sync::Arc;

/// The tile map with its legend.
#[component]
pub fn TileGrid(
    dataset: Arc<Dataset>,
    #[prop(into)] selection: Signal<Selection>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    on_action: Callback<Action>,
    /// A second date: each tile shows its change between the two.
    #[prop(into, optional)]
    compare: Signal<Option<crate::date::DayNum>>,
    /// A search's result: matching states are marked.
    #[prop(into, optional)]
    matches: Signal<Option<Arc<Matches>>>,
) -> impl IntoView {
    let pins: Vec<Pin> =
        dataset.states.iter().map(|s| Pin { lat: s.capital.lat, lon: s.capital.lon, fixed: s.grid }).collect();
    let l = layout(&pins);
    let (cells, cols, rows) = (l.cells, l.cols, l.rows);
    let ds = StoredValue::new(dataset);
    // Each state's change, computed once per date pair (not per tile).
    let changes = Memo::new(move |_| {
        let c = compare.get()?;
        let d = day.get();
        Some(ds.with_value(|ds| crate::compare::diff(ds, c, d)))
    });
    let order = reading_order(&cells);
    // The single tab stop: where the arrow keys last moved (until the selection changes),
    // else the selected tile, else the first in reading order.
    let first = order.first().copied().unwrap_or(0);
    let selected_ix = Memo::new(move |_| selection.get().state().map(|i| i.0));
    let moved = RwSignal::new(None::<(usize, Option<usize>)>);
    let focus_idx = Memo::new(move |_| roving_stop(selected_ix.get(), moved.get(), first));
    let grid_ref = NodeRef::<leptos::html::Ul>::new();
    let cells_k = cells.clone();
    let order_k = order.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let cur = focus_idx.get_untracked();
        let (dc, dr) = match ev.key().as_str() {
            "ArrowRight" => (1, 0),
            "ArrowLeft" => (-1, 0),
            "ArrowDown" => (0, 1),
            "ArrowUp" => (0, -1),
            _ => return,
        };
        ev.prevent_default();
        let Some(grid) = grid_ref.get_untracked() else { return };
        // The tile drawn next in that direction (the grid reflows into a list on narrow
        // screens); by map cell when nothing is laid out.
        if let Some(next) = nearest_drawn(&grid, &order_k, cur, dc, dr).or_else(|| neighbour(&cells_k, cur, dc, dr)) {
            moved.set(Some((next, selected_ix.get_untracked())));
            focus_item(&grid, next);
        }
    };
    let any_last_record = ds.with_value(|ds| ds.states.iter().any(|s| s.roles.iter().any(|r| r.span.last_record)));
    let g = Grid { ds, selection, day, lang, on_action, changes, matches, focus_idx };
    let tiles = order.into_iter().map(|i| tile(g, i, cells[i])).collect_view();
    view! {
        <section class="ap-map" aria-label=move || t(Key::States, lang.get())>
            <ul class="ap-grid" node_ref=grid_ref on:keydown=on_key
                style:grid-template-columns=format!("repeat({cols},minmax(0,1fr))") style:grid-template-rows=format!("repeat({rows},auto)")>
                {tiles}
            </ul>
            <ul class="ap-legend ap-legend--roles" aria-label=move || t(Key::Legend, lang.get())>
                {Role::ALL.iter().rev().map(|&r| view! {
                    <li class="ap-legend__item">
                        <span class=format!("ap-swatch ap-role--{}", r.as_str()) aria-hidden="true"></span>
                        {move || role_name(r, lang.get())}
                    </li>
                }).collect_view()}
                <li class="ap-legend__item">
                    <span class="ap-swatch ap-role--none" aria-hidden="true"></span>
                    {move || t(Key::NoRole, lang.get())}
                </li>
                {any_last_record.then(|| view! {
                    <li class="ap-legend__item">
                        <span class="ap-legend__mark" aria-hidden="true">"?"</span>
                        {move || t(Key::NoLaterRecord, lang.get())}
                    </li>
                })}
            </ul>
        </section>
    }
}

/// What every tile reads.
#[derive(Clone, Copy)]
struct Grid {
    ds: StoredValue<Arc<Dataset>>,
    selection: Signal<Selection>,
    day: Signal<DayNum>,
    lang: Signal<Lang>,
    on_action: Callback<Action>,
    changes: Memo<Option<Vec<crate::compare::StateChange>>>,
    matches: Signal<Option<Arc<Matches>>>,
    focus_idx: Memo<usize>,
}

/// State `i`'s tile, in map cell `(c, r)`.
fn tile(g: Grid, i: usize, (c, r): (i32, i32)) -> impl IntoView {
    let Grid { ds, selection, day, lang, on_action, changes, matches, focus_idx } = g;
    let code = ds.with_value(|ds| ds.states[i].code.clone());
    // Computed once per change, not once per attribute that shows them.
    let role_span = Memo::new(move |_| {
        let d = day.get();
        ds.with_value(|ds| query::role_on(&ds.states[i], d).map(|r| (r.role, r.span.after_record(d))))
    });
    let role = Memo::new(move |_| role_span.get().map(|r| r.0));
    // The role is only the last one on record: the sources stop before this day.
    let stale = move || role_span.get().is_some_and(|r| r.1);
    let event_role = Memo::new(move |_| {
        selection.get().event().and_then(|e| ds.with_value(|ds| query::role_at(&ds.events[e.0], &ds.states[i].code)))
    });
    let name =
        Memo::new(move |_| ds.with_value(|ds| state_name(ds, &ds.states[i].code, day.get(), lang.get()).to_string()));
    let role = move || role.get();
    let event_role = move || event_role.get();
    let name = move || name.get();
    // Shown: the short role word (hyphenated where the tile is narrow); the rest of the
    // full role is read out with it, so the name always holds the visible words.
    let role_words = move || {
        let l = lang.get();
        match role() {
            Some(r) => {
                let (short, full) = (role_short(r, l), role_name(r, l));
                let mut rest = match full.strip_prefix(short) {
                    Some(rest) => rest.to_string(),
                    None => format!(" ({full})"),
                };
                // The "?" a stale tile shows (CSS) is said in words.
                if stale() {
                    rest.push_str(", ");
                    rest.push_str(t(Key::NoLaterRecord, l));
                }
                (soft_hyphens(short, l), rest)
            }
            None => (soft_hyphens(t(Key::NoRole, l), l), String::new()),
        }
    };
    let selected = move || selection.get() == Selection::State(StateIx(i));
    let change = move || changes.with(|c| c.as_ref().map(|c| c[i].kind()));
    let chair_change =
        move || changes.with(|c| c.as_ref().map(|c| c[i].chair)).filter(|c| *c != crate::compare::ChairChange::Same);
    let matched = move || matches.with(|m| m.as_ref().map(|m| m.state(i)));
    let event_selected = move || selection.get().event().is_some();
    view! {
        <li class="ap-grid__cell" style:grid-column=(c + 1).to_string() style:grid-row=(r + 1).to_string()>
            // Named by its content (code, name, role, role at the selected event): what
            // the tile shows is what a speech-input user says.
            <button type="button"
                // One class string: a reactive `class` beside `class:` toggles would
                // overwrite them whenever the role changes.
                class=move || {
                    let mut c = String::from("ap-tile ap-role--");
                    c.push_str(role().map(|r| r.as_str()).unwrap_or("none"));
                    let er = event_role();
                    if selected() { c.push_str(" ap-tile--selected"); }
                    if er.is_some() { c.push_str(" ap-tile--highlight"); }
                    if event_selected() && er.is_none() { c.push_str(" ap-tile--dimmed"); }
                    if let Some(k) = change() { c.push_str(" ap-tile--chg ap-tile--chg-"); c.push_str(k.as_str()); }
                    if matched() == Some(true) { c.push_str(" ap-tile--match"); }
                    if stale() { c.push_str(" ap-tile--stale"); }
                    c
                }
                data-testid="tile"
                data-state=code.clone()
                data-role=move || role().map(|r| r.as_str()).unwrap_or("none")
                data-event-role=move || event_role().map(|r| r.as_str()).unwrap_or("")
                data-idx=i.to_string()
                data-change=move || change().map(|k| k.as_str()).unwrap_or("")
                data-chair-change=move || match chair_change() {
                    Some(crate::compare::ChairChange::Became) => "became",
                    Some(_) => "ceased",
                    None => "",
                }
                data-match=move || matched().map(|m| m.to_string()).unwrap_or_default()
                tabindex=move || if focus_idx.get() == i { "0" } else { "-1" }
                aria-pressed=move || selected().to_string()
                on:click=move |_| on_action.run(Action::SelectState(StateIx(i)))>
                <span class="ap-tile__code">{code.clone()}</span>" "
                <span class="ap-tile__name">{move || soft_hyphens(&name(), lang.get())}</span>" "
                <span class="ap-tile__role">
                    {move || role_words().0}
                    <span class="ap-visually-hidden">{move || role_words().1}</span>
                </span>
                {move || change().map(|k| view! {
                    <span class="ap-tile__change" data-testid="tile-change">
                        <span class="ap-visually-hidden">", "</span>
                        <span aria-hidden="true">{crate::compare::kind_glyph(k)}" "</span>
                        {crate::compare::kind_word(k, lang.get())}
                    </span>
                })}
                {move || chair_change().map(|c| view! {
                    <span class="ap-tile__change" data-testid="tile-chair-change">
                        <span class="ap-visually-hidden">", "</span>
                        <span aria-hidden="true">"♛ "</span>
                        {crate::compare::chair_word(c, lang.get())}
                    </span>
                })}
                // A search match shows as a highlight: said in words too.
                {move || (matched() == Some(true)).then(|| view! {
                    <span class="ap-visually-hidden">{format!(", {}", t(Key::Matches, lang.get()))}</span>
                })}
                {move || event_role().map(|er| view! {
                    <span class="ap-tile__badge" data-testid="tile-badge">
                        <span class="ap-visually-hidden">", "</span>
                        <span aria-hidden="true">"★ "</span>
                        {soft_hyphens(event_role_name(er, lang.get()), lang.get())}
                        <span class="ap-visually-hidden">{format!(" {}", t(Key::AtSelectedEvent, lang.get()))}</span>
                    </span>
                })}
            </button>
        </li>
    }
}

/// The tile drawn nearest to tile `from` in the direction (dc, dr), preferring tiles in line
/// with it; `None` when there is none or nothing is laid out. The grid's items are in reading
/// order (`order`).
fn nearest_drawn(grid: &web_sys::Element, order: &[usize], from: usize, dc: i32, dr: i32) -> Option<usize> {
    let mut centres = Vec::with_capacity(order.len());
    let mut item = grid.first_element_child();
    while let Some(el) = item {
        let r = el.get_bounding_client_rect();
        centres.push((r.x() + r.width() / 2.0, r.y() + r.height() / 2.0));
        item = el.next_element_sibling();
    }
    let (x0, y0) = *centres.get(order.iter().position(|&i| i == from)?)?;
    let mut best: Option<(usize, f64)> = None;
    for (k, &(x, y)) in centres.iter().enumerate() {
        let (dx, dy) = (x - x0, y - y0);
        let (along, across) = if dc != 0 { (dx * dc as f64, dy.abs()) } else { (dy * dr as f64, dx.abs()) };
        // Strictly ahead (tiles in one row or column share their centre line).
        let score = along + 3.0 * across;
        if along > 4.0 && best.is_none_or(|(_, s)| score < s) {
            best = Some((order[k], score));
        }
    }
    best.map(|b| b.0)
}

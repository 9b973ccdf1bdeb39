//! The text equivalents of the visuals: an ordered list of events and a table of states by
//! role as of the chosen date.

use crate::date::DayNum;
use crate::export::{self, state_name, txt};
use crate::i18n::{event_role_name, format_range, level_name, t, Key, Lang};
use crate::model::{Dataset, EventIx, StateIx};
use crate::query;
use crate::view_state::{roving_stop, Action, Selection};
use leptos::prelude::*;
use std::sync::Arc;

/// Events per page of the list: a long dataset's list is paged, not built whole.
const PAGE: usize = 200;

/// Events list and states table.
#[component]
pub fn TextView(
    dataset: Arc<Dataset>,
    #[prop(into)] selection: Signal<Selection>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    on_action: Callback<Action>,
    /// The events shown, ascending (`None`: all).
    #[prop(into, optional)]
    shown: Signal<Option<Arc<Vec<usize>>>>,
    /// A search's result: matching events are marked.
    #[prop(into, optional)]
    matches: Signal<Option<Arc<crate::find::Matches>>>,
    /// The query, for highlighting the words found.
    #[prop(into, optional)]
    query: Signal<String>,
    /// The filter (for the attending state's role).
    #[prop(into, optional)]
    filter: Signal<crate::find::Filter>,
) -> impl IntoView {
    let ds = StoredValue::new(dataset);
    let sel_event = super::ui::selector(move || selection.try_get().map(|s| s.event()));
    // The page shown: the one the user turned to (until the selection changes), else the
    // selected event's, else the first.
    let all_events = ds.with_value(|ds| ds.events.len());
    // The list: the shown events (a position in it is a page's item).
    let list_len = Memo::new(move |_| shown.with(|sh| sh.as_ref().map_or(all_events, |v| v.len())));
    let pages_m = Memo::new(move |_| list_len.get().div_ceil(PAGE).max(1));
    let selected_page = Memo::new(move |_| {
        let e = selection.get().event()?.0;
        shown
            .with(|sh| match sh {
                Some(v) => v.binary_search(&e).ok(),
                None => Some(e),
            })
            .map(|p| p / PAGE)
    });
    let turned = RwSignal::new(None::<(usize, Option<usize>)>);
    let page = Memo::new(move |_| roving_stop(selected_page.get(), turned.get(), 0).min(pages_m.get() - 1));
    let turn = move |p: usize| turned.set(Some((p, selected_page.get_untracked())));
    let events = move || {
        let sh = shown.get();
        let att = filter.get().attended;
        let l = lang.get();
        let first = page.get() * PAGE;
        let terms = crate::find::terms(&query.get());
        let list: Vec<usize> = match sh {
            Some(v) => v.iter().copied().skip(first).take(PAGE).collect(),
            None => (first..all_events.min(first + PAGE)).collect(),
        };
        ds.with_value(|ds| {
            list.into_iter()
                .map(|i| (i, &ds.events[i]))
                .map(|(i, e)| {
                    let matched = matches.with(|m| m.as_ref().map(|m| m.event(i)));
                    let title = txt(ds, &e.title, l).to_string();
                    let title_view = highlighted(&title, &terms);
                    let att_role = att.and_then(|s| ds.states.get(s.0)).and_then(|st| {
                        query::role_at(e, &st.code).map(|r| {
                            let mut t = state_name(ds, &st.code, e.start.first_day(), l).to_string();
                            t.push_str(": ");
                            t.push_str(event_role_name(r, l));
                            t
                        })
                    });
                    let date = format_range(&e.start, e.end.as_ref(), l);
                    let sel_event = sel_event.clone();
                    let selected = Memo::new(move |_| sel_event.selected(&Some(EventIx(i))));
                    let who: Vec<String> = e
                        .participants
                        .iter()
                        .map(|p| format!("{} ({})", state_name(ds, &p.state, e.start.first_day(), l), event_role_name(p.role, l)))
                        .collect();
                    view! {
                        <li class="ap-list__item" data-testid="event-item" data-event-id=e.id.clone()
                            class:ap-list__item--selected=selected
                            class:ap-list__item--match=matched == Some(true)
                            data-match=matched.map(|m| m.to_string()).unwrap_or_default()>
                            <time datetime=e.start.to_string()>{date}</time>
                            {e.uncertain.then(|| view! { " (" {t(Key::Uncertain, l)} ")" })}
                            " · "{level_name(e.level, l)}
                            <br/>
                            <button type="button" class="ap-link ap-list__title" aria-pressed=move || selected.get().to_string()
                                on:click=move |_| on_action.run(Action::SelectEvent(EventIx(i)))>
                                {title_view}
                            </button>
                            {(matched == Some(true)).then(|| view! { <span class="ap-visually-hidden">" ("{t(Key::Matches, l)}")"</span> })}
                            {att_role.map(|r| view! { <p class="ap-list__role" data-testid="attended-role">{r}</p> })}
                            {(!who.is_empty()).then(|| view! {
                                <p class="ap-list__who">{t(Key::Participants, l)}": "{who.join(", ")}</p>
                            })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let rows = move || {
        let (l, d) = (lang.get(), day.get());
        ds.with_value(|ds| state_rows(ds, d, l, on_action))
    };
    view! {
        <div class="ap-text">
            <section aria-label=move || t(Key::Events, lang.get())>
                <h2 class="ap-h2">{move || t(Key::Events, lang.get())}</h2>
                {move || (pages_m.get() > 1).then(|| view! {
                    <nav class="ap-pager" data-testid="pager" aria-label=move || t(Key::Pages, lang.get())>
                        <button type="button" class="ap-button ap-button--small" data-testid="page-prev"
                            disabled=move || page.get() == 0 on:click=move |_| turn(page.get_untracked().saturating_sub(1))>
                            {move || t(Key::PrevPage, lang.get())}
                        </button>
                        <span class="ap-pager__where" aria-live="polite" data-testid="page-where">{move || {
                            let a = page.get() * PAGE;
                            let n = list_len.get();
                            crate::i18n::range_of(a + 1, (a + PAGE).min(n), n, lang.get())
                        }}</span>
                        <button type="button" class="ap-button ap-button--small" data-testid="page-next"
                            disabled=move || page.get() + 1 >= pages_m.get() on:click=move |_| turn((page.get_untracked() + 1).min(pages_m.get_untracked() - 1))>
                            {move || t(Key::NextPage, lang.get())}
                        </button>
                    </nav>
                })}
                <ol class="ap-list" data-testid="event-list" start=move || (page.get() * PAGE + 1).to_string()>{events}</ol>
            </section>
            <section>
                <h2 class="ap-h2">{move || t(Key::StatesTable, lang.get())}</h2>
                <table class="ap-table" data-testid="state-table">
                    <caption>{move || ds.with_value(|ds| {
                        let d = day.get();
                        crate::i18n::as_of_sentence(d, &query::summary_on(ds, d), lang.get())
                    })}</caption>
                    <thead><tr>
                        <th scope="col">{move || t(Key::State, lang.get())}</th>
                        <th scope="col">{move || t(Key::Code, lang.get())}</th>
                        <th scope="col">{move || t(Key::Role, lang.get())}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </div>
    }
}

/// The states table's rows on day `d`: strongest role first, then by name (as the exports and
/// the printout order them), each state a button that selects it.
fn state_rows(ds: &Dataset, d: DayNum, l: Lang, on_action: Callback<Action>) -> impl IntoView {
    // The order and the words of the exports and the printout (`export`).
    let rows = export::states_by_role(ds, d, l);
    let chair = query::chair_on(ds, d).map(|c| c.state.clone());
    rows.into_iter()
        .map(|(i, span)| {
            let s = &ds.states[i];
            let role = span.map(|r| r.role);
            let is_chair = chair.as_deref() == Some(s.code.as_str());
            view! {
                <tr data-testid="state-row" data-state=s.code.clone() data-role=role.map(|r| r.as_str()).unwrap_or("none")>
                    <th scope="row">
                        <button type="button" class="ap-link" on:click=move |_| on_action.run(Action::SelectState(StateIx(i)))>
                            {state_name(ds, &s.code, d, l).to_string()}
                        </button>
                    </th>
                    <td>{s.code.clone()}</td>
                    <td>{export::role_label(span, d, l)}
                        {is_chair.then(|| view! { " · " <strong>{t(Key::Chair, l)}</strong> })}</td>
                </tr>
            }
        })
        .collect_view()
}

/// A title with the words found wrapped in `<mark>`.
fn highlighted(text: &str, terms: &[String]) -> AnyView {
    let ranges = crate::find::highlights(text, terms);
    if ranges.is_empty() {
        return text.to_string().into_any();
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for (a, b) in ranges {
        if a > at {
            parts.push(text[at..a].to_string().into_any());
        }
        parts.push(view! { <mark class="ap-mark">{text[a..b].to_string()}</mark> }.into_any());
        at = b;
    }
    if at < text.len() {
        parts.push(text[at..].to_string().into_any());
    }
    parts.into_any()
}

//! The detail panel: the selected event (date, place, level, summary, participants with
//! roles, outcome documents, sources, disputes) or the selected state (names over time, role
//! history, chair terms, events attended, sources).

use super::ui::{text_view, time_view};
use crate::date::DayNum;
use crate::export::{self, state_name, txt};
use crate::i18n::{
    confidence_name, event_role_name, format_range, level_glyph, level_name, org_event_role_name, role_name,
    role_short, t, Key, Lang,
};
use crate::model::{Dataset, EventIx, StateIx, SubjectKind};
use crate::query;
use crate::validate::is_http_link;
use crate::view_state::{Action, Selection};
use leptos::prelude::*;
use std::sync::Arc;

/// What the panel needs besides the dataset and the language.
#[derive(Clone, Copy)]
struct Env {
    day: DayNum,
    extent: (DayNum, DayNum),
    on_action: Callback<Action>,
    panel: Panel,
}

type Panel = NodeRef<leptos::html::Aside>;

/// After a link inside the panel replaced the panel's content, puts keyboard focus on the new
/// title, so focus is not dropped to the page.
/// `article` selects the article the new title is in (`[data-event-id="…"]`), so the old one,
/// still there until the re-render, is never the one focused.
fn focus_title_soon(panel: Panel, article: String) {
    let title = format!("{article} .ap-detail__title");
    // The panel may be gone by then (its instance unmounted): nothing to focus.
    let focus = move || {
        use wasm_bindgen::JsCast;
        panel
            .try_get_untracked()
            .flatten()
            .and_then(|p| p.query_selector(&title).ok().flatten())
            .map(|h| h.unchecked_into::<web_sys::HtmlElement>().focus())
            .is_some()
    };
    // Queued after the re-render the selection has just scheduled (tasks run in order), so
    // focus moves before the browser does anything else; a frame later as a fallback.
    let focus = std::rc::Rc::new(focus);
    leptos::task::spawn_local(async move {
        if !focus() {
            request_animation_frame(move || {
                focus();
            });
        }
    });
}

/// A CSS percentage with one decimal, without float formatting.
fn percent(x: f64) -> String {
    let v = (x * 10.0).round() as i64;
    format!("{}.{}%", v / 10, v % 10)
}

/// A link, only when it is http(s); otherwise plain text.
fn link(url: &str, label: String) -> AnyView {
    if is_http_link(url) {
        view! { <a href=url.to_string() rel="noopener noreferrer" target="_blank">{label}</a> }.into_any()
    } else {
        view! { <span>{label}</span> }.into_any()
    }
}

/// Source ids as a compact list of citations.
fn citations(ds: &Dataset, ids: &[String], lang: Lang) -> AnyView {
    view! {
        <span class="ap-cite">
            {ids.iter().map(|id| {
                let title = ds.source(id).map(|s| txt(ds, &s.title, lang).to_string()).unwrap_or_default();
                view! { <abbr class="ap-cite__id" title=title>{format!("[{id}]")}</abbr> " " }
            }).collect_view()}
        </span>
    }
    .into_any()
}

/// Full list of the sources cited.
fn source_list(ds: &Dataset, ids: &[String], lang: Lang) -> AnyView {
    let mut seen: Vec<&String> = Vec::new();
    for id in ids {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    view! {
        <ul class="ap-sources" data-testid="sources">
            {seen.into_iter().filter_map(|id| ds.source(id)).map(|s| {
                let title = txt(ds, &s.title, lang).to_string();
                let publisher = txt(ds, &s.publisher, lang).to_string();
                view! {
                    <li>
                        <span class="ap-cite__id">{format!("[{}] ", s.id)}</span>
                        {match &s.url { Some(u) => link(u, title), None => view! { <span>{title}</span> }.into_any() }}
                        " — "{publisher}
                        {s.archived_url.as_ref().map(|a| view! { " (" {link(a, t(Key::Archived, lang).to_string())} ")" })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn disputes(ds: &Dataset, kind: SubjectKind, id: &str, lang: Lang) -> AnyView {
    let list: Vec<_> = ds.disputes_about(kind, id).collect();
    if list.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="ap-disputes" data-testid="disputes">
            <h3>{t(Key::Disputed, lang)}</h3>
            {list.into_iter().map(|d| view! {
                <div class="ap-dispute">
                    <p>{text_view(ds, &d.summary, lang)}</p>
                    <ul>
                        {d.readings.iter().map(|r| view! {
                            <li>{text_view(ds, &r.text, lang)}" "{citations(ds, &r.sources, lang)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </section>
    }
    .into_any()
}

fn event_detail(ds: &Dataset, i: usize, lang: Lang, env: Env) -> AnyView {
    let Env { on_action, panel, .. } = env;
    let e = &ds.events[i];
    let day = e.start.first_day();
    // The same words as the exports and the printout (`export`).
    let place = match export::place_line(ds, e, lang) {
        p if p.is_empty() => t(Key::PlaceUnknown, lang).to_string(),
        p => p,
    };
    let all_sources: Vec<String> = export::event_sources(ds, e).into_iter().map(String::from).collect();
    let date = format_range(&e.start, e.end.as_ref(), lang);
    view! {
        <article class="ap-detail__body" data-testid="event-detail" data-event-id=e.id.clone()>
            <p class="ap-detail__kicker">
                <span class=format!("ap-tl__glyph ap-lvl--{}", e.level.as_str()) aria-hidden="true">{level_glyph(e.level)}</span>
                " "{level_name(e.level, lang)}
            </p>
            <h2 class="ap-detail__title" tabindex="-1">{text_view(ds, &e.title, lang)}</h2>
            <dl class="ap-facts">
                <dt>{t(Key::Date, lang)}</dt>
                <dd>
                    <time datetime=e.start.to_string()>{date}</time>
                    {e.uncertain.then(|| view! { " (" {t(Key::Uncertain, lang)} ")" })}
                </dd>
                <dt>{t(Key::Place, lang)}</dt>
                <dd data-testid="event-place">{place}</dd>
                <dt>{t(Key::Confidence, lang)}</dt>
                <dd>{confidence_name(e.confidence, lang)}" "{citations(ds, &e.sources, lang)}</dd>
            </dl>
            <p class="ap-detail__summary">{text_view(ds, &e.summary, lang)}</p>
            {e.note.as_ref().map(|n| view! { <p class="ap-note">{text_view(ds, n, lang)}</p> })}
            {(!e.participants.is_empty()).then(|| view! {
                <h3>{t(Key::Participants, lang)}</h3>
                <ul class="ap-participants" data-testid="participants">
                    {e.participants.iter().map(|p| {
                        let code = p.state.clone();
                        let code_f = code.clone();
                        let idx: Option<StateIx> = ds.state_ix(&p.state);
                        view! {
                            <li data-state=code.clone() data-role=p.role.as_str()>
                                <button type="button" class="ap-link"
                                    on:click=move |_| if let Some(i) = idx { on_action.run(Action::SelectState(i)); focus_title_soon(panel, format!("[data-state=\"{}\"]", code_f)) }>
                                    {state_name(ds, &p.state, day, lang).to_string()}
                                </button>
                                " — "{event_role_name(p.role, lang)}
                                {(!p.sources.is_empty()).then(|| view! { " " {citations(ds, &p.sources, lang)} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!e.organisations.is_empty()).then(|| view! {
                <h3>{t(Key::Organisations, lang)}</h3>
                <ul class="ap-participants">
                    {e.organisations.iter().map(|o| {
                        let name = ds.organisation(&o.org).map(|x| txt(ds, &x.short, lang).to_string()).unwrap_or_else(|| o.org.clone());
                        view! { <li>{name}" — "{org_event_role_name(o.role, lang)}</li> }
                    }).collect_view()}
                </ul>
            })}
            {(!e.outcomes.is_empty()).then(|| view! {
                <h3>{t(Key::Outcomes, lang)}</h3>
                <ul class="ap-outcomes" data-testid="outcomes">
                    {e.outcomes.iter().map(|o| {
                        let title = txt(ds, &o.title, lang).to_string();
                        view! {
                            <li>
                                {match &o.url { Some(u) => link(u, title), None => view! { <span>{title}</span> }.into_any() }}
                                {o.archived_url.as_ref().map(|a| view! { " (" {link(a, t(Key::Archived, lang).to_string())} ")" })}
                                {(!o.sources.is_empty()).then(|| view! { " " {citations(ds, &o.sources, lang)} })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {disputes(ds, SubjectKind::Event, &e.id, lang)}
            <h3>{t(Key::Sources, lang)}</h3>
            {source_list(ds, &all_sources, lang)}
        </article>
    }
    .into_any()
}

fn state_detail(ds: &Dataset, i: usize, lang: Lang, env: Env) -> AnyView {
    let Env { day, extent, on_action, panel } = env;
    let s = &ds.states[i];
    let now_role = crate::export::role_label(query::role_on(s, day), day, lang);
    let terms = query::chair_terms_of(ds, &s.code);
    let events = query::events_of(ds, &s.code);
    let mut all_sources: Vec<String> = Vec::new();
    for n in &s.names {
        all_sources.extend(n.sources.iter().cloned());
    }
    for r in &s.roles {
        all_sources.extend(r.span.sources.iter().cloned());
    }
    for term in &terms {
        all_sources.extend(term.span.sources.iter().cloned());
    }
    let (lo, hi) = extent;
    let width = (hi - lo).max(1) as f64;
    let pct = |d: i32| ((d - lo) as f64 / width * 100.0).clamp(0.0, 100.0);
    view! {
        <article class="ap-detail__body" data-testid="state-detail" data-state=s.code.clone()>
            <p class="ap-detail__kicker">{s.code.clone()}" · "{text_view(ds, &s.capital.name, lang)}</p>
            <h2 class="ap-detail__title" tabindex="-1">{text_view(ds, &s.name_on(day).official, lang)}</h2>
            <p data-testid="state-role">
                {t(Key::AsOf, lang)}" "{crate::i18n::format_day(day, lang)}": "
                <strong>{now_role}</strong>
            </p>
            <h3>{t(Key::NamesOverTime, lang)}</h3>
            <ul class="ap-names">
                {s.names.iter().map(|n| view! {
                    <li>
                        {text_view(ds, &n.official, lang)}
                        {match (&n.from, &n.to) {
                            (None, None) => ().into_any(),
                            (f, to) => view! {
                                " ("{f.map(|f| crate::i18n::format_date(&f, lang)).unwrap_or_default()}
                                " – "{to.map(|x| crate::i18n::format_date(&x, lang)).unwrap_or_default()}")"
                            }.into_any(),
                        }}
                        " "{citations(ds, &n.sources, lang)}
                    </li>
                }).collect_view()}
            </ul>
            <h3>{t(Key::RoleHistory, lang)}</h3>
            <div class="ap-history" aria-hidden="true">
                {s.roles.iter().map(|r| {
                    let a = pct(r.span.from.first_day());
                    let b = r.span.to.map(|x| pct(x.last_day())).unwrap_or(100.0);
                    view! {
                        // The role's word if it fits the bar whole, else none (the list
                        // below says every role with its dates).
                        <div class=format!("ap-history__bar ap-fit ap-role--{}", r.role.as_str())
                            style:left=percent(a) style:width=percent((b - a).max(0.8))>
                            <span>{role_short(r.role, lang)}</span>
                        </div>
                    }
                }).collect_view()}
            </div>
            <ul class="ap-roles" data-testid="role-history">
                {s.roles.iter().map(|r| view! {
                    <li data-role=r.role.as_str()>
                        <strong>{role_name(r.role, lang)}</strong>": "
                        {time_view(&r.span.from, lang)}" – "
                        {match &r.span.to { Some(x) => time_view(x, lang).into_any(), None => t(Key::Ongoing, lang).into_any() }}
                        {r.span.last_record.then(|| view! { " ("{t(Key::LastOnRecord, lang)}")" })}
                        " "{citations(ds, &r.span.sources, lang)}
                        {r.span.note.as_ref().map(|n| view! { <span class="ap-note">" "{text_view(ds, n, lang)}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <h3>{t(Key::ChairTerms, lang)}</h3>
            <ul class="ap-chairs" data-testid="chair-terms">
                {if terms.is_empty() { view! { <li>{t(Key::None, lang)}</li> }.into_any() } else {
                    terms.iter().map(|term| view! {
                        <li data-term=term.id.clone()>
                            {time_view(&term.span.from, lang)}" – "
                            {match &term.span.to { Some(x) => time_view(x, lang).into_any(), None => t(Key::Ongoing, lang).into_any() }}
                            {term.chairperson.as_ref().map(|c| view! { " · " {text_view(ds, c, lang)} })}
                            " "{citations(ds, &term.span.sources, lang)}
                            {disputes(ds, SubjectKind::ChairTerm, &term.id, lang)}
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
            <h3>{t(Key::EventsAttended, lang)}</h3>
            <ul class="ap-attended" data-testid="events-attended">
                {events.iter().filter_map(|(e, role)| Some((ds.event_ix(&e.id)?, e, role))).map(|(idx, e, role)| {
                    let id_f = e.id.clone();
                    view! {
                        <li>
                            {time_view(&e.start, lang)}" · "
                            <button type="button" class="ap-link" on:click=move |_| { on_action.run(Action::SelectEvent(idx)); focus_title_soon(panel, format!("[data-event-id=\"{}\"]", id_f)) }>
                                {txt(ds, &e.title, lang).to_string()}
                            </button>
                            " — "{event_role_name(*role, lang)}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {disputes(ds, SubjectKind::State, &s.code, lang)}
            <h3>{t(Key::Sources, lang)}</h3>
            {source_list(ds, &all_sources, lang)}
        </article>
    }
    .into_any()
}

/// The detail panel for the current selection.
#[component]
pub fn Detail(
    dataset: Arc<Dataset>,
    /// First and last day of the timeline.
    extent: (DayNum, DayNum),
    #[prop(into)] selection: Signal<Selection>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    on_action: Callback<Action>,
) -> impl IntoView {
    let ds = StoredValue::new(dataset);
    let panel: Panel = NodeRef::new();
    view! {
        <aside class="ap-detail" node_ref=panel aria-live="polite" aria-label=move || t(Key::Detail, lang.get()) data-testid="detail">
            {move || {
                let lang = lang.get();
                let sel = selection.get();
                // A state's detail shows its role on the date, so it follows the date; an
                // event's does not.
                let day = if sel.state().is_some() { day.get() } else { day.get_untracked() };
                let env = Env { day, extent, on_action, panel };
                ds.with_value(|ds| match sel {
                    Selection::Event(EventIx(i)) if i < ds.events.len() => event_detail(ds, i, lang, env),
                    Selection::State(StateIx(i)) if i < ds.states.len() => state_detail(ds, i, lang, env),
                    _ => view! { <p class="ap-hint">{t(Key::SelectHint, lang)}</p> }.into_any(),
                })
            }}
        </aside>
    }
}

//! The editor's lists: the kinds of record, the records of one kind, the problems of the
//! draft and the changes since it was opened.

use super::text::{counts_line, kind_name, s, S};
use super::{Ed, Pane};
use crate::edit::changes::diff;
use crate::edit::records::{self, Kind};
use crate::edit::{counts, within};
use leptos::prelude::*;
use serde_json::Value;

/// Records listed at once; a filter narrows a longer list.
const MAX_LISTED: usize = 200;

/// A short label for a record: its date and title, or its name.
pub fn record_label(r: &Value, kind: Kind, lang: &str) -> String {
    // A text in `lang`, else in any language it has.
    let pick = |t: Option<&Value>| -> String {
        t.and_then(|t| t.get(lang).or_else(|| t.as_object().and_then(|m| m.values().next())))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let text = |k: &str| pick(r.get(k));
    let str_of = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    match kind {
        Kind::Event => format!("{} {}", str_of("start"), text("title")).trim().to_string(),
        Kind::State => {
            pick(r.get("names").and_then(Value::as_array).and_then(|n| n.last()).and_then(|n| n.get("short")))
        }
        Kind::ChairTerm => format!("{} {}", str_of("state"), str_of("from")).trim().to_string(),
        Kind::Source => text("title"),
        Kind::Dispute => text("summary").chars().take(80).collect(),
        Kind::Organisation => text("short"),
    }
}

/// The buttons that pick which list shows: the dataset's fields, then each kind of record.
#[component]
pub fn KindTabs() -> impl IntoView {
    let ed = Ed::get();
    let tab = move |kind: Option<Kind>| {
        let count = move || kind.map(|k| ed.draft.with(|d| records::records(d.doc(), k).len()));
        let bad = move || {
            let prefix = kind.map(|k| k.path().to_string());
            ed.checked.with(|c| {
                c.problems.iter().any(|p| match &prefix {
                    Some(pre) => within(p, pre),
                    None => Kind::ALL.iter().all(|k| !within(p, &k.path().to_string())),
                })
            })
        };
        let name = move || match kind {
            Some(k) => kind_name(k, ed.lang.get()),
            None => s(S::Dataset, ed.lang.get()),
        };
        view! {
            <li>
                <button type="button" class="ed-tab" aria-pressed=move || (ed.kind.get() == kind).to_string()
                    data-testid=format!("kind-{}", kind.map_or("dataset", |k| k.list()))
                    on:click=move |_| { ed.kind.set(kind); ed.selected.set(None); }>
                    {name}
                    {move || count().map(|n| view! { <span class="ed-count">{n}</span> })}
                    {move || bad().then(|| view! { <span class="ed-dot" aria-hidden="true">"●"</span> })}
                </button>
            </li>
        }
    };
    view! {
        <nav class="ed-kinds" aria-label=move || s(S::Records, ed.lang.get())>
            <ul>
                {tab(None)}
                {Kind::ALL.into_iter().map(|k| tab(Some(k))).collect_view()}
            </ul>
        </nav>
    }
}

/// The records of the kind shown, with a filter and an Add button.
#[component]
pub fn RecordList(kind: Kind) -> impl IntoView {
    let ed = Ed::get();
    let filter = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let lang = ed.lang.get();
        let q = filter.get().to_lowercase();
        ed.draft.with(|d| {
            let mut out = Vec::new();
            let mut more = 0;
            for (i, r) in records::records(d.doc(), kind).iter().enumerate() {
                let id = records::id_of(r, kind).unwrap_or("").to_string();
                let shown = record_label(r, kind, lang.code());
                if !q.is_empty() && !id.to_lowercase().contains(&q) && !shown.to_lowercase().contains(&q) {
                    continue;
                }
                if out.len() == MAX_LISTED {
                    more += 1;
                    continue;
                }
                out.push((i, id, shown));
            }
            (out, more)
        })
    });
    let add = move |_| {
        let (ops, at) = ed.draft.with_untracked(|d| records::add(d.doc(), kind));
        ed.edit(ops);
        ed.selected.set(Some(at));
        ed.focus.set(Some(kind.path().index(at).key(kind.id_key()).to_string()));
    };
    let filter_id = format!("ed-filter-{}", kind.list());
    view! {
        <div class="ed-records">
            <div class="ed-recordbar">
                <label class="ed-visually-hidden" for=filter_id.clone()>{move || s(S::Filter, ed.lang.get())}</label>
                <input type="search" id=filter_id class="ed-filter" placeholder=move || s(S::Filter, ed.lang.get())
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev))/>
                <button type="button" class="ed-button" on:click=add data-testid="add-record">
                    {move || format!("+ {}", s(S::Add, ed.lang.get()))}
                </button>
            </div>
            <ul class="ed-recordlist" data-testid="records">
                {move || {
                    let (list, _) = rows.get();
                    list.into_iter().map(|(i, id, shown)| {
                        let path = kind.path().index(i).to_string();
                        let n = Memo::new(move |_| ed.checked.with(|c| c.problems.iter().filter(|p| within(p, &path)).count()));
                        view! {
                            <li>
                                <button type="button" class="ed-record" aria-current=move || (ed.selected.get() == Some(i)).then_some("true")
                                    on:click=move |_| ed.selected.set(Some(i))>
                                    <span class="ed-recid">{if id.is_empty() { "—".to_string() } else { id }}</span>
                                    <span class="ed-reclabel">{shown}</span>
                                    {move || (n.get() > 0).then(|| view! { <span class="ed-badge" aria-label=move || format!("{} {}", n.get(), s(S::Problems, ed.lang.get()))>{n.get()}</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            {move || (rows.get().1 > 0).then(|| view! { <p class="ed-hint">{format!("… +{}", rows.get().1)}</p> })}
        </div>
    }
}

/// Every problem of the draft, each a button that opens its field.
#[component]
pub fn ProblemList() -> impl IntoView {
    let ed = Ed::get();
    let summary = move || {
        let (e, w) = ed.checked.with(|c| counts(&c.problems));
        if e + w == 0 {
            s(S::NoProblems, ed.lang.get()).to_string()
        } else {
            counts_line(e, w, ed.lang.get())
        }
    };
    view! {
        <section class="ed-problems" aria-labelledby="ed-problems-title" data-testid="problems">
            <h2 id="ed-problems-title">{move || s(S::Problems, ed.lang.get())}</h2>
            <p class="ed-hint">{summary}</p>
            <ul class="ed-problemlist">
                {move || ed.checked.with(|c| c.problems.iter().take(crate::validate::MAX_PROBLEMS).cloned().collect::<Vec<_>>()).into_iter().map(|p| {
                    let warn = p.kind.is_warning();
                    let path = p.path.clone();
                    view! {
                        <li class:ed-problem--warn=warn>
                            <button type="button" class="ed-problem" on:click=move |_| ed.go_to(&path) data-testid="problem">
                                <code class="ed-path">{p.path.clone()}</code>
                                <span>{p.message.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// What changed since the file was opened.
#[component]
pub fn ChangeSummary() -> impl IntoView {
    let ed = Ed::get();
    let changes = Memo::new(move |_| {
        let opened = ed.opened.get();
        ed.draft.with(|d| diff(&opened, d.doc()))
    });
    view! {
        <section class="ed-changes" aria-labelledby="ed-changes-title" data-testid="changes">
            <h2 id="ed-changes-title">{move || s(S::Changes, ed.lang.get())}</h2>
            {move || {
                let c = changes.get();
                let lang = ed.lang.get();
                if c.is_empty() {
                    return view! { <p class="ed-hint">{s(S::NoChanges, lang)}</p> }.into_any();
                }
                let (a, ch, r) = c.totals();
                let line = format!("{a} {} · {ch} {} · {r} {}", s(S::Added, lang), s(S::Changed, lang), s(S::Removed, lang));
                view! {
                    <p data-testid="change-totals">{line}</p>
                    <ul class="ed-changelist">
                        {(!c.fields.is_empty()).then(|| view! { <li>{format!("{}: {}", s(S::Dataset, lang), c.fields.join(", "))}</li> })}
                        {c.kinds.into_iter().filter(|(_, k)| !k.is_empty()).map(|(kind, k)| {
                            let part = |label: S, ids: &[String]| (!ids.is_empty()).then(|| format!("{} {}", s(label, lang), ids.join(", ")));
                            let parts: Vec<String> = [part(S::Added, &k.added), part(S::Changed, &k.changed), part(S::Removed, &k.removed)].into_iter().flatten().collect();
                            view! { <li>{format!("{}: {}", kind_name(kind, lang), parts.join("; "))}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The tab bar that picks a pane on a narrow screen.
#[component]
pub fn PaneTabs() -> impl IntoView {
    let ed = Ed::get();
    let tab = move |pane: Pane, k: S| {
        view! {
            <button type="button" class="ed-tab" aria-pressed=move || (ed.pane.get() == pane).to_string()
                data-testid=format!("pane-{}", pane.as_str()) on:click=move |_| ed.pane.set(pane)>
                {move || s(k, ed.lang.get())}
                {(pane == Pane::Problems).then(|| view! { <span class="ed-count">{move || ed.checked.with(|c| c.problems.len())}</span> })}
            </button>
        }
    };
    view! {
        <nav class="ed-panes" aria-label=move || s(S::Edit, ed.lang.get())>
            {tab(Pane::Edit, S::Edit)}
            {tab(Pane::Preview, S::Preview)}
            {tab(Pane::Problems, S::Problems)}
        </nav>
    }
}

//! The form of one record, drawn from [`crate::edit::schema`]: each field an input bound to a
//! JSON path of the draft, with its problems shown at it (`aria-invalid`, `aria-describedby`).

use super::text::{label, s, S};
use super::Ed;
use crate::edit::ops::Op;
use crate::edit::path::Path;
use crate::edit::records::{self, Kind};
use crate::edit::schema::{self, Field, Widget};
use leptos::prelude::*;
use serde_json::{json, Value};

/// The element id of the input for a path (letters, digits and `_` only).
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '_' });
    }
    id
}

fn as_text(v: Option<Value>) -> String {
    match v {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The problems at `path`, as a list the input points to; and whether there are any.
fn messages(path: String) -> (Signal<bool>, String, AnyView) {
    let ed = Ed::get();
    let id = format!("{}-msg", field_id(&path));
    let found = Memo::new({
        let path = path.clone();
        move |_| ed.problems_at(&path)
    });
    let invalid = Signal::derive(move || found.with(|f| f.iter().any(|p| !p.kind.is_warning())));
    let view = view! {
        <ul class="ed-msgs" id=id.clone() hidden=move || found.with(Vec::is_empty)>
            {move || found.get().into_iter().map(|p| {
                let warn = p.kind.is_warning();
                view! { <li class="ed-msg" class:ed-msg--warn=warn data-testid="field-problem">{p.message}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any();
    (invalid, id, view)
}

/// How typed text becomes a value.
#[derive(Clone, Copy, PartialEq)]
enum Empty {
    /// An empty string stays an empty string (the validator says what is missing).
    Keep,
    /// Empty removes the key.
    Remove,
    /// Empty writes `null` (a span without a known end).
    Null,
}

fn typed(text: String, empty: Empty, number: bool) -> Option<Value> {
    if text.trim().is_empty() {
        return match empty {
            Empty::Keep => Some(Value::String(text)),
            Empty::Remove => None,
            Empty::Null => Some(Value::Null),
        };
    }
    if number {
        if let Ok(n) = text.trim().parse::<f64>() {
            if let Some(n) = serde_json::Number::from_f64(n) {
                // Whole numbers stay integers, as the file writes them.
                if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15) {
                    return Some(json!(n.as_f64().unwrap_or(0.0) as i64));
                }
                return Some(Value::Number(n));
            }
        }
    }
    Some(Value::String(text))
}

/// A one-line input for a string, date or number.
fn line(
    path: Path,
    key: &'static str,
    hint: Option<S>,
    empty: Empty,
    number: bool,
    id_of: Option<(Kind, usize)>,
) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (invalid, msg_id, msgs) = messages(p.clone());
    let hint_id = format!("{}-hint", field_id(&p));
    let described = move || {
        let mut d = String::new();
        if invalid.get() {
            d.push_str(&msg_id);
        }
        if hint.is_some() {
            if !d.is_empty() {
                d.push(' ');
            }
            d.push_str(&hint_id);
        }
        d
    };
    let value = {
        let path = path.clone();
        move || as_text(ed.value(&path))
    };
    let on_input = {
        let path = path.clone();
        move |ev: leptos::ev::Event| {
            if id_of.is_none() {
                ed.type_into(&path, typed(event_target_value(&ev), empty, number));
            }
        }
    };
    // An id is renamed, with its references, when the input is left or Enter is pressed.
    let on_change = move |ev: leptos::ev::Event| {
        if let Some((kind, at)) = id_of {
            let new = event_target_value(&ev);
            let ops = ed.draft.with_untracked(|d| records::rename(d.doc(), kind, at, new.trim()));
            ed.edit(ops);
        } else {
            ed.draft.update_untracked(|d| d.seal());
        }
    };
    let hint = hint.map(|h| {
        view! { <p class="ed-hint" id=format!("{}-hint", field_id(&p))>{move || s(h, ed.lang.get())}</p> }
    });
    view! {
        <div class="ed-field">
            <label for=field_id(&p)>{move || label(key, ed.lang.get())}</label>
            <input type="text" id=field_id(&p) data-path=p.clone() autocomplete="off" spellcheck=(!number).to_string()
                inputmode=if number { "decimal" } else { "text" }
                prop:value=value on:input=on_input on:change=on_change
                aria-invalid=move || invalid.get().to_string() aria-describedby=described/>
            {hint}
            {msgs}
        </div>
    }
    .into_any()
}

/// A text in every language of the file (one input or text area per language).
fn text(path: Path, key: &'static str, long: bool, optional: bool) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (_, _, msgs) = messages(p.clone());
    // A memo: the inputs are rebuilt only when the set of languages changes, never as one types.
    let langs = Memo::new(move |_| {
        let mut l = ed.draft.with(|d| records::languages(d.doc()));
        if let Some(Value::Object(m)) = ed.value(&path) {
            for k in m.keys() {
                if !l.contains(k) {
                    l.push(k.clone());
                }
            }
        }
        l
    });
    let base = Path::parse(&p).unwrap_or_default();
    view! {
        <fieldset class="ed-field ed-text" data-path=p.clone()>
            <legend>{move || label(key, ed.lang.get())}</legend>
            {move || langs.get().into_iter().map(|lang| {
                let sub = base.key(&lang);
                let sp = sub.to_string();
                let (invalid, msg_id, sub_msgs) = messages(sp.clone());
                let whole = base.clone();
                let value = { let sub = sub.clone(); move || as_text(ed.value(&sub)) };
                let on_input = {
                    let sub = sub.clone();
                    let lang = lang.clone();
                    move |ev: leptos::ev::Event| {
                        let t = event_target_value(&ev);
                        let others_empty = match ed.draft.with_untracked(|d| whole.get(d.doc()).cloned()) {
                            Some(Value::Object(m)) => m.iter().all(|(k, v)| *k == lang || v.as_str().is_none_or(|s| s.trim().is_empty())),
                            _ => true,
                        };
                        if optional && t.is_empty() && others_empty {
                            ed.type_into(&whole, None);
                        } else {
                            ed.type_into(&sub, Some(Value::String(t)));
                        }
                    }
                };
                let id = field_id(&sp);
                let code = lang.to_uppercase();
                let input = if long {
                    view! {
                        <textarea id=id.clone() data-path=sp.clone() lang=lang.clone() rows="4" prop:value=value on:input=on_input
                            on:change=move |_| ed.draft.update_untracked(|d| d.seal())
                            aria-invalid=move || invalid.get().to_string()
                            aria-describedby=move || if invalid.get() { msg_id.clone() } else { String::new() }></textarea>
                    }.into_any()
                } else {
                    view! {
                        <input type="text" id=id.clone() data-path=sp.clone() lang=lang.clone() prop:value=value on:input=on_input
                            on:change=move |_| ed.draft.update_untracked(|d| d.seal())
                            aria-invalid=move || invalid.get().to_string()
                            aria-describedby=move || if invalid.get() { msg_id.clone() } else { String::new() }/>
                    }.into_any()
                };
                view! {
                    <div class="ed-lang">
                        <label for=id><abbr title=lang.clone()>{code}</abbr></label>
                        {input}
                        {sub_msgs}
                    </div>
                }
            }).collect_view()}
            {msgs}
        </fieldset>
    }
    .into_any()
}

/// A choice among a closed list of values (or the ids of records of a kind).
fn select(path: Path, key: &'static str, options: Signal<Vec<(String, String)>>, none_label: Option<S>) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (invalid, msg_id, msgs) = messages(p.clone());
    let current = {
        let path = path.clone();
        Memo::new(move |_| as_text(ed.value(&path)))
    };
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let value = if v.is_empty() && none_label.is_some() { None } else { Some(Value::String(v)) };
        ed.edit(vec![Op::Set { path: path.clone(), value }]);
    };
    view! {
        <div class="ed-field">
            <label for=field_id(&p)>{move || label(key, ed.lang.get())}</label>
            <select id=field_id(&p) data-path=p.clone() on:change=on_change
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=move || if invalid.get() { msg_id.clone() } else { String::new() }>
                <option value="" selected=move || current.get().is_empty()>
                    {move || s(none_label.unwrap_or(S::Choose), ed.lang.get())}
                </option>
                {move || {
                    let cur = current.get();
                    let mut opts = options.get();
                    if !cur.is_empty() && !opts.iter().any(|(v, _)| *v == cur) {
                        opts.insert(0, (cur.clone(), cur.clone()));
                    }
                    opts.into_iter().map(|(v, shown)| {
                        let sel = v == cur;
                        view! { <option value=v selected=sel>{shown}</option> }
                    }).collect_view()
                }}
            </select>
            {msgs}
        </div>
    }
    .into_any()
}

/// The ids of the records of `kind` with a short label each, for pickers.
fn ref_options(kind: Kind) -> Signal<Vec<(String, String)>> {
    let ed = Ed::get();
    Signal::from(Memo::new(move |_| {
        let lang = ed.lang.get();
        ed.draft.with(|d| {
            records::records(d.doc(), kind)
                .iter()
                .filter_map(|r| {
                    let id = records::id_of(r, kind)?.to_string();
                    let name = super::panels::record_label(r, kind, lang.code());
                    Some((id.clone(), if name.is_empty() { id } else { format!("{id} — {name}") }))
                })
                .collect()
        })
    }))
}

/// A list of source ids: each with a remove button, and a picker to add one.
fn sources(path: Path, key: &'static str) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (_, _, msgs) = messages(p.clone());
    let options = ref_options(Kind::Source);
    let list = {
        let path = path.clone();
        Memo::new(move |_| match ed.value(&path) {
            Some(Value::Array(a)) => a.iter().map(|v| as_text(Some(v.clone()))).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let add_id = format!("{}-add", field_id(&p));
    let path2 = path.clone();
    let add = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v.is_empty() {
            return;
        }
        let mut ops = Vec::new();
        let at = match ed.draft.with_untracked(|d| path2.get(d.doc()).cloned()) {
            Some(Value::Array(a)) => a.len(),
            _ => {
                ops.push(Op::Set { path: path2.clone(), value: Some(json!([])) });
                0
            }
        };
        ops.push(Op::Insert { list: path2.clone(), at, value: Value::String(v) });
        ed.edit(ops);
        // Back to the prompt, for the next one.
        if let Some(sel) =
            ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        {
            sel.set_value("");
        }
    };
    view! {
        <fieldset class="ed-field ed-sources" data-path=p.clone()>
            <legend>{move || label(key, ed.lang.get())}</legend>
            <ul class="ed-chips">
                {move || list.get().into_iter().enumerate().map(|(i, id)| {
                    let item = path.index(i).to_string();
                    let (invalid, _, item_msgs) = messages(item.clone());
                    let path = path.clone();
                    let remove = move |_| ed.edit(vec![Op::Remove { list: path.clone(), at: i }]);
                    let shown = id.clone();
                    view! {
                        <li class="ed-chip" class:ed-chip--bad=move || invalid.get() data-path=item>
                            <span>{shown}</span>
                            <button type="button" class="ed-x" on:click=remove
                                aria-label=move || format!("{} {id}", s(S::RemoveItem, ed.lang.get()))>"×"</button>
                            {item_msgs}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label class="ed-visually-hidden" for=add_id.clone()>{move || format!("{}: {}", s(S::AddItem, ed.lang.get()), label(key, ed.lang.get()))}</label>
            <select id=add_id on:change=add>
                <option value="">{move || format!("+ {}…", s(S::AddItem, ed.lang.get()))}</option>
                {move || options.get().into_iter().map(|(v, shown)| view! { <option value=v>{shown}</option> }).collect_view()}
            </select>
            {msgs}
        </fieldset>
    }
    .into_any()
}

/// A list of sub-records (participants, outcomes, names, roles, readings).
fn items(path: Path, key: &'static str, fields: &'static [Field]) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (_, _, msgs) = messages(p.clone());
    let len = {
        let path = path.clone();
        Memo::new(move |_| ed.draft.with(|d| path.get(d.doc()).and_then(Value::as_array).map_or(0, Vec::len)))
    };
    let path2 = path.clone();
    let add = move |_| {
        let (ops, at) = ed.draft.with_untracked(|d| {
            let mut ops = Vec::new();
            let at = match path2.get(d.doc()) {
                Some(Value::Array(a)) => a.len(),
                _ => {
                    ops.push(Op::Set { path: path2.clone(), value: Some(json!([])) });
                    0
                }
            };
            ops.push(Op::Insert { list: path2.clone(), at, value: records::template_item(d.doc(), key) });
            (ops, at)
        });
        ed.edit(ops);
        ed.focus.set(Some(path2.index(at).key(fields[0].key).to_string()));
    };
    view! {
        <fieldset class="ed-field ed-items" data-path=p.clone()>
            <legend>{move || label(key, ed.lang.get())}</legend>
            <ol class="ed-itemlist">
                {move || (0..len.get()).map(|i| {
                    let item = path.index(i);
                    let list = path.clone();
                    let remove = move |_| ed.edit(vec![Op::Remove { list: list.clone(), at: i }]);
                    view! {
                        <li class="ed-item" data-path=item.to_string()>
                            <div class="ed-itemfields">
                                {fields.iter().map(|f| field(item.key(f.key), *f, None)).collect_view()}
                            </div>
                            <button type="button" class="ed-button ed-button--small" on:click=remove>
                                {move || format!("{} {}", s(S::RemoveItem, ed.lang.get()), i + 1)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="ed-button ed-button--small" on:click=add data-testid=format!("add-{key}")>
                {move || format!("+ {}", s(S::AddItem, ed.lang.get()))}
            </button>
            {msgs}
        </fieldset>
    }
    .into_any()
}

/// Where an event took place: unknown, online, or a city.
fn place(path: Path) -> AnyView {
    let ed = Ed::get();
    let p = path.to_string();
    let (_, _, msgs) = messages(p.clone());
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Unknown,
        Online,
        City,
    }
    let mode = {
        let path = path.clone();
        Memo::new(move |_| match ed.value(&path) {
            None => Mode::Unknown,
            Some(v) if v.get("online").is_some() => Mode::Online,
            Some(_) => Mode::City,
        })
    };
    let set = {
        let path = path.clone();
        move |m: Mode| {
            let value = match m {
                Mode::Unknown => None,
                Mode::Online => Some(json!({"online": true})),
                Mode::City => Some(json!({
                    "city": ed.draft.with_untracked(|d| records::blank_text(d.doc())), "country": "", "lat": "", "lon": ""
                })),
            };
            ed.edit(vec![Op::Set { path: path.clone(), value }]);
        }
    };
    let name = field_id(&p);
    let radio = move |m: Mode, k: S| {
        let set = set.clone();
        let id = format!("{name}-{}", k as u8);
        view! {
            <span class="ed-radio">
                <input type="radio" id=id.clone() name=name.clone() prop:checked=move || mode.get() == m
                    on:change=move |_| set(m)/>
                <label for=id>{move || s(k, ed.lang.get())}</label>
            </span>
        }
    };
    let city_fields = move || {
        (mode.get() == Mode::City).then(|| {
            view! {
                {text(path.key("city"), "city", false, false)}
                {select(path.key("country"), "country", ref_options(Kind::State), None)}
                {line(path.key("lat"), "lat", None, Empty::Keep, true, None)}
                {line(path.key("lon"), "lon", None, Empty::Keep, true, None)}
            }
        })
    };
    view! {
        <fieldset class="ed-field ed-place" data-path=p.clone()>
            <legend>{move || label("place", ed.lang.get())}</legend>
            <div class="ed-radios">
                {radio(Mode::Unknown, S::Unknown)}
                {radio(Mode::Online, S::Online)}
                {radio(Mode::City, S::City)}
            </div>
            {city_fields}
            {msgs}
        </fieldset>
    }
    .into_any()
}

/// One field of a form. `record` is the record's kind and position, for its id field.
pub fn field(path: Path, f: Field, record: Option<(Kind, usize)>) -> AnyView {
    let ed = Ed::get();
    match f.widget {
        Widget::Id => line(path, f.key, Some(S::IdHint), Empty::Keep, false, record),
        Widget::Line => line(path, f.key, None, Empty::Keep, false, None),
        Widget::OptLine => line(path, f.key, None, Empty::Remove, false, None),
        Widget::Date => line(path, f.key, Some(S::DateHint), Empty::Keep, false, None),
        Widget::OptDate => line(path, f.key, Some(S::DateHint), Empty::Remove, false, None),
        Widget::SpanEnd => line(path, f.key, Some(S::DateHint), Empty::Null, false, None),
        Widget::Number => line(path, f.key, None, Empty::Keep, true, None),
        Widget::Flag => {
            let p = path.to_string();
            let (_, _, msgs) = messages(p.clone());
            let checked = {
                let path = path.clone();
                move || ed.value(&path) == Some(Value::Bool(true))
            };
            let on = move |ev: leptos::ev::Event| {
                let c = event_target_checked(&ev);
                ed.edit(vec![Op::Set { path: path.clone(), value: c.then_some(Value::Bool(true)) }]);
            };
            view! {
                <div class="ed-field ed-check">
                    <input type="checkbox" id=field_id(&p) data-path=p.clone() prop:checked=checked on:change=on/>
                    <label for=field_id(&p)>{move || label(f.key, ed.lang.get())}</label>
                    {msgs}
                </div>
            }
            .into_any()
        }
        Widget::Choice(c) => {
            let opts = c.options().into_iter().map(|o| (o.to_string(), o.replace('_', " "))).collect::<Vec<_>>();
            select(path, f.key, Signal::stored(opts), None)
        }
        Widget::OptChoice(c) => {
            let opts = c.options().into_iter().map(|o| (o.to_string(), o.replace('_', " "))).collect::<Vec<_>>();
            select(path, f.key, Signal::stored(opts), Some(S::NotSaid))
        }
        Widget::Text => text(path, f.key, false, false),
        Widget::LongText => text(path, f.key, true, false),
        Widget::OptText => text(path, f.key, false, true),
        Widget::Ref(kind) => select(path, f.key, ref_options(kind), None),
        Widget::Sources => sources(path, f.key),
        Widget::Items(fields) => items(path, f.key, fields),
        Widget::Object(fields) => {
            let p = path.to_string();
            let (_, _, msgs) = messages(p.clone());
            view! {
                <fieldset class="ed-field ed-object" data-path=p>
                    <legend>{move || label(f.key, ed.lang.get())}</legend>
                    {fields.iter().map(|sub| field(path.key(sub.key), *sub, None)).collect_view()}
                    {msgs}
                </fieldset>
            }
            .into_any()
        }
        Widget::Place => place(path),
    }
}

/// The form of the selected record (or of the dataset's own fields).
#[component]
pub fn RecordForm(kind: Option<Kind>, at: usize) -> impl IntoView {
    let ed = Ed::get();
    let base = kind.map(|k| k.path().index(at)).unwrap_or_default();
    let fields = kind.map(schema::fields).unwrap_or(schema::DATASET);
    let record = kind.map(|k| (k, at));
    let heading = move || match kind {
        Some(k) => {
            let id = ed
                .draft
                .with(|d| records::records(d.doc(), k).get(at).and_then(|r| records::id_of(r, k)).map(str::to_string));
            format!("{} · {}", super::text::kind_name(k, ed.lang.get()), id.unwrap_or_default())
        }
        None => s(S::Dataset, ed.lang.get()).to_string(),
    };
    let actions = kind.map(|k| {
        let dup = move |_| {
            if let Some((ops, i)) = ed.draft.with_untracked(|d| records::duplicate(d.doc(), k, at)) {
                ed.edit(ops);
                ed.selected.set(Some(i));
            }
        };
        let del = move |_| {
            let Some((op, refs)) = ed.draft.with_untracked(|d| records::delete(d.doc(), k, at)) else { return };
            if !refs.is_empty() {
                let list: Vec<String> = refs.iter().take(20).map(|r| r.to_string()).collect();
                let more = if refs.len() > 20 { format!("\n… +{}", refs.len() - 20) } else { String::new() };
                let ask = format!("{}\n{}{more}", s(S::DeleteAsk, ed.lang.get_untracked()), list.join("\n"));
                let ok = web_sys::window().and_then(|w| w.confirm_with_message(&ask).ok()).unwrap_or(false);
                if !ok {
                    return;
                }
            }
            ed.edit(vec![op]);
            ed.selected.set(None);
        };
        view! {
            <div class="ed-formactions">
                <button type="button" class="ed-button" on:click=dup data-testid="duplicate">{move || s(S::Duplicate, ed.lang.get())}</button>
                <button type="button" class="ed-button ed-button--danger" on:click=del data-testid="delete">{move || s(S::Delete, ed.lang.get())}</button>
            </div>
        }
    });
    view! {
        <section class="ed-form" aria-labelledby="ed-form-title" data-path=base.to_string()>
            <div class="ed-formhead">
                <h2 id="ed-form-title">{heading}</h2>
                {actions}
            </div>
            {fields.iter().map(|f| field(base.key(f.key), *f, record)).collect_view()}
        </section>
    }
}

//! The editor page: header (file, counts, undo/redo, open, download, discard, language),
//! the record lists and forms, and beside them the problems, the changes and the preview.

use super::form::RecordForm;
use super::panels::{ChangeSummary, KindTabs, PaneTabs, ProblemList, RecordList};
use super::preview::Preview;
use super::text::{counts_line, s, S};
use super::{files, storage, Checked, Ed, Pane};
use crate::edit::counts;
use crate::edit::ops::Draft;
use crate::edit::records::Kind;
use crate::i18n::Lang;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Validation and storage wait this long after the last keystroke of a large draft (a small
/// one is handled at once).
const SETTLE_MS: u64 = 200;
const LARGE_DRAFT_EVENTS: usize = 1_000;

fn validate(ed: Ed) {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let t0 = now();
    let (revision, (problems, dataset)) = ed.draft.with_untracked(|d| (d.revision(), crate::edit::check(d.doc())));
    ed.took_ms.set(now() - t0);
    ed.checks.update(|n| *n += 1);
    let checked = Checked { revision, problems: Arc::new(problems), dataset: dataset.map(Arc::new) };
    // A dataset equal to the one shown keeps the preview as it is (no rebuild under a click).
    if let Some(ds) = &checked.dataset {
        if ed.last_good.with_untracked(|g| g.as_deref() != Some(&**ds)) {
            ed.last_good.set(Some(ds.clone()));
        }
    }
    ed.checked.set(checked);
}

/// The language asked for by the page (`?lang=ru` or `#l=ru`), else the one chosen last time,
/// else the browser's.
fn initial_lang() -> Lang {
    let w = web_sys::window();
    let loc = w.as_ref().map(|w| w.location());
    let search = loc.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    if search.contains("lang=ru") || hash.contains("l=ru") {
        return Lang::Ru;
    }
    if search.contains("lang=en") || hash.contains("l=en") {
        return Lang::En;
    }
    match storage::lang().as_deref() {
        Some("ru") => return Lang::Ru,
        Some("en") => return Lang::En,
        _ => {}
    }
    let nav = w.and_then(|w| w.navigator().language()).unwrap_or_default();
    if nav.starts_with("ru") {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// Opens the draft left in this browser, else the bundled file.
fn start(ed: Ed) {
    match storage::load() {
        Some(saved) => {
            let opened = if saved.opened.is_null() { saved.doc.clone() } else { saved.opened };
            ed.opened.set(Arc::new(opened));
            ed.name.set(saved.name);
            ed.draft.set(Draft::new(saved.doc));
            ed.ready.set(true);
            ed.notice.set(Some((false, s(S::DraftRestored, ed.lang.get_untracked()).to_string())));
        }
        None => leptos::task::spawn_local(files::open_bundled(ed)),
    }
}

/// The editor. With `initial` it opens that dataset instead of the draft in storage or the
/// bundled file (for tests and for hosts that bring their own).
#[component]
pub fn Editor(#[prop(optional)] initial: Option<Value>) -> impl IntoView {
    let ed = Ed {
        draft: RwSignal::new(Draft::new(Value::Null)),
        opened: RwSignal::new(Arc::new(Value::Null)),
        name: RwSignal::new(String::new()),
        ready: RwSignal::new(false),
        checked: RwSignal::new(Checked::default()),
        last_good: RwSignal::new(None),
        lang: RwSignal::new(initial_lang()),
        kind: RwSignal::new(Some(Kind::Event)),
        selected: RwSignal::new(None),
        pane: RwSignal::new(Pane::Edit),
        notice: RwSignal::new(None),
        stored: RwSignal::new(true),
        focus: RwSignal::new(None),
        took_ms: RwSignal::new(0.0),
        checks: RwSignal::new(0),
        pending: RwSignal::new(None),
    };
    provide_context(ed);

    // Start from the draft left in this browser, else the bundled file.
    match initial {
        Some(doc) => ed.open("dataset.json".into(), doc.clone(), doc),
        None => start(ed),
    }

    // Every change is kept in storage and validated: at once, or for a large draft once the
    // typing pauses (writing and checking megabytes at every keystroke would make it lag).
    // A newly opened file (revision 0) is in storage already.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let (rev, large) = ed.draft.with(|d| {
            let n = d.doc().get("events").and_then(Value::as_array).map_or(0, Vec::len);
            (d.revision(), n > LARGE_DRAFT_EVENTS)
        });
        if !ed.ready.get() {
            return;
        }
        let settle = move || {
            if rev > 0 {
                ed.stored.set(ed.draft.with_untracked(|d| storage::save(d.doc())));
            }
            validate(ed);
        };
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        if large {
            pending.set_value(set_timeout_with_handle(settle, Duration::from_millis(SETTLE_MS)).ok());
        } else {
            settle();
        }
    });

    // Undo and redo from the keyboard, wherever focus is.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let k = ev.key().to_lowercase();
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
            return;
        }
        let redo = (k == "z" && ev.shift_key()) || (k == "y" && !ev.shift_key());
        let undo = k == "z" && !ev.shift_key();
        if undo || redo {
            ev.prevent_default();
            ed.draft.update(|d| {
                if redo {
                    d.redo();
                } else {
                    d.undo();
                }
            });
        }
    });
    on_cleanup(move || keys.remove());

    // A file dropped anywhere on the page opens.
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        files::open_file_list(ed, files::dropped(&ev));
    };

    // Focus the field a problem points to once its form is shown.
    Effect::new(move |_| {
        let Some(path) = ed.focus.get() else { return };
        ed.selected.track();
        request_animation_frame(move || {
            ed.focus.set(None);
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            let mut p = crate::edit::path::Path::parse(&path).unwrap_or_default();
            loop {
                let sel = format!("[data-path=\"{p}\"]");
                if let Some(el) = doc.query_selector(&sel).ok().flatten() {
                    // A group (a text, a list) focuses its first input.
                    let target = if el.matches("input,select,textarea").unwrap_or(false) {
                        Some(el)
                    } else {
                        el.query_selector("input,select,textarea").ok().flatten().or(Some(el))
                    };
                    if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = t.focus();
                        t.scroll_into_view_with_bool(false);
                    }
                    return;
                }
                if p.0.pop().is_none() {
                    return;
                }
            }
        });
    });

    let counts_text = move || {
        let (e, w) = ed.checked.with(|c| counts(&c.problems));
        counts_line(e, w, ed.lang.get())
    };
    let errors = move || ed.checked.with(|c| counts(&c.problems).0);
    let discard = move |_| {
        let ask = s(S::DiscardAsk, ed.lang.get_untracked());
        if web_sys::window().and_then(|w| w.confirm_with_message(ask).ok()).unwrap_or(false) {
            storage::clear();
            ed.ready.set(false);
            leptos::task::spawn_local(files::open_bundled(ed));
        }
    };
    let undo = move |_| {
        ed.draft.update(|d| {
            d.undo();
        })
    };
    let redo = move |_| {
        ed.draft.update(|d| {
            d.redo();
        })
    };
    let lang_button = move |l: Lang, label: &'static str| {
        view! {
            <button type="button" class="ed-button ed-button--small" lang=l.code() aria-pressed=move || (ed.lang.get() == l).to_string()
                on:click=move |_| {
                    ed.lang.set(l);
                    storage::save_lang(l.code());
                }>{label}</button>
        }
    };

    view! {
        <div class="ed" lang=move || ed.lang.get().code() data-pane=move || ed.pane.get().as_str()
            class:ed--dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <header class="ed-head">
                <div class="ed-title">
                    <h1>{move || s(S::AppTitle, ed.lang.get())}</h1>
                    <p class="ed-file" data-testid="file-name">{move || ed.name.get()}</p>
                </div>
                <p class="ed-counts" class:ed-counts--bad=move || { errors() > 0 } role="status" data-testid="counts"
                    data-revision=move || ed.checked.with(|c| c.revision) data-validate-ms=move || format!("{:.1}", ed.took_ms.get()) data-checks=move || ed.checks.get()>{counts_text}</p>
                <div class="ed-actions" role="group" aria-label=move || s(S::Edit, ed.lang.get())>
                    <button type="button" class="ed-button" on:click=undo data-testid="undo"
                        disabled=move || !ed.draft.with(|d| d.can_undo()) aria-keyshortcuts="Control+Z Meta+Z">
                        {move || s(S::Undo, ed.lang.get())}
                    </button>
                    <button type="button" class="ed-button" on:click=redo data-testid="redo"
                        disabled=move || !ed.draft.with(|d| d.can_redo()) aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">
                        {move || s(S::Redo, ed.lang.get())}
                    </button>
                </div>
                <div class="ed-actions" role="group" aria-label=move || s(S::Open, ed.lang.get())>
                    <label class="ed-button ed-filebutton">
                        {move || s(S::OpenFile, ed.lang.get())}
                        <input type="file" accept=".json,application/json" class="ed-visually-hidden" data-testid="open-file"
                            on:change=move |ev| files::open_file_list(ed, files::input_files(&ev))/>
                    </label>
                    <button type="button" class="ed-button" on:click=move |_| files::download(ed) data-testid="download"
                        class:ed-button--danger=move || { errors() > 0 } disabled=move || !ed.ready.get()>
                        {move || if errors() > 0 { s(S::DownloadWithErrors, ed.lang.get()) } else { s(S::Download, ed.lang.get()) }}
                    </button>
                    <button type="button" class="ed-button" on:click=move |_| super::sheet::export(ed) data-testid="export-xlsx"
                        disabled=move || !ed.ready.get()>{move || s(S::ExportXlsx, ed.lang.get())}</button>
                    <label class="ed-button ed-filebutton">
                        {move || s(S::ImportXlsx, ed.lang.get())}
                        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            class="ed-visually-hidden" data-testid="import-xlsx"
                            on:change=move |ev| {
                                files::read_first(ed, files::input_files(&ev), move |name, bytes| super::sheet::import(ed, name, bytes));
                                // The same file may be chosen again after a cancel.
                                if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    i.set_value("");
                                }
                            }/>
                    </label>
                    <button type="button" class="ed-button" on:click=discard data-testid="discard">{move || s(S::Discard, ed.lang.get())}</button>
                </div>
                <div class="ed-actions" role="group" aria-label=move || s(S::Language, ed.lang.get())>
                    {lang_button(Lang::En, "EN")}
                    {lang_button(Lang::Ru, "RU")}
                    <a class="ed-link" href="./">{move || s(S::Reader, ed.lang.get())}</a>
                </div>
            </header>
            <div class="ed-notices" aria-live="polite">
                {move || ed.notice.get().map(|(bad, text)| view! {
                    <p class="ed-notice" class:ed-notice--bad=bad role=if bad { "alert" } else { "status" } data-testid="notice">
                        <span>{text}</span>
                        <button type="button" class="ed-button ed-button--small" on:click=move |_| ed.notice.set(None)>
                            {move || s(S::Close, ed.lang.get())}
                        </button>
                    </p>
                })}
                {move || (!ed.stored.get()).then(|| view! {
                    <p class="ed-notice ed-notice--bad" role="alert" data-testid="not-stored">{s(S::DraftNotSaved, ed.lang.get())}</p>
                })}
            </div>
            <super::sheet::ImportReview/>
            <p class="ed-drop" aria-hidden="true">{move || s(S::DropHere, ed.lang.get())}</p>
            <PaneTabs/>
            {move || if ed.ready.get() {
                view! {
                    <main class="ed-main">
                        <div class="ed-edit">
                            <KindTabs/>
                            {move || match ed.kind.get() {
                                None => view! { <RecordForm kind=None at=0/> }.into_any(),
                                Some(kind) => {
                                    // The selected record while it exists: a memo, so an edit inside the
                                    // form does not rebuild the form (and take the focus from the field).
                                    let open = Memo::new(move |_| {
                                        ed.selected.get().filter(|&at| {
                                            ed.draft.with(|d| at < crate::edit::records::records(d.doc(), kind).len())
                                        })
                                    });
                                    view! {
                                        <div class="ed-split">
                                            <RecordList kind=kind/>
                                            {move || match open.get() {
                                                Some(at) => view! { <RecordForm kind=Some(kind) at=at/> }.into_any(),
                                                None => view! { <p class="ed-hint ed-form">{s(S::Select, ed.lang.get())}</p> }.into_any(),
                                            }}
                                        </div>
                                    }.into_any()
                                }
                            }}
                        </div>
                        <div class="ed-side">
                            <ProblemList/>
                            <ChangeSummary/>
                            <Preview/>
                        </div>
                    </main>
                }.into_any()
            } else {
                // Opening failed (the notice says which URL and why): offer to try again.
                let failed = move || ed.notice.with(|n| matches!(n, Some((true, _))));
                view! {
                    {move || if failed() {
                        view! {
                            <p class="ed-status">
                                <button type="button" class="ed-button" data-testid="retry" on:click=move |_| {
                                    ed.notice.set(None);
                                    leptos::task::spawn_local(files::open_bundled(ed));
                                }>{s(S::Retry, ed.lang.get())}</button>
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <p class="ed-status" role="status" data-testid="loading">
                                <span class="ap-spinner" aria-hidden="true"></span>
                                {s(S::Loading, ed.lang.get())}
                            </p>
                        }.into_any()
                    }}
                }.into_any()
            }}
        </div>
    }
}

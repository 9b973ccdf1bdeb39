//! The spreadsheet round trip in the editor: the draft exported as a workbook (`.xlsx`), and a
//! workbook imported onto the draft, its changes shown field by field before they are applied
//! as one undoable step.

use super::text::{kind_name, s, S};
use super::Ed;
use crate::edit::changes::{detailed, Change, RecordDiff};
use crate::edit::ops::Op;
use crate::edit::path::Path;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An import read and merged, waiting for the user to apply or cancel it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub name: String,
    /// The merged dataset (applied only when the import has no errors).
    pub doc: Arc<Value>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub changes: Vec<RecordDiff>,
}

/// The workbook module (`sheets.js` and its wasm), loaded on first use by `edit-boot.js`.
async fn module() -> Result<JsValue, String> {
    let load: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"__almatySheets".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the workbook module is not available on this page")?;
    let promise: js_sys::Promise =
        load.call0(&JsValue::NULL).ok().and_then(|p| p.dyn_into().ok()).ok_or("the workbook module did not load")?;
    JsFuture::from(promise).await.map_err(|e| format!("the workbook module did not load: {}", message(&e)))
}

/// A JavaScript error's message.
fn message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Calls the module's function `name` with `args`.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let m = module().await?;
    let f: js_sys::Function = js_sys::Reflect::get(&m, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("the workbook module has no {name}"))?;
    f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>()).map_err(|e| message(&e))
}

/// Downloads the draft as `dataset.xlsx`: a README sheet, then one sheet per table.
pub fn export(ed: Ed) {
    let doc = ed.draft.with_untracked(|d| d.doc().to_string());
    leptos::task::spawn_local(async move {
        match call("export_workbook", &[JsValue::from_str(&doc)]).await {
            // The module's Uint8Array, saved as it is.
            Ok(bytes) => super::files::save(&bytes, "dataset.xlsx", XLSX_MIME),
            Err(e) => ed.notice.set(Some((true, e))),
        }
    });
}

/// Reads a workbook's bytes and merges it onto the draft (records missing from a sheet are
/// kept); the result waits in `ed.pending` for the user.
pub fn import(ed: Ed, name: String, bytes: Vec<u8>) {
    let base = ed.draft.with_untracked(|d| d.doc().to_string());
    leptos::task::spawn_local(async move {
        let refused = |e: String| {
            let kept = s(S::RefusedKept, ed.lang.get_untracked());
            ed.notice.set(Some((true, format!("“{name}”: {e}. {kept}"))));
        };
        let out = match call(
            "import_workbook",
            &[js_sys::Uint8Array::from(bytes.as_slice()).into(), JsValue::from_str(&base)],
        )
        .await
        {
            Ok(v) => v.as_string().unwrap_or_default(),
            Err(e) => return refused(e),
        };
        let Ok(mut out) = serde_json::from_str::<Value>(&out) else {
            return refused("the workbook module answered nonsense".into());
        };
        let texts = |v: &Value| {
            v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
        };
        let doc = out["doc"].take();
        let pending = Pending {
            errors: texts(&out["errors"]),
            warnings: texts(&out["warnings"]),
            changes: ed.draft.with_untracked(|d| detailed(d.doc(), &doc)),
            doc: Arc::new(doc),
            name: name.clone(),
        };
        ed.pending.set(Some(Arc::new(pending)));
    });
}

/// The import waiting for an answer: what it changes, its problems, Apply and Cancel.
#[component]
pub fn ImportReview() -> impl IntoView {
    let ed = Ed::get();
    let apply = move |_| {
        let Some(p) = ed.pending.get_untracked() else { return };
        ed.edit(vec![Op::Set { path: Path::root(), value: Some((*p.doc).clone()) }]);
        ed.pending.set(None);
        ed.selected.set(None);
        let lang = ed.lang.get_untracked();
        ed.notice.set(Some((false, format!("“{}”: {}", p.name, s(S::ImportApplied, lang)))));
    };
    let line = move |d: &RecordDiff| {
        let lang = ed.lang.get_untracked();
        let what = match d.kind {
            Some(k) => format!("{} · {}", kind_name(k, lang), d.id),
            None => s(S::Dataset, lang).to_string(),
        };
        match &d.change {
            Change::Added => format!("{what}: {}", s(S::Added, lang)),
            Change::Removed => format!("{what}: {}", s(S::Removed, lang)),
            Change::Changed(fields) => format!("{what}: {} {}", s(S::Changed, lang), fields.join(", ")),
        }
    };
    move || {
        ed.pending.get().map(|p| {
            let lang = ed.lang.get();
            let blocked = !p.errors.is_empty();
            let summary = if p.changes.is_empty() { s(S::NoChanges, lang).to_string() } else { super::text::records_changing(p.changes.len(), lang) };
            view! {
                <section class="ed-review" aria-labelledby="ed-review-title" data-testid="import-review">
                    <h2 id="ed-review-title">{format!("{} “{}”", s(S::ImportReview, lang), p.name)}</h2>
                    <p data-testid="import-summary">{summary}</p>
                    <ul class="ed-changelist" data-testid="import-changes">
                        {p.changes.iter().map(|d| view! { <li>{line(d)}</li> }).collect_view()}
                    </ul>
                    {(!p.errors.is_empty()).then(|| view! {
                        <p class="ed-msg">{format!("{}: {}", s(S::Problems, lang), p.errors.len())}</p>
                        <ul class="ed-msgs" data-testid="import-errors">
                            {p.errors.iter().take(50).map(|e| view! { <li class="ed-msg">{e.clone()}</li> }).collect_view()}
                        </ul>
                    })}
                    {(!p.warnings.is_empty()).then(|| view! {
                        <ul class="ed-msgs" data-testid="import-warnings">
                            {p.warnings.iter().take(50).map(|e| view! { <li class="ed-msg ed-msg--warn">{e.clone()}</li> }).collect_view()}
                        </ul>
                    })}
                    <div class="ed-formactions">
                        <button type="button" class="ed-button" on:click=apply disabled=blocked data-testid="import-apply">{s(S::ImportApply, lang)}</button>
                        <button type="button" class="ed-button" on:click=move |_| ed.pending.set(None) data-testid="import-cancel">{s(S::Cancel, lang)}</button>
                    </div>
                </section>
            }
        })
    }
}

//! The spreadsheet round trip in the editor: the draft exported as a workbook (`.xlsx`), and a
//! workbook imported onto the draft, its changes shown field by field before they are applied
//! as one undoable step.

use super::text::{kind_name, s, S};
use super::Ed;
use crate::edit::changes::{detailed, Change, RecordDiff};
use crate::edit::ops::Op;
use crate::edit::path::Path;
use crate::sheet::{self, xlsx, Options};
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;

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

/// Downloads the draft as `dataset.xlsx`: a README sheet, then one sheet per table.
pub fn export(ed: Ed) {
    let result = ed.draft.with_untracked(|d| {
        let mut tables = vec![sheet::readme(&crate::edit::records::languages(d.doc()))];
        tables.extend(sheet::export(d.doc()));
        xlsx::to_bytes(&tables)
    });
    match result {
        Ok(bytes) => super::files::save_bytes(
            "dataset.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &bytes,
        ),
        Err(e) => ed.notice.set(Some((true, e))),
    }
}

/// Reads a workbook's bytes and merges it onto the draft (records missing from a sheet are
/// kept); the result waits in `ed.pending` for the user.
pub fn import(ed: Ed, name: String, bytes: &[u8]) {
    let tables = match xlsx::from_bytes(bytes) {
        Ok(t) => t,
        Err(e) => {
            let kept = s(S::RefusedKept, ed.lang.get_untracked());
            ed.notice.set(Some((true, format!("“{name}”: {e}. {kept}"))));
            return;
        }
    };
    let pending = ed.draft.with_untracked(|d| {
        let imported = sheet::import(&tables, d.doc(), Options::default());
        Pending {
            name,
            errors: imported.errors().map(|i| i.to_string()).collect(),
            warnings: imported.warnings().map(|i| i.to_string()).collect(),
            changes: detailed(d.doc(), &imported.doc),
            doc: Arc::new(imported.doc),
        }
    });
    ed.pending.set(Some(Arc::new(pending)));
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

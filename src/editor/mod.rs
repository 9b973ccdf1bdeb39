//! The editor page (`edit.html`, its own wasm: the `edit` bin): open a dataset, edit every
//! kind of record in forms, see each problem at its field and the real explorer rendering the
//! draft, undo and redo, and download the file in its canonical form.
//!
//! The pure part (operations, references, undo, changes) is [`crate::edit`]; this module is
//! its interface: `shell` the page (header, panes, keys), `form` the fields drawn from
//! [`crate::edit::schema`], `panels` the record lists, problems and changes, `preview` the
//! explorer on the draft, `files` opening and downloading, `storage` the draft kept in the
//! browser, `sheet` the workbook export and import, `text` the strings.

mod files;
mod form;
mod panels;
mod preview;
mod sheet;
pub mod shell;
mod storage;
pub mod text;

use crate::edit::ops::{Draft, Op};
use crate::edit::path::Path;
use crate::edit::records::Kind;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::validate::Problem;
use leptos::prelude::*;
use serde_json::Value;
use std::sync::Arc;

/// The result of validating one revision of the draft.
#[derive(Clone, Default)]
pub struct Checked {
    pub revision: u64,
    pub problems: Arc<Vec<Problem>>,
    /// The dataset, when the draft has no errors.
    pub dataset: Option<Arc<Dataset>>,
}

/// Which pane shows on a narrow screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Edit,
    Preview,
    Problems,
}

impl Pane {
    pub fn as_str(self) -> &'static str {
        match self {
            Pane::Edit => "edit",
            Pane::Preview => "preview",
            Pane::Problems => "problems",
        }
    }
}

/// The editor's state, shared by every part of the page through context.
#[derive(Clone, Copy)]
pub struct Ed {
    pub draft: RwSignal<Draft>,
    /// The file as it was opened, for "changes since opened".
    pub opened: RwSignal<Arc<Value>>,
    pub name: RwSignal<String>,
    /// Whether a file is open (false while the first one loads).
    pub ready: RwSignal<bool>,
    pub checked: RwSignal<Checked>,
    /// The last dataset without errors (what the preview shows).
    pub last_good: RwSignal<Option<Arc<Dataset>>>,
    pub lang: RwSignal<Lang>,
    /// The record list shown (`None`: the dataset's own fields).
    pub kind: RwSignal<Option<Kind>>,
    pub selected: RwSignal<Option<usize>>,
    pub pane: RwSignal<Pane>,
    /// A message for the user: (is it an error, text).
    pub notice: RwSignal<Option<(bool, String)>>,
    /// Whether the draft could be kept in storage.
    pub stored: RwSignal<bool>,
    /// A field to focus once the form shows it (a JSON path).
    pub focus: RwSignal<Option<String>>,
    /// How long the last validation took (shown to benchmarks as `data-validate-ms`).
    pub took_ms: RwSignal<f64>,
    /// A workbook import waiting to be applied or cancelled.
    pub pending: RwSignal<Option<Arc<sheet::Pending>>>,
    /// Validations run so far (`data-checks`: a test or benchmark waits for the next one).
    pub checks: RwSignal<u64>,
}

impl Ed {
    pub fn get() -> Ed {
        expect_context::<Ed>()
    }

    pub fn t(self, k: text::S) -> &'static str {
        text::s(k, self.lang.get())
    }

    /// Applies one user action; a failure (which the forms should make impossible) is shown.
    pub fn edit(self, ops: Vec<Op>) {
        self.change(|d| d.edit(ops));
    }

    /// Sets one field as the user types (keystrokes in one field make one undo step).
    pub fn type_into(self, path: &Path, value: Option<Value>) {
        self.change(|d| d.type_into(path.clone(), value));
    }

    fn change(self, f: impl FnOnce(&mut Draft) -> Result<(), crate::edit::ops::EditError>) {
        let mut failed = None;
        self.draft.update(|d| failed = f(d).err());
        if let Some(e) = failed {
            self.notice.set(Some((true, e.0)));
        }
    }

    /// The value at a path in the draft (tracked).
    pub fn value(self, path: &Path) -> Option<Value> {
        self.draft.with(|d| path.get(d.doc()).cloned())
    }

    /// The problems at exactly this path (tracked).
    pub fn problems_at(self, path: &str) -> Vec<Problem> {
        self.checked.with(|c| c.problems.iter().filter(|p| p.path == path).cloned().collect())
    }

    /// Opens `doc` as a new file: the history starts afresh and the draft is kept at once.
    pub fn open(self, name: String, opened: Value, doc: Value) {
        // The new file replaces the draft in storage at once (not at its first edit), so a
        // reload reopens this file, never the one before it.
        let kept = storage::save_opened(&name, &opened) && storage::save(&doc);
        if !kept {
            // Half a draft (this file's name, the last file's text) must not greet a reload.
            storage::clear();
        }
        self.stored.set(kept);
        self.opened.set(Arc::new(opened));
        self.name.set(name);
        self.draft.set(Draft::new(doc));
        self.selected.set(None);
        self.ready.set(true);
    }

    /// Shows the record a JSON path lies in, and asks the form to focus the field.
    pub fn go_to(self, path: &str) {
        let owner = Path::parse(path).and_then(|p| crate::edit::records::owner(&p));
        match owner {
            Some((kind, i)) => {
                self.kind.set(Some(kind));
                self.selected.set(Some(i));
            }
            None => self.kind.set(None),
        }
        self.pane.set(Pane::Edit);
        self.focus.set(Some(path.to_string()));
    }
}

/// Mounts the editor into the page's `#editor` element (or the body).
pub fn mount() {
    let doc = web_sys::window().and_then(|w| w.document());
    let host = doc.as_ref().and_then(|d| d.get_element_by_id("editor"));
    use wasm_bindgen::JsCast;
    match host.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(h) => {
            h.set_inner_html("");
            leptos::mount::mount_to(h, || view! { <shell::Editor/> }).forget();
        }
        None => leptos::mount::mount_to_body(|| view! { <shell::Editor/> }),
    }
}

//! Opening files (the bundled dataset, a file from disk, a dropped file) and downloading the
//! draft in the repository's canonical form.

use super::text::{s, S};
use super::Ed;
use crate::edit::{open, OpenError};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The dataset that ships with the page.
pub const BUNDLED: &str = "data/dataset.json";

/// Opens `bytes` as file `name`, or says why not and leaves the draft as it was.
pub fn open_bytes(ed: Ed, name: String, bytes: &[u8]) {
    match open(bytes) {
        Ok(doc) => {
            ed.open(name, doc.clone(), doc);
            ed.notice.set(None);
        }
        Err(e) => {
            let lang = ed.lang.get_untracked();
            let why = match e {
                OpenError::TooLarge { bytes } => format!(
                    "{} ({bytes} B > {} MB)",
                    s(S::RefusedTooLarge, lang),
                    crate::validate::MAX_FILE_BYTES / (1024 * 1024)
                ),
                OpenError::NotJson(at) => format!("{} ({at})", s(S::RefusedNotJson, lang)),
                OpenError::Version(v) => {
                    format!("{} ({})", s(S::RefusedVersion, lang), v.unwrap_or_else(|| "—".into()))
                }
            };
            ed.notice.set(Some((true, format!("“{name}” {why}. {}", s(S::RefusedKept, lang)))));
        }
    }
}

/// Fetches the bundled dataset and opens it; a failure names the URL and why.
pub async fn open_bundled(ed: Ed) {
    let lang = ed.lang.get_untracked();
    let failed = |why: String| ed.notice.set(Some((true, format!("{} {BUNDLED}: {why}", s(S::LoadFailed, lang)))));
    match Request::get(BUNDLED).send().await {
        Ok(r) if r.ok() => match r.binary().await {
            Ok(bytes) => open_bytes(ed, "dataset.json".into(), &bytes),
            Err(e) => failed(e.to_string()),
        },
        Ok(r) => failed(format!("HTTP {} {}", r.status(), r.status_text())),
        Err(e) => failed(e.to_string()),
    }
}

/// Reads the first file of a picker's or a drop's list and hands its name and bytes to `then`.
/// A file over the size cap is refused before it is read into memory.
pub fn read_first(ed: Ed, files: Option<web_sys::FileList>, then: impl FnOnce(String, Vec<u8>) + 'static) {
    let Some(file) = files.and_then(|f| f.get(0)) else { return };
    let name = file.name();
    if file.size() > crate::validate::MAX_FILE_BYTES as f64 {
        open_bytes(ed, name, &vec![0; crate::validate::MAX_FILE_BYTES + 1]);
        return;
    }
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => then(name, js_sys::Uint8Array::new(&buf).to_vec()),
            Err(e) => {
                ed.notice.set(Some((true, format!("{} {name}: {e:?}", s(S::LoadFailed, ed.lang.get_untracked())))))
            }
        }
    });
}

/// Opens the first file of a picker's or a drop's list.
pub fn open_file_list(ed: Ed, files: Option<web_sys::FileList>) {
    read_first(ed, files, move |name, bytes| open_bytes(ed, name, &bytes));
}

/// The files of a drop event.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files()
}

/// Downloads the draft as `dataset.json` in canonical form (UTF-8, final newline).
pub fn download(ed: Ed) {
    let text = ed.draft.with_untracked(|d| crate::canonical::format(d.doc()));
    save(&text.into(), "dataset.json", "application/json;charset=utf-8");
}

/// Saves a string or a `Uint8Array` as a download called `name`.
pub fn save(body: &wasm_bindgen::JsValue, name: &str, mime: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    crate::components::toolbar::save(&doc, name, mime, body);
}

/// The file input's files.
pub fn input_files(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()
}

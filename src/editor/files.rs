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

/// Reads the first file of a picker's list and hands its name and bytes to `then`.
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

/// Saves bytes as a download called `name`.
pub fn save_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(a) = doc.create_element("a") else { return };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Opens the first file of a picker's or a drop's list.
pub fn open_file_list(ed: Ed, files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else { return };
    let name = file.name();
    if file.size() > crate::validate::MAX_FILE_BYTES as f64 {
        // Refused before reading it into memory.
        open_bytes(ed, name, &vec![0; crate::validate::MAX_FILE_BYTES + 1]);
        return;
    }
    leptos::task::spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                open_bytes(ed, name, &bytes);
            }
            Err(e) => {
                ed.notice.set(Some((true, format!("{} {name}: {e:?}", s(S::LoadFailed, ed.lang.get_untracked())))))
            }
        }
    });
}

/// The files of a drop event.
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files()
}

/// Downloads the draft as `dataset.json` in canonical form (UTF-8, final newline).
pub fn download(ed: Ed) {
    let text = ed.draft.with_untracked(|d| crate::canonical::format(d.doc()));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    crate::components::toolbar::save(&doc, "dataset.json", "application/json;charset=utf-8", &text);
}

/// The file input's files.
pub fn input_files(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()
}

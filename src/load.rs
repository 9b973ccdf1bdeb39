//! The one place that fetches: URL → bytes → validated dataset, with a timeout.

use crate::model::Dataset;
use crate::validate::{parse_bytes, too_large, Problem};
use gloo_net::http::Request;
use std::fmt;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How long to wait for the dataset before giving up.
const TIMEOUT_MS: i32 = 15_000;

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request failed before a response (offline, refused, aborted connection, CORS…).
    Network { url: String, reason: String },
    /// The server answered with an error status.
    Http { url: String, status: u16, status_text: String },
    /// No complete answer within the timeout.
    Timeout { url: String, seconds: i32 },
    /// The file arrived but is not a valid dataset.
    Invalid { url: String, problems: Vec<Problem> },
}

impl LoadError {
    pub fn url(&self) -> &str {
        match self {
            LoadError::Network { url, .. }
            | LoadError::Http { url, .. }
            | LoadError::Timeout { url, .. }
            | LoadError::Invalid { url, .. } => url,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, reason } => write!(f, "{url}: network error: {reason}"),
            LoadError::Http { url, status, status_text } => {
                write!(f, "{url}: HTTP {status} {status_text}")
            }
            LoadError::Timeout { url, seconds } => write!(f, "{url}: no answer within {seconds} s"),
            LoadError::Invalid { url, problems } => {
                write!(f, "{url}: {} problem(s)", problems.len())
            }
        }
    }
}

/// Resolves `url` against the document's base URL, for messages that name it in full.
fn absolute_url(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    match base.and_then(|b| web_sys_url(url, &b)) {
        Some(u) => u,
        None => url.to_string(),
    }
}

fn web_sys_url(url: &str, base: &str) -> Option<String> {
    let u = js_sys::Reflect::get(&js_sys::global(), &"URL".into()).ok()?;
    let ctor: js_sys::Function = u.dyn_into().ok()?;
    let args = js_sys::Array::of2(&url.into(), &base.into());
    let obj = js_sys::Reflect::construct(&ctor, &args).ok()?;
    js_sys::Reflect::get(&obj, &"href".into()).ok()?.as_string()
}

/// Fetches and validates the dataset at `url` (relative to the page).
pub async fn fetch_dataset(url: &str) -> Result<Arc<Dataset>, LoadError> {
    let shown = absolute_url(url);
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
            timed_out.store(true, std::sync::atomic::Ordering::SeqCst);
            if let Some(c) = controller {
                c.abort();
            }
        });
        web_sys::window()
            .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), TIMEOUT_MS).ok())
    };
    let result = async {
        let resp = Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|e| (false, e.to_string()))?;
        if !resp.ok() {
            return Ok(Err(LoadError::Http {
                url: shown.clone(),
                status: resp.status(),
                status_text: resp.status_text(),
            }));
        }
        // Refuse an oversized file before downloading it, when the server says its size.
        let declared = resp.headers().get("content-length").and_then(|v| v.trim().parse::<usize>().ok());
        if let Some(len) = declared.filter(|&n| n > crate::validate::MAX_FILE_BYTES) {
            return Ok(Err(LoadError::Invalid { url: shown.clone(), problems: vec![too_large(len)] }));
        }
        let bytes = resp.binary().await.map_err(|e| (true, e.to_string()))?;
        Ok(parse_bytes(&bytes).map(Arc::new).map_err(|problems| LoadError::Invalid { url: shown.clone(), problems }))
    }
    .await;
    if let (Some(w), Some(t)) = (web_sys::window(), timer) {
        w.clear_timeout_with_handle(t);
    }
    match result {
        Ok(r) => r,
        Err(_) if timed_out.load(std::sync::atomic::Ordering::SeqCst) => {
            Err(LoadError::Timeout { url: shown, seconds: TIMEOUT_MS / 1000 })
        }
        Err((_, reason)) => Err(LoadError::Network { url: shown, reason }),
    }
}

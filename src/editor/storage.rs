//! The draft in the browser's storage: written at every change, read at start, removed only
//! when the editor asks and the user confirms.

use serde_json::Value;

const DOC: &str = "almaty-process:draft:doc";
const OPENED: &str = "almaty-process:draft:opened";
const NAME: &str = "almaty-process:draft:name";
const LANG: &str = "almaty-process:editor:lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A draft found in storage.
pub struct Saved {
    pub name: String,
    pub opened: Value,
    pub doc: Value,
}

/// The draft left from last time, if any (a draft that no longer parses is ignored).
pub fn load() -> Option<Saved> {
    let s = storage()?;
    let doc = serde_json::from_str(&s.get_item(DOC).ok()??).ok()?;
    let opened = s.get_item(OPENED).ok().flatten().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);
    let name = s.get_item(NAME).ok().flatten().unwrap_or_else(|| "dataset.json".into());
    Some(Saved { name, opened, doc })
}

/// Keeps what a newly opened file was (for "changes since opened"). False when storage refused.
pub fn save_opened(name: &str, opened: &Value) -> bool {
    let Some(s) = storage() else { return false };
    s.set_item(NAME, name).is_ok() && s.set_item(OPENED, &opened.to_string()).is_ok()
}

/// Keeps the draft. False when storage refused (full, or blocked by the browser).
pub fn save(doc: &Value) -> bool {
    storage().is_some_and(|s| s.set_item(DOC, &doc.to_string()).is_ok())
}

/// Removes the draft.
pub fn clear() {
    if let Some(s) = storage() {
        for k in [DOC, OPENED, NAME] {
            let _ = s.remove_item(k);
        }
    }
}

/// The interface language chosen last time in this browser.
pub fn lang() -> Option<String> {
    storage()?.get_item(LANG).ok()?
}

/// Keeps the interface language for next time.
pub fn save_lang(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG, code);
    }
}

//! Browser entry point of the editor page (`edit.html`): its own wasm, so the reader's first
//! load never carries the editor.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_panic();
    almaty_process::editor::mount();
}

/// A panic is logged and shown on the page; the draft is already in storage.
#[cfg(target_arch = "wasm32")]
fn console_panic() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("almaty-process editor: {info}").into());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("editor-crash"))
        {
            let _ = el.remove_attribute("hidden");
        }
    }));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the editor is a browser page: build it with `trunk build` (see README.md)");
}

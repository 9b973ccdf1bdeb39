//! Browser entry point: install the panic hook, mount every host element.

#[cfg(target_arch = "wasm32")]
fn main() {
    almaty_process::embed::install_panic_hook();
    almaty_process::embed::panic_on_request();
    almaty_process::embed::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("almaty-process is a browser app: build it with `trunk build` (see README.md)");
}

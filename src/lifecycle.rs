//! Whether this copy of the app still runs. A panic is a bug; when one happens, the copy that
//! panicked is dead (its memory may be half-updated) and a fresh copy takes over
//! (`embed::install_panic_hook`). The listeners and timers the dead copy left on the window
//! ask [`alive`] first and do nothing once it is false.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set when this copy of the app has panicked.
static DEAD: AtomicBool = AtomicBool::new(false);

/// False once this copy has panicked.
pub fn alive() -> bool {
    !DEAD.load(Ordering::Relaxed)
}

/// Marks this copy dead; tells whether it already was.
pub fn mark_dead() -> bool {
    DEAD.swap(true, Ordering::Relaxed)
}

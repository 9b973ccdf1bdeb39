//! The app shell: loads the dataset, shows loading and error states, then the explorer.

use crate::components::error_view::ErrorView;
use crate::components::explorer::Explorer;
use crate::components::ui::current_hash;
pub use crate::config::Config;
use crate::i18n::{t, Key};
use crate::load::{fetch_dataset, LoadError};
use crate::model::Dataset;
use crate::view_state::shell_lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Where loading stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(Arc<Dataset>),
    Failed(LoadError),
}

/// The whole app for one host element. With `initial` set it shows that instead of fetching
/// (used by tests and by hosts that bring their own data).
#[component]
pub fn App(config: Config, #[prop(optional)] initial: Option<Load>) -> impl IntoView {
    // Loading and error messages speak the language a shared link asks for.
    let lang = Signal::stored(shell_lang(&config, &current_hash()));
    let fetch = initial.is_none();
    let state = RwSignal::new(initial.unwrap_or(Load::Loading));
    let src = config.src.clone();
    let start = move || {
        state.set(Load::Loading);
        let src = src.clone();
        leptos::task::spawn_local(async move {
            let r = fetch_dataset(&src).await;
            state.set(match r {
                Ok(ds) => Load::Ready(ds),
                Err(e) => Load::Failed(e),
            });
        });
    };
    if fetch {
        start();
    }
    let retry = Callback::new(move |_: ()| start());
    let config = StoredValue::new(config);
    move || match state.get() {
        Load::Loading => view! {
            <div class="ap-status" role="status" aria-live="polite" data-testid="loading">
                <span class="ap-spinner" aria-hidden="true"></span>
                {move || t(Key::Loading, lang.get())}
            </div>
        }
        .into_any(),
        Load::Failed(e) => view! { <ErrorView error=e lang=lang on_retry=retry/> }.into_any(),
        Load::Ready(ds) => view! { <Explorer dataset=ds config=config.get_value()/> }.into_any(),
    }
}

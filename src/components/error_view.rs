//! The error panel: which URL failed and why, every dataset problem with its JSON path, and a
//! retry button.

use crate::i18n::{problem_count, t, Key, Lang};
use crate::load::LoadError;
use leptos::prelude::*;

/// Shows a load error in an alert with a retry button.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: LoadError,
    /// Interface language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let url = error.url().to_string();
    let heading = {
        let invalid = matches!(error, LoadError::Invalid { .. });
        move || t(if invalid { Key::InvalidData } else { Key::LoadFailed }, lang.get())
    };
    let reason = {
        let error = error.clone();
        move || {
            let l = lang.get();
            match &error {
                LoadError::Network { reason, .. } => format!("{} ({reason})", t(Key::ConnectionFailed, l)),
                LoadError::Http { status, status_text, .. } => {
                    format!("HTTP {status} {status_text}").trim_end().to_string()
                }
                LoadError::Timeout { seconds, .. } => format!("{} {seconds} s", t(Key::TimedOut, l)),
                LoadError::Invalid { problems, .. } => problem_count(problems.len(), l),
            }
        }
    };
    let problems = match error {
        LoadError::Invalid { problems, .. } => problems,
        _ => Vec::new(),
    };
    view! {
        <div class="ap-error" role="alert" data-testid="error">
            <h1 class="ap-error__title">{heading}</h1>
            <p class="ap-error__what">
                <code class="ap-error__url" data-testid="error-url">{url}</code>
                " — "
                <span data-testid="error-reason">{reason}</span>
            </p>
            {(!problems.is_empty()).then(|| view! {
                <h2 class="ap-error__sub">{move || t(Key::ProblemsFound, lang.get())}</h2>
                <ul class="ap-error__list" data-testid="problems" tabindex="0" data-scroll-area
                    aria-label=move || t(Key::ProblemsFound, lang.get())>
                    {problems.into_iter().map(|p| view! {
                        <li data-kind=p.kind.as_str()>
                            <code>{p.path}</code>": "{p.message}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <button type="button" class="ap-button" data-testid="retry" on:click=move |_| on_retry.run(())>
                {move || t(Key::Retry, lang.get())}
            </button>
        </div>
    }
}

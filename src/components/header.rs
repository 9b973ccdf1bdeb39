//! The header: one row with the dataset's title, an "About this dataset" disclosure (its
//! description and change log), the language switch and the view switch.

use super::ui::text_view;
use crate::i18n::{t, Key, Lang};
use crate::model::Dataset;
use crate::view_state::{Action, View};
use leptos::prelude::*;
use std::sync::Arc;

/// Title, description, language and view switches.
#[component]
pub fn Header(
    dataset: Arc<Dataset>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(into)] view: Signal<View>,
    on_action: Callback<Action>,
) -> impl IntoView {
    let languages: Vec<Lang> = dataset.languages.iter().filter_map(|l| Lang::parse(l)).collect();
    let languages = if languages.is_empty() { vec![Lang::En] } else { languages };
    let ds = StoredValue::new(dataset);
    let title = move || ds.with_value(|ds| text_view(ds, &ds.title, lang.get()));
    let description = move || ds.with_value(|ds| text_view(ds, &ds.description, lang.get()));
    let view_button = move |v: View, key: Key| {
        view! {
            <button type="button" class="ap-seg__btn" data-testid=format!("view-{}", v.as_str())
                aria-pressed=move || (view.get() == v).to_string()
                on:click=move |_| on_action.run(Action::SetView(v))>
                {move || t(key, lang.get())}
            </button>
        }
    };
    // The change log, newest first as the file lists it: date, what changed, why, sources.
    let n_changes = ds.with_value(|ds| ds.changes.len());
    let has_changes = n_changes > 0;
    let changes = move || {
        let l = lang.get();
        ds.with_value(|ds| {
            ds.changes
                .iter()
                .map(|c| {
                    let (date, rest) = crate::export::change_line(ds, c, l);
                    view! { <li data-testid="change-log-entry"><strong>{date}</strong>": "{rest}</li> }
                })
                .collect_view()
        })
    };
    // The description waits behind its disclosure, so the timeline and the map fit one screen.
    let about = RwSignal::new(false);
    view! {
        <header class="ap-header">
            <div class="ap-header__row">
                <h1 class="ap-title" data-testid="title">{title}</h1>
                <div class="ap-header__controls">
                    <button type="button" class="ap-button ap-button--small ap-disclose" data-testid="about"
                        aria-expanded=move || about.get().to_string()
                        on:click=move |_| about.update(|a| *a = !*a)>
                        {move || t(Key::AboutDataset, lang.get())}
                    </button>
                    <div class="ap-seg" role="group" aria-label=move || t(Key::Language, lang.get())>
                        {languages.into_iter().map(|l| view! {
                            <button type="button" class="ap-seg__btn" lang=l.code()
                                data-testid=format!("lang-{}", l.code())
                                aria-pressed=move || (lang.get() == l).to_string()
                                on:click=move |_| on_action.run(Action::SetLang(l))>
                                {l.code().to_uppercase()}
                            </button>
                        }).collect_view()}
                    </div>
                    <div class="ap-seg" role="group" aria-label=move || t(Key::View, lang.get())>
                        {view_button(View::Visual, Key::ViewVisual)}
                        {view_button(View::Text, Key::ViewText)}
                    </div>
                </div>
            </div>
            <p class="ap-subtitle" data-testid="about-text" hidden=move || !about.get()>{description}</p>
            {has_changes.then(|| view! {
                // A disclosure of its own: the log can be long, the description comes first.
                <details class="ap-log" data-testid="change-log" hidden=move || !about.get()>
                    <summary class="ap-log__title">
                        {move || t(Key::DatasetChanges, lang.get())}" ("{n_changes}")"
                    </summary>
                    <ul class="ap-log__list">{changes}</ul>
                </details>
            })}
        </header>
    }
}

//! Fetches `data/dataset.json` and lists its events' titles: the least a data-driven Leptos
//! page does, with nothing of the app.
use leptos::prelude::*;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Title {
    en: String,
}

#[derive(Deserialize, Clone)]
struct Event {
    id: String,
    title: Title,
}

#[derive(Deserialize, Clone)]
struct Dataset {
    events: Vec<Event>,
}

async fn load() -> Result<Dataset, String> {
    let resp = gloo_net::http::Request::get("data/dataset.json").send().await.map_err(|e| e.to_string())?;
    resp.json::<Dataset>().await.map_err(|e| e.to_string())
}

fn main() {
    let data = LocalResource::new(load);
    leptos::mount::mount_to_body(move || {
        view! {
            <main>
                <h1>"Events"</h1>
                <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(ds) => view! {
                                <ul>{ds.events.into_iter().map(|e| view! { <li id=e.id>{e.title.en}</li> }).collect_view()}</ul>
                            }.into_any(),
                            Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </main>
        }
    });
}

//! The take-away toolbar: download (the events as CSV, the states as of the date as CSV, the
//! events as a calendar, the dataset's own JSON file), cite (the selected event or the whole
//! dataset, in the language's common style, BibTeX or CSL-JSON) with a copy button, copy a
//! link to the view, and print.
//!
//! Buttons with visible text; "Download" and "Cite" are disclosures (a button with
//! `aria-expanded` and the panel after it, full width, so it works the same on a phone) and
//! Escape closes them. Files are made by [`crate::export`] only when asked for, and saved
//! through a Blob and an object URL (no inline script, no `eval`: fine under a strict CSP).
//! Results are announced politely.
//!
//! The markup is written as a string ([`markup`], every text escaped) when the language
//! changes, and one effect keeps it in step with the state (which panel is open, the date on
//! the states button, the citation); one click, one change and one keydown handler on the
//! toolbar serve every control through its `data-act` or `value`. Written with `view!`, the same
//! toolbar and printout cost about twice the wasm (measured: +24 KB gzip against +12 KB).

use super::ui::today;
use crate::date::DayNum;
use crate::export::{self, cite, csv, ics};
use crate::i18n::{format_day, te, ExportKey as X, Lang};
use crate::model::{Dataset, EventIx};
use crate::toolbar_markup::{markup, Panel, Ui};
use crate::view_state::Selection;
use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// How this instance makes links to its views.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Links {
    /// Whether the instance keeps its view in the URL hash (else a link opens the page only).
    pub use_hash: bool,
    /// The instance's hash key prefix, when several share a page.
    pub prefix: Option<String>,
}

impl Links {
    /// The current view: the page's address with its hash, when the hash holds the view.
    pub fn view(&self) -> String {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        if self.use_hash {
            href
        } else {
            page_of(&href).to_string()
        }
    }

    /// The start of a link to one event (its id goes after it), when the hash holds the view.
    pub fn event_base(&self, lang: Lang) -> Option<String> {
        self.use_hash.then(|| {
            let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            crate::hash::event_link_base(page_of(&href), self.prefix.as_deref(), lang.code())
        })
    }
}

/// An address without its hash.
fn page_of(href: &str) -> &str {
    href.split('#').next().unwrap_or(href)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Events,
    States,
    Calendar,
}

/// Saves `body` (a string, or bytes as a `Uint8Array`) as a file called `name`: a Blob, an
/// object URL, a click on a temporary link.
pub fn save(doc: &web_sys::Document, name: &str, mime: &str, body: &JsValue) -> Option<()> {
    // (Any sequence of Blob parts: web-sys names the binding after strings.)
    let parts = js_sys::Array::of1(body);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    // Not attached: its click must not bubble into the toolbar's own click handler.
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has its own copy by now; free the object URL a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Some(())
}

/// Writes `text` to the clipboard with the Clipboard API; false when there is none or it
/// refused.
async fn clipboard_write(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if clip.is_undefined() || clip.is_null() {
        return false;
    }
    let clip: web_sys::Clipboard = clip.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clip.write_text(text)).await.is_ok()
}

/// The older way: copy the current selection with `document.execCommand("copy")`.
fn exec_copy() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    js_sys::Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .is_some_and(|r| r.is_truthy())
}

/// A number unique to each toolbar, for the ids that tie buttons to their panels.
fn next_uid() -> usize {
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed) + 1
}

/// The part of the toolbar called `name` (its `data-part`) inside `root`.
fn part(root: &Element, name: &str) -> Option<Element> {
    let mut sel = String::from("[data-part=\"");
    sel.push_str(name);
    sel.push_str("\"]");
    root.query_selector(&sel).ok().flatten()
}

/// Selects all text of a text area or text field, with the focus on it.
fn select_all(el: &Element) {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = t.focus();
        t.select();
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = i.focus();
        i.select();
    }
}

/// Shows the open panel (and says so on its button); hides the others.
fn show_panels(r: &Element, open: Panel) {
    for (act, p) in [("tools-download", Panel::Download), ("tools-cite", Panel::Cite), ("tools-share", Panel::Share)] {
        if let Some(b) = part(r, act) {
            let _ = b.set_attribute("aria-expanded", if open == p { "true" } else { "false" });
        }
    }
    for (name, p) in [
        ("download-panel", Panel::Download),
        ("cite-panel", Panel::Cite),
        ("link-panel", Panel::Link),
        ("share-panel", Panel::Share),
    ] {
        if let Some(el) = part(r, name) {
            let _ = el.toggle_attribute_with_force("hidden", open != p);
        }
    }
}

/// The download buttons' words: the found events only when a search or filter is on, the
/// states as of the date.
fn label_downloads(r: &Element, l: Lang, found: bool, day: DayNum) {
    for (name, all, some) in
        [("download-events-csv", X::EventsCsv, X::FoundCsv), ("download-ics", X::Calendar, X::FoundCalendar)]
    {
        if let Some(b) = part(r, name) {
            b.set_text_content(Some(te(if found { some } else { all }, l)));
        }
    }
    let mut s = String::from(te(X::StatesAsOf, l));
    s.push(' ');
    s.push_str(&format_day(day, l));
    s.push_str(" (CSV)");
    if let Some(b) = part(r, "download-states-csv") {
        b.set_text_content(Some(&s));
    }
}

/// The citation of the event `scoped` (with a link to it), else of the whole dataset.
fn citation(ds: &Dataset, links: &Links, scoped: Option<EventIx>, l: Lang, format: cite::Format) -> String {
    match scoped.and_then(|i| ds.events.get(i.0)) {
        Some(e) => {
            let url = match links.event_base(l) {
                Some(mut base) => {
                    base.push_str(&e.id);
                    base
                }
                None => links.view(),
            };
            cite::cite(ds, cite::Subject::Event(e), l, format, &url, today())
        }
        None => cite::cite(ds, cite::Subject::Dataset, l, format, page_of(&links.view()), today()),
    }
}

/// A download's name, type and body; `only` holds the events a search or filter shows.
fn file(
    ds: &Dataset,
    f: File,
    l: Lang,
    d: DayNum,
    base: Option<&str>,
    only: Option<&[usize]>,
) -> (String, &'static str, String) {
    let what = if only.is_some() { "found-events" } else { "events" };
    match f {
        File::Events => {
            (export::file_name(ds, what, None, Some(l), "csv"), "text/csv;charset=utf-8", csv::events(ds, l, only))
        }
        File::States => {
            let when = export::iso_day(d);
            (
                export::file_name(ds, "states", Some(&when), Some(l), "csv"),
                "text/csv;charset=utf-8",
                csv::states(ds, l, d),
            )
        }
        File::Calendar => (
            export::file_name(ds, what, None, Some(l), "ics"),
            "text/calendar;charset=utf-8",
            ics::calendar(ds, l, base, only).text,
        ),
    }
}

/// A choice in the cite panel: what to cite (the event or the dataset) and in which format.
fn choose(ui: RwSignal<Ui>, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let v = input.value();
    ui.update(|u| match v.as_str() {
        "event" => u.event_scope = true,
        "dataset" => u.event_scope = false,
        v => {
            if let Some(f) = cite::Format::ALL.into_iter().find(|f| f.as_str() == v) {
                u.format = f;
            }
        }
    });
}

/// Asks the figure module (loaded on first use through `boot.js`'s `__almatyFigure`) for
/// `what`: `panel` (it fills the Share panel `panel`: the alt text, the embed snippets and the
/// policy), `svg` or `png` (a file's body), of the view `view` (a query string: lang, view,
/// day, event, state, from, to, made) with the link `link`, from the dataset at `src`.
async fn figure(what: &str, src: &str, view: &str, link: &str, panel: Option<&Element>) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"__almatyFigure".into())?.dyn_into()?;
    let args = js_sys::Array::of5(
        &what.into(),
        &src.into(),
        &view.into(),
        &link.into(),
        &panel.map_or(JsValue::NULL, |p| p.into()),
    );
    let promise: js_sys::Promise = f.apply(&JsValue::NULL, &args)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// Whether the browser has a system share sheet (`navigator.share`).
fn can_share() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// The toolbar.
#[component]
pub fn Toolbar(
    dataset: Arc<Dataset>,
    #[prop(into)] selection: Signal<Selection>,
    #[prop(into)] day: Signal<DayNum>,
    #[prop(into)] lang: Signal<Lang>,
    /// The dataset's URL as the app loaded it: the JSON download is that file.
    #[prop(into)]
    src: String,
    /// How links to this instance's views are made.
    #[prop(optional)]
    links: Links,
    /// The events a search or filter shows (`None`: no search or filter); the event downloads
    /// then hold only those.
    #[prop(optional, into)]
    shown: Signal<Option<Arc<Vec<usize>>>>,
    /// The span the timeline shows (for the figure); `None`: the whole dataset.
    #[prop(optional, into)]
    span: Signal<Option<(DayNum, DayNum)>>,
    /// Whether the text view is shown (for the embed snippets).
    #[prop(optional, into)]
    text_view: Signal<bool>,
) -> impl IntoView {
    let mut uid = String::new();
    export::push_num(&mut uid, next_uid() as u32, 1);
    let json_name =
        export::file_name(&dataset, "dataset", Some(&export::iso_day(dataset.updated.first_day())), None, "json");
    let ds = StoredValue::new(dataset);
    let fixed = StoredValue::new((uid, src, json_name, links));
    let ui = RwSignal::new(Ui { open: Panel::Closed, event_scope: true, format: cite::Format::Style });
    let root = NodeRef::<html::Div>::new();

    // The Share panel: the embed snippets of the view (made here), the alt text (from the
    // figure module, loaded when the panel first opens), the system share sheet if any.
    let view_query = move || -> String {
        let (l, d, sel) = (lang.get_untracked(), day.get_untracked(), selection.get_untracked());
        let mut q = String::from("lang=");
        q.push_str(l.code());
        q.push_str(if text_view.get_untracked() { "&view=text" } else { "&view=visual" });
        let mut put = |k: &str, v: &str| {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        };
        put("day", &export::iso_day(d));
        put("made", &export::iso_day(today()));
        ds.with_value(|ds| {
            if let Some(e) = sel.event().and_then(|e| ds.events.get(e.0)) {
                put("event", &e.id);
            }
            if let Some(s) = sel.state().and_then(|s| ds.states.get(s.0)) {
                put("state", &s.code);
            }
        });
        if let Some((a, b)) = span.get_untracked() {
            put("from", &export::iso_day(a));
            put("to", &export::iso_day(b));
        }
        q
    };
    let share_panel = move |r: &Element, l: Lang| {
        // Tracked: the panel follows the view while it is open.
        let _ = (day.get(), selection.get(), span.get(), text_view.get());
        if let Some(el) = part(r, "share-native-row") {
            let _ = el.toggle_attribute_with_force("hidden", !can_share());
        }
        let alt = part(r, "figure-alt");
        if let Some(el) = &alt {
            el.unchecked_ref::<web_sys::HtmlTextAreaElement>().set_value(te(X::FigureMaking, l));
        }
        let (view, panel) = (view_query(), part(r, "share-panel"));
        let (src, link) = fixed.with_value(|f| (f.1.clone(), f.3.view()));
        leptos::task::spawn_local(async move {
            if figure("panel", &src, &view, &link, panel.as_ref()).await.is_err() {
                if let Some(el) = alt {
                    el.unchecked_ref::<web_sys::HtmlTextAreaElement>().set_value(te(X::FigureFailed, l));
                }
            }
        });
    };

    // The markup, written again when the language changes; then the state applied to it. A
    // panel's content is made only while it is open, so a date move costs nothing otherwise.
    Effect::new(move |rendered: Option<Option<Lang>>| {
        let l = lang.get();
        let u = ui.get();
        let r = root.get()?;
        if rendered.flatten() != Some(l) {
            r.set_inner_html(&fixed.with_value(|(uid, src, json, _)| markup(uid, src, json, l, u)));
            let _ = r.set_attribute("aria-label", te(X::Tools, l));
        }
        show_panels(&r, u.open);
        if u.open == Panel::Download {
            label_downloads(&r, l, shown.with(|s| s.is_some()), day.get());
        }
        if u.open == Panel::Cite {
            let event = selection.get().event();
            let scoped = if u.event_scope { event } else { None };
            let text =
                ds.with_value(|ds| fixed.with_value(|(_, _, _, links)| citation(ds, links, scoped, l, u.format)));
            if let Some(el) = part(&r, "cite-scope") {
                let _ = el.toggle_attribute_with_force("hidden", event.is_none());
            }
            if let Some(el) = part(&r, "cite-text") {
                el.unchecked_ref::<web_sys::HtmlTextAreaElement>().set_value(&text);
            }
        }
        if u.open == Panel::Share {
            share_panel(&r, l);
        }
        Some(l)
    });

    let find = move |testid: &str| root.get_untracked().and_then(|r| part(&r, testid));
    let set_open = move |p: Panel| ui.update(|u| u.open = p);
    // Closes the open panel and puts the focus back on its button.
    let close = move || {
        let button = match ui.get_untracked().open {
            Panel::Download => "tools-download",
            Panel::Cite => "tools-cite",
            Panel::Link => "tools-link",
            Panel::Share => "tools-share",
            Panel::Closed => return,
        };
        set_open(Panel::Closed);
        if let Some(b) = find(button) {
            let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let announce = move |k: X, rest: &str| {
        let mut s = String::from(te(k, lang.get_untracked()));
        s.push_str(rest);
        if let Some(el) = find("tools-status") {
            el.set_text_content(Some(&s));
        }
    };
    let offer = move |f: File| {
        let l = lang.get_untracked();
        let d = day.get_untracked();
        let base = fixed.with_value(|(_, _, _, links)| links.event_base(l));
        let only = shown.get_untracked();
        let only = only.as_deref().map(|v| v.as_slice());
        let (name, mime, body) = ds.with_value(|ds| file(ds, f, l, d, base.as_deref(), only));
        if let Some(doc) = root.get_untracked().and_then(|r| r.owner_document()) {
            save(&doc, &name, mime, &JsValue::from_str(&body));
        }
        close();
        let mut rest = String::from(": ");
        rest.push_str(&name);
        announce(X::DownloadStarted, &rest);
    };
    // Copies `text`; when the Clipboard API cannot, opens `fallback` (if any), selects the text
    // in the field `field` and tries the old copy command, else asks for Ctrl+C.
    let copy = move |text: String, field: &'static str, fallback: Option<Panel>, done: X| {
        leptos::task::spawn_local(async move {
            if clipboard_write(&text).await {
                announce(done, "");
                return;
            }
            if let Some(p) = fallback {
                set_open(p);
            }
            request_animation_frame(move || {
                if let Some(el) = find(field) {
                    select_all(&el);
                }
                announce(if exec_copy() { done } else { X::CopyFallback }, "");
            });
        });
    };

    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(act) = el.closest("[data-act]").ok().flatten().and_then(|b| b.get_attribute("data-act")) else {
            return;
        };
        let open = ui.get_untracked().open;
        match act.as_str() {
            "download" => set_open(if open == Panel::Download { Panel::Closed } else { Panel::Download }),
            "cite" => set_open(if open == Panel::Cite { Panel::Closed } else { Panel::Cite }),
            "events-csv" => offer(File::Events),
            "states-csv" => offer(File::States),
            "ics" => offer(File::Calendar),
            // The link itself downloads the file (same origin, `download` attribute).
            "json" => {
                close();
                let mut rest = String::from(": ");
                rest.push_str(&fixed.with_value(|f| f.2.clone()));
                announce(X::DownloadStarted, &rest);
            }
            "copy" => {
                let text = find("cite-text").map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value());
                copy(text.unwrap_or_default(), "cite-text", None, X::Copied);
            }
            "link" => {
                set_open(Panel::Closed);
                let link = fixed.with_value(|(_, _, _, links)| links.view());
                if let Some(input) = find("link-text") {
                    input.unchecked_into::<web_sys::HtmlInputElement>().set_value(&link);
                }
                copy(link, "link-text", Some(Panel::Link), X::LinkCopied);
            }
            "share" => set_open(if open == Panel::Share { Panel::Closed } else { Panel::Share }),
            "figure-svg" | "figure-png" => {
                let png = act == "figure-png";
                let l = lang.get_untracked();
                let view = view_query();
                let (src, link) = fixed.with_value(|f| (f.1.clone(), f.3.view()));
                // Named by the selected event, if any, and the date: "…-figure-2013-06-05-ministerial-2013-06-05-en.png".
                let name = ds.with_value(|ds| {
                    let mut what = String::from("figure");
                    if let Some(e) = selection.get_untracked().event().and_then(|e| ds.events.get(e.0)) {
                        what.push('-');
                        what.push_str(&e.id);
                    }
                    let when = export::iso_day(day.get_untracked());
                    export::file_name(ds, &what, Some(&when), Some(l), if png { "png" } else { "svg" })
                });
                announce(X::FigureMaking, "");
                leptos::task::spawn_local(async move {
                    let made = figure(if png { "png" } else { "svg" }, &src, &view, &link, None).await;
                    let doc = root.get_untracked().and_then(|r| r.owner_document());
                    match (made, doc) {
                        (Ok(body), Some(doc)) => {
                            save(&doc, &name, if png { "image/png" } else { "image/svg+xml" }, &body);
                            let mut rest = String::from(": ");
                            rest.push_str(&name);
                            announce(X::DownloadStarted, &rest);
                        }
                        _ => announce(X::FigureFailed, ""),
                    }
                });
            }
            "copy-figure-alt" | "copy-embed-element" | "copy-embed-iframe" => {
                let field = match act.as_str() {
                    "copy-figure-alt" => "figure-alt",
                    "copy-embed-element" => "embed-element",
                    _ => "embed-iframe",
                };
                let text = find(field).map(|t| t.unchecked_into::<web_sys::HtmlTextAreaElement>().value());
                copy(text.unwrap_or_default(), field, None, X::Copied);
            }
            "share-native" => {
                let l = lang.get_untracked();
                let data = web_sys::ShareData::new();
                data.set_title(&ds.with_value(|ds| export::txt(ds, &ds.title, l).to_string()));
                data.set_url(&fixed.with_value(|(_, _, _, links)| links.view()));
                if let Some(w) = web_sys::window() {
                    // A cancelled share sheet rejects the promise: nothing to report, but the
                    // rejection is taken here rather than left unhandled.
                    let p = w.navigator().share_with_data(&data);
                    leptos::task::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                    });
                }
            }
            "print" => {
                set_open(Panel::Closed);
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| choose(ui, ev);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && ui.get_untracked().open != Panel::Closed {
            ev.prevent_default();
            close();
        }
    };
    view! {
        <div class="ap-tools" data-testid="toolbar" role="group" node_ref=root
            on:click=on_click on:change=on_change on:keydown=on_key></div>
    }
}

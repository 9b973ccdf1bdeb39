//! The reader's figure code, in its own WebAssembly module: `boot.js` loads it
//! (`__almatyFigure`) the first time a reader opens the Share panel, so the first load does not
//! carry it. It builds the figure of a view ([`almaty_process::figure`]) and gives it as SVG text,
//! as its alt text, or drawn on a canvas at twice the pixel density and encoded as PNG.
//! Drawing on a canvas (not loading the SVG into an image) keeps to a strict CSP: no `blob:` or
//! `data:` image is needed.
//!
//! It also fills the Share panel's alt text and embed snippets ([`almaty_process::snippet`]), so
//! the reader's own module carries none of that code. The view comes as a query string
//! (`lang=en&view=visual&day=2013-06-05&event=…&state=KZ&from=…&to=…&made=…`; the span defaults
//! to the dataset's whole extent).
#[cfg(target_arch = "wasm32")]
mod exports {
    use almaty_process::date::{Date, DayNum};
    use almaty_process::figure::{self, Anchor, Figure, FigureView, Item};
    use almaty_process::i18n::Lang;
    use almaty_process::model::Dataset;
    use almaty_process::snippet::{self, EmbedView};
    use almaty_process::validate::parse_dataset;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The download's size in figure pixels (the PNG has twice as many in each direction).
    const WIDTH: f64 = 1600.0;
    const HEIGHT: f64 = 1000.0;

    fn err(msg: impl std::fmt::Display) -> JsValue {
        JsValue::from_str(&msg.to_string())
    }

    /// The value of `key` in the view's query string.
    fn get<'a>(view: &'a str, key: &str) -> Option<&'a str> {
        view.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn day_of(view: &str, key: &str) -> Option<DayNum> {
        get(view, key).and_then(|s| Date::parse(s).ok()).map(|d| d.first_day())
    }

    thread_local! {
        /// The last dataset read, by a hash of its text: the open Share panel asks again at
        /// every change of date or selection, and the text rarely changes.
        static LAST: std::cell::RefCell<Option<(u64, std::rc::Rc<Dataset>)>> = const { std::cell::RefCell::new(None) };
    }

    /// The dataset of `text`, parsed and validated once per text.
    fn dataset_of(text: &str) -> Result<std::rc::Rc<Dataset>, JsValue> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let key = h.finish();
        if let Some(ds) = LAST.with_borrow(|l| l.as_ref().filter(|(k, _)| *k == key).map(|(_, d)| d.clone())) {
            return Ok(ds);
        }
        let ds = std::rc::Rc::new(
            parse_dataset(text).map_err(|p| err(format!("the dataset is not valid ({} problems)", p.len())))?,
        );
        LAST.set(Some((key, ds.clone())));
        Ok(ds)
    }

    /// The dataset and the figure's view from the caller's texts.
    fn read(dataset: &str, view: &str, link: &str) -> Result<(std::rc::Rc<Dataset>, FigureView), JsValue> {
        let ds = dataset_of(dataset)?;
        let lang = get(view, "lang").and_then(Lang::parse).unwrap_or(Lang::En);
        let updated = ds.updated.first_day();
        let day = day_of(view, "day").unwrap_or(updated);
        let event = get(view, "event").and_then(|id| ds.event_ix(id));
        let state = get(view, "state").and_then(|c| ds.state_ix(c));
        let span = match (day_of(view, "from"), day_of(view, "to")) {
            (Some(a), Some(b)) if a < b => (a, b),
            _ => almaty_process::query::extent(&ds, updated),
        };
        let made = day_of(view, "made").unwrap_or(updated);
        Ok((ds, FigureView { lang, day, event, state, span, link: link.to_string(), made }))
    }

    /// The Share panel's work for the view `view` (a query string: lang, view, day, event,
    /// state, from, to, made) with the link `link`, the dataset's text `dataset` from the
    /// absolute URL `src`, the app's folder `assets`: for `what` = `svg`, the figure's SVG
    /// text; `png`, its PNG bytes; `panel`, fills the panel element `panel` (alt text, embed
    /// snippets, policy) and gives the alt text.
    #[wasm_bindgen]
    pub async fn figure(
        what: String,
        dataset: String,
        view: String,
        link: String,
        src: String,
        assets: String,
        panel: Option<web_sys::Element>,
    ) -> Result<JsValue, JsValue> {
        let (ds, v) = read(&dataset, &view, &link)?;
        match what.as_str() {
            "svg" => Ok(figure::to_svg(&figure::build(&ds, &v, WIDTH, HEIGHT)).into()),
            "png" => png(&figure::build(&ds, &v, WIDTH, HEIGHT)).await.map(JsValue::from),
            _ => {
                // The panel needs only the figure's words, not its drawing.
                let alt = figure::describe(&ds, &v);
                let e = EmbedView {
                    lang: v.lang.code().into(),
                    view: get(&view, "view").unwrap_or("visual").into(),
                    date: get(&view, "day").map(str::to_string),
                    event: v.event.map(|i| ds.events[i.0].id.clone()),
                    state: v.state.map(|i| ds.states[i.0].code.clone()),
                    title: almaty_process::export::txt(&ds, &ds.title, v.lang).to_string(),
                };
                let (policy_element, policy_frame) = snippet::csp(&assets);
                if let Some(p) = panel {
                    for (part, text) in [
                        ("figure-alt", alt.clone()),
                        ("embed-element", snippet::element(&assets, &src, &e)),
                        (
                            "embed-iframe",
                            snippet::iframe(&assets, &src, &e).unwrap_or_else(|| {
                                match v.lang.ui() {
                                    almaty_process::i18n::Ui::Ru => "Страница для фрейма (embed.html) показывает только наборы данных из папки приложения; для этого набора используйте элемент.",
                                    almaty_process::i18n::Ui::En => "The iframe page (embed.html) shows only datasets in the app's folder; use the element for this dataset.",
                                }
                                .to_string()
                            }),
                        ),
                        ("embed-csp", format!("{policy_element}\n{policy_frame}")),
                    ] {
                        let sel = format!("[data-part=\"{part}\"]");
                        if let Some(el) = p.query_selector(&sel)? {
                            match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                                Some(t) => t.set_value(&text),
                                None => el.set_text_content(Some(&text)),
                            }
                        }
                    }
                }
                Ok(alt.into())
            }
        }
    }

    /// The figure as PNG bytes, drawn at twice its size.
    async fn png(f: &Figure) -> Result<js_sys::Uint8Array, JsValue> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| err("no document"))?;
        let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
        canvas.set_width((f.width * 2.0) as u32);
        canvas.set_height((f.height * 2.0) as u32);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d")?.ok_or_else(|| err("no 2d canvas"))?.unchecked_into();
        ctx.scale(2.0, 2.0)?;
        draw(&ctx, f)?;
        let blob = to_blob(&canvas).await?;
        let buf = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await?;
        Ok(js_sys::Uint8Array::new(&buf))
    }

    /// The canvas's PNG, through `toBlob` and a promise.
    async fn to_blob(canvas: &web_sys::HtmlCanvasElement) -> Result<web_sys::Blob, JsValue> {
        let canvas = canvas.clone();
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let on_fail = reject.clone();
            let cb = Closure::once_into_js(move |b: JsValue| {
                if b.is_null() {
                    let _ = on_fail.call1(&JsValue::NULL, &err("the canvas gave no image"));
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &b);
                }
            });
            if let Err(e) = canvas.to_blob_with_type(cb.unchecked_ref(), "image/png") {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        });
        Ok(wasm_bindgen_futures::JsFuture::from(promise).await?.unchecked_into())
    }

    /// Draws every item of `f` in order, on a white ground.
    fn draw(ctx: &web_sys::CanvasRenderingContext2d, f: &Figure) -> Result<(), JsValue> {
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f.width, f.height);
        ctx.set_text_baseline("alphabetic");
        let none = js_sys::Array::new();
        for item in &f.items {
            match item {
                Item::Rect { x, y, w, h, fill, stroke, stroke_width, radius, dashed } => {
                    ctx.begin_path();
                    if *radius > 0.0 {
                        ctx.round_rect_with_f64(*x, *y, *w, *h, *radius)?;
                    } else {
                        ctx.rect(*x, *y, *w, *h);
                    }
                    if fill != "none" {
                        ctx.set_fill_style_str(fill);
                        ctx.fill();
                    }
                    if let Some(s) = stroke {
                        // As the SVG draws it: dashes of 3 and gaps of 2 stroke widths.
                        let dash = js_sys::Array::of2(&(stroke_width * 3.0).into(), &(stroke_width * 2.0).into());
                        ctx.set_line_dash(if *dashed { &dash } else { &none })?;
                        ctx.set_stroke_style_str(s);
                        ctx.set_line_width(*stroke_width);
                        ctx.stroke();
                        ctx.set_line_dash(&none)?;
                    }
                }
                Item::Line { x1, y1, x2, y2, stroke, width } => {
                    ctx.begin_path();
                    ctx.move_to(*x1, *y1);
                    ctx.line_to(*x2, *y2);
                    ctx.set_stroke_style_str(stroke);
                    ctx.set_line_width(*width);
                    ctx.stroke();
                }
                Item::Circle { cx, cy, r, fill, stroke, stroke_width } => {
                    ctx.begin_path();
                    ctx.arc(*cx, *cy, *r, 0.0, std::f64::consts::TAU)?;
                    if fill != "none" {
                        ctx.set_fill_style_str(fill);
                        ctx.fill();
                    }
                    if let Some(s) = stroke {
                        ctx.set_stroke_style_str(s);
                        ctx.set_line_width(*stroke_width);
                        ctx.stroke();
                    }
                }
                Item::Text { x, y, text, size, bold, fill, anchor } => {
                    ctx.set_font(&format!("{}{size}px {}", if *bold { "bold " } else { "" }, figure::FONT));
                    ctx.set_text_align(match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "center",
                        Anchor::End => "end",
                    });
                    ctx.set_fill_style_str(fill);
                    ctx.fill_text(text, *x, *y)?;
                }
            }
        }
        Ok(())
    }
}

fn main() {}

//! Writes the dataset's text into a built index.html (run by trunk after each build), so the
//! page shows the history before the app has loaded, and without JavaScript.
//!
//! `cargo run --example prerender -- DATASET.json INDEX.html`

use almaty_process::i18n::Lang;
use almaty_process::prerender::{inject, render};
use almaty_process::validate::parse_bytes;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, index] = args.as_slice() else {
        eprintln!("usage: prerender DATASET.json INDEX.html");
        std::process::exit(2);
    };
    let bytes = std::fs::read(data).unwrap_or_else(|e| fail(&format!("{data}: {e}")));
    let ds = parse_bytes(&bytes).unwrap_or_else(|problems| {
        for p in &problems {
            eprintln!("{data}: {p}");
        }
        fail(&format!("{data}: {} problem(s); not prerendering an invalid dataset", problems.len()))
    });
    let page = std::fs::read_to_string(index).unwrap_or_else(|e| fail(&format!("{index}: {e}")));
    match inject(&page, &render(&ds, Lang::En)) {
        Some(out) => std::fs::write(index, out).unwrap_or_else(|e| fail(&format!("{index}: {e}"))),
        None => eprintln!("{index}: no prerender marker; left as it is"),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("prerender: {msg}");
    std::process::exit(1)
}

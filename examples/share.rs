//! Writes the share pages into a built folder (run by trunk's post-build hook after
//! `prerender`): for every event, every chair term and the whole dataset a page
//! `share/<id>.html` with preview tags, its 1200×630 image `share/<id>.png` and its oEmbed
//! answer `share/<id>.oembed.json`, plus `share/share.css`; then the whole dataset's preview
//! tags and oEmbed discovery link into the folder's `index.html`.
//!
//! `cargo run --example share -- DATASET.json DIST_DIR`
//!
//! The pages need absolute URLs: the site's address (where `DIST_DIR` will be served, ending
//! with `/`) comes from `ALMATY_SITE_URL`, by default `http://127.0.0.1:8080/` (where
//! `scripts/serve.sh` serves).

// A build-time tool: the rasteriser exists on the host only (the wasm32 lint of every target
// still compiles this file).
#[cfg(target_arch = "wasm32")]
fn main() {
    eprintln!("share: a build-time tool; run it on the host");
    std::process::exit(2);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use almaty_process::share::{self, Raster, Subject};
    use almaty_process::validate::parse_bytes;
    use std::path::Path;

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [data, dist] = args.as_slice() else {
            eprintln!(
                "usage: share DATASET.json DIST_DIR   (site URL from {}; default {})",
                share::SITE_ENV,
                share::DEFAULT_SITE
            );
            std::process::exit(2);
        };
        let raw_site = std::env::var(share::SITE_ENV).unwrap_or_else(|_| share::DEFAULT_SITE.to_string());
        let site = share::site_url(&raw_site).unwrap_or_else(|e| fail(&format!("{}: {e}", share::SITE_ENV)));
        let bytes = std::fs::read(data).unwrap_or_else(|e| fail(&format!("{data}: {e}")));
        let ds = parse_bytes(&bytes).unwrap_or_else(|problems| {
            for p in &problems {
                eprintln!("{data}: {p}");
            }
            fail(&format!("{data}: {} problem(s); not writing share pages for an invalid dataset", problems.len()))
        });
        let pages = share::pages(&ds, &site).unwrap_or_else(|e| fail(&e));

        let dist = Path::new(dist);
        let dir = dist.join(share::DIR);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
        let write = |rel: &str, bytes: &[u8]| {
            let path = dist.join(rel);
            std::fs::write(&path, bytes).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        };

        let raster = Raster::new();
        if raster.font_faces() == 0 {
            fail("no fonts found: the images would have no text (Debian: apt-get install fonts-dejavu-core)");
        }
        if !raster.has_fallback() {
            eprintln!(
                "share: DejaVu Sans is not installed; the images use other system fonts (scripts/setup.sh installs it)"
            );
        }
        let mut image_bytes = 0;
        for page in &pages {
            let png = raster.page_png(page).unwrap_or_else(|e| fail(&format!("{}: {e}", page.png_path())));
            image_bytes += png.len();
            write(&page.png_path(), &png);
            write(&page.html_path(), page.html.as_bytes());
            write(&page.oembed_path(), page.oembed.as_bytes());
        }
        write(&format!("{}/share.css", share::DIR), share::CSS.as_bytes());

        let whole = pages.iter().find(|p| p.subject == Subject::Index).expect("the pages include the index");
        let index = dist.join("index.html");
        match std::fs::read_to_string(&index) {
            Ok(html) => match share::inject_head(&html, &share::index_head(&ds, &site, whole)) {
                Some(out) => write("index.html", out.as_bytes()),
                None => eprintln!("{}: no </head>; left as it is", index.display()),
            },
            Err(e) => eprintln!("{}: {e}; no preview tags added", index.display()),
        }
        println!("share: {} pages for {site} in {} ({} KB of images)", pages.len(), dir.display(), image_bytes / 1024);
    }

    fn fail(msg: &str) -> ! {
        eprintln!("share: {msg}");
        std::process::exit(1)
    }
}

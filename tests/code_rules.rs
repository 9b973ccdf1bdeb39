//! Rules about the code itself, checked over `src/`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let p = entry.expect("a directory entry").path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Where `needle` occurs in `src/`, outside the files allowed to hold it.
fn uses_outside(needle: &str, allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut hits = Vec::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if allowed.contains(&rel.as_str()) {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains(needle) && !line.trim_start().starts_with("//") {
                hits.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    hits
}

/// A leptos `Selector` keeps its effect alive as long as any clone of it, past the component
/// that made it; made elsewhere than `ui::selector`, it reads disposed values when one update
/// both disposes its component and changes its source (the crash of a dated link followed by
/// a link to the text view).
#[test]
fn selectors_are_made_only_by_ui_selector() {
    let hits = uses_outside("Selector::new", &["src/components/ui.rs"]);
    assert!(hits.is_empty(), "Selector::new outside ui::selector:\n{}", hits.join("\n"));
    let hits = uses_outside("computed::Selector", &["src/components/ui.rs"]);
    assert!(hits.is_empty(), "Selector imported outside ui.rs:\n{}", hits.join("\n"));
}

/// Test ids are for the tests: the app finds its own elements by class, `data-part` or
/// `data-idx`, never by `data-testid` (a renamed test id must not break the app).
#[test]
fn no_production_code_finds_elements_by_test_id() {
    let hits = uses_outside("[data-testid", &[]);
    assert!(hits.is_empty(), "selectors on data-testid in src/:\n{}", hits.join("\n"));
}

/// The rule's own check finds what it looks for.
#[test]
fn the_rule_finds_a_use() {
    assert!(!uses_outside("Selector::new", &[]).is_empty());
}

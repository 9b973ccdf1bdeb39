//! Validates and cross-checks dataset files, listing every problem with its JSON path.
//!
//! `cargo run --example validate -- public/data/dataset.json [more.json …]`
//!
//! Errors (the app refuses the file) and warnings (records that contradict each other; the app
//! still renders) are listed separately. Exit status: 0 when every file is clean, 2 when there
//! are warnings but no errors, 1 when any file has errors or cannot be read.

use almaty_process::crosscheck::check_bytes;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE.json [FILE.json …]");
        std::process::exit(1);
    }
    let (mut errors, mut warnings) = (false, false);
    for f in files {
        match std::fs::read(&f) {
            Err(e) => {
                println!("{f}: cannot read: {e}");
                errors = true;
            }
            Ok(bytes) => match check_bytes(&bytes) {
                Ok((ds, found)) => {
                    let counts = format!(
                        "{} events, {} states, {} organisations, {} sources, {} chair terms, {} disputes",
                        ds.events.len(),
                        ds.states.len(),
                        ds.organisations.len(),
                        ds.sources.len(),
                        ds.chair_terms.len(),
                        ds.disputes.len()
                    );
                    if found.is_empty() {
                        println!("{f}: ok — {counts}");
                    } else {
                        warnings = true;
                        println!("{f}: valid ({counts}), but {} warning(s)", found.len());
                        for p in found {
                            println!("  warning [{}] {}: {}", p.kind.as_str(), p.path, p.message);
                        }
                    }
                }
                Err(problems) => {
                    errors = true;
                    println!("{f}: {} problem(s)", problems.len());
                    for p in problems {
                        println!("  error [{}] {}: {}", p.kind.as_str(), p.path, p.message);
                    }
                }
            },
        }
    }
    std::process::exit(if errors {
        1
    } else if warnings {
        2
    } else {
        0
    });
}

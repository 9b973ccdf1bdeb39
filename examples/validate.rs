//! Validates dataset files and lists every problem with its JSON path.
//!
//! `cargo run --example validate -- public/data/dataset.json [more.json …]`
//! Exits 1 if any file has problems.

use almaty_process::validate::parse_bytes;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE.json [FILE.json …]");
        std::process::exit(2);
    }
    let mut failed = false;
    for f in files {
        match std::fs::read(&f) {
            Err(e) => {
                println!("{f}: cannot read: {e}");
                failed = true;
            }
            Ok(bytes) => match parse_bytes(&bytes) {
                Ok(ds) => println!(
                    "{f}: ok — {} events, {} states, {} organisations, {} sources, {} chair terms, {} disputes",
                    ds.events.len(),
                    ds.states.len(),
                    ds.organisations.len(),
                    ds.sources.len(),
                    ds.chair_terms.len(),
                    ds.disputes.len()
                ),
                Err(problems) => {
                    failed = true;
                    println!("{f}: {} problem(s)", problems.len());
                    for p in problems {
                        println!("  [{}] {}: {}", p.kind.as_str(), p.path, p.message);
                    }
                }
            },
        }
    }
    std::process::exit(i32::from(failed));
}

//! Validates and cross-checks dataset files, listing every problem with its JSON path.
//!
//! `cargo run --example validate -- [--fmt] [--check-fmt] public/data/dataset.json [more.json …]`
//!
//! Errors (the app refuses the file) and warnings (records that contradict each other; the app
//! still renders) are listed separately. Exit status: 0 when every file is clean, 2 when there
//! are warnings but no errors, 1 when any file has errors or cannot be read.
//!
//! Flags (before or among the files), on the canonical form of a dataset file
//! (`almaty_process::canonical`: two-space JSON, keys in schema order, texts in the order of
//! `languages`, a final newline):
//! - `--fmt` rewrites each file that parses as JSON in canonical form, in place, and names the
//!   files it rewrote (a file that is not JSON is left as it is); the files are then validated
//!   as rewritten. A file that cannot be written is an error.
//! - `--check-fmt` names each file that is not in canonical form, with the first line that
//!   differs; any such file makes the exit status 1.

use almaty_process::canonical::{self, NotCanonical};
use almaty_process::crosscheck::check_bytes;

fn main() {
    let (mut fmt, mut check_fmt, mut files) = (false, false, Vec::new());
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--fmt" => fmt = true,
            "--check-fmt" => check_fmt = true,
            flag if flag.starts_with("--") => {
                eprintln!("unknown flag {flag}");
                files.clear();
                break;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("usage: validate [--fmt] [--check-fmt] FILE.json [FILE.json …]");
        std::process::exit(1);
    }
    let (mut errors, mut warnings) = (false, false);
    for f in files {
        let mut bytes = match std::fs::read(&f) {
            Ok(bytes) => bytes,
            Err(e) => {
                println!("{f}: cannot read: {e}");
                errors = true;
                continue;
            }
        };
        if fmt {
            match canonical::canonical_bytes(&bytes) {
                Ok(text) if text.as_bytes() != bytes => match std::fs::write(&f, &text) {
                    Ok(()) => {
                        println!("{f}: rewritten in canonical form");
                        bytes = text.into_bytes();
                    }
                    Err(e) => {
                        println!("{f}: cannot write: {e}");
                        errors = true;
                    }
                },
                Ok(_) => {}
                Err(e) => println!("{f}: not rewritten: not UTF-8 JSON ({e})"),
            }
        }
        if check_fmt {
            if let Err(e) = canonical::check_bytes(&bytes) {
                errors = true;
                println!("{f}: {e}");
                if let NotCanonical::Differs { found, expected, .. } = e {
                    println!("  found:    {found}");
                    println!("  expected: {expected}");
                }
            }
        }
        match check_bytes(&bytes) {
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

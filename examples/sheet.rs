//! The dataset as a spreadsheet and back (see `docs/dataset-format.md`, "Workbook").
//!
//! ```text
//! cargo run --release --example sheet -- export public/data/dataset.json dataset.xlsx
//! cargo run --release --example sheet -- export public/data/dataset.json sheets/
//! cargo run --release --example sheet -- import dataset.xlsx --base public/data/dataset.json -o new.json [--allow-removals]
//! ```
//!
//! A path ending in `.xlsx` is a workbook; any other is a folder of CSV files. Exit status: 0
//! clean, 2 warnings only (the output is written), 1 errors (nothing written). The logic is
//! `almaty_process::sheet::cli`, the `.xlsx` reader and writer `almaty_process::sheet::xlsx`.
//! `tests/sheet.rs` includes this file.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    #[cfg(not(target_arch = "wasm32"))]
    let xlsx: Option<&dyn almaty_process::sheet::cli::Xlsx> = Some(&xlsx::Files);
    #[cfg(target_arch = "wasm32")]
    let xlsx = None;
    std::process::exit(almaty_process::sheet::cli::run(&args, xlsx, &mut std::io::stdout()));
}

/// `.xlsx` files on disk (the library's reader and writer).
#[cfg(not(target_arch = "wasm32"))]
pub mod xlsx {
    pub use almaty_process::sheet::xlsx::Files;
}

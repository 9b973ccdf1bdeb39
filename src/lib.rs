//! The Almaty Process, explorable: a timeline and a map-style list of states built from one
//! sourced dataset.
//!
//! The domain modules (`date`, `ids`, `model`, `validate`, `crosscheck`, `query`, `scale`, `grid`,
//! `hash`, `i18n`, `config`, `view_state`, `export`) use no web or UI crate and are tested natively; the UI
//! (`app`, `components`, `load`, `embed`) is compiled for the browser only.

pub mod canonical;
pub mod compare;
pub mod config;
pub mod crosscheck;
pub mod date;
pub mod edit;
pub mod export;
pub mod figure;
pub mod find;
pub mod grid;
pub mod hash;
pub mod hyphen;
pub mod i18n;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod prerender;
pub mod query;
pub mod scale;
pub mod share;
pub mod sheet;
pub mod snippet;
pub mod sort;
pub mod toolbar_markup;
pub mod validate;
pub mod view_state;
pub mod window;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "editor"))]
pub mod editor;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod load;

//! The Almaty Process, explorable: a timeline and a map-style list of states built from one
//! sourced dataset.
//!
//! The domain modules (`date`, `ids`, `model`, `validate`, `crosscheck`, `query`, `scale`, `grid`,
//! `hash`, `i18n`, `config`, `view_state`, `export`) use no web or UI crate and are tested natively; the UI
//! (`app`, `components`, `load`, `embed`) is compiled for the browser only.

pub mod compare;
pub mod config;
pub mod date;
pub mod export;
pub mod ids;
pub mod find;
pub mod view_state;
pub mod window;
pub mod model;
pub mod query;
pub mod validate;
pub mod crosscheck;
pub mod grid;
pub mod hash;
pub mod hyphen;
pub mod i18n;
pub mod lifecycle;
pub mod prerender;
pub mod scale;
pub mod sort;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod load;

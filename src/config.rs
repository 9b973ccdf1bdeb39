//! How one instance is configured: from its host element's attributes (see `embed.rs`), or
//! directly by a test or a host that brings its own data. Plain data, no web types.

use crate::hash::View;
use crate::i18n::Lang;

/// An instance's configuration. The URL hash, when this instance reads it, overrides the
/// view-related fields (see [`crate::view_state::initial`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Dataset URL, relative to the page.
    pub src: String,
    /// Interface and content language.
    pub lang: Lang,
    pub view: View,
    /// Initial as-of date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Initially selected event id.
    pub event: Option<String>,
    /// Initially selected state code.
    pub state: Option<String>,
    /// Whether this instance reads and writes the URL hash.
    pub use_hash: bool,
    /// Prefix for this instance's hash keys when several share a page.
    pub hash_prefix: Option<String>,
    /// Whether the download/cite/link/print toolbar shows (`data-toolbar="off"` hides it).
    pub toolbar: bool,
    /// The height of the instance's slot in CSS pixels (`data-height`): the instance takes
    /// exactly that height and fits the timeline and the map into it.
    pub fit_height: Option<f64>,
    /// The view to reopen after a panic (hash keys without a prefix; wins over everything).
    pub recover: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            src: "data/dataset.json".into(),
            lang: Lang::En,
            view: View::Visual,
            date: None,
            event: None,
            state: None,
            use_hash: true,
            hash_prefix: None,
            toolbar: true,
            fit_height: None,
            recover: None,
        }
    }
}

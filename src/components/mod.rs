//! UI components: thin views over the domain modules.

pub mod asof;
pub mod detail;
pub mod error_view;
pub mod explorer;
pub mod find;
pub mod fit;
pub mod header;
pub mod print_view;
pub mod text_view;
pub mod tile_grid;
pub mod timeline;
pub mod toolbar;
pub mod ui;

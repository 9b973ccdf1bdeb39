//! Search, filters, comparison and play: the bar of controls (`bar`), the list of changes
//! between two dates (`changes`) and the play/pause button (`play`). The rules are in
//! `src/find.rs`, `compare.rs` and `view_state.rs`; these components only show them and report
//! [`Action`](crate::view_state::Action)s.

mod bar;
mod changes;
mod play;

pub use bar::FindBar;
pub use changes::ChangeList;
pub use play::Play;

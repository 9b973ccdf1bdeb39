//! The timeline's one tab stop and its keys: ←/→ (↑/↓ on a phone), Home and End move through
//! the shown events in order ([`key_step`], tested natively), crossing the phone's pages.

use super::Props;
use crate::components::ui::focus_item;
use crate::view_state::roving_stop;
use crate::window::key_step;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(super) struct Keys {
    pub marks_ref: NodeRef<leptos::html::Div>,
    pub selected_ix: Memo<Option<usize>>,
    /// The single tab stop: where the arrow keys last moved (until the selection changes),
    /// else the selected mark, else the event at the as-of date (the last one that starts on
    /// or before it; the first if none does), so Tab lands where the view is and the phone's
    /// list opens on that page. Always a shown event: a hidden one's nearest shown successor
    /// (or the last).
    pub focus_idx: Memo<usize>,
    moved: RwSignal<Option<(usize, Option<usize>)>>,
}

impl Keys {
    pub fn new(p: Props) -> Keys {
        let Props { ds, selection, day, shown, .. } = p;
        let selected_ix = Memo::new(move |_| selection.get().event().map(|i| i.0));
        let moved = RwSignal::new(None::<(usize, Option<usize>)>);
        let at_day = Memo::new(move |_| {
            let d = day.get();
            ds.with_value(|ds| ds.events.partition_point(|e| e.start.first_day() <= d)).saturating_sub(1)
        });
        let focus_idx = Memo::new(move |_| {
            let i = roving_stop(selected_ix.get(), moved.get(), at_day.get());
            shown.with(|sh| match sh {
                Some(v) if !v.is_empty() => v[v.partition_point(|&j| j < i).min(v.len() - 1)],
                _ => i,
            })
        });
        Keys { marks_ref: NodeRef::new(), selected_ix, focus_idx, moved }
    }

    /// Moves the tab stop to event `i` and focuses it: at once when its mark is drawn, else in
    /// the next frame, once it is the tab stop.
    pub fn focus_mark(self, i: usize) {
        self.moved.set(Some((i, self.selected_ix.get_untracked())));
        if let Some(b) = self.marks_ref.get_untracked().and_then(|el| focus_item(&el, i)) {
            b.scroll_into_view_with_bool(false);
            return;
        }
        let marks_ref = self.marks_ref;
        request_animation_frame(move || {
            if let Some(b) = marks_ref.try_get_untracked().flatten().and_then(|el| focus_item(&el, i)) {
                b.scroll_into_view_with_bool(false);
            }
        });
    }

    pub fn on_key(self, p: Props, ev: leptos::ev::KeyboardEvent) {
        if p.n_events == 0 {
            return;
        }
        let cur = self.focus_idx.get_untracked().min(p.n_events - 1);
        let next =
            p.shown.with_untracked(|sh| key_step(&ev.key(), cur, sh.as_deref().map(|v| v.as_slice()), p.n_events));
        if let Some(i) = next {
            ev.prevent_default();
            self.focus_mark(i);
        }
    }
}

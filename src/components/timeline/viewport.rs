//! The timeline's geometry and movement: the visible width, the scroll position, the phone
//! layout, the day → pixel scale and every event's position; scrolling (the span sets the
//! scroll position; a reader's scroll reports the new span once it settles), zoom by button,
//! key, Ctrl/⌘+wheel and pinch.

use super::{Props, MARGIN, PX_PER_YEAR};
use crate::date::DayNum;
use crate::scale::Scale;
use crate::view_state::{Action, Ctx};
use leptos::prelude::*;

/// The geometry's signals (all `Copy`).
#[derive(Clone, Copy)]
pub(super) struct Viewport {
    pub scroll_ref: NodeRef<leptos::html::Div>,
    /// The visible width of the canvas.
    pub view_w: RwSignal<f64>,
    /// The scroll position, kept by the scroll handler (reading it back from the element right
    /// after a render forces a layout: measured 10 ms of a 48 ms selection at 5,000 events).
    pub scroll_x: RwSignal<f64>,
    /// The phone layout: a vertical list, a page at a time, no zoom.
    pub phone: RwSignal<bool>,
    pub scale: Memo<Scale>,
    /// Every event's position.
    pub xs: Memo<Vec<f64>>,
    /// The shown events' positions only (once per filter or zoom change).
    pub xs_shown: Memo<Option<Vec<f64>>>,
    /// The scroll position we set ourselves (to tell it from the reader's).
    expected: StoredValue<f64>,
    settle_timer: StoredValue<Option<TimeoutHandle>>,
    /// The distance between two touches, compared as they move.
    pinch: StoredValue<Option<f64>>,
}

impl Viewport {
    pub fn new(p: Props, starts: Vec<DayNum>) -> Viewport {
        let Props { span, extent, shown, day, .. } = p;
        let view_w = RwSignal::new(0.0f64);
        let scroll_x = RwSignal::new(0.0f64);
        let width = move || or_default(view_w.get());
        let scale = Memo::new(move |_| {
            let px_per_day = match span.get() {
                Some((a, b)) => width() / ((b - a + 1).max(1) as f64),
                None => PX_PER_YEAR / 365.25,
            };
            Scale { start: extent.0, end: extent.1, px_per_day }
        });
        let xs = Memo::new(move |_| {
            let s = scale.get();
            starts.iter().map(|&d| s.x(d)).collect::<Vec<f64>>()
        });
        let xs_shown = Memo::new(move |_| {
            shown.with(|sh| sh.as_ref().map(|v| xs.with(|xs| v.iter().map(|&i| xs[i]).collect::<Vec<f64>>())))
        });
        let vp = Viewport {
            scroll_ref: NodeRef::new(),
            view_w,
            scroll_x,
            phone: RwSignal::new(false),
            scale,
            xs,
            xs_shown,
            expected: StoredValue::new(f64::NAN),
            settle_timer: StoredValue::new(None),
            pinch: StoredValue::new(None),
        };
        Effect::new(move |_| {
            if vp.scroll_ref.get().is_some() {
                vp.measure();
            }
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            if crate::lifecycle::alive() {
                vp.measure()
            }
        });
        on_cleanup(move || resize.remove());
        // The span sets the scroll position; at the default zoom the as-of cursor stays in view.
        Effect::new(move |_| {
            let s = scale.get();
            view_w.track();
            match span.get() {
                Some((a, _)) => vp.scroll_to(s.x(a)),
                None => {
                    let x = s.x(day.get());
                    let (left, w) = (scroll_x.get_untracked(), vp.width());
                    if x < left + 40.0 || x > left + w - 40.0 {
                        vp.scroll_to(x - w / 2.0);
                    }
                }
            }
        });
        vp
    }

    /// The visible width (a default before the first measure).
    pub fn width(self) -> f64 {
        or_default(self.view_w.get())
    }

    /// The stretch on screen now, in days.
    pub fn visible(self) -> (DayNum, DayNum) {
        let s = self.scale.get_untracked();
        let x = self.scroll_x.get_untracked();
        (s.day_at(x), s.day_at(x + or_default(self.view_w.get_untracked())))
    }

    fn measure(self) {
        if let Some(el) = self.scroll_ref.get_untracked() {
            self.view_w.set((el.client_width() as f64 - 2.0 * MARGIN).max(0.0));
            self.scroll_x.set(el.scroll_left() as f64);
        }
        if let Some(w) = web_sys::window() {
            self.phone.set(w.match_media("(max-width: 640px)").ok().flatten().is_some_and(|m| m.matches()));
        }
    }

    fn scroll_to(self, x: f64) {
        if let Some(el) = self.scroll_ref.get_untracked() {
            let max = (self.scale.get_untracked().width().ceil() - self.view_w.get_untracked()).max(0.0);
            let x = x.clamp(0.0, max).round();
            if (self.scroll_x.get_untracked() - x).abs() > 1.0 {
                self.expected.set_value(x);
                el.set_scroll_left(x as i32);
                self.scroll_x.set(x);
            }
        }
    }

    /// A scroll: ours, or the reader's, whose new span is reported once it settles (250 ms).
    pub fn on_scroll(self, p: Props) {
        let Some(el) = self.scroll_ref.get_untracked() else { return };
        let x = el.scroll_left() as f64;
        self.scroll_x.set(x);
        if (x - self.expected.get_value()).abs() <= 1.0 {
            return;
        }
        self.expected.set_value(f64::NAN);
        if let Some(h) = self.settle_timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                // Once the timeline is gone (e.g. for the text view), its signals are too.
                if self.scroll_x.try_get_untracked().is_some() {
                    let (a, b) = self.visible();
                    p.on_action.run(Action::ShowSpan(a, b));
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        self.settle_timer.set_value(h);
    }

    /// Zooms by `num/den` (below 1: in) around `anchor` (default: the middle of the view).
    pub fn zoom(self, p: Props, num: i64, den: i64, anchor: Option<DayNum>) {
        let vis = self.visible();
        let anchor = anchor.unwrap_or((vis.0 + vis.1) / 2);
        let to = p.ds.with_value(|ds| Ctx { ds, extent: p.extent }.zoomed(vis, num, den, anchor));
        p.on_action.run(Action::ShowSpan(to.0, to.1));
    }

    /// `+`, `-` and `0` while the timeline has focus.
    pub fn on_zoom_key(self, p: Props, ev: leptos::ev::KeyboardEvent) {
        match ev.key().as_str() {
            "+" | "=" => self.zoom(p, 1, 2, None),
            "-" | "_" => self.zoom(p, 2, 1, None),
            "0" => p.on_action.run(Action::FitAll),
            _ => return,
        }
        ev.prevent_default();
    }

    /// Ctrl/⌘+wheel zooms around the day under the pointer (not on a phone).
    pub fn on_wheel(self, p: Props, ev: leptos::ev::WheelEvent) {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.delta_y() == 0.0 || self.phone.get_untracked() {
            return;
        }
        ev.prevent_default();
        let anchor = self.scroll_ref.get_untracked().map(|el| {
            let left = el.get_bounding_client_rect().left();
            self.scale.get_untracked().day_at(self.scroll_x.get_untracked() + ev.client_x() as f64 - left - MARGIN)
        });
        if ev.delta_y() < 0.0 {
            self.zoom(p, 4, 5, anchor)
        } else {
            self.zoom(p, 5, 4, anchor)
        }
    }

    /// A pinch zooms, but not on a phone, where the timeline is a vertical list without zoom:
    /// there the pinch is the browser's, to zoom the page.
    pub fn on_touch_start(self, ev: leptos::ev::TouchEvent) {
        self.pinch.set_value(if self.phone.get_untracked() { None } else { touch_distance(&ev) })
    }

    pub fn on_touch_move(self, p: Props, ev: leptos::ev::TouchEvent) {
        let (Some(d0), Some(d1)) = (self.pinch.get_value(), touch_distance(&ev)) else { return };
        ev.prevent_default();
        if d1 > 0.0 && ((d1 / d0) - 1.0).abs() > 0.2 {
            self.zoom(p, (d0 * 100.0 / d1) as i64, 100, None);
            self.pinch.set_value(Some(d1));
        }
    }
}

/// A measured width, or 1200 px before the first measure.
fn or_default(w: f64) -> f64 {
    if w > 0.0 {
        w
    } else {
        1200.0
    }
}

/// The distance between two touches, if there are exactly two.
fn touch_distance(ev: &leptos::ev::TouchEvent) -> Option<f64> {
    let t = ev.touches();
    match (t.get(0), t.get(1)) {
        (Some(a), Some(b)) if t.length() == 2 => {
            let (dx, dy) = ((a.client_x() - b.client_x()) as f64, (a.client_y() - b.client_y()) as f64);
            Some((dx * dx + dy * dy).sqrt())
        }
        _ => None,
    }
}

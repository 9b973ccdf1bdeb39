//! The timeline's geometry: a proportional day → pixel scale, year ticks, and label lanes so
//! that no two labels overlap.

use crate::date::{Date, DayNum};

/// A linear map from days to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub start: DayNum,
    pub end: DayNum,
    pub px_per_day: f64,
}

impl Scale {
    /// A scale over `[start, end]` at `px_per_year` pixels per (365.25-day) year.
    pub fn new(start: DayNum, end: DayNum, px_per_year: f64) -> Scale {
        let end = end.max(start);
        Scale { start, end, px_per_day: px_per_year / 365.25 }
    }

    /// Pixel position of the start of a day.
    pub fn x(&self, day: DayNum) -> f64 {
        (day.clamp(self.start, self.end + 1) - self.start) as f64 * self.px_per_day
    }

    /// Total width in pixels.
    pub fn width(&self) -> f64 {
        self.x(self.end + 1)
    }

    /// The day at a pixel position (inverse of [`Scale::x`], clamped to the range).
    pub fn day_at(&self, x: f64) -> DayNum {
        let d = (x / self.px_per_day).floor() as i64 + self.start as i64;
        d.clamp(self.start as i64, self.end as i64) as DayNum
    }

    /// One tick per 1 January in range: (year, x).
    pub fn year_ticks(&self) -> Vec<(i32, f64)> {
        let first = Date::from_day(self.start).year;
        let last = Date::from_day(self.end).year;
        (first..=last)
            .map(|y| (y, Date::of_year(y).first_day()))
            .filter(|&(_, d)| d >= self.start && d <= self.end)
            .map(|(y, d)| (y, self.x(d)))
            .collect()
    }
}

/// Generous width in pixels of `text` at `font_px`, for laying out labels before they are
/// drawn: per character, about the widest system sans-serif (DejaVu Sans, measured: Latin text
/// ≤ 0.53 em a character on average, Cyrillic ≤ 0.61 em), plus a margin. A label that still
/// does not fit its reserved box is not drawn (the box drops it whole), never cut.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.33,
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ':' | ';' | '\'' | '’' | '(' | ')' | '1' => 0.42,
            'A'..='Z' | 'm' | 'w' => 0.76,
            '\u{0410}'..='\u{042F}' | 'ш' | 'щ' | 'ж' | 'ы' | 'ю' | 'м' | 'Ё' => 0.80,
            '\u{0400}'..='\u{04FF}' => 0.64,
            '—' | '–' | '“' | '”' | '«' | '»' => 0.84,
            _ => 0.62,
        })
        .sum();
    em * font_px * 1.04
}

/// Width in pixels of the box reserved for a timeline label: the text at 12.48 px, padding
/// (2 × 4 px), the coloured left edge (2 px) and a little slack.
pub fn label_width(text: &str) -> f64 {
    (text_width(text, 12.48) + 14.0).ceil()
}

/// Lanes for labels `(x, width)`: each label gets the first lane where it does not come
/// within `gap` of another, or none when all `max_lanes` are taken there (it is then shown on
/// hover and focus only). `first`, when given, is placed before all others, so it always has
/// lane 0 (the selected event's label is never the one left out); the rest go left to right.
pub fn assign_lanes(labels: &[(f64, f64)], gap: f64, max_lanes: usize, first: Option<usize>) -> Vec<Option<usize>> {
    let by_x = crate::sort::order(labels.len(), &|a, b| labels[a].0.total_cmp(&labels[b].0));
    let order = first.filter(|&f| f < labels.len()).into_iter().chain(by_x.into_iter().filter(|&i| Some(i) != first));
    // What each lane holds, as intervals.
    let mut lanes: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = vec![None; labels.len()];
    let free = |lane: &[(f64, f64)], x: f64, w: f64| lane.iter().all(|&(a, b)| x + w + gap <= a || b + gap <= x);
    for i in order {
        let (x, w) = labels[i];
        if let Some(k) = lanes.iter().position(|l| free(l, x, w)) {
            lanes[k].push((x, x + w));
            out[i] = Some(k);
        } else if lanes.len() < max_lanes {
            lanes.push(vec![(x, x + w)]);
            out[i] = Some(lanes.len() - 1);
        }
    }
    out
}

/// How the explorer fits a screen (or an embed's slot) `w`×`h` CSS pixels large, so that the
/// timeline, the whole map and the detail's heading show together without scrolling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Label lanes under the timeline's axis.
    pub lanes: usize,
    /// The compact layout: smaller tiles, a wider map beside the detail, the key's names
    /// folded to their glyphs (still read out, and shown as tooltips).
    pub compact: bool,
}

/// Most label lanes the timeline has room for.
pub const MAX_LANES: usize = 6;
/// Height of one label lane, in pixels (see `.ap-tl__label` in styles.css).
pub const LANE_PX: f64 = 22.0;
/// Below this height (and wider than a phone) the layout is compact.
const COMPACT_BELOW: f64 = 1000.0;
/// The height the compact layout needs without label lanes: header and as-of rows, the
/// timeline's axis, bands and key, and the map (measured on the bundled dataset, with room
/// for a title that wraps once).
const COMPACT_BASE: f64 = 650.0;

/// The fit for a `w`×`h` space. Phones (at most 640 wide) keep the stacked layout, where
/// the timeline is a list.
pub fn fit_for(w: f64, h: f64) -> Fit {
    if w <= 640.0 || h >= COMPACT_BELOW || !h.is_finite() || h <= 0.0 {
        return Fit { lanes: MAX_LANES, compact: false };
    }
    let lanes = (((h - COMPACT_BASE) / LANE_PX).floor() as i64).clamp(1, MAX_LANES as i64) as usize;
    Fit { lanes, compact: true }
}

/// Label lanes once laid out: with `current` lanes the layout needs `need` pixels where
/// `avail` are given, so each lane it is over is given up (and each lane's worth of room left
/// is taken back), between 1 and `max`. (Lanes are the one part whose height moves in steps of
/// [`LANE_PX`]: the title, the toolbar and the key wrap as the language and the fonts want.)
pub fn lanes_to_fit(current: usize, need: f64, avail: f64, max: usize) -> usize {
    if !need.is_finite() || !avail.is_finite() {
        return current.clamp(1, max.max(1));
    }
    let over = need - avail;
    // Integer steps: `f64::clamp` would bring float formatting (its panic message) into the
    // wasm, about 25 KB.
    let steps = if over > 0.0 { -((over / LANE_PX).ceil() as i64) } else { (-over / LANE_PX).floor() as i64 };
    (current as i64 + steps).clamp(1, max.max(1) as i64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> DayNum {
        Date::parse(s).unwrap().first_day()
    }

    #[test]
    fn scale_is_proportional_and_invertible() {
        let s = Scale::new(day("2011-01-01"), Date::parse("2025").unwrap().last_day(), 365.25);
        assert_eq!(s.x(day("2011-01-01")), 0.0);
        assert_eq!(s.x(day("2011-01-11")), 10.0);
        let a = s.x(day("2013-06-05")) - s.x(day("2012-06-05"));
        let b = s.x(day("2021-06-05")) - s.x(day("2020-06-05"));
        assert!((a - b).abs() <= 1.0, "equal spans have equal widths: {a} vs {b}");
        for d in [day("2011-03-14"), day("2013-06-05"), day("2025-04-24")] {
            assert_eq!(s.day_at(s.x(d) + 0.5), d);
        }
        assert_eq!(s.day_at(-100.0), s.start);
        assert_eq!(s.day_at(1e9), s.end);
        assert!((s.width() - 15.0 * 365.25).abs() < 2.0);
    }

    #[test]
    fn year_ticks_fall_on_new_year() {
        let s = Scale::new(day("2011-01-01"), day("2013-12-31"), 100.0);
        let ticks = s.year_ticks();
        assert_eq!(ticks.iter().map(|t| t.0).collect::<Vec<_>>(), vec![2011, 2012, 2013]);
        assert_eq!(ticks[0].1, 0.0);
        assert!((ticks[2].1 - s.x(day("2013-01-01"))).abs() < 1e-9);
    }

    #[test]
    fn lanes_never_overlap() {
        // Many labels crowded into a short stretch, in shuffled order.
        let labels: Vec<(f64, f64)> = (0..40).map(|i| (((i * 37) % 40) as f64 * 12.0, 80.0)).collect();
        for first in [None, Some(17)] {
            let lanes = assign_lanes(&labels, 4.0, 100, first);
            for i in 0..labels.len() {
                for j in 0..labels.len() {
                    if i != j && lanes[i].is_some() && lanes[i] == lanes[j] {
                        let (a, b) = (labels[i], labels[j]);
                        let apart = a.0 + a.1 + 4.0 <= b.0 || b.0 + b.1 + 4.0 <= a.0;
                        assert!(apart, "labels {i} and {j} overlap in lane {:?}", lanes[i]);
                    }
                }
            }
            assert!(lanes.iter().all(|l| l.is_some()));
        }
    }

    #[test]
    fn the_first_label_always_gets_lane_zero() {
        // Five labels over one spot and two lanes: without a priority the left-most win.
        let labels: Vec<(f64, f64)> = (0..5).map(|i| (i as f64 * 10.0, 100.0)).collect();
        assert_eq!(assign_lanes(&labels, 4.0, 2, None), vec![Some(0), Some(1), None, None, None]);
        let lanes = assign_lanes(&labels, 4.0, 2, Some(3));
        assert_eq!(lanes[3], Some(0), "the selected label is drawn, in the first lane");
        assert_eq!(lanes.iter().filter(|l| l.is_some()).count(), 2);
        assert_eq!(lanes[0], Some(1));
        // An index out of range changes nothing.
        assert_eq!(assign_lanes(&labels, 4.0, 2, Some(9)), assign_lanes(&labels, 4.0, 2, None));
    }

    #[test]
    fn lanes_give_way_to_what_wraps() {
        // 30 px over: two lanes go (one would leave 8 px over).
        assert_eq!(lanes_to_fit(5, 798.0, 768.0, 6), 3);
        // Exactly fitting: unchanged; 50 px spare: two lanes more, up to the cap.
        assert_eq!(lanes_to_fit(3, 768.0, 768.0, 6), 3);
        assert_eq!(lanes_to_fit(3, 718.0, 768.0, 6), 5);
        assert_eq!(lanes_to_fit(5, 500.0, 768.0, 6), 6);
        // Never below one lane, whatever is over; nonsense measures change nothing.
        assert_eq!(lanes_to_fit(2, 2000.0, 720.0, 6), 1);
        assert_eq!(lanes_to_fit(4, f64::NAN, 720.0, 6), 4);
        // Applied twice, it stays (the layout moves by the lanes' height).
        let once = lanes_to_fit(5, 800.0, 720.0, 6);
        let need_after = 800.0 - (5 - once) as f64 * LANE_PX;
        assert_eq!(lanes_to_fit(once, need_after, 720.0, 6), once);
    }

    #[test]
    fn the_fit_follows_the_height() {
        // Laptops: compact, with as many lanes as the height leaves.
        let f720 = fit_for(1280.0, 720.0);
        let f768 = fit_for(1366.0, 768.0);
        assert!(f720.compact && f768.compact);
        assert!(f720.lanes >= 1 && f720.lanes < f768.lanes, "{f720:?} {f768:?}");
        assert!(COMPACT_BASE + f768.lanes as f64 * LANE_PX <= 768.0);
        // Tall screens and phones: the full layout.
        assert_eq!(fit_for(1920.0, 1080.0), Fit { lanes: MAX_LANES, compact: false });
        assert_eq!(fit_for(390.0, 700.0), Fit { lanes: MAX_LANES, compact: false });
        // Very short slots still get a lane; nonsense sizes get the full layout.
        assert_eq!(fit_for(1000.0, 300.0).lanes, 1);
        assert!(!fit_for(1000.0, f64::NAN).compact && !fit_for(1000.0, 0.0).compact);
        // More height never means fewer lanes.
        let mut last = 0;
        for h in (400..1200).step_by(10) {
            let l = fit_for(1280.0, h as f64).lanes;
            assert!(l >= last, "{h}");
            last = l;
        }
    }

    #[test]
    fn labels_beyond_the_lane_cap_are_dropped_not_stacked() {
        let labels = vec![(0.0, 100.0); 5];
        let lanes = assign_lanes(&labels, 4.0, 3, None);
        assert_eq!(lanes.iter().filter(|l| l.is_some()).count(), 3);
        let sparse = assign_lanes(&[(0.0, 50.0), (60.0, 50.0), (120.0, 50.0)], 4.0, 3, None);
        assert_eq!(sparse, vec![Some(0), Some(0), Some(0)], "labels that fit share the first lane");
    }

    #[test]
    fn label_widths_are_generous() {
        // Measured in Chromium with DejaVu Sans at 12.48 px (the widest font of a default
        // system-ui stack): the reserved box must be at least the text plus 10 px.
        let measured = [
            ("Regional Conference on Refugee Protection and International Migration in Central Asia", 539.0),
            ("Ministerial Conference of the Almaty Process on COVID-19 migration challenges in Central Asia", 593.0),
            ("Региональная конференция по защите беженцев и международной миграции в Центральной Азии", 659.0),
            ("Первое совещание старших должностных лиц Алматинского процесса (смешанная миграция)", 626.0),
            (
                "Министерская конференция Алматинского процесса о миграционных вызовах COVID-19 в Центральной Азии",
                723.0,
            ),
            ("Afghanistan", 74.0),
        ];
        for (text, px) in measured {
            let w = label_width(text);
            assert!(w >= px + 10.0, "{text}: reserved {w} for {px} px of text");
            assert!(w <= px * 1.35 + 14.0, "{text}: reserved {w}, far more than {px} px");
        }
    }
}

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

/// Assigns each label (given as `(x, width)`, in any order) a lane so that labels in one lane
/// keep at least `gap` pixels apart. Labels that would need more than `max_lanes` lanes get
/// `None`: they are not drawn (the mark and its accessible name remain).
pub fn assign_lanes(labels: &[(f64, f64)], gap: f64, max_lanes: usize) -> Vec<Option<usize>> {
    let order = crate::sort::order(labels.len(), &|a, b| labels[a].0.total_cmp(&labels[b].0));
    let mut lane_end: Vec<f64> = Vec::new();
    let mut out = vec![None; labels.len()];
    for i in order {
        let (x, w) = labels[i];
        if let Some(lane) = lane_end.iter().position(|&end| end + gap <= x) {
            lane_end[lane] = x + w;
            out[i] = Some(lane);
        } else if lane_end.len() < max_lanes {
            lane_end.push(x + w);
            out[i] = Some(lane_end.len() - 1);
        }
    }
    out
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
        let labels: Vec<(f64, f64)> =
            (0..40).map(|i| (((i * 37) % 40) as f64 * 12.0, 80.0)).collect();
        let lanes = assign_lanes(&labels, 4.0, 100);
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

    #[test]
    fn labels_beyond_the_lane_cap_are_dropped_not_stacked() {
        let labels = vec![(0.0, 100.0); 5];
        let lanes = assign_lanes(&labels, 4.0, 3);
        assert_eq!(lanes.iter().filter(|l| l.is_some()).count(), 3);
        let sparse = assign_lanes(&[(0.0, 50.0), (60.0, 50.0), (120.0, 50.0)], 4.0, 3);
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
            ("Министерская конференция Алматинского процесса о миграционных вызовах COVID-19 в Центральной Азии", 723.0),
            ("Afghanistan", 74.0),
        ];
        for (text, px) in measured {
            let w = label_width(text);
            assert!(w >= px + 10.0, "{text}: reserved {w} for {px} px of text");
            assert!(w <= px * 1.35 + 14.0, "{text}: reserved {w}, far more than {px} px");
        }
    }
}

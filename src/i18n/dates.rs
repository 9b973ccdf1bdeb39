//! Dates in words: "5 June 2013", "5 июня 2013 г.", ranges and days.

use super::{Lang, Ui};
use crate::date::{Date, DayNum};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Nominative, for a month on its own ("март 2011 г.").
const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// Genitive, after a day ("5 июня 2013 г.").
const MONTHS_RU_GEN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date in words, at its own precision: "5 June 2013", "March 2011", "2017";
/// "5 июня 2013 г.", "март 2011 г.", "2017 г.".
pub fn format_date(d: &Date, lang: Lang) -> String {
    let m = d.month.map(|m| (m - 1) as usize);
    match (lang.ui(), m, d.day) {
        (Ui::En, Some(m), Some(day)) => format!("{day} {} {}", MONTHS_EN[m], d.year),
        (Ui::En, Some(m), None) => format!("{} {}", MONTHS_EN[m], d.year),
        (Ui::En, None, _) => d.year.to_string(),
        (Ui::Ru, Some(m), Some(day)) => format!("{day} {} {} г.", MONTHS_RU_GEN[m], d.year),
        (Ui::Ru, Some(m), None) => format!("{} {} г.", MONTHS_RU[m], d.year),
        (Ui::Ru, None, _) => format!("{} г.", d.year),
    }
}

/// A span in words: "14–16 March 2011", "June – November 2016", "5 June 2013 – ongoing".
pub fn format_range(start: &Date, end: Option<&Date>, lang: Lang) -> String {
    let Some(end) = end else { return format_date(start, lang) };
    if end == start {
        return format_date(start, lang);
    }
    if let (Some(m1), Some(m2), Some(d1), Some(_)) = (start.month, end.month, start.day, end.day) {
        if start.year == end.year && m1 == m2 {
            let rest = format_date(end, lang);
            return format!("{d1}–{rest}");
        }
    }
    format!("{} – {}", format_date(start, lang), format_date(end, lang))
}

/// A day number in words.
pub fn format_day(day: DayNum, lang: Lang) -> String {
    format_date(&Date::from_day(day), lang)
}

/// A month's name in English (1–12), for citation styles that spell dates in words.
pub fn month_en(m: u8) -> &'static str {
    MONTHS_EN[(m.clamp(1, 12) - 1) as usize]
}

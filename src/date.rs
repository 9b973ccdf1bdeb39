//! Calendar dates of day, month or year precision.
//!
//! The dataset writes dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the length of the string is
//! its precision. For time queries a date is widened to the span of days it covers: a `from`
//! bound counts from the first day of that span, a `to` bound to its last day.

use std::cmp::Ordering;
use std::fmt;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date as the dataset states it, with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31, when known (only with a month).
    pub day: Option<u8>,
}

/// A day counted from 1970-01-01 (day 0); negative before it.
pub type DayNum = i32;

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// Whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month of a year.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> DayNum {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number.
fn civil_from_days(z: DayNum) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// A year outside 1900–2100.
    YearRange(i32),
    /// A month outside 1–12.
    Month(u8),
    /// A day that does not exist in its month (e.g. 2013-02-30).
    Day { year: i32, month: u8, day: u8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str("expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::YearRange(y) => {
                write!(f, "year {y} is outside {MIN_YEAR}–{MAX_YEAR}")
            }
            DateError::Month(m) => write!(f, "month {m} does not exist"),
            DateError::Day { year, month, day } => {
                write!(f, "{year}-{month:02} has no day {day}")
            }
        }
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Date {
    /// A date of day precision. The caller guarantees that it exists.
    pub const fn ymd(year: i32, month: u8, day: u8) -> Date {
        Date { year, month: Some(month), day: Some(day) }
    }

    /// A date of year precision.
    pub const fn of_year(year: i32) -> Date {
        Date { year, month: None, day: None }
    }

    /// Parses a date known to the day (`YYYY-MM-DD`, existing); `None` for anything else,
    /// including a valid month or year. For places that need one day: links, attributes, inputs.
    pub fn parse_day(s: &str) -> Option<Date> {
        Date::parse(s).ok().filter(|d| d.day.is_some())
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        if !matches!(lens.as_slice(), [4] | [4, 2] | [4, 2, 2]) {
            return Err(DateError::Format);
        }
        let nums: Option<Vec<u32>> = parts.iter().map(|p| digits(p)).collect();
        let nums = nums.ok_or(DateError::Format)?;
        let year = nums[0] as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearRange(year));
        }
        let month = nums.get(1).map(|&m| m as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
        }
        let day = nums.get(2).map(|&d| d as u8);
        if let (Some(m), Some(d)) = (month, day) {
            if d == 0 || d > days_in_month(year, m) {
                return Err(DateError::Day { year, month: m, day: d });
            }
        }
        Ok(Date { year, month, day })
    }

    /// The date of a day number, at day precision.
    pub fn from_day(n: DayNum) -> Date {
        let (y, m, d) = civil_from_days(n);
        Date::ymd(y, m, d)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// First day this date covers.
    pub fn first_day(&self) -> DayNum {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day this date covers.
    pub fn last_day(&self) -> DayNum {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)),
            _ => days_from_civil(self.year, 12, 31),
        }
    }

    /// Orders by first day, then the more precise first (a day sorts before its month).
    pub fn cmp_start(&self, other: &Date) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(other.precision().cmp(&self.precision()))
    }
}

impl fmt::Display for Date {
    /// The dataset's own form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The same day `delta` months away, clamped to the length of the target month.
pub fn add_months(day: DayNum, delta: i32) -> DayNum {
    let (y, m, d) = civil_from_days(day);
    let total = y * 12 + (m as i32 - 1) + delta;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    days_from_civil(y, m, d.min(days_in_month(y, m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_dates_only() {
        assert_eq!(Date::parse_day("2013-06-05"), Some(Date::ymd(2013, 6, 5)));
        for s in ["2013-06", "2013", "2013-02-30", "5 June 2013", ""] {
            assert_eq!(Date::parse_day(s), None, "{s}");
        }
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(Date::parse("2013").unwrap().precision(), Precision::Year);
        assert_eq!(Date::parse("2013-06").unwrap().precision(), Precision::Month);
        let d = Date::parse("2013-06-05").unwrap();
        assert_eq!(d, Date::ymd(2013, 6, 5));
        assert_eq!(d.to_string(), "2013-06-05");
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert_eq!(Date::parse("2013-02-30"), Err(DateError::Day { year: 2013, month: 2, day: 30 }));
        assert_eq!(Date::parse("2012-02-29").map(|d| d.day), Ok(Some(29)));
        assert_eq!(Date::parse("2013-13"), Err(DateError::Month(13)));
        assert_eq!(Date::parse("2013-00"), Err(DateError::Month(0)));
        assert_eq!(Date::parse("1850"), Err(DateError::YearRange(1850)));
        for bad in ["", "13", "2013-6-5", "2013/06/05", "２０１３", "2013-06-05T00", "+2013", "-201"] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad:?}");
        }
    }

    #[test]
    fn widens_partial_dates_to_their_span() {
        let m = Date::parse("2016-11").unwrap();
        assert_eq!(Date::from_day(m.first_day()), Date::ymd(2016, 11, 1));
        assert_eq!(Date::from_day(m.last_day()), Date::ymd(2016, 11, 30));
        let y = Date::parse("2012").unwrap();
        assert_eq!(y.last_day() - y.first_day(), 365, "2012 is a leap year");
        assert_eq!(Date::from_day(Date::parse("2024-02").unwrap().last_day()), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for n in (days_from_civil(1900, 1, 1)..days_from_civil(2100, 12, 31)).step_by(7) {
            let (y, m, d) = civil_from_days(n);
            assert_eq!(days_from_civil(y, m, d), n);
        }
    }

    #[test]
    fn month_steps_clamp_to_month_length() {
        let d = |s: &str| Date::parse(s).unwrap().first_day();
        assert_eq!(add_months(d("2013-06-05"), 1), d("2013-07-05"));
        assert_eq!(add_months(d("2013-01-31"), 1), d("2013-02-28"));
        assert_eq!(add_months(d("2012-12-15"), 1), d("2013-01-15"));
        assert_eq!(add_months(d("2013-01-15"), -1), d("2012-12-15"));
        assert_eq!(add_months(d("2013-06-05"), -24), d("2011-06-05"));
    }

    #[test]
    fn start_order_puts_precise_dates_first() {
        let day = Date::parse("2016-11-01").unwrap();
        let month = Date::parse("2016-11").unwrap();
        assert_eq!(day.cmp_start(&month), Ordering::Less);
        assert_eq!(Date::parse("2016").unwrap().cmp_start(&day), Ordering::Less);
    }
}

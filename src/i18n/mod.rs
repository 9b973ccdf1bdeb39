//! Interface strings and date formatting in English and Russian, each string's languages side
//! by side: dates (`dates`), the names of roles, levels and the like (`names`), counts and
//! sentences with numbers (`counts`), the interface's strings (`ui`) and the export strings
//! (`export`).
//!
//! Dataset content carries its own languages (see [`crate::model::Text`]); this module only
//! covers the interface. A language without a table here falls back to English.

mod counts;
mod dates;
mod export;
mod names;
mod ui;

pub use counts::{as_of_sentence, count_of, event_count, match_count, problem_count, range_of, ru_plural};
pub use dates::{format_date, format_day, format_range, month_en};
pub use export::{te, ExportKey};
pub use names::{
    confidence_name, event_role_name, level_glyph, level_name, org_event_role_name, role_name, role_short,
};
pub use ui::{t, Key};

/// A language: of the interface (tables for English and Russian) and of the dataset content
/// (any code the dataset lists). Interface strings and date formats fall back to English for
/// a language without a table, while content is shown in that language when the dataset has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    /// Another language code (2–3 lower-case letters), for content only.
    Other(&'static str),
}

/// The interface tables that exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    En,
    Ru,
}

impl Lang {
    /// Any language code of 2–3 lower-case letters.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            c if crate::ids::is_lang_code(c) => Some(Lang::Other(intern(c))),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Other(c) => c,
        }
    }
    /// The interface table used for this language.
    pub fn ui(self) -> Ui {
        match self {
            Lang::Ru => Ui::Ru,
            _ => Ui::En,
        }
    }
}

/// Language codes live for the whole session; each distinct one is leaked once.
fn intern(code: &str) -> &'static str {
    use std::sync::Mutex;
    static CODES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut codes = CODES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = codes.iter().find(|c| **c == code) {
        return c;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    codes.push(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::model::Role;

    #[test]
    fn match_counts_agree_in_number() {
        assert_eq!(match_count(0, Lang::En), "No events match");
        assert_eq!(match_count(1, Lang::En), "1 event matches");
        assert_eq!(match_count(3, Lang::En), "3 events match");
        assert_eq!(match_count(1, Lang::Ru), "Найдено: 1 событие");
        assert_eq!(match_count(3, Lang::Ru), "Найдено: 3 события");
        assert_eq!(match_count(11, Lang::Ru), "Найдено: 11 событий");
        assert_eq!(match_count(0, Lang::Ru), "Ничего не найдено");
    }

    #[test]
    fn event_counts_agree_in_number() {
        assert_eq!(event_count(12, Lang::En), "12 events");
        assert_eq!(event_count(12, Lang::Ru), "12 событий");
        assert_eq!(event_count(22, Lang::Ru), "22 события");
    }

    #[test]
    fn problem_counts_agree_in_number() {
        assert_eq!(problem_count(1, Lang::En), "1 problem");
        assert_eq!(problem_count(3, Lang::En), "3 problems");
        assert_eq!(problem_count(1, Lang::Ru), "1 ошибка");
        assert_eq!(problem_count(3, Lang::Ru), "3 ошибки");
        assert_eq!(problem_count(11, Lang::Ru), "11 ошибок");
        assert_eq!(problem_count(21, Lang::Ru), "21 ошибка");
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_in_both_languages_at_every_precision() {
        assert_eq!(format_date(&d("2013-06-05"), Lang::En), "5 June 2013");
        assert_eq!(format_date(&d("2013-06-05"), Lang::Ru), "5 июня 2013 г.");
        assert_eq!(format_date(&d("2011-03"), Lang::En), "March 2011");
        assert_eq!(format_date(&d("2011-03"), Lang::Ru), "март 2011 г.");
        assert_eq!(format_date(&d("2017"), Lang::En), "2017");
        assert_eq!(format_date(&d("2017"), Lang::Ru), "2017 г.");
    }

    #[test]
    fn ranges_collapse_within_a_month() {
        assert_eq!(format_range(&d("2011-03-14"), Some(&d("2011-03-16")), Lang::En), "14–16 March 2011");
        assert_eq!(format_range(&d("2011-03-14"), Some(&d("2011-03-16")), Lang::Ru), "14–16 марта 2011 г.");
        assert_eq!(format_range(&d("2016-06"), Some(&d("2016-11")), Lang::En), "June 2016 – November 2016");
        assert_eq!(format_range(&d("2013-06-05"), None, Lang::En), "5 June 2013");
    }

    #[test]
    fn russian_plurals() {
        let forms: Vec<String> =
            [1, 2, 5, 11, 21, 22, 25, 112].iter().map(|&n| count_of(n, Role::Observer, Lang::Ru)).collect();
        assert_eq!(
            forms,
            [
                "1 наблюдатель",
                "2 наблюдателя",
                "5 наблюдателей",
                "11 наблюдателей",
                "21 наблюдатель",
                "22 наблюдателя",
                "25 наблюдателей",
                "112 наблюдателей"
            ]
        );
        assert_eq!(count_of(1, Role::Member, Lang::En), "1 member");
        assert_eq!(count_of(7, Role::Member, Lang::En), "7 members");
    }

    #[test]
    fn other_languages_use_english_tables_and_keep_their_code() {
        let kk = Lang::parse("kk").unwrap();
        assert_eq!(kk.code(), "kk");
        assert_eq!(kk.ui(), Ui::En);
        assert_eq!(Lang::parse("kk"), Some(kk), "interned once");
        assert_eq!(format_date(&d("2013-06-05"), kk), "5 June 2013");
        assert_eq!(Lang::parse("KK"), None);
        assert_eq!(Lang::parse("english"), None);
    }

    #[test]
    fn as_of_sentence_lists_only_present_roles() {
        let s = crate::query::Summary { members: 7, observers: 2, ..Default::default() };
        let day = d("2013-06-05").first_day();
        assert_eq!(as_of_sentence(day, &s, Lang::En), "As of 5 June 2013: 7 members, 2 observers");
        assert_eq!(as_of_sentence(day, &s, Lang::Ru), "На 5 июня 2013 г.: 7 членов, 2 наблюдателя");
        let none = crate::query::Summary::default();
        assert_eq!(as_of_sentence(day, &none, Lang::En), "As of 5 June 2013: none");
    }
}

//! Counts and sentences with numbers, with Russian plural forms.

use super::{format_day, t, Key, Lang, Ui};
use crate::date::DayNum;
use crate::model::Role;

/// Russian plural form index: 0 for 1 (21, 31…), 1 for 2–4 (22–24…), 2 otherwise.
pub fn ru_plural(n: usize) -> usize {
    let (n10, n100) = (n % 10, n % 100);
    if n10 == 1 && n100 != 11 {
        0
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        1
    } else {
        2
    }
}

/// "7 members", "1 observer"; "7 членов", "2 наблюдателя".
pub fn count_of(n: usize, role: Role, lang: Lang) -> String {
    let en = match role {
        Role::Member => ("member", "members"),
        Role::Observer => ("observer", "observers"),
        Role::Applicant => ("applicant", "applicants"),
        Role::Guest => ("guest", "guests"),
        Role::Participant => ("participant", "participants"),
        Role::Signatory => ("signatory", "signatories"),
    };
    let ru = match role {
        Role::Member => ["член", "члена", "членов"],
        Role::Observer => ["наблюдатель", "наблюдателя", "наблюдателей"],
        Role::Applicant => ["кандидат", "кандидата", "кандидатов"],
        Role::Guest => ["гость", "гостя", "гостей"],
        Role::Participant => ["участник", "участника", "участников"],
        Role::Signatory => ["подписант", "подписанта", "подписантов"],
    };
    match lang.ui() {
        Ui::En => format!("{n} {}", if n == 1 { en.0 } else { en.1 }),
        Ui::Ru => format!("{n} {}", ru[ru_plural(n)]),
    }
}

/// "12 events" / "12 событий": how many events a timeline cluster holds.
pub fn event_count(n: usize, lang: Lang) -> String {
    match lang.ui() {
        Ui::En => format!("{n} event{}", if n == 1 { "" } else { "s" }),
        Ui::Ru => format!("{n} {}", ["событие", "события", "событий"][ru_plural(n)]),
    }
}

/// "3 events match" / "Найдено: 3 события": the count a search announces.
pub fn match_count(n: usize, lang: Lang) -> String {
    match (lang.ui(), n) {
        (Ui::En, 0) => "No events match".to_string(),
        (Ui::En, 1) => "1 event matches".to_string(),
        (Ui::En, _) => format!("{n} events match"),
        (Ui::Ru, 0) => "Ничего не найдено".to_string(),
        (Ui::Ru, _) => format!("Найдено: {}", event_count(n, lang)),
    }
}

/// "Events 201–400 of 20000" / "События 201–400 из 20000".
pub fn range_of(a: usize, b: usize, n: usize, lang: Lang) -> String {
    match lang.ui() {
        Ui::En => format!("Events {a}–{b} of {n}"),
        Ui::Ru => format!("События {a}–{b} из {n}"),
    }
}

/// "3 problems" / "3 ошибки": how many problems a dataset has.
pub fn problem_count(n: usize, lang: Lang) -> String {
    match lang.ui() {
        Ui::En => format!("{n} problem{}", if n == 1 { "" } else { "s" }),
        Ui::Ru => format!("{n} {}", ["ошибка", "ошибки", "ошибок"][ru_plural(n)]),
    }
}

/// "As of 5 June 2013: 7 members, 2 observers" (only roles held by someone are listed).
pub fn as_of_sentence(day: DayNum, summary: &crate::query::Summary, lang: Lang) -> String {
    let mut parts = Vec::new();
    for role in [Role::Member, Role::Observer, Role::Applicant, Role::Guest, Role::Participant, Role::Signatory] {
        let n = summary.count(role);
        if n > 0 {
            parts.push(count_of(n, role, lang));
        }
    }
    if summary.last_record > 0 {
        parts.push(match lang.ui() {
            Ui::En => format!("{} as last on record", summary.last_record),
            Ui::Ru => format!("{} — по последним сведениям", summary.last_record),
        });
    }
    let counts = if parts.is_empty() { t(Key::None, lang).to_string() } else { parts.join(", ") };
    let head = match lang.ui() {
        Ui::En => format!("As of {}", format_day(day, lang)),
        Ui::Ru => format!("На {}", format_day(day, lang)),
    };
    format!("{head}: {counts}")
}

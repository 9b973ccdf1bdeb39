//! The names of roles, meeting levels and how a fact is known; each name's English and Russian
//! side by side.

use super::{Lang, Ui};
use crate::model::{Confidence, EventRole, Level, OrgEventRole, Role};

/// A state role's name.
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    let (en, ru) = match role {
        Role::Member => ("Member", "Член"),
        Role::Observer => ("Observer", "Наблюдатель"),
        Role::Applicant => ("Applicant", "Кандидат"),
        Role::Guest => ("Guest", "Гость"),
        Role::Participant => ("Participant", "Участник"),
        Role::Signatory => ("Signatory (2011 Declaration)", "Подписант (Декларация 2011 г.)"),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

/// A state role's name in one or two words, for the tiles where space is tight; the full name
/// ([`role_name`]) is in the tile's accessible name and in the legend.
pub fn role_short(role: Role, lang: Lang) -> &'static str {
    match (role, lang.ui()) {
        (Role::Signatory, Ui::En) => "Signatory",
        (Role::Signatory, Ui::Ru) => "Подписант",
        _ => role_name(role, lang),
    }
}

/// A role at an event.
pub fn event_role_name(role: EventRole, lang: Lang) -> &'static str {
    let (en, ru) = match role {
        EventRole::Chair => ("Chair", "Председатель"),
        EventRole::Member => ("Member", "Член"),
        EventRole::Observer => ("Observer", "Наблюдатель"),
        EventRole::Signatory => ("Signatory", "Подписант"),
        EventRole::Applicant => ("Applicant", "Кандидат"),
        EventRole::Guest => ("Guest", "Гость"),
        EventRole::Participant => ("Participant", "Участник"),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

/// A meeting level's name.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    let (en, ru) = match level {
        Level::FoundingConference => ("Founding conference", "Учредительная конференция"),
        Level::Ministerial => ("Ministerial conference", "Министерская конференция"),
        Level::SeniorOfficials => ("Senior officials' meeting", "Встреча высших должностных лиц (ВВДЛ)"),
        Level::NationalCoordinators => ("National coordinators' meeting", "Совещание национальных координаторов"),
        Level::TechnicalExperts => ("Technical experts' meeting", "Совещание технических экспертов"),
        Level::Thematic => ("Thematic event", "Тематическое мероприятие"),
        Level::Briefing => ("Briefing", "Брифинг"),
        Level::ExternalForum => ("External forum", "Внешний форум"),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

/// The glyph that marks a level on the timeline (shape, so colour is never the only cue).
pub fn level_glyph(level: Level) -> &'static str {
    match level {
        Level::FoundingConference => "★",
        Level::Ministerial => "◆",
        Level::SeniorOfficials => "●",
        Level::NationalCoordinators => "▲",
        Level::TechnicalExperts => "■",
        Level::Thematic => "⬟",
        Level::Briefing => "▼",
        Level::ExternalForum => "○",
    }
}

/// An organisation's role at an event.
pub fn org_event_role_name(role: OrgEventRole, lang: Lang) -> &'static str {
    let (en, ru) = match role {
        OrgEventRole::Organiser => ("organiser", "организатор"),
        OrgEventRole::Secretariat => ("secretariat", "секретариат"),
        OrgEventRole::Participant => ("participant", "участник"),
        OrgEventRole::Invited => ("invited", "приглашена"),
        OrgEventRole::Observer => ("observer", "наблюдатель"),
        OrgEventRole::Applicant => ("applicant", "кандидат"),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

/// How a fact is known, in words.
pub fn confidence_name(c: Confidence, lang: Lang) -> &'static str {
    let (en, ru) = match c {
        Confidence::Seen => ("stated in the source", "указано в источнике"),
        Confidence::SeenPartial => {
            ("stated, but the source is incomplete or ambiguous", "указано, но источник неполон или неоднозначен")
        }
        Confidence::Inferred => ("inferred from the sources", "выведено из источников"),
        Confidence::Gk => {
            ("general knowledge, not from a cited source", "общеизвестный факт, не из указанного источника")
        }
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

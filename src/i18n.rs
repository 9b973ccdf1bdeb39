//! Interface strings and date formatting in English and Russian.
//!
//! Dataset content carries its own languages (see [`crate::model::Text`]); this module only
//! covers the interface. A language without a table here falls back to English.

use crate::date::{Date, DayNum};
use crate::model::{Confidence, EventRole, Level, OrgEventRole, Role};

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

/// A state role's name.
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match (role, lang.ui()) {
        (Role::Member, Ui::En) => "Member",
        (Role::Observer, Ui::En) => "Observer",
        (Role::Applicant, Ui::En) => "Applicant",
        (Role::Guest, Ui::En) => "Guest",
        (Role::Participant, Ui::En) => "Participant",
        (Role::Signatory, Ui::En) => "Signatory (2011 Declaration)",
        (Role::Member, Ui::Ru) => "Член",
        (Role::Observer, Ui::Ru) => "Наблюдатель",
        (Role::Applicant, Ui::Ru) => "Кандидат",
        (Role::Guest, Ui::Ru) => "Гость",
        (Role::Participant, Ui::Ru) => "Участник",
        (Role::Signatory, Ui::Ru) => "Подписант (Декларация 2011 г.)",
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
    match (role, lang.ui()) {
        (EventRole::Chair, Ui::En) => "Chair",
        (EventRole::Member, Ui::En) => "Member",
        (EventRole::Observer, Ui::En) => "Observer",
        (EventRole::Signatory, Ui::En) => "Signatory",
        (EventRole::Applicant, Ui::En) => "Applicant",
        (EventRole::Guest, Ui::En) => "Guest",
        (EventRole::Participant, Ui::En) => "Participant",
        (EventRole::Chair, Ui::Ru) => "Председатель",
        (EventRole::Member, Ui::Ru) => "Член",
        (EventRole::Observer, Ui::Ru) => "Наблюдатель",
        (EventRole::Signatory, Ui::Ru) => "Подписант",
        (EventRole::Applicant, Ui::Ru) => "Кандидат",
        (EventRole::Guest, Ui::Ru) => "Гость",
        (EventRole::Participant, Ui::Ru) => "Участник",
    }
}

/// A meeting level's name.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    match (level, lang.ui()) {
        (Level::FoundingConference, Ui::En) => "Founding conference",
        (Level::Ministerial, Ui::En) => "Ministerial conference",
        (Level::SeniorOfficials, Ui::En) => "Senior officials' meeting",
        (Level::NationalCoordinators, Ui::En) => "National coordinators' meeting",
        (Level::TechnicalExperts, Ui::En) => "Technical experts' meeting",
        (Level::Thematic, Ui::En) => "Thematic event",
        (Level::Briefing, Ui::En) => "Briefing",
        (Level::ExternalForum, Ui::En) => "External forum",
        (Level::FoundingConference, Ui::Ru) => "Учредительная конференция",
        (Level::Ministerial, Ui::Ru) => "Министерская конференция",
        (Level::SeniorOfficials, Ui::Ru) => "Встреча высших должностных лиц (ВВДЛ)",
        (Level::NationalCoordinators, Ui::Ru) => "Совещание национальных координаторов",
        (Level::TechnicalExperts, Ui::Ru) => "Совещание технических экспертов",
        (Level::Thematic, Ui::Ru) => "Тематическое мероприятие",
        (Level::Briefing, Ui::Ru) => "Брифинг",
        (Level::ExternalForum, Ui::Ru) => "Внешний форум",
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

/// Interface strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Loading,
    LoadFailed,
    Retry,
    InvalidData,
    ProblemsFound,
    Timeline,
    States,
    Detail,
    AsOf,
    Events,
    ViewVisual,
    ViewText,
    Language,
    Chair,
    NoChair,
    Place,
    Online,
    PlaceUnknown,
    Participants,
    Outcomes,
    Sources,
    Confidence,
    Disputed,
    NamesOverTime,
    RoleHistory,
    ChairTerms,
    EventsAttended,
    NoRole,
    Legend,
    SelectHint,
    Uncertain,
    Ongoing,
    Fallback,
    Archived,
    Organisations,
    PrevEvent,
    NextEvent,
    PrevMonth,
    NextMonth,
    StatesTable,
    State,
    Role,
    Code,
    ChairTermsBand,
    Date,
    Crashed,
    TimedOut,
    None,
    View,
    ConnectionFailed,
    ZoomIn,
    ZoomOut,
    FitAll,
    Zoom,
    ZoomToSee,
    ShowEarlier,
    ShowLater,
    Pages,
    PrevPage,
    NextPage,
    Search,
    FindAndFilter,
    AboutDataset,
    AttendedBy,
    AllStates,
    SureOnly,
    CompareWith,
    Changes,
    NoChanges,
    Joined,
    Left,
    RoleChanged,
    ChairChanged,
    Unchanged,
    BecameChair,
    CeasedChair,
    NotInvolved,
    Play,
    Pause,
    LevelsShown,
    Matches,
    ContainsMatches,
    AtSelectedEvent,
}

/// An interface string.
pub fn t(key: Key, lang: Lang) -> &'static str {
    use Key::*;
    match lang.ui() {
        Ui::En => match key {
            Loading => "Loading the dataset…",
            LoadFailed => "Could not load the dataset",
            Retry => "Retry",
            InvalidData => "The dataset has problems and cannot be shown",
            ProblemsFound => "Problems found",
            Timeline => "Timeline",
            States => "States",
            Detail => "Details",
            AsOf => "As of",
            Events => "Events",
            ViewVisual => "Visual",
            ViewText => "Text",
            Language => "Language",
            Chair => "Chair",
            NoChair => "no chair known",
            Place => "Place",
            Online => "Online",
            PlaceUnknown => "Place not known",
            Participants => "Participants",
            Outcomes => "Outcome documents",
            Sources => "Sources",
            Confidence => "Confidence",
            Disputed => "Sources disagree",
            NamesOverTime => "Names over time",
            RoleHistory => "Role history",
            ChairTerms => "Chair terms",
            EventsAttended => "Events attended",
            NoRole => "No role",
            Legend => "Legend",
            AtSelectedEvent => "at the selected event",
            SelectHint => "Select an event on the timeline or a state on the map.",
            Uncertain => "date uncertain",
            Ongoing => "ongoing",
            Fallback => "not available in this language; shown in",
            Archived => "archived copy",
            Organisations => "Organisations",
            PrevEvent => "Previous event",
            NextEvent => "Next event",
            PrevMonth => "One month earlier",
            NextMonth => "One month later",
            StatesTable => "States by role",
            State => "State",
            Role => "Role",
            Code => "Code",
            ChairTermsBand => "Chair terms",
            Date => "Date",
            Crashed => "Something went wrong inside the app. Reload the page to try again.",
            TimedOut => "no answer within",
            None => "none",
            View => "View",
            ConnectionFailed => "the connection failed",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            FitAll => "Fit all",
            Zoom => "Timeline zoom",
            ZoomToSee => "select to zoom in",
            ShowEarlier => "Show earlier",
            ShowLater => "Show later",
            Pages => "Pages of events",
            PrevPage => "Previous page",
            NextPage => "Next page",
            Search => "Search events and states",
            FindAndFilter => "Search and filters",
            AboutDataset => "About this dataset",
            AttendedBy => "Attended by",
            AllStates => "any state",
            SureOnly => "Hide inferred and disputed",
            CompareWith => "Compare with",
            Changes => "Changes between the dates",
            NoChanges => "No changes",
            Joined => "joined",
            Left => "left",
            RoleChanged => "role changed",
            ChairChanged => "chair changed",
            Unchanged => "unchanged",
            BecameChair => "became chair",
            CeasedChair => "ceased to chair",
            NotInvolved => "not involved",
            Play => "Play through time",
            Pause => "Pause",
            LevelsShown => "Meeting levels (press to show or hide)",
            Matches => "matches the search",
            ContainsMatches => "contains matches",
        },
        Ui::Ru => match key {
            Loading => "Загрузка данных…",
            LoadFailed => "Не удалось загрузить данные",
            Retry => "Повторить",
            InvalidData => "В наборе данных есть ошибки, его нельзя показать",
            ProblemsFound => "Найденные ошибки",
            Timeline => "Хронология",
            States => "Государства",
            Detail => "Подробности",
            AsOf => "На дату",
            Events => "События",
            ViewVisual => "Графика",
            ViewText => "Текст",
            Language => "Язык",
            Chair => "Председатель",
            NoChair => "председатель неизвестен",
            Place => "Место",
            Online => "Онлайн",
            PlaceUnknown => "Место неизвестно",
            Participants => "Участники",
            Outcomes => "Итоговые документы",
            Sources => "Источники",
            Confidence => "Достоверность",
            Disputed => "Источники расходятся",
            NamesOverTime => "Названия",
            RoleHistory => "История статуса",
            ChairTerms => "Председательство",
            EventsAttended => "Участие в событиях",
            NoRole => "Нет статуса",
            Legend => "Условные обозначения",
            AtSelectedEvent => "на выбранном событии",
            SelectHint => "Выберите событие на шкале времени или государство на карте.",
            Uncertain => "дата не точна",
            Ongoing => "по настоящее время",
            Fallback => "нет на этом языке; показано на языке",
            Archived => "архивная копия",
            Organisations => "Организации",
            PrevEvent => "Предыдущее событие",
            NextEvent => "Следующее событие",
            PrevMonth => "На месяц раньше",
            NextMonth => "На месяц позже",
            StatesTable => "Государства по статусу",
            State => "Государство",
            Role => "Статус",
            Code => "Код",
            ChairTermsBand => "Председательство",
            Date => "Дата",
            Crashed => "В приложении произошла ошибка. Перезагрузите страницу.",
            TimedOut => "нет ответа в течение",
            None => "нет",
            View => "Вид",
            ConnectionFailed => "соединение не удалось",
            ZoomIn => "Крупнее",
            ZoomOut => "Мельче",
            FitAll => "Показать всё",
            Zoom => "Масштаб хронологии",
            ZoomToSee => "выберите, чтобы увеличить",
            ShowEarlier => "Показать более ранние",
            ShowLater => "Показать более поздние",
            Pages => "Страницы списка событий",
            PrevPage => "Предыдущая страница",
            NextPage => "Следующая страница",
            Search => "Поиск по событиям и государствам",
            FindAndFilter => "Поиск и фильтры",
            AboutDataset => "Об этих данных",
            AttendedBy => "Участник",
            AllStates => "любое государство",
            SureOnly => "Скрыть выведенные и спорные",
            CompareWith => "Сравнить с",
            Changes => "Изменения между датами",
            NoChanges => "Изменений нет",
            Joined => "присоединилось",
            Left => "вышло",
            RoleChanged => "роль изменилась",
            ChairChanged => "смена председателя",
            Unchanged => "без изменений",
            BecameChair => "стало председателем",
            CeasedChair => "перестало быть председателем",
            NotInvolved => "не участвовало",
            Play => "Воспроизвести по времени",
            Pause => "Пауза",
            LevelsShown => "Уровни встреч (нажмите, чтобы показать или скрыть)",
            Matches => "соответствует поиску",
            ContainsMatches => "есть совпадения",
        },
    }
}

/// An organisation's role at an event.
pub fn org_event_role_name(role: OrgEventRole, lang: Lang) -> &'static str {
    match (role, lang.ui()) {
        (OrgEventRole::Organiser, Ui::En) => "organiser",
        (OrgEventRole::Secretariat, Ui::En) => "secretariat",
        (OrgEventRole::Participant, Ui::En) => "participant",
        (OrgEventRole::Invited, Ui::En) => "invited",
        (OrgEventRole::Observer, Ui::En) => "observer",
        (OrgEventRole::Applicant, Ui::En) => "applicant",
        (OrgEventRole::Organiser, Ui::Ru) => "организатор",
        (OrgEventRole::Secretariat, Ui::Ru) => "секретариат",
        (OrgEventRole::Participant, Ui::Ru) => "участник",
        (OrgEventRole::Invited, Ui::Ru) => "приглашена",
        (OrgEventRole::Observer, Ui::Ru) => "наблюдатель",
        (OrgEventRole::Applicant, Ui::Ru) => "кандидат",
    }
}

/// How a fact is known, in words.
pub fn confidence_name(c: Confidence, lang: Lang) -> &'static str {
    match (c, lang.ui()) {
        (Confidence::Seen, Ui::En) => "stated in the source",
        (Confidence::SeenPartial, Ui::En) => "stated, but the source is incomplete or ambiguous",
        (Confidence::Inferred, Ui::En) => "inferred from the sources",
        (Confidence::Gk, Ui::En) => "general knowledge, not from a cited source",
        (Confidence::Seen, Ui::Ru) => "указано в источнике",
        (Confidence::SeenPartial, Ui::Ru) => "указано, но источник неполон или неоднозначен",
        (Confidence::Inferred, Ui::Ru) => "выведено из источников",
        (Confidence::Gk, Ui::Ru) => "общеизвестный факт, не из указанного источника",
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
    let counts = if parts.is_empty() { t(Key::None, lang).to_string() } else { parts.join(", ") };
    let head = match lang.ui() {
        Ui::En => format!("As of {}", format_day(day, lang)),
        Ui::Ru => format!("На {}", format_day(day, lang)),
    };
    format!("{head}: {counts}")
}

/// The export strings (downloads, citations, print view, the toolbar), in a table of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKey {
    Tools,
    Download,
    EventsCsv,
    StatesAsOf,
    Calendar,
    FoundCsv,
    FoundCalendar,
    DatasetJson,
    Cite,
    ThisEvent,
    WholeDataset,
    Style,
    Format,
    CitationText,
    Copy,
    CopyLink,
    LinkLabel,
    Print,
    Copied,
    LinkCopied,
    CopyFallback,
    DownloadStarted,
    Close,
    // CSV columns
    ColId,
    ColStart,
    ColStartPrecision,
    ColEnd,
    ColEndPrecision,
    ColUncertain,
    ColLevel,
    ColTitle,
    ColSummary,
    ColPlace,
    ColCountry,
    ColParticipants,
    ColOrganisations,
    ColSources,
    ColAsOf,
    ColOfficialName,
    ColRoleFrom,
    ColRoleTo,
    Yes,
    PrecisionDay,
    PrecisionMonth,
    PrecisionYear,
    // iCalendar
    LeftOut,
    // print view
    Chronology,
    PrintedFrom,
    Notes,
}

/// An export string.
pub fn te(key: ExportKey, lang: Lang) -> &'static str {
    use ExportKey::*;
    match lang.ui() {
        Ui::En => match key {
            Tools => "Download, cite, share, print",
            Download => "Download",
            EventsCsv => "Events (CSV)",
            StatesAsOf => "States as of",
            Calendar => "Events calendar (iCalendar)",
            FoundCsv => "Found events only (CSV)",
            FoundCalendar => "Found events only (iCalendar)",
            DatasetJson => "Dataset (JSON)",
            Cite => "Cite",
            ThisEvent => "This event",
            WholeDataset => "Whole dataset",
            Style => "APA",
            Format => "Format",
            CitationText => "Citation",
            Copy => "Copy",
            CopyLink => "Copy link",
            LinkLabel => "Link to this view",
            Print => "Print",
            Copied => "Copied to the clipboard",
            LinkCopied => "Link copied to the clipboard",
            CopyFallback => "Selected: press Ctrl+C (⌘C) to copy",
            DownloadStarted => "Downloading",
            Close => "Close",
            ColId => "ID",
            ColStart => "Start",
            ColStartPrecision => "Start precision",
            ColEnd => "End",
            ColEndPrecision => "End precision",
            ColUncertain => "Date uncertain",
            ColLevel => "Level",
            ColTitle => "Title",
            ColSummary => "Summary",
            ColPlace => "Place",
            ColCountry => "Country",
            ColParticipants => "States (role)",
            ColOrganisations => "Organisations (role)",
            ColSources => "Sources",
            ColAsOf => "As of",
            ColOfficialName => "Official name",
            ColRoleFrom => "Role since",
            ColRoleTo => "Role until",
            Yes => "yes",
            PrecisionDay => "day",
            PrecisionMonth => "month",
            PrecisionYear => "year",
            LeftOut => "Left out, as their dates are known only to the month or year",
            Chronology => "Chronology",
            PrintedFrom => "Printed from",
            Notes => "Source notes",
        },
        Ui::Ru => match key {
            Tools => "Скачать, цитировать, поделиться, распечатать",
            Download => "Скачать",
            EventsCsv => "События (CSV)",
            StatesAsOf => "Государства на",
            Calendar => "Календарь событий (iCalendar)",
            FoundCsv => "Только найденные события (CSV)",
            FoundCalendar => "Только найденные события (iCalendar)",
            DatasetJson => "Набор данных (JSON)",
            Cite => "Цитировать",
            ThisEvent => "Это событие",
            WholeDataset => "Весь набор данных",
            Style => "ГОСТ",
            Format => "Формат",
            CitationText => "Библиографическая ссылка",
            Copy => "Копировать",
            CopyLink => "Копировать ссылку",
            LinkLabel => "Ссылка на этот вид",
            Print => "Печать",
            Copied => "Скопировано в буфер обмена",
            LinkCopied => "Ссылка скопирована в буфер обмена",
            CopyFallback => "Текст выделен: нажмите Ctrl+C (⌘C), чтобы скопировать",
            DownloadStarted => "Скачивается",
            Close => "Закрыть",
            ColId => "Идентификатор",
            ColStart => "Начало",
            ColStartPrecision => "Точность начала",
            ColEnd => "Окончание",
            ColEndPrecision => "Точность окончания",
            ColUncertain => "Дата не точна",
            ColLevel => "Уровень",
            ColTitle => "Название",
            ColSummary => "Описание",
            ColPlace => "Место",
            ColCountry => "Страна",
            ColParticipants => "Государства (статус)",
            ColOrganisations => "Организации (роль)",
            ColSources => "Источники",
            ColAsOf => "На дату",
            ColOfficialName => "Официальное название",
            ColRoleFrom => "Статус с",
            ColRoleTo => "Статус по",
            Yes => "да",
            PrecisionDay => "день",
            PrecisionMonth => "месяц",
            PrecisionYear => "год",
            LeftOut => "Не включены, так как их даты известны лишь с точностью до месяца или года",
            Chronology => "Хронология",
            PrintedFrom => "Распечатано со страницы",
            Notes => "Источники",
        },
    }
}

/// A month's name in English (1–12), for citation styles that spell dates in words.
pub fn month_en(m: u8) -> &'static str {
    MONTHS_EN[(m.clamp(1, 12) - 1) as usize]
}

/// A month's name in Russian, genitive (1–12): "5 июня".
pub fn month_ru_gen(m: u8) -> &'static str {
    MONTHS_RU_GEN[(m.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

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

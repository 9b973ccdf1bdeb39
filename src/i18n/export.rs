//! The export strings (downloads, citations, the printout, the toolbar): one key each, its
//! English and Russian side by side.

use super::{Lang, Ui};

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
    let (en, ru) = match key {
        Tools => ("Download, cite, share, print", "Скачать, цитировать, поделиться, распечатать"),
        Download => ("Download", "Скачать"),
        EventsCsv => ("Events (CSV)", "События (CSV)"),
        StatesAsOf => ("States as of", "Государства на"),
        Calendar => ("Events calendar (iCalendar)", "Календарь событий (iCalendar)"),
        FoundCsv => ("Found events only (CSV)", "Только найденные события (CSV)"),
        FoundCalendar => ("Found events only (iCalendar)", "Только найденные события (iCalendar)"),
        DatasetJson => ("Dataset (JSON)", "Набор данных (JSON)"),
        Cite => ("Cite", "Цитировать"),
        ThisEvent => ("This event", "Это событие"),
        WholeDataset => ("Whole dataset", "Весь набор данных"),
        Style => ("APA", "ГОСТ"),
        Format => ("Format", "Формат"),
        CitationText => ("Citation", "Библиографическая ссылка"),
        Copy => ("Copy", "Копировать"),
        CopyLink => ("Copy link", "Копировать ссылку"),
        LinkLabel => ("Link to this view", "Ссылка на этот вид"),
        Print => ("Print", "Печать"),
        Copied => ("Copied to the clipboard", "Скопировано в буфер обмена"),
        LinkCopied => ("Link copied to the clipboard", "Ссылка скопирована в буфер обмена"),
        CopyFallback => {
            ("Selected: press Ctrl+C (⌘C) to copy", "Текст выделен: нажмите Ctrl+C (⌘C), чтобы скопировать")
        }
        DownloadStarted => ("Downloading", "Скачивается"),
        Close => ("Close", "Закрыть"),
        ColId => ("ID", "Идентификатор"),
        ColStart => ("Start", "Начало"),
        ColStartPrecision => ("Start precision", "Точность начала"),
        ColEnd => ("End", "Окончание"),
        ColEndPrecision => ("End precision", "Точность окончания"),
        ColUncertain => ("Date uncertain", "Дата не точна"),
        ColLevel => ("Level", "Уровень"),
        ColTitle => ("Title", "Название"),
        ColSummary => ("Summary", "Описание"),
        ColPlace => ("Place", "Место"),
        ColCountry => ("Country", "Страна"),
        ColParticipants => ("States (role)", "Государства (статус)"),
        ColOrganisations => ("Organisations (role)", "Организации (роль)"),
        ColSources => ("Sources", "Источники"),
        ColAsOf => ("As of", "На дату"),
        ColOfficialName => ("Official name", "Официальное название"),
        ColRoleFrom => ("Role since", "Статус с"),
        ColRoleTo => ("Role until", "Статус по"),
        Yes => ("yes", "да"),
        PrecisionDay => ("day", "день"),
        PrecisionMonth => ("month", "месяц"),
        PrecisionYear => ("year", "год"),
        LeftOut => (
            "Left out, as their dates are known only to the month or year",
            "Не включены, так как их даты известны лишь с точностью до месяца или года",
        ),
        Chronology => ("Chronology", "Хронология"),
        PrintedFrom => ("Printed from", "Распечатано со страницы"),
        Notes => ("Source notes", "Источники"),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

//! The editor's interface strings, English and Russian side by side (the reader's strings are
//! in `crate::i18n`; these live apart so the reader's wasm never carries them).

use crate::edit::records::Kind;
use crate::i18n::{Lang, Ui};

/// Editor strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    AppTitle,
    Open,
    OpenBundled,
    OpenFile,
    DropHere,
    Download,
    DownloadWithErrors,
    Discard,
    DiscardAsk,
    Undo,
    Redo,
    NoProblems,
    Problems,
    Preview,
    Edit,
    Changes,
    NoChanges,
    Added,
    Changed,
    Removed,
    Dataset,
    Add,
    Duplicate,
    Delete,
    DeleteAsk,
    AddItem,
    RemoveItem,
    Records,
    Choose,
    NotSaid,
    None,
    Unknown,
    Online,
    City,
    NoEnd,
    Loading,
    DraftRestored,
    DraftSaved,
    DraftNotSaved,
    OpenedFrom,
    RefusedTooLarge,
    RefusedNotJson,
    RefusedVersion,
    RefusedKept,
    PreviewStale,
    PreviewNone,
    Reader,
    Language,
    Select,
    Filter,
    IdHint,
    DateHint,
    Close,
    LoadFailed,
    Retry,
    Problem,
    ExportXlsx,
    ImportXlsx,
    ImportReview,
    ImportApply,
    ImportApplied,
    Cancel,
}

/// `en` or `ru`, by the interface table of `lang` (as the reader's strings choose).
fn pick<T>(lang: Lang, en: T, ru: T) -> T {
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

/// The string in the interface language (Russian for `ru`, English otherwise).
pub fn s(key: S, lang: Lang) -> &'static str {
    use S::*;
    let (en, ru) = match key {
        AppTitle => ("Dataset editor", "Редактор данных"),
        Open => ("Open", "Открыть"),
        OpenBundled => ("Bundled dataset", "Встроенный набор данных"),
        OpenFile => ("File from disk…", "Файл с диска…"),
        DropHere => ("Drop a dataset file to open it", "Перетащите файл данных, чтобы открыть его"),
        Download => ("Download dataset.json", "Скачать dataset.json"),
        DownloadWithErrors => ("Download with errors", "Скачать с ошибками"),
        Discard => ("Discard draft", "Удалить черновик"),
        DiscardAsk => (
            "Discard the draft and every change in it, and open the bundled dataset?",
            "Удалить черновик со всеми изменениями и открыть встроенный набор данных?",
        ),
        Undo => ("Undo", "Отменить"),
        Redo => ("Redo", "Повторить"),
        NoProblems => ("No problems: the app will show this file.", "Ошибок нет: приложение покажет этот файл."),
        Problems => ("Problems", "Ошибки"),
        Preview => ("Preview", "Просмотр"),
        Edit => ("Edit", "Правка"),
        Changes => ("Changes since opened", "Изменения с момента открытия"),
        NoChanges => ("No changes yet.", "Изменений пока нет."),
        Added => ("added", "добавлено"),
        Changed => ("changed", "изменено"),
        Removed => ("removed", "удалено"),
        Dataset => ("Dataset", "Набор данных"),
        Add => ("Add", "Добавить"),
        Duplicate => ("Duplicate", "Копировать"),
        Delete => ("Delete", "Удалить"),
        DeleteAsk => ("Delete it anyway? These places still refer to it:", "Всё равно удалить? На запись ссылаются:"),
        AddItem => ("Add", "Добавить"),
        RemoveItem => ("Remove", "Убрать"),
        Records => ("Records", "Записи"),
        Choose => ("— choose —", "— выберите —"),
        NotSaid => ("— not said —", "— не указано —"),
        None => ("none", "нет"),
        Unknown => ("unknown", "неизвестно"),
        Online => ("online", "онлайн"),
        City => ("a city", "город"),
        NoEnd => ("no end", "без конца"),
        Loading => ("Opening the dataset…", "Открываем набор данных…"),
        DraftRestored => ("Draft restored from this browser.", "Черновик восстановлен из этого браузера."),
        DraftSaved => ("Every change is saved as a draft in this browser.", "Каждое изменение сохраняется как черновик в этом браузере."),
        DraftNotSaved => (
            "The draft could not be saved in this browser (storage full or blocked): download to keep your changes.",
            "Черновик не удалось сохранить в браузере (хранилище заполнено или недоступно): скачайте файл, чтобы не потерять изменения.",
        ),
        OpenedFrom => ("Opened:", "Открыт:"),
        RefusedTooLarge => ("is too large to open", "слишком велик"),
        RefusedNotJson => ("is not a JSON file", "— не файл JSON"),
        RefusedVersion => ("has another format_version than 1", "имеет другой format_version, не 1"),
        RefusedKept => ("The draft is unchanged.", "Черновик не изменён."),
        PreviewStale => (
            "The draft has errors: the preview shows the last version without errors.",
            "В черновике есть ошибки: просмотр показывает последнюю версию без ошибок.",
        ),
        PreviewNone => ("Fix the errors to see the preview.", "Исправьте ошибки, чтобы увидеть просмотр."),
        Reader => ("Open the reader", "Открыть обозреватель"),
        Language => ("Language", "Язык"),
        Select => ("Select a record to edit it.", "Выберите запись, чтобы изменить её."),
        Filter => ("Filter records", "Фильтр записей"),
        IdHint => ("Renaming updates every reference.", "При переименовании обновляются все ссылки."),
        DateHint => ("YYYY, YYYY-MM or YYYY-MM-DD", "ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД"),
        Close => ("Close", "Закрыть"),
        LoadFailed => ("Could not open", "Не удалось открыть"),
        Retry => ("Retry", "Повторить"),
        Problem => ("Problem", "Ошибка"),
        ExportXlsx => ("Export workbook", "Экспорт в таблицу"),
        ImportXlsx => ("Import workbook…", "Импорт таблицы…"),
        ImportReview => ("Review the import of", "Проверьте импорт"),
        ImportApply => ("Apply (one undo step)", "Применить (отменяется одним шагом)"),
        ImportApplied => ("applied; Undo takes it back.", "применён; «Отменить» вернёт прежнее."),
        Cancel => ("Cancel", "Отмена"),
    };
    pick(lang, en, ru)
}

/// The name of a kind of record, plural (tab titles).
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let (en, ru) = match kind {
        Kind::Event => ("Events", "События"),
        Kind::State => ("States", "Государства"),
        Kind::ChairTerm => ("Chair terms", "Председательство"),
        Kind::Source => ("Sources", "Источники"),
        Kind::Dispute => ("Disputes", "Расхождения"),
        Kind::Organisation => ("Organisations", "Организации"),
    };
    pick(lang, en, ru)
}

/// A field's label, by its key in the file.
pub fn label(key: &str, lang: Lang) -> String {
    let (en, ru) = match key {
        "id" => ("Id", "Идентификатор"),
        "code" => ("Code (ISO 3166-1 alpha-2)", "Код (ISO 3166-1 alpha-2)"),
        "start" => ("Start", "Начало"),
        "end" => ("End", "Окончание"),
        "uncertain" => ("Date uncertain", "Дата не точна"),
        "place" => ("Place", "Место"),
        "level" => ("Level", "Уровень"),
        "title" => ("Title", "Название"),
        "summary" => ("Summary", "Описание"),
        "participants" => ("Participating states", "Государства-участники"),
        "organisations" => ("Organisations", "Организации"),
        "outcomes" => ("Outcome documents", "Итоговые документы"),
        "sources" => ("Sources", "Источники"),
        "confidence" => ("Confidence", "Достоверность"),
        "note" => ("Note", "Примечание"),
        "state" => ("State", "Государство"),
        "role" => ("Role", "Роль"),
        "org" => ("Organisation", "Организация"),
        "kind" => ("Kind", "Вид"),
        "url" => ("Link", "Ссылка"),
        "archived_url" => ("Archived link", "Архивная ссылка"),
        "names" => ("Names over time", "Названия во времени"),
        "short" => ("Short name", "Краткое название"),
        "official" => ("Official name", "Официальное название"),
        "from" => ("From", "С"),
        "to" => ("To", "По"),
        "capital" => ("Capital", "Столица"),
        "name" => ("Name", "Название"),
        "lat" => ("Latitude", "Широта"),
        "lon" => ("Longitude", "Долгота"),
        "roles" => ("Roles over time", "Роли во времени"),
        "chairperson" => ("Chairperson", "Председатель"),
        "publisher" => ("Publisher", "Издатель"),
        "context_only" => {
            ("Context only (mentions the process in passing)", "Только контекст (упоминает процесс мимоходом)")
        }
        "subject" => ("Subject", "Предмет"),
        "field" => ("Field in dispute", "Спорное поле"),
        "readings" => ("Readings", "Версии"),
        "text" => ("Text", "Текст"),
        "description" => ("Description", "Описание"),
        "updated" => ("Updated", "Обновлено"),
        "ends" => ("How the end is known", "Как известно об окончании"),
        "changes" => ("Change log", "Журнал изменений"),
        "date" => ("Date", "Дата"),
        "what" => ("What changed", "Что изменено"),
        "why" => ("Why", "Почему"),
        "city" => ("City", "Город"),
        "country" => ("Country", "Страна"),
        other => return other.replace('_', " "),
    };
    pick(lang, en, ru).to_string()
}

/// The summary line of error and warning counts.
pub fn counts_line(errors: usize, warnings: usize, lang: Lang) -> String {
    let n = |n: usize, en: [&str; 2], ru: [&str; 3]| {
        if lang.ui() == Ui::Ru {
            format!("{n} {}", ru[crate::i18n::ru_plural(n)])
        } else {
            format!("{n} {}", en[usize::from(n != 1)])
        }
    };
    format!(
        "{} · {}",
        n(errors, ["error", "errors"], ["ошибка", "ошибки", "ошибок"]),
        n(warnings, ["warning", "warnings"], ["предупреждение", "предупреждения", "предупреждений"])
    )
}

/// "3 records change", for an import's review.
pub fn records_changing(n: usize, lang: Lang) -> String {
    if lang.ui() == Ui::Ru {
        format!("{n} {}:", ["запись изменится", "записи изменятся", "записей изменится"][crate::i18n::ru_plural(n)])
    } else {
        format!("{n} {}:", if n == 1 { "record changes" } else { "records change" })
    }
}

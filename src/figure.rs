//! A figure of one view of the explorer: the timeline of a span, the map of states as of a
//! date, a legend and the source, as drawing primitives ([`Item`]) and as standalone SVG text
//! ([`to_svg`]) for the share images and the download. Pure: no web or UI crate, tested
//! natively.
//!
//! The figure says what the screen says: its words come from [`crate::i18n`] and
//! [`crate::export`], its axis from [`crate::scale`], its tiles from [`crate::grid`], its
//! colours from the light theme of `public/styles.css`. Text is never cut: a long line wraps,
//! then shrinks, and only then ends in an ellipsis, always inside the figure (widths are the
//! generous estimates of [`text_width`]).

use crate::date::{Date, DayNum};
use crate::export::{participants_line, place_line, push_html, role_label, state_name, txt};
use crate::grid::{layout, Pin};
use crate::hyphen::soft_hyphens;
use crate::i18n::{
    as_of_sentence, event_count, event_role_name, format_day, format_range, level_name, role_name, role_short,
    ru_plural, t, te, ExportKey, Key, Lang, Ui,
};
use crate::model::{Dataset, Event, EventIx, EventRole, Role, StateIx};
use crate::query;
use crate::scale::{text_width, Scale};

/// What a figure shows: the explorer's view it is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureView {
    pub lang: Lang,
    /// The as-of date.
    pub day: DayNum,
    pub event: Option<EventIx>,
    pub state: Option<StateIx>,
    /// The span of the timeline shown (first and last day).
    pub span: (DayNum, DayNum),
    /// The link to this view, printed on the figure.
    pub link: String,
    /// The day the figure is made (the date stamp).
    pub made: DayNum,
}

/// Where a text's `x` is: its start, middle or end.
#[derive(Debug, Clone, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawing primitive, in figure pixels (origin top left). Colours are CSS hex strings
/// ("#1f6f8b"). A text's `y` is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: String,
        stroke: Option<String>,
        stroke_width: f64,
        radius: f64,
        dashed: bool,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: String,
        width: f64,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: String,
        stroke: Option<String>,
        stroke_width: f64,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        fill: String,
        anchor: Anchor,
    },
}

/// A whole figure: its size, its accessible name and description, and what it draws, in
/// drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    /// The figure's title (SVG <title>), e.g. the selected event's title, else the dataset's.
    pub title: String,
    /// A full alt text (SVG <desc>): what the figure shows, in the view's language.
    pub desc: String,
    pub items: Vec<Item>,
}

/// The light theme's colours, as in `public/styles.css`.
mod colour {
    pub const BG: &str = "#ffffff";
    pub const FG: &str = "#1b1f24";
    pub const MUTED: &str = "#57606a";
    pub const LINE: &str = "#d0d7de";
    pub const PANEL: &str = "#f6f8fa";
    pub const ACCENT: &str = "#0b5cad";
    pub const FOCUS: &str = "#d4350f";
    pub const CHAIR: &str = "#c7d9f0";
    pub const NONE: &str = "#eef1f4";
}

/// A tile's colour for a role (`--ap-member`, …), or for no role (`--ap-none`).
pub fn role_colour(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Member) => "#1f6f43",
        Some(Role::Observer) => "#8a5a00",
        Some(Role::Applicant) => "#6f42c1",
        Some(Role::Guest) => "#0b5cad",
        Some(Role::Participant) => "#4d6a80",
        Some(Role::Signatory) => "#7a4e2d",
        None => colour::NONE,
    }
}

/// The text colour on a tile of that role.
fn role_text_colour(role: Option<Role>) -> &'static str {
    match role {
        Some(_) => colour::BG,
        None => colour::FG,
    }
}

/// The figure's own words (the rest come from `crate::i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Source,
    Updated,
    Made,
    Selected,
    SelectedEvent,
    SelectedState,
    RoleAtEvent,
    AttendedBy,
}

/// One of the figure's words in a language.
fn word(w: Word, lang: Lang) -> &'static str {
    let (en, ru) = match w {
        Word::Source => ("Source", "Источник"),
        Word::Updated => ("updated", "обновлено"),
        Word::Made => ("Figure made", "Рисунок создан"),
        Word::Selected => ("Selected", "Выбрано"),
        Word::SelectedEvent => ("Selected event", "Выбранное событие"),
        Word::SelectedState => ("Selected state", "Выбранное государство"),
        Word::RoleAtEvent => ("Role at the selected event", "Роль на выбранном событии"),
        Word::AttendedBy => (", attended by ", "; участники: "),
    };
    match lang.ui() {
        Ui::En => en,
        Ui::Ru => ru,
    }
}

// ---------------------------------------------------------------------------------------------
// Words: the title and the alt text.

/// The figure's title: the selected event's title, else the selected state's name (on the
/// as-of date), else the dataset's title.
pub fn title(ds: &Dataset, v: &FigureView) -> String {
    if let Some(e) = selected_event(ds, v) {
        return txt(ds, &e.title, v.lang).to_string();
    }
    if let Some(s) = v.state.and_then(|i| ds.states.get(i.0)) {
        return state_name(ds, &s.code, v.day, v.lang).to_string();
    }
    txt(ds, &ds.title, v.lang).to_string()
}

/// The alt text, one paragraph: what the timeline and the map show, the chair, and what is
/// selected. "Timeline of 19 events from 2011 to 2025 and map of 21 states as of 5 June 2013:
/// 7 members, 2 observers. Chair: Kazakhstan. Selected: …".
pub fn describe(ds: &Dataset, v: &FigureView) -> String {
    let lang = v.lang;
    let n_events = events_in(ds, v.span).count();
    let n_states = ds.states.len();
    let (y0, y1) = (Date::from_day(v.span.0).year, Date::from_day(v.span.1.max(v.span.0)).year);
    let summary = query::summary_on(ds, v.day);
    let as_of = lower_first(&as_of_sentence(v.day, &summary, lang));
    let mut d = match lang.ui() {
        Ui::En => {
            let years = if y0 == y1 { format!("in {y0}") } else { format!("from {y0} to {y1}") };
            let states = format!("{n_states} state{}", if n_states == 1 { "" } else { "s" });
            format!("Timeline of {} {years} and map of {states} {as_of}.", event_count(n_events, lang))
        }
        Ui::Ru => {
            let years = if y0 == y1 { format!("за {y0} г.") } else { format!("с {y0} по {y1} г.") };
            let events = ["события", "событий", "событий"][ru_plural(n_events)];
            let states = ["государства", "государств", "государств"][ru_plural(n_states)];
            format!("Хронология из {n_events} {events} {years} и карта {n_states} {states} {as_of}.")
        }
    };
    d.push(' ');
    d.push_str(&chair_sentence(ds, v.day, lang));
    if let Some(e) = selected_event(ds, v) {
        d.push(' ');
        d.push_str(&event_sentence(ds, e, lang));
    } else if let Some(s) = v.state.and_then(|i| ds.states.get(i.0)) {
        let role = role_label(query::role_on(s, v.day), v.day, lang);
        d.push_str(&format!(" {}: {} — {role}.", word(Word::Selected, lang), state_name(ds, &s.code, v.day, lang)));
    }
    d
}

/// "Chair: Kazakhstan." as of `day`, as the as-of line on screen says it.
fn chair_sentence(ds: &Dataset, day: DayNum, lang: Lang) -> String {
    let chair = match query::chair_on(ds, day) {
        Some(term) => state_name(ds, &term.state, day, lang).to_string(),
        None => t(Key::NoChair, lang).to_string(),
    };
    format!("{}: {chair}.", t(Key::Chair, lang))
}

/// "Selected: <title> (<date>; <place>), attended by <states with roles>."
fn event_sentence(ds: &Dataset, e: &Event, lang: Lang) -> String {
    let mut s = format!("{}: {} ({}", word(Word::Selected, lang), txt(ds, &e.title, lang), event_date(e, lang));
    let place = place_line(ds, e, lang);
    if !place.is_empty() {
        s.push_str("; ");
        s.push_str(&place);
    }
    s.push(')');
    if !e.participants.is_empty() {
        s.push_str(word(Word::AttendedBy, lang));
        s.push_str(&participants_line(ds, e, lang));
    }
    s.push('.');
    s
}

/// An event's dates in words.
fn event_date(e: &Event, lang: Lang) -> String {
    format_range(&e.start, e.end.as_ref(), lang)
}

/// `s` with its first letter in lower case ("As of …" → "as of …", "На …" → "на …").
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The selected event, if any.
fn selected_event<'a>(ds: &'a Dataset, v: &FigureView) -> Option<&'a Event> {
    v.event.and_then(|i| ds.events.get(i.0))
}

/// Events that overlap the span, with their positions.
fn events_in(ds: &Dataset, span: (DayNum, DayNum)) -> impl Iterator<Item = (usize, &Event)> + '_ {
    ds.events.iter().enumerate().filter(move |(_, e)| e.start.first_day() <= span.1 && e.last().last_day() >= span.0)
}

// ---------------------------------------------------------------------------------------------
// Text measure and fit.

/// Line height, as a multiple of the font size.
const LINE_HEIGHT: f64 = 1.25;
/// From a line's top to its baseline, as a multiple of the font size.
const ASCENT: f64 = 0.95;

/// Estimated width of `text` (bold text is wider).
fn width(text: &str, size: f64, bold: bool) -> f64 {
    text_width(text, size) * if bold { 1.1 } else { 1.0 }
}

/// A text fitted to a box: the size and the lines.
#[derive(Debug, Clone, PartialEq)]
struct Fitted {
    size: f64,
    bold: bool,
    lines: Vec<String>,
}

impl Fitted {
    fn height(&self) -> f64 {
        self.lines.len() as f64 * self.size * LINE_HEIGHT
    }
    fn width(&self) -> f64 {
        self.lines.iter().map(|l| width(l, self.size, self.bold)).fold(0.0, f64::max)
    }
}

/// The soft hyphen: where a word may break, with a hyphen shown (see [`crate::hyphen`]).
const SHY: char = '\u{00AD}';

/// `s` without soft hyphens.
fn clean(s: &str) -> String {
    s.chars().filter(|&c| c != SHY).collect()
}

/// The words of `text`, each with its byte offset.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// `text` wrapped at spaces into lines at most `max_w` wide, each with the offset in `text`
/// where it begins. A word too wide for a line of its own breaks at a soft hyphen (shown as
/// "-") where it can, else stays whole.
fn wrap(text: &str, size: f64, max_w: f64, bold: bool) -> Vec<(String, usize)> {
    let fits = |s: &str| width(s, size, bold) <= max_w;
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut line = String::new();
    let mut line_start = 0;
    for (offset, word) in words(text) {
        let (mut word, mut offset) = (word, offset);
        loop {
            let whole = clean(word);
            let joined = if line.is_empty() { whole.clone() } else { format!("{line} {whole}") };
            if fits(&joined) {
                if line.is_empty() {
                    line_start = offset;
                }
                line = joined;
                break;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), line_start));
                continue;
            }
            match break_at_hyphen(word, fits) {
                Some((head, tail)) => {
                    lines.push((head, offset));
                    offset += word.len() - tail.len();
                    word = tail;
                }
                None => {
                    line = whole;
                    line_start = offset;
                    break;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push((line, line_start));
    }
    lines
}

/// The longest head of `word` up to a soft hyphen that fits with its hyphen ("Велико-"),
/// and the rest of the word.
fn break_at_hyphen(word: &str, fits: impl Fn(&str) -> bool) -> Option<(String, &str)> {
    let breaks: Vec<usize> = word.char_indices().filter(|&(_, c)| c == SHY).map(|(i, _)| i).collect();
    breaks.into_iter().rev().find_map(|i| {
        let head = format!("{}-", clean(&word[..i]));
        let tail = &word[i + SHY.len_utf8()..];
        (fits(&head) && !tail.is_empty()).then_some((head, tail))
    })
}

/// `text` if it fits `max_w`, else as much of it as fits followed by "…"; empty when not
/// even the ellipsis fits.
fn ellipsize(text: &str, size: f64, max_w: f64, bold: bool) -> String {
    let text = clean(text);
    if width(&text, size, bold) <= max_w {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    for n in (0..chars.len()).rev() {
        let head: String = chars[..n].iter().collect();
        let cut = format!("{}…", head.trim_end());
        if width(&cut, size, bold) <= max_w {
            return cut;
        }
    }
    String::new()
}

/// `text` in at most `max_lines` lines of at most `max_w`: wrapped at `size`, else at a
/// smaller size down to `min`, else at `min` with the last line ending in "…".
fn fit(text: &str, size: f64, min: f64, max_w: f64, max_lines: usize, bold: bool) -> Fitted {
    let min = min.min(size);
    let mut s = size;
    loop {
        let lines = wrap(text, s, max_w, bold);
        if lines.len() <= max_lines && lines.iter().all(|l| width(&l.0, s, bold) <= max_w) {
            return Fitted { size: s, bold, lines: lines.into_iter().map(|l| l.0).collect() };
        }
        if s <= min {
            break;
        }
        s = (s * 0.94).max(min);
    }
    let lines = wrap(text, min, max_w, bold);
    let keep = max_lines.min(lines.len());
    let mut out: Vec<String> = Vec::with_capacity(keep);
    for (i, (line, start)) in lines.iter().enumerate().take(keep) {
        // The last line kept holds the rest of the text.
        let line = if i + 1 == keep && lines.len() > keep {
            words(&text[*start..]).iter().map(|w| clean(w.1)).collect::<Vec<_>>().join(" ")
        } else {
            line.clone()
        };
        let line = ellipsize(&line, min, max_w, bold);
        if line.is_empty() {
            break;
        }
        out.push(line);
    }
    Fitted { size: min, bold, lines: out }
}

// ---------------------------------------------------------------------------------------------
// Drawing.

/// A box in figure pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Area {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Area {
    fn right(&self) -> f64 {
        self.x + self.w
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// The items drawn so far.
#[derive(Debug, Default)]
struct Canvas {
    items: Vec<Item>,
}

impl Canvas {
    fn rect(&mut self, a: Area, fill: &str, stroke: Option<(&str, f64)>, radius: f64, dashed: bool) {
        self.items.push(Item::Rect {
            x: a.x,
            y: a.y,
            w: a.w.max(0.0),
            h: a.h.max(0.0),
            fill: fill.to_string(),
            stroke: stroke.map(|s| s.0.to_string()),
            stroke_width: stroke.map_or(0.0, |s| s.1),
            radius,
            dashed,
        });
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64) {
        self.items.push(Item::Line { x1, y1, x2, y2, stroke: stroke.to_string(), width });
    }

    fn circle(&mut self, (cx, cy): (f64, f64), r: f64, fill: &str, stroke: Option<(&str, f64)>) {
        self.items.push(Item::Circle {
            cx,
            cy,
            r,
            fill: fill.to_string(),
            stroke: stroke.map(|s| s.0.to_string()),
            stroke_width: stroke.map_or(0.0, |s| s.1),
        });
    }

    /// One line of text with its baseline at `y`; nothing for an empty text.
    fn text(&mut self, (x, y): (f64, f64), text: &str, size: f64, bold: bool, fill: &str, anchor: Anchor) {
        if text.is_empty() {
            return;
        }
        self.items.push(Item::Text { x, y, text: text.to_string(), size, bold, fill: fill.to_string(), anchor });
    }

    /// Fitted lines from `top` down; returns the bottom of the last line.
    fn lines(&mut self, x: f64, top: f64, f: &Fitted, fill: &str, anchor: Anchor) -> f64 {
        let lh = f.size * LINE_HEIGHT;
        for (i, l) in f.lines.iter().enumerate() {
            let y = top + i as f64 * lh + f.size * ASCENT;
            self.text((x, y), l, f.size, f.bold, fill, anchor.clone());
        }
        top + f.height()
    }
}

/// The box an item covers (its stroke included; a text's box is estimated): (left, top,
/// right, bottom).
pub fn bounds(item: &Item) -> (f64, f64, f64, f64) {
    match item {
        Item::Rect { x, y, w, h, stroke_width, .. } => {
            let s = stroke_width / 2.0;
            (x - s, y - s, x + w + s, y + h + s)
        }
        Item::Line { x1, y1, x2, y2, width, .. } => {
            let s = width / 2.0;
            (x1.min(*x2) - s, y1.min(*y2) - s, x1.max(*x2) + s, y1.max(*y2) + s)
        }
        Item::Circle { cx, cy, r, stroke_width, .. } => {
            let r = r + stroke_width / 2.0;
            (cx - r, cy - r, cx + r, cy + r)
        }
        Item::Text { x, y, text, size, bold, anchor, .. } => {
            let w = width(text, *size, *bold);
            let left = match anchor {
                Anchor::Start => *x,
                Anchor::Middle => x - w / 2.0,
                Anchor::End => x - w,
            };
            (left, y - size * ASCENT, left + w, y + size * (LINE_HEIGHT - ASCENT))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The figure.

/// The figure of a view, at `width` × `height` (the layout adapts: a wide one puts the map
/// beside or below the timeline as fits; the share images are 1200×630, the download
/// 1600×1000).
pub fn build(ds: &Dataset, v: &FigureView, width: f64, height: f64) -> Figure {
    let w = if width.is_finite() && width >= 100.0 { width } else { 1200.0 };
    let h = if height.is_finite() && height >= 100.0 { height } else { 630.0 };
    // One unit: a pixel at 1200×630, more on larger figures.
    let u = (w / 1200.0).min(h / 630.0).clamp(0.5, 4.0);
    let m = 24.0 * u;
    let mut c = Canvas::default();
    c.rect(Area { x: 0.0, y: 0.0, w, h }, colour::BG, None, 0.0, false);
    let inner = Area { x: m, y: m, w: w - 2.0 * m, h: h - 2.0 * m };
    let top = header(&mut c, ds, v, u, inner) + 14.0 * u;
    let bottom = footer(&mut c, ds, v, u, inner) - 14.0 * u;
    if bottom > top {
        body(&mut c, ds, v, u, Area { x: inner.x, y: top, w: inner.w, h: bottom - top });
    }
    Figure { width: w, height: h, title: title(ds, v), desc: describe(ds, v), items: c.items }
}

/// The title, the dataset's title when it is not the title, and the as-of line with the
/// chair; returns the bottom.
fn header(c: &mut Canvas, ds: &Dataset, v: &FigureView, u: f64, a: Area) -> f64 {
    let lang = v.lang;
    let main = title(ds, v);
    let f = fit(&main, 26.0 * u, 17.0 * u, a.w, 2, true);
    let mut y = c.lines(a.x, a.y, &f, colour::FG, Anchor::Start);
    let dataset = txt(ds, &ds.title, lang);
    if dataset != main {
        let f = fit(dataset, 15.0 * u, 11.0 * u, a.w, 2, false);
        y = c.lines(a.x, y + 2.0 * u, &f, colour::MUTED, Anchor::Start);
    }
    let summary = query::summary_on(ds, v.day);
    let as_of = format!("{}. {}", as_of_sentence(v.day, &summary, lang), chair_sentence(ds, v.day, lang));
    let f = fit(&as_of, 15.0 * u, 11.0 * u, a.w, 2, false);
    c.lines(a.x, y + 6.0 * u, &f, colour::FG, Anchor::Start)
}

/// The source line, then the link and the date stamp, at the bottom of `a`, under a rule;
/// returns the top of the rule.
fn footer(c: &mut Canvas, ds: &Dataset, v: &FigureView, u: f64, a: Area) -> f64 {
    let lang = v.lang;
    let source = format!(
        "{}: {}, {} {}",
        word(Word::Source, lang),
        txt(ds, &ds.title, lang),
        word(Word::Updated, lang),
        crate::i18n::format_date(&ds.updated, lang)
    );
    let src = fit(&source, 12.0 * u, 9.0 * u, a.w, 2, false);
    let size = 12.0 * u;
    let stamp = format!("{} {}", word(Word::Made, lang), format_day(v.made, lang));
    let stamp_w = width(&stamp, size, false);
    let link = fit(&v.link, size, 9.0 * u, (a.w - stamp_w - 16.0 * u).max(0.0), 1, false);
    let last = size.max(link.size) * LINE_HEIGHT;
    let top = a.bottom() - src.height() - 4.0 * u - last;
    c.line((a.x, top - 8.0 * u), (a.right(), top - 8.0 * u), colour::LINE, 1.0);
    let y = c.lines(a.x, top, &src, colour::MUTED, Anchor::Start) + 4.0 * u;
    c.lines(a.x, y, &link, colour::ACCENT, Anchor::Start);
    c.text((a.right(), y + size * ASCENT), &stamp, size, false, colour::MUTED, Anchor::End);
    top - 8.0 * u
}

/// One state's tile, as of the view's date.
#[derive(Debug, Clone)]
struct Tile {
    code: String,
    /// The short name on the date, with soft hyphens where it may break.
    name: String,
    role: Option<Role>,
    /// The role is only the last on record (the sources stop before the date).
    stale: bool,
    /// Its role at the selected event.
    at_event: Option<EventRole>,
    selected: bool,
    /// The role in a word or two ("?" added when only the last on record), soft-hyphenated.
    role_text: String,
    /// "★ Chair": its role at the selected event.
    badge: Option<String>,
}

/// Every state's tile, in dataset order.
fn tiles(ds: &Dataset, v: &FigureView) -> Vec<Tile> {
    let event = selected_event(ds, v);
    ds.states
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let span = query::role_on(s, v.day);
            let role = span.map(|r| r.role);
            let stale = span.is_some_and(|r| r.span.after_record(v.day));
            let at_event = event.and_then(|e| query::role_at(e, &s.code));
            let mut role_text = soft_hyphens(
                match role {
                    Some(r) => role_short(r, v.lang),
                    None => t(Key::NoRole, v.lang),
                },
                v.lang,
            );
            if stale {
                role_text.push_str(" ?");
            }
            Tile {
                code: s.code.clone(),
                name: soft_hyphens(state_name(ds, &s.code, v.day, v.lang), v.lang),
                role,
                stale,
                at_event,
                selected: v.state == Some(StateIx(i)),
                role_text,
                badge: at_event.map(|r| format!("★ {}", event_role_name(r, v.lang))),
            }
        })
        .collect()
}

/// Where the timeline, the map's tiles and the legend go, and the size of a tile.
#[derive(Debug, Clone, Copy)]
struct Plan {
    timeline: Area,
    /// The tiles' area (the caption is above it).
    map: Area,
    legend: Area,
    cell: (f64, f64),
}

/// Tile size for a `cols × rows` grid in `a` with `gap` between tiles: up to 1.6 times as
/// wide as tall, never taller than wide.
fn cell_size(a: Area, cols: i32, rows: i32, gap: f64) -> (f64, f64) {
    let (cols, rows) = (cols.max(1) as f64, rows.max(1) as f64);
    let cw0 = ((a.w + gap) / cols - gap).max(0.0);
    let ch0 = ((a.h + gap) / rows - gap).max(0.0);
    let cw = cw0.min(ch0 * 1.6);
    let ch = ch0.min(cw);
    (cw, ch)
}

/// How legible a tile of this size is.
fn cell_score((cw, ch): (f64, f64)) -> f64 {
    cw.min(ch * 1.35)
}

/// The two layouts, and the one with the larger tiles: the map below the timeline (legend
/// beside the map), or beside it (legend under the timeline).
fn plan(a: Area, u: f64, tl_h: f64, cols: i32, rows: i32) -> Plan {
    let gap = 16.0 * u;
    let tile_gap = 6.0 * u;
    let cap = caption_height(u);
    let map_w = |cell: (f64, f64)| (cols.max(1) as f64 * (cell.0 + tile_gap) - tile_gap).max(0.0);
    // Below.
    let rest_y = a.y + tl_h + gap;
    let rest_h = (a.bottom() - rest_y).max(0.0);
    let legend_w = (a.w * 0.24).clamp(200.0 * u, 320.0 * u).min(a.w * 0.4);
    let area = Area { x: a.x, y: rest_y + cap, w: (a.w - legend_w - gap).max(0.0), h: (rest_h - cap).max(0.0) };
    let cell = cell_size(area, cols, rows, tile_gap);
    let mw = map_w(cell);
    let below = Plan {
        timeline: Area { x: a.x, y: a.y, w: a.w, h: tl_h },
        map: Area { w: mw, ..area },
        legend: Area { x: a.x + mw + gap, y: rest_y + cap, w: (a.w - mw - gap).max(0.0), h: (rest_h - cap).max(0.0) },
        cell,
    };
    // Beside: the timeline keeps at least 440 units.
    let max_w = a.w - 440.0 * u - gap;
    if max_w <= 0.0 || a.h - tl_h - gap <= 0.0 {
        return below;
    }
    let area = Area { x: a.x, y: a.y + cap, w: max_w, h: (a.h - cap).max(0.0) };
    let cell_b = cell_size(area, cols, rows, tile_gap);
    let mw = map_w(cell_b);
    let tl_w = a.w - mw - gap;
    let beside = Plan {
        timeline: Area { x: a.x, y: a.y, w: tl_w, h: tl_h },
        map: Area { x: a.right() - mw, w: mw, ..area },
        legend: Area { x: a.x, y: a.y + tl_h + gap, w: tl_w, h: a.h - tl_h - gap },
        cell: cell_b,
    };
    if cell_score(cell_b) > cell_score(cell) {
        beside
    } else {
        below
    }
}

/// The height of a caption ("Timeline", "States as of …") with the space under it.
fn caption_height(u: f64) -> f64 {
    13.0 * u * LINE_HEIGHT + 4.0 * u
}

/// A caption at the top of `a`, in one line.
fn caption(c: &mut Canvas, u: f64, a: Area, text: &str) {
    let f = fit(text, 13.0 * u, 10.0 * u, a.w, 1, true);
    c.lines(a.x, a.y, &f, colour::FG, Anchor::Start);
}

/// The timeline, the map and the legend in `a`.
fn body(c: &mut Canvas, ds: &Dataset, v: &FigureView, u: f64, a: Area) {
    let tiles = tiles(ds, v);
    let pins: Vec<Pin> =
        ds.states.iter().map(|s| Pin { lat: s.capital.lat, lon: s.capital.lon, fixed: s.grid }).collect();
    let grid = layout(&pins);
    let labelled = labelled_event(ds, v).is_some();
    let mut rows = Rows::new(u, if labelled { 2 } else { 0 });
    let mut p = plan(a, u, rows.total().min(a.h), grid.cols, grid.rows);
    if labelled && p.timeline.w < a.w {
        // Beside the map the timeline is narrow, with height to spare: the label may take a
        // third line.
        let rows3 = Rows::new(u, 3);
        let p3 = plan(a, u, rows3.total().min(a.h), grid.cols, grid.rows);
        if p3.timeline.w < a.w {
            (rows, p) = (rows3, p3);
        }
    }
    let drawn = rows.total() <= a.h;
    if drawn {
        timeline(c, ds, v, u, &rows, p.timeline);
    }
    if !tiles.is_empty() && p.cell.0 > 0.0 && p.cell.1 > 0.0 {
        let cap = caption_height(u);
        let text = format!("{} {}", te(ExportKey::StatesAsOf, v.lang), format_day(v.day, v.lang));
        caption(c, u, Area { y: p.map.y - cap, h: cap, ..p.map }, &text);
        map(c, &tiles, &grid.cells, u, p);
    }
    let entries = legend_entries(ds, v, &tiles, drawn);
    legend(c, &entries, u, p.legend);
}

// ---------------------------------------------------------------------------------------------
// The timeline.

/// The selected event, when it is in the span (it is then marked and labelled).
fn labelled_event<'a>(ds: &'a Dataset, v: &FigureView) -> Option<(usize, &'a Event)> {
    let ix = v.event?.0;
    events_in(ds, v.span).find(|(i, _)| *i == ix)
}

/// The timeline's rows, top to bottom, in pixels.
#[derive(Debug, Clone, Copy)]
struct Rows {
    caption: f64,
    pad: f64,
    as_of: f64,
    ticks: f64,
    band: f64,
    marks: f64,
    /// Lines the selected event's title may take in its label (0: no label).
    label_lines: usize,
    /// The label (the title and the date under it), or 0.
    label: f64,
}

impl Rows {
    fn new(u: f64, label_lines: usize) -> Rows {
        let label = if label_lines > 0 {
            8.0 * u + label_lines as f64 * 12.0 * u * LINE_HEIGHT + 11.0 * u * LINE_HEIGHT
        } else {
            0.0
        };
        Rows {
            caption: caption_height(u),
            pad: 8.0 * u,
            as_of: 16.0 * u,
            ticks: 16.0 * u,
            band: 22.0 * u,
            marks: 24.0 * u,
            label_lines,
            label,
        }
    }
    fn total(&self) -> f64 {
        self.caption + 2.0 * self.pad + self.as_of + self.ticks + self.band + self.marks + self.label
    }
}

/// The timeline for the view's span in `a`: year ticks, chair terms as bands, a mark per
/// event, the as-of date as a line, the selected event highlighted and labelled.
fn timeline(c: &mut Canvas, ds: &Dataset, v: &FigureView, u: f64, r: &Rows, a: Area) {
    let lang = v.lang;
    caption(c, u, Area { h: r.caption, ..a }, t(Key::Timeline, lang));
    let panel = Area { y: a.y + r.caption, h: a.h - r.caption, ..a };
    c.rect(panel, colour::PANEL, Some((colour::LINE, 1.0)), 6.0 * u, false);
    let pad = 10.0 * u;
    let (x0, iw) = (panel.x + pad, (panel.w - 2.0 * pad).max(1.0));
    let (start, end) = (v.span.0, v.span.1.max(v.span.0));
    let years = (end - start + 1) as f64 / 365.25;
    let scale = Scale::new(start, end, iw / years);
    let x = |day: DayNum| x0 + scale.x(day);
    let as_of_top = panel.y + r.pad;
    let ticks_top = as_of_top + r.as_of;
    let band_top = ticks_top + r.ticks;
    let marks_top = band_top + r.band;
    let axis = marks_top + r.marks / 2.0;
    let marks_bottom = marks_top + r.marks;
    let cursor = (start..=end).contains(&v.day).then(|| x(v.day));
    year_ticks(c, u, &scale, x0, (ticks_top, marks_bottom), cursor);
    chair_bands(c, ds, lang, u, &scale, x0, band_top);
    c.line((x0, axis), (x0 + iw, axis), colour::FG, 2.0 * u);
    event_marks(c, ds, v, u, &scale, x0, axis);
    if let Some(cx) = cursor {
        c.line((cx, as_of_top + r.as_of - 2.0 * u), (cx, marks_bottom), colour::FOCUS, 2.0 * u);
        let label = format_day(v.day, lang);
        let size = 11.5 * u;
        let w = width(&label, size, true).min(iw);
        let lx = (cx - w / 2.0).clamp(x0, (x0 + iw - w).max(x0));
        let f = fit(&label, size, 9.0 * u, iw, 1, true);
        c.lines(lx, as_of_top, &f, colour::FOCUS, Anchor::Start);
    }
    if let Some((_, e)) = labelled_event(ds, v) {
        let mx = x(e.start.first_day().max(start));
        let place = ((x0, iw), (axis + 7.0 * u, marks_bottom + 6.0 * u));
        event_label(c, ds, lang, u, e, mx, place, r.label_lines);
    }
}

/// A thin line per 1 January from `top` to `bottom`, and the year at as many as have room
/// and are not crossed by the as-of line (at `cursor`).
fn year_ticks(c: &mut Canvas, u: f64, scale: &Scale, x0: f64, (top, bottom): (f64, f64), cursor: Option<f64>) {
    let size = 11.0 * u;
    let label_w = width("2000", size, false) + 6.0 * u;
    let px_per_year = scale.px_per_day * 365.25;
    let step = [1, 2, 5, 10, 20, 50, 100].into_iter().find(|&k| k as f64 * px_per_year >= label_w).unwrap_or(100);
    let right = x0 + scale.width();
    for (year, tx) in scale.year_ticks() {
        let tx = x0 + tx;
        c.line((tx, top), (tx, bottom), colour::LINE, 1.0);
        let label = year.to_string();
        let (lx0, lx1) = (tx + 3.0 * u, tx + 3.0 * u + width(&label, size, false));
        let crossed = cursor.is_some_and(|cx| cx > lx0 - 3.0 * u && cx < lx1 + 3.0 * u);
        if year % step == 0 && lx1 <= right && !crossed {
            c.text((tx + 3.0 * u, top + size * ASCENT), &label, size, false, colour::MUTED, Anchor::Start);
        }
    }
}

/// Chair terms as bands, each named by its state's name if that fits whole, else its code,
/// else not at all (as on screen).
fn chair_bands(c: &mut Canvas, ds: &Dataset, lang: Lang, u: f64, scale: &Scale, x0: f64, top: f64) {
    let size = 11.0 * u;
    for term in &ds.chair_terms {
        let from = term.span.from.first_day();
        let to = term.span.to.map_or(scale.end, |t| t.last_day());
        if from > scale.end || to < scale.start {
            continue;
        }
        let (bx0, bx1) = (x0 + scale.x(from), x0 + scale.x(to + 1));
        if bx1 - bx0 < 1.0 {
            continue;
        }
        let band = Area { x: bx0, y: top + 2.0 * u, w: bx1 - bx0, h: 18.0 * u };
        c.rect(band, colour::CHAIR, Some((colour::ACCENT, 1.0)), 3.0 * u, false);
        let name = state_name(ds, &term.state, from, lang);
        let room = band.w - 8.0 * u;
        if let Some(s) = [name, term.state.as_str()].into_iter().find(|s| width(s, size, false) <= room) {
            let y = band.y + (band.h - size * LINE_HEIGHT) / 2.0 + size * ASCENT;
            c.text((band.x + 4.0 * u, y), s, size, false, colour::FG, Anchor::Start);
        }
    }
}

/// A mark per event in the span (a bar for its extent when it lasts); events the selected
/// state attended are ringed; the selected event is drawn last, larger, in the focus colour.
fn event_marks(c: &mut Canvas, ds: &Dataset, v: &FigureView, u: f64, scale: &Scale, x0: f64, axis: f64) {
    let related = v.state.and_then(|i| ds.states.get(i.0)).map(|s| s.code.as_str());
    let r = 5.0 * u;
    let mut selected = None;
    for (i, e) in events_in(ds, v.span) {
        let mx = x0 + scale.x(e.start.first_day());
        let end = x0 + scale.x(e.last().last_day() + 1);
        if end - mx > 2.0 * r {
            c.rect(Area { x: mx, y: axis - 2.0 * u, w: end - mx, h: 4.0 * u }, colour::ACCENT, None, 2.0 * u, false);
        }
        if Some(EventIx(i)) == v.event {
            selected = Some(mx);
            continue;
        }
        let ring = related.is_some_and(|code| query::role_at(e, code).is_some());
        let stroke = if ring { (colour::FOCUS, 2.5 * u) } else { (colour::BG, 1.5 * u) };
        c.circle((mx, axis), r, colour::ACCENT, Some(stroke));
    }
    if let Some(mx) = selected {
        c.circle((mx, axis), 7.0 * u, colour::FOCUS, Some((colour::BG, 2.0 * u)));
    }
}

/// The selected event's title (in up to `lines` lines) and date under its mark (at `mx`), with
/// a line from the mark (bottom at `mark_bottom`) to the label's `top`; kept inside the
/// timeline (from `x0`, `iw` wide).
#[allow(clippy::too_many_arguments)]
fn event_label(
    c: &mut Canvas,
    ds: &Dataset,
    lang: Lang,
    u: f64,
    e: &Event,
    mx: f64,
    ((x0, iw), (mark_bottom, top)): ((f64, f64), (f64, f64)),
    lines: usize,
) {
    let max_w = iw.min(460.0 * u);
    let title = fit(txt(ds, &e.title, lang), 12.0 * u, 9.5 * u, max_w, lines, true);
    let date = format!("{} · {}", event_date(e, lang), level_name(e.level, lang));
    let date = fit(&date, 11.0 * u, 9.0 * u, max_w, 1, false);
    let w = title.width().max(date.width());
    let lx = (mx - 8.0 * u).clamp(x0, (x0 + iw - w).max(x0));
    c.line((mx, mark_bottom), (mx, top), colour::FOCUS, 1.5 * u);
    c.line((lx, top), (lx + w, top), colour::FOCUS, 1.5 * u);
    let y = c.lines(lx, top + 3.0 * u, &title, colour::FG, Anchor::Start);
    c.lines(lx, y, &date, colour::MUTED, Anchor::Start);
}

// ---------------------------------------------------------------------------------------------
// The map.

/// The tiles in their cells: coloured by role, with code, name, role and (at the selected
/// event) a badge with the role there.
fn map(c: &mut Canvas, tiles: &[Tile], cells: &[(i32, i32)], u: f64, p: Plan) {
    let gap = 6.0 * u;
    let (cw, ch) = p.cell;
    let badges = tiles.iter().any(|t| t.at_event.is_some());
    // One text size for every tile: what the tallest tile holds fits its height.
    let lines = if badges { 6.85 } else { 5.5 };
    let f = (ch / lines).min(cw / 7.8).clamp(8.0, 14.0 * u.max(1.0));
    for (tile, &(col, row)) in tiles.iter().zip(cells) {
        let a = Area { x: p.map.x + col as f64 * (cw + gap), y: p.map.y + row as f64 * (ch + gap), w: cw, h: ch };
        draw_tile(c, tile, a, f, u);
    }
}

/// One tile in `a`, its name at `f` pixels.
fn draw_tile(c: &mut Canvas, tile: &Tile, a: Area, f: f64, u: f64) {
    let fill = role_colour(tile.role);
    let ink = role_text_colour(tile.role);
    let stroke = if tile.selected {
        Some((colour::FOCUS, 3.0 * u))
    } else if tile.at_event.is_some() {
        Some((colour::FG, 3.0 * u))
    } else if tile.stale {
        Some((ink, 2.0 * u))
    } else if tile.role.is_none() {
        Some((colour::LINE, 1.0))
    } else {
        None
    };
    c.rect(a, fill, stroke, 6.0 * u, tile.stale);
    let pad = 0.4 * f + 2.0 * u;
    let inner_w = a.w - 2.0 * pad;
    if inner_w <= 0.0 {
        return;
    }
    let mut room = a.h - 2.0 * pad;
    let code = fit(&tile.code, 1.2 * f, 0.8 * f, inner_w, 1, true);
    if code.height() > room {
        return;
    }
    let mut y = c.lines(a.x + pad, a.y + pad, &code, ink, Anchor::Start);
    room -= code.height();
    // From the bottom up: the badge, then the role.
    let mut bottom = a.bottom() - pad;
    if let Some(text) = &tile.badge {
        let badge = fit(text, 0.9 * f, 0.7 * f, inner_w - 6.0 * u, 1, false);
        let bh = badge.height() + 2.0 * u;
        if !badge.lines.is_empty() && bh <= room {
            let b = Area { x: a.x + pad, y: bottom - bh, w: badge.width() + 6.0 * u, h: bh };
            c.rect(b, colour::BG, Some((colour::FG, 1.0)), 3.0 * u, false);
            c.lines(b.x + 3.0 * u, b.y + 1.0 * u, &badge, colour::FG, Anchor::Start);
            bottom -= bh + 2.0 * u;
            room -= bh + 2.0 * u;
        }
    }
    // The role in one line, or in two (at a larger size) where the name leaves room.
    let name_need = fit(&tile.name, f, 0.8 * f, inner_w, 2, false).height() + 1.0 * u;
    let one = fit(&tile.role_text, 0.9 * f, 0.65 * f, inner_w, 1, true);
    let two = fit(&tile.role_text, 0.9 * f, 0.75 * f, inner_w, 2, true);
    let role = if one.size < two.size && two.height() + name_need <= room { two } else { one };
    if role.height() <= room {
        c.lines(a.x + pad, bottom - role.height(), &role, ink, Anchor::Start);
        room -= role.height();
    }
    let name_lines = ((room - 1.0 * u) / (f * LINE_HEIGHT)).floor().clamp(0.0, 2.0) as usize;
    if name_lines > 0 {
        let name = fit(&tile.name, f, 0.8 * f, inner_w, name_lines, false);
        y += 1.0 * u;
        c.lines(a.x + pad, y, &name, ink, Anchor::Start);
    }
}

// ---------------------------------------------------------------------------------------------
// The legend.

/// What a legend entry's key looks like.
#[derive(Debug, Clone, PartialEq)]
enum Swatch {
    /// A tile: its fill, its border, dashed or not, and a glyph on it ("★", "?").
    Tile { fill: &'static str, stroke: Option<(&'static str, f64)>, dashed: bool, glyph: &'static str },
    /// A chair term's band.
    Band,
    /// The as-of line.
    Cursor,
    /// An event's mark: its fill, a ring, and whether it is the larger (selected) one.
    Mark { fill: &'static str, ring: Option<&'static str>, big: bool },
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    swatch: Swatch,
    label: String,
}

/// The legend: the roles the map shows (strongest first), "No role", a role only last on
/// record, the marks of the selection, then the timeline's bands, marks and as-of line.
fn legend_entries(ds: &Dataset, v: &FigureView, tiles: &[Tile], timeline: bool) -> Vec<Entry> {
    let lang = v.lang;
    let tile = |fill, stroke, dashed, glyph| Swatch::Tile { fill, stroke, dashed, glyph };
    let mut out = Vec::new();
    let mut add = |swatch, label: &str| out.push(Entry { swatch, label: label.to_string() });
    for &role in Role::ALL.iter().rev() {
        if tiles.iter().any(|t| t.role == Some(role)) {
            add(tile(role_colour(Some(role)), None, false, ""), role_name(role, lang));
        }
    }
    if tiles.iter().any(|t| t.role.is_none()) {
        add(tile(colour::NONE, Some((colour::LINE, 1.0)), false, ""), t(Key::NoRole, lang));
    }
    if tiles.iter().any(|t| t.stale) {
        add(tile(colour::NONE, Some((colour::FG, 1.5)), true, "?"), t(Key::NoLaterRecord, lang));
    }
    if tiles.iter().any(|t| t.at_event.is_some()) {
        add(tile(colour::BG, Some((colour::FG, 2.5)), false, "★"), word(Word::RoleAtEvent, lang));
    }
    if tiles.iter().any(|t| t.selected) {
        add(tile(colour::BG, Some((colour::FOCUS, 3.0)), false, ""), word(Word::SelectedState, lang));
    }
    if !timeline {
        return out;
    }
    let span = (v.span.0, v.span.1.max(v.span.0));
    let in_span = |from: DayNum, to: DayNum| from <= span.1 && to >= span.0;
    let chair = ds
        .chair_terms
        .iter()
        .any(|c| in_span(c.span.from.first_day(), c.span.to.map_or(DayNum::MAX, |d| d.last_day())));
    if chair {
        add(Swatch::Band, t(Key::ChairTermsBand, lang));
    }
    if events_in(ds, span).next().is_some() {
        add(Swatch::Mark { fill: colour::ACCENT, ring: None, big: false }, t(Key::Events, lang));
    }
    if labelled_event(ds, v).is_some() {
        add(Swatch::Mark { fill: colour::FOCUS, ring: None, big: true }, word(Word::SelectedEvent, lang));
    }
    if let Some(code) = v.state.and_then(|i| ds.states.get(i.0)).map(|s| s.code.as_str()) {
        if events_in(ds, span).any(|(_, e)| query::role_at(e, code).is_some()) {
            let ring = Swatch::Mark { fill: colour::ACCENT, ring: Some(colour::FOCUS), big: false };
            add(ring, t(Key::EventsAttended, lang));
        }
    }
    if in_span(v.day, v.day) {
        add(Swatch::Cursor, t(Key::AsOf, lang));
    }
    out
}

/// A legend entry placed: its index, its top left and its label.
type Placed = (usize, f64, f64, Fitted);

/// The legend in `a`, in as many columns as fit: at 12 units, smaller if that leaves some
/// out, and at the smallest size those that still have no room are left out whole.
fn legend(c: &mut Canvas, entries: &[Entry], u: f64, a: Area) {
    if entries.is_empty() || a.w <= 0.0 || a.h <= 0.0 {
        return;
    }
    let min = 9.0 * u;
    let mut size = 12.0 * u;
    let placed = loop {
        let placed = legend_layout(entries, size, u, a);
        if placed.len() == entries.len() || size <= min {
            break placed;
        }
        size = (size * 0.92).max(min);
    };
    for (i, x, y, label) in placed {
        let line = swatch_line(label.size, u);
        draw_swatch(c, &entries[i].swatch, u, x, y + (line - SWATCH_H * u) / 2.0);
        c.lines(
            x + (SWATCH_W + 8.0) * u,
            y + (line - label.size * LINE_HEIGHT) / 2.0,
            &label,
            colour::FG,
            Anchor::Start,
        );
    }
}

/// A swatch's size, in units.
const SWATCH_W: f64 = 22.0;
const SWATCH_H: f64 = 14.0;

/// The height of a legend line: the text's line, or the swatch's, whichever is taller.
fn swatch_line(size: f64, u: f64) -> f64 {
    (size * LINE_HEIGHT).max((SWATCH_H + 2.0) * u)
}

/// Where each entry goes at text size `size`, row by row; stops at the first that does not
/// fit in height.
fn legend_layout(entries: &[Entry], size: f64, u: f64, a: Area) -> Vec<Placed> {
    let col_gap = 16.0 * u;
    let cols = (((a.w + col_gap) / (210.0 * u + col_gap)).floor() as usize).clamp(1, entries.len().max(1));
    let col_w = (a.w - (cols - 1) as f64 * col_gap) / cols as f64;
    let text_w = col_w - (SWATCH_W + 8.0) * u;
    let line = swatch_line(size, u);
    let mut out = Vec::with_capacity(entries.len());
    let mut y = a.y;
    for (r, row) in entries.chunks(cols).enumerate() {
        let labels: Vec<Fitted> = row.iter().map(|e| fit(&e.label, size, size * 0.85, text_w, 2, false)).collect();
        let h = labels.iter().map(|l| l.height() + line - size * LINE_HEIGHT).fold(line, f64::max);
        if y + h > a.bottom() {
            break;
        }
        for (k, label) in labels.into_iter().enumerate() {
            out.push((r * cols + k, a.x + k as f64 * (col_w + col_gap), y, label));
        }
        y += h + 5.0 * u;
    }
    out
}

/// A legend key with its top left at (`x`, `y`).
fn draw_swatch(c: &mut Canvas, s: &Swatch, u: f64, x: f64, y: f64) {
    let a = Area { x, y, w: SWATCH_W * u, h: SWATCH_H * u };
    let centre = (x + a.w / 2.0, y + a.h / 2.0);
    match s {
        Swatch::Tile { fill, stroke, dashed, glyph } => {
            c.rect(a, fill, stroke.map(|(s, w)| (s, w * u)), 3.0 * u, *dashed);
            let size = 10.0 * u;
            c.text(
                (centre.0, y + (a.h - size * LINE_HEIGHT) / 2.0 + size * ASCENT),
                glyph,
                size,
                true,
                colour::FG,
                Anchor::Middle,
            );
        }
        Swatch::Band => c.rect(a, colour::CHAIR, Some((colour::ACCENT, 1.0)), 3.0 * u, false),
        Swatch::Cursor => c.line((centre.0, y), (centre.0, a.bottom()), colour::FOCUS, 2.0 * u),
        Swatch::Mark { fill, ring, big } => {
            c.line((x, centre.1), (a.right(), centre.1), colour::FG, 2.0 * u);
            let r = if *big { 6.0 * u } else { 5.0 * u };
            let stroke = match ring {
                Some(ring) => (*ring, 2.0 * u),
                None => (colour::BG, 1.5 * u),
            };
            c.circle(centre, r, fill, Some(stroke));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SVG.

/// The font the figure asks for: the app's (`--ap-font`), with DejaVu Sans (the widest common
/// sans-serif, which [`text_width`] is measured on) before the generic family.
pub const FONT: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"DejaVu Sans\", sans-serif";

/// The SVG text: `<svg …>` with `<title>` and `<desc>` first, then every item as an element,
/// text as `<text>`, every string escaped, numbers with at most two decimals.
pub fn to_svg(f: &Figure) -> String {
    to_svg_with_id(f, "ap-figure")
}

/// [`to_svg`] with `id` as the prefix of the title's and description's ids (`{id}-title`,
/// `{id}-desc`), for pages that show several figures inline.
pub fn to_svg_with_id(f: &Figure, id: &str) -> String {
    let mut s = String::with_capacity(256 + 120 * f.items.len());
    s.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    attr(&mut s, "viewBox", &format!("0 0 {} {}", num(f.width), num(f.height)));
    attr(&mut s, "width", &num(f.width));
    attr(&mut s, "height", &num(f.height));
    attr(&mut s, "role", "img");
    attr(&mut s, "aria-labelledby", &format!("{id}-title {id}-desc"));
    attr(&mut s, "font-family", FONT);
    s.push_str(">\n<title");
    attr(&mut s, "id", &format!("{id}-title"));
    s.push('>');
    push_html(&mut s, &f.title);
    s.push_str("</title>\n<desc");
    attr(&mut s, "id", &format!("{id}-desc"));
    s.push('>');
    push_html(&mut s, &f.desc);
    s.push_str("</desc>\n");
    for item in &f.items {
        element(&mut s, item);
        s.push('\n');
    }
    s.push_str("</svg>\n");
    s
}

/// One item as an SVG element.
fn element(s: &mut String, item: &Item) {
    match item {
        Item::Rect { x, y, w, h, fill, stroke, stroke_width, radius, dashed } => {
            s.push_str("<rect");
            attr(s, "x", &num(*x));
            attr(s, "y", &num(*y));
            attr(s, "width", &num(*w));
            attr(s, "height", &num(*h));
            if *radius > 0.0 {
                attr(s, "rx", &num(*radius));
            }
            attr(s, "fill", fill);
            stroke_attrs(s, stroke.as_deref(), *stroke_width);
            if *dashed && stroke.is_some() {
                attr(s, "stroke-dasharray", &format!("{} {}", num(stroke_width * 3.0), num(stroke_width * 2.0)));
            }
            s.push_str("/>");
        }
        Item::Line { x1, y1, x2, y2, stroke, width } => {
            s.push_str("<line");
            attr(s, "x1", &num(*x1));
            attr(s, "y1", &num(*y1));
            attr(s, "x2", &num(*x2));
            attr(s, "y2", &num(*y2));
            stroke_attrs(s, Some(stroke), *width);
            s.push_str("/>");
        }
        Item::Circle { cx, cy, r, fill, stroke, stroke_width } => {
            s.push_str("<circle");
            attr(s, "cx", &num(*cx));
            attr(s, "cy", &num(*cy));
            attr(s, "r", &num(*r));
            attr(s, "fill", fill);
            stroke_attrs(s, stroke.as_deref(), *stroke_width);
            s.push_str("/>");
        }
        Item::Text { x, y, text, size, bold, fill, anchor } => {
            s.push_str("<text");
            attr(s, "x", &num(*x));
            attr(s, "y", &num(*y));
            attr(s, "font-size", &num(*size));
            if *bold {
                attr(s, "font-weight", "700");
            }
            attr(s, "fill", fill);
            match anchor {
                Anchor::Start => {}
                Anchor::Middle => attr(s, "text-anchor", "middle"),
                Anchor::End => attr(s, "text-anchor", "end"),
            }
            s.push('>');
            push_html(s, text);
            s.push_str("</text>");
        }
    }
}

/// ` stroke="…" stroke-width="…"`, when there is a stroke.
fn stroke_attrs(s: &mut String, stroke: Option<&str>, width: f64) {
    if let Some(stroke) = stroke {
        attr(s, "stroke", stroke);
        attr(s, "stroke-width", &num(width));
    }
}

/// ` name="value"`, the value escaped.
fn attr(s: &mut String, name: &str, value: &str) {
    s.push(' ');
    s.push_str(name);
    s.push_str("=\"");
    push_html(s, value);
    s.push('"');
}

/// A number with at most two decimals, without trailing zeros ("12", "3.5", "0.25").
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let mut s = format!("{:.2}", (x * 100.0).round() / 100.0);
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".to_string();
    }
    s
}

//! The explorer's state as plain data, and every rule that changes it: what a user action
//! does ([`reduce`]), whether it adds a history entry, how the URL hash maps to the state and
//! back ([`Ctx::from_hash`], [`Ctx::to_hash`]), and which of embed attributes and hash wins
//! ([`Ctx::initial`]). No web or UI crate: the components only show a `ViewState` and report
//! [`Action`]s; one small piece of glue in `components/explorer.rs` applies them and writes
//! the URL.

use crate::config::Config;
use crate::date::{add_months, Date, DayNum};
use crate::find::{level_bit, Filter};
/// (At home in `hash.rs`, whose keys spell it; the rules here use it.)
pub use crate::hash::View;
use crate::hash::{self, HashState};
use crate::i18n::Lang;
use crate::model::{Dataset, EventIx, Level, StateIx};
use crate::query;

/// What is selected: nothing, one event or one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    Event(EventIx),
    State(StateIx),
}

impl Selection {
    pub fn event(self) -> Option<EventIx> {
        match self {
            Selection::Event(i) => Some(i),
            _ => None,
        }
    }
    pub fn state(self) -> Option<StateIx> {
        match self {
            Selection::State(i) => Some(i),
            _ => None,
        }
    }
}

/// Everything that makes one view of the explorer (and so everything a link reopens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    pub selection: Selection,
    /// The as-of date; always within the timeline's extent.
    pub day: DayNum,
    pub view: View,
    pub lang: Lang,
    /// The stretch of days the timeline shows (its zoom and scroll), first and last day;
    /// `None`: the default zoom, scrolled to keep the as-of date in view.
    pub span: Option<(DayNum, DayNum)>,
    /// The search query as typed (empty: no search).
    pub query: String,
    /// Which events are shown.
    pub filter: Filter,
    /// A second date, compared with the as-of date on the map (always within the extent).
    pub compare: Option<DayNum>,
    /// Whether the search and filter bar is open.
    pub find_open: bool,
}

impl ViewState {
    /// How many searches, filters and comparisons are on (the find toggle shows the count).
    pub fn finds_on(&self) -> usize {
        usize::from(!self.query.is_empty())
            + self.filter.hidden_levels.count_ones() as usize
            + usize::from(self.filter.attended.is_some())
            + usize::from(self.filter.sure_only)
            + usize::from(self.compare.is_some())
    }
}

/// The shortest stretch the timeline zooms in to, in days.
pub const MIN_SPAN_DAYS: DayNum = 14;

/// What the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Select an event; the as-of date moves to its first day.
    SelectEvent(EventIx),
    /// Select a state; the date stays.
    SelectState(StateIx),
    /// Set the as-of date (clamped to the extent).
    SetDay(DayNum),
    /// Move the date by whole months.
    StepMonths(i32),
    /// Move the date to the next event's start (after the current date).
    NextEvent,
    /// Move the date to the previous event's start (before the current date).
    PrevEvent,
    /// Move the date to the first or last day of the extent.
    FirstDay,
    LastDay,
    SetView(View),
    SetLang(Lang),
    /// Show this stretch of days on the timeline (zoom and scroll; clamped to the extent and
    /// to at least [`MIN_SPAN_DAYS`]).
    ShowSpan(DayNum, DayNum),
    /// Show the whole extent.
    FitAll,
    /// The URL changed under us (Back/Forward, an edited link): show this state.
    Navigate(ViewState),
    /// Search for this text (cut to [`hash::MAX_QUERY`] chars).
    SetQuery(String),
    /// Show or hide one meeting level.
    ToggleLevel(Level),
    /// Show only the events this state attended (`None`: all).
    SetAttended(Option<StateIx>),
    /// Hide (or show again) inferred, uncertain and disputed events.
    SetSureOnly(bool),
    /// Compare the as-of date with this one (`None`: stop comparing).
    SetCompare(Option<DayNum>),
    /// Open or close the search and filter bar.
    SetFindOpen(bool),
}

/// What a transition does to the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Nothing changed: leave the URL alone.
    Keep,
    /// A new entry, so Back returns to the previous view (selection, view, language).
    Push,
    /// Rewrite the current entry (date moves, navigation, the first canonical URL).
    Replace,
}

/// A new state and how to record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub state: ViewState,
    pub history: History,
}

/// The dataset and the timeline's extent: all the rules need to know.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    /// First and last day of the timeline.
    pub extent: (DayNum, DayNum),
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, today: DayNum) -> Ctx<'a> {
        Ctx { ds, extent: query::extent(ds, today) }
    }

    pub fn clamp(&self, d: DayNum) -> DayNum {
        d.clamp(self.extent.0, self.extent.1)
    }

    /// The first day of event `i`, if it exists.
    pub fn event_day(&self, i: EventIx) -> Option<DayNum> {
        self.ds.events.get(i.0).map(|e| e.start.first_day())
    }

    /// A stretch ordered, at least [`MIN_SPAN_DAYS`] long (or the whole extent, if shorter) and
    /// inside the extent (shifted, not cut, when it sticks out).
    pub fn clamp_span(&self, a: DayNum, b: DayNum) -> (DayNum, DayNum) {
        let (lo, hi) = self.extent;
        let (a, b) = (a.min(b), a.max(b));
        let len = (b - a).max(MIN_SPAN_DAYS - 1).min(hi - lo);
        let a = a.clamp(lo, hi - len);
        (a, a + len)
    }

    /// `span` scaled by `num/den` (below 1: zoom in) around `anchor`, which keeps its place.
    pub fn zoomed(&self, span: (DayNum, DayNum), num: i64, den: i64, anchor: DayNum) -> (DayNum, DayNum) {
        let (a, b) = span;
        let anchor = anchor.clamp(a, b) as i64;
        let scale = |d: DayNum| (anchor + (d as i64 - anchor) * num / den.max(1)) as DayNum;
        self.clamp_span(scale(a), scale(b))
    }

    /// A state with every index valid, the date in range and the span in the extent.
    fn sanitize(&self, mut s: ViewState) -> ViewState {
        s.selection = match s.selection {
            Selection::Event(i) if i.0 < self.ds.events.len() => s.selection,
            Selection::State(i) if i.0 < self.ds.states.len() => s.selection,
            _ => Selection::None,
        };
        s.day = self.clamp(s.day);
        s.span = s.span.map(|(a, b)| self.clamp_span(a, b));
        if s.query.chars().count() > hash::MAX_QUERY {
            s.query = s.query.chars().take(hash::MAX_QUERY).collect();
        }
        if s.query.trim().is_empty() {
            s.query.clear();
        }
        s.filter.hidden_levels &= ALL_LEVELS;
        s.filter.attended = s.filter.attended.filter(|i| i.0 < self.ds.states.len());
        s.compare = s.compare.map(|d| self.clamp(d));
        s
    }

    /// `s` with its span moved (not resized) so that `day` is in it, centred if it was out.
    fn reveal(&self, mut s: ViewState, day: DayNum) -> ViewState {
        if let Some((a, b)) = s.span {
            if day < a || day > b {
                let half = (b - a) / 2;
                s.span = Some(self.clamp_span(day - half, day - half + (b - a)));
            }
        }
        s
    }

    /// Applies `keys` over `base`. Keys that are there all describe one view, so when any is
    /// there the selection is theirs (`e`, else `s`; an id not in the dataset selects nothing,
    /// never another record); the date is `d`, else a selected event's first day; the view (`v`)
    /// and the language (`l`) keep `base` when absent. No keys at all: `base`.
    pub fn from_hash(&self, keys: &HashState, base: ViewState) -> ViewState {
        if *keys == HashState::default() {
            return self.sanitize(base);
        }
        let mut s = base;
        // Search, filters and comparison: absent keys mean none (a link describes a view).
        s.query = keys.query.clone().unwrap_or_default();
        s.filter = Filter {
            hidden_levels: match &keys.levels {
                Some(shown) => ALL_LEVELS & !shown.iter().fold(0, |m, l| m | level_bit(*l)),
                None => 0,
            },
            attended: keys.attended.as_deref().and_then(|c| self.ds.state_ix(c)),
            sure_only: keys.sure,
        };
        s.compare = keys.compare.map(|d| d.first_day());
        // The bar opens by itself for a link with a search, a filter or a comparison.
        s.find_open = keys.find.unwrap_or(s.finds_on() > 0);
        let event = keys.event.as_deref().and_then(|id| self.ds.event_ix(id));
        let state = keys.state.as_deref().and_then(|c| self.ds.state_ix(c));
        s.selection = match (event, state) {
            (Some(i), _) => Selection::Event(i),
            (None, Some(i)) => Selection::State(i),
            (None, None) => Selection::None,
        };
        match (keys.date, event) {
            (Some(d), _) => s.day = d.first_day(),
            (None, Some(i)) => s.day = self.event_day(i).unwrap_or(s.day),
            (None, None) => {}
        }
        if let Some(v) = keys.view {
            s.view = v;
        }
        if let Some(l) = keys.lang.as_deref().and_then(Lang::parse) {
            s.lang = l;
        }
        s.span = keys.span.map(|(a, b)| (a.first_day(), b.first_day()));
        self.sanitize(s)
    }

    /// The hash keys that reopen `s` (every key written, so no attribute can override them).
    pub fn to_hash(&self, s: &ViewState) -> HashState {
        HashState {
            event: s.selection.event().and_then(|i| self.ds.events.get(i.0)).map(|e| e.id.clone()),
            state: s.selection.state().and_then(|i| self.ds.states.get(i.0)).map(|x| x.code.clone()),
            date: Some(Date::from_day(s.day)),
            view: Some(s.view),
            lang: Some(s.lang.code().to_string()),
            span: s.span.map(|(a, b)| (Date::from_day(a), Date::from_day(b))),
            query: (!s.query.is_empty()).then(|| s.query.clone()),
            levels: (s.filter.hidden_levels != 0)
                .then(|| Level::ALL.iter().copied().filter(|l| s.filter.level_shown(*l)).collect()),
            attended: s.filter.attended.and_then(|i| self.ds.states.get(i.0)).map(|x| x.code.clone()),
            sure: s.filter.sure_only,
            compare: s.compare.map(Date::from_day),
            find: (s.find_open != (s.finds_on() > 0)).then_some(s.find_open),
        }
    }

    /// The state an instance opens with. Precedence, lowest first: the dataset's defaults
    /// (no selection, the date the dataset was updated or today if earlier), the embed
    /// attributes in `config`, then this instance's keys in `hash` (when it reads the hash),
    /// then the view to recover after a panic (`config.recover`).
    pub fn initial(&self, config: &Config, hash: &str, today: DayNum) -> ViewState {
        let defaults = self.sanitize(ViewState {
            selection: Selection::None,
            day: self.ds.updated.first_day().min(today),
            view: config.view,
            lang: config.lang,
            span: None,
            query: String::new(),
            filter: Filter::default(),
            compare: None,
            find_open: false,
        });
        let attributes = HashState {
            event: config.event.clone(),
            state: config.state.clone(),
            date: config.date.as_deref().and_then(Date::parse_day),
            ..HashState::default()
        };
        let mut s = self.from_hash(&attributes, defaults);
        if config.use_hash {
            s = self.from_hash(&hash::parse(hash, config.hash_prefix.as_deref()), s);
        }
        // After a panic, a fresh copy reopens the view the panicked one last showed.
        match &config.recover {
            Some(r) => self.from_hash(&hash::parse(r, None), s),
            None => s,
        }
    }
}

/// The language an instance's shell (loading and error messages) speaks before the dataset
/// is there: this instance's `l` key in the hash, else the attribute.
pub fn shell_lang(config: &Config, hash: &str) -> Lang {
    if !config.use_hash {
        return config.lang;
    }
    hash::parse(hash, config.hash_prefix.as_deref()).lang.as_deref().and_then(Lang::parse).unwrap_or(config.lang)
}

/// Applies one action. Selecting, switching the view or the language pushes a history entry;
/// moving the date replaces it; navigation replaces (it never pushes, or Back would loop);
/// an action that changes nothing keeps the URL. Typing a query and moving the compared date
/// replace; a filter, or starting and stopping a comparison, pushes.
pub fn reduce(ctx: &Ctx, s: &ViewState, action: Action) -> Transition {
    let mut next = s.clone();
    match action {
        Action::SelectEvent(i) => {
            if let Some(d) = ctx.event_day(i) {
                next.selection = Selection::Event(i);
                next.day = d;
            }
        }
        Action::SelectState(i) => {
            if i.0 < ctx.ds.states.len() {
                next.selection = Selection::State(i);
            }
        }
        Action::SetDay(d) => next.day = d,
        Action::StepMonths(n) => next.day = add_months(s.day, n),
        // Stepping by event visits the events the filters show (all when there is none).
        Action::NextEvent => {
            let from = query::first_event_from(ctx.ds, s.day + 1);
            let i = (from..ctx.ds.events.len()).find(|&i| s.filter.keeps(ctx.ds, &ctx.ds.events[i]));
            if let Some(d) = i.and_then(|i| ctx.event_day(EventIx(i))) {
                next.day = d;
            }
        }
        Action::PrevEvent => {
            let until = query::last_event_until(ctx.ds, s.day - 1).map_or(0, |i| i + 1);
            let i = (0..until).rev().find(|&i| s.filter.keeps(ctx.ds, &ctx.ds.events[i]));
            if let Some(d) = i.and_then(|i| ctx.event_day(EventIx(i))) {
                next.day = d;
            }
        }
        Action::FirstDay => next.day = ctx.extent.0,
        Action::LastDay => next.day = ctx.extent.1,
        Action::SetView(v) => next.view = v,
        Action::SetLang(l) => next.lang = l,
        Action::ShowSpan(a, b) => next.span = Some(ctx.clamp_span(a, b)),
        Action::FitAll => next.span = Some(ctx.extent),
        Action::Navigate(to) => {
            let state = ctx.sanitize(to);
            let history = if state == *s { History::Keep } else { History::Replace };
            return Transition { state, history };
        }
        Action::SetQuery(q) => next.query = q,
        Action::ToggleLevel(l) => next.filter.hidden_levels ^= level_bit(l),
        Action::SetAttended(a) => next.filter.attended = a,
        Action::SetSureOnly(b) => next.filter.sure_only = b,
        Action::SetCompare(d) => next.compare = d,
        Action::SetFindOpen(o) => next.find_open = o,
    }
    let mut state = ctx.sanitize(next);
    // A date move or a selection brings the date into the timeline's view.
    if state.day != s.day {
        let d = state.day;
        state = ctx.reveal(state, d);
    }
    let history = if state == *s {
        History::Keep
    } else if state.selection != s.selection
        || state.view != s.view
        || state.lang != s.lang
        || state.filter != s.filter
        || state.compare.is_some() != s.compare.is_some()
    {
        History::Push
    } else {
        History::Replace
    };
    Transition { state, history }
}

/// Every level's bit.
pub const ALL_LEVELS: u16 = (1 << Level::ALL.len()) - 1;

/// Which item of a list holds its roving tab stop: the one the keyboard last moved to (`moved`,
/// with the selection at that moment), as long as the selection has not changed since; else
/// the selected item; else `default`.
pub fn roving_stop(selected: Option<usize>, moved: Option<(usize, Option<usize>)>, default: usize) -> usize {
    match moved {
        Some((i, at)) if at == selected => i,
        _ => selected.unwrap_or(default),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::validate::parse_dataset;
    use proptest::prelude::*;

    const SMALL: &str = include_str!("../tests/fixtures/small.json");

    fn ds() -> Dataset {
        parse_dataset(SMALL).expect("fixture is valid")
    }

    fn day(y: i32, m: u8, d: u8) -> DayNum {
        Date::ymd(y, m, d).first_day()
    }

    const TODAY: DayNum = 30_000; // 2052: later than every fixture date

    fn start(ctx: &Ctx) -> ViewState {
        ViewState {
            selection: Selection::None,
            day: ctx.clamp(day(2012, 1, 1)),
            view: View::Visual,
            lang: Lang::En,
            span: None,
            query: String::new(),
            filter: Filter::default(),
            compare: None,
            find_open: false,
        }
    }

    #[test]
    fn selecting_an_event_moves_the_date_and_pushes() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let i = ds.event_ix(&ds.events[1].id).unwrap();
        let t = reduce(&ctx, &s, Action::SelectEvent(i));
        assert_eq!(t.state.selection, Selection::Event(i));
        assert_eq!(t.state.day, ds.events[1].start.first_day());
        assert_eq!(t.history, History::Push);
        // Selecting it again changes nothing.
        assert_eq!(reduce(&ctx, &t.state, Action::SelectEvent(i)).history, History::Keep);
    }

    #[test]
    fn selecting_a_state_keeps_the_date() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let t = reduce(&ctx, &s, Action::SelectState(StateIx(2)));
        assert_eq!(t.state.selection, Selection::State(StateIx(2)));
        assert_eq!(t.state.day, s.day);
        assert_eq!(t.history, History::Push);
    }

    #[test]
    fn out_of_range_indexes_change_nothing() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        assert_eq!(reduce(&ctx, &s, Action::SelectEvent(EventIx(999))).history, History::Keep);
        assert_eq!(reduce(&ctx, &s, Action::SelectState(StateIx(999))).state, s);
    }

    #[test]
    fn date_moves_replace_and_are_clamped() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let t = reduce(&ctx, &s, Action::StepMonths(1));
        assert_eq!(t.history, History::Replace);
        assert_eq!(t.state.day, day(2012, 2, 1));
        assert_eq!(reduce(&ctx, &s, Action::SetDay(-1_000_000)).state.day, ctx.extent.0);
        assert_eq!(reduce(&ctx, &s, Action::SetDay(1_000_000)).state.day, ctx.extent.1);
        assert_eq!(reduce(&ctx, &s, Action::StepMonths(100_000)).state.day, ctx.extent.1);
        assert_eq!(reduce(&ctx, &s, Action::FirstDay).state.day, ctx.extent.0);
        assert_eq!(reduce(&ctx, &s, Action::LastDay).state.day, ctx.extent.1);
    }

    #[test]
    fn stepping_by_event_visits_every_start_in_order_both_ways() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let mut starts: Vec<DayNum> = ds.events.iter().map(|e| e.start.first_day()).collect();
        starts.dedup();
        let mut s = ViewState { day: ctx.extent.0, ..start(&ctx) };
        let mut seen = Vec::new();
        loop {
            let t = reduce(&ctx, &s, Action::NextEvent);
            if t.history == History::Keep {
                break;
            }
            assert_eq!(t.history, History::Replace);
            seen.push(t.state.day);
            s = t.state.clone();
        }
        assert_eq!(seen, starts);
        let mut back = Vec::new();
        loop {
            let t = reduce(&ctx, &s, Action::PrevEvent);
            if t.history == History::Keep {
                break;
            }
            back.push(t.state.day);
            s = t.state.clone();
        }
        starts.pop();
        starts.reverse();
        assert_eq!(back, starts);
    }

    #[test]
    fn search_filters_and_compare_have_their_history() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let t = reduce(&ctx, &s, Action::SetQuery("almaty".into()));
        assert_eq!((t.state.query.as_str(), t.history), ("almaty", History::Replace), "typing does not flood history");
        assert_eq!(reduce(&ctx, &s, Action::SetQuery("   ".into())).history, History::Keep, "a blank query is none");
        let t = reduce(&ctx, &s, Action::ToggleLevel(Level::Ministerial));
        assert_eq!(t.history, History::Push);
        assert!(!t.state.filter.level_shown(Level::Ministerial));
        assert!(reduce(&ctx, &t.state, Action::ToggleLevel(Level::Ministerial)).state.filter.is_empty());
        assert_eq!(reduce(&ctx, &s, Action::SetAttended(Some(StateIx(1)))).history, History::Push);
        assert_eq!(reduce(&ctx, &s, Action::SetAttended(Some(StateIx(999)))).history, History::Keep);
        let t = reduce(&ctx, &s, Action::SetCompare(Some(-1_000_000)));
        assert_eq!((t.state.compare, t.history), (Some(ctx.extent.0), History::Push));
        assert_eq!(reduce(&ctx, &t.state, Action::SetCompare(Some(ctx.extent.0 + 40))).history, History::Replace);
        // The hash keys, written and read back.
        let t = reduce(&ctx, &t.state, Action::SetQuery("Ёлка е".into()));
        let h = hash::print(&ctx.to_hash(&t.state), None, "");
        assert!(h.contains("&q=%D0%81%D0%BB%D0%BA%D0%B0%20%D0%B5") && h.contains("&cmp="), "{h}");
        assert_eq!(ctx.from_hash(&hash::parse(&h, None), s.clone()), t.state);
        // A link without the keys clears them.
        assert_eq!(ctx.from_hash(&hash::parse("#v=text", None), t.state.clone()).query, "");
    }

    #[test]
    fn stepping_by_event_visits_only_the_filtered_events() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let only = Filter { hidden_levels: !level_bit(ds.events[1].level), ..Filter::default() };
        let want: Vec<DayNum> = ds.events.iter().filter(|e| only.keeps(&ds, e)).map(|e| e.start.first_day()).collect();
        let mut s = ViewState { day: ctx.extent.0, filter: only, ..start(&ctx) };
        let mut seen = Vec::new();
        loop {
            let t = reduce(&ctx, &s, Action::NextEvent);
            if t.history == History::Keep {
                break;
            }
            seen.push(t.state.day);
            s = t.state;
        }
        assert_eq!(seen, want);
        assert_eq!(reduce(&ctx, &s, Action::PrevEvent).history, History::Keep, "nothing shown before the only one");
    }

    #[test]
    fn view_and_language_push() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        assert_eq!(reduce(&ctx, &s, Action::SetView(View::Text)).history, History::Push);
        assert_eq!(reduce(&ctx, &s, Action::SetView(View::Visual)).history, History::Keep);
        let t = reduce(&ctx, &s, Action::SetLang(Lang::Ru));
        assert_eq!((t.state.lang, t.history), (Lang::Ru, History::Push));
    }

    #[test]
    fn navigation_replaces_and_never_pushes() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let to = ViewState { selection: Selection::State(StateIx(1)), view: View::Text, lang: Lang::Ru, ..s.clone() };
        let t = reduce(&ctx, &s, Action::Navigate(to.clone()));
        assert_eq!(t.state, to);
        assert_eq!(t.history, History::Replace);
        assert_eq!(reduce(&ctx, &to, Action::Navigate(to.clone())).history, History::Keep);
        // A navigation to something impossible is made possible, not obeyed.
        let bad = ViewState { selection: Selection::Event(EventIx(999)), day: i32::MAX, ..s.clone() };
        let t = reduce(&ctx, &s, Action::Navigate(bad));
        assert_eq!(t.state.selection, Selection::None);
        assert_eq!(t.state.day, ctx.extent.1);
    }

    #[test]
    fn hash_keys_resolve_through_the_index() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let base = start(&ctx);
        let id = ds.events[2].id.clone();
        let s = ctx.from_hash(&hash::parse(&format!("#e={id}"), None), base.clone());
        assert_eq!(s.selection, Selection::Event(ds.event_ix(&id).unwrap()));
        assert_eq!(s.day, ds.events[2].start.first_day(), "an event without a date opens on its day");
        let code = ds.states[3].code.clone();
        let s = ctx.from_hash(&hash::parse(&format!("#s={code}&d=2012-03-04"), None), base.clone());
        assert_eq!(s.selection, Selection::State(StateIx(3)));
        assert_eq!(s.day, day(2012, 3, 4));
        // Unknown ids are ignored, never "the first event".
        let s = ctx.from_hash(&hash::parse("#e=no-such-event&s=ZZ", None), base);
        assert_eq!(s.selection, Selection::None);
    }

    #[test]
    fn dates_are_clamped_to_the_timeline() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = ctx.from_hash(&hash::parse("#d=1900-01-01", None), start(&ctx));
        assert_eq!(s.day, ctx.extent.0);
        let s = ctx.from_hash(&hash::parse("#d=2090-01-01", None), start(&ctx));
        assert_eq!(s.day, ctx.extent.1);
    }

    #[test]
    fn precedence_defaults_then_attributes_then_hash() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let code = ds.states[0].code.clone();
        let event = ds.events[0].id.clone();
        // Defaults: nothing selected, the dataset's update date (clamped), the attribute view.
        let plain = Config { use_hash: true, ..Config::default() };
        let s = ctx.initial(&plain, "", TODAY);
        assert_eq!(s.selection, Selection::None);
        assert_eq!(s.day, ctx.clamp(ds.updated.first_day()));
        // ... or today when the dataset claims a later update.
        assert_eq!(ctx.initial(&plain, "", ctx.extent.0 + 3).day, ctx.extent.0 + 3);
        // Attributes over defaults.
        let attrs = Config { event: Some(event.clone()), view: View::Text, lang: Lang::Ru, ..plain.clone() };
        let s = ctx.initial(&attrs, "", TODAY);
        assert_eq!(s.selection, Selection::Event(EventIx(0)));
        assert_eq!(s.day, ds.events[0].start.first_day());
        assert_eq!((s.view, s.lang), (View::Text, Lang::Ru));
        // The hash over attributes: its selection and date replace the attributes'; absent
        // view and language keep them.
        let s = ctx.initial(&attrs, &format!("#s={code}&d=2012-05-06"), TODAY);
        assert_eq!(s.selection, Selection::State(StateIx(0)));
        assert_eq!(s.day, day(2012, 5, 6));
        assert_eq!((s.view, s.lang), (View::Text, Lang::Ru));
        let s = ctx.initial(&attrs, "#v=visual&l=en", TODAY);
        assert_eq!((s.view, s.lang), (View::Visual, Lang::En));
        assert_eq!(s.selection, Selection::None, "a link describes a whole view: without e or s nothing is selected");
        assert_eq!(s.day, ds.events[0].start.first_day(), "without d the date stays the attributes'");
        // An instance that does not read the hash ignores it; one with a prefix reads only its keys.
        let off = Config { use_hash: false, ..attrs.clone() };
        assert_eq!(ctx.initial(&off, "#v=visual", TODAY).view, View::Text);
        let named = Config { hash_prefix: Some("a".into()), ..attrs.clone() };
        assert_eq!(ctx.initial(&named, "#v=visual&a.l=en", TODAY).view, View::Text);
        assert_eq!(ctx.initial(&named, "#v=visual&a.l=en", TODAY).lang, Lang::En);
        // A malformed attribute date is ignored.
        let bad_date = Config { date: Some("2012-13-01".into()), ..plain.clone() };
        assert_eq!(ctx.initial(&bad_date, "", TODAY).day, ctx.clamp(ds.updated.first_day()));
    }

    #[test]
    fn the_shell_speaks_the_hash_language() {
        let c = Config { lang: Lang::En, ..Config::default() };
        assert_eq!(shell_lang(&c, "#l=ru"), Lang::Ru);
        assert_eq!(shell_lang(&c, "#l=xx1"), Lang::En);
        assert_eq!(shell_lang(&Config { use_hash: false, ..c.clone() }, "#l=ru"), Lang::En);
    }

    #[test]
    fn roving_stop_follows_keys_until_the_selection_changes() {
        assert_eq!(roving_stop(None, None, 4), 4);
        assert_eq!(roving_stop(Some(2), None, 4), 2);
        assert_eq!(roving_stop(Some(2), Some((5, Some(2))), 0), 5, "arrow keys moved from the selection");
        assert_eq!(roving_stop(Some(7), Some((5, Some(2))), 0), 7, "a new selection takes the stop");
        assert_eq!(roving_stop(None, Some((3, None)), 0), 3);
    }

    #[test]
    fn zoom_spans_stay_in_the_extent_and_at_least_two_weeks() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let (lo, hi) = ctx.extent;
        assert_eq!(ctx.clamp_span(lo - 100, lo + 50), (lo, lo + 150), "shifted in, not cut");
        assert_eq!(ctx.clamp_span(lo + 10, lo + 11), (lo + 10, lo + 10 + MIN_SPAN_DAYS - 1));
        assert_eq!(ctx.clamp_span(hi, lo), (lo, hi));
        assert_eq!(ctx.clamp_span(lo - 10_000, hi + 10_000), (lo, hi));
        // Zooming in halves around the anchor, which keeps its place; out doubles.
        let span = (lo + 400, lo + 800);
        assert_eq!(ctx.zoomed(span, 1, 2, lo + 600), (lo + 500, lo + 700));
        assert_eq!(ctx.zoomed(span, 1, 2, lo + 400), (lo + 400, lo + 600));
        assert_eq!(ctx.zoomed(span, 2, 1, lo + 600), (lo + 200, lo + 1000));
        assert_eq!(ctx.zoomed(span, 1000, 1, lo + 600), (lo, hi));
        assert_eq!(
            ctx.zoomed((lo + 400, lo + 413), 1, 4, lo + 405).1 - ctx.zoomed((lo + 400, lo + 413), 1, 4, lo + 405).0,
            MIN_SPAN_DAYS - 1
        );
    }

    #[test]
    fn zoom_replaces_history_and_selection_brings_the_event_into_view() {
        let ds = ds();
        let ctx = Ctx::new(&ds, TODAY);
        let s = start(&ctx);
        let t = reduce(&ctx, &s, Action::FitAll);
        assert_eq!((t.state.span, t.history), (Some(ctx.extent), History::Replace));
        let early = (ctx.extent.0, ctx.extent.0 + 100);
        let t = reduce(&ctx, &s, Action::ShowSpan(early.0, early.1));
        assert_eq!((t.state.span, t.history), (Some(early), History::Replace));
        // The ministerial (June 2013) is outside: selecting it moves the span, same length.
        let m = ds.event_ix("2013-06-05-ministerial").unwrap();
        let t = reduce(&ctx, &t.state, Action::SelectEvent(m));
        let (a, b) = t.state.span.unwrap();
        assert_eq!(b - a, 100);
        assert!(a <= t.state.day && t.state.day <= b);
        assert_eq!(t.history, History::Push);
        // A date step inside the span leaves it alone.
        let t2 = reduce(&ctx, &t.state, Action::StepMonths(1));
        assert_eq!(t2.state.span, t.state.span);
    }

    fn arb_state(n_events: usize, n_states: usize, lo: DayNum, hi: DayNum) -> impl Strategy<Value = ViewState> {
        let sel = prop_oneof![
            Just(Selection::None),
            (0..n_events).prop_map(|i| Selection::Event(EventIx(i))),
            (0..n_states).prop_map(|i| Selection::State(StateIx(i))),
        ];
        let view = prop_oneof![Just(View::Visual), Just(View::Text)];
        let lang = prop_oneof![Just(Lang::En), Just(Lang::Ru), Just(Lang::parse("kk").unwrap())];
        let span = prop_oneof![
            Just(None),
            (lo..=hi - MIN_SPAN_DAYS, MIN_SPAN_DAYS - 1..=hi - lo)
                .prop_map(move |(a, len)| Some((a, (a + len).min(hi)))),
        ];
        // Queries with spaces, Cyrillic, ё and the hash's own separators.
        let query = prop_oneof![
            Just(String::new()),
            "[a-zA-Zа-яёЁ0-9 &=#%+.,-]{0,20}".prop_map(|q: String| if q.trim().is_empty() { String::new() } else { q }),
        ];
        let filter =
            (0u16..=ALL_LEVELS, prop_oneof![Just(None), (0..n_states).prop_map(|i| Some(StateIx(i)))], any::<bool>())
                .prop_map(|(hidden_levels, attended, sure_only)| Filter { hidden_levels, attended, sure_only });
        let compare = prop_oneof![Just(None), (lo..=hi).prop_map(Some)];
        ((sel, lo..=hi, view, lang, span), (query, filter, compare, any::<bool>())).prop_map(
            |((selection, day, view, lang, span), (query, filter, compare, find_open))| {
                // A valid state: a span of at least two weeks inside the extent.
                let span = span.map(
                    |(a, b): (DayNum, DayNum)| {
                        if b - a + 1 < MIN_SPAN_DAYS {
                            (b + 1 - MIN_SPAN_DAYS, b)
                        } else {
                            (a, b)
                        }
                    },
                );
                ViewState { selection, day, view, lang, span, query, filter, compare, find_open }
            },
        )
    }

    proptest! {
        #[test]
        fn from_hash_inverts_to_hash(
            (s, base) in {
                let ds = ds();
                let (lo, hi) = query::extent(&ds, TODAY);
                (arb_state(ds.events.len(), ds.states.len(), lo, hi), arb_state(ds.events.len(), ds.states.len(), lo, hi))
            },
            prefix in prop_oneof![Just(None), Just(Some("a".to_string()))],
        ) {
            let ds = ds();
            let ctx = Ctx::new(&ds, TODAY);
            // Through the typed keys...
            prop_assert_eq!(ctx.from_hash(&ctx.to_hash(&s), base.clone()), s.clone());
            // ... and through the URL text, beside another instance's keys.
            let text = hash::print(&ctx.to_hash(&s), prefix.as_deref(), "#b.e=other&b.d=2012-01-01");
            prop_assert_eq!(ctx.from_hash(&hash::parse(&text, prefix.as_deref()), base), s);
        }

        #[test]
        fn every_action_keeps_the_state_valid(
            s in {
                let ds = ds();
                let (lo, hi) = query::extent(&ds, TODAY);
                arb_state(ds.events.len(), ds.states.len(), lo, hi)
            },
            a in prop_oneof![
                (0usize..20).prop_map(|i| Action::SelectEvent(EventIx(i))),
                (0usize..20).prop_map(|i| Action::SelectState(StateIx(i))),
                any::<i32>().prop_map(Action::SetDay),
                (-500i32..500).prop_map(Action::StepMonths),
                Just(Action::NextEvent), Just(Action::PrevEvent), Just(Action::FirstDay), Just(Action::LastDay),
                Just(Action::SetView(View::Text)), Just(Action::SetLang(Lang::Ru)),
                (any::<i32>(), any::<i32>()).prop_map(|(a, b)| Action::ShowSpan(a / 2, b / 2)), Just(Action::FitAll),
                ".{0,200}".prop_map(Action::SetQuery),
                (0usize..8).prop_map(|i| Action::ToggleLevel(Level::ALL[i])),
                (0usize..30).prop_map(|i| Action::SetAttended(Some(StateIx(i)))),
                any::<bool>().prop_map(Action::SetSureOnly),
                any::<i32>().prop_map(|d| Action::SetCompare(Some(d))),
            ],
        ) {
            let ds = ds();
            let ctx = Ctx::new(&ds, TODAY);
            let t = reduce(&ctx, &s, a);
            prop_assert!(ctx.extent.0 <= t.state.day && t.state.day <= ctx.extent.1);
            prop_assert_eq!(t.history == History::Keep, t.state == s);
            if let Selection::Event(i) = t.state.selection { prop_assert!(i.0 < ds.events.len()); }
            if let Selection::State(i) = t.state.selection { prop_assert!(i.0 < ds.states.len()); }
            prop_assert!(t.state.query.chars().count() <= hash::MAX_QUERY);
            if let Some(a) = t.state.filter.attended { prop_assert!(a.0 < ds.states.len()); }
            if let Some(c) = t.state.compare { prop_assert!(ctx.extent.0 <= c && c <= ctx.extent.1); }
            if let Some((a, b)) = t.state.span {
                prop_assert!(ctx.extent.0 <= a && a <= b && b <= ctx.extent.1);
                prop_assert!(b - a + 1 >= MIN_SPAN_DAYS.min(ctx.extent.1 - ctx.extent.0 + 1));
            }
        }
    }
}

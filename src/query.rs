//! Questions asked of a dataset at a point in time.
//!
//! Membership is computed from role histories, never stored as a current list. Partial dates are
//! widened to the span they cover (see [`crate::date`]); when a state holds several roles on one
//! day the strongest wins (member › observer › applicant › guest › participant › signatory); when
//! two chair terms meet in one month or year, the later-starting one is chair from its start.

use crate::date::{Date, DayNum};
use crate::model::*;

/// The role a state holds on `day`, with the span that grants it. A role whose end is only
/// where the sources stop (`"ends": "last_record"`) still counts after that end, as the last
/// role on record, until another role of the state begins: the end of the sources is not a
/// change of role. [`Span::after_record`] tells the two apart.
pub fn role_on(state: &State, day: DayNum) -> Option<&RoleSpan> {
    state
        .roles
        .iter()
        .filter(|r| r.span.covers(day) || (r.span.after_record(day) && !superseded(state, r, day)))
        .max_by(|a, b| a.role.cmp(&b.role).then(a.span.from.cmp_start(&b.span.from)))
}

/// Whether a role last on record (`r`, its end passed by `day`) has given way by `day` to a
/// newer record of the same state: a role that begins after it ends, or one that begins after
/// it begins and runs past its end.
fn superseded(state: &State, r: &RoleSpan, day: DayNum) -> bool {
    let (from, end) = (r.span.from.first_day(), r.span.to.map_or(DayNum::MAX, |t| t.last_day()));
    state.roles.iter().any(|o| {
        let start = o.span.from.first_day();
        start <= day && (start > end || (start > from && o.span.to.is_none_or(|t| t.last_day() > end)))
    })
}

/// The chair term in force on `day`, if any.
pub fn chair_on(ds: &Dataset, day: DayNum) -> Option<&ChairTerm> {
    ds.chair_terms.iter().filter(|t| t.span.covers(day)).max_by(|a, b| a.span.from.cmp_start(&b.span.from))
}

/// Chair terms of one state, oldest first.
pub fn chair_terms_of<'a>(ds: &'a Dataset, code: &str) -> Vec<&'a ChairTerm> {
    let mut v: Vec<&ChairTerm> = ds.chair_terms.iter().filter(|t| t.state == code).collect();
    crate::sort::sort_by(&mut v, |a, b| a.span.from.cmp_start(&b.span.from));
    v
}

/// Events a state took part in, oldest first, with its role at each.
pub fn events_of<'a>(ds: &'a Dataset, code: &str) -> Vec<(&'a Event, EventRole)> {
    ds.events.iter().filter_map(|e| e.participants.iter().find(|p| p.state == code).map(|p| (e, p.role))).collect()
}

/// The role of a state at an event, if it took part.
pub fn role_at(event: &Event, code: &str) -> Option<EventRole> {
    event.participants.iter().find(|p| p.state == code).map(|p| p.role)
}

/// How many states hold each role on a day, and who chairs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub members: usize,
    pub observers: usize,
    pub applicants: usize,
    pub guests: usize,
    pub participants: usize,
    pub signatories: usize,
    /// States shown with a role that is only the last on record (the sources stop before the
    /// day): not counted under their role.
    pub last_record: usize,
    /// Code of the chairing state.
    pub chair: Option<String>,
}

impl Summary {
    pub fn count(&self, role: Role) -> usize {
        match role {
            Role::Member => self.members,
            Role::Observer => self.observers,
            Role::Applicant => self.applicants,
            Role::Guest => self.guests,
            Role::Participant => self.participants,
            Role::Signatory => self.signatories,
        }
    }
}

/// Counts of roles on `day`.
pub fn summary_on(ds: &Dataset, day: DayNum) -> Summary {
    let mut s = Summary::default();
    for st in &ds.states {
        let span = role_on(st, day);
        if span.is_some_and(|r| r.span.after_record(day)) {
            s.last_record += 1;
            continue;
        }
        match span.map(|r| r.role) {
            Some(Role::Member) => s.members += 1,
            Some(Role::Observer) => s.observers += 1,
            Some(Role::Applicant) => s.applicants += 1,
            Some(Role::Guest) => s.guests += 1,
            Some(Role::Participant) => s.participants += 1,
            Some(Role::Signatory) => s.signatories += 1,
            None => {}
        }
    }
    s.chair = chair_on(ds, day).map(|t| t.state.clone());
    s
}

/// The span of days the dataset covers: from its first event or role to its last (or `today`
/// when something is still running), padded to whole years.
pub fn extent(ds: &Dataset, today: DayNum) -> (DayNum, DayNum) {
    let mut lo = DayNum::MAX;
    let mut hi = DayNum::MIN;
    let mut take = |d: &Date| {
        lo = lo.min(d.first_day());
        hi = hi.max(d.last_day());
    };
    for e in &ds.events {
        take(&e.start);
        take(&e.last());
    }
    for t in &ds.chair_terms {
        take(&t.span.from);
        if let Some(to) = &t.span.to {
            take(to);
        }
    }
    if lo > hi {
        let y = Date::from_day(today).year;
        return (Date::of_year(y).first_day(), Date::of_year(y).last_day());
    }
    let lo_year = Date::from_day(lo).year;
    let hi_year = Date::from_day(hi).year;
    (Date::of_year(lo_year).first_day(), Date::of_year(hi_year).last_day())
}

/// Index of the first event that starts on or after `day`; `len` if none.
pub fn first_event_from(ds: &Dataset, day: DayNum) -> usize {
    ds.events.partition_point(|e| e.start.first_day() < day)
}

/// Index of the last event that starts on or before `day`.
pub fn last_event_until(ds: &Dataset, day: DayNum) -> Option<usize> {
    ds.events.partition_point(|e| e.start.first_day() <= day).checked_sub(1)
}

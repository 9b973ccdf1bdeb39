//! The bundled dataset validates and says exactly what the primary source (the seed page)
//! says about 2011, 2012 and 2013; time queries answer the questions users ask of it.

use almaty_process::date::Date;
use almaty_process::model::{Dataset, EventRole, Level, Role, SubjectKind};
use almaty_process::query::*;
use almaty_process::validate::parse_dataset;

fn dataset() -> Dataset {
    parse_dataset(include_str!("../public/data/dataset.json"))
        .unwrap_or_else(|p| panic!("bundled dataset is invalid: {p:#?}"))
}

fn day(s: &str) -> i32 {
    Date::parse(s).unwrap().first_day()
}

fn participants(ds: &Dataset, id: &str) -> Vec<(String, EventRole)> {
    let e = ds.event(id).unwrap_or_else(|| panic!("no event {id}"));
    let mut v: Vec<_> = e.participants.iter().map(|p| (p.state.clone(), p.role)).collect();
    v.sort();
    v
}

#[test]
fn seed_2011_conference_and_the_nine_signatories() {
    let ds = dataset();
    let e = ds.event("2011-03-regional-conference").unwrap();
    assert_eq!(e.start, Date::ymd(2011, 3, 14));
    assert_eq!(e.end, Some(Date::ymd(2011, 3, 16)));
    assert_eq!(e.level, Level::FoundingConference);
    assert!(e.title.0["en"].contains("Regional Conference"));
    let codes: Vec<String> = participants(&ds, &e.id)
        .into_iter()
        .map(|(c, r)| {
            assert_eq!(r, EventRole::Signatory);
            c
        })
        .collect();
    assert_eq!(codes, ["AF", "AZ", "IR", "KG", "KZ", "RU", "TJ", "TM", "TR"]);
    assert!(e.outcomes.iter().any(|o| o.title.0["en"].contains("Almaty Declaration")));
    assert!(e.sources.contains(&"SEED".to_string()));
    match &e.place {
        almaty_process::model::Place::City { city, country, .. } => {
            assert_eq!(city.0["en"], "Almaty");
            assert_eq!(country, "KZ");
        }
        other => panic!("place: {other:?}"),
    }
}

#[test]
fn seed_2012_framework_and_action_plan_by_the_four_central_asian_states() {
    let ds = dataset();
    let e = ds.event("2012-09-07-national-coordinators").unwrap();
    assert_eq!(e.start, Date::ymd(2012, 9, 7));
    let codes: Vec<String> = participants(&ds, &e.id).into_iter().map(|p| p.0).collect();
    assert_eq!(codes, ["KG", "KZ", "TJ", "TM"]);
    let outcomes: Vec<&str> = e.outcomes.iter().map(|o| o.title.0["en"].as_str()).collect();
    assert!(outcomes.iter().any(|t| t.contains("Regional Cooperation Framework")), "{outcomes:?}");
    assert!(outcomes.iter().any(|t| t.contains("Regional Action Plan")), "{outcomes:?}");
    assert!(e.summary.0["en"].to_lowercase().contains("national coordinator"));
}

#[test]
fn seed_2013_ministerial_nine_endorsers_pakistan_among_them_iran_observer() {
    let ds = dataset();
    let e = ds.event("2013-06-05-ministerial").unwrap();
    assert_eq!(e.start, Date::ymd(2013, 6, 5));
    assert_eq!(e.level, Level::Ministerial);
    let p = participants(&ds, &e.id);
    let codes: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(codes, ["AF", "AZ", "IR", "KG", "KZ", "PK", "TJ", "TM", "TR"]);
    assert!(p.contains(&("IR".into(), EventRole::Observer)));
    let kinds: Vec<_> = e.outcomes.iter().map(|o| o.kind.as_str()).collect();
    assert!(kinds.contains(&"communique") && kinds.contains(&"modalities"), "{kinds:?}");
    // Pakistan's status is disputed between sources: both readings are kept.
    assert!(ds.disputes_about(SubjectKind::State, "PK").any(|d| d.readings.len() >= 2));
}

#[test]
fn as_of_the_launch_seven_members_two_observers_kazakhstan_chairs() {
    let ds = dataset();
    let s = summary_on(&ds, day("2013-06-05"));
    assert_eq!((s.members, s.observers), (7, 2));
    assert_eq!(s.chair.as_deref(), Some("KZ"));
    let ir = ds.state("IR").unwrap();
    assert_eq!(role_on(ir, day("2013-06-05")).map(|r| r.role), Some(Role::Observer));
    // The day before, the nine were signatories of the 2011 Declaration and nobody chaired.
    let before = summary_on(&ds, day("2013-06-04"));
    assert_eq!((before.members, before.signatories), (0, 9));
    assert_eq!(before.chair, None);
}

#[test]
fn russia_is_a_signatory_in_2011_and_never_a_member() {
    let ds = dataset();
    let ru = ds.state("RU").unwrap();
    assert_eq!(role_on(ru, day("2011-06-01")).map(|r| r.role), Some(Role::Signatory));
    assert_eq!(role_on(ru, day("2011-03-13")), None, "not before the Declaration");
    assert!(ru.roles.iter().all(|r| r.role != Role::Member));
}

#[test]
fn chair_rotation_and_kazakhstans_two_terms() {
    let ds = dataset();
    let kz = chair_terms_of(&ds, "KZ");
    assert_eq!(kz.len(), 2);
    assert_eq!(kz[0].span.from, Date::ymd(2013, 6, 5));
    assert_eq!(kz[1].span.from, Date::ymd(2025, 4, 24));
    assert_eq!(chair_on(&ds, day("2017-06-01")).map(|t| t.state.as_str()), Some("KG"));
    assert_eq!(chair_on(&ds, day("2024-06-01")).map(|t| t.state.as_str()), Some("AZ"));
    // Handover day: the incoming chair.
    assert_eq!(chair_on(&ds, day("2025-04-24")).map(|t| t.state.as_str()), Some("KZ"));
    // Early 2023: no source names a chair (C4), so none is shown.
    assert_eq!(chair_on(&ds, day("2023-02-01")), None);
}

#[test]
fn events_of_a_state_and_neighbouring_events() {
    let ds = dataset();
    let pk = events_of(&ds, "PK");
    assert!(pk.iter().all(|(e, _)| e.participants.iter().any(|p| p.state == "PK")));
    assert_eq!(pk.first().map(|(e, _)| e.id.as_str()), Some("2013-06-05-ministerial"));
    let i = ds.event_ix("2013-06-05-ministerial").unwrap().0;
    let start = ds.events[i].start.first_day();
    // The event before the ministerial is the last one starting before its day.
    let j = last_event_until(&ds, start - 1).unwrap();
    assert_eq!(ds.events[j].id, "2012-09-07-national-coordinators");
    assert_eq!(first_event_from(&ds, start), i);
    assert_eq!(first_event_from(&ds, i32::MAX), ds.events.len());
    assert_eq!(last_event_until(&ds, i32::MIN), None);
}

#[test]
fn every_fact_cites_a_source_and_every_text_is_bilingual() {
    let ds = dataset();
    assert!(ds.events.iter().all(|e| !e.sources.is_empty()));
    assert!(ds.chair_terms.iter().all(|t| !t.span.sources.is_empty()));
    assert!(ds.states.iter().flat_map(|s| &s.roles).all(|r| !r.span.sources.is_empty()));
    for e in &ds.events {
        for l in ["en", "ru"] {
            assert!(!e.title.0[l].trim().is_empty(), "{} has no {l} title", e.id);
        }
    }
    assert!(ds.disputes.len() >= 13, "C1–C13 are all recorded");
    assert!(ds.disputes.iter().all(|d| d.readings.len() >= 2));
}

#[test]
fn events_are_sorted_by_start() {
    let ds = dataset();
    assert!(ds.events.windows(2).all(|w| w[0].start.first_day() <= w[1].start.first_day()));
}

//! The cross-checks between records: the bundled dataset has no warnings; each check, triggered
//! by one edit of the real dataset, reports a warning at the expected JSON path; and warnings
//! never turn into errors (the validator, which the app runs, still accepts the file).

#![cfg(not(target_arch = "wasm32"))]

use almaty_process::crosscheck::{check_bytes, check_value, compatible};
use almaty_process::date::Date;
use almaty_process::model::{EventRole, Role, SourceKind};
use almaty_process::query::{chair_on, role_on};
use almaty_process::validate::{parse_dataset, validate_value, Problem, ProblemKind};
use serde_json::{json, Value};

const REAL: &str = include_str!("../public/data/dataset.json");

fn real() -> Value {
    serde_json::from_str(REAL).expect("the real dataset is JSON")
}

/// Index of the event with this id in the file.
fn ev(v: &Value, id: &str) -> usize {
    v["events"].as_array().unwrap().iter().position(|e| e["id"] == id).unwrap_or_else(|| panic!("no event {id}"))
}

/// Index of a state's entry among an event's participants.
fn part(v: &Value, event: usize, code: &str) -> usize {
    v["events"][event]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["state"] == code)
        .unwrap_or_else(|| panic!("{code} not at event {event}"))
}

fn state(v: &Value, code: &str) -> usize {
    v["states"].as_array().unwrap().iter().position(|s| s["code"] == code).unwrap()
}

fn term(v: &Value, id: &str) -> usize {
    v["chair_terms"].as_array().unwrap().iter().position(|t| t["id"] == id).unwrap()
}

fn org(v: &Value, id: &str) -> usize {
    v["organisations"].as_array().unwrap().iter().position(|o| o["id"] == id).unwrap()
}

/// The warnings after one edit of the real dataset, which must still validate.
fn warnings_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = real();
    edit(&mut v);
    assert!(validate_value(&v).is_ok(), "the edit must keep the file valid: {:#?}", validate_value(&v).err());
    let (_, warnings) = check_value(&v).unwrap_or_else(|p| panic!("{p:#?}"));
    for w in &warnings {
        assert!(w.kind.is_warning(), "{w:?} is reported as a warning");
        assert!(w.path.starts_with("$."), "{w:?}");
        assert!(!w.message.is_empty());
    }
    warnings
}

fn assert_warning<'a>(warnings: &'a [Problem], path: &str, kind: ProblemKind) -> &'a Problem {
    warnings
        .iter()
        .find(|w| w.path == path && w.kind == kind)
        .unwrap_or_else(|| panic!("no {} warning at {path}; got {warnings:#?}", kind.as_str()))
}

fn assert_only<'a>(warnings: &'a [Problem], path: &str, kind: ProblemKind) -> &'a Problem {
    assert_eq!(warnings.len(), 1, "exactly one warning expected: {warnings:#?}");
    assert_warning(warnings, path, kind)
}

#[test]
fn the_bundled_dataset_has_no_warnings() {
    let (ds, warnings) = check_bytes(REAL.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(ds.events.len(), 19);
    // The check does run: the dataset marks context-only sources.
    assert!(ds.sources.iter().any(|s| s.context_only));
}

#[test]
fn warnings_are_not_errors() {
    for k in [ProblemKind::RoleMismatch, ProblemKind::Chair, ProblemKind::RoleStart, ProblemKind::Provenance] {
        assert!(k.is_warning(), "{}", k.as_str());
    }
    for k in [ProblemKind::Syntax, ProblemKind::Reference, ProblemKind::Overlap, ProblemKind::Limit] {
        assert!(!k.is_warning(), "{}", k.as_str());
    }
    // A file with warnings is still a dataset for the app (its loader runs the validator only).
    let mut v = real();
    let cn = state(&v, "CN");
    v["states"][cn]["roles"].as_array_mut().unwrap().remove(0);
    assert!(parse_dataset(&serde_json::to_string(&v).unwrap()).is_ok());
    let (_, w) = check_value(&v).unwrap();
    assert!(!w.is_empty());
}

#[test]
fn the_compatibility_table() {
    for &r in Role::ALL {
        assert!(compatible(EventRole::Participant, r), "participant agrees with {}", r.as_str());
    }
    let pairs = [
        (EventRole::Member, Role::Member),
        (EventRole::Observer, Role::Observer),
        (EventRole::Guest, Role::Guest),
        (EventRole::Guest, Role::Observer),
        (EventRole::Applicant, Role::Applicant),
        (EventRole::Signatory, Role::Signatory),
        (EventRole::Chair, Role::Member),
    ];
    for &at in EventRole::ALL {
        if at == EventRole::Participant {
            continue;
        }
        for &held in Role::ALL {
            assert_eq!(
                compatible(at, held),
                pairs.contains(&(at, held)),
                "{} at an event, {} held",
                at.as_str(),
                held.as_str()
            );
        }
    }
}

// ---- role agreement ----

#[test]
fn a_guest_without_a_guest_or_observer_role_is_reported() {
    let v = real();
    let (e, p) = {
        let e = ev(&v, "2015-09-22-som-2");
        (e, part(&v, e, "CN"))
    };
    let w = warnings_after(|v| {
        let cn = state(v, "CN");
        v["states"][cn]["roles"].as_array_mut().unwrap().remove(0); // the 2015-09-22 guest role
    });
    let m = assert_only(&w, &format!("$.events[{e}].participants[{p}].role"), ProblemKind::RoleMismatch);
    assert!(m.message.contains("China") && m.message.contains("guest or observer"), "{}", m.message);
}

#[test]
fn a_member_at_an_event_must_be_a_member_then() {
    let v = real();
    let e = ev(&v, "2015-09-22-som-2");
    let p = part(&v, e, "PK");
    let w = warnings_after(|v| v["events"][e]["participants"][p]["role"] = json!("member"));
    let m = assert_only(&w, &format!("$.events[{e}].participants[{p}].role"), ProblemKind::RoleMismatch);
    assert!(m.message.contains("observer"), "names the role it has: {}", m.message);
}

#[test]
fn a_participant_needs_some_role_on_its_timeline() {
    let v = real();
    let (a, b) = (ev(&v, "2018-09-27-som-5"), ev(&v, "2019-05-14-technical-experts-2"));
    let (pa, pb) = (part(&v, a, "UZ"), part(&v, b, "UZ"));
    let w = warnings_after(|v| {
        let uz = state(v, "UZ");
        v["states"][uz]["roles"].as_array_mut().unwrap().remove(0); // participant from 2018-09-27
    });
    assert_eq!(w.len(), 2, "{w:#?}");
    assert_warning(&w, &format!("$.events[{a}].participants[{pa}].role"), ProblemKind::RoleMismatch);
    assert_warning(&w, &format!("$.events[{b}].participants[{pb}].role"), ProblemKind::RoleMismatch);
}

// ---- chair ----

#[test]
fn a_chair_without_a_chair_term_covering_the_event_is_reported() {
    let v = real();
    let e = ev(&v, "2016-09-19-som-3");
    let p = part(&v, e, "KG"); // Kyrgyzstan's term begins in November 2016
    let w = warnings_after(|v| v["events"][e]["participants"][p]["role"] = json!("chair"));
    let m = assert_only(&w, &format!("$.events[{e}].participants[{p}].role"), ProblemKind::Chair);
    assert!(m.message.contains("chair-kz-1"), "names the term in force: {}", m.message);
}

#[test]
fn the_chair_in_force_must_be_shown_when_an_event_shows_a_chair() {
    // The 2025 handover: Azerbaijan alone as chair, while by the chair terms Kazakhstan chairs
    // from that day (the contradiction the source audit found).
    let v = real();
    let e = ev(&v, "2025-04-24-ministerial-3");
    let w = warnings_after(|v| {
        let p = part(v, e, "KZ");
        v["events"][e]["participants"].as_array_mut().unwrap().remove(p);
    });
    let m = assert_only(&w, &format!("$.events[{e}].participants"), ProblemKind::Chair);
    assert!(m.message.contains("chair-kz-2"), "{}", m.message);
}

#[test]
fn a_chair_term_does_not_begin_where_its_state_is_a_plain_participant() {
    let v = real();
    let e = ev(&v, "2023-03-28-som-online");
    let p = part(&v, e, "AZ");
    let w = warnings_after(|v| v["events"][e]["participants"][p]["role"] = json!("participant"));
    let m = assert_only(&w, &format!("$.events[{e}].participants[{p}].role"), ProblemKind::Chair);
    assert!(m.message.contains("chair-az-1"), "{}", m.message);
}

// ---- role start ----

#[test]
fn a_role_that_starts_at_an_event_starts_on_its_first_day() {
    let v = real();
    let af = state(&v, "AF");
    let w = warnings_after(|v| v["states"][af]["roles"][0]["from"] = json!("2011-03-16"));
    let m = assert_only(&w, &format!("$.states[{af}].roles[0].from"), ProblemKind::RoleStart);
    assert!(m.message.contains("2011-03-14"), "names the first day: {}", m.message);
}

#[test]
fn a_chair_term_that_starts_at_an_event_starts_on_its_first_day() {
    let v = real();
    let e = ev(&v, "2025-04-24-ministerial-3");
    let (az, kz) = (term(&v, "chair-az-1"), term(&v, "chair-kz-2"));
    let w = warnings_after(|v| {
        v["events"][e]["end"] = json!("2025-04-25");
        v["chair_terms"][az]["to"] = json!("2025-04-25");
        v["chair_terms"][kz]["from"] = json!("2025-04-25");
    });
    assert_only(&w, &format!("$.chair_terms[{kz}].from"), ProblemKind::RoleStart);
}

#[test]
fn an_organisation_role_that_starts_at_an_event_starts_on_its_first_day() {
    let v = real();
    let e = ev(&v, "2015-09-22-som-2");
    let undp = org(&v, "UNDP");
    let w = warnings_after(|v| {
        v["events"][e]["end"] = json!("2015-09-23");
        v["organisations"][undp]["roles"][0]["from"] = json!("2015-09-23");
        v["organisations"][undp]["roles"][0]["to"] = json!("2015-09-23");
    });
    assert_only(&w, &format!("$.organisations[{undp}].roles[0].from"), ProblemKind::RoleStart);
}

// ---- provenance ----

#[test]
fn a_seen_claim_needs_a_source_that_is_not_context_only() {
    let v = real();
    let kz = term(&v, "chair-kz-2");
    // (The note goes too: it names other sources, which the cites check would report.)
    let w = warnings_after(|v| {
        v["chair_terms"][kz]["sources"] = json!(["S27", "S28"]);
        v["chair_terms"][kz].as_object_mut().unwrap().remove("note");
    });
    // (S38, cited by this term only, is then uncited: reported too, by its own check.)
    let m = assert_warning(&w, &format!("$.chair_terms[{kz}].confidence"), ProblemKind::Provenance);
    assert!(m.message.contains("S27, S28"), "{}", m.message);
    assert!(w.iter().all(|x| matches!(x.kind, ProblemKind::Provenance | ProblemKind::Uncited)), "{w:#?}");
    // Marked inferred, the same citations are fine.
    let w = warnings_after(|v| {
        v["chair_terms"][kz]["sources"] = json!(["S27", "S28"]);
        v["chair_terms"][kz].as_object_mut().unwrap().remove("note");
        v["chair_terms"][kz]["confidence"] = json!("inferred");
    });
    assert!(w.iter().all(|x| x.kind != ProblemKind::Provenance), "{w:#?}");
    // Events and roles are claims too.
    let e = ev(&v, "2025-04-24-ministerial-3");
    let w = warnings_after(|v| v["events"][e]["sources"] = json!(["S27"]));
    assert_warning(&w, &format!("$.events[{e}].confidence"), ProblemKind::Provenance);
}

#[test]
fn event_paths_are_positions_in_the_file_not_in_the_sorted_list() {
    // Move the 2015 guests' meeting to the front of the file and break China's role there.
    let w = warnings_after(|v| {
        let e = ev(v, "2015-09-22-som-2");
        let moved = v["events"].as_array_mut().unwrap().remove(e);
        v["events"].as_array_mut().unwrap().insert(0, moved);
        let cn = state(v, "CN");
        v["states"][cn]["roles"].as_array_mut().unwrap().remove(0);
    });
    let v = real();
    let p = part(&v, ev(&v, "2015-09-22-som-2"), "CN");
    assert_only(&w, &format!("$.events[0].participants[{p}].role"), ProblemKind::RoleMismatch);
}

// ---- the corrections of the source audit (issue 13), as facts of the bundled dataset ----

#[test]
fn the_source_audit_corrections_hold() {
    let ds = parse_dataset(REAL).unwrap();
    let day = |s: &str| Date::parse(s).unwrap().first_day();
    // The 2011 adoption is dated to the conference's first day.
    let ru = ds.state("RU").unwrap();
    assert_eq!(role_on(ru, day("2011-03-14")).map(|r| r.role), Some(Role::Signatory));
    // 2013: SEED calls the endorsers participating States, Iran an observer; Kazakhstan chairs.
    let e = ds.event("2013-06-05-ministerial").unwrap();
    for p in &e.participants {
        let want = match p.state.as_str() {
            "IR" => EventRole::Observer,
            "KZ" => EventRole::Chair,
            _ => EventRole::Participant,
        };
        assert_eq!(p.role, want, "{}", p.state);
    }
    // Membership from the launch, and the secretariat's start, are deductions.
    use almaty_process::model::Confidence;
    let kg = ds.state("KG").unwrap();
    assert_eq!(
        role_on(kg, day("2013-06-05")).map(|r| (r.role, r.span.confidence)),
        Some((Role::Member, Confidence::Inferred))
    );
    for o in ["IOM", "UNHCR"] {
        assert!(ds.organisation(o).unwrap().roles.iter().all(|r| r.span.confidence == Confidence::Inferred));
    }
    // The 2015 guests hold a guest role on that day.
    for c in ["CN", "RU", "US"] {
        assert_eq!(role_on(ds.state(c).unwrap(), day("2015-09-22")).map(|r| r.role), Some(Role::Guest), "{c}");
    }
    // The 2025 handover shows both chairs; Kazakhstan chairs from that day.
    let e = ds.event("2025-04-24-ministerial-3").unwrap();
    let chairs: Vec<&str> =
        e.participants.iter().filter(|p| p.role == EventRole::Chair).map(|p| p.state.as_str()).collect();
    assert_eq!(chairs, ["AZ", "KZ"]);
    assert_eq!(chair_on(&ds, day("2025-04-24")).map(|t| t.state.as_str()), Some("KZ"));
    // Afghanistan: a member as far as the sources state it (last in May 2019); after that the
    // membership is the last role on record, not a change to another role.
    let af = ds.state("AF").unwrap();
    let on = |d: &str| role_on(af, day(d)).map(|r| (r.role, r.span.after_record(day(d))));
    assert_eq!(on("2019-05-15"), Some((Role::Member, false)));
    assert_eq!(on("2023-03-28"), Some((Role::Member, true)));
    // Sources: SEED has the page's address; S26 is the mirror copy that was read, marked so
    // (no address on the publisher's site is guessed).
    assert!(ds.source("SEED").unwrap().url.is_some());
    let s26 = ds.source("S26").unwrap();
    assert_eq!(s26.kind, SourceKind::Mirror);
    assert!(!s26.url.as_deref().unwrap().contains("ansa.it"));
    // Short names a source gives cite it (the second audit); Egypt, a venue country only, is
    // named from general knowledge, which the description says.
    for (c, s) in [("FR", "S7"), ("CH", "S7"), ("GB", "S7"), ("PS", "S7"), ("IT", "S18")] {
        assert_eq!(ds.state(c).unwrap().names[0].sources, [s], "{c}");
    }
    assert!(ds.state("EG").unwrap().names[0].sources.is_empty());
    assert!(ds.description.0["en"].contains("general knowledge"));
    // The Russian name of the senior officials' meetings is the process's own.
    assert!(!REAL.contains("старших должностных лиц"));
    assert!(
        ds.event("2016-09-19-som-3").unwrap().title.0["ru"].contains("Реагирование на смешанные миграционные потоки")
    );
}

// ---------------------------------------------------------------------------------------
// The second audit's rules: cites, uncited, ends, years; and what a last-record role means.

#[test]
fn a_note_naming_a_source_the_record_does_not_list_is_reported() {
    let v = real();
    let kz = term(&v, "chair-kz-1");
    let w = warnings_after(|v| {
        let en = v["chair_terms"][kz]["note"]["en"].as_str().unwrap().to_string();
        v["chair_terms"][kz]["note"]["en"] = json!(format!("{en} See also S33 and S1."));
    });
    let m = assert_only(&w, &format!("$.chair_terms[{kz}].note"), ProblemKind::Cites);
    assert!(m.message.contains("S33, S1"), "{}", m.message);
    // A role, in Russian only; a source listed deeper inside an event (a participant's) counts.
    let af = state(&v, "AF");
    let w = warnings_after(|v| {
        let ru = v["states"][af]["roles"][0]["note"]["ru"].as_str().unwrap().to_string();
        v["states"][af]["roles"][0]["note"]["ru"] = json!(format!("{ru} (S14)"));
    });
    assert_only(&w, &format!("$.states[{af}].roles[0].note"), ProblemKind::Cites);
    // Words that merely contain an id, or ids of other lists, are not citations.
    let w = warnings_after(|v| {
        v["chair_terms"][kz]["note"]["en"] = json!("S70, XS1, S1x and C4 are not sources; S4. S9, S8 are listed.");
    });
    assert!(w.is_empty(), "{w:#?}");
}

#[test]
fn a_source_nobody_cites_is_reported_and_the_change_log_does_not_count() {
    let w = warnings_after(|v| {
        let mut s = v["sources"][1].clone();
        s["id"] = json!("S99");
        v["sources"].as_array_mut().unwrap().push(s);
        v["changes"][0]["sources"] = json!(["S99"]);
    });
    let n = real()["sources"].as_array().unwrap().len();
    let m = assert_only(&w, &format!("$.sources[{n}]"), ProblemKind::Uncited);
    assert!(m.message.contains("S99"), "{}", m.message);
}

#[test]
fn a_role_that_ends_must_say_how_the_end_is_known() {
    let v = real();
    let af = state(&v, "AF");
    let w = warnings_after(|v| {
        v["states"][af]["roles"][1].as_object_mut().unwrap().remove("ends");
    });
    let m = assert_only(&w, &format!("$.states[{af}].roles[1].to"), ProblemKind::Ends);
    assert!(m.message.contains("last_record"), "{}", m.message);
    // Either answer satisfies the check; a one-day role (a meeting) needs none.
    let w = warnings_after(|v| v["states"][af]["roles"][1]["ends"] = json!("stated"));
    assert!(w.is_empty(), "{w:#?}");
    let cn = state(&v, "CN");
    assert!(v["states"][cn]["roles"][0]["ends"].is_null() && v["states"][cn]["roles"][0]["from"] == "2015-09-22");
    // Organisations' roles too.
    let undp = org(&v, "UNDP");
    let w = warnings_after(|v| {
        v["organisations"][undp]["roles"][1].as_object_mut().unwrap().remove("ends");
    });
    assert_only(&w, &format!("$.organisations[{undp}].roles[1].to"), ProblemKind::Ends);
}

#[test]
fn ends_is_an_error_when_misspelt_or_without_an_end_and_unknown_on_chair_terms() {
    let v = real();
    let af = state(&v, "AF");
    let kz = state(&v, "KZ");
    let t = term(&v, "chair-kz-1");
    for (edit, path, kind) in [
        (
            json!(["states", af, "roles", 1, "ends", "later"]),
            format!("$.states[{af}].roles[1].ends"),
            ProblemKind::Value,
        ),
        (
            json!(["states", kz, "roles", 1, "ends", "stated"]),
            format!("$.states[{kz}].roles[1].ends"),
            ProblemKind::Value,
        ),
        (json!(["chair_terms", t, "ends", "stated"]), format!("$.chair_terms[{t}].ends"), ProblemKind::UnknownKey),
    ] {
        let mut v = real();
        let e = edit.as_array().unwrap();
        let n = e.len();
        let mut target = &mut v;
        for k in &e[..n - 2] {
            target = match k {
                Value::String(s) => &mut target[s.as_str()],
                Value::Number(i) => &mut target[i.as_u64().unwrap() as usize],
                _ => unreachable!(),
            };
        }
        target[e[n - 2].as_str().unwrap()] = e[n - 1].clone();
        let errors = validate_value(&v).expect_err("refused");
        assert!(errors.iter().any(|p| p.path == path && p.kind == kind), "{path}: {errors:#?}");
    }
}

#[test]
fn a_year_span_in_a_title_must_match_the_event_or_a_chair_term_in_force() {
    let v = real();
    let e = ev(&v, "2023-03-28-som-online");
    let w =
        warnings_after(|v| v["events"][e]["outcomes"][0]["title"]["ru"] = json!("Председательство на 2023–2024 годы"));
    let m = assert_only(&w, &format!("$.events[{e}].outcomes[0].title"), ProblemKind::Years);
    assert!(m.message.contains("2023–2024") && m.message.contains("2023–2025"), "{}", m.message);
    // The chair term's own years, or the event's, are fine; so is a year alone or a range of
    // numbers that are not years next to other digits.
    for ok in ["Chairmanship for 2023–2025", "The 2023-2023 meeting", "Plan 2023", "Code 120231-20245"] {
        let w = warnings_after(|v| v["events"][e]["outcomes"][0]["title"]["en"] = json!(ok));
        assert!(w.is_empty(), "{ok}: {w:#?}");
    }
    // An event's title is checked too.
    let w = warnings_after(|v| v["events"][e]["title"]["en"] = json!("Senior Officials' Meeting 2019—2020"));
    assert_only(&w, &format!("$.events[{e}].title"), ProblemKind::Years);
}

#[test]
fn a_last_record_role_is_not_a_change_and_is_counted_apart() {
    use almaty_process::compare::{diff, RoleChange};
    use almaty_process::query::summary_on;
    let ds = parse_dataset(REAL).unwrap();
    // The ad hoc guests of IOM's 2016–2018 profile stay guests on record after 2018.
    let cn = ds.state_ix("CN").unwrap().0;
    let d = diff(&ds, day("2017-06-01"), day("2024-06-01"));
    assert_eq!(d[cn].role, RoleChange::Unchanged(Some(Role::Guest)));
    assert!(d.iter().all(|c| !matches!(c.role, RoleChange::Left(_))), "nobody is shown leaving: {d:?}");
    // Counted apart from the roles in force: Afghanistan is no member in the 2024 count.
    let s = summary_on(&ds, day("2024-06-01"));
    let stale = ds
        .states
        .iter()
        .filter(|st| role_on(st, day("2024-06-01")).is_some_and(|r| r.span.after_record(day("2024-06-01"))))
        .count();
    assert_eq!(s.last_record, stale);
    assert!(stale >= 10, "{stale}");
    let members = ds
        .states
        .iter()
        .filter(|st| {
            role_on(st, day("2024-06-01"))
                .is_some_and(|r| r.role == Role::Member && !r.span.after_record(day("2024-06-01")))
        })
        .count();
    assert_eq!(s.members, members);
    // Uzbekistan: a participant on record from 2019 until its 2023 request, then an applicant.
    let uz = ds.state("UZ").unwrap();
    assert_eq!(
        role_on(uz, day("2021-01-01")).map(|r| (r.role, r.span.after_record(day("2021-01-01")))),
        Some((Role::Participant, true))
    );
    assert_eq!(
        role_on(uz, day("2023-06-01")).map(|r| (r.role, r.span.after_record(day("2023-06-01")))),
        Some((Role::Applicant, false))
    );
}

#[test]
fn a_later_role_ends_a_last_record_role() {
    // A stronger role on record stops counting once any later role begins.
    let mut v = real();
    let af = state(&v, "AF");
    v["states"][af]["roles"].as_array_mut().unwrap().push(json!({
        "role": "observer", "from": "2022", "to": null, "sources": ["S19"], "confidence": "inferred"
    }));
    let ds = validate_value(&v).unwrap();
    let af = ds.state("AF").unwrap();
    assert_eq!(role_on(af, day("2021-01-01")).map(|r| r.role), Some(Role::Member));
    assert_eq!(role_on(af, day("2022-06-01")).map(|r| r.role), Some(Role::Observer));
    // A newer record that begins during it and runs past its end also ends it, even when
    // weaker: the guest role recorded to 2018 is what 2017 shows, and after 2018 nothing newer
    // than that guest role is on record, so the guest role is shown with its stated end passed
    // (no role), not the member role of 2015 again.
    let mut v = real();
    let i = state(&v, "AF");
    let roles = v["states"][i]["roles"].as_array_mut().unwrap();
    roles[1]["to"] = json!("2015-12-31");
    roles.push(json!({
        "role": "guest", "from": "2014", "to": "2018-12-31", "ends": "stated", "sources": ["S7"], "confidence": "inferred"
    }));
    let ds = validate_value(&v).unwrap();
    let af = ds.state("AF").unwrap();
    let on = |d: &str| role_on(af, day(d)).map(|r| (r.role, r.span.after_record(day(d))));
    assert_eq!(on("2015-06-01"), Some((Role::Member, false)));
    assert_eq!(on("2017-01-01"), Some((Role::Guest, false)));
    assert_eq!(on("2019-06-01"), Some((Role::Signatory, false)));
}

#[test]
fn the_change_log_is_checked_like_every_list() {
    let mut v = real();
    v["changes"][1]["id"] = v["changes"][0]["id"].clone();
    v["changes"][0]["sources"] = json!(["S404"]);
    v["changes"][0].as_object_mut().unwrap().remove("why");
    let errors = validate_value(&v).expect_err("refused");
    for (path, kind) in [
        ("$.changes[1].id", ProblemKind::Duplicate),
        ("$.changes[0].sources[0]", ProblemKind::Reference),
        ("$.changes[0].why", ProblemKind::Missing),
    ] {
        assert!(errors.iter().any(|p| p.path == path && p.kind == kind), "{path}: {errors:#?}");
    }
    // The bundled log: newest first, every entry in both languages.
    let ds = parse_dataset(REAL).unwrap();
    assert!(!ds.changes.is_empty());
    assert!(ds.changes.windows(2).all(|w| w[0].date.first_day() >= w[1].date.first_day()));
    assert_eq!(ds.changes[0].date, ds.updated);
}

fn day(s: &str) -> i32 {
    Date::parse(s).unwrap().first_day()
}

#[test]
fn the_second_audit_corrections_hold() {
    let ds = parse_dataset(REAL).unwrap();
    // Russia is a guest of IOM's 2016–2018 profile like the eight others of the same list.
    let guests: Vec<&str> = ds
        .states
        .iter()
        .filter(|s| s.roles.iter().any(|r| r.role == Role::Guest && r.span.sources[0] == "S7" && r.span.last_record))
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(guests, ["RU", "CN", "US", "FR", "CH", "UA", "JP", "GB", "PS"]);
    // Azerbaijan's term: inferred, and no title calls it 2023–2024.
    let az = ds.chair_terms.iter().find(|t| t.id == "chair-az-1").unwrap();
    assert_eq!(az.span.confidence, almaty_process::model::Confidence::Inferred);
    assert!(ds.events.iter().all(|e| e.outcomes.iter().all(|o| !o.title.0["en"].contains("2023–2024"))));
    // The seed's wording is back.
    for phrase in ["for those in need", "made significant strides", "a series of consultations and conferences"] {
        assert!(REAL.contains(phrase), "{phrase}");
    }
    // One spelling of one person; the Kyrgyz service by its own Russian name.
    assert_eq!(REAL.matches("Asanbayev").count(), 1);
    assert!(!REAL.contains("Государственной миграционной службы Кыргызстана"));
    assert!(REAL.contains("Государственной службы миграции при Правительстве Кыргызской Республики"));
    // Turkey before 2022, in the January 2021 summary.
    let jan21 = ds.events.iter().find(|e| e.start.to_string() == "2021-01-27").unwrap();
    assert!(!jan21.summary.0["en"].contains("Türkiye"), "{}", jan21.summary.0["en"]);
    // The newer IOM page's readings are disputes, not changes of role.
    for (id, code) in [("C14", "TM"), ("C15", "IT")] {
        let d = ds.disputes.iter().find(|d| d.id == id).unwrap();
        assert_eq!(d.subject_id, code);
        assert!(d.readings.iter().any(|r| r.sources == ["S37"]));
    }
    assert!(ds.state("TM").unwrap().roles.iter().all(|r| r.role != Role::Observer));
}

use super::ops::{Draft, Op};
use super::path::Path;
use super::records::*;
use super::*;
use serde_json::json;

fn bundled() -> Value {
    serde_json::from_str(include_str!("../../public/data/dataset.json")).unwrap()
}

fn p(s: &str) -> Path {
    Path::parse(s).unwrap()
}

#[test]
fn the_bundled_file_opens_and_has_no_errors() {
    let doc = open(include_bytes!("../../public/data/dataset.json")).unwrap();
    assert_eq!(counts(&problems(&doc)).0, 0);
}

#[test]
fn bad_files_are_refused_with_the_reason() {
    assert!(matches!(open(b"{\"format_version\": 1,"), Err(OpenError::NotJson(m)) if m.contains("line 1")));
    assert!(matches!(open(b"<html></html>"), Err(OpenError::NotJson(_))));
    assert!(matches!(open(&[0xff, 0xfe]), Err(OpenError::NotJson(_))));
    assert_eq!(open(b"{\"format_version\": 2}"), Err(OpenError::Version(Some("2".into()))));
    assert_eq!(open(b"[1, 2]"), Err(OpenError::Version(None)));
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert_eq!(open(&big), Err(OpenError::TooLarge { bytes: MAX_FILE_BYTES + 1 }));
    // Broken content still opens: its problems show at their paths.
    let doc = open(b"\xef\xbb\xbf{\"format_version\": 1, \"events\": [{\"start\": \"2011-02-30\"}]}").unwrap();
    assert!(problems(&doc).iter().any(|p| p.path == "$.events[0].start"));
}

#[test]
fn the_thirtieth_of_february_is_an_error_at_its_path_until_fixed() {
    let mut d = Draft::new(bundled());
    d.type_into(p("$.events[3].start"), Some(json!("2013-02-30"))).unwrap();
    let found = problems(d.doc());
    let e = found.iter().find(|p| p.path == "$.events[3].start").expect("an error at the date");
    assert!(!e.kind.is_warning());
    d.type_into(p("$.events[3].start"), Some(json!("2013-02-28"))).unwrap();
    assert!(!problems(d.doc()).iter().any(|p| p.path == "$.events[3].start"));
}

#[test]
fn references_to_a_source_are_found_everywhere_it_is_cited() {
    let doc = bundled();
    let id = id_of(&records(&doc, Kind::Source)[0], Kind::Source).unwrap().to_string();
    let refs = references(&doc, Kind::Source, &id);
    assert!(!refs.is_empty());
    for r in &refs {
        assert_eq!(r.get(&doc), Some(&json!(id)), "{r}");
        assert!(!r.to_string().starts_with("$.sources["), "the source list itself is not a reference: {r}");
    }
    // Exactly the strings equal to the id inside "sources" lists: count them independently.
    let text = serde_json::to_string(&doc).unwrap();
    let quoted = format!("\"{id}\"");
    let total = text.matches(&quoted).count();
    assert_eq!(refs.len(), total - 1, "every mention but the record's own id");
}

#[test]
fn renaming_an_id_updates_every_reference_and_keeps_the_file_valid() {
    for kind in [Kind::State, Kind::Source, Kind::Organisation, Kind::Event, Kind::ChairTerm] {
        let doc = bundled();
        // The record with the most references.
        let (at, old, n) = records(&doc, kind)
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let id = id_of(r, kind).unwrap().to_string();
                let n = references(&doc, kind, &id).len();
                (i, id, n)
            })
            .max_by_key(|x| x.2)
            .unwrap();
        let new = if kind == Kind::State { "QQ".to_string() } else { format!("{old}-renamed") };
        let mut d = Draft::new(doc.clone());
        d.edit(rename(&doc, kind, at, &new)).unwrap();
        assert!(references(d.doc(), kind, &old).is_empty(), "{kind:?}");
        assert_eq!(references(d.doc(), kind, &new).len(), n, "{kind:?}");
        assert_eq!(counts(&problems(d.doc())).0, 0, "{kind:?}: {:?}", problems(d.doc()));
        // One undo step restores it all.
        assert!(d.undo());
        assert_eq!(d.doc(), &doc);
    }
}

#[test]
fn deleting_a_record_that_others_cite_names_them() {
    let doc = bundled();
    let kz = find(&doc, Kind::State, "KZ").expect("Kazakhstan is in the bundled file");
    let (op, refs) = delete(&doc, Kind::State, kz).unwrap();
    assert!(!refs.is_empty());
    let mut d = Draft::new(doc.clone());
    d.edit(vec![op]).unwrap();
    let found = problems(d.doc());
    for r in &refs {
        assert!(found.iter().any(|p| p.path == r.to_string()), "dangling {r} is reported");
    }
    // A dispute is cited by nobody.
    let (_, none) = delete(&doc, Kind::Dispute, 0).unwrap();
    assert!(none.is_empty());
}

#[test]
fn new_records_have_fresh_ids_and_show_what_is_missing() {
    let doc = bundled();
    for kind in Kind::ALL {
        let (ops, at) = add(&doc, kind);
        let mut d = Draft::new(doc.clone());
        d.edit(ops).unwrap();
        let rec = &records(d.doc(), kind)[at];
        if kind != Kind::State {
            let id = id_of(rec, kind).unwrap();
            assert_eq!(uses(d.doc(), kind, id), 1);
        }
        let path = kind.path().index(at).to_string();
        assert!(problems(d.doc()).iter().any(|p| within(p, &path)), "{kind:?}: a blank record is not valid yet");
    }
    let (ops, _) = add(&doc, Kind::Event);
    let mut d = Draft::new(doc.clone());
    d.edit(ops).unwrap();
    let (ops, _) = add(d.doc(), Kind::Event);
    d.edit(ops).unwrap();
    let ids: Vec<_> =
        records(d.doc(), Kind::Event).iter().rev().take(2).map(|r| id_of(r, Kind::Event).unwrap()).collect();
    assert_eq!(ids, ["new-event-2", "new-event"]);
}

#[test]
fn an_event_added_and_filled_in_is_valid() {
    let doc = bundled();
    let (ops, at) = add(&doc, Kind::Event);
    let mut d = Draft::new(doc.clone());
    d.edit(ops).unwrap();
    let e = Kind::Event.path().index(at);
    let source = id_of(&records(&doc, Kind::Source)[0], Kind::Source).unwrap().to_string();
    let set = |k: &str, v: Value| Op::Set { path: Path::parse(&format!("{e}.{k}")).unwrap(), value: Some(v) };
    d.edit(vec![
        set("id", json!("test-meeting")),
        set("start", json!("2025-06")),
        set("level", json!("thematic")),
        set("title.en", json!("A test meeting")),
        set("title.ru", json!("Тестовая встреча")),
        set("summary.en", json!("Summary.")),
        set("summary.ru", json!("Резюме.")),
        set("confidence", json!("seen")),
        Op::Insert { list: e.key("sources"), at: 0, value: json!(source) },
        Op::Insert { list: e.key("participants"), at: 0, value: template_item(&doc, "participants") },
    ])
    .unwrap();
    // The participant still needs a state and a role.
    assert!(problems(d.doc()).iter().any(|p| p.path == format!("{e}.participants[0].state")));
    d.edit(vec![set("participants[0].state", json!("KZ")), set("participants[0].role", json!("participant"))]).unwrap();
    assert_eq!(counts(&problems(d.doc())).0, 0, "{:?}", problems(d.doc()));
}

#[test]
fn duplicating_copies_under_a_fresh_id() {
    let doc = bundled();
    let (ops, at) = duplicate(&doc, Kind::Event, 0).unwrap();
    let mut d = Draft::new(doc.clone());
    d.edit(ops).unwrap();
    let copy = &records(d.doc(), Kind::Event)[at];
    let orig = id_of(&records(&doc, Kind::Event)[0], Kind::Event).unwrap();
    assert_eq!(id_of(copy, Kind::Event), Some(format!("{orig}-copy").as_str()));
    assert_eq!(copy["title"], records(&doc, Kind::Event)[0]["title"]);
    assert_eq!(counts(&problems(d.doc())).0, 0);
}

#[test]
fn changes_since_opening_are_counted_by_id() {
    let doc = bundled();
    let mut d = Draft::new(doc.clone());
    let (ops, _) = add(&doc, Kind::Source);
    d.edit(ops).unwrap();
    d.type_into(p("$.events[0].title.en"), Some(json!("Changed"))).unwrap();
    let (op, _) = delete(d.doc(), Kind::Dispute, 0).unwrap();
    let gone = id_of(&records(&doc, Kind::Dispute)[0], Kind::Dispute).unwrap().to_string();
    d.edit(vec![op]).unwrap();
    d.type_into(p("$.updated"), Some(json!("2026-12-31"))).unwrap();
    let c = changes::diff(&doc, d.doc());
    assert_eq!(c.totals(), (1, 1, 1));
    let get = |k: Kind| c.kinds.iter().find(|(x, _)| *x == k).unwrap().1.clone();
    assert_eq!(get(Kind::Source).added, ["new-source"]);
    assert_eq!(get(Kind::Event).changed, [id_of(&records(&doc, Kind::Event)[0], Kind::Event).unwrap()]);
    assert_eq!(get(Kind::Dispute).removed, [gone]);
    assert_eq!(c.fields, ["updated"]);
    assert!(changes::diff(&doc, &doc).is_empty());
}

#[test]
fn every_key_the_validator_allows_has_a_form_field() {
    // The forms are drawn from schema tables; a key missing there could not be edited.
    let schema: Value = serde_json::from_str(include_str!("../../public/data/dataset.schema.json")).unwrap();
    let defs = &schema["$defs"];
    let keys = |name: &str| -> Vec<String> { defs[name]["properties"].as_object().unwrap().keys().cloned().collect() };
    let has = |fields: &[schema::Field], k: &str| fields.iter().any(|f| f.key == k);
    for (kind, def) in [
        (Kind::Event, "Event"),
        (Kind::State, "State"),
        (Kind::ChairTerm, "ChairTerm"),
        (Kind::Source, "Source"),
        (Kind::Dispute, "Dispute"),
        (Kind::Organisation, "Organisation"),
    ] {
        for k in keys(def) {
            if kind == Kind::State && k == "grid" {
                continue; // a manual tile position: kept as it is, not edited in forms
            }
            assert!(has(schema::fields(kind), &k), "{def}.{k} has no form field");
        }
    }
    let sub = |kind: Kind, key: &str| match schema::fields(kind).iter().find(|f| f.key == key).unwrap().widget {
        schema::Widget::Items(f) | schema::Widget::Object(f) => f,
        w => panic!("{key}: {w:?}"),
    };
    for (kind, key, def) in [
        (Kind::Event, "participants", "Participant"),
        (Kind::Event, "organisations", "OrgParticipant"),
        (Kind::Event, "outcomes", "Outcome"),
        (Kind::State, "names", "StateName"),
        (Kind::State, "capital", "Capital"),
        (Kind::Dispute, "readings", "Reading"),
    ] {
        for k in keys(def) {
            assert!(has(sub(kind, key), &k), "{def}.{k} has no form field");
        }
    }
    for (kind, def) in [(Kind::State, "RoleSpan"), (Kind::Organisation, "OrgRoleSpan")] {
        for k in keys(def) {
            assert!(has(sub(kind, "roles"), &k), "{def}.{k} has no form field");
        }
    }
}

#[test]
fn paths_in_problems_parse_and_point_into_the_tree() {
    let mut doc = bundled();
    doc["events"][2]["start"] = json!("2012-13-01");
    doc["states"][1]["capital"]["lat"] = json!(200);
    for pr in problems(&doc) {
        let path = Path::parse(&pr.path).unwrap_or_else(|| panic!("{} does not parse", pr.path));
        assert!(path.get(&doc).is_some(), "{} points at nothing", pr.path);
    }
}

#[test]
fn renaming_onto_a_taken_id_and_back_leaves_the_references_alone() {
    let doc = bundled();
    let kz = find(&doc, Kind::State, "KZ").unwrap();
    let before = references(&doc, Kind::State, "KZ");
    let mut d = Draft::new(doc.clone());
    d.edit(rename(&doc, Kind::State, kz, "KG")).unwrap();
    // Two states are KG now: the validator says so, and no reference moved to either.
    assert!(problems(d.doc()).iter().any(|p| p.path.starts_with("$.states[") && p.path.ends_with("].code")));
    assert_eq!(references(d.doc(), Kind::State, "KZ"), before);
    let back = rename(d.doc(), Kind::State, kz, "KZ");
    d.edit(back).unwrap();
    assert_eq!(d.doc(), &doc);
}

#[test]
fn blank_texts_show_beside_errors_but_not_twice_at_one_field() {
    let doc = bundled();
    let (ops, at) = add(&doc, Kind::Event);
    let mut d = Draft::new(doc);
    d.edit(ops).unwrap();
    let found = problems(d.doc());
    let e = Kind::Event.path().index(at);
    assert!(found.iter().any(|p| p.path == format!("{e}.title.en") && p.kind.is_warning()), "{found:?}");
    let at_start: Vec<_> = found.iter().filter(|p| p.path == format!("{e}.start")).collect();
    assert_eq!(at_start.len(), 1, "{at_start:?}");
    assert!(!at_start[0].kind.is_warning());
}

#[test]
fn a_detailed_diff_names_each_record_and_field() {
    use changes::{detailed, Change};
    let doc = bundled();
    let mut after = doc.clone();
    after["events"][2]["title"]["en"] = json!("Changed");
    after["events"][2]["sources"] = json!([]);
    after["updated"] = json!("2026-12-31");
    let gone = after["disputes"].as_array_mut().unwrap().remove(0);
    after["sources"].as_array_mut().unwrap().push(json!({"id": "new-src"}));
    let d = detailed(&doc, &after);
    let event = id_of(&records(&doc, Kind::Event)[2], Kind::Event).unwrap();
    assert!(d.iter().any(|r| r.kind.is_none() && r.change == Change::Changed(vec!["updated".into()])));
    assert!(d.iter().any(|r| r.kind == Some(Kind::Event)
        && r.id == event
        && r.change == Change::Changed(vec!["sources".into(), "title".into()])));
    assert!(d.iter().any(|r| r.kind == Some(Kind::Dispute) && r.id == gone["id"] && r.change == Change::Removed));
    assert!(d.iter().any(|r| r.kind == Some(Kind::Source) && r.id == "new-src" && r.change == Change::Added));
    assert_eq!(d.len(), 4, "{d:?}");
    assert!(detailed(&doc, &doc).is_empty());
}

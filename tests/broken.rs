//! Broken dataset files: each test breaks the small valid fixture in one way (or feeds a file
//! that is not a dataset at all) and checks that the validator names exactly that problem, by
//! JSON path and kind, without panicking.

use almaty_process::validate::{
    parse_bytes, parse_dataset, Problem, ProblemKind, MAX_FILE_BYTES, MAX_PROBLEMS, MAX_TEXT_CHARS,
};
use serde_json::{json, Value};

const SMALL: &str = include_str!("fixtures/small.json");

fn fixture() -> Value {
    serde_json::from_str(SMALL).expect("fixture is JSON")
}

/// The problems reported for the fixture after `mutate` has changed it.
fn problems_after(mutate: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v = fixture();
    mutate(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    problems_of(&text)
}

fn problems_of(text: &str) -> Vec<Problem> {
    match parse_dataset(text) {
        Ok(_) => panic!("the broken input was accepted"),
        Err(p) => p,
    }
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {:?} {}: {}", p.kind, p.path, p.message)).collect::<Vec<_>>().join("\n")
}

/// Asserts that one of `problems` is of `kind` at `path`, and returns it.
fn assert_problem<'a>(problems: &'a [Problem], path: &str, kind: ProblemKind) -> &'a Problem {
    problems.iter().find(|p| p.path == path && p.kind == kind).unwrap_or_else(|| {
        panic!("expected {kind:?} at {path}; got {} problem(s):\n{}", problems.len(), listing(problems))
    })
}

/// Asserts that `problems` is exactly one problem, of `kind` at `path`, and returns it.
fn assert_only<'a>(problems: &'a [Problem], path: &str, kind: ProblemKind) -> &'a Problem {
    let p = assert_problem(problems, path, kind);
    assert_eq!(problems.len(), 1, "expected only {kind:?} at {path}; got:\n{}", listing(problems));
    p
}

fn assert_ok(v: &Value) {
    let text = serde_json::to_string(v).unwrap();
    if let Err(p) = parse_dataset(&text) {
        panic!("expected the dataset to be valid; got:\n{}", listing(&p));
    }
}

/// A dispute about the 2013 ministerial with the given readings.
fn dispute(readings: Vec<Value>) -> Value {
    json!({
        "id": "C1",
        "subject": { "kind": "event", "id": "2013-06-05-ministerial" },
        "field": "place",
        "summary": { "en": "Where it was held.", "ru": "Где она прошла." },
        "readings": readings,
    })
}

fn reading(en: &str, source: &str) -> Value {
    json!({ "text": { "en": en, "ru": en }, "sources": [source] })
}

// ---------------------------------------------------------------------------------------------
// The fixture itself

#[test]
fn the_unbroken_fixture_is_valid() {
    let ds = parse_dataset(SMALL).unwrap_or_else(|p| panic!("{}", listing(&p)));
    assert_eq!(ds.events.len(), 3);
    assert_eq!(ds.states.len(), 10);
    assert_eq!(ds.chair_terms.len(), 1);
    // The round trip through serde_json used by the helpers keeps it valid.
    assert_ok(&fixture());
}

// ---------------------------------------------------------------------------------------------
// Files that are not JSON, or not a dataset at all

#[test]
fn malformed_json_names_line_and_column() {
    // Drop the colon after "id" on line 3: ` "id" "almaty-process",`.
    let text = SMALL.replacen("\"id\": \"almaty-process\"", "\"id\" \"almaty-process\"", 1);
    let problems = problems_of(&text);
    let p = assert_only(&problems, "$", ProblemKind::Syntax);
    assert!(p.message.starts_with("the file is not valid JSON"), "{}", p.message);
    assert!(p.message.contains("expected `:`"), "{}", p.message);
    assert!(p.message.contains("(line 3, column 7)"), "{}", p.message);
}

#[test]
fn trailing_comma_names_its_line() {
    // ` "updated": "2026-11-28",` becomes the last key of the top-level object.
    let at = SMALL.find("\n \"sources\"").unwrap();
    let text = format!("{}\n}}\n", &SMALL[..at]);
    let line = text.lines().count();
    let problems = problems_of(&text);
    let p = assert_only(&problems, "$", ProblemKind::Syntax);
    assert!(p.message.contains("trailing comma"), "{}", p.message);
    assert!(p.message.contains(&format!("(line {line}, column 1)")), "{}", p.message);
}

#[test]
fn truncated_file_ends_too_early() {
    // Cut in the middle of the file (on a character boundary): the error is at its last line.
    let mut at = SMALL.len() / 2;
    while !SMALL.is_char_boundary(at) {
        at -= 1;
    }
    let text = &SMALL[..at];
    let problems = problems_of(text);
    let p = assert_only(&problems, "$", ProblemKind::Syntax);
    assert!(p.message.starts_with("the file ends too early"), "{}", p.message);
    let last_line = text.lines().count();
    assert!(p.message.contains(&format!("(line {last_line}, column ")), "{}", p.message);
    // Cut right after the opening brace, and mid-way through a string.
    assert!(problems_of("{").iter().all(|p| p.message.contains("ends too early")));
    let problems = problems_of("{\"id\": \"almaty");
    assert!(assert_only(&problems, "$", ProblemKind::Syntax).message.contains("ends too early"));
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "   \n\t\r\n"] {
        let problems = problems_of(text);
        let p = assert_only(&problems, "$", ProblemKind::Syntax);
        assert_eq!(p.message, "the file is empty", "{text:?}");
    }
    let problems = parse_bytes(b"").unwrap_err();
    assert_eq!(assert_only(&problems, "$", ProblemKind::Syntax).message, "the file is empty");
}

#[test]
fn null_document_is_a_type_problem() {
    let problems = problems_of("null");
    let p = assert_only(&problems, "$", ProblemKind::Type);
    assert!(p.message.contains("found null"), "{}", p.message);
}

#[test]
fn top_level_array_is_a_type_problem() {
    let text = format!("[{SMALL}]");
    let problems = problems_of(&text);
    let p = assert_only(&problems, "$", ProblemKind::Type);
    assert!(p.message.contains("expected an object, found an array"), "{}", p.message);
    for other in ["42", "\"dataset\"", "true"] {
        assert_only(&problems_of(other), "$", ProblemKind::Type);
    }
}

#[test]
fn invalid_utf8_bytes_are_a_syntax_problem_with_position() {
    // A Latin-1 "é" (0xE9) in the middle of line 3.
    let mut bytes = SMALL.as_bytes().to_vec();
    let at = SMALL.find("almaty-process").unwrap();
    bytes[at] = 0xE9;
    let problems = parse_bytes(&bytes).unwrap_err();
    let p = assert_only(&problems, "$", ProblemKind::Syntax);
    assert!(p.message.contains("not UTF-8"), "{}", p.message);
    assert!(p.message.contains("(line 3, column 9)"), "{}", p.message);
    // A lone continuation byte and a truncated sequence at the very end.
    for bad in [&b"\x80"[..], &b"{\"id\": \"\xE2\x82"[..], &b"\xFF\xFE{}"[..]] {
        assert_only(&parse_bytes(bad).unwrap_err(), "$", ProblemKind::Syntax);
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    // Valid JSON padded with whitespace to one byte over the limit: refused for its size alone.
    let mut text = String::from(SMALL);
    text.push_str(&" ".repeat(MAX_FILE_BYTES + 1 - text.len()));
    assert_eq!(text.len(), MAX_FILE_BYTES + 1);
    let problems = problems_of(&text);
    let p = assert_only(&problems, "$", ProblemKind::Limit);
    assert!(p.message.contains(&format!("{}", MAX_FILE_BYTES + 1)), "{}", p.message);
    assert!(p.message.contains("80 MB"), "{}", p.message);
    let problems = parse_bytes(text.as_bytes()).unwrap_err();
    assert_only(&problems, "$", ProblemKind::Limit);
    // Exactly at the limit is read (and valid).
    text.pop();
    assert!(parse_dataset(&text).is_ok());
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let brackets = "[".repeat(10_000);
    let p = assert_only(&problems_of(&brackets), "$", ProblemKind::Syntax).clone();
    assert!(p.message.contains("recursion limit"), "{}", p.message);
    let closed = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_only(&problems_of(&closed), "$", ProblemKind::Syntax);
    let objects = "{\"a\":".repeat(10_000);
    assert_only(&problems_of(&objects), "$", ProblemKind::Syntax);
    // Deep but within serde_json's limit, inside an otherwise valid dataset: a type problem.
    let nested = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let text = SMALL.replacen("\"updated\": \"2026-11-28\"", &format!("\"updated\": {nested}"), 1);
    assert_only(&problems_of(&text), "$.updated", ProblemKind::Type);
}

#[test]
fn html_instead_of_json_is_named() {
    let html = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body></body></html>\n";
    let problems = problems_of(html);
    let p = assert_only(&problems, "$", ProblemKind::Syntax);
    assert!(p.message.contains("HTML"), "{}", p.message);
    assert!(p.message.contains("line 1, column 1"), "{}", p.message);
    // Also with leading whitespace, through parse_bytes.
    let problems = parse_bytes(format!("\n  {html}").as_bytes()).unwrap_err();
    assert!(assert_only(&problems, "$", ProblemKind::Syntax).message.contains("HTML"));
}

// ---------------------------------------------------------------------------------------------
// One field wrong

#[test]
fn title_that_is_a_number_is_a_type_problem() {
    let problems = problems_after(|v| v["events"][0]["title"] = json!(42));
    let p = assert_only(&problems, "$.events[0].title", ProblemKind::Type);
    assert!(p.message.contains("found a number"), "{}", p.message);
}

#[test]
fn wrong_types_deeper_down() {
    let problems = problems_after(|v| v["events"][1]["uncertain"] = json!("yes"));
    assert_only(&problems, "$.events[1].uncertain", ProblemKind::Type);
    let problems = problems_after(|v| v["states"][3]["capital"]["lat"] = json!("43.2"));
    assert_only(&problems, "$.states[3].capital.lat", ProblemKind::Type);
    let problems = problems_after(|v| v["events"][2]["participants"] = json!({"state": "KZ"}));
    assert_only(&problems, "$.events[2].participants", ProblemKind::Type);
    let problems = problems_after(|v| v["events"][0]["summary"]["en"] = json!(["a"]));
    assert_only(&problems, "$.events[0].summary.en", ProblemKind::Type);
}

#[test]
fn missing_required_field() {
    let problems = problems_after(|v| {
        v["events"][0].as_object_mut().unwrap().remove("level");
    });
    let p = assert_only(&problems, "$.events[0].level", ProblemKind::Missing);
    assert!(p.message.contains("\"level\" is missing"), "{}", p.message);
}

#[test]
fn missing_span_end_is_named() {
    // `to` must be present (null for no end); leaving it out is a Missing problem.
    let problems = problems_after(|v| {
        v["chair_terms"][0].as_object_mut().unwrap().remove("to");
    });
    assert_only(&problems, "$.chair_terms[0].to", ProblemKind::Missing);
}

#[test]
fn misspelt_key_is_an_unknown_key() {
    // Renaming "summary" to "sumary": the typo is named, and so is the missing "summary".
    let problems = problems_after(|v| {
        let e = v["events"][2].as_object_mut().unwrap();
        let s = e.remove("summary").unwrap();
        e.insert("sumary".into(), s);
    });
    let p = assert_problem(&problems, "$.events[2].sumary", ProblemKind::UnknownKey);
    assert!(p.message.contains("summary"), "the message lists the allowed keys: {}", p.message);
    assert_problem(&problems, "$.events[2].summary", ProblemKind::Missing);
    assert_eq!(problems.len(), 2, "{}", listing(&problems));
    // An extra key on its own is the only problem.
    let problems = problems_after(|v| v["states"][0]["capitol"] = json!("Kabul"));
    assert_only(&problems, "$.states[0].capitol", ProblemKind::UnknownKey);
}

#[test]
fn unknown_state_in_participants_is_a_reference_problem() {
    let problems = problems_after(|v| v["events"][2]["participants"][3]["state"] = json!("XX"));
    let p = assert_only(&problems, "$.events[2].participants[3].state", ProblemKind::Reference);
    assert!(p.message.contains("\"XX\""), "{}", p.message);
    // A malformed code is a Value problem, not a Reference one.
    let problems = problems_after(|v| v["events"][2]["participants"][3]["state"] = json!("kz"));
    assert_only(&problems, "$.events[2].participants[3].state", ProblemKind::Value);
}

#[test]
fn unknown_source_id_is_a_reference_problem() {
    let problems = problems_after(|v| v["events"][1]["sources"][1] = json!("S999"));
    let p = assert_only(&problems, "$.events[1].sources[1]", ProblemKind::Reference);
    assert!(p.message.contains("S999"), "{}", p.message);
    let problems = problems_after(|v| v["chair_terms"][0]["sources"][0] = json!("S7"));
    assert_only(&problems, "$.chair_terms[0].sources[0]", ProblemKind::Reference);
}

#[test]
fn duplicate_event_id() {
    let problems = problems_after(|v| v["events"][1]["id"] = v["events"][0]["id"].clone());
    let p = assert_only(&problems, "$.events[1].id", ProblemKind::Duplicate);
    assert!(p.message.contains("$.events[0]"), "{}", p.message);
}

#[test]
fn duplicate_state_code() {
    let problems = problems_after(|v| {
        let first = v["states"][0].clone();
        v["states"].as_array_mut().unwrap().push(first);
    });
    let p = assert_only(&problems, "$.states[10].code", ProblemKind::Duplicate);
    assert!(p.message.contains("\"AF\""), "{}", p.message);
}

#[test]
fn duplicate_participant_state() {
    let problems = problems_after(|v| v["events"][2]["participants"][1]["state"] = json!("AF"));
    assert_only(&problems, "$.events[2].participants[1].state", ProblemKind::Duplicate);
}

#[test]
fn impossible_date() {
    let problems = problems_after(|v| v["events"][0]["start"] = json!("2013-02-30"));
    let p = assert_only(&problems, "$.events[0].start", ProblemKind::Date);
    assert!(p.message.contains("2013-02 has no day 30"), "{}", p.message);
    for bad in ["2013-13", "1850", "2013/06/05", "13-06-2013", ""] {
        let problems = problems_after(|v| v["events"][2]["start"] = json!(bad));
        assert_only(&problems, "$.events[2].start", ProblemKind::Date);
    }
}

#[test]
fn end_before_start() {
    // The conference ran 14–16 March 2011; an end in February is before its start.
    let problems = problems_after(|v| v["events"][0]["end"] = json!("2011-02"));
    let p = assert_only(&problems, "$.events[0].end", ProblemKind::Order);
    assert!(p.message.contains("2011-02") && p.message.contains("2011-03-14"), "{}", p.message);
    // An end in the same month (month precision) is not before the start.
    let mut v = fixture();
    v["events"][0]["end"] = json!("2011-03");
    assert_ok(&v);
}

#[test]
fn chair_terms_that_overlap() {
    // KZ chairs 2013-06-05 to 2016-11; a KG term from 2014-01 to 2015 overlaps it.
    let problems = problems_after(|v| {
        let mut kg = v["chair_terms"][0].clone();
        kg["id"] = json!("chair-kg-x");
        kg["state"] = json!("KG");
        kg["from"] = json!("2014-01");
        kg["to"] = json!("2015");
        v["chair_terms"].as_array_mut().unwrap().push(kg);
    });
    let p = assert_only(&problems, "$.chair_terms[1].from", ProblemKind::Overlap);
    assert!(p.message.contains("KG") && p.message.contains("KZ"), "{}", p.message);
}

#[test]
fn chair_handover_in_the_same_month_is_allowed() {
    let mut v = fixture();
    let mut kg = v["chair_terms"][0].clone();
    kg["id"] = json!("chair-kg-1");
    kg["state"] = json!("KG");
    kg["from"] = json!("2016-11");
    kg["to"] = json!(null);
    v["chair_terms"].as_array_mut().unwrap().push(kg);
    assert_ok(&v);
}

#[test]
fn text_without_one_of_the_languages() {
    let problems = problems_after(|v| {
        v["events"][0]["title"].as_object_mut().unwrap().remove("ru");
    });
    let p = assert_only(&problems, "$.events[0].title.ru", ProblemKind::Language);
    assert!(p.message.contains("\"ru\""), "{}", p.message);
}

#[test]
fn javascript_link_in_a_source() {
    let problems = problems_after(|v| v["sources"][1]["url"] = json!("javascript:alert(1)"));
    let p = assert_only(&problems, "$.sources[1].url", ProblemKind::Link);
    assert!(p.message.contains("javascript:alert(1)"), "{}", p.message);
    for bad in ["ftp://example.org/x", "//example.org/x", "https://", "https://exa mple.org", "data:text/html,x"] {
        let problems = problems_after(|v| v["sources"][2]["url"] = json!(bad));
        assert_only(&problems, "$.sources[2].url", ProblemKind::Link);
    }
}

#[test]
fn unsupported_format_version() {
    let problems = problems_after(|v| v["format_version"] = json!(2));
    let p = assert_only(&problems, "$.format_version", ProblemKind::Value);
    assert!(p.message.contains("version 2"), "{}", p.message);
    let problems = problems_after(|v| v["format_version"] = json!("1"));
    assert_only(&problems, "$.format_version", ProblemKind::Type);
}

#[test]
fn level_outside_its_set() {
    let problems = problems_after(|v| v["events"][1]["level"] = json!("summit"));
    let p = assert_only(&problems, "$.events[1].level", ProblemKind::Value);
    assert!(p.message.contains("\"summit\"") && p.message.contains("ministerial"), "{}", p.message);
}

#[test]
fn text_longer_than_the_limit() {
    let problems = problems_after(|v| v["events"][0]["summary"]["en"] = json!("x".repeat(MAX_TEXT_CHARS + 1)));
    assert_only(&problems, "$.events[0].summary.en", ProblemKind::Limit);
    // The limit counts characters, not bytes: 5,000 Cyrillic letters (10,000 bytes) are fine.
    let mut v = fixture();
    v["events"][0]["summary"]["ru"] = json!("я".repeat(MAX_TEXT_CHARS));
    assert_ok(&v);
}

#[test]
fn dispute_with_one_reading() {
    let problems = problems_after(|v| v["disputes"] = json!([dispute(vec![reading("Almaty", "SEED")])]));
    let p = assert_only(&problems, "$.disputes[0].readings", ProblemKind::Missing);
    assert!(p.message.contains("two readings"), "{}", p.message);
    // The same dispute with two readings is valid.
    let mut v = fixture();
    v["disputes"] = json!([dispute(vec![reading("Almaty", "SEED"), reading("Astana", "S2")])]);
    assert_ok(&v);
}

#[test]
fn dispute_about_nothing_is_a_reference_problem() {
    let problems = problems_after(|v| {
        let mut d = dispute(vec![reading("Almaty", "SEED"), reading("Astana", "S2")]);
        d["subject"]["id"] = json!("2099-01-01-nothing");
        v["disputes"] = json!([d]);
    });
    assert_only(&problems, "$.disputes[0].subject.id", ProblemKind::Reference);
}

// ---------------------------------------------------------------------------------------------
// Several problems at once

#[test]
fn independent_problems_are_all_reported_in_one_run() {
    let problems = problems_after(|v| {
        v["events"][0]["start"] = json!("2013-02-30");
        v["states"][4]["capital"]["lat"] = json!(123.0);
        v["sources"][1]["url"] = json!("javascript:alert(1)");
    });
    assert_problem(&problems, "$.events[0].start", ProblemKind::Date);
    assert_problem(&problems, "$.states[4].capital.lat", ProblemKind::Value);
    assert_problem(&problems, "$.sources[1].url", ProblemKind::Link);
    assert_eq!(problems.len(), 3, "{}", listing(&problems));
}

#[test]
fn cross_reference_problems_in_different_lists_are_all_reported() {
    let problems = problems_after(|v| {
        v["events"][0]["participants"][0]["state"] = json!("XX");
        v["events"][1]["sources"][0] = json!("NOPE");
        v["events"][2]["organisations"][0]["org"] = json!("OSCE");
        v["events"][2]["id"] = v["events"][1]["id"].clone();
    });
    assert_problem(&problems, "$.events[0].participants[0].state", ProblemKind::Reference);
    assert_problem(&problems, "$.events[1].sources[0]", ProblemKind::Reference);
    assert_problem(&problems, "$.events[2].organisations[0].org", ProblemKind::Reference);
    assert_problem(&problems, "$.events[2].id", ProblemKind::Duplicate);
    assert_eq!(problems.len(), 4, "{}", listing(&problems));
}

#[test]
fn a_flood_of_problems_is_capped_with_a_summary_line() {
    // 300 copies of an event with an impossible start: 300 problems, 200 listed.
    let problems = problems_after(|v| {
        let mut e = v["events"][0].clone();
        e["start"] = json!("2013-02-30");
        let events = v["events"].as_array_mut().unwrap();
        events.clear();
        for i in 0..300 {
            let mut e = e.clone();
            e["id"] = json!(format!("e{i}"));
            events.push(e);
        }
    });
    assert_eq!(problems.len(), MAX_PROBLEMS + 1, "{}", listing(&problems[..3]));
    assert!(problems[..MAX_PROBLEMS].iter().all(|p| p.kind == ProblemKind::Date));
    assert_eq!(problems[0].path, "$.events[0].start");
    assert_eq!(problems[MAX_PROBLEMS - 1].path, format!("$.events[{}].start", MAX_PROBLEMS - 1));
    let last = &problems[MAX_PROBLEMS];
    assert_eq!((last.path.as_str(), last.kind), ("$", ProblemKind::Limit));
    assert_eq!(last.message, "100 more problems not listed");
}

// ---------------------------------------------------------------------------------------------
// Known validator bugs: these assert the correct behaviour and fail today.

#[test]

fn overlap_with_a_term_that_is_not_the_next_one() {
    // KZ 2013-06-05..2016-11 (fixture); KG 2014..2014-06 sits inside it and is compared with KZ;
    // TJ 2015..2015-06 is compared only with KG (no overlap) and never with KZ, which it
    // overlaps.
    let problems = problems_after(|v| {
        let base = v["chair_terms"][0].clone();
        for (id, state, from, to) in [("chair-kg-x", "KG", "2014", "2014-06"), ("chair-tj-x", "TJ", "2015", "2015-06")]
        {
            let mut t = base.clone();
            t["id"] = json!(id);
            t["state"] = json!(state);
            t["from"] = json!(from);
            t["to"] = json!(to);
            v["chair_terms"].as_array_mut().unwrap().push(t);
        }
    });
    assert_problem(&problems, "$.chair_terms[1].from", ProblemKind::Overlap);
    assert_problem(&problems, "$.chair_terms[2].from", ProblemKind::Overlap);
}

#[test]

fn duplicate_id_reported_next_to_an_unrelated_problem_in_the_same_list() {
    let problems = problems_after(|v| {
        v["events"][0]["start"] = json!("2013-02-30");
        v["events"][2]["id"] = v["events"][1]["id"].clone();
    });
    assert_problem(&problems, "$.events[0].start", ProblemKind::Date);
    assert_problem(&problems, "$.events[2].id", ProblemKind::Duplicate);
}

#[test]

fn unknown_source_reported_next_to_a_broken_source() {
    let problems = problems_after(|v| {
        v["sources"][1]["url"] = json!("javascript:alert(1)");
        v["events"][1]["sources"][0] = json!("NOPE");
    });
    assert_problem(&problems, "$.sources[1].url", ProblemKind::Link);
    assert_problem(&problems, "$.events[1].sources[0]", ProblemKind::Reference);
}

#[test]

fn unknown_state_reported_next_to_a_broken_state() {
    let problems = problems_after(|v| {
        v["states"][4]["capital"]["lat"] = json!(123.0);
        v["events"][0]["participants"][0]["state"] = json!("XX");
    });
    assert_problem(&problems, "$.states[4].capital.lat", ProblemKind::Value);
    assert_problem(&problems, "$.events[0].participants[0].state", ProblemKind::Reference);
}

#[test]

fn handover_in_the_same_month_with_a_day_precise_end() {
    let mut v = fixture();
    v["chair_terms"][0]["to"] = json!("2016-11-20");
    let mut kg = v["chair_terms"][0].clone();
    kg["id"] = json!("chair-kg-1");
    kg["state"] = json!("KG");
    kg["from"] = json!("2016-11");
    kg["to"] = json!(null);
    v["chair_terms"].as_array_mut().unwrap().push(kg);
    assert_ok(&v);
}

#[test]
fn byte_order_mark_before_the_json_is_accepted() {
    let with_bom = format!("\u{feff}{}", include_str!("fixtures/small.json"));
    assert!(parse_dataset(&with_bom).is_ok());
    assert!(parse_bytes(with_bom.as_bytes()).is_ok());
}

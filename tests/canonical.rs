//! The canonical form of dataset files (`canonical`): the bundled file is in it, the key order
//! follows the schema and the dataset's languages, any JSON value reads back unchanged, and the
//! check behind `validate --check-fmt` finds files written otherwise.
//!
//! Native only: proptest is not a wasm32 dev-dependency.

#![cfg(not(target_arch = "wasm32"))]

use almaty_process::canonical::{
    canonical_bytes, canonical_text, check, check_bytes, first_difference, format, is_canonical, NotCanonical,
};
use proptest::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Value};

const REAL: &str = include_str!("../public/data/dataset.json");
const SCHEMA: &str = include_str!("../public/data/dataset.schema.json");

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// JSON read with its keys in the order of the text (`serde_json::Value` sorts them): the
/// bundled schema and formatted texts.
#[derive(Debug)]
enum Ordered {
    Object(Vec<(String, Ordered)>),
    Array(Vec<Ordered>),
    Str(String),
    Leaf,
}

impl Ordered {
    fn get(&self, key: &str) -> Option<&Ordered> {
        match self {
            Ordered::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn entries(&self) -> &[(String, Ordered)] {
        match self {
            Ordered::Object(entries) => entries,
            _ => &[],
        }
    }
    fn items(&self) -> &[Ordered] {
        match self {
            Ordered::Array(items) => items,
            _ => &[],
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OrderedVisitor)
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Ordered;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Ordered, E> {
        Ok(Ordered::Leaf)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf)
    }
    fn visit_str<E>(self, s: &str) -> Result<Ordered, E> {
        Ok(Ordered::Str(s.to_owned()))
    }
    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Leaf)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Ordered::Object(entries))
    }
}

fn ordered(text: &str) -> Ordered {
    serde_json::from_str(text).expect("JSON")
}

/// The schema node `node` stands for, and the alternatives of its `oneOf`/`anyOf`, `$ref`s
/// followed.
fn alternatives<'s>(schema: &'s Ordered, node: &'s Ordered) -> Vec<&'s Ordered> {
    if let Some(Ordered::Str(name)) = node.get("$ref") {
        let def = name.strip_prefix("#/$defs/").expect("a local $ref");
        let found = schema.get("$defs").and_then(|d| d.get(def)).unwrap_or_else(|| panic!("no def {def}"));
        return alternatives(schema, found);
    }
    let mut out = vec![node];
    for key in ["oneOf", "anyOf"] {
        for alt in node.get(key).map(Ordered::items).unwrap_or_default() {
            out.extend(alternatives(schema, alt));
        }
    }
    out
}

/// A record's properties in schema order (none for other nodes).
fn properties(node: &Ordered) -> &[(String, Ordered)] {
    node.get("properties").map(Ordered::entries).unwrap_or_default()
}

/// A value with every property the schema allows, each record once, each text in `langs`.
fn full_sample(schema: &Ordered, node: &Ordered, langs: &[&str]) -> Value {
    let alts = alternatives(schema, node);
    let mut object = serde_json::Map::new();
    for alt in &alts {
        if alt.get("patternProperties").is_some() {
            return langs.iter().map(|l| (l.to_string(), json!(format!("{l} text")))).collect();
        }
        for (k, v) in properties(alt) {
            object.insert(k.clone(), full_sample(schema, v, langs));
        }
    }
    if !object.is_empty() {
        return Value::Object(object);
    }
    match alts.iter().find_map(|a| a.get("items")) {
        Some(items) => json!([full_sample(schema, items, langs)]),
        None => json!("x"),
    }
}

/// Counts of the objects whose order was checked against the schema.
#[derive(Default)]
struct Checked {
    records: usize,
    texts: usize,
}

/// Checks that the keys of every record in `text` follow the schema's property order and that
/// every text's keys begin with `langs` in order.
fn check_order(schema: &Ordered, node: &Ordered, value: &Ordered, langs: &[&str], path: &str, seen: &mut Checked) {
    let alts = alternatives(schema, node);
    match value {
        Ordered::Object(entries) => {
            let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
            for alt in &alts {
                if alt.get("patternProperties").is_some() {
                    let first: Vec<&str> = keys.iter().copied().take(langs.len()).collect();
                    assert_eq!(first, langs, "{path}: a text's keys follow the languages");
                    seen.texts += 1;
                }
                let props: Vec<&str> = properties(alt).iter().map(|(k, _)| k.as_str()).collect();
                if props.is_empty() {
                    continue;
                }
                let positions: Vec<usize> = keys.iter().filter_map(|k| props.iter().position(|p| p == k)).collect();
                assert!(
                    positions.windows(2).all(|w| w[0] < w[1]),
                    "{path}: keys {keys:?} not in schema order {props:?}"
                );
                seen.records += 1;
                for (k, child) in entries {
                    if let Some(sub) = alt.get("properties").and_then(|p| p.get(k)) {
                        check_order(schema, sub, child, langs, &format!("{path}.{k}"), seen);
                    }
                }
            }
        }
        Ordered::Array(items) => {
            for items_node in alts.iter().filter_map(|a| a.get("items")) {
                for (i, item) in items.iter().enumerate() {
                    check_order(schema, items_node, item, langs, &format!("{path}[{i}]"), seen);
                }
            }
        }
        Ordered::Str(_) | Ordered::Leaf => {}
    }
}

/// JSON text with every object's keys in reverse alphabetical order, on one line.
fn reversed(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let members: Vec<String> =
                m.iter().rev().map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), reversed(v))).collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(a) => format!("[{}]", a.iter().map(reversed).collect::<Vec<_>>().join(",")),
        _ => v.to_string(),
    }
}

#[test]
fn the_bundled_dataset_is_canonical() {
    let v = parse(REAL);
    assert!(format(&v) == REAL, "first difference at line {:?}", first_difference(&format(&v), REAL));
    assert!(is_canonical(REAL));
    assert_eq!(check(REAL), Ok(()));
    assert_eq!(check_bytes(REAL.as_bytes()), Ok(()));
}

#[test]
fn key_order_is_restored_from_alphabetised_reversed_and_compact_copies() {
    let v = parse(REAL);
    let alphabetised = serde_json::to_string_pretty(&v).unwrap() + "\n";
    for copy in [alphabetised.clone(), reversed(&v), serde_json::to_string(&v).unwrap()] {
        assert!(!is_canonical(&copy));
        assert_eq!(canonical_text(&copy).as_deref(), Some(REAL));
        assert_eq!(canonical_bytes(copy.as_bytes()).as_deref(), Ok(REAL));
    }
    // The alphabetised copy has `chair_terms` where the canonical text has `format_version`.
    match check(&alphabetised) {
        Err(NotCanonical::Differs { line, found, expected }) => {
            assert_eq!(line, 2);
            assert!(found.starts_with("  \"chair_terms\": ["), "{found}");
            assert_eq!(expected, "  \"format_version\": 1,");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_bundled_dataset_follows_the_schema_order() {
    let schema = ordered(SCHEMA);
    let mut seen = Checked::default();
    check_order(&schema, &schema, &ordered(REAL), &["en", "ru"], "$", &mut seen);
    assert!(seen.records > 100 && seen.texts > 100, "{} records, {} texts", seen.records, seen.texts);
}

/// Every property of every record in the schema, in both language orders: the order tables
/// agree with the schema.
#[test]
fn every_schema_record_is_written_in_schema_order() {
    let schema = ordered(SCHEMA);
    for langs in [["en", "ru"], ["ru", "en"]] {
        let mut sample = full_sample(&schema, &schema, &langs);
        sample["languages"] = json!(langs);
        let text = format(&sample);
        assert_eq!(parse(&text), sample);
        let mut seen = Checked::default();
        check_order(&schema, &schema, &ordered(&text), &langs, "$", &mut seen);
        // Every record kind of the schema, and a text in each of their text fields.
        assert!(seen.records >= 17, "{} records", seen.records);
        assert!(seen.texts >= 20, "{} texts", seen.texts);
        assert!(
            text.starts_with("{\n  \"$schema\": \"x\",\n  \"format_version\": \"x\",\n  \"id\": \"x\",\n"),
            "{text}"
        );
        // The place of an event: a city's keys and `online` in one order.
        let place_text = &text[text.find("\"place\": {").unwrap()..];
        let place =
            ["\"city\"", "\"online\"", "\"country\"", "\"lat\"", "\"lon\""].map(|k| place_text.find(k).unwrap());
        assert!(place.windows(2).all(|w| w[0] < w[1]), "{place:?}");
    }
}

#[test]
fn texts_follow_the_languages_then_other_keys_alphabetically() {
    let v = json!({
        "languages": ["ru", "en"],
        "title": {"en": "Title", "de": "Titel", "ru": "Заголовок", "aa": "x"},
        "events": [{"summary": {"en": "E", "ru": "Р"}, "id": "e1", "place": {"city": {"en": "Almaty", "ru": "Алматы"}}}],
    });
    let text = format(&v);
    assert!(
        text.contains("\"title\": {\n    \"ru\": \"Заголовок\",\n    \"en\": \"Title\",\n    \"aa\": \"x\",\n    \"de\": \"Titel\"\n  }"),
        "{text}"
    );
    assert!(text.contains("\"summary\": {\n        \"ru\": \"Р\",\n        \"en\": \"E\"\n      }"), "{text}");
    assert!(
        text.contains("\"city\": {\n          \"ru\": \"Алматы\",\n          \"en\": \"Almaty\"\n        }"),
        "{text}"
    );
    assert!(text.find("\"languages\"") < text.find("\"title\"") && text.find("\"title\"") < text.find("\"events\""));
    assert!(text.find("\"id\": \"e1\"") < text.find("\"place\"") && text.find("\"place\"") < text.find("\"summary\""));

    // A language listed twice, a non-string language and no languages at all: each key once.
    for langs in [json!(["en", "en", 7, "ru"]), json!("en"), Value::Null] {
        let v = json!({"languages": langs, "title": {"ru": "р", "en": "e"}});
        let text = format(&v);
        assert_eq!(parse(&text), v);
        assert_eq!(text.matches("\"en\": \"e\"").count(), 1);
    }
    let text = format(&json!({"title": {"ru": "р", "en": "e"}}));
    assert!(text.find("\"en\"") < text.find("\"ru\""), "alphabetical without languages: {text}");
}

#[test]
fn unknown_keys_follow_the_known_ones_alphabetically() {
    let v = json!({
        "zz": 1, "aa": 2, "id": "x", "format_version": 1,
        "sources": [{"zeta": true, "alpha": false, "note": {"en": "n"}, "id": "S1"}],
    });
    let text = format(&v);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(at("\"format_version\"") < at("\"id\": \"x\"") && at("\"id\": \"x\"") < at("\"sources\""));
    assert!(at("\"sources\"") < at("\"aa\"") && at("\"aa\"") < at("\"zz\""));
    assert!(
        at("\"id\": \"S1\"") < at("\"note\"") && at("\"note\"") < at("\"alpha\"") && at("\"alpha\"") < at("\"zeta\"")
    );

    // Not a dataset: a top-level array's objects are not records; keys alphabetically.
    let text = format(&json!([{"title": "t", "id": "i", "format_version": 1}]));
    assert_eq!(text, "[\n  {\n    \"format_version\": 1,\n    \"id\": \"i\",\n    \"title\": \"t\"\n  }\n]\n");
}

#[test]
fn layout_newline_strings_and_numbers() {
    let v = json!({
        "n": [0, -1, 2011, u64::MAX, i64::MIN, -0.5, 1.0e-7, 250.0],
        "s": "Алматы — «кавычки» “quotes” 🌍 \"q\" \\ \n\t\u{1}",
        "empty": {"a": [], "o": {}},
    });
    let text = format(&v);
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert_eq!(parse(&text), v);
    for n in ["    0,", "    -1,", "    2011,", "    18446744073709551615,", "    -9223372036854775808,"] {
        assert!(text.contains(&format!("{n}\n")), "{n} in {text}");
    }
    assert!(text.contains("    -0.5,\n") && text.contains("    250.0\n"), "{text}");
    assert!(text.contains(r#""s": "Алматы — «кавычки» “quotes” 🌍 \"q\" \\ \n\t\u0001""#), "{text}");
    assert!(text.contains("\"empty\": {\n    \"a\": [],\n    \"o\": {}\n  }"), "{text}");
    let capital =
        json!({"states": [{"capital": {"lon": 76.9286, "lat": 43.2567, "name": {"en": "Almaty"}}, "code": "KZ"}]});
    let text = format(&capital);
    assert!(
        text.contains("\"code\": \"KZ\",\n      \"capital\": {\n        \"name\": {\n          \"en\": \"Almaty\"\n        },\n        \"lat\": 43.2567,\n        \"lon\": 76.9286\n      }"),
        "{text}"
    );
    assert_eq!(format(&json!("Ёж")), "\"Ёж\"\n");
    assert_eq!(format(&json!(3)), "3\n");
}

/// The check behind `validate --check-fmt`, on files: a non-canonical copy fails with its first
/// differing line, the bundled file passes, and a file that is not JSON has no canonical form.
#[test]
fn the_check_fails_on_a_non_canonical_file_and_passes_on_the_bundled_one() {
    let dir = std::env::temp_dir().join(format!("almaty-canonical-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let alphabetised = serde_json::to_string_pretty(&parse(REAL)).unwrap() + "\n";
    let cases: [(&str, String, Option<usize>); 6] = [
        ("bundled.json", REAL.to_owned(), None),
        ("alphabetised.json", alphabetised, Some(2)),
        ("bom.json", format!("\u{feff}{REAL}"), Some(1)),
        ("crlf.json", REAL.replace('\n', "\r\n"), Some(1)),
        ("no-newline.json", REAL.trim_end().to_owned(), Some(REAL.lines().count())),
        ("four-spaces.json", REAL.replace("\n  ", "\n    "), Some(2)),
    ];
    for (name, text, line) in &cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let result = check_bytes(&bytes);
        match line {
            None => assert_eq!(result, Ok(()), "{name}"),
            Some(l) => match result {
                Err(NotCanonical::Differs { line, .. }) => assert_eq!(line, *l, "{name}"),
                other => panic!("{name}: {other:?}"),
            },
        }
        // What `--fmt` writes: the bundled file again (only the layout differed).
        assert_eq!(canonical_bytes(&bytes).as_deref(), Ok(REAL), "{name}");
    }
    let path = dir.join("broken.json");
    std::fs::write(&path, "{\"id\": ").unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(matches!(check_bytes(&bytes), Err(NotCanonical::NotJson(_))));
    assert!(canonical_bytes(&bytes).is_err());
    assert!(matches!(check_bytes(&[0xff, 0xfe]), Err(NotCanonical::NotJson(_))));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Keys: record and language names, so that the ordered contexts are reached, and any string.
const KEYS: &[&str] = &[
    "languages",
    "en",
    "ru",
    "id",
    "title",
    "sources",
    "events",
    "states",
    "names",
    "place",
    "city",
    "note",
    "from",
    "to",
    "roles",
    "subject",
    "readings",
    "text",
    "zz",
    "",
];

fn json_value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Decimals such as 43.2567 (serde_json's default float parsing is exact for these).
        (-1_000_000_000i64..1_000_000_000, -12i32..12).prop_map(|(m, e)| parse(&format!("{m}e{e}"))),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        any::<String>().prop_map(Value::String),
        proptest::sample::select(KEYS).prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        let key = prop_oneof![3 => proptest::sample::select(KEYS).prop_map(String::from), 1 => any::<String>()];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_value_reads_back_unchanged(v in json_value()) {
        let text = format(&v);
        prop_assert!(text.ends_with('\n'));
        prop_assert_eq!(&parse(&text), &v);
        prop_assert!(is_canonical(&text));
        prop_assert_eq!(canonical_text(&serde_json::to_string_pretty(&v).unwrap()), Some(text));
    }
}

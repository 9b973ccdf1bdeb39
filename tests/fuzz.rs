//! Property tests ("fuzzing") of the dataset validator: no input makes it panic, and whatever it
//! accepts keeps the promises the rest of the app relies on.
//!
//! Cases per property come from `FUZZ_CASES` (default 256). Every run prints its seed (to stderr,
//! even without `--nocapture`):
//!
//! ```text
//! fuzz arbitrary bytes: seed 1234567890 (256 cases)
//! ```
//!
//! Each case has a seed of its own: the run's seed is the first case's, and each further case's
//! is derived from the one before. When a case fails, the panic names that case's seed and the
//! command that replays it, with one variable, as the first case of a new run:
//!
//! ```text
//! FUZZ_SEED=<seed> cargo test --test fuzz <test name>
//! ```
//!
//! (The replay also shrinks to the same minimal input. `PROPTEST_RNG_SEED` is not used.) A long run:
//!
//! ```text
//! FUZZ_CASES=20000 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! See docs/fuzzing.md. Native only: proptest is not a wasm32 dev-dependency.

#![cfg(not(target_arch = "wasm32"))]

use almaty_process::crosscheck::crosscheck;
use almaty_process::model::{Dataset, Place};
use almaty_process::validate::{parse_bytes, parse_dataset, Problem};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use serde_json::Value;
use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::Instant;

const REAL: &str = include_str!("../public/data/dataset.json");

fn real_value() -> &'static Value {
    static V: OnceLock<Value> = OnceLock::new();
    V.get_or_init(|| serde_json::from_str(REAL).expect("the real dataset is JSON"))
}

fn cases() -> u32 {
    match std::env::var("FUZZ_CASES") {
        Ok(s) => s.trim().parse().unwrap_or_else(|_| panic!("FUZZ_CASES={s:?} is not a number")),
        Err(_) => 256,
    }
}

/// The run's seed: `FUZZ_SEED` if set, otherwise a fresh random one.
fn run_seed() -> u64 {
    match std::env::var("FUZZ_SEED") {
        Ok(s) => s.trim().parse().unwrap_or_else(|_| panic!("FUZZ_SEED={s:?} is not a u64")),
        Err(_) => {
            use std::hash::{BuildHasher, Hasher};
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()),
            );
            h.finish()
        }
    }
}

/// The seed of the case after the one seeded with `seed` (splitmix64).
fn next_seed(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Runs `test` on `cases()` values of `strategy`, each generated from a seed of its own, and
/// reports the run's seed, how many inputs ran, how many the validator accepted, and how long
/// it took. `test_fn` is the #[test] function's name, for the replay command.
fn run<S: Strategy>(name: &str, test_fn: &str, strategy: S, test: impl Fn(S::Value) -> Result<bool, TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    use std::io::Write;
    let cases = cases();
    let first = run_seed();
    // Straight to stderr: the test harness captures eprintln! of passing tests.
    let _ = writeln!(std::io::stderr(), "fuzz {name}: seed {first} ({cases} cases)");
    let (inputs, accepted) = (Cell::new(0u64), Cell::new(0u64));
    let started = Instant::now();
    let mut seed = first;
    for case in 0..cases {
        let config = Config {
            cases: 1,
            failure_persistence: None,
            rng_seed: RngSeed::Fixed(seed),
            // Fixed, so that a replay shrinks as far as the failing run did (proptest's default
            // is 4 × cases, which would be 4 here).
            max_shrink_iters: 1024,
            ..Config::default()
        };
        let result = TestRunner::new(config).run(&strategy, |v| {
            inputs.set(inputs.get() + 1);
            if test(v)? {
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!(
                "{name}: case {case} of the run with seed {first} failed: {e}\n\
                 replay it: FUZZ_SEED={seed} cargo test --test fuzz {test_fn}"
            );
        }
        seed = next_seed(seed);
    }
    eprintln!(
        "fuzz {name}: {} inputs ({} accepted as a dataset) in {:.2?}, seed {first}",
        inputs.get(),
        accepted.get(),
        started.elapsed()
    );
}

/// The validator's answer must be well-formed whichever way it goes.
fn check(result: Result<Dataset, Vec<Problem>>) -> Result<bool, TestCaseError> {
    match result {
        Ok(ds) => {
            check_dataset(&ds)?;
            Ok(true)
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "an Err without problems");
            for p in &problems {
                prop_assert!(p.path.starts_with('$'), "path {:?} does not start at $", p.path);
                prop_assert!(!p.message.is_empty(), "empty message at {}", p.path);
            }
            Ok(false)
        }
    }
}

/// What an accepted dataset promises: events sorted, every reference resolves, no event ends
/// before it starts.
fn check_dataset(ds: &Dataset) -> Result<(), TestCaseError> {
    for w in ds.events.windows(2) {
        let order = w[0].start.cmp_start(&w[1].start).then_with(|| w[0].id.cmp(&w[1].id));
        prop_assert!(order != Ordering::Greater, "events out of order: {} then {}", w[0].id, w[1].id);
    }
    let states: HashSet<&str> = ds.states.iter().map(|s| s.code.as_str()).collect();
    let sources: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    let orgs: HashSet<&str> = ds.organisations.iter().map(|o| o.id.as_str()).collect();
    for e in &ds.events {
        for p in &e.participants {
            prop_assert!(states.contains(p.state.as_str()), "{}: unknown participant {}", e.id, p.state);
            for s in &p.sources {
                prop_assert!(sources.contains(s.as_str()), "{}: unknown source {s}", e.id);
            }
        }
        for o in &e.organisations {
            prop_assert!(orgs.contains(o.org.as_str()), "{}: unknown organisation {}", e.id, o.org);
        }
        for s in &e.sources {
            prop_assert!(sources.contains(s.as_str()), "{}: unknown source {s}", e.id);
        }
        if let Place::City { country, .. } = &e.place {
            prop_assert!(states.contains(country.as_str()), "{}: unknown country {country}", e.id);
        }
        if let Some(end) = e.end {
            prop_assert!(end.last_day() >= e.start.first_day(), "{} ends before it starts", e.id);
        }
    }
    for c in &ds.chair_terms {
        prop_assert!(states.contains(c.state.as_str()), "{}: unknown chair {}", c.id, c.state);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// (a) Arbitrary bytes

/// Arbitrary bytes, and bytes drawn from JSON's alphabet (which get past the first character
/// more often).
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    let jsonish: Vec<u8> = b"{}[]\":,.-+0123456789eEtruefalsn \n\\/u$_abcdefghijklmnopqrstuvwxyz".to_vec();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..=4096),
        prop::collection::vec(prop::sample::select(jsonish), 0..=4096),
    ]
}

#[test]
fn arbitrary_bytes_never_panic() {
    run("arbitrary bytes", "arbitrary_bytes_never_panic", any_bytes(), |bytes| check(parse_bytes(&bytes)));
}

// ---------------------------------------------------------------------------------------------
// (b) Mutations of the real dataset, at the byte level

#[derive(Debug, Clone)]
enum ByteMutation {
    /// XOR one byte with a non-zero mask.
    Flip { at: Index, mask: u8 },
    /// Keep only the bytes before a point.
    Truncate { at: Index },
    /// Remove a slice.
    Delete { at: Index, len: usize },
    /// Insert a copy of a slice right after it.
    Duplicate { at: Index, len: usize },
    /// Copy a slice to another point.
    Move { from: Index, len: usize, to: Index },
    /// Insert JSON punctuation or other short bytes.
    Insert { at: Index, bytes: Vec<u8> },
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    let punct = prop::sample::select(b"{}[]\",:\\0-. \n".to_vec());
    prop_oneof![
        4 => (any::<Index>(), 1..=255u8).prop_map(|(at, mask)| ByteMutation::Flip { at, mask }),
        1 => any::<Index>().prop_map(|at| ByteMutation::Truncate { at }),
        2 => (any::<Index>(), 1..=512usize).prop_map(|(at, len)| ByteMutation::Delete { at, len }),
        2 => (any::<Index>(), 1..=512usize).prop_map(|(at, len)| ByteMutation::Duplicate { at, len }),
        1 => (any::<Index>(), 1..=256usize, any::<Index>())
            .prop_map(|(from, len, to)| ByteMutation::Move { from, len, to }),
        2 => (any::<Index>(), prop::collection::vec(punct, 1..=4))
            .prop_map(|(at, bytes)| ByteMutation::Insert { at, bytes }),
    ]
}

fn apply_bytes(buf: &mut Vec<u8>, m: &ByteMutation) {
    if buf.is_empty() {
        return;
    }
    let n = buf.len();
    match m {
        ByteMutation::Flip { at, mask } => buf[at.index(n)] ^= mask,
        ByteMutation::Truncate { at } => buf.truncate(at.index(n)),
        ByteMutation::Delete { at, len } => {
            let a = at.index(n);
            buf.drain(a..(a + len).min(n));
        }
        ByteMutation::Duplicate { at, len } => {
            let a = at.index(n);
            let b = (a + len).min(n);
            let copy = buf[a..b].to_vec();
            buf.splice(b..b, copy);
        }
        ByteMutation::Move { from, len, to } => {
            let a = from.index(n);
            let copy = buf[a..(a + len).min(n)].to_vec();
            let t = to.index(n + 1);
            buf.splice(t..t, copy);
        }
        ByteMutation::Insert { at, bytes } => {
            let a = at.index(n + 1);
            buf.splice(a..a, bytes.iter().copied());
        }
    }
}

#[test]
fn byte_mutations_of_the_real_dataset_never_panic() {
    run(
        "byte mutations of the real dataset",
        "byte_mutations_of_the_real_dataset_never_panic",
        prop::collection::vec(byte_mutation(), 1..=4),
        |mutations| {
            let mut buf = REAL.as_bytes().to_vec();
            for m in &mutations {
                apply_bytes(&mut buf, m);
            }
            check(parse_bytes(&buf))
        },
    );
}

// ---------------------------------------------------------------------------------------------
// (b) Mutations of the real dataset, at the JSON level

#[derive(Debug, Clone)]
enum Replacement {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    EmptyArray,
    EmptyObject,
    Bool(bool),
    /// Remove the value from its object or array.
    Remove,
    /// Repeat the value in its array (or under a second key of its object).
    Repeat,
}

fn replacement() -> impl Strategy<Value = Replacement> {
    // Strings the validator cares about: dates, codes, ids already in use, links, long text.
    let tricky = prop::sample::select(vec![
        String::new(),
        "2013-02-30".into(),
        "2013-06".into(),
        "2100-12-31".into(),
        "1899".into(),
        "2016-11".into(),
        "KZ".into(),
        "XX".into(),
        "kz".into(),
        "SEED".into(),
        "S1".into(),
        "C1".into(),
        "IOM".into(),
        "chair-kz-1".into(),
        "2013-06-05-ministerial".into(),
        "member".into(),
        "ministerial".into(),
        "event".into(),
        "seen".into(),
        "javascript:alert(1)".into(),
        "https://example.org/".into(),
        "x".repeat(5_001),
    ]);
    prop_oneof![
        3 => Just(Replacement::Null),
        1 => any::<i64>().prop_map(Replacement::Int),
        1 => prop_oneof![Just(0.5), Just(-1.0), Just(1e300), Just(91.0), -1e6..1e6f64].prop_map(Replacement::Float),
        2 => any::<String>().prop_map(Replacement::Str),
        3 => tricky.prop_map(Replacement::Str),
        2 => Just(Replacement::EmptyArray),
        1 => Just(Replacement::EmptyObject),
        1 => any::<bool>().prop_map(Replacement::Bool),
        3 => Just(Replacement::Remove),
        3 => Just(Replacement::Repeat),
    ]
}

/// How many values `v` holds, itself included.
fn size(v: &Value) -> usize {
    1 + match v {
        Value::Object(m) => m.values().map(size).sum(),
        Value::Array(a) => a.iter().map(size).sum(),
        _ => 0,
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The JSON pointer of the `n`th value of `v` in document order (0 is the root, `""`).
fn nth_pointer(v: &Value, mut n: usize) -> String {
    let mut here = String::new();
    let mut v = v;
    'down: while n > 0 {
        n -= 1;
        let children: Vec<(String, &Value)> = match v {
            Value::Object(m) => m.iter().map(|(k, c)| (escape(k), c)).collect(),
            Value::Array(a) => a.iter().enumerate().map(|(i, c)| (i.to_string(), c)).collect(),
            _ => unreachable!("n is within size(v)"),
        };
        for (seg, child) in children {
            let s = size(child);
            if n < s {
                here.push('/');
                here.push_str(&seg);
                v = child;
                continue 'down;
            }
            n -= s;
        }
        unreachable!("n is within size(v)");
    }
    here
}

/// The JSON pointer of every value in `v`, in document order.
fn pointers(v: &Value) -> Vec<String> {
    (0..size(v)).map(|n| nth_pointer(v, n)).collect()
}

fn apply_json(root: &mut Value, target: &Index, with: &Replacement) {
    let ptr = &nth_pointer(root, target.index(size(root)));
    let new = match with {
        Replacement::Null => Value::Null,
        Replacement::Int(i) => (*i).into(),
        Replacement::Float(f) => (*f).into(),
        Replacement::Str(s) => s.clone().into(),
        Replacement::EmptyArray => Value::Array(Vec::new()),
        Replacement::EmptyObject => Value::Object(Default::default()),
        Replacement::Bool(b) => (*b).into(),
        Replacement::Remove | Replacement::Repeat => {
            let Some(cut) = ptr.rfind('/') else {
                // The root has no parent: removing it leaves null, repeating it an array.
                *root = match with {
                    Replacement::Remove => Value::Null,
                    _ => Value::Array(vec![root.clone(), root.clone()]),
                };
                return;
            };
            let (parent, key) = (&ptr[..cut], &ptr[cut + 1..]);
            let key = key.replace("~1", "/").replace("~0", "~");
            let parent = root.pointer_mut(parent).expect("pointer from pointers()");
            match (parent, with) {
                (Value::Object(m), Replacement::Remove) => {
                    m.remove(&key);
                }
                (Value::Object(m), _) => {
                    let v = m[&key].clone();
                    m.insert(format!("{key}2"), v);
                }
                (Value::Array(a), Replacement::Remove) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                (Value::Array(a), _) => {
                    let i: usize = key.parse().unwrap();
                    let v = a[i].clone();
                    a.insert(i + 1, v);
                }
                _ => unreachable!("a parent is an object or an array"),
            }
            return;
        }
    };
    *root.pointer_mut(ptr).expect("pointer from pointers()") = new;
}

/// The real dataset with `mutations` applied, as a value and as JSON text.
fn mutated(mutations: &[(Index, Replacement)]) -> (Value, String) {
    let mut v = real_value().clone();
    for (target, with) in mutations {
        apply_json(&mut v, target, with);
    }
    let text = serde_json::to_string(&v).unwrap();
    (v, text)
}

#[test]
fn json_mutations_of_the_real_dataset_never_panic() {
    run(
        "JSON mutations of the real dataset",
        "json_mutations_of_the_real_dataset_never_panic",
        prop::collection::vec((any::<Index>(), replacement()), 1..=3),
        |mutations| check(parse_dataset(&mutated(&mutations).1)),
    );
}

#[test]
fn cross_checks_of_json_mutations_never_panic() {
    run(
        "cross-checks of JSON mutations",
        "cross_checks_of_json_mutations_never_panic",
        prop::collection::vec((any::<Index>(), replacement()), 1..=3),
        |mutations| {
            let (v, text) = mutated(&mutations);
            let parsed = parse_dataset(&text);
            if let Ok(ds) = &parsed {
                for w in crosscheck(ds, &v) {
                    prop_assert!(w.kind.is_warning(), "{w:?} is not a warning");
                    prop_assert!(w.path.starts_with("$."), "path {:?}", w.path);
                }
            }
            check(parsed)
        },
    );
}

// ---------------------------------------------------------------------------------------------
// The mutators themselves

#[test]
fn the_real_dataset_is_valid_and_meets_the_checked_promises() {
    let ds = parse_dataset(REAL).unwrap_or_else(|p| panic!("{p:#?}"));
    check_dataset(&ds).unwrap();
    // The pointer walk reaches every value, each exactly once.
    let v = real_value();
    let all = pointers(v);
    assert!(all.len() > 1_000);
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), all.len());
    assert!(all.iter().all(|p| v.pointer(p).is_some()));
}

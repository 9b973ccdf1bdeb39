//! JSON paths in the validator's spelling (`$.events[3].start`): parsed, printed, and used to
//! read and write one value inside a dataset's JSON tree.

use serde_json::Value;
use std::fmt;

/// One step of a path: a key of an object or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the dataset's root. Prints as the validator's problem paths do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path with a key appended.
    pub fn key(&self, k: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }

    /// This path with a list position appended.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// The path without its last step, and that step.
    pub fn split_last(&self) -> Option<(Path, &Seg)> {
        let (last, rest) = self.0.split_last()?;
        Some((Path(rest.to_vec()), last))
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// Parses `$.events[3].start` (the `$` is optional). Keys are the dataset's identifiers
    /// (letters, digits, `_`, `$`); anything else is refused.
    pub fn parse(s: &str) -> Option<Path> {
        let dotted;
        let mut rest = match s.strip_prefix('$') {
            Some(r) => r,
            None if s.starts_with(['.', '[']) => s,
            None => {
                dotted = format!(".{s}");
                &dotted
            }
        };
        let mut segs = Vec::new();
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let key = &r[..end];
                if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
                    return None;
                }
                segs.push(Seg::Key(key.to_string()));
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']')?;
                segs.push(Seg::Index(r[..end].parse().ok()?));
                rest = &r[end + 1..];
            } else {
                return None;
            }
        }
        Some(Path(segs))
    }

    /// The value at this path.
    pub fn get<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        self.0.iter().try_fold(root, |v, seg| match seg {
            Seg::Key(k) => v.as_object()?.get(k),
            Seg::Index(i) => v.as_array()?.get(*i),
        })
    }

    /// The value at this path, to change.
    pub fn get_mut<'v>(&self, root: &'v mut Value) -> Option<&'v mut Value> {
        self.0.iter().try_fold(root, |v, seg| match seg {
            Seg::Key(k) => v.as_object_mut()?.get_mut(k),
            Seg::Index(i) => v.as_array_mut()?.get_mut(*i),
        })
    }

    /// The position of the record this path is in, when it starts `$.<list>[i]`.
    pub fn record(&self) -> Option<(&str, usize)> {
        match self.0.as_slice() {
            [Seg::Key(list), Seg::Index(i), ..] => Some((list.as_str(), *i)),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in &self.0 {
            match s {
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_prints_the_validators_paths() {
        for s in ["$", "$.events", "$.events[3].start", "$.states[0].names[1].short.ru", "$.x[0][2]"] {
            assert_eq!(Path::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Path::parse("events[3].start").unwrap().to_string(), "$.events[3].start");
        for bad in ["$.", "$[x]", "$.a[", "$..a", "$.a b", "$a", "$.a[-1]"] {
            assert_eq!(Path::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_and_writes_inside_a_tree() {
        let mut v = json!({"events": [{"id": "a"}, {"id": "b", "title": {"en": "B"}}]});
        let p = Path::parse("$.events[1].title.en").unwrap();
        assert_eq!(p.get(&v), Some(&json!("B")));
        *p.get_mut(&mut v).unwrap() = json!("C");
        assert_eq!(v["events"][1]["title"]["en"], "C");
        assert_eq!(Path::parse("$.events[2]").unwrap().get(&v), None);
        assert_eq!(Path::parse("$.events.id").unwrap().get(&v), None);
        assert_eq!(p.record(), Some(("events", 1)));
        assert!(p.starts_with(&Path::parse("$.events[1]").unwrap()));
        assert!(!p.starts_with(&Path::parse("$.events[0]").unwrap()));
    }
}

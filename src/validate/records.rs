//! The readers of each kind of record: sources, organisations, states, events and their places,
//! chair terms, disputes.

use super::walker::*;
use super::*;
use crate::model::*;
use serde_json::{Map, Value};
use std::collections::HashMap;

impl Walker {
    pub(super) fn unique(&mut self, list: &str, key: &str, ids: &[(usize, String)]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids {
            if let Some(j) = first.get(id.as_str()) {
                self.push(
                    format!("{list}[{i}].{key}"),
                    ProblemKind::Duplicate,
                    format!("\"{}\" is already used by {list}[{j}]", clip(id)),
                );
            } else {
                first.insert(id, *i);
            }
        }
    }

    /// Reports every chair term that starts before an earlier-starting term has ended. A term
    /// that ends in the same period (month, or year) in which the next one starts is a
    /// handover, allowed.
    pub(super) fn overlaps(&mut self, terms: &[(usize, ChairTerm)]) {
        let mut order: Vec<&(usize, ChairTerm)> = terms.iter().collect();
        crate::sort::sort_by(&mut order, |a, b| a.1.span.from.cmp_start(&b.1.span.from));
        for (k, (bi, b)) in order.iter().enumerate() {
            for (_, a) in order[..k].iter().map(|x| (x.0, &x.1)) {
                if !ends_after_start(a.span.to, b.span.from) {
                    continue;
                }
                let until = a.span.to.map(|t| t.to_string()).unwrap_or_else(|| "no end".into());
                self.push(
                    format!("$.chair_terms[{bi}].from"),
                    ProblemKind::Overlap,
                    format!(
                        "the term of {} from {} overlaps the term of {} ({} to {until})",
                        b.state, b.span.from, a.state, a.span.from
                    ),
                );
                break;
            }
        }
    }

    pub(super) fn source(&mut self, v: &Value, path: &str) -> Option<Source> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "title", "publisher", "url", "archived_url", "kind", "context_only", "note"]);
        let id = self.id(m, path, "id");
        let title = self.req_text(m, path, "title");
        let publisher = self.req_text(m, path, "publisher");
        let url = self.link(m, path, "url");
        let archived_url = self.link(m, path, "archived_url");
        let kind = self.enum_of(m, path, "kind", SourceKind::parse, &choices(SourceKind::ALL, |k| k.as_str()));
        let context_only = self.bool_opt(m, path, "context_only");
        let note = self.opt_text(m, path, "note");
        Some(Source {
            id: id?,
            title: title?,
            publisher: publisher?,
            url: url?,
            archived_url: archived_url?,
            kind: kind?,
            context_only: context_only?,
            note: note?,
        })
    }

    pub(super) fn organisation(&mut self, v: &Value, path: &str) -> Option<Organisation> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "name", "short", "roles"]);
        let id = self.id(m, path, "id");
        let name = self.req_text(m, path, "name");
        let short = self.req_text(m, path, "short");
        let roles = self.list(m, path, "roles", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["role", "from", "to", "ends", "sources", "confidence", "note"]);
            let role = w.enum_of(m, p, "role", OrgRole::parse, &choices(OrgRole::ALL, |r| r.as_str()));
            let span = w.span(m, p);
            Some(OrgRoleSpan { role: role?, span: span? })
        });
        Some(Organisation { id: id?, name: name?, short: short?, roles: roles? })
    }

    pub(super) fn state(&mut self, v: &Value, path: &str) -> Option<State> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["code", "names", "capital", "grid", "roles"]);
        let code = match self.required(m, path, "code") {
            Some(v) => self.state_code(v, &child(path, "code")),
            None => None,
        };
        let names = self.list(m, path, "names", true, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["short", "official", "from", "to", "sources"]);
            let short = w.req_text(m, p, "short");
            let official = w.req_text(m, p, "official");
            let from = w.opt_date(m, p, "from");
            let to = w.opt_date(m, p, "to");
            // A name may cite nothing: names that are general knowledge are not attributed to
            // a source that does not state them.
            let sources = w.source_list(m, p, "sources", false);
            if let (Some(Some(f)), Some(Some(t))) = (from, to) {
                if t.last_day() < f.first_day() {
                    w.push(child(p, "to"), ProblemKind::Order, format!("ends ({t}) before it starts ({f})"));
                    return None;
                }
            }
            Some(StateName { short: short?, official: official?, from: from?, to: to?, sources: sources? })
        });
        if let Some(n) = &names {
            if n.is_empty() {
                self.push(child(path, "names"), ProblemKind::Missing, "a state needs at least one name");
            }
        }
        let capital = match self.required(m, path, "capital") {
            Some(v) => {
                let p = child(path, "capital");
                match self.object(v, &p) {
                    Some(c) => {
                        self.keys(c, &p, &["name", "lat", "lon"]);
                        let name = self.req_text(c, &p, "name");
                        let lat = self.number(c, &p, "lat", -90.0, 90.0);
                        let lon = self.number(c, &p, "lon", -180.0, 180.0);
                        match (name, lat, lon) {
                            (Some(name), Some(lat), Some(lon)) => Some(Capital { name, lat, lon }),
                            _ => None,
                        }
                    }
                    None => None,
                }
            }
            None => None,
        };
        let grid = match self.optional(m, "grid") {
            None => Some(None),
            Some(v) => {
                let p = child(path, "grid");
                match self.object(v, &p) {
                    Some(g) => {
                        self.keys(g, &p, &["col", "row"]);
                        let col = self.number(g, &p, "col", 0.0, 1000.0);
                        let row = self.number(g, &p, "row", 0.0, 1000.0);
                        match (col, row) {
                            (Some(c), Some(r)) if c.fract() == 0.0 && r.fract() == 0.0 => {
                                Some(Some((c as i32, r as i32)))
                            }
                            (Some(_), Some(_)) => {
                                self.push(p, ProblemKind::Value, "grid positions are whole numbers");
                                None
                            }
                            _ => None,
                        }
                    }
                    None => None,
                }
            }
        };
        let roles = self.list(m, path, "roles", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["role", "from", "to", "ends", "sources", "confidence", "note"]);
            let role = w.enum_of(m, p, "role", Role::parse, &choices(Role::ALL, |r| r.as_str()));
            let span = w.span(m, p);
            Some(RoleSpan { role: role?, span: span? })
        });
        let names = names.filter(|n| !n.is_empty());
        Some(State { code: code?, names: names?, capital: capital?, grid: grid?, roles: roles? })
    }

    pub(super) fn event(&mut self, v: &Value, path: &str) -> Option<Event> {
        let m = self.object(v, path)?;
        self.keys(
            m,
            path,
            &[
                "id",
                "start",
                "end",
                "uncertain",
                "place",
                "level",
                "title",
                "summary",
                "participants",
                "organisations",
                "outcomes",
                "sources",
                "confidence",
                "note",
            ],
        );
        let id = self.id(m, path, "id");
        let start = self.req_date(m, path, "start");
        let end = self.opt_date(m, path, "end");
        let uncertain = self.bool_opt(m, path, "uncertain");
        let place = self.place(m, path);
        let level = self.enum_of(m, path, "level", Level::parse, &choices(Level::ALL, |l| l.as_str()));
        let title = self.req_text(m, path, "title");
        let summary = self.req_text(m, path, "summary");
        let participants = self.list(m, path, "participants", false, MAX_PARTICIPANTS, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["state", "role", "sources"]);
            let state = w.state_ref(m, p, "state");
            let role = w.enum_of(m, p, "role", EventRole::parse, &choices(EventRole::ALL, |r| r.as_str()));
            let sources = w.source_list(m, p, "sources", false);
            Some(Participant { state: state?, role: role?, sources: sources? })
        });
        if let Some(ps) = &participants {
            let codes: Vec<(usize, String)> = ps.iter().map(|p| p.state.clone()).enumerate().collect();
            self.unique(&child(path, "participants"), "state", &codes);
        }
        let organisations = self.list(m, path, "organisations", false, MAX_PARTICIPANTS, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["org", "role"]);
            let org = w.req_string(m, p, "org");
            if let Some(o) = &org {
                w.org_refs.push((child(p, "org"), o.clone()));
            }
            let role = w.enum_of(m, p, "role", OrgEventRole::parse, &choices(OrgEventRole::ALL, |r| r.as_str()));
            Some(OrgParticipant { org: org?, role: role? })
        });
        let outcomes = self.list(m, path, "outcomes", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["title", "kind", "url", "archived_url", "sources"]);
            let title = w.req_text(m, p, "title");
            let kind = w.enum_of(m, p, "kind", OutcomeKind::parse, &choices(OutcomeKind::ALL, |k| k.as_str()));
            let url = w.link(m, p, "url");
            let archived_url = w.link(m, p, "archived_url");
            let sources = w.source_list(m, p, "sources", false);
            Some(Outcome { title: title?, kind: kind?, url: url?, archived_url: archived_url?, sources: sources? })
        });
        let sources = self.source_list(m, path, "sources", true);
        let confidence =
            self.enum_of(m, path, "confidence", Confidence::parse, &choices(Confidence::ALL, |c| c.as_str()));
        let note = self.opt_text(m, path, "note");
        let (start, end) = (start?, end?);
        if let Some(e) = end {
            if e.last_day() < start.first_day() {
                self.push(child(path, "end"), ProblemKind::Order, format!("ends ({e}) before it starts ({start})"));
                return None;
            }
        }
        Some(Event {
            id: id?,
            start,
            end,
            uncertain: uncertain?,
            place: place?,
            level: level?,
            title: title?,
            summary: summary?,
            participants: participants?,
            organisations: organisations?,
            outcomes: outcomes?,
            sources: sources?,
            confidence: confidence?,
            note: note?,
        })
    }

    pub(super) fn place(&mut self, m: &Map<String, Value>, path: &str) -> Option<Place> {
        let Some(v) = self.optional(m, "place") else {
            return Some(Place::Unknown);
        };
        let p = child(path, "place");
        let pm = self.object(v, &p)?;
        if pm.contains_key("online") {
            self.keys(pm, &p, &["online"]);
            return match pm.get("online") {
                Some(Value::Bool(true)) => Some(Place::Online),
                _ => {
                    self.push(
                        child(&p, "online"),
                        ProblemKind::Value,
                        "\"online\" can only be true; give a city otherwise",
                    );
                    None
                }
            };
        }
        self.keys(pm, &p, &["city", "country", "lat", "lon"]);
        let city = self.req_text(pm, &p, "city");
        let country = self.state_ref(pm, &p, "country");
        let lat = self.number(pm, &p, "lat", -90.0, 90.0);
        let lon = self.number(pm, &p, "lon", -180.0, 180.0);
        Some(Place::City { city: city?, country: country?, lat: lat?, lon: lon? })
    }

    pub(super) fn chair_term(&mut self, v: &Value, path: &str) -> Option<ChairTerm> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "state", "from", "to", "chairperson", "sources", "confidence", "note"]);
        let id = self.id(m, path, "id");
        let state = self.state_ref(m, path, "state");
        let chairperson = self.opt_text(m, path, "chairperson");
        let span = self.span(m, path);
        let term = ChairTerm { id: id?, state: state?, span: span?, chairperson: chairperson? };
        if let Some(i) = path.rsplit('[').next().and_then(|r| r.trim_end_matches(']').parse().ok()) {
            self.chair_ok.push((i, term.clone()));
        }
        Some(term)
    }

    pub(super) fn dispute(&mut self, v: &Value, path: &str) -> Option<Dispute> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "subject", "field", "summary", "readings"]);
        let id = self.id(m, path, "id");
        let subject = match self.required(m, path, "subject") {
            Some(v) => {
                let p = child(path, "subject");
                match self.object(v, &p) {
                    Some(s) => {
                        self.keys(s, &p, &["kind", "id"]);
                        let kind =
                            self.enum_of(s, &p, "kind", SubjectKind::parse, &choices(SubjectKind::ALL, |k| k.as_str()));
                        let id = self.req_string(s, &p, "id");
                        if let (Some(k), Some(i)) = (kind, &id) {
                            self.subject_refs.push((child(&p, "id"), k, i.clone()));
                        }
                        kind.zip(id)
                    }
                    None => None,
                }
            }
            None => None,
        };
        let field = self.req_string(m, path, "field");
        let summary = self.req_text(m, path, "summary");
        let readings = self.list(m, path, "readings", true, 50, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["text", "sources"]);
            let text = w.req_text(m, p, "text");
            let sources = w.source_list(m, p, "sources", true);
            Some(Reading { text: text?, sources: sources? })
        });
        if let Some(r) = &readings {
            if r.len() < 2 {
                self.push(child(path, "readings"), ProblemKind::Missing, "a dispute needs at least two readings");
                return None;
            }
        }
        let (subject_kind, subject_id) = subject?;
        Some(Dispute { id: id?, subject_kind, subject_id, field: field?, summary: summary?, readings: readings? })
    }

    pub(super) fn change(&mut self, v: &Value, path: &str) -> Option<Change> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "date", "what", "why", "sources"]);
        let id = self.id(m, path, "id");
        let date = self.req_date(m, path, "date");
        let what = self.req_text(m, path, "what");
        let why = self.req_text(m, path, "why");
        let sources = self.source_list(m, path, "sources", false);
        Some(Change { id: id?, date: date?, what: what?, why: why?, sources: sources? })
    }
}

//! The top level of a dataset file and the checks across its records: unique ids, references,
//! overlapping chair terms.

use super::walker::*;
use super::*;
use crate::ids::is_lang_code as is_lang;
use crate::model::*;
use serde_json::{Map, Value};
use std::collections::HashSet;

impl Walker {
    pub(super) fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let m = self.object(v, "$")?;
        let p = "$";
        self.keys(
            m,
            p,
            &[
                "$schema",
                "format_version",
                "id",
                "languages",
                "title",
                "description",
                "updated",
                "sources",
                "organisations",
                "states",
                "events",
                "chair_terms",
                "disputes",
                "changes",
            ],
        );
        let version = match self.required(m, p, "format_version") {
            Some(v) => match v.as_u64() {
                Some(FORMAT_VERSION) => Some(FORMAT_VERSION as u32),
                Some(n) => {
                    self.push(
                        "$.format_version".into(),
                        ProblemKind::Value,
                        format!("format version {n} is not supported; this app reads version {FORMAT_VERSION}"),
                    );
                    None
                }
                None => {
                    self.push(
                        "$.format_version".into(),
                        ProblemKind::Type,
                        format!("expected the number {FORMAT_VERSION}, found {}", kind_of(v)),
                    );
                    None
                }
            },
            None => None,
        };
        let languages = self.list(m, p, "languages", true, 20, |w, v, p| {
            let s = w.string(v, p)?;
            if is_lang(&s) {
                Some(s)
            } else {
                w.push(p.into(), ProblemKind::Value, format!("\"{}\" is not a language code such as \"en\"", clip(&s)));
                None
            }
        });
        if let Some(l) = &languages {
            if l.is_empty() {
                self.push("$.languages".into(), ProblemKind::Missing, "at least one language is required");
            }
            let mut seen = HashSet::new();
            for (i, code) in l.iter().enumerate() {
                if !seen.insert(code) {
                    self.push(index("$.languages", i), ProblemKind::Duplicate, format!("\"{code}\" is listed twice"));
                }
            }
            self.languages = l.clone();
        }
        let id = self.id(m, p, "id");
        let title = self.req_text(m, p, "title");
        let description = self.req_text(m, p, "description");
        let updated = self.req_date(m, p, "updated");
        let sources = self.list(m, p, "sources", true, MAX_SOURCES, |w, v, p| w.source(v, p));
        let organisations = self.list(m, p, "organisations", false, MAX_ORGANISATIONS, |w, v, p| w.organisation(v, p));
        let states = self.list(m, p, "states", true, MAX_STATES, |w, v, p| w.state(v, p));
        let events = self.list(m, p, "events", true, MAX_EVENTS, |w, v, p| w.event(v, p));
        let chair_terms = self.list(m, p, "chair_terms", false, MAX_LIST, |w, v, p| w.chair_term(v, p));
        let disputes = self.list(m, p, "disputes", false, MAX_LIST, |w, v, p| w.dispute(v, p));
        let changes = self.list(m, p, "changes", false, MAX_LIST, |w, v, p| w.change(v, p));

        self.cross_checks(m);

        let mut events = events?;
        crate::sort::sort_by(&mut events, |a, b| a.start.cmp_start(&b.start).then_with(|| a.id.cmp(&b.id)));
        let (sources, organisations, states) = (sources?, organisations?, states?);
        let index = crate::model::Index::build(&events, &states, &sources, &organisations);
        Some(Dataset {
            format_version: version?,
            id: id?,
            languages: languages?,
            title: title?,
            description: description?,
            updated: updated?,
            sources,
            organisations,
            states,
            events,
            chair_terms: chair_terms?,
            disputes: disputes?,
            changes: changes?,
            index,
        })
    }

    /// Cross-references and uniqueness, reported even when parts of the file failed: ids are
    /// read from the raw lists, so one broken item does not hide the others' problems.
    fn cross_checks(&mut self, m: &Map<String, Value>) {
        let raw = |list: &str, key: &str| -> Option<Vec<(usize, String)>> {
            m.get(list).and_then(|v| v.as_array()).map(|a| {
                a.iter()
                    .enumerate()
                    .filter_map(|(i, x)| x.get(key).and_then(|v| v.as_str()).map(|s| (i, s.to_string())))
                    .collect()
            })
        };
        let raw_sources = raw("sources", "id");
        let raw_orgs = raw("organisations", "id").or_else(|| (!m.contains_key("organisations")).then(Vec::new));
        let raw_states = raw("states", "code");
        let raw_events = raw("events", "id");
        let raw_chairs = raw("chair_terms", "id").or_else(|| (!m.contains_key("chair_terms")).then(Vec::new));
        let raw_disputes = raw("disputes", "id");
        let raw_changes = raw("changes", "id").or_else(|| (!m.contains_key("changes")).then(Vec::new));
        for (list, key, ids) in [
            ("$.sources", "id", &raw_sources),
            ("$.organisations", "id", &raw_orgs),
            ("$.states", "code", &raw_states),
            ("$.events", "id", &raw_events),
            ("$.chair_terms", "id", &raw_chairs),
            ("$.disputes", "id", &raw_disputes),
            ("$.changes", "id", &raw_changes),
        ] {
            if let Some(ids) = ids {
                self.unique(list, key, ids);
            }
        }
        let parsed_terms = std::mem::take(&mut self.chair_ok);
        self.overlaps(&parsed_terms);
        let known = |ids: &Option<Vec<(usize, String)>>| -> Option<HashSet<String>> {
            ids.as_ref().map(|v| v.iter().map(|(_, s)| s.clone()).collect())
        };
        if let Some(known) = known(&raw_sources) {
            for (path, id) in std::mem::take(&mut self.source_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no source has the id \"{}\"", clip(&id)));
                }
            }
        }
        if let Some(known) = known(&raw_states) {
            for (path, id) in std::mem::take(&mut self.state_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no state has the code \"{id}\""));
                }
            }
        }
        if let Some(known) = known(&raw_orgs) {
            for (path, id) in std::mem::take(&mut self.org_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no organisation has the id \"{}\"", clip(&id)));
                }
            }
        }
        let (k_events, k_states, k_chairs, k_orgs) =
            (known(&raw_events), known(&raw_states), known(&raw_chairs), known(&raw_orgs));
        for (path, kind, id) in std::mem::take(&mut self.subject_refs) {
            let set = match kind {
                SubjectKind::Event => &k_events,
                SubjectKind::State => &k_states,
                SubjectKind::ChairTerm => &k_chairs,
                SubjectKind::Organisation => &k_orgs,
                SubjectKind::Dataset => continue,
            };
            if let Some(set) = set {
                if !set.contains(&id) {
                    self.push(
                        path,
                        ProblemKind::Reference,
                        format!("no {} has the id \"{}\"", kind.as_str().replace('_', " "), clip(&id)),
                    );
                }
            }
        }
    }
}

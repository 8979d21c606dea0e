//! Roles across articles, for the hover on a person: the roles this article gives them, the
//! roles the other articles give them (each with its files, the most recent first), and whether
//! this article's role conflicts with the most recent other one ([`roles::conflict`]).
//!
//! "Most recent" is the order of [`recency`]: an article with a date in its head (a dateline,
//! [`crate::consistency::dateline`]) by that date, after it articles without one, by path (the
//! last in path order first: desks often name files by date). File modification times are not
//! used: the core reads no files, and a checkout or a copy resets them.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{DocKey, WorkspaceIndex, agg_key};
use crate::consistency::dateline::ArticleDate;
use crate::consistency::roles;

/// A person's roles across the workspace, seen from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RolesAcross {
    /// The roles this article gives them, as written, in order of first appearance.
    pub here: Vec<String>,
    /// The roles other articles give them, one entry per role (case and articles aside), the
    /// one given by the most recent article first.
    pub elsewhere: Vec<RoleElsewhere>,
    /// Set when no role here is compatible with those of the most recent other article that
    /// gives one (information only: titles change).
    pub conflict: Option<RoleConflict>,
}

/// One role given in other articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleElsewhere {
    /// As the most recent of those articles writes it.
    pub role: String,
    /// The articles giving it, most recent first.
    pub docs: Vec<DocKey>,
}

/// A role here against the role of the most recent other article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleConflict {
    pub here: String,
    pub there: String,
    pub doc: DocKey,
    /// The date of that article, when it gives one.
    pub dated: Option<ArticleDate>,
}

/// The order of "most recent first": dated articles by date (latest first), then undated ones
/// by path (last first).
pub fn recency(a: (&Option<ArticleDate>, &str), b: (&Option<ArticleDate>, &str)) -> Ordering {
    b.0.is_some().cmp(&a.0.is_some()).then(b.0.cmp(a.0)).then(b.1.cmp(a.1))
}

impl WorkspaceIndex {
    /// The roles of person `id` seen from document `doc`. Costs O(roles of the person × the
    /// documents giving each), plus one document's persons.
    pub fn roles_across(&self, id: &str, doc: &str) -> RolesAcross {
        let keys = self.agg_keys(id);
        let here = self.roles_in(&keys, doc);
        // Other documents giving a role: (date, document, role as written there).
        let mut given: Vec<(Option<ArticleDate>, DocKey, Arc<str>)> = Vec::new();
        for a in keys.iter().filter_map(|k| self.aggs.get(k)) {
            for (_, docs) in a.roles.iter() {
                for (d, role) in docs.iter().filter(|(d, _)| &***d != doc) {
                    let dated = self.docs.get(d).and_then(|e| e.people.dated);
                    given.push((dated, d.clone(), role.clone()));
                }
            }
        }
        given.sort_by(|a, b| recency((&a.0, &a.1), (&b.0, &b.1)));
        // A person named in thousands of articles has thousands of entries here, most with one
        // of a few roles: each distinct spelling's words are found once, and each role's
        // articles are kept unique with a set, not by searching its list.
        let mut words_of: std::collections::HashMap<&str, usize> = Default::default();
        let mut elsewhere: Vec<(Vec<String>, RoleElsewhere, std::collections::HashSet<&DocKey>)> = Vec::new();
        for (_, d, role) in &given {
            let slot = match words_of.get(&**role) {
                Some(&i) => i,
                None => {
                    let words = roles::role_words(role);
                    let i = match elsewhere.iter().position(|(w, ..)| *w == words) {
                        Some(i) => i,
                        None => {
                            let entry = RoleElsewhere { role: role.to_string(), docs: Vec::new() };
                            elsewhere.push((words, entry, Default::default()));
                            elsewhere.len() - 1
                        }
                    };
                    words_of.insert(role, i);
                    i
                }
            };
            let (_, e, seen) = &mut elsewhere[slot];
            if seen.insert(d) {
                e.docs.push(d.clone());
            }
        }
        let conflict = given.first().and_then(|(dated, latest, _)| {
            let there = self.roles_in(&keys, latest);
            let here: Vec<&str> = here.iter().map(String::as_str).collect();
            let there: Vec<&str> = there.iter().map(String::as_str).collect();
            let (h, t) = roles::conflict(&here, &there)?;
            Some(RoleConflict { here: h.to_string(), there: t.to_string(), doc: latest.clone(), dated: *dated })
        });
        RolesAcross { here, elsewhere: elsewhere.into_iter().map(|(_, e, _)| e).collect(), conflict }
    }

    /// The roles document `doc` gives the local persons with one of `keys`, as written, in order
    /// of first appearance, each once.
    fn roles_in(&self, keys: &[Arc<str>], doc: &str) -> Vec<String> {
        let Some(entry) = self.docs.get(doc) else { return Vec::new() };
        let mut out: Vec<String> = Vec::new();
        for (i, k) in entry.keys.iter().enumerate() {
            if !keys.contains(&agg_key(k)) {
                continue;
            }
            for r in &entry.people.persons[i].roles {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(r)) {
                    out.push(r.clone());
                }
            }
        }
        out
    }
}

//! Roles across articles, for the hover on a person: the roles this article gives them, the
//! roles the other articles give them (each with its files, the most recent first), and whether
//! this article's role conflicts with the most recent other one ([`roles::conflict`]).
//!
//! "Most recent" is the order of [`recency`]: an article with a date in its head (a dateline,
//! [`crate::consistency::dateline`]) by that date, after it articles without one, by path (the
//! last in path order first: desks often name files by date). File modification times are not
//! used: the core reads no files, and a checkout or a copy resets them.

use std::cmp::{Ordering, Reverse};
use std::sync::Arc;

use super::{DocKey, SmallMap, WorkspaceIndex, agg_key};
use crate::consistency::dateline::ArticleDate;
use crate::consistency::roles;

/// A person's roles across the workspace, seen from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RolesAcross {
    /// The roles this article gives them, as written, in order of first appearance.
    pub here: Vec<String>,
    /// The roles other articles give them, one entry per role (case and articles aside), the
    /// one given by the most recent article first (the first few: see
    /// [`WorkspaceIndex::roles_shown`]).
    pub elsewhere: Vec<RoleElsewhere>,
    /// How many other roles there are beyond those in `elsewhere`.
    pub more_roles: usize,
    /// Set when no role here is compatible with those of the most recent other article that
    /// gives one (information only: titles change).
    pub conflict: Option<RoleConflict>,
}

/// One role given in other articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleElsewhere {
    /// As the most recent of those articles writes it.
    pub role: String,
    /// The articles giving it, most recent first (the first few: see
    /// [`WorkspaceIndex::roles_shown`]).
    pub docs: Vec<DocKey>,
    /// How many articles give it, listed or not.
    pub count: usize,
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

/// A document's place in "most recent first" order ([`recency`]) as an ordered key: the
/// documents giving a role are kept in this order, so a hover reads the first few.
/// (`None` orders before any date, so reversed, dated articles come first.)
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Recent(Reverse<(Option<ArticleDate>, DocKey)>);

impl Recent {
    pub(super) fn new(dated: Option<ArticleDate>, doc: &DocKey) -> Recent {
        Recent(Reverse((dated, doc.clone())))
    }

    fn doc(&self) -> &DocKey {
        &self.0.0.1
    }

    fn dated(&self) -> Option<ArticleDate> {
        self.0.0.0
    }
}

/// The role a document gives, as written (of its roles with the same words, the one whose
/// lower-cased form comes first: see `prepared::RoleGroup`).
pub(super) type RoleAt = Arc<str>;

/// The documents giving one role (one set of role words) to one agg key, most recent first.
pub(super) type RoleDocs = SmallMap<Recent, RoleAt>;

/// One role of the hover: its first other document (with the agg and lower-cased form that
/// order ties as the walk over every role did), the role written there, and its document sets.
struct Head<'a> {
    first: Recent,
    agg: usize,
    lower: Arc<str>,
    role: Arc<str>,
    sets: Vec<&'a RoleDocs>,
}

/// The key of a role's words ([`roles::role_words`], joined): roles with the same key are one
/// role for the hover.
pub(super) fn words_key(role: &str) -> Arc<str> {
    roles::role_words(role).join(" ").into()
}

/// The order of "most recent first": dated articles by date (latest first), then undated ones
/// by path (last first).
pub fn recency(a: (&Option<ArticleDate>, &str), b: (&Option<ArticleDate>, &str)) -> Ordering {
    b.0.is_some().cmp(&a.0.is_some()).then(b.0.cmp(a.0)).then(b.1.cmp(a.1))
}

impl WorkspaceIndex {
    /// The roles of person `id` seen from document `doc`, every other role and document
    /// listed. Costs what [`Self::roles_shown`] costs plus the documents listed.
    pub fn roles_across(&self, id: &str, doc: &str) -> RolesAcross {
        self.roles_shown(id, doc, usize::MAX, usize::MAX)
    }

    /// The roles of person `id` seen from document `doc`: at most `roles` other roles, each with
    /// at most `files` of its documents (and how many there are). Costs O(the person's distinct
    /// roles × log documents + what is listed), plus one document's persons: the documents
    /// giving each role are kept most recent first ([`Agg::role_recency`](super::Agg)), so a
    /// person named in 100,000 articles costs what one named in ten does.
    pub fn roles_shown(&self, id: &str, doc: &str, roles: usize, files: usize) -> RolesAcross {
        let keys = self.agg_keys(id);
        let here = self.roles_in(&keys, doc);
        let aggs: Vec<&super::Agg> = keys.iter().filter_map(|k| self.aggs.get(k)).collect();
        let here_recent = self.docs.get(doc).map(|e| Recent::new(e.people.dated, &Arc::from(doc)));
        // Per role words: the sets of documents giving it, one per agg.
        let mut groups: std::collections::BTreeMap<&Arc<str>, Vec<(usize, &RoleDocs)>> = Default::default();
        for (ai, a) in aggs.iter().enumerate() {
            for (words, set) in a.role_recency.iter() {
                groups.entry(words).or_default().push((ai, set));
            }
        }
        // Each group's first other document, with the role it gives and the tie order of the
        // walk over every role (agg, then lower-cased role).
        let mut found: Vec<Head> = Vec::new();
        for (_, sets) in groups {
            let first = sets
                .iter()
                .filter_map(|&(i, set)| {
                    let (r, at) = set.iter().find(|(r, _)| &**r.doc() != doc)?;
                    Some((r.clone(), i, Arc::<str>::from(at.to_lowercase()), at.clone()))
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            if let Some((first, agg, lower, role)) = first {
                found.push(Head { first, agg, lower, role, sets: sets.into_iter().map(|(_, set)| set).collect() });
            }
        }
        found.sort_by(|a, b| a.first.cmp(&b.first).then(a.agg.cmp(&b.agg)).then(a.lower.cmp(&b.lower)));
        let more_roles = found.len().saturating_sub(roles);
        let elsewhere = found
            .iter()
            .take(roles)
            .map(|Head { role, sets, .. }| {
                let (docs, count) = first_docs(sets, doc, here_recent.as_ref(), files);
                RoleElsewhere { role: role.to_string(), docs, count }
            })
            .collect();
        let conflict = found.first().and_then(|Head { first: latest, .. }| {
            let there = self.roles_in(&keys, latest.doc());
            let here: Vec<&str> = here.iter().map(String::as_str).collect();
            let there: Vec<&str> = there.iter().map(String::as_str).collect();
            let (h, t) = roles::conflict(&here, &there)?;
            Some(RoleConflict { here: h.to_string(), there: t.to_string(), doc: latest.doc().clone(), dated: latest.dated() })
        });
        RolesAcross { here, elsewhere, more_roles, conflict }
    }

    /// [`Self::roles_across`] by walking every document giving the person a role (the reference
    /// the kept order is tested against).
    #[cfg(test)]
    pub(super) fn roles_by_walk(&self, id: &str, doc: &str) -> RolesAcross {
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
        let mut elsewhere: Vec<(Vec<String>, RoleElsewhere)> = Vec::new();
        for (_, d, role) in &given {
            let words = roles::role_words(role);
            let slot = match elsewhere.iter().position(|(w, _)| *w == words) {
                Some(i) => i,
                None => {
                    elsewhere.push((words, RoleElsewhere { role: role.to_string(), docs: Vec::new(), count: 0 }));
                    elsewhere.len() - 1
                }
            };
            let e = &mut elsewhere[slot].1;
            if !e.docs.contains(d) {
                e.docs.push(d.clone());
                e.count += 1;
            }
        }
        let conflict = given.first().and_then(|(dated, latest, _)| {
            let there = self.roles_in(&keys, latest);
            let here: Vec<&str> = here.iter().map(String::as_str).collect();
            let there: Vec<&str> = there.iter().map(String::as_str).collect();
            let (h, t) = roles::conflict(&here, &there)?;
            Some(RoleConflict { here: h.to_string(), there: t.to_string(), doc: latest.clone(), dated: *dated })
        });
        RolesAcross { here, elsewhere: elsewhere.into_iter().map(|(_, e)| e).collect(), more_roles: 0, conflict }
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

/// The first `files` documents of the union of `sets` (each most recent first) other than
/// `doc` (whose place is `here`), and how many documents the union holds besides `doc`. Costs
/// O(files) for one set; for several (a full name and a bare surname that resolves to it), also
/// the smaller set's look-ups in the larger, to count the documents in both once (a person has
/// at most two sets: their full name's and a bare surname's that resolves to them).
fn first_docs(sets: &[&RoleDocs], doc: &str, here: Option<&Recent>, files: usize) -> (Vec<DocKey>, usize) {
    // The count below takes off a document shared by two sets once per pair: exact for the one
    // or two agg keys a person has (`agg_keys`), not for three or more sets.
    debug_assert!(sets.len() <= 2, "first_docs counts shared documents per pair");
    let mut iters: Vec<_> = sets.iter().map(|s| s.keys().filter(|r| &**r.doc() != doc).peekable()).collect();
    let mut docs: Vec<DocKey> = Vec::new();
    while docs.len() < files {
        let Some(next) = iters.iter_mut().filter_map(|it| it.peek().copied()).min() else { break };
        // The same document in several sets is one document.
        if docs.last() != Some(next.doc()) {
            docs.push(next.doc().clone());
        }
        for it in iters.iter_mut() {
            while it.peek().is_some_and(|r| r.doc() == next.doc()) {
                it.next();
            }
        }
    }
    let holds = |s: &RoleDocs, r: &Recent| s.get(r).is_some();
    let mut count: usize = sets.iter().map(|s| s.len() - here.is_some_and(|r| holds(s, r)) as usize).sum();
    // Documents in more than one set, counted once: each set's documents looked up in the sets
    // before it, from the smaller side.
    for (i, s) in sets.iter().enumerate() {
        for before in &sets[..i] {
            let (small, large) = if s.len() <= before.len() { (*s, *before) } else { (*before, *s) };
            let shared = small.keys().filter(|r| &**r.doc() != doc && holds(large, r)).count();
            count -= shared;
        }
    }
    (docs, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, analyze};

    /// Invented articles giving a recurring person roles (variants with the same words, other
    /// roles), with and without a date, some naming them by surname alone.
    fn article(i: usize) -> String {
        let roles = ["Mayor", "the mayor", "Deputy Mayor", "mayor", "Harbour Master", "Chair of the Board"];
        let date = if i.is_multiple_of(3) { String::new() } else { format!("Published {} May 2026\n", 1 + (i * 7) % 28) };
        let (a, b) = (roles[i % roles.len()], roles[(i / 2 + 1) % roles.len()]);
        match i % 4 {
            0 => format!("Story {i}\n{date}\nMrs Solberg, the {}, said the bridge was open.\n", b.to_lowercase()),
            1 => format!("Story {i}\n{date}\n{a} Greta Solberg said the bridge was open. {b} Greta Solberg left.\n"),
            _ => format!("Story {i}\n{date}\n{a} Greta Solberg said the ferry was late.\n"),
        }
    }

    fn assert_kept_order_is_the_walk(index: &WorkspaceIndex) {
        for id in index.person_ids() {
            for doc in index.documents().map(|d| &**d).chain(["", "elsewhere.txt"]) {
                let all = index.roles_across(&id, doc);
                assert_eq!(all, index.roles_by_walk(&id, doc), "{id} from {doc}");
                let shown = index.roles_shown(&id, doc, 2, 1);
                assert_eq!(shown.more_roles, all.elsewhere.len().saturating_sub(2));
                assert_eq!(shown.conflict, all.conflict);
                for (s, a) in shown.elsewhere.iter().zip(&all.elsewhere) {
                    assert_eq!((&s.role, s.count, &s.docs[..]), (&a.role, a.count, &a.docs[..1]), "{id} from {doc}");
                }
            }
        }
    }

    #[test]
    fn roles_kept_most_recent_first_equal_the_walk_through_edits() {
        let mut index = WorkspaceIndex::new();
        for i in 0..90 {
            index.set_document(format!("d{i:02}.txt").into(), Arc::new(analyze(&article(i), Format::Plain).people));
        }
        // The most recent article gives two roles: their order is the walk's tie order.
        let latest = "Story z\nPublished 30 May 2026\n\nHarbour Master Greta Solberg said the ferry was late. \
            Deputy Mayor Greta Solberg left.\n";
        index.set_document("z.txt".into(), Arc::new(analyze(latest, Format::Plain).people));
        assert!(index.person_ids().iter().any(|id| index.roles_across(id, "").elsewhere.len() >= 3));
        assert_kept_order_is_the_walk(&index);
        // A date changed (nothing else: the document's contribution is otherwise the same).
        let text = article(4).replace("Published 1 May", "Published 28 December");
        index.set_document("d04.txt".into(), Arc::new(analyze(&text, Format::Plain).people));
        assert_kept_order_is_the_walk(&index);
        for i in (0..90).step_by(4) {
            index.remove_document(&format!("d{i:02}.txt"));
        }
        assert_kept_order_is_the_walk(&index);
    }
}

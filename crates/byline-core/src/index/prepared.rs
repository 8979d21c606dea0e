//! A document's contribution to the index worked out from its people alone, before the index is
//! touched: its local keys, counts, spellings, quotations, mention lists, and the keys it will
//! be filed under (agg keys, lower-cased roles, spelling link keys).
//!
//! None of it reads the index, so the workspace loader computes it on its worker threads and
//! the one task that owns the index only files the result ([`WorkspaceIndex::set_prepared`],
//! [`WorkspaceIndex::set_documents`]). At 100,000 articles this work (key folding, spelling
//! keys with Unicode decomposition, quotation words) was a large share of a warm reopen, all of
//! it on the state task.

use std::sync::Arc;

use super::roles::{RoleAt, words_key};
use super::{DocEntry, LocalKey, agg_key, doc_quotes, doc_spellings, link_key, local_keys, mentions, surname_of_key, union_surname};
use crate::people::DocPeople;

/// One document's contribution, ready to be filed into a [`super::WorkspaceIndex`].
#[derive(Clone, Debug)]
pub struct PreparedDocument {
    pub(super) entry: DocEntry,
    /// `agg_keys[i]`: the agg key of `people.persons[i]` ([`agg_key`]).
    pub(super) agg_keys: Vec<Arc<str>>,
    /// `roles[i]`: the roles of `people.persons[i]`, lower-cased (the key) and as written.
    pub(super) roles: Vec<Vec<(Arc<str>, Arc<str>)>>,
    /// The distinct local keys, each with what it is filed under.
    pub(super) distinct: Vec<DistinctKey>,
    /// The roles by agg key and role words, for [`super::Agg::role_recency`].
    pub(super) role_groups: Vec<RoleGroup>,
}

/// The role a document gives the persons of one agg key with one set of role words: of the
/// roles written with those words, the one with the first lower-cased form (the last written
/// so), as [`super::WorkspaceIndex::roles_across`] read them from `Agg::roles`.
#[derive(Clone, Debug)]
pub(super) struct RoleGroup {
    pub(super) agg: Arc<str>,
    pub(super) words: Arc<str>,
    pub(super) at: RoleAt,
}

/// A local key as it first appears in a document, with what the index files it under.
#[derive(Clone, Debug)]
pub(super) struct DistinctKey {
    /// The first person with this key.
    pub(super) person: usize,
    /// Its surname in `surname_union` ([`union_surname`]).
    pub(super) union: Arc<str>,
    /// For a full-name key: its surname (the key of `surname_full`) and its link key
    /// (`spell_links`, [`link_key`]).
    pub(super) full: Option<(Arc<str>, Option<Arc<str>>)>,
}

impl PreparedDocument {
    /// Work out what `people` contributes. Costs O(mentions and persons of the document).
    pub fn new(people: Arc<DocPeople>) -> PreparedDocument {
        let keys = local_keys(&people);
        let mut counts = vec![(0usize, 0usize); keys.len()];
        for m in &people.mentions {
            if let Some(c) = counts.get_mut(m.person) {
                c.0 += 1;
                c.1 += m.full as usize;
            }
        }
        let mut distinct: Vec<DistinctKey> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, k) in keys.iter().enumerate() {
            if !seen.insert(k) {
                continue;
            }
            let full = match k {
                LocalKey::Full(key) => Some((Arc::from(surname_of_key(key)), link_key(key))),
                LocalKey::Surname(_) => None,
            };
            distinct.push(DistinctKey { person: i, union: union_surname(k), full });
        }
        let agg_keys: Vec<Arc<str>> = keys.iter().map(agg_key).collect();
        let roles: Vec<Vec<(Arc<str>, Arc<str>)>> =
            people.persons.iter().map(|p| p.roles.iter().map(|r| (Arc::from(r.to_lowercase()), Arc::from(r.as_str()))).collect()).collect();
        let role_groups = role_groups(&agg_keys, &roles);
        let tentative: Vec<Arc<str>> = people.tentative.iter().map(|(_, w)| crate::people::person_key(None, w).into()).collect();
        let spellings = doc_spellings(&people, &keys);
        let quotes = doc_quotes(&people);
        let by_person = mentions::by_person(&people);
        let entry = DocEntry { people, keys, counts, by_person, tentative, spellings: spellings.into(), quotes: quotes.into() };
        PreparedDocument { entry, agg_keys, roles, distinct, role_groups }
    }

    /// The people it was prepared from.
    pub fn people(&self) -> &Arc<DocPeople> {
        &self.entry.people
    }
}

/// Per agg key and role words, the role a document gives (see [`RoleGroup`]).
fn role_groups(agg_keys: &[Arc<str>], roles: &[Vec<(Arc<str>, Arc<str>)>]) -> Vec<RoleGroup> {
    // (agg key, lower-cased role) → the role as last written so.
    let mut written: std::collections::BTreeMap<(&Arc<str>, &Arc<str>), &Arc<str>> = Default::default();
    for (ak, rs) in agg_keys.iter().zip(roles) {
        for (lower, role) in rs {
            written.insert((ak, lower), role);
        }
    }
    let mut out: Vec<RoleGroup> = Vec::new();
    // In order of lower-cased role, so the first of each group is kept.
    for ((ak, _), role) in written {
        let words = words_key(role);
        if out.iter().any(|g| g.agg == *ak && g.words == words) {
            continue;
        }
        out.push(RoleGroup { agg: ak.clone(), words, at: role.clone() });
    }
    out
}

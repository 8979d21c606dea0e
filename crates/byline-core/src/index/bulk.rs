//! Filing many new documents at once: the workspace walk delivers thousands of files between
//! two snapshots, and filing them one by one ([`WorkspaceIndex::set_prepared`]) paid, per
//! document and per person, a look-up and an update of each persistent map — at 100,000
//! articles most of a warm reopen. Here a batch is first gathered in plain hash maps and
//! vectors (per map key: the documents to add, sorted once), and each persistent map is then
//! written once per key it gains; a document set built from nothing is built whole.
//!
//! The result equals filing the documents one by one in the batch's order, versions included
//! (`tests/index_bulk.rs` compares every query's answer).

use std::sync::Arc;

use super::roles::{Recent, RoleAt};
use super::{Agg, DocEntry, DocKey, FormCount, LocalKey, PreparedDocument, SMALL_MAP, SmallMap, WorkspaceIndex};
use crate::consistency::quotes as quotation;
// Keys are short strings hashed once per document and person: Fx, not SipHash.
use crate::people::lexicon::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Additions to one document set: (document, value), each document once.
type Adds<V, K = DocKey> = Vec<(K, V)>;

/// Add `value` for `doc` to `list`, combined with the last entry when it is `doc`'s too (a
/// batch adds one document's values one after another).
fn push<V>(list: &mut Adds<V>, doc: &DocKey, value: V, combine: impl FnOnce(&mut V, V)) {
    match list.last_mut() {
        Some((d, v)) if Arc::ptr_eq(d, doc) => combine(v, value),
        _ => list.push((doc.clone(), value)),
    }
}

fn add_count(v: &mut u32, by: u32) {
    *v += by;
}

/// Merge `adds` (documents the set does not hold yet) into `set`, combining like [`push`].
fn merge<K: Ord + Clone, V: Clone + Default>(set: &mut SmallMap<K, V>, mut adds: Adds<V, K>, combine: impl Fn(&mut V, V)) {
    if adds.is_empty() {
        return;
    }
    adds.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if set.is_empty() {
        *set = if adds.len() <= SMALL_MAP {
            // Kept as long as the document set is small: no room to spare (a workspace has
            // tens of thousands of these).
            adds.shrink_to_fit();
            SmallMap::Small(Arc::new(adds))
        } else {
            SmallMap::Large(adds.into_iter().collect())
        };
        return;
    }
    if let SmallMap::Large(m) = set {
        // One descent of the tree per document: `entry_or` looks the key up, inserts it, then
        // looks it up again for the value (three descents, each comparing paths).
        for (d, v) in adds {
            let mut value = V::default();
            combine(&mut value, v);
            if let Some(old) = m.insert(d.clone(), value) {
                // Not a new document after all: combined with what it had, as `entry_or` does
                // (each `combine` here adds to a count or replaces the value, so combining the
                // default first changes nothing).
                let slot = m.get_mut(&d).expect("just inserted");
                let added = std::mem::replace(slot, old);
                combine(slot, added);
            }
        }
        return;
    }
    set.reserve_for(adds.len());
    for (d, v) in adds {
        combine(set.entry_or(d, V::default()), v);
    }
}

/// Merge counts keyed by name into a small map of counts.
fn merge_counts<N: Default + Clone + std::ops::AddAssign>(map: &mut SmallMap<Arc<str>, N>, adds: HashMap<Arc<str>, N>) {
    map.reserve_for(adds.keys().filter(|k| map.get(&***k).is_none()).count());
    for (k, n) in adds {
        *map.entry_or(k, N::default()) += n;
    }
}

/// What a batch adds to one agg.
#[derive(Default)]
struct AggAdds {
    mentions: usize,
    names: HashMap<Arc<str>, usize>,
    roles: HashMap<Arc<str>, Adds<Arc<str>>>,
    quote_docs: Adds<u32>,
    full_mention_docs: Adds<u32>,
    forms: HashMap<Arc<str>, (usize, Adds<u32>)>,
    role_recency: HashMap<Arc<str>, Vec<(Recent, RoleAt)>>,
}

/// What a batch adds to the whole index, gathered before any persistent map is written.
#[derive(Default)]
struct Gathered {
    full_docs: HashMap<Arc<str>, Adds<u32>>,
    surname_full: HashMap<Arc<str>, HashMap<Arc<str>, u32>>,
    surname_docs: HashMap<Arc<str>, Adds<u32>>,
    surname_union: HashMap<Arc<str>, Adds<u32>>,
    spell_links: HashMap<Arc<str>, HashMap<Arc<str>, u32>>,
    aggs: HashMap<Arc<str>, AggAdds>,
    tentative_docs: HashMap<Arc<str>, Adds<u32>>,
    tentative_total: HashMap<Arc<str>, usize>,
    quote_texts: HashMap<u64, Adds<u32>>,
    /// How many documents changed each version (as many as filing them one by one bumps).
    spelling_changes: u64,
    quote_changes: u64,
    people_changes: u64,
    entries: Vec<(DocKey, DocEntry)>,
}

impl Gathered {
    /// Gather what the new document `doc` adds (what [`WorkspaceIndex::set_prepared`] files for
    /// a document the index does not hold).
    fn add(&mut self, doc: DocKey, prepared: PreparedDocument) {
        let PreparedDocument { entry, agg_keys, roles, distinct, role_groups } = prepared;
        let (people, keys, stats) = (&entry.people, &entry.keys, &entry.counts);
        for d in &distinct {
            let count = (stats[d.person].0 as u32).max(1);
            match (&keys[d.person], &d.full) {
                (LocalKey::Full(key), Some((surname, link))) => {
                    push(self.full_docs.entry(key.clone()).or_default(), &doc, count, add_count);
                    *self.surname_full.entry(surname.clone()).or_default().entry(key.clone()).or_default() += 1;
                    if let Some(l) = link {
                        *self.spell_links.entry(l.clone()).or_default().entry(key.clone()).or_default() += 1;
                    }
                }
                (LocalKey::Surname(s), _) => push(self.surname_docs.entry(s.clone()).or_default(), &doc, count, add_count),
                (LocalKey::Full(_), None) => unreachable!("a full-name key is prepared with its surname"),
            }
            push(self.surname_union.entry(d.union.clone()).or_default(), &doc, 1, add_count);
        }
        self.spelling_changes += u64::from(!entry.spellings.is_empty());
        for (ak, fk, n) in entry.spellings.iter() {
            let f = self.aggs.entry(ak.clone()).or_default().forms.entry(fk.clone()).or_default();
            f.0 += n;
            push(&mut f.1, &doc, *n as u32, add_count);
        }
        for (i, ak) in agg_keys.iter().enumerate() {
            let p = &people.persons[i];
            let a = self.aggs.entry(ak.clone()).or_default();
            a.mentions += stats[i].0;
            if !p.quotes.is_empty() {
                push(&mut a.quote_docs, &doc, 1, add_count);
            }
            if stats[i].1 > 0 {
                push(&mut a.full_mention_docs, &doc, 1, add_count);
            }
            *a.names.entry(p.name.as_str().into()).or_default() += stats[i].1.max(1);
            for (lower, role) in &roles[i] {
                // As `insert`: the last role written so in the document wins.
                push(a.roles.entry(lower.clone()).or_default(), &doc, role.clone(), |v, r| *v = r);
            }
        }
        for g in role_groups {
            let recent = Recent::new(people.dated, &doc);
            // One entry per document, agg and role words: nothing to combine.
            self.aggs.entry(g.agg).or_default().role_recency.entry(g.words).or_default().push((recent, g.at));
        }
        for t in &entry.tentative {
            push(self.tentative_docs.entry(t.clone()).or_default(), &doc, 1, add_count);
            *self.tentative_total.entry(t.clone()).or_default() += 1;
            push(self.surname_union.entry(t.clone()).or_default(), &doc, 1, add_count);
        }
        // As filing it alone: its (quote key, speaker) pairs are new when it has quotations.
        self.quote_changes += u64::from(!entry.quotes.is_empty());
        for q in entry.quotes.iter().filter(|q| q.words.len() >= quotation::MIN_WORDS) {
            push(self.quote_texts.entry(q.key).or_default(), &doc, 1, add_count);
        }
        self.people_changes += u64::from(!keys.is_empty() || !entry.tentative.is_empty());
        self.entries.push((doc, entry));
    }
}

/// The fewest documents a batch files with its aggs on a thread of their own.
const PARALLEL_AT_LEAST: usize = 64;

/// Merge gathered document sets into a persistent map of document sets.
fn merge_sets<K: std::hash::Hash + Eq + Clone>(map: &mut super::PersistentMap<K, SmallMap<DocKey, u32>>, adds: HashMap<K, Adds<u32>>) {
    for (k, docs) in adds {
        merge(map.entry(k).or_default(), docs, add_count);
    }
}

impl WorkspaceIndex {
    /// Set each document of `batch`, in order: the same index as [`Self::set_prepared`] on
    /// each, built in bulk for the documents the index does not hold yet (the workspace walk's).
    /// A document already held, or repeated in the batch, is set on its own at its turn.
    pub fn set_documents(&mut self, batch: impl IntoIterator<Item = (DocKey, PreparedDocument)>) {
        let mut gathered = Gathered::default();
        let mut in_gathered: HashSet<DocKey> = HashSet::default();
        for (doc, prepared) in batch {
            if self.docs.contains_key(&doc) || in_gathered.contains(&doc) {
                self.file(std::mem::take(&mut gathered));
                in_gathered.clear();
                self.set_prepared(doc, prepared);
                continue;
            }
            in_gathered.insert(doc.clone());
            gathered.add(doc, prepared);
        }
        self.file(gathered);
    }

    /// Write what was gathered into the persistent maps.
    fn file(&mut self, g: Gathered) {
        if g.entries.is_empty() {
            return;
        }
        self.listing = Default::default();
        self.spelling_memo = Default::default();
        self.quote_memo = Default::default();
        // The aggs on a second thread while this one writes the other maps: no map is written
        // by both, and each is written as it would be alone. (About half of the work each, at
        // 100,000 articles; a small batch, an edit's, is not worth a thread.)
        let aggs = &mut self.aggs;
        let fold_aggs = move || {
            for (ak, adds) in g.aggs {
                merge_agg(aggs.entry(ak).or_default(), adds);
            }
        };
        std::thread::scope(|scope| {
            let aggs_thread = if g.entries.len() >= PARALLEL_AT_LEAST {
                Some(scope.spawn(fold_aggs))
            } else {
                fold_aggs();
                None
            };
            merge_sets(&mut self.full_docs, g.full_docs);
            merge_sets(&mut self.surname_docs, g.surname_docs);
            merge_sets(&mut self.surname_union, g.surname_union);
            merge_sets(&mut self.tentative_docs, g.tentative_docs);
            merge_sets(&mut self.quote_texts, g.quote_texts);
            for (s, keys) in g.surname_full {
                merge_counts(self.surname_full.entry(s).or_default(), keys);
            }
            for (l, keys) in g.spell_links {
                merge_counts(self.spell_links.entry(l).or_default(), keys);
            }
            for (t, n) in g.tentative_total {
                *self.tentative_total.entry(t).or_insert(0) += n;
            }
            if let Some(t) = aggs_thread
                && let Err(panic) = t.join()
            {
                std::panic::resume_unwind(panic);
            }
        });
        self.spelling_version += g.spelling_changes;
        self.quote_version += g.quote_changes;
        self.people_version += g.people_changes;
        for (doc, entry) in g.entries {
            self.docs.insert(doc, Arc::new(entry));
        }
    }
}

fn merge_agg(a: &mut Agg, adds: AggAdds) {
    a.mentions += adds.mentions;
    merge_counts(&mut a.names, adds.names);
    for (lower, docs) in adds.roles {
        merge(a.roles.entry_or_default(lower), docs, |v, r| *v = r);
    }
    merge(&mut a.quote_docs, adds.quote_docs, add_count);
    merge(&mut a.full_mention_docs, adds.full_mention_docs, add_count);
    for (words, docs) in adds.role_recency {
        merge(a.role_recency.entry_or_default(words), docs, |v, r| *v = r);
    }
    for (fk, (count, docs)) in adds.forms {
        let f: &mut FormCount = a.forms.entry_or_default(fk);
        f.count += count;
        merge(&mut f.docs, docs, add_count);
    }
}

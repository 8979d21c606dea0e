//! The workspace index: people across every article of the workspace.
//!
//! Each document contributes its [`DocPeople`]; the index links them into workspace-wide
//! persons (a person is identified by the fullest name seen; a surname-only mention links
//! across files only when exactly one person in the workspace carries that surname).
//! Updating one document touches that document's contributions only. Cloning the index is
//! cheap, so the language server can hand immutable snapshots to queries.

use std::sync::Arc;

use crate::Span;
use crate::people::DocPeople;

/// How the index names a document (the server uses URIs, the CLI paths).
pub type DocKey = Arc<str>;

/// A workspace-wide person: their full name.
pub type PersonId = Arc<str>;

/// Everything the index knows about one person, for hover and listings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonInfo {
    pub id: PersonId,
    pub name: String,
    /// Role and the document it comes from, most frequent role first.
    pub roles: Vec<(String, DocKey)>,
    pub mention_count: usize,
    pub file_count: usize,
    /// Quote words and the document they come from.
    pub quotes: Vec<(String, DocKey)>,
}

/// How a person of one document is identified across the workspace.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum LocalKey {
    /// Named in full in this document: the folded full-name key ("vladimir putin").
    Full(Arc<str>),
    /// Only a surname in this document: the folded surname ("putin").
    Surname(Arc<str>),
}

#[derive(Clone, Debug)]
struct DocEntry {
    people: Arc<DocPeople>,
    /// `keys[i]` identifies `people.persons[i]`.
    keys: Vec<LocalKey>,
    /// `counts[i]`: mentions of `people.persons[i]`, and how many of them are full names.
    counts: Vec<(usize, usize)>,
    /// Folded surnames of `people.tentative`, in the same order.
    tentative: Vec<Arc<str>>,
}

type DocSet = im::OrdMap<DocKey, u32>;

/// The workspace index. Every map is persistent (`im`), so `clone` is O(1) and an update
/// costs O(persons of the document × log workspace).
#[derive(Clone, Debug, Default)]
pub struct WorkspaceIndex {
    docs: im::HashMap<DocKey, Arc<DocEntry>>,
    /// Full-name key → documents that name the person in full (with their mention counts).
    full_docs: im::HashMap<Arc<str>, DocSet>,
    /// Folded surname → full-name keys carrying it (with the number of documents).
    surname_full: im::HashMap<Arc<str>, im::OrdMap<Arc<str>, u32>>,
    /// Folded surname → documents where someone is named by that surname alone.
    surname_docs: im::HashMap<Arc<str>, DocSet>,
    /// Running totals per local key (full key, or `~surname`), kept current on every update so
    /// that listings never walk the documents.
    aggs: im::HashMap<Arc<str>, Agg>,
    /// Folded surname → documents with tentative mentions of it ("Okafor said"), and how many.
    tentative_docs: im::HashMap<Arc<str>, DocSet>,
}

/// Running totals of one local key over the workspace.
#[derive(Clone, Debug, Default)]
struct Agg {
    mentions: usize,
    /// Display name → weight (full-name mentions).
    names: im::OrdMap<Arc<str>, usize>,
    /// Lower-cased role → documents giving it, with the role as written there.
    roles: im::OrdMap<Arc<str>, im::OrdMap<DocKey, Arc<str>>>,
}

fn agg_key(k: &LocalKey) -> Arc<str> {
    match k {
        LocalKey::Full(f) => f.clone(),
        LocalKey::Surname(s) => format!("{SURNAME_PREFIX}{s}").into(),
    }
}

const SURNAME_PREFIX: char = '~';

fn surname_of_key(key: &str) -> &str {
    key.split_once(' ').map_or(key, |(_, s)| s)
}

fn local_keys(people: &DocPeople) -> Vec<LocalKey> {
    people
        .persons
        .iter()
        .map(|p| {
            if p.has_full_name {
                let given = p.name.split_whitespace().next().unwrap_or("");
                LocalKey::Full(crate::people::person_key(Some(given), &p.surname).into())
            } else {
                LocalKey::Surname(crate::people::person_key(None, &p.surname).into())
            }
        })
        .collect()
}

fn bump(set: &mut DocSet, doc: &DocKey, by: u32) {
    *set.entry(doc.clone()).or_insert(0) += by;
}

fn drop_doc(set: &mut DocSet, doc: &DocKey) {
    set.remove(doc);
}

impl WorkspaceIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Replace what `doc` contributes. Costs O(persons of `doc` × log workspace).
    pub fn set_document(&mut self, doc: DocKey, people: Arc<DocPeople>) {
        self.remove_document(&doc);
        let keys = local_keys(&people);
        let mut stats = vec![(0usize, 0usize); keys.len()];
        for m in &people.mentions {
            if let Some(c) = stats.get_mut(m.person) {
                c.0 += 1;
                c.1 += m.full as usize;
            }
        }
        let counts: Vec<u32> = stats.iter().map(|c| c.0 as u32).collect();
        let mut seen = std::collections::HashSet::new();
        for (i, k) in keys.iter().enumerate() {
            if !seen.insert(k.clone()) {
                continue;
            }
            match k {
                LocalKey::Full(key) => {
                    bump(self.full_docs.entry(key.clone()).or_default(), &doc, counts[i].max(1));
                    let s: Arc<str> = surname_of_key(key).into();
                    *self.surname_full.entry(s).or_default().entry(key.clone()).or_insert(0) += 1;
                }
                LocalKey::Surname(s) => {
                    bump(self.surname_docs.entry(s.clone()).or_default(), &doc, counts[i].max(1));
                }
            }
        }
        for (i, k) in keys.iter().enumerate() {
            let p = &people.persons[i];
            let a = self.aggs.entry(agg_key(k)).or_default();
            a.mentions += stats[i].0;
            *a.names.entry(p.name.as_str().into()).or_insert(0) += stats[i].1.max(1);
            for r in &p.roles {
                a.roles.entry(r.to_lowercase().into()).or_default().insert(doc.clone(), r.as_str().into());
            }
        }
        let tentative: Vec<Arc<str>> =
            people.tentative.iter().map(|(_, w)| crate::people::person_key(None, w).into()).collect();
        for t in &tentative {
            bump(self.tentative_docs.entry(t.clone()).or_default(), &doc, 1);
        }
        self.docs.insert(doc, Arc::new(DocEntry { people, keys, counts: stats, tentative }));
    }

    /// Forget `doc`. Costs O(persons of `doc` × log workspace).
    pub fn remove_document(&mut self, doc: &str) {
        let Some(entry) = self.docs.remove(doc) else { return };
        let key: DocKey = doc.into();
        for t in &entry.tentative {
            if let Some(set) = self.tentative_docs.get_mut(t) {
                drop_doc(set, &key);
                if set.is_empty() {
                    self.tentative_docs.remove(t);
                }
            }
        }
        for (i, k) in entry.keys.iter().enumerate() {
            let p = &entry.people.persons[i];
            let ak = agg_key(k);
            let Some(a) = self.aggs.get_mut(&ak) else { continue };
            a.mentions -= entry.counts[i].0.min(a.mentions);
            let w = entry.counts[i].1.max(1);
            let name: Arc<str> = p.name.as_str().into();
            if let Some(c) = a.names.get_mut(&name) {
                *c = c.saturating_sub(w);
                if *c == 0 {
                    a.names.remove(&name);
                }
            }
            for r in &p.roles {
                let rk: Arc<str> = r.to_lowercase().into();
                if let Some(m) = a.roles.get_mut(&rk) {
                    m.remove(&key);
                    if m.is_empty() {
                        a.roles.remove(&rk);
                    }
                }
            }
            if a.mentions == 0 && a.names.is_empty() && a.roles.is_empty() {
                self.aggs.remove(&ak);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for k in &entry.keys {
            if !seen.insert(k.clone()) {
                continue;
            }
            match k {
                LocalKey::Full(fk) => {
                    if let Some(set) = self.full_docs.get_mut(fk) {
                        drop_doc(set, &key);
                        if set.is_empty() {
                            self.full_docs.remove(fk);
                        }
                    }
                    let s: Arc<str> = surname_of_key(fk).into();
                    if let Some(m) = self.surname_full.get_mut(&s) {
                        if let Some(c) = m.get_mut(fk) {
                            *c -= 1;
                            if *c == 0 {
                                m.remove(fk);
                            }
                        }
                        if m.is_empty() {
                            self.surname_full.remove(&s);
                        }
                    }
                }
                LocalKey::Surname(s) => {
                    if let Some(set) = self.surname_docs.get_mut(s) {
                        drop_doc(set, &key);
                        if set.is_empty() {
                            self.surname_docs.remove(s);
                        }
                    }
                }
            }
        }
    }

    /// The documents in the index.
    pub fn documents(&self) -> impl Iterator<Item = &DocKey> {
        self.docs.keys()
    }

    /// What the index holds for `doc`.
    pub fn document(&self, doc: &str) -> Option<&Arc<DocPeople>> {
        self.docs.get(doc).map(|e| &e.people)
    }

    /// The workspace person a local key stands for.
    fn resolve(&self, k: &LocalKey) -> PersonId {
        match k {
            LocalKey::Full(key) => key.clone(),
            LocalKey::Surname(s) => match self.surname_full.get(s) {
                Some(m) if m.len() == 1 => m.keys().next().unwrap().clone(),
                _ => format!("{SURNAME_PREFIX}{s}").into(),
            },
        }
    }

    /// The one person named in full with folded surname `s`, if exactly one.
    fn unique_full(&self, s: &str) -> Option<PersonId> {
        self.surname_full.get(s).filter(|m| m.len() == 1).and_then(|m| m.keys().next().cloned())
    }

    /// The person mentioned at byte `offset` of `doc`.
    pub fn person_at(&self, doc: &str, offset: usize) -> Option<PersonId> {
        let e = self.docs.get(doc)?;
        if let Some(m) = e.people.mention_at(offset) {
            return Some(self.resolve(e.keys.get(m.person)?));
        }
        let i = e.people.tentative.iter().position(|t| t.0.start <= offset && offset <= t.0.end)?;
        self.unique_full(e.tentative.get(i)?)
    }

    /// Tentative mentions of the full-name person `id`, by document (key order).
    fn tentative_of(&self, id: &str) -> Vec<(DocKey, Span)> {
        if id.starts_with(SURNAME_PREFIX) {
            return Vec::new();
        }
        let s = surname_of_key(id);
        if self.unique_full(s).as_deref() != Some(id) {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let Some(set) = self.tentative_docs.get(s) {
            for d in set.keys() {
                if let Some(e) = self.docs.get(d) {
                    for (i, t) in e.tentative.iter().enumerate() {
                        if &**t == s {
                            out.push((d.clone(), e.people.tentative[i].0.clone()));
                        }
                    }
                }
            }
        }
        out
    }

    /// The documents (in key order) and local person indices that make up person `id`.
    fn parts(&self, id: &str) -> Vec<(DocKey, Arc<DocEntry>, Vec<usize>)> {
        let mut docs: std::collections::BTreeMap<DocKey, Arc<DocEntry>> = Default::default();
        let mut local_keys: Vec<LocalKey> = Vec::new();
        if let Some(s) = id.strip_prefix(SURNAME_PREFIX) {
            let s: Arc<str> = s.into();
            if self.surname_full.get(&s).is_some_and(|m| m.len() == 1) {
                return Vec::new();
            }
            if let Some(set) = self.surname_docs.get(&s) {
                for d in set.keys() {
                    if let Some(e) = self.docs.get(d) {
                        docs.insert(d.clone(), e.clone());
                    }
                }
            }
            local_keys.push(LocalKey::Surname(s));
        } else {
            let key: Arc<str> = id.into();
            let Some(set) = self.full_docs.get(&key) else { return Vec::new() };
            for d in set.keys() {
                if let Some(e) = self.docs.get(d) {
                    docs.insert(d.clone(), e.clone());
                }
            }
            let s: Arc<str> = surname_of_key(&key).into();
            if self.surname_full.get(&s).is_some_and(|m| m.len() == 1) {
                if let Some(set) = self.surname_docs.get(&s) {
                    for d in set.keys() {
                        if let Some(e) = self.docs.get(d) {
                            docs.insert(d.clone(), e.clone());
                        }
                    }
                }
                local_keys.push(LocalKey::Surname(s));
            }
            local_keys.push(LocalKey::Full(key));
        }
        docs.into_iter()
            .map(|(d, e)| {
                let idx: Vec<usize> =
                    e.keys.iter().enumerate().filter(|(_, k)| local_keys.contains(k)).map(|(i, _)| i).collect();
                (d, e, idx)
            })
            .filter(|(_, _, idx)| !idx.is_empty())
            .collect()
    }

    /// Everything about a person: name, roles (most frequent first, with the first document
    /// giving each), counts and quotes.
    pub fn person(&self, id: &str) -> Option<PersonInfo> {
        let mut info = self.summary(id)?;
        for (d, e, idx) in self.parts(id) {
            for i in idx {
                for (_, q) in &e.people.persons[i].quotes {
                    info.quotes.push((q.clone(), d.clone()));
                }
            }
        }
        Some(info)
    }

    /// The local keys that make up person `id` (at most two: the full name and the bare
    /// surname when it resolves to it), or none when `id` is not a person now.
    fn agg_keys(&self, id: &str) -> Vec<Arc<str>> {
        if let Some(s) = id.strip_prefix(SURNAME_PREFIX) {
            if self.surname_full.get(s).is_some_and(|m| m.len() == 1) || !self.surname_docs.contains_key(s) {
                return Vec::new();
            }
            return vec![id.into()];
        }
        if !self.full_docs.contains_key(id) {
            return Vec::new();
        }
        let s = surname_of_key(id);
        let mut out: Vec<Arc<str>> = vec![id.into()];
        if self.surname_full.get(s).is_some_and(|m| m.len() == 1) && self.surname_docs.contains_key(s) {
            out.push(format!("{SURNAME_PREFIX}{s}").into());
        }
        out
    }

    /// The display name of a person, from the running totals.
    fn name_of(&self, id: &str) -> Option<&str> {
        let keys = self.agg_keys(id);
        for k in &keys {
            if let Some(a) = self.aggs.get(k) {
                if let Some((n, _)) =
                    a.names.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.len().cmp(&a.0.len())).then(b.0.cmp(a.0)))
                {
                    return Some(n);
                }
            }
        }
        None
    }

    /// Name, roles and counts of a person from the running totals (no quotes).
    fn summary(&self, id: &str) -> Option<PersonInfo> {
        let keys = self.agg_keys(id);
        if keys.is_empty() {
            return None;
        }
        let aggs: Vec<&Agg> = keys.iter().filter_map(|k| self.aggs.get(k)).collect();
        let mut names: std::collections::BTreeMap<&str, usize> = Default::default();
        let mut roles: std::collections::BTreeMap<&str, (usize, &DocKey, &str)> = Default::default();
        let mut mention_count = 0;
        for (ai, a) in aggs.iter().enumerate() {
            mention_count += a.mentions;
            // The full name's forms win over a bare surname's.
            if ai == 0 || names.is_empty() {
                for (n, w) in a.names.iter() {
                    *names.entry(n).or_insert(0) += w;
                }
            }
            for (rk, docs) in a.roles.iter() {
                let Some((d, disp)) = docs.iter().next() else { continue };
                let e = roles.entry(rk).or_insert((0, d, disp));
                e.0 += docs.len();
                if d < e.1 {
                    e.1 = d;
                    e.2 = disp;
                }
            }
        }
        let name = names
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.len().cmp(&a.0.len())).then(b.0.cmp(a.0)))
            .map(|(n, _)| n.to_string())
            .unwrap_or_default();
        let mut roles: Vec<(usize, &DocKey, &str)> = roles.into_values().collect();
        roles.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let mut file_count = 0;
        let full = self.full_docs.get(id);
        if let Some(f) = full {
            file_count += f.len();
        }
        if let Some(s) = keys.iter().find_map(|k| k.strip_prefix(SURNAME_PREFIX)) {
            if let Some(sd) = self.surname_docs.get(s) {
                file_count += sd.keys().filter(|d| !full.is_some_and(|f| f.contains_key(*d))).count();
            }
        }
        if !id.starts_with(SURNAME_PREFIX) && self.tentative_docs.contains_key(surname_of_key(id)) {
            let t = self.tentative_of(id);
            mention_count += t.len();
            let sk = surname_of_key(id);
            let mut extra: Vec<&DocKey> = t
                .iter()
                .map(|(d, _)| d)
                .filter(|d| !full.is_some_and(|f| f.contains_key(*d)))
                .filter(|d| !self.surname_docs.get(sk).is_some_and(|f| f.contains_key(*d)))
                .collect();
            extra.dedup();
            file_count += extra.len();
        }
        Some(PersonInfo {
            id: id.into(),
            name,
            roles: roles.into_iter().map(|(_, d, r)| (r.to_string(), d.clone())).collect(),
            mention_count,
            file_count,
            quotes: Vec::new(),
        })
    }

    /// Every mention of the person, in every document (documents in key order, mentions in
    /// text order), with whether the mention is a full name.
    pub fn mentions_full(&self, id: &str) -> Vec<(DocKey, Span, bool)> {
        let mut out = Vec::new();
        for (d, e, idx) in self.parts(id) {
            for m in &e.people.mentions {
                if idx.contains(&m.person) {
                    out.push((d.clone(), m.span.clone(), m.full));
                }
            }
        }
        let t = self.tentative_of(id);
        if !t.is_empty() {
            out.extend(t.into_iter().map(|(d, s)| (d, s, false)));
            out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)));
        }
        out
    }

    /// Every mention of the person, in every document.
    pub fn mentions(&self, id: &str) -> Vec<(DocKey, Span)> {
        self.mentions_full(id).into_iter().map(|(d, s, _)| (d, s)).collect()
    }

    /// The first full-name mention in `from_doc`, else the first in the workspace.
    pub fn definition(&self, id: &str, from_doc: &str) -> Option<(DocKey, Span)> {
        let all = self.mentions_full(id);
        all.iter()
            .find(|(d, _, full)| *full && &**d == from_doc)
            .or_else(|| all.iter().find(|(_, _, full)| *full))
            .or_else(|| all.iter().find(|(d, _, _)| &**d == from_doc))
            .or_else(|| all.first())
            .map(|(d, s, _)| (d.clone(), s.clone()))
    }

    /// Every person id in the workspace.
    pub fn person_ids(&self) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = self.full_docs.keys().cloned().collect();
        for s in self.surname_docs.keys() {
            if !self.surname_full.get(s).is_some_and(|m| m.len() == 1) {
                out.push(format!("{SURNAME_PREFIX}{s}").into());
            }
        }
        out.sort();
        out
    }

    /// People whose name matches `query` fuzzily (case-insensitive subsequence); all when empty.
    pub fn search(&self, query: &str) -> Vec<PersonInfo> {
        let q: Vec<char> = query.chars().flat_map(|c| c.to_lowercase()).filter(|c| !c.is_whitespace()).collect();
        // Names and counts come from running totals; quotes are left out of listings (ask
        // `person` for them).
        let mut out: Vec<PersonInfo> = self
            .person_ids()
            .iter()
            .filter(|id| q.is_empty() || self.name_of(id).is_some_and(|n| subsequence(&q, n)))
            .filter_map(|id| self.summary(id))
            .collect();
        out.sort_by(|a, b| b.mention_count.cmp(&a.mention_count).then(a.name.cmp(&b.name)));
        out
    }

    /// The people mentioned in `doc`.
    pub fn people_in(&self, doc: &str) -> Vec<PersonId> {
        let Some(e) = self.docs.get(doc) else { return Vec::new() };
        let mut out: Vec<PersonId> = Vec::new();
        for m in &e.people.mentions {
            if let Some(k) = e.keys.get(m.person) {
                let id = self.resolve(k);
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        for t in &e.tentative {
            if let Some(id) = self.unique_full(t) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }
}

fn subsequence(q: &[char], name: &str) -> bool {
    let mut it = q.iter().peekable();
    for c in name.chars().flat_map(|c| c.to_lowercase()) {
        if it.peek() == Some(&&c) {
            it.next();
        }
    }
    it.peek().is_none()
}

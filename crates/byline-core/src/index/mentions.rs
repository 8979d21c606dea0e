//! A person's mentions document by document, read from the per-person lists each document
//! keeps (`DocEntry::by_person`) instead of a scan of every mention of every document naming
//! the person: find-references on a person with tens of thousands of mentions costs their
//! mentions plus one lookup per document, and hands them out a document at a time (no
//! `DocKey` clone per mention, no sort of the whole list by document key).

use super::{DocEntry, DocKey, SURNAME_PREFIX, WorkspaceIndex, surname_of_key};
use crate::Span;
use crate::people::DocPeople;
use std::sync::Arc;

/// For each person of `people`, the indices of their mentions in text order: built with the
/// document (O(mentions of the document)), so the index's updates stay proportional to it.
pub(super) fn by_person(people: &DocPeople) -> Vec<Box<[u32]>> {
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); people.persons.len()];
    for (i, m) in people.mentions.iter().enumerate() {
        if let Some(l) = lists.get_mut(m.person) {
            l.push(i as u32);
        }
    }
    lists.into_iter().map(Vec::into_boxed_slice).collect()
}

/// Append the mentions of the local persons `idx` of `e` to `out`, in text order.
pub(super) fn push_mentions(e: &DocEntry, idx: &[usize], out: &mut Vec<(Span, bool)>) {
    let mention = |i: &u32| {
        let m = &e.people.mentions[*i as usize];
        (m.span.clone(), m.full)
    };
    match idx {
        [one] => out.extend(e.by_person[*one].iter().map(mention)),
        _ => {
            // Several local persons (a full name and its bare surname): merged back into the
            // order of `mentions`, which is text order.
            let mut all: Vec<u32> = idx.iter().flat_map(|i| e.by_person[*i].iter().copied()).collect();
            all.sort_unstable();
            out.extend(all.iter().map(mention));
        }
    }
}

impl WorkspaceIndex {
    /// Calls `each` once per document mentioning person `id` (documents in key order) with its
    /// mentions there (text order, tentative mentions included, each with whether it is a full
    /// name): what [`Self::mentions_full`] lists, without building the whole list. Costs the
    /// person's mentions plus a lookup per document.
    pub fn each_mention_group(&self, id: &str, mut each: impl FnMut(&DocKey, &[(Span, bool)])) {
        let parts = self.parts(id);
        let tentative = self.tentative_docs_of(id);
        let (mut p, mut t) = (parts.iter().peekable(), tentative.iter().peekable());
        let mut buf: Vec<(Span, bool)> = Vec::new();
        loop {
            // Merge the two key-ordered lists of documents.
            let (part, tent) = match (p.peek(), t.peek()) {
                (None, None) => break,
                (Some(a), Some(b)) if a.0 == b.0 => (p.next(), t.next()),
                (Some(a), Some(b)) if a.0 < b.0 => (p.next(), None),
                (Some(_), None) => (p.next(), None),
                _ => (None, t.next()),
            };
            buf.clear();
            if let Some((_, e, idx)) = part {
                push_mentions(e, idx, &mut buf);
            }
            if let Some((_, e)) = tent {
                let s = surname_of_key(id);
                let before = buf.len();
                for (i, k) in e.tentative.iter().enumerate() {
                    if &**k == s {
                        buf.push((e.people.tentative[i].0.clone(), false));
                    }
                }
                if buf.len() > before {
                    buf.sort_by_key(|(span, _)| span.start);
                }
            }
            if let Some(doc) = part.map(|x| &x.0).or(tent.map(|x| &x.0))
                && !buf.is_empty()
            {
                each(doc, &buf);
            }
        }
    }

    /// The documents (key order) with tentative mentions of the full-name person `id` ("Okafor
    /// said" when Daniel Okafor is the only Okafor named in full): as [`Self::tentative_of`].
    fn tentative_docs_of(&self, id: &str) -> Vec<(DocKey, Arc<DocEntry>)> {
        if id.starts_with(SURNAME_PREFIX) {
            return Vec::new();
        }
        let s = surname_of_key(id);
        if self.unique_full(s).as_deref() != Some(id) {
            return Vec::new();
        }
        let Some(set) = self.tentative_docs.get(s) else { return Vec::new() };
        set.keys().filter_map(|d| Some((d.clone(), self.docs.get(d)?.clone()))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, analyze};
    use std::time::{Duration, Instant};

    /// `n` invented articles: Mara Quellin named in full in every third, by surname alone
    /// (tentatively or not) in the others, beside one-off people.
    fn workspace(n: usize) -> WorkspaceIndex {
        let mut index = WorkspaceIndex::new();
        for i in 0..n {
            let text = match i % 3 {
                0 => format!("Engineer Mara Quellin said the dam held. Pilot Tomas Vrell{i} said it leaked. Quellin said more.\n"),
                1 => format!("Quellin said the water rose. Clerk Anja Brisk{i} said “not yet”, and Quellin left.\n"),
                _ => format!("Nobody here but Judge Lio Fenn{i}, who said the case was closed. Quellin said so too.\n"),
            };
            index.set_document(format!("file:///ws/{i:05}.md").into(), Arc::new(analyze(&text, Format::Plain).people));
        }
        index
    }

    #[test]
    fn groups_list_what_the_walk_lists_on_a_bigger_workspace() {
        let index = workspace(300);
        for id in index.person_ids() {
            let mut groups: Vec<(DocKey, usize)> = Vec::new();
            index.each_mention_group(&id, |d, spans| groups.push((d.clone(), spans.len())));
            let walk = index.mentions_by_walk(&id);
            assert_eq!(groups.iter().map(|g| g.1).sum::<usize>(), walk.len(), "{id}");
            assert!(groups.windows(2).all(|w| w[0].0 < w[1].0), "{id}: documents in key order, each once");
            assert_eq!(index.mentions_full(&id), walk, "{id}");
        }
    }

    /// Timing, not a check: `cargo test --release -p byline-core --lib mention_groups_timing
    /// -- --ignored --nocapture`. The three are run in turn 30 times, so that load from other
    /// processes falls on all of them; best and median per way.
    #[test]
    #[ignore]
    fn mention_groups_timing() {
        let index = workspace(15_000);
        let top = index.search_top("", 1);
        let id = &*top[0].id;
        let ways: [(&str, &dyn Fn() -> usize); 3] = [
            ("walk", &|| index.mentions_by_walk(id).len()),
            ("mentions_full", &|| index.mentions_full(id).len()),
            ("each_mention_group", &|| {
                let mut n = 0;
                index.each_mention_group(id, |_, spans| n += spans.len());
                n
            }),
        ];
        let mut times: [Vec<Duration>; 3] = Default::default();
        let mut counts = [0; 3];
        for _ in 0..30 {
            for (i, (_, f)) in ways.iter().enumerate() {
                let t = Instant::now();
                counts[i] = f();
                times[i].push(t.elapsed());
            }
        }
        for (i, (name, _)) in ways.iter().enumerate() {
            times[i].sort();
            eprintln!("{id}, {} mentions: {name} best {:?} median {:?}", counts[i], times[i][0], times[i][15]);
        }
        assert!(counts.iter().all(|c| *c == counts[0]));
    }
}

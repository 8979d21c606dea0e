//! Filing documents in bulk (`WorkspaceIndex::set_documents`, the workspace walk's path) gives
//! the index that filing them one by one gives: every query answers alike, versions included.
//! On invented articles (a recurring cast with shared surnames, spelling variants, roles,
//! datelines, shared and near-identical quotations, lone surnames) and on the shared corpus
//! (`../shared/corpus/*/*.txt` beside the repository, skipped with a message when absent).

use std::path::PathBuf;
use std::sync::Arc;

use byline_core::index::{DocKey, PreparedDocument, WorkspaceIndex};
use byline_core::{Format, analyze};

/// A small deterministic generator (no dependency): xorshift.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const GIVEN: [&str; 8] = ["Ilse", "Tomas", "Wren", "Odile", "Kasimir", "Nell", "Bartek", "Ines"];
const SURNAMES: [&str; 7] = ["Brandvold", "Okonjo", "Marchetti", "Ferreira", "Holloway", "Quist", "Lindqvist"];
/// Spellings of one surname that fold alike ("Lindqvist", "Lindquist" differ by a letter).
const VARIANTS: [&str; 3] = ["Halvorsen", "Halvorson", "Halvorssen"];
const ROLES: [&str; 6] = ["Health Minister", "Finance Minister", "the minister", "Councillor", "Engineer", "spokesman"];
const QUOTES: [&str; 4] = [
    "We will not close the clinics before the winter is over",
    "We will not close the clinics before the summer is over",
    "The budget is balanced and the books are open to anyone",
    "Nobody told us the river would rise this fast",
];

/// An invented article: a dateline now and then, people with roles, quotations, lone surnames.
fn article(rng: &mut Rng, n: usize) -> String {
    let mut out = format!("Story {n}\n");
    if !rng.one_in(3) {
        out.push_str(&format!("Published {} March 2026\n", 1 + rng.next() % 28));
    }
    out.push('\n');
    // One person in most articles: their document sets grow past the small vectors.
    if !rng.one_in(4) {
        let role = rng.pick(&["Mayor", "the mayor", "Deputy Mayor"]);
        out.push_str(&format!("{role} Greta Solberg opened the bridge. Solberg said: “{}.”\n", rng.pick(&QUOTES)));
    }
    for _ in 0..(2 + rng.next() % 4) {
        let given = rng.pick(&GIVEN);
        let surname = if rng.one_in(4) { rng.pick(&VARIANTS) } else { rng.pick(&SURNAMES) };
        let role = rng.pick(&ROLES);
        match rng.next() % 5 {
            0 => out.push_str(&format!("{role} {given} {surname} said the ferry would sail at noon. ")),
            1 => out.push_str(&format!("“{},” said {given} {surname}, the {}. ", rng.pick(&QUOTES), role.to_lowercase())),
            2 => out.push_str(&format!("{surname} said the market had fallen again. ")),
            3 => out.push_str(&format!("{given} {surname} said: “{}.” {surname} added more. ", rng.pick(&QUOTES))),
            _ => out.push_str(&format!("Mr {surname} was not available for comment. ")),
        }
        if rng.one_in(2) {
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

fn invented(count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    (0..count).map(|i| (format!("gen/{:03}-{}.txt", (rng.next() % 97), i), article(&mut rng, i))).collect()
}

fn corpus() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        eprintln!("index_bulk: no shared corpus at {}; invented articles only", root.display());
        return Vec::new();
    };
    let mut out = Vec::new();
    for dir in dirs.flatten() {
        for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.push((p.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

fn prepared(docs: &[(String, String)]) -> Vec<(DocKey, PreparedDocument)> {
    docs.iter().map(|(k, t)| (DocKey::from(k.as_str()), PreparedDocument::new(Arc::new(analyze(t, Format::Plain).people)))).collect()
}

/// Every query's answer, for every person and document, as text.
fn answers(index: &WorkspaceIndex) -> Vec<String> {
    let mut out = vec![
        format!("versions {} {} {}", index.spelling_version(), index.quote_version(), index.people_version()),
        format!("{:?}", index.search("")),
        format!("{:?}", index.search_top("a", 40)),
        format!("{:?}", index.search_top("lind", 40)),
    ];
    let mut docs: Vec<DocKey> = index.documents().cloned().collect();
    docs.sort();
    let name = |d: &str| d.to_string();
    for d in &docs {
        out.push(format!("{d}: {:?} {:?}", index.people_in(d), index.spelling_findings(d, &[])));
        out.push(format!("{d}: {:?}", index.quote_findings(d, &name)));
        let people = index.document(d).unwrap();
        for m in &people.mentions {
            out.push(format!("{d}@{}: {:?} {:?}", m.span.start, index.person_at(d, m.span.start), index.form_at(d, m.span.start)));
        }
        for p in &people.persons {
            for (span, _) in &p.quotes {
                out.push(format!("{d}@{}: {:?}", span.start, index.quotation_at(d, span.start)));
            }
        }
        for id in index.people_in(d) {
            out.push(format!("{d} {id}: {:?} {:?}", index.roles_across(&id, d), index.definition(&id, d)));
            out.push(format!("{d} {id}: {:?}", index.mentions_in(d, &id)));
        }
    }
    for id in index.person_ids() {
        out.push(format!("{id}: {:?} {:?}", index.person(&id), index.person_with_quotes(&id, 3)));
        out.push(format!("{id}: {:?} {:?}", index.mentions_full(&id), index.spellings(&id)));
        out.push(format!("{id}: {:?} {:?}", index.name_forms(&id), index.definition(&id, "")));
    }
    out
}

fn one_by_one(docs: &[(DocKey, PreparedDocument)]) -> WorkspaceIndex {
    let mut index = WorkspaceIndex::new();
    for (k, p) in docs {
        index.set_prepared(k.clone(), p.clone());
    }
    index
}

/// Bulk in batches of `size`, with a snapshot (a clone kept alive) between batches, as the
/// server takes them during a walk.
fn in_batches(docs: &[(DocKey, PreparedDocument)], size: usize) -> WorkspaceIndex {
    let mut index = WorkspaceIndex::new();
    let mut snapshots = Vec::new();
    for chunk in docs.chunks(size) {
        index.set_documents(chunk.iter().cloned());
        snapshots.push(index.clone());
    }
    index
}

fn assert_same(a: &WorkspaceIndex, b: &WorkspaceIndex, what: &str) {
    let (a, b) = (answers(a), answers(b));
    assert_eq!(a.len(), b.len(), "{what}: number of answers");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "{what}");
    }
}

#[test]
fn bulk_equals_one_by_one_on_invented_articles() {
    let docs = prepared(&invented(200, 0x9e37_79b9_7f4a_7c15));
    let expected = one_by_one(&docs);
    // The articles exercise what is compared: spellings and quotations flagged across
    // articles, roles elsewhere with a conflict.
    let all = answers(&expected).join("\n");
    for needle in ["SpellingFinding", "QuoteFinding", "RoleConflict"] {
        assert!(all.contains(needle), "no {needle} in the invented workspace");
    }
    let files: Vec<usize> = expected.search("").iter().map(|p| p.file_count).collect();
    assert!(files.len() > 50 && files[0] > 100, "{files:?}");
    for size in [1, 33, 150, docs.len()] {
        assert_same(&expected, &in_batches(&docs, size), &format!("batches of {size}"));
    }
}

#[test]
fn bulk_equals_one_by_one_on_the_corpus() {
    let docs = prepared(&corpus());
    if docs.is_empty() {
        return;
    }
    let expected = one_by_one(&docs);
    for size in [7, docs.len()] {
        assert_same(&expected, &in_batches(&docs, size), &format!("corpus, batches of {size}"));
    }
}

/// A batch that repeats a document, or sets one the index holds, sets it at its turn (the
/// last text wins), and removing documents afterwards leaves what removing them from the
/// one-by-one index leaves.
#[test]
fn repeats_and_known_documents_are_set_in_order_and_removal_agrees() {
    let first = prepared(&invented(120, 7));
    let second = prepared(&invented(120, 8));
    // The same keys with other texts, mixed in.
    let mut batch: Vec<(DocKey, PreparedDocument)> = first.clone();
    batch.extend(second.iter().take(60).map(|(_, p)| p.clone()).zip(first.iter().map(|(k, _)| k.clone())).map(|(p, k)| (k, p)));
    batch.extend(second.iter().skip(60).cloned());
    let mut expected = one_by_one(&batch);
    let mut bulk = WorkspaceIndex::new();
    bulk.set_documents(batch[..100].iter().cloned());
    bulk.set_documents(batch[100..].iter().cloned());
    assert_same(&expected, &bulk, "repeats");
    let keys: Vec<DocKey> = batch.iter().map(|(k, _)| k.clone()).step_by(3).collect();
    for k in &keys {
        expected.remove_document(k);
        bulk.remove_document(k);
    }
    assert_same(&expected, &bulk, "after removals");
}

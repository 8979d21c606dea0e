//! The workspace index: people across every article of the workspace.
//!
//! Each document contributes its [`DocPeople`]; the index links them into workspace-wide
//! persons (a person is identified by the fullest name seen; a surname-only mention links
//! across files only when exactly one person in the workspace carries that surname).
//! Updating one document touches that document's contributions only. Cloning the index is
//! cheap, so the language server can hand immutable snapshots to queries.

use std::sync::Arc;

mod roles;
pub use roles::{RoleConflict, RoleElsewhere, RolesAcross, recency};

use crate::Span;
use crate::consistency::quotes::{self as quotation, Relation};
use crate::consistency::spelling::{self, Part, Spelling, spelling_key};
use crate::people::{DocPeople, NameForm};
use name_query::NameQuery;

mod bulk;
mod letters;
mod memo;
mod mentions;
mod name_query;
mod prepared;
pub use prepared::PreparedDocument;

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
    /// `by_person[i]`: the indices in `people.mentions` of the mentions of `people.persons[i]`,
    /// in text order, so that a query for one person reads its mentions in each document
    /// without scanning everyone else's ([`mentions::by_person`]).
    by_person: Vec<Box<[u32]>>,
    /// Folded surnames of `people.tentative`, in the same order.
    tentative: Vec<Arc<str>>,
    /// The spellings this document contributes: (agg key, spelling key of `forms`, count).
    spellings: Arc<[DocSpelling]>,
    /// The quotations of `people.persons` with their normalised words, for the checks of
    /// quotations across articles.
    quotes: Arc<[DocQuote]>,
}

/// A person's spellings to flag and the agg keys of their spelling group.
type Spellings = Arc<(Vec<spelling::Variant>, Vec<Arc<str>>)>;

/// A quote finding of one document as the index decides it, without where anything is: which
/// of the document's quotations (index into its `quotes`), whose, and the other quotations
/// (document, index into its `quotes`, their speaker's id), the one the message names first.
#[derive(Debug)]
struct QuotePlan {
    check: QuoteCheck,
    quote: usize,
    id: PersonId,
    elsewhere: Vec<(DocKey, usize, PersonId)>,
}

/// One quotation of a document: whose (index into `persons`), which (index into their
/// `quotes`), its normalised words hashed ([`quotation::word_hashes`]: one integer per word, not
/// a `String` — the words as text are worked out again from the quotation for a message) and
/// its key ([`quotation::hashed_key`]).
#[derive(Clone, Debug, PartialEq, Eq)]
struct DocQuote {
    person: usize,
    quote: usize,
    words: Box<[u64]>,
    key: u64,
}

/// A document's quotations as they matter to other documents: the quote key with the agg key
/// of its speaker; sorted.
fn quote_facts(quotes: &[DocQuote], keys: &[LocalKey]) -> Vec<(u64, Arc<str>)> {
    let mut out: Vec<(u64, Arc<str>)> = quotes.iter().map(|q| (q.key, agg_key(&keys[q.person]))).collect();
    out.sort();
    out
}

fn doc_quotes(people: &DocPeople) -> Vec<DocQuote> {
    let mut out = Vec::with_capacity(people.persons.iter().map(|p| p.quotes.len()).sum());
    for (person, p) in people.persons.iter().enumerate() {
        for (quote, (_, text)) in p.quotes.iter().enumerate() {
            let words = quotation::word_hashes(text);
            let key = quotation::hashed_key(&words);
            out.push(DocQuote { person, quote, words, key });
        }
    }
    out
}

/// One spelling a document contributes: agg key, [`form_key`], count.
type DocSpelling = (Arc<str>, Arc<str>, usize);

type DocSet = SmallMap<DocKey, u32>;

/// The index's persistent hash maps, keyed by short strings (names, paths) or integers hashed
/// with Fx, not SipHash: every document filed looks up a dozen of them per person (at 100,000
/// articles the hashing was a visible share of a warm reopen). Nothing reads their order.
type PersistentMap<K, V> = imbl::GenericHashMap<K, V, crate::people::lexicon::FxBuild, imbl::shared_ptr::DefaultSharedPtr>;

/// An ordered map that stays a sorted vector while small and becomes a persistent `imbl::OrdMap`
/// when it grows. Most of the index's maps (the files of one person, their names and roles)
/// hold a handful of entries, and an empty `imbl::OrdMap` alone takes a ~2 KB node; the big
/// ones (the files of a frequent person) keep O(log n) copy-on-write updates.
///
/// The small vector is shared (`Arc`) and copied only when written while shared: the index's
/// hash maps copy a whole node of up to 32 entries on the first write after a snapshot, and
/// with the vectors inline that copied every sibling's vector too (at 100,000 articles most of
/// a warm reopen went into those copies).
///
/// An empty map holds nothing at all (most of a person's totals are empty maps).
#[derive(Clone, Debug, Default)]
enum SmallMap<K: Ord + Clone, V: Clone> {
    #[default]
    Empty,
    Small(Arc<Vec<(K, V)>>),
    Large(imbl::OrdMap<K, V>),
}

const SMALL_MAP: usize = 32;

impl<K: Ord + Clone, V: Clone> SmallMap<K, V> {
    fn len(&self) -> usize {
        match self {
            SmallMap::Empty => 0,
            SmallMap::Small(v) => v.len(),
            SmallMap::Large(m) => m.len(),
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get<Q: Ord + ?Sized>(&self, k: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        match self {
            SmallMap::Empty => None,
            SmallMap::Small(v) => v.binary_search_by(|(x, _)| x.borrow().cmp(k)).ok().map(|i| &v[i].1),
            SmallMap::Large(m) => m.get(k),
        }
    }

    fn get_mut<Q: Ord + ?Sized>(&mut self, k: &Q) -> Option<&mut V>
    where
        K: std::borrow::Borrow<Q>,
    {
        match self {
            SmallMap::Empty => None,
            SmallMap::Small(v) => match v.binary_search_by(|(x, _)| x.borrow().cmp(k)) {
                Ok(i) => Some(&mut Arc::make_mut(v)[i].1),
                Err(_) => None,
            },
            SmallMap::Large(m) => m.get_mut(k),
        }
    }

    /// The value at `k`, inserted as `default` first when missing.
    fn entry_or(&mut self, k: K, default: V) -> &mut V {
        if let SmallMap::Empty = self {
            *self = SmallMap::Small(Arc::new(Vec::with_capacity(1)));
        }
        if let SmallMap::Small(v) = self
            && v.len() >= SMALL_MAP
            && v.binary_search_by(|(x, _)| x.cmp(&k)).is_err()
        {
            *self = SmallMap::Large(Arc::unwrap_or_clone(std::mem::take(v)).into_iter().collect());
        }
        match self {
            SmallMap::Small(v) => {
                let v = Arc::make_mut(v);
                let i = match v.binary_search_by(|(x, _)| x.cmp(&k)) {
                    Ok(i) => i,
                    Err(i) => {
                        // Grown one entry at a time: most sets stay small and live as long as
                        // the workspace, so capacity doubled ahead of need is memory never used.
                        v.reserve_exact(1);
                        v.insert(i, (k, default));
                        i
                    }
                };
                &mut v[i].1
            }
            SmallMap::Large(m) => m.entry(k).or_insert(default),
            SmallMap::Empty => unreachable!("an empty map became a small one above"),
        }
    }

    /// Room for `additional` new keys at once, as far as the map stays a small vector: a batch
    /// that adds several keys grows it once rather than once per key ([`Self::entry_or`] grows
    /// it one entry at a time).
    fn reserve_for(&mut self, additional: usize) {
        let room = SMALL_MAP.saturating_sub(self.len()).min(additional);
        match self {
            SmallMap::Empty if room > 0 => *self = SmallMap::Small(Arc::new(Vec::with_capacity(room))),
            SmallMap::Small(v) if room > 0 => Arc::make_mut(v).reserve_exact(room),
            _ => {}
        }
    }

    fn insert(&mut self, k: K, value: V) {
        let slot = self.entry_or(k, value.clone());
        *slot = value;
    }

    fn remove<Q: Ord + ?Sized>(&mut self, k: &Q)
    where
        K: std::borrow::Borrow<Q>,
    {
        match self {
            SmallMap::Empty => {}
            SmallMap::Small(v) => {
                if let Ok(i) = v.binary_search_by(|(x, _)| x.borrow().cmp(k)) {
                    if v.len() == 1 {
                        *self = SmallMap::Empty;
                    } else {
                        Arc::make_mut(v).remove(i);
                    }
                }
            }
            SmallMap::Large(m) => {
                m.remove(k);
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        let (small, large) = match self {
            SmallMap::Empty => (None, None),
            SmallMap::Small(v) => (Some(v.iter().map(|(k, v)| (k, v))), None),
            SmallMap::Large(m) => (None, Some(m.iter())),
        };
        small.into_iter().flatten().chain(large.into_iter().flatten())
    }

    fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }
}

impl<K: Ord + Clone, V: Clone + Default> SmallMap<K, V> {
    fn entry_or_default(&mut self, k: K) -> &mut V {
        self.entry_or(k, V::default())
    }
}

/// The workspace index. Every map is persistent (`imbl`), so `clone` is O(1) and an update
/// costs O(persons of the document × log workspace).
#[derive(Clone, Debug, Default)]
pub struct WorkspaceIndex {
    docs: PersistentMap<DocKey, Arc<DocEntry>>,
    /// Full-name key → documents that name the person in full (with their mention counts).
    full_docs: PersistentMap<Arc<str>, DocSet>,
    /// Folded surname → full-name keys carrying it (with the number of documents).
    surname_full: PersistentMap<Arc<str>, SmallMap<Arc<str>, u32>>,
    /// Folded surname → documents where someone is named by that surname alone.
    surname_docs: PersistentMap<Arc<str>, DocSet>,
    /// Running totals per local key (full key, or `~surname`), kept current on every update so
    /// that listings never walk the documents.
    aggs: PersistentMap<Arc<str>, Agg>,
    /// Folded surname → documents with tentative mentions of it ("Okafor said"), and how many.
    tentative_docs: PersistentMap<Arc<str>, DocSet>,
    /// Folded surname → how many tentative mentions of it the workspace has.
    tentative_total: PersistentMap<Arc<str>, usize>,
    /// Folded surname → documents where it appears at all: in a full-name key, alone, or
    /// tentatively (with the number of such contributions). When one person carries the
    /// surname, these are that person's files.
    surname_union: PersistentMap<Arc<str>, DocSet>,
    /// The people listing (sorted, with folded names), built on the first search after a change.
    listing: std::sync::OnceLock<Arc<Listing>>,
    /// Each person's spellings to flag, as computed since the last change of the totals:
    /// every keystroke asks for them again, and they only change with the totals.
    /// (Keyed by person id and the hash of the house spelling that applies.)
    spelling_memo: memo::Memo<(PersonId, u64), Spellings>,
    /// Per document: the plan of its quote findings.
    quote_memo: memo::Memo<DocKey, Arc<Vec<QuotePlan>>>,
    /// Link key ("given surname-spelling-key", see [`link_key`]) → full-name keys carrying it
    /// (with the number of documents): "bashar al-asad" and "bashar asad" share one, so their
    /// spellings are compared.
    spell_links: PersistentMap<Arc<str>, SmallMap<Arc<str>, u32>>,
    /// Bumped whenever a document's contribution to the spelling counts changes.
    spelling_version: u64,
    /// Quote key ([`quotation::key`], of [`quotation::MIN_WORDS`] words or more) → documents
    /// quoting those words (with how many times).
    quote_texts: PersistentMap<u64, DocSet>,
    /// Bumped whenever a document's quotations or their speakers change.
    quote_version: u64,
    /// Bumped whenever a document's people change in what other documents show of them: who
    /// they are (local keys), how often they are mentioned, the lone surnames linked across
    /// files (code lens counts, semantic tokens).
    people_version: u64,
}

/// Which check across articles a [`QuoteFinding`] is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteCheck {
    /// The same speaker quoted with nearly the same words elsewhere (`quote-mismatch`).
    Mismatch,
    /// The same words attributed to someone else elsewhere (`quote-speaker-mismatch`).
    Speaker,
}

/// The other quotation of a [`QuoteFinding`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteElsewhere {
    pub doc: DocKey,
    /// The quotation there (quote marks included).
    pub span: Span,
    /// Its words as written there.
    pub text: String,
    /// Its speaker there.
    pub person: PersonId,
    pub speaker: String,
}

/// A quotation of one article and where the other articles carry it ([`WorkspaceIndex::quotation_at`]).
#[derive(Clone, Debug, PartialEq)]
pub struct QuotationHere {
    pub span: Span,
    pub text: String,
    pub person: PersonId,
    pub elsewhere: Vec<QuoteCopy>,
}

/// One other article's quotation of the same words (or nearly).
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteCopy {
    pub found: QuoteElsewhere,
    pub relation: Relation,
    /// Attributed to the same speaker (else the same words to someone else).
    pub same_speaker: bool,
    /// The words that differ, for a [`Relation::Mismatch`] ([`quotation::difference`]).
    pub difference: String,
}

/// A quotation that another article quotes differently, or attributes to someone else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteFinding {
    pub check: QuoteCheck,
    /// The quotation (quote marks included).
    pub span: Span,
    /// Its words as written here.
    pub text: String,
    pub person: PersonId,
    pub message: String,
    /// The other quotations, first the one the message names; at most [`QUOTE_COPIES`].
    pub elsewhere: Vec<QuoteElsewhere>,
}

/// How many other quotations a [`QuoteFinding`] lists. Wire copy can carry the same words in
/// hundreds of articles: collecting every one for every quotation on every keystroke cost a
/// second per edit of a 10,000-word article in a workspace of 2,000 (`byline-bench keystroke
/// --workspace 2000`), and an editor shows a handful. The hover on a quotation
/// ([`WorkspaceIndex::quotation_at`]) still lists them all.
pub const QUOTE_COPIES: usize = 20;

/// How many times one spelling of a name part is written, and where.
#[derive(Clone, Debug, Default)]
struct FormCount {
    count: usize,
    docs: DocSet,
}

/// The key of one spelling in [`Agg::forms`]: the part ('g' given name, 's' surname in a full
/// name, 'a' surname alone) and the form as written.
fn form_key(part: Part, alone: bool, form: &str) -> Arc<str> {
    let p = match (part, alone) {
        (Part::Given, _) => 'g',
        (Part::Surname, false) => 's',
        (Part::Surname, true) => 'a',
    };
    format!("{p}{form}").into()
}

/// The part, whether a surname alone, and the form of a [`form_key`].
fn parse_form_key(k: &str) -> (Part, bool, &str) {
    match k.split_at(1) {
        ("g", f) => (Part::Given, false, f),
        ("a", f) => (Part::Surname, true, f),
        (_, f) => (Part::Surname, false, f),
    }
}

/// The given name of a full-name key and its surname's spelling key: full-name persons with the
/// same link key are compared for spellings.
fn link_key(full_key: &str) -> Option<Arc<str>> {
    let (given, surname) = full_key.split_once(' ')?;
    Some(format!("{given} {}", spelling_key(surname)).into())
}

/// The house spelling of a person, from the desk (`[[people]]` of `byline.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HouseName {
    /// The spelling to use: given name (the first word) and surname (the rest).
    pub given: String,
    pub surname: String,
    /// Spelling keys (given, surname) of the names it stands for: the house spelling and the
    /// entry's `name`.
    keys: Vec<(String, String)>,
}

impl HouseName {
    /// From a `[[people]]` entry: its `name` and house `spelling` (the name itself when none).
    /// `None` for a name of one word (no given name to tell two people apart).
    pub fn new(name: &str, spelling: Option<&str>) -> Option<HouseName> {
        let split = |n: &str| -> Option<(String, String)> {
            let words: Vec<&str> = n.split_whitespace().collect();
            (words.len() >= 2).then(|| (words[0].to_string(), words[1..].join(" ")))
        };
        let (given, surname) = split(spelling.unwrap_or(name))?;
        let mut keys = vec![(spelling_key(&given), spelling_key(&surname))];
        if let Some((g, s)) = split(name) {
            keys.push((spelling_key(&g), spelling_key(&s)));
        }
        Some(HouseName { given, surname, keys })
    }

    fn matches(&self, full_key: &str) -> bool {
        let Some((g, s)) = full_key.split_once(' ') else { return false };
        let (g, s) = (spelling_key(g), spelling_key(s));
        self.keys.iter().any(|(hg, hs)| *hg == g && *hs == s)
    }
}

/// Another spelling offered for a flagged one: how often it is written and one place where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingOffer {
    pub form: String,
    pub count: usize,
    /// A mention spelled so (in another document when there is one); `None` for a house
    /// spelling nobody uses yet.
    pub at: Option<(DocKey, Span)>,
}

/// A mention spelled differently from the same person elsewhere in the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingFinding {
    /// The flagged name part (the surname "Zelenskiy" of "Volodymyr Zelenskiy").
    pub span: Span,
    pub part: Part,
    /// The spelling as written here.
    pub form: String,
    /// How many times the workspace writes it so.
    pub count: usize,
    pub person: PersonId,
    pub message: String,
    /// The spellings to change it to: the house spelling alone, else the others, most used first.
    pub instead: Vec<SpellingOffer>,
    pub house: bool,
}

/// Every person with their summary, most mentioned first, for `search`.
#[derive(Debug)]
struct Listing {
    people: Vec<(PersonInfo, Box<str>)>,
    /// `masks[i]`: [`letters::mask`] of `people[i]`'s folded name, the search's prefilter.
    masks: Vec<u64>,
}

/// Running totals of one local key over the workspace.
#[derive(Clone, Debug, Default)]
struct Agg {
    mentions: usize,
    /// Display name → weight (full-name mentions).
    names: SmallMap<Arc<str>, usize>,
    /// Lower-cased role → documents giving it, with the role as written there.
    roles: SmallMap<Arc<str>, SmallMap<DocKey, Arc<str>>>,
    /// Documents where this key has quotes (with the number of such local persons).
    quote_docs: DocSet,
    /// Documents where this key is named in full at least once (with the number of such
    /// local persons).
    full_mention_docs: DocSet,
    /// Spellings of the given name and surname ([`form_key`]) → how often and where.
    forms: SmallMap<Arc<str>, FormCount>,
    /// The roles again, for the hover ([`roles::RolesAcross`]): role words
    /// ([`roles::words_key`]) → the documents giving a role with those words, most recent first,
    /// each with the role it gives. A hover lists a few, so it reads a few, not every article.
    role_recency: SmallMap<Arc<str>, roles::RoleDocs>,
}

impl Agg {
    fn is_empty(&self) -> bool {
        self.mentions == 0
            && self.names.is_empty()
            && self.roles.is_empty()
            && self.quote_docs.is_empty()
            && self.full_mention_docs.is_empty()
            && self.forms.is_empty()
            && self.role_recency.is_empty()
    }
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
                // "Cho Tae-yul": a family name written first; the given name follows it.
                let family_first = p.name.strip_prefix(p.surname.as_str()).filter(|r| r.starts_with(' '));
                let given = family_first.unwrap_or(&p.name).split_whitespace().next().unwrap_or("");
                LocalKey::Full(crate::people::person_key(Some(given), &p.surname).into())
            } else {
                LocalKey::Surname(crate::people::person_key(None, &p.surname).into())
            }
        })
        .collect()
}

/// What a document spells: per local person's agg key and spelling ([`form_key`]), how often;
/// sorted.
fn doc_spellings(people: &DocPeople, keys: &[LocalKey]) -> Vec<DocSpelling> {
    let mut counts: std::collections::BTreeMap<(Arc<str>, Arc<str>), usize> = Default::default();
    let aks: Vec<Arc<str>> = keys.iter().map(agg_key).collect();
    for (m, f) in people.mentions.iter().zip(&people.forms) {
        let Some(ak) = aks.get(m.person) else { continue };
        for (part, slot) in [(Part::Given, &f.given), (Part::Surname, &f.surname)] {
            if let Some((_, text)) = slot {
                *counts.entry((ak.clone(), form_key(part, f.given.is_none(), text))).or_insert(0) += 1;
            }
        }
    }
    counts.into_iter().map(|((a, f), n)| (a, f, n)).collect()
}

/// Whether two name forms spell their parts alike, wherever they are.
fn same_spelling(a: &NameForm, b: &NameForm) -> bool {
    fn text(slot: &Option<(Span, Box<str>)>) -> Option<&str> {
        slot.as_ref().map(|(_, t)| &**t)
    }
    text(&a.given) == text(&b.given) && text(&a.surname) == text(&b.surname)
}

fn bump(set: &mut DocSet, doc: &DocKey, by: u32) {
    *set.entry_or(doc.clone(), 0) += by;
}

fn drop_doc(set: &mut DocSet, doc: &DocKey) {
    set.remove(doc);
}

/// Take `by` off `doc`'s count, removing it at zero.
fn unbump(set: &mut DocSet, doc: &DocKey, by: u32) {
    if let Some(c) = set.get_mut(doc) {
        *c = c.saturating_sub(by);
        if *c == 0 {
            set.remove(doc);
        }
    }
}

/// The surname a local key contributes to `surname_union`.
fn union_surname(k: &LocalKey) -> Arc<str> {
    match k {
        LocalKey::Full(key) => surname_of_key(key).into(),
        LocalKey::Surname(s) => s.clone(),
    }
}

impl WorkspaceIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Replace what `doc` contributes. Costs O(persons of `doc` × log workspace).
    pub fn set_document(&mut self, doc: DocKey, people: Arc<DocPeople>) {
        // Most keystrokes change no name, role or quotation: then only the mentions' places are
        // new, and the document's keys, spellings and quotations need not be worked out again.
        if let Some(entry) = self.same_contribution(&doc, &people, || mentions::by_person(&people)) {
            self.docs.insert(doc, Arc::new(entry));
            return;
        }
        self.set_prepared(doc, PreparedDocument::new(people));
    }

    /// [`Self::set_document`] with the contribution worked out already (off the thread that
    /// owns the index: [`PreparedDocument::new`] does not read it).
    pub fn set_prepared(&mut self, doc: DocKey, prepared: PreparedDocument) {
        if let Some(entry) = self.same_contribution(&doc, &prepared.entry.people, || prepared.entry.by_person.clone()) {
            self.docs.insert(doc, Arc::new(entry));
            return;
        }
        let before = self.spelling_version;
        let before_quotes = self.quote_version;
        let old: Option<Arc<[DocSpelling]>> = self.docs.get(&*doc).map(|e| e.spellings.clone());
        let old_quotes = self.docs.get(&*doc).map(|e| quote_facts(&e.quotes, &e.keys));
        let before_people = self.people_version;
        let old_people = self.docs.get(&*doc).map(|e| (e.keys.clone(), e.counts.clone(), e.tentative.clone()));
        self.remove_document(&doc);
        self.listing = Default::default();
        self.spelling_memo = Default::default();
        self.quote_memo = Default::default();
        let PreparedDocument { entry, agg_keys, roles, distinct, role_groups } = prepared;
        let (people, keys, stats) = (&entry.people, &entry.keys, &entry.counts);
        for d in &distinct {
            let count = (stats[d.person].0 as u32).max(1);
            match (&keys[d.person], &d.full) {
                (LocalKey::Full(key), Some((surname, link))) => {
                    bump(self.full_docs.entry(key.clone()).or_default(), &doc, count);
                    *self.surname_full.entry(surname.clone()).or_default().entry_or(key.clone(), 0) += 1;
                    if let Some(l) = link {
                        *self.spell_links.entry(l.clone()).or_default().entry_or(key.clone(), 0) += 1;
                    }
                }
                (LocalKey::Surname(s), _) => bump(self.surname_docs.entry(s.clone()).or_default(), &doc, count),
                (LocalKey::Full(_), None) => unreachable!("a full-name key is prepared with its surname"),
            }
            bump(self.surname_union.entry(d.union.clone()).or_default(), &doc, 1);
        }
        let spellings = &entry.spellings;
        // Only a change in what this document spells is a change of the spellings.
        let changed = old.as_ref().map_or(!spellings.is_empty(), |o| **o != **spellings);
        self.spelling_version = before + u64::from(changed);
        for (ak, fk, n) in spellings.iter() {
            let a = self.aggs.entry(ak.clone()).or_default();
            let f = a.forms.entry_or_default(fk.clone());
            f.count += n;
            bump(&mut f.docs, &doc, *n as u32);
        }
        for (i, ak) in agg_keys.iter().enumerate() {
            let p = &people.persons[i];
            let a = self.aggs.entry(ak.clone()).or_default();
            a.mentions += stats[i].0;
            if !p.quotes.is_empty() {
                bump(&mut a.quote_docs, &doc, 1);
            }
            if stats[i].1 > 0 {
                bump(&mut a.full_mention_docs, &doc, 1);
            }
            *a.names.entry_or(p.name.as_str().into(), 0) += stats[i].1.max(1);
            for (lower, role) in &roles[i] {
                a.roles.entry_or_default(lower.clone()).insert(doc.clone(), role.clone());
            }
        }
        for g in &role_groups {
            let recent = roles::Recent::new(people.dated, &doc);
            self.aggs.entry(g.agg.clone()).or_default().role_recency.entry_or_default(g.words.clone()).insert(recent, g.at.clone());
        }
        for t in &entry.tentative {
            bump(self.tentative_docs.entry(t.clone()).or_default(), &doc, 1);
            *self.tentative_total.entry(t.clone()).or_insert(0) += 1;
            bump(self.surname_union.entry(t.clone()).or_default(), &doc, 1);
        }
        let facts = quote_facts(&entry.quotes, keys);
        let changed = old_quotes.as_ref().map_or(!facts.is_empty(), |o| *o != facts);
        self.quote_version = before_quotes + u64::from(changed);
        for q in entry.quotes.iter().filter(|q| q.words.len() >= quotation::MIN_WORDS) {
            bump(self.quote_texts.entry(q.key).or_default(), &doc, 1);
        }
        let changed = old_people
            .map_or(!keys.is_empty() || !entry.tentative.is_empty(), |(k, c, t)| k != *keys || c != *stats || t != entry.tentative);
        self.people_version = before_people + u64::from(changed);
        self.docs.insert(doc, Arc::new(entry));
    }

    /// `doc`'s new entry when `people` contributes exactly what its current entry does to
    /// every workspace total (the same people under the same keys, mention counts, names,
    /// roles, spellings, tentative surnames and quotations) and differs at most in where the
    /// mentions are: the common keystroke, which moves the spans after it. The totals, the
    /// versions and the listing then stay as they are; only the document's entry is replaced.
    fn same_contribution(&self, doc: &str, now: &Arc<DocPeople>, by_person: impl FnOnce() -> Vec<Box<[u32]>>) -> Option<DocEntry> {
        let old = self.docs.get(doc)?;
        let was = &old.people;
        // The persons: what the keys, names, roles and quotations are made of.
        let same_persons = was.persons.len() == now.persons.len()
            && was.persons.iter().zip(&now.persons).all(|(a, b)| {
                a.name == b.name
                    && a.surname == b.surname
                    && a.has_full_name == b.has_full_name
                    && a.roles == b.roles
                    && a.quotes.len() == b.quotes.len()
                    && a.quotes.iter().zip(&b.quotes).all(|(x, y)| x.1 == y.1)
            });
        // The mentions: whose they are, whether in full and how they are spelled (the counts
        // and the spellings), wherever they now are.
        let same_mentions = was.mentions.len() == now.mentions.len()
            && was.forms.len() == now.forms.len()
            && was.mentions.iter().zip(&now.mentions).all(|(a, b)| a.person == b.person && a.full == b.full)
            && was.forms.iter().zip(&now.forms).all(|(a, b)| same_spelling(a, b));
        let same_tentative =
            was.tentative.len() == now.tentative.len() && was.tentative.iter().zip(&now.tentative).all(|(a, b)| a.1 == b.1);
        // The date orders the document among the roles' documents ([`Agg::role_recency`]).
        if !(same_persons && same_mentions && same_tentative && was.dated == now.dated) {
            return None;
        }
        Some(DocEntry {
            people: now.clone(),
            keys: old.keys.clone(),
            counts: old.counts.clone(),
            by_person: by_person(),
            tentative: old.tentative.clone(),
            spellings: old.spellings.clone(),
            quotes: old.quotes.clone(),
        })
    }

    /// Forget `doc`. Costs O(persons of `doc` × log workspace).
    pub fn remove_document(&mut self, doc: &str) {
        let Some(entry) = self.docs.remove(doc) else { return };
        self.listing = Default::default();
        self.spelling_memo = Default::default();
        self.quote_memo = Default::default();
        let key: DocKey = doc.into();
        if !entry.quotes.is_empty() {
            self.quote_version += 1;
        }
        if !entry.keys.is_empty() || !entry.tentative.is_empty() {
            self.people_version += 1;
        }
        for q in entry.quotes.iter().filter(|q| q.words.len() >= quotation::MIN_WORDS) {
            if let Some(set) = self.quote_texts.get_mut(&q.key) {
                unbump(set, &key, 1);
                if set.is_empty() {
                    self.quote_texts.remove(&q.key);
                }
            }
        }
        if !entry.spellings.is_empty() {
            self.spelling_version += 1;
        }
        for (ak, fk, n) in entry.spellings.iter() {
            let Some(a) = self.aggs.get_mut(ak) else { continue };
            if let Some(f) = a.forms.get_mut(fk) {
                f.count = f.count.saturating_sub(*n);
                unbump(&mut f.docs, &key, *n as u32);
                if f.count == 0 {
                    a.forms.remove(fk);
                }
            }
            if a.is_empty() {
                self.aggs.remove(ak);
            }
        }
        for t in &entry.tentative {
            if let Some(set) = self.tentative_docs.get_mut(t) {
                drop_doc(set, &key);
                if set.is_empty() {
                    self.tentative_docs.remove(t);
                }
            }
            if let Some(n) = self.tentative_total.get_mut(t) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.tentative_total.remove(t);
                }
            }
            self.unbump_union(t, &key);
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
                let words = roles::words_key(r);
                if let Some(m) = a.role_recency.get_mut(&words) {
                    m.remove(&roles::Recent::new(entry.people.dated, &key));
                    if m.is_empty() {
                        a.role_recency.remove(&words);
                    }
                }
            }
            if !p.quotes.is_empty() {
                unbump(&mut a.quote_docs, &key, 1);
            }
            if entry.counts[i].1 > 0 {
                unbump(&mut a.full_mention_docs, &key, 1);
            }
            if a.is_empty() {
                self.aggs.remove(&ak);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for k in &entry.keys {
            if !seen.insert(k.clone()) {
                continue;
            }
            self.unbump_union(&union_surname(k), &key);
            if let LocalKey::Full(fk) = k
                && let Some(l) = link_key(fk)
                && let Some(m) = self.spell_links.get_mut(&l)
            {
                if let Some(c) = m.get_mut(fk) {
                    *c -= 1;
                    if *c == 0 {
                        m.remove(fk);
                    }
                }
                if m.is_empty() {
                    self.spell_links.remove(&l);
                }
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

    fn unbump_union(&mut self, s: &Arc<str>, doc: &DocKey) {
        if let Some(set) = self.surname_union.get_mut(s) {
            unbump(set, doc, 1);
            if set.is_empty() {
                self.surname_union.remove(s);
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
        // Each set is in key order; two sets are merged by a sort (no map: this runs per query
        // over every document that mentions the person).
        let mut docs: Vec<(DocKey, Arc<DocEntry>)> = Vec::new();
        let mut merged = false;
        let mut local_keys: Vec<LocalKey> = Vec::new();
        if let Some(s) = id.strip_prefix(SURNAME_PREFIX) {
            let s: Arc<str> = s.into();
            if self.surname_full.get(&s).is_some_and(|m| m.len() == 1) {
                return Vec::new();
            }
            if let Some(set) = self.surname_docs.get(&s) {
                for d in set.keys() {
                    if let Some(e) = self.docs.get(d) {
                        docs.push((d.clone(), e.clone()));
                    }
                }
            }
            local_keys.push(LocalKey::Surname(s));
        } else {
            let key: Arc<str> = id.into();
            let Some(set) = self.full_docs.get(&key) else { return Vec::new() };
            for d in set.keys() {
                if let Some(e) = self.docs.get(d) {
                    docs.push((d.clone(), e.clone()));
                }
            }
            let s: Arc<str> = surname_of_key(&key).into();
            if self.surname_full.get(&s).is_some_and(|m| m.len() == 1) {
                if let Some(set) = self.surname_docs.get(&s) {
                    merged = !docs.is_empty();
                    for d in set.keys() {
                        if let Some(e) = self.docs.get(d) {
                            docs.push((d.clone(), e.clone()));
                        }
                    }
                }
                local_keys.push(LocalKey::Surname(s));
            }
            local_keys.push(LocalKey::Full(key));
        }
        if merged {
            docs.sort_by(|a, b| a.0.cmp(&b.0));
            docs.dedup_by(|a, b| a.0 == b.0);
        }
        docs.into_iter()
            .map(|(d, e)| {
                let idx: Vec<usize> = e.keys.iter().enumerate().filter(|(_, k)| local_keys.contains(k)).map(|(i, _)| i).collect();
                (d, e, idx)
            })
            .filter(|(_, _, idx)| !idx.is_empty())
            .collect()
    }

    /// Like [`Self::person`], with only the first `limit` quotes (in document key order), found
    /// without walking the person's other files: for hover.
    pub fn person_with_quotes(&self, id: &str, limit: usize) -> Option<PersonInfo> {
        let mut info = self.summary(id)?;
        let locals = self.local_keys_of(id);
        // Each document listed in a key's `quote_docs` has at least one quote, so the first
        // `limit` documents of the union are among the first `limit` of each list.
        let mut docs: Vec<&DocKey> =
            locals.iter().filter_map(|k| self.aggs.get(&agg_key(k))).flat_map(|a| a.quote_docs.keys().take(limit)).collect();
        docs.sort();
        docs.dedup();
        'docs: for d in docs {
            let Some(e) = self.docs.get(d) else { continue };
            for (i, k) in e.keys.iter().enumerate() {
                if !locals.contains(k) {
                    continue;
                }
                for (_, q) in &e.people.persons[i].quotes {
                    if info.quotes.len() == limit {
                        break 'docs;
                    }
                    info.quotes.push((q.clone(), d.clone()));
                }
            }
        }
        Some(info)
    }

    /// The local keys that make up person `id` (as in [`Self::parts`]).
    fn local_keys_of(&self, id: &str) -> Vec<LocalKey> {
        if let Some(s) = id.strip_prefix(SURNAME_PREFIX) {
            if self.surname_full.get(s).is_some_and(|m| m.len() == 1) {
                return Vec::new();
            }
            return vec![LocalKey::Surname(s.into())];
        }
        let s = surname_of_key(id);
        let mut out = vec![LocalKey::Full(id.into())];
        if self.surname_full.get(s).is_some_and(|m| m.len() == 1) {
            out.push(LocalKey::Surname(s.into()));
        }
        out
    }

    /// The mentions of person `id` in one document, in text order, with whether each is a full
    /// name. Costs O(mentions of the document).
    pub fn mentions_in(&self, doc: &str, id: &str) -> Vec<(Span, bool)> {
        let Some(e) = self.docs.get(doc) else { return Vec::new() };
        let locals = self.local_keys_of(id);
        // The person's own mention lists (`by_person`), not a scan of the document's mentions:
        // workspace symbols ask this for every person listed.
        let idx: Vec<usize> = e.keys.iter().enumerate().filter(|(_, k)| locals.contains(k)).map(|(i, _)| i).collect();
        let mut out: Vec<(Span, bool)> = Vec::new();
        mentions::push_mentions(e, &idx, &mut out);
        if !id.starts_with(SURNAME_PREFIX) && !e.tentative.is_empty() {
            let s = surname_of_key(id);
            if self.unique_full(s).as_deref() == Some(id) {
                let before = out.len();
                for (i, t) in e.tentative.iter().enumerate() {
                    if &**t == s {
                        out.push((e.people.tentative[i].0.clone(), false));
                    }
                }
                if out.len() > before {
                    out.sort_by_key(|(span, _)| span.start);
                }
            }
        }
        out
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
        // Files and tentative mentions from running totals (O(1), not a walk of the files).
        let (file_count, tentative) = match id.strip_prefix(SURNAME_PREFIX) {
            Some(s) => (self.surname_docs.get(s).map_or(0, |d| d.len()), 0),
            None => {
                let s = surname_of_key(id);
                if self.unique_full(s).as_deref() == Some(id) {
                    // The only person with this surname: every file naming it is theirs.
                    let files = self.surname_union.get(s).map_or(0, |d| d.len());
                    (files, self.tentative_total.get(s).copied().unwrap_or(0))
                } else {
                    (self.full_docs.get(id).map_or(0, |d| d.len()), 0)
                }
            }
        };
        mention_count += tentative;
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
        self.each_mention_group(id, |d, spans| out.extend(spans.iter().map(|(s, full)| (d.clone(), s.clone(), *full))));
        out
    }

    /// [`Self::mentions_full`] by scanning every mention of every document naming the person
    /// (the reference implementation the per-person lists are tested against).
    #[cfg(test)]
    fn mentions_by_walk(&self, id: &str) -> Vec<(DocKey, Span, bool)> {
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

    /// The first full-name mention in `from_doc`, else the first in the workspace (documents
    /// in key order), else the first mention in `from_doc`, else the first in the workspace.
    /// Costs O(mentions of the documents looked at), not of the whole person.
    pub fn definition(&self, id: &str, from_doc: &str) -> Option<(DocKey, Span)> {
        let here = self.mentions_in(from_doc, id);
        let doc_key = |d: &str| -> DocKey { self.docs.get_key_value(d).map_or_else(|| d.into(), |(k, _)| k.clone()) };
        if let Some((s, _)) = here.iter().find(|(_, full)| *full) {
            return Some((doc_key(from_doc), s.clone()));
        }
        let locals = self.local_keys_of(id);
        let aggs: Vec<&Agg> = locals.iter().filter_map(|k| self.aggs.get(&agg_key(k))).collect();
        // The first document with a full-name mention.
        if let Some(d) = aggs.iter().filter_map(|a| a.full_mention_docs.keys().next()).min()
            && let Some((s, _)) = self.mentions_in(d, id).into_iter().find(|(_, full)| *full)
        {
            return Some((d.clone(), s));
        }
        if let Some((s, _)) = here.first() {
            return Some((doc_key(from_doc), s.clone()));
        }
        // The first document that mentions them at all.
        let mut sets: Vec<Option<&DocSet>> = locals
            .iter()
            .map(|k| match k {
                LocalKey::Full(f) => self.full_docs.get(f),
                LocalKey::Surname(s) => self.surname_docs.get(s),
            })
            .collect();
        if !id.starts_with(SURNAME_PREFIX) && self.unique_full(surname_of_key(id)).as_deref() == Some(id) {
            sets.push(self.tentative_docs.get(surname_of_key(id)));
        }
        let first = sets.into_iter().flatten().filter_map(|m| m.keys().next()).min();
        if let Some(d) = first
            && let Some((s, _)) = self.mentions_in(d, id).into_iter().next()
        {
            return Some((d.clone(), s));
        }
        self.definition_by_walk(id, from_doc)
    }

    /// [`Self::definition`] from the full list of mentions (the reference implementation).
    fn definition_by_walk(&self, id: &str, from_doc: &str) -> Option<(DocKey, Span)> {
        let all = self.mentions_full(id);
        all.iter()
            .find(|(d, _, full)| *full && &**d == from_doc)
            .or_else(|| all.iter().find(|(_, _, full)| *full))
            .or_else(|| all.iter().find(|(d, _, _)| &**d == from_doc))
            .or_else(|| all.first())
            .map(|(d, s, _)| (d.clone(), s.clone()))
    }

    /// A number that changes whenever some document's spellings of people's names change (not
    /// on edits that leave every name as it was).
    pub fn spelling_version(&self) -> u64 {
        self.spelling_version
    }

    /// A number that changes whenever some document's quotations (or who said them) change.
    pub fn quote_version(&self) -> u64 {
        self.quote_version
    }

    /// Changes whenever a document's people change in a way another document's code lenses or
    /// semantic tokens can show (a person gained or lost mentions, a lone surname appeared);
    /// an edit that leaves every document's people as they were leaves it alone.
    pub fn people_version(&self) -> u64 {
        self.people_version
    }

    /// A number that changes whenever the findings across articles (spellings, quotations) of
    /// some document may change: both versions only grow, so their sum changes with either.
    pub fn cross_version(&self) -> u64 {
        self.spelling_version + self.quote_version
    }

    /// The other articles that carry the quotation of `doc` at byte `offset` (quote marks
    /// included): its speaker's quotations elsewhere that are the same words, an excerpt or a near
    /// miss ([`quotation::compare`]), then the same words attributed to someone else; for hover.
    /// `None` when no attributed quotation is there.
    pub fn quotation_at(&self, doc: &str, offset: usize) -> Option<QuotationHere> {
        let e = self.docs.get(doc)?;
        let q = e.quotes.iter().find(|q| {
            let span = &e.people.persons[q.person].quotes[q.quote].0;
            span.start <= offset && offset <= span.end
        })?;
        let (span, text) = e.people.persons[q.person].quotes[q.quote].clone();
        let id = self.resolve(e.keys.get(q.person)?);
        let locals = self.local_keys_of(&id);
        let mut docs = self.quoting_docs(&locals, doc);
        if let Some(set) = self.quote_texts.get(&q.key) {
            docs.extend(set.keys().filter(|d| &***d != doc).cloned());
        }
        docs.sort();
        docs.dedup();
        let mut elsewhere = Vec::new();
        let here_words = quotation::words(&text);
        for d in docs {
            let Some(o) = self.docs.get(&d) else { continue };
            for oq in o.quotes.iter() {
                let Some(k) = o.keys.get(oq.person) else { continue };
                let mine = locals.contains(k);
                let relation = if mine {
                    quotation::compare_hashed(&q.words, &oq.words)
                } else if oq.key == q.key && q.words.len() >= quotation::MIN_WORDS {
                    Relation::Same
                } else {
                    continue;
                };
                if relation == Relation::Unrelated {
                    continue;
                }
                let p = &o.people.persons[oq.person];
                let (ospan, otext) = &p.quotes[oq.quote];
                let difference = quotation::difference(&here_words, &quotation::words(otext));
                let found = QuoteElsewhere {
                    doc: d.clone(),
                    span: ospan.clone(),
                    text: otext.clone(),
                    person: self.resolve(k),
                    speaker: p.name.clone(),
                };
                elsewhere.push(QuoteCopy { found, relation, same_speaker: mine, difference });
            }
        }
        elsewhere.sort_by_key(|c| !c.same_speaker);
        Some(QuotationHere { span, text, person: id, elsewhere })
    }

    /// The documents other than `doc` that quote the person of local keys `locals` (unsorted,
    /// with repeats).
    fn quoting_docs(&self, locals: &[LocalKey], doc: &str) -> Vec<DocKey> {
        locals
            .iter()
            .filter_map(|k| self.aggs.get(&agg_key(k)))
            .flat_map(|a| a.quote_docs.keys().filter(|d| &***d != doc).cloned())
            .collect()
    }

    /// The quotations of `doc` that another article quotes from the same speaker in nearly the
    /// same words, but not the same ([`quotation::compare`]: `quote-mismatch`), and those whose
    /// words another article attributes to someone else (`quote-speaker-mismatch`). `name` gives
    /// a document's name for messages (its file name, say). Costs, per quotation of `doc`, the
    /// quotations of its speaker in their other articles and the articles quoting the same words.
    pub fn quote_findings(&self, doc: &str, name: &dyn Fn(&str) -> String) -> Vec<QuoteFinding> {
        let Some(e) = self.docs.get(doc) else { return Vec::new() };
        // Which quotations are findings, and against which others, changes only with the
        // totals; where they are (the spans) changes with every keystroke, so the plan is
        // kept and the findings are made from the documents as they are now.
        let plans = self.quote_memo.get_or(doc.into(), || Arc::new(self.quote_plans(doc, e)));
        let mut out: Vec<QuoteFinding> = plans.iter().filter_map(|plan| self.quote_finding(e, plan, name)).collect();
        out.sort_by_key(|f| (f.span.start, f.check == QuoteCheck::Speaker));
        out
    }

    /// A planned quote finding made with the spans and texts of the documents as they are now.
    fn quote_finding(&self, e: &DocEntry, plan: &QuotePlan, name: &dyn Fn(&str) -> String) -> Option<QuoteFinding> {
        let q = e.quotes.get(plan.quote)?;
        let here_text = e.people.persons.get(q.person)?.quotes.get(q.quote)?;
        let mut elsewhere = Vec::with_capacity(plan.elsewhere.len());
        for (d, oi, person) in &plan.elsewhere {
            let Some(o) = self.docs.get(d) else { continue };
            let Some(oq) = o.quotes.get(*oi) else { continue };
            let Some(p) = o.people.persons.get(oq.person) else { continue };
            let Some((span, text)) = p.quotes.get(oq.quote) else { continue };
            elsewhere.push(QuoteElsewhere {
                doc: d.clone(),
                span: span.clone(),
                text: text.clone(),
                person: person.clone(),
                speaker: p.name.clone(),
            });
        }
        let first = elsewhere.first()?;
        let message = match plan.check {
            QuoteCheck::Mismatch => {
                quotation::mismatch_message(&name(&first.doc), &quotation::words(&here_text.1), &first.text, &quotation::words(&first.text))
            }
            QuoteCheck::Speaker => quotation::speaker_message(&name(&first.doc), &first.speaker, &e.people.persons[q.person].name),
        };
        Some(QuoteFinding {
            check: plan.check,
            span: here_text.0.clone(),
            text: here_text.1.clone(),
            person: plan.id.clone(),
            message,
            elsewhere,
        })
    }

    /// Which quotations of `doc` are findings and against which quotations of other documents
    /// (by index into their `quotes`), at most [`QUOTE_COPIES`] each.
    fn quote_plans(&self, doc: &str, e: &DocEntry) -> Vec<QuotePlan> {
        let mut out = Vec::new();
        // Per speaker: their local keys and the other documents quoting them.
        let mut cache: std::collections::HashMap<PersonId, (Vec<LocalKey>, Vec<DocKey>)> = Default::default();
        for (qi, q) in e.quotes.iter().enumerate() {
            let Some(k) = e.keys.get(q.person) else { continue };
            let id = self.resolve(k);
            let (locals, docs) = cache.entry(id.clone()).or_insert_with(|| {
                let locals = self.local_keys_of(&id);
                let mut docs = self.quoting_docs(&locals, doc);
                docs.sort();
                docs.dedup();
                (locals, docs)
            });
            // Same speaker, nearly the same words.
            let mut elsewhere: Vec<(f64, DocKey, usize)> = Vec::new();
            if q.words.len() >= quotation::MIN_WORDS {
                for d in docs.iter() {
                    let Some(o) = self.docs.get(d) else { continue };
                    let mut near = Vec::new();
                    let mut matched = false;
                    for (oi, oq) in o.quotes.iter().enumerate().filter(|(_, oq)| o.keys.get(oq.person).is_some_and(|k| locals.contains(k)))
                    {
                        match quotation::compare_hashed(&q.words, &oq.words) {
                            Relation::Same | Relation::Excerpt => matched = true,
                            Relation::Mismatch(sim) => near.push((sim, oi)),
                            Relation::Unrelated => {}
                        }
                    }
                    // An article that also carries the words as they are here is no evidence
                    // against them.
                    if matched {
                        continue;
                    }
                    elsewhere.extend(near.into_iter().map(|(sim, oi)| (sim, d.clone(), oi)));
                }
            }
            if !elsewhere.is_empty() {
                elsewhere.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                elsewhere.truncate(QUOTE_COPIES);
                let elsewhere = elsewhere.into_iter().map(|(_, d, oi)| (d, oi, id.clone())).collect();
                out.push(QuotePlan { check: QuoteCheck::Mismatch, quote: qi, id: id.clone(), elsewhere });
            }
            // The same words, someone else. Only speakers named in full on both sides: a
            // surname alone is too uncertain a link to contradict.
            if q.words.len() < quotation::MIN_WORDS || !matches!(k, LocalKey::Full(_)) {
                continue;
            }
            let Some(set) = self.quote_texts.get(&q.key) else { continue };
            let group = self.spelling_group(&id);
            let mut others = Vec::new();
            for d in set.keys().filter(|d| &***d != doc) {
                if others.len() >= QUOTE_COPIES {
                    break;
                }
                let Some(o) = self.docs.get(d) else { continue };
                let same_words: Vec<(usize, &DocQuote)> = o.quotes.iter().enumerate().filter(|(_, oq)| oq.key == q.key).collect();
                // Where the other article also gives the words to this speaker, it agrees.
                if same_words
                    .iter()
                    .any(|(_, oq)| o.keys.get(oq.person).is_some_and(|k| group.contains(&self.resolve(k)) || locals.contains(k)))
                {
                    continue;
                }
                for (oi, oq) in same_words {
                    let Some(ok @ LocalKey::Full(_)) = o.keys.get(oq.person) else { continue };
                    others.push((d.clone(), oi, self.resolve(ok)));
                }
            }
            if !others.is_empty() {
                out.push(QuotePlan { check: QuoteCheck::Speaker, quote: qi, id: id.clone(), elsewhere: others });
            }
        }
        out
    }

    /// The persons whose spellings are compared with `id`'s: `id`, and the persons named in
    /// full with the same given name and a surname of the same spelling key ("Bashar al-Assad"
    /// and "Bashar Assad"). A person known by surname only is compared with no one else.
    fn spelling_group(&self, id: &str) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = vec![id.into()];
        if id.starts_with(SURNAME_PREFIX) {
            return out;
        }
        if let Some(l) = link_key(id)
            && let Some(m) = self.spell_links.get(&l)
        {
            out.extend(m.keys().filter(|k| ***k != *id).cloned());
        }
        out
    }

    /// The agg keys of a spelling group: only those of articles that name the person in full.
    /// A bare surname in an article that never gives the full name is linked to a person
    /// elsewhere only by being the one person with that surname in the workspace ("Mayor
    /// Hernandez" in one article, "Guadalupe Hernández" in another; "Prince Philip" and "Abby
    /// Phillip"): an uncertain link, so it takes no part in spellings.
    fn group_aggs(&self, group: &[PersonId]) -> Vec<Arc<str>> {
        let mut out: Vec<Arc<str>> = group.iter().flat_map(|g| self.agg_keys(g)).filter(|k| !k.starts_with(SURNAME_PREFIX)).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every spelling of the given name and surname of person `id` (and of the persons compared
    /// with them), with how often each is written. Tentative mentions ("Okafor said" where the
    /// link is a guess) are not counted.
    pub fn spellings(&self, id: &str) -> Vec<Spelling> {
        let aks = self.group_aggs(&self.spelling_group(id));
        let mut out = Vec::new();
        for a in aks.iter().filter_map(|k| self.aggs.get(k)) {
            for (fk, fc) in a.forms.iter() {
                let (part, alone, form) = parse_form_key(fk);
                out.push(Spelling { part, form: form.to_string(), count: fc.count, alone });
            }
        }
        out
    }

    /// Whether mention `i` of document entry `e` belongs to one of the agg keys `aks`.
    fn mention_in(e: &DocEntry, i: usize, aks: &[Arc<str>]) -> bool {
        e.people.mentions.get(i).and_then(|m| e.keys.get(m.person)).is_some_and(|k| aks.contains(&agg_key(k)))
    }

    /// A mention of the spelling group `aks` with `part` spelled exactly `form`: in a document
    /// other than `here` when there is one.
    fn find_form(&self, aks: &[Arc<str>], part: Part, form: &str, here: &str) -> Option<(DocKey, Span)> {
        let fks = [form_key(part, false, form), form_key(part, true, form)];
        let mut docs: Vec<&DocKey> = aks
            .iter()
            .filter_map(|k| self.aggs.get(k))
            .flat_map(|a| a.forms.iter().filter(|(f, _)| fks.contains(f)).flat_map(|(_, c)| c.docs.keys()))
            .collect();
        docs.sort_by_key(|d| (&***d == here, (*d).clone()));
        docs.dedup();
        for d in docs {
            let Some(e) = self.docs.get(d) else { continue };
            for (i, f) in e.people.forms.iter().enumerate() {
                let slot = if part == Part::Given { &f.given } else { &f.surname };
                if let Some((span, text)) = slot
                    && &**text == form
                    && Self::mention_in(e, i, aks)
                {
                    return Some((d.clone(), span.clone()));
                }
            }
        }
        None
    }

    /// The mentions of `doc` spelled differently from the same person elsewhere in the
    /// workspace ([`spelling::variants`] on the person's spellings; `house` are the desk's
    /// house spellings). Costs O(mentions of `doc`) plus, per person of `doc`, their spellings
    /// and one mention of each other spelling.
    pub fn spelling_findings(&self, doc: &str, house: &[HouseName]) -> Vec<SpellingFinding> {
        let Some(e) = self.docs.get(doc) else { return Vec::new() };
        let mut cache: std::collections::HashMap<PersonId, Spellings> = Default::default();
        let mut offers: std::collections::HashMap<(PersonId, Part, String), Vec<SpellingOffer>> = Default::default();
        let mut out = Vec::new();
        for (m, f) in e.people.mentions.iter().zip(&e.people.forms) {
            if f.given.is_none() && f.surname.is_none() {
                continue;
            }
            // Only persons named in full in this article (see `group_aggs`).
            let Some(k @ LocalKey::Full(_)) = e.keys.get(m.person) else { continue };
            let id = self.resolve(k);
            let found = cache.entry(id.clone()).or_insert_with(|| {
                let h = house.iter().find(|h| !id.starts_with(SURNAME_PREFIX) && h.matches(&id));
                let memo_key = (
                    id.clone(),
                    h.map_or(0, |h| {
                        std::hash::BuildHasher::hash_one(
                            &std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default(),
                            h,
                        )
                    }),
                );
                self.spelling_memo.get_or(memo_key, || {
                    let aks = self.group_aggs(&self.spelling_group(&id));
                    let house = h.map(|h| spelling::House { given: &h.given, surname: &h.surname, linked: &h.keys[1..] });
                    Arc::new((spelling::variants(&self.spellings(&id), house), aks))
                })
            });
            let (variants, aks) = (&found.0, &found.1);
            if variants.is_empty() {
                continue;
            }
            for (part, slot) in [(Part::Given, &f.given), (Part::Surname, &f.surname)] {
                let Some((span, text)) = slot else { continue };
                let Some(v) = variants.iter().find(|v| v.part == part && spelling::same(&v.form, text)) else { continue };
                // Each offer is located once per person and spelling, however often it is flagged.
                let instead = offers
                    .entry((id.clone(), part, v.form.clone()))
                    .or_insert_with(|| {
                        v.instead
                            .iter()
                            .map(|(form, count)| SpellingOffer {
                                form: form.clone(),
                                count: *count,
                                at: self.find_form(aks, part, form, doc),
                            })
                            .collect::<Vec<_>>()
                    })
                    .clone();
                out.push(SpellingFinding {
                    span: span.clone(),
                    part,
                    form: text.to_string(),
                    count: v.count,
                    person: id.clone(),
                    message: spelling::message(v),
                    instead,
                    house: v.house,
                });
            }
        }
        out
    }

    /// Every mention of person `id` in every document with where its given name and surname
    /// are (tentative mentions as surnames), documents in key order: for renaming them.
    pub fn name_forms(&self, id: &str) -> Vec<(DocKey, NameForm)> {
        let mut out = Vec::new();
        for (d, e, idx) in self.parts(id) {
            for (m, f) in e.people.mentions.iter().zip(&e.people.forms) {
                if idx.contains(&m.person) {
                    out.push((d.clone(), f.clone()));
                }
            }
        }
        for (d, span) in self.tentative_of(id) {
            let text: Option<Box<str>> =
                self.docs.get(&d).and_then(|e| e.people.tentative.iter().find(|t| t.0 == span).map(|t| t.1.as_str().into()));
            if let Some(text) = text {
                out.push((d, NameForm { given: None, surname: Some((span, text)) }));
            }
        }
        out
    }

    /// The mentions of person `id` (and the persons compared with them for spellings) whose
    /// `part` is spelled `form` (case aside), with the span of that part: for changing a spelling
    /// everywhere.
    pub fn spelled(&self, id: &str, part: Part, form: &str) -> Vec<(DocKey, Span)> {
        let mut out = Vec::new();
        for g in self.spelling_group(id) {
            for (d, f) in self.name_forms(&g) {
                let slot = if part == Part::Given { &f.given } else { &f.surname };
                if let Some((span, text)) = slot
                    && spelling::same(text, form)
                {
                    out.push((d, span.clone()));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)));
        out.dedup();
        out
    }

    /// The name form of the mention at byte `offset` of `doc` (a tentative mention as a surname).
    pub fn form_at(&self, doc: &str, offset: usize) -> Option<(Span, NameForm)> {
        let e = self.docs.get(doc)?;
        if let Some(i) = e.people.mention_index_at(offset) {
            return Some((e.people.mentions[i].span.clone(), e.people.forms.get(i)?.clone()));
        }
        let t = e.people.tentative_at(offset)?;
        Some((t.0.clone(), NameForm { given: None, surname: Some((t.0.clone(), t.1.as_str().into())) }))
    }

    /// Every person id in the workspace.
    pub fn person_ids(&self) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = self.full_docs.keys().cloned().collect();
        for s in self.surname_docs.keys() {
            if self.surname_full.get(s).is_none_or(|m| m.len() != 1) {
                out.push(format!("{SURNAME_PREFIX}{s}").into());
            }
        }
        out.sort();
        out
    }

    /// Whether the people listing the name search reads is built for this version of the index
    /// (else the next search builds it: [`Self::prepare_listing`] does it ahead).
    pub fn listing_ready(&self) -> bool {
        self.listing.get().is_some()
    }

    /// Build the people listing now, so that the next name search finds it ready: the server
    /// calls it off the request path once the index has settled.
    pub fn prepare_listing(&self) {
        self.listing();
    }

    /// Every person with their summary, most mentioned first (then by name), with the
    /// lower-cased name; built once per version of the index.
    fn listing(&self) -> &Arc<Listing> {
        self.listing.get_or_init(|| {
            let mut people: Vec<(PersonInfo, Box<str>)> = self
                .person_ids()
                .iter()
                .filter_map(|id| self.summary(id))
                .map(|info| {
                    let folded: Box<str> = info.name.chars().flat_map(char::to_lowercase).collect();
                    (info, folded)
                })
                .collect();
            people.sort_by(|(a, _), (b, _)| b.mention_count.cmp(&a.mention_count).then(a.name.cmp(&b.name)));
            let masks = people.iter().map(|(_, folded)| letters::mask(folded.chars())).collect();
            Arc::new(Listing { people, masks })
        })
    }

    /// People whose name matches `query` (case-insensitive subsequence), at most `limit`, best
    /// first: names with a word starting with the query, then names containing it, then the
    /// other matches; within each, the most mentioned first. An empty query lists everyone
    /// (up to `limit`), most mentioned first.
    pub fn search_top(&self, query: &str, limit: usize) -> Vec<PersonInfo> {
        let q = NameQuery::new(query);
        let listing = self.listing();
        if q.is_empty() {
            return listing.people.iter().take(limit).map(|(p, _)| p.clone()).collect();
        }
        let mut tiers: [Vec<&PersonInfo>; 3] = Default::default();
        for ((p, folded), m) in listing.people.iter().zip(&listing.masks) {
            if tiers[0].len() >= limit {
                break;
            }
            if let Some(tier) = q.tier(folded, *m) {
                tiers[tier as usize].push(p);
            }
        }
        tiers.iter().flatten().take(limit).map(|p| (*p).clone()).collect()
    }

    /// People whose name matches `query` fuzzily (case-insensitive subsequence); all when empty.
    pub fn search(&self, query: &str) -> Vec<PersonInfo> {
        // Names and counts come from running totals; quotes are left out of listings (ask
        // `person` for them).
        let q = NameQuery::new(query);
        let listing = self.listing();
        let hits = listing.people.iter().zip(&listing.masks).filter(|((_, folded), m)| q.tier(folded, **m).is_some());
        hits.map(|((p, _), _)| p.clone()).collect()
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
            if let Some(id) = self.unique_full(t)
                && !out.contains(&id)
            {
                out.push(id);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, analyze};

    const DOCS: [(&str, &str); 7] = [
        ("a", "Transport Minister Helena Marsh said the bridge would close. “We cannot wait,” Ms Marsh said.\nMarsh left.\n"),
        ("b", "Marsh said the trams would come. Okafor said so too.\n"),
        ("c", "Engineer Daniel Okafor said the cracks had grown. “It is bad,” Okafor said.\n"),
        ("d", "Okafor said nothing. Judge Ruth Marsh said the case was closed.\n"),
        ("e", "Farmer Ines Quill said the rain was late. Quill said more. Mr Brandt said little.\n"),
        ("f", "Brandt said the market fell. Councillor Jonas Brandt said “no”. Brandt left.\n"),
        ("g", "Nothing here.\n"),
    ];

    /// The fast answers agree with the walks over every mention, after each change.
    fn check(index: &WorkspaceIndex) {
        let docs: Vec<DocKey> = index.documents().cloned().collect();
        for id in index.person_ids() {
            let all = index.mentions_full(&id);
            assert_eq!(all, index.mentions_by_walk(&id), "{id}");
            let info = index.person(&id).unwrap();
            assert_eq!(info.mention_count, all.len(), "{id}");
            let mut files: Vec<&DocKey> = all.iter().map(|(d, _, _)| d).collect();
            files.dedup();
            assert_eq!(info.file_count, files.len(), "{id}");
            let brief = index.person_with_quotes(&id, 1).unwrap();
            assert_eq!(brief.quotes, info.quotes.iter().take(1).cloned().collect::<Vec<_>>(), "{id}");
            for from in docs.iter().map(|d| &**d).chain([""]) {
                assert_eq!(index.roles_across(&id, from), index.roles_by_walk(&id, from), "{id} from {from}");
                assert_eq!(index.definition(&id, from), index.definition_by_walk(&id, from), "{id} from {from}");
                let here: Vec<(Span, bool)> = all.iter().filter(|(d, _, _)| &**d == from).map(|(_, s, f)| (s.clone(), *f)).collect();
                assert_eq!(index.mentions_in(from, &id), here, "{id} in {from}");
            }
        }
        let everyone = index.search("");
        assert_eq!(everyone.len(), index.person_ids().len());
        assert_eq!(index.search_top("", usize::MAX), everyone);
    }

    #[test]
    fn running_totals_agree_with_walks() {
        let mut index = WorkspaceIndex::new();
        for (k, text) in DOCS {
            index.set_document(k.into(), Arc::new(analyze(text, Format::Plain).people));
            check(&index);
        }
        for (k, _) in DOCS.iter().rev() {
            index.remove_document(k);
            check(&index);
        }
        assert!(index.aggs.is_empty() && index.surname_union.is_empty() && index.tentative_total.is_empty());
        assert!(index.spell_links.is_empty());
    }

    #[test]
    fn small_maps_grow_into_persistent_ones_and_keep_their_order() {
        let mut m: SmallMap<u32, u32> = SmallMap::default();
        let keys: Vec<u32> = (0..200).map(|i| (i * 7919) % 1000).collect();
        for (n, k) in keys.iter().enumerate() {
            *m.entry_or(*k, 0) += 1;
            assert_eq!(m.len(), n + 1);
        }
        assert!(matches!(m, SmallMap::Large(_)));
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), sorted);
        for k in &keys[..150] {
            m.remove(k);
        }
        *m.get_mut(&keys[160]).unwrap() += 5;
        assert_eq!(m.iter().map(|(k, v)| (*k, *v)).filter(|(_, v)| *v > 1).collect::<Vec<_>>(), vec![(keys[160], 6)]);
        assert_eq!(m.len(), 50);
    }

    #[test]
    fn search_top_ranks_word_starts_first_and_caps() {
        let mut index = WorkspaceIndex::new();
        for (k, text) in DOCS {
            index.set_document(k.into(), Arc::new(analyze(text, Format::Plain).people));
        }
        let names = |v: Vec<PersonInfo>| v.into_iter().map(|p| p.name).collect::<Vec<_>>();
        let top = names(index.search_top("ma", 10));
        assert!(top.len() >= 2, "{top:?}");
        for n in &top {
            assert!(n.to_lowercase().split(' ').any(|w| w.starts_with("ma")), "{n} in {top:?}");
        }
        assert_eq!(names(index.search_top("ma", 1)).len(), 1);
        // A name containing the query comes before one that only has its letters in order.
        let r = names(index.search_top("na", 10));
        let at = |name: &str| r.iter().position(|n| n == name).unwrap_or_else(|| panic!("{name} in {r:?}"));
        assert!(at("Helena Marsh") < at("Daniel Okafor") && at("Jonas Brandt") < at("Daniel Okafor"), "{r:?}");
    }
}

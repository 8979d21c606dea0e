//! What the claim rules learn from one sentence's own text, kept across analyses.
//!
//! Three per-sentence decisions read nothing outside their sentence: whether it asserts
//! nothing ([`exemptions::asserts_nothing`]), the sentence's own exemptions
//! ([`exemptions::own_exemption`]) and its checkable claim ([`checkable::claim`]). They read the
//! cleaned text and its ASCII lower-case form inside the sentence, the sentence's words, and
//! whether a span inside the sentence lies in one of its quotations. So their answers are a
//! function of the **sentence key**: the sentence's cleaned text, its words' spans and its
//! quotations' spans clipped to the sentence (a quotation contains a span of the sentence
//! exactly when its clipped span does), all relative to the sentence's start. Keyed by that,
//! with the claim's key phrase relative too, an answer found for one analysis is the answer for
//! the next wherever the sentence has moved; the [`crate::IncrementalAnalyzer`] keeps them in a
//! [`ClaimMemo`]. What crosses sentences (`covered`, the first document citation, scopes,
//! furniture, the writer's voice) stays in the document-level resolver.
//!
//! A fresh analysis runs the same decisions with no memo ([`SentenceFacts::fresh`]).

use std::hash::{Hash, Hasher};

use super::checkable;
use super::document::Doc;
use super::exemptions::{self, OwnExemption};
use crate::Span;
use crate::people::lexicon::{FxHashMap, FxHasher};

/// The kept answers of the per-sentence claim decisions, by sentence key (see the module
/// documentation). Answers not used by an analysis are dropped at its end, so the memo holds
/// at most one copy of the current document's sentences.
#[derive(Debug, Default)]
pub(crate) struct ClaimMemo {
    old: FxHashMap<u64, Entry>,
    new: FxHashMap<u64, Entry>,
    /// Sentences of the last analysis looked up: (new to the memo, found in it).
    pub(crate) counts: (usize, usize),
}

impl ClaimMemo {
    /// The analysis is over: answers it did not use are dropped.
    fn end_round(&mut self) {
        self.old = std::mem::take(&mut self.new);
    }
}

/// One sentence key and what is known about it so far (each answer found when first asked).
#[derive(Debug)]
struct Entry {
    text: Box<str>,
    words: Box<[(u32, u32)]>,
    quotes: Box<[(u32, u32)]>,
    asserts_nothing: Option<bool>,
    own_exemption: Option<OwnExemption>,
    /// The claim's key phrase relative to the sentence's start, and its message.
    claim: Option<Option<(Span, String)>>,
}

/// The per-sentence decisions for one analysis: answered from a [`ClaimMemo`] when there is
/// one, computed afresh otherwise.
pub(crate) struct SentenceFacts<'m> {
    memo: Option<&'m mut ClaimMemo>,
    /// The sentence whose entry was last looked up, and the entry's hash.
    current: Option<(usize, u64)>,
}

impl<'m> SentenceFacts<'m> {
    /// No memo: every answer computed.
    pub(crate) fn fresh() -> SentenceFacts<'static> {
        SentenceFacts { memo: None, current: None }
    }

    /// Answers kept in `memo`.
    pub(crate) fn memo(memo: &'m mut ClaimMemo) -> SentenceFacts<'m> {
        memo.counts = (0, 0);
        SentenceFacts { memo: Some(memo), current: None }
    }

    /// Sentence `i` is looked at, with no decision asked for: its entry is kept (and counted)
    /// as when one is.
    pub(crate) fn look_at(&mut self, doc: &Doc, i: usize) {
        self.entry(doc, i);
    }

    /// [`exemptions::asserts_nothing`] of sentence `i`.
    pub(crate) fn asserts_nothing(&mut self, doc: &Doc, i: usize) -> bool {
        let Some(e) = self.entry(doc, i) else { return exemptions::asserts_nothing(doc, &doc.sentences[i]) };
        *e.asserts_nothing.get_or_insert_with(|| exemptions::asserts_nothing(doc, &doc.sentences[i]))
    }

    /// [`exemptions::own_exemption`] of sentence `i`.
    pub(crate) fn own_exemption(&mut self, doc: &Doc, i: usize) -> OwnExemption {
        let Some(e) = self.entry(doc, i) else { return exemptions::own_exemption(doc, i) };
        *e.own_exemption.get_or_insert_with(|| exemptions::own_exemption(doc, i))
    }

    /// [`checkable::claim`] of sentence `i`.
    pub(crate) fn claim(&mut self, doc: &Doc, i: usize) -> Option<(Span, String)> {
        let base = doc.sentences[i].span.start;
        let Some(e) = self.entry(doc, i) else { return checkable::claim(doc, i) };
        let relative = e.claim.get_or_insert_with(|| checkable::claim(doc, i).map(|(k, m)| (k.start - base..k.end - base, m)));
        relative.as_ref().map(|(k, m)| (k.start + base..k.end + base, m.clone()))
    }

    /// The analysis is over (answers not used by it are dropped from the memo).
    pub(crate) fn finish(self) {
        if let Some(memo) = self.memo {
            memo.end_round();
        }
    }

    /// The memo's entry for sentence `i` (taken over from the previous analysis, or new), if
    /// there is a memo.
    fn entry(&mut self, doc: &Doc, i: usize) -> Option<&mut Entry> {
        let memo = self.memo.as_deref_mut()?;
        let hash = match self.current {
            Some((at, hash)) if at == i => hash,
            _ => {
                let hash = place(memo, doc, i);
                self.current = Some((i, hash));
                hash
            }
        };
        memo.new.get_mut(&hash)
    }
}

/// Puts the entry for sentence `i` into `memo.new` — the one already there or in `memo.old`
/// when its key is the sentence's, else an empty one — and returns its hash.
fn place(memo: &mut ClaimMemo, doc: &Doc, i: usize) -> u64 {
    let key = Key::of(doc, i);
    let hash = key.hash();
    if memo.new.get(&hash).is_some_and(|e| key.is(e)) {
        memo.counts.1 += 1;
        return hash;
    }
    let entry = match memo.old.remove(&hash) {
        Some(e) if key.is(&e) => {
            memo.counts.1 += 1;
            e
        }
        _ => {
            memo.counts.0 += 1;
            key.entry()
        }
    };
    // (Two keys with one hash: the later one replaces the earlier, which is found again when
    // next needed. Exact, merely slower, and as rare as a 64-bit collision.)
    memo.new.insert(hash, entry);
    hash
}

/// A sentence key, read from the document in place.
struct Key<'a> {
    text: &'a str,
    words: &'a [crate::document::Word],
    quotes: Vec<(u32, u32)>,
    base: usize,
}

impl<'a> Key<'a> {
    fn of(doc: &'a Doc, i: usize) -> Key<'a> {
        let s = &doc.sentences[i].span;
        let clip = |q: &Span| {
            let (a, b) = (q.start.clamp(s.start, s.end), q.end.clamp(s.start, s.end));
            ((a - s.start) as u32, (b - s.start) as u32)
        };
        Key {
            text: &doc.ctext[s.clone()],
            words: doc.words_of(i),
            quotes: doc.q_by_sent.of(i).iter().map(|&qi| clip(&doc.quotes[qi].span)).collect(),
            base: s.start,
        }
    }

    fn words(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.words.iter().map(|w| ((w.span.start - self.base) as u32, (w.span.end - self.base) as u32))
    }

    fn hash(&self) -> u64 {
        let mut h = FxHasher::default();
        self.text.hash(&mut h);
        self.words.len().hash(&mut h);
        self.words().for_each(|w| w.hash(&mut h));
        self.quotes.hash(&mut h);
        h.finish()
    }

    fn is(&self, e: &Entry) -> bool {
        *e.text == *self.text
            && e.words.len() == self.words.len()
            && self.words().eq(e.words.iter().copied())
            && *e.quotes == self.quotes[..]
    }

    fn entry(&self) -> Entry {
        Entry {
            text: self.text.into(),
            words: self.words().collect(),
            quotes: self.quotes.clone().into_boxed_slice(),
            asserts_nothing: None,
            own_exemption: None,
            claim: None,
        }
    }
}

//! Facts about the whole document that the per-sentence decisions read, each found once:
//! scopes of attributions from elsewhere, attributions and quotations per sentence, words, the
//! writer's voice, site furniture, and the first citation of a document by its publisher.

use super::cover::{Cover, Covers};
use super::per_sentence::PerSentence;
use crate::Span;
use crate::attribution::WordList;
use crate::attribution::{Attribution, SourceKind};
use crate::document::Document;
use crate::document::cues::{self, StartMemo};
use crate::lexicon::{Lexicon, PhraseMatch, PhraseSet};
use crate::quotes::Quote;
use crate::sentences::{Role, Sentence};

/// Whether a lower-case word is one of the writer's or the reader's ("we", "you"): a `match`,
/// which tests the length before any byte (a `contains` on a list compares with each entry).
fn is_voice(l: &str) -> bool {
    matches!(l, "we" | "us" | "our" | "ours" | "you" | "your" | "yours" | "i" | "me" | "my")
}

/// A document and the facts about it, per sentence where they are.
pub(crate) struct Doc<'a> {
    /// The text as given (messages quote it).
    pub(crate) text: &'a str,
    /// The cleaned text and its lower-case form (the patterns read these).
    pub(crate) ctext: &'a str,
    pub(crate) lower: &'a str,
    pub(crate) sentences: &'a [Sentence],
    pub(crate) quotes: &'a [Quote],
    pub(crate) attributions: &'a [Attribution],
    pub(crate) lex: &'a Lexicon,
    /// Sentences covered by a named attribution from another sentence (colon-introduced quotes).
    pub(crate) scoped: Vec<bool>,
    /// Attributions per sentence.
    pub(crate) by_sent: PerSentence<usize>,
    /// Quotes per sentence (overlapping).
    pub(crate) q_by_sent: PerSentence<usize>,
    /// The quotations of each sentence, for "is this inside one of them" tests.
    q_covers: Covers,
    /// The document: its sentences' words.
    pub(crate) document: &'a Document<'a>,
    /// Writer's or reader's voice outside quotations, per sentence.
    pub(crate) voice: Vec<bool>,
    /// The outlet speaking of itself outside quotations, per sentence ("this story has been
    /// updated").
    pub(crate) outlet_note: Vec<bool>,
    /// Sentences in paragraphs of site furniture.
    pub(crate) furniture: Vec<bool>,
    /// The first sentence that cites a document by its publisher ("according to a study
    /// published in the journal X").
    pub(crate) doc_cited: Option<usize>,
    /// Which phrase lists may start at each token form of the document, for the rules' scans
    /// of a sentence ([`Doc::find_first_in`]), found when first asked.
    starts: StartMemo<'a>,
}

impl<'a> Doc<'a> {
    /// The words of sentence `i`.
    pub(crate) fn words_of(&self, i: usize) -> &'a [crate::document::Word] {
        self.document.words_of(i)
    }

    /// The quotations of sentence `i`, for "is this inside one of them" tests.
    pub(crate) fn q_cover(&self, i: usize) -> Cover<'_> {
        self.q_covers.of(i)
    }

    /// [`PhraseSet::find_first`] of `set` on `lower[span]` (`span` a sentence's, or any span
    /// whose edges are not inside a word), visiting the word starts of the document's tokens
    /// rather than every byte when they can answer exactly ([`cues::find_first_in`]).
    pub(crate) fn find_first_in(&self, set: &PhraseSet, span: Span, pred: impl FnMut(&PhraseMatch) -> bool) -> Option<PhraseMatch> {
        cues::find_first_in(set, self.lower, span, &self.document.toks, &self.starts, pred)
    }

    /// [`PhraseSet::contains`] of `set` on `lower[span]`, as [`Doc::find_first_in`].
    pub(crate) fn contains_in(&self, set: &PhraseSet, span: Span) -> bool {
        self.find_first_in(set, span, |_| true).is_some()
    }

    pub(crate) fn new(document: &'a Document<'a>, lower: &'a str, attributions: &'a [Attribution], lex: &'a Lexicon) -> Doc<'a> {
        let (text, ctext, sentences, quotes) = (document.text, &document.clean[..], &document.sentences[..], &document.quotes[..]);
        let n = sentences.len();
        let by_sent = PerSentence::new(n, attributions.iter().enumerate().filter(|(_, a)| a.sentence < n).map(|(i, a)| (a.sentence, i)));
        let q_by_sent = quotes_by_sentence(sentences, quotes);
        let q_covers = Covers::new(q_by_sent.map(|&qi| (quotes[qi].span.start, quotes[qi].span.end)));
        let (voice, outlet_note) = voice_and_outlet_notes(ctext, document, &q_covers);
        let furniture = furniture(sentences, &voice);
        Doc {
            text,
            ctext,
            lower,
            sentences,
            quotes,
            attributions,
            lex,
            scoped: scoped(n, attributions),
            by_sent,
            q_by_sent,
            q_covers,
            document,
            voice,
            outlet_note,
            furniture,
            doc_cited: doc_cited(ctext, attributions, lex),
            starts: StartMemo::with_answers(&document.toks, lex, &document.form_starts),
        }
    }
}

/// Sentences covered by an attribution from elsewhere (colon-introduced quotes).
/// (A difference array: how many scopes cover each sentence, less the attribution's own.)
fn scoped(n: usize, attributions: &[Attribution]) -> Vec<bool> {
    let mut delta = vec![0i64; n + 1];
    for a in attributions {
        if a.kind == SourceKind::Named || a.kind == SourceKind::Pronoun {
            let (lo, hi) = (a.scope.start.min(n), a.scope.end.min(n));
            if lo < hi {
                delta[lo] += 1;
                delta[hi] -= 1;
                if (lo..hi).contains(&a.sentence) {
                    delta[a.sentence] -= 1;
                    delta[a.sentence + 1] += 1;
                }
            }
        }
    }
    let mut scoped = vec![false; n];
    let mut depth = 0i64;
    for (i, sc) in scoped.iter_mut().enumerate() {
        depth += delta[i];
        *sc = depth > 0;
    }
    scoped
}

/// The quotations each sentence overlaps.
fn quotes_by_sentence(sentences: &[Sentence], quotes: &[Quote]) -> PerSentence<usize> {
    let overlapping = |(qi, q): (usize, &Quote)| {
        let a = sentences.partition_point(|s| s.span.end <= q.span.start);
        let b = a + sentences[a..].partition_point(|s| s.span.start < q.span.end);
        (a..b).map(move |i| (i, qi))
    };
    PerSentence::new(sentences.len(), quotes.iter().enumerate().flat_map(overlapping))
}

/// Per sentence, whether it speaks in the writer's or the reader's voice ("we", "you")
/// outside quotations, and whether the outlet speaks of itself there ([`outlet_itself`]), in
/// one pass over the words. Kept apart: an editor's note exempts its own sentence but says
/// nothing of the paragraphs around it (the furniture test reads the voice only).
fn voice_and_outlet_notes(ctext: &str, document: &Document, q_covers: &Covers) -> (Vec<bool>, Vec<bool>) {
    let n = document.sentences.len();
    let (mut voice, mut outlet_note) = (vec![false; n], vec![false; n]);
    for i in 0..n {
        let ws = document.words_of(i);
        for (k, w) in ws.iter().enumerate() {
            // The voice words and "this" are passed by their first letter (either case) and
            // length: most words are passed over before their form is read.
            let first = ctext.as_bytes()[w.span.start] | 0x20;
            if !matches!((first, w.span.len()), (b'w' | b'u' | b'm', 2) | (b'o', 3..=4) | (b'y', 3..=5) | (b'i', 1) | (b't', 4)) {
                continue;
            }
            let l = ascii_lower(document, w);
            // Only ASCII words lower-case to one of the (ASCII) voice words.
            // ("an insider told us": the outlet as a source's hearer is reporting, not the
            // writer addressing the reader.)
            let hearer =
                matches!(l, "us" | "me") && k > 0 && matches!(ascii_lower(document, &ws[k - 1]), "told" | "tells" | "tell" | "telling");
            // ("As Us Weekly reported": capitalised inside the sentence, a name; "I" always is.)
            let name = k > 0 && l != "i" && ctext.as_bytes()[w.span.start].is_ascii_uppercase();
            if !voice[i]
                && is_voice(l)
                && !hearer
                && !name
                && !matches!(&ctext[w.span.clone()], "US" | "ME")
                && !q_covers.of(i).contains(&w.span)
            {
                voice[i] = true;
            }
            if !outlet_note[i] && l == "this" && outlet_itself(ctext, document, ws, k) && !q_covers.of(i).contains(&w.span) {
                outlet_note[i] = true;
            }
        }
    }
    (voice, outlet_note)
}

/// The lower-case form of a word that is all ASCII, else "" (which equals no ASCII word): a
/// word equals an ASCII word `p` with ASCII case ignored exactly when this is `p`. (A word that
/// is not ASCII lower-cases to ASCII only through the Kelvin sign, three bytes that become one:
/// hence the test of the length.)
pub(crate) fn ascii_lower<'d>(document: &'d Document, w: &crate::document::Word) -> &'d str {
    let l = document.lower(w);
    if l.len() == w.span.len() { l } else { "" }
}

/// What an outlet calls its own product: "this story has been updated", "which owns this
/// site", "this newspaper is urging readers". Not "report" or "paper", which as often name a
/// document the article cites ("this report found", "this paper shows").
const OUTLET_ITSELF: WordList = WordList::new(&[
    "article",
    "story",
    "site",
    "website",
    "newspaper",
    "magazine",
    "publication",
    "column",
    "newsletter",
    "podcast",
    "programme",
    "program",
    "page",
]);

/// Whether word `k` is "this" before one of [`OUTLET_ITSELF`]: the outlet speaking of itself,
/// which is the writer's voice (an editor's note, a disclosure, a correction).
fn outlet_itself(ctext: &str, document: &Document, ws: &[crate::document::Word], k: usize) -> bool {
    ascii_lower(document, &ws[k]) == "this"
        && ws
            .get(k + 1)
            .is_some_and(|n| ctext[ws[k].span.end..n.span.start].trim().is_empty() && OUTLET_ITSELF.contains(&ascii_lower(document, n)))
}

/// Paragraphs of site furniture: a short paragraph with a boilerplate or reader-addressed
/// sentence is furniture as a whole, and so is a short paragraph between two such.
fn furniture(sentences: &[Sentence], voice: &[bool]) -> Vec<bool> {
    let n = sentences.len();
    let mut furniture = vec![false; n];
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && sentences[j].block == sentences[i].block {
            j += 1;
        }
        blocks.push((i, j));
        i = j;
    }
    // (The reader addressed in a paragraph of three sentences or more is a columnist's prose,
    // not a box asking readers to subscribe or write in.)
    let bp: Vec<bool> = blocks
        .iter()
        .map(|&(a, b)| b - a <= 4 && (a..b).any(|k| sentences[k].role == Role::Boilerplate || (voice[k] && b - a <= 2)))
        .collect();
    for (bi, &(a, b)) in blocks.iter().enumerate() {
        let sandwiched = bi > 0 && bi + 1 < blocks.len() && bp[bi - 1] && bp[bi + 1] && b - a <= 4;
        if bp[bi] || sandwiched {
            for f in &mut furniture[a..b] {
                *f = true;
            }
        }
    }
    furniture
}

/// The first sentence with a named source that contains a lower-case document noun ("a study
/// published in the journal X").
fn doc_cited(ctext: &str, attributions: &[Attribution], lex: &Lexicon) -> Option<usize> {
    attributions
        .iter()
        .filter(|a| a.kind == SourceKind::Named)
        .find(|a| {
            a.source.as_ref().is_some_and(|sp| {
                ctext[sp.clone()]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase()) && lex.documents.contains(w))
            })
        })
        .map(|a| a.sentence)
}

/// How many bytes of sentence `s` its quotations `qs` cover (not scare quotes; with a speaker
/// only, if asked).
pub(crate) fn quoted_bytes(s: &Sentence, qs: &[usize], quotes: &[Quote], with_speaker: bool) -> usize {
    qs.iter()
        .map(|&qi| &quotes[qi])
        .filter(|q| !q.scare && (!with_speaker || q.attribution.is_some()))
        .map(|q| q.span.end.min(s.span.end).saturating_sub(q.span.start.max(s.span.start)))
        .sum()
}

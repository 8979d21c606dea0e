//! Checkable claims: the proposition a sentence asserts, if someone could check it. The
//! detectors, one file each, are tried in the order of [`DETECTORS`]; the first that finds a
//! key phrase makes the finding.

use super::cover::Cover;
use super::document::Doc;
use super::{charged, events, figures, predictions, superlatives};
use crate::Span;
use crate::document::Word;
use crate::lexicon::Lexicon;
use crate::sentences::Sentence;

/// One sentence as the detectors read it.
pub(crate) struct Claim<'a> {
    /// The cleaned text and its lower-case form.
    pub(crate) ctext: &'a str,
    pub(crate) lower: &'a str,
    pub(crate) s: &'a Sentence,
    pub(crate) words: &'a [Word],
    /// The sentence's quotations (what is inside them is someone else's).
    pub(crate) cover: Cover<'a>,
    pub(crate) lex: &'a Lexicon,
    /// The document, for its phrase scans of the sentence ([`Doc::find_first_in`]).
    pub(crate) doc: &'a Doc<'a>,
}

impl Claim<'_> {
    /// Whether a span is outside the sentence's quotations.
    pub(crate) fn outside(&self, sp: &Span) -> bool {
        !self.cover.contains(sp)
    }
}

/// A detector: the key phrase of a checkable proposition and the message, if it finds one.
type Detector = fn(&Claim) -> Option<(Span, String)>;

/// The detectors, in order: a figure, a contested characterisation, a superlative with "most",
/// a superlative or record, a prediction, a dated or narrated event.
const DETECTORS: &[Detector] = &[
    figures::figure,
    charged::characterisation,
    superlatives::with_most,
    superlatives::superlative,
    predictions::prediction,
    events::event,
];

/// The proposition sentence `i` asserts, if it is checkable: (key phrase, message).
pub(crate) fn claim(doc: &Doc, i: usize) -> Option<(Span, String)> {
    let c = Claim {
        ctext: doc.ctext,
        lower: doc.lower,
        s: &doc.sentences[i],
        words: doc.words_of(i),
        cover: doc.q_cover(i),
        lex: doc.lex,
        doc,
    };
    DETECTORS.iter().find_map(|d| d(&c))
}

//! Attribution cues: who a sentence or quotation is attributed to.

use crate::Span;

/// What kind of source an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A named person, organisation or office ("Dmitry Peskov said", "the Kremlin said").
    Named,
    /// A pronoun that refers back to a named source ("he said", "she added").
    Pronoun,
    /// A specific but unnamed source ("a senior official said").
    Anonymous,
    /// A gesture at a source ("it is feared", "critics say", "reportedly").
    Vague,
}

/// One attribution found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue itself ("said", "according to", "it is feared").
    pub cue: Span,
    /// The source phrase, when there is one ("Dmitry Peskov", "a senior official").
    pub source: Option<Span>,
    pub kind: SourceKind,
    /// Index of the sentence the cue is in.
    pub sentence: usize,
    /// Sentences (indices, half-open) whose content this attribution covers.
    pub scope: std::ops::Range<usize>,
}

/// Find the attributions of a document.
pub fn find(
    _text: &str,
    _sentences: &[crate::sentences::Sentence],
    _quotes: &[crate::quotes::Quote],
    _lex: &crate::lexicon::Lexicon,
) -> Vec<Attribution> {
    Vec::new()
}

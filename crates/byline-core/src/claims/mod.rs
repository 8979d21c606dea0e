//! Claim findings: sentences that need a source.
//!
//! At most one finding per sentence, range = the sentence, checked in this order:
//! a vague attribution ("it is feared"), an anonymous source ("a senior official said"),
//! attribution to a named source (no finding), a quotation with no speaker, and a checkable
//! proposition with no source (a figure, a dated event, a prediction, a superlative, a
//! contested characterisation). Headlines, captions, boilerplate, questions and the writer's
//! own voice ("we", "you") are not findings.
//!
//! `document.rs` finds the facts about the whole document once; `resolve.rs` decides, sentence
//! by sentence, which finding wins; each finding has its file (`vague.rs`, `anonymous.rs`,
//! `unattributed_quote.rs`), `exemptions.rs` says what is no claim, and `checkable.rs` runs the
//! claim detectors (`figures.rs`, `charged.rs`, `superlatives.rs`, `predictions.rs`,
//! `events.rs`).

mod anonymous;
mod charged;
mod checkable;
mod cover;
mod document;
mod events;
mod exemptions;
mod figures;
mod per_sentence;
mod predictions;
mod resolve;
mod sentence_facts;
mod superlatives;
mod unattributed_quote;
mod vague;

use crate::Span;
use crate::attribution::Attribution;
use crate::document::Document;
use crate::lexicon::Lexicon;
use document::Doc;
pub(crate) use sentence_facts::ClaimMemo;
use sentence_facts::SentenceFacts;

/// The diagnostic codes byline reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    UnattributedClaim,
    VagueAttribution,
    AnonymousSource,
    UnattributedQuote,
    /// A person's name spelled differently from elsewhere in the workspace (a cross-file
    /// check: [`crate::index::WorkspaceIndex::spelling_findings`]).
    NameSpelling,
    /// The same speaker quoted in nearly the same words, but not the same, in another article
    /// (a cross-file check: [`crate::index::WorkspaceIndex::quote_findings`]).
    QuoteMismatch,
    /// The same words attributed to a different speaker in another article (cross-file).
    QuoteSpeakerMismatch,
}

impl Code {
    pub const ALL: [Code; 7] = [
        Code::UnattributedClaim,
        Code::VagueAttribution,
        Code::AnonymousSource,
        Code::UnattributedQuote,
        Code::NameSpelling,
        Code::QuoteMismatch,
        Code::QuoteSpeakerMismatch,
    ];

    /// The code as it appears in diagnostics: `unattributed-claim` etc.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedClaim => "unattributed-claim",
            Code::VagueAttribution => "vague-attribution",
            Code::AnonymousSource => "anonymous-source",
            Code::UnattributedQuote => "unattributed-quote",
            Code::NameSpelling => "name-spelling",
            Code::QuoteMismatch => "quote-mismatch",
            Code::QuoteSpeakerMismatch => "quote-speaker-mismatch",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The severity a finding of this code has unless the user configures another.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::AnonymousSource | Code::NameSpelling => Severity::Information,
            _ => Severity::Warning,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "info",
            Severity::Hint => "hint",
        }
    }
}

/// One sentence that needs a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The whole sentence.
    pub span: Span,
    pub code: Code,
    /// What is missing, in an editor's words, quoting the key phrase.
    pub message: String,
    /// The key phrase the message quotes (a figure, the vague cue, the quotation).
    pub key: Span,
}

/// Decide which sentences need a source. At most one finding per sentence.
pub fn find(document: &Document, attributions: &[Attribution], lex: &Lexicon) -> Vec<Finding> {
    find_with(document, attributions, lex, SentenceFacts::fresh())
}

/// [`find`], with the decisions that read only one sentence kept in `memo` from one analysis
/// to the next (`sentence_facts.rs`): the same findings.
pub(crate) fn find_memo(document: &Document, attributions: &[Attribution], lex: &Lexicon, memo: &mut ClaimMemo) -> Vec<Finding> {
    find_with(document, attributions, lex, SentenceFacts::memo(memo))
}

fn find_with(document: &Document, attributions: &[Attribution], lex: &Lexicon, mut facts: SentenceFacts) -> Vec<Finding> {
    let lower = crate::lexicon::lower(&document.clean);
    let doc = Doc::new(document, &lower, attributions, lex);
    let mut covered = vec![false; doc.sentences.len()];
    // Quotations already flagged: one finding per quotation, on its first sentence.
    let mut flagged_quote = vec![false; doc.quotes.len()];
    let findings =
        (0..doc.sentences.len()).filter_map(|i| resolve::sentence_finding(&doc, i, &mut facts, &mut covered, &mut flagged_quote)).collect();
    facts.finish();
    findings
}

/// At most `n` words of `s`, with an ellipsis when cut.
fn short(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(s.len().min(80));
    let mut words = s.split_whitespace();
    for w in words.by_ref().take(n) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if words.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! For the finding tests: the findings of an invented text.

    use super::Code;
    use crate::{Format, analyze};

    /// The (code, key phrase) of each finding of `t`, in order.
    pub(crate) fn findings(t: &str) -> Vec<(Code, String)> {
        analyze(t, Format::Plain).findings.iter().map(|f| (f.code, t[f.key.clone()].to_string())).collect()
    }

    /// The messages of the findings of `t`.
    pub(crate) fn messages(t: &str) -> Vec<String> {
        analyze(t, Format::Plain).findings.into_iter().map(|f| f.message).collect()
    }
}

//! The entry point: analyse one article.

use crate::attribution::{self, Attribution};
use crate::claims::{self, Finding};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::people::{self, DocPeople};
use crate::quotes::Quote;
use crate::sentences::Sentence;
use crate::text::Format;

/// Everything byline knows about one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
    pub findings: Vec<Finding>,
    pub people: DocPeople,
}

/// Analyse `text` with the bundled lexicons.
pub fn analyze(text: &str, format: Format) -> Analysis {
    analyze_with(text, format, Lexicon::bundled())
}

/// Analyse `text` with the given lexicons.
pub fn analyze_with(text: &str, format: Format, lex: &Lexicon) -> Analysis {
    analyze_document(&mut Document::parse(text, format, lex), lex, None)
}

/// The people of `text` alone: [`analyze_with`]'s `people`, without the claim findings, which
/// nothing of the people reads. The workspace index needs only the people of the files not open
/// in the editor, and the claims were a tenth of their analysis.
pub fn people_with(text: &str, format: Format, lex: &Lexicon) -> DocPeople {
    let mut doc = Document::parse(text, format, lex);
    let attributions = attribution::find(&doc, lex);
    attribution::assign_speakers(&mut doc.quotes, &doc.sentences, &attributions);
    people::find(&doc, &attributions)
}

/// What the stages after parsing keep from one analysis to the next (the
/// [`crate::IncrementalAnalyzer`]'s): answers that are a function of one sentence.
#[derive(Debug, Default)]
pub(crate) struct StageMemo {
    pub(crate) cues: attribution::CueMemo,
    pub(crate) claims: claims::ClaimMemo,
    pub(crate) people: people::CandidateMemo,
    pub(crate) grouping: people::GroupMemo,
}

/// The stages after parsing: attributions, speakers, findings and people; with a `memo`,
/// reusing its answers (the same analysis either way). The analysis takes the document's
/// sentences and quotations; the rest is left to the caller (the incremental analysis keeps
/// the tokens for the next version).
pub(crate) fn analyze_document(doc: &mut Document, lex: &Lexicon, mut memo: Option<&mut StageMemo>) -> Analysis {
    let attributions = match memo.as_deref_mut() {
        Some(memo) => attribution::find_memo(doc, lex, &mut memo.cues),
        None => attribution::find(doc, lex),
    };
    attribution::assign_speakers(&mut doc.quotes, &doc.sentences, &attributions);
    let findings = match memo.as_deref_mut() {
        Some(memo) => claims::find_memo(doc, &attributions, lex, &mut memo.claims),
        None => claims::find(doc, &attributions, lex),
    };
    let people = match memo {
        Some(memo) => people::find_memo(doc, &attributions, &mut memo.people, &mut memo.grouping),
        None => people::find(doc, &attributions),
    };
    let (sentences, quotes) = (std::mem::take(&mut doc.sentences), std::mem::take(&mut doc.quotes));
    Analysis { sentences, quotes, attributions, findings, people }
}

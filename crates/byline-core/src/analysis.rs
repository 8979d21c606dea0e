//! The entry point: analyse one article.

use crate::attribution::{self, Attribution};
use crate::claims::{self, Finding};
use crate::lexicon::Lexicon;
use crate::people::{self, DocPeople};
use crate::quotes::{self, Quote};
use crate::sentences::{self, Sentence};
use crate::text::Format;

/// Everything byline knows about one article.
#[derive(Clone, Debug, Default)]
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
    let sentences = sentences::split_with(text, format, lex);
    let mut quotes = quotes::find(text, &sentences);
    let attributions = attribution::find(text, &sentences, &quotes, lex);
    attribution::assign_speakers(&mut quotes, &sentences, &attributions);
    let findings = claims::find(text, &sentences, &quotes, &attributions, lex);
    let people = people::find(text, &sentences, &quotes, &attributions, lex);
    Analysis { sentences, quotes, attributions, findings, people }
}

//! People named in one article: mentions (name tokens only, no title or possessive),
//! grouped into the persons of this article, with their roles and quotes.

use crate::Span;

/// One mention of a person in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    /// The name tokens only: "Putin" in "Mr Putin's", "Vladimir V. Putin" in full.
    pub span: Span,
    /// Index into [`DocPeople::persons`].
    pub person: usize,
    /// Whether this mention carries a given name and a surname (not a surname alone).
    pub full: bool,
}

/// One person as this article knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalPerson {
    /// The fullest name in this article, normalised ("Vladimir Putin" for "Vladimir V. Putin"
    /// when both appear; middle initials dropped from the identity).
    pub name: String,
    /// The family name, used to link surname-only mentions.
    pub surname: String,
    /// Whether the article ever names them with more than a surname.
    pub has_full_name: bool,
    /// Roles the article gives them ("Kremlin spokesman"), in order of first appearance.
    pub roles: Vec<String>,
    /// Quotations attributed to them: span of the quote and its words.
    pub quotes: Vec<(Span, String)>,
}

/// The people of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocPeople {
    pub persons: Vec<LocalPerson>,
    /// Sorted by `span.start`.
    pub mentions: Vec<PersonMention>,
}

impl DocPeople {
    /// The mention that covers byte `offset`, if any.
    pub fn mention_at(&self, offset: usize) -> Option<&PersonMention> {
        let i = self.mentions.partition_point(|m| m.span.end <= offset);
        self.mentions.get(i).filter(|m| m.span.start <= offset && offset <= m.span.end)
    }
}

/// Find the people of one article.
pub fn find(
    _text: &str,
    _sentences: &[crate::sentences::Sentence],
    _quotes: &[crate::quotes::Quote],
    _attributions: &[crate::attribution::Attribution],
    _lex: &crate::lexicon::Lexicon,
) -> DocPeople {
    DocPeople::default()
}

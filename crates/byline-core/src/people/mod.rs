//! People named in one article: mentions (name tokens only, no title or possessive),
//! grouped into the persons of this article, with their roles and quotes.
//!
//! `recognize/` finds the mentions, `group.rs` groups them into persons, `attach_roles.rs`
//! and `attach_quotes.rs` give the persons their roles and quotations, and
//! `role_references.rs` the roles a speaker is referred back to by ("the minister said").

use crate::document::Document;

mod attach_quotes;
mod attach_roles;
pub mod codec;
mod group;
mod group_memo;
pub(crate) mod lexicon;
mod recognize;
mod role_references;
mod title_references;
pub(crate) mod tokens;

pub(crate) use group_memo::GroupMemo;
pub use lexicon::PeopleLexicon;
pub(crate) use recognize::CandidateMemo;

use crate::Span;
use recognize::Ctx;

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
    /// The fullest form the article writes ("Seddique Mir Mateen" where [`Self::name`], the
    /// most frequent, is "Seddique Mateen"); empty for a surname alone.
    pub fullest: String,
    /// Roles the article gives them ("Kremlin spokesman"), in order of first appearance.
    pub roles: Vec<String>,
    /// Quotations attributed to them: span of the quote and its words.
    pub quotes: Vec<(Span, String)>,
}

/// The given name and the surname of one mention as written, each with its span (for
/// spelling checks and renames): a surname-only mention has only `surname`, a given-name-only
/// one only `given`, an alias neither.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameForm {
    pub given: Option<(Span, Box<str>)>,
    pub surname: Option<(Span, Box<str>)>,
}

/// The people of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocPeople {
    pub persons: Vec<LocalPerson>,
    /// Sorted by `span.start`.
    pub mentions: Vec<PersonMention>,
    /// `forms[i]`: where the given name and surname of `mentions[i]` are.
    pub forms: Vec<NameForm>,
    /// Lone capitalised words cued only by a speech verb ("Okafor said") that this article
    /// does not otherwise name: (span, surname). The workspace index makes each a mention of
    /// the one person in the workspace named in full with that surname, if there is exactly
    /// one; otherwise they are nobody (a company, say).
    pub tentative: Vec<(Span, String)>,
    /// The date the article gives itself in its head (a dateline), if any: which article is the
    /// most recent, for the roles across articles ([`crate::consistency::dateline`]).
    pub dated: Option<crate::consistency::dateline::ArticleDate>,
}

impl DocPeople {
    /// The mention that covers byte `offset`, if any.
    /// The tentative surname that covers byte `offset`, if any.
    pub fn tentative_at(&self, offset: usize) -> Option<&(Span, String)> {
        let i = self.tentative.partition_point(|t| t.0.end < offset);
        self.tentative.get(i).filter(|t| t.0.start <= offset && offset <= t.0.end)
    }

    /// The mention under a cursor at byte `offset`: anywhere from its first character to just
    /// after its last (where an editor puts the cursor after a double-click or typing), spaces
    /// inside a multi-word name included. Where one mention ends right where the next starts,
    /// the one that starts there wins.
    pub fn mention_at(&self, offset: usize) -> Option<&PersonMention> {
        self.mention_index_at(offset).map(|i| &self.mentions[i])
    }

    /// The index in `mentions` (and `forms`) of [`Self::mention_at`].
    pub fn mention_index_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        let i = match self.mentions.get(i + 1) {
            Some(next) if next.span.start <= offset => i + 1,
            _ => i,
        };
        self.mentions.get(i).filter(|m| m.span.start <= offset && offset <= m.span.end).map(|_| i)
    }
}

/// Find the people of one article.
pub fn find(doc: &Document, attributions: &[crate::attribution::Attribution]) -> DocPeople {
    find_with(doc, attributions, PeopleLexicon::bundled())
}

/// Find the people of one article with the given people word lists.
pub fn find_with(doc: &Document, attributions: &[crate::attribution::Attribution], lex: &PeopleLexicon) -> DocPeople {
    find_in(doc, attributions, lex, None)
}

/// [`find`], with the name candidates of the text's unchanged parts taken from `memo` (the
/// [`crate::IncrementalAnalyzer`]'s; `recognize/candidate_memo.rs`) and the grouping of the
/// mentions from `grouping` when they did not change (`group_memo.rs`): the same people.
pub(crate) fn find_memo(
    doc: &Document,
    attributions: &[crate::attribution::Attribution],
    memo: &mut CandidateMemo,
    grouping: &mut GroupMemo,
) -> DocPeople {
    find_in(doc, attributions, PeopleLexicon::bundled(), Some((memo, grouping)))
}

fn find_in(
    doc: &Document,
    attributions: &[crate::attribution::Attribution],
    lex: &PeopleLexicon,
    memos: Option<(&mut CandidateMemo, &mut GroupMemo)>,
) -> DocPeople {
    let (mut memo, grouping) = memos.unzip();
    let (text, toks, sentences, quotes) = (doc.text, &doc.toks[..], &doc.sentences[..], &doc.quotes[..]);
    if toks.is_empty() {
        return DocPeople::default();
    }
    let ctx = Ctx::new(text, toks, lex);
    let found = match memo.as_deref_mut() {
        Some(memo) => recognize::find_names_memo(&ctx, &doc.clean, memo),
        None => recognize::find_names(&ctx),
    };
    let (tentative, found): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.tentative);
    let mut doc = match grouping {
        Some(grouping) => grouping.group(&ctx, &doc.clean, &found),
        None => group::group(&ctx, &found),
    };
    doc.tentative = tentative
        .iter()
        .map(|f| {
            let t = &toks[f.toks.start];
            (t.start..t.end, text[t.start..t.end].to_string())
        })
        .filter(|(s, _)| doc.mention_at(s.start).is_none())
        .collect();
    attach_roles::attach_roles(&ctx, &found, &mut doc, memo.as_deref_mut());
    if let Some(memo) = memo {
        memo.end_round();
    }
    attach_quotes::attach_quotes(text, sentences, quotes, attributions, &mut doc);
    role_references::attach_role_references(text, sentences, attributions, lex, &mut doc);
    title_references::attach_title_references(text, sentences, attributions, lex, &mut doc);
    doc.dated = crate::consistency::dateline::article_date(text);
    doc
}

/// Fold a name word for identity: lower case, `y` as `i`, doubled letters once
/// ("Sergey"/"Sergei", "Zelenskyy"/"Zelensky").
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(word: &str, out: &mut String) {
    // Most names are ASCII: byte by byte, the same rules without the Unicode case tables.
    if word.is_ascii() {
        let mut prev = 0u8;
        for b in word.bytes() {
            let b = match b.to_ascii_lowercase() {
                b'y' => b'i',
                b => b,
            };
            if prev == b && b.is_ascii_alphabetic() {
                continue;
            }
            prev = b;
            out.push(b as char);
        }
        return;
    }
    fold_chars_into(word, out);
}

/// [`fold_into`] character by character (any text).
fn fold_chars_into(word: &str, out: &mut String) {
    let mut prev = None;
    for c in word.chars().flat_map(|c| c.to_lowercase()) {
        let c = match c {
            'y' => 'i',
            '’' => '\'',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'á' | 'à' | 'â' | 'ä' => 'a',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            c => c,
        };
        if prev == Some(c) && c.is_alphabetic() {
            continue;
        }
        prev = Some(c);
        out.push(c);
    }
}

/// The identity key of a person: folded given name and surname ("vladimir putin"), or the
/// folded surname alone when only that is known.
pub fn person_key(given: Option<&str>, surname: &str) -> String {
    let mut out = String::with_capacity(surname.len() + given.map_or(0, |g| g.len() + 1));
    if let Some(g) = given {
        fold_into(g, &mut out);
        out.push(' ');
    }
    // (A surname of one ASCII word, the common case, is folded without splitting it.)
    if surname.is_ascii() && !surname.bytes().any(|b| b.is_ascii_whitespace() || b == 0x0b) {
        fold_into(surname, &mut out);
        return out;
    }
    for (k, w) in surname.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        fold_into(w, &mut out);
    }
    out
}

/// `s` with its words separated by single spaces, without leading or trailing space.
fn normalise_spaces(s: &str) -> String {
    // Usually it already is: copy it as it is.
    let b = s.as_bytes();
    let plain = b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && !s.chars().any(|c| c.is_whitespace() && c != ' ');
    if plain {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fold_agrees_with_the_general_one() {
        for w in ["Zelenskyy", "SERGEY", "O'Brien", "al-Assad", "Llewellyn", "Mc-Donnell2", "yY", "aa--bb", "", "x", "Ng 11"] {
            let (mut fast, mut general) = (String::new(), String::new());
            fold_into(w, &mut fast);
            fold_chars_into(w, &mut general);
            assert_eq!(fast, general, "{w:?}");
        }
    }

    #[test]
    fn a_one_word_surname_keys_as_a_split_one() {
        for (g, s) in
            [(None, "Roe"), (Some("Jane"), "Roe"), (Some("Jane"), "van der Berg"), (None, "Roe\u{b}"), (None, ""), (None, " Roe ")]
        {
            let split = {
                let words: Vec<String> = s.split_whitespace().map(fold).collect();
                g.map(|g| format!("{} ", fold(g))).unwrap_or_default() + &words.join(" ")
            };
            assert_eq!(person_key(g, s), split, "{s:?}");
        }
    }

    #[test]
    fn spaces_are_normalised_with_or_without_the_fast_path() {
        for s in ["Jane Roe", " Jane Roe", "Jane  Roe", "Jane\tRoe", "Jane\u{a0}Roe", "Jane Roe ", "", " ", "Jane\nRoe"] {
            assert_eq!(normalise_spaces(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }
}

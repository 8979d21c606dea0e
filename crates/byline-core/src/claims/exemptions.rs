//! Sentences that are not claims: questions and lead-ins, "did not respond to a request for
//! comment", contributor credits, the writer's voice, short fragments, a sentence about the person just quoted, a
//! note on the sourcing, and propositions a cited document or a headline's source makes.

use super::cover::Cover;
use super::document::{Doc, ascii_lower};
use crate::attribution::WordList;
use crate::lexicon::Lexicon;
use crate::sentences::Sentence;

const RESEARCH_TEAM: WordList = WordList::new(&["researchers", "authors", "scientists", "team", "investigators"]);

/// Whether the sentence asserts nothing: a question, a lead-in that ends in a colon ("This is
/// how the players reacted:"), or "X did not respond to a request for comment".
pub(crate) fn asserts_nothing(doc: &Doc, s: &Sentence) -> bool {
    let st = &doc.ctext[s.span.clone()];
    let trimmed = st.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    trimmed.ends_with(['?', ':'])
        || doc.contains_in(&doc.lex.no_comment, s.span.clone())
        || contributor_line(trimmed)
        || unanswered_contact(&doc.lower[s.span.clone()])
}

/// "An email to the agency was not returned", "Calls to his office were not immediately
/// answered": a message that went unanswered (the subject a way of contacting someone).
fn unanswered_contact(lower: &str) -> bool {
    // (Most sentences have neither word: two byte searches, with searchers made once, before the
    // words are split.)
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    static RETURNED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"returned"));
    static ANSWERED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"answered"));
    let b = lower.as_bytes();
    if RETURNED.find(b).is_none() && ANSWERED.find(b).is_none() {
        return false;
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).take(30).collect();
    let Some(v) = words.windows(2).position(|w| w[0] == "not" || w[0] == "never").and_then(|i| {
        let rest = &words[i + 1..];
        let rest = rest.strip_prefix(&["immediately"]).or_else(|| rest.strip_prefix(&["been"])).unwrap_or(rest);
        matches!(rest.first(), Some(&("returned" | "answered"))).then_some(i)
    }) else {
        return false;
    };
    const CONTACT: &[&str] = &[
        "email",
        "emails",
        "e-mail",
        "e-mails",
        "call",
        "calls",
        "message",
        "messages",
        "voicemail",
        "voicemails",
        "inquiry",
        "inquiries",
    ];
    words[..v].iter().take(4).any(|w| CONTACT.contains(w))
}

/// A wire story's credit for its other reporters: "Jane Roe in Paris and John Doe contributed.",
/// "John Doe contributed to this report."
fn contributor_line(st: &str) -> bool {
    let l = st.trim_end_matches('.').as_bytes();
    let credit =
        ["contributed", "contributed reporting", "contributed to this report", "contributed to this story", "contributed to this article"]
            .iter()
            .any(|c| l.len() >= c.len() && l[l.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes()));
    credit && st.starts_with(char::is_uppercase) && st.split_whitespace().count() <= 30
}

/// What sentence `i`'s own words say about its being no claim; with the facts about the rest of
/// the document, [`not_a_claim`] decides. It reads only the sentence (its text, words and
/// quotations), so the incremental analysis keeps it per sentence
/// ([`super::sentence_facts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OwnExemption {
    /// No claim whatever the rest of the document says: a fragment, a note on the sourcing, a
    /// proposition put in a document's mouth, a headline's source before a colon.
    exempt: bool,
    /// Opens with "He" or "She", not hedged: about the person just quoted, when the sentence
    /// before is covered by a named source.
    about_person_quoted: bool,
    /// Opens with "The" and a document or a research team: the cited document's own account,
    /// once the article has cited a document by its publisher.
    about_cited_document: bool,
}

/// [`OwnExemption`] of sentence `i`.
pub(crate) fn own_exemption(doc: &Doc, i: usize) -> OwnExemption {
    let (s, ctext, lower, lex) = (&doc.sentences[i], doc.ctext, doc.lower, doc.lex);
    let words = doc.words_of(i);
    // A fragment of three words or fewer asserts too little to check; one of four only when it
    // says nobody was hurt or held ("No one was hurt.", "Nobody was arrested."), not scene or
    // talk ("The crowd waited outside.", "And they did not.").
    let denies = || matches!(&lower[words[0].span.clone()], "no" | "nobody" | "none");
    if words.len() < 4 || (words.len() == 4 && !denies()) {
        return OwnExemption { exempt: true, ..OwnExemption::default() };
    }
    // A sentence about the person just quoted ("He also …", "She added …").
    let first = &ctext[words[0].span.clone()];
    // Not when the writer hedges it ("He apparently left …"): that is the writer's guess.
    let hedged = words.iter().any(|w| {
        matches!(&lower[w.span.clone()], "apparently" | "seemingly" | "evidently" | "presumably") && !doc.q_cover(i).contains(&w.span)
    });
    // ("Now, she …", "But he …": after a linking adverb or conjunction.)
    let linked = || {
        words.len() > 1
            && matches!(
                &lower[words[0].span.clone()],
                "now" | "still" | "later" | "then" | "but" | "and" | "so" | "yet" | "today" | "meanwhile"
            )
            && matches!(&ctext[words[1].span.clone()], "he" | "she")
    };
    let about_person_quoted = (matches!(first, "He" | "She") || linked()) && !hedged;
    // A note on the sourcing itself ("officials spoke on condition of anonymity").
    let sourcing_note = doc.contains_in(&lex.anonymous, s.span.clone());
    // A sentence about a study or report the article has already cited by its publisher
    // ("The researchers analysed 28 years of records", "The study was funded by …"): the
    // cited document's own account.
    let about_cited_document = first == "The" && {
        doc.document.is(&words[1], crate::document::class::DOCUMENT) || RESEARCH_TEAM.contains(&ascii_lower(doc.document, &words[1]))
    };
    // A proposition put in a document's mouth: "In a memo to staff, …", "as set out in the
    // planning document", "one invoice included in the complaint shows", "the log says".
    // A headline's source before a colon: "Police: …", "Health Ministry: …".
    let exempt = sourcing_note || cites_document(doc.document, lower, words, doc.q_cover(i)) || source_prefix(ctext, lower, words, lex);
    OwnExemption { exempt, about_person_quoted, about_cited_document }
}

/// Whether sentence `i`, which no source covers, is still no claim of the writer's to flag:
/// its own exemption `own` ([`own_exemption`]) with what the document says — the writer's
/// voice, whether the sentence before is covered (`covered` says which earlier sentences a
/// named source covers), whether a document was cited before.
pub(crate) fn not_a_claim(doc: &Doc, i: usize, covered: &[bool], own: OwnExemption) -> bool {
    doc.voice[i]
        || doc.outlet_note[i]
        || own.exempt
        || (own.about_person_quoted && i > 0 && covered[i - 1])
        || (own.about_cited_document && doc.doc_cited.is_some_and(|d| d < i))
}

/// Whether the sentence opens with one or two capitalised words ending in a source noun and a
/// colon, the way a headline names its source ("Officials: …", "Study: …"), not a place or a
/// label ("Oregon: …", "Translation: …").
fn source_prefix(ctext: &str, lower: &str, words: &[crate::document::Word], lex: &Lexicon) -> bool {
    for k in 0..words.len().saturating_sub(3).min(2) {
        let g = ctext[words[k].span.end..words[k + 1].span.start].trim();
        if !ctext[words[k].span.clone()].starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if g == ":" {
            let l = &lower[words[k].span.clone()];
            return lex.source_roles.contains(l) || lex.anonymous_sources.contains(l) || lex.documents.contains(l);
        }
        if !g.is_empty() {
            return false;
        }
    }
    false
}

const DOC_DETERMINERS: WordList = WordList::new(&["a", "an", "the", "its", "their", "his", "her", "this", "that"]);
const DOC_VERBS: WordList = WordList::new(&[
    "says",
    "said",
    "shows",
    "showed",
    "states",
    "stated",
    "notes",
    "noted",
    "lists",
    "listed",
    "reveals",
    "revealed",
    "indicates",
    "indicated",
    "describes",
    "described",
    "finds",
    "found",
]);

/// Whether a document outside quotations is the sentence's source: inside a phrase "in a/the
/// … DOCUMENT" or as the subject of a verb of saying or showing ("the filing shows").
fn cites_document(document: &crate::document::Document, lower: &str, words: &[crate::document::Word], cover: Cover) -> bool {
    let spaced = |a: usize, b: usize| lower[words[a].span.end..words[b].span.start].trim().is_empty();
    (1..words.len()).any(|k| {
        // (The word's `DOCUMENT` class bit is `lex.documents` of its lower-case form.)
        if !document.is(&words[k], crate::document::class::DOCUMENT) || cover.contains(&words[k].span) {
            return false;
        }
        let governed = (k.saturating_sub(4)..k.saturating_sub(1)).any(|m| {
            &lower[words[m].span.clone()] == "in"
                && DOC_DETERMINERS.contains(&&lower[words[m + 1].span.clone()])
                && (m..k).all(|j| spaced(j, j + 1))
        });
        let subject = words.get(k + 1).is_some_and(|n| spaced(k, k + 1) && DOC_VERBS.contains(&&lower[n.span.clone()]));
        governed || subject
    })
}

#[cfg(test)]
mod tests {
    use crate::claims::fixtures::findings;

    #[test]
    fn contributor_credits_are_no_claims() {
        assert!(findings("Ilse Varga in Vienna and Tomas Berg in Oslo contributed.").is_empty());
        assert!(findings("Reporting by Ilse Varga; Tomas Berg contributed to this report.").is_empty());
    }

    #[test]
    fn a_four_word_sentence_is_a_claim_only_when_it_says_nobody_was_hurt() {
        use crate::claims::fixtures::findings;
        assert_eq!(findings("The ferry sank on Monday near the pier. No one was hurt.").len(), 2, "{:?}", findings("No one was hurt."));
        assert_eq!(findings("The ferry sank on Monday near the pier. And they did not.").len(), 1);
        assert_eq!(findings("The ferry sank on Monday near the pier. Here are three lessons.").len(), 1);
        assert_eq!(findings("The ferry sank on Monday near the pier. The crowd waited outside.").len(), 1);
    }

    #[test]
    fn an_unanswered_message_is_no_claim() {
        assert!(super::unanswered_contact("an email from the gazette to the council was not returned on friday."));
        assert!(super::unanswered_contact("calls to his office were not immediately returned."));
        assert!(super::unanswered_contact("messages left for the club have not been answered."));
        // Not what was lent or stolen.
        assert!(!super::unanswered_contact("the stolen paintings were not returned to the museum."));
        assert!(!super::unanswered_contact("the money the council borrowed in 2019 was never returned."));
    }

    #[test]
    fn questions_no_comment_and_the_writers_voice_are_no_claims() {
        assert!(findings("Will the new bridge reopen before the winter of 2030?").is_empty());
        assert!(findings("The ferry company did not respond to a request for comment.").is_empty());
        assert!(findings("The Herald has reached out to the 3 ferry companies for comment.").is_empty());
        assert!(findings("The Herald has sought comment from the 3 ferry companies.").is_empty());
        assert!(findings("Nobody could yet say whether the 3 deckhands had lawyers who could speak for them.").is_empty());
        assert!(findings("We visited 40 homes along the northern coast last week.").is_empty());
        // A source telling the outlet is reporting, not the writer's voice.
        let t = "The harbour reopened on Monday, the mayor said.\n\nThe two clubs are close to a deal, an insider told us on Friday.";
        assert!(findings(t).iter().any(|f| f.0 == crate::claims::Code::AnonymousSource), "{:?}", findings(t));
        let t =
            "The harbour reopened on Monday, the mayor said.\n\nThe two clubs are close to a deal, an insider told Us Weekly on Friday.";
        assert!(findings(t).iter().any(|f| f.0 == crate::claims::Code::AnonymousSource), "{:?}", findings(t));
    }

    #[test]
    fn the_outlet_speaking_of_itself_is_no_claim() {
        assert!(findings("This story was updated on Friday with 3 new figures from the port.").is_empty());
        assert!(findings("The Harbour Group, which owns this website, holds a 12 percent stake in the ferry line.").is_empty());
        assert!(findings("Correction: This article originally gave the bridge's length as 40 metres.").is_empty());
        // "this" before anything else is no sign of the outlet.
        assert!(!findings("This bridge carries 40,000 cars a day across the estuary.").is_empty());
    }

    #[test]
    fn a_headline_source_before_a_colon() {
        assert!(findings("Police: 40 homes were flooded along the coast.").is_empty());
    }
}

//! The event detector: a dated or narrated event — a sentence that is a time word, a verb in
//! the past tense, or a long sentence with a name in it.

use super::checkable::Claim;
use super::short;
use crate::Span;

/// The whole sentence, when it narrates an event.
pub(crate) fn event(c: &Claim) -> Option<(Span, String)> {
    let (ctext, lower, s, words) = (c.ctext, c.lower, c.s, c.words);
    let past = || {
        words.iter().skip(1).any(|w| {
            let l = &lower[w.span.clone()];
            (l.len() > 4 && l.ends_with("ed")) || irregular_past(l)
        })
    };
    let named = || words.iter().skip(1).any(|w| ctext[w.span.clone()].chars().next().is_some_and(char::is_uppercase));
    // Any one of the three makes it an event: the word tests first, the scan of the sentence
    // for a time word only when they say no.
    if past() || (words.len() >= 8 && named()) || c.doc.contains_in(&c.lex.time_words, s.span.clone()) {
        let phrase = short(&ctext[s.span.clone()], 8);
        return Some((s.span.clone(), format!("No source for this account: \"{phrase}\" — who reports it?")));
    }
    None
}

/// A common irregular past form (a `match`, compiled to a switch on length and bytes: this runs
/// for every word of every candidate sentence).
fn irregular_past(l: &str) -> bool {
    matches!(
        l,
        "was"
            | "were"
            | "had"
            | "did"
            | "made"
            | "took"
            | "went"
            | "came"
            | "gave"
            | "held"
            | "hit"
            | "left"
            | "fell"
            | "lost"
            | "won"
            | "began"
            | "ran"
            | "sent"
            | "struck"
            | "fought"
            | "broke"
            | "brought"
            | "built"
            | "bought"
            | "caught"
            | "drove"
            | "flew"
            | "fled"
            | "grew"
            | "kept"
            | "led"
            | "met"
            | "paid"
            | "put"
            | "rose"
            | "saw"
            | "set"
            | "shot"
            | "sought"
            | "spent"
            | "stood"
            | "threw"
            | "wrote"
            | "been"
            | "seized"
            | "killed"
    )
}

#[cfg(test)]
mod tests {
    use crate::claims::Code;
    use crate::claims::fixtures::findings;

    #[test]
    fn a_narrated_event_is_keyed_on_the_whole_sentence() {
        let t = "The ferry company cancelled all crossings on Tuesday.";
        assert_eq!(findings(t), [(Code::UnattributedClaim, t.into())]);
    }

    #[test]
    fn a_present_tense_description_is_no_event() {
        assert!(findings("The ferry crosses the bay every hour.").is_empty());
    }
}

//! The affiliation piece: a name's organisation after "of", "from", "with" or "at", before the
//! name's speech verb — "Kwame Asante from the Ghana Cocoa Board said", "Amara Obi, of the
//! Lagos Chamber of Commerce, said". Both a cue (the name speaks) and a role (as written).

use super::{Ctx, is_space_gap};
use crate::people::lexicon::class::*;

/// Lower-case words that may stand inside an organisation's name.
const INNER: &[&str] = &["of", "for", "and", "on", "in", "de", "du", "des", "la", "&"];

/// After a name ending at token `last`: the affiliation (from the preposition to the last word
/// of the organisation) when a speech verb follows it.
pub fn affiliation_after(ctx: &Ctx, last: usize) -> Option<std::ops::Range<usize>> {
    let n = ctx.toks.len();
    if ctx.toks[last].possessive {
        return None;
    }
    let lead = ctx.gap_after(last);
    let comma = lead.trim() == ",";
    if !(comma || is_space_gap(lead)) {
        return None;
    }
    let prep = last + 1;
    if prep >= n || !matches!(ctx.word(prep), "of" | "from" | "with" | "at") {
        return None;
    }
    let mut k = prep + 1;
    if k < n && is_space_gap(ctx.gap_before(k)) && matches!(ctx.word(k), "the") {
        k += 1;
    } else if ctx.word(prep) == "of" {
        // "Jane Roe, of Torrance,": where someone lives, not an organisation.
        return None;
    }
    // The organisation: capitalised words, with lower-case joiners between them.
    let mut end = k;
    let mut j = k;
    while j < n && j < k + 8 && is_space_gap(ctx.gap_before(j)) {
        if ctx.toks[j].cap || ctx.toks[j].acronym {
            end = j + 1;
            if ctx.toks[j].possessive {
                return None;
            }
        } else if !(j > k && INNER.contains(&ctx.word(j))) {
            break;
        }
        j += 1;
    }
    if end == k || end >= n {
        return None;
    }
    // Its closing comma (when it opened with one), then the speech verb, past "has"/"also".
    let tail = ctx.gap_after(end - 1);
    if !(if comma { tail.trim() == "," } else { is_space_gap(tail) || tail.trim() == "," }) {
        return None;
    }
    let mut v = end;
    while v < n && v < end + 3 {
        let w = ctx.word(v);
        if ctx.has(v, SPEECH_VERB) && w.chars().next().is_some_and(char::is_lowercase) {
            return Some(prep..end);
        }
        if !matches!(w, "has" | "had" | "also" | "later") || !is_space_gap(ctx.gap_after(v)) {
            return None;
        }
        v += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::recognize::testing::{tok, with_ctx};

    fn affiliation(t: &str, name_last: &str) -> Option<String> {
        with_ctx(t, |ctx| {
            let r = affiliation_after(ctx, tok(ctx, name_last))?;
            Some(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].end].to_string())
        })
    }

    #[test]
    fn an_organisation_before_the_speech_verb() {
        assert_eq!(
            affiliation("Kwabena Osei from the Volta Cocoa Board said output fell.", "Osei").as_deref(),
            Some("from the Volta Cocoa Board")
        );
        assert_eq!(
            affiliation("Adaeze Nwosu, of the Enugu Chamber of Commerce, said prices rose.", "Nwosu").as_deref(),
            Some("of the Enugu Chamber of Commerce")
        );
        assert_eq!(affiliation("Ilse Varga of the NHS has also said so.", "Varga").as_deref(), Some("of the NHS"));
    }

    #[test]
    fn of_a_place_is_no_affiliation() {
        assert_eq!(affiliation("Ilse Varga, of Torrance, said she heard shots.", "Varga"), None);
    }

    #[test]
    fn no_speech_verb_no_affiliation() {
        assert_eq!(affiliation("The arrest of Ilse Varga at the Harbour Hotel shocked the town.", "Varga"), None);
        assert_eq!(affiliation("A letter from Ilse Varga of the Harbour Trust arrived.", "Varga"), None);
    }

    #[test]
    fn the_affiliation_makes_an_unknown_name_a_speaker() {
        use crate::people::recognize::testing::mentions;
        assert_eq!(mentions("Then Qorvath Thrane from the Volta Cocoa Board said output fell."), ["Qorvath Thrane"]);
    }
}

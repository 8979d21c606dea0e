//! Cue: a title or honorific right before the name ("Dr Jane Roe", "Kremlin spokesman Dmitry
//! Peskov", "rapper Jane Roe"), or a role phrase before a comma ("US secretary of state, Antony
//! Blinken").

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::roles::{after_lower_word, comma_role_head, of_title_end, plural_head, singular_person_noun};
use crate::people::recognize::{Ctx, Piece};

/// An honorific or short title right before the name ("Mr", "Sen.").
pub fn honorific(ctx: &Ctx, at: &Around) -> bool {
    at.adjacent_before.is_some_and(|b| ctx.has(b, HONORIFIC | TITLE_ABBR))
}

/// A title is a role noun ("Minister", "spokesman") or a short title ("Sen."); a bare
/// qualifier ("Transport Focus", "Trade Unions") is not one.
/// ("rapper Jane Roe", "biologists Jane Roe and ...": a common noun naming a person, in
/// lower case, before a name of two words or more.)
pub fn title(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    at.adjacent_before.is_some_and(|b| {
        (ctx.has(b, ROLE_HEAD) && !plural_head(ctx, b))
            || (ctx.has(b, TITLE_ABBR) && ctx.word(b).chars().next().is_some_and(|c| c.is_uppercase()))
            || (p.words >= 2 && singular_person_noun(ctx, b))
            // ("chief of staff Ilka Brandvold")
            || (p.words >= 2 && of_title_end(ctx, b))
            // ("said Supervisor Ilka Brandvold": capitalised inside a sentence.)
            || (p.words >= 2
                && ctx.toks[b].cap
                && ctx.has(b, PERSON_NOUN)
                && !ctx.has(b, NONPERSON | NONPERSON_HEAD | FIRST)
                && after_lower_word(ctx, b))
            // ("Oceanographer Roe said": one opening a sentence, before a surname and a word in
            // lower case, not a headline's "Tribune Staff", "Doctors Threaten".)
            || (p.words == 1
                && ctx.toks[b].cap
                && crate::people::recognize::sentence_start(ctx, b)
                && ctx.has(b, PERSON_NOUN)
                && !ctx.word(b).ends_with('s')
                && !ctx.word(b).ends_with("men")
                && !ctx.has(b, NONPERSON | NONPERSON_HEAD | FIRST | ADVERB)
                && ctx.toks.get(p.toks.end).is_some_and(|_| ctx.word(p.toks.end).chars().next().is_some_and(|c| c.is_lowercase())))
    })
}

/// "her husband Michael", "programme makers Lou and Ben", "his wife Fran": a lower-case noun
/// for a person right before one word that is a known given name, or after "his", "her",
/// "their" (a person the copy names by given name alone).
pub fn person_noun_given(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let s = p.toks.start;
    p.words == 1
        && p.toks.len() == 1
        && !ctx.toks[s].possessive
        && !ctx.has(s, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC | ADVERB)
        && at.adjacent_before.is_some_and(|b| {
            // ("programme makers Lou and Ben": the second of two given names after the noun.)
            let b =
                if ctx.word(b) == "and" && ctx.has(s, FIRST) && b >= 2 && ctx.toks[b - 1].cap && ctx.has(b - 1, FIRST) { b - 2 } else { b };
            let w = ctx.word(b);
            let possessed = b > 0
                && ["his", "her", "their"].iter().any(|d| ctx.word(b - 1).eq_ignore_ascii_case(d))
                && crate::people::recognize::is_space_gap(ctx.gap_before(b));
            // ("daughter Rena and son Nalin": the second of two such pairs.)
            let listed = b >= 3
                && ctx.word(b - 1) == "and"
                && ctx.toks[b - 2].cap
                && ctx.has(b - 2, FIRST)
                && ctx.has(b - 3, PERSON_NOUN)
                && ctx.word(b - 3).starts_with(|c: char| c.is_lowercase())
                && (b - 2..=b).all(|k| crate::people::recognize::is_space_gap(ctx.gap_before(k)));
            // (Not "her daughter’s TikTok account": what a person owns.)
            w.starts_with(|c: char| c.is_lowercase())
                && !ctx.toks[b].possessive
                && ctx.has(b, PERSON_NOUN)
                && (ctx.has(s, FIRST) || ((possessed || listed) && singular_person_noun(ctx, b)))
        })
}

/// "US secretary of state, Antony Blinken"
/// (A plural role noun, "the administrators, Grant & Co", names a group or firm.)
/// ("Chair of the Harbour Trust, Jane Roe" and other role phrases before a comma: for
/// a name of two words or more.)
pub fn comma_role(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    at.before.is_some_and(|b| {
        let g = at.gap_before.trim();
        g == ","
            && !super::byline::under_name_line(ctx, b)
            && ((ctx.has(b, ROLE_HEAD) && !plural_head(ctx, b) && ctx.word(b).chars().next().is_some_and(|c| c.is_lowercase()))
                || (p.words >= 2 && comma_role_head(ctx, b).is_some()))
    })
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_title_makes_an_unknown_name_a_person() {
        assert_eq!(mentions("The fund was backed by Dr Okwuosa Thrane on Monday."), ["Okwuosa Thrane"]);
        assert_eq!(mentions("The plan was drafted by spokesman Okwuosa Thrane."), ["Okwuosa Thrane"]);
    }

    #[test]
    fn a_person_noun_opening_a_sentence_makes_a_lone_surname_a_person() {
        assert_eq!(mentions("Oceanographer Thrane said the debris would sink."), ["Thrane"]);
        // Not in a headline's title case, nor after a plural.
        assert!(mentions("Tribune Staff\n\nThe paper closed.").is_empty());
        assert!(mentions("Doctors Threaten to strike over pay").is_empty());
    }

    #[test]
    fn a_person_noun_before_a_given_name_alone() {
        assert_eq!(mentions("She and her husband Michael have a son."), ["Michael"]);
        assert_eq!(mentions("We thank programme makers Lou and Ben for it."), ["Lou", "Ben"]);
        assert_eq!(mentions("His wife Thessaly says he was harassed."), ["Thessaly"]);
        assert_eq!(mentions("They have two grown children, daughter Rena and son Talvik."), ["Rena", "Talvik"]);
        assert!(mentions("They met daughter Rena and tour guide Harbour on the quay.").iter().all(|m| m != "Harbour"));
        assert!(mentions("They met tour guide Harbour on the quay.").is_empty());
        assert!(mentions("It mocked her daughter’s Snapgram account.").is_empty());
    }

    #[test]
    fn an_honorific_makes_a_lone_surname_a_person() {
        assert_eq!(mentions("Then Mr Thrane left the room."), ["Thrane"]);
    }

    #[test]
    fn a_role_before_a_comma() {
        assert_eq!(mentions("The chief engineer, Okwuosa Thrane, disagreed."), ["Okwuosa Thrane"]);
    }
}

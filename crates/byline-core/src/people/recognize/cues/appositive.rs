//! Cue: an appositive role after the name ("Jane Roe, the chairman of ..."), see
//! [`crate::people::recognize::appositive`].

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::appositive::{appositive_role, appositive_start};
use crate::people::recognize::roles::{plural_head, singular_person_noun};
use crate::people::recognize::{Ctx, LOWER_USED, Piece};

/// (A role headed only by a common noun, "a Hong Kong battery seller", also describes firms:
/// a cue only for a name of words the text never uses in lower case.)
pub fn appositive(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    appositive_start(ctx, at.last)
        .and_then(|k| appositive_role(ctx, k))
        .is_some_and(|r| r.clone().any(|k| ctx.has(k, ROLE_HEAD)) || p.toks.clone().all(|k| !ctx.has(k, LOWER_USED)))
}

/// "said Jared, an undergraduate who …", "Daniel, a city council aide, …": a known given name
/// alone, then an appositive that opens with "a" or "an" and ends in a noun for one person
/// (not "Jordan, the region's allies").
pub fn given_name_appositive(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    let s = p.toks.start;
    p.words == 1
        && ctx.has(s, FIRST)
        && !ctx.has(s, NONPERSON)
        && appositive_start(ctx, at.last).filter(|&k| matches!(ctx.word(k), "a" | "an")).and_then(|k| appositive_role(ctx, k)).is_some_and(
            |r| {
                let head = r.end - 1;
                singular_person_noun(ctx, head) || ctx.has(head, ROLE_HEAD) && !plural_head(ctx, head)
            },
        )
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_given_name_alone_with_an_appositive_for_one_person() {
        assert_eq!(mentions("“It is a new start,” said Marisol, an undergraduate who chairs the club."), ["Marisol"]);
        assert_eq!(mentions("The club met on Monday.\n\nTobias, a Harbour City University freshman, wore a badge."), ["Tobias"]);
        // Not a place, not a group, not with "the".
        assert!(mentions("Georgia, a swing state, voted early.").is_empty());
        assert!(mentions("Tobias, the others and I left.").is_empty());
    }

    #[test]
    fn a_role_after_the_comma() {
        assert_eq!(mentions("Then Qorvath Thrane, the depot manager, left."), ["Qorvath Thrane"]);
    }

    #[test]
    fn a_lone_surname_with_a_role_is_tentative() {
        assert_eq!(mentions("Then Thrandeston, the depot manager, left."), ["?Thrandeston"]);
    }
}

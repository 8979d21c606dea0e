//! Cue: an appositive role after the name ("Jane Roe, the chairman of ..."), see
//! [`crate::people::recognize::appositive`].

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::appositive::{appositive_role, appositive_start};
use crate::people::recognize::{Ctx, LOWER_USED, Piece};

/// (A role headed only by a common noun, "a Hong Kong battery seller", also describes firms:
/// a cue only for a name of words the text never uses in lower case.)
pub fn appositive(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    appositive_start(ctx, at.last)
        .and_then(|k| appositive_role(ctx, k))
        .is_some_and(|r| r.clone().any(|k| ctx.has(k, ROLE_HEAD)) || p.toks.clone().all(|k| !ctx.has(k, LOWER_USED)))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_role_after_the_comma() {
        assert_eq!(mentions("Then Qorvath Thrane, the depot manager, left."), ["Qorvath Thrane"]);
    }

    #[test]
    fn a_lone_surname_with_a_role_is_tentative() {
        assert_eq!(mentions("Then Thrandeston, the depot manager, left."), ["?Thrandeston"]);
    }
}

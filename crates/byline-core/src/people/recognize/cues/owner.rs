//! Cue: "Indonesia's Retno Marsudi", "Labour's Jane Roe": a full name after the possessive of
//! a place or organisation.

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, is_space_gap};

pub fn owner_before(ctx: &Ctx, at: &Around) -> bool {
    let toks = ctx.toks;
    at.before
        .is_some_and(|b| toks[b].possessive && is_space_gap(at.gap_before) && (toks[b].acronym || (toks[b].cap && ctx.has(b, NONPERSON))))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_place_owns_the_name() {
        assert_eq!(mentions("Later, Norway's Qorvath Thrane spoke."), ["Qorvath Thrane"]);
        assert_eq!(mentions("Later, the NHS's Qorvath Thrane spoke."), ["Qorvath Thrane"]);
    }
}

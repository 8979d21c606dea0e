//! Cue: a known given name leading a name of two words or more ("Jane Roe"), unless the
//! given name is a place leading the name ("Georgia Pemberton").

use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, Piece};

pub fn first_name(ctx: &Ctx, p: &Piece) -> bool {
    p.words >= 2 && ctx.has(p.toks.start, FIRST) && !p.place_led
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_known_given_name_then_a_surname() {
        assert_eq!(mentions("The report was written by staff including Maria Thrandeston."), ["Maria Thrandeston"]);
    }

    #[test]
    fn an_unknown_first_word_is_not_enough() {
        assert!(mentions("The Qorvath Thrandeston report came out.").is_empty());
    }
}

//! Cue: a name glued to its surname by a missing space ("IngridHolm"), a person with a speech
//! verb or an appositive beside it.

use crate::people::recognize::names::glued_split;
use crate::people::recognize::{Ctx, Piece};

pub fn glued(ctx: &Ctx, p: &Piece) -> bool {
    p.words == 1 && glued_split(ctx.word(p.toks.start)).is_some()
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_glued_name_with_a_speech_verb() {
        assert_eq!(mentions("Then QorvathThrane said no."), ["QorvathThrane"]);
    }
}

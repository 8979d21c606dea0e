//! Cue: "Jane Roe's": a possessive two- or three-word name of words the text never uses in
//! lower case, not at a sentence start.

use super::Around;
use crate::people::recognize::{Ctx, LOWER_USED, Piece, sentence_start};

pub fn possessive_name(ctx: &Ctx, p: &Piece, at: &Around) -> bool {
    (2..=3).contains(&p.words)
        && ctx.toks[at.last].possessive
        && !sentence_start(ctx, at.s)
        && p.toks.clone().all(|k| !ctx.has(k, LOWER_USED))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_possessive_name_inside_a_sentence() {
        assert_eq!(mentions("It was Qorvath Thrane's idea."), ["Qorvath Thrane"]);
    }

    #[test]
    fn not_at_a_sentence_start() {
        assert!(mentions("Qorvath Thrane's idea came first.").is_empty());
    }
}

//! Cue: a social-media handle in brackets after the name, as embedded posts are credited
//! ("— Jane Roe (@janeroe) December 22, 2014").

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::lexicon::with_lower;
use crate::people::recognize::Ctx;

/// "Jane Roe (@janeroe)": the account's handle right after the name, whose first word is a
/// given name or at least no common word: a publication or a firm posts too ("Teen Harbour
/// (@TeenHarbour)").
pub fn handle_after(ctx: &Ctx, at: &Around) -> bool {
    at.gap_after.trim_start().starts_with("(@")
        && !ctx.has(at.s, PERSON_NOUN | NONPERSON | TITLE)
        && (ctx.has(at.s, FIRST) || !with_lower(ctx.word(at.s), |l| crate::lexicon::Lexicon::bundled().adjectives.contains(l)))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_post_credited_to_a_person() {
        let t = "Flights were held.\n\n— Qorvath Thrane (@qthrane) December 22, 2014\n";
        assert_eq!(mentions(t), ["Qorvath Thrane"]);
        // A known given name alone; an organisation's account is no person.
        assert_eq!(mentions("Delays again.\n\n— Lena (@lena_k) December 22, 2014\n"), ["Lena"]);
        assert!(mentions("Delays again.\n\n— Vessberg Airport (@VBG_Airport) December 22, 2014\n").is_empty());
        // Nor a magazine's, named by a common noun.
        assert!(mentions("Delays again.\n\n— Teen Harbour (@TeenHarbour) December 22, 2014\n").is_empty());
    }
}

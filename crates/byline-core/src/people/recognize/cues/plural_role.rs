//! A role noun in the plural before several names ("city councillors Jane Roe and John Doe"):
//! role attachment gives that role to each of the coordinated names.

use crate::people::lexicon::class::*;
use crate::people::recognize::Ctx;
use crate::people::recognize::roles::plural_head;

/// Whether token `k` is a role noun in the plural ("councillors", "members"), as the last
/// word of a title over several names ("city councillors Jane Roe and John Doe").
pub fn plural_role(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    // ("Sens.", "Reps.": a short title whose singular is one too.)
    let short_plural = ctx.has(k, TITLE_ABBR) && w.len() > 2 && w.ends_with('s') && ctx.lex.is_title_abbr(&w[..w.len() - 1]);
    plural_head(ctx, k) || short_plural || (ctx.has(k, PERSON_NOUN) && w.len() > 4 && w.ends_with('s') && !ctx.lex.is_person_noun_exact(w))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::with_ctx;

    #[test]
    fn plural_and_singular_roles() {
        with_ctx("city councillors and a councillor", |ctx| {
            assert!(super::plural_role(ctx, 1));
            assert!(!super::plural_role(ctx, 4));
        });
    }
}

//! Cue: "Jane Roe, widely known as Janey": a single capitalised word after "known as" (or
//! "nicknamed") right after a name is another name of that person; it then stands for them
//! alone too.

use crate::people::lexicon::class::*;
use crate::people::lexicon::{FxHashSet, with_lower};
use crate::people::recognize::names::split_name;
use crate::people::recognize::{Ctx, LOWER_USED, Piece, is_space_gap};

/// The pieces that are aliases of the piece just before them; each alias word joins the
/// `surnames` of the people found.
pub fn aliases(ctx: &Ctx, pieces: &[Piece], surnames: &mut FxHashSet<String>) -> FxHashSet<usize> {
    let mut alias_of: FxHashSet<usize> = FxHashSet::default();
    for (i, p) in pieces.iter().enumerate() {
        if p.rejected || p.words != 1 || p.toks.len() != 1 || i == 0 {
            continue;
        }
        let k = p.toks.start;
        if ctx.has(k, LOWER_USED) || ctx.has(k, FIRST | TITLE | HONORIFIC) || k < 3 {
            continue;
        }
        let Some(lead) = alias_lead(ctx, k) else { continue };
        if !(lead..k).all(|q| is_space_gap(ctx.gap_after(q))) || lead == 0 || ctx.gap_before(lead).trim() != "," {
            continue;
        }
        let q = &pieces[i - 1];
        let named = q.strong
            || (q.weak && {
                let (_, s) = split_name(ctx, q.toks.clone());
                with_lower(s, |l| surnames.contains(l))
            });
        if q.toks.end == lead && !q.rejected && named && !ctx.toks[q.toks.end - 1].possessive {
            alias_of.insert(i);
            surnames.insert(ctx.word(k).to_lowercase());
        }
    }
    alias_of
}

/// The first token of "nicknamed" or "(widely) known as" before token `k`.
fn alias_lead(ctx: &Ctx, k: usize) -> Option<usize> {
    if ctx.word(k - 1) == "nicknamed" {
        Some(k - 1)
    } else if ctx.word(k - 1) == "as" && ctx.word(k - 2) == "known" {
        Some(if matches!(ctx.word(k - 3), "widely" | "also" | "better" | "popularly" | "commonly" | "locally") { k - 3 } else { k - 2 })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn known_as_after_a_name() {
        let t = "Then Maria Thrane, widely known as Qory, spoke. Later Qory left.";
        assert_eq!(mentions(t), ["Maria Thrane", "=Qory", "Qory"]);
    }
}

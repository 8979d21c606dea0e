//! Cue: a Korean given name of two hyphenated syllables after a short family name ("Cho
//! Tae-yul", "Moon Jae-in"): a name word though it has a lower-case part, with the family name
//! first.

use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, is_space_gap};

/// A Korean given name of two hyphenated syllables after a short family name ("Cho Tae-yul",
/// "Moon Jae-in"): token `k` is the given name, token `k - 1` the family name.
pub fn korean_given(ctx: &Ctx, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let w = ctx.word(k);
    let parts: Vec<&str> = w.split(['-', '‑']).collect();
    let fam = ctx.word(k - 1);
    parts.len() == 2
        && parts.iter().all(|p| (2..=5).contains(&p.chars().count()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts[0].chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && parts[1].chars().all(|c| c.is_ascii_lowercase())
        && ctx.toks[k - 1].cap
        && !ctx.toks[k - 1].possessive
        && (2..=5).contains(&fam.chars().count())
        && is_space_gap(ctx.gap_after(k - 1))
        && !ctx.has(k - 1, TITLE | NONPERSON | HONORIFIC)
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::{mentions, with_ctx};

    #[test]
    fn a_korean_given_name() {
        with_ctx("Minister Kang Min-seo and the Post-war era", |ctx| {
            assert!(super::korean_given(ctx, 2));
            assert!(!super::korean_given(ctx, 6));
        });
        assert_eq!(mentions("Foreign Minister Kang Min-seo arrived."), ["Kang Min-seo"]);
    }
}

//! Cue: "Jane Roe, who ...", "Jane Roe, 27, ...": what only a person takes after a comma.

use super::Around;
use crate::people::recognize::Ctx;

pub fn who_or_age(ctx: &Ctx, at: &Around) -> bool {
    !ctx.toks[at.last].possessive
        && at.gap_after.trim() == ","
        && at.next.is_some_and(|k| {
            let w = ctx.word(k);
            w == "who"
                || (w.len() <= 3
                    && w.chars().all(|c| c.is_ascii_digit())
                    && w.parse::<u32>().is_ok_and(|a| (1..=115).contains(&a))
                    // ("the shooting of Jane Roe, 30. Roe was found ...": the age may end the sentence.)
                    && matches!(ctx.gap_after(k).trim(), "," | "." | ";"))
        })
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn an_age_after_the_name() {
        assert_eq!(mentions("Then Qorvath Thrane, 41, left."), ["Qorvath Thrane"]);
        assert!(mentions("Then Qorvath Thrane, 412, left.").is_empty());
        assert_eq!(mentions("He shot Nurudeen Thrane, 30. Thrane died."), ["Nurudeen Thrane", "Thrane"]);
    }

    #[test]
    fn who_after_the_name() {
        assert_eq!(mentions("Then Qorvath Thrane, who runs the depot, left."), ["Qorvath Thrane"]);
    }
}

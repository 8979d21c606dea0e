//! Cues: a photo credit ("(Jane Roe/AP)", "Credit, Jane Roe/Reuters"), and "by" before a
//! name ("reporting by Jane Roe", "Photo by Jane Roe and John Doe").

use super::Around;
use crate::people::recognize::{Ctx, LOWER_USED, Piece, is_space_gap};

/// Photo credits: "(Jane Roe/AP)", "Credit, Jane Roe/Reuters".
pub fn credit(ctx: &Ctx, at: &Around) -> bool {
    at.gap_after.starts_with('/') && (at.gap_before.ends_with('(') || at.next.is_some_and(|k| ctx.toks[k].acronym || ctx.toks[k].cap))
}

/// "reporting by Jane Roe", "Photo by Jane Roe"; "by Jane Roe and John Doe" when the piece
/// before ended at `last_by_end`.
pub fn by_before(ctx: &Ctx, p: &Piece, at: &Around, last_by_end: Option<usize>) -> bool {
    p.words >= 2
        && at.before.is_some_and(|b| {
            (matches!(ctx.word(b), "by" | "By") && is_space_gap(at.gap_before))
                // "by Jane Roe and John Doe"
                || (matches!(ctx.word(b), "and") && b > 0 && last_by_end == Some(b - 1))
        })
        && p.toks.clone().all(|k| !ctx.has(k, LOWER_USED))
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::mentions;

    #[test]
    fn a_photo_credit() {
        assert_eq!(mentions("The harbour at dawn. (Qorvath Thrane/AP)"), ["Qorvath Thrane"]);
    }

    #[test]
    fn names_after_by() {
        assert_eq!(mentions("Reporting by Qorvath Thrane and Ilkan Vessberg; editing by nobody."), ["Qorvath Thrane", "Ilkan Vessberg"]);
    }
}

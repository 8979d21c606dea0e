//! Cues: a photo credit ("(Jane Roe/AP)", "Credit, Jane Roe/Reuters"), and "by" before a
//! name ("reporting by Jane Roe", "Photo by Jane Roe and John Doe").

use super::Around;
use crate::people::recognize::{Ctx, LOWER_USED, Piece, is_space_gap};

/// Photo credits: "(Jane Roe/AP)", "Credit, Jane Roe/Reuters".
pub fn credit(ctx: &Ctx, at: &Around) -> bool {
    at.gap_after.starts_with('/') && (at.gap_before.ends_with('(') || at.next.is_some_and(|k| ctx.toks[k].acronym || ctx.toks[k].cap))
}

/// "reporting by Jane Roe", "Photo by Jane Roe"; "by Jane Roe and John Doe", "by Jane Roe in
/// OSLO, John Doe, …" when the piece before ended at `last_by_end`.
pub fn by_before(ctx: &Ctx, p: &Piece, at: &Around, last_by_end: Option<usize>) -> bool {
    p.words >= 2
        && (at.before.is_some_and(|b| {
            (matches!(ctx.word(b), "by" | "By") && is_space_gap(at.gap_before))
                // "by Jane Roe and John Doe"
                || (matches!(ctx.word(b), "and") && b > 0 && last_by_end == Some(b - 1))
        }) || last_by_end.is_some_and(|e| credit_list_between(ctx, e, p.toks.start)))
        && p.toks.clone().all(|k| !ctx.has(k, LOWER_USED))
}

/// Between the name ending at token `e` and the one starting at `s`, a credit list goes on: a
/// comma or "and", after an optional "in PLACE" ("…, Jane Roe in OSLO, John Doe and …").
fn credit_list_between(ctx: &Ctx, e: usize, s: usize) -> bool {
    if s <= e || s - e > 8 {
        return false;
    }
    let clean = |g: &str| g.chars().all(|c| matches!(c, ' ' | ',' | '/'));
    let mut sep = ctx.gap_after(e).contains(',');
    let mut placed = false;
    for k in e + 1..s {
        let w = ctx.word(k);
        if !clean(ctx.gap_before(k)) {
            return false;
        }
        match w {
            "and" => sep = true,
            "in" if !placed && !sep => placed = true,
            _ if placed && (ctx.toks[k].cap || ctx.toks[k].acronym) => {}
            _ => return false,
        }
        if ctx.gap_after(k).contains(',') {
            sep = true;
        }
    }
    sep && clean(ctx.gap_before(s))
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
        let t = "(Reporting by Qorvath Thrane in OSLO, Ilkan Vessberg and Maro Tull in BERGEN/ODDA, Sela Brun Dahl in ROME)";
        assert_eq!(mentions(t), ["Qorvath Thrane", "Ilkan Vessberg", "Maro Tull", "Sela Brun Dahl"]);
        // Not a list after the name: "by Jane Roe, Ilkan Vessberg of the union said".
        assert_eq!(mentions("The study by Qorvath Thrane in 2020 found it.").len(), 1);
    }
}

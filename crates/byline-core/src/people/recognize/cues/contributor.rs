//! Contributor lines, which name people on their own: "Harbour Press writers Jane Roe and John
//! Doe in Oslo contributed to this report"; and the role they give ("Harbour Press writer").

use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, Piece, is_space_gap};

/// "Harbour Press writers Jane Roe and John Doe in Oslo contributed to this report": the
/// names of a contributor line.
pub fn contributor_lines(ctx: &Ctx, line_starts: &[usize], pieces: &mut Vec<Piece>) {
    // (A contributor line needs the word "contributed": most articles have none.)
    if !ctx.text.contains("contributed") {
        return;
    }
    for &ls in line_starts {
        let k = ctx.toks.partition_point(|t| t.start < ls);
        if let Some((noun, stop)) = contributor_line(ctx, k) {
            for r in contributor_names(ctx, noun + 1, stop) {
                pieces.push(Piece::strong_name(r.clone()));
            }
        }
    }
}

/// A contributor line starting at token `k` ("Harbour Press writers ... contributed to this
/// report"): the token of its plural role noun and of "contributed".
pub fn contributor_line(ctx: &Ctx, k: usize) -> Option<(usize, usize)> {
    let n = ctx.toks.len();
    if k >= n
        || !ctx.toks[k].cap
        || !ctx.text[..ctx.toks[k].start].trim_end_matches([' ', '\t', '\r']).ends_with('\n') && ctx.toks[k].start != 0
    {
        return None;
    }
    // Up to four capitalised words, then the plural role noun.
    let mut j = k;
    while j < n && j < k + 4 && (ctx.toks[j].cap || ctx.toks[j].acronym) && is_space_gap(ctx.gap_after(j)) {
        j += 1;
    }
    if j == k || j >= n || !matches!(ctx.word(j), "writers" | "reporters" | "correspondents" | "journalists") {
        return None;
    }
    // "contributed" within a short line.
    let mut q = j + 1;
    while q < n && q < j + 40 && !ctx.gap_before(q).contains('\n') {
        if ctx.word(q) == "contributed" {
            return Some((j, q));
        }
        q += 1;
    }
    None
}

/// The names in a contributor line between tokens `a` and `stop`: capitalised runs of two or
/// three words, separated by commas and "and"; after "in PLACE" only "and" starts a name.
pub fn contributor_names(ctx: &Ctx, a: usize, stop: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut expect = true;
    let mut placed = false;
    let mut q = a;
    while q < stop {
        if ctx.gap_before(q).contains(',') && !placed {
            expect = true;
        }
        let w = ctx.word(q);
        if w == "and" {
            expect = true;
            placed = false;
            q += 1;
            continue;
        }
        if w == "in" {
            expect = false;
            placed = true;
            q += 1;
            continue;
        }
        if expect && ctx.toks[q].cap {
            let mut e = q + 1;
            while e < stop && e < q + 3 && ctx.toks[e].cap && is_space_gap(ctx.gap_before(e)) {
                e += 1;
            }
            if e - q >= 2 && !(q..e).any(|x| ctx.has(x, TITLE | HONORIFIC | NONPERSON_HEAD)) {
                out.push(q..e);
            }
            expect = false;
            q = e;
            continue;
        }
        q += 1;
    }
    out
}

/// The role of a contributor line ("Harbour Press writer") for a name starting at token `s`.
pub fn contributor_role(ctx: &Ctx, s: usize) -> Option<String> {
    // The line start, a bounded scan back.
    let mut k = s;
    while k > 0 && s - k < 40 && !ctx.gap_before(k).contains('\n') {
        k -= 1;
    }
    let (noun, stop) = contributor_line(ctx, k)?;
    if !(noun < s && s < stop && contributor_names(ctx, noun + 1, stop).iter().any(|r| r.start == s)) {
        return None;
    }
    let role = &ctx.text[ctx.toks[k].start..ctx.toks[noun].end];
    Some(role.strip_suffix('s').unwrap_or(role).to_string())
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::{mentions, tok, with_ctx};

    const LINE: &str = "The harbour reopened.\nHarbour Press writers Qorvath Thrane and Ilkan Vessberg in Oslo contributed to this report.";

    #[test]
    fn the_names_of_a_contributor_line() {
        // (Each twice: the line names them, and propagation finds them again as pieces of
        // their run; grouping keeps one mention each.)
        assert_eq!(mentions(LINE), ["Qorvath Thrane", "Qorvath Thrane", "Ilkan Vessberg", "Ilkan Vessberg"]);
        with_ctx(LINE, |ctx| {
            let names = super::contributor_names(ctx, tok(ctx, "writers") + 1, tok(ctx, "contributed"));
            assert_eq!(names, [tok(ctx, "Qorvath")..tok(ctx, "Thrane") + 1, tok(ctx, "Ilkan")..tok(ctx, "Vessberg") + 1]);
        });
    }

    #[test]
    fn the_role_of_a_contributor_line() {
        with_ctx(LINE, |ctx| {
            assert_eq!(super::contributor_role(ctx, tok(ctx, "Ilkan")).as_deref(), Some("Harbour Press writer"));
            assert_eq!(super::contributor_role(ctx, tok(ctx, "Oslo")), None);
        });
    }
}

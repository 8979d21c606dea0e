//! Cue: a byline, a name alone on its line ("By Jane Roe", "Jane Roe"); bylines in capitals
//! ("By JANE ROE", "JANE ROE AND JOHN DOE"), which name people on their own; and the short role
//! written under a byline ("Staff writer").

use super::Around;
use crate::people::lexicon::class::*;
use crate::people::recognize::{Ctx, LOWER_USED, Piece, is_space_gap};

/// A name of two or three words alone on its line (after "By", if any), of words the text
/// never uses in lower case.
pub fn byline(ctx: &Ctx, p: &Piece, at: &Around, line_starts: &[usize]) -> bool {
    let toks = ctx.toks;
    let (s, last) = (at.s, at.last);
    let line_alone = {
        let li = line_starts.partition_point(|&x| x <= toks[s].start) - 1;
        let ls = line_starts[li];
        let le = line_starts.get(li + 1).map_or(ctx.text.len(), |&x| x - 1).max(toks[last].raw_end);
        let head = ctx.text[ls..toks[s].start].trim();
        let tail = ctx.text[toks[last].raw_end..le].trim();
        (head.is_empty() || head == "By" || head == "by") && tail.is_empty()
    };
    line_alone && (2..=3).contains(&p.words) && p.toks.clone().all(|k| !ctx.has(k, LOWER_USED))
}

/// "By JANE ROE": a byline in capitals, a known given name then one or two words; also a
/// line of such names alone ("JANE ROE AND JOHN DOE", "JANE ROE, JOHN DOE AND ANN LEE").
pub fn capital_bylines(ctx: &Ctx, line_starts: &[usize], pieces: &mut Vec<Piece>) {
    for &ls in line_starts {
        for r in capital_names(ctx, ls) {
            pieces.push(Piece::strong_name(r.clone()));
        }
    }
}

/// The names of a byline in capitals on the line starting at byte `ls`.
fn capital_names(ctx: &Ctx, ls: usize) -> Vec<std::ops::Range<usize>> {
    let toks = ctx.toks;
    let n = toks.len();
    let k = toks.partition_point(|t| t.start < ls);
    if k + 1 >= n || !ctx.text[ls..toks[k].start].trim().is_empty() {
        return Vec::new();
    }
    let by = matches!(ctx.word(k), "By" | "BY" | "by");
    let capital = |q: usize| {
        q < n && toks[q].acronym && !toks[q].possessive && ctx.word(q).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    let mut s = if by { k + 1 } else { k };
    let mut names: Vec<std::ops::Range<usize>> = Vec::new();
    for _ in 0..3 {
        let mut e = s;
        while e < n && e < s + 3 && capital(e) && ctx.word(e) != "AND" && (e == s || is_space_gap(ctx.gap_before(e))) {
            e += 1;
        }
        // ("By JANE ROE" then "Staff Reporter": an unknown given name, under a role line.)
        let role_under = by && names.is_empty() && e - s >= 2 && byline_role_line(ctx, s, e - 1).is_some();
        if !(e - s >= 2 && (ctx.has(s, FIRST) || role_under) && !(s..e).any(|q| ctx.has(q, TITLE | HONORIFIC | NONPERSON | NONPERSON_HEAD)))
        {
            break;
        }
        names.push(s..e);
        if e + 1 < n && matches!(ctx.word(e), "and" | "AND") && is_space_gap(ctx.gap_before(e)) && is_space_gap(ctx.gap_after(e)) {
            s = e + 1;
        } else if e < n && ctx.gap_before(e).trim() == "," && !ctx.gap_before(e).contains('\n') {
            s = e;
        } else {
            break;
        }
    }
    // (Without "By", the names are the whole line.)
    let whole_line = names.last().is_some_and(|r| {
        let rest = &ctx.text[toks[r.end - 1].raw_end..];
        rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') || rest.trim().is_empty()
    });
    if !by && !whole_line {
        return Vec::new();
    }
    names
}

/// A short role written under a byline ("Staff writer", "Political correspondent"): the token
/// range of the line after the line of the name ending at token `last`, if it is one.
pub fn byline_role_line(ctx: &Ctx, first: usize, last: usize) -> Option<std::ops::Range<usize>> {
    // Every scan here is bounded (a few bytes either side), so that a long line with many
    // names costs linear time.
    let text = ctx.text;
    let blank = |c: char| c == ' ' || c == '\t' || c == '\r';
    // The name starts its line, or follows "By" there.
    let before = text[..ctx.toks[first].start].trim_end_matches(blank);
    let before = before.strip_suffix("By").or_else(|| before.strip_suffix("by")).unwrap_or(before);
    let before = before.trim_end_matches(blank);
    if !(before.is_empty() || before.ends_with('\n')) {
        return None;
    }
    // Nothing else on its line, or a short role ("Jane Roe Political correspondent").
    let rest = text[ctx.toks[last].raw_end..].trim_start_matches(blank);
    if !rest.starts_with('\n') {
        let at = text.len() - rest.len();
        let window = &rest[..rest.floor_char_boundary(rest.len().min(64))];
        let line_end = at + window.find('\n')?;
        return short_role(ctx, at, line_end);
    }
    let mut line_start = text.len() - rest.len() + 1;
    // (One blank line may stand between the name and its role.)
    let next = text[line_start..].trim_start_matches(blank);
    if next.starts_with('\n') {
        line_start = text.len() - next.len() + 1;
    }
    let window = text.get(line_start..).map(|t| &t[..t.floor_char_boundary(t.len().min(128))]).unwrap_or("");
    let line_end = line_start + window.find('\n').unwrap_or(window.len());
    if line_end == line_start + window.len() && line_end < text.len() {
        return None;
    }
    short_role(ctx, line_start, line_end)
}

/// The tokens of `text[line_start..line_end]` when they are a short role of a byline, or the
/// role and organisation under a contributor's name ([`signature_role`]).
fn short_role(ctx: &Ctx, line_start: usize, line_end: usize) -> Option<std::ops::Range<usize>> {
    let line = ctx.text[line_start..line_end].trim();
    if line.is_empty() || line.len() > 48 || line.ends_with(['.', '?', '!', ':']) || line.chars().any(|c| c.is_ascii_digit()) {
        return signature_role(ctx, line_start, line_end);
    }
    let a = ctx.toks.partition_point(|t| t.start < line_start);
    let b = ctx.toks.partition_point(|t| t.start < line_end);
    if !(1..=4).contains(&(b - a)) || !ctx.toks[a].cap {
        return None;
    }
    // (Not a headline going on after the name: "Jane Roe Named Counselor to Governor".)
    if !(a..b).any(|k| ctx.has(k, ROLE_HEAD)) || (a..b).any(|k| crate::people::recognize::pieces::finite_verb(ctx, k)) {
        return None;
    }
    Some(a..b)
}

/// The line under a contributor's name in a signed section ("Chief economist, Harbour Asset
/// Management – Toronto", "Professor of history, Vessberg University"): a role of at most five
/// words with a role noun, a comma, and an organisation of capitalised words, up to a dash
/// that gives the place. The role is the line up to that dash.
fn signature_role(ctx: &Ctx, line_start: usize, line_end: usize) -> Option<std::ops::Range<usize>> {
    let line = &ctx.text[line_start..line_end];
    // The place after a spaced dash is not part of the role ("– Valhalla, N.Y.").
    let cut = [" – ", " — ", " - ", " | "].iter().filter_map(|d| line.find(d)).min().unwrap_or(line.len());
    if line.len() > 120 || line[..cut].trim_end().ends_with(['.', '?', '!', ':', ';']) {
        return None;
    }
    let end = line_start + cut;
    let a = ctx.toks.partition_point(|t| t.start < line_start);
    let b = ctx.toks.partition_point(|t| t.start < end);
    let comma = line[..cut].find(',').map(|c| line_start + c)?;
    let c = ctx.toks.partition_point(|t| t.start < comma);
    let (role_words, org_words) = (c - a, b - c);
    if !(1..=5).contains(&role_words) || !(1..=6).contains(&org_words) || !ctx.toks[a].cap {
        return None;
    }
    // The role: a few words with a role noun ("Chief global economist", "Professor of
    // economics") and no speech verb.
    let small = |k: usize| matches!(ctx.word(k), "of" | "for" | "the" | "and" | "at" | "in" | "on" | "&");
    let role_ok = (a..c).any(|k| ctx.has(k, ROLE_HEAD)) && (a..c).all(|k| !ctx.has(k, SPEECH_VERB));
    // The organisation: capitalised words and the small words of a name ("of", "and", "&").
    let org_ok = (c..b).all(|k| ctx.toks[k].cap || ctx.toks[k].acronym || small(k))
        && ctx.toks[c].start > comma
        && ctx.text[comma + 1..ctx.toks[c].start].trim().is_empty()
        && ctx.text[ctx.toks[b - 1].raw_end..end].trim().is_empty();
    (role_ok && org_ok).then_some(a..b)
}

/// Whether token `k` is on the line under a name alone on its line (with at most one blank line
/// between): a contributor's role line in a signed section, not a title before a name.
pub(crate) fn under_name_line(ctx: &Ctx, k: usize) -> bool {
    let text = ctx.text;
    let ls = text[..ctx.toks[k].start].rfind('\n').map_or(0, |i| i + 1);
    if ls == 0 {
        return false;
    }
    let above = text[..ls - 1].trim_end_matches([' ', '\t', '\r']);
    let above = above.strip_suffix('\n').map_or(above, |a| a.trim_end_matches([' ', '\t', '\r']));
    let above_start = above.rfind('\n').map_or(0, |i| i + 1);
    if above.len().saturating_sub(above_start) > 48 {
        return false;
    }
    let a = ctx.toks.partition_point(|t| t.start < above_start);
    let b = ctx.toks.partition_point(|t| t.start < above.len());
    (2..=4).contains(&(b - a))
        && (a..b).all(|q| (ctx.toks[q].cap || ctx.toks[q].initial) && !ctx.has(q, TITLE | HONORIFIC | NONPERSON | NONPERSON_HEAD))
        && ctx.text[ctx.toks[b - 1].raw_end..above.len()].trim().is_empty()
        && ctx.has(a, FIRST)
}

#[cfg(test)]
mod tests {
    use crate::people::recognize::testing::{mentions, tok, with_ctx};

    #[test]
    fn a_name_alone_on_its_line() {
        assert_eq!(mentions("By Qorvath Thrane\n\nThe harbour reopened on Monday."), ["Qorvath Thrane"]);
    }

    #[test]
    fn a_byline_in_capitals() {
        assert_eq!(mentions("By MARIA THRANE AND JOHN VESSBERG\nThe harbour reopened."), ["MARIA THRANE", "JOHN VESSBERG"]);
    }

    #[test]
    fn a_role_under_the_byline() {
        let t = "By Qorvath Thrane\nStaff writer\n\nThe harbour reopened.";
        with_ctx(t, |ctx| {
            let r = super::byline_role_line(ctx, tok(ctx, "Qorvath"), tok(ctx, "Thrane")).expect("a role line");
            assert_eq!(&t[ctx.toks[r.start].start..ctx.toks[r.end - 1].end], "Staff writer");
        });
        // A title-case headline going on after the name is not a role.
        let t = "Qorvath Thrane Named Counselor to Governor\n\nQorvath Thrane starts on Monday.";
        with_ctx(t, |ctx| assert!(super::byline_role_line(ctx, tok(ctx, "Qorvath"), tok(ctx, "Thrane")).is_none()));
    }

    #[test]
    fn a_signed_section_role_line() {
        let t = "Maria Thrane\n\nChief global economist, Harbour Asset Management – Valhalla, N.Y.\n\nThe dollar will rise by 10 per cent.";
        assert_eq!(mentions(t), ["Maria Thrane"]);
        with_ctx(t, |ctx| {
            let r = super::byline_role_line(ctx, tok(ctx, "Maria"), tok(ctx, "Thrane")).expect("a role line");
            assert_eq!(&t[ctx.toks[r.start].start..ctx.toks[r.end - 1].end], "Chief global economist, Harbour Asset Management");
        });
        // A headline under a name is not its role.
        let t = "Maria Thrane\n\nMinister resigns over the Harbour Trust row, Vessberg Council says\n\nShe left.";
        with_ctx(t, |ctx| assert!(super::byline_role_line(ctx, tok(ctx, "Maria"), tok(ctx, "Thrane")).is_none()));
    }
}

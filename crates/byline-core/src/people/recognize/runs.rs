//! Stage 1: runs of capitalised words (and initials), joined across name particles ("von der
//! Leyen"), initials written together ("T.J. Okoro"), a dotted title ("Dr. Jane Roe") and a
//! nickname in quotes ("Joko “Jokowi” Widodo"); a possessive ends a run.

use super::names::glued_particle;
use super::{Ctx, is_space_gap};
use crate::people::lexicon::class::*;

/// The runs of capitalised words of the text, in order, as token ranges.
pub(super) fn capitalised_runs(ctx: &Ctx) -> Vec<std::ops::Range<usize>> {
    let toks = ctx.toks;
    let n = toks.len();
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if !(toks[i].cap || toks[i].initial) {
            i += 1;
            continue;
        }
        let j = run_end(ctx, i);
        runs.push(i..j);
        i = j;
    }
    runs
}

/// The end (exclusive) of the run of capitalised words starting at token `start`.
fn run_end(ctx: &Ctx, start: usize) -> usize {
    let toks = ctx.toks;
    let n = toks.len();
    let mut j = start + 1;
    while j < n {
        let prev = &toks[j - 1];
        if prev.possessive {
            break;
        }
        let gap = ctx.gap_after(j - 1);
        let dotted = (gap == ". " || gap == ".  ") && ctx.has(j - 1, HONORIFIC | TITLE_ABBR);
        // "Anna K.L. Moreau", "T.J. Okoro": initials written together.
        let joined_initials = gap.is_empty() && prev.initial && ctx.text[..prev.end].ends_with('.');
        if let Some(after) = quoted_nickname(ctx, j, gap) {
            j = after;
            continue;
        }
        if !(is_space_gap(gap) || dotted || joined_initials) {
            break;
        }
        let t = &toks[j];
        if t.cap || t.initial {
            j += 1;
            continue;
        }
        if let Some(after) = particles_joining(ctx, j) {
            j = after;
            continue;
        }
        break;
    }
    j
}

/// "Joko “Jokowi” Widodo": a nickname in quotes inside a name, after a given name (the quote
/// opening in `gap`, before token `j`): the token after the surname that follows it.
fn quoted_nickname(ctx: &Ctx, j: usize, gap: &str) -> Option<usize> {
    let toks = ctx.toks;
    let n = toks.len();
    if !(matches!(gap, " “" | " \"") && j + 1 < n && ctx.has(j - 1, FIRST) && toks[j].cap) {
        return None;
    }
    let mut q = j;
    while q < n && q < j + 3 && toks[q].cap && is_space_gap(ctx.gap_after(q)) {
        q += 1;
    }
    (q < n
        && toks[q].cap
        && matches!(ctx.gap_after(q), "” " | "\" ")
        && q + 1 < n
        && toks[q + 1].cap
        && !ctx.has(q + 1, NONPERSON_HEAD | TITLE))
    .then_some(q + 2)
}

/// Lower-case particles at token `j` inside a run: where the run goes on after them. A
/// particle joins only between capitalised words; one glued to a capitalised name ("Abdel
/// Fattah al-Burhan") ends the run.
fn particles_joining(ctx: &Ctx, j: usize) -> Option<usize> {
    let toks = ctx.toks;
    let n = toks.len();
    let mut q = j;
    while q < n && ctx.is_particle(q) && q < j + 3 && is_space_gap(ctx.gap_after(q)) {
        q += 1;
    }
    if q > j && q < n && toks[q].cap {
        return Some(q + 1);
    }
    (ctx.is_particle(j) && glued_particle(ctx.word(j))).then_some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::super::testing::with_ctx;
    use super::*;

    fn runs(text: &str) -> Vec<String> {
        with_ctx(text, |ctx| {
            capitalised_runs(ctx).into_iter().map(|r| ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].end].to_string()).collect()
        })
    }

    #[test]
    fn particles_join_only_between_capitalised_words() {
        assert_eq!(runs("the talks with Ursel von der Brandt ended"), ["Ursel von der Brandt"]);
        assert_eq!(runs("Greta went to the van"), ["Greta"]);
    }

    #[test]
    fn a_glued_particle_ends_the_run() {
        assert_eq!(runs("talks with Abdel Karim al-Mansur today"), ["Abdel Karim al-Mansur"]);
    }

    #[test]
    fn initials_written_together_stay_in_the_run() {
        assert_eq!(runs("a word from T.J. Okafor on it"), ["T.J. Okafor"]);
    }

    #[test]
    fn a_quoted_nickname_stays_inside_the_name() {
        assert_eq!(runs("a visit by Joko “Jokowi” Widodo on Friday"), ["Joko “Jokowi” Widodo", "Friday"]);
    }

    #[test]
    fn a_possessive_ends_the_run() {
        assert_eq!(runs("Harbour Trust's Jane Roe"), ["Harbour Trust", "Jane Roe"]);
    }
}

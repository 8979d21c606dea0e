//! The pieces of a name: particles glued to a name ("al-Burhan"), names glued together
//! ("JaneDoe"), suffixes ("Jr."), runs of initials, and the split of a name into given name
//! and surname.

use super::cues::korean::korean_given;
use super::{Ctx, PARTICLE_CI};

/// A lower-case particle glued by a hyphen to a capitalised name ("al-Burhan", "el-Sisi").
pub(super) fn glued_particle(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        a.chars().all(|c| c.is_lowercase()) && b.chars().next().is_some_and(|c| c.is_uppercase()) && b.chars().count() >= 2
    })
}

/// A name glued to a surname by a missing space ("JaneDoe"): the two halves.
///
/// (One pass over the characters, no allocation: it is asked of every one-word piece.)
pub fn glued_split(w: &str) -> Option<(&str, &str)> {
    let mut chars = w.char_indices();
    if !chars.next()?.1.is_uppercase() {
        return None;
    }
    // The second capital: its byte offset and how many characters come before it.
    let mut second: Option<(usize, usize)> = None;
    let mut count = 1;
    for (i, c) in chars {
        if c.is_uppercase() {
            if second.is_some() {
                return None;
            }
            second = Some((i, count));
        } else if !c.is_lowercase() {
            return None;
        }
        count += 1;
    }
    let (at, before) = second?;
    if count < 6 {
        return None;
    }
    let (a, b) = w.split_at(at);
    // "McGrath", "MacGill", "DeLuca", "LaGuardia", "O'Brien": prefixes, not glued names.
    if before < 3 || count - before < 3 {
        return None;
    }
    if matches!(a, "Mac" | "Fitz" | "Van" | "Von" | "Del" | "Della" | "Des" | "Ter" | "Den") {
        return None;
    }
    Some((a, b))
}

/// The given name (if any) and the surname of a name token range, as slices of the text.
///
/// (Asked of every piece and every mention: it walks the range without collecting it and
/// allocates nothing; callers that keep a name copy it.)
pub fn split_name<'a>(ctx: &Ctx<'a>, r: std::ops::Range<usize>) -> (Option<&'a str>, &'a str) {
    let mut r = r;
    // ("Samuel Hart Jr.": the suffix is not the surname.)
    while r.end > r.start + 1 && is_suffix(ctx.word(r.end - 1)) {
        r.end -= 1;
    }
    // The words are the tokens that are not initials.
    let is_word = |k: &usize| !ctx.toks[*k].initial;
    let Some(first) = r.clone().find(is_word) else {
        return (None, ctx.word(r.start));
    };
    let Some(second) = (first + 1..r.end).find(is_word) else {
        let w = ctx.word(first);
        if let Some((g, s)) = glued_split(w) {
            return (Some(g), s);
        }
        // "K. Srinivasan": leading initials stand for the given name.
        if first > r.start && ctx.toks[r.start].initial {
            let g = &ctx.text[ctx.toks[r.start].start..ctx.toks[first - 1].end];
            return (Some(g), w);
        }
        return (None, w);
    };
    let last = (second..r.end).rev().find(is_word).unwrap_or(second);
    // Surname: from the first particle after the first word, else the last word.
    // "Cho Tae-yul": family name first.
    if second == last && korean_given(ctx, second) {
        return (Some(ctx.word(second)), ctx.word(first));
    }
    let sstart = (second..r.end).filter(is_word).find(|&k| ctx.is_particle(k)).unwrap_or(last);
    // A capitalised particle at the start ("Von der Leyen") makes the whole piece a surname.
    // So does a lower-case particle after an honorific ("Mr ap Gwynn").
    if ctx.has(first, PARTICLE_CI) || (ctx.is_particle(first) && ctx.word(first).chars().next().is_some_and(|c| c.is_lowercase())) {
        return (None, &ctx.text[ctx.toks[first].start..ctx.toks[r.end - 1].end]);
    }
    (Some(ctx.word(first)), &ctx.text[ctx.toks[sstart].start..ctx.toks[r.end - 1].end])
}

/// The letters of a run of initials ("US" for "U.S.").
pub(super) fn initials_word(ctx: &Ctx, r: std::ops::Range<usize>) -> String {
    r.map(|k| ctx.word(k).trim_end_matches('.')).collect()
}

/// Name suffixes that follow a surname ("Jr.", "III"): not the surname.
pub fn is_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV")
}

#[cfg(test)]
mod tests {
    use super::super::testing::with_ctx;
    use super::*;

    fn split(text: &str) -> (Option<String>, String) {
        with_ctx(text, |ctx| {
            let (g, s) = split_name(ctx, 0..ctx.toks.len());
            (g.map(str::to_string), s.to_string())
        })
    }

    #[test]
    fn glued_particles_and_glued_names() {
        assert!(glued_particle("al-Mansur"));
        assert!(!glued_particle("Al-Mansur") && !glued_particle("al-M"));
        assert_eq!(glued_split("JaneDoe"), Some(("Jane", "Doe")));
        assert_eq!(glued_split("IngridHolm"), Some(("Ingrid", "Holm")));
        assert_eq!(glued_split("MacGregor"), None);
    }

    #[test]
    fn the_surname_starts_at_a_particle() {
        assert_eq!(split("Ursel von der Brandt"), (Some("Ursel".into()), "von der Brandt".into()));
        assert_eq!(split("Von der Brandt"), (None, "Von der Brandt".into()));
    }

    #[test]
    fn a_suffix_is_not_the_surname() {
        assert!(is_suffix("Jr") && !is_suffix("Jnr"));
        assert_eq!(split("Samuel Hartley Jr"), (Some("Samuel".into()), "Hartley".into()));
    }

    #[test]
    fn leading_initials_stand_for_the_given_name() {
        assert_eq!(split("K. Srinivasan"), (Some("K.".into()), "Srinivasan".into()));
        with_ctx("U.S. Steel", |ctx| assert_eq!(initials_word(ctx, 0..2), "US"));
    }

    #[test]
    fn a_korean_name_has_its_family_name_first() {
        assert_eq!(split("Kang Min-seo"), (Some("Min-seo".into()), "Kang".into()));
    }
}

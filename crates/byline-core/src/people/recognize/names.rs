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
pub fn glued_split(w: &str) -> Option<(&str, &str)> {
    let mut idx = None;
    let cs: Vec<(usize, char)> = w.char_indices().collect();
    if cs.len() < 6 || !cs[0].1.is_uppercase() {
        return None;
    }
    for (k, &(_, c)) in cs.iter().enumerate().skip(1) {
        if c.is_uppercase() {
            if idx.is_some() {
                return None;
            }
            idx = Some(k);
        } else if !c.is_lowercase() {
            return None;
        }
    }
    let k = idx?;
    let (a, b) = w.split_at(cs[k].0);
    // "McGrath", "MacGill", "DeLuca", "LaGuardia", "O'Brien": prefixes, not glued names.
    if a.chars().count() < 3 || b.chars().count() < 3 {
        return None;
    }
    if matches!(a, "Mac" | "Fitz" | "Van" | "Von" | "Del" | "Della" | "Des" | "Ter" | "Den") {
        return None;
    }
    Some((a, b))
}

/// The given name (if any) and the surname of a name token range.
pub fn split_name(ctx: &Ctx, r: std::ops::Range<usize>) -> (Option<String>, String) {
    let mut r = r;
    // ("Samuel Hart Jr.": the suffix is not the surname.)
    while r.end > r.start + 1 && is_suffix(ctx.word(r.end - 1)) {
        r.end -= 1;
    }
    let words: Vec<usize> = r.clone().filter(|&k| !ctx.toks[k].initial).collect();
    if words.is_empty() {
        return (None, ctx.word(r.start).to_string());
    }
    if words.len() == 1 {
        let w = ctx.word(words[0]);
        if let Some((g, s)) = glued_split(w) {
            return (Some(g.to_string()), s.to_string());
        }
        // "K. Srinivasan": leading initials stand for the given name.
        if words[0] > r.start && ctx.toks[r.start].initial {
            let g = &ctx.text[ctx.toks[r.start].start..ctx.toks[words[0] - 1].end];
            return (Some(g.to_string()), w.to_string());
        }
        return (None, w.to_string());
    }
    // Surname: from the first particle after the first word, else the last word.
    let first = words[0];
    // "Cho Tae-yul": family name first.
    if words.len() == 2 && korean_given(ctx, words[1]) {
        return (Some(ctx.word(words[1]).to_string()), ctx.word(words[0]).to_string());
    }
    let mut sstart = *words.last().unwrap();
    for &k in &words[1..] {
        if ctx.is_particle(k) {
            sstart = k;
            break;
        }
    }
    // A capitalised particle at the start ("Von der Leyen") makes the whole piece a surname.
    // So does a lower-case particle after an honorific ("Mr ap Gwynn").
    if ctx.has(first, PARTICLE_CI) || (ctx.is_particle(first) && ctx.word(first).chars().next().is_some_and(|c| c.is_lowercase())) {
        let s = &ctx.text[ctx.toks[first].start..ctx.toks[r.end - 1].end];
        return (None, s.to_string());
    }
    let s = &ctx.text[ctx.toks[sstart].start..ctx.toks[r.end - 1].end];
    (Some(ctx.word(first).to_string()), s.to_string())
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
        with_ctx(text, |ctx| split_name(ctx, 0..ctx.toks.len()))
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

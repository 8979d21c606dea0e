//! Stage 4: propagation. The surnames (and given names) of the people found with a strong cue
//! make weak pieces mentions too: a bare surname ("Roe" after "Jane Roe"), the tail of a longer
//! name ("Ortega Salazar"), an alias, a hyphenated pair ("the Scholz-Putin call").

use super::cues::alias;
use super::cues::korean::korean_given;
use super::names::{glued_particle, split_name};
use super::surname_shapes::Shapes;
use super::{Ctx, Found, LOWER_USED, Piece, is_space_gap};
use crate::people::lexicon::class::*;
use crate::people::lexicon::{FxHashMap, FxHashSet, with_lower};

/// What the people found with a strong cue are called: what the mentions of any one piece or
/// word are decided with, besides the text around it.
pub(crate) struct Known<'a> {
    /// Lower case.
    pub(crate) surnames: FxHashSet<String>,
    /// Lower case, with how many strong names carry each.
    pub(crate) givens: FxHashMap<String, usize>,
    /// The last words of longer full names, lower case ("ortega salazar").
    pub(crate) long_tails: FxHashSet<String>,
    /// The first letters and lengths of `surnames`.
    shapes: Shapes,
    /// The lone words kept tentative ("Okafor said"), as written.
    pub(crate) tentative_words: FxHashSet<&'a str>,
    /// The pieces that are aliases of the piece before them (indices).
    pub(crate) alias_of: FxHashSet<usize>,
}

/// The mentions of the pieces, in text order.
pub(super) fn resolve(ctx: &Ctx, pieces: &mut [Piece]) -> Vec<Found> {
    let known = known(ctx, pieces);
    mentions_of(ctx, pieces.iter().enumerate(), 0..ctx.toks.len(), &known)
}

/// The names of the people found, over all the pieces, which it makes strong where the names
/// say so (a lone surname's two-word name, a tentative name joined to a person's).
pub(super) fn known<'a>(ctx: &Ctx<'a>, pieces: &mut [Piece]) -> Known<'a> {
    let (mut surnames, givens) = strong_names(ctx, pieces);
    promote_lone(ctx, pieces, &mut surnames);
    confirm_tentative(ctx, pieces, &mut surnames);
    let long_tails = long_tails(ctx, pieces);
    let alias_of = alias::aliases(ctx, pieces, &mut surnames);
    let shapes = Shapes::of(&surnames);
    let tentative_words = pieces.iter().filter(|p| p.tentative && !p.rejected).map(|p| ctx.word(p.toks.start)).collect();
    Known { surnames, givens, long_tails, shapes, tentative_words, alias_of }
}

/// The mentions of `pieces` (with their indices) and of the words of tokens `toks` (a known
/// surname in a hyphenated word, or that is also an ordinary word), in text order, where the
/// pieces are those of the tokens. Each is decided from [`Known`] and the text around it.
pub(super) fn mentions_of<'p>(
    ctx: &Ctx,
    pieces: impl Iterator<Item = (usize, &'p Piece)>,
    toks: std::ops::Range<usize>,
    known: &Known,
) -> Vec<Found> {
    let mut out = mentions(ctx, pieces, known);
    hyphen_parts(ctx, toks.clone(), known, &mut out);
    super::word_surnames::lone_word_surnames(ctx, toks, &known.surnames, &known.shapes, &mut out);
    out.sort_by_key(|f| f.part.map_or(ctx.toks[f.toks.start].start, |p| p.0));
    out
}

/// A plain mention of tokens `toks`.
fn found(toks: std::ops::Range<usize>) -> Found {
    Found { toks, given_only: false, part: None, tentative: false, alias: false }
}

/// The surnames and given names of the strong pieces.
fn strong_names(ctx: &Ctx, pieces: &[Piece]) -> (FxHashSet<String>, FxHashMap<String, usize>) {
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    let mut givens: FxHashMap<String, usize> = FxHashMap::default();
    // (Each full name as a hash of its lower-case given name and surname: no string made.)
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let key = |g: &str, s: &str| {
        use std::hash::Hasher;
        let mut h = crate::people::lexicon::FxHasher::default();
        g.chars().flat_map(char::to_lowercase).for_each(|c| h.write_u32(c as u32));
        h.write_u8(0xff);
        s.chars().flat_map(char::to_lowercase).for_each(|c| h.write_u32(c as u32));
        h.finish()
    };
    // Lone words that may be a given name named alone ("his wife Fran"): surnames only if no
    // full name carries them as its given name.
    let mut lone: Vec<&str> = Vec::new();
    for p in pieces.iter().filter(|p| p.strong) {
        let (g, s) = split_name(ctx, p.toks.clone());
        if g.is_none() && p.toks.len() == 1 && ctx.has(p.toks.start, FIRST) {
            lone.push(s);
            continue;
        }
        // "Burhan" after "Abdel Fattah al-Burhan".
        if glued_particle(s)
            && let Some((_, bare)) = s.split_once('-')
        {
            insert_lower(&mut surnames, bare);
        }
        insert_lower(&mut surnames, s);
        // Each given name counts the people who bear it, not how often they are named in full.
        if let Some(g) = g
            && seen.insert(key(g, s))
        {
            with_lower(g, |l| match givens.get_mut(l) {
                Some(n) => *n += 1,
                None => {
                    givens.insert(l.to_string(), 1);
                }
            });
        }
    }
    for s in lone {
        if !with_lower(s, |l| givens.contains_key(l)) {
            insert_lower(&mut surnames, s);
        }
    }
    (surnames, givens)
}

/// Add the lower-case form of `w` to `set`, copied only when it is new (a person named in
/// full several times gives the same names each time).
fn insert_lower(set: &mut FxHashSet<String>, w: &str) {
    with_lower(w, |l| {
        if !set.contains(l) {
            set.insert(l.to_string());
        }
    });
}

/// A two- or three-word candidate whose last word also stands alone elsewhere in the text
/// ("Jane Roe ... Roe") names a person, when that word is not an ordinary one.
fn promote_lone(ctx: &Ctx, pieces: &mut [Piece], surnames: &mut FxHashSet<String>) {
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    let lone: FxHashSet<&str> = pieces
        .iter()
        .filter(|p| !p.rejected && p.words == 1 && p.toks.len() == 1)
        .map(|p| p.toks.start)
        .filter(|&k| !lower_used(k) && !ctx.has(k, FIRST))
        .map(|k| ctx.word(k))
        .collect();
    for p in pieces.iter_mut().filter(|p| p.weak && !p.rejected && (2..=3).contains(&p.words)) {
        // (The family name comes first in "Kang Min-seo".)
        let w = if p.toks.len() == 2 && korean_given(ctx, p.toks.end - 1) { ctx.word(p.toks.start) } else { ctx.word(p.toks.end - 1) };
        if lone.contains(w) && p.toks.clone().all(|k| !lower_used(k)) {
            p.weak = false;
            p.strong = true;
            surnames.insert(w.to_lowercase());
        }
    }
}

/// A lone word kept tentative ("Okafor said") is a person's name where the text treats it as one:
/// joined by "and" to a person's name ("Van Hollen and Okafor said"), or before "and his"/"and
/// her" ("Okafor and his wife"). Its other mentions follow it as a surname.
fn confirm_tentative(ctx: &Ctx, pieces: &mut [Piece], surnames: &mut FxHashSet<String>) {
    let tentative: FxHashSet<&str> = pieces.iter().filter(|p| p.tentative && !p.rejected).map(|p| ctx.word(p.toks.start)).collect();
    if tentative.is_empty() {
        return;
    }
    // (Bylines' and contributors' names come after the runs' pieces: only pieces in text order.)
    let gap = |a: &Piece, b: &Piece| {
        let (s, e) = (ctx.toks[a.toks.end - 1].raw_end, ctx.toks[b.toks.start].start);
        if s <= e { &ctx.text[s..e] } else { "" }
    };
    let person = |q: &Piece| {
        !q.rejected && !q.tentative && (q.strong || (q.weak && with_lower(split_name(ctx, q.toks.clone()).1, |l| surnames.contains(l))))
    };
    let mut confirmed: Vec<&str> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if p.rejected || p.words != 1 || p.toks.len() != 1 || !tentative.contains(ctx.word(p.toks.start)) {
            continue;
        }
        let e = p.toks.end;
        let kin = e + 1 < ctx.toks.len()
            && ctx.word(e) == "and"
            && matches!(ctx.word(e + 1), "his" | "her")
            && is_space_gap(ctx.gap_before(e))
            && is_space_gap(ctx.gap_before(e + 1));
        let joined = (i > 0 && gap(&pieces[i - 1], p) == " and " && person(&pieces[i - 1]))
            || (i + 1 < pieces.len() && gap(p, &pieces[i + 1]) == " and " && person(&pieces[i + 1]));
        if kin || joined {
            confirmed.push(ctx.word(p.toks.start));
        }
    }
    if confirmed.is_empty() {
        return;
    }
    for w in &confirmed {
        insert_lower(surnames, w);
    }
    for p in pieces.iter_mut().filter(|p| p.tentative && confirmed.contains(&ctx.word(p.toks.start))) {
        p.tentative = false;
        p.weak = false;
        p.strong = true;
    }
}

/// "Ortega Salazar" after "Luis Ortega Salazar": the last words of a longer full name.
fn long_tails(ctx: &Ctx, pieces: &[Piece]) -> FxHashSet<String> {
    let mut long_tails: FxHashSet<String> = FxHashSet::default();
    for p in pieces.iter().filter(|p| p.strong && p.words >= 3) {
        let ws: Vec<String> = p.toks.clone().filter(|&k| !ctx.toks[k].initial).map(|k| ctx.word(k).to_lowercase()).collect();
        for k in 1..ws.len().saturating_sub(1) {
            long_tails.insert(ws[k..].join(" "));
        }
    }
    long_tails
}

/// The mentions of the pieces: aliases, strong pieces, and weak ones that name someone known.
fn mentions<'p>(ctx: &Ctx, pieces: impl Iterator<Item = (usize, &'p Piece)>, known: &Known) -> Vec<Found> {
    let toks = ctx.toks;
    let debug = std::env::var_os("BYLINE_PEOPLE_DEBUG").is_some();
    let mut out = Vec::new();
    for (pi, p) in pieces {
        if known.alias_of.contains(&pi) {
            out.push(Found { alias: true, ..found(p.toks.clone()) });
            continue;
        }
        if debug && p.weak && !p.rejected {
            eprintln!("weak: {:?} words={}", &ctx.text[toks[p.toks.start].start..toks[p.toks.end - 1].end], p.words);
        }
        if p.rejected {
            continue;
        }
        if p.strong {
            // "his wife Fran" after "Fran Finney": a given name alone, after a noun for a
            // person, is the one full name that carries it.
            let k = p.toks.start;
            let after_noun = k > 0 && (ctx.word(k - 1).starts_with(|c: char| c.is_lowercase()) && !ctx.has(k - 1, HONORIFIC | TITLE_ABBR));
            let given = p.toks.len() == 1 && after_noun && with_lower(ctx.word(k), |l| known.givens.get(l) == Some(&1));
            out.push(Found { given_only: given, ..found(p.toks.clone()) });
            continue;
        }
        if p.weak {
            weak_mentions(ctx, p, known, &known.tentative_words, &mut out);
        }
    }
    out
}

/// The mentions of a weak piece `p`, if it names someone known.
fn weak_mentions(ctx: &Ctx, p: &Piece, known: &Known, tentative_words: &FxHashSet<&str>, out: &mut Vec<Found>) {
    let toks = ctx.toks;
    let (_, s) = split_name(ctx, p.toks.clone());
    let is_surname = |w: &str| known.shapes.may_be(w) && with_lower(w, |l| known.surnames.contains(l));
    let piece_words = || p.toks.clone().filter(|&k| !toks[k].initial).map(|k| ctx.word(k).to_lowercase()).collect::<Vec<_>>().join(" ");
    let long_tail = || p.words >= 2 && !known.long_tails.is_empty() && known.long_tails.contains(&piece_words());
    // "Chavez Rodriguez" after "Julie Chavez Rodriguez" and "Cesar Chavez": the tail of a full
    // name, not two surnames.
    let first_is_surname = p.words >= 2 && is_surname(ctx.word(p.toks.start)) && !long_tail();
    if is_surname(s) && !first_is_surname {
        if p.words == 1
            || ctx.has(p.toks.start, FIRST)
            || with_lower(ctx.word(p.toks.start), |l| known.givens.contains_key(l))
            || unlisted_given(ctx, p)
            || long_tail()
        {
            out.push(found(p.toks.clone()));
        } else {
            // "Canterbury Welby": only the surname words are the name.
            let sl = s.split_whitespace().count();
            let start = p.toks.end.saturating_sub(sl).max(p.toks.start);
            out.push(found(start..p.toks.end));
        }
    } else if p.words >= 2 {
        // "Putin Biden summit", "Putin Warns West": known surnames inside a run of
        // capitalised words (headlines) are mentions on their own.
        for k in p.toks.clone() {
            if is_surname(ctx.word(k)) {
                out.push(found(k..k + 1));
            }
        }
    } else if p.words == 1 && with_lower(ctx.word(p.toks.start), |l| known.givens.get(l) == Some(&1)) {
        // ("Geng said" after "Geng Shuang": the first word of one full name, a family name
        // written first or a given name, before a lone surname cued by a verb.)
        out.push(Found { given_only: true, ..found(p.toks.clone()) });
    } else if p.words == 1 && p.toks.len() == 1 && tentative_words.contains(ctx.word(p.toks.start)) {
        out.push(Found { tentative: true, ..found(p.toks.clone()) });
    }
}

/// "Maisie Tallent" beside a known "Ruth Tallent": a two-word piece whose first word is no
/// place, title, organisation, adverb, adjective or ordinary word is a given name the lists
/// lack, not a modifier of the surname ("Canterbury Welby").
fn unlisted_given(ctx: &Ctx, p: &Piece) -> bool {
    let k = p.toks.start;
    p.words == 2
        && p.toks.len() == 2
        && ctx.toks[k].cap
        && !ctx.toks[k].possessive
        && !ctx.has(k, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC | PERSON_NOUN | ADVERB | LOWER_USED)
        && !with_lower(ctx.word(k), |l| crate::lexicon::Lexicon::bundled().adjectives.contains(l))
}

/// Known surnames joined by a hyphen in tokens `toks`: "the Scholz-Putin call".
fn hyphen_parts(ctx: &Ctx, toks: std::ops::Range<usize>, known: &Known, out: &mut Vec<Found>) {
    for (k, t) in ctx.toks[toks.clone()].iter().enumerate().map(|(i, t)| (toks.start + i, t)) {
        if !t.cap {
            continue;
        }
        let w = ctx.word(k);
        // (A byte search: this is asked of every capitalised word.)
        if memchr::memchr(b'-', w.as_bytes()).is_none() {
            continue;
        }
        let mut at = t.start;
        let parts: Vec<(usize, &str)> = w
            .split('-')
            .map(|p| {
                let r = (at, p);
                at += p.len() + 1;
                r
            })
            .collect();
        if parts.len() < 2 || !parts.iter().all(|(_, p)| p.chars().next().is_some_and(|c| c.is_uppercase())) {
            continue;
        }
        for (s, p) in parts {
            if known.shapes.may_be(p) && with_lower(p, |l| known.surnames.contains(l)) {
                out.push(Found { part: Some((s, s + p.len())), ..found(k..k + 1) });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::mentions;

    #[test]
    fn a_bare_surname_after_the_full_name() {
        assert_eq!(mentions("Maria Thrandeston said no. Later Thrandeston left."), ["Maria Thrandeston", "Thrandeston"]);
    }

    #[test]
    fn a_lone_word_makes_a_two_word_name() {
        assert_eq!(mentions("Qorvath Thrane came. Thrane left."), ["Qorvath Thrane", "Thrane"]);
    }

    #[test]
    fn a_lone_name_the_text_treats_as_a_person() {
        let t = "Senator Maria Thrane spoke first. Thrane and Vessberg said the bill would pass. Later Vessberg left.";
        assert_eq!(mentions(t), ["Maria Thrane", "Thrane", "Vessberg", "Vessberg"]);
        assert_eq!(mentions("Ilkandro and his wife waited. \"No news,\" Ilkandro said."), ["Ilkandro", "Ilkandro"]);
        // Alone, a word before a speech verb may name a company.
        assert_eq!(mentions("Vessberg said profits fell."), ["?Vessberg"]);
    }

    #[test]
    fn a_given_name_alone_after_a_full_name_given_twice() {
        let t = "Chloe Tallent was unwell. Chloe Tallent died at home. Later, Chloe was found by Ami Tallent.";
        assert_eq!(mentions(t), ["Chloe Tallent", "Chloe Tallent", "~Chloe", "Ami Tallent"]);
    }

    #[test]
    fn a_given_name_after_a_noun_for_a_person_is_the_full_names() {
        let t = "Fran Thorvald spoke at the hearing. His wife Fran says he was harassed. Fran said so.";
        assert_eq!(mentions(t), ["Fran Thorvald", "~Fran", "~Fran"]);
    }

    #[test]
    fn the_tail_of_a_full_name_that_holds_another_surname() {
        let t = "Dr Ilsa Marta Brandvold met spokesman Tom Marta. Later Marta Brandvold said so.";
        assert_eq!(mentions(t), ["Ilsa Marta Brandvold", "Tom Marta", "Marta Brandvold"]);
    }

    #[test]
    fn a_relative_with_an_unlisted_given_name() {
        let t = "Her mother, Ruth Tallent, said so. Maisie Tallent had been unwell, the inquest heard.";
        assert_eq!(mentions(t), ["Ruth Tallent", "Maisie Tallent"]);
    }

    #[test]
    fn surnames_joined_by_a_hyphen() {
        assert_eq!(
            mentions("Maria Thrane and John Vessberg met. The Thrane-Vessberg talks ended."),
            ["Maria Thrane", "John Vessberg", "Thrane", "Vessberg"]
        );
    }
}

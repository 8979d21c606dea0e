//! Role phrases before a name, shared by the cues and by role attachment: "Kremlin spokesman
//! Dmitry Peskov", "Dr Peter Hollingworth", "Westpac's David Lording", "US secretary of state,
//! Antony Blinken"; and the nouns that head them.

use super::{Ctx, PLAIN_HON, STOP, VERB_FORM, VERB_STOP, is_space_gap, sentence_start};
use crate::people::lexicon::class::*;
use crate::people::lexicon::with_lower;

/// The role words before a name starting at token `s`: "Kremlin spokesman" in "Kremlin
/// spokesman Dmitry Peskov", "Dr" in "Dr Peter Hollingworth".
pub fn role_before(ctx: &Ctx, s: usize) -> Option<(usize, usize)> {
    if s == 0 {
        return None;
    }
    let g = ctx.gap_before(s);
    let mut j = s - 1;
    let mut comma = false;
    if g.trim() == "," {
        // "US secretary of state, Antony Blinken", "The Attorney-General, Jane Roe, said",
        // "The head of the Reserve Bank, Jane Roe, said".
        j = comma_role_head(ctx, j)?;
        comma = true;
    } else if !(is_space_gap(g) || (g == ". " && dotted_title(ctx, j))) {
        // (A full stop only after a short title, "Dr. Jane Roe": "… a harbour pilot.
        // Savings would …" is a new sentence, not a role.)
        return None;
    }
    if ctx.toks[j].possessive && !comma {
        return possessor_role(ctx, j);
    }
    // "35-year-old Jane Roe": an age written before the name describes the person.
    if !comma && age_word(ctx.word(j)) {
        return Some((j, j));
    }
    // (An honorific is capitalised: "Sister Mary", not "his sister, Mary".)
    if ctx.has(j, HONORIFIC) && !ctx.has(j, ROLE_HEAD) && !lower_role_noun(ctx, j) {
        return honorific_role(ctx, j);
    }
    // "fellow Canadian Jane Roe": a nationality after a role noun qualifies it.
    let national =
        !comma && ctx.toks[j].cap && ctx.has(j, NONPERSON) && j > 0 && is_space_gap(ctx.gap_before(j)) && lower_role_noun(ctx, j - 1);
    // A role noun in lower case ("rapper", "property developer"), or one that starts a
    // sentence ("Grazier Jane Roe").
    // A capitalised role noun ending a longer title ("Additional District Collector Jane Roe").
    let cap_noun = !comma
        && ctx.toks[j].cap
        && j > 0
        && is_space_gap(ctx.gap_before(j))
        && !sentence_start(ctx, j)
        && (ctx.toks[j - 1].cap || ctx.toks[j - 1].acronym)
        && !ctx.has(j - 1, STOP);
    // ("said Supervisor Jane Roe": a capitalised one after a lower-case word.)
    let noun = ctx.has(j, PERSON_NOUN)
        && !ctx.has(j, NONPERSON | NONPERSON_HEAD)
        && (lower_role_noun(ctx, j) || sentence_start(ctx, j) || cap_noun || (!comma && ctx.toks[j].cap && after_lower_word(ctx, j)));
    // "Attorney for Massachusetts Jane Roe", "Minister of Finance Jane Roe": a title, then
    // "for" or "of" and a capitalised place or office.
    // ("Chair of the Tarrow Ports Authority Jane Roe": the office's name may be several
    // capitalised words, after "the".)
    let placed = if !comma && !noun && ctx.toks[j].cap && !ctx.has(j, FIRST | HONORIFIC) { placed_title(ctx, j) } else { None };
    let of_title = !comma && of_title_end(ctx, j);
    if !(comma || ctx.has(j, TITLE) || noun || national || placed.is_some() || of_title) {
        return None;
    }
    // "Police accused Jane Roe of ...": a person noun that is a past form ("accused"), after a
    // word that is neither a determiner, a possessive nor a preposition, is the verb ("the
    // accused Jane Roe" keeps it).
    // ("The party has chosen Jane Roe": after "has", "have" or "had" the word is a participle.)
    if noun
        && !comma
        && j > 0
        && matches!(ctx.word(j - 1), "has" | "have" | "had" | "hasn't" | "hasn’t" | "haven't" | "haven’t" | "hadn't" | "hadn’t")
    {
        return None;
    }
    if noun
        && !comma
        && ctx.word(j).ends_with("ed")
        && j > 0
        && !sentence_start(ctx, j)
        && !ctx.toks[j - 1].possessive
        && !determiner_or_preposition(ctx.word(j - 1))
    {
        return None;
    }
    Some(walk_back(ctx, s, j, comma, placed))
}

/// An age as a word: "35-year-old", "9-year-old".
pub(crate) fn age_word(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&w[digits..], "-year-old" | "‑year‑old")
}

/// "Attorney for Massachusetts", "Minister of Finance", "Chair of the Tarrow Ports Authority":
/// token `j` ends a capitalised title, then "for" or "of" (and "the"), then up to five
/// capitalised words naming a place or an office. The index of "for" or "of".
fn placed_title(ctx: &Ctx, j: usize) -> Option<usize> {
    let capital = |k: usize| ctx.toks[k].cap || ctx.toks[k].acronym;
    let mut k = j;
    while k > 0 && j - k < 7 && capital(k) && !ctx.toks[k].possessive && is_space_gap(ctx.gap_before(k)) {
        let p = k - 1;
        let of = if ctx.word(p) == "the" && p > 0 && is_space_gap(ctx.gap_before(p)) { p - 1 } else { p };
        if matches!(ctx.word(of), "for" | "of" | "in" | "at") && of > 0 && is_space_gap(ctx.gap_before(of)) {
            // (A title in capitals: "Minister", or a role noun written as one, "Chief Financial
            // Officer". Up to three capitalised words after "of", five after "of the".)
            let title = ctx.toks[of - 1].cap && (ctx.has(of - 1, TITLE) || (ctx.has(of - 1, ROLE_HEAD) && !plural_head(ctx, of - 1)));
            if title && (j - k < 3 || of < p) && (of < p || matches!(ctx.word(of), "for" | "of")) {
                return Some(of);
            }
            // "Minister in the Ministry of Finance": an office's own "of" between capitalised
            // words; the title and its "in the" come before the office.
            if !title && of == p && ctx.word(of) == "of" && capital(of - 1) && !ctx.toks[of - 1].possessive {
                k = of - 1;
                continue;
            }
            return None;
        }
        if !capital(p) {
            return None;
        }
        k = p;
    }
    None
}

/// "chief of staff", "secretary of state", "head of research": token `j` ends a title whose role
/// noun comes before "of", in lower case like the word after it (not "the mayor of Springfield").
pub(super) fn of_title_end(ctx: &Ctx, j: usize) -> bool {
    let lower = |k: usize| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase());
    j >= 2
        && lower(j)
        && ctx.word(j - 1) == "of"
        && is_space_gap(ctx.gap_before(j))
        && is_space_gap(ctx.gap_before(j - 1))
        && ctx.has(j - 2, ROLE_HEAD)
        && !plural_head(ctx, j - 2)
        && lower(j - 2)
        && !ctx.has(j, STOP | VERB_STOP | SPEECH_VERB | VERB_FORM)
}

/// A short title or honorific whose full stop does not end the sentence before a name ("Dr.",
/// "Gen.", "then-Sen."): capitalised, unlike "… her uncle. Still, …".
pub(super) fn dotted_title(ctx: &Ctx, j: usize) -> bool {
    ctx.has(j, HONORIFIC | TITLE_ABBR) && ctx.word(j).rsplit(['-', '‑']).next().is_some_and(|p| p.starts_with(|c: char| c.is_uppercase()))
}

/// Whether token `k` follows, after a space inside a sentence, a lower-case word that ends a
/// noun phrase before it: a speech verb, a preposition, a determiner or another word that ends
/// a role ("said Supervisor …", "with Supervisor …"; not "trade group Consumer Harbour Alliance").
pub(super) fn after_lower_word(ctx: &Ctx, k: usize) -> bool {
    k > 0
        && is_space_gap(ctx.gap_before(k))
        && !sentence_start(ctx, k)
        && ctx.word(k - 1).chars().next().is_some_and(|c| c.is_lowercase())
        && (ctx.has(k - 1, STOP | SPEECH_VERB | VERB_STOP) || determiner_or_preposition(ctx.word(k - 1)))
}

/// "Westpac's David Lording", "Energy Australia's Peter Leete": the possessor (ending at token
/// `j`) is the role.
fn possessor_role(ctx: &Ctx, j: usize) -> Option<(usize, usize)> {
    if !(ctx.toks[j].cap || ctx.toks[j].acronym) || ctx.has(j, FIRST) {
        return None;
    }
    let mut first = j;
    while first > 0 && first + 4 > j {
        let k = first - 1;
        if !is_space_gap(ctx.gap_before(first)) || sentence_start(ctx, first) {
            break;
        }
        let t = &ctx.toks[k];
        if !(t.cap || t.acronym) || ctx.has(k, STOP) || t.possessive {
            break;
        }
        first = k;
    }
    Some((first, j))
}

/// An honorific at token `j` before the name: the role, or the title before it.
fn honorific_role(ctx: &Ctx, j: usize) -> Option<(usize, usize)> {
    // "lead author Dr. Jane Roe", "Qatar's Prime Minister Sheikh Ali": the title before
    // the honorific is the role.
    // ("Leader of Government Business Dr Jane Roe": a title placed in an office.)
    if j > 0
        && is_space_gap(ctx.gap_before(j))
        && !sentence_start(ctx, j)
        && (ctx.has(j - 1, TITLE) || ctx.toks[j - 1].cap && placed_title(ctx, j - 1).is_some())
        && !ctx.has(j - 1, HONORIFIC)
        && let Some(r) = role_before(ctx, j)
    {
        return Some(r);
    }
    if ctx.has(j, PLAIN_HON) {
        return None;
    }
    Some((j, j))
}

/// The start of a role whose head is token `j` (before a name at token `s`, after a comma when
/// `comma`): back over its qualifiers ("Kremlin spokesman"), up to a word that ends it.
fn walk_back(ctx: &Ctx, s: usize, j: usize, comma: bool, placed: Option<usize>) -> (usize, usize) {
    let mut j = j;
    let last = if comma { s - 1 } else { j };
    // ("Minister of Finance", "Chair of the Ports Authority": the title's "of" and "the".)
    let placed_at = placed.unwrap_or(usize::MAX);
    // (And an office's own "of" after it: "Minister in the Ministry of Finance".)
    let for_at = |k: usize| {
        k == placed_at
            || (placed.is_some() && k == placed_at + 1 && ctx.word(k) == "the")
            || (placed.is_some() && k > placed_at && k < last && ctx.word(k) == "of" && ctx.toks[k - 1].cap && ctx.toks[k + 1].cap)
    };
    let mut first = j;
    let mut count = 1;
    // Before a comma the role may be a longer phrase ("Christie's rival for the nomination for
    // governor, Jane Roe"): it crosses "the", "of", "for", ... and ends after a possessive.
    // ("President and CEO Jane Roe", "founder and chief executive Jane Roe": two titles joined
    // by "and" before the name are one role; the word before "and" is a role word written in
    // the same case as the one after it.)
    let coordinated = |k: usize, first: usize| {
        !comma
            && ctx.word(k) == "and"
            && k > 0
            && k + 1 == first
            && is_space_gap(ctx.gap_before(k))
            && (ctx.has(k - 1, TITLE | ROLE_HEAD) || singular_person_noun(ctx, k - 1))
            && !ctx.has(k - 1, NONPERSON | HONORIFIC)
            && !plural_head(ctx, k - 1)
            && !plural_head(ctx, k + 1)
            && !ctx.toks[k - 1].possessive
            && (ctx.toks[k - 1].cap || ctx.toks[k - 1].acronym) == (ctx.toks[k + 1].cap || ctx.toks[k + 1].acronym)
    };
    let phrase = |k: usize| (comma && matches!(ctx.word(k), "the" | "of" | "for" | "at" | "in" | "on")) || for_at(k);
    // ("Lt. Gov. Jane Roe": two short titles, the full stop between them no sentence's end.)
    let titles_dotted = |j: usize| j > 0 && !comma && ctx.gap_before(j) == ". " && ctx.has(j, TITLE_ABBR) && dotted_title(ctx, j - 1);
    let sentence_start = |j: usize| sentence_start(ctx, j) && !titles_dotted(j);
    // (After a possessive, only its owner's capitalised name: "American Theatre Wing's".)
    let mut owner = false;
    while j > 0 && count < if comma { 12 } else { 8 } {
        if comma && ctx.toks[j].possessive && j < last {
            owner = true;
        }
        if owner && !(ctx.toks[j - 1].cap || ctx.toks[j - 1].acronym) {
            break;
        }
        let g = ctx.gap_before(j);
        // ("“Parasite” director": a quoted title before the role noun, whole.)
        if !comma
            && matches!(g, "” " | "\" ")
            && j == first
            && let Some(open) = quoted_title_start(ctx, j - 1)
        {
            first = open;
            break;
        }
        // ("JD(U) spokesman": a short name with a bracketed letter or two.)
        if !comma && g == ") " && j >= 2 && ctx.gap_before(j - 1) == "(" && ctx.word(j - 1).len() <= 2 && ctx.toks[j - 2].acronym {
            first = j - 2;
            count += 2;
            j -= 2;
            continue;
        }
        // ("U.S. Rep.": initials with their full stops; "Lt. Gov.": a short title's.)
        if !(is_space_gap(g)
            || (g.is_empty() && ctx.toks[j - 1].initial && ctx.text[..ctx.toks[j - 1].end].ends_with('.'))
            || titles_dotted(j))
        {
            break;
        }
        let k = j - 1;
        if ctx.has(k, STOP | SPEECH_VERB | VERB_STOP) && !phrase(k) && !coordinated(k, first) {
            break;
        }
        if ctx.has(k, HONORIFIC) && ctx.has(k, PLAIN_HON) {
            break;
        }
        // ("They will defeat President Jane Roe": a lower-case word after a subject pronoun or an
        // auxiliary is a verb; so is one after "to" that is no role word, adjective or compound —
        // "to former President Jane Roe", "to lame-duck mayor Jane Roe" keep their qualifier.)
        if k > 0 && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase()) {
            let before = ctx.word(k - 1);
            let after_subject = matches!(
                before,
                "will"
                    | "would"
                    | "can"
                    | "could"
                    | "should"
                    | "must"
                    | "may"
                    | "might"
                    | "shall"
                    | "did"
                    | "does"
                    | "do"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "I"
                    | "you"
                    | "who"
            );
            let w = ctx.word(k);
            // (A compound whose last part is a verb is one: "re-nominate".)
            let compound =
                w.rsplit_once('-').is_some_and(|(_, last)| super::vocab::short_words().get(last).is_none_or(|c| c & VERB_FORM == 0));
            let modifier = ctx.has(k, TITLE | PERSON_NOUN | STOP) || compound || crate::lexicon::Lexicon::bundled().adjectives.contains(w);
            if after_subject || (before == "to" && !modifier) {
                break;
            }
        }
        // ("The party hasn't really chosen Jane Roe": a negated auxiliary is a verb.)
        if ctx.word(k).ends_with("n't") || ctx.word(k).ends_with("n’t") {
            break;
        }
        // "Police arrested suspended councillor Jane Roe": a word that can only be a verb, with
        // a word before it that is neither a determiner, a possessive nor a preposition, has
        // its subject there; the role starts after it ("the ousted president", "Russia's
        // ousted president", "with ousted president" keep theirs).
        // (Before a comma, a determiner after a lower-case word that is neither a preposition
        // nor a role word starts the phrase: "It hired the chief adviser at …, Jane Roe".)
        if comma
            && matches!(ctx.word(k + 1), "the" | "a" | "an" | "his" | "her" | "its" | "their")
            && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase())
            && !matches!(ctx.word(k), "of" | "for" | "at" | "in" | "on" | "to" | "with" | "by" | "from")
            && !ctx.has(k, ROLE_HEAD | PERSON_NOUN)
        {
            break;
        }
        if !comma
            && ctx.has(k, VERB_FORM)
            && k > 0
            && !sentence_start(k)
            && !ctx.toks[k - 1].possessive
            && !determiner_or_preposition(ctx.word(k - 1))
        {
            break;
        }
        // "the compound of Palestinian leader ...": "of" continues a role only after a role
        // noun or a capitalised word ("Secretary of State", "chief executive of").
        if ctx.word(k) == "of" && !for_at(k) && (k == 0 || !(ctx.has(k - 1, ROLE_HEAD) || ctx.toks[k - 1].cap)) {
            break;
        }
        if sentence_start(j) {
            break;
        }
        first = k;
        count += 1;
        j = k;
        if sentence_start(k) {
            break;
        }
    }
    // Do not start a role with "of" or a lower-case word that is neither role nor qualifier
    // followed by nothing useful.
    while first < last && matches!(ctx.word(first), "of" | "and" | "the" | "for" | "at" | "in" | "on") {
        first += 1;
    }
    (first, last)
}

/// A determiner, a possessive pronoun or a preposition: before a verb form, it makes the form a
/// participle that qualifies a role ("the ousted president"), not a verb with a subject. (Not
/// "to": "to criticize President Jane Roe".)
fn determiner_or_preposition(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "with"
            | "for"
            | "by"
            | "of"
            | "from"
            | "in"
            | "on"
            | "at"
            | "against"
            | "about"
            | "after"
            | "before"
            | "under"
            | "between"
    )
}

/// The first token of a quoted, capitalised title of at most five words that ends at token `end` ("“Mrs
/// Maisel”"): its opening mark right before that token, after a space or at a line's start.
fn quoted_title_start(ctx: &Ctx, end: usize) -> Option<usize> {
    let mut k = end;
    while end - k < 5 {
        let g = ctx.gap_before(k);
        if g.ends_with(['“', '"']) {
            let before = &g[..g.len() - if g.ends_with('“') { '“'.len_utf8() } else { 1 }];
            // (A title is capitalised: not a scare-quoted word, "“failed” governor".)
            return ((before.is_empty() || before.ends_with([' ', '\n'])) && (ctx.toks[k].cap || ctx.toks[k].acronym)).then_some(k);
        }
        if k == 0 || !is_space_gap(g) {
            return None;
        }
        k -= 1;
    }
    None
}

/// "the hunter, identified as 54-year-old Jane Roe": the role noun that a name identifies (the
/// token range of the role, from its determiner's next word to the noun).
pub fn identified_role(ctx: &Ctx, s: usize) -> Option<(usize, usize)> {
    let mut k = s;
    // (An age before the name: "54-year-old".)
    if k > 0 && ctx.word(k - 1).ends_with("-year-old") && is_space_gap(ctx.gap_before(k)) {
        k -= 1;
    }
    if k < 4 || ctx.word(k - 1) != "as" || ctx.word(k - 2) != "identified" || !is_space_gap(ctx.gap_before(k - 1)) {
        return None;
    }
    let noun = k - 3;
    if ctx.gap_after(noun).trim() != "," || !lower_role_noun(ctx, noun) {
        return None;
    }
    let mut a = noun;
    while a > 0 && noun - a < 3 && is_space_gap(ctx.gap_before(a)) && !matches!(ctx.word(a - 1), "the" | "a" | "an" | "The" | "A" | "An") {
        if !ctx.word(a - 1).chars().all(|c| c.is_lowercase() || c == '-') || ctx.has(a - 1, STOP | SPEECH_VERB | VERB_STOP) {
            return None;
        }
        a -= 1;
    }
    (a > 0 && matches!(ctx.word(a - 1), "the" | "The")).then_some((a, noun))
}

/// A common noun naming a person, written in lower case ("rapper", "chief auditor").
pub(super) fn lower_role_noun(ctx: &Ctx, k: usize) -> bool {
    ctx.has(k, PERSON_NOUN | ROLE_HEAD) && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase())
}

/// A common noun naming one person, in lower case ("specialist", not "passengers").
pub(super) fn singular_person_noun(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.has(k, PERSON_NOUN)
        && w.chars().next().is_some_and(|c| c.is_lowercase())
        && (!w.ends_with('s') || ctx.lex.is_person_noun_exact(w))
        && !w.ends_with("men")
}

/// Before a comma that precedes a name (token `j` ends the phrase before the comma): the
/// role noun that heads a role there. "secretary of state," and "the Attorney-General," end
/// in a role noun; "The head of the Reserve Bank," has one before "of", "for" or "at" and a
/// capitalised organisation. A capitalised role needs "the", a possessive or a sentence start
/// before it (not "Ministers, Jane Roe and ..." in a list).
pub(super) fn comma_role_head(ctx: &Ctx, j: usize) -> Option<usize> {
    let lower = |k: usize| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase());
    let role_word = |k: usize| (ctx.has(k, ROLE_HEAD) && !plural_head(ctx, k)) || (singular_person_noun(ctx, k) && !ctx.has(k, NONPERSON));
    // ("As chief executive of Harbour Lines, Jane Roe oversaw …": an opening "As" leads the role
    // like "the", with its lower-case qualifiers between.)
    let opening_as = |k: usize| k > 0 && ctx.word(k - 1) == "As" && sentence_start(ctx, k - 1);
    let led = |k: usize| {
        sentence_start(ctx, k)
            || (k > 0 && is_space_gap(ctx.gap_before(k)) && (matches!(ctx.word(k - 1), "the" | "The") || ctx.toks[k - 1].possessive))
            || opening_as(k)
            || (k > 1 && is_space_gap(ctx.gap_before(k)) && lower(k - 1) && ctx.has(k - 1, ROLE_MOD) && opening_as(k - 1))
    };
    // "The father of the bride,", "the defendant in the appeal,", "said head coach of the girls'
    // team,": a role noun, a preposition and a lower-case noun phrase; the head is the first
    // role noun ("father", not "bride").
    if let Some(h) = lower_object_head(ctx, j, &role_word) {
        return Some(h);
    }
    if role_word(j) {
        // ("the Chief Secretary, Jane Roe": capitalised qualifiers between "the" and the head.)
        let mut h = j;
        while h > 0 && j - h < 3 && ctx.toks[h - 1].cap && ctx.has(h - 1, ROLE_MOD) && is_space_gap(ctx.gap_before(h)) {
            h -= 1;
        }
        return (lower(j) || led(j) || (h < j && led(h))).then_some(j);
    }
    // "head of the Reserve Bank": back over a capitalised name to "of".
    let mut k = j;
    let mut steps = 0;
    while k > 0 && steps < 8 && is_space_gap(ctx.gap_before(k)) {
        let w = ctx.word(k);
        if !(ctx.toks[k].cap || ctx.toks[k].acronym || matches!(w, "the" | "of" | "and" | "for")) || ctx.toks[k].possessive {
            return None;
        }
        let p = k - 1;
        if matches!(ctx.word(p), "of" | "for" | "at")
            && (ctx.toks[k].cap || ctx.toks[k].acronym || w == "the")
            && p > 0
            && is_space_gap(ctx.gap_before(p))
            && role_word(p - 1)
            && !ctx.toks[p - 1].possessive
            && led(p - 1)
        {
            return Some(p - 1);
        }
        k = p;
        steps += 1;
    }
    None
}

/// Before a comma that precedes a name (token `j` ends the phrase): the role noun heading "ROLE
/// of|for|in|at the NOUN PHRASE" in lower case ("the father of the bride", "the plaintiff in the
/// appeal", "said head coach of the girls' squad"), led by a determiner, a possessive, a speech
/// verb or a sentence start.
fn lower_object_head(ctx: &Ctx, j: usize, role_word: &dyn Fn(usize) -> bool) -> Option<usize> {
    let lower = |k: usize| ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase());
    let led = |k: usize| {
        sentence_start(ctx, k)
            || (k > 0
                && is_space_gap(ctx.gap_before(k))
                && (matches!(
                    ctx.word(k - 1),
                    "the" | "The" | "a" | "A" | "an" | "An" | "his" | "her" | "their" | "its" | "His" | "Her" | "Their" | "Its"
                ) || ctx.toks[k - 1].possessive
                    || (ctx.has(k - 1, SPEECH_VERB) && lower(k - 1))))
    };
    if !lower(j) || ctx.has(j, STOP | VERB_STOP | SPEECH_VERB) {
        return None;
    }
    let mut k = j;
    while k > 0 && j - k < 6 && is_space_gap(ctx.gap_before(k)) {
        let p = k - 1;
        if matches!(ctx.word(p), "of" | "for" | "in" | "at") {
            // The object starts with a determiner or a possessive after the preposition.
            let det = matches!(ctx.word(k), "the" | "a" | "an" | "his" | "her" | "their" | "its");
            if !(det && p > 0 && is_space_gap(ctx.gap_before(p)) && role_word(p - 1) && lower(p - 1)) {
                return None;
            }
            // (Led past up to two qualifiers: "said head coach of ...".)
            let mut m = p - 1;
            while !led(m) {
                if p - 1 - m >= 2
                    || m == 0
                    || !is_space_gap(ctx.gap_before(m))
                    || !lower(m - 1)
                    || ctx.has(m - 1, STOP | VERB_STOP | SPEECH_VERB)
                {
                    return None;
                }
                m -= 1;
            }
            return Some(p - 1);
        }
        // (Inside the object lower-case words, possessives included, "the girls' squad", and
        // a name qualifying the last noun, "the Harbour Party campaign"; two lower-case words
        // joined by "and", "the search and rescue agency".)
        let joined = ctx.word(p) == "and" && p > 0 && lower(p - 1) && !ctx.has(p - 1, STOP | VERB_STOP | SPEECH_VERB) && lower(k);
        if joined {
            k = p;
            continue;
        }
        if !(lower(p) || ctx.toks[p].cap || ctx.toks[p].acronym)
            || ctx.has(p, VERB_STOP | SPEECH_VERB)
            || (ctx.has(p, STOP) && !matches!(ctx.word(p), "the" | "a" | "an" | "his" | "her" | "their" | "its"))
        {
            return None;
        }
        k = p;
    }
    None
}

/// A role noun in the plural ("administrators", "analysts"): a group, not one person.
pub(super) fn plural_head(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    w.len() > 4
        && w.ends_with('s')
        && ctx.has(k, ROLE_HEAD)
        && with_lower(w, |l| ctx.lex.is_role_head(&l[..l.len() - 1]) && !ctx.lex.is_role_head_exact(l))
}

/// Whether token `k` is a short title ("Gen", "Rep", "then-Rep"), whose full stop belongs to it.
pub fn is_short_title(ctx: &Ctx, k: usize) -> bool {
    ctx.has(k, TITLE_ABBR)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{tok, with_ctx};
    use super::*;

    fn role(text: &str, name: &str) -> Option<String> {
        with_ctx(text, |ctx| role_before(ctx, tok(ctx, name)).map(|(a, b)| ctx.text[ctx.toks[a].start..ctx.toks[b].end].to_string()))
    }

    #[test]
    fn a_role_noun_and_its_qualifiers() {
        assert_eq!(role("He met harbour board spokesman Arvid Lunde there.", "Arvid").as_deref(), Some("harbour board spokesman"));
        assert_eq!(role("Then Dr Arvid Lunde spoke.", "Arvid").as_deref(), Some("Dr"));
        assert_eq!(role("Then Mr Arvid Lunde spoke.", "Arvid"), None);
        assert_eq!(role("He was sworn in by Norland Lt. Gov. Arvid Lunde.", "Arvid").as_deref(), Some("Norland Lt. Gov"));
        assert_eq!(role("Police said 35-year-old Arvid Lunde was held.", "Arvid").as_deref(), Some("35-year-old"));
        assert_eq!(role("GM Arvid Lunde traded two pitchers.", "Arvid").as_deref(), Some("GM"));
    }

    #[test]
    fn a_title_placed_in_an_office() {
        let t = "Before the vote, Minister in the Ministry of Harbours Arvid Lunde spoke.";
        assert_eq!(role(t, "Arvid").as_deref(), Some("Minister in the Ministry of Harbours"));
        let t = "Leader of Government Business Dr Arvid Lunde asked for a recess.";
        assert_eq!(role(t, "Arvid").as_deref(), Some("Leader of Government Business"));
        assert_eq!(role("Minister of Finance Arvid Lunde spoke.", "Arvid").as_deref(), Some("Minister of Finance"));
        // "in" without "the" is a place, not an office: "Voters in Harbour City Arvid …" is no title.
        assert_eq!(role("A Correspondent in Norland Arvid Lunde spoke.", "Arvid"), None);
        assert_eq!(role("It named the 8-year-old Arvid Lunde as the winner.", "Arvid").as_deref(), Some("8-year-old"));
    }

    #[test]
    fn a_verb_with_its_subject_ends_the_role() {
        let r = |t: &str| role(t, "Arvid");
        assert_eq!(r("Police arrested suspended councillor Arvid Lunde on Monday.").as_deref(), Some("suspended councillor"));
        assert_eq!(r("The mayor notified harbour police chief Arvid Lunde at once.").as_deref(), Some("harbour police chief"));
        // A participle after a determiner, a possessive or a preposition qualifies the role.
        assert_eq!(r("She met the ousted chairman Arvid Lunde in Oslo.").as_deref(), Some("ousted chairman"));
        assert_eq!(r("Norway's ousted chairman Arvid Lunde spoke.").as_deref(), Some("Norway's ousted chairman"));
        // "accused" after its subject is the verb, not a role; after "the" it is one.
        assert_eq!(r("The minister accused Arvid Lunde of lying."), None);
        assert_eq!(r("Reporters saw the accused Arvid Lunde leave.").as_deref(), Some("accused"));
        assert_eq!(r("They hope to criticize President Arvid Lunde.").as_deref(), Some("President"));
        assert_eq!(r("They will defeat President Arvid Lunde.").as_deref(), Some("President"));
        assert_eq!(r("She promised to defeat President Arvid Lunde in May.").as_deref(), Some("President"));
        assert_eq!(r("She wrote to former President Arvid Lunde in May.").as_deref(), Some("former President"));
        assert_eq!(r("She wrote to lame-duck mayor Arvid Lunde in May.").as_deref(), Some("lame-duck mayor"));
        assert_eq!(r("He declined to re-nominate Justice Arvid Lunde.").as_deref(), Some("Justice"));
        assert_eq!(r("The party hasn't chosen Arvid Lunde yet."), None);
    }

    #[test]
    fn a_capitalised_person_noun_after_a_lower_case_word() {
        assert_eq!(role("\"Fine,\" said Supervisor Arvid Lunde of Norland County.", "Arvid").as_deref(), Some("Supervisor"));
    }

    #[test]
    fn a_full_stop_ends_a_role_unless_a_short_title_has_it() {
        assert_eq!(role("She thanked her uncle. Still, Arvid Lunde came.", "Arvid"), None);
        assert_eq!(role("It was a harbour pilot. Arvid Lunde came.", "Arvid"), None);
        assert_eq!(role("Then Gen. Arvid Lunde came.", "Arvid").as_deref(), Some("Gen"));
        assert_eq!(role("He met with then-Sen. Arvid Lunde.", "Arvid").as_deref(), Some("then-Sen"));
    }

    #[test]
    fn a_title_with_of_before_the_name() {
        assert_eq!(role("Then former chief of staff Arvid Lunde said it was fine.", "Arvid").as_deref(), Some("former chief of staff"));
        assert_eq!(role("The firm's head of research Arvid Lunde agreed.", "Arvid").as_deref(), Some("firm's head of research"));
        assert_eq!(role("He spoke to the mayor of Springfield Arvid Lunde.", "Arvid"), None);
    }

    #[test]
    fn a_quoted_title_before_the_role_noun() {
        assert_eq!(role("But “Night Shift” actress Arvid Lunde said so.", "Arvid").as_deref(), Some("Night Shift” actress"));
        // A scare-quoted word is no title.
        assert_eq!(role("The “failed” governor Arvid Lunde said so.", "Arvid").as_deref(), Some("governor"));
    }

    #[test]
    fn a_role_that_a_name_identifies() {
        let got = |t: &str| {
            with_ctx(t, |ctx| {
                identified_role(ctx, tok(ctx, "Arvid")).map(|(a, b)| ctx.text[ctx.toks[a].start..ctx.toks[b].end].to_string())
            })
        };
        assert_eq!(got("Police said the hunter, identified as 54-year-old Arvid Lunde, was shot.").as_deref(), Some("hunter"));
        assert_eq!(got("They found the missing hiker, identified as Arvid Lunde, on Sunday.").as_deref(), Some("missing hiker"));
        assert_eq!(got("They met the man identified as Arvid Lunde.").as_deref(), None);
    }

    #[test]
    fn a_possessor_is_the_role() {
        assert_eq!(role("Harbour Freight's Arvid Lunde agreed.", "Arvid").as_deref(), Some("Harbour Freight"));
    }

    #[test]
    fn a_role_before_a_comma() {
        assert_eq!(role("The port's chief engineer, Arvid Lunde, agreed.", "Arvid").as_deref(), Some("port's chief engineer"));
    }

    #[test]
    fn a_role_with_a_lower_case_object_before_a_comma() {
        assert_eq!(role("The father of the bride, Arvid Lunde, wept.", "Arvid").as_deref(), Some("father of the bride"));
        assert_eq!(role("The defendant in the appeal, Arvid Lunde, sold a boat.", "Arvid").as_deref(), Some("defendant in the appeal"));
        assert_eq!(
            role("\"Fine,\" said head coach of the girls' squad, Arvid Lunde.", "Arvid").as_deref(),
            Some("head coach of the girls' squad")
        );
        assert_eq!(
            role("It hired the chief adviser at the Harbour Party campaign, Arvid Lunde.", "Arvid").as_deref(),
            Some("chief adviser at the Harbour Party campaign")
        );
        assert_eq!(
            role("Papers quoted the head of the search and rescue unit, Arvid Lunde, as saying so.", "Arvid").as_deref(),
            Some("head of the search and rescue unit")
        );
        // Not a clause or a list.
        assert_eq!(role("Rain fell on most of the city, Arvid Lunde said.", "Arvid"), None);
    }

    #[test]
    fn plural_heads() {
        with_ctx("the administrators and the administrator", |ctx| {
            assert!(plural_head(ctx, 1));
            assert!(!plural_head(ctx, 4));
        });
    }
}

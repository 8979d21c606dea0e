//! Stage 2: each run of capitalised words split into name pieces at titles, honorifics and
//! non-person words, then trimmed of particles, initials and leading words that are not
//! part of the name ("Later Jane Roe", "Archbishop of Canterbury Justin Welby").

use super::appositive::person_cue_after;
use super::cues::korean::korean_given;
use super::names::{glued_particle, initials_word, is_suffix};
use super::{Ctx, LOWER_PART, LOWER_USED, Piece, is_space_gap, sentence_start};
use crate::people::lexicon::class::*;
use crate::people::lexicon::with_lower;

type Run = std::ops::Range<usize>;

/// The name pieces of the runs, in text order (none yet cued or rejected).
pub(super) fn split_runs(ctx: &Ctx, runs: &[Run]) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for run in runs {
        let mut k = run.start;
        while k < run.end {
            let lead_particle = lead_particle(ctx, run, k);
            let place_given = place_given(ctx, run, k);
            // ("CNN Host Asks Jane Roe …": a headline's verb before a name is not its first word.)
            if (!lead_particle && !place_given && (!is_name_tok(ctx, run, k) || ctx.is_particle(k)))
                || (!ctx.has(k, FIRST) && headline_verb(ctx, run, k, true))
            {
                k += 1;
                continue;
            }
            let s = k;
            let e = name_end(ctx, run, s, place_given);
            let (a, b) = trim_edges(ctx, run, s, e, lead_particle);
            let a = trim_lead_words(ctx, run, a, b);
            let b = trim_role_qualifier(ctx, run, a, b);
            if a < b {
                pieces.push(piece(ctx, run, a..b, place_given && a == s));
            }
            k = e.max(k + 1);
        }
    }
    pieces
}

/// Whether token `k` of `run` may be a word of a name.
fn is_name_tok(ctx: &Ctx, run: &Run, k: usize) -> bool {
    let toks = ctx.toks;
    if toks[k].initial || ctx.is_particle(k) {
        return true;
    }
    // "Last-ditch", "Anti-war": a capitalised word with a lower-case part is not a name,
    // except a Korean given name after a family name ("Cho Tae-yul").
    if ctx.has(k, LOWER_PART) {
        return k > run.start && !ctx.has(k, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE) && korean_given(ctx, k);
    }
    if !ctx.has(k, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE) {
        return true;
    }
    if byline_given(ctx, run, k) {
        return true;
    }
    if word_surname(ctx, run, k) {
        return true;
    }
    // "Bill Jones": a given name that also ends the names of things ("the Health
    // Bill"), where it starts a name before a surname.
    if ctx.has(k, FIRST)
        && !ctx.has(k, HONORIFIC | NONPERSON | TITLE)
        && toks[k].cap
        && (k == run.start || ctx.has(k - 1, TITLE | HONORIFIC))
        && k + 1 < run.end
        && (toks[k + 1].cap || ctx.is_particle(k + 1))
        && !ctx.has(k + 1, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE)
        // ("State Park Ranger Jane Roe": not before a word naming a person's job.)
        && !(ctx.has(k, NONPERSON_HEAD) && ctx.has(k + 1, PERSON_NOUN | ROLE_HEAD))
    {
        return true;
    }
    // "Agriculture Minister Dean Foley": a role word that is also a given name,
    // after a title and before exactly one surname, is the given name.
    k > run.start
        && k + 1 < run.end
        && toks[k].cap
        && ctx.has(k, FIRST)
        // ("President Bill Valdez": a given name that also ends the names of things.)
        && !ctx.has(k, HONORIFIC | NONPERSON)
        && ctx.has(k - 1, ROLE_HEAD | TITLE_ABBR)
        && toks[k - 1].cap
        && toks[k + 1].cap
        && !ctx.has(k + 1, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE | FIRST)
        && (k + 2 == run.end || ctx.has(k + 2, HONORIFIC | NONPERSON | NONPERSON_HEAD | TITLE))
}

/// "George Church, a geneticist, ...", "George Church said", "Harbour Chief Marta Hall with the
/// city police said", "said Anna English, an economist": a known given name, then a word that
/// ends the names of things or an ordinary adjective or adverb that is also a nationality or a
/// sentence opener ("English", "Still"), ending the run (or the name after a title), cued as a
/// person by what follows: a speech verb, an appositive role or an affiliation. (A place stays
/// a place: only words that WordNet also lists as adjectives or adverbs.)
fn word_surname(ctx: &Ctx, run: &Run, k: usize) -> bool {
    let toks = ctx.toks;
    let after_title = k >= run.start + 2 && toks[k - 2].cap && ctx.has(k - 2, TITLE | HONORIFIC);
    let ordinary = |k: usize| {
        !ctx.has(k, NONPERSON) || {
            let w = ctx.word(k);
            crate::lexicon::Lexicon::bundled().adjectives.contains(w) || ctx.lex.is_adverb(w)
        }
    };
    // ("By Megan French": a byline's name ends its line.)
    let line_start = |i: usize| i == 0 || ctx.gap_before(i).contains('\n');
    let byline = k >= 2 && matches!(ctx.word(k - 2), "By" | "by") && line_start(k - 2) && (k + 1 == toks.len() || line_start(k + 1));
    (k == run.start + 1 || after_title || (byline && k == run.start + 2))
        && k + 1 == run.end
        && toks[k].cap
        && !toks[k - 1].possessive
        && ctx.has(k - 1, FIRST)
        && !ctx.has(k - 1, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC)
        && !ctx.has(k, HONORIFIC | TITLE)
        && ordinary(k)
        && (byline || person_cue_after(ctx, k) || super::affiliation_after(ctx, k).is_some())
}

/// "Mr ap Gwynn", "Dr van der Berg": a lower-case particle right after an honorific or title
/// starts the surname.
fn lead_particle(ctx: &Ctx, run: &Run, k: usize) -> bool {
    let toks = ctx.toks;
    ctx.is_particle(k)
        && ctx.word(k).chars().next().is_some_and(|c| c.is_lowercase())
        && k > run.start
        && ctx.has(k - 1, HONORIFIC | TITLE_ABBR | ROLE_HEAD)
        && (k + 1..run.end).find(|&q| !ctx.is_particle(q)).is_some_and(|q| toks[q].cap && is_name_tok(ctx, run, q))
}

/// "By April Glaser" on a line of its own: a calendar or place word that opens a byline's
/// two- or three-word name is its given name.
fn byline_given(ctx: &Ctx, run: &Run, k: usize) -> bool {
    let toks = ctx.toks;
    let line_start = |i: usize| i == 0 || ctx.gap_before(i).contains('\n');
    let by = k.checked_sub(1).filter(|&b| matches!(ctx.word(b), "By" | "by") && line_start(b) && is_space_gap(ctx.gap_before(k)));
    let len = run.end - k;
    by.is_some()
        && (k == run.start || k == run.start + 1)
        && (2..=3).contains(&len)
        && toks[k].cap
        && (k + 1..run.end).all(|q| toks[q].cap && !ctx.has(q, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC))
        && (run.end == toks.len() || line_start(run.end) || ctx.word(run.end) == "and")
}

/// "Georgia Harrison", "Jordan Henderson": a place that is also a given name, then one name
/// word, the whole run.
fn place_given(ctx: &Ctx, run: &Run, k: usize) -> bool {
    let toks = ctx.toks;
    run.end == k + 2
        && k == run.start
        && toks[k].cap
        && !toks[k].possessive
        && ctx.has(k, NONPERSON)
        && ctx.has(k, FIRST)
        && !ctx.has(k, TITLE | HONORIFIC | NONPERSON_HEAD)
        && toks[k + 1].cap
        && is_name_tok(ctx, run, k + 1)
        && !ctx.has(k + 1, LOWER_USED)
}

/// The end (exclusive) of the name words of `run` from token `s`.
fn name_end(ctx: &Ctx, run: &Run, s: usize, place_given: bool) -> usize {
    let toks = ctx.toks;
    let mut e = if place_given { s + 1 } else { s };
    while e < run.end {
        if e > s && headline_verb(ctx, run, e, false) {
            break;
        }
        if is_name_tok(ctx, run, e) {
            e += 1;
            continue;
        }
        // "Prime Minister Luís Montenegro": after a title and a known given name, a
        // place word ending the run is a surname.
        if e + 1 == run.end
            && e == s + 1
            && s > run.start
            && toks[e].cap
            && ctx.has(e, NONPERSON)
            && !ctx.has(e, NONPERSON_HEAD | TITLE | HONORIFIC)
            && ctx.has(s, FIRST)
            && !ctx.has(s, NONPERSON)
            && (ctx.has(s - 1, HONORIFIC | TITLE_ABBR) || (ctx.has(s - 1, ROLE_HEAD) && toks[s - 1].cap))
        {
            e += 1;
            break;
        }
        // A month after a known given name, at the end of the run and not before a day
        // ("Theresa May", "Mark May said"; not "Jane Roe May 5"), is a surname.
        if e + 1 == run.end
            && e == s + 1
            && toks[e].cap
            && is_month(ctx.word(e))
            && ctx.has(s, FIRST)
            && !ctx.has(s, NONPERSON | TITLE | HONORIFIC)
            && !toks.get(run.end).is_some_and(|t| ctx.text[t.start..t.end].starts_with(|c: char| c.is_ascii_digit()))
        {
            e += 1;
            break;
        }
        // A title word before a suffix that ends the run is a surname ("Martin Luther King Jr.").
        if e + 2 == run.end
            && e > s
            && is_suffix(ctx.word(e + 1))
            && ctx.has(e, ROLE_HEAD)
            && !ctx.has(e, NONPERSON | NONPERSON_HEAD | HONORIFIC)
            && ctx.has(s, FIRST)
        {
            e += 2;
            break;
        }
        // A title word after a name word, at the end of the run, is a surname ("John Major").
        if e + 1 == run.end
            && ctx.has(e, ROLE_HEAD)
            && !ctx.has(e, NONPERSON | NONPERSON_HEAD | HONORIFIC)
            && e == s + 1
            && ctx.has(s, FIRST)
        {
            e += 1;
        }
        break;
    }
    e
}

/// Whether token `k` of `run` is a verb of a headline written in title case ("Jane Roe Says
/// Rates Will Rise", "Jane Roe Is Arrested", "Councillor Jane Roe Arrested in Raid"): a
/// speech verb, a finite form of "be", "have" or "do", or an inflected form that WordNet lists
/// only as a verb ("Arrested", "Admits"). A base form may be a surname ("Lynch"), and so may a
/// form in "-s" that ends the run ("Leah Stokes"); a modal ends a name only before another
/// capitalised word ("Jane Roe Will Stay"), and never starts one: "Will" is also a given name
/// and a surname ("Will Hurd", "George Will said").
fn headline_verb(ctx: &Ctx, run: &Run, k: usize, lead: bool) -> bool {
    if !ctx.toks[k].cap {
        return false;
    }
    if finite_verb(ctx, k) {
        return true;
    }
    let inside = k + 1 < run.end;
    let w = ctx.word(k);
    // (Most capitalised words are passed over on their length and last letter, before any look-up.)
    if !inside || (w.len() > 6 && !w.ends_with('s')) {
        return false;
    }
    with_lower(w, |l| match l {
        "will" | "would" | "can" | "could" | "should" | "must" | "might" | "shall" => !lead,
        _ => l.ends_with('s') && super::vocab::short_words().get(l).is_some_and(|c| c & super::VERB_FORM != 0),
    })
}

/// Whether token `k` is a verb whatever its case: a speech verb, a finite form of "be",
/// "have" or "do", or a past form that WordNet lists only as a verb ("arrested", "named").
pub(super) fn finite_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.has(k, SPEECH_VERB)
        || ((w.len() <= 4 || w.ends_with("ed"))
            && with_lower(w, |l| {
                matches!(l, "is" | "are" | "was" | "were" | "has" | "have" | "had" | "does" | "did")
                    || (l.ends_with("ed") && super::vocab::short_words().get(l).is_some_and(|c| c & super::VERB_FORM != 0))
            }))
}

/// The name of a month, as written in running text.
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December"
    )
}

/// The piece `s..e` without the particles and initials at its edges (initials may lead a name
/// only after a title or before a given name).
fn trim_edges(ctx: &Ctx, run: &Run, s: usize, e: usize, lead_particle: bool) -> (usize, usize) {
    let toks = ctx.toks;
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    // Trim particles and initials at the edges (initials may lead: "W. Bush" is rare, drop).
    let mut a = s;
    let mut b = e;
    // ("Chief Electoral Officer K. Srinivasan": initials after a title lead the name.)
    let titled = a > run.start && ctx.has(a - 1, HONORIFIC | TITLE_ABBR | ROLE_HEAD) && toks[a - 1].cap;
    let initials_lead = titled
        && toks[a].initial
        && (a..b).find(|&q| !toks[q].initial).is_some_and(|q| {
            // ("Union President J. Jane Roe Jr.": a given name and surname too.)
            let end = if is_suffix(ctx.word(b - 1)) { b - 1 } else { b };
            (q + 1 == end || (q + 2 == end && toks[q + 1].cap)) && toks[q].cap && !ctx.is_particle(q)
        });
    // "J. David Cox": initials before a known given name and a surname; "T.J. Okoro":
    // two initials or more before one surname (not "U.S. Steel").
    let initials_given = toks[a].initial
        && (a..b).find(|&q| !toks[q].initial).is_some_and(|q| {
            let dots = |r: std::ops::Range<usize>| r.clone().all(|x| ctx.text[..toks[x].end].ends_with('.'));
            dots(a..q)
                && ((ctx.has(q, FIRST) && q + 1 < b && toks[q + 1].cap)
                    || (q >= a + 2
                        && q + 1 == b
                        && toks[q].cap
                        && !ctx.has(q, NONPERSON | NONPERSON_HEAD | TITLE | HONORIFIC)
                        && !lower_used(q)
                        && !ctx.lex.is_nonperson(&initials_word(ctx, a..q))))
        });
    while a < b && !lead_particle && !initials_lead && !initials_given && (ctx.is_particle(a) || toks[a].initial) {
        a += 1;
    }
    // ("al-Sudani" at the end is a surname, not a bare particle.)
    while b > a && ((ctx.is_particle(b - 1) && !ctx.word(b - 1).contains('-')) || toks[b - 1].initial) {
        b -= 1;
    }
    (a, b)
}

/// The start of the piece `a..b` past leading words that are not part of the name.
fn trim_lead_words(ctx: &Ctx, run: &Run, a: usize, b: usize) -> usize {
    // (Trimming the edges can leave nothing: "the people of the C." at the end of a text.)
    if a >= b {
        return a;
    }
    let toks = ctx.toks;
    let lower_used = |k: usize| ctx.has(k, LOWER_USED);
    let mut a = a;
    // "Later Jane Roe": a leading word the text also uses in lower case, before a
    // known given name, is not part of the name; nor is a place after "of" ("Archbishop
    // of Canterbury Justin Welby"). Another unknown leading word is kept ("Niels van den
    // Broek", "Amina Hassan Abdi"): many given names are not listed.
    let after_title = a > run.start && ctx.has(a - 1, TITLE | HONORIFIC);
    // (A run after "of" or "of the" is an organisation's or a place's name up to a known given
    // name, whether or not its first words were left out of the piece: "Officer of Harbour
    // Value Maria Thrane".)
    let run_after_of = |r: usize| {
        r > 0
            && is_space_gap(ctx.gap_before(r))
            && (ctx.word(r - 1) == "of"
                || (matches!(ctx.word(r - 1), "the" | "The") && r > 1 && ctx.word(r - 2) == "of" && is_space_gap(ctx.gap_before(r - 1))))
    };
    let after_of = run_after_of(run.start) && (a == run.start || !toks[a].initial);
    // ("Perhaps Jane Roe", "Grazier Jane Roe": an adverb or a common noun naming a person
    // that starts a sentence is not a given name.)
    // ("said Supervisor Ilka Brandvold": so is a capitalised common noun naming a person after a
    // lower-case word, a title the way the copy writes it.)
    let lead_word = a == run.start
        && toks[a].cap
        && !ctx.has(a, FIRST)
        && ((sentence_start(ctx, a) && ctx.has(a, ADVERB)) || (ctx.has(a, PERSON_NOUN) && !ctx.has(a, NONPERSON | NONPERSON_HEAD)))
        && (sentence_start(ctx, a) || super::roles::after_lower_word(ctx, a));
    if lead_word && b - a == 2 && ctx.has(a, ADVERB) && !toks[a + 1].initial {
        a += 1;
    }
    // ("Oceanographer Roe said": a common noun naming a person that opens the sentence before
    // one name word is the role of a surname.)
    if lead_word
        && b - a == 2
        && !ctx.has(a, ADVERB)
        && sentence_start(ctx, a)
        && !toks[a + 1].initial
        && !ctx.is_particle(a + 1)
        && !ctx.has(a + 1, FIRST)
    {
        a += 1;
    }
    // ("Additional District Collector Jane Roe": a capitalised role noun before a known
    // given name ends a title, not the name.)
    // ("Park Ranger Supervisor Jane Roe": as many as there are, before a known given name.)
    let role_word = |a: usize| toks[a].cap && !ctx.has(a, FIRST | NONPERSON | NONPERSON_HEAD) && ctx.has(a, PERSON_NOUN);
    let role_lead = |a: usize| {
        a + 1 < b
            && role_word(a)
            && (ctx.has(a + 1, FIRST)
                || (a > run.start && toks[a - 1].cap && ctx.has(a - 1, NONPERSON | NONPERSON_HEAD | TITLE))
                || (role_word(a + 1) && a + 2 < b && ctx.has(a + 2, FIRST)))
    };
    while role_lead(a) && b - a >= 3 && !toks[a + 1].initial && !ctx.is_particle(a + 1) {
        a += 1;
    }
    if b - a >= 3
        && !ctx.has(a, FIRST)
        && ((lower_used(a) && !after_title) || after_of || lead_word)
        && let Some(k) = (a + 1..b - 1).find(|&k| ctx.has(k, FIRST) && !toks[k].initial && !ctx.is_particle(k))
    {
        a = k;
    } else if lead_word && b - a >= 3 && !ctx.has(a, ADVERB) && !toks[a + 1].initial && !ctx.is_particle(a + 1) {
        // ("Librarian Odile Ferrant": a common noun naming a person that opens the sentence
        // before two or more name words is the role, even when the given name is not listed.)
        a += 1;
    }
    a
}

/// The end of the piece `a..b` before a capitalised word that qualifies a role after it.
fn trim_role_qualifier(ctx: &Ctx, run: &Run, a: usize, b: usize) -> usize {
    let toks = ctx.toks;
    let n = toks.len();
    let mut b = b;
    // "Helen Marchbank Political correspondent": a capitalised word ending the run before
    // a lower-case role noun qualifies that role, after a name of two words or more.
    if b == run.end
        && b - a >= 3
        && b < n
        && toks[b - 1].cap
        && !ctx.has(b - 1, FIRST)
        && is_space_gap(ctx.gap_after(b - 1))
        && ctx.word(b).chars().next().is_some_and(|c| c.is_lowercase())
        && ctx.has(b, ROLE_HEAD)
    {
        b -= 1;
    }
    b
}

/// The piece of tokens `r` of `run`, its name words counted.
fn piece(ctx: &Ctx, run: &Run, r: Run, place_led: bool) -> Piece {
    let toks = ctx.toks;
    let (a, b) = (r.start, r.end);
    // ("Noura al-Kaabi": a particle glued to a name is a name word.)
    let mut words = (a..b).filter(|&x| !toks[x].initial && (!ctx.is_particle(x) || glued_particle(ctx.word(x)))).count();
    // ("T.J. Okoro": the initials stand for the given names.)
    if words == 1 && toks[a].initial {
        words = 2;
    }
    Piece { toks: a..b, words, strong: false, weak: false, rejected: false, run_end: run.end, tentative: false, place_led }
}

#[cfg(test)]
mod tests {
    use super::super::testing::mentions;

    #[test]
    fn job_words_before_a_name_are_its_role() {
        let t = "Coast State Park Ranger Supervisor Robert Thrane said the beach was shut.";
        assert_eq!(mentions(t), ["Robert Thrane"]);
        assert_eq!(mentions("Park Supervisor Robert Thrane said it."), ["Robert Thrane"]);
        assert_eq!(mentions("Park Geun-hye said it."), ["Park Geun-hye"]);
    }

    #[test]
    fn a_byline_surname_that_is_a_nationality() {
        assert_eq!(mentions("Harbour Reopens\n\nBy Megan French\n\nThe harbour reopened."), ["Megan French"]);
        assert_eq!(mentions("by Megan French\nThe harbour reopened."), ["Megan French"]);
    }

    #[test]
    fn a_title_word_before_a_suffix_is_a_surname() {
        assert_eq!(mentions("A statue of Arthur Deacon King Jr. stands in the square."), ["Arthur Deacon King Jr"]);
    }

    #[test]
    fn a_headline_verb_ends_a_name() {
        let t = "Maria Okafor Says Rates Will Stay High\n\nCentral bank governor Maria Okafor spoke on Tuesday.";
        assert_eq!(mentions(t), ["Maria Okafor", "Maria Okafor"]);
        let t = "Councillor Tobiah Wrenfield Arrested in Fraud Inquiry\n\nTobiah Wrenfield was held on Monday.";
        assert_eq!(mentions(t), ["Tobiah Wrenfield", "Tobiah Wrenfield"]);
        let t = "Why Odile Ferrant Is Leaving the Board\n\nOdile Ferrant said she was tired.";
        assert_eq!(mentions(t), ["Odile Ferrant", "Odile Ferrant"]);
        // A modal at the end of the run is a surname; a verb before the name is not part of it.
        assert_eq!(mentions("The columnist George Will said it was over."), ["George Will"]);
        assert_eq!(mentions("Former Rep. Will Hurd said he would run."), ["Will Hurd"]);
        assert_eq!(mentions("By Leah C Stokes"), ["Leah C Stokes"]);
        assert_eq!(mentions("Host Urges Maria Okafor to Act\n\nMaria Okafor said no."), ["Maria Okafor", "Maria Okafor"]);
    }

    #[test]
    fn a_person_noun_opening_a_sentence_is_a_role_before_an_unlisted_given_name() {
        assert_eq!(mentions("Librarian Odile Ferrant said the wing would open in March."), ["Odile Ferrant"]);
        assert_eq!(mentions("Grazier Tobiah Wrenfield said the rain came late."), ["Tobiah Wrenfield"]);
        // A listed given name that is also a person noun stays the name.
        assert_eq!(mentions("Mason Tobiah Wrenfield said the rain came late."), ["Mason Tobiah Wrenfield"]);
        // Before a lone surname too, the person already named in full or not.
        let t = "\"Move fast,\" said Rohan Delacroix, a researcher.\n\nOceanographer Delacroix said it would sink.";
        assert_eq!(mentions(t), ["Rohan Delacroix", "Delacroix"]);
        assert_eq!(mentions("Oceanographer Delacroix said it would sink."), ["Delacroix"]);
        assert_eq!(mentions("Geologist Delacroix said it would sink."), ["Delacroix"]);
    }

    #[test]
    fn a_capitalised_person_noun_after_a_lower_case_word_is_a_role() {
        assert_eq!(mentions("\"It is fair,\" said Supervisor Ilka Brandvold of Norland County."), ["Ilka Brandvold"]);
        // Before a lone surname too.
        assert_eq!(mentions("\"It is fair,\" said Farmer Brandvold of Norland County."), ["Brandvold"]);
        // Not after a noun: a name of a thing.
        assert!(mentions("The trade group Consumer Harbour Alliance is fighting it.").is_empty());
    }

    #[test]
    fn an_organisation_after_of_ends_at_a_known_given_name() {
        let t = "Prices will rise, Chief Financial Officer of Harbour Value Maria Thrane said.";
        assert_eq!(mentions(t), ["Maria Thrane"]);
        assert_eq!(mentions("The chair of the Tarrow Ports Authority Peter Loss said it would reopen."), ["Peter Loss"]);
    }

    #[test]
    fn a_month_after_a_known_given_name_is_a_surname() {
        assert_eq!(mentions("The pundit Mark May said the team was finished."), ["Mark May"]);
        assert_eq!(mentions("They wrote to Mark May 5 and heard nothing."), Vec::<String>::new());
    }

    #[test]
    fn a_calendar_word_opens_a_byline_name() {
        assert_eq!(mentions("Harbour closes\n\nBy April Thrane\n\nThe harbour closed on Monday."), ["April Thrane"]);
        assert_eq!(mentions("Harbour closes\n\nBy April Thrane and Qorvath Lunde\n\nIt closed."), ["April Thrane", "Qorvath Lunde"]);
        // Not in running text.
        assert!(mentions("The work will be done by April next year.").is_empty());
    }
}

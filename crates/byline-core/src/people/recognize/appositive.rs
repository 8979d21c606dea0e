//! Appositive roles after a name, shared by the cues and by role attachment: "Jane Roe, the
//! chairman of ...", "Jane Roe (D-Ohio), the ...", "Jane Roe, 27, a nurse at ...", "Jane Roe
//! was named chief executive".

use super::roles::{plural_head, singular_person_noun};
use super::{Ctx, STOP, VERB_FORM, VERB_STOP, is_space_gap};
use crate::people::lexicon::class::*;

/// Whether a cue that only people take follows token `last`: a speech verb ("said"), or an
/// appositive headed by a role noun or a common noun naming a person.
pub(super) fn person_cue_after(ctx: &Ctx, last: usize) -> bool {
    if ctx.toks[last].possessive {
        return false;
    }
    let n = ctx.toks.len();
    if last + 1 < n && is_space_gap(ctx.gap_after(last)) && ctx.has(last + 1, SPEECH_VERB) {
        return ctx.word(last + 1).chars().next().is_some_and(|c| c.is_lowercase());
    }
    appositive_start(ctx, last).and_then(|k| appositive_role(ctx, k)).is_some()
}

/// Where an appositive may start after a name ending at token `last`: after its comma, or
/// after a short bracket and a comma ("Jane Roe (D-Ohio), the chairman ...").
pub fn appositive_start(ctx: &Ctx, last: usize) -> Option<usize> {
    if ctx.toks[last].possessive {
        return None;
    }
    let g = ctx.gap_after(last);
    if g.trim() == "," {
        return Some(last + 1);
    }
    let n = ctx.toks.len();
    // "said Jane Roe who is the harbour master": "who is" without its comma.
    if is_space_gap(g) && last + 2 < n && ctx.word(last + 1) == "who" && matches!(ctx.word(last + 2), "is" | "was") {
        return Some(last + 1);
    }
    if g.trim() != "(" {
        return None;
    }
    let mut q = last + 1;
    while q < n && q < last + 12 {
        let g = ctx.gap_after(q);
        if g.contains(['(', '\n']) {
            return None;
        }
        if g.contains(')') {
            return (g.trim() == ")," && q + 1 < n).then_some(q + 1);
        }
        q += 1;
    }
    None
}

/// "Jane Roe (head of the harbour board in Varnhem) said": a role in brackets right after the
/// name, the whole bracket.
pub fn bracket_role(ctx: &Ctx, last: usize) -> Option<std::ops::Range<usize>> {
    if ctx.toks[last].possessive || ctx.gap_after(last) != " (" || last + 1 >= ctx.toks.len() {
        return None;
    }
    let r = role_phrase(ctx, last + 1)?;
    (ctx.gap_after(r.end - 1).starts_with(')') && ctx.word(last + 1).chars().next().is_some_and(|c| c.is_lowercase())).then_some(r)
}

/// After a name ending at token `last`, the start of a role it was given: "Jane Roe was
/// (later) named / appointed / elected ROLE".
pub fn named_role_start(ctx: &Ctx, last: usize) -> Option<usize> {
    let n = ctx.toks.len();
    let mut q = last + 1;
    if q >= n
        || ctx.toks[last].possessive
        || !is_space_gap(ctx.gap_after(last))
        || !matches!(ctx.word(q), "was" | "is" | "has been" | "had been")
    {
        return None;
    }
    q += 1;
    if q < n && ctx.has(q, ADVERB) {
        q += 1;
    }
    if q + 1 >= n
        || !matches!(ctx.word(q), "named" | "appointed" | "elected")
        || !(q + 1..q + 3).all(|x| x < n && is_space_gap(ctx.gap_before(x)))
    {
        return None;
    }
    q += 1;
    if ctx.word(q) == "as" {
        q += 1;
    }
    // A role in lower case ("imperial high commissioner of ..."), not "named in the suit".
    let w = ctx.word(q);
    (w.chars().next().is_some_and(|c| c.is_lowercase())
        && !ctx.has(q, STOP)
        && !matches!(w, "in" | "by" | "after" | "for" | "on" | "to" | "at" | "with"))
    .then_some(q)
}

/// The role phrase of an appositive starting at token `k` (after "Name,"): "Putin's spokesman".
pub fn appositive_role(ctx: &Ctx, k: usize) -> Option<std::ops::Range<usize>> {
    let k = appositive_lead(ctx, k)?;
    role_phrase(ctx, k)
}

/// Where the role of an appositive starting at token `k` starts, past an age and "who is":
/// none when a clause starts there, not a role.
fn appositive_lead(ctx: &Ctx, k: usize) -> Option<usize> {
    let n = ctx.toks.len();
    let mut k = k;
    // "Jane Roe, 58, the founder of ...": skip the age.
    if k + 1 < n && ctx.word(k).chars().all(|c| c.is_ascii_digit()) && ctx.gap_after(k).trim() == "," {
        k += 1;
    }
    // "Jane Roe, who is the city's mayor, ...": skip "who is / who was".
    if k + 2 < n && ctx.word(k) == "who" && matches!(ctx.word(k + 1), "is" | "was" | "has been" | "had been" | "became") {
        k += 2;
        // ("who is also the ...")
        if k + 1 < n && ctx.word(k) == "also" {
            k += 1;
        }
        // "who was appointed by President X": a clause, not a role.
        let w = ctx.word(k);
        if w.chars().next().is_some_and(|c| c.is_lowercase())
            && !ctx.has(k, ROLE_HEAD | ROLE_MOD)
            && !matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "also" | "now" | "once" | "then")
        {
            return None;
        }
    }
    // "Jane Roe, who appears to be the mayor's sister, ...".
    if k + 4 < n
        && ctx.word(k) == "who"
        && matches!(ctx.word(k + 1), "appears" | "seems" | "appeared" | "seemed")
        && ctx.word(k + 2) == "to"
        && ctx.word(k + 3) == "be"
    {
        k += 4;
    }
    if k >= n {
        return None;
    }
    let first = ctx.word(k);
    // "I, Jane Roe, am declaring …": a finite verb opens a clause, not a role.
    if FINITE.contains(&first) {
        return None;
    }
    if matches!(
        first,
        "who"
            | "which"
            | "where"
            | "when"
            | "whose"
            | "whom"
            | "and"
            | "but"
            | "said"
            | "says"
            | "told"
            | "added"
            | "he"
            | "she"
            | "it"
            | "they"
            | "known"
            | "nicknamed"
            | "dubbed"
    ) {
        return None;
    }
    // "Jane Roe, as a newcomer, ...", "Jane Roe, over her ties to ...", "Jane Roe, (also)
    // rejects ...": a preposition or a verb opens an adverbial or a clause, not a role. ("from"
    // and "of the" say where a person comes from; a past form before a role noun gives one:
    // "Jane Roe, named chief executive in May, ...".)
    let opener = if first == "also" && k + 1 < n { k + 1 } else { k };
    let o = ctx.word(opener);
    let past_before_role = o.ends_with("ed") && opener + 1 < n && ctx.has(opener + 1, ROLE_HEAD | ROLE_MOD | PERSON_NOUN);
    // ("Jane Roe, tried to ...", "vowed to": a past form before "to" opens a clause.)
    let past_to = o.ends_with("ed") && opener + 1 < n && ctx.word(opener + 1) == "to";
    if past_to
        || (ctx.has(opener, VERB_FORM | VERB_STOP) && !past_before_role && !matches!(o, "now" | "once" | "then"))
        || (ctx.has(opener, STOP)
            && !past_before_role
            && o.chars().next().is_some_and(|c| c.is_lowercase())
            && !matches!(
                o,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those" | "from" | "of" | "also" | "then"
            ))
    {
        return None;
    }
    // "Jane Roe, explaining why ...": a clause, not a role.
    if first.ends_with("ing") && !ctx.has(k, ROLE_HEAD | PERSON_NOUN | ROLE_MOD) {
        return None;
    }
    Some(k)
}

/// Finite auxiliaries and forms of "be" and "have": after a name's comma they open a clause.
const FINITE: &[&str] = &[
    "am", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "shall", "may", "might", "must",
    "did", "does", "do",
];

/// The role phrase starting at token `k`: up to its punctuation, when it has a head (a role
/// noun, a common noun naming one person), or "from" and a capitalised name.
fn role_phrase(ctx: &Ctx, k: usize) -> Option<std::ops::Range<usize>> {
    let n = ctx.toks.len();
    let first = ctx.word(k);
    let mut end = k;
    let mut has_head = false;
    let mut j = k;
    // (Up to 10 words before its head, 24 in all: "president of the Harbour Workers Union
    // chapter at the port authority building in Gdansk".)
    let mut prep = false;
    let mut named = false;
    // (Whether the token before is the head.)
    let mut head_before = false;
    // (Whether a bracket opened inside the phrase is still open.)
    let mut open = false;
    // (Whether the phrase crossed the comma of a name and its campus: "University of Norland,
    // Varnhem graduate".)
    let mut campus = false;
    while j < n && j < k + if has_head { 24 } else { 10 } {
        let w = ctx.word(j);
        // (A common noun naming one person heads the phrase only before any preposition:
        // "a specialist in ...", not "each capable of seating 180 passengers".)
        // (A plural role noun far into the phrase is not its head: "... why officials in ...".)
        let is_head = (ctx.has(j, ROLE_HEAD) && (j < k + 3 || !plural_head(ctx, j))) || ((!prep || campus) && singular_person_noun(ctx, j));
        has_head |= is_head;
        if matches!(w, "of" | "for" | "at" | "in" | "with" | "from" | "on" | "to" | "by") {
            prep = true;
        }
        // "Jane Roe (D-Ohio), entrepreneur John Doe and ...": a list of people, not a role.
        if ctx.toks[j].cap && ctx.has(j, FIRST) && j + 1 < n && ctx.toks[j + 1].cap && !ctx.has(j, TITLE | NONPERSON) {
            named = true;
        }
        if named && w == "and" {
            return None;
        }
        // "Jane Roe, the state representative who wrote the bill, ...": the role ends at a
        // relative pronoun after its head.
        // So does a clause of time or reason: "party chairman when Ms. Roe was governor".
        if has_head && j > k + 1 && matches!(w, "who" | "whose" | "which" | "that" | "when" | "while" | "until" | "since" | "because") {
            break;
        }
        if ctx.has(j, SPEECH_VERB) && w.chars().next().is_some_and(|c| c.is_lowercase()) {
            // "Jane Roe, an obstetrician based in Varnhem told the paper …": the closing comma
            // left out, the phrase before the verb is still her role, when an indefinite
            // article opens it (not "Jane Roe, the mayor said, will …": a parenthetical).
            if has_head && matches!(first, "a" | "an") && comma_left_out(ctx, k, j) {
                break;
            }
            return None;
        }
        // Right after the head, a past form: "Jane Roe, the festival's founder appointed by the
        // board" (a role that ends there); "According to Jane Roe, her mother opened the shop"
        // (before an object or "to": the subject of a clause, no role).
        if head_before && let Some(clause) = verb_after_head(ctx, j) {
            if clause {
                return None;
            }
            break;
        }
        head_before = is_head;
        end = j + 1;
        let g = ctx.gap_after(j);
        // "attorney for the Harbour Workers Union (HWU)": a short name in brackets (a closing
        // one only when the phrase opened it: "(Jane Roe, chair and founder) runs ..." ends
        // there).
        if has_head && ((g == " (" && !open) || (g == ") " && open)) && j + 1 < n {
            open = g == " (";
            j += 1;
            continue;
        }
        // "the Arts & Crafts Guild's treasurer": an ampersand inside a name.
        if g == " & " && j + 1 < n && ctx.toks[j].cap && ctx.toks[j + 1].cap {
            j += 1;
            continue;
        }
        // "owner of the Hotel Alba near St. Mark's Square": an abbreviation's full stop inside
        // a name goes on.
        let abbreviation = g == ". "
            && j + 1 < n
            && ctx.toks[j + 1].cap
            && crate::lexicon::Lexicon::bundled().abbreviations.contains(w)
            && !ctx.has(j, FIRST);
        if !(is_space_gap(g) || g.is_empty() || abbreviation) {
            // "astronomer at the Harbour Institute in Varnhem, Norway": a place after "in" goes
            // on to its country or state.
            // "a recent University of California, Berkeley graduate": a name with its campus or
            // city after a comma, then the role's head.
            if g == ", " && !has_head && ctx.toks[j].cap && head_after_named_comma(ctx, j + 1) {
                campus = true;
                j += 1;
                continue;
            }
            if g == ", "
                && prep
                && let Some(m) = place_after_comma(ctx, j)
            {
                end = m;
                break;
            }
            if g.trim_start().starts_with(',') || g.trim_start().starts_with('.') || g.trim_start().starts_with(';')
                || g.trim_start().starts_with(')') || g.trim_start().starts_with('–') || g.trim_start().starts_with('-')
                // "By Jane Roe, Health Editor" ends its line.
                || g.trim_start_matches([' ', '\t', '\r']).starts_with('\n')
            {
                break;
            }
            return None;
        }
        j += 1;
    }
    if j >= k + if has_head { 24 } else { 10 } {
        return None;
    }
    // ("of" only before "the": "Jane Roe, of Torrance," says where she lives.)
    let of_the = first == "of" && k + 1 < n && ctx.word(k + 1) == "the";
    if has_head || ((first == "from" || of_the) && end > k + 1 && ctx.toks[k + 1..end].iter().any(|t| t.cap)) { Some(k..end) } else { None }
}

/// From token `k` (after a comma inside a capitalised name): one or two capitalised words, then
/// a lower-case noun for one person ("Berkeley graduate"), spaced, before the phrase's end.
fn head_after_named_comma(ctx: &Ctx, k: usize) -> bool {
    let n = ctx.toks.len();
    let mut j = k;
    while j < n && j < k + 2 && ctx.toks[j].cap && !ctx.toks[j].possessive && is_space_gap(ctx.gap_after(j)) {
        j += 1;
    }
    j > k && j < n && super::roles::singular_person_noun(ctx, j) && ctx.gap_after(j).trim_start().starts_with([',', '.', ';'])
}

/// Token `j` right after a role's head: `Some(true)` when it is a past form that opens a
/// clause (before a determiner, a possessive or "to": "her mother opened the shop", "the pilot
/// proved to be"), `Some(false)` when it is a past participle before "by" that ends the role ("the
/// founder appointed by the board"), `None` otherwise.
fn verb_after_head(ctx: &Ctx, j: usize) -> Option<bool> {
    let w = ctx.word(j);
    if !(ctx.has(j, VERB_FORM) || w.ends_with("ed")) || !w.chars().next().is_some_and(|c| c.is_lowercase()) || j + 1 >= ctx.toks.len() {
        return None;
    }
    match ctx.word(j + 1) {
        "by" => Some(false),
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "to" | "this" | "that" | "these" | "those" => Some(true),
        _ => None,
    }
}

/// After a place ending at token `j` ("in Varnhem,"), the end of the country or state that
/// follows its comma ("Norway", "South Dakota"), when it ends the phrase.
fn place_after_comma(ctx: &Ctx, j: usize) -> Option<usize> {
    let n = ctx.toks.len();
    // The place follows "in" and is capitalised up to the comma.
    let mut q = j;
    while q > 0 && q + 3 > j && ctx.toks[q].cap && ctx.word(q - 1) != "in" && is_space_gap(ctx.gap_before(q)) {
        q -= 1;
    }
    if q == 0 || ctx.word(q - 1) != "in" || !ctx.toks[q].cap {
        return None;
    }
    let mut e = j + 1;
    while e < n && e < j + 3 && ctx.toks[e].cap && !ctx.toks[e].possessive && (e == j + 1 || is_space_gap(ctx.gap_before(e))) {
        e += 1;
    }
    let ok =
        e > j + 1 && (j + 1..e).any(|x| ctx.has(x, NONPERSON)) && !ctx.has(j + 1, FIRST) && (e == n || !is_space_gap(ctx.gap_after(e - 1)));
    ok.then_some(e)
}

/// Whether the speech verb at token `j` ends an appositive that started at `k` and left out its
/// closing comma ("Jane Roe, an obstetrician based in Varnhem told the paper …"): a phrase of
/// two words or more before it, and the verb not set off itself ("Jane Roe, a source said, will
/// …" is a parenthetical).
fn comma_left_out(ctx: &Ctx, k: usize, j: usize) -> bool {
    j >= k + 2 && is_space_gap(ctx.gap_after(j))
}

/// A looser appositive, for roles only (never a cue that a name is a person): "Jane Roe, a
/// mother of three who ...", "Jane Roe, 27, a nurse at ...". An indefinite article, then up to
/// the next comma, full stop, dash or relative pronoun, whatever the noun.
pub fn appositive_indefinite(ctx: &Ctx, k: usize) -> Option<std::ops::Range<usize>> {
    let n = ctx.toks.len();
    let mut k = k;
    if k + 1 < n && ctx.word(k).chars().all(|c| c.is_ascii_digit()) && ctx.gap_after(k).trim() == "," {
        k += 1;
    }
    if k + 1 >= n || !matches!(ctx.word(k), "a" | "an") || !is_space_gap(ctx.gap_after(k)) {
        return None;
    }
    let mut j = k + 1;
    let mut prep = None;
    while j < n && j < k + 14 {
        let w = ctx.word(j);
        if matches!(w, "who" | "which" | "that" | "whose" | "where" | "when" | "whom") {
            return (j > k + 1).then_some(k..j);
        }
        if ctx.has(j, SPEECH_VERB) && w.chars().next().is_some_and(|c| c.is_lowercase()) {
            // (The closing comma left out: "Jane Roe, an obstetrician based in Varnhem told
            // the paper …", not "Jane Roe, a source said, will …".)
            return comma_left_out(ctx, k, j).then_some(k..j);
        }
        // ("Jane Roe, a man fined by the court": a past form before "by" ends the role; "Jane
        // Roe, a neighbour helped the police" is a clause.)
        if j > k + 1
            && let Some(clause) = verb_after_head(ctx, j)
        {
            return (!clause).then_some(k..j);
        }
        if prep.is_none() && j > k + 1 && matches!(w, "at" | "in" | "for" | "with" | "from" | "on" | "near") {
            prep = Some(j);
        }
        let g = ctx.gap_after(j);
        if !(is_space_gap(g) || g.is_empty()) {
            let t = g.trim_start();
            if t.starts_with([',', '.', ';', ')', '–', '—', '-', ':']) || t.is_empty() {
                return Some(k..j + 1);
            }
            return None;
        }
        j += 1;
    }
    prep.map(|p| k..p)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{tok, with_ctx};

    #[test]
    fn a_finite_verb_after_the_comma_opens_a_clause() {
        use crate::people::recognize::appositive_role;
        let t = "\"I, Qorvath Thrane, am declaring myself a candidate for mayor,\" the statement read.";
        crate::people::recognize::testing::with_ctx(t, |ctx| {
            let last = crate::people::recognize::testing::tok(ctx, "Thrane");
            assert_eq!(appositive_role(ctx, last + 1), None);
        });
    }
    use super::*;

    /// The appositive role after the name ending at `last`, as written.
    fn role(text: &str, last: &str) -> Option<String> {
        with_ctx(text, |ctx| {
            let k = appositive_start(ctx, tok(ctx, last)).or_else(|| named_role_start(ctx, tok(ctx, last)))?;
            let r = appositive_role(ctx, k).or_else(|| appositive_indefinite(ctx, k))?;
            Some(ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].end].to_string())
        })
    }

    #[test]
    fn a_role_after_a_comma() {
        assert_eq!(role("Then Maria Thrane, the depot manager, left.", "Thrane").as_deref(), Some("the depot manager"));
        assert_eq!(role("Then Maria Thrane, 41, the depot manager, left.", "Thrane").as_deref(), Some("the depot manager"));
        // A name with its campus after a comma inside the role.
        let t = "It was Maria Thrane, a recent University of Norland, Varnhem graduate.";
        assert_eq!(role(t, "Thrane").as_deref(), Some("a recent University of Norland, Varnhem graduate"));
        let t = "It was Maria Thrane, of the University of Norland, Varnhem, who spoke.";
        assert_ne!(role(t, "Thrane").as_deref(), Some("of the University of Norland, Varnhem"));
    }

    #[test]
    fn a_preposition_or_a_verb_after_the_comma_is_not_a_role() {
        assert_eq!(role("Maria Thrane, as a first-time candidate, faces a steep climb.", "Thrane"), None);
        assert_eq!(role("Critics attacked Maria Thrane, over her ties to the harbour board chairman.", "Thrane"), None);
        assert_eq!(role("Lawyers questioned Maria Thrane, tried to pin down the former mayor.", "Thrane"), None);
        assert_eq!(role("Rivals praised Maria Thrane, also criticised the deputy mayor.", "Thrane"), None);
        // A past form before a role noun gives the role.
        assert_eq!(role("Maria Thrane, named chief executive in May, spoke.", "Thrane").as_deref(), Some("named chief executive in May"));
        assert_eq!(role("Maria Thrane, now the depot manager, spoke.", "Thrane").as_deref(), Some("now the depot manager"));
    }

    #[test]
    fn a_verb_after_the_head_makes_a_clause() {
        assert_eq!(role("According to Maria Thrane, her mother opened the bakery in 1990.", "Thrane"), None);
        assert_eq!(role("Ask Maria Thrane, the harbour pilot proved to be the best.", "Thrane"), None);
        assert_eq!(role("Maria Thrane, the depot manager appointed by the board, spoke.", "Thrane").as_deref(), Some("the depot manager"));
    }

    #[test]
    fn a_clause_is_not_a_role() {
        assert_eq!(role("Then Maria Thrane, explaining the delay, left.", "Thrane"), None);
        assert_eq!(role("Then Maria Thrane, who was appointed in May, left.", "Thrane"), None);
    }

    #[test]
    fn who_is_without_its_comma() {
        assert_eq!(role("\"Fine,\" said Maria Thrane who is the harbour master.", "Thrane").as_deref(), Some("the harbour master"));
    }

    #[test]
    fn a_role_in_brackets() {
        let got = |t: &str| {
            with_ctx(t, |ctx| {
                bracket_role(ctx, tok(ctx, "Thrane")).map(|r| ctx.text[ctx.toks[r.start].start..ctx.toks[r.end - 1].end].to_string())
            })
        };
        assert_eq!(
            got("It came from Maria Thrane (head of the Harbour Party in Varnhem) last week.").as_deref(),
            Some("head of the Harbour Party in Varnhem")
        );
        assert_eq!(got("It came from Maria Thrane (D-Ohio) last week."), None);
        assert_eq!(got("It came from Maria Thrane (pictured) last week."), None);
    }

    #[test]
    fn a_role_after_a_bracket() {
        assert_eq!(role("Then Maria Thrane (D-Ohio), the committee chairman, left.", "Thrane").as_deref(), Some("the committee chairman"));
    }

    #[test]
    fn brackets_and_ampersands_inside_a_role() {
        assert_eq!(
            role("Then Maria Thrane, attorney for the Harbour Workers Union (HWU) in Gdansk, left.", "Thrane").as_deref(),
            Some("attorney for the Harbour Workers Union (HWU) in Gdansk")
        );
        // A bracket the phrase did not open ends it.
        assert_eq!(role("The Harbour Trust (Maria Thrane, chair and founder) runs it.", "Thrane").as_deref(), Some("chair and founder"));
        assert_eq!(
            role("\"Fine,\" said Maria Thrane, the Arts & Crafts Guild's treasurer.", "Thrane").as_deref(),
            Some("the Arts & Crafts Guild's treasurer")
        );
    }

    #[test]
    fn an_indefinite_role_whatever_its_noun() {
        assert_eq!(role("Then Maria Thrane, a mother of three who lives nearby, left.", "Thrane").as_deref(), Some("a mother of three"));
    }

    #[test]
    fn a_role_given_by_a_verb() {
        assert_eq!(role("Maria Thrane was named chief executive.", "Thrane").as_deref(), Some("chief executive"));
    }
}

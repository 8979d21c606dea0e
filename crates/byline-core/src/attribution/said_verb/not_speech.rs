//! Rejections of a reporting-verb cue: the word is a noun or an infinitive ("the claims", "to
//! say"), another sense of the verb ("claimed the lives of"), or an act still to come or said
//! in private.

use super::VerbCue;
use crate::attribution::pieces::Ctx;
use crate::attribution::pieces::words::{CONTRACTED, MODALS, NOUN_BEFORE};
use crate::document::Word;
use crate::lexicon::Flag;

/// Whether the cue reports nothing.
pub(super) fn rejected(v: &VerbCue) -> bool {
    other_sense(v) || is_noun(v) || unreported(v) || reduced_relative(v)
}

/// A participle that describes the noun before it, not a verb of that noun: "…, a factor cited
/// in the board's decision", "…, a figure repeated at every briefing". The noun is an
/// appositive (", a" or ", an" before it) and a preposition other than "by" follows (an agent
/// after "by" is the passive's source, read elsewhere).
fn reduced_relative(v: &VerbCue) -> bool {
    let (ctx, words, wi) = (v.ctx, v.words, v.wi);
    if !(v.prev_adjacent && wi >= 2 && v.form.ends_with("ed") && !v.form.contains(' ')) {
        return false;
    }
    let noun = &words[wi - 1];
    let article = &words[wi - 2];
    let after_comma = wi >= 3 && ctx.gap(words[wi - 3].span.end, article.span.start).trim() == ",";
    !ctx.is_cap(noun)
        && matches!(ctx.lw(article), "a" | "an")
        && ctx.gap_is_space(article.span.end, noun.span.start)
        && after_comma
        && v.words.get(v.we).is_some_and(|n| matches!(ctx.lw(n), "in" | "as" | "at" | "on" | "during" | "across"))
}

/// A noun, not a verb: after a number, a determiner or a possessive.
fn is_noun(v: &VerbCue) -> bool {
    let (ctx, form, prev_l) = (v.ctx, v.form, v.prev_l);
    // A number before it makes a noun: "3,000 calls for help".
    // Not a year after "in": "Acme in 2017 announced".
    let in_year = v.wi >= 2 && ctx.lw(&v.words[v.wi - 2]) == "in" && prev_l.len() == 4 && prev_l.bytes().all(|b| b.is_ascii_digit());
    if v.prev_adjacent && v.prev.is_some_and(|p| ctx.w(p).starts_with(|c: char| c.is_ascii_digit())) && !in_year {
        return true;
    }
    // A noun, not a verb: "the claims", "responding to claims".
    // A second verb of the subject in the past tense is a verb, not a noun: "The union valued
    // the deal and said …" (not for speech acts: "was arrested and charged").
    let coordinated =
        matches!(prev_l, "and" | "but") && !v.act && (form.ends_with("ed") || matches!(form, "said" | "told" | "wrote" | "says" | "tells"));
    // "issued an appeal for witnesses", "the call for calm": a phrasal cue after a determiner is
    // a noun phrase.
    let determiner = matches!(prev_l, "a" | "an" | "the" | "this" | "that" | "his" | "her" | "its" | "their");
    let lead_in = crate::attribution::pieces::noun_phrase::act_lead_in(ctx, v.words, v.wi).is_some();
    if v.prev_adjacent && NOUN_BEFORE.contains(&prev_l) && (!form.contains(' ') || determiner) && !coordinated && !lead_in {
        // "to say" etc.: an infinitive is not an attribution either.
        return true;
    }
    // "have the final say", "a greater say in": "say" after a determiner and an adjective is
    // the noun.
    if form == "say"
        && v.prev_adjacent
        && v.wi >= 2
        && v.prev.is_some_and(|p| !ctx.is_cap(p) && ctx.doc.is(p, crate::document::class::ADJECTIVE))
        && matches!(ctx.lw(&v.words[v.wi - 2]), "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "no" | "any")
    {
        return true;
    }
    // "the country's biggest coal-producing state", "a western state": "state" after an
    // adjective, a superlative or a compound is the noun (documents and rules "state").
    if matches!(form, "state" | "states")
        && v.prev_adjacent
        && v.prev.is_some_and(|p| {
            !ctx.is_cap(p)
                && (ctx.doc.is(p, crate::document::class::ADJECTIVE)
                    || prev_l.ends_with("est")
                    || prev_l.ends_with("ing")
                    || prev_l.contains('-'))
        })
    {
        return true;
    }
    // A speech act in the present needs a name or a pronoun right before it: "Jane Roe praises",
    // "she welcomes", not the nouns "200 volunteers", "the party's answers".
    // ("She also praises": one adverb may stand between.)
    let subject_word =
        |p: &Word, l: &str| (ctx.is_cap(p) && !ctx.doc.is(p, crate::document::class::NUMBER)) || matches!(l, "he" | "she" | "it");
    let after_adverb = v.wi >= 2
        && matches!(prev_l, "also" | "then" | "later" | "again" | "repeatedly" | "now" | "still" | "even")
        && subject_word(&v.words[v.wi - 2], ctx.lw(&v.words[v.wi - 2]));
    if v.act && form.ends_with('s') && !after_adverb && !v.prev.is_some_and(|p| subject_word(p, prev_l)) {
        return true;
    }
    // A base form after "a" and one lower-case word is a noun: "like a game show", "a working
    // estimate of 2031" (a singular subject after "a" would take "shows", "estimates").
    let base = v.rule.pattern.split([';', '|']).next().is_some_and(|lemma| lemma.trim() == form);
    if base
        && v.prev_adjacent
        && v.wi >= 2
        && v.prev.is_some_and(|p| !ctx.is_cap(p))
        && matches!(ctx.lw(&v.words[v.wi - 2]), "a" | "an" | "another" | "every" | "each")
        && ctx.gap_is_space(v.words[v.wi - 2].span.end, v.words[v.wi - 1].span.start)
    {
        return true;
    }
    // A noun after a possessive: "the union's claims", "Smith's pledge".
    v.prev_adjacent
        && !form.contains(' ')
        && (prev_l.ends_with("'s") || prev_l.ends_with("’s"))
        && !CONTRACTED.contains(&prev_l.replace('’', "'").as_str())
}

/// Another sense of the verb: an appeal with no "to" clause, "claim" as take, a verdict, a
/// hearing by something other than a court.
fn other_sense(v: &VerbCue) -> bool {
    let (ctx, words, we, first_form) = (v.ctx, v.words, v.we, v.first_form);
    // "appealed to party members to stay calm": counts only with "to" and a verb after its object.
    if v.rule.has(Flag::ObjectTo) && !object_then_to(ctx, words, we) {
        return true;
    }
    // "claimed his own reward", "claimed the lives of six people": claim as take, not say.
    if matches!(first_form, "claim" | "claims" | "claimed" | "claiming")
        && words.get(we).is_some_and(|n| {
            let l = ctx.lw(n);
            matches!(l, "his" | "her" | "its" | "their" | "our" | "my")
                || (l == "the" && words.get(we + 1).is_some_and(|m| matches!(ctx.lw(m), "lives" | "life" | "title" | "victory")))
        })
    {
        return true;
    }
    // "argues the government's cases before the court": to argue cases is to plead them, not
    // to say something ("argues the case for a levy" makes one).
    if matches!(first_form, "argue" | "argues" | "argued" | "arguing")
        && words.get(we).is_some_and(|n| matches!(ctx.lw(n), "the" | "a" | "his" | "her" | "its" | "their" | "our"))
        && words.iter().skip(we + 1).take(4).any(|w| matches!(ctx.lw(w), "cases" | "appeals"))
    {
        return true;
    }
    // "…, and it shows.": a verb of showing with a pronoun and nothing after it reports nothing.
    if v.rule.has(Flag::Evidence) && matches!(v.prev_l, "it" | "this" | "that") {
        let after = ctx.gap(v.cue.end, v.s.span.end).trim_start();
        if after.is_empty() || after.starts_with(['.', '!', ';']) {
            return true;
        }
    }
    // A verdict is an event, not a source: "a jury found him guilty on all counts".
    if matches!(first_form, "find" | "finds" | "found")
        && words.iter().skip(we).take(6).any(|w| matches!(ctx.lw(w), "guilty" | "liable" | "innocent"))
    {
        return true;
    }
    // "They requested anonymity because …", "asked not to be named": a request about the
    // sourcing itself, not a report.
    let next = |k: usize| words.get(k).map(|w| ctx.lw(w));
    if matches!(next(we), Some("anonymity"))
        || (matches!(next(we), Some("not")) && matches!(next(we + 1), Some("to")) && matches!(next(we + 2), Some("be")))
    {
        return true;
    }
    // "York Crown Court heard", "an inquest has heard", "the inquest at Leek Town Hall heard":
    // only a court or hearing hears evidence.
    v.rule.has(Flag::Court) && !court_before(v)
}

/// Whether a court or hearing is the subject before the cue, past auxiliaries and a place
/// ("the inquest at Leek Town Hall").
fn court_before(v: &VerbCue) -> bool {
    let (ctx, words) = (v.ctx, v.words);
    let court = |l: &str| matches!(l, "court" | "inquest" | "jury" | "tribunal" | "hearing" | "trial" | "committee");
    let mut k = v.wi;
    while k > 0 && matches!(ctx.lw(&words[k - 1]), "has" | "had" | "was" | "were" | "also" | "then" | "previously" | "earlier") {
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    if court(ctx.lw(&words[k - 1])) {
        return true;
    }
    // Back over a capitalised place after "at" or "in", up to five words.
    let mut j = k;
    while j > 0 && k - j < 5 && ctx.is_cap(&words[j - 1]) {
        j -= 1;
    }
    j >= 2 && j < k && matches!(ctx.lw(&words[j - 1]), "at" | "in") && court(ctx.lw(&words[j - 2]))
}

/// An account that is not a report: urged or pledged in a private exchange, or still to come.
fn unreported(v: &VerbCue) -> bool {
    // What was urged or pledged in a private exchange is an account that needs its own source.
    if v.rule.has(Flag::Public) && v.info.private(v.ctx, v.words) {
        return true;
    }
    // A speech act still to come is the claim's own event, not its source: "the ministry will
    // announce the figures", "she may reveal more".
    v.prev_adjacent && MODALS.contains(&v.prev_l) && !v.form.contains(' ')
}

/// Whether, within six words after word `we`, the object is followed by "to" and a verb
/// ("appealed to voters to stay at home"), with no punctuation between.
fn object_then_to(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    for k in we + 1..(we + 6).min(words.len().saturating_sub(1)) {
        if !ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
            return false;
        }
        if ctx.lw(&words[k]) == "to" {
            let v = &words[k + 1];
            return !ctx.is_cap(v) && !ctx.doc.is(v, crate::document::class::FUNCTION);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::attribution::fixtures::source_of;

    #[test]
    fn a_noun_after_a_possessive_or_determiner_is_no_cue() {
        assert_eq!(source_of("The union's claims were rejected outright.", "claims"), None);
        assert_eq!(source_of("Rescuers said the claims were false.", "claims"), None);
        let t = "Miners in Norland, the country's biggest coal-producing state, are hurt.";
        assert_eq!(source_of(t, "state"), None);
        assert!(!crate::claims::fixtures::findings(&format!("Intro.\n\n{t}")).is_empty());
        assert_eq!(source_of("It hurts farmers in the largest state, officials said.", "state"), None);
        assert!(source_of("Court documents state the boat sank at 9pm.", "state").is_some());
    }

    #[test]
    fn other_senses_are_no_cue() {
        assert_eq!(source_of("The fire claimed the lives of six people.", "claimed"), None);
        assert_eq!(source_of("A jury found him guilty on all counts.", "found"), None);
        let t = "Varga, 43, argues the government’s most consequential cases.";
        assert_eq!(source_of(t, "argues"), None);
        assert!(source_of("Varga argues the case for a levy is weak.", "argues").is_some());
        assert_eq!(source_of("The neighbours heard a loud bang.", "heard"), None);
        assert_eq!(source_of("The hall had a $12 million refit, and it shows.", "shows"), None);
        assert_eq!(source_of("They requested anonymity because the talks were private.", "requested"), None);
        assert_eq!(source_of("Two aides, who asked not to be named, said it was over.", "asked"), None);
    }

    #[test]
    fn an_act_still_to_come_is_no_cue() {
        assert_eq!(source_of("The ministry will announce the figures on Monday.", "announce"), None);
    }

    #[test]
    fn say_after_a_determiner_and_an_adjective_is_a_noun() {
        assert_eq!(source_of("The vote gives Parliament a final say on the deal.", "say"), None);
        assert_eq!(source_of("Residents want the final say over 40 new homes.", "say"), None);
    }

    #[test]
    fn a_base_form_after_a_and_a_noun_is_a_noun() {
        assert_eq!(source_of("He runs the council like a game show.", "show"), None);
        assert_eq!(source_of("The harbour master has a working estimate of 2031.", "estimate"), None);
        // Plural subjects take the base form: "The figures show a rise."
        assert!(source_of("The figures show a rise in fares.", "show").is_some());
    }

    #[test]
    fn a_participle_after_an_appositive_noun_is_no_cue() {
        let t = "Fares rose by a tenth, a factor cited in the board's decision to reopen two stations.";
        assert_eq!(source_of(t, "cited"), None);
        // A subject with its verb still is: "The police reported in a statement that …".
        let t = "The police reported in a statement that two men were held.";
        assert_eq!(source_of(t, "reported").map(|s| s.1), Some(crate::attribution::SourceKind::Named));
    }
}

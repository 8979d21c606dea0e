//! The complement pattern: a verb that needs what it reports after it ("said that", "warned:",
//! "expects revenue of $5bn"); without one, only evidence as its subject attributes ("Satellite
//! images released by X showed new deployments").

use super::{VerbCue, Verdict};
use crate::attribution::document_source::document_source;
use crate::attribution::pieces::Ctx;
use crate::attribution::pieces::words::{FINITE_AUX, PRONOUNS};
use crate::document::Word;
use crate::lexicon::Flag;

/// `None` when the cue has its complement; else the attribution an evidence subject makes, if
/// any.
pub(super) fn missing(v: &VerbCue) -> Verdict {
    if has_complement(v) {
        return None;
    }
    // "Satellite images released by X showed new deployments": evidence as the subject.
    if v.rule.has(Flag::Evidence) && !v.first_form.ends_with("ing") {
        let (ctx, s, words) = (v.ctx, v.s, v.words);
        let (np, main) = super::subject_before::subject_np(v);
        if let Some(r) = np
            && let Some((kind, source)) = document_source(ctx, s, words, r.clone(), r.end)
        {
            return Some(Some(v.attribution(source, kind, main)));
        }
    }
    Some(None)
}

/// Whether a verb that resumes a quotation does: a colon or a quotation mark follows it ("she
/// continued: “…”", "he went on, “…”"), or it ends the clause after a quotation ("…,” she
/// continued.").
pub(super) fn resumes_quotation(v: &VerbCue) -> bool {
    let after = v.ctx.gap(v.cue.end, v.s.span.end).trim_start();
    let after_comma = after.strip_prefix(',').map_or(after, str::trim_start);
    if after.starts_with(':') || after_comma.starts_with(['"', '“', '‘']) {
        return true;
    }
    // The quotation closes a few words before: "…,” she continued." (AP's ’’ too).
    let before = v.ctx.gap(v.s.span.start, v.cue.start);
    let closed_just_before = before.rfind(['”', '"']).or_else(|| before.rfind("’’")).is_some_and(|k| before.len() - k < 40);
    // ("“…,” remembers Jane Roe, with a laugh.": right after the quotation, the speaker after it.)
    let right_after_quote = before.trim_end().ends_with(['”', '"', '“']);
    (after.is_empty() || after.starts_with(['.', ';', ',']) || right_after_quote) && closed_just_before || parenthetical(before, after)
}

/// "Meanwhile, he continued, the board has cut fees": the verb and its subject (a pronoun or a
/// capitalised name) set off by commas inside reported speech.
fn parenthetical(before: &str, after: &str) -> bool {
    let Some((lead, subject)) = before.trim_end().rsplit_once(", ") else { return false };
    let words: Vec<&str> = subject.split(' ').collect();
    let named = |w: &&str| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
    let subject_ok = matches!(words.as_slice(), ["he" | "she" | "they"]) || (words.len() <= 3 && words.iter().all(named));
    !lead.trim().is_empty()
        && subject_ok
        && after.strip_prefix(',').is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_alphanumeric()))
}

/// Whether what follows the cue is its complement: the end of the clause, punctuation, "that"
/// (also after an adverbial), a pronoun, a determiner or a name, a quantity after a belief, or
/// a quotation before the subject.
fn has_complement(v: &VerbCue) -> bool {
    let (ctx, words, we, first_form, prev_l) = (v.ctx, v.words, v.we, v.first_form, v.prev_l);
    let after_text = ctx.gap(v.cue.end, v.s.span.end);
    let after_trim = after_text.trim_start();
    let cognition = v.rule.has(Flag::Cognition);
    let nw = words.get(we).map(|w| ctx.lw(w)).unwrap_or_default();
    let nw_cap = words.get(we).is_some_and(|w| ctx.is_cap(w));
    after_trim.is_empty()
        || after_trim.starts_with([':', ',', '.', '"', '“', '‘', '\'', '”', ';', '—', '–'])
        || nw == "that"
        || that_after_adverbial(ctx, words, v.wi, we)
        || PRONOUNS.contains(&nw)
        || matches!(nw, "the" | "a" | "an" | "there" | "this" | "these" | "those" | "his" | "its" | "their" | "no" | "any")
        || nw_cap
        // "denied allegations that …", "denies wrongdoing": a denial's object is what was said.
        || (matches!(first_form, "deny" | "denies" | "denied" | "denying")
            && matches!(
                nw,
                "allegations" | "allegation" | "claims" | "accusations" | "charges" | "reports" | "rumours" | "rumors" | "wrongdoing" | "involvement" | "responsibility" | "knowledge"
            ))
        // A belief or estimate with a quantity as its object: "the company expects revenue
        // of $5bn", "analysts had expected earnings of $2.68 a share" (a bare "expected" is
        // also a participle: "winds expected this afternoon").
        || (cognition
            && (!first_form.ends_with("ed") || (v.prev_adjacent && FINITE_AUX.contains(&prev_l)))
            && figure_soon(ctx, words, we))
        // After a finite auxiliary a belief verb is a verb, and its object is the belief:
        // "the agency has forecast heavy rain", "the council had estimated costs".
        || (cognition && v.prev_adjacent && matches!(prev_l, "has" | "have" | "had"))
        // The quotation before its subject is the complement: "“…,” Jane Roe wrote in a memo."
        || quote_before_subject(ctx, words, v.wi)
        // A characterisation: "has described the rules as 'woefully deficient'", "dismissed
        // the report as a smear".
        || ((first_form.starts_with("describ") || first_form.starts_with("dismiss")) && as_soon(ctx, words, we))
        // A clause without "that" after a finite verb: "the IMF projected consumer prices
        // would rise" (not "the only confirmed performers are", "the state playoffs are").
        || (finite(v) && clause_without_that(ctx, words, we))
}

/// For a form that is mostly a noun ([`Flag::Clause`]): whether it reads as a finite verb
/// followed by a clause, with or without "that" — a subject, then a modal, a form of "be" or
/// "has" within a few words ("the agency projects the region will retire …", "projects that
/// prices will rise"). "projects that will create jobs" is a relative clause on the noun.
pub(super) fn clause_follows(v: &VerbCue) -> bool {
    use crate::attribution::pieces::words::{BE, MODALS};
    if !finite(v) {
        return false;
    }
    let (ctx, words) = (v.ctx, v.words);
    let mut k = v.we;
    if words.get(k).is_some_and(|w| ctx.lw(w) == "that") {
        k += 1;
    }
    let start = k;
    let verb_like = |l: &str| MODALS.contains(&l) || BE.contains(&l) || matches!(l, "has" | "have" | "had");
    while k < words.len() && k < start + 8 && (k == v.we || ctx.gap_is_space(words[k - 1].span.end, words[k].span.start)) {
        let l = ctx.lw(&words[k]);
        if verb_like(l) {
            // A subject must come first.
            return k > start;
        }
        k += 1;
    }
    false
}

/// Whether the cue reads as a finite verb after its subject: a past or third-person form right
/// after a name, a pronoun or a noun.
fn finite(v: &VerbCue) -> bool {
    let form = v.first_form;
    let inflected = form.ends_with("ed") || (form.ends_with('s') && !form.ends_with("ss"));
    inflected
        && v.prev_adjacent
        && v.prev.is_some_and(|p| {
            use crate::document::class::{ADJECTIVE, FUNCTION};
            v.ctx.is_cap(p) || PRONOUNS.contains(&v.prev_l) || !v.ctx.doc.is(p, FUNCTION | ADJECTIVE)
        })
}

/// Whether a clause without "that" follows from word `we`: a short lower-case noun phrase, then
/// a modal or a finite "be"/"have" ("consumer prices would rise", "demand was slowing").
fn clause_without_that(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    use crate::attribution::pieces::words::{BE, MODALS};
    let spaced = |k: usize| ctx.gap_is_space(words[k - 1].span.end, words[k].span.start);
    let mut k = we;
    while k < words.len() && k < we + 5 && (k == we || spaced(k)) {
        let l = ctx.lw(&words[k]);
        if k > we
            && (MODALS.contains(&l) || (BE.contains(&l) && !matches!(l, "be" | "been" | "being")) || matches!(l, "has" | "have" | "had"))
        {
            return true;
        }
        if ctx.is_cap(&words[k]) || ctx.doc.is(&words[k], crate::document::class::FUNCTION) || l.ends_with("ly") {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether a "that" clause follows an adverbial right after the verb: "indicated earlier this
/// week that", "stressed on Thursday that", "confirmed in a statement sent to the media that".
/// Looks at most 14 words ahead, within the clause.
fn that_after_adverbial(ctx: &Ctx, words: &[Word], wi: usize, we: usize) -> bool {
    let Some(first) = words.get(we) else {
        return false;
    };
    let l = ctx.lw(first);
    let adverbial = ctx.is_time(first)
        || (l.ends_with("ly") && !ctx.is_cap(first))
        || matches!(
            l,
            "on" | "in"
                | "at"
                | "during"
                | "earlier"
                | "later"
                | "last"
                | "this"
                | "again"
                | "also"
                | "after"
                | "before"
                | "to"
                | "via"
                | "through"
                | "over"
        );
    if !adverbial {
        return false;
    }
    for k in we + 1..(we + 15).min(words.len()) {
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        // ("announced on Dec. 21 that": a short abbreviation's full stop.)
        let abbreviation = g == "." && ctx.is_cap(&words[k - 1]) && ctx.w(&words[k - 1]).len() <= 4;
        if !(g.is_empty() || g == "-" || g == "’" || g == "'" || abbreviation) {
            // "…, NASA announced on Monday, …", "…, the zoo announced in a post on X, …": a
            // short adverbial ends the clause, and what the verb reports came before it.
            return k - we <= 6 && g.starts_with([',', '.', ';', '—', '–', ':']) && trailing(ctx, words, wi);
        }
        match ctx.lw(&words[k]) {
            "that" => return true,
            "and" | "or" | "but" => return false,
            _ => {}
        }
    }
    // (A short adverbial ends the sentence: "… last month.", "… in a statement.")
    words.len() <= we + 4 && trailing(ctx, words, wi)
}

/// Whether the verb at word `wi` and its subject of at most four words follow a comma: the
/// source trails what it reports ("…, the company announced on Wednesday"), not a participle
/// after an object ("opposed a harbour board member confirmed in March").
fn trailing(ctx: &Ctx, words: &[Word], wi: usize) -> bool {
    (wi.saturating_sub(4).max(1)..wi).rev().any(|k| ctx.gap(words[k - 1].span.end, words[k].span.start).contains(','))
}

/// Whether a quotation closes right before a short subject of the verb at word `wi`:
/// "“…,” Jane Roe wrote", "“…!” the minister added". Looks back at most four words.
fn quote_before_subject(ctx: &Ctx, words: &[Word], wi: usize) -> bool {
    let lo = wi.saturating_sub(4).max(1);
    // (From the gap right before the verb: "“…,” wrote Jane Roe in her book.")
    for k in (lo..=wi.min(words.len().saturating_sub(1))).rev() {
        if !ctx.w(&words[k]).chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')) {
            return false;
        }
        let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
        if !g.is_empty() {
            let mut cs = g.chars().rev();
            return cs.next().is_some_and(|c| matches!(c, '”' | '"' | '’' | '\''))
                && cs.next().is_some_and(|c| matches!(c, ',' | '!' | '?' | '—'));
        }
    }
    false
}

/// Whether a figure follows within a few words of word `i` ("earnings of $2.68 a share").
fn figure_soon(ctx: &Ctx, words: &[Word], i: usize) -> bool {
    words.iter().skip(i).take(5).any(|w| {
        ctx.w(w).trim_start_matches(['$', '£', '€', '¥']).starts_with(|c: char| c.is_ascii_digit())
            || ctx.text[..w.span.start].ends_with(['$', '£', '€', '¥']) && ctx.w(w).starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Whether "as" comes within eight words after word `we`, in the same clause (no comma or
/// semicolon before it).
fn as_soon(ctx: &Ctx, words: &[Word], we: usize) -> bool {
    for k in we..words.len().min(we + 8) {
        if k > we && ctx.gap(words[k - 1].span.end, words[k].span.start).contains([',', ';', ':']) {
            return false;
        }
        if ctx.lw(&words[k]) == "as" {
            return k > we;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn a_clause_without_that_is_a_complement() {
        let t = "The harbour board projected cargo volumes would fall by 12 percent.";
        assert_eq!(source_of(t, "projected").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("The board estimated demand was slowing.", "estimated").map(|s| s.1), Some(SourceKind::Named));
    }

    #[test]
    fn a_form_that_is_mostly_a_noun_is_a_verb_only_before_a_clause() {
        let t = "If the rule holds, the agency projects the region will shed 30 plants by 2030.";
        assert_eq!(source_of(t, "projects").map(|s| s.1), Some(SourceKind::Named));
        let t = "The energy office projects that prices will rise 12 percent.";
        assert_eq!(source_of(t, "projects").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("The council approved housing projects that will create 300 jobs.", "projects"), None);
        assert_eq!(source_of("The projects the council approved will cost $40m.", "projects"), None);
        assert_eq!(source_of("Road projects in the region cost $40m.", "projects"), None);
    }

    #[test]
    fn that_and_a_quantity_are_complements() {
        assert_eq!(source_of("The minister said that the port would reopen.", "said").map(|s| s.1), Some(SourceKind::Named));
        assert!(source_of("The company expects revenue of $5bn this year.", "expects").is_some());
    }

    #[test]
    fn an_adverbial_then_the_clause_end_or_that() {
        let t = "The ferry service will stop in May, the harbour board announced on Monday.";
        assert_eq!(source_of(t, "announced").map(|s| s.1), Some(SourceKind::Named));
        let t = "The pier was closed after a storm, the council announced in a post on its website, citing damage.";
        assert_eq!(source_of(t, "announced").map(|s| s.1), Some(SourceKind::Named));
        let t = "The harbour board announced on Dec. 21 that the ferry would stop.";
        assert_eq!(source_of(t, "announced").map(|s| s.1), Some(SourceKind::Named));
        // Not a participle after an object, nor before a coordinated clause.
        let t = "She opposed a harbour board member confirmed last week, the minutes show.";
        assert_eq!(source_of(t, "confirmed"), None);
        // An object after the adverbial is what was announced, an act: no complement.
        assert_eq!(source_of("The board announced earlier this week a new timetable for the ferry.", "announced"), None);
    }

    #[test]
    fn no_complement_no_cue() {
        assert_eq!(source_of("The coach repeated twice.", "repeated"), None);
    }

    #[test]
    fn evidence_as_subject_names_its_publisher() {
        let t = "Satellite images released by Maxar showed new deployments.";
        assert_eq!(source_of(t, "showed").map(|s| s.1), Some(SourceKind::Named));
    }

    #[test]
    fn described_as_is_a_characterisation() {
        let t = "Even Jane Roe, the harbour master, has described the safety rules as 'woefully deficient'.";
        assert_eq!(source_of(t, "described").and_then(|s| s.0).as_deref(), Some("Even Jane Roe"));
        assert_eq!(source_of("The report described conditions in the halls.", "described"), None);
    }
}

//! The subject-before patterns: the source phrase before the verb ("Dmitry Peskov said", "the
//! agency is predicting"), the subject of a second verb ("X welcomed the plan but said …"), and
//! for a speech act, a named subject that opens the sentence.

use super::VerbCue;
use crate::attribution::document_source::document_source;
use crate::attribution::pieces::classify::{classify, indefinite_thing};
use crate::attribution::pieces::ends_clause_mark;
use crate::attribution::pieces::noun_phrase::{np_after, np_before, np_before_plain};
use crate::attribution::{Attribution, SourceKind};
use crate::lexicon::Flag;

/// Progressive after a form of "be": "the agency is predicting", "critics are warning", also
/// with an adverb between ("the university is also predicting", "analysts are now warning").
/// Not "are responding to calls" (an action with a preposition after it).
pub(super) fn is_progressive(v: &VerbCue) -> bool {
    progressive_be(v).is_some()
}

/// The index of the form of "be" of a progressive cue ([`is_progressive`]).
fn progressive_be(v: &VerbCue) -> Option<usize> {
    let (ctx, words, wi) = (v.ctx, v.words, v.wi);
    if !(v.first_form.ends_with("ing") && v.prev_adjacent) {
        return None;
    }
    let is_be = |k: usize| matches!(ctx.lw(&words[k]), "is" | "are" | "was" | "were" | "been");
    let be = if is_be(wi - 1) {
        wi - 1
    } else if wi >= 2
        && (matches!(v.prev_l, "also" | "still" | "now" | "already") || v.prev_l.ends_with("ly") && !ctx.is_cap(&words[wi - 1]))
        && ctx.gap_is_space(words[wi - 2].span.end, words[wi - 1].span.start)
        && is_be(wi - 2)
    {
        wi - 2
    } else {
        return None;
    };
    let preposition_after = words
        .get(words.partition_point(|w| w.span.end <= v.cue.end))
        .is_some_and(|n| matches!(ctx.lw(n), "to" | "for" | "with" | "at" | "in" | "on" | "from" | "by" | "into" | "over" | "about"));
    (!preposition_after).then_some(be)
}

/// The subject of a progressive (or of a state of mind after "be"), before its form of "be".
pub(super) fn progressive_subject(v: &VerbCue) -> Option<Attribution> {
    let be = progressive_be(v).unwrap_or(v.wi - 1);
    let (np, main) = np_before(v.ctx, v.s, v.words, be);
    let head = np.as_ref()?.end - 1;
    let (kind, source) = classify(v.ctx, v.s, v.words, np);
    // (A speech act of an unnamed subject only when it can speak: not "when a contagious illness
    // is circulating".)
    if v.act && kind == SourceKind::Anonymous && !can_speak(v, head) {
        return None;
    }
    Some(v.attribution(source, kind, main))
}

/// Whether word `k`, the head of a source phrase, names someone who can speak: a person or a
/// group, a source's role, or a share of people ("a growing number").
fn can_speak(v: &VerbCue, k: usize) -> bool {
    use crate::document::class;
    let w = &v.words[k];
    let l = v.ctx.lw(w);
    v.ctx.doc.is(w, class::ANONYMOUS_SOURCE | class::SOURCE_ROLE | class::COLLECTIVE | class::VAGUE_SOURCE)
        || crate::people::lexicon::PeopleLexicon::bundled().is_person_noun(l)
        || matches!(l, "number" | "majority" | "handful" | "lot" | "host" | "minority" | "few" | "some" | "many" | "one")
}

/// A second verb of the subject: "X welcomed the plan but said …".
pub(super) fn second_verb(v: &VerbCue) -> Option<Attribution> {
    let np = np_after(v.ctx, v.words, 0);
    np.as_ref()?;
    let (kind, source) = classify(v.ctx, v.s, v.words, np);
    Some(v.attribution(source, kind, true))
}

/// The source before the verb.
pub(super) fn subject_before(v: &VerbCue) -> Option<Attribution> {
    let (ctx, s, words) = (v.ctx, v.s, v.words);
    let (np, main) = subject_np(v);
    np.as_ref()?;
    // A document as the subject of a verb of showing: "figures published last month showed"
    // names no publisher.
    let doc = if v.rule.has(Flag::Evidence) { np.clone().and_then(|r| document_source(ctx, s, words, r.clone(), r.end)) } else { None };
    let opens = np.as_ref().is_some_and(|r| opens_sentence(v, r));
    let (kind, source) = doc.unwrap_or_else(|| classify(ctx, s, words, np.clone()));
    // "like a game show", "one of their meetings found": a thing, not an anonymous source.
    if kind == SourceKind::Anonymous && np.is_some_and(|r| indefinite_thing(ctx, words, r)) {
        return None;
    }
    // A speech act makes an attribution only as the main verb of a named subject ("the union
    // condemned the ruling"), not in "documents disclosed last week" or "a move critics hailed".
    if v.act && !(main && opens && matches!(kind, SourceKind::Named | SourceKind::Pronoun)) {
        return None;
    }
    Some(v.attribution(source, kind, main))
}

/// The source phrase before the verb, before a parenthetical in dashes when the verb follows
/// one, and whether it governs the main clause.
pub(super) fn subject_np(v: &VerbCue) -> (Option<std::ops::Range<usize>>, bool) {
    np_before(v.ctx, v.s, v.words, dash_parenthetical_start(v).unwrap_or(v.wi))
}

/// "The mayor – who took office in May – said", "a timeline published on Friday – at the
/// request of the inquiry – shows": when the verb follows a parenthetical set off by dashes,
/// its subject is before the parenthetical. The index of the parenthetical's first word.
fn dash_parenthetical_start(v: &VerbCue) -> Option<usize> {
    let (ctx, words, wi) = (v.ctx, v.words, v.wi);
    let dash = |k: usize| {
        let g = ctx.gap(words[k].span.end, words[k + 1].span.start);
        matches!(g.trim(), "–" | "—") || (g.trim() == "-" && g.starts_with(' ') && g.ends_with(' '))
    };
    if wi < 3 || !dash(wi - 1) {
        return None;
    }
    // The opening dash, at most 15 words back, with a word before it.
    (wi.saturating_sub(16).max(1)..wi - 1).rev().find(|&k| dash(k - 1))
}

/// A speech act counts only with a subject that opens the sentence or follows an opening
/// phrase ("On Friday, the union condemned …"), not in a later clause ("…, but coach X
/// vouched for him"): the sentence is then that act, not an event someone else reports.
fn opens_sentence(v: &VerbCue, r: &std::ops::Range<usize>) -> bool {
    let (ctx, s, words) = (v.ctx, v.s, v.words);
    let opens_at = |k: usize| {
        k == 0 || {
            let g = ctx.gap(words[k - 1].span.end, words[k].span.start).trim();
            ends_clause_mark(g) || g.ends_with(['—', '–', ':'])
        }
    };
    // A coordinated subject opens it too: "union spokesman A and party spokesperson B flayed".
    opens_at(r.start)
        || r.start >= 2
            && ctx.lw(&words[r.start - 1]) == "and"
            && ctx.gap_is_space(words[r.start - 1].span.end, words[r.start].span.start)
            && np_before_plain(ctx, s, words, r.start - 1).0.is_some_and(|r2| {
                opens_at(r2.start) && (r2.start..r2.end).any(|i| ctx.is_cap(&words[i]) && words[i].span.start > s.span.start + 1)
            })
}

#[cfg(test)]
mod tests {
    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn the_subject_before_the_verb() {
        let t = "Dmitry Peskov, the Kremlin spokesman, told reporters the talks were over.";
        assert_eq!(source_of(t, "told"), Some((Some("Dmitry Peskov".into()), SourceKind::Named)));
    }

    #[test]
    fn a_progressive_and_a_second_verb() {
        assert_eq!(source_of("The agency is predicting heavy rain.", "predicting"), Some((Some("The agency".into()), SourceKind::Named)));
        // The phrase from the sentence start runs to the first stop word: "The union welcomed
        // the plan" (only its kind matters downstream).
        let t = "The union welcomed the plan but said it came too late.";
        assert_eq!(source_of(t, "said"), Some((Some("The union welcomed the plan".into()), SourceKind::Named)));
    }

    #[test]
    fn a_progressive_with_an_adverb_after_be() {
        let t = "Coastal University, which released its survey on Monday, is also predicting a fall in fish stocks.";
        assert_eq!(source_of(t, "predicting"), Some((Some("Coastal University".into()), SourceKind::Named)));
        // Still not an action with a preposition after it.
        assert_eq!(source_of("Crews are now responding to calls from the harbour.", "responding"), None);
        // A speech act's progressive, only of a named subject.
        assert_eq!(source_of("Leaving is hard when a stomach bug is circulating in town.", "circulating"), None);
    }

    #[test]
    fn a_participle_and_its_adverb_after_a_plural_subject() {
        let t = "Many harbour workers working remotely fear the office is unsafe.";
        assert_eq!(source_of(t, "fear"), Some((Some("Many harbour workers".into()), SourceKind::Vague)));
    }

    #[test]
    fn a_label_in_brackets_after_the_name() {
        let t = "Rep. Ilka Brandvold (D-Ore.) said the bill would pass.";
        // (The phrase is a range of words: it ends at the label's last word.)
        assert_eq!(source_of(t, "said"), Some((Some("Rep. Ilka Brandvold (D-Ore".into()), SourceKind::Named)));
        let t = "At the hearing, Sen. Ilka Brandvold (R-Texas) pushed for a vote on 40 bills.";
        assert_eq!(source_of(t, "pushed for").map(|s| s.1), Some(SourceKind::Named));
    }

    #[test]
    fn the_subject_before_a_parenthetical_in_dashes() {
        let t = "The mayor – who took office in May – said the ferries would stop 12 days early.";
        assert_eq!(source_of(t, "said"), Some((Some("The mayor".into()), SourceKind::Named)));
        let t = "Councillor Ida Berg - a fellow islander - said 40 homes were flooded.";
        assert_eq!(source_of(t, "said"), Some((Some("Councillor Ida Berg".into()), SourceKind::Named)));
    }

    #[test]
    fn a_document_before_a_parenthetical_in_dashes() {
        let t = "A report published by the harbour board on Monday – at the request of the regulator – shows fees rose in March.";
        assert_eq!(source_of(t, "shows").map(|s| s.1), Some(SourceKind::Named));
        let t = "But a report published by the harbour board after 5pm on Monday – at the request of the regulator – shows fees rose.";
        assert_eq!(source_of(t, "shows").map(|s| s.1), Some(SourceKind::Named));
    }

    #[test]
    fn a_verb_that_resumes_a_quotation() {
        let t = "She continued: “Nobody asked the people who live here.”";
        assert_eq!(source_of(t, "continued").map(|s| s.1), Some(SourceKind::Pronoun));
        let t = "“Nobody asked us,” Councillor Ida Berg went on.";
        assert_eq!(source_of(t, "went on").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("The talks continued into the night.", "continued"), None);
        assert_eq!(source_of("Prices continued to rise in March.", "continued"), None);
        assert_eq!(source_of("The harbour board’s work continued.", "continued"), None);
        assert_eq!(source_of("She went on to win the seat in 2019.", "went on"), None);
        let t = "“Those goats were clever,” remembers Ilsa Brandvold, the keeper, with a laugh.";
        assert_eq!(source_of(t, "remembers").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("She remembers the flood of 1953.", "remembers"), None);
        // Set off by commas inside reported speech.
        let t = "Meanwhile, he continued, the board has cut fees on 40 items.";
        assert_eq!(source_of(t, "continued").map(|s| s.1), Some(SourceKind::Pronoun));
        assert!(crate::claims::fixtures::findings(&format!("Councillor Ida Berg said the fund was empty. {t}")).is_empty());
        assert_eq!(source_of("In May, the talks continued, and a deal came in June.", "continued"), None);
        let t = "“Three in four families got nothing,” wrote sociologist Ilsa Brandvold in her book.";
        assert_eq!(source_of(t, "wrote").map(|s| s.1), Some(SourceKind::Named));
    }

    /// Whether the attribution of `cue` governs the sentence's main clause.
    fn main_of(t: &str, cue: &str) -> Option<bool> {
        crate::analyze(t, crate::Format::Plain).attributions.iter().find(|a| &t[a.cue.clone()] == cue).map(|a| a.main)
    }

    #[test]
    fn the_sentence_starts_again_after_a_dateline() {
        assert_eq!(main_of("(WXN) — Ilsa Brandvold said the board will try to delay the vote.", "said"), Some(true));
        assert_eq!(main_of("The fund – Ilsa Brandvold said – will close.", "said"), Some(false));
    }

    #[test]
    fn a_relative_named_after_her_role_after_an_opening_phrase() {
        let t = "Speaking after the flood, her mum Ami said: “She was very kind.”";
        assert_eq!(main_of(t, "said"), Some(true));
    }

    #[test]
    fn a_court_speaks_as_a_body() {
        let t = "A man was found dead at his home, an inquest has heard.";
        assert_eq!(source_of(t, "heard").map(|s| s.1), Some(SourceKind::Named));
        let t = "Tom Reed had been unwell, the inquest at Leek Town Hall heard.";
        assert_eq!(source_of(t, "heard").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("The neighbours at Leek heard a bang.", "heard"), None);
    }

    #[test]
    fn an_act_after_went_on_to_or_an_adverb() {
        let t = "Brandvold went on to argue that the board must go further.";
        assert_eq!(source_of(t, "argue"), Some((Some("Brandvold".into()), SourceKind::Named)));
        let t = "He also praises such longtime allies as Tom Reed.";
        assert_eq!(source_of(t, "praises").map(|s| s.1), Some(SourceKind::Pronoun));
        assert_eq!(source_of("He wants to argue that the board erred.", "argue"), None);
    }

    #[test]
    fn a_denial_of_allegations_and_a_tribute() {
        let t = "Reed denied allegations by Brandvold that he had lied.";
        assert_eq!(source_of(t, "denied").map(|s| s.1), Some(SourceKind::Named));
        let t = "Reed's family issued a tribute for him via the harbour police.";
        assert_eq!(source_of(t, "issued a tribute").map(|s| s.1), Some(SourceKind::Named));
        let t = "The Harbour Young Democrats released a statement distancing themselves from 12 flyers.";
        assert_eq!(source_of(t, "released a statement").map(|s| s.1), Some(SourceKind::Named));
        assert!(crate::claims::fixtures::findings(t).is_empty());
    }

    #[test]
    fn a_quoted_title_before_the_role() {
        let t = "But “Night Shift” actress Dana Whitlow said the award went to the newcomer.";
        assert_eq!(source_of(t, "said").map(|s| s.1), Some(SourceKind::Named));
    }

    #[test]
    fn a_speech_act_needs_a_named_subject_that_opens_the_sentence() {
        assert_eq!(source_of("The union condemned the ruling.", "condemned").map(|s| s.1), Some(SourceKind::Named));
        assert_eq!(source_of("It was a move critics condemned.", "condemned"), None);
    }
}

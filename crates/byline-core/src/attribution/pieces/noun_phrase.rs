//! The noun-phrase pieces: the source phrase after a word (`np_after`), the one before a verb
//! (`np_before`, with appositives, titles and time phrases skipped), and whether that phrase
//! governs the main clause (`main_before`).

use super::Ctx;
use super::appositive::{appositive_before, spans_appositive};
use super::time_phrase::time_word;
use super::titles::{abbreviation, is_acronym, title_start};
use super::words::*;
use crate::document::{Word, class};
use crate::sentences::Sentence;

/// The source phrase after word `i`: an optional determiner and the words of a noun phrase.
pub(crate) fn np_after(ctx: &Ctx, words: &[Word], i: usize) -> Option<std::ops::Range<usize>> {
    let mut j = i;
    let mut end = i;
    while j < words.len() && j < i + 10 {
        if j > i
            && !ctx.gap_is_space(words[j - 1].span.end, words[j].span.start)
            && !(ctx.gap(words[j - 1].span.end, words[j].span.start).trim() == "." && abbreviation(ctx, &words[j - 1]))
        {
            // Only a possessive, a hyphen or an abbreviation's full stop ("Rep. Jane Roe")
            // joins words across punctuation.
            break;
        }
        let l = ctx.lw(&words[j]);
        if j > i && (STOP_IN_NP.contains(&l) || RELATIVE.contains(&l) || l == "and" || l == "but") {
            break;
        }
        if j > i && !ctx.is_cap(&words[j]) && MODALS.contains(&l) {
            break;
        }
        if j > i
            && !ctx.is_cap(&words[j])
            && ctx.is_cap(&words[j - 1])
            && !ctx.doc.is(&words[j], class::SOURCE_ROLE)
            && l != "of"
            && l != "for"
            && l != "from"
            && l != "close"
        {
            // "said Mr Borrell yesterday"
            if !ctx.doc.is(&words[j], class::ANONYMOUS_SOURCE) {
                break;
            }
        }
        end = j + 1;
        if PRONOUNS.contains(&l) {
            break;
        }
        j += 1;
    }
    (end > i).then_some(i..end)
}

/// The source phrase before the verb at word `wi`, and whether the attribution governs the
/// main clause. A short label in brackets between a name and its verb (past the verb's
/// adverbials) belongs to the name: an acronym ("Singapore Press Holdings (SPH) reported", "the
/// United Arab Emirates (UAE), warned"), a party and state ("Rep. Jane Roe (D-Ore.) said").
pub(crate) fn np_before(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> (Option<std::ops::Range<usize>>, bool) {
    np_before_label(ctx, s, words, skip_adverbials(ctx, words, wi)).unwrap_or_else(|| np_before_plain(ctx, s, words, wi))
}

/// The name and its bracketed label ending right before word `j`, if there is one.
fn np_before_label(ctx: &Ctx, s: &Sentence, words: &[Word], j: usize) -> Option<(Option<std::ops::Range<usize>>, bool)> {
    // (The gap closes the brackets, after an abbreviation's full stop, with a comma at most.)
    if j < 2
        || j >= words.len()
        || !matches!(ctx.gap(words[j - 1].span.end, words[j].span.start).trim().trim_start_matches('.'), ")" | "),")
    {
        return None;
    }
    let open = (j.saturating_sub(3).max(1)..j).rev().find(|&k| ctx.gap(words[k - 1].span.end, words[k].span.start).trim() == "(")?;
    let inside = &ctx.text[words[open].span.start..words[j - 1].span.end];
    if inside.len() > 16 || inside.contains(['(', ')']) || !ctx.is_cap(&words[open]) {
        return None;
    }
    let (name, main) = np_before_plain(ctx, s, words, open);
    let name = name.filter(|n| (n.start..n.end).any(|i| ctx.is_cap(&words[i])))?;
    Some((Some(name.start..j), main))
}

/// The source phrase before the verb at word `wi` (a bracketed acronym not joined to its name),
/// and whether the attribution governs the main clause.
pub(crate) fn np_before_plain(ctx: &Ctx, s: &Sentence, words: &[Word], wi: usize) -> (Option<std::ops::Range<usize>>, bool) {
    let j = skip_participle(ctx, words, skip_adverbials(ctx, words, wi), wi);
    if j == 0 {
        return (None, false);
    }
    let appositive = appositive_before(ctx, words, j);
    let end = appositive.as_ref().map_or(j, |app| app.start); // exclusive
    let start = phrase_start(ctx, s, words, end);
    if start == end {
        return (None, false);
    }
    // With an appositive, the name may be inside it: "the top general, Jane Doe, said".
    if let Some(app) = appositive
        && spans_appositive(ctx, words, start..end, &app)
    {
        return (Some(start..app.end), main_before(ctx, words, start));
    }
    (Some(start..end), main_before(ctx, words, start))
}

/// "Many employees working remotely fear", "residents living nearby say": a participle with
/// only adverbs after it (ending at `j`, before the verb at `wi`) after a plural subject is part
/// of that subject; the index where the subject's own words end.
fn skip_participle(ctx: &Ctx, words: &[Word], j: usize, wi: usize) -> usize {
    if j < 2 || j == wi {
        return j;
    }
    let p = &words[j - 1];
    let n = &words[j - 2];
    let l = ctx.lw(p);
    let plural = ctx.lw(n).ends_with('s') && !ctx.is_cap(n) || ctx.doc.is(n, class::COLLECTIVE | class::VAGUE_SOURCE);
    if l.len() > 5 && l.ends_with("ing") && !ctx.is_cap(p) && plural && ctx.gap_is_space(n.span.end, p.span.start) { j - 1 } else { j }
}

/// "went on to argue", "proceeded to say", "was quick to point out": the verb before "to" says
/// the act took place, so its subject is the speaker's. The index of that phrase's first word
/// when word `wi` follows one.
pub(crate) fn act_lead_in(ctx: &Ctx, words: &[Word], wi: usize) -> Option<usize> {
    if wi < 2 || ctx.lw(&words[wi - 1]) != "to" {
        return None;
    }
    let spaced = |a: usize| (a..wi).all(|k| ctx.gap_is_space(words[k].span.end, words[k + 1].span.start));
    let b = ctx.lw(&words[wi - 2]);
    if matches!(b, "proceeded" | "proceeds") && spaced(wi - 2) {
        return Some(wi - 2);
    }
    let a = ctx.lw(&words[wi.checked_sub(3)?]);
    let lead = (b == "on" && matches!(a, "went" | "goes" | "go" | "going" | "gone"))
        || (b == "quick" && matches!(a, "was" | "were" | "is" | "are"));
    (lead && spaced(wi - 3)).then_some(wi - 3)
}

/// Skip auxiliaries, adverbs and time phrases before word `wi`: "has also said", "on Sunday
/// said", "last week", "in March", "in 2017". The index where the phrase before them ends.
fn skip_adverbials(ctx: &Ctx, words: &[Word], wi: usize) -> usize {
    let mut j = act_lead_in(ctx, words, wi).unwrap_or(wi);
    while j > 0 {
        let w = &words[j - 1];
        let l = ctx.lw(w);
        // The first gap may be the opening dash of a parenthetical the verb follows: "a report
        // published on Monday – at the regulator's request – shows".
        let adjacent = ctx.gap_is_space(w.span.end, words[j].span.start)
            || j == wi && matches!(ctx.gap(w.span.end, words[j].span.start), " – " | " — " | " - ");
        if adjacent && (AUX.contains(&l) || l.ends_with("ly") && !ctx.is_cap(w)) {
            j -= 1;
            continue;
        }
        // "on Sunday", "last week", "in March", "in 2017"
        let year = l.len() == 4 && (l.starts_with("19") || l.starts_with("20")) && l.bytes().all(|b| b.is_ascii_digit());
        // "after 5pm", "at noon", "by Friday"
        let clock =
            matches!(l, "noon" | "midnight") || l.starts_with(|c: char| c.is_ascii_digit()) && (l.ends_with("am") || l.ends_with("pm"));
        let before = ctx.lw(&words[j.saturating_sub(2)]);
        if adjacent
            && j >= 2
            && (matches!(before, "on" | "last" | "this") && ctx.is_time(w)
                || before == "in" && (year || ctx.is_time(w))
                || matches!(before, "at" | "after" | "before" | "by" | "until") && (clock || ctx.is_time(w)))
            && ctx.gap_is_space(words[j - 2].span.end, w.span.start)
        {
            j -= 2;
            continue;
        }
        break;
    }
    j
}

/// Where a source phrase that ends before word `end` starts: walks back over capitalised
/// words, particles ("von der"), determiners with their connectors ("the head of the"), a
/// participle's agent ("analysts polled by LSEG") and a title before a name, up to ten words.
fn phrase_start(ctx: &Ctx, s: &Sentence, words: &[Word], end: usize) -> usize {
    let mut start = end;
    let mut prev_cap = false;
    let mut run_to_end = true;
    while start > 0 && end - start < 10 {
        let w = &words[start - 1];
        if start < end && !ctx.gap_is_space(w.span.end, words[start].span.start) {
            let g = ctx.gap(w.span.end, words[start].span.start);
            // "U.N. special rapporteurs", "Rep. Jane Roe": an abbreviation's full stop.
            if !(g == "’" || g == "'" || g == "-" || (g.trim() == "." && abbreviation(ctx, w))) {
                break;
            }
        }
        let l = ctx.lw(w);
        let cap = ctx.is_cap(w);
        let at_sentence_start = w.span.start <= s.span.start + 4;
        if let Some(back) = joined_phrase(ctx, words, start..end, l, prev_cap && run_to_end) {
            start -= back;
            run_to_end = false;
            prev_cap = false;
            continue;
        }
        // "the Indian Council of Medical Research or ICMR": a name and its acronym.
        if l == "or"
            && start + 1 == end
            && start >= 2
            && is_acronym(ctx.w(&words[start]))
            && ctx.is_cap(&words[start - 2])
            && ctx.gap_is_space(words[start - 2].span.end, w.span.start)
        {
            start -= 1;
            prev_cap = false;
            continue;
        }
        if (STOP_IN_NP.contains(&l) || RELATIVE.contains(&l) || CONJ.contains(&l)) && (!cap || at_sentence_start) && !is_acronym(ctx.w(w)) {
            break;
        }
        if DETERMINERS.contains(&l) && !cap {
            let (st, more) = over_determiner(ctx, s, words, start, l);
            start = st;
            if more {
                prev_cap = false;
                run_to_end = false;
                continue;
            }
            break;
        }
        if cap {
            start -= 1;
            prev_cap = true;
            continue;
        }
        if PARTICLES.contains(&l) && prev_cap {
            start -= 1;
            continue;
        }
        if start < end
            && prev_cap
            && run_to_end
            && !ctx.doc.is(w, class::SOURCE_ROLE)
            && !matches!(l, "of" | "for" | "from")
            && !l.ends_with("’s")
            && !l.ends_with("'s")
        {
            // A noun right before a name: a relative clause hangs on it ("a battle Mr Johnson
            // predicted would be …"), unless it ends a title with no determiner that opens the
            // clause ("ECB policymaker Jane Roe said", "Lead author Dr Jane Roe said").
            if let Some(t) = title_start(ctx, s, words, start - 1) {
                start = t;
            }
            break;
        }
        if PRONOUNS.contains(&l) && start == end {
            start -= 1;
            break;
        }
        if PRONOUNS.contains(&l) {
            break;
        }
        start -= 1;
        prev_cap = false;
        run_to_end = false;
    }
    start
}

/// What precedes a source phrase decides whether its verb governs the main clause.
pub(crate) fn main_before(ctx: &Ctx, words: &[Word], start: usize) -> bool {
    // "and this week the startup announced": a time phrase before the subject is transparent.
    let mut k = start;
    while k > 0 && start - k < 3 && ctx.gap_is_space(words[k - 1].span.end, words[k].span.start) {
        let l = ctx.lw(&words[k - 1]);
        if time_word(ctx, &words[k - 1]) || matches!(l, "this" | "last" | "next" | "earlier" | "later" | "on") {
            k -= 1;
        } else {
            break;
        }
    }
    if k < start && k > 0 && time_word(ctx, &words[start - 1]) {
        return main_before(ctx, words, k);
    }
    // "The elder Okafor said", "A defiant Brennan told": a determiner and adjectives before a
    // name belong to the subject ("the case Okafor said" does not: "case" is no adjective).
    if let Some(det) = adjectives_before_name(ctx, words, start) {
        return main_before(ctx, words, det);
    }
    if let Some(d) = descriptor_before_the_name(ctx, words, start) {
        return main_before(ctx, words, d);
    }
    if start == 0 {
        true
    } else {
        let w = &words[start - 1];
        let g = ctx.gap(w.span.end, words[start].span.start).trim();
        let l = ctx.lw(w);
        if !g.is_empty() {
            // After a dateline the sentence starts again: "(WXN) — Jane Roe said", "OSLO — …".
            let dateline = start <= 4 && g.ends_with(['–', '—']) && words[..start].iter().all(|w| ctx.is_cap(w));
            dateline || !g.ends_with(['–', '—', '('])
        } else if RELATIVE.contains(&l) {
            false
        } else {
            CONJ.contains(&l) || ctx.is_cap(w) || matches!(l, "comes" | "came" | "that")
        }
    }
}

/// Where the determiner stands when one or two lower-case adjectives and a determiner ("the",
/// "a", "an") come right before the name that starts at `start`.
fn adjectives_before_name(ctx: &Ctx, words: &[Word], start: usize) -> Option<usize> {
    use crate::document::class::{ADJECTIVE, FUNCTION};
    if !ctx.is_cap(&words[start]) {
        return None;
    }
    let spaced = |k: usize| ctx.gap_is_space(words[k].span.end, words[k + 1].span.start);
    // "her mum Ami said", "his brother Tom told": a possessive determiner and a person noun.
    if start >= 2
        && spaced(start - 2)
        && spaced(start - 1)
        && matches!(ctx.lw(&words[start - 2]), "his" | "her" | "their" | "its")
        && !ctx.is_cap(&words[start - 1])
        && crate::people::lexicon::PeopleLexicon::bundled().is_person_noun(ctx.lw(&words[start - 1]))
    {
        return Some(start - 2);
    }
    let mut k = start;
    while k > 0 && start - k < 2 && spaced(k - 1) {
        let w = &words[k - 1];
        if ctx.is_cap(w) || !ctx.doc.is(w, ADJECTIVE) || ctx.doc.is(w, FUNCTION) {
            break;
        }
        k -= 1;
    }
    (k < start && k > 0 && spaced(k - 1) && matches!(ctx.lw(&words[k - 1]), "the" | "a" | "an")).then(|| k - 1)
}

/// Where an organisation's descriptor starts when it comes right before "the" and a name that
/// start at `start`: "conservation group the Tidewater Trust said", "think tank the Harbour
/// Institute said", common in British copy. The descriptor ends in a role or organisation word
/// (`source_roles.txt`: group, charity, firm, watchdog …) with at most two words before it that
/// are no function words ("rights group", "Conservation group", "pressure group").
fn descriptor_before_the_name(ctx: &Ctx, words: &[Word], start: usize) -> Option<usize> {
    use crate::document::class::{FUNCTION, SOURCE_ROLE};
    let spaced = |k: usize| ctx.gap_is_space(words[k].span.end, words[k + 1].span.start);
    if start == 0 || ctx.lw(&words[start]) != "the" || !words.get(start + 1).is_some_and(|w| ctx.is_cap(w)) || !spaced(start - 1) {
        return None;
    }
    let head = &words[start - 1];
    if ctx.is_cap(head) || !ctx.doc.is(head, SOURCE_ROLE) {
        return None;
    }
    let mut k = start - 1;
    while k > 0 && start - 1 - k < 2 && spaced(k - 1) && !ctx.doc.is(&words[k - 1], FUNCTION) {
        k -= 1;
    }
    Some(k)
}

/// A place or an agent the walk back steps over, at word `np.start - 1`: "the Ukrainian
/// government in Kyiv" (only right after a run of capitals that ends the phrase,
/// `after_name`) or "analysts polled by LSEG" (a passive participle and its named agent). How
/// many words it steps back.
fn joined_phrase(ctx: &Ctx, words: &[Word], np: std::ops::Range<usize>, l: &str, after_name: bool) -> Option<usize> {
    let (start, end) = (np.start, np.end);
    // "the Ukrainian government in Kyiv"
    if matches!(l, "in" | "at") && after_name && start >= 2 && start < end {
        let w2 = &words[start - 2];
        if !ctx.is_cap(w2) && !ctx.doc.is(w2, class::FUNCTION) {
            return Some(1);
        }
    }
    // "Analysts at Goldman Sachs": people named by what they do and where they do it.
    if start < end && start >= 2 && person_at(ctx, words, start - 1) {
        return Some(2);
    }
    // "analysts polled by LSEG": a passive participle and its named agent.
    if l == "by" && start < end && ctx.is_cap(&words[start]) && start >= 2 {
        let part = ctx.lw(&words[start - 2]);
        if part.ends_with("ed")
            && !ctx.is_cap(&words[start - 2])
            && ctx.gap_is_space(words[start - 2].span.end, words[start - 1].span.start)
        {
            return Some(2);
        }
    }
    None
}

/// A determiner at word `start - 1` in the walk back: the phrase takes it (and a definite
/// determiner before a count, "the two sides"). The new start, and whether the walk goes on
/// past a connector ("the head of the") or a participle's agent ("figures released by the").
/// A ranking before a name ends the phrase at its title ("world number three Ana Kovac").
fn over_determiner(ctx: &Ctx, s: &Sentence, words: &[Word], start: usize, l: &str) -> (usize, bool) {
    let mut start = start - 1;
    // "the two sides said", "their three lawyers said": a count after a definite
    // determiner refers back to parties already named.
    if matches!(l, "two" | "three" | "four" | "five")
        && start >= 1
        && matches!(ctx.lw(&words[start - 1]), "the" | "his" | "her" | "their" | "its")
        && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start)
    {
        start -= 1;
    }
    // A ranking before a name: "world number three Ana Kovac".
    if start >= 1
        && ctx.lw(&words[start - 1]) == "number"
        && let Some(t) = title_start(ctx, s, words, start)
    {
        return (t, false);
    }
    // "figures released by the statistics office": the participle's agent.
    if start >= 2
        && ctx.lw(&words[start - 1]) == "by"
        && ctx.lw(&words[start - 2]).ends_with("ed")
        && !ctx.is_cap(&words[start - 2])
        && ctx.gap_is_space(words[start - 2].span.end, words[start - 1].span.start)
        && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start)
    {
        return (start - 2, true);
    }
    // ("Minister in the Ministry of Finance Jane Roe said": a capitalised title placed in an
    // office.)
    let title_in = start > 1
        && ctx.lw(&words[start - 1]) == "in"
        && ctx.is_cap(&words[start - 2])
        && ctx.gap_is_space(words[start - 2].span.end, words[start - 1].span.start)
        && crate::people::lexicon::PeopleLexicon::bundled().is_role_head(ctx.lw(&words[start - 2]));
    if title_in {
        return (start - 2, true);
    }
    let connector = start > 0 && matches!(ctx.lw(&words[start - 1]), "of" | "for" | "from");
    // "economists at the central bank": the walk goes on over "at" to the people.
    let person_at = start > 1 && person_at(ctx, words, start - 1);
    (start, (connector || person_at) && ctx.gap_is_space(words[start - 1].span.end, words[start].span.start))
}

/// Whether word `k` is the "at" or "with" of people named by what they do and where they do
/// it: "analysts at Goldman Sachs", "researchers at the university", "an economist with the
/// bank" (a WordNet person noun right before it).
fn person_at(ctx: &Ctx, words: &[Word], k: usize) -> bool {
    if k == 0 || k + 1 >= words.len() || !matches!(ctx.lw(&words[k]), "at" | "with") {
        return false;
    }
    let noun = &words[k - 1];
    ctx.gap_is_space(noun.span.end, words[k].span.start)
        && ctx.gap_is_space(words[k].span.end, words[k + 1].span.start)
        && !ctx.doc.is(noun, class::FUNCTION)
        && (crate::people::lexicon::PeopleLexicon::bundled().is_person_noun(ctx.w(noun)) || {
            use crate::document::class::{ANONYMOUS_SOURCE, COLLECTIVE, SOURCE_ROLE, VAGUE_SOURCE};
            ctx.doc.is(noun, SOURCE_ROLE | ANONYMOUS_SOURCE | VAGUE_SOURCE | COLLECTIVE)
        })
}

#[cfg(test)]
mod tests {

    use crate::attribution::SourceKind;
    use crate::attribution::fixtures::source_of;

    #[test]
    fn people_at_a_body_are_the_subject() {
        // Named by the body they work at, the people are the source; the verb governs the
        // sentence (before, "at" ended the phrase and left a subordinate "Goldman Sachs said").
        let t = "Analysts at Halvorsen Capital said sales would fall 10 percent.";
        assert_eq!(source_of(t, "said"), Some((Some("Analysts at Halvorsen Capital".into()), SourceKind::Named)));
        let t = "Officials with the Tarrow County Sheriff's Office said two men were held.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("Officials with the Tarrow County Sheriff's Office"));
        let t = "Two economists at the central bank said inflation would reach 9 percent.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("Two economists at the central bank"));
        // Not a place after a verb or an object: "told reporters at the scene".
        let t = "The mayor told reporters at the scene that 40 homes were lost.";
        assert_eq!(source_of(t, "told").and_then(|s| s.0).as_deref(), Some("The mayor"));
    }

    #[test]
    fn a_title_before_a_name_and_a_bracketed_acronym() {
        let t = "Before the vote, Minister in the Ministry of Harbours Jane Roe said fees would rise 4 percent.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("Minister in the Ministry of Harbours Jane Roe"));
        assert!(crate::claims::fixtures::findings(t).is_empty(), "{t}");
        let t = "Last month, the Harbour Council of Medical Research or HCMR had recommended the drug for 40 workers.";
        assert_eq!(source_of(t, "recommended").and_then(|s| s.0).as_deref(), Some("the Harbour Council of Medical Research or HCMR"));
        assert!(crate::claims::fixtures::findings(t).is_empty(), "{t}");
        let t = "ECB policymaker Jane Roe said rates would rise.";
        assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("ECB policymaker Jane Roe"));
        // Right after a quotation that closed with a comma, an exclamation or a question mark,
        // curly or straight, and the sentence's claims are that speaker's.
        for t in [
            "“We lost 3 votes,” novelist Jane Roe said.",
            "“We lost 3 votes!” novelist Jane Roe said.",
            "\"Who lost 3 votes?\" novelist Jane Roe said.",
        ] {
            assert_eq!(source_of(t, "said").and_then(|s| s.0).as_deref(), Some("novelist Jane Roe"), "{t}");
            assert!(crate::claims::fixtures::findings(t).is_empty(), "{t}");
        }
        // The source span ends with the acronym's last word, before the closing bracket.
        let t = "Singapore Press Holdings (SPH) reported that profits fell.";
        assert_eq!(source_of(t, "reported").and_then(|s| s.0).as_deref(), Some("Singapore Press Holdings (SPH"));
    }

    #[test]
    fn adverbs_and_time_phrases_are_skipped() {
        let t = "The ministry on Sunday also said the border was closed.";
        assert_eq!(source_of(t, "said"), Some((Some("The ministry".into()), SourceKind::Named)));
    }

    #[test]
    fn a_determiner_and_adjectives_before_a_name_belong_to_the_subject() {
        use crate::claims::fixtures::findings;
        for t in [
            "The elder Okafor also said that the family sold 40 acres in 1998.",
            "A defiant Brennan told reporters the budget had cut 40 jobs.",
            "An emotional Carla Brennan told the court that she had lost $2 million.",
        ] {
            assert!(findings(t).is_empty(), "{t}: {:?}", findings(t));
        }
        // A noun before the name: the name's verb is inside a relative clause.
        let t = "The case Okafor described cost the county $2 million.";
        assert!(!findings(t).is_empty(), "{t}");
    }

    #[test]
    fn an_organisation_descriptor_before_the_name_belongs_to_the_subject() {
        use crate::claims::fixtures::findings;
        for t in [
            "Conservation group the Tidewater Trust said the dredging posed a threat to 40 seagrass beds.",
            "Think tank the Harbour Institute said rents had risen by a fifth in 2024.",
        ] {
            assert!(findings(t).is_empty(), "{t}: {:?}", findings(t));
        }
        // After a preposition the phrase is no subject of the main clause.
        let t = "Rents rose by a fifth in 2024, a report for rights group the Harbour Trust said.";
        assert_eq!(source_of(t, "said").map(|s| s.1), Some(SourceKind::Named));
    }
}

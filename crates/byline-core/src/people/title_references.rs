//! Roles from titles referred back to outside an attribution: a person named in one sentence
//! and called by a capitalised title in the next ("Jane Roe has been accused of misleading
//! parliament. Opposition leader John Doe said the First Minister must correct the record").
//! [`super::role_references`] handles a title that is the source of a speech verb; this is the
//! same reference anywhere else in a sentence.
//!
//! Kept narrow, since a wrong role in a hover misleads: the title starts with "the", is two or
//! more capitalised words with a role noun for its head ("the Prime Minister"), and no name
//! follows it; the person is the only one named in the nearest of the two sentences before that
//! names anyone, and is not named in the title's own sentence (where
//! the title is someone else); and the same checks as a speaker's description — no role with
//! another head noun, nobody else in the article with a role that ends in the title.

use super::role_references::{give, role_head};
use super::{DocPeople, PeopleLexicon};
use crate::attribution::Attribution;
use crate::sentences::Sentence;

/// How many sentences back the person may be named.
const WINDOW: usize = 2;

/// Titles of at most this many words.
const MAX_WORDS: usize = 4;

pub(super) fn attach_title_references(
    text: &str,
    sentences: &[Sentence],
    attributions: &[Attribution],
    lex: &PeopleLexicon,
    doc: &mut DocPeople,
) {
    // (One searcher for the document: building one per sentence cost more than the search.)
    let the = memchr::memmem::Finder::new(b"he ");
    for (si, s) in sentences.iter().enumerate() {
        // (The person first: a binary search, where most sentences stop.)
        let Some(p) = person_before(doc, sentences, si) else { continue };
        let body = &text[s.span.clone()];
        for off in the.find_iter(body.as_bytes()) {
            // "the " or "The ", as a word.
            let Some(off) = off.checked_sub(1).filter(|&o| matches!(body.as_bytes()[o], b't' | b'T')) else { continue };
            let at = s.span.start + off;
            if off > 0 && body[..off].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let rest = &text[at + 4..s.span.end];
            // (At the start of a sentence, the subject: a lower-case role too, "The former vice
            // president had a lead".)
            // (Not after the person's name as a possessive: "Jane Roe's team. The midfielder …"
            // is someone of hers.)
            let subject = || {
                let before = doc.mentions.partition_point(|m| m.span.start < s.span.start);
                let possessive = before > 0 && {
                    let after = &text[doc.mentions[before - 1].span.end..];
                    after.starts_with("’s") || after.starts_with("'s")
                };
                // (Nor after a byline: "By Jane Roe / The reporter visited …" is the writer.)
                let byline = before > 0 && {
                    let m = &doc.mentions[before - 1].span;
                    let line = text[..m.start].rsplit('\n').next().unwrap_or("").trim_start();
                    let alone = line.is_empty() && text[m.end..].split('\n').next().unwrap_or("").trim().is_empty();
                    alone || line.ends_with("By ") || line.ends_with("by ")
                };
                if off == 0 && !possessive && !byline { subject_role_after(rest, lex) } else { None }
            };
            let Some(role) = title_after(rest, lex).or_else(subject) else {
                continue;
            };
            // (A speaker's title is the other module's.)
            if attributions.iter().any(|a| a.source.as_ref().is_some_and(|sp| sp.start <= at && at < sp.end)) {
                continue;
            }
            let here = doc.mentions.partition_point(|m| m.span.start < s.span.start);
            if doc.mentions[here..].iter().take_while(|m| m.span.start < s.span.end).any(|m| m.person == p) {
                continue;
            }
            let Some(head) = role_head(&role) else { continue };
            give(doc, p, role, &head);
        }
    }
}

/// The person named in the nearest of the [`WINDOW`] sentences before sentence `si` that names
/// anyone, if that sentence names one person only.
fn person_before(doc: &DocPeople, sentences: &[Sentence], si: usize) -> Option<usize> {
    for k in (si.saturating_sub(WINDOW)..si).rev() {
        let span = &sentences[k].span;
        let a = doc.mentions.partition_point(|m| m.span.start < span.start);
        let b = doc.mentions.partition_point(|m| m.span.start < span.end);
        if a == b {
            continue;
        }
        let p = doc.mentions[a].person;
        return doc.mentions[a..b].iter().all(|m| m.person == p).then_some(p);
    }
    None
}

/// The title at the start of `rest` (the text after "the "): capitalised words, the last of
/// them a role noun ("First Minister"), with no name or possessive after it.
fn title_after(rest: &str, lex: &PeopleLexicon) -> Option<String> {
    let mut end = 0;
    let mut words = 0;
    let mut head = "";
    for w in rest.split(' ') {
        let word = w.trim_end_matches([',', '.', ';', ':', '”', '"', ')']);
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let alpha = !word.is_empty() && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if !alpha || words == MAX_WORDS {
            break;
        }
        if !cap {
            break;
        }
        words += 1;
        end += w.len() + 1;
        head = word;
        if word.len() != w.len() {
            break;
        }
    }
    // A formal title of two words or more: one word ("the Queen", "the Star") or a lower-case
    // head ("the Fed chief") is as often someone the article never names. ("the Housing
    // Executive" is a body.)
    // ("the Harbour Medical Center": a role noun that also ends the names of places.)
    if words < 2 || !is_head(lex, head) || lex.is_nonperson_head(head) || (head == "Executive" && !rest.starts_with("Chief ")) {
        return None;
    }
    let title = &rest[..end - 1];
    let title = title.trim_end_matches([',', '.', ';', ':', '”', '"', ')']);
    // ("the First Minister Jane Roe": a title before a name is that name's, found elsewhere.)
    let after = rest[end.min(rest.len())..].trim_start();
    if title.len() + 1 == end && after.starts_with(char::is_uppercase) {
        return None;
    }
    Some(title.to_string())
}

/// Role nouns that name a part someone plays in the story's events, not an office or a job
/// ("The suspect fled" after a sentence naming the victim is someone else).
const EVENT_PARTS: &[&str] = &[
    "suspect",
    "defendant",
    "witness",
    "victim",
    "survivor",
    "resident",
    "driver",
    "rider",
    "veteran",
    "star",
    "fellow",
    "partner",
    "associate",
    "assistant",
    "guard",
    "forward",
    "centre",
    "center",
    "player",
    "head",
    "chief",
    "owner",
    "student",
];

/// The subject role at the start of `rest` (the text after a sentence's opening "The "): up to
/// four words, the last a role noun for one person in lower case that is no part in the events,
/// and a lower-case verb after it ("former vice president had").
fn subject_role_after(rest: &str, lex: &PeopleLexicon) -> Option<String> {
    let words: Vec<&str> = rest.split(' ').take(MAX_WORDS + 1).collect();
    // (An age used as a noun, "The 12-year-old was …", is a plain word too.)
    let age = super::recognize::age_word;
    // (An age heads the subject only before its verb: "The 12-year-old was taken …", not
    // "The 89-year-old festival impresario attended …", whose head comes later.)
    let age_before_verb = |i: usize| words.get(i + 1).is_some_and(|n| n.ends_with("ed") || AGE_VERBS.contains(n));
    let plain = |w: &str| !w.is_empty() && (w.chars().all(|c| c.is_alphabetic() || c == '-') || age(w));
    // A role noun, or a WordNet noun for one person ("The dental receptionist had …").
    let person_noun = |w: &str| lex.is_role_head_exact(w) || (lex.is_person_noun_exact(w) && !w.ends_with('s'));
    for (i, w) in words.iter().enumerate().take(MAX_WORDS) {
        if age(w) && !age_before_verb(i) {
            // ("The 84-year-old filmmaker has …": a qualifier of the head after it.)
            if words.get(i + 1).is_some_and(|n| plain(n) && person_noun(n)) {
                continue;
            }
            return None;
        }
        if !plain(w) || matches!(*w, "and" | "or" | "of" | "who" | "that") {
            return None;
        }
        let lower = w.chars().next().is_some_and(char::is_lowercase) || age(w);
        let head = lower && (person_noun(w) || age(w));
        // (Before the head only what qualifies a role: "former", "vice", "CNN", "chief".)
        let qualifier = !lower || lex.is_role_mod(w) || crate::lexicon::Lexicon::bundled().adjectives.contains(w);
        if !head && !qualifier {
            return None;
        }
        if head {
            // ("deputy mayor": the last of the role nouns in a row.)
            let mut i = i;
            while i + 1 < MAX_WORDS && words.get(i + 1).is_some_and(|n| plain(n) && person_noun(n)) {
                i += 1;
            }
            if EVENT_PARTS.contains(&words[i]) {
                return None;
            }
            let next = words.get(i + 1)?;
            let verb = plain(next) && next.chars().next().is_some_and(char::is_lowercase);
            // ("The former governor and her husband have …": the role, then someone of hers.)
            if *next == "and" && words.get(i + 2).is_some_and(|w| matches!(*w, "her" | "his")) {
                return Some(words[..=i].join(" "));
            }
            let joins = matches!(
                *next,
                "of" | "at"
                    | "in"
                    | "on"
                    | "for"
                    | "from"
                    | "with"
                    | "to"
                    | "by"
                    | "as"
                    | "after"
                    | "over"
                    | "under"
                    | "near"
                    | "and"
                    | "or"
                    | "who"
                    | "whose"
            );
            return (verb && !joins).then(|| words[..=i].join(" "));
        }
    }
    None
}

/// The verbs after an age that make it the subject ("The 12-year-old was …"), besides any
/// past form in "-ed".
const AGE_VERBS: &[&str] = &["was", "is", "has", "had", "will", "would", "remains", "died", "suffered", "told", "said", "says"];

/// A role noun as the lexicon lists it, one person (not "officials", "MPs").
fn is_head(lex: &PeopleLexicon, w: &str) -> bool {
    lex.is_role_head_exact(w) || lex.is_role_head_exact(&w.to_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    fn roles(text: &str) -> Vec<(String, Vec<String>)> {
        analyze(text, Format::Plain).people.persons.into_iter().map(|p| (p.name, p.roles)).collect()
    }

    #[test]
    fn a_title_in_the_next_sentence_is_the_persons() {
        let t = "Maria Thrane has been accused of misleading the assembly over the harbour deal.\n\n\
                 Opposition leader Jon Vessberg said the First Minister must correct the record.";
        let r = roles(t);
        assert!(r.contains(&("Maria Thrane".to_string(), vec!["First Minister".to_string()])), "{r:?}");
        let t = "Two councillors called on Maria Thrane to resign on Monday.\n\n\
                 Harbour councillor Jon Vessberg asked the Deputy Mayor to step down.";
        let r = roles(t);
        assert!(r.contains(&("Maria Thrane".to_string(), vec!["Deputy Mayor".to_string()])), "{r:?}");
    }

    #[test]
    fn a_lower_case_role_opening_the_next_sentence_is_the_persons() {
        let t = "The stakes are high for Maria Thrane.\n\nThe former deputy mayor had a lead in the polls but has slipped.";
        let r = roles(t);
        assert!(r.contains(&("Maria Thrane".to_string(), vec!["former deputy mayor".to_string()])), "{r:?}");
        // Not a part in the events, nor a role with more after it.
        let t = "Maria Thrane was hurt in the crash.\n\nThe driver fled the scene.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        let t = "Maria Thrane spoke on Monday.\n\nThe mayor of the next town disagreed.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        let t = "Maria Thrane spoke on Monday.\n\nThe third contender on the stage, Gov. Ilsa Brandvold, kept quiet.";
        assert!(roles(t).iter().all(|(n, r)| n != "Maria Thrane" || r.is_empty()), "{:?}", roles(t));
        let t = "Maria Thrane spoke on Monday.\n\nThe building also will host a fair.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        // Not someone of the person's.
        let t = "It was a blow to Maria Thrane's team.\n\nThe midfielder had been linked with a move.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        // Nor the writer in a byline; a paragraph opening with the name is no byline.
        let t = "Harbour news\n\nBy Maria Thrane\n\nThe mayor visited the harbour.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        let t = "Maria Thrane, 21, died in her sleep in Leek.\n\nThe dental receptionist had been unwell.";
        assert!(roles(t).contains(&("Maria Thrane".to_string(), vec!["dental receptionist".to_string()])), "{:?}", roles(t));
        let t = "Maria Thrane, of Leek, was hit by a falling branch on Sunday.\n\nThe 12-year-old was taken to hospital.";
        assert!(roles(t).contains(&("Maria Thrane".to_string(), vec!["12-year-old".to_string()])), "{:?}", roles(t));
        let t = "Maria Thrane, of Leek, was hit by a falling branch on Sunday.\n\nThe 84-year-old widow has lived there since 1970.";
        assert!(roles(t).contains(&("Maria Thrane".to_string(), vec!["84-year-old widow".to_string()])), "{:?}", roles(t));
        let t = "Maria Thrane won the seat in 2019.\n\nThe former commissioner and her husband have two sons.";
        assert!(roles(t).contains(&("Maria Thrane".to_string(), vec!["former commissioner".to_string()])), "{:?}", roles(t));
        let t = "Maria Thrane won the vote on Monday.\n\nThe former mayor had trailed in the polls.";
        assert!(roles(t).contains(&("Maria Thrane".to_string(), vec!["former mayor".to_string()])), "{:?}", roles(t));
    }

    #[test]
    fn not_when_two_people_were_named_or_the_title_is_plain() {
        let t = "Maria Thrane met Jon Vessberg on Monday.\n\nLater the First Minister said the deal was done.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        let t = "Maria Thrane spoke on Monday.\n\nCritics said the minister had misled them.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        // A place's name ending in a role noun is no title.
        let t = "Maria Thrane spoke on Monday.\n\nLawyers will ask the Harbour Fertility Center to wait.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        // One word, or a lower-case head, may be someone never named.
        let t = "Maria Thrane spoke on Monday.\n\nShe met the Queen and the harbour chief later.";
        assert!(roles(t).iter().all(|(_, r)| r.is_empty()), "{:?}", roles(t));
        // A title before a name belongs to that name.
        let t = "Maria Thrane spoke on Monday.\n\nShe thanked the First Minister Jon Vessberg for his help.";
        assert!(roles(t).iter().all(|(n, r)| n != "Maria Thrane" || r.is_empty()), "{:?}", roles(t));
    }
}

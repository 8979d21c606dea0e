//! Roles from references back: a source named only by a definite role ("the Conservative MP
//! said", "the minister added") right after a named speaker is that speaker, the way news copy
//! varies how it names the person it quotes ("Jane Roe warned … Speaking later, the Labour MP
//! said …"); or a speaker introduced by their role and named in the next sentences ("the founder
//! of the firm spoke about the loss. “…,” Jane Roe said"). The role becomes one of the person's
//! roles.
//!
//! Kept narrow, since a wrong role in a hover misleads: the description is the source of a
//! speech verb, starts with "the", has a role noun for its head and names nobody; the speaker it
//! refers to is the source of one of the attributions of the three sentences before (or the
//! speaker of a quotation in the next one, for a person the article gives no role), with no other person mentioned in
//! between; and that person has no role yet with another head noun ("Conservative leader Jane
//! Roe said … the First Minister said …" is two people), and nobody else in the article has a
//! role that ends in the description ("Judge Jane Roe … the judge responded" is hers).

use super::{DocPeople, PeopleLexicon, normalise_spaces};
use crate::Span;
use crate::attribution::{Attribution, SourceKind};
use crate::sentences::Sentence;

/// How many sentences back the named speaker may be.
const WINDOW: usize = 3;

pub(super) fn attach_role_references(
    text: &str,
    sentences: &[Sentence],
    attributions: &[Attribution],
    lex: &PeopleLexicon,
    doc: &mut DocPeople,
) {
    // References back first: a person introduced by a role further on must have none yet.
    for forward in [false, true] {
        for (k, a) in attributions.iter().enumerate() {
            let Some(src) = a.source.as_ref() else { continue };
            if !matches!(a.kind, SourceKind::Named | SourceKind::Anonymous) || mentions_in(doc, src).next().is_some() {
                continue;
            }
            let Some((role, head)) = definite_role(&text[src.clone()], lex) else { continue };
            let p = if forward {
                next_speaker(text, sentences, doc, attributions, k)
            } else {
                // Nobody else is named between the speaker and the description.
                previous_speaker(doc, attributions, k)
                    .filter(|&p| last_mention_before(doc, src.start).is_some_and(|m| doc.mentions[m].person == p))
            };
            let Some(p) = p else { continue };
            give(doc, p, role, &head);
        }
    }
}

/// Gives person `p` the description `role` (head noun `head`) as a role, unless they have a role
/// with another head noun or this one already, or someone else in the article holds it.
pub(super) fn give(doc: &mut DocPeople, p: usize, role: String, head: &str) {
    let same_head = |r: &String| role_head(r).is_some_and(|h| h.eq_ignore_ascii_case(head));
    let person = &doc.persons[p];
    if person.roles.iter().any(|r| !same_head(r)) || person.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
        return;
    }
    // ("Judge Jane Roe … he said to the judge … The judge responded": another person of the
    // article holds that role; the description is theirs.)
    let role_l = role.to_lowercase();
    if doc.persons.iter().enumerate().any(|(q, o)| q != p && o.roles.iter().any(|r| r.to_lowercase().ends_with(&role_l))) {
        return;
    }
    doc.persons[p].roles.push(role);
}

/// The mentions inside `span`.
fn mentions_in<'a>(doc: &'a DocPeople, span: &Span) -> impl Iterator<Item = &'a super::PersonMention> {
    let i = doc.mentions.partition_point(|m| m.span.end <= span.start);
    doc.mentions[i..].iter().take_while(move |m| m.span.start < span.end)
}

/// The index of the last mention that ends at or before byte `at`.
fn last_mention_before(doc: &DocPeople, at: usize) -> Option<usize> {
    doc.mentions.partition_point(|m| m.span.end <= at).checked_sub(1)
}

/// The person named as the source of the nearest attribution before `k` within [`WINDOW`]
/// sentences.
fn previous_speaker(doc: &DocPeople, attributions: &[Attribution], k: usize) -> Option<usize> {
    let here = attributions[k].sentence;
    for b in attributions[..k].iter().rev() {
        if b.sentence + WINDOW < here {
            return None;
        }
        if b.kind != SourceKind::Named {
            continue;
        }
        if let Some(m) = b.source.as_ref().and_then(|s| mentions_in(doc, s).last()) {
            return Some(m.person);
        }
    }
    None
}

/// The person named as the speaker of a quotation in the next sentence, when nobody is named
/// between and the article gives them no role of its own: the description introduced them
/// ("the head of the hotel federation spoke on Monday. “…,” Jane Roe said").
fn next_speaker(text: &str, sentences: &[Sentence], doc: &DocPeople, attributions: &[Attribution], k: usize) -> Option<usize> {
    let a = &attributions[k];
    let after = a.source.as_ref()?.end.max(a.cue.end);
    let b = attributions[k + 1..].iter().take_while(|b| b.sentence <= a.sentence + 1).find(|b| b.sentence == a.sentence + 1)?;
    let src = b.source.as_ref().filter(|_| b.kind == SourceKind::Named)?;
    // The named source speaks a quotation that opens that sentence (AP's '' included).
    let opens_with_quote = sentences.get(b.sentence).is_some_and(|s| text[s.span.start..].starts_with(['“', '"', '\'', '‘']));
    let m = mentions_in(doc, src).last()?;
    let first_after = doc.mentions.partition_point(|x| x.span.start < after);
    let nobody_between = doc.mentions[first_after..].iter().take_while(|x| x.span.start < m.span.start).all(|x| x.person == m.person);
    (opens_with_quote && nobody_between && doc.persons[m.person].roles.is_empty()).then_some(m.person)
}

/// "the Conservative MP" → ("Conservative MP", "MP"): a definite description of one person
/// with a role noun for its head (before "of", "at", "in", "for"), of at most eight words.
fn definite_role(source: &str, lex: &PeopleLexicon) -> Option<(String, String)> {
    let rest = source.strip_prefix("the ").or_else(|| source.strip_prefix("The "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || rest.contains([',', '(', '"', '“', '”', '\'', '’']) {
        return None;
    }
    let head = role_head(rest)?;
    // One person: the head as listed, not a plural ("officials", "MPs").
    if !lex.is_role_head_exact(&head) && !lex.is_role_head_exact(&head.to_lowercase()) {
        return None;
    }
    Some((normalise_spaces(rest), head))
}

/// The head noun of a role: its last word before "of", "at", "in", "for", "from", "with".
pub(super) fn role_head(role: &str) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let end = words.iter().position(|w| matches!(*w, "of" | "at" | "in" | "for" | "from" | "with" | "to")).unwrap_or(words.len());
    words[..end].last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
}

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    fn roles(text: &str) -> Vec<(String, Vec<String>)> {
        analyze(text, Format::Plain).people.persons.into_iter().map(|p| (p.name, p.roles)).collect()
    }

    #[test]
    fn a_definite_role_after_a_named_speaker_is_theirs() {
        let t = "Maria Thrane warned on Monday that the harbour would close. \
                 Speaking in the chamber, the Conservative MP said the port needed 40 more staff.";
        assert_eq!(roles(t), [("Maria Thrane".to_string(), vec!["Conservative MP".to_string()])]);
    }

    #[test]
    fn a_role_that_another_person_holds_is_not_given() {
        let t = "Judge Maria Thrane opened the hearing on Monday. Arvid Lunde told the court the deal was fair. \
                 The judge said the hearing would resume on Friday.";
        let r = roles(t);
        assert!(r.iter().any(|(n, roles)| n == "Arvid Lunde" && roles.is_empty()), "{r:?}");
    }

    #[test]
    fn a_definite_role_before_the_named_speaker_is_theirs() {
        let t = "On Monday the founder of the ferry company spoke about the sinking.                  \"We grieve with the families,\" Maria Thrane said.";
        assert_eq!(roles(t), [("Maria Thrane".to_string(), vec!["founder of the ferry company".to_string()])]);
    }

    #[test]
    fn not_across_another_person_nor_over_a_different_role() {
        // Someone else is named in between.
        let t = "Maria Thrane said the harbour would close. Her husband, Jon Vessberg, was away. \
                 The minister said the port needed staff.";
        assert!(roles(t).iter().all(|(n, r)| n != "Maria Thrane" || r.is_empty()), "{:?}", roles(t));
        // The speaker already has a role with another head noun.
        let t = "Opposition leader Maria Thrane said the minister had misled the chamber. \
                 The First Minister said that was untrue.";
        assert_eq!(roles(t), [("Maria Thrane".to_string(), vec!["Opposition leader".to_string()])]);
        // Plural roles and unnamed people are not a reference to one speaker.
        let t = "Maria Thrane said the harbour would close. The officials said it would not.";
        assert_eq!(roles(t), [("Maria Thrane".to_string(), Vec::<String>::new())]);
    }
}

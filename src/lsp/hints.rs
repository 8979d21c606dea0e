//! Inlay hints (`textDocument/inlayHint`): who is speaking. After each quotation with a
//! speaker, the speaker as the article names them ("— Peskov": the linked person's surname, else
//! the source phrase, "— a senior official"); after a pronoun source that refers back to a
//! name, that name ("he → Dmitry Peskov"). Only for open documents, whose snapshot holds the
//! whole analysis; byte offsets are converted with the text the analysis was computed on.

use byline_core::attribution::SourceKind;
use byline_core::people::DocPeople;
use byline_core::{Analysis, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, Range};

use super::positions::{to_position, to_span};
use super::snapshot::{Content, Snapshot};

/// The inlay hints of open document `key` whose position falls in `range` (inclusive); `None`
/// for a document that is not open, or when the hints are turned off.
pub fn inlay_hints(snap: &Snapshot, key: &str, range: Range) -> Option<Vec<InlayHint>> {
    if !snap.settings.inlay_hints {
        return None;
    }
    let Content::Open(a) = snap.content(key)? else { return None };
    let wanted = to_span(&a.rope, range, snap.encoding);
    let mut hints: Vec<(usize, String)> =
        speaker_hints(&a.rope, &a.analysis).into_iter().filter(|(at, _)| wanted.start <= *at && *at <= wanted.end).collect();
    hints.sort_by_key(|(at, _)| *at);
    Some(
        hints
            .into_iter()
            .map(|(at, label)| InlayHint {
                position: to_position(&a.rope, at, snap.encoding),
                label: InlayHintLabel::String(label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    )
}

/// The hints of one analysed text, as (byte offset, label), not sorted: "— speaker" at the end
/// of each quotation that has a speaker, "→ name" after each pronoun source that refers back
/// to one.
pub fn speaker_hints(text: &Rope, analysis: &Analysis) -> Vec<(usize, String)> {
    let people = &analysis.people;
    let mut out = Vec::new();
    let all = &analysis.attributions;
    for q in &analysis.quotes {
        let Some(speaker) = &q.speaker else { continue };
        // A pronoun that refers back to no one ("— he") says nothing the text does not.
        if q.attribution.and_then(|i| all.get(i)).is_some_and(|a| a.kind == SourceKind::Pronoun && a.refers_to.is_none()) {
            continue;
        }
        let label = match person_in(people, speaker) {
            Some(i) => {
                let p = &people.persons[i];
                if p.surname.is_empty() { phrase(text, speaker) } else { p.surname.clone() }
            }
            None => phrase(text, speaker),
        };
        if !label.is_empty() {
            out.push((q.span.end, format!("— {label}")));
        }
    }
    for a in all {
        if a.kind != SourceKind::Pronoun {
            continue;
        }
        let (Some(pronoun), Some(r)) = (&a.source, a.refers_to) else { continue };
        let Some(named) = all.get(r).and_then(|t| t.source.as_ref()) else { continue };
        let name = match person_in(people, named) {
            Some(i) => people.persons[i].name.clone(),
            None => phrase(text, named),
        };
        if !name.is_empty() {
            out.push((pronoun.end, format!("→ {name}")));
        }
    }
    out
}

/// The source phrase as written, on one line (a phrase broken across lines is joined).
fn phrase(text: &Rope, span: &Span) -> String {
    match text.get_byte_slice(span.clone()) {
        Some(s) => s.to_string().split_whitespace().collect::<Vec<_>>().join(" "),
        None => String::new(),
    }
}

/// The person of the first mention inside `span` (a source phrase may carry a role or title
/// around the name: "Kremlin spokesman Dmitry Peskov").
fn person_in(people: &DocPeople, span: &Span) -> Option<usize> {
    let i = people.mentions.partition_point(|m| m.span.start < span.start);
    people.mentions[i..].iter().take_while(|m| m.span.start < span.end).find(|m| m.span.end <= span.end).map(|m| m.person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::{Format, analyze};

    /// (the text just before each hint, its label), in text order.
    fn hints(text: &str) -> Vec<(String, String)> {
        let a = analyze(text, Format::Plain);
        let mut h = speaker_hints(&Rope::from_str(text), &a);
        h.sort();
        h.into_iter().map(|(at, label)| (text[at.saturating_sub(10)..at].to_string(), label)).collect()
    }

    #[test]
    fn quotes_name_their_speaker_and_pronouns_their_referent() {
        let text = "Ferry talks stall\n\n\
Harbour master Ingrid Solberg said the ferry would not sail on Friday.\n\
“We have never seen the swell this high,” Solberg said.\n\
She added that the crew had been sent home.\n\
“We are watching the forecast hourly,” a senior port official said.\n";
        let h = hints(text);
        assert!(h.contains(&("s high,”".into(), "— Solberg".into())), "{h:?}");
        assert!(h.contains(&(" said.\nShe".into(), "→ Ingrid Solberg".into())), "{h:?}");
        assert!(h.contains(&("hourly,”".into(), "— a senior port official".into())), "{h:?}");
    }

    #[test]
    fn a_pronoun_with_no_referent_gets_no_hint() {
        let text = "Night shift\n\n“We were told nothing until the morning,” she said.\n";
        let a = analyze(text, Format::Plain);
        assert!(a.quotes.iter().any(|q| q.speaker.is_some()), "{:?}", a.quotes);
        assert_eq!(speaker_hints(&Rope::from_str(text), &a), vec![]);
    }
}

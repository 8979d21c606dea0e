//! The signed-section cue: a contributor's name alone on its line, their role and organisation on
//! the next ("Jane Roe" / "Chief economist, Harbour Asset Management – Toronto"), then the
//! paragraphs they wrote, as in a panel of experts or a round-up of views. Everything up to the
//! next signature (or the end of the article) is the contributor's, so it is attributed to them.
//!
//! The people stage reads the same two lines as a name and its role
//! (`people::recognize::cues::byline::byline_role_line`).

use super::pieces::Ctx;
use super::{Attribution, SourceKind};
use crate::people::lexicon::PeopleLexicon;
use crate::sentences::{Role, Sentence};

/// Adds one attribution per signed section, scoped over the section's sentences.
pub(crate) fn signed_sections(ctx: &Ctx, sentences: &[Sentence], out: &mut Vec<Attribution>) {
    let signatures: Vec<usize> = (0..sentences.len().saturating_sub(1)).filter(|&i| signature(ctx, sentences, i)).collect();
    for (k, &i) in signatures.iter().enumerate() {
        let end = signatures.get(k + 1).copied().unwrap_or(sentences.len());
        if i + 2 >= end {
            continue;
        }
        let name = sentences[i].span.clone();
        out.push(Attribution {
            cue: sentences[i + 1].span.clone(),
            source: Some(name),
            kind: SourceKind::Named,
            sentence: i,
            scope: i + 2..end,
            main: true,
            refers_to: None,
            message: None,
        });
    }
}

/// Whether sentence `i` is a name alone on its line and sentence `i + 1` a role line under it.
fn signature(ctx: &Ctx, sentences: &[Sentence], i: usize) -> bool {
    let (s, next) = (&sentences[i], &sentences[i + 1]);
    if s.role != Role::Headline || next.role != Role::Headline || next.block != s.block + 1 {
        return false;
    }
    let people = PeopleLexicon::bundled();
    // The name: two to four capitalised words, a given name first, nothing else on the line.
    let words = ctx.doc.words_of(i);
    let name_line = (2..=4).contains(&words.len())
        && ctx.gap(s.span.start, s.span.end).len() <= 48
        && words.iter().all(|w| ctx.is_cap(w) && !ctx.w(w).chars().all(|c| c.is_uppercase()) && !people.is_role_head(ctx.w(w)))
        && people.is_first_name(ctx.w(&words[0]));
    if !name_line {
        return false;
    }
    // The role: a few words with a role noun, a comma, then the organisation.
    let line = ctx.gap(next.span.start, next.span.end);
    let cut = [" – ", " — ", " - ", " | "].iter().filter_map(|d| line.find(d)).min().unwrap_or(line.len());
    let Some(comma) = line[..cut].find(',') else { return false };
    let role_words: Vec<&str> = line[..comma].split_whitespace().collect();
    (1..=5).contains(&role_words.len())
        && role_words[0].starts_with(char::is_uppercase)
        && role_words.iter().any(|w| people.is_role_head(w))
        && !line[..cut].trim_end().ends_with(['.', '?', '!', ':', ';'])
        && line[comma + 1..cut].split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use crate::{Format, analyze};

    fn flagged(text: &str) -> Vec<String> {
        let a = analyze(text, Format::Plain);
        a.findings.iter().map(|f| text[f.span.clone()].to_string()).collect()
    }

    #[test]
    fn a_signed_section_is_its_contributors() {
        let t = "What to watch next year\n\nBy Tomas Okafor\n\nHere is what they expect.\n\n\
                 Maria Thrane\n\nChief economist, Harbour Asset Management – Toronto\n\n\
                 Interest rates will rise by half a point in the spring.\n\nThe dollar will fall 5 per cent.\n\n\
                 Daniel Vessberg\n\nProfessor of economics, Northgate University – Leeds\n\n\
                 Growth will slow to 1 per cent by the autumn.\n";
        assert!(flagged(t).is_empty(), "{:?}", flagged(t));
    }

    #[test]
    fn a_name_and_a_headline_are_not_a_signature() {
        let t = "Maria Thrane\n\nMinister resigns over expenses row\n\nThe dollar will fall 5 per cent by June.\n";
        assert_eq!(flagged(t), ["The dollar will fall 5 per cent by June."]);
    }
}

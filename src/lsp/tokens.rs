//! Semantic tokens (`textDocument/semanticTokens/full` and `/range`): people's names.
//!
//! The legend is the standard type `variable` with a custom modifier `person`: clients colour
//! the types they know, and every theme knows `variable`, so names are coloured in VS Code and
//! Neovim with no setup; a theme or user can single them out by the modifier (VS Code
//! `variable.person`, Neovim `@lsp.typemod.variable.person`). Tokens are delta-encoded per the
//! spec, in the negotiated position encoding; a name broken across lines (a hard-wrapped
//! paragraph) becomes one token per line, as multi-line tokens are not allowed.

use byline_core::Span;
use tower_lsp_server::ls_types::{Range, SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend};

use super::snapshot::{Content, Snapshot};

/// The legend: token type 0 is `variable`, modifier bit 0 is `person`.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend { token_types: vec![SemanticTokenType::VARIABLE], token_modifiers: vec![SemanticTokenModifier::new("person")] }
}

const PERSON_TYPE: u32 = 0;
const PERSON_MODIFIERS: u32 = 1;

/// The names of people in document `key` (mentions, and lone surnames the workspace links to a
/// person), as byte spans in text order.
fn name_spans(snap: &Snapshot, key: &str) -> Vec<Span> {
    let Some(people) = snap.index.document(key) else { return Vec::new() };
    let mut spans: Vec<Span> = people.mentions.iter().map(|m| m.span.clone()).collect();
    let tentative = people.tentative.iter().filter(|(s, _)| snap.index.person_at(key, s.start).is_some()).map(|(s, _)| s.clone());
    let before = spans.len();
    spans.extend(tentative);
    if spans.len() > before {
        spans.sort_by_key(|s| s.start);
    }
    spans
}

/// The tokens of document `key`, all of them or those that meet `range`.
pub fn tokens(snap: &Snapshot, key: &str, range: Option<Range>) -> Option<SemanticTokens> {
    let c = snap.content(key)?;
    let wanted = range.map(|r| c.byte(r.start, snap.encoding)..c.byte(r.end, snap.encoding));
    let enc = snap.encoding;
    // Each name as one or more single-line pieces: (line, start character, length).
    let mut pieces: Vec<(u32, u32, u32)> = Vec::new();
    for span in name_spans(snap, key) {
        if let Some(w) = &wanted
            && (span.end < w.start || span.start > w.end)
        {
            continue;
        }
        let (start, end) = (c.position(span.start, enc), c.position(span.end, enc));
        if start.line == end.line {
            if end.character > start.character {
                pieces.push((start.line, start.character, end.character - start.character));
            }
            continue;
        }
        // A name across lines: one piece per line, each up to its line's end.
        let Content::Open(a) = c else { continue };
        let Some(slice) = a.rope.get_byte_slice(span.clone()) else { continue };
        let mut at = span.start;
        for part in slice.to_string().split_inclusive('\n') {
            let body = part.trim_end_matches(['\n', '\r']);
            let (s, e) = (c.position(at, enc), c.position(at + body.len(), enc));
            if s.line == e.line && e.character > s.character {
                pieces.push((s.line, s.character, e.character - s.character));
            }
            at += part.len();
        }
    }
    let mut data = Vec::with_capacity(pieces.len());
    let (mut line, mut col, mut prev_len) = (0u32, 0u32, 0u32);
    for (i, (l, ch, len)) in pieces.into_iter().enumerate() {
        // Tokens may not overlap: a piece that starts inside the previous one is left out.
        if i > 0 && l == line && ch < col + prev_len {
            continue;
        }
        let delta_line = l - line;
        let delta_start = if delta_line == 0 { ch - col } else { ch };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: len,
            token_type: PERSON_TYPE,
            token_modifiers_bitset: PERSON_MODIFIERS,
        });
        (line, col, prev_len) = (l, ch, len);
    }
    Some(SemanticTokens { result_id: None, data })
}

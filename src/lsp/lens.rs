//! Code lenses: on the first mention of each person in an article, "12 mentions · 4 files".
//!
//! `textDocument/codeLens` gives only the ranges, each with the person's id as `data`;
//! `codeLens/resolve` fills in the title and the command (the counts and every mention's
//! location are looked up only for the lenses the editor shows). The command is
//! [`SHOW_REFERENCES`] with the arguments `[uri, position, locations]` in LSP form, the
//! arguments of VS Code's `editor.action.showReferences`: a command of the client, not of the
//! server (it is not in `executeCommandProvider`), because VS Code's command wants its own
//! `Uri`/`Position`/`Location` objects — the VS Code extension converts them and calls it, and
//! the Neovim plugin shows the locations in the quickfix list.

use std::collections::HashSet;

use byline_core::Span;
use byline_core::index::PersonId;
use serde_json::{Value, json};
use tower_lsp_server::ls_types::{CodeLens, Command, Location};

use super::people::location;
use super::snapshot::{Snapshot, key_of};

/// The client-side command a lens runs.
pub const SHOW_REFERENCES: &str = "byline.showReferences";

/// The unresolved lenses of document `key`: one per person, on their first mention here. One
/// walk over the document's mentions (and lone surnames the workspace links to a person), in
/// text order, each resolved to its workspace person once.
pub fn code_lenses(snap: &Snapshot, key: &str) -> Option<Vec<CodeLens>> {
    let doc = snap.doc(key)?;
    let c = doc.content.as_ref()?;
    let Some(people) = snap.index.document(key) else { return Some(Vec::new()) };
    let mut spans: Vec<&Span> = people.mentions.iter().map(|m| &m.span).chain(people.tentative.iter().map(|t| &t.0)).collect();
    spans.sort_by_key(|s| s.start);
    let mut seen: HashSet<PersonId> = HashSet::new();
    let mut lenses = Vec::new();
    for span in spans {
        let Some(id) = snap.index.person_at(key, span.start) else { continue };
        if !seen.insert(id.clone()) {
            continue;
        }
        lenses.push(CodeLens {
            range: c.range(span, snap.encoding),
            command: None,
            data: Some(json!({ "uri": doc.uri.as_str(), "person": &*id })),
        });
    }
    Some(lenses)
}

/// The title of a lens: "12 mentions · 4 files".
pub fn title(mentions: usize, files: usize) -> String {
    let m = if mentions == 1 { "mention" } else { "mentions" };
    let f = if files == 1 { "file" } else { "files" };
    format!("{mentions} {m} · {files} {f}")
}

/// A lens with its title and command, from the person in its `data`; a person no longer in the
/// workspace gets a title that says so and no locations.
pub fn resolve(snap: &Snapshot, mut lens: CodeLens) -> CodeLens {
    let data = lens.data.clone().unwrap_or(Value::Null);
    let uri = data.get("uri").and_then(Value::as_str).unwrap_or_default().to_string();
    let person = data.get("person").and_then(Value::as_str).unwrap_or_default();
    let info = snap.index.person_with_quotes(person, 0);
    let locations: Vec<Location> = match &info {
        Some(_) => snap.index.mentions(person).iter().filter_map(|(doc, span)| location(snap, doc, span)).collect(),
        None => Vec::new(),
    };
    let title = match &info {
        Some(info) => title(info.mention_count, info.file_count),
        None => "no longer mentioned".to_string(),
    };
    // The position in the client's own URI spelling, as given in the lens.
    let uri = uri.parse().ok().map(|u| snap.doc(&key_of(&u)).map_or(u, |d| d.uri.clone()));
    lens.command = Some(Command {
        title,
        command: SHOW_REFERENCES.into(),
        arguments: uri.map(|u| vec![json!(u.as_str()), json!(lens.range.start), json!(locations)]),
    });
    lens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(title(12, 4), "12 mentions · 4 files");
        assert_eq!(title(1, 1), "1 mention · 1 file");
    }
}

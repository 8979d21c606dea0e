//! Renaming a person, and the workspace edits that change names in many files (renames and the
//! `name-spelling` quick fixes share them).
//!
//! A rename changes every mention of the person in every file, open or not, each in its own
//! form: the surname of a surname-only mention ("Marsh" → "Marsch", "Marsh's" keeps its `'s`
//! since possessives are not part of a mention), the given name of a given-name-only one, both
//! parts of a full name (middle initials and titles stay). Aliases are left alone.
//!
//! Edits for files that are not open are edits of the file on disk: with `documentChanges` (when
//! the client supports them) each file's edit carries its version — the version analysed for an
//! open document, so a client rejects an edit of a text that changed since, and `null` for a file
//! on disk, as the specification says for documents the client has not opened; otherwise the
//! edits go in `changes`, keyed by URI.

use std::collections::BTreeMap;

use byline_core::Span;
use byline_core::consistency::spelling::Part;
use byline_core::people::NameForm;
use tower_lsp_server::ls_types::{
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, Position, PrepareRenameResponse, TextDocumentEdit, TextEdit,
    WorkspaceEdit,
};

use super::snapshot::{Content, DocKey, Snapshot};

/// One replacement: in document `.0`, the bytes `.1` become `.2`.
pub type Replacement = (DocKey, Span, String);

/// The replacements as one `WorkspaceEdit`: per document, in text order (overlapping ones
/// dropped), converted with the text the index spans were computed on. `versioned`: as
/// `documentChanges` with versions (the client supports them), else as `changes`.
pub fn workspace_edit(snap: &Snapshot, mut edits: Vec<Replacement>, versioned: bool) -> WorkspaceEdit {
    edits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.start.cmp(&b.1.start)));
    let mut by_doc: BTreeMap<DocKey, Vec<(Span, String)>> = BTreeMap::new();
    for (doc, span, text) in edits {
        let list = by_doc.entry(doc).or_default();
        if list.last().is_some_and(|(s, _)| s.end > span.start) {
            continue;
        }
        list.push((span, text));
    }
    let mut changes = std::collections::HashMap::new();
    let mut document_edits = Vec::new();
    for (doc, list) in by_doc {
        let Some(view) = snap.doc(&doc) else { continue };
        let Some(content) = &view.content else { continue };
        let text_edits: Vec<TextEdit> = list
            .iter()
            .map(|(span, new_text)| TextEdit { range: content.range(span, snap.encoding), new_text: new_text.clone() })
            .collect();
        if versioned {
            let version = match content {
                Content::Open(a) => a.version,
                Content::Disk { .. } => None,
            };
            document_edits.push(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: view.uri.clone(), version },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            });
        } else {
            changes.insert(view.uri.clone(), text_edits);
        }
    }
    if versioned {
        WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(document_edits)), ..Default::default() }
    } else {
        WorkspaceEdit { changes: Some(changes), ..Default::default() }
    }
}

/// `textDocument/prepareRename`: the range of the mention at `pos` and, as placeholder, the
/// mention as written; `None` (the request's `null`) where there is no person.
pub fn prepare(snap: &Snapshot, key: &str, pos: Position) -> Option<PrepareRenameResponse> {
    let c = snap.content(key)?;
    let offset = c.byte(pos, snap.encoding);
    snap.index.person_at(key, offset)?;
    let (span, form) = snap.index.form_at(key, offset)?;
    if form.given.is_none() && form.surname.is_none() {
        return None; // an alias: nothing a rename would change
    }
    let placeholder = written(snap, key, &span, &form)?;
    Some(PrepareRenameResponse::RangeWithPlaceholder { range: c.range(&span, snap.encoding), placeholder })
}

/// The mention as written: from the text of an open document, else from its parts.
fn written(snap: &Snapshot, key: &str, span: &Span, form: &NameForm) -> Option<String> {
    if let Some(Content::Open(a)) = snap.content(key) {
        return a.rope.get_byte_slice(span.clone()).map(|s| s.to_string());
    }
    let parts: Vec<&(Span, Box<str>)> = form.given.iter().chain(form.surname.iter()).collect();
    let mut parts = parts;
    parts.sort_by_key(|(s, _)| s.start);
    Some(parts.iter().map(|(_, t)| &**t).collect::<Vec<_>>().join(" "))
}

/// The new given name and surname a rename asks for.
#[derive(Debug, PartialEq, Eq)]
pub struct NewName {
    pub given: Option<String>,
    pub surname: Option<String>,
}

/// Read the new name typed over the mention `form`: one word renames the part that mention is
/// (its given name for a given-name-only mention, else the surname); several words give the
/// given name and the surname, in the order the mention writes them ("Cho Tae-yul": family
/// name first). Initials in the middle ("Vladimir V. Putin") are left out.
pub fn parse_new_name(new_name: &str, form: &NameForm) -> Result<NewName, String> {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Err("the new name is empty".into());
    }
    if new_name.chars().any(|c| c.is_control()) || new_name.chars().count() > 200 {
        return Err("the new name must be a name on one line".into());
    }
    let words: Vec<&str> = new_name.split_whitespace().collect();
    if words.len() == 1 {
        let w = words[0].to_string();
        return Ok(if form.surname.is_none() {
            NewName { given: Some(w), surname: None }
        } else {
            NewName { given: None, surname: Some(w) }
        });
    }
    let initial = |w: &str| w.ends_with('.') && w.chars().count() <= 3;
    let family_first = matches!((&form.given, &form.surname), (Some((g, _)), Some((s, _))) if s.start < g.start);
    let (given, surname) = if family_first {
        (words[words.len() - 1].to_string(), words[..words.len() - 1].join(" "))
    } else {
        let rest: Vec<&str> = words[1..].iter().copied().skip_while(|w| initial(w)).collect();
        (words[0].to_string(), rest.join(" "))
    };
    if surname.is_empty() {
        return Err("the new name has no surname".into());
    }
    Ok(NewName { given: Some(given), surname: Some(surname) })
}

/// `textDocument/rename`: every mention of the person at `pos`, in every file, in its own form.
/// `Err` when there is no person there or the new name is not a name.
pub fn rename(snap: &Snapshot, key: &str, pos: Position, new_name: &str, versioned: bool) -> Result<WorkspaceEdit, String> {
    let c = snap.content(key).ok_or("this document is not known to byline")?;
    let offset = c.byte(pos, snap.encoding);
    let id = snap.index.person_at(key, offset).ok_or("there is no person at this position to rename")?;
    let (_, form) = snap.index.form_at(key, offset).ok_or("there is no person at this position to rename")?;
    if form.given.is_none() && form.surname.is_none() {
        return Err("this mention is an alias of the person; rename it from their name".into());
    }
    let new = parse_new_name(new_name, &form)?;
    let mut edits = Vec::new();
    for (doc, f) in snap.index.name_forms(&id) {
        for (slot, to) in [(&f.given, &new.given), (&f.surname, &new.surname)] {
            if let (Some((span, text)), Some(to)) = (slot, to)
                && **text != **to
            {
                edits.push((doc.clone(), span.clone(), to.clone()));
            }
        }
    }
    Ok(workspace_edit(snap, edits, versioned))
}

/// The edit of a `name-spelling` quick fix: every mention of the person whose `part` is spelled
/// `from` (case aside), in every file, spelled `to`.
pub fn respell(snap: &Snapshot, person: &str, part: Part, from: &str, to: &str, versioned: bool) -> WorkspaceEdit {
    let edits = snap.index.spelled(person, part, from).into_iter().map(|(d, s)| (d, s, to.to_string())).collect();
    workspace_edit(snap, edits, versioned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(given: Option<(usize, &str)>, surname: Option<(usize, &str)>) -> NameForm {
        let slot = |(at, t): (usize, &str)| (at..at + t.len(), Box::from(t));
        NameForm { given: given.map(slot), surname: surname.map(slot) }
    }

    #[test]
    fn a_new_name_is_read_in_the_mentions_order() {
        let full = form(Some((0, "Helena")), Some((7, "Marsh")));
        assert_eq!(parse_new_name("Helen Marsch", &full).unwrap(), NewName { given: Some("Helen".into()), surname: Some("Marsch".into()) });
        assert_eq!(parse_new_name(" Marsch ", &full).unwrap(), NewName { given: None, surname: Some("Marsch".into()) });
        assert_eq!(
            parse_new_name("Vladimir V. Putyn", &full).unwrap(),
            NewName { given: Some("Vladimir".into()), surname: Some("Putyn".into()) }
        );
        assert_eq!(
            parse_new_name("Ana de la Cruz", &full).unwrap(),
            NewName { given: Some("Ana".into()), surname: Some("de la Cruz".into()) }
        );
        let given_only = form(Some((0, "Helena")), None);
        assert_eq!(parse_new_name("Helen", &given_only).unwrap(), NewName { given: Some("Helen".into()), surname: None });
        let family_first = form(Some((4, "Tae-yul")), Some((0, "Cho")));
        assert_eq!(
            parse_new_name("Jo Tae-yul", &family_first).unwrap(),
            NewName { given: Some("Tae-yul".into()), surname: Some("Jo".into()) }
        );
        assert!(parse_new_name("   ", &full).is_err());
        assert!(parse_new_name("Helen\nMarsh", &full).is_err());
    }
}

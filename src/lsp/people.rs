//! People queries, answered from a snapshot: hover, definition, references, workspace and
//! document symbols, document highlights. Spans from the index are converted with the text
//! they were computed on.

use byline_core::Span;
use byline_core::index::{PersonId, PersonInfo};
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Hover, HoverContents, Location, MarkupContent,
    MarkupKind, Position, SymbolInformation, SymbolKind,
};

use super::positions::{to_byte, to_range};
use super::snapshot::Snapshot;

/// The person mentioned at `pos` in document `key`, with the byte offset it maps to.
pub fn person_at(snap: &Snapshot, key: &str, pos: Position) -> Option<(PersonId, usize)> {
    let a = snap.analyzed(key)?;
    let offset = to_byte(&a.rope, pos, snap.encoding);
    Some((snap.index.person_at(key, offset)?, offset))
}

pub fn location(snap: &Snapshot, key: &str, span: &Span) -> Option<Location> {
    let doc = snap.doc(key)?;
    let a = doc.analyzed.as_ref()?;
    Some(Location::new(doc.uri.clone(), to_range(&a.rope, span, snap.encoding)))
}

/// The last segment of a document's path, for listing files in a hover.
fn file_name(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

fn decode(name: &str) -> String {
    percent_decode(name)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Hover text: full name, roles with their files, mention counts, up to three quotes.
pub fn hover_markdown(info: &PersonInfo) -> String {
    let mut md = format!("**{}**\n", info.name);
    // Roles, each with the files it comes from, in the index's order (most frequent first).
    let mut roles: Vec<(String, Vec<String>)> = Vec::new();
    for (role, doc) in &info.roles {
        let file = decode(file_name(doc));
        match roles.iter_mut().find(|(r, _)| r == role) {
            Some((_, files)) => {
                if !files.contains(&file) {
                    files.push(file)
                }
            }
            None => roles.push((role.clone(), vec![file])),
        }
    }
    if !roles.is_empty() {
        md.push('\n');
        for (role, files) in &roles {
            md.push_str(&format!("- {role} — *{}*\n", files.join(", ")));
        }
    }
    let mentions = if info.mention_count == 1 { "mention" } else { "mentions" };
    let files = if info.file_count == 1 { "file" } else { "files" };
    md.push_str(&format!("\n{} {mentions} in {} {files}\n", info.mention_count, info.file_count));
    for (quote, doc) in info.quotes.iter().take(3) {
        md.push_str(&format!("\n> “{}” — *{}*\n", quote.trim(), decode(file_name(doc))));
    }
    md
}

pub fn hover(snap: &Snapshot, key: &str, pos: Position) -> Option<Hover> {
    let (id, offset) = person_at(snap, key, pos)?;
    let info = snap.index.person(&id)?;
    let a = snap.analyzed(key)?;
    let range = a.analysis.people.mention_at(offset).map(|m| to_range(&a.rope, &m.span, snap.encoding));
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: hover_markdown(&info) }),
        range,
    })
}

pub fn definition(snap: &Snapshot, key: &str, pos: Position) -> Option<Location> {
    let (id, _) = person_at(snap, key, pos)?;
    let (doc, span) = snap.index.definition(&id, key)?;
    location(snap, &doc, &span)
}

pub fn references(snap: &Snapshot, key: &str, pos: Position, include_declaration: bool) -> Option<Vec<Location>> {
    let (id, _) = person_at(snap, key, pos)?;
    let declaration = if include_declaration { None } else { snap.index.definition(&id, key) };
    Some(
        snap.index
            .mentions(&id)
            .into_iter()
            .filter(|(doc, span)| declaration.as_ref().is_none_or(|(d, s)| !(d == doc && s == span)))
            .filter_map(|(doc, span)| location(snap, &doc, &span))
            .collect(),
    )
}

pub fn highlights(snap: &Snapshot, key: &str, pos: Position) -> Option<Vec<DocumentHighlight>> {
    let (id, _) = person_at(snap, key, pos)?;
    let a = snap.analyzed(key)?;
    Some(
        snap.index
            .mentions(&id)
            .into_iter()
            .filter(|(doc, _)| &**doc == key)
            .map(|(_, span)| DocumentHighlight {
                range: to_range(&a.rope, &span, snap.encoding),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect(),
    )
}

#[allow(deprecated)] // SymbolInformation::deprecated must be spelled out
pub fn workspace_symbols(snap: &Snapshot, query: &str) -> Vec<SymbolInformation> {
    snap.index
        .search(query)
        .into_iter()
        .filter_map(|info| {
            let (doc, span) = snap.index.definition(&info.id, "")?;
            Some(SymbolInformation {
                name: info.name.clone(),
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                location: location(snap, &doc, &span)?,
                container_name: info.roles.first().map(|(r, _)| r.clone()),
            })
        })
        .collect()
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be spelled out
pub fn document_symbols(snap: &Snapshot, key: &str) -> Vec<DocumentSymbol> {
    let Some(a) = snap.analyzed(key) else { return Vec::new() };
    snap.index
        .people_in(key)
        .into_iter()
        .filter_map(|id| {
            let info = snap.index.person(&id)?;
            let first = snap.index.mentions(&id).into_iter().filter(|(d, _)| &**d == key).map(|(_, s)| s).min_by_key(|s| s.start)?;
            let range = to_range(&a.rope, &first, snap.encoding);
            // The role this article gives them, else their most frequent one.
            let detail = info.roles.iter().find(|(_, d)| &**d == key).or(info.roles.first()).map(|(r, _)| r.clone());
            Some(DocumentSymbol {
                name: info.name,
                detail,
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn hover_lists_roles_with_files_counts_and_quotes() {
        let a: Arc<str> = Arc::from("file:///ws/kremlin%20talks.txt");
        let b: Arc<str> = Arc::from("file:///ws/b.md");
        let info = PersonInfo {
            id: Arc::from("Anna Petrova"),
            name: "Anna Petrova".into(),
            roles: vec![("mayor".into(), a.clone()), ("mayor".into(), b.clone()), ("candidate".into(), b.clone())],
            mention_count: 5,
            file_count: 2,
            quotes: vec![("We will rebuild the bridge".into(), a.clone())],
        };
        let md = hover_markdown(&info);
        assert!(md.starts_with("**Anna Petrova**"), "{md}");
        assert!(md.contains("- mayor — *kremlin talks.txt, b.md*"), "{md}");
        assert!(md.contains("- candidate — *b.md*"), "{md}");
        assert!(md.contains("5 mentions in 2 files"), "{md}");
        assert!(md.contains("> “We will rebuild the bridge” — *kremlin talks.txt*"), "{md}");
    }
}

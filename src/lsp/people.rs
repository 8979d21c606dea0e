//! People queries, answered from a snapshot: hover, definition, references, workspace and
//! document symbols, document highlights. Spans from the index are converted with the text
//! they were computed on.

use byline_core::Span;
use byline_core::index::{PersonId, PersonInfo, RolesAcross};
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Hover, HoverContents, Location, MarkupContent, MarkupKind, Position, Range,
    SymbolInformation, SymbolKind, Uri,
};

use super::hover_roles::roles_markdown;
use super::snapshot::{Content, Snapshot};
use crate::desk::people::Known;

/// How many quotes a hover shows.
const HOVER_QUOTES: usize = 3;

/// How many people `workspace/symbol` returns for a non-empty query (the best matches); the
/// empty query lists everyone.
pub const SYMBOL_LIMIT: usize = 256;

/// The person mentioned at `pos` in document `key`, with the byte offset it maps to.
pub fn person_at(snap: &Snapshot, key: &str, pos: Position) -> Option<(PersonId, usize)> {
    let offset = snap.content(key)?.byte(pos, snap.encoding);
    Some((snap.index.person_at(key, offset)?, offset))
}

pub fn location(snap: &Snapshot, key: &str, span: &Span) -> Option<Location> {
    let doc = snap.doc(key)?;
    let c = doc.content.as_ref()?;
    Some(Location::new(doc.uri.clone(), c.range(span, snap.encoding)))
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

/// Hover text: full name, roles (this article's first, then the other articles' with their files
/// and a note on a conflicting role, [`super::hover_roles`]), mention counts, up to three quotes.
/// `here`: the fullest name the hovered article gives the person, shown when it is not the name
/// the workspace knows them by ("Seddique Mir Mateen" here, "Seddique Mateen" elsewhere).
/// `desk`: the `[[people]]` entry of `byline.toml` the person matches, whose full name (when
/// matched by an alias) and roles (those the articles do not give) come after the articles' own,
/// marked as the desk's.
pub fn hover_markdown(info: &PersonInfo, here: Option<&str>, roles: &RolesAcross, desk: Option<Known>) -> String {
    let mut md = format!("**{}**\n", info.name);
    if let Some(here) = here.filter(|h| *h != info.name) {
        md.push_str(&format!("\nNamed here as *{here}*\n"));
    }
    md.push_str(&roles_markdown(roles, |d| decode(file_name(d))));
    if let Some(known) = desk {
        md.push_str(&desk_markdown(&known, roles));
    }
    let mentions = if info.mention_count == 1 { "mention" } else { "mentions" };
    let files = if info.file_count == 1 { "file" } else { "files" };
    md.push_str(&format!("\n{} {mentions} in {} {files}\n", info.mention_count, info.file_count));
    for (quote, doc) in info.quotes.iter().take(HOVER_QUOTES) {
        md.push_str(&format!("\n> “{}” — *{}*\n", quote.trim(), decode(file_name(doc))));
    }
    md
}

/// What the desk knows of a person beyond the articles: the full name an alias stands for, and
/// the roles no article gives.
fn desk_markdown(known: &Known, roles: &RolesAcross) -> String {
    let mut md = String::new();
    if known.by_alias {
        md.push_str(&format!(
            "
Known to the desk as **{}**
",
            known.full_name()
        ));
    }
    let given: Vec<String> = roles.here.iter().cloned().chain(roles.elsewhere.iter().map(|e| e.role.clone())).collect();
    let extra = known.roles_beyond(&given);
    if !extra.is_empty() {
        md.push_str(&format!(
            "
{} *(desk, byline.toml)*
",
            extra.join(" · ")
        ));
    }
    md
}

/// The `[[people]]` entry of the desk that the person `info` (named `here` in the hovered
/// article) matches.
fn desk_entry<'s>(snap: &'s Snapshot, info: &PersonInfo, here: Option<&str>) -> Option<Known<'s>> {
    let mut names = vec![info.name.as_str()];
    names.extend(here);
    snap.desks.desk.known_person(&names)
}

/// The hover of a quotation: the other articles that carry it, each with how (the same words, an
/// excerpt, or differently: the words that differ), and the same words attributed to someone
/// else. `None` when no other article carries it.
pub fn quotation_markdown(here: &byline_core::index::QuotationHere) -> Option<String> {
    use byline_core::consistency::quotes::Relation;
    if here.elsewhere.is_empty() {
        return None;
    }
    let mut md = String::from("**Quoted elsewhere**\n");
    for c in &here.elsewhere {
        let file = decode(file_name(&c.found.doc));
        let how = match (&c.relation, c.same_speaker) {
            (_, false) => format!("the same words, attributed to **{}**", c.found.speaker),
            (Relation::Same, true) => "the same words".to_string(),
            (Relation::Excerpt, true) => "in part (an excerpt)".to_string(),
            (Relation::Mismatch(_), true) => format!("differently: {}", c.difference),
            (Relation::Unrelated, true) => continue,
        };
        md.push_str(&format!("\n- `{file}` — {how}"));
    }
    Some(md)
}

pub fn hover(snap: &Snapshot, key: &str, pos: Position) -> Option<Hover> {
    let Some((id, offset)) = person_at(snap, key, pos) else {
        // On a quotation: where else it is quoted.
        let c = snap.content(key)?;
        let here = snap.index.quotation_at(key, c.byte(pos, snap.encoding))?;
        let value = quotation_markdown(&here)?;
        let range = Some(c.range(&here.span, snap.encoding));
        return Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }), range });
    };
    let info = snap.index.person_with_quotes(&id, HOVER_QUOTES)?;
    let c = snap.content(key)?;
    let people = snap.index.document(key)?;
    let mention = people.mention_at(offset);
    let range = mention.map(|m| c.range(&m.span, snap.encoding));
    let here =
        mention.and_then(|m| people.persons.get(m.person)).map(|p| if p.fullest.is_empty() { p.name.as_str() } else { p.fullest.as_str() });
    let roles = snap.index.roles_shown(&id, key, super::hover_roles::ROLES_SHOWN, super::hover_roles::FILES_SHOWN);
    let value = hover_markdown(&info, here, &roles, desk_entry(snap, &info, here));
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }), range })
}

pub fn definition(snap: &Snapshot, key: &str, pos: Position) -> Option<Location> {
    let (id, _) = person_at(snap, key, pos)?;
    let (doc, span) = snap.index.definition(&id, key)?;
    location(snap, &doc, &span)
}

/// The locations of one document: the URI to report and ranges in text order.
pub struct DocRanges<'s> {
    pub uri: &'s Uri,
    pub ranges: Vec<Range>,
}

/// Every mention of the person at `pos`, grouped by document (open or not), converted to
/// ranges and handed to `each` document by document (so that they can be sent while the rest
/// are converted): the index gives each document's mentions in text order, so the offsets of
/// a document are converted in one walk over its line index ([`super::positions::Walker`]).
/// `None` when no person is at `pos`.
pub fn each_reference_group<'s>(
    snap: &'s Snapshot,
    key: &str,
    pos: Position,
    include_declaration: bool,
    mut each: impl FnMut(DocRanges<'s>),
) -> Option<()> {
    let (id, _) = person_at(snap, key, pos)?;
    let declaration = if include_declaration { None } else { snap.index.definition(&id, key) };
    snap.index.each_mention_group(&id, |doc, mentions| {
        // The declaration is left out by comparing spans within its own document only.
        let skip = declaration.as_ref().filter(|(d, _)| d == doc).map(|(_, s)| s);
        let spans = mentions.iter().map(|(s, _)| s).filter(|s| skip != Some(*s));
        let Some(view) = snap.doc(doc) else { return };
        let ranges = match &view.content {
            Some(Content::Disk { lines, .. }) => {
                let mut w = lines.walker(snap.encoding);
                spans.map(|s| Range::new(w.position(s.start), w.position(s.end))).collect()
            }
            Some(c) => spans.map(|s| c.range(s, snap.encoding)).collect(),
            None => return,
        };
        each(DocRanges { uri: &view.uri, ranges });
    });
    Some(())
}

/// [`each_reference_group`], collected.
pub fn reference_groups<'s>(snap: &'s Snapshot, key: &str, pos: Position, include_declaration: bool) -> Option<Vec<DocRanges<'s>>> {
    let mut out = Vec::new();
    each_reference_group(snap, key, pos, include_declaration, |g| out.push(g))?;
    Some(out)
}

pub fn references(snap: &Snapshot, key: &str, pos: Position, include_declaration: bool) -> Option<Vec<Location>> {
    let groups = reference_groups(snap, key, pos, include_declaration)?;
    Some(groups.iter().flat_map(|g| g.ranges.iter().map(|r| Location::new(g.uri.clone(), *r))).collect())
}

pub fn highlights(snap: &Snapshot, key: &str, pos: Position) -> Option<Vec<DocumentHighlight>> {
    let (id, _) = person_at(snap, key, pos)?;
    let c = snap.content(key)?;
    Some(
        snap.index
            .mentions_in(key, &id)
            .into_iter()
            .map(|(span, _)| DocumentHighlight { range: c.range(&span, snap.encoding), kind: Some(DocumentHighlightKind::TEXT) })
            .collect(),
    )
}

#[allow(deprecated)] // SymbolInformation::deprecated must be spelled out
pub fn workspace_symbols(snap: &Snapshot, query: &str) -> Vec<SymbolInformation> {
    let limit = if query.trim().is_empty() { usize::MAX } else { SYMBOL_LIMIT };
    let mut found = snap.index.search_top(query, limit);
    found.extend(known_by_alias(snap, query, &found));
    found
        .into_iter()
        .filter_map(|info| {
            let (doc, span) = snap.index.definition(&info.id, "")?;
            let known = desk_entry(snap, &info, None);
            // A person the articles name by an alias the desk knows: the desk's full name too.
            let name = match known {
                Some(k) if k.by_alias => format!("{} ({})", k.full_name(), info.name),
                _ => info.name.clone(),
            };
            let role = info.roles.first().map(|(r, _)| r.clone()).or_else(|| known.and_then(|k| k.person.roles.first().cloned()));
            Some(SymbolInformation {
                name,
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                location: location(snap, &doc, &span)?,
                container_name: role,
            })
        })
        .collect()
}

/// The people the articles name only by an alias of a `[[people]]` entry whose full name the
/// query matches ("Kovalyov" finds the "Olek" of an article), not already in `found`.
fn known_by_alias(snap: &Snapshot, query: &str, found: &[PersonInfo]) -> Vec<PersonInfo> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<PersonInfo> = Vec::new();
    for entry in snap.desks.desk.people.iter().filter(|p| p.name.to_lowercase().contains(&q)) {
        for alias in &entry.aliases {
            let key = byline_core::consistency::spelling::spelling_key(alias);
            for info in snap.index.search_top(alias, SYMBOL_LIMIT) {
                let new = !found.iter().chain(&out).any(|f| f.id == info.id);
                if new && byline_core::consistency::spelling::spelling_key(&info.name) == key {
                    out.push(info);
                }
            }
        }
    }
    out
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be spelled out
pub fn document_symbols(snap: &Snapshot, key: &str) -> Vec<DocumentSymbol> {
    let Some(c) = snap.content(key) else { return Vec::new() };
    snap.index
        .people_in(key)
        .into_iter()
        .filter_map(|id| {
            let info = snap.index.person_with_quotes(&id, 0)?;
            let (first, _) = snap.index.mentions_in(key, &id).into_iter().next()?;
            let range = c.range(&first, snap.encoding);
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
    fn hover_lists_name_roles_counts_and_quotes() {
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
        let roles = RolesAcross {
            here: vec!["mayor".into()],
            elsewhere: vec![byline_core::index::RoleElsewhere { role: "candidate".into(), docs: vec![b.clone()], count: 1 }],
            more_roles: 0,
            conflict: None,
        };
        let md = hover_markdown(&info, Some("Anna Petrova"), &roles, None);
        assert!(md.starts_with("**Anna Petrova**\n\nmayor\n"), "the name, then the role here: {md}");
        assert!(!md.contains("Named here"), "{md}");
        let here = hover_markdown(&info, Some("Anna K. Petrova"), &roles, None);
        assert!(here.contains("Named here as *Anna K. Petrova*"), "{here}");
        assert!(md.contains("- candidate — *b.md*"), "{md}");
        assert!(md.contains("5 mentions in 2 files"), "{md}");
        assert!(md.contains("> “We will rebuild the bridge” — *kremlin talks.txt*"), "{md}");
    }
}

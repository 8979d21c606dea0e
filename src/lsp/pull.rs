//! Pull diagnostics (LSP 3.17 `textDocument/diagnostic`, `workspace/diagnostic`), for clients
//! that advertise them when `diagnostics.pull` is on at `initialize` (push is the default).
//!
//! A report's result id is the document's content generation, the desk's reload count and a
//! hash of the settings: a document whose id the client sends back unchanged is answered
//! `unchanged` without being read or analysed again. `workspace/diagnostic` reports every
//! article of the workspace index — open documents from their analysis, the others read from
//! disk and analysed (in parallel) — with their ledger statuses.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use byline_core::Format;
use rayon::prelude::*;
use ropey::Rope;
use tower_lsp_server::ls_types::*;

use super::diagnostics::{SpellingInput, cross_diagnostics, settings_for, with_ledger};
use super::documents::Document;
use super::snapshot::{Content, Snapshot, file_path_of, key_of};

fn result_id(generation: u64, s: &Snapshot) -> String {
    let mut h = std::hash::DefaultHasher::new();
    format!("{:?}", s.settings).hash(&mut h);
    // The spelling version: a document's `name-spelling` diagnostics change when another
    // article spells a name differently.
    format!("{generation}.{}.{}.{:x}", s.desks.version, s.index.cross_version(), h.finish())
}

/// The diagnostics of one document as they are in `s` (a file known only from disk is read and
/// analysed here).
fn diagnostics_of(s: &Snapshot, view: &Document) -> Vec<Diagnostic> {
    let path = file_path_of(&view.uri);
    let rel = path.as_deref().and_then(|p| s.desks.relative(p));
    let settings = settings_for(&s.desks, &s.settings, rel.as_deref());
    let ledger = s.desks.ledger.as_deref().zip(rel.as_deref());
    let spelling = SpellingInput::new(&settings, &s.index, &s.docs, || s.desks.desk.house_names());
    let key = key_of(&view.uri);
    match &view.content {
        Some(Content::Open(a)) => {
            let mut diags = with_ledger(&a.analysis.findings, &a.rope, ledger, s.encoding, &settings);
            if let Some(input) = &spelling {
                diags.extend(cross_diagnostics(input, &key, &a.rope, s.encoding));
            }
            diags
        }
        Some(Content::Disk { .. }) => {
            let Some(path) = path else { return Vec::new() };
            let Ok(text) = crate::files::read_article(&path, settings.max_file_size) else { return Vec::new() };
            let format = Format::from_path(path.to_string_lossy().as_ref());
            let Ok(analysis) = super::analysis::analyze_guarded(&text, format, s.desks.desk.lexicon.lexicon(), view.uri.as_str()) else {
                return Vec::new();
            };
            let rope = Rope::from_str(&text);
            let mut diags = with_ledger(&analysis.findings, &rope, ledger, s.encoding, &settings);
            // The index's spans are of the text read when the file was indexed; a file changed
            // on disk since is read again on its watched-file event, so they agree but briefly.
            if let Some(input) = &spelling
                && input.index.document(&key).is_some_and(|p| p.mentions == analysis.people.mentions)
            {
                diags.extend(cross_diagnostics(input, &key, &rope, s.encoding));
            }
            diags
        }
        None => Vec::new(),
    }
}

fn version_of(view: &Document) -> Option<i64> {
    match &view.content {
        Some(Content::Open(a)) => a.version.map(i64::from),
        _ => None,
    }
}

/// `textDocument/diagnostic`.
pub fn document(s: &Snapshot, key: &str, previous: Option<&str>) -> DocumentDiagnosticReportResult {
    let report = match s.doc(key) {
        None => DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport::default()),
        Some(view) => {
            let id = result_id(view.generation, s);
            if previous == Some(id.as_str()) {
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
                })
            } else {
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(id), items: diagnostics_of(s, view) },
                })
            }
        }
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// `workspace/diagnostic`: every article of the workspace.
pub fn workspace(s: &Snapshot, previous: &[PreviousResultId]) -> WorkspaceDiagnosticReportResult {
    let previous: HashMap<_, _> = previous.iter().map(|p| (key_of(&p.uri), p.value.as_str())).collect();
    let views: Vec<(&str, &Document)> = s.docs.iter().filter(|(_, v)| file_path_of(&v.uri).is_some()).map(|(k, v)| (&**k, &**v)).collect();
    let mut items: Vec<(String, WorkspaceDocumentDiagnosticReport)> = views
        .par_iter()
        .map(|(key, view)| {
            let id = result_id(view.generation, s);
            let (uri, version) = (view.uri.clone(), version_of(view));
            let report = if previous.get(*key) == Some(&id.as_str()) {
                WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
                    uri,
                    version,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
                })
            } else {
                WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                    uri,
                    version,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(id), items: diagnostics_of(s, view) },
                })
            };
            (key.to_string(), report)
        })
        .collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items: items.into_iter().map(|(_, r)| r).collect() })
}

//! The desk of the workspace the server works in: `byline.toml` and the check ledger of the
//! first workspace folder (at its root, else the nearest `byline.toml` above it), read on a
//! blocking thread ([`load`]) and held by the state task.
//!
//! A file that fails to parse keeps the last good version in force; its error becomes a
//! diagnostic on the offending line of that file (and one `window/showMessage`), and the
//! ledger is never written while it is broken. Entries of the ledger that match no finding any
//! more (orphans) become diagnostics on their line of the ledger.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline_core::Format;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Uri};

use super::snapshot::{Analyzed, file_uri};
use crate::desk::{ConfigError, Desk};
use crate::ledger::{Ledger, LedgerError};

/// What one read of the workspace's configuration found.
#[derive(Debug)]
pub struct Loaded {
    /// The folder of the `byline.toml` in force ([`crate::desk::find::server_root`]).
    pub root: PathBuf,
    pub desk: Result<Desk, ConfigError>,
    pub ledger: Result<Ledger, LedgerError>,
    /// Orphan entries of the ledger read (when it was read), as diagnostics on the ledger file.
    pub orphans: Vec<Diagnostic>,
}

/// The desk in force: the last good `byline.toml` and ledger, and what is wrong now.
#[derive(Clone, Debug, Default)]
pub struct Desks {
    pub root: Option<PathBuf>,
    pub desk: Arc<Desk>,
    pub ledger: Option<Arc<Ledger>>,
    pub desk_error: Option<ConfigError>,
    pub ledger_error: Option<LedgerError>,
    /// Counts the reloads (part of pulled diagnostics' result ids).
    pub version: u64,
}

impl Desks {
    /// The configuration file of the workspace.
    pub fn desk_file(&self) -> Option<PathBuf> {
        Some(self.root.as_ref()?.join(crate::desk::FILE_NAME))
    }

    /// The ledger file in force (from the last good `byline.toml`).
    pub fn ledger_file(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        Some(root.join(self.desk.ledger_path.as_deref().unwrap_or(crate::ledger::FILE_NAME)))
    }

    /// Whether `path` is one of the files this desk is read from.
    pub fn is_config_file(&self, path: &Path) -> bool {
        Some(path) == self.desk_file().as_deref() || Some(path) == self.ledger_file().as_deref()
    }

    /// The workspace-relative path of an article (see [`relative`]).
    pub fn relative(&self, path: &Path) -> Option<String> {
        relative(self.root.as_ref()?, path)
    }
}

/// The workspace-relative `/` path of an article inside `root`: through symbolic links when
/// the file exists (a link out of the workspace is refused), else lexically (an unsaved buffer).
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    if path.exists() {
        return crate::ledger::paths::relative_to(root, path).ok();
    }
    let parent = path.parent()?.canonicalize().ok()?;
    let root = root.canonicalize().ok()?;
    let rel = parent.strip_prefix(&root).ok()?.join(path.file_name()?);
    let rel = rel.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
    crate::ledger::paths::check_entry_path(&rel).ok().map(|()| rel)
}

/// Read `root/byline.toml` and the ledger it names (or, while it is broken, the one `fallback`
/// names: the last good configuration), and find the ledger's orphan entries — against the
/// open documents' analyses where given (workspace-relative path → analysis), else the files on
/// disk. Blocking. The workspace root is the folder of the `byline.toml` that governs `folder`
/// ([`crate::desk::find::server_root`]); `open` holds the open documents' analyses by path.
pub fn load(folder: &Path, fallback: &Desk, open: &[(PathBuf, Arc<Analyzed>)], max_file_size: u64) -> Loaded {
    let root_buf = crate::desk::find::server_root(folder, crate::desk::find::home().as_deref());
    let root = root_buf.as_path();
    let open: HashMap<String, Arc<Analyzed>> = open.iter().filter_map(|(p, a)| Some((relative(root, p)?, a.clone()))).collect();
    let open = &open;
    let file = root.join(crate::desk::FILE_NAME);
    let desk = if file.is_file() { Desk::read(&file) } else { Ok(Desk { root: Some(root.to_path_buf()), ..Desk::default() }) };
    let ledger_path = match &desk {
        Ok(d) => d.ledger_path.clone(),
        Err(_) => fallback.ledger_path.clone(),
    };
    let ledger_file = root.join(ledger_path.as_deref().unwrap_or(crate::ledger::FILE_NAME));
    let ledger = Ledger::load_file(root, ledger_file);
    let lex = desk.as_ref().map_or(fallback.lexicon, |d| d.lexicon);
    let orphans = match &ledger {
        Ok(l) => orphans(l, root, open, max_file_size, lex.lexicon()),
        Err(_) => Vec::new(),
    };
    Loaded { root: root_buf, desk, ledger, orphans }
}

/// The orphan entries of `ledger` as diagnostics on its lines: entries of an article that match
/// none of its findings, and entries of an article that is gone (unless its text was found
/// under another path: renamed). Files not open are analysed with `lex`, the desk's language data.
pub fn orphans(
    ledger: &Ledger,
    root: &Path,
    open: &HashMap<String, Arc<Analyzed>>,
    max_file_size: u64,
    lex: &byline_core::lexicon::Lexicon,
) -> Vec<Diagnostic> {
    let mut paths: BTreeMap<&str, ()> = BTreeMap::new();
    for e in ledger.entries() {
        paths.insert(&e.path, ());
    }
    let mut out = Vec::new();
    let mut moved = std::collections::BTreeSet::new();
    let mut gone = Vec::new();
    let mut refused = Vec::new();
    for path in paths.keys() {
        let (text, findings) = match open.get(*path) {
            Some(a) => (a.rope.to_string(), a.analysis.findings.clone()),
            // A hand-edited entry naming a file reached through a link out of the workspace: that
            // file is never read.
            None if crate::ledger::paths::leaves_workspace(root, path) => {
                refused.push(*path);
                continue;
            }
            None => match crate::files::read_article(&root.join(path), max_file_size) {
                Ok(text) => {
                    let findings = crate::faults::analyze(&text, Format::from_path(path), lex).findings;
                    (text, findings)
                }
                Err(_) => {
                    gone.push(*path);
                    continue;
                }
            },
        };
        let doc = ledger.document(path, &findings, &text);
        moved.extend(doc.statuses.iter().filter_map(|s| s.moved_from.clone()));
        for e in &doc.orphans {
            out.push(orphan_diagnostic(ledger, e, "no finding matches this check any more"));
        }
    }
    for e in ledger.entries().filter(|e| gone.contains(&e.path.as_str()) && !moved.contains(&e.path)) {
        out.push(orphan_diagnostic(ledger, e, "the article is gone"));
    }
    for e in ledger.entries().filter(|e| refused.contains(&e.path.as_str())) {
        out.push(orphan_diagnostic(ledger, e, crate::ledger::paths::LEAVES_BY_LINK));
    }
    out
}

fn orphan_diagnostic(ledger: &Ledger, e: &byline_core::ledger::Entry, why: &str) -> Diagnostic {
    let line = ledger.line_of(e).unwrap_or(1).saturating_sub(1) as u32;
    Diagnostic {
        range: Range::new(Position::new(line, 0), Position::new(line, 9)),
        severity: Some(DiagnosticSeverity::WARNING),
        code: Some(NumberOrString::String("orphan-check".into())),
        source: Some("byline".into()),
        message: format!("orphan check of {} in {}: {why}: \"{}\"", e.code.as_str(), e.path, e.sentence),
        ..Default::default()
    }
}

/// A parse error as a diagnostic on its line (the first line when it has no place).
pub fn error_diagnostic(at: Option<(usize, usize)>, message: &str) -> Diagnostic {
    let (line, col) = at.map(|(l, c)| (l.saturating_sub(1) as u32, c.saturating_sub(1) as u32)).unwrap_or((0, 0));
    Diagnostic {
        range: Range::new(Position::new(line, col), Position::new(line + 1, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config-error".into())),
        source: Some("byline".into()),
        message: message.to_string(),
        ..Default::default()
    }
}

/// The URI of a configuration file, for diagnostics on it.
pub fn uri_of(path: &Path) -> Option<Uri> {
    file_uri(path)
}

//! The check ledger, `byline.ledger.toml` at the workspace root: every finding a fact-checker
//! checked or dismissed, anchored by path, code and sentence text (see
//! `byline_core::ledger` for the pure part: entries, anchors, matching).
//!
//! What a front-end calls: [`Ledger::load`] (or [`Ledger::load_file`]), then per document
//! [`Ledger::status_of`] (or [`Ledger::document`] for the orphans too), and
//! [`Ledger::record`] to add a check — which re-reads the file, merges and writes atomically.

pub mod clock;
pub mod format;
pub mod paths;
pub mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline_core::Finding;
use byline_core::ledger::matching::{Outcome, Probe, match_document};
use byline_core::ledger::{CheckStatus, Entry, renamed_path};

pub use store::LedgerError;

/// The ledger's file name, at the workspace root (beside `byline.toml`).
pub const FILE_NAME: &str = "byline.ledger.toml";

/// What the ledger says about one finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// No check recorded.
    Open,
    Checked,
    Dismissed,
    /// Checked or dismissed on a text that has changed in substance since: open again.
    Stale,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Checked => "checked",
            State::Dismissed => "dismissed",
            State::Stale => "stale",
        }
    }
}

/// One finding's status, with the entry it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub state: State,
    pub entry: Option<Entry>,
    /// The check was recorded on a lightly edited version of the sentence.
    pub reanchored: bool,
    /// The check was recorded under this path, which no longer exists (the article was renamed).
    pub moved_from: Option<String>,
}

impl Default for Status {
    fn default() -> Status {
        Status::OPEN
    }
}

impl Status {
    const OPEN: Status = Status { state: State::Open, entry: None, reanchored: false, moved_from: None };

    /// "checked by Ana on 2026-12-06", "text changed since it was checked on … by …".
    pub fn describe(&self) -> Option<String> {
        let e = self.entry.as_ref()?;
        let day = e.at.get(..10).unwrap_or(&e.at);
        let who = if e.checker.is_empty() { "someone" } else { &e.checker };
        Some(match self.state {
            State::Open => return None,
            State::Checked => format!("checked by {who} on {day}"),
            State::Dismissed => format!("dismissed by {who} on {day}: {}", e.reason),
            State::Stale => format!("text changed since it was {} on {day} by {who}", e.status.as_str()),
        })
    }
}

/// A document's statuses and the entries of its path that match none of its findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocStatus {
    pub statuses: Vec<Status>,
    pub orphans: Vec<Entry>,
}

/// The ledger as read from disk, indexed by path and anchor.
pub struct Ledger {
    root: PathBuf,
    file: PathBuf,
    parsed: format::Parsed,
    by_path: HashMap<String, Vec<usize>>,
    by_anchor: HashMap<String, Vec<usize>>,
}

#[allow(dead_code)] // the language server's API (its integration is the next step)
impl Ledger {
    /// The ledger of the workspace at `root` (`root/byline.ledger.toml`); a missing file is an
    /// empty ledger.
    pub fn load(root: &Path) -> Result<Ledger, LedgerError> {
        Ledger::load_file(root, root.join(FILE_NAME))
    }

    /// A ledger at another place (the `[ledger] path` setting); it must be inside the workspace.
    pub fn load_file(root: &Path, file: PathBuf) -> Result<Ledger, LedgerError> {
        if let (Ok(r), Some(parent)) = (root.canonicalize(), file.parent().and_then(|p| p.canonicalize().ok()))
            && !parent.starts_with(&r)
        {
            return Err(LedgerError { file, at: None, message: format!("the ledger must be inside the workspace {}", r.display()) });
        }
        let parsed = store::read(&file)?;
        let mut ledger = Ledger { root: root.to_path_buf(), file, parsed, by_path: HashMap::new(), by_anchor: HashMap::new() };
        ledger.reindex();
        Ok(ledger)
    }

    fn reindex(&mut self) {
        self.by_path.clear();
        self.by_anchor.clear();
        for (i, s) in self.parsed.entries.iter().enumerate() {
            self.by_path.entry(s.entry.path.clone()).or_default().push(i);
            self.by_anchor.entry(s.entry.anchor.clone()).or_default().push(i);
        }
    }

    #[allow(dead_code)] // the language server's API (its integration is the next step)
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.parsed.entries.iter().map(|s| &s.entry)
    }

    pub fn len(&self) -> usize {
        self.parsed.entries.len()
    }

    #[allow(dead_code)] // the language server's API (its integration is the next step)
    pub fn is_empty(&self) -> bool {
        self.parsed.entries.is_empty()
    }

    #[allow(dead_code)] // the language server's API (its integration is the next step)
    /// The status of each of a document's findings (`path` workspace-relative, `/`-separated;
    /// `text` the text the findings were computed on).
    pub fn status_of(&self, path: &str, findings: &[Finding], text: &str) -> Vec<Status> {
        self.document(path, findings, text).statuses
    }

    /// [`Ledger::status_of`] plus the entries of `path` that match no finding.
    pub fn document(&self, path: &str, findings: &[Finding], text: &str) -> DocStatus {
        let probes: Vec<Probe> =
            findings.iter().map(|f| Probe { code: f.code, sentence: text.get(f.span.clone()).unwrap_or_default() }).collect();
        let ids = self.by_path.get(path).map(Vec::as_slice).unwrap_or_default();
        let m = match_document(ids.iter().map(|&i| (i, &self.parsed.entries[i].entry)), &probes);
        // Only a check recorded under another path can have moved here; without one, no
        // sentence needs its fingerprint (the common case, on every keystroke).
        let others = self.parsed.entries.len() > ids.len();
        let statuses = m
            .outcomes
            .iter()
            .zip(&probes)
            .map(|(o, p)| match *o {
                Outcome::Open if others => self.moved(path, p).unwrap_or(Status::OPEN),
                Outcome::Open => Status::OPEN,
                Outcome::Matched { entry } | Outcome::Reanchored { entry } => {
                    let e = &self.parsed.entries[entry].entry;
                    let state = if e.status == CheckStatus::Checked { State::Checked } else { State::Dismissed };
                    Status { state, entry: Some(e.clone()), reanchored: matches!(o, Outcome::Reanchored { .. }), moved_from: None }
                }
                Outcome::Stale { entry } => Status {
                    state: State::Stale,
                    entry: Some(self.parsed.entries[entry].entry.clone()),
                    reanchored: false,
                    moved_from: None,
                },
            })
            .collect();
        let orphans = m.orphans.iter().map(|&i| self.parsed.entries[i].entry.clone()).collect();
        DocStatus { statuses, orphans }
    }

    /// A check recorded, on exactly this sentence, under a path that no longer exists: the
    /// article was renamed.
    fn moved(&self, path: &str, probe: &Probe) -> Option<Status> {
        let anchor = byline_core::ledger::anchor::fingerprint(probe.sentence, probe.code.as_str());
        let ids = self.by_anchor.get(&anchor)?;
        let e = ids.iter().map(|&i| &self.parsed.entries[i].entry).find(|e| {
            e.path != path && e.code == probe.code && !self.root.join(&e.path).exists() && paths::check_entry_path(&e.path).is_ok()
        })?;
        let state = if e.status == CheckStatus::Checked { State::Checked } else { State::Dismissed };
        Some(Status { state, entry: Some(e.clone()), reanchored: false, moved_from: Some(e.path.clone()) })
    }

    /// The line of an entry's `[[check]]` in the ledger file as last read or written (for a
    /// diagnostic on the ledger, e.g. an orphan).
    pub fn line_of(&self, entry: &Entry) -> Option<usize> {
        let ids = self.by_anchor.get(&entry.anchor)?;
        ids.iter().map(|&i| &self.parsed.entries[i]).find(|s| s.entry.same_finding(entry)).map(|s| s.line).filter(|&l| l > 0)
    }

    /// Whether an entry's file is gone and its sentence was found under another path (its
    /// check moved with the article).
    pub fn exists(&self, entry_path: &str) -> bool {
        self.root.join(entry_path).exists()
    }

    /// Record a check: replaces any entry for the same finding (path, code, anchor), merged with
    /// the ledger as it is on disk now, written atomically. The in-memory ledger becomes what
    /// was written.
    pub fn record(&mut self, entry: Entry) -> Result<(), LedgerError> {
        paths::check_entry_path(&entry.path).map_err(|why| LedgerError { file: self.file.clone(), at: None, message: why })?;
        self.update(|entries| {
            entries.retain(|s| !s.entry.same_finding(&entry));
            entries.push(format::Stored { entry: entry.clone(), extra: Default::default(), line: 0 });
        })
    }

    /// Move every entry of `from` to `to` (an article renamed, or a folder: the entries under
    /// it move with it). Returns how many moved.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<usize, LedgerError> {
        self.rename_all(&[(from.to_string(), to.to_string())])
    }

    /// [`Ledger::rename`] for several renames made together (one `workspace/didRenameFiles`),
    /// applied in order, in one write. Nothing is written when no entry is concerned (the
    /// ledger as read, then as on disk under the lock). When a moved entry records the same
    /// finding as one already at the new path, the later check (by `at`) is kept.
    pub fn rename_all(&mut self, moves: &[(String, String)]) -> Result<usize, LedgerError> {
        for (_, to) in moves {
            paths::check_entry_path(to.trim_end_matches('/')).map_err(|why| LedgerError {
                file: self.file.clone(),
                at: None,
                message: why,
            })?;
        }
        let concerned = |path: &str| moves.iter().any(|(from, to)| renamed_path(path, from, to).is_some());
        if !self.entries().any(|e| concerned(&e.path)) && !self.file.exists() {
            return Ok(0);
        }
        let (parsed, n) = store::update_if(&self.file, |p| {
            let mut n = 0;
            for s in &mut p.entries {
                let mut moved = false;
                for (from, to) in moves {
                    if let Some(new) = renamed_path(&s.entry.path, from, to) {
                        s.entry.path = new;
                        moved = true;
                    }
                }
                n += usize::from(moved);
            }
            if n == 0 {
                return (false, 0);
            }
            // Two checks of one finding at the same path: the later one stays.
            p.entries.sort_by(|a, b| b.entry.at.cmp(&a.entry.at));
            let mut kept: Vec<format::Stored> = Vec::with_capacity(p.entries.len());
            for s in p.entries.drain(..) {
                if !kept.iter().any(|k| k.entry.same_finding(&s.entry)) {
                    kept.push(s);
                }
            }
            p.entries = kept;
            format::sort(&mut p.entries);
            (true, n)
        })?;
        self.parsed = parsed;
        self.reindex();
        Ok(n)
    }

    /// Apply a change to the entries as they are on disk (see [`store::update`]). The change
    /// must keep entry paths valid (see [`paths::check_entry_path`]).
    pub fn update(&mut self, mut change: impl FnMut(&mut Vec<format::Stored>)) -> Result<(), LedgerError> {
        let (parsed, ()) = store::update(&self.file, |p| {
            change(&mut p.entries);
            format::sort(&mut p.entries);
        })?;
        self.parsed = parsed;
        self.reindex();
        Ok(())
    }
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ledger({}, {} entries)", self.file().display(), self.len())
    }
}

/// Who is checking: `configured` (the `[ledger] checker` setting) if not empty, else
/// `git config user.name`, else the OS user, else "unknown".
pub fn checker_name(configured: Option<&str>, cwd: &Path) -> String {
    if let Some(c) = configured.map(str::trim).filter(|c| !c.is_empty()) {
        return c.to_string();
    }
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    if let Ok(out) = git
        && out.status.success()
    {
        let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !name.is_empty() {
            return name;
        }
    }
    ["USER", "USERNAME", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty())).unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests;

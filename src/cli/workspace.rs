//! The workspace a command works in: the desk configuration (`byline.toml`) found at or above
//! the first path, and its check ledger. A configuration or ledger that cannot be read is an
//! error (exit 2), never silently ignored.

use std::path::{Path, PathBuf};

use crate::desk::Desk;
use crate::ledger::Ledger;

pub struct Workspace {
    pub desk: Desk,
    pub ledger: Option<Ledger>,
}

impl Workspace {
    /// The workspace of `paths` (their first one; the current folder when there is none).
    pub fn open(paths: &[PathBuf]) -> Result<Workspace, String> {
        let start = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        let desk = crate::desk::find::desk_for(&start).map_err(|e| e.to_string())?;
        let ledger = match (&desk.root, desk.ledger_file()) {
            (Some(root), Some(file)) => Some(Ledger::load_file(root, file).map_err(|e| e.to_string())?),
            _ => None,
        };
        Ok(Workspace { desk, ledger })
    }

    /// The workspace-relative path of an article, when it is inside the workspace.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let root = self.desk.root.as_ref()?;
        crate::ledger::paths::relative_to(root, path).ok()
    }
}

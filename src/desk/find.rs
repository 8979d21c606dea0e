//! Where the workspace is: the nearest folder, from a checked path upwards, that holds
//! `byline.toml` (or, without one, `byline.ledger.toml`).

use std::path::{Path, PathBuf};

use super::{ConfigError, Desk, FILE_NAME};

/// The nearest folder at or above `start` (a file or a folder) holding `byline.toml` or the
/// ledger; `None` when there is none.
pub fn root_above(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let dir = if start.is_dir() { start.as_path() } else { start.parent()? };
    dir.ancestors().find(|d| d.join(FILE_NAME).is_file() || d.join(crate::ledger::FILE_NAME).is_file()).map(Path::to_path_buf)
}

/// The desk configuration for `start`: the workspace's `byline.toml`, parsed; an empty
/// configuration with that root when the workspace has only a ledger; the default when there
/// is no workspace.
pub fn desk_for(start: &Path) -> Result<Desk, ConfigError> {
    let Some(root) = root_above(start) else { return Ok(Desk::default()) };
    let file = root.join(FILE_NAME);
    if file.is_file() { Desk::read(&file) } else { Ok(Desk { root: Some(root), ..Desk::default() }) }
}

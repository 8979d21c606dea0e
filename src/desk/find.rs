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

/// The folder whose `byline.toml` governs the workspace folder `folder` in the language server:
/// `folder` itself when it holds `byline.toml` or the ledger; else the nearest folder above it
/// holding `byline.toml`, looking no higher than below `home` (the user's home folder: a
/// `byline.toml` there would govern every workspace) or the filesystem root; else `folder` (where
/// a ledger is then created).
pub fn server_root(folder: &Path, home: Option<&Path>) -> PathBuf {
    let has_desk = |d: &Path| d.join(FILE_NAME).is_file();
    if has_desk(folder) || folder.join(crate::ledger::FILE_NAME).is_file() {
        return folder.to_path_buf();
    }
    let home = home.and_then(|h| h.canonicalize().ok());
    let Ok(start) = folder.canonicalize() else { return folder.to_path_buf() };
    start
        .ancestors()
        .skip(1)
        .take_while(|d| home.as_deref() != Some(*d) && d.parent().is_some())
        .find(|d| has_desk(d))
        .map_or_else(|| folder.to_path_buf(), Path::to_path_buf)
}

/// The user's home folder, where [`server_root`] stops.
pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from).filter(|h| h.is_absolute())
}

/// The desk configuration for `start`: the workspace's `byline.toml`, parsed; an empty
/// configuration with that root when the workspace has only a ledger; the default when there
/// is no workspace.
pub fn desk_for(start: &Path) -> Result<Desk, ConfigError> {
    let Some(root) = root_above(start) else { return Ok(Desk::default()) };
    let file = root.join(FILE_NAME);
    if file.is_file() { Desk::read(&file) } else { Ok(Desk { root: Some(root), ..Desk::default() }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_finds_byline_toml_at_or_above_a_folder_below_home() {
        let d = tempfile::tempdir().unwrap();
        let home = d.path().join("home");
        let desk = home.join("desk");
        let folder = desk.join("stories/today");
        std::fs::create_dir_all(&folder).unwrap();
        let canon = |p: &Path| p.canonicalize().unwrap();
        assert_eq!(server_root(&folder, Some(&home)), folder, "none above: the folder itself");
        std::fs::write(home.join(FILE_NAME), "").unwrap();
        assert_eq!(server_root(&folder, Some(&home)), folder, "the home folder's is not looked at");
        std::fs::write(desk.join(FILE_NAME), "").unwrap();
        assert_eq!(canon(&server_root(&folder, Some(&home))), canon(&desk));
        std::fs::write(folder.join(crate::ledger::FILE_NAME), "").unwrap();
        assert_eq!(server_root(&folder, Some(&home)), folder, "the folder's own ledger makes it the root");
    }
}

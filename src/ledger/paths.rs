//! Paths in the ledger: workspace-relative, `/`-separated, never leaving the workspace.

use std::path::{Component, Path};

/// Whether a path as written in a ledger entry stays inside the workspace: relative, no `..`,
/// no empty or `.` segments, no backslashes (the separator is `/` on every system).
pub fn check_entry_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("`path` is empty".into());
    }
    if path.starts_with('/') || path.contains('\\') || (path.len() >= 2 && path.as_bytes()[1] == b':') {
        return Err(format!("path {path:?} must be relative to the workspace, with `/` separators"));
    }
    if path.split('/').any(|seg| seg == "..") {
        return Err(format!("path {path:?} leaves the workspace (`..`)"));
    }
    if path.split('/').any(|seg| seg.is_empty() || seg == ".") {
        return Err(format!("path {path:?} has an empty or `.` segment"));
    }
    Ok(())
}

/// The workspace-relative `/` path of `file` (which must exist), after resolving symbolic
/// links: a file reached through a link out of the workspace is refused.
pub fn relative_to(root: &Path, file: &Path) -> Result<String, String> {
    let root_c = root.canonicalize().map_err(|e| format!("workspace {}: {e}", root.display()))?;
    let file_c = file.canonicalize().map_err(|e| format!("{}: {e}", file.display()))?;
    let rel = file_c.strip_prefix(&root_c).map_err(|_| format!("{} is outside the workspace {}", file.display(), root_c.display()))?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_str().ok_or_else(|| format!("{}: path is not UTF-8", file.display()))?),
            _ => return Err(format!("{}: unexpected path component", file.display())),
        }
    }
    let rel = parts.join("/");
    check_entry_path(&rel)?;
    Ok(rel)
}

/// Why a check whose path leads out of the workspace through a symbolic link is not applied.
pub const LEAVES_BY_LINK: &str = "refused: its path leads out of the workspace through a symbolic link (the file is not read)";

/// Whether the entry path `path` (already checked with [`check_entry_path`]) names an existing
/// file that is outside `root` once symbolic links are resolved. A file that does not exist
/// does not leave (it is gone, which is reported as such).
pub fn leaves_workspace(root: &Path, path: &str) -> bool {
    let file = root.join(path);
    file.exists() && relative_to(root, &file).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_paths_stay_inside() {
        assert!(check_entry_path("news/a.txt").is_ok());
        for bad in ["", "/etc/passwd", "../x.txt", "news/../../x", "a\\b.txt", "C:/x.txt", "a//b", "./a.txt"] {
            assert!(check_entry_path(bad).is_err(), "{bad:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_workspace_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let ws = tempfile::tempdir().unwrap();
        std::fs::create_dir(ws.path().join("news")).unwrap();
        std::fs::write(ws.path().join("news/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path(), ws.path().join("out")).unwrap();
        assert_eq!(relative_to(ws.path(), &ws.path().join("news/a.txt")).unwrap(), "news/a.txt");
        let err = relative_to(ws.path(), &ws.path().join("out/secret.txt")).unwrap_err();
        assert!(err.contains("outside the workspace"), "{err}");
        assert!(leaves_workspace(ws.path(), "out/secret.txt"));
        assert!(!leaves_workspace(ws.path(), "news/a.txt"));
        assert!(!leaves_workspace(ws.path(), "news/gone.txt"), "gone, not leaving");
        // A link inside the workspace to an article inside it stays.
        std::os::unix::fs::symlink(ws.path().join("news"), ws.path().join("inside")).unwrap();
        assert!(!leaves_workspace(ws.path(), "inside/a.txt"));
    }
}

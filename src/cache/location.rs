//! Where the index cache lives: the platform's cache folder, never the workspace (an archive
//! may be read-only, shared, or under version control).

use std::path::{Path, PathBuf};

/// Overrides the cache folder (tests, or a user who wants it elsewhere); `--cache-dir` does the
/// same for one command.
pub const DIR_VARIABLE: &str = "BYLINE_CACHE_DIR";

/// The folder byline keeps its caches in: `$BYLINE_CACHE_DIR`, else the platform's cache
/// folder plus `byline` — `$XDG_CACHE_HOME` or `~/.cache` on Linux and other Unixes,
/// `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows. `None` when none can be found
/// (no home folder): the cache is then off.
pub fn default_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(dir) = var(DIR_VARIABLE) {
        return Some(dir);
    }
    platform_dir(&var).map(|d| d.join("byline"))
}

#[cfg(target_os = "macos")]
fn platform_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    var("HOME").map(|h| h.join("Library/Caches"))
}

#[cfg(windows)]
fn platform_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    var("LOCALAPPDATA")
}

#[cfg(not(any(target_os = "macos", windows)))]
fn platform_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))
}

/// The workspace root as the cache knows it: canonical, so that `./news` and `/srv/news` share
/// one cache; as given when it cannot be resolved.
pub fn canonical_root(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// The file of one workspace root's cache in `dir`: named by a hash of the root's path (which
/// the file's header also records, so that a hash collision is detected as a foreign cache).
pub fn file_for(dir: &Path, root: &Path) -> PathBuf {
    let hash = xxhash_rust::xxh3::xxh3_64(root.as_os_str().as_encoded_bytes());
    dir.join(format!("index-{hash:016x}.bin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_per_root() {
        let dir = Path::new("/cache");
        assert_eq!(file_for(dir, Path::new("/a")), file_for(dir, Path::new("/a")));
        assert_ne!(file_for(dir, Path::new("/a")), file_for(dir, Path::new("/b")));
        assert!(file_for(dir, Path::new("/a")).starts_with(dir));
    }

    #[test]
    fn a_root_is_canonical() {
        let tmp = tempfile::tempdir().unwrap();
        let dotted = tmp.path().join(".");
        assert_eq!(canonical_root(&dotted), canonical_root(tmp.path()));
    }
}

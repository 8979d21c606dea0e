//! Finding and reading articles on disk, shared by `byline check`, `byline people` and the
//! language server's workspace indexing.
//!
//! Folders are walked in parallel with the `ignore` crate (so `.gitignore`, `.ignore` and
//! hidden files are respected, inside a git repository or not), keeping the files whose path
//! relative to the walked folder matches an include glob and no exclude glob.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// Which files count as articles.
#[derive(Clone, Debug)]
pub struct FileFilter {
    include: GlobSet,
    exclude: GlobSet,
}

pub const DEFAULT_INCLUDE: [&str; 2] = ["**/*.txt", "**/*.md"];

impl Default for FileFilter {
    fn default() -> Self {
        FileFilter::new(&DEFAULT_INCLUDE, &[] as &[&str]).expect("default globs are valid")
    }
}

impl FileFilter {
    pub fn new<S: AsRef<str>>(include: &[S], exclude: &[S]) -> Result<Self, globset::Error> {
        Ok(FileFilter { include: build(include)?, exclude: build(exclude)? })
    }

    /// Whether `rel` (a path relative to a workspace folder) is an article.
    pub fn matches(&self, rel: &Path) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }

    /// Whether `path` lies under one of `roots` and matches there.
    pub fn matches_under(&self, roots: &[PathBuf], path: &Path) -> bool {
        roots.iter().any(|root| path.strip_prefix(root).is_ok_and(|rel| self.matches(rel)))
    }
}

fn build<S: AsRef<str>>(globs: &[S]) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g.as_ref())?);
    }
    b.build()
}

/// Every article under `root` (a folder), in parallel, sorted.
pub fn walk(root: &Path, filter: &FileFilter) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(root).require_git(false).build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                    if filter.matches(rel) {
                        found.lock().unwrap_or_else(|p| p.into_inner()).push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(err) => eprintln!("byline: skipping: {err}"),
            }
            ignore::WalkState::Continue
        })
    });
    let mut v = found.into_inner().unwrap_or_else(|p| p.into_inner());
    v.sort();
    v
}

/// Whether the workspace walk would skip `path` (under one of `roots`): a hidden file or folder
/// on the way, or a `.gitignore` / `.ignore` rule in a folder between the root and the file
/// (the deepest rule that decides wins, `!` re-includes). For file events that arrive one by
/// one, so the ignore files are read when asked.
pub fn ignored_under(roots: &[PathBuf], path: &Path) -> bool {
    let Some(root) = roots.iter().filter(|r| path.starts_with(r)).max_by_key(|r| r.as_os_str().len()) else {
        return false;
    };
    let Ok(rel) = path.strip_prefix(root) else { return false };
    if rel.components().any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.') && s.len() > 1)) {
        return true;
    }
    // Folders from the file's own up to the root: the deepest decision wins.
    let mut dirs: Vec<&Path> = path.ancestors().skip(1).take_while(|d| d.starts_with(root)).collect();
    if dirs.is_empty() {
        dirs.push(root);
    }
    for dir in dirs {
        for name in [".ignore", ".gitignore"] {
            let file = dir.join(name);
            if !file.is_file() {
                continue;
            }
            let (gi, _) = ignore::gitignore::Gitignore::new(&file);
            match gi.matched_path_or_any_parents(path, false) {
                ignore::Match::Ignore(_) => return true,
                ignore::Match::Whitelist(_) => return false,
                ignore::Match::None => {}
            }
        }
    }
    false
}

/// Why a file could not be read as an article.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Binary,
    NotUtf8 { valid_up_to: usize },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::Binary => f.write_str("binary file (contains NUL bytes)"),
            ReadError::NotUtf8 { valid_up_to } => write!(f, "not valid UTF-8 (at byte {valid_up_to})"),
        }
    }
}

/// Read an article: UTF-8 text without NUL bytes. A leading byte-order mark is kept (it is
/// part of the text the editor shows).
pub fn read_article(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    if memchr_nul(&bytes) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { valid_up_to: e.utf8_error().valid_up_to() })
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_filter_takes_txt_and_md_anywhere() {
        let f = FileFilter::default();
        assert!(f.matches(Path::new("a.txt")));
        assert!(f.matches(Path::new("news/2024/a.md")));
        assert!(!f.matches(Path::new("a.rs")));
        let f = FileFilter::new(&["**/*.txt"], &["drafts/**"]).unwrap();
        assert!(!f.matches(Path::new("drafts/x.txt")));
        assert!(f.matches(Path::new("final/x.txt")));
    }

    #[test]
    fn ignored_paths_follow_gitignore_files_and_hidden_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("drafts")).unwrap();
        std::fs::create_dir_all(root.join("news/old")).unwrap();
        std::fs::write(root.join(".gitignore"), "drafts/\n*.tmp.txt\n").unwrap();
        std::fs::write(root.join("news/.gitignore"), "old/\n!keep.tmp.txt\n").unwrap();
        let roots = vec![root.clone()];
        assert!(ignored_under(&roots, &root.join("drafts/a.txt")));
        assert!(ignored_under(&roots, &root.join("x.tmp.txt")));
        assert!(ignored_under(&roots, &root.join("news/old/a.txt")));
        assert!(ignored_under(&roots, &root.join(".hidden/a.txt")));
        assert!(!ignored_under(&roots, &root.join("news/keep.tmp.txt")));
        assert!(!ignored_under(&roots, &root.join("news/a.txt")));
        assert!(!ignored_under(&roots, &root.join("a.txt")));
        assert!(!ignored_under(&roots, Path::new("/elsewhere/drafts/a.txt")));
    }
}

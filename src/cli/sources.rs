//! The files a command works on: explicit files always, folders walked (`.gitignore`
//! respected, `.txt` and `.md` by default), read in parallel; unreadable ones reported. Only
//! regular files of at most the maximum size are read (a FIFO, a device or `/dev/zero` named
//! on the command line is refused, not read).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::files::{FileFilter, ReadError, read_article, walk};

/// An article read from disk.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

pub struct Gathered {
    pub sources: Vec<Source>,
    /// Paths that could not be read, with why.
    pub skipped: Vec<(PathBuf, String)>,
}

/// The files named by `paths` (the current folder when empty).
pub fn list(paths: &[PathBuf], filter: &FileFilter) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(walk(p, filter).into_iter().map(|f| tidy(p, f)));
        } else if p.exists() {
            files.push(p.clone());
        } else {
            missing.push((p.clone(), "no such file or folder".to_string()));
        }
    }
    (files, missing)
}

/// "./a.txt" -> "a.txt" when the user asked for ".".
fn tidy(root: &Path, file: PathBuf) -> PathBuf {
    if root == Path::new(".") { file.strip_prefix("./").map(Path::to_path_buf).unwrap_or(file) } else { file }
}

/// List and read (files of at most `max_file_size` bytes), in parallel; keeps the listing order.
pub fn gather(paths: &[PathBuf], filter: &FileFilter, max_file_size: u64) -> Gathered {
    let (files, mut skipped) = list(paths, filter);
    let read: Vec<(PathBuf, Result<String, ReadError>)> = files
        .into_par_iter()
        .map(|p| {
            let r = read_article(&p, max_file_size);
            (p, r)
        })
        .collect();
    let mut sources = Vec::new();
    for (path, r) in read {
        match r {
            Ok(text) => sources.push(Source { path, text }),
            Err(e) => skipped.push((path, e.to_string())),
        }
    }
    Gathered { sources, skipped }
}

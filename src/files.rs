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
    walk_until(root, filter, &|| false)
}

/// Like [`walk`], but stops early (with what it found so far) once `cancelled` says so; the
/// language server cancels a walk that a newer one supersedes.
///
/// The `ignore` crate reads a folder's ignore files as it enters the folder, whatever they are:
/// a FIFO named `.gitignore` would block the walk for good, a link to `/dev/zero` would fill
/// memory. So a folder whose ignore file is not a regular file is skipped (with a warning), and
/// so is the whole walk when `root` or a folder above it has such a file.
pub fn walk_until(root: &Path, filter: &FileFilter, cancelled: &(dyn Fn() -> bool + Sync)) -> Vec<PathBuf> {
    // The walk reads the ignore files of the root's ancestors too (`parents` or not).
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Some(bad) = canonical.ancestors().find_map(irregular_ignore_file) {
        eprintln!("byline: skipping {}: {} is not a regular file", root.display(), bad.display());
        return Vec::new();
    }
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(root)
        .require_git(false)
        .filter_entry(|e| {
            let Some(bad) = e.file_type().filter(|t| t.is_dir()).and_then(|_| irregular_ignore_file(e.path())) else {
                return true;
            };
            eprintln!("byline: skipping {}: {} is not a regular file", e.path().display(), bad.display());
            false
        })
        .build_parallel()
        .run(|| {
            let found = &found;
            Box::new(move |entry| {
                if cancelled() {
                    return ignore::WalkState::Quit;
                }
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

/// An ignore file of `dir` that the walk would read and that exists but is not a regular file
/// (links followed), if there is one.
fn irregular_ignore_file(dir: &Path) -> Option<PathBuf> {
    [".gitignore", ".ignore", ".git/info/exclude"]
        .into_iter()
        .map(|name| dir.join(name))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_file()))
}

/// Whether the workspace walk would skip `path` (under one of `roots`): a hidden file or folder
/// on the way, or a `.gitignore` / `.ignore` rule in a folder between the root and the file
/// (the deepest rule that decides wins, `!` re-includes). For file events that arrive one by
/// one, so the ignore files are read when asked.
pub fn ignored_under(roots: &[PathBuf], path: &Path) -> bool {
    let Some(root) = roots.iter().filter(|r| path.starts_with(r)).max_by_key(|r| r.as_os_str().len()) else {
        return false;
    };
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    // On the raw bytes: a hidden name need not be UTF-8.
    if rel.components().any(|c| {
        let name = c.as_os_str().as_encoded_bytes();
        name.starts_with(b".") && name.len() > 1
    }) {
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

/// The largest article read by default: 8 MiB (`--max-file-size`, setting `files.maxFileSize`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// How many bytes are checked for NUL before the rest of a file is read.
const SNIFF: usize = 8 * 1024;

/// Why a file could not be read as an article.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// A FIFO, socket, device or folder: only regular files are read.
    NotRegular(&'static str),
    /// Larger than the maximum article size (`limit` bytes).
    TooLarge {
        limit: u64,
    },
    Binary,
    NotUtf8 {
        valid_up_to: usize,
    },
    /// Read, but its analysis failed with an internal error (a bug in byline).
    Internal(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind})"),
            ReadError::TooLarge { limit } => {
                write!(f, "larger than the maximum article size ({limit} bytes)")
            }
            ReadError::Binary => f.write_str("binary file (contains NUL bytes)"),
            ReadError::NotUtf8 { valid_up_to } => {
                write!(f, "not valid UTF-8 (at byte {valid_up_to})")
            }
            ReadError::Internal(why) => write!(f, "internal error while analysing: {why}"),
        }
    }
}

/// What a non-regular file is, for the warning; `None` for a regular file.
fn kind_of(t: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_fifo() {
        Some("a FIFO")
    } else if t.is_socket() {
        Some("a socket")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else {
        Some("not a file")
    }
}

/// Bytes kept as they are in a `file:` URI's path: RFC 3986 unreserved characters and `/`.
pub const PATH_BYTES: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

/// Read an article: a regular file (links followed) of at most `max` bytes, UTF-8 text without
/// NUL bytes. A leading byte-order mark is kept (it is part of the text the editor shows).
///
/// Never blocks on a FIFO or device and never reads more than `max + 1` bytes: the type is
/// checked before opening, the file is opened non-blocking, and the opened handle is checked
/// again (so a file swapped for a FIFO in between is refused, not read); the size is enforced
/// while reading, whatever the file claims. The first bytes are checked for NUL before the
/// rest is read.
pub fn read_article(path: &Path, max: u64) -> Result<String, ReadError> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;

    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(meta.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge { limit: max });
    }
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = kind_of(meta.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut reader = file.take(max.saturating_add(1));
    let expected = usize::try_from(meta.len().min(max)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    // The first bytes: a binary file is refused before the rest of it is read.
    (&mut reader).take(SNIFF as u64).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if memchr_nul(&bytes) {
        return Err(ReadError::Binary);
    }
    if bytes.len() == SNIFF {
        reader.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    }
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge { limit: max });
    }
    if memchr_nul(&bytes[SNIFF.min(bytes.len())..]) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { valid_up_to: e.utf8_error().valid_up_to() })
}

/// A size such as `8388608`, `512K`, `8M`, `8MiB` or `1G` (binary units), in bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("expected a size in bytes such as 8388608 or 8M, got {s:?}"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("unknown size unit {unit:?} (use K, M or G)")),
    };
    n.checked_mul(1 << shift).ok_or_else(|| format!("size {s:?} is too large"))
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
        use std::os::unix::ffi::OsStrExt;
        let hidden = root.join(std::ffi::OsStr::from_bytes(b".caf\xe9/a.txt"));
        assert!(ignored_under(&roots, &hidden));
        let shown = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9/a.txt"));
        assert!(!ignored_under(&roots, &shown));
    }

    /// `read_article` on another thread; `None` if it has not returned within 5 s.
    fn read_within(path: &Path, max: u64) -> Option<Result<String, ReadError>> {
        let (tx, rx) = std::sync::mpsc::channel();
        let path = path.to_path_buf();
        std::thread::spawn(move || {
            let _ = tx.send(read_article(&path, max));
        });
        rx.recv_timeout(std::time::Duration::from_secs(5)).ok()
    }

    #[test]
    fn only_regular_files_are_read_and_a_fifo_never_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo failed");
        let r = read_within(&fifo, DEFAULT_MAX_FILE_SIZE).expect("reading a FIFO blocked");
        assert!(matches!(r, Err(ReadError::NotRegular("a FIFO"))), "{r:?}");
        // A link named like an article to a FIFO, a device or a folder.
        for (name, target) in [("fifo-link.txt", fifo.as_path()), ("null.txt", Path::new("/dev/null")), ("dir.txt", dir.path())] {
            let link = dir.path().join(name);
            std::os::unix::fs::symlink(target, &link).unwrap();
            let r = read_within(&link, DEFAULT_MAX_FILE_SIZE).expect("reading through a link blocked");
            assert!(matches!(r, Err(ReadError::NotRegular(_))), "{name}: {r:?}");
        }
    }

    #[test]
    fn endless_devices_are_refused_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        for dev in ["/dev/zero", "/dev/urandom"] {
            let link = dir.path().join(format!("{}.txt", &dev[5..]));
            std::os::unix::fs::symlink(dev, &link).unwrap();
            let r = read_within(&link, DEFAULT_MAX_FILE_SIZE).expect("reading an endless device did not stop");
            assert!(matches!(r, Err(ReadError::NotRegular("a character device"))), "{dev}: {r:?}");
            let r = read_within(Path::new(dev), DEFAULT_MAX_FILE_SIZE).expect("reading an endless device did not stop");
            assert!(matches!(r, Err(ReadError::NotRegular(_))), "{dev}: {r:?}");
        }
    }

    #[test]
    fn the_maximum_size_is_enforced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Critics say so. ".repeat(1000)).unwrap(); // 16,000 bytes
        assert_eq!(read_article(&p, 16_000).unwrap().len(), 16_000);
        assert!(matches!(read_article(&p, 15_999), Err(ReadError::TooLarge { limit: 15_999 })));
        assert!(matches!(read_article(&p, 10), Err(ReadError::TooLarge { limit: 10 })));
        let e = read_article(&p, 10).unwrap_err().to_string();
        assert!(e.contains("maximum article size") && e.contains("10 bytes"), "{e}");
        // Empty and small files, and a limit of zero.
        std::fs::write(&p, "").unwrap();
        assert_eq!(read_article(&p, 0).unwrap(), "");
        std::fs::write(&p, "x").unwrap();
        assert!(matches!(read_article(&p, 0), Err(ReadError::TooLarge { limit: 0 })));
    }

    #[test]
    fn nul_bytes_and_invalid_utf8_are_refused_anywhere_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        let mut late_nul = "a".repeat(SNIFF * 3).into_bytes();
        late_nul[SNIFF * 2] = 0;
        std::fs::write(&p, &late_nul).unwrap();
        assert!(matches!(read_article(&p, DEFAULT_MAX_FILE_SIZE), Err(ReadError::Binary)));
        std::fs::write(&p, b"ab\0cd").unwrap();
        assert!(matches!(read_article(&p, DEFAULT_MAX_FILE_SIZE), Err(ReadError::Binary)));
        // A binary file is refused on its first bytes even when it is too large.
        let mut big = vec![0u8; 64];
        big.extend(std::iter::repeat_n(b'a', 100_000));
        std::fs::write(&p, &big).unwrap();
        assert!(matches!(read_article(&p, DEFAULT_MAX_FILE_SIZE), Err(ReadError::Binary)));
        std::fs::write(&p, b"caf\xe9").unwrap();
        assert!(matches!(read_article(&p, DEFAULT_MAX_FILE_SIZE), Err(ReadError::NotUtf8 { valid_up_to: 3 })));
        let text = "\u{FEFF}Critics say \u{201C}so\u{201D}.".repeat(2000);
        std::fs::write(&p, &text).unwrap();
        assert_eq!(read_article(&p, DEFAULT_MAX_FILE_SIZE).unwrap(), text);
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("8388608"), Ok(8 << 20));
        assert_eq!(parse_size("8M"), Ok(8 << 20));
        assert_eq!(parse_size("8MiB"), Ok(8 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("").is_err());
        assert!(parse_size("8X").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn ignore_files_that_are_not_regular_files_never_hold_up_a_walk() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        for sub in ["fifo", "zero", "ok"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
            std::fs::write(root.join(sub).join("a.txt"), "x").unwrap();
        }
        let c = std::ffi::CString::new(root.join("fifo/.gitignore").into_os_string().into_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo failed");
        std::os::unix::fs::symlink("/dev/zero", root.join("zero/.ignore")).unwrap();
        std::fs::write(root.join("ok/.gitignore"), "b.txt\n").unwrap();
        std::fs::write(root.join("ok/b.txt"), "x").unwrap();
        let walk_within = |root: PathBuf| {
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(walk(&root, &FileFilter::default()));
            });
            rx.recv_timeout(std::time::Duration::from_secs(10)).expect("the walk did not end")
        };
        assert_eq!(walk_within(root.clone()), [root.join("ok/a.txt")]);
        // The same folders as roots: skipped, as is a folder below one (the walk reads the
        // ignore files of the folders above its root).
        assert!(walk_within(root.join("fifo")).is_empty());
        assert!(walk_within(root.join("zero")).is_empty());
        std::fs::create_dir_all(root.join("fifo/below")).unwrap();
        std::fs::write(root.join("fifo/below/c.txt"), "x").unwrap();
        assert!(walk_within(root.join("fifo/below")).is_empty());
    }

    #[test]
    fn a_cancelled_walk_stops() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..50 {
            std::fs::write(dir.path().join(format!("{i}.txt")), "x").unwrap();
        }
        assert_eq!(walk(dir.path(), &FileFilter::default()).len(), 50);
        assert!(walk_until(dir.path(), &FileFilter::default(), &|| true).is_empty());
    }
}

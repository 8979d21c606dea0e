//! Reading and writing the ledger file. Every write is a read-modify-write under an advisory
//! lock (`.<ledger name>.lock` beside it, `flock`-style, released when the process ends):
//! the file is re-read, the change applied to what is on disk *now* (another editor, the CLI,
//! a `git pull`), and the result written to a temporary file in the same folder, then renamed
//! over the ledger — so a reader never sees half a file. A ledger that cannot be parsed is
//! never overwritten: the write fails with the parse error.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::format::{Parsed, parse, render};

/// The largest ledger read (a 100k-entry ledger is about 40 MB).
pub const MAX_LEDGER_BYTES: u64 = 512 << 20;
/// How often a write is retried when the file changed on disk between its read and its rename
/// by a writer that does not take the lock (an editor saving the file).
const RETRIES: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerError {
    pub file: PathBuf,
    /// 1-based line and character column, when the problem is at a place in the file.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for LedgerError {}

fn io_error(file: &Path, what: &str, e: std::io::Error) -> LedgerError {
    LedgerError { file: file.to_path_buf(), at: None, message: format!("{what}: {e}") }
}

/// Open for reading without blocking: a FIFO (or a device) put where the ledger should be is
/// refused by the type check after the open, instead of blocking the open until a writer comes.
fn open_nonblocking(file: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOCTTY);
    options.open(file)
}

/// The ledger's bytes, or `None` when there is no ledger yet.
fn read_raw(file: &Path) -> Result<Option<String>, LedgerError> {
    let f = match open_nonblocking(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(file, "cannot read the ledger", e)),
    };
    let meta = f.metadata().map_err(|e| io_error(file, "cannot read the ledger", e))?;
    if !meta.is_file() {
        return Err(LedgerError { file: file.to_path_buf(), at: None, message: "the ledger is not a regular file".into() });
    }
    let mut bytes = Vec::new();
    f.take(MAX_LEDGER_BYTES + 1).read_to_end(&mut bytes).map_err(|e| io_error(file, "cannot read the ledger", e))?;
    if bytes.len() as u64 > MAX_LEDGER_BYTES {
        return Err(LedgerError {
            file: file.to_path_buf(),
            at: None,
            message: format!("the ledger is larger than {MAX_LEDGER_BYTES} bytes"),
        });
    }
    String::from_utf8(bytes).map(Some).map_err(|e| LedgerError {
        file: file.to_path_buf(),
        at: None,
        message: format!("the ledger is not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
    })
}

fn parse_raw(file: &Path, text: &str) -> Result<Parsed, LedgerError> {
    parse(text).map_err(|p| LedgerError { file: file.to_path_buf(), at: Some((p.line, p.column)), message: p.message })
}

/// Read and parse the ledger; a missing file is an empty ledger.
pub fn read(file: &Path) -> Result<Parsed, LedgerError> {
    match read_raw(file)? {
        Some(text) => parse_raw(file, &text),
        None => Ok(Parsed::default()),
    }
}

fn lock_path(file: &Path) -> PathBuf {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "byline.ledger.toml".into());
    file.with_file_name(format!(".{name}.lock"))
}

/// Apply `change` to the ledger as it is on disk now and write the result atomically. Returns
/// the ledger as written and what `change` returned. Nothing is written when the ledger on
/// disk cannot be read or parsed.
pub fn update<R>(file: &Path, mut change: impl FnMut(&mut Parsed) -> R) -> Result<(Parsed, R), LedgerError> {
    update_if(file, |p| (true, change(p)))
}

/// [`update`], but `change` also says whether anything changed: when it did not, nothing is
/// written (the ledger is returned as read, a missing one stays missing).
pub fn update_if<R>(file: &Path, mut change: impl FnMut(&mut Parsed) -> (bool, R)) -> Result<(Parsed, R), LedgerError> {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    // Never block on a FIFO put where the lock file should be.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOCTTY);
    let lock = options.open(lock_path(file)).map_err(|e| io_error(file, "cannot create the ledger's lock file", e))?;
    lock.lock().map_err(|e| io_error(file, "cannot lock the ledger", e))?;
    let mut attempt = 0;
    loop {
        let before = read_raw(file)?;
        let mut parsed = match &before {
            Some(text) => parse_raw(file, text)?,
            None => Parsed::default(),
        };
        let (changed, r) = change(&mut parsed);
        if !changed {
            return Ok((read(file)?, r));
        }
        let text = render(&parsed);
        // Where each entry now is in the file (render writes them in their sorted order).
        super::format::sort(&mut parsed.entries);
        let headers = text.lines().enumerate().filter(|(_, l)| *l == "[[check]]").map(|(i, _)| i + 1);
        parsed.entries.iter_mut().zip(headers).for_each(|(s, line)| s.line = line);
        let mut tmp = tempfile::Builder::new()
            .prefix(".byline-ledger-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| io_error(file, "cannot create a temporary file beside the ledger", e))?;
        tmp.write_all(text.as_bytes()).and_then(|_| tmp.as_file().sync_all()).map_err(|e| io_error(file, "cannot write the ledger", e))?;
        // Someone who does not take the lock (an editor) saved the file meanwhile: start again
        // from their version; never overwrite it blindly.
        if read_raw(file)? != before {
            attempt += 1;
            if attempt > RETRIES {
                return Err(LedgerError {
                    file: file.to_path_buf(),
                    at: None,
                    message: "the ledger kept changing while it was being written; nothing was written, try again".into(),
                });
            }
            continue;
        }
        tmp.persist(file).map_err(|e| io_error(file, "cannot replace the ledger", e.error))?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        drop(lock);
        return Ok((parsed, r));
    }
}

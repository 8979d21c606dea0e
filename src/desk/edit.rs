//! Changing `byline.toml` on the user's explicit request (the language server's code actions):
//! the file is parsed with `toml_edit`, so comments, order and formatting of the rest are kept;
//! the result must still be a valid configuration; it is written to a temporary file beside it
//! and renamed over it. A file that does not parse is never written.

use std::io::Write;
use std::path::Path;

use byline_core::Code;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::Desk;

/// The largest `byline.toml` byline edits.
const MAX_CONFIG_BYTES: u64 = 16 << 20;
/// How often an edit starts again when the file changed on disk while it was being made.
const RETRIES: usize = 5;

/// The configuration's text (empty when there is none). Only a regular file is read, without
/// blocking on a FIFO put in its place.
fn read_config(file: &Path) -> Result<String, String> {
    match crate::files::read_article(file, MAX_CONFIG_BYTES) {
        Ok(t) => Ok(t),
        Err(crate::files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(format!("{}: {e}", file.display())),
    }
}

/// An advisory lock on `.byline.toml.lock` beside the file, held while the edit is made: two
/// editors changing the configuration at once both get their change in.
fn lock(file: &Path) -> Result<std::fs::File, String> {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| super::FILE_NAME.into());
    let path = file.with_file_name(format!(".{name}.lock"));
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK | libc::O_NOCTTY);
    let lock = options.open(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    lock.lock().map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
    Ok(lock)
}

/// Apply `change` to the configuration at `file` (a missing file is an empty one) and write it
/// atomically, under the lock; when the file changed on disk meanwhile (a save by an editor
/// that does not take the lock), the change is made again on that version, never over it.
/// Returns whether anything changed.
pub fn edit(file: &Path, mut change: impl FnMut(&mut DocumentMut) -> bool) -> Result<bool, String> {
    let _lock = lock(file)?;
    for _ in 0..=RETRIES {
        let text = read_config(file)?;
        // The file must be a good configuration before (never overwrite what the user is fixing)…
        Desk::parse(file, &text).map_err(|e| format!("{e}; fix it before byline changes it"))?;
        let mut doc: DocumentMut = text.parse().map_err(|e| format!("{}: {e}", file.display()))?;
        if !change(&mut doc) {
            return Ok(false);
        }
        let new = doc.to_string();
        // … and after.
        Desk::parse(file, &new).map_err(|e| format!("the change would make an invalid configuration: {e}"))?;
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut tmp = tempfile::Builder::new()
            .prefix(".byline-toml-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot create a temporary file beside {}: {e}", file.display()))?;
        tmp.write_all(new.as_bytes())
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        if read_config(file)? != text {
            continue;
        }
        tmp.persist(file).map_err(|e| format!("cannot replace {}: {}", file.display(), e.error))?;
        return Ok(true);
    }
    Err(format!("{} kept changing while byline was changing it; nothing was written, try again", file.display()))
}

/// Switch `code` off for one article (`rel`, workspace-relative): an `[[overrides]]` entry whose
/// `files` is exactly `[rel]` gets `severity.<code> = "off"` (a new entry when there is none).
pub fn turn_off(doc: &mut DocumentMut, rel: &str, code: Code) -> bool {
    let item = doc.entry("overrides").or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(overrides) = item.as_array_of_tables_mut() else { return false };
    let just_this =
        |t: &Table| t.get("files").and_then(Item::as_array).is_some_and(|a| a.len() == 1 && a.get(0).and_then(|v| v.as_str()) == Some(rel));
    let found = overrides.iter().position(just_this);
    let i = match found {
        Some(i) => i,
        None => {
            let mut t = Table::new();
            let mut files = Array::new();
            files.push(rel);
            t.insert("files", value(files));
            overrides.push(t);
            overrides.len() - 1
        }
    };
    let Some(table) = overrides.get_mut(i) else { return false };
    let severity = table.entry("severity").or_insert(Item::Value(toml_edit::Value::InlineTable(Default::default())));
    let current = severity.get(code.as_str()).and_then(Item::as_str);
    if current == Some("off") {
        return false;
    }
    severity[code.as_str()] = value("off");
    true
}

/// Add `phrase` to `[sources] named` (unless it is there already).
pub fn add_named_source(doc: &mut DocumentMut, phrase: &str) -> bool {
    let sources = doc.entry("sources").or_insert(Item::Table(Table::new()));
    let Some(sources) = sources.as_table_like_mut() else { return false };
    let named = sources.entry("named").or_insert(value(Array::new()));
    let Some(list) = named.as_array_mut() else { return false };
    if list.iter().any(|v| v.as_str() == Some(phrase)) {
        return false;
    }
    list.push(phrase);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_the_rest_and_stay_valid() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("byline.toml");
        let before = "# the desk\n[ledger]\nchecker = \"Ana\" # who\n";
        std::fs::write(&file, before).unwrap();
        assert!(edit(&file, |doc| turn_off(doc, "news/a.txt", Code::VagueAttribution)).unwrap());
        assert!(edit(&file, |doc| turn_off(doc, "news/a.txt", Code::AnonymousSource)).unwrap());
        assert!(!edit(&file, |doc| turn_off(doc, "news/a.txt", Code::AnonymousSource)).unwrap());
        assert!(edit(&file, |doc| add_named_source(doc, "Harbourline Wire")).unwrap());
        assert!(!edit(&file, |doc| add_named_source(doc, "Harbourline Wire")).unwrap());
        let after = std::fs::read_to_string(&file).unwrap();
        assert!(after.starts_with(before), "{after}");
        let desk = Desk::parse(&file, &after).unwrap();
        assert_eq!(desk.overrides.len(), 1, "{after}");
        assert!(desk.overrides[0].applies_to("news/a.txt") && !desk.overrides[0].applies_to("news/b.txt"));
        assert_eq!(desk.overrides[0].severity.get(&Code::VagueAttribution), Some(&None));
        assert_eq!(desk.overrides[0].severity.get(&Code::AnonymousSource), Some(&None));
        assert_eq!(desk.sources.named, vec!["Harbourline Wire"]);
    }

    #[test]
    fn concurrent_edits_all_land() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("byline.toml");
        std::fs::write(&file, "# the desk\n").unwrap();
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let file = file.clone();
                std::thread::spawn(move || edit(&file, |doc| add_named_source(doc, &format!("Wire {i}"))).unwrap())
            })
            .collect();
        threads.into_iter().for_each(|t| assert!(t.join().unwrap()));
        let desk = Desk::read(&file).unwrap();
        assert_eq!(desk.sources.named.len(), 8, "{:?}", desk.sources.named);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_place_of_the_file_is_refused_without_blocking() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("byline.toml");
        assert!(std::process::Command::new("mkfifo").arg(&file).status().unwrap().success());
        let (tx, rx) = std::sync::mpsc::channel();
        let f = file.clone();
        std::thread::spawn(move || {
            let _ = tx.send(edit(&f, |doc| add_named_source(doc, "X")));
        });
        let r = rx.recv_timeout(std::time::Duration::from_secs(10)).expect("editing a FIFO blocked");
        assert!(r.is_err_and(|e| e.contains("FIFO") || e.contains("not a regular")));
    }

    #[test]
    fn a_broken_file_is_never_written() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("byline.toml");
        std::fs::write(&file, "[severity\n").unwrap();
        assert!(edit(&file, |doc| add_named_source(doc, "X")).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "[severity\n");
    }
}

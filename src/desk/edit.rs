//! Changing `byline.toml` on the user's explicit request (the language server's code actions):
//! the file is parsed with `toml_edit`, so comments, order and formatting of the rest are kept;
//! the result must still be a valid configuration; it is written to a temporary file beside it
//! and renamed over it. A file that does not parse is never written.

use std::io::Write;
use std::path::Path;

use byline_core::Code;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use super::Desk;

/// Apply `change` to the configuration at `file` (a missing file is an empty one) and write it
/// atomically. Returns whether anything changed.
pub fn edit(file: &Path, change: impl FnOnce(&mut DocumentMut) -> bool) -> Result<bool, String> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", file.display())),
    };
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
    tmp.write_all(new.as_bytes()).and_then(|_| tmp.as_file().sync_all()).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    tmp.persist(file).map_err(|e| format!("cannot replace {}: {}", file.display(), e.error))?;
    Ok(true)
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
    fn a_broken_file_is_never_written() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("byline.toml");
        std::fs::write(&file, "[severity\n").unwrap();
        assert!(edit(&file, |doc| add_named_source(doc, "X")).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "[severity\n");
    }
}

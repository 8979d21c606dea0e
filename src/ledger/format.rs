//! The ledger file's text: TOML, one `[[check]]` table per recorded check, in a stable order
//! (path, sentence, code) so that diffs and merges stay clean. Reading validates every entry
//! and says where a problem is (`file:line:col: message`); fields byline does not know are kept
//! and written back.

use byline_core::Code;
use byline_core::ledger::anchor::{fingerprint, normalise};
use byline_core::ledger::{CheckStatus, Entry};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::paths::check_entry_path;

/// The fields byline reads and writes, in the order they are written.
const KNOWN: [&str; 12] = ["path", "code", "sentence", "anchor", "status", "checker", "at", "note", "url", "reason", "verdict", "rating"];

const HEADER: &str = "\
# byline check ledger: one [[check]] per finding a fact-checker checked or dismissed.
# Entries are anchored by path, code and sentence text (not line numbers) and kept sorted.
# Hand edits are fine; byline keeps fields it does not know.
";

/// One entry as kept in memory: the entry and the fields byline does not know.
#[derive(Clone, Debug)]
pub struct Stored {
    pub entry: Entry,
    pub extra: Table,
    /// The 1-based line of its `[[check]]` in the file it was read from (0: not read from a file).
    pub line: usize,
}

/// The parsed ledger: its entries and the top-level items other than `check`.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Stored>,
    pub top: Table,
}

/// A problem at a place in the ledger text (1-based line, character column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn problem_at(text: &str, at: usize, message: String) -> Problem {
    let at = at.min(text.len());
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    Problem { line, column: text[start..at].chars().count() + 1, message }
}

/// Parse a ledger's text. An empty text is an empty ledger.
pub fn parse(text: &str) -> Result<Parsed, Problem> {
    let doc = toml_edit::Document::parse(text).map_err(|e| {
        let first = e.message().lines().next().unwrap_or("invalid TOML").trim().to_string();
        problem_at(text, e.span().map_or(0, |s| s.start), format!("not valid TOML: {first}"))
    })?;
    let mut entries = Vec::new();
    let mut lines = Vec::new();
    let (mut counted_to, mut line) = (0, 1);
    if let Some(item) = doc.as_table().get("check") {
        let Some(checks) = item.as_array_of_tables() else {
            return Err(problem_at(text, item.span().unwrap_or(0..0).start, "`check` must be an array of tables ([[check]])".into()));
        };
        for t in checks.iter() {
            // Entries come in file order: count line breaks from the previous one.
            let at = t.span().map_or(counted_to, |s| s.start.max(counted_to));
            line += text.as_bytes()[counted_to..at].iter().filter(|&&b| b == b'\n').count();
            counted_to = at;
            lines.push(line);
            entries.push(entry_of(t).map_err(|(span, msg)| problem_at(text, span.or(t.span()).map_or(0, |s| s.start), msg))?);
        }
    }
    // Spans were for the messages; the kept tables must not refer to the text.
    let mut doc = doc.into_mut();
    let extras: Vec<Table> = match doc.as_table_mut().remove("check") {
        Some(Item::ArrayOfTables(a)) => a.into_iter().collect(),
        _ => Vec::new(),
    };
    let entries = entries
        .into_iter()
        .zip(extras)
        .zip(lines)
        .map(|((entry, mut extra), line)| {
            KNOWN.iter().for_each(|k| {
                extra.remove(k);
            });
            extra.set_position(None);
            Stored { entry, extra, line }
        })
        .collect();
    let mut top = doc.as_table().clone();
    top.set_position(None);
    Ok(Parsed { entries, top })
}

type FieldError = (Option<std::ops::Range<usize>>, String);

fn string_field(t: &Table, key: &str, required: bool) -> Result<Option<String>, FieldError> {
    match t.get(key) {
        None if required => Err((None, format!("[[check]] without `{key}`"))),
        None => Ok(None),
        Some(item) => match item.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err((item.span(), format!("`{key}` must be a string"))),
        },
    }
}

/// `rating`: an integer on the ClaimReview scale (1 to 5), optional.
fn rating_field(t: &Table) -> Result<Option<u8>, FieldError> {
    let Some(item) = t.get("rating") else { return Ok(None) };
    let (worst, best) = byline_core::ledger::RATING_SCALE;
    match item.as_integer() {
        Some(n) if (i64::from(worst)..=i64::from(best)).contains(&n) => Ok(Some(n as u8)),
        _ => Err((item.span(), format!("`rating` must be an integer from {worst} (false) to {best} (true)"))),
    }
}

fn entry_of(t: &Table) -> Result<Entry, FieldError> {
    let req = |k| string_field(t, k, true).map(Option::unwrap_or_default);
    let opt = |k| string_field(t, k, false).map(Option::unwrap_or_default);
    let span = |k: &str| t.get(k).and_then(Item::span);
    let path = req("path")?;
    check_entry_path(&path).map_err(|why| (span("path"), why))?;
    let code_s = req("code")?;
    let code = Code::parse(&code_s)
        .ok_or_else(|| (span("code"), format!("unknown code {code_s:?}; one of: {}", Code::ALL.map(|c| c.as_str()).join(", "))))?;
    let status_s = req("status")?;
    let status = CheckStatus::parse(&status_s)
        .ok_or_else(|| (span("status"), format!("unknown status {status_s:?}; one of: checked, dismissed")))?;
    let sentence = normalise(&req("sentence")?);
    if sentence.is_empty() {
        return Err((span("sentence"), "`sentence` is empty".into()));
    }
    let anchor = match string_field(t, "anchor", false)? {
        Some(a) if !a.is_empty() => a,
        _ => fingerprint(&sentence, code.as_str()),
    };
    Ok(Entry {
        path,
        code,
        sentence,
        anchor,
        status,
        checker: opt("checker")?,
        at: opt("at")?,
        note: opt("note")?,
        url: opt("url")?,
        reason: opt("reason")?,
        verdict: string_field(t, "verdict", false)?.filter(|v| !v.is_empty()),
        rating: rating_field(t)?,
    })
}

fn table_of(s: &Stored) -> Table {
    let e = &s.entry;
    let mut t = Table::new();
    t.insert("path", value(e.path.as_str()));
    t.insert("code", value(e.code.as_str()));
    t.insert("sentence", value(e.sentence.as_str()));
    t.insert("anchor", value(e.anchor.as_str()));
    t.insert("status", value(e.status.as_str()));
    t.insert("checker", value(e.checker.as_str()));
    t.insert("at", value(e.at.as_str()));
    t.insert("note", value(e.note.as_str()));
    t.insert("url", value(e.url.as_str()));
    if e.status == CheckStatus::Dismissed || !e.reason.is_empty() {
        t.insert("reason", value(e.reason.as_str()));
    }
    if let Some(v) = &e.verdict {
        t.insert("verdict", value(v.as_str()));
    }
    if let Some(r) = e.rating {
        t.insert("rating", value(i64::from(r)));
    }
    for (k, v) in s.extra.iter() {
        t.insert(k, v.clone());
    }
    t
}

/// Sort entries into the ledger's stable order.
pub fn sort(entries: &mut [Stored]) {
    entries.sort_by(|a, b| a.entry.sort_key().cmp(&b.entry.sort_key()));
}

/// The ledger's text: the header comment, the other top-level items, then the entries in
/// their stable order.
pub fn render(parsed: &Parsed) -> String {
    let mut entries: Vec<&Stored> = parsed.entries.iter().collect();
    entries.sort_by(|a, b| a.entry.sort_key().cmp(&b.entry.sort_key()));
    let mut doc = DocumentMut::new();
    for (k, v) in parsed.top.iter() {
        doc.insert(k, v.clone());
    }
    let mut checks = ArrayOfTables::new();
    for s in entries {
        checks.push(table_of(s));
    }
    if !checks.is_empty() {
        doc.insert("check", Item::ArrayOfTables(checks));
    }
    let body = doc.to_string();
    let body = body.trim_start_matches('\n').trim_end();
    let text = if body.starts_with(HEADER.trim_end()) { body.to_string() } else { format!("{HEADER}\n{body}") };
    format!("{}\n", text.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(path: &str, sentence: &str) -> Stored {
        Stored { entry: Entry::new(path, Code::UnattributedClaim, sentence), extra: Table::new(), line: 0 }
    }

    #[test]
    fn a_rendered_ledger_parses_back_the_same() {
        let mut a = stored("news/b.txt", "Rents rose 12% last year.");
        a.entry.note = "ONS table 4 \"rents\"\nsecond line".into();
        a.entry.verdict = Some("true".into());
        a.entry.rating = Some(5);
        let mut b = stored("news/a.txt", "Critics say the plan is flawed.");
        b.entry.status = CheckStatus::Dismissed;
        b.entry.reason = "opinion piece".into();
        let parsed = Parsed { entries: vec![a.clone(), b.clone()], top: Table::new() };
        let text = render(&parsed);
        let back = parse(&text).unwrap();
        let got: Vec<&Entry> = back.entries.iter().map(|s| &s.entry).collect();
        assert_eq!(got, vec![&b.entry, &a.entry], "sorted by path:\n{text}");
        assert_eq!(render(&back), text, "rendering is stable");
    }

    #[test]
    fn unknown_fields_are_kept() {
        let text = "version = 1\nowner = \"desk\"\n\n[[check]]\npath = \"a.txt\"\ncode = \"vague-attribution\"\nsentence = \"Critics say so.\"\nstatus = \"checked\"\nticket = 42\n";
        let back = parse(text).unwrap();
        let out = render(&back);
        assert!(out.contains("ticket = 42"), "{out}");
        assert!(out.contains("owner = \"desk\""), "{out}");
        assert!(out.contains("anchor = "), "a missing anchor is computed: {out}");
        assert_eq!(back.entries[0].entry.sentence, "critics say so.");
        assert_eq!(back.entries[0].line, 4);
        let twice = format!("{text}\n[[check]]\npath = \"b.txt\"\ncode = \"vague-attribution\"\nsentence = \"x\"\nstatus = \"checked\"\n");
        assert_eq!(parse(&twice).unwrap().entries.iter().map(|s| s.line).collect::<Vec<_>>(), [4, 11]);
    }

    #[test]
    fn problems_say_where() {
        let p = parse("[[check]]\npath = \"a.txt\"\ncode = \"nope\"\n").unwrap_err();
        assert_eq!((p.line, p.column), (3, 8), "{p:?}");
        assert!(p.message.contains("unknown code"), "{p:?}");
        let p = parse("[[check]]\npath = \"a.txt\n").unwrap_err();
        assert_eq!(p.line, 2, "{p:?}");
        assert!(p.message.starts_with("not valid TOML"), "{p:?}");
        let p = parse("[[check]]\npath = \"../etc/passwd\"\ncode = \"anonymous-source\"\nsentence = \"x\"\nstatus = \"checked\"\n")
            .unwrap_err();
        assert_eq!(p.line, 2, "{p:?}");
        assert!(p.message.contains(".."), "{p:?}");
        let p = parse("[[check]]\npath = \"a.txt\"\ncode = \"anonymous-source\"\nsentence = \"x\"\nstatus = \"checked\"\nrating = 9\n")
            .unwrap_err();
        assert_eq!(p.line, 6, "{p:?}");
        assert!(p.message.contains("`rating` must be an integer from 1"), "{p:?}");
        let p = parse("[[check]]\ncode = \"anonymous-source\"\n").unwrap_err();
        assert!(p.message.contains("without `path`"), "{p:?}");
        assert_eq!(p.line, 1, "{p:?}");
    }
}

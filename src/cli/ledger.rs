//! `byline ledger [PATHS]`: the checks of the ledger that need attention — **stale** (the
//! sentence changed in substance since it was checked) and **orphan** (no finding matches any
//! more: the sentence was deleted, or the article); exit 1 when there are any.
//! `byline ledger mark PATH:LINE[:COL] --code CODE`: record a check from the command line.
//! `byline ledger move OLD NEW`: the checks of a renamed article (or folder) follow it.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use byline_core::ledger::{CheckStatus, Entry};
use byline_core::{Code, Format};
use serde::Serialize;

use super::lines::Lines;
use super::sources::gather;
use super::workspace::Workspace;
use crate::files::FileFilter;
use crate::ledger::{Ledger, State};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LedgerArgs {
    #[command(subcommand)]
    pub action: Option<LedgerAction>,
    /// Articles or folders whose checks to review (default: the whole workspace).
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

#[derive(clap::Subcommand)]
pub enum LedgerAction {
    /// Record that a finding was checked (or, with --dismiss, dismissed).
    Mark(MarkArgs),
    /// Move the checks of a renamed article (or of every article under a renamed folder) to
    /// its new path. Only the ledger is written; the files are not touched.
    Move(MoveArgs),
}

#[derive(clap::Args)]
pub struct MoveArgs {
    /// The old path of the article or folder (it may be gone already).
    pub from: PathBuf,
    /// Its new path, inside the workspace.
    pub to: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct MarkArgs {
    /// The finding: `PATH:LINE` or `PATH:LINE:COLUMN` (1-based; the column in characters).
    pub target: String,
    /// The finding's code, e.g. `unattributed-claim`.
    #[arg(long, value_parser = parse_code)]
    pub code: Code,
    /// A note kept with the check (what was checked, against what).
    #[arg(long, default_value = "")]
    pub note: String,
    /// The source the claim was checked against.
    #[arg(long, default_value = "")]
    pub url: String,
    /// Dismiss the finding (not a claim, the source is fine) for this reason.
    #[arg(long, value_name = "REASON")]
    pub dismiss: Option<String>,
    /// A verdict for a later ClaimReview export ("true", "misleading" …).
    #[arg(long)]
    pub verdict: Option<String>,
    /// A rating for the ClaimReview export, from 1 (false) to 5 (true).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub rating: Option<u8>,
}

fn parse_code(s: &str) -> Result<Code, String> {
    Code::parse(s).ok_or_else(|| format!("unknown code {s:?}; one of: {}", Code::ALL.map(|c| c.as_str()).join(", ")))
}

pub fn run(args: LedgerArgs) -> ExitCode {
    match args.action {
        Some(LedgerAction::Mark(m)) => mark(m),
        Some(LedgerAction::Move(m)) => move_checks(m),
        None => review(args.paths, args.format),
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("byline ledger: {msg}");
    ExitCode::from(2)
}

/// `path:line[:col]` → (path, line, col); the path may itself hold colons.
fn parse_target(t: &str) -> Option<(PathBuf, usize, Option<usize>)> {
    let (rest, last) = t.rsplit_once(':')?;
    let last: usize = last.parse().ok()?;
    if let Some((path, line)) = rest.rsplit_once(':')
        && let Ok(line) = line.parse::<usize>()
        && !path.is_empty()
    {
        return Some((PathBuf::from(path), line, Some(last)));
    }
    (!rest.is_empty()).then(|| (PathBuf::from(rest), last, None))
}

fn mark(m: MarkArgs) -> ExitCode {
    let Some((path, line, col)) = parse_target(&m.target) else {
        return fail(format!("expected PATH:LINE or PATH:LINE:COLUMN, got {:?}", m.target));
    };
    let ws = match Workspace::open(std::slice::from_ref(&path)) {
        Ok(ws) => ws,
        Err(e) => return fail(e),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (root, file) = match (&ws.desk.root, ws.desk.ledger_file()) {
        (Some(r), Some(f)) => (r.clone(), f),
        _ => (cwd.clone(), cwd.join(crate::ledger::FILE_NAME)),
    };
    let rel = match crate::ledger::paths::relative_to(&root, &path) {
        Ok(r) => r,
        Err(e) => return fail(format!("refusing to record a check: {e}")),
    };
    let max = ws.desk.max_file_size.unwrap_or(crate::files::DEFAULT_MAX_FILE_SIZE);
    let text = match crate::files::read_article(&path, max) {
        Ok(t) => t,
        Err(e) => return fail(format!("{}: {e}", path.display())),
    };
    let lines = Lines::new(&text);
    let Some(span) = lines.line_span(line) else {
        return fail(format!("{}: no line {line}", path.display()));
    };
    let at = col.and_then(|c| lines.offset(line, c));
    let analysis = crate::faults::analyze(&text, Format::from_path(&path.to_string_lossy()), ws.desk.lexicon.lexicon());
    let found = analysis.findings.iter().find(|f| {
        f.code == m.code
            && match at {
                Some(b) => f.span.start <= b && b <= f.span.end,
                None => f.span.start <= span.end && span.start <= f.span.end,
            }
    });
    let Some(f) = found else {
        return fail(format!("no {} finding at {}", m.code, m.target));
    };
    let mut entry = Entry::new(&rel, f.code, &text[f.span.clone()]);
    entry.checker = crate::ledger::checker_name(ws.desk.checker.as_deref(), &cwd);
    entry.at = crate::ledger::clock::now();
    entry.note = m.note;
    entry.url = m.url;
    entry.verdict = m.verdict.filter(|v| !v.is_empty());
    entry.rating = m.rating;
    if let Some(reason) = m.dismiss {
        entry.status = CheckStatus::Dismissed;
        entry.reason = reason;
    }
    let mut ledger = match Ledger::load_file(&root, file) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let (line, _) = lines.line_col(f.span.start);
    let summary = format!("{}:{line}: {} {} by {}", path.display(), f.code, entry.status.as_str(), entry.checker);
    match ledger.record(entry) {
        Ok(()) => {
            super::check::print_lines(&[format!("{summary} (recorded in {})", ledger.file().display())]);
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// The workspace-relative path of `path`, which may not exist (the old name of a renamed
/// article): through symbolic links when it exists, else from its nearest existing folder.
fn relative_maybe_gone(root: &std::path::Path, path: &std::path::Path) -> Result<String, String> {
    if path.exists() {
        return crate::ledger::paths::relative_to(root, path);
    }
    let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().map_err(|e| e.to_string())?.join(path) };
    let mut rest = Vec::new();
    let mut base = abs.as_path();
    while !base.exists() {
        let name = base.file_name().and_then(|n| n.to_str()).ok_or_else(|| format!("{}: not a usable path", path.display()))?;
        rest.push(name.to_string());
        base = base.parent().ok_or_else(|| format!("{}: not a usable path", path.display()))?;
    }
    rest.reverse();
    let head =
        if base.canonicalize().ok() == root.canonicalize().ok() { String::new() } else { crate::ledger::paths::relative_to(root, base)? };
    let rel = std::iter::once(head.as_str()).filter(|h| !h.is_empty()).chain(rest.iter().map(String::as_str)).collect::<Vec<_>>().join("/");
    crate::ledger::paths::check_entry_path(&rel)?;
    Ok(rel)
}

fn move_checks(m: MoveArgs) -> ExitCode {
    // The workspace of the new path's nearest existing folder (the new path may not exist yet),
    // else the old path's: a new path out of every workspace is then refused as leaving it.
    let nearest = |p: &std::path::Path| {
        p.ancestors().find(|a| !a.as_os_str().is_empty() && a.exists()).map_or_else(|| PathBuf::from("."), PathBuf::from)
    };
    let open = |p: &std::path::Path| Workspace::open(std::slice::from_ref(&nearest(p)));
    let ws = match open(&m.to) {
        Ok(ws) if ws.desk.root.is_none() => open(&m.from),
        other => other,
    };
    let ws = match ws {
        Ok(ws) => ws,
        Err(e) => return fail(e),
    };
    let (Some(root), Some(file)) = (ws.desk.root.clone(), ws.desk.ledger_file()) else {
        return fail("no workspace here (no byline.toml or byline.ledger.toml at or above it): no checks to move");
    };
    let (from, to) = match (relative_maybe_gone(&root, &m.from), relative_maybe_gone(&root, &m.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => return fail(format!("refusing to move checks: {e}")),
    };
    let mut ledger = match Ledger::load_file(&root, file) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    match ledger.rename(&from, &to) {
        Ok(0) => {
            eprintln!("byline ledger: no checks recorded under {from}; nothing written");
            ExitCode::SUCCESS
        }
        Ok(n) => {
            let s = if n == 1 { "" } else { "s" };
            super::check::print_lines(&[format!("{n} check{s} moved from {from} to {to} (in {})", ledger.file().display())]);
            ExitCode::SUCCESS
        }
        Err(e) => fail(e),
    }
}

/// A check that needs attention, as listed.
#[derive(Serialize)]
struct Listed {
    kind: &'static str,
    path: String,
    /// Where the finding is now (stale checks only).
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    code: &'static str,
    sentence: String,
    anchor: String,
    status: &'static str,
    checker: String,
    at: String,
    note: String,
    message: String,
    /// The line of the entry in the ledger file.
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger_line: Option<usize>,
}

fn listed(ledger: &Ledger, kind: &'static str, e: &Entry, at: Option<(usize, usize)>, message: String) -> Listed {
    Listed {
        ledger_line: ledger.line_of(e),
        kind,
        path: e.path.clone(),
        line: at.map(|a| a.0),
        column: at.map(|a| a.1),
        code: e.code.as_str(),
        sentence: e.sentence.clone(),
        anchor: e.anchor.clone(),
        status: e.status.as_str(),
        checker: e.checker.clone(),
        at: e.at.clone(),
        note: e.note.clone(),
        message,
    }
}

fn review(paths: Vec<PathBuf>, format: ListFormat) -> ExitCode {
    let ws = match Workspace::open(&paths) {
        Ok(ws) => ws,
        Err(e) => return fail(e),
    };
    let (Some(root), Some(ledger)) = (ws.desk.root.clone(), ws.ledger.as_ref()) else {
        eprintln!("byline ledger: no workspace here (no byline.toml or byline.ledger.toml at or above it): nothing to review");
        return ExitCode::SUCCESS;
    };
    let include = ws.desk.include.clone().unwrap_or_else(|| crate::files::DEFAULT_INCLUDE.map(String::from).to_vec());
    let filter = match FileFilter::new(&include, &ws.desk.exclude) {
        Ok(f) => f,
        Err(e) => return fail(format!("bad glob in byline.toml: {e}")),
    };
    let scope = if paths.is_empty() { vec![root.clone()] } else { paths.clone() };
    let gathered = gather(&scope, &filter, ws.desk.max_file_size.unwrap_or(crate::files::DEFAULT_MAX_FILE_SIZE));
    for (p, why) in &gathered.skipped {
        eprintln!("byline: warning: skipping {}: {why}", p.display());
    }
    let scope_rel: Vec<String> = scope.iter().filter_map(|p| crate::ledger::paths::relative_to(&root, p).ok()).collect();
    let whole = scope.iter().any(|p| p.canonicalize().ok() == root.canonicalize().ok());

    let mut out: Vec<Listed> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut moved: BTreeSet<String> = BTreeSet::new();
    // Where the sentences of a gone path were found: old path → new paths.
    let mut moves: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for src in &gathered.sources {
        let Some(rel) = ws.relative(&src.path) else { continue };
        let analysis = crate::faults::analyze(&src.text, Format::from_path(&rel), ws.desk.lexicon.lexicon());
        let doc = ledger.document(&rel, &analysis.findings, &src.text);
        let lines = Lines::new(&src.text);
        for (f, st) in analysis.findings.iter().zip(&doc.statuses) {
            if let Some(from) = &st.moved_from {
                moved.insert(from.clone());
                moves.entry(from.clone()).or_default().insert(rel.clone());
            }
            if st.state == State::Stale
                && let Some(e) = &st.entry
            {
                out.push(listed(ledger, "stale", e, Some(lines.line_col(f.span.start)), st.describe().unwrap_or_default()));
            }
        }
        out.extend(doc.orphans.iter().map(|e| listed(ledger, "orphan", e, None, "no finding matches this check any more".into())));
        seen.insert(rel);
    }
    // Entries of articles that were not checked: gone (unless the article was renamed and found
    // again), reached through a link out of the workspace, or left out of the walk. None is
    // dropped silently.
    let in_scope = |p: &str| whole || scope_rel.iter().any(|s| p == s || p.starts_with(&format!("{s}/")));
    for e in ledger.entries().filter(|e| !seen.contains(&e.path) && in_scope(&e.path) && !moved.contains(&e.path)) {
        let why = if !ledger.exists(&e.path) {
            "the article is gone"
        } else if crate::ledger::paths::leaves_workspace(&root, &e.path) {
            crate::ledger::paths::LEAVES_BY_LINK
        } else {
            "the article was not checked (excluded by [files], ignored, too big or not text), so this check cannot be matched"
        };
        out.push(listed(ledger, "orphan", e, None, why.into()));
    }
    out.sort_by(|a, b| (a.kind, &a.path, a.line, &a.sentence).cmp(&(b.kind, &b.path, b.line, &b.sentence)));

    let ledger_name = ledger.file().display().to_string();
    match format {
        ListFormat::Json => {
            let v = serde_json::json!({
                "ledger": ledger_name,
                "entries": ledger.len(),
                "stale": out.iter().filter(|l| l.kind == "stale").collect::<Vec<_>>(),
                "orphans": out.iter().filter(|l| l.kind == "orphan").collect::<Vec<_>>(),
                "moved": moved,
                "moves": moves.iter().flat_map(|(from, to)| to.iter().map(move |t| serde_json::json!({"from": from, "to": t}))).collect::<Vec<_>>(),
            });
            super::check::print_json(&v);
        }
        ListFormat::Text => {
            let lines: Vec<String> = out
                .iter()
                .map(|l| match (l.line, l.column) {
                    (Some(line), Some(col)) => format!("{}:{line}:{col}: stale[{}]: {}", l.path, l.code, l.message),
                    _ => {
                        let at = l.ledger_line.map(|n| format!(":{n}:1")).unwrap_or_default();
                        let day = l.at.get(..10).unwrap_or(&l.at);
                        format!(
                            "{ledger_name}{at}: orphan[{}]: {}: \"{}\" ({} by {} on {day}): {}",
                            l.code, l.path, l.sentence, l.status, l.checker, l.message
                        )
                    }
                })
                .collect();
            super::check::print_lines(&lines);
            for (from, to) in &moves {
                let to: Vec<&str> = to.iter().map(String::as_str).collect();
                if let [one] = to.as_slice() {
                    eprintln!(
                        "byline ledger: {from} is gone; its checks were found in {one} and still hold \
                         (`byline ledger move {from} {one}` records the new path)"
                    );
                } else {
                    eprintln!("byline ledger: {from} is gone; its checks were found in {}, and still hold there", to.join(", "));
                }
            }
            let (s, o) = (out.iter().filter(|l| l.kind == "stale").count(), out.iter().filter(|l| l.kind == "orphan").count());
            eprintln!("byline ledger: {} checks; {s} stale, {o} orphan", ledger.len());
        }
    }
    if out.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

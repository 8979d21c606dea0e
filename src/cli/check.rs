//! `byline check [PATHS...]`: findings printed the way compilers print them.
//!
//! Exit status: 0 when nothing was found, 1 when something was, 2 when nothing could be read
//! (or the command line was wrong), 3 when an internal error stopped the analysis of at least
//! one file — that file is named in a one-line error and every other file is still checked and
//! reported.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use std::sync::Arc;

use byline_core::index::{HouseName, QuoteCheck, WorkspaceIndex};
use byline_core::{Code, Format, Severity, Span};
use serde::Serialize;

use super::lines::Lines;
use super::sources::{Source, gather};
use crate::desk::ShowChecked;
use crate::files::FileFilter;
use crate::ledger::{DocStatus, Status};

#[derive(clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// Which articles and which codes a command reports on (`byline check`, `byline report`).
#[derive(clap::Args)]
pub struct Selection {
    /// Files or folders to check (default: the current folder). Folders are walked for .txt
    /// and .md files, respecting .gitignore; files named here are always checked.
    pub paths: Vec<std::path::PathBuf>,
    /// Do not report this code (repeatable), e.g. `--disable anonymous-source`.
    #[arg(long = "disable", value_name = "CODE", value_parser = parse_code)]
    pub disable: Vec<Code>,
    /// Report a code at another severity (repeatable), e.g. `--severity unattributed-claim=error`;
    /// `off` disables it.
    #[arg(long = "severity", value_name = "CODE=LEVEL", value_parser = parse_code_level)]
    pub severity: Vec<(Code, Option<Severity>)>,
    /// Extra glob of files to leave out when walking folders (repeatable), e.g. `drafts/**`.
    #[arg(long = "exclude", value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// The largest file read, in bytes or with a unit (`512K`, `8M`, `1G`); larger files are
    /// skipped with a warning. Default: `[files] max_file_size` of byline.toml, else 8M.
    #[arg(long = "max-file-size", value_name = "SIZE", value_parser = crate::files::parse_size)]
    pub max_file_size: Option<u64>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    /// `path:line:column: severity[code]: message`, as compilers print.
    Text,
    /// One JSON document: findings, files checked, skipped files, errors.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
}

fn parse_code(s: &str) -> Result<Code, String> {
    Code::parse(s).ok_or_else(|| format!("unknown code {s:?}; one of: {}", Code::ALL.map(|c| c.as_str()).join(", ")))
}

fn parse_code_level(s: &str) -> Result<(Code, Option<Severity>), String> {
    let (code, level) = s.split_once('=').ok_or("expected CODE=LEVEL, e.g. unattributed-claim=error")?;
    let level = crate::lsp::config::parse_level(level)
        .ok_or_else(|| format!("unknown level {level:?}; one of: error, warning, information, hint, off"))?;
    Ok((parse_code(code)?, level))
}

/// One finding, as `--format json` prints it.
#[derive(Serialize)]
pub struct Reported {
    pub path: String,
    /// 1-based; columns count characters.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file.
    pub start_byte: usize,
    pub end_byte: usize,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    /// The finding's anchor: a hash of its sentence's normalised text and its code, which
    /// does not change when the article is edited elsewhere.
    pub fingerprint: String,
    /// What the check ledger says: `open`, `checked`, `dismissed` or `stale`.
    pub status: &'static str,
    /// The ledger entry behind a status other than `open`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckInfo>,
}

impl Reported {
    /// An open finding of `code` at `span` of the article at `path`; its fingerprint is the
    /// hash of `anchor` (the sentence, or the form or quotation a cross-file check is about).
    fn open(path: &str, lines: &Lines, span: &Span, code: Code, severity: Severity, message: String, anchor: &str) -> Reported {
        let (line, column) = lines.line_col(span.start);
        let (end_line, end_column) = lines.line_col(span.end);
        Reported {
            path: path.to_string(),
            line,
            column,
            end_line,
            end_column,
            start_byte: span.start,
            end_byte: span.end,
            code: code.as_str(),
            severity: severity.as_str(),
            message,
            fingerprint: byline_core::ledger::anchor::fingerprint(anchor, code.as_str()),
            status: "open",
            check: None,
        }
    }
}

/// The severity of `code` for the article at workspace-relative path `rel`: its `[[overrides]]`,
/// else the levels in force; `None` when the code is off.
fn level_for(
    ws: &super::workspace::Workspace,
    rel: Option<&str>,
    levels: &BTreeMap<Code, Option<Severity>>,
    code: Code,
) -> Option<Severity> {
    let overridden = rel.and_then(|r| ws.desk.override_for(r, code));
    overridden.unwrap_or_else(|| levels.get(&code).copied().flatten())
}

/// A ledger entry as `byline check` reports it.
#[derive(Serialize)]
pub struct CheckInfo {
    pub checker: String,
    pub at: String,
    pub note: String,
    pub url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// The ClaimReview rating, 1 (false) to 5 (true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// The ledger's anchor of the entry (the sentence as it was checked).
    pub anchor: String,
    /// Checked on a lightly edited version of the sentence.
    pub reanchored: bool,
    /// Recorded under this path, which no longer exists (the article was renamed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<String>,
    /// "checked by … on …", "text changed since it was checked on … by …".
    pub summary: String,
}

impl Reported {
    /// Whether the finding fails the check (open, or its check went stale).
    pub fn is_open(&self) -> bool {
        matches!(self.status, "open" | "stale")
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: &'a [Reported],
    files_checked: usize,
    skipped: Vec<Skipped>,
    /// Files whose analysis failed with an internal error (a bug in byline).
    errors: &'a [Skipped],
}

/// Exit status when an internal error stopped the analysis of a file.
pub const EXIT_INTERNAL_ERROR: u8 = 3;

#[derive(Clone, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// One article's findings, with their ledger statuses, and its people.
pub struct FileResult {
    pub findings: Vec<Reported>,
    /// Ledger entries of this article that match none of its findings.
    pub orphans: usize,
    pub people: Arc<byline_core::people::DocPeople>,
}

/// What `byline check` (and `byline report`) found: the workspace, the articles read, one
/// result per article (an `Err` when an internal error stopped its analysis), skipped files.
pub struct Collected {
    pub ws: super::workspace::Workspace,
    pub sources: Vec<Source>,
    /// Parallel to `sources`.
    pub results: Vec<Result<FileResult, String>>,
    pub skipped: Vec<Skipped>,
}

/// Read the workspace (`byline.toml`, the ledger), the articles of `sel`, analyse them in
/// parallel and give each finding its severity and ledger status. Errors (a bad configuration
/// or ledger, a bad glob) are printed prefixed with `command`, and are exit status 2.
pub fn collect(sel: &Selection, command: &str) -> Result<Collected, ExitCode> {
    let ws = match super::workspace::Workspace::open(&sel.paths) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("{command}: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let include = ws.desk.include.clone().unwrap_or_else(|| crate::files::DEFAULT_INCLUDE.map(String::from).to_vec());
    let exclude: Vec<String> = ws.desk.exclude.iter().chain(&sel.exclude).cloned().collect();
    let filter = match FileFilter::new(&include, &exclude) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{command}: bad --exclude glob: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let mut levels: BTreeMap<Code, Option<Severity>> = Code::ALL.into_iter().map(|c| (c, Some(c.default_severity()))).collect();
    levels.extend(ws.desk.severity.iter().map(|(c, l)| (*c, *l)));
    for (code, level) in &sel.severity {
        levels.insert(*code, *level);
    }
    for code in &sel.disable {
        levels.insert(*code, None);
    }

    let max_file_size = sel.max_file_size.or(ws.desk.max_file_size).unwrap_or(crate::files::DEFAULT_MAX_FILE_SIZE);
    let gathered = gather(&sel.paths, &filter, max_file_size);
    for (path, why) in &gathered.skipped {
        eprintln!("byline: warning: skipping {}: {why}", path.display());
    }
    let skipped = gathered.skipped.iter().map(|(p, r)| Skipped { path: p.to_string_lossy().into_owned(), reason: r.clone() }).collect();

    let named = ws.desk.named_sources();
    let results = super::isolate::each(&gathered.sources, |src| {
        let path = src.path.to_string_lossy().into_owned();
        let analysis = crate::faults::analyze(&src.text, Format::from_path(&path), ws.desk.lexicon.lexicon());
        let lines = Lines::new(&src.text);
        let rel = ws.relative(&src.path);
        let doc = match (&ws.ledger, &rel) {
            (Some(ledger), Some(rel)) => ledger.document(rel, &analysis.findings, &src.text),
            _ => DocStatus { statuses: vec![Status::default(); analysis.findings.len()], orphans: Vec::new() },
        };
        let reported = analysis
            .findings
            .iter()
            .zip(doc.statuses)
            .filter(|(f, _)| !named.covers(f, &src.text))
            .filter_map(|(f, status)| {
                let severity = level_for(&ws, rel.as_deref(), &levels, f.code)?;
                let anchor = &src.text[f.span.clone()];
                let reported = Reported::open(&path, &lines, &f.span, f.code, severity, f.message.clone(), anchor);
                Some(Reported { status: status.state.as_str(), check: check_info(&status), ..reported })
            })
            .collect();
        FileResult { findings: reported, orphans: doc.orphans.len(), people: Arc::new(analysis.people) }
    });
    let mut results = results;
    add_spellings(&ws, &gathered.sources, &mut results, &levels);
    Ok(Collected { ws, sources: gathered.sources, results, skipped })
}

pub fn run(args: CheckArgs) -> ExitCode {
    let collected = match collect(&args.selection, "byline check") {
        Ok(c) => c,
        Err(code) => return code,
    };
    let Collected { ws, sources, results, skipped } = collected;
    let skipped = || skipped.clone();
    if sources.is_empty() {
        eprintln!("byline check: no articles could be read");
        match args.format {
            OutputFormat::Json => print_json(&JsonReport { findings: &[], files_checked: 0, skipped: skipped(), errors: &[] }),
            OutputFormat::Sarif => print_json(&super::sarif::log(&[], &skipped(), &[])),
            OutputFormat::Github => print_lines(&super::github::lines(&[], &skipped(), &[])),
            OutputFormat::Text => {}
        }
        return ExitCode::from(2);
    }

    let mut findings: Vec<Reported> = Vec::new();
    let mut errors: Vec<Skipped> = Vec::new();
    let mut orphans = 0;
    for (src, r) in sources.iter().zip(results) {
        match r {
            Ok(f) => {
                findings.extend(f.findings);
                orphans += f.orphans;
            }
            Err(why) => {
                let path = src.path.to_string_lossy().into_owned();
                eprintln!(
                    "byline check: internal error while analysing {path}: {why} (this is a bug in byline; the other files were checked)"
                );
                errors.push(Skipped { path, reason: why });
            }
        }
    }

    let checked = sources.len() - errors.len();
    match args.format {
        OutputFormat::Json => print_json(&JsonReport { findings: &findings, files_checked: checked, skipped: skipped(), errors: &errors }),
        OutputFormat::Sarif => print_json(&super::sarif::log(&findings, &skipped(), &errors)),
        OutputFormat::Github => {
            let open: Vec<Reported> = findings.into_iter().filter(Reported::is_open).collect();
            print_lines(&super::github::lines(&open, &skipped(), &errors));
            return exit_status(&open, &errors);
        }
        OutputFormat::Text => print_text(&findings, checked, errors.len(), ws.desk.show_checked),
    }
    if orphans > 0 {
        let s = if orphans == 1 { "" } else { "s" };
        let verb = if orphans == 1 { "matches" } else { "match" };
        eprintln!("byline: {orphans} check{s} in the ledger {verb} no finding any more (orphans): see `byline ledger`");
    }
    exit_status(&findings, &errors)
}

/// The cross-file checks (name spellings, quotations): every article's people go into one
/// workspace index, as in the language server, and each article's findings of those codes join
/// its own.
fn add_spellings(
    ws: &super::workspace::Workspace,
    sources: &[super::sources::Source],
    results: &mut [Result<FileResult, String>],
    levels: &BTreeMap<Code, Option<Severity>>,
) {
    let cross = [Code::NameSpelling, Code::QuoteMismatch, Code::QuoteSpeakerMismatch];
    if cross.iter().all(|c| levels.get(c).copied().flatten().is_none()) && ws.desk.overrides.is_empty() {
        return;
    }
    let mut index = WorkspaceIndex::new();
    for (src, r) in sources.iter().zip(results.iter()) {
        if let Ok(f) = r {
            index.set_document(src.path.to_string_lossy().into(), f.people.clone());
        }
    }
    let house = ws.desk.house_names();
    for (src, r) in sources.iter().zip(results.iter_mut()) {
        if let Ok(f) = r {
            let mut spelled = spelling_findings(&index, &house, src, ws, levels);
            spelled.extend(quote_findings(&index, src, ws, levels));
            if !spelled.is_empty() {
                f.findings.extend(spelled);
                f.findings.sort_by_key(|r| (r.start_byte, r.end_byte));
            }
        }
    }
}

/// The `name-spelling` findings of one article against the workspace index of every article
/// checked (always open: the ledger records checks of sentences, not of spellings).
fn spelling_findings(
    index: &WorkspaceIndex,
    house: &[HouseName],
    src: &super::sources::Source,
    ws: &super::workspace::Workspace,
    levels: &BTreeMap<Code, Option<Severity>>,
) -> Vec<Reported> {
    let path = src.path.to_string_lossy().into_owned();
    let rel = ws.relative(&src.path);
    let Some(severity) = level_for(ws, rel.as_deref(), levels, Code::NameSpelling) else { return Vec::new() };
    let found = index.spelling_findings(&path, house);
    if found.is_empty() {
        return Vec::new();
    }
    let lines = Lines::new(&src.text);
    found.into_iter().map(|f| Reported::open(&path, &lines, &f.span, Code::NameSpelling, severity, f.message, &f.form)).collect()
}

/// The `quote-mismatch` and `quote-speaker-mismatch` findings of one article against the
/// workspace index of every article checked (always open).
fn quote_findings(
    index: &WorkspaceIndex,
    src: &super::sources::Source,
    ws: &super::workspace::Workspace,
    levels: &BTreeMap<Code, Option<Severity>>,
) -> Vec<Reported> {
    let path = src.path.to_string_lossy().into_owned();
    let rel = ws.relative(&src.path);
    let level = |code: Code| level_for(ws, rel.as_deref(), levels, code);
    let (quote, speaker) = (level(Code::QuoteMismatch), level(Code::QuoteSpeakerMismatch));
    if quote.is_none() && speaker.is_none() {
        return Vec::new();
    }
    let name = |d: &str| {
        let p = std::path::Path::new(d);
        ws.relative(p).unwrap_or_else(|| d.to_string())
    };
    let found = index.quote_findings(&path, &name);
    let lines = Lines::new(&src.text);
    found
        .into_iter()
        .filter_map(|f| {
            let (code, severity) = match f.check {
                QuoteCheck::Mismatch => (Code::QuoteMismatch, quote?),
                QuoteCheck::Speaker => (Code::QuoteSpeakerMismatch, speaker?),
            };
            Some(Reported::open(&path, &lines, &f.span, code, severity, f.message, &f.text))
        })
        .collect()
}

fn exit_status(findings: &[Reported], errors: &[Skipped]) -> ExitCode {
    if !errors.is_empty() {
        ExitCode::from(EXIT_INTERNAL_ERROR)
    } else if !findings.iter().any(Reported::is_open) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_text(findings: &[Reported], checked: usize, failed: usize, show: ShowChecked) {
    let mut out = std::io::stdout().lock();
    let written = findings.iter().filter(|r| r.is_open() || show == ShowChecked::Hint).try_for_each(|r| {
        let (path, line, column, severity, code) = (&r.path, r.line, r.column, r.severity, r.code);
        match (&r.check, r.status) {
            (Some(c), "stale") => writeln!(out, "{path}:{line}:{column}: {severity}[{code}]: {} — {}", capitalised(&c.summary), r.message),
            (Some(c), _) => writeln!(out, "{path}:{line}:{column}: {}[{code}]: {} ({})", r.status, r.message, c.summary),
            _ => writeln!(out, "{path}:{line}:{column}: {severity}[{code}]: {}", r.message),
        }
    });
    report_write_error(written);
    let open: Vec<&Reported> = findings.iter().filter(|r| r.is_open()).collect();
    let files_with = {
        let mut paths: Vec<&str> = open.iter().map(|r| r.path.as_str()).collect();
        paths.dedup();
        paths.len()
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let count = |s: &str| findings.iter().filter(|r| r.status == s).count();
    let resolved = match (count("checked"), count("dismissed"), count("stale")) {
        (0, 0, 0) => String::new(),
        (c, d, s) => format!(" ({c} checked, {d} dismissed and {s} stale in the ledger)"),
    };
    eprintln!(
        "byline: {} finding{} in {files_with} of {checked} file{} checked{resolved}",
        open.len(),
        plural(open.len()),
        plural(checked)
    );
    if failed > 0 {
        eprintln!("byline: {failed} file{} not checked because of an internal error", plural(failed));
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn check_info(status: &Status) -> Option<CheckInfo> {
    let e = status.entry.as_ref()?;
    Some(CheckInfo {
        checker: e.checker.clone(),
        at: e.at.clone(),
        note: e.note.clone(),
        url: e.url.clone(),
        reason: e.reason.clone(),
        verdict: e.verdict.clone(),
        rating: e.rating,
        anchor: e.anchor.clone(),
        reanchored: status.reanchored,
        moved_from: status.moved_from.clone(),
        summary: status.describe()?,
    })
}

/// Lines to standard output; a closed pipe (`| head`) is not an error.
pub(super) fn print_lines(lines: &[String]) {
    let mut out = std::io::stdout().lock();
    report_write_error(lines.iter().try_for_each(|l| writeln!(out, "{l}")));
}

fn report_write_error(written: std::io::Result<()>) {
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("byline: cannot write the output: {e}");
    }
}

/// Pretty JSON to standard output; a closed pipe (`| head`) is not an error.
pub(super) fn print_json(v: &impl Serialize) {
    let mut out = std::io::stdout().lock();
    // serde_json wraps the writer's error: keep its kind, so that a closed pipe stays one.
    let written = serde_json::to_writer_pretty(&mut out, v)
        .map_err(|e| e.io_error_kind().map_or_else(|| std::io::Error::other(e), std::io::Error::from))
        .and_then(|_| writeln!(out));
    report_write_error(written);
}

//! `byline check [PATHS...]`: findings printed the way compilers print them.
//!
//! Exit status: 0 when nothing was found, 1 when something was, 2 when nothing could be read
//! (or the command line was wrong), 3 when an internal error stopped the analysis of at least
//! one file — that file is named in a one-line error and every other file is still checked and
//! reported.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use byline_core::{Code, Format, Severity};
use serde::Serialize;

use super::lines::Lines;
use super::sources::gather;
use crate::files::FileFilter;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the current folder). Folders are walked for .txt
    /// and .md files, respecting .gitignore; files named here are always checked.
    pub paths: Vec<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
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
    /// skipped with a warning.
    #[arg(long = "max-file-size", value_name = "SIZE", default_value_t = crate::files::DEFAULT_MAX_FILE_SIZE, value_parser = crate::files::parse_size)]
    pub max_file_size: u64,
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

#[derive(Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

pub fn run(args: CheckArgs) -> ExitCode {
    let filter = match FileFilter::new(&crate::files::DEFAULT_INCLUDE.map(String::from), &args.exclude) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("byline check: bad --exclude glob: {e}");
            return ExitCode::from(2);
        }
    };
    let mut levels: BTreeMap<Code, Option<Severity>> = Code::ALL.into_iter().map(|c| (c, Some(c.default_severity()))).collect();
    for (code, level) in &args.severity {
        levels.insert(*code, *level);
    }
    for code in &args.disable {
        levels.insert(*code, None);
    }

    let gathered = gather(&args.paths, &filter, args.max_file_size);
    for (path, why) in &gathered.skipped {
        eprintln!("byline: warning: skipping {}: {why}", path.display());
    }
    let skipped = || -> Vec<Skipped> {
        gathered.skipped.iter().map(|(p, r)| Skipped { path: p.to_string_lossy().into_owned(), reason: r.clone() }).collect()
    };
    if gathered.sources.is_empty() {
        eprintln!("byline check: no articles could be read");
        match args.format {
            OutputFormat::Json => print_json(&JsonReport { findings: &[], files_checked: 0, skipped: skipped(), errors: &[] }),
            OutputFormat::Sarif => print_json(&super::sarif::log(&[], &skipped(), &[])),
            OutputFormat::Github => print_lines(&super::github::lines(&[], &skipped(), &[])),
            OutputFormat::Text => {}
        }
        return ExitCode::from(2);
    }

    let per_file: Vec<Result<Vec<Reported>, String>> = super::isolate::each(&gathered.sources, |src| {
        let path = src.path.to_string_lossy().into_owned();
        let analysis = crate::faults::analyze(&src.text, Format::from_path(&path));
        let lines = Lines::new(&src.text);
        analysis
            .findings
            .iter()
            .filter_map(|f| {
                let severity = levels.get(&f.code).copied().flatten()?;
                let (line, column) = lines.line_col(f.span.start);
                let (end_line, end_column) = lines.line_col(f.span.end);
                Some(Reported {
                    path: path.clone(),
                    line,
                    column,
                    end_line,
                    end_column,
                    start_byte: f.span.start,
                    end_byte: f.span.end,
                    code: f.code.as_str(),
                    severity: severity.as_str(),
                    message: f.message.clone(),
                    fingerprint: byline_core::ledger::anchor::fingerprint(&src.text[f.span.clone()], f.code.as_str()),
                })
            })
            .collect()
    });
    let mut findings: Vec<Reported> = Vec::new();
    let mut errors: Vec<Skipped> = Vec::new();
    for (src, r) in gathered.sources.iter().zip(per_file) {
        match r {
            Ok(f) => findings.extend(f),
            Err(why) => {
                let path = src.path.to_string_lossy().into_owned();
                eprintln!(
                    "byline check: internal error while analysing {path}: {why} (this is a bug in byline; the other files were checked)"
                );
                errors.push(Skipped { path, reason: why });
            }
        }
    }

    let checked = gathered.sources.len() - errors.len();
    match args.format {
        OutputFormat::Json => print_json(&JsonReport { findings: &findings, files_checked: checked, skipped: skipped(), errors: &errors }),
        OutputFormat::Sarif => print_json(&super::sarif::log(&findings, &skipped(), &errors)),
        OutputFormat::Github => print_lines(&super::github::lines(&findings, &skipped(), &errors)),
        OutputFormat::Text => print_text(&findings, checked, errors.len()),
    }
    exit_status(&findings, &errors)
}

fn exit_status(findings: &[Reported], errors: &[Skipped]) -> ExitCode {
    if !errors.is_empty() {
        ExitCode::from(EXIT_INTERNAL_ERROR)
    } else if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_text(findings: &[Reported], checked: usize, failed: usize) {
    let mut out = std::io::stdout().lock();
    let written =
        findings.iter().try_for_each(|r| writeln!(out, "{}:{}:{}: {}[{}]: {}", r.path, r.line, r.column, r.severity, r.code, r.message));
    report_write_error(written);
    let files_with = {
        let mut paths: Vec<&str> = findings.iter().map(|r| r.path.as_str()).collect();
        paths.dedup();
        paths.len()
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    eprintln!("byline: {} finding{} in {files_with} of {checked} file{} checked", findings.len(), plural(findings.len()), plural(checked));
    if failed > 0 {
        eprintln!("byline: {failed} file{} not checked because of an internal error", plural(failed));
    }
}

fn print_lines(lines: &[String]) {
    let mut out = std::io::stdout().lock();
    report_write_error(lines.iter().try_for_each(|l| writeln!(out, "{l}")));
}

fn report_write_error(written: std::io::Result<()>) {
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("byline check: {e}");
    }
}

fn print_json(v: &impl Serialize) {
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::other).and_then(|_| writeln!(out));
    report_write_error(written);
}

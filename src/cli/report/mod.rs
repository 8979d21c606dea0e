//! `byline report [PATHS...]`: the state of checking, for an editor or a desk meeting. The
//! findings of `byline check` (same workspace, `byline.toml`, ledger and statuses) with each
//! article's text and people, as a self-contained HTML page (`html.rs`), Markdown, CSV, JSON,
//! or the checks with a verdict as schema.org ClaimReview (`claimreview.rs`). `model.rs`
//! builds the one model every format renders.
//!
//! Exit status: 0 when the report was written (whatever it says), 2 when nothing could be read
//! (or a bad configuration, ledger or output file), 3 when an internal error stopped the
//! analysis of a file (the report is still written, naming it).

pub mod claimreview;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod model;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::check::{Collected, Selection, Skipped};

#[derive(clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Output format (default: from the extension of --output — .html, .md, .csv, .json,
    /// .jsonld — else html).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the report to this file (default: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// ClaimReview: the organisation publishing the reviews (default: `[report] publisher` of
    /// byline.toml, else each checker, as a person).
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// ClaimReview: where the articles are published; an article's URL is this joined with its
    /// workspace-relative path (default: `[report] base_url` of byline.toml).
    #[arg(long = "base-url", value_name = "URL")]
    pub base_url: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page: the articles with their findings highlighted by status.
    Html,
    /// Markdown tables: counts, findings and people per article.
    Markdown,
    /// One row per finding (RFC 4180).
    Csv,
    /// The whole report model, versioned.
    Json,
    /// schema.org ClaimReview JSON-LD for the checks that carry a verdict.
    Claimreview,
}

impl ReportFormat {
    /// The format a file name asks for, by its extension.
    fn of_file(path: &std::path::Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "html" | "htm" => ReportFormat::Html,
            "md" | "markdown" => ReportFormat::Markdown,
            "csv" => ReportFormat::Csv,
            "json" => ReportFormat::Json,
            "jsonld" => ReportFormat::Claimreview,
            _ => return None,
        })
    }
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("byline report: {msg}");
    ExitCode::from(2)
}

pub fn run(args: ReportArgs) -> ExitCode {
    let Collected { ws, sources, results, skipped } = match super::check::collect(&args.selection, "byline report") {
        Ok(c) => c,
        Err(code) => return code,
    };
    if sources.is_empty() {
        return fail("no articles could be read");
    }
    let mut inputs = Vec::new();
    let mut errors: Vec<Skipped> = Vec::new();
    for (src, r) in sources.iter().zip(results) {
        let path = src.path.to_string_lossy().into_owned();
        match r {
            Ok(f) => inputs.push(model::Input {
                workspace_path: ws.relative(&src.path),
                path,
                text: &src.text,
                findings: f.findings,
                people: f.people,
                orphans: f.orphans,
            }),
            Err(why) => {
                eprintln!(
                    "byline report: internal error while analysing {path}: {why} (this is a bug in byline; the other files are in the report)"
                );
                errors.push(Skipped { path, reason: why });
            }
        }
    }
    let failed = !errors.is_empty();
    let report = model::build(inputs, skipped, errors, crate::ledger::clock::now());
    let format = args.format.or_else(|| args.output.as_deref().and_then(ReportFormat::of_file)).unwrap_or(ReportFormat::Html);
    let text = match format {
        ReportFormat::Html => html::render(&report),
        ReportFormat::Markdown => markdown::render(&report),
        ReportFormat::Csv => csv::render(&report),
        ReportFormat::Json => json::render(&report),
        ReportFormat::Claimreview => {
            let opts = claimreview::Options {
                publisher: args.publisher.clone().or(ws.desk.report_publisher.clone()),
                base_url: args.base_url.clone().or(ws.desk.report_base_url.clone()),
            };
            claimreview::render(&report, &opts)
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = std::fs::write(file, &text) {
                return fail(format!("cannot write {}: {e}", file.display()));
            }
            let t = &report.totals;
            eprintln!(
                "byline report: wrote {} ({} article{}, {} finding{}: {} open, {} checked, {} dismissed, {} stale)",
                file.display(),
                t.files,
                if t.files == 1 { "" } else { "s" },
                t.findings,
                if t.findings == 1 { "" } else { "s" },
                t.by_status.open,
                t.by_status.checked,
                t.by_status.dismissed,
                t.by_status.stale
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return fail(e);
            }
        }
    }
    if failed { ExitCode::from(super::check::EXIT_INTERNAL_ERROR) } else { ExitCode::SUCCESS }
}

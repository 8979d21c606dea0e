//! The report model: what `byline check` found, per article — its text, its findings with
//! their ledger status and check, its people — and the totals per code and per status. Every
//! format (HTML, Markdown, CSV, JSON, ClaimReview) renders this one model.

use std::collections::BTreeMap;

use byline_core::Code;
use byline_core::people::DocPeople;
use serde::Serialize;

use crate::cli::check::{Reported, Skipped};

/// The version of the JSON shape (`--format json`); bumped when a field changes meaning or
/// goes away (new fields may be added without a bump).
pub const VERSION: u32 = 1;

/// The four statuses a finding can have, in the order reports list them.
pub const STATUSES: [&str; 4] = ["open", "checked", "dismissed", "stale"];

#[derive(Serialize)]
pub struct Report {
    pub version: u32,
    /// `byline <version>`.
    pub generator: String,
    /// When the report was made: UTC, RFC 3339.
    pub generated_at: String,
    pub files: Vec<FileReport>,
    pub totals: Totals,
    /// Files that could not be read, with why.
    pub skipped: Vec<Skipped>,
    /// Files whose analysis failed with an internal error (a bug in byline).
    pub errors: Vec<Skipped>,
}

#[derive(Serialize)]
pub struct FileReport {
    /// The path as given on the command line (or found in a folder).
    pub path: String,
    /// Workspace-relative (`/`-separated) when the article is inside a workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_path: Option<String>,
    /// The article's text, exactly as read; findings' byte ranges index into it.
    pub text: String,
    pub findings: Vec<ReportFinding>,
    pub people: Vec<ReportPerson>,
    /// Ledger entries of this article that match no finding any more.
    pub orphans: usize,
    pub counts: StatusCounts,
}

#[derive(Serialize)]
pub struct ReportFinding {
    /// `f{file}-{finding}`, 1-based: the id of its highlight in the HTML report.
    pub id: String,
    pub code: &'static str,
    pub severity: &'static str,
    /// `open`, `checked`, `dismissed` or `stale`.
    pub status: &'static str,
    pub message: String,
    /// 1-based; columns count characters.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets into the file's text.
    pub start_byte: usize,
    pub end_byte: usize,
    /// The text the finding covers (its sentence).
    pub text: String,
    pub fingerprint: String,
    /// The ledger entry behind a status other than `open`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<ReportCheck>,
}

#[derive(Serialize)]
pub struct ReportCheck {
    pub checker: String,
    /// The UTC time of the check, RFC 3339.
    pub at: String,
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    pub note: String,
    /// The source the claim was checked against.
    pub url: String,
    /// Why the finding was dismissed.
    pub reason: String,
    pub verdict: Option<String>,
    /// 1 (false) to 5 (true).
    pub rating: Option<u8>,
    /// "checked by … on …", "text changed since it was checked on … by …".
    pub summary: String,
}

#[derive(Serialize)]
pub struct ReportPerson {
    /// The fullest name the article gives.
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: usize,
}

#[derive(Clone, Copy, Default, Serialize, PartialEq, Eq, Debug)]
pub struct StatusCounts {
    pub open: usize,
    pub checked: usize,
    pub dismissed: usize,
    pub stale: usize,
    pub total: usize,
}

impl StatusCounts {
    pub fn add(&mut self, status: &str) {
        match status {
            "open" => self.open += 1,
            "checked" => self.checked += 1,
            "dismissed" => self.dismissed += 1,
            "stale" => self.stale += 1,
            _ => {}
        }
        self.total += 1;
    }

    pub fn get(&self, status: &str) -> usize {
        match status {
            "open" => self.open,
            "checked" => self.checked,
            "dismissed" => self.dismissed,
            "stale" => self.stale,
            _ => self.total,
        }
    }
}

#[derive(Serialize)]
pub struct Totals {
    pub files: usize,
    pub findings: usize,
    pub by_status: StatusCounts,
    /// Every code, in a fixed order, with its counts per status (zero included).
    pub by_code: BTreeMap<&'static str, StatusCounts>,
}

/// One article as `byline check` left it.
pub struct Input<'a> {
    pub path: String,
    pub workspace_path: Option<String>,
    pub text: &'a str,
    pub findings: Vec<Reported>,
    pub people: std::sync::Arc<DocPeople>,
    pub orphans: usize,
}

/// The people of one article: fullest name, roles, how often mentioned; most mentioned first.
pub fn people_of(doc: &DocPeople) -> Vec<ReportPerson> {
    let mut counts = vec![0usize; doc.persons.len()];
    for m in &doc.mentions {
        if let Some(c) = counts.get_mut(m.person) {
            *c += 1;
        }
    }
    let mut people: Vec<ReportPerson> = doc
        .persons
        .iter()
        .zip(counts)
        .map(|(p, mentions)| ReportPerson { name: p.name.clone(), roles: p.roles.clone(), mentions })
        .collect();
    people.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    people
}

fn finding_of(file_no: usize, no: usize, text: &str, r: Reported) -> ReportFinding {
    let range = r.start_byte.min(text.len())..r.end_byte.min(text.len());
    ReportFinding {
        id: format!("f{file_no}-{no}"),
        code: r.code,
        severity: r.severity,
        status: r.status,
        text: text.get(range).unwrap_or_default().to_string(),
        message: r.message,
        line: r.line,
        column: r.column,
        end_line: r.end_line,
        end_column: r.end_column,
        start_byte: r.start_byte,
        end_byte: r.end_byte,
        fingerprint: r.fingerprint,
        check: r.check.map(|c| ReportCheck {
            date: c.at.get(..10).unwrap_or(&c.at).to_string(),
            checker: c.checker,
            at: c.at,
            note: c.note,
            url: c.url,
            reason: c.reason,
            verdict: c.verdict,
            rating: c.rating,
            summary: c.summary,
        }),
    }
}

/// Build the report from the articles `byline check` read (in the order given).
pub fn build(inputs: Vec<Input<'_>>, skipped: Vec<Skipped>, errors: Vec<Skipped>, generated_at: String) -> Report {
    let mut by_code: BTreeMap<&'static str, StatusCounts> = Code::ALL.iter().map(|c| (c.as_str(), StatusCounts::default())).collect();
    let mut by_status = StatusCounts::default();
    let files: Vec<FileReport> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| {
            let mut counts = StatusCounts::default();
            let findings: Vec<ReportFinding> = input
                .findings
                .into_iter()
                .enumerate()
                .map(|(j, r)| {
                    counts.add(r.status);
                    by_status.add(r.status);
                    by_code.entry(r.code).or_default().add(r.status);
                    finding_of(i + 1, j + 1, input.text, r)
                })
                .collect();
            FileReport {
                path: input.path,
                workspace_path: input.workspace_path,
                text: input.text.to_string(),
                people: people_of(&input.people),
                findings,
                orphans: input.orphans,
                counts,
            }
        })
        .collect();
    Report {
        version: VERSION,
        generator: format!("byline {}", env!("CARGO_PKG_VERSION")),
        generated_at,
        totals: Totals { files: files.len(), findings: by_status.total, by_status, by_code },
        files,
        skipped,
        errors,
    }
}

//! Findings -> LSP diagnostics: range = the sentence, severity from the settings, the code as
//! a string, source "byline", message = the finding's message — with the finding's status in
//! the check ledger: a checked or dismissed finding is a hint ("Checked by … on …: note") or
//! hidden, a stale one a warning saying the text changed since it was checked.

use byline_core::consistency::quotes as quotation;
use byline_core::index::{HouseName, QuoteCheck, WorkspaceIndex};
use byline_core::{Code, Finding, Severity};
use ropey::Rope;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString};

use std::sync::Arc;

use super::config::Settings;
use super::documents::Documents;
use super::positions::{Encoding, LineIndex, to_range};
use super::workspace::Desks;
use crate::desk::ShowChecked;
use crate::ledger::{Ledger, State, Status};

pub fn to_lsp_severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// Whether `f` is reported with these settings: its code is on, and it is not a vague or
/// anonymous attribution of a source the desk accepts as named (`[sources] named`).
pub fn reported(f: &Finding, rope: &Rope, settings: &Settings) -> bool {
    if settings.level(f.code).is_none() {
        return false;
    }
    let vague = matches!(f.code, Code::VagueAttribution | Code::AnonymousSource);
    !(vague && !settings.named_sources.is_empty() && settings.named_sources.names(&rope.byte_slice(f.key.clone()).to_string()))
}

/// The diagnostics for one document's findings; codes switched off in the settings, and
/// findings of named sources, are left out. `statuses` are the findings' statuses in the ledger,
/// in the same order (empty: all open).
pub fn diagnostics(findings: &[Finding], statuses: &[Status], rope: &Rope, enc: Encoding, settings: &Settings) -> Vec<Diagnostic> {
    crate::faults::maybe_slow_diagnostics(rope);
    let open = Status::default();
    if findings.is_empty() {
        return Vec::new();
    }
    // One pass over the text for every finding's range (a long article has hundreds).
    let lines = LineIndex::of_rope(rope);
    let range = |span: &std::ops::Range<usize>| {
        tower_lsp_server::ls_types::Range::new(lines.position(span.start, enc), lines.position(span.end, enc))
    };
    findings
        .iter()
        .enumerate()
        .filter(|(_, f)| reported(f, rope, settings))
        .filter_map(|(i, f)| {
            let mut severity = to_lsp_severity(settings.level(f.code)?);
            let status = statuses.get(i).unwrap_or(&open);
            let mut message = f.message.clone();
            match status.state {
                State::Open => {}
                State::Checked | State::Dismissed => {
                    if settings.show_checked == ShowChecked::Hidden {
                        return None;
                    }
                    severity = DiagnosticSeverity::HINT;
                    message = resolved_message(status);
                }
                State::Stale => {
                    severity = DiagnosticSeverity::WARNING;
                    if let Some(d) = status.describe() {
                        message = format!("{message} ({d})");
                    }
                }
            }
            Some(Diagnostic {
                range: range(&f.span),
                severity: Some(severity),
                code: Some(NumberOrString::String(f.code.as_str().to_string())),
                source: Some("byline".to_string()),
                message,
                data: (status.state != State::Open).then(|| serde_json::json!({ "status": status.state.as_str() })),
                ..Default::default()
            })
        })
        .collect()
}

/// The settings for one article: `[[overrides]]` of `byline.toml` for its workspace-relative
/// path `rel` win over everything else.
pub fn settings_for(desks: &Desks, settings: &Arc<Settings>, rel: Option<&str>) -> Arc<Settings> {
    let mut settings = settings.clone();
    if let Some(rel) = rel {
        for code in byline_core::Code::ALL {
            if let Some(level) = desks.desk.override_for(rel, code) {
                Arc::make_mut(&mut settings).levels.insert(code, level);
            }
        }
    }
    settings
}

/// A document's diagnostics with their statuses in `ledger` (at workspace-relative `rel`).
pub fn with_ledger(
    findings: &[Finding],
    rope: &Rope,
    ledger: Option<(&Ledger, &str)>,
    enc: Encoding,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let statuses = match ledger {
        Some((l, rel)) if !findings.is_empty() && !l.is_empty() => l.status_of(rel, findings, &rope.to_string()),
        _ => Vec::new(),
    };
    diagnostics(findings, &statuses, rope, enc, settings)
}

/// "Checked by Ana on 2026-12-06: port authority, 3 May".
fn resolved_message(status: &Status) -> String {
    let d = status.describe().unwrap_or_default();
    let mut m: String = d.chars().take(1).flat_map(char::to_uppercase).chain(d.chars().skip(1)).collect();
    if let Some(e) = &status.entry
        && status.state == State::Checked
    {
        if !e.note.is_empty() {
            m = format!("{m}: {}", e.note);
        }
        if !e.url.is_empty() {
            m = format!("{m} <{}>", e.url);
        }
    }
    m
}

/// What the diagnostics across articles of a document (`name-spelling`, `quote-mismatch`,
/// `quote-speaker-mismatch`) are computed from: the workspace index (the per-person spelling
/// counts, the quotations of every article), the documents (to place related information), the
/// desk's house spellings and the severities in force (`None`: off).
#[derive(Debug)]
pub struct SpellingInput {
    pub index: Arc<WorkspaceIndex>,
    pub docs: Documents,
    pub house: Arc<Vec<HouseName>>,
    pub severity: Option<Severity>,
    pub quote: Option<Severity>,
    pub speaker: Option<Severity>,
}

impl SpellingInput {
    /// The input for a document with `settings`; `None` when every check across articles is off.
    pub fn new(settings: &Settings, index: &Arc<WorkspaceIndex>, docs: &Documents, house: impl FnOnce() -> Vec<HouseName>) -> Option<Self> {
        let (severity, quote, speaker) =
            (settings.level(Code::NameSpelling), settings.level(Code::QuoteMismatch), settings.level(Code::QuoteSpeakerMismatch));
        if severity.is_none() && quote.is_none() && speaker.is_none() {
            return None;
        }
        Some(SpellingInput { index: index.clone(), docs: docs.clone(), house: Arc::new(house()), severity, quote, speaker })
    }
}

/// The diagnostics across articles of document `key`: [`spelling_diagnostics`] and
/// [`quote_diagnostics`], those switched on.
pub fn cross_diagnostics(input: &SpellingInput, key: &str, rope: &Rope, enc: Encoding) -> Vec<Diagnostic> {
    let mut out = if input.severity.is_some() { spelling_diagnostics(input, key, rope, enc) } else { Vec::new() };
    if input.quote.is_some() || input.speaker.is_some() {
        out.extend(quote_diagnostics(input, key, rope, enc));
    }
    out
}

/// The file name of a document key (a URI), for messages.
fn file_name(key: &str) -> String {
    let name = key.rsplit('/').next().unwrap_or(key);
    percent_encoding::percent_decode_str(name).decode_utf8_lossy().into_owned()
}

/// The `quote-mismatch` and `quote-speaker-mismatch` diagnostics of document `key`: each on the
/// quotation, with the other quotations (at most [`byline_core::index::QUOTE_COPIES`]: wire copy
/// can carry the same words in hundreds of articles) as related information.
pub fn quote_diagnostics(input: &SpellingInput, key: &str, rope: &Rope, enc: Encoding) -> Vec<Diagnostic> {
    input
        .index
        .quote_findings(key, &file_name)
        .into_iter()
        .filter_map(|f| {
            let (code, severity) = match f.check {
                QuoteCheck::Mismatch => (Code::QuoteMismatch, input.quote?),
                QuoteCheck::Speaker => (Code::QuoteSpeakerMismatch, input.speaker?),
            };
            let related: Vec<DiagnosticRelatedInformation> = f
                .elsewhere
                .iter()
                .filter_map(|o| {
                    let view = input.docs.get(&o.doc)?;
                    let range = view.content.as_ref()?.range(&o.span, enc);
                    let message = match f.check {
                        QuoteCheck::Mismatch => format!("Quoted so here: \"{}\"", quotation::shorten(&o.text, 160)),
                        QuoteCheck::Speaker => format!("Attributed to {} here", o.speaker),
                    };
                    Some(DiagnosticRelatedInformation { location: Location::new(view.uri.clone(), range), message })
                })
                .collect();
            Some(Diagnostic {
                range: to_range(rope, &f.span, enc),
                severity: Some(to_lsp_severity(severity)),
                code: Some(NumberOrString::String(code.as_str().to_string())),
                source: Some("byline".to_string()),
                message: f.message,
                related_information: (!related.is_empty()).then_some(related),
                data: Some(serde_json::json!({ "person": &*f.person })),
                ..Default::default()
            })
        })
        .collect()
}

/// The `name-spelling` diagnostics of document `key` (whose analysed text is `rope`): each on
/// the name part spelled differently from the same person elsewhere, with the other spellings
/// and their counts as related information.
pub fn spelling_diagnostics(input: &SpellingInput, key: &str, rope: &Rope, enc: Encoding) -> Vec<Diagnostic> {
    let times = |n: usize| if n == 1 { "once".to_string() } else { format!("{n} times") };
    input
        .index
        .spelling_findings(key, &input.house)
        .into_iter()
        .map(|f| {
            let related: Vec<DiagnosticRelatedInformation> = f
                .instead
                .iter()
                .filter_map(|o| {
                    let (doc, span) = o.at.as_ref()?;
                    let view = input.docs.get(doc)?;
                    let range = if &**doc == key { to_range(rope, span, enc) } else { view.content.as_ref()?.range(span, enc) };
                    let house = if f.house { ", the house spelling" } else { "" };
                    Some(DiagnosticRelatedInformation {
                        location: Location::new(view.uri.clone(), range),
                        message: format!("\"{}\"{house}: used {}", o.form, times(o.count)),
                    })
                })
                .collect();
            Diagnostic {
                range: to_range(rope, &f.span, enc),
                severity: Some(to_lsp_severity(input.severity.unwrap_or(Severity::Information))),
                code: Some(NumberOrString::String(Code::NameSpelling.as_str().to_string())),
                source: Some("byline".to_string()),
                message: f.message,
                related_information: (!related.is_empty()).then_some(related),
                data: Some(serde_json::json!({
                    "person": &*f.person,
                    "part": f.part.as_str(),
                    "form": f.form,
                    "instead": f.instead.iter().map(|o| serde_json::json!({ "form": o.form, "count": o.count })).collect::<Vec<_>>(),
                })),
                ..Default::default()
            }
        })
        .collect()
}

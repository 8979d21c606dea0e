//! Findings -> LSP diagnostics: range = the sentence, severity from the settings, the code as
//! a string, source "byline", message = the finding's message.

use byline_core::{Finding, Severity};
use ropey::Rope;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use super::config::Settings;
use super::positions::{Encoding, to_range};

pub fn to_lsp_severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The diagnostics for one document's findings; codes switched off in the settings are left out.
pub fn diagnostics(findings: &[Finding], rope: &Rope, enc: Encoding, settings: &Settings) -> Vec<Diagnostic> {
    crate::faults::maybe_slow_diagnostics(rope);
    findings
        .iter()
        .filter_map(|f| {
            let severity = settings.level(f.code)?;
            Some(Diagnostic {
                range: to_range(rope, &f.span, enc),
                severity: Some(to_lsp_severity(severity)),
                code: Some(NumberOrString::String(f.code.as_str().to_string())),
                source: Some("byline".to_string()),
                message: f.message.clone(),
                ..Default::default()
            })
        })
        .collect()
}

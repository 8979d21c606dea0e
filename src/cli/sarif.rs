//! `byline check --format sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub
//! code scanning, Azure DevOps, most CI dashboards). One rule per code with help text; each
//! result carries its sentence's anchor as a partial fingerprint, so a finding is followed
//! across commits however the lines around it move. Findings the check ledger marks checked or
//! dismissed carry an external, accepted suppression (code scanning shows them as dismissed),
//! and the anchor of the ledger entry, so a lightly edited sentence stays the same alert.

use byline_core::Code;
use percent_encoding::percent_encode;
use serde_json::{Value, json};

use super::check::{CheckInfo, Reported, Skipped};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What a rule is about, in an editor's words: (short description, help).
fn describe(code: Code) -> (&'static str, &'static str) {
    match code {
        Code::UnattributedClaim => (
            "A checkable fact, figure, prediction or charge that nobody is said to have said.",
            "Say who the claim comes from (a named person, body or document), or check it and mark it as checked. \
             Figures, records, predictions, charges and contested characterisations need a source the reader can weigh.",
        ),
        Code::VagueAttribution => (
            "A source is gestured at but not identified: \"it is feared\", \"critics say\", \"reportedly\", \"experts believe\".",
            "Name the people or the body behind the claim, or say why they cannot be named. \
             Impersonal and passive sourcing leaves the reader unable to weigh the claim.",
        ),
        Code::AnonymousSource => (
            "An unnamed source: \"a senior official said\", \"sources close to\", \"on condition of anonymity\".",
            "Can the source be named? If not, say why anonymity was granted and what the source is in a position to know.",
        ),
        Code::UnattributedQuote => (
            "A quotation whose speaker cannot be found nearby.",
            "Attribute the quotation to its speaker in the same or the next sentence.",
        ),
        Code::NameSpelling => (
            "A person's name spelled differently from the same person elsewhere in the articles.",
            "Use one spelling of the name throughout (the house spelling of byline.toml [[people]] when there is one):              transliterations, dropped diacritics and particles vary between writers.",
        ),
        Code::QuoteMismatch => (
            "The same speaker quoted in nearly the same words, but not the same, in another article.",
            "Check both quotations against the source (recording, notes, transcript): a word changed or a clause dropped \
             changes what the speaker said. A part quoted with an ellipsis is not flagged.",
        ),
        Code::QuoteSpeakerMismatch => (
            "The same words attributed to a different speaker in another article.",
            "Check who said them: one of the attributions is wrong.",
        ),
    }
}

/// `Unattributed­Claim` for `unattributed-claim`.
fn rule_name(code: Code) -> String {
    code.as_str()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// A URI reference for a path as given on the command line: relative paths stay relative
/// (to `%SRCROOT%`, the folder the check ran in), absolute ones become `file:` URIs.
fn artifact(path: &str) -> Value {
    let encoded = percent_encode(path.as_bytes(), crate::files::PATH_BYTES).to_string();
    if path.starts_with('/') { json!({"uri": format!("file://{encoded}")}) } else { json!({"uri": encoded, "uriBaseId": "%SRCROOT%"}) }
}

/// Why a finding is suppressed: the ledger's summary, note, reason and URL.
fn justification(status: &str, c: &CheckInfo) -> String {
    let mut j = format!("{status}: {}", c.summary);
    for extra in [&c.note, &c.url] {
        if !extra.is_empty() && !j.contains(extra.as_str()) {
            j.push_str(&format!("; {extra}"));
        }
    }
    j
}

/// The whole SARIF log.
pub fn log(findings: &[Reported], skipped: &[Skipped], errors: &[Skipped]) -> Value {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|&c| {
            let (short, help) = describe(c);
            json!({
                "id": c.as_str(),
                "name": rule_name(c),
                "shortDescription": {"text": short},
                "fullDescription": {"text": short},
                "help": {"text": help, "markdown": format!("**{}** — {short}\n\n{help}", c.as_str())},
                "defaultConfiguration": {"level": level(c.default_severity().as_str())},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|r| {
            let index = Code::ALL.iter().position(|c| c.as_str() == r.code).unwrap_or(0);
            let (fingerprint, suppressions) = match &r.check {
                Some(c) if !r.is_open() => {
                    (&c.anchor, json!([{"kind": "external", "status": "accepted", "justification": justification(r.status, c)}]))
                }
                _ => (&r.fingerprint, json!([])),
            };
            let mut result = json!({
                "ruleId": r.code,
                "ruleIndex": index,
                "level": level(r.severity),
                "message": {"text": r.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact(&r.path),
                    "region": {"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column},
                }}],
                "partialFingerprints": {"bylineSentence/v1": fingerprint},
            });
            if suppressions.as_array().is_some_and(|a| !a.is_empty()) {
                result["suppressions"] = suppressions;
            }
            result
        })
        .collect();
    let notification = |s: &Skipped, level: &str| {
        json!({
            "level": level,
            "message": {"text": s.reason},
            "locations": [{"physicalLocation": {"artifactLocation": artifact(&s.path)}}],
        })
    };
    let notes: Vec<Value> =
        skipped.iter().map(|s| notification(s, "warning")).chain(errors.iter().map(|s| notification(s, "error"))).collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "byline",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": errors.is_empty(), "toolExecutionNotifications": notes}],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_camel_case() {
        assert_eq!(rule_name(Code::UnattributedClaim), "UnattributedClaim");
        assert_eq!(rule_name(Code::AnonymousSource), "AnonymousSource");
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(artifact("news/a b.txt")["uri"], "news/a%20b.txt");
        assert_eq!(artifact("/srv/news/x.md")["uri"], "file:///srv/news/x.md");
    }
}

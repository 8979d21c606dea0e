//! `byline report --format json`: the report model as one JSON document (its shape is
//! documented in the README and versioned by its `version` field).

use super::model::Report;

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

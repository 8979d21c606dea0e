//! `byline report --format csv`: one row per finding, for a spreadsheet. RFC 4180: a header
//! row, CRLF line ends, every field that holds a comma, a double quote, CR or LF quoted, with
//! its double quotes doubled.

use super::model::Report;

/// The columns, in order.
pub const HEADER: [&str; 21] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "start_byte",
    "end_byte",
    "code",
    "severity",
    "status",
    "message",
    "text",
    "checker",
    "date",
    "note",
    "url",
    "reason",
    "verdict",
    "rating",
    "summary",
    "fingerprint",
];

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    row(&mut out, &HEADER.map(String::from));
    for file in &report.files {
        for f in &file.findings {
            let c = f.check.as_ref();
            let s = |get: fn(&super::model::ReportCheck) -> String| c.map(get).unwrap_or_default();
            row(
                &mut out,
                &[
                    file.path.clone(),
                    f.line.to_string(),
                    f.column.to_string(),
                    f.end_line.to_string(),
                    f.end_column.to_string(),
                    f.start_byte.to_string(),
                    f.end_byte.to_string(),
                    f.code.to_string(),
                    f.severity.to_string(),
                    f.status.to_string(),
                    f.message.clone(),
                    f.text.clone(),
                    s(|c| c.checker.clone()),
                    s(|c| c.date.clone()),
                    s(|c| c.note.clone()),
                    s(|c| c.url.clone()),
                    s(|c| c.reason.clone()),
                    s(|c| c.verdict.clone().unwrap_or_default()),
                    s(|c| c.rating.map(|r| r.to_string()).unwrap_or_default()),
                    s(|c| c.summary.clone()),
                    f.fingerprint.clone(),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_per_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("Zoë’s"), "Zoë’s");
    }
}

//! `byline check --format github`: GitHub Actions workflow commands, one per finding, which
//! the runner turns into annotations on the pull request's diff
//! (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).

use super::check::{Reported, Skipped};

/// The command for a severity: errors stay errors, warnings warnings, the rest notices.
fn command(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "notice",
    }
}

/// Escaping of a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a property value (also `:` and `,`, which separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn lines(findings: &[Reported], skipped: &[Skipped], errors: &[Skipped]) -> Vec<String> {
    let mut out: Vec<String> = findings
        .iter()
        .map(|r| {
            format!(
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(r.severity),
                property(&r.path),
                r.line,
                r.column,
                r.end_line,
                r.end_column,
                property(&format!("byline {}", r.code)),
                data(&r.message)
            )
        })
        .collect();
    for s in skipped {
        out.push(format!("::warning file={},title=byline::{}", property(&s.path), data(&format!("skipped: {}", s.reason))));
    }
    for s in errors {
        out.push(format!(
            "::error file={},title=byline::{}",
            property(&s.path),
            data(&format!("internal error while analysing: {}", s.reason))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_messages_are_escaped() {
        assert_eq!(property("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae");
        assert_eq!(data("50% rise: \"x\", y"), "50%25 rise: \"x\", y");
    }
}

//! `byline report --format markdown`: the counts, then per article its findings (with their
//! checks) and its people, as GitHub-flavoured Markdown tables — for a pull request, a wiki, a
//! desk meeting's notes.

use std::fmt::Write;

use byline_core::Code;

use super::model::{Report, STATUSES};

/// A table cell: `|`, backslashes and Markdown's inline markers escaped, line breaks as `<br>`,
/// `<` and `&` as entities (GitHub renders inline HTML).
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let t = &report.totals;
    let _ = writeln!(out, "# Checking report\n");
    let _ = writeln!(
        out,
        "{} article(s), {} finding(s): {} open, {} checked, {} dismissed, {} stale. {}, {}.\n",
        t.files,
        t.findings,
        t.by_status.open,
        t.by_status.checked,
        t.by_status.dismissed,
        t.by_status.stale,
        report.generator,
        report.generated_at
    );
    let _ = writeln!(out, "| code | {} | total |", STATUSES.join(" | "));
    let _ = writeln!(out, "|---|{}---:|", "---:|".repeat(STATUSES.len()));
    for code in Code::ALL {
        let c = t.by_code.get(code.as_str()).copied().unwrap_or_default();
        let _ = writeln!(out, "| `{}` | {} | {} |", code.as_str(), STATUSES.map(|s| c.get(s).to_string()).join(" | "), c.total);
    }
    let _ = writeln!(
        out,
        "| **all codes** | {} | {} |",
        STATUSES.map(|s| format!("**{}**", t.by_status.get(s))).join(" | "),
        t.by_status.total
    );
    for (label, list) in [("Skipped", &report.skipped), ("Not analysed (internal error)", &report.errors)] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{label}:\n");
            for s in list {
                let _ = writeln!(out, "- {}: {}", cell(&s.path), cell(&s.reason));
            }
        }
    }
    for file in &report.files {
        let c = file.counts;
        let _ = writeln!(
            out,
            "\n## {}\n\n{} finding(s): {} open, {} checked, {} dismissed, {} stale.",
            cell(&file.path),
            c.total,
            c.open,
            c.checked,
            c.dismissed,
            c.stale
        );
        if file.orphans > 0 {
            let _ = writeln!(out, "{} check(s) in the ledger match no finding any more (see `byline ledger`).", file.orphans);
        }
        if !file.findings.is_empty() {
            let _ = writeln!(out, "\n| # | line | code | status | text | finding | check |\n|---:|---:|---|---|---|---|---|");
            for (n, f) in file.findings.iter().enumerate() {
                let check = f.check.as_ref().map_or(String::new(), |c| {
                    let mut parts = vec![cell(&c.summary)];
                    if !c.note.is_empty() {
                        parts.push(format!("Note: {}", cell(&c.note)));
                    }
                    if !c.url.is_empty() {
                        parts.push(format!("Source: <{}>", c.url.replace(['<', '>', '|', ' '], "")));
                    }
                    if let Some(v) = &c.verdict {
                        parts.push(format!("Verdict: **{}**", cell(v)));
                    }
                    parts.join("<br>")
                });
                let _ = writeln!(
                    out,
                    "| {} | {}:{} | `{}` | {} | {} | {} | {} |",
                    n + 1,
                    f.line,
                    f.column,
                    f.code,
                    f.status,
                    cell(&f.text),
                    cell(&f.message),
                    check
                );
            }
        }
        if !file.people.is_empty() {
            let _ = writeln!(out, "\n| person | roles | mentions |\n|---|---|---:|");
            for p in &file.people {
                let _ = writeln!(out, "| {} | {} | {} |", cell(&p.name), cell(&p.roles.join("; ")), p.mentions);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(super::cell("a | b\r\nc\\d <e> & *f*"), "a \\| b<br>c\\\\d &lt;e> &amp; \\*f\\*");
    }
}

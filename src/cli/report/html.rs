//! `byline report` as one self-contained HTML file: inline CSS, no script, nothing fetched.
//! The article text, HTML-escaped, with a `<mark>` at each finding's exact byte range (classed
//! by status, the check's note in its `title`, shown on hover), a legend, the counts per code
//! and status, the findings and the people of each article; `@media print` for paper.
//!
//! Findings may overlap: marks nest when one range holds the other, and where two ranges cross
//! the inner mark is closed and reopened (a continuation piece with the same `data-finding`), so
//! the text of all the pieces of a finding, in document order, is exactly the finding's text.

use std::fmt::Write;

use byline_core::Code;

use super::model::{FileReport, Report, ReportFinding, STATUSES};

/// `<`, `>`, `&`, `"` and `'` escaped: safe in text and in quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --open: #ffd966; --checked: #b7e4b0; --dismissed: #dcdcdc; --stale: #f4a6a6; --ink: #1d1d1f; --rule: #c9c9c9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1, h2, h3, table, .meta, .legend { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; padding-top: 1rem; border-top: 2px solid var(--ink); word-break: break-all; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.meta { color: #555; font-size: .85rem; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .25rem 0 1rem; width: 100%; }
th, td { border: 1px solid var(--rule); padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; font-size: .85rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--rule); border-radius: 4px; padding: 1rem 1.25rem; background: #fff; }
mark.finding { color: inherit; padding: 0 1px; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.finding[data-n]::before { content: attr(data-n); font: bold .65em system-ui, sans-serif; vertical-align: super; margin-right: 2px; color: #333; }
mark.open { background: var(--open); border-bottom: 2px solid #b8860b; }
mark.checked { background: var(--checked); border-bottom: 2px double #2e7d32; }
mark.dismissed { background: var(--dismissed); border-bottom: 2px dotted #666; }
mark.stale { background: var(--stale); border-bottom: 2px dashed #b71c1c; }
mark.finding:hover { outline: 2px solid #333; }
.status { white-space: nowrap; padding: 0 .35rem; border-radius: 3px; }
.status.open { background: var(--open); } .status.checked { background: var(--checked); }
.status.dismissed { background: var(--dismissed); } .status.stale { background: var(--stale); }
td.quote { font-family: Georgia, serif; }
code { font-size: .85em; }
table code { white-space: nowrap; }
a { color: #0b57d0; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: page; }
  section.summary + article h2 { break-before: avoid; }
  .article { border: none; padding: 0; }
  mark.finding, .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.finding:hover { outline: none; }
  tr, mark { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
}
"#;

/// What a status means, for the legend.
fn meaning(status: &str) -> &'static str {
    match status {
        "open" => "needs a source, or a check",
        "checked" => "verified: recorded in the check ledger",
        "dismissed" => "not a claim, or the source is fine",
        "stale" => "the text changed since it was checked",
        _ => "",
    }
}

/// The tooltip of a finding: code and status, the check (who, when, note, source, verdict),
/// the message.
fn title(f: &ReportFinding) -> String {
    let mut t = format!("[{}] {}: {}", f.id.rsplit('-').next().unwrap_or(""), f.code, f.status);
    if let Some(c) = &f.check {
        let _ = write!(t, " — {}", c.summary);
        if !c.note.is_empty() {
            let _ = write!(t, "\nNote: {}", c.note);
        }
        if !c.url.is_empty() {
            let _ = write!(t, "\nSource: {}", c.url);
        }
        if let Some(v) = &c.verdict {
            let _ = write!(t, "\nVerdict: {v}");
        }
    }
    let _ = write!(t, "\n{}", f.message);
    t
}

/// A finding's range in `text`, snapped outwards to character boundaries and clamped.
fn snapped(text: &str, f: &ReportFinding) -> (usize, usize) {
    let start = text.floor_char_boundary(f.start_byte.min(text.len()));
    let end = text.ceil_char_boundary(f.end_byte.min(text.len())).max(start);
    (start, end)
}

fn open_tag(out: &mut String, f: &ReportFinding, n: usize, continued: bool) {
    let _ = write!(
        out,
        "<mark class=\"finding {status}\" data-finding=\"{id}\" data-code=\"{code}\" data-status=\"{status}\" title=\"{title}\"",
        status = f.status,
        id = f.id,
        code = f.code,
        title = escape(&title(f)),
    );
    if !continued {
        let _ = write!(out, " id=\"{}\" data-n=\"{n}\"", f.id);
    }
    out.push('>');
}

/// The article's text, escaped, with the findings' marks.
pub fn marked_text(text: &str, findings: &[ReportFinding]) -> String {
    let ranges: Vec<(usize, usize)> = findings.iter().map(|f| snapped(text, f)).collect();
    // Marks to open, by start, the longest first so that it holds the shorter ones.
    let mut order: Vec<usize> = (0..findings.len()).filter(|&i| ranges[i].0 < ranges[i].1).collect();
    order.sort_by(|&a, &b| ranges[a].0.cmp(&ranges[b].0).then(ranges[b].1.cmp(&ranges[a].1)).then(a.cmp(&b)));
    let mut bounds: Vec<usize> = ranges.iter().flat_map(|&(s, e)| [s, e]).chain([0, text.len()]).collect();
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = String::with_capacity(text.len() + findings.len() * 200);
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2).map(|w| (w[0], w[1])).chain(std::iter::once((text.len(), text.len()))) {
        let at = w.0;
        // Close what ends here; what is closed only because it sits inside is reopened.
        if let Some(deepest) = stack.iter().position(|&i| ranges[i].1 == at) {
            let popped: Vec<usize> = stack.drain(deepest..).collect();
            for _ in &popped {
                out.push_str("</mark>");
            }
            for i in popped.into_iter().filter(|&i| ranges[i].1 != at) {
                open_tag(&mut out, &findings[i], i + 1, true);
                stack.push(i);
            }
        }
        while next < order.len() && ranges[order[next]].0 == at {
            let i = order[next];
            open_tag(&mut out, &findings[i], i + 1, false);
            stack.push(i);
            next += 1;
        }
        out.push_str(&escape(&text[w.0..w.1]));
    }
    for _ in &stack {
        out.push_str("</mark>");
    }
    out
}

fn counts_table(out: &mut String, report: &Report) {
    out.push_str("<table class=\"counts\"><thead><tr><th>code</th>");
    for s in STATUSES {
        let _ = write!(out, "<th class=\"n\"><span class=\"status {s}\">{s}</span></th>");
    }
    out.push_str("<th class=\"n\">total</th></tr></thead><tbody>");
    for code in Code::ALL {
        let c = report.totals.by_code.get(code.as_str()).copied().unwrap_or_default();
        let _ = write!(out, "<tr><td><code>{}</code></td>", code.as_str());
        for s in STATUSES {
            let _ = write!(out, "<td class=\"n\">{}</td>", c.get(s));
        }
        let _ = write!(out, "<td class=\"n\">{}</td></tr>", c.total);
    }
    let t = report.totals.by_status;
    out.push_str("<tr><th>all codes</th>");
    for s in STATUSES {
        let _ = write!(out, "<th class=\"n\">{}</th>", t.get(s));
    }
    let _ = write!(out, "<th class=\"n\">{}</th></tr></tbody></table>", t.total);
}

fn link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") { format!("<a href=\"{0}\">{0}</a>", escape(url)) } else { escape(url) }
}

fn findings_table(out: &mut String, file: &FileReport) {
    if file.findings.is_empty() {
        out.push_str("<p class=\"meta\">No findings.</p>");
        return;
    }
    out.push_str(
        "<table class=\"findings\"><thead><tr><th class=\"n\">#</th><th>line</th><th>code</th><th>status</th>\
         <th>finding</th><th>check</th></tr></thead><tbody>",
    );
    for (n, f) in file.findings.iter().enumerate() {
        let _ = write!(
            out,
            "<tr id=\"row-{id}\"><td class=\"n\"><a href=\"#{id}\">{n}</a></td><td class=\"n\">{line}:{col}</td><td><code>{code}</code></td>\
             <td><span class=\"status {status}\">{status}</span></td><td>{message}</td><td>",
            id = f.id,
            n = n + 1,
            line = f.line,
            col = f.column,
            code = f.code,
            status = f.status,
            message = escape(&f.message),
        );
        if let Some(c) = &f.check {
            let _ = write!(out, "{}", escape(&c.summary));
            for (label, v) in [("Note", &c.note), ("Reason", &c.reason)] {
                if !v.is_empty() && (label != "Reason" || !c.summary.ends_with(v.as_str())) {
                    let _ = write!(out, "<br>{label}: {}", escape(v));
                }
            }
            if !c.url.is_empty() {
                let _ = write!(out, "<br>Source: {}", link(&c.url));
            }
            if let Some(v) = &c.verdict {
                let _ = write!(out, "<br>Verdict: <strong>{}</strong>", escape(v));
            }
            if let Some(r) = c.rating {
                let _ = write!(out, " (rating {r}/5)");
            }
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
}

fn people_table(out: &mut String, file: &FileReport) {
    if file.people.is_empty() {
        out.push_str("<p class=\"meta\">Nobody is named.</p>");
        return;
    }
    out.push_str("<table class=\"people\"><thead><tr><th>name</th><th>roles</th><th class=\"n\">mentions</th></tr></thead><tbody>");
    for p in &file.people {
        let _ =
            write!(out, "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>", escape(&p.name), escape(&p.roles.join("; ")), p.mentions);
    }
    out.push_str("</tbody></table>");
}

/// The whole report as one HTML document.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let t = &report.totals;
    let title = match report.files.as_slice() {
        [one] => format!("Checking report: {}", one.path),
        _ => format!("Checking report: {} articles", report.files.len()),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{generator}\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>{title}</h1>\n<p class=\"meta\">{files} article{fs}, {findings} finding{ns}: {open} open, {checked} checked, \
         {dismissed} dismissed, {stale} stale · {generator} · {at}</p>\n</header>\n",
        generator = escape(&report.generator),
        title = escape(&title),
        files = t.files,
        fs = if t.files == 1 { "" } else { "s" },
        findings = t.findings,
        ns = if t.findings == 1 { "" } else { "s" },
        open = t.by_status.open,
        checked = t.by_status.checked,
        dismissed = t.by_status.dismissed,
        stale = t.by_status.stale,
        at = escape(&report.generated_at),
    );
    out.push_str("<section class=\"summary\">\n<ul class=\"legend\">");
    for s in STATUSES {
        let _ = write!(out, "<li><mark class=\"finding {s}\">{s}</mark> {}</li>", meaning(s));
    }
    out.push_str("</ul>\n");
    counts_table(&mut out, report);
    for (label, list) in [("Skipped", &report.skipped), ("Not analysed (internal error)", &report.errors)] {
        if !list.is_empty() {
            let _ = write!(out, "<h3>{label}</h3><ul>");
            for s in list {
                let _ = write!(out, "<li><code>{}</code>: {}</li>", escape(&s.path), escape(&s.reason));
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</section>\n");
    for (i, file) in report.files.iter().enumerate() {
        let c = file.counts;
        let _ = write!(
            out,
            "<article class=\"file\" id=\"file-{n}\">\n<h2>{path}</h2>\n<p class=\"meta\">{total} finding{s}: {open} open, {checked} checked, \
             {dismissed} dismissed, {stale} stale{orphans}</p>\n<div class=\"article\">",
            n = i + 1,
            path = escape(&file.path),
            total = c.total,
            s = if c.total == 1 { "" } else { "s" },
            open = c.open,
            checked = c.checked,
            dismissed = c.dismissed,
            stale = c.stale,
            orphans = match file.orphans {
                0 => String::new(),
                n =>
                    format!("; {n} check{} in the ledger match no finding (see <code>byline ledger</code>)", if n == 1 { "" } else { "s" }),
            },
        );
        out.push_str(&marked_text(&file.text, &file.findings));
        out.push_str("</div>\n<h3>Findings</h3>\n");
        findings_table(&mut out, file);
        out.push_str("\n<h3>People</h3>\n");
        people_table(&mut out, file);
        out.push_str("\n</article>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(id: &str, status: &'static str, start: usize, end: usize) -> ReportFinding {
        ReportFinding {
            id: id.into(),
            code: "unattributed-claim",
            severity: "warning",
            status,
            message: "No source".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            start_byte: start,
            end_byte: end,
            text: String::new(),
            fingerprint: String::new(),
            check: None,
        }
    }

    /// The text of every piece of a finding's marks, in order (nested marks' text included).
    fn texts_of(html: &str, id: &str) -> String {
        // A tiny reader for our own output: track open marks and which findings they belong to.
        let mut out = String::new();
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("</mark>") {
                stack.pop();
                rest = r;
            } else if rest.starts_with("<mark") {
                let end = rest.find('>').unwrap();
                let tag = &rest[..end];
                let f = tag.split("data-finding=\"").nth(1).unwrap().split('"').next().unwrap();
                stack.push(f.to_string());
                rest = &rest[end + 1..];
            } else {
                let c = rest.chars().next().unwrap();
                if stack.iter().any(|s| s == id) {
                    out.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(escape(r#"<b> & "x" 'y'"#), "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;");
        let text = "A <b> & \"c\" here.";
        let html = marked_text(text, &[finding("f1-1", "open", 2, 5)]);
        assert!(html.starts_with("A <mark class=\"finding open\""), "{html}");
        assert!(html.contains(">&lt;b&gt;</mark> &amp; &quot;c&quot; here."), "{html}");
        assert_eq!(texts_of(&html, "f1-1"), "<b>");
    }

    #[test]
    fn nested_and_crossing_ranges_keep_each_findings_text() {
        let text = "0123456789abcdefghij";
        let fs =
            [finding("a", "open", 0, 10), finding("b", "checked", 5, 15), finding("c", "stale", 2, 4), finding("d", "dismissed", 12, 20)];
        let html = marked_text(text, &fs);
        assert_eq!(texts_of(&html, "a"), "0123456789");
        assert_eq!(texts_of(&html, "b"), "56789abcde");
        assert_eq!(texts_of(&html, "c"), "23");
        assert_eq!(texts_of(&html, "d"), "cdefghij");
        assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
        assert_eq!(html.matches(" id=\"b\"").count(), 1, "one id per finding, continuation pieces without: {html}");
        assert_eq!(html.matches("data-finding=\"b\"").count(), 2, "b crosses a's end: {html}");
    }

    #[test]
    fn ranges_inside_a_character_snap_to_its_boundaries() {
        let text = "Zoë said “naïve” 🎉 here";
        let e = text.find('ë').unwrap();
        let party = text.find('🎉').unwrap();
        let fs = [finding("x", "open", e + 1, party + 2), finding("y", "open", 0, 999), finding("z", "open", 5, 3)];
        let html = marked_text(text, &fs);
        assert_eq!(texts_of(&html, "x"), &text[e..party + '🎉'.len_utf8()]);
        assert_eq!(texts_of(&html, "y"), text);
        assert!(!html.contains("data-finding=\"z\""), "an empty range has no mark");
    }
}

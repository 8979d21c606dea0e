//! `byline report`: every format over an invented newsroom whose ledger has checked, dismissed
//! and stale findings (open ones too) — the JSON model against the articles' bytes, HTML
//! escaping and marks, Markdown, RFC 4180 CSV, ClaimReview JSON-LD, `--output`, exit statuses,
//! and `byline ledger mark --verdict --rating`.

mod common;

use std::path::Path;
use std::process::Output;

use common::report_fixture::{FERRY, NOTE, TRAMWAY, newsroom};
use common::{run_cli as byline, write_file as write};
use serde_json::Value;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn report(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend(args);
    let o = byline(dir, &all);
    assert_eq!(o.status.code(), Some(0), "byline {all:?}: {}", stderr(&o));
    stdout(&o)
}

fn json(dir: &Path) -> Value {
    serde_json::from_str(&report(dir, &["--format", "json", "news"])).unwrap()
}

fn findings(v: &Value) -> Vec<&Value> {
    v["files"].as_array().unwrap().iter().flat_map(|f| f["findings"].as_array().unwrap()).collect()
}

fn finding<'a>(v: &'a Value, status: &str) -> &'a Value {
    findings(v).into_iter().find(|f| f["status"] == status).unwrap_or_else(|| panic!("no {status} finding"))
}

#[test]
fn json_has_every_file_finding_status_and_person() {
    let d = newsroom();
    let v = json(d.path());
    assert_eq!(v["version"], 1);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let tramway_text = TRAMWAY.replace("fell by a third", "fell by a quarter");
    for f in files {
        let text = f["text"].as_str().unwrap();
        assert_eq!(text, if f["path"] == "news/ferry.md" { FERRY } else { tramway_text.as_str() });
        assert_eq!(f["workspace_path"], f["path"]);
        for x in f["findings"].as_array().unwrap() {
            let (s, e) = (x["start_byte"].as_u64().unwrap() as usize, x["end_byte"].as_u64().unwrap() as usize);
            assert_eq!(x["text"], text[s..e], "a finding's text is its byte range of the article");
            let line = text[..s].matches('\n').count() + 1;
            let col = text[..s].rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!((x["line"].as_u64().unwrap() as usize, x["column"].as_u64().unwrap() as usize), (line, col));
        }
    }
    let checked = finding(&v, "checked");
    assert!(checked["text"].as_str().unwrap().contains("€412 million"), "{checked}");
    let c = &checked["check"];
    assert_eq!(
        (c["checker"].as_str(), c["note"].as_str(), c["verdict"].as_str(), c["rating"].as_u64()),
        (Some("Marta Quintero"), Some(NOTE), Some("mostly true"), Some(4))
    );
    assert_eq!(c["url"], "https://example.org/oldmere/budget");
    assert_eq!(c["date"].as_str().unwrap().len(), 10);
    assert_eq!(finding(&v, "dismissed")["check"]["reason"], "name withheld by agreement");
    let stale = finding(&v, "stale");
    assert!(stale["text"].as_str().unwrap().contains("a quarter"), "{stale}");
    assert!(stale["check"]["summary"].as_str().unwrap().starts_with("text changed since it was checked"), "{stale}");

    // Totals add up, per status and per code.
    let t = &v["totals"];
    assert_eq!(t["files"], 2);
    let all = findings(&v);
    assert_eq!(t["findings"].as_u64().unwrap() as usize, all.len());
    for s in ["open", "checked", "dismissed", "stale"] {
        let n = all.iter().filter(|f| f["status"] == s).count();
        assert_eq!(t["by_status"][s].as_u64().unwrap() as usize, n, "{s}");
        let per_code: u64 = t["by_code"].as_object().unwrap().values().map(|c| c[s].as_u64().unwrap()).sum();
        assert_eq!(per_code as usize, n, "{s} per code");
    }
    assert_eq!(
        (t["by_status"]["checked"].as_u64(), t["by_status"]["dismissed"].as_u64(), t["by_status"]["stale"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    assert!(t["by_status"]["open"].as_u64().unwrap() >= 3, "{t}");
    assert_eq!(t["by_code"]["unattributed-quote"]["total"], 0, "every code is listed: {t}");

    // People, with their roles and mention counts.
    let tram = files.iter().find(|f| f["path"] == "news/tramway.txt").unwrap();
    let nkemba = tram["people"].as_array().unwrap().iter().find(|p| p["name"] == "Aurélie Nkemba").expect("Nkemba");
    assert_eq!(nkemba["roles"][0], "deputy mayor");
    assert_eq!(nkemba["mentions"], 2);
    let ferry = files.iter().find(|f| f["path"] == "news/ferry.md").unwrap();
    assert!(ferry["people"].as_array().unwrap().iter().any(|p| p["name"] == "Ingrid Solbakken-Aas"), "{}", ferry["people"]);
}

#[test]
fn html_is_self_contained_escaped_and_marks_every_finding() {
    let d = newsroom();
    let v = json(d.path());
    let html = report(d.path(), &["news"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "HTML is the default format");
    for absent in ["<script", "<link", " src=", "@import", "url("] {
        assert!(!html.contains(absent), "self-contained: no {absent:?}");
    }
    assert!(html.contains("@media print"));
    // The article's own text is escaped…
    assert!(html.contains("&quot;We were told &lt;six months&gt; of disruption"), "escaped quote and angle brackets");
    assert!(html.contains("&quot;on schedule &amp; on budget&quot;"));
    assert!(!html.contains("<six months>") && !html.contains("<final>"));
    // …and so is the note in a title attribute.
    assert!(html.contains("Note: Council budget papers, p. 14: &quot;€412m&quot; &lt;final&gt; &amp; audited"), "note escaped in title");
    assert!(html.contains("🚢") && html.contains("Ålesund–Hørvik"), "multi-byte text kept as it is");
    for f in findings(&v) {
        let id = f["id"].as_str().unwrap();
        let status = f["status"].as_str().unwrap();
        let open = format!(
            "<mark class=\"finding {status}\" data-finding=\"{id}\" data-code=\"{}\" data-status=\"{status}\"",
            f["code"].as_str().unwrap()
        );
        let at = html.find(&open).unwrap_or_else(|| panic!("no mark for {id}: {open}"));
        let body_at = at + html[at..].find('>').unwrap() + 1;
        let expected = f["text"]
            .as_str()
            .unwrap()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert_eq!(&html[body_at..body_at + html[body_at..].find("</mark>").unwrap()], expected, "mark text of {id}");
        assert!(html[at..body_at].contains(&format!("id=\"{id}\"")), "{id} has an id");
        assert!(html.contains(&format!("<a href=\"#{id}\">")), "the findings table links to {id}");
    }
    for name in ["Aurélie Nkemba", "Ingrid Solbakken-Aas", "deputy mayor"] {
        assert!(html.contains(name), "{name}");
    }
    for s in ["open", "checked", "dismissed", "stale"] {
        assert!(html.contains(&format!("<li><mark class=\"finding {s}\">{s}</mark>")), "legend has {s}");
    }
}

#[test]
fn markdown_lists_counts_findings_and_people() {
    let d = newsroom();
    let md = report(d.path(), &["--format", "markdown", "news"]);
    assert!(md.starts_with("# Checking report\n"), "{md}");
    assert!(md.contains("| `unattributed-claim` | 0 | 1 | 0 | 1 | 2 |"), "counts per code and status:\n{md}");
    assert!(md.contains("## news/tramway.txt") && md.contains("## news/ferry.md"), "{md}");
    let checked = md.lines().find(|l| l.contains("`unattributed-claim` | checked |")).expect("a checked row");
    assert!(checked.contains("Construction cost €412 million") && checked.contains("Verdict: **mostly true**"), "{checked}");
    assert!(checked.contains("&lt;final> &amp; audited"), "cells escape < and &: {checked}");
    assert!(md.lines().any(|l| l.contains("| stale |") && l.contains("a quarter")), "{md}");
    assert!(md.contains("| Aurélie Nkemba | deputy mayor | 2 |"), "{md}");
    // Every table row has as many cells as its header.
    for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let widths: Vec<usize> = block.lines().map(|l| l.replace("\\|", "").matches('|').count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "ragged table:\n{block}");
    }
}

/// An RFC 4180 reader: fields separated by commas, records by CRLF, quoted fields may hold
/// anything with `""` for a quote.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the last record ends with CRLF");
    rows
}

#[test]
fn csv_is_one_rfc_4180_row_per_finding() {
    let d = newsroom();
    let v = json(d.path());
    let csv = report(d.path(), &["--format", "csv", "news"]);
    let rows = parse_csv(&csv);
    let header = &rows[0];
    assert_eq!(header[..3], ["path", "line", "column"]);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    assert!(rows.iter().all(|r| r.len() == header.len()), "every row has every column");
    let all = findings(&v);
    assert_eq!(rows.len() - 1, all.len());
    for (r, f) in rows[1..].iter().zip(&all) {
        assert_eq!(r[col("status")], f["status"].as_str().unwrap());
        assert_eq!(r[col("text")], f["text"].as_str().unwrap());
        assert_eq!(r[col("message")], f["message"].as_str().unwrap(), "quotes in messages survive");
        assert_eq!(r[col("line")], f["line"].to_string());
    }
    let checked = rows.iter().find(|r| r[col("status")] == "checked").unwrap();
    assert_eq!(checked[col("note")], NOTE);
    assert_eq!((checked[col("verdict")].as_str(), checked[col("rating")].as_str()), ("mostly true", "4"));
    assert_eq!(checked[col("checker")], "Marta Quintero");
    assert!(csv.contains("\"Council budget papers, p. 14: \"\"€412m\"\" <final> & audited\""), "quoted, quotes doubled");
}

#[test]
fn claimreview_exports_the_checked_findings_with_a_verdict() {
    let d = newsroom();
    let out = report(d.path(), &["--format", "claimreview", "news"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let reviews = v.as_array().unwrap();
    assert_eq!(reviews.len(), 1, "the stale check (verdict true) and the dismissal are left out: {out}");
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(r["claimReviewed"], "Construction cost €412 million, almost double the original estimate.");
    assert_eq!(r["reviewRating"]["@type"], "Rating");
    assert_eq!(r["reviewRating"]["alternateName"], "mostly true");
    assert_eq!(
        (r["reviewRating"]["ratingValue"].as_u64(), r["reviewRating"]["worstRating"].as_u64(), r["reviewRating"]["bestRating"].as_u64()),
        (Some(4), Some(1), Some(5))
    );
    assert_eq!(r["author"]["@type"], "Person");
    assert_eq!(r["author"]["name"], "Marta Quintero");
    assert_eq!(r["url"], "https://example.org/oldmere/budget");
    assert_eq!(r["reviewBody"], NOTE);
    assert_eq!(r["datePublished"].as_str().unwrap().len(), 10);
    assert_eq!(r["itemReviewed"]["@type"], "Claim");
    assert_eq!(r["itemReviewed"]["appearance"][0]["@type"], "CreativeWork");
    assert_eq!(r["itemReviewed"]["appearance"][0]["name"], "news/tramway.txt");
    assert!(r["itemReviewed"]["appearance"][0].get("url").is_none());

    let out = report(
        d.path(),
        &["--format", "claimreview", "--publisher", "Oldmere Courier", "--base-url", "https://courier.example/articles", "news"],
    );
    let r = &serde_json::from_str::<Value>(&out).unwrap()[0];
    assert_eq!(r["author"], serde_json::json!({"@type": "Organization", "name": "Oldmere Courier"}));
    assert_eq!(r["itemReviewed"]["appearance"][0]["url"], "https://courier.example/articles/news/tramway.txt");

    // The desk's byline.toml can name them; the command line wins.
    write(
        d.path(),
        "byline.toml",
        "[ledger]\nchecker = \"Marta Quintero\"\n\n[report]\npublisher = \"The Oldmere Desk\"\nbase_url = \"https://desk.example/\"\n",
    );
    let r = &serde_json::from_str::<Value>(&report(d.path(), &["--format", "claimreview", "news"])).unwrap()[0];
    assert_eq!(r["author"]["name"], "The Oldmere Desk");
    assert_eq!(r["itemReviewed"]["appearance"][0]["url"], "https://desk.example/news/tramway.txt");
    let r = &serde_json::from_str::<Value>(&report(d.path(), &["--format", "claimreview", "--publisher", "Courier", "news"])).unwrap()[0];
    assert_eq!(r["author"]["name"], "Courier");
    write(d.path(), "byline.toml", "[report]\nbase_url = \"desk.example\"\n");
    let o = byline(d.path(), &["report", "--format", "claimreview", "news"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byline.toml:2:12: [report] base_url must be an http(s) URL"), "{}", stderr(&o));

    // A checked finding without a verdict is no review.
    let e = tempfile::tempdir().unwrap();
    write(e.path(), "byline.toml", "");
    write(e.path(), "a.txt", TRAMWAY);
    let o = byline(e.path(), &["ledger", "mark", "a.txt:7", "--code", "unattributed-claim"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(report(e.path(), &["--format", "claimreview", "a.txt"]).trim(), "[]");
}

#[test]
fn output_file_and_exit_statuses() {
    let d = newsroom();
    let o = byline(d.path(), &["report", "news", "--output", "out/report.html"]);
    assert_eq!(o.status.code(), Some(2), "a folder that does not exist: {}", stderr(&o));
    assert!(stderr(&o).contains("cannot write out/report.html"), "{}", stderr(&o));
    let o = byline(d.path(), &["report", "news", "-o", "report.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("wrote report.html (2 articles"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(d.path().join("report.html")).unwrap().contains("</html>"));

    // Without --format, the output file's extension says which.
    for (file, starts) in
        [("r.csv", "path,line,column,"), ("r.md", "# Checking report"), ("r.json", "{"), ("r.jsonld", "["), ("r.txt", "<!DOCTYPE html>")]
    {
        let o = byline(d.path(), &["report", "news", "-o", file]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = std::fs::read_to_string(d.path().join(file)).unwrap();
        assert!(text.starts_with(starts), "{file}: {}", &text[..text.len().min(80)]);
    }
    let o = byline(d.path(), &["report", "news", "-o", "r2.csv", "--format", "markdown"]);
    assert!(o.status.success() && std::fs::read_to_string(d.path().join("r2.csv")).unwrap().starts_with("# Checking"), "--format wins");

    let o = byline(d.path(), &["report", "nothing-here"]);
    assert_eq!(o.status.code(), Some(2), "nothing read: {}", stderr(&o));
    write(d.path(), "byline.toml", "[severity]\nunattributed-claim = \"loud\"\n");
    let o = byline(d.path(), &["report", "news"]);
    assert_eq!(o.status.code(), Some(2), "a bad byline.toml: {}", stderr(&o));
    assert!(stderr(&o).contains("byline.toml:2:"), "{}", stderr(&o));
}

#[test]
fn report_options_select_like_check() {
    let d = newsroom();
    let v: Value =
        serde_json::from_str(&report(d.path(), &["--format", "json", "--disable", "vague-attribution", "--exclude", "*.md", "news"]))
            .unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert!(findings(&v).iter().all(|f| f["code"] != "vague-attribution"));
}

#[test]
fn ledger_mark_records_verdict_and_rating() {
    let d = newsroom();
    let ledger = std::fs::read_to_string(d.path().join("byline.ledger.toml")).unwrap();
    assert!(ledger.contains("verdict = \"mostly true\"\nrating = 4\n"), "{ledger}");
    let o = byline(d.path(), &["ledger", "mark", "news/tramway.txt:9", "--code", "vague-attribution", "--rating", "7"]);
    assert_eq!(o.status.code(), Some(2), "a rating outside 1..=5 is refused: {}", stderr(&o));
    write(d.path(), "byline.ledger.toml", ledger.replace("rating = 4", "rating = \"high\""));
    let o = byline(d.path(), &["report", "news"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`rating` must be an integer from 1 (false) to 5 (true)"), "{}", stderr(&o));
}

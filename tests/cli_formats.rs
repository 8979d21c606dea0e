//! `byline check --format sarif|github`: the CI formats, on invented articles.

mod common;

use std::path::Path;
use std::process::Output;

use common::{run_cli as byline, write_file as write};
use serde_json::Value;

const CLAIMS: &str = "Harbour news\n\nIt is feared that the harbour bridge will close for a year.\n\
A senior official, speaking on condition of anonymity, said the repairs would cost $240 million.\n\
Repairs on the old pier cost 40% more than planned, at $3.5 million.\n";

fn sarif(dir: &Path, args: &[&str]) -> (Output, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let o = byline(dir, &all);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    (o, v)
}

fn validate(log: &Value) {
    let errors = schema_errors(log);
    assert!(errors.is_empty(), "SARIF log does not follow the schema:\n{}", errors.join("\n"));
}

fn schema_errors(log: &Value) -> Vec<String> {
    // One pattern of the rtm.5 schema (for `run.language`, which byline does not write) has a
    // stray `]` that the validator's meta-schema check refuses as a regex; it is replaced here by
    // the corrected pattern of the SARIF 2.1.0 errata. Everything else is the schema as published.
    let text =
        include_str!("data/sarif-2.1.0-rtm.5.json").replace("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    let schema: Value = serde_json::from_str(&text).expect("the bundled SARIF schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    validator.iter_errors(log).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn sarif_follows_the_official_schema_with_one_rule_per_code() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/harbour bridge.txt", CLAIMS.as_bytes());
    write(d.path(), "news/binary.txt", b"\0\0binary");
    let (o, log) = sarif(d.path(), &["."]);
    assert_eq!(o.status.code(), Some(1));
    validate(&log);
    // The validator does refuse what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("warn");
    assert!(!schema_errors(&broken).is_empty());
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "unattributed-claim",
            "vague-attribution",
            "anonymous-source",
            "unattributed-quote",
            "name-spelling",
            "quote-mismatch",
            "quote-speaker-mismatch"
        ]
    );
    assert!(rules.iter().all(|r| r["help"]["text"].as_str().is_some_and(|t| t.len() > 20)));
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 3, "{results:?}");
    for r in results {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(r["ruleId"], rule["id"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "news/harbour%20bridge.txt");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 3);
        assert_eq!(r["partialFingerprints"]["bylineSentence/v1"].as_str().unwrap().len(), 16);
    }
    let vague = results.iter().find(|r| r["ruleId"] == "vague-attribution").expect("a vague attribution");
    assert_eq!(vague["level"], "warning");
    let anon = results.iter().find(|r| r["ruleId"] == "anonymous-source").expect("an anonymous source");
    assert_eq!(anon["level"], "note");
    let notes = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert!(notes.iter().any(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/binary.txt"));
}

#[test]
fn sarif_fingerprints_follow_a_finding_when_lines_move() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", CLAIMS.as_bytes());
    let (_, before) = sarif(d.path(), &["a.txt"]);
    // Two paragraphs inserted above, and the vague sentence re-wrapped.
    let moved = CLAIMS
        .replace(
            "Harbour news\n\n",
            "Harbour news\n\nMs Hale, the harbour master, said ferries would keep running.\n\nShe spoke at the quay.\n\n",
        )
        .replace("harbour bridge will close", "harbour\nbridge will close");
    write(d.path(), "a.txt", moved.as_bytes());
    let (_, after) = sarif(d.path(), &["a.txt"]);
    let prints = |log: &Value| -> Vec<(String, String, u64)> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["bylineSentence/v1"].as_str().unwrap().to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (b, a) = (prints(&before), prints(&after));
    assert_eq!(b.len(), 3, "{b:?}");
    for (rule, print, line) in &b {
        let moved = a.iter().find(|(r, f, _)| r == rule && f == print);
        let (_, _, new_line) = moved.unwrap_or_else(|| panic!("{rule} {print} lost after the edit: {a:?}"));
        assert!(new_line > line, "the lines moved");
    }
}

#[test]
fn sarif_when_nothing_could_be_read_is_still_a_valid_log() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "binary.txt", b"\0\0binary");
    let (o, log) = sarif(d.path(), &["binary.txt"]);
    assert_eq!(o.status.code(), Some(2));
    validate(&log);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn github_annotations_are_workflow_commands() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "news/a,b.txt", CLAIMS.as_bytes());
    let o = byline(d.path(), &["check", "--format", "github", "."]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "{out}");
    for l in &lines {
        assert!(l.starts_with("::warning file=news/a%2Cb.txt,line=") || l.starts_with("::notice file=news/a%2Cb.txt,line="), "{l}");
        assert!(l.contains(",col=") && l.contains(",endLine=") && l.contains(",title=byline "), "{l}");
    }
    assert!(lines.iter().any(|l| l.starts_with("::notice") && l.contains("title=byline anonymous-source::")), "{out}");
}

//! Code actions on byline's diagnostics and the commands they run.
//!
//! Every finding under the requested range gets, as `quickfix` actions:
//! - *Mark as checked…* and *Dismiss — not a claim / source is fine…*: the commands
//!   [`MARK_CHECKED`] and [`DISMISS`], recorded in the check ledger;
//! - *Add attribution…* and *Add attribution (… said)*: an insertion of `, according to [source]`
//!   or `, [source] said` before the sentence's final punctuation, applied by the client, never
//!   written by byline ([`Snippets`]: a snippet with the source as its placeholder,
//!   `, according to ${1:whom}` / `, ${1:who} said`, for clients that take one);
//! - *Turn off `<code>` in this file*: [`TURN_OFF`], an `[[overrides]]` entry in `byline.toml`;
//! - on vague and anonymous findings, *Treat "…" as a named source in this workspace*:
//!   [`NAMED_SOURCE`], a phrase added to `[sources] named` in `byline.toml`.
//!
//! Commands take one object argument: `uri` (an article inside the workspace), `code`, `range`
//! and `sentence` (the finding's), and optionally `note`, `url` (checks), `reason` (dismissals)
//! or `phrase` (named sources). They are validated against the document as it is now: a
//! finding of that code on that sentence must exist. byline writes only on these commands,
//! only the ledger and `byline.toml`, only inside the workspace.

use std::path::PathBuf;

use byline_core::ledger::{CheckStatus, Entry};
use byline_core::{Code, Finding, Format};
use ropey::Rope;
use serde_json::{Value, json};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::positions::{Encoding, to_position, to_range};
use super::snapshot::{Content, Snapshot, file_path_of, key_of};
use super::workspace;
use crate::ledger::Ledger;

pub const MARK_CHECKED: &str = "byline.markChecked";
pub const DISMISS: &str = "byline.dismiss";
pub const TURN_OFF: &str = "byline.turnOff";
pub const NAMED_SOURCE: &str = "byline.addNamedSource";
pub const COMMANDS: [&str; 4] = [MARK_CHECKED, DISMISS, TURN_OFF, NAMED_SOURCE];

/// The client-side command a client that declares `experimental.snippetCommand` runs to insert a
/// snippet (Neovim: `vim.snippet.expand`): one object argument, `uri`, `position` and `snippet`.
pub const INSERT_SNIPPET: &str = "byline.insertSnippet";

/// How a client takes the attribution snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snippets {
    /// Plain text: `, according to [source]`.
    Plain,
    /// `experimental.snippetTextEdit`: the snippet as the text edit's text (rust-analyzer's
    /// extension; the VS Code extension turns it into a snippet edit).
    TextEdit,
    /// `experimental.snippetCommand`: no edit, the client-side command [`INSERT_SNIPPET`].
    Command,
}

impl Snippets {
    /// What the client's `experimental` capabilities declare (a command first: a client that can
    /// run one knows best how to insert a snippet).
    pub fn of(experimental: Option<&Value>) -> Snippets {
        let declared = |key: &str| experimental.and_then(|e| e.get(key)).and_then(Value::as_bool) == Some(true);
        if declared("snippetCommand") {
            Snippets::Command
        } else if declared("snippetTextEdit") {
            Snippets::TextEdit
        } else {
            Snippets::Plain
        }
    }
}

/// The two attributions offered: title, plain text, snippet.
const ATTRIBUTIONS: [(&str, &str, &str); 2] = [
    ("Add attribution…", ", according to [source]", ", according to ${1:whom}"),
    ("Add attribution (… said)", ", [source] said", ", ${1:who} said"),
];

/// The longest note, URL, reason or phrase a command accepts.
const MAX_TEXT: usize = 4096;

fn overlaps(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The code actions for the findings of `uri` under `range`.
pub fn code_actions(s: &Snapshot, uri: &Uri, range: Range, context: &[Diagnostic], snippets: Snippets) -> Vec<CodeActionOrCommand> {
    let key = key_of(uri);
    let Some(Content::Open(a)) = s.content(&key) else { return Vec::new() };
    let (rope, enc) = (&a.rope, s.encoding);
    // The settings of this article: a finding its `[[overrides]]` turn off, or that names a
    // source the desk accepts, has no diagnostic and so no actions.
    let rel = file_path_of(uri).and_then(|p| s.desks.relative(&p));
    let settings = super::diagnostics::settings_for(&s.desks, &s.settings, rel.as_deref());
    let mut out = Vec::new();
    for f in &a.analysis.findings {
        if !super::diagnostics::reported(f, rope, &settings) {
            continue;
        }
        let r = to_range(rope, &f.span, enc);
        if !overlaps(&r, &range) {
            continue;
        }
        let sentence = rope.byte_slice(f.span.clone()).to_string();
        let code = f.code.as_str();
        let diags: Vec<Diagnostic> =
            context.iter().filter(|d| d.range == r && d.code == Some(NumberOrString::String(code.into()))).cloned().collect();
        let args = json!({ "uri": uri.as_str(), "code": code, "range": r, "sentence": sentence });
        let action = |title: String, command: Option<Command>, edit: Option<WorkspaceEdit>, preferred: bool| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: (!diags.is_empty()).then(|| diags.clone()),
                edit,
                command,
                is_preferred: preferred.then_some(true),
                ..Default::default()
            })
        };
        let command =
            |title: &str, name: &str, args: Value| Command { title: title.into(), command: name.into(), arguments: Some(vec![args]) };
        out.push(action("Mark as checked…".into(), Some(command("Mark as checked", MARK_CHECKED, args.clone())), None, false));
        out.push(action("Dismiss — not a claim / source is fine…".into(), Some(command("Dismiss", DISMISS, args.clone())), None, false));
        let at = attribution_point(rope, f, enc);
        for (i, (title, plain, snippet)) in ATTRIBUTIONS.into_iter().enumerate() {
            let preferred = i == 0;
            match snippets {
                Snippets::Command => {
                    let insert = json!({ "uri": uri.as_str(), "position": at, "snippet": snippet });
                    out.push(action(title.into(), Some(command(title, INSERT_SNIPPET, insert)), None, preferred));
                }
                Snippets::TextEdit => out.push(action(title.into(), None, Some(insertion(uri, at, snippet)), preferred)),
                Snippets::Plain => out.push(action(title.into(), None, Some(insertion(uri, at, plain)), preferred)),
            }
        }
        out.push(action(
            format!("Turn off {code} in this file"),
            Some(command(&format!("Turn off {code} in this file"), TURN_OFF, args.clone())),
            None,
            false,
        ));
        if matches!(f.code, Code::VagueAttribution | Code::AnonymousSource) {
            let phrase = key_phrase(rope, f);
            if !phrase.is_empty() {
                let mut with = args.clone();
                with["phrase"] = json!(phrase);
                let title = format!("Treat \"{phrase}\" as a named source in this workspace");
                out.push(action(title.clone(), Some(command(&title, NAMED_SOURCE, with)), None, false));
            }
        }
    }
    out
}

/// The quick fixes of the `name-spelling` findings of `uri` under `range`: *Change to "…" (used
/// N times)* for each other spelling (the house spelling alone when there is one). The edit is a
/// respelling ([`super::rename::respell`], the rename machinery): every mention of the person
/// spelled this way, in every file, open or not.
pub fn spelling_actions(s: &Snapshot, uri: &Uri, range: Range, context: &[Diagnostic], versioned: bool) -> Vec<CodeActionOrCommand> {
    let key = key_of(uri);
    let Some(Content::Open(a)) = s.content(&key) else { return Vec::new() };
    let rel = file_path_of(uri).and_then(|p| s.desks.relative(&p));
    let settings = super::diagnostics::settings_for(&s.desks, &s.settings, rel.as_deref());
    if settings.level(Code::NameSpelling).is_none() {
        return Vec::new();
    }
    let house = s.desks.desk.house_names();
    let mut out = Vec::new();
    for f in s.index.spelling_findings(&key, &house) {
        let r = to_range(&a.rope, &f.span, s.encoding);
        if !overlaps(&r, &range) {
            continue;
        }
        let diags: Vec<Diagnostic> = context
            .iter()
            .filter(|d| d.range == r && d.code == Some(NumberOrString::String(Code::NameSpelling.as_str().into())))
            .cloned()
            .collect();
        for (i, o) in f.instead.iter().enumerate() {
            let times = if o.count == 1 { "once".to_string() } else { format!("{} times", o.count) };
            let title = if f.house {
                format!("Change to '{}' (the house spelling, used {times})", o.form)
            } else {
                format!("Change to '{}' (used {times})", o.form)
            };
            let edit = super::rename::respell(s, &f.person, f.part, &f.form, &o.form, versioned);
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: (!diags.is_empty()).then(|| diags.clone()),
                edit: Some(edit),
                is_preferred: (i == 0).then_some(true),
                ..Default::default()
            }));
        }
    }
    out
}

/// The phrase a vague or anonymous finding quotes, trimmed of its reporting verb's tail.
fn key_phrase(rope: &Rope, f: &Finding) -> String {
    let k = rope.byte_slice(f.key.clone()).to_string();
    k.trim().trim_matches(|c: char| c.is_ascii_punctuation() || c == '“' || c == '”').trim().to_string()
}

/// Where an attribution goes in the sentence of `f`: before its final punctuation (after a
/// closing quote).
fn attribution_point(rope: &Rope, f: &Finding, enc: Encoding) -> Position {
    let text = rope.byte_slice(f.span.clone()).to_string();
    to_position(rope, f.span.start + insertion_point(&text), enc)
}

/// `new_text` inserted at `at`.
fn insertion(uri: &Uri, at: Position, new_text: &str) -> WorkspaceEdit {
    let mut changes = std::collections::HashMap::new();
    changes.insert(uri.clone(), vec![TextEdit { range: Range::new(at, at), new_text: new_text.into() }]);
    WorkspaceEdit { changes: Some(changes), ..Default::default() }
}

/// Where in `sentence` the attribution goes: before its final run of `.`, `!`, `?` (and after
/// a closing quotation mark), at its end otherwise.
pub fn insertion_point(sentence: &str) -> usize {
    let trimmed = sentence.trim_end();
    let last = trimmed.chars().next_back();
    if matches!(last, Some('"' | '”' | '’' | '\'' | ')')) {
        return trimmed.len();
    }
    trimmed.trim_end_matches(['.', '!', '?', '…']).len()
}

/// A validated command target.
struct Target {
    root: PathBuf,
    rel: String,
    code: Code,
    sentence: String,
}

fn text_arg(args: &Value, name: &str) -> Result<String, String> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) if s.chars().count() <= MAX_TEXT && !s.contains('\0') => Ok(s.trim().to_string()),
        Some(Value::String(_)) => Err(format!("`{name}` is too long (at most {MAX_TEXT} characters) or has a NUL")),
        Some(other) => Err(format!("`{name}` must be a string, got {other}")),
    }
}

/// Check a command's arguments against the workspace and the document as it is now.
fn validate(s: &Snapshot, args: &Value) -> Result<Target, String> {
    let uri: Uri = args.get("uri").and_then(Value::as_str).ok_or("missing `uri`")?.parse().map_err(|_| "`uri` is not a URI")?;
    let path = file_path_of(&uri).ok_or("`uri` must be a local file: URI")?;
    let root = s.desks.root.clone().ok_or("there is no workspace folder to record in")?;
    let rel =
        workspace::relative(&root, &path).ok_or_else(|| format!("{} is not inside the workspace {}", path.display(), root.display()))?;
    let code = args.get("code").and_then(Value::as_str).and_then(Code::parse).ok_or("missing or unknown `code`")?;
    let sentence = args.get("sentence").and_then(Value::as_str).unwrap_or_default();
    let range: Option<Range> = args.get("range").and_then(|r| serde_json::from_value(r.clone()).ok());
    // The finding must exist now: in the open buffer, else in the file on disk.
    let (text, findings, rope) = match s.content(&key_of(&uri)) {
        Some(Content::Open(a)) => (a.rope.to_string(), a.analysis.findings.clone(), Some(a.rope.clone())),
        _ => {
            let text = crate::files::read_article(&path, s.settings.max_file_size).map_err(|e| format!("{}: {e}", path.display()))?;
            let findings = crate::faults::analyze(&text, Format::from_path(&rel), s.desks.desk.lexicon.lexicon()).findings;
            (text, findings, None)
        }
    };
    let found = findings.iter().filter(|f| f.code == code).find(|f| {
        let here = &text[f.span.clone()];
        (!sentence.is_empty() && here == sentence)
            || (sentence.is_empty() && range.is_some_and(|r| rope.as_ref().is_some_and(|rp| to_range(rp, &f.span, s.encoding) == r)))
    });
    let f = found.ok_or_else(|| format!("no {} finding on that sentence in {rel} (was it edited?)", code.as_str()))?;
    Ok(Target { root, rel, code, sentence: text[f.span.clone()].to_string() })
}

/// Run a command; `Ok` carries a message for the user.
pub fn execute(s: &Snapshot, command: &str, args: &Value) -> Result<String, String> {
    if !COMMANDS.contains(&command) {
        return Err(format!("unknown command {command:?}"));
    }
    if !args.is_object() {
        return Err("expected one object argument".into());
    }
    let t = validate(s, args)?;
    match command {
        MARK_CHECKED | DISMISS => {
            if let Some(e) = &s.desks.ledger_error {
                return Err(format!("the ledger cannot be read, so nothing is recorded until it is fixed: {e}"));
            }
            let file = s.desks.ledger_file().ok_or("no ledger for this workspace")?;
            let mut entry = Entry::new(&t.rel, t.code, &t.sentence);
            entry.checker = crate::ledger::checker_name(s.desks.desk.checker.as_deref(), &t.root);
            entry.at = crate::ledger::clock::now();
            entry.note = text_arg(args, "note")?;
            let url = text_arg(args, "url")?;
            if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
                return Err("`url` must be an http(s) URL".into());
            }
            entry.url = url;
            if command == DISMISS {
                entry.status = CheckStatus::Dismissed;
                entry.reason = text_arg(args, "reason")?;
            }
            let (what, who) = (if command == DISMISS { "dismissed" } else { "checked" }, entry.checker.clone());
            let mut ledger = Ledger::load_file(&t.root, file).map_err(|e| e.to_string())?;
            ledger.record(entry).map_err(|e| e.to_string())?;
            Ok(format!("{} in {}: {what} by {who}", t.code.as_str(), t.rel))
        }
        TURN_OFF => {
            let file = s.desks.desk_file().ok_or("no workspace folder")?;
            crate::desk::edit::edit(&file, |doc| crate::desk::edit::turn_off(doc, &t.rel, t.code))?;
            Ok(format!("{} is off in {} (byline.toml [[overrides]])", t.code.as_str(), t.rel))
        }
        NAMED_SOURCE => {
            let phrase = text_arg(args, "phrase")?;
            if phrase.is_empty() || phrase.len() > 200 || phrase.contains('\n') {
                return Err("`phrase` must be a short phrase on one line".into());
            }
            if !matches!(t.code, Code::VagueAttribution | Code::AnonymousSource) || !t.sentence.contains(&phrase) {
                return Err("`phrase` must be the source phrase of a vague or anonymous finding".into());
            }
            let file = s.desks.desk_file().ok_or("no workspace folder")?;
            crate::desk::edit::edit(&file, |doc| crate::desk::edit::add_named_source(doc, &phrase))?;
            Ok(format!("\"{phrase}\" is a named source in this workspace (byline.toml [sources] named)"))
        }
        _ => unreachable!("checked above"),
    }
}

/// `workspace/didRenameFiles`: the checks of renamed articles (and of the articles under renamed
/// folders) move to the new paths in the ledger, in one atomic write under its lock. Renames
/// out of the workspace, or of files without checks, change nothing (and write nothing). Only
/// the ledger is written. Returns how many checks moved.
pub fn rename_files(s: &Snapshot, moves: &[(Uri, Uri)]) -> Result<usize, String> {
    let Some(root) = s.desks.root.clone() else { return Ok(0) };
    let Some(ledger) = s.desks.ledger.as_ref() else { return Ok(0) };
    let rel = |uri: &Uri| file_path_of(uri).and_then(|p| workspace::relative(&root, &p));
    let moves: Vec<(String, String)> = moves.iter().filter_map(|(from, to)| Some((rel(from)?, rel(to)?))).collect();
    let concerned = ledger.entries().any(|e| moves.iter().any(|(from, to)| byline_core::ledger::renamed_path(&e.path, from, to).is_some()));
    if !concerned {
        return Ok(0);
    }
    if let Some(e) = &s.desks.ledger_error {
        return Err(format!("renamed articles' checks were not moved: the ledger cannot be read: {e}"));
    }
    let file = s.desks.ledger_file().ok_or("no ledger for this workspace")?;
    let mut ledger = Ledger::load_file(&root, file).map_err(|e| e.to_string())?;
    ledger.rename_all(&moves).map_err(|e| format!("renamed articles' checks were not moved: {e}"))
}

#[cfg(test)]
mod tests {
    use super::insertion_point;

    #[test]
    fn attribution_goes_before_the_final_punctuation() {
        assert_eq!(insertion_point("Repairs will cost $240 million."), "Repairs will cost $240 million".len());
        assert_eq!(insertion_point("Is it true?!  "), "Is it true".len());
        assert_eq!(insertion_point("No end"), 6);
        assert_eq!(insertion_point("He said “no.”"), "He said “no.”".len());
    }
}

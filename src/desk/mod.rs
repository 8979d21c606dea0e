//! `byline.toml`, the desk's configuration: severities per code, which files, the ledger, and
//! the language data the desk owns (sources, people). Found at the workspace root or any
//! folder above a checked file ([`find`]). Read by `byline check`, `byline ledger`, `byline
//! report` and `byline lsp`. Unknown keys and bad values are errors at a line and column.

pub mod edit;
pub mod find;
pub mod language;
pub mod named;
pub mod people;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use byline_core::{Code, Severity};
use serde::Deserialize;
use toml::Spanned;

/// The configuration file's name.
pub const FILE_NAME: &str = "byline.toml";

/// How a finding whose check holds is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShowChecked {
    /// Listed, with who checked it and when (the language server: as a hint).
    #[default]
    Hint,
    /// Not shown at all.
    Hidden,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Raw {
    severity: BTreeMap<String, Spanned<String>>,
    files: RawFiles,
    ledger: RawLedger,
    report: RawReport,
    sources: RawSources,
    people: Vec<Person>,
    overrides: Vec<RawOverride>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
}

/// Severities for some files only: `[[overrides]]` with `files` (globs relative to the
/// workspace root) and a `[severity]`-like table; later overrides win over earlier ones, and
/// all of them over `[severity]` and the editor's settings.
#[derive(Clone, Debug)]
pub struct Override {
    pub files: Vec<String>,
    pub severity: BTreeMap<Code, Option<Severity>>,
    matcher: globset::GlobSet,
}

impl PartialEq for Override {
    fn eq(&self, other: &Override) -> bool {
        self.files == other.files && self.severity == other.severity
    }
}

impl Eq for Override {}

impl Override {
    /// Whether this override applies to an article (its workspace-relative `/` path).
    pub fn applies_to(&self, rel: &str) -> bool {
        self.matcher.is_match(rel)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    exclude: Vec<Spanned<String>>,
    max_file_size: Option<Spanned<toml::Value>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLedger {
    path: Option<Spanned<String>>,
    checker: Option<String>,
    show_checked: ShowChecked,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawReport {
    publisher: Option<String>,
    base_url: Option<Spanned<String>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawSources {
    named: Vec<String>,
    vague: Vec<Spanned<String>>,
    anonymous: Vec<Spanned<String>>,
}

/// Phrases and bodies the desk adds to the language data. `named` is applied to the findings
/// ([`named::NamedSources`]); `vague` and `anonymous` extend the analysis' lexicon
/// ([`language::DeskLexicon`], [`Desk::lexicon`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sources {
    /// Bodies to accept as named sources ("Reuters", "the Office for National Statistics").
    pub named: Vec<String>,
    /// Phrases to treat as vague attribution.
    pub vague: Vec<String>,
    /// Phrases to treat as anonymous sourcing.
    pub anonymous: Vec<String>,
}

/// A person the desk knows: the house spelling of the name ([`Desk::house_names`]), and the full
/// name and roles shown for a person of the articles named so or by an alias ([`people`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// The house spelling of the name, when it differs from `name`.
    #[serde(default)]
    pub spelling: Option<String>,
}

/// The desk configuration, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Desk {
    /// The folder `byline.toml` is in (the workspace root); `None` when there is no file.
    pub root: Option<PathBuf>,
    /// Codes the file sets: a severity, or `None` for `off`.
    pub severity: BTreeMap<Code, Option<Severity>>,
    pub include: Option<Vec<String>>,
    pub exclude: Vec<String>,
    pub max_file_size: Option<u64>,
    /// The ledger file, relative to the root (`/`-separated); default `byline.ledger.toml`.
    pub ledger_path: Option<String>,
    pub checker: Option<String>,
    pub show_checked: ShowChecked,
    /// `[report] publisher`: the organisation that publishes the desk's ClaimReviews.
    pub report_publisher: Option<String>,
    /// `[report] base_url`: where the articles are published (an `http(s)` URL).
    pub report_base_url: Option<String>,
    pub sources: Sources,
    /// The language data articles are analysed with: the bundled lists and `sources`' phrases.
    pub lexicon: language::DeskLexicon,
    pub people: Vec<Person>,
    pub overrides: Vec<Override>,
}

impl Desk {
    /// The house spellings of `[[people]]`: each entry's `spelling`, else its `name` (entries
    /// of one word are left out: no given name to tell two people apart).
    pub fn house_names(&self) -> Vec<byline_core::index::HouseName> {
        self.people.iter().filter_map(|p| byline_core::index::HouseName::new(&p.name, p.spelling.as_deref())).collect()
    }

    /// `[sources] named`, ready to match the source phrases of findings against.
    pub fn named_sources(&self) -> named::NamedSources {
        named::NamedSources::new(&self.sources.named)
    }
}

/// A problem in `byline.toml`, at a line and column (1-based, in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, text[start..at].chars().count() + 1)
}

/// A severity as `byline.toml` spells it; `Ok(None)` for `off`.
pub fn parse_severity(s: &str) -> Result<Option<Severity>, String> {
    Ok(Some(match s {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "information" => Severity::Information,
        "hint" => Severity::Hint,
        "off" => return Ok(None),
        _ => return Err(format!("unknown severity {s:?}; one of: error, warning, information, hint, off")),
    }))
}

impl Desk {
    /// Parse the text of `file` (only used in messages).
    pub fn parse(file: &Path, text: &str) -> Result<Desk, ConfigError> {
        let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            file: file.to_path_buf(),
            at: span.map(|s| line_col(text, s.start)),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| err(e.span(), e.message().trim().to_string()))?;
        let mut desk = Desk { root: file.parent().map(Path::to_path_buf), ..Desk::default() };
        for (code, level) in &raw.severity {
            let c = Code::parse(code).ok_or_else(|| {
                err(
                    Some(level.span()),
                    format!("unknown code {code:?} in [severity]; one of: {}", Code::ALL.map(|c| c.as_str()).join(", ")),
                )
            })?;
            desk.severity.insert(c, parse_severity(level.get_ref()).map_err(|m| err(Some(level.span()), m))?);
        }
        let globs = |v: &[Spanned<String>]| -> Result<Vec<String>, ConfigError> {
            v.iter()
                .map(|g| {
                    globset::Glob::new(g.get_ref())
                        .map_err(|e| err(Some(g.span()), format!("bad glob {:?}: {}", g.get_ref(), e.kind())))?;
                    Ok(g.get_ref().clone())
                })
                .collect()
        };
        desk.include = raw.files.include.as_deref().map(globs).transpose()?;
        desk.exclude = globs(&raw.files.exclude)?;
        if let Some(size) = &raw.files.max_file_size {
            let parsed = match size.get_ref() {
                toml::Value::Integer(n) if *n > 0 => Ok(*n as u64),
                toml::Value::String(s) => crate::files::parse_size(s),
                _ => Err("max_file_size must be a positive number of bytes or a size such as \"8M\"".to_string()),
            };
            desk.max_file_size = Some(parsed.map_err(|m| err(Some(size.span()), m))?);
        }
        if let Some(p) = &raw.ledger.path {
            crate::ledger::paths::check_entry_path(p.get_ref()).map_err(|m| err(Some(p.span()), format!("[ledger] {m}")))?;
            desk.ledger_path = Some(p.get_ref().clone());
        }
        desk.checker = raw.ledger.checker.filter(|c| !c.trim().is_empty());
        desk.show_checked = raw.ledger.show_checked;
        desk.report_publisher = raw.report.publisher.filter(|p| !p.trim().is_empty());
        if let Some(u) = &raw.report.base_url {
            if !(u.get_ref().starts_with("https://") || u.get_ref().starts_with("http://")) {
                return Err(err(Some(u.span()), format!("[report] base_url must be an http(s) URL, not {:?}", u.get_ref())));
            }
            desk.report_base_url = Some(u.get_ref().clone());
        }
        let severities = |table: &BTreeMap<String, Spanned<String>>, what: &str| -> Result<BTreeMap<Code, Option<Severity>>, ConfigError> {
            let mut out = BTreeMap::new();
            for (code, level) in table {
                let c = Code::parse(code).ok_or_else(|| {
                    err(
                        Some(level.span()),
                        format!("unknown code {code:?} in {what}; one of: {}", Code::ALL.map(|c| c.as_str()).join(", ")),
                    )
                })?;
                out.insert(c, parse_severity(level.get_ref()).map_err(|m| err(Some(level.span()), m))?);
            }
            Ok(out)
        };
        for o in &raw.overrides {
            let files = globs(&o.files)?;
            let mut set = globset::GlobSetBuilder::new();
            for g in &files {
                set.add(globset::Glob::new(g).map_err(|e| err(None, e.to_string()))?);
            }
            let matcher = set.build().map_err(|e| err(None, e.to_string()))?;
            desk.overrides.push(Override { files, severity: severities(&o.severity, "[[overrides]] severity")?, matcher });
        }
        let phrases = |list: &[Spanned<String>], key: &str| -> Result<Vec<String>, ConfigError> {
            list.iter()
                .map(|p| {
                    language::check_phrase(p.get_ref()).map_err(|m| err(Some(p.span()), format!("[sources] {key}: {m}")))?;
                    Ok(p.get_ref().trim().to_string())
                })
                .collect()
        };
        desk.sources = Sources {
            named: raw.sources.named,
            vague: phrases(&raw.sources.vague, "vague")?,
            anonymous: phrases(&raw.sources.anonymous, "anonymous")?,
        };
        desk.lexicon = language::DeskLexicon::new(&desk.sources.vague, &desk.sources.anonymous);
        desk.people = raw.people;
        Ok(desk)
    }

    /// Read and parse `file`.
    pub fn read(file: &Path) -> Result<Desk, ConfigError> {
        let text = std::fs::read_to_string(file).map_err(|e| ConfigError { file: file.to_path_buf(), at: None, message: e.to_string() })?;
        Desk::parse(file, &text)
    }

    /// The severity the `[[overrides]]` give `code` in the article at `rel` (workspace-relative):
    /// `None` when no override sets it, `Some(None)` when it is off there.
    pub fn override_for(&self, rel: &str, code: Code) -> Option<Option<Severity>> {
        self.overrides.iter().rev().filter(|o| o.applies_to(rel)).find_map(|o| o.severity.get(&code).copied())
    }

    /// The ledger file of this workspace, when there is a root.
    pub fn ledger_file(&self) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        Some(root.join(self.ledger_path.as_deref().unwrap_or(crate::ledger::FILE_NAME)))
    }
}

#[cfg(test)]
mod tests;

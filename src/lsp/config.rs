//! Settings: per-code severity (or off) and which files make up the workspace.
//!
//! Accepted in `initializationOptions` and `workspace/didChangeConfiguration`, either bare or
//! under a `"byline"` key:
//!
//! ```json
//! { "diagnostics": { "unattributed-claim": "warning", "anonymous-source": "off" },
//!   "files": { "include": ["**/*.txt", "**/*.md"], "exclude": ["drafts/**"], "maxFileSize": 8388608 } }
//! ```
//!
//! `files.maxFileSize` is the largest article read from disk, in bytes (or a string such as
//! `"8M"`); larger files are skipped with a warning.
//!
//! `ledger.showChecked` (`"hint"` or `"hidden"`) is how checked and dismissed findings are
//! shown; `diagnostics.pull` (`true`/`false`, default `false`) answers pull-diagnostics requests
//! instead of pushing, for clients that support them.
//!
//! `inlayHints.enable` (`true`/`false`, default `true`) shows who is speaking as inlay hints.
//!
//! `cache.enable` (`true`/`false`, default `true`) keeps the people of the articles read from
//! disk in the persistent index cache (`crate::cache`), so that reopening the workspace reads
//! them instead of re-analysing; it is the editor's (the machine's) choice, not the desk's, so
//! `byline.toml` has no such key.
//!
//! These settings are laid over the workspace's `byline.toml` ([`Settings::from_desk`]): what
//! the editor sets wins.
//!
//! Unknown keys are ignored; a bad value is reported and leaves the default in place.

use std::collections::BTreeMap;

use byline_core::{Code, Severity};
use serde_json::Value;

use crate::desk::named::NamedSources;
use crate::desk::{Desk, ShowChecked};

/// The severity a code is reported with, or `None` when it is switched off.
pub type Level = Option<Severity>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub levels: BTreeMap<Code, Level>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// The largest file read from disk, in bytes.
    pub max_file_size: u64,
    /// How a finding whose check holds is shown (`ledger.showChecked`).
    pub show_checked: ShowChecked,
    /// Answer `textDocument/diagnostic` and `workspace/diagnostic` instead of pushing
    /// (`diagnostics.pull`; only for clients that advertise pull diagnostics).
    pub pull: bool,
    /// Show who is speaking as inlay hints (`inlayHints.enable`, default `true`).
    pub inlay_hints: bool,
    /// Use the persistent index cache for the workspace walk (`cache.enable`, default `true`).
    pub cache: bool,
    /// `[sources] named` of `byline.toml`: vague and anonymous findings naming one of them are
    /// not reported (no editor setting: it is the desk's language data).
    pub named_sources: NamedSources,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            levels: Code::ALL.into_iter().map(|c| (c, Some(c.default_severity()))).collect(),
            include: vec!["**/*.txt".into(), "**/*.md".into()],
            exclude: Vec::new(),
            max_file_size: crate::files::DEFAULT_MAX_FILE_SIZE,
            show_checked: ShowChecked::Hint,
            pull: false,
            inlay_hints: true,
            cache: true,
            named_sources: NamedSources::default(),
        }
    }
}

impl Settings {
    pub fn level(&self, code: Code) -> Level {
        self.levels.get(&code).copied().unwrap_or(Some(code.default_severity()))
    }

    /// Settings from a JSON value (bare or under "byline"); problems are returned as messages.
    /// `null` or a value without byline settings gives the defaults.
    #[cfg(test)]
    pub fn from_json(value: &Value) -> (Settings, Vec<String>) {
        Settings::from_json_over(Settings::default(), value)
    }

    /// The settings `byline.toml` gives (over the defaults).
    pub fn from_desk(desk: &Desk) -> Settings {
        let mut s = Settings::default();
        for (code, level) in &desk.severity {
            s.levels.insert(*code, *level);
        }
        if let Some(include) = &desk.include {
            s.include = include.clone();
        }
        if !desk.exclude.is_empty() {
            s.exclude = desk.exclude.clone();
        }
        if let Some(max) = desk.max_file_size {
            s.max_file_size = max;
        }
        s.show_checked = desk.show_checked;
        s.named_sources = desk.named_sources();
        s
    }

    /// The index cache as these settings want it (its folder is the platform's, or
    /// `$BYLINE_CACHE_DIR`).
    pub fn cache_options(&self) -> crate::cache::Options {
        crate::cache::Options { enabled: self.cache, dir: None }
    }

    /// Editor settings over `base` (for example [`Settings::from_desk`]): what the editor sets
    /// wins, the rest stays as in `base`.
    pub fn from_json_over(base: Settings, value: &Value) -> (Settings, Vec<String>) {
        let mut s = base;
        let mut problems = Vec::new();
        let v = value.get("byline").unwrap_or(value);
        if let Some(diags) = v.get("diagnostics").and_then(Value::as_object) {
            for (key, level) in diags {
                if key == "pull" {
                    match level.as_bool() {
                        Some(b) => s.pull = b,
                        None => problems.push(format!("diagnostics.pull: expected true or false, got {level}")),
                    }
                    continue;
                }
                let Some(code) = Code::parse(key) else {
                    problems.push(format!("unknown diagnostic code {key:?} in settings"));
                    continue;
                };
                match level.as_str().and_then(parse_level) {
                    Some(l) => {
                        s.levels.insert(code, l);
                    }
                    None => problems.push(format!(
                        "diagnostics.{key}: expected \"error\", \"warning\", \"information\", \"hint\" or \"off\", got {level}"
                    )),
                }
            }
        }
        if let Some(files) = v.get("files") {
            for (name, target) in [("include", &mut s.include), ("exclude", &mut s.exclude)] {
                match files.get(name) {
                    None | Some(Value::Null) => {}
                    Some(Value::Array(items)) => {
                        let globs: Vec<String> = items.iter().filter_map(|g| g.as_str().map(str::to_string)).collect();
                        match globs.iter().find(|g| globset::Glob::new(g).is_err()) {
                            Some(bad) => problems.push(format!("files.{name}: bad glob {bad:?}")),
                            None => *target = globs,
                        }
                    }
                    Some(other) => problems.push(format!("files.{name}: expected a list of globs, got {other}")),
                }
            }
            match files.get("maxFileSize") {
                None | Some(Value::Null) => {}
                Some(v) => {
                    let size = match v {
                        Value::Number(n) => n.as_u64().ok_or_else(|| format!("expected a number of bytes, got {n}")),
                        Value::String(t) => crate::files::parse_size(t),
                        other => Err(format!("expected a number of bytes, got {other}")),
                    };
                    match size {
                        Ok(0) => problems.push("files.maxFileSize: must be more than 0".into()),
                        Ok(n) => s.max_file_size = n,
                        Err(e) => problems.push(format!("files.maxFileSize: {e}")),
                    }
                }
            }
        }
        if let Some(shown) = v.get("ledger").and_then(|l| l.get("showChecked")) {
            match shown.as_str() {
                Some("hint") => s.show_checked = ShowChecked::Hint,
                Some("hidden") => s.show_checked = ShowChecked::Hidden,
                _ => problems.push(format!("ledger.showChecked: expected \"hint\" or \"hidden\", got {shown}")),
            }
        }
        if let Some(enable) = v.get("inlayHints").and_then(|h| h.get("enable")) {
            match enable.as_bool() {
                Some(b) => s.inlay_hints = b,
                None => problems.push(format!("inlayHints.enable: expected true or false, got {enable}")),
            }
        }
        if let Some(enable) = v.get("cache").and_then(|h| h.get("enable")) {
            match enable.as_bool() {
                Some(b) => s.cache = b,
                None => problems.push(format!("cache.enable: expected true or false, got {enable}")),
            }
        }
        (s, problems)
    }

    /// Whether a JSON value carries byline settings at all (bare or under "byline").
    pub fn present_in(value: &Value) -> bool {
        let v = value.get("byline").unwrap_or(value);
        v.get("diagnostics").is_some()
            || v.get("files").is_some()
            || v.get("ledger").is_some()
            || v.get("inlayHints").is_some()
            || v.get("cache").is_some()
    }
}

/// "warning" etc. -> a level; also accepts the short forms "warn", "info" and "none"/"false".
pub fn parse_level(s: &str) -> Option<Level> {
    Some(match s.to_ascii_lowercase().as_str() {
        "error" => Some(Severity::Error),
        "warning" | "warn" => Some(Severity::Warning),
        "information" | "info" => Some(Severity::Information),
        "hint" => Some(Severity::Hint),
        "off" | "none" | "false" => None,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults() {
        let (s, p) = Settings::from_json(&Value::Null);
        assert!(p.is_empty());
        assert_eq!(s.level(Code::AnonymousSource), Some(Severity::Information));
        assert_eq!(s.level(Code::UnattributedClaim), Some(Severity::Warning));
        assert_eq!(s.include, vec!["**/*.txt", "**/*.md"]);
    }

    #[test]
    fn bare_and_nested_shapes() {
        for v in [
            json!({"diagnostics": {"unattributed-claim": "error", "anonymous-source": "off"}}),
            json!({"byline": {"diagnostics": {"unattributed-claim": "error", "anonymous-source": "off"}}}),
        ] {
            let (s, p) = Settings::from_json(&v);
            assert!(p.is_empty(), "{p:?}");
            assert_eq!(s.level(Code::UnattributedClaim), Some(Severity::Error));
            assert_eq!(s.level(Code::AnonymousSource), None);
            assert_eq!(s.level(Code::VagueAttribution), Some(Severity::Warning));
        }
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let (s, p) = Settings::from_json(&json!({
            "diagnostics": {"unattributed-claim": "loud", "no-such-code": "error"},
            "files": {"include": ["[bad"], "exclude": "drafts"}
        }));
        assert_eq!(p.len(), 4, "{p:?}");
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn file_globs() {
        let (s, p) = Settings::from_json(&json!({"files": {"include": ["**/*.md"], "exclude": ["drafts/**"]}}));
        assert!(p.is_empty());
        assert_eq!(s.include, vec!["**/*.md"]);
        assert_eq!(s.exclude, vec!["drafts/**"]);
    }

    #[test]
    fn inlay_hints_switch() {
        assert!(Settings::default().inlay_hints);
        let (s, p) = Settings::from_json(&json!({"byline": {"inlayHints": {"enable": false}}}));
        assert!(p.is_empty(), "{p:?}");
        assert!(!s.inlay_hints);
        assert!(Settings::present_in(&json!({"inlayHints": {"enable": false}})));
        let (s, p) = Settings::from_json(&json!({"inlayHints": {"enable": "no"}}));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(s.inlay_hints);
    }

    #[test]
    fn cache_on_by_default_and_off_by_setting() {
        assert!(Settings::default().cache);
        assert!(Settings::default().cache_options().enabled);
        let (s, p) = Settings::from_json(&json!({ "byline": { "cache": { "enable": false } } }));
        assert!(p.is_empty() && !s.cache && !s.cache_options().enabled);
        let (s, p) = Settings::from_json(&json!({ "cache": { "enable": "no" } }));
        assert!(s.cache && p.len() == 1, "{p:?}");
        assert!(Settings::present_in(&json!({ "cache": { "enable": false } })));
    }

    #[test]
    fn max_file_size() {
        assert_eq!(Settings::default().max_file_size, 8 << 20);
        let (s, p) = Settings::from_json(&json!({"files": {"maxFileSize": 1000}}));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s.max_file_size, 1000);
        let (s, p) = Settings::from_json(&json!({"byline": {"files": {"maxFileSize": "2M"}}}));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(s.max_file_size, 2 << 20);
        for bad in [json!(-1), json!(0), json!(1.5), json!("lots"), json!([1])] {
            let (s, p) = Settings::from_json(&json!({"files": {"maxFileSize": bad}}));
            assert_eq!(p.len(), 1, "{bad}: {p:?}");
            assert_eq!(s.max_file_size, 8 << 20);
        }
    }
}

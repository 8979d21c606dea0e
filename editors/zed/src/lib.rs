//! Zed extension: starts `byline lsp` for Plain Text and Markdown.
//! The binary is `lsp.byline.binary.path` from Zed's settings, else `byline` on the worktree's PATH.
//! `lsp.byline.initialization_options` and `lsp.byline.settings` are passed through to the server.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Byline;

impl zed::Extension for Byline {
    fn new() -> Self {
        Byline
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree("byline", worktree).ok().and_then(|s| s.binary);
        let configured = binary.as_ref().and_then(|b| b.path.clone());
        let command = configured.or_else(|| worktree.which("byline")).ok_or_else(|| {
            "byline is not on PATH: install it with `cargo install --path .` in a byline checkout, \
             or set lsp.byline.binary.path in Zed's settings"
                .to_string()
        })?;
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        let mut env = worktree.shell_env();
        if let Some(extra) = binary.and_then(|b| b.env) {
            env.extend(extra);
        }
        Ok(zed::Command { command, args, env })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("byline", worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("byline", worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(Byline);

//! The `LanguageServer` implementation: translation only. Notifications are forwarded to the
//! state task; requests are answered from a snapshot on a blocking thread, where a panic
//! becomes an internal-error response instead of a crash.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::actions;
use super::hints;
use super::lens;
use super::people;
use super::positions::Encoding;
use super::pull;
use super::rename;
use super::snapshot::{Snapshot, file_path_of, key_of};
use super::state::{self, ClientEvent, Handle};
use super::tokens;
use super::transport::{Notifier, Routed};
use super::wire;

/// How long a query waits for the state task to catch up with earlier notifications.
const CATCH_UP: Duration = Duration::from_secs(5);

pub struct Server {
    client: Client,
    state: Handle,
    /// What the client can do, as sent in `initialize`.
    caps: std::sync::OnceLock<ClientCapabilities>,
    /// The local workspace folders given in `initialize`.
    roots: std::sync::OnceLock<Vec<PathBuf>>,
    pub shut_down: Arc<AtomicBool>,
    /// The ordered output past tower-lsp-server, for answers written straight to JSON.
    notifier: Notifier,
}

/// What a references query produced, to be sent by the handler.
enum Refs {
    /// No person at the position: `null`, through tower-lsp-server.
    Nothing,
    /// The whole response, serialised.
    Whole(Vec<u8>),
    /// Every location went out as partial results: the response is an empty array.
    Streamed,
}

impl Server {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>, notifier: Notifier) -> Server {
        let state = state::spawn(client.clone(), notifier.clone());
        Server { client, state, caps: std::sync::OnceLock::new(), roots: std::sync::OnceLock::new(), shut_down, notifier }
    }

    /// `textDocument/references`, passed on by the transport as [`super::transport::REFERENCES`]
    /// with its id. With a `partialResultToken` the locations go out as `$/progress` partial
    /// results (in batches, as they are serialised) and the response is an empty array;
    /// otherwise the whole response is written straight to JSON here and sent past
    /// tower-lsp-server, whose own (null) response to the id the transport drops.
    pub async fn routed_references(&self, r: Routed<ReferenceParams>) -> Result<Value> {
        let Routed { id, params: p } = r;
        let key = key_of(&p.text_document_position.text_document.uri);
        let pos = p.text_document_position.position;
        let include = p.context.include_declaration;
        let token = p.partial_result_params.partial_result_token;
        let notifier = self.notifier.clone();
        let reply_id = id.clone();
        let refs = self
            .query_in(Some(&key.clone()), true, "references", move |s| match token {
                // Sent from here, document by document as they are converted, in batches:
                // they precede the response, which tower-lsp-server writes once this has
                // returned.
                Some(t) => {
                    let mut partial = wire::PartialResults::new(&notifier, &t);
                    match people::each_reference_group(s, &key, pos, include, |g| partial.push(&g)) {
                        Some(()) => {
                            partial.finish();
                            Refs::Streamed
                        }
                        None => Refs::Nothing,
                    }
                }
                None => match people::reference_groups(s, &key, pos, include) {
                    Some(groups) => Refs::Whole(wire::response_frame(&reply_id, &groups)),
                    None => Refs::Nothing,
                },
            })
            .await?;
        Ok(match refs {
            Refs::Nothing => Value::Null,
            Refs::Streamed => Value::Array(Vec::new()),
            Refs::Whole(frame) => {
                // Sent by the handler itself: a request cancelled while the query ran has
                // stopped before this point and gets tower-lsp-server's answer only.
                self.notifier.respond(&id, frame);
                Value::Null
            }
        })
    }

    /// Run `f` on a snapshot that has caught up, on a blocking thread, catching panics.
    async fn query<T, F>(&self, key: Option<&str>, what: &'static str, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> T + Send + 'static,
    {
        self.query_in(key, false, what, f).await
    }

    /// Like [`Self::query_in`], also waiting (boundedly) for a pending read of `byline.toml` and
    /// the ledger: for queries that report statuses or record checks.
    async fn query_desk<T, F>(&self, key: Option<&str>, whole_workspace: bool, what: &'static str, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> T + Send + 'static,
    {
        let snap = self.state.snapshot_with(key, whole_workspace, true, CATCH_UP).await;
        Self::run_query(snap, what, f).await
    }

    /// Like [`Self::query`], for queries over the whole workspace: waits (boundedly) for the
    /// initial indexing of the workspace folders as well.
    async fn query_in<T, F>(&self, key: Option<&str>, whole_workspace: bool, what: &'static str, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> T + Send + 'static,
    {
        let snap = self.state.snapshot(key, whole_workspace, CATCH_UP).await;
        Self::run_query(snap, what, f).await
    }

    async fn run_query<T, F>(snap: Arc<Snapshot>, what: &'static str, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> T + Send + 'static,
    {
        match tokio::task::spawn_blocking(move || f(&snap)).await {
            Ok(v) => Ok(v),
            Err(e) => {
                log!("{what} failed: {e}");
                let mut err = Error::internal_error();
                err.message = format!("byline: {what} failed (internal error; see the server log)").into();
                Err(err)
            }
        }
    }

    /// `byline/debug/panic` (only with fault injection on): a query that panics.
    pub async fn injected_panic(&self, _: Value) -> Result<Value> {
        self.query(None, "injected panic", |_| -> Value { panic!("injected panic in a query") }).await
    }

    /// Whether the client takes `documentChanges` in a `WorkspaceEdit` (then edits carry the
    /// document versions they were computed for).
    fn versioned_edits(&self) -> bool {
        self.caps.get().and_then(|c| c.workspace.as_ref()?.workspace_edit.as_ref()?.document_changes) == Some(true)
    }

    /// What a task that talks to the client needs, detached from this handler.
    fn detached(&self) -> Detached {
        Detached {
            client: self.client.clone(),
            state: self.state.clone(),
            caps: self.caps.get().cloned().unwrap_or_default(),
            roots: self.roots.get().cloned().unwrap_or_default(),
        }
    }
}

/// The part of the server that talks to the client from its own task.
struct Detached {
    client: Client,
    state: Handle,
    caps: ClientCapabilities,
    roots: Vec<PathBuf>,
}

impl Detached {
    fn client_supports_configuration(&self) -> bool {
        self.caps.workspace.as_ref().and_then(|w| w.configuration).unwrap_or(false)
    }

    /// Ask the client for the "byline" section (pull model) and forward it.
    async fn pull_settings(&self) {
        if !self.client_supports_configuration() {
            return;
        }
        let item = ConfigurationItem { scope_uri: None, section: Some("byline".into()) };
        let asked = tokio::time::timeout(Duration::from_secs(2), self.client.configuration(vec![item]));
        match asked.await.unwrap_or_else(|_| Err(Error::request_cancelled())) {
            Ok(values) => {
                if let Some(v) = values.into_iter().next().filter(|v| v.is_object()) {
                    self.state.send(ClientEvent::Settings(serde_json::json!({ "byline": v })));
                }
            }
            Err(e) => log!("workspace/configuration failed: {e}"),
        }
    }

    /// A watcher for the `byline.toml` above the first workspace folder that governs it
    /// ([`crate::desk::find::server_root`]), which `**/*.toml` does not reach: for clients that
    /// take relative patterns (the pattern's base is that folder).
    async fn desk_above_watcher(&self) -> Option<FileSystemWatcher> {
        let relative = self
            .caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.relative_pattern_support)
            .unwrap_or(false);
        let folder = self.roots.first().cloned().filter(|_| relative)?;
        let found = folder.clone();
        let root =
            tokio::task::spawn_blocking(move || crate::desk::find::server_root(&found, crate::desk::find::home().as_deref())).await.ok()?;
        if root == folder {
            return None;
        }
        let base_uri = super::snapshot::file_uri(&root)?;
        let pattern = RelativePattern { base_uri: OneOf::Right(base_uri), pattern: crate::desk::FILE_NAME.into() };
        Some(FileSystemWatcher { glob_pattern: GlobPattern::Relative(pattern), kind: None })
    }

    async fn register_file_watchers(&self) {
        let dynamic = self
            .caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let mut watchers = vec![
            FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.{txt,md}".into()), kind: None },
            // The desk's configuration and ledger (the ledger may be placed elsewhere by
            // `[ledger] path`; any TOML file is a candidate, the state task checks).
            FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.toml".into()), kind: None },
        ];
        watchers.extend(self.desk_above_watcher().await);
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "byline-watch-articles".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            log!("could not register file watchers: {e}");
        }
    }
}

/// The local folders of workspace folders: only `file:` URIs are walked; a folder of another
/// scheme (`vscode-vfs:`, `http:` …) is not on this disk, so its documents are known only from
/// what the client sends (`didOpen`).
fn local_folders<'a>(uris: impl IntoIterator<Item = &'a Uri>) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    for uri in uris {
        match file_path_of(uri) {
            Some(p) => roots.push(p),
            None => log!("workspace folder {} is not a local file: URI; it is not indexed from disk", uri.as_str()),
        }
    }
    roots
}

fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
    #[allow(deprecated)]
    match (&params.workspace_folders, &params.root_uri, &params.root_path) {
        (Some(folders), _, _) if !folders.is_empty() => local_folders(folders.iter().map(|f| &f.uri)),
        (_, Some(uri), _) => local_folders([uri]),
        (_, None, Some(p)) => vec![PathBuf::from(p)],
        _ => Vec::new(),
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        let progress = params.capabilities.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false);
        let roots = roots_of(&params);
        let settings = params.initialization_options.clone().unwrap_or(Value::Null);
        // Pull diagnostics: when the client can and the settings ask for them (at initialize).
        let pull = params.capabilities.text_document.as_ref().and_then(|t| t.diagnostic.as_ref()).is_some()
            && super::config::Settings::from_json_over(Default::default(), &settings).0.pull;
        let refresh =
            params.capabilities.workspace.as_ref().and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support) == Some(true);
        let inlay_refresh =
            params.capabilities.workspace.as_ref().and_then(|w| w.inlay_hint.as_ref()).and_then(|h| h.refresh_support) == Some(true);
        let views = super::refresh::ViewsCapable {
            lens: params.capabilities.workspace.as_ref().and_then(|w| w.code_lens.as_ref()).and_then(|c| c.refresh_support) == Some(true),
            tokens: params.capabilities.workspace.as_ref().and_then(|w| w.semantic_tokens.as_ref()).and_then(|t| t.refresh_support)
                == Some(true),
        };
        let prepare_rename =
            params.capabilities.text_document.as_ref().and_then(|t| t.rename.as_ref()).and_then(|r| r.prepare_support) == Some(true);
        let _ = self.caps.set(params.capabilities);
        let _ = self.roots.set(roots.clone());
        self.state.send(ClientEvent::Init { encoding, settings, roots, progress, pull, refresh, inlay_refresh, views });
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(true) }),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
                    legend: tokens::legend(),
                    range: Some(true),
                    full: Some(SemanticTokensFullOptions::Bool(true)),
                    work_done_progress_options: Default::default(),
                })),
                // RenameOptions only for clients that support prepareRename (as the spec says).
                rename_provider: Some(if prepare_rename {
                    OneOf::Right(RenameOptions { prepare_provider: Some(true), work_done_progress_options: Default::default() })
                } else {
                    OneOf::Left(true)
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("byline".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: true,
                        ..Default::default()
                    })
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: actions::COMMANDS.iter().map(|c| c.to_string()).collect(),
                    ..Default::default()
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    // Renamed articles and folders: their checks in the ledger follow them. Every
                    // file and folder, not only the article globs: `files.include` may name others,
                    // and a rename that concerns no check costs one look at the ledger in memory.
                    file_operations: Some(WorkspaceFileOperationsServerCapabilities {
                        did_rename: Some(FileOperationRegistrationOptions {
                            filters: vec![FileOperationFilter {
                                scheme: Some("file".into()),
                                pattern: FileOperationPattern { glob: "**/*".into(), matches: None, options: None },
                            }],
                        }),
                        ..Default::default()
                    }),
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo { name: "byline".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Requests to the client run in their own task: a handler that waits on the client
        // would hold up the server's shutdown if the client never answers.
        let this = self.detached();
        tokio::spawn(async move {
            this.pull_settings().await;
            this.state.send(ClientEvent::Initialized);
            this.register_file_watchers().await;
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        let d = p.text_document;
        self.state.send(ClientEvent::Open { uri: d.uri, version: d.version, language: d.language_id, text: d.text });
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        let d = p.text_document;
        self.state.send(ClientEvent::Change { uri: d.uri, version: d.version, changes: p.content_changes });
    }

    async fn did_save(&self, p: DidSaveTextDocumentParams) {
        self.state.send(ClientEvent::Saved { uri: p.text_document.uri });
    }

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        self.state.send(ClientEvent::Close { uri: p.text_document.uri });
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        self.state.send(ClientEvent::Watched(p.changes));
    }

    async fn did_rename_files(&self, p: RenameFilesParams) {
        let moves: Vec<(Uri, Uri)> =
            p.files.into_iter().filter_map(|f| Some((f.old_uri.parse::<Uri>().ok()?, f.new_uri.parse::<Uri>().ok()?))).collect();
        if moves.is_empty() {
            return;
        }
        // Written on a blocking thread, like the check commands; then the desk is read again.
        match self.query_desk(None, false, "didRenameFiles", move |s| actions::rename_files(s, &moves)).await {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => {
                log!("{n} check{} moved with renamed files", if n == 1 { "" } else { "s" });
                self.state.send(ClientEvent::Reload);
            }
            Ok(Err(why)) => {
                log!("{why}");
                let client = self.client.clone();
                tokio::spawn(async move { client.show_message(MessageType::WARNING, format!("byline: {why}")).await });
            }
            Err(e) => log!("didRenameFiles failed: {}", e.message),
        }
    }

    async fn did_change_workspace_folders(&self, p: DidChangeWorkspaceFoldersParams) {
        let added = local_folders(p.event.added.iter().map(|f| &f.uri));
        let removed = local_folders(p.event.removed.iter().map(|f| &f.uri));
        self.state.send(ClientEvent::Folders { added, removed });
    }

    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        if super::config::Settings::present_in(&p.settings) {
            self.state.send(ClientEvent::Settings(p.settings));
        } else {
            let this = self.detached();
            tokio::spawn(async move { this.pull_settings().await });
        }
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        let key = key_of(&p.text_document_position_params.text_document.uri);
        let pos = p.text_document_position_params.position;
        // Only this document's analysis is waited for: counts and quotes come from whatever
        // the index holds now, never from waiting for the walk or for another document.
        self.query(Some(&key.clone()), "hover", move |s| people::hover(s, &key, pos)).await
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let key = key_of(&p.text_document_position_params.text_document.uri);
        let pos = p.text_document_position_params.position;
        self.query_in(Some(&key.clone()), true, "definition", move |s| people::definition(s, &key, pos).map(GotoDefinitionResponse::Scalar))
            .await
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let key = key_of(&p.text_document_position.text_document.uri);
        let pos = p.text_document_position.position;
        let include = p.context.include_declaration;
        self.query_in(Some(&key.clone()), true, "references", move |s| people::references(s, &key, pos, include)).await
    }

    async fn document_highlight(&self, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let key = key_of(&p.text_document_position_params.text_document.uri);
        let pos = p.text_document_position_params.position;
        self.query(Some(&key.clone()), "documentHighlight", move |s| people::highlights(s, &key, pos)).await
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let key = key_of(&p.text_document.uri);
        self.query(Some(&key.clone()), "documentSymbol", move |s| Some(DocumentSymbolResponse::Nested(people::document_symbols(s, &key))))
            .await
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let key = key_of(&p.text_document.uri);
        let pos = p.position;
        self.query_in(Some(&key.clone()), true, "prepareRename", move |s| rename::prepare(s, &key, pos)).await
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let key = key_of(&p.text_document_position.text_document.uri);
        let pos = p.text_document_position.position;
        let (new_name, versioned) = (p.new_name, self.versioned_edits());
        let done = self.query_in(Some(&key.clone()), true, "rename", move |s| rename::rename(s, &key, pos, &new_name, versioned)).await?;
        match done {
            Ok(edit) => Ok(Some(edit)),
            Err(why) => Err(Error::invalid_params(format!("byline: {why}"))),
        }
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        if p.context.only.as_ref().is_some_and(|only| !only.iter().any(|k| k.as_str().starts_with("quickfix"))) {
            return Ok(None);
        }
        let snippets = actions::Snippets::of(self.caps.get().and_then(|c| c.experimental.as_ref()));
        let key = key_of(&p.text_document.uri);
        let (uri, range, context) = (p.text_document.uri, p.range, p.context.diagnostics);
        let versioned = self.versioned_edits();
        self.query(Some(&key), "codeAction", move |s| {
            let mut actions = actions::code_actions(s, &uri, range, &context, snippets);
            actions.extend(actions::spelling_actions(s, &uri, range, &context, versioned));
            Some(actions)
        })
        .await
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<Value>> {
        let args = p.arguments.into_iter().next().unwrap_or(Value::Null);
        let key = args.get("uri").and_then(Value::as_str).and_then(|u| u.parse::<Uri>().ok()).map(|u| key_of(&u));
        let command = p.command;
        // Recorded on a blocking thread, against a snapshot that has caught up with the document.
        let done = self.query_desk(key.as_deref(), false, "executeCommand", move |s| actions::execute(s, &command, &args)).await?;
        match done {
            Ok(message) => {
                log!("{message}");
                self.state.send(ClientEvent::Reload);
                Ok(Some(Value::String(message)))
            }
            Err(why) => Err(Error::invalid_params(format!("byline: {why}"))),
        }
    }

    async fn diagnostic(&self, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let key = key_of(&p.text_document.uri);
        let previous = p.previous_result_id;
        self.query_desk(Some(&key.clone()), false, "textDocument/diagnostic", move |s| pull::document(s, &key, previous.as_deref())).await
    }

    async fn workspace_diagnostic(&self, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        let previous = p.previous_result_ids;
        self.query_desk(None, true, "workspace/diagnostic", move |s| pull::workspace(s, &previous)).await
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.query_in(None, true, "workspace/symbol", move |s| Some(WorkspaceSymbolResponse::Flat(people::workspace_symbols(s, &p.query))))
            .await
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let key = key_of(&p.text_document.uri);
        let range = p.range;
        self.query(Some(&key.clone()), "inlayHint", move |s| hints::inlay_hints(s, &key, range)).await
    }

    async fn code_lens(&self, p: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let key = key_of(&p.text_document.uri);
        self.query(Some(&key.clone()), "codeLens", move |s| lens::code_lenses(s, &key)).await
    }

    async fn code_lens_resolve(&self, l: CodeLens) -> Result<CodeLens> {
        // Counts over the workspace: waits (boundedly) for the walk, like references.
        self.query_in(None, true, "codeLens/resolve", move |s| lens::resolve(s, l)).await
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        let key = key_of(&p.text_document.uri);
        self.query(Some(&key.clone()), "semanticTokens/full", move |s| tokens::tokens(s, &key, None).map(SemanticTokensResult::Tokens))
            .await
    }

    async fn semantic_tokens_range(&self, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        let key = key_of(&p.text_document.uri);
        let range = p.range;
        self.query(Some(&key.clone()), "semanticTokens/range", move |s| {
            tokens::tokens(s, &key, Some(range)).map(SemanticTokensRangeResult::Tokens)
        })
        .await
    }
}

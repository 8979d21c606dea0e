//! The language server: translates LSP to the analysis core and back.
//!
//! - [`server`] — the `LanguageServer` implementation (translation only)
//! - [`state`] — the single owner of mutable state (documents, index, settings)
//! - [`reorder`] — putting `didChange` back in version order
//! - [`documents`] — applying incremental edits to a rope
//! - [`positions`] — byte offsets <-> LSP positions (UTF-16 or UTF-8), O(log n)
//! - [`snapshot`] — each document as stored once, and the immutable views queries read
//! - [`analysis`] — analysing a text or a file on disk, a panic caught (for the state task and the loader)
//! - [`loader`] — walking and analysing the workspace folders, reported as messages
//! - [`progress`] — the workspace walk's `$/progress`, sent in order with everything else
//! - [`people`] — hover, definition, references, symbols, highlights
//! - [`listing_warm`] — the people listing workspace symbols search, built once the index settles
//! - [`hints`] — inlay hints: who is speaking after each quotation and pronoun
//! - [`lens`] — code lenses: mention and file counts on each person's first mention
//! - [`tokens`] — semantic tokens for people's names
//! - [`wire`] — big answers (references) written straight to JSON, whole or as partial results
//! - [`diagnostics`] — findings -> diagnostics
//! - [`pull`] — pull diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`)
//! - [`actions`] — code actions and the commands that record checks and edit `byline.toml`
//! - [`config`] — settings
//! - [`workspace`] — the workspace's `byline.toml` and check ledger

/// A line on stderr, which clients show as the server's log. Defined before the modules, so
/// that each of them can use it.
macro_rules! log {
    ($($t:tt)*) => { eprintln!("byline: {}", format_args!($($t)*)) };
}

pub mod actions;
pub mod analysis;
pub mod config;
pub mod diagnostics;
pub mod documents;
pub mod hints;
pub mod hover_roles;
pub mod lens;
pub mod listing_warm;
pub mod loader;
pub mod people;
pub mod positions;
pub mod progress;
pub mod pull;
pub mod refresh;
pub mod rename;
pub mod reorder;
pub mod server;
pub mod snapshot;
pub mod state;
pub mod tokens;
pub mod transport;
pub mod wire;
pub mod workspace;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tower_lsp_server::{LspService, Server};

/// Requests (and notifications) tower-lsp-server handles at once.
const CONCURRENCY: usize = 32;

#[derive(clap::Args)]
pub struct LspArgs {
    /// Accepted for compatibility with clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: LspArgs) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("byline lsp: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    runtime.block_on(async move {
        let (input, output, writer, notifier) = transport::guard(tokio::io::stdin(), transport::stdout());
        let mut builder = LspService::build(move |client| server::Server::new(client, flag, notifier))
            .custom_method(transport::REFERENCES, server::Server::routed_references);
        if crate::faults::enabled() {
            builder = builder.custom_method(crate::faults::PANIC_METHOD, server::Server::injected_panic);
        }
        let (service, socket) = builder.finish();
        // More requests in flight than tower-lsp-server's default of 4: a few queries that wait
        // (boundedly) for the workspace walk must not hold up a hover behind them.
        Server::new(input, output, socket).concurrency_level(CONCURRENCY).serve(service).await;
        // Flush what the server wrote before it stopped.
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), writer).await;
    });
    // Do not wait for background work (indexing, analyses) once the client has gone.
    runtime.shutdown_background();
    // The spec: exit code 0 after shutdown, 1 when `exit` (or EOF) came without it.
    if shut_down.load(Ordering::SeqCst) { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

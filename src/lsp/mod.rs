//! The language server: translates LSP to the analysis core and back.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LspArgs {
    /// Accepted for compatibility with clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: LspArgs) -> ExitCode {
    eprintln!("byline lsp: not implemented yet");
    ExitCode::from(2)
}

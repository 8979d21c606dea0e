//! The `byline` command: `byline lsp` (language server on stdio), `byline check` (CI checker),
//! `byline people` (the people index as a table), `byline ledger` (the check ledger) and
//! `byline report` (the state of checking as HTML, Markdown, CSV, JSON or ClaimReview).

mod cache;
mod cli;
mod desk;
mod faults;
mod files;
mod ledger;
mod lsp;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "byline", version, about = "Find unsourced claims and the people in news articles")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout.
    Lsp(lsp::LspArgs),
    /// Check articles for claims that need a source.
    Check(cli::check::CheckArgs),
    /// List the people named in articles.
    People(cli::people::PeopleArgs),
    /// Review the check ledger (stale and orphan checks), or record a check (`ledger mark`).
    Ledger(cli::ledger::LedgerArgs),
    /// The state of checking as a report: HTML (the articles with every finding highlighted),
    /// Markdown, CSV, JSON, or ClaimReview JSON-LD.
    Report(cli::report::ReportArgs),
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match args.command {
        Command::Lsp(a) => lsp::run(a),
        Command::Check(a) => cli::check::run(a),
        Command::People(a) => cli::people::run(a),
        Command::Ledger(a) => cli::ledger::run(a),
        Command::Report(a) => cli::report::run(a),
    }
}

//! `byline people [PATHS...]`: the people index as a table or JSON.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct PeopleArgs {
    /// Files or folders to index (default: the current folder).
    pub paths: Vec<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: super::check::OutputFormat,
}

pub fn run(_args: PeopleArgs) -> ExitCode {
    eprintln!("byline people: not implemented yet");
    ExitCode::from(2)
}

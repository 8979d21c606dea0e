//! `byline check [PATHS...]`: findings printed the way compilers print them.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the current folder).
    pub paths: Vec<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

pub fn run(_args: CheckArgs) -> ExitCode {
    eprintln!("byline check: not implemented yet");
    ExitCode::from(2)
}

//! The `clerk` binary: parses arguments, runs the command, returns the exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = clerk::cli::Cli::parse();
    clerk::commands::dispatch(cli)
}

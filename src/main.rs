//! The `clerk` binary: parses arguments, runs the command, returns the exit code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: clerk::alloc::Allocator = clerk::alloc::Allocator;

fn main() -> ExitCode {
    clerk::alloc::configure();
    let cli = clerk::cli::Cli::parse();
    let code = clerk::commands::dispatch(cli);
    clerk::alloc::keep_freed_memory();
    code
}

//! The commands behind the CLI: run the library, print what happened, choose the exit code
//! (0 all good, 1 a paper has errors, 2 usage or house-style error).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{CheckArgs, Cli, Command, FolderArgs, MessageFormat};
use crate::diag::Diagnostic;
use crate::pipeline::{self, BuildOptions};
use crate::project::Project;
use crate::report::{
    EXIT_PAPER_ERRORS, EXIT_USAGE, plural, print_as, print_human, print_report_diagnostics,
};
use crate::scaffold;

/// Runs the parsed command line and returns the process exit code.
pub fn dispatch(cli: Cli) -> ExitCode {
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let code = match cli.command {
        Command::Build(args) => {
            let opts = BuildOptions {
                formats: args.format.clone(),
                paths: Vec::new(),
                draft_by_default: false,
            };
            run_build(&root, &args.folders, &opts, args.quiet, color)
        }
        Command::Check(args) => run_check(&root, &args, color),
        Command::Serve(args) => match open(&root, &args.folders, color) {
            Ok(project) => crate::serve::run(project, &args),
            Err(code) => code,
        },
        Command::New(args) if args.meeting_file => {
            report_simple(scaffold::new_meeting(&root, &args), color)
        }
        Command::New(args) => report_simple(scaffold::new_paper(&root, &args), color),
        Command::Init(args) => {
            let dir = args.dir.clone().unwrap_or_else(|| root.clone());
            report_simple(scaffold::init(&dir, args.templates), color)
        }
    };
    ExitCode::from(code)
}

fn open(root: &Path, folders: &FolderArgs, color: bool) -> Result<Project, u8> {
    Project::open(root, folders.papers.as_deref(), folders.out.as_deref()).map_err(|diags| {
        print_human(&diags, color);
        EXIT_USAGE
    })
}

fn run_build(
    root: &Path,
    folders: &FolderArgs,
    opts: &BuildOptions,
    quiet: bool,
    color: bool,
) -> u8 {
    let started = Instant::now();
    let project = match open(root, folders, color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let report = match pipeline::run(&project, opts) {
        Ok(r) => r,
        Err(diags) => {
            print_human(&diags, color);
            return EXIT_USAGE;
        }
    };
    print_report_diagnostics(&report, color);
    let mut out = std::io::stdout().lock();
    let (mut ok, mut warned, mut failed) = (0, 0, 0);
    for p in &report.papers {
        let (label, note) = match (p.errors(), p.warnings()) {
            (0, 0) => {
                ok += 1;
                ("ok", String::new())
            }
            (0, w) => {
                warned += 1;
                ("warnings", format!(" ({})", plural(w, "warning")))
            }
            (e, _) => {
                failed += 1;
                let kept = if p.outputs.is_empty() {
                    ""
                } else {
                    "; previous output kept"
                };
                ("failed", format!(" ({}{kept})", plural(e, "error")))
            }
        };
        if !quiet || p.errors() > 0 {
            let _ = writeln!(out, "  {label:<9} {}{note}", p.source.display.display());
        }
    }
    let ms = started.elapsed().as_millis();
    let _ = writeln!(
        out,
        "Built {} in {ms} ms: {ok} ok, {warned} with warnings, {failed} failed. Output in {}",
        plural(report.papers.len(), "paper"),
        crate::project::walk::relative(&project.root, &project.out_dir).display()
    );
    if report.has_errors() {
        EXIT_PAPER_ERRORS
    } else {
        0
    }
}

fn run_check(root: &Path, args: &CheckArgs, color: bool) -> u8 {
    let folders = &args.folders;
    let project = match Project::open(root, folders.papers.as_deref(), folders.out.as_deref()) {
        Ok(p) => p,
        Err(diags) => {
            print_as(&diags, args.format, color);
            return EXIT_USAGE;
        }
    };
    let opts = BuildOptions {
        formats: Vec::new(),
        paths: args.paths.clone(),
        draft_by_default: false,
    };
    let report = match pipeline::run(&project, &opts) {
        Ok(r) => r,
        Err(diags) => {
            print_as(&diags, args.format, color);
            return EXIT_USAGE;
        }
    };
    let all: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .chain(report.papers.iter().flat_map(|p| &p.diagnostics))
        .collect();
    match args.format {
        MessageFormat::Json => print_as(
            &all.into_iter().cloned().collect::<Vec<_>>(),
            args.format,
            color,
        ),
        MessageFormat::Human => {
            print_report_diagnostics(&report, color);
            let errors = all.iter().filter(|d| d.is_error()).count();
            println!(
                "Checked {}: {}, {}.",
                plural(report.papers.len(), "paper"),
                plural(errors, "error"),
                plural(all.len() - errors, "warning")
            );
        }
    }
    if report.has_errors() {
        EXIT_PAPER_ERRORS
    } else {
        0
    }
}

fn report_simple(result: Result<Vec<String>, Vec<Diagnostic>>, color: bool) -> u8 {
    match result {
        Ok(lines) => {
            for l in lines {
                println!("{l}");
            }
            0
        }
        Err(diags) => {
            print_human(&diags, color);
            EXIT_USAGE
        }
    }
}

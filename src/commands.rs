//! The commands behind the CLI: run the library, print what happened, choose the exit code
//! (0 all good, 1 a paper has errors, 2 usage or house-style error).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{CheckArgs, Cli, Command, FolderArgs, MessageFormat, NewArgs, ServeArgs};
use crate::diag::{Diagnostic, Sources};
use crate::pipeline::{self, BuildOptions};
use crate::progress::BuildProgress;
use crate::project::{Folders, Project};
use crate::report::{
    EXIT_PAPER_ERRORS, EXIT_USAGE, besides_papers, built_what, outputs_note, plural, print_as,
    print_human, print_report_diagnostics,
};
use crate::scaffold::{self, NewMeeting, NewPaper};
use crate::serve::ServeOptions;

mod import;

/// Runs the parsed command line and returns the process exit code.
pub fn dispatch(cli: Cli) -> ExitCode {
    let here = PathBuf::from(".");
    // Like cargo: from anywhere inside a project, its root; `init` starts one where it is.
    let root = match (&cli.root, &cli.command) {
        (Some(root), _) => root.clone(),
        (None, Command::Init(_)) => here,
        (None, _) => crate::project::find_root(&here),
    };
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let code = match cli.command {
        Command::Build(args) if args.watch => {
            eprintln!(
                "error: `clerk build` has no `--watch`\n  = help: `clerk serve` rebuilds on every \
                 save and reloads the page in the browser; `clerk serve --write` keeps the \
                 output folder up to date as well"
            );
            2
        }
        Command::Build(args) => {
            let opts = BuildOptions {
                formats: args.format.clone(),
                paths: Vec::new(),
                draft_by_default: false,
                force: args.force,
            };
            let progress = BuildProgress::new(std::io::stderr().is_terminal(), args.quiet, color);
            run_build(
                &root,
                &args.folders,
                &opts,
                args.quiet,
                args.timings,
                color,
                &progress,
            )
        }
        Command::Check(args) => run_check(&root, &args, color),
        Command::Serve(args) => match open(&root, &args.folders, &mut Sources::default(), color) {
            Ok(project) => crate::serve::run(project, &ServeOptions::from(&args)),
            Err(code) => code,
        },
        Command::New(args) if args.meeting_file => {
            let meeting = NewMeeting {
                meeting: args.meeting,
                date: args.date,
                dir: args.dir,
            };
            let mut sources = Sources::default();
            let made = scaffold::new_meeting(&root, &meeting, &mut sources);
            report_simple(made, &sources, color)
        }
        Command::New(args) => {
            let mut sources = Sources::default();
            let made = scaffold::new_paper(&root, &NewPaper::from(args), &mut sources);
            report_simple(made, &sources, color)
        }
        Command::Init(args) => {
            let made = scaffold::init_folder(args.dir.as_deref(), cli.root.as_deref())
                .and_then(|dir| scaffold::init(&dir, args.templates));
            report_simple(made, &Sources::default(), color)
        }
        Command::Import(args) => import::run_import(&root, &args, color),
    };
    ExitCode::from(code)
}

impl From<&FolderArgs> for Folders {
    fn from(args: &FolderArgs) -> Folders {
        Folders {
            papers: args.papers.clone(),
            out: args.out.clone(),
        }
    }
}

impl From<&ServeArgs> for ServeOptions {
    fn from(args: &ServeArgs) -> ServeOptions {
        ServeOptions {
            folders: Folders::from(&args.folders),
            addr: std::net::SocketAddr::new(args.host, args.port),
            open: args.open,
            write: args.write,
        }
    }
}

impl From<NewArgs> for NewPaper {
    fn from(args: NewArgs) -> NewPaper {
        NewPaper {
            title: args.title.unwrap_or_default(),
            meeting: args.meeting,
            date: args.date,
            dir: args.dir,
            presented_by: args.presented_by,
            agenda_item: args.agenda_item,
        }
    }
}

fn open(
    root: &Path,
    folders: &FolderArgs,
    sources: &mut Sources,
    color: bool,
) -> Result<Project, u8> {
    open_project(root, folders, sources).map_err(|diags| {
        print_human(&diags, sources, color);
        EXIT_USAGE
    })
}

/// Opens the project; folders given on the command line are where the user stands, as any
/// path a user types is, not under the root.
fn open_project(
    root: &Path,
    folders: &FolderArgs,
    sources: &mut Sources,
) -> Result<Project, Vec<Diagnostic>> {
    let from_here = |p: &Option<PathBuf>| {
        p.as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let (papers, out) = (from_here(&folders.papers), from_here(&folders.out));
    Project::open(root, papers.as_deref(), out.as_deref(), sources)
}

fn run_build(
    root: &Path,
    folders: &FolderArgs,
    opts: &BuildOptions,
    quiet: bool,
    timings: bool,
    color: bool,
    progress: &BuildProgress,
) -> u8 {
    let started = Instant::now();
    let mut sources = Sources::default();
    let project = match open(root, folders, &mut sources, color) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let run = pipeline::run_with_progress(&project, opts, &mut sources, progress);
    progress.finish();
    let report = match run {
        Ok(r) => r,
        Err(diags) => {
            print_human(&diags, &sources, color);
            return EXIT_USAGE;
        }
    };
    // Papers whose diagnostics were printed above the bar as they were done are not repeated.
    print_human(&report.diagnostics, &sources, color);
    for p in report
        .papers
        .iter()
        .filter(|p| !progress.printed(&p.source))
    {
        print_human(&p.diagnostics, &p.sources, color);
    }
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
                let kept = if p.is_stale() {
                    "; previous output kept"
                } else {
                    ""
                };
                ("failed", format!(" ({}{kept})", plural(e, "error")))
            }
        };
        // Built into out/private/: said, so that a withheld paper is not taken for public.
        let private = crate::meeting::file::is_private(&report.private, &p.source.rel);
        let where_ = if private && p.errors() == 0 {
            " (private)"
        } else {
            ""
        };
        if !quiet || p.errors() > 0 {
            let _ = writeln!(
                out,
                "  {label:<9} {}{note}{where_}",
                p.source.display.display()
            );
        }
    }
    let ms = started.elapsed().as_millis();
    let shown_out = crate::project::walk::relative(&project.root, &project.out_dir);
    let _ = writeln!(
        out,
        "Built {} in {ms} ms: {ok} ok, {warned} with warnings, {failed} failed{}. Output in {}",
        built_what(&report, &opts.formats),
        besides_papers(&report.diagnostics),
        shown_out.display()
    );
    let _ = write!(out, "{}", outputs_note(&report, &shown_out));
    if timings {
        let _ = write!(
            out,
            "{}",
            crate::output::timings::report(&report.times, &report.papers)
        );
    }
    let code = if report.has_errors() {
        EXIT_PAPER_ERRORS
    } else {
        0
    };
    // The process ends here: freeing an archive's report (tens of thousands of strings,
    // ~20 ms for 10,000 papers) would only delay the exit, so it is left to the OS, as
    // rustc does with its own large structures.
    std::mem::forget(report);
    code
}

fn run_check(root: &Path, args: &CheckArgs, color: bool) -> u8 {
    let mut sources = Sources::default();
    let project = match open_project(root, &args.folders, &mut sources) {
        Ok(p) => p,
        Err(diags) => {
            print_as(&diags, &sources, args.format, color);
            return EXIT_USAGE;
        }
    };
    // The logo and fonts a build would read: refused here as the build would refuse them.
    let house_files = crate::render::check_house_files(&project.root, &project.house);
    if !house_files.is_empty() {
        print_as(&house_files, &sources, args.format, color);
        return EXIT_USAGE;
    }
    let opts = BuildOptions {
        formats: Vec::new(),
        paths: args.paths.clone(),
        draft_by_default: false,
        force: false,
    };
    let report = match pipeline::run(&project, &opts, &mut sources) {
        Ok(r) => r,
        Err(diags) => {
            print_as(&diags, &sources, args.format, color);
            return EXIT_USAGE;
        }
    };
    let all: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .chain(report.papers.iter().flat_map(|p| &p.diagnostics))
        .collect();
    print_report_diagnostics(&report, &sources, args.format, color);
    match args.format {
        MessageFormat::Json => {}
        MessageFormat::Human => {
            let record = crate::output::record::Record::read(&project.out_dir);
            let shown_out = crate::project::walk::relative(&project.root, &project.out_dir);
            for p in report.papers.iter().filter(|p| p.errors() > 0) {
                let kept = record.written(&project.out_dir, &p.source.display, |_| true);
                if !kept.is_empty() {
                    println!(
                        "stale: {} fails, so {} in {} stay from its last good build (listed as stale until it builds again)",
                        p.source.display.display(),
                        kept.iter()
                            .map(|o| o.path.as_str())
                            .collect::<Vec<_>>()
                            .join(" and "),
                        shown_out.display()
                    );
                }
            }
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

fn report_simple(
    result: Result<Vec<String>, Vec<Diagnostic>>,
    sources: &Sources,
    color: bool,
) -> u8 {
    match result {
        Ok(lines) => {
            for l in lines {
                println!("{l}");
            }
            0
        }
        Err(diags) => {
            print_human(&diags, sources, color);
            EXIT_USAGE
        }
    }
}

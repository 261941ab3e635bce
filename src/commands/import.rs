//! `clerk import`: each Word document named, or found in the folders named, brought in
//! and checked, with a line for each and a summary for several.

use std::path::Path;

use crate::cli::ImportArgs;
use crate::diag::Sources;
use crate::import::command::ImportOptions;
use crate::project::Project;
use crate::report::{EXIT_PAPER_ERRORS, EXIT_USAGE, plural, print_human};

/// Runs the command over every document it names (or finds in the folders it names) and
/// returns its exit code: the worst of the documents'.
pub(super) fn run_import(root: &Path, args: &ImportArgs, color: bool) -> u8 {
    let mut sources = Sources::default();
    let project = match Project::open(root, None, None, &mut sources) {
        Ok(p) => p,
        Err(diags) => {
            print_human(&diags, &sources, color);
            return EXIT_USAGE;
        }
    };
    let base = match &args.to {
        Some(d) => std::path::absolute(d).unwrap_or_else(|_| d.clone()),
        None => project.papers_dir.clone(),
    };
    let (jobs, listed) = crate::import::batch::plan(
        (&project.root, &args.docx),
        &base,
        (args.dry_run, args.force),
    );
    print_human(&listed, &Sources::default(), color);
    let refused = listed.iter().filter(|d| d.is_error()).count();
    let mut code = if refused > 0 { EXIT_USAGE } else { 0 };
    // Imported without errors, imported with errors, not imported.
    let mut tally = [0usize, 0, refused];
    for job in &jobs {
        let (one, imported) = import_one(&project, job, color);
        tally[match (imported, one) {
            (true, 0) => 0,
            (true, _) => 1,
            (false, _) => 2,
        }] += 1;
        code = code.max(one);
    }
    if jobs.len() + refused > 1 {
        let [clean, flawed, not] = tally;
        let done = clean + flawed;
        let of = if not > 0 {
            format!("{done} of {}", plural(done + not, "Word document"))
        } else {
            plural(done, "Word document")
        };
        let verb = if args.dry_run {
            "Would import"
        } else {
            "Imported"
        };
        let not = if not > 0 {
            format!("; {not} not imported")
        } else {
            String::new()
        };
        eprintln!(
            "{verb} {of} into {}: {clean} without errors, {flawed} with errors{not}.",
            crate::project::walk::relative(&project.root, &base).display()
        );
    }
    code
}

/// Imports one document, printing its diagnostics and a line saying what became of it;
/// returns its exit code and whether it was imported (or would be, in a dry run).
fn import_one(project: &Project, args: &ImportOptions, color: bool) -> (u8, bool) {
    let sources = Sources::default();
    match crate::import::command::import(project, args) {
        Ok(report) => {
            print_human(&report.diagnostics, &report.sources, color);
            if args.dry_run {
                // With appendix files, each file under a line naming it, as `head` does.
                let files = &report.imported.appendices;
                if !files.is_empty() {
                    let name = report.paper.file_name().unwrap_or_default();
                    println!("==> {} <==", name.to_string_lossy());
                }
                print!("{}", report.imported.markdown);
                for (name, text) in files {
                    print!("\n==> {name} <==\n{text}");
                }
            }
            let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
            let shown = crate::project::walk::relative(&project.root, &report.paper);
            let verb = if args.dry_run {
                "Would import"
            } else {
                "Imported"
            };
            let images = match report.imported.images.len() {
                0 => String::new(),
                n => format!(" and {}", plural(n, "image")),
            };
            eprintln!(
                "{verb} {} as {}{images}: {}, {}.",
                args.docx.display(),
                shown.display(),
                plural(errors, "error"),
                plural(report.diagnostics.len() - errors, "warning")
            );
            (if errors > 0 { EXIT_PAPER_ERRORS } else { 0 }, true)
        }
        Err(diags) => {
            print_human(&diags, &sources, color);
            let usage = diags
                .iter()
                .any(|d| d.code == "exists" || d.code == "usage");
            (if usage { EXIT_USAGE } else { EXIT_PAPER_ERRORS }, false)
        }
    }
}

//! The command line: one args struct per subcommand, typed values, shared flags flattened.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::render::OutputFormat;
pub use crate::report::MessageFormat;

/// clerk turns committee papers (YAML metadata + Markdown) into numbered HTML and PDF.
#[derive(Debug, Parser)]
#[command(name = "clerk", version, about, long_about = None)]
pub struct Cli {
    /// The project folder (holds clerk.yaml and papers/). Default: the nearest folder at or
    /// above the current one that holds clerk.yaml (else papers/), as cargo finds
    /// Cargo.toml; for `init`, the folder to make the project in.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check and build every paper into the output folder (default: out/).
    Build(BuildArgs),
    /// Check papers and print every problem, writing nothing.
    Check(CheckArgs),
    /// Preview papers in a browser: built in memory, rebuilt and reloaded on every save.
    Serve(ServeArgs),
    /// Write a new paper, ready to edit, with every required key (or, with
    /// `--meeting-file`, a meeting file listing the meeting's papers as its agenda).
    New(NewArgs),
    /// Make a new project: clerk.yaml, papers/ with an example paper.
    Init(InitArgs),
    /// Bring a Word committee paper (.docx) into clerk, checked.
    Import(ImportArgs),
}

/// Folders shared by the commands that read papers.
#[derive(Debug, Args, Clone, Default)]
pub struct FolderArgs {
    /// The papers folder (default: `papers_dir` in clerk.yaml, else papers/).
    #[arg(long, value_name = "DIR")]
    pub papers: Option<PathBuf>,
    /// The output folder (default: `output_dir` in clerk.yaml, else out/).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `clerk build`
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Folders.
    #[command(flatten)]
    pub folders: FolderArgs,
    /// Output formats, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "html,pdf")]
    pub format: Vec<OutputFormat>,
    /// Print only problems and the summary, not a line per paper.
    #[arg(long, short)]
    pub quiet: bool,
    /// Build every paper again, even those whose inputs and outputs are unchanged.
    #[arg(long)]
    pub force: bool,
    /// After the summary, print the time spent per stage and the five slowest papers.
    #[arg(long)]
    pub timings: bool,
    /// Not an option of `build`: taken only to point at `clerk serve`, which watches.
    #[arg(long, hide = true)]
    pub watch: bool,
}

/// `clerk check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Papers, folders or meeting files to check (default: all papers); a meeting file is
    /// checked with every paper of its meeting.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folders.
    #[command(flatten)]
    pub folders: FolderArgs,
    /// How to print diagnostics: for people, or one JSON object per line for editors and CI.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub format: MessageFormat,
}

/// `clerk serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Folders.
    #[command(flatten)]
    pub folders: FolderArgs,
    /// Port to listen on (0 picks a free one; the address is printed).
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// Address to listen on (`localhost` is 127.0.0.1). Anything but a loopback address
    /// shows the papers to the network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_parser = host)]
    pub host: IpAddr,
    /// Open the index in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Also write the previewed pages, index and manifest to the output folder.
    #[arg(long)]
    pub write: bool,
}

/// `clerk new`
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Title of the paper (not needed with `--meeting-file`).
    #[arg(required_unless_present = "meeting_file")]
    pub title: Option<String>,
    /// Write a meeting file (`meetings/DATE-COMMITTEE.yaml`) for `--meeting` and `--date`
    /// instead of a paper, its agenda started from the papers already written for it.
    #[arg(long, conflicts_with_all = ["presented_by", "agenda_item"])]
    pub meeting_file: bool,
    /// Committee name.
    #[arg(long)]
    pub meeting: String,
    /// Meeting date, YYYY-MM-DD.
    #[arg(long)]
    pub date: String,
    /// Folder to write the paper in (default: the papers folder).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Presenter's name and role.
    #[arg(long, value_name = "NAME")]
    pub presented_by: Option<String>,
    /// Agenda item, e.g. 4.2.
    #[arg(long, value_name = "ITEM")]
    pub agenda_item: Option<String>,
}

/// `clerk init`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder for the new project (default: the current folder).
    pub dir: Option<PathBuf>,
    /// Also copy the default templates into templates/ to edit.
    #[arg(long)]
    pub templates: bool,
}

/// `clerk import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Word documents (.docx), or folders of them: every .docx under a folder is
    /// imported, into the same sub-folder of the papers folder (or of `--to`).
    #[arg(value_name = "PAPER.docx", required = true)]
    pub docx: Vec<PathBuf>,
    /// Folder to write the paper in (default: the papers folder).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Print the paper instead of writing it (the checks still run).
    #[arg(long)]
    pub dry_run: bool,
    /// Replace a paper (and its images folder) of the same name.
    #[arg(long)]
    pub force: bool,
}

/// `--host`: an IP address, or `localhost` for 127.0.0.1 (no other name is looked up, so
/// the preview never listens somewhere a name server chose).
fn host(value: &str) -> Result<IpAddr, String> {
    if value.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    value.parse().map_err(|_| {
        format!("`{value}` is not an IP address: give one such as 127.0.0.1 (this machine only) or 0.0.0.0 (every network)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    /// The help says what clerk does: it walks up to the project, not only the current folder.
    #[test]
    fn root_help_says_clerk_walks_up_to_the_project() {
        let help = Cli::command().render_help().to_string();
        assert!(!help.contains("Default: the current folder"), "{help}");
        assert!(
            help.contains("nearest folder at or above the current one"),
            "{help}"
        );
    }

    #[test]
    fn parses_check_json() {
        let cli =
            Cli::try_parse_from(["clerk", "check", "papers/a.md", "--format", "json"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!()
        };
        assert_eq!(args.format, MessageFormat::Json);
        assert_eq!(args.paths, [PathBuf::from("papers/a.md")]);
    }

    #[test]
    fn serve_defaults_to_loopback_port_4000() {
        let cli = Cli::try_parse_from(["clerk", "serve"]).unwrap();
        let Command::Serve(args) = cli.command else {
            panic!()
        };
        assert_eq!(args.port, 4000);
        assert!(args.host.is_loopback());
        assert!(!args.open && !args.write);
        let cli = Cli::try_parse_from(["clerk", "serve", "--host", "::1", "--port", "0"]).unwrap();
        let Command::Serve(args) = cli.command else {
            panic!()
        };
        assert_eq!((args.host.to_string(), args.port), ("::1".to_string(), 0));
        let Command::Serve(args) = Cli::try_parse_from(["clerk", "serve", "--host", "localhost"])
            .unwrap()
            .command
        else {
            panic!("serve");
        };
        assert_eq!(args.host, IpAddr::V4(Ipv4Addr::LOCALHOST));
        let err = Cli::try_parse_from(["clerk", "serve", "--host", "example.org"]).unwrap_err();
        assert!(err.to_string().contains("is not an IP address"), "{err}");
    }
}

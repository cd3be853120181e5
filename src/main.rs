//! The `claimcheck` binary: argument parsing, file output and printing. Every stage lives in the
//! library; this file only wires them to the terminal and the output folder.
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use claimcheck::check::RuleSet;
use claimcheck::model::Verdict;
use claimcheck::{report, Batch};

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Finds numbers in articles that contradict each other"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every numeric claim from the articles and check them against each other.
    Check(CheckArgs),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Article files or folders (folders are walked recursively, in sorted order).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Folder for claims.csv and findings.csv (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Extra folder of rule files; may be repeated.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the default rules folder (`rules/` in the current directory).
    #[arg(long)]
    no_default_rules: bool,
    /// Print only input errors: no diagnostics, no summary.
    #[arg(long, short)]
    quiet: bool,
}

/// Exit status, keeping "contradictions found" apart from "the tool could not run"
/// (as ruff does): 0 success, 1 contradictions found, 2 run failure.
enum ExitStatus {
    Success,
    Failure,
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::from(0),
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    // clap exits with 2 on a usage error and 0 for --help / --version.
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(&args).into(),
    }
}

/// Load the rule files of `dirs`. A folder that cannot be read fails the run (exit 2); a
/// malformed rule file is reported with a diagnostic pointing into it, and the other rules
/// still run.
fn load_rules(dirs: &[PathBuf]) -> Result<RuleSet, Vec<String>> {
    let errors: Vec<String> = dirs
        .iter()
        .filter_map(|d| {
            std::fs::read_dir(d)
                .err()
                .map(|e| format!("{}: cannot read rules folder: {e}", d.display()))
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let (rules, rule_errors) = claimcheck::check::load_rules(dirs);
    for e in rule_errors {
        eprintln!("{:?}", miette::Report::new(e));
    }
    Ok(rules)
}

fn run_check(args: &CheckArgs) -> ExitStatus {
    // Default rules: a `rules/` folder in the working directory (so a user can tune them),
    // else the rule files compiled into the binary. `--rules DIR` adds or overrides by id.
    let mut rules = RuleSet::default();
    let mut rule_dirs = Vec::new();
    let default_rules = Path::new("rules");
    if !args.no_default_rules {
        if default_rules.is_dir() {
            rule_dirs.push(default_rules.to_path_buf());
        } else {
            let (embedded, errors) = RuleSet::embedded();
            for e in errors {
                eprintln!("{:?}", miette::Report::new(e));
            }
            rules = embedded;
        }
    }
    rule_dirs.extend(args.rules.iter().cloned());
    let rules = match load_rules(&rule_dirs) {
        Ok(loaded) => {
            rules.extend(loaded);
            rules
        }
        Err(errors) => {
            for e in errors {
                eprintln!("claimcheck: error: {e}");
            }
            return ExitStatus::Error;
        }
    };
    // Create the output folder before the run, so a bad --out fails fast.
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!(
            "claimcheck: error: {}: cannot create output folder: {e}",
            args.out.display()
        );
        return ExitStatus::Error;
    }

    let batch = claimcheck::run_paths(&args.paths, &rules);
    // A file that cannot be read is named and skipped; the rest of the batch still runs.
    for e in &batch.errors {
        eprintln!("claimcheck: error: {e}");
    }

    if let Err(e) = write_outputs(&batch, &args.out) {
        eprintln!("claimcheck: error: {e}");
        return ExitStatus::Error;
    }
    if batch.docs.is_empty() {
        eprintln!("claimcheck: error: no readable input documents");
        return ExitStatus::Error;
    }

    let contradictions = batch
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradiction)
        .count();
    if !args.quiet {
        for diagnostic in report::render_diagnostics(&batch) {
            eprintln!("{diagnostic:?}");
        }
        let summary = format!(
            "{} documents, {} claims, {} findings, {} contradictions, {} input errors; wrote {}",
            batch.docs.len(),
            batch.claims.len(),
            batch.findings.len(),
            contradictions,
            batch.errors.len(),
            args.out.display(),
        );
        // A closed stdout (e.g. piped into `head`) is not a failure of the run.
        let _ = writeln!(io::stdout(), "{summary}");
    }
    if contradictions > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

fn write_outputs(batch: &Batch, out: &Path) -> Result<(), String> {
    let write = |name: &str, f: &dyn Fn(&mut BufWriter<File>) -> csv::Result<()>| {
        let path = out.join(name);
        let file =
            File::create(&path).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        let mut w = BufWriter::new(file);
        f(&mut w)
            .map_err(|e| e.to_string())
            .and_then(|()| w.flush().map_err(|e| e.to_string()))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    write("claims.csv", &|w| report::write_claims_csv(batch, w))?;
    write("findings.csv", &|w| report::write_findings_csv(batch, w))?;
    Ok(())
}

//! The `laclasse-sim` command. Messages are in French; the exit status is 0 on success, 2 on
//! a usage error or an invalid scenario (messages on standard error, nothing on standard
//! output). [`args`] parses the command line, `run` carries it out.

use std::ffi::OsString;
use std::io::{Read, Write};

pub mod args;
mod run;

pub use args::USAGE;

/// What the command printed and its exit status.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The exit status: 0 on success, 2 on a usage error or an invalid scenario.
    pub status: i32,
    /// What goes to standard output.
    pub stdout: String,
    /// What goes to standard error.
    pub stderr: String,
}

impl Outcome {
    fn ok(stdout: String) -> Outcome {
        Outcome {
            status: 0,
            stdout,
            stderr: String::new(),
        }
    }

    fn fail(stderr: String) -> Outcome {
        Outcome {
            status: 2,
            stdout: String::new(),
            stderr,
        }
    }
}

/// Runs the command on `args` (without the program name) and `stdin`.
pub fn run(args: Vec<OsString>, stdin: &mut dyn Read) -> Outcome {
    let mut outcome = run::run_command(args, stdin);
    // Nothing reaches the terminal but plain text: no escape, no reversed line.
    for text in [&mut outcome.stdout, &mut outcome.stderr] {
        if let std::borrow::Cow::Owned(safe) = crate::engine::text::document_safe(text) {
            *text = safe;
        }
    }
    outcome
}

/// Today from the system clock (UTC), to date a calendar file.
fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// Why a file could not be read or written, in French (the system's own message is English).
fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "fichier introuvable".into(),
        ErrorKind::PermissionDenied => "accès refusé".into(),
        ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".into(),
        ErrorKind::NotADirectory => "un élément du chemin n'est pas un dossier".into(),
        ErrorKind::StorageFull => "le disque est plein".into(),
        ErrorKind::ReadOnlyFilesystem => "le disque est en lecture seule".into(),
        ErrorKind::InvalidFilename => "nom de fichier invalide".into(),
        ErrorKind::AlreadyExists => "le fichier existe déjà".into(),
        ErrorKind::Interrupted | ErrorKind::UnexpectedEof => "lecture interrompue".into(),
        _ => match e.raw_os_error() {
            Some(code) => format!("erreur du système (code {code})"),
            None => "erreur du système".into(),
        },
    }
}

/// A file name as a message shows it: an excerpt, without control characters.
fn shown(file: &std::ffi::OsStr) -> String {
    crate::engine::text::excerpt(&file.to_string_lossy())
}

/// The process entry point: runs, prints, returns the exit status. A closed output pipe is
/// not an error worth a panic.
pub fn main() -> i32 {
    let outcome = run(std::env::args_os().skip(1).collect(), &mut std::io::stdin());
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    outcome.status
}

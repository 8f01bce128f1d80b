//! The `laclasse-sim` command. Messages are in French; the exit status is 0 on success, 2 on
//! a usage error or an invalid scenario (messages on standard error, nothing on standard
//! output).

use std::ffi::OsString;
use std::io::{Read, Write};

use crate::engine::simulate;
use crate::io::{parse_str, report, text};

pub const USAGE: &str = "\
laclasse-sim : simulation de la convention laclasse.com de la Métropole de Lyon

Usage :
  laclasse-sim report FICHIER [--format json|text] [--explain]
      Calcule le rapport d'un scénario (fichier .json ; « - » lit l'entrée standard).
      --format json   rapport JSON (par défaut), champs décrits dans docs/scenario-format.md
      --format text   rapport en français, chaque montant avec sa clause
      --explain       (texte) ajoute le détail du calcul sous chaque montant
  laclasse-sim --help | --version

Code de sortie : 0 en cas de succès, 2 si la commande ou le scénario est invalide.
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Text,
}

/// What the command printed and its exit status.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub status: i32,
    pub stdout: String,
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

enum Command {
    Help,
    Version,
    Report {
        file: OsString,
        format: Format,
        explain: bool,
    },
}

fn parse_args(args: Vec<OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<String> = None;
    let mut file: Option<OsString> = None;
    let mut format = Format::Json;
    let mut explain = false;
    while let Some(arg) = parser
        .next()
        .map_err(|e| format!("argument invalide : {e}"))?
    {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("format") | Short('f') => {
                let value = parser
                    .value()
                    .map_err(|_| "--format attend json ou text".to_string())?;
                format = match value.to_str() {
                    Some("json") => Format::Json,
                    Some("text") | Some("texte") => Format::Text,
                    _ => {
                        return Err(format!(
                            "--format {} : format inconnu, choisir json ou text",
                            value.to_string_lossy()
                        ));
                    }
                }
            }
            Long("explain") => explain = true,
            Value(v) if command.is_none() => command = Some(v.to_string_lossy().into_owned()),
            Value(v) if file.is_none() => file = Some(v),
            Value(v) => {
                return Err(format!("argument en trop : {}", v.to_string_lossy()));
            }
            // A lone "-" is a value for lexopt; anything else starting with '-' is an option.
            other => return Err(format!("option inconnue : {}", other.unexpected())),
        }
    }
    match command.as_deref() {
        Some("report") | Some("rapport") => match file {
            Some(file) => Ok(Command::Report {
                file,
                format,
                explain,
            }),
            None => Err(
                "report : indiquer le fichier du scénario (ou « - » pour l'entrée standard)"
                    .to_string(),
            ),
        },
        Some(other) => Err(format!("commande inconnue : {other}")),
        None => Err("indiquer une commande".to_string()),
    }
}

fn read_input(file: &OsString, stdin: &mut dyn Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    let shown = file.to_string_lossy();
    if file == "-" {
        stdin
            .read_to_end(&mut bytes)
            .map_err(|e| format!("lecture de l'entrée standard impossible : {e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "fichier introuvable".to_string(),
                std::io::ErrorKind::PermissionDenied => "accès refusé".to_string(),
                std::io::ErrorKind::IsADirectory => "c'est un dossier".to_string(),
                _ => e.to_string(),
            };
            format!("impossible de lire « {shown} » : {why}")
        })?;
    }
    String::from_utf8(bytes).map_err(|_| {
        format!("« {shown} » n'est pas un texte UTF-8 : un scénario laclasse-sim est un fichier JSON en UTF-8")
    })
}

/// Runs the command on `args` (without the program name) and `stdin`.
pub fn run(args: Vec<OsString>, stdin: &mut dyn Read) -> Outcome {
    let command = match parse_args(args) {
        Ok(c) => c,
        Err(message) => return Outcome::fail(format!("laclasse-sim : {message}\n\n{USAGE}")),
    };
    match command {
        Command::Help => Outcome::ok(USAGE.to_string()),
        Command::Version => Outcome::ok(format!(
            "laclasse-sim {} ({})\n",
            env!("CARGO_PKG_VERSION"),
            report::RULES_VERSION
        )),
        Command::Report {
            file,
            format,
            explain,
        } => {
            let text = match read_input(&file, stdin) {
                Ok(t) => t,
                Err(message) => return Outcome::fail(format!("laclasse-sim : {message}\n")),
            };
            let scenario = match parse_str(&text) {
                Ok(s) => s,
                Err(errors) => {
                    let mut msg = format!(
                        "laclasse-sim : le scénario « {} » est invalide ({} erreur{}) :\n",
                        file.to_string_lossy(),
                        errors.len(),
                        if errors.len() > 1 { "s" } else { "" }
                    );
                    for e in errors {
                        msg.push_str(&format!("  {e}\n"));
                    }
                    return Outcome::fail(msg);
                }
            };
            let sim = simulate(&scenario);
            let mut out = match format {
                Format::Json => report::to_json(&sim),
                Format::Text => text::text_report(&scenario, &sim, explain),
            };
            if !out.ends_with('\n') {
                out.push('\n');
            }
            Outcome::ok(out)
        }
    }
}

/// The process entry point: runs, prints, returns the exit status. A closed output pipe is
/// not an error worth a panic.
pub fn main() -> i32 {
    let outcome = run(std::env::args_os().skip(1).collect(), &mut std::io::stdin());
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    outcome.status
}

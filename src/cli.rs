//! The `laclasse-sim` command. Messages are in French; the exit status is 0 on success, 2 on
//! a usage error or an invalid scenario (messages on standard error, nothing on standard
//! output).

use std::ffi::OsString;
use std::io::{Read, Write};

use crate::engine::simulate;
use crate::io::exports::ics::PastEvents;
use crate::io::{exports, parse_str, report, text};

/// The help text (`--help`), in French.
pub const USAGE: &str = "\
laclasse-sim : simulation de la convention laclasse.com de la Métropole de Lyon

Usage :
  laclasse-sim report FICHIER [--format json|text] [--explain]
      Calcule le rapport d'un scénario (fichier .json ; « - » lit l'entrée standard).
      --format json   rapport JSON (par défaut), champs décrits dans docs/scenario-format.md
      --format text   rapport en français, chaque montant avec sa clause
      --explain       (texte) ajoute le détail du calcul sous chaque montant
  laclasse-sim export annex1|ics|deliberation FICHIER -o SORTIE [--rappel JOURS]
                      [--passees omettre|marquer]
      Écrit un document : la liste de l'annexe 1 (SORTIE en .xlsx ou .ods), le calendrier
      des échéances (.ics, rappel JOURS jours avant, 7 par défaut), le projet de délibération
      avec la convention et ses annexes (.odt, .html ou .txt).
  laclasse-sim export fiche FICHIER -o SORTIE
      Écrit la fiche de préparation qui accompagne le projet sans en faire partie (.odt,
      .html ou .txt) : données de transmission @ctes, notes de travail, contrôles.
      --passees marquer   (calendrier) garde les échéances passées, marquées « (passée) »,
                          sans rappel (par défaut)
      --passees omettre   (calendrier) n'écrit que les échéances d'aujourd'hui et à venir
  laclasse-sim export liste FICHIER -o SORTIE [--date AAAA-MM-JJ]
      Écrit la lettre signée de la liste annuelle (.odt, .html ou .txt) : ajouts, radiations,
      changements de responsable depuis la liste précédente.
  laclasse-sim export budget FICHIER -o SORTIE
      Écrit les titres de chaque exercice budgétaire, par école et par groupe scolaire
      (.csv pour Excel, .xlsx ou .ods).
  laclasse-sim export resiliation FICHIER -o SORTIE [--anniversaire AAAA-MM-JJ] [--date AAAA-MM-JJ]
      Écrit la lettre recommandée de résiliation (.odt, .html ou .txt) pour le prochain
      anniversaire encore atteignable (ou celui indiqué), datée d'aujourd'hui (ou de --date,
      reportée au jour ouvré suivant), citant la délibération ou la décision qui résilie.
  laclasse-sim compare FICHIER_A FICHIER_B [FICHIER_C] [--format json|text] [--date AAAA-MM-JJ]
                       [-o SORTIE]
      Compare deux ou trois scénarios, le premier servant de référence : données qui
      diffèrent, redevances par année de convention et par exercice avec leurs écarts et
      leur origine, totaux, prochaine échéance de la commune (à --date, aujourd'hui par
      défaut), écoles et éligibilité qui diffèrent. Avec -o, écrit le classeur (.xlsx ou .ods) :
      une feuille par simulation et une feuille des écarts.
  laclasse-sim territoire FICHIER... [--format json|text] [--date AAAA-MM-JJ]
      La vue de la Métropole : un scénario par commune, ou une liste .csv de communes avec
      leur nombre d'écoles « commune;écoles;notification » (hypothèse : les écoles comptées
      sont la liste initiale, ouvertes dès la notification) ; pour chacune les écoles avec accès,
      la redevance de l'année en cours, le total, les exercices, la prochaine échéance et les
      changements de liste reçus après le 19 juin ; pour le territoire les exercices, les
      titres de recette par mois, les communes et écoles ayant adhéré sur 58 et 625, et
      l'annexe 2 du total face à la référence de 625 écoles à 150 €.
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Document {
    Annex1,
    Ics,
    Deliberation,
    PreparationSheet,
    Termination,
    List,
    Budget,
}

enum Command {
    Help,
    Version,
    Export {
        document: Document,
        file: OsString,
        out: OsString,
        reminder_days: u32,
        past: PastEvents,
        /// The letter's date (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
        /// The anniversary a termination letter aims at (`--anniversaire`).
        anniversary: Option<chrono::NaiveDate>,
    },
    Report {
        file: OsString,
        format: Format,
        explain: bool,
    },
    Territory {
        files: Vec<OsString>,
        format: Format,
        /// The day the figures are for (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
    },
    Compare {
        files: Vec<OsString>,
        /// The spreadsheet to write (`-o`), instead of printing.
        out: Option<OsString>,
        format: Format,
        /// The day the next deadlines are counted from (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
    },
}

fn parse_args(args: Vec<OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<String> = None;
    let mut file: Option<OsString> = None;
    let mut format = Format::Json;
    let mut explain = false;
    let mut document: Option<String> = None;
    let mut out: Option<OsString> = None;
    let mut reminder_days = 7;
    let mut past = PastEvents::Mark;
    let mut dated = None;
    let mut anniversary = None;
    let mut files: Vec<OsString> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| argument_error(&e))? {
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
            Short('o') | Long("output") | Long("sortie") => {
                out = Some(
                    parser
                        .value()
                        .map_err(|_| "-o attend le fichier à écrire".to_string())?,
                )
            }
            Long("rappel") => {
                let v = parser
                    .value()
                    .map_err(|_| "--rappel attend un nombre de jours".to_string())?;
                reminder_days = v
                    .to_str()
                    .and_then(|s| s.parse::<u32>().ok())
                    .filter(|d| *d <= 365)
                    .ok_or_else(|| {
                        format!(
                            "--rappel {} : un nombre de jours entre 0 et 365",
                            v.to_string_lossy()
                        )
                    })?;
            }
            Long("date") | Long("anniversaire") => {
                let name = if matches!(arg, Long("date")) {
                    "--date"
                } else {
                    "--anniversaire"
                };
                let v = parser
                    .value()
                    .map_err(|_| format!("{name} attend une date AAAA-MM-JJ"))?;
                let day = v
                    .to_str()
                    .and_then(crate::engine::dates::parse_iso)
                    .ok_or_else(|| {
                        format!(
                            "{name} {} : une date AAAA-MM-JJ est attendue, par exemple 2025-11-16",
                            v.to_string_lossy()
                        )
                    })?;
                if name == "--date" {
                    dated = Some(day);
                } else {
                    anniversary = Some(day);
                }
            }
            Long("passees") | Long("passées") => {
                let v = parser
                    .value()
                    .map_err(|_| "--passees attend omettre ou marquer".to_string())?;
                past = match v.to_str() {
                    Some("omettre") => PastEvents::LeaveOut,
                    Some("marquer") => PastEvents::Mark,
                    _ => {
                        return Err(format!(
                            "--passees {} : choisir omettre (les échéances passées ne sont pas \
                             écrites) ou marquer (elles sont gardées, marquées « (passée) »)",
                            v.to_string_lossy()
                        ));
                    }
                };
            }
            Value(v) if command.is_none() => command = Some(v.to_string_lossy().into_owned()),
            Value(v) if command.as_deref() == Some("export") && document.is_none() => {
                document = Some(v.to_string_lossy().into_owned())
            }
            Value(v)
                if matches!(
                    command.as_deref(),
                    Some("compare") | Some("comparer") | Some("territoire")
                ) =>
            {
                files.push(v)
            }
            Value(v) if file.is_none() => file = Some(v),
            Value(v) => {
                return Err(format!("argument en trop : {}", v.to_string_lossy()));
            }
            // A lone "-" is a value for lexopt; anything else starting with '-' is an option.
            other => return Err(argument_error(&other.unexpected())),
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
        Some("export") => {
            let document = match document.as_deref() {
                Some("annex1") | Some("annexe1") => Document::Annex1,
                Some("ics") | Some("calendrier") => Document::Ics,
                Some("deliberation") => Document::Deliberation,
                Some("fiche") => Document::PreparationSheet,
                Some("resiliation") | Some("résiliation") => Document::Termination,
                Some("liste") => Document::List,
                Some("budget") => Document::Budget,
                Some(other) => {
                    return Err(format!(
                        "export {other} : document inconnu, choisir annex1, ics, deliberation, fiche, resiliation, liste ou budget"
                    ));
                }
                None => {
                    return Err(
                        "export : indiquer le document (annex1, ics, deliberation, fiche, resiliation, liste ou budget)"
                            .to_string(),
                    );
                }
            };
            let file = file.ok_or("export : indiquer le fichier du scénario (ou « - »)")?;
            let out = out.ok_or("export : indiquer le fichier à écrire avec -o SORTIE")?;
            Ok(Command::Export {
                document,
                file,
                out,
                reminder_days,
                past,
                dated,
                anniversary,
            })
        }
        Some("territoire") => {
            if files.is_empty() {
                return Err(
                    "territoire : indiquer au moins un fichier de scénario (un par commune)".into(),
                );
            }
            if files.iter().filter(|f| *f == "-").count() > 1 {
                return Err(
                    "territoire : l'entrée standard (« - ») ne peut être lue qu'une fois".into(),
                );
            }
            Ok(Command::Territory {
                files,
                format,
                dated,
            })
        }
        Some("compare") | Some("comparer") => {
            if files.len() < 2 || files.len() > crate::engine::compare::MAX_COMPARED {
                return Err(format!(
                    "compare : indiquer deux ou trois fichiers de scénario ({} donné{})",
                    files.len(),
                    if files.len() > 1 { "s" } else { "" }
                ));
            }
            if files.iter().filter(|f| *f == "-").count() > 1 {
                return Err(
                    "compare : l'entrée standard (« - ») ne peut être lue qu'une fois".into(),
                );
            }
            Ok(Command::Compare {
                files,
                out,
                format,
                dated,
            })
        }
        Some(other) => Err(format!("commande inconnue : {other}")),
        None => Err("indiquer une commande".to_string()),
    }
}

fn read_bytes(file: &OsString, stdin: &mut dyn Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        stdin
            .read_to_end(&mut bytes)
            .map_err(|e| format!("lecture de l'entrée standard impossible : {}", io_error(&e)))?;
        return Ok(bytes);
    }
    std::fs::read(file)
        .map_err(|e| format!("impossible de lire « {} » : {}", shown(file), io_error(&e)))
}

fn read_input(file: &OsString, stdin: &mut dyn Read) -> Result<String, String> {
    let bytes = read_bytes(file, stdin)?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "« {} » n'est pas un texte UTF-8 : un scénario laclasse-sim est un fichier JSON en UTF-8",
            shown(file)
        )
    })
}

/// The territory's communes: each scenario file read as one, each list of communes with
/// school counts (`.csv`, `io::counts`) as one a line; the first error stops, every wrong
/// line of a list is said. Also what to say on standard error: the lines of communes without a
/// convention, and the hypothesis when counts were read. `on`: the view's day.
fn read_territory(
    files: &[OsString],
    on: chrono::NaiveDate,
    stdin: &mut dyn Read,
) -> Result<(Scenarios, String), Outcome> {
    let mut read = Vec::with_capacity(files.len());
    let mut notes = String::new();
    for file in files {
        let shown = file.to_string_lossy().into_owned();
        if !shown.to_lowercase().ends_with(".csv") {
            read.push((shown, read_scenario(file, stdin)?));
            continue;
        }
        let fail = |m: String| Outcome::fail(format!("laclasse-sim : {m}\n"));
        let bytes = read_bytes(file, stdin).map_err(fail)?;
        let cells = crate::io::csv_text::read(&bytes, None)
            .map_err(|m| fail(format!("« {shown} » : {m}")))?;
        let counted = crate::io::counts::read_counts(&shown, &cells.numbered(), on);
        if !counted.refused.is_empty() {
            let mut msg = format!(
                "laclasse-sim : la liste « {shown} » est invalide ({} erreur{}) :\n",
                counted.refused.len(),
                if counted.refused.len() > 1 { "s" } else { "" }
            );
            // The first ones, then how many more: a list of 100 000 wrong lines says so in a
            // few lines, not in ten megabytes.
            let more = counted.refused.len().saturating_sub(MAX_LISTED_ERRORS);
            for m in counted.refused.iter().take(MAX_LISTED_ERRORS) {
                msg.push_str(&format!("  {m}\n"));
            }
            if more > 0 {
                msg.push_str(&format!(
                    "  … et {more} autre{} erreur{}.\n",
                    if more > 1 { "s" } else { "" },
                    if more > 1 { "s" } else { "" }
                ));
            }
            return Err(Outcome::fail(msg));
        }
        for m in counted.skipped {
            notes.push_str(&format!("laclasse-sim : {m}\n"));
        }
        if !counted.communes.is_empty() && !notes.contains(crate::io::counts::HYPOTHESIS) {
            notes.push_str(&format!(
                "laclasse-sim : {}\n",
                crate::io::counts::HYPOTHESIS
            ));
        }
        read.extend(counted.communes.into_iter().map(|(_, n, s)| (n, s)));
    }
    let sims = read.iter().map(|(_, s)| simulate(s)).collect();
    Ok(((read, sims), notes))
}

/// Reads and validates the scenario, or says why not.
fn read_scenario(
    file: &OsString,
    stdin: &mut dyn Read,
) -> Result<crate::engine::Scenario, Outcome> {
    let text =
        read_input(file, stdin).map_err(|m| Outcome::fail(format!("laclasse-sim : {m}\n")))?;
    parse_str(&text).map_err(|errors| {
        let mut msg = format!(
            "laclasse-sim : le scénario « {} » est invalide ({} erreur{}) :\n",
            file.to_string_lossy(),
            errors.len(),
            if errors.len() > 1 { "s" } else { "" }
        );
        for e in errors {
            msg.push_str(&format!("  {e}\n"));
        }
        Outcome::fail(msg)
    })
}

/// Every file read and simulated, each named after its path as given, or the first error.
type Scenarios = (
    Vec<(String, crate::engine::Scenario)>,
    Vec<crate::engine::Simulation>,
);
fn read_all(files: &[OsString], stdin: &mut dyn Read) -> Result<Scenarios, Outcome> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        read.push((
            file.to_string_lossy().into_owned(),
            read_scenario(file, stdin)?,
        ));
    }
    let sims = read.iter().map(|(_, s)| simulate(s)).collect();
    Ok((read, sims))
}

/// What a command prints, ending with a line break.
fn printed(mut out: String) -> Outcome {
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Outcome::ok(out)
}

/// A text document in the format its file name asks for: .odt, .html or .txt.
fn write_document(
    doc: &exports::document::Document,
    shown: &str,
    what: &str,
) -> Result<Vec<u8>, String> {
    let lower = shown.to_lowercase();
    if lower.ends_with(".odt") {
        doc.to_odt()
    } else if lower.ends_with(".txt") {
        Ok(doc.to_text().into_bytes())
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        Ok(doc.to_html().into_bytes())
    } else {
        Err(format!(
            "« {shown} » : {what} s'écrit en .odt (OpenDocument), .html ou .txt"
        ))
    }
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

/// Runs the command on `args` (without the program name) and `stdin`.
pub fn run(args: Vec<OsString>, stdin: &mut dyn Read) -> Outcome {
    let mut outcome = run_command(args, stdin);
    // Nothing reaches the terminal but plain text: no escape, no reversed line.
    for text in [&mut outcome.stdout, &mut outcome.stderr] {
        if let std::borrow::Cow::Owned(safe) = crate::engine::text::document_safe(text) {
            *text = safe;
        }
    }
    outcome
}

/// The most wrong lines of a list the command names one by one.
const MAX_LISTED_ERRORS: usize = 100;

/// A command-line error in French (lexopt's own messages are English).
fn argument_error(e: &lexopt::Error) -> String {
    use lexopt::Error;
    match e {
        Error::MissingValue { option: Some(o) } => format!("{o} : valeur manquante"),
        Error::MissingValue { option: None } => "valeur manquante".into(),
        Error::UnexpectedOption(o) => {
            format!("option inconnue : {}", crate::engine::text::excerpt(o))
        }
        Error::UnexpectedArgument(a) => {
            format!("argument en trop : {}", shown(a))
        }
        Error::UnexpectedValue { option, value } => format!(
            "{} n'attend pas de valeur (« {} »)",
            crate::engine::text::excerpt(option),
            shown(value)
        ),
        Error::NonUnicodeValue(v) => format!("argument illisible (pas de l'UTF-8) : {}", shown(v)),
        _ => "argument invalide".into(),
    }
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

fn run_command(args: Vec<OsString>, stdin: &mut dyn Read) -> Outcome {
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
        Command::Export {
            document,
            file,
            out,
            reminder_days,
            past,
            dated,
            anniversary,
        } => {
            let scenario = match read_scenario(&file, stdin) {
                Ok(s) => s,
                Err(outcome) => return outcome,
            };
            let sim = simulate(&scenario);
            let shown = out.to_string_lossy().into_owned();
            let mut late = None;
            let bytes = match document {
                Document::Annex1 => {
                    let sheets = exports::annex1::annex1_sheets(&scenario, &sim);
                    match exports::worker::SpreadsheetFormat::from_file_name(&shown) {
                        Some(format) => format.write(&sheets),
                        None => Err(format!(
                            "« {shown} » : la liste s'écrit en .xlsx (Excel) ou en .ods (OpenDocument)"
                        )),
                    }
                }
                Document::Ics => {
                    Ok(
                        exports::ics::to_ics(&scenario, &sim, reminder_days, today(), past)
                            .into_bytes(),
                    )
                }
                Document::Deliberation => {
                    let doc = exports::deliberation::document(&scenario, &sim);
                    write_document(&doc, &shown, "le projet de délibération")
                }
                Document::PreparationSheet => {
                    let doc = exports::deliberation::preparation_sheet(&scenario, &sim);
                    write_document(&doc, &shown, "la fiche de préparation")
                }
                Document::Termination => {
                    let written = dated.unwrap_or_else(today);
                    // A letter that leaves after its send-by day may arrive too late: said on
                    // standard error, never in the letter.
                    let date = exports::termination_letter::letter_date(&scenario, written);
                    late = exports::termination_letter::target_notice(&sim, date, anniversary)
                        .ok()
                        .and_then(|n| sim.plan_for(n))
                        .and_then(|plan| plan.late(date));
                    exports::termination_letter::document(&scenario, &sim, written, anniversary)
                        .and_then(|doc| write_document(&doc, &shown, "la lettre de résiliation"))
                }
                Document::List => {
                    let message =
                        exports::letter::list_message(&scenario, dated.unwrap_or_else(today));
                    write_document(
                        &message.letter_document(&scenario.commune.name),
                        &shown,
                        "la lettre de la liste annuelle",
                    )
                }
                Document::Budget => {
                    let sheet = exports::budget::budget_sheet(&scenario, &sim);
                    if shown.to_lowercase().ends_with(".csv") {
                        Ok(exports::budget::to_csv(&sheet).into_bytes())
                    } else {
                        match exports::worker::SpreadsheetFormat::from_file_name(&shown) {
                            Some(format) => format.write(&[sheet]),
                            None => Err(format!(
                                "« {shown} » : le budget s'écrit en .csv, .xlsx ou .ods"
                            )),
                        }
                    }
                }
            };
            match bytes.and_then(|b| {
                std::fs::write(&out, b)
                    .map_err(|e| format!("impossible d'écrire « {shown} » : {}", io_error(&e)))
            }) {
                Ok(()) => Outcome {
                    stderr: late
                        .map(|l| format!("laclasse-sim : attention : {l}\n"))
                        .unwrap_or_default(),
                    ..Outcome::ok(String::new())
                },
                Err(message) => Outcome::fail(format!("laclasse-sim : {message}\n")),
            }
        }
        Command::Territory {
            files,
            format,
            dated,
        } => {
            let on = dated.unwrap_or_else(today);
            let ((read, sims), notes) = match read_territory(&files, on, stdin) {
                Ok(r) => r,
                Err(outcome) => return outcome,
            };
            let communes = crate::engine::compare::Compared::list(&read, &sims);
            let t = crate::engine::territory::territory(&communes, on);
            let hypothesis = format!("laclasse-sim : {}\n", crate::io::counts::HYPOTHESIS);
            let mut outcome = printed(match format {
                Format::Json => crate::io::territory::to_json(&t),
                // A printed report keeps what its figures rest on.
                Format::Text if notes.contains(&hypothesis) => format!(
                    "{}\n\n{}",
                    crate::io::territory::to_text(&t).trim_end(),
                    crate::io::counts::HYPOTHESIS
                ),
                Format::Text => crate::io::territory::to_text(&t),
            });
            outcome.stderr = match format {
                Format::Json => notes,
                Format::Text => notes.replace(&hypothesis, ""),
            };
            outcome
        }
        Command::Compare {
            files,
            out,
            format,
            dated,
        } => {
            let (read, sims) = match read_all(&files, stdin) {
                Ok(r) => r,
                Err(outcome) => return outcome,
            };
            let compared = crate::engine::compare::Compared::list(&read, &sims);
            let comparison =
                crate::engine::compare::compare(&compared, dated.unwrap_or_else(today));
            if let Some(out) = out {
                let shown = out.to_string_lossy().into_owned();
                let sheets = exports::compare::comparison_sheets(
                    &comparison,
                    &sims.iter().collect::<Vec<_>>(),
                );
                let written = match exports::worker::SpreadsheetFormat::from_file_name(&shown) {
                    Some(format) => format.write(&sheets),
                    None => Err(format!(
                        "« {shown} » : la comparaison s'écrit en .xlsx (Excel) ou en .ods (OpenDocument)"
                    )),
                }
                .and_then(|b| {
                    std::fs::write(&out, b)
                        .map_err(|e| format!("impossible d'écrire « {shown} » : {}", io_error(&e)))
                });
                return match written {
                    Ok(()) => Outcome::ok(String::new()),
                    Err(message) => Outcome::fail(format!("laclasse-sim : {message}\n")),
                };
            }
            printed(match format {
                Format::Json => crate::io::compare::to_json(&comparison),
                Format::Text => crate::io::compare::to_text(&comparison),
            })
        }
        Command::Report {
            file,
            format,
            explain,
        } => {
            let scenario = match read_scenario(&file, stdin) {
                Ok(s) => s,
                Err(outcome) => return outcome,
            };
            let sim = simulate(&scenario);
            printed(match format {
                Format::Json => report::to_json(&sim),
                Format::Text => text::text_report(&scenario, &sim, explain),
            })
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

//! The command line, parsed apart from running it: [`parse`] turns the arguments into a
//! [`Command`], or a French message that names what is wrong.

use std::ffi::OsString;

use crate::io::exports::ics::PastEvents;

use super::shown;

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
  laclasse-sim export avenant FICHIER -o SORTIE [--numero N]
      Écrit le projet de délibération approuvant l'avenant n° N (le dernier par défaut) qui
      change la redevance de l'article 6 (.odt, .html ou .txt), ou la décision du Maire quand
      le conseil lui a délégué l'article L2122-22 4° ; en annexe, les redevances de chaque année.
  laclasse-sim compare FICHIER_A FICHIER_B [FICHIER_C] [--format json|text] [--date AAAA-MM-JJ]
                       [-o SORTIE]
      Compare deux ou trois scénarios, le premier servant de référence : données qui
      diffèrent, redevances par année de convention et par exercice avec leurs écarts et
      leur origine, totaux, prochaine échéance de la commune (à --date, aujourd'hui par
      défaut), écoles et éligibilité qui diffèrent. Avec -o, écrit le classeur (.xlsx ou .ods) :
      une feuille par simulation et une feuille des écarts.
  laclasse-sim annuaire FICHIER.csv --commune CODE_OU_NOM --notification AAAA-MM-JJ [-o SORTIE.json]
      Lit l'export CSV de l'annuaire de l'éducation (l'extrait d'une commune ou le fichier
      national) et écrit le scénario de la commune avec ses écoles publiques du premier degré
      non fermées (« A FERMER » signalées), demandées à la notification (liste initiale), en
      attente de leur administrateur (R10) : à compléter.
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

/// How a report or a comparison is printed (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON, as `docs/scenario-format.md` describes it.
    Json,
    /// French, each figure with its clause.
    Text,
}

/// The document `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// `annex1`: the Annex 1 list with its fees and budget sheets (.xlsx, .ods).
    Annex1,
    /// `ics`: the calendar of deadlines.
    Ics,
    /// `deliberation`: the draft deliberation with the convention (.odt, .html, .txt).
    Deliberation,
    /// `fiche`: the preparation sheet that goes with the draft.
    PreparationSheet,
    /// `resiliation`: the registered termination letter.
    Termination,
    /// `liste`: the letter of the yearly list.
    List,
    /// `budget`: the titles of each budget year (.csv, .xlsx, .ods).
    Budget,
    /// `avenant`: the draft approving an avenant of the fee (.odt, .html, .txt).
    Avenant,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `--help`.
    Help,
    /// `--version`.
    Version,
    /// `export DOCUMENT FILE -o OUT`.
    Export {
        /// Which document.
        document: Document,
        /// The scenario (`-` for standard input).
        file: OsString,
        /// The file to write (`-o`).
        out: OsString,
        /// The calendar's reminder, in days before each deadline (`--rappel`).
        reminder_days: u32,
        /// Whether the calendar keeps past deadlines (`--passees`).
        past: PastEvents,
        /// The letter's date (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
        /// The anniversary a termination letter aims at (`--anniversaire`).
        anniversary: Option<chrono::NaiveDate>,
        /// The avenant a draft approves (`--numero`), the last one by default.
        avenant: Option<usize>,
    },
    /// `annuaire FILE --commune C --notification D [-o OUT]`.
    Directory {
        /// The directory's export (`-` for standard input).
        file: OsString,
        /// The commune, by INSEE code or name (`--commune`).
        commune: String,
        /// The convention's notification (`--notification`).
        notified: chrono::NaiveDate,
        /// The scenario to write (`-o`); standard output when absent.
        out: Option<OsString>,
    },
    /// `report FILE`.
    Report {
        /// The scenario (`-` for standard input).
        file: OsString,
        /// JSON or French text (`--format`).
        format: Format,
        /// The text report shows each computation (`--explain`).
        explain: bool,
    },
    /// `territoire FILE...`.
    Territory {
        /// The communes' scenarios and lists of counts.
        files: Vec<OsString>,
        /// JSON or French text (`--format`).
        format: Format,
        /// The day the figures are for (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
    },
    /// `compare FILE_A FILE_B [FILE_C]`.
    Compare {
        /// The scenarios, the first one the reference.
        files: Vec<OsString>,
        /// The spreadsheet to write (`-o`), instead of printing.
        out: Option<OsString>,
        /// JSON or French text (`--format`).
        format: Format,
        /// The day the next deadlines are counted from (`--date`), today by default.
        dated: Option<chrono::NaiveDate>,
    },
}

/// The command `args` (without the program name) ask for, or why they are wrong.
pub fn parse(args: Vec<OsString>) -> Result<Command, String> {
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
    let mut avenant = None;
    let mut files: Vec<OsString> = Vec::new();
    let mut commune: Option<String> = None;
    let mut notification = None;
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
            Long("commune") => {
                commune = Some(
                    parser
                        .value()
                        .map_err(|_| "--commune attend un code INSEE ou un nom".to_string())?
                        .to_string_lossy()
                        .into_owned(),
                )
            }
            Long("notification") => {
                let v = parser
                    .value()
                    .map_err(|_| "--notification attend une date AAAA-MM-JJ".to_string())?;
                notification = Some(
                    v.to_str()
                        .and_then(crate::engine::dates::parse_iso)
                        .ok_or_else(|| {
                            format!(
                                "--notification {} : une date AAAA-MM-JJ est attendue, par exemple 2025-01-15",
                                v.to_string_lossy()
                            )
                        })?,
                )
            }
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
            Long("numero") | Long("numéro") => {
                let v = parser
                    .value()
                    .map_err(|_| "--numero attend le numéro de l'avenant".to_string())?;
                avenant = Some(
                    v.to_str()
                        .and_then(|s| s.parse::<usize>().ok())
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| {
                            format!(
                                "--numero {} : le numéro de l'avenant, un nombre entier à partir de 1",
                                v.to_string_lossy()
                            )
                        })?,
                );
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
        Some("annuaire") => Ok(Command::Directory {
            file: file.ok_or("annuaire : indiquer l'export CSV de l'annuaire de l'éducation (ou « - »)")?,
            commune: commune.ok_or("annuaire : indiquer la commune avec --commune CODE_INSEE ou --commune NOM")?,
            notified: notification
                .ok_or("annuaire : indiquer la notification de la convention avec --notification AAAA-MM-JJ")?,
            out,
        }),
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
                Some("avenant") => Document::Avenant,
                Some(other) => {
                    return Err(format!(
                        "export {other} : document inconnu, choisir annex1, ics, deliberation, fiche, resiliation, liste, budget ou avenant"
                    ));
                }
                None => {
                    return Err(
                        "export : indiquer le document (annex1, ics, deliberation, fiche, resiliation, liste, budget ou avenant)"
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
                avenant,
            })
        }
        Some("territoire") => {
            if files.is_empty() {
                return Err(
                    "territoire : indiquer au moins un fichier de scénario (un par commune)".into(),
                );
            }
            stdin_once("territoire", &files)?;
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
            stdin_once("compare", &files)?;
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

/// Standard input (« - ») given once at most among `files`.
fn stdin_once(command: &str, files: &[OsString]) -> Result<(), String> {
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(format!(
            "{command} : l'entrée standard (« - ») ne peut être lue qu'une fois"
        ));
    }
    Ok(())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn each_command_is_parsed_without_running_it() {
        assert_eq!(
            parse(args("report s.json --format text --explain")),
            Ok(Command::Report {
                file: "s.json".into(),
                format: Format::Text,
                explain: true
            })
        );
        let Ok(Command::Export {
            document,
            out,
            dated,
            ..
        }) = parse(args("export resiliation s.json -o l.odt --date 2025-08-11"))
        else {
            panic!("export");
        };
        assert_eq!(document, Document::Termination);
        assert_eq!(out, "l.odt");
        assert_eq!(dated, chrono::NaiveDate::from_ymd_opt(2025, 8, 11));
        assert_eq!(parse(args("--help")), Ok(Command::Help));
    }

    #[test]
    fn wrong_command_lines_are_said_in_french() {
        assert_eq!(
            parse(args("compare a.json - -")),
            Err("compare : l'entrée standard (« - ») ne peut être lue qu'une fois".into())
        );
        assert_eq!(
            parse(args("territoire - -")),
            Err("territoire : l'entrée standard (« - ») ne peut être lue qu'une fois".into())
        );
        assert_eq!(parse(args("")), Err("indiquer une commande".into()));
        assert!(
            parse(args("calcule x"))
                .unwrap_err()
                .contains("commande inconnue")
        );
    }
}

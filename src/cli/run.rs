//! Running a parsed [`Command`]: reading the scenarios, simulating, printing or writing.

use std::ffi::OsString;
use std::io::Read;

use super::args::{Command, Document, Format, USAGE, parse};
use super::{Outcome, io_error, shown, today};
use crate::engine::simulate;
use crate::io::{exports, parse_str, report, text};

/// The most wrong lines of a list the command names one by one.
const MAX_LISTED_ERRORS: usize = 100;

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
    use crate::io::annuaire;
    let fail = |m: String| Outcome::fail(format!("laclasse-sim : {m}\n"));
    // The directory's exports first, wherever they are given: the lists read with them name
    // their communes' schools.
    enum Item {
        Scenario(String, Box<crate::engine::Scenario>),
        List(String, Vec<u8>),
    }
    let mut items = Vec::with_capacity(files.len());
    let mut directory: Option<annuaire::ByCommune> = None;
    for file in files {
        let shown = file.to_string_lossy().into_owned();
        if !shown.to_lowercase().ends_with(".csv") {
            items.push(Item::Scenario(shown, Box::new(read_scenario(file, stdin)?)));
            continue;
        }
        let bytes = read_bytes(file, stdin).map_err(fail)?;
        if annuaire::looks_like_directory(&bytes) {
            let read = annuaire::read(&bytes, annuaire::Communes::All)
                .map_err(|m| fail(format!("« {shown} » : {m}")))?;
            let all: &mut annuaire::ByCommune = directory.get_or_insert_with(Default::default);
            for (insee, found) in read.by_commune() {
                all.entry(insee).or_default().extend(found);
            }
        } else {
            items.push(Item::List(shown, bytes));
        }
    }
    let mut read = Vec::with_capacity(items.len());
    let mut notes = String::new();
    for item in items {
        let (shown, bytes) = match item {
            Item::Scenario(name, s) => {
                read.push((name, *s));
                continue;
            }
            Item::List(shown, bytes) => (shown, bytes),
        };
        let cells = crate::io::csv_text::read(&bytes, None)
            .map_err(|m| fail(format!("« {shown} » : {m}")))?;
        let (counted, hypothesis) = match &directory {
            Some(d) => (
                crate::io::counts::read_with_directory(&shown, &cells.numbered(), d, on),
                crate::io::counts::DIRECTORY_HYPOTHESIS,
            ),
            None => (
                crate::io::counts::read_counts(&shown, &cells.numbered(), on),
                crate::io::counts::HYPOTHESIS,
            ),
        };
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
        for m in counted.skipped.iter().chain(&counted.differs) {
            notes.push_str(&format!("laclasse-sim : {m}\n"));
        }
        if !counted.communes.is_empty() && !notes.contains(hypothesis) {
            notes.push_str(&format!("laclasse-sim : {hypothesis}\n"));
        }
        read.extend(counted.communes.into_iter().map(|(_, n, s)| (n, s)));
    }
    if directory.is_some() && read.is_empty() {
        return Err(fail(
            "territoire : l'annuaire se lit avec une liste « commune;notification » des communes à simuler".into(),
        ));
    }
    // Every commune to the same last day: no budget year drops for a shorter simulation.
    let mut scenarios: Vec<&mut crate::engine::Scenario> =
        read.iter_mut().map(|(_, s)| s).collect();
    crate::engine::territory::to_common_horizon(&mut scenarios);
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

/// The scenario of `commune` from the directory's export `file`, as JSON, and what to say on
/// standard error (the schools « A FERMER »).
fn directory_scenario(
    file: &OsString,
    commune: &str,
    notified: chrono::NaiveDate,
    stdin: &mut dyn Read,
) -> Result<(String, String), String> {
    use crate::io::annuaire;
    let record = annuaire::commune_arg(commune)?;
    let bytes = read_bytes(file, stdin)?;
    let read = annuaire::read(&bytes, annuaire::Communes::One(record))
        .map_err(|e| format!("« {} » : {e}", shown(file)))?;
    if read.rows_of_communes == 0 {
        return Err(format!(
            "« {} » : aucune ligne de {} ({}) dans ce fichier ({} lignes lues) : l'extrait d'une autre commune ?",
            shown(file),
            record.name,
            record.insee,
            read.rows
        ));
    }
    if read.schools.is_empty() {
        return Err(format!(
            "« {} » : aucune école publique du premier degré ouverte à {} ({}) dans ce fichier",
            shown(file),
            record.name,
            record.insee
        ));
    }
    let scenario = annuaire::scenario(record, notified, &read.schools);
    let mut warnings: String = read
        .schools
        .iter()
        .filter_map(|s| s.warning())
        .map(|w| format!("laclasse-sim : {w}\n"))
        .collect();
    warnings.push_str(&format!(
        "laclasse-sim : {} école{} de {} ; chaque école attend son administrateur (nom, prénom, fonction, e-mail, téléphone) pour être éligible et facturée (R10, Annexe 1).\n",
        read.schools.len(),
        if read.schools.len() > 1 { "s" } else { "" },
        record.name
    ));
    Ok((crate::io::scenario::to_string_pretty(&scenario), warnings))
}

/// Writes `bytes` to `out` whole or not at all: a temporary file beside it, renamed over it.
fn write_whole(out: &OsString, bytes: &[u8]) -> std::io::Result<()> {
    let path = std::path::Path::new(out);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partiel");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

pub(super) fn run_command(args: Vec<OsString>, stdin: &mut dyn Read) -> Outcome {
    let command = match parse(args) {
        Ok(c) => c,
        Err(message) => return Outcome::fail(format!("laclasse-sim : {message}\n\n{USAGE}")),
    };
    match command {
        Command::Help => Outcome::ok(USAGE.to_string()),
        Command::Directory {
            file,
            commune,
            notified,
            out,
        } => match directory_scenario(&file, &commune, notified, stdin) {
            Err(message) => Outcome::fail(format!("laclasse-sim : {message}\n")),
            Ok((json, warnings)) => {
                let mut outcome = match out {
                    None => printed(json),
                    Some(out) => {
                        let shown = out.to_string_lossy().into_owned();
                        if !shown.to_lowercase().ends_with(".json") {
                            return Outcome::fail(format!(
                                "laclasse-sim : « {shown} » : le scénario s'écrit en .json\n"
                            ));
                        }
                        match write_whole(&out, json.as_bytes()) {
                            Ok(()) => Outcome::ok(String::new()),
                            Err(e) => {
                                return Outcome::fail(format!(
                                    "laclasse-sim : impossible d'écrire « {shown} » : {}\n",
                                    io_error(&e)
                                ));
                            }
                        }
                    }
                };
                outcome.stderr = warnings;
                outcome
            }
        },
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
            avenant,
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
                        &message.letter_document(&exports::commune_name(
                            &scenario,
                            &crate::engine::r10_eligibility::r10_commune(&scenario.commune),
                        )),
                        &shown,
                        "la lettre de la liste annuelle",
                    )
                }
                Document::Avenant => exports::avenant::document(&scenario, &sim, avenant)
                    .and_then(|doc| write_document(&doc, &shown, "le projet d'avenant")),
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
            // A printed report keeps what its figures rest on.
            let rests_on: Vec<&str> = [
                crate::io::counts::HYPOTHESIS,
                crate::io::counts::DIRECTORY_HYPOTHESIS,
            ]
            .into_iter()
            .filter(|h| notes.contains(&format!("laclasse-sim : {h}\n")))
            .collect();
            let mut outcome = printed(match format {
                Format::Json => crate::io::territory::to_json(&t),
                Format::Text if !rests_on.is_empty() => format!(
                    "{}\n\n{}",
                    crate::io::territory::to_text(&t).trim_end(),
                    rests_on.join("\n\n")
                ),
                Format::Text => crate::io::territory::to_text(&t),
            });
            outcome.stderr = match format {
                Format::Json => notes,
                Format::Text => rests_on.iter().fold(notes, |n, h| {
                    n.replace(&format!("laclasse-sim : {h}\n"), "")
                }),
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

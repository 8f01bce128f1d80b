//! What the page and the export worker say to each other, typed: the page asks for a
//! spreadsheet ([`ExportRequest`]), the worker says it listens, or answers with the file or a
//! French message ([`ExportResponse`]). Both cross the worker boundary through
//! serde-wasm-bindgen; [`answer`] is plain Rust, tested natively.

use serde::{Deserialize, Serialize};

use super::annex1::annex1_sheets;
use super::document::Document;
use super::ics::{self, PastEvents};
use super::sheet::{Sheet, to_ods, to_xlsx};
use super::{budget, deliberation, letter, termination_letter};
use crate::parse_str;
use engine::compare::Compared;
use engine::simulate;

/// The spreadsheet formats of the Annex 1 list (« au format Excel ou open office »).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpreadsheetFormat {
    /// Office Open XML (Excel).
    Xlsx,
    /// OpenDocument (LibreOffice, OpenOffice).
    Ods,
}

impl SpreadsheetFormat {
    /// Both, in the page's order.
    pub const ALL: [SpreadsheetFormat; 2] = [SpreadsheetFormat::Xlsx, SpreadsheetFormat::Ods];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            SpreadsheetFormat::Xlsx => "xlsx",
            SpreadsheetFormat::Ods => "ods",
        }
    }

    /// The media type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            SpreadsheetFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            SpreadsheetFormat::Ods => "application/vnd.oasis.opendocument.spreadsheet",
        }
    }

    /// The format a file name asks for by its extension (any case).
    pub fn from_file_name(name: &str) -> Option<SpreadsheetFormat> {
        let lower = name.to_lowercase();
        SpreadsheetFormat::ALL
            .into_iter()
            .find(|f| lower.ends_with(&format!(".{}", f.extension())))
    }

    /// The sheets written in this format.
    pub fn write(self, sheets: &[Sheet]) -> Result<Vec<u8>, String> {
        match self {
            SpreadsheetFormat::Xlsx => to_xlsx(sheets),
            SpreadsheetFormat::Ods => to_ods(sheets),
        }
    }
}

/// The forms of the draft deliberation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentFormat {
    /// A standalone HTML page, to print or save.
    Html,
    /// The HTML elements alone, to show inside the page or copy as formatted text.
    HtmlBody,
    /// Plain text, the clipboard's other flavour.
    Text,
    /// OpenDocument text, to edit in a word processor.
    Odt,
}

impl DocumentFormat {
    /// `doc` in this form.
    pub fn write(self, doc: &Document) -> Result<Vec<u8>, String> {
        match self {
            DocumentFormat::Html => Ok(doc.to_html().into_bytes()),
            DocumentFormat::HtmlBody => Ok(doc.to_html_body().into_bytes()),
            DocumentFormat::Text => Ok(doc.to_text().into_bytes()),
            DocumentFormat::Odt => doc.to_odt(),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Html | DocumentFormat::HtmlBody => "html",
            DocumentFormat::Text => "txt",
            DocumentFormat::Odt => "odt",
        }
    }

    /// The media type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            DocumentFormat::Html | DocumentFormat::HtmlBody => "text/html;charset=utf-8",
            DocumentFormat::Text => "text/plain;charset=utf-8",
            DocumentFormat::Odt => "application/vnd.oasis.opendocument.text",
        }
    }
}

/// What the page asks of the export worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportRequest {
    /// The Annex 1 list of the scenario (its JSON text, in the scenario format).
    Annex1 {
        /// The file's format.
        format: SpreadsheetFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
    },
    /// The draft deliberation with the convention and its annexes (D6).
    Deliberation {
        /// The document's form.
        format: DocumentFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
    },
    /// The draft approving the last avenant of the fee (R3, D6), or the mayor's décision.
    Avenant {
        /// The document's form.
        format: DocumentFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
    },
    /// The preparation sheet beside the draft: @ctes data, working notes, checks (D6).
    PreparationSheet {
        /// The document's form.
        format: DocumentFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
    },
    /// The signed letter of the yearly list (Annexe 1, R6).
    ListLetter {
        /// The document's form.
        format: DocumentFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
        /// The letter's date, `YYYY-MM-DD`.
        today: String,
    },
    /// The budget sheet by exercice, as CSV (R7).
    BudgetCsv {
        /// The scenario, as the scenario file writes it.
        scenario: String,
    },
    /// The termination letter (R2) for the next reachable anniversary.
    TerminationLetter {
        /// The document's form.
        format: DocumentFormat,
        /// The scenario, as the scenario file writes it.
        scenario: String,
        /// The letter's date, `YYYY-MM-DD`.
        today: String,
        /// The anniversary it aims at, `YYYY-MM-DD`; the next reachable one when absent.
        #[serde(default)]
        anniversary: Option<String>,
    },
    /// A CSV file of schools to import, read into cells (the answer is its
    /// [`CsvText`](crate::csv_text::CsvText) as JSON).
    ReadCsv {
        /// The file's bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        /// The separator to read it with; detected when `None`.
        separator: Option<u8>,
    },
    /// The schools of a commune in an export of the national school directory (the answer
    /// is its [`FoundList`](crate::annuaire::FoundList) as JSON).
    ReadDirectory {
        /// The file's bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
        /// The commune's INSEE code.
        insee: String,
    },
    /// The schools of every commune of the Métropole in an export of the directory, for the
    /// territory's view (the answer is its [`ByCommune`](crate::annuaire::ByCommune) as JSON).
    ReadDirectoryAll {
        /// The file's bytes.
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Two or three simulations side by side: a sheet each and a sheet of the differences.
    Comparison {
        /// The file's format.
        format: SpreadsheetFormat,
        /// Each simulation's name, the first the reference.
        names: Vec<String>,
        /// Each scenario, as the scenario file writes it.
        scenarios: Vec<String>,
        /// The day the next deadlines are counted from, `YYYY-MM-DD`.
        today: String,
    },
    /// The Métropole's view: a sheet of totals and a sheet per commune.
    Territory {
        /// The file's format.
        format: SpreadsheetFormat,
        /// Each commune's name (its file's).
        names: Vec<String>,
        /// Each scenario, as the scenario file writes it.
        scenarios: Vec<String>,
        /// The day the figures are for, `YYYY-MM-DD`.
        today: String,
        /// The hypotheses the figures rest on, in French (a row each on the totals' sheet).
        notes: Vec<String>,
    },
    /// The calendar of every commune's deadlines (.ics), the Métropole's view.
    TerritoryCalendar {
        /// Each commune's scenario, as the scenario file writes it.
        scenarios: Vec<String>,
        /// The day the file is made, `YYYY-MM-DD`.
        today: String,
        /// Each future event's reminder, that many days before (none for 0).
        reminder_days: u32,
    },
    /// The calendar of the deadlines (.ics).
    Calendar {
        /// The scenario, as the scenario file writes it.
        scenario: String,
        /// The day the file is made, `YYYY-MM-DD`: past deadlines are those before it.
        today: String,
        /// Each future event's reminder, that many days before (none for 0).
        reminder_days: u32,
        /// What the file does with past deadlines.
        past: PastEvents,
    },
}

impl ExportRequest {
    /// The media type of the file it asks for.
    pub fn mime(&self) -> &'static str {
        match self {
            ExportRequest::Annex1 { format, .. }
            | ExportRequest::Comparison { format, .. }
            | ExportRequest::Territory { format, .. } => format.mime(),
            ExportRequest::Deliberation { format, .. }
            | ExportRequest::PreparationSheet { format, .. }
            | ExportRequest::Avenant { format, .. }
            | ExportRequest::TerminationLetter { format, .. }
            | ExportRequest::ListLetter { format, .. } => format.mime(),
            ExportRequest::BudgetCsv { .. } => "text/csv;charset=utf-8",
            ExportRequest::Calendar { .. } | ExportRequest::TerritoryCalendar { .. } => {
                "text/calendar;charset=utf-8"
            }
            ExportRequest::ReadCsv { .. }
            | ExportRequest::ReadDirectory { .. }
            | ExportRequest::ReadDirectoryAll { .. } => "application/json",
        }
    }

    /// What the page says while the worker loads (`first`) or works.
    pub fn progress(&self, first: bool) -> &'static str {
        match (self, first) {
            (ExportRequest::ReadCsv { .. }, _) => "Lecture du fichier…",
            (ExportRequest::ReadDirectory { .. } | ExportRequest::ReadDirectoryAll { .. }, _) => {
                "Lecture de l'annuaire…"
            }
            (_, true) => "Chargement du module d'export (une seule fois)…",
            (_, false) => "Préparation du document…",
        }
    }

    /// Lets go of the file's bytes a request carries (a directory of 50 MB), once they are on
    /// their way to the worker: the page does not hold the file twice.
    pub fn drop_bytes(&mut self) {
        if let ExportRequest::ReadCsv { bytes, .. }
        | ExportRequest::ReadDirectory { bytes, .. }
        | ExportRequest::ReadDirectoryAll { bytes } = self
        {
            *bytes = Vec::new();
        }
    }

    /// What the page says when the worker could not do it, `message` saying why.
    pub fn failure(&self, message: &str) -> String {
        match self {
            ExportRequest::ReadCsv { .. }
            | ExportRequest::ReadDirectory { .. }
            | ExportRequest::ReadDirectoryAll { .. } => message.to_string(),
            _ => format!("L'export n'a pas abouti : {message}"),
        }
    }
}

/// What the export worker says to the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportResponse {
    /// The worker listens: requests sent before this would have been lost.
    Ready,
    /// The file asked for.
    File(#[serde(with = "serde_bytes")] Vec<u8>),
    /// Why the file could not be made, in French.
    Failed(String),
}

/// The scenarios read, each with its name, and their simulations.
type Scenarios = (Vec<(String, engine::Scenario)>, Vec<engine::Simulation>);

/// `today` and each named scenario read and simulated, or what prevents it.
fn read_named(
    names: &[String],
    scenarios: &[String],
    today: &str,
) -> Result<(chrono::NaiveDate, Scenarios), String> {
    let today = engine::dates::parse_iso(today)
        .ok_or_else(|| format!("date du jour illisible : {today}"))?;
    let mut read = Vec::with_capacity(scenarios.len());
    for (name, text) in names.iter().zip(scenarios) {
        let scenario = parse_str(text).map_err(|errors| {
            format!(
                "« {name} » a {} erreur(s) à corriger avant l'export",
                errors.len()
            )
        })?;
        read.push((name.clone(), scenario));
    }
    let sims = read.iter().map(|(_, s)| simulate(s)).collect();
    Ok((today, (read, sims)))
}

/// The territory's spreadsheet: each commune's scenario read and simulated, then a sheet of
/// totals and a sheet per commune.
pub fn territory_file(
    format: SpreadsheetFormat,
    names: &[String],
    scenarios: &[String],
    today: &str,
    notes: &[String],
) -> Result<Vec<u8>, String> {
    let (today, (read, sims)) = read_named(names, scenarios, today)?;
    let t = engine::territory::territory(&Compared::list(&read, &sims), today);
    format.write(&super::territory::territory_sheets(
        &t,
        &sims.iter().collect::<Vec<_>>(),
        notes,
    ))
}

/// The comparison's spreadsheet: each scenario read, simulated and compared (the first the
/// reference), a sheet each and a sheet of the differences.
pub fn comparison_file(
    format: SpreadsheetFormat,
    names: &[String],
    scenarios: &[String],
    today: &str,
) -> Result<Vec<u8>, String> {
    let (today, (read, sims)) = read_named(names, scenarios, today)?;
    let comparison = engine::compare::compare(&Compared::list(&read, &sims), today);
    format.write(&super::compare::comparison_sheets(
        &comparison,
        &sims.iter().collect::<Vec<_>>(),
    ))
}

/// Makes what `request` asks for.
pub fn answer(request: &ExportRequest) -> ExportResponse {
    let text = match request {
        ExportRequest::ReadCsv { bytes, separator } => {
            return match crate::csv_text::read(bytes, *separator) {
                Ok(read) => match serde_json::to_vec(&read) {
                    Ok(json) => ExportResponse::File(json),
                    Err(_) => ExportResponse::Failed("le fichier n'a pas pu être transmis".into()),
                },
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::ReadDirectoryAll { bytes } => {
            return match crate::annuaire::by_commune(bytes) {
                Ok(found) => match serde_json::to_vec(&found) {
                    Ok(json) => ExportResponse::File(json),
                    Err(_) => ExportResponse::Failed("le fichier n'a pas pu être transmis".into()),
                },
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::ReadDirectory { bytes, insee } => {
            return match crate::annuaire::find(bytes, insee) {
                Ok(found) => match serde_json::to_vec(&found) {
                    Ok(json) => ExportResponse::File(json),
                    Err(_) => ExportResponse::Failed("le fichier n'a pas pu être transmis".into()),
                },
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::Comparison {
            format,
            names,
            scenarios,
            today,
        } => {
            return match comparison_file(*format, names, scenarios, today) {
                Ok(bytes) => ExportResponse::File(bytes),
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::TerritoryCalendar {
            scenarios,
            today,
            reminder_days,
        } => {
            let names: Vec<String> = (1..=scenarios.len())
                .map(|i| format!("commune {i}"))
                .collect();
            return match read_named(&names, scenarios, today) {
                Ok((today, (read, sims))) => {
                    let communes: Vec<_> = read.iter().map(|(_, s)| s).zip(&sims).collect();
                    ExportResponse::File(
                        ics::territory_ics(&communes, *reminder_days, today, PastEvents::Mark)
                            .into_bytes(),
                    )
                }
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::Territory {
            format,
            names,
            scenarios,
            today,
            notes,
        } => {
            return match territory_file(*format, names, scenarios, today, notes) {
                Ok(bytes) => ExportResponse::File(bytes),
                Err(message) => ExportResponse::Failed(message),
            };
        }
        ExportRequest::Annex1 { scenario, .. }
        | ExportRequest::Deliberation { scenario, .. }
        | ExportRequest::PreparationSheet { scenario, .. }
        | ExportRequest::Avenant { scenario, .. }
        | ExportRequest::TerminationLetter { scenario, .. }
        | ExportRequest::ListLetter { scenario, .. }
        | ExportRequest::BudgetCsv { scenario }
        | ExportRequest::Calendar { scenario, .. } => scenario,
    };
    let scenario = match parse_str(text) {
        Ok(s) => s,
        Err(errors) => {
            return ExportResponse::Failed(format!(
                "le scénario a {} erreur(s) à corriger avant l'export",
                errors.len()
            ));
        }
    };
    let sim = simulate(&scenario);
    let bytes = match request {
        // Answered above, without a scenario or with several.
        ExportRequest::ReadCsv { .. }
        | ExportRequest::ReadDirectory { .. }
        | ExportRequest::ReadDirectoryAll { .. }
        | ExportRequest::Comparison { .. }
        | ExportRequest::Territory { .. }
        | ExportRequest::TerritoryCalendar { .. } => {
            Err("ce n'est pas un document d'un scénario".into())
        }
        ExportRequest::Annex1 { format, .. } => format.write(&annex1_sheets(&scenario, &sim)),
        ExportRequest::Deliberation { format, .. } => {
            format.write(&deliberation::document(&scenario, &sim))
        }
        ExportRequest::PreparationSheet { format, .. } => {
            format.write(&deliberation::preparation_sheet(&scenario, &sim))
        }
        ExportRequest::Avenant { format, .. } => {
            super::avenant::document(&scenario, &sim, None).and_then(|doc| format.write(&doc))
        }
        ExportRequest::ListLetter { format, today, .. } => match engine::dates::parse_iso(today) {
            Some(today) => format.write(&letter::list_message(&scenario, today).letter_document(
                &super::commune_name(
                    &scenario,
                    &engine::r10_eligibility::r10_commune(&scenario.commune),
                ),
            )),
            None => Err(format!("date du jour illisible : {today}")),
        },
        ExportRequest::BudgetCsv { .. } => {
            Ok(budget::to_csv(&budget::budget_sheet(&scenario, &sim)).into_bytes())
        }
        ExportRequest::Calendar {
            today,
            reminder_days,
            past,
            ..
        } => match engine::dates::parse_iso(today) {
            Some(today) => {
                Ok(ics::to_ics(&scenario, &sim, *reminder_days, today, *past).into_bytes())
            }
            None => Err(format!("date du jour illisible : {today}")),
        },
        ExportRequest::TerminationLetter {
            format,
            today,
            anniversary,
            ..
        } => {
            let aimed = anniversary.as_deref().map(engine::dates::parse_iso);
            match (engine::dates::parse_iso(today), aimed) {
                (Some(today), None | Some(Some(_))) => {
                    termination_letter::document(&scenario, &sim, today, aimed.flatten())
                        .and_then(|doc| format.write(&doc))
                }
                (None, _) => Err(format!("date du jour illisible : {today}")),
                (_, Some(None)) => Err("anniversaire illisible".into()),
            }
        }
    };
    match bytes {
        Ok(bytes) => ExportResponse::File(bytes),
        Err(message) => ExportResponse::Failed(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn formats_from_file_names() {
        assert_eq!(
            SpreadsheetFormat::from_file_name("Annexe1.ODS"),
            Some(SpreadsheetFormat::Ods)
        );
        assert_eq!(
            SpreadsheetFormat::from_file_name("a.xlsx"),
            Some(SpreadsheetFormat::Xlsx)
        );
        assert_eq!(SpreadsheetFormat::from_file_name("a.csv"), None);
    }

    #[test]
    fn the_worker_answers_with_the_file_or_a_french_message() {
        for format in SpreadsheetFormat::ALL {
            let request = ExportRequest::Annex1 {
                format,
                scenario: samples::TASSIN_JSON.into(),
            };
            match answer(&request) {
                ExportResponse::File(bytes) => assert!(bytes.starts_with(b"PK"), "{format:?}"),
                other => panic!("{other:?}"),
            }
        }
        let bad = ExportRequest::Annex1 {
            format: SpreadsheetFormat::Ods,
            scenario: "{}".into(),
        };
        assert!(matches!(answer(&bad), ExportResponse::Failed(m) if m.contains("erreur")));
    }

    #[test]
    fn the_worker_compares_scenarios_or_names_the_one_with_errors() {
        let ask = |scenarios: Vec<String>| ExportRequest::Comparison {
            format: SpreadsheetFormat::Xlsx,
            names: vec!["Tassin".into(), "Variante".into()],
            scenarios,
            today: "2026-11-30".into(),
        };
        let tassin = samples::TASSIN_JSON.to_string();
        match answer(&ask(vec![tassin.clone(), tassin.clone()])) {
            ExportResponse::File(bytes) => assert!(bytes.starts_with(b"PK")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            answer(&ask(vec![tassin, "{}".into()])),
            ExportResponse::Failed("« Variante » a 2 erreur(s) à corriger avant l'export".into())
        );
    }

    #[test]
    fn the_worker_writes_the_deliberation_in_each_form() {
        let ask = |format| ExportRequest::Deliberation {
            format,
            scenario: samples::TASSIN_JSON.into(),
        };
        let text = |format| match answer(&ask(format)) {
            ExportResponse::File(bytes) => String::from_utf8(bytes).unwrap(),
            other => panic!("{other:?}"),
        };
        assert!(text(DocumentFormat::Html).starts_with("<!doctype html>"));
        let body = text(DocumentFormat::HtmlBody);
        assert!(
            body.starts_with("<div class=\"mast\">RÉPUBLIQUE FRANÇAISE<br>")
                && body.contains(
                    "Extrait du registre des délibérations du conseil municipal — projet, sans valeur d'acte avant la séance</div>\n<p>N° "
                )
                && !body.contains("<body>"),
            "{body}"
        );
        assert!(
            text(DocumentFormat::Text).contains("Le Conseil Municipal, après en avoir délibéré :")
        );
        match answer(&ask(DocumentFormat::Odt)) {
            ExportResponse::File(bytes) => assert!(bytes.starts_with(b"PK")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_worker_writes_the_calendar() {
        let ask = |past| ExportRequest::Calendar {
            scenario: samples::TASSIN_JSON.into(),
            today: "2026-11-30".into(),
            reminder_days: 15,
            past,
        };
        let text = |past| match answer(&ask(past)) {
            ExportResponse::File(bytes) => String::from_utf8(bytes).unwrap(),
            other => panic!("{other:?}"),
        };
        let marked = text(PastEvents::Mark);
        assert!(marked.starts_with("BEGIN:VCALENDAR\r\n"), "{marked}");
        assert!(marked.contains(ics::PAST_MARK) && marked.contains("TRIGGER:-P15D"));
        assert!(!text(PastEvents::LeaveOut).contains(ics::PAST_MARK));
        let bad_day = ExportRequest::Calendar {
            scenario: samples::TASSIN_JSON.into(),
            today: "30/11/2026".into(),
            reminder_days: 15,
            past: PastEvents::Mark,
        };
        assert!(matches!(answer(&bad_day), ExportResponse::Failed(m) if m.contains("30/11/2026")));
    }

    #[test]
    fn the_worker_reads_a_csv_into_cells() {
        let ask = |bytes: &[u8], separator| ExportRequest::ReadCsv {
            bytes: bytes.to_vec(),
            separator,
        };
        let read = |request| match answer(&request) {
            ExportResponse::File(json) => {
                serde_json::from_slice::<crate::csv_text::CsvText>(&json).unwrap()
            }
            other => panic!("{other:?}"),
        };
        // Windows-1252 (0xC9 is É), semicolons detected.
        let latin = read(ask(b"\xC9cole A;0691234A\r\n\xC9cole B;0691235B\r\n", None));
        assert_eq!(latin.separator, b';');
        assert_eq!(latin.rows[1], ["École B", "0691235B"]);
        // Read again with the separator the person chose.
        let commas = read(ask(b"a;b,c\n", Some(b',')));
        assert_eq!(commas.rows, [["a;b", "c"]]);
        // A spreadsheet is refused with its French reason, which the page shows as is.
        let xlsx = ask(b"PK\x03\x04rest", None);
        match answer(&xlsx) {
            ExportResponse::Failed(m) => {
                assert!(m.contains("classeur"), "{m}");
                assert_eq!(xlsx.failure(&m), m);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn messages_cross_as_data() {
        let request = ExportRequest::Annex1 {
            format: SpreadsheetFormat::Xlsx,
            scenario: "{}".into(),
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(
            serde_json::from_str::<ExportRequest>(&text).unwrap(),
            request
        );
    }
}

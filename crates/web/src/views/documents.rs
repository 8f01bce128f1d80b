//! The papers: the Annex 1 list, the budget, the calendar, the draft deliberation and its
//! preparation sheet, the yearly list's e-mail and letter — each asked of the export worker
//! with the scenario as it is now, under a file name made from the commune's.

use chrono::NaiveDate;

use engine::Clause;
use engine::dates::{fr, iso, next_day};
use engine::r5_r6_access::{ListDates, r6_yearly_list};
use io::exports::ics::PastEvents;
use io::exports::letter::{self, ListMessage};
use io::exports::worker::{DocumentFormat, ExportRequest, SpreadsheetFormat};
use io::scenario::to_string_pretty;

use crate::live::Figures;
use crate::share::file_stem;

/// The documents section.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentsView {
    /// « Liste annuelle à envoyer avant le 20/06/2027 ».
    pub list_title: String,
    /// The yearly list's clause (Annexe 1).
    pub list_clause: Clause,
    /// « Changements depuis le … : 1 ajout(s), … Dernier jour sûr : … ».
    pub list_changes: String,
    /// The file names' stem, from the commune's name.
    pub base: String,
    today: NaiveDate,
    figures: Figures,
}

/// A kind of document: its heading, the clause it answers, what it holds.
pub type Heading = (&'static str, Clause, &'static str);

impl DocumentsView {
    /// The Annex 1 list.
    pub const ANNEX1: Heading = (
        "Liste des écoles (annexe 1) ",
        Clause::Annexe1Administrator,
        "« Au format Excel ou open office » : les écoles éligibles, leurs administrateurs, les contacts de la commune ; une feuille des redevances.",
    );
    /// The budget by exercice.
    pub const BUDGET: Heading = (
        "Budget par exercice ",
        Clause::Art6Title,
        "Les titres de recette de chaque exercice, par école et par groupe scolaire (les deux lectures), avec le total de l'exercice : aussi dans la feuille « Budget » des listes ci-dessus.",
    );
    /// The avenant's heading clause (Art. 6, the fee it changes).
    pub const AVENANT_CLAUSE: Clause = Clause::Art6Fee;
    /// What the preparation sheet holds.
    pub const SHEET_HINT: &'static str = "La fiche de préparation accompagne le projet sans en faire partie : données de transmission @ctes (nature, matière, numéro, objet, date), notes de travail et contrôles.";
    /// The choices for the calendar's past deadlines: code, label.
    pub const PAST_OPTIONS: [(&'static str, &'static str); 2] = [
        ("marquer", "gardées, marquées « (passée) », sans rappel"),
        ("omettre", "laissées de côté"),
    ];

    /// The calendar's past deadlines for a choice's code.
    pub fn past_of(code: &str) -> PastEvents {
        if code == "omettre" {
            PastEvents::LeaveOut
        } else {
            PastEvents::Mark
        }
    }

    /// The code of `past` among [`DocumentsView::PAST_OPTIONS`].
    pub fn past_code(past: PastEvents) -> &'static str {
        match past {
            PastEvents::LeaveOut => "omettre",
            PastEvents::Mark => "marquer",
        }
    }

    /// Why the documents wait, while `errors` fields are invalid.
    pub fn blocked(errors: usize) -> Option<String> {
        (errors > 0).then(|| {
            format!(
                "Documents indisponibles : {} d'abord. Un document ne reprend jamais les chiffres d'une saisie dépassée.",
                crate::app::errors_title(errors)
            )
        })
    }

    /// The documents of `figures` on `today`.
    pub fn of(figures: &Figures, today: NaiveDate) -> DocumentsView {
        let scenario = figures.scenario();
        let dates: Vec<ListDates> = scenario.schools.iter().map(ListDates::from).collect();
        let list = r6_yearly_list(scenario.convention.notified, &dates, today);
        DocumentsView {
            list_title: format!(
                "Liste annuelle à envoyer avant le {} ",
                fr(next_day(list.deadline))
            ),
            list_clause: Clause::Annexe1YearlyList,
            list_changes: format!(
                "Changements depuis le {} : {} ajout(s), {} radiation(s), {} changement(s) de responsable. Dernier jour sûr : {}.",
                fr(list.since),
                list.additions.len(),
                list.removals.len(),
                list.admin_changes.len(),
                fr(list.deadline)
            ),
            base: file_stem(&scenario.commune.name),
            today,
            figures: figures.clone(),
        }
    }

    fn scenario(&self) -> String {
        to_string_pretty(self.figures.scenario())
    }

    /// The Annex 1 list in `format`, and its file name.
    pub fn annex1(&self, format: SpreadsheetFormat) -> (ExportRequest, String) {
        (
            ExportRequest::Annex1 {
                format,
                scenario: self.scenario(),
            },
            format!("{}-annexe1.{}", self.base, format.extension()),
        )
    }

    /// The budget by exercice, as CSV, and its file name.
    pub fn budget_csv(&self) -> (ExportRequest, String) {
        (
            ExportRequest::BudgetCsv {
                scenario: self.scenario(),
            },
            format!("{}-budget.csv", self.base),
        )
    }

    /// The signed letter of the yearly list (.odt), and its file name.
    pub fn list_letter(&self) -> (ExportRequest, String) {
        (
            ExportRequest::ListLetter {
                format: DocumentFormat::Odt,
                scenario: self.scenario(),
                today: iso(self.today),
            },
            format!("{}-lettre-liste.odt", self.base),
        )
    }

    /// The calendar with a reminder `reminder` days (as typed) before each deadline, its file
    /// name and what to say once made; or why the reminder is refused.
    pub fn calendar(
        &self,
        reminder: &str,
        past: PastEvents,
    ) -> Result<(ExportRequest, String, String), String> {
        let days = reminder
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 365)
            .ok_or("Le rappel est un nombre de jours entre 0 et 365.")?;
        Ok((
            ExportRequest::Calendar {
                scenario: self.scenario(),
                today: iso(self.today),
                reminder_days: days,
                past,
            },
            format!("{}-echeances.ics", self.base),
            format!(
                "Calendrier prêt : {} échéances, rappel {days} jours avant.",
                self.figures.sim().deadlines.len()
            ),
        ))
    }

    /// The draft deliberation in `format`.
    pub fn deliberation(&self, format: DocumentFormat) -> ExportRequest {
        ExportRequest::Deliberation {
            format,
            scenario: self.scenario(),
        }
    }

    /// The draft's file name in `format`.
    pub fn deliberation_file(&self, format: DocumentFormat) -> String {
        format!("{}-deliberation.{}", self.base, format.extension())
    }

    /// The preparation sheet (.odt), and its file name.
    pub fn preparation_sheet(&self) -> (ExportRequest, String) {
        (
            ExportRequest::PreparationSheet {
                format: DocumentFormat::Odt,
                scenario: self.scenario(),
            },
            format!("{}-fiche-preparation.odt", self.base),
        )
    }

    /// The draft approving the last avenant of the fee, when the simulation has one: its
    /// heading (« Projet d'avenant n° 1 : 165,00 € à partir du 01/01/2025 »), and what it is (a
    /// deliberation, or the mayor's décision under the 4° delegation).
    pub fn avenant(&self) -> Option<(String, &'static str)> {
        let sim = self.figures.sim();
        let n = sim.fee_changes.len();
        let last = sim.fee_changes.last()?;
        Some((
            format!(
                "{} l'avenant n° {n} : {} à partir du {} ",
                if self.figures.scenario().termination_delegation {
                    "Décision du Maire approuvant"
                } else {
                    "Projet de délibération approuvant"
                },
                last.annual_fee,
                fr(last.from)
            ),
            if self.figures.scenario().termination_delegation {
                "La décision du Maire (délégation de l'article L2122-22 4° du CGCT) approuvant l'avenant qui modifie la redevance de l'article 6 : son montant, sa date, les crédits de l'exercice qui le porte ; en annexe, les redevances de chaque année. La séance et le vote sont à compléter."
            } else {
                "Le projet de délibération approuvant l'avenant qui modifie la redevance de l'article 6 : son montant, sa date, les crédits de l'exercice qui le porte ; en annexe, les redevances de chaque année. La séance qui le votera n'est pas celle de 2023 : sa date, ses membres et son vote sont à compléter."
            },
        ))
    }

    /// The avenant's draft in `format`, and its file name.
    pub fn avenant_draft(&self, format: DocumentFormat) -> (ExportRequest, String) {
        (
            ExportRequest::Avenant {
                format,
                scenario: self.scenario(),
            },
            format!(
                "{}-avenant-{}.{}",
                self.base,
                self.figures.sim().fee_changes.len(),
                format.extension()
            ),
        )
    }

    /// The yearly list's e-mail and signed letter, written on the view's day.
    pub fn list_message(&self) -> ListMessage {
        letter::list_message(self.figures.scenario(), self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::live::Live;
    use io::samples;

    #[test]
    fn tassin_s_documents_are_named_after_the_commune() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let v = DocumentsView::of(&f, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(
            v.annex1(SpreadsheetFormat::Ods).1,
            "laclasse-sim-tassin-la-demi-lune-annexe1.ods"
        );
        assert!(
            v.list_title
                .starts_with("Liste annuelle à envoyer avant le 20/06/2027"),
            "{}",
            v.list_title
        );
        let (_, file, said) = v.calendar(" 7 ", PastEvents::Mark).unwrap();
        assert_eq!(file, "laclasse-sim-tassin-la-demi-lune-echeances.ics");
        assert!(said.ends_with("rappel 7 jours avant."));
        assert!(v.calendar("400", PastEvents::Mark).is_err());
        assert!(!v.list_message().subject.is_empty());
        assert_eq!(
            v.budget_csv().1,
            "laclasse-sim-tassin-la-demi-lune-budget.csv"
        );
        assert_eq!(
            v.list_letter().1,
            "laclasse-sim-tassin-la-demi-lune-lettre-liste.odt"
        );
        assert_eq!(
            v.preparation_sheet().1,
            "laclasse-sim-tassin-la-demi-lune-fiche-preparation.odt"
        );
        assert_eq!(
            v.deliberation_file(DocumentFormat::Odt),
            "laclasse-sim-tassin-la-demi-lune-deliberation.odt"
        );
        assert!(matches!(
            v.deliberation(DocumentFormat::Html),
            ExportRequest::Deliberation {
                format: DocumentFormat::Html,
                ..
            }
        ));
        assert_eq!(
            DocumentsView::past_of(DocumentsView::past_code(PastEvents::LeaveOut)),
            PastEvents::LeaveOut
        );
        assert_eq!(v.avenant(), None);
        let mut raised = draft.clone();
        raised.set(
            io::schema::Field::FeeChanges,
            "2025-01-01\t165,00\tavenant n° 1",
        );
        let f = Live::default().compute(&raised).result.unwrap();
        let v = DocumentsView::of(&f, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(
            v.avenant().unwrap().0,
            "Projet de délibération approuvant l'avenant n° 1 : 165,00 € à partir du 01/01/2025 "
        );
        assert_eq!(
            v.avenant_draft(DocumentFormat::Odt).1,
            "laclasse-sim-tassin-la-demi-lune-avenant-1.odt"
        );
        assert_eq!(DocumentsView::blocked(0), None);
        assert_eq!(
            DocumentsView::blocked(2).unwrap(),
            "Documents indisponibles : 2 champs à corriger d'abord. Un document ne reprend jamais les chiffres d'une saisie dépassée."
        );
    }
}

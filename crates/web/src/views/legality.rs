//! The deliberation's checks and legality dates: the meeting (presiding, quorum, convocation,
//! proxies, vote), when it is enforceable, the appeal and the préfet's referral deadlines, the
//! list of deliberations, a convention signed too early or without the council's approval.

use chrono::NaiveDate;

use engine::dates::{fr, fr_weekday};
use engine::r9_calendar::caution_note;
use engine::{Clause, Explained, Explanation};

use crate::live::Figures;
use crate::summary::remaining;

/// The legality section; `None` from [`LegalityView::of`] when there is nothing to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalityView {
    /// Each check of the meeting.
    pub checks: Vec<CheckRow>,
    /// Each warning on the convention's signature: its element id, its text.
    pub flags: Vec<Flagged>,
    /// The dated lines, in order: when it is enforceable (or what that waits for), the
    /// appeal, the déféré, the list of deliberations.
    pub dates: Vec<DateLine>,
    /// The publicity rule for the commune's size, when any date is known.
    pub publicity: Option<&'static str>,
}

/// A check of the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRow {
    /// Its element id, when it has one.
    pub id: Option<&'static str>,
    /// `ok`, `warn` or `note`.
    pub class: &'static str,
    /// « ✓ », « ⚠ » or « À vérifier : ».
    pub mark: &'static str,
    /// What it found.
    pub text: String,
    /// Its explanation (with its article).
    pub why: Explanation,
}

/// A warning on the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged {
    /// Its element id.
    pub id: &'static str,
    /// « ⚠ … ».
    pub text: String,
    /// Its explanation.
    pub why: Explanation,
}

/// A line of the dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateLine {
    /// A date with its explanation.
    Dated(DatedRow),
    /// What a date waits for: its element id, the sentence.
    Pending(&'static str, String),
}

/// A dated line: « Exécutoire le lundi 20/11/2023 (il y a 3 jours) ».
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedRow {
    /// Its element id.
    pub id: &'static str,
    /// What the date is.
    pub lead: &'static str,
    /// « lundi 20/11/2023 ».
    pub date: String,
    /// « (il y a 3 jours) ».
    pub remaining: String,
    /// At a month end, the earlier safe day.
    pub caution: Option<String>,
    /// Its explanation.
    pub why: Explanation,
}

impl DatedRow {
    fn of(
        id: &'static str,
        lead: &'static str,
        d: &Explained<NaiveDate>,
        today: NaiveDate,
        caution: Option<NaiveDate>,
    ) -> DatedRow {
        DatedRow {
            id,
            lead,
            date: format!("{} {}", fr_weekday(d.value), fr(d.value)),
            remaining: format!(" ({}) ", remaining(today, d.value)),
            caution: caution.map(|day| format!("— {} ", caution_note(day))),
            why: d.why.clone(),
        }
    }

    /// Its clause.
    pub fn clause(&self) -> Clause {
        self.why.main_clause()
    }
}

impl LegalityView {
    /// The legality of `figures` on `today`; `None` when no date and no check is known.
    pub fn of(figures: &Figures, today: NaiveDate) -> Option<LegalityView> {
        let sim = figures.sim();
        let l = &sim.legality;
        let lines = sim.meeting.lines();
        if !l.any_known() && lines.is_empty() {
            return None;
        }
        let checks = lines
            .into_iter()
            .map(|line| {
                let (class, mark) = match line.ok {
                    Some(true) => ("ok", "✓ "),
                    Some(false) => ("warn", "⚠ "),
                    None => ("note", "À vérifier : "),
                };
                CheckRow {
                    id: line.id,
                    class,
                    mark,
                    text: line
                        .text
                        .strip_prefix("À vérifier : ")
                        .unwrap_or(&line.text)
                        .to_string(),
                    why: line.why,
                }
            })
            .collect();
        let mut dates = Vec::new();
        if let Some(e) = &l.enforceable {
            dates.push(DateLine::Dated(DatedRow::of(
                "executoire",
                "Exécutoire le ",
                e,
                today,
                None,
            )));
        }
        if let Some(pending) = l.pending() {
            dates.push(DateLine::Pending("executoire", pending));
        }
        if let Some(a) = &sim.appeal_deadline {
            dates.push(DateLine::Dated(DatedRow::of(
                "recours",
                "Recours contentieux ou gracieux jusqu'au ",
                a,
                today,
                sim.appeal_caution(),
            )));
        }
        if let Some(r) = &l.prefect_referral {
            dates.push(DateLine::Dated(DatedRow::of(
                "defere",
                "Déféré préfectoral (hypothèse : délai franc) jusqu'au ",
                r,
                today,
                sim.referral_caution(),
            )));
        }
        if let Some(list) = &l.list_of_deliberations {
            dates.push(DateLine::Dated(DatedRow::of(
                "liste-deliberations",
                "Liste des délibérations affichée et mise en ligne au plus tard le ",
                list,
                today,
                None,
            )));
        }
        Some(LegalityView {
            checks,
            flags: l
                .signature_flags()
                .into_iter()
                .map(|(id, text, why)| Flagged {
                    id,
                    text: format!("⚠ {text} "),
                    why: why.clone(),
                })
                .collect(),
            dates,
            publicity: l.any_known().then(|| l.publicity.hint()),
        })
    }
}

//! The summary at the top of the results: this convention year's fee, the next budget year,
//! the commune's next deadline and the schools eligible — what an official looks for first.

use chrono::{Datelike, NaiveDate};

use engine::dates::{days_between, fr, fr_weekday};

use engine::{Deadline, Money, Simulation};

/// What the summary shows, picked from a simulation for `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The convention year that holds today: its number, first and last day, and fee.
    pub current_year: Option<(u32, NaiveDate, NaiveDate, Money)>,
    /// The budget year after today's, and its total of titles.
    pub next_budget: Option<(i32, Money)>,
    /// The next date the commune must act by (notice or yearly list), today included.
    pub next_deadline: Option<Deadline>,
    /// Schools that may be on the list.
    pub eligible: usize,
    /// Schools entered.
    pub schools: usize,
    /// The day it is for.
    pub today: NaiveDate,
}

/// The summary of `sim` on `today`.
pub fn summary(sim: &Simulation, today: NaiveDate) -> Summary {
    let unit = sim.billing_unit;
    Summary {
        current_year: sim
            .years
            .iter()
            .find(|y| y.year.start <= today && today <= y.year.end)
            .map(|y| (y.year.number, y.year.start, y.year.end, y.billing(unit).fee)),
        next_budget: sim
            .budget()
            .iter()
            .find(|b| b.year == today.year() + 1)
            .map(|b| (b.year, b.fee)),
        next_deadline: sim.next_commune_deadline(today).cloned(),
        eligible: sim
            .schools
            .iter()
            .filter(|s| s.eligibility.eligible())
            .count(),
        schools: sim.schools.len(),
        today,
    }
}

/// A line of the summary as the page shows it: the same in the app and in the first figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryLine {
    /// The element's id.
    pub id: &'static str,
    /// What it is.
    pub label: &'static str,
    /// The figure, in bold; empty when there is none.
    pub figure: String,
    /// What follows the figure.
    pub rest: String,
}

impl Summary {
    /// The four lines, in the page's words.
    pub fn lines(&self) -> [SummaryLine; 4] {
        let today = self.today;
        let line = |id, label, figure: String, rest: String| SummaryLine {
            id,
            label,
            figure,
            rest,
        };
        [
            match self.current_year {
                Some((n, start, end, fee)) => line(
                    "resume-annee",
                    "Année de convention en cours",
                    fee.to_string(),
                    format!(" (n° {n}, du {} au {})", fr(start), fr(end)),
                ),
                None => line(
                    "resume-annee",
                    "Année de convention en cours",
                    String::new(),
                    "aucune aujourd'hui".into(),
                ),
            },
            match self.next_budget {
                Some((year, fee)) => line(
                    "resume-exercice",
                    "Exercice suivant",
                    fee.to_string(),
                    format!(" en {year}"),
                ),
                None => line(
                    "resume-exercice",
                    "Exercice suivant",
                    String::new(),
                    "hors de l'horizon".into(),
                ),
            },
            match &self.next_deadline {
                Some(d) => line(
                    "resume-echeance",
                    "Prochaine échéance de la commune",
                    format!("{} {}", fr_weekday(d.date), fr(d.date)),
                    format!(" ({}) : {}", remaining(today, d.date), d.kind.label()),
                ),
                None => line(
                    "resume-echeance",
                    "Prochaine échéance de la commune",
                    String::new(),
                    "aucune dans l'horizon".into(),
                ),
            },
            line(
                "resume-ecoles",
                "Écoles éligibles",
                self.eligible.to_string(),
                format!(" sur {}", self.schools),
            ),
        ]
    }
}

/// The note beside the fee tables when schools share a group: the text has two readings.
pub const TWO_READINGS_NOTE: &str = "Deux lectures du texte : l'article 6 et le point 2 de la délibération disent « par école utilisatrice », les considérants « par groupe scolaire utilisateur ». L'écart montre ce que coûte la formulation.";

/// The hypothesis said when a unit is billed the whole year for a few days of access (R3).
pub const SHORT_ACCESS_NOTE: &str =
    "Hypothèse : l'année est due en entier, même pour quelques jours d'accès";

/// Each unit billed the whole year for a few days of access, as a line of the page: its year,
/// its schools' names and what happened.
pub fn short_access_notes(sim: &Simulation) -> Vec<String> {
    let unit = sim.billing_unit;
    sim.years
        .iter()
        .flat_map(|y| {
            y.billing(unit).short_access.iter().map(move |s| {
                let names: Vec<&str> = s
                    .schools
                    .iter()
                    .map(|&i| sim.schools[i].name.as_str())
                    .collect();
                format!(
                    "Année {}, {} : {}",
                    y.year.number,
                    names.join(", "),
                    s.describe()
                )
            })
        })
        .collect()
}

/// "dans 12 jours", "aujourd'hui", "passée".
pub fn remaining(today: NaiveDate, date: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "aujourd'hui".into(),
        1 => "demain".into(),
        n if n > 1 => format!("dans {n} jours"),
        -1 => "hier".into(),
        n => format!("il y a {} jours", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{DeadlineKind, simulate};
    use io::{parse_str, samples};

    #[test]
    fn the_tassin_summary_on_30_november_2026() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = simulate(&s);
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let sum = summary(&sim, today);
        // Year 4 runs from 16/11/2026 to 15/11/2027: three schools, 450 €.
        let (n, start, _, fee) = sum.current_year.unwrap();
        assert_eq!(
            (n, start),
            (4, NaiveDate::from_ymd_opt(2026, 11, 16).unwrap())
        );
        assert_eq!(fee, Money::from_euros(450));
        assert_eq!(sum.next_budget, Some((2027, Money::from_euros(450))));
        // The next deadline the commune acts by: the yearly list, 19/06/2027.
        let next = sum.next_deadline.unwrap();
        assert_eq!(next.kind, DeadlineKind::ListUpdate);
        assert_eq!(next.date, NaiveDate::from_ymd_opt(2027, 6, 19).unwrap());
        assert_eq!((sum.eligible, sum.schools), (4, 4));
    }
}

//! Each school: eligible or not, why, with the clause; its warnings; its access dates.

use engine::dates::fr;
use engine::{Clause, Explanation};

use crate::live::Figures;

/// The eligibility section.
#[derive(Clone, Debug, PartialEq)]
pub struct EligibilityView {
    /// « Éligibilité des écoles : 3 sur 4 ».
    pub title: String,
    /// How many schools (rows), for the pages.
    pub schools: usize,
    figures: Figures,
}

/// A school's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolStatusRow {
    /// Its name.
    pub name: String,
    /// Whether it may be on the list.
    pub eligible: bool,
    /// « ✓ éligible » or « ✗ non éligible ».
    pub status: &'static str,
    /// What blocks it, each with its clause.
    pub reasons: Vec<(String, Clause)>,
    /// What needs attention, each with its clause.
    pub warnings: Vec<(String, Clause)>,
    /// « du 30/11/2023 au 20/08/2025 exclu », « depuis le … », « aucun ».
    pub access: String,
}

impl EligibilityView {
    /// The eligibility of `figures`.
    pub fn of(figures: &Figures) -> EligibilityView {
        let sim = figures.sim();
        let eligible = sim
            .schools
            .iter()
            .filter(|s| s.eligibility.eligible())
            .count();
        EligibilityView {
            title: format!(
                "Éligibilité des écoles : {eligible} sur {}",
                sim.schools.len()
            ),
            schools: sim.schools.len(),
            figures: figures.clone(),
        }
    }

    /// The rows of the schools in `range`.
    pub fn rows(&self, range: std::ops::Range<usize>) -> Vec<SchoolStatusRow> {
        let schools = &self.figures.sim().schools;
        schools
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|s| {
                let e = &s.eligibility;
                SchoolStatusRow {
                    name: s.name.clone(),
                    eligible: e.eligible(),
                    status: if e.eligible() {
                        "✓ éligible"
                    } else {
                        "✗ non éligible"
                    },
                    reasons: e
                        .reasons
                        .iter()
                        .map(|r| (r.message.clone(), r.clause))
                        .collect(),
                    warnings: e
                        .warnings
                        .iter()
                        .map(|w| (w.message.clone(), w.clause))
                        .collect(),
                    access: match (s.access_from(), s.access_until()) {
                        (Some(f), Some(u)) => format!("du {} au {} exclu", fr(f), fr(u)),
                        (Some(f), None) => format!("depuis le {}", fr(f)),
                        _ if e.eligible() => "jamais (retirée avant son ouverture)".into(),
                        _ => "aucun".into(),
                    },
                }
            })
            .collect()
    }

    /// Whether the `index`-th school is the same in both views, explanation included: its row
    /// need not be drawn again.
    pub fn same_school(&self, other: &EligibilityView, index: usize) -> bool {
        self.figures.sim().schools.get(index) == other.figures.sim().schools.get(index)
    }

    /// Why the `index`-th school is eligible or not, and its access dates.
    pub fn why(&self, index: usize) -> Option<Explanation> {
        let s = self.figures.sim().schools.get(index)?;
        let mut x = s.eligibility.why();
        if let Some(a) = s.access {
            let more = a.why();
            x.clauses.extend(
                more.clauses
                    .into_iter()
                    .filter(|c| *c != Clause::Art5FirstDegree),
            );
            x.inputs.extend(more.inputs);
            x.steps.extend(more.steps);
            x.assumptions.extend(more.assumptions);
        }
        Some(x)
    }
}

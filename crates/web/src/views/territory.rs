//! The Métropole's view as the page shows it: the communes' table in the order asked, the
//! totals, Annexe 2 against the reference, the budget years and their chart, each commune's
//! budget years, the titles by month, the lists changed late.

use std::rc::Rc;

use chrono::{Datelike, NaiveDate};

use engine::dates::fr;
use engine::territory::{CommuneRow, Territory, late_lists_hypothesis, late_lists_title};
use engine::{Clause, Explanation};

use crate::territory::{SortKey, TerritoryState, sorted};

/// The communes' tables in the order asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerritoryTable {
    /// Each column: its key, its title, its `aria-sort`, its arrow.
    pub columns: Vec<(SortKey, &'static str, &'static str, &'static str)>,
    /// Each commune: name, schools, this year's fee, total, next date.
    pub communes: Vec<[String; 5]>,
    /// Each commune's amount in each budget year (« — » where none).
    pub communes_budget: Vec<(String, Vec<String>)>,
}

/// The territory's figures, for the communes opened, on a day (the table's order apart:
/// [`TerritoryView::table`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TerritoryView {
    /// « Au 30/11/2026 : 3 communes sur 58 … ».
    pub joined: String,
    /// The hypotheses the figures rest on.
    pub notes: Vec<String>,
    /// « Communes (3) — cliquer un titre de colonne pour trier ».
    pub caption: String,
    /// The territory's line: schools, this year's fees, total.
    pub totals: [String; 3],
    /// Annexe 2: each part with its percentage, this year's amount, the reference's.
    pub shares: Vec<[String; 3]>,
    /// « Référence : 625 écoles ».
    pub reference_header: String,
    /// This year's total and the reference's.
    pub shares_totals: [String; 2],
    /// How this year's total splits.
    pub shares_why: Explanation,
    /// Each budget year: year, amount, amount in cents.
    pub budget_years: Vec<(i32, String, u64)>,
    /// Each month with titles: « 11/2026 », titles, amount.
    pub titles: Vec<(String, u64, String)>,
    /// The lists changed late: title, hypothesis, and each commune's line (or the sentence
    /// saying there is none).
    pub late: (String, String, Result<Vec<String>, String>),
    /// The clauses of the fees, the titles, Annexe 2, the yearly list.
    pub clauses: [Clause; 4],
    territory: Rc<Territory>,
}

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

impl TerritoryView {
    /// The view of the communes of `state` on `today`.
    pub fn of(state: &TerritoryState, today: NaiveDate) -> TerritoryView {
        let t = state.territory(today);
        TerritoryView {
            joined: format!(
                "Au {} : {} commune{} sur {} avec au moins une école ayant accès, {} école{} sur {}.",
                fr(t.today),
                t.joined_communes,
                plural(t.joined_communes),
                t.communes_in_metropole,
                t.joined_schools,
                plural(t.joined_schools),
                t.schools_in_metropole
            ),
            notes: state.notes(),
            caption: format!(
                "Communes ({}) — cliquer un titre de colonne pour trier ",
                t.communes.len()
            ),
            totals: [
                t.joined_schools.to_string(),
                t.current_year_total.to_string(),
                t.total.to_string(),
            ],
            shares: t
                .current_year_shares
                .value
                .parts()
                .iter()
                .zip(t.reference_shares.parts())
                .map(|((label, pct, real), (_, _, reference))| {
                    [
                        format!("{label} ({pct} %)"),
                        real.to_string(),
                        reference.to_string(),
                    ]
                })
                .collect(),
            reference_header: format!("Référence : {} écoles", t.schools_in_metropole),
            shares_totals: [t.current_year_total.to_string(), t.reference.to_string()],
            shares_why: t.current_year_shares.why.clone(),
            budget_years: t
                .budget_years
                .iter()
                .map(|(y, f)| (*y, f.to_string(), f.cents()))
                .collect(),
            titles: t
                .titles_by_month
                .iter()
                .map(|m| {
                    (
                        format!("{:02}/{}", m.month, m.year),
                        m.titles,
                        m.amount.to_string(),
                    )
                })
                .collect(),
            late: (
                late_lists_title(),
                late_lists_hypothesis(),
                if t.communes.iter().all(|c| c.late_list_changes.is_empty()) {
                    Err(format!("Aucune commune cette année ({}).", t.today.year()))
                } else {
                    Ok(t.communes
                        .iter()
                        .filter(|c| !c.late_list_changes.is_empty())
                        .map(|c| {
                            format!(
                                "{} : {}",
                                c.name,
                                c.late_list_changes
                                    .iter()
                                    .map(|d| fr(*d))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        })
                        .collect())
                },
            ),
            clauses: [
                Clause::Art6Fee,
                Clause::Art6Title,
                Clause::Annexe2Costs,
                Clause::Annexe1YearlyList,
            ],
            territory: Rc::new(t),
        }
    }

    /// The communes' tables sorted by `sort` (the column, whether descending; `None`: the
    /// order opened).
    pub fn table(&self, sort: Option<(SortKey, bool)>) -> TerritoryTable {
        let t = &self.territory;
        let order = sorted(t, sort);
        let label = |c: &CommuneRow| match &c.commune {
            Some(n) if *n != c.name => format!("{} ({n})", c.name),
            _ => c.name.clone(),
        };
        TerritoryTable {
            columns: SortKey::ALL
                .into_iter()
                .map(|key| {
                    let (aria, arrow) = match sort {
                        Some((k, false)) if k == key => ("ascending", " ▲"),
                        Some((k, true)) if k == key => ("descending", " ▼"),
                        _ => ("none", ""),
                    };
                    (key, key.label(), aria, arrow)
                })
                .collect(),
            communes: order
                .iter()
                .map(|&i| {
                    let c = &t.communes[i];
                    [
                        label(c),
                        c.schools_with_access.to_string(),
                        c.current_year_fee.to_string(),
                        c.total.to_string(),
                        c.next_deadline
                            .as_ref()
                            .map(|d| format!("{} — {}", fr(d.date), d.kind.label()))
                            .unwrap_or_else(|| "—".into()),
                    ]
                })
                .collect(),
            communes_budget: order
                .iter()
                .map(|&i| {
                    let c = &t.communes[i];
                    (
                        label(c),
                        t.budget_years
                            .iter()
                            .map(|(year, _)| {
                                c.budget
                                    .iter()
                                    .find(|(y, _)| y == year)
                                    .map(|(_, f)| f.to_string())
                                    .unwrap_or_else(|| "—".into())
                            })
                            .collect(),
                    )
                })
                .collect(),
        }
    }

    /// The chart's summary for screen readers: « 2024 : 750,00 €, … ».
    pub fn chart_label(&self) -> String {
        self.budget_years
            .iter()
            .map(|(y, f, _)| format!("{y} : {f}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

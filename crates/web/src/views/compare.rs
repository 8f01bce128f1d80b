//! The comparison of two or three simulations, as the page shows it: the inputs that differ,
//! the fees per convention year and per budget year with each gap and where it comes from, the
//! chart on the same axes, the next deadlines, the schools and their eligibility.

use chrono::NaiveDate;

use engine::compare::{Comparison, Gap};
use engine::dates::fr;
use engine::{Clause, Explanation, Money};
use io::compare::money_or_dash;
use io::schema::compared_input;

use crate::compare::comparison;
use crate::state::Entry;

pub use engine::compare::MAX_COMPARED;

/// The comparison section's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareView {
    /// The simulations' names, the first the reference.
    pub names: Vec<String>,
    /// What to say when no input differs; `None` when some do.
    pub no_input: Option<&'static str>,
    /// Each input that differs: its label, its clause, its value in each simulation.
    pub inputs: Vec<(String, Clause, Vec<String>)>,
    /// The fees per convention year.
    pub years: Vec<CompareRow>,
    /// The totals.
    pub total: CompareRow,
    /// The fees per budget year.
    pub budget: Vec<CompareRow>,
    /// The chart of the budget years.
    pub chart: CompareChart,
    /// Each simulation's next date: « « Tassin » : », then the date and its clause.
    pub next: Vec<(String, Option<(String, Clause)>)>,
    /// The schools that differ: name, what.
    pub schools: Vec<(String, String)>,
    /// The schools whose eligibility differs: name, in each simulation.
    pub eligibility: Vec<(String, String)>,
    /// The clauses of the three tables: the fees, the titles, eligibility.
    pub clauses: [Clause; 3],
}

/// A row of amounts compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareRow {
    /// Its head: the year's number, the calendar year, « Total ».
    pub head: String,
    /// The amount in each simulation (« — » where absent).
    pub amounts: Vec<String>,
    /// Each gap to the reference, with its class (`money gap more`, `… less`, `money gap`).
    pub gaps: Vec<(String, &'static str)>,
    /// Where the differences come from.
    pub why: Explanation,
}

/// The budget years of each simulation on the same axes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareChart {
    /// « Redevances par exercice (A / B) : 2024 : … ».
    pub label: String,
    /// Each year: its number and each simulation's bar (cents, title).
    pub years: Vec<(i32, Vec<(u64, String)>)>,
    /// The largest amount, in cents (at least 1).
    pub max_cents: u64,
}

fn gaps(gaps: &[Option<Gap>]) -> Vec<(String, &'static str)> {
    gaps.iter()
        .flatten()
        .map(|g| {
            let class = match g.cents().signum() {
                1 => "money gap more",
                -1 => "money gap less",
                _ => "money gap",
            };
            (g.to_string(), class)
        })
        .collect()
}

impl CompareView {
    /// The comparison of `entries` on `today`, or why they cannot be compared.
    pub fn of(entries: &[&Entry], today: NaiveDate) -> Result<CompareView, String> {
        comparison(entries, today).map(|c| CompareView::from(&c))
    }

    fn from(c: &Comparison) -> CompareView {
        let names = c.names.clone();
        CompareView {
            no_input: c.inputs.is_empty().then_some(
                if c.schools.is_empty() && c.eligibility.is_empty() {
                    "Aucune donnée ne diffère."
                } else {
                    "Aucune donnée de la convention ne diffère : seules les écoles ci-dessous."
                },
            ),
            inputs: c
                .inputs
                .iter()
                .map(|i| (compared_input(i.input).1, i.clause, i.values.clone()))
                .collect(),
            years: c
                .convention_years
                .iter()
                .map(|y| CompareRow {
                    head: y.number.to_string(),
                    amounts: y.fees.iter().map(|f| money_or_dash(*f)).collect(),
                    gaps: gaps(&y.gaps),
                    why: y.why.clone(),
                })
                .collect(),
            total: CompareRow {
                head: "Total".into(),
                amounts: c.totals.iter().map(Money::to_string).collect(),
                gaps: gaps(&c.total_gaps),
                why: c.total_why.clone(),
            },
            budget: c
                .budget_years
                .iter()
                .map(|b| CompareRow {
                    head: b.year.to_string(),
                    amounts: b.fees.iter().map(Money::to_string).collect(),
                    gaps: gaps(&b.gaps),
                    why: b.why.clone(),
                })
                .collect(),
            chart: CompareChart {
                label: format!(
                    "Redevances par exercice ({}) : {}",
                    names.join(" / "),
                    c.budget_years
                        .iter()
                        .map(|b| {
                            let fees: Vec<String> = b.fees.iter().map(Money::to_string).collect();
                            format!("{} : {}", b.year, fees.join(" / "))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                years: c
                    .budget_years
                    .iter()
                    .map(|b| {
                        (
                            b.year,
                            b.fees
                                .iter()
                                .zip(&names)
                                .map(|(f, n)| (f.cents(), format!("{} — « {n} » : {f}", b.year)))
                                .collect(),
                        )
                    })
                    .collect(),
                max_cents: c
                    .budget_years
                    .iter()
                    .flat_map(|b| b.fees.iter().map(|f| f.cents()))
                    .max()
                    .unwrap_or(0)
                    .max(1),
            },
            next: names
                .iter()
                .zip(&c.next_deadlines)
                .map(|(n, d)| {
                    (
                        format!("« {n} » : "),
                        d.as_ref()
                            .map(|d| (format!("{} — {} ", fr(d.date), d.label), d.clause)),
                    )
                })
                .collect(),
            schools: c
                .schools
                .iter()
                .map(|s| (s.name.clone(), format!(" : {}", s.what)))
                .collect(),
            eligibility: c
                .eligibility
                .iter()
                .map(|e| {
                    let each = names
                        .iter()
                        .zip(e.eligible.iter().zip(&e.reasons))
                        .map(|(n, (el, reasons))| match el {
                            Some(true) => format!("« {n} » : éligible"),
                            Some(false) => {
                                format!("« {n} » : non éligible ({})", reasons.join(" ; "))
                            }
                            None => format!("« {n} » : absente"),
                        })
                        .collect::<Vec<_>>()
                        .join(" ; ");
                    (e.name.clone(), format!(" : {each}"))
                })
                .collect(),
            clauses: [Clause::Art6Fee, Clause::Art6Title, Clause::Art5FirstDegree],
            names,
        }
    }
}

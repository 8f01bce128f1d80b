//! The Métropole's view: every commune's simulation at once. Like the comparison, nothing here
//! is a rule of its own: each figure is a commune's, added up, and set against the Annexe 2
//! reference of the whole territory (625 schools at the annual fee).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::compare::Compared;
use super::convention::{DEFAULT_ANNUAL_FEE, TERRITORY_SCHOOLS, YEARLY_LIST_DEADLINE};
use super::explain::Explained;
use super::money::Money;
use super::r8_shares::{CostShares, r8_cost_shares};
use super::simulate::Deadline;

/// One commune of the territory, from its own simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneRow {
    /// The name given (a file's, a simulation's).
    pub name: String,
    /// The commune of the Métropole it is (R10), by its current name, when found.
    pub commune: Option<String>,
    /// Its INSEE code, when found.
    pub insee: Option<String>,
    /// Schools with access on the day (R5, R6).
    pub schools_with_access: usize,
    /// Units billed in the convention year that holds the day, under its billing unit.
    pub units_billed: usize,
    /// The fee of the convention year that holds the day; zero when none does.
    pub current_year_fee: Money,
    /// Its total over its convention years.
    pub total: Money,
    /// Its budget years: (calendar year, titles dated in it).
    pub budget: Vec<(i32, Money)>,
    /// Its next date to act by (notice or yearly list), on or after the day.
    pub next_deadline: Option<Deadline>,
    /// The changes of its list (removals, new administrators) received after the last yearly
    /// list's deadline (19 June of this year, or of last year before it), up to the day: they
    /// wait for the next cycle (R6).
    pub late_list_changes: Vec<NaiveDate>,
}

/// Titles of revenue of one month, across the territory (R7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthTitles {
    /// The calendar year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// How many titles (one per unit billed).
    pub titles: u64,
    /// Their total.
    pub amount: Money,
}

/// The territory: each commune, the totals, and the reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Territory {
    /// The day the figures are for.
    pub today: NaiveDate,
    /// Each commune, in the order given.
    pub communes: Vec<CommuneRow>,
    /// The names given for a commune already given (same INSEE code): left out of every
    /// figure, since two hypotheses for one commune are never both billed.
    pub same_commune_twice: Vec<String>,
    /// Every budget year of at least one commune, with the territory's total.
    pub budget_years: Vec<(i32, Money)>,
    /// The titles of revenue to issue, month by month.
    pub titles_by_month: Vec<MonthTitles>,
    /// Of the Métropole's communes, how many have a school with access on the day.
    pub joined_communes: usize,
    /// How many communes the Métropole has.
    pub communes_in_metropole: usize,
    /// Schools with access on the day, across the Métropole's communes (each counted once).
    pub joined_schools: usize,
    /// The schools of the territory at full deployment (Annexe 2).
    pub schools_in_metropole: u64,
    /// The convention years that hold the day, added up: the territory's current year.
    pub current_year_total: Money,
    /// Every commune's total over its convention years, added up.
    pub total: Money,
    /// Annexe 2 applied to that total (R8).
    pub current_year_shares: Explained<CostShares>,
    /// The reference: every school of the territory at the default annual fee (Annexe 2).
    pub reference: Money,
    /// Annexe 2 applied to the reference.
    pub reference_shares: CostShares,
}

/// The first day of the list changes that wait for the next cycle, on `today`: 20 June of the
/// last yearly list's year (this year's from 20 June on, else last year's).
fn late_from(today: NaiveDate) -> Option<NaiveDate> {
    let this_year = YEARLY_LIST_DEADLINE.in_year(today.year())?;
    let deadline = if today > this_year {
        this_year
    } else {
        YEARLY_LIST_DEADLINE.in_year(today.year() - 1)?
    };
    deadline.succ_opt()
}

/// The heading of the changes received after the yearly list's deadline (R6), in French.
pub fn late_lists_title() -> String {
    format!(
        "Listes annuelles : changements reçus après le {}",
        YEARLY_LIST_DEADLINE.fr()
    )
}

/// The reading those changes rest on (R6: what is received after the deadline waits for the
/// next cycle), in French.
pub fn late_lists_hypothesis() -> String {
    let after = YEARLY_LIST_DEADLINE
        .in_year(2001)
        .map(|d| crate::dates::MonthDay::of(crate::dates::next_day(d)).fr())
        .unwrap_or_default();
    format!(
        "Hypothèse : le scénario ne dit pas quand la liste a été envoyée ; une radiation ou un changement d'administrateur reçu à partir du {after} attend le cycle suivant (mise à jour de l'année prochaine)."
    )
}

/// Every commune simulated to the same last day, 31 December of the year of the latest of
/// their horizons: a budget year of the territory never drops because one commune's
/// simulation stopped earlier than another's (a convention goes on, tacitly renewed, until it
/// is terminated), and the last budget year is whole.
pub fn to_common_horizon(scenarios: &mut [&mut crate::Scenario]) {
    use chrono::Datelike;
    let latest = scenarios.iter().map(|s| s.horizon_until).max();
    if let Some(last) = latest.and_then(|d| NaiveDate::from_ymd_opt(d.year(), 12, 31)) {
        for s in scenarios.iter_mut() {
            s.horizon_until = last;
        }
    }
}

/// Sets every commune's simulation together, on `today`. A commune given again (same INSEE
/// code as an earlier one) is left out and named in [`Territory::same_commune_twice`].
pub fn territory(all: &[Compared<'_>], today: NaiveDate) -> Territory {
    let late_from = late_from(today);
    let mut seen: Vec<&str> = Vec::new();
    let mut same_commune_twice = Vec::new();
    let communes: Vec<&Compared<'_>> = all
        .iter()
        .filter(|c| match c.sim.commune.record {
            Some(r) if seen.contains(&r.insee.as_str()) => {
                same_commune_twice.push(c.name.to_string());
                false
            }
            Some(r) => {
                seen.push(r.insee.as_str());
                true
            }
            None => true,
        })
        .collect();
    let rows: Vec<CommuneRow> = communes
        .iter()
        .map(|c| {
            let record = c.sim.commune.record;
            let current = c.sim.years.iter().find(|y| y.year.contains(today));
            let billing = current.map(|y| y.billing(c.sim.billing_unit));
            let mut late: Vec<NaiveDate> = c
                .scenario
                .schools
                .iter()
                .flat_map(|s| [s.removal_requested, s.admin_changed])
                .flatten()
                .filter(|d| late_from.is_some_and(|l| *d >= l) && *d <= today)
                .collect();
            late.sort_unstable();
            late.dedup();
            CommuneRow {
                name: c.name.to_string(),
                commune: record.map(|r| r.name.clone()),
                insee: record.map(|r| r.insee.clone()),
                schools_with_access: c
                    .sim
                    .schools
                    .iter()
                    .filter(|s| {
                        s.access_from().is_some_and(|f| f <= today)
                            && s.access_until().is_none_or(|u| today < u)
                    })
                    .count(),
                units_billed: billing.map_or(0, |b| b.billed_units),
                current_year_fee: billing.map_or(Money::ZERO, |b| b.fee),
                total: c.sim.total(c.sim.billing_unit),
                budget: c.sim.budget().iter().map(|b| (b.year, b.fee)).collect(),
                next_deadline: c.sim.next_commune_deadline(today).cloned(),
                late_list_changes: late,
            }
        })
        .collect();

    let mut budget: BTreeMap<i32, Money> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), (u64, Money)> = BTreeMap::new();
    for c in &communes {
        for b in c.sim.budget() {
            let total = budget.entry(b.year).or_insert(Money::ZERO);
            *total = *total + b.fee;
            for t in &b.titles {
                let m = months
                    .entry((t.date.year(), t.date.month()))
                    .or_insert((0, Money::ZERO));
                m.0 += t.units as u64;
                m.1 = m.1 + t.amount;
            }
        }
    }
    // Only the Métropole's communes count towards its 58 communes and 625 schools.
    let metropole = rows.iter().filter(|r| r.insee.is_some());
    let joined_communes = metropole
        .clone()
        .filter(|r| r.schools_with_access > 0)
        .count();
    let joined_schools = metropole.map(|r| r.schools_with_access).sum();
    let current_year_total: Money = rows.iter().map(|r| r.current_year_fee).sum();
    let total: Money = rows.iter().map(|r| r.total).sum();
    let reference = DEFAULT_ANNUAL_FEE.times(TERRITORY_SCHOOLS);
    Territory {
        today,
        joined_schools,
        communes: rows,
        same_commune_twice,
        budget_years: budget.into_iter().collect(),
        titles_by_month: months
            .into_iter()
            .map(|((year, month), (titles, amount))| MonthTitles {
                year,
                month,
                titles,
                amount,
            })
            .collect(),
        joined_communes,
        communes_in_metropole: super::communes::all().len(),
        schools_in_metropole: TERRITORY_SCHOOLS,
        current_year_total,
        total,
        current_year_shares: r8_cost_shares(
            current_year_total,
            "années de convention en cours des communes",
        ),
        reference,
        reference_shares: r8_cost_shares(
            reference,
            &format!("territoire ({TERRITORY_SCHOOLS} écoles)"),
        )
        .value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_late_lists_are_said_from_the_yearly_deadline() {
        assert_eq!(
            late_lists_title(),
            "Listes annuelles : changements reçus après le 19 juin"
        );
        assert!(
            late_lists_hypothesis().contains("reçu à partir du 20 juin attend le cycle suivant")
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn late_changes_are_those_after_the_last_yearly_list() {
        // On 19 June the list of this year can still be sent: late is after last year's.
        assert_eq!(late_from(d(2026, 6, 19)), Some(d(2025, 6, 20)));
        assert_eq!(late_from(d(2026, 6, 20)), Some(d(2026, 6, 20)));
        assert_eq!(late_from(d(2026, 11, 30)), Some(d(2026, 6, 20)));
        // Between January and June, last year's late changes still wait.
        assert_eq!(late_from(d(2027, 3, 1)), Some(d(2026, 6, 20)));
    }
}

//! The fees: per convention year and per budget year, both readings of R4 when schools share a
//! group, the years billed whole for a few days of access, and the budget years' chart.

use chrono::{Datelike, NaiveDate};
use engine::dates::fr;
use engine::{BillingUnit, Clause, Explanation, Money};

use crate::live::Figures;
use crate::summary::{SHORT_ACCESS_NOTE, TWO_READINGS_NOTE, short_access_notes};

/// The fees section, as it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FeesView {
    /// « 150,00 € par an et par école, due en totalité même pour une année non pleine ».
    pub lead: String,
    /// The header of the units billed: « Écoles facturées » or « Unités facturées ».
    pub units_header: &'static str,
    /// Schools share groups: both readings are shown, with their gap.
    pub both: bool,
    /// One row per convention year.
    pub years: Vec<FeeYearRow>,
    /// The totals.
    pub total: FeeCells,
    /// With groups, the note on the two readings ([`FeesView::TWO_READINGS`]).
    pub two_readings: bool,
    /// The budget years' table.
    pub budget: BudgetView,
    figures: Figures,
}

/// A convention year's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeeYearRow {
    /// Its number, from 1.
    pub number: u32,
    /// Its first day, « 16/11/2023 ».
    pub from: String,
    /// Its last day.
    pub to: String,
    /// The units billed.
    pub units: usize,
    /// Its fee and, with groups, both readings and their gap.
    pub fee: FeeCells,
}

/// An amount and, with groups, the per-school and per-group readings and their gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeeCells {
    /// The fee under the simulation's unit, « 450,00 € ».
    pub fee: String,
    /// Per school, per group, the gap; `None` without groups.
    pub readings: Option<[String; 3]>,
}

/// The budget years' table (titles of each year; its caption's clause is
/// [`FeesView::BUDGET_CLAUSE`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetView {
    /// With groups: both readings in two more columns.
    pub both: bool,
    /// One row per budget year.
    pub rows: Vec<BudgetRow>,
}

/// A budget year's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetRow {
    /// The calendar year.
    pub year: i32,
    /// Its titles' total.
    pub fee: String,
    /// Per school and per group; `None` without groups.
    pub readings: Option<[String; 2]>,
}

/// Where each change of fee takes effect (R3), row by row of the two tables: « avenant n° 1 »
/// on the convention year and on the exercice of its first title, said in full in `notes`. Written by [`FeesView::marks`], apart from the view, so that the first figures,
/// which do not show them, do not carry them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeeMarks {
    /// One per row of [`FeesView::years`].
    pub years: Vec<Option<String>>,
    /// One per row of [`BudgetView::rows`].
    pub budget: Vec<Option<String>>,
    /// Each avenant where it takes effect, in full, under the tables: the marks name them.
    pub notes: Vec<String>,
}

/// The caption of the years billed whole for a few days of access, and its clause.
pub const SHORT_ACCESS: (&str, Clause) = (SHORT_ACCESS_NOTE, Clause::Art6Fee);

impl FeesView {
    /// The lead's clause (Art. 6). The clauses are constants, so that a page drawing them
    /// carries only their own texts.
    pub const LEAD_CLAUSE: Clause = Clause::Art6Fee;
    /// The convention years' caption clause (Art. 8).
    pub const YEARS_CLAUSE: Clause = Clause::Art8Duration;
    /// The budget years' caption clause (Art. 6, the titles).
    pub const BUDGET_CLAUSE: Clause = Clause::Art6Title;
    /// With groups, the note on the two readings and its clause.
    pub const TWO_READINGS: (&'static str, Clause) =
        (TWO_READINGS_NOTE, Clause::DeliberationRecitalGroup);

    /// The fees of `figures`.
    pub fn of(figures: &Figures) -> FeesView {
        let sim = figures.sim();
        let unit = sim.billing_unit;
        let both = sim.has_groups;
        let readings = |school: Money, group: Money| {
            both.then(|| {
                [
                    school.to_string(),
                    group.to_string(),
                    school.minus(group).to_string(),
                ]
            })
        };
        let years = sim
            .years
            .iter()
            .map(|y| {
                let b = y.billing(unit);
                FeeYearRow {
                    number: y.year.number,
                    from: fr(y.year.start),
                    to: fr(y.year.end),
                    units: b.billed_units,
                    fee: FeeCells {
                        fee: b.fee.to_string(),
                        readings: readings(y.per_school.fee, y.per_group.fee),
                    },
                }
            })
            .collect();
        let total = FeeCells {
            fee: sim.total(unit).to_string(),
            readings: readings(
                sim.total(BillingUnit::School),
                sim.total(BillingUnit::SchoolGroup),
            ),
        };
        let per_group = sim.budget_years.for_unit(BillingUnit::SchoolGroup);
        let per_school = sim.budget_years.for_unit(BillingUnit::School);
        let fee_at = |list: &[engine::r3_r4_r7_fees::BudgetYear], i: usize| {
            list.get(i).map(|x| x.fee.to_string()).unwrap_or_default()
        };
        let budget = BudgetView {
            both,
            rows: sim
                .budget()
                .iter()
                .enumerate()
                .map(|(i, b)| BudgetRow {
                    year: b.year,
                    fee: b.fee.to_string(),
                    readings: both.then(|| [fee_at(per_school, i), fee_at(per_group, i)]),
                })
                .collect(),
        };
        FeesView {
            lead: format!(
                "{} par an et {}{}, due en totalité même pour une année non pleine",
                sim.annual_fee,
                unit.label(),
                sim.fee_changes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!(
                        ", puis {} à partir du {} (avenant n° {})",
                        c.annual_fee,
                        fr(c.from),
                        i + 1
                    ))
                    .collect::<String>()
            ),
            units_header: if unit == BillingUnit::School {
                "Écoles facturées"
            } else {
                "Unités facturées"
            },
            both,
            years,
            total,
            two_readings: both,
            budget,
            figures: figures.clone(),
        }
    }

    /// Where each change of fee takes effect, row by row (R3).
    pub fn marks(&self) -> FeeMarks {
        let sim = self.figures.sim();
        let effects = sim.fee_change_effects();
        if effects.is_empty() {
            return FeeMarks::default();
        }
        // The avenants whose first title passes `hit`, as one mark.
        let mark = |hit: &dyn Fn(NaiveDate, u32) -> bool| {
            let marks: Vec<String> = effects
                .iter()
                .filter_map(|e| {
                    let (date, year) = e.first_title?;
                    hit(date, year).then(|| format!("avenant n° {}", e.number))
                })
                .collect();
            (!marks.is_empty()).then(|| marks.join(" ; "))
        };
        FeeMarks {
            years: self
                .years
                .iter()
                .map(|y| mark(&|_, number| number == y.number))
                .collect(),
            budget: self
                .budget
                .rows
                .iter()
                .map(|b| mark(&|date, _| date.year() == b.year))
                .collect(),
            notes: effects.iter().map(|e| e.describe()).collect(),
        }
    }

    /// Each unit billed the whole year for a few days of access, one line each (« Année 2,
    /// École A : … »); empty when there is none.
    pub fn short_access(&self) -> Vec<String> {
        short_access_notes(self.figures.sim())
    }

    /// How the fee of the `i`-th convention year is computed: the year, then its billing.
    pub fn year_why(&self, i: usize) -> Option<Explanation> {
        let sim = self.figures.sim();
        let y = sim.years.get(i)?;
        let mut e = y.billing(sim.billing_unit).why();
        e.steps.splice(0..0, y.year.why().steps);
        Some(e)
    }

    /// How the titles of the `i`-th budget year add up.
    pub fn budget_why(&self, i: usize) -> Option<Explanation> {
        self.figures.sim().budget().get(i).map(|b| b.why())
    }
}

/// The budget years as bars: one series, or two with groups (per school, per group).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartView {
    /// Each series' bars, one per budget year.
    pub series: Vec<Vec<Bar>>,
    /// The largest amount, in cents (at least 1).
    pub max_cents: u64,
    /// What the chart says, for screen readers: « Redevances par exercice : 2023 : … ».
    pub label: String,
    /// Its caption.
    pub caption: String,
}

/// One bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The calendar year, under the bar.
    pub year: i32,
    /// The amount, in cents, for its height.
    pub cents: u64,
    /// « 2024 : 750,00 € ».
    pub title: String,
    /// Whole euros above the bar, « 750 ».
    pub value: String,
}

impl ChartView {
    /// The chart of `figures`.
    pub fn of(figures: &Figures) -> ChartView {
        let sim = figures.sim();
        let series: Vec<&[engine::r3_r4_r7_fees::BudgetYear]> = if sim.has_groups {
            vec![
                sim.budget_years.for_unit(BillingUnit::School),
                sim.budget_years.for_unit(BillingUnit::SchoolGroup),
            ]
        } else {
            vec![sim.budget()]
        };
        let series: Vec<Vec<Bar>> = series
            .iter()
            .map(|s| {
                s.iter()
                    .map(|b| Bar {
                        year: b.year,
                        cents: b.fee.cents(),
                        title: format!("{} : {}", b.year, b.fee),
                        value: format!("{}", b.fee.cents() / 100),
                    })
                    .collect()
            })
            .collect();
        let max_cents = series
            .iter()
            .flatten()
            .map(|b| b.cents)
            .max()
            .unwrap_or(0)
            .max(1);
        let summary = sim
            .budget()
            .iter()
            .map(|b| format!("{} : {}", b.year, b.fee))
            .collect::<Vec<_>>()
            .join(", ");
        ChartView {
            series,
            max_cents,
            label: format!("Redevances par exercice : {summary}"),
            caption: if sim.has_groups {
                "Montant des titres de recette par exercice (en euros) — foncé : par école ; clair : par groupe scolaire".into()
            } else {
                "Montant des titres de recette par exercice (en euros)".into()
            },
        }
    }

    /// How many budget years (at least one slot).
    pub fn years(&self) -> usize {
        self.series.first().map_or(0, Vec::len).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::live::Live;
    use io::samples;

    fn tassin() -> Figures {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        Live::default().compute(&draft).result.unwrap()
    }

    #[test]
    fn tassin_s_fees_as_the_section_shows_them() {
        let v = FeesView::of(&tassin());
        assert_eq!(
            v.lead,
            "150,00 € par an et par école, due en totalité même pour une année non pleine"
        );
        assert_eq!(v.units_header, "Écoles facturées");
        assert!(v.both, "Tassin's schools share groups");
        let fees: Vec<&str> = v.years.iter().map(|y| y.fee.fee.as_str()).collect();
        assert_eq!(
            fees,
            ["600,00 €", "600,00 €", "450,00 €", "450,00 €", "450,00 €"]
        );
        assert_eq!(v.years[3].from, "16/11/2026");
        assert_eq!(v.years[3].units, 3);
        assert_eq!(v.total.fee, "2 550,00 €");
        assert_eq!(v.budget.rows[1].year, 2024);
        assert_eq!(v.budget.rows[1].fee, "750,00 €");
        assert!(v.year_why(0).unwrap().steps.len() > 2);
        assert!(v.year_why(99).is_none());
        assert!(v.two_readings);
        let chart = ChartView::of(&tassin());
        assert_eq!(chart.series.len(), 2);
        assert_eq!(chart.series[0][1].value, "750");
        assert!(
            chart
                .label
                .starts_with("Redevances par exercice : 2023 : 450,00 €")
        );
    }
}

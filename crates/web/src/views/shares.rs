//! Annexe 2: how a fee splits, for the chosen convention year, one school and the territory.

use engine::convention::TERRITORY_SCHOOLS;
use engine::r8_shares::CostShares;
use engine::{Clause, Explanation, Money};

use crate::live::Figures;

/// The shares section for one convention year.
#[derive(Clone, Debug, PartialEq)]
pub struct SharesView {
    /// The section's clause (Annexe 2).
    pub clause: Clause,
    /// Each convention year to choose: « n° 2 (600,00 €) ».
    pub years: Vec<String>,
    /// The year shown (its place in `years`).
    pub selected: usize,
    /// The table's headers after « Poste » and « Part ».
    pub headers: [String; 3],
    /// Each line: its label, a sub-line (« dont … »), its percentage, then the year's, one
    /// school's and the territory's amounts.
    pub rows: Vec<ShareRow>,
    /// The bar's parts: label with its percentage, amount, class.
    pub bar: Vec<BarPart>,
    /// The bar's parts in cents, for their widths, and their total.
    pub bar_cents: (Vec<u64>, u64),
    figures: Figures,
}

/// A part of the stacked bar: its label with its percentage, its amount, its class.
pub type BarPart = (String, String, &'static str);

/// A line of the shares table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareRow {
    /// « Hébergement », « dont conduite de projet ».
    pub label: &'static str,
    /// A part of the salaries.
    pub sub: bool,
    /// « 17 % ».
    pub percent: String,
    /// The chosen year's, one school's and the territory's amounts.
    pub amounts: [String; 3],
}

impl SharesView {
    /// The shares of `figures`, for the convention year at `selected` (the first when out of
    /// range).
    pub fn of(figures: &Figures, selected: usize) -> SharesView {
        let sim = figures.sim();
        let index = selected.min(sim.years.len().saturating_sub(1));
        let year = sim
            .years
            .get(index)
            .map_or_else(|| engine::r8_shares::r8_split(Money::ZERO), |y| y.shares);
        // One school and the territory at the fee of the chosen year (R3, an avenant's when
        // one is in force on its first day).
        let on = sim.years.get(index).map_or(sim.notified, |y| y.year.start);
        let fee = sim.fee_on(on);
        let one = sim.shares_of_one_school(on).value;
        let territory = sim.shares_of_territory(on).value;
        let rows = year
            .parts()
            .iter()
            .zip(one.parts())
            .zip(territory.parts())
            .map(|((y, o), t)| ShareRow {
                label: y.0,
                sub: y.0.starts_with("dont"),
                percent: format!("{} %", y.1),
                amounts: [y.2.to_string(), o.2.to_string(), t.2.to_string()],
            })
            .collect();
        let (bar, bar_cents) = bar(&year);
        SharesView {
            clause: Clause::Annexe2Costs,
            years: sim
                .years
                .iter()
                .map(|y| format!("n° {} ({})", y.year.number, y.billing(sim.billing_unit).fee))
                .collect(),
            selected: index,
            headers: [
                format!("Année n° {}", index + 1),
                format!("Une école ({fee})"),
                format!(
                    "Territoire, {TERRITORY_SCHOOLS} écoles ({})",
                    fee.times(TERRITORY_SCHOOLS)
                ),
            ],
            rows,
            bar,
            bar_cents,
            figures: figures.clone(),
        }
    }

    /// How the chosen year's fee splits.
    pub fn why(&self) -> Option<Explanation> {
        self.figures
            .sim()
            .years
            .get(self.selected)
            .map(|y| y.shares_why())
    }
}

/// The stacked bar: hosting, maintenance and the salaries in their three parts (the salaries'
/// total is not a part of its own), each with Annexe 2's label and percentage.
fn bar(s: &CostShares) -> (Vec<BarPart>, (Vec<u64>, u64)) {
    let classes = ["p0", "p1", "p2", "p3", "p4"];
    let parts: Vec<_> = s
        .parts()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, p)| p)
        .collect();
    let shown = parts
        .iter()
        .zip(classes)
        .map(|((label, pct, m), class)| {
            let label = label.strip_prefix("dont ").unwrap_or(label);
            (format!("{label} {pct} %"), m.to_string(), class)
        })
        .collect();
    let cents: Vec<u64> = parts.iter().map(|(_, _, m)| m.cents()).collect();
    let total = (s.hosting + s.maintenance + s.salaries).cents().max(1);
    (shown, (cents, total))
}

//! R8 — the Annexe 2 cost shares, exact to the cent by largest remainder.

use super::clause::Clause;
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::money::Money;

/// Annexe 2's split of a fee. The first three add up to the amount, the last three to
/// `salaries`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostShares {
    /// Hosting ("frais d'hébergement"), 17 %.
    pub hosting: Money,
    /// Evolutive maintenance of the platform, 22 %.
    pub maintenance: Money,
    /// Salaries for the hotline and the technical work for schools, 61 %.
    pub salaries: Money,
    /// Of the salaries: system administration, 12 % of the total.
    pub sysadmin: Money,
    /// Of the salaries: technical support (hotline), 33 % of the total.
    pub support: Money,
    /// Of the salaries: project management, 16 % of the total.
    pub project: Money,
}

impl CostShares {
    /// The parts with their French labels and percentages of the total, in Annexe 2's order.
    pub fn parts(&self) -> [(&'static str, u32, Money); 6] {
        [
            ("Hébergement", 17, self.hosting),
            ("Maintenance évolutive", 22, self.maintenance),
            ("Masse salariale", 61, self.salaries),
            ("dont administration système", 12, self.sysadmin),
            ("dont support technique (hotline)", 33, self.support),
            ("dont conduite de projet", 16, self.project),
        ]
    }
}

/// Splits `amount` cents in proportion to `weights`: each part gets the floor of its share,
/// then the cents left go one each to the largest fractions, ties to the part listed first.
/// The parts always add up to `amount`.
pub fn largest_remainder<const N: usize>(amount: u64, weights: [u64; N]) -> [u64; N] {
    let total: u64 = weights.iter().sum();
    if total == 0 {
        return [0; N];
    }
    let amount = amount as u128;
    let total = total as u128;
    let mut parts = [0u64; N];
    let mut remainders = [0u128; N];
    for (i, &w) in weights.iter().enumerate() {
        let exact = amount * w as u128;
        parts[i] = (exact / total) as u64;
        remainders[i] = exact % total;
    }
    let given: u64 = parts.iter().sum();
    let mut left = amount as u64 - given;
    let mut order: [usize; N] = std::array::from_fn(|i| i);
    // Stable sort: equal remainders keep their listed order.
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter() {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// R8 (Annexe 2): `amount` split 17 : 22 : 61, then the salaries 12 : 33 : 16, each by
/// [`largest_remainder`], exact to the cent.
pub fn r8_split(amount: Money) -> CostShares {
    let [hosting, maintenance, salaries] = largest_remainder(amount.cents(), [17, 22, 61]);
    let [sysadmin, support, project] = largest_remainder(salaries, [12, 33, 16]);
    CostShares {
        hosting: Money::from_cents(hosting),
        maintenance: Money::from_cents(maintenance),
        salaries: Money::from_cents(salaries),
        sysadmin: Money::from_cents(sysadmin),
        support: Money::from_cents(support),
        project: Money::from_cents(project),
    }
}

/// R8 (Annexe 2): [`r8_split`] with its explanation; `of_what` names the amount in the
/// title ("année de convention n° 1").
pub fn r8_cost_shares(amount: Money, of_what: &str) -> Explained<CostShares> {
    let shares = r8_split(amount);
    let why = Explanation::new(
        Rule::R8,
        format!("Répartition du coût selon l'annexe 2 : {of_what}"),
        Clause::Annexe2Costs,
    )
    .input("Montant", amount.to_string())
    .step(format!(
        "Hébergement 17 % = {}, maintenance évolutive 22 % = {}, masse salariale 61 % = {}.",
        shares.hosting, shares.maintenance, shares.salaries
    ))
    .step(format!(
        "Masse salariale répartie 12 : 33 : 16 : administration système {}, support technique {}, conduite de projet {}.",
        shares.sysadmin, shares.support, shares.project
    ))
    .step(format!(
        "Contrôle : {} + {} + {} = {}.",
        shares.hosting, shares.maintenance, shares.salaries, amount
    ))
    .assume(assumptions::ROUNDING);
    Explained::new(shares, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convention::TERRITORY_SCHOOLS;

    #[test]
    fn tassin_year_one() {
        let s = r8_cost_shares(Money::from_euros(600), "année 1").value;
        assert_eq!(s.hosting.cents(), 10_200);
        assert_eq!(s.maintenance.cents(), 13_200);
        assert_eq!(s.salaries.cents(), 36_600);
        assert_eq!(s.sysadmin.cents(), 7_200);
        assert_eq!(s.support.cents(), 19_800);
        assert_eq!(s.project.cents(), 9_600);
    }

    #[test]
    fn one_school_and_the_territory() {
        let one = r8_cost_shares(Money::from_euros(150), "une école").value;
        assert_eq!(
            (
                one.hosting.cents(),
                one.maintenance.cents(),
                one.salaries.cents()
            ),
            (2_550, 3_300, 9_150)
        );
        assert_eq!(
            (
                one.sysadmin.cents(),
                one.support.cents(),
                one.project.cents()
            ),
            (1_800, 4_950, 2_400)
        );
        let territory = r8_cost_shares(
            Money::from_euros(150).times(TERRITORY_SCHOOLS),
            "territoire",
        )
        .value;
        assert_eq!(
            territory.hosting,
            Money::from_euros(15_937) + Money::from_cents(50)
        );
        assert_eq!(
            territory.salaries,
            Money::from_euros(57_187) + Money::from_cents(50)
        );
    }

    #[test]
    fn leftover_cents_go_to_the_largest_fractions_ties_first() {
        // 1 cent: fractions 17, 22, 61 → the salaries get it.
        assert_eq!(largest_remainder(1, [17, 22, 61]), [0, 0, 1]);
        // 2 cents: 34, 44, 122 → floors 0,0,1; fractions 34, 44, 22 → maintenance.
        assert_eq!(largest_remainder(2, [17, 22, 61]), [0, 1, 1]);
        // Equal weights, ties to the first listed.
        assert_eq!(largest_remainder(1, [1, 1, 1]), [1, 0, 0]);
        assert_eq!(largest_remainder(2, [1, 1, 1]), [1, 1, 0]);
        assert_eq!(largest_remainder(0, [12, 33, 16]), [0, 0, 0]);
    }
}

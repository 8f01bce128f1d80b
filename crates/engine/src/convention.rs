//! The convention's fixed figures, each written once with the clause it comes from: the fee,
//! the territory's schools, the delays and the yearly dates. The rules and the reports read
//! them from here (`docs/convention-rules.md` gives the rules that use them).

use super::dates::MonthDay;
use super::money::Money;

/// Art. 6: "une redevance forfaitaire de 150 € par an et par école utilisatrice". The annual
/// fee of a scenario that gives none (R3); a what-if may change it.
pub const DEFAULT_ANNUAL_FEE: Money = Money::from_euros(150);

/// Annexe 2: "l'ensemble des 625 écoles du territoire", the schools its average cost of
/// 150 € a school was computed on (R8: 625 × 150 € = 93 750 € a year).
pub const TERRITORY_SCHOOLS: u64 = 625;

/// Annexe 1: the Métropole opens access "dans les deux semaines suivant la réception du
/// document" (R5: reception + 14 days at the latest).
pub const OPENING_DELAY_DAYS: u64 = 14;

/// Annexe 1, R6: the yearly list must reach the Métropole "avant le 20 juin", so 19 June is
/// the last safe day; a removal received on or before it takes effect the same year.
pub const YEARLY_LIST_DEADLINE: MonthDay = MonthDay::new(6, 19);

/// Annexe 1, R6: the Métropole updates access "avant le 20 Août"; a removal on the yearly list
/// takes effect on 20 August (the school has no access from that day).
pub const ACCESS_UPDATE_DAY: MonthDay = MonthDay::new(8, 20);

/// Art. 8: termination "sous réserve d'un préavis de trois mois" (R2: the letter must arrive by
/// the anniversary − 3 months).
pub const NOTICE_MONTHS: i32 = 3;

/// Art. 4: storage "limitée à 10 giga-octets par établissement scolaire" (R10 warns above it).
pub const STORAGE_LIMIT_GB: f64 = 10.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clause::Clause;
    use crate::dates::next_day;
    use crate::explain::assumptions;

    // The clauses and the assumptions quote the convention in fixed French text: they must
    // say what the constants say.
    #[test]
    fn the_quoted_texts_agree_with_the_constants() {
        let fee = format!("{} €", DEFAULT_ANNUAL_FEE.cents() / 100);
        assert!(Clause::Art6Fee.quote().contains(&fee));
        let deadline = YEARLY_LIST_DEADLINE.in_year(2025).unwrap();
        let before = MonthDay::of(next_day(deadline)).fr();
        assert!(
            Clause::Annexe1YearlyList
                .quote()
                .contains(&format!("avant le {before}"))
        );
        assert!(assumptions::REMOVAL_CYCLE.contains(&format!(
            "au plus tard le {} prend effet le {}",
            YEARLY_LIST_DEADLINE.fr(),
            ACCESS_UPDATE_DAY.fr()
        )));
        assert!(
            assumptions::OPENING_AT_LATEST.contains(&format!("{OPENING_DELAY_DAYS} jours après"))
        );
        assert!(
            Clause::Art4Storage
                .quote()
                .contains(&format!("limitée à {STORAGE_LIMIT_GB} giga-octets"))
        );
    }
}

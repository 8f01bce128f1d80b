//! R1 — convention years (Art. 8): effect at notification N, anniversary k = N + k years.

use chrono::NaiveDate;

use super::clause::Clause;
use super::dates::{add_years, fr, next_day, previous_day};
use super::explain::{Explanation, Rule, assumptions};

/// R1 (Art. 8): anniversary `k` of the convention: always `notified + k years` by the
/// month-end rule, never 1 year k times. Anniversary 0 is the notification itself.
pub fn r1_anniversary(notified: NaiveDate, k: u32) -> NaiveDate {
    add_years(notified, k as i32)
}

/// R1: the hypothèse an anniversary rests on when the notification's day is missing from its
/// month (a 29 February, in a year that is not a leap year): « … le 28/02/2027, par hypothèse
/// … ». `None` when the anniversary keeps the notification's day.
pub fn r1_anniversary_hypothesis(notified: NaiveDate, anniversary: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    (anniversary.day() != notified.day()).then(|| {
        format!(
            "Hypothèse : la convention, notifiée le {}, a son anniversaire le {} ; ce quantième manque cette année-là, l'anniversaire est pris au dernier jour du mois (CPC art. 641). une autre lecture retiendrait le 1er mars : s'en assurer auprès de la Métropole.",
            fr(notified),
            fr(anniversary)
        )
    })
}

/// Convention year `number` (from 1), from anniversary `number − 1` to the day before
/// anniversary `number`, both inclusive. [`ConventionYear::why`] explains the dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConventionYear {
    /// Its number, from 1.
    pub number: u32,
    /// Its first day: anniversary `number − 1`.
    pub start: NaiveDate,
    /// Its last day: the day before anniversary `number`.
    pub end: NaiveDate,
    /// The notification it is counted from.
    pub notified: NaiveDate,
}

impl ConventionYear {
    /// Whether `date` falls in the year, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// How its first and last days follow from the notification (R1, Art. 8).
    pub fn why(&self) -> Explanation {
        let (number, notified, start, end) = (self.number, self.notified, self.start, self.end);
        Explanation::new(
            Rule::R1,
            format!("Année de convention n° {number}"),
            Clause::Art8Duration,
        )
        .input("Notification", fr(notified))
        .step(if number == 1 {
            format!(
                "La convention prend effet à sa notification, le {}.",
                fr(start)
            )
        } else {
            format!(
                "Début : anniversaire n° {} = {} + {} an{} = {}.",
                number - 1,
                fr(notified),
                number - 1,
                if number > 2 { "s" } else { "" },
                fr(start)
            )
        })
        .step(format!(
            "Fin : la veille de l'anniversaire n° {number} ({}), soit le {} inclus.",
            fr(next_day(end)),
            fr(end)
        ))
        .assume(assumptions::MONTH_END)
    }
}

/// R1 (Art. 8): convention year `number` (≥ 1), from anniversary `number − 1` to the day
/// before anniversary `number`.
pub fn r1_convention_year(notified: NaiveDate, number: u32) -> ConventionYear {
    ConventionYear {
        number,
        start: r1_anniversary(notified, number - 1),
        end: previous_day(r1_anniversary(notified, number)),
        notified,
    }
}

/// R1 (Art. 8): every convention year that starts on or before `horizon`, none starting at
/// or after `ends` (the anniversary at which a termination takes effect, R2).
pub fn r1_convention_years(
    notified: NaiveDate,
    horizon: NaiveDate,
    ends: Option<NaiveDate>,
) -> Vec<ConventionYear> {
    (1..)
        .map(|k| (k, r1_anniversary(notified, k - 1)))
        .take_while(|&(_, start)| start <= horizon && ends.is_none_or(|end| start < end))
        .map(|(k, _)| r1_convention_year(notified, k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn a_29_february_anniversary_is_an_hypothesis() {
        let n = d("2024-02-29");
        assert_eq!(r1_anniversary(n, 1), d("2025-02-28"));
        let h = r1_anniversary_hypothesis(n, r1_anniversary(n, 1)).unwrap();
        assert!(h.starts_with("Hypothèse : la convention, notifiée le 29/02/2024, a son anniversaire le 28/02/2025"), "{h}");
        assert_eq!(r1_anniversary_hypothesis(n, r1_anniversary(n, 4)), None);
        let tassin = d("2023-11-16");
        assert_eq!(
            r1_anniversary_hypothesis(tassin, r1_anniversary(tassin, 2)),
            None
        );
    }

    #[test]
    fn anniversaries_keep_the_day_or_take_the_month_end() {
        let n = d("2024-02-29");
        assert_eq!(r1_anniversary(n, 0), n);
        assert_eq!(r1_anniversary(n, 1), d("2025-02-28"));
        assert_eq!(r1_anniversary(n, 2), d("2026-02-28"));
        // N + 4 years, not (N + 1 year) + 3 years: back to the 29th.
        assert_eq!(r1_anniversary(n, 4), d("2028-02-29"));
    }

    #[test]
    fn first_year_of_tassin() {
        let y = r1_convention_year(d("2023-11-16"), 1);
        assert_eq!((y.start, y.end), (d("2023-11-16"), d("2024-11-15")));
        assert!(y.why().steps[1].contains("15/11/2024"));
    }

    #[test]
    fn years_up_to_the_horizon_and_before_termination() {
        let n = d("2023-11-16");
        assert_eq!(r1_convention_years(n, d("2027-12-31"), None).len(), 5);
        assert_eq!(r1_convention_years(n, d("2027-11-15"), None).len(), 4);
        assert_eq!(r1_convention_years(n, d("2027-11-16"), None).len(), 5);
        assert_eq!(r1_convention_years(n, n, None).len(), 1);
        let ended = r1_convention_years(n, d("2030-12-31"), Some(d("2026-11-16")));
        assert_eq!(ended.len(), 3);
        assert_eq!(ended[2].end, d("2026-11-15"));
    }
}

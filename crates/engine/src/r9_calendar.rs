//! R9 — calendar facts: French public holidays, non-working days, the appeal deadline.

use chrono::{Datelike, NaiveDate, Weekday};

use super::clause::Clause;
use super::dates::{add_months, fr, fr_long, next_day};
use super::explain::{Explained, Explanation, Rule, assumptions};

/// R9 (Code du travail L3133-1, its movable holidays): Easter Sunday of `year` by the
/// Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher).
pub fn r9_easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The computus always gives a day in March or April.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// R9 (Code du travail L3133-1): the name of the public holiday on `date`, if it is one.
pub fn r9_public_holiday(date: NaiveDate) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("jour de l'An"),
        (5, 1) => Some("fête du Travail"),
        (5, 8) => Some("Victoire 1945"),
        (7, 14) => Some("fête nationale"),
        (8, 15) => Some("Assomption"),
        (11, 1) => Some("Toussaint"),
        (11, 11) => Some("Armistice 1918"),
        (12, 25) => Some("Noël"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Movable feasts fall between 23 March and 14 June.
    if !(3..=6).contains(&date.month()) {
        return None;
    }
    let easter = r9_easter(date.year());
    match (date - easter).num_days() {
        1 => Some("lundi de Pâques"),
        39 => Some("Ascension"),
        50 => Some("lundi de Pentecôte"),
        _ => None,
    }
}

/// Why a day is not worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonWorking {
    /// A Saturday.
    Saturday,
    /// A Sunday.
    Sunday,
    /// A public holiday (Code du travail L3133-1), by its French name.
    Holiday(&'static str),
}

impl NonWorking {
    /// "un samedi", "un jour férié (Assomption)".
    pub fn describe(self) -> String {
        match self {
            NonWorking::Saturday => "un samedi".to_string(),
            NonWorking::Sunday => "un dimanche".to_string(),
            NonWorking::Holiday(name) => format!("un jour férié ({name})"),
        }
    }
}

/// R9 (Code du travail L3133-1): why `date` is not worked (Saturday, Sunday or a public
/// holiday); `None` for a working day. Contractual deadlines are flagged with it, not moved.
pub fn r9_non_working(date: NaiveDate) -> Option<NonWorking> {
    match date.weekday() {
        Weekday::Sat => Some(NonWorking::Saturday),
        Weekday::Sun => Some(NonWorking::Sunday),
        _ => r9_public_holiday(date).map(NonWorking::Holiday),
    }
}

/// R9: the last working day on or before `date`: the practical last day to act when a
/// deadline that is not moved falls on a weekend or a public holiday.
pub fn r9_previous_working_day(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while r9_non_working(day).is_some() {
        day = super::dates::previous_day(day);
    }
    day
}

/// R9 (CPC art. 642): the first working day on or after `date`.
pub fn r9_next_working_day(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    // At most a weekend plus a holiday: a few steps.
    while r9_non_working(day).is_some() {
        day = next_day(day);
    }
    day
}

/// A délai franc of two months from an event (R9): it runs from the next day, falls due two
/// months later by R1's month rule and moves to the next working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DelaiFranc {
    /// The day after the event: the first day counted.
    pub start: NaiveDate,
    /// `start` + 2 months (CPC art. 641 at month ends).
    pub raw: NaiveDate,
    /// `raw`, or the first working day after it (CPC art. 642).
    pub deadline: NaiveDate,
    /// Counted from the event's own day number at a month end (28/02 + 2 months = 28/04, then
    /// the jour franc: 29/04), when that is earlier than `deadline`: the safe day to act by
    /// (hypothèse).
    pub cautious: Option<NaiveDate>,
}

impl DelaiFranc {
    /// Whether the day of the month is missing in the month it falls due (31 → 28 February):
    /// the month-end reading applies.
    pub fn at_month_end(&self) -> bool {
        self.raw.day() != self.start.day()
    }
}

/// R9: the two months' délai franc that follow `event` (a publication, a transmission).
pub fn r9_two_months_franc(event: NaiveDate) -> DelaiFranc {
    let start = next_day(event);
    let raw = add_months(start, 2);
    let deadline = r9_next_working_day(raw);
    let by_quantieme = r9_next_working_day(next_day(add_months(event, 2)));
    DelaiFranc {
        start,
        raw,
        deadline,
        cautious: (by_quantieme < deadline).then_some(by_quantieme),
    }
}

/// The short note beside a two months' deadline at a month end: « par prudence (hypothèse,
/// fin de mois) : au plus tard le mardi 29/04/2025 ».
pub fn caution_note(day: NaiveDate) -> String {
    format!(
        "par prudence (hypothèse, fin de mois) : au plus tard le {} {}",
        super::dates::fr_weekday(day),
        fr(day)
    )
}

/// At a month end, what counting from the event's own day number gives: the earlier day to act
/// by, said as a hypothèse.
pub fn month_end_caution(event: NaiveDate, day: NaiveDate) -> String {
    format!(
        "Hypothèse, fin de mois : compté du quantième du {} (deux mois plus tard, puis le jour franc), le délai finirait dès le {} ; par prudence, agir au plus tard ce jour-là.",
        fr(event),
        fr_long(day)
    )
}

/// R9 (deliberation, last paragraph; CJA art. R421-1): the last day to appeal against the
/// deliberation. The two months are a délai franc (CE Sect., 4 June 1954, Commune de
/// Décines-Charpieu): neither the day of publication nor the day it falls due counts, so the
/// last day is (publication + 1 day) + 2 months by R1's month rule, moved to the next working
/// day when it is a Saturday, Sunday or holiday (CE 19 Sept. 2014, n° 362568).
pub fn r9_appeal_deadline(published: NaiveDate) -> Explained<NaiveDate> {
    let DelaiFranc {
        start,
        raw,
        deadline,
        cautious,
    } = r9_two_months_franc(published);
    let mut why = Explanation::new(
        Rule::R9,
        "Date limite de recours contre la délibération",
        Clause::DeliberationAppeal,
    )
    .also(Clause::CjaR421_1)
    .also(Clause::Cpc642)
    .input("Publication de la délibération", fr(published))
    .step(format!(
        "Le délai de deux mois est un délai franc : ni le jour de la publication ni celui de l'échéance ne comptent. Il court du lendemain, le {}.",
        fr(start)
    ))
    .step(format!(
        "{} + 2 mois = {} ({}) : dernier jour pour saisir le Tribunal administratif de Lyon.",
        fr(start),
        fr(raw),
        fr_long(raw)
    ));
    why = match r9_non_working(raw) {
        Some(reason) => why.step(format!(
            "Le {} est {} : le délai est prorogé au premier jour ouvrable suivant, le {}.",
            fr(raw),
            reason.describe(),
            fr_long(deadline)
        )),
        None => why.step(format!(
            "Le {} est un jour ouvrable : le recours doit être enregistré au plus tard ce jour-là.",
            fr(raw)
        )),
    };
    why = why.step(
        "Un recours gracieux auprès de la commune peut aussi être formé dans ce même délai de deux mois.",
    );
    // The day of the month is missing in the target month (31 → 28 February): a reading.
    if raw.day() != start.day() {
        why = why.assume(assumptions::APPEAL_MONTH_END);
    }
    if let Some(day) = cautious {
        why = why
            .step(month_end_caution(published, day))
            .assume(assumptions::APPEAL_QUANTIEME);
    }
    Explained::new(deadline, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(r9_easter(2024), d("2024-03-31"));
        assert_eq!(r9_easter(2025), d("2025-04-20"));
        assert_eq!(r9_easter(2026), d("2026-04-05"));
        assert_eq!(r9_easter(2027), d("2027-03-28"));
        assert_eq!(r9_easter(2028), d("2028-04-16"));
        assert_eq!(r9_easter(2038), d("2038-04-25"));
        assert_eq!(r9_easter(2285), d("2285-03-22"));
    }

    #[test]
    fn movable_holidays() {
        assert_eq!(r9_public_holiday(d("2025-04-21")), Some("lundi de Pâques"));
        assert_eq!(r9_public_holiday(d("2025-05-29")), Some("Ascension"));
        assert_eq!(
            r9_public_holiday(d("2025-06-09")),
            Some("lundi de Pentecôte")
        );
        assert_eq!(r9_public_holiday(d("2026-05-14")), Some("Ascension"));
        assert_eq!(
            r9_public_holiday(d("2026-05-25")),
            Some("lundi de Pentecôte")
        );
        assert_eq!(r9_public_holiday(d("2027-03-29")), Some("lundi de Pâques"));
        assert_eq!(
            r9_public_holiday(d("2028-06-05")),
            Some("lundi de Pentecôte")
        );
        // Easter Sunday itself is not in L3133-1's list (it is a Sunday anyway).
        assert_eq!(r9_public_holiday(d("2025-04-20")), None);
        assert_eq!(r9_public_holiday(d("2025-04-22")), None);
    }

    #[test]
    fn fixed_holidays_and_weekends() {
        assert_eq!(r9_public_holiday(d("2025-07-14")), Some("fête nationale"));
        assert_eq!(r9_public_holiday(d("2025-12-25")), Some("Noël"));
        assert_eq!(r9_non_working(d("2025-08-16")), Some(NonWorking::Saturday));
        assert_eq!(r9_non_working(d("2026-08-16")), Some(NonWorking::Sunday));
        assert_eq!(r9_non_working(d("2024-08-16")), None);
        assert_eq!(
            r9_non_working(d("2024-08-15")),
            Some(NonWorking::Holiday("Assomption"))
        );
        // Holidays that fall on a weekend are reported as the weekend day.
        assert_eq!(r9_non_working(d("2026-11-01")), Some(NonWorking::Sunday));
        assert_eq!(r9_non_working(d("2026-08-15")), Some(NonWorking::Saturday));
        assert_eq!(r9_public_holiday(d("2026-11-01")), Some("Toussaint"));
    }

    #[test]
    fn appeal_deadline_example() {
        let appeal = r9_appeal_deadline(d("2023-11-16"));
        assert_eq!(appeal.value, d("2024-01-17"));
        assert_eq!(appeal.why.reference(), "Délibération, voies de recours");
        assert!(
            appeal.why.steps[1].contains("17/11/2023 + 2 mois = 17/01/2024"),
            "{:?}",
            appeal.why.steps
        );
        assert!(appeal.why.steps[0].contains("délai franc"));
        assert!(
            appeal
                .why
                .steps
                .iter()
                .any(|s| s.contains("recours gracieux"))
        );
        assert!(appeal.why.assumptions.is_empty());
    }

    #[test]
    fn appeal_deadline_moves_past_weekend_and_holiday() {
        // From 01/09/2025, 2 months = 01/11/2025, a Saturday and Toussaint; Sunday 2, then
        // Monday 3 November.
        assert_eq!(r9_appeal_deadline(d("2025-08-31")).value, d("2025-11-03"));
        // From 11/09/2025: 11/11/2025 (Tuesday, Armistice) → Wednesday 12.
        assert_eq!(r9_appeal_deadline(d("2025-09-10")).value, d("2025-11-12"));
        let moved = r9_appeal_deadline(d("2025-08-31"));
        assert!(
            moved.why.steps[2].contains("un samedi"),
            "{:?}",
            moved.why.steps
        );
    }

    #[test]
    fn the_practical_last_day_is_the_last_working_day_before() {
        // Saturday 16/08/2025, and Friday 15/08 is the Assumption: Thursday 14/08/2025.
        assert_eq!(r9_previous_working_day(d("2025-08-16")), d("2025-08-14"));
        assert_eq!(r9_previous_working_day(d("2025-08-13")), d("2025-08-13"));
        // Monday 02/01/2023 is a working day; Sunday 01/01 (New Year) → Friday 30/12/2022.
        assert_eq!(r9_previous_working_day(d("2023-01-01")), d("2022-12-30"));
    }

    #[test]
    fn appeal_deadline_is_a_delai_franc_examples_of_r9() {
        // The spec's three examples.
        assert_eq!(r9_appeal_deadline(d("2023-11-16")).value, d("2024-01-17"));
        let month_end = r9_appeal_deadline(d("2024-12-30"));
        assert_eq!(month_end.value, d("2025-02-28"));
        assert_eq!(month_end.why.assumptions, [assumptions::APPEAL_MONTH_END]);
        let new_year = r9_appeal_deadline(d("2023-12-31"));
        assert_eq!(new_year.value, d("2024-03-01"));
        assert!(new_year.why.assumptions.is_empty());
        // Never earlier than the same day two months later: the day of publication never counts.
        for day in 1..=28 {
            let published = d(&format!("2025-03-{day:02}"));
            assert!(r9_appeal_deadline(published).value > add_months(published, 2));
        }
    }
}

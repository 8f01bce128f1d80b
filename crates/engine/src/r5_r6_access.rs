//! R5 — when a school's access opens (Annexe 1), R6 — when it ends (Annexe 1, Art. 8).

use chrono::{Datelike, Days, NaiveDate};

use super::clause::Clause;
use super::convention::{ACCESS_UPDATE_DAY, OPENING_DELAY_DAYS, YEARLY_LIST_DEADLINE};
use super::dates::{MonthDay, fr, next_day};
use super::explain::{Explanation, Rule, assumptions};

/// R5 (Annexe 1): the access opening: the date actually seen if entered, else reception + 14
/// days; never before the notification. An opening before the request is an input error
/// caught by validation.
pub fn r5_access_opening(
    notified: NaiveDate,
    requested: NaiveDate,
    opened: Option<NaiveDate>,
) -> NaiveDate {
    let planned = opened.unwrap_or_else(|| r5_latest_opening(requested));
    planned.max(notified)
}

/// R5 (Annexe 1, "dans les deux semaines suivant la réception du document"): reception + 14
/// days, the latest day the Métropole opens access.
pub fn r5_latest_opening(requested: NaiveDate) -> NaiveDate {
    requested
        .checked_add_days(Days::new(OPENING_DELAY_DAYS))
        .unwrap_or(requested)
}

/// R6 (Annexe 1, the yearly list): the first day without access after a removal received on
/// `received`: 20 August of the same year when received on or before 19 June, else 20 August
/// of the next year.
pub fn r6_removal_effect(received: NaiveDate) -> NaiveDate {
    // 20 August exists every year.
    ACCESS_UPDATE_DAY
        .in_year(r6_list_year(received))
        .unwrap_or(received)
}

/// The year of the yearly list a change received on `date` goes on: the same year on or
/// before 19 June, else the next one.
fn r6_list_year(date: NaiveDate) -> i32 {
    if MonthDay::of(date) <= YEARLY_LIST_DEADLINE {
        date.year()
    } else {
        date.year() + 1
    }
}

/// A school's access, as an interval `[from, until)`; both `None` when it never has access.
/// It keeps the dates it was computed from, so [`Access::why`] can explain it on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    /// The first day with access (R5).
    pub from: Option<NaiveDate>,
    /// The first day without access (R6); `None` while no end is planned.
    pub until: Option<NaiveDate>,
    inputs: AccessInputs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct AccessInputs {
    notified: NaiveDate,
    requested: NaiveDate,
    opened: Option<NaiveDate>,
    removal_requested: Option<NaiveDate>,
    termination_ends: Option<NaiveDate>,
}

impl Access {
    /// Whether the school has access on at least one day of `[start, end]`.
    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        match self.from {
            Some(from) => from <= end && self.until.is_none_or(|until| until > start),
            None => false,
        }
    }

    /// How the opening and the end were found, with their clauses.
    pub fn why(&self) -> Explanation {
        let AccessInputs {
            notified,
            requested,
            opened,
            removal_requested,
            termination_ends,
        } = self.inputs;
        let from = r5_access_opening(notified, requested, opened);
        let mut why = Explanation::new(Rule::R5, "Accès de l'école", Clause::Annexe1Opening)
            .input("Demande reçue le", fr(requested));
        if let Some(o) = opened {
            why = why
                .input("Ouverture constatée le", fr(o))
                .step(format!("L'accès a été ouvert le {} (date saisie).", fr(o)));
        } else {
            why = why
                .step(format!(
                    "{} + {OPENING_DELAY_DAYS} jours = {} : ouverture au plus tard ce jour-là.",
                    fr(requested),
                    fr(r5_latest_opening(requested))
                ))
                .assume(assumptions::OPENING_AT_LATEST);
        }
        if from == notified
            && opened.is_none_or(|o| o < notified)
            && r5_latest_opening(requested) != notified
        {
            why = why.step(format!(
                "Pas d'accès avant la prise d'effet de la convention : ouverture le {}.",
                fr(notified)
            ));
        }
        if let Some(r) = removal_requested {
            let end = r6_removal_effect(r);
            why = why
                .also(Clause::Annexe1YearlyList)
                .input("Radiation reçue le", fr(r))
                .step(if end.year() == r.year() {
                    format!(
                        "Radiation reçue le {}, au plus tard le {} : accès retiré le {}.",
                        fr(r),
                        YEARLY_LIST_DEADLINE.fr(),
                        fr(end)
                    )
                } else {
                    format!(
                        "Radiation reçue le {}, après le {} : elle attend la liste suivante, accès retiré le {}.",
                        fr(r),
                        YEARLY_LIST_DEADLINE.fr(),
                        fr(end)
                    )
                })
                .assume(assumptions::REMOVAL_CYCLE);
        }
        let until = r6_access_end(removal_requested, termination_ends);
        if let Some(t) = termination_ends
            && until == Some(t)
        {
            why = why
                .also(Clause::Art8AccessEnd)
                .step(format!("La résiliation supprime les accès le {}.", fr(t)));
        }
        why.step(match (self.from, self.until) {
            (None, _) => format!(
                "L'accès prendrait fin le {} au plus tard le jour de son ouverture ({}) : l'école n'a jamais accès et n'est pas facturée.",
                until.map(fr).unwrap_or_default(),
                fr(from)
            ),
            (Some(f), Some(u)) => format!(
                "Accès du {} au {} inclus.",
                fr(f),
                fr(u.pred_opt().unwrap_or(u))
            ),
            (Some(f), None) => format!("Accès à partir du {}, sans fin prévue.", fr(f)),
        })
    }
}

/// R6 (Annexe 1, Art. 8): the first day without access: the earlier of the removal's effect
/// and the termination's.
pub fn r6_access_end(
    removal_requested: Option<NaiveDate>,
    termination_ends: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match (removal_requested.map(r6_removal_effect), termination_ends) {
        (Some(r), Some(t)) => Some(r.min(t)),
        (r, t) => r.or(t),
    }
}

/// R5 and R6 (Annexe 1, Art. 8) together for one eligible school: opening, then the first of
/// removal and termination. `termination_ends` is the anniversary at which a termination
/// takes effect. A school whose access would end on or before its opening never has access.
pub fn r5_r6_access(
    notified: NaiveDate,
    requested: NaiveDate,
    opened: Option<NaiveDate>,
    removal_requested: Option<NaiveDate>,
    termination_ends: Option<NaiveDate>,
) -> Access {
    let from = r5_access_opening(notified, requested, opened);
    let until = r6_access_end(removal_requested, termination_ends);
    let (from, until) = match until {
        Some(u) if u <= from => (None, None),
        _ => (Some(from), until),
    };
    Access {
        from,
        until,
        inputs: AccessInputs {
            notified,
            requested,
            opened,
            removal_requested,
            termination_ends,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn opening_is_reception_plus_fourteen_days_never_before_notification() {
        let n = d("2023-11-16");
        assert_eq!(r5_access_opening(n, d("2023-11-10"), None), d("2023-11-24"));
        assert_eq!(r5_access_opening(n, d("2024-03-04"), None), d("2024-03-18"));
        assert_eq!(r5_access_opening(n, d("2023-10-01"), None), n);
        assert_eq!(
            r5_access_opening(n, d("2024-03-04"), Some(d("2024-03-06"))),
            d("2024-03-06")
        );
        assert_eq!(
            r5_access_opening(n, d("2023-10-01"), Some(d("2023-10-05"))),
            n
        );
    }

    #[test]
    fn removal_waits_for_the_yearly_list() {
        assert_eq!(r6_removal_effect(d("2025-06-12")), d("2025-08-20"));
        assert_eq!(r6_removal_effect(d("2025-06-19")), d("2025-08-20"));
        assert_eq!(r6_removal_effect(d("2025-06-20")), d("2026-08-20"));
        assert_eq!(r6_removal_effect(d("2025-12-31")), d("2026-08-20"));
        assert_eq!(r6_removal_effect(d("2026-01-01")), d("2026-08-20"));
    }

    #[test]
    fn access_interval() {
        let n = d("2023-11-16");
        let a = r5_r6_access(n, d("2023-11-10"), None, Some(d("2025-06-12")), None);
        assert_eq!(
            (a.from, a.until),
            (Some(d("2023-11-24")), Some(d("2025-08-20")))
        );
        assert!(a.overlaps(d("2024-11-16"), d("2025-11-15")));
        assert!(!a.overlaps(d("2025-11-16"), d("2026-11-15")));
        // Termination first.
        let t = r5_r6_access(
            n,
            d("2023-11-10"),
            None,
            Some(d("2025-06-25")),
            Some(d("2025-11-16")),
        );
        assert_eq!(t.until, Some(d("2025-11-16")));
        assert!(t.why().clauses.contains(&Clause::Art8AccessEnd));
        assert!(
            a.why()
                .steps
                .iter()
                .any(|s| s.contains("au plus tard le 19 juin : accès retiré le 20/08/2025"))
        );
    }

    #[test]
    fn yearly_list_counts_changes_since_the_last_one() {
        let at = |requested: &str, removal: Option<&str>, changed: Option<&str>| ListDates {
            requested: d(requested),
            removal_requested: removal.map(d),
            admin_changed: changed.map(d),
        };
        let schools = [
            at("2023-11-10", None, Some("2026-02-01")),
            at("2025-09-01", None, None),
            at("2023-11-10", Some("2026-01-15"), Some("2026-01-10")),
            at("2026-06-25", None, Some("2025-01-01")),
        ];
        let list = r6_yearly_list(d("2023-11-16"), &schools, d("2026-03-01"));
        assert_eq!(
            (list.since, list.deadline),
            (d("2025-06-20"), d("2026-06-19"))
        );
        assert_eq!(list.additions, [1]);
        assert_eq!(list.removals, [2]);
        // A change of administrator counts; a removed school's change does not.
        assert_eq!(list.admin_changes, [0]);
        // After 19 June, the next year's list.
        let next = r6_yearly_list(d("2023-11-16"), &schools, d("2026-06-20"));
        assert_eq!(next.deadline, d("2027-06-19"));
        assert_eq!(next.additions, [3]);
    }

    #[test]
    fn removed_before_opening_never_has_access() {
        let n = d("2023-11-16");
        // Requested 10 Aug 2024 → opens 24 Aug; removal of 1 Jan 2024 ends on 20 Aug 2024.
        let a = r5_r6_access(n, d("2024-08-10"), None, Some(d("2024-01-01")), None);
        assert_eq!((a.from, a.until), (None, None));
        assert!(!a.overlaps(n, d("2030-01-01")));
        // Ending exactly on the opening day: no access either.
        let b = r5_r6_access(n, d("2024-08-06"), None, Some(d("2024-01-01")), None);
        assert_eq!((b.from, b.until), (None, None));
        // Opening after a termination.
        let c = r5_r6_access(n, d("2024-11-10"), None, None, Some(d("2024-11-16")));
        assert_eq!(c.from, None);
    }
}

/// R6: what the yearly list sent before 20 June of `year` must say: the schools added and the
/// removals received since the day after the previous list's deadline (20 June of
/// `year − 1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearlyList {
    /// The last safe day to send it (19 June of `year`).
    pub deadline: NaiveDate,
    /// Changes counted from this day (20 June of the previous year).
    pub since: NaiveDate,
    /// Indices of the schools whose request was received in the period.
    pub additions: Vec<usize>,
    /// Indices of the schools whose removal was received in the period.
    pub removals: Vec<usize>,
    /// Indices of the schools whose administrator changed in the period (« changement de
    /// responsable »), removed ones aside.
    pub admin_changes: Vec<usize>,
}

/// The dates of one school the yearly list looks at (R6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListDates {
    /// The request's reception.
    pub requested: NaiveDate,
    /// The removal's reception, if any.
    pub removal_requested: Option<NaiveDate>,
    /// The day its administrator changed, if it did.
    pub admin_changed: Option<NaiveDate>,
}

impl From<&crate::scenario::School> for ListDates {
    fn from(s: &crate::scenario::School) -> ListDates {
        ListDates {
            requested: s.requested,
            removal_requested: s.removal_requested,
            admin_changed: s.admin_changed,
        }
    }
}

/// R6 (Annexe 1, "chaque année avant le 20 juin"): the list due before the 20 June following
/// `today` (or on it), from the schools' dates, in order: additions, removals and changes of
/// administrator (« ajout d'établissements ou radiation, changement de responsable »).
/// Requests received up to the notification belong to the initial list sent at signature,
/// not to additions.
pub fn r6_yearly_list(notified: NaiveDate, schools: &[ListDates], today: NaiveDate) -> YearlyList {
    let year = r6_list_year(today);
    // 19 June exists every year, and so does the day after it.
    let deadline = YEARLY_LIST_DEADLINE.in_year(year).unwrap_or(today);
    let since = YEARLY_LIST_DEADLINE
        .in_year(year - 1)
        .map_or(today, next_day);
    let within = |d: NaiveDate| d >= since && d <= deadline;
    YearlyList {
        deadline,
        since,
        additions: (0..schools.len())
            .filter(|&i| schools[i].requested > notified && within(schools[i].requested))
            .collect(),
        removals: (0..schools.len())
            .filter(|&i| schools[i].removal_requested.is_some_and(within))
            .collect(),
        admin_changes: (0..schools.len())
            .filter(|&i| {
                schools[i].admin_changed.is_some_and(within)
                    && !schools[i].removal_requested.is_some_and(within)
            })
            .collect(),
    }
}

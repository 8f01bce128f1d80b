//! D5 — the deliberation's legality dates (CGCT L2131-1, L2131-6): when it becomes
//! enforceable, until when the préfet may refer it to the tribunal, and a convention notified
//! before the deliberation was transmitted.

use chrono::NaiveDate;

use super::clause::Clause;
use super::dates::{days_between, fr, fr_long};
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::r9_calendar::{r9_non_working, r9_two_months_franc};
use super::scenario::Deliberation;
use super::text::plural;

/// D5 (CGCT L2131-1): the day the deliberation becomes enforceable, the later of its
/// publication and its transmission to the préfecture; `None` while either is unknown.
pub fn d5_enforceable(deliberation: &Deliberation) -> Option<Explained<NaiveDate>> {
    let (published, transmitted) = (deliberation.published?, deliberation.transmitted?);
    let enforceable = published.max(transmitted);
    let last = if transmitted >= published {
        "la transmission en préfecture"
    } else {
        "la publication"
    };
    let why = Explanation::new(
        Rule::D5,
        "Date à laquelle la délibération devient exécutoire",
        Clause::CgctL2131_1,
    )
    .input("Publication de la délibération", fr(published))
    .input("Transmission en préfecture", fr(transmitted))
    .step("Une délibération est exécutoire de plein droit une fois publiée (ou affichée) et transmise au préfet : il faut les deux.")
    .step(if published == transmitted {
        format!(
            "Publiée et transmise le même jour : exécutoire le {}.",
            fr_long(enforceable)
        )
    } else {
        format!(
            "La dernière des deux formalités est {last}, le {} : la délibération est exécutoire à cette date.",
            fr_long(enforceable)
        )
    })
    .step(format!(
        "Mention à porter sur l'acte : « Certifié exécutoire par : transmission en préfecture le {}, mise en ligne le {} ».",
        fr(transmitted),
        fr(published)
    ));
    Some(Explained::new(enforceable, why))
}

/// D5 (CGCT L2131-6): the last day for the préfet to refer the deliberation to the tribunal
/// (déféré préfectoral): two months from its transmission, a délai franc as R9's appeal.
pub fn d5_prefect_referral_deadline(transmitted: NaiveDate) -> Explained<NaiveDate> {
    let delay = r9_two_months_franc(transmitted);
    let mut why = Explanation::new(
        Rule::D5,
        "Date limite du déféré préfectoral",
        Clause::CgctL2131_6,
    )
    .also(Clause::CjaR421_1)
    .also(Clause::Cpc642)
    .input("Transmission en préfecture", fr(transmitted))
    .step(format!(
        "Le préfet peut déférer la délibération au Tribunal administratif de Lyon dans les deux mois qui suivent sa transmission ; délai franc : il court du lendemain, le {}.",
        fr(delay.start)
    ))
    .step(format!(
        "{} + 2 mois = {} ({}).",
        fr(delay.start),
        fr(delay.raw),
        fr_long(delay.raw)
    ));
    why = match r9_non_working(delay.raw) {
        Some(reason) => why.step(format!(
            "Le {} est {} : le délai est prorogé au premier jour ouvrable suivant, le {}.",
            fr(delay.raw),
            reason.describe(),
            fr_long(delay.deadline)
        )),
        None => why.step(format!(
            "Le {} est un jour ouvrable : dernier jour du déféré.",
            fr(delay.raw)
        )),
    };
    why = why.assume(assumptions::REFERRAL_DELAI_FRANC);
    if delay.at_month_end() {
        why = why.assume(assumptions::APPEAL_MONTH_END);
    }
    Explained::new(delay.deadline, why)
}

/// D5: a convention notified before the deliberation that approves it was transmitted to the
/// préfecture, flagged with the days between; `None` when the order is right or a date is
/// unknown. The convention cannot be signed, and so not notified, before the transmission.
pub fn d5_notified_before_transmission(
    notified: NaiveDate,
    deliberation: &Deliberation,
) -> Option<Explained<i64>> {
    let transmitted = deliberation.transmitted?;
    (notified < transmitted).then(|| {
        let days = days_between(notified, transmitted);
        let why = Explanation::new(
            Rule::D5,
            "Notification avant la transmission de la délibération",
            Clause::CgctL2131_1,
        )
        .input("Notification de la convention", fr(notified))
        .input("Transmission en préfecture", fr(transmitted))
        .step(format!(
            "La convention est notifiée le {}, {} jour{} avant la transmission de la délibération qui l'approuve, le {}.",
            fr(notified),
            days,
            plural(days),
            fr(transmitted)
        ))
        .step("Tant que la délibération n'est pas transmise au préfet, le maire ne peut pas signer la convention : vérifier l'une des deux dates.");
        Explained::new(days, why)
    })
}

/// Every legality date of the deliberation (D5), as far as the scenario knows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Legality {
    /// The publication, as entered.
    pub published: Option<NaiveDate>,
    /// The transmission, as entered.
    pub transmitted: Option<NaiveDate>,
    /// When it becomes enforceable, once both dates are known.
    pub enforceable: Option<Explained<NaiveDate>>,
    /// The last day of the déféré préfectoral, once the transmission is known.
    pub prefect_referral: Option<Explained<NaiveDate>>,
    /// The flag of a notification before the transmission.
    pub notified_before_transmission: Option<Explained<i64>>,
}

impl Legality {
    /// Whether the scenario holds any date of the deliberation.
    pub fn any_known(&self) -> bool {
        self.published.is_some() || self.transmitted.is_some()
    }

    /// While one of the two dates is missing: what the enforceable date waits for.
    pub fn pending(&self) -> Option<String> {
        if self.enforceable.is_some() || !self.any_known() {
            return None;
        }
        let missing = if self.published.is_none() {
            "sa publication"
        } else {
            "sa transmission en préfecture"
        };
        Some(format!(
            "Exécutoire une fois publiée et transmise en préfecture : date à compléter avec {missing}."
        ))
    }

    /// The flag of a notification before the transmission, as one French paragraph.
    pub fn notification_warning(&self) -> Option<String> {
        self.notified_before_transmission
            .as_ref()
            .map(|f| f.why.steps.join(" "))
    }
}

/// D5: every legality date of `deliberation`, for a convention notified on `notified`.
pub fn d5_legality(notified: NaiveDate, deliberation: &Deliberation) -> Legality {
    Legality {
        published: deliberation.published,
        transmitted: deliberation.transmitted,
        enforceable: d5_enforceable(deliberation),
        prefect_referral: deliberation.transmitted.map(d5_prefect_referral_deadline),
        notified_before_transmission: d5_notified_before_transmission(notified, deliberation),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn delib(published: Option<&str>, transmitted: Option<&str>) -> Deliberation {
        Deliberation {
            published: published.map(d),
            transmitted: transmitted.map(d),
            ..Deliberation::default()
        }
    }

    #[test]
    fn enforceable_at_the_later_of_both_dates() {
        let e = d5_enforceable(&delib(Some("2023-11-16"), Some("2023-11-14"))).unwrap();
        assert_eq!(e.value, d("2023-11-16"));
        assert!(
            e.why.steps[1].contains("la publication"),
            "{:?}",
            e.why.steps
        );
        let e = d5_enforceable(&delib(Some("2023-11-14"), Some("2023-11-17"))).unwrap();
        assert_eq!(e.value, d("2023-11-17"));
        assert!(e.why.steps[1].contains("la transmission en préfecture"));
        assert!(
            e.why.steps[2]
                .contains("transmission en préfecture le 17/11/2023, mise en ligne le 14/11/2023")
        );
        assert_eq!(e.why.reference(), "CGCT art. L2131-1");
        // Either date unknown: not enforceable yet, as far as the simulation knows.
        assert!(d5_enforceable(&delib(Some("2023-11-16"), None)).is_none());
        assert!(d5_enforceable(&delib(None, Some("2023-11-16"))).is_none());
    }

    #[test]
    fn prefect_referral_is_a_delai_franc_from_transmission() {
        // Transmitted 16/11/2023 → runs from 17/11 → 17/01/2024, a Wednesday.
        let r = d5_prefect_referral_deadline(d("2023-11-16"));
        assert_eq!(r.value, d("2024-01-17"));
        assert_eq!(r.why.reference(), "CGCT art. L2131-6");
        assert!(r.why.steps[1].contains("17/11/2023 + 2 mois = 17/01/2024"));
        // 30/12/2024 → 31/12 + 2 months = 28/02/2025 (month end), a Friday.
        let r = d5_prefect_referral_deadline(d("2024-12-30"));
        assert_eq!(r.value, d("2025-02-28"));
        assert!(r.why.assumptions.contains(&assumptions::APPEAL_MONTH_END));
        // 31/08/2025 → 01/11/2025, Toussaint, a Saturday → Monday 03/11/2025.
        let r = d5_prefect_referral_deadline(d("2025-08-31"));
        assert_eq!(r.value, d("2025-11-03"));
        assert!(r.why.steps[2].contains("prorogé"));
    }

    #[test]
    fn notification_before_transmission_is_flagged() {
        let late = delib(Some("2023-11-10"), Some("2023-11-20"));
        let flag = d5_notified_before_transmission(d("2023-11-16"), &late).unwrap();
        assert_eq!(flag.value, 4);
        assert!(flag.why.steps[0].contains("4 jours avant la transmission"));
        // The same day, or after: nothing to flag; nor without a transmission date.
        assert!(d5_notified_before_transmission(d("2023-11-20"), &late).is_none());
        assert!(d5_notified_before_transmission(d("2023-11-21"), &late).is_none());
        assert!(d5_notified_before_transmission(d("2023-11-01"), &delib(None, None)).is_none());
    }

    #[test]
    fn legality_gathers_what_is_known() {
        let l = d5_legality(d("2023-11-16"), &delib(Some("2023-11-16"), None));
        assert!(l.enforceable.is_none() && l.prefect_referral.is_none());
        assert!(l.notified_before_transmission.is_none());
        let l = d5_legality(d("2023-11-16"), &delib(None, Some("2023-11-15")));
        assert_eq!(l.prefect_referral.unwrap().value, d("2024-01-16"));
        assert!(l.enforceable.is_none());
    }
}

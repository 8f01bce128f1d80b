//! R2 — termination by the commune (Art. 8): at an anniversary, with three months' notice,
//! the date of reception by the Métropole counting.

use chrono::NaiveDate;

use super::clause::Clause;
use super::convention::NOTICE_MONTHS;
use super::dates::{add_months, fr, fr_long, fr_weekday, next_day, previous_day};
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::r1_years::r1_anniversary;
use super::r9_calendar::{NonWorking, r9_non_working, r9_previous_working_day};

/// R2 (Art. 8): the last day a termination letter may be received to end the convention at
/// `anniversary`: `anniversary − 3 months` by the month-end rule, never moved to a working
/// day.
pub fn r2_latest_reception(anniversary: NaiveDate) -> NaiveDate {
    add_months(anniversary, -NOTICE_MONTHS)
}

impl NoticeDeadline {
    /// Whether the two readings of the notice give different last days (month ends).
    pub fn readings_differ(&self) -> bool {
        self.forward_latest_reception > self.latest_reception
    }

    /// What the page says of a deadline on a non-working day: « c'est un samedi ; en
    /// pratique, au plus tard le jeudi 14/08/2025 ».
    pub fn practical_warning(&self) -> Option<String> {
        self.non_working.map(|w| {
            format!(
                "C'est {} ; la date n'est pas reportée : en pratique, au plus tard le {} {}.",
                w.describe(),
                fr_weekday(self.practical_last_day),
                fr(self.practical_last_day)
            )
        })
    }
}

/// R2, second reading (Art. 8, « un préavis de trois mois » counted forward from reception):
/// the last day a letter may be received when the notice is valid for `anniversary` as soon as
/// reception + 3 months (R1's month rule) ≤ `anniversary`. Never earlier than
/// [`r2_latest_reception`]; later only at month ends (2025-02-28: 2024-11-30, not 2024-11-28).
pub fn r2_forward_latest_reception(anniversary: NaiveDate) -> NaiveDate {
    let mut day = r2_latest_reception(anniversary);
    // At most three days more: 29, 30, 31 of a month whose third month is shorter.
    while add_months(next_day(day), NOTICE_MONTHS) <= anniversary {
        day = next_day(day);
    }
    day
}

/// The notice deadline for one anniversary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeDeadline {
    /// Which anniversary (k ≥ 1).
    pub number: u32,
    /// The anniversary the convention would end at.
    pub anniversary: NaiveDate,
    /// The last day the Métropole may receive the letter: `anniversary − 3 months`.
    pub latest_reception: NaiveDate,
    /// Set when the latest reception falls on a weekend or public holiday: the letter must
    /// arrive earlier.
    pub non_working: Option<NonWorking>,
    /// The last working day on or before the latest reception (R9): the day to aim at in
    /// practice; the deadline itself does not move.
    pub practical_last_day: NaiveDate,
    /// The latest reception under the second reading (the notice counted forward from
    /// reception): later than `latest_reception` only at month ends (hypothèse).
    pub forward_latest_reception: NaiveDate,
    /// How the deadline was found (R2, Art. 8).
    pub why: Explanation,
}

/// R2 (Art. 8): the notice deadline for anniversary `k` (≥ 1) of a convention notified on
/// `notified`, flagged when it falls on a non-working day (R9).
pub fn r2_notice_deadline(notified: NaiveDate, k: u32) -> NoticeDeadline {
    let anniversary = r1_anniversary(notified, k);
    let latest = r2_latest_reception(anniversary);
    let non_working = r9_non_working(latest);
    let practical = r9_previous_working_day(latest);
    let forward = r2_forward_latest_reception(anniversary);
    let mut why = Explanation::new(
        Rule::R2,
        format!("Date limite de réception d'une lettre de résiliation pour l'anniversaire n° {k}"),
        Clause::Art8Notice,
    )
    .also(Clause::Cpc641)
    .input("Notification", fr(notified))
    .input("Anniversaire", fr(anniversary))
    .step(format!(
        "Anniversaire n° {k} = {} + {k} an{} = {}.",
        fr(notified),
        if k > 1 { "s" } else { "" },
        fr(anniversary)
    ))
    .step(format!(
        "{} − {NOTICE_MONTHS} mois = {} ({}).",
        fr(anniversary),
        fr(latest),
        fr_long(latest)
    ));
    if let Some(reason) = non_working {
        why = why.also(Clause::CodeTravailL3133_1).step(format!(
            "Le {} est {} : la date n'est pas reportée ; en pratique, la lettre doit arriver au plus tard le {} {}, dernier jour ouvré avant.",
            fr(latest),
            reason.describe(),
            fr_weekday(practical),
            fr(practical)
        ));
    }
    why = why
        .step(format!(
            "Lettre recommandée avec accusé de réception reçue par la Métropole au plus tard le {} : fin de la convention et des accès le {}.",
            fr(latest),
            fr(anniversary)
        ))
        .assume(assumptions::MONTH_END)
        .assume(assumptions::NOTICE_NOT_EXTENDED);
    if forward > latest {
        why = why
            .step(format!(
                "Seconde lecture : compté depuis la réception, le préavis de trois mois admet une lettre reçue jusqu'au {} ({} + {NOTICE_MONTHS} mois = {}). Une lettre reçue du {} au {} mettrait fin à la convention le {} selon cette lecture, un an plus tard selon la lecture prudente.",
                fr(forward),
                fr(forward),
                fr(add_months(forward, NOTICE_MONTHS)),
                fr(next_day(latest)),
                fr(forward),
                fr(anniversary)
            ))
            .assume(assumptions::NOTICE_FORWARD);
    }
    NoticeDeadline {
        number: k,
        anniversary,
        latest_reception: latest,
        non_working,
        practical_last_day: practical,
        forward_latest_reception: forward,
        why,
    }
}

/// R2 (Art. 8): a letter received before the notification is an input error (on N itself it
/// is accepted). The French message, when it is one.
pub fn r2_reception_error(notified: NaiveDate, received: NaiveDate) -> Option<String> {
    (received < notified).then(|| {
        format!(
            "la lettre de résiliation ne peut pas être reçue ({}) avant la notification de la convention ({})",
            fr(received),
            fr(notified)
        )
    })
}

/// A termination: when the letter arrived and at which anniversary access ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Termination {
    /// The day the Métropole received the letter, as entered.
    pub received: NaiveDate,
    /// Which anniversary (k ≥ 1).
    pub number: u32,
    /// The anniversary at which the convention ends: no access from this day on.
    pub ends: NaiveDate,
    /// The last day with access (the day before `ends`).
    pub last_day: NaiveDate,
}

/// R2 (Art. 8): the convention ends at the first anniversary A (k ≥ 1) with
/// `received ≤ A − 3 months`, and access with it. A letter received before the notification
/// is an input error, reported by the scenario's validation; here it counts as received on
/// the notification day.
pub fn r2_termination(notified: NaiveDate, received: NaiveDate) -> Explained<Termination> {
    let counted = received.max(notified);
    // Anniversaries grow with k; the loop stops within a year of the reception.
    let mut k = 1;
    while r2_latest_reception(r1_anniversary(notified, k)) < counted {
        k += 1;
    }
    let ends = r1_anniversary(notified, k);
    let latest = r2_latest_reception(ends);
    let mut why = Explanation::new(
        Rule::R2,
        "Fin de la convention après une lettre de résiliation",
        Clause::Art8Notice,
    )
    .also(Clause::Art8AccessEnd)
    .input("Notification", fr(notified))
    .input("Lettre reçue par la Métropole le", fr(received));
    if k > 1 {
        let missed = r1_anniversary(notified, k - 1);
        why = why
            .step(format!(
                "Pour l'anniversaire du {}, la lettre devait arriver au plus tard le {} : trop tard.",
                fr(missed),
                fr(r2_latest_reception(missed))
            ))
            .assume(assumptions::LATE_NOTICE_NEXT_ANNIVERSARY);
    }
    why = why
        .step(format!(
            "Pour l'anniversaire du {}, la limite est le {} : la lettre, reçue le {}, est dans les délais.",
            fr(ends),
            fr(latest),
            fr(received)
        ))
        .step(format!(
            "La convention prend fin le {} ; les accès sont supprimés ce jour-là, le dernier jour d'accès est le {}.",
            fr(ends),
            fr(previous_day(ends))
        ))
        .assume(assumptions::MONTH_END);
    Explained::new(
        Termination {
            received,
            number: k,
            ends,
            last_day: previous_day(ends),
        },
        why,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn spec_examples() {
        assert_eq!(r2_latest_reception(d("2026-05-31")), d("2026-02-28"));
        let n = d("2024-02-29");
        let first = r2_notice_deadline(n, 1);
        assert_eq!(first.anniversary, d("2025-02-28"));
        assert_eq!(first.latest_reception, d("2024-11-28"));
        // R2's second reading: counted forward from reception, 30/11/2024 + 3 months is
        // 28/02/2025 (the month's last day): the letter may arrive two days later.
        assert_eq!(first.forward_latest_reception, d("2024-11-30"));
        assert!(first.readings_differ());
        assert!(first.why.assumptions.contains(&assumptions::NOTICE_FORWARD));
        assert!(
            first
                .why
                .steps
                .iter()
                .any(|s| s.contains("du 29/11/2024 au 30/11/2024"))
        );
        // Away from month ends the two readings agree.
        let plain = r2_notice_deadline(d("2023-11-16"), 1);
        assert_eq!(plain.forward_latest_reception, plain.latest_reception);
        assert!(!plain.why.assumptions.contains(&assumptions::NOTICE_FORWARD));
    }

    #[test]
    fn weekend_deadline_is_flagged_not_moved() {
        let dl = r2_notice_deadline(d("2023-11-16"), 2);
        assert_eq!(dl.latest_reception, d("2025-08-16"));
        assert_eq!(dl.non_working, Some(NonWorking::Saturday));
        // Saturday 16/08, and Friday 15/08 is the Assumption: in practice, Thursday 14/08.
        assert_eq!(dl.practical_last_day, d("2025-08-14"));
        assert!(dl.why.steps.iter().any(|s| s.contains(
            "Le 16/08/2025 est un samedi : la date n'est pas reportée ; en pratique, la lettre doit arriver au plus tard le jeudi 14/08/2025"
        )), "{:?}", dl.why.steps);
        assert_eq!(
            dl.practical_warning().unwrap(),
            "C'est un samedi ; la date n'est pas reportée : en pratique, au plus tard le jeudi 14/08/2025."
        );
        assert!(!dl.why.assumptions.is_empty());
        // A working day is its own practical last day.
        let first = r2_notice_deadline(d("2023-11-16"), 1);
        assert_eq!(first.practical_last_day, first.latest_reception);
        assert!(first.practical_warning().is_none());
    }

    #[test]
    fn termination_takes_the_first_anniversary_in_time() {
        let n = d("2023-11-16");
        // On the deadline itself: accepted.
        let t = r2_termination(n, d("2025-08-16")).value;
        assert_eq!(t.ends, d("2025-11-16"));
        assert_eq!(t.last_day, d("2025-11-15"));
        // One day late: next anniversary.
        let late = r2_termination(n, d("2025-08-17"));
        assert_eq!(late.value.ends, d("2026-11-16"));
        assert!(late.why.steps[0].contains("trop tard"));
        // On the notification day: first anniversary.
        assert_eq!(r2_termination(n, n).value.ends, d("2024-11-16"));
        // Received after the first deadline of the first year.
        assert_eq!(
            r2_termination(n, d("2024-09-01")).value.ends,
            d("2025-11-16")
        );
    }
}

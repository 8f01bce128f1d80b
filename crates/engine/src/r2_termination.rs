//! R2 — termination by the commune (Art. 8): at an anniversary, with three months' notice,
//! the date of reception by the Métropole counting.

use chrono::NaiveDate;

use super::clause::Clause;
use super::convention::NOTICE_MONTHS;
use super::dates::{add_months, fr, fr_long, fr_weekday, next_day, previous_day};
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::r1_years::r1_anniversary;
use super::r9_calendar::{NonWorking, r9_non_working, r9_previous_working_day};

/// R2 (Art. 8), the cautious reading: the last day a termination letter may be received to
/// end the convention at `anniversary`. Three full months must run before the convention
/// year's last day (`anniversary − 1`), as the Cour de cassation counts a notice before a term
/// (Cass. 3e civ., 8 March 2018, n° 17-11.312): `(anniversary − 3 months) − 1 day`, the months
/// by R1's month-end rule, never moved to a working day.
pub fn r2_latest_reception(anniversary: NaiveDate) -> NaiveDate {
    previous_day(add_months(anniversary, -NOTICE_MONTHS))
}

/// R2, the favourable reading (hypothèse): the later of `anniversary − 3 months` itself and,
/// counted forward from reception, the last day whose reception + 3 months (R1's month rule)
/// is on or before `anniversary`. Always at least a day after [`r2_latest_reception`]; later
/// still at month ends (2025-02-28: 2024-11-30). What a letter received in between could
/// argue, never a deadline.
pub fn r2_favourable_latest_reception(anniversary: NaiveDate) -> NaiveDate {
    let mut day = add_months(anniversary, -NOTICE_MONTHS);
    // At most three days more: 29, 30, 31 of a month whose third month is shorter.
    while add_months(next_day(day), NOTICE_MONTHS) <= anniversary {
        day = next_day(day);
    }
    day
}

/// An uncollected registered letter waits up to 15 days at the post office: the margin R2's
/// recommended sending date keeps before the practical last day (hypothèse).
pub const REGISTERED_LETTER_WAIT_DAYS: u64 = 15;

/// R2: the day to send the registered letter, at the latest, for it to arrive by
/// `practical_last_day`: the last working day on or before `practical_last_day − 15 days` (an
/// uncollected registered letter waits up to 15 days at the post office; hypothèse).
pub fn r2_recommended_sending(practical_last_day: NaiveDate) -> NaiveDate {
    let back = practical_last_day
        .checked_sub_days(chrono::Days::new(REGISTERED_LETTER_WAIT_DAYS))
        .unwrap_or(practical_last_day);
    r9_previous_working_day(back)
}

impl NoticeDeadline {
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

    /// The deadline as an answer says it: « le 14/10/2026 », or, on a non-working day,
    /// « le vendredi 15/08/2025 — un jour férié (Assomption) : en pratique le jeudi 14/08/2025,
    /// dernier jour ouvré — ».
    pub fn reception_phrase(&self) -> String {
        match self.non_working {
            None => format!("le {}", fr(self.latest_reception)),
            Some(w) => format!(
                "le {} {} — {} : en pratique le {} {}, dernier jour ouvré —",
                fr_weekday(self.latest_reception),
                fr(self.latest_reception),
                w.describe(),
                fr_weekday(self.practical_last_day),
                fr(self.practical_last_day)
            ),
        }
    }

    /// Whether `today` lies after the practical last day but on or before the deadline itself
    /// (a deadline on a weekend or a public holiday): in time in law, too late in practice.
    pub fn only_in_law(&self, today: NaiveDate) -> bool {
        today > self.practical_last_day && today <= self.latest_reception
    }

    /// The recommended sending date, as the page says it: « envoi conseillé au plus tard le
    /// mercredi 30/07/2025 ».
    pub fn sending_advice(&self) -> String {
        format!(
            "Envoi de la lettre recommandée conseillé au plus tard le {} {} (hypothèse : une lettre non retirée attend jusqu'à {REGISTERED_LETTER_WAIT_DAYS} jours au bureau de poste).",
            fr_weekday(self.recommended_send_by),
            fr(self.recommended_send_by)
        )
    }
}

/// The notice deadline for one anniversary (R2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeDeadline {
    /// Which anniversary (k ≥ 1).
    pub number: u32,
    /// The anniversary the convention would end at.
    pub anniversary: NaiveDate,
    /// The last day the Métropole may receive the letter, cautious reading:
    /// `(anniversary − 3 months) − 1 day`.
    pub latest_reception: NaiveDate,
    /// Set when the latest reception falls on a weekend or public holiday: the letter must
    /// arrive earlier.
    pub non_working: Option<NonWorking>,
    /// The last working day on or before the latest reception (R9): the day to aim at in
    /// practice; the deadline itself does not move.
    pub practical_last_day: NaiveDate,
    /// The last day to send the registered letter, with the post office's 15 days of margin
    /// (hypothèse): the last working day on or before `practical_last_day − 15 days`.
    pub recommended_send_by: NaiveDate,
    /// The favourable reading's last day (hypothèse): always later than `latest_reception`;
    /// what a letter received in between could argue, never a deadline.
    pub favourable_latest_reception: NaiveDate,
    /// The notification the anniversaries count from.
    pub notified: NaiveDate,
}

/// R2 (Art. 8): the notice deadline for anniversary `k` (≥ 1) of a convention notified on
/// `notified`, flagged when it falls on a non-working day (R9), with the day to aim at, the
/// recommended sending date and the favourable reading beside.
pub fn r2_notice_deadline(notified: NaiveDate, k: u32) -> NoticeDeadline {
    let anniversary = r1_anniversary(notified, k);
    let latest = r2_latest_reception(anniversary);
    let practical = r9_previous_working_day(latest);
    NoticeDeadline {
        number: k,
        anniversary,
        latest_reception: latest,
        non_working: r9_non_working(latest),
        practical_last_day: practical,
        recommended_send_by: r2_recommended_sending(practical),
        favourable_latest_reception: r2_favourable_latest_reception(anniversary),
        notified,
    }
}

impl NoticeDeadline {
    /// How the deadline was found (R2, Art. 8), written when asked for: 30 anniversaries'
    /// French steps would cost every simulation for an explanation read on a click.
    pub fn why(&self) -> Explanation {
        let (notified, k, anniversary) = (self.notified, self.number, self.anniversary);
        let (latest, practical, recommended, favourable) = (
            self.latest_reception,
            self.practical_last_day,
            self.recommended_send_by,
            self.favourable_latest_reception,
        );
        let non_working = self.non_working;
        let three_months_before = add_months(anniversary, -NOTICE_MONTHS);
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
            "Trois mois pleins doivent courir avant le dernier jour de l'année de convention, le {} : {} − {NOTICE_MONTHS} mois = {}, moins un jour : {} ({}).",
            fr(previous_day(anniversary)),
            fr(anniversary),
            fr(three_months_before),
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
                "Envoi conseillé au plus tard le {} {} : dernier jour ouvré au plus tard {REGISTERED_LETTER_WAIT_DAYS} jours avant le {}, une lettre recommandée non retirée attendant jusqu'à {REGISTERED_LETTER_WAIT_DAYS} jours au bureau de poste.",
                fr_weekday(recommended),
                fr(recommended),
                fr(practical)
            ))
            .step(format!(
                "Lettre recommandée avec accusé de réception reçue par la Métropole au plus tard le {} : fin de la convention et des accès le {} ; à défaut, à l'anniversaire suivant.",
                fr(latest),
                fr(anniversary)
            ))
            .step(format!(
                "Lecture favorable (hypothèse, jamais une date limite) : une lettre reçue jusqu'au {} pourrait soutenir que le préavis de trois mois est respecté ; si la Métropole ne la retient pas, la convention est reconduite un an.",
                fr(favourable)
            ))
            .assume(assumptions::NOTICE_CAUTIOUS)
            .assume(assumptions::MONTH_END)
            .assume(assumptions::NOTICE_NOT_EXTENDED)
            .assume(assumptions::NOTICE_FAVOURABLE)
            .assume(assumptions::REGISTERED_LETTER_WAIT);
        why
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
/// `received ≤ (A − 3 months) − 1 day` (the cautious reading), and access with it. A letter received before the notification
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
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn spec_examples() {
        // Three full months before the convention year's last day: (A − 3 months) − 1 day.
        assert_eq!(r2_latest_reception(d("2025-11-16")), d("2025-08-15"));
        assert_eq!(r2_latest_reception(d("2026-05-31")), d("2026-02-27"));
        let n = d("2024-02-29");
        let first = r2_notice_deadline(n, 1);
        assert_eq!(first.anniversary, d("2025-02-28"));
        assert_eq!(first.latest_reception, d("2024-11-27"));
        // The favourable reading: counted forward from reception, 30/11/2024 + 3 months is
        // 28/02/2025 (the month's last day).
        assert_eq!(first.favourable_latest_reception, d("2024-11-30"));
        assert!(
            first
                .why()
                .assumptions
                .contains(&assumptions::NOTICE_FAVOURABLE)
        );
        // Away from month ends, the favourable reading is A − 3 months itself: a day later.
        let plain = r2_notice_deadline(d("2023-11-16"), 2);
        assert_eq!(plain.favourable_latest_reception, d("2025-08-16"));
        assert!(plain.why().steps.iter().any(|s| s.contains(
            "Lecture favorable (hypothèse, jamais une date limite) : une lettre reçue jusqu'au 16/08/2025"
        )));
    }

    #[test]
    fn the_tassin_deadline_of_2025_its_practical_day_and_sending_date() {
        let dl = r2_notice_deadline(d("2023-11-16"), 2);
        assert_eq!(dl.anniversary, d("2025-11-16"));
        // Friday 15/08/2025 is the Assumption: in practice, Thursday 14/08; send by Wednesday
        // 30/07 (14/08 − 15 days = 30/07, a working day).
        assert_eq!(dl.latest_reception, d("2025-08-15"));
        assert_eq!(dl.non_working, Some(NonWorking::Holiday("Assomption")));
        assert_eq!(dl.practical_last_day, d("2025-08-14"));
        assert_eq!(dl.recommended_send_by, d("2025-07-30"));
        assert!(dl.why().steps.iter().any(|s| s.contains(
            "Le 15/08/2025 est un jour férié (Assomption) : la date n'est pas reportée ; en pratique, la lettre doit arriver au plus tard le jeudi 14/08/2025"
        )), "{:?}", dl.why().steps);
        assert_eq!(
            dl.practical_warning().unwrap(),
            "C'est un jour férié (Assomption) ; la date n'est pas reportée : en pratique, au plus tard le jeudi 14/08/2025."
        );
        // 2027: Sunday 15/08, in practice Friday 13/08.
        let later = r2_notice_deadline(d("2023-11-16"), 4);
        assert_eq!(later.latest_reception, d("2027-08-15"));
        assert_eq!(later.practical_last_day, d("2027-08-13"));
        // A working day is its own practical last day.
        let working = r2_notice_deadline(d("2023-11-20"), 1);
        assert_eq!(working.latest_reception, d("2024-08-19"));
        assert_eq!(working.practical_last_day, working.latest_reception);
        assert!(working.practical_warning().is_none());
    }

    #[test]
    fn termination_takes_the_first_anniversary_in_time() {
        let n = d("2023-11-16");
        // On the cautious deadline itself: accepted.
        let t = r2_termination(n, d("2025-08-15")).value;
        assert_eq!(t.ends, d("2025-11-16"));
        assert_eq!(t.last_day, d("2025-11-15"));
        // On A − 3 months (the favourable reading's day): one year later.
        let late = r2_termination(n, d("2025-08-16"));
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

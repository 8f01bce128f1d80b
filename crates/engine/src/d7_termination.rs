//! D7 — terminating the convention: who decides (a council deliberation under L2121-29, or the
//! mayor's décision under a L2122-22 4° delegation), and the plan counted backwards from R2's
//! practical last day: the letter sent, the act enforceable, the meeting held, the council
//! convened, each with its weekday and rule.

use chrono::{Datelike, Days, NaiveDate};

use super::clause::Clause;
use super::d1_d4_meeting::convocation_days;
use super::dates::{fr, fr_weekday};
use super::explain::{Explanation, Rule, assumptions};
use super::r2_termination::NoticeDeadline;
use super::r9_calendar::{r9_non_working, r9_previous_working_day};

/// Working days a registered letter is taken to need to arrive (hypothèse: optimistic; La
/// Poste guarantees nothing).
pub const DELIVERY_WORKING_DAYS: u32 = 3;

/// The last month in which a council is assumed to meet before the summer break: a plan whose
/// meeting falls in August says so.
const AUGUST: u32 = 8;

/// `date` moved back by `n` working days (R9): with `n` = 0, the last working day on or before
/// `date`.
pub fn working_days_before(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = r9_previous_working_day(date);
    for _ in 0..n {
        day = r9_previous_working_day(day.pred_opt().unwrap_or(day));
    }
    day
}

/// `date − days` calendar days, then the last working day on or before it.
fn calendar_days_before(date: NaiveDate, days: u64) -> NaiveDate {
    r9_previous_working_day(date.checked_sub_days(Days::new(days)).unwrap_or(date))
}

/// Who decides the termination (D7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decider {
    /// The council, by a deliberation (L2121-29): the sound hypothèse without a delegation.
    Council,
    /// The mayor, by a décision under the council's L2122-22 4° delegation (hypothèse).
    Mayor,
}

/// One dated step of the plan: what to do by when, and under which rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanStep {
    /// What to do, in French: « Convoquer le conseil municipal ».
    pub what: &'static str,
    /// At the latest on this day.
    pub date: NaiveDate,
    /// The rule the date comes from, one French sentence.
    pub rule: String,
    /// The clause behind it.
    pub clause: Clause,
}

impl PlanStep {
    /// « Convoquer le conseil municipal : au plus tard le vendredi 01/08/2025 ».
    pub fn sentence(&self) -> String {
        format!(
            "{} : au plus tard le {} {}",
            self.what,
            fr_weekday(self.date),
            fr(self.date)
        )
    }

    /// The sentence as said on `today`: a step whose last day is past says so.
    pub fn sentence_on(&self, today: NaiveDate) -> String {
        if self.date < today {
            format!("{} — date passée", self.sentence())
        } else {
            self.sentence()
        }
    }
}

/// The plan backwards from one anniversary (D7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerminationPlan {
    /// The anniversary the convention would end at.
    pub anniversary: NaiveDate,
    /// Who decides.
    pub decider: Decider,
    /// R2's practical last day of reception: the day to aim at.
    pub practical_last_day: NaiveDate,
    /// R2's recommended sending date (15 days of margin).
    pub recommended_send_by: NaiveDate,
    /// The last day to send the registered letter: [`DELIVERY_WORKING_DAYS`] working days
    /// before the practical last day.
    pub send_by: NaiveDate,
    /// The act that decides must be enforceable by then: the letter is signed and sent the
    /// same day.
    pub enforceable_by: NaiveDate,
    /// The last day for the council to meet (one working day before, for the transmission and
    /// the online publication); `None` when the mayor decides.
    pub meeting_by: Option<NaiveDate>,
    /// The last day to send the convocation (D3's jours francs + 1 before the meeting, then
    /// the last working day); `None` when the mayor decides or the population is unknown.
    pub convocation_by: Option<NaiveDate>,
    /// The jours francs of the convocation, 3 or 5, when the population is known.
    pub jours_francs: Option<i64>,
    /// When the meeting would fall in August: the last working day of July, which still
    /// works, and its convocation when known.
    pub july: Option<(NaiveDate, Option<NaiveDate>)>,
    /// To send by the recommended date: the meeting one working day before it (`None` when the
    /// mayor decides).
    pub recommended_meeting_by: Option<NaiveDate>,
    /// To send by the recommended date: the convocation (`None` when the mayor decides or the
    /// population is unknown).
    pub recommended_convocation_by: Option<NaiveDate>,
}

/// D7: the plan to leave the convention at `notice`'s anniversary, for a council of a commune
/// of `population` inhabitants (when known), or for the mayor when `delegation` is set.
pub fn d7_termination_plan(
    notice: &NoticeDeadline,
    delegation: bool,
    population: Option<u32>,
) -> TerminationPlan {
    let practical = notice.practical_last_day;
    let send_by = working_days_before(practical, DELIVERY_WORKING_DAYS);
    let enforceable_by = send_by;
    let decider = if delegation {
        Decider::Mayor
    } else {
        Decider::Council
    };
    let jours_francs = population.map(convocation_days);
    let convocation_for = |meeting: NaiveDate| {
        jours_francs.map(|jf| calendar_days_before(meeting, jf.unsigned_abs() + 1))
    };
    let meeting_by = (decider == Decider::Council).then(|| working_days_before(enforceable_by, 1));
    let july = meeting_by.filter(|m| m.month() == AUGUST).map(|m| {
        let last_july = NaiveDate::from_ymd_opt(m.year(), AUGUST, 1)
            .and_then(|d| d.pred_opt())
            .map_or(m, r9_previous_working_day);
        (last_july, convocation_for(last_july))
    });
    let recommended_meeting_by =
        (decider == Decider::Council).then(|| working_days_before(notice.recommended_send_by, 1));
    TerminationPlan {
        recommended_meeting_by,
        recommended_convocation_by: recommended_meeting_by.and_then(convocation_for),
        anniversary: notice.anniversary,
        decider,
        practical_last_day: practical,
        recommended_send_by: notice.recommended_send_by,
        send_by,
        enforceable_by,
        meeting_by,
        convocation_by: meeting_by.and_then(convocation_for),
        jours_francs,
        july,
    }
}

impl TerminationPlan {
    /// The plan's steps, earliest first.
    pub fn steps(&self) -> Vec<PlanStep> {
        let mut steps = Vec::new();
        if let (Some(c), Some(jf)) = (self.convocation_by, self.jours_francs) {
            steps.push(PlanStep {
                what: "Convoquer le conseil municipal",
                date: c,
                rule: format!(
                    "{jf} jours francs avant la séance (ni le jour de l'envoi ni celui de la séance ne comptent), ramené au dernier jour ouvré."
                ),
                clause: if jf >= 5 {
                    Clause::CgctL2121_12
                } else {
                    Clause::CgctL2121_11
                },
            });
        }
        if let Some(m) = self.meeting_by {
            steps.push(PlanStep {
                what: "Réunir le conseil et délibérer la résiliation",
                date: m,
                rule: "Un jour ouvré avant la date où la délibération doit être exécutoire : transmission en préfecture et publication le jour ouvré suivant (hypothèse).".into(),
                clause: Clause::CgctL2121_29,
            });
        }
        steps.push(PlanStep {
            what: match self.decider {
                Decider::Council => "Délibération exécutoire (transmise et publiée)",
                Decider::Mayor => "Décision du maire exécutoire (transmise et publiée)",
            },
            date: self.enforceable_by,
            rule: "Le jour de l'envoi au plus tard : la lettre est signée et envoyée une fois l'acte exécutoire.".into(),
            clause: Clause::CgctL2131_1,
        });
        steps.push(PlanStep {
            what: "Envoyer la lettre recommandée avec accusé de réception",
            date: self.send_by,
            rule: format!(
                "{DELIVERY_WORKING_DAYS} jours ouvrés avant le dernier jour ouvré de réception (hypothèse optimiste : La Poste ne garantit aucun délai)."
            ),
            clause: Clause::Art8Notice,
        });
        steps.push(PlanStep {
            what: "Réception par la Métropole",
            date: self.practical_last_day,
            rule: "Dernier jour ouvré au plus tard à la date limite prudente de l'article 8."
                .into(),
            clause: Clause::Art8Notice,
        });
        steps.sort_by_key(|s| s.date);
        steps
    }

    /// The chain that sends the letter on the recommended date: convene, meet, decide, send
    /// (a décision of the mayor enforceable by then, with a delegation).
    pub fn recommended(&self) -> String {
        let send = format!(
            "envoyer la lettre au plus tard le {} {}",
            fr_weekday(self.recommended_send_by),
            fr(self.recommended_send_by)
        );
        let steps = match (self.recommended_convocation_by, self.recommended_meeting_by) {
            (Some(c), Some(m)) => format!(
                "convoquer le conseil au plus tard le {} {}, le réunir au plus tard le {} {}, {send}",
                fr_weekday(c),
                fr(c),
                fr_weekday(m),
                fr(m)
            ),
            (None, Some(m)) => format!(
                "réunir le conseil au plus tard le {} {}, {send}",
                fr_weekday(m),
                fr(m)
            ),
            _ => format!("décision du maire exécutoire et {send}"),
        };
        format!(
            "Calendrier conseillé, qui laisse à la lettre les quinze jours d'une lettre non retirée (hypothèse) : {steps}."
        )
    }

    /// The plan's first line: « Pour quitter la convention au 16/11/2025 : convoquer le
    /// conseil au plus tard le vendredi 01/08/2025 ».
    pub fn headline(&self) -> String {
        let first = match (self.decider, self.convocation_by, self.meeting_by) {
            (Decider::Council, Some(c), _) => format!(
                "convoquer le conseil au plus tard le {} {}",
                fr_weekday(c),
                fr(c)
            ),
            (Decider::Council, None, Some(m)) => format!(
                "réunir le conseil au plus tard le {} {} (convocation : selon la population, à saisir)",
                fr_weekday(m),
                fr(m)
            ),
            _ => format!(
                "décision du maire exécutoire au plus tard le {} {}",
                fr_weekday(self.enforceable_by),
                fr(self.enforceable_by)
            ),
        };
        format!(
            "Pour quitter la convention au {} : {first}",
            fr(self.anniversary)
        )
    }

    /// What to say when a letter sent on `today` may arrive too late (after the send-by day,
    /// before the practical last day).
    pub fn late(&self, today: NaiveDate) -> Option<String> {
        (today > self.send_by && today <= self.practical_last_day).then(|| {
            format!(
                "La lettre devait partir au plus tard le {} {} : envoyée maintenant, elle risque d'arriver après le {} {} ; à défaut, la résiliation vaudra pour l'anniversaire suivant.",
                fr_weekday(self.send_by),
                fr(self.send_by),
                fr_weekday(self.practical_last_day),
                fr(self.practical_last_day)
            )
        })
    }

    /// Whether the recommended calendar's first date is already past on `today`: it is then
    /// said, so that « conseillé » is never read as still possible.
    pub fn recommended_past(&self, today: NaiveDate) -> bool {
        self.recommended_convocation_by
            .or(self.recommended_meeting_by)
            .unwrap_or(self.recommended_send_by)
            < today
    }

    /// What a meeting in August means, when it does: few councils meet then.
    pub fn august_warning(&self) -> Option<String> {
        let (july, convocation) = self.july?;
        let meeting = self.meeting_by?;
        Some(format!(
            "La séance tomberait en août (au plus tard le {} {}) : peu de conseils se réunissent alors. Dernière date de juillet qui convient : le {} {}{}.",
            fr_weekday(meeting),
            fr(meeting),
            fr_weekday(july),
            fr(july),
            convocation
                .map(|c| format!(", convocation au plus tard le {} {}", fr_weekday(c), fr(c)))
                .unwrap_or_default()
        ))
    }

    /// Who decides, one French sentence with its hypothèse.
    pub fn who_decides(&self) -> &'static str {
        match self.decider {
            Decider::Council => {
                "Décision : une délibération du conseil municipal (CGCT L2121-29), exécutoire avant que le maire signe la lettre ; l'autorisation de 2023 « à signer toute pièce » ne donne pas le pouvoir de résilier (hypothèse)."
            }
            Decider::Mayor => {
                "Décision : une décision du maire au titre de la délégation de l'article L2122-22 4° (exécution des marchés, crédits inscrits au budget), transmise et publiée, dont il rend compte au conseil (L2122-23) ; que le 4° couvre la fin de cette convention est une hypothèse."
            }
        }
    }

    /// The plan as an explanation: who decides, then each step with its rule.
    pub fn why(&self) -> Explanation {
        let mut why = Explanation::new(
            Rule::D7,
            format!("Calendrier d'une résiliation au {}", fr(self.anniversary)),
            Clause::Art8Notice,
        )
        .also(match self.decider {
            Decider::Council => Clause::CgctL2121_29,
            Decider::Mayor => Clause::CgctL2122_22,
        })
        .input("Anniversaire", fr(self.anniversary))
        .input(
            "Décision",
            match self.decider {
                Decider::Council => "délibération du conseil municipal",
                Decider::Mayor => "décision du maire (délégation L2122-22 4°)",
            },
        )
        .step(self.who_decides());
        for step in self.steps() {
            let day = r9_non_working(step.date)
                .map(|w| format!(" (c'est {})", w.describe()))
                .unwrap_or_default();
            why = why.step(format!("{}{day} — {}", step.sentence(), step.rule));
        }
        why = why.step(self.recommended());
        if self.decider == Decider::Council && self.jours_francs.is_none() {
            why = why.step(
                "Population de la commune inconnue : la date de convocation (3 ou 5 jours francs) n'est pas calculée.",
            );
        }
        if let Some(w) = self.august_warning() {
            why = why.step(w);
        }
        why.assume(assumptions::TERMINATION_DECIDER)
            .assume(assumptions::PLAN_DELIVERY)
            .assume(assumptions::PLAN_PUBLICATION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;
    use crate::r2_termination::r2_notice_deadline;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn the_tassin_plan_for_16_11_2025() {
        let notice = r2_notice_deadline(d("2023-11-16"), 2);
        let plan = d7_termination_plan(&notice, false, Some(22_000));
        assert_eq!(plan.practical_last_day, d("2025-08-14"));
        assert_eq!(plan.recommended_send_by, d("2025-07-30"));
        assert_eq!(plan.send_by, d("2025-08-11"));
        assert_eq!(plan.enforceable_by, d("2025-08-11"));
        assert_eq!(plan.meeting_by, Some(d("2025-08-08")));
        assert_eq!(plan.convocation_by, Some(d("2025-08-01")));
        // The chain that sends on the recommended day: meet by 29/07, convene by 23/07.
        assert_eq!(plan.recommended_meeting_by, Some(d("2025-07-29")));
        assert_eq!(plan.recommended_convocation_by, Some(d("2025-07-23")));
        assert_eq!(
            plan.recommended(),
            "Calendrier conseillé, qui laisse à la lettre les quinze jours d'une lettre non retirée (hypothèse) : convoquer le conseil au plus tard le mercredi 23/07/2025, le réunir au plus tard le mardi 29/07/2025, envoyer la lettre au plus tard le mercredi 30/07/2025."
        );
        assert_eq!(
            plan.headline(),
            "Pour quitter la convention au 16/11/2025 : convoquer le conseil au plus tard le vendredi 01/08/2025"
        );
        let august = plan.august_warning().unwrap();
        assert!(
            august.contains("au plus tard le vendredi 08/08/2025"),
            "{august}"
        );
        // 31/07/2025 is a Thursday; 5 jours francs: sent by 25/07 (a Friday).
        assert!(
            august.contains("le jeudi 31/07/2025, convocation au plus tard le vendredi 25/07/2025"),
            "{august}"
        );
        let steps: Vec<String> = plan.steps().iter().map(PlanStep::sentence).collect();
        assert_eq!(
            steps,
            [
                "Convoquer le conseil municipal : au plus tard le vendredi 01/08/2025",
                "Réunir le conseil et délibérer la résiliation : au plus tard le vendredi 08/08/2025",
                "Délibération exécutoire (transmise et publiée) : au plus tard le lundi 11/08/2025",
                "Envoyer la lettre recommandée avec accusé de réception : au plus tard le lundi 11/08/2025",
                "Réception par la Métropole : au plus tard le jeudi 14/08/2025",
            ]
        );
    }

    #[test]
    fn a_letter_sent_after_the_send_by_day_is_said_late() {
        let plan = d7_termination_plan(&r2_notice_deadline(d("2023-11-16"), 2), false, None);
        assert!(plan.late(d("2025-08-11")).is_none());
        assert!(
            plan.late(d("2025-08-12"))
                .unwrap()
                .contains("après le jeudi 14/08/2025")
        );
        assert!(plan.late(d("2025-08-15")).is_none());
    }

    #[test]
    fn with_a_delegation_the_plan_has_no_meeting() {
        let notice = r2_notice_deadline(d("2023-11-16"), 2);
        let plan = d7_termination_plan(&notice, true, Some(22_000));
        assert_eq!(plan.meeting_by, None);
        assert_eq!(plan.convocation_by, None);
        assert_eq!(plan.enforceable_by, d("2025-08-11"));
        assert!(plan.august_warning().is_none());
        assert!(
            plan.headline()
                .contains("décision du maire exécutoire au plus tard le lundi 11/08/2025")
        );
        assert!(plan.who_decides().contains("L2122-22 4°"));
    }

    #[test]
    fn without_the_population_no_convocation_date_and_a_small_commune_has_three_days() {
        let notice = r2_notice_deadline(d("2023-11-16"), 2);
        let unknown = d7_termination_plan(&notice, false, None);
        assert_eq!(unknown.convocation_by, None);
        assert_eq!(unknown.meeting_by, Some(d("2025-08-08")));
        // Under 3 500 inhabitants: 3 jours francs, sent by 08/08 − 4 = 04/08 (a Monday).
        let small = d7_termination_plan(&notice, false, Some(3_499));
        assert_eq!(small.convocation_by, Some(d("2025-08-04")));
    }

    #[test]
    fn working_days_are_counted_back_over_weekends_and_holidays() {
        // From Thursday 14/08/2025, three working days back: 13, 12, 11 (Monday).
        assert_eq!(working_days_before(d("2025-08-14"), 3), d("2025-08-11"));
        // From Monday 11/08, one back: Friday 08/08.
        assert_eq!(working_days_before(d("2025-08-11"), 1), d("2025-08-08"));
        // From Tuesday 02/01/2024 (1 January a holiday), one back: Friday 29/12/2023.
        assert_eq!(working_days_before(d("2024-01-02"), 1), d("2023-12-29"));
    }
}

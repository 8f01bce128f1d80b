//! Leaving the convention: the plan backwards from a chosen anniversary (D7), the letter for
//! it, and the what-if « si la lettre arrivait le …, la convention prendrait fin le … ».

use chrono::NaiveDate;

use chrono::Datelike;
use engine::dates::{fr, iso, parse_iso, previous_day};
use engine::r1_years::r1_anniversary_hypothesis;
use engine::r2_termination::NoticeDeadline;
use engine::r2_termination::r2_reception_error;
use engine::simulate::termination_what_if;
use engine::{Clause, Explanation};
use io::exports::termination_letter::letter_date;
use io::exports::worker::{DocumentFormat, ExportRequest};
use io::scenario::to_string_pretty;

use crate::live::Figures;

/// The section's clause (Art. 8, the notice).
pub const CLAUSE: Clause = Clause::Art8Notice;

/// The plan to leave at one anniversary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanView {
    /// Each year with an anniversary to come, reachable or not: its value (`2027`), its label
    /// (« 2027 (anniversaire du 15/01/2027) »), whether it is the one asked about.
    pub years: Vec<(String, String, bool)>,
    /// The answer for the year asked about: possible, and by when; or too late, by when the
    /// letter had to arrive, and the next possible exit.
    pub answer: String,
    /// The year asked about is too late.
    pub too_late: bool,
    /// What to do first, in one sentence.
    pub headline: String,
    /// When the letter would leave too late today.
    pub late: Option<String>,
    /// Each step: its sentence, its rule, its clause.
    pub steps: Vec<(String, String, Clause)>,
    /// The recommended days.
    pub recommended: String,
    /// When the council would meet in August.
    pub august: Option<String>,
    /// Who decides, and how.
    pub who_decides: &'static str,
    /// How the plan is computed.
    pub why: Explanation,
    /// The letter's note: « Lettre recommandée … pour l'anniversaire du 16/11/2027 … ».
    pub letter_hint: String,
    /// The anniversary aimed at, `YYYY-MM-DD`.
    pub anniversary: String,
    /// The letter's file name (.odt).
    pub letter_file: String,
}

impl PlanView {
    /// The answer for leaving in the year `asked` (the first year one can still leave in when
    /// `None`) on `today`, and the plan backwards from the anniversary one can leave at: that
    /// year's when still reachable, else the next reachable one; `None` when none is within the
    /// horizon.
    pub fn of(figures: &Figures, today: NaiveDate, asked: Option<i32>) -> Option<PlanView> {
        let sim = figures.sim();
        let reachable = |n: &&NoticeDeadline| n.practical_last_day >= today;
        let first = sim.notice_deadlines.iter().find(reachable)?;
        let to_come: Vec<&NoticeDeadline> = sim
            .notice_deadlines
            .iter()
            .filter(|n| n.anniversary > today)
            .collect();
        let year = asked
            .filter(|y| to_come.iter().any(|n| n.anniversary.year() == *y))
            .unwrap_or(first.anniversary.year());
        let wanted = to_come.iter().find(|n| n.anniversary.year() == year)?;
        let too_late = !reachable(wanted);
        let target = if too_late {
            sim.notice_deadlines
                .iter()
                .filter(reachable)
                .find(|n| n.anniversary > wanted.anniversary)?
        } else {
            wanted
        };
        let answer = if too_late && wanted.only_in_law(today) {
            format!(
                "Trop tard en pratique pour {year} : la lettre doit être reçue par la Métropole au plus tard {} (pour l'anniversaire du {}) ; reçue d'ici le {}, elle serait encore dans le délai, mais la Métropole ne reçoit sans doute pas de courrier ces jours-là (hypothèse) ; prochaine sortie sûre le {}.",
                wanted.reception_phrase(),
                fr(wanted.anniversary),
                fr(wanted.latest_reception),
                fr(target.anniversary)
            )
        } else if too_late {
            format!(
                "Trop tard pour {year} : la lettre devait être reçue par la Métropole au plus tard {} (pour l'anniversaire du {}) ; prochaine sortie possible le {}.",
                wanted.reception_phrase(),
                fr(wanted.anniversary),
                fr(target.anniversary)
            )
        } else {
            format!(
                "Possible en {year} : la dénonciation prend effet à la date anniversaire du {} (dernier jour de la convention et des accès : {}) si la lettre recommandée est reçue par la Métropole au plus tard {} (lecture prudente de l'article 8) ; les dates pour agir sont ci-dessous.",
                fr(target.anniversary),
                fr(previous_day(target.anniversary)),
                target.reception_phrase()
            )
        };
        let answer = match r1_anniversary_hypothesis(sim.notified, target.anniversary) {
            Some(h) => format!("{answer} {h}"),
            None => answer,
        };
        let target = target.anniversary;
        let plan = sim
            .termination_plans
            .iter()
            .find(|pl| pl.anniversary == target)?;
        let mut years: Vec<(String, String, bool)> = Vec::new();
        for n in &to_come {
            let y = n.anniversary.year();
            if !years.iter().any(|(v, _, _)| *v == y.to_string()) {
                years.push((
                    y.to_string(),
                    format!("{y} (anniversaire du {})", fr(n.anniversary)),
                    y == year,
                ));
            }
        }
        Some(PlanView {
            years,
            answer,
            too_late,
            headline: plan.headline(),
            late: plan
                .late(letter_date(figures.scenario(), today))
                .map(|l| format!("⚠ {l}")),
            steps: plan
                .steps()
                .iter()
                .map(|s| (s.sentence_on(today), s.rule.clone(), s.clause))
                .collect(),
            recommended: if plan.recommended_past(today) {
                format!(
                    "{} Ce calendrier conseillé est en partie passé : s'en tenir aux dates ci-dessus.",
                    plan.recommended()
                )
            } else {
                plan.recommended()
            },
            august: plan
                .august_warning()
                .filter(|_| plan.july.is_some_and(|(july, _)| july >= today))
                .map(|w| format!("⚠ {w}")),
            who_decides: plan.who_decides(),
            why: plan.why(),
            letter_hint: format!(
                "Lettre recommandée avec accusé de réception pour l'anniversaire du {}, datée d'aujourd'hui (ou du prochain jour ouvré), à signer par le Maire une fois la décision exécutoire.",
                fr(plan.anniversary)
            ),
            anniversary: iso(target),
            letter_file: format!(
                "{}-lettre-resiliation.odt",
                crate::share::file_stem_of(figures)
            ),
        })
    }
}

/// When no anniversary is reachable.
pub const NO_PLAN: &str =
    "Aucun anniversaire n'est encore atteignable dans l'horizon simulé : allonger l'horizon.";

/// The termination letter of `figures`, written on `today` for `anniversary` (`YYYY-MM-DD`),
/// as the export worker is asked for it.
pub fn letter_request(
    figures: &Figures,
    today: NaiveDate,
    anniversary: &str,
    format: DocumentFormat,
) -> ExportRequest {
    ExportRequest::TerminationLetter {
        format,
        scenario: to_string_pretty(figures.scenario()),
        today: iso(today),
        anniversary: Some(anniversary.to_string()),
    }
}

/// The what-if for a letter received on the day typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIfView {
    /// « dimanche 16/11/2025 »: when the convention would end.
    pub ends: String,
    /// « ; dernier jour d'accès le 15/11/2025. ».
    pub last_day: String,
    /// The last fee due and the total.
    pub fees: String,
    /// How the end is computed.
    pub why: Explanation,
}

/// The what-if of `figures` for `typed` (`YYYY-MM-DD`): its result, or why the day cannot be
/// taken; neither while nothing is typed.
pub fn what_if(figures: &Figures, typed: &str) -> (Option<WhatIfView>, Option<String>) {
    let notified = figures.scenario().convention.notified;
    match parse_iso(typed) {
        None if typed.is_empty() => (None, None),
        None => (None, Some(format!("« {typed} » n'est pas une date valide"))),
        Some(d) => match r2_reception_error(notified, d) {
            Some(message) => (None, Some(message)),
            None => {
                let w = termination_what_if(figures.scenario(), figures.sim(), d);
                (
                    Some(WhatIfView {
                        ends: fr(w.termination.value.ends),
                        last_day: format!(
                            " ; dernier jour d'accès le {}.",
                            fr(w.termination.value.last_day)
                        ),
                        fees: match w.last_year {
                            Some((n, fee)) => format!(
                                "Dernière redevance due : année de convention n° {n}, {fee}. Total dû jusqu'à la fin : {}.",
                                w.total
                            ),
                            None => "Aucune redevance due : aucune école n'a accès avant la fin."
                                .to_string(),
                        },
                        why: w.termination.why,
                    }),
                    None,
                )
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::live::Live;
    use io::samples;

    #[test]
    fn an_anniversary_from_a_29_february_is_said_as_an_hypothesis() {
        let json = samples::TASSIN_JSON
            .replace(
                "\"notified\": \"2023-11-16\"",
                "\"notified\": \"2024-02-29\"",
            )
            .replace(
                "\"horizon_until\": \"2027-12-31\"",
                "\"horizon_until\": \"2029-12-31\"",
            );
        assert!(json.contains("2024-02-29"));
        let draft = Draft::from_json(&json).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let plan = PlanView::of(&f, today, Some(2027)).unwrap();
        assert_eq!(plan.anniversary, "2027-02-28");
        assert!(
            plan.answer.contains("Hypothèse : la convention, notifiée le 29/02/2024, a son anniversaire le 28/02/2027"),
            "{}",
            plan.answer
        );
        let leap =
            PlanView::of(&f, NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(), Some(2028)).unwrap();
        assert_eq!(leap.anniversary, "2028-02-29");
        assert!(!leap.answer.contains("Hypothèse"), "{}", leap.answer);
    }

    #[test]
    fn tassin_s_plan_and_what_if() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let plan = PlanView::of(&f, today, None).unwrap();
        assert_eq!(plan.anniversary, "2025-11-16");
        assert!(!plan.too_late);
        assert_eq!(
            plan.years[0],
            (
                "2025".to_string(),
                "2025 (anniversaire du 16/11/2025)".to_string(),
                true
            )
        );
        assert!(
            plan.answer.starts_with("Possible en 2025 : la dénonciation prend effet à la date anniversaire du 16/11/2025 (dernier jour de la convention et des accès : 15/11/2025) si la lettre recommandée est reçue par la Métropole au plus tard le vendredi 15/08/2025 — un jour férié (Assomption) : en pratique le jeudi 14/08/2025, dernier jour ouvré —"),
            "{}",
            plan.answer
        );
        let later = PlanView::of(&f, today, Some(2026)).unwrap();
        assert_eq!(later.anniversary, "2026-11-16");
        // Asked in September 2025 about 2025: too late, said with the day that was needed and
        // the next exit, whose plan is shown.
        let september = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        let late = PlanView::of(&f, september, Some(2025)).unwrap();
        assert!(late.too_late);
        assert_eq!(
            late.answer,
            "Trop tard pour 2025 : la lettre devait être reçue par la Métropole au plus tard le vendredi 15/08/2025 — un jour férié (Assomption) : en pratique le jeudi 14/08/2025, dernier jour ouvré — (pour l'anniversaire du 16/11/2025) ; prochaine sortie possible le 16/11/2026."
        );
        // On the holiday itself: still in time in law, too late in practice; never a bare
        // « trop tard » on the deadline's own day.
        let holiday = NaiveDate::from_ymd_opt(2025, 8, 15).unwrap();
        let practice = PlanView::of(&f, holiday, Some(2025)).unwrap();
        assert!(practice.too_late);
        assert!(
            practice.answer.starts_with("Trop tard en pratique pour 2025 : la lettre doit être reçue par la Métropole au plus tard le vendredi 15/08/2025"),
            "{}",
            practice.answer
        );
        assert!(
            practice
                .answer
                .contains("prochaine sortie sûre le 16/11/2026")
        );
        assert_eq!(practice.anniversary, "2026-11-16");
        // The day before the holiday: still possible.
        let eve = NaiveDate::from_ymd_opt(2025, 8, 14).unwrap();
        let eve_plan = PlanView::of(&f, eve, Some(2025)).unwrap();
        assert!(!eve_plan.too_late);
        // Still possible, but the council's dates are past: each says so, never « conseillé »
        // as if it could still be followed, and no July date is offered in mid-August.
        assert!(
            eve_plan
                .steps
                .iter()
                .any(|(s, _, _)| s.ends_with("— date passée")),
            "{:?}",
            eve_plan.steps
        );
        assert!(eve_plan.recommended.ends_with(
            "Ce calendrier conseillé est en partie passé : s'en tenir aux dates ci-dessus."
        ));
        assert_eq!(eve_plan.august, None);
        // In June, nothing is past.
        assert!(
            plan.steps
                .iter()
                .all(|(s, _, _)| !s.contains("date passée"))
        );
        assert_eq!(late.anniversary, "2026-11-16");
        assert!(late.years.iter().any(|(v, _, on)| v == "2025" && *on));
        let (w, error) = what_if(&f, "2025-08-18");
        assert!(error.is_none());
        assert_eq!(w.unwrap().ends, "16/11/2026");
        assert!(
            what_if(&f, "2025-02-30")
                .1
                .unwrap()
                .contains("n'est pas une date valide")
        );
        assert_eq!(what_if(&f, ""), (None, None));
        assert_eq!(
            plan.letter_file,
            "laclasse-sim-tassin-la-demi-lune-lettre-resiliation.odt"
        );
        assert!(
            plan.recommended
                .contains("envoyer la lettre au plus tard le"),
            "{}",
            plan.recommended
        );
        assert!(
            plan.steps.iter().any(|(s, _, _)| s.contains("11/08/2025")),
            "{:?}",
            plan.steps
        );
        let ExportRequest::TerminationLetter {
            anniversary,
            today: written,
            ..
        } = letter_request(&f, today, &plan.anniversary, DocumentFormat::Odt)
        else {
            panic!("a termination letter");
        };
        assert_eq!(
            (anniversary.as_deref(), written.as_str()),
            (Some("2025-11-16"), "2025-06-01")
        );
    }
}

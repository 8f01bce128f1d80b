//! The termination letter (R2, Art. 8; D7): a registered letter with acknowledgement of
//! receipt to the Métropole, dated on a working day and ready for the Maire to sign, citing
//! the deliberation (or the mayor's décision) that decides, naming the anniversary of effect
//! (« à défaut, la suivante ») and what stops (access at the anniversary, the last fee due).

use chrono::NaiveDate;

use super::document::{Block, Document, Inline};
use engine::dates::{add_years, fr, fr_long};
use engine::r2_termination::NoticeDeadline;
use engine::r9_calendar::r9_next_working_day;
use engine::simulate::termination_what_if;
use engine::{Scenario, Simulation};

/// The Métropole's address, as the convention gives it (its seat).
pub const METROPOLE_ADDRESS: [&str; 4] = [
    "Monsieur le Président de la Métropole de Lyon",
    "Métropole de Lyon",
    "20 rue du Lac – CS 335469",
    "69505 Lyon cedex 03",
];

/// The anniversary a letter written on `today` can still reach (its practical last day of
/// reception, R2, is today or later), or the one asked for.
pub fn target_notice(
    sim: &Simulation,
    today: NaiveDate,
    anniversary: Option<NaiveDate>,
) -> Result<&NoticeDeadline, String> {
    match anniversary {
        Some(a) => sim
            .notice_deadlines
            .iter()
            .find(|n| n.anniversary == a)
            .ok_or_else(|| {
                format!(
                    "le {} n'est pas un anniversaire de la convention notifiée le {} dans l'horizon simulé",
                    fr(a),
                    fr(sim.notified)
                )
            }),
        None => sim.next_notice(today).ok_or_else(|| {
                "aucun anniversaire n'est encore atteignable dans l'horizon simulé : allonger l'horizon".to_string()
            }),
    }
}

/// The day a letter written on `today` is dated: a working day on or after `today`, and after
/// the act that decides — transmitted and published the working day after it at the earliest
/// (D7, hypothèse): the letter is never signed before the act is enforceable.
pub fn letter_date(scenario: &Scenario, today: NaiveDate) -> NaiveDate {
    let enforceable = scenario
        .termination_act
        .as_ref()
        .and_then(|a| a.date)
        .map(|a| r9_next_working_day(engine::dates::next_day(a)));
    r9_next_working_day(enforceable.map_or(today, |e| e.max(today)))
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// « la délibération du conseil municipal n° 2025-41 du jeudi 10 juillet 2025 », blanks
/// where the number or the date is unknown (D7).
fn authority(scenario: &Scenario) -> Vec<Inline> {
    let act = scenario.termination_act.clone().unwrap_or_default();
    let what = if scenario.termination_delegation {
        "la décision du maire prise par délégation du conseil municipal (CGCT L2122-22 4°) n° "
    } else {
        "la délibération du conseil municipal n° "
    };
    vec![
        t(what),
        act.number.map_or(Inline::Blank("numéro"), Inline::Text),
        t(" du "),
        act.date
            .map_or(Inline::Blank("date"), |d| Inline::Text(fr_long(d))),
    ]
}

/// The letter, written on `today` (dated on a working day), for the next reachable
/// anniversary or `anniversary`: the act that decides, the anniversary of effect and « à
/// défaut, la suivante », what stops; signed by the Maire in office. Nothing of the commune's
/// own reasoning on the notice.
pub fn document(
    scenario: &Scenario,
    sim: &Simulation,
    today: NaiveDate,
    anniversary: Option<NaiveDate>,
) -> Result<Document, String> {
    let dated = letter_date(scenario, today);
    let n = target_notice(sim, dated, anniversary)?;
    let commune = &*super::commune_name(scenario, &sim.commune);
    let what_if = termination_what_if(scenario, sim, n.latest_reception);
    let mut decided = vec![t(format!(
        "Par la présente, la commune de {commune} dénonce la convention de mise à disposition de l'Espace Numérique de Travail « laclasse.com » conclue avec la Métropole de Lyon et notifiée le {}, en application de ",
        fr_long(sim.notified)
    ))];
    decided.extend(authority(scenario));
    decided.push(t("."));
    let mut blocks = vec![
        Block::Para(vec![t(format!("Commune de {commune}"))]),
        Block::Para(vec![t(METROPOLE_ADDRESS.join(", "))]),
        Block::Para(vec![Inline::Strong(
            "Lettre recommandée avec accusé de réception".into(),
        )]),
        Block::Para(vec![t(format!("{commune}, le {}", fr_long(dated)))]),
        Block::Para(vec![
            Inline::Strong("Objet : ".into()),
            t("dénonciation de la convention de mise à disposition de l'ENT « laclasse.com »"),
        ]),
        Block::Para(vec![t("Monsieur le Président,")]),
        Block::Para(decided),
        Block::Para(vec![t(format!(
            "Conformément à l'article 8 de la convention, cette dénonciation prend effet à la date anniversaire du {}, moyennant le préavis de trois mois ; à défaut, à la date anniversaire suivante, le {}.",
            fr_long(n.anniversary),
            fr_long(add_years(sim.notified, n.number as i32 + 1))
        ))]),
    ];
    let last_fee = match what_if.last_year {
        Some((number, _)) => {
            let span = sim
                .years
                .iter()
                .find(|y| y.year.number == number)
                .map(|y| format!(" (du {} au {})", fr_long(y.year.start), fr_long(y.year.end)))
                .unwrap_or_default();
            format!(
                "la dernière redevance due sera celle de l'année de convention n° {number}{span}"
            )
        }
        None => "aucune redevance ne sera due".into(),
    };
    blocks.push(Block::Para(vec![t(format!(
        "En conséquence, la présente lettre étant reçue dans le délai, les accès des écoles de la commune à la plateforme seront supprimés le {} (article 8 : « à la date d'échéance du préavis ») et {last_fee}.",
        fr_long(n.anniversary),
    ))]));
    blocks.push(Block::Para(vec![t(
        "Nous vous remercions de nous confirmer la bonne réception de ce courrier et de nous indiquer les modalités de récupération des données des écoles avant la suppression des accès.",
    )]));
    blocks.push(Block::Para(vec![t(
        "Nous vous prions d'agréer, Monsieur le Président, l'expression de notre considération distinguée.",
    )]));
    let mayor = scenario.deliberation.executive();
    blocks.push(Block::Signatures(vec![(
        mayor.as_ref().map_or_else(
            || "……………".into(),
            |m| super::deliberation::display_name(&m.name),
        ),
        format!("Le Maire de {commune}"),
    )]));
    blocks.push(Block::Para(vec![t(
        "Copie par courriel : partenariat-laclass.com@grandlyon.com.",
    )]));
    Ok(Document {
        title: format!("Lettre de résiliation — laclasse.com — {commune}"),
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_str, samples};
    use engine::simulate;

    fn d(s: &str) -> NaiveDate {
        engine::dates::parse_iso(s).unwrap()
    }

    #[test]
    fn the_letter_cites_the_act_names_the_anniversary_and_what_stops() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = simulate(&s);
        // Written on Sunday 01/06/2025: dated Monday 02/06; the next reachable anniversary is
        // 16/11/2025 (practical last day Thursday 14/08/2025).
        let text = document(&s, &sim, d("2025-06-01"), None).unwrap().to_text();
        for part in [
            "Lettre recommandée avec accusé de réception",
            "Tassin-la-Demi-Lune, le lundi 2 juin 2025",
            "notifiée le jeudi 16 novembre 2023, en application de la délibération du conseil municipal n° …………… (numéro) du …………… (date).",
            "cette dénonciation prend effet à la date anniversaire du dimanche 16 novembre 2025, moyennant le préavis de trois mois ; à défaut, à la date anniversaire suivante, le lundi 16 novembre 2026.",
            "les accès des écoles de la commune à la plateforme seront supprimés le dimanche 16 novembre 2025",
            "la dernière redevance due sera celle de l'année de convention n° 2 (du samedi 16 novembre 2024 au samedi 15 novembre 2025)",
            "Le Maire de Tassin-la-Demi-Lune",
        ] {
            assert!(text.contains(part), "« {part} » missing:\n{text}");
        }
        // Nothing of the commune's own reading of the notice.
        for absent in ["au plus tard le", "faisant foi", "admettrait", "prudente"] {
            assert!(!text.contains(absent), "« {absent} » in:\n{text}");
        }
        // Past the practical last day, the letter aims at the year after.
        let later = document(&s, &sim, d("2025-08-15"), None).unwrap().to_text();
        assert!(later.contains("anniversaire du lundi 16 novembre 2026"));
        // An anniversary asked for that is none is refused in French.
        assert!(document(&s, &sim, d("2025-06-01"), Some(d("2025-11-17"))).is_err());
    }

    #[test]
    fn a_mayors_decision_under_delegation_is_cited_and_the_mayor_signs() {
        let s = parse_str(
            r#"{"commune":{"name":"Bron"},"convention":{"notified":"2024-02-29"},"horizon_until":"2030-12-31",
                "termination_delegation":true,"termination_deliberation":{"number":"D-2027-12","date":"2027-06-10"},
                "deliberation":{"mayor":{"name":"DUPONT Jeanne","title":"Madame la Maire"},
                  "meeting":{"chair":"MARTIN Paul","chair_title":"Maire-adjoint"}}}"#,
        )
        .unwrap();
        let sim = simulate(&s);
        let text = document(&s, &sim, d("2027-06-14"), None).unwrap().to_text();
        assert!(text.contains("en application de la décision du maire prise par délégation du conseil municipal (CGCT L2122-22 4°) n° D-2027-12 du jeudi 10 juin 2027."), "{text}");
        assert!(text.contains("Jeanne DUPONT\nLe Maire de Bron"), "{text}");
        assert!(!text.contains("Paul MARTIN"));
    }
}

//! The termination letter (R2, Art. 8): a registered letter with acknowledgement of receipt
//! to the Métropole, dated and ready to sign, naming the anniversary it aims at, the latest
//! reception date and the practical last working day, the second reading of the notice where
//! it differs, and what stops (access at the anniversary, the last fee due).

use chrono::NaiveDate;

use super::document::{Block, Document, Inline};
use crate::engine::dates::{add_years, fr, fr_long};
use crate::engine::r2_termination::NoticeDeadline;
use crate::engine::simulate::termination_what_if;
use crate::engine::{Scenario, Simulation};

/// The Métropole's address, as the convention gives it (its seat).
pub const METROPOLE_ADDRESS: [&str; 4] = [
    "Monsieur le Président de la Métropole de Lyon",
    "Métropole de Lyon",
    "20 rue du Lac – CS 335469",
    "69505 Lyon cedex 03",
];

/// The anniversary a letter written on `today` can still reach (its latest reception is today
/// or later), or the one asked for.
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
        None => sim
            .notice_deadlines
            .iter()
            .find(|n| n.latest_reception >= today)
            .ok_or_else(|| {
                "aucun anniversaire n'est encore atteignable dans l'horizon simulé : allonger l'horizon".to_string()
            }),
    }
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// The letter, written on `today`, for the next reachable anniversary or `anniversary`.
pub fn document(
    scenario: &Scenario,
    sim: &Simulation,
    today: NaiveDate,
    anniversary: Option<NaiveDate>,
) -> Result<Document, String> {
    let n = target_notice(sim, today, anniversary)?;
    let commune = scenario.commune.name.as_str();
    let what_if = termination_what_if(scenario, sim, n.latest_reception);
    let mut deadline = vec![
        t(format!(
            "La commune dénonce la convention avec effet au {}, date anniversaire, moyennant le préavis de trois mois prévu à l'article 8 : la présente lettre doit être reçue par la Métropole au plus tard le ",
            fr_long(n.anniversary)
        )),
        Inline::Strong(fr_long(n.latest_reception)),
        t(", la date de réception faisant foi"),
    ];
    deadline.push(t(match n.non_working {
        Some(reason) => format!(
            " ; ce jour étant {}, elle est adressée pour être reçue au plus tard le {}.",
            reason.describe(),
            fr_long(n.practical_last_day)
        ),
        None => ".".to_string(),
    }));
    deadline.push(t(format!(
        " À défaut, la dénonciation vaudra pour la date anniversaire suivante, le {}.",
        fr_long(add_years(sim.notified, n.number as i32 + 1))
    )));
    let mut blocks = vec![
        Block::Para(vec![t(format!("Commune de {commune}"))]),
        Block::Para(vec![t(METROPOLE_ADDRESS.join(", "))]),
        Block::Para(vec![Inline::Strong(
            "Lettre recommandée avec accusé de réception".into(),
        )]),
        Block::Para(vec![t(format!("{commune}, le {}", fr_long(today)))]),
        Block::Para(vec![
            Inline::Strong("Objet : ".into()),
            t("dénonciation de la convention de mise à disposition de l'ENT « laclasse.com »"),
        ]),
        Block::Para(vec![t("Monsieur le Président,")]),
        Block::Para(vec![
            t(format!(
                "Par la présente, la commune de {commune} dénonce la convention de mise à disposition de l'Espace Numérique de Travail « laclasse.com » conclue avec la Métropole de Lyon et notifiée le {}. Le Maire agit en vertu de ",
                fr_long(sim.notified)
            )),
            Inline::Blank("délibération du conseil municipal ou délégation (CGCT L2122-22)"),
            t("."),
        ]),
        Block::Para(deadline),
    ];
    if n.readings_differ() {
        blocks.push(Block::Para(vec![t(format!(
            "Le préavis compté depuis la réception admettrait une lettre reçue jusqu'au {} ; la commune retient la date la plus prudente, le {}.",
            fr_long(n.forward_latest_reception),
            fr_long(n.latest_reception)
        ))]));
    }
    let last_fee = match what_if.last_year {
        Some((number, _)) => {
            let span = sim
                .years
                .iter()
                .find(|y| y.year.number == number)
                .map(|y| format!(" (du {} au {})", fr_long(y.year.start), fr_long(y.year.end)))
                .unwrap_or_default();
            format!(
                "la dernière redevance due est celle de l'année de convention n° {number}{span}, aucune redevance n'étant due pour les années qui suivent"
            )
        }
        None => "aucune redevance n'est due".into(),
    };
    blocks.push(Block::Para(vec![t(format!(
        "En conséquence, les accès des écoles de la commune à la plateforme seront supprimés le {} (article 8 : « à la date d'échéance du préavis ») ; {last_fee}.",
        fr_long(n.anniversary),
    ))]));
    blocks.push(Block::Para(vec![t(
        "Nous vous remercions de nous confirmer la bonne réception de ce courrier et de nous indiquer les modalités de récupération des données des écoles avant la suppression des accès.",
    )]));
    blocks.push(Block::Para(vec![t(
        "Nous vous prions d'agréer, Monsieur le Président, l'expression de notre considération distinguée.",
    )]));
    let chair = &scenario.deliberation.meeting;
    blocks.push(Block::Signatures(vec![(
        chair
            .chair
            .as_deref()
            .map_or_else(|| "……………".into(), super::deliberation::display_name),
        format!("Maire de {commune}"),
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
    use crate::engine::simulate;
    use crate::io::{parse_str, samples};

    fn d(s: &str) -> NaiveDate {
        crate::engine::dates::parse_iso(s).unwrap()
    }

    #[test]
    fn the_letter_names_the_anniversary_the_deadline_and_what_stops() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = simulate(&s);
        // Written on 01/06/2025: the next reachable anniversary is 16/11/2025, latest
        // reception Saturday 16/08/2025, practical Thursday 14/08 (15/08 is a holiday).
        let text = document(&s, &sim, d("2025-06-01"), None).unwrap().to_text();
        for part in [
            "Lettre recommandée avec accusé de réception",
            "Tassin-la-Demi-Lune, le dimanche 1er juin 2025",
            "notifiée le jeudi 16 novembre 2023. Le Maire agit en vertu de …………… (délibération du conseil municipal ou délégation (CGCT L2122-22))",
            "La commune dénonce la convention avec effet au dimanche 16 novembre 2025, date anniversaire",
            "reçue par la Métropole au plus tard le samedi 16 août 2025, la date de réception faisant foi ; ce jour étant un samedi, elle est adressée pour être reçue au plus tard le jeudi 14 août 2025.",
            "À défaut, la dénonciation vaudra pour la date anniversaire suivante, le lundi 16 novembre 2026.",
            "les accès des écoles de la commune à la plateforme seront supprimés le dimanche 16 novembre 2025",
            "la dernière redevance due est celle de l'année de convention n° 2 (du samedi 16 novembre 2024 au samedi 15 novembre 2025)",
        ] {
            assert!(text.contains(part), "« {part} » missing:\n{text}");
        }
        // Past that day, the letter aims at the year after.
        let later = document(&s, &sim, d("2025-08-17"), None).unwrap().to_text();
        assert!(later.contains("avec effet au lundi 16 novembre 2026"));
        // An anniversary asked for that is none is refused in French.
        assert!(document(&s, &sim, d("2025-06-01"), Some(d("2025-11-17"))).is_err());
    }

    #[test]
    fn at_a_month_end_the_second_reading_is_named() {
        let s = parse_str(
            r#"{"commune":{"name":"Bron"},"convention":{"notified":"2024-02-29"},"horizon_until":"2030-12-31"}"#,
        )
        .unwrap();
        let sim = simulate(&s);
        let text = document(&s, &sim, d("2027-06-01"), None).unwrap().to_text();
        assert!(
            text.contains("au plus tard le lundi 29 novembre 2027"),
            "{text}"
        );
        assert!(text.contains("admettrait une lettre reçue jusqu'au mardi 30 novembre 2027"));
    }
}

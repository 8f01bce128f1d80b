//! The draft approving an avenant of the fee (R3, D6): in the council's form (the
//! deliberation's masthead, meeting, object, visas, considérants, the proposal, vote,
//! « Certifié exécutoire », signatures, appeal mention) or, when the council delegated
//! L2122-22 4° to the mayor (D7's `termination_delegation`), the mayor's décision. The meeting
//! that will vote the avenant is not the one the scenario describes (that approved the
//! convention): its date, members and vote are blanks, and the decision is the proposal, to be
//! adopted or rejected. An annex gives what the avenant does to each convention year.

use chrono::Datelike;

use super::deliberation::{
    REGISTER_DRAFT, appeal_mention, b, em, executive_name, executive_ref, masthead, meeting_blocks,
    t,
};
use super::document::{Block, Document, Inline};
use engine::compare::Gap;
use engine::convention::DEFAULT_ANNUAL_FEE;
use engine::d1_d4_meeting::MeetingCheck;
use engine::d5_legality::Publicity;
use engine::dates::{fr, fr_long};
use engine::scenario::Meeting;
use engine::simulate::FeeChangeEffect;
use engine::{Scenario, Simulation};

/// The avenant to draft: its number (from 1, by date), else the last one; the message when
/// there is none.
pub fn chosen<'a>(
    sim: &'a Simulation,
    number: Option<usize>,
) -> Result<FeeChangeEffect<'a>, String> {
    let effects = sim.fee_change_effects();
    if effects.is_empty() {
        let field = crate::schema::Field::FeeChanges;
        return Err(format!(
            "aucun changement de redevance saisi : en ajouter un dans « {} » ({})",
            field.label(),
            field.path()
        ));
    }
    let n = effects.len();
    match number {
        None => Ok(effects[n - 1]),
        Some(k) if (1..=n).contains(&k) => Ok(effects[k - 1]),
        Some(k) => Err(format!(
            "avenant n° {k} inconnu : le scénario en compte {n} (numérotés de 1 à {n} par date)"
        )),
    }
}

/// The object of the act, one line: the avenant by what it does (its number is the parties').
pub fn object(change: &engine::scenario::FeeChange) -> String {
    format!(
        "Avenant à la convention avec la Métropole de Lyon pour la mise à disposition de l'Espace Numérique de Travail laclasse.com : redevance de l'article 6 portée à {} à compter du {}",
        change.annual_fee,
        fr(change.from)
    )
}

/// The draft approving avenant `number` (else the last), as a document; or why there is none.
pub fn document(
    scenario: &Scenario,
    sim: &Simulation,
    number: Option<usize>,
) -> Result<Document, String> {
    let effect = chosen(sim, number)?;
    let commune = &*super::commune_name(scenario, &sim.commune);
    let d = &scenario.deliberation;
    let mayor = d.executive();
    let executive = executive_ref(mayor.as_ref());
    let k = effect.number;
    let change = effect.change;
    // Art. 6 as it stands: per school (a reading of it per group belongs to the exposé).
    let per = "par an et par école utilisatrice";
    let convention = "la convention de partenariat entre la Ville et la Métropole de Lyon pour la souscription d'un abonnement à l'Espace Numérique de Travail ";
    // The exercice that first bears the new amount, what the simulation puts in it and how
    // much of that the avenant adds.
    let exercice = effect
        .first_title
        .map_or(change.from.year(), |(date, _)| date.year());
    let previous = if k > 1 {
        sim.fee_changes[k - 2].annual_fee
    } else {
        sim.annual_fee
    };
    let (units_word, units_words) = match sim.billing_unit {
        engine::BillingUnit::School => ("école", "écoles"),
        engine::BillingUnit::SchoolGroup => ("unité", "unités"),
    };
    let amount = match sim.budget().iter().find(|y| y.year == exercice) {
        Some(y) => {
            let units: u64 = y.titles.iter().map(|t| t.units as u64).sum();
            let under: u64 = y
                .titles
                .iter()
                .filter(|t| t.unit_fee.avenant.is_some_and(|a| a.number == k))
                .map(|t| t.units as u64)
                .sum();
            let gap = Gap::between(previous.times(under), change.annual_fee.times(under));
            format!(
                "Estimation indicative de laclasse-sim, selon la liste d'écoles saisie : {} pour l'exercice {exercice}, {units} {}, dont {gap} dus à l'avenant.",
                y.fee,
                if units > 1 { units_words } else { units_word },
            )
        }
        None => String::new(),
    };
    // What is known at the vote: the amount per school and the exercice; the estimate of the
    // exercice's total goes to the working note, never into the act.
    let credits = format!(
        "que les crédits seront inscrits chaque année au budget de la Ville pour un montant de {} {per}, à compter de l'exercice {exercice} ;",
        change.annual_fee
    );
    // The avenant's own number is the parties': a blank, never the tool's order.
    let approve = vec![
        t("l'avenant n° "),
        Inline::Blank("numéro de l'avenant"),
        t(format!(" à {convention}")),
        em("laclasse.com"),
        t(format!(
            ", modifiant le montant de la redevance prévu à l'article 6, porté à {} {per} à compter de sa signature, et au plus tôt le {} ;",
            change.annual_fee,
            fr_long(change.from)
        )),
    ];
    let approved_by = match (&d.number, scenario.deliberation.meeting.date) {
        (Some(n), Some(date)) => t(format!("n° {n} du {}", fr_long(date))),
        _ => Inline::Blank("numéro et date de la délibération approuvant la convention"),
    };
    let mut visas = vec![Block::Para(vec![
        t("Vu la délibération "),
        approved_by,
        t(" approuvant "),
        t(convention),
        em("laclasse.com"),
        t(format!(
            ", convention notifiée le {} ;",
            fr_long(sim.notified)
        )),
    ])];
    // The avenants already in force before this one.
    for (i, earlier) in sim.fee_changes.iter().take(k - 1).enumerate() {
        visas.push(Block::Para(vec![t(format!(
            "Vu l'avenant portant la redevance à {} à compter du {}{} ;",
            earlier.annual_fee,
            fr_long(earlier.from),
            if earlier.source.is_empty() {
                format!(" (changement {} de la simulation)", i + 1)
            } else {
                format!(" ({})", earlier.source)
            }
        ))]));
    }
    visas.push(Block::Para(vec![t(if change.source.is_empty() {
        "Vu le projet d'avenant annexé ;".to_string()
    } else {
        format!("Vu le projet d'avenant annexé ({}) ;", change.source)
    })]));
    let in_force = if k > 1 || previous != DEFAULT_ANNUAL_FEE {
        format!(", le montant en vigueur étant de {previous} {per}")
    } else {
        String::new()
    };
    let recitals = vec![
        Block::Para(vec![t(format!(
            "Considérant que l'article 6 de la convention fixe une redevance forfaitaire de {DEFAULT_ANNUAL_FEE} {per}{in_force} ;"
        ))]),
        Block::Para(vec![t(format!(
            "Considérant que la Métropole de Lyon propose de la porter à {} {per} à compter du {} ;",
            change.annual_fee,
            fr_long(change.from)
        ))]),
        // How the avenant applies to the year under way is the avenant's to say.
        Block::Para(vec![
            t(
                "Considérant que l'avenant précise, le cas échéant, son application à l'année de convention en cours : ",
            ),
            Inline::Blank("clause de l'avenant à reprendre"),
            t(" ;"),
        ]),
    ];
    let publicity = Publicity::of(d.meeting.population);
    let certified = |act: &str| {
        let (lead, mode) = publicity.certified(commune);
        let mut line = vec![t(lead)];
        if let Some(mode) = mode {
            line.extend([Inline::Blank(mode), t(" le : ")]);
        }
        line.push(Inline::Blank("date de publication"));
        Block::Keep(vec![
            Block::Para(vec![t(format!("{act} exécutoire par :"))]),
            Block::Bullets(vec![
                vec![
                    t("Transmission en préfecture du Rhône le : "),
                    Inline::Blank("date de transmission"),
                ],
                line,
            ]),
        ])
    };
    let mut blocks;
    if scenario.termination_delegation {
        // The mayor decides, under the council's delegation of L2122-22 4°.
        blocks = vec![
            masthead(
                commune,
                Some("Décision du Maire — projet, sans valeur d'acte avant sa signature"),
            ),
            Block::Para(vec![
                t("Décision n° "),
                Inline::Blank("numéro de la décision"),
            ]),
            Block::Title(format!("Décision du Maire de {commune}")),
            Block::Para(vec![b("Objet : "), t(object(change))]),
            Block::Para(vec![t(format!("Le Maire de {commune},"))]),
            Block::Para(vec![t(
                "Vu le code général des collectivités territoriales, et notamment ses articles L2122-22 4° et L2122-23 ;",
            )]),
            Block::Para(vec![
                t("Vu la délibération du conseil municipal "),
                Inline::Blank("numéro et date"),
                t(
                    " donnant délégation au Maire en application de l'article L2122-22 4° du code général des collectivités territoriales ;",
                ),
            ]),
        ];
        blocks.extend(visas);
        // The 4° delegation holds « lorsque les crédits sont inscrits au budget »: a fact to
        // state from the budget, never assumed.
        blocks.push(Block::Para(vec![
            t("Vu les crédits inscrits au budget : "),
            Inline::Blank("exercice, chapitre et article, montant disponible"),
            t(" ;"),
        ]));
        blocks.extend(recitals);
        blocks.push(Block::Para(vec![b("DÉCIDE :")]));
        blocks.push(Block::Numbered(vec![
            std::iter::once(t("d'approuver ")).chain(approve).collect(),
            vec![t("de signer l'avenant et toute pièce relative à cette affaire ;")],
            vec![t(format!(
                "de dire que la dépense correspondante sera imputée sur les crédits inscrits au budget, à compter de l'exercice {exercice} ;"
            ))],
            vec![t("qu'il sera rendu compte de la présente décision au conseil municipal lors de sa plus proche réunion (article L2122-23 du code général des collectivités territoriales).")],
        ]));
        blocks.extend([
            Block::Para(vec![
                t(format!("Fait à {commune}, le ")),
                Inline::Blank("date de la décision"),
            ]),
            certified("Décision rendue"),
            Block::Signatures(vec![(
                executive_name(mayor.as_ref()),
                format!("Le Maire de {commune}"),
            )]),
            Block::Para(vec![t(appeal_mention("décision"))]),
        ]);
    } else {
        // The council decides, at a meeting the scenario does not describe: every fact of it
        // is a blank, and the decision is the proposal (D6, an outcome not known).
        blocks = vec![
            masthead(commune, Some(REGISTER_DRAFT)),
            Block::Para(vec![t("N° "), Inline::Blank("numéro de la délibération")]),
            Block::Title(format!("Délibération du conseil municipal de {commune}")),
            Block::Para(vec![t("Séance du "), Inline::Blank("date de la séance")]),
        ];
        let meeting = Meeting {
            population: d.meeting.population,
            in_office: d.meeting.in_office,
            ..Meeting::default()
        };
        blocks.extend(meeting_blocks(
            commune,
            &meeting,
            &MeetingCheck::default(),
            false,
            mayor.as_ref(),
        ));
        blocks.extend([
            Block::Para(vec![b("Objet : "), t(object(change))]),
            Block::Para(vec![b("Rapporteur : "), Inline::Blank("nom du rapporteur")]),
            Block::Para(vec![b("Exposé : "), Inline::Blank("exposé du rapporteur")]),
            Block::Para(vec![t(
                "Vu le code général des collectivités territoriales, et notamment son article L2121-29 ;",
            )]),
        ]);
        blocks.extend(visas);
        blocks.extend(recitals);
        blocks.push(Block::Para(vec![t("Compte tenu des observations ;")]));
        blocks.push(Block::Para(vec![
            b("Le Conseil Municipal, après en avoir délibéré : "),
            Inline::Blank("ADOPTE ou REJETTE, selon le vote"),
            t(" la proposition suivante :"),
        ]));
        blocks.push(Block::Numbered(vec![
            std::iter::once(t("approuver ")).chain(approve).collect(),
            vec![t(format!("dire {credits}"))],
            vec![t(format!(
                "autoriser {executive} à signer l'avenant et toute pièce relative à cette affaire ;"
            ))],
            vec![t(format!(
                "charger {executive} de l'exécution de la présente délibération."
            ))],
        ]));
        blocks.extend([
            Block::Para(vec![
                t("Vote : "),
                Inline::Blank("voix pour, voix contre, abstentions"),
            ]),
            Block::Para(vec![
                t("Fait et délibéré en séance le : "),
                Inline::Blank("date de la séance"),
            ]),
            certified("Certifié"),
            Block::Signatures(vec![
                (
                    executive_name(mayor.as_ref()),
                    format!("Le Maire de {commune}"),
                ),
                ("……………".into(), "Secrétaire de séance".into()),
            ]),
            Block::Para(vec![t(appeal_mention("délibération"))]),
        ]);
    }
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading("Annexe : projet d'avenant".into()));
    blocks.push(Block::Para(vec![Inline::Blank(
        "texte du projet d'avenant, à joindre",
    )]));
    // What the avenant does to the fees, year by year, as the simulation estimates them: a
    // working note beside the act, not part of it.
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(
        "Note de travail, hors de l'acte : estimation des redevances par année de convention (laclasse-sim)"
            .into(),
    ));
    blocks.push(Block::Para(vec![t(format!(
        "{amount} {} {} Une date d'effet antérieure à la signature de l'avenant est à revoir.",
        engine::explain::assumptions::FEE_AT_TITLE_DATE,
        engine::explain::assumptions::AVENANT_BINDS
    ))]));
    blocks.push(Block::Table {
        head: vec![
            "Année".into(),
            "Du".into(),
            "Au".into(),
            "Unités".into(),
            "Redevance par unité".into(),
            "Montant".into(),
        ],
        rows: sim
            .years
            .iter()
            .map(|y| {
                let bill = y.billing(sim.billing_unit);
                vec![
                    y.year.number.to_string(),
                    fr(y.year.start),
                    fr(y.year.end),
                    bill.billed_units.to_string(),
                    bill.amounts_described(),
                    bill.fee.to_string(),
                ]
            })
            .collect(),
        numeric: vec![false, false, false, true, false, true],
    });
    blocks.push(Block::Para(vec![t(effect.describe())]));
    Ok(Document {
        title: format!(
            "Projet d'avenant ({} à compter du {}) — laclasse.com — {commune}",
            change.annual_fee,
            fr(change.from)
        ),
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse_str, samples};
    use engine::money::Money;
    use engine::scenario::FeeChange;

    fn raised(delegation: bool) -> (Scenario, Simulation) {
        let mut s = parse_str(samples::TASSIN_JSON).unwrap();
        s.convention.fee_changes = vec![FeeChange {
            from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            annual_fee: Money::from_euros(165),
            source: "avenant n° 1".into(),
        }];
        s.termination_delegation = delegation;
        let sim = engine::simulate(&s);
        (s, sim)
    }

    #[test]
    fn the_council_s_draft_approves_the_avenant_with_its_amount_date_and_credits() {
        let (s, sim) = raised(false);
        let text = document(&s, &sim, None).unwrap().to_text();
        for part in [
            "Objet : Avenant à la convention avec la Métropole de Lyon pour la mise à disposition de l'Espace Numérique de Travail laclasse.com : redevance de l'article 6 portée à 165,00 € à compter du 01/01/2025",
            "Vu le projet d'avenant annexé (avenant n° 1) ;",
            "Considérant que l'article 6 de la convention fixe une redevance forfaitaire de 150,00 € par an et par école utilisatrice ;",
            "Considérant que l'avenant précise, le cas échéant, son application à l'année de convention en cours : …………… (clause de l'avenant à reprendre) ;",
            "approuver l'avenant n° …………… (numéro de l'avenant) à la convention de partenariat",
            "modifiant le montant de la redevance prévu à l'article 6, porté à 165,00 € par an et par école utilisatrice à compter de sa signature, et au plus tôt le mercredi 1er janvier 2025 ;",
            "dire que les crédits seront inscrits chaque année au budget de la Ville pour un montant de 165,00 € par an et par école utilisatrice, à compter de l'exercice 2025 ;",
            "Estimation indicative de laclasse-sim, selon la liste d'écoles saisie : 495,00 € pour l'exercice 2025, 3 écoles, dont +45,00 € dus à l'avenant.",
            "ADOPTE ou REJETTE, selon le vote",
            "La présente délibération peut faire l'objet d'un recours",
        ] {
            assert!(text.contains(part), "{part} not in:\n{text}");
        }
        // The 2023 meeting is not the avenant's: none of its facts is written.
        assert!(!text.contains("9 novembre 2023 à"), "{text}");
        assert!(!text.contains("APPROUVE l"), "{text}");
        assert!(text.contains("600,00 €") && text.contains("495,00 €"));
        assert!(text.contains("Note de travail, hors de l'acte"));
        // The quorum of a meeting not yet held is recorded there, never presumed.
        assert!(text.contains(
            "Quorum : …………… (majorité des membres en exercice présents, à constater en séance)"
        ));
        assert!(!text.contains("Formant la majorité"));
        assert!(!text.contains("sauf stipulation contraire de l'avenant ;"));
    }

    #[test]
    fn under_a_4_delegation_the_mayor_decides() {
        let (s, sim) = raised(true);
        let text = document(&s, &sim, Some(1)).unwrap().to_text();
        assert!(
            text.contains("DÉCISION DU MAIRE DE TASSIN-LA-DEMI-LUNE"),
            "{text}"
        );
        assert!(text.contains(
            "imputée sur les crédits inscrits au budget, à compter de l'exercice 2025 ;"
        ));
        assert!(text.contains("Vu les crédits inscrits au budget : …………… (exercice, chapitre et article, montant disponible) ;"));
        assert!(!text.contains("Considérant que les crédits nécessaires sont inscrits"));
        assert!(text.contains("L2122-22 4° et L2122-23"));
        assert!(text.contains("DÉCIDE :"));
        assert!(text.contains("d'approuver l'avenant n° …………… (numéro de l'avenant)"));
        assert!(text.contains("rendu compte de la présente décision au conseil municipal"));
        assert!(!text.contains("Le Conseil Municipal, après en avoir délibéré"));
    }

    #[test]
    fn without_a_change_or_with_an_unknown_number_it_says_why() {
        let s = parse_str(samples::TASSIN_JSON).unwrap();
        let sim = engine::simulate(&s);
        assert!(
            document(&s, &sim, None)
                .unwrap_err()
                .starts_with("aucun changement de redevance")
        );
        let (s, sim) = raised(false);
        assert_eq!(
            document(&s, &sim, Some(2)).unwrap_err(),
            "avenant n° 2 inconnu : le scénario en compte 1 (numérotés de 1 à 1 par date)"
        );
    }

    #[test]
    fn a_second_avenant_cites_the_first_and_the_amount_in_force() {
        let (mut s, _) = raised(false);
        s.convention.fee_changes.push(FeeChange {
            from: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            annual_fee: Money::from_euros(180),
            source: String::new(),
        });
        let sim = engine::simulate(&s);
        let text = document(&s, &sim, None).unwrap().to_text();
        for part in [
            "Vu l'avenant portant la redevance à 165,00 € à compter du mercredi 1er janvier 2025 (avenant n° 1) ;",
            "Vu le projet d'avenant annexé ;",
            "fixe une redevance forfaitaire de 150,00 € par an et par école utilisatrice, le montant en vigueur étant de 165,00 € par an et par école utilisatrice ;",
            "porté à 180,00 € par an et par école utilisatrice à compter de sa signature, et au plus tôt le vendredi 1er janvier 2027 ;",
            "540,00 € pour l'exercice 2027, 3 écoles, dont +45,00 € dus à l'avenant",
        ] {
            assert!(text.contains(part), "{part} not in:\n{text}");
        }
    }
}

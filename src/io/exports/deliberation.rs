//! The draft of the council's deliberation (D6), in the order and wording habits of
//! deliberation n° 2023-64: number and title, the meeting (D1) with its quorum, the object,
//! the visas, the considérants, « Compte-tenu des observations », « Le Conseil Municipal, après
//! en avoir délibéré : », the four articles, the vote, « Fait et délibéré », « Certifié
//! exécutoire par » (D5), the signatures and the appeal mention (R9); then the convention's
//! text, its Annexe 1 (the schools on the list at the meeting) and Annexe 2 (the shares of the
//! budgeted amount). What is unknown at the vote is a blank to fill, never a date.

use super::document::{Block, Document, Inline};
use crate::engine::convention::DEFAULT_ANNUAL_FEE;
use crate::engine::d1_d4_meeting::MeetingCheck;
use crate::engine::dates::{fr, fr_long};
use crate::engine::money::Money;
use crate::engine::r3_r4_r7_fees::r4_units;
use crate::engine::r8_shares::r8_cost_shares;
use crate::engine::scenario::{Meeting, School};
use crate::engine::text::plural;
use crate::engine::{BillingUnit, Scenario, Simulation};

/// The page's style, allowed by its hash in `index.html`'s Content-Security-Policy.
pub use super::document::DOCUMENT_STYLE as DRAFT_STYLE;

/// The convention's text, from the source document (`docs/source/`), without its signatures.
const CONVENTION_TEXT: &str = include_str!("../../../data/convention-laclasse.txt");

/// The hypothesis on which schools the budget line counts.
pub const LIST_AT_MEETING: &str = "Note de préparation, à retirer de l'acte — hypothèse : la liste prévisionnelle est celle des écoles éligibles que la commune prévoit de transmettre « à la signature de la convention » (Annexe 1) : demandes reçues au plus tard à la notification ou à la séance, et non radiées ; le montant est revu chaque année selon la liste.";

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn b(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

fn em(s: impl Into<String>) -> Inline {
    Inline::Em(s.into())
}

fn or_blank(value: Option<String>, what: &'static str) -> Inline {
    value.map_or(Inline::Blank(what), Inline::Text)
}

/// « Monsieur le Maire » → « Maire »: the chair's function, without the civility.
fn function_of(title: &str) -> &str {
    for prefix in [
        "Monsieur le ",
        "Madame la ",
        "Madame le ",
        "Monsieur l'",
        "Madame l'",
    ] {
        if let Some(rest) = title.strip_prefix(prefix) {
            return rest;
        }
    }
    title
}

/// « CHARMOT Pascal » → « Pascal CHARMOT »: the given names first, as an act writes a
/// person; a name without a family name in capitals is kept as typed.
pub fn display_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_family =
        |w: &&&str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let family = words.iter().take_while(is_family).count();
    if family == 0 || family == words.len() {
        return words.join(" ");
    }
    format!(
        "{} {}",
        words[family..].join(" "),
        words[..family].join(" ")
    )
}

/// « M. » or « Mme » from a title written with its civility, else nothing.
fn civility(title: Option<&str>) -> &'static str {
    match title {
        Some(t) if t.starts_with("Monsieur") => "M. ",
        Some(t) if t.starts_with("Madame") => "Mme ",
        _ => "",
    }
}

/// « Maire » → « le Maire », « Maire-adjointe » → « la Maire-adjointe »; a title written with
/// its civility (« Madame la Maire ») is kept as typed.
fn with_article(title: &str) -> String {
    if function_of(title) != title {
        return title.to_string();
    }
    let lower = title.to_lowercase();
    let feminine = ["adjointe", "présidente", "déléguée", "conseillère"]
        .iter()
        .any(|w| lower.ends_with(w));
    format!("{} {title}", if feminine { "la" } else { "le" })
}

/// The schools counted in the budget line and listed in Annexe 1 (see [`LIST_AT_MEETING`]),
/// with their indices in the scenario.
pub fn schools_at_meeting<'a>(
    scenario: &'a Scenario,
    sim: &Simulation,
) -> Vec<(usize, &'a School)> {
    let cutoff = scenario
        .deliberation
        .meeting
        .date
        .map_or(sim.notified, |d| d.max(sim.notified));
    scenario
        .schools
        .iter()
        .enumerate()
        .zip(&sim.schools)
        .filter(|((_, s), o)| {
            o.eligibility.eligible()
                && s.requested <= cutoff
                && s.removal_requested.is_none_or(|r| r > cutoff)
        })
        .map(|(pair, _)| pair)
        .collect()
}

fn names(list: &[String]) -> String {
    list.join(", ")
}

/// The header of the meeting (D1), with blanks where the meeting is not entered.
fn meeting_blocks(commune: &str, m: &Meeting, check: &MeetingCheck) -> Vec<Block> {
    let when = m.date.map(|d| {
        let hour = m
            .time
            .map(|(h, min)| format!(" à {h} h {min:02}"))
            .unwrap_or_default();
        format!("Le {}{hour}", fr_long(d))
    });
    let mut blocks = vec![
        Block::Para(vec![
            or_blank(when, "date et heure de la séance"),
            t(" se sont réunis "),
            m.place
                .as_ref()
                .map_or(Inline::Blank("lieu de la séance"), |p| {
                    t(format!("en {p}"))
                }),
            t(format!(
                ", les membres du Conseil municipal de {commune}, sous la présidence de "
            )),
            or_blank(
                m.chair
                    .as_deref()
                    .map(|c| format!("{}{}", civility(m.chair_title.as_deref()), display_name(c))),
                "président de séance",
            ),
            t(", "),
            or_blank(
                m.chair_title
                    .as_deref()
                    .map(|s| format!("{} de {commune}", function_of(s))),
                "qualité",
            ),
            t("."),
        ]),
        Block::Para(vec![
            t("Date de la convocation : "),
            or_blank(m.convened.map(|d| format!("le {}", fr_long(d))), "date"),
        ]),
    ];
    let count = |n: Option<u32>| n.map(|n| n.to_string());
    let votants = check.proxies.as_ref().map(|p| p.value.votants);
    blocks.push(Block::Para(vec![
        t("Nombre de conseillers en exercice : "),
        or_blank(count(m.in_office), "nombre"),
    ]));
    blocks.push(Block::Para(vec![
        t("Nombre de votants : "),
        or_blank(count(votants), "nombre"),
    ]));
    let listed = !m.present.is_empty();
    blocks.push(Block::Para(vec![
        t("Conseillers présents"),
        t(if listed {
            format!(" ({}) : {}.", m.present.len(), names(&m.present))
        } else {
            " : ".into()
        }),
        if listed { t("") } else { Inline::Blank("noms") },
    ]));
    blocks.push(Block::Para(vec![match &check.quorum {
        Some(q) if q.value.met => t("Formant la majorité des membres en exercice."),
        Some(_) => t(
            "Le quorum n'est pas atteint : le conseil ne peut délibérer qu'après une nouvelle convocation (CGCT L2121-17).",
        ),
        None => t("Formant la majorité des membres en exercice (à vérifier)."),
    }]));
    let proxies: Vec<String> = m
        .proxies
        .iter()
        .map(|p| format!("{} donne pouvoir à {}", p.giver, p.holder))
        .collect();
    blocks.push(Block::Para(vec![
        t("Conseillers absents avec pouvoir : "),
        if listed || !proxies.is_empty() {
            t(if proxies.is_empty() {
                "0".to_string()
            } else {
                format!("{} ({})", proxies.len(), proxies.join(" ; "))
            })
        } else {
            Inline::Blank("noms")
        },
    ]));
    blocks.push(Block::Para(vec![
        t("Conseillers absents sans pouvoir : "),
        if listed {
            t(if m.absent.is_empty() {
                "0".to_string()
            } else {
                format!("{} ({})", m.absent.len(), names(&m.absent))
            })
        } else {
            Inline::Blank("noms")
        },
    ]));
    blocks.push(Block::Para(vec![
        t("Le secrétariat a été assuré par : "),
        or_blank(m.secretary.clone(), "secrétaire de séance"),
    ]));
    blocks
}

/// The vote as the act writes it: « À l'unanimité » or the counts.
fn vote_text(m: &Meeting, check: &MeetingCheck) -> Inline {
    match (m.vote, &check.vote) {
        (_, Some(v)) if v.value.unanimous => b("À l'unanimité"),
        (Some(v), _) => b(format!(
            "{} voix pour, {} voix contre, {} abstention{}",
            v.for_votes,
            v.against,
            v.abstentions,
            plural(v.abstentions)
        )),
        (None, _) => Inline::Blank("pour, contre, abstentions ou « à l'unanimité »"),
    }
}

/// The draft deliberation as a document.
pub fn document(scenario: &Scenario, sim: &Simulation) -> Document {
    let commune = scenario.commune.name.as_str();
    let d = &scenario.deliberation;
    let m = &d.meeting;
    let check = &sim.meeting;
    let fee = sim.annual_fee;
    let euros = |m: Money| m.to_string();
    let on_list = schools_at_meeting(scenario, sim);
    let unit = sim.billing_unit;
    let listed: Vec<School> = on_list.iter().map(|(_, s)| (*s).clone()).collect();
    let units = {
        let ids = r4_units(&listed, unit);
        ids.iter().max().map_or(0, |m| m + 1)
    };
    let yearly = fee.times(units as u64);
    let chair_title = m.chair_title.clone();
    let chair_ref = chair_title
        .as_deref()
        .map_or_else(|| "le Maire".to_string(), with_article);

    let mut blocks = vec![
        Block::Para(vec![
            t("N° "),
            or_blank(d.number.clone(), "numéro de la délibération"),
        ]),
        Block::Title(format!("Délibération du conseil municipal de {commune}")),
        Block::Para(vec![
            t("Séance du "),
            or_blank(m.date.map(fr_long), "date de la séance"),
        ]),
    ];
    blocks.extend(meeting_blocks(commune, m, check));
    blocks.push(Block::Para(vec![
        b("Objet : "),
        t("Convention entre la Ville et la Métropole de Lyon pour la mise à disposition d'un Espace Numérique de Travail, "),
        em("laclasse.com"),
        t(", dans les écoles publiques de la commune"),
    ]));
    blocks.push(Block::Para(vec![t(
        "Vu le code général des collectivités territoriales, et notamment ses articles L2121-29 et L5211-4-3 ;",
    )]));
    if let Some(c) = &m.committee {
        blocks.push(Block::Para(vec![
            t(format!("Vu l'avis de la {c} du ")),
            or_blank(m.committee_opinion.map(fr_long), "date de l'avis"),
            t(" ;"),
        ]));
    }
    let per_reading = match unit {
        BillingUnit::School => "et par école utilisatrice".to_string(),
        BillingUnit::SchoolGroup => "et par école utilisatrice (article 6 de la convention), les écoles d'un même groupe scolaire étant comptées comme une seule unité (lecture des considérants de la délibération n° 2023-64 de Tassin la Demi-Lune, hypothèse)".to_string(),
    };
    blocks.extend([
        Block::Para(vec![t("Considérant que dans le cadre de sa politique éducative, la Ville souhaite favoriser la continuité pédagogique tout au long du parcours de l'élève et réduire les inégalités scolaires en limitant la fracture numérique ;")]),
        Block::Para(vec![t("Considérant que l'offre de services "), em("laclasse.com"), t(" permet l'accès à des ressources éducatives en ligne, un espace de stockage et de gestion de la vie scolaire, et des services de communication entre les différents acteurs éducatifs ;")]),
        Block::Para(vec![t(format!("Considérant le partenariat avec la Métropole de Lyon, qui présente un intérêt financier et opérationnel puisque cette dernière dispose de l'expertise et prend en charge l'installation, le déploiement, l'hébergement et la maintenance de la plateforme en échange d'une redevance forfaitaire de {} par an {per_reading} ;", euros(fee)))]),
        Block::Para(vec![t("Compte-tenu des observations ;")]),
        Block::Para(vec![b("Le Conseil Municipal, après en avoir délibéré :")]),
        Block::Numbered(vec![
            vec![b("APPROUVE"), t(" la convention de partenariat entre la Ville et la Métropole de Lyon pour la souscription d'un abonnement à l'Espace Numérique de Travail "), em("laclasse.com"), t(" au profit des écoles publiques primaires de la commune, jointe en annexe de la présente délibération ;")],
            vec![b("DIT"), t(format!(
                " que les crédits seront inscrits chaque année au budget de la Ville pour un montant de {} par an {per_reading}, soit {} par an pour {} {} de la liste prévisionnelle (annexe 1 bis), montant revu chaque année selon la liste ;",
                euros(fee),
                euros(yearly),
                units,
                match (unit, units > 1) {
                    (BillingUnit::School, true) => "écoles",
                    (BillingUnit::School, false) => "école",
                    (BillingUnit::SchoolGroup, true) => "unités (groupes scolaires et écoles seules)",
                    (BillingUnit::SchoolGroup, false) => "unité",
                }
            ))],
            vec![b("AUTORISE"), t(format!(" {chair_ref} ou l'adjoint faisant fonction à signer la convention et toute pièce relative à cette affaire ;"))],
            vec![b("CHARGE"), t(format!(" {chair_ref} de l'exécution de la présente délibération."))],
        ]),
        Block::Para(vec![t("Vote : "), vote_text(m, check)]),
        Block::Para(vec![t("Fait et délibéré en séance le : "), or_blank(m.date.map(fr_long), "date de la séance")]),
        Block::Para(vec![t("Certifié exécutoire par :")]),
        Block::Bullets(vec![
            vec![t("Transmission en préfecture du Rhône le : "), or_blank(d.transmitted.map(fr), "date de transmission")],
            vec![t(format!("Mise en ligne sur le site Internet de la commune de {commune} le : ")), or_blank(d.published.map(fr), "date de publication")],
        ]),
        Block::Signatures(vec![
            (
                m.chair.as_deref().map_or_else(|| "……………".into(), display_name),
                format!("{} de {commune}", chair_title.as_deref().map_or("Maire", function_of)),
            ),
            (
                m.secretary.as_deref().map_or_else(|| "……………".into(), display_name),
                "Secrétaire de séance".into(),
            ),
        ]),
    ]);
    let mut appeal = vec![t(
        "La présente délibération peut faire l'objet d'un recours contentieux auprès du Tribunal administratif de Lyon, dans un délai de deux mois à compter de sa publication, y compris par l'application Télérecours citoyens (www.telerecours.fr). Elle peut également faire l'objet d'un recours gracieux dans les mêmes conditions de délai.",
    )];
    if let Some(a) = &sim.appeal_deadline {
        appeal.push(t(format!(
            " Le délai étant franc (ni le jour de la publication ni celui de l'échéance ne comptent), un recours formé au plus tard le {} est dans les délais ; un recours gracieux formé dans ce délai le proroge.",
            fr_long(a.value)
        )));
    }
    blocks.push(Block::Para(appeal));

    // The convention, with the commune named where the model leaves it blank.
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(
        "Annexe : convention de mise à disposition de l'ENT « laclasse.com »".into(),
    ));
    for line in CONVENTION_TEXT.lines().filter(|l| !l.trim().is_empty()) {
        if line == "@@SIGNATURES@@" {
            blocks.push(Block::Para(vec![
                t("Fait à Lyon, le "),
                Inline::Blank("date de signature"),
            ]));
            blocks.push(Block::Para(vec![t("En deux exemplaires originaux.")]));
            blocks.push(Block::Signatures(vec![
                (
                    format!("Pour la commune de {commune}"),
                    format!(
                        "{}, {}",
                        chair_title.as_deref().map_or("Le Maire", function_of),
                        m.chair
                            .as_deref()
                            .map_or_else(|| "……………".into(), display_name)
                    ),
                ),
                ("Pour la Métropole de Lyon".into(), "……………".into()),
            ]));
            blocks.push(Block::PageBreak);
            continue;
        }
        let line = if line.starts_with("La commune XXXX") {
            format!(
                "La commune de {commune}, représentée par son Maire{}, dûment habilité(e) à cet effet en vertu de la délibération n° {} en date du {}",
                m.chair
                    .as_deref()
                    .map(|c| format!(
                        ", {}{}",
                        civility(m.chair_title.as_deref()),
                        display_name(c)
                    ))
                    .unwrap_or_default(),
                d.number.as_deref().unwrap_or("……………"),
                m.date.map_or("……………".to_string(), fr_long)
            )
        } else {
            line.to_string()
        };
        blocks.push(if line.trim_start().starts_with("- ") {
            Block::Bullets(vec![vec![t(line.trim_start().trim_start_matches("- "))]])
        } else {
            Block::Para(vec![t(line)])
        });
    }

    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(
        "Annexe 1 bis : liste prévisionnelle des établissements / groupes scolaires utilisateurs"
            .into(),
    ));
    blocks.push(Block::Table {
        head: vec![
            "École".into(),
            "UAI".into(),
            "Niveau".into(),
            "Groupe scolaire".into(),
        ],
        rows: on_list
            .iter()
            .map(|(_, s)| {
                vec![
                    s.name.clone(),
                    s.uai.clone().unwrap_or_default(),
                    s.level.label().to_string(),
                    s.group.clone().unwrap_or_default(),
                ]
            })
            .collect(),
        numeric: vec![false; 4],
    });
    blocks.push(Block::Para(vec![t(format!(
        "{} × {} = {} par an ({}). {LIST_AT_MEETING}",
        units,
        euros(fee),
        euros(yearly),
        unit.label()
    ))]));

    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(
        "Annexe 2 bis : répartition du montant inscrit selon l'annexe 2".into(),
    ));
    let shares = r8_cost_shares(yearly, "montant annuel inscrit");
    blocks.push(Block::Table {
        head: vec!["Poste".into(), "Part".into(), "Montant annuel".into()],
        rows: shares
            .value
            .parts()
            .iter()
            .map(|(label, pct, amount)| {
                vec![(*label).to_string(), format!("{pct} %"), euros(*amount)]
            })
            .chain(std::iter::once(vec![
                "Total".to_string(),
                "100 %".to_string(),
                euros(yearly),
            ]))
            .collect(),
        numeric: vec![false, true, true],
    });
    if fee != DEFAULT_ANNUAL_FEE {
        blocks.push(Block::Para(vec![t(format!(
            "Redevance simulée : {} au lieu des {} de l'article 6.",
            euros(fee),
            euros(DEFAULT_ANNUAL_FEE)
        ))]));
    }
    Document {
        title: format!("Projet de délibération — laclasse.com — {commune}"),
        blocks,
    }
}

/// The draft as a standalone HTML page.
pub fn to_html(scenario: &Scenario, sim: &Simulation) -> String {
    document(scenario, sim).to_html()
}

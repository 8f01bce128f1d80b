//! The draft of the council's deliberation (D6), in the order and wording habits of
//! deliberation n° 2023-64 with the corrections of a legal review: number and title, the
//! meeting (D1) with its quorum, urgency or second convocation, the object, the visas, the
//! considérants, « Compte-tenu des observations », « Le Conseil Municipal, après en avoir
//! délibéré : », the articles as the vote decided them (APPROUVE… only when it passed,
//! REJETTE when it was rejected, blanks when it is undetermined), the vote, « Fait et
//! délibéré », « Certifié exécutoire par » (D5), the signatures of the Maire and the
//! secretary, the appeal mention as a rule (R9); then the convention's text, its Annexe 1
//! (the schools on the list at the meeting) and Annexe 2 (the shares of the budgeted amount).
//! What is unknown at the vote is a blank to fill, never a date; working notes and the
//! @ctes data go to a separate sheet ([`preparation_sheet`]).

use super::document::{Block, Document, Inline};
use engine::convention::DEFAULT_ANNUAL_FEE;
use engine::d1_d4_meeting::MeetingCheck;
use engine::d1_d4_meeting::{LARGE_COMMUNE, ProxyIssue, name_parts, normalized};
use engine::d5_legality::Publicity;
use engine::dates::{fr, fr_long, iso};
use engine::money::Money;
use engine::r3_r4_r7_fees::r4_units;
use engine::r8_shares::r8_cost_shares;
use engine::scenario::{ChairVote, Mayor, Meeting, Proxy, School, is_mayor_title};
use engine::text::plural;
use engine::{BillingUnit, Scenario, Simulation};

/// The page's style, allowed by its hash in `index.html`'s Content-Security-Policy.
pub use super::document::DOCUMENT_STYLE as DRAFT_STYLE;

/// The convention's text, from the source document (`docs/source/`), without its signatures.
const CONVENTION_TEXT: &str = include_str!("../../../../data/convention-laclasse.txt");

/// The hypothesis on which schools the budget line counts (on the preparation sheet, never in
/// the act).
pub const LIST_AT_MEETING: &str = "Hypothèse : la liste prévisionnelle (annexe 1 bis) est celle des écoles éligibles que la commune prévoit de transmettre « à la signature de la convention » (Annexe 1) : demandes reçues au plus tard à la notification ou à la séance, et non radiées ; le montant est revu chaque année selon la liste.";

/// The appeal mention of an act (R9), « La présente délibération » or « décision ».
pub(super) fn appeal_mention(act: &str) -> String {
    format!(
        "La présente {act} peut faire l'objet d'un recours contentieux auprès du Tribunal administratif de Lyon dans un délai de deux mois à compter de sa publication, y compris par l'application Télérecours citoyens (www.telerecours.fr). Elle peut également faire l'objet d'un recours gracieux auprès de la commune dans le même délai ; ce recours interrompt le délai de recours contentieux, qui court à nouveau à compter de la réponse, le silence gardé pendant deux mois valant rejet."
    )
}

/// The heading of an act of `commune`: the Republic, the Métropole, the commune, then what the
/// act is (an extract of the register, a décision), when it is one.
pub(super) fn masthead(commune: &str, what: Option<&str>) -> Block {
    let mut lines = vec![
        "RÉPUBLIQUE FRANÇAISE".to_string(),
        "Métropole de Lyon".to_string(),
        format!("Commune de {commune}"),
    ];
    lines.extend(what.map(str::to_string));
    Block::Masthead(lines)
}

/// A draft's heading line: an extract of the register of deliberations, not an act yet.
pub(super) const REGISTER_DRAFT: &str = "Extrait du registre des délibérations du conseil municipal — projet, sans valeur d'acte avant la séance";

/// The object of the deliberation, one line.
pub const OBJECT: &str = "Convention entre la Ville et la Métropole de Lyon pour la mise à disposition d'un Espace Numérique de Travail, laclasse.com, dans les écoles publiques de la commune";

pub(super) fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

pub(super) fn b(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

pub(super) fn em(s: impl Into<String>) -> Inline {
    Inline::Em(s.into())
}

pub(super) fn or_blank(value: Option<String>, what: &'static str) -> Inline {
    value.map_or(Inline::Blank(what), Inline::Text)
}

/// « Monsieur le Maire » → « Maire »: the function, without the civility.
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
/// person (`name_parts`); a name already written so, or without a family name in capitals or
/// given names, is kept as typed.
pub fn display_name(name: &str) -> String {
    let (family, given) = name_parts(name);
    let family_first = name
        .split_whitespace()
        .next()
        .is_some_and(|w| family.first() == Some(&w));
    if family.is_empty() || given.is_empty() || !family_first {
        return name.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    format!("{} {}", given.join(" "), family.join(" "))
}

/// « M. » or « Mme » from a title written with its civility or a feminine function
/// (« Maire-adjointe »), else nothing.
pub(super) fn civility(title: Option<&str>) -> &'static str {
    match title {
        Some(t) if t.starts_with("Monsieur") => "M. ",
        Some(t) if t.starts_with("Madame") || is_feminine(t) => "Mme ",
        _ => "",
    }
}

/// Whether a function is written in the feminine: « Maire-adjointe », « Conseillère déléguée ».
fn is_feminine(title: &str) -> bool {
    let lower = title.to_lowercase();
    ["adjointe", "présidente", "déléguée", "conseillère"]
        .iter()
        .any(|w| lower.contains(w))
}

/// « Maire » → « le Maire », « Maire-adjointe » → « la Maire-adjointe »; a title written with
/// its civility (« Madame la Maire ») is kept as typed.
fn with_article(title: &str) -> String {
    if function_of(title) != title {
        return title.to_string();
    }
    format!("{} {title}", if is_feminine(title) { "la" } else { "le" })
}

/// How AUTORISE and CHARGE name the executive: its title as entered (« Monsieur le Maire »),
/// else « le Maire » (D6, CGCT L2122-21).
pub(super) fn executive_ref(mayor: Option<&Mayor>) -> String {
    mayor
        .and_then(|m| m.title.as_deref())
        .map_or_else(|| "le Maire".to_string(), with_article)
}

/// The executive's name for a signature, or a blank.
pub(super) fn executive_name(mayor: Option<&Mayor>) -> String {
    mayor.map_or_else(|| "……………".into(), |m| display_name(&m.name))
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

/// The header of the meeting (D1), with blanks where the meeting is not entered, its
/// urgency or second convocation stated.
pub(super) fn meeting_blocks(
    commune: &str,
    m: &Meeting,
    check: &MeetingCheck,
    carence: bool,
    mayor: Option<&Mayor>,
) -> Vec<Block> {
    // An adjoint presides in the Maire's absence or impediment (L2122-17): said so, unless the
    // Maire is among the present (a fault the checks flag, never written as a fact here).
    let mayor_present = mayor.is_some_and(|mayor| {
        m.present
            .iter()
            .any(|p| normalized(p) == normalized(&mayor.name))
    });
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
                m.chair_title.as_deref().map(|s| {
                    format!(
                        "{} de {commune}{}",
                        function_of(s),
                        if is_mayor_title(s) || mayor_present {
                            ""
                        } else {
                            ", remplaçant le Maire absent ou empêché (CGCT L2122-17)"
                        }
                    )
                }),
                "qualité",
            ),
            t("."),
        ]),
        Block::Para(vec![
            t("Date de la convocation : "),
            or_blank(m.convened.map(|d| format!("le {}", fr_long(d))), "date"),
        ]),
    ];
    if m.urgency {
        let article = match m.population {
            Some(p) if p >= LARGE_COMMUNE => "CGCT L2121-12",
            Some(_) => "CGCT L2121-11",
            None => "CGCT L2121-11 et L2121-12",
        };
        let mut urgency = vec![
            t(format!(
                "Convocation adressée en urgence ({article}), au motif suivant : "
            )),
            or_blank(m.urgency_reason.clone(), "motif de l'urgence"),
        ];
        if carence {
            urgency.push(t("."));
        } else {
            urgency.extend([
                t(". À l'ouverture de la séance, le Maire a rendu compte de l'urgence ; le conseil municipal s'est prononcé sur celle-ci : "),
                Inline::Blank("décision du conseil sur l'urgence"),
                t("."),
            ]);
        }
        blocks.push(Block::Para(urgency));
    }
    if let Some(second) = &check.second_convocation {
        let lifted = !second.value.quorum_again && second.value.problems.is_empty();
        blocks.push(Block::Para(vec![
            t("Le quorum n'ayant pas été atteint lors de la séance du "),
            or_blank(m.quorum_failed_on.map(fr_long), "date de la séance sans quorum"),
            t(if lifted {
                ", le conseil municipal a été convoqué à nouveau à trois jours au moins d'intervalle ; il délibère valablement sans condition de quorum (CGCT L2121-17)."
            } else if second.value.quorum_again {
                ", le conseil municipal a été convoqué à nouveau, en urgence, à moins de trois jours francs : le quorum est de nouveau requis (CGCT L2121-17)."
            } else {
                ", le conseil municipal a été convoqué à nouveau, mais pas dans les conditions de l'article L2121-17 : le quorum reste requis."
            }),
        ]));
    }
    let count = |n: Option<u32>| n.map(|n| n.to_string());
    let votants = check.votants;
    blocks.push(Block::Para(vec![
        t("Nombre de conseillers en exercice : "),
        or_blank(count(m.in_office), "nombre"),
    ]));
    if !carence {
        blocks.push(Block::Para(vec![
            t("Nombre de votants : "),
            or_blank(count(votants), "nombre"),
        ]));
    }
    let listed = !m.present.is_empty();
    // By count only, the number is written and the names left blank, to fill from the minutes.
    let counted = !listed && m.present_count.is_some();
    // Fewer names than the count: the others are a blank to fill, never left unsaid.
    let unnamed = (m.n_present() as usize).saturating_sub(m.present.len());
    blocks.push(Block::Para(if listed && unnamed > 0 {
        vec![
            t(format!(
                "Conseillers présents ({}) : {}, et {unnamed} autre{} : ",
                m.n_present(),
                m.present.join(", "),
                if unnamed > 1 { "s" } else { "" }
            )),
            Inline::Blank("noms à compléter"),
            t("."),
        ]
    } else if listed
        && m.present_count
            .is_some_and(|c| c as usize != m.present.len())
    {
        // More names than the count: the number is to check, never written against the list.
        vec![
            t("Conseillers présents ("),
            Inline::Blank("nombre à vérifier"),
            t(format!(") : {}.", m.present.join(", "))),
        ]
    } else {
        vec![
            t("Conseillers présents"),
            t(if listed {
                format!(" ({}) : {}.", m.n_present(), m.present.join(", "))
            } else if counted {
                format!(" ({}) : ", m.n_present())
            } else {
                " : ".into()
            }),
            if listed { t("") } else { Inline::Blank("noms") },
        ]
    }));
    match &check.quorum {
        Some(q) if q.value.required.is_none() => {}
        Some(q) if q.value.met => blocks.push(Block::Para(vec![t(
            "Formant la majorité des membres en exercice.",
        )])),
        Some(_) => {}
        None if m.second_convocation => {}
        // Not known before the meeting: a blank to record there, never a working note in the
        // act (D6).
        None => blocks.push(Block::Para(vec![
            t("Quorum : "),
            Inline::Blank("majorité des membres en exercice présents, à constater en séance"),
        ])),
    }
    // The proxies as D4 read them: those counted, holders written as the list of the present
    // writes them; a proxy not retained leaves its giver absent without a proxy, said why; a
    // giver who is present is no absent at all.
    let (used, unused): (Vec<String>, Vec<String>) = match &check.proxies {
        Some(p) => (
            p.value.used_proxies.iter().map(Proxy::to_string).collect(),
            p.value
                .unused
                .iter()
                .filter(|u| u.issue != ProxyIssue::GiverPresent)
                .map(|u| {
                    format!(
                        "{} (pouvoir à {} non retenu : {})",
                        u.giver,
                        u.holder,
                        u.issue.reason()
                    )
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let proxies_by_count = m
        .proxies_count
        .filter(|_| m.proxies.is_empty() && check.proxies.is_some());
    blocks.push(Block::Para(match proxies_by_count {
        Some(n) => counted_names("Conseillers absents avec pouvoir : ", n),
        None => vec![
            t("Conseillers absents avec pouvoir : "),
            if listed || !used.is_empty() {
                t(if used.is_empty() {
                    "0".to_string()
                } else {
                    format!("{} ({})", used.len(), used.join(" ; "))
                })
            } else {
                Inline::Blank("noms")
            },
        ],
    }));
    let absent: Vec<String> = m.absent.iter().cloned().chain(unused).collect();
    // The members in office not accounted for are unknown: a blank, never « 0 ».
    let accounted = m.present.len() + used.len() + absent.len();
    let unknown = m.in_office.is_some_and(|n| accounted < n as usize) && m.absent.is_empty();
    let absent_by_count = m
        .absent_count
        .filter(|_| m.absent.is_empty() && absent.is_empty());
    blocks.push(Block::Para(match absent_by_count {
        Some(n) => counted_names("Conseillers absents sans pouvoir : ", n),
        None => vec![
            t("Conseillers absents sans pouvoir : "),
            if listed && !unknown {
                t(if absent.is_empty() {
                    "0".to_string()
                } else {
                    format!("{} ({})", absent.len(), absent.join(", "))
                })
            } else {
                Inline::Blank("noms")
            },
        ],
    }));
    if !m.not_voting.is_empty() {
        let dropped: Vec<String> = check
            .proxies
            .iter()
            .flat_map(|p| &p.value.unused)
            .filter(|u| u.issue == ProxyIssue::HolderNotVoting)
            .map(|u| format!("le pouvoir de {} qu'il porte n'est pas utilisé", u.giver))
            .collect();
        blocks.push(Block::Para(vec![t(format!(
            "Ne prennent part ni aux débats ni au vote, et quittent la salle pour cette affaire (CGCT L2131-11) : {}{}.",
            m.not_voting.join(", "),
            if dropped.is_empty() {
                String::new()
            } else {
                format!(" ; {}", dropped.join(" ; "))
            }
        ))]));
    }
    blocks.push(Block::Para(vec![
        t("M./Mme "),
        or_blank(
            m.secretary.as_deref().map(display_name),
            "secrétaire de séance",
        ),
        t(" a été désigné(e) secrétaire de séance (CGCT L2121-15)."),
    ]));
    blocks
}

/// The vote as the act writes it: « À l'unanimité », the counts, the ballot and the chair's
/// casting vote on a tie.
fn vote_text(m: &Meeting, check: &MeetingCheck) -> Vec<Inline> {
    let Some(v) = m.vote else {
        return vec![Inline::Blank(
            "pour, contre, abstentions ou « à l'unanimité »",
        )];
    };
    let outcome = check.vote.as_ref().map(|o| o.value);
    let counts = format!(
        "{} voix pour, {} voix contre, {} abstention{}",
        v.for_votes,
        v.against,
        v.abstentions,
        plural(v.abstentions)
    );
    // Counts that do not make the votants are not written as the council's vote (the counts
    // entered go to the preparation sheet's checks).
    if outcome.is_some_and(|o| !o.adds_up) {
        return vec![Inline::Blank(
            "décompte des voix à corriger : pour, contre, abstentions",
        )];
    }
    let mut out = vec![if outcome.is_some_and(|o| o.unanimous) {
        b("À l'unanimité")
    } else {
        b(counts)
    }];
    if m.secret_ballot {
        out.push(t(", au scrutin secret"));
    }
    if outcome.is_some_and(|o| o.tie && o.cast > 0) {
        out.push(match (m.secret_ballot, m.chair_vote) {
            (true, _) => t(" ; partage égal des voix au scrutin secret : la proposition est rejetée"),
            (false, _) if check.passed() == Some(false) && m.chair_vote == Some(ChairVote::For) => t(
                " ; partage égal des voix, le président ne prenant pas part au vote : la proposition est rejetée",
            ),
            (false, Some(ChairVote::For)) => t(
                " ; partage égal des voix, le président ayant voté pour : sa voix est prépondérante (CGCT L2121-20)",
            ),
            (false, Some(ChairVote::Against)) => t(
                " ; partage égal des voix, le président ayant voté contre : la proposition est rejetée",
            ),
            (false, Some(ChairVote::Abstention)) => t(
                " ; partage égal des voix, le président s'étant abstenu, sa voix n'est pas prépondérante : la proposition est rejetée",
            ),
            (false, None) => t(" ; partage égal des voix, voix prépondérante du président : "),
        });
        if !m.secret_ballot && m.chair_vote.is_none() {
            out.push(Inline::Blank("vote du président"));
        }
    }
    out
}

/// The decision's articles as the vote decided them (D6): APPROUVE, DIT, AUTORISE and CHARGE
/// only when it passed; REJETTE when it was rejected; when the outcome is not known (no vote
/// entered, or a tie whose chair's vote is unknown), the proposal with its decision left
/// blank.
fn decision_blocks(
    passed: Option<bool>,
    fee: Money,
    yearly: Money,
    units: usize,
    unit: BillingUnit,
    mayor: Option<&Mayor>,
) -> Vec<Block> {
    let per_reading = match unit {
        BillingUnit::School => "et par école utilisatrice".to_string(),
        BillingUnit::SchoolGroup => "et par école utilisatrice (article 6 de la convention), les écoles d'un même groupe scolaire étant comptées comme une seule unité (lecture des considérants de la délibération n° 2023-64 de Tassin la Demi-Lune)".to_string(),
    };
    let budget = format!(
        "que les crédits seront inscrits chaque année au budget de la Ville pour un montant de {fee} par an {per_reading}, soit {yearly} par an pour {units} {} de la liste prévisionnelle (annexe 1 bis), montant revu chaque année selon la liste ;",
        match (unit, units > 1) {
            (BillingUnit::School, true) => "écoles",
            (BillingUnit::School, false) => "école",
            (BillingUnit::SchoolGroup, true) => "unités (groupes scolaires et écoles seules)",
            (BillingUnit::SchoolGroup, false) => "unité",
        }
    );
    let executive = executive_ref(mayor);
    let convention = [
        t(
            " la convention de partenariat entre la Ville et la Métropole de Lyon pour la souscription d'un abonnement à l'Espace Numérique de Travail ",
        ),
        em("laclasse.com"),
        t(
            " au profit des écoles publiques primaires de la commune, jointe en annexe de la présente délibération ;",
        ),
    ];
    match passed {
        Some(true) => vec![
            Block::Para(vec![b("Le Conseil Municipal, après en avoir délibéré :")]),
            Block::Numbered(vec![
                std::iter::once(b("APPROUVE")).chain(convention).collect(),
                vec![b("DIT"), t(format!(" {budget}"))],
                vec![
                    b("AUTORISE"),
                    t(format!(
                        " {executive} à signer la convention et toute pièce relative à cette affaire ;"
                    )),
                ],
                vec![
                    b("CHARGE"),
                    t(format!(
                        " {executive} de l'exécution de la présente délibération."
                    )),
                ],
            ]),
        ],
        Some(false) => vec![
            Block::Para(vec![b("Le Conseil Municipal, après en avoir délibéré :")]),
            Block::Numbered(vec![vec![
                b("REJETTE"),
                t(
                    " la proposition d'approuver la convention de partenariat entre la Ville et la Métropole de Lyon pour la souscription d'un abonnement à l'Espace Numérique de Travail ",
                ),
                em("laclasse.com"),
                t(" au profit des écoles publiques primaires de la commune."),
            ]]),
        ],
        None => vec![
            Block::Para(vec![
                b("Le Conseil Municipal, après en avoir délibéré : "),
                Inline::Blank("ADOPTE ou REJETTE, selon le vote"),
                t(" la proposition suivante :"),
            ]),
            Block::Numbered(vec![
                std::iter::once(t("approuver")).chain(convention).collect(),
                vec![t(format!("dire {budget}"))],
                vec![t(format!(
                    "autoriser {executive} à signer la convention et toute pièce relative à cette affaire ;"
                ))],
                vec![t(format!(
                    "charger {executive} de l'exécution de la présente délibération."
                ))],
            ]),
        ],
    }
}

/// « Conseillers absents avec pouvoir : 3, …… (noms) »: a number known before the names, the names
/// left blank to fill from the minutes; « 0 » alone.
fn counted_names(label: &str, n: u32) -> Vec<Inline> {
    if n == 0 {
        vec![t(format!("{label}0"))]
    } else {
        vec![t(format!("{label}{n}, ")), Inline::Blank("noms")]
    }
}

/// The draft deliberation as a document.
pub fn document(scenario: &Scenario, sim: &Simulation) -> Document {
    let commune = &*super::commune_name(scenario, &sim.commune);
    let d = &scenario.deliberation;
    let m = &d.meeting;
    let check = &sim.meeting;
    let fee = sim.annual_fee;
    let on_list = schools_at_meeting(scenario, sim);
    let unit = sim.billing_unit;
    let listed: Vec<School> = on_list.iter().map(|(_, s)| (*s).clone()).collect();
    let units = {
        let ids = r4_units(&listed, unit);
        ids.iter().max().map_or(0, |m| m + 1)
    };
    let yearly = fee.times(units as u64);
    let mayor = d.executive();

    let mut blocks = vec![
        masthead(commune, Some(REGISTER_DRAFT)),
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
    // Without quorum (and no second convocation lifting it), the council cannot deliberate:
    // no number, no votants, no vote — a record that it could not (D2).
    let carence = check.quorum.as_ref().filter(|q| !q.value.met);
    if carence.is_some() {
        // Not a deliberation: no extract of the register of deliberations.
        blocks[0] = masthead(commune, None);
        blocks[1] = Block::Para(vec![t(
            "Constat : le conseil municipal n'a pas pu délibérer (quorum non atteint)",
        )]);
        blocks[2] = Block::Title(format!("Conseil municipal de {commune}"));
    }
    blocks.extend(meeting_blocks(
        commune,
        m,
        check,
        carence.is_some(),
        mayor.as_ref(),
    ));
    let passed = check.passed();
    blocks.push(Block::Para(vec![
        b("Objet : "),
        t("Convention entre la Ville et la Métropole de Lyon pour la mise à disposition d'un Espace Numérique de Travail, "),
        em("laclasse.com"),
        t(", dans les écoles publiques de la commune"),
    ]));
    if carence.is_none() {
        blocks.push(Block::Para(vec![
            b("Rapporteur : "),
            or_blank(
                d.rapporteur.as_deref().map(display_name),
                "nom du rapporteur",
            ),
        ]));
        // A rejected act keeps no reason of the proposal: the exposé only when it is not.
        if passed != Some(false) {
            blocks.push(Block::Para(vec![
                b("Exposé : "),
                or_blank(d.expose.clone(), "exposé du rapporteur"),
            ]));
        }
    }
    // Without quorum on a first convocation, the council cannot deliberate: the act says so
    // and stops there (D2).
    if let Some(q) = carence {
        blocks.push(Block::Para(vec![t(format!(
            "Le quorum n'étant pas atteint ({} présents pour {} requis), le conseil municipal ne peut délibérer. Il sera convoqué à nouveau à trois jours au moins d'intervalle ; il délibérera alors valablement sans condition de quorum (CGCT L2121-17).",
            q.value.present,
            q.value.required.unwrap_or_default()
        ))]));
        blocks.push(Block::Signatures(vec![
            (
                executive_name(mayor.as_ref()),
                format!("Le Maire de {commune}"),
            ),
            (
                m.secretary
                    .as_deref()
                    .map_or_else(|| "……………".into(), display_name),
                "Secrétaire de séance".into(),
            ),
        ]));
        return Document {
            title: format!("Projet de délibération — laclasse.com — {commune}"),
            blocks,
        };
    }
    blocks.push(Block::Para(vec![t(
        "Vu le code général des collectivités territoriales, et notamment ses articles L2121-29, L3611-4, L3633-3 et L5211-4-3 ;",
    )]));
    if let Some(c) = &m.committee {
        blocks.push(Block::Para(vec![
            t(format!("Vu l'avis de la {c} du ")),
            or_blank(m.committee_opinion.map(fr_long), "date de l'avis"),
            t(" ;"),
        ]));
    }
    let fee_recital = match unit {
        BillingUnit::School => "et par école utilisatrice",
        BillingUnit::SchoolGroup => {
            "et par école utilisatrice (article 6), les écoles d'un même groupe scolaire comptant pour une"
        }
    };
    if check.passed() == Some(false) {
        // A rejected act does not keep the proposal's reasons as the council's own.
        blocks.push(Block::Para(vec![
            t("Considérant la proposition de conclure avec la Métropole de Lyon une convention de mise à disposition de l'Espace Numérique de Travail "),
            em("laclasse.com"),
            t(format!(" pour les écoles publiques de la commune, moyennant une redevance forfaitaire de {fee} par an {fee_recital} ;")),
        ]));
        blocks.push(Block::Para(vec![t("Compte-tenu des observations ;")]));
    } else {
        blocks.extend([
            Block::Para(vec![t("Considérant que dans le cadre de sa politique éducative, la Ville souhaite favoriser la continuité pédagogique tout au long du parcours de l'élève et réduire les inégalités scolaires en limitant la fracture numérique ;")]),
            Block::Para(vec![t("Considérant que l'offre de services "), em("laclasse.com"), t(" permet l'accès à des ressources éducatives en ligne, un espace de stockage et de gestion de la vie scolaire, et des services de communication entre les différents acteurs éducatifs ;")]),
            Block::Para(vec![t(format!("Considérant le partenariat avec la Métropole de Lyon, qui présente un intérêt financier et opérationnel puisque cette dernière dispose de l'expertise et prend en charge l'installation, le déploiement, l'hébergement et la maintenance de la plateforme en échange d'une redevance forfaitaire de {fee} par an {fee_recital} ;"))]),
            Block::Para(vec![t("Compte-tenu des observations ;")]),
        ]);
    }
    blocks.extend(decision_blocks(
        check.passed(),
        fee,
        yearly,
        units,
        unit,
        mayor.as_ref(),
    ));
    let mut vote = vec![t("Vote : ")];
    vote.extend(vote_text(m, check));
    let publicity = Publicity::of(m.population);
    blocks.extend([
        Block::Para(vote),
        Block::Para(vec![
            t("Fait et délibéré en séance le : "),
            or_blank(m.date.map(fr_long), "date de la séance"),
        ]),
        Block::Keep(vec![
            Block::Para(vec![t("Certifié exécutoire par :")]),
            Block::Bullets(vec![
                vec![
                    t("Transmission en préfecture du Rhône le : "),
                    or_blank(d.transmitted.map(fr), "date de transmission"),
                ],
                {
                    let (lead, mode) = publicity.certified(commune);
                    let mut line = vec![t(lead)];
                    if let Some(mode) = mode {
                        line.extend([Inline::Blank(mode), t(" le : ")]);
                    }
                    line.push(or_blank(d.published.map(fr), "date de publication"));
                    line
                },
            ]),
        ]),
        Block::Signatures(vec![
            (
                executive_name(mayor.as_ref()),
                format!("Le Maire de {commune}"),
            ),
            (
                m.secretary
                    .as_deref()
                    .map_or_else(|| "……………".into(), display_name),
                "Secrétaire de séance".into(),
            ),
        ]),
        Block::Para(vec![t(appeal_mention("délibération"))]),
    ]);
    if check.passed() == Some(false) {
        return Document {
            title: format!("Projet de délibération — laclasse.com — {commune}"),
            blocks,
        };
    }

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
                    format!("Le Maire, {}", executive_name(mayor.as_ref())),
                ),
                ("Pour la Métropole de Lyon".into(), "……………".into()),
            ]));
            blocks.push(Block::PageBreak);
            continue;
        }
        let line = if line.starts_with("La commune XXXX") {
            format!(
                "La commune de {commune}, représentée par son Maire{}, dûment habilité(e) à cet effet en vertu de la délibération n° {} en date du {}",
                mayor
                    .as_ref()
                    .map(|m| format!(
                        ", {}{}",
                        civility(m.title.as_deref()),
                        display_name(&m.name)
                    ))
                    .unwrap_or_default(),
                // Only an adopted act authorises: otherwise its number and date are to fill.
                d.number
                    .as_deref()
                    .filter(|_| passed == Some(true))
                    .unwrap_or("……………"),
                m.date
                    .filter(|_| passed == Some(true))
                    .map_or("……………".to_string(), fr_long)
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
        "{units} × {fee} = {yearly} par an ({}).",
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
                vec![(*label).to_string(), format!("{pct} %"), amount.to_string()]
            })
            .chain(std::iter::once(vec![
                "Total".to_string(),
                "100 %".to_string(),
                yearly.to_string(),
            ]))
            .collect(),
        numeric: vec![false, true, true],
    });
    Document {
        title: format!("Projet de délibération — laclasse.com — {commune}"),
        blocks,
    }
}

/// The act's number as @ctes accepts it (`[0-9A-Z_]{2,15}`): letters in capitals, accents
/// dropped, any other character an underscore (« 2023-64 » → « 2023_64 »), cut to 15; `None`
/// when nothing is left of it (fewer than two characters).
pub fn actes_number(number: &str) -> Option<String> {
    let mut out = String::new();
    for c in engine::d1_d4_meeting::normalized(number).chars() {
        if out.chars().count() == 15 {
            break;
        }
        out.push(match c.to_ascii_uppercase() {
            c @ ('0'..='9' | 'A'..='Z') => c,
            _ => '_',
        });
    }
    (out.chars().count() >= 2).then_some(out)
}

/// The maximum length of an act's objet in @ctes.
pub const ACTES_OBJECT_MAX: usize = 499;

/// The sheet that goes beside the draft and never inside the act: the data the préfecture's
/// @ctes transmission asks for, the working notes (which schools the budget line counts, a
/// simulated fee), and the meeting's and the signature's flags.
pub fn preparation_sheet(scenario: &Scenario, sim: &Simulation) -> Document {
    let commune = &*super::commune_name(scenario, &sim.commune);
    let d = &scenario.deliberation;
    let mut actes = vec![
        vec![t("Nature de l'acte : 1 — Délibérations")],
        vec![t(
            "Matière suggérée : 8.1 — Enseignement (ou 1.4 — Autres types de contrats, si la commune classe ses conventions sous ce titre) : à choisir lors de la transmission",
        )],
    ];
    actes.push(match d.number.as_deref() {
        Some(n) => match actes_number(n) {
            Some(a) if a == n => vec![t(format!("Numéro de l'acte : {a}"))],
            Some(a) => vec![t(format!(
                "Numéro de l'acte : {a} (« {n} » écrit comme @ctes l'accepte : chiffres, majuscules et « _ », 2 à 15 caractères)"
            ))],
            None => vec![
                t(format!("Numéro de l'acte : « {n} » ne peut pas s'écrire comme @ctes l'accepte ; ")),
                Inline::Blank("numéro de 2 à 15 chiffres, majuscules ou « _ »"),
            ],
        },
        None => vec![t("Numéro de l'acte : "), Inline::Blank("numéro, par exemple 2023_64")],
    });
    let object: String = OBJECT.chars().take(ACTES_OBJECT_MAX).collect();
    actes.push(vec![t(format!(
        "Objet (une ligne, {} caractères au plus) : {object}",
        ACTES_OBJECT_MAX
    ))]);
    actes.push(vec![
        t("Date de décision : "),
        or_blank(
            d.meeting.date.map(|d| format!("{} ({})", fr(d), iso(d))),
            "date de la séance",
        ),
    ]);
    let mut blocks = vec![
        Block::Title(format!(
            "Fiche de préparation — délibération laclasse.com — {commune}"
        )),
        Block::Para(vec![b(
            "Cette fiche ne fait pas partie de l'acte : elle n'est ni publiée ni transmise.",
        )]),
        Block::Heading("Transmission au contrôle de légalité (@ctes)".into()),
    ];
    if sim.meeting.deliberated() {
        blocks.push(Block::Bullets(actes));
    } else {
        blocks.push(Block::Para(vec![t(
            "Pas d'acte à transmettre : faute de quorum, le conseil n'a pas pu délibérer. Le constat figure au procès-verbal ; le conseil est à convoquer à nouveau (CGCT L2121-17).",
        )]));
    }
    blocks.push(Block::Heading("Notes de préparation".into()));
    let mut notes = vec![vec![t(LIST_AT_MEETING)]];
    if sim.annual_fee != DEFAULT_ANNUAL_FEE {
        notes.push(vec![t(format!(
            "Redevance simulée : {} au lieu des {} de l'article 6.",
            sim.annual_fee, DEFAULT_ANNUAL_FEE
        ))]);
    }
    notes.push(vec![t(
        "Le recours contentieux court de la publication ; l'acte n'en porte pas la date calculée, qui dépend de la publication effective.",
    )]);
    blocks.push(Block::Bullets(notes));
    let mut checks: Vec<Vec<Inline>> = sim
        .meeting
        .problems()
        .into_iter()
        .map(|(clause, p)| vec![t(format!("{p} [{}]", clause.reference()))])
        .collect();
    if let (Some(v), Some(outcome)) = (scenario.deliberation.meeting.vote, &sim.meeting.vote)
        && !outcome.value.adds_up
    {
        checks.push(vec![t(format!(
            "Vote saisi : {} pour, {} contre, {} abstention{}, pour {} votants : à corriger avant de l'écrire dans l'acte.",
            v.for_votes,
            v.against,
            v.abstentions,
            plural(v.abstentions),
            sim.meeting
                .proxies
                .as_ref()
                .map_or_else(|| "……".to_string(), |p| p.value.votants.to_string())
        ))]);
    }
    // What to check, besides the faults: a name spelt two ways, the note de synthèse…
    checks.extend(
        sim.meeting
            .lines()
            .into_iter()
            .filter(|l| l.ok.is_none())
            .map(|l| vec![t(format!("{} [{}]", l.text, l.why.reference()))]),
    );
    for (_, text, why) in sim.legality.signature_flags() {
        checks.push(vec![t(format!("{text} [{}]", why.reference()))]);
    }
    if let Some(l) = &sim.legality.list_of_deliberations {
        checks.push(vec![t(format!(
            "Liste des délibérations examinées à afficher et mettre en ligne au plus tard le {} [{}].",
            fr_long(l.value),
            l.why.reference()
        ))]);
    }
    if !checks.is_empty() {
        blocks.push(Block::Heading("Contrôles".into()));
        blocks.push(Block::Bullets(checks));
    }
    Document {
        title: format!("Fiche de préparation — laclasse.com — {commune}"),
        blocks,
    }
}

/// The draft as a standalone HTML page.
pub fn to_html(scenario: &Scenario, sim: &Simulation) -> String {
    document(scenario, sim).to_html()
}

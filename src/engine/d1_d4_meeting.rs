//! D1–D4 — the council meeting that votes the deliberation: quorum (CGCT L2121-17),
//! convocation in jours francs (L2121-11, L2121-12), proxies and votes (L2121-20). Each check
//! says, in French and with its article, what holds and what does not.

use chrono::NaiveDate;

use super::clause::Clause;
use super::dates::{days_between, fr, fr_long};
use super::explain::{Explained, Explanation, Rule};
use super::scenario::{Meeting, Proxy, Vote};
use super::text::plural;

/// From this population on, the convocation is sent five jours francs before, not three (D3).
pub const LARGE_COMMUNE: u32 = 3_500;

/// D2: the quorum of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quorum {
    /// The members present needed: floor(in office / 2) + 1.
    pub required: u32,
    /// The members present.
    pub present: u32,
    /// Whether the quorum is met.
    pub met: bool,
}

/// D2 (CGCT L2121-17): the council deliberates validly only when the majority of its members
/// in office is present; proxies do not count.
pub fn d2_quorum(in_office: u32, present: u32) -> Explained<Quorum> {
    let required = in_office / 2 + 1;
    let met = present >= required;
    let mut why = Explanation::new(Rule::D2, "Quorum de la séance", Clause::CgctL2121_17)
        .input("Conseillers en exercice", in_office.to_string())
        .input("Conseillers présents", present.to_string())
        .step(format!(
            "La majorité des {in_office} membres en exercice est de {required} (moitié arrondie à l'unité inférieure, plus un) ; les pouvoirs ne comptent pas."
        ))
        .step(if met {
            format!("{present} présents ≥ {required} : le quorum est atteint.")
        } else {
            format!("{present} présents < {required} : le quorum n'est pas atteint.")
        });
    if !met {
        why = why.step(
            "Le conseil doit être convoqué à nouveau, à trois jours au moins d'intervalle ; il délibère alors sans condition de quorum.",
        );
    }
    Explained::new(
        Quorum {
            required,
            present,
            met,
        },
        why,
    )
}

/// D3: the convocation's delay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Convocation {
    /// Jours francs between the sending and the meeting (neither day counts).
    pub jours_francs: i64,
    /// Jours francs the commune's size requires: 3, or 5 from [`LARGE_COMMUNE`] inhabitants.
    pub required: i64,
    /// Whether the convocation was sent early enough.
    pub enough: bool,
}

/// D3 (CGCT L2121-11, L2121-12): the convocation is sent at least three jours francs before
/// the meeting under 3 500 inhabitants, five from 3 500 on. Neither the day of sending nor the
/// day of the meeting counts.
pub fn d3_convocation(
    convened: NaiveDate,
    meeting: NaiveDate,
    population: u32,
) -> Explained<Convocation> {
    let jours_francs = (days_between(convened, meeting) - 1).max(0);
    let (required, clause) = if population >= LARGE_COMMUNE {
        (5, Clause::CgctL2121_12)
    } else {
        (3, Clause::CgctL2121_11)
    };
    let enough = jours_francs >= required;
    let mut why = Explanation::new(Rule::D3, "Délai de convocation", clause)
        .input("Convocation envoyée le", fr(convened))
        .input("Séance", fr(meeting))
        .input("Population", population.to_string())
        .step(format!(
            "{} habitants : {} jours francs au moins ({}).",
            population,
            required,
            if population >= LARGE_COMMUNE {
                "3 500 habitants et plus"
            } else {
                "moins de 3 500 habitants"
            }
        ));
    why = if jours_francs > 0 {
        let first = convened.succ_opt().unwrap_or(convened);
        let last = meeting.pred_opt().unwrap_or(meeting);
        why.step(format!(
            "Jours francs : ni le jour de l'envoi ni celui de la séance ne comptent ; du {} au {} : {} jour{} franc{}.",
            fr(first),
            fr(last),
            jours_francs,
            plural(jours_francs),
            plural(jours_francs)
        ))
    } else {
        why.step("Aucun jour franc entre l'envoi et la séance.")
    };
    why = why.step(if enough {
        format!("{jours_francs} ≥ {required} : la convocation est dans les délais.")
    } else {
        format!(
            "{jours_francs} < {required} : convocation trop tardive ; il fallait l'envoyer au plus tard le {}.",
            fr_long(
                meeting
                    .checked_sub_days(chrono::Days::new(required as u64 + 1))
                    .unwrap_or(meeting)
            )
        )
    });
    Explained::new(
        Convocation {
            jours_francs,
            required,
            enough,
        },
        why,
    )
}

/// A name as compared: lower case, without accents, spaces collapsed.
pub fn normalized(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        });
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The family name of « DU VERGER Laurence »: its words in capitals, else its first word.
pub fn family_name(name: &str) -> String {
    let capitals: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .collect();
    if capitals.is_empty() {
        normalized(name.split_whitespace().next().unwrap_or(""))
    } else {
        normalized(&capitals.join(" "))
    }
}

/// How `name` is found among `members`.
enum Found<'a> {
    Exactly,
    /// Spelt differently, with the same family name as one member only.
    Likely(&'a str),
    No,
}

fn find<'a>(name: &str, members: &'a [String]) -> Found<'a> {
    let n = normalized(name);
    if members.iter().any(|m| normalized(m) == n) {
        return Found::Exactly;
    }
    let family = family_name(name);
    let same: Vec<&String> = members
        .iter()
        .filter(|m| family_name(m) == family)
        .collect();
    match same.as_slice() {
        [one] => Found::Likely(one),
        _ => Found::No,
    }
}

/// D4: the proxies and who votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proxies {
    /// Members present plus members represented.
    pub votants: u32,
    /// What breaks L2121-20, one French sentence each: a holder with two proxies, a proxy
    /// held by an absent member or given by a present one.
    pub problems: Vec<String>,
    /// What to check without being a fault: a name spelt two ways, counts that do not add up
    /// to the members in office.
    pub notes: Vec<String>,
}

/// D4 (CGCT L2121-20): one written proxy per absent member, to a colleague present; a member
/// holds at most one proxy. Votants = present + represented.
pub fn d4_proxies(meeting: &Meeting) -> Explained<Proxies> {
    let present = &meeting.present;
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut holders: Vec<(String, Vec<&Proxy>)> = Vec::new();
    for p in &meeting.proxies {
        match find(&p.holder, present) {
            Found::Exactly => {}
            Found::Likely(member) => notes.push(format!(
                "« {} », qui porte le pouvoir de {}, est lu comme « {member} », présent (même nom de famille, orthographe différente) : à vérifier.",
                p.holder, p.giver
            )),
            Found::No => problems.push(format!(
                "{} donne pouvoir à {}, qui n'est pas dans la liste des présents : un pouvoir se donne à un collègue qui siège.",
                p.giver, p.holder
            )),
        }
        if let Found::Exactly = find(&p.giver, present) {
            problems.push(format!(
                "{} est présent et donne pourtant pouvoir à {}.",
                p.giver, p.holder
            ));
        }
        let key = match find(&p.holder, present) {
            Found::Likely(member) => normalized(member),
            _ => normalized(&p.holder),
        };
        match holders.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(p),
            None => holders.push((key, vec![p])),
        }
    }
    for (_, list) in holders.iter().filter(|(_, l)| l.len() > 1) {
        problems.push(format!(
            "{} porte {} pouvoirs ({}) : un conseiller ne peut porter qu'un seul pouvoir.",
            list[0].holder,
            list.len(),
            list.iter()
                .map(|p| p.giver.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let (n_present, n_proxies, n_absent) = (
        present.len() as u32,
        meeting.proxies.len() as u32,
        meeting.absent.len() as u32,
    );
    let votants = n_present + n_proxies;
    if let Some(in_office) = meeting.in_office {
        let counted = n_present + n_proxies + n_absent;
        if counted != in_office {
            notes.push(format!(
                "Présents ({n_present}), absents avec pouvoir ({n_proxies}) et sans pouvoir ({n_absent}) font {counted}, pour {in_office} conseillers en exercice : la liste est incomplète ou à corriger."
            ));
        }
    }
    let mut why = Explanation::new(Rule::D4, "Pouvoirs et votants", Clause::CgctL2121_20)
        .input("Présents", n_present.to_string())
        .input("Absents avec pouvoir", n_proxies.to_string())
        .input("Absents sans pouvoir", n_absent.to_string())
        .step(format!(
            "Votants = présents + représentés = {n_present} + {n_proxies} = {votants}."
        ))
        .step(if problems.is_empty() {
            "Chaque pouvoir est porté par un conseiller présent, qui n'en porte qu'un.".to_string()
        } else {
            problems.join(" ")
        });
    for n in &notes {
        why = why.step(n.clone());
    }
    Explained::new(
        Proxies {
            votants,
            problems,
            notes,
        },
        why,
    )
}

/// D4: the outcome of the vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteOutcome {
    /// For + against + abstentions equals the votants.
    pub adds_up: bool,
    /// Votes cast (suffrages exprimés): for + against.
    pub cast: u32,
    /// Whether the deliberation passes: more for than against (the absolute majority of the
    /// votes cast), or a tie decided by the chair's vote.
    pub passed: bool,
    /// Every votant voted for.
    pub unanimous: bool,
}

impl VoteOutcome {
    /// The vote holds: its counts add up and the deliberation passes.
    pub fn holds(&self) -> bool {
        self.adds_up && self.passed
    }
}

/// D4 (CGCT L2121-20): votes add up to the votants; a deliberation passes at the absolute
/// majority of the votes cast (abstentions and blank votes do not count); on a tie, the
/// chair's vote decides (except in a secret ballot).
pub fn d4_vote(vote: Vote, votants: u32) -> Explained<VoteOutcome> {
    let Vote {
        for_votes,
        against,
        abstentions,
    } = vote;
    let total = for_votes + against + abstentions;
    let adds_up = total == votants;
    let cast = for_votes + against;
    let tie = cast > 0 && for_votes == against;
    let passed = for_votes > against || tie;
    let unanimous = adds_up && against == 0 && abstentions == 0 && for_votes > 0;
    let mut why = Explanation::new(Rule::D4, "Vote de la délibération", Clause::CgctL2121_20)
        .input("Pour", for_votes.to_string())
        .input("Contre", against.to_string())
        .input("Abstentions", abstentions.to_string())
        .input("Votants", votants.to_string())
        .step(if adds_up {
            format!("{for_votes} + {against} + {abstentions} = {total} votants : le décompte est complet.")
        } else {
            format!(
                "{for_votes} + {against} + {abstentions} = {total}, pour {votants} votants : le décompte ne tombe pas juste."
            )
        })
        .step(format!(
            "Suffrages exprimés (les abstentions ne comptent pas) : {cast} ; majorité absolue : {}.",
            cast / 2 + 1
        ));
    why = why.step(if unanimous {
        "Tous les votants ont voté pour : adoptée à l'unanimité.".to_string()
    } else if tie {
        "Partage égal des voix : la voix du président est prépondérante (sauf scrutin secret) ; adoptée si le président a voté pour.".to_string()
    } else if passed {
        format!("{for_votes} pour > {against} contre : adoptée.")
    } else {
        format!("{for_votes} pour ≤ {against} contre : rejetée.")
    });
    Explained::new(
        VoteOutcome {
            adds_up,
            cast,
            passed,
            unanimous,
        },
        why,
    )
}

/// Every check of a meeting (D2–D4), as far as its data allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingCheck {
    /// D2, when the members in office are known.
    pub quorum: Option<Explained<Quorum>>,
    /// D3, when the convocation, the meeting and the population are known.
    pub convocation: Option<Explained<Convocation>>,
    /// D4, when members or proxies are listed.
    pub proxies: Option<Explained<Proxies>>,
    /// D4, when the vote is known.
    pub vote: Option<Explained<VoteOutcome>>,
}

impl MeetingCheck {
    /// Every fault found, one French sentence each, with its article.
    pub fn problems(&self) -> Vec<(Clause, String)> {
        let mut out = Vec::new();
        if let Some(q) = self.quorum.as_ref().filter(|q| !q.value.met) {
            out.push((
                q.why.main_clause(),
                format!(
                    "Quorum non atteint : {} présents pour {} requis ; une nouvelle séance, convoquée à trois jours au moins d'intervalle, délibère sans quorum.",
                    q.value.present, q.value.required
                ),
            ));
        }
        if let Some(c) = self.convocation.as_ref().filter(|c| !c.value.enough) {
            out.push((
                c.why.main_clause(),
                format!(
                    "Convocation trop tardive : {} jour{} franc{} pour {} requis.",
                    c.value.jours_francs,
                    plural(c.value.jours_francs),
                    plural(c.value.jours_francs),
                    c.value.required
                ),
            ));
        }
        if let Some(p) = &self.proxies {
            for problem in &p.value.problems {
                out.push((p.why.main_clause(), problem.clone()));
            }
        }
        if let Some(v) = &self.vote {
            if !v.value.adds_up {
                out.push((
                    v.why.main_clause(),
                    "Le décompte des voix (pour, contre, abstentions) ne fait pas le nombre de votants."
                        .into(),
                ));
            }
            if !v.value.passed {
                out.push((
                    v.why.main_clause(),
                    "La délibération n'obtient pas la majorité des suffrages exprimés.".into(),
                ));
            }
        }
        out
    }
}

/// D2–D4: every check the meeting's data allows.
pub fn d1_d4_meeting_check(meeting: &Meeting) -> MeetingCheck {
    let listed = !meeting.present.is_empty() || !meeting.proxies.is_empty();
    let proxies = listed.then(|| d4_proxies(meeting));
    let votants = proxies.as_ref().map(|p| p.value.votants);
    MeetingCheck {
        quorum: meeting
            .in_office
            .filter(|_| listed)
            .map(|n| d2_quorum(n, meeting.present.len() as u32)),
        convocation: match (meeting.convened, meeting.date, meeting.population) {
            (Some(c), Some(d), Some(p)) => Some(d3_convocation(c, d, p)),
            _ => None,
        },
        vote: meeting.vote.map(|v| {
            d4_vote(
                v,
                votants.unwrap_or(v.for_votes + v.against + v.abstentions),
            )
        }),
        proxies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn proxy(giver: &str, holder: &str) -> Proxy {
        Proxy {
            giver: giver.into(),
            holder: holder.into(),
        }
    }

    /// The seed's meeting: deliberation n° 2023-64 of Tassin la Demi-Lune.
    fn seed() -> Meeting {
        let present = "ACQUAVIVA Caroline, BERGERET Pierre, BLANCHIN Jacques, BOULAY Christine, BOURGOGNON Henri, BOUVIER Ghislaine, CADILLAT Michel, CHARMOT Pascal, CHARPENTIER Marie-Catherine, CHARRIER Isabelle, DU VERGER Laurence, ESSAYAN Martine, FAYOT Michel, GARRIGOU Christine, GAUTIER Éric, FERRAND Benoît, JANNIN Pierrick, JELEFF Michèle, JOLY Franck-Alain, JOURDAN Milouda, KALITA Matthieu, MARGERI Marielle, MONTOYA Marc-Antoine, PARENTHOEN Yannick, PECHARD Katia, PICHON Laetitia, RANC Julien, RIO Jean-Baptiste, SCHUTZ Claire";
        Meeting {
            date: Some(d("2023-11-09")),
            convened: Some(d("2023-11-03")),
            population: Some(22_000),
            in_office: Some(35),
            present: present.split(", ").map(String::from).collect(),
            proxies: vec![
                proxy("CONTREL Nathalie", "ACQUAVIVA Caroline"),
                proxy("CUZIN Sandrine", "KALITA Mathieu"),
                proxy("DE UFFREDI Sabrina", "JOURDAN Milouda"),
                proxy("GANDON Francis", "MONTOYA Marc-Antoine"),
                proxy("HACHANI Yohann", "RIO Jean-Baptiste"),
                proxy("HUSSON Serge", "JANNIN Pierrick"),
            ],
            secretary: Some("RIO Jean-Baptiste".into()),
            vote: Some(Vote {
                for_votes: 35,
                against: 0,
                abstentions: 0,
            }),
            ..Meeting::default()
        }
    }

    #[test]
    fn the_seed_meeting_gives_its_figures() {
        let check = d1_d4_meeting_check(&seed());
        let q = check.quorum.as_ref().unwrap();
        assert_eq!(
            q.value,
            Quorum {
                required: 18,
                present: 29,
                met: true
            }
        );
        let c = check.convocation.as_ref().unwrap();
        assert_eq!(c.value.jours_francs, 5);
        assert_eq!(c.value.required, 5);
        assert!(c.value.enough);
        assert!(c.why.steps[1].contains("du 04/11/2023 au 08/11/2023 : 5 jours francs"));
        let p = check.proxies.as_ref().unwrap();
        assert_eq!(p.value.votants, 35);
        assert!(p.value.problems.is_empty(), "{:?}", p.value.problems);
        // The seed spells the holder « KALITA Mathieu » and the member « KALITA Matthieu ».
        assert_eq!(p.value.notes.len(), 1, "{:?}", p.value.notes);
        assert!(p.value.notes[0].contains("« KALITA Matthieu »"));
        let v = check.vote.as_ref().unwrap();
        assert!(v.value.unanimous && v.value.passed && v.value.adds_up);
        assert!(check.problems().is_empty());
    }

    #[test]
    fn a_holder_with_two_proxies_is_refused() {
        let mut m = seed();
        m.proxies[1] = proxy("CUZIN Sandrine", "ACQUAVIVA Caroline");
        let check = d1_d4_meeting_check(&m);
        let problems = check.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, Clause::CgctL2121_20);
        assert!(problems[0].1.contains(
            "ACQUAVIVA Caroline porte 2 pouvoirs (CONTREL Nathalie, CUZIN Sandrine) : un conseiller ne peut porter qu'un seul pouvoir."
        ));
    }

    #[test]
    fn a_proxy_to_an_absent_member_or_from_a_present_one_is_refused() {
        let mut m = seed();
        m.proxies[0] = proxy("CONTREL Nathalie", "DUPONT Jean");
        m.proxies[2] = proxy("BLANCHIN Jacques", "JOURDAN Milouda");
        let problems = d1_d4_meeting_check(&m).problems();
        assert!(
            problems
                .iter()
                .any(|(_, p)| p.contains("DUPONT Jean, qui n'est pas dans la liste des présents")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|(_, p)| p.contains("BLANCHIN Jacques est présent et donne pourtant pouvoir"))
        );
    }

    #[test]
    fn a_convocation_four_days_before_in_a_commune_of_20000_is_refused() {
        // Sent on 05/11 for 09/11: 6, 7, 8 November, 3 jours francs < 5.
        let c = d3_convocation(d("2023-11-05"), d("2023-11-09"), 20_000);
        assert_eq!(c.value.jours_francs, 3);
        assert!(!c.value.enough);
        assert_eq!(c.why.main_clause(), Clause::CgctL2121_12);
        assert!(
            c.why
                .steps
                .last()
                .unwrap()
                .contains("au plus tard le vendredi 3 novembre 2023")
        );
        // The same delay is enough under 3 500 inhabitants.
        let small = d3_convocation(d("2023-11-05"), d("2023-11-09"), 3_499);
        assert!(small.value.enough);
        assert_eq!(small.why.main_clause(), Clause::CgctL2121_11);
    }

    #[test]
    fn quorum_and_votes_at_their_limits() {
        assert!(d2_quorum(35, 18).value.met);
        assert!(!d2_quorum(35, 17).value.met);
        assert_eq!(d2_quorum(34, 17).value.required, 18);
        let not_met = d2_quorum(35, 17);
        assert!(
            not_met
                .why
                .steps
                .last()
                .unwrap()
                .contains("sans condition de quorum")
        );
        // Abstentions do not count: 10 for, 9 against, 16 abstentions passes.
        let v = d4_vote(
            Vote {
                for_votes: 10,
                against: 9,
                abstentions: 16,
            },
            35,
        );
        assert!(v.value.passed && v.value.adds_up && !v.value.unanimous);
        assert_eq!(v.value.cast, 19);
        // A tie: the chair's vote decides.
        let tie = d4_vote(
            Vote {
                for_votes: 10,
                against: 10,
                abstentions: 15,
            },
            35,
        );
        assert!(tie.value.passed);
        assert!(
            tie.why
                .steps
                .last()
                .unwrap()
                .contains("voix du président est prépondérante")
        );
        let lost = d4_vote(
            Vote {
                for_votes: 9,
                against: 10,
                abstentions: 16,
            },
            35,
        );
        assert!(!lost.value.passed);
        let wrong = d4_vote(
            Vote {
                for_votes: 30,
                against: 0,
                abstentions: 0,
            },
            35,
        );
        assert!(!wrong.value.adds_up);
    }

    #[test]
    fn names_are_compared_without_case_or_accents() {
        assert_eq!(normalized("  GAUTIER  Éric "), "gautier eric");
        assert_eq!(family_name("DU VERGER Laurence"), "du verger");
        assert!(matches!(
            find("gautier eric", &["GAUTIER Éric".into()]),
            Found::Exactly
        ));
    }
}

//! D1–D4 — the council meeting that votes the deliberation: quorum and second convocation
//! (CGCT L2121-17), convocation in jours francs, urgency and the note de synthèse (L2121-11,
//! L2121-12), proxies, members who take no part and votes (L2121-20, L2121-21, L2131-11). Each
//! check says, in French and with its article, what holds and what does not.

use chrono::NaiveDate;

use super::clause::Clause;
use super::dates::{days_between, fr, fr_long};
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::scenario::{ChairVote, Meeting, Proxy, Vote};
use super::text::plural;

/// From this population on, the convocation is sent five jours francs before, not three (D3).
pub const LARGE_COMMUNE: u32 = 3_500;

/// In urgency, the mayor may shorten the convocation to one jour franc, no less (D3).
pub const URGENCY_DAYS: i64 = 1;

/// A second convocation after a meeting without quorum: « à trois jours au moins
/// d'intervalle » (L2121-17).
pub const SECOND_CONVOCATION_DAYS: i64 = 3;

/// The jours francs a convocation needs in a commune of `population` (D3): 3, or 5 from
/// [`LARGE_COMMUNE`] inhabitants.
pub fn convocation_days(population: u32) -> i64 {
    if population >= LARGE_COMMUNE { 5 } else { 3 }
}

/// The jours francs between `sent` and `meeting`: neither day counts.
pub fn jours_francs(sent: NaiveDate, meeting: NaiveDate) -> i64 {
    (days_between(sent, meeting) - 1).max(0)
}

/// D2: the quorum of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quorum {
    /// The members present needed: floor(in office / 2) + 1; `None` on a second convocation,
    /// which needs no quorum.
    pub required: Option<u32>,
    /// The members present.
    pub present: u32,
    /// Whether the council deliberates validly as far as the quorum goes.
    pub met: bool,
    /// Members present who take no part in the vote and leave the room: not counted
    /// (hypothèse prudente).
    pub leaving: u32,
}

/// D2 (CGCT L2121-17): the council deliberates validly only when the majority of its members
/// in office is present; proxies do not count. On a second convocation after a meeting
/// without quorum (`without_condition`), it deliberates without condition of quorum.
/// Members present who take no part in the vote (`leaving`) leave the room: they are not
/// counted for this item's quorum (hypothèse prudente, L2131-11).
pub fn d2_quorum(
    in_office: u32,
    present: u32,
    leaving: u32,
    without_condition: bool,
) -> Explained<Quorum> {
    let mut why = Explanation::new(Rule::D2, "Quorum de la séance", Clause::CgctL2121_17)
        .input("Conseillers en exercice", in_office.to_string())
        .input("Conseillers présents", present.to_string());
    let present = present.saturating_sub(leaving);
    if leaving > 0 {
        why = why.also(Clause::CgctL2131_11).step(format!(
            "{leaving} conseiller{} ne prenant pas part au vote quitte{} la salle pour cette affaire : {present} présent{} compté{} au quorum (hypothèse prudente).",
            plural(leaving),
            if leaving > 1 { "nt" } else { "" },
            plural(present),
            plural(present)
        ));
    }
    if without_condition {
        let why = why.step(
            "Séance sur seconde convocation, après une séance où le quorum n'était pas atteint : le conseil délibère valablement sans condition de quorum, sur les affaires inscrites à l'ordre du jour de la première séance.",
        );
        return Explained::new(
            Quorum {
                required: None,
                present,
                met: true,
                leaving,
            },
            why,
        );
    }
    let required = in_office / 2 + 1;
    let met = present >= required;
    let mut why = why
        .step(format!(
            "La majorité des {in_office} membres en exercice est de {required} (moitié arrondie à l'unité inférieure, plus un) ; les pouvoirs ne comptent pas. Le quorum s'apprécie à l'appel de l'affaire."
        ))
        .step(if met {
            format!("{present} présents ≥ {required} : le quorum est atteint.")
        } else {
            format!("{present} présents < {required} : le quorum n'est pas atteint ; le conseil ne peut pas délibérer.")
        });
    if !met {
        why = why.step(
            "Le conseil doit être convoqué à nouveau, à trois jours au moins d'intervalle ; il délibère alors sans condition de quorum (seconde convocation à saisir).",
        );
    }
    Explained::new(
        Quorum {
            required: Some(required),
            present,
            met,
            leaving,
        },
        why,
    )
}

/// D2: a meeting on a second convocation, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondConvocation {
    /// The day of the meeting without quorum, when entered.
    pub failed_on: Option<NaiveDate>,
    /// Sent in urgency under three jours francs: the quorum is required again.
    pub quorum_again: bool,
    /// What breaks L2121-17, one French sentence each.
    pub problems: Vec<String>,
    /// What is missing to check it.
    pub notes: Vec<String>,
}

/// D2 (CGCT L2121-17 al. 2): a second convocation is sent after the meeting without quorum,
/// at least three jours francs before the new meeting (five from 3 500 inhabitants,
/// hypothèse prudente, checked by D3); in urgency under three jours francs, the quorum is
/// required again. `None` when the meeting is not a second convocation.
pub fn d2_second_convocation(meeting: &Meeting) -> Option<Explained<SecondConvocation>> {
    if !meeting.second_convocation {
        return None;
    }
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut why = Explanation::new(
        Rule::D2,
        "Séance sur seconde convocation",
        Clause::CgctL2121_17,
    )
    .step("Après une séance sans quorum, le conseil est convoqué à nouveau « à trois jours au moins d'intervalle » : trois jours francs au moins de l'envoi de la nouvelle convocation à la séance.");
    if let Some(failed) = meeting.quorum_failed_on {
        why = why.input("Séance sans quorum", fr(failed));
    }
    match (meeting.quorum_failed_on, meeting.convened) {
        (None, _) => notes.push(
            "Séance sans quorum : date à saisir, pour vérifier que la nouvelle convocation a été envoyée après elle.".to_string(),
        ),
        (Some(failed), Some(convened)) if convened < failed => problems.push(format!(
            "La nouvelle convocation ({}) précède la séance sans quorum ({}) : elle doit être envoyée après celle-ci.",
            fr(convened),
            fr(failed)
        )),
        _ => {}
    }
    if let (Some(failed), Some(date)) = (meeting.quorum_failed_on, meeting.date)
        && date <= failed
    {
        problems.push(format!(
            "La séance du {} ne peut pas suivre une séance sans quorum du {}.",
            fr(date),
            fr(failed)
        ));
    }
    let mut quorum_again = false;
    if let (Some(convened), Some(date)) = (meeting.convened, meeting.date) {
        let jf = jours_francs(convened, date);
        if jf < 3 {
            if meeting.urgency {
                quorum_again = true;
                why = why.step(format!(
                    "{jf} jour{} franc{} en urgence, moins de trois : le quorum est de nouveau requis.",
                    plural(jf),
                    plural(jf)
                ));
            } else {
                problems.push(format!(
                    "Seconde convocation envoyée {jf} jour{} franc{} avant la séance : il en faut trois au moins (L2121-17).",
                    plural(jf),
                    plural(jf)
                ));
            }
        }
    }
    if !quorum_again {
        why = why.step("Le conseil délibère alors valablement sans condition de quorum, sur les affaires du premier ordre du jour.");
    }
    for p in problems.iter().chain(&notes) {
        why = why.step(p.clone());
    }
    why = why.assume(assumptions::SECOND_CONVOCATION_DELAY);
    Some(Explained::new(
        SecondConvocation {
            failed_on: meeting.quorum_failed_on,
            quorum_again,
            problems,
            notes,
        },
        why,
    ))
}

/// D3: the convocation's delay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Convocation {
    /// Jours francs between the sending and the meeting (neither day counts).
    pub jours_francs: i64,
    /// Jours francs required: 3, or 5 from [`LARGE_COMMUNE`] inhabitants; 1 in urgency.
    pub required: i64,
    /// Whether the convocation was sent early enough.
    pub enough: bool,
    /// The mayor shortened the delay for urgency.
    pub urgency: bool,
    /// A second convocation in time by L2121-17 but under the cautious five jours francs of a
    /// commune of 3 500 inhabitants or more (hypothèse): to check, not a fault.
    pub cautious_short: bool,
}

/// D3 (CGCT L2121-11, L2121-12): the convocation is sent at least three jours francs before
/// the meeting under 3 500 inhabitants, five from 3 500 on; in urgency, one jour franc at
/// least, the council pronouncing on the urgency at the opening. Neither the day of sending
/// nor the day of the meeting counts.
pub fn d3_convocation(
    convened: NaiveDate,
    meeting: NaiveDate,
    population: u32,
    urgency: Option<Option<&str>>,
    second: bool,
) -> Explained<Convocation> {
    let jours_francs = jours_francs(convened, meeting);
    let ordinary = convocation_days(population);
    // A second convocation needs three days (L2121-17); five from 3 500 is a cautious
    // reading, said rather than refused.
    let required = match (urgency.is_some(), second) {
        (true, _) => URGENCY_DAYS,
        (false, true) => SECOND_CONVOCATION_DAYS.min(ordinary),
        (false, false) => ordinary,
    };
    let clause = if population >= LARGE_COMMUNE {
        Clause::CgctL2121_12
    } else {
        Clause::CgctL2121_11
    };
    let enough = jours_francs >= required;
    let mut why = Explanation::new(Rule::D3, "Délai de convocation", clause)
        .input("Convocation envoyée le", fr(convened))
        .input("Séance", fr(meeting))
        .input("Population", population.to_string())
        .step(format!(
            "{} habitants : {} jours francs au moins ({}).",
            population,
            ordinary,
            if population >= LARGE_COMMUNE {
                "3 500 habitants et plus"
            } else {
                "moins de 3 500 habitants"
            }
        ));
    if let Some(reason) = urgency {
        why = why.step(format!(
            "Urgence : le maire peut abréger le délai, sans descendre sous un jour franc ; il en rend compte dès l'ouverture de la séance, le conseil se prononce sur l'urgence et peut renvoyer l'affaire à une séance ultérieure ; le juge vérifie que l'urgence était réelle. {}",
            match reason {
                Some(r) => format!("Motif : {r}."),
                None => "Motif de l'urgence : à préciser.".to_string(),
            }
        ));
    }
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
    let cautious_short = enough && jours_francs < ordinary && urgency.is_none();
    if second {
        why = why.step(format!(
            "Seconde convocation : trois jours francs au moins (L2121-17){}.",
            if ordinary > SECOND_CONVOCATION_DAYS {
                " ; cinq à partir de 3 500 habitants selon une lecture prudente (hypothèse)"
            } else {
                ""
            }
        ));
    }
    why = why.step(if cautious_short {
        format!("{jours_francs} ≥ {required} : dans le délai de la seconde convocation ; moins que les {ordinary} jours francs de la lecture prudente (hypothèse), à vérifier.")
    } else if enough {
        format!("{jours_francs} ≥ {required} : la convocation est dans les délais.")
    } else {
        format!(
            "{jours_francs} < {required} : convocation trop tardive ; il fallait l'envoyer au plus tard le {}.",
            fr_long(
                meeting
                    .checked_sub_days(chrono::Days::new(required.unsigned_abs() + 1))
                    .unwrap_or(meeting)
            )
        )
    });
    Explained::new(
        Convocation {
            jours_francs,
            required,
            enough,
            urgency: urgency.is_some(),
            cautious_short,
        },
        why,
    )
}

/// D3: the note explicative de synthèse, from 3 500 inhabitants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SynthesisNote {
    /// The scenario says it went with the convocation.
    Sent,
    /// The scenario says it was missing: a fault.
    Missing,
    /// The scenario does not say: a reminder.
    Unknown,
}

/// D3 (CGCT L2121-12 al. 1): from 3 500 inhabitants, a note explicative de synthèse goes with
/// the convocation; `None` under 3 500 inhabitants.
pub fn d3_synthesis_note(population: u32, given: Option<bool>) -> Option<Explained<SynthesisNote>> {
    (population >= LARGE_COMMUNE).then(|| {
        let value = match given {
            Some(true) => SynthesisNote::Sent,
            Some(false) => SynthesisNote::Missing,
            None => SynthesisNote::Unknown,
        };
        let why = Explanation::new(
            Rule::D3,
            "Note explicative de synthèse",
            Clause::CgctL2121_12,
        )
        .input("Population", population.to_string())
        .step("À partir de 3 500 habitants, une note explicative de synthèse sur les affaires soumises à délibération est adressée avec la convocation.")
        .step(match value {
            SynthesisNote::Sent => "La note a été jointe à la convocation.",
            SynthesisNote::Missing => "La note n'a pas été jointe : la délibération est exposée à l'annulation.",
            SynthesisNote::Unknown => "Rappel : vérifier que la note a été jointe à la convocation.",
        });
        Explained::new(value, why)
    })
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

/// A person's name as the minutes write it, split in two: the family name, its words in
/// capitals (« DU VERGER »), and the given names, the others (« Laurence »). The one rule
/// by which names are split: the meeting's checks, the act and the link without personal
/// data use it.
pub fn name_parts(name: &str) -> (Vec<&str>, Vec<&str>) {
    name.split_whitespace()
        .partition(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
}

/// The family name of « DU VERGER Laurence », as compared: its words in capitals, else its
/// first word.
pub fn family_name(name: &str) -> String {
    let (family, _) = name_parts(name);
    if family.is_empty() {
        normalized(name.split_whitespace().next().unwrap_or(""))
    } else {
        normalized(&family.join(" "))
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

/// Why a proxy is not counted (D4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProxyIssue {
    /// A holder's second proxy (L2121-20: « un seul pouvoir »): irregular.
    Second,
    /// Its holder is not among the members present: not used.
    HolderAbsent,
    /// Its giver is present and votes in person: not used.
    GiverPresent,
    /// Its holder takes no part in the vote (L2131-11): it drops with them.
    HolderNotVoting,
    /// Its giver takes no part in the vote (L2131-11).
    GiverNotVoting,
}

impl ProxyIssue {
    /// The report's word: « irrégulier » or « non utilisé ».
    pub fn code(self) -> &'static str {
        match self {
            ProxyIssue::Second => "irrégulier",
            _ => "non utilisé",
        }
    }

    /// Why, in a few words for the act: « porteur absent ».
    pub fn reason(self) -> &'static str {
        match self {
            ProxyIssue::Second => "second pouvoir du même porteur",
            ProxyIssue::HolderAbsent => "porteur absent",
            ProxyIssue::GiverPresent => "mandant présent",
            ProxyIssue::HolderNotVoting => "porteur ne prenant pas part au vote",
            ProxyIssue::GiverNotVoting => "mandant ne prenant pas part au vote",
        }
    }

    /// Whether it breaks L2121-20 (an irregular proxy), rather than just not being used.
    pub fn irregular(self) -> bool {
        self == ProxyIssue::Second
    }
}

/// A proxy not counted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnusedProxy {
    /// The member who gave it.
    pub giver: String,
    /// The member who holds it.
    pub holder: String,
    /// Why it is not counted.
    pub issue: ProxyIssue,
}

impl UnusedProxy {
    /// One French sentence: « CUZIN Sandrine donne pouvoir à ACQUAVIVA Caroline : second
    /// pouvoir du même porteur, irrégulier (un seul pouvoir par conseiller) ».
    pub fn sentence(&self) -> String {
        let why = match self.issue {
            ProxyIssue::Second => {
                "second pouvoir du même porteur, irrégulier (un conseiller ne peut porter qu'un seul pouvoir) ; non compté"
            }
            ProxyIssue::HolderAbsent => {
                "le porteur n'est pas parmi les présents ; non utilisé, non compté"
            }
            ProxyIssue::GiverPresent => {
                "le mandant est présent et vote lui-même ; non utilisé, non compté"
            }
            ProxyIssue::HolderNotVoting => {
                "le porteur ne prend pas part au vote ; le pouvoir tombe avec lui"
            }
            ProxyIssue::GiverNotVoting => "le mandant ne prend pas part au vote ; non compté",
        };
        format!("{} {} {} : {why}.", self.giver, Proxy::WORDS, self.holder)
    }
}

/// D4: the proxies and who votes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proxies {
    /// Members present and voting plus the proxies used.
    pub votants: u32,
    /// The proxies counted.
    pub used: u32,
    /// The proxies counted, each holder written as the list of the present writes them.
    pub used_proxies: Vec<Proxy>,
    /// The proxies not counted, in the list's order, with why.
    pub unused: Vec<UnusedProxy>,
    /// Members present who take no part in the vote (L2131-11).
    pub not_voting_present: u32,
    /// What breaks the rules, one French sentence each: an irregular proxy, a chair or a
    /// secretary who is not among the present.
    pub problems: Vec<String>,
    /// What to check without being a fault: a name spelt two ways, counts that do not add up
    /// to the members in office, a proxy or a member not voting found in no list.
    pub notes: Vec<String>,
}

impl Proxies {
    /// How many proxies are irregular (not only unused).
    pub fn irregular(&self) -> u32 {
        self.unused.iter().filter(|u| u.issue.irregular()).count() as u32
    }
}

/// D4 (CGCT L2121-20, L2131-11): one written proxy per absent member, to a colleague present;
/// a member holds at most one proxy (the later ones are irregular, hypothèse); a proxy whose
/// holder is absent or whose giver is present is not used; members who take no part in the
/// vote are not votants, and a proxy they hold drops with them. Votants = present + used
/// proxies − not voting. The chair and the secretary must be among the present.
pub fn d4_proxies(meeting: &Meeting) -> Explained<Proxies> {
    let present = &meeting.present;
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let not_voting = |name: &str| meeting.not_voting.iter().any(|n| same_person(n, name));
    let mut unused = Vec::new();
    let mut holders: Vec<String> = Vec::new();
    let mut used = 0u32;
    let mut used_proxies = Vec::new();
    for p in &meeting.proxies {
        let holder_found = find(&p.holder, present);
        if let Found::Likely(member) = holder_found {
            notes.push(format!(
                "« {} », qui porte le pouvoir de {}, est lu comme « {member} », présent (même nom de famille, orthographe différente) : à vérifier.",
                p.holder, p.giver
            ));
        }
        let issue = if matches!(holder_found, Found::No) {
            let listed = meeting.absent.iter().any(|a| same_person(a, &p.holder))
                || meeting
                    .proxies
                    .iter()
                    .any(|q| same_person(&q.giver, &p.holder));
            if !listed {
                notes.push(format!(
                    "{} n'est dans aucune liste (présents, absents) : si ce n'est pas un conseiller, le pouvoir de {} est irrégulier.",
                    p.holder, p.giver
                ));
            }
            Some(ProxyIssue::HolderAbsent)
        } else if matches!(find(&p.giver, present), Found::Exactly) {
            Some(ProxyIssue::GiverPresent)
        } else if not_voting(&p.holder) {
            Some(ProxyIssue::HolderNotVoting)
        } else if not_voting(&p.giver) {
            Some(ProxyIssue::GiverNotVoting)
        } else {
            let key = match holder_found {
                Found::Likely(member) => normalized(member),
                _ => normalized(&p.holder),
            };
            if holders.contains(&key) {
                Some(ProxyIssue::Second)
            } else {
                holders.push(key);
                None
            }
        };
        match issue {
            Some(issue) => unused.push(UnusedProxy {
                giver: p.giver.clone(),
                holder: p.holder.clone(),
                issue,
            }),
            None => {
                used += 1;
                used_proxies.push(Proxy {
                    giver: p.giver.clone(),
                    holder: match holder_found {
                        Found::Likely(member) => member.to_string(),
                        _ => p.holder.clone(),
                    },
                });
            }
        }
    }
    for u in unused.iter().filter(|u| u.issue.irregular()) {
        problems.push(u.sentence());
    }
    // Only counts for who attends: the members not voting are taken as present (hypothèse).
    let by_count_only = present.is_empty() && meeting.present_count.is_some();
    let mut not_voting_present = 0u32;
    for name in &meeting.not_voting {
        if present.iter().any(|m| same_person(m, name))
            || (by_count_only && !meeting.proxies.iter().any(|p| same_person(&p.giver, name)))
        {
            not_voting_present += 1;
        } else if !meeting.proxies.iter().any(|p| same_person(&p.giver, name)) {
            notes.push(format!(
                "{name}, qui ne prend pas part au vote, n'est ni parmi les présents ni parmi les absents avec pouvoir : à vérifier."
            ));
        }
    }
    if !present.is_empty() {
        for (role, name) in [
            ("Le président de séance", &meeting.chair),
            ("Le secrétaire de séance", &meeting.secretary),
        ] {
            if let Some(name) = name
                && matches!(find(name, present), Found::No)
            {
                problems.push(format!(
                    "{role}, {name}, n'est pas dans la liste des présents : il doit siéger."
                ));
            }
        }
    }
    // Names given with a count are checked against it. The present and the absent without
    // proxy: the count is kept. The proxies: those named are counted, each checked (D4).
    for (what, listed, count, kept) in [
        (
            "des présents",
            present.len(),
            meeting.present_count,
            "le nombre indiqué est retenu",
        ),
        (
            "des absents avec pouvoir",
            meeting.proxies.len(),
            meeting.proxies_count,
            "les pouvoirs nommés sont comptés, chacun vérifié",
        ),
        (
            "des absents sans pouvoir",
            meeting.absent.len(),
            meeting.absent_count,
            "le nombre indiqué est retenu",
        ),
    ] {
        if let Some(count) = count
            && listed > 0
            && listed != count as usize
        {
            problems.push(format!(
                "La liste {what} compte {listed} nom{} pour {count} indiqué{} : l'une ou l'autre est à corriger ; {kept}.",
                if listed > 1 { "s" } else { "" },
                if count > 1 { "s" } else { "" }
            ));
        }
    }
    let n_present = meeting.n_present();
    // Proxies by count only: each taken as held by a member present who votes and holds no
    // other (hypothèse, the names to check it are not known); never more than those members.
    let mut by_count = None;
    if meeting.proxies.is_empty()
        && let Some(k) = meeting.proxies_count
    {
        let holders = n_present.saturating_sub(not_voting_present);
        if k > holders {
            problems.push(format!(
                "{k} pouvoirs pour {holders} conseiller{} présent{} qui vote{} : chacun n'en porte qu'un (CGCT L2121-20) ; {} ne sont pas comptés.",
                plural(holders),
                plural(holders),
                if holders > 1 { "nt" } else { "" },
                k - holders
            ));
        }
        used = k.min(holders);
        by_count = Some(k);
    }
    let (n_proxies, n_absent) = (
        meeting
            .proxies_count
            .unwrap_or(meeting.proxies.len() as u32),
        meeting.absent_count.unwrap_or(meeting.absent.len() as u32),
    );
    let votants = n_present
        .saturating_sub(not_voting_present)
        .saturating_add(used);
    if let Some(in_office) = meeting.in_office {
        // A giver who is present is counted among the present, not among the absents.
        let absent_giving = match by_count.or(meeting.proxies_count) {
            Some(k) => k,
            None => meeting
                .proxies
                .iter()
                .filter(|p| !matches!(find(&p.giver, present), Found::Exactly))
                .count() as u32,
        };
        let counted = u64::from(n_present) + u64::from(absent_giving) + u64::from(n_absent);
        let by_counts = meeting.present_count.is_some()
            || meeting.proxies_count.is_some()
            || meeting.absent_count.is_some();
        let missing = u64::from(in_office).saturating_sub(counted);
        if by_counts && missing > 0 {
            let s = if missing > 1 { "s" } else { "" };
            notes.push(format!(
                "Présents ({n_present}), absents avec pouvoir ({absent_giving}) et sans pouvoir ({n_absent}) font {counted} : {missing} conseiller{s} en exercice sur {in_office} non compté{s} ; saisir le nombre d'absents sans pouvoir."
            ));
        } else if counted != u64::from(in_office) {
            notes.push(format!(
                "Présents ({n_present}), absents avec pouvoir ({absent_giving}) et sans pouvoir ({n_absent}) font {counted}, pour {in_office} conseillers en exercice : la liste est incomplète ou à corriger."
            ));
        }
    }
    let mut why = Explanation::new(Rule::D4, "Pouvoirs et votants", Clause::CgctL2121_20)
        .input("Présents", n_present.to_string())
        .input("Pouvoirs", n_proxies.to_string())
        .input("Absents sans pouvoir", n_absent.to_string())
        .input(
            "Ne prenant pas part au vote",
            meeting.not_voting.len().to_string(),
        );
    if !meeting.not_voting.is_empty() {
        why = why.also(Clause::CgctL2131_11);
    }
    why = why.step(format!(
        "Votants = présents − présents ne prenant pas part au vote + pouvoirs utilisés = {n_present} − {not_voting_present} + {used} = {votants}."
    ));
    if by_count_only {
        why = why.step(format!(
            "{n_present} présents d'après le nombre indiqué ; sans les noms, la présence du président et du secrétaire de séance n'est pas vérifiée."
        ));
        if !meeting.not_voting.is_empty() {
            why = why.assume(assumptions::NOT_VOTING_PRESENT);
        }
    }
    why = if let Some(k) = by_count {
        why.step(format!(
            "{k} pouvoir{} d'après le nombre indiqué, {used} compté{}.",
            plural(k),
            plural(used)
        ))
        .assume(assumptions::PROXIES_BY_COUNT)
    } else if unused.is_empty() {
        why.step("Chaque pouvoir est porté par un conseiller présent, qui n'en porte qu'un.")
    } else {
        unused.iter().fold(why, |why, u| {
            why.step(format!("Non compté : {}", u.sentence()))
        })
    };
    if unused.iter().any(|u| u.issue == ProxyIssue::Second) {
        why = why.assume(assumptions::SECOND_PROXY);
    }
    let proxy_words = format!(" {} ", Proxy::WORDS);
    for p in problems.iter().filter(|p| !p.contains(&proxy_words)) {
        why = why.step(p.clone());
    }
    for n in &notes {
        why = why.step(n.clone());
    }
    Explained::new(
        Proxies {
            votants,
            used,
            used_proxies,
            unused,
            not_voting_present,
            problems,
            notes,
        },
        why,
    )
}

/// Whether `a` and `b` name the same person (case, accents and spaces aside).
fn same_person(a: &str, b: &str) -> bool {
    normalized(a) == normalized(b)
}

/// D4: the outcome of the vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteOutcome {
    /// For + against + abstentions equals the votants.
    pub adds_up: bool,
    /// The votes over the votants are those of proxies not counted: the count is to correct,
    /// and the result holds only when it is the same whichever way they went.
    pub excess_explained: bool,
    /// Votes cast (suffrages exprimés): for + against.
    pub cast: u64,
    /// Whether the deliberation passes: `Some(true)` for more for than against, or a tie the
    /// chair's vote for decides; `Some(false)` when rejected; `None` for a tie whose chair's
    /// vote is unknown (« à déterminer »).
    pub passed: Option<bool>,
    /// For equals against.
    pub tie: bool,
    /// Every votant voted for.
    pub unanimous: bool,
    /// Votes under proxies that do not count seem to be in the counts, and deducting them
    /// from the votes for would change the result.
    pub at_risk: bool,
}

impl VoteOutcome {
    /// The vote holds: its counts add up and the deliberation passes.
    pub fn holds(&self) -> bool {
        (self.adds_up || self.excess_explained) && self.passed == Some(true)
    }
}

/// How a vote is taken: the tie-break needs the ballot and the chair's vote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ballot {
    /// A secret ballot (L2121-21): a tie is rejected.
    pub secret: bool,
    /// The chair's own vote, when known.
    pub chair_vote: Option<ChairVote>,
    /// The chair takes no part in the vote (L2131-11): no casting vote.
    pub chair_not_voting: bool,
    /// The council could not deliberate (no quorum): no vote is valid.
    pub no_quorum: bool,
}

/// D4 (CGCT L2121-20, L2121-21): votes add up to the votants; a deliberation passes at the
/// absolute majority of the votes cast (abstentions and blank votes do not count): more for
/// than against passes, fewer is rejected. On a tie: rejected in a secret ballot; otherwise the
/// chair's vote decides (for passes; against or abstention rejects); unknown, it is to be
/// determined. `excluded` proxies that do not count: when the counts seem to include them,
/// the result is at risk only if deducting them changes it.
pub fn d4_vote(vote: Vote, votants: u32, excluded: u32, ballot: Ballot) -> Explained<VoteOutcome> {
    let Vote {
        for_votes,
        against,
        abstentions,
    } = vote;
    let (f, a, ab) = (
        u64::from(for_votes),
        u64::from(against),
        u64::from(abstentions),
    );
    let total = f + a + ab;
    let adds_up = total == u64::from(votants);
    let cast = f + a;
    let tie = f == a;
    let outcome = |f: u64, a: u64| {
        if f > a {
            Some(true)
        } else if f < a || f + a == 0 || ballot.secret || ballot.chair_not_voting {
            Some(false)
        } else {
            ballot.chair_vote.map(|c| c == ChairVote::For)
        }
    };
    let recorded = outcome(f, a);
    let unanimous = adds_up && a == 0 && ab == 0 && f > 0;
    // Votes over the votants that proxies not counted can explain: each could have been for or
    // against; the result holds only if it is the same either way.
    let excess = total.saturating_sub(u64::from(votants));
    let counted_excluded = excess > 0 && excess <= u64::from(excluded);
    let at_risk = counted_excluded
        && (outcome(f.saturating_sub(excess), a) != recorded
            || outcome(f, a.saturating_sub(excess)) != recorded);
    let passed = if ballot.no_quorum {
        Some(false)
    } else if at_risk {
        None
    } else {
        recorded
    };
    let mut why = Explanation::new(Rule::D4, "Vote de la délibération", Clause::CgctL2121_20)
        .input("Pour", for_votes.to_string())
        .input("Contre", against.to_string())
        .input("Abstentions", abstentions.to_string())
        .input("Votants", votants.to_string())
        .step(if adds_up {
            format!("{f} + {a} + {ab} = {total} votants : le décompte est complet.")
        } else if counted_excluded {
            format!(
                "{f} + {a} + {ab} = {total}, pour {votants} votants : {excess} voix de pouvoir{} non compté{} semble{} incluse{} dans le décompte ; elles sont à déduire.",
                plural(excess),
                plural(excess),
                if excess > 1 { "nt" } else { "" },
                plural(excess)
            )
        } else {
            format!("{f} + {a} + {ab} = {total}, pour {votants} votants : le décompte ne tombe pas juste.")
        })
        .step(format!(
            "Suffrages exprimés (les abstentions ne comptent pas) : {cast} ; majorité absolue : {}.",
            cast / 2 + 1
        ));
    if counted_excluded {
        why = why.step(if at_risk {
            format!("Selon que ces {excess} voix allaient pour ou contre, le résultat changerait : il est à déterminer, et la délibération est exposée à l'annulation.")
        } else {
            format!("Qu'on déduise ces {excess} voix des voix pour ou des voix contre, le résultat ne change pas.")
        });
    }
    if ballot.no_quorum {
        why = why.step(
            "Le quorum n'étant pas atteint, le conseil ne pouvait pas délibérer : aucun vote de cette séance n'est valable.",
        );
    }
    why = why.step(if ballot.no_quorum {
        "Aucune décision : faute de quorum, le vote n'a pas de valeur.".to_string()
    } else if at_risk {
        "Résultat à déterminer : selon que les voix des pouvoirs non retenus allaient pour ou contre, la proposition serait adoptée ou non.".to_string()
    } else if unanimous {
        "Tous les votants ont voté pour : adoptée à l'unanimité.".to_string()
    } else if cast == 0 {
        "Aucun suffrage exprimé : la proposition n'est pas adoptée.".to_string()
    } else if f > a {
        format!("{f} pour > {a} contre : adoptée.")
    } else if f < a {
        format!("{f} pour < {a} contre : rejetée.")
    } else if ballot.secret {
        format!("Partage égal des voix ({f} pour, {a} contre) au scrutin secret : la voix du président n'est pas prépondérante, la proposition est rejetée.")
    } else if ballot.chair_not_voting {
        format!("Partage égal des voix ({f} pour, {a} contre) : le président ne prend pas part au vote et n'a donc pas de voix prépondérante ; la proposition est rejetée.")
    } else {
        match ballot.chair_vote {
            Some(ChairVote::For) => format!("Partage égal des voix ({f} pour, {a} contre) : la voix du président, qui a voté pour, est prépondérante ; adoptée."),
            Some(c) => format!("Partage égal des voix ({f} pour, {a} contre) : le président a voté {} ; sa voix ne départage pas en faveur de la proposition, rejetée.", match c { ChairVote::Abstention => "l'abstention (il n'a pas de voix prépondérante)", _ => c.label() }),
            None => format!("Partage égal des voix ({f} pour, {a} contre) : la voix du président est prépondérante ; son vote n'est pas saisi, le résultat est à déterminer."),
        }
    });
    if ballot.secret {
        why = why.also(Clause::CgctL2121_21);
    }
    Explained::new(
        VoteOutcome {
            adds_up,
            excess_explained: counted_excluded,
            cast,
            passed,
            tie,
            unanimous,
            at_risk,
        },
        why,
    )
}

/// Every check of a meeting (D2–D4), as far as its data allows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingCheck {
    /// D1 (L2121-14): who presides, when it is wrong (the Maire present while another chairs,
    /// a chair who takes no part in the vote and leaves the room).
    pub presiding: Option<Explained<String>>,
    /// D2, on a second convocation.
    pub second_convocation: Option<Explained<SecondConvocation>>,
    /// D2, when the members in office are known.
    pub quorum: Option<Explained<Quorum>>,
    /// D3, when the convocation, the meeting and the population are known.
    pub convocation: Option<Explained<Convocation>>,
    /// D3, from 3 500 inhabitants.
    pub synthesis_note: Option<Explained<SynthesisNote>>,
    /// D4, when members or proxies are listed.
    pub proxies: Option<Explained<Proxies>>,
    /// The votants, when what is typed tells them: never by counts of the present alone
    /// (the proxies, neither named nor counted, are unknown, not zero).
    pub votants: Option<u32>,
    /// D4, when the vote is known.
    pub vote: Option<Explained<VoteOutcome>>,
}

impl MeetingCheck {
    /// Whether any check could be made.
    pub fn any(&self) -> bool {
        self.presiding.is_some()
            || self.second_convocation.is_some()
            || self.quorum.is_some()
            || self.convocation.is_some()
            || self.synthesis_note.is_some()
            || self.proxies.is_some()
            || self.vote.is_some()
    }

    /// Whether the council could deliberate: not without quorum on a first convocation.
    pub fn deliberated(&self) -> bool {
        self.quorum.as_ref().is_none_or(|q| q.value.met)
    }

    /// Whether the vote passed: `None` when unknown or undetermined.
    pub fn passed(&self) -> Option<bool> {
        self.vote.as_ref().and_then(|v| v.value.passed)
    }

    /// Every fault found, one French sentence each, with its article.
    pub fn problems(&self) -> Vec<(Clause, String)> {
        let mut out = Vec::new();
        if let Some(p) = &self.presiding {
            out.push((p.why.main_clause(), p.value.clone()));
        }
        if let Some(s) = &self.second_convocation {
            for p in &s.value.problems {
                out.push((s.why.main_clause(), p.clone()));
            }
        }
        if let Some(q) = self.quorum.as_ref().filter(|q| !q.value.met) {
            out.push((
                q.why.main_clause(),
                format!(
                    "Quorum non atteint : {} présents pour {} requis ; le conseil ne peut pas délibérer : une nouvelle séance, convoquée à trois jours au moins d'intervalle, délibère sans quorum.",
                    q.value.present,
                    q.value.required.unwrap_or_default()
                ),
            ));
        }
        if let Some(c) = self.convocation.as_ref().filter(|c| !c.value.enough) {
            out.push((
                c.why.main_clause(),
                format!(
                    "Convocation trop tardive : {} jour{} franc{} pour {} requis{}.",
                    c.value.jours_francs,
                    plural(c.value.jours_francs),
                    plural(c.value.jours_francs),
                    c.value.required,
                    if c.value.urgency { " en urgence" } else { "" }
                ),
            ));
        }
        if let Some(n) = self
            .synthesis_note
            .as_ref()
            .filter(|n| n.value == SynthesisNote::Missing)
        {
            out.push((
                n.why.main_clause(),
                "La note explicative de synthèse n'a pas été jointe à la convocation (3 500 habitants et plus).".into(),
            ));
        }
        if let Some(p) = &self.proxies {
            for problem in &p.value.problems {
                out.push((p.why.main_clause(), problem.clone()));
            }
        }
        if let Some(v) = &self.vote {
            if v.value.excess_explained {
                out.push((
                    v.why.main_clause(),
                    "Le décompte des voix compte des pouvoirs non retenus : à corriger.".into(),
                ));
            } else if !v.value.adds_up {
                out.push((
                    v.why.main_clause(),
                    "Le décompte des voix (pour, contre, abstentions) ne fait pas le nombre de votants."
                        .into(),
                ));
            }
            if v.value.at_risk {
                out.push((
                    v.why.main_clause(),
                    "Des voix portées par des pouvoirs non valables changent le résultat : la délibération est exposée à l'annulation.".into(),
                ));
            }
            let no_quorum = self.quorum.as_ref().is_some_and(|q| !q.value.met);
            match v.value.passed {
                _ if no_quorum => {}
                Some(false) => out.push((
                    v.why.main_clause(),
                    "La proposition n'obtient pas la majorité des suffrages exprimés : elle est rejetée.".into(),
                )),
                None if v.value.tie && !v.value.at_risk => out.push((
                    v.why.main_clause(),
                    "Partage égal des voix : le vote du président, prépondérant, n'est pas saisi ; le résultat est à déterminer.".into(),
                )),
                None | Some(true) => {}
            }
        }
        out
    }
}

/// One line of the meeting's checks, as the page and the text report show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckLine {
    /// The page element's id: `quorum`, `convocation`, `votants`, `vote`…; `None` for a
    /// note, of which there may be several.
    pub id: Option<&'static str>,
    /// `Some(true)` when it holds, `Some(false)` when it does not; `None` for a note to check.
    pub ok: Option<bool>,
    /// What it found, one French paragraph.
    pub text: String,
    /// Its explanation, with its article.
    pub why: Explanation,
}

impl MeetingCheck {
    /// Every check as a line, in the order of D2–D4, with the notes to check after the line
    /// they belong to.
    pub fn lines(&self) -> Vec<CheckLine> {
        let mut out = Vec::new();
        let line = |id: &'static str, ok, text: String, why: &Explanation| CheckLine {
            id: (!id.is_empty()).then_some(id),
            ok,
            text,
            why: why.clone(),
        };
        if let Some(p) = &self.presiding {
            out.push(line("presidence", Some(false), p.value.clone(), &p.why));
        }
        if let Some(s) = &self.second_convocation {
            let v = &s.value;
            let mut text = match (v.quorum_again, v.failed_on) {
                (true, _) => "Seconde convocation en urgence, à moins de trois jours francs : le quorum est de nouveau requis.".to_string(),
                (false, Some(d)) => format!("Seconde convocation après la séance sans quorum du {} : le conseil délibère sans condition de quorum.", fr(d)),
                (false, None) => "Seconde convocation : le conseil délibère sans condition de quorum.".to_string(),
            };
            for p in v.problems.iter().chain(&v.notes) {
                text.push(' ');
                text.push_str(p);
            }
            out.push(line(
                "seconde-convocation",
                Some(v.problems.is_empty()),
                text,
                &s.why,
            ));
        }
        if let Some(q) = &self.quorum
            && let Some(required) = q.value.required
        {
            out.push(line(
                "quorum",
                Some(q.value.met),
                format!(
                    "Quorum : {} présents pour {required} requis, {}{}.",
                    q.value.present,
                    if q.value.met { "atteint" } else { "non atteint : le conseil ne peut pas délibérer" },
                    if q.value.leaving > 0 {
                        format!(
                            " (hypothèse prudente : {} conseiller{} ne prenant pas part au vote, qui quitte{} la salle, non compté{})",
                            q.value.leaving,
                            plural(q.value.leaving),
                            if q.value.leaving > 1 { "nt" } else { "" },
                            plural(q.value.leaving)
                        )
                    } else {
                        String::new()
                    }
                ),
                &q.why,
            ));
        }
        if let Some(c) = &self.convocation {
            let v = c.value;
            out.push(line(
                "convocation",
                if v.cautious_short { None } else { Some(v.enough) },
                format!(
                    "Convocation : {} jour{} franc{} pour {} requis{}.",
                    v.jours_francs,
                    plural(v.jours_francs),
                    plural(v.jours_francs),
                    v.required,
                    if v.urgency {
                        " (urgence : le conseil se prononce sur l'urgence dès l'ouverture de la séance)"
                    } else if v.cautious_short {
                        " sur seconde convocation (L2121-17) ; à partir de 3 500 habitants, la lecture prudente en demande cinq (hypothèse) : à vérifier"
                    } else {
                        ""
                    }
                ),
                &c.why,
            ));
        }
        if let Some(n) = &self.synthesis_note {
            let (ok, text) = match n.value {
                SynthesisNote::Sent => (
                    Some(true),
                    "Note explicative de synthèse jointe à la convocation.",
                ),
                SynthesisNote::Missing => (
                    Some(false),
                    "Note explicative de synthèse non jointe à la convocation (3 500 habitants et plus).",
                ),
                SynthesisNote::Unknown => (
                    None,
                    "Rappel : à partir de 3 500 habitants, la convocation est accompagnée d'une note explicative de synthèse ; à vérifier.",
                ),
            };
            out.push(line("note-synthese", ok, text.to_string(), &n.why));
        }
        if let Some(p) = &self.proxies {
            let v = &p.value;
            let mut text = format!(
                "Votants : {} ({} pouvoir{} compté{}{}).",
                v.votants,
                v.used,
                plural(v.used),
                plural(v.used),
                if v.unused.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", {} non compté{}",
                        v.unused.len(),
                        plural(v.unused.len() as u32)
                    )
                }
            );
            for problem in &v.problems {
                text.push(' ');
                text.push_str(problem);
            }
            out.push(line("votants", Some(v.problems.is_empty()), text, &p.why));
            for u in v.unused.iter().filter(|u| !u.issue.irregular()) {
                out.push(line("", None, u.sentence(), &p.why));
            }
            for n in &v.notes {
                out.push(line(
                    "a-verifier",
                    None,
                    format!("À vérifier : {n}"),
                    &p.why,
                ));
            }
        }
        if let Some(v) = &self.vote {
            out.push(line(
                "vote",
                Some(v.value.holds()),
                v.why.steps.join(" "),
                &v.why,
            ));
        }
        out
    }
}

/// D1–D4: every check the meeting's data allows; `mayor`, the mayor in office when entered,
/// who chairs when present (L2121-14).
pub fn d1_d4_meeting_check(meeting: &Meeting, mayor: Option<&str>) -> MeetingCheck {
    let listed = meeting.attendance_known();
    let proxies = listed.then(|| d4_proxies(meeting));
    let presiding = d1_presiding(meeting, mayor);
    let second_convocation = d2_second_convocation(meeting);
    // Only a regular second convocation lifts the quorum.
    let without_condition = second_convocation
        .as_ref()
        .is_some_and(|s| !s.value.quorum_again && s.value.problems.is_empty());
    // Present by count, proxies neither named nor counted: the votants are not known.
    let proxies_unknown =
        meeting.present.is_empty() && meeting.proxies.is_empty() && meeting.proxies_count.is_none();
    let votants = proxies
        .as_ref()
        .map(|p| p.value.votants)
        .filter(|_| !proxies_unknown);
    let excluded = proxies.as_ref().map_or(0, |p| p.value.unused.len() as u32);
    let leaving = proxies.as_ref().map_or(0, |p| p.value.not_voting_present);
    let quorum = meeting
        .in_office
        .filter(|_| listed)
        .map(|n| d2_quorum(n, meeting.n_present(), leaving, without_condition));
    let ballot = Ballot {
        secret: meeting.secret_ballot,
        chair_vote: meeting.chair_vote,
        chair_not_voting: meeting.chair.as_deref().is_some_and(|chair| {
            meeting
                .not_voting
                .iter()
                .any(|n| normalized(n) == normalized(chair))
        }),
        no_quorum: quorum.as_ref().is_some_and(|q| !q.value.met),
    };
    MeetingCheck {
        votants,
        convocation: match (meeting.convened, meeting.date, meeting.population) {
            (Some(c), Some(d), Some(p)) => Some(d3_convocation(
                c,
                d,
                p,
                meeting.urgency.then_some(meeting.urgency_reason.as_deref()),
                meeting.second_convocation,
            )),
            _ => None,
        },
        synthesis_note: meeting
            .population
            .and_then(|p| d3_synthesis_note(p, meeting.synthesis_note)),
        vote: meeting.vote.map(|v| {
            let total = u64::from(v.for_votes) + u64::from(v.against) + u64::from(v.abstentions);
            d4_vote(
                v,
                votants.unwrap_or(u32::try_from(total).unwrap_or(u32::MAX)),
                excluded,
                ballot,
            )
        }),
        quorum,
        presiding,
        second_convocation,
        proxies,
    }
}

/// D1 (CGCT L2121-14, L2122-17): the Maire presides; another only in the Maire's absence or
/// impediment. Flags the Maire present while another chairs, and a chair who takes no part in
/// the vote and leaves the room (someone else presides for the item); `None` when nothing is
/// wrong or the data does not tell.
pub fn d1_presiding(meeting: &Meeting, mayor: Option<&str>) -> Option<Explained<String>> {
    let chair = meeting.chair.as_deref()?;
    let problem = if meeting
        .not_voting
        .iter()
        .any(|n| normalized(n) == normalized(chair))
    {
        format!(
            "Le président de séance, {chair}, ne prend pas part au vote et quitte la salle : un autre conseiller préside pour cette affaire, à nommer dans l'acte (L2121-14)."
        )
    } else {
        let mayor = mayor?;
        (normalized(mayor) != normalized(chair)
            && matches!(find(mayor, &meeting.present), Found::Exactly))
        .then(|| {
            format!(
                "Le Maire, {mayor}, est présent : c'est lui qui préside la séance (CGCT L2121-14) ; un adjoint ne le remplace qu'en cas d'absence ou d'empêchement (L2122-17), le compte administratif mis à part."
            )
        })?
    };
    let why = Explanation::new(Rule::D2, "Présidence de la séance", Clause::CgctL2121_14)
        .also(Clause::CgctL2122_17)
        .input("Président de séance", chair.to_string())
        .step(problem.clone());
    Some(Explained::new(problem, why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn proxy(giver: &str, holder: &str) -> Proxy {
        Proxy {
            giver: giver.into(),
            holder: holder.into(),
        }
    }

    fn vote(for_votes: u32, against: u32, abstentions: u32) -> Vote {
        Vote {
            for_votes,
            against,
            abstentions,
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
        let m = seed();
        let mut m = m;
        m.chair = Some("CHARMOT Pascal".into());
        let check = d1_d4_meeting_check(&m, None);
        let q = check.quorum.as_ref().unwrap();
        assert_eq!(
            q.value,
            Quorum {
                required: Some(18),
                present: 29,
                met: true,
                leaving: 0
            }
        );
        let c = check.convocation.as_ref().unwrap();
        assert_eq!(c.value.jours_francs, 5);
        assert_eq!(c.value.required, 5);
        assert!(c.value.enough);
        assert!(c.why.steps[1].contains("du 04/11/2023 au 08/11/2023 : 5 jours francs"));
        let p = check.proxies.as_ref().unwrap();
        assert_eq!(p.value.votants, 35);
        assert_eq!(p.value.used, 6);
        assert!(p.value.unused.is_empty());
        assert!(p.value.problems.is_empty(), "{:?}", p.value.problems);
        // The seed spells the holder « KALITA Mathieu » and the member « KALITA Matthieu ».
        assert_eq!(p.value.notes.len(), 1, "{:?}", p.value.notes);
        assert!(p.value.notes[0].contains("« KALITA Matthieu »"));
        let v = check.vote.as_ref().unwrap();
        assert!(v.value.unanimous && v.value.passed == Some(true) && v.value.adds_up);
        // 22 000 inhabitants: the note de synthèse is reminded, not a fault.
        assert_eq!(
            check.synthesis_note.as_ref().unwrap().value,
            SynthesisNote::Unknown
        );
        assert!(check.problems().is_empty(), "{:?}", check.problems());
    }

    #[test]
    fn a_holders_second_proxy_is_irregular_and_not_counted() {
        let mut m = seed();
        m.proxies[1] = proxy("CUZIN Sandrine", "ACQUAVIVA Caroline");
        let check = d1_d4_meeting_check(&m, None);
        let p = &check.proxies.as_ref().unwrap().value;
        assert_eq!(p.votants, 34);
        assert_eq!(p.unused.len(), 1);
        assert_eq!(p.unused[0].issue, ProxyIssue::Second);
        assert_eq!(p.unused[0].issue.code(), "irrégulier");
        let problems = check.problems();
        assert!(problems.iter().any(|(c, p)| *c == Clause::CgctL2121_20
            && p.contains("CUZIN Sandrine donne pouvoir à ACQUAVIVA Caroline : second pouvoir du même porteur, irrégulier")), "{problems:?}");
        // The seed's 35 votes now count one vote too many: deducted, the result holds.
        let v = &check.vote.as_ref().unwrap().value;
        assert!(!v.adds_up && v.excess_explained && !v.at_risk && v.passed == Some(true));
        // 18 for, 17 against with the irregular proxy's vote: either way it could have gone,
        // the result changes — to be determined.
        let mut close = m.clone();
        close.vote = Some(vote(18, 17, 0));
        let v = d1_d4_meeting_check(&close, None).vote.unwrap().value;
        assert!(v.at_risk && v.passed.is_none());
    }

    #[test]
    fn a_proxy_whose_holder_is_absent_or_whose_giver_is_present_is_not_used() {
        let mut m = seed();
        m.absent = vec!["DUPONT Jean".into()];
        m.proxies[0] = proxy("CONTREL Nathalie", "DUPONT Jean");
        m.proxies[2] = proxy("BLANCHIN Jacques", "JOURDAN Milouda");
        m.vote = Some(vote(33, 0, 0));
        let check = d1_d4_meeting_check(&m, None);
        let p = &check.proxies.as_ref().unwrap().value;
        assert_eq!(p.votants, 33, "29 present + 4 proxies used");
        let issues: Vec<ProxyIssue> = p.unused.iter().map(|u| u.issue).collect();
        assert_eq!(issues, [ProxyIssue::HolderAbsent, ProxyIssue::GiverPresent]);
        assert!(p.unused.iter().all(|u| u.issue.code() == "non utilisé"));
        // Not used is no irregularity: the vote of 33 adds up.
        assert!(check.problems().is_empty(), "{:?}", check.problems());
        assert!(check.vote.as_ref().unwrap().value.adds_up);
    }

    #[test]
    fn members_who_take_no_part_are_not_votants_and_their_proxy_drops() {
        let mut m = seed();
        m.not_voting = vec!["ACQUAVIVA Caroline".into()];
        m.vote = Some(vote(33, 0, 0));
        let check = d1_d4_meeting_check(&m, None);
        let p = &check.proxies.as_ref().unwrap().value;
        // 29 present − 1 not voting + 5 proxies (hers drops with her) = 33.
        assert_eq!(p.votants, 33);
        assert_eq!(p.unused[0].issue, ProxyIssue::HolderNotVoting);
        let v = &check.vote.as_ref().unwrap();
        assert!(v.value.adds_up, "{:?}", v.why.steps);
        assert!(check.problems().is_empty(), "{:?}", check.problems());
        assert_eq!(
            check.proxies.as_ref().unwrap().why.clauses[1],
            Clause::CgctL2131_11
        );
    }

    #[test]
    fn the_chair_and_the_secretary_sit_among_the_present() {
        let mut m = seed();
        m.chair = Some("MARTIN Paul".into());
        m.secretary = Some("RIO Jean-Baptiste".into());
        let problems = d1_d4_meeting_check(&m, None).problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].1.contains(
                "Le président de séance, MARTIN Paul, n'est pas dans la liste des présents"
            )
        );
    }

    #[test]
    fn a_rejected_vote_and_the_ties() {
        let none = Ballot::default();
        // 10 for, 11 against: rejected.
        let lost = d4_vote(vote(10, 11, 0), 21, 0, none);
        assert_eq!(lost.value.passed, Some(false));
        assert!(
            lost.why
                .steps
                .last()
                .unwrap()
                .contains("10 pour < 11 contre : rejetée")
        );
        // A tie in a secret ballot is rejected.
        let secret = Ballot {
            secret: true,
            chair_vote: Some(ChairVote::For),
            ..Ballot::default()
        };
        let t = d4_vote(vote(10, 10, 1), 21, 0, secret);
        assert_eq!(t.value.passed, Some(false));
        assert!(t.why.clauses.contains(&Clause::CgctL2121_21));
        // Otherwise the chair's vote decides, only when the chair voted for.
        let chair = |c| Ballot {
            chair_vote: Some(c),
            ..Ballot::default()
        };
        assert_eq!(
            d4_vote(vote(10, 10, 1), 21, 0, chair(ChairVote::For))
                .value
                .passed,
            Some(true)
        );
        assert_eq!(
            d4_vote(vote(10, 10, 1), 21, 0, chair(ChairVote::Against))
                .value
                .passed,
            Some(false)
        );
        let abstained = d4_vote(vote(10, 10, 1), 21, 0, chair(ChairVote::Abstention));
        assert_eq!(abstained.value.passed, Some(false));
        assert!(
            abstained
                .why
                .steps
                .last()
                .unwrap()
                .contains("pas de voix prépondérante")
        );
        // Unknown chair's vote: to be determined.
        let unknown = d4_vote(vote(10, 10, 1), 21, 0, none);
        assert_eq!(unknown.value.passed, None);
        assert!(unknown.why.steps.last().unwrap().contains("à déterminer"));
        // Abstentions do not count: 10 for, 9 against, 16 abstentions passes.
        let v = d4_vote(vote(10, 9, 16), 35, 0, none);
        assert!(v.value.passed == Some(true) && v.value.adds_up && !v.value.unanimous);
        assert_eq!(v.value.cast, 19);
        // Counts that cannot overflow.
        let huge = d4_vote(vote(u32::MAX, 1, 0), 35, 0, none);
        assert!(!huge.value.adds_up);
        assert_eq!(huge.value.cast, u64::from(u32::MAX) + 1);
    }

    #[test]
    fn votes_under_proxies_that_do_not_count_put_the_result_at_risk_only_when_they_change_it() {
        // 18 for, 17 against with one irregular proxy counted: deducted, 17–17, no longer
        // adopted.
        let at_risk = d4_vote(vote(18, 17, 0), 34, 1, Ballot::default());
        assert!(at_risk.value.at_risk);
        let safe = d4_vote(vote(30, 5, 0), 34, 1, Ballot::default());
        assert!(!safe.value.at_risk);
        assert!(
            safe.why
                .steps
                .iter()
                .any(|s| s.contains("le résultat ne change pas"))
        );
    }

    #[test]
    fn a_second_convocation_needs_no_quorum_but_three_jours_francs_after_the_failed_meeting() {
        let mut m = seed();
        m.present.truncate(10);
        m.proxies.clear();
        m.secretary = Some(m.present[0].clone());
        m.vote = Some(vote(10, 0, 0));
        // First convocation: no quorum, the council cannot deliberate.
        let first = d1_d4_meeting_check(&m, None);
        assert!(!first.quorum.as_ref().unwrap().value.met);
        assert!(
            first.problems()[0]
                .1
                .contains("le conseil ne peut pas délibérer")
        );
        // Second convocation, sent after the failed meeting of 02/11: no quorum needed.
        m.second_convocation = true;
        m.quorum_failed_on = Some(d("2023-11-02"));
        let second = d1_d4_meeting_check(&m, None);
        let q = second.quorum.as_ref().unwrap();
        assert_eq!(q.value.required, None);
        assert!(q.value.met);
        assert!(second.problems().is_empty(), "{:?}", second.problems());
        assert!(second.lines()[0].text.contains("sans condition de quorum"));
        // Convened before the failed meeting: refused.
        m.quorum_failed_on = Some(d("2023-11-04"));
        let early = d1_d4_meeting_check(&m, None).problems();
        assert!(
            early
                .iter()
                .any(|(_, p)| p.contains("précède la séance sans quorum")),
            "{early:?}"
        );
        // In urgency under three jours francs, the quorum is required again.
        m.quorum_failed_on = Some(d("2023-11-06"));
        m.convened = Some(d("2023-11-07"));
        m.urgency = true;
        let urgent = d1_d4_meeting_check(&m, None);
        assert!(
            urgent
                .second_convocation
                .as_ref()
                .unwrap()
                .value
                .quorum_again
        );
        assert_eq!(urgent.quorum.as_ref().unwrap().value.required, Some(18));
    }

    #[test]
    fn urgency_allows_one_jour_franc_and_the_note_de_synthese_is_checked() {
        // Sent on 07/11 for 09/11 in urgency: one jour franc (08/11), enough.
        let c = d3_convocation(
            d("2023-11-07"),
            d("2023-11-09"),
            22_000,
            Some(Some("délai de la Métropole")),
            false,
        );
        assert_eq!(c.value.jours_francs, 1);
        assert_eq!(c.value.required, 1);
        assert!(c.value.enough && c.value.urgency);
        assert!(
            c.why
                .steps
                .iter()
                .any(|s| s.contains("le conseil se prononce sur l'urgence")
                    && s.contains("Motif : délai de la Métropole."))
        );
        // The same day before, in urgency: not enough.
        assert!(
            !d3_convocation(d("2023-11-08"), d("2023-11-09"), 22_000, Some(None), false)
                .value
                .enough
        );
        // Not sent with the convocation: a fault from 3 500 inhabitants; none under.
        let mut m = seed();
        m.synthesis_note = Some(false);
        assert!(
            d1_d4_meeting_check(&m, None)
                .problems()
                .iter()
                .any(|(c, p)| *c == Clause::CgctL2121_12
                    && p.contains("note explicative de synthèse"))
        );
        m.population = Some(3_499);
        assert!(d1_d4_meeting_check(&m, None).synthesis_note.is_none());
        m.population = Some(3_500);
        assert!(d1_d4_meeting_check(&m, None).synthesis_note.is_some());
    }

    #[test]
    fn a_convocation_four_days_before_in_a_commune_of_20000_is_refused() {
        // Sent on 05/11 for 09/11: 6, 7, 8 November, 3 jours francs < 5.
        let c = d3_convocation(d("2023-11-05"), d("2023-11-09"), 20_000, None, false);
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
        let small = d3_convocation(d("2023-11-05"), d("2023-11-09"), 3_499, None, false);
        assert!(small.value.enough);
        assert_eq!(small.why.main_clause(), Clause::CgctL2121_11);
    }

    #[test]
    fn quorum_at_its_limits() {
        assert!(d2_quorum(35, 18, 0, false).value.met);
        assert!(!d2_quorum(35, 17, 0, false).value.met);
        assert_eq!(d2_quorum(34, 17, 0, false).value.required, Some(18));
        let not_met = d2_quorum(35, 17, 0, false);
        assert!(
            not_met
                .why
                .steps
                .last()
                .unwrap()
                .contains("sans condition de quorum")
        );
        assert!(d2_quorum(35, 3, 0, true).value.met);
    }

    #[test]
    fn what_the_legal_review_found() {
        // Without quorum on a first convocation, nothing is adopted, whatever the vote.
        let mut m = seed();
        m.present.truncate(17);
        m.proxies.clear();
        m.secretary = Some(m.present[0].clone());
        m.chair = Some(m.present[1].clone());
        m.vote = Some(vote(17, 0, 0));
        let check = d1_d4_meeting_check(&m, None);
        assert_eq!(check.passed(), Some(false));
        assert!(
            check
                .vote
                .as_ref()
                .unwrap()
                .why
                .steps
                .iter()
                .any(|s| s.contains("aucun vote de cette séance n'est valable"))
        );
        // A second convocation sent before the failed meeting does not lift the quorum.
        m.second_convocation = true;
        m.quorum_failed_on = Some(d("2023-11-06"));
        let irregular = d1_d4_meeting_check(&m, None);
        assert_eq!(irregular.quorum.as_ref().unwrap().value.required, Some(18));
        assert_eq!(irregular.passed(), Some(false));
        // Sent after it, three jours francs in a commune of 22 000: in time by L2121-17, to
        // check under the cautious five (not a fault).
        m.quorum_failed_on = Some(d("2023-11-02"));
        m.convened = Some(d("2023-11-05"));
        let second = d1_d4_meeting_check(&m, None);
        assert_eq!(second.passed(), Some(true));
        let c = second.convocation.as_ref().unwrap().value;
        assert!(c.enough && c.cautious_short && c.required == 3);
        assert!(second.problems().is_empty(), "{:?}", second.problems());
        assert_eq!(
            second
                .lines()
                .iter()
                .find(|l| l.id == Some("convocation"))
                .unwrap()
                .ok,
            None
        );
        // A tie whose chair takes no part in the vote: no casting vote, rejected.
        let mut m = seed();
        m.chair = Some("BERGERET Pierre".into());
        m.not_voting = vec!["BERGERET Pierre".into()];
        m.chair_vote = Some(ChairVote::For);
        m.vote = Some(vote(17, 17, 0));
        let check = d1_d4_meeting_check(&m, None);
        assert_eq!(check.passed(), Some(false));
        // … and someone else presides for the item.
        assert!(
            check
                .problems()
                .iter()
                .any(|(c, p)| *c == Clause::CgctL2121_14
                    && p.contains("un autre conseiller préside pour cette affaire"))
        );
        // The Maire present while an adjoint chairs.
        let mut m = seed();
        m.chair = Some("ACQUAVIVA Caroline".into());
        let problems = d1_d4_meeting_check(&m, Some("CHARMOT Pascal")).problems();
        assert!(
            problems.iter().any(|(c, p)| *c == Clause::CgctL2121_14
                && p.contains("Le Maire, CHARMOT Pascal, est présent")),
            "{problems:?}"
        );
        // A member not voting leaves the room: not counted for this item's quorum.
        let mut m = seed();
        m.not_voting = vec!["BERGERET Pierre".into()];
        let q = d1_d4_meeting_check(&m, None).quorum.unwrap();
        assert_eq!(q.value.present, 28);
        assert!(q.why.steps[0].contains("quitte la salle"));
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

//! D5 — the deliberation's legality dates since 1 July 2022 (CGCT L2131-1, L2131-6,
//! L2121-25): how it is published, when it becomes enforceable, until when the préfet may
//! refer it to the tribunal, the list of deliberations within a week, and a convention signed
//! or notified too early or without the council's approval.

use chrono::{Days, NaiveDate};

use super::clause::Clause;
use super::d1_d4_meeting::LARGE_COMMUNE;
use super::dates::{days_between, fr, fr_long};
use super::explain::{Explained, Explanation, Rule, assumptions};
use super::r9_calendar::{r9_non_working, r9_two_months_franc};
use super::scenario::Deliberation;
use super::text::plural;

/// L2121-25: the list of the deliberations examined is displayed and put online within this
/// many days of the meeting.
pub const LIST_OF_DELIBERATIONS_DAYS: u64 = 7;

/// How a deliberation is made public since 1 July 2022 (L2131-1 III and IV).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Publicity {
    /// From 3 500 inhabitants: electronic publication only (« mise en ligne »).
    Electronic,
    /// Under 3 500: display, paper or online, as the council chose; online without a choice.
    AsChosen,
    /// The population is not known.
    #[default]
    Unknown,
}

impl Publicity {
    /// The publicity of a commune of `population` inhabitants.
    pub fn of(population: Option<u32>) -> Publicity {
        match population {
            Some(p) if p >= LARGE_COMMUNE => Publicity::Electronic,
            Some(_) => Publicity::AsChosen,
            None => Publicity::Unknown,
        }
    }

    /// What the act's « Certifié exécutoire » says of it: « Mise en ligne sur le site Internet
    /// de la commune de X le : », and what the person writes in when the mode is theirs to say
    /// (a blank: the mode the council chose).
    pub fn certified(self, commune: &str) -> (String, Option<&'static str>) {
        match self {
            Publicity::Electronic => (
                format!("Mise en ligne sur le site Internet de la commune de {commune} le : "),
                None,
            ),
            Publicity::AsChosen => (
                "Publication par ".to_string(),
                Some(
                    "affichage, publication papier ou mise en ligne, selon le mode choisi par le conseil municipal ; à défaut de choix, mise en ligne, CGCT L2131-1 IV",
                ),
            ),
            Publicity::Unknown => (
                format!(
                    "Publication (mise en ligne sur le site Internet de la commune de {commune} ; sous 3 500 habitants, selon le mode choisi par le conseil) le : "
                ),
                None,
            ),
        }
    }

    /// The help under the publication's date.
    pub fn hint(self) -> &'static str {
        match self {
            Publicity::Electronic => {
                "3 500 habitants et plus : publication sous forme électronique (mise en ligne) seule, depuis le 1er juillet 2022 (CGCT L2131-1 III) ; le recours de deux mois court du lendemain."
            }
            Publicity::AsChosen => {
                "Moins de 3 500 habitants : affichage, publication papier ou mise en ligne, selon le mode choisi par délibération ; sans choix, mise en ligne (CGCT L2131-1 IV)."
            }
            Publicity::Unknown => {
                "Mise en ligne (3 500 habitants et plus) ; sous 3 500, selon le mode choisi par le conseil (CGCT L2131-1) : saisir la population pour préciser."
            }
        }
    }

    /// One step of an explanation: how this commune publishes.
    fn step(self) -> &'static str {
        match self {
            Publicity::Electronic => {
                "À 3 500 habitants et plus, la publication se fait sous forme électronique (mise en ligne sur le site de la commune), seule forme admise depuis le 1er juillet 2022."
            }
            Publicity::AsChosen => {
                "Sous 3 500 habitants, la publication se fait par affichage, sur papier ou en ligne, selon le mode choisi par le conseil ; sans choix, en ligne."
            }
            Publicity::Unknown => {
                "La publication se fait en ligne à 3 500 habitants et plus ; sous 3 500, selon le mode choisi par le conseil (population non saisie)."
            }
        }
    }
}

/// D5 (CGCT L2131-1): the day the deliberation becomes enforceable, the later of its
/// publication and its transmission to the préfecture; `None` while either is unknown.
pub fn d5_enforceable(
    deliberation: &Deliberation,
    publicity: Publicity,
) -> Option<Explained<NaiveDate>> {
    let (published, transmitted) = (deliberation.published?, deliberation.transmitted?);
    let enforceable = published.max(transmitted);
    let last = if transmitted >= published {
        "la transmission en préfecture"
    } else {
        "la publication"
    };
    let why = Explanation::new(
        Rule::D5,
        "Date à laquelle la délibération devient exécutoire",
        Clause::CgctL2131_1,
    )
    .input("Publication de la délibération", fr(published))
    .input("Transmission en préfecture (réception)", fr(transmitted))
    .step("Une délibération est exécutoire de plein droit une fois publiée et transmise au préfet (la date de réception en préfecture, qui figure sur l'accusé de réception) : il faut les deux.")
    .step(publicity.step())
    .step(if published == transmitted {
        format!(
            "Publiée et transmise le même jour : exécutoire le {}.",
            fr_long(enforceable)
        )
    } else {
        format!(
            "La dernière des deux formalités est {last}, le {} : la délibération est exécutoire à cette date.",
            fr_long(enforceable)
        )
    })
    .step(format!(
        "Mention à porter sur l'acte : « Certifié exécutoire par : transmission en préfecture le {}, {} {} ».",
        fr(transmitted),
        match publicity {
            Publicity::AsChosen => "publication le",
            _ => "mise en ligne le",
        },
        fr(published)
    ));
    Some(Explained::new(enforceable, why))
}

/// D5 (CGCT L2131-6): the last day for the préfet to refer the deliberation to the tribunal
/// (déféré préfectoral): two months from its reception, a délai franc as R9's appeal
/// (hypothèse), with its caveats.
pub fn d5_prefect_referral_deadline(transmitted: NaiveDate) -> Explained<NaiveDate> {
    let delay = r9_two_months_franc(transmitted);
    let mut why = Explanation::new(
        Rule::D5,
        "Date limite du déféré préfectoral",
        Clause::CgctL2131_6,
    )
    .also(Clause::CjaR421_1)
    .also(Clause::Cpc642)
    .input("Transmission en préfecture", fr(transmitted))
    .step(format!(
        "Le préfet peut déférer la délibération au Tribunal administratif de Lyon dans les deux mois qui suivent sa réception ; compté en délai franc (hypothèse : pratique courante), il court du lendemain, le {}.",
        fr(delay.start)
    ))
    .step(format!(
        "{} + 2 mois = {} ({}).",
        fr(delay.start),
        fr(delay.raw),
        fr_long(delay.raw)
    ));
    why = match r9_non_working(delay.raw) {
        Some(reason) => why.step(format!(
            "Le {} est {} : le délai est prorogé au premier jour ouvrable suivant, le {}.",
            fr(delay.raw),
            reason.describe(),
            fr_long(delay.deadline)
        )),
        None => why.step(format!(
            "Le {} est un jour ouvrable : dernier jour du déféré.",
            fr(delay.raw)
        )),
    };
    why = why
        .step("Réserves : une demande de pièces complémentaires du préfet reporte le point de départ du délai ; son recours gracieux le prolonge.")
        .assume(assumptions::REFERRAL_DELAI_FRANC)
        .assume(assumptions::REFERRAL_CAVEATS);
    if delay.at_month_end() {
        why = why.assume(assumptions::APPEAL_MONTH_END);
    }
    if let Some(day) = delay.cautious {
        why = why
            .step(super::r9_calendar::month_end_caution(transmitted, day))
            .assume(assumptions::APPEAL_QUANTIEME);
    }
    Explained::new(delay.deadline, why)
}

/// D5: a convention notified before the deliberation that approves it was transmitted to the
/// préfecture, flagged with the days between; `None` when the order is right or a date is
/// unknown. The convention cannot be signed, and so not notified, before the transmission.
pub fn d5_notified_before_transmission(
    notified: NaiveDate,
    deliberation: &Deliberation,
) -> Option<Explained<i64>> {
    let transmitted = deliberation.transmitted?;
    (notified < transmitted).then(|| {
        let days = days_between(notified, transmitted);
        let why = Explanation::new(
            Rule::D5,
            "Notification avant la transmission de la délibération",
            Clause::CgctL2131_1,
        )
        .input("Notification de la convention", fr(notified))
        .input("Transmission en préfecture", fr(transmitted))
        .step(format!(
            "La convention est notifiée le {}, {} jour{} avant la transmission de la délibération qui l'approuve, le {}.",
            fr(notified),
            days,
            plural(days),
            fr(transmitted)
        ))
        .step("Tant que la délibération n'est pas transmise au préfet, le maire ne peut pas signer la convention : vérifier l'une des deux dates.");
        Explained::new(days, why)
    })
}

/// D5: a convention signed (or, without a signature date, notified) before the deliberation
/// that authorises it was enforceable — or before its transmission while its publication is
/// unknown; `None` when the order is right or a date is unknown. An irregularity the parties
/// can cure, not automatically a void contract.
pub fn d5_signed_before_enforceable(
    signed: Option<NaiveDate>,
    notified: NaiveDate,
    deliberation: &Deliberation,
    enforceable: Option<NaiveDate>,
) -> Option<Explained<NaiveDate>> {
    let signature = signed.unwrap_or(notified);
    let (limit, what) = match (enforceable, deliberation.transmitted) {
        (Some(e), _) => (e, "exécutoire"),
        (None, Some(t)) => (t, "transmise en préfecture (publication non saisie)"),
        (None, None) => return None,
    };
    (signature < limit).then(|| {
        let mut why = Explanation::new(
            Rule::D5,
            "Convention signée avant que la délibération soit exécutoire",
            Clause::CgctL2131_1,
        )
        .input(
            if signed.is_some() {
                "Signature de la convention"
            } else {
                "Notification (tient lieu de signature)"
            },
            fr(signature),
        )
        .input("Délibération", format!("{what} le {}", fr(limit)))
        .step(format!(
            "La convention est signée le {}, avant que la délibération qui l'autorise soit {what}, le {} : le maire n'avait pas encore compétence pour signer.",
            fr(signature),
            fr(limit)
        ))
        .step("C'est une irrégularité que les parties peuvent régulariser (une nouvelle signature après que la délibération est exécutoire), non une nullité automatique du contrat.");
        if signed.is_none() {
            why = why.assume(assumptions::SIGNED_AT_NOTIFICATION);
        }
        Explained::new(signature, why)
    })
}

/// D5: the convention signed or notified while the vote did not approve it (`passed` false, or
/// a tie to be determined) or while the vote is not entered: « convention signée sans
/// autorisation ».
pub fn d5_notified_without_approval(passed: Option<bool>, vote_known: bool) -> Explained<bool> {
    let why = Explanation::new(
        Rule::D5,
        "Convention signée sans autorisation du conseil",
        Clause::CgctL2121_29,
    )
    .step(match (vote_known, passed) {
        (true, Some(false)) => "Le vote n'approuve pas la convention : signée ou notifiée, elle l'est sans autorisation du conseil municipal.",
        (true, _) => "Partage égal des voix sans vote du président saisi : rien n'établit que le conseil a approuvé la convention avant sa signature.",
        (false, _) => "Le vote n'est pas saisi : rien n'établit encore que le conseil a autorisé la signature de la convention.",
    });
    // The value says whether the vote rejected it (rather than its outcome being unknown).
    Explained::new(vote_known && passed == Some(false), why)
}

/// Every legality date of the deliberation (D5), as far as the scenario knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Legality {
    /// The publication, as entered.
    pub published: Option<NaiveDate>,
    /// The transmission, as entered.
    pub transmitted: Option<NaiveDate>,
    /// How the commune publishes (by its population).
    pub publicity: Publicity,
    /// When it becomes enforceable, once both dates are known.
    pub enforceable: Option<Explained<NaiveDate>>,
    /// The last day of the déféré préfectoral, once the transmission is known.
    pub prefect_referral: Option<Explained<NaiveDate>>,
    /// The flag of a notification before the transmission.
    pub notified_before_transmission: Option<Explained<i64>>,
    /// The flag of a signature (or notification) before the deliberation was enforceable.
    pub notified_before_enforceable: Option<Explained<NaiveDate>>,
    /// The flag of a convention signed while the vote did not approve it (a meeting is given
    /// and the vote did not pass, or is unknown).
    pub notified_without_approval: Option<Explained<bool>>,
    /// The last day to display and put online the list of the deliberations examined
    /// (L2121-25): the meeting + 7 days.
    pub list_of_deliberations: Option<Explained<NaiveDate>>,
    /// The council could not deliberate (no quorum): there is no act to make enforceable.
    pub no_deliberation: bool,
}

impl Legality {
    /// Whether the scenario holds any date of the deliberation.
    pub fn any_known(&self) -> bool {
        self.published.is_some() || self.transmitted.is_some()
    }

    /// While one of the two dates is missing: what the enforceable date waits for.
    pub fn pending(&self) -> Option<String> {
        if self.no_deliberation {
            return Some(
                "Le conseil n'a pas pu délibérer (quorum non atteint) : il n'y a pas d'acte à publier ni à transmettre."
                    .into(),
            );
        }
        if self.enforceable.is_some() || !self.any_known() {
            return None;
        }
        let missing = if self.published.is_none() {
            "sa publication"
        } else {
            "sa transmission en préfecture"
        };
        Some(format!(
            "Exécutoire une fois publiée et transmise en préfecture : date à compléter avec {missing}."
        ))
    }

    /// The flag of a notification before the transmission, as one French paragraph.
    pub fn notification_warning(&self) -> Option<String> {
        self.notified_before_transmission
            .as_ref()
            .map(|f| f.why.steps.join(" "))
    }

    /// Every flag on the signature, one French paragraph each, with its explanation.
    pub fn signature_flags(&self) -> Vec<(&'static str, String, &Explanation)> {
        let mut out = Vec::new();
        if let Some(f) = &self.notified_before_transmission {
            out.push((
                "notification-avant-transmission",
                f.why.steps.join(" "),
                &f.why,
            ));
        }
        if let Some(f) = &self.notified_before_enforceable {
            out.push(("signature-avant-executoire", f.why.steps.join(" "), &f.why));
        }
        if let Some(f) = &self.notified_without_approval {
            let lead = if f.value {
                "Convention signée sans autorisation"
            } else {
                "Autorisation de signer à établir"
            };
            out.push((
                "signature-sans-autorisation",
                format!("{lead} : {}", f.why.steps.join(" ")),
                &f.why,
            ));
        }
        out
    }
}

/// D5 (L2121-25): the last day to display and put online the list of the deliberations
/// examined at the meeting of `meeting`: one week later.
pub fn d5_list_of_deliberations(meeting: NaiveDate) -> Explained<NaiveDate> {
    let last = meeting
        .checked_add_days(Days::new(LIST_OF_DELIBERATIONS_DAYS))
        .unwrap_or(meeting);
    let why = Explanation::new(
        Rule::D5,
        "Liste des délibérations examinées",
        Clause::CgctL2121_25,
    )
    .also(Clause::CgctL2121_15)
    .input("Séance", fr(meeting))
    .step(format!(
        "Dans un délai d'une semaine, la liste des délibérations examinées est affichée à la mairie et mise en ligne sur le site de la commune, lorsqu'il existe : au plus tard le {}.",
        fr_long(last)
    ))
    .step("Le procès-verbal de la séance, arrêté à la séance suivante, est publié en ligne dans la semaine qui suit son adoption, un exemplaire papier restant à la disposition du public (L2121-15).");
    Explained::new(last, why)
}

/// D5: every legality date of `deliberation`, for a convention notified on `notified` and
/// signed on `signed` (when known), whose meeting's vote `passed` (as D4 found it).
pub fn d5_legality(
    notified: NaiveDate,
    signed: Option<NaiveDate>,
    deliberation: &Deliberation,
    passed: Option<bool>,
    deliberated: bool,
) -> Legality {
    let m = &deliberation.meeting;
    let publicity = Publicity::of(m.population);
    let enforceable = d5_enforceable(deliberation, publicity).filter(|_| deliberated);
    let notified_before_enforceable = d5_signed_before_enforceable(
        signed,
        notified,
        deliberation,
        enforceable.as_ref().map(|e| e.value),
    );
    Legality {
        published: deliberation.published,
        transmitted: deliberation.transmitted,
        publicity,
        prefect_referral: deliberation
            .transmitted
            .filter(|_| deliberated)
            .map(d5_prefect_referral_deadline),
        no_deliberation: !deliberated,
        notified_before_transmission: d5_notified_before_transmission(notified, deliberation),
        notified_before_enforceable,
        notified_without_approval: (!m.is_empty() && passed != Some(true))
            .then(|| d5_notified_without_approval(passed, m.vote.is_some())),
        list_of_deliberations: m.date.map(d5_list_of_deliberations),
        enforceable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn delib(published: Option<&str>, transmitted: Option<&str>) -> Deliberation {
        Deliberation {
            published: published.map(d),
            transmitted: transmitted.map(d),
            ..Deliberation::default()
        }
    }

    #[test]
    fn enforceable_at_the_later_of_both_dates() {
        let e = d5_enforceable(
            &delib(Some("2023-11-16"), Some("2023-11-14")),
            Publicity::Electronic,
        )
        .unwrap();
        assert_eq!(e.value, d("2023-11-16"));
        assert!(
            e.why.steps[2].contains("la publication"),
            "{:?}",
            e.why.steps
        );
        assert!(e.why.steps[1].contains("seule forme admise depuis le 1er juillet 2022"));
        let e = d5_enforceable(
            &delib(Some("2023-11-14"), Some("2023-11-17")),
            Publicity::Electronic,
        )
        .unwrap();
        assert_eq!(e.value, d("2023-11-17"));
        assert!(e.why.steps[2].contains("la transmission en préfecture"));
        assert!(
            e.why.steps[3]
                .contains("transmission en préfecture le 17/11/2023, mise en ligne le 14/11/2023")
        );
        assert_eq!(e.why.reference(), "CGCT art. L2131-1");
        // Either date unknown: not enforceable yet, as far as the simulation knows.
        assert!(d5_enforceable(&delib(Some("2023-11-16"), None), Publicity::Unknown).is_none());
        assert!(d5_enforceable(&delib(None, Some("2023-11-16")), Publicity::Unknown).is_none());
    }

    #[test]
    fn publicity_follows_the_rules_in_force_since_july_2022() {
        assert_eq!(Publicity::of(Some(3_500)), Publicity::Electronic);
        assert_eq!(Publicity::of(Some(3_499)), Publicity::AsChosen);
        assert_eq!(Publicity::of(None), Publicity::Unknown);
        assert!(!Publicity::Electronic.hint().contains("affichage"));
        assert!(!Publicity::Electronic.certified("Bron").0.contains("affich"));
        assert!(
            Publicity::AsChosen
                .certified("Bron")
                .1
                .unwrap()
                .contains("à défaut de choix, mise en ligne")
        );
        assert!(Publicity::AsChosen.hint().contains("affichage"));
        assert!(
            Clause::CgctL2131_1
                .quote()
                .contains("publication sous forme électronique")
        );
        assert!(
            !Clause::CgctL2131_1
                .quote()
                .contains("publication ou affichage")
        );
    }

    #[test]
    fn prefect_referral_is_a_delai_franc_from_transmission_with_its_caveats() {
        // Transmitted 16/11/2023 → runs from 17/11 → 17/01/2024, a Wednesday.
        let r = d5_prefect_referral_deadline(d("2023-11-16"));
        assert_eq!(r.value, d("2024-01-17"));
        assert_eq!(r.why.reference(), "CGCT art. L2131-6");
        assert!(r.why.steps[1].contains("17/11/2023 + 2 mois = 17/01/2024"));
        assert!(r.why.steps[0].contains("hypothèse"));
        assert!(r.why.assumptions.contains(&assumptions::REFERRAL_CAVEATS));
        // 30/12/2024 → 31/12 + 2 months = 28/02/2025 (month end), a Friday.
        let r = d5_prefect_referral_deadline(d("2024-12-30"));
        assert_eq!(r.value, d("2025-02-28"));
        assert!(r.why.assumptions.contains(&assumptions::APPEAL_MONTH_END));
        // 31/08/2025 → 01/11/2025, Toussaint, a Saturday → Monday 03/11/2025.
        let r = d5_prefect_referral_deadline(d("2025-08-31"));
        assert_eq!(r.value, d("2025-11-03"));
        assert!(r.why.steps[2].contains("prorogé"));
    }

    #[test]
    fn notification_before_transmission_is_flagged() {
        let late = delib(Some("2023-11-10"), Some("2023-11-20"));
        let flag = d5_notified_before_transmission(d("2023-11-16"), &late).unwrap();
        assert_eq!(flag.value, 4);
        assert!(flag.why.steps[0].contains("4 jours avant la transmission"));
        // The same day, or after: nothing to flag; nor without a transmission date.
        assert!(d5_notified_before_transmission(d("2023-11-20"), &late).is_none());
        assert!(d5_notified_before_transmission(d("2023-11-21"), &late).is_none());
        assert!(d5_notified_before_transmission(d("2023-11-01"), &delib(None, None)).is_none());
    }

    #[test]
    fn a_convention_signed_before_publication_or_without_approval_is_flagged() {
        // Transmitted 16/11, published 20/11: enforceable 20/11; signed 17/11.
        let l = d5_legality(
            d("2023-11-21"),
            Some(d("2023-11-17")),
            &delib(Some("2023-11-20"), Some("2023-11-16")),
            Some(true),
            true,
        );
        assert!(l.notified_before_transmission.is_none());
        let flag = l.notified_before_enforceable.as_ref().unwrap();
        assert_eq!(flag.value, d("2023-11-17"));
        assert!(
            flag.why.steps[0].contains(
                "avant que la délibération qui l'autorise soit exécutoire, le 20/11/2023"
            )
        );
        // Without a signature date the notification stands for it (hypothèse).
        let l = d5_legality(
            d("2023-11-18"),
            None,
            &delib(Some("2023-11-20"), Some("2023-11-16")),
            Some(true),
            true,
        );
        assert!(
            l.notified_before_enforceable
                .unwrap()
                .why
                .assumptions
                .contains(&assumptions::SIGNED_AT_NOTIFICATION)
        );
        // Publication unknown: the transmission is the limit.
        let l = d5_legality(
            d("2023-11-15"),
            None,
            &delib(None, Some("2023-11-16")),
            None,
            true,
        );
        assert!(l.notified_before_enforceable.is_some());
        // A meeting whose vote did not pass.
        let mut rejected = delib(Some("2023-11-16"), Some("2023-11-16"));
        rejected.meeting.date = Some(d("2023-11-09"));
        rejected.meeting.vote = Some(crate::scenario::Vote {
            for_votes: 10,
            against: 11,
            abstentions: 0,
        });
        let l = d5_legality(d("2023-11-20"), None, &rejected, Some(false), true);
        assert!(l.notified_without_approval.is_some());
        assert_eq!(
            l.list_of_deliberations.as_ref().unwrap().value,
            d("2023-11-16")
        );
        let l = d5_legality(d("2023-11-20"), None, &rejected, Some(true), true);
        assert!(l.notified_without_approval.is_none());
        // No meeting given: nothing said of the approval.
        let l = d5_legality(
            d("2023-11-20"),
            None,
            &delib(Some("2023-11-16"), None),
            None,
            true,
        );
        assert!(l.notified_without_approval.is_none());
        assert!(l.list_of_deliberations.is_none());
    }
}

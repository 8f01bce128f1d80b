//! The clauses every figure comes from, with their French text quoted from the source
//! (deliberation n° 2023-64 of Tassin la Demi-Lune and the standard convention with its annexes).

/// A clause of the convention, its annexes, the deliberation or the law it relies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clause {
    /// Art. 1 and the preamble: the platform is lent to the communes of the Métropole.
    Art1Territory,
    /// Art. 4: educational or cultural use, no commercial use.
    Art4Usage,
    /// Art. 4: 10 GB of storage per school.
    Art4Storage,
    /// Art. 5-1: first-degree schools of the commune.
    Art5FirstDegree,
    /// Art. 5-1: one administrator per school.
    Art5Administrator,
    /// Art. 6: the flat fee.
    Art6Fee,
    /// Art. 6: the yearly title of revenue.
    Art6Title,
    /// Art. 8: effect at notification, one-year terms renewed tacitly.
    Art8Duration,
    /// Art. 8: termination at an anniversary with three months' notice.
    Art8Notice,
    /// Art. 8: access removed at the end of the notice.
    Art8AccessEnd,
    /// Annexe 1: access opened within two weeks of the request.
    Annexe1Opening,
    /// Annexe 1: the yearly list before 20 June, applied before 20 August.
    Annexe1YearlyList,
    /// Annexe 1: the administrator's details.
    Annexe1Administrator,
    /// Annexe 1: the commune's technical referent and project lead.
    Annexe1Contacts,
    /// Annexe 2: how the cost splits.
    Annexe2Costs,
    /// Deliberation, recitals: "par groupe scolaire utilisateur".
    DeliberationRecitalGroup,
    /// Deliberation, point 2: "par école utilisatrice".
    DeliberationPoint2,
    /// Deliberation, point 1: public primary schools.
    DeliberationPublicSchools,
    /// Deliberation, last paragraph: two months to appeal.
    DeliberationAppeal,
    /// Code de procédure civile, art. 641: the month-end rule.
    Cpc641,
    /// Code de justice administrative, art. R421-1: two months to appeal, a délai franc.
    CjaR421_1,
    /// Code de procédure civile, art. 642: a procedural deadline moves to the next working day.
    Cpc642,
    /// Code du travail, art. L3133-1: public holidays.
    CodeTravailL3133_1,
    /// CGCT art. L2121-11: convocation three jours francs before, under 3 500 inhabitants.
    CgctL2121_11,
    /// CGCT art. L2121-12: convocation five jours francs before, from 3 500 inhabitants.
    CgctL2121_12,
    /// CGCT art. L2121-14: the mayor chairs the council.
    CgctL2121_14,
    /// CGCT art. L2121-15: a secretary of the meeting.
    CgctL2121_15,
    /// CGCT art. L2121-17: the quorum.
    CgctL2121_17,
    /// CGCT art. L2121-20: proxies and the majority.
    CgctL2121_20,
    /// CGCT art. L2121-21: the secret ballot.
    CgctL2121_21,
    /// CGCT art. L2121-25: the list of the deliberations, within a week.
    CgctL2121_25,
    /// CGCT art. L2121-29: the council settles the commune's affairs.
    CgctL2121_29,
    /// CGCT art. L2122-17: the mayor is replaced by an adjoint when absent or impeded.
    CgctL2122_17,
    /// CGCT art. L2122-21: the mayor executes the council's decisions.
    CgctL2122_21,
    /// CGCT art. L2122-22: the council's delegations to the mayor (4°: marchés and avenants).
    CgctL2122_22,
    /// CGCT art. L2122-23: the mayor's decisions under delegation, reported to the council.
    CgctL2122_23,
    /// CGCT art. L2131-11: a member interested in the matter takes no part.
    CgctL2131_11,
    /// Cour de cassation, 3e civ., 8 March 2018, n° 17-11.312: a notice counted back from its
    /// term.
    Cass3Civ2018,
    /// CGCT art. L2131-1: a deliberation is enforceable once published and transmitted.
    CgctL2131_1,
    /// CGCT art. L2131-6: the préfet's two months to refer it to the tribunal.
    CgctL2131_6,
}

impl Clause {
    /// The short reference shown next to a figure: `Art. 8`, `Annexe 1`…
    pub fn reference(self) -> &'static str {
        match self {
            Clause::Art1Territory => "Art. 1",
            Clause::Art4Usage | Clause::Art4Storage => "Art. 4",
            Clause::Art5FirstDegree | Clause::Art5Administrator => "Art. 5-1",
            Clause::Art6Fee | Clause::Art6Title => "Art. 6",
            Clause::Art8Duration | Clause::Art8Notice | Clause::Art8AccessEnd => "Art. 8",
            Clause::Annexe1Opening
            | Clause::Annexe1YearlyList
            | Clause::Annexe1Administrator
            | Clause::Annexe1Contacts => "Annexe 1",
            Clause::Annexe2Costs => "Annexe 2",
            Clause::DeliberationRecitalGroup => "Délibération, considérants",
            Clause::DeliberationPoint2 => "Délibération, point 2",
            Clause::DeliberationPublicSchools => "Délibération, point 1",
            Clause::DeliberationAppeal => "Délibération, voies de recours",
            Clause::Cpc641 => "CPC art. 641",
            Clause::CjaR421_1 => "CJA art. R421-1",
            Clause::Cpc642 => "CPC art. 642",
            Clause::CodeTravailL3133_1 => "C. trav. art. L3133-1",
            Clause::CgctL2121_11 => "CGCT art. L2121-11",
            Clause::CgctL2121_12 => "CGCT art. L2121-12",
            Clause::CgctL2121_14 => "CGCT art. L2121-14",
            Clause::CgctL2121_15 => "CGCT art. L2121-15",
            Clause::CgctL2121_17 => "CGCT art. L2121-17",
            Clause::CgctL2121_20 => "CGCT art. L2121-20",
            Clause::CgctL2121_21 => "CGCT art. L2121-21",
            Clause::CgctL2121_25 => "CGCT art. L2121-25",
            Clause::CgctL2121_29 => "CGCT art. L2121-29",
            Clause::CgctL2122_17 => "CGCT art. L2122-17",
            Clause::CgctL2122_21 => "CGCT art. L2122-21",
            Clause::CgctL2122_22 => "CGCT art. L2122-22",
            Clause::CgctL2122_23 => "CGCT art. L2122-23",
            Clause::CgctL2131_11 => "CGCT art. L2131-11",
            Clause::Cass3Civ2018 => "Cass. 3e civ., 8 mars 2018",
            Clause::CgctL2131_1 => "CGCT art. L2131-1",
            Clause::CgctL2131_6 => "CGCT art. L2131-6",
        }
    }

    /// The French text of the clause, quoted.
    pub fn quote(self) -> &'static str {
        match self {
            Clause::Art1Territory => {
                "La présente convention a pour objet de définir les modalités de la mise à disposition par la métropole de Lyon aux communes du territoire, de l'environnement numérique de travail (ENT) « la classe.com »."
            }
            Clause::Art4Usage => {
                "Il en est fait un usage d'intérêt général : éducatif ou culturel, tout usage commercial est exclu."
            }
            Clause::Art4Storage => {
                "La capacité de stockage de données est limitée à 10 giga-octets par établissement scolaire."
            }
            Clause::Art5FirstDegree => {
                "Informer la Métropole des établissements du premier degré de la commune qui utilisent la plateforme suivant la procédure indiquée en annexe 1."
            }
            Clause::Art5Administrator => {
                "Nommer au moins une personne par établissement scolaire qui sera titulaire du compte administrateur et assurera la distribution des comptes aux utilisateurs finaux."
            }
            Clause::Art6Fee => {
                "La commune s'acquittera d'une redevance forfaitaire de 150 € par an et par école utilisatrice. […] Le montant est du forfaitairement même en cas d'année non pleine."
            }
            Clause::Art6Title => {
                "Le paiement s'effectuera au moyen d'un titre annuel de recette établi en début d'ouverture du service, par le trésorier de la Métropole de Lyon."
            }
            Clause::Art8Duration => {
                "La présente convention prendra effet à la date de sa notification au bénéficiaire et est conclue pour une durée de 1 an, renouvelable par tacite reconduction de même durée."
            }
            Clause::Art8Notice => {
                "Chaque partie pourra dénoncer la convention à date anniversaire sous réserve d'un préavis de trois mois, adressé par lettre recommandée avec accusé de réception, la date de réception par la métropole faisant foi. A défaut de respect de ce délai, la convention sera réputée reconduite tacitement pour un an."
            }
            Clause::Art8AccessEnd => {
                "Dans le cas d'une dénonciation ou résiliation de la convention, les accès à la plateforme seront supprimés à la date d'échéance du préavis."
            }
            Clause::Annexe1Opening => {
                "A tout moment de l'année, la commune peut demander l'ajout d'un établissement […]. La Métropole ouvrira l'accès au service pour chaque établissement dans les deux semaines suivant la réception du document."
            }
            Clause::Annexe1YearlyList => {
                "Chaque année avant le 20 juin, la commune devra transmettre par mail les modifications éventuelles à apporter à cette liste (ajout d'établissements ou radiation, changement de responsable). […] La Métropole mettra à jour en conséquence, l'accès au service avant le 20 Août de l'année en cours. En cas de non envoi d'une liste modificative avant le 20 juin, la liste de l'année précédente sera reconduite par défaut."
            }
            Clause::Annexe1Administrator => {
                "Pour chacune de ces écoles, elle devra fournir les coordonnées (nom prénom, fonction, email, téléphone) d'une personne qui aura le statut technique d'administrateur de l'établissement sur « laclasse.com »."
            }
            Clause::Annexe1Contacts => {
                "Elle devra aussi transmettre à la Métropole les coordonnées du référent technique au sein de la commune et celles de la personne chargée de suivre le projet (qui sera invitée au comité de suivi)."
            }
            Clause::Annexe2Costs => {
                "Ce coût se répartit ainsi : contribution aux frais d'hébergement : 17 % ; contribution aux coûts de maintenance évolutive de la plateforme logicielle : 22 % ; masse salariale pour support téléphonique et gestes techniques liés aux écoles : 61 % (administration système : 12 % ; support technique : 33 % ; conduite de projet : 16 %)."
            }
            Clause::DeliberationRecitalGroup => {
                "[…] en échange d'une redevance forfaitaire de 150 euros par an et par groupe scolaire utilisateur de cet Espace Numérique de travail."
            }
            Clause::DeliberationPoint2 => {
                "DIT que les crédits seront inscrits chaque année au budget de la Ville pour un montant de 150 euros par école utilisatrice."
            }
            Clause::DeliberationPublicSchools => {
                "APPROUVE la convention […] pour la souscription d'un abonnement à l'Espace Numérique de Travail laclasse.com au profit des écoles publiques primaires de la commune."
            }
            Clause::DeliberationAppeal => {
                "La présente délibération peut faire l'objet d'un recours contentieux auprès du Tribunal administratif de Lyon, dans un délai de deux mois à compter de sa publication."
            }
            Clause::Cpc641 => {
                "Lorsqu'un délai est exprimé en mois ou en années, ce délai expire le jour du dernier mois ou de la dernière année qui porte le même quantième que le jour de l'acte […]. A défaut d'un quantième identique, le délai expire le dernier jour du mois."
            }
            Clause::CjaR421_1 => {
                "La juridiction ne peut être saisie que par voie de recours formé contre une décision, et ce, dans les deux mois à partir de la notification ou de la publication de la décision attaquée."
            }
            Clause::Cpc642 => {
                "Tout délai expire le dernier jour à vingt-quatre heures. Le délai qui expirerait normalement un samedi, un dimanche ou un jour férié ou chômé, est prorogé jusqu'au premier jour ouvrable suivant."
            }
            Clause::CodeTravailL3133_1 => {
                "Les fêtes légales ci-après désignées sont des jours fériés : le 1er janvier ; le lundi de Pâques ; le 1er mai ; le 8 mai ; l'Ascension ; le lundi de Pentecôte ; le 14 juillet ; l'Assomption ; la Toussaint ; le 11 novembre ; le jour de Noël."
            }
            Clause::CgctL2121_11 => {
                "Dans les communes de moins de 3 500 habitants, la convocation est adressée trois jours francs au moins avant celui de la réunion. En cas d'urgence, le délai peut être abrégé par le maire sans pouvoir être toutefois inférieur à un jour franc. Le maire en rend compte dès l'ouverture de la séance au conseil municipal qui se prononce sur l'urgence et peut décider le renvoi de la discussion, pour tout ou partie, à l'ordre du jour d'une séance ultérieure."
            }
            Clause::CgctL2121_12 => {
                "Dans les communes de 3 500 habitants et plus, une note explicative de synthèse sur les affaires soumises à délibération doit être adressée avec la convocation aux membres du conseil municipal. […] Le délai de convocation est fixé à cinq jours francs. En cas d'urgence, le délai peut être abrégé par le maire sans pouvoir être toutefois inférieur à un jour franc. Le maire en rend compte dès l'ouverture de la séance au conseil municipal, qui se prononce sur l'urgence et peut décider le renvoi de la discussion, pour tout ou partie, à l'ordre du jour d'une séance ultérieure."
            }
            Clause::CgctL2121_14 => {
                "Le conseil municipal est présidé par le maire et, à défaut, par celui qui le remplace. Dans les séances où le compte administratif du maire est débattu, le conseil municipal élit son président."
            }
            Clause::CgctL2121_15 => {
                "Au début de chacune de ses séances, le conseil municipal nomme un ou plusieurs de ses membres pour remplir les fonctions de secrétaire."
            }
            Clause::CgctL2121_17 => {
                "Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres en exercice est présente. Si, après une première convocation régulièrement faite, ce quorum n'est pas atteint, le conseil municipal est à nouveau convoqué à trois jours au moins d'intervalle. Il délibère alors valablement sans condition de quorum."
            }
            Clause::CgctL2121_20 => {
                "Un conseiller municipal empêché d'assister à une séance peut donner à un collègue de son choix pouvoir écrit de voter en son nom. Un même conseiller municipal ne peut être porteur que d'un seul pouvoir. […] Les délibérations sont prises à la majorité absolue des suffrages exprimés. […] Lorsqu'il y a partage égal des voix et sauf cas de scrutin secret, la voix du président est prépondérante."
            }
            Clause::CgctL2121_21 => {
                "Il est voté au scrutin secret : 1° Soit lorsqu'un tiers des membres présents le réclame ; 2° Soit lorsqu'il y a lieu de procéder à une nomination ou à une présentation."
            }
            Clause::CgctL2121_25 => {
                "Dans un délai d'une semaine, la liste des délibérations examinées par le conseil municipal lors de la séance est affichée à la mairie et mise en ligne sur le site internet de la commune, lorsqu'il existe."
            }
            Clause::CgctL2122_17 => {
                "En cas d'absence, de suspension, de révocation ou de tout autre empêchement, le maire est provisoirement remplacé, dans la plénitude de ses fonctions, par un adjoint, dans l'ordre des nominations."
            }
            Clause::CgctL2122_21 => {
                "Sous le contrôle du conseil municipal et sous le contrôle administratif du représentant de l'Etat dans le département, le maire est chargé, d'une manière générale, d'exécuter les décisions du conseil municipal."
            }
            Clause::CgctL2122_22 => {
                "Le maire peut, en outre, par délégation du conseil municipal, être chargé, en tout ou partie, et pour la durée de son mandat : […] 4° De prendre toute décision concernant la préparation, la passation, l'exécution et le règlement des marchés et des accords-cadres ainsi que toute décision concernant leurs avenants, lorsque les crédits sont inscrits au budget."
            }
            Clause::CgctL2122_23 => {
                "Les décisions prises par le maire en vertu de l'article L. 2122-22 sont soumises aux mêmes règles que celles qui sont applicables aux délibérations des conseils municipaux portant sur les mêmes objets. […] Le maire doit rendre compte à chacune des réunions obligatoires du conseil municipal."
            }
            Clause::CgctL2131_11 => {
                "Sont illégales les délibérations auxquelles ont pris part un ou plusieurs membres du conseil intéressés à l'affaire qui en fait l'objet, soit en leur nom personnel, soit comme mandataires."
            }
            Clause::Cass3Civ2018 => {
                "Un préavis de six mois pour un congé à effet au 30 septembre doit être délivré au plus tard le 31 mars (Cass. 3e civ., 8 mars 2018, n° 17-11.312) : le délai se compte à rebours depuis le terme, et tous ses mois doivent être pleins."
            }
            Clause::CgctL2121_29 => {
                "Le conseil municipal règle par ses délibérations les affaires de la commune."
            }
            Clause::CgctL2131_1 => {
                "I. Les actes pris par les autorités communales sont exécutoires de plein droit dès qu'ils ont été portés à la connaissance des intéressés dans les conditions prévues au présent article et, pour les actes mentionnés à l'article L. 2131-2, qu'il a été procédé à la transmission au représentant de l'Etat dans le département ou à son délégué dans l'arrondissement prévue par cet article. […] III. Les actes réglementaires et les décisions ne présentant ni un caractère réglementaire, ni un caractère individuel font l'objet d'une publication sous forme électronique […]. IV. Par dérogation aux dispositions du III, dans les communes de moins de 3 500 habitants, [ces actes] sont rendus publics : 1° Soit par affichage ; 2° Soit par publication sur papier […] ; 3° Soit par publication sous forme électronique […]. Le conseil municipal choisit le mode de publicité […]."
            }
            Clause::CgctL2131_6 => {
                "Le représentant de l'Etat dans le département défère au tribunal administratif les actes mentionnés à l'article L. 2131-2 qu'il estime contraires à la légalité dans les deux mois suivant leur transmission."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_short_and_quotes_are_french() {
        assert_eq!(Clause::Art8Notice.reference(), "Art. 8");
        assert_eq!(Clause::Annexe1Opening.reference(), "Annexe 1");
        assert!(
            Clause::Art6Fee
                .quote()
                .contains("150 € par an et par école utilisatrice")
        );
        assert!(Clause::Annexe1Opening.quote().contains("deux semaines"));
    }
}

//! Explanations as data: every figure carries the rule, the clauses, the inputs and the steps
//! that produced it, so the page, the text report and the tests all read the same thing.

use std::fmt;

use super::clause::Clause;

/// The rules of `convention-rules.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// R1: convention years (Art. 8).
    R1,
    /// R2: termination by the commune (Art. 8).
    R2,
    /// R3: the flat fee (Art. 6).
    R3,
    /// R4: the billing unit, school or school group (Art. 6, deliberation).
    R4,
    /// R5: when a school's access opens (Annexe 1).
    R5,
    /// R6: when a school's access ends (Annexe 1, Art. 8).
    R6,
    /// R7: titles of revenue and budget years (Art. 6).
    R7,
    /// R8: the Annexe 2 cost shares.
    R8,
    /// R9: calendar facts: public holidays, the appeal deadline.
    R9,
    /// R10: eligibility (Art. 4, 5-1, Annexe 1, deliberation).
    R10,
    /// D2: the quorum (CGCT L2121-17).
    D2,
    /// D3: the convocation in jours francs (CGCT L2121-11, L2121-12).
    D3,
    /// D4: proxies and votes (CGCT L2121-20, L2121-21, L2131-11).
    D4,
    /// D5 (`deliberation-rules.md`): when the deliberation becomes enforceable, the préfet's
    /// referral deadline, a notification before the transmission (CGCT L2131-1, L2131-6).
    D5,
    /// D6: what the draft act must hold, and who executes it (CGCT L2122-21).
    D6,
    /// D7: terminating, who decides and the plan backwards from the anniversary (CGCT
    /// L2121-29, L2122-22).
    D7,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// One input of a computation, as a person reads it: `("Notification", "16/11/2023")`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// What the value is, in French.
    pub label: &'static str,
    /// The value as shown: a French date, an amount…
    pub value: String,
}

/// How a figure was obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The rule that computed the figure.
    pub rule: Rule,
    /// What is computed, in French: "Date limite de réception de la lettre de résiliation".
    pub title: String,
    /// The clauses it applies, the first one shown next to the figure.
    pub clauses: Vec<Clause>,
    /// The values the computation started from.
    pub inputs: Vec<Input>,
    /// The computation, one French sentence a step.
    pub steps: Vec<String>,
    /// Where the convention is silent or ambiguous, the interpretation used ("hypothèse").
    pub assumptions: Vec<&'static str>,
}

impl Explanation {
    /// An explanation of `title` by `rule`, from `clause`, with no input or step yet.
    pub fn new(rule: Rule, title: impl Into<String>, clause: Clause) -> Explanation {
        Explanation {
            rule,
            title: title.into(),
            clauses: vec![clause],
            inputs: Vec::new(),
            steps: Vec::new(),
            assumptions: Vec::new(),
        }
    }

    /// Adds a clause the computation also applies (once).
    pub fn also(mut self, clause: Clause) -> Explanation {
        if !self.clauses.contains(&clause) {
            self.clauses.push(clause);
        }
        self
    }

    /// Adds an input.
    pub fn input(mut self, label: &'static str, value: impl Into<String>) -> Explanation {
        self.inputs.push(Input {
            label,
            value: value.into(),
        });
        self
    }

    /// Adds a step, one French sentence.
    pub fn step(mut self, step: impl Into<String>) -> Explanation {
        self.steps.push(step.into());
        self
    }

    /// Adds an assumption, from [`assumptions`] (once).
    pub fn assume(mut self, assumption: &'static str) -> Explanation {
        if !self.assumptions.contains(&assumption) {
            self.assumptions.push(assumption);
        }
        self
    }

    /// The clause shown next to the figure.
    pub fn main_clause(&self) -> Clause {
        self.clauses[0]
    }

    /// The reference of the main clause: `Art. 8`.
    pub fn reference(&self) -> &'static str {
        self.main_clause().reference()
    }
}

/// A value with its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained<T> {
    /// The computed value.
    pub value: T,
    /// How it was computed.
    pub why: Explanation,
}

impl<T> Explained<T> {
    /// `value` with its explanation.
    pub fn new(value: T, why: Explanation) -> Explained<T> {
        Explained { value, why }
    }
}

/// The interpretations the spec chose where the text is silent or ambiguous.
pub mod assumptions {
    /// R1, R2, R9: the month-end rule (CPC art. 641), anniversaries counted from the notification.
    pub const MONTH_END: &str = "Hypothèse : un délai en mois ou en années garde le quantième ; à défaut, il finit le dernier jour du mois (CPC art. 641), et chaque anniversaire se compte depuis la notification.";
    /// R9: the appeal's délai franc at a month end.
    pub const APPEAL_MONTH_END: &str = "Hypothèse : le délai franc de deux mois court du lendemain de la publication ; quand ce quantième manque au mois d'échéance, le délai finit le dernier jour de ce mois.";
    /// D5: the préfet's referral counted as R9's délai franc.
    pub const REFERRAL_DELAI_FRANC: &str = "Hypothèse : les deux mois du déféré préfectoral courent de la réception de l'acte en préfecture, prise égale à la date de transmission saisie, et se comptent en délai franc comme le recours (R9).";
    /// R10: a private school is not one of the commune's schools.
    pub const PUBLIC_SCHOOLS_ONLY: &str = "Hypothèse : la commune agit « pour le compte de ses écoles primaires » (préambule de la convention) ; ses écoles sont ses écoles publiques (la délibération : « écoles publiques »), une école privée n'en fait pas partie.";
    /// R3: a year started, even for one day, is due in full.
    pub const PART_YEAR_IN_FULL: &str = "Hypothèse : « dû forfaitairement même en cas d'année non pleine » se lit comme une redevance entière pour toute année de convention où l'école a accès, ne serait-ce qu'un jour.";
    /// R2: the cautious reading of the notice.
    pub const NOTICE_CAUTIOUS: &str = "Hypothèse prudente : trois mois pleins doivent courir avant le dernier jour de l'année de convention, comme la Cour de cassation compte un préavis avant un terme (Cass. 3e civ., 8 mars 2018, n° 17-11.312 : six mois de préavis pour un terme au 30 septembre, lettre reçue au plus tard le 31 mars) ; la lettre doit donc arriver au plus tard le jour de l'anniversaire moins trois mois, moins un jour.";
    /// R2: the favourable reading, shown beside, never as a deadline.
    pub const NOTICE_FAVOURABLE: &str = "Hypothèse, lecture favorable : une lettre reçue le jour de l'anniversaire moins trois mois (ou, comptée depuis la réception, jusqu'au dernier jour dont la réception + 3 mois tombe au plus tard à l'anniversaire) pourrait être soutenue ; ce n'est pas une date limite : si la Métropole ne la retient pas, la convention est reconduite un an.";
    /// R2: the cautious deadline is not moved to a working day.
    pub const NOTICE_NOT_EXTENDED: &str = "Hypothèse : la date limite du préavis, comptée à rebours, n'est pas reportée au jour ouvrable suivant (Cass. 3e civ., 8 mars 2018, n° 17-11.312) ; si elle tombe un jour non ouvré, la lettre doit arriver avant.";
    /// R9, D5: the two months at a month end counted from the event's own day number.
    pub const APPEAL_QUANTIEME: &str = "Hypothèse : publiée ou transmise un jour de fin de mois, la délibération voit son délai de deux mois compté du lendemain (règle retenue) ; compté du quantième de l'événement, il finit plus tôt : la date la plus précoce est la plus sûre pour agir.";
    /// D7: who decides a termination.
    pub const TERMINATION_DECIDER: &str = "Hypothèse : l'autorisation donnée en 2023 au maire « à signer toute pièce » ne vaut pas pouvoir de résilier ; la résiliation relève d'une délibération du conseil municipal (CGCT L2121-29), sauf délégation au maire de l'article L2122-22 4° (décisions sur l'exécution des marchés et de leurs avenants, crédits inscrits au budget), qui peut couvrir la fin de cette convention, un service rendu contre un prix.";
    /// D7: the registered letter's delivery.
    pub const PLAN_DELIVERY: &str = "Hypothèse optimiste : une lettre recommandée arrive en trois jours ouvrés ; La Poste ne garantit aucun délai, d'où l'envoi conseillé quinze jours plus tôt.";
    /// D7: the act's transmission and publication after the meeting.
    pub const PLAN_PUBLICATION: &str = "Hypothèse : la délibération est transmise en préfecture et mise en ligne le jour ouvré qui suit la séance ; la lettre est signée et envoyée le jour où l'acte devient exécutoire.";
    /// D2: the second convocation's delay.
    pub const SECOND_CONVOCATION_DELAY: &str = "Hypothèse prudente : « à trois jours au moins d'intervalle » se compte en jours francs de l'envoi de la nouvelle convocation à la séance (CE, 16 juin 1997, n° 142691), et cinq jours francs à partir de 3 500 habitants, comme toute convocation.";
    /// D4: which of a holder's proxies is the irregular one.
    pub const SECOND_PROXY: &str = "Hypothèse : quand un conseiller porte plusieurs pouvoirs, seul le premier de la liste compte (il tient lieu du plus ancien) ; les suivants sont irréguliers.";
    /// D5: the déféré's délai franc and its caveats.
    pub const REFERRAL_CAVEATS: &str = "Hypothèse : le délai du déféré se compte en délai franc (pratique courante) ; une demande de pièces complémentaires du préfet en reporte le point de départ, et son recours gracieux le prolonge.";
    /// D5: the signature date.
    pub const SIGNED_AT_NOTIFICATION: &str = "Hypothèse : sans date de signature saisie, la notification en tient lieu, la signature la précédant toujours.";
    /// D6: the executive.
    pub const MAYOR_FROM_CHAIR: &str = "Hypothèse : sans maire saisi, le président de séance est le maire quand sa qualité est celle de Maire ; sinon le nom du maire reste à compléter.";
    /// R2: the recommended sending date.
    /// D4: proxies known by their number only.
    pub const PROXIES_BY_COUNT: &str = "Hypothèse : sans les noms, chaque pouvoir indiqué est compté comme porté par un conseiller présent qui vote et n'en porte qu'un (CGCT L2121-20) ; les noms, une fois connus, permettront de le vérifier.";
    /// D4: members not voting, with the present known by their number only.
    pub const NOT_VOTING_PRESENT: &str = "Hypothèse : sans la liste des présents, chaque conseiller qui ne prend pas part au vote est compté parmi les présents, sauf s'il a donné pouvoir.";
    pub const REGISTERED_LETTER_WAIT: &str = "Hypothèse : une lettre recommandée non retirée attend jusqu'à 15 jours au bureau de poste ; l'envoyer au moins 15 jours avant le dernier jour ouvré utile laisse à la Métropole le temps de la retirer.";
    /// R2: a late letter counts for the next anniversary.
    pub const LATE_NOTICE_NEXT_ANNIVERSARY: &str = "Hypothèse : une lettre reçue trop tard vaut pour l'anniversaire suivant (la convention est « réputée reconduite tacitement pour un an »).";
    /// R5: without an opening date seen, access opens at the latest, never before the notification.
    pub const OPENING_AT_LATEST: &str = "Hypothèse : sans date d'ouverture constatée, l'accès est supposé ouvert au plus tard, 14 jours après la réception de la demande, et jamais avant la notification.";
    /// R4: the fee is due per school (the default reading).
    pub const BILLING_PER_SCHOOL: &str = "Hypothèse : la redevance est due par école (Art. 6 et point 2 de la délibération), bien que les considérants parlent de « groupe scolaire ».";
    /// R4: the fee is due per school group (the other reading, when chosen).
    pub const BILLING_PER_GROUP: &str = "Hypothèse retenue pour cette simulation : la redevance est due par groupe scolaire (considérants de la délibération) ; les écoles d'un même groupe comptent pour une.";
    /// R6: when a removal takes effect, from the yearly list's dates.
    pub const REMOVAL_CYCLE: &str = "Hypothèse : une radiation reçue au plus tard le 19 juin prend effet le 20 août de la même année ; reçue à partir du 20 juin, elle attend le cycle suivant.";
    /// R3: the amount of a year under avenants.
    pub const FEE_AT_TITLE_DATE: &str = "Hypothèse : la redevance d'une année est celle en vigueur au jour où elle est due, la date de son titre ; un avenant en cours d'année ne partage pas la redevance de cette année, sauf stipulation contraire de l'avenant.";
    /// An avenant binds once signed (R3).
    pub const AVENANT_BINDS: &str = "Un avenant n'engage qu'une fois signé par les deux parties, chacune autorisée : la commune par une délibération du conseil municipal, ou par une décision du maire sur délégation de l'article L2122-22 4° du CGCT dans les limites fixées par la délibération de délégation (hypothèse : le 4° vise les marchés et leurs avenants ; qu'il couvre cette convention, un service rendu contre un prix, est une lecture), la Métropole par sa propre décision ; l'acte de la commune doit être exécutoire avant la signature et les crédits inscrits au budget. L'avenant ne prend pas effet avant sa signature.";
    /// R7: the date of a title of revenue and its budget year.
    pub const TITLE_DATE: &str = "Hypothèse : le titre de recette est daté du premier jour de l'année de convention, ou de l'ouverture de l'accès si elle est plus tardive ; il compte dans l'exercice de cette date.";
    /// R10: without a declaration, the use is taken as educational or cultural.
    pub const USAGE_DECLARED: &str = "Hypothèse : sans déclaration contraire, l'usage est réputé éducatif ou culturel et non commercial.";
    /// R8: shares rounded to the cent by largest remainder.
    pub const ROUNDING: &str = "Hypothèse : les parts sont arrondies au centime par la méthode du plus fort reste, pour que leur somme soit exactement le montant.";
}

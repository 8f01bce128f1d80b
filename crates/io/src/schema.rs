//! The scenario's fields, each named once: its place in the scenario file (JSON key and path),
//! its page element id, its French label (errors, table headers, CSV import columns,
//! spreadsheet headers), its help text and how it is typed.
//!
//! The reader, the writer, the draft the page edits, the schools table, the CSV importer and
//! the Annex 1 sheets all take their fields from here: a mistyped field is a compile error, and
//! adding a field to a school is one [`SchoolField`] variant plus the rule that reads it (see
//! `docs/DESIGN.md`, « Where is a field named, and how do I add one? »).

use engine::convention::DEFAULT_ANNUAL_FEE;
use engine::scenario::{BillingUnit, ChairVote, Contact, Contacts, Level, Sector};
use engine::text::decimal_comma;

pub use engine::r10_eligibility::ContactField;

/// The file's format key (`"format": "laclasse-sim/1"`).
pub const FORMAT_KEY: &str = "format";
/// The list of schools.
pub const SCHOOLS_KEY: &str = "schools";
/// The group of the commune's two contacts.
pub const CONTACTS_KEY: &str = "contacts";
/// A school's administrator (a contact).
pub const ADMIN_KEY: &str = "admin";

/// How a field is typed on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Free text.
    Text,
    /// A calendar date (`AAAA-MM-JJ` in the file).
    Date,
    /// A decimal number, typed with a comma or a point.
    Decimal,
    /// Digits (a code).
    Digits,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// One of a fixed list of codes.
    Choice(Choices),
    /// An hour, `HH:MM`.
    Time,
    /// A whole number (a count).
    Count,
    /// One name a line (a list in the file).
    Lines,
    /// One « X donne pouvoir à Y » a line (a list of proxies in the file).
    Proxies,
    /// Yes, no, or not said (`true`, `false` or absent in the file).
    YesNo,
}

/// The lists of codes a [`Input::Choice`] field takes, from the engine's enums.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// [`BillingUnit`] (R4).
    BillingUnit,
    /// [`Level`] (R10).
    Level,
    /// [`Sector`] (R10).
    Sector,
    /// [`ChairVote`] (D4), which may be left unsaid.
    ChairVote,
}

impl Choices {
    /// Each code with its French label.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Choices::BillingUnit => BillingUnit::ALL.map(|u| (u.code(), u.label())).to_vec(),
            Choices::Level => Level::ALL.map(|l| (l.code(), l.label())).to_vec(),
            Choices::Sector => Sector::ALL.map(|s| (s.code(), s.label())).to_vec(),
            Choices::ChairVote => std::iter::once(("", "non saisi"))
                .chain(ChairVote::ALL.map(|v| (v.code(), v.label())))
                .collect(),
        }
    }
}

/// The options of a [`Input::YesNo`] field: not said, yes, no.
pub const YES_NO_OPTIONS: [(&str, &str); 3] =
    [("", "non précisé"), ("true", "oui"), ("false", "non")];

impl Input {
    /// The HTML input type (`text`, `date`, `email`, `tel`).
    pub fn html_type(self) -> &'static str {
        match self {
            Input::Date => "date",
            Input::Email => "email",
            Input::Phone => "tel",
            Input::Time => "time",
            _ => "text",
        }
    }

    /// The options of an input chosen from a list (a choice, yes or no), codes with labels;
    /// `None` for a typed input.
    pub fn options(self) -> Option<Vec<(&'static str, &'static str)>> {
        match self {
            Input::Choice(c) => Some(c.options()),
            Input::YesNo => Some(YES_NO_OPTIONS.to_vec()),
            _ => None,
        }
    }

    /// The `inputmode` that brings up the right phone keyboard, if not the default one.
    pub fn input_mode(self) -> Option<&'static str> {
        match self {
            Input::Decimal => Some("decimal"),
            Input::Digits | Input::Count => Some("numeric"),
            _ => None,
        }
    }
}

/// A group of fields of the scenario file, outside the schools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// `commune`.
    Commune,
    /// `convention`.
    Convention,
    /// `deliberation`.
    Deliberation,
    /// `usage`.
    Usage,
    /// `contacts.<role>`.
    Contact(Role),
    /// `deliberation.meeting`.
    Meeting,
    /// `deliberation.meeting.vote`.
    Vote,
    /// `deliberation.mayor`.
    Mayor,
    /// `termination_deliberation`.
    TerminationAct,
}

impl Section {
    /// The keys leading to the section from the file's root.
    pub fn keys(self) -> Vec<&'static str> {
        match self {
            Section::Commune => vec!["commune"],
            Section::Convention => vec!["convention"],
            Section::Deliberation => vec!["deliberation"],
            Section::Usage => vec!["usage"],
            Section::Contact(role) => vec![CONTACTS_KEY, role.key()],
            Section::Meeting => vec!["deliberation", "meeting"],
            Section::Vote => vec!["deliberation", "meeting", "vote"],
            Section::Mayor => vec!["deliberation", "mayor"],
            Section::TerminationAct => vec!["termination_deliberation"],
        }
    }

    /// `contacts.technical_referent`.
    pub fn path(self) -> String {
        self.keys().join(".")
    }

    /// What a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            Section::Commune => "Commune",
            Section::Convention => "Convention",
            Section::Deliberation => "Délibération",
            Section::Usage => "Usage déclaré",
            Section::Contact(role) => role.label(),
            Section::Meeting => "Séance du conseil municipal",
            Section::Vote => "Vote",
            Section::Mayor => "Maire en exercice",
            Section::TerminationAct => "Acte de résiliation",
        }
    }
}

/// Which of the commune's two contacts (Annexe 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The commune's technical referent.
    TechnicalReferent,
    /// The person in charge of following the project.
    ProjectLead,
}

impl Role {
    /// Both, in the order of Annexe 1.
    pub const ALL: [Role; 2] = [Role::TechnicalReferent, Role::ProjectLead];

    /// The key in the file, under `contacts`.
    pub fn key(self) -> &'static str {
        match self {
            Role::TechnicalReferent => "technical_referent",
            Role::ProjectLead => "project_lead",
        }
    }

    /// The role as Annexe 1 names it.
    pub fn label(self) -> &'static str {
        match self {
            Role::TechnicalReferent => "Référent technique de la commune",
            Role::ProjectLead => "Personne chargée de suivre le projet",
        }
    }

    /// This role's contact in `contacts`.
    pub fn of(self, contacts: &Contacts) -> Option<&Contact> {
        match self {
            Role::TechnicalReferent => contacts.technical_referent.as_ref(),
            Role::ProjectLead => contacts.project_lead.as_ref(),
        }
    }

    /// The prefix of its inputs' element ids.
    fn id_prefix(self) -> &'static str {
        match self {
            Role::TechnicalReferent => "referent",
            Role::ProjectLead => "chef-projet",
        }
    }
}

/// A contact's field as a column or input title (`Nom`, `E-mail`).
pub fn contact_title(field: ContactField) -> &'static str {
    match field {
        ContactField::LastName => "Nom",
        ContactField::FirstName => "Prénom",
        ContactField::Function => "Fonction",
        ContactField::Email => "E-mail",
        ContactField::Phone => "Téléphone",
    }
}

fn contact_input(field: ContactField) -> Input {
    match field {
        ContactField::Email => Input::Email,
        ContactField::Phone => Input::Phone,
        _ => Input::Text,
    }
}

/// A text field of the scenario outside the schools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The commune's name.
    CommuneName,
    /// The commune's INSEE code.
    CommuneInsee,
    /// The convention's notification (Art. 8).
    Notified,
    /// The fee per unit and year (Art. 6).
    AnnualFee,
    /// What a unit is (R4).
    BillingUnit,
    /// The termination letter's reception (Art. 8).
    TerminationReceived,
    /// The deliberation's publication (R9).
    DeliberationPublished,
    /// The deliberation's transmission to the préfecture (D5).
    DeliberationTransmitted,
    /// The deliberation's number in the commune's register (D6).
    DeliberationNumber,
    /// A field of the council meeting (D1).
    Meeting(MeetingField),
    /// The end of the simulation.
    HorizonUntil,
    /// The day the mayor signed the convention (D5).
    ConventionSigned,
    /// The mayor in office (D6): name.
    MayorName,
    /// The mayor in office (D6): title.
    MayorTitle,
    /// The council delegated L2122-22 4° to the mayor (D7).
    TerminationDelegation,
    /// The act that terminates (D7): number.
    TerminationActNumber,
    /// The act that terminates (D7): date.
    TerminationActDate,
    /// A field of one of the commune's contacts.
    Contact(Role, ContactField),
}

impl Field {
    /// The fields of the commune.
    pub const COMMUNE: [Field; 2] = [Field::CommuneName, Field::CommuneInsee];

    /// Every field, in the page's order.
    pub fn all() -> Vec<Field> {
        let mut all = vec![
            Field::CommuneName,
            Field::CommuneInsee,
            Field::Notified,
            Field::AnnualFee,
            Field::BillingUnit,
            Field::HorizonUntil,
            Field::TerminationReceived,
            Field::ConventionSigned,
            Field::DeliberationPublished,
            Field::DeliberationTransmitted,
            Field::DeliberationNumber,
            Field::MayorName,
            Field::MayorTitle,
            Field::TerminationDelegation,
            Field::TerminationActNumber,
            Field::TerminationActDate,
        ];
        all.extend(MeetingField::ALL.map(Field::Meeting));
        for role in Role::ALL {
            all.extend(ContactField::ALL.map(|f| Field::Contact(role, f)));
        }
        all
    }

    /// The section that holds it; `None` for a field at the file's root.
    pub fn section(self) -> Option<Section> {
        match self {
            Field::CommuneName | Field::CommuneInsee => Some(Section::Commune),
            Field::Notified
            | Field::AnnualFee
            | Field::BillingUnit
            | Field::TerminationReceived
            | Field::ConventionSigned => Some(Section::Convention),
            Field::MayorName | Field::MayorTitle => Some(Section::Mayor),
            Field::TerminationActNumber | Field::TerminationActDate => {
                Some(Section::TerminationAct)
            }
            Field::TerminationDelegation => None,
            Field::DeliberationPublished
            | Field::DeliberationTransmitted
            | Field::DeliberationNumber => Some(Section::Deliberation),
            Field::Meeting(f) => Some(f.section()),
            Field::HorizonUntil => None,
            Field::Contact(role, _) => Some(Section::Contact(role)),
        }
    }

    /// Its key in its section.
    pub fn key(self) -> &'static str {
        match self {
            Field::CommuneName => "name",
            Field::CommuneInsee => "insee",
            Field::Notified => "notified",
            Field::AnnualFee => "annual_fee_eur",
            Field::BillingUnit => "billing_unit",
            Field::TerminationReceived => "termination_received",
            Field::DeliberationPublished => "published",
            Field::DeliberationTransmitted => "transmitted",
            Field::DeliberationNumber => "number",
            Field::Meeting(f) => f.key(),
            Field::HorizonUntil => "horizon_until",
            Field::Contact(_, f) => f.key(),
            Field::ConventionSigned => "signed",
            Field::MayorName => "name",
            Field::MayorTitle => "title",
            Field::TerminationDelegation => "termination_delegation",
            Field::TerminationActNumber => "number",
            Field::TerminationActDate => "date",
        }
    }

    /// Every key from the file's root (`["commune", "name"]`).
    pub fn keys(self) -> Vec<&'static str> {
        let mut keys = self.section().map(Section::keys).unwrap_or_default();
        keys.push(self.key());
        keys
    }

    /// `convention.notified`, as errors name it.
    pub fn path(self) -> String {
        self.keys().join(".")
    }

    /// The French label.
    pub fn label(self) -> String {
        match self {
            Field::CommuneName => "Nom de la commune".into(),
            Field::CommuneInsee => "Code INSEE".into(),
            Field::Notified => "Notification de la convention".into(),
            Field::AnnualFee => "Redevance annuelle par unité (€)".into(),
            Field::BillingUnit => "Unité de facturation".into(),
            Field::TerminationReceived => "Lettre de résiliation reçue le".into(),
            Field::DeliberationPublished => "Publication de la délibération".into(),
            Field::DeliberationTransmitted => "Transmission en préfecture".into(),
            Field::DeliberationNumber => "Numéro de la délibération".into(),
            Field::Meeting(f) => f.label().into(),
            Field::HorizonUntil => "Horizon de la simulation".into(),
            Field::Contact(role, f) => format!("{} : {}", role.label(), f.label()),
            Field::ConventionSigned => "Convention signée le".into(),
            Field::MayorName => "Maire en exercice (NOM Prénom)".into(),
            Field::MayorTitle => "Qualité du maire".into(),
            Field::TerminationDelegation => {
                "Délégation au maire pour résilier (CGCT L2122-22 4°)".into()
            }
            Field::TerminationActNumber => "Acte de résiliation : numéro".into(),
            Field::TerminationActDate => "Acte de résiliation : date".into(),
        }
    }

    /// Whether it holds the name of a person outside the contacts (left out of a link
    /// without personal data, masked as a council member is).
    pub fn personal(self) -> bool {
        match self {
            Field::Meeting(f) => f.personal(),
            Field::MayorName => true,
            _ => false,
        }
    }

    /// The label of its input, where the section's title already says whose field it is.
    pub fn short_label(self) -> String {
        match self {
            Field::Contact(_, f) => contact_title(f).into(),
            Field::CommuneInsee => "Code INSEE (facultatif)".into(),
            Field::TerminationReceived
            | Field::DeliberationPublished
            | Field::DeliberationTransmitted
            | Field::DeliberationNumber
            | Field::ConventionSigned => format!("{} (facultatif)", self.label()),
            _ => self.label(),
        }
    }

    /// Help shown under the input, with the clause it comes from.
    pub fn hint(self) -> Option<&'static str> {
        Some(match self {
            Field::CommuneName => {
                "Les 58 communes de la Métropole sont proposées ; anciens noms acceptés."
            }
            Field::CommuneInsee => "S'il est saisi, il décide seul ; anciens codes acceptés.",
            Field::Notified => "Art. 8 : la convention prend effet à sa notification.",
            Field::AnnualFee => "Art. 6 : 150,00 € ; modifiable pour une simulation.",
            Field::BillingUnit => {
                "Art. 6 et délibération point 2 : par école ; considérants : par groupe scolaire (hypothèse R4)."
            }
            Field::TerminationReceived => "Date de réception par la Métropole (Art. 8).",
            Field::DeliberationPublished => {
                "Mise en ligne (3 500 habitants et plus) ; sous 3 500, selon le mode choisi par le conseil (CGCT L2131-1). Le recours de deux mois court du lendemain (CJA R421-1)."
            }
            Field::DeliberationTransmitted => {
                "Date de réception en préfecture (accusé de réception) : exécutoire une fois publiée et transmise (CGCT L2131-1) ; le préfet a deux mois pour la déférer (L2131-6)."
            }
            Field::ConventionSigned => {
                "Vide : la notification en tient lieu (hypothèse). Le maire signe une fois la délibération exécutoire (CGCT L2131-1)."
            }
            Field::MayorName => {
                "L'exécutif, nommé par AUTORISE et CHARGE et signataire des lettres, même quand un adjoint préside (CGCT L2122-21). Vide : le président de séance s'il est le Maire."
            }
            Field::MayorTitle => "Maire, Madame la Maire, Monsieur le Maire…",
            Field::TerminationDelegation => {
                "Oui : le maire résilie par une décision (délégation L2122-22 4°, hypothèse) ; sinon une délibération du conseil (L2121-29)."
            }
            Field::TerminationActNumber => {
                "La délibération (ou la décision du maire) qui résilie, citée par la lettre."
            }
            Field::HorizonUntil => "Vide : notification + 5 ans.",
            Field::DeliberationNumber => {
                "Numéro au registre des délibérations, par exemple 2023-64."
            }
            Field::Meeting(f) => return f.hint(),
            Field::Contact(..) | Field::TerminationActDate => return None,
        })
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        match self {
            Field::CommuneInsee => Input::Digits,
            Field::Notified
            | Field::TerminationReceived
            | Field::DeliberationPublished
            | Field::DeliberationTransmitted
            | Field::HorizonUntil
            | Field::ConventionSigned
            | Field::TerminationActDate => Input::Date,
            Field::TerminationDelegation => Input::YesNo,
            Field::AnnualFee => Input::Decimal,
            Field::BillingUnit => Input::Choice(Choices::BillingUnit),
            Field::CommuneName
            | Field::DeliberationNumber
            | Field::MayorName
            | Field::MayorTitle
            | Field::TerminationActNumber => Input::Text,
            Field::Meeting(f) => f.input(),
            Field::Contact(_, f) => contact_input(f),
        }
    }

    /// What a new scenario holds in it (the file's default, as the page shows it).
    pub fn default_text(self) -> String {
        match self {
            Field::AnnualFee => decimal_comma(&DEFAULT_ANNUAL_FEE.to_decimal_string()),
            Field::BillingUnit => BillingUnit::School.code().into(),
            _ => String::new(),
        }
    }

    /// Whether the scenario needs it.
    pub fn required(self) -> bool {
        matches!(self, Field::Notified)
    }

    /// The page element that shows it.
    pub fn element_id(self) -> String {
        match self {
            Field::CommuneName => "commune-name".into(),
            Field::CommuneInsee => "commune-insee".into(),
            Field::Notified => "notified".into(),
            Field::AnnualFee => "annual-fee".into(),
            Field::BillingUnit => "billing-unit".into(),
            Field::TerminationReceived => "termination".into(),
            Field::DeliberationPublished => "published".into(),
            Field::DeliberationTransmitted => "transmitted".into(),
            Field::DeliberationNumber => "numero-deliberation".into(),
            Field::Meeting(f) => format!("seance-{}", f.key().replace('_', "-")),
            Field::HorizonUntil => "horizon".into(),
            Field::Contact(role, f) => format!("{}-{}", role.id_prefix(), f.key()),
            Field::ConventionSigned => "signee".into(),
            Field::MayorName => "maire-nom".into(),
            Field::MayorTitle => "maire-qualite".into(),
            Field::TerminationDelegation => "delegation-resiliation".into(),
            Field::TerminationActNumber => "acte-resiliation-numero".into(),
            Field::TerminationActDate => "acte-resiliation-date".into(),
        }
    }
}

/// A field of the council meeting that votes the deliberation (D1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingField {
    /// The day of the meeting.
    Date,
    /// Its hour.
    Time,
    /// Where it is held.
    Place,
    /// Who chairs it.
    Chair,
    /// The chair's title.
    ChairTitle,
    /// The day the convocation was sent.
    Convened,
    /// The commune's population.
    Population,
    /// Members in office.
    InOffice,
    /// Members present.
    Present,
    /// Absent members with a proxy.
    Proxies,
    /// Absent members without a proxy.
    Absent,
    /// The secretary of the meeting.
    Secretary,
    /// Votes for.
    VoteFor,
    /// Votes against.
    VoteAgainst,
    /// Abstentions.
    VoteAbstentions,
    /// The committee that gave its opinion.
    Committee,
    /// The day of its opinion.
    CommitteeOpinion,
    /// A second convocation after a meeting without quorum (D2).
    SecondConvocation,
    /// The day of the meeting without quorum (D2).
    QuorumFailedOn,
    /// The convocation shortened for urgency (D3).
    Urgency,
    /// Why (D3).
    UrgencyReason,
    /// The note explicative de synthèse went with the convocation (D3).
    SynthesisNote,
    /// Members who take no part in the vote (D4).
    NotVoting,
    /// A secret ballot (D4).
    SecretBallot,
    /// The chair's own vote (D4).
    ChairVote,
}

impl MeetingField {
    /// Every field, in the page's order.
    pub const ALL: [MeetingField; 25] = [
        MeetingField::Date,
        MeetingField::Time,
        MeetingField::Place,
        MeetingField::Chair,
        MeetingField::ChairTitle,
        MeetingField::Convened,
        MeetingField::Population,
        MeetingField::InOffice,
        MeetingField::SecondConvocation,
        MeetingField::QuorumFailedOn,
        MeetingField::Urgency,
        MeetingField::UrgencyReason,
        MeetingField::SynthesisNote,
        MeetingField::Present,
        MeetingField::Proxies,
        MeetingField::Absent,
        MeetingField::NotVoting,
        MeetingField::Secretary,
        MeetingField::VoteFor,
        MeetingField::VoteAgainst,
        MeetingField::VoteAbstentions,
        MeetingField::SecretBallot,
        MeetingField::ChairVote,
        MeetingField::Committee,
        MeetingField::CommitteeOpinion,
    ];

    /// The section that holds it.
    pub fn section(self) -> Section {
        match self {
            MeetingField::VoteFor | MeetingField::VoteAgainst | MeetingField::VoteAbstentions => {
                Section::Vote
            }
            _ => Section::Meeting,
        }
    }

    /// Its key in its section.
    pub fn key(self) -> &'static str {
        match self {
            MeetingField::Date => "date",
            MeetingField::Time => "time",
            MeetingField::Place => "place",
            MeetingField::Chair => "chair",
            MeetingField::ChairTitle => "chair_title",
            MeetingField::Convened => "convened",
            MeetingField::Population => "population",
            MeetingField::InOffice => "in_office",
            MeetingField::Present => "present",
            MeetingField::Proxies => "proxies",
            MeetingField::Absent => "absent",
            MeetingField::Secretary => "secretary",
            MeetingField::VoteFor => "for",
            MeetingField::VoteAgainst => "against",
            MeetingField::VoteAbstentions => "abstentions",
            MeetingField::Committee => "committee",
            MeetingField::CommitteeOpinion => "committee_opinion",
            MeetingField::SecondConvocation => "second_convocation",
            MeetingField::QuorumFailedOn => "quorum_failed_on",
            MeetingField::Urgency => "urgency",
            MeetingField::UrgencyReason => "urgency_reason",
            MeetingField::SynthesisNote => "synthesis_note",
            MeetingField::NotVoting => "not_voting",
            MeetingField::SecretBallot => "secret_ballot",
            MeetingField::ChairVote => "chair_vote",
        }
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            MeetingField::Date => "Date de la séance",
            MeetingField::Time => "Heure de la séance",
            MeetingField::Place => "Lieu de la séance",
            MeetingField::Chair => "Président de séance (NOM Prénom)",
            MeetingField::ChairTitle => "Qualité du président",
            MeetingField::Convened => "Convocation envoyée le",
            MeetingField::Population => "Population de la commune",
            MeetingField::InOffice => "Conseillers en exercice",
            MeetingField::Present => "Conseillers présents",
            MeetingField::Proxies => "Absents avec pouvoir",
            MeetingField::Absent => "Absents sans pouvoir",
            MeetingField::Secretary => "Secrétaire de séance",
            MeetingField::VoteFor => "Voix pour",
            MeetingField::VoteAgainst => "Voix contre",
            MeetingField::VoteAbstentions => "Abstentions",
            MeetingField::Committee => "Commission consultée",
            MeetingField::CommitteeOpinion => "Avis de la commission du",
            MeetingField::SecondConvocation => "Seconde convocation (quorum non atteint)",
            MeetingField::QuorumFailedOn => "Séance sans quorum du",
            MeetingField::Urgency => "Convocation en urgence",
            MeetingField::UrgencyReason => "Motif de l'urgence",
            MeetingField::SynthesisNote => "Note explicative de synthèse jointe",
            MeetingField::NotVoting => "Ne prennent pas part au vote",
            MeetingField::SecretBallot => "Scrutin secret",
            MeetingField::ChairVote => "Vote du président",
        }
    }

    /// Help shown under the input, with its article.
    pub fn hint(self) -> Option<&'static str> {
        Some(match self {
            MeetingField::ChairTitle => {
                "Maire, Maire-adjointe… ; AUTORISE et CHARGE nomment le Maire (l'exécutif), même si un adjoint préside."
            }
            MeetingField::SecondConvocation => {
                "La première séance n'avait pas le quorum : la seconde délibère sans quorum, convoquée trois jours francs au moins après elle (CGCT L2121-17)."
            }
            MeetingField::Urgency => {
                "Le maire peut abréger le délai à un jour franc ; le conseil se prononce sur l'urgence à l'ouverture (L2121-11, L2121-12)."
            }
            MeetingField::SynthesisNote => {
                "Obligatoire avec la convocation à partir de 3 500 habitants (CGCT L2121-12)."
            }
            MeetingField::NotVoting => {
                "Un nom par ligne : par exemple un conseiller intéressé à l'affaire, qui quitte la salle (CGCT L2131-11)."
            }
            MeetingField::SecretBallot => {
                "Au scrutin secret, un partage égal des voix rejette la proposition (L2121-20, L2121-21)."
            }
            MeetingField::ChairVote => {
                "Départage un partage égal des voix hors scrutin secret : pour, la proposition est adoptée (L2121-20)."
            }
            MeetingField::Convened => {
                "Jours francs : 3 sous 3 500 habitants, 5 au-delà (CGCT L2121-11, L2121-12)."
            }
            MeetingField::Population => "Décide du délai de convocation (3 500 habitants).",
            MeetingField::InOffice => {
                "Quorum : la majorité des membres en exercice présente (CGCT L2121-17)."
            }
            MeetingField::Present => "Un nom par ligne (ou séparés par des virgules), NOM Prénom.",
            MeetingField::Proxies => {
                "Une ligne par pouvoir : « NOM Prénom donne pouvoir à NOM Prénom » ; un seul pouvoir par conseiller (CGCT L2121-20)."
            }
            MeetingField::Absent => "Un nom par ligne.",
            MeetingField::Secretary => "Nommé en début de séance (CGCT L2121-15).",
            MeetingField::VoteFor => {
                "Pour, contre et abstentions font le nombre de votants ; tous pour : « à l'unanimité »."
            }
            _ => return None,
        })
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        match self {
            MeetingField::Date
            | MeetingField::Convened
            | MeetingField::CommitteeOpinion
            | MeetingField::QuorumFailedOn => Input::Date,
            MeetingField::SecondConvocation
            | MeetingField::Urgency
            | MeetingField::SynthesisNote
            | MeetingField::SecretBallot => Input::YesNo,
            MeetingField::ChairVote => Input::Choice(Choices::ChairVote),
            MeetingField::Time => Input::Time,
            MeetingField::Population
            | MeetingField::InOffice
            | MeetingField::VoteFor
            | MeetingField::VoteAgainst
            | MeetingField::VoteAbstentions => Input::Count,
            MeetingField::Present | MeetingField::Absent | MeetingField::NotVoting => Input::Lines,
            MeetingField::Proxies => Input::Proxies,
            _ => Input::Text,
        }
    }

    /// Whether it holds the name of a person (left out of a link without personal data).
    pub fn personal(self) -> bool {
        matches!(
            self,
            MeetingField::Chair
                | MeetingField::Present
                | MeetingField::Proxies
                | MeetingField::Absent
                | MeetingField::Secretary
                | MeetingField::NotVoting
        )
    }
}

/// A yes/no declaration of the scenario (Art. 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// An educational or cultural use (true by default).
    Educational,
    /// A commercial use (false by default).
    Commercial,
}

impl Flag {
    /// Both, in the page's order.
    pub const ALL: [Flag; 2] = [Flag::Educational, Flag::Commercial];

    /// Its key under `usage`.
    pub fn key(self) -> &'static str {
        match self {
            Flag::Educational => "educational_or_cultural",
            Flag::Commercial => "commercial",
        }
    }

    /// `usage.commercial`.
    pub fn path(self) -> String {
        format!("{}.{}", Section::Usage.path(), self.key())
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        match self {
            Flag::Educational => "Usage d'intérêt général : éducatif ou culturel",
            Flag::Commercial => "Usage commercial (exclu par la convention)",
        }
    }

    /// The value when the file does not say.
    pub fn default_value(self) -> bool {
        matches!(self, Flag::Educational)
    }

    /// The page element that shows it.
    pub fn element_id(self) -> &'static str {
        match self {
            Flag::Educational => "usage-educatif",
            Flag::Commercial => "usage-commercial",
        }
    }
}

/// A field of a school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchoolField {
    /// The school's name.
    Name,
    /// Its UAI code.
    Uai,
    /// Maternelle, élémentaire… (R10).
    Level,
    /// Public or private (R10).
    Sector,
    /// Its school group (R4).
    Group,
    /// The request's reception (R5).
    Requested,
    /// The access's opening, when known (R5).
    Opened,
    /// The removal request's reception (R6).
    RemovalRequested,
    /// The storage used (R10).
    StorageGb,
    /// A field of its administrator (Annexe 1).
    Admin(ContactField),
    /// The day the commune changed its administrator (Annexe 1, « changement de
    /// responsable »), for the yearly list.
    AdminChanged,
}

impl SchoolField {
    /// How many there are: the length of [`SchoolField::ALL`].
    pub const COUNT: usize = 10 + ContactField::ALL.len();

    /// Every field, in the table's order.
    pub const ALL: [SchoolField; SchoolField::COUNT] = [
        SchoolField::Name,
        SchoolField::Uai,
        SchoolField::Level,
        SchoolField::Sector,
        SchoolField::Group,
        SchoolField::Requested,
        SchoolField::Opened,
        SchoolField::RemovalRequested,
        SchoolField::StorageGb,
        SchoolField::Admin(ContactField::LastName),
        SchoolField::Admin(ContactField::FirstName),
        SchoolField::Admin(ContactField::Function),
        SchoolField::Admin(ContactField::Email),
        SchoolField::Admin(ContactField::Phone),
        SchoolField::AdminChanged,
    ];

    /// Its position in [`SchoolField::ALL`].
    pub fn index(self) -> usize {
        SchoolField::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or_default()
    }

    /// Its key in the school (or in its `admin`).
    pub fn key(self) -> &'static str {
        match self {
            SchoolField::Name => "name",
            SchoolField::Uai => "uai",
            SchoolField::Level => "level",
            SchoolField::Sector => "sector",
            SchoolField::Group => "group",
            SchoolField::Requested => "requested",
            SchoolField::Opened => "opened",
            SchoolField::RemovalRequested => "removal_requested",
            SchoolField::StorageGb => "storage_gb",
            SchoolField::Admin(f) => f.key(),
            SchoolField::AdminChanged => "admin_changed",
        }
    }

    /// Every key from the school (`["admin", "email"]`).
    pub fn keys(self) -> Vec<&'static str> {
        match self {
            SchoolField::Admin(f) => vec![ADMIN_KEY, f.key()],
            other => vec![other.key()],
        }
    }

    /// `admin.email`, within the school.
    pub fn path(self) -> String {
        self.keys().join(".")
    }

    /// The French label, also the table's header and the CSV import's column.
    pub fn label(self) -> String {
        match self {
            SchoolField::Name => "Nom de l'école".into(),
            SchoolField::Uai => "UAI".into(),
            SchoolField::Level => "Niveau".into(),
            SchoolField::Sector => "Secteur".into(),
            SchoolField::Group => "Groupe scolaire".into(),
            SchoolField::Requested => "Demande reçue le".into(),
            SchoolField::Opened => "Ouverture constatée le".into(),
            SchoolField::RemovalRequested => "Radiation reçue le".into(),
            SchoolField::StorageGb => "Stockage utilisé (Go)".into(),
            SchoolField::Admin(f) => format!("Administrateur : {}", f.label()),
            SchoolField::AdminChanged => "Administrateur changé le".into(),
        }
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        match self {
            SchoolField::Level => Input::Choice(Choices::Level),
            SchoolField::Sector => Input::Choice(Choices::Sector),
            SchoolField::Requested
            | SchoolField::Opened
            | SchoolField::RemovalRequested
            | SchoolField::AdminChanged => Input::Date,
            SchoolField::StorageGb => Input::Decimal,
            SchoolField::Admin(f) => contact_input(f),
            SchoolField::Name | SchoolField::Uai | SchoolField::Group => Input::Text,
        }
    }

    /// What a new school holds in it.
    pub fn default_text(self) -> &'static str {
        match self {
            SchoolField::Level => Level::Elementaire.code(),
            SchoolField::Sector => Sector::Public.code(),
            _ => "",
        }
    }

    /// The page element that shows it in the row of the school whose page id is `row`.
    pub fn element_id(self, row: u64) -> String {
        format!("ecole-{row}-{}", self.keys().join("-"))
    }
}

/// Where in a scenario a field is: what an error points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRef {
    /// A field outside the schools.
    Scenario(Field),
    /// A yes/no declaration.
    Flag(Flag),
    /// Field of the school at this index (from 0).
    School(usize, SchoolField),
}

impl FieldRef {
    /// Its key in its object.
    pub fn key(self) -> &'static str {
        match self {
            FieldRef::Scenario(f) => f.key(),
            FieldRef::Flag(f) => f.key(),
            FieldRef::School(_, f) => f.key(),
        }
    }

    /// The path errors name it by (`schools[2].admin.email`).
    pub fn path(self) -> String {
        match self {
            FieldRef::Scenario(f) => f.path(),
            FieldRef::Flag(f) => f.path(),
            FieldRef::School(i, f) => format!("{}.{}", school_path(i), f.path()),
        }
    }

    /// What a person calls it (« Demande reçue le (école 3) »).
    pub fn label(self) -> String {
        match self {
            FieldRef::Scenario(f) => f.label(),
            FieldRef::Flag(f) => f.label().into(),
            FieldRef::School(i, f) => format!("{} (école {})", f.label(), i + 1),
        }
    }
}

/// `schools[2]`.
pub fn school_path(index: usize) -> String {
    format!("{SCHOOLS_KEY}[{index}]")
}

/// The value at `keys` from `root`, if every step is an object that has it.
pub fn value_at<'a>(root: &'a serde_json::Value, keys: &[&str]) -> Option<&'a serde_json::Value> {
    keys.iter().try_fold(root, |v, k| v.as_object()?.get(*k))
}

/// Puts `value` at `keys` in `root`, making the objects on the way.
pub fn insert_at(
    root: &mut serde_json::Map<String, serde_json::Value>,
    keys: &[&str],
    value: serde_json::Value,
) {
    let Some((last, parents)) = keys.split_last() else {
        return;
    };
    let mut map = root;
    for key in parents {
        let entry = map
            .entry(key.to_string())
            .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
        if !entry.is_object() {
            *entry = serde_json::Value::Object(serde_json::Map::new());
        }
        let serde_json::Value::Object(next) = entry else {
            return;
        };
        map = next;
    }
    map.insert(last.to_string(), value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_its_own_path_and_element() {
        let mut paths: Vec<String> = Field::all().into_iter().map(Field::path).collect();
        paths.extend(Flag::ALL.map(Flag::path));
        paths.extend(SchoolField::ALL.map(|f| FieldRef::School(0, f).path()));
        let mut ids: Vec<String> = Field::all().into_iter().map(Field::element_id).collect();
        ids.extend(Flag::ALL.map(|f| f.element_id().to_string()));
        ids.extend(SchoolField::ALL.map(|f| f.element_id(7)));
        for list in [&mut paths, &mut ids] {
            let n = list.len();
            list.sort();
            list.dedup();
            assert_eq!(list.len(), n, "{list:?}");
        }
        assert_eq!(Field::AnnualFee.path(), "convention.annual_fee_eur");
        assert_eq!(
            Field::Contact(Role::ProjectLead, ContactField::Email).path(),
            "contacts.project_lead.email"
        );
        assert_eq!(
            FieldRef::School(2, SchoolField::Admin(ContactField::Phone)).path(),
            "schools[2].admin.phone"
        );
        assert_eq!(
            SchoolField::Admin(ContactField::Email).element_id(3),
            "ecole-3-admin-email"
        );
    }

    #[test]
    fn indexes_follow_the_table() {
        for (i, f) in SchoolField::ALL.into_iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }

    #[test]
    fn labels_speak_french() {
        assert_eq!(
            FieldRef::Scenario(Field::Notified).label(),
            "Notification de la convention"
        );
        assert_eq!(
            FieldRef::School(2, SchoolField::Requested).label(),
            "Demande reçue le (école 3)"
        );
        assert_eq!(
            Field::Contact(Role::TechnicalReferent, ContactField::Email).label(),
            "Référent technique de la commune : e-mail"
        );
    }
}

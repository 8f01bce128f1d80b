//! The scenario's fields, each named once: its place in the scenario file (JSON key and path),
//! its page element id, its French label (errors, table headers, CSV import columns,
//! spreadsheet headers), its help text and how it is typed.
//!
//! The reader, the writer, the draft the page edits, the schools table, the CSV importer and
//! the Annex 1 sheets all take their fields from here: a mistyped field is a compile error, and
//! adding a field to a school is one [`SchoolField`] variant plus the rule that reads it (see
//! `docs/DESIGN.md`, « Where is a field named, and how do I add one? »).

use engine::compare::ComparedInput;
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
/// A proxy written as an object: the member who gives it.
pub const PROXY_GIVER_KEY: &str = "giver";
/// A proxy written as an object: the member who holds it.
pub const PROXY_HOLDER_KEY: &str = "holder";
/// A change of fee (`convention.fee_changes`): its first day in force.
pub const FEE_CHANGE_FROM_KEY: &str = "from";
/// A change of fee: the avenant and the decisions that approve it.
pub const FEE_CHANGE_SOURCE_KEY: &str = "source";

/// A change of fee: its amount, under the same key as the convention's own
/// (`annual_fee_eur`).
pub fn fee_change_amount_key() -> &'static str {
    Field::AnnualFee.key()
}

/// A change of fee's three parts, each with its key and its French label, in the page's order.
pub fn fee_change_parts() -> [(&'static str, &'static str); 3] {
    [
        (FEE_CHANGE_FROM_KEY, "En vigueur à partir du"),
        (
            fee_change_amount_key(),
            "Nouvelle redevance annuelle par unité (€)",
        ),
        (
            FEE_CHANGE_SOURCE_KEY,
            "Source (avenant, délibération, décision)",
        ),
    ]
}

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
    /// A list of changes of fee, a row each: date, amount, source (a list of objects in the
    /// file).
    FeeChanges,
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

/// One field as the schema describes it: where it is in the file, what the page calls it and
/// how it is typed. Each field has one row, in [`Field::row`], [`MeetingField::row`],
/// [`SchoolField::row`], [`contact_row`] and [`Flag::row`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Its key in its section (or its school, or its contact).
    pub key: &'static str,
    /// The French label: errors, table headers, the CSV import's columns, sheets.
    pub label: &'static str,
    /// How it is typed.
    pub input: Input,
    /// The page element that shows it (for a school's field, after `ecole-<row>-`).
    pub id: &'static str,
    /// The help shown under its input, with the clause it comes from.
    pub hint: Option<&'static str>,
    /// The label of its input where it differs from [`Row::label`].
    pub short: Short,
    /// Whether the scenario needs it.
    pub required: bool,
    /// Whether it holds the name of a person outside the contacts (left out of a link without
    /// personal data).
    pub personal: bool,
}

/// The label of a field's input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Short {
    /// Its label.
    Label,
    /// Its label and « (facultatif) ».
    Optional,
    /// Another text.
    Text(&'static str),
}

impl Row {
    const fn new(key: &'static str, label: &'static str, input: Input, id: &'static str) -> Row {
        Row {
            key,
            label,
            input,
            id,
            hint: None,
            short: Short::Label,
            required: false,
            personal: false,
        }
    }

    const fn hint(mut self, hint: &'static str) -> Row {
        self.hint = Some(hint);
        self
    }

    const fn optional(mut self) -> Row {
        self.short = Short::Optional;
        self
    }

    const fn short(mut self, short: &'static str) -> Row {
        self.short = Short::Text(short);
        self
    }

    const fn required(mut self) -> Row {
        self.required = true;
        self
    }

    const fn personal(mut self) -> Row {
        self.personal = true;
        self
    }
}

/// A contact's field: its key (under the contact), its title as a column or input (`Nom`,
/// `E-mail`) and how it is typed. Its lower-case French name, which the rules' messages use, is
/// the engine's ([`ContactField::label`]).
pub fn contact_row(field: ContactField) -> Row {
    use ContactField as C;
    match field {
        C::LastName => Row::new("last_name", "Nom", Input::Text, "last_name"),
        C::FirstName => Row::new("first_name", "Prénom", Input::Text, "first_name"),
        C::Function => Row::new("function", "Fonction", Input::Text, "function"),
        C::Email => Row::new("email", "E-mail", Input::Email, "email"),
        C::Phone => Row::new("phone", "Téléphone", Input::Phone, "phone"),
    }
}

/// A contact's field's key in the scenario format: `last_name`…
pub fn contact_key(field: ContactField) -> &'static str {
    contact_row(field).key
}

/// A contact's field as a column or input title (`Nom`, `E-mail`).
pub fn contact_title(field: ContactField) -> &'static str {
    contact_row(field).label
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
    /// The fee's changes by avenant, by date (R3).
    FeeChanges,
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
    /// Who presents the matter to the council (D6).
    DeliberationRapporteur,
    /// The rapporteur's exposé (D6).
    DeliberationExpose,
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

/// The fields outside the meeting and the contacts, in the page's order.
const PLAIN_FIELDS: [Field; 19] = [
    Field::CommuneName,
    Field::CommuneInsee,
    Field::Notified,
    Field::AnnualFee,
    Field::FeeChanges,
    Field::BillingUnit,
    Field::HorizonUntil,
    Field::TerminationReceived,
    Field::ConventionSigned,
    Field::DeliberationPublished,
    Field::DeliberationTransmitted,
    Field::DeliberationNumber,
    Field::DeliberationRapporteur,
    Field::DeliberationExpose,
    Field::MayorName,
    Field::MayorTitle,
    Field::TerminationDelegation,
    Field::TerminationActNumber,
    Field::TerminationActDate,
];

/// [`Field::ALL`], built at compile time.
const fn all_fields() -> [Field; Field::COUNT] {
    let mut all = [Field::CommuneName; Field::COUNT];
    let mut i = 0;
    while i < PLAIN_FIELDS.len() {
        all[i] = PLAIN_FIELDS[i];
        i += 1;
    }
    let mut j = 0;
    while j < MeetingField::ALL.len() {
        all[i + j] = Field::Meeting(MeetingField::ALL[j]);
        j += 1;
    }
    let (mut k, n) = (0, ContactField::ALL.len());
    while k < n {
        all[i + j + k] = Field::Contact(Role::TechnicalReferent, ContactField::ALL[k]);
        all[i + j + n + k] = Field::Contact(Role::ProjectLead, ContactField::ALL[k]);
        k += 1;
    }
    all
}

impl Field {
    /// The fields of the commune.
    pub const COMMUNE: [Field; 2] = [Field::CommuneName, Field::CommuneInsee];

    /// How many there are: the length of [`Field::ALL`].
    pub const COUNT: usize =
        PLAIN_FIELDS.len() + MeetingField::ALL.len() + 2 * ContactField::ALL.len();

    /// Every field, in the page's order.
    pub const ALL: [Field; Field::COUNT] = all_fields();

    /// Every field, in the page's order.
    pub fn all() -> Vec<Field> {
        Field::ALL.to_vec()
    }

    /// Its position in [`Field::ALL`].
    pub fn index(self) -> usize {
        Field::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or_default()
    }

    /// The field's row and the section that holds it (`None` for a field at the file's root).
    /// A contact's field has its contact's row, with the role in its section.
    pub fn row(self) -> (Option<Section>, Row) {
        use Field as F;
        use Input::{Date, Decimal, Digits, Text, YesNo};
        use Section as S;
        let (section, row) = match self {
            F::CommuneName => (
                Some(S::Commune),
                Row::new("name", "Nom de la commune", Text, "commune-name")
                    .hint("Les 58 communes de la Métropole sont proposées ; anciens noms acceptés."),
            ),
            F::CommuneInsee => (
                Some(S::Commune),
                Row::new("insee", "Code INSEE", Digits, "commune-insee")
                    .short("Code INSEE (facultatif)")
                    .hint("S'il est saisi, il décide seul ; anciens codes acceptés."),
            ),
            F::Notified => (
                Some(S::Convention),
                Row::new("notified", "Notification de la convention", Date, "notified")
                    .required()
                    .hint("Art. 8 : la convention prend effet à sa notification."),
            ),
            F::AnnualFee => (
                Some(S::Convention),
                Row::new("annual_fee_eur", "Redevance annuelle par unité (€)", Decimal, "annual-fee")
                    .hint("Art. 6 : 150,00 € ; modifiable pour une simulation."),
            ),
            F::FeeChanges => (
                Some(S::Convention),
                Row::new("fee_changes", "Avenants : changements de redevance", Input::FeeChanges, "fee-changes")
                    .hint("Art. 6 modifié par avenant : la redevance d'une année est celle en vigueur à la date de son titre (hypothèse R3), sauf stipulation contraire de l'avenant."),
            ),
            F::BillingUnit => (
                Some(S::Convention),
                Row::new("billing_unit", "Unité de facturation", Input::Choice(Choices::BillingUnit), "billing-unit")
                    .hint("Art. 6 et délibération point 2 : par école ; considérants : par groupe scolaire (hypothèse R4)."),
            ),
            F::TerminationReceived => (
                Some(S::Convention),
                Row::new("termination_received", "Lettre de résiliation reçue le", Date, "termination")
                    .optional()
                    .hint("Date de réception par la Métropole (Art. 8)."),
            ),
            F::ConventionSigned => (
                Some(S::Convention),
                Row::new("signed", "Convention signée le", Date, "signee")
                    .optional()
                    .hint("Vide : la notification en tient lieu (hypothèse). Le maire signe une fois la délibération exécutoire (CGCT L2131-1)."),
            ),
            F::DeliberationPublished => (
                Some(S::Deliberation),
                Row::new("published", "Publication de la délibération", Date, "published")
                    .optional()
                    .hint("Mise en ligne (3 500 habitants et plus) ; sous 3 500, selon le mode choisi par le conseil (CGCT L2131-1). Le recours de deux mois court du lendemain (CJA R421-1)."),
            ),
            F::DeliberationTransmitted => (
                Some(S::Deliberation),
                Row::new("transmitted", "Transmission en préfecture", Date, "transmitted")
                    .optional()
                    .hint("Date de réception en préfecture (accusé de réception) : exécutoire une fois publiée et transmise (CGCT L2131-1) ; le préfet a deux mois pour la déférer (L2131-6)."),
            ),
            F::DeliberationNumber => (
                Some(S::Deliberation),
                Row::new("number", "Numéro de la délibération", Text, "numero-deliberation")
                    .optional()
                    .hint("Numéro au registre des délibérations, par exemple 2023-64."),
            ),
            F::DeliberationRapporteur => (
                Some(S::Deliberation),
                Row::new("rapporteur", "Rapporteur (NOM Prénom)", Text, "rapporteur")
                    .optional()
                    .personal()
                    .hint("L'élu qui présente la délibération au conseil. Vide : laissé en blanc dans le projet."),
            ),
            F::DeliberationExpose => (
                Some(S::Deliberation),
                Row::new("expose", "Exposé du rapporteur", Text, "expose")
                    .optional()
                    .hint("Une phrase ou deux, reprises dans le projet après l'objet. Vide : laissé en blanc."),
            ),
            F::HorizonUntil => (
                None,
                Row::new("horizon_until", "Horizon de la simulation", Date, "horizon")
                    .hint("Vide : notification + 5 ans."),
            ),
            F::MayorName => (
                Some(S::Mayor),
                Row::new("name", "Maire en exercice (NOM Prénom)", Text, "maire-nom")
                    .personal()
                    .hint("L'exécutif, nommé par AUTORISE et CHARGE et signataire des lettres, même quand un adjoint préside (CGCT L2122-21). Vide : le président de séance s'il est le Maire."),
            ),
            F::MayorTitle => (
                Some(S::Mayor),
                Row::new("title", "Qualité du maire", Text, "maire-qualite")
                    .hint("Maire, Madame la Maire, Monsieur le Maire…"),
            ),
            F::TerminationDelegation => (
                None,
                Row::new("termination_delegation", "Délégation au maire pour résilier (CGCT L2122-22 4°)", YesNo, "delegation-resiliation")
                    .hint("Oui : le maire résilie par une décision (délégation L2122-22 4°, hypothèse) ; sinon une délibération du conseil (L2121-29)."),
            ),
            F::TerminationActNumber => (
                Some(S::TerminationAct),
                Row::new("number", "Acte de résiliation : numéro", Text, "acte-resiliation-numero")
                    .hint("La délibération (ou la décision du maire) qui résilie, citée par la lettre."),
            ),
            F::TerminationActDate => (
                Some(S::TerminationAct),
                Row::new("date", "Acte de résiliation : date", Date, "acte-resiliation-date"),
            ),
            F::Meeting(f) => (Some(f.section()), f.row()),
            F::Contact(role, f) => (Some(S::Contact(role)), contact_row(f)),
        };
        (section, row)
    }

    /// The section that holds it; `None` for a field at the file's root.
    pub fn section(self) -> Option<Section> {
        self.row().0
    }

    /// Its key in its section.
    pub fn key(self) -> &'static str {
        self.row().1.key
    }

    /// Every key from the file's root (`["commune", "name"]`).
    pub fn keys(self) -> Vec<&'static str> {
        let (section, row) = self.row();
        let mut keys = section.map(Section::keys).unwrap_or_default();
        keys.push(row.key);
        keys
    }

    /// `convention.notified`, as errors name it.
    pub fn path(self) -> String {
        self.keys().join(".")
    }

    /// The French label.
    pub fn label(self) -> String {
        match self {
            Field::Contact(role, f) => format!("{} : {}", role.label(), f.label()),
            _ => self.row().1.label.into(),
        }
    }

    /// Whether it holds the name of a person outside the contacts (left out of a link
    /// without personal data, masked as a council member is).
    pub fn personal(self) -> bool {
        self.row().1.personal
    }

    /// The label of its input, where the section's title already says whose field it is.
    pub fn short_label(self) -> String {
        match self.row().1.short {
            Short::Label => self.label(),
            Short::Optional => format!("{} (facultatif)", self.label()),
            Short::Text(text) => text.into(),
        }
    }

    /// Help shown under the input, with the clause it comes from.
    pub fn hint(self) -> Option<&'static str> {
        self.row().1.hint
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        self.row().1.input
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
        self.row().1.required
    }

    /// The page element that shows it.
    pub fn element_id(self) -> String {
        match self {
            Field::Meeting(f) => format!("seance-{}", f.row().id),
            Field::Contact(role, f) => format!("{}-{}", role.id_prefix(), contact_row(f).id),
            _ => self.row().1.id.into(),
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
    /// How many members are present.
    PresentCount,
    /// How many absent members gave a proxy.
    ProxiesCount,
    /// How many members are absent without a proxy.
    AbsentCount,
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
    pub const ALL: [MeetingField; 28] = [
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
        MeetingField::PresentCount,
        MeetingField::ProxiesCount,
        MeetingField::AbsentCount,
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

    /// The field's row (its element id after `seance-`).
    pub fn row(self) -> Row {
        use Input::{Count, Date, Lines, Proxies, Text, Time, YesNo};
        use MeetingField as M;
        match self {
            M::Date => Row::new("date", "Date de la séance", Date, "date"),
            M::Time => Row::new("time", "Heure de la séance", Time, "time"),
            M::Place => Row::new("place", "Lieu de la séance", Text, "place"),
            M::Chair => Row::new("chair", "Président de séance (NOM Prénom)", Text, "chair").personal(),
            M::ChairTitle => Row::new("chair_title", "Qualité du président", Text, "chair-title")
                .hint("Maire, Maire-adjointe… ; AUTORISE et CHARGE nomment le Maire (l'exécutif), même si un adjoint préside."),
            M::Convened => Row::new("convened", "Convocation envoyée le", Date, "convened")
                .hint("Jours francs : 3 sous 3 500 habitants, 5 au-delà (CGCT L2121-11, L2121-12)."),
            M::Population => Row::new("population", "Population de la commune", Count, "population")
                .hint("Décide du délai de convocation (3 500 habitants)."),
            M::InOffice => Row::new("in_office", "Conseillers en exercice", Count, "in-office")
                .hint("Quorum : la majorité des membres en exercice présente (CGCT L2121-17)."),
            M::SecondConvocation => Row::new("second_convocation", "Seconde convocation (quorum non atteint)", YesNo, "second-convocation")
                .hint("La première séance n'avait pas le quorum : la seconde délibère sans quorum, convoquée trois jours francs au moins après elle (CGCT L2121-17)."),
            M::QuorumFailedOn => Row::new("quorum_failed_on", "Séance sans quorum du", Date, "quorum-failed-on"),
            M::Urgency => Row::new("urgency", "Convocation en urgence", YesNo, "urgency")
                .hint("Le maire peut abréger le délai à un jour franc ; le conseil se prononce sur l'urgence à l'ouverture (L2121-11, L2121-12)."),
            M::UrgencyReason => Row::new("urgency_reason", "Motif de l'urgence", Text, "urgency-reason"),
            M::SynthesisNote => Row::new("synthesis_note", "Note explicative de synthèse jointe", YesNo, "synthesis-note")
                .hint("Obligatoire avec la convocation à partir de 3 500 habitants (CGCT L2121-12)."),
            M::PresentCount => Row::new("present_count", "Nombre de présents", Count, "present-count")
                .hint("Suffit pour le quorum et les votants ; les noms, s'ils sont saisis, sont comparés à ce nombre."),
            M::ProxiesCount => Row::new("proxies_count", "Nombre d'absents avec pouvoir", Count, "proxies-count"),
            M::AbsentCount => Row::new("absent_count", "Nombre d'absents sans pouvoir", Count, "absent-count"),
            M::Present => Row::new("present", "Conseillers présents (noms)", Lines, "present")
                .personal()
                .hint("Facultatif si le nombre est indiqué. Un nom par ligne (ou séparés par des virgules), NOM Prénom."),
            M::Proxies => Row::new("proxies", "Absents avec pouvoir (noms)", Proxies, "proxies")
                .personal()
                .hint("Une ligne par pouvoir : « NOM Prénom donne pouvoir à NOM Prénom » ; un seul pouvoir par conseiller (CGCT L2121-20)."),
            M::Absent => Row::new("absent", "Absents sans pouvoir (noms)", Lines, "absent")
                .personal()
                .hint("Un nom par ligne."),
            M::NotVoting => Row::new("not_voting", "Ne prennent pas part au vote", Lines, "not-voting")
                .personal()
                .hint("Un nom par ligne : par exemple un conseiller intéressé à l'affaire, qui quitte la salle (CGCT L2131-11)."),
            M::Secretary => Row::new("secretary", "Secrétaire de séance", Text, "secretary")
                .personal()
                .hint("Nommé en début de séance (CGCT L2121-15)."),
            M::VoteFor => Row::new("for", "Voix pour", Count, "for")
                .hint("Pour, contre et abstentions font le nombre de votants ; tous pour : « à l'unanimité »."),
            M::VoteAgainst => Row::new("against", "Voix contre", Count, "against"),
            M::VoteAbstentions => Row::new("abstentions", "Abstentions", Count, "abstentions"),
            M::SecretBallot => Row::new("secret_ballot", "Scrutin secret", YesNo, "secret-ballot")
                .hint("Au scrutin secret, un partage égal des voix rejette la proposition (L2121-20, L2121-21)."),
            M::ChairVote => Row::new("chair_vote", "Vote du président", Input::Choice(Choices::ChairVote), "chair-vote")
                .hint("Départage un partage égal des voix hors scrutin secret : pour, la proposition est adoptée (L2121-20)."),
            M::Committee => Row::new("committee", "Commission consultée", Text, "committee"),
            M::CommitteeOpinion => Row::new("committee_opinion", "Avis de la commission du", Date, "committee-opinion"),
        }
    }

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
        self.row().key
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        self.row().label
    }

    /// Help shown under the input, with its article.
    pub fn hint(self) -> Option<&'static str> {
        self.row().hint
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        self.row().input
    }

    /// Whether it holds the name of a person (left out of a link without personal data).
    pub fn personal(self) -> bool {
        self.row().personal
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

    /// The declaration's row and its value when the file does not say.
    pub fn row(self) -> (Row, bool) {
        match self {
            Flag::Educational => (
                Row::new(
                    "educational_or_cultural",
                    "Usage d'intérêt général : éducatif ou culturel",
                    Input::YesNo,
                    "usage-educatif",
                ),
                true,
            ),
            Flag::Commercial => (
                Row::new(
                    "commercial",
                    "Usage commercial (exclu par la convention)",
                    Input::YesNo,
                    "usage-commercial",
                ),
                false,
            ),
        }
    }

    /// Its key under `usage`.
    pub fn key(self) -> &'static str {
        self.row().0.key
    }

    /// `usage.commercial`.
    pub fn path(self) -> String {
        format!("{}.{}", Section::Usage.path(), self.key())
    }

    /// The French label.
    pub fn label(self) -> &'static str {
        self.row().0.label
    }

    /// The value when the file does not say.
    pub fn default_value(self) -> bool {
        self.row().1
    }

    /// The page element that shows it.
    pub fn element_id(self) -> &'static str {
        self.row().0.id
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

    /// The field's row and what a new school holds in it; an administrator's field has its
    /// contact's row.
    pub fn row(self) -> (Row, &'static str) {
        use Input::{Date, Decimal, Text};
        use SchoolField as F;
        let empty = "";
        match self {
            F::Name => (Row::new("name", "Nom de l'école", Text, "name"), empty),
            F::Uai => (Row::new("uai", "UAI", Text, "uai"), empty),
            F::Level => (
                Row::new("level", "Niveau", Input::Choice(Choices::Level), "level"),
                Level::Elementaire.code(),
            ),
            F::Sector => (
                Row::new(
                    "sector",
                    "Secteur",
                    Input::Choice(Choices::Sector),
                    "sector",
                ),
                Sector::Public.code(),
            ),
            F::Group => (Row::new("group", "Groupe scolaire", Text, "group"), empty),
            F::Requested => (
                Row::new("requested", "Demande reçue le", Date, "requested"),
                empty,
            ),
            F::Opened => (
                Row::new("opened", "Ouverture constatée le", Date, "opened"),
                empty,
            ),
            F::RemovalRequested => (
                Row::new(
                    "removal_requested",
                    "Radiation reçue le",
                    Date,
                    "removal_requested",
                ),
                empty,
            ),
            F::StorageGb => (
                Row::new("storage_gb", "Stockage utilisé (Go)", Decimal, "storage_gb"),
                empty,
            ),
            F::Admin(f) => (contact_row(f), empty),
            F::AdminChanged => (
                Row::new(
                    "admin_changed",
                    "Administrateur changé le",
                    Date,
                    "admin_changed",
                ),
                empty,
            ),
        }
    }

    /// Its position in [`SchoolField::ALL`].
    pub fn index(self) -> usize {
        SchoolField::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or_default()
    }

    /// Its key in the school (or in its `admin`).
    pub fn key(self) -> &'static str {
        self.row().0.key
    }

    /// Every key from the school (`["admin", "email"]`).
    pub fn keys(self) -> Vec<&'static str> {
        match self {
            SchoolField::Admin(f) => vec![ADMIN_KEY, contact_key(f)],
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
            SchoolField::Admin(f) => format!("Administrateur : {}", f.label()),
            other => other.row().0.label.into(),
        }
    }

    /// How it is typed.
    pub fn input(self) -> Input {
        self.row().0.input
    }

    /// What a new school holds in it.
    pub fn default_text(self) -> &'static str {
        self.row().1
    }

    /// The page element that shows it in the row of the school whose page id is `row`.
    pub fn element_id(self, row: u64) -> String {
        format!("ecole-{row}-{}", self.keys().join("-"))
    }
}

/// The key path and the French label of an input the comparison looks at
/// (`convention.annual_fee_eur`, « Redevance annuelle par unité (€) »).
pub fn compared_input(input: ComparedInput) -> (String, String) {
    let field = |f: Field| (f.path(), f.label());
    match input {
        ComparedInput::CommuneName => field(Field::CommuneName),
        ComparedInput::CommuneInsee => field(Field::CommuneInsee),
        ComparedInput::Notified => field(Field::Notified),
        ComparedInput::AnnualFee => field(Field::AnnualFee),
        ComparedInput::FeeChanges => field(Field::FeeChanges),
        ComparedInput::BillingUnit => field(Field::BillingUnit),
        ComparedInput::TerminationReceived => field(Field::TerminationReceived),
        ComparedInput::HorizonUntil => field(Field::HorizonUntil),
        ComparedInput::Contacts => (CONTACTS_KEY.into(), "Contacts de la commune".into()),
        ComparedInput::Usage => (Section::Usage.path(), Section::Usage.label().into()),
        ComparedInput::Schools => (SCHOOLS_KEY.into(), "Écoles".into()),
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

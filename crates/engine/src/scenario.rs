//! What a commune enters, once validated: every value here is already well formed
//! (dates are dates, the fee is positive cents). Parsing and its errors live in `io`.

use std::fmt;
use std::rc::Rc;
use std::str::FromStr;

use chrono::NaiveDate;

use super::money::Money;

/// R4: what one fee is due for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BillingUnit {
    /// One fee per school (Art. 6, deliberation point 2): the default.
    #[default]
    School,
    /// One fee per school group (deliberation recitals).
    SchoolGroup,
}

impl BillingUnit {
    /// Both readings, the default first.
    pub const ALL: [BillingUnit; 2] = [BillingUnit::School, BillingUnit::SchoolGroup];

    /// The code the scenario format writes: `school`, `school_group`.
    pub fn code(self) -> &'static str {
        match self {
            BillingUnit::School => "school",
            BillingUnit::SchoolGroup => "school_group",
        }
    }

    /// The unit written `code` in a scenario, if any.
    pub fn from_code(code: &str) -> Option<BillingUnit> {
        BillingUnit::ALL.into_iter().find(|u| u.code() == code)
    }

    /// The French label: "par école", "par groupe scolaire".
    pub fn label(self) -> &'static str {
        match self {
            BillingUnit::School => "par école",
            BillingUnit::SchoolGroup => "par groupe scolaire",
        }
    }
}

/// A school's level, as the scenario names it. Only the first degree may use the platform
/// (R10, Art. 5-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Nursery school (first degree).
    Maternelle,
    /// Elementary school (first degree).
    Elementaire,
    /// Primary school, nursery and elementary together (first degree).
    Primaire,
    /// Lower secondary school (second degree).
    College,
    /// Upper secondary school (second degree).
    Lycee,
}

impl Level {
    /// Every level, the first degree first.
    pub const ALL: [Level; 5] = [
        Level::Maternelle,
        Level::Elementaire,
        Level::Primaire,
        Level::College,
        Level::Lycee,
    ];

    /// The code the scenario format writes: `maternelle`, `elementaire`…
    pub fn code(self) -> &'static str {
        match self {
            Level::Maternelle => "maternelle",
            Level::Elementaire => "elementaire",
            Level::Primaire => "primaire",
            Level::College => "college",
            Level::Lycee => "lycee",
        }
    }

    /// The level written `code` in a scenario, if any.
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The French label, with its accents: "élémentaire", "collège"…
    pub fn label(self) -> &'static str {
        match self {
            Level::Maternelle => "maternelle",
            Level::Elementaire => "élémentaire",
            Level::Primaire => "primaire",
            Level::College => "collège",
            Level::Lycee => "lycée",
        }
    }

    /// First degree ("premier degré"): maternelle, élémentaire, primaire.
    pub fn is_first_degree(self) -> bool {
        matches!(
            self,
            Level::Maternelle | Level::Elementaire | Level::Primaire
        )
    }
}

/// Whether a school is public or private. Only public schools may be on the list (R10,
/// deliberation point 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sector {
    /// A public school of the commune.
    Public,
    /// A private school.
    Prive,
}

impl Sector {
    /// Both sectors, public first.
    pub const ALL: [Sector; 2] = [Sector::Public, Sector::Prive];

    /// The code the scenario format writes: `public`, `prive`.
    pub fn code(self) -> &'static str {
        match self {
            Sector::Public => "public",
            Sector::Prive => "prive",
        }
    }

    /// The sector written `code` in a scenario, if any.
    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The French label: "public", "privé".
    pub fn label(self) -> &'static str {
        match self {
            Sector::Public => "public",
            Sector::Prive => "privé",
        }
    }
}

/// A person's details as Annexe 1 asks for them. Fields may be empty: R10 says what is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// Last name ("nom").
    pub last_name: String,
    /// First name ("prénom").
    pub first_name: String,
    /// Function ("fonction"), such as "Directrice".
    pub function: String,
    /// E-mail address.
    pub email: String,
    /// Phone number, as written.
    pub phone: String,
}

/// Storage used, in hundredths of a gigabyte: exact, never negative, at most
/// [`StorageGb::MAX_GB`]. A file or a page gives it with at most two decimals (`11,25`), so it
/// is written back and read again to the same value, which a float does not promise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct StorageGb(u64);

impl StorageGb {
    /// The most gigabytes a school can be said to use (far above the 10 GB of Art. 4).
    pub const MAX_GB: u64 = 1_000_000;

    /// `hundredths` hundredths of a gigabyte; `None` above [`StorageGb::MAX_GB`].
    pub fn from_hundredths(hundredths: u64) -> Option<StorageGb> {
        (hundredths <= StorageGb::MAX_GB * 100).then_some(StorageGb(hundredths))
    }

    /// Reads `3,5`, `3.5`, `12` or `0,25` (spaces between digits ignored); `None` for anything
    /// else: a sign, more than two decimals, an exponent, more than [`StorageGb::MAX_GB`].
    pub fn parse(text: &str) -> Option<StorageGb> {
        let text = crate::text::strip_digit_spaces(text.trim());
        let (whole, fraction) = crate::text::split_decimal(&text);
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty())
            || !digits(whole)
            || !digits(fraction)
            || fraction.len() > 2
            || whole.len() > 7
        {
            return None;
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let fraction: u64 = format!("{fraction:0<2}").parse().ok()?;
        StorageGb::from_hundredths(whole * 100 + fraction)
    }

    /// The storage in gigabytes, for comparisons and figures.
    pub fn gb(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// The storage in hundredths of a gigabyte.
    pub fn hundredths(self) -> u64 {
        self.0
    }

    /// `11.25`, `11.2` or `11`: the shortest decimal, with a point, as the file writes it.
    pub fn to_decimal_string(self) -> String {
        let (whole, fraction) = (self.0 / 100, self.0 % 100);
        match fraction {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}.{}", f / 10),
            f => format!("{whole}.{f:02}"),
        }
    }
}

/// A school the commune lists or means to list (Annexe 1), with the dates its access
/// depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct School {
    /// The school's name.
    pub name: String,
    /// Its UAI (the national school code), when known; not checked.
    pub uai: Option<String>,
    /// Its level.
    pub level: Level,
    /// Public or private.
    pub sector: Sector,
    /// The school group it belongs to, for R4 read per group.
    pub group: Option<String>,
    /// Reception of the request by the Métropole.
    pub requested: NaiveDate,
    /// Opening actually seen, when known.
    pub opened: Option<NaiveDate>,
    /// Reception of the removal request by the Métropole.
    pub removal_requested: Option<NaiveDate>,
    /// The day the commune changed the school's administrator, when it did (Annexe 1).
    pub admin_changed: Option<NaiveDate>,
    /// Storage used, when known (R10 warns above the Art. 4 limit).
    pub storage_gb: Option<StorageGb>,
    /// The school's administrator on laclasse.com (Annexe 1), when named.
    pub admin: Option<Contact>,
}

/// The commune, as entered: R10 checks it against the Métropole's list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commune {
    /// Its name, as the commune writes it.
    pub name: String,
    /// Its INSEE code, which decides alone when given.
    pub insee: Option<String>,
}

impl Commune {
    /// The Métropole's commune `record`, by its name and INSEE code.
    pub fn of(record: &crate::communes::CommuneRecord) -> Commune {
        Commune {
            name: record.name.clone(),
            insee: Some(record.insee.clone()),
        }
    }
}

/// The convention's own terms for this commune.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convention {
    /// The notification to the commune: the convention takes effect that day (Art. 8).
    pub notified: NaiveDate,
    /// The fee of one unit for one year (Art. 6).
    pub annual_fee: Money,
    /// The changes of that fee by avenant, by date (R3), at most one a day, none before the
    /// notification.
    pub fee_changes: Vec<FeeChange>,
    /// The reading of R4 the figures are given under.
    pub billing_unit: BillingUnit,
    /// Reception of the termination letter by the Métropole.
    pub termination_received: Option<NaiveDate>,
    /// The day the mayor signed the convention, when known; the notification stands for it
    /// otherwise (D5, hypothèse: the notification follows the signature).
    pub signed: Option<NaiveDate>,
}

impl Convention {
    /// The standard convention notified on `notified`: 150 € a school a year (Art. 6, read
    /// per school, R4), not terminated.
    pub fn standard(notified: NaiveDate) -> Convention {
        Convention {
            notified,
            annual_fee: crate::convention::DEFAULT_ANNUAL_FEE,
            fee_changes: Vec::new(),
            billing_unit: BillingUnit::School,
            termination_received: None,
            signed: None,
        }
    }
}

/// A change of the Art. 6 fee by avenant (R3): the amount of one unit for one year from a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeeChange {
    /// The first day the new amount is in force.
    pub from: NaiveDate,
    /// The fee of one unit for one year from then.
    pub annual_fee: Money,
    /// The avenant and, when known, the decisions that approve it, as written.
    pub source: String,
}

/// The commune's declaration of use (Art. 4). Absent in a scenario, it is taken as declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// The use is educational or cultural.
    pub educational_or_cultural: bool,
    /// The use is commercial (excluded).
    pub commercial: bool,
}

impl Default for Usage {
    fn default() -> Usage {
        Usage {
            educational_or_cultural: true,
            commercial: false,
        }
    }
}

/// The commune's contacts that Annexe 1 asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contacts {
    /// The technical referent in the commune.
    pub technical_referent: Option<Contact>,
    /// The person who follows the project, invited to the "comité de suivi".
    pub project_lead: Option<Contact>,
}

/// The council's deliberation that approves the convention (R9, D1–D6), as far as it is known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deliberation {
    /// Its number in the commune's register (« 2023-64 »), when known.
    pub number: Option<String>,
    /// Who presents it to the council, when known (D6).
    pub rapporteur: Option<String>,
    /// The rapporteur's exposé, when written (D6).
    pub expose: Option<String>,
    /// Its publication (or display), from which the appeal runs (R9), when known.
    pub published: Option<NaiveDate>,
    /// Its transmission to the préfecture, from which the préfet's referral runs (D5), when
    /// known.
    pub transmitted: Option<NaiveDate>,
    /// The council meeting that votes it (D1).
    pub meeting: Meeting,
    /// The mayor in office, the executive who signs (D6, CGCT L2122-21), when entered.
    pub mayor: Option<Mayor>,
}

impl Deliberation {
    /// The mayor in office, the executive (D6, CGCT L2122-21): as entered, or else the chair
    /// when the chair's title is the Maire's (hypothèse); `None` when unknown.
    pub fn executive(&self) -> Option<Mayor> {
        if let Some(m) = &self.mayor {
            return Some(m.clone());
        }
        let m = &self.meeting;
        match (&m.chair, &m.chair_title) {
            (Some(chair), Some(title)) if is_mayor_title(title) => Some(Mayor {
                name: chair.clone(),
                title: Some(title.clone()),
            }),
            _ => None,
        }
    }
}

/// Whether `title` is the Maire's (« Maire », « Monsieur le Maire », « Madame la Maire »), not an
/// adjoint's or a councillor's.
pub fn is_mayor_title(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    let function = ["monsieur le ", "madame la ", "madame le "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    function == "maire"
}

/// The mayor in office: the commune's executive (CGCT L2122-21), named by AUTORISE and CHARGE
/// and signing the letters, whoever chairs the meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mayor {
    /// « CHARMOT Pascal ».
    pub name: String,
    /// The title with its gender as entered (« Maire », « Madame la Maire »), when given.
    pub title: Option<String>,
}

/// How the chair voted, which decides a tie outside a secret ballot (D4, CGCT L2121-20).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChairVote {
    /// For: a tie passes.
    For,
    /// Against: a tie is rejected.
    Against,
    /// Abstention: no casting vote, a tie is rejected.
    Abstention,
}

impl ChairVote {
    /// Every vote, in the order a form lists them.
    pub const ALL: [ChairVote; 3] = [ChairVote::For, ChairVote::Against, ChairVote::Abstention];

    /// The code the scenario format writes: `for`, `against`, `abstention`.
    pub fn code(self) -> &'static str {
        match self {
            ChairVote::For => "for",
            ChairVote::Against => "against",
            ChairVote::Abstention => "abstention",
        }
    }

    /// The vote written `code` in a scenario, if any.
    pub fn from_code(code: &str) -> Option<ChairVote> {
        ChairVote::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The French label: « pour », « contre », « abstention ».
    pub fn label(self) -> &'static str {
        match self {
            ChairVote::For => "pour",
            ChairVote::Against => "contre",
            ChairVote::Abstention => "abstention",
        }
    }
}

/// The council's deliberation, or the mayor's décision under delegation, that terminates the
/// convention (D7), cited by the termination letter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TerminationAct {
    /// Its number, when known.
    pub number: Option<String>,
    /// Its date, when known.
    pub date: Option<NaiveDate>,
}

/// A proxy: an absent member gives a colleague a written power to vote (D4, CGCT L2121-20).
/// Written and read as the minutes write it: « CONTREL Nathalie donne pouvoir à ACQUAVIVA
/// Caroline » ([`Display`](fmt::Display), [`FromStr`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proxy {
    /// The absent member who gives it.
    pub giver: String,
    /// The member who holds it.
    pub holder: String,
}

impl Proxy {
    /// The words between the giver and the holder.
    pub const WORDS: &'static str = "donne pouvoir à";
}

impl fmt::Display for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.giver, Proxy::WORDS, self.holder)
    }
}

/// A text that is not « X donne pouvoir à Y ».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAProxy;

impl FromStr for Proxy {
    type Err = NotAProxy;

    /// « X donne pouvoir à Y », the words in any case; the holder may end with « ; », « . »
    /// or « , ».
    fn from_str(line: &str) -> Result<Proxy, NotAProxy> {
        let words = format!(" {} ", Proxy::WORDS);
        let at = line.to_lowercase().find(&words).ok_or(NotAProxy)?;
        // Lower-casing keeps byte offsets for these words (ASCII and « à » alike).
        let (giver, holder) = (
            line.get(..at).ok_or(NotAProxy)?,
            line.get(at + words.len()..).ok_or(NotAProxy)?,
        );
        let (giver, holder) = (
            giver.trim(),
            holder.trim().trim_end_matches([';', '.', ',']).trim(),
        );
        if giver.is_empty() || holder.is_empty() {
            return Err(NotAProxy);
        }
        Ok(Proxy {
            giver: giver.to_string(),
            holder: holder.to_string(),
        })
    }
}

/// The names of a list as typed: one a line, or separated by commas or semicolons (a name
/// holds none), trimmed, blanks left out.
pub fn names_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The proxies of a list as typed: one a line, or separated by semicolons.
pub fn proxy_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The vote on the deliberation (D1, D4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vote {
    /// Votes for.
    pub for_votes: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions (and blank votes): not cast (suffrages exprimés).
    pub abstentions: u32,
}

/// The council meeting (séance), as its minutes record it (D1). Every part is optional: the
/// draft leaves blanks to fill for what is not known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meeting {
    /// The day of the meeting.
    pub date: Option<NaiveDate>,
    /// Its hour, `HH:MM`.
    pub time: Option<(u32, u32)>,
    /// Where it is held.
    pub place: Option<String>,
    /// Who chairs it (« CHARMOT Pascal »).
    pub chair: Option<String>,
    /// The chair's title (« Maire », « Maire-adjointe »…).
    pub chair_title: Option<String>,
    /// The day the convocation was sent.
    pub convened: Option<NaiveDate>,
    /// The commune's population, which sets the convocation's delay (D3).
    pub population: Option<u32>,
    /// Members in office.
    pub in_office: Option<u32>,
    /// Members present, by name.
    pub present: Vec<String>,
    /// How many members are present, when the count is known before the names (D1): it
    /// suffices for the quorum and the votants; names, when given too, are checked against it.
    pub present_count: Option<u32>,
    /// How many absent members gave a proxy, when the count is known.
    pub proxies_count: Option<u32>,
    /// How many members are absent without a proxy, when the count is known.
    pub absent_count: Option<u32>,
    /// Absent members with a proxy.
    pub proxies: Vec<Proxy>,
    /// Absent members without a proxy, by name.
    pub absent: Vec<String>,
    /// The secretary of the meeting (CGCT L2121-15).
    pub secretary: Option<String>,
    /// The vote, when known.
    pub vote: Option<Vote>,
    /// The committee that gave its opinion, when one did.
    pub committee: Option<String>,
    /// The day of the committee's opinion.
    pub committee_opinion: Option<NaiveDate>,
    /// The meeting follows a first one without quorum (D2, CGCT L2121-17): it needs none.
    pub second_convocation: bool,
    /// The day of the first meeting, without quorum (D2).
    pub quorum_failed_on: Option<NaiveDate>,
    /// The mayor shortened the convocation's delay for urgency (D3): one jour franc at least.
    pub urgency: bool,
    /// Why, as the convocation says it (D3).
    pub urgency_reason: Option<String>,
    /// Whether the note explicative de synthèse went with the convocation (D3, from 3 500
    /// inhabitants); `None` when not said.
    pub synthesis_note: Option<bool>,
    /// Members who take no part in the vote (D4, CGCT L2131-11), by name.
    pub not_voting: Vec<String>,
    /// The vote was by secret ballot (D4, CGCT L2121-21): a tie is then rejected.
    pub secret_ballot: bool,
    /// The chair's own vote, which decides a tie outside a secret ballot (D4).
    pub chair_vote: Option<ChairVote>,
}

impl Meeting {
    /// Whether nothing of the meeting is known.
    pub fn is_empty(&self) -> bool {
        *self == Meeting::default()
    }

    /// The members present: the count when given, else the names listed.
    pub fn n_present(&self) -> u32 {
        self.present_count
            .unwrap_or(u32::try_from(self.present.len()).unwrap_or(u32::MAX))
    }

    /// Whether who attends is known, by names or by counts: the quorum and the votants can be
    /// checked.
    pub fn attendance_known(&self) -> bool {
        !self.present.is_empty()
            || !self.proxies.is_empty()
            || self.present_count.is_some()
            || self.proxies_count.is_some()
    }
}

/// A whole scenario, valid by construction of `io::scenario::parse`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The commune.
    pub commune: Commune,
    /// The convention's terms.
    pub convention: Convention,
    /// The council's deliberation, as far as it is known (R9, D5).
    pub deliberation: Deliberation,
    /// Last day of the planning horizon (inclusive), on or after `notified`.
    pub horizon_until: NaiveDate,
    /// `None` when the scenario does not declare it (then taken as declared, R10).
    pub usage: Option<Usage>,
    /// The commune's contacts.
    pub contacts: Contacts,
    /// The schools, in the order entered; shared, so that a scenario read again after an edit
    /// of its head keeps its schools without copying them.
    pub schools: Rc<Vec<School>>,
    /// The council delegated L2122-22 4° to the mayor: the mayor decides a termination (D7).
    pub termination_delegation: bool,
    /// The deliberation or décision that terminates, cited by the letter (D7).
    pub termination_act: Option<TerminationAct>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_reads_and_writes_as_the_minutes_write_it() {
        let p: Proxy = "CONTREL Nathalie DONNE POUVOIR À ACQUAVIVA Caroline ;"
            .parse()
            .unwrap();
        assert_eq!(p.giver, "CONTREL Nathalie");
        assert_eq!(p.holder, "ACQUAVIVA Caroline");
        assert_eq!(
            p.to_string(),
            "CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline"
        );
        assert_eq!(p.to_string().parse::<Proxy>(), Ok(p));
        for wrong in [
            "CONTREL Nathalie",
            " donne pouvoir à ACQUAVIVA Caroline",
            "CONTREL Nathalie donne pouvoir à ",
            "CONTREL Nathalie a donné pouvoir à ACQUAVIVA Caroline",
        ] {
            assert_eq!(wrong.parse::<Proxy>(), Err(NotAProxy), "{wrong}");
        }
    }

    #[test]
    fn names_are_split_by_lines_commas_and_semicolons() {
        let names: Vec<&str> = names_in("A B,  C D\n\n E F ; G H,").collect();
        assert_eq!(names, ["A B", "C D", "E F", "G H"]);
        let lines: Vec<&str> = proxy_lines("X donne pouvoir à Y ; Z donne pouvoir à W\n").collect();
        assert_eq!(lines, ["X donne pouvoir à Y", "Z donne pouvoir à W"]);
    }
}

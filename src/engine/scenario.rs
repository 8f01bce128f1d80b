//! What a commune enters, once validated: every value here is already well formed
//! (dates are dates, the fee is positive cents). Parsing and its errors live in `io`.

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
    pub const ALL: [BillingUnit; 2] = [BillingUnit::School, BillingUnit::SchoolGroup];

    pub fn code(self) -> &'static str {
        match self {
            BillingUnit::School => "school",
            BillingUnit::SchoolGroup => "school_group",
        }
    }

    pub fn from_code(code: &str) -> Option<BillingUnit> {
        BillingUnit::ALL.into_iter().find(|u| u.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            BillingUnit::School => "par école",
            BillingUnit::SchoolGroup => "par groupe scolaire",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Maternelle,
    Elementaire,
    Primaire,
    College,
    Lycee,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Maternelle,
        Level::Elementaire,
        Level::Primaire,
        Level::College,
        Level::Lycee,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Level::Maternelle => "maternelle",
            Level::Elementaire => "elementaire",
            Level::Primaire => "primaire",
            Level::College => "college",
            Level::Lycee => "lycee",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sector {
    Public,
    Prive,
}

impl Sector {
    pub const ALL: [Sector; 2] = [Sector::Public, Sector::Prive];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Public => "public",
            Sector::Prive => "prive",
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }

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
    pub last_name: String,
    pub first_name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
}

/// Storage used, in gigabytes as entered: finite and never negative.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct StorageGb(f64);

impl StorageGb {
    pub fn new(gb: f64) -> Option<StorageGb> {
        (gb.is_finite() && gb >= 0.0).then_some(StorageGb(gb))
    }

    pub fn gb(self) -> f64 {
        self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct School {
    pub name: String,
    pub uai: Option<String>,
    pub level: Level,
    pub sector: Sector,
    pub group: Option<String>,
    /// Reception of the request by the Métropole.
    pub requested: NaiveDate,
    /// Opening actually seen, when known.
    pub opened: Option<NaiveDate>,
    /// Reception of the removal request by the Métropole.
    pub removal_requested: Option<NaiveDate>,
    pub storage_gb: Option<StorageGb>,
    pub admin: Option<Contact>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commune {
    pub name: String,
    pub insee: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convention {
    pub notified: NaiveDate,
    pub annual_fee: Money,
    pub billing_unit: BillingUnit,
    /// Reception of the termination letter by the Métropole.
    pub termination_received: Option<NaiveDate>,
}

/// The commune's declaration of use (Art. 4). Absent in a scenario, it is taken as declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub educational_or_cultural: bool,
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contacts {
    pub technical_referent: Option<Contact>,
    pub project_lead: Option<Contact>,
}

/// A whole scenario, valid by construction of `io::scenario::parse`.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub commune: Commune,
    pub convention: Convention,
    pub deliberation_published: Option<NaiveDate>,
    /// Last day of the planning horizon (inclusive), on or after `notified`.
    pub horizon_until: NaiveDate,
    /// `None` when the scenario does not declare it (then taken as declared, R10).
    pub usage: Option<Usage>,
    pub contacts: Contacts,
    pub schools: Vec<School>,
}

//! R10 — which schools may be put on the list, and why not (Art. 4, 5-1, Annexe 1,
//! deliberation).

use super::clause::Clause;
use super::communes::{self, CommuneRecord, MatchedBy};
use super::convention::STORAGE_LIMIT_GB;
use super::explain::{Explanation, Rule, assumptions};
use super::scenario::{Commune, Contact, Contacts, Level, School, Sector, Usage};
use super::text::fr_decimal;

/// What blocks eligibility, in the order the report lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// The commune is not one of the Métropole de Lyon's (Art. 1).
    Commune,
    /// Not a first-degree school (Art. 5-1).
    Level,
    /// Not a public school (deliberation, point 1).
    Sector,
    /// The administrator's details are missing or invalid (Annexe 1).
    Admin,
    /// The commune declares no educational or cultural use, or a commercial one (Art. 4).
    Usage,
}

impl Reason {
    /// The code the report writes: `commune`, `level`, `sector`, `admin`, `usage`.
    pub fn code(self) -> &'static str {
        match self {
            Reason::Commune => "commune",
            Reason::Level => "level",
            Reason::Sector => "sector",
            Reason::Admin => "admin",
            Reason::Usage => "usage",
        }
    }
}

/// What does not block but needs attention, in the report's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Warning {
    /// More storage used than Art. 4 allows.
    Storage,
    /// The commune's technical referent or project lead is missing or invalid (Annexe 1).
    Contacts,
}

impl Warning {
    /// The code the report writes: `storage`, `contacts`.
    pub fn code(self) -> &'static str {
        match self {
            Warning::Storage => "storage",
            Warning::Contacts => "contacts",
        }
    }
}

/// A reason or a warning with its clause and a French sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<C> {
    /// What it is: a [`Reason`] or a [`Warning`].
    pub code: C,
    /// The clause it comes from.
    pub clause: Clause,
    /// What is wrong, one French sentence.
    pub message: String,
}

/// A field of a contact (Annexe 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    /// The last name.
    LastName,
    /// The first name.
    FirstName,
    /// The function, such as "Directrice".
    Function,
    /// The e-mail address.
    Email,
    /// The phone number.
    Phone,
}

impl ContactField {
    /// Every field, in Annexe 1's order.
    pub const ALL: [ContactField; 5] = [
        ContactField::LastName,
        ContactField::FirstName,
        ContactField::Function,
        ContactField::Email,
        ContactField::Phone,
    ];

    /// The field's French name, in lower case: `nom`, `e-mail`…
    pub fn label(self) -> &'static str {
        match self {
            ContactField::LastName => "nom",
            ContactField::FirstName => "prénom",
            ContactField::Function => "fonction",
            ContactField::Email => "e-mail",
            ContactField::Phone => "téléphone",
        }
    }

    /// The field's value in `contact`, as entered.
    pub fn value(self, contact: &Contact) -> &str {
        match self {
            ContactField::LastName => &contact.last_name,
            ContactField::FirstName => &contact.first_name,
            ContactField::Function => &contact.function,
            ContactField::Email => &contact.email,
            ContactField::Phone => &contact.phone,
        }
    }
}

/// One thing wrong with a contact's details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactProblem {
    /// `None` when the whole contact is missing.
    pub field: Option<ContactField>,
    /// What is wrong, in French: "e-mail manquant".
    pub message: String,
}

/// R10 (Annexe 1): whether an administrator's or a contact's e-mail is valid: one `@`, no
/// space, something before it, and after it a domain with a dot that is neither its first nor
/// its last character.
pub fn r10_email_is_valid(email: &str) -> bool {
    let email = email.trim();
    if email.chars().any(char::is_whitespace) {
        return false;
    }
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// R10 (Annexe 1): whether a phone number is valid: only digits, spaces, dots, hyphens,
/// parentheses and a leading `+`; at least 10 digits.
pub fn r10_phone_is_valid(phone: &str) -> bool {
    let phone = phone.trim();
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let mut digits = 0;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b' ' | b'.' | b'-' | b'(' | b')' => {}
            _ => return false,
        }
    }
    digits >= 10
}

/// R10 (Annexe 1): what is missing or invalid in a contact (name, first name, function,
/// e-mail, phone). Empty when the contact is complete.
pub fn r10_contact_problems(contact: Option<&Contact>) -> Vec<ContactProblem> {
    let Some(contact) = contact else {
        return vec![ContactProblem {
            field: None,
            message: "coordonnées absentes".to_string(),
        }];
    };
    ContactField::ALL
        .into_iter()
        .filter_map(|field| {
            let value = field.value(contact).trim();
            let message = if value.is_empty() {
                format!("{} manquant", field.label())
            } else if field == ContactField::Email && !r10_email_is_valid(value) {
                format!("e-mail « {value} » invalide")
            } else if field == ContactField::Phone && !r10_phone_is_valid(value) {
                format!("téléphone « {value} » invalide (au moins 10 chiffres)")
            } else {
                return None;
            };
            Some(ContactProblem {
                field: Some(field),
                message,
            })
        })
        .collect()
}

/// The commune against the Métropole's list: the INSEE code decides alone when given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommuneCheck {
    /// The commune found, if any.
    pub record: Option<&'static CommuneRecord>,
    /// How it was found.
    pub matched_by: Option<MatchedBy>,
    /// The other commune the name designates, when the code decided for another one: said,
    /// never silently settled.
    pub name_disagrees: Option<&'static CommuneRecord>,
    /// The code is one of the Métropole's but the name, typed, is none of the 58 names (nor a
    /// former one): the commune is to confirm, said, never silently settled.
    pub name_unknown: bool,
    /// Which code or name decided, and how.
    pub why: Explanation,
}

/// R10 (Art. 1): whether `commune` is one of the 58 communes of the Métropole de Lyon, by its
/// INSEE code when given (former codes accepted), else by its name (folded, former names
/// accepted).
pub fn r10_commune(commune: &Commune) -> CommuneCheck {
    let code = commune
        .insee
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let found = match code {
        Some(code) => communes::by_code(code),
        None => communes::by_name(&commune.name),
    };
    let mut why = Explanation::new(
        Rule::R10,
        "Commune de la Métropole de Lyon",
        Clause::Art1Territory,
    )
    .input("Commune", commune.name.clone());
    if let Some(code) = code {
        why = why.input("Code INSEE", code);
    }
    let step = match (found, code) {
        (Some((c, MatchedBy::Code)), _) => {
            format!(
                "Le code INSEE {} est celui de {}, commune de la Métropole.",
                c.insee, c.name
            )
        }
        (Some((c, MatchedBy::FormerCode)), Some(code)) => format!(
            "Le code INSEE {code} est un ancien code de {} ({}), commune de la Métropole.",
            c.name, c.insee
        ),
        (Some((c, MatchedBy::Name)), _) => {
            format!(
                "« {} » est le nom de {} ({}), commune de la Métropole.",
                commune.name, c.name, c.insee
            )
        }
        (Some((c, _)), _) => format!(
            "« {} » est un ancien nom de {} ({}), commune de la Métropole.",
            commune.name, c.name, c.insee
        ),
        (None, Some(code)) if code.chars().count() != 5 => format!(
            "« {code} » n'est pas un code INSEE (5 caractères, par exemple 69244 pour Tassin-la-Demi-Lune) : ce n'est donc pas celui d'une des 58 communes de la Métropole de Lyon."
        ),
        (None, Some(code)) => format!(
            "Le code INSEE {code} n'est pas celui d'une des 58 communes de la Métropole de Lyon : l'ENT n'est mis à disposition que des communes du territoire."
        ),
        (None, None) => format!(
            "« {} » n'est pas le nom d'une des 58 communes de la Métropole de Lyon : l'ENT n'est mis à disposition que des communes du territoire.",
            commune.name.trim()
        ),
    };
    let named = communes::by_name(&commune.name).map(|(named, _)| named);
    let name_disagrees = match (found, code) {
        (Some((c, _)), Some(_)) => named.filter(|named| named.insee != c.insee),
        (None, Some(_)) => named,
        _ => None,
    };
    let name_unknown =
        code.is_some() && found.is_some() && named.is_none() && !commune.name.trim().is_empty();
    let mut why = why.step(step);
    match (name_disagrees, found, code) {
        (Some(named), Some((c, _)), _) => {
            why = why.step(format!(
                "Le nom « {} » est celui d'une autre commune, {} ({}) : le nom et le code ne désignent pas la même commune, la commune est à confirmer. Corrigez l'un ou l'autre ; en attendant, le code INSEE décide ({}), par hypothèse.",
                commune.name.trim(),
                named.name,
                named.insee,
                c.name
            ))
        }
        (Some(named), None, Some(code)) => {
            why = why.step(format!(
                "Le nom « {} » est celui de {} ({}), commune de la Métropole, mais le code INSEE {code} ne l'est pas : le nom et le code ne désignent pas la même commune, la commune est à confirmer. Corrigez l'un ou l'autre ; en attendant, le code INSEE décide, par hypothèse.",
                commune.name.trim(),
                named.name,
                named.insee
            ))
        }
        _ => {}
    }
    if let (true, Some((c, _))) = (name_unknown, found) {
        why = why.step(format!(
            "Le nom « {} » n'est celui d'aucune des 58 communes, alors que le code INSEE est celui de {} : la commune est à confirmer. Corrigez le nom ou le code ; en attendant, le code INSEE décide, par hypothèse.",
            commune.name.trim(),
            c.name
        ));
    }
    CommuneCheck {
        record: found.map(|(c, _)| c),
        matched_by: found.map(|(_, m)| m),
        name_disagrees,
        name_unknown,
        why,
    }
}

impl CommuneCheck {
    /// The name and the code do not designate the same commune: every page and document says
    /// the commune is to confirm.
    pub fn to_confirm(&self) -> bool {
        self.name_disagrees.is_some() || self.name_unknown
    }

    /// What a document writes beside the commune's name when it is to confirm: « [commune à
    /// confirmer : le code INSEE 69244 est celui de Tassin-la-Demi-Lune] ».
    pub fn confirm_mark(&self, insee: Option<&str>) -> Option<String> {
        if !self.to_confirm() {
            return None;
        }
        let code = insee.map(str::trim).unwrap_or_default();
        Some(match self.record {
            Some(c) => format!(
                "[commune à confirmer : le code INSEE {code} est celui de {}]",
                c.name
            ),
            None => format!(
                "[commune à confirmer : le code INSEE {code} n'est pas celui de cette commune]"
            ),
        })
    }
}

/// The commune's contacts (Annexe 1), checked once for every school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactsCheck {
    /// What is wrong with the technical referent; empty when complete.
    pub technical_referent: Vec<ContactProblem>,
    /// What is wrong with the project lead; empty when complete.
    pub project_lead: Vec<ContactProblem>,
}

impl ContactsCheck {
    /// Both contacts are complete and valid.
    pub fn is_complete(&self) -> bool {
        self.technical_referent.is_empty() && self.project_lead.is_empty()
    }
}

/// R10 (Annexe 1): the commune's technical referent and project lead, checked by the
/// administrator's rule. A problem here is a warning, never a reason.
pub fn r10_contacts(contacts: &Contacts) -> ContactsCheck {
    ContactsCheck {
        technical_referent: r10_contact_problems(contacts.technical_referent.as_ref()),
        project_lead: r10_contact_problems(contacts.project_lead.as_ref()),
    }
}

/// A school's eligibility: the reasons that block it and the warnings, each with its clause.
/// The explanation is rendered on demand by [`Eligibility::why`] from what was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    /// What blocks the school, in [`Reason`]'s order; empty when eligible.
    pub reasons: Vec<Finding<Reason>>,
    /// What needs attention without blocking, in [`Warning`]'s order.
    pub warnings: Vec<Finding<Warning>>,
    school: String,
    level: Level,
    sector: Sector,
    commune: Option<&'static str>,
    usage_assumed: bool,
}

impl Eligibility {
    /// No reason blocks the school: it may be on the Annexe 1 list.
    pub fn eligible(&self) -> bool {
        self.reasons.is_empty()
    }

    /// The checks one by one, with their clauses.
    pub fn why(&self) -> Explanation {
        let mut why = Explanation::new(
            Rule::R10,
            format!("Éligibilité de « {} »", self.school),
            Clause::Art5FirstDegree,
        )
        .input("Niveau", self.level.label())
        .input("Secteur", self.sector.label());
        let blocked = |code: Reason| self.reasons.iter().any(|r| r.code == code);
        if let Some(name) = self.commune {
            why = why.step(format!("Commune : {name} fait partie de la Métropole."));
        }
        if !blocked(Reason::Level) {
            why = why.step(format!("Niveau : {}, premier degré.", self.level.label()));
        }
        if !blocked(Reason::Sector) {
            why = why.step("Secteur : école publique.");
        }
        if !blocked(Reason::Admin) {
            why =
                why.step("Administrateur : nom, prénom, fonction, e-mail et téléphone renseignés.");
        }
        if !blocked(Reason::Usage) {
            why = why.step("Usage : éducatif ou culturel, non commercial.");
        }
        if self.sector == Sector::Prive {
            why = why.assume(assumptions::PUBLIC_SCHOOLS_ONLY);
        }
        if self.usage_assumed {
            why = why.assume(assumptions::USAGE_DECLARED);
        }
        for r in &self.reasons {
            why = why
                .also(r.clause)
                .step(format!("Non éligible : {}", r.message));
        }
        for w in &self.warnings {
            why = why
                .also(w.clause)
                .step(format!("Attention : {}", w.message));
        }
        why.step(if self.reasons.is_empty() {
            "L'école peut figurer sur la liste de l'annexe 1."
        } else {
            "L'école ne peut pas figurer sur la liste : elle n'a pas d'accès et n'est pas facturée."
        })
    }
}

/// R10 (Art. 4, 5-1, Annexe 1, deliberation point 1): whether `school` may be put on the
/// Annexe 1 list, with the reasons that block it and the warnings, each with its clause.
/// `commune` and `contacts` are checked once for all the schools; `usage` absent is taken as
/// declared.
pub fn r10_eligibility(
    school: &School,
    commune: &CommuneCheck,
    usage: Option<Usage>,
    contacts: &ContactsCheck,
) -> Eligibility {
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    if commune.record.is_none() {
        reasons.push(Finding {
            code: Reason::Commune,
            clause: Clause::Art1Territory,
            message: "La commune n'est pas une commune de la Métropole de Lyon.".to_string(),
        });
    }
    if !school.level.is_first_degree() {
        reasons.push(Finding {
            code: Reason::Level,
            clause: Clause::Art5FirstDegree,
            message: format!(
                "Un {} n'est pas un établissement du premier degré (maternelle, élémentaire ou primaire).",
                school.level.label()
            ),
        });
    }
    if school.sector == Sector::Prive {
        reasons.push(Finding {
            code: Reason::Sector,
            clause: Clause::DeliberationPublicSchools,
            message: "Une école privée n'est pas une école publique de la commune (hypothèse : la convention sert les écoles de la commune, c'est-à-dire ses écoles publiques ; la délibération vise les « écoles publiques »).".to_string(),
        });
    }
    let admin = r10_contact_problems(school.admin.as_ref());
    if !admin.is_empty() {
        reasons.push(Finding {
            code: Reason::Admin,
            clause: Clause::Annexe1Administrator,
            message: format!("Administrateur de l'école : {}.", join(&admin)),
        });
    }
    let declared = usage.unwrap_or_default();
    if !declared.educational_or_cultural || declared.commercial {
        reasons.push(Finding {
            code: Reason::Usage,
            clause: Clause::Art4Usage,
            message: if declared.commercial {
                "La commune déclare un usage commercial, exclu par la convention.".to_string()
            } else {
                "La commune ne déclare pas un usage éducatif ou culturel.".to_string()
            },
        });
    }

    if let Some(gb) = school.storage_gb.filter(|s| s.gb() > STORAGE_LIMIT_GB) {
        warnings.push(Finding {
            code: Warning::Storage,
            clause: Clause::Art4Storage,
            message: format!(
                "{} Go utilisés, au-delà des {} Go prévus par établissement.",
                fr_decimal(gb.gb()),
                fr_decimal(STORAGE_LIMIT_GB)
            ),
        });
    }
    if !contacts.is_complete() {
        let mut parts = Vec::new();
        if !contacts.technical_referent.is_empty() {
            parts.push(format!(
                "référent technique : {}",
                join(&contacts.technical_referent)
            ));
        }
        if !contacts.project_lead.is_empty() {
            parts.push(format!("chef de projet : {}", join(&contacts.project_lead)));
        }
        warnings.push(Finding {
            code: Warning::Contacts,
            clause: Clause::Annexe1Contacts,
            message: format!("Contacts de la commune incomplets ({}).", parts.join(" ; ")),
        });
    }
    Eligibility {
        reasons,
        warnings,
        school: school.name.clone(),
        level: school.level,
        sector: school.sector,
        commune: commune.record.map(|c| c.name.as_str()),
        usage_assumed: usage.is_none(),
    }
}

fn join(problems: &[ContactProblem]) -> String {
    problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso;
    use crate::scenario::StorageGb;

    fn admin() -> Contact {
        Contact {
            last_name: "Nom".into(),
            first_name: "Claire".into(),
            function: "Directrice".into(),
            email: "dir@ecole.example.fr".into(),
            phone: "04 78 00 00 26".into(),
        }
    }

    fn school() -> School {
        School {
            name: "École".into(),
            uai: None,
            level: Level::Elementaire,
            sector: Sector::Public,
            group: None,
            requested: parse_iso("2023-11-10").unwrap(),
            opened: None,
            removal_requested: None,
            admin_changed: None,
            storage_gb: None,
            admin: Some(admin()),
        }
    }

    fn tassin() -> CommuneCheck {
        r10_commune(&Commune {
            name: "Tassin-la-Demi-Lune".into(),
            insee: Some("69244".into()),
        })
    }

    fn complete() -> ContactsCheck {
        r10_contacts(&Contacts {
            technical_referent: Some(admin()),
            project_lead: Some(admin()),
        })
    }

    fn codes(e: &Eligibility) -> Vec<&'static str> {
        e.reasons.iter().map(|r| r.code.code()).collect()
    }

    #[test]
    fn emails() {
        assert!(r10_email_is_valid("dir26@ecole.example.fr"));
        assert!(r10_email_is_valid("a@b.c"));
        assert!(!r10_email_is_valid("a@b"));
        assert!(!r10_email_is_valid("@b.fr"));
        assert!(!r10_email_is_valid("a@.fr"));
        assert!(!r10_email_is_valid("a@fr."));
        assert!(!r10_email_is_valid("a b@c.fr"));
        assert!(!r10_email_is_valid("a@b@c.fr"));
        assert!(!r10_email_is_valid(""));
    }

    #[test]
    fn phones() {
        assert!(r10_phone_is_valid("04 78 00 00 26"));
        assert!(r10_phone_is_valid("0478000100"));
        assert!(r10_phone_is_valid("+33 (0)4.78.00.00.26"));
        assert!(r10_phone_is_valid("04-78-00-00-26"));
        assert!(!r10_phone_is_valid("04 78 00 00 2"));
        assert!(!r10_phone_is_valid("04 78 00 00 26 poste 3"));
        assert!(!r10_phone_is_valid("04+78000000026"));
        assert!(!r10_phone_is_valid("++33478000026"));
    }

    #[test]
    fn an_ordinary_school_is_eligible() {
        let e = r10_eligibility(&school(), &tassin(), None, &complete());
        assert!(e.eligible());
        assert!(e.warnings.is_empty());
        assert!(e.why().assumptions.contains(&assumptions::USAGE_DECLARED));
    }

    #[test]
    fn every_reason_in_order() {
        let mut s = school();
        s.level = Level::College;
        s.sector = Sector::Prive;
        let private = r10_eligibility(
            &s,
            &r10_commune(&Commune {
                name: "Bron".into(),
                insee: None,
            }),
            None,
            &complete(),
        );
        assert!(
            private
                .why()
                .assumptions
                .contains(&assumptions::PUBLIC_SCHOOLS_ONLY)
        );
        assert!(
            private
                .reasons
                .iter()
                .any(|r| r.message.contains("hypothèse"))
        );
        s.admin.as_mut().unwrap().email = "pas-un-mail".into();
        let paris = r10_commune(&Commune {
            name: "Paris".into(),
            insee: None,
        });
        let usage = Usage {
            educational_or_cultural: true,
            commercial: true,
        };
        let e = r10_eligibility(&s, &paris, Some(usage), &complete());
        assert_eq!(codes(&e), ["commune", "level", "sector", "admin", "usage"]);
        assert_eq!(e.reasons[1].clause.reference(), "Art. 5-1");
        assert!(
            e.reasons[3]
                .message
                .contains("e-mail « pas-un-mail » invalide")
        );
    }

    #[test]
    fn insee_code_decides_alone() {
        let c = r10_commune(&Commune {
            name: "Paris".into(),
            insee: Some("69244".into()),
        });
        assert!(c.record.is_some());
        let c = r10_commune(&Commune {
            name: "Tassin-la-Demi-Lune".into(),
            insee: Some("75056".into()),
        });
        assert!(c.record.is_none());
        assert!(c.why.steps[0].contains("75056"));
    }

    #[test]
    fn a_name_and_a_code_that_disagree_are_said_whichever_is_outside() {
        // A Métropole code under a name that is none of the 58.
        let c = r10_commune(&Commune {
            name: "Paris".into(),
            insee: Some("69244".into()),
        });
        assert!(c.name_unknown && c.to_confirm());
        assert!(c.why.steps[1].contains("« Paris » n'est celui d'aucune des 58 communes"));
        assert_eq!(
            c.confirm_mark(Some("69244")).unwrap(),
            "[commune à confirmer : le code INSEE 69244 est celui de Tassin-la-Demi-Lune]"
        );
        // A Métropole name under a code outside the Métropole.
        let c = r10_commune(&Commune {
            name: "Craponne".into(),
            insee: Some("75056".into()),
        });
        assert!(c.record.is_none() && c.to_confirm());
        assert_eq!(c.name_disagrees.unwrap().insee, "69069");
        assert!(c.why.steps[1].contains("mais le code INSEE 75056 ne l'est pas"));
        assert!(
            c.confirm_mark(Some("75056"))
                .unwrap()
                .contains("n'est pas celui de cette commune")
        );
        // Two Métropole communes.
        let c = r10_commune(&Commune {
            name: "Craponne".into(),
            insee: Some("69244".into()),
        });
        assert!(c.to_confirm() && !c.name_unknown);
        // Agreement, a former code, or no code: nothing to confirm.
        for (name, code) in [
            ("Tassin-la-Demi-Lune", Some("69244")),
            ("Paris", None),
            ("Tassin la demi lune", Some(" 69244 ")),
        ] {
            let c = r10_commune(&Commune {
                name: name.into(),
                insee: code.map(Into::into),
            });
            assert!(!c.to_confirm(), "{name} {code:?}");
            assert_eq!(c.confirm_mark(code), None);
        }
        // A code that is not one (ten digits typed after an auto-filled one): said as such.
        let c = r10_commune(&Commune {
            name: "Craponne".into(),
            insee: Some("6906975056".into()),
        });
        assert!(
            c.why.steps[0].starts_with("« 6906975056 » n'est pas un code INSEE (5 caractères"),
            "{:?}",
            c.why.steps
        );
        // No name at all under a code: nothing typed to disagree.
        assert!(
            !r10_commune(&Commune {
                name: " ".into(),
                insee: Some("69244".into())
            })
            .to_confirm()
        );
    }

    #[test]
    fn missing_admin_and_warnings() {
        let mut s = school();
        s.admin = None;
        s.storage_gb = StorageGb::parse("11.2");
        let contacts = r10_contacts(&Contacts {
            technical_referent: Some(admin()),
            project_lead: None,
        });
        let e = r10_eligibility(&s, &tassin(), None, &contacts);
        assert_eq!(codes(&e), ["admin"]);
        let w: Vec<_> = e.warnings.iter().map(|w| w.code.code()).collect();
        assert_eq!(w, ["storage", "contacts"]);
        assert!(e.warnings[0].message.starts_with("11,2 Go"));
        assert!(
            e.warnings[1]
                .message
                .contains("chef de projet : coordonnées absentes")
        );
    }

    #[test]
    fn exactly_ten_gb_is_no_warning() {
        let mut s = school();
        s.storage_gb = StorageGb::parse("10");
        assert!(
            r10_eligibility(&s, &tassin(), None, &complete())
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn usage_not_declared_educational() {
        let usage = Usage {
            educational_or_cultural: false,
            commercial: false,
        };
        let e = r10_eligibility(&school(), &tassin(), Some(usage), &complete());
        assert_eq!(codes(&e), ["usage"]);
    }
}

//! The schools as a compact list: a line a school (name, level, eligibility, fee), its other
//! fields in a panel that unfolds, the required ones first.

use engine::Clause;
use engine::dates::fr;
use engine::r10_eligibility::Reason;
use engine::scenario::BillingUnit;
use io::schema::{ContactField, SchoolField};

use crate::live::Figures;

/// The fields a school's line shows, editable in place.
pub const LINE_FIELDS: [SchoolField; 2] = [SchoolField::Name, SchoolField::Level];

/// The fields of the panel that unfolds, in the order to fill them: the date the request was
/// received (required), the administrator (R10: without one the school is not billed), then
/// what is optional.
pub const DETAIL_FIELDS: [SchoolField; 13] = [
    SchoolField::Requested,
    SchoolField::Admin(ContactField::LastName),
    SchoolField::Admin(ContactField::FirstName),
    SchoolField::Admin(ContactField::Function),
    SchoolField::Admin(ContactField::Email),
    SchoolField::Admin(ContactField::Phone),
    SchoolField::Uai,
    SchoolField::Sector,
    SchoolField::Group,
    SchoolField::Opened,
    SchoolField::RemovalRequested,
    SchoolField::StorageGb,
    SchoolField::AdminChanged,
];

/// The column heads of the compact list.
pub const HEADS: [&str; 6] = [
    "N°",
    "Nom de l'école",
    "Niveau",
    "Éligibilité",
    "Redevance",
    "Actions",
];

/// What a school's line says of it, from the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchoolLine {
    /// Eligible (R10), when the figures are those of what is typed.
    pub eligible: Option<bool>,
    /// « ✓ éligible », « ✗ administrateur à désigner »…, or « — » while the figures wait.
    pub status: String,
    /// « 150,00 € par an, dès le 30/11/2023 », « non facturée ».
    pub fee: String,
    /// The clause the status rests on (R10: the first reason's, or Art. 5-1 when eligible);
    /// `None` while the figures wait.
    pub clause: Option<Clause>,
}

/// The clause a school's fee rests on (Art. 6).
pub const FEE_CLAUSE: Clause = Clause::Art6Fee;

impl SchoolLine {
    /// The line while the figures are not those of what is typed (an error to correct).
    pub fn waiting() -> SchoolLine {
        SchoolLine {
            eligible: None,
            status: "—".into(),
            fee: "—".into(),
            clause: None,
        }
    }
}

/// Why a school is not eligible, in a few words for its line (the eligibility section says it
/// in full, with its clause).
fn short_reason(reason: Reason) -> &'static str {
    match reason {
        Reason::Commune => "commune hors Métropole",
        Reason::Level => "pas une école du 1er degré",
        Reason::Sector => "école privée",
        Reason::Admin => "administrateur à désigner",
        Reason::Usage => "usage à déclarer",
    }
}

/// The line of school `index` named `name` as typed; [`SchoolLine::waiting`] when the figures
/// do not hold that school at that place (figures of an earlier input).
pub fn school_line(figures: &Figures, index: usize, name: &str) -> SchoolLine {
    let sim = figures.sim();
    let Some(school) = sim
        .schools
        .get(index)
        .filter(|s| s.name.trim() == name.trim())
    else {
        return SchoolLine::waiting();
    };
    let e = &school.eligibility;
    let named = figures
        .scenario()
        .schools
        .get(index)
        .is_some_and(|s| s.admin.is_some());
    let status = match e.reasons.first() {
        None => "✓ éligible".to_string(),
        // Named but not all there (function, e-mail, telephone): incomplete, not missing.
        Some(r) if r.code == Reason::Admin && named => "✗ administrateur incomplet".to_string(),
        Some(r) => format!("✗ {}", short_reason(r.code)),
    };
    let fee = match school.access_from() {
        None => "non facturée".to_string(),
        Some(from) => {
            let group = figures
                .scenario()
                .schools
                .get(index)
                .and_then(|s| s.group.clone())
                .filter(|_| sim.billing_unit == BillingUnit::SchoolGroup);
            match group {
                // The amount in force on its first title (R3: an avenant's when one is).
                Some(g) => format!(
                    "{} par an pour le groupe « {g} », dès le {}",
                    sim.fee_on(from),
                    fr(from)
                ),
                None => format!("{} par an, dès le {}", sim.fee_on(from), fr(from)),
            }
        }
    };
    SchoolLine {
        eligible: Some(e.eligible()),
        status,
        fee,
        clause: Some(
            e.reasons
                .first()
                .map_or(Clause::Art5FirstDegree, |r| r.clause),
        ),
    }
}

/// The date a new school's request is taken as received, with what the page says of it: while
/// the initial list is typed (every school so far received on the notification), a new school
/// is one of it (Annexe 1 at the signature) and takes the notification; a later addition
/// starts blank.
pub fn initial_list_default<'a>(
    notified: &str,
    requested: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let notified = notified.trim();
    engine::dates::parse_iso(notified)?;
    requested
        .into_iter()
        .all(|r| r.trim() == notified)
        .then(|| notified.to_string())
}

/// What the panel says beside « Demande reçue le » when it holds the notification: the school
/// is taken as one of the initial list.
pub fn requested_note(notified: &str, requested: &str) -> Option<&'static str> {
    (!requested.trim().is_empty() && requested.trim() == notified.trim()).then_some(
        "Date de notification : école de la liste initiale (Annexe 1 à la signature) ; suit la notification si elle est corrigée. Pour une école ajoutée ensuite, la date où la Métropole a reçu la demande.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::live::Live;
    use io::samples;

    #[test]
    fn every_field_is_on_the_line_or_in_the_panel_once() {
        for f in SchoolField::ALL {
            let n = LINE_FIELDS
                .iter()
                .chain(DETAIL_FIELDS.iter())
                .filter(|x| **x == f)
                .count();
            assert_eq!(n, 1, "{f:?}");
        }
        assert_eq!(DETAIL_FIELDS[0], SchoolField::Requested);
    }

    #[test]
    fn tassin_s_lines() {
        let draft = Draft::from_json(samples::TASSIN_JSON).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let sim = f.sim();
        let names: Vec<String> = sim.schools.iter().map(|s| s.name.clone()).collect();
        let lines: Vec<SchoolLine> = names
            .iter()
            .enumerate()
            .map(|(i, n)| school_line(&f, i, n))
            .collect();
        assert_eq!(lines[0].status, "✓ éligible");
        assert!(
            lines[0].fee.starts_with("150,00 € par an, dès le "),
            "{}",
            lines[0].fee
        );
        // Each line says what the eligibility section says.
        for (line, s) in lines.iter().zip(&sim.schools) {
            assert_eq!(line.eligible, Some(s.eligibility.eligible()));
            assert_eq!(line.fee == "non facturée", s.access_from().is_none());
        }
        // Figures of another input: nothing is said rather than another school's status.
        assert_eq!(school_line(&f, 0, "Une autre école"), SchoolLine::waiting());
        assert_eq!(school_line(&f, 99, &names[0]), SchoolLine::waiting());
    }

    #[test]
    fn a_school_without_administrator_says_so() {
        let mut v: serde_json::Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
        v["schools"][0].as_object_mut().unwrap().remove("admin");
        let draft = Draft::from_json(&v.to_string()).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        let name = f.sim().schools[0].name.clone();
        let line = school_line(&f, 0, &name);
        assert_eq!(line.status, "✗ administrateur à désigner");
        assert_eq!(line.fee, "non facturée");
        assert_eq!(line.eligible, Some(false));
        // Named without a telephone: incomplete.
        let mut v: serde_json::Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
        v["schools"][0]["admin"]["phone"] = serde_json::json!("");
        let draft = Draft::from_json(&v.to_string()).unwrap();
        let f = Live::default().compute(&draft).result.unwrap();
        assert_eq!(
            school_line(&f, 0, &name).status,
            "✗ administrateur incomplet"
        );
    }

    #[test]
    fn the_initial_list_takes_the_notification() {
        assert_eq!(
            initial_list_default("2023-11-16", []),
            Some("2023-11-16".into())
        );
        assert_eq!(
            initial_list_default("2023-11-16", ["2023-11-16", " 2023-11-16"]),
            Some("2023-11-16".into())
        );
        // A later addition already typed: the list is past its initial state.
        assert_eq!(
            initial_list_default("2023-11-16", ["2023-11-16", "2024-03-01"]),
            None
        );
        // No notification, or not a date: nothing is assumed.
        assert_eq!(initial_list_default("", []), None);
        assert_eq!(initial_list_default("2023-02-30", []), None);
        assert!(
            requested_note("2023-11-16", "2023-11-16")
                .unwrap()
                .contains("liste initiale")
        );
        assert_eq!(requested_note("2023-11-16", "2024-03-01"), None);
        assert_eq!(requested_note("", ""), None);
    }
}

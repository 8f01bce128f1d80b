//! The Annex 1 list "au format Excel ou open office": one row per school that may be on the
//! list, then the commune's contacts; a second sheet with the fee of each convention year; a
//! third with the titles of each budget year under both readings (`budget`).
//! Every text is written as a text cell, never a formula, whatever it begins with.

use crate::schema::{ContactField, Role, SchoolField, contact_title};
use engine::Simulation;
use engine::scenario::{Contact, Scenario, School};
use engine::text::fr_decimal;

use super::sheet::{Cell, Sheet};

/// The school's fields the list shows, in its order: the school, then its administrator (whose
/// columns also hold the commune's contacts).
pub const LIST_FIELDS: [SchoolField; 10] = [
    SchoolField::Name,
    SchoolField::Uai,
    SchoolField::Level,
    SchoolField::Group,
    SchoolField::Requested,
    SchoolField::Admin(ContactField::LastName),
    SchoolField::Admin(ContactField::FirstName),
    SchoolField::Admin(ContactField::Function),
    SchoolField::Admin(ContactField::Email),
    SchoolField::Admin(ContactField::Phone),
];

/// The list sheet's header: each field's label from the schema (a contact's by its own name,
/// since the commune's contacts share those columns), then the role.
pub fn school_header() -> Vec<String> {
    LIST_FIELDS
        .map(|f| match f {
            SchoolField::Admin(c) => contact_title(c).to_string(),
            other => other.label(),
        })
        .into_iter()
        .chain(std::iter::once("Rôle".to_string()))
        .collect()
}

fn text(s: &str) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.trim().to_string())
    }
}

/// The cell of `field` for `school`.
fn school_cell(school: &School, field: SchoolField) -> Cell {
    let optional = |s: &Option<String>| text(s.as_deref().unwrap_or(""));
    match field {
        SchoolField::Name => text(&school.name),
        SchoolField::Uai => optional(&school.uai),
        SchoolField::Level => Cell::Text(school.level.label().to_string()),
        SchoolField::Sector => Cell::Text(school.sector.label().to_string()),
        SchoolField::Group => optional(&school.group),
        SchoolField::Requested => Cell::Date(school.requested),
        SchoolField::Opened => school.opened.map_or(Cell::Empty, Cell::Date),
        SchoolField::RemovalRequested => school.removal_requested.map_or(Cell::Empty, Cell::Date),
        SchoolField::StorageGb => school
            .storage_gb
            .map_or(Cell::Empty, |g| Cell::Text(fr_decimal(g.gb()))),
        SchoolField::Admin(c) => text(school.admin.as_ref().map_or("", |a| c.value(a))),
        SchoolField::AdminChanged => school.admin_changed.map_or(Cell::Empty, Cell::Date),
    }
}

fn contact_cells(c: Option<&Contact>) -> Vec<Cell> {
    ContactField::ALL
        .map(|f| text(c.map_or("", |c| f.value(c))))
        .to_vec()
}

/// The two sheets of the list: the schools (eligible ones: the others cannot be on it) with
/// their administrators, then the commune's contacts; and the fees.
pub fn annex1_sheets(scenario: &Scenario, sim: &Simulation) -> Vec<Sheet> {
    let mut rows = Vec::new();
    for (school, outcome) in scenario.schools.iter().zip(&sim.schools) {
        if !outcome.eligibility.eligible() {
            continue;
        }
        let mut row: Vec<Cell> = LIST_FIELDS.map(|f| school_cell(school, f)).to_vec();
        row.push(Cell::Text("Administrateur de l'établissement".into()));
        rows.push(row);
    }
    rows.push(vec![Cell::Empty; LIST_FIELDS.len() + 1]);
    for role in Role::ALL {
        let mut row = vec![Cell::Empty; LIST_FIELDS.len() - ContactField::ALL.len()];
        row.extend(contact_cells(role.of(&scenario.contacts)));
        row.push(Cell::Text(role.label().into()));
        rows.push(row);
    }
    let unit = sim.billing_unit;
    let fees = sim
        .years
        .iter()
        .map(|y| {
            let b = y.billing(unit);
            // The amount of one unit its titles use (R3): one, or each when an avenant takes
            // effect within the year.
            let unit_fee = match b.amounts_used().as_slice() {
                [] => Cell::Euros(b.annual_fee.amount),
                [one] => Cell::Euros(one.amount),
                _ => Cell::Text(b.amounts_listed()),
            };
            vec![
                Cell::Count(y.year.number as u64),
                Cell::Date(y.year.start),
                Cell::Date(y.year.end),
                Cell::Count(b.billed_units as u64),
                unit_fee,
                Cell::Euros(b.fee),
            ]
        })
        .collect();
    vec![
        Sheet {
            name: "Annexe 1".into(),
            title: format!(
                "Établissements / groupes scolaires utilisateurs de laclasse.com — commune de {}",
                super::commune_name(scenario, &sim.commune)
            ),
            header: school_header(),
            rows,
        },
        Sheet {
            name: "Redevances".into(),
            title: format!("Redevance annuelle (Art. 6), {}", unit.label()),
            header: [
                "Année de convention",
                "Du",
                "Au",
                "Unités facturées",
                "Redevance unitaire",
                "Montant",
            ]
            .map(String::from)
            .to_vec(),
            rows: fees,
        },
        super::budget::budget_sheet(scenario, sim),
    ]
}

//! Ready-made scenarios: the Tassin example shown on a first visit, and a territory-sized one
//! for benchmarks and the browser's performance check.

use chrono::{Days, NaiveDate};

use engine::dates::add_years;
use engine::scenario::{
    Commune, Contact, Contacts, Convention, Deliberation, Level, Scenario, School, Sector,
};

/// The worked example of the convention (`data/examples/tassin.json`).
pub const TASSIN_JSON: &str = include_str!("../../../data/examples/tassin.json");

fn contact(i: usize) -> Contact {
    Contact {
        last_name: format!("Nom{i}"),
        first_name: "Claire".into(),
        function: "Directrice".into(),
        email: format!("dir{i}@ecole.example.fr"),
        phone: format!("04 78 00 {:02} {:02}", (i / 100) % 100, i % 100),
    }
}

/// The commune's technical referent and project lead (Annexe 1), both named.
fn contacts() -> Contacts {
    Contacts {
        technical_referent: Some(contact(0)),
        project_lead: Some(contact(1)),
    }
}

/// A territory-sized scenario: `schools` schools in groups of three, notified on 16/11/2023,
/// over `years` years, with a removal every 7th school and an addition every 5th one spread
/// over the years.
pub fn territory(schools: usize, years: i32) -> Scenario {
    let notified = NaiveDate::from_ymd_opt(2023, 11, 16).unwrap_or_default();
    let span = (years.max(1) as u64) * 365;
    Scenario {
        commune: Commune {
            name: "Lyon".into(),
            insee: Some("69123".into()),
        },
        convention: Convention::standard(notified),
        deliberation: Deliberation {
            published: Some(notified),
            ..Deliberation::default()
        },
        horizon_until: add_years(notified, years),
        usage: None,
        contacts: contacts(),
        termination_delegation: false,
        termination_act: None,
        schools: (0..schools)
            .map(|i| {
                let added = if i % 5 == 0 {
                    (i as u64 * 97) % span
                } else {
                    0
                };
                School {
                    name: format!("École {i}"),
                    uai: Some(format!("069{i:04}A")),
                    level: [Level::Maternelle, Level::Elementaire, Level::Primaire][i % 3],
                    sector: Sector::Public,
                    group: Some(format!("Groupe scolaire {}", i / 3)),
                    requested: notified - Days::new(6) + Days::new(added),
                    opened: None,
                    admin_changed: None,
                    removal_requested: (i % 7 == 0)
                        .then(|| notified + Days::new(added + 400 + (i as u64 * 31) % span)),
                    storage_gb: None,
                    admin: Some(contact(i)),
                }
            })
            .collect::<Vec<_>>()
            .into(),
    }
}

/// The Métropole's territory as simulations: one scenario per commune of the Métropole (its
/// name and INSEE code), `counts[i]` schools for the i-th commune (cycled when shorter, none
/// when empty), every school asked for on 10/11/2023 and notified on 16/11/2023, over `years`
/// years. With 13 communes of 10 schools and 45 of 11 it is the 625 schools of Annexe 2.
pub fn metropole(counts: &[usize], years: i32) -> Vec<Scenario> {
    let notified = NaiveDate::from_ymd_opt(2023, 11, 16).unwrap_or_default();
    let requested = NaiveDate::from_ymd_opt(2023, 11, 10).unwrap_or_default();
    let mut n = 0;
    engine::communes::all()
        .iter()
        .enumerate()
        .map(|(c, record)| {
            let schools = if counts.is_empty() {
                0
            } else {
                counts[c % counts.len()]
            };
            Scenario {
                commune: Commune::of(record),
                convention: Convention::standard(notified),
                deliberation: Deliberation::default(),
                horizon_until: add_years(notified, years),
                usage: None,
                contacts: contacts(),
                termination_delegation: false,
                termination_act: None,
                schools: (0..schools)
                    .map(|i| {
                        n += 1;
                        School {
                            name: format!("École {} de {}", i + 1, record.name),
                            uai: Some(format!("069{n:04}B")),
                            level: [Level::Maternelle, Level::Elementaire, Level::Primaire][i % 3],
                            sector: Sector::Public,
                            group: None,
                            requested,
                            opened: None,
                            admin_changed: None,
                            removal_requested: None,
                            storage_gb: None,
                            admin: Some(contact(n)),
                        }
                    })
                    .collect::<Vec<_>>()
                    .into(),
            }
        })
        .collect()
}

/// How many schools each of the 58 communes has in [`metropole`]'s 625-school territory: 13
/// communes of 10 and 45 of 11.
pub fn metropole_625() -> Vec<usize> {
    (0..58).map(|i| if i < 13 { 10 } else { 11 }).collect()
}

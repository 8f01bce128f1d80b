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

/// The directory's example export (`data/annuaire-exemple.csv`): fictional schools of
/// Craponne, Tassin, Lyon 3e and two communes outside the Métropole, in the real format.
pub const DIRECTORY_EXAMPLE: &str = include_str!("../../../data/annuaire-exemple.csv");

/// A national-sized directory export: `rows` rows of 71 columns in the real format (the
/// example's header), about 700 octets a row, spread over the 58 communes of the Métropole
/// (every tenth row) and communes outside it; schools, collèges and lycées, public and
/// private, open, to close and closed, as the national file mixes them.
pub fn national_directory(rows: usize) -> Vec<u8> {
    let header = DIRECTORY_EXAMPLE.lines().next().unwrap_or_default();
    let mut out = Vec::with_capacity(rows * 720 + header.len() + 2);
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(b"\n");
    let columns: Vec<&str> = header.split(';').collect();
    let codes: Vec<&str> = engine::communes::all()
        .iter()
        .map(|c| c.insee.as_str())
        .collect();
    for i in 0..rows {
        let code = if i % 10 == 0 {
            codes[(i / 10) % codes.len()].to_string()
        } else {
            // Outside the Métropole: any department but the Rhône's.
            let department = match 1 + (i % 95) {
                69 => 70,
                d => d,
            };
            format!("{department:02}{:03}", i % 900)
        };
        let (kind, mat, elem) = match i % 7 {
            0 => ("Collège", "", ""),
            1 => ("Lycée", "", ""),
            2 | 3 => ("Ecole", "1", "0"),
            4 | 5 => ("Ecole", "0", "1"),
            _ => ("Ecole", "1", "1"),
        };
        let status = if i % 11 == 0 { "Privé" } else { "Public" };
        let state = match i % 53 {
            0 => "FERME",
            1 => "A FERMER",
            _ => "OUVERT",
        };
        let uai = format!("{i:07}{}", (b'A' + (i % 26) as u8) as char);
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match *column {
                "Identifiant_de_l_etablissement" => uai.clone(),
                "Nom_etablissement" => format!("Ecole n° {i} de la rue des Écoles"),
                "Type_etablissement" => kind.into(),
                "Statut_public_prive" => status.into(),
                "Adresse_1" => format!("{i} rue des Écoles"),
                "Adresse_2" => "Bâtiment A".into(),
                "Adresse_3" | "Code_postal" => "69000 VILLE".into(),
                "Code_commune" => code.clone(),
                "Nom_commune" => format!("Ville {code}"),
                "Ecole_maternelle" => mat.into(),
                "Ecole_elementaire" => elem.into(),
                "Web" => format!("https://ecole{i}.example.fr/pages/informations-pratiques-horaires-restauration-scolaire-accueil-periscolaire-inscriptions-et-projet-d-ecole-de-l-ecole-publique-du-quartier-des-ecoles-{i}"),
                "Mail" => format!("ce.{uai}@ac-lyon.fr"),
                "Fiche_onisep" => format!("https://www.onisep.fr/http/redirection/etablissement/slug/ENS.{i}"),
                "nom_circonscription" => format!("Circonscription de Lyon {i}"),
                "date_ouverture" => "1970-09-01".into(),
                "date_maj_ligne" => "2026-05-27".into(),
                "etat" => state.into(),
                "ministere_tutelle" => "MINISTERE DE L'EDUCATION NATIONALE".into(),
                "libelle_nature" => "ECOLE DE NIVEAU ELEMENTAIRE".into(),
                "Libelle_region" => "Auvergne-Rhône-Alpes".into(),
                "latitude" => "45.75".into(),
                "longitude" => "4.85".into(),
                _ => "0".into(),
            })
            .collect();
        let line = format!("{}\n", cells.join(";"));
        out.extend_from_slice(line.as_bytes());
    }
    out
}

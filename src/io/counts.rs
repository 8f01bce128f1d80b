//! A list of communes with their school counts, « commune;écoles;notification », as the
//! Métropole keeps it: each line made into a commune's scenario for the territory's view
//! (`engine::territory`), read by the command and by the app alike.
//!
//! A count is not a list: it names no school and no administrator. The reading, an
//! « hypothèse » said wherever such figures are shown ([`HYPOTHESIS`]): the schools counted are
//! the commune's initial list (Annexe 1), public first-degree schools whose administrator the
//! commune has named, sent at signature, so that their access is open from the notification
//! (R5: never before it); nothing has been added or removed since.

use chrono::NaiveDate;

use crate::engine::communes::{self, CommuneRecord};
use crate::engine::convention::DEFAULT_ANNUAL_FEE;
use crate::engine::dates::parse_day;
use crate::engine::scenario::{
    BillingUnit, Commune, Contact, Contacts, Convention, Deliberation, Level, Scenario, School,
    Sector,
};
use crate::engine::simulate::default_horizon;
use crate::engine::text::fold_name;

/// What the page and the command say of figures made from counts.
pub const HYPOTHESIS: &str = "Hypothèse : une liste par nombre ne nomme ni les écoles ni leurs administrateurs. Les écoles comptées sont prises pour la liste initiale de la commune (Annexe 1) : des écoles publiques du premier degré dont l'administrateur est nommé, ouvertes dès la notification, sans ajout ni radiation depuis. Chaque commune va jusqu'à l'horizon par défaut d'un scénario (5 ans après la notification).";

/// The most schools a line may count: more than any commune of the Métropole has.
pub const MAX_SCHOOLS: u32 = 999;

/// The columns, in the order a file without a header gives them.
const COLUMNS: [&str; 3] = ["commune", "écoles", "notification"];

/// The administrator a counted school stands with: a marker, valid by R10's rule (so that the
/// school is eligible, as the count says it is on the list), never a person.
fn counted_admin() -> Contact {
    Contact {
        last_name: "(liste par nombre)".into(),
        first_name: "(non nommé)".into(),
        function: "Administrateur".into(),
        email: "non-nomme@exemple.invalid".into(),
        phone: "00 00 00 00 00".into(),
    }
}

/// A list of communes read: each line kept as its commune's scenario (named after the
/// commune), and a French message for each line left out, naming the file, the line and the
/// column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    /// The communes read, in the file's order: (its line, the commune's name, its scenario).
    pub communes: Vec<(usize, String, Scenario)>,
    /// Why lines were left out as wrong.
    pub refused: Vec<String>,
    /// The lines of communes without a convention (no school, no notification): right, but
    /// not counted.
    pub skipped: Vec<String>,
}

/// Which cell holds which column: from the header when it names all three, else in the
/// order « commune;écoles;notification ».
fn columns(header: &[String]) -> [usize; 3] {
    let find = |words: &[&str]| {
        header
            .iter()
            .position(|h| words.iter().any(|w| fold_name(h).contains(w)))
    };
    match (
        find(&["commune", "insee"]),
        find(&["ecole", "nombre"]),
        find(&["notif", "date"]),
    ) {
        (Some(c), Some(e), Some(n)) if c != e && e != n && c != n => [c, e, n],
        _ => [0, 1, 2],
    }
}

/// Whether `row` is a header: none of its cells is a number, a date or a commune.
pub fn is_header(row: &[String]) -> bool {
    row.iter().all(|c| {
        let c = c.trim();
        c.parse::<i64>().is_err() && parse_day(c).is_none() && commune(c).is_err()
    })
}

/// The commune a cell names: its INSEE code (current or former) or its name (current or
/// former, ignoring case, accents, spaces and punctuation).
fn commune(cell: &str) -> Result<&'static CommuneRecord, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Err("la commune est vide".into());
    }
    let found = if cell.bytes().all(|b| b.is_ascii_alphanumeric()) && cell.len() == 5 {
        communes::by_code(cell).or_else(|| communes::by_name(cell))
    } else {
        communes::by_name(cell)
    };
    found.map(|(record, _)| record).ok_or_else(|| {
        let hint = communes::suggest(cell, 1)
            .first()
            .map(|r| format!(" (vouliez-vous dire « {} » ?)", r.name))
            .unwrap_or_default();
        format!("« {cell} » n'est pas une commune de la Métropole de Lyon{hint}")
    })
}

/// The scenario of `record` with `schools` counted schools, notified on `notified`.
pub fn counted_scenario(record: &CommuneRecord, schools: u32, notified: NaiveDate) -> Scenario {
    Scenario {
        commune: Commune {
            name: record.name.clone(),
            insee: Some(record.insee.clone()),
        },
        convention: Convention {
            notified,
            annual_fee: DEFAULT_ANNUAL_FEE,
            billing_unit: BillingUnit::School,
            termination_received: None,
        },
        deliberation: Deliberation::default(),
        horizon_until: default_horizon(notified),
        usage: None,
        contacts: Contacts::default(),
        schools: (1..=schools)
            .map(|i| School {
                name: format!("École {i} (comptée)"),
                uai: None,
                level: Level::Primaire,
                sector: Sector::Public,
                group: None,
                requested: notified,
                opened: Some(notified),
                removal_requested: None,
                admin_changed: None,
                storage_gb: None,
                admin: Some(counted_admin()),
            })
            .collect::<Vec<_>>()
            .into(),
    }
}

/// Reads the cells of `file` (a CSV's rows, as [`crate::io::csv_text`] reads them): one
/// commune a line, with or without a header. A line whose commune is unknown, whose count is
/// not a whole number from 0 to [`MAX_SCHOOLS`] or whose notification is not a date is left
/// out and said, and so is a commune given twice (its first line is kept); a commune without a
/// notification and without schools (no convention) is left out as such.
pub fn read_counts(file: &str, rows: &[Vec<String>]) -> Counted {
    let mut out = Counted::default();
    let Some(first) = rows.first() else {
        out.refused
            .push(format!("« {file} » ne contient aucune ligne."));
        return out;
    };
    let (header, cols) = if is_header(first) {
        (1, columns(first))
    } else {
        (0, [0, 1, 2])
    };
    for (i, row) in rows.iter().enumerate().skip(header) {
        let line = i + 1;
        let cell = |c: usize| row.get(cols[c]).map_or("", |s| s.trim());
        let at = |c: usize, why: String| {
            format!(
                "« {file} », ligne {line}, colonne « {} » : {why}.",
                COLUMNS[c]
            )
        };
        let record = match commune(cell(0)) {
            Ok(r) => r,
            Err(why) => {
                out.refused.push(at(0, why));
                continue;
            }
        };
        let schools = match cell(1).parse::<u32>() {
            Ok(n) if n <= MAX_SCHOOLS => n,
            _ if cell(1).is_empty() => {
                out.refused
                    .push(at(1, "le nombre d'écoles est vide".into()));
                continue;
            }
            _ => {
                out.refused.push(at(
                    1,
                    format!(
                        "« {} » n'est pas un nombre entier d'écoles de 0 à {MAX_SCHOOLS}",
                        cell(1)
                    ),
                ));
                continue;
            }
        };
        let notified = match parse_day(cell(2)) {
            Some(d) => d,
            None if cell(2).is_empty() && schools == 0 => {
                out.skipped.push(format!(
                    "« {file} », ligne {line} : {} n'a ni école ni date de notification (pas de convention) ; elle n'est pas comptée.",
                    record.name
                ));
                continue;
            }
            None if cell(2).is_empty() => {
                out.refused
                    .push(at(2, "la date de notification est vide".into()));
                continue;
            }
            None => {
                out.refused.push(at(
                    2,
                    format!(
                        "« {} » n'est pas une date (JJ/MM/AAAA, par exemple 16/11/2023)",
                        cell(2)
                    ),
                ));
                continue;
            }
        };
        if let Some((_, name, _)) = out.communes.iter().find(|(_, n, _)| *n == record.name) {
            out.refused.push(format!(
                "« {file} », ligne {line} : {name} est déjà sur une ligne précédente (une ligne par commune)."
            ));
            continue;
        }
        out.communes.push((
            line,
            record.name.clone(),
            counted_scenario(record, schools, notified),
        ));
    }
    if out.communes.is_empty() && out.refused.is_empty() && out.skipped.is_empty() {
        out.refused
            .push(format!("« {file} » ne contient aucune commune."));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(';').map(str::to_string).collect())
            .collect()
    }

    fn d(s: &str) -> NaiveDate {
        crate::engine::dates::parse_iso(s).unwrap()
    }

    #[test]
    fn each_line_is_a_commune_billed_for_its_count_from_its_notification() {
        let read = read_counts(
            "communes.csv",
            &rows("commune;écoles;notification\nBron;12;16/11/2023\n69081;3;2024-01-15"),
        );
        assert_eq!(read.refused, Vec::<String>::new());
        assert_eq!(read.communes.len(), 2);
        let (line, name, bron) = &read.communes[0];
        assert_eq!(*line, 2);
        assert_eq!(name, "Bron");
        assert_eq!(bron.commune.insee.as_deref(), Some("69029"));
        assert_eq!(bron.schools.len(), 12);
        assert_eq!(bron.convention.notified, d("2023-11-16"));
        assert_eq!(bron.horizon_until, d("2028-11-16"));
        let sim = simulate(bron);
        // Every counted school is eligible, open from the notification, billed 150 € a year.
        assert!(sim.schools.iter().all(|s| s.eligibility.eligible()));
        assert!(
            sim.schools
                .iter()
                .all(|s| s.access_from() == Some(d("2023-11-16")))
        );
        assert_eq!(sim.years[0].per_school.fee.to_string(), "1 800,00 €");
        assert_eq!(sim.years[0].per_school.billed_units, 12);
        assert_eq!(read.communes[1].1, "Écully");
    }

    #[test]
    fn without_a_header_the_columns_are_in_the_issue_order_and_a_header_may_reorder_them() {
        let plain = read_counts("a.csv", &rows("Bron;2;16/11/2023"));
        assert_eq!(plain.communes[0].2.schools.len(), 2);
        let reordered = read_counts(
            "b.csv",
            &rows("Date de notification;Nombre d'écoles;Commune\n16/11/2023;2;Bron"),
        );
        assert_eq!(reordered.refused, Vec::<String>::new());
        assert_eq!(reordered.communes[0].1, plain.communes[0].1);
        assert_eq!(reordered.communes[0].2, plain.communes[0].2);
    }

    #[test]
    fn a_bad_line_is_left_out_and_named_by_file_line_and_column() {
        let read = read_counts(
            "communes.csv",
            &rows(
                "commune;écoles;notification\nVilleurb;2;16/11/2023\nBron;dix;16/11/2023\nBron;2;31/02/2024\nBron;2;\nCaluire-et-Cuire;0;\nBron;1000;16/11/2023\nBron;2;16/11/2023\nBron;3;01/01/2024\nÉcully;-1;16/11/2023",
            ),
        );
        assert_eq!(read.communes.len(), 1);
        assert_eq!(
            read.refused,
            vec![
                "« communes.csv », ligne 2, colonne « commune » : « Villeurb » n'est pas une commune de la Métropole de Lyon (vouliez-vous dire « Villeurbanne » ?).",
                "« communes.csv », ligne 3, colonne « écoles » : « dix » n'est pas un nombre entier d'écoles de 0 à 999.",
                "« communes.csv », ligne 4, colonne « notification » : « 31/02/2024 » n'est pas une date (JJ/MM/AAAA, par exemple 16/11/2023).",
                "« communes.csv », ligne 5, colonne « notification » : la date de notification est vide.",
                "« communes.csv », ligne 7, colonne « écoles » : « 1000 » n'est pas un nombre entier d'écoles de 0 à 999.",
                "« communes.csv », ligne 9 : Bron est déjà sur une ligne précédente (une ligne par commune).",
                "« communes.csv », ligne 10, colonne « écoles » : « -1 » n'est pas un nombre entier d'écoles de 0 à 999.",
            ]
        );
        assert_eq!(
            read.skipped,
            [
                "« communes.csv », ligne 6 : Caluire-et-Cuire n'a ni école ni date de notification (pas de convention) ; elle n'est pas comptée."
            ]
        );
        assert_eq!(
            read_counts("vide.csv", &[]).refused,
            vec!["« vide.csv » ne contient aucune ligne."]
        );
        assert_eq!(
            read_counts("entete.csv", &rows("commune;écoles;notification")).refused,
            vec!["« entete.csv » ne contient aucune commune."]
        );
    }
}

//! A list of communes with their school counts, « commune;écoles;notification », as the
//! Métropole keeps it: each line made into a commune's scenario for the territory's view
//! (`engine::territory`), read by the command and by the app alike.
//!
//! A count is not a list: it names no school and no administrator. The reading, an
//! « hypothèse » said wherever such figures are shown ([`HYPOTHESIS`]): the schools counted are
//! the commune's initial list (Annexe 1), public first-degree schools whose administrator the
//! commune has named, sent at signature, so that their access is open from the notification
//! (R5: never before it); nothing has been added or removed since.

use chrono::{Datelike, NaiveDate};

use engine::communes::{self, CommuneRecord};
use engine::dates::parse_day;
use engine::scenario::{
    Commune, Contact, Contacts, Convention, Deliberation, Level, Scenario, School, Sector,
};
use engine::simulate::default_horizon;
use engine::text::{excerpt, fold_name};

/// What the page and the command say of figures made from counts.
pub const HYPOTHESIS: &str = "Hypothèse : une liste de communes avec leur nombre d'écoles ne nomme ni les écoles ni leurs administrateurs. Les écoles comptées sont prises pour la liste initiale de la commune (Annexe 1) : des écoles publiques du premier degré dont l'administrateur est nommé, ouvertes dès la notification, sans ajout ni radiation depuis, la convention reconduite chaque année. Chaque commune est simulée jusqu'à 5 ans après sa notification, et au moins jusqu'au 31 décembre de l'année qui suit celle du jour.";

/// What the page and the command say of figures made from the directory of schools.
pub const DIRECTORY_HYPOTHESIS: &str = "Hypothèse : l'annuaire de l'éducation nomme les écoles publiques du premier degré de chaque commune, pas leurs administrateurs. Chaque école de l'annuaire est prise pour la liste initiale de la commune (Annexe 1), son administrateur nommé, ouverte dès la notification, sans ajout ni radiation depuis, la convention reconduite chaque année.";

/// How a list is written, for the page that asks for one.
pub const FORMAT_HINT: &str = "une ligne par commune : « commune;écoles;notification », par exemple « Bron;12;16/11/2023 » (la commune par son nom ou son code INSEE, la date JJ/MM/AAAA)";

/// How the directory is given to the territory's view.
pub const DIRECTORY_FORMAT_HINT: &str = "ou, pour nommer les écoles, l'export CSV de l'annuaire de l'éducation (l'extrait des communes ou le fichier national) avec une liste « commune;notification », par exemple « Craponne;15/01/2025 »";

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
    /// Read with the directory: the lines whose count differs from the directory's schools
    /// (the directory's are kept).
    pub differs: Vec<String>,
}

impl Counted {
    /// « …, ligne 9 : Bron est déjà à la ligne 8 (une ligne par commune). » when `record`
    /// is already read from `file`.
    fn given_twice(&self, file: &str, line: usize, record: &CommuneRecord) -> Option<String> {
        self.communes
            .iter()
            .find(|(_, n, _)| *n == record.name)
            .map(|(first, name, _)| {
                format!(
                    "« {file} », ligne {line} : {name} est déjà à la ligne {first} (une ligne par commune)."
                )
            })
    }
}

/// Which cell holds which column: from the header when it names all three, else in the
/// order « commune;écoles;notification ». Words are looked for by priority: « écoles » before
/// « nombre » (not of pupils), « notification » before « date ».
fn columns(header: &[String]) -> [usize; 3] {
    let folded: Vec<String> = header.iter().map(|h| fold_name(h)).collect();
    // Schools first (« Nombre d'écoles de la commune » is the count), then the notification,
    // then the commune: a cell is never given to two columns.
    let mut taken: Vec<usize> = Vec::new();
    let mut find = |words: &[&str]| {
        let found = words.iter().find_map(|w| {
            (0..folded.len()).find(|&i| {
                !taken.contains(&i) && folded[i].contains(w) && !folded[i].contains("eleve")
            })
        });
        taken.extend(found);
        found
    };
    let schools = find(&["ecole", "nombre"]);
    let notification = find(&["notif", "date"]);
    let commune = find(&["commune", "insee"]);
    match (commune, schools, notification) {
        (Some(c), Some(e), Some(n)) => [c, e, n],
        _ => [0, 1, 2],
    }
}

/// Whether `row` is a header: none of its cells is a number, a date or a commune, and one
/// names a column (« commune », « écoles », « notification » or their like).
pub fn is_header(row: &[String]) -> bool {
    let names_a_column = row.iter().any(|c| {
        let f = fold_name(c);
        ["commune", "insee", "ecole", "nombre", "notif", "date"]
            .iter()
            .any(|w| f.contains(w))
    });
    names_a_column
        && row.iter().all(|c| {
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
        format!(
            "« {} » n'est pas une commune de la Métropole de Lyon{hint}",
            excerpt(cell)
        )
    })
}

/// The scenario of `record` with `schools` counted schools, notified on `notified`, simulated
/// up to a scenario's default horizon or, when later, 31 December of the year after `on`'s (so
/// that the next deadlines are there whatever the day).
pub fn counted_scenario(
    record: &CommuneRecord,
    schools: u32,
    notified: NaiveDate,
    on: NaiveDate,
) -> Scenario {
    let end_of_year = NaiveDate::from_ymd_opt(on.year() + 1, 12, 31).unwrap_or(on);
    Scenario {
        commune: Commune::of(record),
        convention: Convention::standard(notified),
        deliberation: Deliberation::default(),
        horizon_until: default_horizon(notified).max(end_of_year),
        usage: None,
        contacts: Contacts::default(),
        termination_delegation: false,
        termination_act: None,
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

/// What a line of a list says, once read.
enum Line {
    /// A commune with its count and its notification.
    Counted(&'static CommuneRecord, u32, NaiveDate),
    /// A commune with no school and no notification: no convention.
    NoConvention(&'static CommuneRecord),
}

/// Reads one line from its three cells (commune, count, notification), or says which column
/// is wrong (its index in [`COLUMNS`]) and why.
fn read_line(cells: [&str; 3]) -> Result<Line, (usize, String)> {
    let [commune_cell, count, date] = cells;
    let record = commune(commune_cell).map_err(|why| (0, why))?;
    if matches!(count, "" | "0") && date.is_empty() {
        return Ok(Line::NoConvention(record));
    }
    let schools = match count.parse::<u32>() {
        Ok(n) if count.bytes().all(|b| b.is_ascii_digit()) && n <= MAX_SCHOOLS => n,
        _ if count.is_empty() => return Err((1, "le nombre d'écoles est vide".into())),
        _ if parse_day(count).is_some() => {
            let why = format!(
                "« {} » est une date, pas un nombre d'écoles : une liste « commune;notification » se lit avec l'export de l'annuaire de l'éducation, à donner avec elle",
                excerpt(count)
            );
            return Err((1, why));
        }
        _ => {
            let why = format!(
                "« {} » n'est pas un nombre entier d'écoles de 0 à {MAX_SCHOOLS}",
                excerpt(count)
            );
            return Err((1, why));
        }
    };
    let notified = match parse_day(date) {
        Some(d) => d,
        None if date.is_empty() => return Err((2, "la date de notification est vide".into())),
        None => {
            let why = format!(
                "« {} » n'est pas une date (JJ/MM/AAAA, par exemple 16/11/2023)",
                excerpt(date)
            );
            return Err((2, why));
        }
    };
    Ok(Line::Counted(record, schools, notified))
}

/// Reads the cells of `file` (a CSV's rows, each with the line it begins on, as
/// [`crate::csv_text::CsvText::numbered`] gives them) for the view on `on`: one commune a
/// line, with or without a header. A line whose commune is unknown, whose count is
/// not a whole number from 0 to [`MAX_SCHOOLS`] or whose notification is not a date is left
/// out and said, and so is a commune given twice (its first line is kept); a commune without a
/// notification and without schools (no convention) is left out as such.
pub fn read_counts(file: &str, rows: &[(usize, Vec<String>)], on: NaiveDate) -> Counted {
    let file = &excerpt(file);
    let mut out = Counted::default();
    let Some((_, first)) = rows.first() else {
        out.refused
            .push(format!("« {file} » ne contient aucune ligne."));
        return out;
    };
    let (header, cols) = if is_header(first) {
        (1, columns(first))
    } else {
        (0, [0, 1, 2])
    };
    for (line, row) in rows.iter().skip(header) {
        let cell = |c: usize| row.get(cols[c]).map_or("", |s| s.trim());
        let (record, schools, notified) = match read_line([cell(0), cell(1), cell(2)]) {
            Ok(Line::Counted(record, schools, notified)) => (record, schools, notified),
            Ok(Line::NoConvention(record)) => {
                out.skipped.push(format!(
                    "« {file} », ligne {line} : {} n'a ni école ni date de notification (pas de convention) ; elle n'est pas comptée.",
                    record.name
                ));
                continue;
            }
            Err((c, why)) => {
                out.refused.push(format!(
                    "« {file} », ligne {line}, colonne « {} » : {why}.",
                    COLUMNS[c]
                ));
                continue;
            }
        };
        if let Some(twice) = out.given_twice(file, *line, record) {
            out.refused.push(twice);
            continue;
        }
        out.communes.push((
            *line,
            record.name.clone(),
            counted_scenario(record, schools, notified, on),
        ));
    }
    if out.communes.is_empty() && out.refused.is_empty() && out.skipped.is_empty() {
        out.refused
            .push(format!("« {file} » ne contient aucune commune."));
    }
    out
}

/// Reads a list « commune;notification » (a count may stay, « commune;écoles;notification »)
/// with the directory of schools: each commune's schools are the directory's, named (public,
/// first degree, not closed), under [`DIRECTORY_HYPOTHESIS`]; a count that differs from the
/// directory is said in [`Counted::differs`]. Lines are read as [`read_counts`] reads them
/// (unknown commune, date, commune given twice: refused and said).
pub fn read_with_directory(
    file: &str,
    rows: &[(usize, Vec<String>)],
    directory: &crate::annuaire::ByCommune,
    on: NaiveDate,
) -> Counted {
    let file = &excerpt(file);
    let mut out = Counted::default();
    let header = usize::from(rows.first().is_some_and(|(_, r)| is_header(r)));
    for (line, row) in rows.iter().skip(header) {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() {
            continue;
        }
        let record = match commune(cells[0]) {
            Ok(r) => r,
            Err(why) => {
                out.refused.push(format!(
                    "« {file} », ligne {line}, colonne « commune » : {why}."
                ));
                continue;
            }
        };
        let notified = cells[1..].iter().find_map(|c| parse_day(c));
        let count = cells[1..]
            .iter()
            .find(|c| c.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|c| c.parse::<usize>().ok());
        let Some(notified) = notified else {
            if cells[1..].iter().all(|c| *c == "0") {
                out.skipped.push(format!(
                    "« {file} », ligne {line} : {} n'a pas de date de notification (pas de convention) ; elle n'est pas comptée.",
                    record.name
                ));
            } else {
                out.refused.push(format!(
                    "« {file} », ligne {line}, colonne « notification » : la date de notification manque ou n'est pas une date (JJ/MM/AAAA, par exemple 16/11/2023)."
                ));
            }
            continue;
        };
        if let Some(twice) = out.given_twice(file, *line, record) {
            out.refused.push(twice);
            continue;
        }
        let schools: &[crate::annuaire::Found] =
            directory.get(&record.insee).map_or(&[], Vec::as_slice);
        if schools.is_empty() {
            out.differs.push(format!(
                "{} ({}) : l'annuaire lu ne nomme aucune de ses écoles publiques du premier degré (l'extrait d'une autre commune ?) ; elle est comptée sans école.",
                record.name, record.insee
            ));
        }
        out.differs
            .extend(schools.iter().filter_map(|s| s.warning.clone()));
        if let Some(n) = count.filter(|n| *n != schools.len()) {
            out.differs.push(format!(
                "{} : la liste « {file} » (ligne {line}) compte {n} école{}, l'annuaire en nomme {} ; les écoles de l'annuaire sont retenues.",
                record.name,
                if n > 1 { "s" } else { "" },
                schools.len()
            ));
        }
        let mut scenario = counted_scenario(record, 0, notified, on);
        scenario.schools = schools
            .iter()
            .map(|s| {
                let mut school = s.school(notified);
                school.opened = Some(notified);
                school.admin = Some(counted_admin());
                school
            })
            .collect::<Vec<_>>()
            .into();
        out.communes.push((*line, record.name.clone(), scenario));
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
    use engine::simulate;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split(';').map(str::to_string).collect()))
            .collect()
    }

    fn d(s: &str) -> NaiveDate {
        engine::dates::parse_iso(s).unwrap()
    }

    fn on() -> NaiveDate {
        d("2026-11-30")
    }

    #[test]
    fn with_the_directory_each_commune_has_its_named_schools() {
        let directory =
            crate::annuaire::by_commune(crate::samples::DIRECTORY_EXAMPLE.as_bytes()).unwrap();
        let read = read_with_directory(
            "liste.csv",
            &rows(
                "commune;notification\nCraponne;15/01/2025\nTassin-la-Demi-Lune;5;16/11/2023\n69123;2024-09-01\nBron;",
            ),
            &directory,
            on(),
        );
        assert_eq!(read.refused, Vec::<String>::new());
        let names: Vec<&str> = read.communes.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(names, ["Craponne", "Tassin-la-Demi-Lune", "Lyon"]);
        let craponne = &read.communes[0].2;
        assert_eq!(craponne.schools.len(), 3);
        assert_eq!(craponne.schools[0].name, "Ecole maternelle du Centre");
        assert_eq!(read.communes[1].2.schools.len(), 6);
        assert_eq!(read.communes[2].2.schools.len(), 2);
        // Tassin's list said 5, the directory names 6: said, the directory's kept; its school
        // to close is said too.
        assert!(read.differs.contains(&"Tassin-la-Demi-Lune : la liste « liste.csv » (ligne 3) compte 5 écoles, l'annuaire en nomme 6 ; les écoles de l'annuaire sont retenues.".to_string()), "{:?}", read.differs);
        assert!(
            read.differs
                .iter()
                .any(|d| d.contains("Les Tilleuls") && d.contains("A FERMER"))
        );
        // A commune the directory does not name: said, never a silent 0.
        let bron = read_with_directory("l.csv", &rows("Bron;15/01/2025"), &directory, on());
        assert_eq!(
            bron.differs,
            [
                "Bron (69029) : l'annuaire lu ne nomme aucune de ses écoles publiques du premier degré (l'extrait d'une autre commune ?) ; elle est comptée sans école."
            ]
        );
        // Without the directory, a date where the count goes says what the list needs.
        let counts = read_counts("l.csv", &rows("Craponne;15/01/2025"), on());
        assert!(counts.refused[0].contains("est une date, pas un nombre d'écoles : une liste « commune;notification » se lit avec l'export de l'annuaire"), "{:?}", counts.refused);
        // Bron, without a notification: no convention.
        assert_eq!(read.skipped.len(), 1);
        // Named schools, under the hypothesis: eligible and billed from the notification.
        let sim = simulate(craponne);
        assert!(sim.schools.iter().all(|s| s.eligibility.eligible()));
        assert_eq!(sim.schools[0].access_from(), Some(d("2025-01-15")));
        let wrong = read_with_directory(
            "l.csv",
            &rows("Grenoble;15/01/2025\nCraponne;pas une date"),
            &directory,
            on(),
        );
        assert_eq!(wrong.refused.len(), 2, "{:?}", wrong.refused);
    }

    #[test]
    fn each_line_is_a_commune_billed_for_its_count_from_its_notification() {
        let read = read_counts(
            "communes.csv",
            &rows("commune;écoles;notification\nBron;12;16/11/2023\n69081;3;2024-01-15"),
            on(),
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
        // Seen from a later year, the convention goes on (tacit renewal) to that year's end.
        let later = read_counts("c.csv", &rows("Bron;12;16/11/2023"), d("2030-02-01"));
        assert_eq!(later.communes[0].2.horizon_until, d("2031-12-31"));
        let sim = simulate(&later.communes[0].2);
        assert!(
            sim.notice_deadlines
                .iter()
                .any(|n| n.anniversary == d("2031-11-16"))
        );
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
        let plain = read_counts("a.csv", &rows("Bron;2;16/11/2023"), on());
        assert_eq!(plain.communes[0].2.schools.len(), 2);
        let reordered = read_counts(
            "b.csv",
            &rows("Date de notification;Nombre d'écoles;Commune\n16/11/2023;2;Bron"),
            on(),
        );
        assert_eq!(reordered.refused, Vec::<String>::new());
        assert_eq!(reordered.communes[0].1, plain.communes[0].1);
        assert_eq!(reordered.communes[0].2, plain.communes[0].2);
        // The best word decides: schools, not pupils; the notification, not another date.
        let pupils = read_counts(
            "c.csv",
            &rows(
                "Commune;Nombre d'élèves;Écoles;Date d'ouverture;Date de notification\nBron;400;2;01/09/2024;16/11/2023",
            ),
            on(),
        );
        assert_eq!(pupils.refused, Vec::<String>::new());
        assert_eq!(pupils.communes[0].2, plain.communes[0].2);
        let shared = read_counts(
            "e.csv",
            &rows("Nombre d'écoles de la commune;Nom de la commune;Date\n2;Bron;16/11/2023"),
            on(),
        );
        assert_eq!(shared.refused, Vec::<String>::new());
        assert_eq!(shared.communes[0].2, plain.communes[0].2);
        // A first line that names no column is a line, said when wrong, never taken out.
        let first = read_counts(
            "d.csv",
            &rows("St Genis les Ollières;;\nBron;2;16/11/2023"),
            on(),
        );
        assert_eq!(first.communes.len(), 1);
        assert_eq!(
            first.refused,
            [
                "« d.csv », ligne 1, colonne « commune » : « St Genis les Ollières » n'est pas une commune de la Métropole de Lyon."
            ]
        );
    }

    #[test]
    fn a_bad_line_is_left_out_and_named_by_file_line_and_column() {
        let read = read_counts(
            "communes.csv",
            &rows(
                "commune;écoles;notification\nVilleurb;2;16/11/2023\nBron;dix;16/11/2023\nBron;2;31/02/2024\nBron;2;\nCaluire-et-Cuire;;\nBron;1000;16/11/2023\nBron;2;16/11/2023\nBron;3;01/01/2024\nÉcully;+1;16/11/2023",
            ),
            on(),
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
                "« communes.csv », ligne 9 : Bron est déjà à la ligne 8 (une ligne par commune).",
                "« communes.csv », ligne 10, colonne « écoles » : « +1 » n'est pas un nombre entier d'écoles de 0 à 999.",
            ]
        );
        assert_eq!(
            read.skipped,
            [
                "« communes.csv », ligne 6 : Caluire-et-Cuire n'a ni école ni date de notification (pas de convention) ; elle n'est pas comptée."
            ]
        );
        assert_eq!(
            read_counts("vide.csv", &[], on()).refused,
            vec!["« vide.csv » ne contient aucune ligne."]
        );
        assert_eq!(
            read_counts("entete.csv", &rows("commune;écoles;notification"), on()).refused,
            vec!["« entete.csv » ne contient aucune commune."]
        );
    }

    #[test]
    fn lines_are_the_files_own_with_blank_rows_and_quoted_cells() {
        let csv = crate::csv_text::read(
            b"commune;\xe9coles;notification\r\n;;\r\n\r\n\"Bron\";2;16/11/2023\r\n\"Caluire-\r\net-Cuire\";2;16/11/2023\r\nNulle-Part;1;16/11/2023\r\n",
            None,
        )
        .unwrap();
        let read = read_counts("excel.csv", &csv.numbered(), on());
        // Bron on line 4, after a row of empty cells and a blank line; Caluire's name over
        // lines 5 and 6 (read as the commune's, line breaks aside, as R10 compares names).
        let lines: Vec<(usize, &str)> = read
            .communes
            .iter()
            .map(|(l, n, _)| (*l, n.as_str()))
            .collect();
        assert_eq!(lines, [(4, "Bron"), (5, "Caluire-et-Cuire")]);
        assert_eq!(
            read.refused,
            [
                "« excel.csv », ligne 7, colonne « commune » : « Nulle-Part » n'est pas une commune de la Métropole de Lyon."
            ]
        );
    }
}

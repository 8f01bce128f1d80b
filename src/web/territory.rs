//! The Métropole's view in the app: commune files opened together (kept in the page only,
//! never stored nor sent), their territory (`engine::territory`), and its table sorted by any
//! column.

use std::rc::Rc;

use chrono::NaiveDate;

use crate::engine::compare::Compared;
use crate::engine::dates::iso;
use crate::engine::r10_eligibility::r10_commune;
use crate::engine::territory::{Territory, territory};
use crate::engine::text::fold_name;
use crate::engine::{Scenario, Simulation, simulate};
use crate::io::counts::{HYPOTHESIS, read_counts};
use crate::io::exports::worker::{ExportRequest, SpreadsheetFormat};
use crate::io::parse_str;
use crate::io::scenario::to_string_pretty;

/// What a file opened in the view is read as, by its name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A commune's scenario (`.json`).
    Scenario,
    /// A list of communes with school counts (`.csv`, [`read_counts`]).
    Counts,
}

impl FileKind {
    /// The kind a file's name says; `None` when it says neither (a folder's other files are
    /// left out; a file chosen alone is read as a scenario, whose reader says what is wrong).
    pub fn of(name: &str) -> Option<FileKind> {
        let name = name.to_lowercase();
        if name.ends_with(".json") {
            Some(FileKind::Scenario)
        } else if name.ends_with(".csv") {
            Some(FileKind::Counts)
        } else {
            None
        }
    }
}

/// The columns the communes' table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The name given, alphabetically (French order of letters aside from case).
    Name,
    /// Schools with access on the day.
    Schools,
    /// The current convention year's fee.
    CurrentFee,
    /// The total over the convention years.
    Total,
    /// The next deadline, soonest first (none last).
    NextDeadline,
}

impl SortKey {
    /// Every column, in the table's order.
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Schools,
        SortKey::CurrentFee,
        SortKey::Total,
        SortKey::NextDeadline,
    ];

    /// The column's French title.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Commune",
            SortKey::Schools => "Écoles avec accès",
            SortKey::CurrentFee => "Année en cours",
            SortKey::Total => "Total des années",
            SortKey::NextDeadline => "Prochaine échéance",
        }
    }
}

/// What the territory view holds: the files read (name, scenario), the files refused (each
/// message names its file), and the table's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TerritoryState {
    /// The communes' files read, in the order they were chosen.
    pub files: Vec<(String, Rc<Scenario>)>,
    /// Each file's rank among those chosen (reads may end in any order).
    pub ranks: Vec<usize>,
    /// Why files were not read, in French, each naming its file.
    pub refused: Vec<String>,
    /// The column the table is sorted by, and whether descending; `None`: the order opened.
    pub sort: Option<(SortKey, bool)>,
    /// The lists of communes with school counts read (their files' names): their figures rest
    /// on [`crate::io::counts::HYPOTHESIS`], which the page says.
    pub counted: Vec<String>,
}

/// What the territory view is asked.
#[derive(Clone, Debug, PartialEq)]
pub enum TerritoryAction {
    /// A file's text, read (its rank among the files chosen, its name, its text): kept as a
    /// commune in the order chosen, or refused with a message naming it.
    Read(usize, String, String),
    /// A list of communes with school counts (« commune;écoles;notification »), read into
    /// cells (its rank among the files chosen, its name, its rows): each line kept as a
    /// commune ([`read_counts`]), or refused with a message naming the file, line and column.
    ReadCounts(usize, String, Vec<Vec<String>>),
    /// A file the browser could not read.
    Unreadable(String),
    /// A file that is not a list of communes (its name, why, in French).
    NotAList(String, String),
    /// Sort by this column (again: the other way).
    SortBy(SortKey),
    /// Every file closed.
    Clear,
}

impl TerritoryState {
    /// Applies `action`.
    pub fn apply(&mut self, action: TerritoryAction) {
        match action {
            TerritoryAction::Read(rank, name, text) => match parse_str(&text) {
                Ok(scenario) => {
                    let refused = format!("« {name} » n'a pas été ajouté");
                    self.add(rank, name, scenario, &refused)
                }
                Err(errors) => self.refused.push(format!(
                    "« {name} » n'a pas été ajouté : {} erreur{} (la première : {}).",
                    errors.len(),
                    if errors.len() > 1 { "s" } else { "" },
                    errors.first().map(|e| e.for_people()).unwrap_or_default()
                )),
            },
            TerritoryAction::ReadCounts(rank, file, rows) => {
                let read = read_counts(&file, &rows);
                self.refused.extend(read.refused);
                self.refused.extend(read.skipped);
                if !read.communes.is_empty() && !self.counted.contains(&file) {
                    self.counted.push(file.clone());
                }
                for (line, name, scenario) in read.communes {
                    let refused = format!("« {file} », ligne {line} : {name} n'a pas été ajoutée");
                    self.add(rank, name, scenario, &refused);
                }
            }
            TerritoryAction::Unreadable(name) => self.refused.push(format!(
                "« {name} » n'a pas été ajouté : le navigateur n'a pas pu le lire."
            )),
            TerritoryAction::NotAList(name, why) => self
                .refused
                .push(format!("« {name} » n'a pas été ajouté : {why}.")),
            TerritoryAction::SortBy(key) => {
                self.sort = match self.sort {
                    Some((k, descending)) if k == key => Some((key, !descending)),
                    _ => Some((key, false)),
                }
            }
            TerritoryAction::Clear => *self = TerritoryState::default(),
        }
    }

    /// Keeps `scenario` as `name` among the files of rank `rank` (after those of the same
    /// rank already kept), unless its commune is already there: one simulation per commune,
    /// two would be counted twice. `refused` begins the message that says so.
    fn add(&mut self, rank: usize, name: String, scenario: Scenario, refused: &str) {
        let insee = |s: &Scenario| r10_commune(&s.commune).record.map(|r| &r.insee);
        let same = insee(&scenario).and_then(|code| {
            self.files
                .iter()
                .find(|(_, s)| insee(s) == Some(code))
                .map(|(n, _)| n.clone())
        });
        match same {
            Some(other) => self.refused.push(format!(
                "{refused} : sa commune est déjà celle de « {other} » (une simulation par commune)."
            )),
            None => {
                let at = self.ranks.iter().take_while(|r| **r <= rank).count();
                self.ranks.insert(at, rank);
                self.files.insert(at, (name, Rc::new(scenario)));
            }
        }
    }

    /// The hypotheses the figures rest on, in French: the reading of the lists by counts, naming
    /// them, when any was read.
    pub fn notes(&self) -> Vec<String> {
        if self.counted.is_empty() {
            return Vec::new();
        }
        let lists: Vec<String> = self.counted.iter().map(|f| format!("« {f} »")).collect();
        vec![format!(
            "{HYPOTHESIS} Listes par nombre : {}.",
            lists.join(", ")
        )]
    }

    /// Every commune simulated and set together on `today`.
    pub fn territory(&self, today: NaiveDate) -> Territory {
        let sims: Vec<Simulation> = self.files.iter().map(|(_, s)| simulate(s)).collect();
        let communes: Vec<Compared> = self
            .files
            .iter()
            .zip(&sims)
            .map(|((name, scenario), sim)| Compared {
                name,
                scenario,
                sim,
            })
            .collect();
        territory(&communes, today)
    }
}

/// The request for the territory's spreadsheet in `format` on `today`, and its file name.
pub fn export_request(
    state: &TerritoryState,
    format: SpreadsheetFormat,
    today: NaiveDate,
) -> (ExportRequest, String) {
    (
        ExportRequest::Territory {
            format,
            names: state.files.iter().map(|(n, _)| n.clone()).collect(),
            scenarios: state
                .files
                .iter()
                .map(|(_, s)| to_string_pretty(s))
                .collect(),
            today: iso(today),
            notes: state.notes(),
        },
        format!("laclasse-sim-territoire.{}", format.extension()),
    )
}

/// The request for the calendar of every commune's deadlines on `today` (a reminder a week
/// before each), and its file name.
pub fn calendar_request(state: &TerritoryState, today: NaiveDate) -> (ExportRequest, String) {
    (
        ExportRequest::TerritoryCalendar {
            scenarios: state
                .files
                .iter()
                .map(|(_, s)| to_string_pretty(s))
                .collect(),
            today: iso(today),
            reminder_days: 7,
        },
        "laclasse-sim-territoire-echeances.ics".into(),
    )
}

/// The communes' rows in the order asked: the indices of `t.communes`.
pub fn sorted(t: &Territory, sort: Option<(SortKey, bool)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..t.communes.len()).collect();
    let Some((key, descending)) = sort else {
        return order;
    };
    let c = &t.communes;
    order.sort_by(|&a, &b| {
        let (x, y) = (&c[a], &c[b]);
        let by = match key {
            SortKey::Name => fold_name(&x.name).cmp(&fold_name(&y.name)),
            SortKey::Schools => x.schools_with_access.cmp(&y.schools_with_access),
            SortKey::CurrentFee => x.current_year_fee.cmp(&y.current_year_fee),
            SortKey::Total => x.total.cmp(&y.total),
            // None last whichever the direction.
            SortKey::NextDeadline => {
                return match (&x.next_deadline, &y.next_deadline) {
                    (Some(p), Some(q)) if descending => q.date.cmp(&p.date),
                    (Some(p), Some(q)) => p.date.cmp(&q.date),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                };
            }
        };
        if descending { by.reverse() } else { by }
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::samples;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn commune(name: &str, insee: &str, fee: &str) -> String {
        let mut v: serde_json::Value = serde_json::from_str(samples::TASSIN_JSON).unwrap();
        v["commune"] = serde_json::json!({ "name": name, "insee": insee });
        v["convention"]["annual_fee_eur"] = fee.into();
        v.to_string()
    }

    #[test]
    fn files_are_read_or_refused_by_name_and_sorted_by_any_column() {
        let mut s = TerritoryState::default();
        s.apply(TerritoryAction::Read(
            1,
            "tassin.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        s.apply(TerritoryAction::Read(
            2,
            "ecully.json".into(),
            commune("Écully", "69081", "160.00"),
        ));
        s.apply(TerritoryAction::Read(
            3,
            "bron.json".into(),
            commune("Bron", "69029", "140.00"),
        ));
        s.apply(TerritoryAction::Read(4, "cassé.json".into(), "{".into()));
        s.apply(TerritoryAction::Unreadable("photo.png".into()));
        assert_eq!(s.files.len(), 3);
        assert_eq!(s.refused.len(), 2);
        assert!(s.refused[0].starts_with("« cassé.json » n'a pas été ajouté : 1 erreur"));
        assert_eq!(
            s.refused[1],
            "« photo.png » n'a pas été ajouté : le navigateur n'a pas pu le lire."
        );
        let t = s.territory(today());
        assert_eq!(t.joined_communes, 3);
        assert_eq!(t.current_year_total.to_string(), "1 350,00 €");
        assert_eq!(sorted(&t, None), vec![0, 1, 2]);
        s.apply(TerritoryAction::SortBy(SortKey::CurrentFee));
        assert_eq!(
            sorted(&t, s.sort),
            vec![2, 0, 1],
            "140, 150, 160 € a school"
        );
        s.apply(TerritoryAction::SortBy(SortKey::CurrentFee));
        assert_eq!(sorted(&t, s.sort), vec![1, 0, 2]);
        s.apply(TerritoryAction::SortBy(SortKey::Name));
        assert_eq!(sorted(&t, s.sort), vec![2, 1, 0], "bron, ecully, tassin");
        // The same commune again is refused, naming the file it would double.
        s.apply(TerritoryAction::Read(
            5,
            "tassin-bis.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        assert_eq!(s.files.len(), 3);
        assert_eq!(
            s.refused[2],
            "« tassin-bis.json » n'a pas été ajouté : sa commune est déjà celle de « tassin.json » (une simulation par commune)."
        );
        s.apply(TerritoryAction::Clear);
        assert_eq!(s, TerritoryState::default());
        // Reads that end out of order keep the order the files were chosen in.
        s.apply(TerritoryAction::Read(
            8,
            "ecully.json".into(),
            commune("Écully", "69081", "160.00"),
        ));
        s.apply(TerritoryAction::Read(
            7,
            "bron.json".into(),
            commune("Bron", "69029", "140.00"),
        ));
        let names: Vec<&str> = s.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["bron.json", "ecully.json"]);
    }

    fn cells(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(';').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn a_list_of_counts_adds_a_commune_a_line_in_the_order_chosen_and_is_remembered() {
        let mut s = TerritoryState::default();
        s.apply(TerritoryAction::Read(
            2,
            "tassin.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        s.apply(TerritoryAction::ReadCounts(
            1,
            "communes.csv".into(),
            cells("commune;écoles;notification\nBron;10;16/11/2023\nÉcully;5;16/11/2023\nTassin-la-Demi-Lune;3;16/11/2023\nNulle-Part;2;16/11/2023"),
        ));
        let names: Vec<&str> = s.files.iter().map(|(n, _)| n.as_str()).collect();
        // Bron and Écully, chosen first, in the file's order; Tassin from its own file only.
        assert_eq!(names, ["Bron", "Écully", "tassin.json"]);
        assert_eq!(s.counted, ["communes.csv"]);
        assert!(s.notes()[0].starts_with("Hypothèse : une liste par nombre"));
        assert!(s.notes()[0].ends_with("Listes par nombre : « communes.csv »."));
        let (request, _) = export_request(&s, SpreadsheetFormat::Ods, today());
        assert!(matches!(request, ExportRequest::Territory { notes, .. } if notes == s.notes()));
        assert_eq!(
            s.refused,
            [
                "« communes.csv », ligne 5, colonne « commune » : « Nulle-Part » n'est pas une commune de la Métropole de Lyon.",
                "« communes.csv », ligne 4 : Tassin-la-Demi-Lune n'a pas été ajoutée : sa commune est déjà celle de « tassin.json » (une simulation par commune).",
            ]
        );
        let t = s.territory(today());
        // 15 counted schools at 150 € in the year begun on 16/11/2026, and Tassin's own.
        let tassin = &t.communes[2];
        assert_eq!(t.communes[0].current_year_fee.to_string(), "1 500,00 €");
        assert_eq!(t.communes[1].current_year_fee.to_string(), "750,00 €");
        assert_eq!(
            t.current_year_total.cents(),
            225_000 + tassin.current_year_fee.cents()
        );
        assert_eq!(t.joined_schools, 15 + tassin.schools_with_access);
    }
}

//! The Métropole's view in the app: commune files opened together (kept in the page only,
//! never stored nor sent), their territory (`engine::territory`), and its table sorted by any
//! column.

use std::rc::Rc;

use chrono::NaiveDate;

use engine::compare::Compared;
use engine::dates::iso;
use engine::r10_eligibility::r10_commune;
use engine::territory::{Territory, territory};
use engine::text::fold_name;
use engine::{Scenario, Simulation, simulate};
use io::annuaire::ByCommune;
use io::counts::{DIRECTORY_HYPOTHESIS, HYPOTHESIS, read_counts, read_with_directory};
use io::exports::worker::{ExportRequest, SpreadsheetFormat};
use io::parse_str;
use io::scenario::to_string_pretty;

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

/// A commune opened in the view: from a scenario file or a line of a list of counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// Its name in the table: the file's, or the commune's for a line of a list.
    pub name: String,
    /// Its scenario (the views read it; the app cannot).
    pub(crate) scenario: Rc<Scenario>,
    /// Its file's rank among those chosen: the table keeps the order chosen, and of two
    /// simulations of one commune the first chosen is kept, as the command does.
    pub rank: usize,
    /// Where it comes from, in French: « tassin.json », or « communes.csv », ligne 4.
    pub source: String,
    /// The list of counts it is a line of (its file's name): its figures rest on
    /// [`io::counts::HYPOTHESIS`].
    pub list: Option<String>,
}

/// A list read: its rank, its name, its rows each with its line, the view's day.
type ListRead = (usize, String, Vec<(usize, Vec<String>)>, NaiveDate);

/// What the territory view holds: the communes opened, what was not taken (each message
/// names its file, and its line for a list), and the table's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TerritoryState {
    /// The communes opened, in the order their files were chosen.
    pub files: Vec<Opened>,
    /// Why files or lines were not taken, in French, each naming its file (and line).
    pub refused: Vec<String>,
    /// The lines of lists that were right but not counted (a commune without a convention).
    pub skipped: Vec<String>,
    /// The column the table is sorted by, and whether descending; `None`: the order opened.
    pub sort: Option<(SortKey, bool)>,
    /// The directory's schools of each commune, when its export was opened (its file's
    /// name): the lists are then read « commune;notification », each commune with its named
    /// schools.
    pub directory: Option<(String, ByCommune)>,
    /// Each list read (its rank, name, rows, the day): read again when the directory comes.
    lists: Vec<ListRead>,
}

/// What the territory view is asked.
#[derive(Clone, Debug, PartialEq)]
pub enum TerritoryAction {
    /// A file's text, read (its rank among the files chosen, its name, its text): kept as a
    /// commune in the order chosen, or refused with a message naming it.
    Read(usize, String, String),
    /// A list of communes with school counts (« commune;écoles;notification »), read into
    /// cells (its rank among the files chosen, its name, its rows each with its line, the
    /// view's day): each line kept as a commune ([`read_counts`]), or refused with a message
    /// naming the file, line and column.
    ReadCounts(usize, String, Vec<(usize, Vec<String>)>, NaiveDate),
    /// An export of the national school directory, read (its name, each commune's schools):
    /// the lists, read again with it, name their communes' schools.
    Directory(String, ByCommune),
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
                    let source = format!("« {name} »");
                    self.add(Opened {
                        name,
                        scenario: Rc::new(scenario),
                        rank,
                        source,
                        list: None,
                    });
                }
                Err(errors) => self.refused.push(format!(
                    "« {name} » n'a pas été ajouté : {} erreur{} (la première : {}).",
                    errors.len(),
                    if errors.len() > 1 { "s" } else { "" },
                    errors.first().map(|e| e.for_people()).unwrap_or_default()
                )),
            },
            TerritoryAction::ReadCounts(rank, file, rows, on) => {
                self.read_list(rank, &file, &rows, on);
                self.lists.push((rank, file, rows, on));
            }
            TerritoryAction::Directory(file, schools) => {
                match &mut self.directory {
                    Some((names, all)) => {
                        names.push_str(&format!(", {file}"));
                        for (insee, found) in schools {
                            all.entry(insee).or_default().extend(found);
                        }
                    }
                    None => self.directory = Some((file, schools)),
                }
                // The lists already read are read again, now with the directory.
                let lists = self.lists.clone();
                for (_, list, _, _) in &lists {
                    let named = format!("« {list} »");
                    self.files
                        .retain(|o| o.list.as_deref() != Some(list.as_str()));
                    self.refused.retain(|m| !m.starts_with(&named));
                    self.skipped.retain(|m| !m.contains(&named));
                }
                for (rank, list, rows, on) in &lists {
                    self.read_list(*rank, list, rows, *on);
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

    /// What the view says while the directory waits for its list of communes.
    pub fn waiting_for_list(&self) -> Option<String> {
        let (names, _) = self.directory.as_ref()?;
        self.lists.is_empty().then(|| {
            format!(
                "« {names} » est lu : l'annuaire se lit avec une liste « commune;notification » des communes à simuler ; ouvrez-la aussi."
            )
        })
    }

    /// Whether anything was opened (communes, messages, a directory): « Fermer ces fichiers »
    /// is offered.
    pub fn anything_opened(&self) -> bool {
        !self.files.is_empty()
            || !self.refused.is_empty()
            || !self.skipped.is_empty()
            || self.directory.is_some()
    }

    /// Reads a list: with the directory, « commune;notification » and its communes' named
    /// schools; without, « commune;écoles;notification » and counted schools.
    fn read_list(&mut self, rank: usize, file: &str, rows: &[(usize, Vec<String>)], on: NaiveDate) {
        let read = match &self.directory {
            Some((_, d)) => read_with_directory(file, rows, d, on),
            None => read_counts(file, rows, on),
        };
        // A file of which no line is a commune is not a list: said once, not line by line.
        if read.communes.is_empty() && read.refused.len() > 3 {
            self.refused.push(format!(
                "« {file} » n'est pas une liste de communes : aucune de ses {} lignes n'est lue (la première : {}).",
                read.refused.len(),
                read.refused[0]
            ));
            return;
        }
        self.refused.extend(read.refused);
        self.skipped.extend(read.skipped);
        self.skipped.extend(read.differs);
        for (line, name, scenario) in read.communes {
            self.add(Opened {
                name,
                scenario: Rc::new(scenario),
                rank,
                source: format!("« {file} », ligne {line}"),
                list: Some(file.to_string()),
            });
        }
    }

    /// Keeps `opened` after the communes of its rank or before, unless its commune is already
    /// there: one simulation per commune, two would be counted twice. Of the two, the one
    /// chosen first is kept (as the command keeps the first given), whichever was read first;
    /// the other is said.
    fn add(&mut self, opened: Opened) {
        let record = |s: &Scenario| r10_commune(&s.commune).record;
        let same = record(&opened.scenario).and_then(|r| {
            self.files
                .iter()
                .position(|o| record(&o.scenario).is_some_and(|x| x.insee == r.insee))
                .map(|i| (i, r.name.as_str()))
        });
        let twice = |left: &str, commune: &str, by: &str| {
            format!(
                "{left} : {commune} n'est pas comptée une seconde fois, elle est déjà donnée par {by} (une simulation par commune)."
            )
        };
        match same {
            Some((i, commune)) if self.files[i].rank <= opened.rank => {
                let message = twice(&opened.source, commune, &self.files[i].source);
                self.refused.push(message);
            }
            Some((i, commune)) => {
                let earlier = self.files.remove(i);
                self.refused
                    .push(twice(&earlier.source, commune, &opened.source));
                self.insert(opened);
            }
            None => self.insert(opened),
        }
    }

    /// Puts `opened` after the communes of its rank or before.
    fn insert(&mut self, opened: Opened) {
        let at = self
            .files
            .iter()
            .take_while(|o| o.rank <= opened.rank)
            .count();
        self.files.insert(at, opened);
    }

    /// The hypotheses the figures rest on, in French: the reading of the lists of counts,
    /// naming those a commune shown comes from, when there is one.
    pub fn notes(&self) -> Vec<String> {
        let mut lists: Vec<String> = Vec::new();
        for list in self.files.iter().filter_map(|o| o.list.as_ref()) {
            let named = format!("« {list} »");
            if !lists.contains(&named) {
                lists.push(named);
            }
        }
        if lists.is_empty() {
            return Vec::new();
        }
        match &self.directory {
            Some((names, _)) => vec![format!(
                "{DIRECTORY_HYPOTHESIS} Annuaire lu : « {names} » ; listes lues : {}.",
                lists.join(", ")
            )],
            None => vec![format!("{HYPOTHESIS} Listes lues : {}.", lists.join(", "))],
        }
    }

    /// Each commune's scenario, all simulated to the same last year
    /// ([`engine::territory::to_common_horizon`]): no budget year drops at the end.
    fn common_scenarios(&self) -> Vec<Scenario> {
        let mut all: Vec<Scenario> = self.files.iter().map(|o| (*o.scenario).clone()).collect();
        let mut refs: Vec<&mut Scenario> = all.iter_mut().collect();
        engine::territory::to_common_horizon(&mut refs);
        all
    }

    /// Each commune's scenario as the scenario file writes it, for the export worker.
    fn scenario_texts(&self) -> Vec<String> {
        self.common_scenarios()
            .iter()
            .map(to_string_pretty)
            .collect()
    }

    /// Every commune simulated and set together on `today`.
    pub(crate) fn territory(&self, today: NaiveDate) -> Territory {
        let scenarios = self.common_scenarios();
        let sims: Vec<Simulation> = scenarios.iter().map(simulate).collect();
        let communes: Vec<Compared> = self
            .files
            .iter()
            .zip(&scenarios)
            .zip(&sims)
            .map(|((o, scenario), sim)| Compared {
                name: &o.name,
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
            names: state.files.iter().map(|o| o.name.clone()).collect(),
            scenarios: state.scenario_texts(),
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
            scenarios: state.scenario_texts(),
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
    use io::samples;

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
            "« tassin-bis.json » : Tassin-la-Demi-Lune n'est pas comptée une seconde fois, elle est déjà donnée par « tassin.json » (une simulation par commune)."
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
        let names: Vec<&str> = s.files.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["bron.json", "ecully.json"]);
    }

    fn cells(text: &str) -> Vec<(usize, Vec<String>)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split(';').map(str::to_string).collect()))
            .collect()
    }

    #[test]
    fn with_the_directory_a_list_of_three_communes_names_their_schools_whichever_comes_first() {
        let list = cells(
            "commune;notification\nCraponne;15/01/2025\nTassin-la-Demi-Lune;5;16/11/2023\nLyon;01/09/2024",
        );
        let directory = io::annuaire::by_commune(samples::DIRECTORY_EXAMPLE.as_bytes()).unwrap();
        // The list read first (two columns: refused as counts), then the directory: the list
        // is read again with it, its refusals gone.
        let mut s = TerritoryState::default();
        s.apply(TerritoryAction::ReadCounts(
            1,
            "liste.csv".into(),
            list.clone(),
            today(),
        ));
        assert!(!s.refused.is_empty());
        s.apply(TerritoryAction::Directory(
            "annuaire.csv".into(),
            directory.clone(),
        ));
        assert_eq!(s.refused, Vec::<String>::new());
        let names: Vec<&str> = s.files.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Craponne", "Tassin-la-Demi-Lune", "Lyon"]);
        let schools: Vec<usize> = s.files.iter().map(|o| o.scenario.schools.len()).collect();
        assert_eq!(schools, [3, 6, 2]);
        assert!(
            s.skipped
                .iter()
                .any(|m| m.contains("compte 5 écoles, l'annuaire en nomme 6"))
        );
        assert!(s.notes()[0].starts_with("Hypothèse : l'annuaire de l'éducation nomme"));
        // The directory first: the same.
        let mut t = TerritoryState::default();
        t.apply(TerritoryAction::Directory("annuaire.csv".into(), directory));
        t.apply(TerritoryAction::ReadCounts(
            1,
            "liste.csv".into(),
            list,
            today(),
        ));
        assert_eq!(t.files, s.files);
        // The directory alone waits for its list, and says so.
        let mut alone = TerritoryState::default();
        alone.apply(TerritoryAction::Directory(
            "annuaire.csv".into(),
            io::annuaire::by_commune(samples::DIRECTORY_EXAMPLE.as_bytes()).unwrap(),
        ));
        assert!(alone.anything_opened());
        assert!(
            alone
                .waiting_for_list()
                .unwrap()
                .contains("une liste « commune;notification »")
        );
        assert_eq!(s.waiting_for_list(), None);
        // A file of which no line is a commune: one message, not one a line.
        let mut wrong = TerritoryState::default();
        wrong.apply(TerritoryAction::ReadCounts(
            1,
            "autre.csv".into(),
            cells("a;b;c\nx;1;2\ny;1;2\nz;1;2\nw;1;2\nv;1;2"),
            today(),
        ));
        assert_eq!(wrong.refused.len(), 1, "{:?}", wrong.refused);
        assert!(
            wrong.refused[0]
                .starts_with("« autre.csv » n'est pas une liste de communes : aucune de ses")
        );
        // Every commune to the same last year: the last budget year is whole.
        let territory = s.territory(today());
        let years: Vec<String> = territory
            .budget_years
            .iter()
            .map(|y| y.1.to_string())
            .collect();
        assert_eq!(years.last().unwrap(), "1 650,00 €", "{years:?}");
    }

    #[test]
    fn a_list_of_counts_adds_a_commune_a_line_in_the_order_chosen_and_is_remembered() {
        let mut s = TerritoryState::default();
        // Tassin's own file is read first, though chosen after the list (the list is read in
        // the worker): the list, chosen first, keeps Tassin, as the command would.
        s.apply(TerritoryAction::Read(
            2,
            "tassin.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        s.apply(TerritoryAction::ReadCounts(
            1,
            "communes.csv".into(),
            cells("commune;écoles;notification\nBron;10;16/11/2023\nÉcully;5;16/11/2023\nTassin-la-Demi-Lune;3;16/11/2023\nNulle-Part;2;16/11/2023\nCaluire-et-Cuire;0;"),
            today(),
        ));
        let names: Vec<&str> = s.files.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["Bron", "Écully", "Tassin-la-Demi-Lune"]);
        assert_eq!(s.files[2].source, "« communes.csv », ligne 4");
        assert!(s.notes()[0].starts_with("Hypothèse : une liste de communes avec leur nombre"));
        assert!(s.notes()[0].ends_with("Listes lues : « communes.csv »."));
        let (request, _) = export_request(&s, SpreadsheetFormat::Ods, today());
        assert!(matches!(request, ExportRequest::Territory { notes, .. } if notes == s.notes()));
        assert_eq!(
            s.refused,
            [
                "« communes.csv », ligne 5, colonne « commune » : « Nulle-Part » n'est pas une commune de la Métropole de Lyon.",
                "« tassin.json » : Tassin-la-Demi-Lune n'est pas comptée une seconde fois, elle est déjà donnée par « communes.csv », ligne 4 (une simulation par commune).",
            ]
        );
        assert_eq!(
            s.skipped,
            [
                "« communes.csv », ligne 6 : Caluire-et-Cuire n'a ni école ni date de notification (pas de convention) ; elle n'est pas comptée."
            ]
        );
        let t = s.territory(today());
        // 10, 5 and 3 counted schools at 150 € in the year begun on 16/11/2026.
        let fees: Vec<String> = t
            .communes
            .iter()
            .map(|c| c.current_year_fee.to_string())
            .collect();
        assert_eq!(fees, ["1 500,00 €", "750,00 €", "450,00 €"]);
        assert_eq!(t.current_year_total.to_string(), "2 700,00 €");
        assert_eq!(t.joined_schools, 18);
        // A list whose every commune is already given is not among the lists read.
        s.apply(TerritoryAction::ReadCounts(
            3,
            "encore.csv".into(),
            cells("Bron;4;16/11/2023"),
            today(),
        ));
        assert!(s.notes()[0].ends_with("Listes lues : « communes.csv »."));
        assert!(s.refused[2].starts_with("« encore.csv », ligne 1 : Bron n'est pas comptée une seconde fois, elle est déjà donnée par « communes.csv », ligne 2"));
        // Nor is a list all of whose communes give way to a file chosen before it.
        let mut t = TerritoryState::default();
        t.apply(TerritoryAction::ReadCounts(
            2,
            "tard.csv".into(),
            cells("Tassin-la-Demi-Lune;4;16/11/2023"),
            today(),
        ));
        assert_eq!(t.notes().len(), 1);
        t.apply(TerritoryAction::Read(
            1,
            "tassin.json".into(),
            samples::TASSIN_JSON.into(),
        ));
        assert_eq!(t.files.len(), 1);
        assert_eq!(t.files[0].source, "« tassin.json »");
        assert!(t.notes().is_empty());
    }
}

//! The web app's state, pure and testable natively: the named simulations ("Mes
//! simulations"), the one being edited, the last deletion that can be undone, and every action
//! a person can take. The Yew layer (`ui`) only wraps this in a reducer and stores it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::draft::{Draft, SchoolDraft};
use crate::io::samples;
use crate::io::schema::{Field, Flag, SchoolField};

/// Where the simulations are kept in the browser's local storage.
pub const STORAGE_KEY: &str = "laclasse-sim/simulations";
/// Where unreadable stored data is set aside (never deleted).
pub const QUARANTINE_KEY: &str = "laclasse-sim/illisible";
/// The version of what is stored; another version is set aside, not guessed at.
pub const STORAGE_VERSION: u32 = 1;

/// One named simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Its id, unique among the simulations.
    pub id: u64,
    /// The name the person gave it.
    pub name: String,
    /// The scenario as typed.
    pub draft: Rc<Draft>,
    /// The example shown on a first visit.
    #[serde(default)]
    pub example: bool,
}

/// Every simulation, and which one is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    /// [`STORAGE_VERSION`] when written.
    pub version: u32,
    /// The id of the open simulation.
    pub current: u64,
    /// The next free id.
    pub next_id: u64,
    /// The simulations, in the list's order.
    pub entries: Vec<Entry>,
}

impl Library {
    /// A first visit: the Tassin example, labelled as such.
    pub fn first_visit() -> Library {
        let draft = Rc::new(Draft::from_json(samples::TASSIN_JSON).unwrap_or_default());
        Library {
            version: STORAGE_VERSION,
            current: 1,
            next_id: 2,
            entries: vec![Entry {
                id: 1,
                name: "Exemple : Tassin-la-Demi-Lune".into(),
                draft,
                example: true,
            }],
        }
    }

    /// The open simulation (the first one if the id is stale).
    pub fn current(&self) -> &Entry {
        self.entries
            .iter()
            .find(|e| e.id == self.current)
            .unwrap_or(&self.entries[0])
    }

    fn current_mut(&mut self) -> &mut Entry {
        let id = self.current;
        let index = self.entries.iter().position(|e| e.id == id).unwrap_or(0);
        &mut self.entries[index]
    }

    fn add(&mut self, name: String, draft: Rc<Draft>) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.entries.push(Entry {
            id,
            name,
            draft,
            example: false,
        });
        self.current = id;
        id
    }

    /// The text to store.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What reading the stored text gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The simulations read, or a first visit's.
    pub library: Library,
    /// Stored text that could not be read, to keep aside, with a French message.
    pub set_aside: Option<(String, String)>,
}

/// Reads the stored simulations. Nothing stored: a first visit. Unreadable (another version,
/// damaged): a first visit too, and the text is handed back to be kept aside.
pub fn load(stored: Option<&str>) -> Loaded {
    let Some(raw) = stored else {
        return Loaded {
            library: Library::first_visit(),
            set_aside: None,
        };
    };
    let why = match serde_json::from_str::<serde_json::Value>(raw) {
        Err(_) => "elles sont abîmées (JSON illisible)".to_string(),
        Ok(v) => match v.get("version").and_then(|v| v.as_u64()) {
            Some(n) if n == STORAGE_VERSION as u64 => match serde_json::from_value::<Library>(v) {
                Ok(lib) if !lib.entries.is_empty() => {
                    return Loaded {
                        library: lib,
                        set_aside: None,
                    };
                }
                Ok(_) => "elles ne contiennent aucune simulation".to_string(),
                Err(e) => format!("elles sont incomplètes ({e})"),
            },
            Some(n) => format!("elles viennent d'une autre version de laclasse-sim (format {n})"),
            None => "leur version est inconnue".to_string(),
        },
    };
    Loaded {
        library: Library::first_visit(),
        set_aside: Some((
            raw.to_string(),
            format!(
                "Des simulations enregistrées dans ce navigateur n'ont pas pu être lues : {why}. Elles ont été mises de côté, intactes, sous la clé « {QUARANTINE_KEY} » du stockage local."
            ),
        )),
    }
}

/// What can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// A school deleted from a simulation.
    School {
        /// The simulation's id.
        entry: u64,
        /// Where the school was.
        index: usize,
        /// The school as it was.
        school: Rc<SchoolDraft>,
    },
    /// A deleted simulation.
    Simulation {
        /// Where it was in the list.
        index: usize,
        /// The simulation as it was.
        entry: Entry,
        /// Whether it was the open one.
        was_current: bool,
    },
}

impl Undo {
    /// What the "annuler" bar says.
    pub fn describe(&self) -> String {
        match self {
            Undo::School { school, .. } => format!(
                "École « {} » supprimée.",
                if school.name().is_empty() {
                    "sans nom"
                } else {
                    school.name()
                }
            ),
            Undo::Simulation { entry, .. } => format!("Simulation « {} » supprimée.", entry.name),
        }
    }
}

/// Everything a person can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A field of the scenario outside the schools, as typed.
    Edit(Field, String),
    /// A yes/no declaration.
    SetFlag(Flag, bool),
    /// A field of the school whose page id is given, as typed.
    EditSchool(u64, SchoolField, String),
    /// A new empty school at the end.
    AddSchool,
    /// Schools imported from a file, added at the end with fresh ids.
    AddSchools(Vec<SchoolDraft>),
    /// A copy of the school (page id) right after it.
    DuplicateSchool(u64),
    /// The school (page id) deleted, undoably.
    DeleteSchool(u64),
    /// A new empty simulation, opened.
    NewSimulation,
    /// The simulation (id) opened.
    Open(u64),
    /// The simulation (id) renamed.
    Rename(u64, String),
    /// A copy of the simulation (id), opened.
    DuplicateSimulation(u64),
    /// The simulation (id) deleted, undoably.
    DeleteSimulation(u64),
    /// A scenario from a file or a shared link: kept as a simulation of its own, or the
    /// existing identical one is opened.
    Import {
        /// The name for a new simulation.
        name: String,
        /// The scenario.
        draft: Box<Draft>,
    },
    /// The last deletion undone.
    Undo,
    /// The undo bar closed.
    DismissUndo,
}

/// The app's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    /// Every simulation.
    pub library: Library,
    /// The last deletion, while it can be undone.
    pub undo: Option<Undo>,
}

impl AppState {
    /// The app with `library`, nothing to undo.
    pub fn new(library: Library) -> AppState {
        AppState {
            library,
            undo: None,
        }
    }

    /// The open simulation's draft.
    pub fn draft(&self) -> &Rc<Draft> {
        &self.library.current().draft
    }

    fn draft_mut(&mut self) -> &mut Draft {
        Rc::make_mut(&mut self.library.current_mut().draft)
    }

    /// Applies `action`.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(field, value) => *self.draft_mut().field_mut(field) = value,
            Action::SetFlag(flag, value) => self.draft_mut().set_flag(flag, value),
            Action::EditSchool(id, field, value) => {
                if let Some(school) = self.draft_mut().schools.iter_mut().find(|s| s.id == id) {
                    Rc::make_mut(school).set(field, value);
                }
            }
            Action::AddSchool => {
                let draft = self.draft_mut();
                let school = draft.new_school();
                draft.schools.push(Rc::new(school));
            }
            Action::AddSchools(schools) => {
                let draft = self.draft_mut();
                for school in schools {
                    let id = draft.new_school().id;
                    let mut school = school;
                    school.id = id;
                    draft.schools.push(Rc::new(school));
                }
            }
            Action::DuplicateSchool(id) => {
                let draft = self.draft_mut();
                if let Some(i) = draft.schools.iter().position(|s| s.id == id) {
                    let mut copy = (*draft.schools[i]).clone();
                    copy.id = draft.new_school().id;
                    copy.set(SchoolField::Name, format!("{} (copie)", copy.name()));
                    draft.schools.insert(i + 1, Rc::new(copy));
                }
            }
            Action::DeleteSchool(id) => {
                let entry = self.library.current;
                let draft = self.draft_mut();
                if let Some(index) = draft.schools.iter().position(|s| s.id == id) {
                    let school = draft.schools.remove(index);
                    self.undo = Some(Undo::School {
                        entry,
                        index,
                        school,
                    });
                }
            }
            Action::NewSimulation => {
                let n = self.library.entries.len() + 1;
                self.library
                    .add(format!("Simulation {n}"), Rc::new(Draft::default()));
            }
            Action::Open(id) => {
                if self.library.entries.iter().any(|e| e.id == id) {
                    self.library.current = id;
                }
            }
            Action::Rename(id, name) => {
                if let Some(e) = self.library.entries.iter_mut().find(|e| e.id == id) {
                    e.name = name;
                }
            }
            Action::DuplicateSimulation(id) => {
                if let Some(e) = self.library.entries.iter().find(|e| e.id == id).cloned() {
                    self.library.add(format!("{} (copie)", e.name), e.draft);
                }
            }
            Action::DeleteSimulation(id) => {
                if let Some(index) = self.library.entries.iter().position(|e| e.id == id) {
                    let entry = self.library.entries.remove(index);
                    let was_current = self.library.current == id;
                    if self.library.entries.is_empty() {
                        self.library
                            .add("Simulation 1".into(), Rc::new(Draft::default()));
                    } else if was_current {
                        self.library.current =
                            self.library.entries[index.min(self.library.entries.len() - 1)].id;
                    }
                    self.undo = Some(Undo::Simulation {
                        index,
                        entry,
                        was_current,
                    });
                }
            }
            Action::Import { name, draft } => {
                match self.library.entries.iter().find(|e| *e.draft == *draft) {
                    Some(existing) => self.library.current = existing.id,
                    None => {
                        self.library.add(name, Rc::new(*draft));
                    }
                }
            }
            Action::Undo => match self.undo.take() {
                Some(Undo::School {
                    entry,
                    index,
                    school,
                }) => {
                    if let Some(e) = self.library.entries.iter_mut().find(|e| e.id == entry) {
                        let draft = Rc::make_mut(&mut e.draft);
                        let at = index.min(draft.schools.len());
                        draft.schools.insert(at, school);
                        self.library.current = entry;
                    }
                }
                Some(Undo::Simulation {
                    index,
                    entry,
                    was_current,
                }) => {
                    let id = entry.id;
                    let at = index.min(self.library.entries.len());
                    self.library.entries.insert(at, entry);
                    if was_current {
                        self.library.current = id;
                    }
                }
                None => {}
            },
            Action::DismissUndo => self.undo = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::schema::ContactField;

    fn state() -> AppState {
        AppState::new(Library::first_visit())
    }

    #[test]
    fn first_visit_shows_the_example() {
        let s = state();
        assert!(s.library.current().example);
        assert_eq!(s.draft().commune_name, "Tassin-la-Demi-Lune");
    }

    #[test]
    fn edit_add_duplicate_delete_and_undo_a_school() {
        let mut s = state();
        s.apply(Action::AddSchool);
        let id = s.draft().schools.last().unwrap().id;
        s.apply(Action::EditSchool(
            id,
            SchoolField::Name,
            "École Neuve".into(),
        ));
        let email = SchoolField::Admin(ContactField::Email);
        s.apply(Action::EditSchool(id, email, "x@y.fr".into()));
        assert_eq!(s.draft().schools[4].name(), "École Neuve");
        assert_eq!(s.draft().schools[4].get(email), "x@y.fr");
        s.apply(Action::DuplicateSchool(id));
        assert_eq!(s.draft().schools[5].name(), "École Neuve (copie)");
        assert_ne!(s.draft().schools[5].id, id);
        let first = s.draft().schools[0].clone();
        s.apply(Action::DeleteSchool(first.id));
        assert_eq!(s.draft().schools.len(), 5);
        assert_eq!(
            s.undo.as_ref().unwrap().describe(),
            "École « École élémentaire du Bourg » supprimée."
        );
        s.apply(Action::Undo);
        assert_eq!(s.draft().schools[0], first);
        assert!(s.undo.is_none());
    }

    #[test]
    fn imported_schools_get_fresh_ids() {
        let mut s = state();
        let mut imported = SchoolDraft::default();
        imported.id = 1;
        imported.set(SchoolField::Name, "Importée");
        s.apply(Action::AddSchools(vec![imported.clone(), imported]));
        let ids: std::collections::HashSet<u64> = s.draft().schools.iter().map(|x| x.id).collect();
        assert_eq!(ids.len(), 6);
        assert_eq!(s.draft().schools[5].name(), "Importée");
    }

    #[test]
    fn simulations_create_rename_duplicate_delete_undo() {
        let mut s = state();
        s.apply(Action::NewSimulation);
        assert_eq!(s.library.entries.len(), 2);
        assert_eq!(**s.draft(), Draft::default());
        let new_id = s.library.current;
        s.apply(Action::Rename(new_id, "Budget 2027".into()));
        s.apply(Action::DuplicateSimulation(new_id));
        assert_eq!(s.library.current().name, "Budget 2027 (copie)");
        s.apply(Action::DeleteSimulation(new_id));
        assert_eq!(s.library.entries.len(), 2);
        s.apply(Action::Undo);
        assert_eq!(s.library.entries.len(), 3);
        assert_eq!(s.library.entries[1].name, "Budget 2027");
        // Deleting the last one leaves an empty simulation, never nothing.
        for id in s.library.entries.iter().map(|e| e.id).collect::<Vec<_>>() {
            s.apply(Action::DeleteSimulation(id));
        }
        assert_eq!(s.library.entries.len(), 1);
    }

    #[test]
    fn import_never_overwrites_and_reuses_an_identical_simulation() {
        let mut s = state();
        let tassin = (**s.draft()).clone();
        s.apply(Action::NewSimulation);
        s.apply(Action::Import {
            name: "Lien partagé".into(),
            draft: Box::new(tassin.clone()),
        });
        assert_eq!(
            s.library.entries.len(),
            2,
            "the identical example is reopened"
        );
        assert!(s.library.current().example);
        let mut other = tassin;
        other.annual_fee = "200,00".into();
        s.apply(Action::Import {
            name: "Lien partagé".into(),
            draft: Box::new(other),
        });
        assert_eq!(s.library.entries.len(), 3);
        assert_eq!(s.library.current().name, "Lien partagé");
        assert_eq!(s.library.entries[0].draft.annual_fee, "150,00");
    }

    #[test]
    fn stored_data_round_trips_or_is_set_aside() {
        let mut s = state();
        s.apply(Action::Edit(Field::AnnualFee, "175,00".into()));
        let text = s.library.to_json();
        let loaded = load(Some(&text));
        assert_eq!(loaded.library, s.library);
        assert!(loaded.set_aside.is_none());

        for bad in [
            "{not json",
            r#"{"version": 0, "entries": []}"#,
            r#"{"version": 1}"#,
            "[]",
        ] {
            let loaded = load(Some(bad));
            let (raw, message) = loaded.set_aside.expect(bad);
            assert_eq!(raw, bad);
            assert!(message.contains("mises de côté"), "{message}");
            assert!(loaded.library.current().example);
        }
        assert!(load(None).set_aside.is_none());
    }
}

//! The web app's state, pure and testable natively: the named simulations ("Mes
//! simulations"), the one being edited, the last deletion that can be undone, and every action
//! a person can take. The Yew layer (`ui`) only wraps this in a reducer and stores it.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::draft::{Draft, SchoolDraft};
use engine::communes::{self, CommuneRecord};
use io::FieldError;
use io::samples;
use io::schema::{Field, FieldRef, Flag, SchoolField};

/// A simulation's identity: unique across this browser's tabs (each tab draws its own prefix),
/// so that two tabs never create two simulations with one id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SimId(pub String);

impl std::fmt::Display for SimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of the example shown on a first visit: the same in every tab, so that two tabs
/// opened on a first visit share one example rather than making two.
pub const EXAMPLE_ID: &str = "exemple";

/// The name of a new simulation, until its commune is chosen.
pub const NEW_NAME: &str = "Nouvelle simulation";

/// The Métropole's commune a draft names: by its INSEE code when one is typed (R10), by its
/// name otherwise.
fn commune_of(draft: &Draft) -> Option<&'static CommuneRecord> {
    let code = draft.text(Field::CommuneInsee);
    if code.trim().is_empty() {
        communes::by_name(draft.text(Field::CommuneName)).map(|(c, _)| c)
    } else {
        communes::by_code(code).map(|(c, _)| c)
    }
}

/// Whether a name and a code name one commune of the Métropole.
fn same_commune(name: &str, code: &str) -> bool {
    match (communes::by_name(name), communes::by_code(code)) {
        (Some((a, _)), Some((b, _))) => a.insee == b.insee,
        _ => false,
    }
}

/// The commune's name as typed; its code follows when it was empty or was the old name's (a
/// code the person typed for another commune is kept, and the disagreement said).
fn commune_name_typed(draft: &mut Draft, name: String) {
    let code = draft.text(Field::CommuneInsee);
    let follows = code.trim().is_empty() || same_commune(draft.text(Field::CommuneName), code);
    if follows {
        let code = communes::by_name(&name)
            .map(|(c, _)| c.insee.clone())
            .unwrap_or_default();
        draft.set(Field::CommuneInsee, code);
    }
    draft.set(Field::CommuneName, name);
}

/// The commune's code as typed; its name follows when it was empty or was the old code's, and
/// the code is one of the Métropole's.
fn commune_code_typed(draft: &mut Draft, code: String) {
    let name = draft.text(Field::CommuneName);
    let follows = name.trim().is_empty() || same_commune(name, draft.text(Field::CommuneInsee));
    if follows && let Some((c, _)) = communes::by_code(&code) {
        let name = c.name.clone();
        draft.set(Field::CommuneName, name);
    }
    draft.set(Field::CommuneInsee, code);
}

/// One named simulation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its id, unique in this browser.
    pub id: SimId,
    /// The name the person gave it.
    pub name: String,
    /// The scenario as typed.
    pub draft: Rc<Draft>,
    /// The example shown on a first visit: never edited; an edit goes to a copy.
    pub example: bool,
    /// Its name follows its commune (« Craponne ») until the person renames it.
    pub auto_name: bool,
    /// When it was created (milliseconds since 1970, for the list's order).
    pub created: u64,
    /// The stored revision this tab last read or wrote; 0 when never stored.
    pub revision: u64,
    /// Changed in this tab since it was last stored.
    pub dirty: bool,
}

/// Every simulation, and which one this tab shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Library {
    /// The id of the open simulation.
    pub current: SimId,
    /// The simulations, in the list's order (by creation).
    pub entries: Vec<Entry>,
    /// Simulations deleted here, to remove from storage at the next save.
    pub deleted: Vec<SimId>,
    /// This tab's prefix for new ids.
    pub tab: String,
    /// The next number for a new id.
    pub next_seq: u64,
    /// The clock, for the creation time of new simulations (set by the page).
    pub now_ms: u64,
}

impl Library {
    /// No simulation yet, for a tab whose ids start with `tab`.
    pub fn empty(tab: &str) -> Library {
        Library {
            current: SimId::default(),
            entries: Vec::new(),
            deleted: Vec::new(),
            tab: tab.to_string(),
            next_seq: 1,
            now_ms: 0,
        }
    }

    /// A first visit: the Tassin example, labelled as such.
    pub fn first_visit(tab: &str) -> Library {
        let mut library = Library::empty(tab);
        library.entries.push(Entry {
            id: SimId(EXAMPLE_ID.into()),
            name: "Exemple : Tassin-la-Demi-Lune".into(),
            draft: Rc::new(Draft::from_json(samples::TASSIN_JSON).unwrap_or_default()),
            example: true,
            auto_name: false,
            created: 0,
            revision: 0,
            dirty: true,
        });
        library.current = SimId(EXAMPLE_ID.into());
        library
    }

    /// The open simulation (the first one if the id is stale).
    pub fn current(&self) -> &Entry {
        self.entries
            .iter()
            .find(|e| e.id == self.current)
            .unwrap_or(&self.entries[0])
    }

    fn current_mut(&mut self) -> &mut Entry {
        let index = self.position(&self.current.clone()).unwrap_or(0);
        &mut self.entries[index]
    }

    /// Where the simulation `id` is in the list.
    pub fn position(&self, id: &SimId) -> Option<usize> {
        self.entries.iter().position(|e| e.id == *id)
    }

    /// A new id, never used in this browser.
    pub fn fresh_id(&mut self) -> SimId {
        let id = SimId(format!("{}-{}", self.tab, self.next_seq));
        self.next_seq += 1;
        id
    }

    /// Adds a new simulation, to be stored, and opens it.
    pub fn add(&mut self, name: String, draft: Rc<Draft>) -> SimId {
        self.add_named(name, false, draft)
    }

    /// Adds a new simulation whose name follows its commune when `auto_name`, and opens it.
    fn add_named(&mut self, name: String, auto_name: bool, draft: Rc<Draft>) -> SimId {
        let id = self.fresh_id();
        self.entries.push(Entry {
            id: id.clone(),
            name,
            draft,
            example: false,
            auto_name,
            created: self.now_ms,
            revision: 0,
            dirty: true,
        });
        self.current = id.clone();
        id
    }

    /// Puts `entry` in the list at its place by creation time.
    pub fn insert_sorted(&mut self, entry: Entry) {
        let at = self
            .entries
            .iter()
            .position(|e| (e.created, &e.id) > (entry.created, &entry.id))
            .unwrap_or(self.entries.len());
        self.entries.insert(at, entry);
    }

    /// The simulation a link's `draft` reopens rather than adds: one with that draft (and, for
    /// a comparison's link, that `name`).
    pub fn identical(&self, draft: &Draft, name: Option<&str>) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| *e.draft == *draft && name.is_none_or(|n| e.name == n))
    }

    /// `base`, or `base (2)`, `base (3)`… so that no other simulation than `except` has it.
    fn unique_name(&self, base: &str, except: Option<&SimId>) -> String {
        let taken = |name: &str| {
            self.entries
                .iter()
                .any(|e| Some(&e.id) != except && e.name == name)
        };
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !taken(name))
            .unwrap_or_default()
    }

    /// Makes sure there is a simulation to show: an empty one when the list is empty.
    pub fn ensure_one(&mut self) {
        if self.entries.is_empty() {
            self.add_named(NEW_NAME.into(), true, Rc::new(Draft::default()));
        }
        if self.position(&self.current.clone()).is_none() {
            self.current = self.entries[0].id.clone();
        }
    }
}

/// What can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// A school deleted from a simulation.
    School {
        /// The simulation's id.
        entry: SimId,
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
    /// A copy of the example, to edit, opened (the example stays as it is).
    CopyExample,
    /// The simulation (id) opened.
    Open(SimId),
    /// The simulation (id) renamed.
    Rename(SimId, String),
    /// A copy of the simulation (id), opened.
    DuplicateSimulation(SimId),
    /// The simulation (id) deleted, undoably.
    DeleteSimulation(SimId),
    /// A scenario from a file or a shared link: kept as a simulation of its own, or the
    /// existing identical one is opened.
    Import {
        /// The name for a new simulation.
        name: String,
        /// The scenario.
        draft: Box<Draft>,
    },
    /// A variant of a simulation (`web::compare::terminate_variant`): kept as a simulation of
    /// its own and opened (an identical one is opened instead), and set beside the simulation
    /// it comes from in the comparison.
    Variant {
        /// The simulation it varies.
        of: SimId,
        /// « Variante : résilier en 2027 ».
        name: String,
        /// The scenario.
        draft: Box<Draft>,
    },
    /// The simulations set side by side, the first the reference (at most three; unknown ids
    /// are left out).
    Compare(Vec<SimId>),
    /// A comparison from a link (`#comparer=…`): each simulation kept as one of its own (or
    /// the identical one opened), the first one opened, and all set side by side.
    ImportComparison(Vec<(String, Draft)>),
    /// The last deletion undone.
    Undo,
    /// The undo bar closed.
    DismissUndo,
    /// The message about other tabs or storage read.
    DismissNotice,
    /// The field was left: its error, if any, is shown from now on.
    Left(FieldRef),
    /// A save, a document or a link was asked for: every error is shown.
    ShowAllErrors,
}

/// Which errors the page shows: none on the field being typed in, none for an empty field
/// never left, until a save or a document is asked for; the others always.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attention {
    /// The field typed in last, until it is left.
    typing: Option<FieldRef>,
    /// The fields left since the simulation was opened.
    left: Vec<FieldRef>,
    /// Every error shown (a save, a document or a link was asked for).
    all: bool,
}

impl Attention {
    /// Whether the person is typing in `at`.
    pub fn typing(&self, at: FieldRef) -> bool {
        self.typing == Some(at)
    }

    /// Whether the error `e` of `draft` is shown.
    pub fn shows(&self, draft: &Draft, e: &FieldError) -> bool {
        let Some(at) = e.field else { return true };
        if self.typing(at) {
            return false;
        }
        self.all || self.left.contains(&at) || !draft.is_blank(at)
    }
}

/// The app's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    /// Every simulation.
    pub library: Library,
    /// The last deletion, while it can be undone.
    pub undo: Option<Undo>,
    /// What the page must tell about storage and other tabs (versions kept, data set aside).
    pub notices: Vec<String>,
    /// Why saving in the browser is suspended, when it is: data from an earlier version could
    /// not be converted or set aside (storage full) and stays under its key.
    pub autosave_suspended: Option<String>,
    /// The simulations whose last write the browser refused (storage full): kept in the page,
    /// written again at each save until there is room; the others are saved as usual.
    pub not_stored: Vec<SimId>,
    /// The simulations set side by side, the first the reference (none: no comparison).
    pub compared: Vec<SimId>,
    /// Which errors the open simulation shows.
    pub attention: Attention,
    /// The copy an edit of the example made, and the example's id: the example's last valid
    /// figures are that copy's own while its first edit is invalid.
    pub copy_of_example: Option<(SimId, SimId)>,
    /// The notification the initial list's requests follow, in the open simulation: a school
    /// whose request is that date (or blank) takes the new one when it changes.
    pub followed_notification: Option<(SimId, String)>,
}

impl AppState {
    /// The app with `library`, nothing to undo.
    pub fn new(library: Library) -> AppState {
        AppState {
            library,
            undo: None,
            notices: Vec::new(),
            autosave_suspended: None,
            not_stored: Vec::new(),
            compared: Vec::new(),
            attention: Attention::default(),
            copy_of_example: None,
            followed_notification: None,
        }
    }

    /// Whether figures computed for `of` are the open simulation's own: the same simulation,
    /// or the example it was copied from by an edit.
    pub fn figures_belong(&self, of: &SimId) -> bool {
        *of == self.library.current
            || self
                .copy_of_example
                .as_ref()
                .is_some_and(|(example, copy)| example == of && *copy == self.library.current)
    }

    /// The errors of the open simulation the page shows, in their order.
    pub fn shown_errors(&self, errors: &[FieldError]) -> Vec<FieldError> {
        let draft = self.draft();
        errors
            .iter()
            .filter(|e| self.attention.shows(draft, e))
            .cloned()
            .collect()
    }

    /// The open simulation's draft.
    pub fn draft(&self) -> &Rc<Draft> {
        &self.library.current().draft
    }

    /// The open simulation's draft, to change: when it is the example, a copy of it is made
    /// and opened first, and the page says so (the example is never edited).
    fn draft_mut(&mut self) -> &mut Draft {
        self.editable();
        let entry = self.library.current_mut();
        entry.dirty = true;
        Rc::make_mut(&mut entry.draft)
    }

    /// Makes the open simulation editable: when it is the example, a copy of it is made and
    /// opened, and the page says so.
    fn editable(&mut self) {
        if self.library.current().example {
            let example = self.library.current.clone();
            let name = self.copy_example();
            self.copy_of_example = Some((example, self.library.current.clone()));
            self.notices.push(format!(
                "L'exemple reste tel quel : ce que vous saisissez va dans votre simulation « {name} », créée à partir de l'exemple."
            ));
        }
    }

    /// A copy of the open simulation (the example), named after its commune and following it,
    /// opened; its name.
    fn copy_example(&mut self) -> String {
        let draft = self.library.current().draft.clone();
        let base = commune_of(&draft)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| NEW_NAME.to_string());
        let name = self.library.unique_name(&base, None);
        self.library.add_named(name.clone(), true, draft);
        name
    }

    /// The open simulation named after its commune, if its name follows it.
    fn follow_commune(&mut self) {
        let entry = self.library.current();
        if !entry.auto_name {
            return;
        }
        if let Some(c) = commune_of(&entry.draft) {
            let id = entry.id.clone();
            let name = self.library.unique_name(&c.name, Some(&id));
            let entry = self.library.current_mut();
            if entry.name != name {
                entry.name = name;
                entry.dirty = true;
            }
        }
    }

    /// Opens the simulation whose draft is `draft`, or adds it as `name` and opens it; its id.
    fn open_or_add(&mut self, name: String, draft: Box<Draft>) -> SimId {
        match self.library.identical(&draft, None).map(|e| e.id.clone()) {
            Some(existing) => {
                self.library.current = existing.clone();
                existing
            }
            None => self.library.add(name, Rc::new(*draft)),
        }
    }

    /// The simulations compared that still exist, in order.
    pub fn compared_entries(&self) -> Vec<&Entry> {
        self.compared
            .iter()
            .filter_map(|id| self.library.entries.iter().find(|e| e.id == *id))
            .collect()
    }

    /// Applies `action`.
    pub fn apply(&mut self, action: Action) {
        let opened = self.library.current.clone();
        let edits = matches!(
            action,
            Action::Edit(..)
                | Action::SetFlag(..)
                | Action::EditSchool(..)
                | Action::AddSchool
                | Action::AddSchools(_)
                | Action::DuplicateSchool(_)
                | Action::DeleteSchool(_)
                | Action::CopyExample
        );
        match &action {
            Action::Edit(f, _) => self.attention.typing = Some(FieldRef::Scenario(*f)),
            Action::EditSchool(id, f, _) => {
                self.attention.typing = self
                    .draft()
                    .schools
                    .iter()
                    .position(|s| s.id == *id)
                    .map(|i| FieldRef::School(i, *f));
            }
            Action::Left(at) => {
                if self.attention.typing == Some(*at) {
                    self.attention.typing = None;
                }
                if !self.attention.left.contains(at) {
                    self.attention.left.push(*at);
                }
                return;
            }
            Action::ShowAllErrors => {
                self.attention.typing = None;
                self.attention.all = true;
                return;
            }
            _ => {}
        }
        self.apply_change(action);
        // Another simulation opened: its errors start unseen (a copy of the example made by an
        // edit keeps what was typed and left).
        if self.library.current != opened && !edits {
            self.attention = Attention::default();
        }
    }

    fn apply_change(&mut self, action: Action) {
        match action {
            Action::Left(_) | Action::ShowAllErrors => {}
            Action::Edit(Field::CommuneName, value) => {
                commune_name_typed(self.draft_mut(), value);
                self.follow_commune();
            }
            Action::Edit(Field::CommuneInsee, value) => {
                commune_code_typed(self.draft_mut(), value);
                self.follow_commune();
            }
            Action::Edit(Field::Notified, value) => {
                // The initial list follows the notification: its schools' requests (the
                // notification, or blank) take the new date once it is one.
                let before = self.draft().text(Field::Notified).trim().to_string();
                let followed = match &self.followed_notification {
                    Some((id, d)) if *id == self.library.current().id => Some(d.clone()),
                    _ => engine::dates::parse_iso(&before).map(|_| before.clone()),
                };
                let draft = self.draft_mut();
                *draft.field_mut(Field::Notified) = value.clone();
                let new = value.trim();
                if engine::dates::parse_iso(new).is_some() {
                    for s in draft.schools.iter_mut() {
                        let r = s.get(SchoolField::Requested).trim();
                        if r != new && (r.is_empty() || Some(r) == followed.as_deref()) {
                            Rc::make_mut(s).set(SchoolField::Requested, new);
                        }
                    }
                    self.followed_notification =
                        Some((self.library.current().id.clone(), new.to_string()));
                }
            }
            Action::Edit(field, value) => *self.draft_mut().field_mut(field) = value,
            Action::CopyExample => {
                if self.library.current().example {
                    self.copy_example();
                }
            }
            Action::SetFlag(flag, value) => self.draft_mut().set_flag(flag, value),
            Action::EditSchool(id, field, value) => {
                if let Some(school) = self.draft_mut().schools.iter_mut().find(|s| s.id == id) {
                    Rc::make_mut(school).set(field, value);
                }
            }
            Action::AddSchool => {
                let draft = self.draft_mut();
                let mut school = draft.new_school();
                // While the initial list is typed, a new school is one of it: its request is
                // the notification (said beside the field).
                if let Some(notified) = crate::views::schools::initial_list_default(
                    draft.text(Field::Notified),
                    draft.schools.iter().map(|s| s.get(SchoolField::Requested)),
                ) {
                    school.set(SchoolField::Requested, notified);
                }
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
                self.editable();
                let entry = self.library.current.clone();
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
                let name = self.library.unique_name(NEW_NAME, None);
                self.library
                    .add_named(name, true, Rc::new(Draft::default()));
            }
            Action::Open(id) => {
                if self.library.entries.iter().any(|e| e.id == id) {
                    self.library.current = id;
                }
            }
            Action::Rename(id, name) => {
                if let Some(e) = self
                    .library
                    .entries
                    .iter_mut()
                    .find(|e| e.id == id && !e.example)
                {
                    e.name = name;
                    e.auto_name = false;
                    e.dirty = true;
                }
            }
            Action::DuplicateSimulation(id) => {
                if let Some(e) = self.library.entries.iter().find(|e| e.id == id).cloned() {
                    self.library.add(format!("{} (copie)", e.name), e.draft);
                }
            }
            Action::DeleteSimulation(id) => {
                if let Some(index) = self.library.position(&id) {
                    let entry = self.library.entries.remove(index);
                    let was_current = self.library.current == id;
                    self.compared.retain(|c| *c != id);
                    self.library.deleted.push(id);
                    if self.library.entries.is_empty() {
                        self.library
                            .add_named(NEW_NAME.into(), true, Rc::new(Draft::default()));
                    } else if was_current {
                        self.library.current = self.library.entries
                            [index.min(self.library.entries.len() - 1)]
                        .id
                        .clone();
                    }
                    self.undo = Some(Undo::Simulation {
                        index,
                        entry,
                        was_current,
                    });
                }
            }
            Action::Import { name, draft } => {
                self.open_or_add(name, draft);
            }
            Action::Variant { of, name, draft } => {
                let id = self.open_or_add(name, draft);
                if id != of {
                    self.compared = vec![of, id];
                }
            }
            Action::ImportComparison(list) => {
                // A simulation of the same name and scenario is reopened; any other is kept
                // under the link's name (two identical scenarios stay two simulations).
                let ids: Vec<SimId> = list
                    .into_iter()
                    .map(
                        |(name, draft)| match self.library.identical(&draft, Some(&name)) {
                            Some(e) => e.id.clone(),
                            None => self.library.add(name, Rc::new(draft)),
                        },
                    )
                    .collect();
                if let Some(first) = ids.first() {
                    self.library.current = first.clone();
                }
                self.apply(Action::Compare(ids));
            }
            Action::Compare(ids) => {
                let mut kept: Vec<SimId> = Vec::new();
                for id in ids {
                    if self.library.position(&id).is_some() && !kept.contains(&id) {
                        kept.push(id);
                    }
                }
                kept.truncate(engine::compare::MAX_COMPARED);
                self.compared = kept;
            }
            Action::Undo => match self.undo.take() {
                Some(Undo::School {
                    entry,
                    index,
                    school,
                }) => {
                    if let Some(e) = self.library.entries.iter_mut().find(|e| e.id == entry) {
                        e.dirty = true;
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
                    let id = entry.id.clone();
                    let at = index.min(self.library.entries.len());
                    self.library.deleted.retain(|d| *d != id);
                    self.library.entries.insert(
                        at,
                        Entry {
                            dirty: true,
                            ..entry
                        },
                    );
                    if was_current {
                        self.library.current = id;
                    }
                }
                None => {}
            },
            Action::DismissUndo => self.undo = None,
            Action::DismissNotice => self.notices.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use io::schema::ContactField;

    fn state() -> AppState {
        AppState::new(Library::first_visit("t"))
    }

    #[test]
    fn first_visit_shows_the_example() {
        let s = state();
        assert!(s.library.current().example);
        assert_eq!(s.draft().text(Field::CommuneName), "Tassin-la-Demi-Lune");
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

    /// Each school's « Demande reçue le », in order.
    fn requests(s: &AppState) -> Vec<String> {
        s.draft()
            .schools
            .iter()
            .map(|x| x.get(SchoolField::Requested).to_string())
            .collect()
    }

    #[test]
    fn a_school_of_the_initial_list_takes_the_notification() {
        let mut s = state();
        s.apply(Action::NewSimulation);
        s.apply(Action::Edit(Field::Notified, "2026-09-01".into()));
        s.apply(Action::AddSchool);
        s.apply(Action::AddSchool);
        assert_eq!(requests(&s), ["2026-09-01", "2026-09-01"]);
        // The notification corrected: the initial list follows it, blank requests too.
        s.apply(Action::Edit(Field::Notified, "2026-09-02".into()));
        assert_eq!(requests(&s), ["2026-09-02", "2026-09-02"]);
        // Typed in two steps (cleared, then a date): still followed.
        s.apply(Action::Edit(Field::Notified, "".into()));
        s.apply(Action::Edit(Field::Notified, "2026-09-01".into()));
        assert_eq!(
            s.draft().schools[0].get(SchoolField::Requested),
            "2026-09-01"
        );
        // Once a later request is typed, a new school starts blank.
        let id = s.draft().schools[1].id;
        s.apply(Action::EditSchool(
            id,
            SchoolField::Requested,
            "2027-01-04".into(),
        ));
        s.apply(Action::AddSchool);
        assert_eq!(s.draft().schools[2].get(SchoolField::Requested), "");
        // A school added before the notification: its blank request takes the notification
        // once typed; the later request typed by the person stays as typed.
        s.apply(Action::Edit(Field::Notified, "2026-09-03".into()));
        assert_eq!(requests(&s), ["2026-09-03", "2027-01-04", "2026-09-03"]);
        // The example: its schools were received on other days than the notification.
        let mut s = state();
        s.apply(Action::AddSchool);
        assert_eq!(
            s.draft()
                .schools
                .last()
                .unwrap()
                .get(SchoolField::Requested),
            ""
        );
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
        let new_id = s.library.current.clone();
        s.apply(Action::Rename(new_id.clone(), "Budget 2027".into()));
        s.apply(Action::DuplicateSimulation(new_id.clone()));
        assert_eq!(s.library.current().name, "Budget 2027 (copie)");
        s.apply(Action::DeleteSimulation(new_id));
        assert_eq!(s.library.entries.len(), 2);
        s.apply(Action::Undo);
        assert_eq!(s.library.entries.len(), 3);
        assert_eq!(s.library.entries[1].name, "Budget 2027");
        // Deleting the last one leaves an empty simulation, never nothing.
        for id in s
            .library
            .entries
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
        {
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
        other.set(Field::AnnualFee, "200,00");
        s.apply(Action::Import {
            name: "Lien partagé".into(),
            draft: Box::new(other),
        });
        assert_eq!(s.library.entries.len(), 3);
        assert_eq!(s.library.current().name, "Lien partagé");
        assert_eq!(s.library.entries[0].draft.text(Field::AnnualFee), "150,00");
    }

    #[test]
    fn the_example_is_never_edited_an_edit_goes_to_a_copy_named_after_its_commune() {
        let mut s = state();
        let pristine = s.draft().clone();
        s.apply(Action::Edit(Field::CommuneName, "Crap".into()));
        assert!(!s.library.current().example, "the copy is opened");
        assert_eq!(s.library.entries.len(), 2);
        assert_eq!(
            s.library.entries[0].draft, pristine,
            "the example as it was"
        );
        assert!(
            s.notices[0].contains("L'exemple reste tel quel"),
            "{:?}",
            s.notices
        );
        // The code was the old name's: it follows the name, empty while no commune matches.
        assert_eq!(s.draft().text(Field::CommuneInsee), "");
        assert_eq!(s.library.current().name, "Tassin-la-Demi-Lune");
        s.apply(Action::Edit(Field::CommuneName, "Craponne".into()));
        assert_eq!(s.draft().text(Field::CommuneInsee), "69069");
        assert_eq!(s.library.current().name, "Craponne");
        assert_eq!(
            s.library.entries.len(),
            2,
            "one copy, not one per keystroke"
        );
        // Schools too: deleting one from the example deletes it from a copy, undoably there.
        let mut s = state();
        let first = s.draft().schools[0].id;
        s.apply(Action::DeleteSchool(first));
        assert_eq!(s.library.entries[0].draft.schools.len(), 4);
        assert_eq!(s.draft().schools.len(), 3);
        s.apply(Action::Undo);
        assert_eq!(s.draft().schools.len(), 4);
        assert!(!s.library.current().example);
        // The explicit copy; the example cannot be renamed.
        let mut s = state();
        s.apply(Action::Rename(SimId(EXAMPLE_ID.into()), "Autre".into()));
        assert_eq!(s.library.current().name, "Exemple : Tassin-la-Demi-Lune");
        s.apply(Action::CopyExample);
        assert_eq!(s.library.current().name, "Tassin-la-Demi-Lune");
        assert!(s.notices.is_empty(), "asked for: nothing to explain");
        s.apply(Action::Open(SimId(EXAMPLE_ID.into())));
        s.apply(Action::CopyExample);
        assert_eq!(s.library.current().name, "Tassin-la-Demi-Lune (2)");
    }

    #[test]
    fn name_and_code_fill_each_other_and_a_code_typed_for_another_commune_is_kept() {
        let mut s = state();
        s.apply(Action::NewSimulation);
        assert_eq!(s.library.current().name, NEW_NAME);
        for typed in ["6", "69", "690", "6906", "69069"] {
            s.apply(Action::Edit(Field::CommuneInsee, typed.into()));
        }
        assert_eq!(s.draft().text(Field::CommuneName), "Craponne");
        assert_eq!(s.library.current().name, "Craponne");
        // A name typed over it: the code, the old name's, follows.
        s.apply(Action::Edit(Field::CommuneName, "Écully".into()));
        assert_eq!(s.draft().text(Field::CommuneInsee), "69081");
        // A code typed by the person for another commune: kept beside the name, never decided.
        s.apply(Action::NewSimulation);
        assert_eq!(
            s.library.current().name,
            NEW_NAME,
            "the first one is Écully now"
        );
        s.apply(Action::Edit(Field::CommuneName, "Bron".into()));
        s.apply(Action::Edit(Field::CommuneInsee, "".into()));
        s.apply(Action::Edit(Field::CommuneInsee, "69244".into()));
        assert_eq!(s.draft().text(Field::CommuneInsee), "69244");
        s.apply(Action::Edit(Field::CommuneName, "Bro".into()));
        s.apply(Action::Edit(Field::CommuneName, "Bron".into()));
        assert_eq!(s.draft().text(Field::CommuneInsee), "69244", "typed, kept");
        // Renamed by the person: the name no longer follows the commune.
        let id = s.library.current.clone();
        s.apply(Action::Rename(id, "Budget 2027".into()));
        s.apply(Action::Edit(Field::CommuneInsee, "69029".into()));
        assert_eq!(s.library.current().name, "Budget 2027");
    }
}

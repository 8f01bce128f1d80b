//! Keeping the simulations in the browser's storage, shared safely by several tabs.
//!
//! Each simulation is stored under a key of its own (`laclasse-sim/simulation/<id>`) with a
//! revision. A tab writes a simulation only if the stored revision is still the one it last
//! read or wrote; otherwise another tab changed it meanwhile, and both versions are kept, never
//! one silently overwritten. A tab told of another tab's write (the `storage` event) takes the
//! newer version when it has no change of its own, and keeps both when it has. Data that cannot
//! be read is copied aside, each under a key of its own with its date, before anything else;
//! when storage is full, saving stops and the page says so until the person has saved a file.
//!
//! Everything here works on a [`KeyValue`], so it is tested natively with two "tabs" sharing one
//! in-memory store; the page gives it the browser's local storage.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::draft::Draft;
use super::state::{AppState, EXAMPLE_ID, Entry, Library, SimId};
use io::samples;

/// The prefix of each simulation's key.
pub const SIMULATION_PREFIX: &str = "laclasse-sim/simulation/";
/// Where the simulations were kept before version 2, all under one key.
pub const LEGACY_KEY: &str = "laclasse-sim/simulations";
/// The prefix of set-aside data (never deleted by the app).
pub const SET_ASIDE_PREFIX: &str = "laclasse-sim/illisible/";
/// The simulation opened last, in any tab: what a new tab opens.
pub const LAST_OPEN_KEY: &str = "laclasse-sim/ouverte";
/// The simulations compared, their ids a line (kept across reloads).
pub const COMPARED_KEY: &str = "laclasse-sim/comparees";
/// The version of a stored simulation; another version is set aside, not guessed at.
pub const STORED_VERSION: u32 = 2;
/// The name of an example that was edited before the example was read-only: kept as the
/// person's own simulation.
pub const EDITED_EXAMPLE_NAME: &str = "Tassin-la-Demi-Lune (d'après l'exemple)";

/// What the page says when storage refuses to convert or set aside earlier data.
pub const STORAGE_FULL: &str = "Le navigateur refuse d'enregistrer les simulations (stockage plein ou navigation privée) : l'enregistrement automatique est suspendu. Enregistrez votre scénario en fichier (.json) pour ne rien perdre ; l'enregistrement reprendra ensuite.";

/// What the page says of the simulations the browser refused to store, when there are any:
/// they stay in the page, the others are saved, and saving them is tried again at each change.
pub fn not_stored_notice(state: &AppState) -> Option<String> {
    let names: Vec<String> = state
        .not_stored
        .iter()
        .filter_map(|id| state.library.position(id))
        // The example, never edited, is written again at each visit: nothing of it is lost.
        .filter(|&i| !state.library.entries[i].example)
        .map(|i| format!("« {} »", state.library.entries[i].name))
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "Le navigateur refuse d'enregistrer {} (stockage plein ou navigation privée) : {} reste{} dans cette page, à enregistrer en fichier (.json) pour ne rien perdre. Les autres simulations sont enregistrées normalement, et l'enregistrement reprendra dès qu'il y aura de la place.",
            names.join(", "),
            if names.len() > 1 { "elles" } else { "elle" },
            if names.len() > 1 { "nt" } else { "" }
        )
    })
}

/// A store refused a write (full, or private browsing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

/// A key-value store: the browser's local storage, or a map in tests.
pub trait KeyValue {
    /// The value of `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Writes `value` under `key`; `Err` when the store refuses (full, private mode).
    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused>;
    /// Removes `key`.
    fn remove(&mut self, key: &str);
    /// Every key.
    fn keys(&self) -> Vec<String>;
}

/// An in-memory store, for tests and for a browser without storage; `capacity` (in
/// characters of values) makes it refuse writes like a full browser storage.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    /// The entries.
    pub map: std::collections::BTreeMap<String, String>,
    /// The most characters of values it holds, if limited.
    pub capacity: Option<usize>,
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        if let Some(cap) = self.capacity {
            let used: usize = self
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(_, v)| v.len())
                .sum();
            if used + value.len() > cap {
                return Err(Refused);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

/// Another store seen through a layer that keeps writes in memory: reading through it gives
/// what the store would hold after them, and the store itself is never touched. The first
/// figures load the library with it, so that they open exactly the simulation the app will
/// (migrations and set-aside included) without writing anything the app has not written.
pub struct Overlay<'a> {
    base: &'a dyn KeyValue,
    /// What was written (`Some`) or removed (`None`) through the layer.
    layer: std::collections::BTreeMap<String, Option<String>>,
}

impl<'a> Overlay<'a> {
    /// `base`, untouched.
    pub fn new(base: &'a dyn KeyValue) -> Self {
        Overlay {
            base,
            layer: std::collections::BTreeMap::new(),
        }
    }
}

impl KeyValue for Overlay<'_> {
    fn get(&self, key: &str) -> Option<String> {
        match self.layer.get(key) {
            Some(v) => v.clone(),
            None => self.base.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Refused> {
        self.layer.insert(key.to_string(), Some(value.to_string()));
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.layer.insert(key.to_string(), None);
    }

    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .base
            .keys()
            .into_iter()
            .filter(|k| !self.layer.contains_key(k))
            .collect();
        keys.extend(
            self.layer
                .iter()
                .filter(|(_, v)| v.is_some())
                .map(|(k, _)| k.clone()),
        );
        keys.sort();
        keys
    }
}

/// One simulation as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// [`STORED_VERSION`].
    pub version: u32,
    /// Its id.
    pub id: SimId,
    /// Incremented at each write.
    pub revision: u64,
    /// Its name.
    pub name: String,
    /// Whether it is the first visit's example.
    #[serde(default)]
    pub example: bool,
    /// Whether its name follows its commune.
    #[serde(default)]
    pub auto_name: bool,
    /// When it was created (ms since 1970).
    #[serde(default)]
    pub created: u64,
    /// The scenario as typed.
    pub draft: Draft,
}

impl Stored {
    fn of(entry: &Entry, revision: u64) -> Stored {
        Stored {
            version: STORED_VERSION,
            id: entry.id.clone(),
            revision,
            name: entry.name.clone(),
            example: entry.example,
            auto_name: entry.auto_name,
            created: entry.created,
            draft: (*entry.draft).clone(),
        }
    }

    /// The simulation it holds. An example edited by an earlier version (or from an earlier
    /// version's example) is kept as a simulation of its own, never replaced.
    fn entry(self) -> Entry {
        let example = self.example
            && Draft::from_json(samples::TASSIN_JSON).is_ok_and(|pristine| pristine == self.draft);
        let name = if self.example && !example {
            EDITED_EXAMPLE_NAME.to_string()
        } else {
            self.name
        };
        Entry {
            id: self.id,
            name,
            draft: Rc::new(self.draft),
            example,
            auto_name: self.auto_name,
            created: self.created,
            revision: self.revision,
            dirty: false,
        }
    }

    /// Reads a stored simulation; a French reason when it cannot be read.
    pub fn read(text: &str) -> Result<Stored, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|_| "elle est abîmée (JSON illisible)".to_string())?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(STORED_VERSION) => {
                serde_json::from_value(value).map_err(|_| {
                    "elle est incomplète (un champ manque ou n'a pas le type attendu)".to_string()
                })
            }
            Some(v) => Err(format!(
                "elle vient d'une autre version de laclasse-sim (format {v})"
            )),
            None => Err("sa version est inconnue".into()),
        }
    }
}

/// The key of simulation `id`.
pub fn key_of(id: &SimId) -> String {
    format!("{SIMULATION_PREFIX}{id}")
}

/// The simulations of version 1, all in one value.
#[derive(Deserialize)]
struct LegacyLibrary {
    version: u32,
    current: u64,
    entries: Vec<LegacyEntry>,
}

#[derive(Deserialize)]
struct LegacyEntry {
    id: u64,
    name: String,
    draft: Draft,
    #[serde(default)]
    example: bool,
}

/// What the page knows when it starts: the clock, its tab's prefix, and the address's
/// simulation, if any.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// This tab's prefix for new ids (drawn at random by the page).
    pub tab: String,
    /// Now, in milliseconds since 1970.
    pub now_ms: u64,
    /// Now, as a person reads it (`2026-11-30 08:15`), to date set-aside data.
    pub now_text: String,
    /// The simulation the address names (`#sim=<id>`).
    pub open: Option<SimId>,
}

/// Copies unreadable `text` aside under a key of its own; says what happened.
fn set_aside(
    kv: &mut dyn KeyValue,
    state: &mut AppState,
    stamp: &str,
    from: &str,
    text: &str,
    why: &str,
) -> bool {
    let mut n = 1;
    let mut key = format!("{SET_ASIDE_PREFIX}{stamp} {n}");
    while kv.get(&key).is_some() {
        n += 1;
        key = format!("{SET_ASIDE_PREFIX}{stamp} {n}");
    }
    match kv.set(&key, text) {
        Ok(()) => {
            state.notices.push(format!(
                "Une simulation enregistrée dans ce navigateur n'a pas pu être lue : {why}. Elle a été mise de côté, intacte, sous la clé « {key} » du stockage local."
            ));
            true
        }
        Err(Refused) => {
            let notice = format!(
                "Une simulation enregistrée dans ce navigateur n'a pas pu être lue : {why}. Le stockage est plein : elle n'a pas pu être mise de côté et reste, intacte, sous la clé « {from} »."
            );
            if !state.notices.contains(&notice) {
                state.notices.push(notice);
            }
            false
        }
    }
}

/// Reads every stored simulation: migrates version 1, sets aside what cannot be read, and
/// opens the address's simulation (else the last opened, else the first). Nothing stored:
/// the first visit's example.
pub fn load(kv: &mut dyn KeyValue, start: &Start) -> AppState {
    load_with::<true>(kv, start)
}

/// What [`load`] opens, for the first figures: `None` when version 1's data is there (only
/// the app migrates it); what cannot be read is left out rather than set aside and said, so
/// that the first figures' module carries neither.
pub fn load_to_read(kv: &mut dyn KeyValue, start: &Start) -> Option<AppState> {
    if kv.get(LEGACY_KEY).is_some() {
        return None;
    }
    Some(load_with::<false>(kv, start))
}

fn load_with<const ALL: bool>(kv: &mut dyn KeyValue, start: &Start) -> AppState {
    let mut state = AppState::new(Library::empty(&start.tab));
    state.library.now_ms = start.now_ms;
    if ALL && let Some(text) = kv.get(LEGACY_KEY) {
        migrate_legacy(kv, &mut state, start, &text);
    }
    let mut keys: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(SIMULATION_PREFIX))
        .collect();
    keys.sort();
    for key in keys {
        let Some(text) = kv.get(&key) else { continue };
        match Stored::read(&text) {
            Ok(stored) if key == key_of(&stored.id) => state.library.insert_sorted(stored.entry()),
            _ if !ALL => {}
            Ok(_) => {
                if set_aside(
                    kv,
                    &mut state,
                    &start.now_text,
                    &key,
                    &text,
                    "sa clé ne correspond pas à son contenu",
                ) {
                    kv.remove(&key);
                }
            }
            Err(why) => {
                if set_aside(kv, &mut state, &start.now_text, &key, &text, &why) {
                    kv.remove(&key);
                }
            }
        }
    }
    if state.library.entries.is_empty() {
        let mut library = Library::first_visit(&start.tab);
        library.now_ms = start.now_ms;
        state.library = library;
    }
    let last = kv.get(LAST_OPEN_KEY).map(SimId);
    let wanted = start.open.clone().into_iter().chain(last);
    for id in wanted {
        if state.library.position(&id).is_some() {
            state.library.current = id;
            break;
        }
    }
    state.library.ensure_one();
    if let Some(text) = kv.get(COMPARED_KEY) {
        // The ids still stored, once each (not through `AppState::apply`: the first figures'
        // module reads storage too, and stays small).
        let mut compared: Vec<SimId> = Vec::new();
        for id in text.lines().map(|l| SimId(l.to_string())) {
            if state.library.position(&id).is_some() && !compared.contains(&id) {
                compared.push(id);
            }
        }
        if compared.len() >= 2 {
            state.compared = compared;
        }
    }
    if ALL
        && let Some(id) = &start.open
        && state.library.position(id).is_none()
    {
        state.notices.push(format!(
            "La simulation de l'adresse (« {id} ») n'est pas enregistrée dans ce navigateur : une adresse ne contient pas les données. Pour partager une simulation, utilisez « Copier le lien » ou un fichier .json."
        ));
    }
    state
}

/// Moves version 1's single value into one key a simulation; the old value is removed only
/// when every simulation is written, and set aside when it cannot be read.
fn migrate_legacy(kv: &mut dyn KeyValue, state: &mut AppState, start: &Start, text: &str) {
    // Through a `Value`, as a stored simulation is read: one deserializer for the draft.
    let legacy = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::from_value::<LegacyLibrary>(v).ok());
    let legacy = match legacy {
        Some(l) if l.version == 1 => l,
        _ => {
            if set_aside(
                kv,
                state,
                &start.now_text,
                LEGACY_KEY,
                text,
                "elles viennent d'un format inconnu",
            ) {
                kv.remove(LEGACY_KEY);
            }
            return;
        }
    };
    let mut all_written = true;
    for (i, e) in legacy.entries.into_iter().enumerate() {
        let id = if e.example {
            SimId(EXAMPLE_ID.into())
        } else {
            SimId(format!("v1-{}", e.id))
        };
        let stored = Stored {
            version: STORED_VERSION,
            id: id.clone(),
            revision: 1,
            name: e.name,
            example: e.example,
            auto_name: false,
            created: i as u64,
            draft: e.draft,
        };
        let json = serde_json::to_string(&stored).unwrap_or_default();
        all_written &= kv.set(&key_of(&id), &json).is_ok();
        if e.id == legacy.current {
            let _ = kv.set(LAST_OPEN_KEY, &id.0);
        }
    }
    if all_written {
        kv.remove(LEGACY_KEY);
    } else {
        state.autosave_suspended = Some(STORAGE_FULL.into());
        state.notices.push(format!(
            "Les simulations d'une version précédente n'ont pas toutes pu être converties (stockage plein) : elles restent intactes sous la clé « {LEGACY_KEY} »."
        ));
    }
}

/// The stored version of `id`, if it is stored and readable.
fn stored_version(kv: &dyn KeyValue, id: &SimId) -> Option<Stored> {
    kv.get(&key_of(id)).and_then(|t| Stored::read(&t).ok())
}

/// Just the revision of a stored simulation: read without building its draft, since a save
/// needs the whole stored version only when another tab changed it.
fn revision_of(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Revision {
        version: u32,
        revision: u64,
    }
    serde_json::from_str::<Revision>(text)
        .ok()
        .filter(|r| r.version == STORED_VERSION)
        .map(|r| r.revision)
}

/// Keeps both versions of a simulation changed here and in another tab: the other tab's under
/// its id, this tab's as a new simulation, opened if it was.
fn keep_both(state: &mut AppState, index: usize, theirs: Stored) {
    let mut mine = state.library.entries[index].clone();
    if *mine.draft == theirs.draft && mine.name == theirs.name {
        let e = &mut state.library.entries[index];
        e.revision = theirs.revision;
        e.dirty = false;
        return;
    }
    let was_current = state.library.current == mine.id;
    let name = mine.name.clone();
    let their_name = theirs.name.clone();
    state.library.entries[index] = theirs.entry();
    mine.id = state.library.fresh_id();
    mine.name = format!("{name} (version de cet onglet)");
    mine.example = false;
    mine.revision = 0;
    mine.dirty = true;
    mine.created = state.library.now_ms.max(mine.created);
    let new_id = mine.id.clone();
    state.library.insert_sorted(mine);
    if was_current {
        state.library.current = new_id;
    }
    state.notices.push(format!(
        "« {name} » a été modifiée dans un autre onglet pendant que vous la modifiiez ici : les deux versions sont gardées, « {their_name} » (celle de l'autre onglet) et « {name} (version de cet onglet) »."
    ));
}

/// Writes what changed in this tab: deletions, then each changed simulation whose stored
/// revision is still the one this tab knows; a simulation changed meanwhile by another tab is
/// kept in both versions; a value this tab cannot read (a later version's) is set aside before
/// its key is written. A write the browser refuses leaves that simulation in the page, listed
/// in `not_stored` and tried again at the next save; the others are written all the same.
/// Does nothing while saving is suspended.
pub fn persist(state: &mut AppState, kv: &mut dyn KeyValue) {
    if state.autosave_suspended.is_some() {
        return;
    }
    for id in std::mem::take(&mut state.library.deleted) {
        kv.remove(&key_of(&id));
    }
    let mut i = 0;
    while i < state.library.entries.len() {
        if state.library.entries[i].dirty {
            let known = state.library.entries[i].revision;
            let id = state.library.entries[i].id.clone();
            let current = kv.get(&key_of(&id));
            // What is there and cannot be read is set aside first, never written over.
            if let Some(text) = current.as_deref().filter(|t| revision_of(t).is_none()) {
                let stamp = format!("{} (ms)", state.library.now_ms);
                let why = Stored::read(text)
                    .err()
                    .unwrap_or_else(|| "sa version ne peut pas être lue".into());
                if !set_aside(kv, state, &stamp, &key_of(&id), text, &why) {
                    // No room to set it aside: this simulation waits, in the page.
                    if !state.not_stored.contains(&id) {
                        state.not_stored.push(id);
                    }
                    i += 1;
                    continue;
                }
                kv.remove(&key_of(&id));
            }
            let stored = current.as_deref().and_then(revision_of);
            match stored {
                Some(theirs) if theirs > known => {
                    // This index now holds theirs; mine is placed by its creation, and
                    // saved when the loop reaches it (or at the next save).
                    if let Some(theirs) = stored_version(kv, &id) {
                        keep_both(state, i, theirs);
                    }
                }
                stored => {
                    let revision = stored.unwrap_or(known).max(known) + 1;
                    let entry = &state.library.entries[i];
                    let json =
                        serde_json::to_string(&Stored::of(entry, revision)).unwrap_or_default();
                    if kv.set(&key_of(&entry.id), &json).is_err() {
                        if !state.not_stored.contains(&id) {
                            state.not_stored.push(id);
                        }
                        i += 1;
                        continue;
                    }
                    state.not_stored.retain(|x| *x != id);
                    let entry = &mut state.library.entries[i];
                    entry.revision = revision;
                    entry.dirty = false;
                }
            }
        }
        i += 1;
    }
    let _ = kv.set(LAST_OPEN_KEY, &state.library.current.0);
    let compared: Vec<&str> = state.compared.iter().map(|id| id.0.as_str()).collect();
    let _ = kv.set(COMPARED_KEY, &compared.join("\n"));
}

/// Another tab wrote `value` under `key` (`None`: removed it).
pub fn external_change(state: &mut AppState, key: &str, value: Option<&str>) {
    let Some(id) = key.strip_prefix(SIMULATION_PREFIX).map(|s| SimId(s.into())) else {
        return;
    };
    let index = state.library.position(&id);
    match (index, value.map(Stored::read)) {
        // Deleted there: gone here too, unless changed here (then it is written again).
        (Some(i), None) if !state.library.entries[i].dirty => {
            state.library.entries.remove(i);
            state.library.ensure_one();
        }
        (Some(i), Some(Ok(theirs))) => {
            let mine = &state.library.entries[i];
            let same = *mine.draft == theirs.draft && mine.name == theirs.name;
            if theirs.revision == mine.revision && !same {
                // Both tabs wrote the same revision at once (storage has no lock): the other
                // write went over this tab's. Both versions are kept.
                keep_both(state, i, theirs);
            } else if theirs.revision <= mine.revision {
            } else if mine.dirty {
                keep_both(state, i, theirs);
            } else {
                state.library.entries[i] = theirs.entry();
            }
        }
        (None, Some(Ok(theirs))) if !state.library.deleted.contains(&id) => {
            state.library.insert_sorted(theirs.entry());
        }
        _ => {}
    }
}

/// Saving can start again (the person has saved a file); the next [`persist`] tries.
pub fn resume(state: &mut AppState) {
    state.autosave_suspended = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use io::schema::Field;
    use std::cell::RefCell;

    /// A tab of the browser: its state, over a storage shared with the other tabs.
    struct Tab {
        state: AppState,
        store: Rc<RefCell<MemoryStore>>,
    }

    impl Tab {
        fn open(store: &Rc<RefCell<MemoryStore>>, tab: &str) -> Tab {
            let start = Start {
                tab: tab.into(),
                now_ms: 1,
                now_text: "2026-11-30 08:00".into(),
                open: None,
            };
            let state = load(&mut *store.borrow_mut(), &start);
            Tab {
                state,
                store: store.clone(),
            }
        }

        fn apply(&mut self, action: Action) {
            self.state.apply(action);
        }

        /// Saves, then tells `others` what changed, as the browser's `storage` event does.
        fn save(&mut self, others: &mut [&mut Tab]) {
            let before = self.store.borrow().map.clone();
            persist(&mut self.state, &mut *self.store.borrow_mut());
            let after = self.store.borrow().map.clone();
            for (k, v) in &after {
                if before.get(k) != Some(v) {
                    for o in others.iter_mut() {
                        external_change(&mut o.state, k, Some(v));
                    }
                }
            }
            for k in before.keys().filter(|k| !after.contains_key(*k)) {
                for o in others.iter_mut() {
                    external_change(&mut o.state, k, None);
                }
            }
        }

        fn names(&self) -> Vec<String> {
            self.state
                .library
                .entries
                .iter()
                .map(|e| e.name.clone())
                .collect()
        }
    }

    fn stored_names(store: &Rc<RefCell<MemoryStore>>) -> Vec<(String, String)> {
        store
            .borrow()
            .map
            .iter()
            .filter(|(k, _)| k.starts_with(SIMULATION_PREFIX))
            .map(|(k, v)| {
                let s = Stored::read(v).unwrap();
                (
                    k.clone(),
                    format!("{}|{}", s.name, s.draft.text(Field::CommuneName)),
                )
            })
            .collect()
    }

    #[test]
    fn a_tab_takes_the_other_tab_s_edit_when_it_has_none_of_its_own() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.save(&mut []);
        let mut b = Tab::open(&store, "b");
        a.apply(Action::Edit(Field::CommuneName, "Écully".into()));
        a.save(&mut [&mut b]);
        assert_eq!(b.state.draft().text(Field::CommuneName), "Écully");
        b.apply(Action::Edit(Field::AnnualFee, "175,00".into()));
        b.save(&mut [&mut a]);
        assert_eq!(a.state.draft().text(Field::AnnualFee), "175,00");
        assert_eq!(a.state.draft().text(Field::CommuneName), "Écully");
        let stored = stored_version(&*store.borrow(), &a.state.library.current).unwrap();
        assert_eq!(stored.draft.text(Field::CommuneName), "Écully");
        assert_eq!(stored.draft.text(Field::AnnualFee), "175,00");
    }

    #[test]
    fn two_tabs_that_both_changed_a_simulation_keep_both_versions() {
        // Tab B was opened before A's rename; both change the example, then save.
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.save(&mut []);
        let mut b = Tab::open(&store, "b");
        a.apply(Action::Edit(Field::CommuneName, "Écully".into()));
        b.apply(Action::Edit(Field::AnnualFee, "175,00".into()));
        // B saves first, but A is not told yet (the event comes later): A's save finds a newer
        // stored revision and keeps both.
        persist(&mut b.state, &mut *store.borrow_mut());
        a.save(&mut [&mut b]);
        let stored = stored_names(&store);
        assert_eq!(
            stored.len(),
            3,
            "the example, and both versions: {stored:?}"
        );
        assert!(
            stored
                .iter()
                .any(|(_, n)| n == "Tassin-la-Demi-Lune|Tassin-la-Demi-Lune")
        );
        assert!(
            stored
                .iter()
                .any(|(_, n)| n == "Écully (version de cet onglet)|Écully")
        );
        assert!(a.state.notices[0].contains("les deux versions sont gardées"));
        // A still shows its own edit, now as its own simulation.
        assert_eq!(a.state.draft().text(Field::CommuneName), "Écully");
        // B learns of A's version as a new simulation; its own edit is intact.
        assert_eq!(b.names().len(), 3);
        assert_eq!(b.state.draft().text(Field::AnnualFee), "175,00");
    }

    #[test]
    fn two_writes_of_one_revision_at_once_keep_both_versions() {
        // Storage has no lock: A and B both read revision 2 and both write revision 3, B's
        // over A's. A, told of B's write, keeps its own version as a simulation of its own.
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.save(&mut []);
        let mut b = Tab::open(&store, "b");
        let id = a.state.library.current.clone();
        a.apply(Action::Edit(Field::AnnualFee, "200,00".into()));
        b.apply(Action::Edit(Field::AnnualFee, "175,00".into()));
        persist(&mut a.state, &mut *store.borrow_mut());
        let i = b.state.library.position(&id).unwrap();
        let revision = a.state.library.entries[a.state.library.position(&id).unwrap()].revision;
        let b_write = Stored::of(&b.state.library.entries[i], revision);
        let text = serde_json::to_string(&b_write).unwrap();
        store.borrow_mut().map.insert(key_of(&id), text.clone());
        external_change(&mut a.state, &key_of(&id), Some(&text));
        let fees: Vec<String> = a
            .state
            .library
            .entries
            .iter()
            .map(|e| e.draft.text(Field::AnnualFee).to_string())
            .collect();
        assert!(
            fees.contains(&"200,00".to_string()) && fees.contains(&"175,00".to_string()),
            "{fees:?}"
        );
        assert_eq!(
            a.state.draft().text(Field::AnnualFee),
            "200,00",
            "A still shows its own"
        );
        assert!(a.state.notices[0].contains("les deux versions sont gardées"));
        a.save(&mut []);
        assert_eq!(stored_names(&store).len(), 3, "example, B's and A's");
        // The same write told again changes nothing.
        let before = a.state.library.entries.len();
        external_change(&mut a.state, &key_of(&id), Some(&text));
        assert_eq!(a.state.library.entries.len(), before);
    }

    #[test]
    fn a_tab_told_of_a_newer_version_while_it_has_changes_keeps_both() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.save(&mut []);
        let mut b = Tab::open(&store, "b");
        b.apply(Action::Edit(Field::AnnualFee, "175,00".into()));
        a.apply(Action::Edit(Field::CommuneName, "Écully".into()));
        a.save(&mut [&mut b]);
        assert_eq!(b.names().len(), 3);
        assert_eq!(
            b.state.draft().text(Field::AnnualFee),
            "175,00",
            "B's typing is not replaced"
        );
        b.save(&mut [&mut a]);
        assert_eq!(stored_names(&store).len(), 3);
        assert_eq!(a.names(), b.names());
    }

    #[test]
    fn simulations_created_in_two_tabs_never_share_an_id() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        let mut b = Tab::open(&store, "b");
        a.apply(Action::NewSimulation);
        b.apply(Action::NewSimulation);
        a.save(&mut [&mut b]);
        b.save(&mut [&mut a]);
        let ids: Vec<SimId> = a
            .state
            .library
            .entries
            .iter()
            .map(|e| e.id.clone())
            .collect();
        assert_eq!(ids.len(), 3, "{ids:?}");
        assert_eq!(stored_names(&store).len(), 3);
        assert_eq!(
            b.state.library.entries.len(),
            3,
            "each tab lists the other's new simulation"
        );
    }

    #[test]
    fn a_deletion_reaches_the_other_tab_and_undo_brings_it_back() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.apply(Action::NewSimulation);
        a.save(&mut []);
        let mut b = Tab::open(&store, "b");
        let id = a.state.library.current.clone();
        a.apply(Action::DeleteSimulation(id.clone()));
        a.save(&mut [&mut b]);
        assert!(b.state.library.position(&id).is_none());
        a.apply(Action::Undo);
        a.save(&mut [&mut b]);
        assert!(b.state.library.position(&id).is_some());
    }

    #[test]
    fn unreadable_data_is_set_aside_each_under_its_own_key() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        store
            .borrow_mut()
            .map
            .insert(format!("{SIMULATION_PREFIX}x-1"), "{abîmé".into());
        store.borrow_mut().map.insert(
            format!("{SIMULATION_PREFIX}x-2"),
            r#"{"version":9,"id":"x-2"}"#.into(),
        );
        let a = Tab::open(&store, "a");
        let aside: Vec<(String, String)> = store
            .borrow()
            .map
            .iter()
            .filter(|(k, _)| k.starts_with(SET_ASIDE_PREFIX))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(aside.len(), 2);
        assert!(aside.iter().any(|(_, v)| v == "{abîmé"));
        assert!(aside.iter().all(|(k, _)| k.contains("2026-11-30 08:00")));
        assert_eq!(a.state.notices.len(), 2);
        assert!(
            a.state
                .notices
                .iter()
                .any(|n| n.contains("autre version de laclasse-sim (format 9)"))
        );
        assert!(a.state.library.current().example, "the example is shown");
        // A second session with more unreadable data adds to what is aside, never replaces it.
        store
            .borrow_mut()
            .map
            .insert(format!("{SIMULATION_PREFIX}x-3"), "[]".into());
        let _ = Tab::open(&store, "b");
        let count = store
            .borrow()
            .map
            .keys()
            .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
            .count();
        assert_eq!(count, 3);
    }

    #[test]
    fn when_storage_is_full_nothing_is_lost_and_saving_resumes_when_there_is_room() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let big = format!("{{{}", "x".repeat(5_000));
        store
            .borrow_mut()
            .map
            .insert(format!("{SIMULATION_PREFIX}x-1"), big.clone());
        store.borrow_mut().capacity = Some(6_000);
        let mut a = Tab::open(&store, "a");
        // The unreadable entry could not be copied: it stays where it was, and the page says so.
        assert_eq!(
            store.borrow().map.get(&format!("{SIMULATION_PREFIX}x-1")),
            Some(&big)
        );
        assert!(a.state.notices[0].contains("n'a pas pu être mise de côté"));
        a.apply(Action::Edit(Field::CommuneName, "Bron".into()));
        a.save(&mut []);
        assert_eq!(
            store.borrow().map.get(&format!("{SIMULATION_PREFIX}x-1")),
            Some(&big),
            "nothing was written over it"
        );
        assert!(
            a.state.library.current().dirty,
            "the edit waits, kept in the page"
        );
        assert!(a.state.not_stored.contains(&a.state.library.current));
        assert!(
            not_stored_notice(&a.state)
                .unwrap()
                .contains("reste dans cette page")
        );
        // Space is freed: the next save writes it, no file needed first.
        store.borrow_mut().capacity = None;
        a.save(&mut []);
        assert!(!a.state.library.current().dirty);
        assert!(a.state.not_stored.is_empty() && not_stored_notice(&a.state).is_none());
    }

    #[test]
    fn a_simulation_that_cannot_be_stored_never_stops_the_others_being_saved() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        let own = a.state.library.current.clone();
        a.save(&mut []);
        let used: usize = store.borrow().map.values().map(String::len).sum();
        // Room for a little more, not for a simulation of 900 schools.
        store.borrow_mut().capacity = Some(used + 20_000);
        let mut big = Draft::default();
        big.set(Field::CommuneName, "Lyon");
        for _ in 0..900 {
            let school = big.new_school();
            big.schools.push(Rc::new(school));
        }
        a.apply(Action::Import {
            name: "Lien partagé : Lyon".into(),
            draft: Box::new(big),
        });
        a.save(&mut []);
        let imported = a.state.library.current.clone();
        assert_eq!(a.state.not_stored, std::slice::from_ref(&imported));
        // Another simulation is edited and saved all the same, and survives a reload.
        a.apply(Action::Open(own.clone()));
        a.apply(Action::Edit(Field::AnnualFee, "165".into()));
        a.save(&mut []);
        let i = a.state.library.position(&own).unwrap();
        assert!(!a.state.library.entries[i].dirty);
        let reloaded = Tab::open(&store, "b");
        let i = reloaded.state.library.position(&own).unwrap();
        assert_eq!(
            reloaded.state.library.entries[i]
                .draft
                .text(Field::AnnualFee),
            "165"
        );
        // The imported one is still in this page, waiting.
        assert!(a.state.library.position(&imported).is_some());
    }

    #[test]
    fn a_damaged_stored_value_is_said_in_french() {
        let why = Stored::read(r#"{"version":2,"id":"x","revision":1,"name":"A","draft":"nope"}"#)
            .unwrap_err();
        assert_eq!(
            why,
            "elle est incomplète (un champ manque ou n'a pas le type attendu)"
        );
        assert!(!why.contains("invalid type"));
    }

    #[test]
    fn a_value_this_tab_cannot_read_is_set_aside_before_its_key_is_written() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.save(&mut []);
        let key = key_of(&a.state.library.current);
        // Another tab, of a later version, writes under the open simulation's key.
        let later = r#"{"version":3,"id":"exemple","revision":9,"name":"Futur","draft":{}}"#;
        store.borrow_mut().map.insert(key.clone(), later.into());
        external_change(&mut a.state, &key, Some(later));
        a.apply(Action::Edit(Field::CommuneName, "Bron".into()));
        a.save(&mut []);
        let map = store.borrow().map.clone();
        let aside: Vec<&String> = map
            .iter()
            .filter(|(k, _)| k.starts_with(SET_ASIDE_PREFIX))
            .map(|(_, v)| v)
            .collect();
        assert_eq!(aside, [&later.to_string()], "set aside, intact");
        assert!(
            Stored::read(&map[&key]).is_ok(),
            "then this tab's version written"
        );
        assert!(
            a.state
                .notices
                .iter()
                .any(|n| n.contains("mise de côté, intacte"))
        );
    }

    #[test]
    fn version_1_data_is_migrated_and_the_open_simulation_kept() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let draft = serde_json::to_value(Draft::default()).unwrap();
        let legacy = serde_json::json!({
            "version": 1, "current": 7, "next_id": 8,
            "entries": [
                {"id": 1, "name": "Exemple", "draft": draft, "example": true},
                {"id": 7, "name": "Budget 2027", "draft": draft},
            ],
        });
        store
            .borrow_mut()
            .map
            .insert(LEGACY_KEY.into(), legacy.to_string());
        let a = Tab::open(&store, "a");
        // The example was not the example any more: kept as the person's own, editable.
        assert_eq!(a.names(), [EDITED_EXAMPLE_NAME, "Budget 2027"]);
        assert!(!a.state.library.entries[0].example);
        assert_eq!(a.state.library.current().name, "Budget 2027");
        assert!(!store.borrow().map.contains_key(LEGACY_KEY));
        assert!(a.state.notices.is_empty());
    }

    #[test]
    fn through_an_overlay_version_1_data_opens_as_the_app_will_open_it_and_stays_unmigrated() {
        let mut store = MemoryStore::default();
        let mut draft = Draft::default();
        draft.set(Field::AnnualFee, "175,00");
        let legacy = serde_json::json!({
            "version": 1, "current": 7, "next_id": 8,
            "entries": [{"id": 7, "name": "Budget 2027", "draft": serde_json::to_value(&draft).unwrap()}],
        });
        store.map.insert(LEGACY_KEY.into(), legacy.to_string());
        store.map.insert("autre".into(), "x".into());
        let before = store.map.clone();
        let mut overlay = Overlay::new(&store);
        let seen = load(&mut overlay, &Start::default());
        assert_eq!(seen.library.current().name, "Budget 2027");
        assert_eq!(
            seen.library.current().draft.text(Field::AnnualFee),
            "175,00"
        );
        // Read through the layer: the migration is seen, the old key gone, others kept.
        assert_eq!(overlay.get(LEGACY_KEY), None);
        assert!(overlay.keys().contains(&"autre".to_string()));
        assert!(!overlay.keys().contains(&LEGACY_KEY.to_string()));
        assert!(
            overlay
                .keys()
                .iter()
                .any(|k| k.starts_with(SIMULATION_PREFIX))
        );
        // The store itself is untouched; the app's own load migrates it to the same result.
        assert_eq!(store.map, before);
        let app = load(&mut store, &Start::default());
        assert_eq!(app.library.current, seen.library.current);
        assert!(!store.map.contains_key(LEGACY_KEY));
    }

    #[test]
    fn the_address_s_simulation_is_opened_and_an_unknown_one_is_said() {
        let store = Rc::new(RefCell::new(MemoryStore::default()));
        let mut a = Tab::open(&store, "a");
        a.apply(Action::CopyExample);
        a.apply(Action::NewSimulation);
        let id = a.state.library.current.clone();
        a.apply(Action::Open(SimId(EXAMPLE_ID.into())));
        a.save(&mut []);
        let start = Start {
            tab: "b".into(),
            open: Some(id.clone()),
            ..Start::default()
        };
        let b = load(&mut *store.borrow_mut(), &start);
        assert_eq!(b.library.current, id);
        assert!(b.notices.is_empty());
        let start = Start {
            tab: "c".into(),
            open: Some(SimId("ailleurs-3".into())),
            ..Start::default()
        };
        let c = load(&mut *store.borrow_mut(), &start);
        assert!(c.notices[0].contains("n'est pas enregistrée dans ce navigateur"));
    }
}

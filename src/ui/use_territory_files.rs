//! The Métropole's files, as a hook: each file chosen read in the browser (a scenario) or in
//! the export worker (a list of counts, whose cells the worker reads), in the order chosen; an
//! answer for files since closed is dropped, and « Lecture du fichier… » stays until the last
//! list is read.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::use_exporter::{ExportJob, Exporter, Status};
use crate::web::app::worker::ExportRequest;
use crate::web::app::{ByCommune, CsvText, decode_text, looks_like_directory};
use crate::web::territory::{FileKind, TerritoryAction, TerritoryState};

/// The view's state as a Yew reducer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Store(pub TerritoryState);

impl Reducible for Store {
    type Action = TerritoryAction;

    fn reduce(self: Rc<Self>, action: TerritoryAction) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(Store(next))
    }
}

/// The files opened and what opens and closes them.
pub struct TerritoryFiles {
    /// The communes opened, what was refused, the order.
    pub store: UseReducerHandle<Store>,
    /// Reads the files of a file input's change.
    pub on_files: Callback<Event>,
    /// Closes every file; reads still running are dropped.
    pub clear: Callback<MouseEvent>,
    /// What the worker says of the lists it reads.
    pub reading: Status,
    /// What the documents of the view say.
    pub status: Status,
}

/// The files of the Métropole's view, read for `today`.
#[hook]
pub fn use_territory_files(today: NaiveDate) -> TerritoryFiles {
    let store = use_reducer(Store::default);
    let readers = use_mut_ref(Vec::<gloo_file::callbacks::FileReader>::new);
    // Each file chosen gets the next rank: the table keeps the order chosen.
    let chosen = use_mut_ref(|| 0_usize);
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let status = use_state_eq(|| None::<(bool, String)>);
    // What the worker says of the lists it reads (apart from the documents' status).
    let reading = use_state_eq(|| None::<(bool, String)>);
    // Bumped by « Fermer ces fichiers »: a list the worker answers for afterwards is dropped.
    let opened = use_mut_ref(|| 0_u32);
    // Lists the worker is reading: « Lecture du fichier… » stays until the last answers.
    let pending = use_mut_ref(|| 0_u32);
    let on_files = {
        let (dispatcher, readers, chosen) = (store.dispatcher(), readers.clone(), chosen.clone());
        let (export, reading, opened) = (export.clone(), reading.clone(), opened.clone());
        let pending = pending.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(files) = input.files() else { return };
            for i in 0..files.length() {
                let Some(file) = files.get(i) else { continue };
                let kind = FileKind::of(&file.name());
                // A folder brings every file it holds: only the scenarios and lists are read.
                if input.has_attribute("webkitdirectory") && kind.is_none() {
                    continue;
                }
                let (name, dispatcher) = (file.name(), dispatcher.clone());
                let rank = {
                    let mut n = chosen.borrow_mut();
                    *n += 1;
                    *n
                };
                let file = gloo_file::File::from(file);
                let task = if kind == Some(FileKind::Counts) {
                    // The list's cells are read in the worker (the csv crate stays out of the
                    // page); a file that is no text is refused here, without the worker.
                    let (export, reading, opened) =
                        (export.clone(), reading.clone(), opened.clone());
                    let pending = pending.clone();
                    let generation = *opened.borrow();
                    gloo_file::callbacks::read_as_bytes(&file, move |read| {
                        let bytes = match read {
                            Ok(bytes) => bytes,
                            Err(_) => {
                                return dispatcher.dispatch(TerritoryAction::Unreadable(name));
                            }
                        };
                        // The national school directory (50 MB) is read whole in the worker, never
                        // decoded here.
                        let directory = looks_like_directory(&bytes);
                        if !directory && let Err(why) = decode_text(&bytes) {
                            return dispatcher.dispatch(TerritoryAction::NotAList(name, why));
                        }
                        if *opened.borrow() != generation {
                            return;
                        }
                        *pending.borrow_mut() += 1;
                        // Whether the answer is for the files still open; if so, one list
                        // fewer is being read, and « Lecture du fichier… » goes with the last.
                        let answered = {
                            let (opened, pending, reading) =
                                (opened.clone(), pending.clone(), reading.clone());
                            move || {
                                if *opened.borrow() != generation {
                                    return false;
                                }
                                let mut n = pending.borrow_mut();
                                *n = n.saturating_sub(1);
                                if *n == 0 {
                                    reading.set(None);
                                }
                                true
                            }
                        };
                        let answered_too = answered.clone();
                        export.emit(ExportJob {
                            request: if directory {
                                ExportRequest::ReadDirectoryAll { bytes }
                            } else {
                                ExportRequest::ReadCsv {
                                    bytes,
                                    separator: None,
                                }
                            },
                            status: reading.clone(),
                            failed: Some({
                                let (dispatcher, name) = (dispatcher.clone(), name.clone());
                                Callback::from(move |why: String| {
                                    if answered_too() {
                                        dispatcher
                                            .dispatch(TerritoryAction::NotAList(name.clone(), why))
                                    }
                                })
                            }),
                            done: Callback::from(move |json: Vec<u8>| {
                                if !answered() {
                                    return;
                                }
                                // Read as text: the page's JSON reader is already there for text.
                                if directory {
                                    let found = std::str::from_utf8(&json)
                                        .ok()
                                        .and_then(|t| serde_json::from_str::<ByCommune>(t).ok());
                                    return dispatcher.dispatch(match found {
                                        Some(found) => {
                                            TerritoryAction::Directory(name.clone(), found)
                                        }
                                        None => TerritoryAction::Unreadable(name.clone()),
                                    });
                                }
                                let read = std::str::from_utf8(&json)
                                    .ok()
                                    .and_then(|t| serde_json::from_str::<CsvText>(t).ok());
                                dispatcher.dispatch(match read {
                                    Some(read) => TerritoryAction::ReadCounts(
                                        rank,
                                        name.clone(),
                                        read.numbered(),
                                        today,
                                    ),
                                    None => TerritoryAction::Unreadable(name.clone()),
                                })
                            }),
                        });
                    })
                } else {
                    gloo_file::callbacks::read_as_text(&file, move |read| {
                        dispatcher.dispatch(match read {
                            Ok(text) => TerritoryAction::Read(rank, name, text),
                            Err(_) => TerritoryAction::Unreadable(name),
                        })
                    })
                };
                readers.borrow_mut().push(task);
            }
            input.set_value("");
        })
    };
    let clear = {
        let (dispatcher, readers, status) = (store.dispatcher(), readers.clone(), status.clone());
        let (reading, opened, pending) = (reading.clone(), opened.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            // Reads still running are dropped (cancelled) with the files, and the lists the
            // worker is reading are dropped when it answers.
            readers.borrow_mut().clear();
            *opened.borrow_mut() += 1;
            *pending.borrow_mut() = 0;
            status.set(None);
            reading.set(None);
            dispatcher.dispatch(TerritoryAction::Clear)
        })
    };
    TerritoryFiles {
        store,
        on_files,
        clear,
        reading,
        status,
    }
}

//! The export worker's lifecycle, as a hook: started the first time a spreadsheet is asked
//! for (its module is not downloaded before), requests queued until it says it listens, each
//! answer downloaded under the name asked for.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::browser;
use crate::io::exports::worker::{ExportRequest, ExportResponse, SpreadsheetFormat};

/// What the documents section says of the latest document: (is it an error, the text).
pub type Status = UseStateHandle<Option<(bool, String)>>;

/// A spreadsheet to make: its format, the scenario's JSON, and the file's name.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    /// The format.
    pub format: SpreadsheetFormat,
    /// The scenario, in the scenario format.
    pub scenario: String,
    /// The name the file is saved under.
    pub file_name: String,
}

/// The worker and its message handler, kept for the page's life once started.
struct Worker {
    worker: web_sys::Worker,
    /// The worker has said it listens; until then a request waits in `queued`.
    ready: Rc<Cell<bool>>,
    queued: Rc<RefCell<Option<JsValue>>>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

fn start(status: &Status, pending: &Rc<RefCell<Option<ExportJob>>>) -> Result<Worker, String> {
    let worker = web_sys::Worker::new("./laclasse-sim-export_loader.js")
        .map_err(|_| "Le navigateur n'a pas pu charger le module d'export.".to_string())?;
    let ready = Rc::new(Cell::new(false));
    let queued: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let (ready_in, queued_in, worker_in) = (ready.clone(), queued.clone(), worker.clone());
    let (status, pending) = (status.clone(), pending.clone());
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let response = serde_wasm_bindgen::from_value::<ExportResponse>(e.data())
                .unwrap_or_else(|_| ExportResponse::Failed("réponse inattendue".into()));
            if response == ExportResponse::Ready {
                ready_in.set(true);
                let queued = queued_in.borrow_mut().take();
                if let Some(request) = queued {
                    let _ = worker_in.post_message(&request);
                }
                return;
            }
            let job = pending.borrow_mut().take();
            match (response, job) {
                (ExportResponse::Ready, _) => {}
                (ExportResponse::File(bytes), Some(job)) => {
                    let array = js_sys::Uint8Array::from(&bytes[..]);
                    match browser::download_bytes(&job.file_name, job.format.mime(), &array) {
                        Ok(()) => {
                            status.set(Some((false, format!("« {} » est prêt.", job.file_name))))
                        }
                        Err(m) => status.set(Some((true, m))),
                    }
                }
                (ExportResponse::Failed(message), _) => {
                    status.set(Some((true, format!("L'export n'a pas abouti : {message}"))))
                }
                (ExportResponse::File(_), None) => {}
            }
        });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    Ok(Worker {
        worker,
        ready,
        queued,
        _onmessage: onmessage,
    })
}

/// A callback that makes a spreadsheet in the export worker and offers it for download,
/// saying in `status` where it stands.
#[hook]
pub fn use_exporter(status: Status) -> Callback<ExportJob> {
    let worker = use_mut_ref(|| None::<Worker>);
    let pending = use_mut_ref(|| None::<ExportJob>);
    Callback::from(move |job: ExportJob| {
        let request = ExportRequest::Annex1 {
            format: job.format,
            scenario: job.scenario.clone(),
        };
        let Ok(message) = serde_wasm_bindgen::to_value(&request) else {
            status.set(Some((
                true,
                "Demande d'export impossible à préparer.".into(),
            )));
            return;
        };
        *pending.borrow_mut() = Some(job);
        if worker.borrow().is_none() {
            status.set(Some((
                false,
                "Chargement du module d'export (une seule fois)…".into(),
            )));
            match start(&status, &pending) {
                Ok(w) => *worker.borrow_mut() = Some(w),
                Err(m) => {
                    status.set(Some((true, m)));
                    return;
                }
            }
        } else {
            status.set(Some((false, "Préparation du fichier…".into())));
        }
        if let Some(w) = worker.borrow().as_ref() {
            if w.ready.get() {
                let _ = w.worker.post_message(&message);
            } else {
                *w.queued.borrow_mut() = Some(message);
            }
        }
    })
}

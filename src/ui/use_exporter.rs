//! The export worker's lifecycle, as a hook: started the first time a document is asked for
//! (its module is not downloaded before), requests queued until it says it listens, each
//! answer handed to the job that asked for it (the worker answers in order).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::browser;
use crate::web::app::worker::{ExportRequest, ExportResponse};

/// What the documents section says of the latest document: (is it an error, the text).
pub type Status = UseStateHandle<Option<(bool, String)>>;

/// A document to make in the worker, and what to do with it once made.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportJob {
    /// What to make.
    pub request: ExportRequest,
    /// Receives the file's bytes.
    pub done: Callback<Vec<u8>>,
    /// Where the section that asked says how it goes.
    pub status: Status,
    /// Receives the worker's message when it could not do it; `None`: said in `status`.
    pub failed: Option<Callback<String>>,
}

impl ExportJob {
    /// A job whose file is offered for download as `file_name`, said in `status`.
    pub fn download(request: ExportRequest, file_name: String, status: &Status) -> ExportJob {
        let ready = format!("« {file_name} » est prêt.");
        ExportJob::download_saying(request, file_name, status, ready)
    }

    /// A job whose page (HTML) is shown in a tab for printing. The tab is opened now, in the
    /// click: opened when the worker answers, it would be blocked as a pop-up.
    pub fn show_in_tab(request: ExportRequest, status: &Status) -> ExportJob {
        let tab = browser::open_blank();
        let done_status = status.clone();
        ExportJob {
            request,
            status: status.clone(),
            failed: None,
            done: Callback::from(move |bytes: Vec<u8>| {
                match browser::show_html_in(tab.as_ref(), &String::from_utf8_lossy(&bytes)) {
                    Ok(()) => done_status.set(None),
                    Err(m) => done_status.set(Some((true, m))),
                }
            }),
        }
    }

    /// A job whose file is offered for download, saying `ready` once it is.
    pub fn download_saying(
        request: ExportRequest,
        file_name: String,
        status: &Status,
        ready: String,
    ) -> ExportJob {
        let mime = request.mime();
        let said = status.clone();
        let status = status.clone();
        ExportJob {
            request,
            status: said,
            failed: None,
            done: Callback::from(move |bytes: Vec<u8>| {
                let array = js_sys::Uint8Array::from(&bytes[..]);
                match browser::download_bytes(&file_name, mime, &array) {
                    Ok(()) => status.set(Some((false, ready.clone()))),
                    Err(m) => status.set(Some((true, m))),
                }
            }),
        }
    }
}

/// The worker and its message handler, kept for the page's life once started.
struct Worker {
    worker: web_sys::Worker,
    /// The worker has said it listens; until then a request waits in `queued`.
    ready: Rc<Cell<bool>>,
    queued: Rc<RefCell<Vec<JsValue>>>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// Posts `message` to the worker, handing over (not copying) the file's bytes it carries: a
/// request's `bytes` (a `Uint8Array` one level down) is transferred.
fn post(worker: &web_sys::Worker, message: &JsValue) {
    let transfer = js_sys::Array::new();
    let object: &js_sys::Object = message.unchecked_ref();
    if let Some(inner) = js_sys::Object::values(object)
        .get(0)
        .dyn_into::<js_sys::Object>()
        .ok()
        && let Ok(bytes) = js_sys::Reflect::get(&inner, &JsValue::from_str("bytes"))
        && let Ok(bytes) = bytes.dyn_into::<js_sys::Uint8Array>()
    {
        transfer.push(&bytes.buffer());
    }
    if worker
        .post_message_with_transfer(message, &transfer)
        .is_err()
    {
        let _ = worker.post_message(message);
    }
}

fn start(pending: &Rc<RefCell<VecDeque<ExportJob>>>) -> Result<Worker, String> {
    let worker = web_sys::Worker::new("./laclasse-sim-export_loader.js")
        .map_err(|_| "Le navigateur n'a pas pu charger le module d'export.".to_string())?;
    let ready = Rc::new(Cell::new(false));
    let queued: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let (ready_in, queued_in, worker_in) = (ready.clone(), queued.clone(), worker.clone());
    let pending = pending.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let response = serde_wasm_bindgen::from_value::<ExportResponse>(e.data())
                .unwrap_or_else(|_| ExportResponse::Failed("réponse inattendue".into()));
            if response == ExportResponse::Ready {
                ready_in.set(true);
                let queued = std::mem::take(&mut *queued_in.borrow_mut());
                for request in queued {
                    post(&worker_in, &request);
                }
                return;
            }
            let job = pending.borrow_mut().pop_front();
            match (response, job) {
                (ExportResponse::Ready, _) | (ExportResponse::File(_), None) => {}
                (ExportResponse::File(bytes), Some(job)) => job.done.emit(bytes),
                (ExportResponse::Failed(message), Some(job)) => match &job.failed {
                    Some(failed) => failed.emit(message),
                    None => job.status.set(Some((true, job.request.failure(&message)))),
                },
                (ExportResponse::Failed(_), None) => {}
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

/// The page's one export worker, shared by the sections that make documents (the app
/// provides it as a context).
#[derive(Clone, PartialEq)]
pub struct Exporter(pub Callback<ExportJob>);

/// A callback that makes a document in the export worker and hands it to its job, saying in
/// the job's status where it stands. The app calls it once and provides it as [`Exporter`].
#[hook]
pub fn use_exporter() -> Callback<ExportJob> {
    let worker = use_mut_ref(|| None::<Worker>);
    let pending = use_mut_ref(VecDeque::<ExportJob>::new);
    Callback::from(move |mut job: ExportJob| {
        let status = job.status.clone();
        let first = worker.borrow().is_none();
        let progress = job.request.progress(first);
        let Ok(message) = serde_wasm_bindgen::to_value(&job.request) else {
            status.set(Some((
                true,
                "Demande d'export impossible à préparer.".into(),
            )));
            return;
        };
        // The message holds its own copy of a file's bytes: the request lets go of them.
        job.request.drop_bytes();
        pending.borrow_mut().push_back(job);
        if worker.borrow().is_none() {
            status.set(Some((false, progress.into())));
            match start(&pending) {
                Ok(w) => *worker.borrow_mut() = Some(w),
                Err(m) => {
                    pending.borrow_mut().clear();
                    status.set(Some((true, m)));
                    return;
                }
            }
        } else {
            status.set(Some((false, progress.into())));
        }
        if let Some(w) = worker.borrow().as_ref() {
            if w.ready.get() {
                post(&w.worker, &message);
            } else {
                w.queued.borrow_mut().push(message);
            }
        }
    })
}

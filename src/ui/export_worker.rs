//! The export worker's side: receives an [`ExportRequest`], answers with an [`ExportResponse`],
//! both passed with serde-wasm-bindgen.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::web::app::worker::{ExportRequest, ExportResponse, answer};

/// A message as a JS value; a response always serialises, so `undefined` is never sent.
pub fn to_js(response: &ExportResponse) -> JsValue {
    serde_wasm_bindgen::to_value(response).unwrap_or(JsValue::UNDEFINED)
}

/// Listens for requests for the rest of the worker's life.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let response = match serde_wasm_bindgen::from_value::<ExportRequest>(e.data()) {
            Ok(request) => answer(&request),
            Err(_) => ExportResponse::Failed("demande d'export illisible".into()),
        };
        let _ = reply_to.post_message(&to_js(&response));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler too.
    onmessage.forget();
    // Messages sent before this point would have found no handler: the page waits for this.
    let _ = scope.post_message(&to_js(&ExportResponse::Ready));
}

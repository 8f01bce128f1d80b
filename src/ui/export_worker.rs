//! The export worker: receives `"xlsx\n"` or `"ods\n"` followed by a scenario's JSON, answers
//! with the file's bytes (a `Uint8Array`) or a French message (a string).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::engine::simulate;
use crate::io::exports::annex1;
use crate::io::parse_str;

/// What the worker says once it listens.
pub const READY: &str = "laclasse-sim-export:prêt";

/// Builds the requested spreadsheet.
pub fn handle(request: &str) -> Result<Vec<u8>, String> {
    let (kind, json) = request
        .split_once('\n')
        .ok_or("demande d'export illisible")?;
    let scenario = parse_str(json).map_err(|errors| {
        format!(
            "le scénario a {} erreur(s) à corriger avant l'export",
            errors.len()
        )
    })?;
    let sheets = annex1::annex1_sheets(&scenario, &simulate(&scenario));
    match kind {
        "xlsx" => annex1::to_xlsx(&sheets),
        "ods" => annex1::to_ods(&sheets),
        other => Err(format!("format d'export inconnu : {other}")),
    }
}

/// Listens for requests for the rest of the worker's life.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let _ = match handle(&request) {
            Ok(bytes) => reply_to.post_message(&js_sys::Uint8Array::from(&bytes[..])),
            Err(message) => reply_to.post_message(&JsValue::from_str(&message)),
        };
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler too.
    onmessage.forget();
    // Messages sent before this point would have found no handler: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str(READY));
}

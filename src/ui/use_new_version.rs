//! The offline copy of the app, as a hook: registers the service worker (`sw.js`, which keeps
//! the build in the browser's cache) and says when a new version is waiting. The new version
//! never replaces the open page by itself: the person chooses to reload (see `UpdateBar`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::prelude::*;

/// The browser's service workers, where the page may have one (a secure context: https or
/// 127.0.0.1).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
        .map(JsCast::unchecked_into)
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

thread_local! {
    /// This page asked the waiting version to take over, and reloads when it has.
    static RELOAD_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// `true` once a new version of the app is installed and waiting for the page to reload.
#[hook]
pub fn use_new_version() -> bool {
    let waiting = use_state(|| false);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| register(Rc::new(move || waiting.set(true))));
    }
    *waiting
}

fn register(announce: Rc<dyn Fn()>) {
    let Some(container) = container() else { return };
    // A first visit's worker takes the page over once installed: the same version, nothing to
    // announce. Only a change of a controller the page already had is a new version.
    let had_controller = Rc::new(Cell::new(container.controller().is_some()));
    let changed = {
        let announce = announce.clone();
        let had_controller = had_controller.clone();
        Closure::<dyn FnMut()>::new(move || {
            if RELOAD_ASKED.get() {
                reload();
            } else if had_controller.replace(true) {
                // Another tab chose to reload: this one runs the previous version still.
                announce();
            }
        })
    };
    container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    let registered = Closure::once(move |registration: JsValue| {
        // Only a registration is read (a browser that blocks workers may resolve with nothing).
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if registration.waiting().is_some() && had_controller.get() {
            announce();
        }
        let watched = registration.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let announce = announce.clone();
            let had_controller = had_controller.clone();
            let worker = installing.clone();
            let state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && had_controller.get() {
                    announce();
                }
            });
            installing.set_onstatechange(Some(state.as_ref().unchecked_ref()));
            state.forget();
        });
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
    // A browser that refuses (private mode, storage off, no sw.js where the app is served)
    // keeps the app working online, without an error in its console.
    let refused = Closure::once(|_: JsValue| {});
    let _ = container.register("./sw.js").then2(&registered, &refused);
    registered.forget();
    refused.forget();
}

/// Lets the waiting version take over; the page reloads when it has (the simulations are
/// saved before: see `UpdateBar`).
pub fn reload_to_new_version() {
    let Some(container) = container() else { return };
    RELOAD_ASKED.set(true);
    let activate = Closure::once(move |registration: JsValue| {
        // No registration (it was removed meanwhile): reload, which takes the current version.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
            reload();
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&"activer".into());
            }
            // Already active (another tab asked): reload now.
            None => reload(),
        }
    });
    let _ = container.get_registration().then(&activate);
    activate.forget();
}

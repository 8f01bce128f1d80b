//! Keeping the simulations: saved to the browser's storage shortly after the last change (writing
//! 600 schools on every keystroke would cost more than a frame) and at once when the page is
//! hidden or closed; told of other tabs' writes; the address naming the open simulation.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::state::{Dispatch, Msg, Store};
use crate::web::storage::SIMULATION_PREFIX;

/// How long after the last change the simulations are saved.
const SAVE_DELAY_MS: u32 = 300;

/// Saves `store`'s changes, listens to the page's life and to other tabs, and keeps the
/// address on the open simulation.
#[hook]
pub fn use_persistence(store: &UseReducerHandle<Store>) {
    let dispatch = Dispatch(store.dispatcher());
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let dispatch = dispatch.clone();
        let unsaved =
            store.0.library.entries.iter().any(|e| e.dirty) || !store.0.library.deleted.is_empty();
        use_effect_with((store.0.library.clone(), unsaved), move |(_, unsaved)| {
            if *unsaved {
                *pending.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || {
                    dispatch.send(Msg::Persist)
                }));
            }
        });
    }
    {
        let id = store.0.library.current.clone();
        use_effect_with(id, |id| browser::set_hash(&browser::simulation_hash(id)));
    }
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|w| {
            let hide = {
                let d = dispatch.clone();
                EventListener::new(&w, "pagehide", move |_| d.send(Msg::Persist))
            };
            let hidden = {
                let d = dispatch.clone();
                let document = w.document();
                EventListener::new(&w, "visibilitychange", move |_| {
                    if document.as_ref().is_some_and(|doc| doc.hidden()) {
                        d.send(Msg::Persist);
                    }
                })
            };
            let other_tab = {
                let d = dispatch.clone();
                EventListener::new(&w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if let Some(key) = e.key().filter(|k| k.starts_with(SIMULATION_PREFIX)) {
                        d.send(Msg::External(key, e.new_value()));
                    }
                })
            };
            [hide, hidden, other_tab]
        });
        move || drop(listeners)
    });
}

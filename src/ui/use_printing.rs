//! Whether the page is being printed, as a hook: the printed report (every school, the inputs
//! as text) is drawn only then, so that an edit on screen never redraws thousands of hidden
//! rows. Both the print events (Ctrl+P, the « Imprimer » button) and the print media query
//! (a browser's print preview, a PDF export) say so.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `true` while the page is printed or previewed for print.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state(|| {
        web_sys::window()
            .and_then(|w| w.match_media("print").ok().flatten())
            .is_some_and(|q| q.matches())
    });
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let before = {
                    let p = printing.clone();
                    EventListener::new(&w, "beforeprint", move |_| p.set(true))
                };
                let after = {
                    let p = printing.clone();
                    EventListener::new(&w, "afterprint", move |_| p.set(false))
                };
                let media = w.match_media("print").ok().flatten().map(|query| {
                    let p = printing.clone();
                    EventListener::new(&query, "change", move |e| {
                        if let Some(e) = e.dyn_ref::<web_sys::MediaQueryListEvent>() {
                            p.set(e.matches());
                        }
                    })
                });
                (before, after, media)
            });
            move || drop(listeners)
        });
    }
    *printing
}

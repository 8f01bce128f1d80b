//! The figures for the sections below the fees, one frame behind: after an edit, the frame
//! that follows shows the new summary and fee tables, and the rest (the budget chart,
//! deadlines, legality, termination, Annexe 2, eligibility) is drawn again right after that
//! frame is painted, so that the figures an official is editing reach the screen in the next
//! frame even in a 625-school scenario. Never across simulations: another simulation's figures (or none) are
//! taken at once, so that no section ever shows another simulation's data.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::web::live::Figures;
use crate::web::state::SimId;

/// Runs `f` after the next frame is painted (a task queued from the frame's callback).
pub(super) fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let frame = Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, f).forget();
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        // No frames (a page in the background): the figures follow without waiting for one.
        let _ = frame.unchecked_ref::<js_sys::Function>().call0(&frame);
    }
}

/// Whether two figures are the same computation (the same shared simulation).
fn same(a: &Option<Figures>, b: &Option<Figures>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => true,
        _ => false,
    }
}

/// `figures` of simulation `id`, one painted frame behind while `id` stays the same.
#[hook]
pub fn use_after_paint(id: &SimId, figures: &Option<Figures>) -> Option<Figures> {
    let shown = use_state(|| (id.clone(), figures.clone()));
    // The newest request wins: an older one still waiting for its frame does nothing.
    let latest = use_mut_ref(|| 0u64);
    // Only new figures of the same simulation wait; figures appearing or going do not.
    let behind = shown.0 == *id && shown.1.is_some() && figures.is_some();
    if !(shown.0 == *id && same(&shown.1, figures)) {
        *latest.borrow_mut() += 1;
        let wanted = (id.clone(), figures.clone());
        if behind {
            let (state, generation) = (shown.clone(), *latest.borrow());
            let latest = latest.clone();
            after_next_paint(move || {
                if *latest.borrow() == generation {
                    state.set(wanted);
                }
            });
        } else {
            shown.set(wanted);
        }
    }
    if behind {
        shown.1.clone()
    } else {
        figures.clone()
    }
}

//! "École supprimée. Annuler": the last deletion can be undone.

use yew::prelude::*;

use super::state::Dispatch;
use crate::web::state::{Action, Undo};

#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    pub undo: Option<Undo>,
    pub dispatch: Dispatch,
}

#[function_component(UndoBar)]
pub fn undo_bar(p: &UndoBarProps) -> Html {
    // After a deletion the focus goes to « Annuler » (the deleted row's button is gone, and the
    // focus would fall back to the page's start).
    let button = use_node_ref();
    {
        let button = button.clone();
        let shown = p.undo.is_some();
        use_effect_with(p.undo.clone(), move |_| {
            if shown && let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let Some(undo) = &p.undo else {
        return html! { <div class="undo-bar" role="status" aria-live="polite"></div> };
    };
    let on_undo = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Undo))
    };
    let on_close = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::DismissUndo))
    };
    html! {
        <div class="undo-bar shown" role="status" aria-live="polite">
            <span>{ undo.describe() }</span>
            <button type="button" id="annuler" class="primary" ref={button} onclick={on_undo}>{ "Annuler la suppression" }</button>
            <button type="button" onclick={on_close} aria-label="Fermer">{ "✕" }</button>
        </div>
    }
}

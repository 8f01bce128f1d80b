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
            <button type="button" id="annuler" class="primary" onclick={on_undo}>{ "Annuler la suppression" }</button>
            <button type="button" onclick={on_close} aria-label="Fermer">{ "✕" }</button>
        </div>
    }
}

//! « Nouvelle version disponible — recharger »: a new version of the app is installed; the
//! page reloads only when the person says so, after the simulations are saved.

use yew::prelude::*;

use super::state::{Dispatch, Msg};
use super::use_new_version::reload_to_new_version;

#[derive(Properties, PartialEq)]
pub struct UpdateBarProps {
    /// Saving in the browser is suspended (it refused): reloading would lose the last changes.
    pub suspended: bool,
    pub dispatch: Dispatch,
}

#[function_component(UpdateBar)]
pub fn update_bar(p: &UpdateBarProps) -> Html {
    let on_reload = {
        let d = p.dispatch.clone();
        Callback::from(move |_| {
            d.send(Msg::Persist);
            reload_to_new_version();
        })
    };
    html! {
        <div class="notice update-bar" role="status" id="nouvelle-version">
            if p.suspended {
                <p>{ "Nouvelle version disponible. Enregistrez d'abord la simulation en fichier (.json) : le navigateur refuse de la garder, un rechargement la perdrait." }</p>
            } else {
                <p>{ "Nouvelle version disponible — " }
                    <button type="button" onclick={on_reload}>{ "recharger" }</button>
                </p>
                <p class="hint">{ "Vos simulations sont enregistrées dans ce navigateur avant le rechargement." }</p>
            }
        </div>
    }
}

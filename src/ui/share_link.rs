//! « Copier le lien »: a link without personal data by default; the complete one only after a
//! warning. A link too long for a browser is refused, with the file as the way to share.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use crate::web::draft::Draft;
use crate::web::share::{COMPLETE_LINK_WARNING, WITHOUT_PERSONAL_DATA, share_hash};

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    pub draft: Rc<Draft>,
    pub onclose: Callback<()>,
}

#[function_component(ShareLink)]
pub fn share_link(p: &ShareLinkProps) -> Html {
    let confirming = use_state(|| false);
    let status = use_state(|| None::<(bool, String)>);
    let copy = |personal: bool| {
        let draft = p.draft.clone();
        let status = status.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            match share_hash(&draft, personal) {
                Ok(hash) => {
                    browser::copy(&browser::link_with(&hash));
                    status.set(Some((
                        false,
                        if personal {
                            "Lien complet copié : il contient les données personnelles de la simulation.".into()
                        } else {
                            "Lien copié, sans données personnelles : il reproduit tous les chiffres de cette simulation.".into()
                        },
                    )));
                }
                Err(message) => status.set(Some((true, message))),
            }
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let close = {
        let cb = p.onclose.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="share-link" id="partage" aria-labelledby="partage-titre">
            <h2 id="partage-titre">{ "Partager par un lien" }</h2>
            <p>{ "Le lien contient la simulation elle-même : quiconque l'ouvre la voit, et il reste dans l'historique du navigateur." }</p>
            <div class="toolbar">
                <button type="button" class="primary" id="copier-lien-anonyme" onclick={copy(false)}>{ "Copier le lien sans données personnelles" }</button>
                <button type="button" id="copier-lien-complet" onclick={ask}>{ "Copier le lien complet…" }</button>
                <button type="button" onclick={close}>{ "Fermer" }</button>
            </div>
            <p class="hint">{ WITHOUT_PERSONAL_DATA }</p>
            if *confirming {
                <div class="warning" role="alert">
                    <p>{ COMPLETE_LINK_WARNING }</p>
                    <div class="toolbar">
                        <button type="button" class="danger" id="confirmer-lien-complet" onclick={copy(true)}>{ "Oui, copier le lien complet" }</button>
                        <button type="button" onclick={cancel}>{ "Annuler" }</button>
                    </div>
                </div>
            }
            if let Some((error, text)) = (*status).clone() {
                <p class={classes!("hint", error.then_some("error"))} role="status" id="partage-statut">{ text }</p>
            }
        </section>
    }
}

//! The schools, as an editable table.

use std::rc::Rc;

use yew::prelude::*;

use super::school_row::SchoolRow;
use super::state::Dispatch;
use crate::app::Action;
use crate::io::FieldError;
use crate::io::draft::Draft;

#[derive(Properties, PartialEq)]
pub struct SchoolsProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

/// The errors of school `i`, keyed by field (`requested`, `admin.email`).
fn row_errors(errors: &[FieldError], i: usize) -> Vec<(String, String)> {
    let prefix = format!("schools[{i}]");
    errors
        .iter()
        .filter_map(|e| {
            let rest = e.path.strip_prefix(&prefix)?;
            let key = rest.strip_prefix('.').unwrap_or("name");
            Some((key.to_string(), e.message.clone()))
        })
        .collect()
}

#[function_component(SchoolsTable)]
pub fn schools_table(p: &SchoolsProps) -> Html {
    let add = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::AddSchool))
    };
    let heads = [
        "Nom de l'école",
        "UAI",
        "Niveau",
        "Secteur",
        "Groupe scolaire",
        "Demande reçue le",
        "Ouverture constatée le",
        "Radiation reçue le",
        "Stockage (Go)",
        "Admin. : nom",
        "prénom",
        "fonction",
        "e-mail",
        "téléphone",
    ];
    html! {
        <section class="schools" aria-labelledby="ecoles-titre">
            <h2 id="ecoles-titre">{ format!("Écoles ({})", p.draft.schools.len()) }</h2>
            <p class="hint">{ "Dates de réception par la Métropole. L'ouverture constatée est facultative : sans elle, l'accès est supposé ouvert 14 jours après la demande (Annexe 1)." }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau des écoles, défilant horizontalement">
                <table class="schools-table">
                    <thead><tr><th scope="col">{ "N°" }</th>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }<th scope="col">{ "Actions" }</th></tr></thead>
                    <tbody>
                        { for p.draft.schools.iter().enumerate().map(|(i, s)| html! {
                            <SchoolRow key={s.id} school={s.clone()} number={i + 1} errors={row_errors(&p.errors, i)} dispatch={p.dispatch.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
            if p.draft.schools.is_empty() { <p class="empty">{ "Aucune école pour l'instant." }</p> }
            <button type="button" id="ajouter-ecole" class="primary" onclick={add}>{ "+ Ajouter une école" }</button>
        </section>
    }
}

//! "Mes simulations": open, rename, duplicate, delete (with undo).

use yew::prelude::*;

use super::field::Field;
use super::state::Dispatch;
use crate::web::state::{Action, Library};

#[derive(Properties, PartialEq)]
pub struct SimulationsProps {
    pub library: Library,
    pub dispatch: Dispatch,
}

#[function_component(Simulations)]
pub fn simulations(p: &SimulationsProps) -> Html {
    let current = &p.library.current;
    let act = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let new = act(Action::NewSimulation);
    html! {
        <details class="simulations" id="mes-simulations">
            <summary>{ format!("Mes simulations ({})", p.library.entries.len()) }</summary>
            <ul>
            { for p.library.entries.iter().map(|e| {
                let id = e.id.clone();
                let rename = {
                    let d = p.dispatch.clone();
                    let id = id.clone();
                    Callback::from(move |v: String| d.dispatch(Action::Rename(id.clone(), v)))
                };
                html! {
                    <li class={classes!((id == *current).then_some("current"))} key={id.0.clone()}>
                        if id == *current && e.example {
                            <span class="current-name">{ &e.name }</span>
                        } else if id == *current {
                            <Field id={format!("nom-simulation-{id}")} label="Nom de la simulation ouverte" value={e.name.clone()} oninput={rename} />
                        } else {
                            <button type="button" class="link" onclick={act(Action::Open(id.clone()))}>{ format!("Ouvrir « {} »", e.name) }</button>
                        }
                        if e.example { <span class="badge">{ "exemple" }</span> }
                        <button type="button" onclick={act(Action::DuplicateSimulation(id.clone()))} aria-label={format!("Dupliquer « {} »", e.name)}>{ "Dupliquer" }</button>
                        <button type="button" class="danger" onclick={act(Action::DeleteSimulation(id.clone()))} aria-label={format!("Supprimer « {} »", e.name)}>{ "Supprimer" }</button>
                    </li>
                }
            }) }
            </ul>
            <button type="button" class="primary" onclick={new}>{ "Nouvelle simulation" }</button>
        </details>
    }
}

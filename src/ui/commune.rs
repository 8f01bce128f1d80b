//! The commune: name with suggestions from the 58 communes, optional INSEE code, and whether
//! the engine finds it in the Métropole.

use std::rc::Rc;

use yew::prelude::*;

use super::field::ScenarioInput;
use super::state::Dispatch;
use super::why::{ClauseTag, Why};
use crate::engine::communes;
use crate::engine::r10_eligibility::r10_commune;
use crate::engine::scenario::Commune;
use crate::io::FieldError;
use crate::io::schema::Field;

#[derive(Properties, PartialEq)]
pub struct CommuneProps {
    pub name: AttrValue,
    pub insee: AttrValue,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

#[function_component(CommuneForm)]
pub fn commune_form(p: &CommuneProps) -> Html {
    let suggestions = communes::suggest(&p.name, 12);
    let commune = Commune {
        name: p.name.to_string(),
        insee: Some(p.insee.to_string()).filter(|s| !s.trim().is_empty()),
    };
    let check = r10_commune(&commune);
    let typed = !p.name.trim().is_empty() || commune.insee.is_some();
    let why = check.why.clone();
    html! {
        <fieldset class="commune">
            <legend>{ "Commune" }</legend>
            <datalist id="communes-metropole">
                { for suggestions.iter().map(|c| html! { <option value={c.name.clone()}>{ format!("{} ({})", c.name, c.insee) }</option> }) }
            </datalist>
            <div class="row">
                <ScenarioInput field={Field::CommuneName} value={p.name.clone()} list="communes-metropole"
                    errors={p.errors.clone()} dispatch={p.dispatch.clone()} />
                <ScenarioInput field={Field::CommuneInsee} value={p.insee.clone()}
                    errors={p.errors.clone()} dispatch={p.dispatch.clone()} />
            </div>
            if typed {
                <p class={classes!("status", if check.record.is_some() { "ok" } else { "bad" })} role="status">
                    { if check.record.is_some() { "✓ " } else { "✗ " } }
                    { check.why.steps.last().cloned().unwrap_or_default() }
                    { " " }<ClauseTag clause={check.why.main_clause()} />
                    { " " }<Why explain={Callback::from(move |_| why.clone())} />
                </p>
            }
        </fieldset>
    }
}

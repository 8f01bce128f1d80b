//! The commune: name with suggestions from the 58 communes, optional INSEE code, and whether
//! it is one of the Métropole's. Draws `web::views::commune`.

use std::rc::Rc;

use yew::prelude::*;

use super::field::ScenarioInput;
use super::state::Dispatch;
use super::why::{ClauseTag, Why};
use crate::web::app::FieldError;
use crate::web::app::schema::Field;
use crate::web::views::commune::CommuneView;

#[derive(Properties, PartialEq)]
pub struct CommuneProps {
    pub name: AttrValue,
    pub insee: AttrValue,
    pub errors: Rc<Vec<FieldError>>,
    /// The name or the code is being typed: suggestions, not a verdict, until it is left.
    pub typing: bool,
    pub dispatch: Dispatch,
}

#[function_component(CommuneForm)]
pub fn commune_form(p: &CommuneProps) -> Html {
    let view = CommuneView::of(&p.name, &p.insee);
    html! {
        <fieldset class="commune">
            <legend>{ "Commune" }</legend>
            <datalist id="communes-metropole">
                { for view.suggestions.iter().map(|(name, label)| html! { <option value={name.clone()}>{ label }</option> }) }
            </datalist>
            <div class="row">
                <ScenarioInput field={Field::CommuneName} value={p.name.clone()} list="communes-metropole"
                    errors={p.errors.clone()} dispatch={p.dispatch.clone()} />
                <ScenarioInput field={Field::CommuneInsee} value={p.insee.clone()}
                    errors={p.errors.clone()} dispatch={p.dispatch.clone()} />
            </div>
            if let Some(s) = view.status.filter(|s| s.ok || !p.typing) {
                <p class={classes!("status", if s.ok { "ok" } else { "bad" })} role="status">
                    { s.text }
                    { " " }<ClauseTag clause={s.clause} />
                    { " " }<Why explain={{ let why = s.why; Callback::from(move |_| why.clone()) }} />
                </p>
            }
        </fieldset>
    }
}

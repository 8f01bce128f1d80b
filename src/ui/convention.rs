//! The convention's dates and fee.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_rows;
use super::state::Dispatch;
use crate::web::app::FieldError;
use crate::web::draft::Draft;
use crate::web::forms::CONVENTION;

#[derive(Properties, PartialEq)]
pub struct ConventionProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

#[function_component(ConventionForm)]
pub fn convention_form(p: &ConventionProps) -> Html {
    html! {
        <fieldset class="convention">
            <legend>{ "Convention" }</legend>
            { field_rows(&CONVENTION, &p.draft, &p.errors, &p.dispatch) }
        </fieldset>
    }
}

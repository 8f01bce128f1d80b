//! The convention's dates and fee.

use std::rc::Rc;

use yew::prelude::*;

use super::avenants::AvenantsForm;
use super::field::field_rows;
use super::state::Dispatch;
use crate::web::app::FieldError;
use crate::web::app::schema::FieldRef;
use crate::web::draft::Draft;
use crate::web::forms::{AVENANTS, CONVENTION};
use crate::web::live::Figures;

#[derive(Properties, PartialEq)]
pub struct ConventionProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
    /// The figures shown, for where each change of fee takes effect.
    pub figures: Option<Figures>,
    pub today: chrono::NaiveDate,
}

#[function_component(ConventionForm)]
pub fn convention_form(p: &ConventionProps) -> Html {
    html! {
        <fieldset class="convention">
            <legend>{ "Convention" }</legend>
            { field_rows(&CONVENTION, &p.draft, &p.errors, &p.dispatch) }
            <AvenantsForm text={AttrValue::from(p.draft.text(AVENANTS).to_string())}
                errors={p.errors.iter().filter(|e| e.field == Some(FieldRef::Scenario(AVENANTS))).map(|e| e.message.clone()).collect::<Vec<_>>()}
                figures={p.figures.clone()} today={p.today} dispatch={p.dispatch.clone()} />
        </fieldset>
    }
}

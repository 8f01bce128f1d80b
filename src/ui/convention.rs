//! The convention's dates and fee.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_rows;
use super::state::Dispatch;
use crate::web::app::FieldError;
use crate::web::app::schema::Field;
use crate::web::draft::Draft;

/// The fields of this section, row by row.
const ROWS: [&[Field]; 4] = [
    &[Field::Notified, Field::AnnualFee, Field::BillingUnit],
    &[Field::HorizonUntil, Field::ConventionSigned],
    &[Field::DeliberationPublished, Field::DeliberationTransmitted],
    &[
        Field::TerminationReceived,
        Field::TerminationDelegation,
        Field::TerminationActNumber,
        Field::TerminationActDate,
    ],
];

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
            { field_rows(&ROWS, &p.draft, &p.errors, &p.dispatch) }
        </fieldset>
    }
}

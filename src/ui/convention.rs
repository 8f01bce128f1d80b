//! The convention's dates and fee.

use std::rc::Rc;

use yew::prelude::*;

use super::field::{Field, Select, error_at};
use super::state::{Dispatch, edit_field};
use crate::io::FieldError;
use crate::io::draft::Draft;

#[derive(Properties, PartialEq)]
pub struct ConventionProps {
    pub draft: Rc<Draft>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Dispatch,
}

#[function_component(ConventionForm)]
pub fn convention_form(p: &ConventionProps) -> Html {
    let edit = |key: &'static str| edit_field(&p.dispatch, key);
    let d = &p.draft;
    let e = |path: &str| error_at(&p.errors, path);
    html! {
        <fieldset class="convention">
            <legend>{ "Convention" }</legend>
            <div class="row">
                <Field id="notified" kind="date" label="Notification de la convention (prise d'effet)" required=true
                    value={d.notified.clone()} error={e("convention.notified")} oninput={edit("notified")}
                    hint="Art. 8 : la convention prend effet à sa notification." />
                <Field id="annual-fee" label="Redevance annuelle par unité (€)" value={d.annual_fee.clone()}
                    inputmode="decimal" placeholder="150,00" error={e("convention.annual_fee_eur")} oninput={edit("annual_fee")}
                    hint="Art. 6 : 150,00 € ; modifiable pour une simulation." />
                <Select id="billing-unit" label="Unité de facturation" value={d.billing_unit.clone()}
                    options={vec![("school", "par école (Art. 6, délibération point 2)"), ("school_group", "par groupe scolaire (considérants)")]}
                    error={e("convention.billing_unit")} onchange={edit("billing_unit")} />
            </div>
            <div class="row">
                <Field id="horizon" kind="date" label="Horizon de la simulation" value={d.horizon_until.clone()}
                    error={e("horizon_until")} oninput={edit("horizon_until")}
                    hint="Vide : notification + 5 ans." />
                <Field id="termination" kind="date" label="Lettre de résiliation reçue le (facultatif)"
                    value={d.termination_received.clone()} error={e("convention.termination_received")}
                    oninput={edit("termination_received")} hint="Date de réception par la Métropole (Art. 8)." />
                <Field id="published" kind="date" label="Publication de la délibération (facultatif)"
                    value={d.deliberation_published.clone()} error={e("deliberation.published")}
                    oninput={edit("deliberation_published")} hint="Pour le délai de recours de deux mois." />
            </div>
        </fieldset>
    }
}

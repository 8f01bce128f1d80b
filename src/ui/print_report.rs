//! What the printed page shows instead of the form: the inputs as text and every school, with
//! its access and eligibility. Drawn only for print (hidden on screen).

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Scenario, Simulation};
use crate::web::print::{inputs_as_text, school_header, school_rows};

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub scenario: Rc<Scenario>,
    pub sim: Rc<Simulation>,
}

#[function_component(PrintReport)]
pub fn print_report(p: &PrintReportProps) -> Html {
    html! {
        <section class="print-only print-report" aria-hidden="true">
            <h2>{ "Données saisies" }</h2>
            <dl class="inputs-used">
                { for inputs_as_text(&p.scenario).into_iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
            </dl>
            <h2>{ format!("Écoles ({})", p.scenario.schools.len()) }</h2>
            <table class="print-schools">
                <thead><tr>{ for school_header().into_iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for school_rows(&p.scenario, &p.sim).into_iter().map(|row| html! {
                        <tr>{ for row.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

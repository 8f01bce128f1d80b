//! What the printed page shows instead of the form: the inputs as text and every school, with
//! its access and eligibility. Drawn only for print (hidden on screen). Draws
//! `web::views::print`.

use yew::prelude::*;

use crate::web::live::Figures;
use crate::web::views::print::PrintView;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    pub figures: Figures,
}

#[function_component(PrintReport)]
pub fn print_report(p: &PrintReportProps) -> Html {
    let v = PrintView::of(&p.figures);
    html! {
        <section class="print-only print-report" aria-hidden="true">
            <h2>{ "Données saisies" }</h2>
            <dl class="inputs-used">
                { for v.inputs.into_iter().map(|(label, value)| html! { <><dt>{ label }</dt><dd>{ value }</dd></> }) }
            </dl>
            <h2>{ v.schools_title }</h2>
            <table class="print-schools">
                <thead><tr>{ for v.header.into_iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for v.rows.into_iter().map(|row| html! {
                        <tr>{ for row.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

//! The summary above everything: this year's fee, the next budget year, the commune's next
//! deadline with the days left, the schools eligible. On a phone it is the first screen.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::web::live::Figures;
use crate::web::views::summary::summary_lines;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub figures: Figures,
    pub today: NaiveDate,
    /// The figures are the last valid ones while a field is invalid.
    pub stale: bool,
}

#[function_component(SummaryBand)]
pub fn summary_band(p: &SummaryProps) -> Html {
    let lines = summary_lines(&p.figures, p.today);
    html! {
        <section class={classes!("summary", p.stale.then_some("stale"))} id="resume" aria-labelledby="resume-titre">
            <h2 id="resume-titre">{ "En bref" }
                if p.stale { <span class="badge">{ "dernière saisie valide" }</span> }
            </h2>
            <dl>
            { for lines.into_iter().map(|l| html! {
                <div><dt>{ l.label }</dt>
                    <dd id={l.id}>if !l.figure.is_empty() { <strong>{ l.figure }</strong> }{ l.rest }</dd></div>
            }) }
            </dl>
        </section>
    }
}

//! The summary above everything: this year's fee, the next budget year, the commune's next
//! deadline with the days left, the schools eligible. On a phone it is the first screen.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::engine::Simulation;
use crate::web::summary::summary;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
    /// The figures are the last valid ones while a field is invalid.
    pub stale: bool,
}

#[function_component(SummaryBand)]
pub fn summary_band(p: &SummaryProps) -> Html {
    let s = summary(&p.sim, p.today);
    html! {
        <section class={classes!("summary", p.stale.then_some("stale"))} id="resume" aria-labelledby="resume-titre">
            <h2 id="resume-titre">{ "En bref" }
                if p.stale { <span class="badge">{ "dernière saisie valide" }</span> }
            </h2>
            <dl>
            { for s.lines().into_iter().map(|l| html! {
                <div><dt>{ l.label }</dt>
                    <dd id={l.id}>if !l.figure.is_empty() { <strong>{ l.figure }</strong> }{ l.rest }</dd></div>
            }) }
            </dl>
        </section>
    }
}

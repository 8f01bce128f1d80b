//! The summary above everything: this year's fee, the next budget year, the commune's next
//! deadline with the days left, the schools eligible. On a phone it is the first screen.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::deadlines::remaining;
use crate::engine::Simulation;
use crate::engine::dates::{fr, fr_weekday};
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
                <div><dt>{ "Année de convention en cours" }</dt>
                    <dd id="resume-annee">{ match s.current_year {
                        Some((n, start, end, fee)) => html! { <><strong>{ fee.to_string() }</strong>{ format!(" (n° {n}, du {} au {})", fr(start), fr(end)) }</> },
                        None => html! { { "aucune aujourd'hui" } },
                    } }</dd></div>
                <div><dt>{ "Exercice suivant" }</dt>
                    <dd id="resume-exercice">{ match s.next_budget {
                        Some((year, fee)) => html! { <><strong>{ fee.to_string() }</strong>{ format!(" en {year}") }</> },
                        None => html! { { "hors de l'horizon" } },
                    } }</dd></div>
                <div><dt>{ "Prochaine échéance de la commune" }</dt>
                    <dd id="resume-echeance">{ match &s.next_deadline {
                        Some(d) => html! { <><strong>{ format!("{} {}", fr_weekday(d.date), fr(d.date)) }</strong>{ format!(" ({}) : {}", remaining(p.today, d.date), d.kind.label()) }</> },
                        None => html! { { "aucune dans l'horizon" } },
                    } }</dd></div>
                <div><dt>{ "Écoles éligibles" }</dt>
                    <dd id="resume-ecoles"><strong>{ s.eligible }</strong>{ format!(" sur {}", s.schools) }</dd></div>
            </dl>
        </section>
    }
}

//! "Si la lettre arrive le …, la convention prend fin le …", with the last fee due.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::field::Field;
use super::why::{ClauseTag, ExplanationView};
use crate::engine::dates::{fr, parse_iso};
use crate::engine::r2_termination::r2_reception_error;
use crate::engine::simulate::termination_what_if;
use crate::engine::{Clause, Scenario, Simulation};

#[derive(Properties, PartialEq)]
pub struct TerminationProps {
    pub scenario: Rc<Scenario>,
    pub sim: Rc<Simulation>,
    pub today: NaiveDate,
}

#[function_component(TerminationSim)]
pub fn termination_sim(p: &TerminationProps) -> Html {
    let typed = use_state(|| crate::engine::dates::iso(p.today));
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let notified = p.scenario.convention.notified;
    let (result, error) = match parse_iso(&typed) {
        None if typed.is_empty() => (None, None),
        None => (
            None,
            Some(format!("« {} » n'est pas une date valide", *typed)),
        ),
        Some(d) => match r2_reception_error(notified, d) {
            Some(message) => (None, Some(message)),
            None => (Some(termination_what_if(&p.scenario, &p.sim, d)), None),
        },
    };
    html! {
        <section class="termination" aria-labelledby="resiliation-titre">
            <h2 id="resiliation-titre">{ "Simuler une résiliation " }<ClauseTag clause={Clause::Art8Notice} /></h2>
            <Field id="lettre-recue" kind="date" label="Si la lettre recommandée arrive à la Métropole le" value={(*typed).clone()} {oninput} error={error.map(AttrValue::from)} />
            if let Some(w) = result {
                <div class="callout" role="status" aria-live="polite">
                    <p id="resultat-resiliation">{ "La convention prend fin le " }<strong>{ fr(w.termination.value.ends) }</strong>
                        { format!(" ; dernier jour d'accès le {}.", fr(w.termination.value.last_day)) }</p>
                    <p>{ match w.last_year {
                        Some((n, fee)) => format!("Dernière redevance due : année de convention n° {n}, {fee}. Total dû jusqu'à la fin : {}.", w.total),
                        None => "Aucune redevance due : aucune école n'a accès avant la fin.".to_string(),
                    } }</p>
                    <details class="why"><summary>{ "pourquoi ?" }</summary><ExplanationView explanation={w.termination.why.clone()} /></details>
                </div>
            }
        </section>
    }
}

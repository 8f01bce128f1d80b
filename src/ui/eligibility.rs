//! Each school: eligible or not, why, with the clause; warnings; access dates.

use std::rc::Rc;

use yew::prelude::*;

use super::pager::{PAGE_SIZE, Pager, page_range};
use super::why::{ClauseTag, Why};
use crate::engine::dates::fr;
use crate::engine::simulate::SchoolOutcome;
use crate::engine::{Clause, Simulation};

#[derive(Properties, PartialEq)]
pub struct EligibilityProps {
    pub sim: Rc<Simulation>,
}

#[function_component(EligibilityList)]
pub fn eligibility_list(p: &EligibilityProps) -> Html {
    let sim = &p.sim;
    let eligible = sim
        .schools
        .iter()
        .filter(|s| s.eligibility.eligible())
        .count();
    let total = sim.schools.len();
    let page = use_state(|| 0usize);
    let current = (*page).min(total.saturating_sub(1) / PAGE_SIZE);
    let onpage = {
        let page = page.clone();
        Callback::from(move |to: usize| page.set(to))
    };
    html! {
        <section class="eligibility" aria-labelledby="eligibilite-titre">
            <h2 id="eligibilite-titre">{ format!("Éligibilité des écoles : {eligible} sur {}", sim.schools.len()) }</h2>
            <table tabindex="0" class="figures" id="eligibilite">
                <thead><tr><th scope="col">{ "École" }</th><th scope="col">{ "Statut" }</th><th scope="col">{ "Accès" }</th><th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for sim.schools[page_range(current, total)].iter().map(|s| html! { <SchoolStatus school={s.clone()} /> }) }</tbody>
            </table>
            <Pager id="pages-eligibilite" what="écoles" page={current} {total} {onpage} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SchoolStatusProps {
    school: SchoolOutcome,
}

#[function_component(SchoolStatus)]
fn school_status(p: &SchoolStatusProps) -> Html {
    let s = &p.school;
    let e = &s.eligibility;
    let access = match (s.access_from(), s.access_until()) {
        (Some(f), Some(u)) => format!("du {} au {} exclu", fr(f), fr(u)),
        (Some(f), None) => format!("depuis le {}", fr(f)),
        _ if e.eligible() => "jamais (retirée avant son ouverture)".into(),
        _ => "aucun".into(),
    };
    let why = {
        let e = e.clone();
        let a = s.access;
        Callback::from(move |_| {
            let mut x = e.why();
            if let Some(a) = a {
                let more = a.why();
                x.clauses.extend(
                    more.clauses
                        .into_iter()
                        .filter(|c| *c != Clause::Art5FirstDegree),
                );
                x.inputs.extend(more.inputs);
                x.steps.extend(more.steps);
                x.assumptions.extend(more.assumptions);
            }
            x
        })
    };
    html! {
        <tr class={classes!(if e.eligible() { "ok" } else { "bad" })}>
            <th scope="row">{ &s.name }</th>
            <td class="findings-cell">
                <strong>{ if e.eligible() { "✓ éligible" } else { "✗ non éligible" } }</strong>
                <ul class="findings">
                    { for e.reasons.iter().map(|r| html! { <li class="reason">{ &r.message }{ " " }<ClauseTag clause={r.clause} /></li> }) }
                    { for e.warnings.iter().map(|w| html! { <li class="warning">{ "⚠ " }{ &w.message }{ " " }<ClauseTag clause={w.clause} /></li> }) }
                </ul>
            </td>
            <td>{ access }</td>
            <td><Why explain={why} /></td>
        </tr>
    }
}

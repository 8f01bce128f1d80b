//! Annexe 2: how a fee splits, for the selected year, one school, and the territory.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::text::fixed;

use super::why::{ClauseTag, Why};
use crate::engine::convention::TERRITORY_SCHOOLS;
use crate::engine::r8_shares::{CostShares, r8_split};
use crate::engine::{Clause, Simulation};

#[derive(Properties, PartialEq)]
pub struct SharesProps {
    pub sim: Rc<Simulation>,
}

#[function_component(Shares)]
pub fn shares(p: &SharesProps) -> Html {
    let sim = &p.sim;
    let selected = use_state(|| 0usize);
    let index = (*selected).min(sim.years.len().saturating_sub(1));
    let onchange = {
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            selected.set(
                e.target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .parse()
                    .unwrap_or(0),
            )
        })
    };
    let year = sim.years.get(index);
    let year_shares = year
        .map(|y| y.shares)
        .unwrap_or_else(|| r8_split(crate::engine::Money::ZERO));
    let one = sim.shares_of_one_school();
    let territory = sim.shares_of_territory();
    let year_why = year.map(|_| {
        let sim = p.sim.clone();
        Callback::from(move |_| sim.years[index].shares_why())
    });
    html! {
        <section class="shares" aria-labelledby="annexe2-titre">
            <h2 id="annexe2-titre">{ "Répartition du coût " }<ClauseTag clause={Clause::Annexe2Costs} /></h2>
            <div class="field">
                <label for="annee-annexe2">{ "Année de convention" }</label>
                <select id="annee-annexe2" {onchange}>
                    { for sim.years.iter().enumerate().map(|(i, y)| html! {
                        <option value={i.to_string()} selected={i == index}>{ format!("n° {} ({})", y.year.number, y.billing(sim.billing_unit).fee) }</option>
                    }) }
                </select>
            </div>
            <ShareBar shares={year_shares} />
            <table tabindex="0" class="figures" id="parts-annexe2">
                <thead><tr><th scope="col">{ "Poste" }</th><th scope="col">{ "Part" }</th>
                    <th scope="col">{ format!("Année n° {}", index + 1) }</th>
                    <th scope="col">{ format!("Une école ({})", sim.annual_fee) }</th>
                    <th scope="col">{ format!("Territoire, {TERRITORY_SCHOOLS} écoles ({})", sim.annual_fee.times(TERRITORY_SCHOOLS)) }</th></tr></thead>
                <tbody>
                { for year_shares.parts().iter().zip(one.value.parts()).zip(territory.value.parts()).map(|((y, o), t)| html! {
                    <tr class={classes!(y.0.starts_with("dont").then_some("sub"))}>
                        <th scope="row">{ y.0 }</th><td class="num">{ format!("{} %", y.1) }</td>
                        <td class="money">{ y.2.to_string() }</td><td class="money">{ o.2.to_string() }</td><td class="money">{ t.2.to_string() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            if let Some(explain) = year_why { <Why {explain} /> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ShareBarProps {
    shares: CostShares,
}

/// A stacked bar: hosting, maintenance, and the salaries in their three parts.
#[function_component(ShareBar)]
fn share_bar(p: &ShareBarProps) -> Html {
    let s = &p.shares;
    let parts = [
        ("Hébergement 17 %", s.hosting, "p0"),
        ("Maintenance 22 %", s.maintenance, "p1"),
        ("Adm. système 12 %", s.sysadmin, "p2"),
        ("Support 33 %", s.support, "p3"),
        ("Projet 16 %", s.project, "p4"),
    ];
    let total = (s.hosting + s.maintenance + s.salaries).cents().max(1) as f64;
    let mut x = 0.0;
    html! {
        <figure class="chart">
            <svg viewBox="0 0 640 36" role="img" aria-label={parts.iter().map(|(l, m, _)| format!("{l} : {m}")).collect::<Vec<_>>().join(", ")}>
                { for parts.iter().map(|(label, m, class)| {
                    let w = 640.0 * m.cents() as f64 / total;
                    let at = x;
                    x += w;
                    html! {
                        <rect class={format!("part {class}")} x={fixed(at, 1)} y="0" width={fixed(w, 1)} height="36"><title>{ format!("{label} : {m}") }</title></rect>
                    }
                }) }
            </svg>
            // The legend in text, readable at any width and in print; colours never carry
            // the meaning alone.
            <figcaption>
                <ul class="legend">
                    { for parts.iter().map(|(label, m, class)| html! {
                        <li><span class={format!("swatch {class}")} aria-hidden="true"></span>{ format!("{label} : {m}") }</li>
                    }) }
                </ul>
            </figcaption>
        </figure>
    }
}

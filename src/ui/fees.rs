//! Fees per convention year and per budget year, as tables and an SVG bar chart; with school
//! groups, both readings of R4 side by side.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::text::fixed;
use crate::web::summary::{SHORT_ACCESS_NOTE, TWO_READINGS_NOTE, short_access_notes};

use super::why::{ClauseTag, Why};
use crate::engine::dates::fr;
use crate::engine::{BillingUnit, Clause, Money, Simulation};

#[derive(Properties, PartialEq)]
pub struct FeesProps {
    pub sim: Rc<Simulation>,
    /// The chart's figures: the same simulation one painted frame later (`use_after_paint`).
    pub chart: Rc<Simulation>,
}

#[derive(Properties, PartialEq)]
struct BudgetProps {
    sim: Rc<Simulation>,
}

#[function_component(Fees)]
pub fn fees(p: &FeesProps) -> Html {
    let sim = &p.sim;
    let unit = sim.billing_unit;
    let both = sim.has_groups;
    let short = short_access_notes(sim);
    html! {
        <section class="fees" aria-labelledby="redevances-titre">
            <h2 id="redevances-titre">{ "Redevances" }</h2>
            <p class="lead">{ format!("{} par an et {}, due en totalité même pour une année non pleine ", sim.annual_fee, unit.label()) }<ClauseTag clause={Clause::Art6Fee} /></p>
            <table tabindex="0" class="figures" id="annees-convention">
                <caption>{ "Par année de convention " }<ClauseTag clause={Clause::Art8Duration} /></caption>
                <thead><tr>
                    <th scope="col">{ "N°" }</th><th scope="col">{ "Du" }</th><th scope="col">{ "Au" }</th>
                    <th scope="col">{ if unit == BillingUnit::School { "Écoles facturées" } else { "Unités facturées" } }</th>
                    <th scope="col">{ "Montant" }</th>
                    if both { <th scope="col">{ "Lecture par école" }</th><th scope="col">{ "Lecture par groupe" }</th><th scope="col">{ "Écart" }</th> }
                    <th scope="col"><span class="visually-hidden">{ "Explication" }</span></th>
                </tr></thead>
                <tbody>
                { for sim.years.iter().enumerate().map(|(i, y)| {
                    let b = y.billing(unit);
                    // The explanation is written when asked for, from the simulation shared by
                    // the page: nothing of the year is copied at each edit.
                    let explain = {
                        let sim = p.sim.clone();
                        Callback::from(move |_| {
                            let y = &sim.years[i];
                            let mut e = y.billing(unit).why();
                            e.steps.splice(0..0, y.year.why().steps);
                            e
                        })
                    };
                    html! { <tr>
                        <td>{ y.year.number }</td><td>{ fr(y.year.start) }</td><td>{ fr(y.year.end) }</td>
                        <td class="num">{ b.billed_units }</td>
                        <td class="money">{ b.fee.to_string() }</td>
                        if both {
                            <td class="money">{ y.per_school.fee.to_string() }</td>
                            <td class="money">{ y.per_group.fee.to_string() }</td>
                            <td class="money">{ y.per_school.fee.minus(y.per_group.fee).to_string() }</td>
                        }
                        <td><Why {explain} /></td>
                    </tr> }
                }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row" colspan="4">{ "Total" }</th>
                    <td class="money">{ sim.total(unit).to_string() }</td>
                    if both {
                        <td class="money">{ sim.total(BillingUnit::School).to_string() }</td>
                        <td class="money">{ sim.total(BillingUnit::SchoolGroup).to_string() }</td>
                        <td class="money">{ sim.total(BillingUnit::School).minus(sim.total(BillingUnit::SchoolGroup)).to_string() }</td>
                    }
                    <td></td>
                </tr></tfoot>
            </table>
            if !short.is_empty() {
                <div class="callout" id="annees-courtes">
                    <p><strong>{ SHORT_ACCESS_NOTE }{ " " }</strong><ClauseTag clause={Clause::Art6Fee} /></p>
                    <ul>{ for short.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                </div>
            }
            if both {
                <p class="hypothese">{ TWO_READINGS_NOTE }{ " " }<ClauseTag clause={Clause::DeliberationRecitalGroup} /></p>
            }
            <BudgetTable sim={p.sim.clone()} />
            <BudgetChart sim={p.chart.clone()} />
        </section>
    }
}

#[function_component(BudgetTable)]
fn budget_table(p: &BudgetProps) -> Html {
    let sim = &p.sim;
    let both = sim.has_groups;
    let per_group = sim.budget_years.for_unit(BillingUnit::SchoolGroup);
    let per_school = sim.budget_years.for_unit(BillingUnit::School);
    html! {
        <table tabindex="0" class="figures" id="exercices">
            <caption>{ "Par exercice budgétaire (titres de recette) " }<ClauseTag clause={Clause::Art6Title} /></caption>
            <thead><tr><th scope="col">{ "Exercice" }</th><th scope="col">{ "Montant" }</th>
                if both { <th scope="col">{ "Par école" }</th><th scope="col">{ "Par groupe" }</th> }
                <th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
            <tbody>
            { for sim.budget().iter().enumerate().map(|(i, b)| {
                let explain = {
                    let sim = p.sim.clone();
                    Callback::from(move |_| sim.budget()[i].why())
                };
                html! { <tr>
                    <td>{ b.year }</td><td class="money">{ b.fee.to_string() }</td>
                    if both {
                        <td class="money">{ per_school.get(i).map(|x| x.fee.to_string()).unwrap_or_default() }</td>
                        <td class="money">{ per_group.get(i).map(|x| x.fee.to_string()).unwrap_or_default() }</td>
                    }
                    <td><Why {explain} /></td>
                </tr> }
            }) }
            </tbody>
        </table>
    }
}

/// Bars of the budget years (both readings when schools share a group).
#[function_component(BudgetChart)]
fn budget_chart(p: &BudgetProps) -> Html {
    let sim = &p.sim;
    let series: Vec<(&str, &[crate::engine::r3_r4_r7_fees::BudgetYear])> = if sim.has_groups {
        vec![
            ("par école", sim.budget_years.for_unit(BillingUnit::School)),
            (
                "par groupe",
                sim.budget_years.for_unit(BillingUnit::SchoolGroup),
            ),
        ]
    } else {
        vec![("", sim.budget())]
    };
    let years = sim.budget().len().max(1);
    let max = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|b| b.fee))
        .max()
        .unwrap_or(Money::ZERO)
        .cents()
        .max(1);
    let (w, h, top, bottom, left) = (600.0, 220.0, 24.0, 30.0, 8.0);
    let slot = (w - left * 2.0) / years as f64;
    let bar = (slot * 0.7) / series.len() as f64;
    let summary = sim
        .budget()
        .iter()
        .map(|b| format!("{} : {}", b.year, b.fee))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class="chart" tabindex="0" aria-label="Graphique des redevances par exercice">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={format!("Redevances par exercice : {summary}")}>
                { for series.iter().enumerate().flat_map(|(si, (_, s))| s.iter().enumerate().map(move |(i, b)| {
                    let height = (h - top - bottom) * b.fee.cents() as f64 / max as f64;
                    let x = left + slot * i as f64 + slot * 0.15 + bar * si as f64;
                    let y = h - bottom - height;
                    html! { <g>
                        <rect class={format!("bar s{si}")} x={fixed(x, 1)} y={fixed(y, 1)} width={fixed(bar - 2.0, 1)} height={fixed(height, 1)}><title>{ format!("{} : {}", b.year, b.fee) }</title></rect>
                        if si == 0 { <text class="axis" x={fixed(left + slot * i as f64 + slot / 2.0, 1)} y={fixed(h - 10.0, 0)} text-anchor="middle">{ b.year }</text> }
                        if years <= 12 { <text class="value" x={fixed(x + bar / 2.0 - 1.0, 1)} y={fixed(y - 4.0, 1)} text-anchor="middle">{ format!("{}", b.fee.cents() / 100) }</text> }
                    </g> }
                })) }
            </svg>
            <figcaption>{ "Montant des titres de recette par exercice (en euros)" }
                if sim.has_groups { { " — foncé : par école ; clair : par groupe scolaire" } }
            </figcaption>
        </figure>
    }
}

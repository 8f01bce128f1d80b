//! Fees per convention year and per budget year, as tables and an SVG bar chart; with school
//! groups, both readings of R4 side by side. Draws `web::views::fees`.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::live::Figures;
use crate::web::views::fees::{BudgetView, ChartView, FeeCells, FeeMarks, FeesView, SHORT_ACCESS};
use crate::web::views::{fixed, unavailable};

use super::why::{ClauseTag, Why};

#[derive(Properties, PartialEq)]
pub struct FeesProps {
    pub figures: Figures,
    /// The chart's figures: the same simulation one painted frame later (`use_after_paint`).
    pub chart: Figures,
}

/// Where a change of fee takes effect, under the amount (R3).
fn fee_mark(mark: &Option<String>) -> Html {
    match mark {
        Some(m) => html! { <span class="fee-mark">{ "◆ " }{ m }</span> },
        None => Html::default(),
    }
}

/// The fee (with the mark of a change of fee), then with groups both readings and their gap,
/// as money cells.
fn cells(c: &FeeCells, mark: &Option<String>) -> Html {
    html! { <>
        <td class="money">{ &c.fee }{ fee_mark(mark) }</td>
        if let Some(r) = &c.readings { { for r.iter().map(|m| html! { <td class="money">{ m }</td> }) } }
    </> }
}

#[function_component(Fees)]
pub fn fees(p: &FeesProps) -> Html {
    let view = Rc::new(FeesView::of(&p.figures));
    let marks = Rc::new(view.marks());
    let short = view.short_access();
    html! {
        <section class="fees" aria-labelledby="redevances-titre">
            <h2 id="redevances-titre">{ "Redevances" }</h2>
            <p class="lead">{ &view.lead }{ " " }<ClauseTag clause={FeesView::LEAD_CLAUSE} /></p>
            <table tabindex="0" class="figures" id="annees-convention">
                <caption>{ "Par année de convention " }<ClauseTag clause={FeesView::YEARS_CLAUSE} /></caption>
                <thead><tr>
                    <th scope="col">{ "N°" }</th><th scope="col">{ "Du" }</th><th scope="col">{ "Au" }</th>
                    <th scope="col">{ view.units_header }</th>
                    <th scope="col">{ "Montant" }</th>
                    if view.both { <th scope="col">{ "Lecture par école" }</th><th scope="col">{ "Lecture par groupe" }</th><th scope="col">{ "Écart" }</th> }
                    <th scope="col"><span class="visually-hidden">{ "Explication" }</span></th>
                </tr></thead>
                <tbody>
                { for view.years.iter().enumerate().map(|(i, y)| {
                    // The explanation is written when asked for, from the view shared by the
                    // rows: nothing of the year is copied at each edit.
                    let explain = {
                        let view = view.clone();
                        Callback::from(move |_| view.year_why(i).unwrap_or_else(unavailable))
                    };
                    html! { <tr>
                        <td>{ y.number }</td><td>{ &y.from }</td><td>{ &y.to }</td>
                        <td class="num">{ y.units }</td>
                        { cells(&y.fee, marks.years.get(i).unwrap_or(&None)) }
                        <td><Why {explain} /></td>
                    </tr> }
                }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row" colspan="4">{ "Total" }</th>
                    { cells(&view.total, &None) }
                    <td></td>
                </tr></tfoot>
            </table>
            if !marks.notes.is_empty() {
                <div class="callout" id="avenants-effets">
                    <p><strong>{ "Avenants : où le nouveau montant s'applique " }</strong><ClauseTag clause={FeesView::LEAD_CLAUSE} /></p>
                    <ul>{ for marks.notes.iter().map(|line| html! { <li>{ "◆ " }{ line }</li> }) }</ul>
                </div>
            }
            if !short.is_empty() {
                <div class="callout" id="annees-courtes">
                    <p><strong>{ SHORT_ACCESS.0 }{ " " }</strong><ClauseTag clause={SHORT_ACCESS.1} /></p>
                    <ul>{ for short.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                </div>
            }
            if view.two_readings {
                <p class="hypothese">{ FeesView::TWO_READINGS.0 }{ " " }<ClauseTag clause={FeesView::TWO_READINGS.1} /></p>
            }
            <BudgetTable view={view.clone()} marks={marks.clone()} />
            <BudgetChart figures={p.chart.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BudgetProps {
    view: Rc<FeesView>,
    marks: Rc<FeeMarks>,
}

#[function_component(BudgetTable)]
fn budget_table(p: &BudgetProps) -> Html {
    let BudgetView { both, rows } = &p.view.budget;
    html! {
        <table tabindex="0" class="figures" id="exercices">
            <caption>{ "Par exercice budgétaire (titres de recette) " }<ClauseTag clause={FeesView::BUDGET_CLAUSE} /></caption>
            <thead><tr><th scope="col">{ "Exercice" }</th><th scope="col">{ "Montant" }</th>
                if *both { <th scope="col">{ "Par école" }</th><th scope="col">{ "Par groupe" }</th> }
                <th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
            <tbody>
            { for rows.iter().enumerate().map(|(i, b)| {
                let explain = {
                    let view = p.view.clone();
                    Callback::from(move |_| view.budget_why(i).unwrap_or_else(unavailable))
                };
                html! { <tr>
                    <td>{ b.year }</td><td class="money">{ &b.fee }{ fee_mark(p.marks.budget.get(i).unwrap_or(&None)) }</td>
                    if let Some(r) = &b.readings { { for r.iter().map(|m| html! { <td class="money">{ m }</td> }) } }
                    <td><Why {explain} /></td>
                </tr> }
            }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    figures: Figures,
}

/// Bars of the budget years (both readings when schools share a group).
#[function_component(BudgetChart)]
fn budget_chart(p: &ChartProps) -> Html {
    let chart = ChartView::of(&p.figures);
    let years = chart.years();
    let (w, h, top, bottom, left) = (600.0, 220.0, 24.0, 30.0, 8.0);
    let slot = (w - left * 2.0) / years as f64;
    let bar = (slot * 0.7) / chart.series.len().max(1) as f64;
    html! {
        <figure class="chart" tabindex="0" aria-label="Graphique des redevances par exercice">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={chart.label.clone()}>
                { for chart.series.iter().enumerate().flat_map(|(si, s)| s.iter().enumerate().map(move |(i, b)| {
                    let height = (h - top - bottom) * b.cents as f64 / chart.max_cents as f64;
                    let x = left + slot * i as f64 + slot * 0.15 + bar * si as f64;
                    let y = h - bottom - height;
                    html! { <g>
                        <rect class={format!("bar s{si}")} x={fixed(x, 1)} y={fixed(y, 1)} width={fixed(bar - 2.0, 1)} height={fixed(height, 1)}><title>{ &b.title }</title></rect>
                        if si == 0 { <text class="axis" x={fixed(left + slot * i as f64 + slot / 2.0, 1)} y={fixed(h - 10.0, 0)} text-anchor="middle">{ b.year }</text> }
                        if years <= 12 { <text class="value" x={fixed(x + bar / 2.0 - 1.0, 1)} y={fixed(y - 4.0, 1)} text-anchor="middle">{ &b.value }</text> }
                    </g> }
                })) }
            </svg>
            <figcaption>{ &chart.caption }</figcaption>
        </figure>
    }
}

//! Annexe 2: how a fee splits, for the selected year, one school, and the territory. Draws
//! `web::views::shares`.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::why::{ClauseTag, Why};
use crate::web::live::Figures;
use crate::web::views::fixed;
use crate::web::views::shares::SharesView;

#[derive(Properties, PartialEq)]
pub struct SharesProps {
    pub figures: Figures,
}

#[function_component(Shares)]
pub fn shares(p: &SharesProps) -> Html {
    let selected = use_state(|| 0usize);
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
    let view = SharesView::of(&p.figures, *selected);
    let why = view.why().map(|e| Callback::from(move |_| e.clone()));
    html! {
        <section class="shares" aria-labelledby="annexe2-titre">
            <h2 id="annexe2-titre">{ "Répartition du coût " }<ClauseTag clause={view.clause} /></h2>
            <div class="field">
                <label for="annee-annexe2">{ "Année de convention" }</label>
                <select id="annee-annexe2" {onchange}>
                    { for view.years.iter().enumerate().map(|(i, y)| html! {
                        <option value={i.to_string()} selected={i == view.selected}>{ y }</option>
                    }) }
                </select>
            </div>
            <ShareBar view={view.clone()} />
            <table tabindex="0" class="figures" id="parts-annexe2">
                <thead><tr><th scope="col">{ "Poste" }</th><th scope="col">{ "Part" }</th>
                    { for view.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                { for view.rows.iter().map(|r| html! {
                    <tr class={classes!(r.sub.then_some("sub"))}>
                        <th scope="row">{ r.label }</th><td class="num">{ &r.percent }</td>
                        { for r.amounts.iter().map(|m| html! { <td class="money">{ m }</td> }) }
                    </tr>
                }) }
                </tbody>
            </table>
            if let Some(explain) = why { <Why {explain} /> }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ShareBarProps {
    view: SharesView,
}

/// A stacked bar: hosting, maintenance, and the salaries in their three parts.
#[function_component(ShareBar)]
fn share_bar(p: &ShareBarProps) -> Html {
    let (cents, total) = &p.view.bar_cents;
    let parts = &p.view.bar;
    let mut x = 0.0;
    html! {
        <figure class="chart">
            <svg viewBox="0 0 640 36" role="img" aria-label={parts.iter().map(|(l, m, _)| format!("{l} : {m}")).collect::<Vec<_>>().join(", ")}>
                { for parts.iter().zip(cents).map(|((label, m, class), c)| {
                    let w = 640.0 * *c as f64 / *total as f64;
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

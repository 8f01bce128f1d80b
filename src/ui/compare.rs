//! « Comparer des simulations »: two or three simulations of « Mes simulations » side by side
//! (`web::compare`), or the open one and its variant made in one click: the inputs that
//! differ, the fees per convention year and per budget year with each gap and where it comes
//! from, a chart of the budget years on the same axes, the next deadlines, the schools.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::browser;
use super::state::Dispatch;
use super::use_after_paint::after_next_paint;
use super::use_exporter::{ExportJob, Exporter};
use super::why::{ClauseTag, Why};
use crate::engine::compare::{Comparison, Gap};
use crate::engine::dates::fr;
use crate::engine::text::fixed;
use crate::engine::{Explanation, Money};
use crate::io::compare::money_or_dash;
use crate::io::exports::worker::SpreadsheetFormat;
use crate::web::compare::{
    SCHOOLS_VARIANT, comparison, export_request, schools_variant, terminate_variant,
    terminate_variant_label, variants_hint,
};
use crate::web::share::compare_hash;
use crate::web::state::{Action, Library, SimId};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub library: Library,
    /// The simulations compared, the first the reference.
    pub compared: Vec<SimId>,
    pub today: NaiveDate,
    pub dispatch: Dispatch,
    /// The open simulation's figures (one painted frame behind), when it has any.
    pub sim: Option<Rc<crate::engine::Simulation>>,
}

/// A « pourquoi ? » for an explanation already made.
fn why_of(why: &Explanation, label: &'static str) -> Html {
    let why = why.clone();
    html! { <Why explain={Callback::from(move |_| why.clone())} label={AttrValue::Static(label)} /> }
}

fn gap_cell(g: &Option<Gap>) -> Html {
    match g {
        Some(g) => {
            let class = match g.cents().signum() {
                1 => "money gap more",
                -1 => "money gap less",
                _ => "money gap",
            };
            html! { <td class={class}>{ g.to_string() }</td> }
        }
        None => html! {},
    }
}

#[function_component(ComparePanel)]
pub fn compare_panel(p: &CompareProps) -> Html {
    let current = p.library.current().clone();
    let today = p.today;
    // From the figures already computed (one painted frame after an edit, as the sections
    // below the fees): nothing is read or simulated again here on a keystroke.
    let variant_label = p
        .sim
        .as_ref()
        .and_then(|sim| terminate_variant_label(&current, sim, today));
    let chosen: Vec<_> = p
        .compared
        .iter()
        .filter_map(|id| p.library.entries.iter().find(|e| e.id == *id).cloned())
        .collect();
    // From the simulations that still exist (another tab may have deleted one).
    let chosen_ids: Vec<SimId> = chosen.iter().map(|e| e.id.clone()).collect();
    let key: Vec<_> = chosen
        .iter()
        .map(|e| (e.id.clone(), e.name.clone(), e.draft.clone()))
        .collect();
    // Computed right after the next paint, as the sections below the fees: an edit of a
    // compared simulation reaches its own figures in the next frame, the comparison one frame
    // later. A result is shown only for the simulations chosen now.
    type Computed = (Vec<SimId>, Result<Rc<Comparison>, String>);
    let result = use_state(|| None::<Computed>);
    {
        let (result, chosen) = (result.clone(), chosen.clone());
        use_effect_with((key, today), move |_| {
            if chosen.len() >= 2 {
                after_next_paint(move || {
                    let ids = chosen.iter().map(|e| e.id.clone()).collect();
                    let c = comparison(&chosen.iter().collect::<Vec<_>>(), today).map(Rc::new);
                    result.set(Some((ids, c)));
                });
            }
        });
    }
    let shown = (*result)
        .clone()
        .filter(|(ids, _)| *ids == chosen_ids)
        .map(|(_, c)| c);
    let error = use_state_eq(|| None::<String>);
    let make_variant = {
        let (dispatch, current, error) = (p.dispatch.clone(), current.clone(), error.clone());
        Callback::from(
            move |_: MouseEvent| match terminate_variant(&current, today) {
                Ok(action) => {
                    error.set(None);
                    dispatch.dispatch(action);
                }
                Err(m) => error.set(Some(m)),
            },
        )
    };
    let add_schools = {
        let (dispatch, current) = (p.dispatch.clone(), current.clone());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(schools_variant(&current, today)))
    };
    let toggle = |id: SimId| {
        let (dispatch, compared) = (p.dispatch.clone(), chosen_ids.clone());
        Callback::from(move |_: Event| {
            let mut next = compared.clone();
            match next.iter().position(|x| *x == id) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(id.clone()),
            }
            dispatch.dispatch(Action::Compare(next));
        })
    };
    let full = chosen_ids.len() >= crate::engine::compare::MAX_COMPARED;
    let link_said = use_state_eq(|| None::<(bool, String)>);
    let copy_link = {
        let (said, chosen) = (link_said.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            let list: Vec<(&str, &crate::web::draft::Draft)> = chosen
                .iter()
                .map(|e| (e.name.as_str(), &*e.draft))
                .collect();
            match compare_hash(&list) {
                Ok(hash) => {
                    browser::copy(&browser::link_with(&hash));
                    said.set(Some((false, "Lien de la comparaison copié : les scénarios sans données personnelles (directeurs, contacts, élus), les noms des simulations tels quels ; il reproduit tous ses chiffres.".into())));
                }
                Err(m) => said.set(Some((true, m))),
            }
        })
    };
    let export = use_context::<Exporter>().map(|e| e.0).unwrap_or_default();
    let status = use_state_eq(|| None::<(bool, String)>);
    // A message is about the comparison it was said for: another choice clears it.
    {
        let (error, link_said, status) = (error.clone(), link_said.clone(), status.clone());
        use_effect_with(chosen_ids.clone(), move |_| {
            error.set(None);
            link_said.set(None);
            status.set(None);
        });
    }
    let save = |format: SpreadsheetFormat| {
        let (export, status, chosen) = (export.clone(), status.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            match export_request(&chosen.iter().collect::<Vec<_>>(), format, today) {
                Ok((request, file_name)) => {
                    export.emit(ExportJob::download(request, file_name, &status))
                }
                Err(m) => status.set(Some((true, m))),
            }
        })
    };
    html! {
        <section class="compare" id="comparer" aria-labelledby="comparer-titre">
            <h2 id="comparer-titre">{ "Comparer des simulations" }</h2>
            <p class="hint">{ "Deux ou trois simulations côte à côte : la première cochée sert de référence, chaque écart dit d'où il vient." }</p>
            <fieldset class="compare-choice">
                <legend>{ "Simulations à comparer (deux ou trois)" }</legend>
                { for p.library.entries.iter().map(|e| {
                    let checked = chosen_ids.contains(&e.id);
                    let rank = chosen_ids.iter().position(|x| *x == e.id);
                    let id = format!("comparer-{}", e.id);
                    html! {
                        <div class="check" key={e.id.0.clone()}>
                            <input type="checkbox" id={id.clone()} {checked} disabled={full && !checked} onchange={toggle(e.id.clone())} />
                            <label for={id}>{ &e.name }
                                if rank == Some(0) { <span class="badge">{ "référence" }</span> }
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
            <div class="actions">
                if let Some(label) = variant_label {
                    <button type="button" id="variante-resilier" onclick={make_variant}>{ label }</button>
                }
                <button type="button" id="variante-ecoles" onclick={add_schools}>{ SCHOOLS_VARIANT }</button>
                <p class="hint">{ variants_hint(&current.name) }</p>
            </div>
            if let Some(message) = (*error).clone() { <p class="error" role="alert">{ message }</p> }
            if let Some(result) = shown {
                { match result {
                    Ok(c) => html! { <>
                        <div class="toolbar compare-export">
                            <button type="button" onclick={save(SpreadsheetFormat::Xlsx)}>{ "Comparaison (.xlsx)" }</button>
                            <button type="button" onclick={save(SpreadsheetFormat::Ods)}>{ "Comparaison (.ods)" }</button>
                            <button type="button" id="comparaison-lien" onclick={copy_link}>{ "Copier le lien de la comparaison" }</button>
                            <span class="hint">{ "Une feuille par simulation et une feuille des écarts." }</span>
                        </div>
                        if let Some((error, text)) = (*link_said).clone() {
                            <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="comparaison-lien-statut">{ text }</p>
                        }
                        if let Some((error, text)) = (*status).clone() {
                            <p class={classes!("export-status", error.then_some("error"))} role="status" aria-live="polite" id="comparaison-statut">{ text }</p>
                        }
                        <ComparisonView comparison={c} />
                    </> },
                    Err(message) => html! { <p class="error" role="status" id="comparaison-erreur">{ message }</p> },
                } }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub comparison: Rc<Comparison>,
}

/// The comparison itself: tables, chart, deadlines, schools.
#[function_component(ComparisonView)]
fn comparison_view(p: &ComparisonProps) -> Html {
    let c = &p.comparison;
    let names = &c.names;
    let heads = html! { <>{ for names.iter().map(|n| html! { <th scope="col">{ n }</th> }) }</> };
    let gap_heads = html! { <>{ for names.iter().skip(1).map(|n| html! { <th scope="col">{ format!("Écart « {n} »") }</th> }) }</> };
    html! {
        <div class="comparison">
            <h3>{ "Ce qui diffère dans les données" }</h3>
            if c.inputs.is_empty() {
                <p>{ if c.schools.is_empty() && c.eligibility.is_empty() { "Aucune donnée ne diffère." } else { "Aucune donnée de la convention ne diffère : seules les écoles ci-dessous." } }</p>
            } else {
                <table class="figures" id="comparaison-donnees" tabindex="0">
                    <thead><tr><th scope="col">{ "Donnée" }</th>{ heads.clone() }</tr></thead>
                    <tbody>{ for c.inputs.iter().map(|i| html! {
                        <tr><th scope="row">{ crate::io::schema::compared_input(i.input).1 }{ " " }<ClauseTag clause={i.clause} /></th>
                            { for i.values.iter().map(|v| html! { <td>{ v }</td> }) }</tr>
                    }) }</tbody>
                </table>
            }
            <table class="figures" id="comparaison-annees" tabindex="0">
                <caption>{ "Redevances par année de convention " }<ClauseTag clause={crate::engine::Clause::Art6Fee} /></caption>
                <thead><tr><th scope="col">{ "N°" }</th>{ heads.clone() }{ gap_heads.clone() }<th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for c.convention_years.iter().map(|y| html! {
                    <tr>
                        <th scope="row">{ y.number }</th>
                        { for y.fees.iter().map(|f| html! { <td class="money">{ money_or_dash(*f) }</td> }) }
                        { for y.gaps.iter().map(gap_cell) }
                        <td>{ why_of(&y.why, "pourquoi ?") }</td>
                    </tr>
                }) }</tbody>
                <tfoot><tr>
                    <th scope="row">{ "Total" }</th>
                    { for c.totals.iter().map(|t| html! { <td class="money">{ t.to_string() }</td> }) }
                    { for c.total_gaps.iter().map(gap_cell) }
                    <td>{ why_of(&c.total_why, "pourquoi ?") }</td>
                </tr></tfoot>
            </table>
            <table class="figures" id="comparaison-exercices" tabindex="0">
                <caption>{ "Par exercice budgétaire (titres de recette) " }<ClauseTag clause={crate::engine::Clause::Art6Title} /></caption>
                <thead><tr><th scope="col">{ "Exercice" }</th>{ heads.clone() }{ gap_heads }<th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for c.budget_years.iter().map(|b| html! {
                    <tr>
                        <th scope="row">{ b.year }</th>
                        { for b.fees.iter().map(|f| html! { <td class="money">{ f.to_string() }</td> }) }
                        { for b.gaps.iter().map(gap_cell) }
                        <td>{ why_of(&b.why, "pourquoi ?") }</td>
                    </tr>
                }) }</tbody>
            </table>
            <CompareChart comparison={p.comparison.clone()} />
            <h3>{ "Prochaine échéance de la commune" }</h3>
            <ul class="compare-deadlines">{ for names.iter().zip(&c.next_deadlines).map(|(n, d)| html! {
                <li><strong>{ format!("« {n} » : ") }</strong>
                    { match d {
                        Some(d) => html! { <>{ format!("{} — {} ", fr(d.date), d.label) }<ClauseTag clause={d.clause} /></> },
                        None => html! { { "aucune" } },
                    } }</li>
            }) }</ul>
            if !c.schools.is_empty() {
                <h3>{ "Écoles qui diffèrent" }</h3>
                <ul class="compare-schools">{ for c.schools.iter().map(|s| html! { <li><strong>{ &s.name }</strong>{ format!(" : {}", s.what) }</li> }) }</ul>
            }
            if !c.eligibility.is_empty() {
                <h3>{ "Éligibilité qui diffère " }<ClauseTag clause={crate::engine::Clause::Art5FirstDegree} /></h3>
                <ul class="compare-schools">{ for c.eligibility.iter().map(|e| html! {
                    <li><strong>{ &e.name }</strong>{ " : " }
                        { names.iter().zip(e.eligible.iter().zip(&e.reasons)).map(|(n, (el, reasons))| match el {
                            Some(true) => format!("« {n} » : éligible"),
                            Some(false) => format!("« {n} » : non éligible ({})", reasons.join(" ; ")),
                            None => format!("« {n} » : absente"),
                        }).collect::<Vec<_>>().join(" ; ") }</li>
                }) }</ul>
            }
        </div>
    }
}

/// The budget years of each simulation on the same axes: one bar per simulation a year.
#[function_component(CompareChart)]
fn compare_chart(p: &ComparisonProps) -> Html {
    let c = &p.comparison;
    let years = c.budget_years.len().max(1);
    let sims = c.names.len().max(1);
    let max = c
        .budget_years
        .iter()
        .flat_map(|b| b.fees.iter().map(|f| f.cents()))
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, top, bottom, left) = (600.0, 220.0, 24.0, 30.0, 8.0);
    let slot = (w - left * 2.0) / years as f64;
    let bar = (slot * 0.8) / sims as f64;
    let label = c
        .budget_years
        .iter()
        .map(|b| {
            let fees: Vec<String> = b.fees.iter().map(Money::to_string).collect();
            format!("{} : {}", b.year, fees.join(" / "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class="chart" tabindex="0" aria-label="Graphique des redevances par exercice, simulations côte à côte">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={format!("Redevances par exercice ({}) : {label}", c.names.join(" / "))}>
                { for c.budget_years.iter().enumerate().map(|(i, b)| html! { <g>
                    { for b.fees.iter().enumerate().map(|(si, f)| {
                        let height = (h - top - bottom) * f.cents() as f64 / max as f64;
                        let x = left + slot * i as f64 + slot * 0.1 + bar * si as f64;
                        html! { <rect class={format!("bar s{si}")} x={fixed(x, 1)} y={fixed(h - bottom - height, 1)} width={fixed((bar - 2.0).max(0.5), 1)} height={fixed(height, 1)}><title>{ format!("{} — « {} » : {}", b.year, c.names[si], f) }</title></rect> }
                    }) }
                    <text class="axis" x={fixed(left + slot * i as f64 + slot / 2.0, 1)} y={fixed(h - 10.0, 0)} text-anchor="middle">{ b.year }</text>
                </g> }) }
            </svg>
            <figcaption>{ "Montant des titres de recette par exercice : " }
                { for c.names.iter().enumerate().map(|(si, n)| html! { <span class={format!("legend s{si}")}>{ format!("« {n} »") }</span> }) }
            </figcaption>
        </figure>
    }
}

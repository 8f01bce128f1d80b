//! « Comparer des simulations »: two or three simulations of « Mes simulations » side by side
//! (`web::compare`), or the open one and its variant made in one click: the inputs that
//! differ, the fees per convention year and per budget year with each gap and where it comes
//! from, a chart of the budget years on the same axes, the next deadlines, the schools.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::browser;
use super::field::Field;
use super::state::Dispatch;
use super::use_after_paint::after_next_paint;
use super::use_exporter::{ExportJob, Exporter};
use super::why::{ClauseTag, Why};
use crate::web::app::schema::Input;
use crate::web::app::worker::SpreadsheetFormat;
use crate::web::compare::{
    FEE_VARIANT_BUTTON, FEE_VARIANT_LABELS, VARIANT_COUNT_ERROR, export_request, fee_variant,
    fee_variant_defaults, fee_variant_inputs, fee_variant_label, schools_variant,
    schools_variant_count, schools_variant_label, terminate_variant, terminate_variant_label,
    variants_hint,
};
use crate::web::live::Figures;
use crate::web::share::compare_hash;
use crate::web::state::{Action, Library, SimId};
use crate::web::views::compare::{CompareRow, CompareView, MAX_COMPARED};
use crate::web::views::{Explanation, fixed};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub library: Library,
    /// The simulations compared, the first the reference.
    pub compared: Vec<SimId>,
    pub today: NaiveDate,
    pub dispatch: Dispatch,
    /// The open simulation's figures (one painted frame behind), when it has any.
    pub figures: Option<Figures>,
}

/// A « pourquoi ? » for an explanation already made.
fn why_of(why: &Explanation, label: &'static str) -> Html {
    let why = why.clone();
    html! { <Why explain={Callback::from(move |_| why.clone())} label={AttrValue::Static(label)} /> }
}

/// A row of amounts: its head, each simulation's amount, each gap, « pourquoi ? ».
fn amounts_row(r: &CompareRow, tag: &'static str) -> Html {
    html! {
        <tr>
            <th scope="row">{ &r.head }</th>
            { for r.amounts.iter().map(|a| html! { <td class="money">{ a }</td> }) }
            { for r.gaps.iter().map(|(g, class)| html! { <td class={*class}>{ g }</td> }) }
            <td>{ why_of(&r.why, tag) }</td>
        </tr>
    }
}

#[function_component(ComparePanel)]
pub fn compare_panel(p: &CompareProps) -> Html {
    let current = p.library.current().clone();
    let today = p.today;
    // From the figures already computed (one painted frame after an edit, as the sections
    // below the fees): nothing is read or simulated again here on a keystroke.
    let variant_label = p
        .figures
        .as_ref()
        .and_then(|f| terminate_variant_label(&current, f, today));
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
    type Computed = (Vec<SimId>, Result<Rc<CompareView>, String>);
    let result = use_state(|| None::<Computed>);
    {
        let (result, chosen) = (result.clone(), chosen.clone());
        use_effect_with((key, today), move |_| {
            if chosen.len() >= 2 {
                after_next_paint(move || {
                    let ids = chosen.iter().map(|e| e.id.clone()).collect();
                    let c = CompareView::of(&chosen.iter().collect::<Vec<_>>(), today).map(Rc::new);
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
                    browser::focus_later("comparer-titre".into());
                }
                Err(m) => error.set(Some(m)),
            },
        )
    };
    // How many schools the variant adds, as typed (a whole number from 1 to 99).
    let how_many = use_state(|| "2".to_string());
    let count = schools_variant_count(&how_many);
    let add_schools = {
        let (dispatch, current) = (p.dispatch.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(n) = count {
                dispatch.dispatch(schools_variant(&current, today, n));
                // The person is taken to the answer: the comparison.
                browser::focus_later("comparer-titre".into());
            }
        })
    };
    // The fee variant's inputs: as typed, or the defaults from the open simulation's figures
    // until something is typed.
    let fee_typed = use_state(|| (None::<String>, None::<String>));
    let fee_left = use_state_eq(|| false);
    let defaults = p
        .figures
        .as_ref()
        .map(|f| fee_variant_defaults(f, today))
        .unwrap_or_default();
    let fee_amount = fee_typed.0.clone().unwrap_or(defaults.0);
    let fee_from = fee_typed.1.clone().unwrap_or(defaults.1);
    let fee_inputs = fee_variant_inputs(&fee_amount, &fee_from);
    let on_fee_amount = {
        let fee_typed = fee_typed.clone();
        Callback::from(move |v: String| fee_typed.set((Some(v), fee_typed.1.clone())))
    };
    let on_fee_from = {
        let fee_typed = fee_typed.clone();
        Callback::from(move |v: String| fee_typed.set((fee_typed.0.clone(), Some(v))))
    };
    let on_fee_leave = {
        let fee_left = fee_left.clone();
        Callback::from(move |()| fee_left.set(true))
    };
    let make_fee_variant = {
        let (dispatch, current, error) = (p.dispatch.clone(), current.clone(), error.clone());
        let (inputs, fee_left) = (fee_inputs.clone(), fee_left.clone());
        Callback::from(move |_: MouseEvent| match &inputs {
            Ok((amount, from)) => match fee_variant(&current, *amount, *from) {
                Ok(action) => {
                    error.set(None);
                    dispatch.dispatch(action);
                    browser::focus_later("comparer-titre".into());
                }
                Err(m) => error.set(Some(m)),
            },
            Err(_) => fee_left.set(true),
        })
    };
    let fee_error = fee_inputs
        .as_ref()
        .err()
        .filter(|_| *fee_left)
        .map(|e| AttrValue::from(e.clone()));
    let fee_label = match &fee_inputs {
        Ok((amount, from)) => fee_variant_label(*amount, *from),
        Err(_) => FEE_VARIANT_BUTTON.to_string(),
    };
    let on_how_many = {
        let how_many = how_many.clone();
        Callback::from(move |v: String| how_many.set(v))
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
    let full = chosen_ids.len() >= MAX_COMPARED;
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
            <h2 id="comparer-titre" tabindex="-1">{ "Comparer des simulations" }</h2>
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
                <div class="variant-schools">
                    <Field id="variante-nombre" label="Écoles en plus" value={(*how_many).clone()} inputmode="numeric" oninput={on_how_many}
                        error={count.is_none().then_some(AttrValue::Static(VARIANT_COUNT_ERROR))} />
                    <button type="button" id="variante-ecoles" onclick={add_schools} disabled={count.is_none()}>{ schools_variant_label(count.unwrap_or(2)) }</button>
                </div>
                <div class="variant-fee">
                    <Field id="variante-redevance" label={FEE_VARIANT_LABELS[0]} value={fee_amount} inputmode="decimal"
                        oninput={on_fee_amount} onleave={Some(on_fee_leave.clone())} error={fee_error} />
                    <Field id="variante-redevance-date" label={FEE_VARIANT_LABELS[1]} kind={Input::Date.html_type()} value={fee_from}
                        oninput={on_fee_from} onleave={Some(on_fee_leave)} />
                    <button type="button" id="variante-redevance-bouton" onclick={make_fee_variant}>{ fee_label }</button>
                </div>
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
    pub comparison: Rc<CompareView>,
}

/// The comparison itself: tables, chart, deadlines, schools.
#[function_component(ComparisonView)]
fn comparison_view(p: &ComparisonProps) -> Html {
    let c = &p.comparison;
    let names = &c.names;
    let [fee_clause, title_clause, eligibility_clause] = c.clauses;
    let heads = html! { <>{ for names.iter().map(|n| html! { <th scope="col">{ n }</th> }) }</> };
    let gap_heads = html! { <>{ for names.iter().skip(1).map(|n| html! { <th scope="col">{ format!("Écart « {n} »") }</th> }) }</> };
    html! {
        <div class="comparison">
            <h3>{ "Ce qui diffère dans les données" }</h3>
            if let Some(none) = c.no_input {
                <p>{ none }</p>
            } else {
                <table class="figures" id="comparaison-donnees" tabindex="0">
                    <thead><tr><th scope="col">{ "Donnée" }</th>{ heads.clone() }</tr></thead>
                    <tbody>{ for c.inputs.iter().map(|(label, clause, values)| html! {
                        <tr><th scope="row">{ label }{ " " }<ClauseTag clause={*clause} /></th>
                            { for values.iter().map(|v| html! { <td>{ v }</td> }) }</tr>
                    }) }</tbody>
                </table>
            }
            <table class="figures" id="comparaison-annees" tabindex="0">
                <caption>{ "Redevances par année de convention " }<ClauseTag clause={fee_clause} /></caption>
                <thead><tr><th scope="col">{ "N°" }</th>{ heads.clone() }{ gap_heads.clone() }<th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for c.years.iter().map(|y| amounts_row(y, "pourquoi ?")) }</tbody>
                <tfoot>{ amounts_row(&c.total, "pourquoi ?") }</tfoot>
            </table>
            <table class="figures" id="comparaison-exercices" tabindex="0">
                <caption>{ "Par exercice budgétaire (titres de recette) " }<ClauseTag clause={title_clause} /></caption>
                <thead><tr><th scope="col">{ "Exercice" }</th>{ heads.clone() }{ gap_heads }<th scope="col"><span class="visually-hidden">{ "Explication" }</span></th></tr></thead>
                <tbody>{ for c.budget.iter().map(|b| amounts_row(b, "pourquoi ?")) }</tbody>
            </table>
            <CompareChart comparison={p.comparison.clone()} />
            <h3>{ "Prochaine échéance de la commune" }</h3>
            <ul class="compare-deadlines">{ for c.next.iter().map(|(name, d)| html! {
                <li><strong>{ name }</strong>
                    { match d {
                        Some((text, clause)) => html! { <>{ text }<ClauseTag clause={*clause} /></> },
                        None => html! { { "aucune" } },
                    } }</li>
            }) }</ul>
            if !c.schools.is_empty() {
                <h3>{ "Écoles qui diffèrent" }</h3>
                <ul class="compare-schools">{ for c.schools.iter().map(|(name, what)| html! { <li><strong>{ name }</strong>{ what }</li> }) }</ul>
            }
            if !c.eligibility.is_empty() {
                <h3>{ "Éligibilité qui diffère " }<ClauseTag clause={eligibility_clause} /></h3>
                <ul class="compare-schools">{ for c.eligibility.iter().map(|(name, each)| html! {
                    <li><strong>{ name }</strong>{ each }</li>
                }) }</ul>
            }
        </div>
    }
}

/// The budget years of each simulation on the same axes: one bar per simulation a year.
#[function_component(CompareChart)]
fn compare_chart(p: &ComparisonProps) -> Html {
    let c = &p.comparison;
    let chart = &c.chart;
    let years = chart.years.len().max(1);
    let sims = c.names.len().max(1);
    let (w, h, top, bottom, left) = (600.0, 220.0, 24.0, 30.0, 8.0);
    let slot = (w - left * 2.0) / years as f64;
    let bar = (slot * 0.8) / sims as f64;
    html! {
        <figure class="chart" tabindex="0" aria-label="Graphique des redevances par exercice, simulations côte à côte">
            <svg viewBox={format!("0 0 {} {}", fixed(w, 0), fixed(h, 0))} role="img" aria-label={chart.label.clone()}>
                { for chart.years.iter().enumerate().map(|(i, (year, bars))| html! { <g>
                    { for bars.iter().enumerate().map(|(si, (cents, title))| {
                        let height = (h - top - bottom) * *cents as f64 / chart.max_cents as f64;
                        let x = left + slot * i as f64 + slot * 0.1 + bar * si as f64;
                        html! { <rect class={format!("bar s{si}")} x={fixed(x, 1)} y={fixed(h - bottom - height, 1)} width={fixed((bar - 2.0).max(0.5), 1)} height={fixed(height, 1)}><title>{ title }</title></rect> }
                    }) }
                    <text class="axis" x={fixed(left + slot * i as f64 + slot / 2.0, 1)} y={fixed(h - 10.0, 0)} text-anchor="middle">{ year }</text>
                </g> }) }
            </svg>
            <figcaption>{ "Montant des titres de recette par exercice : " }
                { for c.names.iter().enumerate().map(|(si, n)| html! { <span class={format!("legend s{si}")}>{ format!("« {n} »") }</span> }) }
            </figcaption>
        </figure>
    }
}
